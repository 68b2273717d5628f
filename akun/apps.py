from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "akun"
    verbose_name = "Akun dan peran"
