"""Every URL of the project, for every role and an anonymous visitor, GET and POST.

The URLs are read from the URL configuration: a new view that is not in EXPECTED fails the walk,
so nothing escapes it. The objects in the URLs belong to DPUPR; operator_dinkes is the outsider,
operator_dpupr the owner. After the walk, no unauthorised POST has changed anything.

The Django admin (data induk) is walked the same way, its URLs generated from the admin's own URL
configuration (every registered model's list, add, change, delete and history pages, and the
site's pages): only the Admin role gets in.
"""

import datetime

import pytest
from django.contrib import admin as django_admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, reverse

from akun.models import Role, User
from impor import services as impor_services
from kegiatan.models import DPA, RKO
from pengadaan.models import PaketPengadaan
from rakor import services as rakor_services
from rakor.models import Arahan, PesertaRakor, Rakor, Rekomendasi
from realisasi.models import BuktiDukung, KunciBulan, Realisasi

from .builders import JT, make_dpa, make_user, report

ROLES = ["anonymous", "outsider", "owner", "admin", "pimpinan", "auditor"]
PUBLIC = {"login", "logout"}
LOGIN_URLS = ("/akun/masuk/", "/data-induk/login/")

# For each URL: which roles may GET it (200, or a redirect that is part of the page's job), and
# which roles may POST to it. Everyone else must be refused (302 to login for anonymous, 403 or
# 404 for the rest, 405 where the method is not offered).
ALL = {"outsider", "owner", "admin", "pimpinan", "auditor"}
READERS = {"owner", "admin", "pimpinan", "auditor"}  # may read DPUPR's data
ADMIN = {"admin"}
OWNER = {"owner"}

EXPECTED = {
    "beranda": (ALL, set()),
    "laporan:rekap-pemda": (ALL, set()),
    "laporan:rekap-pd": (ALL, set()),
    "laporan:rekap-sumber-dana": (ALL, set()),
    "laporan:detail-pd": (ALL, set()),
    "laporan:kurva-s": (ALL, set()),
    "laporan:kendala": (ALL, set()),
    "laporan:kepatuhan": (ALL, set()),
    "laporan:pengadaan": (ALL, set()),
    "realisasi:entri-pilih": (ALL, set()),
    "realisasi:entri": (READERS, OWNER),
    "realisasi:entri-salin": (set(), OWNER),
    "realisasi:bukti": (READERS, OWNER),
    "realisasi:bukti-unduh": (READERS, set()),
    "realisasi:bukti-hapus": (set(), OWNER),
    "realisasi:verifikasi": (ADMIN, ADMIN),
    "realisasi:verifikasi-pd": (ADMIN, ADMIN),
    "realisasi:kunci": (ADMIN, set()),
    "realisasi:kunci-bulan": (set(), ADMIN),
    "realisasi:kunci-buka": (set(), ADMIN),
    "realisasi:aturan": (ADMIN, ADMIN),
    "pengadaan:daftar": (ALL, set()),
    "pengadaan:baru": ({"owner", "outsider"}, {"owner", "outsider"}),  # for their own PD
    "pengadaan:ubah": (OWNER, OWNER),
    "pengadaan:hapus": (OWNER, OWNER),
    "riwayat:daftar": ({"admin", "auditor"}, set()),
    "rakor:daftar": (ALL, set()),
    "rakor:baru": (ADMIN, ADMIN),
    "rakor:detail": (ALL, set()),
    "rakor:ubah": (ADMIN, ADMIN),
    "rakor:peserta-tambah": (set(), ADMIN),
    "rakor:peserta-hapus": (set(), ADMIN),
    "rakor:arahan-tambah": (set(), ADMIN),
    "rakor:arahan-hapus": (set(), ADMIN),
    "rakor:rekomendasi-tambah": (set(), ADMIN),
    "rakor:rekomendasi-hapus": (set(), ADMIN),
    "rakor:finalkan": (set(), ADMIN),
    "rakor:buka": (set(), ADMIN),
    "rakor:tindak-lanjut": ({"owner", "admin"}, {"owner", "admin"}),
    "impor:daftar": (ADMIN, set()),
    "impor:templat-dpa": (ADMIN, set()),
    "impor:templat-sp2d": (ADMIN, set()),
    "impor:unggah-dpa": (ADMIN, ADMIN),
    "impor:unggah-sp2d": (ADMIN, ADMIN),
    "impor:detail": (ADMIN, set()),
    "impor:galat": (ADMIN, set()),
    "impor:terapkan": (set(), ADMIN),
    "riwayat:unduh": ({"admin", "auditor"}, set()),
    "ganti-sandi": (ALL, ALL),  # everyone changes their own password
    "atur-ulang-sandi": (ADMIN, ADMIN),
}


def url_names():
    names = []

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue  # the Django admin: gated by role in test_access
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_is_in_the_walk():
    missing = set(url_names()) - set(EXPECTED) - PUBLIC
    assert not missing, f"add these URLs to EXPECTED in the permission walk: {sorted(missing)}"
    assert not set(EXPECTED) - set(url_names()), "EXPECTED names URLs that no longer exist"


@pytest.fixture
def world(personas, dinkes, dpupr, jalan, puskesmas, apbd, admin_user, pemda, time_machine):
    """DPUPR's objects, one of each kind a URL can point at."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)
    own = make_dpa(dinkes, puskesmas, apbd, 100 * JT)
    dpa = make_dpa(dpupr, jalan, apbd, 3000 * JT)
    report(own, 5, 40, 10 * JT, status=Realisasi.Status.DIAJUKAN)
    report(dpa, 5, 40, 10 * JT, status=Realisasi.Status.DIAJUKAN)
    realisasi = report(dpa, 6, 45, 900 * JT, status=Realisasi.Status.DRAFT)
    bukti = BuktiDukung(realisasi=realisasi, nama_asli="foto.png", jenis="image/png", ukuran=68)
    bukti.berkas.save("foto.png", ContentFile(PNG), save=False)
    bukti.save()
    paket = PaketPengadaan.objects.create(dpa=dpa, nama="Rehab jalan", metode="tender")
    rakor = rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    peserta = PesertaRakor.objects.create(rakor=rakor, nama="Kepala DPUPR", kategori="kepala_pd")
    arahan = Arahan.objects.create(rakor=rakor, isi="Percepat")
    rekomendasi = Rekomendasi.objects.create(
        rakor=rakor, perangkat_daerah=dpupr, isi="Tender ulang", batas_waktu="2026-08-31"
    )
    impor = impor_services.impor_unggah(  # a refused file: its page and its marked copy
        jenis="dpa", berkas=ContentFile(PNG), nama_asli="dpa.xlsx", tahun=2026, by=admin_user
    )
    kwargs = {
        "realisasi:entri": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 6},
        "realisasi:entri-salin": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 7},
        "realisasi:bukti": {"dpa_pk": dpa.pk, "bulan": 6},
        "realisasi:bukti-unduh": {"pk": bukti.pk},
        "realisasi:bukti-hapus": {"pk": bukti.pk},
        "realisasi:verifikasi-pd": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 5},
        "realisasi:kunci-bulan": {"tahun": 2026, "bulan": 5},
        "realisasi:kunci-buka": {"tahun": 2026, "bulan": 5},
        "pengadaan:ubah": {"pk": paket.pk},
        "pengadaan:hapus": {"pk": paket.pk},
        "rakor:detail": {"pk": rakor.pk},
        "rakor:ubah": {"pk": rakor.pk},
        "rakor:peserta-tambah": {"pk": rakor.pk},
        "rakor:peserta-hapus": {"pk": rakor.pk, "peserta_pk": peserta.pk},
        "rakor:arahan-tambah": {"pk": rakor.pk},
        "rakor:arahan-hapus": {"pk": rakor.pk, "arahan_pk": arahan.pk},
        "rakor:rekomendasi-tambah": {"pk": rakor.pk},
        "rakor:rekomendasi-hapus": {"pk": rakor.pk, "rekomendasi_pk": rekomendasi.pk},
        "rakor:finalkan": {"pk": rakor.pk},
        "rakor:buka": {"pk": rakor.pk},
        "rakor:tindak-lanjut": {"pk": rekomendasi.pk},
        "impor:detail": {"pk": impor.pk},
        "impor:galat": {"pk": impor.pk},
        "impor:terapkan": {"pk": impor.pk},
        "atur-ulang-sandi": {"pk": personas["operator_dpupr"].pk},
    }
    users = {
        "outsider": personas["operator_dinkes"],
        "owner": personas["operator_dpupr"],
        "admin": personas["admin"],
        "pimpinan": personas["pimpinan"],
        "auditor": personas["auditor"],
    }
    return {"kwargs": kwargs, "users": users, "dpa": dpa, "dpupr": dpupr}


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)

# A POST that a permitted role would make; the walk sends it as everyone.
POST_DATA = {
    "realisasi:entri": {"action": "simpan"},
    "realisasi:kunci-buka": {
        "perangkat_daerah": "",
        "alasan": "uji",
        "berlaku_sampai": "2026-07-31",
    },
    "rakor:buka": {"buka-alasan": "uji"},
    "rakor:tindak-lanjut": {"status": "dalam_proses", "tindak_lanjut": "uji"},
}


def fingerprint():
    """What an unauthorised request must never change."""
    return (
        list(
            Realisasi.objects.order_by("pk").values_list("pk", "status", "realisasi_fisik", "versi")
        ),
        list(DPA.objects.order_by("pk").values_list("pk", "pagu")),
        list(RKO.objects.order_by("pk").values_list("pk", "target_fisik")),
        list(KunciBulan.objects.values_list("pk", "dikunci_pada", "batas_pengisian")),
        list(PaketPengadaan.objects.values_list("pk", "nama", "tahap")),
        list(BuktiDukung.objects.values_list("pk")),
        list(Rakor.objects.values_list("pk", "status")),
        list(Rekomendasi.objects.values_list("pk", "status", "tindak_lanjut")),
        PesertaRakor.objects.count(),
        Arahan.objects.count(),
        list(
            User.objects.order_by("pk").values_list(
                "pk", "password", "role", "is_active", "is_superuser", "wajib_ganti_sandi"
            )
        ),
        {
            model._meta.label: list(model._default_manager.order_by("pk").values_list("pk"))
            for model in django_admin.site._registry
        },
    )


def _url(world, name):
    return reverse(name, kwargs=world["kwargs"].get(name, {}))


@pytest.mark.parametrize("role", ROLES)
def test_the_walk(client, world, role):
    """Allowed requests answer 200 or a redirect; refused ones 302→login (anonymous), 403, 404 or
    405; no request answers 500; refused POSTs change nothing."""
    if role != "anonymous":
        client.force_login(world["users"][role])
    before = fingerprint()
    failures = []
    for name in sorted(EXPECTED):
        may_get, may_post = EXPECTED[name]
        url = _url(world, name)
        for method, allowed in (("get", role in may_get), ("post", role in may_post)):
            if method == "post" and allowed:
                continue  # an allowed POST changes data; each is tested in its own module
            response = getattr(client, method)(url, POST_DATA.get(name, {}))
            code = response.status_code
            if role == "anonymous":
                ok = (code == 302 and "/akun/masuk/" in response["Location"]) or code == 405
            elif allowed:
                ok = code in (200, 302)
            else:
                ok = code in (403, 404, 405)
            if not ok:
                failures.append(f"{method.upper()} {name} as {role}: {code}")
    assert not failures, "\n".join(failures)
    assert fingerprint() == before


OBJECT_URLS = [
    "realisasi:entri",
    "realisasi:entri-salin",
    "realisasi:bukti",
    "realisasi:bukti-unduh",
    "realisasi:bukti-hapus",
    "pengadaan:ubah",
    "pengadaan:hapus",
    "rakor:tindak-lanjut",
]


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_an_outsider_is_told_nothing_exists(client, world, name):
    """Another PD's objects answer 404 to an operator, not 403: we don't confirm they exist."""
    client.force_login(world["users"]["outsider"])
    url = _url(world, name)
    codes = {client.get(url).status_code, client.post(url, POST_DATA.get(name, {})).status_code}
    assert codes <= {404, 405}, f"{name}: {codes}"


# --- The Django admin (data induk) ------------------------------------------------------------

ADMIN_PUBLIC = {"admin:login"}  # the admin's login form answers everyone
ADMIN_NO_POST = {"admin:logout"}  # the admin's own logout is walked by GET only


def _admin_patterns():
    """(name, pattern) of every named URL of the admin site."""
    found = []

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace == "admin" and pattern.name:
                found.append((f"admin:{pattern.name}", pattern))

    walk(get_resolver().url_patterns)
    return found


def _model_of(name):
    """The registered model a per-model admin URL belongs to (admin:<app>_<model>_<view>)."""
    for model in django_admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    if name == "admin:auth_user_password_change":  # UserAdmin names it after auth.User
        return User
    return None


def admin_urls(users, objects=None):
    """Every admin URL with its arguments: an existing object where the URL takes one (a
    non-existent id where the model has none yet: the gate must hold either way), each app of the
    app index. ``objects``: the object to point at for a model, instead of its first."""
    objects = objects or {}
    urls = []
    for name, pattern in _admin_patterns():
        model = _model_of(name)
        if model in objects:
            obj = objects[model]
        else:
            obj = model._default_manager.order_by("pk").first() if model else None
        pk = obj.pk if obj is not None else 999999
        route = pattern.pattern
        params = set(getattr(route, "converters", {}) or {}) | set(route.regex.groupindex)
        if name == "admin:app_list":
            labels = {m._meta.app_label for m in django_admin.site._registry}
            urls += [(name, reverse(name, kwargs={"app_label": label})) for label in sorted(labels)]
        elif name == "admin:view_on_site":
            kwargs = {
                "content_type_id": ContentType.objects.get_for_model(User).pk,
                "object_id": users["owner"].pk,
            }
            urls.append((name, reverse(name, kwargs=kwargs)))
        elif name == "admin:autocomplete":  # asked for one field of one model's form
            model, model_admin = next(
                (m, a) for m, a in django_admin.site._registry.items() if a.autocomplete_fields
            )
            query = (
                f"?app_label={model._meta.app_label}&model_name={model._meta.model_name}"
                f"&field_name={model_admin.autocomplete_fields[0]}&term=1"
            )
            urls.append((name, reverse(name) + query))
        elif name.endswith("_simple_history"):  # (object_id, history_id), positional
            record = obj.history.order_by("history_id").first() if obj is not None else None
            history_id = record.history_id if record is not None else 999999
            urls.append((name, reverse(name, args=[pk, history_id])))
        elif params:
            urls.append((name, reverse(name, kwargs=dict.fromkeys(params, pk))))
        else:
            urls.append((name, reverse(name)))
    return urls


def _admin_denies(name, user):
    """Whether the ModelAdmin itself refuses this page to ``user`` (e.g. no adding of login
    records, no groups: roles are data) — the Admin may get 403 there and only there."""
    model = _model_of(name)
    if model is None or model not in django_admin.site._registry:
        return False
    model_admin = django_admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = user
    view = name.rsplit("_", 1)[-1]
    checks = {
        "changelist": model_admin.has_view_or_change_permission,
        "add": model_admin.has_add_permission,
        "change": model_admin.has_view_or_change_permission,
        "history": model_admin.has_view_or_change_permission,
        "delete": model_admin.has_delete_permission,
        "password": model_admin.has_change_permission,
    }
    check = checks.get(view)
    return check is not None and not check(request)


# A refused POST must change nothing even when it asks for the worst: the delete confirmations.
ADMIN_POST = {"post": "yes"}


def test_the_admin_walk_covers_every_registered_model(world):
    names = {name for name, _ in admin_urls(world["users"])}
    for model in django_admin.site._registry:
        for view in ("changelist", "add", "change", "delete", "history"):
            assert f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}" in names
    assert {"admin:index", "admin:app_list", "admin:password_change"} <= names


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_walk(client, world, role):
    """Only the Admin role opens the data-induk admin: everyone else is sent to a login page (or
    refused) on every page, GET and POST, and their POSTs delete nothing."""
    user = world["users"].get(role)
    if user is not None:
        client.force_login(user)
    before = fingerprint()
    urls = [(name, url) for name, url in admin_urls(world["users"]) if name not in ADMIN_PUBLIC]
    failures = []
    walked = 0
    for name, url in urls:
        for method in ("get", "post"):
            if method == "post" and (role == "admin" or name in ADMIN_NO_POST):
                continue  # the Admin's writes in the admin are its job
            response = getattr(client, method)(url, ADMIN_POST if method == "post" else {})
            walked += 1
            code = response.status_code
            to_login = code == 302 and response["Location"].startswith(LOGIN_URLS)
            if name == "admin:logout" and code == 302:  # the admin sends outsiders to its index
                to_login = response["Location"] == reverse("admin:index")
            if role == "admin":
                if name == "admin:logout":
                    ok = code == 405  # a GET never logs out
                elif code == 403:
                    ok = _admin_denies(name, user)
                elif name == "admin:app_list" and code == 404:  # an app with nothing for it
                    ok = not user.has_module_perms(url.strip("/").rsplit("/", 1)[-1])
                else:
                    ok = code in (200, 302, 404) and not to_login
                    if name.endswith(("_changelist", "_add", ":index", ":app_list")):
                        ok = ok and code == 200
            else:
                ok = to_login or code in (403, 404, 405)
            if not ok:
                failures.append(f"{method.upper()} {name} as {role}: {code}")
    assert walked >= len(urls)
    assert not failures, "\n".join(failures)
    assert fingerprint() == before


# An account's own pages: an Admin who is not a superuser opens an operator's, never a superuser's
# (404, as for an account that does not exist), whatever it asks.
ACCOUNT_PAGES = {
    "admin:akun_user_change",
    "admin:auth_user_password_change",
    "admin:akun_user_delete",
    "admin:akun_user_history",
    "admin:akun_user_simple_history",
}


@pytest.mark.parametrize("target", ["superuser", "operator"])
def test_the_admin_walk_of_an_account(client, world, target):
    """The Admin's GET opens an operator's change, password, delete, history and revert pages; on
    a superuser's every GET and POST is refused and changes nothing."""
    admin = world["users"]["admin"]
    assert not admin.is_superuser
    if target == "superuser":
        account = make_user("root", Role.ADMIN, is_superuser=True, is_staff=True)
    else:
        account = world["users"]["owner"]
    client.force_login(admin)
    before = fingerprint()
    urls = [(n, u) for n, u in admin_urls(world["users"], {User: account}) if n in ACCOUNT_PAGES]
    assert {name for name, _ in urls} == ACCOUNT_PAGES
    failures = []
    for name, url in urls:
        for method in ("get", "post") if target == "superuser" else ("get",):
            data = {"post": "yes", "password1": "Ambil-Alih-2026", "password2": "Ambil-Alih-2026"}
            response = getattr(client, method)(url, data if method == "post" else {})
            expected = {403, 404} if target == "superuser" else {200}
            if response.status_code not in expected:
                failures.append(f"{method.upper()} {name} for the {target}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert fingerprint() == before
