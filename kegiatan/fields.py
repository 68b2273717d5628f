"""Numbers as the pemda writes them, for every form that takes money or a percentage.

Money: ``1.250.000``, ``1.250.000,50``, ``1250000`` or ``Rp 1.250.000`` become ``Decimal``; a point
always groups thousands (``1.250`` is one thousand two hundred and fifty), so ``1250000.50``,
``1.25`` or an English ``1,250,000`` are refused rather than guessed at. Percentages take a comma
or a point: ``45,5`` and ``45.5``. Values shown back in a form are written the same way.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from laporan.format import angka

from .models import HUNDRED, BatasTeks

# Whole rupiah in groups of three separated by points (or not grouped at all), then an optional
# comma and one or two decimals.
_RUPIAH_RE = re.compile(r"^(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d{1,2}))?$")
_PERSEN_RE = re.compile(r"^(?P<whole>\d+)(?:[.,](?P<frac>\d+))?$")
_RP_PREFIX_RE = re.compile(r"^rp\.?", re.IGNORECASE)
_SPACES_RE = re.compile(r"[\s\u00a0]+")
MAX_RUPIAH_DIGITS = 16  # DecimalField(max_digits=18, decimal_places=2)

CONTOH_RUPIAH = "Masukkan nilai rupiah yang valid, mis. 1.250.000 atau 1.250.000,50."
CONTOH_PERSEN = "Tulis persen seperti 45 atau 45,5."


def parse_rupiah(text: str | None) -> Decimal | None:
    """``"Rp 1.250.000,50"`` → ``Decimal("1250000.50")``; blank → None; anything else raises
    ValidationError with an Indonesian message."""
    value = _SPACES_RE.sub("", str(text or ""))
    value = _RP_PREFIX_RE.sub("", value)
    if not value:
        if text and str(text).strip():  # only "Rp"
            raise ValidationError(CONTOH_RUPIAH, code="format")
        return None
    if value.startswith("-"):
        raise ValidationError("Nilai uang tidak boleh negatif.", code="negatif")
    match = _RUPIAH_RE.match(value)
    if not match:
        raise ValidationError(CONTOH_RUPIAH, code="format")
    whole = match["whole"].replace(".", "").lstrip("0") or "0"
    if len(whole) > MAX_RUPIAH_DIGITS:
        raise ValidationError("Nilai uang terlalu besar.", code="besar")
    return Decimal(f"{whole}.{match['frac'] or '0'}")


def parse_persen(text: str | None) -> Decimal | None:
    """``"45,5"``, ``"45.5"`` or ``"45,5%"`` → ``Decimal("45.5")``; blank → None."""
    value = _SPACES_RE.sub("", str(text or "")).removesuffix("%")
    if not value:
        return None
    if value.startswith("-"):
        raise ValidationError("Persentase tidak boleh negatif.", code="negatif")
    match = _PERSEN_RE.match(value)
    if not match:
        raise ValidationError(CONTOH_PERSEN, code="format")
    if match["frac"] and len(match["frac"]) > 2:
        raise ValidationError("Paling banyak dua angka di belakang koma.", code="desimal")
    result = Decimal(f"{match['whole']}.{match['frac'] or '0'}")
    if result > HUNDRED:
        raise ValidationError("Persentase paling besar 100%.", code="maks")
    return result


def format_rupiah_input(value: Decimal) -> str:
    """The text a money input shows: 1.250.000, or 1.250.000,50 when there are cents."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return angka(value, places)


class RupiahInput(forms.TextInput):
    """A text input (a number input would refuse the dots) that brings up a numeric keypad."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


class RupiahField(forms.DecimalField):
    """A Rupiah amount typed the Indonesian way; cleans to ``Decimal`` (18 digits, 2 decimals)."""

    widget = RupiahInput

    def __init__(self, *, max_digits=18, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        return parse_rupiah(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_rupiah_input(value)
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text input: no browser number stepping
        return {**attrs, "inputmode": "decimal", "autocomplete": "off"}


class PersenField(forms.DecimalField):
    """A percentage 0–100 with a comma or a point; cleans to ``Decimal`` (2 decimals)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(max_digits=5, decimal_places=2, **kwargs)

    def to_python(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        return parse_persen(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return angka(value, 2).removesuffix(",00")
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("step", "min", "max"):
            attrs.pop(key, None)
        return {**attrs, "inputmode": "decimal", "autocomplete": "off"}


class TeksField(forms.CharField):
    """Free text of at most ``batas`` characters (``kegiatan.models.BatasTeks``), in a textarea
    whose ``maxlength`` says so; a longer text is refused with its length, never cut."""

    def __init__(self, *, batas: int, **kwargs):
        self.batas = batas  # before CharField's __init__, which asks widget_attrs
        kwargs.setdefault("widget", forms.Textarea)
        super().__init__(**kwargs)
        self.validators.append(BatasTeks(batas))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["maxlength"] = str(self.batas)
        return attrs
