"""The monthly realisasi entry of a PD: what its page reads, and the writes (save, submit, copy).

Rules the writes enforce (the form repeats the simple ones with friendly words):

- Only the PD's own operator writes, only while the month is open (``realisasi.kunci``: the month
  is held against its lock until the save commits), and only rows that are new, ``draft`` or
  ``dikembalikan``; ``diajukan`` / ``diverifikasi`` rows are theirs no more.
- Realisasi fisik is cumulative: 0–100, not below the line's latest earlier row and not above its
  earliest later row. A ``dikembalikan`` row neither floors nor caps: its value is being corrected
  (and may sit in a month that is closed), so it must not block the months around it. Drafts and
  submitted rows do count: a line at 100% can never go down later.
- Money is monthly and never negative; this month plus every earlier row of the line (whatever its
  status, to stay on the safe side) may not pass the pagu in force at the end of the month.
- Kendala and solusi are required when fisik is behind the month's RKO target by more than
  ``AturanPelaporan.ambang_deviasi_kendala`` points.
- Optimistic locking: every row carries the ``versi`` it was shown with; a row changed since makes
  the whole save fail with the newest values (``KonflikVersi``). Every written row gets versi + 1.

All rows are checked before anything is written; one wrong row saves nothing. The writes are bulk
(one INSERT and one UPDATE, each with its history rows), so a PD with 150 lines costs the same
number of queries as one with 10.
"""

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from akun import access
from kegiatan.models import DPA, RKO, ZERO
from laporan import format as fmt
from laporan.figures import MONEY, PERCENT, WEIGHTED, with_line_figures
from laporan.periode import Periode, default_periode
from perangkat_daerah.models import PerangkatDaerah

from .kunci import ensure_open, status_bulan
from .models import AturanPelaporan, BuktiDukung, Realisasi

Status = Realisasi.Status
BISA_DIUBAH = (Status.DRAFT, Status.DIKEMBALIKAN)
NON_FIELD = "__all__"

# --- What the entry page reads -----------------------------------------------------------------


def _money_sum(queryset, field: str):
    return Coalesce(
        Subquery(
            queryset.order_by().values("dpa").annotate(total=Sum(field)).values("total")[:1],
            output_field=MONEY,
        ),
        Value(ZERO, output_field=MONEY),
    )


def baris_entri(*, perangkat_daerah: PerangkatDaerah, tahun: int, bulan: int):
    """The PD's DPA lines of ``tahun``, in nomenclature order, with what the entry of ``bulan``
    shows and checks, in one query.

    From ``laporan.figures.with_line_figures``: ``pagu_bulan`` (in force at the end of the month),
    ``target_fisik_bulan``, ``target_keuangan_kumulatif``. Added here: ``target_keuangan_bulan``
    (the month's planned money), ``fisik_lalu`` / ``keuangan_lalu`` (cumulative up to the month
    before, see the module's rules for which rows count), ``fisik_berikut`` / ``bulan_berikut``
    (the earliest later row, the cap), ``fisik_ini`` / ``keuangan_ini`` (this month's row, any
    status) and ``jumlah_bukti`` (evidence files of this month's row).
    """
    rows = Realisasi.objects.filter(dpa=OuterRef("pk"))
    sebelum = rows.filter(bulan__lt=bulan)
    berikut = rows.filter(bulan__gt=bulan).exclude(status=Status.DIKEMBALIKAN).order_by("bulan")
    ini = rows.filter(bulan=bulan).order_by()  # no default ordering: it would join the DPA
    lines = DPA.objects.with_nomenklatur().filter(perangkat_daerah=perangkat_daerah)
    return (
        with_line_figures(lines, Periode(tahun, bulan))
        .annotate(
            target_keuangan_bulan=Coalesce(
                Subquery(
                    RKO.objects.filter(dpa=OuterRef("pk"), bulan=bulan)
                    .order_by()
                    .values("target_keuangan")[:1],
                    output_field=MONEY,
                ),
                Value(ZERO, output_field=MONEY),
            ),
            fisik_lalu=Subquery(
                sebelum.exclude(status=Status.DIKEMBALIKAN)
                .order_by("-bulan")
                .values("realisasi_fisik")[:1],
                output_field=PERCENT,
            ),
            keuangan_lalu=_money_sum(sebelum, "realisasi_keuangan"),
            fisik_berikut=Subquery(berikut.values("realisasi_fisik")[:1], output_field=PERCENT),
            bulan_berikut=Subquery(berikut.values("bulan")[:1]),
            fisik_ini=Subquery(ini.values("realisasi_fisik")[:1], output_field=PERCENT),
            keuangan_ini=Subquery(ini.values("realisasi_keuangan")[:1], output_field=MONEY),
            jumlah_bukti=Coalesce(
                Subquery(
                    BuktiDukung.objects.filter(
                        realisasi__dpa=OuterRef("pk"), realisasi__bulan=bulan
                    )
                    .order_by()
                    .values("realisasi__dpa")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            ),
        )
        .order_by("sub_kegiatan__kode", "sumber_dana__kode", "pk")
    )


@dataclass(frozen=True)
class TotalEntri:
    """The PD's totals on the entry page, from the saved rows (the page's script keeps them up to
    date while the operator types)."""

    pagu: Decimal
    keuangan_bulan_ini: Decimal
    keuangan_kumulatif: Decimal
    pagu_x_fisik: Decimal

    @property
    def fisik(self) -> Decimal | None:
        """Pagu-weighted fisik; a line not yet entered this month carries last month's value."""
        return self.pagu_x_fisik / self.pagu if self.pagu else None

    @property
    def keuangan_persen(self) -> Decimal | None:
        return 100 * self.keuangan_kumulatif / self.pagu if self.pagu else None


def total_entri(baris) -> TotalEntri:
    """One aggregate over the queryset of ``baris_entri``."""
    zero_percent = Value(ZERO, output_field=PERCENT)
    # The aggregates' names differ from the annotations' and fields': a clash makes Django drop
    # the annotation from the inner query.
    sums = baris.order_by().aggregate(
        total_pagu=Sum("pagu_bulan", output_field=MONEY),
        total_keuangan_ini=Sum("keuangan_ini", output_field=MONEY),
        total_keuangan_lalu=Sum("keuangan_lalu", output_field=MONEY),
        total_pagu_x_fisik=Sum(
            F("pagu_bulan") * Coalesce("fisik_ini", "fisik_lalu", zero_percent),
            output_field=WEIGHTED,
        ),
    )
    values = {key: Decimal(value or 0) for key, value in sums.items()}
    return TotalEntri(
        pagu=values["total_pagu"],
        keuangan_bulan_ini=values["total_keuangan_ini"],
        keuangan_kumulatif=values["total_keuangan_ini"] + values["total_keuangan_lalu"],
        pagu_x_fisik=values["total_pagu_x_fisik"],
    )


def realisasi_bulan(*, perangkat_daerah, tahun: int, bulan: int) -> dict[int, Realisasi]:
    """This month's rows of the PD's lines of ``tahun``, by DPA id."""
    rows = Realisasi.objects.filter(
        dpa__perangkat_daerah=perangkat_daerah, dpa__tahun=tahun, bulan=bulan
    ).select_related("diubah_oleh")
    return {row.dpa_id: row for row in rows}


def periode_entri(*, perangkat_daerah, today=None) -> Periode:
    """The month an operator reports now: the latest month that has ended and is still open for
    their PD (the month before usually, until its deadline; an older month an admin reopened),
    else the last ended month (read-only, with the reason)."""
    today = today or timezone.localdate()
    terakhir = default_periode(today)
    for bulan in range(terakhir.bulan, 0, -1):
        if status_bulan(perangkat_daerah, terakhir.tahun, bulan, today=today).terbuka:
            return Periode(terakhir.tahun, bulan)
    return terakhir


# --- Checking what the form posted ---------------------------------------------------------------


@dataclass(frozen=True)
class IsianBaris:
    """The cleaned values the form posted for one DPA line, and the ``versi`` it was shown with
    (0 for a line that had no row)."""

    fisik: Decimal | None
    keuangan: Decimal = ZERO
    kendala: str = ""
    solusi: str = ""
    versi: int = 0


Errors = dict[int, dict[str, list[str]]]


class IsianTidakValid(Exception):
    """Some rows break the rules; nothing was saved. ``errors``: DPA id → field → messages (field
    ``fisik``, ``keuangan``, ``kendala``, ``solusi`` or ``__all__`` for the row)."""

    def __init__(self, errors: Errors):
        self.errors = errors
        super().__init__(f"{len(errors)} baris belum benar; tidak ada yang disimpan.")


class KonflikVersi(Exception):
    """Rows changed by someone else since the form was shown; nothing was saved. ``rows`` are the
    newest versions (``None`` for a row that no longer exists), by DPA id."""

    def __init__(self, rows: dict[int, Realisasi | None]):
        self.rows = rows
        super().__init__(self.message)

    @property
    def message(self) -> str:
        changed = [row for row in self.rows.values() if row is not None]
        latest = max(changed, key=lambda row: row.diubah_pada, default=None)
        if latest is None:
            siapa = "pengguna lain"
        else:
            user = latest.diubah_oleh
            siapa = (user.get_full_name() or user.username) if user else "pengguna lain"
        kapan = ""
        if latest is not None:
            waktu = timezone.localtime(latest.diubah_pada)
            kapan = (
                f" pada {waktu.day} {fmt.nama_bulan(waktu.month)} {waktu.year} pukul {waktu:%H.%M}"
            )
        jumlah = f" ({len(self.rows)} baris)" if len(self.rows) > 1 else ""
        return (
            f"Data telah diubah oleh {siapa}{kapan}{jumlah} — berikut nilai terbaru; periksa lalu "
            "simpan kembali."
        )


def _add(errors: Errors, dpa_id: int, field: str, message: str) -> None:
    errors.setdefault(dpa_id, {}).setdefault(field, []).append(message)


def periksa_isian(
    *,
    lines: Mapping[int, DPA],
    existing: Mapping[int, Realisasi],
    rows: Mapping[int, IsianBaris],
    ambang: Decimal,
) -> Errors:
    """Every rule of one row against its line (annotated by ``baris_entri``); no query.

    Returns the errors of all rows at once, so the page can show each next to its field.
    """
    errors: Errors = {}
    for dpa_id, isian in rows.items():
        line = lines.get(dpa_id)
        if line is None:
            _add(errors, dpa_id, NON_FIELD, "Sub kegiatan ini tidak ada pada DPA PD dan tahun ini.")
            continue
        row = existing.get(dpa_id)
        if row is not None and row.status not in BISA_DIUBAH:
            _add(
                errors,
                dpa_id,
                NON_FIELD,
                f"Realisasi baris ini sudah {row.get_status_display().lower()} dan tidak dapat "
                "diubah lagi.",
            )
            continue
        fisik = isian.fisik
        if fisik is None:
            _add(errors, dpa_id, "fisik", "Realisasi fisik wajib diisi.")
        elif not ZERO <= fisik <= 100:
            _add(errors, dpa_id, "fisik", "Realisasi fisik harus 0–100%.")
        else:
            if line.fisik_lalu is not None and fisik < line.fisik_lalu:
                _add(
                    errors,
                    dpa_id,
                    "fisik",
                    "Realisasi fisik kumulatif tidak boleh turun dari bulan sebelumnya "
                    f"({fmt.persen(line.fisik_lalu)}).",
                )
            if line.fisik_berikut is not None and fisik > line.fisik_berikut:
                _add(
                    errors,
                    dpa_id,
                    "fisik",
                    "Realisasi fisik kumulatif tidak boleh melebihi realisasi bulan "
                    f"{fmt.nama_bulan(line.bulan_berikut)} ({fmt.persen(line.fisik_berikut)}).",
                )
            tertinggal = line.target_fisik_bulan - fisik
            if tertinggal > ambang:
                alasan = (
                    f"realisasi fisik tertinggal {fmt.angka(tertinggal, 2)} poin dari target "
                    f"{fmt.persen(line.target_fisik_bulan)} (batas {fmt.angka(ambang, 2)} poin)."
                )
                if not isian.kendala.strip():
                    _add(errors, dpa_id, "kendala", f"Kendala wajib diisi: {alasan}")
                if not isian.solusi.strip():
                    _add(errors, dpa_id, "solusi", f"Solusi wajib diisi: {alasan}")
        keuangan = isian.keuangan
        if keuangan < ZERO:
            _add(errors, dpa_id, "keuangan", "Nilai uang tidak boleh negatif.")
        elif line.keuangan_lalu + keuangan > line.pagu_bulan:
            _add(
                errors,
                dpa_id,
                "keuangan",
                f"Realisasi keuangan kumulatif {fmt.rupiah(line.keuangan_lalu + keuangan)} "
                f"melebihi pagu {fmt.rupiah(line.pagu_bulan)} (s.d. bulan lalu "
                f"{fmt.rupiah(line.keuangan_lalu)}).",
            )
    return errors


# --- Writes ------------------------------------------------------------------------------------

UPDATED_FIELDS = [
    "realisasi_fisik",
    "realisasi_keuangan",
    "kendala",
    "solusi",
    "status",
    "diajukan_pada",
    "versi",
    "diubah_oleh",
    "diubah_pada",
]
_UPDATED_ATTNAMES = [Realisasi._meta.get_field(name).attname for name in UPDATED_FIELDS]
_MODEL_TO_FORM = {"realisasi_fisik": "fisik", "realisasi_keuangan": "keuangan"}


@dataclass(frozen=True)
class HasilSimpan:
    """What a save did. ``belum_lengkap``: on a submit, the DPA lines still without a row for the
    month; the values were saved as draft and nothing was submitted."""

    disimpan: int
    diajukan: int
    belum_lengkap: tuple[int, ...] = ()


def akibat_ditolak(*, submit: bool) -> str:
    """How the refusal of a save in a locked month ends (``StatusBulan.penolakan``)."""
    return "pengajuan tidak disimpan" if submit else "draft tidak disimpan"


def _ensure_writer(by, perangkat_daerah) -> None:
    if not access.can_enter_realisasi(by, perangkat_daerah):
        raise PermissionDenied("Anda tidak berhak mengubah realisasi Perangkat Daerah ini.")


def _lock_perangkat_daerah(perangkat_daerah) -> None:
    """Serialise the entry writes of one PD (also covers rows that do not exist yet, which a row
    lock cannot)."""
    list(
        PerangkatDaerah.objects.select_for_update()
        .filter(pk=perangkat_daerah.pk)
        .values_list("pk", flat=True)
    )


def _lock_rows(*, perangkat_daerah, tahun: int, bulan: int) -> dict[int, Realisasi]:
    rows = (
        Realisasi.objects.select_for_update(of=("self",))
        .filter(dpa__perangkat_daerah=perangkat_daerah, dpa__tahun=tahun, bulan=bulan)
        .select_related("diubah_oleh")
    )
    return {row.dpa_id: row for row in rows}


def _same_values(row: Realisasi | None, isian: IsianBaris) -> bool:
    return row is not None and (
        row.realisasi_fisik == isian.fisik
        and row.realisasi_keuangan == isian.keuangan
        and row.kendala == isian.kendala
        and row.solusi == isian.solusi
    )


def _full_clean(rows: list[Realisasi]) -> None:
    """The model's field rules on every row to write, without a query per row: the foreign keys
    come from locked rows and the lines of this PD, uniqueness is the lock's and the database's."""
    errors: Errors = {}
    for row in rows:
        try:
            row.full_clean(
                exclude=["dpa", "diubah_oleh", "diverifikasi_oleh"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    _add(errors, row.dpa_id, _MODEL_TO_FORM.get(field, NON_FIELD), message)
    if errors:
        raise IsianTidakValid(errors)


@contextmanager
def _one_statement_per_bulk_write() -> Iterator[None]:
    """Django 5.2 splits bulk writes on SQLite at 999 variables, SQLite's limit before 3.32; the
    SQLite we run on allows far more (Django 6.0 asks it, as done here). So a PD-month's rows go in
    one INSERT and one UPDATE on SQLite as they do on PostgreSQL. Only this connection, only for
    the block."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    features = connection.features
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    had_own = "max_query_params" in vars(features)
    previous = features.max_query_params
    features.max_query_params = max(limit, previous)
    try:
        yield
    finally:
        if had_own:
            features.max_query_params = previous
        else:
            del features.max_query_params


def _stored(row: Realisasi) -> tuple:
    """The row's values of ``UPDATED_FIELDS``, to tell later which of them a save changes."""
    return tuple(getattr(row, attname) for attname in _UPDATED_ATTNAMES)


def _changed_fields(rows: list[Realisasi], stored: Mapping[int, tuple]) -> list[str]:
    """The ``UPDATED_FIELDS`` that differ from ``stored`` (by DPA id) on at least one row.

    ``bulk_update`` writes a ``CASE`` with one ``WHEN`` per row for every field it is given, some
    10 ms a field for 150 rows; a save that changes the kendala of every row needs three fields
    (kendala, versi, diubah_pada), not nine. The rows are locked, so ``stored`` is what the
    database holds.
    """
    changed = set()
    for row in rows:
        before = stored.get(row.dpa_id)
        if before is None:  # not known: write every field
            return list(UPDATED_FIELDS)
        changed.update(
            name
            for name, attname, old in zip(UPDATED_FIELDS, _UPDATED_ATTNAMES, before, strict=True)
            if getattr(row, attname) != old
        )
    return [name for name in UPDATED_FIELDS if name in changed]


def _write(
    *,
    create: list[Realisasi],
    update: list[Realisasi],
    by,
    reason: str,
    stored: Mapping[int, tuple] | None = None,
) -> None:
    """Insert ``create`` and update ``update`` (only the fields changed since ``stored``), each
    with its history rows."""
    _full_clean([*create, *update])
    with _one_statement_per_bulk_write():
        if create:
            bulk_create_with_history(
                create, Realisasi, default_user=by, default_change_reason=reason
            )
        if update:
            bulk_update_with_history(
                update,
                Realisasi,
                fields=_changed_fields(update, stored or {}),
                default_user=by,
                default_change_reason=reason,
            )


def realisasi_save(
    *,
    perangkat_daerah: PerangkatDaerah,
    tahun: int,
    bulan: int,
    rows: Mapping[int, IsianBaris],
    by,
    submit: bool = False,
) -> HasilSimpan:
    """Save the posted rows of one PD-month as draft, and with ``submit`` move the month to
    ``diajukan`` once every line of the PD-year has a row.

    Raises ``PermissionDenied`` (not the PD's operator, or the month is closed),
    ``KonflikVersi`` (a row changed since it was shown) or ``IsianTidakValid`` (a rule broken);
    in each case nothing is saved.
    """
    _ensure_writer(by, perangkat_daerah)
    with transaction.atomic():
        # The month first (the admin's lock waits for this save, or this save for the lock), then
        # the PD: the order every write of a PD-month takes its locks in.
        ensure_open(perangkat_daerah, tahun, bulan, akibat=akibat_ditolak(submit=submit))
        _lock_perangkat_daerah(perangkat_daerah)
        lines = {
            line.pk: line
            for line in baris_entri(perangkat_daerah=perangkat_daerah, tahun=tahun, bulan=bulan)
        }
        existing = _lock_rows(perangkat_daerah=perangkat_daerah, tahun=tahun, bulan=bulan)
        stored = {dpa_id: _stored(row) for dpa_id, row in existing.items()}

        stale = {
            dpa_id: existing.get(dpa_id)
            for dpa_id, isian in rows.items()
            if isian.versi != (existing[dpa_id].versi if dpa_id in existing else 0)
            and not _same_values(existing.get(dpa_id), isian)
        }
        if stale:
            raise KonflikVersi(stale)

        errors = periksa_isian(
            lines=lines,
            existing=existing,
            rows=rows,
            ambang=AturanPelaporan.current().ambang_deviasi_kendala,
        )
        if errors:
            raise IsianTidakValid(errors)

        now = timezone.now()
        create: list[Realisasi] = []
        update: dict[int, Realisasi] = {}
        for dpa_id, isian in rows.items():
            row = existing.get(dpa_id)
            if _same_values(row, isian):
                continue
            if row is None:
                row = Realisasi(dpa=lines[dpa_id], bulan=bulan, status=Status.DRAFT, versi=0)
                create.append(row)
            else:
                update[dpa_id] = row
            row.realisasi_fisik = isian.fisik
            row.realisasi_keuangan = isian.keuangan
            row.kendala = isian.kendala
            row.solusi = isian.solusi
        disimpan = len(create) + len(update)

        belum_lengkap: tuple[int, ...] = ()
        diajukan = 0
        if submit:
            entered = set(existing) | {row.dpa_id for row in create}
            belum_lengkap = tuple(dpa_id for dpa_id in lines if dpa_id not in entered)
            if not belum_lengkap:
                for row in [*existing.values(), *create]:
                    if row.status in BISA_DIUBAH:
                        row.status = Status.DIAJUKAN
                        row.diajukan_pada = now
                        diajukan += 1
                        if row.pk is not None:
                            update[row.dpa_id] = row

        for row in [*create, *update.values()]:
            row.versi += 1
            row.diubah_oleh = by
            row.diubah_pada = now
        _write(
            create=create,
            update=list(update.values()),
            by=by,
            reason="Ajukan realisasi" if diajukan else "Simpan draft realisasi",
            stored=stored,
        )
    return HasilSimpan(disimpan=disimpan, diajukan=diajukan, belum_lengkap=belum_lengkap)


def realisasi_copy_last_month(
    *, perangkat_daerah: PerangkatDaerah, tahun: int, bulan: int, by
) -> int:
    """ "Salin bulan lalu": fill a month that has no row at all for the PD with each line's last
    cumulative fisik (the floor of ``periksa_isian``), money 0, the same kendala and solusi, as
    draft. Returns the number of rows made.

    Raises ``PermissionDenied`` (not the PD's operator, month closed) or ``ValidationError``
    (January, the month already has rows, nothing to copy).
    """
    _ensure_writer(by, perangkat_daerah)
    if bulan == 1:
        raise ValidationError(
            "Januari adalah bulan pertama tahun anggaran; tidak ada bulan lalu untuk disalin."
        )
    with transaction.atomic():
        ensure_open(perangkat_daerah, tahun, bulan, akibat="tidak ada yang disalin")
        _lock_perangkat_daerah(perangkat_daerah)
        if Realisasi.objects.filter(
            dpa__perangkat_daerah=perangkat_daerah, dpa__tahun=tahun, bulan=bulan
        ).exists():
            raise ValidationError(
                "Bulan ini sudah berisi realisasi; salin bulan lalu hanya untuk bulan yang belum "
                "diisi sama sekali."
            )
        terakhir = (
            Realisasi.objects.filter(dpa=OuterRef("pk"), bulan__lt=bulan)
            .exclude(status=Status.DIKEMBALIKAN)
            .order_by("-bulan")
        )
        lines = (
            DPA.objects.filter(perangkat_daerah=perangkat_daerah, tahun=tahun)
            .annotate(
                fisik_lalu=Subquery(terakhir.values("realisasi_fisik")[:1]),
                kendala_lalu=Subquery(terakhir.values("kendala")[:1]),
                solusi_lalu=Subquery(terakhir.values("solusi")[:1]),
            )
            .filter(fisik_lalu__isnull=False)
            .order_by("pk")
        )
        now = timezone.now()
        create = [
            Realisasi(
                dpa=line,
                bulan=bulan,
                # A subquery's decimal comes back unquantized on SQLite (45.3700000000000).
                realisasi_fisik=Decimal(line.fisik_lalu).quantize(Decimal("0.01")),
                realisasi_keuangan=ZERO,
                kendala=line.kendala_lalu,
                solusi=line.solusi_lalu,
                status=Status.DRAFT,
                versi=1,
                diubah_oleh=by,
                diubah_pada=now,
            )
            for line in lines
        ]
        if not create:
            raise ValidationError("Belum ada realisasi bulan sebelumnya untuk disalin.")
        _write(create=create, update=[], by=by, reason="Salin realisasi bulan lalu")
    return len(create)
