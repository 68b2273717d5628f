"""Personas shared by the tests: the operators of two PD, the Bappeda admin, the Bupati (pimpinan)
and the Inspektorat auditor."""

import os

import pytest

from akun.models import Role
from kegiatan.models import SumberDana
from perangkat_daerah.models import Pemda, PerangkatDaerah

from .builders import make_pd, make_sub_kegiatan, make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


@pytest.fixture
def pemda(db):
    return Pemda.objects.create(nama="Pemerintah Kabupaten Uji", sebutan_kepala_daerah="Bupati")


@pytest.fixture
def dinkes(db):
    return make_pd("1.02.01", "DINKES", "Dinas Kesehatan", jenis=PerangkatDaerah.Jenis.DINAS)


@pytest.fixture
def dpupr(db):
    return make_pd("1.03.01", "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang")


@pytest.fixture
def apbd(db):
    return SumberDana.objects.create(kode="PAD", nama="Pendapatan Asli Daerah", kelompok="apbd")


@pytest.fixture
def dak(db):
    return SumberDana.objects.create(kode="DAKF", nama="DAK Fisik", kelompok="dak")


@pytest.fixture
def operator_dinkes(dinkes):
    return make_user("operator_dinkes", Role.OPERATOR, dinkes)


@pytest.fixture
def operator_dpupr(dpupr):
    return make_user("operator_dpupr", Role.OPERATOR, dpupr)


@pytest.fixture
def admin_user(db):
    return make_user("admin_bappeda", Role.ADMIN, is_staff=True)


@pytest.fixture
def pimpinan(db):
    return make_user("bupati", Role.PIMPINAN)


@pytest.fixture
def auditor(db):
    return make_user("inspektur", Role.AUDITOR)


@pytest.fixture
def personas(operator_dinkes, operator_dpupr, admin_user, pimpinan, auditor):
    return {
        "operator_dinkes": operator_dinkes,
        "operator_dpupr": operator_dpupr,
        "admin": admin_user,
        "pimpinan": pimpinan,
        "auditor": auditor,
    }


@pytest.fixture
def puskesmas(db):
    return make_sub_kegiatan("1.02.02.2.01.0002", "Pembangunan Puskesmas")


@pytest.fixture
def jalan(db):
    return make_sub_kegiatan("1.03.10.2.01.0010", "Rehabilitasi Jalan")
