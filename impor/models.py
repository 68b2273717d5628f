"""The log of every import: the uploaded file, who uploaded and applied it, what the preview said
and which errors were found. The budget data themselves are written by ``impor.services``."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from kegiatan.models import TAHUN_MAX, TAHUN_MIN, RiwayatPagu, tahun_field


def impor_upload_to(instance: "Impor", filename: str) -> str:
    """impor/<tahun>/<random>.xlsx: the stored name never reuses the user's."""
    return f"impor/{instance.tahun}/{uuid.uuid4().hex}.xlsx"


class ImporQuerySet(models.QuerySet):
    def terbaru(self):
        return self.select_related("dibuat_oleh", "diterapkan_oleh").order_by("-dibuat_pada", "-pk")

    def berkas_usang(self, sebelum):
        """Imports uploaded before ``sebelum`` whose file is still stored but can never be applied:
        refused (``ditolak``) or made stale by a change of the data (``kedaluwarsa``). Applied
        imports keep theirs (the file as applied, for the audit trail); previews waiting to be
        applied keep theirs too."""
        return (
            self.filter(
                status__in=[Impor.Status.DITOLAK, Impor.Status.KEDALUWARSA],
                dibuat_pada__lt=sebelum,
            )
            .exclude(berkas="")
            .order_by("dibuat_pada", "pk")
        )


class Impor(models.Model):
    """One uploaded file and what became of it.

    ``ditolak``: it has errors (listed in ``galat``), nothing was written. ``pratinjau``: it is
    valid and waits for the admin to apply it; ``sidik`` is the fingerprint of the changes it
    showed.
    ``diterapkan``: applied in one transaction. ``kedaluwarsa``: the data changed between the
    preview and the apply, which was refused; the file must be previewed again.

    ``berkas`` is empty when the file is not stored: refused for its size or shape
    (``melampaui_batas``: such a file is not kept, so nothing parses it again) or removed, with
    ``berkas_dihapus_pada``, by ``manage.py impor_bersihkan`` after ``SIPOK_IMPOR_SIMPAN_HARI``
    days. The record itself stays, with its errors, for the audit trail.
    """

    class Jenis(models.TextChoices):
        DPA = "dpa", "DPA dan RKO"
        SP2D = "sp2d", "SP2D (realisasi keuangan)"

    class Status(models.TextChoices):
        DITOLAK = "ditolak", "Ditolak (ada galat)"
        PRATINJAU = "pratinjau", "Pratinjau, belum diterapkan"
        DITERAPKAN = "diterapkan", "Diterapkan"
        KEDALUWARSA = "kedaluwarsa", "Kedaluwarsa (data berubah sejak pratinjau)"

    class Sumber(models.TextChoices):
        WEB = "web", "Aplikasi web"
        PERINTAH = "perintah", "Baris perintah"

    FASE_CHOICES = [
        (value, label)
        for value, label in RiwayatPagu.Fase.choices
        if value != RiwayatPagu.Fase.MURNI
    ]

    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    tahun = tahun_field()
    fase = models.CharField(
        "fase perubahan pagu",
        max_length=20,
        choices=FASE_CHOICES,
        blank=True,
        help_text="Kosong: DPA murni (pagu yang berbeda ditolak).",
    )
    tanggal_berlaku = models.DateField("pagu berlaku sejak", null=True, blank=True)
    berkas = models.FileField("berkas", upload_to=impor_upload_to, max_length=255, blank=True)
    melampaui_batas = models.BooleanField(
        "ditolak karena ukuran/bentuk berkas",
        default=False,
        help_text="Berkas melampaui batas ukuran, isi, sel atau baris; berkasnya tidak disimpan.",
    )
    berkas_dihapus_pada = models.DateTimeField("berkas dihapus pada", null=True, blank=True)
    nama_asli = models.CharField("nama berkas", max_length=255)
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    sha256 = models.CharField("SHA-256 berkas", max_length=64)
    sidik = models.CharField("sidik perubahan saat pratinjau", max_length=64, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices)
    ringkasan = models.JSONField("ringkasan", default=dict, blank=True)
    pratinjau = models.JSONField("pratinjau", default=list, blank=True)
    galat = models.JSONField("galat", default=list, blank=True)
    jumlah_galat = models.PositiveIntegerField("jumlah galat", default=0)
    sumber = models.CharField("diunggah lewat", max_length=10, choices=Sumber.choices)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    diterapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diterapkan oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diterapkan_pada = models.DateTimeField("diterapkan pada", null=True, blank=True)

    objects = ImporQuerySet.as_manager()

    class Meta:
        verbose_name = "impor"
        verbose_name_plural = "impor"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="impor_tahun_range",
                condition=Q(tahun__gte=TAHUN_MIN, tahun__lte=TAHUN_MAX),
                violation_error_message=f"Tahun anggaran {TAHUN_MIN}–{TAHUN_MAX}.",
            ),
            models.CheckConstraint(
                name="impor_fase_has_tanggal",
                condition=(Q(fase="") & Q(tanggal_berlaku__isnull=True))
                | (~Q(fase="") & Q(tanggal_berlaku__isnull=False)),
                violation_error_message="Fase perubahan pagu dan tanggal berlakunya diisi berdua.",
            ),
            models.CheckConstraint(
                name="impor_diterapkan_has_time",
                condition=~Q(status="diterapkan") | Q(diterapkan_pada__isnull=False),
                violation_error_message="Impor yang diterapkan mencatat waktu penerapannya.",
            ),
            models.CheckConstraint(
                name="impor_batas_ditolak_tanpa_berkas",
                condition=Q(melampaui_batas=False) | (Q(status="ditolak") & Q(berkas="")),
                violation_error_message="Berkas yang melampaui batas ditolak dan tidak disimpan.",
            ),
            models.CheckConstraint(
                name="impor_dihapus_tanpa_berkas",
                condition=Q(berkas_dihapus_pada__isnull=True) | Q(berkas=""),
                violation_error_message="Berkas yang sudah dihapus tidak lagi tercatat.",
            ),
            models.CheckConstraint(
                name="impor_berkas_kosong_beralasan",
                condition=~Q(berkas="")
                | Q(melampaui_batas=True)
                | Q(berkas_dihapus_pada__isnull=False),
                violation_error_message="Impor tanpa berkas: ditolak karena batas, atau dihapus.",
            ),
        ]

    def __str__(self):
        return f"Impor {self.get_jenis_display()} #{self.pk} ({self.nama_asli})"

    @property
    def alasan_riwayat(self) -> str:
        """The change reason written on every history row the import makes (100 characters at
        most, the history tables' limit)."""
        text = f"Impor {self.get_jenis_display()} #{self.pk}"
        if self.fase:
            text += f" ({self.get_fase_display().lower()} {self.tanggal_berlaku:%d/%m/%Y})"
        return text[:100]
