from django.apps import AppConfig


class PengadaanConfig(AppConfig):
    name = "pengadaan"
    verbose_name = "Pengadaan barang/jasa"
