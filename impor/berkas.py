"""What an uploaded import file is, checked before openpyxl parses a byte of it, and opening it
safely.

Refused with an Indonesian message (``BerkasDitolak``): an empty or oversized file
(``UKURAN_MAKS``, checked first), an encrypted (password-protected) workbook or an old ``.xls``
(both are OLE containers), anything that is not a ZIP (a CSV or a PNG renamed ``.xlsx``), a
damaged ZIP, a ZIP that is not an Excel workbook, a workbook with macros, a ZIP whose parts
would unpack to more than ``ISI_MAKS`` (a zip bomb), and a workbook whose sheets hold more than
``SEL_MAKS`` cells or a sheet more than ``BARIS_FISIK_MAKS`` rows (counted in the XML, not
parsed). XML is parsed by openpyxl through defusedxml (``openpyxl.DEFUSEDXML``), so entity
tricks such as the billion laughs are refused too (``buka``).

The limits of size and shape raise ``BerkasMelampauiBatas``. ``periksa_berkas`` applies all of
them and is the one check before every opening of a file, uploaded or stored: ``buka`` (the
read-only reading of the upload and the apply) and ``buka_utuh`` (the whole workbook, loaded to
write the marked copy, which costs far more per cell: about 25 µs and 500 bytes).
"""

import codecs
import io
import logging
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from laporan.format import angka
from realisasi.bukti import ukuran_teks

UKURAN_MAKS = 10 * 1024 * 1024  # bytes per upload, checked before parsing
ISI_MAKS = 200 * 1024 * 1024  # bytes, all the parts of the workbook unpacked
BARIS_MAKS = 5_000  # DPA rows per file (a pemda has about 2.000 DPA lines)
BARIS_MAKS_SP2D = 20_000  # SP2D rows per file (a month of a large pemda, a few thousand)
BARIS_FISIK_MAKS = 50_000  # rows of any kind, empty or not, read from one sheet
KOLOM_MAKS = 60  # columns read from a sheet
# Cells (with a value or only a format) in all the sheets of a file: a DPA file at BARIS_MAKS
# holds 175,000 (35 columns), an SP2D file at BARIS_MAKS_SP2D 140,000, plus the template's master
# sheets. Loaded whole for the marked copy, 500,000 cells take about 10 s and 250 MB.
SEL_MAKS = 500_000

logger = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

PESAN_XML = (
    "Berkas berisi konstruksi XML yang tidak diizinkan (deklarasi DTD/entitas, mis. 'XML "
    "bomb'). Berkas tidak diproses. Simpan ulang lembar kerja dengan Excel atau LibreOffice lalu "
    "unggah lagi."
)
PESAN_RUSAK = (
    "Berkas .xlsx rusak atau tidak lengkap sehingga tidak dapat dibaca. Buka di Excel atau "
    "LibreOffice, simpan ulang sebagai Excel Workbook (.xlsx), lalu unggah lagi."
)


class BerkasDitolak(Exception):
    """The file as a whole cannot be imported; ``pesan`` says why, in Indonesian."""

    def __init__(self, pesan: str):
        self.pesan = pesan
        super().__init__(pesan)


class BerkasMelampauiBatas(BerkasDitolak):
    """The file is beyond a limit of size or shape (bytes, unpacked size, cells, rows): it is
    refused before it is parsed, it is not kept, and nothing opens it again."""


MAKS_TEKS = ukuran_teks(UKURAN_MAKS)


def _tampak_seperti(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"\x89PNG"):
        return " Isinya gambar PNG."
    if head.startswith(b"\xff\xd8\xff"):
        return " Isinya gambar JPEG."
    if head.startswith(b"%PDF"):
        return " Isinya dokumen PDF."
    sample = data[:2048]
    try:
        text = sample.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ""
    if "," in text or ";" in text or "\t" in text:
        return " Isinya tampak seperti teks CSV; buka di Excel lalu simpan sebagai .xlsx."
    return " Isinya teks biasa."


def periksa_berkas(data: bytes) -> None:
    """Raise ``BerkasDitolak`` unless ``data`` is an Excel workbook (.xlsx) worth opening."""
    if not data:
        raise BerkasDitolak("Berkas kosong (0 byte). Pilih berkas .xlsx yang berisi data.")
    if len(data) > UKURAN_MAKS:
        raise BerkasMelampauiBatas(
            f"Ukuran berkas {ukuran_teks(len(data), round_up=True)} melebihi batas {MAKS_TEKS}. "
            "Pecah berkas menjadi beberapa bagian (mis. per Perangkat Daerah) lalu unggah satu "
            "per satu."
        )
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise BerkasDitolak(
                "Berkas dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca. "
                "Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook), simpan, lalu "
                "unggah lagi."
            )
        raise BerkasDitolak(
            "Berkas berformat Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai "
            "Excel Workbook (.xlsx), lalu unggah lagi."
        )
    if not data.startswith(ZIP_MAGIC):
        raise BerkasDitolak(
            "Berkas bukan lembar kerja Excel (.xlsx)." + _tampak_seperti(data) + " Gunakan templat "
            "yang diunduh dari halaman ini."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise BerkasDitolak(PESAN_RUSAK) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise BerkasDitolak(
            "Berkas ZIP ini bukan lembar kerja Excel (.xlsx). Simpan data sebagai Excel Workbook "
            "(.xlsx) lalu unggah lagi."
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise BerkasDitolak(
            "Berkas dilindungi kata sandi (terenkripsi). Hapus kata sandinya lalu unggah lagi."
        )
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise BerkasDitolak(
            "Berkas berisi makro. Simpan sebagai Excel Workbook (.xlsx) tanpa makro lalu unggah "
            "lagi."
        )
    if sum(info.file_size for info in infos) > ISI_MAKS:
        raise BerkasMelampauiBatas(
            f"Isi berkas setelah diekstrak lebih dari {ukuran_teks(ISI_MAKS)} (kemungkinan 'zip "
            "bomb'). Berkas tidak diproses."
        )
    _periksa_bentuk(data, infos)


# A cell (``<c …>``) or a row (``<row …>``) element of a sheet's XML, under a prefix or not (not
# ``<col>``, ``<cols>`` or ``<cfRule>``: the name must end there).
POLA_SEL_BARIS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)[\s/>]")


def _periksa_bentuk(data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """Count the cells and rows of the workbook's XML parts, a megabyte at a time (zipfile never
    unpacks more than a part's declared size, which ``ISI_MAKS`` bounds): no workbook is built.
    Every XML part is counted but the calculation chain, whose ``<c>`` repeat the formula cells;
    a cell of any other part would be parsed by openpyxl too."""
    sel = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in infos:
            name = info.filename.lower()
            if not name.endswith(".xml") or name.endswith("calcchain.xml"):
                continue
            try:
                cells, rows = _hitung_sel_baris(archive, info)
            except (
                zipfile.BadZipFile,
                zlib.error,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
            ):
                raise BerkasDitolak(PESAN_RUSAK) from None
            sel += cells
            if rows > BARIS_FISIK_MAKS:
                raise BerkasMelampauiBatas(
                    f"Sebuah lembar berisi lebih dari {angka(BARIS_FISIK_MAKS)} baris (termasuk "
                    "baris kosong berformat). Hapus baris kosong di bawah data, atau salin lembar "
                    "data saja ke buku kerja baru, lalu unggah lagi."
                )
            if sel > SEL_MAKS:
                raise BerkasMelampauiBatas(
                    f"Berkas berisi lebih dari {angka(SEL_MAKS)} sel (termasuk sel kosong "
                    "berformat, di semua lembar). Salin lembar data saja ke buku kerja baru, atau "
                    "pecah berkas menjadi beberapa bagian (mis. per Perangkat Daerah), lalu unggah "
                    "lagi."
                )


def _hitung_sel_baris(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """The cells and rows of one XML part, stopping as soon as either passes its limit."""
    cells = rows = 0
    tail = b""
    with archive.open(info) as source:
        for chunk in _xml_ascii(source):
            text = tail + chunk
            # Keep the last "<" for the next piece unless the name after it is already whole.
            cut = text.rfind(b"<", max(0, len(text) - 256))
            if cut == -1:
                head, tail = text, b""
            else:
                head, tail = text[:cut], text[cut:]
            found = POLA_SEL_BARIS.findall(head)
            rows += found.count(b"row")
            cells += len(found) - found.count(b"row")
            if cells > SEL_MAKS or rows > BARIS_FISIK_MAKS:
                break
        else:
            found = POLA_SEL_BARIS.findall(tail + b" ")
            rows += found.count(b"row")
            cells += len(found) - found.count(b"row")
    return cells, rows


def _xml_ascii(source) -> Iterator[bytes]:
    """An XML part a megabyte at a time, in an encoding where markup is ASCII: as it is (UTF-8,
    with or without a byte-order mark, or a single-byte encoding), or re-encoded from UTF-16,
    the other encoding the XML parser reads."""
    chunk = source.read(2**20)
    head = chunk[:2]
    codec = None
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        codec = "utf-16"
    elif head == b"<\x00":
        codec = "utf-16-le"
    elif head == b"\x00<":
        codec = "utf-16-be"
    decoder = codecs.getincrementaldecoder(codec)(errors="replace") if codec else None
    while chunk:
        yield decoder.decode(chunk).encode() if decoder else chunk
        chunk = source.read(2**20)


@dataclass
class Workbook:
    """The workbook opened read-only: ``nilai`` gives each formula's cached value, ``rumus`` (the
    same file opened a second time, when first asked for) says which cells are formulas."""

    data: bytes = field(repr=False)
    nilai: openpyxl.Workbook
    _rumus: openpyxl.Workbook | None = field(default=None, repr=False)

    @property
    def rumus(self) -> openpyxl.Workbook:
        if self._rumus is None:
            self._rumus = _muat(self.data, data_only=False)
        return self._rumus

    def close(self) -> None:
        self.nilai.close()
        if self._rumus is not None:
            self._rumus.close()


def _muat(data: bytes, *, data_only: bool) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)


def buka_utuh(data: bytes) -> openpyxl.Workbook:
    """The whole workbook, every cell loaded, to be changed and saved again (the marked copy of
    ``impor.templat``), once ``periksa_berkas`` has let it through. Raises
    ``BerkasMelampauiBatas`` for a file beyond the limits of size or shape — before a byte of it
    is parsed — and ``BerkasDitolak`` for one that is no readable workbook."""
    periksa_berkas(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # extensions openpyxl does not read, as in ``buka``
            return openpyxl.load_workbook(io.BytesIO(data), rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if _dari_defusedxml(exc):
            raise BerkasDitolak(PESAN_XML) from None
        raise BerkasDitolak(PESAN_RUSAK) from exc


@contextmanager
def buka(data: bytes) -> Iterator[Workbook]:
    """Open a checked file; any failure of openpyxl, now or while the caller reads the sheets,
    becomes ``BerkasDitolak`` with a message instead of a server error."""
    periksa_berkas(data)
    book = None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it does not read (slicers, data validation
            # extensions); they do not matter for the import.
            warnings.simplefilter("ignore")
            book = Workbook(data, _muat(data, data_only=True))
            yield book
    except BerkasDitolak:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files; none may be a 500
        if _dari_defusedxml(exc):
            raise BerkasDitolak(PESAN_XML) from None
        logger.warning("Berkas impor tidak terbaca: %r", exc, exc_info=True)
        raise BerkasDitolak(PESAN_RUSAK) from exc
    finally:
        if book is not None:
            book.close()


def _dari_defusedxml(exc: BaseException) -> bool:
    """Whether defusedxml refused the XML, directly or behind openpyxl's own ValueError."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DefusedXmlException):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


# A formula element (``<f>``, or ``<x:f>`` under a prefix) in a sheet's XML. XML text and attribute
# values cannot hold an unescaped "<", so a match is markup.
POLA_RUMUS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


@dataclass(frozen=True)
class CiriLembar:
    """What one look at a sheet's raw XML finds: whether it may hold formulas, merged cells.
    Both are True when the XML is not in an ASCII-compatible encoding (UTF-16, or UTF-8 with a
    byte-order mark): the full parse then decides."""

    rumus: bool
    digabung: bool


def ciri_lembar(worksheet) -> CiriLembar:
    """Lets the reader skip the two extra parses of the sheet (formulas, merged cells) that most
    files do not need: a 5,000-line sheet is about 9 MB of XML, and each parse of it takes
    longer than this look at its bytes (read a megabyte at a time, each piece overlapping the
    last, so no markup is missed where two pieces meet)."""
    rumus = digabung = False
    tail = b""
    with worksheet._get_source() as source:  # openpyxl's own handle on the sheet's XML part
        first = source.read(2**20)
        if first.lstrip()[:1] != b"<":
            return CiriLembar(rumus=True, digabung=True)
        chunk = first
        while chunk and not (rumus and digabung):
            text = tail + chunk
            rumus = rumus or POLA_RUMUS.search(text) is not None
            digabung = digabung or b"mergeCell" in text
            tail = text[-64:]
            chunk = source.read(2**20)
    return CiriLembar(rumus=rumus, digabung=digabung)


def sel_digabung(worksheet) -> list[str]:
    """The merged ranges of a read-only worksheet (read-only mode does not expose them), e.g.
    ``["A2:A3"]``, from its XML, parsed through defusedxml."""
    tag = f"{{{SHEET_MAIN_NS}}}mergeCell"
    ranges = []
    with worksheet._get_source() as source:  # openpyxl's own handle on the sheet's XML part
        for _event, element in iterparse(source):
            if element.tag == tag and element.get("ref"):
                ranges.append(element.get("ref"))
            element.clear()
    return ranges
