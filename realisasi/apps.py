from django.apps import AppConfig


class RealisasiConfig(AppConfig):
    name = "realisasi"
    verbose_name = "Realisasi bulanan"

    def ready(self):
        from django.db.models.signals import post_delete

        from .bukti import berkas_delete_after_commit
        from .models import BuktiDukung

        # An evidence record's stored file goes after the deleting transaction commits, on every
        # path that deletes it (why a signal: realisasi.bukti.berkas_delete_after_commit).
        post_delete.connect(
            berkas_delete_after_commit, sender=BuktiDukung, dispatch_uid="sipok_bukti_berkas"
        )
