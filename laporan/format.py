"""Indonesian display formats: Rp 1.234.567 and 41,36%. Rounding happens here, only for display."""

from decimal import ROUND_HALF_UP, Decimal

from kegiatan.models import NAMA_BULAN


def _group(digits: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return ".".join(parts)


def angka(value, places: int = 0) -> str:
    """1234567.891 -> '1.234.567' (places=0) or '1.234.567,89' (places=2)."""
    if value is None or value == "":
        return "–"
    value = Decimal(value)
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    text = sign + _group(whole)
    return f"{text},{frac}" if places else text


def rupiah(value) -> str:
    if value is None or value == "":
        return "–"
    return f"Rp {angka(value)}"


def persen(value, places: int = 2) -> str:
    if value is None or value == "":
        return "–"
    return f"{angka(value, places)}%"


def deviasi(value, places: int = 2) -> str:
    """Percentage points with a sign: +1,20 / -3,41."""
    if value is None or value == "":
        return "–"
    text = angka(value, places)
    return text if text.startswith("-") else f"+{text}"


def nama_bulan(bulan: int) -> str:
    return NAMA_BULAN.get(int(bulan), "")
