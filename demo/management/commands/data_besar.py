"""``python manage.py data_besar``: the demo pemda grown to the size of the largest ones, for the
benchmark (``bench/run.py``) and for trying SiPOK at scale.

It is ``demo.builder`` with more of everything: the demo's Perangkat Daerah plus more kecamatan,
every PD budgeting many more sub kegiatan (the demo's own lines first, then more lines spread over
the kegiatan of its bidang), and three budget years instead of two. Same shapes (S-curve RKO,
lagging realisations, refocusing, APBD-P, pergeseran, procurement), same logins, deterministic.
"""

import time
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from demo import data
from demo.builder import SEED_BAKU, Builder, _bagi, _rng
from kegiatan.models import DPA, TAHUN_MAX, TAHUN_MIN
from laporan import figures
from laporan import format as fmt
from laporan.periode import Periode
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

PD_BAKU, DPA_BAKU, TAHUN_BAKU = 60, 5000, 3
# The PD whose operator the benchmark logs in as: its DPA has exactly this many lines a year (when
# the size allows), and its last reported month is saved as draft, not yet submitted.
PD_ENTRI, BARIS_ENTRI = "Dinkes", 150

HELP = f"""\
Mengisi basis data dengan pemda demo berukuran besar untuk uji kinerja (benchmark): baku {PD_BAKU}
perangkat daerah, {DPA_BAKU:_} baris DPA per tahun anggaran, {TAHUN_BAKU} tahun anggaran dengan
RKO 12 bulan dan realisasi lengkap (tahun berjalan sampai bulan lalu). Bentuk datanya sama dengan
`manage.py demo` (kurva S, keterlambatan per PD, refocusing, APBD-P, pergeseran, paket
pengadaan, akun demo yang sama); PD {PD_ENTRI} memiliki tepat {BARIS_ENTRI} baris DPA per tahun dan
realisasi bulan terakhirnya masih draft (belum diajukan), untuk mengukur halaman entri.

Deterministik: argumen yang sama menghasilkan data yang sama. Aman dijalankan ulang: seluruh DPA
tahun-tahun tersebut dihapus lalu dibangun ulang.

The demo pemda at the size of the largest ones, for the benchmark (bench/run.py). Deterministic.
""".replace(f"{DPA_BAKU:_}", f"{DPA_BAKU:_}".replace("_", "."))

# More kecamatan for a larger pemda: names in the demo's Priangan style, made from these parts.
_AWAL = ["Suka", "Ci", "Mekar", "Karang", "Tanjung", "Pasir", "Sindang", "Giri", "Bojong", "Jati",
         "Marga", "Wangi"]  # fmt: skip
_AKHIR = ["mulya", "sari", "jaya", "asih", "rahayu", "manah", "galih", "resmi", "laksana", "harja",
          "wening", "tengah"]  # fmt: skip

# Profiles of the additional lines: (weight, pagu range in juta, output target range, lokasi).
_PROFIL_TAMBAHAN = {
    "kegiatan": (45, (80, 900), (2, 40), "kab"),
    "konstruksi": (20, (600, 6000), (1, 8), "desa"),
    "pengadaan": (15, (250, 2500), (5, 60), "kab"),
    "rutin": (10, (100, 1200), (12, 12), "kab"),
    "bantuan": (10, (400, 4000), (20, 400), "desa"),
}
_SUMBER_TAMBAHAN = [("PAD", 35), ("DAU", 25), ("DAU-DP", 10), ("DBH", 10), ("DAK-FR", 8),
                    ("BANKEU-PROV", 5), ("DBHCHT", 4), ("PAJAK-ROKOK", 3)]  # fmt: skip
_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _nama_kecamatan() -> list[str]:
    """Kecamatan names not in the demo, in a fixed order."""
    lama = set(data.KECAMATAN)
    nama = []
    for akhir in _AKHIR:
        for awal in _AWAL:
            n = f"{awal}{akhir}"
            if n not in lama and n.lower() not in {x.lower() for x in nama}:
                nama.append(n)
    return nama


def _kecamatan_tambahan(jumlah: int) -> list[data.PD]:
    """``jumlah`` kecamatan after the demo's eight, budgeted like them."""
    nama = _nama_kecamatan()
    if jumlah > len(nama):
        raise CommandError(f"Paling banyak {len(nama)} kecamatan tambahan.")
    return [
        data._kecamatan(9 + i, nama[i], round(2.6 + (i * 7 % 10) / 10, 1)) for i in range(jumlah)
    ]


def pd_paling_banyak() -> int:
    return sum(1 for s in data.PERANGKAT_DAERAH if s.tahun != "lalu") + len(_nama_kecamatan())


def pilih_pd(jumlah: int) -> list[data.PD]:
    """The PD of a pemda with ``jumlah`` PD budgeting this year: the demo's main PD first, then its
    others, then more kecamatan. A PD that existed only last year (merged into another) comes with
    its successor."""
    utama = {s: i for i, s in enumerate([PD_ENTRI, *data.PD_UTAMA])}
    demo = sorted(
        data.PERANGKAT_DAERAH,
        key=lambda s: (utama.get(s.singkatan, len(utama)), data.PERANGKAT_DAERAH.index(s)),
    )
    ini = [s for s in demo if s.tahun != "lalu"]
    lalu = [s for s in demo if s.tahun == "lalu"]
    dipilih = ini[:jumlah] + _kecamatan_tambahan(max(0, jumlah - len(ini)))
    if any(s.tahun == "ini" for s in dipilih):
        dipilih += lalu
    return dipilih


def _bidang_kegiatan(spec: data.PD) -> list[str]:
    """The kegiatan of the PD's bidang outside the penunjang program, in code order."""
    return sorted(
        kode for kode in data.KEGIATAN if kode[:4] in spec.bidang and kode.split(".")[2] != "01"
    )


class Nomenklatur:
    """The sub kegiatan the additional lines use: first the demo's own under each kegiatan, then
    numbered ones (0501, 0502…) named after them; shared by every PD of the bidang."""

    def __init__(self):
        self.sub = dict(data.SUB_KEGIATAN)
        self.per_kegiatan: dict[str, list[str]] = {}

    def ke(self, kegiatan: str, urutan: int) -> str:
        daftar = self.per_kegiatan.get(kegiatan)
        if daftar is None:
            daftar = sorted(k for k in data.SUB_KEGIATAN if k.rsplit(".", 1)[0] == kegiatan)
            self.per_kegiatan[kegiatan] = daftar
        asli = sorted(k for k in data.SUB_KEGIATAN if k.rsplit(".", 1)[0] == kegiatan)
        while len(daftar) <= urutan:
            n = len(daftar) - len(asli)
            kode = f"{kegiatan}.{501 + n:04d}"
            if asli:
                nama, indikator, satuan = data.SUB_KEGIATAN[asli[n % len(asli)]]
            else:
                nama = data.KEGIATAN[kegiatan]
                indikator, satuan = f"Jumlah Dokumen {nama}", "dokumen"
            wilayah = _ROMAWI[(n // max(len(asli), 1)) % len(_ROMAWI)]
            self.sub[kode] = (f"{nama} Wilayah {wilayah}"[:400], indikator, satuan)
            daftar.append(kode)
        return daftar[urutan]


def _baris_tambahan(spec, jumlah: int, nomenklatur: Nomenklatur, seed: int) -> tuple:
    """``jumlah`` more DPA lines for the PD, round-robin over the kegiatan of its bidang, so that
    its detail report has a real program → kegiatan → sub kegiatan tree."""
    kegiatan = _bidang_kegiatan(spec)
    if not kegiatan:
        return ()
    rng = _rng(seed, "besar", spec.kode)
    dipakai = {(b.sub, b.sumber) for b in spec.baris}
    per_kegiatan = dict.fromkeys(kegiatan, 0)
    profil = list(_PROFIL_TAMBAHAN)
    hasil = []
    while len(hasil) < jumlah:
        for keg in kegiatan:
            if len(hasil) >= jumlah:
                break
            sub = nomenklatur.ke(keg, per_kegiatan[keg])
            per_kegiatan[keg] += 1
            p = rng.choices(profil, weights=[v[0] for v in _PROFIL_TAMBAHAN.values()])[0]
            if spec.jenis == "kecamatan" and p in ("konstruksi", "bantuan"):
                p = "kegiatan"
            _, pagu, target, lokasi = _PROFIL_TAMBAHAN[p]
            if spec.jenis == "kecamatan":
                lokasi, pagu = "kecamatan", (pagu[0] / 2, pagu[1] / 4)
            sumber = rng.choices(*zip(*_SUMBER_TAMBAHAN, strict=True))[0]
            if (sub, sumber) in dipakai:
                continue
            dipakai.add((sub, sumber))
            hasil.append(data.Baris(sub, sumber, pagu, p, target, lokasi))
    return tuple(hasil)


def kuota_baris(specs: list[data.PD], jumlah_dpa: int) -> dict[str, int]:
    """DPA lines a year per PD code: in proportion to the PD's size, at least one each; the
    benchmark's PD gets exactly ``BARIS_ENTRI`` when the total allows it. A PD that existed only
    last year gets its successor's number, so every year has ``jumlah_dpa`` lines."""
    ini = [s for s in specs if s.tahun != "lalu"]
    if jumlah_dpa < len(ini):
        raise CommandError(f"--dpa ({jumlah_dpa}) harus paling sedikit --pd ({len(ini)}).")
    kuota = {}
    tetap = next((s for s in ini if s.singkatan == PD_ENTRI), None)
    if tetap is not None and jumlah_dpa - BARIS_ENTRI >= 2 * (len(ini) - 1):
        kuota[tetap.kode] = BARIS_ENTRI
        ini = [s for s in ini if s is not tetap]
    sisa = jumlah_dpa - sum(kuota.values()) - len(ini)
    for spec, n in zip(ini, _bagi(sisa, [s.skala for s in ini]), strict=True):
        kuota[spec.kode] = 1 + n
    penerus = [s for s in specs if s.tahun == "ini"]
    for spec in specs:
        if spec.tahun == "lalu":
            kuota[spec.kode] = kuota[penerus[0].kode] if penerus else 1
    return kuota


class BuilderBesar(Builder):
    """``demo.builder.Builder`` with a fixed number of lines per PD and year."""

    def __init__(self, *, jumlah_pd: int, jumlah_dpa: int, **kwargs):
        specs = pilih_pd(jumlah_pd)
        self.kuota = kuota_baris(specs, jumlah_dpa)
        nomenklatur = Nomenklatur()
        specs = [
            replace(
                spec,
                baris=spec.baris
                + _baris_tambahan(spec, self.kuota[spec.kode], nomenklatur, kwargs["seed"]),
            )
            for spec in specs
        ]
        super().__init__(perangkat_daerah=specs, sub_kegiatan=nomenklatur.sub, **kwargs)

    def baris_pd(self, spec, tahun):
        # The demo's choice of penunjang lines varies by year; the tail of the additional lines
        # gives way, so that the PD has its number of lines every year.
        return super().baris_pd(spec, tahun)[: self.kuota[spec.kode]]

    def build(self):
        ringkasan = super().build()
        self.entri_draft()
        return ringkasan

    def entri_draft(self) -> None:
        """The benchmark's PD has saved its last month but not submitted it yet."""
        bulan = self.bulan_berjalan - 1
        spec = next((s for s in self.specs if s.singkatan == PD_ENTRI), None)
        if spec is None or bulan < 1:
            return
        rows = Realisasi.objects.filter(
            dpa__perangkat_daerah=self.pd[spec.kode], dpa__tahun=self.tahun, bulan=bulan
        )
        values = {
            "status": Realisasi.Status.DRAFT,
            "diajukan_pada": None,
            "diverifikasi_oleh": None,
            "diverifikasi_pada": None,
            "catatan_verifikasi": "",
            "versi": 1,
        }
        Realisasi.history.filter(id__in=rows.values("pk")).update(**values)
        rows.update(**values)


def build_besar(
    *,
    tahun: int,
    bulan_berjalan: int,
    jumlah_pd: int = PD_BAKU,
    jumlah_dpa: int = DPA_BAKU,
    jumlah_tahun: int = TAHUN_BAKU,
    seed: int = SEED_BAKU,
    stdout=None,
):
    """Build (or rebuild) the large pemda; see the command's help."""
    if not 1 <= bulan_berjalan <= 12:
        raise ValueError("bulan_berjalan harus 1–12")
    with transaction.atomic():
        return BuilderBesar(
            tahun=tahun,
            bulan_berjalan=bulan_berjalan,
            seed=seed,
            stdout=stdout,
            jumlah_tahun=jumlah_tahun,
            jumlah_pd=jumlah_pd,
            jumlah_dpa=jumlah_dpa,
        ).build()


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
            "--pd",
            type=int,
            default=PD_BAKU,
            help=f"Jumlah perangkat daerah tahun berjalan (baku: {PD_BAKU}).",
        )
        parser.add_argument(
            "--dpa",
            type=int,
            default=DPA_BAKU,
            help=f"Jumlah baris DPA per tahun anggaran (baku: {DPA_BAKU}).",
        )
        parser.add_argument(
            "--tahun",
            type=int,
            default=TAHUN_BAKU,
            help=f"Jumlah tahun anggaran, yang terakhir tahun berjalan (baku: {TAHUN_BAKU}).",
        )
        parser.add_argument(
            "--tahun-berjalan",
            type=int,
            default=today.year,
            help=f"Tahun anggaran berjalan (baku: {today.year}).",
        )
        parser.add_argument(
            "--bulan-berjalan",
            type=int,
            default=today.month,
            help="Bulan berjalan 1–12; realisasi tahun berjalan terisi sampai bulan sebelumnya "
            f"(baku: {today.month}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=SEED_BAKU,
            help=f"Benih bilangan acak (baku: {SEED_BAKU}).",
        )

    def handle(self, *args, pd, dpa, tahun, tahun_berjalan, bulan_berjalan, seed, **options):
        if not 1 <= pd <= pd_paling_banyak():
            raise CommandError(f"--pd harus 1–{pd_paling_banyak()}.")
        if not 2 <= tahun <= 10:
            raise CommandError("--tahun (jumlah tahun anggaran) harus 2–10.")
        if not TAHUN_MIN + tahun <= tahun_berjalan <= TAHUN_MAX:
            raise CommandError(f"--tahun-berjalan harus {TAHUN_MIN + tahun}–{TAHUN_MAX}.")
        if not 1 <= bulan_berjalan <= 12:
            raise CommandError("--bulan-berjalan harus 1–12.")
        if dpa > 200_000:
            raise CommandError("--dpa paling banyak 200.000 baris per tahun.")
        verbose = options.get("verbosity", 1) >= 1
        mulai = time.perf_counter()
        ringkasan = build_besar(
            tahun=tahun_berjalan,
            bulan_berjalan=bulan_berjalan,
            jumlah_pd=pd,
            jumlah_dpa=dpa,
            jumlah_tahun=tahun,
            seed=seed,
            stdout=self.stdout if verbose else None,
        )
        if verbose:
            self.cetak(ringkasan, time.perf_counter() - mulai)

    def cetak(self, r, detik: float) -> None:
        out, j = self.stdout, r.jumlah
        out.write(self.style.SUCCESS(f"Data besar selesai ({detik:.1f} detik)."))
        out.write(f"  Perangkat daerah : {j['perangkat_daerah']}")
        for t, n in j["dpa"].items():
            out.write(f"  DPA {t}         : {n} baris, pagu {fmt.rupiah(r.pagu[t])}")
        out.write(f"  RKO              : {j['rko']} baris")
        out.write(f"  Realisasi        : {sum(j['realisasi'].values())} baris")
        out.write(f"  Paket pengadaan  : {j['paket']}")
        entri = PerangkatDaerah.objects.filter(singkatan=PD_ENTRI).first()
        if entri is not None:
            n = DPA.objects.filter(perangkat_daerah=entri, tahun=r.tahun).count()
            out.write(f"  PD entri         : {entri.singkatan}, {n} baris DPA {r.tahun}")
        if r.bulan_berjalan > 1:
            a = figures.angka_pemda(Periode(r.tahun, r.bulan_berjalan - 1))
            out.write(
                f"  Angka pemda      : fisik {fmt.persen(a.fisik)} (target "
                f"{fmt.persen(a.target_fisik)}), keuangan {fmt.persen(a.keuangan_persen)}"
            )
        out.write(
            "  Akun             : admin, pimpinan, operator_dinkes … dengan kata sandi akun demo "
            "(lihat README)."
        )
