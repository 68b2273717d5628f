from django.urls import path

from . import views

app_name = "pengadaan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("<int:pk>/ubah/", views.ubah, name="ubah"),
    path("<int:pk>/hapus/", views.hapus, name="hapus"),
]
