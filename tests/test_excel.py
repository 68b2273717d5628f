"""Excel exports: every report and the Rakor page download as .xlsx built from the screen's own
data. Each workbook is read back with openpyxl and compared with the laporan.reports objects the
screen renders; LibreOffice must open every one of them.

The demo pemda (plus a final TW II and a draft TW III Rakor) is built once for the module; the
tests read it inside their own transactions and the database is flushed when the module is done.
"""

import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from akun.models import User
from kegiatan.models import DPA, RKO, RiwayatPagu, SumberDana
from laporan import excel, figures, reports
from laporan import format as fmt
from laporan.periode import Periode
from pengadaan.models import PaketPengadaan
from perangkat_daerah.models import PerangkatDaerah
from rakor import services as rakor_services
from rakor import snapshot
from rakor.models import Rakor
from realisasi.models import Realisasi

from .builders import JT, make_sub_kegiatan

# Every test uses the database: pytest-django sets up the test database only for the databases the
# selected tests ask for, and the module fixture below builds and flushes one.
pytestmark = pytest.mark.django_db

PERIODE = Periode(2026, 10)
QUERY = {"tahun": 2026, "bulan": 10}
PEMDA = "Pemerintah Kabupaten Sukamaju"
PRINTED = datetime.datetime(2026, 11, 26, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))
RUPIAH, PERSEN = "[$-421]#,##0", "[$-421]0.00"

# name: (URL name, extra query, title, expected file name); "{dinkes}" is Dinkes' pk.
REPORTS = {
    "rekap-pemda": ("laporan:rekap-pemda", {}, "Rekap pemda"),
    "rekap-pd": ("laporan:rekap-pd", {}, "Rekap per Perangkat Daerah"),
    "rekap-sumber-dana": ("laporan:rekap-sumber-dana", {}, "Rekap per sumber dana"),
    "detail-pd": ("laporan:detail-pd", {"perangkat_daerah": "Dinkes"}, "Detail Perangkat Daerah"),
    "dpa-semua": ("laporan:detail-pd", {}, "Seluruh DPA sub kegiatan"),
    "kurva-s": ("laporan:kurva-s", {}, "Kurva S"),
    "kendala": ("laporan:kendala", {}, "Kendala dan tindak lanjut"),
    "kepatuhan": ("laporan:kepatuhan", {}, "Kepatuhan pelaporan"),
    "pengadaan": ("laporan:pengadaan", {}, "Progres pengadaan"),
}
FILE_NAMES = {
    "rekap-pemda": "rekap-pemda_kabupaten-sukamaju_2026-10.xlsx",
    "rekap-pd": "rekap-pd_kabupaten-sukamaju_2026-10.xlsx",
    "rekap-sumber-dana": "rekap-sumber-dana_kabupaten-sukamaju_2026-10.xlsx",
    "detail-pd": "detail-pd_kabupaten-sukamaju_dinkes_2026-10.xlsx",
    "dpa-semua": "dpa-semua_kabupaten-sukamaju_2026-10.xlsx",
    "kurva-s": "kurva-s_kabupaten-sukamaju_2026-10.xlsx",
    "kendala": "kendala_kabupaten-sukamaju_2026-10.xlsx",
    "kepatuhan": "kepatuhan_kabupaten-sukamaju_2026-10.xlsx",
    "pengadaan": "pengadaan_kabupaten-sukamaju_2026-10.xlsx",
    "rakor-final": "rakor-pok-tw2_kabupaten-sukamaju_2026-06.xlsx",
    "rakor-draft": "rakor-pok-tw3_kabupaten-sukamaju_2026-09.xlsx",
}
EXPORTS = list(FILE_NAMES)


def pd_named(singkatan: str) -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(singkatan=singkatan)


def url_and_query(name: str, **extra):
    """The export's URL and query string (Rakor exports: the Rakor's page)."""
    if name.startswith("rakor-"):
        triwulan = 2 if name == "rakor-final" else 3
        rakor = Rakor.objects.get(tahun=2026, triwulan=triwulan)
        return reverse("rakor:detail", args=[rakor.pk]), {"format": "xlsx", **extra}
    url_name, query, _ = REPORTS[name]
    query = {**QUERY, **query, "format": "xlsx", **extra}
    if query.get("perangkat_daerah") == "Dinkes":
        query["perangkat_daerah"] = pd_named("Dinkes").pk
    return reverse(url_name), query


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def download(client, name, **extra):
    url, query = url_and_query(name, **extra)
    response = client.get(url, query)
    assert response.status_code == 200, response.status_code
    return response


def open_workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def header_row(ws) -> int:
    return int(ws.print_title_rows.split(":")[0].strip("$"))


def table(ws) -> list[dict]:
    """The sheet's rows below its header row, each a {header: cell} dict."""
    header = header_row(ws)
    names = [cell.value for cell in ws[header]]
    return [
        dict(zip(names, row, strict=False))
        for row in ws.iter_rows(min_row=header + 1, max_col=len(names))
    ]


def by_first(rows, column) -> dict:
    return {row[column].value: row for row in rows if row[column].value not in (None, "")}


def assert_money(cell, expected):
    if expected is None:
        assert cell.value is None
        return
    assert cell.data_type == "n" and cell.number_format == RUPIAH, cell.coordinate
    assert Decimal(str(cell.value)) == pytest.approx(Decimal(expected), abs=Decimal("0.005"))


def assert_percent(cell, expected):
    if expected is None:
        assert cell.value is None, cell.coordinate
        return
    assert cell.data_type == "n" and "0.00" in cell.number_format, cell.coordinate
    assert cell.value == pytest.approx(float(expected), rel=1e-9, abs=1e-9), cell.coordinate


# --- The demo pemda, its Rakor, and every workbook downloaded once ------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        call_command("demo", tahun=2026, bulan_berjalan=11, stdout=io.StringIO())
        admin = User.objects.get(username="admin")
        dinkes, dpupr = pd_named("Dinkes"), pd_named("DPUPR")
        with time_machine.travel(datetime.datetime(2026, 7, 28, 10, 0), tick=False):
            tw2 = rakor_services.rakor_create(
                by=admin,
                tahun=2026,
                triwulan=2,
                tanggal=datetime.date(2026, 7, 27),
                tempat="Pendopo Kabupaten",
                pimpinan_rapat="Bupati Sukamaju",
                agenda="Evaluasi capaian Triwulan II",
                catatan="Rapat dibuka pukul 09.00.",
            )
            rakor_services.peserta_add(
                rakor=tw2, by=admin, nama="Kepala Dinkes", jabatan="Kepala", kategori="kepala_pd"
            )
            rakor_services.arahan_add(rakor=tw2, isi="Percepat tender fisik.", by=admin)
            for pd, isi in ((dinkes, "Percepat pengadaan alkes"), (dpupr, "Tender ulang jalan")):
                rakor_services.rekomendasi_add(
                    rakor=tw2,
                    perangkat_daerah=pd,
                    isi=isi,
                    batas_waktu=datetime.date(2026, 8, 31),
                    by=admin,
                )
            rakor_services.rakor_finalise(rakor=tw2, by=admin)
        rakor_services.rakor_create(
            by=admin,
            tahun=2026,
            triwulan=3,
            tanggal=datetime.date(2026, 10, 20),
            tempat="Ruang Rapat Bappeda",
            pimpinan_rapat="Sekretaris Daerah",
        )
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def downloaded(demo, django_db_blocker, tmp_path_factory):
    """Every export as the admin downloads it: {name: (response headers, bytes, path)}."""
    folder = tmp_path_factory.mktemp("xlsx")
    client = Client()
    files = {}
    with django_db_blocker.unblock(), time_machine.travel(PRINTED, tick=False):
        client.force_login(User.objects.get(username="admin"))
        for name in EXPORTS:
            response = download(client, name)
            data = content(response)
            path = folder / response["Content-Disposition"].split('filename="')[1].rstrip('"')
            path.write_bytes(data)
            headers = {key: response[key] for key in ("Content-Type", "Content-Disposition")}
            headers["streaming"] = response.streaming
            files[name] = (headers, data, path)
    return files


@pytest.fixture
def book(downloaded, db):
    def read(name):
        return open_workbook(downloaded[name][1])

    return read


# --- What every workbook is -------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTS)
def test_it_is_an_xlsx_attachment_named_for_report_pemda_and_period(downloaded, name):
    headers, data, _ = downloaded[name]
    assert headers["Content-Type"] == excel.XLSX
    assert headers["Content-Disposition"] == f'attachment; filename="{FILE_NAMES[name]}"'
    assert data[:2] == b"PK"  # a zip, as an xlsx is


@pytest.mark.parametrize("name", EXPORTS)
def test_every_sheet_has_the_title_block(book, name):
    workbook = book(name)
    title = REPORTS[name][2] if name in REPORTS else "Bahan Rakor POK Triwulan"
    period = "Juni 2026" if name == "rakor-final" else "Oktober 2026"
    period = "September 2026" if name == "rakor-draft" else period
    for ws in workbook.worksheets:
        block = [ws.cell(row, 1).value for row in range(1, header_row(ws) - 1)]
        assert block[0] == PEMDA, ws.title
        assert block[1].startswith(title), ws.title
        assert block[2].startswith(f"Posisi akhir {period} (Triwulan "), ws.title
        assert block[-1] == "Dicetak 26 November 2026, 09.00", ws.title


@pytest.mark.parametrize("name", EXPORTS)
def test_every_sheet_freezes_its_header_and_prints_a4_landscape_fitted_to_width(book, name):
    for ws in book(name).worksheets:
        header = header_row(ws)
        assert ws.print_title_rows == f"${header}:${header}"
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith(str(header + 1))
        assert ws.freeze_panes[0] != "A"  # the labels stay in view too
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "Halaman &P dari &N" in ws.oddFooter.right.text


INDONESIAN_NUMBER_AS_TEXT = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+)%?$|^Rp ")


@pytest.mark.parametrize("name", EXPORTS)
def test_figures_are_numbers_in_indonesian_formats_never_text(book, name):
    checked = 0
    for ws in book(name).worksheets:
        for row in table(ws):
            for header, cell in row.items():
                if isinstance(cell.value, str):
                    assert not INDONESIAN_NUMBER_AS_TEXT.match(cell.value), cell.coordinate
                if cell.value is None or not header:
                    continue
                if cell.data_type == "n":
                    assert cell.number_format.startswith("[$-421]"), cell.coordinate
                    checked += 1
                if header.endswith("(Rp)"):
                    assert (cell.data_type, cell.number_format) == ("n", RUPIAH), cell.coordinate
                elif header.endswith(("(%)", "(poin)")):
                    assert cell.data_type == "n", cell.coordinate
                    assert "0.00" in cell.number_format, cell.coordinate
    assert checked > 0


@pytest.mark.parametrize("name", EXPORTS)
def test_columns_are_wide_enough_for_their_figures(book, name):
    for ws in book(name).worksheets:
        for row in table(ws):
            for cell in row.values():
                if cell.data_type == "n" and cell.number_format == RUPIAH:
                    width = ws.column_dimensions[cell.column_letter].width
                    assert width >= len(fmt.angka(cell.value)), cell.coordinate


# --- How the cells look ------------------------------------------------------------------------

GRID = ("thin", "00ADB5BD")
# Status label: (fill, font colour), the screen's .warna-* colours.
STATUS_LOOK = {
    "Hijau tua": ("00146C43", "00FFFFFF"),
    "Hijau": ("0075B798", "00000000"),
    "Kuning": ("00FFDA6A", "00000000"),
    "Merah muda": ("00F1AEB5", "00000000"),
    "Merah": ("00DC3545", "00FFFFFF"),
}


def rgb(colour):
    return colour.rgb if colour is not None and colour.type == "rgb" else None


def looks(cell) -> dict:
    """What a user sees of a cell's style."""
    font, border, align = cell.font, cell.border, cell.alignment
    return {
        "bold": bool(font.b),
        "colour": rgb(font.color),
        "fill": cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None,
        "left": (border.left.style, rgb(border.left.color)),
        "top": (border.top.style, rgb(border.top.color)),
        "wrap": bool(align.wrap_text),
        "align": (align.horizontal, align.vertical),
        "format": cell.number_format,
    }


def table_look(*, bold=False, colour=None, fill=None, top=GRID, wrap=False, format="General"):
    """A table cell: grid borders, aligned to the top, text wrapped."""
    return {
        "bold": bold,
        "colour": colour,
        "fill": fill,
        "left": GRID,
        "top": top,
        "wrap": wrap,
        "align": (None, "top"),
        "format": format,
    }


def text_look(**look):
    return table_look(wrap=True, **look)


def status_look(label, *, bold=False):
    fill, colour = STATUS_LOOK[label]
    return text_look(bold=bold, colour=colour, fill=fill)


# (export, outline levels of its top group rows, their subgroups and its lines)
OUTLINED = [("detail-pd", (0, 1, 2)), ("dpa-semua", (0, 1, 3))]


@pytest.mark.parametrize(("name", "levels"), OUTLINED)
def test_group_rows_are_bold_on_their_grey_and_lines_plain(book, name, levels):
    ws = book(name).active
    rows = [(ws.row_dimensions[row["Kode"].row].outlineLevel, row) for row in table(ws)]
    top = next(row for level, row in rows if level == levels[0])
    sub = next(row for level, row in rows if level == levels[1])
    line = next(row for level, row in rows if level == levels[2])
    assert looks(top["Uraian"]) == text_look(bold=True, fill="00E2E3E5")
    assert looks(top["Sumber dana"]) == text_look(bold=True, fill="00E2E3E5")  # empty
    assert looks(top["Pagu (Rp)"]) == table_look(bold=True, fill="00E2E3E5", format=RUPIAH)
    assert looks(top["Bobot (%)"]) == table_look(bold=True, fill="00E2E3E5", format=PERSEN)
    assert looks(sub["Uraian"]) == text_look(bold=True, fill="00F1F3F5")
    assert looks(sub["Realisasi keuangan (Rp)"]) == table_look(
        bold=True, fill="00F1F3F5", format=RUPIAH
    )
    assert looks(line["Uraian"]) == text_look()
    assert looks(line["Pagu (Rp)"]) == table_look(format=RUPIAH)
    assert looks(line["Realisasi keuangan (%)"]) == table_look(format=PERSEN)
    total = rows[-1][1]
    medium = ("medium", None)
    assert looks(total["Uraian"]) == text_look(bold=True, fill="00E9ECEF", top=medium)
    assert looks(total["Pagu (Rp)"]) == table_look(
        bold=True, fill="00E9ECEF", top=medium, format=RUPIAH
    )


@pytest.mark.parametrize(("name", "levels"), OUTLINED)
def test_status_cells_take_their_colour_and_the_row_its_weight(book, name, levels):
    ws = book(name).active
    rows = [(ws.row_dimensions[row["Kode"].row].outlineLevel, row) for row in table(ws)]
    coloured = [(level, row) for level, row in rows if row["Status"].value in STATUS_LOOK]
    lines = [row for level, row in coloured if level == levels[2]]
    assert len({row["Status"].value for row in lines}) >= 2  # the demo has several colours
    for row in lines:
        assert looks(row["Status"]) == status_look(row["Status"].value), row["Status"].coordinate
        assert looks(row["Capaian fisik"]) == text_look()  # only the status cell is coloured
    for level, row in coloured:
        if level == 0:  # a PD of every DPA line, or the pemda's total: bold
            status = row["Status"]
            expected = status_look(status.value, bold=True)
            if row is rows[-1][1]:
                expected["top"] = ("medium", None)
            assert looks(status) == expected, status.coordinate


@pytest.mark.parametrize("name", ["detail-pd", "dpa-semua", "rekap-pd"])
def test_the_header_row_is_bold_centred_and_wrapped_on_grey(book, name):
    ws = book(name).active
    for cell in ws[header_row(ws)]:
        assert looks(cell) == {
            **text_look(bold=True, fill="00DEE2E6"),
            "align": ("center", "center"),
        }, cell.coordinate


def test_an_empty_figure_cell_keeps_the_grid_but_no_number_format(book):
    november = table(book("kurva-s").active)[10]  # not reported yet in October
    assert november["Bulan"].value == "November"
    assert looks(november["Target fisik 2026 (%)"]) == table_look(format=PERSEN)
    assert november["Realisasi fisik 2026 (%)"].value is None
    assert looks(november["Realisasi fisik 2026 (%)"]) == table_look()


def test_dates_and_times_show_in_indonesian_long_form(book):
    batas = table(book("kendala")["Rekomendasi"])[0]["Batas waktu"]
    assert batas.is_date and looks(batas) == table_look(format="[$-421]d mmmm yyyy")
    diajukan = [row["Terakhir diajukan"] for row in table(book("kepatuhan").active)]
    stamped = [cell for cell in diajukan if cell.value is not None]
    assert stamped, "the demo has submitted reports"
    for cell in stamped:
        assert cell.is_date and looks(cell) == table_look(format="[$-421]d mmmm yyyy hh:mm")


# --- The figures are the screen's ---------------------------------------------------------------


def assert_rekap_row(row, baris):
    now = baris.sekarang
    assert_money(row["Pagu (Rp)"], now.pagu)
    assert_percent(row["Bobot (%)"], baris.bobot)
    assert_percent(row["Target fisik (%)"], now.target_fisik)
    assert_percent(row["Realisasi fisik (%)"], now.fisik)
    assert_percent(row["TTB fisik (%)"], baris.ttb)
    assert_percent(row["Deviasi fisik (poin)"], now.deviasi_fisik)
    assert_percent(row["Target keuangan (%)"], now.target_keuangan_persen)
    assert_money(row["Realisasi keuangan (Rp)"], now.keuangan)
    assert_percent(row["Realisasi keuangan (%)"], now.keuangan_persen)
    assert_money(row["Sisa anggaran (Rp)"], now.sisa_anggaran)
    last = baris.tahun_lalu
    assert_percent(row["Fisik tahun lalu (%)"], last.fisik if last else None)
    assert row["Status"].value == (baris.warna.label if baris.warna else "–")
    if baris.warna:
        assert row["Status"].fill.fgColor.rgb == "00" + excel.WARNA[baris.warna][0]


def test_rekap_pd_rows_and_total_are_the_screens(book):
    rekap = reports.rekap_per_pd(PERIODE, DPA.objects.all())
    rows = table(book("rekap-pd")["Rekap PD"])
    assert len(rows) == len(rekap.baris) + 1
    for row, baris in zip(rows, rekap.baris, strict=False):
        assert (row["Kode"].value, row["Perangkat Daerah"].value) == (baris.kode, baris.label)
        assert row["Peringkat"].value == baris.peringkat
        assert_rekap_row(row, baris)
    total = rows[-1]
    assert total["Perangkat Daerah"].value == "Total pemda" and total["Pagu (Rp)"].font.b
    assert_rekap_row(total, rekap.total)
    assert total["Pagu (Rp)"].value == pytest.approx(
        float(sum(b.sekarang.pagu for b in rekap.baris))
    )


def test_rekap_pd_colours_its_status_cells(book):
    rows = table(book("rekap-pd")["Rekap PD"])
    fills = {row["Status"].value: row["Status"].fill.fgColor.rgb for row in rows}
    assert len({label for label in fills if label != "–"}) >= 2  # the demo has several colours
    for label, rgb in fills.items():
        warna = next((w for w in excel.WARNA if w.label == label), None)
        if warna:
            assert rgb == "00" + excel.WARNA[warna][0]


def test_rekap_pemda_has_the_headline_and_the_sumber_dana_rekap(book):
    workbook = book("rekap-pemda")
    headline = figures.headline(PERIODE, PEMDA, DPA.objects.all())
    rows = by_first(table(workbook["Rekap pemda"]), "Uraian")
    assert_money(rows["Pagu berlaku (Rp)"]["Oktober 2026"], headline.sekarang.pagu)
    assert_money(rows["Pagu berlaku (Rp)"]["Oktober 2025"], headline.tahun_lalu.pagu)
    assert_percent(rows["Realisasi fisik (%)"]["Oktober 2026"], headline.sekarang.fisik)
    assert_percent(rows["Target fisik (%)"]["Oktober 2026"], headline.sekarang.target_fisik)
    assert_percent(
        rows["Realisasi keuangan (%)"]["Oktober 2025"], headline.tahun_lalu.keuangan_persen
    )
    assert_money(rows["Realisasi keuangan (Rp)"]["Oktober 2026"], headline.sekarang.keuangan)
    assert rows["Deviasi fisik (poin)"]["Oktober 2026"].number_format.startswith("[$-421]+0.00")
    sumber = reports.rekap_per_sumber_dana(PERIODE, DPA.objects.all())
    rows = table(workbook["Per sumber dana"])
    assert [row["Sumber dana"].value for row in rows] == [b.label for b in sumber.baris] + ["Total"]
    for row, baris in zip(rows, [*sumber.baris, sumber.total], strict=True):
        assert_rekap_row(row, baris)


def test_rekap_sumber_dana_is_the_screens(book):
    rekap = reports.rekap_per_sumber_dana(PERIODE, DPA.objects.all())
    rows = table(book("rekap-sumber-dana").active)
    assert [row["Kode"].value for row in rows[:-1]] == [b.kode for b in rekap.baris]
    for row, baris in zip(rows, [*rekap.baris, rekap.total], strict=True):
        assert_rekap_row(row, baris)


def detail_rows(ws):
    """(outline level, row) of every table row."""
    return [(ws.row_dimensions[row["Kode"].row].outlineLevel, row) for row in table(ws)]


def test_detail_pd_nests_program_kegiatan_and_lines_in_the_outline(book):
    dinkes = pd_named("Dinkes")
    nodes, total = reports.detail_pd(PERIODE, DPA.objects.filter(perangkat_daerah=dinkes))
    ws = book("detail-pd").active
    assert ws.sheet_properties.outlinePr.summaryBelow is False  # subtotals above, as on screen
    expected = []
    for program in nodes:
        expected.append((0, program.kode, program.angka, program.bobot))
        for keg in program.anak:
            expected.append((1, keg.kode, keg.angka, keg.bobot))
            expected += [
                (2, line.dpa.sub_kegiatan.kode, line.angka, line.bobot) for line in keg.anak
            ]
    rows = detail_rows(ws)
    assert len(rows) == len(expected) + 1
    for (level, row), (want_level, kode, angka, bobot) in zip(rows, expected, strict=False):
        assert (level, row["Kode"].value) == (want_level, kode)
        assert_money(row["Pagu (Rp)"], angka.pagu)
        assert_percent(row["Bobot (%)"], bobot)
        assert_money(row["Realisasi keuangan (Rp)"], angka.keuangan)
        assert_percent(row["Realisasi keuangan (%)"], angka.keuangan_persen)
    level, last = rows[-1]
    assert (level, last["Uraian"].value) == (0, "Jumlah Dinkes")
    assert_money(last["Pagu (Rp)"], total.sekarang.pagu)
    assert_percent(last["Realisasi fisik (%)"], total.sekarang.fisik)
    assert_percent(last["TTB fisik (%)"], total.ttb)


def test_detail_pd_lines_carry_their_fisik_status_colour_and_kendala(book):
    dinkes = pd_named("Dinkes")
    nodes, _ = reports.detail_pd(PERIODE, DPA.objects.filter(perangkat_daerah=dinkes))
    lines = [line for program in nodes for keg in program.anak for line in keg.anak]
    rows = [row for level, row in detail_rows(book("detail-pd").active) if level == 2]
    assert len(rows) == len(lines)
    for row, line in zip(rows, lines, strict=True):
        assert row["Uraian"].value == line.dpa.nama_sub_kegiatan
        assert_percent(row["Target fisik (%)"], line.dpa.target_fisik_bulan)
        assert_percent(row["Realisasi fisik (%)"], line.fisik_dilaporkan)
        assert_percent(row["TTB fisik (%)"], line.ttb)
        assert row["Kendala"].value == (line.kendala or None)
        assert row["Status"].fill.fgColor.rgb == "00" + excel.WARNA[line.warna][0]


def test_every_dpa_line_of_the_pemda_streams_in_write_only_mode(downloaded, db):
    headers, data, _ = downloaded["dpa-semua"]
    assert headers["streaming"]  # a FileResponse of the saved write-only workbook
    ws = open_workbook(data).active
    rows = [(ws.row_dimensions[row["PD"].row].outlineLevel, row) for row in table(ws)]
    lines = [row for level, row in rows if level == 3]
    assert len(lines) == DPA.objects.filter(tahun=2026).count()
    expected = {
        line.pk: figures.angka_line(PERIODE, line)
        for line in figures.with_line_figures(DPA.objects.all(), PERIODE)
    }
    by_key = {
        (line.perangkat_daerah.singkatan, line.sub_kegiatan.kode, line.sumber_dana.nama): line.pk
        for line in DPA.objects.filter(tahun=2026).with_nomenklatur()
    }
    for row in lines:
        angka = expected[by_key[(row["PD"].value, row["Kode"].value, row["Sumber dana"].value)]]
        assert_money(row["Pagu (Rp)"], angka.pagu)
        assert_money(row["Realisasi keuangan (Rp)"], angka.keuangan)
        assert_percent(row["Realisasi keuangan (%)"], angka.keuangan_persen)
    rekap = {b.kode: b for b in reports.rekap_per_pd(PERIODE, DPA.objects.all()).baris}
    pd_rows = [row for level, row in rows if level == 0][:-1]
    assert {row["Kode"].value for row in pd_rows} == {k for k, b in rekap.items() if b.warna}
    for row in pd_rows:
        assert_rekap_row_subset(row, rekap[row["Kode"].value])
    level, total = rows[-1]
    assert total["Uraian"].value == "Total pemda"
    assert_money(total["Pagu (Rp)"], figures.angka_pemda(PERIODE).pagu)
    assert_percent(total["Realisasi fisik (%)"], figures.angka_pemda(PERIODE).fisik)


def assert_rekap_row_subset(row, baris):
    assert_money(row["Pagu (Rp)"], baris.sekarang.pagu)
    assert_percent(row["Bobot (%)"], baris.bobot)
    assert_percent(row["Realisasi fisik (%)"], baris.sekarang.fisik)
    assert_percent(row["TTB fisik (%)"], baris.ttb)
    assert row["Status"].value == baris.warna.label


def test_every_dpa_lines_programs_and_kegiatan_are_the_pd_detail_subtotals(downloaded, db):
    ws = open_workbook(downloaded["dpa-semua"][1]).active
    rows = [(ws.row_dimensions[row["PD"].row].outlineLevel, row) for row in table(ws)]
    dinkes = pd_named("Dinkes")
    nodes, _ = reports.detail_pd(PERIODE, DPA.objects.filter(perangkat_daerah=dinkes))
    subtotals = {p.kode: p for p in nodes} | {k.kode: k for p in nodes for k in p.anak}
    found = [row for level, row in rows if level in (1, 2) and row["PD"].value == "Dinkes"]
    assert len(found) == len(subtotals)
    for row in found:
        node = subtotals[row["Kode"].value]
        assert_money(row["Pagu (Rp)"], node.angka.pagu)
        assert_percent(row["Bobot (%)"], node.bobot)
        assert_percent(row["TTB fisik (%)"], node.ttb)


def test_kurva_s_carries_the_months_and_two_native_line_charts(book):
    kurva = reports.kurva_s(PERIODE, DPA.objects.all())
    ws = book("kurva-s").active
    rows = table(ws)
    assert [row["Bulan"].value for row in rows] == [fmt.nama_bulan(b) for b in range(1, 13)]
    for bulan, (row, now, last) in enumerate(
        zip(rows, kurva.sekarang, kurva.tahun_lalu, strict=True), 1
    ):
        reported = bulan <= 10
        assert_percent(row["Target fisik 2026 (%)"], now.target_fisik)
        assert_percent(row["Realisasi fisik 2026 (%)"], now.fisik if reported else None)
        assert_percent(row["Realisasi fisik 2025 (%)"], last.fisik)
        assert_percent(
            row["Realisasi keuangan 2026 (%)"], now.keuangan_persen if reported else None
        )
        assert_percent(row["Realisasi keuangan 2025 (%)"], last.keuangan_persen)
    assert len(ws._charts) == 2
    fisik, keuangan = ws._charts
    first, last_row = header_row(ws) + 1, header_row(ws) + 12
    assert [s.val.numRef.f for s in fisik.series] == [
        f"'Kurva S'!${col}${first}:${col}${last_row}" for col in "BCD"
    ]
    assert [s.val.numRef.f for s in keuangan.series] == [
        f"'Kurva S'!${col}${first}:${col}${last_row}" for col in "EFG"
    ]
    assert fisik.series[0].cat.numRef.f == f"'Kurva S'!$A${first}:$A${last_row}"


def test_kendala_lists_the_screens_obstacles_and_the_recommendations(book):
    workbook = book("kendala")
    lines = list(reports.kendala(PERIODE, DPA.objects.all()))
    assert lines, "the demo reports kendala in October"
    rows = table(workbook["Kendala"])
    assert len(rows) == len(lines)
    for row, line in zip(rows, lines, strict=True):
        assert row["Kode sub kegiatan"].value == line.sub_kegiatan.kode
        assert row["Kendala"].value == line.kendala_bulan
        assert_money(row["Pagu (Rp)"], line.pagu_bulan)
        assert_percent(row["Deviasi fisik (poin)"], line.deviasi)
    rekomendasi = list(
        reports.rekomendasi(PERIODE, PerangkatDaerah.objects.all()).select_related("rakor")
    )
    rows = table(workbook["Rekomendasi"])
    assert [row["Rekomendasi"].value for row in rows] == [r.isi for r in rekomendasi]
    assert rows[0]["Batas waktu"].is_date and rows[0]["Batas waktu"].number_format.endswith("yyyy")


def test_kepatuhan_counts_each_pds_lines_and_colours_its_status(book):
    expected = reports.kepatuhan(PERIODE, DPA.objects.all(), PerangkatDaerah.objects.all())
    ws = book("kepatuhan").active
    belum = sum(1 for row in expected if not row.sudah_lapor)
    assert ws["A4"].value == (
        f"{belum} dari {len(expected)} Perangkat Daerah belum menyampaikan seluruh realisasi "
        "Oktober 2026."
    )
    rows = table(ws)
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        assert row["Kode"].value == want.perangkat_daerah.kode
        assert row["Jumlah DPA"].value == want.jumlah_dpa and row["Jumlah DPA"].data_type == "n"
        assert row["Belum diisi"].value == want.belum_diisi
        assert row["Diverifikasi"].value == want.diverifikasi
        colour = excel.WARNA[excel.Warna.HIJAU if want.sudah_lapor else excel.Warna.MERAH][0]
        assert row["Status"].fill.fgColor.rgb == "00" + colour


def test_pengadaan_rows_and_total_are_the_screens(book):
    expected, total = reports.progres_pengadaan(PERIODE, DPA.objects.all())
    rows = table(book("pengadaan").active)
    assert len(rows) == len(expected) + 1
    for row, want in zip(rows, [*expected, total], strict=True):
        assert row["Paket"].value == want["jumlah"]
        assert row["Kontrak"].value == want["tahap_kontrak"]
        assert row["Serah Terima"].value == want["tahap_serah_terima"]
        assert_money(row["HPS (Rp)"], want["hps"])
        assert_money(row["Nilai kontrak (Rp)"], want["nilai_kontrak"])
    assert rows[-1]["Perangkat Daerah"].value == "Jumlah"


def test_a_final_rakor_exports_its_frozen_figures(book):
    rakor = Rakor.objects.get(tahun=2026, triwulan=2)
    materi = snapshot.materi_beku(rakor, PEMDA)
    workbook = book("rakor-final")
    assert workbook.sheetnames == [
        "Ringkasan",
        "Rekap PD",
        "PD tertinggal",
        "Pengadaan",
        "Tindak lanjut",
        "Arahan",
        "Rekomendasi",
        "Peserta",
        "Kurva S",
    ]
    assert workbook["Ringkasan"]["A4"].value.startswith("27 Juli 2026 · Pendopo Kabupaten")
    assert "Final, angka dibekukan 28 Juli 2026" in workbook["Ringkasan"]["A4"].value
    rows = by_first(table(workbook["Ringkasan"]), "Uraian")
    assert_percent(rows["Realisasi fisik (%)"]["Juni 2026"], materi.headline.sekarang.fisik)
    rows = table(workbook["Rekap PD"])
    for row, baris in zip(rows, [*materi.rekap_pd.baris, materi.rekap_pd.total], strict=True):
        assert (row["Kode"].value or "") == baris.kode
        assert_rekap_row(row, baris)
    pengadaan = table(workbook["Pengadaan"])
    assert_money(
        pengadaan[-1]["Nilai kontrak (Rp)"], rakor.pengadaan_beku["total"]["nilai_kontrak"]
    )
    rekomendasi = table(workbook["Rekomendasi"])
    assert {row["Rekomendasi"].value for row in rekomendasi} == {
        "Percepat pengadaan alkes",
        "Tender ulang jalan",
    }
    assert table(workbook["Arahan"])[0]["Arahan pimpinan"].value == "Percepat tender fisik."
    assert len(workbook["Kurva S"]._charts) == 2


def test_a_draft_rakor_exports_the_live_figures_and_the_carried_over_follow_ups(book):
    rakor = Rakor.objects.get(tahun=2026, triwulan=3)
    materi = snapshot.materi_langsung(rakor, PEMDA)
    workbook = book("rakor-draft")
    rows = table(workbook["Rekap PD"])
    for row, baris in zip(rows, [*materi.rekap_pd.baris, materi.rekap_pd.total], strict=True):
        assert_rekap_row(row, baris)
    carried = table(workbook["Tindak lanjut"])
    assert [row["Rakor"].value for row in carried] == ["TW II 2026", "TW II 2026"]
    behind = workbook["PD tertinggal"]
    levels = [
        behind.row_dimensions[r["Perangkat Daerah / sub kegiatan"].row].outlineLevel
        for r in table(behind)
    ]
    assert levels.count(0) == 10 and 1 in levels  # ten PD, each with its kendala folded under


def test_a_rakor_compared_with_the_current_figures_adds_the_comparison(client, demo, db):
    client.force_login(User.objects.get(username="pimpinan"))
    workbook = open_workbook(content(download(client, "rakor-final", bandingkan="1")))
    assert "Perbandingan" in workbook.sheetnames
    rows = table(workbook["Perbandingan"])
    assert len(rows) == len(table(workbook["Rekap PD"])) - 1
    assert {row["Berubah"].value for row in rows} <= {"Ya", "Tidak"}


# --- Who gets what ------------------------------------------------------------------------------


def test_an_operator_exports_only_their_own_pd(client, demo, db):
    client.force_login(User.objects.get(username="operator_dinkes"))
    dinkes, dpupr = pd_named("Dinkes"), pd_named("DPUPR")
    rows = table(open_workbook(content(download(client, "rekap-pd"))).active)
    assert [row["Perangkat Daerah"].value for row in rows] == [dinkes.nama, "Total pemda"]
    assert_money(
        rows[-1]["Pagu (Rp)"],
        figures.angka_pemda(PERIODE, DPA.objects.filter(perangkat_daerah=dinkes)).pagu,
    )
    # Asking for DPUPR's detail, or for every line, gives Dinkes' own.
    for extra in ({"perangkat_daerah": dpupr.pk}, {"perangkat_daerah": ""}):
        response = download(client, "detail-pd", **extra)
        assert "detail-pd_kabupaten-sukamaju_dinkes_2026-10.xlsx" in response["Content-Disposition"]
        codes = {row["Kode"].value for row in table(open_workbook(content(response)).active)}
        dpupr_codes = set(
            DPA.objects.filter(perangkat_daerah=dpupr).values_list("sub_kegiatan__kode", flat=True)
        )
        assert codes and not codes & dpupr_codes


def test_an_operators_rakor_copy_is_their_own_part(client, demo, db):
    client.force_login(User.objects.get(username="operator_dinkes"))
    response = download(client, "rakor-final")
    assert "rakor-pok-tw2_kabupaten-sukamaju_dinkes_2026-06.xlsx" in response["Content-Disposition"]
    workbook = open_workbook(content(response))
    assert "Peserta" not in workbook.sheetnames
    assert [row["Perangkat Daerah"].value for row in table(workbook["Rekap PD"])] == [
        "Dinas Kesehatan",
        "Total pemda",
    ]
    assert [row["PD"].value for row in table(workbook["Rekomendasi"])] == ["Dinkes"]
    assert [row["Perangkat Daerah"].value for row in table(workbook["Pengadaan"])] == [
        "Dinas Kesehatan"
    ]


@pytest.mark.parametrize("name", ["rekap-pd", "dpa-semua", "rakor-final"])
def test_an_export_needs_a_login(client, demo, db, name):
    url, query = url_and_query(name)
    response = client.get(url, query)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@pytest.mark.parametrize("username", ["pimpinan", "auditor", "operator_dpupr"])
@pytest.mark.parametrize("name", ["rekap-pd", "detail-pd", "rakor-draft"])
def test_read_only_roles_and_operators_download(client, demo, db, username, name):
    client.force_login(User.objects.get(username=username))
    assert download(client, name)["Content-Type"] == excel.XLSX


def test_a_sumber_dana_filter_names_the_file_and_the_title_block(client, demo, db):
    client.force_login(User.objects.get(username="pimpinan"))
    sumber = SumberDana.objects.get(kode="DAK-FR")
    response = download(client, "rekap-pd", sumber_dana=sumber.pk)
    assert (
        'filename="rekap-pd_kabupaten-sukamaju_dak-fr_2026-10.xlsx"'
        in (response["Content-Disposition"])
    )
    ws = open_workbook(content(response)).active
    assert ws["A3"].value.endswith(f" · {sumber.nama}")
    rekap = reports.rekap_per_pd(PERIODE, DPA.objects.filter(sumber_dana=sumber))
    assert_money(table(ws)[-1]["Pagu (Rp)"], rekap.total.sekarang.pagu)


def test_an_unknown_format_shows_the_page(client, demo, db):
    client.force_login(User.objects.get(username="pimpinan"))
    response = client.get(reverse("laporan:rekap-pd"), {**QUERY, "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_the_pages_link_to_their_excel_file_with_the_current_filters(client, demo, db):
    client.force_login(User.objects.get(username="pimpinan"))
    text = client.get(reverse("laporan:rekap-pd"), {**QUERY, "format": "pdf"}).text
    assert 'href="?tahun=2026&amp;bulan=10&amp;format=xlsx"' in text
    assert ">Unduh Excel</a>" in text
    text = client.get(reverse("laporan:detail-pd"), QUERY).text
    assert "Unduh semua DPA (Excel)" in text
    rakor = Rakor.objects.get(tahun=2026, triwulan=2)
    text = client.get(reverse("rakor:detail", args=[rakor.pk]), {"bandingkan": "1"}).text
    assert 'href="?bandingkan=1&amp;format=xlsx"' in text


# --- Queries do not grow with the data ------------------------------------------------------------


def grow(n_pd: int, lines_per_pd: int):
    """More PD (and more Dinkes lines), each line with its pagu, RKO, realisations, a kendala in
    October and a procurement package."""
    source = SumberDana.objects.order_by("pk").first()
    pds = PerangkatDaerah.objects.bulk_create(
        PerangkatDaerah(kode=f"9.{i:02d}.01", nama=f"Dinas Uji {i}", singkatan=f"DU{i}")
        for i in range(n_pd)
    )
    subs = [make_sub_kegiatan(f"9.01.02.2.01.{j:04d}") for j in range(1, lines_per_pd + 1)]
    lines = DPA.objects.bulk_create(
        DPA(tahun=tahun, perangkat_daerah=pd, sub_kegiatan=sub, sumber_dana=source, pagu=12 * JT)
        for tahun in (2025, 2026)
        for pd in [*pds, pd_named("Dinkes")]
        for sub in subs
    )
    RiwayatPagu.objects.bulk_create(
        RiwayatPagu(dpa=d, fase="murni", tanggal_berlaku=datetime.date(d.tahun, 1, 1), pagu=d.pagu)
        for d in lines
    )
    RKO.objects.bulk_create(
        RKO(dpa=d, bulan=m, target_fisik=Decimal(m * 8 if m < 12 else 100), target_keuangan=JT)
        for d in lines
        for m in range(1, 13)
    )
    Realisasi.objects.bulk_create(
        Realisasi(
            dpa=d,
            bulan=m,
            realisasi_fisik=Decimal(m * 7),
            realisasi_keuangan=JT,
            status="diverifikasi",
            kendala="Hujan" if m == 10 else "",
        )
        for d in lines
        for m in range(1, 11)
    )
    PaketPengadaan.objects.bulk_create(
        PaketPengadaan(dpa=d, nama=f"Paket {d.pk}", metode="tender") for d in lines
    )


@pytest.mark.parametrize("name", EXPORTS)
def test_export_queries_do_not_grow_with_the_data(
    client, demo, db, name, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username="admin"))
    url, query = url_and_query(name)
    with django_assert_max_num_queries(60) as small:
        content(client.get(url, query))
    grow(8, 6)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        data = content(client.get(url, query))
    assert len(large.captured_queries) == len(small.captured_queries)
    if name == "dpa-semua":
        ws = open_workbook(data).active
        assert sum(1 for row in table(ws) if row["PD"].value == "DU7") == 1 + 1 + 1 + 6


# --- LibreOffice opens every workbook -----------------------------------------------------------


@pytest.fixture(scope="session")
def soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                "CI=true but LibreOffice is missing: apt-get install libreoffice-calc-nogui"
            )
        pytest.skip(
            "opening the workbooks needs LibreOffice (apt-get install libreoffice-calc-nogui)"
        )
    return path


def libreoffice(soffice, files, target, folder):
    """Convert ``files`` with LibreOffice's own Excel 2007 XML import filter (a file it cannot read
    as a workbook is not converted). A private profile keeps parallel runs apart."""
    profile = folder / "profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--infilter=Calc MS Excel 2007 XML",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result


def test_libreoffice_opens_every_workbook(downloaded, soffice, tmp_path):
    files = [path for _, _, path in downloaded.values()]
    result = libreoffice(soffice, files, "pdf", tmp_path)
    assert result.returncode == 0, result.stderr
    for path in files:
        pdf = tmp_path / f"{path.stem}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 1000, f"{path.name}: {result.stdout}"
        assert pdf.read_bytes().startswith(b"%PDF")


def test_libreoffice_refuses_a_broken_workbook(downloaded, soffice, tmp_path):
    """The check above can fail: a truncated workbook is not converted."""
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(downloaded["rekap-pd"][1][:3000])
    libreoffice(soffice, [broken], "pdf", tmp_path)
    assert not (tmp_path / "rusak.pdf").exists()


def test_libreoffice_shows_indonesian_separators(downloaded, soffice, tmp_path, demo, db):
    """Shown as text by LibreOffice (CSV "as shown"), money is 1.234.567 and percentages 41,36."""
    result = libreoffice(
        soffice,
        [downloaded["rekap-pd"][2]],
        "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / f"{downloaded['rekap-pd'][2].stem}.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    total = next(row for row in rows if "Total pemda" in row)
    rekap = reports.rekap_per_pd(PERIODE, DPA.objects.all()).total
    assert fmt.angka(rekap.sekarang.pagu) in total  # e.g. 1.956.911.422.000
    assert fmt.angka(rekap.sekarang.fisik, 2) in total  # e.g. 86,97
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", fmt.angka(rekap.sekarang.pagu))
