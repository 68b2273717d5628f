"""Personas shared by the tests: the operators of two PD, the Bappeda admin, the Bupati (pimpinan)
and the Inspektorat auditor."""

import datetime
import os
from pathlib import Path

import pytest

from akun.models import Role
from kegiatan import services
from kegiatan.models import SumberDana
from perangkat_daerah.models import Pemda, PerangkatDaerah
from realisasi.models import Realisasi

from .builders import JT, make_dpa, make_pd, make_sub_kegiatan, make_user, report
from .kalender import (  # noqa: F401
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_report_header,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


@pytest.fixture
def pemda(db):
    return Pemda.objects.create(nama="Pemerintah Kabupaten Uji", sebutan_kepala_daerah="Bupati")


@pytest.fixture
def dinkes(db):
    return make_pd("1.02.01", "DINKES", "Dinas Kesehatan", jenis=PerangkatDaerah.Jenis.DINAS)


@pytest.fixture
def dpupr(db):
    return make_pd("1.03.01", "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang")


@pytest.fixture
def apbd(db):
    return SumberDana.objects.create(kode="PAD", nama="Pendapatan Asli Daerah", kelompok="apbd")


@pytest.fixture
def dak(db):
    return SumberDana.objects.create(kode="DAKF", nama="DAK Fisik", kelompok="dak")


@pytest.fixture
def operator_dinkes(dinkes):
    return make_user("operator_dinkes", Role.OPERATOR, dinkes)


@pytest.fixture
def operator_dpupr(dpupr):
    return make_user("operator_dpupr", Role.OPERATOR, dpupr)


@pytest.fixture
def admin_user(db):
    return make_user("admin_bappeda", Role.ADMIN, is_staff=True)


@pytest.fixture
def pimpinan(db):
    return make_user("bupati", Role.PIMPINAN)


@pytest.fixture
def auditor(db):
    return make_user("inspektur", Role.AUDITOR)


@pytest.fixture
def personas(operator_dinkes, operator_dpupr, admin_user, pimpinan, auditor):
    return {
        "operator_dinkes": operator_dinkes,
        "operator_dpupr": operator_dpupr,
        "admin": admin_user,
        "pimpinan": pimpinan,
        "auditor": auditor,
    }


@pytest.fixture
def puskesmas(db):
    return make_sub_kegiatan("1.02.02.2.01.0002", "Pembangunan Puskesmas")


@pytest.fixture
def jalan(db):
    return make_sub_kegiatan("1.03.10.2.01.0010", "Rehabilitasi Jalan")


JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def july_5(time_machine):
    """5 July 2026, 09.00 WIB (Jakarta)."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def line_a(dinkes, puskesmas, apbd):
    return make_dpa(dinkes, puskesmas, apbd, 1000 * JT)


@pytest.fixture
def line_b(dinkes, dak):
    sub = make_sub_kegiatan("1.02.02.2.01.0003", "Pengadaan Alat Kesehatan")
    return make_dpa(dinkes, sub, dak, 200 * JT)


@pytest.fixture
def lines(dinkes, dpupr, puskesmas, jalan, apbd):
    """Hand-computable lines: A (Dinkes, Rp 1 M cut to Rp 600 jt by refocusing on 15 May, no report
    in June), B (DPUPR, Rp 3 M, a June report and an April draft that must not count), C (pagu 0,
    no weight), and last year's A for the comparison."""
    a = make_dpa(dinkes, puskesmas, apbd, 1000 * JT)
    services.pagu_change(
        dpa=a, fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 15), pagu=600 * JT
    )
    b = make_dpa(dpupr, jalan, apbd, 3000 * JT)
    c = make_dpa(dpupr, make_sub_kegiatan("1.03.10.2.01.0011"), apbd, 0)
    a_last_year = make_dpa(dinkes, puskesmas, apbd, 1000 * JT, tahun=2025)
    report(a, 3, 20, 100 * JT)
    report(a, 5, 40, 50 * JT, status=Realisasi.Status.DIAJUKAN)
    report(b, 4, 30, 10 * JT, status=Realisasi.Status.DRAFT)
    report(b, 6, 45, 900 * JT)
    report(c, 6, 80, 0)
    report(a_last_year, 6, 60, 700 * JT)
    return {"a": a, "b": b, "c": c}


# --- A real browser: Debian's Chromium driven by Playwright -----------------------------------

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {CHROMIUM} is missing: install Debian's chromium.")
        pytest.skip(f"browser tests need {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, locale="id-ID", viewport={"width": 1366, "height": 768}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Write a screenshot of the page to test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
