from django import forms

from kegiatan.fields import TeksField
from perangkat_daerah.models import PerangkatDaerah

from .models import (
    AGENDA_MAX,
    ALASAN_BUKA_MAX,
    ARAHAN_MAX,
    NOTULEN_MAX,
    REKOMENDASI_MAX,
    TINDAK_LANJUT_MAX,
    PesertaRakor,
    Rakor,
    Rekomendasi,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RakorForm(forms.ModelForm):
    agenda = TeksField(
        label="Agenda",
        batas=AGENDA_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Rakor
        fields = ["tahun", "triwulan", "tanggal", "tempat", "virtual", "pimpinan_rapat", "agenda"]
        widgets = {
            "tanggal": DateInput(),
            "triwulan": forms.Select(
                choices=[
                    (1, "Triwulan I"),
                    (2, "Triwulan II"),
                    (3, "Triwulan III"),
                    (4, "Triwulan IV"),
                ]
            ),
        }

    def clean(self):
        data = super().clean()
        tahun, tanggal = data.get("tahun"), data.get("tanggal")
        if tahun and tanggal and not tahun <= tanggal.year <= tahun + 1:
            self.add_error(
                "tanggal", f"Tanggal rapat harus di tahun {tahun} atau awal tahun berikutnya."
            )
        if not data.get("virtual") and not (data.get("tempat") or "").strip():
            self.add_error("tempat", "Isi tempat rapat, atau tandai sebagai rapat virtual.")
        return data


class CatatanForm(forms.ModelForm):
    catatan = TeksField(
        label="Catatan / notulen",
        batas=NOTULEN_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = Rakor
        fields = ["catatan"]


def _pd_label(pd: PerangkatDaerah) -> str:
    return f"{pd.singkatan} — {pd.nama}"


class PesertaForm(forms.ModelForm):
    class Meta:
        model = PesertaRakor
        fields = ["nama", "jabatan", "kategori", "perangkat_daerah"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["perangkat_daerah"].queryset = PerangkatDaerah.objects.aktif()
        self.fields["perangkat_daerah"].label_from_instance = _pd_label
        self.fields["perangkat_daerah"].required = False

    def clean(self):
        data = super().clean()
        if data.get("kategori") == PesertaRakor.Kategori.KEPALA_PD and not data.get(
            "perangkat_daerah"
        ):
            self.add_error("perangkat_daerah", "Pilih Perangkat Daerah yang dipimpin peserta ini.")
        return data


class ArahanForm(forms.Form):
    isi = TeksField(
        label="Arahan pimpinan", batas=ARAHAN_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class RekomendasiForm(forms.ModelForm):
    isi = TeksField(
        label="Rekomendasi", batas=REKOMENDASI_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Rekomendasi
        fields = ["perangkat_daerah", "isi", "batas_waktu"]
        widgets = {"batas_waktu": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["perangkat_daerah"].queryset = PerangkatDaerah.objects.aktif()
        self.fields["perangkat_daerah"].label_from_instance = _pd_label

    def clean_batas_waktu(self):
        batas = self.cleaned_data["batas_waktu"]
        if batas.year < 2000:
            raise forms.ValidationError("Batas waktu tidak masuk akal; periksa tahunnya.")
        return batas


class TindakLanjutForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Rekomendasi.Status.choices)
    tindak_lanjut = TeksField(
        label="Uraian tindak lanjut",
        batas=TINDAK_LANJUT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BukaKembaliForm(forms.Form):
    alasan = TeksField(
        label="Alasan membuka kembali",
        batas=ALASAN_BUKA_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
