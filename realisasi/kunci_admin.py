"""The admin's writes to the entry periods and reporting rules.

Whether a month is open is decided in ``realisasi.kunci`` alone; these functions only change what
it reads: a month's deadline, its lock, a reopening for one PD, and the reporting rules. Each
validates, then writes inside one transaction with the acting user on the history record. The
writes to a month hold it alone first (``kunci.hold_months``): a submission of the month under way
commits before, one that starts meanwhile waits and then reads the new state.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from akun.models import User
from kegiatan.models import NAMA_BULAN, TAHUN_MAX, TAHUN_MIN
from perangkat_daerah.models import PerangkatDaerah

from .kunci import batas_default, buka_kunci_aktif, hold_months
from .models import ALASAN_MAX, AturanPelaporan, BukaKunci, KunciBulan


def _check_periode(tahun: int, bulan: int) -> None:
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise ValidationError(f"Tahun harus {TAHUN_MIN}–{TAHUN_MAX}.")
    if not 1 <= bulan <= 12:
        raise ValidationError("Bulan harus 1–12.")


def _label(tahun: int, bulan: int) -> str:
    return f"{NAMA_BULAN[bulan]} {tahun}"


def _tanggal(value: datetime.date) -> str:
    return f"{value.day} {NAMA_BULAN[value.month]} {value.year}"


def _check_started(tahun: int, bulan: int, today: datetime.date) -> None:
    if (tahun, bulan) > (today.year, today.month):
        raise ValidationError(f"{_label(tahun, bulan)} belum dimulai.")


def _kunci_for_update(tahun: int, bulan: int) -> KunciBulan:
    """The month, held alone, and its lock row, locked until the transaction ends; a new, unsaved
    one with the default deadline when there is none yet."""
    hold_months([(tahun, bulan)], exclusive=True)
    kunci = KunciBulan.objects.select_for_update().filter(tahun=tahun, bulan=bulan).first()
    if kunci is None:
        kunci = KunciBulan(tahun=tahun, bulan=bulan, batas_pengisian=batas_default(tahun, bulan))
    return kunci


def _save(obj, *, by: User) -> None:
    obj._history_user = by
    obj.full_clean()
    try:
        obj.save()
    except IntegrityError:  # another admin wrote the same month a moment ago
        raise ValidationError(
            "Admin lain baru saja mengubah data yang sama. Muat ulang halaman lalu coba lagi."
        ) from None


def _check_batas(tahun: int, bulan: int, batas_pengisian: datetime.date | None) -> None:
    if batas_pengisian is None:
        raise ValidationError({"batas_pengisian": "Tanggal batas pengisian wajib diisi."})
    if batas_pengisian < datetime.date(tahun, bulan, 1):
        raise ValidationError(
            {"batas_pengisian": f"Batas pengisian tidak boleh sebelum {_label(tahun, bulan)}."}
        )
    if batas_pengisian.year > tahun + 1:
        raise ValidationError(
            {"batas_pengisian": f"Batas pengisian paling lambat 31 Desember {tahun + 1}."}
        )


@transaction.atomic
def kunci_set_batas(
    *, tahun: int, bulan: int, batas_pengisian: datetime.date, by: User
) -> KunciBulan:
    """Set the last day operators may fill in month ``bulan`` of ``tahun``."""
    _check_periode(tahun, bulan)
    _check_batas(tahun, bulan, batas_pengisian)
    kunci = _kunci_for_update(tahun, bulan)
    if kunci.pk is None or kunci.batas_pengisian != batas_pengisian:
        kunci.batas_pengisian = batas_pengisian
        _save(kunci, by=by)
    return kunci


@transaction.atomic
def kunci_lock(*, tahun: int, bulan: int, by: User) -> KunciBulan:
    """Lock the month for every PD. Reopenings still in force end with it."""
    _check_periode(tahun, bulan)
    _check_started(tahun, bulan, timezone.localdate())
    kunci = _kunci_for_update(tahun, bulan)
    now = timezone.now()  # once the submissions under way have committed
    if kunci.dikunci_pada is not None:
        raise ValidationError(f"{_label(tahun, bulan)} sudah dikunci.")
    kunci.dikunci_pada = now
    kunci.dikunci_oleh = by
    _save(kunci, by=by)
    for buka in buka_kunci_aktif(today=timezone.localdate(now)).filter(kunci_bulan=kunci):
        buka.ditutup_pada = now
        _save(buka, by=by)
    return kunci


@transaction.atomic
def kunci_unlock(
    *, tahun: int, bulan: int, by: User, batas_pengisian: datetime.date | None = None
) -> KunciBulan:
    """Remove the lock of the month, for every PD; with ``batas_pengisian``, set a new deadline at
    the same time (a month whose deadline has passed stays closed until it is moved)."""
    _check_periode(tahun, bulan)
    kunci = _kunci_for_update(tahun, bulan)
    if kunci.dikunci_pada is None:
        raise ValidationError(f"{_label(tahun, bulan)} tidak sedang dikunci.")
    if batas_pengisian is not None:
        _check_batas(tahun, bulan, batas_pengisian)
        kunci.batas_pengisian = batas_pengisian
    kunci.dikunci_pada = None
    kunci.dikunci_oleh = None
    _save(kunci, by=by)
    return kunci


@transaction.atomic
def kunci_open_for_pd(
    *,
    tahun: int,
    bulan: int,
    perangkat_daerah: PerangkatDaerah,
    alasan: str,
    berlaku_sampai: datetime.date,
    by: User,
) -> BukaKunci:
    """Reopen a locked or overdue month for one PD until ``berlaku_sampai`` (inclusive), with the
    reason kept. A reopening of the same PD and month still in force is closed by the new one."""
    _check_periode(tahun, bulan)
    today = timezone.localdate()
    _check_started(tahun, bulan, today)
    alasan = (alasan or "").strip()
    errors = {}
    if not alasan:
        errors["alasan"] = "Alasan membuka kunci wajib diisi."
    elif len(alasan) > ALASAN_MAX:
        errors["alasan"] = f"Alasan paling panjang {ALASAN_MAX} karakter."
    if berlaku_sampai is None:
        errors["berlaku_sampai"] = "Tanggal berlaku sampai wajib diisi."
    elif berlaku_sampai < today:
        errors["berlaku_sampai"] = (
            f"Tanggal berlaku sampai tidak boleh sebelum hari ini ({_tanggal(today)})."
        )
    elif berlaku_sampai.year > tahun + 1:
        errors["berlaku_sampai"] = f"Pembukaan kunci paling lama sampai 31 Desember {tahun + 1}."
    if errors:
        raise ValidationError(errors)
    kunci = _kunci_for_update(tahun, bulan)
    if kunci.pk is None:
        _save(kunci, by=by)
    now = timezone.now()
    for lama in (
        buka_kunci_aktif(today=today)
        .select_for_update()
        .filter(kunci_bulan=kunci, perangkat_daerah=perangkat_daerah)
    ):
        lama.ditutup_pada = now
        _save(lama, by=by)
    buka = BukaKunci(
        kunci_bulan=kunci,
        perangkat_daerah=perangkat_daerah,
        alasan=alasan,
        berlaku_sampai=berlaku_sampai,
        dibuka_oleh=by,
    )
    _save(buka, by=by)
    return buka


@transaction.atomic
def kunci_close_for_pd(*, buka_kunci: BukaKunci, by: User) -> BukaKunci:
    """End a reopening before its date."""
    bulan = KunciBulan.objects.values_list("tahun", "bulan").get(pk=buka_kunci.kunci_bulan_id)
    hold_months([bulan], exclusive=True)
    buka = BukaKunci.objects.select_for_update().get(pk=buka_kunci.pk)
    if buka.ditutup_pada is not None:
        raise ValidationError("Pembukaan kunci ini sudah ditutup.")
    if buka.berlaku_sampai < timezone.localdate():
        raise ValidationError("Pembukaan kunci ini sudah berakhir.")
    buka.ditutup_pada = timezone.now()
    _save(buka, by=by)
    return buka


@transaction.atomic
def aturan_set(
    *, ambang_deviasi_kendala: Decimal, hari_batas_pengisian: int, by: User
) -> AturanPelaporan:
    """Change the reporting rules (there is one row; it is created on the first change)."""
    aturan = AturanPelaporan.objects.select_for_update().order_by("pk").first()
    if aturan is None:
        aturan = AturanPelaporan()
    elif (aturan.ambang_deviasi_kendala, aturan.hari_batas_pengisian) == (
        ambang_deviasi_kendala,
        hari_batas_pengisian,
    ):
        return aturan
    aturan.ambang_deviasi_kendala = ambang_deviasi_kendala
    aturan.hari_batas_pengisian = hari_batas_pengisian
    _save(aturan, by=by)
    return aturan
