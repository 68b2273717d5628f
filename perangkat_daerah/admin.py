from django.contrib import admin

from .models import Pemda, Penandatangan, PerangkatDaerah


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "sebutan_kepala_daerah", "ibu_kota", "ukuran_kertas"]


class PenandatanganInline(admin.StackedInline):
    model = Penandatangan
    extra = 0
    max_num = 1
    verbose_name = "penandatangan (kepala PD)"


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ["kode", "singkatan", "nama", "jenis", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]
    inlines = [PenandatanganInline]


@admin.register(Penandatangan)
class PenandatanganAdmin(admin.ModelAdmin):
    list_display = ["jabatan", "nama", "nip", "perangkat_daerah"]
    list_select_related = ["perangkat_daerah"]
    search_fields = ["jabatan", "nama", "nip"]
