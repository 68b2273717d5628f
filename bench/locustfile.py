"""The load test's simulated users (locust, headless, started by ``bench/load.py``).

Operators log in, open their PD's entry page for the current month and save it (every line:
fisik 100%, money 0, a kendala note) as a draft twice, then submit it (ajukan): a submitted row
counts in this year's figures, so every submission makes the reports compute this year's figures
again (laporan.cache) — ~30 times a minute at 50 users, the busiest end of a quarter. After
submitting, an operator opens their dashboard instead. Admins and pimpinan log in
and open the dashboard and the reports, and download Excel files when the pages offer them. People
pace: an operator saves every 10–30 s (typing 150 lines takes longer; this is the busy end), an
admin opens something every 3–10 s. Every request's time is written, by kind, to the JSON file
named by ``BENCH_HASIL`` when the test ends; requests sent while users are still being spawned
(and every login) are kept apart from the page figures.
"""

import itertools
import json
import os
import random
from collections import defaultdict

from locust import HttpUser, between, events, task

from bench.measure import POLA_CSRF as CSRF
from bench.measure import POLA_VERSI as VERSI

OPERATOR = json.loads(os.environ.get("BENCH_OPERATOR", "[]"))  # [[username, entry URL], …]
LAPORAN = json.loads(os.environ.get("BENCH_LAPORAN", "[]"))  # [URL, …]
EXCEL = json.loads(os.environ.get("BENCH_EXCEL", "[]"))  # [URL, …]
SANDI = json.loads(os.environ.get("BENCH_SANDI", "{}"))  # role → password
HASIL = os.environ.get("BENCH_HASIL", "")


_nomor = itertools.count()
_sampel: dict[str, list[float]] = defaultdict(list)
_galat: dict[str, int] = defaultdict(int)
_pesan: dict[str, int] = defaultdict(int)  # what failed, and how often
_mulai = {"siap": False}


@events.spawning_complete.add_listener
def _siap(user_count, **kwargs):
    _mulai["siap"] = True


@events.request.add_listener
def _catat(request_type, name, response_time, response_length, exception, context, **kwargs):
    jenis = (context or {}).get("jenis", "lain")
    if jenis != "login" and not _mulai["siap"]:
        jenis = f"{jenis} (saat spawn)"
    _sampel[jenis].append(response_time)
    if exception is not None:
        _galat[jenis] += 1
        _pesan[f"{name}: {str(exception)[:120]}"] += 1


@events.quitting.add_listener
def _tulis(environment, **kwargs):
    if HASIL:
        with open(HASIL, "w") as f:
            json.dump({"sampel": _sampel, "galat": _galat, "pesan": _pesan}, f)


class Pengguna(HttpUser):
    abstract = True
    wait_time = between(3, 10)
    username = ""
    role = ""

    def on_start(self):
        page = self.client.get("/akun/masuk/", name="login (halaman)", context={"jenis": "login"})
        token = CSRF.search(page.content)
        self.client.post(
            "/akun/masuk/",
            {
                "username": self.username,
                "password": SANDI[self.role],
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
            },
            name="login",
            context={"jenis": "login"},
            allow_redirects=False,
        )

    def buka(self, url: str, name: str, jenis: str = "halaman"):
        with self.client.get(url, name=name, context={"jenis": jenis}, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}")
            return r


class Operator(Pengguna):
    weight = 3
    role = "operator"
    wait_time = between(10, 30)

    DRAFT_SEBELUM_AJUKAN = 2

    def on_start(self):
        self.username, self.url = OPERATOR[next(_nomor) % len(OPERATOR)]
        self.disimpan, self.diajukan = 0, False
        super().on_start()

    @task
    def simpan(self):
        if self.diajukan:
            self.buka("/", "beranda operator")
            return
        page = self.buka(self.url, "entri: buka")
        token = CSRF.search(page.content)
        ajukan = self.disimpan >= self.DRAFT_SEBELUM_AJUKAN
        data = {
            "action": "ajukan" if ajukan else "simpan",
            "csrfmiddlewaretoken": token.group(1).decode() if token else "",
        }
        for prefix, versi in VERSI.findall(page.content):
            p = prefix.decode()
            data.update(
                {
                    f"{p}-fisik": "100",
                    f"{p}-keuangan": "0",
                    f"{p}-kendala": f"Catatan uji beban {random.randint(1, 9)}",
                    f"{p}-solusi": "Tindak lanjut uji beban",
                    f"{p}-versi": versi.decode(),
                }
            )
        with self.client.post(
            self.url,
            data,
            name="entri: ajukan" if ajukan else "entri: simpan",
            context={"jenis": "simpan"},
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302:
                r.failure(f"{r.status_code}")
            elif len(data) < 7:
                r.failure("halaman entri tanpa baris isian")
            else:
                self.disimpan += 1
                self.diajukan = ajukan


class Admin(Pengguna):
    weight = 2

    def on_start(self):
        self.username, self.role = random.choice([("admin", "admin"), ("pimpinan", "pimpinan")])
        super().on_start()

    @task(6)
    def laporan(self):
        url = random.choice(LAPORAN)
        self.buka(url, url.split("?")[0])

    @task(1)
    def excel(self):
        if EXCEL:
            url = random.choice(EXCEL)
            self.buka(url, "excel " + url.split("?")[0], jenis="excel")
