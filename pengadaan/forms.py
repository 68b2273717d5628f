from django import forms

from kegiatan.fields import RupiahField
from kegiatan.models import TAHUN_MAX, TAHUN_MIN

from .models import PaketPengadaan
from .services import PAKET_FIELDS, paket_rule_errors

_DATE_FIELDS = (
    "tanggal_pengumuman",
    "tanggal_kontrak",
    "tanggal_selesai_rencana",
    "tanggal_serah_terima",
)


class DPAChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, dpa):
        nama = dpa.nama_sub_kegiatan or dpa.sub_kegiatan.nama
        return f"{dpa.sub_kegiatan.kode} {nama} ({dpa.sumber_dana.nama})"


class PaketForm(forms.ModelForm):
    """A package as the PD's operator keeps it. ``dpa_queryset`` is the operator's own lines of
    the year: a DPA id from outside it (another PD's, typed into a crafted POST) is an invalid
    choice."""

    dpa = DPAChoiceField(
        queryset=None,
        label="Sub kegiatan (DPA)",
        error_messages={
            "required": "Pilih sub kegiatan DPA paket ini.",
            "invalid_choice": "Pilih sub kegiatan dari DPA Perangkat Daerah Anda pada tahun ini.",
        },
    )
    hps = RupiahField(label="HPS (Rp)", required=False, help_text="mis. 1.250.000.000")
    nilai_kontrak = RupiahField(
        label="Nilai kontrak (Rp)",
        required=False,
        help_text="Wajib sejak tahap Kontrak; tidak boleh melebihi HPS.",
    )

    class Meta:
        model = PaketPengadaan
        fields = PAKET_FIELDS
        widgets = {
            name: forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
            for name in _DATE_FIELDS
        }
        help_texts = {
            "penyedia": "Wajib sejak tahap Kontrak.",
            "tanggal_kontrak": "Wajib sejak tahap Kontrak.",
            "tanggal_serah_terima": "Wajib pada tahap Serah Terima; tidak sebelum tanggal kontrak.",
        }

    def __init__(self, *args, dpa_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dpa"].queryset = dpa_queryset
        self.fields["nama"].error_messages["required"] = "Nama paket wajib diisi."
        self.fields["metode"].error_messages["required"] = "Pilih metode pengadaan."

    def clean(self):
        cleaned = super().clean()
        probe = PaketPengadaan(
            **{name: cleaned.get(name) for name in PAKET_FIELDS if name != "dpa"}
        )
        for field, message in paket_rule_errors(probe).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class PaketFilterForm(forms.Form):
    """The list's filters (GET): year, and for the roles that read every PD, one PD."""

    tahun = forms.IntegerField(label="Tahun", min_value=TAHUN_MIN, max_value=TAHUN_MAX)
    pd = forms.ModelChoiceField(
        label="Perangkat Daerah", queryset=None, required=False, empty_label="Semua PD"
    )

    def __init__(self, *args, pd_queryset, show_pd: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if show_pd:
            self.fields["pd"].queryset = pd_queryset
        else:
            del self.fields["pd"]
