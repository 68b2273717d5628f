"""The filters every report takes: year, month or triwulan, PD and sumber dana."""

from django import forms

from kegiatan.models import BULAN_CHOICES, DPA, SumberDana

from .periode import Periode, default_periode

TRIWULAN_CHOICES = [
    ("", "—"),
    (1, "Triwulan I"),
    (2, "Triwulan II"),
    (3, "Triwulan III"),
    (4, "Triwulan IV"),
]


class FilterLaporan(forms.Form):
    tahun = forms.TypedChoiceField(label="Tahun", coerce=int, required=False, empty_value=None)
    bulan = forms.TypedChoiceField(label="Bulan", choices=BULAN_CHOICES, coerce=int, required=False)
    triwulan = forms.TypedChoiceField(
        label="Triwulan", choices=TRIWULAN_CHOICES, coerce=int, required=False, empty_value=None
    )
    perangkat_daerah = forms.ModelChoiceField(
        label="Perangkat Daerah", queryset=None, required=False, empty_label="Semua PD"
    )
    sumber_dana = forms.ModelChoiceField(
        label="Sumber dana",
        queryset=SumberDana.objects.order_by("nama"),
        required=False,
        empty_label="Semua sumber dana",
    )

    def __init__(self, data, *, perangkat_daerah_queryset, with_pd=True, today=None):
        self.default = default_periode(today)
        super().__init__(data or None)
        # order_by(): DPA's default ordering would make DISTINCT run over every line.
        budget_years = DPA.objects.order_by().values_list("tahun", flat=True).distinct()
        years = sorted(set(budget_years) | {self.default.tahun})
        self.fields["tahun"].choices = [(y, str(y)) for y in reversed(years)]
        self.fields["perangkat_daerah"].queryset = perangkat_daerah_queryset.order_by("kode")
        self.fields["bulan"].initial = self.default.bulan
        self.fields["tahun"].initial = self.default.tahun
        if not with_pd:
            del self.fields["perangkat_daerah"]
        for name in ("perangkat_daerah", "sumber_dana"):
            if name in self.fields:
                self._choices_from_one_query(self.fields[name])
        self.error_messages_id = []

    @staticmethod
    def _choices_from_one_query(field: forms.ModelChoiceField) -> None:
        """The options as a list read with one query: a ModelChoiceField's own choices count the
        rows and then read them through a server-side cursor, four round trips per select on
        every report page. Validation still goes through the field's queryset."""
        field.choices = [("", field.empty_label)] + [
            (obj.pk, field.label_from_instance(obj)) for obj in field.queryset
        ]

    def filters(self) -> dict:
        """The cleaned filters. A field that is absent or wrong falls back to its own default (its
        error stays on the form to be shown); the valid ones are kept: another PD's id in the
        query string does not throw the period away."""
        data = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data keeps the fields that are valid
            data = self.cleaned_data
        tahun = data.get("tahun") or self.default.tahun
        if data.get("triwulan"):
            periode = Periode.triwulan_of(tahun, data["triwulan"])
        else:
            periode = Periode(tahun, data.get("bulan") or self.default.bulan)
        return {
            "periode": periode,
            "perangkat_daerah": data.get("perangkat_daerah"),
            "sumber_dana": data.get("sumber_dana"),
        }
