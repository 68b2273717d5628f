from django.apps import AppConfig


class CadanganConfig(AppConfig):
    name = "cadangan"
    verbose_name = "Cadangan dan pemulihan"
