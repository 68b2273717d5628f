from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "akun"
    verbose_name = "Akun dan peran"

    def ready(self):
        from django.contrib.auth.models import update_last_login
        from django.contrib.auth.signals import user_logged_in

        from . import signals

        # Django saves the user at every login to set last_login, which would put a record with no
        # visible change into the account history each time. Ours writes it with an UPDATE.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(signals.catat_login, dispatch_uid="sipok_catat_login")
