"""The filter of the change history, read from the query string. An invalid value is reported in
Indonesian and ignored; the rest of the filter still applies."""

from django import forms
from django.contrib.auth import get_user_model

from perangkat_daerah.models import PerangkatDaerah

from .history import SUMBER_CHOICES

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
)
DATE_ERRORS = {"invalid": "Tanggal tidak dikenali; tulis seperti 31/03/2026."}


class RiwayatFilterForm(forms.Form):
    pd = forms.ModelChoiceField(
        label="Perangkat Daerah",
        queryset=PerangkatDaerah.objects.order_by("kode"),
        required=False,
        empty_label="Semua PD",
        error_messages={"invalid_choice": "Perangkat Daerah yang dipilih tidak ada."},
    )
    data = forms.ChoiceField(
        label="Data",
        choices=[("", "Semua data"), *SUMBER_CHOICES],
        required=False,
        error_messages={"invalid_choice": "Jenis data yang dipilih tidak dikenal."},
    )
    pengguna = forms.ModelChoiceField(
        label="Pengguna",
        queryset=get_user_model().objects.order_by("username"),
        required=False,
        empty_label="Semua pengguna",
        error_messages={"invalid_choice": "Pengguna yang dipilih tidak ada."},
    )
    dari = forms.DateField(
        label="Dari tanggal", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    sampai = forms.DateField(
        label="Sampai tanggal", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in ("pd", "data", "pengguna"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"

    def clean(self):
        cleaned = super().clean()
        dari, sampai = cleaned.get("dari"), cleaned.get("sampai")
        if dari and sampai and dari > sampai:
            self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        return cleaned

    def values(self) -> dict:
        """The valid part of the filter (call after ``is_valid``)."""
        data = getattr(self, "cleaned_data", {})
        return {
            "perangkat_daerah": data.get("pd"),
            "sumber": data.get("data") or None,
            "pengguna": data.get("pengguna"),
            "dari": data.get("dari"),
            "sampai": data.get("sampai"),
        }

    def error_list(self) -> list[str]:
        return [
            f"{self.fields[name].label}: {message}" if name in self.fields else message
            for name, messages in self.errors.items()
            for message in messages
        ]
