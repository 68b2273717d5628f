"""Form fields shared by the screens that take money: Rupiah as the pemda writes it.

``RupiahField`` accepts ``1.250.000``, ``1.250.000,50``, ``1250000``, ``Rp 1.250.000`` and turns
them into ``Decimal``; it refuses a dot that is not a thousands separator (``1250000.50``,
``1.25``) rather than guess, since in Indonesian ``1.250`` means one thousand two hundred and
fifty. A value shown back in the form is written the same way (``1.250.000``, or ``1.250.000,50``
when it has cents).
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from laporan.format import angka

# Whole part either grouped by dots in threes (1.250.000) or plain digits (1250000); an optional
# decimal part after a comma.
_RUPIAH_RE = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_PREFIX_RE = re.compile(r"^rp\.?", re.IGNORECASE)


def parse_rupiah(text: str) -> Decimal:
    """``"Rp 1.250.000,50"`` -> ``Decimal("1250000.50")``; ValueError when it is not a Rupiah
    amount written the Indonesian way."""
    cleaned = re.sub(r"[\s\u00a0]", "", str(text))
    cleaned = _PREFIX_RE.sub("", cleaned)
    if not _RUPIAH_RE.fullmatch(cleaned):
        raise ValueError(f"not an Indonesian Rupiah amount: {text!r}")
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValueError(f"not an Indonesian Rupiah amount: {text!r}") from exc


def format_rupiah_input(value: Decimal) -> str:
    """The text a money input shows: 1.250.000, or 1.250.000,50 when there are cents."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return angka(value, places)


class RupiahInput(forms.TextInput):
    """A text input (a number input would refuse the dots) that brings up a numeric keypad."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return format_rupiah_input(value)
        return super().format_value(value)


class RupiahField(forms.DecimalField):
    """A Rupiah amount typed the Indonesian way; cleans to ``Decimal`` (18 digits, 2 decimals)."""

    widget = RupiahInput
    default_error_messages = {
        "invalid": "Masukkan nilai rupiah yang valid, mis. 1.250.000",
    }

    def __init__(self, *, max_digits=18, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        text = str(value).strip()
        if not text:
            return None
        try:
            return parse_rupiah(text)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_rupiah_input(value)
        return value
