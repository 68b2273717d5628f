from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from cadangan.engine import ENGINES, CadanganError, cadangkan

EKSTENSI = {"sqlite": "sqlite3", "postgresql": "dump"}


class Command(BaseCommand):
    help = (
        "Membuat cadangan database SiPOK yang konsisten: pg_dump --format=custom untuk "
        "PostgreSQL, SQLite backup API untuk SQLite. Aman dijalankan selagi aplikasi berjalan. "
        "Pulihkan dengan: manage.py pulihkan BERKAS. Berkas bukti dukung (MEDIA_ROOT) tidak "
        "termasuk; salin foldernya tersendiri."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keluar",
            metavar="BERKAS",
            help="berkas cadangan yang ditulis (bawaan: sipok-cadangan-TGL-JAM.dump atau "
            ".sqlite3 di folder kerja)",
        )
        parser.add_argument(
            "--timpa", action="store_true", help="timpa BERKAS bila sudah ada (bawaan: menolak)"
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="alias database Django (bawaan: default)"
        )

    def handle(self, *args, keluar=None, timpa=False, database=DEFAULT_DB_ALIAS, **options):
        connection = connections[database]
        if keluar is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            keluar = f"sipok-cadangan-{stamp}.{EKSTENSI.get(connection.vendor, 'bak')}"
        tujuan = Path(keluar)
        if tujuan.exists() and not timpa:
            raise CommandError(f"{tujuan} sudah ada; pilih nama lain atau tambahkan --timpa.")
        if not tujuan.parent.is_dir():
            raise CommandError(f"Folder {tujuan.parent} tidak ada.")
        try:
            hasil = cadangkan(connection=connection, tujuan=tujuan)
        except CadanganError as exc:
            raise CommandError(str(exc)) from exc
        ukuran = f"{hasil.ukuran:,}".replace(",", ".")
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan {ENGINES[hasil.engine]} tersimpan di {hasil.path} ({ukuran} byte)."
            )
        )
