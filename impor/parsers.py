"""Reading the import workbooks: pure functions from the file's bytes to rows and errors.

``baca_dpa(data) -> (rows, errors)`` and ``baca_sp2d(data) -> (rows, errors)`` read no database:
they check the file (``impor.berkas``), find the sheet and its columns by their titles, convert
every cell (numbers typed the Indonesian way — ``1.250.000,00`` — through ``kegiatan.fields``;
formulas by their cached value) and check what one row, or the file alone, can tell: required
cells, the RKO's own rules, duplicate rows. Whatever the database must answer (do the codes exist,
what changes) is ``impor.induk``, ``impor.dpa`` and ``impor.sp2d``. ``bacaan_dpa`` and
``bacaan_sp2d`` also give every code read (``SelKode``), from the rows with errors too, so that
a file with cell errors has its unknown codes listed in the same upload.

Every error is a ``Galat``: sheet, row, column, the value, what is wrong. All of them are
collected; nothing stops at the first.
"""

import datetime
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from openpyxl.utils import get_column_letter, range_boundaries

from kegiatan.fields import CONTOH_RUPIAH, parse_persen, parse_rupiah
from kegiatan.models import NAMA_BULAN
from laporan.format import angka

from . import berkas
from .berkas import BARIS_FISIK_MAKS, BARIS_MAKS, BARIS_MAKS_SP2D, KOLOM_MAKS, BerkasDitolak

ZERO = Decimal(0)
HUNDRED = Decimal(100)
SEN = Decimal("0.01")
RUPIAH_MAKS = Decimal(10) ** 16  # DecimalField(max_digits=18, decimal_places=2)
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!"}

LEMBAR_DPA = "DPA"
LEMBAR_SP2D = "SP2D"
BARIS_JUDUL = 1


# --- Errors ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Galat:
    """One thing wrong in the file. ``baris`` and ``kolom`` are 1-based (Excel's); a problem of
    the whole file has neither, of a whole row no ``kolom``. ``batas``: the file is beyond a
    limit of its size or shape (``berkas.BerkasMelampauiBatas``, too many rows): it is not kept
    and never opened again, so it gets no marked copy."""

    pesan: str
    lembar: str = ""
    baris: int | None = None
    kolom: int | None = None
    judul: str = ""
    nilai: str = ""
    batas: bool = False

    @property
    def sel(self) -> str:
        if self.baris is None or self.kolom is None:
            return ""
        return f"{get_column_letter(self.kolom)}{self.baris}"

    @property
    def huruf_kolom(self) -> str:
        return get_column_letter(self.kolom) if self.kolom else ""

    def as_dict(self) -> dict:
        return {
            "pesan": self.pesan,
            "lembar": self.lembar,
            "baris": self.baris,
            "kolom": self.kolom,
            "judul": self.judul,
            "nilai": self.nilai,
            "batas": self.batas,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Galat":
        return cls(
            pesan=data.get("pesan", ""),
            lembar=data.get("lembar") or "",
            baris=data.get("baris"),
            kolom=data.get("kolom"),
            judul=data.get("judul") or "",
            nilai=data.get("nilai") or "",
            batas=bool(data.get("batas")),
        )

    def __str__(self):
        where = [self.lembar] if self.lembar else []
        if self.sel:
            where.append(f"sel {self.sel}")
        elif self.baris:
            where.append(f"baris {self.baris}")
        if self.judul:
            where.append(f"kolom “{self.judul}”")
        text = ", ".join(where)
        if self.nilai:
            text += f" (isi: “{self.nilai}”)"
        return f"{text}: {self.pesan}" if text else self.pesan


def urutkan(galat: list[Galat]) -> list[Galat]:
    """By place; a limit the file is beyond comes first (it is what to fix first, and it stays
    when a long list is cut)."""
    return sorted(galat, key=lambda g: (not g.batas, g.lembar, g.baris or 0, g.kolom or 0))


KODE_INDUK = ("kode_pd", "kode_sub_kegiatan", "kode_sumber_dana")


@dataclass(frozen=True)
class SelKode:
    """A master-data code (``kunci`` one of ``KODE_INDUK``) as one cell of the file states it."""

    kunci: str
    kode: str
    lembar: str
    baris: int
    kolom: int
    judul: str

    @classmethod
    def di(cls, lembar: "Lembar", baris: int, kunci: str, kode: str) -> "SelKode":
        """``kode`` in column ``kunci`` of row ``baris`` of the sheet ``lembar``."""
        return cls(kunci, kode, lembar.nama, baris, lembar.kolom[kunci], lembar.judul[kunci])

    def galat(self, pesan: str) -> Galat:
        return Galat(pesan, self.lembar, self.baris, self.kolom, self.judul, self.kode)


def sel_kode(rows) -> list[SelKode]:
    """The codes of rows read without error (``BarisDPA`` or ``BarisSP2D``)."""
    return [
        SelKode.di(row.lembar, row.baris, kunci, getattr(row, kunci))
        for row in rows
        for kunci in KODE_INDUK
    ]


# --- Columns --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    petunjuk: str
    wajib: bool = True  # the column must be there (its cells may still be optional)
    lebar: int = 16


BULAN = range(1, 13)

DPA_KOLOM = [
    Kolom(
        "kode_pd",
        "Kode PD",
        "Wajib. Kode Perangkat Daerah, lihat lembar Perangkat Daerah.",
        lebar=24,
    ),
    Kolom(
        "kode_sub_kegiatan",
        "Kode Sub Kegiatan",
        "Wajib. Kode nomenklatur, mis. 1.02.02.2.01.0001; lihat lembar Sub Kegiatan.",
        lebar=22,
    ),
    Kolom(
        "nama_sub_kegiatan",
        "Nama Sub Kegiatan",
        "Boleh kosong (dipakai nama dari data induk). Nama saat dianggarkan.",
        lebar=40,
    ),
    Kolom("kode_sumber_dana", "Kode Sumber Dana", "Wajib. Lihat lembar Sumber Dana.", lebar=16),
    Kolom("pagu", "Pagu (Rp)", "Wajib. Rupiah, mis. 1250000 atau 1.250.000,00.", lebar=18),
    Kolom("lokasi", "Lokasi", "Boleh kosong.", lebar=24),
    Kolom("indikator_keluaran", "Indikator Keluaran", "Boleh kosong.", lebar=30),
    Kolom("target_keluaran", "Target Keluaran", "Boleh kosong. Angka, mis. 12 atau 2,5.", lebar=14),
    Kolom("satuan_keluaran", "Satuan", "Boleh kosong, mis. unit, dokumen, km.", lebar=12),
    Kolom("pptk_nama", "Nama PPTK", "Boleh kosong.", lebar=26),
    Kolom("pptk_nip", "NIP PPTK", "Boleh kosong. 18 angka, ditulis sebagai teks.", lebar=22),
    *[
        Kolom(
            f"fisik_{bulan}",
            f"Target Fisik Kumulatif {NAMA_BULAN[bulan]} (%)",
            "Persen kumulatif 0–100, tidak boleh turun; Desember 100.",
            lebar=14,
        )
        for bulan in BULAN
    ],
    *[
        Kolom(
            f"uang_{bulan}",
            f"Rencana Keuangan {NAMA_BULAN[bulan]} (Rp)",
            "Rupiah yang direncanakan dibelanjakan pada bulan itu saja; kosong = 0. Jumlah 12 "
            "bulan = pagu.",
            lebar=16,
        )
        for bulan in BULAN
    ],
]

SP2D_KOLOM = [
    Kolom(
        "nomor",
        "Nomor SP2D",
        "Boleh kosong, tetapi bila diisi tidak boleh ganda.",
        wajib=False,
        lebar=26,
    ),
    Kolom("kode_pd", "Kode PD", "Wajib. Kode Perangkat Daerah.", lebar=24),
    Kolom("kode_sub_kegiatan", "Kode Sub Kegiatan", "Wajib.", lebar=22),
    Kolom("kode_sumber_dana", "Kode Sumber Dana", "Wajib.", lebar=16),
    Kolom("tanggal", "Tanggal SP2D", "Wajib. Tanggal, mis. 15/03/2026.", lebar=14),
    Kolom("nilai", "Nilai (Rp)", "Wajib, lebih dari 0. Mis. 1250000 atau 1.250.000,00.", lebar=18),
    Kolom("uraian", "Uraian", "Boleh kosong.", wajib=False, lebar=40),
]

DPA_TEKS_MAKS = {
    "nama_sub_kegiatan": 400,
    "lokasi": 300,
    "indikator_keluaran": 400,
    "satuan_keluaran": 50,
    "pptk_nama": 150,
}


def normal(judul) -> str:
    """A column title as compared: case, spaces and a trailing '*' do not matter."""
    return re.sub(r"\s+", " ", str(judul or "")).strip().rstrip("*").strip().lower()


# --- Cells ----------------------------------------------------------------------------------------


class NilaiSalah(Exception):
    def __init__(self, pesan: str):
        self.pesan = pesan
        super().__init__(pesan)


@dataclass(frozen=True)
class Isian:
    """One cell as read: its value (a formula's cached value), its number format, and the formula
    text when it is one."""

    nilai: object
    format: str = "General"
    rumus: str = ""
    jenis: str = "n"

    @property
    def kosong(self) -> bool:
        if self.rumus and self.nilai is None:
            return False
        return self.nilai is None or (isinstance(self.nilai, str) and not self.nilai.strip())

    def tampil(self) -> str:
        """The value as the error list shows it."""
        if self.rumus and self.nilai is None:
            return self.rumus
        value = self.nilai
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.strftime("%d/%m/%Y %H:%M") if value.time() else value.strftime("%d/%m/%Y")
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, float):
            return _float_teks(value)
        text = str(value)
        return text if len(text) <= 200 else text[:197] + "…"


def _float_teks(value: float) -> str:
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _periksa_sel(isian: Isian) -> None:
    if isian.rumus and isian.nilai is None:
        raise NilaiSalah(
            "Sel berisi rumus tanpa nilai tersimpan. Buka berkas di Excel atau LibreOffice lalu "
            "simpan ulang agar rumusnya terhitung, atau ganti rumus dengan nilainya."
        )
    if isian.jenis == "e" or (isinstance(isian.nilai, str) and isian.nilai.strip() in EXCEL_ERRORS):
        raise NilaiSalah(f"Sel berisi galat Excel {isian.nilai}. Perbaiki rumus atau isinya.")


def _desimal(value: int | float) -> Decimal:
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        raise NilaiSalah("Angka tidak sah.")
    return Decimal(repr(value))


def _dua_desimal(value: Decimal) -> Decimal:
    """Two decimals; a float's noise (12345.600000000001 from a formula) is rounded away, real
    extra decimals are refused."""
    if value.adjusted() >= 20:  # beyond any pagu; quantize would overflow the context
        raise NilaiSalah("Angka terlalu besar.")
    rounded = value.quantize(SEN, rounding=ROUND_HALF_UP)
    if abs(value - rounded) > Decimal("0.000001"):
        raise NilaiSalah("Paling banyak dua angka di belakang koma.")
    return rounded


def _bukan_tanggal(value) -> None:
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise NilaiSalah(
            "Sel berformat tanggal/waktu, bukan angka. Ubah format sel menjadi Angka lalu tulis "
            "nilainya."
        )


def uang(isian: Isian) -> Decimal | None:
    """Rupiah: a number cell, or text written the Indonesian way (``Rp 1.250.000,00``)."""
    _periksa_sel(isian)
    if isian.kosong:
        return None
    value = isian.nilai
    _bukan_tanggal(value)
    if isinstance(value, bool):
        raise NilaiSalah(CONTOH_RUPIAH)
    if isinstance(value, int | float):
        result = _desimal(value)
        if result < ZERO:
            raise NilaiSalah("Nilai uang tidak boleh negatif.")
        result = _dua_desimal(result)
    else:
        try:
            result = parse_rupiah(str(value))
        except ValidationError as exc:
            raise NilaiSalah(exc.messages[0]) from None
    if result >= RUPIAH_MAKS:
        raise NilaiSalah("Nilai uang terlalu besar.")
    return result


def persen(isian: Isian) -> Decimal | None:
    """A percentage 0–100: a number (a cell formatted as % holds 0.455 for 45,5%) or text ``45,5``
    / ``45.5`` / ``45,5%``."""
    _periksa_sel(isian)
    if isian.kosong:
        return None
    value = isian.nilai
    _bukan_tanggal(value)
    if isinstance(value, bool):
        raise NilaiSalah("Tulis persen seperti 45 atau 45,5.")
    if isinstance(value, int | float):
        result = _desimal(value)
        if "%" in (isian.format or ""):
            result *= HUNDRED
        if result < ZERO:
            raise NilaiSalah("Persentase tidak boleh negatif.")
        result = _dua_desimal(result)
        if result > HUNDRED:
            raise NilaiSalah("Persentase paling besar 100%.")
        return result
    try:
        return parse_persen(str(value))
    except ValidationError as exc:
        raise NilaiSalah(exc.messages[0]) from None


def bilangan(isian: Isian) -> Decimal | None:
    """A quantity such as an output target: ``12``, ``2,5``, ``1.250``."""
    _periksa_sel(isian)
    if isian.kosong:
        return None
    value = isian.nilai
    _bukan_tanggal(value)
    if isinstance(value, bool):
        raise NilaiSalah("Tulis angka seperti 12 atau 2,5.")
    if isinstance(value, int | float):
        result = _dua_desimal(_desimal(value))
    else:
        try:
            result = parse_rupiah(str(value))
        except ValidationError:
            raise NilaiSalah("Tulis angka seperti 12, 2,5 atau 1.250.") from None
    if result < ZERO:
        raise NilaiSalah("Angka tidak boleh negatif.")
    if result >= Decimal(10) ** 12:
        raise NilaiSalah("Angka terlalu besar.")
    return result


def teks(isian: Isian, maks: int | None = None) -> str:
    _periksa_sel(isian)
    if isian.kosong:
        return ""
    value = isian.nilai
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise NilaiSalah("Sel berformat tanggal/waktu; tulis sebagai teks.")
    text = _float_teks(value) if isinstance(value, float) else str(value)
    text = re.sub(r"\s+", " ", text).strip()
    if maks is not None and len(text) > maks:
        raise NilaiSalah(f"Paling banyak {maks} karakter (tertulis {len(text)}).")
    return text


def kode(isian: Isian) -> str:
    """A code (PD, sub kegiatan, sumber dana): text; a code Excel turned into a number (1.1 for
    '1.10') cannot be trusted."""
    _periksa_sel(isian)
    if isian.kosong:
        return ""
    value = isian.nilai
    if isinstance(value, bool | datetime.date | datetime.time):
        raise NilaiSalah("Kode harus ditulis sebagai teks.")
    if isinstance(value, float):
        raise NilaiSalah(
            "Kode tersimpan sebagai angka sehingga bisa berubah (mis. 1.10 menjadi 1.1). Format "
            "sel sebagai Teks lalu tulis ulang kodenya."
        )
    text = re.sub(r"\s+", "", str(value))
    if len(text) > 40:
        raise NilaiSalah("Kode terlalu panjang (paling banyak 40 karakter).")
    return text


def nip(isian: Isian) -> str:
    _periksa_sel(isian)
    if isian.kosong:
        return ""
    value = isian.nilai
    if isinstance(value, float):
        raise NilaiSalah(
            "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang. Format sel sebagai "
            "Teks lalu tulis ulang NIP."
        )
    text = re.sub(r"\s+", "", str(value))
    if not re.fullmatch(r"\d{18}", text):
        raise NilaiSalah("NIP terdiri dari 18 angka.")
    return text


_TANGGAL_FORMAT = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
_NAMA_BULAN_TEKS = {
    **{nama.lower(): bulan for bulan, nama in NAMA_BULAN.items()},
    **{nama[:3].lower(): bulan for bulan, nama in NAMA_BULAN.items()},
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "okt": 10,
    "nov": 11,
    "des": 12,
}


def tanggal(isian: Isian) -> datetime.date | None:
    """A date cell, or text 15/03/2026, 15-03-2026, 2026-03-15 or 15 Maret 2026."""
    _periksa_sel(isian)
    if isian.kosong:
        return None
    value = isian.nilai
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise NilaiSalah(
            "Tanggal tersimpan sebagai angka. Format sel sebagai Tanggal, atau tulis seperti "
            "15/03/2026."
        )
    text = re.sub(r"\s+", " ", str(value)).strip()
    for fmt in _TANGGAL_FORMAT:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if match and match[2].lower() in _NAMA_BULAN_TEKS:
        try:
            return datetime.date(int(match[3]), _NAMA_BULAN_TEKS[match[2].lower()], int(match[1]))
        except ValueError:
            pass
    raise NilaiSalah("Tanggal tidak dikenali; tulis seperti 15/03/2026 atau 15 Maret 2026.")


# --- Sheets ---------------------------------------------------------------------------------------


@dataclass
class Lembar:
    """A data sheet as read: its name and where each known column is."""

    nama: str
    kolom: dict[str, int]  # kunci -> 1-based column
    judul: dict[str, str]  # kunci -> the title as the file writes it
    judul_kolom: dict[int, str] = field(default_factory=dict)  # 1-based column -> any title

    def judul_di(self, kolom: int) -> str:
        """The title of column ``kolom`` as the file writes it, or its letter."""
        return self.judul_kolom.get(kolom) or get_column_letter(kolom)


class Pembaca:
    """Collects the errors of one file while its rows are read, and the master-data codes its
    rows name (``kode``), those of rows with errors included."""

    def __init__(self):
        self.galat: list[Galat] = []
        self.kode: list[SelKode] = []

    def tambah(
        self, pesan: str, *, lembar="", baris=None, kolom=None, judul="", nilai="", batas=False
    ) -> None:
        self.galat.append(Galat(pesan, lembar, baris, kolom, judul, nilai, batas))

    def catat_kode(self, lembar: Lembar, baris: int, values: dict[str, str]) -> None:
        """Note the codes of one row that were read without error (``values``: kunci -> code)."""
        self.kode.extend(
            SelKode.di(lembar, baris, kunci, values[kunci])
            for kunci in KODE_INDUK
            if values.get(kunci)
        )

    def sel(self, lembar: Lembar, baris: int, kunci: str, isian: Isian, pesan: str) -> None:
        self.tambah(
            pesan,
            lembar=lembar.nama,
            baris=baris,
            kolom=lembar.kolom[kunci],
            judul=lembar.judul[kunci],
            nilai=isian.tampil(),
        )

    def ubah(
        self, lembar: Lembar, baris: int, isian_baris: dict, kunci: str, fungsi: Callable, *args
    ):
        """``fungsi(isian)``, or None with the error noted on the cell."""
        isian = isian_baris[kunci]
        try:
            return fungsi(isian, *args)
        except NilaiSalah as exc:
            self.sel(lembar, baris, kunci, isian, exc.pesan)
            return None


def _cari_lembar(book: berkas.Workbook, nama: str, pembaca: Pembaca) -> str | None:
    for sheet in book.nilai.sheetnames:
        if sheet.strip().lower() == nama.lower():
            return sheet
    pembaca.tambah(
        f"Lembar “{nama}” tidak ditemukan. Lembar yang ada: "
        f"{', '.join(f'“{s}”' for s in book.nilai.sheetnames)}. Jangan mengganti nama lembar "
        "templat; data dibaca dari lembar itu.",
        lembar=nama,
    )
    return None


def _baca_lembar(
    book: berkas.Workbook, nama: str, kolom: list[Kolom], pembaca: Pembaca, maks_baris: int
) -> tuple[Lembar | None, Iterator[tuple[int, dict[str, Isian]]]]:
    """The sheet's columns from its title row, and a generator of its non-empty data rows (row
    number, known column -> cell). Errors (missing sheet or column, too many rows, merged
    cells) go to ``pembaca``."""
    sheet = _cari_lembar(book, nama, pembaca)
    if sheet is None:
        return None, iter(())
    ws_nilai = book.nilai[sheet]
    ciri = berkas.ciri_lembar(ws_nilai)
    # The size a file declares can be wrong (some programs write "A1"): read every row.
    ws_nilai.reset_dimensions()
    baris_nilai = ws_nilai.iter_rows(max_col=KOLOM_MAKS)
    if ciri.rumus:
        ws_rumus = book.rumus[sheet]
        ws_rumus.reset_dimensions()
        rows = zip(baris_nilai, ws_rumus.iter_rows(max_col=KOLOM_MAKS), strict=True)
    else:
        rows = ((cells, None) for cells in baris_nilai)  # no formula to tell apart
    first = next(rows, None)
    titles: dict[str, int] = {}
    raw: dict[int, str] = {}
    if first is not None:
        for index, cell in enumerate(first[0], start=1):
            if cell.value is not None and normal(cell.value):
                raw[index] = str(cell.value).strip()
                titles.setdefault(normal(cell.value), index)
    lembar = Lembar(sheet, {}, {}, raw)
    missing = []
    for col in kolom:
        index = titles.get(normal(col.judul))
        if index is None:
            if col.wajib:
                missing.append(col.judul)
            continue
        lembar.kolom[col.kunci] = index
        lembar.judul[col.kunci] = raw[index]
    if missing:
        pembaca.tambah(
            f"Kolom {', '.join(f'“{m}”' for m in missing)} tidak ditemukan di baris judul (baris "
            f"{BARIS_JUDUL}). Jangan mengubah, memindah ke baris lain atau menghapus judul kolom "
            "templat.",
            lembar=sheet,
            baris=BARIS_JUDUL,
        )
        return None, iter(())
    return lembar, _baris_data(rows, lembar, ws_nilai, ciri, pembaca, maks_baris)


def _isian(cells_nilai, cells_rumus, index: int) -> Isian:
    """Column ``index`` (1-based) of a row: its cell, and the same cell of the formula workbook
    (``cells_rumus``, or None when the sheet holds no formula)."""
    cell_nilai = cells_nilai[index - 1]
    cell_rumus = None if cells_rumus is None else cells_rumus[index - 1]
    rumus = ""
    if getattr(cell_rumus, "data_type", None) == "f":
        rumus = str(getattr(cell_rumus.value, "text", cell_rumus.value))
    return Isian(
        nilai=cell_nilai.value,
        format=getattr(cell_nilai, "number_format", None) or "General",
        rumus=rumus,
        jenis=getattr(cell_nilai, "data_type", None) or "n",
    )


def _baris_data(
    rows, lembar: Lembar, ws, ciri: berkas.CiriLembar, pembaca: Pembaca, maks_baris: int
):
    """The rows (their cells, and the same cells of the formula workbook or None), each
    non-empty one as (row number, known column -> cell); then the merged cells as errors, each
    with its columns and the value of its first cell."""
    refs = berkas.sel_digabung(ws) if ciri.digabung else []
    digabung = [(ref, range_boundaries(ref)) for ref in refs]
    isi_gabungan: dict[str, str] = {}  # range -> the value of its first (top-left) cell
    for ref, (min_col, min_row, _max_col, _max_row) in digabung:
        if min_row == BARIS_JUDUL:
            isi_gabungan[ref] = lembar.judul_kolom.get(min_col, "")
    gabungan_per_baris: dict[int, list[tuple[str, int]]] = {}
    for ref, (min_col, min_row, _max_col, _max_row) in digabung:
        if min_row > BARIS_JUDUL and min_col <= KOLOM_MAKS:
            gabungan_per_baris.setdefault(min_row, []).append((ref, min_col))
    jumlah = 0
    # openpyxl yields every row from the second on, filling the gaps, so the position is the row.
    for nomor, (cells_nilai, cells_rumus) in enumerate(rows, start=BARIS_JUDUL + 1):
        if nomor > BARIS_FISIK_MAKS:
            pembaca.tambah(
                f"Lembar berisi lebih dari {angka(BARIS_FISIK_MAKS)} baris (termasuk baris kosong "
                "berformat). Hapus baris kosong di bawah data lalu unggah lagi.",
                lembar=lembar.nama,
                batas=True,
            )
            return
        for ref, min_col in gabungan_per_baris.get(nomor, ()):
            isi_gabungan[ref] = _isian(cells_nilai, cells_rumus, min_col).tampil()
        isian = {
            kunci: _isian(cells_nilai, cells_rumus, index) for kunci, index in lembar.kolom.items()
        }
        if all(i.kosong for i in isian.values()):
            continue  # empty rows are skipped
        jumlah += 1
        if jumlah > maks_baris:
            pembaca.tambah(
                f"Berkas berisi lebih dari {angka(maks_baris)} baris data. Pecah menjadi beberapa "
                "berkas (mis. per Perangkat Daerah).",
                lembar=lembar.nama,
                baris=nomor,
                batas=True,
            )
            return
        yield nomor, isian
    for ref, (min_col, min_row, max_col, _max_row) in digabung:
        kolom = f"“{lembar.judul_di(min_col)}”"
        if max_col > min_col:
            kolom += f" sampai “{lembar.judul_di(max_col)}”"
        pembaca.tambah(
            f"Sel digabung (merge) {ref} di kolom {kolom} tidak diizinkan. Pisahkan sel (Unmerge) "
            "lalu isi setiap sel dengan nilainya.",
            lembar=lembar.nama,
            baris=min_row,
            kolom=min_col,
            judul=lembar.judul_kolom.get(min_col, ""),
            nilai=isi_gabungan.get(ref, ""),
        )


# --- DPA and RKO ----------------------------------------------------------------------------------


@dataclass
class BarisDPA:
    """One DPA line as the file states it. ``fisik``/``uang``: the 12 months of the RKO (None when
    the row leaves the whole RKO empty)."""

    baris: int
    kode_pd: str
    kode_sub_kegiatan: str
    kode_sumber_dana: str
    pagu: Decimal
    nama_sub_kegiatan: str = ""
    lokasi: str = ""
    indikator_keluaran: str = ""
    target_keluaran: Decimal | None = None
    satuan_keluaran: str = ""
    pptk_nama: str = ""
    pptk_nip: str = ""
    fisik: tuple[Decimal, ...] | None = None
    uang: tuple[Decimal, ...] | None = None
    lembar: Lembar = field(default=None, repr=False, compare=False)

    @property
    def kunci(self) -> tuple[str, str, str]:
        return (self.kode_pd, self.kode_sub_kegiatan, self.kode_sumber_dana)

    @property
    def rko(self) -> list[tuple[Decimal, Decimal]] | None:
        if self.fisik is None:
            return None
        return list(zip(self.fisik, self.uang, strict=True))

    def galat(self, kunci: str, pesan: str, nilai: str = "") -> Galat:
        """An error on this row's cell of column ``kunci``."""
        return Galat(
            pesan,
            self.lembar.nama,
            self.baris,
            self.lembar.kolom[kunci],
            self.lembar.judul[kunci],
            nilai,
        )


def _wajib(pembaca, lembar, nomor, isian, kunci, value, label) -> None:
    if value in ("", None) and isian[kunci].kosong:
        pembaca.sel(lembar, nomor, kunci, isian[kunci], f"{label} wajib diisi.")


def _baca_rko(pembaca: Pembaca, lembar: Lembar, nomor: int, isian: dict, pagu) -> tuple:
    """The 12 months of one row, checked by the RKO's rules (those of
    kegiatan.services.validate_rko, cell by cell): (fisik, uang), both None when the row leaves
    the RKO empty or has an error there."""
    keys = [f"fisik_{b}" for b in BULAN] + [f"uang_{b}" for b in BULAN]
    if all(isian[k].kosong for k in keys):
        return None, None
    sebelum = len(pembaca.galat)
    fisik = [pembaca.ubah(lembar, nomor, isian, f"fisik_{b}", persen) for b in BULAN]
    uang_bulan = [pembaca.ubah(lembar, nomor, isian, f"uang_{b}", uang) for b in BULAN]
    for bulan in BULAN:
        if fisik[bulan - 1] is None and isian[f"fisik_{bulan}"].kosong:
            pembaca.sel(
                lembar,
                nomor,
                f"fisik_{bulan}",
                isian[f"fisik_{bulan}"],
                f"Target fisik kumulatif {NAMA_BULAN[bulan]} wajib diisi: isi ke-12 bulan RKO, "
                "atau kosongkan semuanya bila RKO belum ada.",
            )
    terakhir, bulan_terakhir = None, None
    for bulan in BULAN:
        value = fisik[bulan - 1]
        if value is None:
            continue
        if terakhir is not None and value < terakhir:
            pembaca.sel(
                lembar,
                nomor,
                f"fisik_{bulan}",
                isian[f"fisik_{bulan}"],
                f"Target fisik kumulatif tidak boleh turun: {NAMA_BULAN[bulan]} "
                f"{_persen(value)} lebih kecil dari {NAMA_BULAN[bulan_terakhir]} "
                f"{_persen(terakhir)}.",
            )
        else:
            terakhir, bulan_terakhir = value, bulan
    if fisik[11] is not None and fisik[11] != HUNDRED:
        pembaca.sel(
            lembar,
            nomor,
            "fisik_12",
            isian["fisik_12"],
            "Target fisik kumulatif Desember harus 100%.",
        )
    kosong = [b for b in BULAN if uang_bulan[b - 1] is None and isian[f"uang_{b}"].kosong]
    uang_bulan = [
        ZERO if bulan in kosong else value for bulan, value in zip(BULAN, uang_bulan, strict=True)
    ]
    if pagu is not None and all(u is not None for u in uang_bulan):
        total = sum(uang_bulan, ZERO)
        if total != pagu:
            # A blank month counts as 0; when the plan falls short, a blank month is where the
            # money is most likely missing, so each is named at its own cell too.
            kurang = kosong if total < pagu else []
            pesan = (
                f"Jumlah rencana keuangan 12 bulan ({_rupiah(total)}) harus sama dengan pagu "
                f"({_rupiah(pagu)}); selisih {_rupiah(abs(total - pagu))}."
            )
            if kurang:
                bulan_kosong = ", ".join(NAMA_BULAN[b] for b in kurang)
                pesan += f" Rencana keuangan bulan yang kosong: {bulan_kosong}."
            pembaca.sel(lembar, nomor, "pagu", isian["pagu"], pesan)
            for bulan in kurang:
                pembaca.sel(
                    lembar,
                    nomor,
                    f"uang_{bulan}",
                    isian[f"uang_{bulan}"],
                    f"Rencana keuangan bulan {NAMA_BULAN[bulan]} kosong, padahal jumlah rencana "
                    f"keuangan 12 bulan ({_rupiah(total)}) kurang {_rupiah(pagu - total)} dari "
                    f"pagu ({_rupiah(pagu)}). Isi rencana bulan ini, atau tulis 0 bila memang "
                    "tidak ada yang direncanakan.",
                )
    if len(pembaca.galat) != sebelum:
        return None, None
    return tuple(fisik), tuple(uang_bulan)


def _rupiah(value: Decimal) -> str:
    places = 0 if value == value.to_integral_value() else 2
    return f"Rp {angka(value, places)}"


def _persen(value: Decimal) -> str:
    return f"{angka(value, 2).removesuffix(',00')}%"


@dataclass
class Bacaan:
    """What reading an import file gives: its rows (only when the whole file is free of errors),
    every error, and every master-data code its rows name — those of rows with errors too, so
    that the codes can be checked in the same upload (none when the file is refused as a
    whole)."""

    rows: list
    galat: list[Galat]
    kode: list[SelKode] = field(default_factory=list)


def baca_dpa(data: bytes) -> tuple[list[BarisDPA], list[Galat]]:
    """The DPA lines of an import workbook (sheet ``DPA``) and every error found in it.

    Rows come back only when the whole file is free of errors; otherwise ``([], errors)``.
    """
    bacaan = bacaan_dpa(data)
    return bacaan.rows, bacaan.galat


def bacaan_dpa(data: bytes) -> Bacaan:
    """``baca_dpa`` with the codes the rows name."""
    return _baca_berkas(data, LEMBAR_DPA, DPA_KOLOM, BARIS_MAKS, _baca_baris_dpa, _ganda_dpa)


def _baca_berkas(data: bytes, nama_lembar, kolom, maks_baris: int, baca_baris, cek_ganda):
    """Read the sheet ``nama_lembar`` of an import workbook: each data row through
    ``baca_baris`` (None for a row with errors), then ``cek_ganda`` over the rows read. The rows
    come back only when the whole file is free of errors."""
    pembaca = Pembaca()
    rows = []
    try:
        with berkas.buka(data) as book:
            lembar, data_rows = _baca_lembar(book, nama_lembar, kolom, pembaca, maks_baris)
            for nomor, isian in data_rows:
                row = baca_baris(pembaca, lembar, nomor, isian)
                if row is not None:
                    rows.append(row)
    except BerkasDitolak as exc:
        batas = isinstance(exc, berkas.BerkasMelampauiBatas)
        return Bacaan([], [Galat(exc.pesan, batas=batas)])
    if lembar is not None and not rows and not pembaca.galat:
        pembaca.tambah(f"Lembar {nama_lembar} tidak berisi baris data.", lembar=lembar.nama)
    cek_ganda(rows, pembaca)
    if pembaca.galat:
        return Bacaan([], urutkan(pembaca.galat), pembaca.kode)
    return Bacaan(rows, [], pembaca.kode)


def _baca_baris_dpa(pembaca: Pembaca, lembar: Lembar, nomor: int, isian: dict) -> BarisDPA | None:
    sebelum = len(pembaca.galat)

    def ubah(kunci, fungsi, *args):
        return pembaca.ubah(lembar, nomor, isian, kunci, fungsi, *args)

    kode_pd = ubah("kode_pd", kode)
    kode_sub_kegiatan = ubah("kode_sub_kegiatan", kode)
    kode_sumber_dana = ubah("kode_sumber_dana", kode)
    pembaca.catat_kode(
        lembar,
        nomor,
        {
            "kode_pd": kode_pd,
            "kode_sub_kegiatan": kode_sub_kegiatan,
            "kode_sumber_dana": kode_sumber_dana,
        },
    )
    pagu = ubah("pagu", uang)
    for kunci, value, label in (
        ("kode_pd", kode_pd, "Kode PD"),
        ("kode_sub_kegiatan", kode_sub_kegiatan, "Kode sub kegiatan"),
        ("kode_sumber_dana", kode_sumber_dana, "Kode sumber dana"),
        ("pagu", pagu, "Pagu"),
    ):
        _wajib(pembaca, lembar, nomor, isian, kunci, value, label)
    teks_values = {kunci: ubah(kunci, teks, maks) for kunci, maks in DPA_TEKS_MAKS.items()}
    target_keluaran = ubah("target_keluaran", bilangan)
    pptk_nip = ubah("pptk_nip", nip)
    fisik, uang_bulan = _baca_rko(pembaca, lembar, nomor, isian, pagu)
    if len(pembaca.galat) != sebelum:
        return None
    return BarisDPA(
        baris=nomor,
        kode_pd=kode_pd,
        kode_sub_kegiatan=kode_sub_kegiatan,
        kode_sumber_dana=kode_sumber_dana,
        pagu=pagu,
        target_keluaran=target_keluaran,
        pptk_nip=pptk_nip,
        fisik=fisik,
        uang=uang_bulan,
        lembar=lembar,
        **teks_values,
    )


def _ganda_dpa(rows: list[BarisDPA], pembaca: Pembaca) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        first = seen.setdefault(row.kunci, row.baris)
        if first != row.baris:
            pembaca.galat.append(
                row.galat(
                    "kode_sub_kegiatan",
                    f"Baris ganda: PD, sub kegiatan dan sumber dana yang sama sudah ada di baris "
                    f"{first}. Satu DPA satu baris; gabungkan pagunya.",
                    row.kode_sub_kegiatan,
                )
            )


# --- SP2D -----------------------------------------------------------------------------------------


@dataclass
class BarisSP2D:
    """One disbursement (SP2D) as the file states it."""

    baris: int
    kode_pd: str
    kode_sub_kegiatan: str
    kode_sumber_dana: str
    tanggal: datetime.date
    nilai: Decimal
    nomor: str = ""
    uraian: str = ""
    lembar: Lembar = field(default=None, repr=False, compare=False)

    @property
    def kunci(self) -> tuple[str, str, str]:
        return (self.kode_pd, self.kode_sub_kegiatan, self.kode_sumber_dana)

    def galat(self, kunci: str, pesan: str, nilai: str = "") -> Galat:
        return Galat(
            pesan,
            self.lembar.nama,
            self.baris,
            self.lembar.kolom[kunci],
            self.lembar.judul[kunci],
            nilai,
        )


def baca_sp2d(data: bytes) -> tuple[list[BarisSP2D], list[Galat]]:
    """The disbursements of an SP2D workbook (sheet ``SP2D``) and every error found in it.

    Rows come back only when the whole file is free of errors; otherwise ``([], errors)``.
    """
    bacaan = bacaan_sp2d(data)
    return bacaan.rows, bacaan.galat


def bacaan_sp2d(data: bytes) -> Bacaan:
    """``baca_sp2d`` with the codes the rows name."""
    return _baca_berkas(
        data, LEMBAR_SP2D, SP2D_KOLOM, BARIS_MAKS_SP2D, _baca_baris_sp2d, _ganda_sp2d
    )


def _baca_baris_sp2d(pembaca: Pembaca, lembar: Lembar, nomor: int, isian: dict):
    sebelum = len(pembaca.galat)

    def ubah(kunci, fungsi, *args):
        if kunci not in lembar.kolom:  # an optional column the file does not have
            return ""
        return pembaca.ubah(lembar, nomor, isian, kunci, fungsi, *args)

    values = {
        "kode_pd": ubah("kode_pd", kode),
        "kode_sub_kegiatan": ubah("kode_sub_kegiatan", kode),
        "kode_sumber_dana": ubah("kode_sumber_dana", kode),
        "tanggal": ubah("tanggal", tanggal),
        "nilai": ubah("nilai", uang),
    }
    pembaca.catat_kode(lembar, nomor, values)
    for kunci, label in (
        ("kode_pd", "Kode PD"),
        ("kode_sub_kegiatan", "Kode sub kegiatan"),
        ("kode_sumber_dana", "Kode sumber dana"),
        ("tanggal", "Tanggal SP2D"),
        ("nilai", "Nilai SP2D"),
    ):
        _wajib(pembaca, lembar, nomor, isian, kunci, values[kunci], label)
    if values["nilai"] is not None and values["nilai"] <= ZERO:
        pembaca.sel(lembar, nomor, "nilai", isian["nilai"], "Nilai SP2D harus lebih dari 0.")
    nomor_sp2d = ubah("nomor", teks, 100)
    uraian = ubah("uraian", teks, 500)
    if len(pembaca.galat) != sebelum:
        return None
    return BarisSP2D(
        baris=nomor, lembar=lembar, nomor=nomor_sp2d or "", uraian=uraian or "", **values
    )


def _ganda_sp2d(rows: list[BarisSP2D], pembaca: Pembaca) -> None:
    nomor_seen: dict[str, int] = {}
    isi_seen: dict[tuple, int] = {}
    for row in rows:
        if row.nomor:
            first = nomor_seen.setdefault(row.nomor.lower(), row.baris)
            if first != row.baris:
                pembaca.galat.append(
                    row.galat(
                        "nomor",
                        f"Nomor SP2D ganda: sudah ada di baris {first}. Satu SP2D satu baris.",
                        row.nomor,
                    )
                )
            continue
        isi = (*row.kunci, row.tanggal, row.nilai, row.uraian)
        first = isi_seen.setdefault(isi, row.baris)
        if first != row.baris:
            pembaca.galat.append(
                row.galat(
                    "nilai",
                    f"Baris ganda: isinya sama persis dengan baris {first}. Bila memang dua SP2D "
                    "berbeda, tuliskan nomor SP2D-nya.",
                    str(row.nilai),
                )
            )
