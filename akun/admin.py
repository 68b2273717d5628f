"""The user accounts in data induk. What an Admin may do to an account is ``akun.access``'s to
decide; this admin asks it on every page and every save:

- an Admin who is not a superuser neither sees nor opens a superuser's account (its change,
  delete, password and history pages answer 404, as for an account that does not exist; the bulk
  delete only reaches the listed accounts);
- the account flags (superuser, staff, groups, per-user permissions) are on a superuser's form
  only; when an Admin saves an account — its form, a new one, a reverted history version — the
  account is no superuser and its staff flag follows its role (``access.is_staff_for_role``);
- a password set here passes ``services.ensure_may_reset``, the rule of *Atur ulang sandi*.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import access, services
from .forms import AdminSetSandiForm
from .models import User


def _without_flags(fieldsets):
    """The fieldsets without the account flags (ACCOUNT_FLAGS), for an Admin's form."""
    return tuple(
        (title, {**opts, "fields": [f for f in opts["fields"] if f not in access.ACCOUNT_FLAGS]})
        for title, opts in fieldsets
    )


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

    # --- Which accounts, which fields ---------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request) & access.users_managed_by(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or access.may_set_account_flags(request.user):
            return fieldsets  # the add form has no flags at all
        return _without_flags(fieldsets)

    def _may(self, request, obj) -> bool:
        """``obj`` may be a historical version: reverting to a superuser's is refused too."""
        return obj is None or access.may_manage_user(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may(request, obj)

    def save_model(self, request, obj, form, change):
        if not access.may_set_account_flags(request.user):
            if change and User.objects.filter(pk=obj.pk, is_superuser=True).exists():
                raise PermissionDenied  # not reachable through the pages; never save it anyway
            obj.is_superuser = False
            obj.is_staff = access.is_staff_for_role(obj.role)
        if not change:  # the password an Admin typed for a new account is a temporary one
            obj.wajib_ganti_sandi = True
        super().save_model(request, obj, form, change)

    # --- Every page of one account: 404 for an account the user may not manage ----------------

    def _get_managed_or_404(self, request, object_id) -> User:
        user = self.get_object(request, unquote(object_id))
        if user is None:
            raise Http404("Pengguna tidak ditemukan.")
        return user

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._get_managed_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._get_managed_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._get_managed_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._get_managed_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def user_change_password(self, request, id, form_url=""):
        services.ensure_may_reset(by=request.user, user=self._get_managed_or_404(request, id))
        return super().user_change_password(request, id, form_url)
