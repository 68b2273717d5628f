"""What a user may see and do. The one place that decides it: views, reports and exports ask here.

- Operator PD: their own Perangkat Daerah only; enters and submits its realisations.
- Admin: everything; manages master data and users, verifies, locks months.
- Pimpinan: reads every report; changes nothing.
- Auditor: reads every report and the change history; changes nothing.

An outsider asking for another PD's object gets 404 (we do not tell them it exists); a read-only
user asking to change something gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from perangkat_daerah.models import PerangkatDaerah

from .models import Role

READ_ALL_ROLES = {Role.ADMIN, Role.PIMPINAN, Role.AUDITOR}


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def role_of(user) -> str | None:
    if not _active(user):
        return None
    if user.is_superuser:
        return Role.ADMIN
    return user.role


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def is_operator(user) -> bool:
    return role_of(user) == Role.OPERATOR


def can_read_all_pd(user) -> bool:
    """Admin, Pimpinan and Auditor read every PD's figures."""
    return role_of(user) in READ_ALL_ROLES


def can_view_history(user) -> bool:
    return role_of(user) in {Role.ADMIN, Role.AUDITOR}


def can_manage_master_data(user) -> bool:
    return is_admin(user)


def can_verify(user) -> bool:
    return is_admin(user)


def can_manage_rakor(user) -> bool:
    """Create, edit, finalise and reopen a Rakor POK; add its attendees, arahan, rekomendasi."""
    return is_admin(user)


def can_update_tindak_lanjut(user, perangkat_daerah: PerangkatDaerah) -> bool:
    """The responsible PD's operator reports its follow-up; an admin may record it for them."""
    if is_admin(user):
        return True
    return is_operator(user) and user.perangkat_daerah_id == perangkat_daerah.pk


def can_view_pd(user, perangkat_daerah: PerangkatDaerah) -> bool:
    if can_read_all_pd(user):
        return True
    return is_operator(user) and user.perangkat_daerah_id == perangkat_daerah.pk


def can_enter_realisasi(user, perangkat_daerah: PerangkatDaerah) -> bool:
    """Only the PD's own operator enters its realisations (whether the month is open is asked
    of the month lock, separately)."""
    return is_operator(user) and user.perangkat_daerah_id == perangkat_daerah.pk


def perangkat_daerah_for(user):
    """The Perangkat Daerah a user may see."""
    if can_read_all_pd(user):
        return PerangkatDaerah.objects.all()
    if is_operator(user):
        return PerangkatDaerah.objects.filter(pk=user.perangkat_daerah_id)
    return PerangkatDaerah.objects.none()


def dpa_for(user):
    """The DPA lines a user may see, with their nomenclature preloaded."""
    from kegiatan.models import DPA

    qs = DPA.objects.with_nomenklatur()
    if can_read_all_pd(user):
        return qs
    if is_operator(user):
        return qs.filter(perangkat_daerah_id=user.perangkat_daerah_id)
    return qs.none()


def get_perangkat_daerah_for_user(user, pk, *, write: bool = False) -> PerangkatDaerah:
    """The PD with this pk if the user may see it (and, with ``write``, change its figures).

    Raises Http404 for a PD the user may not see, PermissionDenied for a read-only user asking to
    write.
    """
    try:
        perangkat_daerah = perangkat_daerah_for(user).get(pk=pk)
    except (PerangkatDaerah.DoesNotExist, ValueError, TypeError):
        raise Http404("Perangkat Daerah tidak ditemukan.") from None
    if write and not can_enter_realisasi(user, perangkat_daerah):
        raise PermissionDenied("Anda tidak berhak mengubah data Perangkat Daerah ini.")
    return perangkat_daerah


def require_admin(user) -> None:
    if not is_admin(user):
        raise PermissionDenied("Hanya Admin yang dapat melakukan tindakan ini.")
