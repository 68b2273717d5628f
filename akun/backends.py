from django.contrib.auth.backends import ModelBackend

from . import access

# The apps whose records an Admin maintains in the Django admin.
MASTER_DATA_APPS = {"akun", "perangkat_daerah", "kegiatan", "realisasi", "pengadaan", "laporan"}


class RoleBackend(ModelBackend):
    """Grants the Admin role the Django-admin permissions of the master data, so that a role is the
    only thing to set on a user (no per-user permission lists to keep in step)."""

    def has_perm(self, user_obj, perm, obj=None):
        if access.can_manage_master_data(user_obj) and perm.split(".", 1)[0] in MASTER_DATA_APPS:
            return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if access.can_manage_master_data(user_obj) and app_label in MASTER_DATA_APPS:
            return True
        return super().has_module_perms(user_obj, app_label)
