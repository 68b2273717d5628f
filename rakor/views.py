"""The Rakor POK pages: the list, the meeting's material, and the admin's and PD's writes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from akun import access
from laporan import charts, excel, reports
from perangkat_daerah.models import Pemda

from . import services, snapshot
from .forms import (
    ArahanForm,
    BukaKembaliForm,
    CatatanForm,
    PesertaForm,
    RakorForm,
    RekomendasiForm,
    TindakLanjutForm,
)
from .models import Arahan, PesertaRakor, Rakor, Rekomendasi


def _require_manager(user):
    if not access.can_manage_rakor(user):
        raise PermissionDenied("Hanya Admin yang dapat mengelola Rakor POK.")


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@require_GET
@login_required
def daftar(request):
    rakor = Rakor.objects.all()
    return render(
        request,
        "rakor/daftar.html",
        {"daftar_rakor": rakor, "boleh_kelola": access.can_manage_rakor(request.user)},
    )


@login_required
def baru(request):
    _require_manager(request.user)
    form = RakorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rakor = services.rakor_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        except IntegrityError:
            form.add_error(None, "Rakor POK untuk tahun dan triwulan ini sudah ada.")
        else:
            messages.success(request, f"{rakor} dibuat.")
            return redirect("rakor:detail", pk=rakor.pk)
    return render(request, "rakor/form.html", {"form": form, "judul": "Rakor POK baru"})


@login_required
def ubah(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    form_class = CatatanForm if rakor.final else RakorForm
    form = form_class(request.POST or None, instance=rakor)
    if request.method == "POST" and form.is_valid():
        try:
            services.rakor_update(rakor=rakor, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, "Rakor disimpan.")
            return redirect("rakor:detail", pk=rakor.pk)
    return render(request, "rakor/form.html", {"form": form, "judul": f"Ubah {rakor}"})


@require_GET
@login_required
def detail(request, pk):
    """The meeting's material: headline, rekap per PD, the PD furthest behind with their kendala
    and solusi, the Kurva S, procurement, last Rakor's follow-ups, arahan and rekomendasi — live
    for a draft, all from the snapshot for a finalised Rakor. An operator reads their own PD's
    part. With ``?format=xlsx``, the same material as an Excel workbook."""
    rakor = get_object_or_404(Rakor, pk=pk)
    user = request.user
    pemda = Pemda.current()
    own_pd = user.perangkat_daerah if access.is_operator(user) else None
    materi = (
        snapshot.materi_beku(rakor, pemda.nama, perangkat_daerah=own_pd)
        if rakor.final
        else snapshot.materi_langsung(rakor, pemda.nama, perangkat_daerah=own_pd)
    )
    sekarang = None
    if rakor.final and request.GET.get("bandingkan") == "1":
        sekarang = snapshot.materi_langsung(rakor, pemda.nama, perangkat_daerah=own_pd)
    rekap = materi.rekap_pd
    rekomendasi, terbawa = materi.rekomendasi, materi.terbawa
    pengadaan_baris = materi.pengadaan_baris
    if own_pd is not None:
        kode = own_pd.kode
        rekap = reports.Rekap(
            rekap.periode, [row for row in rekap.baris if row.kode == kode], rekap.total
        )
        rekomendasi = [r for r in rekomendasi if r.perangkat_daerah.kode == kode]
        terbawa = [r for r in terbawa if r.perangkat_daerah.kode == kode]
        pengadaan_baris = [
            row for row in pengadaan_baris if row["dpa__perangkat_daerah__kode"] == kode
        ]
    tertinggal = sorted(
        (row for row in rekap.baris if row.sekarang.deviasi_fisik is not None),
        key=lambda row: row.sekarang.deviasi_fisik,
    )[:10]
    kendala_per_pd = {}
    for line in materi.baris_dpa:
        kendala_per_pd.setdefault(line.perangkat_daerah_kode, []).append(line)
    for row in tertinggal:
        # The five lines furthest behind carry the PD's story; the rest are counted.
        lines = sorted(kendala_per_pd.get(row.kode, []), key=_deviasi_fisik)
        row.kendala, row.kendala_lainnya = lines[:5], len(lines[5:])
    perubahan = _perubahan(materi, sekarang) if sekarang else None
    if excel.diminta(request):
        kop = excel.Kop(
            pemda=materi.headline.pemda,
            judul=f"Bahan {rakor}",
            jenis=f"rakor-pok-tw{rakor.triwulan}",
            periode=materi.periode,
            perangkat_daerah=materi.perangkat_daerah,
        )
        return excel.rakor(
            kop,
            rakor=rakor,
            headline=materi.headline,
            rekap=rekap,
            tertinggal=tertinggal,
            pengadaan_baris=pengadaan_baris,
            pengadaan_total=materi.pengadaan_total,
            terbawa=terbawa,
            arahan=rakor.arahan.all(),
            rekomendasi=rekomendasi,
            peserta=rakor.peserta.select_related("perangkat_daerah"),
            kurva=materi.kurva,
            perubahan=perubahan,
            perubahan_final=materi.perubahan,
            sebelumnya_pada=materi.sebelumnya_pada,
            untuk_operator=own_pd is not None,
        ).response()
    context = {
        "rakor": rakor,
        "materi": materi,
        "headline": materi.headline,
        "periode": materi.periode,
        "rekap": rekap,
        "tertinggal": tertinggal,
        "pengadaan_baris": pengadaan_baris,
        "pengadaan_total": materi.pengadaan_total,
        "rekomendasi": rekomendasi,
        "terbawa": terbawa,
        "arahan": rakor.arahan.all(),
        "peserta": rakor.peserta.select_related("perangkat_daerah"),
        "pembukaan": rakor.pembukaan.select_related("dibuka_oleh"),
        "sekarang": sekarang,
        "perubahan": perubahan,
        "kurva_fisik": charts.kurva_s_svg(materi.kurva, "fisik") if materi.kurva else None,
        "boleh_kelola": access.can_manage_rakor(user),
        "is_operator": own_pd is not None,
        "dicetak_pada": timezone.localtime(),
        "tautan_excel": excel.tautan(request),
        "forms": {
            "peserta": PesertaForm(prefix="peserta"),
            "arahan": ArahanForm(prefix="arahan"),
            "rekomendasi": RekomendasiForm(prefix="rekomendasi"),
            "buka": BukaKembaliForm(prefix="buka"),
        },
    }
    return render(request, "rakor/detail.html", context)


def _deviasi_fisik(line):
    deviasi = line.angka.deviasi_fisik
    return deviasi if deviasi is not None else 0


def _perubahan(beku: snapshot.Materi, sekarang: snapshot.Materi) -> dict:
    """Per PD code: frozen and current fisik and keuangan %, and whether either moved."""
    current = {row.kode: row.sekarang for row in sekarang.rekap_pd.baris}
    result = {}
    for row in beku.rekap_pd.baris:
        now = current.get(row.kode)
        pairs = (
            (row.sekarang.fisik, now.fisik if now else None),
            (row.sekarang.keuangan_persen, now.keuangan_persen if now else None),
        )
        result[row.kode] = {
            "fisik_beku": pairs[0][0],
            "fisik_sekarang": pairs[0][1],
            "keuangan_beku": pairs[1][0],
            "keuangan_sekarang": pairs[1][1],
            "berubah": any(a != b for a, b in pairs),
        }
    total_changed = (
        beku.headline.sekarang.fisik != sekarang.headline.sekarang.fisik
        or beku.headline.sekarang.keuangan != sekarang.headline.sekarang.keuangan
    )
    result["pemda_berubah"] = total_changed
    return result


def _post_form(request, rakor, form, action, success):
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, success)
    else:
        errors = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}".strip()
            for f, e in form.errors.items()
        )
        messages.error(request, f"Tidak disimpan: {errors}")
    return redirect(reverse("rakor:detail", kwargs={"pk": rakor.pk}))


def _hapus(request, pk, model, item_pk, remove):
    """Remove one attendee, directive or recommendation of Rakor ``pk``."""
    _require_manager(request.user)
    item = get_object_or_404(model, pk=item_pk, rakor_id=pk)
    try:
        remove(item, by=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    return redirect("rakor:detail", pk=pk)


@require_POST
@login_required
def peserta_tambah(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    form = PesertaForm(request.POST, prefix="peserta")
    return _post_form(
        request,
        rakor,
        form,
        lambda data: services.peserta_add(rakor=rakor, by=request.user, **data),
        "Peserta ditambahkan.",
    )


@require_POST
@login_required
def peserta_hapus(request, pk, peserta_pk):
    return _hapus(
        request,
        pk,
        PesertaRakor,
        peserta_pk,
        lambda item, by: services.peserta_remove(peserta=item, by=by),
    )


@require_POST
@login_required
def arahan_tambah(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    form = ArahanForm(request.POST, prefix="arahan")
    return _post_form(
        request,
        rakor,
        form,
        lambda data: services.arahan_add(rakor=rakor, isi=data["isi"], by=request.user),
        "Arahan ditambahkan.",
    )


@require_POST
@login_required
def arahan_hapus(request, pk, arahan_pk):
    return _hapus(
        request, pk, Arahan, arahan_pk, lambda item, by: services.arahan_remove(arahan=item, by=by)
    )


@require_POST
@login_required
def rekomendasi_tambah(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    form = RekomendasiForm(request.POST, prefix="rekomendasi")
    return _post_form(
        request,
        rakor,
        form,
        lambda data: services.rekomendasi_add(rakor=rakor, by=request.user, **data),
        "Rekomendasi ditambahkan.",
    )


@require_POST
@login_required
def rekomendasi_hapus(request, pk, rekomendasi_pk):
    return _hapus(
        request,
        pk,
        Rekomendasi,
        rekomendasi_pk,
        lambda item, by: services.rekomendasi_remove(rekomendasi=item, by=by),
    )


@login_required
def tindak_lanjut(request, pk):
    """The responsible PD's follow-up of one recommendation."""
    rekomendasi = get_object_or_404(
        Rekomendasi.objects.select_related("rakor", "perangkat_daerah"), pk=pk
    )
    user = request.user
    if not access.can_view_pd(user, rekomendasi.perangkat_daerah):
        raise Http404("Rekomendasi tidak ditemukan.")
    if not access.can_update_tindak_lanjut(user, rekomendasi.perangkat_daerah):
        raise PermissionDenied("Anda tidak berhak memperbarui tindak lanjut ini.")
    form = TindakLanjutForm(
        request.POST or None,
        initial={"status": rekomendasi.status, "tindak_lanjut": rekomendasi.tindak_lanjut},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.tindak_lanjut_update(rekomendasi=rekomendasi, by=user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return _after_tindak_lanjut(request, rekomendasi.rakor)
    return render(request, "rakor/tindak_lanjut.html", {"form": form, "rekomendasi": rekomendasi})


def _after_tindak_lanjut(request, rakor: Rakor):
    """Back to the Rakor; from a finalised one, whose page keeps the status it had when it was
    finalised, to the kendala report, where the follow-up just saved is listed."""
    if not rakor.final:
        messages.success(request, "Tindak lanjut disimpan.")
        return redirect("rakor:detail", pk=rakor.pk)
    messages.success(
        request,
        f"Tindak lanjut disimpan. {rakor} sudah difinalkan: halamannya tetap menampilkan status "
        "saat difinalkan; status terkini tercantum di bawah ini dan dibahas pada Rakor berikutnya.",
    )
    query = urlencode({"tahun": rakor.tahun, "bulan": rakor.bulan_akhir})
    return redirect(f"{reverse('laporan:kendala')}?{query}")


@require_POST
@login_required
def finalkan(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    try:
        services.rakor_finalise(rakor=rakor, by=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request, f"{rakor} difinalkan: angka dibekukan dan bulan-bulan triwulan ini dikunci."
        )
    return redirect("rakor:detail", pk=pk)


@require_POST
@login_required
def buka(request, pk):
    _require_manager(request.user)
    rakor = get_object_or_404(Rakor, pk=pk)
    form = BukaKembaliForm(request.POST, prefix="buka")
    return _post_form(
        request,
        rakor,
        form,
        lambda data: services.rakor_reopen(rakor=rakor, alasan=data["alasan"], by=request.user),
        "Rakor dibuka kembali; alasannya dicatat.",
    )
