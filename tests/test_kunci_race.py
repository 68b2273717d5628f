"""A month's lock against a submission at the same moment: once the admin's lock or a Rakor's
finalisation has committed, no submission of the month commits after it; whoever loses is told why,
and what it tried to write is not saved. The Rakor's frozen figures are the data as they stood when
it was finalised: a submission or a verification under way is in them or waits until they are
taken.

The races are made deterministic, not hoped for: a third connection holds a row one side needs
(``SELECT … FOR UPDATE`` in an open transaction) until the other side is under way, and each side
is watched in ``pg_stat_activity`` until it waits for a lock or has finished. They need two
connections writing at once, so PostgreSQL; on SQLite the serialised case runs.

The clock stands at 5 July 2026, 09.00 WIB and ticks, so the two sides' times differ: June is open
for Dinkes until 10 July, and TW II (April–June) may be finalised.
"""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from laporan import figures
from laporan.figures import GROUP_SUMS, Angka
from laporan.periode import Periode
from rakor import services as rakor_services
from rakor.models import AngkaRakor, Rakor
from realisasi import kunci_admin, services, verifikasi
from realisasi.models import KunciBulan, Realisasi

from .builders import JT, make_dpa, make_sub_kegiatan, report
from .test_entri import client_for, post, row_data

pytestmark = pytest.mark.django_db(transaction=True)

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
JUNE = Periode(2026, 6)
Status = Realisasi.Status

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a race needs two connections writing at the same moment, so PostgreSQL (the SQLite "
    "test database is one in-memory connection, and SQLite runs one writer at a time); CI runs "
    "this file on PostgreSQL too",
)


@pytest.fixture
def july_5_ticking(time_machine):
    """5 July 2026, 09.00 WIB, with the clock running."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA), tick=True)


@pytest.fixture
def dinkes_lines(dinkes, puskesmas, apbd, july_5_ticking):
    """Three Dinkes lines, none reported yet."""
    lines = [make_dpa(dinkes, puskesmas, apbd, 1000 * JT)]
    for i in range(2):
        sub = make_sub_kegiatan(f"1.02.02.2.01.{i + 20:04d}")
        lines.append(make_dpa(dinkes, sub, apbd, 500 * JT))
    return lines


@pytest.fixture
def rakor_tw2(admin_user, dinkes_lines):
    return rakor_services.rakor_create(
        by=admin_user,
        tahun=2026,
        triwulan=2,
        tanggal=datetime.date(2026, 7, 27),
        tempat="Pendopo",
        pimpinan_rapat="Bupati",
    )


def draft(lines, bulan: int) -> Realisasi:
    """A draft of the first line in ``bulan``: the row the holder keeps locked."""
    return report(lines[0], bulan, 10, 0, status=Status.DRAFT)


def submit(dinkes, lines, operator, bulan: int = 6):
    """The operator's "Ajukan" of every line of Dinkes in ``bulan``, with the versi shown."""
    versi = {r.dpa_id: r.versi for r in Realisasi.objects.filter(dpa__in=lines, bulan=bulan)}
    rows = {
        line.pk: services.IsianBaris(
            fisik=Decimal(bulan * 8),
            keuangan=10 * JT,
            kendala="Cuaca",
            solusi="Lembur",
            versi=versi.get(line.pk, 0),
        )
        for line in lines
    }
    return services.realisasi_save(
        perangkat_daerah=dinkes, tahun=2026, bulan=bulan, rows=rows, by=operator, submit=True
    )


def realisasi_state():
    return (
        list(
            Realisasi.objects.order_by("pk").values_list(
                "pk", "bulan", "realisasi_fisik", "status", "versi", "diajukan_pada"
            )
        ),
        Realisasi.history.count(),
    )


def frozen_pemda(rakor: Rakor) -> Angka:
    row = AngkaRakor.objects.get(
        rakor=rakor, tingkat=AngkaRakor.Tingkat.PEMDA, tahun=JUNE.tahun, bulan=JUNE.bulan
    )
    return Angka(periode=JUNE, **{name: getattr(row, name) for name in GROUP_SUMS})


def refusal(kunci: KunciBulan, akibat: str = "pengajuan tidak disimpan") -> str:
    waktu = timezone.localtime(kunci.dikunci_pada)
    return f"Juni 2026 sudah dikunci pada 5 Juli 2026 pukul {waktu:%H.%M}; {akibat}."


# --- Three connections -----------------------------------------------------------------------


class Side:
    """One user's request, run in a thread with its own database connection; ``result`` is what
    the call returned or raised."""

    def __init__(self, action):
        self.action = action
        self.pid = None
        self.result = None
        self._connected = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pid = cursor.fetchone()[0]
            self._connected.set()
            self.result = self.action()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            self.result = exc
        finally:
            self._connected.set()
            connection.close()

    def start(self) -> "Side":
        self.thread.start()
        assert self._connected.wait(10), "the side never connected"
        return self

    def waits_on_a_lock(self, timeout: float = 10.0) -> bool:
        """Watch the side's connection until it waits for a lock (True) or has finished
        (False)."""
        deadline = time.monotonic() + timeout
        with connection.cursor() as cursor:
            while time.monotonic() < deadline and self.thread.is_alive():
                cursor.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [self.pid]
                )
                found = cursor.fetchone()
                if found and found[0] == "Lock":
                    return True
                time.sleep(0.01)
        return False

    def join(self):
        self.thread.join(30)
        assert not self.thread.is_alive(), "the side is still waiting"
        return self.result


class RowHolder:
    """A third connection that locks the rows of ``queryset`` (``SELECT … FOR UPDATE``) in an open
    transaction, and keeps them until the ``with`` block ends."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._held, self._release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with transaction.atomic():
                if list(self.queryset.select_for_update()):
                    self._held.set()
                    self._release.wait(30)
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        assert self._held.wait(10), "the holder found no row to lock"
        return self

    def __exit__(self, *exc_info):
        self._release.set()
        self.thread.join(30)


# --- Submission × the admin's lock -------------------------------------------------------------


@needs_postgresql
def test_a_submission_under_way_commits_before_the_lock_that_follows_it(
    dinkes, dinkes_lines, operator_dinkes, admin_user
):
    """The operator's submission has found June open and is writing when the admin locks June:
    the lock waits for it, so the submission is in before the month closes."""
    held = draft(dinkes_lines, 6)
    with RowHolder(Realisasi.objects.filter(pk=held.pk)):
        ajukan = Side(lambda: submit(dinkes, dinkes_lines, operator_dinkes)).start()
        assert ajukan.waits_on_a_lock(), "the submission never reached the held row"
        kunci = Side(lambda: kunci_admin.kunci_lock(tahun=2026, bulan=6, by=admin_user)).start()
        kunci.waits_on_a_lock()
    hasil, locked = ajukan.join(), kunci.join()

    assert isinstance(hasil, services.HasilSimpan) and hasil.diajukan == 3, hasil
    assert isinstance(locked, KunciBulan), locked
    june = Realisasi.objects.filter(dpa__in=dinkes_lines, bulan=6)
    assert set(june.values_list("status", flat=True)) == {Status.DIAJUKAN}
    late = [row.diajukan_pada for row in june if row.diajukan_pada >= locked.dikunci_pada]
    assert not late, f"submitted at {late} after the lock committed at {locked.dikunci_pada}"


@needs_postgresql
def test_a_submission_that_starts_while_the_month_is_being_locked_is_refused(
    dinkes, dinkes_lines, operator_dinkes, admin_user
):
    """The admin's lock of June is under way when the operator submits: the submission waits for
    it, is refused with the month and the time of the lock, and writes nothing."""
    draft(dinkes_lines, 6)
    KunciBulan.objects.create(tahun=2026, bulan=6, batas_pengisian=datetime.date(2026, 7, 10))
    before = realisasi_state()
    with RowHolder(KunciBulan.objects.filter(tahun=2026, bulan=6)):
        kunci = Side(lambda: kunci_admin.kunci_lock(tahun=2026, bulan=6, by=admin_user)).start()
        assert kunci.waits_on_a_lock(), "the lock never reached the held row"
        ajukan = Side(lambda: submit(dinkes, dinkes_lines, operator_dinkes)).start()
        ajukan.waits_on_a_lock()
    locked, refused = kunci.join(), ajukan.join()

    assert isinstance(locked, KunciBulan), locked
    assert isinstance(refused, PermissionDenied), f"the submission was not refused: {refused}"
    assert str(refused) == refusal(locked)
    assert realisasi_state() == before


def test_a_submission_after_the_lock_is_refused_with_the_time_it_was_locked(
    dinkes, dinkes_lines, operator_dinkes, admin_user
):
    """The serialised case, on every database: the same message, nothing written."""
    draft(dinkes_lines, 6)
    before = realisasi_state()
    locked = kunci_admin.kunci_lock(tahun=2026, bulan=6, by=admin_user)
    with pytest.raises(PermissionDenied) as refused:
        submit(dinkes, dinkes_lines, operator_dinkes)
    assert str(refused.value) == refusal(locked)
    assert realisasi_state() == before


def test_the_page_tells_the_operator_their_submission_came_after_the_lock(
    dinkes, dinkes_lines, operator_dinkes, admin_user
):
    """The operator's page was opened while June was open; "Ajukan" arrives after the lock."""
    locked = kunci_admin.kunci_lock(tahun=2026, bulan=6, by=admin_user)
    rows = (
        row_data(line, fisik="48", keuangan="10.000.000", kendala="Cuaca", solusi="Lembur")
        for line in dinkes_lines
    )
    response = post(client_for(operator_dinkes), dinkes, *rows, action="ajukan")
    assert response.status_code == 403
    assert refusal(locked) in response.content.decode()
    assert not Realisasi.objects.exists()


# --- Submission and verification × the Rakor's finalisation ------------------------------------


@needs_postgresql
@pytest.mark.parametrize(
    "bulan",
    [6, 3],
    ids=["june-of-the-quarter", "march-reopened-before-the-quarter"],
)
def test_a_submission_under_way_is_in_the_rakors_frozen_figures(
    dinkes, dinkes_lines, operator_dinkes, admin_user, rakor_tw2, bulan
):
    """The submission has found its month open and is writing when the admin finalises TW II: the
    finalisation waits for it, so the frozen figures count it and June closes after it. March,
    reopened for Dinkes, counts too: the quarter's figures are cumulative from January."""
    if bulan == 3:
        kunci_admin.kunci_open_for_pd(
            tahun=2026,
            bulan=3,
            perangkat_daerah=dinkes,
            alasan="SP2D Maret terlambat dicatat",
            berlaku_sampai=datetime.date(2026, 7, 31),
            by=admin_user,
        )
    held = draft(dinkes_lines, bulan)
    with RowHolder(Realisasi.objects.filter(pk=held.pk)):
        ajukan = Side(lambda: submit(dinkes, dinkes_lines, operator_dinkes, bulan)).start()
        assert ajukan.waits_on_a_lock(), "the submission never reached the held row"
        final = Side(lambda: rakor_services.rakor_finalise(rakor=rakor_tw2, by=admin_user)).start()
        final.waits_on_a_lock()
    hasil, rakor = ajukan.join(), final.join()

    assert isinstance(hasil, services.HasilSimpan) and hasil.diajukan == 3, hasil
    assert isinstance(rakor, Rakor) and rakor.final, rakor
    assert frozen_pemda(rakor) == figures.angka_pemda(JUNE), (
        "the frozen figures miss a submission that committed before the finalisation"
    )
    june_locked = KunciBulan.objects.get(tahun=2026, bulan=6).dikunci_pada
    submitted = Realisasi.objects.filter(dpa__in=dinkes_lines, bulan=bulan)
    assert all(row.diajukan_pada < june_locked for row in submitted)


@needs_postgresql
def test_a_submission_that_starts_while_the_rakor_is_being_finalised_is_refused(
    dinkes, dinkes_lines, operator_dinkes, admin_user, rakor_tw2
):
    """The finalisation has taken its figures and is locking June when the operator submits June:
    the submission waits, is refused with the time of the lock, and the frozen figures are the
    data as they stay."""
    draft(dinkes_lines, 6)
    KunciBulan.objects.create(tahun=2026, bulan=6, batas_pengisian=datetime.date(2026, 7, 10))
    before = realisasi_state()
    with RowHolder(KunciBulan.objects.filter(tahun=2026, bulan=6)):
        final = Side(lambda: rakor_services.rakor_finalise(rakor=rakor_tw2, by=admin_user)).start()
        assert final.waits_on_a_lock(), "the finalisation never reached the held row"
        ajukan = Side(lambda: submit(dinkes, dinkes_lines, operator_dinkes)).start()
        ajukan.waits_on_a_lock()
    rakor, refused = final.join(), ajukan.join()

    assert isinstance(rakor, Rakor) and rakor.final, rakor
    assert isinstance(refused, PermissionDenied), f"the submission was not refused: {refused}"
    assert str(refused) == refusal(KunciBulan.objects.get(tahun=2026, bulan=6))
    assert realisasi_state() == before
    assert frozen_pemda(rakor) == figures.angka_pemda(JUNE)


@needs_postgresql
def test_a_return_during_the_finalisation_comes_after_the_frozen_figures(
    dinkes, dinkes_lines, operator_dinkes, admin_user, rakor_tw2
):
    """The verifier returns a June row while TW II is being finalised: the return waits until the
    finalisation has committed, so the frozen figures (which count the row) were the data at that
    moment, and the return is a later correction they do not follow."""
    submit(dinkes, dinkes_lines, operator_dinkes)
    counted = figures.angka_pemda(JUNE)
    KunciBulan.objects.create(tahun=2026, bulan=6, batas_pengisian=datetime.date(2026, 7, 10))
    row = Realisasi.objects.get(dpa=dinkes_lines[0], bulan=6)
    with RowHolder(KunciBulan.objects.filter(tahun=2026, bulan=6)):
        final = Side(lambda: rakor_services.rakor_finalise(rakor=rakor_tw2, by=admin_user)).start()
        assert final.waits_on_a_lock(), "the finalisation never reached the held row"
        kembali = Side(
            lambda: verifikasi.realisasi_return(
                rows=[row.pk], by=admin_user, catatan="Foto lokasi belum ada."
            )
        ).start()
        kembali.waits_on_a_lock()
    rakor, returned = final.join(), kembali.join()

    assert isinstance(rakor, Rakor) and rakor.final, rakor
    assert isinstance(returned, list), returned
    row.refresh_from_db()
    assert row.status == Status.DIKEMBALIKAN
    assert frozen_pemda(rakor) == counted
    assert row.diverifikasi_pada > rakor.difinalkan_pada, (
        "the return committed while the finalisation was under way, after its figures were taken"
    )
    assert figures.angka_pemda(JUNE) != counted  # the live figures follow the correction
