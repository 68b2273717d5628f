"""The Bupati reads the dashboard and every report in a real browser and changes the period."""

import datetime
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .builders import PASSWORD

pytestmark = pytest.mark.browser

REPORTS = [
    ("laporan:rekap-pemda", "Rekap pemda"),
    ("laporan:rekap-pd", "Rekap per Perangkat Daerah"),
    ("laporan:rekap-sumber-dana", "Rekap per sumber dana"),
    ("laporan:detail-pd", "Detail Perangkat Daerah"),
    ("laporan:kurva-s", "Kurva S"),
    ("laporan:kendala", "Kendala dan tindak lanjut"),
    ("laporan:kepatuhan", "Kepatuhan pelaporan"),
    ("laporan:pengadaan", "Progres pengadaan"),
]


def test_the_pimpinan_reads_the_dashboard_and_every_report(
    page, screenshot, pimpinan, pemda, lines, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0), tick=True)
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(pimpinan.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_test_id("headline")).to_contain_text(
        "progres fisik 44,17% dari target 50,00%"
    )
    expect(page.locator("svg.kurva-svg").first).to_be_visible()
    expect(page.get_by_test_id("pd-tertinggal")).to_contain_text("DINKES")
    screenshot("beranda-pimpinan")

    for name, title in REPORTS:
        page.goto(reverse(name))
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        expect(page.get_by_test_id("periode")).to_contain_text("Posisi akhir Juni 2026")
        page.get_by_label("Bulan").select_option(label="Maret")
        page.get_by_role("button", name="Tampilkan").click()
        expect(page).to_have_url(re.compile(r"bulan=3"))
        expect(page.get_by_test_id("periode")).to_contain_text("Posisi akhir Maret 2026")
        screenshot("laporan-" + name.split(":")[1])

    # The rekap per PD sorts by a column when its header is clicked.
    page.goto(reverse("laporan:rekap-pd") + "?tahun=2026&bulan=6")
    first_pd = page.get_by_test_id("baris-rekap").first
    expect(first_pd).to_contain_text("Dinas Kesehatan")
    page.get_by_role("button", name="Peringkat").click()
    expect(page.get_by_test_id("baris-rekap").first).to_contain_text("Dinas Pekerjaan Umum")
