from django.urls import path

from . import views

app_name = "impor"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("templat/dpa/", views.templat_dpa, name="templat-dpa"),
    path("templat/sp2d/", views.templat_sp2d, name="templat-sp2d"),
    path("dpa/", views.unggah_dpa, name="unggah-dpa"),
    path("sp2d/", views.unggah_sp2d, name="unggah-sp2d"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/galat/", views.galat, name="galat"),
    path("<int:pk>/terapkan/", views.terapkan, name="terapkan"),
]
