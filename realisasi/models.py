"""What the PD reports each month, its verification, and the month locks."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kegiatan.models import (
    BatasTeks,
    bulan_field,
    check_bulan,
    check_not_negative,
    check_percent,
    money_field,
    percent_field,
    tahun_field,
)

# The longest free text of each kind, in characters (kegiatan.models.BatasTeks): a few paragraphs.
KENDALA_MAX = 4000  # a line's kendala, and its solusi, of one month
CATATAN_MAX = 2000  # the verifier's note on a returned row; the month's conclusion for a PD
ALASAN_MAX = 1000  # why a locked month is opened again for a PD


class RealisasiQuerySet(models.QuerySet):
    def terlapor(self):
        """Realisations that count in reports: submitted or verified; not drafts, not returned."""
        return self.filter(status__in=Realisasi.STATUS_TERLAPOR)


class Realisasi(models.Model):
    """The monthly report of one DPA line.

    ``realisasi_fisik`` is cumulative (%); ``realisasi_keuangan`` is the money disbursed (SP2D) in
    that month alone. ``versi`` increases with every save, so a stale form cannot overwrite a newer
    one.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    STATUS_TERLAPOR = (Status.DIAJUKAN, Status.DIVERIFIKASI)

    dpa = models.ForeignKey(
        "kegiatan.DPA", verbose_name="DPA", on_delete=models.CASCADE, related_name="realisasi"
    )
    bulan = bulan_field()
    realisasi_fisik = percent_field("realisasi fisik kumulatif (%)")
    realisasi_keuangan = money_field("realisasi keuangan bulan ini (Rp)")
    kendala = models.TextField("kendala", blank=True, validators=[BatasTeks(KENDALA_MAX)])
    solusi = models.TextField(
        "solusi / tindak lanjut", blank=True, validators=[BatasTeks(KENDALA_MAX)]
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    catatan_verifikasi = models.TextField(
        "catatan verifikator", blank=True, validators=[BatasTeks(CATATAN_MAX)]
    )
    versi = models.PositiveIntegerField("versi", default=1)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diubah oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diverifikasi oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diverifikasi_pada = models.DateTimeField("diverifikasi pada", null=True, blank=True)

    history = HistoricalRecords()
    objects = RealisasiQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["dpa_id", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["dpa", "bulan"],
                name="realisasi_one_per_month",
                violation_error_message="Realisasi bulan ini sudah ada untuk DPA tersebut.",
            ),
            check_bulan("realisasi_bulan_1_12"),
            check_percent("realisasi_fisik", "realisasi_fisik_0_100"),
            check_not_negative("realisasi_keuangan", "realisasi_keuangan_not_negative"),
        ]
        indexes = [
            models.Index(fields=["bulan", "status"]),
            # Covers the latest-fisik and cumulative-money lookups of laporan.figures: the
            # database answers them from the index alone (see BENCHMARKS.md).
            models.Index(
                fields=["dpa", "bulan", "status", "realisasi_fisik", "realisasi_keuangan"],
                name="realisasi_angka_idx",
            ),
        ]

    def __str__(self):
        return f"Realisasi {self.dpa_id} bulan {self.bulan}"


class KunciBulan(models.Model):
    """The entry period of one month: open until ``batas_pengisian`` or until an admin locks it."""

    tahun = tahun_field()
    bulan = bulan_field()
    batas_pengisian = models.DateField(
        "batas pengisian", help_text="Hari terakhir operator dapat mengisi realisasi bulan ini."
    )
    dikunci_pada = models.DateTimeField("dikunci pada", null=True, blank=True)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dikunci oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kunci bulan"
        verbose_name_plural = "kunci bulan"
        ordering = ["tahun", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "bulan"],
                name="kunci_bulan_one_per_month",
                violation_error_message="Pengaturan kunci untuk bulan ini sudah ada.",
            ),
            check_bulan("kunci_bulan_bulan_1_12"),
        ]

    def __str__(self):
        return f"{self.bulan:02d}/{self.tahun}"


class BukaKunci(models.Model):
    """An admin's reopening of a locked month for one PD, with the reason kept."""

    kunci_bulan = models.ForeignKey(
        KunciBulan, verbose_name="bulan", on_delete=models.CASCADE, related_name="buka_kunci"
    )
    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah",
        on_delete=models.CASCADE,
        related_name="buka_kunci",
    )
    alasan = models.TextField("alasan", validators=[BatasTeks(ALASAN_MAX)])
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dibuka oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    dibuka_pada = models.DateTimeField("dibuka pada", auto_now_add=True)
    berlaku_sampai = models.DateField("berlaku sampai")
    ditutup_pada = models.DateTimeField("ditutup pada", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "pembukaan kunci"
        verbose_name_plural = "pembukaan kunci"
        ordering = ["-dibuka_pada"]
        constraints = [
            models.CheckConstraint(
                name="buka_kunci_alasan_required",
                condition=~Q(alasan=""),
                violation_error_message="Alasan membuka kunci wajib diisi.",
            ),
        ]

    def __str__(self):
        return f"{self.kunci_bulan} dibuka untuk {self.perangkat_daerah}"


class AturanPelaporan(models.Model):
    """The admin's reporting rules (one row): when kendala and solusi are required, and the default
    entry deadline."""

    ambang_deviasi_kendala = models.DecimalField(
        "ambang keterlambatan wajib kendala (poin %)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("5.00"),
        validators=[
            MinValueValidator(Decimal("0"), "Ambang tidak boleh negatif."),
            MaxValueValidator(Decimal("100"), "Ambang paling besar 100."),
        ],
        help_text="Kendala dan solusi wajib diisi bila realisasi fisik tertinggal dari target "
        "lebih dari sekian poin persen.",
    )
    hari_batas_pengisian = models.PositiveSmallIntegerField(
        "batas pengisian (tanggal bulan berikutnya)",
        default=10,
        validators=[
            MinValueValidator(1, "Tanggal batas 1–28."),
            MaxValueValidator(28, "Tanggal batas 1–28."),
        ],
        help_text="Bila admin belum menetapkan batas untuk suatu bulan, bulan itu terbuka sampai "
        "tanggal ini pada bulan berikutnya.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "aturan pelaporan"
        verbose_name_plural = "aturan pelaporan"

    def __str__(self):
        return "Aturan pelaporan"

    @classmethod
    def current(cls) -> "AturanPelaporan":
        """The saved rules, or the defaults (unsaved) when the admin has set none."""
        return cls.objects.order_by("pk").first() or cls()


class CatatanBulanan(models.Model):
    """The admin's conclusion on one PD's report of one month, which the PD reads."""

    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah",
        on_delete=models.CASCADE,
        related_name="catatan_bulanan",
    )
    tahun = tahun_field()
    bulan = bulan_field()
    catatan = models.TextField(
        "catatan / kesimpulan verifikator", validators=[BatasTeks(CATATAN_MAX)]
    )
    ditulis_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditulis oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "catatan bulanan"
        verbose_name_plural = "catatan bulanan"
        ordering = ["tahun", "bulan", "perangkat_daerah"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "bulan"],
                name="catatan_bulanan_one_per_pd_month",
                violation_error_message="Catatan untuk PD dan bulan ini sudah ada.",
            ),
            check_bulan("catatan_bulanan_bulan_1_12"),
        ]

    def __str__(self):
        return f"Catatan {self.perangkat_daerah} {self.bulan:02d}/{self.tahun}"


# The storage folder every evidence file lives under, and nothing else does
# (``manage.py bersihkan_bukti`` looks for orphans here only).
FOLDER_BUKTI = "bukti"


def bukti_upload_to(instance: "BuktiDukung", filename: str) -> str:
    """bukti/<tahun>/<pd id>/<bulan>/<random>.<ext>: the stored name never reuses the user's."""
    import os
    import uuid

    ext = os.path.splitext(filename)[1].lower()
    dpa = instance.realisasi.dpa
    return (
        f"{FOLDER_BUKTI}/{dpa.tahun}/{dpa.perangkat_daerah_id}/{instance.realisasi.bulan:02d}/"
        f"{uuid.uuid4().hex}{ext}"
    )


class BuktiDukung(models.Model):
    """Evidence (photo or document) attached to one line's monthly realisasi.

    Its stored file goes when the record goes, however it is deleted (``realisasi.bukti``,
    "Stored files").
    """

    realisasi = models.ForeignKey(
        Realisasi, verbose_name="realisasi", on_delete=models.CASCADE, related_name="bukti"
    )
    berkas = models.FileField("berkas", upload_to=bukti_upload_to, max_length=255)
    nama_asli = models.CharField("nama berkas", max_length=255)
    jenis = models.CharField("jenis berkas", max_length=100)
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    keterangan = models.CharField("keterangan", max_length=300, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["realisasi", "diunggah_pada"]

    def __str__(self):
        return self.nama_asli
