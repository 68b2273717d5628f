"""The table of the report figures' cache (settings.CACHES, laporan.cache), made with the database
like every other table, so no deployment step can forget it."""

from django.core.management import call_command
from django.db import migrations


def buat_tabel_cache(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("laporan", "0002_versi_angka")]

    operations = [migrations.RunPython(buat_tabel_cache, migrations.RunPython.noop)]
