"""Writes to an account: the password changed by its owner, or reset by an Admin. Each one in a
transaction, with its reason on the account's history record."""

import secrets
import string

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import access
from .models import User

# No look-alikes (0/O, 1/l/I): the temporary password is read out over the phone.
_ALFABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
PANJANG_SANDI_SEMENTARA = 14


def _sandi_sementara(user: User) -> str:
    while True:
        sandi = "".join(secrets.choice(_ALFABET) for _ in range(PANJANG_SANDI_SEMENTARA))
        if any(c.isdigit() for c in sandi) and any(c.isalpha() for c in sandi):
            try:
                validate_password(sandi, user)
            except ValidationError:  # pragma: no cover - random 14 characters pass
                continue
            return sandi


def ensure_may_reset(*, by, user: User) -> None:
    """An Admin resets another user's password; a superuser's only a superuser may reset."""
    access.require_admin(by)
    if user.pk == by.pk:
        raise PermissionDenied("Ganti sandi Anda sendiri melalui halaman Ganti sandi.")
    if user.is_superuser and not by.is_superuser:
        raise PermissionDenied("Sandi superuser hanya dapat diatur ulang oleh superuser.")


@transaction.atomic
def sandi_atur_ulang(*, user: User, by) -> str:
    """Give ``user`` a random temporary password that they must change at their next login; lift
    any login lockout of their username. Returns the temporary password, to be shown once."""
    ensure_may_reset(by=by, user=user)
    user = User.objects.select_for_update().get(pk=user.pk)
    sandi = _sandi_sementara(user)
    user.set_password(sandi)
    user.wajib_ganti_sandi = True
    user._history_user = by
    user._change_reason = "Sandi diatur ulang oleh Admin"
    user.save()
    axes_reset(username=user.get_username())
    return sandi


@transaction.atomic
def sandi_ganti(*, form) -> User:
    """Save a valid ``PasswordChangeForm`` (or ``SetPasswordForm``): the new password, and the
    account no longer has to change it."""
    user = form.user
    user.wajib_ganti_sandi = False
    user._history_user = user
    user._change_reason = "Sandi diganti oleh pengguna"
    return form.save()
