"""Builds the demo pemda: master data, two budget years of DPA lines with their pagu history, RKO
plan, monthly realisations, procurement packages and month locks.

Everything random comes from ``random.Random`` seeded with ``seed`` (and a key, so that one line's
numbers do not depend on how many lines came before it); dates come from ``tahun`` and
``bulan_berjalan`` only. Running it twice with the same arguments gives the same data.

The shape of the numbers (see DESIGN.md, "Figures"):

- each line has an S-shaped plan: cumulative target fisik rising to 100% in December and planned
  money per month summing to the pagu exactly (rounding remainder in December);
- the realisation follows the plan shifted later in time by a delay that is per PD (a few ahead,
  most a little behind, a few far behind) and shrinks towards December; money lags fisik;
- last year is complete and verified, with a refocusing cut in May and an APBD-P in
  September/October; this year runs up to the month before ``bulan_berjalan`` and is a little
  slower than last year.
"""

import calendar
import datetime
import math
import random
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models.functions import Coalesce
from django.test.utils import override_settings
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from akun.models import Role, User
from kegiatan.models import DPA, RKO, Kegiatan, Program, RiwayatPagu, SubKegiatan, SumberDana
from kegiatan.services import validate_rko
from pengadaan.models import PaketPengadaan
from perangkat_daerah.models import Pemda, PerangkatDaerah
from realisasi.models import (
    AturanPelaporan,
    BukaKunci,
    BuktiDukung,
    CatatanBulanan,
    KunciBulan,
    Realisasi,
)

from . import data

SEED_BAKU = 2026
RIBU = 1000
HUNDRED = Decimal(100)

Fase = RiwayatPagu.Fase
Status = Realisasi.Status
Tahap = PaketPengadaan.Tahap
Metode = PaketPengadaan.Metode

# The plan's shape per profile: ranges for the logistic's midpoint (month) and steepness, or None
# for a straight line; and how strongly the PD's delay shows in the line's realisation.
PROFIL = {
    "gaji": (None, None, 0.0),
    "rutin": (None, None, 0.3),
    "blud": (None, None, 0.4),
    "awal": ((2.0, 3.5), (0.8, 1.2), 0.6),
    "kegiatan": ((4.5, 6.5), (0.5, 0.9), 1.0),
    "bantuan": ((4.5, 6.5), (0.6, 1.2), 1.0),
    "konstruksi": ((6.3, 8.0), (0.8, 1.3), 1.0),
    "pengadaan": ((5.0, 7.5), (1.4, 2.4), 1.0),
}
# How many months the money disbursed lags the physical progress: bills and SPJ take time.
TELAT_UANG = {"gaji": (0.3, 0.6), "rutin": (0.4, 0.9), "blud": (0.4, 0.9), "awal": (0.5, 1.0)}
TELAT_UANG_LAIN = (1.5, 2.5)
# Delay (months) of a PD's realisation behind its plan, by performance class.
TELAT_PD = {"cepat": (-0.5, -0.1), "biasa": (0.0, 0.7), "lambat": (1.5, 2.5)}
TELAT_TAHUN_INI = 0.2  # this year runs a little behind last year…
TELAT_UANG_TAHUN_INI = 0.15  # …and pays a little later (allowances included)


# --- small helpers -----------------------------------------------------------------------------


def _rng(seed: int, *key) -> random.Random:
    """A generator of its own for one piece of the demo: seeded by the demo's seed and a key."""
    return random.Random(":".join(str(part) for part in (seed, *key)))


def _persen(fraction: float) -> Decimal:
    return Decimal(f"{100 * min(max(fraction, 0.0), 1.0):.2f}")


def _ribuan(juta: float) -> int:
    """A pagu in whole Rupiah, rounded to the thousand, from an amount in juta."""
    return int(round(juta * RIBU)) * RIBU


def _bagi(total: int, bobot: list[int | float]) -> list[int]:
    """``total`` split in proportion to ``bobot`` in whole Rupiah; the parts add up exactly."""
    jumlah = sum(bobot)
    parts, kumulatif, acc = [], 0, 0
    for i, b in enumerate(bobot):
        acc += b
        if i == len(bobot) - 1:
            nilai = total
        elif jumlah:
            nilai = int(round(total * acc / jumlah))
        else:
            nilai = total * (i + 1) // len(bobot)
        parts.append(nilai - kumulatif)
        kumulatif = nilai
    return parts


@dataclass(frozen=True)
class Kurva:
    """A cumulative share 0..1 of the year reached at month ``x`` (0..12): a logistic normalised to
    start at 0 in January and end at 1 in December, or a straight line when ``mid`` is None."""

    mid: float | None = None
    k: float = 1.0

    def _l(self, x: float) -> float:
        return 1.0 / (1.0 + math.exp(-self.k * (x - self.mid)))

    def __call__(self, x: float) -> float:
        x = min(max(x, 0.0), 12.0)
        if self.mid is None:
            return x / 12.0
        lo, hi = self._l(0.0), self._l(12.0)
        return (self._l(x) - lo) / (hi - lo)


def _aware(tanggal: datetime.date, jam: int = 9, menit: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        tanggal, datetime.time(jam, menit), tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def _akhir_bulan(tahun: int, bulan: int) -> datetime.date:
    return datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _bulan_berikut(tahun: int, bulan: int) -> tuple[int, int]:
    return (tahun + 1, 1) if bulan == 12 else (tahun, bulan + 1)


@contextmanager
def _tanpa_riwayat():
    """Deleting the demo's old rows should not write a "deleted" history row for each of them."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        yield


# --- the plan of one line ----------------------------------------------------------------------


@dataclass
class Perubahan:
    fase: str
    tanggal: datetime.date
    pagu: int
    keterangan: str


@dataclass
class Baris:
    """One DPA line as the demo plans it, before it is written."""

    tahun: int
    pd: PerangkatDaerah
    spec: data.PD
    sub: SubKegiatan
    sumber: SumberDana
    profil: str
    pagu_murni: int
    lokasi: list[str]
    indikator: str
    satuan: str
    target: Decimal
    pptk: tuple[str, str]
    fisik: list[Decimal] = field(default_factory=list)  # RKO cumulative target, 12 months
    uang_murni: list[int] = field(default_factory=list)  # RKO money per month, murni
    uang: list[int] = field(default_factory=list)  # RKO money per month, after every change
    perubahan: list[Perubahan] = field(default_factory=list)
    real_fisik: list[Decimal] = field(default_factory=list)  # model realisation, 12 months
    real_uang: list[int] = field(default_factory=list)  # money disbursed per month, 12 months
    uang_frac: list[float] = field(default_factory=list)
    kendala: tuple[str, str] = ("", "")
    dpa: DPA | None = None
    rko: list[RKO] = field(default_factory=list)

    @property
    def kunci(self):
        return (self.pd.kode, self.sub.kode, self.sumber.kode)

    @property
    def pagu(self) -> int:
        return self.perubahan[-1].pagu if self.perubahan else self.pagu_murni

    def pagu_bulan(self, bulan: int) -> int:
        akhir = _akhir_bulan(self.tahun, bulan)
        pagu = self.pagu_murni
        for p in self.perubahan:
            if p.tanggal <= akhir:
                pagu = p.pagu
        return pagu


def _rencana_uang(baris: Baris, kurva: Kurva) -> list[int]:
    pagu = baris.pagu_murni
    if baris.profil == "gaji":
        # Twelve salaries, the THR in March and the thirteenth salary in June.
        bobot = [1] * 12
        bobot[2] += 1
        bobot[5] += 1
        return _bagi(pagu, bobot)
    kumulatif = [int(round(pagu * kurva(m))) for m in range(1, 12)] + [pagu]
    return [b - a for a, b in zip([0, *kumulatif[:-1]], kumulatif, strict=True)]


def _rencana_ulang(uang: list[int], dari_bulan: int, pagu_baru: int) -> list[int]:
    """The plan re-made from ``dari_bulan`` on so that the twelve months sum to ``pagu_baru``; the
    months before keep what was planned, the rest keeps its shape."""
    tetap = uang[: dari_bulan - 1]
    sisa = pagu_baru - sum(tetap)
    if sisa < 0:
        raise ValueError("pagu baru lebih kecil dari rencana yang sudah berjalan")
    return tetap + _bagi(sisa, uang[dari_bulan - 1 :])


def _realisasi_uang(baris: Baris) -> list[int]:
    """Money disbursed per month: the cumulative share times the pagu in force that month, never
    above that pagu and never decreasing."""
    hasil, sebelum = [], 0
    for m in range(1, 13):
        pagu = baris.pagu_bulan(m)
        kumulatif = max(sebelum, min(pagu, int(round(baris.uang_frac[m - 1] * pagu))))
        hasil.append(kumulatif - sebelum)
        sebelum = kumulatif
    return hasil


# --- the builder -------------------------------------------------------------------------------


@dataclass
class Ringkasan:
    tahun: int
    bulan_berjalan: int
    seed: int
    jumlah: dict
    pagu: dict
    logins: list


class Builder:
    """Builds the demo. The size parameters default to the demo pemda (``demo.data``, two years);
    ``demo/management/commands/data_besar.py`` passes a larger set of PD, their lines'
    nomenclature and more years.

    ``jumlah_tahun``: the budget years ``tahun - jumlah_tahun + 1`` … ``tahun``; every year before
    ``tahun`` is complete and verified, the oldest ones shaped like last year. A PD spec's
    ``tahun`` "lalu" means every year before ``tahun``, "ini" only ``tahun``.
    """

    def __init__(
        self,
        *,
        tahun: int,
        bulan_berjalan: int,
        seed: int,
        stdout=None,
        jumlah_tahun: int = 2,
        perangkat_daerah: list[data.PD] | None = None,
        sub_kegiatan: dict | None = None,
    ):
        if jumlah_tahun < 2:
            raise ValueError("jumlah_tahun paling sedikit 2")
        self.tahun = tahun
        self.tahun_lalu = tahun - 1
        self.semua_tahun = list(range(tahun - jumlah_tahun + 1, tahun + 1))
        self.specs = list(data.PERANGKAT_DAERAH if perangkat_daerah is None else perangkat_daerah)
        self.sub_kegiatan = data.SUB_KEGIATAN if sub_kegiatan is None else sub_kegiatan
        self.bulan_berjalan = bulan_berjalan
        self.seed = seed
        self.stdout = stdout
        self.ambang = AturanPelaporan.current().ambang_deviasi_kendala

    def log(self, pesan: str) -> None:
        if self.stdout is not None:
            self.stdout.write(pesan)

    # master data ------------------------------------------------------------------------------

    def sync(self, model, rows: list[dict], key: str = "kode") -> dict:
        """Create or update ``model`` rows by their natural key; returns {key: object}."""
        existing = {
            getattr(obj, key): obj
            for obj in model.objects.filter(**{f"{key}__in": [r[key] for r in rows]})
        }
        baru, ubah, fields = [], [], set()
        for row in rows:
            obj = existing.get(row[key])
            if obj is None:
                baru.append(model(**row))
                continue
            for name, value in row.items():
                if getattr(obj, name) != value:
                    setattr(obj, name, value)
                    fields.add(name)
                    if obj not in ubah:
                        ubah.append(obj)
        if baru:
            model.objects.bulk_create(baru)
        if ubah:
            model.objects.bulk_update(ubah, sorted(fields))
        return {
            getattr(obj, key): obj
            for obj in model.objects.filter(**{f"{key}__in": [r[key] for r in rows]})
        }

    def master(self) -> None:
        pemda = Pemda.objects.order_by("pk").first() or Pemda()
        for name, value in data.PEMDA.items():
            setattr(pemda, name, value)
        pemda.save()

        self.sumber = self.sync(
            SumberDana,
            [
                {"kode": kode, "nama": nama, "kelompok": kelompok, "aktif": True}
                for kode, nama, kelompok in data.SUMBER_DANA
            ],
        )
        self.pd = self.sync(
            PerangkatDaerah,
            [
                {
                    "kode": spec.kode,
                    "nama": spec.nama,
                    "singkatan": spec.singkatan,
                    "jenis": spec.jenis,
                    "aktif": spec.tahun != "lalu",
                }
                for spec in self.specs
            ],
        )
        self.nomenklatur()
        self.pengguna()

    def nomenklatur(self) -> None:
        program, kegiatan, sub = dict(data.PROGRAM), dict(data.KEGIATAN), {}
        for kode, (nama, _, _) in self.sub_kegiatan.items():
            sub[kode] = nama
        for bidang in sorted({spec.bidang[0] for spec in self.specs}):
            program[f"{bidang}.01"] = data.PROGRAM_PENUNJANG
            for akhiran, nama in data.KEGIATAN_PENUNJANG.items():
                kegiatan[f"{bidang}.01.{akhiran}"] = nama
            for s in data.SUB_PENUNJANG:
                sub[f"{bidang}.01.{s.kegiatan}.{s.nomor}"] = s.nama
        programs = self.sync(Program, [{"kode": k, "nama": v} for k, v in sorted(program.items())])
        kegiatans = self.sync(
            Kegiatan,
            [
                {"kode": k, "nama": v, "program_id": programs[k.rsplit(".", 2)[0]].pk}
                for k, v in sorted(kegiatan.items())
            ],
        )
        self.sub = self.sync(
            SubKegiatan,
            [
                {"kode": k, "nama": v, "kegiatan_id": kegiatans[k.rsplit(".", 1)[0]].pk}
                for k, v in sorted(sub.items())
            ],
        )

    def pengguna(self) -> None:
        rows = [
            {
                "username": username,
                "role": role,
                "first_name": depan,
                "last_name": belakang,
                "jabatan": jabatan,
                "perangkat_daerah_id": None,
                "is_staff": role == Role.ADMIN,
                "is_active": True,
            }
            for username, role, depan, belakang, jabatan in data.PENGGUNA
        ]
        for spec in self.specs:
            rng = _rng(self.seed, "operator", spec.singkatan)
            depan, belakang, _ = self.nama_orang(rng)
            rows.append(
                {
                    "username": spec.operator,
                    "role": Role.OPERATOR,
                    "first_name": depan,
                    "last_name": belakang,
                    "jabatan": f"Pengadministrasi Perencanaan dan Program, {spec.nama}",
                    "perangkat_daerah_id": self.pd[spec.kode].pk,
                    "is_staff": False,
                    "is_active": spec.tahun != "lalu",
                }
            )
        self.users = self.sync(User, rows, key="username")
        # One hash per password: PBKDF2 is slow on purpose and the demo has forty-odd users.
        hashes = {role: make_password(password) for role, password in data.PASSWORD.items()}
        for user in self.users.values():
            password = data.PASSWORD[user.role]
            password_validation.validate_password(password, user)
            user.password = hashes[user.role]
        User.objects.bulk_update(self.users.values(), ["password"])
        self.admin = self.users["admin"]
        self.operator = {spec.kode: self.users[spec.operator] for spec in self.specs}

    def nama_orang(self, rng: random.Random, gelar: tuple = ()) -> tuple[str, str, int]:
        wanita = rng.random() < 0.45
        depan = rng.choice(data.NAMA_DEPAN_WANITA if wanita else data.NAMA_DEPAN_PRIA)
        belakang = rng.choice(data.NAMA_BELAKANG)
        if gelar:
            g = rng.choice(gelar)
            if g in ("dr.", "Ir."):
                depan = f"{g} {depan}"
            else:
                belakang = f"{belakang}, {g}"
        return depan, belakang, 2 if wanita else 1

    def pptk(self, spec: data.PD) -> list[tuple[str, str]]:
        rng = _rng(self.seed, "pptk", spec.singkatan)
        orang = []
        for _ in range(4):
            depan, belakang, kelamin = self.nama_orang(rng, spec.gelar)
            lahir = datetime.date(rng.randint(1970, 1992), rng.randint(1, 12), rng.randint(1, 28))
            cpns = (lahir.year + rng.randint(23, 30), rng.choice([1, 2, 3, 4, 12]))
            nip = f"{lahir:%Y%m%d}{cpns[0]:04d}{cpns[1]:02d}{kelamin}{rng.randint(1, 9):03d}"
            orang.append((f"{depan} {belakang}", nip))
        return orang

    # demo years: delete ------------------------------------------------------------------------

    def hapus(self) -> None:
        tahun = self.semua_tahun
        with _tanpa_riwayat():
            DPA.objects.filter(tahun__in=tahun).delete()
            KunciBulan.objects.filter(tahun__in=tahun).delete()
            CatatanBulanan.objects.filter(tahun__in=tahun).delete()
        # Their change history goes with them: it describes rows that no longer exist.
        dpa_lama = DPA.history.filter(tahun__in=tahun).values("id")
        realisasi_lama = Realisasi.history.filter(dpa_id__in=dpa_lama).values("id")
        BuktiDukung.history.filter(realisasi_id__in=realisasi_lama).delete()
        for model in (RKO, RiwayatPagu, Realisasi, PaketPengadaan):
            model.history.filter(dpa_id__in=dpa_lama).delete()
        DPA.history.filter(tahun__in=tahun).delete()
        kunci_lama = KunciBulan.history.filter(tahun__in=tahun).values("id")
        BukaKunci.history.filter(kunci_bulan_id__in=kunci_lama).delete()
        KunciBulan.history.filter(tahun__in=tahun).delete()
        CatatanBulanan.history.filter(tahun__in=tahun).delete()

    # demo years: plan -------------------------------------------------------------------------

    def rencana(self) -> list[Baris]:
        # A few PD ahead of their plan, most a little behind, four far behind (never the big
        # agencies, whose weight would swing the pemda's figures with the seed).
        rng = _rng(self.seed, "kelas-pd")
        specs = sorted(self.specs, key=lambda s: s.kode)
        kecil = [s.singkatan for s in specs if s.singkatan not in data.PD_UTAMA]
        lambat = rng.sample(kecil, min(4, len(kecil)))
        lain = [s.singkatan for s in specs if s.singkatan not in lambat]
        cepat = rng.sample(lain, min(3, len(lain)))
        self.kelas = {s.singkatan: "biasa" for s in specs}
        self.kelas.update(dict.fromkeys(lambat, "lambat"))
        self.kelas.update(dict.fromkeys(cepat, "cepat"))

        semua = []
        for tahun in self.semua_tahun:
            for spec in specs:
                if (spec.tahun == "lalu" and tahun == self.tahun) or (
                    spec.tahun == "ini" and tahun != self.tahun
                ):
                    continue
                semua.extend(self.baris_pd(spec, tahun))
        return semua

    def baris_pd(self, spec: data.PD, tahun: int) -> list[Baris]:
        pd = self.pd[spec.kode]
        pptk = self.pptk(spec)
        # A PD's pace is much the same every year, a little slower this year.
        telat_pd = _rng(self.seed, "telat", spec.singkatan).uniform(
            *TELAT_PD[self.kelas[spec.singkatan]]
        )
        telat_pd += _rng(self.seed, "telat", spec.singkatan, tahun).gauss(0, 0.1)
        if tahun == self.tahun:
            telat_pd += TELAT_TAHUN_INI
        kecil = spec.jenis == "kecamatan"
        bidang = spec.bidang[0]
        hasil = []
        for s in data.SUB_PENUNJANG:
            rng = _rng(self.seed, "baris", spec.kode, s.kegiatan, s.nomor, tahun)
            peluang = s.peluang if s.peluang == 1.0 or not kecil else s.peluang * 0.5
            if rng.random() >= peluang:
                continue
            sumber = s.sumber
            if sumber == "PAD" and rng.random() < 0.2:
                sumber = rng.choice(["DAU", "DBH"])
            if s.profil == "gaji":
                pagu = _ribuan(spec.gaji * RIBU * self.pertumbuhan(rng, tahun))
                target = Decimal(round(pagu / (14 * 6_900_000)))
            else:
                dasar = _rng(self.seed, "dasar", spec.kode, s.kegiatan, s.nomor).uniform(*s.pagu)
                skala = spec.skala * data.SKALA_PAGU
                pagu = _ribuan(dasar * skala * self.pertumbuhan(rng, tahun))
                target = Decimal(rng.randint(*s.target))
            if kecil:
                lokasi = spec.nama
            elif s.kegiatan in ("2.07", "2.09"):
                lokasi = f"Kantor {spec.nama}"
            else:
                lokasi = data.NAMA_KABUPATEN
            hasil.append(
                Baris(
                    tahun=tahun,
                    pd=pd,
                    spec=spec,
                    sub=self.sub[f"{bidang}.01.{s.kegiatan}.{s.nomor}"],
                    sumber=self.sumber[sumber],
                    profil=s.profil,
                    pagu_murni=pagu,
                    lokasi=[lokasi],
                    indikator=s.indikator,
                    satuan=s.satuan,
                    target=target,
                    pptk=pptk[0] if s.kegiatan in ("2.01", "2.02") else pptk[1],
                )
            )
        for i, b in enumerate(spec.baris):
            if b.sub not in self.sub_kegiatan:
                raise KeyError(f"sub kegiatan {b.sub} of {spec.singkatan} is not in data")
            rng = _rng(self.seed, "baris", spec.kode, b.sub, b.sumber, tahun)
            nama, indikator, satuan = self.sub_kegiatan[b.sub]
            dasar = _rng(self.seed, "dasar", spec.kode, b.sub, b.sumber).uniform(*b.pagu)
            skala = 1 if b.profil == "gaji" else data.SKALA_PAGU
            pagu = _ribuan(dasar * skala * self.pertumbuhan(rng, tahun))
            hasil.append(
                Baris(
                    tahun=tahun,
                    pd=pd,
                    spec=spec,
                    sub=self.sub[b.sub],
                    sumber=self.sumber[b.sumber],
                    profil=b.profil,
                    pagu_murni=pagu,
                    lokasi=self.lokasi(b.lokasi, pagu, rng, spec),
                    indikator=indikator,
                    satuan=satuan,
                    target=Decimal(rng.randint(*b.target)),
                    pptk=pptk[2 + i % 2] if not kecil else pptk[i % 2],
                )
            )
        for baris in hasil:
            self.kurva(baris, telat_pd)
        return hasil

    def pertumbuhan(self, rng: random.Random, tahun: int) -> float:
        """A line's pagu this year against its base; last year's was a little smaller."""
        return rng.uniform(0.99, 1.06) if tahun == self.tahun else rng.uniform(0.93, 1.02)

    def lokasi(self, jenis: str, pagu: int, rng: random.Random, spec: data.PD) -> list[str]:
        kecamatan = sorted(data.KECAMATAN)
        banyak = 1 if pagu < 5_000_000_000 else 2 if pagu < 15_000_000_000 else 3

        def desa():
            kec = rng.choice(kecamatan)
            return rng.choice(data.KECAMATAN[kec]), kec

        hasil = []
        for _ in range(banyak):
            d, kec = desa()
            if jenis == "ruas":
                a, b = rng.sample(data.KECAMATAN[kec], 2)
                teks = f"Ruas Jalan {a} – {b}, Kec. {kec}"
            elif jenis == "jembatan":
                teks = f"Jembatan Sungai {rng.choice(data.SUNGAI)}, Desa {d}, Kec. {kec}"
            elif jenis == "irigasi":
                teks = f"D.I. {rng.choice(data.DAERAH_IRIGASI)}, Kec. {kec}"
            elif jenis == "tebing":
                teks = f"Tebing Sungai {rng.choice(data.SUNGAI)}, Desa {d}, Kec. {kec}"
            elif jenis == "sd":
                teks = f"SDN {rng.randint(1, 4)} {d}, Kec. {kec}"
            elif jenis == "smp":
                teks = f"SMPN {rng.randint(1, 3)} {kec}"
            elif jenis == "puskesmas":
                teks = f"Puskesmas {kec}"
            elif jenis == "rsud":
                teks = "RSUD Sukamaju"
            elif jenis == "pasar":
                teks = f"Pasar {kec}"
            elif jenis == "tpa":
                teks = f"TPA {d}, Kec. {kec}"
            elif jenis == "wisata":
                teks = f"Kawasan Wisata Situ {d}, Kec. {kec}"
            elif jenis == "desa":
                teks = f"Desa {d}, Kec. {kec}"
            elif jenis == "kecamatan":
                teks = spec.nama
            else:
                teks = data.NAMA_KABUPATEN
            if teks not in hasil:
                hasil.append(teks)
        return hasil

    def kurva(self, baris: Baris, telat_pd: float) -> None:
        """The line's RKO plan and the model of its realisation over the twelve months."""
        # The line's habits (plan shape, own pace) hold from year to year, with a little jitter.
        watak = _rng(self.seed, "kurva", *baris.kunci)
        rng = _rng(self.seed, "kurva", *baris.kunci, baris.tahun)
        mid, k, faktor = PROFIL[baris.profil]
        if mid is None:
            rencana_fisik = Kurva()
            rencana_uang = Kurva()
        else:
            tengah = watak.uniform(*mid) + rng.uniform(-0.2, 0.2)
            rencana_fisik = Kurva(tengah, watak.uniform(*k))
            rencana_uang = Kurva(tengah + watak.uniform(0.2, 1.0), rencana_fisik.k)
        baris.fisik = [_persen(rencana_fisik(m)) for m in range(1, 12)] + [HUNDRED]
        baris.uang_murni = _rencana_uang(baris, rencana_uang)
        baris.uang = list(baris.uang_murni)

        telat = faktor * (telat_pd + watak.gauss(0, 0.25) + rng.gauss(0, 0.08))
        telat_uang = telat + rng.uniform(*TELAT_UANG.get(baris.profil, TELAT_UANG_LAIN))
        if baris.tahun == self.tahun:
            telat_uang += TELAT_UANG_TAHUN_INI
        akhir_fisik = 1.0 if rng.random() < 0.8 else rng.uniform(0.92, 0.995)
        akhir_uang = {
            "gaji": (0.975, 0.995),
            "rutin": (0.93, 0.99),
            "konstruksi": (0.86, 0.97),
        }.get(baris.profil, (0.9, 0.99))
        akhir_uang = min(rng.uniform(*akhir_uang), akhir_fisik)

        fisik, sebelum = [], Decimal(0)
        for m in range(1, 13):
            if baris.profil == "gaji":
                nilai = baris.fisik[m - 1]
            else:
                geser = telat * (1 - (m / 12) ** 4)
                nilai = _persen(akhir_fisik * rencana_fisik(m - geser))
            sebelum = max(sebelum, nilai)
            fisik.append(sebelum)
        baris.real_fisik = fisik

        rencana_kumulatif = [sum(baris.uang_murni[:m]) / baris.pagu_murni for m in range(13)]
        frac = []
        for m in range(1, 13):
            geser = telat_uang * (1 - (m / 12) ** 3)
            if baris.profil == "gaji":
                # Salaries follow their own plan (THR, thirteenth salary); allowances come late.
                x = min(max(m - geser, 0.0), 12.0)
                i = min(int(x), 11)
                a, b = rencana_kumulatif[i], rencana_kumulatif[i + 1]
                nilai = akhir_uang * (a + (b - a) * (x - i))
            else:
                nilai = akhir_uang * rencana_uang(m - geser)
            frac.append(nilai)
        baris.uang_frac = frac

        jenis = {baris.profil, "umum"}
        if baris.sumber.kode.startswith("DAK"):
            jenis.add("dak")
        if baris.spec.jenis == "kecamatan" or baris.spec.bidang[0] == "2.13":
            jenis.add("desa")
        if "Listrik" in baris.sub.nama:
            jenis.add("tagihan")
        pilihan = [(k, s) for j, k, s in data.KENDALA if j in jenis]
        baris.kendala = rng.choice(pilihan)

    # demo years: pagu changes ------------------------------------------------------------------

    def perubahan_pagu(self, semua: list[Baris]) -> None:
        rng = _rng(self.seed, "perubahan")
        y = self.tahun_lalu
        refocusing = datetime.date(y, 5, rng.randint(12, 20))
        apbd_p = datetime.date(y, 9, rng.randint(24, 30))
        y_ini = self.tahun
        pergeseran = datetime.date(y_ini, 3, rng.randint(10, 20))
        ket_geser = (
            f"Pergeseran anggaran antar sub kegiatan sesuai Peraturan Bupati Sukamaju Nomor 12 "
            f"Tahun {y_ini} tentang Perubahan atas Penjabaran APBD Tahun Anggaran {y_ini}"
        )
        dapat_diubah = [b for b in semua if b.profil not in ("gaji", "blud")]
        self.refocusing_dan_apbd_p(dapat_diubah, y, refocusing, apbd_p)
        for y_lama in self.semua_tahun[:-2]:
            # Older years (data_besar) have their own dates, leaving the demo's draws untouched.
            r = _rng(self.seed, "perubahan", y_lama)
            self.refocusing_dan_apbd_p(
                dapat_diubah,
                y_lama,
                datetime.date(y_lama, 5, r.randint(12, 20)),
                datetime.date(y_lama, 9, r.randint(24, 30)),
            )
        if self.bulan_berjalan >= 4:
            per_pd = defaultdict(list)
            for baris in dapat_diubah:
                if baris.tahun == y_ini and baris.pagu_murni >= 100_000_000:
                    per_pd[baris.pd.kode].append(baris)
            calon = sorted(per_pd)
            for kode in rng.sample(calon, min(8, len(calon))):
                if len(per_pd[kode]) < 2:
                    continue
                kurang, tambah = rng.sample(per_pd[kode], 2)
                geser = _ribuan(min(kurang.pagu, tambah.pagu) / 1e6 * rng.uniform(0.05, 0.15))
                if self.ubah(
                    kurang, Fase.PERGESERAN, pergeseran, None, ket_geser, kurang.pagu - geser
                ):
                    self.ubah(
                        tambah, Fase.PERGESERAN, pergeseran, None, ket_geser, tambah.pagu + geser
                    )

    def refocusing_dan_apbd_p(self, dapat_diubah, y: int, refocusing, apbd_p) -> None:
        """Year ``y``'s refocusing cut and APBD-P on some of its lines."""
        ket_refocusing = (
            f"Refocusing dan realokasi anggaran sesuai Peraturan Bupati Sukamaju Nomor 18 Tahun "
            f"{y} tentang Perubahan atas Penjabaran APBD Tahun Anggaran {y}"
        )
        ket_apbd_p = (
            f"Peraturan Daerah Kabupaten Sukamaju Nomor 9 Tahun {y} tentang Perubahan APBD Tahun "
            f"Anggaran {y}"
        )
        for baris in dapat_diubah:
            if baris.tahun != y:
                continue
            r = _rng(self.seed, "ubah", *baris.kunci, baris.tahun)
            if r.random() < 0.28:
                self.ubah(baris, Fase.REFOCUSING, refocusing, 1 - r.uniform(0.10, 0.35),
                          ket_refocusing)  # fmt: skip
            if r.random() < 0.035:
                faktor = (
                    1 + r.uniform(0.05, 0.25) if r.random() < 0.7 else 1 - r.uniform(0.05, 0.15)
                )
                self.ubah(baris, Fase.PERUBAHAN, apbd_p, faktor, ket_apbd_p)

    def ubah(self, baris, fase, tanggal, faktor, keterangan, pagu_baru=None) -> bool:
        """A new pagu from ``tanggal``: the plan is re-made from the next month; a cut never goes
        below what is already planned or spent."""
        bulan = tanggal.month
        pagu_lama = baris.pagu
        if pagu_baru is None:
            pagu_baru = _ribuan(pagu_lama * faktor / 1e6)
        if pagu_baru < pagu_lama:
            baris.real_uang = _realisasi_uang(baris)
            sudah = max(sum(baris.uang[:bulan]), sum(baris.real_uang[: bulan - 1]))
            batas = _ribuan(sudah * 1.05 / 1e6) + RIBU
            if pagu_baru < batas:
                if pagu_lama - batas < pagu_lama * 0.05 or fase == Fase.PERGESERAN:
                    return False
                pagu_baru = batas
        baris.perubahan.append(Perubahan(fase, tanggal, pagu_baru, keterangan))
        baris.uang = _rencana_ulang(baris.uang, bulan + 1, pagu_baru)
        return True

    # demo years: write ---------------------------------------------------------------------------

    def tulis(self, semua: list[Baris]) -> None:
        for baris in semua:
            baris.real_uang = _realisasi_uang(baris)
            rencana = list(zip(baris.fisik, map(Decimal, baris.uang), strict=True))
            validate_rko(Decimal(baris.pagu), rencana)
        self.tulis_dpa(semua)
        self.tulis_rko(semua)
        self.tulis_realisasi(semua)
        self.tulis_paket(semua)
        self.tulis_kunci()

    def tulis_dpa(self, semua: list[Baris]) -> None:
        dpas = []
        for baris in semua:
            dpa = DPA(
                tahun=baris.tahun,
                perangkat_daerah=baris.pd,
                sub_kegiatan=baris.sub,
                sumber_dana=baris.sumber,
                nama_sub_kegiatan=baris.sub.nama,
                pagu=Decimal(baris.pagu_murni),
                lokasi="; ".join(baris.lokasi)[:300],
                indikator_keluaran=baris.indikator,
                target_keluaran=baris.target,
                satuan_keluaran=baris.satuan,
                pptk_nama=baris.pptk[0],
                pptk_nip=baris.pptk[1],
            )
            dpa._history_date = _aware(datetime.date(baris.tahun, 1, 2), 8)
            dpa._history_user = self.admin
            dpa._change_reason = "Input DPA murni"
            baris.dpa = dpa
            dpas.append(dpa)
        bulk_create_with_history(dpas, DPA, batch_size=500)

        riwayat = []
        for baris in semua:
            riwayat.append(
                self.riwayat(
                    baris,
                    Fase.MURNI,
                    datetime.date(baris.tahun, 1, 1),
                    baris.pagu_murni,
                    f"APBD murni Tahun Anggaran {baris.tahun}",
                )  # fmt: skip
            )
            riwayat.extend(
                self.riwayat(baris, p.fase, p.tanggal, p.pagu, p.keterangan)
                for p in baris.perubahan
            )
        bulk_create_with_history(riwayat, RiwayatPagu, batch_size=500)

        per_tanggal = defaultdict(list)
        for baris in semua:
            for p in baris.perubahan:
                per_tanggal[(p.tanggal, p.fase)].append((baris.dpa, p))
        for (tanggal, fase), pasangan in sorted(per_tanggal.items()):
            for dpa, p in pasangan:
                dpa.pagu = Decimal(p.pagu)
                dpa._history_date = _aware(tanggal, 10)
                dpa._history_user = self.admin
                dpa._change_reason = Fase(fase).label
            bulk_update_with_history([d for d, _ in pasangan], DPA, ["pagu"], batch_size=500)

        # dicatat_pada is auto_now_add: say when each phase was recorded, not when the demo ran.
        for tanggal in sorted({r.tanggal_berlaku for r in riwayat}):
            ditulis = _aware(tanggal, 9)
            RiwayatPagu.objects.filter(
                dpa__tahun__in=self.semua_tahun, tanggal_berlaku=tanggal
            ).update(dicatat_pada=ditulis)
            RiwayatPagu.history.filter(
                dpa_id__in=[b.dpa.pk for b in semua], tanggal_berlaku=tanggal
            ).update(dicatat_pada=ditulis)

    def riwayat(self, baris, fase, tanggal, pagu, keterangan) -> RiwayatPagu:
        r = RiwayatPagu(
            dpa=baris.dpa, fase=fase, tanggal_berlaku=tanggal, pagu=Decimal(pagu),
            keterangan=keterangan[:300],
        )  # fmt: skip
        r._history_date = _aware(tanggal, 9)
        r._history_user = self.admin
        return r

    def tulis_rko(self, semua: list[Baris]) -> None:
        rkos, berubah = [], defaultdict(list)
        for baris in semua:
            for m in range(1, 13):
                rko = RKO(
                    dpa=baris.dpa,
                    bulan=m,
                    target_fisik=baris.fisik[m - 1],
                    target_keuangan=Decimal(baris.uang_murni[m - 1]),
                )
                rko._history_date = _aware(datetime.date(baris.tahun, 1, 2), 8)
                rko._history_user = self.admin
                baris.rko.append(rko)
                rkos.append(rko)
        bulk_create_with_history(rkos, RKO, batch_size=1000)
        # Re-planned months get a second history row on the day of the change.
        for baris in semua:
            uang = list(baris.uang_murni)
            for p in baris.perubahan:
                uang_baru = _rencana_ulang(uang, p.tanggal.month + 1, p.pagu)
                for m in range(p.tanggal.month + 1, 13):
                    if uang_baru[m - 1] != uang[m - 1]:
                        berubah[(p.tanggal, p.fase)].append((baris.rko[m - 1], uang_baru[m - 1]))
                uang = uang_baru
        for (tanggal, fase), pasangan in sorted(berubah.items(), key=lambda kv: kv[0]):
            for rko, nilai in pasangan:
                rko.target_keuangan = Decimal(nilai)
                rko._history_date = _aware(tanggal, 10)
                rko._history_user = self.admin
                rko._change_reason = f"RKO disesuaikan ({Fase(fase).label})"
            bulk_update_with_history(
                [r for r, _ in pasangan], RKO, ["target_keuangan"], batch_size=1000
            )

    def status_bulan_lalu(self) -> tuple[set, dict]:
        """Which PD have not reported last month, and which had their report returned."""
        rng = _rng(self.seed, "status", self.tahun, self.bulan_berjalan)
        calon = sorted(
            spec.kode
            for spec in self.specs
            if spec.tahun != "lalu" and spec.singkatan not in data.PD_UTAMA
        )
        belum = set(rng.sample(calon, min(rng.choice([3, 4]), len(calon))))
        sisa = [k for k in calon if k not in belum]
        dikembalikan = rng.sample(sisa, min(2, len(sisa)))
        return belum, {
            kode: data.CATATAN_DIKEMBALIKAN[i % len(data.CATATAN_DIKEMBALIKAN)]
            for i, kode in enumerate(dikembalikan)
        }

    def tulis_realisasi(self, semua: list[Baris]) -> None:
        bulan_terakhir = self.bulan_berjalan - 1
        belum, dikembalikan = self.status_bulan_lalu() if bulan_terakhir else (set(), {})
        self.belum_lapor, self.dikembalikan = belum, dikembalikan
        waktu = {}

        def kapan(pd_kode: str, tahun: int, bulan: int):
            """When the PD submitted the month and when the admin acted on it."""
            if (pd_kode, tahun, bulan) not in waktu:
                rng = _rng(self.seed, "waktu", pd_kode, tahun, bulan)
                if tahun == self.tahun and bulan == bulan_terakhir:
                    akhir = _akhir_bulan(tahun, bulan)
                    diajukan = _aware(
                        akhir - datetime.timedelta(days=rng.randint(2, 5)),
                        rng.randint(8, 15), rng.randint(0, 59),
                    )  # fmt: skip
                    diperiksa = diajukan + datetime.timedelta(days=1, hours=rng.randint(0, 5))
                else:
                    y, m = _bulan_berikut(tahun, bulan)
                    diajukan = _aware(
                        datetime.date(y, m, rng.randint(2, 8)), rng.randint(8, 15),
                        rng.randint(0, 59),
                    )  # fmt: skip
                    diperiksa = diajukan + datetime.timedelta(
                        days=rng.randint(1, 4), hours=rng.randint(0, 6)
                    )
                waktu[(pd_kode, tahun, bulan)] = (diajukan, diperiksa)
            return waktu[(pd_kode, tahun, bulan)]

        objs = []
        for baris in semua:
            sampai = 12 if baris.tahun < self.tahun else bulan_terakhir
            pd_kode = baris.pd.kode
            for m in range(1, sampai + 1):
                if baris.tahun == self.tahun and m == bulan_terakhir and pd_kode in belum:
                    continue
                status, catatan, versi = Status.DIVERIFIKASI, "", 2
                if baris.tahun == self.tahun and m == bulan_terakhir:
                    status, versi = Status.DIAJUKAN, 1
                    if pd_kode in dikembalikan:
                        status, catatan, versi = Status.DIKEMBALIKAN, dikembalikan[pd_kode], 2
                diajukan, diperiksa = kapan(pd_kode, baris.tahun, m)
                fisik = baris.real_fisik[m - 1]
                terlambat = baris.fisik[m - 1] - fisik > self.ambang
                operator = self.operator[baris.spec.kode]
                verifikator = self.admin if status != Status.DIAJUKAN else None
                r = Realisasi(
                    dpa=baris.dpa,
                    bulan=m,
                    realisasi_fisik=fisik,
                    realisasi_keuangan=Decimal(baris.real_uang[m - 1]),
                    kendala=baris.kendala[0] if terlambat else "",
                    solusi=baris.kendala[1] if terlambat else "",
                    status=status,
                    catatan_verifikasi=catatan,
                    versi=versi,
                    diubah_oleh=operator,
                    diajukan_pada=diajukan,
                    diverifikasi_oleh=verifikator,
                    diverifikasi_pada=diperiksa if verifikator else None,
                )
                r._history_date = diperiksa if verifikator else diajukan
                r._history_user = verifikator or operator
                objs.append(r)
        bulk_create_with_history(objs, Realisasi, batch_size=1000)
        # diubah_pada is auto_now: the last change is the verification, or else the submission.
        dpa_ids = [b.dpa.pk for b in semua]
        terakhir = Coalesce("diverifikasi_pada", "diajukan_pada")
        Realisasi.objects.filter(dpa_id__in=dpa_ids).update(diubah_pada=terakhir)
        Realisasi.history.filter(dpa_id__in=dpa_ids).update(diubah_pada=terakhir)

        for kode, catatan in sorted(dikembalikan.items()):
            c = CatatanBulanan(
                perangkat_daerah=self.pd[kode],
                tahun=self.tahun,
                bulan=bulan_terakhir,
                catatan=catatan,
                ditulis_oleh=self.admin,
            )
            c._history_date = kapan(kode, self.tahun, bulan_terakhir)[1]
            c._history_user = self.admin
            bulk_create_with_history([c], CatatanBulanan)
            CatatanBulanan.objects.filter(pk=c.pk).update(diubah_pada=c._history_date)
            CatatanBulanan.history.filter(id=c.pk).update(diubah_pada=c._history_date)

    def tulis_paket(self, semua: list[Baris]) -> None:
        paket = []
        nomor = defaultdict(int)
        for baris in semua:
            rng = _rng(self.seed, "paket", *baris.kunci, baris.tahun)
            nama_sub = baris.sub.nama
            if baris.profil == "konstruksi" and baris.pagu_murni >= 800_000_000:
                konsultan = baris.pagu_murni >= 2_000_000_000
                hps_total = _ribuan(baris.pagu_murni * rng.uniform(0.86, 0.92) / 1e6)
                hps_konsultan = _ribuan(baris.pagu_murni * rng.uniform(0.02, 0.04) / 1e6)
                if konsultan:
                    hps_total -= hps_konsultan
                bobot = [rng.uniform(0.7, 1.3) for _ in baris.lokasi]
                bagian = [RIBU * b for b in _bagi(hps_total // RIBU, bobot)]
                for lokasi, hps in zip(baris.lokasi, bagian, strict=True):
                    paket.append(self.paket(baris, rng, f"{nama_sub} {lokasi}", hps, "konstruksi"))
                if konsultan:
                    nama = f"Jasa Konsultansi Pengawasan {nama_sub} {baris.lokasi[0]}"
                    paket.append(self.paket(baris, rng, nama, hps_konsultan, "konsultansi"))
            elif baris.profil == "pengadaan" and baris.pagu_murni >= 500_000_000:
                hps = _ribuan(baris.pagu_murni * rng.uniform(0.9, 0.98) / 1e6)
                paket.append(
                    self.paket(baris, rng, f"{nama_sub} {baris.lokasi[0]}", hps, "pengadaan")
                )
            elif baris.sub.nama.startswith("Pemeliharaan Rutin"):
                paket.append(self.paket(baris, rng, f"{nama_sub} (Swakelola)", None, "swakelola"))
            elif baris.sub.kode == "1.03.12.2.02.0005":
                hps = _ribuan(baris.pagu_murni * rng.uniform(0.85, 0.95) / 1e6)
                paket.append(
                    self.paket(baris, rng, f"Jasa Konsultansi {nama_sub}", hps, "konsultansi")
                )
        for p in paket:
            if p.nomor_kontrak:
                key = (p.dpa.tahun, p.dpa.perangkat_daerah_id)
                nomor[key] += 1
                p.nomor_kontrak = p.nomor_kontrak.replace("{n}", f"{nomor[key]:03d}")
        bulk_create_with_history(paket, PaketPengadaan, batch_size=500)

    def paket(self, baris: Baris, rng: random.Random, nama: str, hps, jenis: str):
        tahun = baris.tahun
        mulai = next((m for m in range(1, 13) if baris.real_fisik[m - 1] >= 2), 12)
        kontrak = datetime.date(tahun, mulai, 1) - datetime.timedelta(days=rng.randint(0, 20))
        kontrak = max(kontrak, datetime.date(tahun, 2, 1))
        if jenis == "swakelola":
            metode = Metode.SWAKELOLA
        elif jenis == "konsultansi":
            metode = Metode.SELEKSI if hps > 100_000_000 else Metode.PENGADAAN_LANGSUNG
        elif jenis == "konstruksi":
            metode = Metode.PENGADAAN_LANGSUNG if hps <= 200_000_000 else (
                Metode.TENDER_CEPAT if rng.random() < 0.1 else Metode.TENDER
            )  # fmt: skip
        else:
            metode = Metode.E_PURCHASING if rng.random() < 0.7 else (
                Metode.TENDER if hps > 200_000_000 else Metode.PENGADAAN_LANGSUNG
            )  # fmt: skip
        diumumkan = metode in (Metode.TENDER, Metode.TENDER_CEPAT, Metode.SELEKSI)
        pilih = datetime.timedelta(days=rng.randint(21, 40) if diumumkan else rng.randint(5, 14))
        pengumuman = max(kontrak - pilih, datetime.date(tahun, 1, 10))
        lama = (
            rng.randint(90, 180) if jenis in ("konstruksi", "konsultansi") else rng.randint(30, 75)
        )
        selesai = min(kontrak + datetime.timedelta(days=lama), datetime.date(tahun, 12, 20))
        bulan_selesai = next((m for m in range(1, 13) if baris.real_fisik[m - 1] >= 99), None)
        if bulan_selesai is not None:
            serah = datetime.date(tahun, bulan_selesai, rng.randint(5, 25))
            serah = min(
                max(serah, kontrak + datetime.timedelta(days=20)), datetime.date(tahun, 12, 28)
            )
        elif tahun < self.tahun:
            serah = datetime.date(tahun, 12, rng.randint(18, 28))
        else:
            serah = None

        hari_ini = (
            datetime.date(self.tahun, self.bulan_berjalan, 1)
            if tahun == self.tahun
            else datetime.date(self.tahun, 1, 1)
        )
        if serah is not None and serah <= hari_ini:
            tahap = Tahap.SERAH_TERIMA
        elif kontrak <= hari_ini:
            tahap = Tahap.KONTRAK if (hari_ini - kontrak).days <= 14 else Tahap.PELAKSANAAN
        elif pengumuman <= hari_ini:
            tahap = Tahap.PEMILIHAN
        else:
            tahap = Tahap.PERENCANAAN
        if metode == Metode.SWAKELOLA and tahap == Tahap.KONTRAK:
            tahap = Tahap.PELAKSANAAN
        berkontrak = tahap in (Tahap.KONTRAK, Tahap.PELAKSANAAN, Tahap.SERAH_TERIMA)

        penyedia, nilai, nomor = "", None, ""
        if berkontrak and metode != Metode.SWAKELOLA:
            penyedia = self.penyedia(rng, jenis, hps)
            nilai = Decimal(_ribuan(hps * rng.uniform(0.86, 0.985) / 1e6))
            singkat = baris.pd.singkatan.replace(" ", "").replace(".", "").upper()
            romawi = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
            if metode == Metode.E_PURCHASING:
                nomor = f"EP-{tahun}-{rng.randint(100000, 999999)}"
            else:
                jenis_surat = "SPK" if metode == Metode.PENGADAAN_LANGSUNG else "SP"
                nomor = f"027/{{n}}/{jenis_surat}-{singkat}/{romawi[kontrak.month - 1]}/{tahun}"
        return PaketPengadaan(
            dpa=baris.dpa,
            nama=nama[:300],
            metode=metode,
            hps=Decimal(hps) if hps is not None else None,
            nilai_kontrak=nilai,
            penyedia=penyedia,
            nomor_kontrak=nomor,
            tahap=tahap,
            tanggal_pengumuman=pengumuman if diumumkan and tahap != Tahap.PERENCANAAN else None,
            tanggal_kontrak=kontrak if berkontrak and metode != Metode.SWAKELOLA else None,
            tanggal_selesai_rencana=selesai if berkontrak else None,
            tanggal_serah_terima=serah if tahap == Tahap.SERAH_TERIMA else None,
        )

    def penyedia(self, rng: random.Random, jenis: str, hps: int) -> str:
        badan = "PT" if hps > 2_500_000_000 or rng.random() < 0.3 else "CV"
        a, b = rng.sample(data.PENYEDIA_KATA, 2)
        akhiran = rng.choice(data.PENYEDIA_AKHIRAN.get(jenis, data.PENYEDIA_AKHIRAN["pengadaan"]))
        return f"{badan} {a} {b} {akhiran}"

    def tulis_kunci(self) -> None:
        rows = []

        def kunci(tahun, bulan, batas, dikunci):
            k = KunciBulan(
                tahun=tahun,
                bulan=bulan,
                batas_pengisian=batas,
                dikunci_pada=_aware(batas + datetime.timedelta(days=1), 8) if dikunci else None,
                dikunci_oleh=self.admin if dikunci else None,
            )
            k._history_date = _aware(datetime.date(tahun, bulan, 1), 7)
            k._history_user = self.admin
            rows.append(k)

        def tanggal_10(tahun, bulan):
            return datetime.date(*_bulan_berikut(tahun, bulan), 10)

        for tahun in self.semua_tahun[:-1]:
            for m in range(1, 13):
                kunci(tahun, m, tanggal_10(tahun, m), True)
        b = self.bulan_berjalan
        for m in range(1, b - 1):
            kunci(self.tahun, m, tanggal_10(self.tahun, m), True)
        if b >= 2:
            kunci(self.tahun, b - 1, _akhir_bulan(self.tahun, b), False)
        kunci(self.tahun, b, tanggal_10(self.tahun, b), False)
        bulk_create_with_history(rows, KunciBulan)

    # summary ----------------------------------------------------------------------------------

    def ringkasan(self) -> Ringkasan:
        tahun = self.semua_tahun
        dpa = DPA.objects.filter(tahun__in=tahun)
        jumlah = {
            "perangkat_daerah": PerangkatDaerah.objects.filter(
                kode__in=[s.kode for s in self.specs]
            ).count(),
            "program": Program.objects.count(),
            "kegiatan": Kegiatan.objects.count(),
            "sub_kegiatan": SubKegiatan.objects.count(),
            "sumber_dana": SumberDana.objects.count(),
            "dpa": {t: dpa.filter(tahun=t).count() for t in tahun},
            "riwayat_pagu": {
                fase: RiwayatPagu.objects.filter(dpa__tahun__in=tahun, fase=fase).count()
                for fase in Fase.values
            },
            "rko": RKO.objects.filter(dpa__tahun__in=tahun).count(),
            "realisasi": {
                status: Realisasi.objects.filter(dpa__tahun__in=tahun, status=status).count()
                for status in Status.values
            },
            "paket": PaketPengadaan.objects.filter(dpa__tahun__in=tahun).count(),
            "kunci_bulan": KunciBulan.objects.filter(tahun__in=tahun).count(),
            "pengguna": len(self.users),
            "belum_lapor": sorted(self.pd_singkatan(k) for k in self.belum_lapor),
            "dikembalikan": sorted(self.pd_singkatan(k) for k in self.dikembalikan),
        }
        pagu = {t: sum(b.pagu for b in self.semua if b.tahun == t) for t in tahun}
        logins = []
        urutan = {s: i for i, s in enumerate(data.PD_UTAMA)}
        for user in sorted(
            self.users.values(),
            key=lambda u: (
                u.role == Role.OPERATOR,
                urutan.get(u.perangkat_daerah.singkatan if u.perangkat_daerah else "", 99),
                u.perangkat_daerah.kode if u.perangkat_daerah else "",
                u.username,
            ),
        ):
            if user.is_active:
                logins.append(
                    (
                        user.username,
                        data.PASSWORD[user.role],
                        user.get_role_display(),
                        user.perangkat_daerah.singkatan if user.perangkat_daerah else "–",
                    )
                )
        return Ringkasan(self.tahun, self.bulan_berjalan, self.seed, jumlah, pagu, logins)

    def pd_singkatan(self, kode: str) -> str:
        return self.pd[kode].singkatan

    # all of it --------------------------------------------------------------------------------

    def build(self) -> Ringkasan:
        self.log("Data induk: pemda, sumber dana, perangkat daerah, nomenklatur, pengguna…")
        self.master()
        lama = ", ".join(str(t) for t in self.semua_tahun[:-1])
        self.log(f"Menghapus data tahun {lama} dan {self.tahun} yang lama…")
        self.hapus()
        self.log("Menyusun DPA, RKO dan realisasi…")
        semua = sorted(self.rencana(), key=lambda b: (b.tahun, b.kunci))
        self.perubahan_pagu(semua)
        self.semua = semua
        self.log("Menulis ke basis data…")
        self.tulis(semua)
        return self.ringkasan()


def build_demo(
    *, tahun: int, bulan_berjalan: int, seed: int = SEED_BAKU, stdout=None, **ukuran
) -> Ringkasan:
    """Build (or rebuild) the demo for budget years ``tahun - 1`` and ``tahun``, with this year
    reported up to the month before ``bulan_berjalan``. Safe to run again: master data is updated
    in place, the two years are deleted and written anew.

    ``ukuran``: the size parameters of ``Builder`` (``jumlah_tahun``, ``perangkat_daerah``,
    ``sub_kegiatan``); left out, the demo pemda."""
    if not 1 <= bulan_berjalan <= 12:
        raise ValueError("bulan_berjalan harus 1–12")
    with transaction.atomic():
        return Builder(
            tahun=tahun, bulan_berjalan=bulan_berjalan, seed=seed, stdout=stdout, **ukuran
        ).build()
