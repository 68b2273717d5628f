"""Two rules every request of a logged-in user passes (README, "Security"):

- the login ends after ``SESSION_IDLE_TIMEOUT`` seconds without a request, and
  ``SESSION_COOKIE_AGE`` seconds after it began (``akun.sesi``): the user is logged out and sent
  to the login page with the reason, then back to where they were;
- a user whose password an Admin reset (or whose account an Admin made) changes it before opening
  any other page.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from . import sesi


class SesiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._bebas = None

    def bebas(self) -> tuple[str, ...]:
        """Paths a user who must change their password may still open."""
        if self._bebas is None:
            self._bebas = (reverse("ganti-sandi"), reverse("logout"))
        return self._bebas

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now()
            alasan = sesi.alasan_berakhir(request.session, now)
            if alasan:
                path = request.get_full_path()
                logout(request)
                messages.warning(request, alasan)
                return redirect_to_login(path)
            sesi.catat_aktivitas(request.session, now)
            if getattr(user, "wajib_ganti_sandi", False) and request.path not in self.bebas():
                return redirect("ganti-sandi")
        return self.get_response(request)


class NoStoreMiddleware:
    """Every answer to a logged-in user — a report page, a dashboard, an Excel file, an evidence
    download, a form — carries ``Cache-Control: private, no-store``: budget figures, kendala and
    names stay out of shared proxies and out of the browser's disk cache, so the next person at a
    shared office computer cannot bring them back with the Back button or from the cache after the
    user logged out. ``no-store`` rather than ``no-cache``: ``no-cache`` still lets the browser keep
    a copy on disk (it only has to ask before showing it), and SiPOK's pages are cheap to fetch
    again (its figures are cached on the server).

    Static files never come here (whitenoise answers them earlier in MIDDLEWARE, with their own
    long cache lifetime); pages for anonymous visitors hold no data and are left alone. A view that
    set its own ``Cache-Control`` keeps it, with ``private`` and ``no-store`` added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
