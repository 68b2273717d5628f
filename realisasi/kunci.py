"""Whether a month is open for a PD's entry: the one place that decides it.

A month opens on its first day and stays open until its deadline (``KunciBulan.batas_pengisian``, or
the default day of the next month from ``AturanPelaporan``) or until an admin locks it. An admin can
reopen a locked or overdue month for one PD, with a reason, until a given date.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
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
            kunci.buka_kunci.filter(
                perangkat_daerah=perangkat_daerah,
                ditutup_pada__isnull=True,
                berlaku_sampai__gte=today,
            )
            .order_by("-dibuka_pada")
            .first()
        )
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
