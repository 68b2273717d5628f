"""Run the whole suite as if today were another day.

    SIPOK_HARI_INI=2027-01-01 bash scripts/test.sh
    bash scripts/test.sh --hari-ini "2026-12-31T23:30+07:00"

The clock (``time.time``, ``datetime.now``, ``date.today``, ``timezone.now`` and
``timezone.localdate``) starts at that moment for the whole run, in the test process and in the
live server's threads, and ticks on from there; a test that states its own day with the
``time_machine`` fixture moves it further for that test only. A date alone means 09.00 WIB on that
day; a time without a zone is read in Asia/Jakarta, the project's ``TIME_ZONE``.

Its hooks are registered by ``tests/conftest.py``; the clock moves before any test module is
collected, so nothing in the suite reads the real day.

The modules whose behaviour turns on the day — report defaults, month locks and deadlines, the
entry month, the Rakor's triwulan, the demo's "this year up to last month" — carry the marker
``kalender``: ``.ci/run`` runs them again under each edge of the calendar (``-m kalender``).
"""

import datetime
import os
import zoneinfo

import pytest
import time_machine

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
ENV = "SIPOK_HARI_INI"


def parse_hari_ini(value: str) -> datetime.datetime:
    """``2027-01-01`` → 09.00 WIB that day; ``2026-12-31T23:30`` → in WIB; an offset is kept."""
    value = value.strip()
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=WIB)
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise pytest.UsageError(
            f"{ENV} / --hari-ini: {value!r} bukan tanggal ISO (contoh 2027-01-01 atau "
            "2026-12-31T23:30+07:00)"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=WIB)


def pytest_addoption(parser):
    parser.addoption(
        "--hari-ini",
        default=os.environ.get(ENV) or None,
        metavar="TANGGAL",
        help=f"run the suite as if now were this ISO date or datetime (also ${ENV})",
    )


def pytest_configure(config):
    value = config.getoption("--hari-ini")
    if not value:
        return
    moment = parse_hari_ini(value)
    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)
    config.stash[_MOMENT] = moment


_MOMENT = pytest.StashKey[datetime.datetime]()

KALENDER = {
    "test_tahun_baru.py",
    "test_kalender.py",
    "test_kunci.py",
    "test_entri.py",
    "test_verifikasi.py",
    "test_rakor.py",
    "test_reports.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in KALENDER:
            item.add_marker(pytest.mark.kalender)


def pytest_report_header(config):
    moment = config.stash.get(_MOMENT, None)
    if moment is not None:
        wib = moment.astimezone(WIB)
        return f"hari ini (jam dipindah ke): {moment.isoformat()} = {wib:%d-%m-%Y %H.%M} WIB"
    return None
