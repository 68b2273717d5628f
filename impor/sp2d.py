"""The SP2D import against the database: the disbursements summed per DPA line and month
(``rencana_sp2d``, read only) and the writes (``terapkan_sp2d``).

How it meets the monthly workflow (``realisasi.services``):

- The sum of a line-month's SP2D *replaces* that month's ``realisasi_keuangan`` (it does not add to
  it), so importing the same file twice changes nothing. Months with no SP2D in the file are left
  alone.
- A month that already has a Realisasi row keeps its status, its fisik, kendala and solusi; only the
  money changes — also when the row is submitted or verified, and also when the month is locked:
  the SP2D import is the admin's correction tool. The preview flags verified values that change
  (and those that go down) and closed months; every changed row is written with ``versi`` + 1 (an
  operator's or verifier's open form then reports a conflict instead of overwriting), and with
  the admin as the user and "Impor SP2D #n" as the reason in the change history.
- A month without a row gets a ``draft`` row carrying the line's last reported cumulative fisik
  (or 0): the PD's operator still reports the month's fisik and submits it; like every draft it
  does not count in the reports until submitted and verified.
- Cumulative money (every row, whatever its status, as the entry screen counts it) may not pass
  the pagu in force at the end of any month: such rows are errors.
- SP2D dated outside the chosen year or in the future are errors, as are codes with no DPA line.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kegiatan.models import DPA, NAMA_BULAN, RiwayatPagu, akhir_bulan
from laporan import format as fmt
from realisasi.kunci import ringkasan_tahun
from realisasi.models import Realisasi

from .induk import cari_induk
from .parsers import BarisSP2D, Galat, sel_kode

ZERO = Decimal(0)
BARU, DIUBAH, TETAP = "baru", "diubah", "tetap"
LABEL_AKSI = {BARU: "Baru (draft)", DIUBAH: "Diubah", TETAP: "Tetap"}
LABEL_RINGKASAN = {
    "baris": "SP2D di berkas",
    "total_sp2d": "Jumlah nilai SP2D",
    "bulan_dpa": "Bulan DPA tersentuh",
    BARU: "Baris realisasi baru (draft)",
    DIUBAH: "Realisasi diubah",
    TETAP: "Tetap",
    "terverifikasi_berubah": "Nilai terverifikasi diubah",
    "turun": "Nilai turun",
    "bulan_tertutup": "Di bulan yang sudah ditutup",
}
Status = Realisasi.Status


@dataclass
class RencanaBulan:
    """What the file does to one DPA line's month."""

    dpa: DPA
    bulan: int
    sumber: list[BarisSP2D]
    nilai: Decimal
    realisasi: Realisasi | None
    aksi: str = TETAP
    fisik_dibawa: Decimal | None = None  # the cumulative fisik a new draft row carries
    terverifikasi_berubah: bool = False
    turun: bool = False
    bulan_tertutup: bool = False
    catatan: list[str] = field(default_factory=list)

    @property
    def nilai_lama(self) -> Decimal | None:
        return self.realisasi.realisasi_keuangan if self.realisasi else None

    def as_json(self) -> dict:
        return {
            "baris": [row.baris for row in self.sumber],
            "aksi": self.aksi,
            "label_aksi": LABEL_AKSI[self.aksi],
            "pd": self.dpa.perangkat_daerah.singkatan,
            "kode_sub_kegiatan": self.dpa.sub_kegiatan.kode,
            "nama": self.dpa.nama_sub_kegiatan,
            "sumber_dana": self.dpa.sumber_dana.kode,
            "bulan": self.bulan,
            "nama_bulan": NAMA_BULAN[self.bulan],
            "jumlah_sp2d": len(self.sumber),
            "nilai_lama": None if self.nilai_lama is None else str(self.nilai_lama),
            "nilai": str(self.nilai),
            "status": self.realisasi.get_status_display() if self.realisasi else "",
            "peringatan": self.terverifikasi_berubah or self.turun,
            "perubahan": self.catatan,
        }


@dataclass
class HasilRencanaSP2D:
    rencana: list[RencanaBulan]
    galat: list[Galat]
    ringkasan: dict
    keadaan: list


def _pagu_bulan(riwayat: list[RiwayatPagu], tahun: int, bulan: int) -> Decimal:
    """The pagu in force at the end of the month (as laporan.figures computes it)."""
    end = akhir_bulan(tahun, bulan)
    pagu = ZERO
    for item in riwayat:  # ordered by date
        if item.tanggal_berlaku <= end:
            pagu = item.pagu
    return pagu


def rencana_sp2d(
    *, rows: list[BarisSP2D], tahun: int, today: datetime.date | None = None
) -> HasilRencanaSP2D:
    """What importing ``rows`` into ``tahun`` would do, and every error the database reveals.
    Reads only, a constant number of queries for any file size."""
    today = today or timezone.localdate()
    induk = cari_induk(sel_kode(rows), jenis="sp2d")
    galat: list[Galat] = list(induk.galat)
    pds, subs, dana = induk.pd, induk.sub_kegiatan, induk.sumber_dana
    lines = {
        (d.perangkat_daerah_id, d.sub_kegiatan_id, d.sumber_dana_id): d
        for d in DPA.objects.tahun(tahun)
        .with_nomenklatur()
        .filter(perangkat_daerah__in=pds.values())
    }

    groups: dict[tuple[int, int], list[BarisSP2D]] = defaultdict(list)
    by_pk: dict[int, DPA] = {}
    for row in rows:
        pd, sub, sd = (
            pds.get(row.kode_pd),
            subs.get(row.kode_sub_kegiatan),
            dana.get(row.kode_sumber_dana),
        )
        problems = []
        dpa = None
        if pd is not None and sub is not None and sd is not None:  # else errors of ``induk``
            dpa = lines.get((pd.pk, sub.pk, sd.pk))
            if dpa is None:
                problems.append(
                    row.galat(
                        "kode_sub_kegiatan",
                        f"Tidak ada DPA tahun {tahun} untuk PD {pd.singkatan}, sub kegiatan "
                        f"{sub.kode} dan sumber dana {sd.kode}. Impor DPA-nya lebih dulu.",
                        row.kode_sub_kegiatan,
                    )
                )
        tanggal_text = row.tanggal.strftime("%d/%m/%Y")
        if row.tanggal.year != tahun:
            problems.append(
                row.galat(
                    "tanggal",
                    f"Tanggal SP2D di luar tahun anggaran {tahun} yang dipilih.",
                    tanggal_text,
                )
            )
        elif row.tanggal > today:
            problems.append(
                row.galat(
                    "tanggal",
                    f"Tanggal SP2D di masa depan (hari ini {today:%d/%m/%Y}).",
                    tanggal_text,
                )
            )
        if problems or dpa is None:
            galat.extend(problems)
            continue
        by_pk[dpa.pk] = dpa
        groups[(dpa.pk, row.tanggal.month)].append(row)

    # The rows and pagu histories of the year's lines of the PD in the file (a superset of the
    # lines the file names, read without a list of ids that grows with the file).
    lines_of_pd = {"dpa__tahun": tahun, "dpa__perangkat_daerah__in": pds.values()}
    existing: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for realisasi in Realisasi.objects.filter(**lines_of_pd).order_by():
        existing[realisasi.dpa_id][realisasi.bulan] = realisasi
    riwayat = defaultdict(list)
    for item in RiwayatPagu.objects.filter(**lines_of_pd).order_by("tanggal_berlaku"):
        riwayat[item.dpa_id].append(item)
    tertutup = {
        r.bulan: r.status.keterangan
        for r in ringkasan_tahun(tahun, today=today)
        if r.dimulai and not r.status.terbuka
    }

    rencana: list[RencanaBulan] = []
    for (dpa_id, bulan), sumber in sorted(groups.items(), key=_urutan(by_pk)):
        dpa = by_pk[dpa_id]
        item = RencanaBulan(
            dpa=dpa,
            bulan=bulan,
            sumber=sumber,
            nilai=sum((row.nilai for row in sumber), ZERO),
            realisasi=existing[dpa_id].get(bulan),
        )
        _rencana_bulan(item, existing[dpa_id], tertutup)
        rencana.append(item)

    galat.extend(_periksa_pagu(rencana, existing, riwayat, tahun))
    keadaan = [
        [
            dpa_id,
            [[str(r.tanggal_berlaku), str(r.pagu)] for r in riwayat[dpa_id]],
            [
                [
                    r.pk,
                    r.bulan,
                    str(r.realisasi_fisik),
                    str(r.realisasi_keuangan),
                    r.status,
                    r.versi,
                ]
                for _b, r in sorted(existing[dpa_id].items())
            ],
        ]
        for dpa_id in sorted(by_pk)
    ]
    ringkasan = {
        "baris": len(rows),
        "total_sp2d": str(sum((row.nilai for row in rows), ZERO)),
        "bulan_dpa": len(rencana),
        BARU: sum(1 for r in rencana if r.aksi == BARU),
        DIUBAH: sum(1 for r in rencana if r.aksi == DIUBAH),
        TETAP: sum(1 for r in rencana if r.aksi == TETAP),
        "terverifikasi_berubah": sum(1 for r in rencana if r.terverifikasi_berubah),
        "turun": sum(1 for r in rencana if r.turun),
        "bulan_tertutup": sum(1 for r in rencana if r.bulan_tertutup and r.aksi != TETAP),
    }
    return HasilRencanaSP2D(rencana, galat, ringkasan, keadaan)


def _urutan(by_pk):
    def key(entry):
        (dpa_id, bulan), _rows = entry
        dpa = by_pk[dpa_id]
        return (dpa.perangkat_daerah.kode, dpa.sub_kegiatan.kode, dpa.sumber_dana.kode, bulan)

    return key


def _fisik_terakhir(rows: dict[int, Realisasi], bulan: int) -> Decimal:
    """The line's last cumulative fisik before ``bulan`` (the floor the entry screen applies:
    returned rows do not count), or 0."""
    earlier = [r for b, r in rows.items() if b < bulan and r.status != Status.DIKEMBALIKAN]
    if not earlier:
        return ZERO
    return max(earlier, key=lambda r: r.bulan).realisasi_fisik


def _rencana_bulan(item: RencanaBulan, rows: dict[int, Realisasi], tertutup: dict) -> None:
    row = item.realisasi
    if item.bulan in tertutup:
        item.bulan_tertutup = True
    if row is None:
        item.aksi = BARU
        item.fisik_dibawa = _fisik_terakhir(rows, item.bulan)
        item.catatan.append(
            f"Baris realisasi baru (draft) dengan fisik {fmt.persen(item.fisik_dibawa)} dari "
            "bulan sebelumnya; dihitung di laporan setelah diajukan operator dan diverifikasi."
        )
    elif row.realisasi_keuangan != item.nilai:
        item.aksi = DIUBAH
        item.catatan.append(
            f"Realisasi keuangan {fmt.rupiah(row.realisasi_keuangan)} → {fmt.rupiah(item.nilai)} "
            f"(status {row.get_status_display().lower()} tetap)."
        )
        if row.status == Status.DIVERIFIKASI:
            item.terverifikasi_berubah = True
            item.catatan.append("Perhatian: nilai yang sudah diverifikasi diubah.")
        if item.nilai < row.realisasi_keuangan:
            item.turun = True
            item.catatan.append(
                f"Perhatian: nilai turun {fmt.rupiah(row.realisasi_keuangan - item.nilai)}."
            )
    if item.bulan_tertutup and item.aksi != TETAP:
        item.catatan.append(
            f"Bulan sudah ditutup ({tertutup[item.bulan].rstrip('.')}): dicatat sebagai koreksi "
            "admin di riwayat perubahan."
        )


def _periksa_pagu(rencana, existing, riwayat, tahun) -> list[Galat]:
    """Cumulative money within the pagu in force at the end of every month, with the file's
    months in place. One error per line: at the first month that passes it, on the SP2D rows of
    the latest month of the file up to there."""
    errors = []
    per_line = defaultdict(dict)
    for item in rencana:
        per_line[item.dpa.pk][item.bulan] = item
    for dpa_id, files in per_line.items():
        cumulative = ZERO
        for bulan in range(1, 13):
            item = files.get(bulan)
            row = existing[dpa_id].get(bulan)
            cumulative += item.nilai if item else (row.realisasi_keuangan if row else ZERO)
            pagu = _pagu_bulan(riwayat[dpa_id], tahun, bulan)
            cause = [b for b in files if b <= bulan]
            if cumulative > pagu and cause:
                penyebab = files[max(cause)]
                for source in penyebab.sumber:
                    errors.append(
                        source.galat(
                            "nilai",
                            f"Realisasi keuangan kumulatif s.d. {NAMA_BULAN[bulan]} menjadi "
                            f"{fmt.rupiah(cumulative)}, melebihi pagu berlaku "
                            f"{fmt.rupiah(pagu)} (SP2D {NAMA_BULAN[penyebab.bulan]} berjumlah "
                            f"{fmt.rupiah(penyebab.nilai)}).",
                            str(source.nilai),
                        )
                    )
                break
    return errors


def terapkan_sp2d(rencana: list[RencanaBulan], *, by, alasan: str) -> None:
    """Write the plan. The caller holds the transaction (and the locks) and has checked that
    the plan is the one previewed."""
    now = timezone.now()
    create, update = [], []
    for item in rencana:
        if item.aksi == BARU:
            row = Realisasi(
                dpa=item.dpa,
                bulan=item.bulan,
                realisasi_fisik=item.fisik_dibawa,
                realisasi_keuangan=item.nilai,
                status=Status.DRAFT,
                versi=1,
                diubah_oleh=by,
                diubah_pada=now,
            )
            create.append(row)
        elif item.aksi == DIUBAH:
            row = item.realisasi
            row.realisasi_keuangan = item.nilai
            row.versi += 1
            row.diubah_oleh = by
            row.diubah_pada = now
            update.append(row)
    for row in [*create, *update]:
        row.full_clean(
            exclude=["dpa", "diubah_oleh", "diverifikasi_oleh"],
            validate_unique=False,
            validate_constraints=False,
        )
    if create:
        bulk_create_with_history(create, Realisasi, default_user=by, default_change_reason=alasan)
    if update:
        bulk_update_with_history(
            update,
            Realisasi,
            fields=["realisasi_keuangan", "versi", "diubah_oleh", "diubah_pada"],
            default_user=by,
            default_change_reason=alasan,
        )
