"""The model's validation and its database constraints, on whichever engine the suite runs."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from akun.models import Role, User
from kegiatan import services
from kegiatan.models import DPA, RKO, Kegiatan, Program, RiwayatPagu, SubKegiatan
from kegiatan.nomenklatur import (
    parent_kode,
    validate_kode_kegiatan,
    validate_kode_program,
    validate_kode_sub_kegiatan,
)
from pengadaan.models import PaketPengadaan
from realisasi.models import BukaKunci, KunciBulan, Realisasi

from .builders import even_rko, make_dpa


def raises_integrity():
    """An IntegrityError inside its own savepoint, so the test's transaction stays usable."""

    class _Ctx:
        def __enter__(self):
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.raises = pytest.raises(IntegrityError)
            self.raises.__enter__()

        def __exit__(self, *exc):
            swallowed = self.raises.__exit__(*exc)
            self.atomic.__exit__(None, None, None)
            return swallowed

    return _Ctx()


# --- Nomenclature codes -----------------------------------------------------------------------


@pytest.mark.parametrize("kode", ["1.02.02.2.01.0001", "1.02.02.2.01.01", "7.01.02.2.01.0005"])
def test_sub_kegiatan_codes_of_both_eras_are_accepted(kode):
    validate_kode_sub_kegiatan(kode)


@pytest.mark.parametrize(
    "kode",
    ["1.02.02.2.01.001", "1.02.02.2.01", "1.02.02.3.01.0001", "1.2.02.2.01.0001", "", "abc"],
)
def test_malformed_sub_kegiatan_codes_are_refused_in_indonesian(kode):
    with pytest.raises(ValidationError, match="Kode sub kegiatan harus berbentuk"):
        validate_kode_sub_kegiatan(kode)


def test_program_and_kegiatan_codes_are_checked():
    validate_kode_program("1.02.02")
    validate_kode_kegiatan("1.02.02.2.01")
    with pytest.raises(ValidationError, match="Kode program"):
        validate_kode_program("1.02.2")
    with pytest.raises(ValidationError, match="Kode kegiatan"):
        validate_kode_kegiatan("1.02.02.01")


def test_parent_codes_nest():
    assert parent_kode("1.02.02.2.01.0001") == "1.02.02.2.01"
    assert parent_kode("1.02.02.2.01.01") == "1.02.02.2.01"
    assert parent_kode("1.02.02.2.01") == "1.02.02"


def test_sub_kegiatan_must_sit_under_its_kegiatan_code(db):
    program = Program.objects.create(kode="1.02.02", nama="Program Pemenuhan Upaya Kesehatan")
    kegiatan = Kegiatan.objects.create(program=program, kode="1.02.02.2.01", nama="Penyediaan")
    wrong = SubKegiatan(kegiatan=kegiatan, kode="1.02.03.2.01.0001", nama="Salah induk")
    with pytest.raises(ValidationError) as excinfo:
        wrong.full_clean()
    assert "diawali kode kegiatannya (1.02.02.2.01)" in str(excinfo.value)
    right = SubKegiatan(kegiatan=kegiatan, kode="1.02.02.2.01.0001", nama="Pembangunan RS")
    right.full_clean()


def test_kegiatan_must_sit_under_its_program_code(db):
    program = Program.objects.create(kode="1.02.02", nama="Program")
    with pytest.raises(ValidationError, match="diawali kode programnya"):
        Kegiatan(program=program, kode="1.03.02.2.01", nama="Salah").full_clean()


def test_codes_are_unique_in_the_database(db, puskesmas):
    with raises_integrity():
        SubKegiatan.objects.create(kegiatan=puskesmas.kegiatan, kode=puskesmas.kode, nama="Lagi")


# --- DPA lines and pagu -----------------------------------------------------------------------


def test_money_keeps_every_rupiah_and_cent(dinkes, puskesmas, apbd):
    pagu = Decimal("2615123456789.45")
    dpa = make_dpa(dinkes, puskesmas, apbd, pagu, rko=False)
    dpa.refresh_from_db()
    assert dpa.pagu == pagu
    assert isinstance(dpa.pagu, Decimal)


def test_a_dpa_line_is_unique_per_year_pd_sub_kegiatan_and_sumber_dana(
    dinkes, puskesmas, apbd, dak
):
    make_dpa(dinkes, puskesmas, apbd, 1_000_000, rko=False)
    make_dpa(dinkes, puskesmas, dak, 1_000_000, rko=False)  # another sumber dana: fine
    make_dpa(dinkes, puskesmas, apbd, 1_000_000, tahun=2025, rko=False)  # another year: fine
    with pytest.raises(ValidationError, match="sudah ada di DPA PD ini"):
        make_dpa(dinkes, puskesmas, apbd, 1_000_000, rko=False)
    with raises_integrity():
        DPA.objects.create(
            tahun=2026, perangkat_daerah=dinkes, sub_kegiatan=puskesmas, sumber_dana=apbd, pagu=1
        )


def test_the_dpa_keeps_the_name_it_was_budgeted_under(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_000_000, rko=False)
    puskesmas.nama = "Nama baru menurut Kepmendagri 2024"
    puskesmas.save()
    dpa.refresh_from_db()
    assert dpa.nama_sub_kegiatan == "Pembangunan Puskesmas"


def test_negative_pagu_is_refused_by_form_validation_and_database(dinkes, puskesmas, apbd):
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        make_dpa(dinkes, puskesmas, apbd, -1, rko=False)
    with raises_integrity():
        DPA.objects.create(
            tahun=2026, perangkat_daerah=dinkes, sub_kegiatan=puskesmas, sumber_dana=apbd, pagu=-1
        )


def test_dpa_create_records_the_murni_pagu_from_first_january(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 500_000_000, rko=False)
    (riwayat,) = dpa.riwayat_pagu.all()
    assert riwayat.fase == RiwayatPagu.Fase.MURNI
    assert riwayat.tanggal_berlaku == datetime.date(2026, 1, 1)
    assert riwayat.pagu == Decimal(500_000_000)


def test_a_refocusing_cut_becomes_the_pagu_in_force(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 500_000_000, rko=False)
    services.pagu_change(
        dpa=dpa,
        fase=RiwayatPagu.Fase.REFOCUSING,
        tanggal_berlaku=datetime.date(2026, 5, 15),
        pagu=Decimal(325_000_000),
        keterangan="Refocusing 35%",
    )
    dpa.refresh_from_db()
    assert dpa.pagu == Decimal(325_000_000)
    assert list(dpa.riwayat_pagu.values_list("fase", flat=True)) == ["murni", "refocusing"]


def test_a_backdated_pagu_change_does_not_replace_a_later_one(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 500_000_000, rko=False)
    services.pagu_change(
        dpa=dpa, fase="perubahan", tanggal_berlaku=datetime.date(2026, 9, 1), pagu=Decimal(600)
    )
    services.pagu_change(
        dpa=dpa, fase="pergeseran", tanggal_berlaku=datetime.date(2026, 3, 1), pagu=Decimal(550)
    )
    dpa.refresh_from_db()
    assert dpa.pagu == Decimal(600)


def test_two_pagu_changes_on_one_day_are_refused(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 500_000_000, rko=False)
    with pytest.raises(ValidationError, match="pada tanggal tersebut"):
        services.pagu_change(
            dpa=dpa, fase="pergeseran", tanggal_berlaku=datetime.date(2026, 1, 1), pagu=Decimal(1)
        )


def test_murni_is_only_recorded_when_the_line_is_created(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 500_000_000, rko=False)
    with pytest.raises(ValidationError, match="Pagu murni"):
        services.pagu_change(
            dpa=dpa, fase="murni", tanggal_berlaku=datetime.date(2026, 2, 1), pagu=Decimal(1)
        )


# --- RKO ------------------------------------------------------------------------------------


def test_rko_accepts_a_plan_that_follows_the_rules(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000)
    assert dpa.rko.count() == 12
    assert dpa.rko.get(bulan=12).target_fisik == Decimal(100)
    assert sum(r.target_keuangan for r in dpa.rko.all()) == dpa.pagu


def test_rko_refuses_a_decreasing_target_a_short_december_and_a_wrong_total(
    dinkes, puskesmas, apbd
):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000, rko=False)
    plan = even_rko(Decimal(1_200_000))
    plan[5] = (Decimal(10), plan[5][1])  # June below May
    plan[11] = (Decimal(99), plan[11][1] + 1)  # December short of 100, money one rupiah over
    with pytest.raises(ValidationError) as excinfo:
        services.rko_set(dpa=dpa, targets=plan)
    messages = " ".join(excinfo.value.messages)
    assert "Bulan 6: target fisik kumulatif tidak boleh turun" in messages
    assert "Desember harus 100%" in messages
    assert "harus sama dengan pagu" in messages
    assert dpa.rko.count() == 0


def test_rko_constraints_hold_in_the_database(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000, rko=False)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=13, target_fisik=10, target_keuangan=0)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=0, target_fisik=10, target_keuangan=0)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=1, target_fisik=Decimal("100.01"), target_keuangan=0)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=1, target_fisik=-1, target_keuangan=0)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=1, target_fisik=1, target_keuangan=-1)
    RKO.objects.create(dpa=dpa, bulan=1, target_fisik=1, target_keuangan=0)
    with raises_integrity():
        RKO.objects.create(dpa=dpa, bulan=1, target_fisik=2, target_keuangan=0)


def test_rko_field_validation_speaks_indonesian(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000, rko=False)
    with pytest.raises(ValidationError) as excinfo:
        RKO(dpa=dpa, bulan=1, target_fisik=Decimal(120), target_keuangan=0).full_clean()
    assert "tidak boleh lebih dari 100" in str(excinfo.value)


# --- Realisasi, locks, pengadaan --------------------------------------------------------------


def test_realisasi_constraints_hold_in_the_database(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000)
    good = {"realisasi_fisik": 10, "realisasi_keuangan": 100}
    with raises_integrity():
        Realisasi.objects.create(dpa=dpa, bulan=13, **good)
    with raises_integrity():
        Realisasi.objects.create(dpa=dpa, bulan=1, realisasi_fisik=101, realisasi_keuangan=0)
    with raises_integrity():
        Realisasi.objects.create(dpa=dpa, bulan=1, realisasi_fisik=1, realisasi_keuangan=-5)
    Realisasi.objects.create(dpa=dpa, bulan=1, **good)
    with raises_integrity():
        Realisasi.objects.create(dpa=dpa, bulan=1, **good)


def test_only_submitted_and_verified_realisasi_count_in_reports(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000)
    for bulan, status in enumerate(Realisasi.Status.values, start=1):
        Realisasi.objects.create(
            dpa=dpa, bulan=bulan, realisasi_fisik=bulan, realisasi_keuangan=0, status=status
        )
    assert sorted(Realisasi.objects.terlapor().values_list("status", flat=True)) == [
        "diajukan",
        "diverifikasi",
    ]


def test_one_lock_setting_per_month_and_a_reason_to_reopen(dinkes, admin_user):
    kunci = KunciBulan.objects.create(
        tahun=2026, bulan=6, batas_pengisian=datetime.date(2026, 7, 10)
    )
    with raises_integrity():
        KunciBulan.objects.create(tahun=2026, bulan=6, batas_pengisian=datetime.date(2026, 7, 10))
    with raises_integrity():
        KunciBulan.objects.create(tahun=2026, bulan=13, batas_pengisian=datetime.date(2026, 7, 10))
    with raises_integrity():
        BukaKunci.objects.create(
            kunci_bulan=kunci,
            perangkat_daerah=dinkes,
            alasan="",
            dibuka_oleh=admin_user,
            berlaku_sampai=datetime.date(2026, 7, 20),
        )


def test_a_contract_cannot_exceed_its_hps(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000)
    paket = PaketPengadaan(
        dpa=dpa,
        nama="Pembangunan Puskesmas Sukamaju",
        metode="tender",
        hps=1000,
        nilai_kontrak=1001,
    )
    with pytest.raises(ValidationError, match="tidak boleh melebihi HPS"):
        paket.full_clean()
    with raises_integrity():
        paket.save()
    paket.nilai_kontrak = 950
    paket.full_clean()
    paket.save()


def test_hand_over_cannot_precede_the_contract(dinkes, puskesmas, apbd):
    dpa = make_dpa(dinkes, puskesmas, apbd, 1_200_000)
    paket = PaketPengadaan(
        dpa=dpa,
        nama="Paket",
        metode="tender",
        tanggal_kontrak=datetime.date(2026, 5, 1),
        tanggal_serah_terima=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError, match="serah terima tidak boleh sebelum"):
        paket.full_clean()


# --- Users ---------------------------------------------------------------------------------


def test_an_operator_needs_a_pd_and_other_roles_have_none(dinkes):
    with pytest.raises(ValidationError, match="wajib terhubung"):
        User(username="x", role=Role.OPERATOR).full_clean(exclude=["password"])
    with pytest.raises(ValidationError, match="Hanya Operator PD"):
        User(username="y", role=Role.PIMPINAN, perangkat_daerah=dinkes).full_clean(
            exclude=["password"]
        )
    with raises_integrity():
        User.objects.create(username="z", role=Role.OPERATOR)
    with raises_integrity():
        User.objects.create(username="w", role=Role.AUDITOR, perangkat_daerah=dinkes)
