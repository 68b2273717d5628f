from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DPA, RKO, Kegiatan, Program, RiwayatPagu, SubKegiatan, SumberDana


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    search_fields = ["kode", "nama"]


@admin.register(Kegiatan)
class KegiatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "program"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["program"]


@admin.register(SubKegiatan)
class SubKegiatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["kegiatan"]


@admin.register(SumberDana)
class SumberDanaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kelompok", "aktif"]
    list_filter = ["kelompok", "aktif"]


class RiwayatPaguInline(admin.TabularInline):
    model = RiwayatPagu
    extra = 0
    fields = ["fase", "tanggal_berlaku", "pagu", "keterangan"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class RKOInline(admin.TabularInline):
    model = RKO
    extra = 0
    max_num = 12


@admin.register(DPA)
class DPAAdmin(SimpleHistoryAdmin):
    list_display = ["tahun", "perangkat_daerah", "sub_kegiatan", "sumber_dana", "pagu"]
    list_filter = ["tahun", "sumber_dana", "perangkat_daerah"]
    search_fields = ["sub_kegiatan__kode", "nama_sub_kegiatan", "perangkat_daerah__singkatan"]
    list_select_related = ["perangkat_daerah", "sub_kegiatan", "sumber_dana"]
    autocomplete_fields = ["sub_kegiatan"]
    readonly_fields = ["pagu"]
    inlines = [RiwayatPaguInline, RKOInline]
