from django.urls import path

from . import views

app_name = "laporan"

urlpatterns = [
    path("rekap-pemda/", views.rekap_pemda, name="rekap-pemda"),
    path("rekap-pd/", views.rekap_pd, name="rekap-pd"),
    path("rekap-sumber-dana/", views.rekap_sumber_dana, name="rekap-sumber-dana"),
    path("detail-pd/", views.detail_pd, name="detail-pd"),
    path("kurva-s/", views.kurva_s, name="kurva-s"),
    path("kendala/", views.kendala, name="kendala"),
    path("kepatuhan/", views.kepatuhan, name="kepatuhan"),
    path("pengadaan/", views.pengadaan, name="pengadaan"),
]
