"""Backing up and restoring the database SiPOK runs on, whichever engine it is.

- PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot of the whole database, taken
  without stopping the application) and ``pg_restore --clean --if-exists --single-transaction``
  (the restore replaces everything or, on any error, nothing).
- SQLite: the SQLite online backup API (a consistent copy page by page, also while the application
  runs), and the same API back into the database file for the restore.

The connection settings are those of the Django connection (``connection.settings_dict``), so the
commands work on whatever database Django is configured for, a test database included. A backup is
written to ``FILE.sebagian`` and renamed when complete: a file with the final name is always a whole
backup.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class CadanganError(Exception):
    """A backup or restore that cannot be done; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Hasil:
    path: Path
    engine: str
    ukuran: int


def engine_of_file(path: Path) -> str | None:
    """The engine a backup file is for (by its first bytes), or None if it is neither."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    return None


def _ensure_supported(connection) -> None:
    if connection.vendor not in ENGINES:
        raise CadanganError(
            f"Database {connection.vendor} tidak didukung; cadangan hanya untuk SQLite dan "
            "PostgreSQL."
        )


def _ensure_idle(connection) -> None:
    if connection.in_atomic_block:
        raise CadanganError("Pemulihan tidak dapat dijalankan di dalam transaksi yang terbuka.")


# --- PostgreSQL ----------------------------------------------------------------------------------

_PG_OPTIONS_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def _pg_env(settings_dict) -> dict[str, str]:
    """The libpq environment for the connection (the password never goes on a command line)."""
    env = {**os.environ}
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    for key, var in _PG_OPTIONS_ENV.items():
        value = (settings_dict.get("OPTIONS") or {}).get(key)
        if value:
            env[var] = str(value)
    return env


def _program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise CadanganError(
            f"{name} tidak ditemukan. Pasang klien PostgreSQL (paket postgresql-client) dengan "
            "versi yang sama atau lebih baru dari server."
        )
    return program


def _run(args: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CadanganError(f"{what} gagal: {result.stderr.strip() or result.stdout.strip()}")
    return result


def _pg_backup(connection, path: Path) -> None:
    _run(
        [_program("pg_dump"), "--format=custom", "--no-owner", "--file", str(path)],
        _pg_env(connection.settings_dict),
        "pg_dump",
    )


def _pg_check(path: Path, env) -> None:
    listing = _run([_program("pg_restore"), "--list", str(path)], env, "Membaca cadangan").stdout
    if "django_migrations" not in listing:
        raise CadanganError(f"{path} bukan cadangan database SiPOK (tidak ada django_migrations).")


def _pg_restore(connection, path: Path) -> None:
    env = _pg_env(connection.settings_dict)
    # Django's own connection is idle in autocommit (``_ensure_idle``): it holds no lock on the
    # tables pg_restore drops and recreates.
    _run(
        [
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            env.get("PGDATABASE", ""),
            str(path),
        ],
        env,
        "pg_restore",
    )


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite_check(db: sqlite3.Connection, what: str) -> None:
    status = db.execute("PRAGMA integrity_check").fetchone()[0]
    if status != "ok":
        raise CadanganError(f"{what} rusak: {status}")


def _sqlite_backup(connection, path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        _sqlite_check(target, "Cadangan yang baru dibuat")
    finally:
        target.close()


def _sqlite_validate(path: Path) -> None:
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _sqlite_check(source, str(path))
            tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise CadanganError(f"{path} tidak dapat dibaca sebagai database SQLite: {exc}") from exc
    if "django_migrations" not in tables:
        raise CadanganError(f"{path} bukan cadangan database SiPOK (tidak ada django_migrations).")


def _sqlite_restore(connection, path: Path) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


# --- The two operations ------------------------------------------------------------------------


def cadangkan(*, connection, tujuan: Path) -> Hasil:
    """Write a consistent backup of the connection's database to ``tujuan``."""
    _ensure_supported(connection)
    tujuan = Path(tujuan)
    sebagian = tujuan.with_name(tujuan.name + ".sebagian")
    sebagian.unlink(missing_ok=True)
    try:
        if connection.vendor == "sqlite":
            _sqlite_backup(connection, sebagian)
        else:
            _pg_backup(connection, sebagian)
        os.replace(sebagian, tujuan)
    finally:
        sebagian.unlink(missing_ok=True)
    return Hasil(tujuan, connection.vendor, tujuan.stat().st_size)


def pulihkan(*, connection, sumber: Path) -> Hasil:
    """Replace the connection's database with the backup ``sumber`` (of the same engine)."""
    from django.contrib.contenttypes.models import ContentType

    _ensure_supported(connection)
    sumber = Path(sumber)
    if not sumber.is_file():
        raise CadanganError(f"Berkas cadangan {sumber} tidak ada.")
    engine = engine_of_file(sumber)
    if engine is None:
        raise CadanganError(
            f"{sumber} bukan berkas cadangan SiPOK (bukan database SQLite maupun pg_dump "
            "format custom)."
        )
    if engine != connection.vendor:
        raise CadanganError(
            f"{sumber} adalah cadangan {ENGINES[engine]}, sedangkan database tujuan "
            f"{ENGINES[connection.vendor]}. Pulihkan ke database {ENGINES[engine]}."
        )
    if engine == "sqlite":
        _sqlite_validate(sumber)
    else:
        _pg_check(sumber, _pg_env(connection.settings_dict))
    _ensure_idle(connection)
    if engine == "sqlite":
        _sqlite_restore(connection, sumber)
    else:
        _pg_restore(connection, sumber)
    ContentType.objects.clear_cache()
    return Hasil(sumber, engine, sumber.stat().st_size)
