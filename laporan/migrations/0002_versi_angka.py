"""VersiAngka and the database triggers that replace its token whenever a row the report figures
depend on changes (laporan.models.VersiAngka, laporan.cache).

Triggers, not signals: they see every write — forms, imports, the admin, ``QuerySet.update``,
bulk writes, raw SQL — so no write path can leave a stale figure in the cache.

- A DPA line: the token of its year (old and new ``tahun``).
- Its pagu history and RKO: the token of the line's year; of every year (0) when the line is gone.
- Its realisasi: likewise, but only for a row that is or was reported (diajukan, diverifikasi):
  drafts and returned rows count in no figure, so saving a draft keeps the cache.
- The codes that group the figures (PD, sumber dana, program, kegiatan, sub kegiatan): every year.

On PostgreSQL the triggers are deferred constraint triggers: the token row is written once per
transaction and year, at commit, when every other lock of the transaction is already held, so two
saves never wait on each other for it in a different order (no deadlock), and a bulk import does
not rewrite it per row. TRUNCATE (a test database's flush) changes every year's token.
On SQLite, whose writers take the whole database anyway, plain row triggers.
"""

from django.db import migrations, models

TERLAPOR = "('diajukan', 'diverifikasi')"
TOKEN = {
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
    "sqlite": "lower(hex(randomblob(16)))",
}


def _tables(apps):
    def table(app, model):
        return apps.get_model(app, model)._meta.db_table

    return {
        "versi": table("laporan", "VersiAngka"),
        "dpa": table("kegiatan", "DPA"),
        "per_baris": [table("kegiatan", "RiwayatPagu"), table("kegiatan", "RKO")],
        "realisasi": table("realisasi", "Realisasi"),
        "kode": [
            table("perangkat_daerah", "PerangkatDaerah"),
            table("kegiatan", "SumberDana"),
            table("kegiatan", "Program"),
            table("kegiatan", "Kegiatan"),
            table("kegiatan", "SubKegiatan"),
        ],
    }


# --- PostgreSQL --------------------------------------------------------------------------------


def _postgresql(t):
    yield f"""
        CREATE FUNCTION sipok_angka_ganti(t integer) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('sipok.angka_' || t, true) = '1' THEN
                RETURN;  -- already replaced by this transaction
            END IF;
            PERFORM set_config('sipok.angka_' || t, '1', true);
            INSERT INTO {t["versi"]} (tahun, token) VALUES (t, {TOKEN["postgresql"]})
            ON CONFLICT (tahun) DO UPDATE SET token = EXCLUDED.token;
        END $$
    """
    yield f"""
        CREATE FUNCTION sipok_angka_tahun_dpa(dpa bigint) RETURNS integer LANGUAGE sql STABLE AS $$
            SELECT COALESCE((SELECT tahun FROM {t["dpa"]} WHERE id = dpa), 0)::integer
        $$
    """
    yield """
        CREATE FUNCTION sipok_angka_dpa() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM sipok_angka_ganti(OLD.tahun); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM sipok_angka_ganti(NEW.tahun); END IF;
            RETURN NULL;
        END $$
    """
    yield """
        CREATE FUNCTION sipok_angka_per_baris() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM sipok_angka_ganti(sipok_angka_tahun_dpa(OLD.dpa_id));
            END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM sipok_angka_ganti(sipok_angka_tahun_dpa(NEW.dpa_id));
            END IF;
            RETURN NULL;
        END $$
    """
    yield f"""
        CREATE FUNCTION sipok_angka_realisasi() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' AND OLD.status IN {TERLAPOR} THEN
                PERFORM sipok_angka_ganti(sipok_angka_tahun_dpa(OLD.dpa_id));
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.status IN {TERLAPOR} THEN
                PERFORM sipok_angka_ganti(sipok_angka_tahun_dpa(NEW.dpa_id));
            END IF;
            RETURN NULL;
        END $$
    """
    yield """
        CREATE FUNCTION sipok_angka_semua() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM sipok_angka_ganti(0);
            RETURN NULL;
        END $$
    """
    functions = {
        t["dpa"]: "sipok_angka_dpa",
        **dict.fromkeys(t["per_baris"], "sipok_angka_per_baris"),
        t["realisasi"]: "sipok_angka_realisasi",
        **dict.fromkeys(t["kode"], "sipok_angka_semua"),
    }
    for table, function in functions.items():
        yield f"""
            CREATE CONSTRAINT TRIGGER sipok_angka AFTER INSERT OR UPDATE OR DELETE ON {table}
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}()
        """
        yield f"""
            CREATE TRIGGER sipok_angka_truncate AFTER TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION sipok_angka_semua()
        """


def _postgresql_drop(t):
    for table in [t["dpa"], *t["per_baris"], t["realisasi"], *t["kode"]]:
        yield f"DROP TRIGGER IF EXISTS sipok_angka ON {table}"
        yield f"DROP TRIGGER IF EXISTS sipok_angka_truncate ON {table}"
    for function in [
        "sipok_angka_dpa()",
        "sipok_angka_per_baris()",
        "sipok_angka_realisasi()",
        "sipok_angka_semua()",
        "sipok_angka_tahun_dpa(bigint)",
        "sipok_angka_ganti(integer)",
    ]:
        yield f"DROP FUNCTION IF EXISTS {function}"


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite(t):
    def ganti(tahun):
        return (
            f"INSERT OR REPLACE INTO {t['versi']} (tahun, token) "
            f"VALUES ({tahun}, {TOKEN['sqlite']});"
        )

    def tahun_dpa(row):
        return f"COALESCE((SELECT tahun FROM {t['dpa']} WHERE id = {row}.dpa_id), 0)"

    def trigger(table, event, body, when=""):
        name = f"sipok_angka_{table}_{event.lower()}"
        when = f"WHEN {when}" if when else ""
        return f"CREATE TRIGGER {name} AFTER {event} ON {table} {when} BEGIN {body} END"

    for event, rows in (("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"])):
        yield trigger(t["dpa"], event, " ".join(ganti(f"{row}.tahun") for row in rows))
        for table in t["per_baris"]:
            yield trigger(table, event, " ".join(ganti(tahun_dpa(row)) for row in rows))
        yield trigger(
            t["realisasi"],
            event,
            " ".join(ganti(tahun_dpa(row)) for row in rows),
            when=" OR ".join(f"{row}.status IN {TERLAPOR}" for row in rows),
        )
        for table in t["kode"]:
            yield trigger(table, event, ganti(0))


def _sqlite_drop(t):
    for event in ("insert", "update", "delete"):
        for table in [t["dpa"], *t["per_baris"], t["realisasi"], *t["kode"]]:
            yield f"DROP TRIGGER IF EXISTS sipok_angka_{table}_{event}"


BUAT = {"postgresql": _postgresql, "sqlite": _sqlite}
HAPUS = {"postgresql": _postgresql_drop, "sqlite": _sqlite_drop}


def _run(statements, apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise RuntimeError(f"SiPOK mendukung SQLite dan PostgreSQL, bukan {vendor}.")
    for sql in statements[vendor](_tables(apps)):
        schema_editor.execute(sql, params=None)


def buat_pemicu(apps, schema_editor):
    _run(BUAT, apps, schema_editor)


def hapus_pemicu(apps, schema_editor):
    _run(HAPUS, apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("laporan", "0001_initial"),
        ("kegiatan", "0003_indeks_angka_laporan"),
        ("realisasi", "0004_indeks_angka_laporan"),
        ("perangkat_daerah", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="VersiAngka",
            fields=[
                ("tahun", models.PositiveIntegerField(primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=32)),
            ],
            options={
                "verbose_name": "versi angka laporan",
                "verbose_name_plural": "versi angka laporan",
            },
        ),
        migrations.RunPython(buat_pemicu, hapus_pemicu),
    ]
