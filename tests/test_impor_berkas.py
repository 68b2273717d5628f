"""The stored file of an import: whatever limits of size and shape the upload applies guard every
place that opens it again (the apply, the marked copy, the shell's copy), so a file refused for
its size is never parsed — it is not even kept; and the files of refused and stale imports are
removed after SIPOK_IMPOR_SIMPAN_HARI days while their records stay."""

import datetime
import io
import os
import shutil
import subprocess
import sys
import uuid
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from impor import berkas, services, templat
from impor.models import Impor
from impor.parsers import Galat
from kegiatan import services as kegiatan_services

from .builders import even_rko, make_dpa
from .test_impor import BAD_FILES, DPA_JUDUL, baris_dpa, buku_dpa, unggah

WIB = datetime.timezone(datetime.timedelta(hours=7))
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture
def dunia(time_machine, dinkes, dpupr, puskesmas, jalan, apbd, dak, admin_user, pemda):
    """As in tests/test_impor.py: two PD, two sub kegiatan, two sumber dana and the admin, on
    5 July 2026."""
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0), tick=False)
    return {"dinkes": dinkes, "puskesmas": puskesmas, "apbd": apbd, "admin": admin_user}


@pytest.fixture(autouse=True)
def media_root(settings):
    """Each test stores its imports under a folder of its own, removed afterwards."""
    root = Path(django_settings.BASE_DIR) / "test-artifacts" / "media" / f"uji-{uuid.uuid4().hex}"
    settings.MEDIA_ROOT = root
    yield root
    shutil.rmtree(root, ignore_errors=True)


def tersimpan(root: Path) -> list[str]:
    """The import files stored under MEDIA_ROOT."""
    return sorted(str(p.relative_to(root)) for p in (root / "impor").rglob("*.xlsx"))


def dengan_lembar(xml: bytes) -> bytes:
    """A real workbook (made by openpyxl) whose DPA sheet is ``xml``."""
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = xml
            target.writestr(item, content)
    return out.getvalue()


def sheet(rows: bytes) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
        + rows
        + b"</sheetData></worksheet>"
    )


def dua_juta_sel() -> bytes:
    """The audit's file: 2,000,000 number cells (50,000 rows of 40) in about 100 KB; loaded
    whole by openpyxl it takes half a minute and a gigabyte."""
    return dengan_lembar(sheet((b"<row>" + b"<c><v>1</v></c>" * 40 + b"</row>") * 50_000))


def baris_kosong_berformat() -> bytes:
    """60,000 empty rows with a height: no cell at all."""
    return dengan_lembar(sheet(b'<row ht="15" customHeight="1"/>' * 60_000))


def zip_bomb() -> bytes:
    content, _message = BAD_FILES["zip bomb"]
    return content()


class XmlSaja:
    """An archive with one XML part, to count what ``periksa_berkas`` counts in it."""

    def __init__(self, xml: bytes):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", xml)
        self.archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))

    def hitung(self) -> tuple[int, int]:
        return berkas._hitung_sel_baris(self.archive, self.archive.infolist()[0])


# --- The check before any parse -------------------------------------------------------------------


def test_a_workbook_of_two_million_cells_is_refused_before_it_is_parsed():
    data = dua_juta_sel()
    assert len(data) < berkas.UKURAN_MAKS // 10  # the size alone lets it through
    with pytest.raises(berkas.BerkasMelampauiBatas, match="lebih dari 500.000 sel"):
        berkas.periksa_berkas(data)
    with pytest.raises(berkas.BerkasMelampauiBatas, match="lebih dari 500.000 sel"):
        berkas.buka_utuh(data)  # the marked copy's opening: refused, not loaded


def test_a_sheet_of_more_rows_than_the_cap_is_refused_before_it_is_parsed():
    with pytest.raises(berkas.BerkasMelampauiBatas, match="lebih dari 50.000 baris"):
        berkas.periksa_berkas(baris_kosong_berformat())


@pytest.mark.parametrize("case", ["zip bomb", "huge"])
def test_the_size_limits_are_limits_of_the_same_kind(case):
    content, expected = BAD_FILES[case]
    data = content() if callable(content) else content
    with pytest.raises(berkas.BerkasMelampauiBatas, match=expected):
        berkas.buka_utuh(data)


def test_a_file_of_the_templates_shape_passes_the_count():
    rows = [baris_dpa("1.02.01", f"1.02.02.2.01.{n:04d}", "PAD", 1200) for n in range(300)]
    berkas.periksa_berkas(buku_dpa(rows))  # no refusal


def test_cells_and_rows_are_counted_under_a_prefix_across_pieces_and_in_utf16():
    row = b'<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/><x:c r="C1"/></row>'
    assert XmlSaja(b"<worksheet><cols><col min='1'/></cols>" + row + b"</worksheet>").hitung() == (
        3,
        1,
    )
    # A cell whose "<c" ends one megabyte and whose name ends the next.
    straddling = b"<worksheet>" + b" " * (2**20 - 13) + b"<c r='A1'/><row/></worksheet>"
    assert XmlSaja(straddling).hitung() == (1, 1)
    utf16 = ("<worksheet>" + row.decode() + "</worksheet>").encode("utf-16")
    assert XmlSaja(utf16).hitung() == (3, 1)
    text = b"<worksheet><t>&lt;c &lt;row </t><cfRule/><cellWatch/></worksheet>"
    assert XmlSaja(text).hitung() == (0, 0)


# --- Upload: a file refused for its size or shape is not kept -------------------------------------


@pytest.mark.parametrize(
    ("buat", "alasan"),
    [(dua_juta_sel, "lebih dari 500.000 sel"), (zip_bomb, "zip bomb")],
    ids=["two million cells", "zip bomb"],
)
def test_a_file_refused_for_its_size_is_recorded_without_it_and_gets_no_marked_copy(
    client, dunia, media_root, buat, alasan
):
    client.force_login(dunia["admin"])
    response = client.post(
        reverse("impor:unggah-dpa"),
        {"dpa-tahun": 2026, "dpa-berkas": SimpleUploadedFile("dpa.xlsx", buat())},
        follow=True,
    )
    impor = Impor.objects.get()
    assert impor.status == Impor.Status.DITOLAK
    assert impor.melampaui_batas and not impor.berkas
    assert impor.ukuran > 0 and len(impor.sha256) == 64  # what was uploaded stays on record
    assert tersimpan(media_root) == []
    page = response.content.decode()
    assert alasan in page  # the error list stands
    assert "salinan bertanda tidak dibuat" in page and 'data-testid="unduh-galat"' not in page

    copy = client.get(reverse("impor:galat", args=[impor.pk]), follow=True)

    assert copy.redirect_chain == [(reverse("impor:detail", args=[impor.pk]), 302)]
    assert copy["Content-Type"].startswith("text/html")
    page = copy.content.decode()
    assert "Salinan bertanda tidak dibuat; keterangannya ada di bawah." in page
    assert "ukuran atau bentuknya melampaui batas" in page
    assert alasan in page
    with pytest.raises(berkas.BerkasMelampauiBatas, match="tidak dibuka lagi"):
        services.isi_tersimpan(impor)


def test_a_file_over_the_row_cap_is_not_kept_and_its_copy_is_refused(dunia, media_root):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("DPA")
    ws.append(DPA_JUDUL)
    for _ in range(berkas.BARIS_MAKS + 1):
        ws.append(["1.02.01", "1.02.02.2.01.0002", None, "PAD", "seribu"])
    out = io.BytesIO()
    wb.save(out)

    impor = unggah(out.getvalue(), by=dunia["admin"])

    assert impor.melampaui_batas and not impor.berkas and tersimpan(media_root) == []
    galat = [Galat.from_dict(item) for item in impor.galat]
    assert any(g.batas and "lebih dari 5.000 baris data" in g.pesan for g in galat)
    assert any(g.sel == "E2" for g in galat)  # the cell errors before the cap are listed
    with pytest.raises(berkas.BerkasMelampauiBatas, match="lebih dari 5.000 baris data"):
        templat.salinan_bertanda(out.getvalue(), galat)


def test_a_record_that_kept_such_a_file_is_refused_by_the_same_check(client, dunia, media_root):
    """Before files refused for their size were no longer kept, the upload stored them: the
    marked copy of such a record is refused by the upload's limits, not parsed."""
    client.force_login(dunia["admin"])
    data = dua_juta_sel()
    impor = Impor(
        jenis=Impor.Jenis.DPA,
        tahun=2026,
        nama_asli="besar.xlsx",
        ukuran=len(data),
        sha256=services.sha256(data),
        status=Impor.Status.DITOLAK,
        galat=[Galat("Kolom “Kode PD” tidak ditemukan di baris judul.", "DPA", 1).as_dict()],
        jumlah_galat=1,
        sumber=Impor.Sumber.WEB,
    )
    impor.berkas.save("impor.xlsx", ContentFile(data))

    page = client.get(reverse("impor:detail", args=[impor.pk])).content.decode()
    assert 'data-testid="unduh-galat"' in page
    copy = client.get(reverse("impor:galat", args=[impor.pk]), follow=True)

    assert copy.redirect_chain == [(reverse("impor:detail", args=[impor.pk]), 302)]
    page = copy.content.decode()
    assert "Salinan bertanda tidak dibuat. Berkas berisi lebih dari 500.000 sel" in page
    assert "Kode PD” tidak ditemukan" in page


def test_the_command_writes_no_copy_of_a_file_refused_for_its_size(tmp_path, dunia):
    path = tmp_path / "dpa.xlsx"
    path.write_bytes(dua_juta_sel())
    copy = tmp_path / "galat.xlsx"
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 galat"):
        call_command(
            "impor_dpa",
            str(path),
            tahun=2026,
            salinan_galat=str(copy),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "lebih dari 500.000 sel" in err.getvalue()
    assert "Salinan bertanda tidak dibuat" in err.getvalue()
    assert not copy.exists()


def test_a_small_refused_file_still_gets_its_marked_copy(client, dunia, media_root):
    client.force_login(dunia["admin"])
    row = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    row["pagu"] = "seribu"
    impor = unggah(buku_dpa([row]), by=dunia["admin"])
    assert not impor.melampaui_batas and len(tersimpan(media_root)) == 1
    download = client.get(reverse("impor:galat", args=[impor.pk]))
    assert download.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(download.content))["DPA"]["E2"].comment


def test_a_preview_whose_file_is_lost_is_not_applied_and_says_why(dunia, media_root):
    data = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)])
    impor = unggah(data, by=dunia["admin"])
    impor.berkas.storage.delete(impor.berkas.name)
    with pytest.raises(ValidationError, match="tidak ditemukan di penyimpanan"):
        services.impor_terapkan(impor=impor, by=dunia["admin"])
    impor.refresh_from_db()
    assert impor.status == Impor.Status.PRATINJAU


# --- The purge ------------------------------------------------------------------------------------


def pada(time_machine, hari: int, jam: int = 9):
    time_machine.move_to(datetime.datetime(2026, 7, hari, jam, 0, tzinfo=WIB), tick=False)


@pytest.fixture
def riwayat_impor(time_machine, dunia, media_root):
    """Imports of every kind, then the clock at 5 July 2026 09.00: refused 40 and 10 days ago,
    stale 35 days ago, applied and waiting 40 days ago, refused for its size 40 days ago (its
    file not kept)."""
    admin = dunia["admin"]
    line = make_dpa(dunia["dinkes"], dunia["puskesmas"], dunia["apbd"], 1200)
    bad = baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200)
    bad["pagu"] = "seribu"
    good = buku_dpa([baris_dpa("1.02.01", "1.02.02.2.01.0002", "PAD", 1200, lokasi="Desa B")])
    time_machine.move_to(datetime.datetime(2026, 5, 26, 9, 0, tzinfo=WIB), tick=False)
    imports = {
        "ditolak_lama": unggah(buku_dpa([bad]), by=admin, nama="lama.xlsx"),
        "diterapkan": unggah(good, by=admin, nama="diterapkan.xlsx"),
        "menunggu": unggah(good, by=admin, nama="menunggu.xlsx"),
        "besar": unggah(dua_juta_sel(), by=admin, nama="besar.xlsx"),
    }
    services.impor_terapkan(impor=imports["diterapkan"], by=admin)
    time_machine.move_to(datetime.datetime(2026, 5, 31, 9, 0, tzinfo=WIB), tick=False)
    basi = unggah(good, by=admin, nama="basi.xlsx")
    kegiatan_services.rko_set(dpa=line, targets=even_rko(line.pagu, [Decimal(50)] * 12))
    with pytest.raises(services.PratinjauKedaluwarsa):
        services.impor_terapkan(impor=basi, by=admin)
    imports["kedaluwarsa"] = basi
    time_machine.move_to(datetime.datetime(2026, 6, 25, 9, 0, tzinfo=WIB), tick=False)
    imports["ditolak_baru"] = unggah(buku_dpa([bad]), by=admin, nama="baru.xlsx")
    time_machine.move_to(datetime.datetime(2026, 7, 5, 9, 0, tzinfo=WIB), tick=False)
    for impor in imports.values():
        impor.refresh_from_db()
    assert imports["kedaluwarsa"].status == Impor.Status.KEDALUWARSA
    assert imports["diterapkan"].status == Impor.Status.DITERAPKAN
    assert imports["menunggu"].status == Impor.Status.PRATINJAU
    return imports


def bersihkan(*args) -> str:
    out = io.StringIO()
    call_command("impor_bersihkan", *args, stdout=out)
    return out.getvalue()


def keadaan(imports) -> dict:
    for impor in imports.values():
        impor.refresh_from_db()
    return {
        name: (impor.berkas.name, impor.berkas_dihapus_pada, impor.status)
        for name, impor in imports.items()
    }


def test_a_dry_run_lists_the_old_refused_and_stale_files_and_removes_nothing(
    riwayat_impor, media_root
):
    files, before = tersimpan(media_root), keadaan(riwayat_impor)

    out = bersihkan("--dry-run")

    assert tersimpan(media_root) == files and keadaan(riwayat_impor) == before
    assert f"#{riwayat_impor['ditolak_lama'].pk} ditolak" in out
    assert f"#{riwayat_impor['kedaluwarsa'].pk} kedaluwarsa" in out
    for name in ("ditolak_baru", "diterapkan", "menunggu", "besar"):
        assert f"#{riwayat_impor[name].pk} " not in out, name
    assert "Uji coba: 2 berkas" in out and "tidak ada yang diubah" in out


def test_the_purge_removes_exactly_the_old_refused_and_stale_files(riwayat_impor, media_root):
    files = tersimpan(media_root)
    removed = {riwayat_impor[name].berkas.name for name in ("ditolak_lama", "kedaluwarsa")}
    before = keadaan(riwayat_impor)

    out = bersihkan()

    assert "2 berkas" in out and "dihapus" in out
    assert tersimpan(media_root) == sorted(set(files) - removed)
    after = keadaan(riwayat_impor)
    sekarang = datetime.datetime(2026, 7, 5, 9, 0, tzinfo=WIB)
    for name in ("ditolak_lama", "kedaluwarsa"):
        assert after[name] == ("", sekarang, before[name][2]), name  # the record stays
    for name in ("ditolak_baru", "diterapkan", "menunggu", "besar"):
        assert after[name] == before[name], name
    assert (
        riwayat_impor["ditolak_lama"].galat
        == Impor.objects.get(pk=riwayat_impor["ditolak_lama"].pk).galat
    )

    assert "Tidak ada berkas impor" in bersihkan()  # safe to run twice
    assert tersimpan(media_root) == sorted(set(files) - removed)


def test_the_number_of_days_comes_from_the_setting_or_the_option(
    riwayat_impor, media_root, settings
):
    settings.SIPOK_IMPOR_SIMPAN_HARI = 45
    assert "Tidak ada berkas impor" in bersihkan("--dry-run")
    assert "Uji coba: 3 berkas" in bersihkan("--dry-run", "--hari", "5")
    with pytest.raises(CommandError, match="paling sedikit 1"):
        bersihkan("--hari", "0")


def test_the_page_of_a_purged_import_says_its_file_was_removed(client, riwayat_impor):
    bersihkan()
    impor = riwayat_impor["ditolak_lama"]
    client.force_login(impor.dibuat_oleh)
    page = client.get(reverse("impor:detail", args=[impor.pk])).content.decode()
    assert "Berkas impor ini telah dihapus pada 05/07/2026" in page
    assert "disimpan 30 hari" in page
    assert "Pagu (Rp)" in page and "seribu" in page  # its errors are still listed
    assert 'data-testid="unduh-galat"' not in page
    copy = client.get(reverse("impor:galat", args=[impor.pk]), follow=True)
    assert copy.redirect_chain == [(reverse("impor:detail", args=[impor.pk]), 302)]
    assert "Salinan bertanda tidak dibuat; keterangannya ada di bawah." in copy.content.decode()
    listed = client.get(reverse("impor:daftar")).content.decode()
    assert "lama.xlsx <span" in listed and "(berkas dihapus)" in listed
    assert "(tidak disimpan)" in listed  # the one refused for its size


def test_the_purge_explains_itself_in_indonesian(capsys):
    with pytest.raises(SystemExit):
        call_command("impor_bersihkan", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "SIPOK_IMPOR_SIMPAN_HARI" in text
    assert "--dry-run" in text and "Aman dijalankan berulang kali" in text
    assert "Berkas impor yang diterapkan" in text


@pytest.mark.parametrize("value", ["0", "tiga puluh"])
def test_a_bad_number_of_days_stops_the_start(value):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "true",
        "SIPOK_IMPOR_SIMPAN_HARI": value,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SIPOK_IMPOR_SIMPAN_HARI" in result.stderr
