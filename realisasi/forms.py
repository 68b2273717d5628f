"""Forms of the realisasi entry: Indonesian numbers in, Decimals out.

An operator types money the Indonesian way (``1.250.000`` or ``1.250.000,50``, with or without
``Rp``) and percentages with a comma or a point (``45,5`` or ``45.5``). Anything else is refused
with a message that shows the expected form; nothing is guessed.
"""

from django import forms

from kegiatan.fields import PersenField, RupiahField
from kegiatan.models import BULAN_CHOICES, ZERO


def _teks(label: str, placeholder: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=4000,
        widget=forms.Textarea(
            attrs={
                "rows": 1,
                "class": "form-control form-control-sm entri-teks",
                "placeholder": placeholder,
            }
        ),
    )


class BarisRealisasiForm(forms.Form):
    """One DPA line's row of the entry table (prefix ``r<dpa pk>``).

    Blank money with a fisik value means nothing was disbursed this month (Rp 0). A row left
    entirely blank is not entered; anything typed in it needs the fisik value.
    """

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
