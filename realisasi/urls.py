from django.urls import path

from .views import bukti, entri, kunci, verifikasi

app_name = "realisasi"

urlpatterns = [
    # Entry by the PD's operator (realisasi/views/entri.py)
    path("entri/", entri.pilih, name="entri-pilih"),
    path("entri/<int:pd_pk>/<int:tahun>/<int:bulan>/", entri.entri, name="entri"),
    path("entri/<int:pd_pk>/<int:tahun>/<int:bulan>/salin/", entri.salin, name="entri-salin"),
    # Evidence (realisasi/views/bukti.py)
    path("bukti/<int:dpa_pk>/<int:bulan>/", bukti.daftar, name="bukti"),
    path("bukti/berkas/<int:pk>/", bukti.unduh, name="bukti-unduh"),
    path("bukti/berkas/<int:pk>/hapus/", bukti.hapus, name="bukti-hapus"),
    # Verification by the admin (realisasi/views/verifikasi.py)
    path("verifikasi/", verifikasi.antrean, name="verifikasi"),
    path(
        "verifikasi/<int:pd_pk>/<int:tahun>/<int:bulan>/",
        verifikasi.periksa,
        name="verifikasi-pd",
    ),
    # Month locks and reporting rules (realisasi/views/kunci.py)
    path("kunci/", kunci.daftar, name="kunci"),
    path("kunci/<int:tahun>/<int:bulan>/", kunci.ubah, name="kunci-bulan"),
    path("kunci/<int:tahun>/<int:bulan>/buka/", kunci.buka, name="kunci-buka"),
    path("aturan/", kunci.aturan, name="aturan"),
]
