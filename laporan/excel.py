"""The reports and the Rakor material as Excel workbooks (openpyxl), built from the very objects the
screen renders (``laporan.reports``, ``rakor.snapshot``): no figure is computed here a second time.

Every sheet has the same shape: a title block (pemda, report, period and filters, print date), one
header row that stays frozen on screen and repeats on every printed page, numbers written as real
numbers in Indonesian formats (never text), text as text (``laporan.sel``: a kendala typed as
``=HYPERLINK(…)`` is shown, never computed), status colours as cell fills, columns wide enough for
their content, A4 landscape fitted to the page width. ``dpa_semua`` — every DPA line of the pemda —
streams its rows in write-only mode as the lines are read, so its memory stays flat as data grow.

A view asks ``diminta(request)`` after it has built its data and returns
``excel.<report>(kop, data…).response()``.
"""

import dataclasses
import datetime
import functools
import io
import re
import tempfile
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import OuterRef, Subquery
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.properties import Outline
from openpyxl.worksheet.worksheet import Worksheet

from kegiatan.models import NAMA_BULAN
from realisasi.models import Realisasi

from . import figures, sel
from . import format as fmt
from .figures import Angka
from .periode import Periode
from .warna import Pewarna, Warna

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Number formats. [$-421] marks them Indonesian: LibreOffice then shows 1.234.567 and 41,36 in any
# locale; Excel shows the separators of the user's own regional settings.
RUPIAH = "[$-421]#,##0"
PERSEN = "[$-421]0.00"
DEVIASI = "[$-421]+0.00;-0.00;0.00"  # percentage points with a sign, like the screen's +1,20
JUMLAH = "[$-421]#,##0"
TANGGAL = "[$-421]d mmmm yyyy"
WAKTU = "[$-421]d mmmm yyyy hh:mm"

# The status colours of the screen (static/css/sipok.css .warna-*): fill and text colour.
WARNA = {
    Warna.HIJAU_TUA: ("146C43", "FFFFFF"),
    Warna.HIJAU: ("75B798", "000000"),
    Warna.KUNING: ("FFDA6A", "000000"),
    Warna.MERAH_MUDA: ("F1AEB5", "000000"),
    Warna.MERAH: ("DC3545", "FFFFFF"),
}

_THIN = Side(style="thin", color="ADB5BD")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOTAL_BORDER = Border(left=_THIN, right=_THIN, top=Side(style="medium"), bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DEE2E6")
_ROW_FILL = {
    "program": PatternFill("solid", fgColor="E2E3E5"),
    "kegiatan": PatternFill("solid", fgColor="F1F3F5"),
    "total": PatternFill("solid", fgColor="E9ECEF"),
}
_BOLD = Font(bold=True)
_ITALIC = Font(italic=True, color="495057")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_FILLS = {warna: PatternFill("solid", fgColor=fill) for warna, (fill, _) in WARNA.items()}
_FONTS = {
    (warna, bold): Font(color=text, bold=bold)
    for warna, (_, text) in WARNA.items()
    for bold in (0, 1)
}


def diminta(request) -> bool:
    """Whether the request asks for the Excel file (``?format=xlsx``); other values are ignored."""
    return request.GET.get("format") == "xlsx"


def tautan(request) -> str:
    """The current page's query string asking for its Excel file."""
    query = request.GET.copy()
    query["format"] = "xlsx"
    return f"?{query.urlencode()}"


# --- The title block and the file name ------------------------------------------------------


def _tanggal(value: datetime.date) -> str:
    return f"{value.day} {NAMA_BULAN[value.month]} {value.year}"


def _pemda_slug(nama: str) -> str:
    slug = slugify(nama)
    return re.sub(r"^pemerintah-(?=(kabupaten|kota|provinsi)-)", "", slug) or "pemda"


@dataclass(frozen=True)
class Kop:
    """What a workbook is: its title block and its file name."""

    pemda: str
    judul: str
    jenis: str  # the report's short name: the first part of the file name
    periode: Periode
    perangkat_daerah: object = None
    sumber_dana: object = None
    keterangan: str = ""  # one more line under the period
    dicetak_pada: datetime.datetime = field(default_factory=timezone.localtime)

    @property
    def nama_berkas(self) -> str:
        """e.g. ``rekap-pd_kabupaten-sukamaju_2026-06.xlsx``; a PD or sumber dana filter adds its
        short name before the period."""
        parts = [slugify(self.jenis), _pemda_slug(self.pemda)]
        if self.perangkat_daerah is not None:
            parts.append(slugify(self.perangkat_daerah.singkatan))
        if self.sumber_dana is not None:
            parts.append(slugify(self.sumber_dana.kode))
        parts.append(f"{self.periode.tahun}-{self.periode.bulan:02d}")
        return "_".join(parts) + ".xlsx"

    def baris(self, subjudul: str = "") -> list[tuple[str, Font]]:
        periode = f"Posisi akhir {self.periode} (Triwulan {self.periode.triwulan_romawi})"
        filters = [obj.nama for obj in (self.perangkat_daerah, self.sumber_dana) if obj is not None]
        lines = [
            (self.pemda, Font(bold=True, size=13)),
            (f"{self.judul} — {subjudul}" if subjudul else self.judul, Font(bold=True, size=12)),
            (" · ".join([periode, *filters]), Font()),
        ]
        if self.keterangan:
            lines.append((self.keterangan, Font()))
        dicetak = timezone.localtime(self.dicetak_pada)
        lines.append((f"Dicetak {_tanggal(dicetak)}, {dicetak:%H.%M}", _ITALIC))
        return lines


# --- One sheet ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    judul: str
    format: str | None = None  # a number format; None for text
    lebar: int = 14  # width in characters: the width on a streamed sheet, the least elsewhere
    maks: int = 60  # widest a column grows to fit its content; longer text wraps


def _teks(kolom: list[Kolom]) -> set[int]:
    return {i for i, k in enumerate(kolom) if k.format is None}


def _display_width(value, number_format) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, datetime.datetime):
        return 22
    if isinstance(value, datetime.date):
        return 18
    places = 2 if number_format in (PERSEN, DEVIASI) else 0
    return len(fmt.angka(value, places)) + 1


LINE_HEIGHT = 15  # points: one line of 11 pt text


@functools.lru_cache(maxsize=4096)
def _line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide.

    Remembered for the last few thousand texts (wrapping is slow): on the thousands of rows of
    every DPA line the same sub kegiatan names, places and kendala come back again and again."""
    chars = max(int(width) - 1, 1)
    return sum(max(1, len(textwrap.wrap(part, chars))) for part in text.splitlines() or [""])


class _ColumnStyle(NamedTuple):
    """How a column of one kind of table row is styled: its number format, and openpyxl's style
    arrays for a cell with a value and for an empty cell (which has no number format)."""

    number_format: str | None
    with_value: StyleArray
    empty: StyleArray


class Lembar:
    """One worksheet, written top to bottom: the title block, the header row, the rows.

    On a write-only workbook every row goes to disk as it is written; what must precede the rows
    in the file (column widths, frozen panes, outline settings) is set here before the first one.
    """

    def __init__(
        self,
        workbook: Workbook,
        nama: str,
        kop: Kop,
        kolom: list[Kolom],
        *,
        subjudul: str = "",
        beku_kolom: int = 1,
        outline: bool = False,
    ):
        self.ws = workbook.create_sheet(nama[:31])
        self.write_only = workbook.write_only
        self.kolom = kolom
        self.row = 0
        self.widths = [max(len(word) for word in k.judul.split()) + 2 for k in kolom]
        self._wrapped = []  # (row, [(column, text)]) whose height waits for the final widths
        self._row_kinds = {}  # see _row_styles
        self.first_data_row = len(kop.baris(subjudul)) + 3
        header_row = self.first_data_row - 1
        ws = self.ws
        for index, k in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(index)].width = k.lebar
        ws.freeze_panes = f"{get_column_letter(beku_kolom + 1)}{self.first_data_row}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.left.text = f"{kop.pemda} · {kop.judul} · {kop.periode}"
        ws.oddFooter.right.text = "Halaman &P dari &N"
        if outline:
            # Subtotal rows sit above the rows they sum, as on the screen.
            ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
            ws.sheet_format.outlineLevelRow = 3
        for text, font in kop.baris(subjudul):
            self._append([self._cell(text, font=font)])
        self._append([])
        header = [
            self._cell(k.judul, font=_BOLD, fill=_HEADER_FILL, border=_BORDER, align=_HEADER_ALIGN)
            for k in kolom
        ]
        self._append(header, texts=[(i, k.judul) for i, k in enumerate(kolom)])

    def _cell(self, value, *, font=None, fill=None, border=None, align=None, number_format=None):
        """A cell styled one attribute at a time: for the few cells of the title block, the
        header and the notes (a table row takes its styles from ``_row_styles``)."""
        cell = sel.baru(self.ws, value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if border is not None:
            cell.border = border
        if align is not None:
            cell.alignment = align
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def _row_styles(self, gaya, warna, kolom_warna, formats) -> list[_ColumnStyle]:
        """The style of each cell of a table row of this kind, worked out once per sheet.

        Setting ``cell.font`` (and the fill, border, alignment, number format) makes openpyxl
        hash the style object to find it in the workbook's list: done for every cell, that was
        more than half the time of the export of every DPA line. A sheet has a few kinds of row,
        so each column's style is set once on a throwaway cell; the row's cells are created with
        the result, openpyxl's array of indices into those lists (each cell gets its own copy).
        """
        key = (gaya, warna, kolom_warna, None if formats is None else tuple(formats))
        styles = self._row_kinds.get(key)
        if styles is None:
            styles = self._row_kinds[key] = [
                self._column_style(index, kolom, gaya, warna, kolom_warna, formats)
                for index, kolom in enumerate(self.kolom)
            ]
        return styles

    def _column_style(self, index, kolom, gaya, warna, kolom_warna, formats) -> _ColumnStyle:
        """Column ``index`` of a row of this kind: its font, fill, border, alignment and number
        format, set on throwaway cells."""
        number_format = kolom.format
        if formats is not None and formats[index] is not None:
            number_format = formats[index]
        bold = gaya in _ROW_FILL
        font, fill = (_BOLD if bold else None), _ROW_FILL.get(gaya)
        if warna is not None and index == kolom_warna:
            fill, font = _FILLS[warna], _FONTS[(warna, int(bold))]
        style = {
            "font": font,
            "fill": fill,
            "border": _TOTAL_BORDER if gaya == "total" else _BORDER,
            "align": _WRAP if number_format is None else _TOP,
        }
        empty = self._cell(None, **style)._style
        if number_format is None:
            return _ColumnStyle(None, empty, empty)
        with_value = self._cell(None, **style, number_format=number_format)._style
        return _ColumnStyle(number_format, with_value, empty)

    def _height(self, texts, widths) -> float | None:
        lines = max((_line_count(text, widths[i]) for i, text in texts), default=1)
        return LINE_HEIGHT * lines if lines > 1 else None

    def _append(self, cells, level: int = 0, texts=()) -> None:
        """Write a row. ``texts``: its wrapping text cells, which set the row's height (neither
        Excel nor LibreOffice grows a row for wrapped text on opening a file)."""
        self.row += 1
        height = None
        if texts and self.write_only:
            height = self._height(texts, [k.lebar for k in self.kolom])
        elif texts:
            self._wrapped.append((self.row, texts))
        if level or height:
            self.ws.row_dimensions[self.row] = RowDimension(
                self.ws, index=self.row, outlineLevel=level, ht=height
            )
        self.ws.append(cells)
        if self.write_only and (level or height):
            del self.ws.row_dimensions[self.row]  # written; keep memory flat

    def baris(
        self,
        values: list,
        *,
        gaya: str = "",
        level: int = 0,
        warna: Warna | None = None,
        kolom_warna: int | None = None,
        formats: list | None = None,
    ) -> None:
        """A table row. ``gaya``: "program", "kegiatan" (subtotals), "total" or plain;
        ``warna`` fills the cell at ``kolom_warna`` with the status colour; ``formats`` overrides
        the columns' number formats for this row (a row of mixed figures)."""
        styles = self._row_styles(gaya, warna, kolom_warna, formats)
        cells, texts = [], []
        for index, (kolom, style, value) in enumerate(zip(self.kolom, styles, values, strict=True)):
            if value == "":
                value = None
            elif isinstance(value, datetime.datetime):
                value = timezone.localtime(value).replace(tzinfo=None)
            elif isinstance(value, str) and len(value) > kolom.lebar - 2:
                texts.append((index, value))
            style_array = style.empty if value is None else style.with_value
            cells.append(sel.baru(self.ws, value, style_array=style_array))
            if not self.write_only:
                width = _display_width(value, style.number_format)
                self.widths[index] = max(self.widths[index], width)
        self._append(cells, level, texts)

    def catatan(self, text: str) -> None:
        """A line of text under the table."""
        self._append([self._cell(text, font=_ITALIC)])

    def selesai(self, *, filter_sampai: int | None = None) -> None:
        """Fit the columns to their content (an in-memory sheet) and, with ``filter_sampai`` (the
        last data row), put an autofilter on the table."""
        if not self.write_only:
            widths = [
                min(kolom.maks, max(kolom.lebar, self.widths[index])) + 2
                for index, kolom in enumerate(self.kolom)
            ]
            for index, width in enumerate(widths):
                self.ws.column_dimensions[get_column_letter(index + 1)].width = width
            for row, texts in self._wrapped:
                height = self._height(texts, widths)
                if height:
                    self.ws.row_dimensions[row].height = height
        if filter_sampai and filter_sampai >= self.first_data_row:
            last = get_column_letter(len(self.kolom))
            self.ws.auto_filter.ref = f"A{self.first_data_row - 1}:{last}{filter_sampai}"


@dataclass
class Buku:
    """A finished workbook and its file name."""

    workbook: Workbook
    nama_berkas: str

    def response(self):
        if self.workbook.write_only:
            # The rows are already on disk; zip them into an anonymous temporary file and stream
            # it out (deleted when the response closes it).
            berkas = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it
            self.workbook.save(berkas)
            berkas.seek(0)
            return FileResponse(
                berkas, as_attachment=True, filename=self.nama_berkas, content_type=XLSX
            )
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, self.nama_berkas)
        return response


def _workbook(kop: Kop, *, write_only: bool = False) -> Workbook:
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    workbook.properties.creator = "SiPOK"
    workbook.properties.title = f"{kop.judul} — {kop.periode}"
    workbook.properties.language = "id-ID"
    return workbook


def _number(value):
    """A frozen Rakor keeps its money as text in JSON; the cell gets the number."""
    if isinstance(value, str) and value:
        return Decimal(value)
    return value


def _capaian(tercapai: bool | None) -> str:
    if tercapai is None:
        return "–"
    return "Tercapai" if tercapai else "Belum tercapai"


def _label(warna: Warna | None) -> str:
    return warna.label if warna else "–"


# --- Rekap tables (reports 2 and 3, the Rakor) ------------------------------------------------


def _rekap_kolom(label_kolom: str, dengan_peringkat: bool) -> list[Kolom]:
    kolom = [Kolom("Peringkat", JUMLAH, 6)] if dengan_peringkat else []
    return kolom + [
        Kolom("Kode", None, 10, 24),
        Kolom(label_kolom, None, 30, 50),
        Kolom("Pagu (Rp)", RUPIAH, 18),
        Kolom("Bobot (%)", PERSEN, 8),
        Kolom("Target fisik (%)", PERSEN, 9),
        Kolom("Realisasi fisik (%)", PERSEN, 9),
        Kolom("TTB fisik (%)", PERSEN, 8),
        Kolom("Deviasi fisik (poin)", DEVIASI, 9),
        Kolom("Target keuangan (%)", PERSEN, 9),
        Kolom("Realisasi keuangan (Rp)", RUPIAH, 18),
        Kolom("Realisasi keuangan (%)", PERSEN, 9),
        Kolom("Deviasi keuangan (poin)", DEVIASI, 9),
        Kolom("Capaian fisik", None, 12),
        Kolom("Sisa anggaran (Rp)", RUPIAH, 18),
        Kolom("Sisa anggaran (%)", PERSEN, 9),
        Kolom("Fisik tahun lalu (%)", PERSEN, 9),
        Kolom("Keuangan tahun lalu (%)", PERSEN, 9),
        Kolom("Status", None, 11),
    ]


def _rekap_values(row, dengan_peringkat: bool) -> list:
    now, last = row.sekarang, row.tahun_lalu
    values = [row.peringkat] if dengan_peringkat else []
    return values + [
        row.kode,
        row.label,
        now.pagu,
        row.bobot,
        now.target_fisik,
        now.fisik,
        row.ttb,
        now.deviasi_fisik,
        now.target_keuangan_persen,
        now.keuangan,
        now.keuangan_persen,
        now.deviasi_keuangan,
        _capaian(now.fisik_tercapai),
        now.sisa_anggaran,
        now.sisa_anggaran_persen,
        last.fisik if last else None,
        last.keuangan_persen if last else None,
        _label(row.warna),
    ]


def _rekap_sheet(workbook, kop, nama, rekap, label_kolom, *, dengan_peringkat=False, subjudul=""):
    kolom = _rekap_kolom(label_kolom, dengan_peringkat)
    lembar = Lembar(workbook, nama, kop, kolom, subjudul=subjudul, beku_kolom=2 + dengan_peringkat)
    status = len(kolom) - 1
    for row in rekap.baris:
        lembar.baris(_rekap_values(row, dengan_peringkat), warna=row.warna, kolom_warna=status)
    last_data_row = lembar.row
    lembar.baris(
        _rekap_values(rekap.total, dengan_peringkat),
        gaya="total",
        warna=rekap.total.warna,
        kolom_warna=status,
    )
    lembar.selesai(filter_sampai=last_data_row)
    return lembar


def rekap_pd(kop: Kop, rekap) -> Buku:
    """Report 2: a row per PD with weight, TTB, rank and colour, and the pemda's total."""
    workbook = _workbook(kop)
    _rekap_sheet(workbook, kop, "Rekap PD", rekap, "Perangkat Daerah", dengan_peringkat=True)
    return Buku(workbook, kop.nama_berkas)


def rekap_sumber_dana(kop: Kop, rekap) -> Buku:
    """Report 3: a row per sumber dana and the total."""
    workbook = _workbook(kop)
    _rekap_sheet(workbook, kop, "Rekap sumber dana", rekap, "Sumber dana")
    return Buku(workbook, kop.nama_berkas)


# --- Report 1: rekap pemda --------------------------------------------------------------------

_HEADLINE_ROWS = [
    ("Pagu berlaku (Rp)", "pagu", RUPIAH),
    ("Target fisik (%)", "target_fisik", PERSEN),
    ("Realisasi fisik (%)", "fisik", PERSEN),
    ("Deviasi fisik (poin)", "deviasi_fisik", DEVIASI),
    ("Target keuangan (Rp)", "target_keuangan", RUPIAH),
    ("Target keuangan (%)", "target_keuangan_persen", PERSEN),
    ("Realisasi keuangan (Rp)", "keuangan", RUPIAH),
    ("Realisasi keuangan (%)", "keuangan_persen", PERSEN),
    ("Deviasi keuangan (poin)", "deviasi_keuangan", DEVIASI),
    ("Sisa anggaran (Rp)", "sisa_anggaran", RUPIAH),
    ("Sisa anggaran (%)", "sisa_anggaran_persen", PERSEN),
]


def _headline_sheet(workbook, kop, nama, headline, *, subjudul="") -> Lembar:
    kolom = [
        Kolom("Uraian", None, 24),
        Kolom(str(headline.sekarang.periode), PERSEN, 18),
        Kolom(str(headline.tahun_lalu.periode), PERSEN, 18),
    ]
    lembar = Lembar(workbook, nama, kop, kolom, subjudul=subjudul)
    for label, attribute, number_format in _HEADLINE_ROWS:
        lembar.baris(
            [
                label,
                getattr(headline.sekarang, attribute),
                getattr(headline.tahun_lalu, attribute),
            ],
            formats=[None, number_format, number_format],
        )
    return lembar


def rekap_pemda(kop: Kop, headline, sumber) -> Buku:
    """Report 1: the headline figures against target and last year, and per sumber dana."""
    workbook = _workbook(kop)
    _headline_sheet(workbook, kop, "Rekap pemda", headline).selesai()
    _rekap_sheet(
        workbook, kop, "Per sumber dana", sumber, "Sumber dana", subjudul="menurut sumber dana"
    )
    return Buku(workbook, kop.nama_berkas)


# --- Report 4: detail PD, and every DPA line of the pemda -------------------------------------


def _detail_kolom(dengan_pd: bool = False) -> list[Kolom]:
    kolom = [Kolom("PD", None, 11, 14)] if dengan_pd else []
    return kolom + [
        Kolom("Kode", None, 18, 24) if not dengan_pd else Kolom("Kode", None, 23, 24),
        Kolom("Uraian", None, 45, 50),
        Kolom("Sumber dana", None, 20, 24),
        Kolom("Pagu (Rp)", RUPIAH, 19),
        Kolom("Bobot (%)", PERSEN, 8),
        Kolom("Target fisik (%)", PERSEN, 9),
        Kolom("Realisasi fisik (%)", PERSEN, 9),
        Kolom("TTB fisik (%)", PERSEN, 8),
        Kolom("Target keuangan (%)", PERSEN, 9),
        Kolom("Realisasi keuangan (Rp)", RUPIAH, 19),
        Kolom("Realisasi keuangan (%)", PERSEN, 9),
        Kolom("Sisa anggaran (Rp)", RUPIAH, 19),
        Kolom("Capaian fisik", None, 15),
        Kolom("Status", None, 11),
        Kolom("Lokasi", None, 20, 30),
        Kolom("Kendala", None, 30, 45),
        Kolom("Solusi", None, 30, 45),
    ]


def _group_values(kode, nama, angka: Angka, bobot, ttb, warna=None) -> list:
    return [
        kode,
        nama,
        None,
        angka.pagu,
        bobot,
        angka.target_fisik,
        angka.fisik,
        ttb,
        angka.target_keuangan_persen,
        angka.keuangan,
        angka.keuangan_persen,
        angka.sisa_anggaran,
        _capaian(angka.fisik_tercapai) if warna is not None else None,
        _label(warna) if warna is not None else None,
        None,
        None,
        None,
    ]


def _line_values(
    dpa, angka: Angka, target_fisik, fisik, bobot, ttb, warna, kendala, solusi
) -> list:
    return [
        dpa.sub_kegiatan.kode,
        dpa.nama_sub_kegiatan,
        dpa.sumber_dana.nama,
        angka.pagu,
        bobot,
        target_fisik,
        fisik,
        ttb,
        angka.target_keuangan_persen,
        angka.keuangan,
        angka.keuangan_persen,
        angka.sisa_anggaran,
        _capaian(angka.fisik_tercapai),
        _label(warna),
        dpa.lokasi,
        kendala,
        solusi,
    ]


STATUS_DETAIL = 13  # the Status column of a detail row


def detail_pd(kop: Kop, perangkat_daerah, nodes, total) -> Buku:
    """Report 4: program → kegiatan → sub kegiatan with subtotals, grouped in Excel's outline so
    a program or kegiatan folds to its subtotal."""
    workbook = _workbook(kop)
    lembar = Lembar(workbook, "Detail PD", kop, _detail_kolom(), beku_kolom=2, outline=True)
    for program in nodes:
        lembar.baris(
            _group_values(program.kode, program.nama, program.angka, program.bobot, program.ttb),
            gaya="program",
        )
        for kegiatan in program.anak:
            lembar.baris(
                _group_values(
                    kegiatan.kode, kegiatan.nama, kegiatan.angka, kegiatan.bobot, kegiatan.ttb
                ),
                gaya="kegiatan",
                level=1,
            )
            for line in kegiatan.anak:
                lembar.baris(
                    _line_values(
                        line.dpa,
                        line.angka,
                        line.dpa.target_fisik_bulan,
                        line.fisik_dilaporkan,
                        line.bobot,
                        line.ttb,
                        line.warna,
                        line.kendala,
                        line.solusi,
                    ),
                    level=2,
                    warna=line.warna,
                    kolom_warna=STATUS_DETAIL,
                )
    if not nodes:
        lembar.catatan(f"PD ini tidak memiliki DPA pada tahun {kop.periode.tahun}.")
    lembar.baris(
        _group_values(
            "", f"Jumlah {perangkat_daerah.singkatan}", total.sekarang, total.bobot, total.ttb
        ),
        gaya="total",
    )
    lembar.selesai()
    return Buku(workbook, kop.nama_berkas)


def _angka_per_pd(periode: Periode, key: str, dpa_queryset) -> dict:
    """The figures of each (PD code, ``key``) group, in one aggregate query: the sums of
    ``laporan.figures`` grouped by two fields instead of one."""
    pd_key = "perangkat_daerah__kode"
    rows = (
        figures.with_line_figures(dpa_queryset, periode)
        .order_by()
        .values(pd_key, key)
        .annotate(**figures.GROUP_SUMS)
    )
    return {(row[pd_key], row[key]): Angka.from_sums(periode, row) for row in rows}


CHUNK = 500  # DPA lines read from the database at a time


def dpa_semua(kop: Kop, periode: Periode, dpa_queryset) -> Buku:
    """Every DPA line the user may see, PD → program → kegiatan → sub kegiatan, streamed.

    The subtotals come first from five aggregate queries; the lines are then read
    ``CHUNK`` at a time (``.iterator``) and each row goes to disk as it is written (openpyxl's
    write-only mode), so memory does not grow with the number of lines. A PD row's bobot and TTB
    are its share of the pemda (as in the rekap per PD); below it, shares of the PD (as in the
    detail of one PD).
    """
    pemda = figures.angka_pemda(periode, dpa_queryset)
    per_pd = figures.angka_per(periode, "perangkat_daerah__kode", dpa_queryset)
    per_program = _angka_per_pd(periode, "sub_kegiatan__kegiatan__program__kode", dpa_queryset)
    per_kegiatan = _angka_per_pd(periode, "sub_kegiatan__kegiatan__kode", dpa_queryset)
    pewarna = Pewarna.for_bulan(periode.bulan)
    this_month = Realisasi.objects.filter(dpa=OuterRef("pk"), bulan=periode.bulan)
    lines = (
        figures.with_line_figures(dpa_queryset, periode)
        .select_related("sub_kegiatan__kegiatan__program", "sumber_dana", "perangkat_daerah")
        .annotate(
            kendala_bulan=Subquery(this_month.values("kendala")[:1]),
            solusi_bulan=Subquery(this_month.values("solusi")[:1]),
        )
        .order_by(
            "perangkat_daerah__kode",
            "sub_kegiatan__kegiatan__program__kode",
            "sub_kegiatan__kegiatan__kode",
            "sub_kegiatan__kode",
            "sumber_dana__kode",
        )
    )
    workbook = _workbook(kop, write_only=True)
    lembar = Lembar(
        workbook, "Semua DPA", kop, _detail_kolom(dengan_pd=True), beku_kolom=3, outline=True
    )
    status = STATUS_DETAIL + 1

    def group_row(kode, nama, angka, whole, **style):
        values = _group_values(
            kode,
            nama,
            angka,
            figures.bobot(angka, whole),
            figures.fisik_tertimbang(angka, whole),
            style.get("warna"),
        )
        lembar.baris([pd.singkatan, *values], kolom_warna=status, **style)

    pd_kode = program_kode = kegiatan_kode = None
    for line in lines.iterator(chunk_size=CHUNK):
        pd = line.perangkat_daerah
        kegiatan = line.sub_kegiatan.kegiatan
        program = kegiatan.program
        if pd.kode != pd_kode:
            pd_kode, program_kode, kegiatan_kode = pd.kode, None, None
            whole = per_pd[pd.kode]
            group_row(pd.kode, pd.nama, whole, pemda, gaya="program", warna=pewarna.warna(whole))
        if program.kode != program_kode:
            program_kode, kegiatan_kode = program.kode, None
            angka = per_program[(pd.kode, program.kode)]
            group_row(program.kode, program.nama, angka, whole, gaya="kegiatan", level=1)
        if kegiatan.kode != kegiatan_kode:
            kegiatan_kode = kegiatan.kode
            angka = per_kegiatan[(pd.kode, kegiatan.kode)]
            group_row(kegiatan.kode, kegiatan.nama, angka, whole, gaya="kegiatan", level=2)
        angka = figures.angka_line(periode, line)
        warna = pewarna.warna(angka)
        lembar.baris(
            [pd.singkatan]
            + _line_values(
                line,
                angka,
                line.target_fisik_bulan,
                line.fisik_bulan,
                figures.bobot(angka, whole),
                figures.fisik_tertimbang(angka, whole),
                warna,
                line.kendala_bulan or "",
                line.solusi_bulan or "",
            ),
            level=3,
            warna=warna,
            kolom_warna=status,
        )
    total = [""] + _group_values(
        "",
        "Total pemda",
        pemda,
        Decimal(100) if pemda.pagu else None,
        pemda.fisik,
        pewarna.warna(pemda),
    )
    lembar.baris(total, gaya="total", warna=pewarna.warna(pemda), kolom_warna=status)
    lembar.selesai()
    return Buku(workbook, kop.nama_berkas)


# --- Report 5: Kurva S -----------------------------------------------------------------------


def _series_style(series, colour: str, dash: str | None) -> None:
    series.smooth = False
    series.marker.symbol = "circle"
    series.marker.size = 5
    series.marker.graphicalProperties.solidFill = colour
    series.marker.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.width = 22000  # EMU, about 1.75 pt
    if dash:
        series.graphicalProperties.line.dashStyle = dash


CHART_WIDTH, CHART_HEIGHT = 13.0, 7.5  # cm: two charts side by side on an A4 landscape page


def _chart(lembar: Lembar, judul: str, first_col: int, top: int | None, anchor: str) -> None:
    """A line chart of three series (target, realisation, last year's realisation) drawn from
    the sheet's cells: columns ``first_col``..+2 of the table, months as categories."""
    header_row, last_row = lembar.first_data_row - 1, lembar.row
    chart = LineChart()
    chart.title = judul
    chart.height, chart.width = CHART_HEIGHT, CHART_WIDTH
    chart.y_axis.title = "%"
    chart.y_axis.number_format = "0"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = top
    chart.y_axis.majorUnit = 20
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    data = Reference(
        lembar.ws, min_col=first_col, max_col=first_col + 2, min_row=header_row, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(lembar.ws, min_col=1, max_col=1, min_row=header_row + 1, max_row=last_row)
    )
    for series, (colour, dash) in zip(
        chart.series, (("6C757D", "dash"), ("0D6EFD", None), ("FD7E14", "sysDot")), strict=True
    ):
        _series_style(series, colour, dash)
    lembar.ws.add_chart(chart, anchor)


def _column_after(lembar: Lembar, cm: float) -> str:
    """The first column starting at least ``cm`` from the left edge (for placing a second chart
    beside the first)."""
    edge = 0.0
    for index in range(1, len(lembar.kolom) + 1):
        letter = get_column_letter(index)
        edge += (lembar.ws.column_dimensions[letter].width * 7 + 5) / 96 * 2.54
        if edge >= cm:
            return get_column_letter(index + 1)
    return get_column_letter(len(lembar.kolom) + 1)


def _kurva_sheet(workbook, kop, kurva, *, nama="Kurva S", subjudul="") -> Lembar:
    tahun, lalu = kurva.tahun, kurva.tahun - 1
    kolom = [
        Kolom("Bulan", None, 11),
        Kolom(f"Target fisik {tahun} (%)", PERSEN, 11),
        Kolom(f"Realisasi fisik {tahun} (%)", PERSEN, 11),
        Kolom(f"Realisasi fisik {lalu} (%)", PERSEN, 11),
        Kolom(f"Target keuangan {tahun} (%)", PERSEN, 11),
        Kolom(f"Realisasi keuangan {tahun} (%)", PERSEN, 11),
        Kolom(f"Realisasi keuangan {lalu} (%)", PERSEN, 11),
    ]
    lembar = Lembar(workbook, nama, kop, kolom, subjudul=subjudul)
    highest = 0
    for bulan, (now, last) in enumerate(zip(kurva.sekarang, kurva.tahun_lalu, strict=True), 1):
        reported = bulan <= kurva.sampai_bulan
        values = [
            now.target_fisik,
            now.fisik if reported else None,
            last.fisik,
            now.target_keuangan_persen,
            now.keuangan_persen if reported else None,
            last.keuangan_persen,
        ]
        highest = max([highest, *(v for v in values if v is not None)])
        lembar.baris([fmt.nama_bulan(bulan), *values])
    lembar.selesai()
    # As on the screen, the scale reaches 100%, or further when a series does.
    top = 100 if highest <= 100 else None
    anchor_row = lembar.row + 2
    _chart(lembar, "Kurva S fisik (%)", 2, top, f"A{anchor_row}")
    beside = _column_after(lembar, CHART_WIDTH + 0.3)
    _chart(lembar, "Kurva S keuangan (%)", 5, top, f"{beside}{anchor_row}")
    return lembar


def kurva_s(kop: Kop, kurva) -> Buku:
    """Report 5: the monthly figures and two native line charts drawn from their cells."""
    workbook = _workbook(kop)
    _kurva_sheet(workbook, kop, kurva)
    return Buku(workbook, kop.nama_berkas)


# --- Reports 6–8 ------------------------------------------------------------------------------


def _rekomendasi_kolom(dengan_rakor: bool) -> list[Kolom]:
    kolom = [Kolom("Rakor", None, 14)] if dengan_rakor else []
    return kolom + [
        Kolom("PD", None, 10, 16),
        Kolom("Rekomendasi", None, 40, 60),
        Kolom("Batas waktu", TANGGAL, 16),
        Kolom("Status", None, 14, 22),
        Kolom("Tindak lanjut", None, 40, 60),
    ]


_STATUS_REKOMENDASI = {"selesai": Warna.HIJAU, "dalam_proses": Warna.KUNING}


def _rekomendasi_sheet(workbook, kop, nama, rows, *, dengan_rakor, subjudul) -> None:
    lembar = Lembar(
        workbook,
        nama,
        kop,
        _rekomendasi_kolom(dengan_rakor),
        subjudul=subjudul,
        beku_kolom=1 + dengan_rakor,
    )
    for r in rows:
        rakor = [f"TW {r.rakor.triwulan_romawi} {r.rakor.tahun}"] if dengan_rakor else []
        lembar.baris(
            rakor
            + [
                r.perangkat_daerah.singkatan,
                r.isi,
                r.batas_waktu,
                r.get_status_display(),
                r.tindak_lanjut,
            ],
            warna=_STATUS_REKOMENDASI.get(r.status),
            kolom_warna=3 + dengan_rakor,
        )
    lembar.selesai(filter_sampai=lembar.row)


def kendala(kop: Kop, rows, rekomendasi) -> Buku:
    """Report 6: the month's obstacles with the lines' figures; the year's Rakor
    recommendations and their follow-up."""
    workbook = _workbook(kop)
    kolom = [
        Kolom("PD", None, 10, 16),
        Kolom("Kode sub kegiatan", None, 18, 20),
        Kolom("Sub kegiatan", None, 36, 50),
        Kolom("Sumber dana", None, 16, 24),
        Kolom("Pagu (Rp)", RUPIAH, 16),
        Kolom("Target fisik (%)", PERSEN, 9),
        Kolom("Realisasi fisik (%)", PERSEN, 9),
        Kolom("Deviasi fisik (poin)", DEVIASI, 9),
        Kolom("Kendala", None, 36, 60),
        Kolom("Solusi / tindak lanjut", None, 36, 60),
    ]
    lembar = Lembar(workbook, "Kendala", kop, kolom, beku_kolom=3)
    for line in rows:
        lembar.baris(
            [
                line.perangkat_daerah.singkatan,
                line.sub_kegiatan.kode,
                line.nama_sub_kegiatan,
                line.sumber_dana.nama,
                line.pagu_bulan,
                line.target_fisik_bulan,
                line.fisik_bulan,
                line.deviasi,
                line.kendala_bulan,
                line.solusi_bulan,
            ]
        )
    if lembar.row < lembar.first_data_row:
        lembar.catatan(f"Tidak ada kendala yang dilaporkan untuk {kop.periode}.")
    lembar.selesai(filter_sampai=lembar.row)
    _rekomendasi_sheet(
        workbook,
        kop,
        "Rekomendasi",
        rekomendasi,
        dengan_rakor=True,
        subjudul="rekomendasi Rakor POK dan tindak lanjutnya",
    )
    return Buku(workbook, kop.nama_berkas)


def kepatuhan(kop: Kop, rows) -> Buku:
    """Report 7: per PD, its lines by the state of the month's report."""
    workbook = _workbook(kop)
    kolom = [
        Kolom("Kode", None, 10),
        Kolom("Perangkat Daerah", None, 36, 50),
        Kolom("Jumlah DPA", JUMLAH, 8),
        Kolom("Belum diisi", JUMLAH, 8),
        Kolom("Draft", JUMLAH, 8),
        Kolom("Dikembalikan", JUMLAH, 8),
        Kolom("Diajukan", JUMLAH, 8),
        Kolom("Diverifikasi", JUMLAH, 8),
        Kolom("Status", None, 14),
        Kolom("Terakhir diajukan", WAKTU, 20),
    ]
    lembar = Lembar(workbook, "Kepatuhan", kop, kolom, beku_kolom=2)
    for row in rows:
        lembar.baris(
            [
                row.perangkat_daerah.kode,
                row.perangkat_daerah.nama,
                row.jumlah_dpa,
                row.belum_diisi,
                row.draft,
                row.dikembalikan,
                row.diajukan,
                row.diverifikasi,
                "Sudah lapor" if row.sudah_lapor else "Belum lengkap",
                row.terakhir_diajukan,
            ],
            warna=Warna.HIJAU if row.sudah_lapor else Warna.MERAH,
            kolom_warna=8,
        )
    lembar.selesai(filter_sampai=lembar.row)
    return Buku(workbook, kop.nama_berkas)


def _tahap() -> list:
    from pengadaan.models import PaketPengadaan

    return PaketPengadaan.Tahap.choices


def _pengadaan_sheet(workbook, kop, rows, total, *, hps=True, subjudul="") -> None:
    tahap = _tahap()
    kolom = [
        Kolom("Kode", None, 10),
        Kolom("Perangkat Daerah", None, 36, 50),
        Kolom("Paket", JUMLAH, 8),
        *(Kolom(label, JUMLAH, 10) for _, label in tahap),
        *([Kolom("HPS (Rp)", RUPIAH, 16)] if hps else []),
        Kolom("Nilai kontrak (Rp)", RUPIAH, 16),
    ]
    lembar = Lembar(workbook, "Pengadaan", kop, kolom, subjudul=subjudul, beku_kolom=2)

    def values(kode, nama, row):
        money = [_number(row["hps"])] if hps else []
        return [
            kode,
            nama,
            row["jumlah"],
            *(row[f"tahap_{value}"] for value, _ in tahap),
            *money,
            _number(row["nilai_kontrak"]),
        ]

    for row in rows:
        lembar.baris(
            values(row["dpa__perangkat_daerah__kode"], row["dpa__perangkat_daerah__nama"], row)
        )
    last_data_row = lembar.row
    if total is not None:
        lembar.baris(values("", "Jumlah", total), gaya="total")
    lembar.selesai(filter_sampai=last_data_row)


def pengadaan(kop: Kop, rows, total) -> Buku:
    """Report 8: packages per stage, per PD, with their HPS and contract values, and the total."""
    workbook = _workbook(kop)
    _pengadaan_sheet(workbook, kop, rows, total)
    return Buku(workbook, kop.nama_berkas)


# --- The Rakor POK ----------------------------------------------------------------------------


def _rakor_keterangan(rakor) -> str:
    parts = [_tanggal(rakor.tanggal)]
    if rakor.tempat_label:
        parts.append(rakor.tempat_label)
    parts.append(f"dipimpin {rakor.pimpinan_rapat}")
    if rakor.final:
        frozen = timezone.localtime(rakor.difinalkan_pada)
        parts.append(f"Final, angka dibekukan {_tanggal(frozen)} {frozen:%H.%M}")
    else:
        parts.append("Draft, angka terkini")
    return " · ".join(parts)


def _tertinggal_sheet(workbook, kop, tertinggal) -> None:
    kolom = [
        Kolom("Perangkat Daerah / sub kegiatan", None, 40, 60),
        Kolom("Realisasi fisik (%)", PERSEN, 9),
        Kolom("Target fisik (%)", PERSEN, 9),
        Kolom("Deviasi fisik (poin)", DEVIASI, 9),
        Kolom("Kendala", None, 36, 60),
        Kolom("Solusi", None, 36, 60),
    ]
    lembar = Lembar(
        workbook,
        "PD tertinggal",
        kop,
        kolom,
        subjudul="PD dengan deviasi fisik terbesar, kendala dan solusi",
        outline=True,
    )
    for row in tertinggal:
        now = row.sekarang
        lembar.baris(
            [row.label, now.fisik, now.target_fisik, now.deviasi_fisik, None, None],
            gaya="program",
        )
        for line in getattr(row, "kendala", []):
            angka = line.angka
            lembar.baris(
                [line.label, angka.fisik, angka.target_fisik, angka.deviasi_fisik]
                + [line.kendala, line.solusi],
                level=1,
            )
        lainnya = getattr(row, "kendala_lainnya", 0)
        if lainnya:
            lembar.baris(
                [f"dan {lainnya} sub kegiatan lain dengan kendala", None, None, None, None, None],
                level=1,
            )
    lembar.selesai()


_FORMAT_JENIS = {"rupiah": RUPIAH, "persen": PERSEN, "deviasi": DEVIASI}


def _perubahan_final_sheet(workbook, kop, perubahan, sebelumnya_pada) -> None:
    kolom = [
        Kolom("Uraian", None, 30, 40),
        Kolom("Final sebelumnya", None, 18),
        Kolom("Final ini", None, 18),
        Kolom("Berubah", None, 9),
    ]
    when = "waktu tidak tercatat"
    if sebelumnya_pada is not None:
        local = timezone.localtime(sebelumnya_pada)
        when = f"dibekukan {_tanggal(local)} {local:%H.%M}"
    lembar = Lembar(
        workbook,
        "Final sebelumnya",
        kop,
        kolom,
        subjudul=f"perubahan dari angka final sebelumnya ({when})",
    )
    for row in perubahan:
        number_format = _FORMAT_JENIS[row.jenis]
        lembar.baris(
            [row.uraian, row.sebelumnya, row.sekarang, "Ya" if row.berubah else "Tidak"],
            formats=[None, number_format, number_format, None],
            warna=Warna.KUNING if row.berubah else None,
            kolom_warna=3,
        )
    lembar.selesai()


def _perbandingan_sheet(workbook, kop, rekap, perubahan) -> None:
    kolom = [
        Kolom("Kode", None, 10),
        Kolom("Perangkat Daerah", None, 36, 50),
        Kolom("Fisik saat Rakor (%)", PERSEN, 10),
        Kolom("Fisik terkini (%)", PERSEN, 10),
        Kolom("Keuangan saat Rakor (%)", PERSEN, 10),
        Kolom("Keuangan terkini (%)", PERSEN, 10),
        Kolom("Berubah", None, 9),
    ]
    lembar = Lembar(
        workbook,
        "Perbandingan",
        kop,
        kolom,
        subjudul="angka saat Rakor dan angka terkini",
        beku_kolom=2,
    )
    for row in rekap.baris:
        p = perubahan.get(row.kode) or {}
        lembar.baris(
            [
                row.kode,
                row.label,
                p.get("fisik_beku"),
                p.get("fisik_sekarang"),
                p.get("keuangan_beku"),
                p.get("keuangan_sekarang"),
                "Ya" if p.get("berubah") else "Tidak",
            ],
            warna=Warna.KUNING if p.get("berubah") else None,
            kolom_warna=6,
        )
    lembar.selesai(filter_sampai=lembar.row)


def rakor(
    kop: Kop,
    *,
    rakor,
    headline,
    rekap,
    tertinggal,
    pengadaan_baris,
    pengadaan_total,
    terbawa,
    arahan,
    rekomendasi,
    peserta,
    kurva,
    perubahan=None,
    perubahan_final=(),
    sebelumnya_pada=None,
    untuk_operator=False,
) -> Buku:
    """The Rakor page as a workbook: a sheet for each part of the meeting's material, in the
    page's order, from the objects the page renders (frozen for a final Rakor; ``kurva`` None
    for one finalised before its curve was frozen). An operator's copy, like their page, leaves
    out the attendees, the notes and the pemda's procurement total. ``perubahan_final``: the
    headline figures of the previous final record against this one's (``rakor.snapshot``)."""
    kop = dataclasses.replace(kop, keterangan=_rakor_keterangan(rakor))
    workbook = _workbook(kop)
    ringkasan = _headline_sheet(workbook, kop, "Ringkasan", headline)
    if rakor.agenda:
        ringkasan.catatan(f"Agenda: {rakor.agenda}")
    if rakor.catatan and not untuk_operator:
        ringkasan.catatan(f"Catatan / notulen: {rakor.catatan}")
    ringkasan.selesai()
    if perubahan_final:
        _perubahan_final_sheet(workbook, kop, perubahan_final, sebelumnya_pada)
    _rekap_sheet(
        workbook,
        kop,
        "Rekap PD",
        rekap,
        "Perangkat Daerah",
        dengan_peringkat=True,
        subjudul="rekap per Perangkat Daerah",
    )
    if perubahan:
        _perbandingan_sheet(workbook, kop, rekap, perubahan)
    _tertinggal_sheet(workbook, kop, tertinggal)
    _pengadaan_sheet(
        workbook,
        kop,
        pengadaan_baris,
        None if untuk_operator else pengadaan_total,
        hps=False,
        subjudul="progres pengadaan",
    )
    _rekomendasi_sheet(
        workbook,
        kop,
        "Tindak lanjut",
        terbawa,
        dengan_rakor=True,
        subjudul="tindak lanjut Rakor sebelumnya yang belum selesai",
    )
    lembar = Lembar(
        workbook,
        "Arahan",
        kop,
        [Kolom("No.", JUMLAH, 5), Kolom("Arahan pimpinan", None, 60, 90)],
        subjudul="arahan pimpinan",
    )
    for number, item in enumerate(arahan, start=1):
        lembar.baris([number, item.isi])
    lembar.selesai()
    _rekomendasi_sheet(
        workbook,
        kop,
        "Rekomendasi",
        rekomendasi,
        dengan_rakor=False,
        subjudul="rekomendasi per Perangkat Daerah",
    )
    if not untuk_operator:
        lembar = Lembar(
            workbook,
            "Peserta",
            kop,
            [
                Kolom("Nama", None, 30, 40),
                Kolom("Jabatan", None, 30, 50),
                Kolom("Kategori", None, 20, 30),
            ],
            subjudul="peserta",
        )
        for p in peserta:
            lembar.baris([p.nama, p.jabatan, p.get_kategori_display()])
        lembar.selesai(filter_sampai=lembar.row)
    if kurva is None:
        lembar = Lembar(
            workbook, "Kurva S", kop, [Kolom("Keterangan", None, 60, 90)], subjudul="Kurva S"
        )
        lembar.catatan(
            "Kurva S tidak dibekukan saat Rakor ini difinalkan, sehingga tidak dapat ditampilkan "
            "seperti saat rapat; Kurva S dengan angka terkini ada di laporan Kurva S."
        )
        lembar.selesai()
    else:
        _kurva_sheet(workbook, kop, kurva, subjudul="Kurva S")
    return Buku(workbook, kop.nama_berkas)
