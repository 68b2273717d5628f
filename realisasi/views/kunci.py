"""The admin's entry periods: each month's deadline and lock, reopenings for one PD, and the
reporting rules. Admin only: every other role gets 403, anonymous visitors the login page.

Whether a month is open is decided in ``realisasi.kunci``; the writes are in
``realisasi.kunci_admin``.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from akun import access
from kegiatan.models import NAMA_BULAN, TAHUN_MAX, TAHUN_MIN
from perangkat_daerah.models import PerangkatDaerah

from .. import kunci_admin
from ..kunci import ringkasan_tahun
from ..models import AturanPelaporan, BukaKunci

DATE_WIDGET = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class TahunForm(forms.Form):
    tahun = forms.IntegerField(
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "required": "Tahun wajib diisi.",
            "invalid": "Tahun harus berupa angka, mis. 2026.",
            "min_value": f"Tahun paling kecil {TAHUN_MIN}.",
            "max_value": f"Tahun paling besar {TAHUN_MAX}.",
        },
    )


class BatasForm(forms.Form):
    batas_pengisian = forms.DateField(
        label="Batas pengisian",
        widget=DATE_WIDGET,
        error_messages={
            "required": "Tanggal batas pengisian wajib diisi.",
            "invalid": "Tanggal tidak dikenali; tulis seperti 10/04/2026.",
        },
    )


class BukaKunciForm(forms.Form):
    perangkat_daerah = forms.ModelChoiceField(
        label="Perangkat Daerah",
        queryset=PerangkatDaerah.objects.order_by("kode"),
        error_messages={
            "required": "Pilih Perangkat Daerah yang dibuka.",
            "invalid_choice": "Perangkat Daerah yang dipilih tidak ada.",
        },
    )
    alasan = forms.CharField(
        label="Alasan",
        max_length=kunci_admin.ALASAN_MAX,
        error_messages={"required": "Alasan membuka kunci wajib diisi."},
    )
    berlaku_sampai = forms.DateField(
        label="Berlaku sampai",
        widget=DATE_WIDGET,
        error_messages={
            "required": "Tanggal berlaku sampai wajib diisi.",
            "invalid": "Tanggal tidak dikenali; tulis seperti 10/04/2026.",
        },
    )


_PERSEN_RE = re.compile(r"^\d{1,3}([.,]\d{1,2})?$")


class AturanForm(forms.Form):
    ambang_deviasi_kendala = forms.CharField(
        label="Ambang keterlambatan wajib kendala (poin %)",
        help_text="Kendala dan solusi wajib diisi bila realisasi fisik tertinggal dari target "
        "lebih dari sekian poin persen. Tulis seperti 5 atau 7,5.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control"}),
        error_messages={"required": "Ambang wajib diisi."},
    )
    hari_batas_pengisian = forms.IntegerField(
        label="Batas pengisian (tanggal bulan berikutnya)",
        help_text="Bila batas suatu bulan belum ditetapkan, bulan itu terbuka sampai tanggal ini "
        "pada bulan berikutnya (1–28).",
        min_value=1,
        max_value=28,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={
            "required": "Tanggal batas wajib diisi.",
            "invalid": "Tanggal batas harus berupa angka 1–28.",
            "min_value": "Tanggal batas 1–28.",
            "max_value": "Tanggal batas 1–28.",
        },
    )

    def clean_ambang_deviasi_kendala(self) -> Decimal:
        text = self.cleaned_data["ambang_deviasi_kendala"].strip().removesuffix("%").strip()
        if not _PERSEN_RE.match(text):
            raise ValidationError("Tulis ambang seperti 5 atau 7,5 (paling banyak dua desimal).")
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise ValidationError("Ambang tidak dikenali.") from None
        if value > 100:
            raise ValidationError("Ambang paling besar 100.")
        return value


def _require_admin(user) -> None:
    access.require_admin(user)


def _periode_or_404(tahun: int, bulan: int) -> None:
    if not (TAHUN_MIN <= tahun <= TAHUN_MAX and 1 <= bulan <= 12):
        raise Http404("Periode tidak ditemukan.")


def _back(tahun: int):
    return redirect(f"{reverse('realisasi:kunci')}?tahun={tahun}")


def _report(request, error: ValidationError | dict) -> None:
    if isinstance(error, ValidationError):
        error_messages = error.messages
    else:  # form.errors
        error_messages = [message for field in error.values() for message in field]
    for message in error_messages:
        messages.error(request, message)


@login_required
@require_http_methods(["GET"])
def daftar(request):
    """The twelve months of a year: deadline, lock, reopenings in force, and the forms to change
    them."""
    _require_admin(request.user)
    today = timezone.localdate()
    tahun = today.year
    if "tahun" in request.GET:
        form = TahunForm(request.GET)
        if form.is_valid():
            tahun = form.cleaned_data["tahun"]
        else:
            _report(request, form.errors)
    return render(
        request,
        "realisasi/kunci_daftar.html",
        {
            "tahun": tahun,
            "bulan_list": ringkasan_tahun(tahun, today=today),
            "perangkat_daerah_list": PerangkatDaerah.objects.aktif().order_by("kode"),
            "aturan": AturanPelaporan.current(),
            "today": today,
        },
    )


@login_required
@require_POST
def ubah(request, tahun: int, bulan: int):
    """POST ``aksi``: ``batas`` (set the deadline), ``kunci`` (lock), ``buka`` (unlock, optionally
    with a new deadline) or ``tutup`` (end a reopening for one PD)."""
    _require_admin(request.user)
    _periode_or_404(tahun, bulan)
    label = f"{NAMA_BULAN[bulan]} {tahun}"
    aksi = request.POST.get("aksi")
    try:
        if aksi == "batas":
            form = BatasForm(request.POST)
            if not form.is_valid():
                _report(request, form.errors)
                return _back(tahun)
            kunci_admin.kunci_set_batas(
                tahun=tahun,
                bulan=bulan,
                batas_pengisian=form.cleaned_data["batas_pengisian"],
                by=request.user,
            )
            messages.success(request, f"Batas pengisian {label} disimpan.")
        elif aksi == "kunci":
            kunci_admin.kunci_lock(tahun=tahun, bulan=bulan, by=request.user)
            messages.success(request, f"{label} dikunci untuk semua PD.")
        elif aksi == "buka":
            batas = None
            if request.POST.get("batas_pengisian"):
                form = BatasForm(request.POST)
                if not form.is_valid():
                    _report(request, form.errors)
                    return _back(tahun)
                batas = form.cleaned_data["batas_pengisian"]
            kunci_admin.kunci_unlock(
                tahun=tahun, bulan=bulan, by=request.user, batas_pengisian=batas
            )
            messages.success(request, f"Kunci {label} dibuka.")
        elif aksi == "tutup":
            buka = get_object_or_404(
                BukaKunci,
                pk=_int_or_404(request.POST.get("buka_kunci")),
                kunci_bulan__tahun=tahun,
                kunci_bulan__bulan=bulan,
            )
            kunci_admin.kunci_close_for_pd(buka_kunci=buka, by=request.user)
            messages.success(request, f"Pembukaan {label} untuk {buka.perangkat_daerah} ditutup.")
        else:
            messages.error(request, "Tindakan tidak dikenal.")
    except ValidationError as error:
        _report(request, error)
    return _back(tahun)


def _int_or_404(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("Pembukaan kunci tidak ditemukan.") from None


@login_required
@require_POST
def buka(request, tahun: int, bulan: int):
    """Reopen the month for one PD, with a reason, until a date."""
    _require_admin(request.user)
    _periode_or_404(tahun, bulan)
    form = BukaKunciForm(request.POST)
    if not form.is_valid():
        _report(request, form.errors)
        return _back(tahun)
    try:
        buka_kunci = kunci_admin.kunci_open_for_pd(
            tahun=tahun, bulan=bulan, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        _report(request, error)
        return _back(tahun)
    messages.success(
        request,
        f"{NAMA_BULAN[bulan]} {tahun} dibuka untuk {buka_kunci.perangkat_daerah} sampai "
        f"{buka_kunci.berlaku_sampai:%d/%m/%Y}.",
    )
    return _back(tahun)


@login_required
@require_http_methods(["GET", "POST"])
def aturan(request):
    """The reporting rules: the kendala threshold and the default deadline day."""
    _require_admin(request.user)
    current = AturanPelaporan.current()
    if request.method == "POST":
        form = AturanForm(request.POST)
        if form.is_valid():
            try:
                kunci_admin.aturan_set(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _report(request, error)
            else:
                messages.success(request, "Aturan pelaporan disimpan.")
                return redirect("realisasi:aturan")
    else:
        form = AturanForm(
            initial={
                "ambang_deviasi_kendala": str(current.ambang_deviasi_kendala).replace(".", ","),
                "hari_batas_pengisian": current.hari_batas_pengisian,
            }
        )
    return render(request, "realisasi/aturan.html", {"form": form, "aturan": current})
