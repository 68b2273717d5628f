from django.apps import AppConfig


class LaporanConfig(AppConfig):
    verbose_name = "Laporan"
    name = "laporan"
