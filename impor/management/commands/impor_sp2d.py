from impor.models import Impor
from impor.perintah import PerintahImpor


class Command(PerintahImpor):
    help = (
        "Impor SP2D dari berkas .xlsx (templat dari menu Impor, lembar 'SP2D'): satu baris per "
        "SP2D. Nilai dijumlahkan per DPA per bulan dan menggantikan realisasi keuangan bulan itu; "
        "bulan tanpa baris realisasi dibuat sebagai draft dengan realisasi fisik bulan "
        "sebelumnya. Tanpa --terapkan hanya mencetak pratinjau dan semua galat; dengan "
        "--terapkan menyimpan semuanya dalam satu transaksi, atau tidak sama sekali bila ada "
        "galat. Contoh: python manage.py impor_sp2d sp2d-maret.xlsx --tahun 2026 --terapkan "
        "--pengguna admin"
    )
    jenis = Impor.Jenis.SP2D

    def add_arguments(self, parser):
        self.add_common_arguments(parser)

    def handle(self, *args, **options):
        self.jalankan(options)
