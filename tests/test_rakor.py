"""Rakor POK: the meeting record, its frozen figures, directives and follow-ups."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kegiatan.models import DPA
from laporan import figures, reports
from laporan.periode import Periode
from rakor import services, snapshot
from rakor.models import AngkaRakor, Rakor, Rekomendasi
from realisasi import kunci, kunci_admin
from realisasi.models import Realisasi

from .builders import JT

JUNE = Periode(2026, 6)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0), tick=False)


@pytest.fixture
def rakor_tw2(lines, admin_user, pemda, now):
    return services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="",
        virtual=True,
        pimpinan_rapat="Bupati",
        agenda="Evaluasi TW II",
    )


def test_a_second_rakor_for_the_same_triwulan_is_refused(client, admin_user, rakor_tw2):
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:baru"),
        {
            "tahun": 2026,
            "triwulan": 2,
            "tanggal": "2026-07-28",
            "tempat": "Pendopo",
            "pimpinan_rapat": "Wakil Bupati",
        },
    )
    assert response.status_code == 200
    assert "Rakor POK untuk tahun dan triwulan ini sudah ada" in response.text
    assert Rakor.objects.count() == 1


def test_the_admin_creates_a_rakor_through_the_form(client, admin_user, now):
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:baru"),
        {"tahun": 2026, "triwulan": 2, "tanggal": "2026-07-27", "pimpinan_rapat": "Bupati"},
    )
    assert "Isi tempat rapat, atau tandai sebagai rapat virtual" in response.text
    response = client.post(
        reverse("rakor:baru"),
        {
            "tahun": 2026,
            "triwulan": 2,
            "tanggal": "2026-07-27",
            "tempat": "Ruang Amarta",
            "pimpinan_rapat": "Bupati",
        },
    )
    rakor = Rakor.objects.get()
    assert response["Location"] == reverse("rakor:detail", kwargs={"pk": rakor.pk})
    assert rakor.history.first().history_user == admin_user


def test_finalising_freezes_what_the_report_module_computes(rakor_tw2, admin_user):
    expected_pemda = figures.angka_pemda(JUNE)
    expected_pd = reports.rekap_per_pd(JUNE, DPA.objects.all())
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    frozen = snapshot.materi_beku(rakor_tw2, "Kabupaten Uji")
    assert frozen.headline.sekarang == expected_pemda
    assert frozen.headline.tahun_lalu == figures.angka_pemda(JUNE.tahun_lalu)
    assert [(r.kode, r.sekarang, r.peringkat, r.warna, r.bobot) for r in frozen.rekap_pd.baris] == [
        (r.kode, r.sekarang, r.peringkat, r.warna, r.bobot) for r in expected_pd.baris
    ]
    assert AngkaRakor.objects.filter(rakor=rakor_tw2, tingkat="dpa").count() == 3


def test_finalising_locks_the_quarters_months(rakor_tw2, admin_user, dinkes):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    for bulan in (4, 5, 6):
        assert not kunci.status_bulan(dinkes, 2026, bulan).terbuka
    assert kunci.status_bulan(dinkes, 2026, 7).terbuka
    rakor_tw2.refresh_from_db()
    assert rakor_tw2.final and rakor_tw2.difinalkan_oleh == admin_user
    with pytest.raises(ValidationError, match="sudah difinalkan"):
        services.rakor_finalise(rakor=rakor_tw2, by=admin_user)


def test_a_quarter_not_yet_ended_cannot_be_finalised(lines, admin_user, now):
    rakor = services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=3,
        tanggal=datetime.date(2026, 10, 20),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    with pytest.raises(ValidationError, match="belum berakhir"):
        services.rakor_finalise(rakor=rakor, by=admin_user)


def test_frozen_figures_survive_a_later_correction_while_the_current_ones_move(
    client, rakor_tw2, admin_user, pimpinan, dinkes, lines
):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    frozen_before = snapshot.materi_beku(rakor_tw2, "x").headline.sekarang
    # The admin reopens May for Dinkes; a correction is made and verified.
    kunci_admin.kunci_open_for_pd(
        tahun=2026,
        bulan=5,
        perangkat_daerah=dinkes,
        alasan="Koreksi SP2D yang tertinggal",
        berlaku_sampai=datetime.date(2026, 7, 31),
        by=admin_user,
    )
    assert kunci.status_bulan(dinkes, 2026, 5).terbuka
    Realisasi.objects.filter(dpa=lines["a"], bulan=5).update(
        realisasi_fisik=Decimal(55), realisasi_keuangan=120 * JT
    )
    assert snapshot.materi_beku(rakor_tw2, "x").headline.sekarang == frozen_before
    assert figures.angka_pemda(JUNE) != frozen_before

    client.force_login(pimpinan)
    page = client.get(reverse("rakor:detail", kwargs={"pk": rakor_tw2.pk})).text
    assert "progres fisik 44,17%" in " ".join(page.split())
    compared = client.get(reverse("rakor:detail", kwargs={"pk": rakor_tw2.pk}), {"bandingkan": 1})
    text = " ".join(compared.text.split())
    assert "progres fisik 44,17%" in text  # the meeting's figure
    assert "Angka terkini:</strong> fisik 46,67%" in text  # (600·55 + 3000·45) / 3600
    assert text.count('data-testid="baris-berubah"') == 1  # only Dinkes moved


def test_reopening_needs_a_reason_that_is_kept(rakor_tw2, admin_user):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    with pytest.raises(ValidationError, match="wajib diisi"):
        services.rakor_reopen(rakor=rakor_tw2, alasan="  ", by=admin_user)
    services.rakor_reopen(rakor=rakor_tw2, alasan="Salah input DAK", by=admin_user)
    rakor_tw2.refresh_from_db()
    assert rakor_tw2.status == "draft"
    assert rakor_tw2.pembukaan.get().alasan == "Salah input DAK"


def test_a_finalised_rakor_refuses_edits_but_accepts_minutes(rakor_tw2, admin_user):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    with pytest.raises(ValidationError, match="sudah difinalkan"):
        services.arahan_add(rakor=rakor_tw2, isi="Percepat", by=admin_user)
    with pytest.raises(ValidationError, match="sudah difinalkan"):
        services.rakor_update(rakor=rakor_tw2, by=admin_user, tempat="Lain")
    services.rakor_update(rakor=rakor_tw2, by=admin_user, catatan="Notulen lengkap")


def test_open_follow_ups_carry_over_to_the_next_rakor(rakor_tw2, admin_user, dinkes, dpupr):
    open_item = services.rekomendasi_add(
        rakor=rakor_tw2,
        perangkat_daerah=dinkes,
        isi="Percepat tender puskesmas",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    done = services.rekomendasi_add(
        rakor=rakor_tw2,
        perangkat_daerah=dpupr,
        isi="Selesaikan kontrak jalan",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    services.tindak_lanjut_update(
        rekomendasi=done, status="selesai", tindak_lanjut="Kontrak ditandatangani", by=admin_user
    )
    tw3 = services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=3,
        tanggal=datetime.date(2026, 10, 20),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    assert list(services.tindak_lanjut_terbuka(tw3)) == [open_item]
    assert list(services.tindak_lanjut_terbuka(rakor_tw2)) == []


def test_follow_up_needs_a_description_once_started(rakor_tw2, admin_user, dinkes):
    item = services.rekomendasi_add(
        rakor=rakor_tw2,
        perangkat_daerah=dinkes,
        isi="Percepat",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    with pytest.raises(ValidationError, match="Uraikan tindak lanjut"):
        services.tindak_lanjut_update(
            rekomendasi=item, status="dalam_proses", tindak_lanjut="", by=admin_user
        )


def test_the_operator_updates_their_pds_follow_up_only(
    client, rakor_tw2, admin_user, dinkes, operator_dinkes, operator_dpupr, pimpinan
):
    item = services.rekomendasi_add(
        rakor=rakor_tw2,
        perangkat_daerah=dinkes,
        isi="Percepat",
        batas_waktu=datetime.date(2026, 8, 31),
        by=admin_user,
    )
    url = reverse("rakor:tindak-lanjut", kwargs={"pk": item.pk})
    data = {"status": "dalam_proses", "tindak_lanjut": "Tender ulang diumumkan"}
    client.force_login(operator_dpupr)
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    client.force_login(pimpinan)
    assert client.get(url).status_code == 200 or client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    client.force_login(operator_dinkes)
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.status == Rekomendasi.Status.DALAM_PROSES
    assert item.diperbarui_oleh == operator_dinkes


def test_an_operator_reads_only_their_pds_part(
    client, rakor_tw2, admin_user, dinkes, dpupr, operator_dinkes
):
    for pd, isi in ((dinkes, "Rekomendasi untuk Dinkes"), (dpupr, "Rekomendasi untuk DPUPR")):
        services.rekomendasi_add(
            rakor=rakor_tw2,
            perangkat_daerah=pd,
            isi=isi,
            batas_waktu=datetime.date(2026, 8, 31),
            by=admin_user,
        )
    client.force_login(operator_dinkes)
    text = client.get(reverse("rakor:detail", kwargs={"pk": rakor_tw2.pk})).text
    assert "Rekomendasi untuk Dinkes" in text
    assert "Rekomendasi untuk DPUPR" not in text
    assert "Dinas Pekerjaan Umum" not in text


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("rakor:finalkan", {}),
        ("rakor:buka", {"buka-alasan": "x"}),
        ("rakor:arahan-tambah", {"arahan-isi": "Percepat"}),
        ("rakor:peserta-tambah", {"peserta-nama": "Camat", "peserta-kategori": "tamu"}),
    ],
)
@pytest.mark.parametrize("role", ["pimpinan", "auditor", "operator_dinkes"])
def test_only_the_admin_manages_a_rakor(client, personas, rakor_tw2, name, extra, role):
    client.force_login(personas[role])
    response = client.post(reverse(name, kwargs={"pk": rakor_tw2.pk}), extra)
    assert response.status_code == 403
    assert Rakor.objects.get().status == "draft" and not rakor_tw2.arahan.exists()


def test_the_rakor_page_is_the_meetings_material(client, rakor_tw2, admin_user, pimpinan, dinkes):
    services.peserta_add(
        rakor=rakor_tw2,
        by=admin_user,
        nama="Kepala Dinkes",
        kategori="kepala_pd",
        perangkat_daerah=dinkes,
    )
    services.arahan_add(rakor=rakor_tw2, isi="Percepat serapan DAK", by=admin_user)
    Realisasi.objects.filter(dpa__perangkat_daerah=dinkes, bulan=5).update(
        kendala="Tender gagal", solusi="Tender ulang"
    )
    client.force_login(pimpinan)
    text = " ".join(client.get(reverse("rakor:detail", kwargs={"pk": rakor_tw2.pk})).text.split())
    assert "progres fisik 44,17%</strong> dari target 50,00%" in text
    assert "lebih rendah" in text
    assert "Percepat serapan DAK" in text and "Kepala Dinkes" in text
    assert "Rekap per Perangkat Daerah" in text and "Progres pengadaan" in text


def test_the_kendala_report_lists_the_recommendations_and_their_status(
    client, rakor_tw2, admin_user, dinkes, dpupr, operator_dinkes
):
    for pd, isi in ((dinkes, "Tender ulang puskesmas"), (dpupr, "Percepat kontrak jalan")):
        services.rekomendasi_add(
            rakor=rakor_tw2,
            perangkat_daerah=pd,
            isi=isi,
            batas_waktu=datetime.date(2026, 8, 31),
            by=admin_user,
        )
    client.force_login(admin_user)
    text = client.get(reverse("laporan:kendala"), {"tahun": 2026, "bulan": 6}).text
    assert "Tender ulang puskesmas" in text and "Percepat kontrak jalan" in text
    assert "Belum ditindaklanjuti" in text
    assert (
        "Tender ulang"
        not in client.get(reverse("laporan:kendala"), {"tahun": 2026, "triwulan": 1}).text
    )
    client.force_login(operator_dinkes)
    text = client.get(reverse("laporan:kendala"), {"tahun": 2026, "bulan": 6}).text
    assert "Tender ulang puskesmas" in text and "Percepat kontrak jalan" not in text


def test_a_meeting_date_far_from_its_year_is_refused(client, admin_user, now):
    client.force_login(admin_user)
    response = client.post(
        reverse("rakor:baru"),
        {
            "tahun": 2026,
            "triwulan": 2,
            "tanggal": "0001-01-01",
            "tempat": "Pendopo",
            "pimpinan_rapat": "Bupati",
        },
    )
    assert "Tanggal rapat harus di tahun 2026" in response.text
    assert not Rakor.objects.exists()


def test_the_admin_removes_a_directive_until_the_rakor_is_final(client, rakor_tw2, admin_user):
    first = services.arahan_add(rakor=rakor_tw2, isi="Percepat", by=admin_user)
    second = services.arahan_add(rakor=rakor_tw2, isi="Koordinasi", by=admin_user)
    client.force_login(admin_user)
    url = "rakor:arahan-hapus"
    client.post(reverse(url, kwargs={"pk": rakor_tw2.pk, "arahan_pk": first.pk}))
    assert list(rakor_tw2.arahan.values_list("isi", flat=True)) == ["Koordinasi"]
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    response = client.post(
        reverse(url, kwargs={"pk": rakor_tw2.pk, "arahan_pk": second.pk}), follow=True
    )
    assert "sudah difinalkan" in response.text
    assert rakor_tw2.arahan.count() == 1
