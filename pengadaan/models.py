from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kegiatan.models import check_not_negative, money_field


class PaketPengadaan(models.Model):
    """A procurement package of one DPA line, kept up to date by the PD's operator."""

    class Metode(models.TextChoices):
        TENDER = "tender", "Tender"
        TENDER_CEPAT = "tender_cepat", "Tender Cepat"
        SELEKSI = "seleksi", "Seleksi"
        E_PURCHASING = "e_purchasing", "E-Purchasing"
        PENGADAAN_LANGSUNG = "pengadaan_langsung", "Pengadaan Langsung"
        PENUNJUKAN_LANGSUNG = "penunjukan_langsung", "Penunjukan Langsung"
        SWAKELOLA = "swakelola", "Swakelola"

    class Tahap(models.TextChoices):
        PERENCANAAN = "perencanaan", "Perencanaan"
        PEMILIHAN = "pemilihan", "Pemilihan"
        KONTRAK = "kontrak", "Kontrak"
        PELAKSANAAN = "pelaksanaan", "Pelaksanaan"
        SERAH_TERIMA = "serah_terima", "Serah Terima"

    dpa = models.ForeignKey(
        "kegiatan.DPA", verbose_name="DPA", on_delete=models.CASCADE, related_name="paket"
    )
    nama = models.CharField("nama paket", max_length=300)
    metode = models.CharField("metode pengadaan", max_length=30, choices=Metode.choices)
    hps = money_field("HPS (Rp)", null=True, blank=True)
    nilai_kontrak = money_field("nilai kontrak (Rp)", null=True, blank=True)
    penyedia = models.CharField("penyedia", max_length=200, blank=True)
    nomor_kontrak = models.CharField("nomor kontrak", max_length=100, blank=True)
    tahap = models.CharField(
        "tahap", max_length=20, choices=Tahap.choices, default=Tahap.PERENCANAAN
    )
    tanggal_pengumuman = models.DateField("tanggal pengumuman", null=True, blank=True)
    tanggal_kontrak = models.DateField("tanggal kontrak", null=True, blank=True)
    tanggal_selesai_rencana = models.DateField("rencana selesai", null=True, blank=True)
    tanggal_serah_terima = models.DateField("tanggal serah terima", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "paket pengadaan"
        verbose_name_plural = "paket pengadaan"
        ordering = ["dpa", "nama"]
        constraints = [
            check_not_negative("hps", "paket_hps_not_negative"),
            check_not_negative("nilai_kontrak", "paket_nilai_kontrak_not_negative"),
            models.CheckConstraint(
                name="paket_kontrak_not_above_hps",
                condition=Q(hps__isnull=True)
                | Q(nilai_kontrak__isnull=True)
                | Q(nilai_kontrak__lte=F("hps")),
                violation_error_message="Nilai kontrak tidak boleh melebihi HPS.",
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        super().clean()
        if (
            self.tanggal_kontrak
            and self.tanggal_serah_terima
            and self.tanggal_serah_terima < self.tanggal_kontrak
        ):
            raise ValidationError(
                {
                    "tanggal_serah_terima": (
                        "Tanggal serah terima tidak boleh sebelum tanggal kontrak."
                    )
                }
            )
