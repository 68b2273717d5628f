"""The reporting period: a budget year and a month (a triwulan is its last month)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kegiatan.models import NAMA_BULAN


@dataclass(frozen=True, order=True)
class Periode:
    tahun: int
    bulan: int

    def __post_init__(self):
        if not 1 <= self.bulan <= 12:
            raise ValueError(f"bulan {self.bulan} is not 1..12")

    @property
    def nama_bulan(self) -> str:
        return NAMA_BULAN[self.bulan]

    @property
    def triwulan(self) -> int:
        return (self.bulan - 1) // 3 + 1

    @property
    def triwulan_romawi(self) -> str:
        return ("I", "II", "III", "IV")[self.triwulan - 1]

    @property
    def tahun_lalu(self) -> "Periode":
        return Periode(self.tahun - 1, self.bulan)

    def __str__(self):
        return f"{self.nama_bulan} {self.tahun}"

    @classmethod
    def triwulan_of(cls, tahun: int, triwulan: int) -> "Periode":
        if not 1 <= triwulan <= 4:
            raise ValueError(f"triwulan {triwulan} is not 1..4")
        return cls(tahun, triwulan * 3)


def default_periode(today: datetime.date | None = None) -> Periode:
    """The month a report opens on: the last month that has ended (December of last year in
    January)."""
    today = today or timezone.localdate()
    if today.month == 1:
        return Periode(today.year - 1, 12)
    return Periode(today.year, today.month - 1)
