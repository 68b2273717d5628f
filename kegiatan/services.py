"""Writes to the budget: DPA lines, their pagu by phase, and their RKO plan.

Each function validates, then writes inside one transaction, so the current ``DPA.pagu`` and the
pagu history never disagree.
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import DPA, RKO, ZERO, RiwayatPagu


@transaction.atomic
def dpa_create(
    *,
    tahun: int,
    perangkat_daerah,
    sub_kegiatan,
    sumber_dana,
    pagu: Decimal,
    tanggal_murni: datetime.date | None = None,
    **fields,
) -> DPA:
    """A new DPA line with its murni pagu (in force from 1 January unless said otherwise)."""
    dpa = DPA(
        tahun=tahun,
        perangkat_daerah=perangkat_daerah,
        sub_kegiatan=sub_kegiatan,
        sumber_dana=sumber_dana,
        pagu=pagu,
        **fields,
    )
    dpa.full_clean()
    dpa.save()
    riwayat = RiwayatPagu(
        dpa=dpa,
        fase=RiwayatPagu.Fase.MURNI,
        tanggal_berlaku=tanggal_murni or datetime.date(tahun, 1, 1),
        pagu=pagu,
    )
    riwayat.full_clean()
    riwayat.save()
    return dpa


@transaction.atomic
def pagu_change(
    *, dpa: DPA, fase: str, tanggal_berlaku: datetime.date, pagu: Decimal, keterangan: str = ""
) -> RiwayatPagu:
    """Record a new pagu from ``tanggal_berlaku`` on and make it the line's current pagu if it is
    the latest."""
    if fase == RiwayatPagu.Fase.MURNI:
        raise ValidationError({"fase": "Pagu murni hanya dicatat saat DPA dibuat."})
    riwayat = RiwayatPagu(
        dpa=dpa, fase=fase, tanggal_berlaku=tanggal_berlaku, pagu=pagu, keterangan=keterangan
    )
    riwayat.full_clean()
    riwayat.save()
    latest = dpa.riwayat_pagu.order_by("-tanggal_berlaku").first()
    if latest.pk == riwayat.pk:
        dpa.pagu = pagu
        dpa.save(update_fields=["pagu"])
    return riwayat


def validate_rko(pagu: Decimal, targets: Sequence[tuple[Decimal, Decimal]]) -> None:
    """The RKO's own rules: 12 months, cumulative fisik 0–100 never decreasing and ending at 100,
    planned money never negative and summing to the pagu."""
    errors = []
    if len(targets) != 12:
        raise ValidationError("RKO harus berisi 12 bulan.")
    previous = ZERO
    for bulan, (fisik, uang) in enumerate(targets, start=1):
        if not ZERO <= fisik <= Decimal(100):
            errors.append(f"Bulan {bulan}: target fisik harus 0–100%.")
        if fisik < previous:
            errors.append(f"Bulan {bulan}: target fisik kumulatif tidak boleh turun.")
        if uang < ZERO:
            errors.append(f"Bulan {bulan}: rencana keuangan tidak boleh negatif.")
        previous = fisik
    if targets[-1][0] != Decimal(100):
        errors.append("Target fisik bulan Desember harus 100%.")
    total = sum((uang for _, uang in targets), ZERO)
    if total != pagu:
        errors.append(f"Jumlah rencana keuangan ({total}) harus sama dengan pagu ({pagu}).")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def rko_set(*, dpa: DPA, targets: Sequence[tuple[Decimal, Decimal]]) -> list[RKO]:
    """Replace the 12 monthly targets of a DPA line: (cumulative fisik %, money planned that
    month)."""
    validate_rko(dpa.pagu, targets)
    existing = {rko.bulan: rko for rko in dpa.rko.all()}
    saved = []
    for bulan, (fisik, uang) in enumerate(targets, start=1):
        rko = existing.get(bulan) or RKO(dpa=dpa, bulan=bulan)
        if rko.pk and rko.target_fisik == fisik and rko.target_keuangan == uang:
            saved.append(rko)
            continue
        rko.target_fisik, rko.target_keuangan = fisik, uang
        rko.save()
        saved.append(rko)
    return saved
