from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AmbangTriwulan, AturanWarna


@admin.register(AturanWarna)
class AturanWarnaAdmin(SimpleHistoryAdmin):
    list_display = ["gaya", "indikator", "batas_hijau", "batas_kuning"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not AturanWarna.objects.exists()


@admin.register(AmbangTriwulan)
class AmbangTriwulanAdmin(SimpleHistoryAdmin):
    list_display = ["triwulan", "hijau_tua", "hijau_muda", "kuning", "merah_muda"]
