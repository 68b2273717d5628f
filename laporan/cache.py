"""The report figures' cache: the rows of a figure query, kept under the state of the data they were
computed from.

Every figure of a year depends only on rows whose changes replace that year's token in
``VersiAngka`` (or the token of every year, 0), by database triggers (migration 0002). A cache key
is the query, its parameters, the database and both tokens, so a key is found again only while
nothing its figures depend on has changed: a finished period (last year, a locked month) stays
cached while this year's entries go on, and a reported realisasi, an import or a pagu change is seen
by the very next request. Saving a draft changes no figure and keeps the cache.

Only committed data is cached: inside a transaction (``transaction.atomic``: a Rakor's snapshot,
the tests) the queries run uncached, since the transaction may see writes of its own whose new
token nobody else can see yet.

The cache is Django's ``default`` cache: a table of the database (settings.CACHES), shared by every
worker process. The entries are small (a few sums per group); a cached figure costs two indexed
reads, the tokens and the entry.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db import connection

from .models import VersiAngka


def _tokens(tahun: int) -> tuple[str, str]:
    """The tokens of ``tahun`` and of every year, creating a missing one: a year nobody has written
    to since the triggers exist (or an emptied table) gets a new token, never an old one."""
    wanted = (tahun, VersiAngka.SEMUA)
    tokens = dict(VersiAngka.objects.filter(tahun__in=wanted).values_list("tahun", "token"))
    for missing in set(wanted) - set(tokens):
        versi, _ = VersiAngka.objects.get_or_create(
            tahun=missing, defaults={"token": secrets.token_hex(16)}
        )
        tokens[missing] = versi.token
    return tokens[tahun], tokens[VersiAngka.SEMUA]


def _key(tahun: int, sql: str, params) -> str:
    token, token_semua = _tokens(tahun)
    text = "\x1f".join(
        [
            connection.vendor,
            str(connection.settings_dict["NAME"]),
            token,
            token_semua,
            sql,
            repr(list(params)),
        ]
    )
    return "sipok:angka:" + hashlib.sha256(text.encode()).hexdigest()


def rows(tahun: int, sql: str, params, run) -> list[tuple]:
    """The rows ``run()`` returns for ``sql`` with ``params`` — a query over ``tahun``'s figures
    only — from the cache when the data has not changed since they were computed."""
    if connection.in_atomic_block:
        return run()
    key = _key(tahun, sql, params)
    found = cache.get(key)
    if found is None:
        found = run()
        cache.set(key, found)
    return found
