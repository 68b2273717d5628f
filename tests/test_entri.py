"""The monthly realisasi entry of a PD: an operator with many lines and a deadline tomorrow.

The clock stands at 5 July 2026, 09.00 WIB: June is open until 10 July (the default deadline), May
has passed its deadline, August has not begun. Dinkes has two lines: A (Rp 1 M, RKO rising evenly,
June target 50%) and B (Rp 200 jt, DAK).
"""

import datetime
import re
from decimal import Decimal
from functools import partial

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from akun.models import Role
from kegiatan import services as kegiatan_services
from kegiatan.fields import parse_persen, parse_rupiah
from kegiatan.models import DPA, RKO, Kegiatan, Program, RiwayatPagu, SubKegiatan
from realisasi import services
from realisasi.models import AturanPelaporan, BukaKunci, KunciBulan, Realisasi

from .builders import JT, PASSWORD, make_dpa, make_user, report

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
Status = Realisasi.Status


# --- Setting --------------------------------------------------------------------------------------


@pytest.fixture
def line_dpupr(dpupr, jalan, apbd):
    return make_dpa(dpupr, jalan, apbd, 3000 * JT)


def entri_url(pd, bulan=6, tahun=2026):
    return reverse("realisasi:entri", args=[pd.pk, tahun, bulan])


def salin_url(pd, bulan=6, tahun=2026):
    return reverse("realisasi:entri-salin", args=[pd.pk, tahun, bulan])


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def row_data(dpa, *, fisik="", keuangan="", kendala="", solusi="", versi=None, bulan=6):
    """The fields one row of the page posts; ``versi`` defaults to the row's current one."""
    if versi is None:
        row = Realisasi.objects.filter(dpa=dpa, bulan=bulan).first()
        versi = row.versi if row else 0
    prefix = f"r{dpa.pk}"
    return {
        f"{prefix}-fisik": fisik,
        f"{prefix}-keuangan": keuangan,
        f"{prefix}-kendala": kendala,
        f"{prefix}-solusi": solusi,
        f"{prefix}-versi": str(versi),
    }


def post(client, pd, *rows, action="simpan", bulan=6):
    data = {"action": action}
    for row in rows:
        data.update(row)
    return client.post(entri_url(pd, bulan), data)


def cell(response, name: str) -> str:
    """The table cell holding the input ``name``, as text (the error must be *next to* it)."""
    html = response.content.decode()
    match = re.search(
        r'<td[^>]*>(?:(?!</td>).)*name="' + re.escape(name) + r'"(?:(?!</td>).)*</td>', html, re.S
    )
    assert match, f"no input {name} on the page"
    return match.group(0)


def row_errors(response, dpa) -> dict:
    for item in response.context["halaman"].baris:
        if item.line.pk == dpa.pk:
            return dict(item.form.errors) if item.form else {}
    raise AssertionError(f"line {dpa.pk} not on the page")


# --- Indonesian numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.250.000", Decimal("1250000")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("Rp 1.250.000", Decimal("1250000")),
        ("Rp1.250.000,5", Decimal("1250000.5")),
        ("1250000", Decimal("1250000")),
        (" 750 ", Decimal("750")),
        ("0", Decimal("0")),
        ("", None),
    ],
)
def test_money_is_read_the_indonesian_way(text, expected):
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("1,2,3", "1.250.000"),
        ("Rp abc", "1.250.000"),
        ("Rp", "1.250.000"),
        ("1e9", "1.250.000"),
        ("1.25", "1.250.000"),  # a point groups thousands; it is never a decimal point
        ("1250000.50", "1.250.000"),
        ("1,234", "1.250.000"),  # an English thousands comma is not guessed at
        ("-5", "tidak boleh negatif"),
        ("12345678901234567", "terlalu besar"),
    ],
)
def test_garbage_money_is_refused_with_the_expected_form(text, message):
    with pytest.raises(ValidationError) as excinfo:
        parse_rupiah(text)
    assert message in excinfo.value.messages[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("45,5", Decimal("45.5")),
        ("45.5", Decimal("45.5")),
        ("100", 100),
        ("7,25%", Decimal("7.25")),
    ],
)
def test_percent_takes_a_comma_or_a_point(text, expected):
    assert parse_persen(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("-5", "tidak boleh negatif"),
        ("1e9", "45,5"),
        ("1,2,3", "45,5"),
        ("abc", "45,5"),
        ("45,555", "dua angka"),
        ("100,5", "paling besar 100%"),
    ],
)
def test_garbage_percent_is_refused(text, message):
    with pytest.raises(ValidationError) as excinfo:
        parse_persen(text)
    assert message in excinfo.value.messages[0]


def test_garbage_in_the_form_is_shown_next_to_its_field_and_nothing_is_saved(
    july_5, operator_dinkes, dinkes, line_a
):
    response = post(
        client_for(operator_dinkes), dinkes, row_data(line_a, fisik="1e9", keuangan="Rp abc")
    )
    assert response.status_code == 200
    assert "Tulis persen seperti 45 atau 45,5." in cell(response, f"r{line_a.pk}-fisik")
    assert "1.250.000,50" in cell(response, f"r{line_a.pk}-keuangan")
    assert "Belum disimpan" in response.content.decode()
    assert not Realisasi.objects.exists()


# --- The page -------------------------------------------------------------------------------------


def test_the_page_shows_each_line_with_its_plan_and_last_month(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    kegiatan_services.pagu_change(
        dpa=line_a, fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 15), pagu=600 * JT
    )
    report(line_a, 4, 30, 100 * JT)
    report(line_a, 5, 40, 50 * JT, status=Status.DIAJUKAN)
    response = client_for(operator_dinkes).get(entri_url(dinkes))
    assert response.status_code == 200
    html = response.content.decode()
    # Grouped program → kegiatan, one header each.
    assert html.count('class="entri-program"') == 1
    assert html.count('class="entri-kegiatan"') == 1
    [a, b] = response.context["halaman"].baris
    assert a.line.pk == line_a.pk
    assert a.line.pagu_bulan == 600 * JT  # in force at the end of June, after the cut
    assert a.line.target_fisik_bulan == Decimal(50)
    assert a.line.target_keuangan_bulan == Decimal(83_333_333)
    assert a.line.fisik_lalu == Decimal(40)
    assert a.line.keuangan_lalu == 150 * JT
    assert b.line.fisik_lalu is None
    assert "Rp 600.000.000" in html and "Rp 150.000.000" in html
    assert reverse("realisasi:bukti", args=[line_a.pk, 6]) in html
    assert "Belum diisi" in html
    assert 'name="action" value="simpan"' in html and 'name="action" value="ajukan"' in html
    assert f'name="r{line_a.pk}-fisik"' in html


def test_the_pd_totals_weigh_fisik_by_pagu_and_add_up_money(
    july_5, pimpinan, dinkes, line_a, line_b
):
    kegiatan_services.pagu_change(
        dpa=line_a, fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 15), pagu=600 * JT
    )
    report(line_a, 5, 40, 150 * JT)
    report(line_a, 6, 45, 10 * JT, status=Status.DRAFT)
    report(line_b, 4, 20, 5 * JT, status=Status.DIKEMBALIKAN)  # money counts, fisik floor not
    response = client_for(pimpinan).get(entri_url(dinkes))
    total = response.context["halaman"].total
    assert total.pagu == 800 * JT
    assert total.keuangan_bulan_ini == 10 * JT
    assert total.keuangan_kumulatif == 165 * JT
    assert total.fisik == Decimal("33.75")  # (600 · 45 + 200 · 0) / 800
    bar = response.content.decode().split('data-testid="total"')[1]
    assert "Rp 165.000.000" in bar and "33,75%" in bar and "20,63%" in bar


def test_a_returned_row_shows_the_verifiers_note_and_stays_editable(
    july_5, operator_dinkes, dinkes, line_a
):
    row = report(line_a, 6, 45, 10 * JT, status=Status.DIKEMBALIKAN)
    row.catatan_verifikasi = "Foto progres belum dilampirkan."
    row.save()
    response = client_for(operator_dinkes).get(entri_url(dinkes))
    html = response.content.decode()
    assert "Foto progres belum dilampirkan." in html
    assert "Dikembalikan" in html
    assert f'name="r{line_a.pk}-fisik"' in html
    assert 'value="45"' in cell(response, f"r{line_a.pk}-fisik")


def test_an_empty_year_says_so(july_5, operator_dinkes, dinkes):
    response = client_for(operator_dinkes).get(entri_url(dinkes))
    assert "Belum ada DPA DINKES untuk tahun 2026" in response.content.decode()


def test_an_unknown_month_is_not_found(july_5, operator_dinkes, dinkes):
    assert client_for(operator_dinkes).get(entri_url(dinkes, bulan=13)).status_code == 404


# --- Saving a draft -------------------------------------------------------------------------------


def test_a_draft_is_saved_with_indonesian_numbers(july_5, operator_dinkes, dinkes, line_a, line_b):
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="45,5", keuangan="1.250.000"),
        row_data(line_b),  # left blank: not entered
    )
    assert response.status_code == 302
    row = Realisasi.objects.get()
    assert row.dpa == line_a and row.bulan == 6
    assert row.realisasi_fisik == Decimal("45.5")
    assert row.realisasi_keuangan == Decimal("1250000")
    assert row.status == Status.DRAFT
    assert row.versi == 1
    assert row.diubah_oleh == operator_dinkes
    history = row.history.get()
    assert history.history_user == operator_dinkes
    assert history.history_type == "+"


def test_saving_again_bumps_the_version_of_changed_rows_only(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="46"), row_data(line_b, fisik="48"))
    post(client, dinkes, row_data(line_a, fisik="47"), row_data(line_b, fisik="48"))
    a = Realisasi.objects.get(dpa=line_a)
    b = Realisasi.objects.get(dpa=line_b)
    assert (a.realisasi_fisik, a.versi) == (Decimal(47), 2)
    assert (b.realisasi_keuangan, b.versi) == (Decimal(0), 1)  # blank money is Rp 0
    assert a.history.count() == 2 and b.history.count() == 1


def test_enter_does_not_submit_the_form_without_script(july_5, operator_dinkes, dinkes, line_a):
    html = client_for(operator_dinkes).get(entri_url(dinkes)).content.decode()
    form = html[html.index('id="entri-form"') :]
    first_submit = re.search(r"<button[^>]*>", form).group(0)
    assert 'type="submit"' in first_submit and "disabled" in first_submit


# --- The rules, each next to its field ------------------------------------------------------------


def test_fisik_above_100_is_refused(july_5, operator_dinkes, dinkes, line_a):
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="100,5"))
    assert row_errors(response, line_a) == {"fisik": ["Persentase paling besar 100%."]}
    assert not Realisasi.objects.exists()


def test_the_service_refuses_fisik_outside_0_100(july_5, operator_dinkes, dinkes, line_a):
    with pytest.raises(services.IsianTidakValid) as excinfo:
        services.realisasi_save(
            perangkat_daerah=dinkes,
            tahun=2026,
            bulan=6,
            rows={line_a.pk: services.IsianBaris(fisik=Decimal(101))},
            by=operator_dinkes,
        )
    assert excinfo.value.errors == {line_a.pk: {"fisik": ["Realisasi fisik harus 0–100%."]}}
    assert not Realisasi.objects.exists()


def test_fisik_may_not_fall_below_last_month(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 4, 30, 0)
    report(line_a, 5, 48, 0, status=Status.DRAFT)  # a draft counts: it is the PD's own word
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="47"))
    message = "Realisasi fisik kumulatif tidak boleh turun dari bulan sebelumnya (48,00%)."
    assert row_errors(response, line_a)["fisik"] == [message]
    assert message in cell(response, f"r{line_a.pk}-fisik")
    assert not Realisasi.objects.filter(bulan=6).exists()


def test_a_line_at_100_percent_never_goes_down(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 3, 100, 0)
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="99,99"))
    assert "tidak boleh turun" in row_errors(response, line_a)["fisik"][0]
    assert (
        post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="100")).status_code == 302
    )


def test_a_returned_earlier_row_does_not_set_the_floor(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 4, 30, 0)
    report(line_a, 5, 60, 0, status=Status.DIKEMBALIKAN)  # being corrected: 60 was a typo
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="45"))
    assert response.status_code == 302
    assert Realisasi.objects.get(dpa=line_a, bulan=6).realisasi_fisik == 45


def test_fisik_may_not_pass_a_later_month_already_reported(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 7, 50, 0, status=Status.DRAFT)
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="55"))
    assert row_errors(response, line_a)["fisik"] == [
        "Realisasi fisik kumulatif tidak boleh melebihi realisasi bulan Juli (50,00%)."
    ]
    assert not Realisasi.objects.filter(bulan=6).exists()


def test_negative_money_is_refused(july_5, operator_dinkes, dinkes, line_a):
    response = post(
        client_for(operator_dinkes), dinkes, row_data(line_a, fisik="50", keuangan="-5")
    )
    assert row_errors(response, line_a) == {"keuangan": ["Nilai uang tidak boleh negatif."]}
    with pytest.raises(services.IsianTidakValid) as excinfo:
        services.realisasi_save(
            perangkat_daerah=dinkes,
            tahun=2026,
            bulan=6,
            rows={line_a.pk: services.IsianBaris(fisik=Decimal(50), keuangan=Decimal(-1))},
            by=operator_dinkes,
        )
    assert excinfo.value.errors[line_a.pk] == {"keuangan": ["Nilai uang tidak boleh negatif."]}
    assert not Realisasi.objects.exists()


def test_cumulative_money_may_not_pass_the_pagu_in_force_at_month_end(
    july_5, operator_dinkes, dinkes, line_a
):
    kegiatan_services.pagu_change(
        dpa=line_a, fase="refocusing", tanggal_berlaku=datetime.date(2026, 5, 15), pagu=600 * JT
    )
    report(line_a, 3, 20, 400 * JT)
    report(line_a, 5, 40, 100 * JT, status=Status.DRAFT)
    client = client_for(operator_dinkes)
    response = post(client, dinkes, row_data(line_a, fisik="50", keuangan="100.000.001"))
    message = (
        "Realisasi keuangan kumulatif Rp 600.000.001 melebihi pagu Rp 600.000.000 "
        "(s.d. bulan lalu Rp 500.000.000)."
    )
    assert row_errors(response, line_a) == {"keuangan": [message]}
    assert message in cell(response, f"r{line_a.pk}-keuangan")
    assert not Realisasi.objects.filter(bulan=6).exists()
    response = post(client, dinkes, row_data(line_a, fisik="50", keuangan="100.000.000"))
    assert response.status_code == 302


def test_kendala_and_solusi_are_required_when_far_behind_target(
    july_5, operator_dinkes, dinkes, line_a
):
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="44,99"))
    errors = row_errors(response, line_a)
    assert errors["kendala"] == [
        "Kendala wajib diisi: realisasi fisik tertinggal 5,01 poin dari target 50,00% "
        "(batas 5,00 poin)."
    ]
    assert errors["solusi"][0].startswith("Solusi wajib diisi")
    assert "Kendala wajib diisi" in cell(response, f"r{line_a.pk}-kendala")
    assert "Solusi wajib diisi" in cell(response, f"r{line_a.pk}-solusi")
    assert not Realisasi.objects.exists()


def test_kendala_is_optional_within_the_threshold(july_5, operator_dinkes, dinkes, line_a):
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="45"))
    assert response.status_code == 302


def test_the_threshold_is_the_admins(july_5, operator_dinkes, dinkes, line_a):
    AturanPelaporan.objects.create(ambang_deviasi_kendala=Decimal(20))
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="31"))
    assert response.status_code == 302
    AturanPelaporan.objects.update(ambang_deviasi_kendala=Decimal(10))
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="35"))
    assert set(row_errors(response, line_a)) == {"kendala", "solusi"}


def test_one_wrong_row_among_good_ones_saves_nothing(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="48", keuangan="1.000.000", kendala="x", solusi="y"),
        row_data(line_b, fisik="48", keuangan="250.000.000"),  # over the Rp 200 jt pagu
    )
    assert response.status_code == 200
    assert row_errors(response, line_a) == {}
    assert list(row_errors(response, line_b)) == ["keuangan"]
    assert not Realisasi.objects.exists()
    # What was typed stays on the page.
    assert 'value="1.000.000"' in cell(response, f"r{line_a.pk}-keuangan")


def test_all_wrong_rows_are_reported_at_once(july_5, operator_dinkes, dinkes, line_a, line_b):
    report(line_b, 5, 30, 0)
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="1,2,3"),  # a form error
        row_data(line_b, fisik="10"),  # a rule error found without saving
    )
    assert list(row_errors(response, line_a)) == ["fisik"]
    assert "tidak boleh turun" in row_errors(response, line_b)["fisik"][0]
    assert "Belum disimpan: 2 baris" in response.content.decode()


def test_money_without_fisik_asks_for_fisik(july_5, operator_dinkes, dinkes, line_a):
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, keuangan="5.000"))
    assert row_errors(response, line_a) == {"fisik": ["Realisasi fisik wajib diisi."]}


# --- Submitting -----------------------------------------------------------------------------------


def test_an_incomplete_month_is_not_submitted_but_the_draft_is_kept(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="48"),
        row_data(line_b),
        action="ajukan",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "belum diajukan: 1 sub kegiatan belum diisi" in html
    assert "Wajib diisi sebelum diajukan." in cell(response, f"r{line_b.pk}-fisik")
    assert "Wajib diisi sebelum diajukan." not in cell(response, f"r{line_a.pk}-fisik")
    row = Realisasi.objects.get()
    assert (row.dpa, row.status, row.realisasi_fisik) == (line_a, Status.DRAFT, 48)


def test_a_complete_month_is_submitted(july_5, operator_dinkes, dinkes, line_a, line_b):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="48"))  # a draft from yesterday
    response = post(
        client, dinkes, row_data(line_a, fisik="49"), row_data(line_b, fisik="50"), action="ajukan"
    )
    assert response.status_code == 302
    rows = Realisasi.objects.order_by("dpa_id")
    assert [(r.status, r.realisasi_fisik, r.versi) for r in rows] == [
        (Status.DIAJUKAN, 49, 2),
        (Status.DIAJUKAN, 50, 1),
    ]
    assert all(r.diajukan_pada == timezone.now() for r in rows)
    page = client.get(entri_url(dinkes))
    html = page.content.decode()
    assert "Realisasi Juni 2026 diajukan untuk diverifikasi (2 baris)." in html
    assert "sudah diajukan; menunggu verifikasi" in html
    assert 'name="action"' not in html and f'name="r{line_a.pk}-fisik"' not in html


def test_a_returned_row_can_be_corrected_and_submitted_again(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    returned = report(line_a, 6, 60, 0, status=Status.DIKEMBALIKAN)
    verified = report(line_b, 6, 50, 0, status=Status.DIVERIFIKASI)
    client = client_for(operator_dinkes)
    page = client.get(entri_url(dinkes)).content.decode()
    assert f'name="r{line_a.pk}-fisik"' in page and f'name="r{line_b.pk}-fisik"' not in page
    response = post(client, dinkes, row_data(line_a, fisik="48"), action="ajukan")
    assert response.status_code == 302
    returned.refresh_from_db()
    verified.refresh_from_db()
    assert (returned.status, returned.realisasi_fisik, returned.versi) == (Status.DIAJUKAN, 48, 2)
    assert (verified.status, verified.versi) == (Status.DIVERIFIKASI, 1)


@pytest.mark.parametrize("status", [Status.DIAJUKAN, Status.DIVERIFIKASI])
def test_a_crafted_post_cannot_change_a_submitted_row(
    july_5, operator_dinkes, dinkes, line_a, line_b, status
):
    row = report(line_a, 6, 40, 10 * JT, status=status)
    report(line_b, 6, 45, 0, status=Status.DRAFT)
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="90", keuangan="1"),
        row_data(line_b, fisik="47"),
    )
    assert response.status_code == 200
    assert "tidak dapat diubah lagi" in row_errors(response, line_a)["__all__"][0]
    row.refresh_from_db()
    assert (row.realisasi_fisik, row.realisasi_keuangan, row.status, row.versi) == (
        40,
        10 * JT,
        status,
        1,
    )
    assert row_errors(response, line_b) == {}
    assert Realisasi.objects.get(dpa=line_b).realisasi_fisik == 45  # nothing else saved either


# --- Closed months --------------------------------------------------------------------------------


def test_a_locked_month_refuses_a_crafted_post(july_5, operator_dinkes, admin_user, dinkes, line_a):
    KunciBulan.objects.create(
        tahun=2026,
        bulan=6,
        batas_pengisian=datetime.date(2026, 7, 10),
        dikunci_pada=timezone.now(),
        dikunci_oleh=admin_user,
    )
    client = client_for(operator_dinkes)
    page = client.get(entri_url(dinkes))
    assert "telah dikunci oleh admin" in page.content.decode()
    assert 'name="action"' not in page.content.decode()
    response = post(client, dinkes, row_data(line_a, fisik="50"))
    assert response.status_code == 403
    assert "telah dikunci oleh admin" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_an_overdue_month_refuses_a_crafted_post(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 5, 30, 0, status=Status.DRAFT)
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="40"), bulan=5)
    assert response.status_code == 403
    assert "Batas pengisian 10 Juni 2026 telah lewat." in response.content.decode()
    assert Realisasi.objects.get().realisasi_fisik == 30


def test_a_future_month_refuses_a_crafted_post(july_5, operator_dinkes, dinkes, line_a):
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="60"), bulan=8)
    assert response.status_code == 403
    assert "belum dimulai" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_the_service_itself_refuses_a_closed_month(july_5, operator_dinkes, dinkes, line_a):
    with pytest.raises(PermissionDenied, match="telah lewat"):
        services.realisasi_save(
            perangkat_daerah=dinkes,
            tahun=2026,
            bulan=5,
            rows={line_a.pk: services.IsianBaris(fisik=Decimal(10))},
            by=operator_dinkes,
        )
    assert not Realisasi.objects.exists()


def test_a_month_reopened_for_the_pd_accepts_the_post(
    july_5, operator_dinkes, admin_user, dinkes, line_a
):
    kunci = KunciBulan.objects.create(
        tahun=2026, bulan=5, batas_pengisian=datetime.date(2026, 6, 10)
    )
    BukaKunci.objects.create(
        kunci_bulan=kunci,
        perangkat_daerah=dinkes,
        alasan="Operator sakit saat batas pengisian.",
        dibuka_oleh=admin_user,
        berlaku_sampai=datetime.date(2026, 7, 7),
    )
    client = client_for(operator_dinkes)
    assert "Dibuka kembali oleh admin" in client.get(entri_url(dinkes, bulan=5)).content.decode()
    response = post(client, dinkes, row_data(line_a, fisik="40", bulan=5), bulan=5)
    assert response.status_code == 302
    assert Realisasi.objects.get(bulan=5).realisasi_fisik == 40


# --- Two people, one month ------------------------------------------------------------------------


def page_versi(response, dpa) -> int:
    for item in response.context["halaman"].baris:
        if item.line.pk == dpa.pk:
            return int(item.form["versi"].value())
    raise AssertionError


def test_the_second_of_two_saves_gets_a_conflict_and_the_first_survives(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    kedua = make_user("operator_dinkes_2", Role.OPERATOR, dinkes, first_name="Sari")
    first, second = client_for(operator_dinkes), client_for(kedua)
    versi_first = page_versi(first.get(entri_url(dinkes)), line_a)
    versi_second = page_versi(second.get(entri_url(dinkes)), line_a)
    assert versi_first == versi_second == 0

    assert post(second, dinkes, row_data(line_a, fisik="46", versi=versi_second)).status_code == 302
    response = post(
        first,
        dinkes,
        row_data(line_a, fisik="48", keuangan="5.000.000", versi=versi_first),
        row_data(line_b, fisik="49", versi=0),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Data telah diubah oleh Sari pada 5 Juli 2026 pukul 09.00" in html
    assert "berikut nilai terbaru; periksa lalu simpan kembali" in html
    # The newest values and version are on the page; what the first typed is shown beside them.
    assert 'value="46"' in cell(response, f"r{line_a.pk}-fisik")
    assert page_versi(response, line_a) == 1
    assert "Isian Anda yang belum tersimpan: fisik 48,00%, keuangan Rp 5.000.000" in html
    assert 'value="49"' in cell(response, f"r{line_b.pk}-fisik")  # other rows keep their input
    # Nothing of the first save was written; the second's value survives.
    row = Realisasi.objects.get()
    assert (row.dpa, row.realisasi_fisik, row.diubah_oleh) == (line_a, 46, kedua)

    # Saving again from the refreshed page works.
    response = post(
        first, dinkes, row_data(line_a, fisik="48", versi=1), row_data(line_b, fisik="49", versi=0)
    )
    assert response.status_code == 302
    assert Realisasi.objects.get(dpa=line_a).versi == 2


def test_the_same_change_by_two_people_is_no_conflict(july_5, operator_dinkes, dinkes, line_a):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="46", versi=0))
    assert post(client, dinkes, row_data(line_a, fisik="46", versi=0)).status_code == 302
    assert Realisasi.objects.get().versi == 1


# --- Copying last month ---------------------------------------------------------------------------


def test_last_month_is_copied_into_an_untouched_month(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    may = report(line_a, 5, 40, 50 * JT, status=Status.DIVERIFIKASI)
    may.kendala, may.solusi = "Lahan belum dibebaskan.", "Koordinasi dengan BPN."
    may.save()
    client = client_for(operator_dinkes)
    assert "Salin bulan lalu" in client.get(entri_url(dinkes)).content.decode()
    response = client.post(salin_url(dinkes))
    assert response.status_code == 302
    june = Realisasi.objects.get(bulan=6)
    assert june.dpa == line_a  # B has nothing to copy
    assert (june.realisasi_fisik, june.realisasi_keuangan) == (40, 0)
    assert (june.kendala, june.solusi) == ("Lahan belum dibebaskan.", "Koordinasi dengan BPN.")
    assert (june.status, june.versi, june.diubah_oleh) == (Status.DRAFT, 1, operator_dinkes)
    assert june.history.get().history_user == operator_dinkes
    page = client.get(entri_url(dinkes)).content.decode()
    assert "1 baris disalin dari bulan lalu" in page
    assert "Salin bulan lalu" not in page


def test_copying_into_a_month_with_rows_is_refused(july_5, operator_dinkes, dinkes, line_a, line_b):
    report(line_a, 5, 40, 0)
    report(line_b, 5, 20, 0)
    report(line_b, 6, 25, 0, status=Status.DRAFT)
    client = client_for(operator_dinkes)
    response = client.post(salin_url(dinkes), follow=True)
    assert "Bulan ini sudah berisi realisasi" in response.content.decode()
    assert Realisasi.objects.filter(bulan=6).count() == 1


def test_copying_into_a_closed_month_is_refused(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 4, 40, 0)
    response = client_for(operator_dinkes).post(salin_url(dinkes, bulan=5))
    assert response.status_code == 403
    assert not Realisasi.objects.filter(bulan=5).exists()


def test_copying_needs_something_to_copy(july_5, operator_dinkes, dinkes, line_a):
    response = client_for(operator_dinkes).post(salin_url(dinkes), follow=True)
    assert "Belum ada realisasi bulan sebelumnya" in response.content.decode()
    with pytest.raises(ValidationError, match="Januari"):
        services.realisasi_copy_last_month(
            perangkat_daerah=dinkes, tahun=2026, bulan=1, by=operator_dinkes
        )
    assert not Realisasi.objects.exists()


def test_copy_is_post_only(july_5, operator_dinkes, dinkes, line_a):
    assert client_for(operator_dinkes).get(salin_url(dinkes)).status_code == 405


# --- Who may see and do what ----------------------------------------------------------------------


def test_anonymous_is_sent_to_login(july_5, dinkes, line_a):
    client = Client()
    for response in (
        client.get(reverse("realisasi:entri-pilih")),
        client.get(entri_url(dinkes)),
        client.post(entri_url(dinkes), row_data(line_a, fisik="50")),
        client.post(salin_url(dinkes)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert not Realisasi.objects.exists()


def test_another_pds_operator_gets_404(july_5, operator_dpupr, dinkes, line_a):
    report(line_a, 5, 40, 0)
    client = client_for(operator_dpupr)
    assert client.get(entri_url(dinkes)).status_code == 404
    assert post(client, dinkes, row_data(line_a, fisik="50")).status_code == 404
    assert client.post(salin_url(dinkes)).status_code == 404
    assert not Realisasi.objects.filter(bulan=6).exists()


@pytest.mark.parametrize("persona", ["admin", "pimpinan", "auditor"])
def test_read_only_roles_see_the_page_but_cannot_write(july_5, personas, dinkes, line_a, persona):
    report(line_a, 5, 40, 0)
    report(line_a, 6, 45, 10 * JT, status=Status.DRAFT)
    client = client_for(personas[persona])
    response = client.get(entri_url(dinkes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tampilan baca saja" in html
    assert "45,00%" in html and "Rp 10.000.000" in html
    assert f'name="r{line_a.pk}-fisik"' not in html and 'name="action"' not in html
    assert "Salin bulan lalu" not in html
    response = post(client, dinkes, row_data(line_a, fisik="50"))
    assert response.status_code == 403
    assert client.post(salin_url(dinkes)).status_code == 403
    assert Realisasi.objects.get(bulan=6).realisasi_fisik == 45


def test_the_service_refuses_anyone_but_the_pds_operator(
    july_5, admin_user, operator_dpupr, dinkes, line_a
):
    for user in (admin_user, operator_dpupr):
        with pytest.raises(PermissionDenied):
            services.realisasi_save(
                perangkat_daerah=dinkes,
                tahun=2026,
                bulan=6,
                rows={line_a.pk: services.IsianBaris(fisik=Decimal(50))},
                by=user,
            )
    assert not Realisasi.objects.exists()


# --- Choosing the month ---------------------------------------------------------------------------


def test_an_operator_goes_to_last_month_while_it_is_open(july_5, operator_dinkes, dinkes):
    response = client_for(operator_dinkes).get(reverse("realisasi:entri-pilih"))
    assert response["Location"] == entri_url(dinkes, bulan=6)


def test_after_the_deadline_an_operator_goes_to_a_month_reopened_for_them(
    time_machine, operator_dinkes, admin_user, dinkes
):
    time_machine.move_to(datetime.datetime(2026, 7, 20, 9, 0, tzinfo=JAKARTA), tick=False)
    client = client_for(operator_dinkes)
    # Nothing open: the last ended month, read-only.
    assert client.get(reverse("realisasi:entri-pilih"))["Location"] == entri_url(dinkes, 6)
    kunci = KunciBulan.objects.create(
        tahun=2026, bulan=4, batas_pengisian=datetime.date(2026, 5, 10)
    )
    BukaKunci.objects.create(
        kunci_bulan=kunci,
        perangkat_daerah=dinkes,
        alasan="Koreksi SP2D April.",
        dibuka_oleh=admin_user,
        berlaku_sampai=datetime.date(2026, 7, 31),
    )
    assert client.get(reverse("realisasi:entri-pilih"))["Location"] == entri_url(dinkes, 4)


def test_in_january_an_operator_reports_december(time_machine, operator_dinkes, dinkes):
    time_machine.move_to(datetime.datetime(2027, 1, 4, 9, 0, tzinfo=JAKARTA), tick=False)
    response = client_for(operator_dinkes).get(reverse("realisasi:entri-pilih"))
    assert response["Location"] == entri_url(dinkes, 12, tahun=2026)


@pytest.mark.parametrize("persona", ["admin", "pimpinan", "auditor"])
def test_read_only_roles_choose_a_pd_and_month(july_5, personas, dinkes, persona):
    client = client_for(personas[persona])
    response = client.get(reverse("realisasi:entri-pilih"))
    assert response.status_code == 200
    assert "DINKES" in response.content.decode()
    response = client.get(
        reverse("realisasi:entri-pilih"), {"perangkat_daerah": dinkes.pk, "tahun": 2026, "bulan": 3}
    )
    assert response["Location"] == entri_url(dinkes, 3)


# --- Query counts ---------------------------------------------------------------------------------


def bulk_lines(pd, sumber_dana, count: int, program_kode: str) -> list[DPA]:
    """``count`` DPA lines of ``pd`` for 2026 with pagu history and RKO, in a handful of queries."""
    program = Program.objects.create(kode=program_kode, nama=f"Program {program_kode}")
    kegiatan = Kegiatan.objects.bulk_create(
        Kegiatan(program=program, kode=f"{program_kode}.2.{k:02d}", nama=f"Kegiatan {k}")
        for k in range(1, count // 15 + 2)
    )
    subs = SubKegiatan.objects.bulk_create(
        SubKegiatan(
            kegiatan=kegiatan[i // 15],
            kode=f"{kegiatan[i // 15].kode}.{i:04d}",
            nama=f"Sub kegiatan {i}",
        )
        for i in range(count)
    )
    lines = DPA.objects.bulk_create(
        DPA(
            tahun=2026,
            perangkat_daerah=pd,
            sub_kegiatan=sub,
            sumber_dana=sumber_dana,
            nama_sub_kegiatan=sub.nama,
            pagu=120 * JT,
        )
        for sub in subs
    )
    RiwayatPagu.objects.bulk_create(
        RiwayatPagu(
            dpa=line, fase="murni", tanggal_berlaku=datetime.date(2026, 1, 1), pagu=120 * JT
        )
        for line in lines
    )
    RKO.objects.bulk_create(
        RKO(
            dpa=line,
            bulan=m,
            target_fisik=Decimal(50 * m / 6).quantize(Decimal("0.01")),
            target_keuangan=10 * JT,
        )
        for line in lines
        for m in range(1, 13)
    )
    Realisasi.objects.bulk_create(
        Realisasi(
            dpa=line, bulan=5, realisasi_fisik=40, realisasi_keuangan=JT, status="diverifikasi"
        )
        for line in lines
    )
    return lines


@pytest.fixture
def small_and_large(july_5, dinkes, dpupr, apbd, operator_dinkes, operator_dpupr):
    """Dinkes with 10 lines, DPUPR with 150."""
    return {
        10: (dinkes, operator_dinkes, bulk_lines(dinkes, apbd, 10, "1.02.03")),
        150: (dpupr, operator_dpupr, bulk_lines(dpupr, apbd, 150, "1.03.03")),
    }


MAX_QUERIES_GET = 12
MAX_QUERIES_POST = 20


def _count(django_assert_max_num_queries, limit, call) -> int:
    with django_assert_max_num_queries(limit) as captured:
        response = call()
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    return len(captured)


def test_the_page_costs_the_same_queries_for_10_and_150_lines(
    small_and_large, django_assert_max_num_queries
):
    counts = {}
    for size, (pd, user, _) in small_and_large.items():
        client = client_for(user)
        response = client.get(entri_url(pd))
        assert len(response.context["halaman"].baris) == size
        url = entri_url(pd)
        counts[size] = _count(
            django_assert_max_num_queries, MAX_QUERIES_GET, partial(client.get, url)
        )
    assert counts[10] == counts[150]


def test_saving_costs_the_same_queries_for_10_and_150_lines(
    small_and_large, django_assert_max_num_queries
):
    def save(client, pd, lines, fisik, action="simpan"):
        data = {"action": action}
        for line in lines:
            data.update(row_data(line, fisik=fisik, keuangan="1.000.000"))
        return lambda: client.post(entri_url(pd), data)

    created, updated, submitted = {}, {}, {}
    for size, (pd, user, lines) in small_and_large.items():
        client = client_for(user)
        created[size] = _count(
            django_assert_max_num_queries, MAX_QUERIES_POST, save(client, pd, lines, "45")
        )
        updated[size] = _count(
            django_assert_max_num_queries, MAX_QUERIES_POST, save(client, pd, lines, "46")
        )
        submitted[size] = _count(
            django_assert_max_num_queries,
            MAX_QUERIES_POST,
            save(client, pd, lines, "46", action="ajukan"),
        )
        assert (
            Realisasi.objects.filter(
                dpa__perangkat_daerah=pd, bulan=6, status=Status.DIAJUKAN, versi=3
            ).count()
            == size
        )
        assert Realisasi.history.filter(dpa__perangkat_daerah=pd, bulan=6).count() == 3 * size
    assert created[10] == created[150]
    assert updated[10] == updated[150]
    assert submitted[10] == submitted[150]


def test_bulk_writes_on_sqlite_leave_the_connection_as_they_found_it(
    july_5, operator_dinkes, dinkes, line_a
):
    before = connection.features.max_query_params
    post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="45"))
    assert connection.features.max_query_params == before
    assert Realisasi.objects.count() == 1


# --- In a real browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_operator_sees_the_totals_move_as_they_type(
    page, screenshot, time_machine, operator_dinkes, dinkes, line_a, line_b
):
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA), tick=True)
    report(line_a, 5, 40, 100 * JT)
    page.goto(reverse("login"))
    page.get_by_label("Nama pengguna").fill(operator_dinkes.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Isi realisasi").click()
    expect(page).to_have_url(re.compile(re.escape(entri_url(dinkes)) + "$"))

    total_keuangan = page.locator('[data-total="keuangan-bulan"]')
    expect(total_keuangan).to_have_text("Rp 0")
    # (1 M · 40 + 0,2 M · 0) / 1,2 M
    expect(page.locator('[data-total="fisik"]')).to_have_text("33,33%")

    fisik_a = page.get_by_label("Realisasi fisik kumulatif (%) 1.02.02.2.01.0002 PAD")
    keuangan_a = page.get_by_label("Realisasi keuangan bulan ini (Rp) 1.02.02.2.01.0002 PAD")
    fisik_a.fill("46,5")
    keuangan_a.fill("1.250.000")
    expect(total_keuangan).to_have_text("Rp 1.250.000")
    expect(page.locator('[data-total="keuangan-kumulatif"]')).to_have_text("Rp 101.250.000")
    expect(page.locator('[data-total="fisik"]')).to_have_text("38,75%")
    page.get_by_label("Realisasi keuangan bulan ini (Rp) 1.02.02.2.01.0003 DAKF").fill("2500000")
    expect(total_keuangan).to_have_text("Rp 3.750.000")

    # Enter moves down the column instead of submitting.
    fisik_a.press("Enter")
    fisik_b = page.get_by_label("Realisasi fisik kumulatif (%) 1.02.02.2.01.0003 DAKF")
    expect(fisik_b).to_be_focused()
    expect(page.locator("[data-testid=status-bulan]")).to_have_text("Terbuka")
    assert not Realisasi.objects.filter(bulan=6).exists()  # nothing was submitted
    fisik_b.fill("48")
    screenshot("entri")

    page.get_by_role("button", name="Simpan draft").click()
    page.get_by_text("Draft tersimpan (2 baris diperbarui).").wait_for()
    assert Realisasi.objects.get(dpa=line_b, bulan=6).realisasi_keuangan == Decimal(2_500_000)


def test_a_pd_with_300_lines_saves_its_whole_page(july_5, dpupr, apbd, operator_dpupr):
    """Five fields a line: 1.500 fields, above Django's default limit of 1.000."""
    lines = bulk_lines(dpupr, apbd, 300, "1.03.03")
    rows = [
        row_data(line, fisik="40", keuangan="1.000.000", kendala="Cuaca", solusi="Lembur", versi=0)
        for line in lines
    ]
    response = post(client_for(operator_dpupr), dpupr, *rows)
    assert response.status_code == 302
    assert Realisasi.objects.filter(dpa__in=lines, bulan=6).count() == 300
