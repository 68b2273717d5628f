"""The change history: who changed which figure, from what, to what, and when — for the Admin and
the Auditor only."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from kegiatan import services as kegiatan_services
from realisasi import kunci_admin, verifikasi
from realisasi.models import Realisasi

from .builders import JT, make_dpa, make_sub_kegiatan

Status = Realisasi.Status
JAKARTA = ZoneInfo("Asia/Jakarta")
URL = reverse("riwayat:daftar")


def submitted(dpa, bulan=3, fisik=10, uang=JT):
    return Realisasi.objects.create(
        dpa=dpa,
        bulan=bulan,
        realisasi_fisik=Decimal(fisik),
        realisasi_keuangan=Decimal(uang),
        status=Status.DIAJUKAN,
        diajukan_pada=timezone.now(),
    )


@pytest.fixture
def dinkes_a(dinkes, puskesmas, apbd):
    return make_dpa(dinkes, puskesmas, apbd, 1200 * JT, rko=False)


@pytest.fixture
def dpupr_a(dpupr, jalan, apbd):
    return make_dpa(dpupr, jalan, apbd, 3000 * JT, rko=False)


def entries(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["entries"]


def entry_of(entries_, key, record_pk, jenis):
    return next(
        e for e in entries_ if e.sumber.key == key and e.record.id == record_pk and e.jenis == jenis
    )


def changes(entry):
    return {p.label: (p.dari, p.ke) for p in entry.perubahan}


# --- Who may read it --------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("operator_dinkes", 403),
        ("pimpinan", 403),
        ("auditor", 200),
        ("admin", 200),
    ],
)
def test_only_the_admin_and_the_auditor_read_the_history(client, personas, role, status):
    client.force_login(personas[role])
    assert client.get(URL).status_code == status


def test_the_history_is_read_only(client, auditor):
    client.force_login(auditor)
    assert client.post(URL).status_code == 405


def test_the_menu_offers_the_history_to_admin_and_auditor_only(client, personas):
    for role, shown in [("auditor", True), ("admin", True), ("pimpinan", False)]:
        client.force_login(personas[role])
        assert (URL in client.get(reverse("beranda")).text) is shown


# --- What it shows ----------------------------------------------------------------------------


def test_a_verification_through_the_site_shows_who_and_from_what_to_what(
    client, admin_user, auditor, dinkes, dinkes_a
):
    row = submitted(dinkes_a)
    client.force_login(admin_user)
    client.post(
        reverse("realisasi:verifikasi-pd", args=[dinkes.pk, 2026, 3]),
        {"aksi": "kembalikan", "pilih": [row.pk], "catatan": "Foto progres belum ada."},
    )
    client.force_login(auditor)
    response = client.get(URL)
    entry = entry_of(response.context["entries"], "realisasi", row.pk, "Diubah")
    assert entry.pengguna == "admin_bappeda"
    assert entry.perangkat_daerah == dinkes
    assert entry.objek == "1.02.02.2.01.0002 (PAD) · Maret 2026"
    assert entry.alasan == "Dikembalikan ke PD"
    diff = changes(entry)
    assert diff["status"] == ("Diajukan", "Dikembalikan")
    assert diff["catatan verifikator"] == ("–", "Foto progres belum ada.")
    assert diff["diverifikasi oleh"] == ("–", "admin_bappeda")
    assert "versi" not in diff
    html = response.text
    assert "admin_bappeda" in html and "Foto progres belum ada." in html
    assert "<del" in html and "Diajukan" in html and "Dikembalikan" in html


def test_a_change_made_through_the_site_is_recorded_with_the_logged_in_user(
    client, admin_user, auditor
):
    """The rules page; the admin site (data induk) relies on the history middleware the same
    way."""
    client.force_login(admin_user)
    for ambang in ("7,5", "8"):
        client.post(
            reverse("realisasi:aturan"),
            {"ambang_deviasi_kendala": ambang, "hari_batas_pengisian": "10"},
        )
    client.force_login(auditor)
    found = entries(client, data="aturan")
    assert [e.jenis for e in found] == ["Diubah", "Dibuat"]
    assert {e.pengguna for e in found} == {"admin_bappeda"}
    assert changes(found[0]) == {"ambang keterlambatan wajib kendala (poin %)": ("7,50", "8,00")}
    assert changes(found[1])["ambang keterlambatan wajib kendala (poin %)"] == ("–", "7,50")


def test_a_change_through_the_admin_site_gets_the_user_from_the_middleware(
    client, admin_user, auditor
):
    """The admin site (data induk) saves with no explicit user: the history middleware supplies
    the logged-in one."""
    kunci = kunci_admin.kunci_set_batas(
        tahun=2026, bulan=1, batas_pengisian=datetime.date(2026, 2, 10), by=admin_user
    )
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:realisasi_kuncibulan_change", args=[kunci.pk]),
        {
            "tahun": "2026",
            "bulan": "1",
            "batas_pengisian": "12/02/2026",
            "dikunci_pada_0": "",
            "dikunci_pada_1": "",
            "dikunci_oleh": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    client.force_login(auditor)
    entry = entry_of(entries(client, data="kunci"), "kunci", kunci.pk, "Diubah")
    assert entry.pengguna == "admin_bappeda"
    assert changes(entry) == {"batas pengisian": ("10/02/2026", "12/02/2026")}


def test_a_creation_shows_the_initial_values(client, auditor, dinkes_a):
    row = submitted(dinkes_a, fisik="12.5", uang=250 * JT)
    client.force_login(auditor)
    entry = entry_of(entries(client), "realisasi", row.pk, "Dibuat")
    assert entry.pengguna == "Sistem"
    diff = changes(entry)
    assert diff["realisasi fisik kumulatif (%)"] == ("–", "12,50")
    assert diff["realisasi keuangan bulan ini (Rp)"] == ("–", "Rp 250.000.000")
    assert diff["status"] == ("–", "Diajukan")
    assert "DPA" not in diff  # the object column names it


def test_a_pagu_change_shows_in_dpa_and_pagu_history(client, auditor, dinkes_a, dinkes):
    kegiatan_services.pagu_change(
        dpa=dinkes_a,
        fase="refocusing",
        tanggal_berlaku=datetime.date(2026, 5, 15),
        pagu=800 * JT,
    )
    client.force_login(auditor)
    found = entries(client, pd=dinkes.pk)
    dpa_entry = entry_of(found, "dpa", dinkes_a.pk, "Diubah")
    assert changes(dpa_entry) == {"pagu berlaku": ("Rp 1.200.000.000", "Rp 800.000.000")}
    assert dpa_entry.objek == "1.02.02.2.01.0002 (PAD) · TA 2026"
    pagu_entry = next(
        e
        for e in found
        if e.sumber.key == "pagu" and e.jenis == "Dibuat" and e.record.fase == "refocusing"
    )
    assert changes(pagu_entry)["fase"] == ("–", "Refocusing")
    assert "pagu refocusing sejak 15/05/2026" in pagu_entry.objek


def test_locks_reopenings_and_notes_are_in_the_history(july_5, client, admin_user, auditor, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=1, by=admin_user)
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=1,
        perangkat_daerah=dinkes,
        alasan="Revisi SP2D",
        berlaku_sampai=timezone.localdate() + datetime.timedelta(days=3),
        by=admin_user,
    )
    verifikasi.catatan_bulanan_set(
        perangkat_daerah=dinkes, tahun=2026, bulan=1, catatan="Lengkap.", by=admin_user
    )
    client.force_login(auditor)
    # The personas' accounts were created too (Akun pengguna); the rest is the month's.
    found = [e for e in entries(client) if e.sumber.key != "pengguna"]
    assert {e.sumber.key for e in found} == {"kunci", "buka_kunci", "catatan"}
    kunci = next(e for e in found if e.sumber.key == "kunci")
    assert kunci.perangkat_daerah is None and kunci.objek.startswith("Masa pengisian Januari")
    buka = next(e for e in found if e.sumber.key == "buka_kunci")
    assert changes(buka)["alasan"] == ("–", "Revisi SP2D")
    assert changes(buka)["dibuka oleh"] == ("–", "admin_bappeda")
    assert "Semua PD" in client.get(URL).text


# --- Filters and pages ------------------------------------------------------------------------


def test_the_history_filters_by_pd_data_user_and_dates(
    client, time_machine, admin_user, auditor, dinkes, dpupr, dinkes_a, dpupr_a
):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=JAKARTA), tick=False)
    a = submitted(dinkes_a)
    time_machine.move_to(datetime.datetime(2026, 3, 20, 9, tzinfo=JAKARTA), tick=False)
    b = submitted(dpupr_a)
    verifikasi.realisasi_verify(rows_or_queryset=[b], by=admin_user)
    kunci_admin.kunci_lock(tahun=2026, bulan=2, by=admin_user)
    client.force_login(auditor)

    def keys(**params):
        return {(e.sumber.key, e.record.id, e.jenis) for e in entries(client, **params)}

    assert keys(pd=dinkes.pk, data="realisasi") == {("realisasi", a.pk, "Dibuat")}
    assert ("kunci", 1, "Dibuat") not in keys(pd=dpupr.pk)
    assert {k[0] for k in keys(data="kunci")} == {"kunci"}
    assert keys(pengguna=admin_user.pk, data="realisasi") == {("realisasi", b.pk, "Diubah")}
    assert ("realisasi", a.pk, "Dibuat") in keys(dari="2026-03-01", sampai="2026-03-02")
    assert keys(dari="2026-03-03", data="realisasi") == {
        ("realisasi", b.pk, "Dibuat"),
        ("realisasi", b.pk, "Diubah"),
    }
    assert keys(sampai="01/03/2026") == set()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"pd": "999999"}, "Perangkat Daerah yang dipilih tidak ada"),
        ({"data": "password"}, "Jenis data yang dipilih tidak dikenal"),
        ({"pengguna": "abc"}, "Pengguna yang dipilih tidak ada"),
        ({"dari": "kemarin"}, "Tanggal tidak dikenali"),
        ({"dari": "2026-03-05", "sampai": "2026-03-01"}, "tidak boleh sebelum tanggal awal"),
        ({"halaman": "zzz"}, ""),
    ],
)
def test_a_bad_filter_gets_an_indonesian_message_not_an_error(
    client, auditor, dinkes_a, params, message
):
    submitted(dinkes_a)
    client.force_login(auditor)
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.text
    assert response.context["entries"]  # the bad part is ignored


def test_the_history_is_paged_fifty_at_a_time_newest_first(client, auditor, dinkes_a):
    row = submitted(dinkes_a)
    for i in range(60):
        row.realisasi_fisik = Decimal(i % 100)
        row.save()
    client.force_login(auditor)
    first = entries(client, data="realisasi")
    assert len(first) == 50
    dates = [e.waktu for e in first]
    assert dates == sorted(dates, reverse=True)
    second = client.get(URL, {"data": "realisasi", "halaman": 2})
    assert len(second.context["entries"]) == 11
    assert "Halaman 2 dari 2" in second.text
    assert second.context["entries"][-1].jenis == "Dibuat"


def _history_of_size(n, admin_user, dinkes, apbd):
    for j in range(n):
        dpa = make_dpa(dinkes, make_sub_kegiatan(f"1.02.02.2.01.{j + 10:04d}"), apbd, JT)
        row = submitted(dpa)
        verifikasi.realisasi_verify(rows_or_queryset=[row], by=admin_user)
        verifikasi.realisasi_return(rows=[row], by=admin_user, catatan=f"Catatan {j}")
        verifikasi.catatan_bulanan_set(
            perangkat_daerah=dinkes, tahun=2026, bulan=3, catatan=f"Catatan {j}", by=admin_user
        )
    kunci_admin.kunci_lock(tahun=2026, bulan=1, by=admin_user)
    kunci_admin.aturan_set(
        ambang_deviasi_kendala=Decimal("6"), hari_batas_pengisian=9, by=admin_user
    )


@pytest.mark.parametrize("n", [1, 8])
def test_the_history_costs_the_same_queries_whatever_its_size(
    client, admin_user, auditor, dinkes, apbd, django_assert_max_num_queries, n
):
    _history_of_size(n, admin_user, dinkes, apbd)
    client.force_login(auditor)
    with django_assert_max_num_queries(16):
        response = client.get(URL)
    assert len(response.context["entries"]) == min(50, response.context["page"].paginator.count)
    assert response.context["page"].paginator.count > 10 * n
