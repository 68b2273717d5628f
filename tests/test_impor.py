"""DPA / RKO and SP2D imports: every bad file is refused with a clear Indonesian message and leaves
the database as it was; a good file is previewed, then applied in one transaction; the same file
twice changes nothing; a stale preview is refused; errors come back on screen and as a marked copy
of the file; the shell command does the same; only the admin may import."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl.styles import PatternFill

from impor import berkas, parsers, services
from impor.models import Impor
from impor.parsers import DPA_KOLOM, SP2D_KOLOM
from kegiatan import services as kegiatan_services
from kegiatan.models import DPA, RKO, Kegiatan, Program, RiwayatPagu, SubKegiatan
from laporan import figures, reports
from laporan.periode import Periode
from realisasi import services as entri
from realisasi.models import KunciBulan, Realisasi

from .builders import JT, even_rko, make_dpa, report

DPA_JUDUL = [kolom.judul for kolom in DPA_KOLOM]
SP2D_JUDUL = [kolom.judul for kolom in SP2D_KOLOM]
POSISI = {kolom.kunci: index for index, kolom in enumerate(DPA_KOLOM, start=1)}
POSISI_SP2D = {kolom.kunci: index for index, kolom in enumerate(SP2D_KOLOM, start=1)}


# --- Workbooks as an admin fills them -------------------------------------------------------------


def simpan(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rko_rata(pagu, fisik=None):
    """``even_rko`` with the percentages at two decimals, as a spreadsheet shows them."""
    return [
        (Decimal(target).quantize(Decimal("0.01")), uang)
        for target, uang in even_rko(Decimal(pagu), fisik)
    ]


def baris_dpa(kode_pd, kode_sub, kode_sd, pagu, *, rko=True, fisik=None, **fields) -> dict:
    """One DPA row: codes, pagu and (unless ``rko=False``) an even RKO summing to the pagu."""
    pagu = Decimal(pagu)
    row = {
        "kode_pd": kode_pd,
        "kode_sub_kegiatan": kode_sub,
        "kode_sumber_dana": kode_sd,
        "pagu": pagu,
        **fields,
    }
    if rko:
        for bulan, (target, uang) in enumerate(rko_rata(pagu, fisik), start=1):
            row[f"fisik_{bulan}"] = target
            row[f"uang_{bulan}"] = uang
    return row


def buku_dpa(rows, *, judul=None, lembar="DPA", ubah=None) -> bytes:
    """A workbook with a DPA sheet; ``None`` in ``rows`` is an empty row; ``ubah(wb, ws)`` edits
    it further before it is saved."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = lembar
    ws.append(judul or DPA_JUDUL)
    for row in rows:
        ws.append([] if row is None else [row.get(kolom.kunci) for kolom in DPA_KOLOM])
    if ubah:
        ubah(wb, ws)
    return simpan(wb)


def buku_sp2d(rows, *, ubah=None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SP2D"
    ws.append(SP2D_JUDUL)
    for row in rows:
        ws.append([row.get(kolom.kunci) for kolom in SP2D_KOLOM])
    if ubah:
        ubah(wb, ws)
    return simpan(wb)


def sp2d(kode_pd, kode_sub, kode_sd, tanggal, nilai, nomor=None) -> dict:
    return {
        "nomor": nomor,
        "kode_pd": kode_pd,
        "kode_sub_kegiatan": kode_sub,
        "kode_sumber_dana": kode_sd,
        "tanggal": tanggal,
        "nilai": nilai,
    }


def ganti_xml(data: bytes, part: str, ubah) -> bytes:
    """The same workbook with one XML part rewritten by ``ubah(text) -> text``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = ubah(content.decode()).encode()
            target.writestr(item, content)
    return out.getvalue()


def pesan(galat) -> str:
    return "\n".join(str(item) for item in galat)


# --- The database before and after ----------------------------------------------------------------


def sidik_data():
    """Everything an import may write, and their history: a refused import changes none of it."""
    return (
        list(DPA.objects.order_by("pk").values_list()),
        list(RiwayatPagu.objects.order_by("pk").values_list("pk", "dpa", "fase", "pagu")),
        list(RKO.objects.order_by("pk").values_list("pk", "dpa", "bulan", "target_fisik")),
        list(RKO.objects.order_by("pk").values_list("target_keuangan")),
        list(
            Realisasi.objects.order_by("pk").values_list(
                "pk", "realisasi_fisik", "realisasi_keuangan", "status", "versi"
            )
        ),
        DPA.history.count(),
        RiwayatPagu.history.count(),
        RKO.history.count(),
        Realisasi.history.count(),
        Program.objects.count(),
        Kegiatan.objects.count(),
        SubKegiatan.objects.count(),
    )


@pytest.fixture
def juli(time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)


@pytest.fixture
def dunia(juli, dinkes, dpupr, puskesmas, jalan, apbd, dak, admin_user, pemda):
    return {
        "dinkes": dinkes,
        "dpupr": dpupr,
        "puskesmas": puskesmas,
        "jalan": jalan,
        "apbd": apbd,
        "dak": dak,
        "admin": admin_user,
    }


def unggah(data: bytes, *, by, jenis="dpa", tahun=2026, fase="", tanggal=None, nama="dpa.xlsx"):
    return services.impor_unggah(
        jenis=jenis,
        berkas=SimpleUploadedFile(nama, data),
        nama_asli=nama,
        tahun=tahun,
        fase=fase,
        tanggal_berlaku=tanggal,
        by=by,
    )


def galat_dari(data: bytes, jenis="dpa", tahun=2026, **kwargs):
    hasil = services.pratinjau(jenis=jenis, data=data, tahun=tahun, **kwargs)
    assert hasil.galat, "the file should have been refused"
    return hasil.galat


# --- Reading the file (no database) ---------------------------------------------------------------


def test_defusedxml_guards_openpyxl():
    assert openpyxl.DEFUSEDXML is True


def test_indonesian_text_numbers_are_read_exactly():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1_250_000, rko=False)
    row["pagu"] = "1.250.000,00"
    row["target_keluaran"] = "2,5"
    for bulan in range(1, 13):
        row[f"fisik_{bulan}"] = "45,5" if bulan < 12 else "100"
        row[f"uang_{bulan}"] = "0" if bulan < 12 else "Rp 1.250.000"
    rows, galat = parsers.baca_dpa(buku_dpa([row]))
    assert galat == []
    assert rows[0].pagu == Decimal("1250000.00")
    assert rows[0].target_keluaran == Decimal("2.5")
    assert rows[0].fisik[0] == Decimal("45.5")
    assert rows[0].uang[11] == Decimal("1250000")


def test_a_cell_formatted_as_percent_is_read_as_percent():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["fisik_6"] = 0.455

    def percent_format(wb, ws):
        ws.cell(row=2, column=POSISI["fisik_6"]).number_format = "0.00%"

    rows, galat = parsers.baca_dpa(buku_dpa([row], ubah=percent_format))
    assert galat == []
    assert rows[0].fisik[5] == Decimal("45.50")


def test_empty_rows_are_skipped_and_rows_keep_their_excel_numbers():
    a = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    b = baris_dpa("1.03.01", "1.03.10.2.01.0010", "PAD", 2400)
    rows, galat = parsers.baca_dpa(buku_dpa([a, None, None, b]))
    assert galat == []
    assert [r.baris for r in rows] == [2, 5]


def test_text_in_a_number_cell_is_an_error_with_its_place_and_value():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "satu juta"
    rows, galat = parsers.baca_dpa(buku_dpa([row]))
    assert rows == []
    (item,) = galat
    assert (item.lembar, item.sel, item.judul, item.nilai) == (
        "DPA",
        "E2",
        "Pagu (Rp)",
        "satu juta",
    )
    assert "1.250.000" in item.pesan  # the example of a valid amount


def test_every_error_of_the_file_comes_back_at_once():
    a = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    a["pagu"] = "1,250,000"  # English thousands: refused, not guessed at
    b = baris_dpa("1.03.01", "", "PAD", 2400)
    c = baris_dpa("1.03.01", "1.03.10.2.01.0010", "PAD", 2400)
    c["fisik_5"] = "lima puluh"
    _rows, galat = parsers.baca_dpa(buku_dpa([a, b, c]))
    assert [(g.sel, g.judul) for g in galat] == [
        ("E2", "Pagu (Rp)"),
        ("B3", "Kode Sub Kegiatan"),
        (
            f"{openpyxl.utils.get_column_letter(POSISI['fisik_5'])}4",
            DPA_JUDUL[POSISI["fisik_5"] - 1],
        ),
    ]
    assert "wajib diisi" in galat[1].pesan


def test_targets_that_decrease_do_not_end_at_100_or_miss_the_pagu_are_errors():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["fisik_4"] = Decimal(10)  # March was 25
    row["fisik_12"] = Decimal(90)
    row["uang_1"] = Decimal(500)  # the plan now sums to 1.600
    _rows, galat = parsers.baca_dpa(buku_dpa([row]))
    text = pesan(galat)
    assert "tidak boleh turun: April 10% lebih kecil dari Maret 25%" in text
    assert "Desember harus 100%" in text
    assert "Jumlah rencana keuangan 12 bulan (Rp 1.600) harus sama dengan pagu (Rp 1.200)" in text


def test_a_half_filled_rko_names_the_missing_months():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200, rko=False)
    row["fisik_12"] = 100
    row["uang_12"] = 1200
    _rows, galat = parsers.baca_dpa(buku_dpa([row]))
    assert len(galat) == 11
    assert "Target fisik kumulatif Januari wajib diisi" in galat[0].pesan


def test_duplicate_rows_are_errors():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    _rows, galat = parsers.baca_dpa(buku_dpa([row, dict(row)]))
    (item,) = galat
    assert item.baris == 3
    assert "Baris ganda" in item.pesan and "baris 2" in item.pesan


def test_formulas_are_read_by_their_cached_value():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = None

    def formula(wb, ws):
        ws.cell(row=2, column=POSISI["pagu"]).value = "=600*2"

    data = buku_dpa([row], ubah=formula)
    # openpyxl writes no cached value; Excel and LibreOffice do: add the one they would write.
    cached = ganti_xml(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<f>600*2</f>", "<f>600*2</f><v>1200</v>"),
    )
    rows, galat = parsers.baca_dpa(cached)
    assert galat == []
    assert rows[0].pagu == Decimal(1200)


def test_a_formula_without_a_cached_value_is_an_error():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)

    def formula(wb, ws):
        ws.cell(row=2, column=POSISI["pagu"]).value = "=600*2"

    _rows, galat = parsers.baca_dpa(buku_dpa([row], ubah=formula))
    (item,) = galat
    assert item.sel == "E2"
    assert item.nilai == "=600*2"
    assert "rumus tanpa nilai tersimpan" in item.pesan


def test_merged_cells_are_errors():
    a = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    b = baris_dpa("1.02.01", "1.02.02.2.01.0003", "PAD", 1200)

    def merge(wb, ws):
        ws.merge_cells("A2:A3")

    _rows, galat = parsers.baca_dpa(buku_dpa([a, b], ubah=merge))
    assert any("Sel digabung (merge) A2:A3" in g.pesan and g.sel == "A2" for g in galat)


def test_the_sheet_is_parsed_again_only_for_the_formulas_or_merged_cells_it_holds():
    """Most files have neither: their sheet is parsed once (a 5,000-line sheet is 9 MB of XML)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)

    def validation_list(wb, ws):  # a <formula1> in the sheet's XML, which is not a formula cell
        rule = DataValidation(type="list", formula1='"PAD,DAKF"')
        ws.add_data_validation(rule)
        rule.add("D2:D10")

    def formula(wb, ws):
        ws.cell(row=2, column=POSISI["pagu"]).value = "=600*2"

    def merge(wb, ws):
        ws.merge_cells("F2:G2")

    def ciri(ubah) -> berkas.CiriLembar:
        with berkas.buka(buku_dpa([row], ubah=ubah)) as book:
            return berkas.ciri_lembar(book.nilai["DPA"])

    assert ciri(validation_list) == berkas.CiriLembar(rumus=False, digabung=False)
    assert ciri(formula) == berkas.CiriLembar(rumus=True, digabung=False)
    assert ciri(merge) == berkas.CiriLembar(rumus=False, digabung=True)
    for markup in (b"<f>A1*2</f>", b'<f t="shared" si="0"/>', b"<x:f>A1</x:f>"):
        assert berkas.POLA_RUMUS.search(markup), markup
    for markup in (b"<formula1>$A$1</formula1>", b"<fill/>", b"<t>f</t>"):
        assert not berkas.POLA_RUMUS.search(markup), markup

    class XmlSaja:  # a sheet part as openpyxl hands it over, read a megabyte at a time
        def __init__(self, xml: bytes):
            self.xml = xml

        def _get_source(self):
            return io.BytesIO(self.xml)

    straddling = b"<worksheet>" + b" " * (2**20 - 13) + b"<f>A1</f><mergeCell ref='A2:A3'/>"
    assert berkas.ciri_lembar(XmlSaja(straddling)) == berkas.CiriLembar(True, True)
    utf16 = "<worksheet><c><v>1</v></c></worksheet>".encode("utf-16")
    assert berkas.ciri_lembar(XmlSaja(utf16)) == berkas.CiriLembar(True, True)  # parsed in full


def test_a_missing_or_renamed_sheet_is_an_error():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    (item,) = parsers.baca_dpa(buku_dpa([row], lembar="Data"))[1]
    assert "Lembar “DPA” tidak ditemukan" in item.pesan and "“Data”" in item.pesan


def test_a_renamed_column_is_an_error():
    judul = list(DPA_JUDUL)
    judul[POSISI["pagu"] - 1] = "Anggaran"
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    (item,) = parsers.baca_dpa(buku_dpa([row], judul=judul))[1]
    assert "Kolom “Pagu (Rp)” tidak ditemukan di baris judul" in item.pesan


def test_columns_may_be_reordered_and_titles_differ_in_case():
    order = list(reversed(DPA_KOLOM))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "dpa"
    ws.append([k.judul.upper() for k in order])
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    ws.append([row.get(k.kunci) for k in order])
    rows, galat = parsers.baca_dpa(simpan(wb))
    assert galat == []
    assert rows[0].pagu == 1200


def test_a_nip_typed_as_a_number_is_refused_because_its_digits_are_lost():
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200, pptk_nip=1.98001012005011e17)
    (item,) = parsers.baca_dpa(buku_dpa([row]))[1]
    assert "NIP tersimpan sebagai angka" in item.pesan


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)


def _encrypted_ole() -> bytes:
    """The start of an Office file encrypted with a password: an OLE container with an
    EncryptedPackage stream."""
    return berkas.OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64


def _billion_laughs() -> bytes:
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE worksheet [{entities}]>"

    def bomb(xml):
        if xml.startswith("<?xml"):
            head, _, rest = xml.partition("?>")
            return head + "?>" + doctype + rest
        return doctype + xml.replace("<sheetData>", "<sheetData><!-- &lol9; -->", 1)

    return ganti_xml(data, "xl/worksheets/sheet1.xml", bomb)


def _zip_bomb() -> bytes:
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        with target.open("xl/media/padding.bin", "w") as padding:  # 210 MB of zeros, a few KB
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(210):
                padding.write(chunk)
    return out.getvalue()


def _corrupt_zip() -> bytes:
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    return data[: len(data) // 2]


def _not_a_workbook_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("dokumen.txt", "bukan excel")
    return out.getvalue()


def _damaged_sheet_xml() -> bytes:
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    return ganti_xml(data, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])


def _macro() -> bytes:
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/vbaProject.bin", b"\x00" * 16)
    return out.getvalue()


BAD_FILES = {
    "csv renamed .xlsx": (
        b"kode_pd;pagu\n1.02.01;1250000\n",
        "bukan lembar kerja Excel (.xlsx). Isinya tampak seperti teks CSV",
    ),
    "png renamed .xlsx": (PNG, "bukan lembar kerja Excel (.xlsx). Isinya gambar PNG"),
    "empty": (b"", "Berkas kosong"),
    "corrupt zip": (_corrupt_zip, "rusak atau tidak lengkap"),
    "zip that is no workbook": (_not_a_workbook_zip, "Berkas ZIP ini bukan lembar kerja Excel"),
    "password-protected": (_encrypted_ole, "dilindungi kata sandi"),
    "old xls": (berkas.OLE_MAGIC + b"\x00" * 600, "Excel lama (.xls)"),
    "billion laughs": (_billion_laughs, "konstruksi XML yang tidak diizinkan"),
    "zip bomb": (_zip_bomb, "zip bomb"),
    "damaged sheet": (_damaged_sheet_xml, "rusak atau tidak lengkap"),
    "macro": (_macro, "berisi makro"),
    "huge": (b"PK\x03\x04" + b"\x00" * (berkas.UKURAN_MAKS + 1), "melebihi batas 10 MB"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_a_clear_message(case):
    content, expected = BAD_FILES[case]
    data = content() if callable(content) else content
    rows, galat = parsers.baca_dpa(data)
    assert rows == []
    (item,) = galat
    assert expected in item.pesan
    assert item.sel == ""


def test_an_oversized_file_is_refused_before_it_is_parsed():
    data = b"PK\x03\x04" + b"\x00" * (berkas.UKURAN_MAKS + 1)
    with pytest.raises(berkas.BerkasDitolak, match="melebihi batas 10 MB"):
        berkas.periksa_berkas(data)


def test_more_rows_than_the_cap_are_refused():
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("DPA")
    ws.append(DPA_JUDUL)
    for _ in range(berkas.BARIS_MAKS + 1):
        ws.append(["1.02.01", "1.02.02.2.01.0002", None, "PAD", 1200])
    _rows, galat = parsers.baca_dpa(simpan(wb))
    assert any("lebih dari 5.000 baris data" in g.pesan for g in galat)


def test_sp2d_rows_are_read_with_their_dates():
    rows, galat = parsers.baca_sp2d(
        buku_sp2d(
            [
                sp2d(
                    "1.02.01", "1.02.02.2.01.0002", "PAD", datetime.date(2026, 3, 3), 1000, "1/SP2D"
                ),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "15/03/2026", "2.500.000,50"),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "16 Maret 2026", 10),
            ]
        )
    )
    assert galat == []
    assert [r.tanggal for r in rows] == [datetime.date(2026, 3, d) for d in (3, 15, 16)]
    assert rows[1].nilai == Decimal("2500000.50")
    assert rows[0].nomor == "1/SP2D"


def test_sp2d_duplicates_zero_amounts_and_bad_dates_are_errors():
    rows, galat = parsers.baca_sp2d(
        buku_sp2d(
            [
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "03/03/2026", 1000, "1/SP2D"),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "04/03/2026", 2000, "1/sp2d"),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "05/03/2026", 0),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "31/02/2026", 10),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "06/03/2026", 7),
                sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "06/03/2026", 7),
            ]
        )
    )
    assert rows == []
    text = pesan(galat)
    assert "Nomor SP2D ganda: sudah ada di baris 2" in text
    assert "Nilai SP2D harus lebih dari 0" in text
    assert "Tanggal tidak dikenali" in text
    assert "isinya sama persis dengan baris 6" in text


# --- DPA import against the database --------------------------------------------------------------


def test_a_refused_file_changes_nothing_and_is_logged_with_its_errors(dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200)
    before = sidik_data()
    for case in sorted(BAD_FILES):
        if case == "huge":
            continue  # refused before it is stored: see the upload view's test
        content, expected = BAD_FILES[case]
        data = content() if callable(content) else content
        if not data:
            continue  # the upload form refuses an empty file
        impor = unggah(data, by=dunia["admin"])
        assert impor.status == Impor.Status.DITOLAK, case
        assert expected in impor.galat[0]["pesan"], case
    assert sidik_data() == before


def test_unknown_codes_are_refused_and_nothing_is_written(dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200)
    before = sidik_data()
    data = buku_dpa(
        [
            baris_dpa("9.99.99", "1.02.02.2.01.0002", "PAD", 1200),
            baris_dpa("1.02.01", "1.02.02.2.01.9999", "PAD", 1200),
            baris_dpa("1.02.01", "1.02.02.2.01.0002", "XYZ", 1200),
            baris_dpa("1.03.01", "1.03.10.2.01.0010", "PAD", 3000),  # fine on its own
        ]
    )
    galat = galat_dari(data)
    assert [(g.sel, g.nilai) for g in galat] == [
        ("A2", "9.99.99"),
        ("B3", "1.02.02.2.01.9999"),
        ("D4", "XYZ"),
    ]
    assert "tambahkan sub kegiatan lewat Data induk" in galat[1].pesan
    impor = unggah(data, by=dunia["admin"])
    assert impor.status == Impor.Status.DITOLAK and impor.jumlah_galat == 3
    assert sidik_data() == before


def test_a_new_dpa_is_previewed_then_applied_in_one_go(dunia):
    data = buku_dpa(
        [
            baris_dpa(
                "1.02.01",
                "1.02.02.2.01.0002",
                "PAD",
                1200 * JT,
                lokasi="Kec. Sukamaju",
                pptk_nip="198001012005011001",
            ),
            baris_dpa("1.03.01", "1.03.10.2.01.0010", "DAKF", 3000 * JT),
        ]
    )
    before = sidik_data()
    impor = unggah(data, by=dunia["admin"])
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    assert impor.ringkasan["baru"] == 2 and impor.ringkasan["diubah"] == 0
    assert [row["aksi"] for row in impor.pratinjau] == ["baru", "baru"]
    assert sidik_data() == before  # a preview writes nothing

    services.impor_terapkan(impor=impor, by=dunia["admin"])
    impor.refresh_from_db()
    assert impor.status == Impor.Status.DITERAPKAN
    assert impor.diterapkan_oleh == dunia["admin"]
    line = DPA.objects.get(perangkat_daerah=dunia["dinkes"], tahun=2026)
    assert line.pagu == 1200 * JT
    assert (line.lokasi, line.pptk_nip) == ("Kec. Sukamaju", "198001012005011001")
    assert line.nama_sub_kegiatan == "Pembangunan Puskesmas"  # from the master data
    assert list(line.riwayat_pagu.values_list("fase", "tanggal_berlaku", "pagu")) == [
        ("murni", datetime.date(2026, 1, 1), 1200 * JT)
    ]
    assert [(r.bulan, r.target_fisik, r.target_keuangan) for r in line.rko.all()] == [
        (bulan, fisik, uang) for bulan, (fisik, uang) in enumerate(rko_rata(1200 * JT), start=1)
    ]
    history = line.history.get()
    assert history.history_user == dunia["admin"]
    assert history.history_change_reason == f"Impor DPA dan RKO #{impor.pk}"
    assert {r.history_change_reason for r in RKO.history.all()} == {history.history_change_reason}


def test_importing_the_same_file_again_changes_nothing(dunia):
    data = buku_dpa(
        [
            baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200 * JT, lokasi="Sukamaju"),
            baris_dpa("1.03.01", "1.03.10.2.01.0010", "PAD", 3000 * JT),
        ]
    )
    services.impor_terapkan(impor=unggah(data, by=dunia["admin"]), by=dunia["admin"])
    before = sidik_data()
    again = unggah(data, by=dunia["admin"])
    assert again.ringkasan["tetap"] == 2
    assert again.ringkasan["baru"] == again.ringkasan["diubah"] == 0
    services.impor_terapkan(impor=again, by=dunia["admin"])
    assert sidik_data() == before  # no new row, no new history row either


def test_an_updated_pagu_is_recorded_in_its_phase_and_realisasi_is_untouched(dunia):
    line = make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT)
    report(line, 3, 20, 100 * JT)
    report(line, 5, 40, 50 * JT, status=Realisasi.Status.DIAJUKAN)
    realisasi_before = list(Realisasi.objects.values_list())
    realisasi_history = Realisasi.history.count()
    fisik = [Decimal(x) for x in (5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100)]
    data = buku_dpa(
        [baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 900 * JT, fisik=fisik, lokasi="Baru")]
    )
    impor = unggah(data, by=dunia["admin"], fase="perubahan", tanggal=datetime.date(2026, 9, 15))
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    (row,) = impor.pratinjau
    assert row["aksi"] == "diubah"
    assert (
        "Pagu Rp 1.200.000.000 → Rp 900.000.000 (perubahan, berlaku 15/09/2026)."
        in (row["perubahan"])
    )
    assert "Lokasi: (kosong) → “Baru”." in row["perubahan"]

    services.impor_terapkan(impor=impor, by=dunia["admin"])
    line.refresh_from_db()
    assert line.pagu == 900 * JT
    assert list(line.riwayat_pagu.values_list("fase", "tanggal_berlaku", "pagu")) == [
        ("murni", datetime.date(2026, 1, 1), 1200 * JT),
        ("perubahan", datetime.date(2026, 9, 15), 900 * JT),
    ]
    assert line.riwayat_pagu.last().keterangan == impor.alasan_riwayat
    assert [r.target_fisik for r in line.rko.all()] == fisik
    assert sum(r.target_keuangan for r in line.rko.all()) == 900 * JT
    assert list(Realisasi.objects.values_list()) == realisasi_before
    assert Realisasi.history.count() == realisasi_history
    # The reports: the old pagu until August, the new one from September.
    assert figures.angka_pemda(Periode(2026, 8)).pagu == 1200 * JT
    assert figures.angka_pemda(Periode(2026, 9)).pagu == 900 * JT


def test_a_changed_pagu_without_a_phase_is_an_error(dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT)
    before = sidik_data()
    (item,) = galat_dari(buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 900 * JT)]))
    assert item.sel == "E2"
    assert "pilih fase (pergeseran, refocusing atau perubahan)" in item.pesan
    assert sidik_data() == before


def test_a_pagu_below_what_was_spent_or_dated_before_the_last_change_is_an_error(dunia):
    line = make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT)
    kegiatan_services.pagu_change(
        dpa=line, fase="pergeseran", tanggal_berlaku=datetime.date(2026, 6, 1), pagu=1000 * JT
    )
    report(line, 3, 20, 700 * JT)
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 600 * JT)])
    galat = galat_dari(data, fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 1))
    text = pesan(galat)
    assert "tidak setelah perubahan pagu terakhir DPA ini (pergeseran, 01/06/2026)" in text
    assert "lebih kecil dari realisasi keuangan yang sudah tercatat (Rp 700.000.000)" in text


def test_a_new_line_in_a_budget_phase_counts_only_from_its_date(dunia):
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 500 * JT)])
    impor = unggah(data, by=dunia["admin"], fase="perubahan", tanggal=datetime.date(2026, 9, 15))
    services.impor_terapkan(impor=impor, by=dunia["admin"])
    line = DPA.objects.get()
    assert list(line.riwayat_pagu.values_list("fase", "pagu")) == [
        ("murni", 0),
        ("perubahan", 500 * JT),
    ]
    assert figures.angka_pemda(Periode(2026, 6)).pagu == 0
    assert figures.angka_pemda(Periode(2026, 12)).pagu == 500 * JT


def test_a_changed_pagu_needs_a_new_plan_when_the_file_leaves_the_rko_empty(dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT)
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 900 * JT, rko=False)])
    (item,) = galat_dari(data, fase="perubahan", tanggal_berlaku=datetime.date(2026, 9, 15))
    assert "RKO yang tercatat berjumlah Rp 1.200.000.000" in item.pesan


def test_empty_descriptive_cells_leave_the_line_as_it_is(dunia):
    make_dpa(
        dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200, lokasi="Desa A", pptk_nama="Budi"
    )
    before = sidik_data()
    impor = unggah(buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)]), by=None)
    assert impor.ringkasan["tetap"] == 1
    services.impor_terapkan(impor=impor, by=None)
    assert sidik_data() == before


def test_apply_refuses_a_stale_preview_and_writes_nothing(dunia):
    line = make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200)
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200, lokasi="Desa B")])
    impor = unggah(data, by=dunia["admin"])
    assert impor.status == Impor.Status.PRATINJAU
    # Meanwhile someone changes the line's plan.
    kegiatan_services.rko_set(dpa=line, targets=even_rko(Decimal(1200), [Decimal(50)] * 12))
    before = sidik_data()
    with pytest.raises(services.PratinjauKedaluwarsa):
        services.impor_terapkan(impor=impor, by=dunia["admin"])
    assert sidik_data() == before
    impor.refresh_from_db()
    assert impor.status == Impor.Status.KEDALUWARSA
    with pytest.raises(ValidationError, match="berstatus"):
        services.impor_terapkan(impor=impor, by=dunia["admin"])


def test_apply_refuses_a_stored_file_that_changed(dunia):
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    impor = unggah(data, by=dunia["admin"])
    other = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 2400)])
    with open(impor.berkas.path, "wb") as handle:
        handle.write(other)
    before = sidik_data()
    with pytest.raises(services.PratinjauKedaluwarsa):
        services.impor_terapkan(impor=impor, by=dunia["admin"])
    assert sidik_data() == before


def test_an_import_is_applied_only_once(dunia):
    impor = unggah(buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)]), by=None)
    services.impor_terapkan(impor=impor, by=dunia["admin"])
    with pytest.raises(ValidationError, match="Diterapkan"):
        services.impor_terapkan(impor=impor, by=dunia["admin"])
    assert DPA.objects.count() == 1


def test_only_an_admin_uploads_or_applies(dunia, operator_dinkes, pimpinan):
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    for user in (operator_dinkes, pimpinan):
        with pytest.raises(PermissionDenied):
            unggah(data, by=user)
    impor = unggah(data, by=dunia["admin"])
    with pytest.raises(PermissionDenied):
        services.impor_terapkan(impor=impor, by=operator_dinkes)
    assert DPA.objects.count() == 0


def test_the_error_copy_marks_the_bad_cells_in_red_with_a_comment(dunia):
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "12O0"  # a letter O
    row["fisik_3"] = Decimal(1)
    data = buku_dpa([row])
    impor = unggah(data, by=dunia["admin"])
    galat = [parsers.Galat.from_dict(item) for item in impor.galat]
    copy = openpyxl.load_workbook(io.BytesIO(templat_salinan(impor)))
    assert copy.sheetnames[0] == "Galat Impor"
    ws = copy["DPA"]
    for item in galat:
        cell = ws[item.sel]
        assert cell.fill.fgColor.rgb.endswith("FFC7CE"), item.sel
        assert item.pesan in cell.comment.text
    assert ws["A2"].comment is None and ws["A2"].value == "1.02.01"  # the rest as it was
    listed = list(copy["Galat Impor"].iter_rows(min_row=4, values_only=True))
    assert [(r[2], r[6]) for r in listed] == [(g.sel, g.pesan) for g in galat]


def templat_salinan(impor) -> bytes:
    from impor import templat

    with impor.berkas.open("rb") as stored:
        data = stored.read()
    return templat.salinan_bertanda(data, [parsers.Galat.from_dict(g) for g in impor.galat])


# --- SP2D import ----------------------------------------------------------------------------------


@pytest.fixture
def garis(dunia):
    """Puskesmas (Dinkes, Rp 1.200 jt) with a verified March and a draft April; Jalan (DPUPR,
    Rp 600 jt) with nothing reported."""
    a = make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT)
    b = make_dpa(dunia["dpupr"], dunia["jalan"], dunia["apbd"], 600 * JT)
    report(a, 3, 20, 100 * JT)
    report(a, 4, 30, 10 * JT, status=Realisasi.Status.DRAFT)
    return {"a": a, "b": b}


def test_sp2d_sums_per_month_and_replaces_that_months_money(dunia, garis):
    data = buku_sp2d(
        [
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/03/2026", "60.000.000", "1"),
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "20/03/2026", 90 * JT, "2"),
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "10/05/2026", 5 * JT, "3"),
            sp2d("1.03.01", "1.03.10.2.01.0010", "PAD", "11/06/2026", 70 * JT, "4"),
        ]
    )
    impor = unggah(data, by=dunia["admin"], jenis="sp2d")
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    ring = impor.ringkasan
    assert (ring["baris"], ring["bulan_dpa"], ring["baru"], ring["diubah"]) == (4, 3, 2, 1)
    assert ring["terverifikasi_berubah"] == 1 and ring["turun"] == 0
    march = Realisasi.objects.get(dpa=garis["a"], bulan=3)

    services.impor_terapkan(impor=impor, by=dunia["admin"])
    march.refresh_from_db()
    assert march.realisasi_keuangan == 150 * JT  # 60 + 90, replacing 100
    assert march.status == Realisasi.Status.DIVERIFIKASI and march.versi == 2
    assert march.realisasi_fisik == 20
    latest = march.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        dunia["admin"],
        f"Impor SP2D (realisasi keuangan) #{impor.pk}",
    )
    may = Realisasi.objects.get(dpa=garis["a"], bulan=5)
    # A new draft carries the last cumulative fisik (April's draft, 30%).
    assert (may.status, may.realisasi_fisik, may.realisasi_keuangan) == ("draft", 30, 5 * JT)
    june = Realisasi.objects.get(dpa=garis["b"], bulan=6)
    assert (june.status, june.realisasi_fisik, june.realisasi_keuangan) == ("draft", 0, 70 * JT)
    assert Realisasi.objects.get(dpa=garis["a"], bulan=4).realisasi_keuangan == 10 * JT
    # Verified money counts in the reports at once; drafts wait for the PD.
    assert figures.angka_pemda(Periode(2026, 6)).keuangan == 150 * JT

    before = sidik_data()
    again = unggah(data, by=dunia["admin"], jenis="sp2d")
    assert again.ringkasan["tetap"] == 3 and again.ringkasan["diubah"] == 0
    services.impor_terapkan(impor=again, by=dunia["admin"])
    assert sidik_data() == before


def test_sp2d_over_the_pagu_in_force_is_an_error(dunia, garis):
    kegiatan_services.pagu_change(
        dpa=garis["b"], fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 15), pagu=100 * JT
    )
    before = sidik_data()
    data = buku_sp2d(
        [
            sp2d("1.03.01", "1.03.10.2.01.0010", "PAD", "02/03/2026", 80 * JT),
            sp2d("1.03.01", "1.03.10.2.01.0010", "PAD", "02/06/2026", 30 * JT),
        ]
    )
    (item,) = galat_dari(data, jenis="sp2d")
    assert item.baris == 3 and item.judul == "Nilai (Rp)"
    assert "kumulatif s.d. Juni menjadi Rp 110.000.000, melebihi pagu berlaku Rp 100.000.000" in (
        item.pesan
    )
    assert unggah(data, by=dunia["admin"], jenis="sp2d").status == Impor.Status.DITOLAK
    assert sidik_data() == before


def test_sp2d_outside_the_year_in_the_future_or_without_a_dpa_is_an_error(dunia, garis):
    data = buku_sp2d(
        [
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "20/12/2025", 1 * JT),
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "20/07/2026", 1 * JT),
            sp2d("1.02.01", "1.03.10.2.01.0010", "PAD", "01/03/2026", 1 * JT),
            sp2d("1.02.01", "1.02.02.2.01.0002", "DAKF", "01/03/2026", 1 * JT),
        ]
    )
    galat = galat_dari(data, jenis="sp2d")
    assert [(g.sel, g.pesan.split(".")[0]) for g in galat] == [
        ("E2", "Tanggal SP2D di luar tahun anggaran 2026 yang dipilih"),
        ("E3", "Tanggal SP2D di masa depan (hari ini 05/07/2026)"),
        ("C4", "Tidak ada DPA tahun 2026 untuk PD DINKES, sub kegiatan 1"),
        ("C5", "Tidak ada DPA tahun 2026 untuk PD DINKES, sub kegiatan 1"),
    ]


def test_sp2d_corrects_a_locked_month_and_says_so(dunia, garis):
    KunciBulan.objects.create(
        tahun=2026,
        bulan=3,
        batas_pengisian=datetime.date(2026, 4, 10),
        dikunci_pada=datetime.datetime(2026, 4, 11, tzinfo=datetime.UTC),
    )
    data = buku_sp2d([sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/03/2026", 80 * JT)])
    impor = unggah(data, by=dunia["admin"], jenis="sp2d")
    (row,) = impor.pratinjau
    assert row["peringatan"] is True
    text = " ".join(row["perubahan"])
    assert "Bulan sudah ditutup (Bulan ini telah dikunci oleh admin)" in text
    assert "nilai yang sudah diverifikasi diubah" in text and "nilai turun Rp 20.000.000" in text
    services.impor_terapkan(impor=impor, by=dunia["admin"])
    march = Realisasi.objects.get(dpa=garis["a"], bulan=3)
    assert march.realisasi_keuangan == 80 * JT
    assert march.diubah_oleh == dunia["admin"]
    assert march.history.first().history_change_reason.startswith("Impor SP2D")


def test_sp2d_makes_an_open_entry_form_stale(dunia, garis, operator_dinkes):
    """An operator who opened June before the import cannot overwrite the imported money."""
    june = report(garis["a"], 6, 40, 10 * JT, status=Realisasi.Status.DRAFT)
    shown = june.versi
    data = buku_sp2d([sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/06/2026", 25 * JT)])
    services.impor_terapkan(impor=unggah(data, by=dunia["admin"], jenis="sp2d"), by=dunia["admin"])
    june.refresh_from_db()
    assert (june.versi, june.realisasi_keuangan) == (shown + 1, 25 * JT)
    with pytest.raises(entri.KonflikVersi):
        entri.realisasi_save(
            perangkat_daerah=dunia["dinkes"],
            tahun=2026,
            bulan=6,
            rows={
                garis["a"].pk: entri.IsianBaris(
                    fisik=Decimal(40), keuangan=10 * JT, kendala="x", solusi="y", versi=shown
                )
            },
            by=operator_dinkes,
        )
    june.refresh_from_db()
    assert june.realisasi_keuangan == 25 * JT


# --- The pages ------------------------------------------------------------------------------------


def test_the_admin_previews_and_applies_through_the_pages(client, dunia):
    client.force_login(dunia["admin"])
    page = client.get(reverse("impor:daftar"))
    assert page.status_code == 200
    assert "Unduh templat DPA" in page.content.decode()
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200 * JT)
    row["pagu"] = "1.200.000.000"
    data = buku_dpa([row])
    response = client.post(
        reverse("impor:unggah-dpa"),
        {"dpa-tahun": 2026, "dpa-fase": "", "dpa-berkas": SimpleUploadedFile("dpa.xlsx", data)},
    )
    impor = Impor.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("impor:detail", args=[impor.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Pratinjau, belum diterapkan" in page
    assert 'data-testid="jumlah-baru">1<' in page
    assert "Rp 1.200.000.000" in page
    assert DPA.objects.count() == 0

    response = client.post(reverse("impor:terapkan", args=[impor.pk]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"Impor #{impor.pk} diterapkan" in page
    assert DPA.objects.get().pagu == 1200 * JT


def test_the_errors_are_listed_on_screen_and_the_marked_copy_downloads(client, dunia):
    client.force_login(dunia["admin"])
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "seribu"
    response = client.post(
        reverse("impor:unggah-dpa"),
        {"dpa-tahun": 2026, "dpa-berkas": SimpleUploadedFile("dpa.xlsx", buku_dpa([row]))},
        follow=True,
    )
    page = response.content.decode()
    assert "Berkas berisi 1 galat; tidak ada data yang disimpan." in page
    assert "<td>E2</td>" in page and "seribu" in page and "Pagu (Rp)" in page
    impor = Impor.objects.get()
    download = client.get(reverse("impor:galat", args=[impor.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith(
        f'attachment; filename="galat-impor-{impor.pk}-dpa.xlsx'
    )
    copy = openpyxl.load_workbook(io.BytesIO(download.content))
    assert copy["DPA"]["E2"].fill == PatternFill("solid", fgColor="FFC7CE")
    assert "1.250.000" in copy["DPA"]["E2"].comment.text


def test_a_file_that_is_not_a_workbook_gets_a_list_of_its_errors(client, dunia):
    client.force_login(dunia["admin"])
    client.post(
        reverse("impor:unggah-dpa"),
        {"dpa-tahun": 2026, "dpa-berkas": SimpleUploadedFile("dpa.xlsx", PNG)},
    )
    impor = Impor.objects.get()
    page = client.get(reverse("impor:detail", args=[impor.pk])).content.decode()
    assert "Isinya gambar PNG" in page
    download = client.get(reverse("impor:galat", args=[impor.pk]))
    copy = openpyxl.load_workbook(io.BytesIO(download.content))
    assert copy.sheetnames == ["Galat Impor"]
    assert "Isinya gambar PNG" in copy["Galat Impor"]["G4"].value


def test_an_oversized_upload_is_refused_before_it_is_stored(client, dunia):
    client.force_login(dunia["admin"])
    huge = SimpleUploadedFile("dpa.xlsx", b"PK\x03\x04" + b"\x00" * (berkas.UKURAN_MAKS + 1))
    response = client.post(reverse("impor:unggah-dpa"), {"dpa-tahun": 2026, "dpa-berkas": huge})
    assert response.status_code == 400
    assert "Ukuran berkas melebihi batas 10 MB" in response.content.decode()
    assert not Impor.objects.exists()


def test_a_phase_needs_its_date_in_the_year(client, dunia):
    client.force_login(dunia["admin"])
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    response = client.post(
        reverse("impor:unggah-dpa"),
        {
            "dpa-tahun": 2026,
            "dpa-fase": "perubahan",
            "dpa-tanggal_berlaku": "2025-09-15",
            "dpa-berkas": SimpleUploadedFile("dpa.xlsx", data),
        },
    )
    assert response.status_code == 400
    assert "Tanggal berlaku harus di tahun anggaran 2026." in response.content.decode()
    assert not Impor.objects.exists()


def test_the_templates_download_with_master_data_and_validation_lists(client, dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT, lokasi="Desa A")
    client.force_login(dunia["admin"])
    response = client.get(reverse("impor:templat-dpa"), {"tahun": 2026})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="templat-impor-dpa-rko-pemerintah-kabupaten-uji-2026.xlsx"'
    )
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Petunjuk", "DPA", "Perangkat Daerah", "Sub Kegiatan", "Sumber Dana"]
    ws = wb["DPA"]
    assert [c.value for c in ws[1]] == DPA_JUDUL
    assert [ws.cell(row=2, column=POSISI[k]).value for k in ("kode_pd", "pagu", "lokasi")] == [
        "1.02.01",
        1200 * JT,
        "Desa A",
    ]
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists == {
        "'Perangkat Daerah'!$A$2:$A$3",
        "'Sub Kegiatan'!$A$2:$A$3",
        "'Sumber Dana'!$A$2:$A$3",
    }
    assert [r[0].value for r in wb["Sumber Dana"].iter_rows(min_row=2)] == ["DAKF", "PAD"]
    assert "Pagu yang berbeda dari pagu berlaku" in "\n".join(
        str(c.value) for c in wb["Petunjuk"]["B"]
    )
    sp2d_book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("impor:templat-sp2d"), {"tahun": 2026}).content)
    )
    assert sp2d_book.sheetnames == [
        "Petunjuk",
        "SP2D",
        "Daftar DPA",
        "Perangkat Daerah",
        "Sumber Dana",
    ]
    assert [c.value for c in sp2d_book["SP2D"][1]] == SP2D_JUDUL


def test_a_downloaded_template_imports_back_unchanged(client, dunia):
    make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200 * JT, lokasi="Desa A")
    client.force_login(dunia["admin"])
    data = client.get(reverse("impor:templat-dpa"), {"tahun": 2026}).content
    impor = unggah(data, by=dunia["admin"])
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    assert impor.ringkasan["tetap"] == 1 and impor.ringkasan["baris"] == 1


URLS = {
    "impor:daftar": ("get", {}),
    "impor:templat-dpa": ("get", {}),
    "impor:templat-sp2d": ("get", {}),
    "impor:unggah-dpa": ("post", {}),
    "impor:unggah-sp2d": ("post", {}),
    "impor:detail": ("get", {"pk": None}),
    "impor:galat": ("get", {"pk": None}),
    "impor:terapkan": ("post", {"pk": None}),
}


@pytest.mark.parametrize("name", sorted(URLS))
def test_only_the_admin_may_use_an_import_page(
    client, dunia, operator_dinkes, pimpinan, auditor, name
):
    """Anonymous → login; an operator, the pimpinan and the auditor → 403; the admin → 200/302;
    a refused request writes nothing."""
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "salah"
    impor = unggah(buku_dpa([row]), by=dunia["admin"])
    method, kwargs = URLS[name]
    url = reverse(name, kwargs=dict.fromkeys(kwargs, impor.pk))
    before = (sidik_data(), list(Impor.objects.values_list("pk", "status")))

    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    for user in (operator_dinkes, pimpinan, auditor):
        client.force_login(user)
        assert getattr(client, method)(url).status_code == 403, user
    assert (sidik_data(), list(Impor.objects.values_list("pk", "status"))) == before
    client.force_login(dunia["admin"])
    assert getattr(client, method)(url).status_code in (200, 302, 400)


def test_an_import_that_does_not_exist_is_404(client, dunia):
    client.force_login(dunia["admin"])
    assert client.get(reverse("impor:detail", args=[999])).status_code == 404
    assert client.post(reverse("impor:terapkan", args=[999])).status_code == 404


# --- The shell ------------------------------------------------------------------------------------


def test_the_command_previews_without_writing_then_applies(tmp_path, dunia):
    path = tmp_path / "dpa.xlsx"
    path.write_bytes(buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200 * JT)]))
    out = io.StringIO()
    call_command("impor_dpa", str(path), tahun=2026, stdout=out)
    text = out.getvalue()
    assert "[Baru] baris 2: DINKES 1.02.02.2.01.0002 (PAD)" in text
    assert "tidak ada yang disimpan" in text
    assert not DPA.objects.exists() and not Impor.objects.exists()

    out = io.StringIO()
    call_command(
        "impor_dpa", str(path), tahun=2026, terapkan=True, pengguna="admin_bappeda", stdout=out
    )
    assert "diterapkan dalam satu transaksi" in out.getvalue()
    impor = Impor.objects.get()
    assert (impor.sumber, impor.dibuat_oleh, impor.status) == (
        "perintah",
        dunia["admin"],
        "diterapkan",
    )
    line = DPA.objects.get()
    assert line.history.get().history_user == dunia["admin"]

    path.write_bytes(buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 900 * JT)]))
    call_command(
        "impor_dpa",
        str(path),
        "--tahun=2026",
        "--fase=refocusing",
        "--tanggal=2026-05-15",
        "--terapkan",
        stdout=io.StringIO(),
    )
    line.refresh_from_db()
    assert line.pagu == 900 * JT
    assert line.riwayat_pagu.last().fase == "refocusing"


def test_the_command_lists_every_error_writes_a_marked_copy_and_nothing_else(tmp_path, dunia):
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "x"
    row["kode_sumber_dana"] = None
    path = tmp_path / "dpa.xlsx"
    path.write_bytes(buku_dpa([row]))
    copy = tmp_path / "galat.xlsx"
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 galat; tidak ada yang disimpan"):
        call_command(
            "impor_dpa",
            str(path),
            tahun=2026,
            terapkan=True,
            salinan_galat=str(copy),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "DPA, sel D2, kolom “Kode Sumber Dana”: Kode sumber dana wajib diisi." in err.getvalue()
    assert openpyxl.load_workbook(copy)["DPA"]["E2"].comment is not None
    assert not DPA.objects.exists() and not Impor.objects.exists()


def test_the_sp2d_command_applies_as_the_web_does(tmp_path, dunia, garis):
    path = tmp_path / "sp2d.xlsx"
    path.write_bytes(buku_sp2d([sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/03/2026", 5 * JT)]))
    call_command("impor_sp2d", str(path), tahun=2026, terapkan=True, stdout=io.StringIO())
    assert Realisasi.objects.get(dpa=garis["a"], bulan=3).realisasi_keuangan == 5 * JT


def test_the_commands_refuse_a_user_who_is_not_an_admin_and_a_missing_file(
    tmp_path, dunia, pimpinan
):
    with pytest.raises(CommandError, match="bukan Admin"):
        call_command("impor_dpa", str(tmp_path / "x.xlsx"), tahun=2026, pengguna="bupati")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("impor_dpa", str(tmp_path / "tidak-ada.xlsx"), tahun=2026)


def test_the_commands_explain_themselves_in_indonesian(capsys):
    for name in ("impor_dpa", "impor_sp2d"):
        with pytest.raises(SystemExit):
            call_command(name, "--help")
        text = capsys.readouterr().out
        assert "Tanpa --terapkan hanya" in text
        assert "Tahun anggaran tujuan impor" in text


# --- A round trip ---------------------------------------------------------------------------------


def test_round_trip_template_fill_import_and_the_reports_agree(client, dunia):
    """Export the template, fill it as an admin would (Indonesian text numbers included), import
    DPA and SP2D, then the figures and the rekap per PD show what the file said."""
    client.force_login(dunia["admin"])
    wb = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("impor:templat-dpa"), {"tahun": 2026}).content)
    )
    ws = wb["DPA"]
    fisik_a = [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100]
    rows = [
        baris_dpa(
            "1.02.01", "1.02.02.2.01.0002", "PAD", 1000 * JT, fisik=[Decimal(x) for x in fisik_a]
        ),
        baris_dpa("1.03.01", "1.03.10.2.01.0010", "DAKF", 3000 * JT),
    ]
    rows[1]["pagu"] = "3.000.000.000,00"
    for number, row in enumerate(rows, start=2):
        for kunci, value in row.items():
            ws.cell(row=number, column=POSISI[kunci], value=value)
    impor = unggah(simpan(wb), by=dunia["admin"])
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    response = client.post(reverse("impor:terapkan", args=[impor.pk]))
    assert response.status_code == 302

    # Money realised through SP2D on rows the PD already reported and the admin verified.
    a = DPA.objects.get(perangkat_daerah=dunia["dinkes"])
    b = DPA.objects.get(perangkat_daerah=dunia["dpupr"])
    report(a, 6, 45, 0)
    report(b, 6, 30, 0)
    sp2d_file = buku_sp2d(
        [
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "03/06/2026", 300 * JT, "A1"),
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "24/06/2026", "100.000.000", "A2"),
            sp2d("1.03.01", "1.03.10.2.01.0010", "DAKF", "15/06/2026", 600 * JT, "B1"),
        ]
    )
    impor = unggah(sp2d_file, by=dunia["admin"], jenis="sp2d")
    services.impor_terapkan(impor=impor, by=dunia["admin"])

    june = Periode(2026, 6)
    pemda = figures.angka_pemda(june)
    assert pemda.pagu == 4000 * JT
    assert pemda.keuangan == 1000 * JT
    # Target fisik weighted by pagu: (1000 × 50 + 3000 × 50) / 4000.
    assert pemda.target_fisik == Decimal(50)
    assert pemda.fisik == (1000 * 45 + 3000 * 30) / Decimal(4000)
    rekap = reports.rekap_per_pd(june, DPA.objects.all())
    by_pd = {row.label: row.sekarang for row in rekap.baris}
    assert {label: (angka.pagu, angka.keuangan) for label, angka in by_pd.items()} == {
        "Dinas Kesehatan": (1000 * JT, 400 * JT),
        "Dinas Pekerjaan Umum dan Penataan Ruang": (3000 * JT, 600 * JT),
    }
    page = client.get(reverse("laporan:rekap-pd"), {"tahun": 2026, "bulan": 6}).content.decode()
    assert "1.000.000.000" in page and "3.000.000.000" in page


# --- Cost and safety ------------------------------------------------------------------------------


def _queries(callable_) -> int:
    """The queries a preview makes; the preview must succeed (an error path proves nothing)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = callable_()
    assert result.ok, result.galat
    return len(captured)


def test_a_preview_costs_the_same_queries_for_two_lines_or_eight(dunia):
    from .builders import make_sub_kegiatan

    subs = [make_sub_kegiatan(f"1.02.02.2.01.00{n:02d}") for n in range(10, 18)]
    for sub in subs[:4]:
        line = make_dpa(dunia["dinkes"], sub, dunia["apbd"], 1200 * JT)
        report(line, 3, 20, 10 * JT)

    def dpa(n):
        rows = [baris_dpa("1.02.01", sub.kode, "PAD", 1200 * JT) for sub in subs[:n]]
        data = buku_dpa(rows)
        return lambda: services.pratinjau(jenis="dpa", data=data, tahun=2026)

    def sp2d_file(n):
        rows = [sp2d("1.02.01", sub.kode, "PAD", "05/03/2026", 5 * JT) for sub in subs[:n]]
        data = buku_sp2d(rows)
        return lambda: services.pratinjau(jenis="sp2d", data=data, tahun=2026)

    assert _queries(dpa(2)) == _queries(dpa(8))
    assert _queries(sp2d_file(2)) == _queries(sp2d_file(4))


def test_an_upload_without_the_csrf_token_is_refused(dunia):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(dunia["admin"])
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    response = client.post(
        reverse("impor:unggah-dpa"),
        {"dpa-tahun": 2026, "dpa-berkas": SimpleUploadedFile("dpa.xlsx", data)},
    )
    assert response.status_code == 403
    assert not Impor.objects.exists()


def test_the_sp2d_preview_page_shows_old_and_new_money_and_the_warnings(client, dunia, garis):
    client.force_login(dunia["admin"])
    data = buku_sp2d([sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/03/2026", "80.000.000")])
    response = client.post(
        reverse("impor:unggah-sp2d"),
        {"sp2d-tahun": 2026, "sp2d-berkas": SimpleUploadedFile("sp2d.xlsx", data)},
        follow=True,
    )
    page = response.content.decode()
    assert 'data-testid="jumlah-terverifikasi">1<' in page
    assert "Rp 100.000.000" in page and "Rp 80.000.000" in page
    assert "Perhatian: nilai yang sudah diverifikasi diubah." in page
    assert 'class="table-warning"' in page
    assert Realisasi.objects.get(dpa=garis["a"], bulan=3).realisasi_keuangan == 100 * JT


def test_an_empty_upload_is_refused_by_the_form(client, dunia):
    client.force_login(dunia["admin"])
    before = sidik_data()
    response = client.post(
        reverse("impor:unggah-sp2d"),
        {"sp2d-tahun": 2026, "sp2d-berkas": SimpleUploadedFile("sp2d.xlsx", b"")},
    )
    assert response.status_code == 400
    assert "Berkas kosong (0 byte)" in response.content.decode()
    assert not Impor.objects.exists() and sidik_data() == before
