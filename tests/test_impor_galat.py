"""The error list of an import names every error of the file in one upload, each at its cell with
its value: the unknown codes of a file that also has cell errors, a merged range with its column
and value, and a month of planned money left blank while the plan misses the pagu."""

import datetime
from decimal import Decimal

import pytest
from openpyxl.utils import get_column_letter

from impor import parsers, services
from impor.models import Impor

from .test_impor import DPA_JUDUL, POSISI, POSISI_SP2D, baris_dpa, buku_dpa, buku_sp2d, sp2d, unggah


@pytest.fixture
def dunia(time_machine, dinkes, dpupr, puskesmas, jalan, apbd, dak, admin_user, pemda):
    """As in tests/test_impor.py: two PD, two sub kegiatan, two sumber dana and the admin, on
    5 July 2026."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)
    return {"dinkes": dinkes, "puskesmas": puskesmas, "apbd": apbd, "admin": admin_user}


def sel(kunci: str, baris: int) -> str:
    return f"{get_column_letter(POSISI[kunci])}{baris}"


def judul(kunci: str) -> str:
    return DPA_JUDUL[POSISI[kunci] - 1]


def tempat(galat) -> list[tuple]:
    return [(g.lembar, g.sel, g.judul, g.nilai) for g in galat]


# --- Unknown codes together with the cell errors --------------------------------------------------


def test_a_file_with_cell_errors_also_lists_its_unknown_codes_in_one_upload(dunia):
    bad_pagu = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    bad_pagu["pagu"] = "satu juta"
    unknown_pd = baris_dpa("9.99.99", "1.03.10.2.01.0010", "PAD", 1200)
    unknown_sub_and_bad_nip = baris_dpa("1.03.01", "1.03.10.2.01.9999", "PAD", 1200, pptk_nip="12")
    unknown_dana = baris_dpa("1.03.01", "1.03.10.2.01.0010", "XYZ", 1200)
    data = buku_dpa([bad_pagu, unknown_pd, unknown_sub_and_bad_nip, unknown_dana])

    impor = unggah(data, by=dunia["admin"])

    assert impor.status == Impor.Status.DITOLAK
    galat = [parsers.Galat.from_dict(item) for item in impor.galat]
    assert tempat(galat) == [
        ("DPA", "E2", "Pagu (Rp)", "satu juta"),
        ("DPA", "A3", "Kode PD", "9.99.99"),
        ("DPA", "B4", "Kode Sub Kegiatan", "1.03.10.2.01.9999"),
        ("DPA", sel("pptk_nip", 4), "NIP PPTK", "12"),
        ("DPA", "D5", "Kode Sumber Dana", "XYZ"),
    ]
    assert "Kode PD “9.99.99” tidak ada di data induk" in galat[1].pesan
    assert "tambahkan sub kegiatan lewat Data induk" in galat[2].pesan
    assert impor.jumlah_galat == 5


def test_an_sp2d_file_with_cell_errors_also_lists_its_unknown_codes(dunia):
    data = buku_sp2d(
        [
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "31/02/2026", 5_000),  # no such date
            sp2d("9.99.99", "1.02.02.2.01.0002", "PAD", "02/03/2026", 5_000),
            sp2d("1.02.01", "1.02.02.2.01.0002", "XYZ", "02/03/2026", 0),  # and a zero amount
        ]
    )
    galat = services.pratinjau(jenis="sp2d", data=data, tahun=2026).galat
    kolom = {kunci: get_column_letter(index) for kunci, index in POSISI_SP2D.items()}
    assert [(g.sel, g.nilai) for g in galat] == [
        (f"{kolom['tanggal']}2", "31/02/2026"),
        (f"{kolom['kode_pd']}3", "9.99.99"),
        (f"{kolom['kode_sumber_dana']}4", "XYZ"),
        (f"{kolom['nilai']}4", "0"),
    ]


def test_a_file_refused_as_a_whole_is_not_checked_for_codes(dunia):
    galat = services.pratinjau(jenis="dpa", data=b"PK\x05\x06" + b"\x00" * 18, tahun=2026).galat
    assert len(galat) == 1 and galat[0].sel == ""


# --- Merged cells ---------------------------------------------------------------------------------


def test_a_merged_range_names_its_sheet_cells_column_and_value():
    a = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200, lokasi="Kecamatan Utara")
    b = baris_dpa("1.02.01", "1.02.02.2.01.0003", "PAD", 1200)

    def merge(wb, ws):
        ws.merge_cells("A2:A3")
        lokasi = POSISI["lokasi"]
        ws.merge_cells(f"{sel('lokasi', 2)}:{get_column_letter(lokasi + 1)}2")

    _rows, galat = parsers.baca_dpa(buku_dpa([a, b], ubah=merge))
    merged = [g for g in galat if "digabung" in g.pesan]
    assert tempat(merged) == [
        ("DPA", "A2", "Kode PD", "1.02.01"),
        ("DPA", sel("lokasi", 2), "Lokasi", "Kecamatan Utara"),
    ]
    assert "Sel digabung (merge) A2:A3 di kolom “Kode PD” tidak diizinkan" in merged[0].pesan
    lokasi = sel("lokasi", 2)
    indikator = sel("indikator_keluaran", 2)
    assert (
        f"Sel digabung (merge) {lokasi}:{indikator} di kolom “Lokasi” sampai “Indikator "
        "Keluaran” tidak diizinkan" in merged[1].pesan
    )


# --- A blank month of planned money ---------------------------------------------------------------


def test_a_blank_month_of_planned_money_is_reported_at_that_month():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)  # Rp 100 a month
    row["uang_3"] = None  # forgotten: the plan now sums to Rp 1.100

    _rows, galat = parsers.baca_dpa(buku_dpa([row]))

    assert tempat(galat) == [
        ("DPA", "E2", "Pagu (Rp)", "1200"),
        ("DPA", sel("uang_3", 2), judul("uang_3"), ""),
    ]
    assert (
        "Rencana keuangan bulan Maret kosong, padahal jumlah rencana keuangan 12 bulan "
        "(Rp 1.100) kurang Rp 100 dari pagu (Rp 1.200)." in galat[1].pesan
    )
    assert "bulan yang kosong: Maret" in galat[0].pesan


def test_blank_months_are_zero_when_the_plan_sums_to_the_pagu():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["uang_1"] = None
    row["uang_2"] = Decimal(200)
    rows, galat = parsers.baca_dpa(buku_dpa([row]))
    assert galat == []
    assert rows[0].uang[:2] == (Decimal(0), Decimal(200))


@pytest.mark.parametrize("lebih", [False, True])
def test_blank_months_are_not_blamed_when_the_plan_is_above_the_pagu(lebih):
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["uang_1"] = None
    row["uang_2"] = Decimal(300) if lebih else Decimal(200)
    _rows, galat = parsers.baca_dpa(buku_dpa([row]))
    assert [g.sel for g in galat] == (["E2"] if lebih else [])
