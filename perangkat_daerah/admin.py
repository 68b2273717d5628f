from django.contrib import admin

from .models import Pemda, PerangkatDaerah


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "sebutan_kepala_daerah", "ibu_kota"]


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ["kode", "singkatan", "nama", "jenis", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]
