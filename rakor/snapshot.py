"""The frozen record of a finalised Rakor: taken from the report module at finalisation, read back
into the same report structures, so a finalised Rakor shows its figures exactly as they were."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from kegiatan.models import DPA, SumberDana
from laporan import figures, reports
from laporan.figures import GROUP_SUMS, Angka, Headline
from laporan.periode import Periode
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

from .models import AngkaRakor, Rakor

T = AngkaRakor.Tingkat
SUM_FIELDS = tuple(GROUP_SUMS)  # pagu, pagu_x_target_fisik, pagu_x_fisik, target_keuangan, keuangan


def _row(rakor, tingkat, periode, kunci, label, angka: Angka, **extra) -> AngkaRakor:
    return AngkaRakor(
        rakor=rakor,
        tingkat=tingkat,
        tahun=periode.tahun,
        bulan=periode.bulan,
        kunci=kunci,
        label=label[:400],
        **{name: getattr(angka, name) for name in SUM_FIELDS},
        **extra,
    )


def freeze(rakor: Rakor) -> list[AngkaRakor]:
    """Compute and store every figure the Rakor shows: pemda, per PD and per sumber dana for the
    quarter's last month of this year and last year, and per DPA line of this year."""
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    dpa = DPA.objects.all()
    rows = []
    for p in (periode, periode.tahun_lalu):
        rows.append(_row(rakor, T.PEMDA, p, "", "Pemda", figures.angka_pemda(p, dpa)))
        by_pd = figures.angka_per(p, "perangkat_daerah__kode", dpa)
        names = dict(PerangkatDaerah.objects.filter(kode__in=by_pd).values_list("kode", "nama"))
        for kode, angka in by_pd.items():
            rows.append(
                _row(rakor, T.PD, p, kode, names.get(kode, kode), angka, perangkat_daerah_kode=kode)
            )
        by_source = figures.angka_per(p, "sumber_dana__kode", dpa)
        sources = {
            sd.kode: sd for sd in SumberDana.objects.filter(kode__in=by_source).only("kode", "nama")
        }
        for kode, angka in by_source.items():
            rows.append(_row(rakor, T.SUMBER_DANA, p, kode, sources[kode].nama, angka))
    this_month = Realisasi.objects.terlapor().filter(dpa=OuterRef("pk"), bulan=periode.bulan)
    lines = (
        figures.with_line_figures(dpa, periode)
        .select_related("perangkat_daerah", "sub_kegiatan", "sumber_dana")
        .annotate(
            kendala_bulan=Subquery(this_month.values("kendala")[:1]),
            solusi_bulan=Subquery(this_month.values("solusi")[:1]),
        )
    )
    for line in lines:
        rows.append(
            _row(
                rakor,
                T.DPA,
                periode,
                str(line.pk),
                f"{line.sub_kegiatan.kode} {line.nama_sub_kegiatan} ({line.sumber_dana.nama})",
                figures.angka_line(periode, line),
                perangkat_daerah_kode=line.perangkat_daerah.kode,
                dpa=line,
                fisik_dilaporkan=line.fisik_bulan,
                kendala=line.kendala_bulan or "",
                solusi=line.solusi_bulan or "",
            )
        )
    AngkaRakor.objects.filter(rakor=rakor).delete()
    return AngkaRakor.objects.bulk_create(rows, batch_size=500)


@dataclass
class Materi:
    """What the Rakor page shows: live for a draft Rakor, frozen for a finalised one."""

    periode: Periode
    headline: Headline
    rekap_pd: reports.Rekap
    rekap_sumber_dana: reports.Rekap
    baris_dpa: list  # AngkaRakor-like rows with kendala, for the PD furthest behind
    beku: bool


def _angka(periode, row) -> Angka:
    return Angka(periode=periode, **{name: getattr(row, name) for name in SUM_FIELDS})


def materi_beku(rakor: Rakor, pemda_nama: str) -> Materi:
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    grouped: dict = {}
    lines = []
    for row in AngkaRakor.objects.filter(rakor=rakor).exclude(tingkat=T.DPA):
        p = periode if row.tahun == periode.tahun else periode.tahun_lalu
        grouped.setdefault((row.tingkat, row.tahun), {})[row.kunci] = (_angka(p, row), row.label)
    for row in AngkaRakor.objects.filter(rakor=rakor, tingkat=T.DPA).exclude(kendala=""):
        row.angka = _angka(periode, row)
        lines.append(row)

    def group(tingkat, tahun):
        return {k: angka for k, (angka, _) in grouped.get((tingkat, tahun), {}).items()}

    def names(tingkat):
        found = {}
        for tahun in (periode.tahun, periode.tahun - 1):
            found.update({k: label for k, (_, label) in grouped.get((tingkat, tahun), {}).items()})
        return found

    empty = Angka.from_sums(periode, {})
    pemda_now = group(T.PEMDA, periode.tahun).get("", empty)
    pemda_last = group(T.PEMDA, periode.tahun - 1).get("", Angka.from_sums(periode.tahun_lalu, {}))
    return Materi(
        periode=periode,
        headline=Headline(pemda=pemda_nama, sekarang=pemda_now, tahun_lalu=pemda_last),
        rekap_pd=reports.rekap_pd_from(
            periode,
            group(T.PD, periode.tahun),
            group(T.PD, periode.tahun - 1),
            reports.total_baris(pemda_now, pemda_last, "Total pemda"),
            names(T.PD),
        ),
        rekap_sumber_dana=reports.rekap_sumber_dana_from(
            periode,
            group(T.SUMBER_DANA, periode.tahun),
            group(T.SUMBER_DANA, periode.tahun - 1),
            reports.total_baris(pemda_now, pemda_last),
            {k: (label, "") for k, label in names(T.SUMBER_DANA).items()},
        ),
        baris_dpa=lines,
        beku=True,
    )


def materi_langsung(rakor: Rakor, pemda_nama: str) -> Materi:
    """The same material computed now from the live data."""
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    dpa = DPA.objects.all()
    lines = []
    for line in reports.kendala(periode, dpa):
        line.angka = figures.angka_line(periode, line)
        line.perangkat_daerah_kode = line.perangkat_daerah.kode
        line.label = f"{line.sub_kegiatan.kode} {line.nama_sub_kegiatan} ({line.sumber_dana.nama})"
        line.kendala = line.kendala_bulan
        line.solusi = line.solusi_bulan
        line.fisik_dilaporkan = line.fisik_bulan
        lines.append(line)
    return Materi(
        periode=periode,
        headline=figures.headline(periode, pemda_nama, dpa),
        rekap_pd=reports.rekap_per_pd(periode, dpa),
        rekap_sumber_dana=reports.rekap_per_sumber_dana(periode, dpa),
        baris_dpa=lines,
        beku=False,
    )
