"""An import from upload to apply: ``pratinjau`` (read only), ``impor_unggah`` (stores the file and
its preview in an ``Impor`` record) and ``impor_terapkan`` (writes everything in one transaction);
``isi_tersimpan``, the one way a stored file is read again; ``bersihkan_berkas``, which removes
the files of refused and stale imports after ``SIPOK_IMPOR_SIMPAN_HARI`` days.

The apply reads the stored file again, checks it again against the database as it is now, and
refuses — writing nothing — when the result is not the one the admin previewed: the fingerprint
(``sidik``) covers the file, the chosen year and phase, and the state of every DPA line, pagu, RKO
and Realisasi row the preview looked at.

A file refused for its size or shape (``berkas.BerkasMelampauiBatas``) is not stored: its record
keeps the name, size, SHA-256 and errors, and nothing ever opens the file again.
"""

import datetime
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.signals import pre_create_historical_record

from akun import access
from perangkat_daerah.models import PerangkatDaerah
from realisasi.bukti import nama_asli_bersih

from . import dpa as impor_dpa
from . import parsers
from . import sp2d as impor_sp2d
from .berkas import MAKS_TEKS, UKURAN_MAKS, BerkasDitolak, BerkasMelampauiBatas, periksa_berkas
from .induk import cari_induk
from .models import Impor
from .parsers import Galat

GALAT_DISIMPAN_MAKS = 5_000  # errors kept on the record (and marked in the copy)


class PratinjauKedaluwarsa(Exception):
    """The data changed between the preview and the apply; nothing was written."""

    pesan = (
        "Data telah berubah sejak pratinjau dibuat (oleh impor lain atau pengguna lain), sehingga "
        "hasilnya bisa berbeda dari yang Anda periksa. Tidak ada yang disimpan. Unggah ulang "
        "berkas untuk membuat pratinjau baru."
    )

    def __str__(self):
        return self.pesan


@dataclass
class Pratinjau:
    """What an import would do: ``galat`` (empty when it may be applied), ``ringkasan`` (counts),
    ``baris`` (the preview table), ``sidik`` (the fingerprint) and the plan itself."""

    jenis: str
    galat: list[Galat]
    ringkasan: dict = field(default_factory=dict)
    baris: list[dict] = field(default_factory=list)
    sidik: str = ""
    rencana: object = None

    @property
    def ok(self) -> bool:
        return not self.galat


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sidik(*parts) -> str:
    return sha256(json.dumps(parts, sort_keys=True, default=str).encode())


def periksa_parameter(
    *, jenis: str, tahun: int, fase: str = "", tanggal_berlaku: datetime.date | None = None
) -> None:
    """The year and phase an import is made with; ValidationError with the reasons."""
    errors = {}
    if jenis not in Impor.Jenis.values:
        errors["jenis"] = "Jenis impor tidak dikenal."
    if jenis == Impor.Jenis.SP2D and (fase or tanggal_berlaku):
        errors["fase"] = "Impor SP2D tidak memakai fase perubahan pagu."
    if fase and fase not in dict(Impor.FASE_CHOICES):
        errors["fase"] = "Fase harus pergeseran, refocusing atau perubahan."
    if fase and tanggal_berlaku is None:
        errors["tanggal_berlaku"] = "Tanggal berlaku wajib diisi bila fase dipilih."
    if tanggal_berlaku is not None and not fase:
        errors["fase"] = "Pilih fase perubahan pagu untuk tanggal berlaku ini."
    if tanggal_berlaku is not None:
        if tanggal_berlaku.year != tahun:
            errors["tanggal_berlaku"] = f"Tanggal berlaku harus di tahun anggaran {tahun}."
        elif tanggal_berlaku == datetime.date(tahun, 1, 1):
            errors["tanggal_berlaku"] = (
                "Pagu murni berlaku sejak 1 Januari; tanggal berlaku perubahan harus sesudahnya."
            )
    if errors:
        raise ValidationError(errors)


def baca(jenis: str, data: bytes) -> parsers.Bacaan:
    """The file's rows, its own errors and the codes it names (no database)."""
    if jenis == Impor.Jenis.DPA:
        return parsers.bacaan_dpa(data)
    return parsers.bacaan_sp2d(data)


def pratinjau(
    *,
    jenis: str,
    data: bytes,
    tahun: int,
    fase: str = "",
    tanggal_berlaku: datetime.date | None = None,
    today: datetime.date | None = None,
    rows: list | None = None,
) -> Pratinjau:
    """Read the file (unless its ``rows`` are given, read from the same ``data``) and check it
    against the database; nothing is written."""
    periksa_parameter(jenis=jenis, tahun=tahun, fase=fase, tanggal_berlaku=tanggal_berlaku)
    if rows is None:
        bacaan = baca(jenis, data)
        if bacaan.galat:
            # The codes are checked all the same, those of the rows with errors too: every
            # unknown code is listed in this upload, not in the next.
            galat = bacaan.galat + cari_induk(bacaan.kode, jenis=jenis).galat
            return Pratinjau(jenis, parsers.urutkan(galat))
        rows = bacaan.rows
    if jenis == Impor.Jenis.DPA:
        hasil = impor_dpa.rencana_dpa(
            rows=rows, tahun=tahun, fase=fase, tanggal_berlaku=tanggal_berlaku
        )
    else:
        hasil = impor_sp2d.rencana_sp2d(rows=rows, tahun=tahun, today=today)
    if hasil.galat:
        return Pratinjau(jenis, parsers.urutkan(hasil.galat))
    baris = [item.as_json() for item in hasil.rencana]
    sidik = _sidik(
        jenis, sha256(data), tahun, fase, tanggal_berlaku, baris, hasil.keadaan, hasil.ringkasan
    )
    return Pratinjau(jenis, [], hasil.ringkasan, baris, sidik, hasil.rencana)


def _isi_unggahan(berkas) -> bytes:
    """The uploaded file's bytes, refusing an oversized one before reading it."""
    size = getattr(berkas, "size", None)
    if size is not None and size > UKURAN_MAKS:
        raise BerkasMelampauiBatas(f"Ukuran berkas melebihi batas {MAKS_TEKS}.")
    berkas.seek(0)
    data = berkas.read(UKURAN_MAKS + 1)
    berkas.seek(0)
    return data


def impor_unggah(
    *,
    jenis: str,
    berkas,
    nama_asli: str,
    tahun: int,
    fase: str = "",
    tanggal_berlaku: datetime.date | None = None,
    by,
    sumber: str = Impor.Sumber.WEB,
) -> Impor:
    """Store an uploaded file with its preview (or its errors). Writes the ``Impor`` record
    only; the budget data stay as they are until ``impor_terapkan``.

    Raises PermissionDenied for a non-admin, ValidationError for a wrong year or phase, and
    BerkasDitolak for a file too large to keep (the size is checked before anything is read).
    A file refused for its size or shape (an error with ``batas``) is recorded without it
    (``melampaui_batas``): it is not stored, so nothing parses it again.
    ``by`` is None only from the shell (``impor_dpa`` / ``impor_sp2d`` without ``--pengguna``).
    """
    if by is not None:
        access.require_admin(by)
    periksa_parameter(jenis=jenis, tahun=tahun, fase=fase, tanggal_berlaku=tanggal_berlaku)
    data = _isi_unggahan(berkas)
    if len(data) > UKURAN_MAKS:
        periksa_berkas(data)  # raises with the size in the message
    hasil = pratinjau(
        jenis=jenis, data=data, tahun=tahun, fase=fase, tanggal_berlaku=tanggal_berlaku
    )
    impor = Impor(
        jenis=jenis,
        tahun=tahun,
        fase=fase,
        tanggal_berlaku=tanggal_berlaku,
        nama_asli=nama_asli_bersih(nama_asli),
        ukuran=len(data),
        sha256=sha256(data),
        sidik=hasil.sidik,
        status=Impor.Status.PRATINJAU if hasil.ok else Impor.Status.DITOLAK,
        ringkasan=hasil.ringkasan,
        pratinjau=hasil.baris,
        galat=[g.as_dict() for g in hasil.galat[:GALAT_DISIMPAN_MAKS]],
        jumlah_galat=len(hasil.galat),
        melampaui_batas=any(item.batas for item in hasil.galat),
        sumber=sumber,
        dibuat_oleh=by,
    )
    if not impor.melampaui_batas:
        impor.berkas.save("impor.xlsx", ContentFile(data), save=False)
    try:
        impor.full_clean(exclude=["berkas", "dibuat_oleh", "diterapkan_oleh"])
        impor.save()
    except Exception:
        if impor.berkas:
            impor.berkas.delete(save=False)
        raise
    return impor


# --- The stored file ------------------------------------------------------------------------------


class BerkasTidakAda(BerkasDitolak):
    """The import's file is not stored (any more)."""


PESAN_BATAS = (
    "Berkas ini ditolak karena ukuran atau bentuknya melampaui batas, sehingga tidak disimpan dan "
    "tidak dibuka lagi: salinan bertanda tidak dibuat. Daftar galat di bawah tetap berlaku."
)


def pesan_berkas_dihapus(impor: Impor) -> str:
    waktu = timezone.localtime(impor.berkas_dihapus_pada)
    return (
        f"Berkas impor ini telah dihapus pada {waktu:%d/%m/%Y} (berkas impor yang ditolak atau "
        f"kedaluwarsa disimpan {settings.SIPOK_IMPOR_SIMPAN_HARI} hari). Catatan impor ini "
        "(siapa, kapan, ringkasan dan galatnya) tetap tersimpan."
    )


def isi_tersimpan(impor: Impor) -> bytes:
    """The bytes of the file stored with ``impor`` — the one way the apply and the marked copy
    read it — before anything parses them; whoever parses them then goes through
    ``berkas.buka`` or ``berkas.buka_utuh``, which apply the upload's limits again.

    Raises ``BerkasMelampauiBatas`` for a file the upload refused for its size or shape (not
    stored), and ``BerkasTidakAda`` when the file was removed (``bersihkan_berkas``) or is lost.
    Reads at most one byte more than ``UKURAN_MAKS``."""
    if impor.melampaui_batas:
        raise BerkasMelampauiBatas(PESAN_BATAS)
    if impor.berkas_dihapus_pada is not None:
        raise BerkasTidakAda(pesan_berkas_dihapus(impor))
    try:
        with impor.berkas.open("rb") as stored:
            return stored.read(UKURAN_MAKS + 1)
    except (OSError, ValueError):  # ValueError: no file name at all
        raise BerkasTidakAda(
            "Berkas impor ini tidak ditemukan di penyimpanan (MEDIA_ROOT/impor/). Catatan impor "
            "dan daftar galatnya tetap tersimpan."
        ) from None


@dataclass
class BerkasDibersihkan:
    impor: Impor
    nama: str  # the stored name, e.g. impor/2026/3f2a….xlsx
    ukuran: int


def bersihkan_berkas(
    *, hari: int | None = None, sekarang: datetime.datetime | None = None, coba: bool = False
) -> list[BerkasDibersihkan]:
    """Remove the stored files of the imports refused or made stale more than ``hari`` days
    (``SIPOK_IMPOR_SIMPAN_HARI``) before ``sekarang``, and mark each record
    (``berkas_dihapus_pada``); the records stay, with their errors. ``coba``: only say which.

    Each record is locked and checked again before its file goes, so two runs at once remove
    each file once, and a second run finds nothing left to remove."""
    hari = settings.SIPOK_IMPOR_SIMPAN_HARI if hari is None else hari
    if hari < 1:
        raise ValidationError("Jumlah hari paling sedikit 1.")
    sekarang = sekarang or timezone.now()
    sebelum = sekarang - datetime.timedelta(days=hari)
    dibersihkan = []
    for pk in list(Impor.objects.berkas_usang(sebelum).values_list("pk", flat=True)):
        with transaction.atomic():
            impor = Impor.objects.select_for_update().berkas_usang(sebelum).filter(pk=pk).first()
            if impor is None:  # changed meanwhile
                continue
            nama = impor.berkas.name
            storage = impor.berkas.storage
            ukuran = storage.size(nama) if storage.exists(nama) else 0
            dibersihkan.append(BerkasDibersihkan(impor, nama, ukuran))
            if coba:
                continue
            impor.berkas = ""
            impor.berkas_dihapus_pada = sekarang
            impor.save(update_fields=["berkas", "berkas_dihapus_pada"])
            storage.delete(nama)  # a failure rolls the mark back; no file is lost unmarked
    return dibersihkan


# --- Apply ----------------------------------------------------------------------------------------


@contextmanager
def riwayat_atas_nama(user, alasan: str) -> Iterator[None]:
    """Every history row this thread writes inside the block names ``user`` (when given) and
    ``alasan`` — also those written inside ``kegiatan.services``, which know neither."""
    thread = threading.get_ident()

    def tag(sender, history_instance, **kwargs):
        if threading.get_ident() != thread:
            return
        if user is not None:
            history_instance.history_user = user
        if not history_instance.history_change_reason:
            history_instance.history_change_reason = alasan

    pre_create_historical_record.connect(tag, weak=False, dispatch_uid=f"impor-{thread}")
    try:
        yield
    finally:
        pre_create_historical_record.disconnect(dispatch_uid=f"impor-{thread}")


def _kunci_pd(kode_pd: set[str]) -> None:
    """Lock the PD rows the file names, in a fixed order: the entry screen's writes lock their PD
    first too, so an import and an operator's save of the same PD run one after the other."""
    list(
        PerangkatDaerah.objects.select_for_update()
        .filter(kode__in=kode_pd)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def impor_terapkan(*, impor: Impor, by) -> Impor:
    """Apply a previewed import in one transaction: all of it or nothing.

    Raises PermissionDenied for a non-admin, ValidationError when the import is not waiting to be
    applied, and ``PratinjauKedaluwarsa`` (after marking the record) when the file or the data
    changed since the preview.
    """
    if by is not None:
        access.require_admin(by)
    try:
        with transaction.atomic():
            impor = Impor.objects.select_for_update().get(pk=impor.pk)
            if impor.status != Impor.Status.PRATINJAU:
                raise ValidationError(
                    f"Impor #{impor.pk} berstatus “{impor.get_status_display()}”; hanya impor "
                    "yang menunggu diterapkan yang dapat diterapkan."
                )
            try:
                data = isi_tersimpan(impor)
            except BerkasDitolak as exc:
                raise ValidationError(
                    f"Impor #{impor.pk} tidak dapat diterapkan. {exc.pesan}"
                ) from None
            if sha256(data) != impor.sha256:
                raise PratinjauKedaluwarsa()
            bacaan = baca(impor.jenis, data)
            if bacaan.galat:
                raise PratinjauKedaluwarsa()
            rows = bacaan.rows
            _kunci_pd({row.kode_pd for row in rows})
            hasil = pratinjau(
                jenis=impor.jenis,
                data=data,
                rows=rows,
                tahun=impor.tahun,
                fase=impor.fase,
                tanggal_berlaku=impor.tanggal_berlaku,
            )
            if not hasil.ok or hasil.sidik != impor.sidik:
                raise PratinjauKedaluwarsa()
            alasan = impor.alasan_riwayat
            with riwayat_atas_nama(by, alasan):
                if impor.jenis == Impor.Jenis.DPA:
                    impor_dpa.terapkan_dpa(
                        hasil.rencana,
                        tahun=impor.tahun,
                        fase=impor.fase,
                        tanggal_berlaku=impor.tanggal_berlaku,
                        keterangan=alasan,
                        by=by,
                    )
                else:
                    impor_sp2d.terapkan_sp2d(hasil.rencana, by=by, alasan=alasan)
            impor.status = Impor.Status.DITERAPKAN
            impor.diterapkan_oleh = by
            impor.diterapkan_pada = timezone.now()
            impor.save(update_fields=["status", "diterapkan_oleh", "diterapkan_pada"])
    except (PratinjauKedaluwarsa, IntegrityError) as exc:
        # IntegrityError: a concurrent write the locks could not cover (a line created in the
        # same instant); the transaction is rolled back all the same.
        Impor.objects.filter(pk=impor.pk, status=Impor.Status.PRATINJAU).update(
            status=Impor.Status.KEDALUWARSA
        )
        if isinstance(exc, IntegrityError):
            raise PratinjauKedaluwarsa() from exc
        raise
    return impor
