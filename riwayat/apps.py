from django.apps import AppConfig


class RiwayatConfig(AppConfig):
    name = "riwayat"
    verbose_name = "Riwayat perubahan"
