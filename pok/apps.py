from django.contrib.admin.apps import AdminConfig


class SiPOKAdminConfig(AdminConfig):
    default_site = "pok.admin.SiPOKAdminSite"
