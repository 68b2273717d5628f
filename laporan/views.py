"""The report pages: parse the filters, ask laporan.reports, render. Every page starts from the
lines the user may see (akun.access.dpa_for). With ``?format=xlsx`` a page answers with its Excel
file instead, built from the same data (laporan.excel)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from akun import access
from perangkat_daerah.models import Pemda, PerangkatDaerah

from . import charts, excel, reports
from .forms import FilterLaporan
from .periode import Periode, default_periode


@dataclass
class Konteks:
    form: FilterLaporan
    periode: Periode
    perangkat_daerah: PerangkatDaerah | None
    sumber_dana: object
    dpa: object  # the QuerySet of DPA lines the report covers
    tautan_excel: str

    def as_dict(self, judul: str, **extra) -> dict:
        return {
            "form": self.form,
            "periode": self.periode,
            "filter_pd": self.perangkat_daerah,
            "judul": judul,
            "pemda": Pemda.current(),
            "dicetak_pada": timezone.localtime(),
            "tautan_excel": self.tautan_excel,
            **extra,
        }

    def kop(self, judul: str, jenis: str, **extra) -> excel.Kop:
        """The Excel file's title block and name: the same title, period and filters."""
        fields = {"perangkat_daerah": self.perangkat_daerah, "sumber_dana": self.sumber_dana}
        return excel.Kop(
            pemda=Pemda.current().nama,
            judul=judul,
            jenis=jenis,
            periode=self.periode,
            **{**fields, **extra},
        )


def _konteks(request, *, with_pd: bool = True) -> Konteks:
    user = request.user
    form = FilterLaporan(
        request.GET, perangkat_daerah_queryset=access.perangkat_daerah_for(user), with_pd=with_pd
    )
    filters = form.filters()
    dpa = access.dpa_for(user)
    if filters["perangkat_daerah"] is not None:
        dpa = dpa.filter(perangkat_daerah=filters["perangkat_daerah"])
    if filters["sumber_dana"] is not None:
        dpa = dpa.filter(sumber_dana=filters["sumber_dana"])
    return Konteks(
        form,
        filters["periode"],
        filters["perangkat_daerah"],
        filters["sumber_dana"],
        dpa,
        excel.tautan(request),
    )


@require_GET
@login_required
def beranda(request):
    """The home page: the headline, the colours of the PD, the ten furthest behind, the Kurva S.
    An operator sees their own PD the same way, with its lines instead of PD."""
    user = request.user
    periode = default_periode()
    dpa = access.dpa_for(user)
    kurva = reports.kurva_s(periode, dpa)
    context = {
        "periode": periode,
        "kurva_fisik": charts.kurva_s_svg(kurva, "fisik"),
        "kurva_keuangan": charts.kurva_s_svg(kurva, "keuangan"),
    }
    if access.is_operator(user):
        nodes, total = reports.detail_pd(periode, dpa)
        lines = [line for program in nodes for keg in program.anak for line in keg.anak]
        behind = [line for line in lines if line.angka.deviasi_fisik is not None]
        behind.sort(key=lambda line: line.angka.deviasi_fisik)
        context["baris_tertinggal"] = behind[:10]
        subject = user.perangkat_daerah.nama
    else:
        rekap = reports.rekap_per_pd(periode, dpa)
        counts = {}
        for row in rekap.baris:
            if row.warna:
                counts[row.warna] = counts.get(row.warna, 0) + 1
        context["jumlah_warna"] = counts
        behind = [row for row in rekap.baris if row.sekarang.deviasi_fisik is not None]
        behind.sort(key=lambda row: row.sekarang.deviasi_fisik)
        context["pd_tertinggal"] = behind[:10]
        total = rekap.total
        subject = Pemda.current().nama
    # The headline is the total of the rows shown, not another pass over the lines.
    context["headline"] = reports.headline(subject, total)
    return render(request, "laporan/beranda.html", context)


@require_GET
@login_required
def rekap_pemda(request):
    """Report 1: the headline figures against target and last year."""
    k = _konteks(request)
    subject = k.perangkat_daerah.nama if k.perangkat_daerah else Pemda.current().nama
    sumber = reports.rekap_per_sumber_dana(k.periode, k.dpa)
    headline = reports.headline(subject, sumber.total)
    judul = "Rekap pemda"
    if excel.diminta(request):
        return excel.rekap_pemda(k.kop(judul, "rekap-pemda"), headline, sumber).response()
    return render(
        request,
        "laporan/rekap_pemda.html",
        k.as_dict(judul, headline=headline, sumber=sumber),
    )


@require_GET
@login_required
def rekap_pd(request):
    """Report 2: one row per PD with weight, TTB, colour and rank."""
    k = _konteks(request)
    rekap = reports.rekap_per_pd(k.periode, k.dpa)
    judul = "Rekap per Perangkat Daerah"
    if excel.diminta(request):
        return excel.rekap_pd(k.kop(judul, "rekap-pd"), rekap).response()
    return render(request, "laporan/rekap_pd.html", k.as_dict(judul, rekap=rekap))


@require_GET
@login_required
def rekap_sumber_dana(request):
    """Report 3: one row per sumber dana."""
    k = _konteks(request)
    rekap = reports.rekap_per_sumber_dana(k.periode, k.dpa)
    judul = "Rekap per sumber dana"
    if excel.diminta(request):
        return excel.rekap_sumber_dana(k.kop(judul, "rekap-sumber-dana"), rekap).response()
    return render(request, "laporan/rekap_sumber_dana.html", k.as_dict(judul, rekap=rekap))


@require_GET
@login_required
def detail_pd(request):
    """Report 4: one PD's program → kegiatan → sub kegiatan with subtotals (the "Form B").
    Without a PD, the Excel file has every DPA line the user may see, streamed."""
    k = _konteks(request)
    pd = k.perangkat_daerah
    if pd is None and access.is_operator(request.user):
        pd = request.user.perangkat_daerah
    judul = "Detail Perangkat Daerah"
    if pd is None and excel.diminta(request):
        kop = k.kop("Seluruh DPA sub kegiatan", "dpa-semua")
        return excel.dpa_semua(kop, k.periode, k.dpa).response()
    context = k.as_dict(judul, pd=pd)
    if pd is not None:
        nodes, total = reports.detail_pd(k.periode, k.dpa.filter(perangkat_daerah=pd))
        if excel.diminta(request):
            kop = k.kop(judul, "detail-pd", perangkat_daerah=pd)
            return excel.detail_pd(kop, pd, nodes, total).response()
        context.update(nodes=nodes, total=total)
    else:
        context["pilihan_pd"] = access.perangkat_daerah_for(request.user).order_by("kode")
    return render(request, "laporan/detail_pd.html", context)


@require_GET
@login_required
def kurva_s(request):
    """Report 5: Kurva S, fisik and keuangan, with last year's line."""
    k = _konteks(request)
    kurva = reports.kurva_s(k.periode, k.dpa)
    if excel.diminta(request):
        return excel.kurva_s(k.kop("Kurva S", "kurva-s"), kurva).response()
    return render(
        request,
        "laporan/kurva_s.html",
        k.as_dict(
            "Kurva S",
            kurva=kurva,
            kurva_fisik=charts.kurva_s_svg(kurva, "fisik"),
            kurva_keuangan=charts.kurva_s_svg(kurva, "keuangan"),
            bulan_kurva=list(zip(range(1, 13), kurva.sekarang, kurva.tahun_lalu, strict=True)),
        ),
    )


@require_GET
@login_required
def kendala(request):
    """Report 6: reported obstacles and what the PD will do."""
    k = _konteks(request)
    rows = reports.kendala(k.periode, k.dpa)
    rekomendasi = reports.rekomendasi(k.periode, access.perangkat_daerah_for(request.user))
    if k.perangkat_daerah is not None:
        rekomendasi = rekomendasi.filter(perangkat_daerah=k.perangkat_daerah)
    judul = "Kendala dan tindak lanjut"
    if excel.diminta(request):
        return excel.kendala(k.kop(judul, "kendala"), rows, rekomendasi).response()
    return render(
        request,
        "laporan/kendala.html",
        k.as_dict(judul, baris=rows, rekomendasi=rekomendasi),
    )


@require_GET
@login_required
def kepatuhan(request):
    """Report 7: which PD have not yet submitted the month."""
    k = _konteks(request)
    pds = access.perangkat_daerah_for(request.user)
    if k.perangkat_daerah is not None:
        pds = pds.filter(pk=k.perangkat_daerah.pk)
    rows = reports.kepatuhan(k.periode, k.dpa, pds)
    belum = sum(1 for row in rows if not row.sudah_lapor)
    judul = "Kepatuhan pelaporan"
    if excel.diminta(request):
        keterangan = (
            f"{belum} dari {len(rows)} Perangkat Daerah belum menyampaikan seluruh realisasi "
            f"{k.periode}."
        )
        kop = k.kop(judul, "kepatuhan", keterangan=keterangan)
        return excel.kepatuhan(kop, rows).response()
    return render(
        request,
        "laporan/kepatuhan.html",
        k.as_dict(judul, baris=rows, jumlah_belum=belum),
    )


@require_GET
@login_required
def pengadaan(request):
    """Report 8: procurement packages per stage, per PD."""
    k = _konteks(request)
    rows, total = reports.progres_pengadaan(k.periode, k.dpa)
    judul = "Progres pengadaan"
    if excel.diminta(request):
        return excel.pengadaan(k.kop(judul, "pengadaan"), rows, total).response()
    return render(
        request,
        "laporan/pengadaan.html",
        k.as_dict(judul, baris=rows, total=total),
    )
