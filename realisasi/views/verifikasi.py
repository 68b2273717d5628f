"""The admin's verification: the queue of PD-months and the check of one PD-month.

Only a verifier (``akun.access.can_verify``: the Admin) may open these pages; every other role gets
403, anonymous visitors the login page. Pimpinan and Auditor read the verified figures in the
reports (and the Auditor the change history); the queue is the verifier's work list, not a report.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from akun import access
from kegiatan.models import DPA, NAMA_BULAN, TAHUN_MAX, TAHUN_MIN
from laporan import figures
from laporan.periode import Periode

from .. import verifikasi
from ..filters import URUTAN, AntreanFilterForm, order_by_of
from ..kunci import status_bulan
from ..verifikasi import PdBulan

PER_HALAMAN = 50


def _require_verifier(user) -> None:
    if not access.can_verify(user):
        raise PermissionDenied("Hanya Admin yang dapat memverifikasi realisasi.")


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _sort_links(request, current: str) -> dict[str, dict]:
    """For each sortable column: the query string that sorts by it (toggling the direction when it
    is the current sort) and the arrow to show."""
    links = {}
    for key in URUTAN:
        query = request.GET.copy()
        query.pop("halaman", None)
        query["urut"] = f"-{key}" if current == key else key
        arrow = "▲" if current == key else "▼" if current == f"-{key}" else ""
        links[key] = {"query": query.urlencode(), "arrow": arrow}
    return links


@login_required
@require_http_methods(["GET", "POST"])
def antrean(request):
    """GET: the queue of PD-months with their counts per state. POST: verify or return the chosen
    PD-months at once."""
    _require_verifier(request.user)
    if request.method == "POST":
        return _antrean_post(request)
    form = AntreanFilterForm(request.GET)
    form.is_valid()
    filter_values = form.values()
    queue = verifikasi.antrean_pd_bulan(
        perangkat_daerah=filter_values["perangkat_daerah"],
        tahun=filter_values["tahun"],
        bulan=filter_values["bulan"],
        status=filter_values["status"],
        order_by=order_by_of(filter_values["urut"]),
    )
    page = Paginator(queue, PER_HALAMAN).get_page(request.GET.get("halaman"))
    for row in page.object_list:
        row["key"] = PdBulan(row["pd_id"], row["tahun"], row["bulan"]).key
        row["nama_bulan"] = NAMA_BULAN[row["bulan"]]
    page_query = request.GET.copy()
    page_query.pop("halaman", None)
    return render(
        request,
        "realisasi/verifikasi_antrean.html",
        {
            "form": form,
            "filter_errors": form.error_list(),
            "page": page,
            "sort": _sort_links(request, filter_values["urut"]),
            "page_query": page_query.urlencode(),
        },
    )


def _antrean_post(request):
    back = request.get_full_path()
    try:
        chosen = [PdBulan.parse(key) for key in request.POST.getlist("pilih")]
    except ValueError:
        messages.error(request, "Pilihan PD dan bulan tidak dikenali. Muat ulang halaman.")
        return redirect(back)
    aksi = request.POST.get("aksi")
    try:
        if aksi == "verifikasi":
            rows = verifikasi.pd_bulan_verify(pd_bulan=chosen, by=request.user)
            done = "diverifikasi"
        elif aksi == "kembalikan":
            rows = verifikasi.pd_bulan_return(
                pd_bulan=chosen, by=request.user, catatan=request.POST.get("catatan", "")
            )
            done = "dikembalikan ke PD"
        else:
            messages.error(request, "Tindakan tidak dikenal.")
            return redirect(back)
    except ValidationError as error:
        _report(request, error)
        return redirect(back)
    messages.success(
        request, f"{len(rows)} baris realisasi dari {len(set(chosen))} PD-bulan {done}."
    )
    return redirect(back)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_http_methods(["GET", "POST"])
def periksa(request, pd_pk: int, tahun: int, bulan: int):
    """One PD-month for the verifier: every line's figures, kendala, evidence and state; verify or
    return chosen rows; write the month's conclusion (catatan bulanan)."""
    _require_verifier(request.user)
    perangkat_daerah = access.get_perangkat_daerah_for_user(request.user, pd_pk)
    if not (TAHUN_MIN <= tahun <= TAHUN_MAX and 1 <= bulan <= 12):
        raise Http404("Periode tidak ditemukan.")
    pd_bulan = PdBulan(perangkat_daerah.pk, tahun, bulan)
    if request.method == "POST":
        return _periksa_post(request, perangkat_daerah, pd_bulan)
    periode = Periode(tahun, bulan)
    return render(
        request,
        "realisasi/verifikasi_periksa.html",
        {
            "perangkat_daerah": perangkat_daerah,
            "periode": periode,
            "baris": verifikasi.periksa_pd_bulan(perangkat_daerah, tahun, bulan),
            "angka": figures.angka_pemda(
                periode, DPA.objects.filter(perangkat_daerah=perangkat_daerah)
            ),
            "status_bulan": status_bulan(perangkat_daerah, tahun, bulan),
            "catatan_bulanan": verifikasi.catatan_bulanan_for(perangkat_daerah, tahun, bulan),
            "antrean_url": reverse("realisasi:verifikasi")
            + f"?pd={perangkat_daerah.pk}&tahun={tahun}&bulan={bulan}",
        },
    )


def _periksa_post(request, perangkat_daerah, pd_bulan: PdBulan):
    back = request.get_full_path()
    aksi = request.POST.get("aksi")
    try:
        if aksi == "catatan":
            verifikasi.catatan_bulanan_set(
                perangkat_daerah=perangkat_daerah,
                tahun=pd_bulan.tahun,
                bulan=pd_bulan.bulan,
                catatan=request.POST.get("catatan_bulanan", ""),
                by=request.user,
            )
            messages.success(request, "Catatan bulanan disimpan; PD dapat membacanya.")
        elif aksi == "verifikasi_semua":
            rows = verifikasi.pd_bulan_verify(pd_bulan=[pd_bulan], by=request.user)
            messages.success(request, f"{len(rows)} baris realisasi diverifikasi.")
        elif aksi in ("verifikasi", "kembalikan"):
            pks = [_int_or_none(value) for value in request.POST.getlist("pilih")]
            if None in pks:
                raise ValidationError("Pilihan baris tidak dikenali. Muat ulang halaman.")
            versi = {
                pk: _int_or_none(request.POST[f"versi-{pk}"])
                for pk in pks
                if f"versi-{pk}" in request.POST
            }
            if None in versi.values():
                raise ValidationError("Versi baris tidak dikenali. Muat ulang halaman.")
            rows = verifikasi.rows_of_pd_bulan(pd_bulan, pks)
            if aksi == "verifikasi":
                done = verifikasi.realisasi_verify(
                    rows_or_queryset=rows, by=request.user, versi=versi
                )
                messages.success(request, f"{len(done)} baris realisasi diverifikasi.")
            else:
                done = verifikasi.realisasi_return(
                    rows=rows,
                    by=request.user,
                    catatan=request.POST.get("catatan", ""),
                    versi=versi,
                )
                messages.success(request, f"{len(done)} baris realisasi dikembalikan ke PD.")
        else:
            messages.error(request, "Tindakan tidak dikenal.")
    except ValidationError as error:
        _report(request, error)
    return redirect(back)
