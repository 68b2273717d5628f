"""The admin's import pages: templates to download, the uploads, the preview with its apply
button, the errors and their marked copy. Admin only: every other role gets 403, anonymous
visitors the login page. The work is in ``impor.services``.
"""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from akun import access
from perangkat_daerah.models import Pemda
from realisasi.bukti import BatasUkuranUploadHandler

from . import services, templat
from .berkas import (
    BARIS_MAKS,
    BARIS_MAKS_SP2D,
    MAKS_TEKS,
    UKURAN_MAKS,
    BerkasDitolak,
    BerkasMelampauiBatas,
)
from .forms import TemplatForm, UnggahDPAForm, UnggahSP2DForm
from .models import Impor
from .parsers import Galat

RIWAYAT_DITAMPILKAN = 30


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=templat.XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _halaman(request, *, form_dpa=None, form_sp2d=None, status=200):
    context = {
        "form_dpa": form_dpa or UnggahDPAForm(),
        "form_sp2d": form_sp2d or UnggahSP2DForm(),
        "riwayat": Impor.objects.terbaru()[:RIWAYAT_DITAMPILKAN],
        "tahun": timezone.localdate().year,
        "ukuran_maks": MAKS_TEKS,
        "baris_maks": BARIS_MAKS,
        "baris_maks_sp2d": BARIS_MAKS_SP2D,
    }
    return render(request, "impor/daftar.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def daftar(request):
    access.require_admin(request.user)
    return _halaman(request)


@login_required
@require_http_methods(["GET", "HEAD"])
def templat_dpa(request):
    access.require_admin(request.user)
    tahun = TemplatForm(request.GET).tahun_terpilih()
    return _xlsx(
        templat.templat_dpa(tahun),
        templat.nama_berkas("templat-impor-dpa-rko", Pemda.current().nama, tahun),
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def templat_sp2d(request):
    access.require_admin(request.user)
    tahun = TemplatForm(request.GET).tahun_terpilih()
    return _xlsx(
        templat.templat_sp2d(tahun),
        templat.nama_berkas("templat-impor-sp2d", Pemda.current().nama, tahun),
    )


def _dengan_batas_ukuran(request, inner, form_class):
    # Only an admin's body is read at all. An oversized file is then cut off while it arrives
    # (BatasUkuranUploadHandler). Upload handlers can be changed only before the body is read — and
    # the CSRF middleware reads it — so the CSRF check is done by csrf_protect on ``inner``.
    access.require_admin(request.user)
    handler = BatasUkuranUploadHandler(request, batas=UKURAN_MAKS)
    request.upload_handlers.insert(0, handler)
    return inner(request, form_class, handler)


@csrf_protect
def _unggah(request, form_class, handler):
    if request.method != "POST":
        return _halaman(request)
    form = form_class(request.POST, request.FILES, terlalu_besar=bool(handler.terlalu_besar))
    forms = {"form_dpa" if form_class is UnggahDPAForm else "form_sp2d": form}
    if not form.is_valid():
        return _halaman(request, **forms, status=400)
    data = form.cleaned_data
    try:
        impor = services.impor_unggah(
            jenis=form.jenis,
            berkas=data["berkas"],
            nama_asli=data["berkas"].name,
            tahun=data["tahun"],
            fase=data.get("fase") or "",
            tanggal_berlaku=data.get("tanggal_berlaku"),
            by=request.user,
        )
    except BerkasDitolak as exc:
        form.add_error("berkas", exc.pesan)
        return _halaman(request, **forms, status=400)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _halaman(request, **forms, status=400)
    if impor.status == Impor.Status.DITOLAK:
        messages.error(
            request, f"Berkas berisi {impor.jumlah_galat} galat; tidak ada data yang disimpan."
        )
    else:
        messages.info(request, "Periksa pratinjau di bawah, lalu tekan Terapkan.")
    return redirect("impor:detail", pk=impor.pk)


@csrf_exempt
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def unggah_dpa(request):
    return _dengan_batas_ukuran(request, _unggah, UnggahDPAForm)


@csrf_exempt
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def unggah_sp2d(request):
    return _dengan_batas_ukuran(request, _unggah, UnggahSP2DForm)


def _get_impor(user, pk) -> Impor:
    access.require_admin(user)
    return get_object_or_404(Impor.objects.select_related("dibuat_oleh", "diterapkan_oleh"), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def detail(request, pk):
    impor = _get_impor(request.user, pk)
    baris = impor.pratinjau
    context = {
        "impor": impor,
        "galat": [Galat.from_dict(item) for item in impor.galat],
        "galat_tersembunyi": impor.jumlah_galat - len(impor.galat),
        "berubah": [row for row in baris if row.get("aksi") != "tetap"],
        "tetap": [row for row in baris if row.get("aksi") == "tetap"],
        "ringkasan": impor.ringkasan,
        "tanpa_berkas": _tanpa_berkas(impor),
    }
    return render(request, "impor/detail.html", context)


def _tanpa_berkas(impor: Impor) -> str:
    """Why the import's file is not there any more (no marked copy, no apply), or ""."""
    if impor.melampaui_batas:
        return services.PESAN_BATAS
    if impor.berkas_dihapus_pada is not None:
        return services.pesan_berkas_dihapus(impor)
    return ""


@login_required
@require_http_methods(["GET", "HEAD"])
def galat(request, pk):
    """The uploaded file with its bad cells marked, and the list of every error. A file refused
    for its size or shape, or removed since, gets no copy: the import's page says why, and its
    list of errors stands."""
    impor = _get_impor(request.user, pk)
    if not impor.galat:
        raise Http404("Impor ini tidak memiliki galat.")
    try:
        data = services.isi_tersimpan(impor)
        content = templat.salinan_bertanda(data, [Galat.from_dict(item) for item in impor.galat])
    except (BerkasMelampauiBatas, services.BerkasTidakAda) as exc:
        if _tanpa_berkas(impor):  # the page says why
            pesan = "Salinan bertanda tidak dibuat; keterangannya ada di bawah."
        else:  # lost, or stored before a file beyond the limits was no longer kept
            pesan = (
                f"Salinan bertanda tidak dibuat. {exc.pesan} Daftar galat di bawah tetap berlaku."
            )
        messages.warning(request, pesan)
        return redirect("impor:detail", pk=impor.pk)
    stem = os.path.splitext(impor.nama_asli)[0]
    return _xlsx(content, templat.nama_berkas("galat-impor", impor.pk, stem))


@login_required
@require_POST
def terapkan(request, pk):
    impor = _get_impor(request.user, pk)
    try:
        impor = services.impor_terapkan(impor=impor, by=request.user)
    except services.PratinjauKedaluwarsa as exc:
        messages.error(request, exc.pesan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Impor #{impor.pk} diterapkan. Perubahan dicatat di riwayat perubahan.",
        )
    return redirect("impor:detail", pk=impor.pk)
