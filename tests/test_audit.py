"""The audit trail: changes to user accounts, Rakor records and procurement packages are in the
change history with who and when, next to the figures and locks; the Auditor downloads exactly
what the screen lists, as an Excel workbook."""

import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from akun.models import Role, User
from pengadaan import services as pengadaan_services
from rakor import services as rakor_services
from realisasi.models import Realisasi

from .builders import JT, PASSWORD, make_dpa, make_user

URL = reverse("riwayat:daftar")
UNDUH = reverse("riwayat:unduh")


def entries(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["entries"]


def changes(entry):
    return {p.label: (p.dari, p.ke) for p in entry.perubahan}


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert response["Content-Disposition"].startswith('attachment; filename="riwayat-perubahan-')
    return load_workbook(io.BytesIO(response.content)).active


def data_rows(ws):
    """The rows below the header (row 6), up to the closing count."""
    rows = []
    for row in ws.iter_rows(min_row=7, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


# --- Accounts -------------------------------------------------------------------------------


def test_a_role_change_in_data_induk_is_in_the_history_with_the_admin(client, admin_user, auditor):
    joined = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=timezone.get_current_timezone())
    wakil = make_user("wakil", Role.PIMPINAN, date_joined=joined)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:akun_user_change", args=[wakil.pk]),
        {
            "username": "wakil",
            "first_name": "",
            "last_name": "",
            "email": "",
            "is_active": "on",
            "role": Role.AUDITOR,
            "perangkat_daerah": "",
            "jabatan": "Inspektur Pembantu",
            "date_joined_0": "05/01/2026",
            "date_joined_1": "08:00:00",
            "last_login_0": "",
            "last_login_1": "",
        },
    )
    assert response.status_code == 302, response.text[:3000]
    client.force_login(auditor)
    entry = next(e for e in entries(client, data="pengguna") if e.jenis == "Diubah")
    assert entry.pengguna == "admin_bappeda"
    assert entry.objek == "Akun wakil (Auditor)"
    assert changes(entry) == {
        "peran": ("Pimpinan", "Auditor"),
        "jabatan": ("–", "Inspektur Pembantu"),
    }


def test_logging_in_adds_nothing_to_the_account_history(client, pimpinan):
    before = pimpinan.history.count()
    assert client.post(
        reverse("login"), {"username": "bupati", "password": PASSWORD}
    ).status_code == (302)
    assert pimpinan.history.count() == before
    pimpinan.refresh_from_db()
    assert pimpinan.last_login is not None


def test_an_admin_password_reset_shows_who_and_why_but_not_the_password(
    client, admin_user, auditor, pimpinan
):
    client.force_login(admin_user)
    client.post(reverse("atur-ulang-sandi", args=[pimpinan.pk]))
    client.force_login(auditor)
    entry = next(e for e in entries(client, data="pengguna") if e.jenis == "Diubah")
    assert entry.pengguna == "admin_bappeda"
    assert entry.alasan == "Sandi diatur ulang oleh Admin"
    assert changes(entry) == {"wajib ganti sandi": ("Tidak", "Ya")}
    assert "pbkdf2" not in client.get(URL).text and "md5$" not in client.get(URL).text


def test_the_account_history_filters_by_the_operators_pd(client, auditor, personas, dinkes):
    client.force_login(auditor)
    found = entries(client, data="pengguna", pd=dinkes.pk)
    assert [e.objek for e in found] == ["Akun operator_dinkes (Operator PD)"]


# --- Rakor records and procurement ------------------------------------------------------------


def test_rakor_records_are_in_the_history_with_who_changed_them(
    client, admin_user, auditor, operator_dpupr, dpupr
):
    rakor = rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    rakor_services.peserta_add(
        rakor=rakor,
        by=admin_user,
        nama="Kepala DPUPR",
        kategori="kepala_pd",
        perangkat_daerah=dpupr,
    )
    rakor_services.arahan_add(rakor=rakor, isi="Percepat lelang", by=admin_user)
    rekomendasi = rakor_services.rekomendasi_add(
        rakor=rakor,
        perangkat_daerah=dpupr,
        isi="Tender ulang",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    rakor_services.tindak_lanjut_update(
        rekomendasi=rekomendasi,
        status="dalam_proses",
        tindak_lanjut="Sudah diumumkan",
        by=operator_dpupr,
    )
    client.force_login(auditor)
    found = entries(client)
    kinds = {(e.sumber.key, e.jenis) for e in found}
    assert {
        ("rakor", "Dibuat"),
        ("peserta_rakor", "Dibuat"),
        ("arahan", "Dibuat"),
        ("rekomendasi", "Dibuat"),
        ("rekomendasi", "Diubah"),
    } <= kinds
    follow_up = next(e for e in found if e.sumber.key == "rekomendasi" and e.jenis == "Diubah")
    assert follow_up.pengguna == "operator_dpupr"
    assert follow_up.perangkat_daerah == dpupr
    assert follow_up.objek == "Rakor POK TW II 2026 · rekomendasi"
    assert changes(follow_up)["status tindak lanjut"] == ("Belum ditindaklanjuti", "Dalam proses")
    arahan = next(e for e in found if e.sumber.key == "arahan")
    assert arahan.pengguna == "admin_bappeda" and arahan.perangkat_daerah is None
    assert [e.sumber.key for e in entries(client, data="rekomendasi", pd=dpupr.pk)] == [
        "rekomendasi",
        "rekomendasi",
    ]


def test_a_procurement_package_change_is_in_the_history(
    client, auditor, operator_dpupr, dpupr, jalan, apbd
):
    dpa = make_dpa(dpupr, jalan, apbd, 3000 * JT, rko=False)
    paket = pengadaan_services.paket_create(
        dpa=dpa, by=operator_dpupr, nama="Rehab jalan", metode="tender", hps=2500 * JT
    )
    pengadaan_services.paket_update(paket=paket, by=operator_dpupr, hps=2400 * JT)
    client.force_login(auditor)
    entry = next(e for e in entries(client, data="paket") if e.jenis == "Diubah")
    assert entry.pengguna == "operator_dpupr"
    assert entry.objek == "1.03.10.2.01.0010 (PAD) · paket Rehab jalan"
    assert changes(entry) == {"HPS (Rp)": ("Rp 2.500.000.000", "Rp 2.400.000.000")}


# --- The Excel download -----------------------------------------------------------------------


@pytest.fixture
def busy_history(dinkes, dpupr, puskesmas, jalan, apbd, admin_user):
    """Two PD's rows changed often enough for the screen to need two pages."""
    a = make_dpa(dinkes, puskesmas, apbd, 1200 * JT, rko=False)
    b = make_dpa(dpupr, jalan, apbd, 3000 * JT, rko=False)
    rows = [
        Realisasi.objects.create(
            dpa=dpa, bulan=3, realisasi_fisik=Decimal(1), realisasi_keuangan=JT, status="draft"
        )
        for dpa in (a, b)
    ]
    for i in range(30):
        for row in rows:
            row.realisasi_fisik = Decimal(i + 2)
            row._history_user = admin_user
            row.save()
    return rows


@pytest.mark.parametrize("params", [{}, {"data": "realisasi"}, {"pd": "dinkes"}])
def test_the_download_holds_every_page_the_screen_lists(
    client, auditor, busy_history, dinkes, params
):
    if params.get("pd"):
        params = {"pd": dinkes.pk}
    client.force_login(auditor)
    screen = []
    halaman = 1
    while True:
        response = client.get(URL, {**params, "halaman": halaman})
        screen += response.context["entries"]
        if not response.context["page"].has_next():
            break
        halaman += 1
    assert halaman >= 2 or params.get("pd"), "the history spans pages"
    expected = [
        (e.pengguna, e.sumber.label, e.jenis, e.objek, p.label)
        for e in screen
        for p in (e.perubahan or [None])
        if p is not None
    ]
    ws = workbook(client.get(UNDUH, params))
    rows = data_rows(ws)
    got = [(r[1], r[2], r[3], r[5], r[7]) for r in rows if r[7]]
    assert got == expected
    assert ws.freeze_panes == "A7"
    assert [c.value for c in ws[6]] == [
        "Waktu",
        "Pengguna",
        "Data",
        "Jenis",
        "Perangkat Daerah",
        "Objek",
        "Alasan",
        "Kolom",
        "Dari",
        "Ke",
    ]
    assert isinstance(rows[0][0], datetime.datetime)
    assert ws["A2"].value == "Riwayat perubahan data SiPOK"


def test_the_download_shows_its_filter_and_from_what_to_what(
    client, auditor, admin_user, busy_history, dinkes
):
    client.force_login(auditor)
    ws = workbook(client.get(UNDUH, {"data": "realisasi", "pd": dinkes.pk}))
    assert ws["A3"].value == "Filter: PD DINKES, data Realisasi"
    rows = data_rows(ws)
    newest = rows[0]
    assert newest[1:8] == (
        "admin_bappeda",
        "Realisasi",
        "Diubah",
        "DINKES",
        "1.02.02.2.01.0002 (PAD) · Maret 2026",
        None,  # no reason given
        "realisasi fisik kumulatif (%)",
    )
    assert newest[8:] == ("30,00", "31,00")
    assert rows[-1][3] == "Dibuat" and rows[-1][8] is None


def test_typed_text_stays_text_in_the_workbook(client, auditor, dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1200 * JT, rko=False)
    Realisasi.objects.create(
        dpa=dpa,
        bulan=3,
        realisasi_fisik=Decimal(1),
        realisasi_keuangan=JT,
        kendala='=HYPERLINK("http://contoh.invalid","klik")',
        solusi="tab\x0bvertikal\x01",
    )
    client.force_login(auditor)
    ws = workbook(client.get(UNDUH))
    cells = {row[7].value: row[9] for row in ws.iter_rows(min_row=7) if row[7].value}
    assert cells["kendala"].value == '=HYPERLINK("http://contoh.invalid","klik")'
    assert cells["kendala"].data_type == "s"
    assert cells["solusi / tindak lanjut"].value == "tabvertikal"


def test_a_bad_filter_part_is_ignored_in_the_download_as_on_screen(client, auditor, busy_history):
    client.force_login(auditor)
    ws = workbook(client.get(UNDUH, {"pd": "999999", "dari": "kemarin"}))
    assert ws["A3"].value == "Filter: semua perubahan"
    assert len(data_rows(ws)) > 50


@pytest.mark.parametrize(
    ("role", "status"),
    [("operator_dinkes", 403), ("pimpinan", 403), ("auditor", 200), ("admin", 200)],
)
def test_only_the_admin_and_the_auditor_download_the_history(client, personas, role, status):
    client.force_login(personas[role])
    assert client.get(UNDUH).status_code == status


def test_the_download_is_get_only_and_needs_a_login(client, auditor):
    response = Client().get(UNDUH)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(auditor)
    assert client.post(UNDUH).status_code == 405


def test_the_screen_links_to_the_download_with_its_filter(client, auditor, dinkes):
    client.force_login(auditor)
    response = client.get(URL, {"pd": dinkes.pk, "halaman": 2})
    assert f'href="{UNDUH}?pd={dinkes.pk}"' in response.text


def test_the_download_does_not_query_per_record(
    client, auditor, busy_history, django_assert_max_num_queries
):
    client.force_login(auditor)
    with django_assert_max_num_queries(20):
        assert client.get(UNDUH).status_code == 200


def test_user_accounts_are_listed_as_data_kind(db):
    from riwayat.forms import RiwayatFilterForm

    choices = dict(RiwayatFilterForm().fields["data"].choices)
    assert choices["pengguna"] == "Akun pengguna"
    assert {"rakor", "peserta_rakor", "arahan", "rekomendasi", "paket"} <= set(choices)
    assert User.history.model._meta.db_table == "akun_historicaluser"
