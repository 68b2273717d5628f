"""Whether a month is open for a PD's entry: the one place that decides it.

A month opens on its first day and stays open until its deadline (``KunciBulan.batas_pengisian``, or
the default day of the next month from ``AturanPelaporan``) or until an admin locks it. An admin can
reopen a locked or overdue month for one PD, with a reason, until a given date.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
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


def ensure_open(perangkat_daerah, tahun: int, bulan: int, *, today=None) -> StatusBulan:
    """The month's status, or PermissionDenied with the reason when it is closed."""
    status = status_bulan(perangkat_daerah, tahun, bulan, today=today)
    if not status.terbuka:
        raise PermissionDenied(f"Realisasi bulan ini tidak dapat diubah. {status.keterangan}")
    return status


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
