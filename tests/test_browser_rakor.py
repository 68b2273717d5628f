"""The demo pemda's TW II Rakor POK in a real browser: the admin prepares and finalises it, the
operator of a PD that received a recommendation reports its follow-up."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from rakor.models import Rakor, Rekomendasi

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "Sipok-Admin-2026!"
OPERATOR_PASSWORD = "Sipok-Operator-2026!"


@pytest.fixture
def demo_pemda(transactional_db, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 26, 9, 0), tick=True)
    call_command("demo", tahun=2026, bulan_berjalan=11, stdout=io.StringIO())


def login(page, username, password):
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()


def test_the_demo_admin_reads_the_pemdas_headline(page, screenshot, demo_pemda):
    login(page, "admin", ADMIN_PASSWORD)
    headline = page.get_by_test_id("headline")
    expect(headline).to_contain_text("Sampai dengan akhir Oktober 2026, Pemerintah Kabupaten")
    expect(headline).to_contain_text(re.compile(r"progres fisik \d+,\d\d%\s+dari target \d+,\d\d%"))
    expect(headline).to_contain_text(re.compile(r"realisasi keuangan \d+,\d\d%"))
    expect(headline).to_contain_text("periode yang sama tahun 2025")
    screenshot("beranda-demo-admin")


def test_the_tw2_rakor_from_preparation_to_follow_up(page, screenshot, demo_pemda):
    login(page, "admin", ADMIN_PASSWORD)
    page.get_by_role("link", name="Rakor POK").click()
    page.get_by_role("link", name="Buat Rakor POK").click()
    page.get_by_label("Tahun anggaran").fill("2026")
    page.get_by_label("Triwulan").select_option(label="Triwulan II")
    page.get_by_label("Tanggal rapat").fill("2026-07-27")
    page.get_by_label("Rapat virtual").check()
    page.get_by_label("Tempat").fill("Rumah Dinas Bupati")
    page.get_by_label("Pimpinan rapat").fill("Bupati Sukamaju")
    page.get_by_label("Agenda").fill("Evaluasi capaian fisik dan keuangan akhir Triwulan II")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", name="Rakor POK Triwulan II 2026")).to_be_visible()
    expect(page.get_by_test_id("headline")).to_contain_text("Sampai dengan akhir Juni 2026")
    expect(page.get_by_test_id("headline")).to_contain_text("lebih rendah")

    peserta = page.get_by_test_id("form-peserta")
    peserta.get_by_label("Nama").fill("dr. Hj. Neneng Rahayu, M.Kes.")
    peserta.get_by_label("Jabatan").fill("Kepala Dinas Kesehatan")
    peserta.get_by_label("Kategori").select_option(label="Kepala Perangkat Daerah")
    peserta.get_by_label("Perangkat daerah").select_option(label="Dinkes — Dinas Kesehatan")
    peserta.get_by_role("button", name="Tambah peserta").click()
    expect(page.get_by_test_id("peserta")).to_contain_text("Kepala Dinas Kesehatan")
    peserta = page.get_by_test_id("form-peserta")
    peserta.get_by_label("Nama").fill("Kepala Bagian PBJ dan Administrasi Pembangunan")
    peserta.get_by_label("Kategori").select_option(label="Tamu undangan")
    peserta.get_by_role("button", name="Tambah peserta").click()
    expect(page.get_by_test_id("peserta")).to_contain_text("Tamu undangan")

    page.get_by_test_id("form-arahan").get_by_label("Arahan pimpinan").fill(
        "Percepat penyerapan anggaran DAK dan Bantuan Keuangan Provinsi."
    )
    page.get_by_role("button", name="Tambah arahan").click()
    expect(page.get_by_test_id("arahan")).to_contain_text("Percepat penyerapan anggaran DAK")

    rekomendasi = page.get_by_test_id("form-rekomendasi")
    rekomendasi.get_by_label("Perangkat daerah penanggung jawab").select_option(
        label="Dinkes — Dinas Kesehatan"
    )
    rekomendasi.get_by_label("Rekomendasi").fill("Segera tender ulang pembangunan puskesmas.")
    rekomendasi.get_by_label("Batas waktu").fill("2026-08-31")
    rekomendasi.get_by_role("button", name="Tambah rekomendasi").click()
    expect(page.get_by_test_id("rekomendasi")).to_contain_text("tender ulang")

    page.get_by_role("button", name="Finalkan Rakor").click()
    expect(page.get_by_test_id("status-rakor")).to_have_text("Final")
    expect(page.get_by_text("angka dibekukan").first).to_be_visible()
    screenshot("rakor-tw2-final")
    rakor = Rakor.objects.get(tahun=2026, triwulan=2)
    assert rakor.final and rakor.angka.filter(tingkat="dpa").count() >= 400
    page.get_by_role("button", name="Keluar").click()

    login(page, "operator_dinkes", OPERATOR_PASSWORD)
    page.goto(f"/rakor/{rakor.pk}/")
    expect(page.get_by_test_id("rekomendasi")).to_contain_text("tender ulang")
    expect(page.get_by_test_id("peserta")).to_have_count(0)  # the operator reads their part
    page.get_by_test_id("rekomendasi").get_by_role("link", name="Tindak lanjut").click()
    page.get_by_label("Status").select_option(label="Dalam proses")
    page.get_by_label("Uraian tindak lanjut").fill(
        "Tender ulang diumumkan 12 Agustus 2026 dengan HPS yang disesuaikan."
    )
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    # The Rakor is final, so its page keeps the status it had then: the operator lands on the
    # kendala report, which lists the follow-up just saved.
    expect(page.get_by_test_id("tabel-rekomendasi")).to_contain_text("Dalam proses")
    expect(page.get_by_test_id("tabel-rekomendasi")).to_contain_text("Tender ulang diumumkan")
    screenshot("rakor-tw2-tindak-lanjut")
    page.goto(f"/rakor/{rakor.pk}/")
    expect(page.get_by_test_id("rekomendasi")).to_contain_text("Belum ditindaklanjuti")
    item = Rekomendasi.objects.get(rakor=rakor)
    assert item.status == "dalam_proses" and item.diperbarui_oleh.username == "operator_dinkes"
