"""Free text has a limit: a kendala, a note, an arahan or a tindak lanjut longer than its field
allows is refused by the form with an Indonesian message that says how long it is and how long it
may be, and nothing is saved — over HTTP, in the data-induk admin, and in the services. Every text
field people type is bounded, well inside an Excel cell (32.767 characters)."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from kegiatan.models import BatasTeks
from rakor import services as rakor_services
from rakor.models import (
    AGENDA_MAX,
    ALASAN_BUKA_MAX,
    ARAHAN_MAX,
    NOTULEN_MAX,
    REKOMENDASI_MAX,
    TINDAK_LANJUT_MAX,
    Arahan,
    PembukaanRakor,
    Rekomendasi,
)
from realisasi import kunci_admin
from realisasi.models import ALASAN_MAX, KENDALA_MAX, BukaKunci, Realisasi

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
DUA_MB = "x" * 2_000_000  # what the security probe saved
EXCEL_SEL_MAX = 32_767


def pesan(batas: int, panjang: int) -> str:
    """The message, with the counts written the Indonesian way (2.000)."""

    def titik(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return (
        f"Terlalu panjang: paling banyak {titik(batas)} karakter, "
        f"teks ini {titik(panjang)} karakter."
    )


@pytest.fixture(autouse=True)
def july_5(time_machine):
    """June is open for entry (until 10 July); the second quarter has ended."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def rakor(line_a, admin_user, pemda):
    return rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
        agenda="Evaluasi TW II",
    )


@pytest.fixture
def rekomendasi(rakor, dinkes, admin_user):
    return rakor_services.rekomendasi_add(
        rakor=rakor,
        perangkat_daerah=dinkes,
        isi="Percepat tender",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )


def detail(client, rakor):
    return client.get(reverse("rakor:detail", args=[rakor.pk]))


def rakor_form(rakor, **extra) -> dict:
    data = {
        "tahun": rakor.tahun,
        "triwulan": rakor.triwulan,
        "tanggal": rakor.tanggal.isoformat(),
        "tempat": rakor.tempat,
        "pimpinan_rapat": rakor.pimpinan_rapat,
        "agenda": rakor.agenda,
    }
    data.update(extra)
    return data


# --- The Rakor POK ----------------------------------------------------------------------------


def test_a_2_mb_arahan_is_refused_and_nothing_is_saved(client, admin_user, rakor):
    client.force_login(admin_user)
    url = reverse("rakor:arahan-tambah", args=[rakor.pk])
    response = client.post(url, {"arahan-isi": DUA_MB}, follow=True)
    assert pesan(ARAHAN_MAX, len(DUA_MB)) in response.text
    assert not Arahan.objects.exists()


def test_an_arahan_of_the_limit_is_saved(client, admin_user, rakor):
    client.force_login(admin_user)
    url = reverse("rakor:arahan-tambah", args=[rakor.pk])
    client.post(url, {"arahan-isi": "a" * ARAHAN_MAX})
    assert Arahan.objects.get().isi == "a" * ARAHAN_MAX
    assert f'maxlength="{ARAHAN_MAX}"' in detail(client, rakor).text


def test_a_too_long_rekomendasi_is_refused(client, admin_user, rakor, dinkes):
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:rekomendasi-tambah", args=[rakor.pk]),
        {
            "rekomendasi-perangkat_daerah": dinkes.pk,
            "rekomendasi-isi": "r" * (REKOMENDASI_MAX + 1),
            "rekomendasi-batas_waktu": "2026-08-31",
        },
        follow=True,
    )
    assert pesan(REKOMENDASI_MAX, REKOMENDASI_MAX + 1) in response.text
    assert not Rekomendasi.objects.exists()


def test_a_2_mb_tindak_lanjut_is_refused_and_nothing_is_saved(client, operator_dinkes, rekomendasi):
    client.force_login(operator_dinkes)
    response = client.post(
        reverse("rakor:tindak-lanjut", args=[rekomendasi.pk]),
        {"status": Rekomendasi.Status.DALAM_PROSES, "tindak_lanjut": DUA_MB},
    )
    assert response.status_code == 200
    assert pesan(TINDAK_LANJUT_MAX, len(DUA_MB)) in response.text
    rekomendasi.refresh_from_db()
    assert (rekomendasi.status, rekomendasi.tindak_lanjut) == (Rekomendasi.Status.BELUM, "")


def test_a_too_long_agenda_is_refused(client, admin_user, rakor):
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:ubah", args=[rakor.pk]),
        rakor_form(rakor, agenda="g" * (AGENDA_MAX + 1), pimpinan_rapat="Wakil Bupati"),
    )
    assert response.status_code == 200
    assert pesan(AGENDA_MAX, AGENDA_MAX + 1) in response.text
    rakor.refresh_from_db()
    assert (rakor.agenda, rakor.pimpinan_rapat) == ("Evaluasi TW II", "Bupati")


def test_too_long_minutes_of_a_final_rakor_are_refused(client, admin_user, rakor):
    rakor_services.rakor_finalise(rakor=rakor, by=admin_user)
    client.force_login(admin_user)
    url = reverse("rakor:ubah", args=[rakor.pk])
    response = client.post(url, {"catatan": "n" * (NOTULEN_MAX + 1)})
    assert response.status_code == 200
    assert pesan(NOTULEN_MAX, NOTULEN_MAX + 1) in response.text
    rakor.refresh_from_db()
    assert rakor.catatan == ""
    client.post(url, {"catatan": "n" * NOTULEN_MAX})
    rakor.refresh_from_db()
    assert rakor.catatan == "n" * NOTULEN_MAX


def test_a_too_long_reason_to_reopen_is_refused(client, admin_user, rakor):
    rakor_services.rakor_finalise(rakor=rakor, by=admin_user)
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:buka", args=[rakor.pk]),
        {"buka-alasan": "b" * (ALASAN_BUKA_MAX + 1)},
        follow=True,
    )
    assert pesan(ALASAN_BUKA_MAX, ALASAN_BUKA_MAX + 1) in response.text
    rakor.refresh_from_db()
    assert rakor.final and not PembukaanRakor.objects.exists()


# --- The monthly entry and the month locks ------------------------------------------------------


def test_a_too_long_kendala_is_refused_on_the_entry_page(client, operator_dinkes, dinkes, line_a):
    client.force_login(operator_dinkes)
    prefix = f"r{line_a.pk}"
    response = client.post(
        reverse("realisasi:entri", args=[dinkes.pk, 2026, 6]),
        {
            "action": "simpan",
            f"{prefix}-fisik": "50",
            f"{prefix}-keuangan": "1.000.000",
            f"{prefix}-kendala": "k" * (KENDALA_MAX + 1),
            f"{prefix}-solusi": "Tender ulang",
            f"{prefix}-versi": "0",
        },
    )
    assert response.status_code == 200
    assert pesan(KENDALA_MAX, KENDALA_MAX + 1) in response.text
    assert not Realisasi.objects.exists()


def test_the_data_induk_admin_keeps_the_limit(client, admin_user, dinkes):
    buka = kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=5,
        perangkat_daerah=dinkes,
        alasan="Server SIPD gangguan",
        berlaku_sampai=datetime.date(2026, 7, 10),
        by=admin_user,
    )
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:realisasi_bukakunci_change", args=[buka.pk]),
        {
            "kunci_bulan": buka.kunci_bulan_id,
            "perangkat_daerah": dinkes.pk,
            "alasan": "a" * (ALASAN_MAX + 1),
            "dibuka_oleh": admin_user.pk,
            "berlaku_sampai": "2026-07-10",
            "ditutup_pada_0": "",
            "ditutup_pada_1": "",
        },
    )
    assert response.status_code == 200
    assert pesan(ALASAN_MAX, ALASAN_MAX + 1) in response.text
    assert BukaKunci.objects.get(pk=buka.pk).alasan == "Server SIPD gangguan"


# --- The services and the models ----------------------------------------------------------------


def test_the_services_keep_the_limits_too(admin_user, rakor, rekomendasi):
    with pytest.raises(ValidationError) as refused:
        rakor_services.arahan_add(rakor=rakor, isi="a" * (ARAHAN_MAX + 1), by=admin_user)
    assert refused.value.message_dict["isi"] == [pesan(ARAHAN_MAX, ARAHAN_MAX + 1)]
    with pytest.raises(ValidationError):
        rakor_services.tindak_lanjut_update(
            rekomendasi=rekomendasi, status="selesai", tindak_lanjut=DUA_MB, by=admin_user
        )
    assert not Arahan.objects.exists()
    assert Rekomendasi.objects.get().tindak_lanjut == ""


# The frozen copies of a line's kendala and solusi in a finalised Rakor: written by the snapshot
# from realisasi's own (bounded) fields, never typed.
NOT_TYPED = {("rakor", "angkarakor", "kendala"), ("rakor", "angkarakor", "solusi")}


def test_every_text_people_type_is_bounded_inside_an_excel_cell():
    unbounded = []
    for label in ("akun", "perangkat_daerah", "kegiatan", "realisasi", "pengadaan", "rakor"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.get_fields():
                if not isinstance(field, models.CharField | models.TextField) or field.choices:
                    continue
                if (label, model._meta.model_name, field.name) in NOT_TYPED:
                    continue
                limits = [v.limit_value for v in field.validators if isinstance(v, BatasTeks)]
                if field.max_length:
                    limits.append(field.max_length)
                if not limits or min(limits) > EXCEL_SEL_MAX:
                    unbounded.append(f"{model._meta.label}.{field.name}")
    assert not unbounded, unbounded
