"""Every figure of SiPOK, computed in one place (DESIGN.md, "Figures and how they are computed").

For one DPA line i at month m: the pagu in force at the end of m, the RKO's cumulative target fisik,
the latest reported cumulative fisik at or before m, and the cumulative planned and disbursed money.
For a group the fisik figures are weighted by pagu and the money figures are sums. All of it is
aggregated in the database; Python only divides the group's sums. The sums' rows are kept in
``laporan.cache`` while the data they come from is unchanged.
"""

import contextlib
import decimal
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import DecimalField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from kegiatan.models import DPA, RKO, ZERO, RiwayatPagu, akhir_bulan
from realisasi.models import Realisasi

from . import cache
from .periode import Periode

MONEY = DecimalField(max_digits=18, decimal_places=2)
PERCENT = DecimalField(max_digits=5, decimal_places=2)
WEIGHTED = DecimalField(max_digits=24, decimal_places=4)
HUNDRED = Decimal("100")


def _sum_of(queryset, field):
    """A correlated subquery: the sum of ``field`` over ``queryset`` rows of the outer DPA line."""
    return Subquery(
        queryset.filter(dpa=OuterRef("pk"))
        .order_by()
        .values("dpa")
        .annotate(total=Sum(field))
        .values("total")[:1],
        output_field=MONEY,
    )


def with_line_figures(dpa_queryset, periode: Periode):
    """Annotate each DPA line of ``periode.tahun`` with its figures at the end of ``periode.bulan``:

    ``pagu_bulan``, ``target_fisik_bulan``, ``fisik_bulan``, ``target_keuangan_kumulatif``,
    ``keuangan_kumulatif``.
    """
    tahun, bulan = periode.tahun, periode.bulan
    pagu = Subquery(
        RiwayatPagu.objects.filter(
            dpa=OuterRef("pk"), tanggal_berlaku__lte=akhir_bulan(tahun, bulan)
        )
        .order_by("-tanggal_berlaku")
        .values("pagu")[:1],
        output_field=MONEY,
    )
    target_fisik = Subquery(
        RKO.objects.filter(dpa=OuterRef("pk"), bulan=bulan).order_by().values("target_fisik")[:1],
        output_field=PERCENT,
    )
    fisik = Subquery(
        Realisasi.objects.terlapor()
        .filter(dpa=OuterRef("pk"), bulan__lte=bulan)
        .order_by("-bulan")
        .values("realisasi_fisik")[:1],
        output_field=PERCENT,
    )
    zero_money = Value(ZERO, output_field=MONEY)
    zero_percent = Value(ZERO, output_field=PERCENT)
    return dpa_queryset.filter(tahun=tahun).annotate(
        pagu_bulan=Coalesce(pagu, zero_money),
        target_fisik_bulan=Coalesce(target_fisik, zero_percent),
        fisik_bulan=Coalesce(fisik, zero_percent),
        target_keuangan_kumulatif=Coalesce(
            _sum_of(RKO.objects.filter(bulan__lte=bulan), "target_keuangan"), zero_money
        ),
        keuangan_kumulatif=Coalesce(
            _sum_of(Realisasi.objects.terlapor().filter(bulan__lte=bulan), "realisasi_keuangan"),
            zero_money,
        ),
    )


GROUP_SUMS = {
    "pagu": Sum("pagu_bulan", output_field=MONEY),
    # The products are written out here, not annotated per line: Django drops an annotation that
    # refers to other annotations when it wraps them for an aggregate.
    "pagu_x_target_fisik": Sum(F("pagu_bulan") * F("target_fisik_bulan"), output_field=WEIGHTED),
    "pagu_x_fisik": Sum(F("pagu_bulan") * F("fisik_bulan"), output_field=WEIGHTED),
    "target_keuangan": Sum("target_keuangan_kumulatif", output_field=MONEY),
    "keuangan": Sum("keuangan_kumulatif", output_field=MONEY),
}


def _decimal(value) -> Decimal:
    if value is None:
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class Angka:
    """The figures of one group (a line, a PD, a sumber dana, the pemda) at one month.

    Percentages are exact Decimals; round them only for display.
    """

    periode: Periode
    pagu: Decimal
    pagu_x_target_fisik: Decimal
    pagu_x_fisik: Decimal
    target_keuangan: Decimal
    keuangan: Decimal

    @classmethod
    def from_sums(cls, periode: Periode, sums: dict) -> "Angka":
        return cls(periode=periode, **{key: _decimal(sums.get(key)) for key in GROUP_SUMS})

    def _of_pagu(self, amount: Decimal) -> Decimal | None:
        return amount / self.pagu if self.pagu else None

    @property
    def target_fisik(self) -> Decimal | None:
        return self._of_pagu(self.pagu_x_target_fisik)

    @property
    def fisik(self) -> Decimal | None:
        return self._of_pagu(self.pagu_x_fisik)

    @property
    def target_keuangan_persen(self) -> Decimal | None:
        return self._of_pagu(HUNDRED * self.target_keuangan)

    @property
    def keuangan_persen(self) -> Decimal | None:
        return self._of_pagu(HUNDRED * self.keuangan)

    @property
    def deviasi_fisik(self) -> Decimal | None:
        if self.fisik is None:
            return None
        return self.fisik - self.target_fisik

    @property
    def deviasi_keuangan(self) -> Decimal | None:
        if self.keuangan_persen is None:
            return None
        return self.keuangan_persen - self.target_keuangan_persen

    @property
    def sisa_anggaran(self) -> Decimal:
        return self.pagu - self.keuangan

    @property
    def sisa_anggaran_persen(self) -> Decimal | None:
        return self._of_pagu(HUNDRED * self.sisa_anggaran)

    @property
    def fisik_tercapai(self) -> bool | None:
        if self.fisik is None:
            return None
        return self.fisik >= self.target_fisik


def _sums(periode: Periode, dpa_queryset, key: str | None = None) -> list[dict]:
    """The ``GROUP_SUMS`` of the lines of ``dpa_queryset`` at ``periode``, per value of ``key``
    (a field path) or of all of them, in one query.

    The lines' figures are ``with_line_figures``'s own query; the sums are taken over it as a
    derived table. (Summing the annotations directly, as ``aggregate`` does, repeats the pagu
    lookup inside each of the three sums that use it.) The fence (``OFFSET 0`` / ``LIMIT -1``)
    keeps the database from merging the derived table back into the sums.
    """
    columns = {f"_{name}": F(field) for name, field in _LINE_FIGURES.items()}
    if key is not None:
        columns = {"_kunci": F(key), **columns}
    lines = with_line_figures(dpa_queryset, periode).order_by().values(**columns)
    try:
        lines_sql, params = lines.query.sql_with_params()
    except EmptyResultSet:  # e.g. DPA.objects.none()
        return [] if key is not None else [{}]
    fence = "OFFSET 0" if connection.vendor == "postgresql" else "LIMIT -1"
    sql = f"""
        SELECT {"_kunci, " if key is not None else ""}SUM(_pagu),
            SUM(_pagu * _target_fisik), SUM(_pagu * _fisik),
            SUM(_target_keuangan), SUM(_keuangan)
        FROM ({lines_sql} {fence}) lines
        {"GROUP BY _kunci ORDER BY _kunci" if key is not None else ""}
    """
    rows = _rows(periode.tahun, sql, params)
    if key is None:
        return [dict(zip(GROUP_SUMS, map(_from_db, rows[0]), strict=True))]
    return [
        {key: row[0], **dict(zip(GROUP_SUMS, map(_from_db, row[1:]), strict=True))} for row in rows
    ]


# The per-line annotations of with_line_figures that the group sums use.
_LINE_FIGURES = {
    "pagu": "pagu_bulan",
    "target_fisik": "target_fisik_bulan",
    "fisik": "fisik_bulan",
    "target_keuangan": "target_keuangan_kumulatif",
    "keuangan": "keuangan_kumulatif",
}


def angka_pemda(periode: Periode, dpa_queryset=None) -> Angka:
    """The figures of the lines in ``dpa_queryset`` (default: the whole pemda) at ``periode``."""
    if dpa_queryset is None:
        dpa_queryset = DPA.objects.all()
    return Angka.from_sums(periode, _sums(periode, dpa_queryset)[0])


@dataclass(frozen=True)
class Headline:
    """The sentence read out at the Rakor: this period against target and against last year."""

    pemda: str
    sekarang: Angka
    tahun_lalu: Angka

    @property
    def fisik_vs_tahun_lalu(self) -> Decimal | None:
        if self.sekarang.fisik is None or self.tahun_lalu.fisik is None:
            return None
        return self.sekarang.fisik - self.tahun_lalu.fisik

    @property
    def keuangan_vs_tahun_lalu(self) -> Decimal | None:
        if self.sekarang.keuangan_persen is None or self.tahun_lalu.keuangan_persen is None:
            return None
        return self.sekarang.keuangan_persen - self.tahun_lalu.keuangan_persen


def headline(periode: Periode, pemda: str, dpa_queryset=None) -> Headline:
    return Headline(
        pemda=pemda,
        sekarang=angka_pemda(periode, dpa_queryset),
        tahun_lalu=angka_pemda(periode.tahun_lalu, dpa_queryset),
    )


def angka_per(periode: Periode, key: str, dpa_queryset=None) -> dict:
    """The figures of each group of lines sharing ``key`` (a field path such as
    ``"perangkat_daerah__kode"`` or ``"sumber_dana"``), in one aggregate query."""
    if dpa_queryset is None:
        dpa_queryset = DPA.objects.all()
    return {row[key]: Angka.from_sums(periode, row) for row in _sums(periode, dpa_queryset, key)}


def angka_line(periode: Periode, line) -> Angka:
    """The figures of one line annotated by ``with_line_figures`` (a product of one row's values,
    not an aggregation)."""
    return Angka(
        periode=periode,
        pagu=_decimal(line.pagu_bulan),
        pagu_x_target_fisik=_decimal(line.pagu_bulan) * _decimal(line.target_fisik_bulan),
        pagu_x_fisik=_decimal(line.pagu_bulan) * _decimal(line.fisik_bulan),
        target_keuangan=_decimal(line.target_keuangan_kumulatif),
        keuangan=_decimal(line.keuangan_kumulatif),
    )


def bobot(part: Angka, whole: Angka) -> Decimal | None:
    """A part's weight in its group, in % of the group's pagu."""
    return HUNDRED * part.pagu / whole.pagu if whole.pagu else None


def fisik_tertimbang(part: Angka, whole: Angka) -> Decimal | None:
    """TTB: the part's fisik times its weight; the parts' TTB add up to the group's fisik."""
    weight = bobot(part, whole)
    if weight is None or part.fisik is None:
        return ZERO if weight is not None else None
    return part.fisik * weight / HUNDRED


def kurva_s(tahun: int, dpa_queryset=None, sampai_bulan: int = 12) -> list[Angka]:
    """The pemda's (or the queryset's) figures at the end of each month 1..``sampai_bulan``: the
    same figures as ``angka_pemda`` of each month, in one query for the whole year.

    Every line × month, in SQL: the pagu in force at the end of the month, the month's RKO target
    fisik, the cumulative planned and disbursed money as running sums, and the fisik of the latest
    reported month so far; summed per month. (Twelve ``angka_pemda`` cost twelve passes over the
    year's lines; this is one.)
    """
    if dpa_queryset is None:
        dpa_queryset = DPA.objects.all()
    months = list(range(1, sampai_bulan + 1))
    try:
        lines_sql, lines_params = (
            dpa_queryset.filter(tahun=tahun).order_by().values("pk").query.sql_with_params()
        )
    except EmptyResultSet:  # e.g. DPA.objects.none(): no line, no figure
        return [Angka.from_sums(Periode(tahun, bulan), {}) for bulan in months]
    t = _tables()
    sql = f"""
        WITH bulan_akhir (bulan, akhir) AS (VALUES {", ".join(["(%s, %s)"] * len(months))}),
        grid AS (
            SELECT d.id AS dpa_id, b.bulan,
                COALESCE((
                    SELECT rp.pagu FROM {t.riwayat} rp
                    WHERE rp.dpa_id = d.id AND rp.tanggal_berlaku <= b.akhir
                    ORDER BY rp.tanggal_berlaku DESC LIMIT 1
                ), 0) AS pagu,
                COALESCE(r.target_fisik, 0) AS target_fisik,
                SUM(COALESCE(r.target_keuangan, 0)) OVER w AS target_keuangan,
                SUM(CASE WHEN x.status IN (%s, %s) THEN x.realisasi_keuangan ELSE 0 END)
                    OVER w AS keuangan,
                MAX(CASE WHEN x.status IN (%s, %s) THEN b.bulan END) OVER w AS bulan_fisik
            FROM {t.dpa} d
            CROSS JOIN bulan_akhir b
            LEFT JOIN {t.rko} r ON (r.dpa_id = d.id AND r.bulan = b.bulan)
            LEFT JOIN {t.realisasi} x ON (x.dpa_id = d.id AND x.bulan = b.bulan)
            WHERE d.id IN ({lines_sql})
            WINDOW w AS (PARTITION BY d.id ORDER BY b.bulan ROWS UNBOUNDED PRECEDING)
        )
        SELECT g.bulan, SUM(g.pagu), SUM(g.pagu * g.target_fisik),
            SUM(g.pagu * COALESCE(f.realisasi_fisik, 0)), SUM(g.target_keuangan), SUM(g.keuangan)
        FROM grid g
        LEFT JOIN {t.realisasi} f ON (f.dpa_id = g.dpa_id AND f.bulan = g.bulan_fisik)
        GROUP BY g.bulan
    """
    params = [value for bulan in months for value in (bulan, akhir_bulan(tahun, bulan))]
    params += [*Realisasi.STATUS_TERLAPOR, *Realisasi.STATUS_TERLAPOR, *lines_params]
    # PostgreSQL's JIT (on by default) would compile this query for far longer (~1 s) than it
    # runs (~0.1 s).
    by_month = {row[0]: row[1:] for row in _rows(tahun, sql, params, jit=False)}
    kurva = []
    for bulan in months:
        row = by_month.get(bulan)
        sums = {} if row is None else dict(zip(GROUP_SUMS, map(_from_db, row), strict=True))
        kurva.append(Angka.from_sums(Periode(tahun, bulan), sums))
    return kurva


def _rows(tahun: int, sql: str, params, *, jit: bool = True) -> list[tuple]:
    """The rows of a query over ``tahun``'s figures, from ``laporan.cache`` while its data is
    unchanged. ``jit=False`` turns PostgreSQL's JIT off for this query's transaction only."""

    def run():
        scope = contextlib.nullcontext() if jit else transaction.atomic()
        with scope, connection.cursor() as cursor:
            if not jit and connection.vendor == "postgresql":
                cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)
            return cursor.fetchall()

    return cache.rows(tahun, sql, params, run)


@dataclass(frozen=True)
class _Tables:
    dpa: str
    riwayat: str
    rko: str
    realisasi: str


def _tables() -> _Tables:
    quote = connection.ops.quote_name
    return _Tables(
        dpa=quote(DPA._meta.db_table),
        riwayat=quote(RiwayatPagu._meta.db_table),
        rko=quote(RKO._meta.db_table),
        realisasi=quote(Realisasi._meta.db_table),
    )


_SQLITE_DECIMAL = decimal.Context(prec=15).create_decimal_from_float


def _from_db(value):
    """A sum as the ORM gives it for a DecimalField aggregate: PostgreSQL answers Decimals;
    SQLite answers floats (or ints), of which Django keeps 15 significant digits."""
    if value is None or isinstance(value, Decimal):
        return value
    return _SQLITE_DECIMAL(value)
