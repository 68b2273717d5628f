"""The upload forms: the year, the budget phase of a DPA import, and the file."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from kegiatan.models import TAHUN_MAX, TAHUN_MIN

from .berkas import MAKS_TEKS
from .models import Impor
from .services import periksa_parameter

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tahun_field():
    return forms.IntegerField(
        label="Tahun anggaran",
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "required": "Tahun anggaran wajib diisi.",
            "invalid": "Tahun harus berupa angka, mis. 2026.",
            "min_value": f"Tahun paling kecil {TAHUN_MIN}.",
            "max_value": f"Tahun paling besar {TAHUN_MAX}.",
        },
    )


def berkas_field():
    return forms.FileField(
        label="Berkas Excel (.xlsx)",
        help_text=f"Paling besar {MAKS_TEKS}. Gunakan templat dari halaman ini.",
        error_messages={
            "required": "Pilih berkas .xlsx yang akan diimpor.",
            "empty": "Berkas kosong (0 byte). Pilih berkas .xlsx yang berisi data.",
            "invalid": "Berkas tidak terbaca. Coba unggah lagi.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class _UnggahForm(forms.Form):
    jenis: str

    def __init__(self, *args, terlalu_besar: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = f"{css} {css}-sm"
            if name == "berkas":
                field.widget.attrs["class"] = "form-control form-control-sm"
        if terlalu_besar:
            # The upload handler dropped the file for its size: say so instead of "missing".
            self.fields["berkas"].error_messages["required"] = (
                f"Ukuran berkas melebihi batas {MAKS_TEKS}. Pecah berkas menjadi beberapa bagian "
                "(mis. per Perangkat Daerah) lalu unggah satu per satu."
            )

    def clean(self):
        cleaned = super().clean()
        if "tahun" in cleaned:
            try:
                periksa_parameter(
                    jenis=self.jenis,
                    tahun=cleaned["tahun"],
                    fase=cleaned.get("fase") or "",
                    tanggal_berlaku=cleaned.get("tanggal_berlaku"),
                )
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return cleaned


class UnggahDPAForm(_UnggahForm):
    jenis = Impor.Jenis.DPA
    prefix = "dpa"

    tahun = tahun_field()
    fase = forms.ChoiceField(
        label="Fase anggaran",
        choices=[("", "Murni (DPA awal, pagu tidak berubah)"), *Impor.FASE_CHOICES],
        required=False,
        help_text="Pilih pergeseran, refocusing atau perubahan bila berkas mengubah pagu.",
    )
    tanggal_berlaku = forms.DateField(
        label="Pagu berlaku sejak",
        required=False,
        widget=DATE_WIDGET,
        help_text="Wajib bila fase dipilih; dicatat di riwayat pagu.",
        error_messages={"invalid": "Tanggal tidak dikenali; tulis seperti 15/09/2026."},
    )
    berkas = berkas_field()


class UnggahSP2DForm(_UnggahForm):
    jenis = Impor.Jenis.SP2D
    prefix = "sp2d"

    tahun = tahun_field()
    berkas = berkas_field()


class TemplatForm(forms.Form):
    """The year a template is filled for (``?tahun=``); a bad value falls back to this year."""

    tahun = tahun_field()

    def tahun_terpilih(self) -> int:
        if self.is_valid():
            return self.cleaned_data["tahun"]
        return timezone.localdate().year
