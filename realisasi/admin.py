from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BukaKunci, KunciBulan


@admin.register(KunciBulan)
class KunciBulanAdmin(SimpleHistoryAdmin):
    list_display = ["tahun", "bulan", "batas_pengisian", "dikunci_pada"]
    list_filter = ["tahun"]


@admin.register(BukaKunci)
class BukaKunciAdmin(SimpleHistoryAdmin):
    list_display = [
        "kunci_bulan",
        "perangkat_daerah",
        "dibuka_oleh",
        "dibuka_pada",
        "berlaku_sampai",
    ]
    list_select_related = ["kunci_bulan", "perangkat_daerah", "dibuka_oleh"]
