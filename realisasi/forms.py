"""Forms of the realisasi entry: Indonesian numbers in, Decimals out.

An operator types money the Indonesian way (``1.250.000`` or ``1.250.000,50``, with or without
``Rp``) and percentages with a comma or a point (``45,5`` or ``45.5``). Anything else is refused
with a message that shows the expected form; nothing is guessed.
"""

import html

from django import forms
from django.forms.renderers import DjangoTemplates

from kegiatan.fields import PersenField, RupiahField, TeksField
from kegiatan.models import BULAN_CHOICES, ZERO

from .models import KENDALA_MAX


def _teks(label: str, placeholder: str) -> TeksField:
    return TeksField(
        label=label,
        required=False,
        batas=KENDALA_MAX,
        widget=forms.Textarea(
            attrs={
                "rows": 1,
                "class": "form-control form-control-sm entri-teks",
                "placeholder": placeholder,
            }
        ),
    )


def _esc(value) -> str:
    """Django's ``conditional_escape`` without its lazy-text wrapper (some 14,000 calls a page):
    safe text as it is, anything else as escaped text."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _atribut(attrs: dict) -> str:
    """Django's ``attrs.html``: `` name="value"`` each, a bare name for True, nothing for False."""
    return "".join(
        f" {_esc(name)}" if value is True else f' {_esc(name)}="{_esc(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    """Django's ``input.html`` (text and hidden inputs)."""
    value = "" if widget["value"] is None else f' value="{_esc(widget["value"])}"'
    return (
        f'<input type="{_esc(widget["type"])}" '
        f'name="{_esc(widget["name"])}"{value}{_atribut(widget["attrs"])}>'
    )


def _textarea(widget: dict) -> str:
    """Django's ``textarea.html``."""
    value = _esc(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{_esc(widget["name"])}"{_atribut(widget["attrs"])}>\n{value}</textarea>'
    )


class TabelIsianRenderer(DjangoTemplates):
    """Writes the entry table's inputs in Python instead of through Django's widget templates.

    A PD with 150 lines has 750 inputs; rendering each through the template engine was two thirds
    of the page's time. The markup is the one of Django's own ``input.html``, ``textarea.html`` and
    ``attrs.html`` (``tests/test_entri_render.py`` compares the two); the attributes, values and
    ``aria-*`` still come from the form and its bound fields. Any other template goes to Django.
    """

    _TULIS = {
        "django/forms/widgets/text.html": _input,
        "django/forms/widgets/hidden.html": _input,
        "django/forms/widgets/textarea.html": _textarea,
    }

    def render(self, template_name, context, request=None):
        tulis = self._TULIS.get(template_name)
        if tulis is None:
            return super().render(template_name, context, request=request)
        return tulis(context["widget"])


class BarisRealisasiForm(forms.Form):
    """One DPA line's row of the entry table (prefix ``r<dpa pk>``).

    Blank money with a fisik value means nothing was disbursed this month (Rp 0). A row left
    entirely blank is not entered; anything typed in it needs the fisik value.
    """

    default_renderer = TabelIsianRenderer()

    fisik = PersenField(
        label="Realisasi fisik kumulatif (%)",
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm num entri-fisik"}),
    )
    keuangan = RupiahField(
        label="Realisasi keuangan bulan ini (Rp)",
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm num entri-keuangan"}),
    )
    kendala = _teks("Kendala", "Kendala")
    solusi = _teks("Solusi / tindak lanjut", "Solusi")
    versi = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("fisik", "keuangan", "kendala", "solusi"):
            self.fields[name].widget.attrs["aria-label"] = f"{self.fields[name].label} {label}"
            self.fields[name].widget.attrs["data-entri"] = name

    def clean(self):
        data = super().clean()
        filled = any(data.get(name) for name in ("keuangan", "kendala", "solusi"))
        if data.get("fisik") is None and filled and "fisik" not in self.errors:
            self.add_error("fisik", "Realisasi fisik wajib diisi.")
        if data.get("keuangan") is None and "keuangan" not in self.errors:
            data["keuangan"] = ZERO
        return data

    @property
    def kosong(self) -> bool:
        """Nothing typed in this row (a new row that stays unentered)."""
        return not any(
            (self.data.get(self.add_prefix(name)) or "").strip()
            for name in ("fisik", "keuangan", "kendala", "solusi")
        )


class PilihEntriForm(forms.Form):
    """The chooser of the read-only roles: which PD and month to look at."""

    perangkat_daerah = forms.ModelChoiceField(
        label="Perangkat Daerah", queryset=None, empty_label="— pilih Perangkat Daerah —"
    )
    tahun = forms.IntegerField(label="Tahun anggaran", min_value=2000, max_value=2100)
    bulan = forms.TypedChoiceField(label="Bulan", choices=BULAN_CHOICES, coerce=int)

    def __init__(self, *args, perangkat_daerah_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["perangkat_daerah"].queryset = perangkat_daerah_queryset
        self.fields["perangkat_daerah"].label_from_instance = lambda pd: (
            f"{pd.singkatan} — {pd.nama}"
        )
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css
