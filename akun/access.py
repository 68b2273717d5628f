"""What a user may see and do. The one place that decides it: views, reports and exports ask here.

- Operator PD: their own Perangkat Daerah only; enters and submits its realisations.
- Admin: everything; manages master data and users, verifies, locks months. The accounts of
  every role are theirs to manage, except a superuser's; an account's Django flags (superuser,
  staff, groups, per-user permissions) only a superuser sets (``may_set_account_flags``).
- Pimpinan: reads every report; changes nothing.
- Auditor: reads every report and the change history; changes nothing.

An outsider asking for another PD's object gets 404 (we do not tell them it exists); a read-only
user asking to change something gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from perangkat_daerah.models import PerangkatDaerah

from .models import Role, User

READ_ALL_ROLES = {Role.ADMIN, Role.PIMPINAN, Role.AUDITOR}

# The apps whose records an Admin maintains in the data-induk admin ("axes": the login attempts,
# where an admin can also lift a lockout). Not "auth": groups and permission lists are a
# superuser's; in SiPOK a role is the only thing to set on a user.
MASTER_DATA_APPS = {
    "akun",
    "perangkat_daerah",
    "kegiatan",
    "realisasi",
    "pengadaan",
    "laporan",
    "axes",
}

# The fields of an account that give Django rights beyond its role: only a superuser sets them.
ACCOUNT_FLAGS = ("is_superuser", "is_staff", "groups", "user_permissions")


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


# --- The data-induk admin and the user accounts -------------------------------------------------


def may_manage_user(by, user: User) -> bool:
    """An Admin sees, changes, deletes and resets the accounts of every role (Operator PD, Admin,
    Pimpinan, Auditor); a superuser's account only a superuser."""
    if not is_admin(by):
        return False
    return by.is_superuser or not user.is_superuser


def users_managed_by(by):
    """The accounts ``by`` may manage (the data-induk user list: a superuser's account is not shown
    to an Admin who is not one)."""
    if not is_admin(by):
        return User.objects.none()
    if by.is_superuser:
        return User.objects.all()
    return User.objects.filter(is_superuser=False)


def may_set_account_flags(by) -> bool:
    """Whether ``by`` sets the ACCOUNT_FLAGS of an account. Only a superuser: an Admin who could
    tick "superuser", or give themselves a group or a permission list, would hold every right
    there is."""
    return _active(by) and by.is_superuser


def is_staff_for_role(role: str) -> bool:
    """The staff flag an account gets when an Admin (not a superuser) saves it: on for the Admin
    role, off for the others.

    What opens data induk is the role (``pok.admin.SiPOKAdminSite.has_permission`` asks
    ``can_manage_master_data``); the staff flag only lets the data-induk login form accept the
    user. So it follows the role, as the demo's accounts have it: an Admin cannot give it to anyone
    the role does not already let in, and a new Admin account can use either login page.
    """
    return role == Role.ADMIN


def has_data_induk_perm(user, perm: str, obj=None) -> bool:
    """The data-induk (Django admin) permission ``perm`` ("app.codename") a role grants, on ``obj``
    when given: an Admin holds every permission of the MASTER_DATA_APPS, except on an account it
    may not manage (a superuser's); nobody holds one of ``auth`` through a role.
    (``akun.backends.RoleBackend`` asks here; a superuser holds every permission anyway.)"""
    if not can_manage_master_data(user) or perm.split(".", 1)[0] not in MASTER_DATA_APPS:
        return False
    return not (isinstance(obj, User) and not may_manage_user(user, obj))


def has_data_induk_module(user, app_label: str) -> bool:
    return can_manage_master_data(user) and app_label in MASTER_DATA_APPS
