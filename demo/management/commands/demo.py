"""``python manage.py demo``: fill the database with a believable demo pemda."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from akun.models import User
from demo.builder import SEED_BAKU, build_demo
from demo.data import PASSWORD, demo_usernames
from kegiatan.models import DPA, NAMA_BULAN, TAHUN_MAX, TAHUN_MIN
from laporan import figures
from laporan import format as fmt
from laporan.periode import Periode
from perangkat_daerah.models import Pemda

HELP = """\
Mengisi basis data dengan data demo "Pemerintah Kabupaten Sukamaju" (fiktif): 39 perangkat daerah,
nomenklatur Permendagri 90/2019 (Kepmendagri 050-5889/2021), sumber dana, DPA dua tahun anggaran
dengan riwayat pagu (murni, refocusing, perubahan, pergeseran), RKO bulanan, realisasi fisik dan
keuangan beserta kendala/solusi, paket pengadaan, kunci bulan, dan akun demo per peran.

Tahun lalu (TAHUN-1) lengkap 12 bulan dan terverifikasi; tahun ini (TAHUN) terlapor sampai bulan
sebelum BULAN_BERJALAN: bulan-bulan lama terverifikasi, bulan terakhir sebagian diajukan, dua PD
dikembalikan dan tiga-empat PD belum melapor.

Aman dijalankan berulang kali: data induk diperbarui di tempat; SELURUH DPA tahun TAHUN-1 dan
TAHUN (beserta RKO, riwayat pagu, realisasi, paket, kunci bulan dan riwayat perubahannya) dihapus
lalu dibangun ulang. Hasilnya sama persis untuk TAHUN, BULAN_BERJALAN dan SEED yang sama.
Kata sandi akun demo tetap dan dicetak di akhir.

Fills the database with a fictional kabupaten's two budget years for demos and manual testing. Safe
to run again: it replaces every DPA line of the two years; same arguments give the same data.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        today = timezone.localdate()
        parser.add_argument(
            "--tahun",
            type=int,
            default=today.year,
            help=f"Tahun anggaran berjalan / current budget year (baku: {today.year}).",
        )
        parser.add_argument(
            "--bulan-berjalan",
            type=int,
            default=today.month,
            help="Bulan berjalan 1–12; realisasi tahun ini terisi sampai bulan sebelumnya / "
            f"current month, reports exist up to the month before (baku: {today.month}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=SEED_BAKU,
            help=f"Benih bilangan acak / random seed (baku: {SEED_BAKU}).",
        )
        parser.add_argument(
            "--jika-kosong",
            action="store_true",
            help="Hanya bangun bila belum ada DPA sama sekali; bila sudah ada, cukup cetak akun "
            "demo / only build when the database has no DPA line yet, else just print the logins.",
        )

    def handle(self, *args, tahun, bulan_berjalan, seed, jika_kosong=False, **options):
        if jika_kosong and DPA.objects.exists():
            self.stdout.write("Basis data sudah berisi DPA; data demo tidak dibangun ulang.")
            self.cetak_akun(
                [
                    (u.username, PASSWORD.get(u.role, ""), u.get_role_display(), pd)
                    for u in User.objects.filter(username__in=demo_usernames())
                    .select_related("perangkat_daerah")
                    .order_by("role", "username")
                    for pd in [u.perangkat_daerah.singkatan if u.perangkat_daerah else "–"]
                ]
            )
            return
        if not TAHUN_MIN < tahun <= TAHUN_MAX:
            raise CommandError(f"--tahun harus {TAHUN_MIN + 1}–{TAHUN_MAX}.")
        if not 1 <= bulan_berjalan <= 12:
            raise CommandError("--bulan-berjalan harus 1–12.")
        mulai = time.perf_counter()
        log = self.stdout if options.get("verbosity", 1) >= 1 else None
        ringkasan = build_demo(tahun=tahun, bulan_berjalan=bulan_berjalan, seed=seed, stdout=log)
        detik = time.perf_counter() - mulai
        if options.get("verbosity", 1) >= 1:
            self.cetak(ringkasan, detik)

    def cetak(self, r, detik: float) -> None:
        out, j = self.stdout, r.jumlah
        lalu, ini = r.tahun - 1, r.tahun
        out.write("")
        out.write(
            self.style.SUCCESS(f"Data demo {Pemda.current().nama} selesai ({detik:.1f} detik).")
        )
        out.write(f"  Perangkat daerah      : {j['perangkat_daerah']}")
        out.write(
            f"  Nomenklatur           : {j['program']} program, {j['kegiatan']} kegiatan, "
            f"{j['sub_kegiatan']} sub kegiatan; {j['sumber_dana']} sumber dana"
        )
        for t in (lalu, ini):
            out.write(f"  DPA {t}              : {j['dpa'][t]} baris, pagu {fmt.rupiah(r.pagu[t])}")
        fase = ", ".join(f"{k} {v}" for k, v in j["riwayat_pagu"].items())
        out.write(f"  Riwayat pagu          : {fase}")
        out.write(f"  RKO                   : {j['rko']} baris")
        status = ", ".join(f"{k} {v}" for k, v in j["realisasi"].items() if v)
        out.write(f"  Realisasi             : {status}")
        out.write(f"  Paket pengadaan       : {j['paket']}")
        out.write(f"  Kunci bulan           : {j['kunci_bulan']}")
        if r.bulan_berjalan > 1:
            bulan = NAMA_BULAN[r.bulan_berjalan - 1]
            out.write(f"  Belum melapor {bulan:9s}: {', '.join(j['belum_lapor'])}")
            out.write(f"  Dikembalikan {bulan:10s}: {', '.join(j['dikembalikan'])}")
            periode = Periode(ini, r.bulan_berjalan - 1)
            for p in (periode, periode.tahun_lalu):
                a = figures.angka_pemda(p)
                out.write(
                    f"  Angka pemda {str(p):11s}: fisik {fmt.persen(a.fisik)} "
                    f"(target {fmt.persen(a.target_fisik)}), "
                    f"keuangan {fmt.persen(a.keuangan_persen)} "
                    f"(target {fmt.persen(a.target_keuangan_persen)})"
                )
        self.cetak_akun(r.logins)

    def cetak_akun(self, logins) -> None:
        out = self.stdout
        out.write("")
        out.write(self.style.MIGRATE_HEADING("Akun demo (kata sandi tetap):"))
        if not logins:
            out.write("  (tidak ada akun demo)")
            return
        lebar = max(len(u) for u, *_ in logins)
        out.write(f"  {'username':{lebar}}  {'kata sandi':22}  {'peran':12}  perangkat daerah")
        for username, password, peran, pd in logins:
            out.write(f"  {username:{lebar}}  {password:22}  {peran:12}  {pd}")
