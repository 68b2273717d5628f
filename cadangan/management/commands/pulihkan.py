from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cadangan.engine import ENGINES, CadanganError, pulihkan


class Command(BaseCommand):
    help = (
        "Memulihkan database SiPOK dari berkas buatan 'manage.py cadangkan': seluruh isi "
        "database diganti dengan isi cadangan (PostgreSQL: pg_restore --clean dalam satu "
        "transaksi; SQLite: SQLite backup API). Hentikan aplikasi lebih dahulu, lalu jalankan "
        "'manage.py migrate' bila cadangan berasal dari versi SiPOK yang lebih lama."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="BERKAS", help="berkas cadangan")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="jangan meminta konfirmasi",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="alias database Django (bawaan: default)"
        )

    def handle(self, *args, berkas, interactive=True, database=DEFAULT_DB_ALIAS, **options):
        connection = connections[database]
        sumber = Path(berkas)
        if interactive:
            nama = connection.settings_dict.get("NAME")
            jawab = input(
                f"Seluruh isi database {nama} akan DIGANTI dengan isi {sumber}. "
                "Ketik 'ya' untuk melanjutkan: "
            )
            if jawab.strip().lower() != "ya":
                raise CommandError("Dibatalkan; database tidak diubah.")
        try:
            hasil = pulihkan(connection=connection, sumber=sumber)
        except CadanganError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Database {ENGINES[hasil.engine]} dipulihkan dari {hasil.path}.")
        )
