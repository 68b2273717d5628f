"""The turn of the year and the other edges of the calendar, each day stated: the month to report,
its deadline, the reports' default month and the Rakor's quarter, on the days a real pemda meets
them (the first days of January, a triwulan's last evening, 29 February)."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from akun.models import User
from laporan import figures, format
from laporan.periode import Periode, default_periode
from rakor import services as rakor_services
from realisasi.kunci import status_bulan
from realisasi.models import AturanPelaporan
from realisasi.services import periode_entri

from .conftest import JAKARTA


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2027, 1, 1, 0, 5), Periode(2026, 12)),
        (at(2027, 1, 10, 16, 0), Periode(2026, 12)),
        (at(2026, 12, 31, 23, 30), Periode(2026, 11)),  # 1 January already in UTC+8 (WITA)
        (at(2027, 1, 1, 5, 0), Periode(2026, 12)),  # still 31 December in UTC
        (at(2026, 3, 31, 23, 30), Periode(2026, 2)),
        (at(2026, 4, 1, 0, 0), Periode(2026, 3)),
        (at(2028, 2, 29, 9, 0), Periode(2028, 1)),
        (at(2028, 3, 1, 9, 0), Periode(2028, 2)),
    ],
)
def test_the_report_month_is_the_last_month_ended_in_jakarta(time_machine, moment, expected):
    time_machine.move_to(moment, tick=False)
    assert default_periode() == expected


def test_on_5_january_the_operator_reports_december_open_until_the_10th(
    time_machine, dinkes, line_a
):
    time_machine.move_to(at(2027, 1, 5, 9, 0), tick=False)
    assert periode_entri(perangkat_daerah=dinkes) == Periode(2026, 12)
    december = status_bulan(dinkes, 2026, 12)
    assert december.terbuka
    assert december.keterangan == "Terbuka sampai 10 Januari 2027."
    assert status_bulan(dinkes, 2027, 1).batas_pengisian == datetime.date(2027, 2, 10)
    assert not status_bulan(dinkes, 2027, 2).terbuka


def test_on_11_january_december_has_closed(time_machine, dinkes, line_a):
    time_machine.move_to(at(2027, 1, 11, 0, 1), tick=False)
    december = status_bulan(dinkes, 2026, 12)
    assert not december.terbuka
    assert december.keterangan == "Batas pengisian 10 Januari 2027 telah lewat."


def test_the_pemdas_own_deadline_day_carries_over_the_year(time_machine, dinkes, line_a):
    aturan = AturanPelaporan.current()
    aturan.hari_batas_pengisian = 15
    aturan.save()
    time_machine.move_to(at(2027, 1, 12, 9, 0), tick=False)
    assert status_bulan(dinkes, 2026, 12).keterangan == "Terbuka sampai 15 Januari 2027."
    time_machine.move_to(at(2027, 1, 16, 0, 1), tick=False)
    assert not status_bulan(dinkes, 2026, 12).terbuka


def test_at_half_past_eleven_on_31_december_december_is_still_the_month_under_way(
    time_machine, dinkes, line_a
):
    time_machine.move_to(at(2026, 12, 31, 23, 30), tick=False)
    assert periode_entri(perangkat_daerah=dinkes) == Periode(2026, 11)
    assert status_bulan(dinkes, 2026, 12).terbuka
    assert not status_bulan(dinkes, 2027, 1).terbuka  # WIB has not reached January


def _rakor(admin_user, tahun, triwulan):
    return rakor_services.rakor_create(
        by=admin_user,
        tahun=tahun,
        triwulan=triwulan,
        tanggal=datetime.date(tahun, triwulan * 3, 28),
        tempat="Ruang Rapat Bappeda",
        pimpinan_rapat="Bupati",
    )


@pytest.mark.parametrize(
    ("tahun", "triwulan", "before", "after"),
    [
        (2026, 1, at(2026, 3, 31, 23, 30), at(2026, 4, 1, 0, 0)),
        (2026, 4, at(2026, 12, 31, 23, 30), at(2027, 1, 1, 0, 0)),
        (2028, 1, at(2028, 2, 29, 12, 0), at(2028, 4, 1, 8, 0)),
    ],
)
def test_a_rakor_is_finalised_only_once_its_triwulan_has_ended_in_jakarta(
    time_machine, admin_user, line_a, tahun, triwulan, before, after
):
    time_machine.move_to(before, tick=False)
    rakor = _rakor(admin_user, tahun, triwulan)
    with pytest.raises(Exception, match="Triwulan ini belum berakhir"):
        rakor_services.rakor_finalise(rakor=rakor, by=admin_user)
    time_machine.move_to(after, tick=False)
    assert rakor_services.rakor_finalise(rakor=rakor, by=admin_user).final


# --- The demo pemda in the first days of a new budget year ----------------------------------------

FIVE_JANUARY = at(2027, 1, 5, 9, 0)


@pytest.fixture(scope="module")
def demo_januari(django_db_setup, django_db_blocker):
    """``manage.py demo`` with its defaults, run on 5 January 2027: 2027 has no report yet."""
    with django_db_blocker.unblock(), time_machine.travel(FIVE_JANUARY, tick=False):
        call_command("demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def on_5_january(demo_januari, db, time_machine):
    time_machine.move_to(FIVE_JANUARY, tick=False)


@pytest.mark.parametrize("username", ["admin", "pimpinan", "operator_dinkes"])
def test_on_5_january_the_dashboard_shows_last_years_december(client, on_5_january, username):
    client.force_login(User.objects.get(username=username))
    response = client.get(reverse("beranda"))
    assert response.status_code == 200
    headline = response.context["headline"]
    assert response.context["periode"] == Periode(2026, 12)
    assert "Posisi akhir Desember 2026" in response.text
    assert headline.sekarang.pagu > 0 and headline.sekarang.fisik > 90
    assert format.persen(headline.sekarang.fisik) in response.text


@pytest.mark.parametrize(
    "name", ["laporan:rekap-pemda", "laporan:rekap-pd", "laporan:kurva-s", "laporan:kepatuhan"]
)
def test_on_5_january_every_report_opens_on_last_years_december(client, on_5_january, name):
    client.force_login(User.objects.get(username="admin"))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.context["periode"] == Periode(2026, 12)
    years = [value for value, _ in response.context["form"].fields["tahun"].choices]
    assert years == [2027, 2026]


def test_on_5_january_the_new_years_january_is_not_reported_yet(on_5_january):
    januari = figures.angka_pemda(Periode(2027, 1))
    assert januari.pagu > 0
    assert januari.keuangan == 0 and januari.fisik == 0


def test_on_5_january_the_operator_lands_on_december(client, on_5_january):
    operator = User.objects.get(username="operator_dinkes")
    client.force_login(operator)
    response = client.get(reverse("realisasi:entri-pilih"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "realisasi:entri", args=[operator.perangkat_daerah_id, 2026, 12]
    )
