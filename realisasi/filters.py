"""The admin's filter of the verification queue: plain Django forms read from the query string.

A value that is not valid (a PD that does not exist, ``tahun=abc``, ``bulan=13``, an unknown sort)
is reported in Indonesian and ignored; the rest of the filter still applies.
"""

from django import forms
from django.db.models import F

from kegiatan.models import BULAN_CHOICES, TAHUN_MAX, TAHUN_MIN
from perangkat_daerah.models import PerangkatDaerah

STATUS_ANTREAN = [
    ("", "Semua keadaan"),
    ("diajukan", "Menunggu verifikasi (ada yang diajukan)"),
    ("dikembalikan", "Ada yang dikembalikan"),
    ("draft", "Ada draft belum diajukan"),
    ("selesai", "Selesai (semua diverifikasi)"),
]

# Sort keys of the queue, as the column headers link to them; "-key" sorts descending. Ties are
# broken by the PD's code.
URUTAN = {
    "pd": ["pd_kode"],
    "periode": ["tahun", "bulan"],
    "diajukan": ["diajukan_terakhir"],
    "menunggu": ["n_diajukan"],
}
URUTAN_DEFAULT = "-diajukan"


def urutan_choices():
    return [(f"{sign}{key}", f"{sign}{key}") for key in URUTAN for sign in ("", "-")]


def order_by_of(urut: str) -> list:
    """The ORDER BY of a sort key such as ``-periode`` (empty values last when descending)."""
    descending = urut.startswith("-")
    order = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_first=True)
        for name in URUTAN[urut.lstrip("-")]
    ]
    return [*order, F("pd_kode").asc(), F("tahun").desc(), F("bulan").desc()]


class AntreanFilterForm(forms.Form):
    pd = forms.ModelChoiceField(
        label="Perangkat Daerah",
        queryset=PerangkatDaerah.objects.order_by("kode"),
        required=False,
        empty_label="Semua PD",
        error_messages={"invalid_choice": "Perangkat Daerah yang dipilih tidak ada."},
    )
    tahun = forms.IntegerField(
        label="Tahun",
        required=False,
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "invalid": "Tahun harus berupa angka, mis. 2026.",
            "min_value": f"Tahun paling kecil {TAHUN_MIN}.",
            "max_value": f"Tahun paling besar {TAHUN_MAX}.",
        },
        widget=forms.NumberInput(attrs={"placeholder": "Semua"}),
    )
    bulan = forms.TypedChoiceField(
        label="Bulan",
        required=False,
        choices=[("", "Semua bulan"), *BULAN_CHOICES],
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Bulan harus 1–12."},
    )
    status = forms.ChoiceField(
        label="Keadaan",
        required=False,
        choices=STATUS_ANTREAN,
        error_messages={"invalid_choice": "Keadaan yang dipilih tidak dikenal."},
    )
    urut = forms.ChoiceField(
        required=False,
        choices=urutan_choices,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Urutan yang diminta tidak dikenal."},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            css = "form-select form-select-sm" if is_select else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)

    def values(self) -> dict:
        """The valid part of the filter (call after ``is_valid``)."""
        data = getattr(self, "cleaned_data", {})
        return {
            "perangkat_daerah": data.get("pd"),
            "tahun": data.get("tahun"),
            "bulan": data.get("bulan"),
            "status": data.get("status") or "",
            "urut": data.get("urut") or URUTAN_DEFAULT,
        }

    def error_list(self) -> list[str]:
        return [
            f"{self.fields[name].label or 'Urutan'}: {message}"
            for name, messages in self.errors.items()
            for message in messages
        ]
