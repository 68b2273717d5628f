from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from impor import services
from realisasi.bukti import ukuran_teks


class Command(BaseCommand):
    help = (
        "Hapus berkas impor yang ditolak atau kedaluwarsa yang diunggah lebih dari N hari lalu "
        "(bawaan: SIPOK_IMPOR_SIMPAN_HARI, "
        f"sekarang {settings.SIPOK_IMPOR_SIMPAN_HARI} hari) dari MEDIA_ROOT/impor/. Catatan "
        "impornya tetap (siapa, kapan, ringkasan, galat) dan halamannya menyebut bahwa berkasnya "
        "sudah dihapus. Berkas impor yang diterapkan dan pratinjau yang menunggu diterapkan tidak "
        "disentuh. Aman dijalankan berulang kali (mis. setiap malam lewat cron); berkas yang "
        "sudah dihapus tidak dihitung lagi. Contoh: python manage.py impor_bersihkan --dry-run"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hari",
            type=int,
            default=None,
            metavar="N",
            help="Hapus berkas yang diunggah lebih dari N hari lalu (paling sedikit 1). Bawaan: "
            "SIPOK_IMPOR_SIMPAN_HARI.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Hanya cetak berkas yang akan dihapus; tidak ada yang dihapus atau diubah.",
        )

    def handle(self, *args, **options):
        coba = options["dry_run"]
        try:
            hasil = services.bersihkan_berkas(hari=options["hari"], coba=coba)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if not hasil:
            hari = options["hari"] or settings.SIPOK_IMPOR_SIMPAN_HARI
            self.stdout.write(
                f"Tidak ada berkas impor ditolak atau kedaluwarsa yang lebih dari {hari} hari."
            )
            return
        for item in hasil:
            impor = item.impor
            self.stdout.write(
                f"  #{impor.pk} {impor.status}, diunggah "
                f"{timezone.localtime(impor.dibuat_pada):%d/%m/%Y}: {impor.nama_asli} "
                f"({item.nama}, {ukuran_teks(item.ukuran)})"
            )
        total = ukuran_teks(sum(item.ukuran for item in hasil))
        if coba:
            self.stdout.write(
                f"Uji coba: {len(hasil)} berkas ({total}) akan dihapus; tidak ada yang diubah. "
                "Ulangi tanpa --dry-run untuk menghapusnya."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(hasil)} berkas ({total}) dihapus; catatan impornya tetap tersimpan."
                )
            )
