"""Settings for the test suite: production settings, with what a test client over plain HTTP needs.

The suite runs with DEBUG off, like production; only TLS-only cookies and the HTTPS redirect are off
(the test client and the live server speak plain HTTP), and passwords hash fast.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-" + "t" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from .settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
