"""The benchmark's parts at tiny scale: the large-pemda generator, the hand-written SQL (it must
give the reports' own figures, or the ratio page ÷ SQL means nothing), the one-query Kurva S and
the rekap totals, and the measuring functions of bench/measure.py. No timing is asserted here.

The data are built once for the module and flushed when it is done, as in test_demo.py.
"""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from bench import sql as bench_sql
from bench.load import ringkas
from bench.measure import POLA_VERSI, Bench, bersihkan, persentil
from kegiatan.models import DPA, RKO
from laporan import figures, reports
from laporan.periode import Periode
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

TAHUN, BULAN_BERJALAN = 2026, 11
OKTOBER = Periode(TAHUN, 10)
SIZE = {"pd": 5, "dpa": 180, "tahun": 3}  # Dinkes gets its 150 lines, the four others 30


@pytest.fixture(scope="module")
def besar(django_db_setup, django_db_blocker):
    traveller = time_machine.travel(datetime.datetime(2026, 11, 20, 10, 0), tick=False)
    traveller.start()
    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command(
            "data_besar",
            tahun_berjalan=TAHUN,
            bulan_berjalan=BULAN_BERJALAN,
            stdout=out,
            **SIZE,
        )
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
    traveller.stop()


def fingerprint():
    lines = sorted(
        DPA.objects.values_list(
            "tahun", "perangkat_daerah__kode", "sub_kegiatan__kode", "sumber_dana__kode", "pagu"
        )
    )
    money = Realisasi.objects.aggregate(total=Sum("realisasi_keuangan"))["total"]
    return lines, money, RKO.objects.count(), Realisasi.objects.count()


def rounded(angka):
    """An Angka's figures to 1/10 000 of a point (SQLite sums in floats)."""
    q = Decimal("0.0001")
    return tuple(
        None if v is None else Decimal(v).quantize(q)
        for v in (
            angka.pagu,
            angka.target_fisik,
            angka.fisik,
            angka.target_keuangan,
            angka.keuangan,
        )
    )


def from_sql_row(periode, row):
    sums = dict(zip(figures.GROUP_SUMS, (figures._from_db(v) for v in row), strict=True))
    return figures.Angka.from_sums(periode, sums)


# --- the generator ----------------------------------------------------------------------------


def test_it_builds_the_requested_size_every_year(besar, db):
    for tahun in (TAHUN - 2, TAHUN - 1, TAHUN):
        assert DPA.objects.filter(tahun=tahun).count() == SIZE["dpa"]
    assert DPA.objects.filter(tahun=TAHUN).values("perangkat_daerah").distinct().count() == 5
    assert RKO.objects.count() == 12 * 3 * SIZE["dpa"]
    assert "Data besar selesai" in besar


def test_the_entry_pd_has_150_lines_and_its_last_month_in_draft(besar, db):
    dinkes = PerangkatDaerah.objects.get(singkatan="Dinkes")
    assert DPA.objects.filter(perangkat_daerah=dinkes, tahun=TAHUN).count() == 150
    statuses = set(
        Realisasi.objects.filter(
            dpa__perangkat_daerah=dinkes, dpa__tahun=TAHUN, bulan=10
        ).values_list("status", flat=True)
    )
    assert statuses == {Realisasi.Status.DRAFT}


def test_older_years_are_complete_and_verified(besar, db):
    for tahun in (TAHUN - 2, TAHUN - 1):
        rows = Realisasi.objects.filter(dpa__tahun=tahun)
        assert rows.count() == 12 * SIZE["dpa"]
        assert set(rows.values_list("status", flat=True)) == {Realisasi.Status.DIVERIFIKASI}


def test_running_it_again_gives_the_same_data(besar, db):
    before = fingerprint()
    call_command(
        "data_besar",
        tahun_berjalan=TAHUN,
        bulan_berjalan=BULAN_BERJALAN,
        stdout=io.StringIO(),
        **SIZE,
    )
    assert fingerprint() == before


def test_it_refuses_fewer_lines_than_pd(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--dpa"):
        call_command("data_besar", pd=5, dpa=3, stdout=io.StringIO())


# --- the figures the benchmark relies on ------------------------------------------------------


@pytest.mark.parametrize("tahun", [TAHUN, TAHUN - 1])
def test_kurva_s_in_one_query_gives_the_figures_of_each_month(besar, db, tahun):
    dinkes = PerangkatDaerah.objects.get(singkatan="Dinkes")
    for lines in (None, DPA.objects.filter(perangkat_daerah=dinkes)):
        with CaptureQueriesContext(connection) as queries:
            kurva = figures.kurva_s(tahun, lines)
        month_by_month = [figures.angka_pemda(Periode(tahun, m), lines) for m in range(1, 13)]
        assert kurva == month_by_month
        selects = [q for q in queries if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]
        assert len(selects) == 1


def test_kurva_s_of_no_lines_is_twelve_empty_months(besar, db):
    kurva = figures.kurva_s(TAHUN, DPA.objects.none())
    assert [a.pagu for a in kurva] == [0] * 12
    assert all(a.fisik is None for a in kurva)


def test_the_rekap_total_is_the_pemda_figure(besar, db):
    rekap = reports.rekap_per_pd(OKTOBER, DPA.objects.all())
    assert rounded(rekap.total.sekarang) == rounded(figures.angka_pemda(OKTOBER))
    assert rounded(rekap.total.tahun_lalu) == rounded(figures.angka_pemda(OKTOBER.tahun_lalu))
    sumber = reports.rekap_per_sumber_dana(OKTOBER, DPA.objects.all())
    assert rounded(sumber.total.sekarang) == rounded(figures.angka_pemda(OKTOBER))


def test_the_hand_written_sql_gives_the_reports_figures(besar, db):
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute(bench_sql.angka_per(vendor, TAHUN, 10, "pd"))
        by_sql = {row[0]: rounded(from_sql_row(OKTOBER, row[1:])) for row in cursor.fetchall()}
        cursor.execute(bench_sql.kurva_s(vendor, TAHUN - 1))
        kurva_sql = [rounded(from_sql_row(OKTOBER, row[1:])) for row in cursor.fetchall()]
    by_orm = figures.angka_per(OKTOBER, "perangkat_daerah__kode")
    assert by_sql == {kode: rounded(angka) for kode, angka in by_orm.items()}
    assert kurva_sql == [rounded(a) for a in figures.kurva_s(TAHUN - 1)]


# --- the measuring functions ------------------------------------------------------------------


def test_the_benchmark_measures_every_page_the_entry_and_the_excel_files(besar, db):
    bench = Bench(ulang=1, anggaran=0)
    hasil = bench.semua()
    names = {h.nama for h in hasil}
    assert {"beranda", "rekap-pd", "kurva-s", "detail-pd", "entri: buka", "entri: simpan"} <= names
    assert {"beranda (dingin)", "beranda (sesudah lapor)", "kurva-s (dingin)"} <= names
    for h in hasil:
        if h.grup.startswith("laporan"):
            assert h.n >= 1 and h.median_ms > 0 and h.queries > 0
            assert h.sql_ms > 0 and h.rasio is not None
    entri = next(h for h in hasil if h.nama == "entri: buka")
    assert "150 baris isian" in entri.catatan
    impor = {h.nama: h for h in hasil if h.grup == "impor"}
    assert impor["impor DPA: terapkan"].catatan.startswith(f"{SIZE['dpa']} baris DPA dibuat")
    assert not DPA.objects.filter(tahun=TAHUN + 1).exists()  # the import was rolled back
    draft = Realisasi.objects.filter(dpa__perangkat_daerah=bench.pd_entri, bulan=10)
    assert draft.filter(kendala__startswith="Menunggu hasil lelang ulang").count() == 150


def test_the_load_tests_operator_finds_every_row_of_the_entry_page(besar, db):
    bench = Bench(ulang=1, anggaran=0)
    page = bench.get(bench.operator.username, bench.url_entri())
    assert len(POLA_VERSI.findall(page)) == 150


def test_cleaning_up_removes_only_the_current_months_drafts(besar, db):
    line = DPA.objects.filter(tahun=TAHUN).first()
    Realisasi.objects.create(dpa=line, bulan=11, realisasi_fisik=100, realisasi_keuangan=0)
    before = Realisasi.objects.count()
    assert bersihkan() == 1
    assert Realisasi.objects.count() == before - 1


def test_percentiles_and_the_load_summary():
    samples = [float(i) for i in range(1, 101)]
    assert persentil(samples, 50) == 50
    assert persentil(samples, 95) == 95
    assert persentil([7.0], 99) == 7
    summary = ringkas({"sampel": {"halaman": samples, "login": []}, "galat": {"halaman": 2}}, 10)
    assert summary == {
        "halaman": {"n": 100, "rps": 10.0, "p50": 50, "p95": 95, "p99": 99, "galat": 2}
    }
