"""Faults: a write interrupted half-way leaves the database as it was; two submissions of the same
PD-month at the same moment end with one winner and one clear conflict, nothing lost.

Faults are injected below our code: at every write statement a multi-write operation makes (through
Django's ``connection.execute_wrapper``, raising right *after* the statement ran, so there is a
half-done write to undo), and in the libraries it calls (django-simple-history's history write,
Django's ``QuerySet.bulk_update``). Each test is transactional: the service's own transaction is
the outermost one, as in production.

The clock stands at 5 July 2026: June is open for Dinkes until 10 July.
"""

import datetime
import re
import threading
import time
from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models.query import QuerySet
from django.test import Client
from django.urls import reverse
from simple_history.manager import HistoryManager

from kegiatan.models import DPA
from rakor import services as rakor_services
from rakor.models import AngkaRakor, Rakor
from realisasi import services, verifikasi
from realisasi.models import KunciBulan, Realisasi

from .builders import JT, make_dpa, make_sub_kegiatan, report

pytestmark = pytest.mark.django_db(transaction=True)

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
Status = Realisasi.Status


class Gangguan(Exception):
    """The injected fault."""


class FaultAfterWrite:
    """Raises after the ``n``-th INSERT/UPDATE/DELETE has been executed."""

    def __init__(self, n: int):
        self.n = n
        self.writes = 0
        self.fired = False

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if WRITE.match(sql):
            self.writes += 1
            if self.writes == self.n:
                self.fired = True
                raise Gangguan(f"gangguan setelah tulisan ke-{self.n}: {sql[:80]}")
        return result


def interrupt_at_every_write(action, fingerprint) -> int:
    """Run ``action`` with a fault after its 1st, 2nd, … write until it completes unharmed; after
    every interrupted run the database must be exactly as before. Returns the faults injected."""
    n = 1
    while True:
        before = fingerprint()
        fault = FaultAfterWrite(n)
        with connection.execute_wrapper(fault):
            try:
                action()
            except Gangguan:
                pass
            else:
                assert not fault.fired, "the fault was swallowed: a partial write may remain"
                return n - 1
        assert fault.fired
        assert fingerprint() == before, f"a fault after write {n} left a partial write"
        n += 1


def realisasi_state():
    return (
        list(
            Realisasi.objects.order_by("pk").values_list(
                "pk",
                "dpa_id",
                "bulan",
                "realisasi_fisik",
                "realisasi_keuangan",
                "status",
                "versi",
                "diubah_oleh_id",
                "diajukan_pada",
            )
        ),
        list(Realisasi.history.order_by("history_id").values_list("history_id", "status")),
    )


@pytest.fixture
def dinkes_lines(dinkes, puskesmas, apbd, july_5):
    """Three Dinkes lines; June has a draft on the first, nothing yet on the others."""
    lines = [make_dpa(dinkes, puskesmas, apbd, 1000 * JT)]
    for i in range(2):
        sub = make_sub_kegiatan(f"1.02.02.2.01.{i + 20:04d}")
        lines.append(make_dpa(dinkes, sub, apbd, 500 * JT))
    report(lines[0], 6, 40, 100 * JT, status=Status.DRAFT)
    return lines


def june_rows(lines, fisik="50"):
    existing = {r.dpa_id: r.versi for r in Realisasi.objects.filter(dpa__in=lines, bulan=6)}
    return {
        line.pk: services.IsianBaris(
            fisik=Decimal(fisik),
            keuangan=10 * JT,
            kendala="Cuaca",
            solusi="Lembur",
            versi=existing.get(line.pk, 0),
        )
        for line in lines
    }


def test_a_submission_interrupted_after_any_write_changes_nothing(
    dinkes, dinkes_lines, operator_dinkes
):
    def submit():
        services.realisasi_save(
            perangkat_daerah=dinkes,
            tahun=2026,
            bulan=6,
            rows=june_rows(dinkes_lines),
            by=operator_dinkes,
            submit=True,
        )

    faults = interrupt_at_every_write(submit, realisasi_state)
    assert faults >= 4, "the submission writes rows, their history, the update and its history"
    june = Realisasi.objects.filter(dpa__in=dinkes_lines, bulan=6)
    assert set(june.values_list("status", flat=True)) == {Status.DIAJUKAN}
    assert set(june.values_list("realisasi_fisik", flat=True)) == {Decimal(50)}


def fail_after_writing(monkeypatch, target, name) -> list[str]:
    """Make ``target.name`` (a library's bulk write) do its writing, then raise; the returned list
    records that it ran."""
    original = getattr(target, name)
    calls = []

    def fails_after(self, *args, **kwargs):
        original(self, *args, **kwargs)
        calls.append(name)
        raise Gangguan(f"{name} gagal setelah menulis")

    monkeypatch.setattr(target, name, fails_after)
    return calls


@pytest.mark.parametrize(
    ("target", "name"),
    [
        (HistoryManager, "bulk_history_create"),  # django-simple-history writes the history
        (QuerySet, "bulk_update"),  # Django writes the changed rows
        (QuerySet, "bulk_create"),  # Django writes the new rows
    ],
)
def test_a_submission_whose_library_fails_after_writing_changes_nothing(
    monkeypatch, dinkes, dinkes_lines, operator_dinkes, target, name
):
    before = realisasi_state()
    calls = fail_after_writing(monkeypatch, target, name)
    with pytest.raises(Gangguan):
        services.realisasi_save(
            perangkat_daerah=dinkes,
            tahun=2026,
            bulan=6,
            rows=june_rows(dinkes_lines),
            by=operator_dinkes,
            submit=True,
        )
    assert calls == [name]
    assert realisasi_state() == before


def test_a_submission_through_the_page_that_fails_half_way_can_be_sent_again(
    dinkes, dinkes_lines, operator_dinkes
):
    client = Client(raise_request_exception=False)
    client.force_login(operator_dinkes)
    data = {"action": "ajukan"}
    for line, isian in june_rows(dinkes_lines).items():
        data.update(
            {
                f"r{line}-fisik": "50",
                f"r{line}-keuangan": "10.000.000",
                f"r{line}-kendala": isian.kendala,
                f"r{line}-solusi": isian.solusi,
                f"r{line}-versi": str(isian.versi),
            }
        )
    url = reverse("realisasi:entri", args=[dinkes.pk, 2026, 6])
    before = realisasi_state()
    with connection.execute_wrapper(FaultAfterWrite(2)):
        assert client.post(url, data).status_code == 500
    assert realisasi_state() == before
    assert client.post(url, data).status_code == 302
    assert Realisasi.objects.filter(bulan=6, status=Status.DIAJUKAN).count() == 3


def test_a_verification_interrupted_after_any_write_changes_nothing(
    dinkes, dinkes_lines, admin_user, operator_dinkes
):
    services.realisasi_save(
        perangkat_daerah=dinkes,
        tahun=2026,
        bulan=6,
        rows=june_rows(dinkes_lines),
        by=operator_dinkes,
        submit=True,
    )
    rows = list(Realisasi.objects.filter(bulan=6))

    def verify():
        verifikasi.realisasi_verify(rows_or_queryset=rows, by=admin_user)

    assert interrupt_at_every_write(verify, realisasi_state) >= 2
    assert set(Realisasi.objects.values_list("status", flat=True)) == {Status.DIVERIFIKASI}


def test_a_rakor_finalisation_interrupted_after_any_write_changes_nothing(admin_user, dinkes_lines):
    rakor = rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )

    def state():
        return (
            list(Rakor.objects.values_list("pk", "status", "difinalkan_pada")),
            AngkaRakor.objects.count(),
            list(KunciBulan.objects.order_by("pk").values_list("tahun", "bulan", "dikunci_pada")),
            Rakor.history.count(),
            KunciBulan.history.count(),
        )

    def finalise():
        rakor_services.rakor_finalise(rakor=rakor, by=admin_user)

    assert interrupt_at_every_write(finalise, state) >= 5
    rakor.refresh_from_db()
    assert rakor.final and AngkaRakor.objects.filter(rakor=rakor).exists()


# --- Two submissions at once (PostgreSQL) -------------------------------------------------------

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two connections writing at the same moment need PostgreSQL (the SQLite test database "
    "is one in-memory connection); CI runs this file on PostgreSQL too",
)


def _in_thread(target, results, key):
    def run():
        try:
            results[key] = target()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            results[key] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _waiting_on_a_lock(timeout=10.0) -> bool:
    """Whether another backend of this database is blocked on a lock (the second submission)."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock' "
                "AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def _save(dinkes, rows, by):
    return services.realisasi_save(
        perangkat_daerah=dinkes, tahun=2026, bulan=6, rows=rows, by=by, submit=False
    )


@needs_postgresql
def test_the_second_of_two_simultaneous_submissions_gets_a_clear_conflict(
    dinkes, dinkes_lines, operator_dinkes
):
    """Tab A saves and is still committing while tab B, shown the same versi, saves: B waits for
    A's lock, then is refused with A's values; A's values are what the database keeps."""
    rendered = june_rows(dinkes_lines)  # both tabs were shown these versi
    a_rows = {pk: replace(isian, fisik=Decimal(55)) for pk, isian in rendered.items()}
    b_rows = {pk: replace(isian, fisik=Decimal(60)) for pk, isian in rendered.items()}
    a_wrote, b_blocked = threading.Event(), threading.Event()
    results = {}

    def tab_a():
        with transaction.atomic():
            hasil = _save(dinkes, a_rows, operator_dinkes)
            a_wrote.set()
            assert b_blocked.wait(15), "tab B never reached the lock"
        return hasil

    def tab_b():
        assert a_wrote.wait(15)
        return _save(dinkes, b_rows, operator_dinkes)

    threads = [_in_thread(tab_a, results, "a"), _in_thread(tab_b, results, "b")]
    assert a_wrote.wait(15)
    blocked = _waiting_on_a_lock()
    b_blocked.set()
    for thread in threads:
        thread.join(30)
    assert blocked, "tab B did not wait for tab A's lock: the two did not overlap"

    assert isinstance(results["a"], services.HasilSimpan), results["a"]
    assert results["a"].disimpan == 3
    conflict = results["b"]
    assert isinstance(conflict, services.KonflikVersi), conflict
    assert conflict.message.startswith("Data telah diubah oleh operator_dinkes")
    assert {pk: row.realisasi_fisik for pk, row in conflict.rows.items() if row} == {
        line.pk: Decimal(55) for line in dinkes_lines
    }, "the loser is shown the winner's values"
    june = Realisasi.objects.filter(dpa__in=dinkes_lines, bulan=6)
    assert set(june.values_list("realisasi_fisik", flat=True)) == {Decimal(55)}
    assert set(june.values_list("versi", flat=True)) == {rendered[dinkes_lines[0].pk].versi + 1, 1}


@needs_postgresql
@pytest.mark.parametrize("round_", range(5))
def test_two_racing_submissions_end_with_one_winner_and_nothing_lost(
    dinkes, dinkes_lines, operator_dinkes, round_
):
    rendered = june_rows(dinkes_lines)
    values = {"a": Decimal(55), "b": Decimal(60)}
    start = threading.Barrier(2)
    results = {}

    def tab(key):
        def run():
            rows = {pk: replace(isian, fisik=values[key]) for pk, isian in rendered.items()}
            start.wait(10)
            return _save(dinkes, rows, operator_dinkes)

        return run

    threads = [_in_thread(tab(key), results, key) for key in values]
    for thread in threads:
        thread.join(30)
    winners = [k for k, r in results.items() if isinstance(r, services.HasilSimpan)]
    losers = [k for k, r in results.items() if isinstance(r, services.KonflikVersi)]
    assert len(winners) == 1 and len(losers) == 1, results
    winner = winners[0]
    june = Realisasi.objects.filter(dpa__in=dinkes_lines, bulan=6)
    assert set(june.values_list("realisasi_fisik", flat=True)) == {values[winner]}
    # The winner's save is in the history exactly once per row; the loser wrote nothing.
    saved = Realisasi.history.filter(bulan=6, realisasi_fisik=values[winner])
    assert saved.count() == 3
    assert not Realisasi.history.filter(bulan=6, realisasi_fisik=values[losers[0]]).exists()
    assert DPA.objects.count() == 3


def test_an_import_interrupted_after_any_write_changes_nothing(
    dinkes, dpupr, puskesmas, jalan, apbd, admin_user, july_5
):
    """An SP2D import applied with a fault after its 1st, 2nd, … write: the budget data and the
    import record stay as before each time, and the last run applies it whole."""
    from impor import services as impor_services
    from impor.models import Impor

    from .test_impor import buku_sp2d, sp2d, unggah

    a = make_dpa(dinkes, puskesmas, apbd, 1200 * JT)
    make_dpa(dpupr, jalan, apbd, 600 * JT)
    report(a, 3, 20, 100 * JT)
    data = buku_sp2d(
        [
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "02/03/2026", "60.000.000", "1"),
            sp2d("1.02.01", "1.02.02.2.01.0002", "PAD", "10/05/2026", 5 * JT, "2"),
            sp2d("1.03.01", "1.03.10.2.01.0010", "PAD", "11/06/2026", 70 * JT, "3"),
        ]
    )
    impor = unggah(data, by=admin_user, jenis="sp2d")
    assert impor.status == Impor.Status.PRATINJAU, impor.galat

    def state():
        return realisasi_state(), list(Impor.objects.values_list("pk", "status"))

    faults = interrupt_at_every_write(
        lambda: impor_services.impor_terapkan(impor=impor, by=admin_user), state
    )
    assert faults >= 3
    impor.refresh_from_db()
    assert impor.status == Impor.Status.DITERAPKAN
    assert Realisasi.objects.get(dpa=a, bulan=3).realisasi_keuangan == 60 * JT


@pytest.fixture
def impor_perubahan(dinkes, dpupr, puskesmas, jalan, apbd, admin_user, july_5):
    """A DPA import of the perubahan from 15 September, previewed: a new line, a line with a new
    pagu, lokasi and plan, and a line whose plan changes in two months. Each kind of write the
    apply makes (new rows, changed rows, and the history of each) is in it."""
    from impor.models import Impor

    from .test_impor import baris_dpa, buku_dpa, unggah

    a = make_dpa(dinkes, puskesmas, apbd, 1200 * JT)
    make_dpa(dpupr, jalan, apbd, 600 * JT)
    report(a, 3, 20, 100 * JT)
    make_sub_kegiatan("1.02.02.2.01.0020")
    changed_months = baris_dpa("1.03.01", "1.03.10.2.01.0010", "PAD", 600 * JT)
    changed_months.update(fisik_3=Decimal(20), fisik_4=Decimal(30))
    data = buku_dpa(
        [
            baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 900 * JT, lokasi="Desa Baru"),
            changed_months,
            baris_dpa("1.02.01", "1.02.02.2.01.0020", "PAD", 300 * JT),
        ]
    )
    impor = unggah(data, by=admin_user, fase="perubahan", tanggal=datetime.date(2026, 9, 15))
    assert impor.status == Impor.Status.PRATINJAU, impor.galat
    assert (impor.ringkasan["baru"], impor.ringkasan["diubah"]) == (1, 2)
    return impor


def impor_state():
    from impor.models import Impor

    from .test_impor import sidik_data

    return sidik_data(), list(Impor.objects.values_list("pk", "status"))


def test_a_dpa_import_interrupted_after_any_write_changes_nothing(impor_perubahan, admin_user):
    """The batched apply (new lines, their pagu history, changed lines, new and changed RKO
    months, and the history of each) with a fault after its 1st, 2nd, … write."""
    from impor import services as impor_services
    from impor.models import Impor

    faults = interrupt_at_every_write(
        lambda: impor_services.impor_terapkan(impor=impor_perubahan, by=admin_user),
        impor_state,
    )
    assert faults >= 14, "each table's rows and their history are separate writes"
    impor_perubahan.refresh_from_db()
    assert impor_perubahan.status == Impor.Status.DITERAPKAN
    assert sorted(DPA.objects.values_list("pagu", flat=True)) == [300 * JT, 600 * JT, 900 * JT]


@pytest.mark.parametrize(
    ("target", "name"),
    [
        (HistoryManager, "bulk_history_create"),
        (QuerySet, "bulk_update"),
        (QuerySet, "bulk_create"),
    ],
)
def test_a_dpa_import_whose_library_fails_after_writing_changes_nothing(
    monkeypatch, impor_perubahan, admin_user, target, name
):
    from impor import services as impor_services
    from impor.models import Impor

    before = impor_state()
    calls = fail_after_writing(monkeypatch, target, name)
    with pytest.raises(Gangguan):
        impor_services.impor_terapkan(impor=impor_perubahan, by=admin_user)
    assert calls == [name]
    assert impor_state() == before
    impor_perubahan.refresh_from_db()
    assert impor_perubahan.status == Impor.Status.PRATINJAU  # it may be applied again
