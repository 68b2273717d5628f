from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "realisasi"
    verbose_name = "Realisasi bulanan"
