"""``python manage.py bersihkan_bukti``: delete the stored evidence files no record references."""

import datetime
from argparse import RawDescriptionHelpFormatter

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from laporan.format import angka
from realisasi.bukti import berkas_yatim_delete, berkas_yatim_find, ukuran_teks
from realisasi.models import FOLDER_BUKTI

UMUR_BAKU = 60  # minutes

HELP = f"""\
Menghapus berkas bukti dukung yatim: berkas di folder {FOLDER_BUKTI}/ penyimpanan (MEDIA_ROOT)
yang tidak dirujuk oleh satu pun data bukti dukung — sisa penghapusan oleh versi SiPOK sebelumnya,
unggahan yang gagal di tengah transaksi, atau berkas yang diunggah sesudah cadangan yang
dipulihkan. Berkas yang masih dirujuk tidak pernah dihapus: setiap berkas diperiksa lagi tepat
sebelum dihapus.

Berkas yang lebih muda dari --umur-minimal (baku {UMUR_BAKU} menit) dilewati: berkas unggahan
disimpan sebelum transaksinya selesai, jadi unggahan yang sedang berjalan belum punya data. Folder
yang menjadi kosong dibiarkan.

Jalankan dengan --dry-run lebih dulu: daftar berkas yang akan dihapus dicetak, tidak ada yang
dihapus. Aman dijalankan berulang kali. Bila database tidak berisi bukti dukung sama sekali
sementara folder berisi berkas (DATABASE_URL salah?), perintah berhenti kecuali diberi --paksa.
Sesudah 'manage.py pulihkan', pastikan cadangan yang benar telah dipulihkan sebelum menjalankan
perintah ini: berkas yang diunggah sesudah cadangan itu ikut terhapus.

Deletes evidence files under {FOLDER_BUKTI}/ that no record references and that are older than
--umur-minimal minutes; --dry-run lists them and deletes nothing.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="hanya cetak berkas yang akan dihapus, tidak menghapus apa pun / list only",
        )
        parser.add_argument(
            "--umur-minimal",
            type=int,
            default=UMUR_BAKU,
            metavar="MENIT",
            help="lewati berkas yang diubah kurang dari MENIT menit lalu; 0 hanya bila aplikasi "
            f"dihentikan / skip files younger than this (baku: {UMUR_BAKU})",
        )
        parser.add_argument(
            "--paksa",
            action="store_true",
            help="lanjutkan walau database tidak berisi bukti dukung sama sekali / proceed even "
            "when no evidence record exists",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="alias database Django (baku: default)"
        )

    def handle(
        self,
        *args,
        dry_run=False,
        umur_minimal=UMUR_BAKU,
        paksa=False,
        database=DEFAULT_DB_ALIAS,
        **options,
    ):
        if umur_minimal < 0:
            raise CommandError("--umur-minimal tidak boleh negatif.")
        hasil = berkas_yatim_find(
            umur_minimal=datetime.timedelta(minutes=umur_minimal), using=database
        )
        if hasil.yatim and hasil.jumlah_rekaman == 0 and not paksa:
            raise CommandError(
                f"Database tidak berisi bukti dukung sama sekali, padahal ada "
                f"{angka(len(hasil.yatim))} berkas di {FOLDER_BUKTI}/. Periksa DATABASE_URL dan "
                "MEDIA_ROOT; bila memang benar, ulangi dengan --paksa. Tidak ada berkas dihapus."
            )
        if dry_run:
            for item in hasil.yatim:
                self.stdout.write(f"akan dihapus: {item.name} ({ukuran_teks(item.ukuran)})")
            terhapus = []
        else:
            terhapus = berkas_yatim_delete(hasil.yatim, using=database)
            for item in terhapus:
                self.stdout.write(f"dihapus: {item.name} ({ukuran_teks(item.ukuran)})")
        for name in hasil.terlalu_baru:
            self.stdout.write(f"dilewati (lebih muda dari {umur_minimal} menit): {name}")

        ringkas = (
            f"{angka(hasil.dirujuk)} berkas dirujuk data bukti dukung dan dibiarkan; "
            f"{angka(len(hasil.terlalu_baru))} berkas tanpa rujukan dilewati karena masih baru."
        )
        if not hasil.yatim:
            self.stdout.write(self.style.SUCCESS(f"Tidak ada berkas bukti yatim. {ringkas}"))
        elif dry_run:
            total = ukuran_teks(sum(item.ukuran for item in hasil.yatim))
            self.stdout.write(
                self.style.WARNING(
                    f"Uji coba: {angka(len(hasil.yatim))} berkas yatim ({total}) akan dihapus; "
                    f"tidak ada yang dihapus. {ringkas}"
                )
            )
        else:
            total = ukuran_teks(sum(item.ukuran for item in terhapus))
            dirujuk_kemudian = len(hasil.yatim) - len(terhapus)
            catatan = (
                f" {angka(dirujuk_kemudian)} berkas dibiarkan karena kini dirujuk."
                if dirujuk_kemudian
                else ""
            )
            self.stdout.write(
                self.style.SUCCESS(
                    f"{angka(len(terhapus))} berkas yatim ({total}) dihapus.{catatan} {ringkas}"
                )
            )
