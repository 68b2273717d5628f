"""The entry table's inputs are written in Python (``realisasi.forms.TabelIsianRenderer``), not
through Django's widget templates, and a save updates only the columns it changes: both for speed
on a 150-line PD. These tests hold them to what Django would have done.

The clock stands at 5 July 2026, 09.00 WIB: June is open. Dinkes has lines A (Rp 1 M) and B
(Rp 200 jt, DAK).
"""

import datetime
import re
from decimal import Decimal

import pytest
from django import forms
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.test.utils import CaptureQueriesContext

from akun.models import Role
from realisasi.forms import BarisRealisasiForm, TabelIsianRenderer
from realisasi.models import Realisasi

from .builders import JT, make_user, report
from .test_entri import cell, client_for, entri_url, post, row_data

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
DJANGO_WIDGET_TEMPLATES = DjangoTemplates()
KENDALA = "Tunggu \"lelang\" <ulang> & 'cek' ulang"


def as_django_writes_it(form, name: str) -> str:
    """The field as Django's own widget templates render it, attributes from the same form."""
    ours = form.renderer
    form.renderer = DJANGO_WIDGET_TEMPLATES
    try:
        return str(form[name])
    finally:
        form.renderer = ours


def input_tag(html: str, name: str) -> str:
    match = re.search(r'<(?:input|textarea)[^>]*name="' + re.escape(name) + r'"[^>]*>', html)
    assert match, f"no input {name} on the page"
    return match.group(0)


# --- The inputs, field by field -------------------------------------------------------------------

PREFIX = "r7"
FORMS = {
    "a new line": lambda: BarisRealisasiForm(prefix=PREFIX, initial={"versi": 0}, label="1.02 PAD"),
    "a saved row": lambda: BarisRealisasiForm(
        prefix=PREFIX,
        initial={
            "fisik": "45,5",
            "keuangan": "1.250.000",
            "kendala": KENDALA,
            "solusi": "",
            "versi": 3,
        },
        label='1.02 "PAD" <x>',
    ),
    "a valid post": lambda: BarisRealisasiForm(
        {"r7-fisik": "45,5", "r7-keuangan": "Rp 1.250.000", "r7-kendala": KENDALA, "r7-versi": "3"},
        prefix=PREFIX,
        label="1.02 PAD",
    ),
    "a post with an error on every field": lambda: BarisRealisasiForm(
        {
            "r7-fisik": '"><b>abc',
            "r7-keuangan": "-5",
            "r7-kendala": "x" * 4001,
            "r7-solusi": "<script>",
            "r7-versi": "dua",
        },
        prefix=PREFIX,
        label="1.02 PAD",
    ),
}


@pytest.mark.parametrize("case", FORMS)
@pytest.mark.parametrize("name", ["versi", "fisik", "keuangan", "kendala", "solusi"])
def test_each_input_is_written_exactly_as_djangos_widget_templates_write_it(case, name):
    form = FORMS[case]()
    if form.is_bound:
        form.is_valid()
    assert str(form[name]) == as_django_writes_it(form, name)


ATTRS = {"disabled": True, "hidden": False, "data-kosong": "", "data-nol": 0, "title": "\"<&>'"}


@pytest.mark.parametrize(
    "widget", [forms.TextInput(ATTRS), forms.HiddenInput(ATTRS), forms.Textarea(ATTRS)]
)
@pytest.mark.parametrize("value", [None, "", 0, Decimal("45.50"), 'baris\n<dua> & "tiga"'])
def test_any_attribute_and_value_is_written_as_djangos_templates_write_it(widget, value):
    ours = widget.render("r7-x", value, {"id": "id_r7-x"}, renderer=TabelIsianRenderer())
    assert ours == widget.render("r7-x", value, {"id": "id_r7-x"}, DJANGO_WIDGET_TEMPLATES)


def test_a_field_with_errors_carries_the_invalid_marks_and_escapes_what_was_typed():
    form = FORMS["a post with an error on every field"]()
    assert not form.is_valid()
    fisik = str(form["fisik"])
    assert 'aria-invalid="true"' in fisik
    assert 'aria-describedby="id_r7-fisik_error"' in fisik
    assert 'value="&quot;&gt;&lt;b&gt;abc"' in fisik
    assert ">\n&lt;script&gt;</textarea>" in str(form["solusi"])


def test_other_templates_still_go_to_django():
    form = FORMS["a post with an error on every field"]()
    form.is_valid()
    assert str(form.errors) == DJANGO_WIDGET_TEMPLATES.render(
        "django/forms/errors/dict/default.html", form.errors.get_context()
    )


# --- The inputs on the page -----------------------------------------------------------------------


def test_the_page_shows_each_input_as_its_form_field_gives_it(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    row = report(line_a, 6, "45.5", 1_250_000, status=Realisasi.Status.DRAFT)
    row.kendala = KENDALA
    row.save()
    response = client_for(operator_dinkes).get(entri_url(dinkes))
    html = response.content.decode()
    for item in response.context["halaman"].baris:
        for name in ("versi", "fisik", "keuangan", "kendala", "solusi"):
            assert as_django_writes_it(item.form, name) in html
    fisik = input_tag(html, f"r{line_a.pk}-fisik")
    assert 'value="45,5"' in fisik and 'inputmode="decimal"' in fisik
    assert 'aria-label="Realisasi fisik kumulatif (%) 1.02.02.2.01.0002 PAD"' in fisik
    assert "aria-invalid" not in fisik
    assert 'value="1.250.000"' in input_tag(html, f"r{line_a.pk}-keuangan")
    assert "&quot;lelang&quot; &lt;ulang&gt; &amp; &#x27;cek&#x27;" in cell(
        response, f"r{line_a.pk}-kendala"
    )
    assert 'maxlength="4000"' in input_tag(html, f"r{line_b.pk}-solusi")
    assert f'name="r{line_a.pk}-versi" value="1"' in html  # what the load test reads
    assert f'name="r{line_b.pk}-versi" value="0"' in html


def test_a_wrong_value_is_marked_on_its_own_input_with_its_message(
    july_5, operator_dinkes, dinkes, line_a, line_b
):
    response = post(
        client_for(operator_dinkes),
        dinkes,
        row_data(line_a, fisik="abc", keuangan="1.000.000"),
        row_data(line_b, fisik="48"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    fisik_a = cell(response, f"r{line_a.pk}-fisik")
    assert fisik_a.startswith('<td class="entri-isian entri-salah">')
    assert 'aria-invalid="true"' in input_tag(fisik_a, f"r{line_a.pk}-fisik")
    assert f'aria-describedby="id_r{line_a.pk}-fisik_error"' in fisik_a
    assert (
        f'<div class="entri-pesan" id="id_r{line_a.pk}-fisik_error">'
        "<div>Tulis persen seperti 45 atau 45,5.</div></div>"
    ) in fisik_a
    assert 'value="abc"' in fisik_a  # what was typed stays, to be corrected
    # The other inputs are not marked and keep what was typed.
    keuangan_a = input_tag(html, f"r{line_a.pk}-keuangan")
    assert "aria-invalid" not in keuangan_a and 'value="1.000.000"' in keuangan_a
    fisik_b = cell(response, f"r{line_b.pk}-fisik")
    assert "entri-salah" not in fisik_b and "entri-pesan" not in fisik_b
    assert 'value="48"' in fisik_b
    assert html.count('aria-invalid="true"') == 1


def test_a_rule_of_the_service_is_marked_on_its_input_too(july_5, operator_dinkes, dinkes, line_a):
    report(line_a, 5, 40, 100 * JT)
    response = post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="30"))
    fisik = cell(response, f"r{line_a.pk}-fisik")
    assert 'aria-invalid="true"' in input_tag(fisik, f"r{line_a.pk}-fisik")
    assert "tidak boleh turun dari bulan sebelumnya (40,00%)" in fisik


# --- A save writes what changed -------------------------------------------------------------------


def updated_columns(queries) -> set[str]:
    """The columns the one UPDATE of the realisasi rows sets (a CASE each, maybe in a CAST)."""
    [sql] = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "realisasi_realisasi"')]
    return set(re.findall(r'"(\w+)" = \(?(?:CAST\()?CASE', sql))


def test_a_save_updates_only_the_columns_it_changes_and_keeps_the_whole_row_in_history(
    july_5, time_machine, operator_dinkes, dinkes, line_a, line_b
):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="45"), row_data(line_b, fisik="48"))
    time_machine.shift(datetime.timedelta(minutes=5))
    with CaptureQueriesContext(connection) as queries:
        response = post(
            client,
            dinkes,
            row_data(line_a, fisik="45", kendala="Cuaca"),
            row_data(line_b, fisik="48", kendala="Lelang"),
        )
    assert response.status_code == 302
    assert updated_columns(queries) == {"kendala", "versi", "diubah_pada"}
    a = Realisasi.objects.get(dpa=line_a)
    assert (a.realisasi_fisik, a.realisasi_keuangan, a.kendala, a.versi) == (45, 0, "Cuaca", 2)
    latest = a.history.latest()
    assert (latest.realisasi_fisik, latest.kendala, latest.versi) == (45, "Cuaca", 2)
    assert latest.status == Realisasi.Status.DRAFT and latest.history_user == operator_dinkes


def test_submitting_unchanged_values_writes_the_status(
    july_5, time_machine, operator_dinkes, dinkes, line_a, line_b
):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="45"), row_data(line_b, fisik="48"))
    time_machine.shift(datetime.timedelta(minutes=5))
    with CaptureQueriesContext(connection) as queries:
        post(
            client,
            dinkes,
            row_data(line_a, fisik="45"),
            row_data(line_b, fisik="48"),
            action="ajukan",
        )
    assert updated_columns(queries) == {"status", "diajukan_pada", "versi", "diubah_pada"}
    for row in Realisasi.objects.all():
        assert row.status == Realisasi.Status.DIAJUKAN and row.versi == 2
        assert row.diajukan_pada == datetime.datetime(2026, 7, 5, 2, 5, tzinfo=datetime.UTC)


def test_a_second_operator_saving_becomes_the_last_editor(
    july_5, time_machine, operator_dinkes, dinkes, line_a
):
    post(client_for(operator_dinkes), dinkes, row_data(line_a, fisik="45"))
    kedua = make_user("operator_dinkes_2", Role.OPERATOR, dinkes)
    time_machine.shift(datetime.timedelta(minutes=5))
    with CaptureQueriesContext(connection) as queries:
        post(client_for(kedua), dinkes, row_data(line_a, fisik="46"))
    assert updated_columns(queries) == {"realisasi_fisik", "versi", "diubah_oleh_id", "diubah_pada"}
    row = Realisasi.objects.get()
    assert (row.realisasi_fisik, row.diubah_oleh, row.versi) == (Decimal(46), kedua, 2)


def test_a_save_in_the_same_instant_as_the_last_leaves_its_time_alone(
    july_5, operator_dinkes, dinkes, line_a
):
    client = client_for(operator_dinkes)
    post(client, dinkes, row_data(line_a, fisik="45"))
    with CaptureQueriesContext(connection) as queries:
        post(client, dinkes, row_data(line_a, fisik="46"))
    assert updated_columns(queries) == {"realisasi_fisik", "versi"}
    row = Realisasi.objects.get()
    assert (row.realisasi_fisik, row.versi, row.history.count()) == (Decimal(46), 2, 2)
