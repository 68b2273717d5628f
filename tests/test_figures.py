"""The figures of DESIGN.md computed by laporan.figures, checked against values worked out by hand
for the ``lines`` fixture (see tests/conftest.py)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from laporan import figures
from laporan import format as fmt
from laporan.periode import Periode, default_periode

from .builders import JT


def test_june_weights_fisik_by_the_pagu_in_force_after_the_cut(lines):
    angka = figures.angka_pemda(Periode(2026, 6))
    assert angka.pagu == 3600 * JT
    # (600·40 + 3000·45 + 0·80) / 3600: A carries May's 40% over June; C weighs nothing.
    assert angka.fisik == Decimal(159000) / Decimal(3600)
    assert fmt.persen(angka.fisik) == "44,17%"
    assert angka.target_fisik == Decimal(50)
    assert angka.keuangan == 1050 * JT  # the April draft does not count
    assert fmt.persen(angka.keuangan_persen) == "29,17%"
    # target money: A 6 × 83.333.333 + B 6 × 250.000.000
    assert angka.target_keuangan == Decimal(499_999_998) + 1500 * JT
    assert angka.sisa_anggaran == 2550 * JT
    assert angka.deviasi_fisik == angka.fisik - Decimal(50)
    assert angka.fisik_tercapai is False


def test_march_uses_the_pagu_before_the_cut_and_zero_for_an_unreported_line(lines):
    angka = figures.angka_pemda(Periode(2026, 3))
    assert angka.pagu == 4000 * JT
    assert angka.fisik == Decimal(5)  # 1000·20 / 4000; B has not reported yet
    assert angka.target_fisik == Decimal(25)
    assert angka.keuangan_persen == Decimal("2.5")


def test_a_group_is_any_queryset_of_lines(lines, dinkes):
    from kegiatan.models import DPA

    angka = figures.angka_pemda(Periode(2026, 6), DPA.objects.filter(perangkat_daerah=dinkes))
    assert angka.pagu == 600 * JT
    assert angka.fisik == Decimal(40)
    assert angka.keuangan == 150 * JT


def test_a_year_without_lines_has_no_percentages(db):
    angka = figures.angka_pemda(Periode(2026, 6))
    assert angka.pagu == 0
    assert angka.fisik is None
    assert angka.keuangan_persen is None
    assert fmt.persen(angka.fisik) == "–"


def test_the_headline_compares_with_the_same_month_last_year(lines):
    headline = figures.headline(Periode(2026, 6), "Kabupaten Uji")
    assert headline.tahun_lalu.fisik == Decimal(60)
    assert headline.fisik_vs_tahun_lalu < 0
    assert headline.keuangan_vs_tahun_lalu == headline.sekarang.keuangan_persen - 70


def test_the_home_page_reads_the_headline_sentence(client, lines, pimpinan, pemda, time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0))
    client.force_login(pimpinan)
    text = " ".join(client.get(reverse("beranda")).text.split())
    assert "Pemerintah Kabupaten Uji" in text
    assert "progres fisik 44,17%</strong> dari target 50,00%" in text
    assert "realisasi keuangan 29,17%" in text
    assert "lebih rendah</strong> dibandingkan periode yang sama tahun 2025" in text


def test_an_operators_home_shows_their_own_pd(client, lines, operator_dinkes, time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0))
    client.force_login(operator_dinkes)
    text = " ".join(client.get(reverse("beranda")).text.split())
    assert "Dinas Kesehatan mencatat" in text
    assert "progres fisik 40,00%</strong> dari target 50,00%" in text


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 7, 20), Periode(2026, 6)),
        (datetime.date(2026, 1, 5), Periode(2025, 12)),
        (datetime.date(2026, 12, 31), Periode(2026, 11)),
    ],
)
def test_reports_open_on_the_last_month_that_has_ended(today, expected):
    assert default_periode(today) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("41.355"), "41,36%"),
        (Decimal("44.77"), "44,77%"),
        (Decimal("0"), "0,00%"),
        (Decimal("100"), "100,00%"),
    ],
)
def test_percentages_are_written_the_indonesian_way(value, text):
    assert fmt.persen(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234567"), "Rp 1.234.567"),
        (Decimal("2615000000000"), "Rp 2.615.000.000.000"),
        (Decimal("999.5"), "Rp 1.000"),
        (Decimal("0"), "Rp 0"),
        (Decimal("-1500"), "Rp -1.500"),
    ],
)
def test_money_is_written_the_indonesian_way(value, text):
    assert fmt.rupiah(value) == text


def test_deviations_carry_a_sign():
    assert fmt.deviasi(Decimal("-3.41")) == "-3,41"
    assert fmt.deviasi(Decimal("1.2")) == "+1,20"
