from django.apps import AppConfig


class KegiatanConfig(AppConfig):
    name = "kegiatan"
    verbose_name = "Kegiatan dan anggaran"
