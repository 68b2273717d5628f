"""Placeholder: views of this module are being written."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404("Belum tersedia.")


pilih = _todo
entri = _todo
salin = _todo
