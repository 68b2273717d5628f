"""Evidence (bukti dukung) of a DPA line's monthly realisasi: what may be uploaded, who may see it,
and the writes.

An upload is accepted only when both its extension and its content say it is one of the allowed
types (JPEG, PNG, PDF, Word .docx, Excel .xlsx), it is not empty and not above ``UKURAN_MAKS``, and
the line-month has fewer than ``JUMLAH_MAKS`` files. Files are stored through Django's storage API
under a random name (``bukti_upload_to``); they are served only by the ``unduh`` view, to the users
who may see the line's PD — the media folder is never served as such.

Only the PD's own operator adds or removes evidence, while the month is open
(``realisasi.kunci``) and the month's Realisasi row is still editable (draft or dikembalikan, or no
row yet).

A stored file goes with its record, after the deleting transaction commits, whatever deleted it
(``berkas_delete_after_commit``); ``berkas_yatim_find`` lists the files no record references,
for ``manage.py bersihkan_bukti``.
"""

import datetime
import logging
import os
import posixpath
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from akun import access
from laporan.format import angka
from perangkat_daerah.models import PerangkatDaerah

from .kunci import StatusBulan, ensure_open, status_bulan
from .models import FOLDER_BUKTI, BuktiDukung, Realisasi

logger = logging.getLogger(__name__)

UKURAN_MAKS = 5 * 1024 * 1024  # bytes per file
JUMLAH_MAKS = 10  # files per DPA line and month
STATUS_DAPAT_DIUBAH = (Realisasi.Status.DRAFT, Realisasi.Status.DIKEMBALIKAN)


@dataclass(frozen=True)
class JenisBerkas:
    kind: str  # what the content must be: jpeg, png, pdf, docx, xlsx
    content_type: str
    label: str
    inline: bool  # shown in the browser (images) rather than downloaded


_JPEG = JenisBerkas("jpeg", "image/jpeg", "Foto JPEG", True)
_PNG = JenisBerkas("png", "image/png", "Gambar PNG", True)
_PDF = JenisBerkas("pdf", "application/pdf", "PDF", False)
_DOCX = JenisBerkas(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Dokumen Word",
    False,
)
_XLSX = JenisBerkas(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Lembar kerja Excel",
    False,
)
JENIS_PER_EKSTENSI = {
    ".jpg": _JPEG,
    ".jpeg": _JPEG,
    ".png": _PNG,
    ".pdf": _PDF,
    ".docx": _DOCX,
    ".xlsx": _XLSX,
}
JENIS_PER_CONTENT_TYPE = {jenis.content_type: jenis for jenis in JENIS_PER_EKSTENSI.values()}
EKSTENSI_DIIZINKAN = ", ".join(ext.lstrip(".").upper() for ext in JENIS_PER_EKSTENSI)
ACCEPT = ",".join(JENIS_PER_EKSTENSI)


def ukuran_teks(size: int, *, round_up: bool = False) -> str:
    """5242880 -> '5 MB', 6500000 -> '6,2 MB', 2048 -> '2 KB'. ``round_up`` for a size that is
    too big, so that 5 MB and one byte reads 5,1 MB rather than 5 MB."""
    if size >= 1024 * 1024:
        value, unit = Decimal(size) / (1024 * 1024), "MB"
    else:
        value, unit = Decimal(size) / 1024, "KB"
    if value == value.to_integral_value():
        return f"{angka(value)} {unit}"
    if round_up:
        value = value.quantize(Decimal("0.1"), rounding=ROUND_CEILING)
    return f"{angka(value, 1)} {unit}"


MAKS_TEKS = ukuran_teks(UKURAN_MAKS)


# --- What a file is -------------------------------------------------------------------------------


def _berkas_error(message: str) -> ValidationError:
    return ValidationError({"berkas": message})


def _kind_of_zip(berkas) -> str | None:
    """docx / xlsx by the names inside the ZIP (its central directory only: nothing is
    extracted or decompressed)."""
    try:
        with zipfile.ZipFile(berkas) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return "macro"
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return None


def detect_kind(berkas) -> str | None:
    """What the content is, by its first bytes: jpeg, png, pdf, docx, xlsx, macro (an Office file
    carrying macros) or None."""
    berkas.seek(0)
    head = berkas.read(8)
    berkas.seek(0)
    try:
        if head.startswith(b"\xff\xd8\xff"):
            return "jpeg"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            return _kind_of_zip(berkas)
        return None
    finally:
        berkas.seek(0)


def nama_asli_bersih(name: str) -> str:
    """The user's file name as shown in the list: no folder part, no control characters, at most
    255 characters (keeping the extension)."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > 255:
        stem, ext = os.path.splitext(name)
        name = stem[: 255 - len(ext)] + ext
    return name or "berkas"


def bukti_check_file(berkas) -> JenisBerkas:
    """The file's type if it may be stored; ValidationError (at ``berkas``) with the reason
    otherwise."""
    if berkas is None:
        raise _berkas_error("Pilih berkas yang akan diunggah.")
    ext = os.path.splitext(berkas.name or "")[1].lower()
    jenis = JENIS_PER_EKSTENSI.get(ext)
    if jenis is None:
        raise _berkas_error(
            f"Jenis berkas {ext or 'tanpa ekstensi'} tidak diizinkan. "
            f"Unggah berkas {EKSTENSI_DIIZINKAN}."
        )
    size = berkas.size or 0
    if size == 0:
        raise _berkas_error("Berkas kosong (0 byte). Pilih berkas yang berisi.")
    if size > UKURAN_MAKS:
        raise _berkas_error(
            f"Ukuran berkas {ukuran_teks(size, round_up=True)} melebihi batas {MAKS_TEKS} "
            "per berkas. Perkecil atau pisahkan berkasnya."
        )
    kind = detect_kind(berkas)
    if kind == "macro":
        raise _berkas_error("Dokumen yang berisi makro tidak diizinkan. Simpan tanpa makro.")
    if kind != jenis.kind:
        raise _berkas_error(
            f"Isi berkas tidak sesuai dengan ekstensinya ({ext}): berkas ini bukan "
            f"{jenis.label} yang sah. Unggah berkas aslinya."
        )
    return jenis


class BatasUkuranUploadHandler(FileUploadHandler):
    """Stops receiving a file as soon as it passes ``UKURAN_MAKS``, so an oversized upload is
    neither kept in memory nor written to a temporary file; the view reads ``terlalu_besar``."""

    def __init__(self, request=None, batas: int = UKURAN_MAKS):
        super().__init__(request)
        self.batas = batas
        self.diterima = 0
        self.terlalu_besar: list[str] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.diterima = 0

    def receive_data_chunk(self, raw_data, start):
        self.diterima += len(raw_data)
        if self.diterima > self.batas:
            self.terlalu_besar.append(self.file_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas",
        help_text=f"{EKSTENSI_DIIZINKAN}; paling besar {MAKS_TEKS} per berkas.",
        error_messages={
            "required": "Pilih berkas yang akan diunggah.",
            "empty": "Berkas kosong (0 byte). Pilih berkas yang berisi.",
            "invalid": "Berkas tidak terbaca. Coba unggah lagi.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    keterangan = forms.CharField(
        label="Keterangan",
        max_length=300,
        required=False,
        help_text="mis. Foto progres pekerjaan 50% atau Berita acara pemeriksaan.",
    )

    def __init__(self, *args, terlalu_besar: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if terlalu_besar:
            # The upload handler dropped the file for its size: say so instead of "missing".
            self.fields["berkas"].error_messages["required"] = (
                f"Ukuran berkas melebihi batas {MAKS_TEKS} per berkas. "
                "Perkecil atau pisahkan berkasnya."
            )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            bukti_check_file(berkas)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["berkas"]) from None
        return berkas


# --- Reads ----------------------------------------------------------------------------------------


def bukti_for(user):
    """The evidence a user may see: of the PD they may see."""
    return BuktiDukung.objects.filter(
        realisasi__dpa__perangkat_daerah__in=access.perangkat_daerah_for(user)
    ).select_related("realisasi__dpa", "diunggah_oleh")


def get_bukti_for_user(user, pk) -> BuktiDukung:
    """The evidence if the user may see its PD; Http404 otherwise (we do not say it exists)."""
    try:
        return bukti_for(user).get(pk=pk)
    except (BuktiDukung.DoesNotExist, ValueError, TypeError):
        raise Http404("Bukti dukung tidak ditemukan.") from None


def jenis_of(bukti: BuktiDukung) -> JenisBerkas | None:
    return JENIS_PER_CONTENT_TYPE.get(bukti.jenis)


@dataclass(frozen=True)
class KeadaanBukti:
    """The evidence of one line-month as one user finds it."""

    realisasi: Realisasi | None
    bulan: StatusBulan
    pemilik: bool  # the line's PD operator
    jumlah: int
    alasan: str  # why the owner cannot change the evidence now ('' when they can)

    @property
    def dapat_diubah(self) -> bool:
        return self.pemilik and not self.alasan

    @property
    def dapat_unggah(self) -> bool:
        return self.dapat_diubah and self.jumlah < JUMLAH_MAKS


def _alasan_terkunci(realisasi: Realisasi | None) -> str:
    if realisasi is None or realisasi.status in STATUS_DAPAT_DIUBAH:
        return ""
    if realisasi.status == Realisasi.Status.DIVERIFIKASI:
        return "Realisasi bulan ini sudah diverifikasi; bukti dukung tidak dapat diubah lagi."
    return (
        "Realisasi bulan ini sudah diajukan dan menunggu verifikasi; bukti dukung tidak dapat "
        "diubah kecuali dikembalikan oleh verifikator."
    )


def keadaan_bukti(user, dpa, bulan: int) -> KeadaanBukti:
    realisasi = Realisasi.objects.filter(dpa=dpa, bulan=bulan).first()
    status = status_bulan(dpa.perangkat_daerah, dpa.tahun, bulan)
    jumlah = realisasi.bukti.count() if realisasi else 0
    alasan = _alasan_terkunci(realisasi)
    if not status.terbuka:
        alasan = f"Bukti dukung tidak dapat diubah. {status.keterangan}"
    return KeadaanBukti(
        realisasi=realisasi,
        bulan=status,
        pemilik=access.can_enter_realisasi(user, dpa.perangkat_daerah),
        jumlah=jumlah,
        alasan=alasan,
    )


# --- Writes ---------------------------------------------------------------------------------------


def _require_owner(user, dpa) -> None:
    if not access.can_enter_realisasi(user, dpa.perangkat_daerah):
        raise PermissionDenied(
            "Bukti dukung hanya dapat diunggah atau dihapus oleh Operator PD pemilik sub kegiatan."
        )


def _require_editable(realisasi: Realisasi) -> None:
    alasan = _alasan_terkunci(realisasi)
    if alasan:
        raise PermissionDenied(alasan)


def _fisik_sebelumnya(dpa, bulan: int) -> Decimal:
    """The latest cumulative fisik the line reported before ``bulan`` (a month not reported
    carries the last value), or 0."""
    previous = (
        Realisasi.objects.filter(dpa=dpa, bulan__lt=bulan)
        .order_by("-bulan")
        .values_list("realisasi_fisik", flat=True)
        .first()
    )
    return previous if previous is not None else Decimal(0)


def _realisasi_for_update(dpa, bulan: int, by) -> Realisasi:
    """The line-month's Realisasi row, locked; created as a draft when there is none yet.

    Evidence hangs on a Realisasi row, and an operator may photograph the work before entering
    the month's figures. So the first upload creates the month's draft row in the same
    transaction as the evidence (rolled back with it if the upload fails): realisasi_fisik
    carries the line's last reported cumulative value (or 0), realisasi_keuangan is 0 — neutral
    values the operator overwrites on the entry screen. A draft never counts in the reports.
    """
    # The PD row first, as the entry screen's writes do (realisasi.services): an upload and a
    # save or submission of the same PD-month run one after the other, also while the month's
    # row does not exist yet.
    list(
        PerangkatDaerah.objects.select_for_update()
        .filter(pk=dpa.perangkat_daerah_id)
        .values_list("pk", flat=True)
    )
    realisasi = Realisasi.objects.select_for_update().filter(dpa=dpa, bulan=bulan).first()
    if realisasi is not None:
        return realisasi
    realisasi = Realisasi(
        dpa=dpa,
        bulan=bulan,
        realisasi_fisik=_fisik_sebelumnya(dpa, bulan),
        realisasi_keuangan=Decimal(0),
        status=Realisasi.Status.DRAFT,
        diubah_oleh=by,
    )
    realisasi.full_clean()
    realisasi._history_user = by
    try:
        with transaction.atomic():
            realisasi.save()
    except IntegrityError:
        # Another request (the entry screen, a second upload) created it a moment ago.
        realisasi = Realisasi.objects.select_for_update().get(dpa=dpa, bulan=bulan)
    return realisasi


def bukti_add(*, dpa, bulan: int, berkas, keterangan: str = "", by) -> BuktiDukung:
    """Store one evidence file for ``dpa`` in month ``bulan``.

    Raises PermissionDenied when ``by`` is not the PD's operator, the month is closed or the row
    is no longer editable, and ValidationError for a file or a count that is refused. Nothing is
    kept on error: the database writes roll back and a file already stored is deleted.
    """
    _require_owner(by, dpa)
    jenis = bukti_check_file(berkas)
    stored_name, storage = None, None
    try:
        with transaction.atomic():
            ensure_open(dpa.perangkat_daerah, dpa.tahun, bulan)
            realisasi = _realisasi_for_update(dpa, bulan, by)
            _require_editable(realisasi)
            if realisasi.bukti.count() >= JUMLAH_MAKS:
                raise _berkas_error(
                    f"Paling banyak {JUMLAH_MAKS} berkas bukti per sub kegiatan per bulan. "
                    "Hapus berkas yang tidak diperlukan lebih dulu."
                )
            nama_asli = nama_asli_bersih(berkas.name)
            bukti = BuktiDukung(
                realisasi=realisasi,
                nama_asli=nama_asli,
                jenis=jenis.content_type,
                ukuran=berkas.size,
                keterangan=(keterangan or "").strip(),
                diunggah_oleh=by,
            )
            bukti.full_clean(exclude=["berkas"])
            berkas.seek(0)
            storage = bukti.berkas.storage
            bukti.berkas.save(nama_asli, berkas, save=False)  # random name from upload_to
            stored_name = bukti.berkas.name
            bukti._history_user = by
            bukti.save()
    except BaseException:
        if stored_name:
            storage.delete(stored_name)
        raise
    return bukti


def bukti_delete(*, bukti: BuktiDukung, by) -> None:
    """Remove one evidence file; the stored file goes once the transaction has committed
    (``berkas_delete_after_commit``)."""
    dpa = bukti.realisasi.dpa
    _require_owner(by, dpa)
    with transaction.atomic():
        ensure_open(dpa.perangkat_daerah, dpa.tahun, bukti.realisasi.bulan)
        realisasi = Realisasi.objects.select_for_update().get(pk=bukti.realisasi_id)
        _require_editable(realisasi)
        bukti._history_user = by
        bukti.delete()


# --- Stored files ---------------------------------------------------------------------------------


def berkas_delete_after_commit(sender, instance: BuktiDukung, using: str, **kwargs) -> None:
    """``post_delete`` of BuktiDukung: the record's stored file is deleted once the transaction
    that deleted the record commits, and kept if it rolls back.

    A signal rather than code in ``bukti_delete`` or ``BuktiDukung.delete()``, because evidence is
    deleted on paths that never call either: the cascade from a Realisasi or a DPA line (the
    admin, the demo rebuild), a queryset's ``delete()`` (the admin's bulk action). Django sends
    ``post_delete`` for every row on all of them — only ``QuerySet.update()`` and raw SQL skip
    signals, and neither deletes a record. STYLE.md warns against business rules in signals;
    this is storage hygiene only, decides nothing and writes no row. A restore
    (``cadangan.engine``) replaces the tables with SQL and sends no signal: it deletes no file.
    """
    name = instance.berkas.name
    if name:
        storage = instance.berkas.storage
        transaction.on_commit(partial(_berkas_delete, storage, name, using), using=using)


def _berkas_delete(storage, name: str, using: str) -> None:
    """Delete the stored file ``name`` unless a record still references it. A failure is logged,
    not raised: the record is already gone, and ``bersihkan_bukti`` finds the file later."""
    try:
        if BuktiDukung.objects.using(using).filter(berkas=name).exists():
            return
        storage.delete(name)
    except Exception:
        logger.exception(
            "Berkas bukti %s tidak dapat dihapus dari penyimpanan; "
            "jalankan manage.py bersihkan_bukti nanti.",
            name,
        )


@dataclass(frozen=True)
class BerkasYatim:
    """A stored evidence file no record references."""

    name: str
    ukuran: int
    diubah_pada: datetime.datetime


@dataclass(frozen=True)
class PemeriksaanBerkas:
    """The evidence folder compared with the records."""

    jumlah_rekaman: int  # BuktiDukung records
    dirujuk: int  # stored files a record references
    yatim: list[BerkasYatim]  # unreferenced and older than the minimum age
    terlalu_baru: list[str]  # unreferenced but younger: perhaps an upload not committed yet


def _stored_names(storage, folder: str):
    """Every file name under ``folder`` of the storage, depth first, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}"
    for sub in sorted(folders):
        yield from _stored_names(storage, f"{folder}/{sub}")


def berkas_yatim_find(
    *, umur_minimal: datetime.timedelta, using: str = DEFAULT_DB_ALIAS
) -> PemeriksaanBerkas:
    """The files under ``FOLDER_BUKTI`` that no BuktiDukung record references.

    A file younger than ``umur_minimal`` is never an orphan: ``bukti_add`` stores the file before
    its record is committed, so a file of an upload in progress has no record yet. The folder is
    listed before the records are read, so that a file stored in between is seen by neither and
    is left alone.
    """
    storage = BuktiDukung._meta.get_field("berkas").storage
    names = list(_stored_names(storage, FOLDER_BUKTI))
    records = BuktiDukung.objects.using(using)
    referenced = {
        posixpath.normpath(name)
        for name in records.values_list("berkas", flat=True).iterator()
        if name
    }
    batas = timezone.now() - umur_minimal
    dirujuk, yatim, terlalu_baru = 0, [], []
    for name in names:
        if posixpath.normpath(name) in referenced:
            dirujuk += 1
            continue
        try:
            diubah_pada = storage.get_modified_time(name)
            ukuran = storage.size(name)
        except FileNotFoundError:
            continue  # deleted meanwhile
        if diubah_pada > batas:
            terlalu_baru.append(name)
        else:
            yatim.append(BerkasYatim(name, ukuran, diubah_pada))
    return PemeriksaanBerkas(
        jumlah_rekaman=records.count(), dirujuk=dirujuk, yatim=yatim, terlalu_baru=terlalu_baru
    )


def berkas_yatim_delete(
    berkas: list[BerkasYatim], *, using: str = DEFAULT_DB_ALIAS
) -> list[BerkasYatim]:
    """Delete the orphan files found by ``berkas_yatim_find``; each is checked once more just
    before, and kept if a record references it by then. The ones deleted."""
    storage = BuktiDukung._meta.get_field("berkas").storage
    deleted = []
    for item in berkas:
        if BuktiDukung.objects.using(using).filter(berkas=item.name).exists():
            continue
        storage.delete(item.name)
        deleted.append(item)
    return deleted
