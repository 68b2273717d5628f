from django.core.validators import RegexValidator
from django.db import models


class UkuranKertas(models.TextChoices):
    """The paper a pemda prints on: A4, or F4 (folio, 215 × 330 mm)."""

    A4 = "A4", "A4 (210 × 297 mm)"
    F4 = "F4", "F4 / folio (215 × 330 mm)"


class Pemda(models.Model):
    """The one pemda this installation serves (its name goes on every report and printout)."""

    nama = models.CharField(
        "nama pemda", max_length=150, help_text="mis. Pemerintah Kabupaten Magelang"
    )
    sebutan_kepala_daerah = models.CharField(
        "sebutan kepala daerah", max_length=30, default="Bupati", help_text="Bupati atau Walikota"
    )
    ibu_kota = models.CharField(
        "ibu kota",
        max_length=100,
        blank=True,
        help_text="tempat penandatanganan laporan, mis. Kota Mungkid",
    )
    ukuran_kertas = models.CharField(
        "ukuran kertas cetak",
        max_length=2,
        choices=UkuranKertas.choices,
        default=UkuranKertas.A4,
        help_text="kertas laporan dan berkas Excel yang dicetak (landscape)",
    )

    class Meta:
        verbose_name = "pemda"
        verbose_name_plural = "pemda"

    def __str__(self):
        return self.nama

    @classmethod
    def current(cls) -> "Pemda":
        """The pemda record, or an unsaved one with the configured default name."""
        from django.conf import settings

        return cls.objects.order_by("pk").first() or cls(nama=settings.SIPOK_NAMA_PEMDA_DEFAULT)


class PerangkatDaerahQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(aktif=True)


class PerangkatDaerah(models.Model):
    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", "Sekretariat"
        DINAS = "dinas", "Dinas"
        BADAN = "badan", "Badan"
        INSPEKTORAT = "inspektorat", "Inspektorat"
        SATPOL_PP = "satpol_pp", "Satuan Polisi Pamong Praja"
        RSUD = "rsud", "Rumah Sakit Umum Daerah"
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"
        LAINNYA = "lainnya", "Lainnya"

    kode = models.CharField(
        "kode",
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[0-9]+(\.[0-9]+)*$",
                "Kode PD hanya berisi angka yang dipisah titik, mis. 1.02.0.00.0.00.01.0000.",
            )
        ],
    )
    nama = models.CharField("nama", max_length=200, unique=True)
    singkatan = models.CharField("singkatan", max_length=30, unique=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices, default=Jenis.DINAS)
    aktif = models.BooleanField("aktif", default=True)

    objects = PerangkatDaerahQuerySet.as_manager()

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["kode"]

    def __str__(self):
        return self.singkatan or self.nama


class Penandatangan(models.Model):
    """Who signs a report: the pemda's signer (``perangkat_daerah`` empty: Kepala Bappeda, on the
    pemda's reports and the Rakor's) or a PD's head (on that PD's own files). Kept apart from
    ``PerangkatDaerah`` so that a change of signer changes no figure."""

    perangkat_daerah = models.OneToOneField(
        PerangkatDaerah,
        verbose_name="perangkat daerah",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="penandatangan",
        help_text="kosongkan untuk penandatangan laporan pemda (Kepala Bappeda)",
    )
    jabatan = models.CharField(
        "jabatan", max_length=200, help_text="mis. Kepala Bappeda Kabupaten Magelang"
    )
    nama = models.CharField("nama", max_length=150, help_text="nama lengkap dengan gelar")
    pangkat = models.CharField(
        "pangkat / golongan", max_length=100, blank=True, help_text="mis. Pembina Utama Muda (IV/c)"
    )
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{18}$", "NIP terdiri dari 18 angka.")],
    )

    class Meta:
        verbose_name = "penandatangan"
        verbose_name_plural = "penandatangan"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah"],
                condition=models.Q(perangkat_daerah__isnull=True),
                name="penandatangan_satu_untuk_pemda",
                violation_error_message="Penandatangan laporan pemda sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.jabatan}: {self.nama}"

    @classmethod
    def untuk(cls, perangkat_daerah=None) -> "Penandatangan | None":
        """The signer of a report: the PD's head on a PD's own file, else the pemda's signer."""
        if perangkat_daerah is not None:
            found = cls.objects.filter(perangkat_daerah=perangkat_daerah).first()
            if found is not None:
                return found
        return cls.objects.filter(perangkat_daerah__isnull=True).first()
