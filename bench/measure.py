"""The measurements of ``bench/run.py`` inside one Django process on one database.

Run by ``run.py`` once per engine (``DATABASE_URL`` set, settings ``bench.settings``): every report
page and the dashboard through Django's test client, the entry page of the PD with 150 lines (load
and save), each Excel file (time and peak memory), and for each report the plain SQL its figures
need (``bench.sql``). Prints one JSON document. The functions also run at tiny scale in
``tests/test_bench.py``.
"""

import argparse
import importlib.util
import json
import math
import re
import statistics
import sys
import time
import tracemalloc
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the load test's operators read from a page: the CSRF token and each row's versi.
POLA_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
POLA_VERSI = re.compile(rb'name="(r\d+)-versi" value="(\d+)"')


@dataclass
class Hasil:
    """One measured item: its samples' median and 95th percentile (ms), and what goes with it."""

    grup: str
    nama: str
    n: int = 0
    median_ms: float | None = None
    p95_ms: float | None = None
    queries: int | None = None
    sql_ms: float | None = None
    peak_mb: float | None = None
    kb: float | None = None
    catatan: str = ""

    @property
    def rasio(self) -> float | None:
        if self.median_ms is None or not self.sql_ms:
            return None
        return self.median_ms / self.sql_ms

    def as_dict(self) -> dict:
        return {**asdict(self), "rasio": self.rasio}


def persentil(samples: list[float], q: float) -> float:
    """Nearest-rank percentile of ``samples``."""
    ordered = sorted(samples)
    k = max(0, math.ceil(q / 100 * len(ordered)) - 1)
    return ordered[k]


def ukur(fn, *, ulang: int, anggaran: float, pemanasan: int = 1) -> list[float]:
    """Seconds per call of ``fn``: ``pemanasan`` untimed calls, then up to ``ulang`` timed ones,
    fewer when they pass ``anggaran`` seconds (never fewer than three, or ``ulang`` if less)."""
    for _ in range(pemanasan):
        fn()
    samples: list[float] = []
    mulai = time.perf_counter()
    while len(samples) < ulang:
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
        if time.perf_counter() - mulai > anggaran and len(samples) >= min(3, ulang):
            break
    return samples


def _isi(hasil: Hasil, samples: list[float]) -> Hasil:
    hasil.n = len(samples)
    hasil.median_ms = statistics.median(samples) * 1000
    hasil.p95_ms = persentil(samples, 95) * 1000
    return hasil


class _Hitung:
    """Counts the statements run on the default connection (no log: an import runs tens of
    thousands, past Django's query log of 9,000)."""

    def __enter__(self):
        from django.db import connection

        self.n = 0
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        return self._wrapper.__exit__(*exc)


class Bench:
    """What is measured, found in the data built by ``manage.py data_besar``."""

    def __init__(self, *, ulang: int = 30, anggaran: float = 15.0):
        from django.db import connection
        from django.db.models import Count, Q
        from django.test import Client

        from akun.models import User
        from demo.management.commands.data_besar import BARIS_ENTRI, PD_ENTRI
        from laporan.periode import default_periode
        from perangkat_daerah.models import PerangkatDaerah
        from realisasi import services

        self.ulang, self.anggaran = ulang, anggaran
        self.vendor = connection.vendor
        self.periode = default_periode()
        tahun = self.periode.tahun
        per_pd = PerangkatDaerah.objects.annotate(n=Count("dpa", filter=Q(dpa__tahun=tahun)))
        self.pd_besar = per_pd.order_by("-n", "kode").first()
        self.pd_entri = per_pd.filter(singkatan=PD_ENTRI).first() or min(
            per_pd.filter(n__gt=0), key=lambda pd: abs(pd.n - BARIS_ENTRI)
        )
        self.operator = User.objects.filter(
            role="operator", perangkat_daerah=self.pd_entri, is_active=True
        ).first()
        self.periode_entri = services.periode_entri(perangkat_daerah=self.pd_entri)
        self.clients = {}
        for username in ("admin", "pimpinan", self.operator.username):
            client = Client()
            client.force_login(User.objects.get(username=username))
            self.clients[username] = client
        self.hasil: list[Hasil] = []

    # --- report pages and their plain SQL --------------------------------------------------------

    def laporan(self) -> list[tuple[str, str, str]]:
        """(name, URL, username) of the dashboard and every report page."""
        from django.urls import reverse

        detail = (
            f"{reverse('laporan:detail-pd')}?tahun={self.periode.tahun}"
            f"&bulan={self.periode.bulan}&perangkat_daerah={self.pd_besar.pk}"
        )
        pages = [("beranda", "/", "pimpinan"), ("beranda-operator", "/", self.operator.username)]
        for name in ("rekap-pemda", "rekap-pd", "rekap-sumber-dana"):
            pages.append((name, reverse(f"laporan:{name}"), "admin"))
        pages.append(("detail-pd", detail, "admin"))
        for name in ("kurva-s", "kendala", "kepatuhan", "pengadaan"):
            pages.append((name, reverse(f"laporan:{name}"), "admin"))
        return pages

    def sql(self, nama: str) -> list[str]:
        from bench import sql
        from pengadaan.models import PaketPengadaan

        pd = self.pd_entri.pk if nama == "beranda-operator" else self.pd_besar.pk
        return sql.untuk_laporan(
            self.vendor,
            nama,
            self.periode.tahun,
            self.periode.bulan,
            pd=pd,
            tahap=list(PaketPengadaan.Tahap.values),
        )

    def jalankan_sql(self, statements: list[str]) -> list[list]:
        from django.db import connection, transaction

        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL jit = off")
            rows = []
            for statement in statements:
                cursor.execute(statement)
                rows.append(cursor.fetchall())
        return rows

    def get(self, username: str, url: str):
        response = self.clients[username].get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} as {username}: {response.status_code}")
        if getattr(response, "streaming", False):
            return b"".join(response.streaming_content)
        return response.content

    def kosongkan_cache(self) -> None:
        """As after a restart: nothing computed yet."""
        from django.core.cache import cache

        cache.clear()

    def sesudah_lapor(self) -> None:
        """As after a realisasi of this year is reported (or an import, a pagu change): the
        trigger gives this year a new token; last year's figures stay cached."""
        import secrets

        from laporan.models import VersiAngka

        VersiAngka.objects.filter(tahun=self.periode.tahun).update(token=secrets.token_hex(16))

    def ukur_laporan(self) -> list[Hasil]:
        """Every page three ways: with its figures cached (the same data as the request before),
        "sesudah lapor" (this year's figures computed again, last year's from the cache) and
        "dingin" (nothing cached)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        hasil = []
        for nama, url, username in self.laporan():
            variants = (
                ("laporan-dingin", f"{nama} (dingin)", self.kosongkan_cache),
                ("laporan-sesudah-lapor", f"{nama} (sesudah lapor)", self.sesudah_lapor),
                ("laporan", nama, None),
            )
            for grup, label, before in variants:

                def request(u=username, x=url, before=before):
                    if before is not None:
                        before()
                    return self.get(u, x)

                if before is not None:
                    before()
                with CaptureQueriesContext(connection) as queries:
                    content = self.get(username, url)
                h = Hasil(grup, label, queries=len(queries), kb=len(content) / 1024)
                _isi(h, ukur(request, **self._ulang()))
                h.catatan = f"sebagai {username}"
                hasil.append(h)
            statements = self.sql(nama)
            sql_samples = ukur(lambda s=statements: self.jalankan_sql(s), **self._ulang())
            for h in hasil[-3:]:
                h.sql_ms = statistics.median(sql_samples) * 1000
        self.hasil += hasil
        return hasil

    def _ulang(self) -> dict:
        return {"ulang": self.ulang, "anggaran": self.anggaran}

    # --- the entry page ---------------------------------------------------------------------

    def url_entri(self) -> str:
        from django.urls import reverse

        p = self.periode_entri
        return reverse("realisasi:entri", args=[self.pd_entri.pk, p.tahun, p.bulan])

    def data_simpan(self, putaran: int) -> dict:
        """The POST of the entry form with every line of the PD: this month's saved values, the
        kendala and solusi text changed so that every row is written."""
        from kegiatan.models import DPA
        from laporan import format as fmt
        from realisasi.models import Realisasi

        p = self.periode_entri
        rows = {
            r.dpa_id: r
            for r in Realisasi.objects.filter(
                dpa__perangkat_daerah=self.pd_entri, dpa__tahun=p.tahun, bulan=p.bulan
            )
        }
        data = {"action": "simpan"}
        for dpa_id in DPA.objects.filter(perangkat_daerah=self.pd_entri, tahun=p.tahun).values_list(
            "pk", flat=True
        ):
            row = rows.get(dpa_id)
            prefix = f"r{dpa_id}"
            data[f"{prefix}-fisik"] = fmt.angka(row.realisasi_fisik, 2) if row else "100"
            data[f"{prefix}-keuangan"] = fmt.angka(row.realisasi_keuangan, 2) if row else "0"
            data[f"{prefix}-kendala"] = f"Menunggu hasil lelang ulang (catatan {putaran % 2})."
            data[f"{prefix}-solusi"] = "Percepatan jadwal pelaksanaan bersama penyedia."
            data[f"{prefix}-versi"] = str(row.versi if row else 0)
        return data

    def ukur_entri(self) -> list[Hasil]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        username, url = self.operator.username, self.url_entri()
        client = self.clients[username]
        with CaptureQueriesContext(connection) as queries:
            content = self.get(username, url)
        baris = content.count(b'name="r') // 5
        load = Hasil("entri", "entri: buka", queries=len(queries), kb=len(content) / 1024)
        _isi(load, ukur(lambda: self.get(username, url), **self._ulang()))
        load.catatan = f"{self.pd_entri.singkatan}, {baris} baris isian, {self.periode_entri}"

        putaran = [0]

        def simpan():
            response = client.post(url, data)
            if response.status_code != 302:
                raise RuntimeError(f"POST {url}: {response.status_code}")

        save = Hasil("entri", "entri: simpan")
        samples = []
        for i in range(1 + min(self.ulang, 20)):
            putaran[0] += 1
            data = self.data_simpan(putaran[0])  # untimed: the page the operator has open
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                simpan()
                if i:
                    samples.append(time.perf_counter() - t)
            save.queries = len(queries)
            if sum(samples) > self.anggaran and len(samples) >= 3:
                break
        _isi(save, samples)
        save.catatan = f"{len(data) // 5} baris diubah per simpan"
        self.hasil += [load, save]
        return [load, save]

    # --- Excel files ------------------------------------------------------------------------

    def excel(self) -> list[tuple[str, str, str]]:
        """(name, URL, username) of each Excel file, when the pages offer them."""
        from django.urls import reverse

        from kegiatan.models import DPA

        files = []
        for nama, url, username in self.laporan():
            if nama.startswith("beranda"):
                continue
            sep = "&" if "?" in url else "?"
            files.append((f"excel {nama}", f"{url}{sep}format=xlsx", username))
        semua = reverse("laporan:detail-pd")
        n = DPA.objects.filter(tahun=self.periode.tahun).count()
        files.append((f"excel semua DPA ({n} baris)", f"{semua}?format=xlsx", "admin"))
        return files

    def ukur_excel(self) -> list[Hasil]:
        if importlib.util.find_spec("laporan.excel") is None:
            h = Hasil("excel", "excel", catatan="laporan/excel.py belum ada")
            self.hasil.append(h)
            return [h]
        hasil = []
        for nama, url, username in self.excel():
            response = self.clients[username].get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200 or "spreadsheet" not in kind:
                h = Hasil("excel", nama, catatan=f"bukan berkas Excel ({response.status_code})")
                hasil.append(h)
                continue
            h = Hasil("excel", nama)
            _isi(h, ukur(lambda u=username, x=url: self.get(u, x), **self._ulang()))
            tracemalloc.start()
            content = self.get(username, url)
            h.peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            h.kb = len(content) / 1024
            hasil.append(h)
        self.hasil += hasil
        return hasil

    # --- the DPA import ------------------------------------------------------------------------

    def ukur_impor(self, *, ulang: int = 2) -> list[Hasil]:
        """The DPA + RKO import of every line of the year (the import template of the year, filled
        with its lines, uploaded as next year's DPA): the upload with its check and preview, then
        the apply, with their query counts. Each run is rolled back, so the data stay as built
        (the commit is not timed)."""
        from django.conf import settings

        if "impor" not in {app.split(".")[0] for app in settings.INSTALLED_APPS}:
            h = Hasil("impor", "impor DPA", catatan="aplikasi impor belum ada")
            self.hasil.append(h)
            return [h]
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.db import transaction

        from akun.models import User
        from impor import services, templat
        from kegiatan.models import DPA

        admin = User.objects.get(username="admin")
        tahun = self.periode.tahun
        data = templat.templat_dpa(tahun)
        n = DPA.objects.filter(tahun=tahun).count()
        unggah_s, terapkan_s = [], []
        for _ in range(ulang):
            with transaction.atomic():
                berkas = SimpleUploadedFile("dpa.xlsx", data)
                with _Hitung() as q_unggah:
                    t = time.perf_counter()
                    impor = services.impor_unggah(
                        jenis="dpa", berkas=berkas, nama_asli="dpa.xlsx", tahun=tahun + 1, by=admin
                    )
                    unggah_s.append(time.perf_counter() - t)
                if impor.status != "pratinjau":
                    raise RuntimeError(f"impor DPA ditolak: {impor.galat[:3]}")
                with _Hitung() as q_terapkan:
                    t = time.perf_counter()
                    services.impor_terapkan(impor=impor, by=admin)
                    terapkan_s.append(time.perf_counter() - t)
                created = DPA.objects.filter(tahun=tahun + 1).count()
                impor.berkas.delete(save=False)
                transaction.set_rollback(True)
        unggah = _isi(Hasil("impor", "impor DPA: unggah dan pratinjau"), unggah_s)
        unggah.queries, unggah.kb = q_unggah.n, len(data) / 1024
        unggah.catatan = f"{n} baris DPA + RKO sebagai DPA {tahun + 1}"
        terapkan = _isi(Hasil("impor", "impor DPA: terapkan"), terapkan_s)
        terapkan.queries = q_terapkan.n
        terapkan.catatan = f"{created} baris DPA dibuat (lalu dibatalkan)"
        self.hasil += [unggah, terapkan]
        return [unggah, terapkan]

    def semua(self, *, excel: bool = True, impor: bool = True) -> list[Hasil]:
        self.ukur_laporan()
        self.ukur_entri()
        if excel:
            self.ukur_excel()
        if impor:
            self.ukur_impor(ulang=1)
        return self.hasil


def info_mesin() -> dict:
    """The machine and the versions the figures were measured on."""
    import os
    import platform

    import django
    from django.db import connection

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            db = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        import sqlite3

        db = f"SQLite {sqlite3.sqlite_version}"
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "memori": memory,
        "python": platform.python_version(),
        "django": django.get_version(),
        "db": db,
    }


def ukuran_data() -> dict:
    from django.db.models import Count

    from kegiatan.models import DPA, RKO
    from perangkat_daerah.models import PerangkatDaerah
    from realisasi.models import Realisasi

    return {
        "pd": PerangkatDaerah.objects.count(),
        "dpa_per_tahun": dict(
            DPA.objects.order_by("tahun").values_list("tahun").annotate(n=Count("pk"))
        ),
        "rko": RKO.objects.count(),
        "realisasi": Realisasi.objects.count(),
    }


def bersihkan() -> int:
    """Remove what an earlier load test saved: the rows of the current month, drafts and
    submitted (the data reach only the month before it), and their history rows."""
    from django.utils import timezone

    from realisasi.models import Realisasi

    today = timezone.localdate()
    rows = Realisasi.objects.filter(dpa__tahun=today.year, bulan=today.month)
    Realisasi.history.filter(id__in=rows.values("pk")).delete()
    return rows.delete()[0]


def konfigurasi_beban() -> dict:
    """What the load test's users do (``bench/locustfile.py``): each operator's entry page of the
    current month, the report pages and Excel files, the demo passwords by role."""
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import timezone

    from akun.models import User
    from demo.data import PASSWORD

    today = timezone.localdate()
    operators = (
        User.objects.filter(role="operator", is_active=True, perangkat_daerah__aktif=True)
        .annotate(
            n=Count("perangkat_daerah__dpa", filter=Q(perangkat_daerah__dpa__tahun=today.year))
        )
        .filter(n__gt=0)
        .order_by("perangkat_daerah__kode")
    )
    bench = Bench(ulang=1, anggaran=0)
    laporan = [
        url for nama, url, username in bench.laporan() if username != bench.operator.username
    ]
    excel = []
    if importlib.util.find_spec("laporan.excel") is not None:
        excel = [url for nama, url, username in bench.excel()]
    return {
        "operator": [
            [
                u.username,
                reverse("realisasi:entri", args=[u.perangkat_daerah_id, today.year, today.month]),
            ]
            for u in operators
        ],
        "laporan": laporan,
        "excel": excel,
        "sandi": PASSWORD,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ulang", type=int, default=30)
    parser.add_argument("--anggaran", type=float, default=15.0)
    parser.add_argument("--tanpa-excel", action="store_true")
    parser.add_argument("--tanpa-impor", action="store_true")
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument(
        "--beban", action="store_true", help="only write the load test's configuration"
    )
    args = parser.parse_args(argv)

    import os

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection

    if "bench" not in str(connection.settings_dict["NAME"]):
        # It saves entries and deletes the load test's drafts: never on a real pemda's database.
        parser.error(f"database {connection.settings_dict['NAME']!r} is not a benchmark database")
    bersihkan()
    if args.beban:
        args.json.write_text(json.dumps(konfigurasi_beban()))
        return 0
    bench = Bench(ulang=args.ulang, anggaran=args.anggaran)
    hasil = bench.semua(excel=not args.tanpa_excel, impor=not args.tanpa_impor)
    args.json.write_text(
        json.dumps(
            {
                "mesin": info_mesin(),
                "data": ukuran_data(),
                "periode": str(bench.periode),
                "hasil": [h.as_dict() for h in hasil],
            },
            indent=1,
            default=str,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
