from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from akun import access
from perangkat_daerah.models import Pemda

from . import figures
from .periode import default_periode


@login_required
def beranda(request):
    """The home page: the headline of the pemda (or, for an operator, of their own PD)."""
    periode = default_periode()
    user = request.user
    subject = user.perangkat_daerah.nama if access.is_operator(user) else Pemda.current().nama
    headline = figures.headline(periode, subject, access.dpa_for(user))
    return render(request, "laporan/beranda.html", {"headline": headline, "periode": periode})
