from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .forms import AdminSetSandiForm
from .models import User


@admin.register(User)
class SiPOKUserAdmin(SimpleHistoryAdmin, UserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "role",
        "perangkat_daerah",
        "is_active",
        "wajib_ganti_sandi",
        "atur_ulang_sandi",
    ]
    list_filter = ["role", "is_active", "perangkat_daerah"]
    list_select_related = ["perangkat_daerah"]
    fieldsets = UserAdmin.fieldsets + (
        ("Peran di SiPOK", {"fields": ("role", "perangkat_daerah", "jabatan")}),
        ("Keamanan", {"fields": ("wajib_ganti_sandi",)}),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Peran di SiPOK", {"fields": ("role", "perangkat_daerah", "jabatan")}),
    )
    change_password_form = AdminSetSandiForm

    @admin.display(description="sandi")
    def atur_ulang_sandi(self, obj):
        return format_html(
            '<a href="{}">Atur ulang sandi</a>', reverse("atur-ulang-sandi", args=[obj.pk])
        )

    def save_model(self, request, obj, form, change):
        if not change:  # the password an Admin typed for a new account is a temporary one
            obj.wajib_ganti_sandi = True
        super().save_model(request, obj, form, change)
