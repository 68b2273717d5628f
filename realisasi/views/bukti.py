"""Evidence (bukti dukung) of a DPA line's month: the list with the upload form, the download, the
removal.

Who: the line's PD operator uploads and removes while the month is open and the row editable;
Admin, Pimpinan and Auditor see the list and download, read-only (403 on a write); an operator of
another PD gets 404 for the line and for its files; anonymous users go to the login page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from akun import access
from kegiatan.models import DPA, NAMA_BULAN

from .. import bukti as services


def _get_dpa(user, pk):
    try:
        return access.dpa_for(user).get(pk=pk)
    except DPA.DoesNotExist:
        raise Http404("Sub kegiatan tidak ditemukan.") from None


def _daftar_url(dpa_pk: int, bulan: int) -> str:
    return reverse("realisasi:bukti", args=[dpa_pk, bulan])


@csrf_exempt
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def daftar(request, dpa_pk, bulan):
    # An oversized file is cut off while it arrives (BatasUkuranUploadHandler). Upload handlers
    # can be changed only before the body is read — and the CSRF middleware reads it — so the
    # CSRF check is done here, by csrf_protect on _daftar, after the handler is in place.
    handler = services.BatasUkuranUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return _daftar(request, dpa_pk, bulan, handler)


@csrf_protect
def _daftar(request, dpa_pk, bulan, handler):
    if not 1 <= bulan <= 12:
        raise Http404("Bulan tidak dikenal.")
    user = request.user
    dpa = _get_dpa(user, dpa_pk)
    keadaan = services.keadaan_bukti(user, dpa, bulan)
    form = services.BuktiForm()
    status = 200
    if request.method == "POST":
        if not keadaan.pemilik:
            raise PermissionDenied("Hanya Operator PD pemilik sub kegiatan yang dapat mengunggah.")
        form = services.BuktiForm(
            request.POST, request.FILES, terlalu_besar=bool(handler.terlalu_besar)
        )
        if keadaan.alasan:
            status = 403  # the page says why (month closed or row no longer editable)
        elif form.is_valid():
            try:
                bukti = services.bukti_add(
                    dpa=dpa,
                    bulan=bulan,
                    berkas=form.cleaned_data["berkas"],
                    keterangan=form.cleaned_data["keterangan"],
                    by=user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            except PermissionDenied as exc:  # closed or submitted meanwhile
                messages.error(request, str(exc))
                return redirect(_daftar_url(dpa.pk, bulan))
            else:
                messages.success(request, f"Bukti “{bukti.nama_asli}” diunggah.")
                return redirect(_daftar_url(dpa.pk, bulan))
    daftar_bukti = (
        keadaan.realisasi.bukti.select_related("diunggah_oleh").order_by("diunggah_pada", "pk")
        if keadaan.realisasi
        else []
    )
    context = {
        "dpa": dpa,
        "bulan": bulan,
        "nama_bulan": NAMA_BULAN[bulan],
        "keadaan": keadaan,
        "form": form,
        "daftar_bukti": [(b, services.jenis_of(b)) for b in daftar_bukti],
        "jumlah_maks": services.JUMLAH_MAKS,
        "is_admin": access.is_admin(user),
    }
    return render(request, "realisasi/bukti.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def unduh(request, pk):
    bukti = services.get_bukti_for_user(request.user, pk)
    jenis = services.jenis_of(bukti)
    try:
        berkas = bukti.berkas.open("rb")
    except OSError:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from None
    # Only the known types get their own content type; images open in the browser, documents
    # (and anything unexpected) are downloaded.
    inline = bool(jenis and jenis.inline)
    response = FileResponse(
        berkas,
        content_type=jenis.content_type if jenis else "application/octet-stream",
        as_attachment=not inline,
        filename=bukti.nama_asli,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_POST
def hapus(request, pk):
    user = request.user
    bukti = services.get_bukti_for_user(user, pk)
    dpa, bulan = bukti.realisasi.dpa, bukti.realisasi.bulan
    if not access.can_enter_realisasi(user, dpa.perangkat_daerah):
        raise PermissionDenied("Hanya Operator PD pemilik sub kegiatan yang dapat menghapus.")
    nama = bukti.nama_asli
    try:
        services.bukti_delete(bukti=bukti, by=user)
    except PermissionDenied as exc:  # month closed or row no longer editable
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Bukti “{nama}” dihapus.")
    return redirect(_daftar_url(dpa.pk, bulan))
