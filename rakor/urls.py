from django.urls import path

from . import views

app_name = "rakor"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.ubah, name="ubah"),
    path("<int:pk>/peserta/", views.peserta_tambah, name="peserta-tambah"),
    path("<int:pk>/peserta/<int:peserta_pk>/hapus/", views.peserta_hapus, name="peserta-hapus"),
    path("<int:pk>/arahan/", views.arahan_tambah, name="arahan-tambah"),
    path("<int:pk>/arahan/<int:arahan_pk>/hapus/", views.arahan_hapus, name="arahan-hapus"),
    path("<int:pk>/rekomendasi/", views.rekomendasi_tambah, name="rekomendasi-tambah"),
    path(
        "<int:pk>/rekomendasi/<int:rekomendasi_pk>/hapus/",
        views.rekomendasi_hapus,
        name="rekomendasi-hapus",
    ),
    path("<int:pk>/finalkan/", views.finalkan, name="finalkan"),
    path("<int:pk>/buka/", views.buka, name="buka"),
    path("tindak-lanjut/<int:pk>/", views.tindak_lanjut, name="tindak-lanjut"),
]
