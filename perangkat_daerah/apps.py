from django.apps import AppConfig


class PerangkatDaerahConfig(AppConfig):
    name = "perangkat_daerah"
    verbose_name = "Perangkat Daerah"
