"""The accounts in data induk (/data-induk/akun/user/): an Admin who is not a superuser manages the
accounts of every role, but never a superuser's, and never the flags that give rights beyond a
role (superuser, staff, groups, per-user permissions) — through the change form, the add form, the
bulk delete, a reverted history version or the password form. A superuser still does all of it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from akun.models import Role, User

from .builders import make_user

BARU = "Kopi-Tubruk-Pagi-77"


@pytest.fixture
def root(db):
    return make_user("root", Role.ADMIN, is_superuser=True, is_staff=True)


@pytest.fixture
def root_lain(db):
    return make_user("root_lain", Role.ADMIN, is_superuser=True, is_staff=True)


@pytest.fixture
def semua_hak(db):
    """A group holding every permission there is."""
    group = Group.objects.create(name="semua hak")
    group.permissions.set(Permission.objects.all())
    return group


def escalation(group) -> dict:
    """What a crafted POST adds to an account's form to take every right."""
    return {
        "is_superuser": "on",
        "is_staff": "on",
        "groups": [group.pk],
        "user_permissions": [Permission.objects.get(codename="change_group").pk],
    }


def change_data(user: User, **extra) -> dict:
    """The account's change form as the page shows it, with ``extra`` typed over it."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined_0": "2026-01-02",
        "date_joined_1": "08:00:00",
        "last_login_0": "",
        "last_login_1": "",
        "role": user.role,
        "perangkat_daerah": user.perangkat_daerah_id or "",
        "jabatan": user.jabatan,
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.wajib_ganti_sandi:
        data["wajib_ganti_sandi"] = "on"
    data.update(extra)
    return data


def rights(user: User) -> tuple:
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        list(user.groups.all()),
        list(user.user_permissions.all()),
    )


def change_url(user):
    return reverse("admin:akun_user_change", args=[user.pk])


def password_url(user):
    return reverse("admin:auth_user_password_change", args=[user.pk])


def revert_url(user, record):
    return reverse("admin:akun_user_simple_history", args=[user.pk, record.history_id])


def version(user, **fields) -> None:
    """Save ``fields`` on the account, as a superuser would: one more history version."""
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()


# --- The change form ----------------------------------------------------------------------------


def test_an_admin_cannot_make_itself_superuser(client, admin_user, semua_hak):
    client.force_login(admin_user)
    response = client.post(
        change_url(admin_user), change_data(admin_user, jabatan="Kabid", **escalation(semua_hak))
    )
    assert response.status_code == 302, response.text[:3000]
    assert rights(admin_user) == (False, True, [], [])
    assert admin_user.jabatan == "Kabid"  # the rest of the form is saved


def test_an_admin_cannot_give_another_account_rights_beyond_its_role(
    client, admin_user, pimpinan, semua_hak
):
    client.force_login(admin_user)
    response = client.post(change_url(pimpinan), change_data(pimpinan, **escalation(semua_hak)))
    assert response.status_code == 302, response.text[:3000]
    assert rights(pimpinan) == (False, False, [], [])


def test_the_change_form_offers_the_account_flags_to_a_superuser_only(
    client, admin_user, root, operator_dpupr
):
    flags = ['name="is_superuser"', 'name="is_staff"', 'name="groups"', 'name="user_permissions"']
    client.force_login(admin_user)
    page = client.get(change_url(operator_dpupr))
    assert page.status_code == 200
    assert not [flag for flag in flags if flag in page.text]
    client.force_login(root)
    page = client.get(change_url(operator_dpupr))
    assert all(flag in page.text for flag in flags)


def test_the_staff_flag_follows_the_role_when_an_admin_saves(client, admin_user, pimpinan):
    client.force_login(admin_user)
    client.post(change_url(pimpinan), change_data(pimpinan, role=Role.ADMIN))
    assert rights(pimpinan)[:2] == (False, True)  # now an Admin: the data-induk login accepts it
    client.post(change_url(pimpinan), change_data(pimpinan, role=Role.AUDITOR, is_staff="on"))
    assert rights(pimpinan)[:2] == (False, False)


def test_an_admin_still_manages_an_operators_account(client, admin_user, operator_dpupr):
    client.force_login(admin_user)
    assert client.get(change_url(operator_dpupr)).status_code == 200
    assert client.get(password_url(operator_dpupr)).status_code == 200
    response = client.post(change_url(operator_dpupr), change_data(operator_dpupr, jabatan="PPTK"))
    assert response.status_code == 302, response.text[:3000]
    operator_dpupr.refresh_from_db()
    assert operator_dpupr.jabatan == "PPTK"


# --- A superuser's account --------------------------------------------------------------------


def _superuser_pages(root):
    record = root.history.order_by("history_id").first()
    return {
        "change": (change_url(root), change_data(root, username="diambil", is_active="")),
        "delete": (reverse("admin:akun_user_delete", args=[root.pk]), {"post": "yes"}),
        "password": (
            password_url(root),
            {"usable_password": "true", "password1": BARU, "password2": BARU},
        ),
        "history": (reverse("admin:akun_user_history", args=[root.pk]), {}),
        "revert": (revert_url(root, record), change_data(root, username="diambil")),
    }


@pytest.mark.parametrize("page", ["change", "delete", "password", "history", "revert"])
def test_a_superusers_pages_are_not_found_for_an_admin(client, admin_user, root, page):
    """As for an account that does not exist: the Admin is not told a superuser is there."""
    url, data = _superuser_pages(root)[page]
    before = User.objects.filter(pk=root.pk).values().get()
    client.force_login(admin_user)
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    assert User.objects.filter(pk=root.pk).values().get() == before


def test_the_user_list_does_not_show_superusers_to_an_admin(client, admin_user, root, pimpinan):
    client.force_login(admin_user)
    page = client.get(reverse("admin:akun_user_changelist"))
    assert page.status_code == 200
    assert pimpinan.username in page.text
    assert change_url(root) not in page.text and ">root<" not in page.text


def test_the_bulk_delete_spares_superusers(client, admin_user, root, dinkes):
    pensiun = make_user("pensiun", Role.PIMPINAN)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:akun_user_changelist"),
        {"action": "delete_selected", "_selected_action": [root.pk, pensiun.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert User.objects.filter(pk=root.pk).exists()
    assert not User.objects.filter(pk=pensiun.pk).exists()


def test_the_data_induk_password_form_follows_the_reset_rule(client, admin_user, root):
    """Not a superuser's password (404 above), and not one's own: that is *Ganti sandi*."""
    client.force_login(admin_user)
    before = User.objects.get(pk=admin_user.pk).password
    data = {"usable_password": "true", "password1": BARU, "password2": BARU}
    assert client.get(password_url(admin_user)).status_code == 403
    assert client.post(password_url(admin_user), data).status_code == 403
    assert User.objects.get(pk=admin_user.pk).password == before


# --- The add form, the history --------------------------------------------------------------


def test_an_account_an_admin_adds_has_only_its_role(client, admin_user, semua_hak):
    client.force_login(admin_user)
    for username, role in (("kabid_baru", Role.ADMIN), ("auditor_baru", Role.AUDITOR)):
        response = client.post(
            reverse("admin:akun_user_add"),
            {
                "username": username,
                "usable_password": "true",
                "password1": BARU,
                "password2": BARU,
                "role": role,
                **escalation(semua_hak),
            },
        )
        assert response.status_code == 302, response.text[:3000]
    assert rights(User.objects.get(username="kabid_baru")) == (False, True, [], [])
    assert rights(User.objects.get(username="auditor_baru")) == (False, False, [], [])


def test_an_admin_cannot_revert_an_account_to_a_superuser_version(client, admin_user, pimpinan):
    version(pimpinan, is_superuser=True, is_staff=True)
    superuser_version = pimpinan.history.order_by("history_id").last()
    version(pimpinan, is_superuser=False, is_staff=False)
    client.force_login(admin_user)
    url = revert_url(pimpinan, superuser_version)
    assert client.get(url).status_code == 403
    assert client.post(url, change_data(pimpinan)).status_code == 403
    assert rights(pimpinan) == (False, False, [], [])


def test_reverting_an_account_does_not_bring_back_its_staff_flag(client, admin_user, pimpinan):
    version(pimpinan, is_staff=True, jabatan="Sekda")
    staff_version = pimpinan.history.order_by("history_id").last()
    version(pimpinan, is_staff=False, jabatan="Bupati")
    client.force_login(admin_user)
    url = revert_url(pimpinan, staff_version)
    assert client.get(url).status_code == 200
    # The version's form, as a revert page showed it before: its staff box ticked.
    response = client.post(url, change_data(pimpinan, jabatan="Sekda", is_staff="on"))
    assert response.status_code == 302, response.text[:3000]
    assert rights(pimpinan) == (False, False, [], [])
    assert pimpinan.jabatan == "Sekda"


# --- The permissions a role grants --------------------------------------------------------------


def test_the_backend_grants_an_admin_nothing_on_a_superuser_and_nothing_of_auth(
    admin_user, root, operator_dpupr
):
    assert admin_user.has_perm("akun.change_user")
    assert admin_user.has_perm("akun.change_user", operator_dpupr)
    for perm in ("akun.view_user", "akun.change_user", "akun.delete_user"):
        assert not admin_user.has_perm(perm, root)
    for perm in ("auth.change_group", "auth.add_group", "auth.change_permission"):
        assert not admin_user.has_perm(perm)
    assert not admin_user.has_module_perms("auth")


def test_a_permission_list_cannot_open_a_superusers_account(admin_user, root):
    admin_user.user_permissions.set(Permission.objects.filter(content_type__app_label="akun"))
    admin_user = User.objects.get(pk=admin_user.pk)  # no cached permissions
    assert not admin_user.has_perm("akun.change_user", root)


# --- A superuser still does all of it -----------------------------------------------------------


def test_a_superuser_manages_every_account_and_its_flags(
    client, root, root_lain, pimpinan, semua_hak
):
    client.force_login(root)
    page = client.get(reverse("admin:akun_user_changelist"))
    assert change_url(root_lain) in page.text
    for url, _ in list(_superuser_pages(root_lain).values())[:-1]:
        assert client.get(url).status_code == 200, url
    response = client.post(change_url(pimpinan), change_data(pimpinan, **escalation(semua_hak)))
    assert response.status_code == 302, response.text[:3000]
    assert rights(pimpinan)[:3] == (True, True, [semua_hak])
    response = client.post(
        password_url(root_lain), {"usable_password": "true", "password1": BARU, "password2": BARU}
    )
    assert response.status_code == 302, response.text[:3000]
    root_lain.refresh_from_db()
    assert root_lain.check_password(BARU)


def test_a_superuser_reverts_to_a_superuser_version_and_bulk_deletes_a_superuser(
    client, root, root_lain, auditor
):
    version(auditor, is_superuser=True, is_staff=True)
    superuser_version = auditor.history.order_by("history_id").last()
    version(auditor, is_superuser=False, is_staff=False)
    client.force_login(root)
    response = client.post(
        revert_url(auditor, superuser_version),
        change_data(auditor, is_superuser="on", is_staff="on"),
    )
    assert response.status_code == 302, response.text[:3000]
    assert rights(auditor)[:2] == (True, True)
    response = client.post(
        reverse("admin:akun_user_changelist"),
        {"action": "delete_selected", "_selected_action": [root_lain.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=root_lain.pk).exists()
