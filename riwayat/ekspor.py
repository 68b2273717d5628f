"""The change history as an Excel workbook: the Auditor's copy of exactly what the screen lists for
the same filter (``history.riwayat_semua``), one row per changed value, every page at once.

Every value but the time is text (``laporan.sel``): one that starts with "=" stays a string, never a
formula that Excel would run, and control characters a workbook cannot hold are dropped.
"""

import datetime
import io

from django.utils import formats, timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from laporan import sel
from perangkat_daerah.models import Pemda

from .history import SUMBER_BY_KEY, riwayat_semua

KOLOM = [
    ("Waktu", 19),
    ("Pengguna", 22),
    ("Data", 20),
    ("Jenis", 10),
    ("Perangkat Daerah", 16),
    ("Objek", 48),
    ("Alasan", 28),
    ("Kolom", 30),
    ("Dari", 32),
    ("Ke", 32),
]
BARIS_JUDUL = 6  # the header row; the title block is above it
FORMAT_WAKTU = "dd/mm/yyyy hh:mm:ss"


def _teks(ws, value, **style) -> WriteOnlyCell:
    """A cell that always holds text."""
    cell = sel.baru(ws, str(value))
    for name, item in style.items():
        setattr(cell, name, item)
    return cell


def uraian_filter(values: dict) -> str:
    """The filter in words, for the title block."""
    parts = []
    if values.get("perangkat_daerah"):
        parts.append(f"PD {values['perangkat_daerah'].singkatan}")
    if values.get("sumber"):
        parts.append(f"data {SUMBER_BY_KEY[values['sumber']].label}")
    if values.get("pengguna"):
        user = values["pengguna"]
        parts.append(f"pengguna {user.get_full_name() or user.username}")
    if values.get("dari"):
        parts.append(f"dari {formats.date_format(values['dari'], 'SHORT_DATE_FORMAT')}")
    if values.get("sampai"):
        parts.append(f"sampai {formats.date_format(values['sampai'], 'SHORT_DATE_FORMAT')}")
    return "Filter: " + (", ".join(parts) if parts else "semua perubahan")


def _waktu(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value).replace(tzinfo=None)


def riwayat_xlsx(values: dict) -> bytes:
    """The workbook of the history that ``values`` (``RiwayatFilterForm.values()``) selects."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Riwayat perubahan")
    ws.freeze_panes = f"A{BARIS_JUDUL + 1}"
    for index, (_, width) in enumerate(KOLOM, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    sekarang = timezone.localtime()
    ws.append([_teks(ws, Pemda.current().nama, font=Font(bold=True, size=13))])
    ws.append([_teks(ws, "Riwayat perubahan data SiPOK", font=bold)])
    ws.append([_teks(ws, uraian_filter(values))])
    ws.append([_teks(ws, f"Dicetak {formats.date_format(sekarang, 'DATETIME_FORMAT')}")])
    ws.append([])
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    ws.append([_teks(ws, title, font=bold, fill=header_fill) for title, _ in KOLOM])
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    jumlah = 0
    for entry in riwayat_semua(**values):
        pd = entry.perangkat_daerah.singkatan if entry.perangkat_daerah else "Semua PD"
        common = [entry.pengguna, entry.sumber.label, entry.jenis, pd, entry.objek, entry.alasan]
        for change in entry.perubahan or [None]:
            if change is None:
                tail = ["", "", "(disimpan tanpa perubahan nilai)"]
            elif entry.record.history_type == "-":
                tail = [change.label, change.dari, ""]
            elif entry.record.history_type == "+" or entry.tanpa_pembanding:
                tail = [change.label, "", change.ke]
            else:
                tail = [change.label, change.dari, change.ke]
            waktu = WriteOnlyCell(ws, _waktu(entry.waktu))
            waktu.number_format = FORMAT_WAKTU
            waktu.alignment = top
            ws.append([waktu, *(_teks(ws, value, alignment=wrap) for value in [*common, *tail])])
            jumlah += 1
    ws.append([])
    ws.append([_teks(ws, f"{jumlah} baris perubahan.")])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
