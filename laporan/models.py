"""The admin's settings for the reports: how PD and lines are coloured."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


def _percent(verbose_name, default):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[
            MinValueValidator(Decimal(0), "Ambang 0–100."),
            MaxValueValidator(Decimal(100), "Ambang 0–100."),
        ],
    )


class AturanWarna(models.Model):
    """How status colours are given (one row). DESIGN.md: on the deviation (green at ≥ 0, yellow
    down to −10, red below) or on the cumulative realisation per triwulan (``AmbangTriwulan``)."""

    class Gaya(models.TextChoices):
        DEVIASI = "deviasi", "Berdasarkan deviasi terhadap target"
        TRIWULAN = "triwulan", "Berdasarkan capaian kumulatif per triwulan"

    class Indikator(models.TextChoices):
        FISIK = "fisik", "Realisasi fisik"
        KEUANGAN = "keuangan", "Realisasi keuangan"

    gaya = models.CharField(
        "gaya pewarnaan", max_length=20, choices=Gaya.choices, default="deviasi"
    )
    indikator = models.CharField(
        "indikator yang diwarnai", max_length=20, choices=Indikator.choices, default="fisik"
    )
    batas_hijau = models.DecimalField(
        "hijau bila deviasi ≥ (poin)", max_digits=6, decimal_places=2, default=Decimal("0")
    )
    batas_kuning = models.DecimalField(
        "kuning bila deviasi ≥ (poin)", max_digits=6, decimal_places=2, default=Decimal("-10")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "aturan warna status"
        verbose_name_plural = "aturan warna status"
        constraints = [
            models.CheckConstraint(
                name="aturan_warna_kuning_below_hijau",
                condition=Q(batas_kuning__lte=F("batas_hijau")),
                violation_error_message="Batas kuning harus ≤ batas hijau.",
            )
        ]

    def __str__(self):
        return "Aturan warna status"

    def clean(self):
        super().clean()
        if (
            self.batas_kuning is not None
            and self.batas_hijau is not None
            and self.batas_kuning > self.batas_hijau
        ):
            raise ValidationError(
                {"batas_kuning": "Batas kuning harus lebih kecil atau sama dengan batas hijau."}
            )

    @classmethod
    def current(cls) -> "AturanWarna":
        return cls.objects.order_by("pk").first() or cls()


class AmbangTriwulan(models.Model):
    """The realisation bands of one triwulan: dark green ≥ hijau_tua > light green ≥ hijau_muda >
    yellow ≥ kuning > pink ≥ merah_muda > red."""

    DEFAULTS = {
        1: ("23", "20", "17", "13"),
        2: ("45", "39", "33", "26"),
        3: ("79", "70", "61", "51"),
        4: ("98", "95", "92", "88"),
    }

    triwulan = models.PositiveSmallIntegerField(
        "triwulan",
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    hijau_tua = _percent("hijau tua bila ≥", "0")
    hijau_muda = _percent("hijau muda bila ≥", "0")
    kuning = _percent("kuning bila ≥", "0")
    merah_muda = _percent("merah muda bila ≥", "0")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ambang warna per triwulan"
        verbose_name_plural = "ambang warna per triwulan"
        ordering = ["triwulan"]
        constraints = [
            models.CheckConstraint(
                name="ambang_triwulan_1_4", condition=Q(triwulan__gte=1, triwulan__lte=4)
            ),
            models.CheckConstraint(
                name="ambang_triwulan_descending",
                condition=Q(hijau_tua__gte=F("hijau_muda"))
                & Q(hijau_muda__gte=F("kuning"))
                & Q(kuning__gte=F("merah_muda")),
                violation_error_message="Ambang harus menurun: hijau tua ≥ hijau muda ≥ kuning ≥ "
                "merah muda.",
            ),
        ]

    def __str__(self):
        return f"Triwulan {self.triwulan}"

    @classmethod
    def for_triwulan(cls, triwulan: int) -> "AmbangTriwulan":
        found = cls.objects.filter(triwulan=triwulan).first()
        if found:
            return found
        hijau_tua, hijau_muda, kuning, merah_muda = map(Decimal, cls.DEFAULTS[triwulan])
        return cls(
            triwulan=triwulan,
            hijau_tua=hijau_tua,
            hijau_muda=hijau_muda,
            kuning=kuning,
            merah_muda=merah_muda,
        )


class VersiAngka(models.Model):
    """Which state of a budget year's figures the database holds: a random ``token`` that database
    triggers replace whenever a row the figures depend on changes (migration 0002). ``tahun`` 0
    stands for what every year shares: the codes of PD, sumber dana and nomenclature.

    ``laporan.cache`` keeps computed figures under these tokens, so a cached figure is found only
    while the data it was computed from is unchanged, whichever way the data was written (a form,
    an import, the admin, ``QuerySet.update``, raw SQL). Not edited by anyone; not in the admin.
    """

    SEMUA = 0

    tahun = models.PositiveIntegerField(primary_key=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "versi angka laporan"
        verbose_name_plural = "versi angka laporan"

    def __str__(self):
        return f"{self.tahun}: {self.token}"
