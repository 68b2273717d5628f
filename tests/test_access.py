"""The role rules of akun.access, and the pages of the foundation seen by every role."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from akun import access
from akun.models import Role

from .builders import make_dpa, make_user


def test_an_operator_sees_only_their_own_pd(personas, dinkes, dpupr):
    operator = personas["operator_dinkes"]
    assert list(access.perangkat_daerah_for(operator)) == [dinkes]
    assert access.can_view_pd(operator, dinkes)
    assert not access.can_view_pd(operator, dpupr)


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
def test_admin_pimpinan_and_auditor_see_every_pd(personas, dinkes, dpupr, role):
    user = personas[role]
    assert set(access.perangkat_daerah_for(user)) == {dinkes, dpupr}


def test_dpa_lines_are_scoped_to_the_operators_pd(personas, dinkes, dpupr, puskesmas, jalan, apbd):
    own = make_dpa(dinkes, puskesmas, apbd, 1_000_000, rko=False)
    other = make_dpa(dpupr, jalan, apbd, 1_000_000, rko=False)
    assert list(access.dpa_for(personas["operator_dinkes"])) == [own]
    assert set(access.dpa_for(personas["pimpinan"])) == {own, other}


def test_an_outsider_gets_404_for_another_pd_and_read_only_roles_get_403_to_write(
    personas, dinkes, dpupr
):
    with pytest.raises(Http404):
        access.get_perangkat_daerah_for_user(personas["operator_dinkes"], dpupr.pk)
    with pytest.raises(Http404):
        access.get_perangkat_daerah_for_user(personas["operator_dinkes"], "not-a-number")
    assert access.get_perangkat_daerah_for_user(personas["operator_dinkes"], dinkes.pk) == dinkes
    assert (
        access.get_perangkat_daerah_for_user(personas["operator_dinkes"], dinkes.pk, write=True)
        == dinkes
    )
    for role in ("pimpinan", "auditor", "admin"):
        assert access.get_perangkat_daerah_for_user(personas[role], dpupr.pk) == dpupr
        with pytest.raises(PermissionDenied):
            access.get_perangkat_daerah_for_user(personas[role], dpupr.pk, write=True)


def test_only_the_pds_operator_enters_realisasi(personas, dinkes, dpupr):
    assert access.can_enter_realisasi(personas["operator_dinkes"], dinkes)
    assert not access.can_enter_realisasi(personas["operator_dinkes"], dpupr)
    for role in ("admin", "pimpinan", "auditor"):
        assert not access.can_enter_realisasi(personas[role], dinkes)


@pytest.mark.parametrize(
    ("role", "history", "verify", "master"),
    [
        ("operator_dinkes", False, False, False),
        ("admin", True, True, True),
        ("pimpinan", False, False, False),
        ("auditor", True, False, False),
    ],
)
def test_what_each_role_may_do(personas, role, history, verify, master):
    user = personas[role]
    assert access.can_view_history(user) is history
    assert access.can_verify(user) is verify
    assert access.can_manage_master_data(user) is master


def test_an_inactive_or_anonymous_user_may_do_nothing(db, dinkes):
    from django.contrib.auth.models import AnonymousUser

    inactive = make_user("pensiun", Role.ADMIN, is_active=False)
    for user in (inactive, AnonymousUser()):
        assert access.role_of(user) is None
        assert not access.can_read_all_pd(user)
        assert not access.perangkat_daerah_for(user).exists()
        assert not access.dpa_for(user).exists()


def test_a_superuser_counts_as_admin(db):
    root = make_user("root", Role.PIMPINAN, is_superuser=True)
    assert access.is_admin(root)


# --- Pages --------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(reverse("beranda"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_login_page_is_in_indonesian(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Masuk ke SiPOK" in response.text
    assert 'lang="id"' in response.text


def test_a_wrong_password_is_refused_in_indonesian(client, personas):
    response = client.post(reverse("login"), {"username": "bupati", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau sandi salah" in response.text


@pytest.mark.parametrize("role", ["operator_dinkes", "admin", "pimpinan", "auditor"])
def test_every_role_logs_in_and_sees_a_home_page(client, personas, pemda, role):
    from .builders import PASSWORD

    assert client.login(username=personas[role].username, password=PASSWORD)
    response = client.get(reverse("beranda"))
    assert response.status_code == 200
    assert "progres fisik" in response.text


def test_the_menu_offers_master_data_to_the_admin_only(client, personas, pemda):
    for role, shown in [("admin", True), ("pimpinan", False), ("operator_dinkes", False)]:
        client.force_login(personas[role])
        assert ("Data induk" in client.get(reverse("beranda")).text) is shown


@pytest.mark.parametrize(
    ("role", "status"),
    [("admin", 200), ("pimpinan", 302), ("auditor", 302), ("operator_dinkes", 302)],
)
def test_only_the_admin_role_enters_the_master_data_admin(client, personas, role, status):
    client.force_login(personas[role])
    response = client.get(reverse("admin:index"))
    assert response.status_code == status
    if status == 200:
        assert client.get(reverse("admin:kegiatan_dpa_changelist")).status_code == 200
        assert client.get(reverse("admin:perangkat_daerah_perangkatdaerah_add")).status_code == 200


def test_logout_is_a_post(client, personas):
    client.force_login(personas["pimpinan"])
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("beranda")).status_code == 302


def test_a_user_without_a_role_sees_nothing(client, db, dinkes):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("baru", password="Rahasia-Uji-2026")
    assert user.role == ""
    assert access.role_of(user) == ""
    assert not access.can_read_all_pd(user)
    assert not access.perangkat_daerah_for(user).exists()
    assert not access.dpa_for(user).exists()
