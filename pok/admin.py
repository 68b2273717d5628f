from django.contrib import admin

from akun import access


class SiPOKAdminSite(admin.AdminSite):
    site_header = "SiPOK — Data Induk"
    site_title = "SiPOK"
    index_title = "Pengelolaan data induk"

    def has_permission(self, request):
        return access.can_manage_master_data(request.user)
