"""The DPA and RKO import against the database: what each row of the file would create or change
(``rencana_dpa``, read only) and the writes (``terapkan_dpa``): the rows and history rows that
``kegiatan.services`` writes line by line, written table by table in batches.

Rules:

- A row is one DPA line: year × PD × sub kegiatan × sumber dana. The three codes must exist in the
  master data; the import never creates nomenclature, PD or sumber dana (a new sub kegiatan is
  added in Data induk first, where its place under its kegiatan is checked).
- A line that does not exist yet is created (``dpa_create``, pagu murni from 1 January). When the
  import is a budget phase (pergeseran / refocusing / perubahan from a date), a new line gets a
  murni pagu of 0 and its pagu from that date (``pagu_change``), so the months before do not
  count it.
- An existing line whose pagu differs gets a ``pagu_change`` in the chosen phase and date; with no
  phase chosen a different pagu is an error. The date must come after the line's last pagu
  change, and the new pagu may not be below the money already recorded as realised.
- Descriptive cells left empty leave the line's value as it is; filled ones replace it.
- The 24 RKO cells: all empty leaves the RKO as it is (but a changed pagu then needs a new plan);
  filled, they replace the 12 months (``rko_set``) when they differ.
- Lines of the year that are not in the file are left alone; nothing is deleted.
- Realisasi is never touched.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kegiatan import services as kegiatan_services
from kegiatan.models import DPA, RKO, RiwayatPagu, SubKegiatan, SumberDana
from laporan import format as fmt
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

from .induk import cari_induk
from .parsers import BarisDPA, Galat, sel_kode

ZERO = Decimal(0)
BATCH = 500  # rows per INSERT / UPDATE of the apply (fewer where the engine limits parameters)
BARU, DIUBAH, TETAP = "baru", "diubah", "tetap"
LABEL_AKSI = {BARU: "Baru", DIUBAH: "Diubah", TETAP: "Tetap"}
LABEL_RINGKASAN = {
    "baris": "Baris di berkas",
    BARU: "DPA baru",
    DIUBAH: "DPA diubah",
    TETAP: "Tetap",
    "pagu_berubah": "Pagu berubah",
    "rko_berubah": "RKO ditulis",
    "tanpa_rko": "DPA baru tanpa RKO",
    "tidak_di_berkas": "DPA tahun ini di luar berkas (dibiarkan)",
    "total_pagu": "Jumlah pagu di berkas",
}
BIDANG = {
    "nama_sub_kegiatan": "Nama sub kegiatan",
    "lokasi": "Lokasi",
    "indikator_keluaran": "Indikator keluaran",
    "target_keluaran": "Target keluaran",
    "satuan_keluaran": "Satuan",
    "pptk_nama": "Nama PPTK",
    "pptk_nip": "NIP PPTK",
}


def _tanggal(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _teks(value) -> str:
    if value is None or value == "":
        return "(kosong)"
    if isinstance(value, Decimal):
        return fmt.angka(value, 0 if value == value.to_integral_value() else 2)
    return f"“{value}”"


@dataclass
class RencanaDPA:
    """What one row of the file does to its DPA line."""

    sumber: BarisDPA
    perangkat_daerah: PerangkatDaerah
    sub_kegiatan: SubKegiatan
    sumber_dana: SumberDana
    dpa: DPA | None
    aksi: str = TETAP
    bidang: dict[str, tuple] = field(default_factory=dict)  # field -> (old, new)
    pagu_lama: Decimal | None = None
    pagu_berubah: bool = False
    rko_baru: list[tuple[Decimal, Decimal]] | None = None  # None: the RKO is not written
    rko_bulan_berubah: int = 0
    rko_lama: dict[int, RKO] = field(default_factory=dict)  # bulan -> the line's RKO row
    catatan: list[str] = field(default_factory=list)

    @property
    def pagu(self) -> Decimal:
        return self.sumber.pagu

    def as_json(self) -> dict:
        return {
            "baris": self.sumber.baris,
            "aksi": self.aksi,
            "label_aksi": LABEL_AKSI[self.aksi],
            "pd": self.perangkat_daerah.singkatan,
            "kode_pd": self.perangkat_daerah.kode,
            "kode_sub_kegiatan": self.sub_kegiatan.kode,
            "nama": self.sumber.nama_sub_kegiatan
            or (self.dpa.nama_sub_kegiatan if self.dpa else self.sub_kegiatan.nama),
            "sumber_dana": self.sumber_dana.kode,
            "pagu_lama": None if self.pagu_lama is None else str(self.pagu_lama),
            "pagu": str(self.pagu),
            "perubahan": self.catatan,
        }


@dataclass
class HasilRencanaDPA:
    rencana: list[RencanaDPA]
    galat: list[Galat]
    ringkasan: dict
    keadaan: list  # the database state the plan was computed from, for the fingerprint


def _keadaan(dpa: DPA, rko: dict, riwayat: list, realisasi: Decimal) -> list:
    return [
        dpa.pk,
        str(dpa.pagu),
        [str(getattr(dpa, name) if getattr(dpa, name) is not None else "") for name in BIDANG],
        [[b, str(f), str(u)] for b, (f, u) in sorted(rko.items())],
        [[str(r.tanggal_berlaku), r.fase, str(r.pagu)] for r in riwayat],
        str(realisasi),
    ]


def rencana_dpa(
    *,
    rows: list[BarisDPA],
    tahun: int,
    fase: str = "",
    tanggal_berlaku: datetime.date | None = None,
) -> HasilRencanaDPA:
    """What importing ``rows`` into ``tahun`` would do, and every error the database reveals
    (unknown codes, pagu rules). Reads only: a constant number of queries for any file size."""
    induk = cari_induk(sel_kode(rows), jenis="dpa")
    galat: list[Galat] = list(induk.galat)
    pds, subs, dana = induk.pd, induk.sub_kegiatan, induk.sumber_dana
    existing = {
        (d.perangkat_daerah_id, d.sub_kegiatan_id, d.sumber_dana_id): d
        for d in DPA.objects.tahun(tahun).filter(perangkat_daerah__in=pds.values())
    }
    # The plans, pagu histories and money of the year's lines of the PD in the file (a superset
    # of the lines the file names, read without a list of ids that grows with the file).
    lines_of_pd = {"dpa__tahun": tahun, "dpa__perangkat_daerah__in": pds.values()}
    rko, rko_baris = defaultdict(dict), defaultdict(dict)
    for target in RKO.objects.filter(**lines_of_pd).order_by():
        rko[target.dpa_id][target.bulan] = (target.target_fisik, target.target_keuangan)
        rko_baris[target.dpa_id][target.bulan] = target
    riwayat = defaultdict(list)
    for item in RiwayatPagu.objects.filter(**lines_of_pd).order_by("tanggal_berlaku"):
        riwayat[item.dpa_id].append(item)
    realisasi = dict(
        Realisasi.objects.filter(**lines_of_pd)
        .order_by()
        .values("dpa")
        .annotate(total=Sum("realisasi_keuangan"))
        .values_list("dpa", "total")
    )

    rencana: list[RencanaDPA] = []
    keadaan = []
    for row in rows:
        pd = pds.get(row.kode_pd)
        sub = subs.get(row.kode_sub_kegiatan)
        sd = dana.get(row.kode_sumber_dana)
        if pd is None or sub is None or sd is None:
            continue  # the unknown codes are errors of ``induk``
        dpa = existing.get((pd.pk, sub.pk, sd.pk))
        item = RencanaDPA(row, pd, sub, sd, dpa)
        if dpa is None:
            galat.extend(_rencana_baru(item, fase, tanggal_berlaku))
        else:
            item.rko_lama = rko_baris[dpa.pk]
            keadaan.append(
                _keadaan(dpa, rko[dpa.pk], riwayat[dpa.pk], realisasi.get(dpa.pk) or ZERO)
            )
            galat.extend(
                _rencana_ada(
                    item,
                    rko=rko[dpa.pk],
                    riwayat=riwayat[dpa.pk],
                    realisasi=realisasi.get(dpa.pk) or ZERO,
                    fase=fase,
                    tanggal_berlaku=tanggal_berlaku,
                )
            )
        rencana.append(item)

    di_berkas = {item.dpa.pk for item in rencana if item.dpa is not None}
    ringkasan = {
        "baris": len(rows),
        BARU: sum(1 for r in rencana if r.aksi == BARU),
        DIUBAH: sum(1 for r in rencana if r.aksi == DIUBAH),
        TETAP: sum(1 for r in rencana if r.aksi == TETAP),
        "pagu_berubah": sum(1 for r in rencana if r.pagu_berubah),
        "rko_berubah": sum(1 for r in rencana if r.rko_baru is not None),
        "tanpa_rko": sum(1 for r in rencana if r.aksi == BARU and r.rko_baru is None),
        "tidak_di_berkas": DPA.objects.tahun(tahun).count() - len(di_berkas),
        "total_pagu": str(sum((r.pagu for r in rows), ZERO)),
    }
    return HasilRencanaDPA(rencana, galat, ringkasan, keadaan)


def _model_errors(item: RencanaDPA, dpa: DPA) -> list[Galat]:
    """The model's own field rules, with the messages placed on their cells."""
    try:
        dpa.full_clean(
            exclude=["perangkat_daerah", "sub_kegiatan", "sumber_dana", "tahun"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        result = []
        for name, messages in exc.message_dict.items():
            kunci = name if name in item.sumber.lembar.kolom else "kode_sub_kegiatan"
            for message in messages:
                result.append(item.sumber.galat(kunci, message))
        return result
    return []


def _fields(row: BarisDPA) -> dict:
    return {name: getattr(row, name) for name in BIDANG if getattr(row, name) not in ("", None)}


def _rencana_baru(item: RencanaDPA, fase, tanggal_berlaku) -> list[Galat]:
    row = item.sumber
    item.aksi = BARU
    errors = []
    if not item.perangkat_daerah.aktif:
        errors.append(
            row.galat(
                "kode_pd",
                f"Perangkat Daerah {item.perangkat_daerah} tidak aktif; DPA baru tidak dapat "
                "dibuat untuknya.",
                row.kode_pd,
            )
        )
    if not item.sumber_dana.aktif:
        errors.append(
            row.galat(
                "kode_sumber_dana",
                f"Sumber dana {item.sumber_dana} tidak aktif; DPA baru tidak dapat memakainya.",
                row.kode_sumber_dana,
            )
        )
    errors += _model_errors(item, DPA(pagu=row.pagu, **_fields(row)))
    if fase:
        item.catatan.append(
            f"DPA baru: pagu murni Rp 0, pagu {fmt.rupiah(row.pagu)} berlaku sejak "
            f"{_tanggal(tanggal_berlaku)} ({RiwayatPagu.Fase(fase).label.lower()})."
        )
        item.pagu_berubah = True
    else:
        item.catatan.append(f"DPA baru: pagu murni {fmt.rupiah(row.pagu)}.")
    if row.rko is not None:
        item.rko_baru = row.rko
        item.rko_bulan_berubah = 12
        item.catatan.append("RKO 12 bulan dibuat.")
    else:
        item.catatan.append("RKO belum diisi (target bulanan kosong).")
    return errors


def _rencana_ada(
    item: RencanaDPA, *, rko: dict, riwayat: list, realisasi: Decimal, fase, tanggal_berlaku
) -> list[Galat]:
    row, dpa = item.sumber, item.dpa
    errors = []
    item.pagu_lama = dpa.pagu
    for name, label in BIDANG.items():
        new = getattr(row, name)
        if new in ("", None):
            continue
        old = getattr(dpa, name)
        if old != new:
            item.bidang[name] = (old, new)
            item.catatan.append(f"{label}: {_teks(old)} → {_teks(new)}.")
    if item.bidang:
        candidate = DPA(pagu=dpa.pagu, **{n: getattr(dpa, n) for n in BIDANG})
        for name, (_old, new) in item.bidang.items():
            setattr(candidate, name, new)
        errors += _model_errors(item, candidate)

    if row.pagu != dpa.pagu:
        item.pagu_berubah = True
        terakhir = riwayat[-1] if riwayat else None
        if not fase:
            errors.append(
                row.galat(
                    "pagu",
                    f"Pagu di berkas ({fmt.rupiah(row.pagu)}) berbeda dengan pagu berlaku "
                    f"({fmt.rupiah(dpa.pagu)}). Untuk mengubah pagu, pilih fase (pergeseran, "
                    "refocusing atau perubahan) dan tanggal berlakunya saat mengunggah.",
                    str(row.pagu),
                )
            )
        elif terakhir is not None and tanggal_berlaku <= terakhir.tanggal_berlaku:
            errors.append(
                row.galat(
                    "pagu",
                    f"Tanggal berlaku {_tanggal(tanggal_berlaku)} tidak setelah perubahan pagu "
                    f"terakhir DPA ini ({terakhir.get_fase_display().lower()}, "
                    f"{_tanggal(terakhir.tanggal_berlaku)}). Pilih tanggal berlaku yang lebih "
                    "akhir.",
                    str(row.pagu),
                )
            )
        if row.pagu < realisasi:
            errors.append(
                row.galat(
                    "pagu",
                    f"Pagu baru {fmt.rupiah(row.pagu)} lebih kecil dari realisasi keuangan yang "
                    f"sudah tercatat ({fmt.rupiah(realisasi)}).",
                    str(row.pagu),
                )
            )
        if fase:
            item.catatan.append(
                f"Pagu {fmt.rupiah(dpa.pagu)} → {fmt.rupiah(row.pagu)} "
                f"({RiwayatPagu.Fase(fase).label.lower()}, berlaku {_tanggal(tanggal_berlaku)})."
            )

    if row.rko is not None:
        changed = sum(
            1 for bulan, target in enumerate(row.rko, start=1) if rko.get(bulan) != target
        )
        if changed:
            item.rko_baru = row.rko
            item.rko_bulan_berubah = changed
            item.catatan.append(f"RKO diperbarui: {changed} dari 12 bulan berubah.")
    elif item.pagu_berubah and len(rko) == 12:
        total = sum((uang for _fisik, uang in rko.values()), ZERO)
        if total != row.pagu:
            errors.append(
                row.galat(
                    "pagu",
                    f"Pagu berubah menjadi {fmt.rupiah(row.pagu)}, tetapi RKO yang tercatat "
                    f"berjumlah {fmt.rupiah(total)} dan kolom RKO di berkas kosong. Isi rencana "
                    "keuangan 12 bulan yang jumlahnya sama dengan pagu baru.",
                    str(row.pagu),
                )
            )
    if item.bidang or item.pagu_berubah or item.rko_baru is not None:
        item.aksi = DIUBAH
    return errors


def terapkan_dpa(
    rencana: list[RencanaDPA],
    *,
    tahun: int,
    fase: str,
    tanggal_berlaku: datetime.date | None,
    keterangan: str,
    by=None,
) -> None:
    """Write the plan: the same rows, and history rows (user ``by``, reason ``keterangan``), as
    ``dpa_create``, ``pagu_change`` and ``rko_set`` of ``kegiatan.services`` write line by line,
    but table by table in batches of ``BATCH`` rows: a file of 5,000 new lines takes about 300
    statements on PostgreSQL (1,000 on SQLite, whose statements hold at most 999 parameters)
    instead of a quarter of a million.

    The caller holds the transaction (and the locks) and has just made the plan again and checked
    that it is the one previewed, so the rules those services check with a query per line hold
    already: each field passed the model's validation in the plan, a new line's key is free, and
    a new pagu is dated after the line's last change (it becomes the current pagu). The RKO rules
    (``validate_rko``) are checked again here; the database's constraints stay the last guard."""
    riwayat = _Riwayat(user=by, alasan=keterangan)
    baru = [item for item in rencana if item.aksi == BARU]
    dibuat = _buat_dpa(baru, tahun=tahun, fase=fase, riwayat=riwayat)
    pasangan = list(zip(baru, dibuat, strict=True))
    pasangan += [(item, item.dpa) for item in rencana if item.aksi == DIUBAH]
    _ubah_bidang([(item, dpa) for item, dpa in pasangan if item.bidang], riwayat)
    _ubah_pagu(
        [(item, dpa) for item, dpa in pasangan if item.pagu_berubah],
        fase=fase,
        tanggal_berlaku=tanggal_berlaku,
        keterangan=keterangan,
        riwayat=riwayat,
    )
    _tulis_rko([(item, dpa) for item, dpa in pasangan if item.rko_baru is not None], riwayat)


@dataclass
class _Riwayat:
    """django-simple-history's bulk writes, naming on every history row the user and reason that
    ``impor.services.riwayat_atas_nama`` puts on the rows of one-by-one saves (its signal is not
    sent for bulk writes)."""

    user: object
    alasan: str

    def buat(self, model, objs: list) -> list:
        if not objs:
            return []
        return bulk_create_with_history(
            objs,
            model,
            batch_size=BATCH,
            default_user=self.user,
            default_change_reason=self.alasan,
        )

    def ubah(self, model, objs: list, fields: list[str]) -> None:
        if objs:
            bulk_update_with_history(
                objs,
                model,
                fields,
                batch_size=BATCH,
                default_user=self.user,
                default_change_reason=self.alasan,
            )


def _buat_dpa(items: list[RencanaDPA], *, tahun: int, fase: str, riwayat: _Riwayat) -> list[DPA]:
    """``dpa_create`` of each new line: the line with its murni pagu (0 in a budget phase, whose
    pagu comes in ``_ubah_pagu``) and the murni row of its pagu history, from 1 January."""
    lines = []
    for item in items:
        dpa = DPA(
            tahun=tahun,
            perangkat_daerah=item.perangkat_daerah,
            sub_kegiatan=item.sub_kegiatan,
            sumber_dana=item.sumber_dana,
            pagu=ZERO if fase else item.pagu,
            **_fields(item.sumber),
        )
        dpa.nama_sub_kegiatan = dpa.nama_sub_kegiatan or item.sub_kegiatan.nama  # as DPA.save()
        lines.append(dpa)
    lines = riwayat.buat(DPA, lines)
    murni = datetime.date(tahun, 1, 1)
    riwayat.buat(
        RiwayatPagu,
        [
            RiwayatPagu(dpa=dpa, fase=RiwayatPagu.Fase.MURNI, tanggal_berlaku=murni, pagu=dpa.pagu)
            for dpa in lines
        ],
    )
    return lines


def _ubah_bidang(pasangan: list[tuple[RencanaDPA, DPA]], riwayat: _Riwayat) -> None:
    """The descriptive fields the file changes; a line whose other fields stay keeps their value
    (written again unchanged)."""
    for item, dpa in pasangan:
        for name, (_old, new) in item.bidang.items():
            setattr(dpa, name, new)
    fields = sorted({name for item, _dpa in pasangan for name in item.bidang})
    riwayat.ubah(DPA, [dpa for _item, dpa in pasangan], fields)


def _ubah_pagu(
    pasangan: list[tuple[RencanaDPA, DPA]],
    *,
    fase: str,
    tanggal_berlaku: datetime.date | None,
    keterangan: str,
    riwayat: _Riwayat,
) -> None:
    """``pagu_change`` of each line: the phase's row of its pagu history, then the line's current
    pagu (the new row is the latest: the plan refused a date not after the last change)."""
    riwayat.buat(
        RiwayatPagu,
        [
            RiwayatPagu(
                dpa=dpa,
                fase=fase,
                tanggal_berlaku=tanggal_berlaku,
                pagu=item.pagu,
                keterangan=keterangan,
            )
            for item, dpa in pasangan
        ],
    )
    for item, dpa in pasangan:
        dpa.pagu = item.pagu
    riwayat.ubah(DPA, [dpa for _item, dpa in pasangan], ["pagu"])


def _tulis_rko(pasangan: list[tuple[RencanaDPA, DPA]], riwayat: _Riwayat) -> None:
    """``rko_set`` of each line: its 12 months checked against its pagu, then each month that is
    missing created and each that differs updated; a month that is the same is not written."""
    baru, diubah = [], []
    for item, dpa in pasangan:
        kegiatan_services.validate_rko(dpa.pagu, item.rko_baru)
        for bulan, (fisik, uang) in enumerate(item.rko_baru, start=1):
            rko = item.rko_lama.get(bulan)
            if rko is None:
                baru.append(
                    RKO(dpa_id=dpa.pk, bulan=bulan, target_fisik=fisik, target_keuangan=uang)
                )
            elif (rko.target_fisik, rko.target_keuangan) != (fisik, uang):
                rko.target_fisik, rko.target_keuangan = fisik, uang
                diubah.append(rko)
    riwayat.buat(RKO, baru)
    riwayat.ubah(RKO, diubah, ["target_fisik", "target_keuangan"])
