from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class SiPOKUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "perangkat_daerah", "is_active"]
    list_filter = ["role", "is_active", "perangkat_daerah"]
    list_select_related = ["perangkat_daerah"]
    fieldsets = UserAdmin.fieldsets + (
        ("Peran di SiPOK", {"fields": ("role", "perangkat_daerah", "jabatan")}),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Peran di SiPOK", {"fields": ("role", "perangkat_daerah", "jabatan")}),
    )
