"""Evidence (bukti dukung): what may be uploaded, who sees and downloads it, who removes it, and
that nothing is left behind when an upload is refused."""

import datetime
import io
import shutil
import struct
import uuid
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from realisasi import bukti as services
from realisasi.models import BukaKunci, BuktiDukung, KunciBulan, Realisasi

from .builders import JT, make_dpa, report

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


# --- Tiny real files ------------------------------------------------------------------------------


def png_bytes() -> bytes:
    """A real 1×1 PNG (one red pixel)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    """A real 1×1 grey baseline JPEG: one quantisation table, one-code Huffman tables, one MCU."""

    def segment(marker: bytes, body: bytes) -> bytes:
        return marker + struct.pack(">H", len(body) + 2) + body

    return b"".join(
        [
            b"\xff\xd8",
            segment(b"\xff\xe0", b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            segment(b"\xff\xdb", b"\x00" + b"\x01" * 64),
            segment(b"\xff\xc0", b"\x08\x00\x01\x00\x01\x01\x01\x11\x00"),
            segment(b"\xff\xc4", b"\x00\x01" + b"\x00" * 15 + b"\x00"),
            segment(b"\xff\xc4", b"\x10\x01" + b"\x00" * 15 + b"\x00"),
            segment(b"\xff\xda", b"\x01\x01\x00\x00\x3f\x00"),
            b"\x3f",
            b"\xff\xd9",
        ]
    )


def pdf_bytes(padding: int = 0) -> bytes:
    """A real one-page PDF (header, objects, cross-reference table, trailer), optionally padded
    with a comment to reach a given size."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    if padding:
        out += b"%" + b"x" * padding + b"\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_of_size(size: int) -> bytes:
    padding = 1
    data = pdf_bytes(padding=padding)
    while len(data) != size:  # the offsets grow a digit or two with the padding
        padding += size - len(data)
        data = pdf_bytes(padding=padding)
    return data


def docx_bytes(*, macro: bool = False) -> bytes:
    """A real minimal Word document (the three parts Word needs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Berita acara kemajuan pekerjaan</w:t></w:r></w:p></w:body>"
            "</w:document>",
        )
        if macro:
            archive.writestr("word/vbaProject.bin", b"\x00" * 16)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    """A real workbook written by openpyxl."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Rekap SP2D"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- Fixtures -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_root(settings):
    """Each test stores under its own folder of test-artifacts/media, removed afterwards."""
    root = Path(django_settings.BASE_DIR) / "test-artifacts" / "media" / f"uji-{uuid.uuid4().hex}"
    settings.MEDIA_ROOT = root
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def may_2026(time_machine):
    """5 May 2026: April is open until 10 May (the default deadline), May is open, March is
    past its deadline."""
    time_machine.move_to(datetime.datetime(2026, 5, 5, 9, 0, tzinfo=JAKARTA), tick=False)


@pytest.fixture
def line(dinkes, puskesmas, apbd):
    """Dinkes's Puskesmas line of 2026."""
    return make_dpa(dinkes, puskesmas, apbd, 1000 * JT, rko=False)


@pytest.fixture
def line_dpupr(dpupr, jalan, apbd):
    return make_dpa(dpupr, jalan, apbd, 3000 * JT, rko=False)


def daftar_url(dpa, bulan=4):
    return reverse("realisasi:bukti", args=[dpa.pk, bulan])


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add(line, operator, name="foto.png", content=None, bulan=4, keterangan=""):
    return services.bukti_add(
        dpa=line,
        bulan=bulan,
        berkas=upload(name, png_bytes() if content is None else content),
        keterangan=keterangan,
        by=operator,
    )


# --- Uploads that are accepted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("foto progres.jpg", jpeg_bytes, "image/jpeg"),
        ("FOTO.JPEG", jpeg_bytes, "image/jpeg"),
        ("denah.png", png_bytes, "image/png"),
        ("BAST.pdf", pdf_bytes, "application/pdf"),
        (
            "laporan.docx",
            docx_bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "rekap.xlsx",
            xlsx_bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_the_operator_uploads_each_allowed_type_and_it_is_stored_through_storage(
    operator_dinkes, line, may_2026, media_root, name, make, content_type
):
    content = make()
    response = client_for(operator_dinkes).post(
        daftar_url(line),
        {"berkas": upload(name, content, "text/plain"), "keterangan": "Progres minggu ke-2"},
    )
    assert response.status_code == 302
    bukti = BuktiDukung.objects.get()
    assert bukti.nama_asli == name
    assert bukti.jenis == content_type  # from the content, not from what the browser claimed
    assert bukti.ukuran == len(content)
    assert bukti.keterangan == "Progres minggu ke-2"
    assert bukti.diunggah_oleh == operator_dinkes
    # Stored under a random name inside MEDIA_ROOT, never under the user's name.
    assert default_storage.exists(bukti.berkas.name)
    stored = media_root / bukti.berkas.name
    assert stored.read_bytes() == content
    assert bukti.berkas.name.startswith(f"bukti/2026/{line.perangkat_daerah_id}/04/")
    assert name.split(".")[0] not in bukti.berkas.name
    assert stored_files(media_root) == [stored]


def test_a_file_of_exactly_five_megabytes_is_accepted(operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes, "besar.pdf", pdf_of_size(services.UKURAN_MAKS))
    assert bukti.ukuran == 5 * 1024 * 1024


def test_the_first_upload_creates_the_months_draft_carrying_the_last_fisik(
    operator_dinkes, line, may_2026
):
    report(line, 2, Decimal("12.50"), 100 * JT)
    add(line, operator_dinkes, bulan=4)
    row = Realisasi.objects.get(dpa=line, bulan=4)
    assert row.status == Realisasi.Status.DRAFT
    assert row.realisasi_fisik == Decimal("12.50")  # March not reported: February carries
    assert row.realisasi_keuangan == 0
    assert row.diubah_oleh == operator_dinkes
    assert row.history.get().history_user == operator_dinkes


def test_without_earlier_reports_the_draft_starts_at_zero(operator_dinkes, line, may_2026):
    add(line, operator_dinkes, bulan=4)
    assert Realisasi.objects.get(dpa=line, bulan=4).realisasi_fisik == 0


def test_a_returned_row_still_takes_evidence(operator_dinkes, line, may_2026):
    report(line, 4, 30, 10 * JT, status=Realisasi.Status.DIKEMBALIKAN)
    add(line, operator_dinkes)
    assert BuktiDukung.objects.filter(realisasi__status="dikembalikan").count() == 1


# --- Uploads that are refused ---------------------------------------------------------------------


def assert_refused(response, message: str, media_root: Path, status: int = 200):
    assert response.status_code == status
    assert message in response.content.decode()
    assert not BuktiDukung.objects.exists()
    assert not Realisasi.objects.exists()  # no draft row left behind either
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", b"MZ\x90\x00", "Jenis berkas .exe tidak diizinkan"),
        ("catatan.txt", b"progres 50%", "Jenis berkas .txt tidak diizinkan"),
        ("tanpa-ekstensi", pdf_bytes(), "Jenis berkas tanpa ekstensi tidak diizinkan"),
        (
            "laporan.pdf",
            b"<html><script>alert(1)</script></html>",
            "Isi berkas tidak sesuai dengan ekstensinya (.pdf)",
        ),
        ("foto.jpg", png_bytes(), "Isi berkas tidak sesuai dengan ekstensinya (.jpg)"),
        ("rekap.docx", xlsx_bytes(), "Isi berkas tidak sesuai dengan ekstensinya (.docx)"),
        ("rusak.xlsx", b"PK\x03\x04 bukan zip", "bukan Lembar kerja Excel yang sah"),
        ("makro.docx", docx_bytes(macro=True), "berisi makro tidak diizinkan"),
        ("kosong.pdf", b"", "Berkas kosong (0 byte)"),
    ],
    ids=[
        "exe",
        "txt",
        "no-ext",
        "html-as-pdf",
        "png-as-jpg",
        "xlsx-as-docx",
        "bad-zip",
        "macro",
        "empty",
    ],
)
def test_a_wrong_or_disguised_or_empty_file_is_refused_and_nothing_is_stored(
    operator_dinkes, line, may_2026, media_root, name, content, message
):
    response = client_for(operator_dinkes).post(daftar_url(line), {"berkas": upload(name, content)})
    assert_refused(response, message, media_root)


def test_a_file_above_five_megabytes_is_refused_while_it_arrives(
    operator_dinkes, line, may_2026, media_root
):
    response = client_for(operator_dinkes).post(
        daftar_url(line), {"berkas": upload("besar.pdf", pdf_of_size(services.UKURAN_MAKS + 1))}
    )
    assert_refused(response, "Ukuran berkas melebihi batas 5 MB per berkas", media_root)


def test_the_service_refuses_a_file_above_five_megabytes_too(operator_dinkes, line, may_2026):
    with pytest.raises(ValidationError, match="Ukuran berkas 6 MB melebihi batas 5 MB"):
        add(line, operator_dinkes, "besar.pdf", pdf_of_size(6 * 1024 * 1024))
    assert not BuktiDukung.objects.exists()


def test_the_eleventh_file_of_a_line_month_is_refused(operator_dinkes, line, may_2026, media_root):
    for number in range(10):
        add(line, operator_dinkes, f"foto-{number}.png")
    page = client_for(operator_dinkes).get(daftar_url(line))
    assert 'data-testid="unggah"' not in page.content.decode()  # the form is gone at 10
    response = client_for(operator_dinkes).post(
        daftar_url(line), {"berkas": upload("foto-11.png", png_bytes())}
    )
    assert response.status_code == 200
    assert "Paling banyak 10 berkas bukti per sub kegiatan per bulan" in response.content.decode()
    assert BuktiDukung.objects.count() == 10
    assert len(stored_files(media_root)) == 10
    # The service counts the same way.
    with pytest.raises(ValidationError, match="Paling banyak 10 berkas"):
        add(line, operator_dinkes, "foto-11.png")


def test_a_month_locked_by_the_admin_takes_no_evidence(
    operator_dinkes, admin_user, line, may_2026, media_root
):
    KunciBulan.objects.create(
        tahun=2026,
        bulan=4,
        batas_pengisian=datetime.date(2026, 5, 10),
        dikunci_pada=timezone.now(),
        dikunci_oleh=admin_user,
    )
    client = client_for(operator_dinkes)
    assert 'data-testid="unggah"' not in client.get(daftar_url(line)).content.decode()
    response = client.post(daftar_url(line), {"berkas": upload("foto.png", png_bytes())})
    assert_refused(response, "Bulan ini telah dikunci oleh admin.", media_root, status=403)
    with pytest.raises(PermissionDenied, match="dikunci"):
        add(line, operator_dinkes)


def test_a_locked_month_reopened_for_the_pd_takes_evidence_again(
    operator_dinkes, admin_user, line, may_2026
):
    kunci = KunciBulan.objects.create(
        tahun=2026,
        bulan=3,
        batas_pengisian=datetime.date(2026, 4, 10),
        dikunci_pada=timezone.now(),
        dikunci_oleh=admin_user,
    )
    BukaKunci.objects.create(
        kunci_bulan=kunci,
        perangkat_daerah=line.perangkat_daerah,
        alasan="Bukti BAST terlambat ditandatangani",
        dibuka_oleh=admin_user,
        berlaku_sampai=datetime.date(2026, 5, 8),
    )
    response = client_for(operator_dinkes).post(
        daftar_url(line, bulan=3), {"berkas": upload("bast.pdf", pdf_bytes())}
    )
    assert response.status_code == 302
    assert BuktiDukung.objects.get().realisasi.bulan == 3


def test_a_month_past_its_deadline_takes_no_evidence(operator_dinkes, line, may_2026, media_root):
    response = client_for(operator_dinkes).post(
        daftar_url(line, bulan=3), {"berkas": upload("foto.png", png_bytes())}
    )
    assert_refused(response, "Batas pengisian 10 April 2026 telah lewat.", media_root, status=403)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Realisasi.Status.DIVERIFIKASI, "sudah diverifikasi"),
        (Realisasi.Status.DIAJUKAN, "sudah diajukan dan menunggu verifikasi"),
    ],
)
def test_a_submitted_or_verified_row_takes_no_evidence(
    operator_dinkes, line, may_2026, media_root, status, message
):
    report(line, 4, 30, 10 * JT, status=status)
    response = client_for(operator_dinkes).post(
        daftar_url(line), {"berkas": upload("foto.png", png_bytes())}
    )
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not BuktiDukung.objects.exists()
    assert stored_files(media_root) == []
    with pytest.raises(PermissionDenied, match=message):
        add(line, operator_dinkes)


def test_a_failed_database_write_leaves_no_orphan_file(operator_dinkes, line, may_2026, media_root):
    def fail(sender, instance, **kwargs):
        assert default_storage.exists(instance.berkas.name)  # the file was stored by now
        raise IntegrityError("simulated failure of the database write")

    pre_save.connect(fail, sender=BuktiDukung, dispatch_uid="uji-gagal")
    try:
        with pytest.raises(IntegrityError):
            add(line, operator_dinkes)
    finally:
        pre_save.disconnect(sender=BuktiDukung, dispatch_uid="uji-gagal")
    assert stored_files(media_root) == []
    assert not BuktiDukung.objects.exists()
    assert not Realisasi.objects.exists()


def test_a_too_long_keterangan_is_refused_before_anything_is_stored(
    operator_dinkes, line, may_2026, media_root
):
    response = client_for(operator_dinkes).post(
        daftar_url(line), {"berkas": upload("foto.png", png_bytes()), "keterangan": "x" * 301}
    )
    assert response.status_code == 200
    assert "paling banyak 300 karakter" in response.content.decode()
    assert stored_files(media_root) == []
    with pytest.raises(ValidationError):
        add(line, operator_dinkes, keterangan="x" * 301)
    assert stored_files(media_root) == []


def test_the_upload_form_checks_the_csrf_token(operator_dinkes, line, may_2026, media_root):
    client = Client(enforce_csrf_checks=True)
    client.force_login(operator_dinkes)
    response = client.post(daftar_url(line), {"berkas": upload("foto.png", png_bytes())})
    assert response.status_code == 403
    assert not BuktiDukung.objects.exists()
    assert stored_files(media_root) == []


# --- The list page: the four permission cases -----------------------------------------------------


def test_the_owner_sees_the_list_and_the_upload_form(operator_dinkes, line, may_2026):
    add(line, operator_dinkes, "denah.png", keterangan="Denah lokasi")
    response = client_for(operator_dinkes).get(daftar_url(line))
    assert response.status_code == 200
    html = response.content.decode()
    assert "denah.png" in html
    assert "Denah lokasi" in html
    assert 'data-testid="unggah"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Hapus" in html


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
def test_the_reading_roles_see_the_list_without_any_form(personas, line, may_2026, role):
    add(line, personas["operator_dinkes"], "denah.png")
    response = client_for(personas[role]).get(daftar_url(line))
    assert response.status_code == 200
    html = response.content.decode()
    assert "denah.png" in html
    assert 'data-testid="unggah"' not in html
    assert reverse("realisasi:bukti-hapus", args=[BuktiDukung.objects.get().pk]) not in html


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
def test_the_reading_roles_get_403_when_they_upload(personas, line, may_2026, media_root, role):
    response = client_for(personas[role]).post(
        daftar_url(line), {"berkas": upload("foto.png", png_bytes())}
    )
    assert response.status_code == 403
    assert not BuktiDukung.objects.exists()
    assert not Realisasi.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_operator_of_another_pd_gets_404_for_the_line(
    operator_dpupr, line, may_2026, media_root, method
):
    client = client_for(operator_dpupr)
    data = {"berkas": upload("foto.png", png_bytes())} if method == "post" else None
    response = getattr(client, method)(daftar_url(line), data)
    assert response.status_code == 404
    assert not Realisasi.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_login_from_the_list(client, line, may_2026, method):
    response = getattr(client, method)(daftar_url(line))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_unknown_month_or_line_is_404(operator_dinkes, line, may_2026):
    client = client_for(operator_dinkes)
    assert client.get(reverse("realisasi:bukti", args=[line.pk, 13])).status_code == 404
    assert client.get(reverse("realisasi:bukti", args=[999999, 4])).status_code == 404


def test_the_service_refuses_a_reading_role_or_another_pds_operator(
    personas, line, may_2026, media_root
):
    for role in ("admin", "pimpinan", "auditor", "operator_dpupr"):
        with pytest.raises(PermissionDenied):
            add(line, personas[role])
    assert stored_files(media_root) == []


# --- Download -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["operator_dinkes", "admin", "pimpinan", "auditor"])
def test_those_who_may_see_the_pd_download_the_file(personas, line, may_2026, role):
    bukti = add(line, personas["operator_dinkes"], "BAST termin 1.pdf", pdf_bytes())
    response = client_for(personas[role]).get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "BAST termin 1.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_image_is_shown_inline_and_never_sniffed(operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes, "foto.png", png_bytes())
    response = client_for(operator_dinkes).get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("rekap.xlsx", xlsx_bytes, "spreadsheetml.sheet"),
        ("laporan.docx", docx_bytes, "wordprocessingml.document"),
    ],
)
def test_office_documents_are_downloaded_as_attachments(
    operator_dinkes, line, may_2026, name, make, content_type
):
    bukti = add(line, operator_dinkes, name, make())
    response = client_for(operator_dinkes).get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response["Content-Type"].endswith(content_type)
    assert response["Content-Disposition"].startswith("attachment;")


def test_an_operator_of_another_pd_gets_404_for_the_file(
    operator_dinkes, operator_dpupr, line, may_2026
):
    bukti = add(line, operator_dinkes)
    response = client_for(operator_dpupr).get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response.status_code == 404


def test_anonymous_users_are_sent_to_login_from_the_file(client, operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes)
    response = client.get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_file_missing_from_storage_is_404(operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes)
    default_storage.delete(bukti.berkas.name)
    response = client_for(operator_dinkes).get(reverse("realisasi:bukti-unduh", args=[bukti.pk]))
    assert response.status_code == 404


def test_the_media_folder_is_not_served(operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes)
    response = client_for(operator_dinkes).get(f"/{django_settings.MEDIA_URL}{bukti.berkas.name}")
    assert response.status_code == 404


# --- Removal --------------------------------------------------------------------------------------


def hapus_url(bukti):
    return reverse("realisasi:bukti-hapus", args=[bukti.pk])


def test_the_owner_removes_a_file_and_it_leaves_storage_after_commit(
    operator_dinkes, line, may_2026, media_root, django_capture_on_commit_callbacks
):
    bukti = add(line, operator_dinkes)
    stored = media_root / bukti.berkas.name
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_for(operator_dinkes).post(hapus_url(bukti))
        assert stored.exists()  # not before the commit
    assert len(callbacks) == 1
    assert response.status_code == 302
    assert response.url == daftar_url(line)
    assert not BuktiDukung.objects.exists()
    assert not stored.exists()
    assert BuktiDukung.history.filter(history_type="-").get().history_user == operator_dinkes


@pytest.mark.parametrize("role", ["admin", "pimpinan", "auditor"])
def test_the_reading_roles_get_403_when_they_remove(personas, line, may_2026, media_root, role):
    bukti = add(line, personas["operator_dinkes"])
    response = client_for(personas[role]).post(hapus_url(bukti))
    assert response.status_code == 403
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()
    assert (media_root / bukti.berkas.name).exists()


def test_an_operator_of_another_pd_gets_404_when_removing(
    operator_dinkes, operator_dpupr, line, may_2026
):
    bukti = add(line, operator_dinkes)
    assert client_for(operator_dpupr).post(hapus_url(bukti)).status_code == 404
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()


def test_anonymous_users_are_sent_to_login_when_removing(client, operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes)
    response = client.post(hapus_url(bukti))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()


def test_removal_is_post_only(operator_dinkes, line, may_2026):
    bukti = add(line, operator_dinkes)
    assert client_for(operator_dinkes).get(hapus_url(bukti)).status_code == 405
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Realisasi.Status.DIAJUKAN, "sudah diajukan"),
        (Realisasi.Status.DIVERIFIKASI, "sudah diverifikasi"),
    ],
)
def test_a_file_of_a_submitted_or_verified_row_cannot_be_removed(
    operator_dinkes, line, may_2026, media_root, status, message
):
    bukti = add(line, operator_dinkes)
    Realisasi.objects.filter(pk=bukti.realisasi_id).update(status=status)
    client = client_for(operator_dinkes)
    response = client.post(hapus_url(bukti), follow=True)
    assert message in response.content.decode()
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()
    assert (media_root / bukti.berkas.name).exists()


def test_a_file_of_a_locked_month_cannot_be_removed(
    operator_dinkes, admin_user, line, may_2026, media_root
):
    bukti = add(line, operator_dinkes)
    KunciBulan.objects.create(
        tahun=2026,
        bulan=4,
        batas_pengisian=datetime.date(2026, 5, 10),
        dikunci_pada=timezone.now(),
        dikunci_oleh=admin_user,
    )
    response = client_for(operator_dinkes).post(hapus_url(bukti), follow=True)
    assert "Bulan ini telah dikunci oleh admin." in response.content.decode()
    assert BuktiDukung.objects.filter(pk=bukti.pk).exists()
    assert (media_root / bukti.berkas.name).exists()


# --- Small pieces ---------------------------------------------------------------------------------


def test_the_users_file_name_is_cleaned_for_display():
    assert services.nama_asli_bersih("C:\\Users\\pptk\\foto\x00 1.jpg") == "foto 1.jpg"
    assert services.nama_asli_bersih("../../etc/passwd.pdf") == "passwd.pdf"
    long_name = services.nama_asli_bersih("a" * 300 + ".pdf")
    assert len(long_name) == 255
    assert long_name.endswith(".pdf")


def test_sizes_are_written_the_indonesian_way():
    assert services.ukuran_teks(5 * 1024 * 1024) == "5 MB"
    assert services.ukuran_teks(6_500_000) == "6,2 MB"
    assert services.ukuran_teks(2048) == "2 KB"
    assert services.ukuran_teks(5 * 1024 * 1024 + 1, round_up=True) == "5,1 MB"


# --- In a real browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_operator_uploads_a_photo_in_the_browser(
    page, screenshot, operator_dinkes, line, time_machine, media_root, tmp_path
):
    from playwright.sync_api import expect

    from .builders import PASSWORD

    time_machine.move_to(datetime.datetime(2026, 5, 5, 9, 0, tzinfo=JAKARTA), tick=True)
    photo = tmp_path / "progres 50 persen.jpg"
    photo.write_bytes(jpeg_bytes())
    fake = tmp_path / "laporan.pdf"
    fake.write_bytes(b"<html>bukan pdf</html>")
    page.goto(reverse("login"))
    page.get_by_label("Nama pengguna").fill(operator_dinkes.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(daftar_url(line))
    page.get_by_label("Berkas").set_input_files(str(fake))
    page.get_by_role("button", name="Unggah").click()
    expect(page.get_by_text("Isi berkas tidak sesuai dengan ekstensinya (.pdf)")).to_be_visible()
    page.get_by_label("Berkas").set_input_files(str(photo))
    page.get_by_label("Keterangan").fill("Progres pekerjaan 50%")
    page.get_by_role("button", name="Unggah").click()
    expect(page.get_by_test_id("daftar-bukti")).to_contain_text("progres 50 persen.jpg")
    expect(page.get_by_test_id("daftar-bukti")).to_contain_text("Foto JPEG")
    screenshot("bukti-daftar")
    assert len(stored_files(media_root)) == 1
    # Opened on its own, the photo shows (the download's CSP still lets the image itself load).
    page.goto(reverse("realisasi:bukti-unduh", args=[BuktiDukung.objects.get().pk]))
    assert page.evaluate("document.images[0].naturalWidth") == 1
