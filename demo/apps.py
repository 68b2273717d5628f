from django.apps import AppConfig


class DemoConfig(AppConfig):
    verbose_name = "Data demo"
    name = "demo"
