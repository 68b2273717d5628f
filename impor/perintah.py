"""What the two import commands share: read the file, print the preview or the errors, apply."""

import argparse
import datetime
import io
import os

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from akun import access
from laporan import format as fmt

from . import dpa as impor_dpa
from . import services, templat
from . import sp2d as impor_sp2d
from .berkas import MAKS_TEKS, UKURAN_MAKS, BerkasMelampauiBatas
from .models import Impor


class PerintahImpor(BaseCommand):
    jenis: str

    def add_common_arguments(self, parser) -> None:
        parser.add_argument("berkas", metavar="BERKAS", help="Berkas .xlsx yang diimpor.")
        parser.add_argument(
            "--tahun",
            type=int,
            required=True,
            help="Tahun anggaran tujuan impor, mis. 2026.",
        )
        parser.add_argument(
            "--terapkan",
            action="store_true",
            help="Simpan perubahan (semuanya dalam satu transaksi, atau tidak sama sekali bila "
            "ada galat). Tanpa opsi ini hanya pratinjau yang dicetak; tidak ada yang disimpan.",
        )
        parser.add_argument(
            "--pengguna",
            metavar="NAMA_PENGGUNA",
            help="Akun admin yang tercatat sebagai pengunggah dan pelaku perubahan di riwayat. "
            "Tanpa opsi ini perubahan dicatat sebagai 'baris perintah' tanpa nama pengguna.",
        )
        parser.add_argument(
            "--salinan-galat",
            metavar="BERKAS_KELUARAN",
            help="Bila ada galat, tulis salinan berkas dengan sel bermasalah ditandai merah "
            "(beserta daftar galatnya) ke berkas .xlsx ini.",
        )

    def _pengguna(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not access.is_admin(user):
            raise CommandError(f"Pengguna “{username}” tidak ada atau bukan Admin yang aktif.")
        return user

    def _data(self, path: str) -> bytes:
        try:
            size = os.path.getsize(path)
            if size > UKURAN_MAKS:
                raise CommandError(f"Ukuran berkas melebihi batas {MAKS_TEKS}.")
            with open(path, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc.strerror or exc}.") from None

    def jalankan(self, options, *, fase: str = "", tanggal_berlaku=None) -> None:
        path = options["berkas"]
        user = self._pengguna(options.get("pengguna"))
        data = self._data(path)
        try:
            hasil = services.pratinjau(
                jenis=self.jenis,
                data=data,
                tahun=options["tahun"],
                fase=fase,
                tanggal_berlaku=tanggal_berlaku,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if not hasil.ok:
            self._cetak_galat(hasil, data, options.get("salinan_galat"))
            raise CommandError(
                f"{len(hasil.galat)} galat; tidak ada yang disimpan. Perbaiki berkas lalu ulangi."
            )
        self._cetak_pratinjau(hasil)
        if not options["terapkan"]:
            self.stdout.write(
                "Pratinjau saja; tidak ada yang disimpan. Ulangi dengan --terapkan untuk menyimpan."
            )
            return
        impor = services.impor_unggah(
            jenis=self.jenis,
            berkas=io.BytesIO(data),
            nama_asli=os.path.basename(path),
            tahun=options["tahun"],
            fase=fase,
            tanggal_berlaku=tanggal_berlaku,
            by=user,
            sumber=Impor.Sumber.PERINTAH,
        )
        if impor.status != Impor.Status.PRATINJAU:
            raise CommandError(services.PratinjauKedaluwarsa.pesan)
        try:
            services.impor_terapkan(impor=impor, by=user)
        except services.PratinjauKedaluwarsa as exc:
            raise CommandError(exc.pesan) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Impor #{impor.pk} diterapkan dalam satu transaksi; perubahan tercatat di riwayat."
            )
        )

    def _cetak_galat(self, hasil, data: bytes, salinan: str | None) -> None:
        self.stderr.write(f"Galat ({len(hasil.galat)}):")
        for item in hasil.galat:
            self.stderr.write(f"  - {item}")
        if salinan:
            try:
                content = templat.salinan_bertanda(data, hasil.galat)
            except BerkasMelampauiBatas:
                self.stderr.write(
                    "Salinan bertanda tidak dibuat: berkas melampaui batas ukuran atau bentuk "
                    "sehingga tidak dibuka."
                )
                return
            with open(salinan, "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Salinan bertanda ditulis ke {salinan}.")

    def _cetak_pratinjau(self, hasil) -> None:
        ringkasan = hasil.ringkasan
        self.stdout.write("Pratinjau:")
        labels = (impor_dpa if self.jenis == Impor.Jenis.DPA else impor_sp2d).LABEL_RINGKASAN
        for key, value in ringkasan.items():
            if key.startswith("total"):
                value = fmt.rupiah(value)
            self.stdout.write(f"  {labels.get(key, key)}: {value}")
        for row in hasil.baris:
            if row["aksi"] == "tetap":
                continue
            where = (
                f"baris {row['baris']}"
                if isinstance(row["baris"], int)
                else ("baris " + ", ".join(str(b) for b in row["baris"]))
            )
            judul = f"{row['pd']} {row['kode_sub_kegiatan']} ({row['sumber_dana']})"
            if "nama_bulan" in row:
                judul += f" {row['nama_bulan']}"
            self.stdout.write(f"  [{row['label_aksi']}] {where}: {judul}")
            for text in row["perubahan"]:
                self.stdout.write(f"      {text}")


def tanggal_argumen(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal “{text}” tidak dikenali; tulis seperti 2026-09-15."
        ) from None
