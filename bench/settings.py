"""Settings of the benchmark: the production settings (DEBUG off, the real password hasher), with
what a test client and a load test over plain HTTP on 127.0.0.1 need. The database comes from
DATABASE_URL, as in production; bench/run.py sets it for each engine."""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-key-" + "b" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from pok.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files are not measured: served from the finders, no collectstatic needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", "No directory at", UserWarning)  # no collectstatic here
MEDIA_ROOT = BASE_DIR / "bench" / ".data" / "media"  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
