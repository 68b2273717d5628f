"""The password pages: every user changes their own; an Admin resets another user's to a temporary
one that must be changed at the next login (there is no mail server for reset links)."""

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import access, services
from .forms import GantiSandiForm
from .models import User


@sensitive_post_parameters()
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def ganti_sandi(request):
    form = GantiSandiForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = services.sandi_ganti(form=form)
        update_session_auth_hash(request, user)  # stay logged in here; other sessions end
        messages.success(request, "Sandi Anda telah diganti.")
        return redirect("beranda")
    return render(
        request,
        "registration/ganti_sandi.html",
        {"form": form, "wajib": request.user.wajib_ganti_sandi},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def atur_ulang_sandi(request, pk: int):
    """Admin only (403 for the other roles, 404 for an unknown user). GET asks to confirm; POST
    sets a temporary password and shows it once (never stored, never sent again)."""
    access.require_admin(request.user)
    user = get_object_or_404(User.objects.select_related("perangkat_daerah"), pk=pk)
    services.ensure_may_reset(by=request.user, user=user)
    if request.method == "POST":
        sandi = services.sandi_atur_ulang(user=user, by=request.user)
        response = render(request, "akun/sandi_sementara.html", {"pengguna": user, "sandi": sandi})
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "akun/atur_ulang_sandi.html", {"pengguna": user})


def terkunci(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): 429, in Indonesian."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "registration/terkunci.html",
        {
            "username": get_client_username(request, credentials) or "",
            "failure_limit": get_failure_limit(request, credentials),
            "menit": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
        },
        status=429,
    )
