"""The budget: nomenclature, funding sources, DPA lines, their pagu history and their RKO plan."""

import calendar
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from . import nomenklatur

MONEY = {"max_digits": 18, "decimal_places": 2}
PERCENT = {"max_digits": 5, "decimal_places": 2}
ZERO = Decimal("0")
HUNDRED = Decimal("100")

BULAN_CHOICES = [
    (1, "Januari"),
    (2, "Februari"),
    (3, "Maret"),
    (4, "April"),
    (5, "Mei"),
    (6, "Juni"),
    (7, "Juli"),
    (8, "Agustus"),
    (9, "September"),
    (10, "Oktober"),
    (11, "November"),
    (12, "Desember"),
]
NAMA_BULAN = dict(BULAN_CHOICES)
TAHUN_MIN, TAHUN_MAX = 2000, 2100


def akhir_bulan(tahun: int, bulan: int) -> datetime.date:
    return datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def bulan_field(verbose_name="bulan"):
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=BULAN_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )


def tahun_field(verbose_name="tahun anggaran"):
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(TAHUN_MIN), MaxValueValidator(TAHUN_MAX)]
    )


def percent_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        **PERCENT,
        validators=[
            MinValueValidator(ZERO, "Persentase tidak boleh kurang dari 0."),
            MaxValueValidator(HUNDRED, "Persentase tidak boleh lebih dari 100."),
        ],
    )


def money_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        **MONEY,
        validators=[MinValueValidator(ZERO, "Nilai uang tidak boleh negatif.")],
        **kwargs,
    )


class BatasTeks(MaxLengthValidator):
    """Free text a user types — a kendala, a note, an arahan — is at most ``limit_value``
    characters: on the model field (so the admin and every service that calls ``full_clean`` keep
    it) and in the form (``kegiatan.fields.TeksField``), with the same Indonesian message.

    A limit, because every viewer of a page loads what one user typed, and an Excel cell holds at
    most 32.767 characters. Every limit of SiPOK is set beside its field, well inside that.
    """

    message = "Terlalu panjang: paling banyak %(batas)s karakter, teks ini %(panjang)s karakter."

    def __call__(self, value):
        panjang = self.clean(value)
        if self.compare(panjang, self.limit_value):
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": self.limit_value,
                    "show_value": panjang,
                    "value": value,
                    "batas": f"{self.limit_value:,}".replace(",", "."),
                    "panjang": f"{panjang:,}".replace(",", "."),
                },
            )


def check_bulan(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=name, condition=Q(bulan__gte=1, bulan__lte=12), violation_error_message="Bulan 1–12."
    )


def check_percent(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=name,
        condition=Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
        violation_error_message="Persentase harus 0–100.",
    )


def check_not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=name,
        condition=Q(**{f"{field}__gte": 0}),
        violation_error_message="Nilai tidak boleh negatif.",
    )


# --- Nomenclature -----------------------------------------------------------------------------


class Program(models.Model):
    kode = models.CharField(
        "kode", max_length=20, unique=True, validators=[nomenklatur.validate_kode_program]
    )
    nama = models.CharField("nama program", max_length=300)

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Kegiatan(models.Model):
    program = models.ForeignKey(
        Program, verbose_name="program", on_delete=models.PROTECT, related_name="kegiatan"
    )
    kode = models.CharField(
        "kode", max_length=20, unique=True, validators=[nomenklatur.validate_kode_kegiatan]
    )
    nama = models.CharField("nama kegiatan", max_length=300)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def clean(self):
        super().clean()
        if (
            self.program_id
            and nomenklatur.KEGIATAN_RE.match(self.kode or "")
            and nomenklatur.parent_kode(self.kode) != self.program.kode
        ):
            raise ValidationError(
                {"kode": f"Kode kegiatan harus diawali kode programnya ({self.program.kode})."}
            )


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name="kegiatan", on_delete=models.PROTECT, related_name="sub_kegiatan"
    )
    kode = models.CharField(
        "kode", max_length=24, unique=True, validators=[nomenklatur.validate_kode_sub_kegiatan]
    )
    nama = models.CharField("nama sub kegiatan", max_length=400)

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def clean(self):
        super().clean()
        if (
            self.kegiatan_id
            and nomenklatur.SUB_KEGIATAN_RE.match(self.kode or "")
            and nomenklatur.parent_kode(self.kode) != self.kegiatan.kode
        ):
            raise ValidationError(
                {"kode": f"Kode harus diawali kode kegiatannya ({self.kegiatan.kode})."}
            )


class SumberDana(models.Model):
    class Kelompok(models.TextChoices):
        APBD = "apbd", "APBD"
        DAK = "dak", "DAK"
        BANTUAN_KEUANGAN = "bankeu", "Bantuan Keuangan"
        NON_APBD = "non_apbd", "Non-APBD"

    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("nama", max_length=150, unique=True)
    kelompok = models.CharField("kelompok", max_length=20, choices=Kelompok.choices)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "sumber dana"
        verbose_name_plural = "sumber dana"
        ordering = ["kode"]

    def __str__(self):
        return self.nama


# --- DPA lines and their plan -----------------------------------------------------------------


class DPAQuerySet(models.QuerySet):
    def tahun(self, tahun: int):
        return self.filter(tahun=tahun)

    def with_nomenklatur(self):
        return self.select_related(
            "perangkat_daerah", "sub_kegiatan__kegiatan__program", "sumber_dana"
        )


class DPA(models.Model):
    """One DPA line: a sub kegiatan of one PD in one year, funded by one sumber dana.

    ``pagu`` is the pagu in force now; its history by phase is in ``RiwayatPagu`` and the pagu in
    force at the end of any month comes from there. Change both through ``kegiatan.services``.
    """

    tahun = tahun_field()
    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        related_name="dpa",
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, verbose_name="sub kegiatan", on_delete=models.PROTECT, related_name="dpa"
    )
    sumber_dana = models.ForeignKey(
        SumberDana, verbose_name="sumber dana", on_delete=models.PROTECT, related_name="dpa"
    )
    nama_sub_kegiatan = models.CharField(
        "nama sub kegiatan pada DPA",
        max_length=400,
        blank=True,
        help_text="Nama saat dianggarkan; nomenklatur bisa berganti nama di tahun lain.",
    )
    pagu = money_field("pagu berlaku")
    lokasi = models.CharField("lokasi", max_length=300, blank=True)
    indikator_keluaran = models.CharField("indikator keluaran", max_length=400, blank=True)
    target_keluaran = models.DecimalField(
        "target keluaran",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO, "Target keluaran tidak boleh negatif.")],
    )
    satuan_keluaran = models.CharField("satuan", max_length=50, blank=True)
    pptk_nama = models.CharField("nama PPTK", max_length=150, blank=True)
    pptk_nip = models.CharField(
        "NIP PPTK",
        max_length=18,
        blank=True,
        validators=[RegexValidator(r"^\d{18}$", "NIP terdiri dari 18 angka.")],
    )

    history = HistoricalRecords(excluded_fields=["nama_sub_kegiatan"])
    objects = DPAQuerySet.as_manager()

    class Meta:
        verbose_name = "DPA sub kegiatan"
        verbose_name_plural = "DPA sub kegiatan"
        ordering = ["tahun", "perangkat_daerah__kode", "sub_kegiatan__kode", "sumber_dana__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "perangkat_daerah", "sub_kegiatan", "sumber_dana"],
                name="dpa_unique_line",
                violation_error_message=(
                    "Sub kegiatan ini dengan sumber dana yang sama sudah ada di DPA PD ini "
                    "untuk tahun tersebut."
                ),
            ),
            check_not_negative("pagu", "dpa_pagu_not_negative"),
            models.CheckConstraint(
                name="dpa_tahun_range",
                condition=Q(tahun__gte=TAHUN_MIN, tahun__lte=TAHUN_MAX),
                violation_error_message=f"Tahun anggaran {TAHUN_MIN}–{TAHUN_MAX}.",
            ),
        ]
        indexes = [models.Index(fields=["tahun", "perangkat_daerah"])]

    def __str__(self):
        return (
            f"{self.tahun} {self.sub_kegiatan.kode} {self.nama_sub_kegiatan} ({self.sumber_dana})"
        )

    def save(self, *args, **kwargs):
        if not self.nama_sub_kegiatan and self.sub_kegiatan_id:
            self.nama_sub_kegiatan = self.sub_kegiatan.nama
        super().save(*args, **kwargs)


class RiwayatPagu(models.Model):
    """The pagu of a DPA line from a date on, by budget phase."""

    class Fase(models.TextChoices):
        MURNI = "murni", "Murni"
        PERGESERAN = "pergeseran", "Pergeseran"
        REFOCUSING = "refocusing", "Refocusing"
        PERUBAHAN = "perubahan", "Perubahan"

    dpa = models.ForeignKey(
        DPA, verbose_name="DPA", on_delete=models.CASCADE, related_name="riwayat_pagu"
    )
    fase = models.CharField("fase", max_length=20, choices=Fase.choices)
    tanggal_berlaku = models.DateField("berlaku sejak")
    pagu = money_field("pagu")
    keterangan = models.CharField("keterangan", max_length=300, blank=True)
    dicatat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "riwayat pagu"
        verbose_name_plural = "riwayat pagu"
        ordering = ["dpa", "tanggal_berlaku"]
        constraints = [
            models.UniqueConstraint(
                fields=["dpa", "tanggal_berlaku"],
                name="riwayat_pagu_one_per_day",
                violation_error_message="Sudah ada perubahan pagu DPA ini pada tanggal tersebut.",
            ),
            check_not_negative("pagu", "riwayat_pagu_not_negative"),
        ]
        indexes = [
            # Covers the "pagu in force at the end of the month" lookups of laporan.figures: the
            # database answers them from the index alone (see BENCHMARKS.md).
            models.Index(fields=["dpa", "tanggal_berlaku", "pagu"], name="riwayat_pagu_angka_idx"),
        ]

    def __str__(self):
        return f"{self.get_fase_display()} {self.tanggal_berlaku}: {self.pagu}"

    def clean(self):
        super().clean()
        if self.dpa_id and self.tanggal_berlaku and self.tanggal_berlaku.year > self.dpa.tahun:
            raise ValidationError(
                {"tanggal_berlaku": "Tanggal berlaku harus di dalam tahun anggaran DPA."}
            )


class RKO(models.Model):
    """The RKO plan of one DPA line for one month.

    ``target_fisik`` is cumulative (%); ``target_keuangan`` is the money planned for that month
    alone (the anggaran kas), so the cumulative money target is the sum up to the month.
    """

    dpa = models.ForeignKey(DPA, verbose_name="DPA", on_delete=models.CASCADE, related_name="rko")
    bulan = bulan_field()
    target_fisik = percent_field("target fisik kumulatif (%)")
    target_keuangan = money_field("rencana keuangan bulan ini (Rp)")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "target RKO"
        verbose_name_plural = "target RKO"
        ordering = ["dpa_id", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["dpa", "bulan"],
                name="rko_one_per_month",
                violation_error_message="Target RKO bulan ini sudah ada untuk DPA tersebut.",
            ),
            check_bulan("rko_bulan_1_12"),
            check_percent("target_fisik", "rko_target_fisik_0_100"),
            check_not_negative("target_keuangan", "rko_target_keuangan_not_negative"),
        ]
        indexes = [
            # Covers the RKO lookups and running sums of laporan.figures (see BENCHMARKS.md).
            models.Index(
                fields=["dpa", "bulan", "target_fisik", "target_keuangan"], name="rko_angka_idx"
            ),
        ]

    def __str__(self):
        return f"RKO {self.dpa_id} bulan {self.bulan}"
