"""Authentication hardening: login throttling (django-axes), password rules, the password change
page and the Admin's reset, session expiry after inactivity, the security headers."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from akun.models import Role, User

from .builders import PASSWORD, make_user

ROOT = Path(__file__).resolve().parent.parent
LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
GANTI = reverse("ganti-sandi")
T0 = datetime.datetime(2026, 7, 6, 9, 0, tzinfo=datetime.UTC)
BARU = "Kopi-Tubruk-Pagi-77"


def masuk(client, username, password, *, url=LOGIN, ip="127.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def logged_in(client) -> bool:
    response = client.get(reverse("beranda"))
    return response.status_code == 200


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(T0, tick=False)
    return time_machine


# --- Login throttling -------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_from_that_address(client, pimpinan, frozen):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = masuk(client, "bupati", "salah-sandi")
        assert response.status_code == 200
        assert "Nama pengguna atau sandi salah" in response.text
    response = masuk(client, "bupati", "salah-sandi")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.text
    assert "Coba lagi setelah 15 menit" in response.text
    # Now even the right password is refused, before it is tried.
    response = masuk(client, "bupati", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_the_lockout_is_for_that_username_from_that_address_only(client, personas, frozen):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "bupati", "salah-sandi", ip="10.0.0.9")
    assert masuk(Client(), "bupati", PASSWORD, ip="10.0.0.10").status_code == 302
    assert masuk(Client(), "inspektur", PASSWORD, ip="10.0.0.9").status_code == 302
    assert masuk(Client(), "bupati", PASSWORD, ip="10.0.0.9").status_code == 429


def test_the_lockout_ends_after_the_cool_off(client, pimpinan, frozen):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "bupati", "salah-sandi")
    frozen.move_to(T0 + datetime.timedelta(minutes=14), tick=False)
    assert masuk(client, "bupati", PASSWORD).status_code == 429
    frozen.move_to(T0 + datetime.timedelta(minutes=30), tick=False)
    assert masuk(client, "bupati", PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_successful_login_forgets_the_failures(client, pimpinan, frozen):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        masuk(client, "bupati", "salah-sandi")
    assert masuk(client, "bupati", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert masuk(client, "bupati", "salah-sandi").status_code == 200
    assert masuk(client, "bupati", PASSWORD).status_code == 302


def test_the_data_induk_login_is_throttled_with_the_same_count(client, admin_user, frozen):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        masuk(client, "admin_bappeda", "salah-sandi", url=ADMIN_LOGIN)
    assert masuk(client, "admin_bappeda", "salah-sandi").status_code == 429
    assert masuk(client, "admin_bappeda", PASSWORD, url=ADMIN_LOGIN).status_code == 429


def test_the_test_clients_login_without_a_request_is_not_throttled(client, pimpinan):
    """authenticate() without a request (shell, test client) goes to the next backend."""
    assert client.login(username="bupati", password=PASSWORD)
    assert not Client().login(username="bupati", password="salah-sandi")


def test_behind_a_trusted_proxy_the_address_is_the_one_it_appended(
    client, pimpinan, frozen, settings
):
    settings.SIPOK_TRUST_X_FORWARDED_FOR = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "bupati", "password": "salah"},
            REMOTE_ADDR="10.1.1.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # The same proxy forwarding another client: not locked.
    ok = Client().post(
        LOGIN,
        {"username": "bupati", "password": PASSWORD},
        REMOTE_ADDR="10.1.1.1",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert ok.status_code == 302


def test_without_trusting_the_proxy_a_forged_header_changes_nothing(client, pimpinan, frozen):
    for i in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "bupati", "salah", ip="10.1.1.1")
        client.post(LOGIN, {"username": "bupati", "password": "salah"}, HTTP_X_FORWARDED_FOR=i)
    forged = Client().post(
        LOGIN,
        {"username": "bupati", "password": PASSWORD},
        REMOTE_ADDR="10.1.1.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert forged.status_code == 429


# --- Password rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("Pendek-1", "terlalu pendek"),
        ("123456789012345", "seluruhnya terdiri dari angka"),
        ("password12345", "terlalu umum"),
        ("bupati.sukamaju@kab", "terlalu mirip"),
    ],
)
def test_a_weak_new_password_is_refused_in_indonesian(client, pimpinan, sandi, pesan):
    pimpinan.email = "bupati.sukamaju@kab.go.id"
    pimpinan.save()
    client.force_login(pimpinan)
    before = User.objects.get(pk=pimpinan.pk).password
    response = client.post(
        GANTI, {"old_password": PASSWORD, "new_password1": sandi, "new_password2": sandi}
    )
    assert response.status_code == 200
    assert pesan in response.text.lower()
    assert User.objects.get(pk=pimpinan.pk).password == before


def test_the_minimum_length_is_twelve(db):
    from django.contrib.auth.password_validation import get_default_password_validators

    lengths = [v.min_length for v in get_default_password_validators() if hasattr(v, "min_length")]
    assert lengths == [12]


# --- Changing one's own password ----------------------------------------------------------------


@pytest.mark.parametrize("role", ["operator_dinkes", "admin", "pimpinan", "auditor"])
def test_every_user_changes_their_own_password(client, personas, role):
    user = personas[role]
    client.force_login(user)
    page = client.get(GANTI)
    assert page.status_code == 200
    assert "Sandi lama" in page.text
    response = client.post(
        GANTI, {"old_password": PASSWORD, "new_password1": BARU, "new_password2": BARU}
    )
    assert response.status_code == 302
    assert logged_in(client), "the page that changed it stays logged in"
    assert Client().login(username=user.username, password=BARU)
    assert not Client().login(username=user.username, password=PASSWORD)
    record = user.history.order_by("-history_id").first()
    assert record.history_user == user
    assert record.history_change_reason == "Sandi diganti oleh pengguna"
    assert not hasattr(record, "password"), "the hash never goes into the history"


def test_a_wrong_old_password_changes_nothing(client, pimpinan):
    client.force_login(pimpinan)
    before = User.objects.get(pk=pimpinan.pk).password
    response = client.post(
        GANTI, {"old_password": "bukan-ini", "new_password1": BARU, "new_password2": BARU}
    )
    assert response.status_code == 200
    assert "Sandi lama salah" in response.text
    assert User.objects.get(pk=pimpinan.pk).password == before


def test_changing_the_password_ends_the_other_sessions(client, pimpinan):
    other = Client()
    other.force_login(pimpinan)
    client.force_login(pimpinan)
    client.post(GANTI, {"old_password": PASSWORD, "new_password1": BARU, "new_password2": BARU})
    assert logged_in(client)
    assert not logged_in(other)


def test_anonymous_visitors_are_sent_to_login_from_the_password_page(client, db):
    for response in (client.get(GANTI), client.post(GANTI, {})):
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)


# --- The Admin's reset ------------------------------------------------------------------------


def reset_url(user):
    return reverse("atur-ulang-sandi", args=[user.pk])


def test_the_admin_gives_a_temporary_password_that_must_be_changed(client, admin_user, pimpinan):
    client.force_login(admin_user)
    assert "Buat sandi sementara" in client.get(reset_url(pimpinan)).text
    response = client.post(reset_url(pimpinan))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    sandi = re.search(r'data-testid="sandi-sementara">([^<]+)<', response.text).group(1)
    assert len(sandi) == 14
    assert not Client().login(username="bupati", password=PASSWORD)

    bupati = Client()
    assert masuk(bupati, "bupati", sandi).status_code == 302
    for url in (reverse("beranda"), reverse("laporan:rekap-pd"), reverse("rakor:daftar")):
        response = bupati.get(url)
        assert response.status_code == 302 and response["Location"] == GANTI, url
    assert "baru saja diatur oleh Admin" in bupati.get(GANTI).text
    bupati.post(GANTI, {"old_password": sandi, "new_password1": BARU, "new_password2": BARU})
    assert logged_in(bupati)
    assert not User.objects.get(pk=pimpinan.pk).wajib_ganti_sandi

    record = pimpinan.history.filter(history_change_reason="Sandi diatur ulang oleh Admin").get()
    assert record.history_user == admin_user
    assert record.wajib_ganti_sandi


def test_a_user_who_must_change_their_password_may_still_log_out(client, pimpinan):
    pimpinan.wajib_ganti_sandi = True
    pimpinan.save()
    client.force_login(pimpinan)
    assert client.post(reverse("logout")).status_code == 302
    assert not logged_in(client)


def test_the_reset_ends_the_users_sessions_and_lifts_their_lockout(
    client, admin_user, pimpinan, frozen
):
    session = Client()
    session.force_login(pimpinan)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(Client(), "bupati", "salah-sandi")
    assert AccessAttempt.objects.filter(username="bupati").exists()
    client.force_login(admin_user)
    client.post(reset_url(pimpinan))
    assert not logged_in(session)
    assert not AccessAttempt.objects.filter(username="bupati").exists()


@pytest.mark.parametrize("role", ["operator_dinkes", "pimpinan", "auditor"])
def test_only_the_admin_resets_passwords(client, personas, role):
    target = personas["operator_dpupr"]
    before = User.objects.get(pk=target.pk).password
    client.force_login(personas[role])
    assert client.get(reset_url(target)).status_code == 403
    assert client.post(reset_url(target)).status_code == 403
    assert User.objects.get(pk=target.pk).password == before


def test_anonymous_visitors_cannot_reach_the_reset(client, pimpinan):
    response = client.post(reset_url(pimpinan))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_reset_refuses_an_unknown_user_oneself_and_a_superuser(client, admin_user, db):
    client.force_login(admin_user)
    assert client.post(reverse("atur-ulang-sandi", args=[999999])).status_code == 404
    assert client.post(reset_url(admin_user)).status_code == 403
    root = make_user("root", Role.ADMIN, is_superuser=True, is_staff=True)
    before = root.password
    assert client.post(reset_url(root)).status_code == 403
    root.refresh_from_db()
    assert root.password == before


def test_a_password_an_admin_sets_in_data_induk_is_temporary(client, admin_user, pimpinan):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[pimpinan.pk]),
        {"usable_password": "true", "password1": BARU, "password2": BARU},
    )
    assert response.status_code == 302, response.text[:3000]
    pimpinan.refresh_from_db()
    assert pimpinan.check_password(BARU)
    assert pimpinan.wajib_ganti_sandi


def test_an_account_an_admin_creates_must_change_its_password(client, admin_user, dinkes):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:akun_user_add"),
        {
            "username": "operator_baru",
            "usable_password": "true",
            "password1": BARU,
            "password2": BARU,
            "role": Role.OPERATOR,
            "perangkat_daerah": dinkes.pk,
            "jabatan": "PPTK",
        },
    )
    assert response.status_code == 302, response.text[:3000]
    user = User.objects.get(username="operator_baru")
    assert user.wajib_ganti_sandi
    record = user.history.get()
    assert record.history_type == "+" and record.history_user == admin_user


def test_the_user_list_links_to_the_reset(client, admin_user, pimpinan):
    client.force_login(admin_user)
    response = client.get(reverse("admin:akun_user_changelist"))
    assert reset_url(pimpinan) in response.text


# --- Session expiry -------------------------------------------------------------------------


def test_a_login_ends_after_an_hour_without_a_request(client, pimpinan, frozen):
    client.force_login(pimpinan)
    frozen.move_to(T0 + datetime.timedelta(minutes=59), tick=False)
    assert logged_in(client)
    frozen.move_to(T0 + datetime.timedelta(minutes=59 + 61), tick=False)
    url = reverse("laporan:rekap-pd") + "?tahun=2026"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN) and "next=" in response["Location"]
    page = client.get(response["Location"])
    assert "tidak ada aktivitas selama 1 jam" in page.text
    assert not logged_in(client)


def test_requests_keep_a_login_alive_up_to_its_longest_lifetime(client, pimpinan, frozen):
    client.force_login(pimpinan)
    minutes = 0
    while minutes + 50 < settings.SESSION_COOKIE_AGE / 60:
        minutes += 50
        frozen.move_to(T0 + datetime.timedelta(minutes=minutes), tick=False)
        assert logged_in(client), f"after {minutes} minutes"
    frozen.move_to(T0 + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60), tick=False)
    response = client.get(reverse("beranda"))
    assert response.status_code == 302
    assert "sudah berlangsung lebih dari 8 jam" in client.get(response["Location"]).text


def test_the_idle_limit_comes_from_the_settings(client, pimpinan, frozen, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(pimpinan)
    frozen.move_to(T0 + datetime.timedelta(minutes=11), tick=False)
    assert not logged_in(client)


def test_a_page_view_writes_the_session_at_most_once_a_minute(client, pimpinan, frozen):
    client.force_login(pimpinan)

    def session_writes(at):
        frozen.move_to(at, tick=False)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("rakor:daftar")).status_code == 200
        return [
            q["sql"]
            for q in captured.captured_queries
            if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
        ]

    assert session_writes(T0 + datetime.timedelta(seconds=30)) == []
    assert session_writes(T0 + datetime.timedelta(seconds=90)) != []
    assert session_writes(T0 + datetime.timedelta(seconds=100)) == []


# --- Headers and settings ---------------------------------------------------------------------


def test_every_page_carries_a_strict_content_security_policy(client, pimpinan):
    client.force_login(pimpinan)
    for url in (LOGIN, reverse("beranda"), GANTI):
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(
            (part.split(" ", 1) + [""])[:2] for part in policy.replace("; ", ";").split(";")
        )
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in policy


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style", re.I), "<style> element"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_has_inline_script_style_or_event_handlers():
    """What the policy would block (the browser test, test_csp.py, opens the pages themselves)."""
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = path.read_text()
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not found, "\n".join(found)


PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "pok.settings",
    "SECRET_KEY": "k8Zq-production-like-secret-" + "9xY2!aB7#" * 6,
    "ALLOWED_HOSTS": "sipok.example.go.id",
}
SHOW = (
    "from django.conf import settings as s; import django; django.setup(); "
    "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
    "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_HTTPONLY, "
    "s.SESSION_IDLE_TIMEOUT, s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
)


def _settings_line(**env):
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_has_secure_cookies_hsts_and_the_throttle_defaults():
    result = _settings_line()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "31536000",
        "True",
        "True",
        "3600",
        "5",
        "0:15:00",
    ]


def test_the_security_settings_come_from_the_environment():
    result = _settings_line(
        SESSION_IDLE_TIMEOUT="900", AXES_FAILURE_LIMIT="3", AXES_COOLOFF_MINUTES="60"
    )
    assert result.stdout.split()[-3:] == ["900", "3", "1:00:00"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SESSION_IDLE_TIMEOUT": "0"}, "must be above 0"),
        ({"SESSION_IDLE_TIMEOUT": "sejam"}, "SESSION_IDLE_TIMEOUT='sejam' is not a whole number"),
        ({"TRUST_X_FORWARDED_FOR": "mungkin"}, "TRUST_X_FORWARDED_FOR='mungkin' is not a boolean"),
    ],
)
def test_a_bad_security_setting_stops_the_start(env, message):
    result = _settings_line(**env)
    assert result.returncode != 0
    assert message in result.stderr
