"""Placeholder: views of this module are being written."""

from django.http import Http404


def daftar(request):
    raise Http404("Belum tersedia.")
