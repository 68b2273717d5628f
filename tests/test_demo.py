"""``manage.py demo``: a believable pemda with two budget years, the same every time it runs.

The demo is built once for the module (it takes a few seconds); the tests read it inside their own
transaction, and the database is flushed when the module is done so other modules start clean.
"""

import datetime
import io
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum

from akun.models import Role, User
from demo import data
from kegiatan.models import DPA, RKO, RiwayatPagu, SumberDana, akhir_bulan
from laporan.figures import angka_pemda
from laporan.periode import Periode
from pengadaan.models import PaketPengadaan
from perangkat_daerah.models import Pemda, PerangkatDaerah
from realisasi.models import CatatanBulanan, KunciBulan, Realisasi

TAHUN, BULAN_BERJALAN = 2026, 11
LALU = TAHUN - 1
BULAN_TERAKHIR = BULAN_BERJALAN - 1  # the last month this year with reports


# Every test here uses the database, so pytest-django sets up the test database before the module
# fixture builds (and at the end flushes) the demo there; the fixture checks it to be sure.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The output of one run of the command (the data stays in the database for the module)."""
    from django.db import connection

    out = io.StringIO()
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or name == ":memory:" or "memory" in name, name
        call_command("demo", tahun=TAHUN, bulan_berjalan=BULAN_BERJALAN, stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def per_dpa(queryset, *fields):
    """{dpa_id: [row values…]} ordered by bulan."""
    rows = defaultdict(list)
    for dpa_id, *values in queryset.order_by("dpa_id", "bulan").values_list("dpa_id", *fields):
        rows[dpa_id].append(values)
    return rows


def riwayat_per_dpa():
    rows = defaultdict(list)
    for dpa_id, tanggal, pagu in RiwayatPagu.objects.order_by(
        "dpa_id", "tanggal_berlaku"
    ).values_list("dpa_id", "tanggal_berlaku", "pagu"):
        rows[dpa_id].append((tanggal, pagu))
    return rows


def pagu_at(riwayat, tahun, bulan):
    akhir = akhir_bulan(tahun, bulan)
    return [pagu for tanggal, pagu in riwayat if tanggal <= akhir][-1]


def fingerprint():
    lines = sorted(
        DPA.objects.values_list(
            "tahun", "perangkat_daerah__kode", "sub_kegiatan__kode", "sumber_dana__kode", "pagu"
        )
    )
    uang = Realisasi.objects.aggregate(total=Sum("realisasi_keuangan"))["total"]
    return lines, uang, PaketPengadaan.objects.count()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            PerangkatDaerah,
            SumberDana,
            User,
            DPA,
            RiwayatPagu,
            RKO,
            Realisasi,
            PaketPengadaan,
            KunciBulan,
            CatatanBulanan,
        )
    }


def headline_figures():
    figures = []
    for periode in (Periode(LALU, 6), Periode(TAHUN, 6), Periode(TAHUN, BULAN_TERAKHIR)):
        a = angka_pemda(periode)
        figures.append((a.pagu, a.fisik, a.target_fisik, a.keuangan, a.target_keuangan))
    return figures


# --- what it builds ------------------------------------------------------------------------------


def test_it_builds_a_kabupaten_of_real_agencies(demo, db):
    assert Pemda.current().nama == "Pemerintah Kabupaten Sukamaju"
    assert PerangkatDaerah.objects.count() >= 30
    singkatan = set(PerangkatDaerah.objects.values_list("singkatan", flat=True))
    assert {"Dinkes", "DPUPR", "Disdikbud", "RSUD", "Setda", "Inspektorat", "BPKPD"} <= singkatan


def test_each_year_has_at_least_400_dpa_lines_on_the_nomenclature(demo, db):
    for tahun in (LALU, TAHUN):
        lines = DPA.objects.filter(tahun=tahun)
        assert lines.count() >= 400
        assert not lines.filter(nama_sub_kegiatan="").exists()
        assert not lines.exclude(sub_kegiatan__kode__regex=r"^\d\.\d{2}\.\d{2}\.2\.\d{2}\.\d{4}$")
    assert DPA.objects.filter(sub_kegiatan__nama="Penyediaan Gaji dan Tunjangan ASN").exists()


def test_pagu_are_whole_rupiah_of_a_believable_apbd(demo, db):
    for tahun in (LALU, TAHUN):
        total = DPA.objects.filter(tahun=tahun).aggregate(total=Sum("pagu"))["total"]
        assert Decimal("1.5e12") <= total <= Decimal("2.5e12")
    assert all(p == p.to_integral_value() for p in DPA.objects.values_list("pagu", flat=True))


def test_it_funds_lines_from_at_least_four_groups_of_sumber_dana(demo, db):
    kelompok = set(DPA.objects.values_list("sumber_dana__kelompok", flat=True))
    assert len(kelompok) >= 4
    kode = set(DPA.objects.values_list("sumber_dana__kode", flat=True))
    assert {"DAK-FR", "DAK-NF-BOS", "BANKEU-PROV", "BLUD"} <= kode


def test_a_pd_present_in_only_one_year(demo, db):
    lama = PerangkatDaerah.objects.get(singkatan="Disdag")
    baru = PerangkatDaerah.objects.get(singkatan="Disperindag")
    assert not lama.aktif
    assert set(lama.dpa.values_list("tahun", flat=True)) == {LALU}
    assert set(baru.dpa.values_list("tahun", flat=True)) == {TAHUN}


# --- the plan ------------------------------------------------------------------------------------


def test_every_line_has_twelve_months_of_rko_summing_to_its_pagu(demo, db):
    rko = per_dpa(RKO.objects.all(), "bulan", "target_fisik", "target_keuangan")
    pagu = dict(DPA.objects.values_list("pk", "pagu"))
    assert set(rko) == set(pagu)
    for dpa_id, months in rko.items():
        assert [m for m, _, _ in months] == list(range(1, 13))
        fisik = [f for _, f, _ in months]
        assert fisik == sorted(fisik), dpa_id
        assert fisik[-1] == Decimal(100)
        assert sum(uang for _, _, uang in months) == pagu[dpa_id]


def test_the_rko_is_s_shaped(demo, db):
    juni = angka_pemda(Periode(TAHUN, 6))
    maret = angka_pemda(Periode(TAHUN, 3))
    september = angka_pemda(Periode(TAHUN, 9))
    assert maret.target_fisik < 25 < juni.target_fisik < 55 < september.target_fisik


def test_dpa_pagu_is_the_latest_riwayat_pagu(demo, db):
    riwayat = riwayat_per_dpa()
    for dpa_id, pagu in DPA.objects.values_list("pk", "pagu"):
        assert riwayat[dpa_id][0][0].month == 1  # murni from January
        assert riwayat[dpa_id][-1][1] == pagu


def test_last_year_has_a_refocusing_cut_in_may_and_an_apbd_p(demo, db):
    refocusing = RiwayatPagu.objects.filter(dpa__tahun=LALU, fase=RiwayatPagu.Fase.REFOCUSING)
    assert {r.tanggal_berlaku.month for r in refocusing} == {5}
    share = refocusing.count() / DPA.objects.filter(tahun=LALU).count()
    assert 0.2 <= share <= 0.35
    perubahan = RiwayatPagu.objects.filter(dpa__tahun=LALU, fase=RiwayatPagu.Fase.PERUBAHAN)
    assert perubahan.exists()
    assert {r.tanggal_berlaku.month for r in perubahan} <= {9, 10}


# --- the realisations ----------------------------------------------------------------------------


def test_realisations_never_go_backwards_nor_above_the_pagu_in_force(demo, db):
    riwayat = riwayat_per_dpa()
    tahun = dict(DPA.objects.values_list("pk", "tahun"))
    rows = per_dpa(Realisasi.objects.all(), "bulan", "realisasi_fisik", "realisasi_keuangan")
    for dpa_id, months in rows.items():
        fisik_sebelum, kumulatif = Decimal(0), Decimal(0)
        for bulan, fisik, uang in months:
            assert fisik_sebelum <= fisik <= 100
            kumulatif += uang
            assert kumulatif <= pagu_at(riwayat[dpa_id], tahun[dpa_id], bulan)
            fisik_sebelum = fisik


def test_last_year_is_twelve_verified_months_ending_near_100(demo, db):
    lalu = Realisasi.objects.filter(dpa__tahun=LALU)
    assert set(lalu.values_list("status", flat=True)) == {Realisasi.Status.DIVERIFIKASI}
    assert lalu.count() == 12 * DPA.objects.filter(tahun=LALU).count()
    desember = angka_pemda(Periode(LALU, 12))
    assert 97 < desember.fisik < 100
    assert 88 < desember.keuangan_persen < 100
    assert lalu.filter(bulan=12, realisasi_fisik__lt=100).exists()


def test_this_year_is_verified_then_submitted_returned_or_missing(demo, db):
    ini = Realisasi.objects.filter(dpa__tahun=TAHUN)
    assert not ini.filter(bulan__gte=BULAN_BERJALAN).exists()
    assert set(ini.filter(bulan__lt=BULAN_TERAKHIR).values_list("status", flat=True)) == {
        Realisasi.Status.DIVERIFIKASI
    }
    terakhir = ini.filter(bulan=BULAN_TERAKHIR)
    status = defaultdict(set)
    for pd, s in terakhir.values_list("dpa__perangkat_daerah__singkatan", "status"):
        status[pd].add(s)
    diajukan = [pd for pd, s in status.items() if s == {Realisasi.Status.DIAJUKAN}]
    dikembalikan = [pd for pd, s in status.items() if s == {Realisasi.Status.DIKEMBALIKAN}]
    assert len(diajukan) > len(status) / 2
    assert len(dikembalikan) == 2
    assert not terakhir.filter(status=Realisasi.Status.DIKEMBALIKAN, catatan_verifikasi="")
    with_lines = set(
        DPA.objects.filter(tahun=TAHUN).values_list("perangkat_daerah__singkatan", flat=True)
    )
    assert 3 <= len(with_lines - set(status)) <= 4


def test_submissions_say_who_and_when_from_the_period(demo, db):
    verified = Realisasi.objects.filter(status=Realisasi.Status.DIVERIFIKASI)
    assert not verified.filter(diverifikasi_oleh__isnull=True).exists()
    assert not verified.filter(diubah_oleh__role__in=[Role.ADMIN, Role.PIMPINAN]).exists()
    one = verified.filter(dpa__tahun=LALU, bulan=3).select_related("dpa__perangkat_daerah")[0]
    assert one.diubah_oleh.perangkat_daerah == one.dpa.perangkat_daerah
    assert datetime.date(LALU, 4, 1) <= one.diajukan_pada.date() <= one.diverifikasi_pada.date()
    assert one.diubah_pada == one.diverifikasi_pada
    assert not Realisasi.objects.filter(diajukan_pada__year__gt=TAHUN).exists()


def test_lines_behind_target_explain_why(demo, db):
    target = {
        (dpa_id, bulan): fisik
        for dpa_id, bulan, fisik in RKO.objects.values_list("dpa_id", "bulan", "target_fisik")
    }
    behind = 0
    for dpa_id, bulan, fisik, kendala, solusi in Realisasi.objects.values_list(
        "dpa_id", "bulan", "realisasi_fisik", "kendala", "solusi"
    ):
        if target[(dpa_id, bulan)] - fisik > 5:
            behind += 1
            assert kendala and solusi
    assert behind > 100


# --- the headline --------------------------------------------------------------------------------


def test_june_looks_like_a_real_rakor_and_is_lower_than_last_year(demo, db):
    juni = angka_pemda(Periode(TAHUN, 6))
    juni_lalu = angka_pemda(Periode(LALU, 6))
    assert 40 <= juni.fisik <= 47
    assert 44 <= juni.target_fisik <= 52
    assert 27 <= juni.keuangan_persen <= 35
    assert juni.fisik < juni.target_fisik
    assert juni.keuangan_persen < juni.fisik
    assert juni.fisik < juni_lalu.fisik


# --- procurement, locks ---------------------------------------------------------------------------


def test_procurement_packages_follow_the_construction_and_goods_lines(demo, db):
    paket = PaketPengadaan.objects.all()
    assert 100 <= paket.count() <= 250
    for p in paket.exclude(nilai_kontrak=None):
        assert p.nilai_kontrak <= p.hps
        assert p.penyedia and p.tanggal_kontrak
    lalu = paket.filter(dpa__tahun=LALU)
    assert set(lalu.values_list("tahap", flat=True)) == {PaketPengadaan.Tahap.SERAH_TERIMA}
    assert paket.filter(metode=PaketPengadaan.Metode.TENDER).exists()
    assert paket.filter(metode=PaketPengadaan.Metode.E_PURCHASING).exists()


def test_months_are_locked_up_to_two_months_ago(demo, db):
    lalu = KunciBulan.objects.filter(tahun=LALU)
    assert lalu.count() == 12
    assert not lalu.filter(dikunci_pada__isnull=True).exists()
    ini = {k.bulan: k for k in KunciBulan.objects.filter(tahun=TAHUN)}
    assert sorted(ini) == list(range(1, BULAN_BERJALAN + 1))
    assert all(ini[m].dikunci_pada for m in range(1, BULAN_TERAKHIR))
    assert ini[BULAN_TERAKHIR].dikunci_pada is None
    assert ini[BULAN_TERAKHIR].batas_pengisian == akhir_bulan(TAHUN, BULAN_BERJALAN)
    assert ini[BULAN_BERJALAN].batas_pengisian == datetime.date(TAHUN, BULAN_BERJALAN + 1, 10)


# --- logins ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "username, role",
    [
        ("admin", Role.ADMIN),
        ("pimpinan", Role.PIMPINAN),
        ("sekda", Role.PIMPINAN),
        ("auditor", Role.AUDITOR),
        ("operator_dinkes", Role.OPERATOR),
        ("operator_dpupr", Role.OPERATOR),
        ("operator_disdik", Role.OPERATOR),
    ],
)
def test_each_persona_logs_in_with_the_printed_password(demo, db, client, username, role):
    password = data.PASSWORD[role]
    assert any(username in line and password in line for line in demo.splitlines())
    user = User.objects.get(username=username)
    assert user.role == role
    assert (user.perangkat_daerah is not None) == (role == Role.OPERATOR)
    assert client.login(username=username, password=password)


def test_the_admin_is_staff(demo, db):
    assert User.objects.get(username="admin").is_staff
    assert User.objects.filter(role=Role.OPERATOR, is_active=True).count() >= 6


# --- running it again -----------------------------------------------------------------------------


def test_running_it_again_gives_the_same_data_and_figures(demo, db):
    before = counts(), headline_figures(), fingerprint()
    call_command("demo", tahun=TAHUN, bulan_berjalan=BULAN_BERJALAN, stdout=io.StringIO())
    after = counts(), headline_figures(), fingerprint()
    assert after == before


def test_if_empty_leaves_a_loaded_database_alone_and_prints_the_logins(demo, db):
    before = counts(), fingerprint()
    out = io.StringIO()
    call_command("demo", jika_kosong=True, stdout=out)
    assert (counts(), fingerprint()) == before
    assert "tidak dibangun ulang" in out.getvalue()
    assert "operator_dinkes" in out.getvalue() and "Sipok-Operator-2026!" in out.getvalue()
