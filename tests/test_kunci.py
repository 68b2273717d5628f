"""Month locks and reporting rules set by the admin: deadlines, locks, reopenings for one PD, the
rules, the page that shows them, and who may change them. Open or closed is always asked of
realisasi.kunci.status_bulan, the one place that decides it."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from realisasi import kunci_admin
from realisasi.kunci import batas_default, ringkasan_tahun, status_bulan
from realisasi.models import AturanPelaporan, BukaKunci, KunciBulan

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def april_5(time_machine):
    """5 April 2026, 10:00 in Jakarta: March is open until its default deadline, 10 April."""
    time_machine.move_to(datetime.datetime(2026, 4, 5, 10, 0, tzinfo=JAKARTA), tick=False)
    return time_machine


def go_to(time_machine, day: datetime.date):
    time_machine.move_to(datetime.datetime.combine(day, datetime.time(10), tzinfo=JAKARTA))


def is_open(pd, bulan=3, tahun=2026) -> bool:
    return status_bulan(pd, tahun, bulan).terbuka


# --- Deadlines --------------------------------------------------------------------------------


def test_without_a_set_deadline_a_month_closes_after_the_rules_day(april_5, dinkes):
    assert is_open(dinkes)
    go_to(april_5, datetime.date(2026, 4, 10))
    assert is_open(dinkes)
    go_to(april_5, datetime.date(2026, 4, 11))
    assert not is_open(dinkes)


def test_setting_a_deadline_moves_the_close_for_every_pd(april_5, admin_user, dinkes, dpupr):
    kunci_admin.kunci_set_batas(
        tahun=2026, bulan=3, batas_pengisian=datetime.date(2026, 4, 4), by=admin_user
    )
    assert not is_open(dinkes) and not is_open(dpupr)
    assert "4 April 2026 telah lewat" in status_bulan(dinkes, 2026, 3).keterangan
    kunci_admin.kunci_set_batas(
        tahun=2026, bulan=3, batas_pengisian=datetime.date(2026, 4, 20), by=admin_user
    )
    assert is_open(dinkes) and is_open(dpupr)
    assert KunciBulan.objects.get().batas_pengisian == datetime.date(2026, 4, 20)


@pytest.mark.parametrize(
    ("batas", "message"),
    [
        (datetime.date(2026, 2, 28), "tidak boleh sebelum Maret 2026"),
        (datetime.date(2028, 1, 1), "paling lambat 31 Desember 2027"),
        (None, "wajib diisi"),
    ],
)
def test_a_deadline_outside_sense_is_refused(april_5, admin_user, batas, message):
    with pytest.raises(ValidationError, match=message):
        kunci_admin.kunci_set_batas(tahun=2026, bulan=3, batas_pengisian=batas, by=admin_user)
    assert not KunciBulan.objects.exists()


# --- Locks ------------------------------------------------------------------------------------


def test_locking_a_month_closes_it_for_every_pd(april_5, admin_user, dinkes, dpupr):
    kunci = kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    assert kunci.dikunci_oleh == admin_user
    assert kunci.batas_pengisian == batas_default(2026, 3)
    for pd in (dinkes, dpupr):
        status = status_bulan(pd, 2026, 3)
        assert not status.terbuka
        assert "dikunci" in status.keterangan
    assert is_open(dinkes, bulan=4)  # other months are not touched


def test_locking_twice_is_refused(april_5, admin_user):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    with pytest.raises(ValidationError, match="sudah dikunci"):
        kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)


def test_a_month_not_yet_begun_cannot_be_locked(april_5, admin_user):
    with pytest.raises(ValidationError, match="belum dimulai"):
        kunci_admin.kunci_lock(tahun=2026, bulan=5, by=admin_user)
    assert not KunciBulan.objects.exists()


def test_unlocking_reopens_the_whole_month(april_5, admin_user, dinkes, dpupr):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    kunci = kunci_admin.kunci_unlock(tahun=2026, bulan=3, by=admin_user)
    assert kunci.dikunci_pada is None and kunci.dikunci_oleh is None
    assert is_open(dinkes) and is_open(dpupr)


def test_unlocking_a_month_that_is_not_locked_is_refused(april_5, admin_user):
    with pytest.raises(ValidationError, match="tidak sedang dikunci"):
        kunci_admin.kunci_unlock(tahun=2026, bulan=3, by=admin_user)


def test_unlocking_after_the_deadline_can_move_the_deadline(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    go_to(april_5, datetime.date(2026, 4, 15))
    kunci_admin.kunci_unlock(tahun=2026, bulan=3, by=admin_user)
    assert not is_open(dinkes)  # unlocked, but 10 April has passed
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    kunci_admin.kunci_unlock(
        tahun=2026, bulan=3, by=admin_user, batas_pengisian=datetime.date(2026, 4, 20)
    )
    assert is_open(dinkes)


# --- Reopening for one PD ---------------------------------------------------------------------


def test_reopening_a_locked_month_for_one_pd_opens_it_for_that_pd_only(
    april_5, admin_user, dinkes, dpupr
):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    buka = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="SP2D terlambat terbit",
        berlaku_sampai=datetime.date(2026, 4, 8),
        by=admin_user,
    )
    assert buka.dibuka_oleh == admin_user
    status = status_bulan(dinkes, 2026, 3)
    assert status.terbuka and status.buka_kunci == buka
    assert "SP2D terlambat terbit" in status.keterangan
    assert not is_open(dpupr)


def test_a_reopening_expires_after_its_date(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Revisi data",
        berlaku_sampai=datetime.date(2026, 4, 8),
        by=admin_user,
    )
    go_to(april_5, datetime.date(2026, 4, 8))
    assert is_open(dinkes)
    go_to(april_5, datetime.date(2026, 4, 9))
    assert not is_open(dinkes)


def test_a_reopening_extends_an_overdue_month_that_was_never_locked(april_5, admin_user, dinkes):
    go_to(april_5, datetime.date(2026, 4, 15))
    assert not is_open(dinkes)
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Operator cuti",
        berlaku_sampai=datetime.date(2026, 4, 17),
        by=admin_user,
    )
    assert is_open(dinkes)


@pytest.mark.parametrize(
    ("alasan", "sampai", "field"),
    [
        ("", datetime.date(2026, 4, 8), "alasan"),
        ("   ", datetime.date(2026, 4, 8), "alasan"),
        ("Revisi", datetime.date(2026, 4, 4), "berlaku_sampai"),
        ("Revisi", None, "berlaku_sampai"),
    ],
)
def test_a_reopening_needs_a_reason_and_a_date_not_in_the_past(
    april_5, admin_user, dinkes, alasan, sampai, field
):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    with pytest.raises(ValidationError) as refused:
        kunci_admin.kunci_open_for_pd(
            tahun=2026,
            bulan=3,
            perangkat_daerah=dinkes,
            alasan=alasan,
            berlaku_sampai=sampai,
            by=admin_user,
        )
    assert field in refused.value.message_dict
    assert not BukaKunci.objects.exists()
    assert not is_open(dinkes)


def test_reopening_again_replaces_the_reopening_in_force(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    first = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Pertama",
        berlaku_sampai=datetime.date(2026, 4, 6),
        by=admin_user,
    )
    second = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Diperpanjang",
        berlaku_sampai=datetime.date(2026, 4, 9),
        by=admin_user,
    )
    first.refresh_from_db()
    assert first.ditutup_pada is not None
    assert status_bulan(dinkes, 2026, 3).buka_kunci == second


def test_closing_a_reopening_closes_the_month_for_that_pd(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    buka = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Revisi",
        berlaku_sampai=datetime.date(2026, 4, 8),
        by=admin_user,
    )
    kunci_admin.kunci_close_for_pd(buka_kunci=buka, by=admin_user)
    assert not is_open(dinkes)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        kunci_admin.kunci_close_for_pd(buka_kunci=buka, by=admin_user)


def test_locking_ends_the_reopenings_in_force(april_5, admin_user, dinkes):
    go_to(april_5, datetime.date(2026, 4, 15))
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Revisi",
        berlaku_sampai=datetime.date(2026, 4, 20),
        by=admin_user,
    )
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    assert not is_open(dinkes)


def test_lock_changes_are_in_the_history_with_the_admin(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    kunci_admin.kunci_unlock(tahun=2026, bulan=3, by=admin_user)
    records = KunciBulan.history.order_by("history_id")
    assert [r.history_user for r in records] == [admin_user, admin_user]
    assert [r.dikunci_pada is None for r in records] == [False, True]


# --- Reporting rules --------------------------------------------------------------------------


def test_the_rules_change_the_default_deadline_and_the_kendala_threshold(
    april_5, admin_user, dinkes
):
    kunci_admin.aturan_set(
        ambang_deviasi_kendala=Decimal("7.5"), hari_batas_pengisian=3, by=admin_user
    )
    aturan = AturanPelaporan.current()
    assert (aturan.ambang_deviasi_kendala, aturan.hari_batas_pengisian) == (Decimal("7.5"), 3)
    assert batas_default(2026, 3) == datetime.date(2026, 4, 3)
    assert not is_open(dinkes)
    kunci_admin.aturan_set(
        ambang_deviasi_kendala=Decimal("5"), hari_batas_pengisian=12, by=admin_user
    )
    assert AturanPelaporan.objects.count() == 1
    assert is_open(dinkes)


@pytest.mark.parametrize(("ambang", "hari"), [(Decimal("-1"), 10), (Decimal("5"), 29)])
def test_rules_out_of_range_are_refused(admin_user, ambang, hari):
    with pytest.raises(ValidationError):
        kunci_admin.aturan_set(
            ambang_deviasi_kendala=ambang, hari_batas_pengisian=hari, by=admin_user
        )
    assert not AturanPelaporan.objects.exists()


# --- The year overview ------------------------------------------------------------------------


def test_the_year_overview_agrees_with_status_bulan(april_5, admin_user, dinkes):
    kunci_admin.kunci_lock(tahun=2026, bulan=1, by=admin_user)
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=1,
        perangkat_daerah=dinkes,
        alasan="Revisi",
        berlaku_sampai=datetime.date(2026, 4, 30),
        by=admin_user,
    )
    months = ringkasan_tahun(2026)
    assert [m.bulan for m in months] == list(range(1, 13))
    january, february, march, may = months[0], months[1], months[2], months[4]
    assert january.dikunci and january.batas_ditetapkan
    assert [b.perangkat_daerah for b in january.buka_aktif] == [dinkes]
    assert not february.status.terbuka and not february.dikunci  # 10 March has passed
    assert march.status.terbuka and not march.batas_ditetapkan
    assert not may.dimulai
    for m in months:
        assert m.status.terbuka == status_bulan(None, 2026, m.bulan).terbuka


def test_the_year_overview_takes_three_queries(
    april_5, admin_user, dinkes, dpupr, django_assert_num_queries
):
    for bulan in (1, 2, 3):
        kunci_admin.kunci_lock(tahun=2026, bulan=bulan, by=admin_user)
        for pd in (dinkes, dpupr):
            kunci_admin.kunci_open_for_pd(
                tahun=2026,
                bulan=bulan,
                perangkat_daerah=pd,
                alasan="Revisi",
                berlaku_sampai=datetime.date(2026, 4, 30),
                by=admin_user,
            )
    with django_assert_num_queries(3):
        months = ringkasan_tahun(2026)
        assert sum(len(m.buka_aktif) for m in months) == 6
        assert all(b.perangkat_daerah.singkatan for m in months for b in m.buka_aktif)


# --- Who may use the pages --------------------------------------------------------------------


def _pages():
    return [
        ("get", reverse("realisasi:kunci"), {}),
        ("get", reverse("realisasi:aturan"), {}),
        (
            "post",
            reverse("realisasi:aturan"),
            {"ambang_deviasi_kendala": "1", "hari_batas_pengisian": "2"},
        ),
        ("post", reverse("realisasi:kunci-bulan", args=[2026, 3]), {"aksi": "kunci"}),
        (
            "post",
            reverse("realisasi:kunci-buka", args=[2026, 3]),
            {"perangkat_daerah": "1", "alasan": "x", "berlaku_sampai": "2026-04-08"},
        ),
    ]


def test_anonymous_visitors_are_sent_to_login(client, db):
    for method, url, data in _pages():
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["operator_dinkes", "pimpinan", "auditor"])
def test_only_the_admin_may_see_or_change_locks_and_rules(april_5, client, personas, role):
    client.force_login(personas[role])
    for method, url, data in _pages():
        assert getattr(client, method)(url, data).status_code == 403
    assert not KunciBulan.objects.exists()
    assert not AturanPelaporan.objects.exists()
    assert not BukaKunci.objects.exists()


def test_the_admin_may_open_the_pages_and_writes_are_post_only(april_5, client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("realisasi:kunci")).status_code == 200
    assert client.get(reverse("realisasi:aturan")).status_code == 200
    assert client.get(reverse("realisasi:kunci-bulan", args=[2026, 3])).status_code == 405
    assert client.get(reverse("realisasi:kunci-buka", args=[2026, 3])).status_code == 405
    assert not KunciBulan.objects.exists()


def test_the_menu_offers_locks_to_the_admin_only(client, personas):
    url = reverse("realisasi:kunci")
    for role, shown in [("admin", True), ("pimpinan", False), ("operator_dinkes", False)]:
        client.force_login(personas[role])
        assert (url in client.get(reverse("beranda")).text) is shown


# --- The pages --------------------------------------------------------------------------------


def test_the_lock_page_shows_each_months_deadline_lock_and_reopenings(
    april_5, client, admin_user, dinkes
):
    kunci_admin.kunci_lock(tahun=2026, bulan=2, by=admin_user)
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=2,
        perangkat_daerah=dinkes,
        alasan="Koreksi SP2D",
        berlaku_sampai=datetime.date(2026, 4, 8),
        by=admin_user,
    )
    client.force_login(admin_user)
    response = client.get(reverse("realisasi:kunci"), {"tahun": 2026})
    assert response.status_code == 200
    html = response.text
    assert "Masa pengisian 2026" in html
    assert 'value="2026-04-10"' in html  # March's default deadline
    assert "Dikunci" in html and "Koreksi SP2D" in html and "DINKES" in html
    assert "Belum dimulai" in html


@pytest.mark.parametrize(
    ("tahun", "message"),
    [
        ("abc", "Tahun harus berupa angka"),
        ("1500", "Tahun paling kecil 2000"),
        ("", "Tahun wajib diisi"),
    ],
)
def test_a_bad_year_on_the_lock_page_gets_a_message(april_5, client, admin_user, tahun, message):
    client.force_login(admin_user)
    response = client.get(reverse("realisasi:kunci"), {"tahun": tahun})
    assert response.status_code == 200
    assert response.context["tahun"] == 2026
    assert message in response.text


def test_the_admin_sets_a_deadline_locks_and_unlocks_from_the_page(
    april_5, client, admin_user, dinkes
):
    client.force_login(admin_user)
    url = reverse("realisasi:kunci-bulan", args=[2026, 3])
    response = client.post(url, {"aksi": "batas", "batas_pengisian": "2026-04-20"})
    assert response.status_code == 302
    assert response["Location"] == reverse("realisasi:kunci") + "?tahun=2026"
    assert KunciBulan.objects.get().batas_pengisian == datetime.date(2026, 4, 20)
    client.post(url, {"aksi": "kunci"})
    assert not is_open(dinkes)
    client.post(url, {"aksi": "buka"})
    assert is_open(dinkes)
    assert [r.history_user for r in KunciBulan.history.all()] == [admin_user] * 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"aksi": "batas", "batas_pengisian": "besok"}, "Tanggal tidak dikenali"),
        ({"aksi": "batas", "batas_pengisian": ""}, "wajib diisi"),
        ({"aksi": "batas", "batas_pengisian": "2026-01-31"}, "tidak boleh sebelum Maret 2026"),
        ({"aksi": "buka"}, "tidak sedang dikunci"),
        ({"aksi": "hapus"}, "Tindakan tidak dikenal"),
    ],
)
def test_bad_lock_input_gets_a_message_and_changes_nothing(
    april_5, client, admin_user, data, message
):
    client.force_login(admin_user)
    url = reverse("realisasi:kunci-bulan", args=[2026, 3])
    response = client.post(url, data, follow=True)
    assert message in response.text
    assert not KunciBulan.objects.exists()


def test_a_month_outside_the_calendar_is_404(client, admin_user):
    client.force_login(admin_user)
    assert (
        client.post(
            reverse("realisasi:kunci-bulan", args=[2026, 13]), {"aksi": "kunci"}
        ).status_code
        == 404
    )
    assert client.post(reverse("realisasi:kunci-buka", args=[2026, 0])).status_code == 404


def test_the_admin_reopens_for_one_pd_and_closes_it_again_from_the_page(
    april_5, client, admin_user, dinkes, dpupr
):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    client.force_login(admin_user)
    response = client.post(
        reverse("realisasi:kunci-buka", args=[2026, 3]),
        {"perangkat_daerah": dinkes.pk, "alasan": "Revisi SP2D", "berlaku_sampai": "08/04/2026"},
        follow=True,
    )
    assert "dibuka untuk DINKES sampai 08/04/2026" in response.text
    assert is_open(dinkes) and not is_open(dpupr)
    buka = BukaKunci.objects.get()
    client.post(
        reverse("realisasi:kunci-bulan", args=[2026, 3]), {"aksi": "tutup", "buka_kunci": buka.pk}
    )
    assert not is_open(dinkes)


def test_closing_a_reopening_of_another_month_is_404(april_5, client, admin_user, dinkes):
    buka = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=3,
        perangkat_daerah=dinkes,
        alasan="Revisi",
        berlaku_sampai=datetime.date(2026, 4, 8),
        by=admin_user,
    )
    client.force_login(admin_user)
    url = reverse("realisasi:kunci-bulan", args=[2026, 2])
    assert client.post(url, {"aksi": "tutup", "buka_kunci": buka.pk}).status_code == 404
    assert client.post(url, {"aksi": "tutup", "buka_kunci": "x"}).status_code == 404
    assert is_open(dinkes)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"alasan": "", "berlaku_sampai": "2026-04-08"}, "Alasan membuka kunci wajib diisi"),
        ({"alasan": "Revisi", "berlaku_sampai": "2026-04-01"}, "tidak boleh sebelum hari ini"),
        ({"alasan": "Revisi", "berlaku_sampai": "kapan-kapan"}, "Tanggal tidak dikenali"),
        (
            {"alasan": "Revisi", "berlaku_sampai": "2026-04-08", "perangkat_daerah": "999"},
            "tidak ada",
        ),
    ],
)
def test_a_bad_reopening_gets_a_message_and_changes_nothing(
    april_5, client, admin_user, dinkes, data, message
):
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    client.force_login(admin_user)
    response = client.post(
        reverse("realisasi:kunci-buka", args=[2026, 3]),
        {"perangkat_daerah": dinkes.pk, **data},
        follow=True,
    )
    assert message in response.text
    assert not BukaKunci.objects.exists()


def test_the_admin_edits_the_rules_with_an_indonesian_decimal(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("realisasi:aturan"))
    assert 'value="5,00"' in response.text and 'value="10"' in response.text
    response = client.post(
        reverse("realisasi:aturan"),
        {"ambang_deviasi_kendala": "7,5", "hari_batas_pengisian": "15"},
        follow=True,
    )
    assert "Aturan pelaporan disimpan" in response.text
    aturan = AturanPelaporan.objects.get()
    assert (aturan.ambang_deviasi_kendala, aturan.hari_batas_pengisian) == (Decimal("7.5"), 15)
    assert aturan.history.get().history_user == admin_user


@pytest.mark.parametrize(
    ("ambang", "hari", "message"),
    [
        ("tujuh", "10", "Tulis ambang seperti 5 atau 7,5"),
        ("101", "10", "Ambang paling besar 100"),
        ("5,555", "10", "paling banyak dua desimal"),
        ("5", "31", "Tanggal batas 1–28"),
        ("5", "x", "Tanggal batas harus berupa angka"),
    ],
)
def test_bad_rules_get_a_message_and_change_nothing(client, admin_user, ambang, hari, message):
    client.force_login(admin_user)
    response = client.post(
        reverse("realisasi:aturan"),
        {"ambang_deviasi_kendala": ambang, "hari_batas_pengisian": hari},
    )
    assert response.status_code == 200
    assert message in response.text
    assert not AturanPelaporan.objects.exists()


@pytest.mark.browser
def test_the_admin_reopens_a_locked_month_for_one_pd_in_a_browser(
    page, screenshot, admin_user, dinkes, dpupr, time_machine
):
    from playwright.sync_api import expect

    from .builders import PASSWORD

    time_machine.move_to(datetime.datetime(2026, 4, 5, 10, 0, tzinfo=JAKARTA), tick=True)
    kunci_admin.kunci_lock(tahun=2026, bulan=3, by=admin_user)
    page.goto(reverse("login"))
    page.get_by_label("Nama pengguna").fill(admin_user.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Kunci bulan").click()
    march = page.get_by_test_id("bulan-3")
    expect(march).to_contain_text("Dikunci")
    march.get_by_role("button", name="Buka untuk satu PD…").click()
    march.get_by_label("Perangkat Daerah").select_option(label="DINKES — Dinas Kesehatan")
    march.get_by_label("Alasan").fill("SP2D terbit terlambat")
    march.get_by_label("Berlaku sampai").fill("2026-04-08")
    march.get_by_role("button", name="Buka untuk PD ini").click()
    expect(page.get_by_role("alert")).to_contain_text("dibuka untuk DINKES")
    expect(page.get_by_test_id("bulan-3")).to_contain_text("SP2D terbit terlambat")
    screenshot("kunci-bulan")
    assert is_open(dinkes) and not is_open(dpupr)
