"""Reports 1–8 and the dashboard: figures against hand-computed values, rows adding up to the
pemda, colours, filters, scoping, and a constant number of queries whatever the data size."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kegiatan.models import DPA, RKO, RiwayatPagu
from laporan import reports
from laporan.models import AmbangTriwulan, AturanWarna
from laporan.periode import Periode
from laporan.warna import Pewarna, Warna
from pengadaan.models import PaketPengadaan
from realisasi.models import Realisasi

from .builders import JT, make_dpa, make_pd, make_sub_kegiatan, report

JUNE = Periode(2026, 6)
REPORTS = [
    "laporan:rekap-pemda",
    "laporan:rekap-pd",
    "laporan:rekap-sumber-dana",
    "laporan:detail-pd",
    "laporan:kurva-s",
    "laporan:kendala",
    "laporan:kepatuhan",
    "laporan:pengadaan",
]


@pytest.fixture
def pemda_lines(lines, dinkes, dak, pemda):
    """``lines`` plus a DAK line of Dinkes and a PD that existed only last year."""
    dak_line = make_dpa(dinkes, make_sub_kegiatan("1.02.02.2.01.0014"), dak, 400 * JT)
    report(dak_line, 6, 10, 40 * JT)
    bpbd = make_pd("1.05.03", "BPBD", "Badan Penanggulangan Bencana Daerah", aktif=False)
    old = make_dpa(bpbd, make_sub_kegiatan("1.05.03.2.01.0001"), dak, 200 * JT, tahun=2025)
    report(old, 6, 30, 20 * JT)
    Realisasi.objects.filter(dpa=lines["a"], bulan=5).update(kendala="Tender gagal", solusi="Ulang")
    return {**lines, "dak": dak_line, "bpbd": bpbd}


def by_kode(rekap):
    return {row.kode: row for row in rekap.baris}


def test_rekap_per_pd_matches_the_hand_computation(pemda_lines):
    rekap = reports.rekap_per_pd(JUNE, DPA.objects.all())
    rows = by_kode(rekap)
    dinkes, dpupr, bpbd = rows["1.02.01"], rows["1.03.01"], rows["1.05.03"]
    # Dinkes: A (600 jt after the cut, fisik 40) and the DAK line (400 jt, fisik 10).
    assert dinkes.sekarang.pagu == 1000 * JT
    assert dinkes.sekarang.fisik == Decimal(28)  # (600·40 + 400·10) / 1000
    assert dinkes.sekarang.keuangan == 190 * JT
    assert dinkes.bobot == Decimal(1000) / Decimal(4000) * 100
    assert dinkes.ttb == Decimal(7)  # 28 × 25 / 100
    # DPUPR: B (3 M, fisik 45) and C (pagu 0, no weight).
    assert dpupr.sekarang.fisik == Decimal(45)
    assert dpupr.ttb == Decimal("33.75")
    assert dpupr.tahun_lalu is None  # no DPUPR line last year
    # BPBD existed only last year: no figures now, last year's kept.
    assert bpbd.sekarang.pagu == 0 and bpbd.sekarang.fisik is None
    assert bpbd.tahun_lalu.fisik == Decimal(30)
    assert bpbd.peringkat is None and bpbd.warna is None
    assert (dpupr.peringkat, dinkes.peringkat) == (1, 2)


def test_per_pd_rows_add_up_to_the_pemda_row(pemda_lines):
    rekap = reports.rekap_per_pd(JUNE, DPA.objects.all())
    total = rekap.total.sekarang
    assert sum(row.sekarang.pagu for row in rekap.baris) == total.pagu
    assert sum(row.sekarang.keuangan for row in rekap.baris) == total.keuangan
    assert sum(row.sekarang.target_keuangan for row in rekap.baris) == total.target_keuangan
    assert sum(row.ttb for row in rekap.baris) == pytest.approx(total.fisik, abs=Decimal("1e-20"))
    assert sum(row.bobot for row in rekap.baris) == Decimal(100)
    assert total.fisik == Decimal("40.75")  # (600·40 + 400·10 + 3000·45) / 4000


def test_rekap_per_sumber_dana_groups_lines_by_their_source(pemda_lines, apbd, dak):
    rows = by_kode(reports.rekap_per_sumber_dana(JUNE, DPA.objects.all()))
    assert rows["PAD"].sekarang.pagu == 3600 * JT
    assert rows["PAD"].sekarang.fisik == Decimal(159000) / Decimal(3600)
    assert rows["DAKF"].sekarang.pagu == 400 * JT
    assert rows["DAKF"].tahun_lalu.fisik == Decimal(30)


def test_detail_pd_nests_program_kegiatan_and_lines_with_subtotals(pemda_lines, dinkes):
    nodes, total = reports.detail_pd(JUNE, DPA.objects.filter(perangkat_daerah=dinkes))
    (program,) = nodes
    assert program.kode == "1.02.02"
    (kegiatan,) = program.anak
    assert [line.dpa.sub_kegiatan.kode for line in kegiatan.anak] == [
        "1.02.02.2.01.0002",
        "1.02.02.2.01.0014",
    ]
    assert kegiatan.angka.fisik == total.sekarang.fisik == Decimal(28)
    assert sum(line.ttb for line in kegiatan.anak) == Decimal(28)
    puskesmas = kegiatan.anak[0]
    assert puskesmas.fisik_dilaporkan == Decimal(40)  # May's value carried over June
    assert puskesmas.tercapai is False


def test_kurva_s_follows_the_months(pemda_lines):
    kurva = reports.kurva_s(JUNE, DPA.objects.all())
    assert len(kurva.sekarang) == len(kurva.tahun_lalu) == 12
    assert kurva.sekarang[2].pagu == 4400 * JT  # March: before the cut
    assert kurva.sekarang[5].pagu == 4000 * JT  # June: after it
    assert kurva.tahun_lalu[5].fisik is not None


def test_kendala_lists_reported_obstacles_only(pemda_lines):
    rows = list(reports.kendala(Periode(2026, 5), DPA.objects.all()))
    assert [(row.perangkat_daerah.singkatan, row.kendala_bulan) for row in rows] == [
        ("DINKES", "Tender gagal")
    ]
    assert rows[0].deviasi == Decimal(40) - Decimal("41.67")
    assert list(reports.kendala(JUNE, DPA.objects.all())) == []


def test_kepatuhan_counts_each_pds_lines_by_state(pemda_lines, dinkes, dpupr):
    from perangkat_daerah.models import PerangkatDaerah

    rows = {
        row.perangkat_daerah.singkatan: row
        for row in reports.kepatuhan(JUNE, DPA.objects.all(), PerangkatDaerah.objects.all())
    }
    assert set(rows) == {"DINKES", "DPUPR"}  # BPBD has no line this year
    assert (rows["DINKES"].jumlah_dpa, rows["DINKES"].diverifikasi, rows["DINKES"].belum_diisi) == (
        2,
        1,
        1,
    )
    assert rows["DPUPR"].sudah_lapor is True
    assert rows["DINKES"].sudah_lapor is False


def test_progres_pengadaan_counts_packages_per_stage(pemda_lines):
    PaketPengadaan.objects.create(
        dpa=pemda_lines["a"],
        nama="Puskesmas",
        metode="tender",
        tahap="kontrak",
        hps=500 * JT,
        nilai_kontrak=450 * JT,
    )
    PaketPengadaan.objects.create(dpa=pemda_lines["b"], nama="Jalan", metode="tender")
    rows, total = reports.progres_pengadaan(JUNE, DPA.objects.all())
    assert total["jumlah"] == 2 and total["tahap_kontrak"] == 1 and total["tahap_perencanaan"] == 1
    assert total["nilai_kontrak"] == 450 * JT
    assert [row["jumlah"] for row in rows] == [1, 1]


# --- Colours -----------------------------------------------------------------------------


def test_deviation_colours_use_the_defaults(pemda_lines):
    rows = by_kode(reports.rekap_per_pd(JUNE, DPA.objects.all()))
    assert rows["1.03.01"].warna == Warna.KUNING  # deviasi −5
    assert rows["1.02.01"].warna == Warna.MERAH  # deviasi −22


def test_triwulan_bands_colour_the_realisation(pemda_lines):
    AturanWarna.objects.create(gaya=AturanWarna.Gaya.TRIWULAN)
    rows = by_kode(reports.rekap_per_pd(JUNE, DPA.objects.all()))
    assert rows["1.03.01"].warna == Warna.HIJAU_TUA  # 45 ≥ 45 in TW II
    assert rows["1.02.01"].warna == Warna.MERAH_MUDA  # 28: ≥ 26, < 33
    AmbangTriwulan.objects.create(triwulan=2, hijau_tua=90, hijau_muda=80, kuning=70, merah_muda=60)
    assert Pewarna.for_bulan(6).warna(rows["1.03.01"].sekarang) == Warna.MERAH


# --- Pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor", "operator_dinkes"])
def test_every_report_opens_for_every_role(client, personas, pemda_lines, name, role):
    client.force_login(personas[role])
    response = client.get(reverse(name), {"tahun": 2026, "bulan": 6})
    assert response.status_code == 200
    assert "Posisi akhir Juni 2026" in response.text


@pytest.mark.parametrize("name", REPORTS)
def test_reports_need_a_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@pytest.mark.parametrize(
    "query",
    [
        {"tahun": "abc"},
        {"tahun": 2026, "bulan": 13},
        {"tahun": 2026, "triwulan": 9},
        {"tahun": 2026, "perangkat_daerah": "x"},
        {"tahun": 2026, "sumber_dana": 99999},
    ],
)
def test_a_bad_query_string_gets_a_message_and_the_default_report(
    client, pimpinan, pemda_lines, query
):
    client.force_login(pimpinan)
    response = client.get(reverse("laporan:rekap-pd"), query)
    assert response.status_code == 200
    assert "Filter tidak valid" in response.text


def test_an_operator_sees_only_their_pd_even_when_asking_for_another(
    client, operator_dinkes, dpupr, pemda_lines
):
    client.force_login(operator_dinkes)
    text = client.get(reverse("laporan:rekap-pd"), {"tahun": 2026, "bulan": 6}).text
    assert "Dinas Kesehatan" in text and "Dinas Pekerjaan Umum" not in text
    crafted = client.get(
        reverse("laporan:detail-pd"), {"tahun": 2026, "bulan": 6, "perangkat_daerah": dpupr.pk}
    )
    assert "Filter tidak valid" in crafted.text
    assert "Rehabilitasi Jalan" not in crafted.text


def test_triwulan_selects_the_quarters_last_month(client, pimpinan, pemda_lines):
    client.force_login(pimpinan)
    response = client.get(reverse("laporan:rekap-pemda"), {"tahun": 2026, "triwulan": 1})
    assert "Posisi akhir Maret 2026" in response.text


def test_the_rekap_shows_bobot_ttb_and_the_total(client, pimpinan, pemda_lines):
    client.force_login(pimpinan)
    text = client.get(reverse("laporan:rekap-pd"), {"tahun": 2026, "bulan": 6}).text
    assert "Bobot (%)" in text and "TTB" in text
    assert "40,75" in text  # the pemda's fisik: Σ TTB


def test_the_print_layout_names_the_pemda_period_and_print_date(
    client, pimpinan, pemda_lines, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 30))
    client.force_login(pimpinan)
    text = client.get(reverse("laporan:kurva-s"), {"tahun": 2026, "bulan": 6}).text
    assert "Pemerintah Kabupaten Uji" in text
    assert "Dicetak 20 Juli 2026" in text
    assert "<svg" in text and "<polyline" in text


# --- Query counts --------------------------------------------------------------------------


def grow(n_pd: int, lines_per_pd: int, apbd):
    """Add PD with lines, targets and realisations in bulk (the shape, not the hand values)."""
    from perangkat_daerah.models import PerangkatDaerah

    pds = PerangkatDaerah.objects.bulk_create(
        PerangkatDaerah(kode=f"9.{i:02d}.01", nama=f"Dinas Uji {i}", singkatan=f"DU{i}")
        for i in range(n_pd)
    )
    subs = [make_sub_kegiatan(f"9.01.02.2.01.{j:04d}") for j in range(1, lines_per_pd + 1)]
    for tahun in (2025, 2026):
        dpas = DPA.objects.bulk_create(
            DPA(tahun=tahun, perangkat_daerah=pd, sub_kegiatan=sub, sumber_dana=apbd, pagu=12 * JT)
            for pd in pds
            for sub in subs
        )
        RiwayatPagu.objects.bulk_create(
            RiwayatPagu(
                dpa=d, fase="murni", tanggal_berlaku=datetime.date(tahun, 1, 1), pagu=d.pagu
            )
            for d in dpas
        )
        RKO.objects.bulk_create(
            RKO(dpa=d, bulan=m, target_fisik=Decimal(m * 8 if m < 12 else 100), target_keuangan=JT)
            for d in dpas
            for m in range(1, 13)
        )
        Realisasi.objects.bulk_create(
            Realisasi(
                dpa=d,
                bulan=m,
                realisasi_fisik=Decimal(m * 7),
                realisasi_keuangan=JT,
                status="diverifikasi",
                kendala="Hujan" if m == 6 else "",
            )
            for d in dpas
            for m in range(1, 7)
        )


@pytest.mark.parametrize("name", REPORTS)
def test_report_queries_do_not_grow_with_the_data(
    client, admin_user, pemda_lines, apbd, name, django_assert_max_num_queries
):
    client.force_login(admin_user)
    query = {"tahun": 2026, "bulan": 6}
    if name == "laporan:detail-pd":
        query["perangkat_daerah"] = pemda_lines["b"].perangkat_daerah_id
    with django_assert_max_num_queries(40) as small:
        assert client.get(reverse(name), query).status_code == 200
    grow(12, 8, apbd)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        assert client.get(reverse(name), query).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_dashboard_queries_do_not_grow_with_the_data(
    client, pimpinan, pemda_lines, apbd, django_assert_max_num_queries, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0))
    client.force_login(pimpinan)
    with django_assert_max_num_queries(60) as small:
        client.get(reverse("beranda"))
    grow(12, 8, apbd)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("beranda"))
    assert "10 PD dengan deviasi fisik terbesar" in response.text


def test_the_admin_sets_the_colour_rules_in_the_master_data(client, admin_user, pimpinan):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:laporan_aturanwarna_add"),
        {"gaya": "deviasi", "indikator": "fisik", "batas_hijau": "0", "batas_kuning": "5"},
    )
    assert response.status_code == 200  # refused: kuning above hijau
    assert "Batas kuning harus lebih kecil atau sama dengan batas hijau" in response.text
    assert not AturanWarna.objects.exists()
    client.post(
        reverse("admin:laporan_aturanwarna_add"),
        {"gaya": "triwulan", "indikator": "keuangan", "batas_hijau": "0", "batas_kuning": "-5"},
    )
    assert AturanWarna.current().gaya == "triwulan"
    client.force_login(pimpinan)
    assert client.get(reverse("admin:laporan_aturanwarna_changelist")).status_code == 302
