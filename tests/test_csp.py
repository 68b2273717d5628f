"""The pages pass their own Content Security Policy in a real browser.

Chromium opens the key pages of every kind of user — login, beranda, reports, the entry page, the
Rakor page, the history, the password page and the data-induk admin — with the policy the server
sends, and the test fails on any ``securitypolicyviolation`` event or CSP console message: an inline
script, style or event handler anywhere would show up here.
"""

import datetime

import pytest
from playwright.sync_api import expect

from rakor import services as rakor_services

from .builders import PASSWORD

pytestmark = pytest.mark.browser

# Runs before any script of the page (an init script is not subject to the page's policy).
LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
                    `at ${e.sourceFile || location.pathname}:${e.lineNumber}`);
});
"""


class CspWatch:
    """Collects the violations of every page the browser opens."""

    def __init__(self, page):
        self.page = page
        self.found: list[str] = []
        self.pages = 0
        page.context.add_init_script(LISTENER)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.found.append(f"console on {self.page.url}: {text}")

    def collect(self):
        self.found += [f"{self.page.url}: {v}" for v in self.page.evaluate("window.__csp || []")]
        self.pages += 1

    def visit(self, path, *, interact=None):
        response = self.page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy, f"{path} has no policy"
        if interact is not None:
            interact(self.page)
        self.page.wait_for_load_state("networkidle")
        self.collect()


def login(page, username, password=PASSWORD):
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()


@pytest.fixture
def world(personas, pemda, lines, time_machine, admin_user, dpupr):
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=True)
    rakor = rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    rakor_services.rekomendasi_add(
        rakor=rakor,
        perangkat_daerah=dpupr,
        isi="Tender ulang",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    return {"rakor": rakor, **lines}


def _type_in_entry(page):
    first = page.locator("input[data-entri='fisik']").first
    first.fill("55,5")
    page.locator("input[data-entri='keuangan']").first.fill("1.250.000")
    page.keyboard.press("Tab")


def test_the_key_pages_pass_the_content_security_policy(page, live_server, world, dinkes):
    watch = CspWatch(page)
    watch.visit("/akun/masuk/")

    login(page, "admin_bappeda")
    rakor = world["rakor"]
    for path in (
        "/",
        *(
            f"/laporan/{report}/?tahun=2026&bulan=6"
            for report in (
                "rekap-pemda",
                "rekap-pd",
                "rekap-sumber-dana",
                "detail-pd",
                "kurva-s",
                "kendala",
                "kepatuhan",
                "pengadaan",
            )
        ),
        f"/rakor/{rakor.pk}/",
        "/rakor/",
        "/riwayat/",
        "/akun/sandi/",
        "/realisasi/kunci/",
        "/realisasi/verifikasi/",
        "/data-induk/",
        "/data-induk/kegiatan/dpa/",
        f"/data-induk/kegiatan/dpa/{world['a'].pk}/change/",
        "/data-induk/akun/user/add/",
        "/data-induk/realisasi/kuncibulan/add/",
    ):
        watch.visit(path)
    page.get_by_text("Laporan", exact=True).first.click()  # Bootstrap's dropdown runs
    watch.collect()
    page.get_by_role("button", name="Keluar").click()

    login(page, "operator_dinkes")
    watch.visit(f"/realisasi/entri/{dinkes.pk}/2026/6/", interact=_type_in_entry)
    watch.visit("/pengadaan/")

    assert watch.pages == 24
    assert not watch.found, "\n".join(watch.found)


def test_the_watch_sees_an_inline_script_and_an_inline_style(page, live_server, world):
    """The detector works, and the policy blocks what it must."""
    watch = CspWatch(page)
    watch.visit("/akun/masuk/")
    assert not watch.found
    page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.__ran = true";
            document.body.appendChild(s);
            document.body.setAttribute("style", "color: red");
        }"""
    )
    page.wait_for_timeout(200)
    watch.collect()
    assert page.evaluate("window.__ran === undefined"), "the inline script must not run"
    assert any("script-src" in v for v in watch.found), watch.found
    assert any("style-src" in v for v in watch.found), watch.found
