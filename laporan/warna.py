"""Status colours of a PD or a line, by the admin's rules (laporan.models.AturanWarna)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from .figures import Angka
from .models import AmbangTriwulan, AturanWarna


class Warna(models.TextChoices):
    HIJAU_TUA = "hijau-tua", "Hijau tua"
    HIJAU = "hijau", "Hijau"
    KUNING = "kuning", "Kuning"
    MERAH_MUDA = "merah-muda", "Merah muda"
    MERAH = "merah", "Merah"


@dataclass(frozen=True)
class Pewarna:
    """The rules in force for one report, read once, applied to many rows without queries."""

    aturan: AturanWarna
    ambang: AmbangTriwulan | None

    @classmethod
    def for_bulan(cls, bulan: int) -> "Pewarna":
        aturan = AturanWarna.current()
        ambang = None
        if aturan.gaya == AturanWarna.Gaya.TRIWULAN:
            ambang = AmbangTriwulan.for_triwulan((bulan - 1) // 3 + 1)
        return cls(aturan, ambang)

    def _values(self, angka: Angka) -> tuple[Decimal | None, Decimal | None]:
        if self.aturan.indikator == AturanWarna.Indikator.KEUANGAN:
            return angka.keuangan_persen, angka.deviasi_keuangan
        return angka.fisik, angka.deviasi_fisik

    def warna(self, angka: Angka) -> Warna | None:
        realisasi, deviasi = self._values(angka)
        if realisasi is None:
            return None
        if self.ambang is None:
            if deviasi >= self.aturan.batas_hijau:
                return Warna.HIJAU
            if deviasi >= self.aturan.batas_kuning:
                return Warna.KUNING
            return Warna.MERAH
        for batas, warna in (
            (self.ambang.hijau_tua, Warna.HIJAU_TUA),
            (self.ambang.hijau_muda, Warna.HIJAU),
            (self.ambang.kuning, Warna.KUNING),
            (self.ambang.merah_muda, Warna.MERAH_MUDA),
        ):
            if realisasi >= batas:
                return warna
        return Warna.MERAH
