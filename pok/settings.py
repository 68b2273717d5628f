"""SiPOK settings, read from the environment.

Everything that differs between a laptop and a production server comes from an environment variable;
a bad value stops the start with a clear message instead of being guessed at.
"""

import datetime
import importlib.util
import os
from pathlib import Path

import dj_database_url

from .env import SettingsError, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise SettingsError(
            "SECRET_KEY is not set: export SECRET_KEY='<a long random string>' for a server, "
            "or DEBUG=true on a developer's machine (a throwaway key)."
        )
    SECRET_KEY = "django-insecure-development-only-" + "x" * 32

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pok.apps.SiPOKAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",  # login throttling (security section below)
    "csp",  # Content-Security-Policy header (security section below)
    "akun",
    "perangkat_daerah",
    "kegiatan",
    "realisasi",
    "pengadaan",
    "laporan",
    "riwayat",
    "cadangan",
    "rakor",
    "impor",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "akun.middleware.NoStoreMiddleware",  # Cache-Control: private, no-store for logged-in users
    "django.contrib.messages.middleware.MessageMiddleware",
    "akun.middleware.SesiMiddleware",  # inactivity expiry, forced password change
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "pok.urls"
WSGI_APPLICATION = "pok.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "akun.context_processors.navigation",
            ],
        },
    },
]

# SQLite by default, PostgreSQL (or anything dj-database-url knows) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The report figures' cache (laporan.cache): small entries, valid while the data they come from is
# unchanged. In a table of the database itself (made by migration laporan/0003): shared by every
# worker process, so a figure is computed once after a change, not once per process, and no cache
# server is needed.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sipok_cache",
        "TIMEOUT": env_int("CACHE_TIMEOUT", 6 * 60 * 60),
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5_000)},
    }
}

AUTH_USER_MODEL = "akun.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Indonesian formats (1.234.567,89; 27 Juli 2021). Money and percentages are formatted explicitly by
# the laporan "angka" filters; a bare integer such as a year stays 2026, not 2.026.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["pok.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap 5 ships in the PyPI package bootstrap-wrapper, as a top-level "bootstrap" folder.
    ("bootstrap", importlib.util.find_spec("bootstrap").submodule_search_locations[0]),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# SESSION_COOKIE_AGE: the longest a login lasts; SESSION_IDLE_TIMEOUT (security section below) ends
# it earlier after inactivity.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# The entry page posts five fields per DPA line; a PD with 260 lines sends 1.300. Django's default
# of 1.000 would refuse its save with a bare 400.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 20_000)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Behind TLS in production: secure cookies, HSTS, HTTPS redirect. SECURE_SSL_REDIRECT can be
# switched off where a proxy in front already redirects.
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("SECURE_PROXY_SSL_HEADER", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The pemda's name in titles and printouts until an admin sets it in the Pemda record.
SIPOK_NAMA_PEMDA_DEFAULT = os.environ.get("SIPOK_NAMA_PEMDA", "Pemerintah Daerah")

# Days the file of a refused or stale import is kept in MEDIA_ROOT/impor/ before
# `manage.py impor_bersihkan` removes it (the import's record and its errors stay).
SIPOK_IMPOR_SIMPAN_HARI = env_int("SIPOK_IMPOR_SIMPAN_HARI", 30)
if SIPOK_IMPOR_SIMPAN_HARI < 1:
    raise SettingsError("SIPOK_IMPOR_SIMPAN_HARI must be 1 or more (days).")

# --- Security (issue 8): login throttling, inactivity, Content Security Policy -----------------
# README.md, "Security", says what each of these enforces and which environment variable sets it.

# django-axes checks every login request first (a locked-out username + address is refused before
# the password is even tried); RoleBackend then authenticates and gives the Admin role its rights.
AUTHENTICATION_BACKENDS = ["akun.backends.LoginThrottleBackend", "akun.backends.RoleBackend"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # lockouts are still logged as warnings
AXES_LOCKOUT_CALLABLE = "akun.views.terkunci"  # an Indonesian page, HTTP 429
# Behind a reverse proxy every request comes from the proxy's address: with this on, the client's
# address is the last one the proxy appended to X-Forwarded-For.
SIPOK_TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
AXES_CLIENT_IP_CALLABLE = "akun.backends.client_ip"

# A login ends after this many seconds without a request (akun.middleware.SesiMiddleware), and in
# any case SESSION_COOKIE_AGE seconds after it began.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 60 * 60)
if SESSION_IDLE_TIMEOUT <= 0 or SESSION_COOKIE_AGE <= 0:
    raise SettingsError("SESSION_IDLE_TIMEOUT and SESSION_COOKIE_AGE must be above 0.")

# Only our own files: no inline script, style or event handler runs (tests/test_csp.py opens the
# pages in Chromium and fails on any violation). Bootstrap's icons are data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
