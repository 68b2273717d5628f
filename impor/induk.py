"""The master data an import names by code — its Perangkat Daerah, sub kegiatan and sumber dana —
looked up once per file (three queries), with an error on every cell whose code is not there.

Both the check of a file that has cell errors (its codes are read from every row, those with
errors too, so the unknown ones are listed in the same upload) and the plans of ``impor.dpa`` and
``impor.sp2d`` go through ``cari_induk``: one rule, one message per code.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from kegiatan.models import SubKegiatan, SumberDana
from perangkat_daerah.models import PerangkatDaerah

from .parsers import Galat, SelKode

SARAN_NOMENKLATUR = {
    "dpa": " Impor tidak membuat nomenklatur baru: tambahkan sub kegiatan lewat Data induk lebih "
    "dulu.",
    "sp2d": "",
}


_MODEL = {  # kunci -> (Induk's field, model)
    "kode_pd": ("pd", PerangkatDaerah),
    "kode_sub_kegiatan": ("sub_kegiatan", SubKegiatan),
    "kode_sumber_dana": ("sumber_dana", SumberDana),
}


@dataclass
class Induk:
    """The master data the file's codes name (code -> object) and the errors of those missing."""

    pd: dict[str, PerangkatDaerah] = field(default_factory=dict)
    sub_kegiatan: dict[str, SubKegiatan] = field(default_factory=dict)
    sumber_dana: dict[str, SumberDana] = field(default_factory=dict)
    galat: list[Galat] = field(default_factory=list)


def cari_induk(sel: Iterable[SelKode], *, jenis: str) -> Induk:
    """Look up every code of ``sel`` (from ``parsers.sel_kode`` or ``Bacaan.kode``); each cell
    whose code is not in the master data gets an error. ``jenis``: "dpa" or "sp2d"."""
    sel = list(sel)
    wanted = {kunci: {s.kode for s in sel if s.kunci == kunci} for kunci in _MODEL}
    induk = Induk(
        **{
            name: {obj.kode: obj for obj in model.objects.filter(kode__in=wanted[kunci])}
            for kunci, (name, model) in _MODEL.items()
        }
    )
    for item in sel:
        if item.kode not in getattr(induk, _MODEL[item.kunci][0]):
            induk.galat.append(item.galat(_pesan(item, jenis)))
    return induk


def _pesan(item: SelKode, jenis: str) -> str:
    if item.kunci == "kode_pd":
        return f"Kode PD “{item.kode}” tidak ada di data induk Perangkat Daerah."
    if item.kunci == "kode_sub_kegiatan":
        return (
            f"Kode sub kegiatan “{item.kode}” tidak ada di data induk nomenklatur."
            + SARAN_NOMENKLATUR[jenis]
        )
    return f"Kode sumber dana “{item.kode}” tidak ada di data induk sumber dana."
