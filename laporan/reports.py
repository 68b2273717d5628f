"""The reports of DESIGN.md ("Reports"), as data: the screen, the print layout and the Excel files
all render what these functions return, so the same figure is the same everywhere.

Each function takes the lines a user may see (``akun.access.dpa_for``), already narrowed by the
report's filters, and a period; every figure comes from ``laporan.figures``.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, Max, OuterRef, Q, Subquery, Sum

from kegiatan.models import DPA, SumberDana
from pengadaan.models import PaketPengadaan
from perangkat_daerah.models import PerangkatDaerah
from realisasi.models import Realisasi

from . import figures
from .figures import Angka
from .periode import Periode
from .warna import Pewarna, Warna


@dataclass
class Baris:
    """One row of a rekap: a group's figures now and a year before, its weight in the whole."""

    kode: str
    label: str
    sekarang: Angka
    tahun_lalu: Angka | None = None
    bobot: Decimal | None = None
    ttb: Decimal | None = None
    warna: Warna | None = None
    peringkat: int | None = None
    objek: object = None

    @property
    def fisik_vs_tahun_lalu(self) -> Decimal | None:
        if self.tahun_lalu is None or self.sekarang.fisik is None or self.tahun_lalu.fisik is None:
            return None
        return self.sekarang.fisik - self.tahun_lalu.fisik


@dataclass
class Rekap:
    periode: Periode
    baris: list[Baris]
    total: Baris


def _empty(periode: Periode) -> Angka:
    return Angka.from_sums(periode, {})


def _rows(periode, keys, now, last, labels, objects, total_now, pewarna) -> list[Baris]:
    rows = []
    for key in keys:
        angka = now.get(key) or _empty(periode)
        rows.append(
            Baris(
                kode=str(key),
                label=labels.get(key, str(key)),
                sekarang=angka,
                tahun_lalu=last.get(key),
                bobot=figures.bobot(angka, total_now),
                ttb=figures.fisik_tertimbang(angka, total_now),
                warna=pewarna.warna(angka) if key in now else None,
                objek=objects.get(key),
            )
        )
    return rows


def _rank(rows: list[Baris]) -> None:
    """Rank 1 is the highest realisation fisik; rows without figures are not ranked."""
    ranked = sorted(
        (row for row in rows if row.sekarang.fisik is not None),
        key=lambda row: (-row.sekarang.fisik, -(row.sekarang.keuangan_persen or 0)),
    )
    for position, row in enumerate(ranked, start=1):
        row.peringkat = position


def total_baris(now: Angka, last: Angka | None, label: str = "Total") -> Baris:
    return Baris(
        kode="",
        label=label,
        sekarang=now,
        tahun_lalu=last,
        bobot=Decimal(100) if now.pagu else None,
        ttb=now.fisik,
    )


def _sum(periode: Periode, groups: dict) -> Angka:
    """The figures of the lines of all ``groups`` together, from the groups' sums (each line is
    in exactly one group): the same as ``figures.angka_pemda`` of those lines, without passing
    over them again."""
    return Angka(
        periode=periode,
        **{
            name: sum((getattr(angka, name) for angka in groups.values()), Decimal(0))
            for name in figures.GROUP_SUMS
        },
    )


def headline(subject: str, total: Baris) -> figures.Headline:
    """The headline of a report's lines from its total row (now and last year), which is already
    the sum of the rows: the same figures as ``figures.headline`` of those lines."""
    return figures.Headline(pemda=subject, sekarang=total.sekarang, tahun_lalu=total.tahun_lalu)


def _total_of(periode, now: dict, last: dict, label="Total") -> Baris:
    return total_baris(_sum(periode, now), _sum(periode.tahun_lalu, last), label)


def rekap_pd_from(
    periode: Periode, now: dict, last: dict, total: Baris, pds: dict, pewarna: Pewarna | None = None
) -> Rekap:
    """The per-PD rekap of groups already computed (live, or frozen in a Rakor): ``now`` and
    ``last`` map a PD code to its figures, ``pds`` a PD code to the PD (or its name). The colours
    follow ``pewarna`` (a frozen Rakor's rules), by default the rules in force now."""
    pewarna = pewarna or Pewarna.for_bulan(periode.bulan)
    labels = {kode: getattr(pd, "nama", pd) for kode, pd in pds.items()}
    objects = {kode: pd for kode, pd in pds.items() if isinstance(pd, PerangkatDaerah)}
    keys = sorted(set(now) | set(last))
    rows = _rows(periode, keys, now, last, labels, objects, total.sekarang, pewarna)
    _rank(rows)
    total.warna = pewarna.warna(total.sekarang)
    return Rekap(periode, rows, total)


def rekap_per_pd(periode: Periode, dpa_queryset) -> Rekap:
    """Report 2: a row per PD (matched across years by its code): weight, TTB, colour, rank."""
    key = "perangkat_daerah__kode"
    now = figures.angka_per(periode, key, dpa_queryset)
    last = figures.angka_per(periode.tahun_lalu, key, dpa_queryset)
    pds = {pd.kode: pd for pd in PerangkatDaerah.objects.filter(kode__in=set(now) | set(last))}
    return rekap_pd_from(periode, now, last, _total_of(periode, now, last, "Total pemda"), pds)


def rekap_sumber_dana_from(
    periode: Periode,
    now: dict,
    last: dict,
    total: Baris,
    sources: dict,
    pewarna: Pewarna | None = None,
) -> Rekap:
    """The per-sumber-dana rekap of groups already computed; ``sources`` maps a code to the
    SumberDana (or to a (name, kelompok) pair). Coloured as ``rekap_pd_from``."""
    order = {value: index for index, value in enumerate(SumberDana.Kelompok.values)}

    def describe(kode):
        source = sources.get(kode)
        if isinstance(source, SumberDana):
            return source.nama, source.kelompok
        return source or (kode, "")

    keys = sorted(set(now) | set(last), key=lambda kode: (order.get(describe(kode)[1], 99), kode))
    labels = {kode: describe(kode)[0] for kode in keys}
    objects = {kode: src for kode, src in sources.items() if isinstance(src, SumberDana)}
    pewarna = pewarna or Pewarna.for_bulan(periode.bulan)
    rows = _rows(periode, keys, now, last, labels, objects, total.sekarang, pewarna)
    return Rekap(periode, rows, total)


def rekap_per_sumber_dana(periode: Periode, dpa_queryset) -> Rekap:
    """Report 3: one row per sumber dana, ordered by group (APBD, DAK, Bantuan Keuangan, …)."""
    key = "sumber_dana__kode"
    now = figures.angka_per(periode, key, dpa_queryset)
    last = figures.angka_per(periode.tahun_lalu, key, dpa_queryset)
    sources = {sd.kode: sd for sd in SumberDana.objects.filter(kode__in=set(now) | set(last))}
    return rekap_sumber_dana_from(periode, now, last, _total_of(periode, now, last), sources)


# --- Report 4: detail PD -----------------------------------------------------------------------


@dataclass
class Node:
    """A program or kegiatan with its subtotal, and what sits under it."""

    kode: str
    nama: str
    angka: Angka
    bobot: Decimal | None
    ttb: Decimal | None
    anak: list = field(default_factory=list)


@dataclass
class BarisDPA:
    dpa: DPA
    angka: Angka
    fisik_dilaporkan: Decimal
    bobot: Decimal | None
    ttb: Decimal | None
    warna: Warna | None
    kendala: str
    solusi: str
    status: str | None

    @property
    def tercapai(self) -> bool | None:
        return self.angka.fisik_tercapai


def detail_pd(periode: Periode, dpa_queryset) -> tuple[list[Node], Baris]:
    """Report 4: program → kegiatan → sub kegiatan with subtotals, kendala and solusi."""
    programs = figures.angka_per(periode, "sub_kegiatan__kegiatan__program__kode", dpa_queryset)
    total = total_baris(
        _sum(periode, programs), figures.angka_pemda(periode.tahun_lalu, dpa_queryset), "Total"
    )
    whole = total.sekarang
    pewarna = Pewarna.for_bulan(periode.bulan)
    kegiatan = figures.angka_per(periode, "sub_kegiatan__kegiatan__kode", dpa_queryset)
    this_month = Realisasi.objects.filter(dpa=OuterRef("pk"), bulan=periode.bulan)
    lines = (
        figures.with_line_figures(dpa_queryset, periode)
        .select_related("sub_kegiatan__kegiatan__program", "sumber_dana", "perangkat_daerah")
        .annotate(
            kendala_bulan=Subquery(this_month.values("kendala")[:1]),
            solusi_bulan=Subquery(this_month.values("solusi")[:1]),
            status_bulan=Subquery(this_month.values("status")[:1]),
        )
        .order_by("sub_kegiatan__kode", "sumber_dana__kode")
    )
    tree: dict[str, Node] = {}
    kegiatan_nodes: dict[str, Node] = {}
    for line in lines:
        keg = line.sub_kegiatan.kegiatan
        prog = keg.program
        if prog.kode not in tree:
            angka = programs.get(prog.kode) or _empty(periode)
            tree[prog.kode] = Node(
                prog.kode,
                prog.nama,
                angka,
                figures.bobot(angka, whole),
                figures.fisik_tertimbang(angka, whole),
            )
        if keg.kode not in kegiatan_nodes:
            angka = kegiatan.get(keg.kode) or _empty(periode)
            node = Node(
                keg.kode,
                keg.nama,
                angka,
                figures.bobot(angka, whole),
                figures.fisik_tertimbang(angka, whole),
            )
            kegiatan_nodes[keg.kode] = node
            tree[prog.kode].anak.append(node)
        angka = figures.angka_line(periode, line)
        kegiatan_nodes[keg.kode].anak.append(
            BarisDPA(
                dpa=line,
                angka=angka,
                fisik_dilaporkan=line.fisik_bulan,
                bobot=figures.bobot(angka, whole),
                ttb=figures.fisik_tertimbang(angka, whole),
                warna=pewarna.warna(angka),
                kendala=line.kendala_bulan or "",
                solusi=line.solusi_bulan or "",
                status=line.status_bulan,
            )
        )
    return list(tree.values()), total


# --- Report 5: Kurva S ------------------------------------------------------------------------


@dataclass
class KurvaS:
    tahun: int
    sampai_bulan: int
    sekarang: list[Angka]
    tahun_lalu: list[Angka]


def kurva_s(periode: Periode, dpa_queryset) -> KurvaS:
    """Report 5: cumulative target and realisation per month, this year up to the period's month
    and the whole of last year."""
    return KurvaS(
        tahun=periode.tahun,
        sampai_bulan=periode.bulan,
        sekarang=figures.kurva_s(periode.tahun, dpa_queryset),
        tahun_lalu=figures.kurva_s(periode.tahun - 1, dpa_queryset),
    )


# --- Report 6: kendala dan tindak lanjut ------------------------------------------------------


def kendala(periode: Periode, dpa_queryset):
    """Report 6: every obstacle reported for the month, with the line's figures."""
    reported = Realisasi.objects.terlapor().filter(dpa=OuterRef("pk"), bulan=periode.bulan)
    return (
        figures.with_line_figures(dpa_queryset, periode)
        .annotate(
            kendala_bulan=Subquery(reported.values("kendala")[:1]),
            solusi_bulan=Subquery(reported.values("solusi")[:1]),
        )
        .filter(kendala_bulan__gt="")
        .annotate(
            deviasi=ExpressionWrapper(
                F("fisik_bulan") - F("target_fisik_bulan"), output_field=figures.PERCENT
            )
        )
        .select_related("perangkat_daerah", "sub_kegiatan", "sumber_dana")
        .order_by("perangkat_daerah__kode", "sub_kegiatan__kode", "sumber_dana__kode")
    )


def rekomendasi(periode: Periode, perangkat_daerah_queryset):
    """Report 6, second part: the Rakor recommendations of the year up to the period, with the
    status of their follow-up."""
    from rakor.models import Rekomendasi

    return (
        Rekomendasi.objects.filter(
            rakor__tahun=periode.tahun,
            rakor__triwulan__lte=periode.triwulan,
            perangkat_daerah__in=perangkat_daerah_queryset,
        )
        .select_related("rakor", "perangkat_daerah")
        .order_by("rakor__triwulan", "perangkat_daerah__kode", "pk")
    )


# --- Report 7: kepatuhan pelaporan ------------------------------------------------------------


@dataclass
class Kepatuhan:
    perangkat_daerah: PerangkatDaerah
    jumlah_dpa: int
    draft: int
    diajukan: int
    diverifikasi: int
    dikembalikan: int
    terakhir_diajukan: object

    @property
    def belum_diisi(self) -> int:
        return self.jumlah_dpa - self.draft - self.diajukan - self.diverifikasi - self.dikembalikan

    @property
    def sudah_lapor(self) -> bool:
        return self.jumlah_dpa > 0 and self.diajukan + self.diverifikasi == self.jumlah_dpa


def kepatuhan(periode: Periode, dpa_queryset, perangkat_daerah_queryset) -> list[Kepatuhan]:
    """Report 7: per PD, how many of its lines have been reported for the month, in what state.

    Two small aggregates (the year's lines per PD; the month's rows per PD and status) rather than
    one over PD × lines × every month's rows."""
    lines = dpa_queryset.filter(tahun=periode.tahun).order_by()
    jumlah_dpa = dict(
        lines.values("perangkat_daerah")
        .annotate(n=Count("pk"))
        .values_list("perangkat_daerah", "n")
    )
    per_status: dict[int, dict[str, int]] = {}
    terakhir: dict[int, object] = {}
    # From the lines to their row of the month (the index on realisasi (dpa, bulan)), not from
    # every row of the month to its line.
    month = (
        lines.filter(realisasi__bulan=periode.bulan)
        .values("perangkat_daerah", "realisasi__status")
        .annotate(n=Count("realisasi"), terakhir=Max("realisasi__diajukan_pada"))
    )
    for row in month:
        pd = row["perangkat_daerah"]
        per_status.setdefault(pd, {})[row["realisasi__status"]] = row["n"]
        if row["terakhir"] is not None:
            terakhir[pd] = max(row["terakhir"], terakhir.get(pd, row["terakhir"]))
    rows = []
    for pd in perangkat_daerah_queryset.filter(pk__in=list(jumlah_dpa)).order_by("kode"):
        counts = per_status.get(pd.pk, {})
        rows.append(
            Kepatuhan(
                perangkat_daerah=pd,
                jumlah_dpa=jumlah_dpa[pd.pk],
                draft=counts.get(Realisasi.Status.DRAFT, 0),
                diajukan=counts.get(Realisasi.Status.DIAJUKAN, 0),
                diverifikasi=counts.get(Realisasi.Status.DIVERIFIKASI, 0),
                dikembalikan=counts.get(Realisasi.Status.DIKEMBALIKAN, 0),
                terakhir_diajukan=terakhir.get(pd.pk),
            )
        )
    return rows


# --- Report 8: progres pengadaan --------------------------------------------------------------


def progres_pengadaan(periode: Periode, dpa_queryset):
    """Report 8: packages per stage, per PD, with their HPS and contract values."""
    stages = PaketPengadaan.Tahap
    base = PaketPengadaan.objects.filter(dpa__in=dpa_queryset.filter(tahun=periode.tahun))
    per_pd = (
        base.order_by()
        .values("dpa__perangkat_daerah__kode", "dpa__perangkat_daerah__nama")
        .annotate(
            jumlah=Count("pk"),
            hps=Sum("hps"),
            nilai_kontrak=Sum("nilai_kontrak"),
            **{f"tahap_{value}": Count("pk", filter=Q(tahap=value)) for value in stages.values},
        )
        .order_by("dpa__perangkat_daerah__kode")
    )
    rows = list(per_pd)
    # The total is the sum of the PD rows (each package is in exactly one), not another query.
    total = {"jumlah": 0, "hps": None, "nilai_kontrak": None}
    total.update({f"tahap_{value}": 0 for value in stages.values})
    for row in rows:
        for name in total:
            if row[name] is not None:
                total[name] = (total[name] or 0) + row[name]
    return rows, total
