"""Placeholder: views of this module are being written."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404("Belum tersedia.")


daftar = baru = ubah = hapus = _todo
