from impor.models import Impor
from impor.perintah import PerintahImpor, tanggal_argumen


class Command(PerintahImpor):
    help = (
        "Impor DPA dan RKO dari berkas .xlsx (templat dari menu Impor, lembar 'DPA'): satu baris "
        "per DPA sub kegiatan. Tanpa --terapkan hanya mencetak pratinjau (yang dibuat, diubah, "
        "tetap) dan semua galat; dengan --terapkan menyimpan semuanya dalam satu transaksi, atau "
        "tidak sama sekali bila ada galat. Pagu yang berubah dicatat di riwayat pagu dengan fase "
        "dan tanggal dari --fase dan --tanggal. Realisasi tidak pernah diubah. Contoh: "
        "python manage.py impor_dpa dpa-2026.xlsx --tahun 2026 --fase perubahan "
        "--tanggal 2026-09-15 --terapkan --pengguna admin"
    )
    jenis = Impor.Jenis.DPA

    def add_arguments(self, parser):
        self.add_common_arguments(parser)
        parser.add_argument(
            "--fase",
            choices=[value for value, _label in Impor.FASE_CHOICES],
            default="",
            help="Fase perubahan pagu: pergeseran, refocusing atau perubahan. Tanpa opsi ini "
            "impor dianggap DPA murni dan pagu yang berbeda dari pagu berlaku ditolak.",
        )
        parser.add_argument(
            "--tanggal",
            type=tanggal_argumen,
            help="Tanggal berlaku pagu baru (TTTT-BB-HH), wajib bersama --fase.",
        )

    def handle(self, *args, **options):
        self.jalankan(options, fase=options["fase"], tanggal_berlaku=options.get("tanggal"))
