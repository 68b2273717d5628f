"""Verification by the admin: the services' transitions and refusals, the queue of PD-months, the
check of one PD-month, the monthly conclusion, and who may do any of it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from akun.models import Role
from realisasi import verifikasi
from realisasi.models import BuktiDukung, CatatanBulanan, Realisasi
from realisasi.verifikasi import PdBulan

from .builders import JT, make_dpa, make_pd, make_sub_kegiatan, make_user

Status = Realisasi.Status


def row(dpa, bulan, status=Status.DIAJUKAN, fisik=10, uang=JT, **fields):
    return Realisasi.objects.create(
        dpa=dpa,
        bulan=bulan,
        realisasi_fisik=Decimal(fisik),
        realisasi_keuangan=Decimal(uang),
        status=status,
        diajukan_pada=None if status == Status.DRAFT else timezone.now(),
        **fields,
    )


def states(*rows):
    return [Realisasi.objects.get(pk=r.pk).status for r in rows]


@pytest.fixture
def dinkes_a(dinkes, puskesmas, apbd):
    return make_dpa(dinkes, puskesmas, apbd, 1200 * JT)


@pytest.fixture
def dinkes_b(dinkes, puskesmas, dak):
    return make_dpa(dinkes, puskesmas, dak, 600 * JT)


@pytest.fixture
def dpupr_a(dpupr, jalan, apbd):
    return make_dpa(dpupr, jalan, apbd, 3000 * JT)


# --- Services: single rows --------------------------------------------------------------------


def test_verify_turns_submitted_rows_verified_records_the_verifier_and_bumps_versi(
    admin_user, dinkes_a, dinkes_b
):
    a, b = row(dinkes_a, 3), row(dinkes_b, 3)
    verifikasi.realisasi_verify(rows_or_queryset=[a, b], by=admin_user)
    for r in (a, b):
        r.refresh_from_db()
        assert r.status == Status.DIVERIFIKASI
        assert r.diverifikasi_oleh == admin_user
        assert r.diverifikasi_pada is not None
        assert r.versi == 2


def test_verify_accepts_a_queryset(admin_user, dinkes_a, dinkes_b):
    row(dinkes_a, 3), row(dinkes_b, 3)
    verifikasi.realisasi_verify(
        rows_or_queryset=Realisasi.objects.filter(dpa__perangkat_daerah=dinkes_a.perangkat_daerah),
        by=admin_user,
    )
    assert set(Realisasi.objects.values_list("status", flat=True)) == {Status.DIVERIFIKASI}


def test_verifying_a_draft_is_refused_and_nothing_changes(admin_user, dinkes_a, dinkes_b):
    submitted, draft = row(dinkes_a, 3), row(dinkes_b, 3, Status.DRAFT)
    with pytest.raises(ValidationError) as refused:
        verifikasi.realisasi_verify(rows_or_queryset=[submitted, draft], by=admin_user)
    assert "Hanya realisasi berstatus Diajukan" in " ".join(refused.value.messages)
    assert "berstatus Draft" in " ".join(refused.value.messages)
    assert states(submitted, draft) == [Status.DIAJUKAN, Status.DRAFT]
    assert Realisasi.objects.get(pk=submitted.pk).versi == 1


def test_verifying_an_already_verified_row_is_refused(admin_user, dinkes_a):
    verified = row(dinkes_a, 3, Status.DIVERIFIKASI)
    with pytest.raises(ValidationError):
        verifikasi.realisasi_verify(rows_or_queryset=[verified], by=admin_user)
    assert Realisasi.objects.get(pk=verified.pk).versi == 1


def test_verifying_nothing_is_refused(admin_user, db):
    with pytest.raises(ValidationError, match="sedikitnya satu"):
        verifikasi.realisasi_verify(rows_or_queryset=[], by=admin_user)


def test_return_needs_a_note_and_without_one_nothing_changes(admin_user, dinkes_a):
    submitted = row(dinkes_a, 3)
    for catatan in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            verifikasi.realisasi_return(rows=[submitted], by=admin_user, catatan=catatan)
        assert "catatan" in refused.value.message_dict
    submitted.refresh_from_db()
    assert (submitted.status, submitted.versi, submitted.catatan_verifikasi) == (
        Status.DIAJUKAN,
        1,
        "",
    )


def test_return_sends_submitted_and_verified_rows_back_with_the_note(
    admin_user, dinkes_a, dinkes_b
):
    submitted, verified = row(dinkes_a, 3), row(dinkes_b, 3, Status.DIVERIFIKASI)
    verifikasi.realisasi_return(
        rows=[submitted, verified], by=admin_user, catatan="  Foto progres belum ada.  "
    )
    for r in (submitted, verified):
        r.refresh_from_db()
        assert r.status == Status.DIKEMBALIKAN
        assert r.catatan_verifikasi == "Foto progres belum ada."
        assert r.versi == 2


@pytest.mark.parametrize("status", [Status.DRAFT, Status.DIKEMBALIKAN])
def test_returning_a_draft_or_a_returned_row_is_refused(admin_user, dinkes_a, dinkes_b, status):
    submitted, other = row(dinkes_a, 3), row(dinkes_b, 3, status)
    with pytest.raises(ValidationError, match="Diajukan atau Diverifikasi"):
        verifikasi.realisasi_return(rows=[submitted, other], by=admin_user, catatan="Perbaiki.")
    assert states(submitted, other) == [Status.DIAJUKAN, status]


def test_verify_after_return_and_resubmission_clears_the_old_note(admin_user, dinkes_a):
    r = row(dinkes_a, 3)
    verifikasi.realisasi_return(rows=[r], by=admin_user, catatan="Kurang bukti.")
    Realisasi.objects.filter(pk=r.pk).update(status=Status.DIAJUKAN)  # the operator resubmits
    verifikasi.realisasi_verify(rows_or_queryset=[r], by=admin_user)
    r.refresh_from_db()
    assert (r.status, r.catatan_verifikasi, r.versi) == (Status.DIVERIFIKASI, "", 3)


def test_verify_refuses_a_row_changed_since_the_verifier_saw_it(admin_user, dinkes_a, dinkes_b):
    a, b = row(dinkes_a, 3), row(dinkes_b, 3)
    Realisasi.objects.filter(pk=b.pk).update(versi=2)  # the operator saved again meanwhile
    with pytest.raises(ValidationError, match="telah diubah sejak halaman dimuat"):
        verifikasi.realisasi_verify(
            rows_or_queryset=[a, b], by=admin_user, versi={a.pk: 1, b.pk: 1}
        )
    assert states(a, b) == [Status.DIAJUKAN, Status.DIAJUKAN]


def test_each_verification_writes_a_history_record_with_the_admin(admin_user, dinkes_a):
    r = row(dinkes_a, 3)
    verifikasi.realisasi_verify(rows_or_queryset=[r], by=admin_user)
    latest = r.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == admin_user
    assert latest.status == Status.DIVERIFIKASI
    assert latest.history_change_reason == "Diverifikasi"
    assert latest.prev_record.status == Status.DIAJUKAN


# --- Services: whole PD-months ----------------------------------------------------------------


def test_bulk_verify_of_several_pd_months_leaves_drafts_and_other_months_alone(
    admin_user, dinkes_a, dinkes_b, dpupr_a
):
    march_a, march_b = row(dinkes_a, 3), row(dinkes_b, 3, Status.DRAFT)
    dpupr_march = row(dpupr_a, 3)
    april = row(dinkes_a, 4)
    chosen = [
        PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3),
        PdBulan(dpupr_a.perangkat_daerah_id, 2026, 3),
    ]
    done = verifikasi.pd_bulan_verify(pd_bulan=chosen, by=admin_user)
    assert {r.pk for r in done} == {march_a.pk, dpupr_march.pk}
    assert states(march_a, march_b, dpupr_march, april) == [
        Status.DIVERIFIKASI,
        Status.DRAFT,
        Status.DIVERIFIKASI,
        Status.DIAJUKAN,
    ]


def test_bulk_verify_refuses_all_when_a_chosen_pd_month_has_nothing_submitted(
    admin_user, dinkes_a, dpupr_a
):
    submitted, draft = row(dinkes_a, 3), row(dpupr_a, 3, Status.DRAFT)
    chosen = [
        PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3),
        PdBulan(dpupr_a.perangkat_daerah_id, 2026, 3),
    ]
    with pytest.raises(ValidationError) as refused:
        verifikasi.pd_bulan_verify(pd_bulan=chosen, by=admin_user)
    assert "DPUPR Maret 2026" in " ".join(refused.value.messages)
    assert states(submitted, draft) == [Status.DIAJUKAN, Status.DRAFT]


def test_bulk_return_of_several_pd_months_with_one_note(admin_user, dinkes_a, dinkes_b, dpupr_a):
    a, b, c = row(dinkes_a, 3), row(dinkes_b, 3, Status.DIVERIFIKASI), row(dpupr_a, 3)
    draft = row(dpupr_a, 4, Status.DRAFT)
    chosen = [
        PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3),
        PdBulan(dpupr_a.perangkat_daerah_id, 2026, 3),
    ]
    verifikasi.pd_bulan_return(pd_bulan=chosen, by=admin_user, catatan="Lengkapi kendala.")
    assert states(a, b, c, draft) == [Status.DIKEMBALIKAN] * 3 + [Status.DRAFT]
    assert set(
        Realisasi.objects.filter(status=Status.DIKEMBALIKAN).values_list(
            "catatan_verifikasi", flat=True
        )
    ) == {"Lengkapi kendala."}


def test_bulk_return_without_a_note_changes_nothing(admin_user, dinkes_a):
    a = row(dinkes_a, 3)
    with pytest.raises(ValidationError):
        verifikasi.pd_bulan_return(
            pd_bulan=[PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3)], by=admin_user, catatan=""
        )
    assert states(a) == [Status.DIAJUKAN]


@pytest.mark.parametrize("key", ["1-2026", "a-2026-3", "1-2026-13", "1-2026-0", "", "1--2026-3"])
def test_a_pd_month_key_that_is_not_one_is_refused(key):
    with pytest.raises(ValueError):
        PdBulan.parse(key)


def test_a_pd_month_key_round_trips():
    item = PdBulan(7, 2026, 11)
    assert PdBulan.parse(item.key) == item


# --- The monthly conclusion -------------------------------------------------------------------


def test_the_monthly_note_is_shown_to_that_pd_only(admin_user, dinkes, dpupr):
    verifikasi.catatan_bulanan_set(
        perangkat_daerah=dinkes, tahun=2026, bulan=3, catatan="Laporan lengkap.", by=admin_user
    )
    note = verifikasi.catatan_bulanan_for(dinkes, 2026, 3)
    assert note.catatan == "Laporan lengkap."
    assert note.ditulis_oleh == admin_user
    assert verifikasi.catatan_bulanan_for(dpupr, 2026, 3) is None
    assert verifikasi.catatan_bulanan_for(dinkes, 2026, 4) is None


def test_writing_the_monthly_note_again_replaces_it(admin_user, dinkes):
    for text in ("Pertama.", "Kedua."):
        verifikasi.catatan_bulanan_set(
            perangkat_daerah=dinkes, tahun=2026, bulan=3, catatan=text, by=admin_user
        )
    assert list(CatatanBulanan.objects.values_list("catatan", flat=True)) == ["Kedua."]


def test_an_empty_monthly_note_is_refused(admin_user, dinkes):
    with pytest.raises(ValidationError, match="wajib diisi"):
        verifikasi.catatan_bulanan_set(
            perangkat_daerah=dinkes, tahun=2026, bulan=3, catatan=" ", by=admin_user
        )
    assert not CatatanBulanan.objects.exists()


def test_a_monthly_note_for_month_13_is_refused(admin_user, dinkes):
    with pytest.raises(ValidationError):
        verifikasi.catatan_bulanan_set(
            perangkat_daerah=dinkes, tahun=2026, bulan=13, catatan="x", by=admin_user
        )
    assert not CatatanBulanan.objects.exists()


# --- Who may open the pages -------------------------------------------------------------------


def _urls(pd_pk):
    return [
        reverse("realisasi:verifikasi"),
        reverse("realisasi:verifikasi-pd", args=[pd_pk, 2026, 3]),
    ]


def test_anonymous_visitors_are_sent_to_login(client, dinkes):
    for url in _urls(dinkes.pk):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["operator_dinkes", "operator_dpupr", "pimpinan", "auditor"])
def test_only_the_admin_may_see_or_use_verification(client, personas, dinkes, dinkes_a, role):
    submitted = row(dinkes_a, 3)
    client.force_login(personas[role])
    for url in _urls(dinkes.pk):
        assert client.get(url).status_code == 403
    key = PdBulan(dinkes.pk, 2026, 3).key
    assert client.post(_urls(dinkes.pk)[0], {"aksi": "verifikasi", "pilih": key}).status_code == 403
    response = client.post(_urls(dinkes.pk)[1], {"aksi": "verifikasi", "pilih": submitted.pk})
    assert response.status_code == 403
    assert states(submitted) == [Status.DIAJUKAN]


def test_the_admin_may_open_both_pages(client, admin_user, dinkes, dinkes_a):
    row(dinkes_a, 3)
    client.force_login(admin_user)
    for url in _urls(dinkes.pk):
        assert client.get(url).status_code == 200


def test_the_menu_offers_verification_to_the_admin_only(client, personas):
    url = reverse("realisasi:verifikasi")
    for role, shown in [("admin", True), ("operator_dinkes", False), ("auditor", False)]:
        client.force_login(personas[role])
        assert (url in client.get(reverse("beranda")).text) is shown


# --- The queue --------------------------------------------------------------------------------


def test_the_queue_has_one_row_per_pd_month_with_counts_per_state(
    client, admin_user, dinkes, dpupr, dinkes_a, dinkes_b, dpupr_a
):
    row(dinkes_a, 3), row(dinkes_b, 3, Status.DRAFT), row(dinkes_a, 4, Status.DIKEMBALIKAN)
    row(dpupr_a, 3, Status.DIVERIFIKASI)
    client.force_login(admin_user)
    response = client.get(reverse("realisasi:verifikasi"))
    rows = {(r["pd_singkatan"], r["bulan"]): r for r in response.context["page"].object_list}
    assert set(rows) == {("DINKES", 3), ("DINKES", 4), ("DPUPR", 3)}
    march = rows[("DINKES", 3)]
    assert (march["n_diajukan"], march["n_draft"], march["n_diverifikasi"], march["jumlah"]) == (
        1,
        1,
        0,
        2,
    )
    assert rows[("DINKES", 4)]["n_dikembalikan"] == 1
    assert rows[("DPUPR", 3)]["n_diverifikasi"] == 1
    assert march["diajukan_terakhir"] is not None
    html = response.text
    assert reverse("realisasi:verifikasi-pd", args=[dinkes.pk, 2026, 3]) in html
    assert f'value="{dinkes.pk}-2026-3"' in html


def _queue_keys(client, **params):
    response = client.get(reverse("realisasi:verifikasi"), params)
    assert response.status_code == 200
    return [(r["pd_singkatan"], r["tahun"], r["bulan"]) for r in response.context["page"]]


def test_the_queue_filters_by_pd_year_month_and_state(
    client, admin_user, dinkes, dpupr, dinkes_a, dpupr_a, puskesmas, apbd
):
    last_year = make_dpa(dinkes, puskesmas, apbd, 100 * JT, tahun=2025, rko=False)
    row(dinkes_a, 3), row(dinkes_a, 4, Status.DIVERIFIKASI), row(dpupr_a, 3, Status.DRAFT)
    row(last_year, 3, Status.DIVERIFIKASI)
    client.force_login(admin_user)
    assert set(_queue_keys(client, pd=dinkes.pk)) == {
        ("DINKES", 2026, 3),
        ("DINKES", 2026, 4),
        ("DINKES", 2025, 3),
    }
    assert set(_queue_keys(client, tahun=2025)) == {("DINKES", 2025, 3)}
    assert set(_queue_keys(client, tahun=2026, bulan=3)) == {
        ("DINKES", 2026, 3),
        ("DPUPR", 2026, 3),
    }
    assert _queue_keys(client, status="diajukan") == [("DINKES", 2026, 3)]
    assert _queue_keys(client, status="draft") == [("DPUPR", 2026, 3)]
    assert set(_queue_keys(client, status="selesai")) == {("DINKES", 2026, 4), ("DINKES", 2025, 3)}


def test_the_queue_sorts_by_the_chosen_column(client, admin_user, dinkes_a, dpupr_a):
    row(dinkes_a, 3), row(dpupr_a, 3)
    client.force_login(admin_user)
    assert [k[0] for k in _queue_keys(client, urut="pd")] == ["DINKES", "DPUPR"]
    assert [k[0] for k in _queue_keys(client, urut="-pd")] == ["DPUPR", "DINKES"]
    row(dinkes_a, 5)
    assert _queue_keys(client, urut="-periode")[0] == ("DINKES", 2026, 5)
    assert _queue_keys(client, urut="periode")[-1] == ("DINKES", 2026, 5)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tahun": "abc"}, "Tahun harus berupa angka"),
        ({"tahun": "99999"}, "Tahun paling besar"),
        ({"bulan": "13"}, "Bulan harus 1–12"),
        ({"bulan": "x"}, "Bulan harus 1–12"),
        ({"pd": "999999"}, "Perangkat Daerah yang dipilih tidak ada"),
        ({"pd": "satu"}, "Perangkat Daerah yang dipilih tidak ada"),
        ({"status": "hapus"}, "Keadaan yang dipilih tidak dikenal"),
        ({"urut": "password"}, "Urutan yang diminta tidak dikenal"),
    ],
)
def test_a_bad_query_string_gets_an_indonesian_message_not_an_error(
    client, admin_user, dinkes_a, params, message
):
    row(dinkes_a, 3)
    client.force_login(admin_user)
    response = client.get(reverse("realisasi:verifikasi"), params)
    assert response.status_code == 200
    assert message in response.text
    assert len(response.context["page"].object_list) == 1  # the bad part is ignored


def test_a_page_number_that_is_not_one_shows_a_page(client, admin_user, dinkes_a):
    row(dinkes_a, 3)
    client.force_login(admin_user)
    for halaman in ("abc", "-1", "999"):
        response = client.get(reverse("realisasi:verifikasi"), {"halaman": halaman})
        assert response.status_code == 200


def test_the_admin_verifies_several_pd_months_at_once_from_the_queue(
    client, admin_user, dinkes_a, dinkes_b, dpupr_a
):
    a, b, c = row(dinkes_a, 3), row(dinkes_b, 3), row(dpupr_a, 3)
    untouched = row(dinkes_a, 4)
    client.force_login(admin_user)
    url = reverse("realisasi:verifikasi") + "?tahun=2026"
    keys = [PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3).key]
    keys.append(PdBulan(dpupr_a.perangkat_daerah_id, 2026, 3).key)
    response = client.post(url, {"aksi": "verifikasi", "pilih": keys})
    assert response.status_code == 302
    assert response["Location"] == url
    assert states(a, b, c, untouched) == [Status.DIVERIFIKASI] * 3 + [Status.DIAJUKAN]
    followed = client.get(url)
    assert "3 baris realisasi dari 2 PD-bulan diverifikasi" in followed.text
    assert a.history.order_by("-history_id").first().history_user == admin_user


def test_returning_from_the_queue_needs_a_note(client, admin_user, dinkes_a):
    a = row(dinkes_a, 3)
    client.force_login(admin_user)
    url = reverse("realisasi:verifikasi")
    key = PdBulan(dinkes_a.perangkat_daerah_id, 2026, 3).key
    response = client.post(url, {"aksi": "kembalikan", "pilih": key, "catatan": ""}, follow=True)
    assert "Tuliskan catatan untuk PD" in response.text
    assert states(a) == [Status.DIAJUKAN]
    client.post(url, {"aksi": "kembalikan", "pilih": key, "catatan": "Data SP2D salah."})
    a.refresh_from_db()
    assert (a.status, a.catatan_verifikasi) == (Status.DIKEMBALIKAN, "Data SP2D salah.")


@pytest.mark.parametrize("pilih", [["bukan-kunci"], []])
def test_a_queue_post_without_a_valid_choice_changes_nothing(client, admin_user, dinkes_a, pilih):
    a = row(dinkes_a, 3)
    client.force_login(admin_user)
    response = client.post(
        reverse("realisasi:verifikasi"), {"aksi": "verifikasi", "pilih": pilih}, follow=True
    )
    assert response.status_code == 200
    assert "alert-danger" in response.text
    assert states(a) == [Status.DIAJUKAN]


def _many_pd_months(n_pd: int, n_bulan: int, n_lines: int, apbd):
    for i in range(n_pd):
        pd = make_pd(f"9.{i:02d}.01", f"PD{i:02d}")
        for j in range(n_lines):
            dpa = make_dpa(pd, make_sub_kegiatan(f"9.{i:02d}.01.2.01.{j:04d}"), apbd, JT, rko=False)
            for bulan in range(1, n_bulan + 1):
                row(dpa, bulan, [Status.DIAJUKAN, Status.DRAFT, Status.DIVERIFIKASI][j % 3])


@pytest.mark.parametrize(("n_pd", "n_bulan", "n_lines"), [(1, 1, 1), (6, 4, 4)])
def test_the_queue_costs_the_same_queries_whatever_the_data_size(
    client, admin_user, apbd, django_assert_max_num_queries, n_pd, n_bulan, n_lines
):
    _many_pd_months(n_pd, n_bulan, n_lines, apbd)
    client.force_login(admin_user)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("realisasi:verifikasi"), {"status": "diajukan"})
    assert len(response.context["page"].object_list) == n_pd * n_bulan


# --- One PD-month -----------------------------------------------------------------------------


def _periksa_url(pd, bulan=3, tahun=2026):
    return reverse("realisasi:verifikasi-pd", args=[pd.pk, tahun, bulan])


def test_the_check_shows_each_lines_figures_kendala_evidence_and_state(
    client, admin_user, dinkes, dinkes_a, dinkes_b
):
    row(dinkes_a, 2, Status.DIVERIFIKASI, fisik=20, uang=100 * JT)
    march = row(
        dinkes_a,
        3,
        fisik=18,
        uang=50 * JT,
        kendala="Hujan deras",
        solusi="Tambah pekerja",
    )
    bukti = BuktiDukung.objects.create(
        realisasi=march,
        berkas="bukti/2026/1/03/foto.jpg",
        nama_asli="foto-progres.jpg",
        jenis="image/jpeg",
        ukuran=2048,
    )
    client.force_login(admin_user)
    response = client.get(_periksa_url(dinkes))
    assert response.status_code == 200
    lines = {b.dpa.pk: b for b in response.context["baris"]}
    a = lines[dinkes_a.pk]
    assert a.pagu == 1200 * JT
    assert a.target_fisik == Decimal("25.00")  # even RKO: 3/12 of 100
    assert a.fisik == Decimal("18")
    assert a.deviasi_fisik == Decimal("-7.00")
    assert a.fisik_sebelumnya == Decimal("20.00")
    assert a.fisik_turun
    assert a.keuangan_bulan == 50 * JT
    assert a.keuangan_kumulatif == 150 * JT
    assert a.target_keuangan_kumulatif == 300 * JT
    assert a.keuangan_persen == Decimal("12.5")
    assert a.deviasi_keuangan == Decimal("-12.5")
    assert lines[dinkes_b.pk].realisasi is None
    html = response.text
    assert "Hujan deras" in html and "Tambah pekerja" in html
    assert reverse("realisasi:bukti-unduh", args=[bukti.pk]) in html
    assert "foto-progres.jpg" in html and "2,0" in html
    assert "Rp 150.000.000" in html
    assert "-7,00" in html


def test_the_check_flags_a_line_far_behind_without_kendala(client, admin_user, dinkes, dinkes_a):
    row(dinkes_a, 3, fisik=5)  # target 25: 20 points behind, default threshold 5
    client.force_login(admin_user)
    response = client.get(_periksa_url(dinkes))
    assert response.context["baris"][0].kendala_kurang
    assert "kendala dan solusi wajib diisi" in response.text


def test_the_admin_verifies_chosen_rows_of_one_pd_month(
    client, admin_user, dinkes, dinkes_a, dinkes_b
):
    a, b = row(dinkes_a, 3), row(dinkes_b, 3)
    client.force_login(admin_user)
    response = client.post(
        _periksa_url(dinkes), {"aksi": "verifikasi", "pilih": [a.pk], f"versi-{a.pk}": 1}
    )
    assert response.status_code == 302
    assert states(a, b) == [Status.DIVERIFIKASI, Status.DIAJUKAN]


def test_verify_all_submitted_of_one_pd_month(client, admin_user, dinkes, dinkes_a, dinkes_b):
    a, b = row(dinkes_a, 3), row(dinkes_b, 3, Status.DRAFT)
    client.force_login(admin_user)
    client.post(_periksa_url(dinkes), {"aksi": "verifikasi_semua"})
    assert states(a, b) == [Status.DIVERIFIKASI, Status.DRAFT]


def test_the_admin_returns_a_row_with_a_note(client, admin_user, dinkes, dinkes_a):
    a = row(dinkes_a, 3)
    client.force_login(admin_user)
    response = client.post(
        _periksa_url(dinkes),
        {"aksi": "kembalikan", "pilih": [a.pk], "catatan": "Bukti SP2D tidak terbaca."},
        follow=True,
    )
    assert "1 baris realisasi dikembalikan ke PD" in response.text
    a.refresh_from_db()
    assert (a.status, a.catatan_verifikasi) == (Status.DIKEMBALIKAN, "Bukti SP2D tidak terbaca.")
    assert "Bukti SP2D tidak terbaca." in response.text


def test_a_stale_page_cannot_verify_a_row_changed_since(client, admin_user, dinkes, dinkes_a):
    a = row(dinkes_a, 3)
    Realisasi.objects.filter(pk=a.pk).update(versi=5)
    client.force_login(admin_user)
    response = client.post(
        _periksa_url(dinkes),
        {"aksi": "verifikasi", "pilih": [a.pk], f"versi-{a.pk}": 4},
        follow=True,
    )
    assert "telah diubah sejak halaman dimuat" in response.text
    assert states(a) == [Status.DIAJUKAN]


def test_rows_of_another_pd_month_cannot_be_slipped_into_the_form(
    client, admin_user, dinkes, dinkes_a, dpupr_a
):
    own, other_pd, other_month = row(dinkes_a, 3), row(dpupr_a, 3), row(dinkes_a, 4)
    client.force_login(admin_user)
    for intruder in (other_pd, other_month):
        response = client.post(
            _periksa_url(dinkes),
            {"aksi": "verifikasi", "pilih": [own.pk, intruder.pk]},
            follow=True,
        )
        assert "tidak termasuk PD dan bulan ini" in response.text
    assert states(own, other_pd, other_month) == [Status.DIAJUKAN] * 3


def test_the_admin_writes_the_monthly_note_the_pd_will_read(client, admin_user, dinkes, dpupr):
    client.force_login(admin_user)
    response = client.post(
        _periksa_url(dinkes),
        {"aksi": "catatan", "catatan_bulanan": "Realisasi keuangan masih rendah."},
        follow=True,
    )
    assert "Catatan bulanan disimpan" in response.text
    assert "Realisasi keuangan masih rendah." in response.text
    assert verifikasi.catatan_bulanan_for(dinkes, 2026, 3).catatan.startswith("Realisasi")
    assert verifikasi.catatan_bulanan_for(dpupr, 2026, 3) is None


def test_an_empty_monthly_note_from_the_page_is_refused(client, admin_user, dinkes):
    client.force_login(admin_user)
    response = client.post(
        _periksa_url(dinkes), {"aksi": "catatan", "catatan_bulanan": ""}, follow=True
    )
    assert "Catatan bulanan wajib diisi" in response.text
    assert not CatatanBulanan.objects.exists()


@pytest.mark.parametrize(
    ("pd_pk", "tahun", "bulan"), [(999999, 2026, 3), (None, 2026, 13), (None, 1999, 3)]
)
def test_the_check_of_an_unknown_pd_or_month_is_404(
    client, admin_user, dinkes, pd_pk, tahun, bulan
):
    client.force_login(admin_user)
    url = reverse("realisasi:verifikasi-pd", args=[pd_pk or dinkes.pk, tahun, bulan])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("n_lines", [1, 12])
def test_the_check_costs_the_same_queries_whatever_the_number_of_lines(
    client, admin_user, dinkes, apbd, django_assert_max_num_queries, n_lines
):
    for j in range(n_lines):
        dpa = make_dpa(dinkes, make_sub_kegiatan(f"1.02.02.2.01.{j + 10:04d}"), apbd, 120 * JT)
        row(dpa, 2, Status.DIVERIFIKASI, fisik=5)
        r = row(dpa, 3, fisik=10, diubah_oleh=make_user(f"op{j}", Role.OPERATOR, dinkes))
        for k in range(2):
            BuktiDukung.objects.create(
                realisasi=r, berkas=f"bukti/x{j}{k}.pdf", nama_asli="a.pdf", jenis="pdf", ukuran=10
            )
    client.force_login(admin_user)
    with django_assert_max_num_queries(11):
        response = client.get(_periksa_url(dinkes))
    assert len(response.context["baris"]) == n_lines


# --- In a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_the_admin_selects_every_pd_month_and_verifies_them_in_a_browser(
    page, screenshot, admin_user, dinkes, dinkes_a, dinkes_b, dpupr_a
):
    from playwright.sync_api import expect

    from .builders import PASSWORD

    rows = [row(dinkes_a, 3, kendala="Cuaca"), row(dinkes_b, 3), row(dpupr_a, 3)]
    BuktiDukung.objects.create(
        realisasi=rows[0],
        berkas="bukti/x.jpg",
        nama_asli="foto.jpg",
        jenis="image/jpeg",
        ukuran=5000,
    )
    page.goto(reverse("login"))
    page.get_by_label("Nama pengguna").fill(admin_user.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Verifikasi").click()
    expect(page.get_by_test_id("antrean")).to_contain_text("DINKES")
    screenshot("verifikasi-antrean")
    page.get_by_test_id(f"antrean-{dinkes.pk}-2026-3").get_by_role("link", name="Periksa").click()
    expect(page.get_by_test_id("periksa")).to_contain_text("foto.jpg")
    screenshot("verifikasi-periksa")
    page.go_back()
    page.get_by_label("Pilih semua").check()  # static/js/verifikasi.js ticks every row
    page.get_by_role("button", name="Verifikasi yang dipilih").click()
    expect(page.get_by_role("alert")).to_contain_text("3 baris realisasi dari 2 PD-bulan")
    assert states(*rows) == [Status.DIVERIFIKASI] * 3
