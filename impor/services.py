"""An import from upload to apply: ``pratinjau`` (read only), ``impor_unggah`` (stores the file and
its preview in an ``Impor`` record) and ``impor_terapkan`` (writes everything in one transaction).

The apply reads the stored file again, checks it again against the database as it is now, and
refuses — writing nothing — when the result is not the one the admin previewed: the fingerprint
(``sidik``) covers the file, the chosen year and phase, and the state of every DPA line, pagu, RKO
and Realisasi row the preview looked at.
"""

import datetime
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

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
from .berkas import MAKS_TEKS, UKURAN_MAKS, BerkasDitolak, periksa_berkas
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


def baca(jenis: str, data: bytes) -> tuple[list, list[Galat]]:
    """The file's rows and its own errors (no database)."""
    if jenis == Impor.Jenis.DPA:
        return parsers.baca_dpa(data)
    return parsers.baca_sp2d(data)


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
        rows, galat = baca(jenis, data)
        if galat:
            return Pratinjau(jenis, galat)
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
        raise BerkasDitolak(f"Ukuran berkas melebihi batas {MAKS_TEKS}.")
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
        sumber=sumber,
        dibuat_oleh=by,
    )
    impor.berkas.save("impor.xlsx", ContentFile(data), save=False)
    try:
        impor.full_clean(exclude=["berkas", "dibuat_oleh", "diterapkan_oleh"])
        impor.save()
    except Exception:
        impor.berkas.delete(save=False)
        raise
    return impor


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
            with impor.berkas.open("rb") as stored:
                data = stored.read()
            if sha256(data) != impor.sha256:
                raise PratinjauKedaluwarsa()
            rows, galat = baca(impor.jenis, data)
            if galat:
                raise PratinjauKedaluwarsa()
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
