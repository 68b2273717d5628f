"""Procurement packages: the list (every role, scoped) and the operator's create / edit / delete.

Who may write: the PD's own operator only. An operator reaching another PD's package or DPA line
gets 404; Admin, Pimpinan and Auditor get 403 on every write (GET or POST) — the Admin maintains
packages in the Django admin (/data-induk/), so the web screens stay the operator's own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from akun import access

from . import services
from .forms import PaketFilterForm, PaketForm

PER_HALAMAN = 100


@login_required
@require_http_methods(["GET", "HEAD"])
def daftar(request):
    user = request.user
    read_all = access.can_read_all_pd(user)
    tahun_default = timezone.localdate().year
    data = request.GET.copy()
    data.setdefault("tahun", str(tahun_default))
    filters = PaketFilterForm(
        data,
        pd_queryset=access.perangkat_daerah_for(user).order_by("kode"),
        show_pd=read_all,
    )
    filters.is_valid()  # a bad value falls back to its default; the form shows the error
    tahun = filters.cleaned_data.get("tahun") or tahun_default
    perangkat_daerah = filters.cleaned_data.get("pd")
    packages = services.paket_list(user, tahun=tahun, perangkat_daerah=perangkat_daerah)
    halaman = Paginator(packages, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "pengadaan/daftar.html",
        {
            "filters": filters,
            "tahun": tahun,
            "perangkat_daerah": perangkat_daerah,
            "halaman": halaman,
            "ringkasan": services.paket_summary(packages),
            "read_all": read_all,
            "can_write": access.is_operator(user),
        },
    )


def _dpa_choices(user, tahun: int):
    """The operator's own DPA lines of the year: the only lines a package may be attached to."""
    return (
        access.dpa_for(user).filter(tahun=tahun).order_by("sub_kegiatan__kode", "sumber_dana__kode")
    )


def _tahun_param(request) -> int:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return timezone.localdate().year
    return tahun if 2000 <= tahun <= 2100 else timezone.localdate().year


def _save(request, form, save):
    """Call the service with the form's values; a rule the service still refuses goes back to
    the form."""
    fields = {name: form.cleaned_data[name] for name in services.PAKET_FIELDS}
    try:
        return save(fields)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def baru(request):
    user = request.user
    services.require_paket_writer(user)
    tahun = _tahun_param(request)
    choices = _dpa_choices(user, tahun)
    initial = {}
    if "dpa" in request.GET:
        # A link from a DPA line: the line must be the operator's own (404 otherwise).
        try:
            initial["dpa"] = choices.get(pk=request.GET["dpa"])
        except (ValueError, TypeError, choices.model.DoesNotExist):
            raise Http404("Sub kegiatan tidak ditemukan.") from None
    form = PaketForm(request.POST or None, initial=initial, dpa_queryset=choices)
    if request.method == "POST" and form.is_valid():
        paket = _save(request, form, lambda fields: services.paket_create(by=user, **fields))
        if paket is not None:
            messages.success(request, f"Paket “{paket.nama}” disimpan.")
            return redirect(f"{_daftar_url()}?tahun={paket.dpa.tahun}")
    return render(request, "pengadaan/form.html", {"form": form, "tahun": tahun, "paket": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ubah(request, pk):
    user = request.user
    paket = services.get_paket_for_user(user, pk, write=True)
    tahun = paket.dpa.tahun
    form = PaketForm(request.POST or None, instance=paket, dpa_queryset=_dpa_choices(user, tahun))
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda fields: services.paket_update(paket=paket, by=user, **fields),
        )
        if saved is not None:
            messages.success(request, f"Paket “{saved.nama}” diperbarui.")
            return redirect(f"{_daftar_url()}?tahun={tahun}")
    return render(request, "pengadaan/form.html", {"form": form, "tahun": tahun, "paket": paket})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def hapus(request, pk):
    """GET asks for confirmation (and changes nothing); POST deletes."""
    user = request.user
    paket = services.get_paket_for_user(user, pk, write=True)
    if request.method == "POST":
        tahun, nama = paket.dpa.tahun, paket.nama
        services.paket_delete(paket=paket, by=user)
        messages.success(request, f"Paket “{nama}” dihapus.")
        return redirect(f"{_daftar_url()}?tahun={tahun}")
    return render(request, "pengadaan/hapus.html", {"paket": paket})


def _daftar_url() -> str:
    return reverse("pengadaan:daftar")
