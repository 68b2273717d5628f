"""The workbooks the admin downloads: the import templates (instructions, the data sheet with its
validation lists, the master data) and the copy of an uploaded file with its bad cells marked.

Every value goes in through ``laporan.sel``: a name, a location or an uploaded value that starts
with "=" is written as text, never as a formula. The uploaded file's own cells stay as they were.
"""

import io
from collections import defaultdict

import openpyxl
from django.utils import timezone
from django.utils.text import slugify
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from kegiatan.models import DPA, NAMA_BULAN, RKO, SubKegiatan, SumberDana
from laporan import sel
from laporan.format import angka
from perangkat_daerah.models import Pemda, PerangkatDaerah

from . import berkas
from .berkas import BARIS_MAKS, BARIS_MAKS_SP2D, MAKS_TEKS, BerkasDitolak, BerkasMelampauiBatas
from .parsers import DPA_KOLOM, LEMBAR_DPA, LEMBAR_SP2D, SP2D_KOLOM, Galat, Kolom

LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_PD = "Perangkat Daerah"
LEMBAR_SUB_KEGIATAN = "Sub Kegiatan"
LEMBAR_SUMBER_DANA = "Sumber Dana"
LEMBAR_DAFTAR_DPA = "Daftar DPA"
LEMBAR_GALAT = "Galat Impor"

FORMAT_RUPIAH = "#,##0"
FORMAT_PERSEN = "0.00"
FORMAT_TEKS = "@"
FORMAT_TANGGAL = "dd/mm/yyyy"

JUDUL_FILL = PatternFill("solid", fgColor="1F4E78")
JUDUL_FONT = Font(bold=True, color="FFFFFF")
RKO_FILL = PatternFill("solid", fgColor="385723")
GALAT_FILL = PatternFill("solid", fgColor="FFC7CE")
GALAT_FONT = Font(color="9C0006", bold=True)
VALIDASI_SAMPAI = max(BARIS_MAKS, BARIS_MAKS_SP2D) + 1  # last row the drop-downs cover
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def nama_berkas(*bagian) -> str:
    """templat-impor-dpa-pemerintah-kabupaten-uji-2026.xlsx"""
    return "-".join(slugify(str(b)) for b in bagian if str(b)) + ".xlsx"


def _simpan(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _judul(ws, kolom: list[Kolom], fills: dict[str, PatternFill] | None = None) -> None:
    for index, col in enumerate(kolom, start=1):
        cell = sel.isi(ws.cell(row=1, column=index), col.judul)
        cell.font = JUDUL_FONT
        cell.fill = (fills or {}).get(col.kunci, JUDUL_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = col.lebar
    ws.row_dimensions[1].height = 45


def _format_kolom(ws, index: int, fmt: str, rows: int) -> None:
    for row in range(2, rows + 2):
        ws.cell(row=row, column=index).number_format = fmt


def _daftar(ws_data, lembar_daftar: str, jumlah: int, index: int, judul: str, prompt: str):
    """A drop-down list on one column of the data sheet from column A of a master sheet. A code
    not in the list only warns: the import itself says what is wrong, in full."""
    if not jumlah:
        return
    dv = DataValidation(
        type="list",
        formula1=f"{quote_sheetname(lembar_daftar)}!$A$2:$A${jumlah + 1}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=f"{judul} tidak dikenal",
        error=f"{judul} ini tidak ada di lembar {lembar_daftar}.",
        promptTitle=judul,
        prompt=prompt,
        showInputMessage=True,
    )
    col = get_column_letter(index)
    dv.add(f"{col}2:{col}{VALIDASI_SAMPAI}")
    ws_data.add_data_validation(dv)


def _angka(ws_data, index: int, judul: str, *, maks=None, kind="decimal", prompt=""):
    dv = DataValidation(
        type=kind,
        operator="between" if maks is not None else "greaterThanOrEqual",
        formula1="0",
        formula2=str(maks) if maks is not None else None,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=f"{judul} tidak sah",
        error=f"{judul}: {prompt}",
    )
    col = get_column_letter(index)
    dv.add(f"{col}2:{col}{VALIDASI_SAMPAI}")
    ws_data.add_data_validation(dv)


def _lembar_master(wb, nama: str, header: list[tuple[str, int]], rows) -> int:
    ws = wb.create_sheet(nama)
    for index, (judul, lebar) in enumerate(header, start=1):
        cell = sel.isi(ws.cell(row=1, column=index), judul)
        cell.font = JUDUL_FONT
        cell.fill = JUDUL_FILL
        ws.column_dimensions[get_column_letter(index)].width = lebar
    count = 0
    for count, row in enumerate(rows, start=1):
        for index, value in enumerate(row, start=1):
            cell = sel.isi(ws.cell(row=count + 1, column=index), value)
            if index == 1:
                cell.number_format = FORMAT_TEKS
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    return count


def _master_pd(wb) -> int:
    return _lembar_master(
        wb,
        LEMBAR_PD,
        [("Kode PD", 26), ("Nama Perangkat Daerah", 55), ("Singkatan", 16), ("Aktif", 8)],
        PerangkatDaerah.objects.order_by("kode").values_list("kode", "nama", "singkatan", "aktif"),
    )


def _master_sumber_dana(wb) -> int:
    labels = dict(SumberDana.Kelompok.choices)
    return _lembar_master(
        wb,
        LEMBAR_SUMBER_DANA,
        [("Kode Sumber Dana", 18), ("Nama", 40), ("Kelompok", 18), ("Aktif", 8)],
        (
            (kode, nama, labels.get(kelompok, kelompok), "ya" if aktif else "tidak")
            for kode, nama, kelompok, aktif in SumberDana.objects.order_by("kode").values_list(
                "kode", "nama", "kelompok", "aktif"
            )
        ),
    )


def _petunjuk(wb, judul: str, tahun: int, langkah: list[str], kolom: list[Kolom]) -> None:
    ws = wb.active
    ws.title = LEMBAR_PETUNJUK
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    sel.isi(ws["A1"], judul).font = Font(bold=True, size=14)
    sel.isi(ws["A2"], f"{Pemda.current().nama} · Tahun Anggaran {tahun}")
    diunduh = f"Diunduh {timezone.localtime():%d/%m/%Y %H.%M} dari SiPOK"
    sel.isi(ws["A3"], diunduh).font = Font(italic=True, color="666666")
    row = 5
    sel.isi(ws.cell(row=row, column=1), "Langkah").font = Font(bold=True)
    for nomor, text in enumerate(langkah, start=1):
        row += 1
        cell = sel.isi(ws.cell(row=row, column=1), f"{nomor}.")
        cell.alignment = Alignment(horizontal="right")
        cell = sel.isi(ws.cell(row=row, column=2), text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row += 2
    sel.isi(ws.cell(row=row, column=1), "Kolom").font = Font(bold=True)
    sel.isi(ws.cell(row=row, column=2), "Isi").font = Font(bold=True)
    for col in kolom:
        if col.kunci.startswith(("fisik_", "uang_")) and not col.kunci.endswith("_1"):
            continue
        row += 1
        label = col.judul
        if col.kunci == "fisik_1":
            label = "Target Fisik Kumulatif Januari … Desember (%)"
        if col.kunci == "uang_1":
            label = "Rencana Keuangan Januari … Desember (Rp)"
        sel.isi(ws.cell(row=row, column=1), label)
        cell = sel.isi(ws.cell(row=row, column=2), col.petunjuk)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


LANGKAH_DPA = [
    "Isi lembar DPA: satu baris untuk satu DPA sub kegiatan (satu PD, satu sub kegiatan, satu "
    "sumber dana). Baris yang sudah terisi adalah DPA yang tercatat di SiPOK saat templat diunduh.",
    "Jangan mengganti nama lembar dan judul kolom (baris 1). Urutan kolom boleh berubah; kolom "
    "tambahan diabaikan. Baris kosong dilewati. Jangan menggabung (merge) sel.",
    "Kode PD, kode sub kegiatan dan kode sumber dana harus ada di data induk (lihat lembar "
    "Perangkat Daerah, Sub Kegiatan, Sumber Dana). Sub kegiatan baru ditambahkan lewat Data "
    "induk lebih dulu; impor tidak membuat nomenklatur.",
    "Angka boleh berupa sel angka atau teks cara Indonesia: 1.250.000 atau 1.250.000,50 "
    "(titik pemisah ribuan, koma desimal). Persen: 45 atau 45,5. Rumus dibaca dari nilai "
    "tersimpannya; simpan berkas di Excel/LibreOffice agar nilainya terhitung.",
    "RKO: target fisik kumulatif 12 bulan (0–100, tidak boleh turun, Desember 100) dan rencana "
    "keuangan per bulan (bukan kumulatif; kosong = 0) yang jumlahnya sama dengan pagu. Bila "
    "seluruh 24 kolom RKO dikosongkan, RKO yang ada tidak diubah.",
    "Kolom keterangan yang dikosongkan (lokasi, indikator, PPTK, …) tidak menghapus isian yang "
    "sudah ada. DPA yang tidak ada di berkas tidak dihapus.",
    "Pagu yang berbeda dari pagu berlaku hanya diterima bila saat mengunggah dipilih fase "
    "(pergeseran, refocusing atau perubahan) dan tanggal berlakunya; perubahan dicatat di "
    "riwayat pagu. Realisasi tidak pernah diubah oleh impor DPA.",
    f"Unggah berkas (.xlsx, paling besar {MAKS_TEKS}, paling banyak {angka(BARIS_MAKS)} baris)"
    " di menu Impor. SiPOK menampilkan pratinjau (yang dibuat, diubah, tetap) dan semua galat "
    "sekaligus; tidak ada yang disimpan sebelum Anda menekan Terapkan.",
]

LANGKAH_SP2D = [
    "Isi lembar SP2D: satu baris untuk satu SP2D (kode PD, kode sub kegiatan, kode sumber dana, "
    "tanggal, nilai). Nomor SP2D dan uraian boleh kosong; nomor yang diisi tidak boleh ganda.",
    "Jangan mengganti nama lembar dan judul kolom (baris 1). Baris kosong dilewati. Jangan "
    "menggabung (merge) sel.",
    "Setiap SP2D harus jatuh pada tahun anggaran yang dipilih saat mengunggah, tidak di masa "
    "depan, dan kombinasi kode harus ada di DPA tahun itu (lihat lembar Daftar DPA).",
    "Nilai SP2D dijumlahkan per DPA per bulan. Jumlah itu MENGGANTI realisasi keuangan bulan "
    "tersebut (bukan menambah), sehingga mengunggah berkas yang sama dua kali tidak mengubah "
    "apa-apa. Bulan yang tidak ada SP2D-nya di berkas tidak diubah.",
    "Baris realisasi yang sudah ada (status apa pun, termasuk bulan yang sudah dikunci) diubah "
    "nilai keuangannya dan dicatat di riwayat perubahan atas nama admin. Bulan yang belum ada "
    "baris realisasinya dibuat sebagai draft dengan realisasi fisik bulan sebelumnya; draft "
    "baru dihitung di laporan setelah diajukan operator PD dan diverifikasi.",
    "Realisasi keuangan kumulatif tidak boleh melebihi pagu berlaku pada bulan itu.",
    f"Unggah berkas (.xlsx, paling besar {MAKS_TEKS}, paling banyak {angka(BARIS_MAKS_SP2D)} "
    "baris) di menu Impor; periksa pratinjau, lalu tekan Terapkan.",
]


def templat_dpa(tahun: int) -> bytes:
    """The DPA and RKO template of ``tahun``, filled with the lines already recorded for it."""
    wb = openpyxl.Workbook()
    _petunjuk(wb, "Templat Impor DPA dan RKO", tahun, LANGKAH_DPA, DPA_KOLOM)
    ws = wb.create_sheet(LEMBAR_DPA)
    rko_fill = {col.kunci: RKO_FILL for col in DPA_KOLOM if col.kunci.startswith("fisik_")}
    _judul(ws, DPA_KOLOM, rko_fill)
    posisi = {col.kunci: index for index, col in enumerate(DPA_KOLOM, start=1)}

    lines = list(
        DPA.objects.tahun(tahun)
        .with_nomenklatur()
        .order_by("perangkat_daerah__kode", "sub_kegiatan__kode", "sumber_dana__kode", "pk")
    )
    rko = defaultdict(dict)
    for target in RKO.objects.filter(dpa__tahun=tahun).order_by():
        rko[target.dpa_id][target.bulan] = target
    for row, line in enumerate(lines, start=2):
        values = {
            "kode_pd": line.perangkat_daerah.kode,
            "kode_sub_kegiatan": line.sub_kegiatan.kode,
            "nama_sub_kegiatan": line.nama_sub_kegiatan,
            "kode_sumber_dana": line.sumber_dana.kode,
            "pagu": line.pagu,
            "lokasi": line.lokasi,
            "indikator_keluaran": line.indikator_keluaran,
            "target_keluaran": line.target_keluaran,
            "satuan_keluaran": line.satuan_keluaran,
            "pptk_nama": line.pptk_nama,
            "pptk_nip": line.pptk_nip,
        }
        targets = rko.get(line.pk, {})
        if len(targets) == 12:
            for bulan in range(1, 13):
                values[f"fisik_{bulan}"] = targets[bulan].target_fisik
                values[f"uang_{bulan}"] = targets[bulan].target_keuangan
        for kunci, value in values.items():
            if value not in (None, ""):
                sel.isi(ws.cell(row=row, column=posisi[kunci]), value)

    filled = max(len(lines), 200)
    for kunci in ("kode_pd", "kode_sub_kegiatan", "kode_sumber_dana", "pptk_nip"):
        _format_kolom(ws, posisi[kunci], FORMAT_TEKS, filled)
    _format_kolom(ws, posisi["pagu"], FORMAT_RUPIAH, filled)
    for bulan in range(1, 13):
        _format_kolom(ws, posisi[f"fisik_{bulan}"], FORMAT_PERSEN, filled)
        _format_kolom(ws, posisi[f"uang_{bulan}"], FORMAT_RUPIAH, filled)
    ws.freeze_panes = "C2"

    jumlah_pd = _master_pd(wb)
    jumlah_sub = _lembar_master(
        wb,
        LEMBAR_SUB_KEGIATAN,
        [
            ("Kode Sub Kegiatan", 22),
            ("Nama Sub Kegiatan", 60),
            ("Kode Kegiatan", 16),
            ("Nama Kegiatan", 50),
            ("Kode Program", 12),
            ("Nama Program", 50),
        ],
        SubKegiatan.objects.order_by("kode").values_list(
            "kode",
            "nama",
            "kegiatan__kode",
            "kegiatan__nama",
            "kegiatan__program__kode",
            "kegiatan__program__nama",
        ),
    )
    jumlah_sd = _master_sumber_dana(wb)
    _daftar(ws, LEMBAR_PD, jumlah_pd, posisi["kode_pd"], "Kode PD", "Pilih kode PD.")
    _daftar(
        ws,
        LEMBAR_SUB_KEGIATAN,
        jumlah_sub,
        posisi["kode_sub_kegiatan"],
        "Kode sub kegiatan",
        "Pilih kode sub kegiatan dari data induk.",
    )
    _daftar(
        ws,
        LEMBAR_SUMBER_DANA,
        jumlah_sd,
        posisi["kode_sumber_dana"],
        "Kode sumber dana",
        "Pilih kode sumber dana.",
    )
    _angka(ws, posisi["pagu"], "Pagu", prompt="rupiah, tidak negatif.")
    for bulan in range(1, 13):
        _angka(
            ws,
            posisi[f"fisik_{bulan}"],
            f"Target fisik {NAMA_BULAN[bulan]}",
            maks=100,
            prompt="persen kumulatif 0–100.",
        )
        _angka(
            ws,
            posisi[f"uang_{bulan}"],
            f"Rencana keuangan {NAMA_BULAN[bulan]}",
            prompt="rupiah, tidak negatif.",
        )
    wb.active = wb.sheetnames.index(LEMBAR_DPA)
    wb[LEMBAR_PETUNJUK].sheet_view.tabSelected = False
    return _simpan(wb)


def templat_sp2d(tahun: int) -> bytes:
    """The SP2D template of ``tahun``, with the year's DPA lines to pick the codes from."""
    wb = openpyxl.Workbook()
    _petunjuk(wb, "Templat Impor SP2D (realisasi keuangan)", tahun, LANGKAH_SP2D, SP2D_KOLOM)
    ws = wb.create_sheet(LEMBAR_SP2D)
    _judul(ws, SP2D_KOLOM)
    posisi = {col.kunci: index for index, col in enumerate(SP2D_KOLOM, start=1)}
    for kunci in ("nomor", "kode_pd", "kode_sub_kegiatan", "kode_sumber_dana"):
        _format_kolom(ws, posisi[kunci], FORMAT_TEKS, 200)
    _format_kolom(ws, posisi["tanggal"], FORMAT_TANGGAL, 200)
    _format_kolom(ws, posisi["nilai"], FORMAT_RUPIAH, 200)
    ws.freeze_panes = "B2"

    lines = (
        DPA.objects.tahun(tahun)
        .with_nomenklatur()
        .order_by("sub_kegiatan__kode", "perangkat_daerah__kode", "sumber_dana__kode", "pk")
    )
    jumlah_dpa = _lembar_master(
        wb,
        LEMBAR_DAFTAR_DPA,
        [
            ("Kode Sub Kegiatan", 22),
            ("Nama Sub Kegiatan", 55),
            ("Kode PD", 26),
            ("PD", 14),
            ("Kode Sumber Dana", 18),
            ("Pagu (Rp)", 18),
        ],
        (
            (
                line.sub_kegiatan.kode,
                line.nama_sub_kegiatan,
                line.perangkat_daerah.kode,
                line.perangkat_daerah.singkatan,
                line.sumber_dana.kode,
                line.pagu,
            )
            for line in lines
        ),
    )
    ws_dpa = wb[LEMBAR_DAFTAR_DPA]
    for row in range(2, jumlah_dpa + 2):
        ws_dpa.cell(row=row, column=6).number_format = FORMAT_RUPIAH
    jumlah_pd = _master_pd(wb)
    jumlah_sd = _master_sumber_dana(wb)
    _daftar(ws, LEMBAR_PD, jumlah_pd, posisi["kode_pd"], "Kode PD", "Pilih kode PD.")
    _daftar(
        ws,
        LEMBAR_DAFTAR_DPA,
        jumlah_dpa,
        posisi["kode_sub_kegiatan"],
        "Kode sub kegiatan",
        "Pilih kode sub kegiatan dari Daftar DPA.",
    )
    _daftar(
        ws,
        LEMBAR_SUMBER_DANA,
        jumlah_sd,
        posisi["kode_sumber_dana"],
        "Kode sumber dana",
        "Pilih kode sumber dana.",
    )
    dv = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({tahun},1,1)",
        formula2=f"DATE({tahun},12,31)",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Tanggal di luar tahun anggaran",
        error=f"Tanggal SP2D harus di tahun {tahun}.",
    )
    col = get_column_letter(posisi["tanggal"])
    dv.add(f"{col}2:{col}{VALIDASI_SAMPAI}")
    ws.add_data_validation(dv)
    _angka(ws, posisi["nilai"], "Nilai SP2D", prompt="rupiah, lebih dari 0.")
    wb.active = wb.sheetnames.index(LEMBAR_SP2D)
    wb[LEMBAR_PETUNJUK].sheet_view.tabSelected = False
    return _simpan(wb)


# --- The uploaded file with its errors marked -----------------------------------------------------


def _buka_salinan(data: bytes, galat: list[Galat]):
    """The uploaded workbook, loaded whole through ``berkas.buka_utuh`` (the upload's limits
    first), or None when it is no workbook at all."""
    batas = next((item for item in galat if item.batas), None)
    if batas is not None:  # the upload refused it for its size or shape: never parsed again
        raise BerkasMelampauiBatas(batas.pesan)
    if not data:
        return None
    try:
        return berkas.buka_utuh(data)
    except BerkasMelampauiBatas:
        raise
    except BerkasDitolak:  # not a workbook at all (refused before parsing): the list alone
        return None


def salinan_bertanda(data: bytes, galat: list[Galat]) -> bytes:
    """A copy of the uploaded workbook with every bad cell filled red and commented, and a first
    sheet listing every error with a link to its cell. A file that is no workbook at all (a PNG,
    an encrypted file) gets a workbook with the list alone. A file beyond the limits of size or
    shape — refused so by the upload (an error with ``batas``) or by ``berkas.periksa_berkas``
    now — gets none: ``BerkasMelampauiBatas``, raised before anything parses it."""
    wb = _buka_salinan(data, galat)
    if wb is None:
        wb = openpyxl.Workbook()
        wb.active.title = LEMBAR_GALAT
        ws = wb.active
    else:
        ws = wb.create_sheet(LEMBAR_GALAT, 0)
        for sheet in wb.worksheets:
            sheet.sheet_view.tabSelected = False
        _tandai(wb, galat)
    wb.active = 0
    ws.sheet_view.tabSelected = True
    _daftar_galat(ws, galat, wb.sheetnames)
    return _simpan(wb)


def _tandai(wb, galat: list[Galat]) -> None:
    per_sel = defaultdict(list)
    for item in galat:
        if item.lembar in wb.sheetnames and item.baris:
            per_sel[(item.lembar, item.baris, item.kolom or 1)].append(item.pesan)
    for (lembar, baris, kolom), pesan in per_sel.items():
        cell = wb[lembar].cell(row=baris, column=kolom)
        try:
            cell.fill = GALAT_FILL
            cell.font = GALAT_FONT
            comment = Comment("\n".join(f"• {p}" for p in pesan), "SiPOK")
            comment.width, comment.height = 320, 60 + 40 * len(pesan)
            cell.comment = comment
        except (AttributeError, TypeError, ValueError):  # a cell inside a merged range
            continue


def _daftar_galat(ws, galat: list[Galat], sheetnames: list[str]) -> None:
    header = [("No", 6), ("Lembar", 14), ("Sel", 8), ("Baris", 8), ("Kolom", 30), ("Isi", 24)]
    header.append(("Keterangan", 90))
    ringkasan = f"{len(galat)} galat; tidak ada data yang disimpan."
    sel.isi(ws.cell(row=1, column=1), ringkasan).font = Font(bold=True, size=12, color="9C0006")
    for index, (judul, lebar) in enumerate(header, start=1):
        cell = sel.isi(ws.cell(row=3, column=index), judul)
        cell.font = JUDUL_FONT
        cell.fill = JUDUL_FILL
        ws.column_dimensions[get_column_letter(index)].width = lebar
    for nomor, item in enumerate(galat, start=1):
        row = nomor + 3
        values = [nomor, item.lembar, item.sel, item.baris, item.judul, item.nilai, item.pesan]
        for index, value in enumerate(values, start=1):
            cell = sel.isi(ws.cell(row=row, column=index), value)
            cell.alignment = Alignment(wrap_text=index >= 5, vertical="top")
        if item.sel and item.lembar in sheetnames:
            link = ws.cell(row=row, column=3)
            link.hyperlink = f"#{quote_sheetname(item.lembar)}!{item.sel}"
            link.font = Font(color="0563C1", underline="single")
    ws.freeze_panes = "A4"
