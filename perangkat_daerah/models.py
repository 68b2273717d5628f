from django.core.validators import RegexValidator
from django.db import models


class Pemda(models.Model):
    """The one pemda this installation serves (its name goes on every report and printout)."""

    nama = models.CharField(
        "nama pemda", max_length=150, help_text="mis. Pemerintah Kabupaten Magelang"
    )
    sebutan_kepala_daerah = models.CharField(
        "sebutan kepala daerah", max_length=30, default="Bupati", help_text="Bupati atau Walikota"
    )
    ibu_kota = models.CharField("ibu kota", max_length=100, blank=True)

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
