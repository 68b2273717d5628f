from django.contrib import admin
from django.urls import include, path

from laporan.views import beranda

urlpatterns = [
    path("", beranda, name="beranda"),
    path("laporan/", include("laporan.urls")),
    path("akun/", include("akun.urls")),
    path("realisasi/", include("realisasi.urls")),
    path("pengadaan/", include("pengadaan.urls")),
    path("riwayat/", include("riwayat.urls")),
    path("rakor/", include("rakor.urls")),
    path("impor/", include("impor.urls")),
    path("data-induk/", admin.site.urls),
]
