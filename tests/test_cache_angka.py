"""The report figures' cache (laporan.cache): a figure is served from the cache only while nothing
it is computed from has changed, whichever way the data was written.

These tests commit (``transaction=True``): the cache holds only committed data, so inside the usual
per-test transaction it is not used at all. "Live" below is the same figure computed inside a
transaction, which never reads the cache.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test import Client

from akun import access
from kegiatan import services as kegiatan_services
from kegiatan.models import DPA, RKO, RiwayatPagu, SumberDana
from laporan import figures
from laporan.models import VersiAngka
from laporan.periode import Periode
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

from .builders import JT, report

pytestmark = pytest.mark.django_db(transaction=True)

JUNI = Periode(2026, 6)


def live(function, *args):
    """The figure computed from the data, not from the cache."""
    with transaction.atomic():
        return function(*args)


def tokens() -> dict[int, str]:
    return dict(VersiAngka.objects.values_list("tahun", "token"))


def test_a_figure_asked_again_is_served_from_the_cache(lines, django_assert_num_queries):
    first = figures.angka_pemda(JUNI)
    with django_assert_num_queries(2):  # the data's state and the cached rows; not the figures
        again = figures.angka_pemda(JUNI)
    assert again == first == live(figures.angka_pemda, JUNI)
    kurva = figures.kurva_s(2026)
    with django_assert_num_queries(2):
        again = figures.kurva_s(2026)
    assert again == kurva == live(figures.kurva_s, 2026)


def _submit_a_new_month(lines):
    report(lines["b"], 5, 40, 200 * JT, status=Realisasi.Status.DIAJUKAN)


def _update_money_of_a_reported_row(lines):
    Realisasi.objects.filter(dpa=lines["b"], bulan=6).update(realisasi_keuangan=1200 * JT)


def _return_a_row_to_the_pd(lines):
    Realisasi.objects.filter(dpa=lines["b"], bulan=6).update(status=Realisasi.Status.DIKEMBALIKAN)


def _submit_a_draft(lines):
    Realisasi.objects.filter(dpa=lines["b"], bulan=4).update(status=Realisasi.Status.DIAJUKAN)


def _delete_a_reported_row(lines):
    Realisasi.objects.filter(dpa=lines["a"], bulan=3).delete()


def _bulk_create_reports(lines):
    Realisasi.objects.bulk_create(
        [
            Realisasi(
                dpa=lines["b"],
                bulan=bulan,
                realisasi_fisik=Decimal(10 * bulan),
                realisasi_keuangan=10 * JT,
                status=Realisasi.Status.DIVERIFIKASI,
            )
            for bulan in (1, 2, 3)
        ]
    )


def _change_a_target_by_raw_sql(lines):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {RKO._meta.db_table} SET target_fisik = %s WHERE dpa_id = %s AND bulan = %s",
            [Decimal("1"), lines["b"].pk, 6],
        )


def _cut_a_pagu_back_dated(lines):
    kegiatan_services.pagu_change(
        dpa=lines["b"], fase="refocusing", tanggal_berlaku=datetime.date(2026, 2, 1), pagu=JT
    )


def _undo_a_refocusing(lines):
    RiwayatPagu.objects.filter(dpa=lines["a"], fase="refocusing").delete()


def _delete_a_line(lines):
    DPA.objects.filter(pk=lines["b"].pk).delete()


WRITES = [
    _submit_a_new_month,
    _update_money_of_a_reported_row,
    _return_a_row_to_the_pd,
    _submit_a_draft,
    _delete_a_reported_row,
    _bulk_create_reports,
    _change_a_target_by_raw_sql,
    _cut_a_pagu_back_dated,
    _undo_a_refocusing,
    _delete_a_line,
]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_every_way_of_writing_shows_in_the_very_next_figures(lines, write):
    before = {
        "pemda": figures.angka_pemda(JUNI),
        "per_pd": figures.angka_per(JUNI, "perangkat_daerah__kode"),
        "kurva": figures.kurva_s(2026),
    }
    write(lines)
    after = {
        "pemda": figures.angka_pemda(JUNI),
        "per_pd": figures.angka_per(JUNI, "perangkat_daerah__kode"),
        "kurva": figures.kurva_s(2026),
    }
    assert after["pemda"] != before["pemda"]
    assert after["kurva"] != before["kurva"]
    assert after == {
        "pemda": live(figures.angka_pemda, JUNI),
        "per_pd": live(figures.angka_per, JUNI, "perangkat_daerah__kode"),
        "kurva": live(figures.kurva_s, 2026),
    }


def test_a_changed_code_regroups_the_figures(lines, dinkes, apbd):
    by_pd = figures.angka_per(JUNI, "perangkat_daerah__kode")
    by_source = figures.angka_per(JUNI, "sumber_dana__kode")
    PerangkatDaerah.objects.filter(pk=dinkes.pk).update(kode="9.99.0.00.0.00.01.0000")
    SumberDana.objects.filter(pk=apbd.pk).update(kode="APBD-X")
    assert "9.99.0.00.0.00.01.0000" not in by_pd
    assert "9.99.0.00.0.00.01.0000" in figures.angka_per(JUNI, "perangkat_daerah__kode")
    assert set(figures.angka_per(JUNI, "sumber_dana__kode")) == {"APBD-X"} != set(by_source)


def test_saving_a_draft_keeps_every_cached_figure(lines, django_assert_num_queries):
    figures.angka_pemda(JUNI)
    state = tokens()
    report(lines["b"], 7, 50, 0, status=Realisasi.Status.DRAFT)
    Realisasi.objects.filter(dpa=lines["b"], bulan=4).update(kendala="Menunggu cuaca")
    assert tokens() == state
    with django_assert_num_queries(2):
        figures.angka_pemda(JUNI)


def test_a_report_of_this_year_keeps_last_years_figures_cached(lines, django_assert_num_queries):
    last_year = figures.angka_pemda(JUNI.tahun_lalu)
    state = tokens()
    _submit_a_new_month(lines)
    changed = {tahun for tahun, token in tokens().items() if state.get(tahun) != token}
    assert changed == {2026}
    with django_assert_num_queries(2):
        assert figures.angka_pemda(JUNI.tahun_lalu) == last_year


def test_a_rolled_back_write_is_never_served(lines):
    before = figures.angka_pemda(JUNI)
    with transaction.atomic():
        _update_money_of_a_reported_row(lines)
        inside = figures.angka_pemda(JUNI)  # sees its own write, caches nothing
        transaction.set_rollback(True)
    assert inside != before
    assert figures.angka_pemda(JUNI) == before == live(figures.angka_pemda, JUNI)


def test_an_emptied_version_table_starts_new_tokens(lines):
    before = figures.angka_pemda(JUNI)
    VersiAngka.objects.all().delete()
    Realisasi.objects.filter(dpa=lines["b"], bulan=6).update(realisasi_keuangan=1200 * JT)
    VersiAngka.objects.filter(tahun=2026).delete()  # as if the triggers had not run
    after = figures.angka_pemda(JUNI)
    assert after != before
    assert after == live(figures.angka_pemda, JUNI)


def test_operators_of_two_pd_never_see_each_others_cached_figures(
    july_5, lines, operator_dinkes, operator_dpupr
):
    """On 5 July the home page shows June, where both PD have figures of their own."""
    seen = {}
    for user in (operator_dinkes, operator_dpupr, operator_dinkes):
        client = Client()
        client.force_login(user)
        response = client.get("/")
        assert response.status_code == 200
        periode = response.context["periode"]
        headline = response.context["headline"]
        expected = live(figures.angka_pemda, periode, access.dpa_for(user))
        assert headline.sekarang == expected
        seen.setdefault(user.username, headline.sekarang)
        assert seen[user.username] == headline.sekarang
    assert seen["operator_dinkes"] != seen["operator_dpupr"]
