"""The codes of the national nomenclature (Permendagri 90/2019 and its updates).

    program        1.02.02
    kegiatan       1.02.02.2.01
    sub kegiatan   1.02.02.2.01.01     (before 2023: 2 final digits)
                   1.02.02.2.01.0001   (from 2023: 4 final digits)

The first digit is the urusan, the next two the bidang urusan, then the program; in a kegiatan
code the single digit after the program is the level (1 provinsi, 2 kabupaten/kota).
"""

import re

from django.core.exceptions import ValidationError

PROGRAM_RE = re.compile(r"^[1-9]\.\d{2}\.\d{2}$")
KEGIATAN_RE = re.compile(r"^(?P<program>[1-9]\.\d{2}\.\d{2})\.[12]\.\d{2}$")
SUB_KEGIATAN_RE = re.compile(r"^(?P<kegiatan>[1-9]\.\d{2}\.\d{2}\.[12]\.\d{2})\.(\d{4}|\d{2})$")


def validate_kode_program(kode: str) -> None:
    if not PROGRAM_RE.match(kode or ""):
        raise ValidationError(
            "Kode program harus berbentuk U.BB.PP (mis. 1.02.02).", code="kode_program"
        )


def validate_kode_kegiatan(kode: str) -> None:
    if not KEGIATAN_RE.match(kode or ""):
        raise ValidationError(
            "Kode kegiatan harus berbentuk U.BB.PP.L.KK (mis. 1.02.02.2.01).",
            code="kode_kegiatan",
        )


def validate_kode_sub_kegiatan(kode: str) -> None:
    if not SUB_KEGIATAN_RE.match(kode or ""):
        raise ValidationError(
            "Kode sub kegiatan harus berbentuk U.BB.PP.L.KK.SS atau U.BB.PP.L.KK.SSSS "
            "(mis. 1.02.02.2.01.0001).",
            code="kode_sub_kegiatan",
        )


def parent_kode(kode: str) -> str:
    """The code one level up: sub kegiatan -> kegiatan -> program."""
    for pattern, group in ((SUB_KEGIATAN_RE, "kegiatan"), (KEGIATAN_RE, "program")):
        match = pattern.match(kode)
        if match:
            return match.group(group)
    raise ValueError(f"{kode!r} has no parent code")
