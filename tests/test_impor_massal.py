"""The DPA import's apply writes table by table in batches: for a file of 300 lines it makes the
same rows and the same history rows, row for row, as applying it line by line through
``kegiatan.services`` (the way it was written before, kept here as the reference), in a number of
statements that does not grow with every line."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import transaction

from impor import services
from impor.dpa import BARU, DIUBAH, _fields
from impor.models import Impor
from kegiatan import services as kegiatan_services
from kegiatan.models import DPA, RKO, RiwayatPagu
from realisasi.models import Realisasi

from .builders import JT, make_sub_kegiatan, report
from .test_impor import baris_dpa, buku_dpa, unggah

PD = ("1.02.01", "1.03.01")
SUMBER_DANA = ("PAD", "DAKF")
PERUBAHAN = datetime.date(2026, 9, 15)
FISIK_LAIN = [Decimal(x) for x in (2, 4, 8, 15, 25, 35, 50, 60, 70, 85, 95, 100)]


def terapkan_satu_per_satu(rencana, *, tahun, fase, tanggal_berlaku, keterangan, by):
    """The apply as it was before the batched writes: each line through ``kegiatan.services``,
    the history rows named by ``riwayat_atas_nama``."""
    with services.riwayat_atas_nama(by, keterangan):
        for item in rencana:
            row = item.sumber
            if item.aksi == BARU:
                dpa = kegiatan_services.dpa_create(
                    tahun=tahun,
                    perangkat_daerah=item.perangkat_daerah,
                    sub_kegiatan=item.sub_kegiatan,
                    sumber_dana=item.sumber_dana,
                    pagu=Decimal(0) if fase else row.pagu,
                    **_fields(row),
                )
                if fase:
                    kegiatan_services.pagu_change(
                        dpa=dpa,
                        fase=fase,
                        tanggal_berlaku=tanggal_berlaku,
                        pagu=row.pagu,
                        keterangan=keterangan,
                    )
            elif item.aksi == DIUBAH:
                dpa = item.dpa
                if item.bidang:
                    for name, (_old, new) in item.bidang.items():
                        setattr(dpa, name, new)
                    dpa.full_clean()
                    dpa.save(update_fields=list(item.bidang))
                if item.pagu_berubah:
                    kegiatan_services.pagu_change(
                        dpa=dpa,
                        fase=fase,
                        tanggal_berlaku=tanggal_berlaku,
                        pagu=row.pagu,
                        keterangan=keterangan,
                    )
            else:
                continue
            if item.rko_baru is not None:
                kegiatan_services.rko_set(dpa=dpa, targets=item.rko_baru)


def isi_anggaran() -> dict:
    """Every DPA, pagu history, RKO and realisasi row, and each one's history rows in the order
    they were written, keyed by what they are rather than by id (ids differ between two runs)."""
    kunci = {
        dpa.pk: (dpa.tahun, dpa.perangkat_daerah.kode, dpa.sub_kegiatan.kode, dpa.sumber_dana.kode)
        for dpa in DPA.objects.select_related("perangkat_daerah", "sub_kegiatan", "sumber_dana")
    }

    def tanpa_id(row: dict) -> dict:
        row = dict(row)
        for name in ("id", "history_id"):
            row.pop(name, None)
        if "dpa_id" in row:
            row["dpa_id"] = kunci[row["dpa_id"]]
        return row

    def sekarang(model, objek) -> dict:
        return {objek(row): tanpa_id(row) for row in model.objects.values()}

    def riwayat(model, objek) -> dict:
        result = defaultdict(list)
        for row in model.history.order_by("history_id").values():
            result[objek(row)].append(tanpa_id(row))
        return dict(result)

    def dpa(row):
        return kunci[row["id"]]

    def pagu(row):
        return (kunci[row["dpa_id"]], row["tanggal_berlaku"])

    def bulan(row):
        return (kunci[row["dpa_id"]], row["bulan"])

    return {
        "dpa": sekarang(DPA, dpa),
        "riwayat_pagu": sekarang(RiwayatPagu, pagu),
        "rko": sekarang(RKO, bulan),
        "realisasi": sekarang(Realisasi, bulan),
        "riwayat dpa": riwayat(DPA, dpa),
        "riwayat riwayat_pagu": riwayat(RiwayatPagu, pagu),
        "riwayat rko": riwayat(RKO, bulan),
        "riwayat realisasi": riwayat(Realisasi, bulan),
    }


def yang_diharapkan(impor: Impor, by) -> dict:
    """What the line-by-line apply of ``impor`` leaves, measured then rolled back."""
    with transaction.atomic():
        hasil = services.pratinjau(
            jenis=impor.jenis,
            data=impor.berkas.read(),
            tahun=impor.tahun,
            fase=impor.fase,
            tanggal_berlaku=impor.tanggal_berlaku,
        )
        assert hasil.ok, hasil.galat
        terapkan_satu_per_satu(
            hasil.rencana,
            tahun=impor.tahun,
            fase=impor.fase,
            tanggal_berlaku=impor.tanggal_berlaku,
            keterangan=impor.alasan_riwayat,
            by=by,
        )
        expected = isi_anggaran()
        transaction.set_rollback(True)
    return expected


@pytest.fixture
def sub_kegiatan(time_machine, pemda, dinkes, dpupr, apbd, dak):
    """75 sub kegiatan for the two PD and two sumber dana, on 5 July 2026 (the clock stands
    still, so the two applies compared write the same times)."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)
    return [make_sub_kegiatan(f"1.02.02.2.01.{n:04d}") for n in range(100, 175)]


def kunci_baris(sub_kegiatan) -> list[tuple[str, str, str]]:
    """300 lines: two PD × two sumber dana × 75 sub kegiatan."""
    return [(pd, sub.kode, sd) for pd in PD for sd in SUMBER_DANA for sub in sub_kegiatan]


def baris_murni(i: int, kunci) -> dict:
    """Line ``i`` of the first (murni) file: every fifth without RKO, some descriptive fields."""
    fields = {}
    if i % 3 == 0:
        fields["lokasi"] = f"Desa {i}"
    if i % 4 == 0:
        fields["pptk_nip"] = f"{198001012005011000 + i}"
        fields["target_keluaran"] = Decimal(i + 1)
    if i % 7 == 0:
        fields["nama_sub_kegiatan"] = f"Nama di DPA {i}"
    return baris_dpa(*kunci, (100 + i) * JT, rko=i % 5 != 0, **fields)


def baris_perubahan(i: int, kunci) -> dict:
    """Line ``i`` of the second file (perubahan from 15 September): for the 150 lines that
    exist, by ``i % 6`` a new pagu with a new plan and a new lokasi, a new lokasi and satuan, a
    new plan (or a first one), nothing, a new pagu with a new plan, a plan changed in some months;
    the 150 others are new lines, every fifth without RKO."""
    if i >= 150:
        return baris_dpa(*kunci, (500 + i) * JT, rko=i % 5 != 0, lokasi="Baru")
    row = baris_murni(i, kunci)
    pagu = row["pagu"]
    match i % 6:
        case 0:
            return baris_dpa(*kunci, pagu + 7 * JT, lokasi=f"Pindah {i}")
        case 1:
            return {**row, "lokasi": "Kecamatan", "satuan_keluaran": "unit"}
        case 2:
            return baris_dpa(*kunci, pagu, fisik=list(FISIK_LAIN))
        case 4:
            return baris_dpa(*kunci, pagu - 3 * JT, fisik=list(FISIK_LAIN))
        case 5:
            changed = baris_dpa(*kunci, pagu)
            changed.update(fisik_3=Decimal(20), fisik_4=Decimal(30))
            return changed
    return row


def test_a_large_import_writes_what_the_line_by_line_apply_wrote_in_few_statements(
    admin_user, sub_kegiatan, django_assert_max_num_queries
):
    admin = admin_user
    lines = kunci_baris(sub_kegiatan)

    murni = unggah(
        buku_dpa([baris_murni(i, kunci) for i, kunci in enumerate(lines[:150])]), by=admin
    )
    assert murni.status == Impor.Status.PRATINJAU, murni.galat
    expected = yang_diharapkan(murni, admin)
    # Line by line this was about 48 statements a line. In batches: 40 on SQLite (whose limit of
    # 999 parameters a statement makes its batches smaller), 23 on PostgreSQL.
    with django_assert_max_num_queries(40):
        services.impor_terapkan(impor=murni, by=admin)
    assert isi_anggaran() == expected
    assert len(expected["dpa"]) == 150 and len(expected["rko"]) == 120 * 12

    spent = DPA.objects.order_by("pk")[:3]
    for dpa in spent:
        report(dpa, 3, 20, JT)

    perubahan = unggah(
        buku_dpa([baris_perubahan(i, kunci) for i, kunci in enumerate(lines)]),
        by=admin,
        fase="perubahan",
        tanggal=PERUBAHAN,
    )
    assert perubahan.status == Impor.Status.PRATINJAU, perubahan.galat
    assert perubahan.ringkasan["baru"] == 150
    assert perubahan.ringkasan["tetap"] == 25
    expected = yang_diharapkan(perubahan, admin)
    with django_assert_max_num_queries(70):  # 66 on SQLite, 35 on PostgreSQL
        services.impor_terapkan(impor=perubahan, by=admin)
    assert isi_anggaran() == expected
    assert len(expected["dpa"]) == 300
    histories = expected["riwayat dpa"].values()
    assert sum(len(h) for h in histories) == 150 + 25 + 25 + 50 + 150 * 2
