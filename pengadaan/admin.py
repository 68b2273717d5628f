from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PaketPengadaan


@admin.register(PaketPengadaan)
class PaketPengadaanAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "dpa", "metode", "tahap", "hps", "nilai_kontrak"]
    list_filter = ["tahap", "metode", "dpa__tahun"]
    search_fields = ["nama", "penyedia"]
    raw_id_fields = ["dpa"]
