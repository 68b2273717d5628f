"""Procurement packages: the operator keeps their PD's packages up to date, everyone who may read
sees them, and the stage rules hold; plus the Indonesian money field the forms share."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kegiatan.fields import CONTOH_RUPIAH, RupiahField, parse_rupiah
from pengadaan import services
from pengadaan.models import PaketPengadaan

from .builders import JT, make_dpa, make_pd, make_sub_kegiatan, make_user

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
Tahap = PaketPengadaan.Tahap


@pytest.fixture(autouse=True)
def may_2026(time_machine):
    time_machine.move_to(datetime.datetime(2026, 5, 5, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def line(dinkes, puskesmas, apbd):
    return make_dpa(dinkes, puskesmas, apbd, 1000 * JT, rko=False)


@pytest.fixture
def line_dpupr(dpupr, jalan, apbd):
    return make_dpa(dpupr, jalan, apbd, 3000 * JT, rko=False)


@pytest.fixture
def paket(line, operator_dinkes):
    return services.paket_create(
        dpa=line,
        by=operator_dinkes,
        nama="Pembangunan Gedung Puskesmas Sukamaju",
        metode=PaketPengadaan.Metode.TENDER,
        hps=Decimal("1250000000"),
        tahap=Tahap.PEMILIHAN,
        tanggal_pengumuman=datetime.date(2026, 3, 2),
    )


@pytest.fixture
def paket_dpupr(line_dpupr, operator_dpupr):
    return services.paket_create(
        dpa=line_dpupr,
        by=operator_dpupr,
        nama="Rehabilitasi Jalan Sukamaju–Sukasari",
        metode=PaketPengadaan.Metode.TENDER,
        hps=Decimal("2500000000"),
    )


def login(client, user):
    client.force_login(user)
    return client


def form_data(dpa, **overrides) -> dict:
    data = {
        "dpa": dpa.pk,
        "nama": "Pengadaan Alat Kesehatan Puskesmas",
        "metode": "e_purchasing",
        "hps": "1.250.000.000",
        "nilai_kontrak": "",
        "penyedia": "",
        "nomor_kontrak": "",
        "tahap": "perencanaan",
        "tanggal_pengumuman": "",
        "tanggal_kontrak": "",
        "tanggal_selesai_rencana": "",
        "tanggal_serah_terima": "",
    }
    data.update(overrides)
    return data


BARU = reverse("pengadaan:baru")
DAFTAR = reverse("pengadaan:daftar")


def ubah_url(paket):
    return reverse("pengadaan:ubah", args=[paket.pk])


def hapus_url(paket):
    return reverse("pengadaan:hapus", args=[paket.pk])


# --- Indonesian money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250.000", Decimal("1250000")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("1250000", Decimal("1250000")),
        ("1250000,5", Decimal("1250000.5")),
        ("Rp 1.250.000", Decimal("1250000")),
        ("Rp1.250.000,00", Decimal("1250000.00")),
        (" 750 ", Decimal("750")),
        ("0", Decimal("0")),
    ],
)
def test_money_is_read_the_indonesian_way(text, value):
    assert RupiahField(required=False).clean(text) == value
    assert parse_rupiah(text) == value


@pytest.mark.parametrize(
    "text", ["1,250,000", "1250000.50", "1.25", "1.2500", "satu juta", "1.250.000,", "Rp", "1e6"]
)
def test_money_that_is_not_written_the_indonesian_way_is_refused(text):
    with pytest.raises(ValidationError) as exc:
        RupiahField(required=False).clean(text)
    assert exc.value.messages == [CONTOH_RUPIAH]


def test_money_with_more_than_two_decimals_is_refused():
    with pytest.raises(ValidationError):
        RupiahField().clean("1.250,125")


def test_money_is_shown_back_the_indonesian_way():
    field = RupiahField()
    assert field.prepare_value(Decimal("1250000000.00")) == "1.250.000.000"
    assert field.prepare_value(Decimal("1250000.50")) == "1.250.000,50"
    assert field.prepare_value("1.250.000") == "1.250.000"  # what the user typed stays
    assert field.clean(field.prepare_value(Decimal("1250000.50"))) == Decimal("1250000.50")


# --- Creating -------------------------------------------------------------------------------------


def test_the_operator_creates_a_package_typing_indonesian_money(client, operator_dinkes, line):
    response = login(client, operator_dinkes).post(
        BARU,
        form_data(
            line,
            tahap="kontrak",
            nilai_kontrak="1.187.500.000,50",
            penyedia="CV Sehat Sentosa",
            nomor_kontrak="027/12/PPK/2026",
            tanggal_kontrak="2026-04-14",
        ),
    )
    assert response.status_code == 302
    assert response.url == f"{DAFTAR}?tahun=2026"
    paket = PaketPengadaan.objects.get()
    assert paket.dpa == line
    assert paket.hps == Decimal("1250000000")
    assert paket.nilai_kontrak == Decimal("1187500000.50")
    assert paket.tanggal_kontrak == datetime.date(2026, 4, 14)
    assert paket.history.get().history_user == operator_dinkes


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"nilai_kontrak": "1.300.000.000"},
            "nilai_kontrak",
            "Nilai kontrak tidak boleh melebihi HPS.",
        ),
        ({"tahap": "kontrak"}, "nilai_kontrak", "Nilai kontrak wajib diisi pada tahap Kontrak."),
        ({"tahap": "pelaksanaan"}, "penyedia", "Penyedia wajib diisi pada tahap Pelaksanaan."),
        (
            {"tahap": "kontrak"},
            "tanggal_kontrak",
            "Tanggal kontrak wajib diisi pada tahap Kontrak.",
        ),
        (
            {
                "tahap": "serah_terima",
                "nilai_kontrak": "1.000.000.000",
                "penyedia": "CV Sehat",
                "tanggal_kontrak": "2026-04-14",
            },
            "tanggal_serah_terima",
            "Tanggal serah terima wajib diisi pada tahap Serah Terima.",
        ),
        (
            {"tanggal_kontrak": "2026-04-14", "tanggal_serah_terima": "2026-04-01"},
            "tanggal_serah_terima",
            "Tanggal serah terima tidak boleh sebelum tanggal kontrak.",
        ),
        ({"hps": "1,250,000"}, "hps", CONTOH_RUPIAH),
        ({"hps": "-5.000"}, "hps", "Nilai uang tidak boleh negatif."),
        ({"nama": ""}, "nama", "Nama paket wajib diisi."),
        ({"metode": ""}, "metode", "Pilih metode pengadaan."),
    ],
    ids=[
        "kontrak-above-hps",
        "kontrak-needs-nilai",
        "pelaksanaan-needs-penyedia",
        "kontrak-needs-tanggal",
        "serah-terima-needs-tanggal",
        "serah-terima-before-kontrak",
        "english-money",
        "negative-money",
        "no-nama",
        "no-metode",
    ],
)
def test_a_package_breaking_a_rule_is_refused_with_its_message(
    client, operator_dinkes, line, overrides, field, message
):
    response = login(client, operator_dinkes).post(BARU, form_data(line, **overrides))
    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert message in response.content.decode()
    assert not PaketPengadaan.objects.exists()


def test_a_crafted_post_with_another_pds_line_is_an_invalid_choice(
    client, operator_dinkes, line, line_dpupr
):
    response = login(client, operator_dinkes).post(BARU, form_data(line_dpupr))
    assert response.status_code == 200
    assert field_errors(response, "dpa") == [
        "Pilih sub kegiatan dari DPA Perangkat Daerah Anda pada tahun ini."
    ]
    assert not PaketPengadaan.objects.exists()


def test_the_line_choices_are_the_operators_own_lines_of_the_year(
    client, operator_dinkes, dinkes, apbd, line, line_dpupr
):
    last_year = make_dpa(
        dinkes, make_sub_kegiatan("1.02.02.2.01.0003"), apbd, 10 * JT, tahun=2025, rko=False
    )
    form = login(client, operator_dinkes).get(BARU).context["form"]
    assert list(form.fields["dpa"].queryset) == [line]
    response = client.post(BARU, form_data(last_year))
    assert "dpa" in response.context["form"].errors
    form_2025 = client.get(f"{BARU}?tahun=2025").context["form"]
    assert list(form_2025.fields["dpa"].queryset) == [last_year]


def test_a_link_from_the_operators_line_preselects_it(client, operator_dinkes, line):
    response = login(client, operator_dinkes).get(f"{BARU}?dpa={line.pk}")
    assert response.status_code == 200
    assert response.context["form"].initial["dpa"] == line


@pytest.mark.parametrize("value", ["foreign", "999999", "abc"])
def test_the_new_form_for_another_pds_or_unknown_line_is_404(
    client, operator_dinkes, line, line_dpupr, value
):
    dpa = line_dpupr.pk if value == "foreign" else value
    response = login(client, operator_dinkes).get(f"{BARU}?dpa={dpa}")
    assert response.status_code == 404


# --- Updating and deleting ------------------------------------------------------------------------


def test_the_operator_moves_a_package_to_the_contract_stage(client, operator_dinkes, paket):
    login(client, operator_dinkes)
    page = client.get(ubah_url(paket))
    assert page.status_code == 200
    assert 'value="1.250.000.000"' in page.content.decode()  # money shown the Indonesian way
    response = client.post(
        ubah_url(paket),
        form_data(
            paket.dpa,
            nama=paket.nama,
            metode="tender",
            tahap="kontrak",
            nilai_kontrak="1.180.000.000",
            penyedia="PT Bangun Sehat",
            tanggal_pengumuman="2026-03-02",
            tanggal_kontrak="2026-04-20",
        ),
    )
    assert response.status_code == 302
    paket.refresh_from_db()
    assert paket.tahap == Tahap.KONTRAK
    assert paket.nilai_kontrak == Decimal("1180000000")
    assert paket.penyedia == "PT Bangun Sehat"
    latest = paket.history.latest()
    assert latest.history_type == "~"
    assert latest.history_user == operator_dinkes


def test_an_update_breaking_a_rule_changes_nothing(client, operator_dinkes, paket):
    response = login(client, operator_dinkes).post(
        ubah_url(paket), form_data(paket.dpa, nama="Nama baru", tahap="serah_terima")
    )
    assert response.status_code == 200
    assert "Tanggal serah terima wajib diisi pada tahap Serah Terima." in field_errors(
        response, "tanggal_serah_terima"
    )
    paket.refresh_from_db()
    assert paket.nama == "Pembangunan Gedung Puskesmas Sukamaju"
    assert paket.tahap == Tahap.PEMILIHAN


def test_an_update_cannot_move_a_package_to_another_pds_line(
    client, operator_dinkes, paket, line_dpupr
):
    response = login(client, operator_dinkes).post(
        ubah_url(paket), form_data(line_dpupr, nama=paket.nama)
    )
    assert response.status_code == 200
    assert "dpa" in response.context["form"].errors
    paket.refresh_from_db()
    assert paket.dpa.perangkat_daerah.singkatan == "DINKES"


def test_the_operator_deletes_a_package_after_confirming(client, operator_dinkes, paket):
    login(client, operator_dinkes)
    confirm = client.get(hapus_url(paket))
    assert confirm.status_code == 200
    assert "Hapus paket pengadaan?" in confirm.content.decode()
    assert PaketPengadaan.objects.filter(pk=paket.pk).exists()  # GET changes nothing
    response = client.post(hapus_url(paket))
    assert response.status_code == 302
    assert not PaketPengadaan.objects.filter(pk=paket.pk).exists()
    deleted = PaketPengadaan.history.get(id=paket.pk, history_type="-")
    assert deleted.history_user == operator_dinkes


# --- The four permission cases on every view ------------------------------------------------------


WRITE_VIEWS = ["baru", "ubah", "hapus"]


def url_of(view, paket):
    return BARU if view == "baru" else reverse(f"pengadaan:{view}", args=[paket.pk])


@pytest.mark.parametrize("view", ["daftar", *WRITE_VIEWS])
def test_anonymous_users_are_sent_to_login(client, paket, view):
    url = DAFTAR if view == "daftar" else url_of(view, paket)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert PaketPengadaan.objects.filter(pk=paket.pk).exists()


@pytest.mark.parametrize("view", ["ubah", "hapus"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_operator_of_another_pd_gets_404_for_a_foreign_package(
    client, operator_dpupr, paket, line, view, method
):
    response = getattr(login(client, operator_dpupr), method)(
        url_of(view, paket), form_data(line, nama="Dibajak") if method == "post" else None
    )
    assert response.status_code == 404
    paket.refresh_from_db()
    assert paket.nama == "Pembangunan Gedung Puskesmas Sukamaju"


def test_an_operator_of_another_pd_gets_404_for_new_with_a_foreign_line(
    client, operator_dpupr, line
):
    response = login(client, operator_dpupr).get(f"{BARU}?dpa={line.pk}")
    assert response.status_code == 404


def test_an_operator_of_another_pd_does_not_see_a_foreign_package_in_the_list(
    client, operator_dpupr, paket, paket_dpupr
):
    response = login(client, operator_dpupr).get(DAFTAR)
    assert response.status_code == 200
    assert list(response.context["halaman"].object_list) == [paket_dpupr]
    assert paket.nama not in response.content.decode()


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
@pytest.mark.parametrize("view", WRITE_VIEWS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_admin_pimpinan_and_auditor_get_403_on_every_write(
    client, personas, paket, role, view, method
):
    response = getattr(login(client, personas[role]), method)(
        url_of(view, paket), form_data(paket.dpa, nama="Diubah") if method == "post" else None
    )
    assert response.status_code == 403
    assert PaketPengadaan.objects.get().nama == "Pembangunan Gedung Puskesmas Sukamaju"


@pytest.mark.parametrize("view", ["daftar", *WRITE_VIEWS])
def test_the_owner_operator_opens_every_view(client, operator_dinkes, paket, view):
    url = DAFTAR if view == "daftar" else url_of(view, paket)
    assert login(client, operator_dinkes).get(url).status_code == 200


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
def test_the_reading_roles_see_every_pds_packages_without_write_links(
    client, personas, paket, paket_dpupr, role
):
    response = login(client, personas[role]).get(DAFTAR)
    assert response.status_code == 200
    assert set(response.context["halaman"].object_list) == {paket, paket_dpupr}
    html = response.content.decode()
    assert ubah_url(paket) not in html
    assert BARU not in html


def test_the_services_refuse_anyone_but_the_pds_operator(personas, line, paket, operator_dpupr):
    for role in ("admin", "pimpinan", "auditor", "operator_dpupr"):
        with pytest.raises(PermissionDenied):
            services.paket_create(dpa=line, by=personas[role], nama="X", metode="swakelola")
        with pytest.raises(PermissionDenied):
            services.paket_update(paket=paket, by=personas[role], nama="X")
        with pytest.raises(PermissionDenied):
            services.paket_delete(paket=paket, by=personas[role])
    assert PaketPengadaan.objects.get().nama == "Pembangunan Gedung Puskesmas Sukamaju"


def test_the_service_validates_like_the_form(operator_dinkes, line):
    with pytest.raises(ValidationError) as exc:
        services.paket_create(
            dpa=line,
            by=operator_dinkes,
            nama="Paket",
            metode="tender",
            hps=Decimal(100),
            nilai_kontrak=Decimal(200),
            tahap=Tahap.KONTRAK,
        )
    errors = exc.value.message_dict
    assert errors["nilai_kontrak"] == ["Nilai kontrak tidak boleh melebihi HPS."]
    assert errors["penyedia"] == ["Penyedia wajib diisi pada tahap Kontrak."]
    assert "__all__" not in errors  # the constraint's message is not repeated at the top
    assert not PaketPengadaan.objects.exists()


# --- The list -------------------------------------------------------------------------------------


def test_the_list_shows_the_columns_and_the_counts_per_stage(client, operator_dinkes, line, paket):
    services.paket_create(
        dpa=line,
        by=operator_dinkes,
        nama="Belanja Obat",
        metode="e_purchasing",
        hps=Decimal(50 * JT),
        nilai_kontrak=Decimal(48 * JT),
        penyedia="PT Farma",
        tahap=Tahap.SERAH_TERIMA,
        tanggal_kontrak=datetime.date(2026, 2, 1),
        tanggal_serah_terima=datetime.date(2026, 3, 15),
    )
    response = login(client, operator_dinkes).get(DAFTAR)
    html = response.content.decode()
    assert "1.02.02.2.01.0002" in html
    assert "Pembangunan Puskesmas" in html
    assert "Rp 1.250.000.000" in html
    assert "Rp 48.000.000" in html
    assert "PT Farma" in html
    assert "15/03/2026" in html
    summary = {tahap: jumlah for tahap, _, jumlah in response.context["ringkasan"]["per_tahap"]}
    assert summary == {
        "perencanaan": 0,
        "pemilihan": 1,
        "kontrak": 0,
        "pelaksanaan": 0,
        "serah_terima": 1,
    }
    assert response.context["ringkasan"]["total_hps"] == Decimal(1300 * JT)


def test_the_list_defaults_to_this_year_and_filters_by_year(
    client, operator_dinkes, dinkes, apbd, paket
):
    last_year = make_dpa(
        dinkes, make_sub_kegiatan("1.02.02.2.01.0003"), apbd, 10 * JT, tahun=2025, rko=False
    )
    old = services.paket_create(dpa=last_year, by=operator_dinkes, nama="Lama", metode="tender")
    login(client, operator_dinkes)
    assert list(client.get(DAFTAR).context["halaman"].object_list) == [paket]
    assert list(client.get(f"{DAFTAR}?tahun=2025").context["halaman"].object_list) == [old]
    # A bad year falls back to this year.
    assert list(client.get(f"{DAFTAR}?tahun=abc").context["halaman"].object_list) == [paket]


def test_the_admin_filters_by_pd(client, admin_user, dpupr, paket, paket_dpupr):
    response = login(client, admin_user).get(f"{DAFTAR}?tahun=2026&pd={dpupr.pk}")
    assert list(response.context["halaman"].object_list) == [paket_dpupr]
    assert response.context["perangkat_daerah"] == dpupr
    assert f'<option value="{dpupr.pk}" selected>' in response.content.decode()


def test_an_operator_cannot_widen_the_list_with_a_pd_filter(
    client, operator_dinkes, dpupr, paket, paket_dpupr
):
    response = login(client, operator_dinkes).get(f"{DAFTAR}?pd={dpupr.pk}")
    assert list(response.context["halaman"].object_list) == [paket]


def build_packages(count: int, apbd, start: int = 0):
    """``count`` more packages, each on a line of a new PD, at every stage in turn."""
    stages = list(Tahap)
    for number in range(start, start + count):
        pd = make_pd(f"9.{number:02d}.01", f"PD{number}")
        operator = make_user(f"operator_{number}", "operator", pd)
        dpa = make_dpa(pd, make_sub_kegiatan(f"9.{number:02d}.01.2.01.0001"), apbd, JT, rko=False)
        tahap = stages[number % len(stages)]
        contracted = tahap in services.TAHAP_BERKONTRAK
        services.paket_create(
            dpa=dpa,
            by=operator,
            nama=f"Paket {number}",
            metode="tender",
            hps=Decimal(90 * JT),
            nilai_kontrak=Decimal(80 * JT) if contracted else None,
            penyedia="CV Uji" if contracted else "",
            tanggal_kontrak=datetime.date(2026, 3, 1) if contracted else None,
            tanggal_serah_terima=datetime.date(2026, 4, 1) if tahap == Tahap.SERAH_TERIMA else None,
            tahap=tahap,
        )


@pytest.mark.parametrize("role", ["admin", "operator_dinkes"])
def test_the_list_runs_a_constant_number_of_queries(
    client, personas, line, paket, apbd, django_assert_max_num_queries, role
):
    login(client, personas[role])
    counts = []
    for start, count in ((0, 2), (2, 15)):
        build_packages(count, apbd, start)
        # Own PD too, so that the operator's list grows as well.
        services.paket_create(
            dpa=line, by=personas["operator_dinkes"], nama=f"Paket Dinkes {start}", metode="tender"
        )
        with django_assert_max_num_queries(8) as captured:
            response = client.get(DAFTAR)
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    expected = 1 + 2 + 2 + 15 if role == "admin" else 3
    assert len(response.context["halaman"].object_list) == expected


# --- In a real browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_operator_records_a_contract_in_the_browser(
    page, screenshot, operator_dinkes, line, paket, time_machine
):
    from playwright.sync_api import expect

    from .builders import PASSWORD

    time_machine.move_to(datetime.datetime(2026, 5, 5, 9, 0, tzinfo=JAKARTA), tick=True)
    page.goto(reverse("login"))
    page.get_by_label("Nama pengguna").fill(operator_dinkes.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Pengadaan", exact=True).click()
    expect(page.get_by_test_id("paket-tabel")).to_contain_text("Rp 1.250.000.000")
    page.get_by_role("link", name="Ubah", exact=True).click()
    page.get_by_label("Tahap").select_option("kontrak")
    page.get_by_label("Nilai kontrak (Rp)").fill("1.300.000.000")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Nilai kontrak tidak boleh melebihi HPS.")).to_be_visible()
    expect(page.get_by_text("Penyedia wajib diisi pada tahap Kontrak.")).to_be_visible()
    screenshot("pengadaan-form-galat")
    page.get_by_label("Nilai kontrak (Rp)").fill("1.187.500.000")
    page.get_by_label("Penyedia").fill("PT Bangun Sehat")
    page.get_by_label("Tanggal kontrak").fill("2026-04-20")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("diperbarui")).to_be_visible()
    expect(page.get_by_test_id("paket-tabel")).to_contain_text("Rp 1.187.500.000")
    expect(page.get_by_test_id("ringkasan")).to_contain_text("Kontrak 1")
    screenshot("pengadaan-daftar")
    paket.refresh_from_db()
    assert paket.nilai_kontrak == Decimal("1187500000")
