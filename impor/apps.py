from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "impor"
    verbose_name = "Impor DPA, RKO dan SP2D"
