from django.urls import path

from . import views

app_name = "riwayat"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("unduh/", views.unduh, name="unduh"),
]
