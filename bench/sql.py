"""The plain SQL each report's figures need, written by hand: what the database itself must do for
the page, without Django, templates or Python arithmetic. ``bench/run.py`` times it next to the page
and prints page ÷ SQL.

Portable (SQLite and PostgreSQL): per DPA line of a year, the pagu in force at the end of the
month (latest ``RiwayatPagu`` on or before it), the RKO's target fisik of the month, the latest
reported fisik, and the cumulative planned and disbursed money; then sums per group. The group
totals (pemda, all sumber dana) are the sums of the groups and are not queried again. The Kurva S
is one query per year over every line × month. On PostgreSQL the statements run with JIT off, as
``laporan.figures`` does for its Kurva S (JIT compiles these for longer than they run).
Every value put into the SQL comes from the code (years, months, primary keys), never from a user.
"""

import datetime

from kegiatan.models import akhir_bulan

TERLAPOR = "('diajukan', 'diverifikasi')"
KUNCI = {
    "pd": "pd.kode",
    "sumber_dana": "sd.kode",
    "program": "prog.kode",
    "kegiatan": "keg.kode",
    "pemda": "'pemda'",
}


def _tanggal(vendor: str, tanggal: datetime.date) -> str:
    iso = tanggal.isoformat()
    return f"DATE '{iso}'" if vendor == "postgresql" else f"'{iso}'"


def baris(vendor: str, tahun: int, bulan: int, where: str = "") -> str:
    """One row per DPA line of ``tahun`` with its figures at the end of ``bulan``: one indexed
    lookup per figure and line (measured faster on both engines than joining grouped derived
    tables), each evaluated once (the fence keeps the database from inlining them into every sum
    that uses them)."""
    tahun, bulan = int(tahun), int(bulan)
    akhir = _tanggal(vendor, akhir_bulan(tahun, bulan))
    fence = "OFFSET 0" if vendor == "postgresql" else "LIMIT -1"
    return f"""
        SELECT d.id AS dpa_id, d.perangkat_daerah_id, d.sumber_dana_id, d.sub_kegiatan_id,
            COALESCE((
                SELECT rp.pagu FROM kegiatan_riwayatpagu rp
                WHERE rp.dpa_id = d.id AND rp.tanggal_berlaku <= {akhir}
                ORDER BY rp.tanggal_berlaku DESC LIMIT 1
            ), 0) AS pagu,
            COALESCE((
                SELECT r.target_fisik FROM kegiatan_rko r
                WHERE r.dpa_id = d.id AND r.bulan = {bulan}
            ), 0) AS target_fisik,
            COALESCE((
                SELECT x.realisasi_fisik FROM realisasi_realisasi x
                WHERE x.dpa_id = d.id AND x.bulan <= {bulan} AND x.status IN {TERLAPOR}
                ORDER BY x.bulan DESC LIMIT 1
            ), 0) AS fisik,
            COALESCE((
                SELECT SUM(r.target_keuangan) FROM kegiatan_rko r
                WHERE r.dpa_id = d.id AND r.bulan <= {bulan}
            ), 0) AS target_keu,
            COALESCE((
                SELECT SUM(x.realisasi_keuangan) FROM realisasi_realisasi x
                WHERE x.dpa_id = d.id AND x.bulan <= {bulan} AND x.status IN {TERLAPOR}
            ), 0) AS keu
        FROM kegiatan_dpa d
        WHERE d.tahun = {tahun} {where}
        {fence}
    """


def angka_per(vendor: str, tahun: int, bulan: int, kunci: str, where: str = "") -> str:
    """The group sums per ``kunci`` (a key of ``KUNCI``): pagu, pagu × target fisik, pagu ×
    fisik, target keuangan, keuangan."""
    group = "" if kunci == "pemda" else f"GROUP BY {KUNCI[kunci]} ORDER BY 1"
    return f"""
        SELECT {KUNCI[kunci]} AS kunci, SUM(b.pagu), SUM(b.pagu * b.target_fisik),
            SUM(b.pagu * b.fisik), SUM(b.target_keu), SUM(b.keu)
        FROM ({baris(vendor, tahun, bulan, where)}) b
        JOIN perangkat_daerah_perangkatdaerah pd ON pd.id = b.perangkat_daerah_id
        JOIN kegiatan_sumberdana sd ON sd.id = b.sumber_dana_id
        JOIN kegiatan_subkegiatan sub ON sub.id = b.sub_kegiatan_id
        JOIN kegiatan_kegiatan keg ON keg.id = sub.kegiatan_id
        JOIN kegiatan_program prog ON prog.id = keg.program_id
        {group}
    """


def kurva_s(vendor: str, tahun: int, where: str = "") -> str:
    """The pemda's sums at the end of each month 1–12 of ``tahun``, in one query: every line ×
    month, the pagu then in force, cumulative money by window sums, and the fisik of the latest
    reported month so far."""
    tahun = int(tahun)
    bulan = ", ".join(f"({m}, {_tanggal(vendor, akhir_bulan(tahun, m))})" for m in range(1, 13))
    return f"""
        WITH m (bulan, akhir) AS (VALUES {bulan}),
        g AS (
            SELECT d.id AS dpa_id, m.bulan,
                (SELECT rp.pagu FROM kegiatan_riwayatpagu rp
                 WHERE rp.dpa_id = d.id AND rp.tanggal_berlaku <= m.akhir
                 ORDER BY rp.tanggal_berlaku DESC LIMIT 1) AS pagu,
                r.target_fisik,
                SUM(r.target_keuangan) OVER w AS target_keu,
                SUM(CASE WHEN x.status IN {TERLAPOR} THEN x.realisasi_keuangan END) OVER w AS keu,
                MAX(CASE WHEN x.status IN {TERLAPOR} THEN m.bulan END) OVER w AS bulan_fisik
            FROM kegiatan_dpa d CROSS JOIN m
            LEFT JOIN kegiatan_rko r ON r.dpa_id = d.id AND r.bulan = m.bulan
            LEFT JOIN realisasi_realisasi x ON x.dpa_id = d.id AND x.bulan = m.bulan
            WHERE d.tahun = {tahun} {where}
            WINDOW w AS (PARTITION BY d.id ORDER BY m.bulan)
        )
        SELECT g.bulan, SUM(COALESCE(g.pagu, 0)),
            SUM(COALESCE(g.pagu, 0) * COALESCE(g.target_fisik, 0)),
            SUM(COALESCE(g.pagu, 0) * COALESCE(f.realisasi_fisik, 0)),
            SUM(COALESCE(g.target_keu, 0)), SUM(COALESCE(g.keu, 0))
        FROM g LEFT JOIN realisasi_realisasi f ON f.dpa_id = g.dpa_id AND f.bulan = g.bulan_fisik
        GROUP BY g.bulan
        ORDER BY g.bulan
    """


def detail_pd(vendor: str, tahun: int, bulan: int, pd: int) -> str:
    """Report 4's lines with their nomenclature and the month's kendala, solusi and status."""
    return f"""
        SELECT prog.kode, prog.nama, keg.kode, keg.nama, sub.kode, d.nama_sub_kegiatan, sd.kode,
            d.lokasi, b.pagu, b.target_fisik, b.fisik, b.target_keu, b.keu,
            re.kendala, re.solusi, re.status
        FROM ({baris(vendor, tahun, bulan, f"AND d.perangkat_daerah_id = {int(pd)}")}) b
        JOIN kegiatan_dpa d ON d.id = b.dpa_id
        JOIN kegiatan_sumberdana sd ON sd.id = b.sumber_dana_id
        JOIN kegiatan_subkegiatan sub ON sub.id = b.sub_kegiatan_id
        JOIN kegiatan_kegiatan keg ON keg.id = sub.kegiatan_id
        JOIN kegiatan_program prog ON prog.id = keg.program_id
        LEFT JOIN realisasi_realisasi re ON re.dpa_id = b.dpa_id AND re.bulan = {int(bulan)}
        ORDER BY sub.kode, sd.kode
    """


def kendala(vendor: str, tahun: int, bulan: int) -> str:
    """Report 6: the lines with a reported kendala this month, with their figures."""
    return f"""
        SELECT pd.kode, sub.kode, sd.kode, d.nama_sub_kegiatan, b.pagu, b.target_fisik, b.fisik,
            b.fisik - b.target_fisik, b.keu, re.kendala, re.solusi
        FROM ({baris(vendor, tahun, bulan)}) b
        JOIN realisasi_realisasi re ON re.dpa_id = b.dpa_id AND re.bulan = {int(bulan)}
            AND re.status IN {TERLAPOR} AND re.kendala > ''
        JOIN kegiatan_dpa d ON d.id = b.dpa_id
        JOIN perangkat_daerah_perangkatdaerah pd ON pd.id = b.perangkat_daerah_id
        JOIN kegiatan_sumberdana sd ON sd.id = b.sumber_dana_id
        JOIN kegiatan_subkegiatan sub ON sub.id = b.sub_kegiatan_id
        ORDER BY pd.kode, sub.kode, sd.kode
    """


def kepatuhan(tahun: int, bulan: int) -> str:
    """Report 7: per PD, its lines and how many of them are in each state this month."""
    return f"""
        SELECT pd.kode, COUNT(DISTINCT d.id),
            SUM(CASE WHEN r.status = 'draft' THEN 1 ELSE 0 END),
            SUM(CASE WHEN r.status = 'diajukan' THEN 1 ELSE 0 END),
            SUM(CASE WHEN r.status = 'diverifikasi' THEN 1 ELSE 0 END),
            SUM(CASE WHEN r.status = 'dikembalikan' THEN 1 ELSE 0 END),
            MAX(r.diajukan_pada)
        FROM perangkat_daerah_perangkatdaerah pd
        JOIN kegiatan_dpa d ON d.perangkat_daerah_id = pd.id AND d.tahun = {int(tahun)}
        LEFT JOIN realisasi_realisasi r ON r.dpa_id = d.id AND r.bulan = {int(bulan)}
        GROUP BY pd.kode
        ORDER BY pd.kode
    """


def pengadaan(tahun: int, tahap: list[str]) -> str:
    """Report 8: packages per PD and stage, with HPS and contract values."""
    per_tahap = ", ".join(
        f"SUM(CASE WHEN p.tahap = '{t}' THEN 1 ELSE 0 END)" for t in tahap if t.isidentifier()
    )
    return f"""
        SELECT pd.kode, pd.nama, COUNT(*), SUM(p.hps), SUM(p.nilai_kontrak), {per_tahap}
        FROM pengadaan_paketpengadaan p
        JOIN kegiatan_dpa d ON d.id = p.dpa_id AND d.tahun = {int(tahun)}
        JOIN perangkat_daerah_perangkatdaerah pd ON pd.id = d.perangkat_daerah_id
        GROUP BY pd.kode, pd.nama
        ORDER BY pd.kode
    """


def untuk_laporan(vendor: str, nama: str, tahun: int, bulan: int, **kw) -> list[str]:
    """The statements one report needs (``nama`` as in ``bench.measure.LAPORAN``)."""
    lalu = tahun - 1
    if nama in ("rekap-pemda", "rekap-sumber-dana"):
        return [angka_per(vendor, t, bulan, "sumber_dana") for t in (tahun, lalu)]
    if nama == "rekap-pd":
        return [angka_per(vendor, t, bulan, "pd") for t in (tahun, lalu)]
    if nama == "detail-pd":
        where = f"AND d.perangkat_daerah_id = {int(kw['pd'])}"
        return [
            detail_pd(vendor, tahun, bulan, kw["pd"]),
            angka_per(vendor, lalu, bulan, "pemda", where),
        ]
    if nama == "kurva-s":
        return [kurva_s(vendor, t) for t in (tahun, lalu)]
    if nama == "kendala":
        return [kendala(vendor, tahun, bulan)]
    if nama == "kepatuhan":
        return [kepatuhan(tahun, bulan)]
    if nama == "pengadaan":
        return [pengadaan(tahun, kw["tahap"])]
    if nama == "beranda":
        return [angka_per(vendor, t, bulan, "pd") for t in (tahun, lalu)] + [
            kurva_s(vendor, t) for t in (tahun, lalu)
        ]
    if nama == "beranda-operator":
        where = f"AND d.perangkat_daerah_id = {int(kw['pd'])}"
        return [
            detail_pd(vendor, tahun, bulan, kw["pd"]),
            angka_per(vendor, lalu, bulan, "pemda", where),
            kurva_s(vendor, tahun, where),
            kurva_s(vendor, lalu, where),
        ]
    raise KeyError(nama)
