"""Writes to a Rakor POK: each validates, then writes in one transaction with the acting user on
the history record."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kegiatan.models import DPA
from laporan import reports
from laporan.periode import Periode
from realisasi import kunci_admin
from realisasi.kunci import hold_months
from realisasi.models import KunciBulan

from . import snapshot
from .models import Arahan, PembukaanRakor, PesertaRakor, Rakor, Rekomendasi

RAKOR_FIELDS = ("tahun", "triwulan", "tanggal", "tempat", "virtual", "pimpinan_rapat", "agenda")


def _save(obj, *, by):
    obj._history_user = by
    obj.full_clean()
    obj.save()
    return obj


def _ensure_draft(rakor: Rakor) -> None:
    """Refuse to change a finalised Rakor, reading its state from the database (locked until the
    transaction ends), not from a possibly stale object."""
    rakor = Rakor.objects.select_for_update().get(pk=rakor.pk)
    if rakor.final:
        raise ValidationError(
            "Rakor ini sudah difinalkan; buka kembali (dengan alasan) sebelum mengubahnya."
        )


@transaction.atomic
def _remove(item, *, by) -> None:
    """Delete an attendee, a directive or a recommendation of a Rakor still in draft."""
    _ensure_draft(item.rakor)
    item._history_user = by
    item.delete()


@transaction.atomic
def rakor_create(*, by, **fields) -> Rakor:
    return _save(Rakor(**fields), by=by)


@transaction.atomic
def rakor_update(*, rakor: Rakor, by, **fields) -> Rakor:
    rakor = Rakor.objects.select_for_update().get(pk=rakor.pk)
    # The minutes may still be completed after the meeting; everything else is frozen with it.
    if set(fields) - {"catatan"}:
        _ensure_draft(rakor)
    for name, value in fields.items():
        setattr(rakor, name, value)
    return _save(rakor, by=by)


@transaction.atomic
def peserta_add(*, rakor: Rakor, by, **fields) -> PesertaRakor:
    _ensure_draft(rakor)
    return _save(PesertaRakor(rakor=rakor, **fields), by=by)


def peserta_remove(*, peserta: PesertaRakor, by) -> None:
    _remove(peserta, by=by)


@transaction.atomic
def arahan_add(*, rakor: Rakor, isi: str, by) -> Arahan:
    _ensure_draft(rakor)
    return _save(Arahan(rakor=rakor, isi=isi), by=by)


def arahan_remove(*, arahan: Arahan, by) -> None:
    _remove(arahan, by=by)


@transaction.atomic
def rekomendasi_add(*, rakor: Rakor, perangkat_daerah, isi: str, batas_waktu, by) -> Rekomendasi:
    _ensure_draft(rakor)
    return _save(
        Rekomendasi(
            rakor=rakor, perangkat_daerah=perangkat_daerah, isi=isi, batas_waktu=batas_waktu
        ),
        by=by,
    )


def rekomendasi_remove(*, rekomendasi: Rekomendasi, by) -> None:
    _remove(rekomendasi, by=by)


@transaction.atomic
def tindak_lanjut_update(*, rekomendasi: Rekomendasi, status: str, tindak_lanjut: str, by):
    """The responsible PD reports its follow-up; allowed after the Rakor is finalised, since that
    is when follow-up happens."""
    rekomendasi = Rekomendasi.objects.select_for_update().get(pk=rekomendasi.pk)
    if status != Rekomendasi.Status.BELUM and not tindak_lanjut.strip():
        raise ValidationError({"tindak_lanjut": "Uraikan tindak lanjut yang telah dilakukan."})
    rekomendasi.status = status
    rekomendasi.tindak_lanjut = tindak_lanjut.strip()
    rekomendasi.diperbarui_oleh = by
    rekomendasi.diperbarui_pada = timezone.now()
    return _save(rekomendasi, by=by)


@transaction.atomic
def rakor_finalise(*, rakor: Rakor, by) -> Rakor:
    """Freeze every figure the Rakor shows and lock the quarter's three months."""
    rakor = Rakor.objects.select_for_update().get(pk=rakor.pk)
    if rakor.final:
        raise ValidationError("Rakor ini sudah difinalkan.")
    if not by.is_superuser and getattr(by, "role", None) != "admin":
        raise PermissionDenied("Hanya Admin yang dapat memfinalkan Rakor.")
    today = timezone.localdate()
    if (rakor.tahun, rakor.bulan_akhir) >= (today.year, today.month):  # until its last month ends
        raise ValidationError("Triwulan ini belum berakhir; Rakor belum dapat difinalkan.")
    # Every month the record reads (its Kurva S: each month of this year and last), held alone
    # before its figures are taken: a submission or verification of one of them under way is in
    # the figures, one that starts now waits; of the quarter's months, it then finds them locked.
    hold_months(
        [(tahun, bulan) for tahun in (rakor.tahun - 1, rakor.tahun) for bulan in range(1, 13)],
        exclusive=True,
    )
    snapshot.freeze(rakor)
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    rows, total = reports.progres_pengadaan(periode, DPA.objects.all())
    rakor.pengadaan_beku = {
        "baris": [{k: _json(v) for k, v in row.items()} for row in rows],
        "total": {k: _json(v) for k, v in total.items()},
    }
    months = range(rakor.bulan_akhir - 2, rakor.bulan_akhir + 1)
    already = set(
        KunciBulan.objects.filter(
            tahun=rakor.tahun, bulan__in=months, dikunci_pada__isnull=False
        ).values_list("bulan", flat=True)
    )
    for bulan in months:
        if bulan not in already:
            kunci_admin.kunci_lock(tahun=rakor.tahun, bulan=bulan, by=by)
    rakor.status = Rakor.Status.FINAL
    rakor.difinalkan_pada = timezone.now()
    rakor.difinalkan_oleh = by
    return _save(rakor, by=by)


def _json(value):
    if value is None or isinstance(value, int | str):
        return value
    return str(value)


@transaction.atomic
def rakor_reopen(*, rakor: Rakor, alasan: str, by) -> Rakor:
    """Back to draft, with the reason kept. The frozen figures stay until it is finalised again."""
    rakor = Rakor.objects.select_for_update().get(pk=rakor.pk)
    if not rakor.final:
        raise ValidationError("Rakor ini belum difinalkan.")
    if not alasan.strip():
        raise ValidationError({"alasan": "Alasan membuka kembali Rakor wajib diisi."})
    _save(PembukaanRakor(rakor=rakor, alasan=alasan.strip(), dibuka_oleh=by), by=by)
    rakor.status = Rakor.Status.DRAFT
    return _save(rakor, by=by)


def tindak_lanjut_terbuka(rakor: Rakor):
    """Every recommendation of earlier Rakor still open: carried over to this one."""
    return Rekomendasi.objects.terbuka_sebelum(rakor)


def default_tanggal(tahun: int, triwulan: int) -> datetime.date:
    """A suggested meeting date: the 20th of the month after the quarter."""
    month = triwulan * 3 + 1
    return datetime.date(tahun + (month > 12), (month - 1) % 12 + 1, 20)
