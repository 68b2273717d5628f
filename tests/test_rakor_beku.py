"""A finalised Rakor is its snapshot: its page and its Excel pack — headline, rekap and ranking,
status colours, the PD furthest behind with their kendala, procurement, the rekomendasi and the
follow-ups carried over, every name, and the Kurva S — stay exactly as they were at finalisation,
whatever is corrected afterwards. A draft shows the live figures. Finalised again, the Rakor shows
the new figures and which headline figures changed from the previous final record."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db.models import F
from django.urls import reverse
from openpyxl import load_workbook

from kegiatan import services as kegiatan_services
from kegiatan.models import DPA
from laporan import figures, reports
from laporan import format as fmt
from laporan.models import AturanWarna
from laporan.periode import Periode
from pengadaan.models import PaketPengadaan
from perangkat_daerah.models import Pemda
from rakor import services, snapshot
from rakor.models import AngkaRakor, Rakor
from realisasi.models import Realisasi

from .builders import JT, even_rko, report
from .conftest import JAKARTA

JUNE = Periode(2026, 6)


@pytest.fixture
def now(time_machine):
    """20 July 2026, 09.00 WIB: TW II has ended; every page and pack is printed at this moment."""
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def rakor_tw2(lines, dinkes, dpupr, admin_user, pemda, now):
    """TW II with everything its page shows: kendala for both PD, a procurement package, an open
    recommendation of TW I carried over, two recommendations of its own, a directive, an
    attendee."""
    a, b = lines["a"], lines["b"]
    report(a, 6, 48, 80 * JT)
    Realisasi.objects.filter(dpa=a, bulan=6).update(
        kendala="Tender puskesmas gagal", solusi="Tender ulang"
    )
    Realisasi.objects.filter(dpa=b, bulan=6).update(kendala="Cuaca buruk", solusi="Tambah shift")
    PaketPengadaan.objects.create(
        dpa=b, nama="Rehabilitasi ruas A", metode="tender", tahap="pemilihan", hps=2500 * JT
    )
    tw1 = services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=1,
        tanggal=datetime.date(2026, 4, 20),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )
    services.rekomendasi_add(
        rakor=tw1,
        perangkat_daerah=dpupr,
        isi="Percepat lelang jalan",
        batas_waktu=datetime.date(2026, 5, 31),
        by=admin_user,
    )
    tw2 = services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
        agenda="Evaluasi TW II",
    )
    for pd, isi in ((dinkes, "Tender ulang puskesmas"), (dpupr, "Percepat kontrak jalan")):
        services.rekomendasi_add(
            rakor=tw2,
            perangkat_daerah=pd,
            isi=isi,
            batas_waktu=datetime.date(2026, 8, 31),
            by=admin_user,
        )
    services.arahan_add(rakor=tw2, isi="Percepat serapan DAK", by=admin_user)
    services.peserta_add(rakor=tw2, by=admin_user, nama="Kepala Dinkes", kategori="kepala_pd")
    return tw2


def page_of(client, rakor, **query) -> str:
    """The Rakor's content as rendered (the <main> element; the navigation bar around it is the
    user's), without the per-request CSRF tokens."""
    html = client.get(reverse("rakor:detail", kwargs={"pk": rakor.pk}), query).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', main)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def pack_of(client, rakor, **query) -> tuple[str, dict]:
    """The Rakor's Excel pack: its file name and every cell value of every sheet, in order."""
    response = client.get(
        reverse("rakor:detail", kwargs={"pk": rakor.pk}), {**query, "format": "xlsx"}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    sheets = {
        ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
        for ws in workbook.worksheets
    }
    return response["Content-Disposition"], sheets


def rows_of(sheet: list[list]) -> list[dict]:
    """A sheet's table as dicts, from the row whose first cell is its header (after the title
    block)."""
    start = next(i for i, row in enumerate(sheet) if row[0] in ("Bulan", "Uraian"))
    header = sheet[start]
    return [dict(zip(header, row, strict=True)) for row in sheet[start + 1 :] if row[0]]


def change_every_input(lines, dinkes, jalan, admin_user):
    """Everything the Rakor's figures and texts come from, corrected after the meeting."""
    a = DPA.objects.get(pk=lines["a"].pk)
    b = lines["b"]
    # The RKO targets of A (every month, so the target curve after June moves too).
    fisik = [Decimal(v) for v in (2, 4, 8, 15, 25, 35, 50, 60, 70, 80, 90, 100)]
    kegiatan_services.rko_set(dpa=a, targets=even_rko(a.pagu, fisik))
    # A realisasi's fisik and money: June of B (in the headline), March of A (only on the curve),
    # June of last year (the comparison).
    Realisasi.objects.filter(dpa=b, bulan=6).update(
        realisasi_fisik=Decimal(70), realisasi_keuangan=F("realisasi_keuangan") + 100 * JT
    )
    Realisasi.objects.filter(dpa=a, bulan=3).update(
        realisasi_fisik=Decimal(30), realisasi_keuangan=250 * JT
    )
    Realisasi.objects.filter(dpa__tahun=2025, bulan=6).update(realisasi_fisik=Decimal(75))
    # Pagu changes: one in force in June, one only from September (the curve's later months).
    kegiatan_services.pagu_change(
        dpa=b, fase="perubahan", tanggal_berlaku=datetime.date(2026, 6, 1), pagu=3500 * JT
    )
    kegiatan_services.pagu_change(
        dpa=a, fase="perubahan", tanggal_berlaku=datetime.date(2026, 9, 15), pagu=900 * JT
    )
    # Names: a PD, a sub kegiatan (in the nomenclature and on its DPA line), the pemda.
    dinkes.nama, dinkes.singkatan = "Dinas Kesehatan dan KB", "DINKESKB"
    dinkes.save()
    jalan.nama = "Rehabilitasi Jalan Kabupaten"
    jalan.save()
    DPA.objects.filter(sub_kegiatan=jalan).update(nama_sub_kegiatan=jalan.nama)
    Pemda.objects.update(nama="Pemerintah Kabupaten Uji Raya")
    # The follow-up of this Rakor's recommendation and of the one carried over from TW I.
    for item, status in (
        (Rakor.objects.get(triwulan=2).rekomendasi.get(perangkat_daerah=dinkes), "selesai"),
        (Rakor.objects.get(triwulan=1).rekomendasi.get(), "dalam_proses"),
    ):
        services.tindak_lanjut_update(
            rekomendasi=item, status=status, tindak_lanjut="Sudah ditindaklanjuti", by=admin_user
        )
    # A kendala's text, the colour rules, a procurement package's stage.
    Realisasi.objects.filter(dpa=b, bulan=6).update(kendala="Longsor di ruas utara")
    AturanWarna.objects.create(batas_hijau=Decimal(-60), batas_kuning=Decimal(-80))
    PaketPengadaan.objects.update(tahap="kontrak", nilai_kontrak=2400 * JT)


def test_a_finalised_rakors_page_and_pack_do_not_move_when_any_input_changes(
    client, rakor_tw2, lines, dinkes, jalan, admin_user, operator_dinkes
):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    headline_then = figures.angka_pemda(JUNE)
    kurva_then = reports.kurva_s(JUNE, DPA.objects.all())
    before = {}
    for user in (admin_user, operator_dinkes):
        client.force_login(user)
        before[user.username] = (page_of(client, rakor_tw2), pack_of(client, rakor_tw2))

    # The frozen pack agrees with itself: the Kurva S sheet's June is the summary's June.
    _, sheets = before["admin_bappeda"][1]
    summary = {row["Uraian"]: row for row in rows_of(sheets["Ringkasan"])}
    june = rows_of(sheets["Kurva S"])[5]
    assert june["Realisasi fisik 2026 (%)"] == pytest.approx(
        summary["Realisasi fisik (%)"]["Juni 2026"]
    )
    assert june["Realisasi keuangan 2026 (%)"] == pytest.approx(
        summary["Realisasi keuangan (%)"]["Juni 2026"]
    )
    assert f"Juni: {fmt.persen(headline_then.fisik)}" in text_of(before["admin_bappeda"][0])

    change_every_input(lines, dinkes, jalan, admin_user)
    assert figures.angka_pemda(JUNE) != headline_then  # the live figures did move
    assert reports.kurva_s(JUNE, DPA.objects.all()).sekarang != kurva_then.sekarang

    for user in (admin_user, operator_dinkes):
        client.force_login(user)
        page_then, (name_then, sheets_then) = before[user.username]
        assert text_of(page_of(client, rakor_tw2)) == text_of(page_then)
        assert page_of(client, rakor_tw2) == page_then
        name_now, sheets_now = pack_of(client, rakor_tw2)
        assert name_now == name_then
        assert list(sheets_now) == list(sheets_then)
        for title, rows in sheets_then.items():
            assert sheets_now[title] == rows, f"{user.username}: sheet {title} moved"


def test_the_snapshot_holds_the_curves_the_live_page_drew(rakor_tw2, admin_user, dinkes):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    rakor_tw2.refresh_from_db()
    assert snapshot.materi_beku(rakor_tw2, "x").kurva == reports.kurva_s(JUNE, DPA.objects.all())
    assert snapshot.materi_beku(rakor_tw2, "x", perangkat_daerah=dinkes).kurva == (
        reports.kurva_s(JUNE, DPA.objects.filter(perangkat_daerah=dinkes))
    )


def test_a_draft_rakor_shows_the_live_figures_and_curve(
    client, rakor_tw2, lines, dinkes, jalan, admin_user
):
    client.force_login(admin_user)
    before = text_of(page_of(client, rakor_tw2))
    change_every_input(lines, dinkes, jalan, admin_user)
    text = text_of(page_of(client, rakor_tw2))
    assert text != before
    live = figures.angka_pemda(JUNE)
    assert f"progres fisik {fmt.persen(live.fisik)}" in text
    assert f"Juni: {fmt.persen(live.fisik)}" in text  # the curve's June point
    march = reports.kurva_s(JUNE, DPA.objects.all()).sekarang[2]
    assert f"Maret: {fmt.persen(march.fisik)}" in text
    assert "Dinas Kesehatan dan KB" in text and "Pemerintah Kabupaten Uji Raya" in text
    assert "Selesai" in text and "Dalam proses" in text


def test_finalising_again_shows_the_new_figures_and_what_changed_from_the_previous_record(
    client, rakor_tw2, lines, dinkes, jalan, admin_user, time_machine
):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    first = figures.headline(JUNE, "x")
    change_every_input(lines, dinkes, jalan, admin_user)
    second = figures.headline(JUNE, "x")
    time_machine.move_to(datetime.datetime(2026, 7, 22, 14, 30, tzinfo=JAKARTA), tick=False)
    services.rakor_reopen(rakor=rakor_tw2, alasan="Koreksi realisasi Juni DPUPR", by=admin_user)
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)

    client.force_login(admin_user)
    text = text_of(page_of(client, rakor_tw2))
    assert f"progres fisik {fmt.persen(second.sekarang.fisik)}" in text
    assert f"Juni: {fmt.persen(second.sekarang.fisik)}" in text
    assert "Pemerintah Kabupaten Uji Raya" in text and "Dinas Kesehatan dan KB" in text
    assert "Angka final sebelumnya dibekukan 20 Juli 2026, 09.00" in text
    assert (
        f"Realisasi fisik (%) {fmt.persen(first.sekarang.fisik)} "
        f"{fmt.persen(second.sekarang.fisik)} berubah" in text
    )
    assert (
        f"Realisasi keuangan (Rp) {fmt.rupiah(first.sekarang.keuangan)} "
        f"{fmt.rupiah(second.sekarang.keuangan)} berubah" in text
    )
    assert (
        f"Realisasi fisik Juni 2025 (%) {fmt.persen(first.tahun_lalu.fisik)} "
        f"{fmt.persen(second.tahun_lalu.fisik)} berubah" in text
    )
    # Every headline figure of this year moved; of last year's only the fisik (its pagu and its
    # money were not corrected).
    changed = page_of(client, rakor_tw2).count('data-testid="angka-berubah"')
    assert changed == len(snapshot.RINGKASAN) - 3
    assert f"{changed} dari {len(snapshot.RINGKASAN)} angka ringkasan berubah" in text

    _, sheets = pack_of(client, rakor_tw2)
    rows = {row["Uraian"]: row for row in rows_of(sheets["Final sebelumnya"])}
    fisik = rows["Realisasi fisik (%)"]
    assert float(fisik["Final sebelumnya"]) == pytest.approx(float(first.sekarang.fisik))
    assert float(fisik["Final ini"]) == pytest.approx(float(second.sekarang.fisik))
    assert fisik["Berubah"] == "Ya"
    assert rows["Pagu berlaku Juni 2025 (Rp)"]["Berubah"] == "Tidak"


def test_a_rakor_finalised_before_its_curve_was_frozen_says_so(client, rakor_tw2, admin_user):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    # What a Rakor finalised by an earlier SiPOK holds: the figures, not the curve nor the rest.
    AngkaRakor.objects.filter(rakor=rakor_tw2, tingkat="kurva").delete()
    Rakor.objects.filter(pk=rakor_tw2.pk).update(isi_beku=None)
    client.force_login(admin_user)
    html = page_of(client, rakor_tw2)
    assert 'data-testid="kurva-tidak-beku"' in html and "<polyline" not in html
    assert "Kurva S tidak dibekukan" in text_of(html)
    _, sheets = pack_of(client, rakor_tw2)
    assert any("Kurva S tidak dibekukan" in str(row[0]) for row in sheets["Kurva S"])


def test_a_follow_up_after_finalisation_shows_in_the_kendala_report_not_on_the_record(
    client, rakor_tw2, admin_user, dinkes, operator_dinkes
):
    services.rakor_finalise(rakor=rakor_tw2, by=admin_user)
    item = rakor_tw2.rekomendasi.get(perangkat_daerah=dinkes)
    client.force_login(operator_dinkes)
    response = client.post(
        reverse("rakor:tindak-lanjut", kwargs={"pk": item.pk}),
        {"status": "dalam_proses", "tindak_lanjut": "Tender ulang diumumkan"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"{reverse('laporan:kendala')}?tahun=2026&bulan=6"
    text = text_of(response.content.decode())
    assert "Tindak lanjut disimpan." in text
    assert "Dalam proses Tender ulang diumumkan" in text
    record = text_of(page_of(client, rakor_tw2))
    assert "Belum ditindaklanjuti" in record and "Tender ulang diumumkan" not in record
