"""The change history of the figures, read from the django-simple-history tables.

Every tracked model (realisasi, RKO, pagu, DPA, month locks, reopenings, monthly notes, reporting
rules, evidence, procurement packages, the Rakor POK with its attendees, directives and
recommendations, and the user accounts) keeps a history table. ``riwayat_page`` merges them
newest first with one UNION query, then loads only the page's records — one query per model on the
page, one for their previous records (batched: no ``prev_record`` per row) and one per kind of
related object shown — so the number of queries does not grow with the history. ``riwayat_semua``
gives every entry of a filter, for the Excel download.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils import formats, timezone

from akun.models import User
from kegiatan.models import DPA, NAMA_BULAN, RKO, RiwayatPagu
from laporan import format as fmt
from pengadaan.models import PaketPengadaan
from rakor.models import Arahan, PesertaRakor, Rakor, Rekomendasi
from realisasi.models import (
    AturanPelaporan,
    BukaKunci,
    BuktiDukung,
    CatatanBulanan,
    KunciBulan,
    Realisasi,
)

PER_HALAMAN = 50
JENIS = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}
# Bookkeeping that changes with every save and says nothing to a reader.
EXCLUDED_FIELDS = {"versi"}


def _bulan(bulan, tahun) -> str:
    return f"{NAMA_BULAN.get(bulan, bulan)} {tahun}"


def _dpa_text(dpa) -> str:
    if dpa is None:
        return "DPA yang telah dihapus"
    return f"{dpa.sub_kegiatan.kode} ({dpa.sumber_dana.kode})"


def _pd_of_dpa(dpa):
    return dpa.perangkat_daerah if dpa is not None else None


def _describe_realisasi(r):
    dpa = r.dpa
    tahun = dpa.tahun if dpa else ""
    return _pd_of_dpa(dpa), f"{_dpa_text(dpa)} · {_bulan(r.bulan, tahun)}"


def _describe_rko(r):
    dpa = r.dpa
    tahun = dpa.tahun if dpa else ""
    return _pd_of_dpa(dpa), f"{_dpa_text(dpa)} · target {_bulan(r.bulan, tahun)}"


def _describe_pagu(r):
    return (
        _pd_of_dpa(r.dpa),
        f"{_dpa_text(r.dpa)} · pagu {r.get_fase_display().lower()} sejak "
        f"{formats.date_format(r.tanggal_berlaku, 'SHORT_DATE_FORMAT')}",
    )


def _describe_dpa(r):
    return (
        r.perangkat_daerah,
        f"{r.sub_kegiatan.kode if r.sub_kegiatan else '?'} "
        f"({r.sumber_dana.kode if r.sumber_dana else '?'}) · TA {r.tahun}",
    )


def _describe_kunci(r):
    return None, f"Masa pengisian {_bulan(r.bulan, r.tahun)} (semua PD)"


def _describe_buka(r):
    kunci = r.kunci_bulan
    periode = _bulan(kunci.bulan, kunci.tahun) if kunci else "?"
    return r.perangkat_daerah, f"Pembukaan kunci {periode}"


def _describe_catatan(r):
    return r.perangkat_daerah, f"Catatan bulanan {_bulan(r.bulan, r.tahun)}"


def _describe_aturan(r):
    return None, "Aturan pelaporan"


def _describe_bukti(r):
    realisasi = r.realisasi
    dpa = realisasi.dpa if realisasi else None
    periode = _bulan(realisasi.bulan, dpa.tahun) if realisasi and dpa else "?"
    return _pd_of_dpa(dpa), f"{_dpa_text(dpa)} · {periode} · berkas {r.nama_asli}"


def _describe_paket(r):
    return _pd_of_dpa(r.dpa), f"{_dpa_text(r.dpa)} · paket {r.nama}"


def _rakor_text(rakor) -> str:
    if rakor is None:
        return "Rakor yang telah dihapus"
    return f"Rakor POK TW {('I', 'II', 'III', 'IV')[rakor.triwulan - 1]} {rakor.tahun}"


def _describe_rakor(r):
    return None, _rakor_text(r)


def _describe_peserta(r):
    return r.perangkat_daerah, f"{_rakor_text(r.rakor)} · peserta {r.nama}"


def _describe_arahan(r):
    return None, f"{_rakor_text(r.rakor)} · arahan pimpinan"


def _describe_rekomendasi(r):
    return r.perangkat_daerah, f"{_rakor_text(r.rakor)} · rekomendasi"


def _describe_pengguna(r):
    peran = dict(User._meta.get_field("role").flatchoices).get(r.role, r.role)
    return r.perangkat_daerah, f"Akun {r.username} ({peran})"


@dataclass(frozen=True)
class Sumber:
    """One tracked model: how to filter its history by PD and how to name its objects."""

    key: str
    label: str
    model: type[models.Model]
    pd_path: str | None  # the path from the historical record to its PD; None: not of one PD
    related: tuple[str, ...]  # loaded with each record, for ``describe``
    identity: tuple[str, ...]  # fields shown by ``describe``, not repeated among the values
    describe: Callable
    excluded: frozenset[str] = frozenset()  # fields never shown (besides EXCLUDED_FIELDS)

    @property
    def history_model(self):
        return self.model.history.model


_DPA_RELATED = ("dpa__perangkat_daerah", "dpa__sub_kegiatan", "dpa__sumber_dana")

SUMBER = [
    Sumber(
        "realisasi",
        "Realisasi",
        Realisasi,
        "dpa__perangkat_daerah",
        _DPA_RELATED,
        ("dpa", "bulan"),
        _describe_realisasi,
    ),
    Sumber(
        "rko",
        "Target RKO",
        RKO,
        "dpa__perangkat_daerah",
        _DPA_RELATED,
        ("dpa", "bulan"),
        _describe_rko,
    ),
    Sumber(
        "pagu",
        "Riwayat pagu",
        RiwayatPagu,
        "dpa__perangkat_daerah",
        _DPA_RELATED,
        ("dpa",),
        _describe_pagu,
    ),
    Sumber(
        "dpa",
        "DPA (pagu berlaku)",
        DPA,
        "perangkat_daerah",
        ("perangkat_daerah", "sub_kegiatan", "sumber_dana"),
        ("tahun", "perangkat_daerah", "sub_kegiatan", "sumber_dana"),
        _describe_dpa,
    ),
    Sumber("kunci", "Kunci bulan", KunciBulan, None, (), ("tahun", "bulan"), _describe_kunci),
    Sumber(
        "buka_kunci",
        "Pembukaan kunci",
        BukaKunci,
        "perangkat_daerah",
        ("perangkat_daerah", "kunci_bulan"),
        ("kunci_bulan", "perangkat_daerah"),
        _describe_buka,
    ),
    Sumber(
        "catatan",
        "Catatan bulanan",
        CatatanBulanan,
        "perangkat_daerah",
        ("perangkat_daerah",),
        ("perangkat_daerah", "tahun", "bulan"),
        _describe_catatan,
    ),
    Sumber("aturan", "Aturan pelaporan", AturanPelaporan, None, (), (), _describe_aturan),
    Sumber(
        "bukti",
        "Bukti dukung",
        BuktiDukung,
        "realisasi__dpa__perangkat_daerah",
        (
            "realisasi__dpa__perangkat_daerah",
            "realisasi__dpa__sub_kegiatan",
            "realisasi__dpa__sumber_dana",
        ),
        ("realisasi",),
        _describe_bukti,
    ),
    Sumber(
        "paket",
        "Paket pengadaan",
        PaketPengadaan,
        "dpa__perangkat_daerah",
        _DPA_RELATED,
        ("dpa",),
        _describe_paket,
    ),
    Sumber(
        "rakor",
        "Rakor POK",
        Rakor,
        None,
        (),
        ("tahun", "triwulan"),
        _describe_rakor,
        # The frozen procurement table and the rest of a finalised Rakor's snapshot: its figures
        # are in the Rakor's record.
        frozenset({"pengadaan_beku", "isi_beku"}),
    ),
    Sumber(
        "peserta_rakor",
        "Peserta Rakor",
        PesertaRakor,
        "perangkat_daerah",
        ("rakor", "perangkat_daerah"),
        ("rakor",),
        _describe_peserta,
    ),
    Sumber("arahan", "Arahan Rakor", Arahan, None, ("rakor",), ("rakor",), _describe_arahan),
    Sumber(
        "rekomendasi",
        "Rekomendasi Rakor",
        Rekomendasi,
        "perangkat_daerah",
        ("rakor", "perangkat_daerah"),
        ("rakor",),
        _describe_rekomendasi,
    ),
    Sumber(
        "pengguna",
        "Akun pengguna",
        User,
        "perangkat_daerah",
        ("perangkat_daerah",),
        ("username",),
        _describe_pengguna,
    ),
]
SUMBER_BY_KEY = {sumber.key: sumber for sumber in SUMBER}
SUMBER_CHOICES = [(sumber.key, sumber.label) for sumber in SUMBER]


# --- The page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    label: str
    dari: str
    ke: str


@dataclass
class Entri:
    """One history record as the reader sees it: who, when, what, and from → to."""

    sumber: Sumber
    record: models.Model
    perangkat_daerah: object
    objek: str
    perubahan: list[Perubahan] = field(default_factory=list)
    tanpa_pembanding: bool = False

    @property
    def jenis(self) -> str:
        return JENIS.get(self.record.history_type, self.record.history_type)

    @property
    def pengguna(self) -> str:
        user = self.record.history_user
        if user is None:
            return "Sistem"
        return user.get_full_name() or user.username

    @property
    def waktu(self) -> datetime.datetime:
        return self.record.history_date

    @property
    def alasan(self) -> str:
        return self.record.history_change_reason or ""


def _parts(*, perangkat_daerah=None, sumber_keys=None, pengguna=None, dari=None, sampai=None):
    parts = []
    for sumber in SUMBER:
        if sumber_keys and sumber.key not in sumber_keys:
            continue
        records = sumber.history_model._default_manager.order_by()
        if perangkat_daerah is not None:
            if sumber.pd_path is None:
                continue
            records = records.filter(**{sumber.pd_path: perangkat_daerah})
        if pengguna is not None:
            records = records.filter(history_user=pengguna)
        if dari is not None:
            records = records.filter(history_date__date__gte=dari)
        if sampai is not None:
            records = records.filter(history_date__date__lte=sampai)
        parts.append(
            records.annotate(sumber=Value(sumber.key, output_field=CharField())).values_list(
                "history_date", "history_id", "sumber"
            )
        )
    return parts


def riwayat_page(
    *,
    halaman=1,
    perangkat_daerah=None,
    sumber: str | None = None,
    pengguna=None,
    dari: datetime.date | None = None,
    sampai: datetime.date | None = None,
    per_halaman: int = PER_HALAMAN,
) -> tuple[Page, list[Entri]]:
    """One page of the merged history, newest first, with its entries ready to show."""
    merged = _merged(
        perangkat_daerah=perangkat_daerah,
        sumber=sumber,
        pengguna=pengguna,
        dari=dari,
        sampai=sampai,
    )
    page = Paginator(merged, per_halaman).get_page(halaman)
    return page, _entries(list(page.object_list))


def riwayat_semua(
    *,
    perangkat_daerah=None,
    sumber: str | None = None,
    pengguna=None,
    dari: datetime.date | None = None,
    sampai: datetime.date | None = None,
    per_batch: int = 500,
) -> Iterator[Entri]:
    """Every entry of the filter, newest first — what the screen shows over all its pages — for
    the Excel download. The list of records is read in one query; the records themselves in
    batches, so memory and queries grow with the batches, not with each record."""
    rows = list(
        _merged(
            perangkat_daerah=perangkat_daerah,
            sumber=sumber,
            pengguna=pengguna,
            dari=dari,
            sampai=sampai,
        )
    )
    for start in range(0, len(rows), per_batch):
        yield from _entries(rows[start : start + per_batch])


def _merged(*, perangkat_daerah, sumber, pengguna, dari, sampai):
    """(history_date, history_id, sumber) of every record of the filter, newest first."""
    parts = _parts(
        perangkat_daerah=perangkat_daerah,
        sumber_keys={sumber} if sumber else None,
        pengguna=pengguna,
        dari=dari,
        sampai=sampai,
    )
    if not parts:
        return []
    merged = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return merged.order_by("-history_date", "-history_id", "sumber")


def _load(sumber: Sumber, history_ids: list[int]) -> dict[int, models.Model]:
    """The page's records of one model with their related objects and the id of each one's
    previous record (one query)."""
    history = sumber.history_model._default_manager
    previous = (
        history.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    records = (
        history.filter(history_id__in=history_ids)
        .select_related("history_user", *sumber.related)
        .annotate(prev_history_id=Subquery(previous))
    )
    return {record.history_id: record for record in records}


def _entries(rows: list[tuple]) -> list[Entri]:
    ids_by_sumber: dict[str, list[int]] = defaultdict(list)
    for _, history_id, key in rows:
        ids_by_sumber[key].append(history_id)
    records: dict[tuple[str, int], models.Model] = {}
    previous: dict[tuple[str, int], models.Model] = {}
    for key, ids in ids_by_sumber.items():
        sumber = SUMBER_BY_KEY[key]
        loaded = _load(sumber, ids)
        records.update({(key, pk): record for pk, record in loaded.items()})
        prev_ids = [
            record.prev_history_id
            for record in loaded.values()
            if record.history_type == "~" and record.prev_history_id
        ]
        if prev_ids:
            prevs = sumber.history_model._default_manager.in_bulk(prev_ids)
            for record in loaded.values():
                if record.prev_history_id in prevs:
                    previous[(key, record.history_id)] = prevs[record.prev_history_id]

    raw: list[tuple[Sumber, models.Model, list[tuple[models.Field, object, object]], bool]] = []
    for _, history_id, key in rows:
        record = records.get((key, history_id))
        if record is None:  # removed between the two queries
            continue
        sumber = SUMBER_BY_KEY[key]
        changes, tanpa_pembanding = _changes(sumber, record, previous.get((key, history_id)))
        raw.append((sumber, record, changes, tanpa_pembanding))

    names = _related_names(change for _, _, changes, _ in raw for change in changes)
    entries = []
    for sumber, record, changes, tanpa_pembanding in raw:
        perangkat_daerah, objek = sumber.describe(record)
        entries.append(
            Entri(
                sumber=sumber,
                record=record,
                perangkat_daerah=perangkat_daerah,
                objek=objek,
                perubahan=[
                    Perubahan(
                        str(model_field.verbose_name),
                        _format(model_field, old, names),
                        _format(model_field, new, names),
                    )
                    for model_field, old, new in changes
                ],
                tanpa_pembanding=tanpa_pembanding,
            )
        )
    return entries


def _changes(sumber: Sumber, record, prev) -> tuple[list, bool]:
    """(field, from, to) of a record: the differences from its previous record for a change, the
    values for a creation or a deletion."""
    meta = record._meta
    excluded = EXCLUDED_FIELDS | sumber.excluded
    if record.history_type == "~" and prev is not None:
        delta = record.diff_against(prev, excluded_fields=excluded)
        return [(meta.get_field(c.field), c.old, c.new) for c in delta.changes], False
    values = []
    for tracked in record.tracked_fields:
        if (
            tracked.primary_key
            or not tracked.editable
            or tracked.name in excluded
            or tracked.name in sumber.identity
        ):
            continue
        value = getattr(record, tracked.attname)
        if value in (None, ""):
            continue
        model_field = meta.get_field(tracked.name)
        if record.history_type == "-":
            values.append((model_field, value, None))
        else:
            values.append((model_field, None, value))
    return values, record.history_type == "~"


def _related_names(changes) -> dict[tuple[type, object], str]:
    """The names of the related objects that changes point to: one query per related model."""
    wanted: dict[type, set] = defaultdict(set)
    for model_field, old, new in changes:
        if model_field.is_relation and model_field.related_model is not None:
            wanted[model_field.related_model].update(v for v in (old, new) if v is not None)
    names = {}
    user_model = get_user_model()
    for model, pks in wanted.items():
        queryset = model._default_manager.all()
        if model is DPA:
            queryset = DPA.objects.with_nomenklatur()
        for pk, obj in queryset.in_bulk(pks).items():
            if model is user_model:
                names[(model, pk)] = obj.get_full_name() or obj.username
            elif model is DPA:
                names[(model, pk)] = f"{obj.sub_kegiatan.kode} ({obj.sumber_dana.kode}) {obj.tahun}"
            else:
                names[(model, pk)] = str(obj)
    return names


def _format(model_field, value, names) -> str:
    if value is None or value == "":
        return "–"
    if model_field.is_relation:
        related = model_field.related_model
        return names.get((related, value), f"#{value} (telah dihapus)")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, Decimal):
        if isinstance(model_field, models.DecimalField) and model_field.max_digits >= 18:
            return fmt.rupiah(value)
        return fmt.angka(value, model_field.decimal_places)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
