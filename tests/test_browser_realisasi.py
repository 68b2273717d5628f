"""A month of the demo pemda, from entry to lock, in a real browser.

The operator of a PD that has not reported October copies September, types one impossible value,
reads the message, corrects it, saves and submits; the admin returns one line with a note; the
operator fixes it and submits again; the admin verifies and locks October; the operator can no
longer change it.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

pytestmark = pytest.mark.browser

OPERATOR_PASSWORD = "Sipok-Operator-2026!"
ADMIN_PASSWORD = "Sipok-Admin-2026!"


@pytest.fixture
def demo_pemda(transactional_db, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 26, 9, 0), tick=True)
    call_command("demo", tahun=2026, bulan_berjalan=11, stdout=io.StringIO())


def login(page, username, password):
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()


def logout(page):
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile("/akun/masuk/"))


def test_a_month_from_entry_to_lock(page, screenshot, demo_pemda):
    page.on("dialog", lambda dialog: dialog.accept())
    # A PD that has not reported October yet: the operator with a deadline.
    reported = Realisasi.objects.filter(dpa__tahun=2026, bulan=10).values("dpa__perangkat_daerah")
    pd = (
        PerangkatDaerah.objects.filter(dpa__tahun=2026, aktif=True)
        .exclude(pk__in=reported)
        .distinct()
        .order_by("kode")
        .first()
    )
    operator = pd.pengguna.get()
    entri = f"/realisasi/entri/{pd.pk}/2026/10/"

    login(page, operator.username, OPERATOR_PASSWORD)
    page.goto(entri)
    expect(page.get_by_test_id("status-bulan")).to_have_text("Terbuka")
    page.get_by_role("button", name="Salin bulan lalu").click()
    expect(page.get_by_text("disalin dari bulan lalu")).to_be_visible()

    rows = page.locator("tr[data-baris]")
    count = rows.count()
    assert count >= 5
    for i in range(count):  # every line explains itself, as a careful operator does
        row = rows.nth(i)
        row.locator("[data-entri=kendala]").fill("Menunggu penyelesaian administrasi SPJ.")
        row.locator("[data-entri=solusi]").fill("Percepatan verifikasi SPJ oleh PPK.")
    first = rows.first
    fisik = first.locator("[data-entri=fisik]")
    fisik.fill("150")
    first.locator("[data-entri=keuangan]").fill("1.250.000")
    total_before = page.get_by_test_id("total").inner_text()
    page.get_by_role("button", name="Simpan draft").click()
    expect(first.get_by_text("Persentase paling besar 100%.")).to_be_visible()
    screenshot("entri-demo-galat")
    assert (
        not Realisasi.objects.filter(dpa__perangkat_daerah=pd, dpa__tahun=2026, bulan=10)
        .exclude(realisasi_keuangan=0)
        .exists()
    ), "nothing of a wrong form is saved"

    lalu = float(first.get_attribute("data-fisik-lalu") or 0)
    fisik = first.locator("[data-entri=fisik]")
    fisik.fill(f"{min(100.0, lalu + 5):.2f}".replace(".", ","))
    expect(page.get_by_test_id("total")).not_to_have_text(total_before)  # live totals
    page.get_by_role("button", name="Simpan draft").click()
    expect(page.get_by_text("Draft tersimpan")).to_be_visible()
    screenshot("entri-demo-draft")
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("diajukan untuk diverifikasi")).to_be_visible()
    expect(page.locator("[data-entri=fisik]")).to_have_count(0)
    logout(page)

    # The admin returns the first line with a note.
    login(page, "admin", ADMIN_PASSWORD)
    page.goto(f"/realisasi/verifikasi/{pd.pk}/2026/10/")
    page.locator("input[name=pilih]").first.check()
    page.locator("#catatan-kembali").fill("Fisik baris pertama belum sesuai laporan lapangan.")
    page.get_by_role("button", name="Kembalikan yang dipilih").click()
    expect(page.get_by_text("dikembalikan ke PD")).to_be_visible()
    screenshot("verifikasi-demo-kembalikan")
    logout(page)

    # The operator corrects the returned line and submits again.
    login(page, operator.username, OPERATOR_PASSWORD)
    page.goto(entri)
    returned = page.locator("tr[data-baris]", has=page.get_by_test_id("catatan-verifikasi"))
    expect(returned).to_have_count(1)
    expect(returned).to_contain_text("belum sesuai laporan lapangan")
    returned.locator("[data-entri=fisik]").fill(f"{min(100.0, lalu + 3):.2f}".replace(".", ","))
    screenshot("entri-demo-dikembalikan")
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("diajukan untuk diverifikasi")).to_be_visible()
    logout(page)

    # The admin verifies everything and locks October.
    login(page, "admin", ADMIN_PASSWORD)
    page.goto(f"/realisasi/verifikasi/{pd.pk}/2026/10/")
    page.get_by_role("button", name="Verifikasi semua yang diajukan").click()
    expect(page.get_by_text("diverifikasi").first).to_be_visible()
    page.goto("/realisasi/kunci/?tahun=2026")
    page.get_by_test_id("bulan-10").get_by_role("button", name="Kunci", exact=True).click()
    expect(page.get_by_test_id("bulan-10")).to_contain_text("Dikunci")
    logout(page)
    statuses = set(
        Realisasi.objects.filter(dpa__perangkat_daerah=pd, dpa__tahun=2026, bulan=10).values_list(
            "status", flat=True
        )
    )
    assert statuses == {"diverifikasi"}

    # The operator can no longer change October.
    login(page, operator.username, OPERATOR_PASSWORD)
    page.goto(entri)
    expect(page.get_by_test_id("status-bulan")).not_to_have_text("Terbuka")
    expect(page.locator("[data-entri=fisik]")).to_have_count(0)
    expect(page.get_by_role("button", name="Simpan draft")).to_have_count(0)
    screenshot("entri-demo-terkunci")
