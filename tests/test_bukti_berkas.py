"""Evidence files in storage: a file goes when its record goes — by the service, a cascade from
its realisasi or DPA line, the admin, a bulk delete — once the transaction commits, and stays
when it rolls back; ``manage.py bersihkan_bukti`` removes the files no record references and
never one that a record does; a restore deletes no file."""

import datetime
import io
import logging
import os
import shutil
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client

from kegiatan.models import DPA
from realisasi import bukti as services
from realisasi.models import BuktiDukung, Realisasi

from .builders import JT, make_dpa, report

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
DUA_JAM = 2 * 60 * 60


# --- Fixtures and helpers -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_root(settings):
    """Each test stores under its own folder of test-artifacts/media, removed afterwards."""
    root = Path(django_settings.BASE_DIR) / "test-artifacts" / "media" / f"uji-{uuid.uuid4().hex}"
    settings.MEDIA_ROOT = root
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def may_2026(time_machine):
    """5 May 2026: April is open for entry."""
    time_machine.move_to(datetime.datetime(2026, 5, 5, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def line(dinkes, puskesmas, apbd):
    """Dinkes's Puskesmas line of 2026."""
    return make_dpa(dinkes, puskesmas, apbd, 1000 * JT, rko=False)


@pytest.fixture
def april(line):
    """The line's April draft, where evidence hangs."""
    return report(line, 4, 10, 0, status=Realisasi.Status.DRAFT)


def unggah(operator, line):
    """Evidence added by the operator through the service, as the upload page does."""
    return services.bukti_add(
        dpa=line, bulan=4, berkas=SimpleUploadedFile("foto.png", PNG), by=operator
    )


def simpan_bukti(realisasi, name="foto.png") -> BuktiDukung:
    """An evidence record with its file stored, written directly (no open month needed)."""
    bukti = BuktiDukung(realisasi=realisasi, nama_asli=name, jenis="image/png", ukuran=len(PNG))
    bukti.berkas.save(name, ContentFile(PNG), save=False)
    bukti.save()
    return bukti


def berkas_of(media_root: Path, bukti: BuktiDukung) -> Path:
    return media_root / bukti.berkas.name


def set_umur(path: Path, detik: float) -> Path:
    """Give a file the age ``detik`` by the suite's clock (which may not be the real one)."""
    moment = time.time() - detik
    os.utime(path, (moment, moment))
    return path


def berkas_lama(media_root: Path, name: str, detik: float = DUA_JAM) -> Path:
    """A stored file no record knows of, as an earlier SiPOK left them, ``detik`` old."""
    path = media_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)
    return set_umur(path, detik)


def bersihkan(*args) -> str:
    out = io.StringIO()
    call_command("bersihkan_bukti", *args, stdout=out)
    return out.getvalue()


def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


class Gagal(Exception):
    pass


# --- A record deleted: its file goes after the commit ---------------------------------------------


def test_the_service_removes_the_file_only_once_the_transaction_commits(
    operator_dinkes, line, may_2026, media_root, django_capture_on_commit_callbacks
):
    bukti = unggah(operator_dinkes, line)
    stored = berkas_of(media_root, bukti)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.bukti_delete(bukti=bukti, by=operator_dinkes)
        assert stored.exists()  # not before the commit
    assert len(callbacks) == 1
    assert not stored.exists()


def test_a_rolled_back_delete_keeps_the_file(
    operator_dinkes, line, may_2026, media_root, django_capture_on_commit_callbacks
):
    bukti = unggah(operator_dinkes, line)
    pk, stored = bukti.pk, berkas_of(media_root, bukti)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Gagal),
        transaction.atomic(),
    ):
        services.bukti_delete(bukti=bukti, by=operator_dinkes)
        raise Gagal
    assert callbacks == []
    assert BuktiDukung.objects.filter(pk=pk).exists()
    assert stored.read_bytes() == PNG


@pytest.mark.django_db(transaction=True)
def test_with_real_transactions_a_commit_removes_the_file_and_a_rollback_keeps_it(
    april, media_root
):
    kept, removed = simpan_bukti(april, "tetap.png"), simpan_bukti(april, "hapus.png")
    with pytest.raises(Gagal), transaction.atomic():
        kept.delete()
        raise Gagal
    with transaction.atomic():
        removed.delete()
        assert berkas_of(media_root, removed).exists()  # still inside the transaction
    assert not berkas_of(media_root, removed).exists()
    assert BuktiDukung.objects.get().nama_asli == "tetap.png"
    assert berkas_of(media_root, kept).read_bytes() == PNG


def test_deleting_the_realisasi_removes_its_evidence_files(
    april, media_root, django_capture_on_commit_callbacks
):
    files = [berkas_of(media_root, simpan_bukti(april, f"foto{i}.png")) for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        april.delete()
    assert not BuktiDukung.objects.exists()
    assert [f.exists() for f in files] == [False, False, False]


def test_a_bulk_delete_removes_the_files(april, media_root, django_capture_on_commit_callbacks):
    files = [berkas_of(media_root, simpan_bukti(april, f"foto{i}.png")) for i in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        BuktiDukung.objects.filter(realisasi=april).delete()
    assert [f.exists() for f in files] == [False, False]


def test_the_admin_deleting_a_dpa_line_removes_its_evidence_files(
    admin_user, line, april, media_root, django_capture_on_commit_callbacks
):
    stored = berkas_of(media_root, simpan_bukti(april))
    url = f"/data-induk/kegiatan/dpa/{line.pk}/delete/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client(admin_user).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not DPA.objects.filter(pk=line.pk).exists()
    assert not stored.exists()


def test_the_admin_bulk_action_on_dpa_lines_removes_their_evidence_files(
    admin_user, line, april, dpupr, jalan, apbd, media_root, django_capture_on_commit_callbacks
):
    other = make_dpa(dpupr, jalan, apbd, 500 * JT, rko=False)
    gone = berkas_of(media_root, simpan_bukti(april))
    kept = berkas_of(media_root, simpan_bukti(report(other, 4, 5, 0)))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client(admin_user).post(
            "/data-induk/kegiatan/dpa/",
            {"action": "delete_selected", "_selected_action": [line.pk], "post": "yes"},
        )
    assert response.status_code == 302
    assert not gone.exists()
    assert kept.exists()


def test_a_file_another_record_still_references_is_kept(
    april, media_root, django_capture_on_commit_callbacks
):
    first = simpan_bukti(april)
    second = BuktiDukung.objects.create(
        realisasi=april,
        berkas=first.berkas.name,
        nama_asli="salinan.png",
        jenis="image/png",
        ukuran=len(PNG),
    )
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert berkas_of(media_root, second).exists()


def test_a_file_the_storage_cannot_delete_is_logged_and_the_delete_stands(
    april, media_root, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    bukti = simpan_bukti(april)

    def refuse(name):
        raise PermissionError(f"Permission denied: {name}")

    monkeypatch.setattr(bukti.berkas.storage, "delete", refuse)
    with (
        caplog.at_level(logging.ERROR, logger="realisasi.bukti"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        bukti.delete()
    assert not BuktiDukung.objects.exists()
    assert "bersihkan_bukti" in caplog.text and bukti.berkas.name in caplog.text


# --- manage.py bersihkan_bukti --------------------------------------------------------------------


def test_the_command_removes_only_the_orphans(april, media_root):
    referenced = set_umur(berkas_of(media_root, simpan_bukti(april)), DUA_JAM)
    orphans = [
        berkas_lama(media_root, "bukti/2026/1/04/yatim.png"),
        berkas_lama(media_root, "bukti/2025/7/12/lama.pdf"),
    ]
    import_file = berkas_lama(media_root, "impor/2026/berkas.xlsx")  # not evidence
    out = bersihkan()
    assert [p.exists() for p in orphans] == [False, False]
    assert referenced.read_bytes() == PNG
    assert import_file.exists()
    assert "dihapus: bukti/2026/1/04/yatim.png" in out
    assert "dihapus: bukti/2025/7/12/lama.pdf" in out
    assert "2 berkas yatim" in out and "1 berkas dirujuk" in out


def test_a_dry_run_lists_the_orphans_and_removes_nothing(april, media_root):
    referenced = set_umur(berkas_of(media_root, simpan_bukti(april)), DUA_JAM)
    orphan = berkas_lama(media_root, "bukti/2026/1/04/yatim.png")
    out = bersihkan("--dry-run")
    assert "akan dihapus: bukti/2026/1/04/yatim.png" in out
    assert "tidak ada yang dihapus" in out
    assert orphan.exists() and referenced.exists()


def test_a_second_run_finds_nothing_left(april, media_root):
    referenced = set_umur(berkas_of(media_root, simpan_bukti(april)), DUA_JAM)
    berkas_lama(media_root, "bukti/2026/1/04/yatim.png")
    bersihkan()
    out = bersihkan()
    assert "Tidak ada berkas bukti yatim" in out
    assert referenced.exists()


def test_a_referenced_file_is_never_removed_however_old(april, media_root):
    files = [
        set_umur(berkas_of(media_root, simpan_bukti(april, f"foto{i}.png")), 400 * 24 * 3600)
        for i in range(3)
    ]
    out = bersihkan("--umur-minimal", "0")
    assert all(f.read_bytes() == PNG for f in files)
    assert "Tidak ada berkas bukti yatim" in out and "3 berkas dirujuk" in out


def test_a_recent_unreferenced_file_is_skipped_as_an_upload_in_progress(april, media_root):
    simpan_bukti(april)
    young = berkas_lama(media_root, "bukti/2026/1/04/baru.png", detik=10 * 60)
    out = bersihkan()
    assert young.exists()
    assert "dilewati (lebih muda dari 60 menit): bukti/2026/1/04/baru.png" in out
    bersihkan("--umur-minimal", "5")
    assert not young.exists()


def test_the_command_refuses_when_the_database_has_no_evidence_at_all(db, media_root):
    """Pointed at the wrong (or an empty) database, every file would look like an orphan."""
    orphan = berkas_lama(media_root, "bukti/2026/1/04/yatim.png")
    with pytest.raises(CommandError, match="--paksa"):
        bersihkan()
    assert orphan.exists()
    bersihkan("--paksa")
    assert not orphan.exists()


def test_the_command_runs_with_no_evidence_folder_yet(db, media_root):
    assert "Tidak ada berkas bukti yatim" in bersihkan()


def test_the_command_help_explains_it_in_indonesian(capsys):
    with pytest.raises(SystemExit):
        call_command("bersihkan_bukti", "--help")
    help_text = capsys.readouterr().out
    assert "berkas bukti dukung yatim" in help_text
    assert "--dry-run" in help_text and "--umur-minimal MENIT" in help_text


# --- Backup and restore ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_restore_deletes_no_file_and_the_command_then_finds_the_newer_uploads(
    april, media_root, tmp_path
):
    backed_up = set_umur(berkas_of(media_root, simpan_bukti(april, "lama.png")), DUA_JAM)
    cadangan = tmp_path / "sipok.cadangan"
    call_command("cadangkan", keluar=str(cadangan), stdout=io.StringIO())
    later = set_umur(berkas_of(media_root, simpan_bukti(april, "baru.png")), DUA_JAM)

    call_command("pulihkan", str(cadangan), interactive=False, stdout=io.StringIO())

    assert list(BuktiDukung.objects.values_list("nama_asli", flat=True)) == ["lama.png"]
    assert backed_up.exists() and later.exists()  # the restore removed no file
    out = bersihkan("--dry-run")
    assert f"akan dihapus: {later.relative_to(media_root).as_posix()}" in out
    assert "1 berkas dirujuk" in out
