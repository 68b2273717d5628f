"""Verification of the PD's monthly realisasi by the admin, and the admin's monthly conclusion.

The workflow: the operator saves a draft and submits it (``diajukan``); the admin verifies it
(``diverifikasi``) or returns it (``dikembalikan``) with a note in ``catatan_verifikasi``; the
operator corrects and submits again. Every write here locks the rows it changes (two admins may act
on the same PD-month), checks every row before changing any, increases ``versi`` (the entry
screen's optimistic lock) and writes one history record per row with the acting user.

``diverifikasi_oleh`` / ``diverifikasi_pada`` record the verifier's last decision on a row, whether
it verified or returned it; ``status`` says which.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from akun.models import User
from kegiatan.models import DPA, HUNDRED, NAMA_BULAN, ZERO
from laporan.figures import MONEY, PERCENT, with_line_figures
from laporan.periode import Periode
from perangkat_daerah.models import PerangkatDaerah

from .kunci import hold_months
from .models import CATATAN_MAX, AturanPelaporan, BuktiDukung, CatatanBulanan, Realisasi

Status = Realisasi.Status

_WORKFLOW_FIELDS = [
    "status",
    "catatan_verifikasi",
    "diverifikasi_oleh",
    "diverifikasi_pada",
    "versi",
]
_SHOWN_IN_ERRORS = 5


@dataclass(frozen=True, order=True)
class PdBulan:
    """One Perangkat Daerah's report of one month: the unit the admin verifies in the queue."""

    perangkat_daerah_id: int
    tahun: int
    bulan: int

    def q(self, prefix: str = "") -> Q:
        return Q(
            **{
                f"{prefix}dpa__perangkat_daerah_id": self.perangkat_daerah_id,
                f"{prefix}dpa__tahun": self.tahun,
                f"{prefix}bulan": self.bulan,
            }
        )

    @property
    def key(self) -> str:
        return f"{self.perangkat_daerah_id}-{self.tahun}-{self.bulan}"

    @classmethod
    def parse(cls, key: str) -> "PdBulan":
        """``"<pd pk>-<tahun>-<bulan>"`` as written by ``key``; ValueError when it is not."""
        parts = str(key).split("-")
        if len(parts) != 3 or not all(part.isdigit() for part in parts):
            raise ValueError(key)
        pd_pk, tahun, bulan = (int(part) for part in parts)
        if not 1 <= bulan <= 12:
            raise ValueError(key)
        return cls(pd_pk, tahun, bulan)


def _row_label(row: Realisasi) -> str:
    dpa = row.dpa
    return (
        f"{dpa.perangkat_daerah.singkatan} {dpa.sub_kegiatan.kode} ({dpa.sumber_dana.kode}) "
        f"{NAMA_BULAN[row.bulan]} {dpa.tahun}"
    )


def _refuse(problems: list[str], intro: str) -> None:
    shown = problems[:_SHOWN_IN_ERRORS]
    more = len(problems) - len(shown)
    if more:
        shown.append(f"… dan {more} baris lainnya.")
    raise ValidationError([f"{intro} Tidak ada yang diubah."] + shown)


def _pks(rows_or_queryset) -> list[int]:
    if isinstance(rows_or_queryset, QuerySet):
        return list(rows_or_queryset.order_by().values_list("pk", flat=True))
    return [row.pk if isinstance(row, Realisasi) else int(row) for row in rows_or_queryset]


def _lock(pks: Sequence[int]) -> list[Realisasi]:
    """The rows, locked until the transaction ends, in primary-key order (so two admins locking
    overlapping sets wait for each other instead of deadlocking).

    Their months are held first, shared (``realisasi.kunci.hold_months``), as every write of a
    month's realisasi does: a verification changes what the month's figures count, so a Rakor
    being finalised takes its figures before or after it, never half-way."""
    hold_months(
        Realisasi.objects.filter(pk__in=pks)
        .order_by()
        .values_list("dpa__tahun", "bulan")
        .distinct()
    )
    return list(
        Realisasi.objects.select_for_update(of=("self",))
        .filter(pk__in=pks)
        .select_related("dpa__perangkat_daerah", "dpa__sub_kegiatan", "dpa__sumber_dana")
        .order_by("pk")
    )


def _locked_rows(rows_or_queryset, versi: Mapping[int, int] | None) -> list[Realisasi]:
    pks = sorted(set(_pks(rows_or_queryset)))
    if not pks:
        raise ValidationError("Pilih sedikitnya satu baris realisasi.")
    rows = _lock(pks)
    if len(rows) != len(pks):
        raise ValidationError(
            "Sebagian baris realisasi yang dipilih tidak ditemukan (mungkin telah dihapus). "
            "Muat ulang halaman. Tidak ada yang diubah."
        )
    if versi:
        stale = [
            f"{_row_label(row)} telah diubah sejak halaman dimuat."
            for row in rows
            if row.pk in versi and versi[row.pk] != row.versi
        ]
        if stale:
            _refuse(stale, "Data berubah sejak halaman dimuat; muat ulang lalu periksa lagi.")
    return rows


def _save(rows: list[Realisasi], *, by: User, reason: str) -> None:
    for row in rows:
        row.versi += 1
        row._history_user = by
    bulk_update_with_history(
        rows, Realisasi, _WORKFLOW_FIELDS, default_user=by, default_change_reason=reason
    )


@transaction.atomic
def realisasi_verify(
    *,
    rows_or_queryset: QuerySet | Iterable[Realisasi | int],
    by: User,
    versi: Mapping[int, int] | None = None,
) -> list[Realisasi]:
    """Verify submitted rows: ``diajukan`` → ``diverifikasi``.

    Refuses the whole set, changing nothing, when any row is not ``diajukan`` or (with ``versi``,
    ``{pk: versi shown to the verifier}``) has changed since the verifier saw it.
    """
    rows = _locked_rows(rows_or_queryset, versi)
    wrong = [
        f"{_row_label(row)} berstatus {row.get_status_display()}."
        for row in rows
        if row.status != Status.DIAJUKAN
    ]
    if wrong:
        _refuse(wrong, "Hanya realisasi berstatus Diajukan yang dapat diverifikasi.")
    now = timezone.now()
    for row in rows:
        row.status = Status.DIVERIFIKASI
        row.catatan_verifikasi = ""
        row.diverifikasi_oleh = by
        row.diverifikasi_pada = now
    _save(rows, by=by, reason="Diverifikasi")
    return rows


def _clean_catatan(catatan: str, *, wajib: str) -> str:
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": wajib})
    if len(catatan) > CATATAN_MAX:
        raise ValidationError({"catatan": f"Catatan paling panjang {CATATAN_MAX} karakter."})
    return catatan


@transaction.atomic
def realisasi_return(
    *,
    rows: QuerySet | Iterable[Realisasi | int],
    by: User,
    catatan: str,
    versi: Mapping[int, int] | None = None,
) -> list[Realisasi]:
    """Return rows to the PD for correction: ``diajukan`` or ``diverifikasi`` → ``dikembalikan``,
    with the verifier's note (required) in ``catatan_verifikasi``.

    Refuses the whole set, changing nothing, when the note is empty or any row is a draft or
    already returned.
    """
    catatan = _clean_catatan(catatan, wajib="Tuliskan catatan untuk PD: apa yang harus diperbaiki.")
    locked = _locked_rows(rows, versi)
    wrong = [
        f"{_row_label(row)} berstatus {row.get_status_display()}."
        for row in locked
        if row.status not in (Status.DIAJUKAN, Status.DIVERIFIKASI)
    ]
    if wrong:
        _refuse(
            wrong, "Hanya realisasi berstatus Diajukan atau Diverifikasi yang dapat dikembalikan."
        )
    now = timezone.now()
    for row in locked:
        row.status = Status.DIKEMBALIKAN
        row.catatan_verifikasi = catatan
        row.diverifikasi_oleh = by
        row.diverifikasi_pada = now
    _save(locked, by=by, reason="Dikembalikan ke PD")
    return locked


# --- Whole PD-months, as chosen in the queue ------------------------------------------------------


def _rows_of(pd_bulan: Sequence[PdBulan]):
    if not pd_bulan:
        raise ValidationError("Pilih sedikitnya satu PD dan bulan.")
    condition = Q()
    for item in pd_bulan:
        condition |= item.q()
    return Realisasi.objects.filter(condition)


def _by_pd_bulan(rows: list[Realisasi]) -> dict[PdBulan, list[Realisasi]]:
    grouped: dict[PdBulan, list[Realisasi]] = {}
    for row in rows:
        key = PdBulan(row.dpa.perangkat_daerah_id, row.dpa.tahun, row.bulan)
        grouped.setdefault(key, []).append(row)
    return grouped


def _pd_bulan_label(item: PdBulan, names: Mapping[int, str]) -> str:
    name = names.get(item.perangkat_daerah_id, f"PD #{item.perangkat_daerah_id}")
    return f"{name} {NAMA_BULAN[item.bulan]} {item.tahun}"


def _select(pd_bulan: Sequence[PdBulan], statuses, intro: str) -> list[Realisasi]:
    """Lock every row of the chosen PD-months, then keep those in ``statuses``; refuse when a
    PD-month has none."""
    pd_bulan = sorted(set(pd_bulan))
    rows = _lock(_pks(_rows_of(pd_bulan)))
    grouped = _by_pd_bulan(rows)
    names = dict(
        PerangkatDaerah.objects.filter(
            pk__in={item.perangkat_daerah_id for item in pd_bulan}
        ).values_list("pk", "singkatan")
    )
    empty = [
        _pd_bulan_label(item, names)
        for item in pd_bulan
        if not any(row.status in statuses for row in grouped.get(item, []))
    ]
    if empty:
        _refuse([f"{label}: tidak ada baris yang dapat diproses." for label in empty], intro)
    return [row for row in rows if row.status in statuses]


@transaction.atomic
def pd_bulan_verify(*, pd_bulan: Sequence[PdBulan], by: User) -> list[Realisasi]:
    """Verify every submitted row of each chosen PD-month; drafts and returned rows stay as they
    are. Refuses all, changing nothing, when a chosen PD-month has nothing submitted."""
    rows = _select(
        pd_bulan,
        (Status.DIAJUKAN,),
        "Setiap PD-bulan yang dipilih harus punya realisasi berstatus Diajukan.",
    )
    return realisasi_verify(rows_or_queryset=rows, by=by)


@transaction.atomic
def pd_bulan_return(*, pd_bulan: Sequence[PdBulan], by: User, catatan: str) -> list[Realisasi]:
    """Return every submitted or verified row of each chosen PD-month with the same note."""
    _clean_catatan(catatan, wajib="Tuliskan catatan untuk PD: apa yang harus diperbaiki.")
    rows = _select(
        pd_bulan,
        (Status.DIAJUKAN, Status.DIVERIFIKASI),
        "Setiap PD-bulan yang dipilih harus punya realisasi berstatus Diajukan atau Diverifikasi.",
    )
    return realisasi_return(rows=rows, by=by, catatan=catatan)


# --- The admin's monthly conclusion ---------------------------------------------------------------


@transaction.atomic
def catatan_bulanan_set(
    *, perangkat_daerah: PerangkatDaerah, tahun: int, bulan: int, catatan: str, by: User
) -> CatatanBulanan:
    """Write (or rewrite) the admin's conclusion on one PD's report of one month."""
    catatan = _clean_catatan(catatan, wajib="Catatan bulanan wajib diisi.")
    record = (
        CatatanBulanan.objects.select_for_update()
        .filter(perangkat_daerah=perangkat_daerah, tahun=tahun, bulan=bulan)
        .first()
    )
    if record is None:
        record = CatatanBulanan(perangkat_daerah=perangkat_daerah, tahun=tahun, bulan=bulan)
    elif record.catatan == catatan:
        return record
    record.catatan = catatan
    record.ditulis_oleh = by
    record._history_user = by
    record.full_clean()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise ValidationError(
            "Catatan untuk PD dan bulan ini baru saja ditulis admin lain. Muat ulang halaman."
        ) from None
    return record


def catatan_bulanan_for(
    perangkat_daerah: PerangkatDaerah, tahun: int, bulan: int
) -> CatatanBulanan | None:
    """The admin's conclusion on this PD's month, for the PD's own pages (None when there is
    none)."""
    return (
        CatatanBulanan.objects.filter(perangkat_daerah=perangkat_daerah, tahun=tahun, bulan=bulan)
        .select_related("ditulis_oleh")
        .first()
    )


# --- What the verifier reads ----------------------------------------------------------------------

_ANTREAN_STATUS = {
    "diajukan": Q(n_diajukan__gt=0),
    "dikembalikan": Q(n_dikembalikan__gt=0),
    "draft": Q(n_draft__gt=0),
    "selesai": Q(n_diverifikasi=F("jumlah")),
}


def antrean_pd_bulan(
    *,
    perangkat_daerah=None,
    tahun: int | None = None,
    bulan: int | None = None,
    status: str = "",
    order_by: Sequence = (),
):
    """The verification queue: one row per PD and month that has realisasi, with the number of rows
    in each state and the latest submission — one grouped query whatever the size of the data.

    Each row is a dict: ``pd_id, pd_kode, pd_singkatan, pd_nama, tahun, bulan, jumlah, n_draft,
    n_diajukan, n_diverifikasi, n_dikembalikan, diajukan_terakhir, diverifikasi_terakhir``.
    """
    rows = Realisasi.objects.order_by()
    if perangkat_daerah is not None:
        rows = rows.filter(dpa__perangkat_daerah=perangkat_daerah)
    if tahun is not None:
        rows = rows.filter(dpa__tahun=tahun)
    if bulan is not None:
        rows = rows.filter(bulan=bulan)
    grouped = rows.values(
        "bulan",
        pd_id=F("dpa__perangkat_daerah_id"),
        pd_kode=F("dpa__perangkat_daerah__kode"),
        pd_singkatan=F("dpa__perangkat_daerah__singkatan"),
        pd_nama=F("dpa__perangkat_daerah__nama"),
        tahun=F("dpa__tahun"),
    ).annotate(
        jumlah=Count("pk"),
        n_draft=Count("pk", filter=Q(status=Status.DRAFT)),
        n_diajukan=Count("pk", filter=Q(status=Status.DIAJUKAN)),
        n_diverifikasi=Count("pk", filter=Q(status=Status.DIVERIFIKASI)),
        n_dikembalikan=Count("pk", filter=Q(status=Status.DIKEMBALIKAN)),
        diajukan_terakhir=Max("diajukan_pada"),
        diverifikasi_terakhir=Max("diverifikasi_pada"),
    )
    if status:
        grouped = grouped.filter(_ANTREAN_STATUS[status])
    return grouped.order_by(*order_by) if order_by else grouped


def _sum_before(bulan: int):
    return Subquery(
        Realisasi.objects.terlapor()
        .filter(dpa=OuterRef("pk"), bulan__lt=bulan)
        .order_by()
        .values("dpa")
        .annotate(total=Sum("realisasi_keuangan"))
        .values("total")[:1],
        output_field=MONEY,
    )


def baris_periksa(perangkat_daerah, tahun: int, bulan: int):
    """The DPA lines of one PD and year as the verifier checks month ``bulan``: the figures of
    ``laporan.figures`` (pagu in force at the month's end, cumulative targets) plus the month's row
    whatever its state (``realisasi_bulan``, a list of zero or one, with its evidence), the last
    reported fisik before the month, and the cumulative money including this month's row."""
    zero = Value(ZERO, output_field=MONEY)
    this_month = Realisasi.objects.filter(dpa=OuterRef("pk"), bulan=bulan).order_by()
    fisik_before = (
        Realisasi.objects.terlapor()
        .filter(dpa=OuterRef("pk"), bulan__lt=bulan)
        .order_by("-bulan")
        .values("realisasi_fisik")[:1]
    )
    lines = DPA.objects.with_nomenklatur().filter(perangkat_daerah=perangkat_daerah)
    return (
        with_line_figures(lines, Periode(tahun, bulan))
        .annotate(
            fisik_sebelumnya=Subquery(fisik_before, output_field=PERCENT),
            keuangan_kumulatif_periksa=Coalesce(_sum_before(bulan), zero)
            + Coalesce(
                Subquery(this_month.values("realisasi_keuangan")[:1], output_field=MONEY), zero
            ),
        )
        .prefetch_related(
            Prefetch(
                "realisasi",
                queryset=Realisasi.objects.filter(bulan=bulan)
                .select_related("diubah_oleh", "diverifikasi_oleh")
                .prefetch_related(
                    Prefetch("bukti", queryset=BuktiDukung.objects.order_by("diunggah_pada"))
                ),
                to_attr="realisasi_bulan",
            )
        )
        .order_by("sub_kegiatan__kode", "sumber_dana__kode", "pk")
    )


def rows_of_pd_bulan(pd_bulan: PdBulan, pks: Iterable[int]):
    """The rows ``pks`` if every one belongs to ``pd_bulan``; ValidationError otherwise."""
    pks = set(pks)
    if not pks:
        raise ValidationError("Pilih sedikitnya satu baris realisasi.")
    rows = Realisasi.objects.filter(pd_bulan.q(), pk__in=pks)
    if set(rows.values_list("pk", flat=True)) != pks:
        raise ValidationError(
            "Sebagian baris yang dipilih tidak termasuk PD dan bulan ini. Muat ulang halaman."
        )
    return rows


@dataclass(frozen=True)
class BarisPeriksa:
    """One DPA line as the verifier sees it for one month."""

    dpa: DPA
    realisasi: Realisasi | None
    pagu: Decimal
    target_fisik: Decimal
    fisik_sebelumnya: Decimal | None
    target_keuangan_kumulatif: Decimal
    keuangan_kumulatif: Decimal
    ambang_kendala: Decimal

    @property
    def fisik(self) -> Decimal | None:
        return self.realisasi.realisasi_fisik if self.realisasi else None

    @property
    def keuangan_bulan(self) -> Decimal | None:
        return self.realisasi.realisasi_keuangan if self.realisasi else None

    @property
    def deviasi_fisik(self) -> Decimal | None:
        return None if self.fisik is None else self.fisik - self.target_fisik

    def _persen(self, amount: Decimal) -> Decimal | None:
        return HUNDRED * amount / self.pagu if self.pagu else None

    @property
    def keuangan_persen(self) -> Decimal | None:
        return self._persen(self.keuangan_kumulatif)

    @property
    def target_keuangan_persen(self) -> Decimal | None:
        return self._persen(self.target_keuangan_kumulatif)

    @property
    def deviasi_keuangan(self) -> Decimal | None:
        if self.realisasi is None or self.keuangan_persen is None:
            return None
        return self.keuangan_persen - self.target_keuangan_persen

    @property
    def fisik_turun(self) -> bool:
        """The cumulative fisik is lower than last reported: a typing error, usually."""
        return (
            self.fisik is not None
            and self.fisik_sebelumnya is not None
            and self.fisik < self.fisik_sebelumnya
        )

    @property
    def kendala_kurang(self) -> bool:
        """Behind target by more than the rule's threshold without a kendala or solusi."""
        return (
            self.deviasi_fisik is not None
            and self.deviasi_fisik < -self.ambang_kendala
            and not (self.realisasi.kendala.strip() and self.realisasi.solusi.strip())
        )

    @property
    def dapat_dipilih(self) -> bool:
        return self.realisasi is not None and self.realisasi.status in (
            Status.DIAJUKAN,
            Status.DIVERIFIKASI,
        )


def periksa_pd_bulan(perangkat_daerah, tahun: int, bulan: int) -> list[BarisPeriksa]:
    """Every DPA line of the PD and year with its figures for month ``bulan`` (four queries:
    the rules, the lines, their rows of the month, the rows' evidence)."""
    ambang = AturanPelaporan.current().ambang_deviasi_kendala
    return [
        BarisPeriksa(
            dpa=line,
            realisasi=line.realisasi_bulan[0] if line.realisasi_bulan else None,
            pagu=line.pagu_bulan,
            target_fisik=line.target_fisik_bulan,
            fisik_sebelumnya=line.fisik_sebelumnya,
            target_keuangan_kumulatif=line.target_keuangan_kumulatif,
            keuangan_kumulatif=line.keuangan_kumulatif_periksa,
            ambang_kendala=ambang,
        )
        for line in baris_periksa(perangkat_daerah, tahun, bulan)
    ]
