"""The admin imports the year's DPA in a real browser: downloads the template, uploads a file with
errors and reads them (on screen and in the marked copy), uploads the corrected file, checks the
preview, applies it, and downloads the recap that now carries the imported pagu."""

import datetime
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from impor.parsers import DPA_KOLOM
from kegiatan.models import DPA

from .builders import JT, PASSWORD

pytestmark = pytest.mark.browser

POSISI = {kolom.kunci: index for index, kolom in enumerate(DPA_KOLOM, start=1)}


def isi(ws, number: int, kode_pd: str, kode_sub: str, pagu, *, sumber="PAD") -> None:
    """One DPA row as an admin types it: an even S-free plan (fisik +8,33 a month, December
    100) and the money in twelve equal parts."""
    values = {
        "kode_pd": kode_pd,
        "kode_sub_kegiatan": kode_sub,
        "kode_sumber_dana": sumber,
        "pagu": pagu,
        "lokasi": "Kabupaten Uji",
    }
    for bulan in range(1, 13):
        values[f"fisik_{bulan}"] = 100 if bulan == 12 else round(100 * bulan / 12, 2)
        values[f"uang_{bulan}"] = 100 * JT
    for kunci, value in values.items():
        ws.cell(row=number, column=POSISI[kunci], value=value)


def angka_di(path) -> set:
    """Every number in every sheet of a workbook, as Decimal."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {
        Decimal(str(cell))
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, int | float) and not isinstance(cell, bool)
    }


def test_the_admin_imports_the_dpa_from_template_to_recap(
    page,
    screenshot,
    admin_user,
    pemda,
    dinkes,
    dpupr,
    puskesmas,
    jalan,
    apbd,
    time_machine,
    tmp_path,
):
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=True)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(admin_user.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.locator("#menu").get_by_role("link", name="Impor", exact=True).click()
    expect(page.get_by_role("heading", name="Impor DPA, RKO dan SP2D")).to_be_visible()
    screenshot("impor-daftar")

    # The template, filled in a spreadsheet: a pagu typed as words and a target that goes down.
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh templat DPA").click()
    assert download.value.suggested_filename == (
        "templat-impor-dpa-rko-pemerintah-kabupaten-uji-2026.xlsx"
    )
    template = tmp_path / "templat.xlsx"
    download.value.save_as(template)
    wb = openpyxl.load_workbook(template)
    ws = wb["DPA"]
    isi(ws, 2, dinkes.kode, puskesmas.kode, 1200 * JT)
    isi(ws, 3, dpupr.kode, jalan.kode, 1200 * JT)
    ws.cell(row=2, column=POSISI["pagu"], value="satu miliar dua ratus juta")
    ws.cell(row=3, column=POSISI["fisik_5"], value=10)
    salah = tmp_path / "dpa-salah.xlsx"
    wb.save(salah)

    form = page.get_by_test_id("form-dpa")
    form.get_by_label("Berkas Excel (.xlsx)").set_input_files(salah)
    form.get_by_role("button", name="Unggah dan pratinjau DPA").click()
    expect(page.get_by_test_id("ringkasan-galat")).to_contain_text("2 galat")
    errors = page.get_by_test_id("daftar-galat")
    expect(errors).to_contain_text("satu miliar dua ratus juta")
    expect(errors).to_contain_text("Masukkan nilai rupiah yang valid")
    expect(errors).to_contain_text("tidak boleh turun: Mei 10% lebih kecil dari April 33,33%")
    screenshot("impor-dpa-galat")
    with page.expect_download() as marked:
        page.get_by_test_id("unduh-galat").click()
    copy = tmp_path / "galat.xlsx"
    marked.value.save_as(copy)
    marked_book = openpyxl.load_workbook(copy)
    assert marked_book.sheetnames[0] == "Galat Impor"
    assert marked_book["DPA"]["E2"].comment is not None
    assert DPA.objects.count() == 0

    # Corrected: a proper number, Indonesian style, and the May target back in line.
    ws.cell(row=2, column=POSISI["pagu"], value="1.200.000.000,00")
    ws.cell(row=3, column=POSISI["fisik_5"], value=41.67)
    benar = tmp_path / "dpa-benar.xlsx"
    wb.save(benar)
    page.locator("#menu").get_by_role("link", name="Impor", exact=True).click()
    form = page.get_by_test_id("form-dpa")
    form.get_by_label("Berkas Excel (.xlsx)").set_input_files(benar)
    form.get_by_role("button", name="Unggah dan pratinjau DPA").click()
    expect(page.get_by_test_id("status-impor")).to_have_text("Pratinjau, belum diterapkan")
    expect(page.get_by_test_id("jumlah-baru")).to_have_text("2")
    expect(page.get_by_test_id("total-pagu")).to_have_text("Rp 2.400.000.000")
    expect(page.get_by_test_id("tabel-berubah")).to_contain_text("DPA baru: pagu murni")
    screenshot("impor-dpa-pratinjau")
    assert DPA.objects.count() == 0

    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_role("alert")).to_contain_text("diterapkan")
    expect(page.get_by_test_id("status-impor")).to_have_text("Diterapkan")
    screenshot("impor-dpa-diterapkan")
    assert sorted(DPA.objects.values_list("pagu", flat=True)) == [1200 * JT, 1200 * JT]

    # The recap shows the imported pagu, on screen and in its Excel file.
    page.goto(reverse("laporan:rekap-pd") + "?tahun=2026&bulan=6")
    table = page.locator("table").first
    expect(table).to_contain_text("1.200.000.000")
    expect(table).to_contain_text("2.400.000.000")
    with page.expect_download() as recap:
        page.get_by_test_id("unduh-excel").click()
    assert re.search(r"rekap-pd", recap.value.suggested_filename)
    path = tmp_path / "rekap.xlsx"
    recap.value.save_as(path)
    assert {1200 * JT, 2400 * JT} <= angka_di(path)
