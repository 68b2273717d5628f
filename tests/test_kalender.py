"""SIPOK_HARI_INI moves the clock of a whole test run (tests/kalender.py)."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from .kalender import WIB, parse_hari_ini

ROOT = Path(__file__).resolve().parent.parent
EXPECT = "SIPOK_HARI_INI_DIHARAPKAN"


def test_a_date_alone_means_nine_in_the_morning_in_jakarta():
    assert parse_hari_ini("2028-02-29") == datetime.datetime(2028, 2, 29, 9, 0, tzinfo=WIB)


def test_a_time_without_a_zone_is_read_in_jakarta_and_an_offset_is_kept():
    assert parse_hari_ini("2026-12-31T23:30") == datetime.datetime(2026, 12, 31, 23, 30, tzinfo=WIB)
    utc8 = parse_hari_ini("2027-01-01T00:30+08:00")
    assert utc8.astimezone(WIB) == datetime.datetime(2026, 12, 31, 23, 30, tzinfo=WIB)


def test_a_value_that_is_not_a_date_stops_the_run():
    with pytest.raises(pytest.UsageError, match="bukan tanggal ISO"):
        parse_hari_ini("31/12/2026")


@pytest.mark.skipif(EXPECT not in os.environ, reason="run by the test below, in its own pytest")
def test_the_clock_is_where_the_run_was_told():
    expected = datetime.date.fromisoformat(os.environ[EXPECT])
    assert timezone.localdate() == expected
    assert abs(timezone.now() - parse_hari_ini(os.environ["SIPOK_HARI_INI"])) < datetime.timedelta(
        minutes=10
    )


@pytest.mark.parametrize(
    ("hari_ini", "expected"),
    [("2028-02-29", "2028-02-29"), ("2026-12-31T23:30+07:00", "2026-12-31")],
)
def test_sipok_hari_ini_moves_the_clock_of_a_whole_run(hari_ini, expected):
    env = {**os.environ, "SIPOK_HARI_INI": hari_ini, EXPECT: expected}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            f"{Path(__file__).relative_to(ROOT)}::test_the_clock_is_where_the_run_was_told",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
