"""What a logged-in user is sent is not kept: every page and every download answers with
``Cache-Control: private, no-store`` (akun.middleware.NoStoreMiddleware), so budget figures stay
out of shared proxies and out of the browser's cache of a shared office computer. Static files
stay cacheable."""

import datetime

import pytest
from django.urls import reverse

from .builders import make_user

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def july_5(time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA), tick=False)


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_report_page_is_not_stored(client, pimpinan, lines, pemda):
    client.force_login(pimpinan)
    response = client.get(reverse("laporan:rekap-pd"), {"bulan": 6, "tahun": 2026})
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


@pytest.mark.parametrize("name", ["laporan:rekap-pemda", "laporan:detail-pd"])
def test_an_excel_download_is_not_stored(client, pimpinan, lines, pemda, name):
    """The detail-PD file without a PD is streamed: its headers are the same."""
    client.force_login(pimpinan)
    response = client.get(reverse(name), {"bulan": 6, "tahun": 2026, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert {"private", "no-store"} <= directives(response)


def test_static_files_stay_cacheable(client, db):
    client.force_login(make_user("bupati", "pimpinan"))
    response = client.get("/static/css/sipok.css")
    assert response.status_code == 200
    cache = directives(response)
    assert "no-store" not in cache and "private" not in cache
    assert any(part.startswith("max-age=") and part != "max-age=0" for part in cache), cache


def test_a_page_for_an_anonymous_visitor_is_left_alone(client, db):
    response = client.get(reverse("beranda"))  # the redirect to the login page
    assert response.status_code == 302
    assert "no-store" not in directives(response)
