from django.apps import AppConfig


class RakorConfig(AppConfig):
    name = "rakor"
    verbose_name = "Rakor POK"
