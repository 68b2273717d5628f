from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import access
from .models import User


class RoleBackend(ModelBackend):
    """Grants a role its Django-admin permissions, as ``akun.access`` decides them
    (``has_data_induk_perm``), so that a role is the only thing to set on a user (no per-user
    permission lists to keep in step).

    A permission asked on an account the user may not manage (a superuser's, for an Admin who is
    not one) is refused outright: no other backend, and no permission list, can grant it.
    """

    def has_perm(self, user_obj, perm, obj=None):
        if access.has_data_induk_perm(user_obj, perm, obj):
            return True
        if isinstance(obj, User) and not access.may_manage_user(user_obj, obj):
            raise PermissionDenied
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if access.has_data_induk_module(user_obj, app_label):
            return True
        return super().has_module_perms(user_obj, app_label)


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in AUTHENTICATION_BACKENDS: a username + address with too
    many failed logins is refused before its password is tried.

    Every login over HTTP (our login page, the data-induk admin's login) passes the request and is
    checked. ``authenticate()`` without a request — ``manage.py shell``, the test client's
    ``login()`` — has no client to throttle and goes straight to the next backend, where django-axes
    itself would raise an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip(request) -> str | None:
    """The client's address for django-axes: REMOTE_ADDR, or behind a trusted reverse proxy
    (TRUST_X_FORWARDED_FOR=true) the last address in X-Forwarded-For, the one the proxy added."""
    if settings.SIPOK_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")
