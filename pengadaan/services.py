"""Procurement packages: who sees which, the stage rules, and the writes.

Reads start from ``paket_for(user)`` (scoped through ``akun.access``); writes go through
``paket_create`` / ``paket_update`` / ``paket_delete``, each validating and writing in one
transaction with the history row naming who did it. Only the PD's own operator writes
(``get_paket_for_user`` with ``write=True``); an Admin maintains packages in the Django admin
(/data-induk/), Pimpinan and Auditor read.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import Http404

from akun import access

from .models import PaketPengadaan

Tahap = PaketPengadaan.Tahap

# The stages at which a contract exists, in the order they come.
TAHAP_BERKONTRAK = (Tahap.KONTRAK, Tahap.PELAKSANAAN, Tahap.SERAH_TERIMA)

# The fields an operator edits (the DPA line is set on creation and may be changed on update).
PAKET_FIELDS = (
    "dpa",
    "nama",
    "metode",
    "hps",
    "nilai_kontrak",
    "penyedia",
    "nomor_kontrak",
    "tahap",
    "tanggal_pengumuman",
    "tanggal_kontrak",
    "tanggal_selesai_rencana",
    "tanggal_serah_terima",
)


# --- Reads --------------------------------------------------------------------------------------


def paket_for(user):
    """The packages a user may see, with their DPA line, PD and nomenclature preloaded."""
    return PaketPengadaan.objects.filter(dpa__in=access.dpa_for(user).values("pk")).select_related(
        "dpa__perangkat_daerah", "dpa__sub_kegiatan", "dpa__sumber_dana"
    )


def paket_list(user, *, tahun: int, perangkat_daerah=None):
    """The list screen's packages: one year, optionally one PD, in PD / sub kegiatan order."""
    qs = paket_for(user).filter(dpa__tahun=tahun)
    if perangkat_daerah is not None:
        qs = qs.filter(dpa__perangkat_daerah=perangkat_daerah)
    return qs.order_by("dpa__perangkat_daerah__kode", "dpa__sub_kegiatan__kode", "nama", "pk")


def paket_summary(packages) -> dict:
    """Counts per stage and the money totals of a package queryset, in one query."""
    aggregates = {t.value: Count("pk", filter=Q(tahap=t.value)) for t in Tahap}
    row = packages.order_by().aggregate(
        jumlah=Count("pk"), total_hps=Sum("hps"), total_kontrak=Sum("nilai_kontrak"), **aggregates
    )
    return {
        "jumlah": row["jumlah"],
        "total_hps": row["total_hps"],
        "total_kontrak": row["total_kontrak"],
        "per_tahap": [(t.value, t.label, row[t.value]) for t in Tahap],
    }


def get_paket_for_user(user, pk, *, write: bool = False) -> PaketPengadaan:
    """The package if the user may see it; Http404 for another PD's (or a missing) package,
    PermissionDenied when ``write`` and the user may see it but not change it (admin, pimpinan,
    auditor)."""
    try:
        paket = paket_for(user).get(pk=pk)
    except (PaketPengadaan.DoesNotExist, ValueError, TypeError):
        raise Http404("Paket pengadaan tidak ditemukan.") from None
    if write:
        require_paket_writer(user)
    return paket


def require_paket_writer(user, perangkat_daerah=None) -> None:
    """Only an operator keeps packages up to date, and only their own PD's (``perangkat_daerah``
    given). Views reach another PD's objects only through the scoped getters, which answer 404
    first; this is the services' own guard."""
    if not access.is_operator(user):
        raise PermissionDenied(
            "Paket pengadaan diperbarui oleh Operator PD. Admin mengelolanya melalui Data induk; "
            "Pimpinan dan Auditor hanya dapat melihat."
        )
    if perangkat_daerah is not None and not access.can_enter_realisasi(user, perangkat_daerah):
        raise PermissionDenied("Anda tidak berhak mengubah paket pengadaan Perangkat Daerah ini.")


# --- Rules --------------------------------------------------------------------------------------


def paket_rule_errors(paket: PaketPengadaan) -> dict[str, str]:
    """The rules that span fields, with the field each message belongs to. The model's own
    clean() and constraints are checked by full_clean(); this repeats the contract-above-HPS
    constraint so that its message sits at the field instead of at the top of the form."""
    errors = {}
    if (
        paket.hps is not None
        and paket.nilai_kontrak is not None
        and paket.nilai_kontrak > paket.hps
    ):
        errors["nilai_kontrak"] = "Nilai kontrak tidak boleh melebihi HPS."
    if paket.tahap in TAHAP_BERKONTRAK:
        tahap = Tahap(paket.tahap).label
        if paket.nilai_kontrak is None:
            errors["nilai_kontrak"] = f"Nilai kontrak wajib diisi pada tahap {tahap}."
        if not (paket.penyedia or "").strip():
            errors["penyedia"] = f"Penyedia wajib diisi pada tahap {tahap}."
        if paket.tanggal_kontrak is None:
            errors["tanggal_kontrak"] = f"Tanggal kontrak wajib diisi pada tahap {tahap}."
    if paket.tahap == Tahap.SERAH_TERIMA and paket.tanggal_serah_terima is None:
        errors["tanggal_serah_terima"] = "Tanggal serah terima wajib diisi pada tahap Serah Terima."
    return errors


def paket_validate(paket: PaketPengadaan) -> None:
    """All the rules at once: the stage rules above, then the model's full_clean (fields,
    clean(), constraints) on the fields not already in error."""
    errors = {field: [message] for field, message in paket_rule_errors(paket).items()}
    try:
        paket.full_clean(exclude=list(errors))
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


# --- Writes -------------------------------------------------------------------------------------


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(PAKET_FIELDS)
    if unknown:
        raise TypeError(f"unknown package fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def paket_create(*, dpa, by, **fields) -> PaketPengadaan:
    """A new package on ``dpa``, by its PD's operator."""
    _check_fields(fields)
    require_paket_writer(by, dpa.perangkat_daerah)
    paket = PaketPengadaan(dpa=dpa, **fields)
    paket_validate(paket)
    paket._history_user = by
    paket.save()
    return paket


@transaction.atomic
def paket_update(*, paket: PaketPengadaan, by, **fields) -> PaketPengadaan:
    """Change a package's fields (a new ``dpa`` must be a line of the same operator's PD)."""
    _check_fields(fields)
    require_paket_writer(by, paket.dpa.perangkat_daerah)
    if "dpa" in fields:
        require_paket_writer(by, fields["dpa"].perangkat_daerah)
    for name, value in fields.items():
        setattr(paket, name, value)
    paket_validate(paket)
    paket._history_user = by
    paket.save()
    return paket


@transaction.atomic
def paket_delete(*, paket: PaketPengadaan, by) -> None:
    """Remove a package (its history keeps the deletion and who did it)."""
    require_paket_writer(by, paket.dpa.perangkat_daerah)
    paket._history_user = by
    paket.delete()
