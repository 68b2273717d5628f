"""The frozen record of a finalised Rakor: everything its page and its Excel pack show, taken at
finalisation and read back into the structures the live page uses, so a finalised Rakor shows
exactly what it showed then, whatever is corrected later.

The figures are ``AngkaRakor`` rows: the sums of the pemda, each PD, each sumber dana and each DPA
line (this year and last), and the Kurva S of the pemda and of each PD (every month of both
years; an operator reads their PD's). The rest is ``Rakor.isi_beku``: the pemda's and every PD's
name, the status-colour rules, the Rakor's recommendations and the earlier ones carried over with
their status at the time, and — when the Rakor is finalised again — the headline of the previous
final record. Procurement is ``Rakor.pengadaan_beku``.

A Rakor finalised before SiPOK froze the curve and the rest has no ``isi_beku``: its figures still
come from its rows, its curve is not shown (it cannot be recomputed honestly) and the page says so.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from kegiatan.models import DPA, SumberDana
from laporan import figures, reports
from laporan import format as fmt
from laporan.figures import GROUP_SUMS, Angka, Headline
from laporan.models import AmbangTriwulan, AturanWarna
from laporan.periode import Periode
from laporan.warna import Pewarna
from perangkat_daerah.models import Pemda, PerangkatDaerah
from realisasi.models import Realisasi

from .models import AngkaRakor, Rakor, Rekomendasi

T = AngkaRakor.Tingkat
SUM_FIELDS = tuple(GROUP_SUMS)  # pagu, pagu_x_target_fisik, pagu_x_fisik, target_keuangan, keuangan
ISI_VERSI = 1  # the shape of Rakor.isi_beku

_ATURAN_FIELDS = ("gaya", "indikator", "batas_hijau", "batas_kuning")
_AMBANG_FIELDS = ("hijau_tua", "hijau_muda", "kuning", "merah_muda")


# --- Taking the snapshot -----------------------------------------------------------------------


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


def _figure_rows(rakor: Rakor, periode: Periode) -> list[AngkaRakor]:
    """Pemda, per PD and per sumber dana for the quarter's last month of this year and last year,
    and per DPA line of this year with its kendala and solusi."""
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
    return rows


def _curve_rows(rakor: Rakor, periode: Periode) -> list[AngkaRakor]:
    """The Kurva S the page draws (``reports.kurva_s``, as the live page calls it): the pemda's,
    and each PD's, for its operator."""
    groups = [("", "Pemda", DPA.objects.all())]
    pds = (
        PerangkatDaerah.objects.filter(dpa__tahun__in=(periode.tahun, periode.tahun - 1))
        .distinct()
        .order_by("kode")
    )
    groups += [(pd.kode, pd.nama, DPA.objects.filter(perangkat_daerah=pd)) for pd in pds]
    rows = []
    for kunci, label, dpa in groups:
        kurva = reports.kurva_s(periode, dpa)
        for angka in (*kurva.sekarang, *kurva.tahun_lalu):
            rows.append(
                _row(
                    rakor, T.KURVA, angka.periode, kunci, label, angka, perangkat_daerah_kode=kunci
                )
            )
    return rows


def _sums_json(row) -> dict:
    return {} if row is None else {name: str(getattr(row, name)) for name in SUM_FIELDS}


def _previous_headline(rakor: Rakor) -> dict | None:
    """The headline of the Rakor's previous final record, while its rows are still there (a
    Rakor reopened and finalised again); None at its first finalisation."""
    rows = {row.tahun: row for row in AngkaRakor.objects.filter(rakor=rakor, tingkat=T.PEMDA)}
    if not rows:
        return None
    return {
        "difinalkan_pada": rakor.difinalkan_pada.isoformat() if rakor.difinalkan_pada else None,
        "sekarang": _sums_json(rows.get(rakor.tahun)),
        "tahun_lalu": _sums_json(rows.get(rakor.tahun - 1)),
    }


def _pewarna_json(pewarna: Pewarna) -> dict:
    aturan = {name: str(getattr(pewarna.aturan, name)) for name in _ATURAN_FIELDS}
    ambang = None
    if pewarna.ambang is not None:
        ambang = {name: str(getattr(pewarna.ambang, name)) for name in _AMBANG_FIELDS}
        ambang["triwulan"] = pewarna.ambang.triwulan
    return {"aturan": aturan, "ambang": ambang}


def _rekomendasi_json(item: Rekomendasi) -> dict:
    return {
        "pk": item.pk,
        "rakor": [item.rakor.tahun, item.rakor.triwulan],
        "perangkat_daerah": item.perangkat_daerah.kode,
        "isi": item.isi,
        "batas_waktu": item.batas_waktu.isoformat(),
        "status": item.status,
        "tindak_lanjut": item.tindak_lanjut,
    }


def freeze(rakor: Rakor) -> None:
    """Compute and store everything the Rakor shows: its figures and curves as AngkaRakor rows
    (replacing those of an earlier finalisation, whose headline is kept), the rest on
    ``rakor.isi_beku``, which the caller saves with the Rakor."""
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    previous = _previous_headline(rakor)
    rows = _figure_rows(rakor, periode) + _curve_rows(rakor, periode)
    AngkaRakor.objects.filter(rakor=rakor).delete()
    AngkaRakor.objects.bulk_create(rows, batch_size=500)
    rakor.isi_beku = {
        "versi": ISI_VERSI,
        "pemda": Pemda.current().nama,
        "perangkat_daerah": {
            pd.kode: {"nama": pd.nama, "singkatan": pd.singkatan}
            for pd in PerangkatDaerah.objects.order_by("kode")
        },
        "warna": _pewarna_json(Pewarna.for_bulan(periode.bulan)),
        "rekomendasi": [
            _rekomendasi_json(item) for item in rakor.rekomendasi.select_related("perangkat_daerah")
        ],
        "terbawa": [_rekomendasi_json(item) for item in Rekomendasi.objects.terbuka_sebelum(rakor)],
        "sebelumnya": previous,
    }


# --- What the page shows ----------------------------------------------------------------------

# The headline figures compared with the previous final record: (year, label, Angka attribute,
# kind). The kind decides how the figure is shown, and a figure has changed when what is shown
# has (a difference below a hundredth of a percent, or a Rupiah, is no change to a reader).
RINGKASAN = (
    ("sekarang", "Pagu berlaku", "pagu", "rupiah"),
    ("sekarang", "Target fisik", "target_fisik", "persen"),
    ("sekarang", "Realisasi fisik", "fisik", "persen"),
    ("sekarang", "Deviasi fisik", "deviasi_fisik", "deviasi"),
    ("sekarang", "Target keuangan", "target_keuangan", "rupiah"),
    ("sekarang", "Target keuangan", "target_keuangan_persen", "persen"),
    ("sekarang", "Realisasi keuangan", "keuangan", "rupiah"),
    ("sekarang", "Realisasi keuangan", "keuangan_persen", "persen"),
    ("sekarang", "Deviasi keuangan", "deviasi_keuangan", "deviasi"),
    ("sekarang", "Sisa anggaran", "sisa_anggaran", "rupiah"),
    ("sekarang", "Sisa anggaran", "sisa_anggaran_persen", "persen"),
    ("tahun_lalu", "Pagu berlaku", "pagu", "rupiah"),
    ("tahun_lalu", "Realisasi fisik", "fisik", "persen"),
    ("tahun_lalu", "Realisasi keuangan", "keuangan", "rupiah"),
    ("tahun_lalu", "Realisasi keuangan", "keuangan_persen", "persen"),
)
_SATUAN = {"rupiah": "Rp", "persen": "%", "deviasi": "poin"}
_TAMPIL = {"rupiah": fmt.rupiah, "persen": fmt.persen, "deviasi": fmt.deviasi}


@dataclass(frozen=True)
class PerubahanAngka:
    """One headline figure in the previous final record and in this one."""

    uraian: str
    jenis: str  # rupiah, persen or deviasi
    sebelumnya: Decimal | None
    sekarang: Decimal | None

    @property
    def teks_sebelumnya(self) -> str:
        return _TAMPIL[self.jenis](self.sebelumnya)

    @property
    def teks_sekarang(self) -> str:
        return _TAMPIL[self.jenis](self.sekarang)

    @property
    def berubah(self) -> bool:
        return self.teks_sebelumnya != self.teks_sekarang


@dataclass
class Materi:
    """What the Rakor page and its Excel pack show: live for a draft Rakor, frozen for a
    finalised one. ``perangkat_daerah`` is the reader's PD (an operator's), or None."""

    periode: Periode
    headline: Headline
    rekap_pd: reports.Rekap
    rekap_sumber_dana: reports.Rekap
    baris_dpa: list  # AngkaRakor-like rows with kendala, for the PD furthest behind
    beku: bool
    kurva: reports.KurvaS | None = None  # None: finalised before SiPOK froze the curve
    pengadaan_baris: list | None = None
    pengadaan_total: dict | None = None
    rekomendasi: list | None = None
    terbawa: list | None = None
    perangkat_daerah: PerangkatDaerah | None = None
    lengkap: bool = True  # False: finalised before SiPOK froze the curve and the rest
    sebelumnya: Headline | None = None  # the previous final record's headline
    sebelumnya_pada: datetime.datetime | None = None

    @property
    def perubahan(self) -> list[PerubahanAngka]:
        """The headline figures of the previous final record against this one's."""
        if self.sebelumnya is None:
            return []
        lalu = self.periode.tahun_lalu
        rows = []
        for tahun, label, attribute, jenis in RINGKASAN:
            suffix = f" {lalu}" if tahun == "tahun_lalu" else ""
            rows.append(
                PerubahanAngka(
                    uraian=f"{label}{suffix} ({_SATUAN[jenis]})",
                    jenis=jenis,
                    sebelumnya=getattr(getattr(self.sebelumnya, tahun), attribute),
                    sekarang=getattr(getattr(self.headline, tahun), attribute),
                )
            )
        return rows

    @property
    def jumlah_berubah(self) -> int:
        return sum(1 for row in self.perubahan if row.berubah)


def _angka(periode, row) -> Angka:
    return Angka(periode=periode, **{name: getattr(row, name) for name in SUM_FIELDS})


def _pewarna(data: dict) -> Pewarna:
    """The colour rules in force at finalisation (unsaved copies)."""
    rules = data["aturan"]
    aturan = AturanWarna(
        gaya=rules["gaya"],
        indikator=rules["indikator"],
        batas_hijau=Decimal(rules["batas_hijau"]),
        batas_kuning=Decimal(rules["batas_kuning"]),
    )
    ambang = None
    if data["ambang"] is not None:
        ambang = AmbangTriwulan(
            triwulan=data["ambang"]["triwulan"],
            **{name: Decimal(data["ambang"][name]) for name in _AMBANG_FIELDS},
        )
    return Pewarna(aturan, ambang)


def _frozen_pds(isi: dict) -> dict[str, PerangkatDaerah]:
    """The PD as they were named at finalisation (unsaved copies: names only)."""
    return {
        kode: PerangkatDaerah(kode=kode, nama=pd["nama"], singkatan=pd["singkatan"])
        for kode, pd in isi["perangkat_daerah"].items()
    }


def _frozen_rekomendasi(data: dict, pds: dict, rakor: Rakor | None = None) -> Rekomendasi:
    """A recommendation as it stood at finalisation (unsaved; its pk links to its follow-up)."""
    tahun, triwulan = data["rakor"]
    kode = data["perangkat_daerah"]
    return Rekomendasi(
        pk=data["pk"],
        rakor=rakor or Rakor(tahun=tahun, triwulan=triwulan),
        perangkat_daerah=pds.get(kode) or PerangkatDaerah(kode=kode, nama=kode, singkatan=kode),
        isi=data["isi"],
        batas_waktu=datetime.date.fromisoformat(data["batas_waktu"]),
        status=data["status"],
        tindak_lanjut=data["tindak_lanjut"],
    )


def _live_rekomendasi(rakor: Rakor) -> tuple[list, list]:
    """The Rakor's recommendations and the open ones of earlier Rakor, as they stand now."""
    return (
        list(rakor.rekomendasi.select_related("perangkat_daerah")),
        list(Rekomendasi.objects.terbuka_sebelum(rakor)),
    )


def _frozen_curve(rakor: Rakor, periode: Periode, kunci: str) -> reports.KurvaS:
    """The frozen Kurva S of the pemda (``kunci`` "") or of one PD (its code; a PD without lines
    has an empty curve, as it had live)."""
    rows = {
        (row.tahun, row.bulan): row
        for row in AngkaRakor.objects.filter(rakor=rakor, tingkat=T.KURVA, kunci=kunci)
    }

    def series(tahun):
        months = []
        for bulan in range(1, 13):
            p, row = Periode(tahun, bulan), rows.get((tahun, bulan))
            months.append(Angka.from_sums(p, {}) if row is None else _angka(p, row))
        return months

    return reports.KurvaS(
        tahun=periode.tahun,
        sampai_bulan=periode.bulan,
        sekarang=series(periode.tahun),
        tahun_lalu=series(periode.tahun - 1),
    )


def _headline_of(periode: Periode, pemda: str, data: dict) -> Headline:
    return Headline(
        pemda=pemda,
        sekarang=Angka.from_sums(periode, data["sekarang"]),
        tahun_lalu=Angka.from_sums(periode.tahun_lalu, data["tahun_lalu"]),
    )


def materi_beku(rakor: Rakor, pemda_nama: str, *, perangkat_daerah=None) -> Materi:
    """The frozen material of a finalised Rakor, for the pemda or for ``perangkat_daerah`` (an
    operator's PD: its curve and its name as frozen). ``pemda_nama`` names the pemda only on a
    Rakor finalised before its names were frozen."""
    periode = Periode(rakor.tahun, rakor.bulan_akhir)
    isi = rakor.isi_beku
    pewarna = _pewarna(isi["warna"]) if isi else None
    if isi:
        pemda_nama = isi["pemda"]
    grouped: dict = {}
    lines = []
    for row in AngkaRakor.objects.filter(rakor=rakor).exclude(tingkat__in=(T.DPA, T.KURVA)):
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
    if isi:
        pds = _frozen_pds(isi)
        kurva = _frozen_curve(rakor, periode, perangkat_daerah.kode if perangkat_daerah else "")
        rekomendasi = [_frozen_rekomendasi(data, pds, rakor) for data in isi["rekomendasi"]]
        terbawa = [_frozen_rekomendasi(data, pds) for data in isi["terbawa"]]
        if perangkat_daerah is not None:
            perangkat_daerah = pds.get(perangkat_daerah.kode, perangkat_daerah)
    else:
        kurva = None
        rekomendasi, terbawa = _live_rekomendasi(rakor)
    if rakor.pengadaan_beku:
        pengadaan_baris = rakor.pengadaan_beku["baris"]
        pengadaan_total = rakor.pengadaan_beku["total"]
    else:
        pengadaan_baris, pengadaan_total = reports.progres_pengadaan(periode, DPA.objects.all())
    previous = (isi or {}).get("sebelumnya")
    return Materi(
        periode=periode,
        headline=Headline(pemda=pemda_nama, sekarang=pemda_now, tahun_lalu=pemda_last),
        rekap_pd=reports.rekap_pd_from(
            periode,
            group(T.PD, periode.tahun),
            group(T.PD, periode.tahun - 1),
            reports.total_baris(pemda_now, pemda_last, "Total pemda"),
            names(T.PD),
            pewarna,
        ),
        rekap_sumber_dana=reports.rekap_sumber_dana_from(
            periode,
            group(T.SUMBER_DANA, periode.tahun),
            group(T.SUMBER_DANA, periode.tahun - 1),
            reports.total_baris(pemda_now, pemda_last),
            {k: (label, "") for k, label in names(T.SUMBER_DANA).items()},
            pewarna,
        ),
        baris_dpa=lines,
        beku=True,
        kurva=kurva,
        pengadaan_baris=pengadaan_baris,
        pengadaan_total=pengadaan_total,
        rekomendasi=rekomendasi,
        terbawa=terbawa,
        perangkat_daerah=perangkat_daerah,
        lengkap=isi is not None,
        sebelumnya=_headline_of(periode, pemda_nama, previous) if previous else None,
        sebelumnya_pada=(
            datetime.datetime.fromisoformat(previous["difinalkan_pada"])
            if previous and previous["difinalkan_pada"]
            else None
        ),
    )


def materi_langsung(rakor: Rakor, pemda_nama: str, *, perangkat_daerah=None) -> Materi:
    """The same material computed now from the live data; the Kurva S of ``perangkat_daerah``'s
    lines (an operator's PD) or of the pemda's."""
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
    curve_lines = dpa if perangkat_daerah is None else dpa.filter(perangkat_daerah=perangkat_daerah)
    pengadaan_baris, pengadaan_total = reports.progres_pengadaan(periode, dpa)
    rekomendasi, terbawa = _live_rekomendasi(rakor)
    return Materi(
        periode=periode,
        headline=figures.headline(periode, pemda_nama, dpa),
        rekap_pd=reports.rekap_per_pd(periode, dpa),
        rekap_sumber_dana=reports.rekap_per_sumber_dana(periode, dpa),
        baris_dpa=lines,
        beku=False,
        kurva=reports.kurva_s(periode, curve_lines),
        pengadaan_baris=pengadaan_baris,
        pengadaan_total=pengadaan_total,
        rekomendasi=rekomendasi,
        terbawa=terbawa,
        perangkat_daerah=perangkat_daerah,
    )
