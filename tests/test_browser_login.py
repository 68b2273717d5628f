"""Logging in through a real browser and reading the home page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .builders import PASSWORD

pytestmark = pytest.mark.browser


def test_the_admin_logs_in_and_reads_the_headline(
    page,
    screenshot,
    admin_user,
    pemda,
    lines,
    time_machine,
):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0), tick=True)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
    expect(page.get_by_role("heading", name="Masuk ke SiPOK")).to_be_visible()
    screenshot("login")

    page.get_by_label("Nama pengguna").fill(admin_user.username)
    page.get_by_label("Sandi").fill("salah sekali")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Nama pengguna atau sandi salah")).to_be_visible()

    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    headline = page.get_by_test_id("headline")
    expect(headline).to_contain_text("progres fisik 44,17% dari target 50,00%")
    expect(headline).to_contain_text("lebih rendah")
    expect(page.get_by_role("link", name="Data induk")).to_be_visible()
    screenshot("beranda-admin")

    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
