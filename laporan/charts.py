"""Kurva S as SVG coordinates, drawn by the template: no JavaScript, no CDN, prints as it shows."""

import math
from dataclasses import dataclass

from . import format as fmt
from .reports import KurvaS

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 36


def _x(bulan: int) -> float:
    return LEFT + (bulan - 1) * (WIDTH - LEFT - RIGHT) / 11


def _y(percent, top: float = 100) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - float(percent) / top)


@dataclass(frozen=True)
class Garis:
    nama: str
    kelas: str
    titik: str  # "x,y x,y …" for <polyline points>
    nilai: list  # (x, y, label) for the markers' tooltips


def _garis(nama, kelas, values, top) -> Garis | None:
    points = [(bulan, value) for bulan, value in values if value is not None]
    if not points:
        return None
    return Garis(
        nama=nama,
        kelas=kelas,
        titik=" ".join(f"{_x(b):.1f},{_y(v, top):.1f}" for b, v in points),
        nilai=[
            (f"{_x(b):.1f}", f"{_y(v, top):.1f}", f"{fmt.nama_bulan(b)}: {fmt.persen(v)}")
            for b, v in points
        ],
    )


def kurva_s_svg(kurva: KurvaS, jenis: str = "fisik") -> dict:
    """The lines of one Kurva S chart (``jenis`` fisik or keuangan) and its axes."""
    if jenis == "fisik":
        target = [(i + 1, a.target_fisik) for i, a in enumerate(kurva.sekarang)]
        real = [(i + 1, a.fisik) for i, a in enumerate(kurva.sekarang[: kurva.sampai_bulan])]
        last = [(i + 1, a.fisik) for i, a in enumerate(kurva.tahun_lalu)]
    else:
        target = [(i + 1, a.target_keuangan_persen) for i, a in enumerate(kurva.sekarang)]
        real = [
            (i + 1, a.keuangan_persen) for i, a in enumerate(kurva.sekarang[: kurva.sampai_bulan])
        ]
        last = [(i + 1, a.keuangan_persen) for i, a in enumerate(kurva.tahun_lalu)]
    # The scale reaches 100%, or further when a series does (money planned above a cut pagu).
    highest = max([100] + [float(v) for _, v in target + real + last if v is not None])
    top = 100 if highest <= 100 else 20 * math.ceil(highest / 20)
    lines = [
        _garis(f"Target {kurva.tahun}", "target", target, top),
        _garis(f"Realisasi {kurva.tahun}", "realisasi", real, top),
        _garis(f"Realisasi {kurva.tahun - 1}", "tahun-lalu", last, top),
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "lines": [line for line in lines if line],
        "grid": [{"y": f"{_y(p, top):.1f}", "label": f"{p}%"} for p in range(0, top + 1, 20)],
        "months": [{"x": f"{_x(b):.1f}", "label": fmt.nama_bulan(b)[:3]} for b in range(1, 13)],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
    }
