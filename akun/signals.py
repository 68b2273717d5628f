"""What happens when someone logs in: the time is recorded on the account (without a history
record) and in the session, where ``akun.middleware.SesiMiddleware`` measures inactivity from."""

from django.utils import timezone

from .sesi import mulai_sesi


def catat_login(sender, request, user, **kwargs):
    now = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=now)
    user.last_login = now
    if request is not None and hasattr(request, "session"):
        mulai_sesi(request.session, now)
