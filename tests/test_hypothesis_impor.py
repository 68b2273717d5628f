"""Property tests over the import parsers (issue 8): whatever a cell or a row holds, the parser
answers a correct value or a clear Indonesian error — never an exception of another kind — and a
file with any error yields no rows at all."""

import datetime
import io
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impor import parsers
from impor.parsers import Isian, NilaiSalah
from laporan.format import angka

# Text a worksheet can hold (openpyxl refuses control characters, as Excel does).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
CELLS = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.booleans(),
    st.dates(),
    st.sampled_from(["1.250.000", "1.250.000,00", "1,250,000.00", "Rp 7.500", "-5", "1e9", "٣٤"]),
)
FORMATS = st.sampled_from(["General", "0.00%", "#,##0", "@"])
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(value=CELLS, number_format=FORMATS)
def test_a_money_cell_is_a_rupiah_amount_or_a_clear_error(value, number_format):
    try:
        result = parsers.uang(Isian(value, number_format))
    except NilaiSalah as exc:
        assert exc.pesan and exc.pesan[0].isupper()
        return
    if result is not None:
        assert Decimal(0) <= result < parsers.RUPIAH_MAKS
        assert result == result.quantize(Decimal("0.01"))


@SETTINGS
@given(value=CELLS, number_format=FORMATS)
def test_a_percentage_cell_is_0_to_100_or_a_clear_error(value, number_format):
    try:
        result = parsers.persen(Isian(value, number_format))
    except NilaiSalah as exc:
        assert exc.pesan
        return
    if result is not None:
        assert Decimal(0) <= result <= Decimal(100)


@SETTINGS
@given(
    whole=st.integers(min_value=0, max_value=10**15),
    cents=st.integers(min_value=0, max_value=99),
    prefix=st.sampled_from(["", "Rp ", "Rp", "rp. "]),
)
def test_money_typed_the_indonesian_way_is_read_exactly(whole, cents, prefix):
    value = Decimal(whole) + Decimal(cents) / 100
    assert parsers.uang(Isian(prefix + angka(value, 2))) == value
    assert parsers.uang(Isian(angka(Decimal(whole)))) == Decimal(whole)


def sp2d_workbook(cells: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = parsers.LEMBAR_SP2D
    sheet.append([kolom.judul for kolom in parsers.SP2D_KOLOM])
    for row in cells:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROW = st.tuples(
    st.one_of(st.none(), TEXT),
    st.sampled_from(["1.02.01", "", None, "9.99.99", 1.02]),
    st.sampled_from(["1.02.02.2.01.0002", "x", None, 10202201]),
    st.sampled_from(["PAD", "DAKF", "", None]),
    st.one_of(st.dates(min_value=datetime.date(2020, 1, 1)), TEXT, st.none()),
    CELLS,
).map(list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=0, max_size=6))
def test_an_sp2d_file_gives_rows_or_errors_never_both_and_never_a_crash(rows):
    found, errors = parsers.baca_sp2d(sp2d_workbook(rows))
    assert not (found and errors)
    for error in errors:
        assert error.pesan
    for row in found:
        assert row.nilai > 0
