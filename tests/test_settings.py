"""Settings come from the environment and refuse bad values; production settings pass Django's
deployment checks; the models have all their migrations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "pok.settings",
    "SECRET_KEY": "k8Zq-production-like-secret-" + "9xY2!aB7#" * 6,
    "ALLOWED_HOSTS": "sipok.example.go.id",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_suite_runs_on_the_engine_it_was_asked_for():
    """CI's PostgreSQL leg sets SIPOK_EXPECT_DB=postgresql: it must never fall back to SQLite."""
    expected = os.environ.get("SIPOK_EXPECT_DB")
    if expected is None:
        expected = (
            "postgresql"
            if os.environ.get("DATABASE_URL", "").startswith("postgres")
            else ("sqlite")
        )
    assert connection.vendor == expected


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_model_change_has_its_migration():
    result = manage("makemigrations", "--check", "--dry-run", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    result = subprocess.run(
        [sys.executable, "-c", "from pok import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env=PRODUCTION_ENV,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"SESSION_COOKIE_AGE": "lama"}, "SESSION_COOKIE_AGE='lama' is not a whole number"),
    ],
)
def test_bad_environment_values_stop_the_start(env, message):
    result = manage("check", env={**PRODUCTION_ENV, **env})
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_without_debug_or_secret_key_says_in_one_line_what_to_set():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = manage("migrate", env=env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "SiPOK: SECRET_KEY is not set: export SECRET_KEY='<a long random string>' for a server, "
        "or DEBUG=true on a developer's machine (a throwaway key)."
    ]
