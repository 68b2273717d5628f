"""The change history: who changed which figure, from what, to what, when. Admin and Auditor only
(``akun.access.can_view_history``); other roles get 403, anonymous visitors the login page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from akun import access

from .forms import RiwayatFilterForm
from .history import riwayat_page


@login_required
@require_GET
def daftar(request):
    if not access.can_view_history(request.user):
        raise PermissionDenied("Riwayat perubahan hanya untuk Admin dan Auditor.")
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
