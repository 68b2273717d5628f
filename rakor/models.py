"""The quarterly Rakor POK: the meeting, its attendees, the chair's directives, the per-PD
recommendations and their follow-up, and — once finalised — the frozen figures it showed."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kegiatan.models import MONEY, BatasTeks, tahun_field

# The longest free text of each kind, in characters (kegiatan.models.BatasTeks). The minutes of a
# meeting run to a few pages; everything else is a few paragraphs at most.
AGENDA_MAX = 2000
NOTULEN_MAX = 10000  # Rakor.catatan, the minutes
ARAHAN_MAX = 2000
REKOMENDASI_MAX = 2000
TINDAK_LANJUT_MAX = 4000  # as a line's solusi (realisasi.models.KENDALA_MAX)
ALASAN_BUKA_MAX = 1000  # why a finalised Rakor is opened again


class RakorQuerySet(models.QuerySet):
    def sebelum(self, rakor: "Rakor"):
        """The Rakor held for earlier triwulan than ``rakor``."""
        return self.filter(
            Q(tahun__lt=rakor.tahun) | Q(tahun=rakor.tahun, triwulan__lt=rakor.triwulan)
        )


class Rakor(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    tahun = tahun_field()
    triwulan = models.PositiveSmallIntegerField(
        "triwulan",
        validators=[
            MinValueValidator(1, "Triwulan 1–4."),
            MaxValueValidator(4, "Triwulan 1–4."),
        ],
    )
    tanggal = models.DateField("tanggal rapat")
    tempat = models.CharField("tempat", max_length=200, blank=True)
    virtual = models.BooleanField("rapat virtual", default=False)
    pimpinan_rapat = models.CharField("pimpinan rapat", max_length=200)
    agenda = models.TextField("agenda", blank=True, validators=[BatasTeks(AGENDA_MAX)])
    catatan = models.TextField("catatan / notulen", blank=True, validators=[BatasTeks(NOTULEN_MAX)])
    pengadaan_beku = models.JSONField(
        "progres pengadaan saat difinalkan", null=True, blank=True, editable=False
    )
    # What a finalised Rakor shows besides its figures (rakor.snapshot): the pemda's and the PD's
    # names, the colour rules, the rekomendasi and the follow-ups carried over, and the headline
    # of the previous final record. None on a Rakor finalised before SiPOK froze them (and its
    # Kurva S): its page says so.
    isi_beku = models.JSONField("isi Rakor saat difinalkan", null=True, blank=True, editable=False)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="draft")
    difinalkan_pada = models.DateTimeField("difinalkan pada", null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="difinalkan oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = RakorQuerySet.as_manager()

    class Meta:
        verbose_name = "Rakor POK"
        verbose_name_plural = "Rakor POK"
        ordering = ["-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "triwulan"],
                name="rakor_one_per_triwulan",
                violation_error_message="Rakor POK untuk tahun dan triwulan ini sudah ada.",
            ),
            models.CheckConstraint(
                name="rakor_triwulan_1_4",
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                violation_error_message="Triwulan 1–4.",
            ),
        ]

    def __str__(self):
        return f"Rakor POK Triwulan {self.triwulan_romawi} {self.tahun}"

    @property
    def triwulan_romawi(self) -> str:
        return ("I", "II", "III", "IV")[self.triwulan - 1]

    @property
    def bulan_akhir(self) -> int:
        return self.triwulan * 3

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL

    @property
    def tempat_label(self) -> str:
        if self.virtual:
            return f"Virtual ({self.tempat})" if self.tempat else "Virtual"
        return self.tempat


class PesertaRakor(models.Model):
    class Kategori(models.TextChoices):
        PIMPINAN = "pimpinan", "Pimpinan daerah"
        KEPALA_PD = "kepala_pd", "Kepala Perangkat Daerah"
        TAMU = "tamu", "Tamu undangan"

    rakor = models.ForeignKey(Rakor, on_delete=models.CASCADE, related_name="peserta")
    nama = models.CharField("nama", max_length=200)
    jabatan = models.CharField("jabatan", max_length=200, blank=True)
    kategori = models.CharField("kategori", max_length=20, choices=Kategori.choices)
    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "peserta Rakor"
        verbose_name_plural = "peserta Rakor"
        ordering = ["rakor", "kategori", "nama"]

    def __str__(self):
        return self.nama


class Arahan(models.Model):
    """A directive of the chair."""

    rakor = models.ForeignKey(Rakor, on_delete=models.CASCADE, related_name="arahan")
    isi = models.TextField("arahan", validators=[BatasTeks(ARAHAN_MAX)])
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "arahan pimpinan"
        verbose_name_plural = "arahan pimpinan"
        ordering = ["rakor", "dibuat_pada", "pk"]

    def __str__(self):
        return self.isi[:60]


class RekomendasiQuerySet(models.QuerySet):
    def terbuka_sebelum(self, rakor: Rakor):
        """The recommendations of earlier Rakor still open: carried over to ``rakor``."""
        return (
            self.filter(rakor__in=Rakor.objects.sebelum(rakor))
            .exclude(status=Rekomendasi.Status.SELESAI)
            .select_related("rakor", "perangkat_daerah")
            .order_by("rakor__tahun", "rakor__triwulan", "perangkat_daerah__kode", "pk")
        )


class Rekomendasi(models.Model):
    """A recommendation to one PD, whose follow-up is reviewed at the next Rakor."""

    class Status(models.TextChoices):
        BELUM = "belum", "Belum ditindaklanjuti"
        DALAM_PROSES = "dalam_proses", "Dalam proses"
        SELESAI = "selesai", "Selesai"

    rakor = models.ForeignKey(Rakor, on_delete=models.CASCADE, related_name="rekomendasi")
    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah penanggung jawab",
        on_delete=models.PROTECT,
        related_name="rekomendasi",
    )
    isi = models.TextField("rekomendasi", validators=[BatasTeks(REKOMENDASI_MAX)])
    batas_waktu = models.DateField("batas waktu")
    status = models.CharField(
        "status tindak lanjut", max_length=20, choices=Status.choices, default="belum"
    )
    tindak_lanjut = models.TextField(
        "uraian tindak lanjut", blank=True, validators=[BatasTeks(TINDAK_LANJUT_MAX)]
    )
    diperbarui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diperbarui oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField("diperbarui pada", null=True, blank=True)

    history = HistoricalRecords()
    objects = RekomendasiQuerySet.as_manager()

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["rakor", "perangkat_daerah__kode", "pk"]

    def __str__(self):
        return f"{self.perangkat_daerah}: {self.isi[:60]}"


class PembukaanRakor(models.Model):
    """An admin's reopening of a finalised Rakor, with the reason kept."""

    rakor = models.ForeignKey(Rakor, on_delete=models.CASCADE, related_name="pembukaan")
    alasan = models.TextField("alasan", validators=[BatasTeks(ALASAN_BUKA_MAX)])
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    dibuka_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pembukaan Rakor"
        verbose_name_plural = "pembukaan Rakor"
        ordering = ["-dibuka_pada"]
        constraints = [
            models.CheckConstraint(
                name="pembukaan_rakor_alasan_required",
                condition=~Q(alasan=""),
                violation_error_message="Alasan membuka kembali Rakor wajib diisi.",
            )
        ]

    def __str__(self):
        return f"{self.rakor} dibuka kembali"


class AngkaRakor(models.Model):
    """One frozen figure of a finalised Rakor: the sums of a group (the pemda, a PD, a sumber dana,
    a DPA line) for one year, exactly as the report module computed them at finalisation; and
    the months of its Kurva S (``KURVA``: ``kunci`` "" for the pemda, a PD code for that PD's
    curve, every month of this year and last year)."""

    class Tingkat(models.TextChoices):
        PEMDA = "pemda", "Pemda"
        PD = "pd", "Perangkat Daerah"
        SUMBER_DANA = "sumber_dana", "Sumber dana"
        DPA = "dpa", "DPA sub kegiatan"
        KURVA = "kurva", "Kurva S"

    rakor = models.ForeignKey(Rakor, on_delete=models.CASCADE, related_name="angka")
    tingkat = models.CharField(max_length=20, choices=Tingkat.choices)
    tahun = tahun_field()
    bulan = models.PositiveSmallIntegerField()
    kunci = models.CharField("kode", max_length=60, blank=True)
    label = models.CharField(max_length=400, blank=True)
    perangkat_daerah_kode = models.CharField(max_length=40, blank=True)
    dpa = models.ForeignKey(
        "kegiatan.DPA", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pagu = models.DecimalField(**MONEY)
    pagu_x_target_fisik = models.DecimalField(max_digits=24, decimal_places=4)
    pagu_x_fisik = models.DecimalField(max_digits=24, decimal_places=4)
    target_keuangan = models.DecimalField(**MONEY)
    keuangan = models.DecimalField(**MONEY)
    fisik_dilaporkan = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    kendala = models.TextField(blank=True)
    solusi = models.TextField(blank=True)

    class Meta:
        verbose_name = "angka Rakor (beku)"
        verbose_name_plural = "angka Rakor (beku)"
        ordering = ["rakor", "tingkat", "tahun", "kunci"]
        indexes = [models.Index(fields=["rakor", "tingkat", "tahun"])]
        constraints = [
            models.UniqueConstraint(
                fields=["rakor", "tingkat", "tahun", "bulan", "kunci"], name="angka_rakor_unique"
            )
        ]

    def __str__(self):
        return f"{self.rakor} {self.tingkat} {self.kunci}"
