"""SiPOK's benchmark, in one command: ``.venv/bin/python bench/run.py`` (see BENCHMARKS.md).

1. Builds the data once per engine with ``manage.py data_besar`` (default 60 PD, 5,000 DPA lines a
   year, 3 years): a SQLite file in ``bench/.data/`` and the PostgreSQL database ``sipok_bench`` on
   127.0.0.1:5432. A later run reuses them while the size and the current month are the same.
2. Measures on each engine (``bench/measure.py``): every report page and the dashboard, median
   and p95 over many requests, their query counts, the plain SQL their figures need and the ratio
   page ÷ SQL; the entry page of the PD with 150 lines (load and save); each Excel file (time and
   peak memory); the DPA import of all the year's lines (upload + preview, apply; rolled back).
3. Load test on PostgreSQL (``bench/load.py``): gunicorn with several workers on 127.0.0.1, locust
   headless, 50 users for 60 s by default.
4. Prints the tables and the targets met or missed; writes everything to ``bench/.data/hasil.json``.

``--quick`` is a small run (20 PD × 1,000 lines, few repetitions, a 15 s load test) to check that it
all works.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / ".data"
PY = sys.executable
PG_BAKU = "postgres://postgres@127.0.0.1:5432/sipok_bench"

# (what, limit in ms) — the targets at 5,000 lines × 3 years, one worker.
TARGET_HALAMAN_MS, TARGET_RASIO = 150, 3.0
TARGET_ENTRI_BUKA_MS, TARGET_ENTRI_SIMPAN_MS = 200, 300
TARGET_EXCEL_MS, TARGET_EXCEL_MB = 3000, 150
TARGET_BEBAN_P95_MS = 500


def log(pesan: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {pesan}", flush=True)


def _env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
    }


def _django(env: dict, code: str) -> None:
    """Run a few lines of Python with Django set up on the database of ``env``."""
    subprocess.run(
        [PY, "-c", f"import django; django.setup(); {code}"], cwd=ROOT, env=env, check=True
    )


def _jumlah_dpa(env: dict) -> int:
    """DPA lines in the database of ``env`` (a marker file alone may outlive its database)."""
    out = subprocess.run(
        [
            PY,
            "-c",
            "import django; django.setup(); from kegiatan.models import DPA; "
            "print(DPA.objects.count())",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def _manage(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, **kwargs
    )


def engines(args) -> dict[str, str]:
    """engine → DATABASE_URL; a size other than the default gets databases of its own."""
    suffix = (
        ""
        if (args.pd, args.dpa, args.tahun) == (60, 5000, 3)
        else (f"_{args.pd}_{args.dpa}_{args.tahun}")
    )
    urls = {
        "sqlite": f"sqlite:///{DATA / f'sipok_bench{suffix}.sqlite3'}",
        "postgresql": f"{args.pg_url}{suffix}",
    }
    for url in urls.values():
        if "bench" not in Path(url.split("?")[0]).name:
            # data_besar replaces three budget years: never point it at a real pemda's database.
            raise SystemExit(f"{url}: nama basis data harus memuat 'bench'.")
    return {name: urls[name] for name in args.engine}


def _pg_create(url: str) -> None:
    """CREATE DATABASE when it does not exist (psycopg2 on the server's ``postgres`` db)."""
    import dj_database_url
    import psycopg2

    cfg = dj_database_url.parse(url)
    conn = psycopg2.connect(
        dbname="postgres",
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
    )
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
    conn.close()


def penanda(args) -> dict:
    today = datetime.date.today()
    return {
        "pd": args.pd,
        "dpa": args.dpa,
        "tahun": args.tahun,
        "tahun_berjalan": today.year,
        "bulan_berjalan": today.month,
    }


def siapkan(args, urls: dict[str, str]) -> None:
    """Migrate every database and build the data where it is missing or of another size/month;
    the engines are built in parallel."""
    DATA.mkdir(parents=True, exist_ok=True)
    jalan = {}
    for engine, url in urls.items():
        if engine == "postgresql":
            _pg_create(url)
        env = _env(url)
        _manage(env, "migrate", "--noinput", "-v0")
        berkas = DATA / f"penanda-{engine}-{Path(url).name.replace('.sqlite3', '')}.json"
        ada = berkas.exists() and json.loads(berkas.read_text()) == penanda(args)
        if ada and not args.rebuild and _jumlah_dpa(env) == args.dpa * args.tahun:
            log(f"{engine}: data sudah ada ({url})")
            continue
        log(f"{engine}: membangun data {args.pd} PD × {args.dpa} baris × {args.tahun} tahun …")
        berkas.unlink(missing_ok=True)
        log_file = open(DATA / f"data_besar-{engine}.log", "w")  # noqa: SIM115
        proc = subprocess.Popen(
            [
                PY,
                "manage.py",
                "data_besar",
                "--pd",
                str(args.pd),
                "--dpa",
                str(args.dpa),
                "--tahun",
                str(args.tahun),
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        jalan[engine] = (proc, berkas, env, log_file)
    for engine, (proc, berkas, env, log_file) in jalan.items():
        if proc.wait() != 0:
            raise SystemExit(f"data_besar gagal pada {engine}; lihat {log_file.name}")
        log_file.close()
        # Fresh statistics for the planner, as autovacuum / a DBA would have them.
        statement = "VACUUM ANALYZE" if engine == "postgresql" else "ANALYZE"
        _django(env, f"from django.db import connection as c; c.cursor().execute({statement!r})")
        berkas.write_text(json.dumps(penanda(args)))
        log(f"{engine}: data selesai")


def ukur(args, engine: str, url: str) -> dict:
    log(f"{engine}: mengukur halaman, entri dan Excel …")
    with tempfile.TemporaryDirectory() as tmp:
        keluaran = Path(tmp) / "hasil.json"
        cmd = [PY, "-m", "bench.measure", "--json", str(keluaran)]
        cmd += ["--ulang", str(args.ulang), "--anggaran", str(args.anggaran)]
        if args.tanpa_excel:
            cmd.append("--tanpa-excel")
        if args.tanpa_impor:
            cmd.append("--tanpa-impor")
        subprocess.run(cmd, cwd=ROOT, env=_env(url), check=True)
        return json.loads(keluaran.read_text())


def beban(args, url: str) -> dict:
    from bench import load

    log(f"uji beban: {args.users} pengguna, {args.detik} s, {args.workers} worker gunicorn …")
    with tempfile.TemporaryDirectory() as tmp:
        konfigurasi = Path(tmp) / "beban.json"
        subprocess.run(
            [PY, "-m", "bench.measure", "--beban", "--json", str(konfigurasi)],
            cwd=ROOT,
            env=_env(url),
            check=True,
        )
        hasil = load.jalankan(
            env=_env(url),
            konfigurasi=json.loads(konfigurasi.read_text()),
            users=args.users,
            detik=args.detik,
            workers=args.workers,
        )
    # Leave the data as built: the load test's drafts go.
    _django(_env(url), "from bench.measure import bersihkan; bersihkan()")
    return hasil


def _f(value, digits=1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")


def tabel(hasil_engine: dict[str, dict]) -> str:
    """Markdown tables of the measurements, one row per item, one column group per engine."""
    names = list(hasil_engine)
    rows = {}
    for engine, hasil in hasil_engine.items():
        for h in hasil["hasil"]:
            rows.setdefault((h["grup"], h["nama"]), {})[engine] = h
    head = ["halaman / berkas"]
    for engine in names:
        head += [f"{engine} median ms", "p95 ms", "SQL ms", "÷ SQL", "query", "MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for (_, nama), per_engine in rows.items():
        cells = [nama]
        for engine in names:
            h = per_engine.get(engine)
            if h is None:
                cells += ["–"] * 6
                continue
            cells += [
                _f(h["median_ms"]),
                _f(h["p95_ms"]),
                _f(h["sql_ms"]),
                _f(h["rasio"]),
                _f(h["queries"], 0),
                _f(h["peak_mb"]),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def tabel_beban(hasil: dict) -> str:
    lines = [
        f"{hasil['users']} pengguna, {hasil['detik']} s, {hasil['workers']} worker gunicorn",
        "",
        "| permintaan | n | per detik | p50 ms | p95 ms | p99 ms | galat |",
        "|---|---|---|---|---|---|---|",
    ]
    for jenis, r in hasil["jenis"].items():
        lines.append(
            f"| {jenis} | {r['n']} | {_f(r['rps'])} | {_f(r['p50'], 0)} | {_f(r['p95'], 0)} "
            f"| {_f(r['p99'], 0)} | {r['galat']} |"
        )
    for pesan, n in hasil.get("pesan_galat", {}).items():
        lines.append(f"- galat ×{n}: {pesan}")
    return "\n".join(lines)


def sasaran(hasil_engine: dict[str, dict], beban_hasil: dict | None) -> list[str]:
    """Each target of the issue, met or missed, from the figures."""
    out = []

    def cek(ok, teks):
        out.append(f"- {'TERCAPAI' if ok else 'BELUM'}: {teks}")

    pg = hasil_engine.get("postgresql")
    for engine, hasil in hasil_engine.items():
        for h in hasil["hasil"]:
            if h["median_ms"] is None:
                continue
            if h["grup"] == "laporan" and engine == "postgresql":
                cek(
                    h["median_ms"] < TARGET_HALAMAN_MS,
                    f"{h['nama']} median {_f(h['median_ms'])} ms < {TARGET_HALAMAN_MS} ms (PG)",
                )
            if h["grup"] == "laporan-sesudah-lapor" and engine == "postgresql":
                out.append(f"- INFO: {h['nama']} median {_f(h['median_ms'])} ms (PG)")
            # How close a page is to its SQL is judged with nothing cached: the page computes
            # every figure itself, as the SQL does.
            if h["grup"] == "laporan-dingin" and h["rasio"] is not None:
                cek(
                    h["rasio"] <= TARGET_RASIO,
                    f"{h['nama']} ÷ SQL {_f(h['rasio'])} ≤ {TARGET_RASIO} ({engine})",
                )
            if h["nama"] == "entri: buka":
                cek(
                    h["median_ms"] < TARGET_ENTRI_BUKA_MS,
                    f"entri buka {_f(h['median_ms'])} ms < {TARGET_ENTRI_BUKA_MS} ms ({engine})",
                )
            if h["nama"] == "entri: simpan":
                cek(
                    h["median_ms"] < TARGET_ENTRI_SIMPAN_MS,
                    f"entri simpan {_f(h['median_ms'])} ms < {TARGET_ENTRI_SIMPAN_MS} ms "
                    f"({engine})",
                )
            if h["nama"].startswith("excel semua DPA"):
                cek(
                    h["median_ms"] < TARGET_EXCEL_MS and (h["peak_mb"] or 0) < TARGET_EXCEL_MB,
                    f"{h['nama']}: {_f(h['median_ms'])} ms < {TARGET_EXCEL_MS} ms, puncak "
                    f"{_f(h['peak_mb'])} MB < {TARGET_EXCEL_MB} MB ({engine})",
                )
    if beban_hasil:
        halaman = beban_hasil["jenis"].get("halaman")
        galat = sum(r["galat"] for jenis, r in beban_hasil["jenis"].items() if "spawn" not in jenis)
        cek(galat == 0, f"uji beban tanpa galat ({galat} galat)")
        if halaman:
            cek(
                halaman["p95"] < TARGET_BEBAN_P95_MS,
                f"uji beban p95 halaman {_f(halaman['p95'], 0)} ms < {TARGET_BEBAN_P95_MS} ms",
            )
    if pg is None:
        out.append("- (PostgreSQL tidak diukur: sasaran median < 150 ms tidak dinilai)")
    return out


def banding(sebelum: dict, sesudah: dict) -> str:
    """A Markdown table of two runs' medians side by side (``--banding A.json B.json``)."""
    engines = [
        e for e in ("postgresql", "sqlite") if e in sebelum["hasil"] and e in sesudah["hasil"]
    ]
    head = ["halaman / berkas"]
    for engine in engines:
        head += [f"{engine} sebelum ms", "sesudah ms", "query sebelum → sesudah"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    names = [h["nama"] for h in sesudah["hasil"][engines[0]]["hasil"]]
    for nama in names:
        cells = [nama]
        for engine in engines:
            a = next((h for h in sebelum["hasil"][engine]["hasil"] if h["nama"] == nama), {})
            b = next((h for h in sesudah["hasil"][engine]["hasil"] if h["nama"] == nama), {})
            q = f"{_f(a.get('queries'), 0)} → {_f(b.get('queries'), 0)}"
            cells += [_f(a.get("median_ms")), _f(b.get("median_ms")), q]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a small, fast run")
    parser.add_argument("--pd", type=int, default=None, help="PD (default 60)")
    parser.add_argument("--dpa", type=int, default=None, help="DPA lines a year (default 5000)")
    parser.add_argument("--tahun", type=int, default=3, help="budget years (default 3)")
    parser.add_argument(
        "--engine", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"]
    )
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_BAKU))
    parser.add_argument("--rebuild", action="store_true", help="build the data again")
    parser.add_argument("--ulang", type=int, default=None, help="requests per page (default 30)")
    parser.add_argument("--anggaran", type=float, default=None, help="seconds per page at most")
    parser.add_argument("--tanpa-excel", action="store_true", help="skip the Excel files")
    parser.add_argument("--tanpa-impor", action="store_true", help="skip the DPA import")
    parser.add_argument("--tanpa-beban", action="store_true", help="skip the load test")
    parser.add_argument("--users", type=int, default=None, help="load test users (default 50)")
    parser.add_argument("--detik", type=int, default=None, help="load test seconds (default 60)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--json", type=Path, default=DATA / "hasil.json")
    parser.add_argument(
        "--banding",
        nargs=2,
        type=Path,
        metavar=("SEBELUM", "SESUDAH"),
        help="only print two earlier runs' medians side by side",
    )
    args = parser.parse_args(argv)
    if args.banding:
        a, b = (json.loads(path.read_text()) for path in args.banding)
        print(banding(a, b))
        return 0

    quick = args.quick
    args.pd = args.pd or (20 if quick else 60)
    args.dpa = args.dpa or (1000 if quick else 5000)
    args.ulang = args.ulang or (5 if quick else 30)
    args.anggaran = args.anggaran or (2.0 if quick else 12.0)
    args.users = max(1, min(args.users or (20 if quick else 50), 500))
    args.detik = max(5, min(args.detik or (15 if quick else 60), 600))

    mulai = time.monotonic()
    urls = engines(args)
    siapkan(args, urls)
    hasil = {engine: ukur(args, engine, url) for engine, url in urls.items()}
    beban_hasil = None
    if not args.tanpa_beban:
        engine = "postgresql" if "postgresql" in urls else next(iter(urls))
        beban_hasil = beban(args, urls[engine])
        beban_hasil["engine"] = engine
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"hasil": hasil, "beban": beban_hasil}, indent=1, default=str))

    contoh = next(iter(hasil.values()))
    print()
    print(f"Mesin: {contoh['mesin']}")
    print(f"Data: {contoh['data']}; periode laporan {contoh['periode']}")
    for engine, h in hasil.items():
        print(f"  {engine}: {h['mesin']['db']}")
    print()
    print(tabel(hasil))
    if beban_hasil:
        print()
        print(f"Uji beban ({beban_hasil['engine']}):")
        print(tabel_beban(beban_hasil))
    print()
    if (args.pd, args.dpa, args.tahun) != (60, 5000, 3):
        print("(Sasaran berlaku untuk ukuran baku 60 PD × 5000 baris × 3 tahun; ini ukuran lain.)")
    print("Sasaran:")
    print("\n".join(sasaran(hasil, beban_hasil)))
    print()
    log(f"selesai dalam {time.monotonic() - mulai:.0f} s; hasil lengkap: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
