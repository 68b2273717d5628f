"""The load test of ``bench/run.py``: gunicorn with several workers on a free port of 127.0.0.1,
locust headless driving the users of ``bench/locustfile.py`` for a bounded time, then both are
stopped. Loopback only; nothing is left running."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.measure import persentil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
USERS_MAX, DETIK_MAX = 500, 600


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu(url: str, batas: float = 60) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn tidak menjawab di {url}")


def ringkas(hasil: dict, detik: float) -> dict:
    """Per kind of request: count, requests per second, p50 / p95 / p99 (ms), errors."""
    ringkasan = {}
    for jenis, sampel in sorted(hasil["sampel"].items()):
        if not sampel:
            continue
        ringkasan[jenis] = {
            "n": len(sampel),
            "rps": len(sampel) / detik,
            "p50": persentil(sampel, 50),
            "p95": persentil(sampel, 95),
            "p99": persentil(sampel, 99),
            "galat": hasil["galat"].get(jenis, 0),
        }
    return ringkasan


def jalankan(
    *, env: dict, konfigurasi: dict, users: int = 50, detik: int = 60, workers: int = 4
) -> dict:
    """Run the load test against the database of ``env`` and return its summary."""
    users = max(1, min(users, USERS_MAX))
    detik = max(5, min(detik, DETIK_MAX))
    port = _port_bebas()
    host = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "pok.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _tunggu(f"{host}/akun/masuk/")
        with tempfile.TemporaryDirectory() as tmp:
            keluaran = Path(tmp) / "hasil.json"
            locust_env = {
                **env,
                "BENCH_OPERATOR": json.dumps(konfigurasi["operator"]),
                "BENCH_LAPORAN": json.dumps(konfigurasi["laporan"]),
                "BENCH_EXCEL": json.dumps(konfigurasi["excel"]),
                "BENCH_SANDI": json.dumps(konfigurasi["sandi"]),
                "BENCH_HASIL": str(keluaran),
            }
            subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(max(1, users // 10)),
                    "--run-time",
                    f"{detik}s",
                    "--stop-timeout",
                    "10",
                    "--host",
                    host,
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                env=locust_env,
                timeout=detik + 180,
                check=False,
                stdout=subprocess.DEVNULL,
            )
            hasil = json.loads(keluaran.read_text())
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
            gunicorn.wait()
    return {
        "users": users,
        "detik": detik,
        "workers": workers,
        "jenis": ringkas(hasil, detik),
        "pesan_galat": hasil.get("pesan", {}),
    }


if __name__ == "__main__":  # pragma: no cover - run through bench/run.py
    print(json.dumps(jalankan(env=dict(os.environ), konfigurasi=json.load(sys.stdin))))
