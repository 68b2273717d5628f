"""The change history: who changed which figure, from what, to what, when. Admin and Auditor only
(``akun.access.can_view_history``); other roles get 403, anonymous visitors the login page.

The Excel download takes the same filter as the screen and holds every page of it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from akun import access

from .ekspor import riwayat_xlsx
from .forms import RiwayatFilterForm
from .history import riwayat_page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ensure_may_read(user) -> None:
    if not access.can_view_history(user):
        raise PermissionDenied("Riwayat perubahan hanya untuk Admin dan Auditor.")


@login_required
@require_GET
def daftar(request):
    _ensure_may_read(request.user)
    form = RiwayatFilterForm(request.GET)
    form.is_valid()
    page, entries = riwayat_page(halaman=request.GET.get("halaman"), **form.values())
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "riwayat/daftar.html",
        {
            "form": form,
            "filter_errors": form.error_list(),
            "page": page,
            "entries": entries,
            "page_query": query.urlencode(),
        },
    )


@login_required
@require_GET
def unduh(request):
    """The filtered history as an Excel workbook (a bad filter part is ignored, as on screen)."""
    _ensure_may_read(request.user)
    form = RiwayatFilterForm(request.GET)
    form.is_valid()
    response = HttpResponse(riwayat_xlsx(form.values()), content_type=XLSX)
    nama = f"riwayat-perubahan-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response
