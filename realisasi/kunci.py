"""Whether a month is open for a PD's entry: the one place that decides it.

A month opens on its first day and stays open until its deadline (``KunciBulan.batas_pengisian``, or
the default day of the next month from ``AturanPelaporan``) or until an admin locks it. An admin can
reopen a locked or overdue month for one PD, with a reason, until a given date.

Writers and the admin take turns on a month (``hold_months``): a write of the month's realisasi
(an entry through ``ensure_open``, a verification) holds it shared, so every PD may save at the same
time; whatever changes whether the month is open (a lock, a deadline, a reopening) or freezes its
figures (a Rakor's finalisation) holds it alone. So once the month's lock has committed no
submission of that month commits, and a submission that found the month open is in before the lock
is taken.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Prefetch
from django.utils import timezone

from kegiatan.models import NAMA_BULAN

from .models import AturanPelaporan, BukaKunci, KunciBulan


@dataclass(frozen=True)
class StatusBulan:
    terbuka: bool
    keterangan: str
    batas_pengisian: datetime.date | None
    kunci: KunciBulan | None = None
    buka_kunci: BukaKunci | None = None

    def penolakan(self, akibat: str = "perubahan tidak disimpan") -> str:
        """Why a write of the closed month is refused: for a locked month, which month and when
        it was locked, then ``akibat`` (what was not done: "pengajuan tidak disimpan")."""
        kunci = self.kunci
        if self.buka_kunci is None and kunci is not None and kunci.dikunci_pada is not None:
            waktu = timezone.localtime(kunci.dikunci_pada)
            return (
                f"{NAMA_BULAN[kunci.bulan]} {kunci.tahun} sudah dikunci pada {_tanggal(waktu)} "
                f"pukul {waktu:%H.%M}; {akibat}."
            )
        return f"Realisasi bulan ini tidak dapat diubah. {self.keterangan}"


def batas_default(tahun: int, bulan: int, aturan: AturanPelaporan | None = None) -> datetime.date:
    aturan = aturan or AturanPelaporan.current()
    next_year, next_month = (tahun + 1, 1) if bulan == 12 else (tahun, bulan + 1)
    return datetime.date(next_year, next_month, aturan.hari_batas_pengisian)


def _tanggal(value: datetime.date) -> str:
    return f"{value.day} {NAMA_BULAN[value.month]} {value.year}"


def status_bulan(perangkat_daerah, tahun: int, bulan: int, *, today=None) -> StatusBulan:
    """Is month ``bulan`` of ``tahun`` open for ``perangkat_daerah`` to enter and submit?"""
    today = today or timezone.localdate()
    if (tahun, bulan) > (today.year, today.month):
        return StatusBulan(False, "Bulan ini belum dimulai.", None)
    kunci = KunciBulan.objects.filter(tahun=tahun, bulan=bulan).first()
    batas = kunci.batas_pengisian if kunci else batas_default(tahun, bulan)
    buka = None
    if kunci is not None:
        buka = (
            buka_kunci_aktif(today=today)
            .filter(kunci_bulan=kunci, perangkat_daerah=perangkat_daerah)
            .order_by("-dibuka_pada")
            .first()
        )
    return _decide(tahun, bulan, kunci, batas, buka, today)


def _decide(tahun, bulan, kunci, batas, buka, today) -> StatusBulan:
    """The rule itself, on values already read: a reopening wins, then the lock, then the
    deadline."""
    if (tahun, bulan) > (today.year, today.month):
        return StatusBulan(False, "Bulan ini belum dimulai.", None)
    if buka is not None:
        return StatusBulan(
            True,
            f"Dibuka kembali oleh admin sampai {_tanggal(buka.berlaku_sampai)}: {buka.alasan}",
            buka.berlaku_sampai,
            kunci,
            buka,
        )
    if kunci is not None and kunci.dikunci_pada is not None:
        return StatusBulan(False, "Bulan ini telah dikunci oleh admin.", batas, kunci)
    if today > batas:
        return StatusBulan(False, f"Batas pengisian {_tanggal(batas)} telah lewat.", batas, kunci)
    return StatusBulan(True, f"Terbuka sampai {_tanggal(batas)}.", batas, kunci)


def ensure_open(
    perangkat_daerah,
    tahun: int,
    bulan: int,
    *,
    today=None,
    akibat: str = "perubahan tidak disimpan",
) -> StatusBulan:
    """For a write of the month's realisasi, inside its transaction and before it locks any row:
    hold the month (shared) until the transaction ends, then return its status, or raise
    PermissionDenied with ``StatusBulan.penolakan(akibat)`` when it is closed."""
    hold_months([(tahun, bulan)])
    status = status_bulan(perangkat_daerah, tahun, bulan, today=today)
    if not status.terbuka:
        raise PermissionDenied(status.penolakan(akibat))
    return status


# --- Taking turns on a month ----------------------------------------------------------------

# PostgreSQL advisory locks, two int4 keys: this namespace ("SPKB") and tahun * 100 + bulan.
_ADVISORY_NAMESPACE = int.from_bytes(b"SPKB", "big")


def hold_months(months: Iterable[tuple[int, int]], *, exclusive: bool = False) -> None:
    """Hold each (tahun, bulan) of ``months`` until the transaction ends: shared by the writes of
    the month's realisasi, alone (``exclusive``) by whatever changes whether it is open or reads
    its figures for the record. Call it before the transaction locks a row of the entry or of the
    month (a PD, a realisasi, a ``KunciBulan``), with every month it needs at once: they are taken
    in calendar order, so two holders of several months never deadlock. A month held shared is
    never asked for alone in the same transaction.

    A transaction-scoped advisory lock rather than a row: the month's ``KunciBulan`` row exists
    only once an admin has set its deadline, locked or reopened it (its absence means "the rules'
    default"), and a row lock the ORM can take (``FOR UPDATE``) would make the PDs of a month
    save one after another. On SQLite, which runs one writing transaction at a time and has no
    such locks, this does nothing: there the read of the month's status and the write are one
    transaction, and a lock committed after that read makes the write fail ("database is
    locked"), never pass.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("hold_months() must run inside the transaction it protects.")
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        for tahun, bulan in sorted(set(months)):
            cursor.execute(f"SELECT {function}(%s, %s)", [_ADVISORY_NAMESPACE, tahun * 100 + bulan])


# --- Read helpers for the admin's overview ------------------------------------------------------


@dataclass(frozen=True)
class RingkasanBulan:
    """One month of a year as the admin sees it: its deadline, whether it is locked, its status for
    a PD without a reopening, and the reopenings still in force."""

    tahun: int
    bulan: int
    kunci: KunciBulan | None
    batas_pengisian: datetime.date
    batas_ditetapkan: bool
    status: StatusBulan
    buka_aktif: tuple[BukaKunci, ...]
    dimulai: bool

    @property
    def nama_bulan(self) -> str:
        return NAMA_BULAN[self.bulan]

    @property
    def dikunci(self) -> bool:
        return self.kunci is not None and self.kunci.dikunci_pada is not None


def buka_kunci_aktif(*, today=None):
    """Reopenings still in force on ``today``: not closed, not expired."""
    today = today or timezone.localdate()
    return BukaKunci.objects.filter(ditutup_pada__isnull=True, berlaku_sampai__gte=today)


def ringkasan_tahun(tahun: int, *, today=None) -> list[RingkasanBulan]:
    """The twelve months of ``tahun`` in three queries (locks, their active reopenings, rules),
    decided by the same rule as ``status_bulan``."""
    today = today or timezone.localdate()
    aturan = AturanPelaporan.current()
    aktif = buka_kunci_aktif(today=today).select_related("perangkat_daerah", "dibuka_oleh")
    kunci_by_bulan = {
        kunci.bulan: kunci
        for kunci in KunciBulan.objects.filter(tahun=tahun)
        .select_related("dikunci_oleh")
        .prefetch_related(
            Prefetch(
                "buka_kunci",
                queryset=aktif.order_by("perangkat_daerah__kode", "-dibuka_pada"),
                to_attr="buka_aktif",
            )
        )
    }
    months = []
    for bulan in range(1, 13):
        kunci = kunci_by_bulan.get(bulan)
        batas = kunci.batas_pengisian if kunci else batas_default(tahun, bulan, aturan)
        months.append(
            RingkasanBulan(
                tahun=tahun,
                bulan=bulan,
                kunci=kunci,
                batas_pengisian=batas,
                batas_ditetapkan=kunci is not None,
                status=_decide(tahun, bulan, kunci, batas, None, today),
                buka_aktif=tuple(kunci.buka_aktif) if kunci else (),
                dimulai=(tahun, bulan) <= (today.year, today.month),
            )
        )
    return months
