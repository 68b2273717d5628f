"""Small builders for test data: a PD, a user, a sub kegiatan with its parents, a DPA line."""

from decimal import Decimal

from akun.models import User
from kegiatan import services as kegiatan_services
from kegiatan.models import Kegiatan, Program, SubKegiatan
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

PASSWORD = "Rahasia-Uji-2026"


def make_pd(kode: str, singkatan: str, nama: str | None = None, **fields) -> PerangkatDaerah:
    return PerangkatDaerah.objects.create(
        kode=kode, singkatan=singkatan, nama=nama or f"Dinas {singkatan}", **fields
    )


def make_user(username: str, role: str, perangkat_daerah=None, **fields) -> User:
    user = User(username=username, role=role, perangkat_daerah=perangkat_daerah, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_sub_kegiatan(kode: str, nama: str = "Sub kegiatan uji") -> SubKegiatan:
    """The sub kegiatan with this code, creating its program and kegiatan on the way."""
    kegiatan_kode = kode.rsplit(".", 1)[0]
    program_kode = kegiatan_kode.rsplit(".", 2)[0]
    program, _ = Program.objects.get_or_create(kode=program_kode, defaults={"nama": "Program uji"})
    kegiatan, _ = Kegiatan.objects.get_or_create(
        kode=kegiatan_kode, defaults={"program": program, "nama": "Kegiatan uji"}
    )
    return SubKegiatan.objects.create(kegiatan=kegiatan, kode=kode, nama=nama)


def even_rko(pagu: Decimal, fisik: list[Decimal] | None = None):
    """Twelve months: cumulative fisik rising evenly to 100, money split evenly, the remainder in
    December."""
    fisik = fisik or [Decimal(round(100 * m / 12, 2)) for m in range(1, 13)]
    fisik[-1] = Decimal(100)
    monthly = (pagu / 12).quantize(Decimal(1))
    money = [monthly] * 11 + [pagu - monthly * 11]
    return list(zip(fisik, money, strict=True))


def make_dpa(
    perangkat_daerah,
    sub_kegiatan,
    sumber_dana,
    pagu,
    tahun=2026,
    rko=True,
    **fields,
):
    pagu = Decimal(pagu)
    dpa = kegiatan_services.dpa_create(
        tahun=tahun,
        perangkat_daerah=perangkat_daerah,
        sub_kegiatan=sub_kegiatan,
        sumber_dana=sumber_dana,
        pagu=pagu,
        **fields,
    )
    if rko:
        kegiatan_services.rko_set(dpa=dpa, targets=even_rko(pagu))
    return dpa


JT = Decimal(1_000_000)  # one juta rupiah


def report(dpa, bulan, fisik, keuangan, status=Realisasi.Status.DIVERIFIKASI):
    return Realisasi.objects.create(
        dpa=dpa,
        bulan=bulan,
        realisasi_fisik=Decimal(fisik),
        realisasi_keuangan=Decimal(keuangan),
        status=status,
    )
