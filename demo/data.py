"""The static data of the demo: a fictional kabupaten, its Perangkat Daerah, the nomenclature they
budget under, funding sources, obstacle texts and names.

The nomenclature follows Permendagri 90/2019 as updated by Kepmendagri 050-5889/2021 (4-digit
sub kegiatan codes). Codes and names were written from the published lists as best known; a few
Kesbangpol (8.01) and BPBD (1.05.03) entries are approximations. Pagu ranges are in juta Rupiah,
gaji in miliar.
"""

from dataclasses import dataclass, field

PEMDA = {
    "nama": "Pemerintah Kabupaten Sukamaju",
    "sebutan_kepala_daerah": "Bupati",
    "ibu_kota": "Sukamaju",
}
NAMA_KABUPATEN = "Kabupaten Sukamaju"

# Kecamatan and their desa/kelurahan (fictional, in the Priangan style).
KECAMATAN = {
    "Sukamaju": ["Sukamaju", "Sukaresmi", "Sukasari", "Margaluyu", "Babakan", "Cijati"],
    "Cibeureum": ["Cibeureum", "Cimanggu", "Sukarame", "Mekarsari", "Cileungsi"],
    "Sindangsari": ["Sindangsari", "Sindanglaya", "Girimukti", "Cintaasih", "Pasirjaya"],
    "Mekarwangi": ["Mekarwangi", "Mekarmulya", "Wangisagara", "Neglasari", "Sirnagalih"],
    "Karangsari": ["Karangsari", "Karangmulya", "Karangtengah", "Jatisari", "Tegalwaru"],
    "Tanjungjaya": ["Tanjungjaya", "Tanjungsari", "Cikoneng", "Bojongsari", "Sukahurip"],
    "Cikadu": ["Cikadu", "Cipeundeuy", "Mandalawangi", "Gununghalu", "Sindangjaya"],
    "Pasirmukti": ["Pasirmukti", "Pasirbaru", "Cigalontang", "Sukamulya", "Nagrak"],
}
SUNGAI = ["Cibeureum", "Cikadu", "Cipeundeuy", "Cileuleuy", "Cisangkan", "Cimuncang", "Cilutung"]
DAERAH_IRIGASI = ["Cileuleuy", "Cipeundeuy", "Leuwigoong", "Cisangkan", "Sindangsari", "Cinangka"]

# --- Sumber dana: (kode, nama, kelompok) ---------------------------------------------------------

SUMBER_DANA = [
    ("PAD", "Pendapatan Asli Daerah", "apbd"),
    ("DAU", "Dana Alokasi Umum", "apbd"),
    ("DAU-DP", "DAU yang Ditentukan Penggunaannya (Earmark)", "apbd"),
    ("DBH", "Dana Bagi Hasil", "apbd"),
    ("DBHCHT", "Dana Bagi Hasil Cukai Hasil Tembakau", "apbd"),
    ("PAJAK-ROKOK", "Pajak Rokok", "apbd"),
    ("INSENTIF", "Insentif Fiskal", "apbd"),
    ("SILPA", "Sisa Lebih Perhitungan Anggaran (SiLPA)", "apbd"),
    ("DAK-FR", "DAK Fisik Reguler", "dak"),
    ("DAK-FP", "DAK Fisik Penugasan", "dak"),
    ("DAK-NF-BOS", "DAK Non Fisik - Bantuan Operasional Sekolah (BOS)", "dak"),
    ("DAK-NF-BOP", "DAK Non Fisik - BOP PAUD dan Pendidikan Kesetaraan", "dak"),
    ("DAK-NF-BOK", "DAK Non Fisik - Bantuan Operasional Kesehatan (BOK)", "dak"),
    ("DAK-NF-BOKB", "DAK Non Fisik - Bantuan Operasional Keluarga Berencana (BOKB)", "dak"),
    ("BANKEU-PROV", "Bantuan Keuangan Provinsi", "bankeu"),
    ("BLUD", "Pendapatan Badan Layanan Umum Daerah (BLUD)", "non_apbd"),
]

# --- Nomenclature --------------------------------------------------------------------------------

PROGRAM_PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"

# The kegiatan of the penunjang program, by their suffix after "<bidang>.01.".
KEGIATAN_PENUNJANG = {
    "2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "2.02": "Administrasi Keuangan Perangkat Daerah",
    "2.05": "Administrasi Kepegawaian Perangkat Daerah",
    "2.06": "Administrasi Umum Perangkat Daerah",
    "2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "2.09": "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
}


@dataclass(frozen=True)
class SubPenunjang:
    """A sub kegiatan of the penunjang program that every PD may budget.

    ``peluang`` is the chance a PD budgets it in a year (1 = always); ``pagu`` the range in juta for
    a PD of ``skala`` 1; ``profil`` the shape of its plan (see demo.builder.PROFIL).
    """

    kegiatan: str
    nomor: str
    nama: str
    indikator: str
    satuan: str
    target: tuple
    pagu: tuple
    profil: str
    peluang: float
    sumber: str = "PAD"


SUB_PENUNJANG = [
    SubPenunjang("2.01", "0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                 "Jumlah Dokumen Perencanaan Perangkat Daerah", "dokumen", (2, 4), (20, 80),
                 "kegiatan", 1.0),
    SubPenunjang("2.01", "0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                 "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
                 "dokumen", (1, 2), (8, 25), "kegiatan", 0.35),
    SubPenunjang("2.01", "0006",
                 "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja "
                 "SKPD",
                 "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD dan Laporan "
                 "Hasil Koordinasi Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi "
                 "Kinerja SKPD", "laporan", (4, 5), (10, 40), "kegiatan", 0.8),
    SubPenunjang("2.01", "0007", "Evaluasi Kinerja Perangkat Daerah",
                 "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", "laporan", (4, 4), (8, 30),
                 "kegiatan", 0.3),
    SubPenunjang("2.02", "0001", "Penyediaan Gaji dan Tunjangan ASN",
                 "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "orang/bulan", (0, 0),
                 (0, 0), "gaji", 1.0, "DAU"),
    SubPenunjang("2.02", "0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
                 "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN", "dokumen",
                 (12, 12), (150, 900), "rutin", 0.4),
    SubPenunjang("2.02", "0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
                 "Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "dokumen",
                 (12, 12), (30, 150), "rutin", 1.0),
    SubPenunjang("2.02", "0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                 "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan "
                 "Laporan Keuangan Akhir Tahun SKPD", "laporan", (1, 1), (8, 25), "awal", 0.3),
    SubPenunjang("2.05", "0002", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
                 "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan", "paket", (1, 2),
                 (20, 120), "pengadaan", 0.3),
    SubPenunjang("2.05", "0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
                 "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan "
                 "Pelatihan", "orang", (5, 30), (20, 150), "kegiatan", 0.45),
    SubPenunjang("2.06", "0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
                 "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang "
                 "Disediakan", "paket", (1, 2), (5, 25), "pengadaan", 0.35),
    SubPenunjang("2.06", "0002", "Penyediaan Peralatan dan Perlengkapan Kantor",
                 "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "paket", (1, 3),
                 (20, 120), "pengadaan", 0.4),
    SubPenunjang("2.06", "0004", "Penyediaan Bahan Logistik Kantor",
                 "Jumlah Paket Bahan Logistik Kantor yang Disediakan", "paket", (1, 4), (25, 180),
                 "rutin", 0.95),
    SubPenunjang("2.06", "0005", "Penyediaan Barang Cetakan dan Penggandaan",
                 "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan", "paket", (1, 4),
                 (10, 80), "rutin", 0.7),
    SubPenunjang("2.06", "0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
                 "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan",
                 "dokumen", (12, 24), (5, 25), "rutin", 0.3),
    SubPenunjang("2.06", "0008", "Fasilitasi Kunjungan Tamu",
                 "Jumlah Laporan Fasilitasi Kunjungan Tamu", "laporan", (12, 12), (10, 60),
                 "rutin", 0.35),
    SubPenunjang("2.06", "0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                 "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "laporan",
                 (12, 12), (60, 450), "rutin", 0.95),
    SubPenunjang("2.07", "0002", "Pengadaan Kendaraan Dinas Operasional atau Lapangan",
                 "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang Disediakan", "unit",
                 (1, 2), (250, 700), "pengadaan", 0.2, "DAU"),
    SubPenunjang("2.07", "0005", "Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan", "paket",
                 (1, 2), (30, 150), "pengadaan", 0.3),
    SubPenunjang("2.07", "0006", "Pengadaan Peralatan dan Mesin Lainnya",
                 "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan", "unit", (3, 20),
                 (50, 350), "pengadaan", 0.45),
    SubPenunjang("2.07", "0010", "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan "
                                 "Lainnya",
                 "Jumlah Unit Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang "
                 "Disediakan", "unit", (1, 2), (150, 900), "konstruksi", 0.15, "DAU"),
    SubPenunjang("2.08", "0001", "Penyediaan Jasa Surat Menyurat",
                 "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "laporan", (12, 12), (3, 12),
                 "rutin", 0.3),
    SubPenunjang("2.08", "0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
                 "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang "
                 "Disediakan", "laporan", (12, 12), (60, 400), "rutin", 1.0),
    SubPenunjang("2.08", "0004", "Penyediaan Jasa Pelayanan Umum Kantor",
                 "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", "laporan",
                 (12, 12), (150, 1200), "rutin", 0.9),
    SubPenunjang("2.09", "0001",
                 "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan "
                 "Dinas atau Kendaraan Dinas Jabatan",
                 "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara "
                 "dan dibayarkan Pajaknya", "unit", (1, 3), (20, 80), "rutin", 0.4),
    SubPenunjang("2.09", "0002",
                 "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan "
                 "Dinas Operasional atau Lapangan",
                 "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan dibayarkan "
                 "Pajak dan Perizinannya", "unit", (3, 15), (40, 300), "rutin", 0.85),
    SubPenunjang("2.09", "0006", "Pemeliharaan Peralatan dan Mesin Lainnya",
                 "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara", "unit", (10, 80), (15, 100),
                 "rutin", 0.5),
    SubPenunjang("2.09", "0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
                 "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi", "unit",
                 (1, 2), (80, 600), "konstruksi", 0.45),
]  # fmt: skip

# Technical programs, their kegiatan and sub kegiatan. A sub kegiatan: (nama, indikator, satuan).
PROGRAM = {
    "1.01.02": "PROGRAM PENGELOLAAN PENDIDIKAN",
    "1.01.04": "PROGRAM PENDIDIK DAN TENAGA KEPENDIDIKAN",
    "1.02.02": "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
    "1.02.03": "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN",
    "1.02.05": "PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN",
    "1.03.02": "PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)",
    "1.03.03": "PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM",
    "1.03.06": "PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM DRAINASE",
    "1.03.10": "PROGRAM PENYELENGGARAAN JALAN",
    "1.03.12": "PROGRAM PENYELENGGARAAN PENATAAN RUANG",
    "1.04.02": "PROGRAM PENGEMBANGAN PERUMAHAN",
    "1.04.03": "PROGRAM KAWASAN PERMUKIMAN",
    "1.04.05": "PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)",
    "1.05.02": "PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM",
    "1.05.03": "PROGRAM PENANGGULANGAN BENCANA",
    "1.05.04": "PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON "
    "KEBAKARAN",
    "1.06.04": "PROGRAM REHABILITASI SOSIAL",
    "1.06.05": "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL",
    "1.06.06": "PROGRAM PENANGANAN BENCANA",
    "2.07.03": "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
    "2.07.04": "PROGRAM PENEMPATAN TENAGA KERJA",
    "2.07.05": "PROGRAM HUBUNGAN INDUSTRIAL",
    "2.08.02": "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN",
    "2.08.03": "PROGRAM PERLINDUNGAN PEREMPUAN",
    "2.08.06": "PROGRAM PEMENUHAN HAK ANAK (PHA)",
    "2.09.03": "PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT",
    "2.09.04": "PROGRAM PENANGANAN KERAWANAN PANGAN",
    "2.09.05": "PROGRAM PENGAWASAN KEAMANAN PANGAN",
    "2.10.05": "PROGRAM PENYELESAIAN GANTI KERUGIAN DAN SANTUNAN TANAH UNTUK PEMBANGUNAN",
    "2.11.03": "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP",
    "2.11.04": "PROGRAM PENGELOLAAN KEANEKARAGAMAN HAYATI (KEHATI)",
    "2.11.11": "PROGRAM PENGELOLAAN PERSAMPAHAN",
    "2.12.02": "PROGRAM PENDAFTARAN PENDUDUK",
    "2.12.03": "PROGRAM PENCATATAN SIPIL",
    "2.12.04": "PROGRAM PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN",
    "2.13.04": "PROGRAM ADMINISTRASI PEMERINTAHAN DESA",
    "2.13.05": "PROGRAM PEMBERDAYAAN LEMBAGA KEMASYARAKATAN, LEMBAGA ADAT DAN MASYARAKAT HUKUM "
    "ADAT",
    "2.14.03": "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)",
    "2.14.04": "PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)",
    "2.15.02": "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)",
    "2.16.02": "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK",
    "2.16.03": "PROGRAM APLIKASI INFORMATIKA",
    "2.17.03": "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI",
    "2.17.05": "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN",
    "2.17.07": "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",
    "2.18.03": "PROGRAM PROMOSI PENANAMAN MODAL",
    "2.18.04": "PROGRAM PELAYANAN PENANAMAN MODAL",
    "2.18.05": "PROGRAM PENGENDALIAN PELAKSANAAN PENANAMAN MODAL",
    "2.19.02": "PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEPEMUDAAN",
    "2.19.03": "PROGRAM PENGEMBANGAN DAYA SAING KEOLAHRAGAAN",
    "2.20.02": "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL",
    "2.21.02": "PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI",
    "2.22.02": "PROGRAM PENGEMBANGAN KEBUDAYAAN",
    "2.22.05": "PROGRAM PELESTARIAN DAN PENGELOLAAN CAGAR BUDAYA",
    "2.23.02": "PROGRAM PEMBINAAN PERPUSTAKAAN",
    "2.24.02": "PROGRAM PENGELOLAAN ARSIP",
    "3.25.04": "PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA",
    "3.25.06": "PROGRAM PENGOLAHAN DAN PEMASARAN HASIL PERIKANAN",
    "3.26.02": "PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA",
    "3.26.03": "PROGRAM PEMASARAN PARIWISATA",
    "3.27.02": "PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN",
    "3.27.03": "PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN",
    "3.27.04": "PROGRAM PENGENDALIAN KESEHATAN HEWAN DAN KESEHATAN MASYARAKAT VETERINER",
    "3.27.05": "PROGRAM PENGENDALIAN DAN PENANGGULANGAN BENCANA PERTANIAN",
    "3.27.07": "PROGRAM PENYULUHAN PERTANIAN",
    "3.30.03": "PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN",
    "3.30.04": "PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING",
    "3.30.06": "PROGRAM STANDARDISASI DAN PERLINDUNGAN KONSUMEN",
    "3.31.02": "PROGRAM PERENCANAAN DAN PEMBANGUNAN INDUSTRI",
    "4.01.02": "PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT",
    "4.01.03": "PROGRAM PEREKONOMIAN DAN PEMBANGUNAN",
    "4.02.02": "PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD",
    "5.01.02": "PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH",
    "5.01.03": "PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH",
    "5.02.02": "PROGRAM PENGELOLAAN KEUANGAN DAERAH",
    "5.02.03": "PROGRAM PENGELOLAAN BARANG MILIK DAERAH",
    "5.02.04": "PROGRAM PENGELOLAAN PENDAPATAN DAERAH",
    "5.03.02": "PROGRAM KEPEGAWAIAN DAERAH",
    "5.04.02": "PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA",
    "5.05.02": "PROGRAM PENELITIAN DAN PENGEMBANGAN DAERAH",
    "6.01.02": "PROGRAM PENYELENGGARAAN PENGAWASAN",
    "6.01.03": "PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI",
    "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "7.01.03": "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
    "7.01.04": "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
    "8.01.02": "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN",
    "8.01.03": "PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI PENDIDIKAN "
    "POLITIK DAN PENGEMBANGAN ETIKA SERTA BUDAYA POLITIK",
    "8.01.06": "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN KUALITAS DAN FASILITASI "
    "PENANGANAN KONFLIK SOSIAL",
}

KEGIATAN = {
    "1.01.02.2.01": "Pengelolaan Pendidikan Sekolah Dasar",
    "1.01.02.2.02": "Pengelolaan Pendidikan Sekolah Menengah Pertama",
    "1.01.02.2.03": "Pengelolaan Pendidikan Anak Usia Dini (PAUD)",
    "1.01.02.2.04": "Pengelolaan Pendidikan Nonformal/Kesetaraan",
    "1.01.04.2.01": "Pemerataan Kuantitas dan Kualitas Pendidik dan Tenaga Kependidikan bagi "
    "Satuan "
    "Pendidikan Dasar, PAUD, dan Pendidikan Nonformal/Kesetaraan",
    "1.02.01.2.10": "Peningkatan Pelayanan BLUD",
    "1.02.02.2.01": "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah "
    "Kabupaten/Kota",
    "1.02.02.2.02": "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
    "Kabupaten/Kota",
    "1.02.03.2.03": "Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia "
    "Kesehatan Tingkat Daerah Kabupaten/Kota",
    "1.02.05.2.01": "Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan "
    "Lintas "
    "Sektor Tingkat Daerah Kabupaten/Kota",
    "1.03.02.2.01": "Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 "
    "(Satu) Daerah Kabupaten/Kota",
    "1.03.02.2.02": "Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder pada Daerah "
    "Irigasi yang Luasnya dibawah 1000 Ha dalam 1 (Satu) Daerah Kabupaten/Kota",
    "1.03.03.2.01": "Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah "
    "Kabupaten/Kota",
    "1.03.06.2.01": "Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung dengan "
    "Sungai dalam Daerah Kabupaten/Kota",
    "1.03.10.2.01": "Penyelenggaraan Jalan Kabupaten/Kota",
    "1.03.12.2.02": "Penetapan Rencana Tata Ruang Wilayah (RTRW) dan Rencana Rinci Tata Ruang "
    "(RRTR) "
    "Kabupaten/Kota",
    "1.04.02.2.03": "Pembangunan dan Rehabilitasi Rumah Korban Bencana atau Relokasi Program "
    "Kabupaten/Kota",
    "1.04.03.2.03": "Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas di Bawah 10 "
    "(Sepuluh) "
    "Ha",
    "1.04.05.2.01": "Urusan Penyelenggaraan PSU Perumahan",
    "1.05.02.2.01": "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (Satu) Daerah "
    "Kabupaten/Kota",
    "1.05.02.2.02": "Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan Bupati/Wali Kota",
    "1.05.03.2.01": "Pelayanan Informasi Rawan Bencana Kabupaten/Kota",
    "1.05.03.2.02": "Pelayanan Pencegahan dan Kesiapsiagaan Terhadap Bencana",
    "1.05.03.2.03": "Pelayanan Penyelamatan dan Evakuasi Korban Bencana",
    "1.05.04.2.01": "Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan "
    "Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota",
    "1.06.04.2.01": "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, "
    "Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
    "1.06.05.2.02": "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
    "1.06.06.2.01": "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota",
    "2.07.03.2.01": "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi",
    "2.07.04.2.01": "Pelayanan Antarkerja di Daerah Kabupaten/Kota",
    "2.07.05.2.02": "Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan "
    "Penutupan Perusahaan di Daerah Kabupaten/Kota",
    "2.08.02.2.01": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan "
    "Kabupaten/Kota",
    "2.08.03.2.02": "Penyediaan Layanan Rujukan Lanjutan bagi Perempuan Korban Kekerasan yang "
    "Memerlukan Koordinasi Kewenangan Kabupaten/Kota",
    "2.08.06.2.02": "Penyediaan Layanan bagi Anak yang Memerlukan Perlindungan Khusus yang "
    "Memerlukan Koordinasi Kewenangan Kabupaten/Kota",
    "2.09.03.2.01": "Penyediaan dan Penyaluran Pangan Pokok atau Pangan Lainnya sesuai dengan "
    "Kebutuhan Daerah Kabupaten/Kota dalam rangka Stabilisasi Pasokan dan Harga Pangan",
    "2.09.03.2.02": "Pengelolaan dan Keseimbangan Cadangan Pangan Kabupaten/Kota",
    "2.09.04.2.02": "Penanganan Kerawanan Pangan Kewenangan Kabupaten/Kota",
    "2.09.05.2.01": "Pelaksanaan Pengawasan Keamanan Pangan Segar Daerah Kabupaten/Kota",
    "2.10.05.2.01": "Penyelesaian Masalah Ganti Kerugian dan Santunan Tanah untuk Pembangunan",
    "2.11.03.2.01": "Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup",
    "2.11.04.2.01": "Pengelolaan Keanekaragaman Hayati Kabupaten/Kota",
    "2.11.11.2.01": "Pengelolaan Sampah",
    "2.12.02.2.01": "Pelayanan Pendaftaran Penduduk",
    "2.12.03.2.01": "Pelayanan Pencatatan Sipil",
    "2.12.04.2.01": "Pengumpulan Data Kependudukan dan Pemanfaatan dan Penyajian Database "
    "Kependudukan",
    "2.13.04.2.01": "Pembinaan dan Pengawasan Penyelenggaraan Administrasi Pemerintahan Desa",
    "2.13.05.2.01": "Pemberdayaan Lembaga Kemasyarakatan yang Bergerak di Bidang Pemberdayaan Desa "
    "dan Lembaga Adat Tingkat Daerah Kabupaten/Kota serta Pemberdayaan Masyarakat Hukum Adat yang "
    "Masyarakat Pelakunya Hukum Adat yang Sama dalam Daerah Kabupaten/Kota",
    "2.14.03.2.02": "Pendayagunaan Tenaga Penyuluh KB/Petugas Lapangan KB (PKB/PLKB)",
    "2.14.03.2.03": "Pengendalian dan Pendistribusian Kebutuhan Alat dan Obat Kontrasepsi serta "
    "Pelaksanaan Pelayanan KB di Daerah Kabupaten/Kota",
    "2.14.04.2.02": "Pelaksanaan dan Peningkatan Peran Serta Organisasi Kemasyarakatan Tingkat "
    "Daerah Kabupaten/Kota dalam Pembangunan Keluarga Melalui Pembinaan Ketahanan dan "
    "Kesejahteraan "
    "Keluarga",
    "2.15.02.2.02": "Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota",
    "2.15.02.2.05": "Pengujian Berkala Kendaraan Bermotor",
    "2.15.02.2.06": "Pelaksanaan Manajemen dan Rekayasa Lalu Lintas untuk Jaringan Jalan "
    "Kabupaten/Kota",
    "2.16.02.2.01": "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota",
    "2.16.03.2.02": "Pengelolaan E-government Di Lingkup Pemerintah Daerah Kabupaten/Kota",
    "2.17.03.2.01": "Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan "
    "Pinjam "
    "Koperasi yang Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota",
    "2.17.05.2.01": "Pendidikan dan Latihan Perkoperasian bagi Koperasi yang Wilayah Keanggotaan "
    "dalam Daerah Kabupaten/Kota",
    "2.17.07.2.01": "Pemberdayaan Usaha Mikro yang Dilakukan Melalui Pendataan, Kemitraan, "
    "Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan",
    "2.18.03.2.01": "Penyelenggaraan Promosi Penanaman Modal yang Menjadi Kewenangan Daerah "
    "Kabupaten/Kota",
    "2.18.04.2.01": "Pelayanan Perizinan dan Non Perizinan secara Terpadu Satu Pintu di Bidang "
    "Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota",
    "2.18.05.2.01": "Pengendalian Pelaksanaan Penanaman Modal yang Menjadi Kewenangan Daerah "
    "Kabupaten/Kota",
    "2.19.02.2.01": "Penyadaran, Pemberdayaan, dan Pengembangan Pemuda dan Kepemudaan Terhadap "
    "Pemuda Pelopor Kabupaten/Kota, Wirausaha Muda Pemula, dan Pemuda Kader Kabupaten/Kota",
    "2.19.03.2.02": "Penyelenggaraan Kejuaraan Olahraga Tingkat Daerah Kabupaten/Kota",
    "2.19.03.2.03": "Pembinaan dan Pengembangan Olahraga Prestasi Tingkat Daerah Kabupaten/Kota",
    "2.20.02.2.01": "Penyelenggaraan Statistik Sektoral di Lingkup Daerah Kabupaten/Kota",
    "2.21.02.2.01": "Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah "
    "Kabupaten/Kota",
    "2.22.02.2.01": "Pengelolaan Kebudayaan yang Masyarakat Pelakunya dalam Daerah Kabupaten/Kota",
    "2.22.05.2.02": "Pengelolaan Cagar Budaya Peringkat Kabupaten/Kota",
    "2.23.02.2.01": "Pengelolaan Perpustakaan Tingkat Daerah Kabupaten/Kota",
    "2.23.02.2.02": "Pembudayaan Gemar Membaca Tingkat Daerah Kabupaten/Kota",
    "2.24.02.2.01": "Pengelolaan Arsip Dinamis Pemerintah Daerah Kabupaten/Kota",
    "3.25.04.2.02": "Pemberdayaan Pembudi Daya Ikan Kecil",
    "3.25.04.2.04": "Pengelolaan Pembudidayaan Ikan",
    "3.25.06.2.03": "Penyediaan dan Penyaluran Bahan Baku Industri Pengolahan Ikan dalam 1 (Satu) "
    "Daerah Kabupaten/Kota",
    "3.26.02.2.03": "Pengelolaan Destinasi Pariwisata Kabupaten/Kota",
    "3.26.03.2.01": "Pemasaran Pariwisata Dalam dan Luar Negeri Daya Tarik, Destinasi dan Kawasan "
    "Strategis Pariwisata Kabupaten/Kota",
    "3.27.02.2.01": "Pengawasan Penggunaan Sarana Pertanian",
    "3.27.03.2.02": "Pembangunan Prasarana Pertanian",
    "3.27.04.2.01": "Penjaminan Kesehatan Hewan, Penutupan dan Pembukaan Daerah Wabah Penyakit "
    "Hewan Menular dalam Daerah Kabupaten/Kota",
    "3.27.05.2.01": "Pengendalian dan Penanggulangan Bencana Pertanian Kabupaten/Kota",
    "3.27.07.2.01": "Pelaksanaan Penyuluhan Pertanian",
    "3.30.03.2.01": "Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan",
    "3.30.04.2.02": "Pengendalian Harga, dan Stok Barang Kebutuhan Pokok dan Barang Penting di "
    "Tingkat Pasar Kabupaten/Kota",
    "3.30.06.2.01": "Pelaksanaan Metrologi Legal, Berupa Tera, Tera Ulang, dan Pengawasan",
    "3.31.02.2.01": "Penyusunan, Penerapan, dan Evaluasi Rencana Pembangunan Industri "
    "Kabupaten/Kota",
    "4.01.01.2.11": "Administrasi Keuangan dan Operasional Kepala Daerah dan Wakil Kepala Daerah",
    "4.01.01.2.12": "Fasilitasi Kerumahtanggaan Sekretariat Daerah",
    "4.01.01.2.13": "Penataan Organisasi",
    "4.01.01.2.14": "Pelaksanaan Protokol dan Komunikasi Pimpinan",
    "4.01.02.2.02": "Pelaksanaan Kebijakan Kesejahteraan Rakyat",
    "4.01.02.2.03": "Fasilitasi dan Koordinasi Hukum",
    "4.01.03.2.01": "Pelaksanaan Kebijakan Perekonomian",
    "4.01.03.2.02": "Pelaksanaan Administrasi Pembangunan",
    "4.01.03.2.03": "Pengelolaan Pengadaan Barang dan Jasa",
    "4.02.02.2.01": "Pembentukan Peraturan Daerah dan Peraturan DPRD",
    "4.02.02.2.02": "Pembahasan Kebijakan Anggaran",
    "4.02.02.2.04": "Peningkatan Kapasitas DPRD",
    "4.02.02.2.05": "Penyerapan dan Penghimpunan Aspirasi Masyarakat",
    "4.02.02.2.08": "Fasilitasi Tugas DPRD",
    "5.01.02.2.01": "Penyusunan Perencanaan dan Pendanaan",
    "5.01.02.2.03": "Pengendalian, Evaluasi dan Pelaporan Bidang Perencanaan Pembangunan Daerah",
    "5.01.03.2.03": "Koordinasi Perencanaan Bidang Infrastruktur dan Kewilayahan",
    "5.02.02.2.01": "Koordinasi dan Penyusunan Rencana Anggaran Daerah",
    "5.02.02.2.02": "Koordinasi dan Pengelolaan Perbendaharaan Daerah",
    "5.02.02.2.03": "Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah",
    "5.02.02.2.05": "Pengelolaan Data dan Implementasi Sistem Informasi Pemerintah Daerah Lingkup "
    "Keuangan Daerah",
    "5.02.03.2.01": "Pengelolaan Barang Milik Daerah",
    "5.02.04.2.01": "Pengelolaan Pendapatan Daerah",
    "5.03.02.2.01": "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
    "5.03.02.2.03": "Pengembangan Kompetensi ASN",
    "5.03.02.2.04": "Penilaian dan Evaluasi Kinerja Aparatur",
    "5.04.02.2.02": "Sertifikasi, Kelembagaan, Pengembangan Kompetensi Manajerial dan Fungsional",
    "5.05.02.2.04": "Pengembangan Inovasi dan Teknologi",
    "6.01.02.2.01": "Penyelenggaraan Pengawasan Internal",
    "6.01.02.2.02": "Penyelenggaraan Pengawasan dengan Tujuan Tertentu",
    "6.01.03.2.02": "Pendampingan dan Asistensi",
    "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.03.2.02": "Kegiatan Pemberdayaan Kelurahan",
    "7.01.03.2.03": "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan",
    "7.01.04.2.01": "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
    "8.01.02.2.01": "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Pelaksanaan Bidang "
    "Ideologi Pancasila dan Karakter Kebangsaan",
    "8.01.03.2.01": "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan "
    "Politik, "
    "Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan "
    "dan Partai Politik Lingkup Kabupaten/Kota",
    "8.01.06.2.01": "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Kewaspadaan "
    "Nasional dan Penanganan Konflik Sosial",
}

SUB_KEGIATAN = {
    # Pendidikan
    "1.01.02.2.01.0014": ("Pengadaan Mebel Sekolah", "Jumlah Paket Mebel Sekolah yang Disediakan",
                          "paket"),
    "1.01.02.2.01.0025": ("Pembinaan Minat, Bakat dan Kreativitas Siswa",
                          "Jumlah Siswa yang Mengikuti Pembinaan Minat, Bakat dan Kreativitas",
                          "orang"),
    "1.01.02.2.01.0029": ("Pengelolaan Dana BOS Sekolah Dasar",
                          "Jumlah Satuan Pendidikan Sekolah Dasar yang Menerima Dana BOS", "unit"),
    "1.01.02.2.01.0047": ("Pembangunan Ruang Kelas Baru",
                          "Jumlah Ruang Kelas Baru Sekolah Dasar yang Dibangun", "unit"),
    "1.01.02.2.01.0048": ("Rehabilitasi Sedang/Berat Sarana, Prasarana dan Utilitas Sekolah",
                          "Jumlah Sarana, Prasarana dan Utilitas Sekolah Dasar yang Direhabilitasi",
                          "unit"),
    "1.01.02.2.02.0024": ("Rehabilitasi Sedang/Berat Sarana, Prasarana dan Utilitas Sekolah",
                          "Jumlah Sarana, Prasarana dan Utilitas SMP yang Direhabilitasi", "unit"),
    "1.01.02.2.02.0042": ("Pengelolaan Dana BOS Sekolah Menengah Pertama",
                          "Jumlah Satuan Pendidikan SMP yang Menerima Dana BOS", "unit"),
    "1.01.02.2.02.0059": ("Pembangunan Ruang Kelas Baru",
                          "Jumlah Ruang Kelas Baru SMP yang Dibangun", "unit"),
    "1.01.02.2.02.0067": ("Pengadaan Alat Praktik dan Peraga Peserta Didik",
                          "Jumlah Paket Alat Praktik dan Peraga Peserta Didik SMP yang Disediakan",
                          "paket"),
    "1.01.02.2.03.0018": ("Pengelolaan Dana BOP PAUD",
                          "Jumlah Satuan PAUD yang Menerima Dana BOP", "unit"),
    "1.01.02.2.04.0017": ("Pengelolaan Dana BOP Sekolah Nonformal/Kesetaraan",
                          "Jumlah Satuan Pendidikan Nonformal/Kesetaraan yang Menerima Dana BOP",
                          "unit"),
    "1.01.04.2.01.0001": ("Perhitungan dan Pemetaan Pendidik dan Tenaga Kependidikan Satuan "
                          "Pendidikan Dasar, PAUD, dan Pendidikan Nonformal/Kesetaraan",
                          "Jumlah Dokumen Hasil Perhitungan dan Pemetaan Pendidik dan Tenaga "
                          "Kependidikan", "dokumen"),
    "2.22.02.2.01.0001": ("Pelindungan, Pengembangan, Pemanfaatan Objek Pemajuan Kebudayaan",
                          "Jumlah Objek Pemajuan Kebudayaan yang Dilindungi, Dikembangkan dan "
                          "Dimanfaatkan", "objek"),
    "2.22.05.2.02.0001": ("Pelindungan Cagar Budaya",
                          "Jumlah Cagar Budaya yang Dilindungi", "objek"),
    # Kesehatan
    "1.02.01.2.10.0001": ("Pelayanan dan Penunjang Pelayanan BLUD",
                          "Jumlah BLUD yang Menyediakan Pelayanan dan Penunjang Pelayanan",
                          "unit kerja"),
    "1.02.02.2.01.0001": ("Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya",
                          "Jumlah Rumah Sakit Baru/Gedung Rumah Sakit yang Dibangun", "unit"),
    "1.02.02.2.01.0002": ("Pembangunan Puskesmas", "Jumlah Puskesmas yang Dibangun", "unit"),
    "1.02.02.2.01.0008": ("Rehabilitasi dan Pemeliharaan Rumah Sakit",
                          "Jumlah Sarana, Prasarana dan Alat Kesehatan yang Telah Dilakukan "
                          "Rehabilitasi dan Pemeliharaan oleh Rumah Sakit", "unit"),
    "1.02.02.2.01.0009": ("Rehabilitasi dan Pemeliharaan Puskesmas",
                          "Jumlah Puskesmas yang Direhabilitasi dan Dipelihara", "unit"),
    "1.02.02.2.01.0014": ("Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan "
                          "Kesehatan",
                          "Jumlah Alat Kesehatan/Alat Penunjang Medik Fasilitas Layanan Kesehatan "
                          "yang Disediakan", "unit"),
    "1.02.02.2.01.0023": ("Pengadaan Obat, Bahan Habis Pakai, Bahan Medis Habis Pakai, Vaksin, "
                          "Makanan dan Minuman di Fasilitas Kesehatan",
                          "Jumlah Obat, Bahan Habis Pakai, Bahan Medis Habis Pakai, Vaksin, "
                          "Makanan "
                          "dan Minuman di Fasilitas Kesehatan yang Disediakan", "paket"),
    "1.02.02.2.02.0011": ("Pengelolaan Pelayanan Kesehatan Orang Terduga Tuberkulosis",
                          "Jumlah Orang Terduga Menderita Tuberkulosis yang Mendapatkan Pelayanan "
                          "sesuai Standar", "orang"),
    "1.02.02.2.02.0015": ("Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                          "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                          "dokumen"),
    "1.02.02.2.02.0020": ("Pengelolaan Surveilans Kesehatan",
                          "Jumlah Dokumen Hasil Pengelolaan Surveilans Kesehatan", "dokumen"),
    "1.02.02.2.02.0026": ("Pengelolaan Jaminan Kesehatan Masyarakat",
                          "Jumlah Penduduk yang Iuran Jaminan Kesehatannya Dibayarkan Pemerintah "
                          "Daerah", "jiwa"),
    "1.02.02.2.02.0033": ("Operasional Pelayanan Puskesmas",
                          "Jumlah Dokumen Operasional Pelayanan Puskesmas", "dokumen"),
    "1.02.02.2.02.0038": ("Penyediaan dan Pengelolaan Sistem Penanganan Gawat Darurat Terpadu "
                          "(SPGDT)", "Jumlah Public Safety Center (PSC 119) yang Dikelola", "unit"),
    "1.02.02.2.02.0048": ("Pengelolaan Layanan Imunisasi",
                          "Jumlah Dokumen Hasil Pengelolaan Layanan Imunisasi", "dokumen"),
    "1.02.03.2.03.0001": ("Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya "
                          "Manusia Kesehatan Tingkat Daerah Kabupaten/Kota",
                          "Jumlah Sumber Daya Manusia Kesehatan yang Ditingkatkan Mutu dan "
                          "Kompetensinya", "orang"),
    "1.02.05.2.01.0001": ("Peningkatan Upaya Promosi Kesehatan, Advokasi, Kemitraan dan "
                          "Pemberdayaan Masyarakat",
                          "Jumlah Dokumen Promosi Kesehatan, Advokasi, Kemitraan dan Pemberdayaan "
                          "Masyarakat", "dokumen"),
    # Pekerjaan umum
    "1.03.02.2.01.0109": ("Pembangunan Bangunan Perkuatan Tebing",
                          "Panjang Bangunan Perkuatan Tebing yang Dibangun", "m"),
    "1.03.02.2.02.0014": ("Rehabilitasi Jaringan Irigasi Permukaan",
                          "Panjang Jaringan Irigasi Permukaan yang Direhabilitasi", "km"),
    "1.03.02.2.02.0021": ("Operasi dan Pemeliharaan Jaringan Irigasi Permukaan",
                          "Panjang Jaringan Irigasi Permukaan yang Dioperasikan dan Dipelihara",
                          "km"),
    "1.03.03.2.01.0026": ("Peningkatan Sistem Penyediaan Air Minum (SPAM) Jaringan Perpipaan",
                          "Jumlah Sambungan Rumah (SR) SPAM Jaringan Perpipaan yang Ditingkatkan",
                          "SR"),
    "1.03.06.2.01.0029": ("Pembangunan Sistem Drainase Perkotaan",
                          "Panjang Saluran Drainase Perkotaan yang Dibangun", "m"),
    "1.03.10.2.01.0032": ("Pembangunan Jalan", "Panjang Jalan yang Dibangun", "km"),
    "1.03.10.2.01.0033": ("Rekonstruksi Jalan", "Panjang Jalan yang Direkonstruksi", "km"),
    "1.03.10.2.01.0034": ("Pemeliharaan Berkala Jalan",
                          "Panjang Jalan yang Dilakukan Pemeliharaan Berkala", "km"),
    "1.03.10.2.01.0038": ("Pemeliharaan Rutin Jembatan",
                          "Panjang Jembatan yang Dilakukan Pemeliharaan Rutin", "m"),
    "1.03.10.2.01.0040": ("Pembangunan Jembatan", "Panjang Jembatan yang Dibangun", "m"),
    "1.03.10.2.01.0044": ("Rehabilitasi Jalan", "Panjang Jalan yang Direhabilitasi", "km"),
    "1.03.10.2.01.0046": ("Pemeliharaan Rutin Jalan",
                          "Panjang Jalan yang Dilakukan Pemeliharaan Rutin", "km"),
    "1.03.12.2.02.0005": ("Penyusunan RDTR Kabupaten/Kota",
                          "Jumlah Dokumen RDTR Kabupaten/Kota", "dokumen"),
    # Perumahan dan kawasan permukiman, pertanahan
    "1.04.02.2.03.0001": ("Rehabilitasi Rumah bagi Korban Bencana",
                          "Jumlah Rumah Korban Bencana yang Direhabilitasi", "unit"),
    "1.04.03.2.03.0002": ("Perbaikan Rumah Tidak Layak Huni",
                          "Jumlah Rumah Tidak Layak Huni yang Diperbaiki", "unit"),
    "1.04.03.2.03.0009": ("Pelaksanaan Peremajaan Kawasan Permukiman Kumuh",
                          "Luas Kawasan Permukiman Kumuh yang Diremajakan", "ha"),
    "1.04.05.2.01.0007": ("Perbaikan Prasarana, Sarana, dan Utilitas Umum di Perumahan untuk "
                          "Menunjang Fungsi Hunian",
                          "Jumlah Prasarana, Sarana, dan Utilitas Umum di Perumahan yang "
                          "Diperbaiki",
                          "unit"),
    "2.10.05.2.01.0002": ("Koordinasi dan Sinkronisasi Penyelesaian Masalah Ganti Kerugian dan "
                          "Santunan Tanah untuk Pembangunan oleh Pemerintah Daerah Kabupaten/Kota",
                          "Jumlah Bidang Tanah yang Diselesaikan Ganti Kerugian dan Santunannya",
                          "bidang"),
    # Ketenteraman, ketertiban, bencana, kebakaran
    "1.05.02.2.01.0015": ("Pencegahan Gangguan Ketenteraman dan Ketertiban Umum Melalui Deteksi "
                          "Dini dan Cegah Dini, Pembinaan dan Penyuluhan, Pelaksanaan Patroli, "
                          "Pengamanan, dan Pengawalan",
                          "Jumlah Laporan Pencegahan Gangguan Ketenteraman dan Ketertiban Umum",
                          "laporan"),
    "1.05.02.2.02.0011": ("Penanganan Atas Pelanggaran Peraturan Daerah dan Peraturan Kepala "
                          "Daerah",
                          "Jumlah Penanganan Pelanggaran Peraturan Daerah dan Peraturan Kepala "
                          "Daerah", "kasus"),
    "1.05.03.2.01.0007": ("Sosialisasi, Komunikasi, Informasi dan Edukasi (KIE) Rawan Bencana "
                          "Kabupaten/Kota (Per Jenis Ancaman Bencana)",
                          "Jumlah Orang yang Mendapatkan Sosialisasi, KIE Rawan Bencana", "orang"),
    "1.05.03.2.02.0015": ("Penyediaan Peralatan Perlindungan dan Kesiapsiagaan Terhadap Bencana "
                          "Kabupaten/Kota",
                          "Jumlah Paket Peralatan Perlindungan dan Kesiapsiagaan Terhadap Bencana",
                          "paket"),
    "1.05.03.2.02.0021": ("Pengembangan Kapasitas Tim Reaksi Cepat (TRC) Bencana Kabupaten/Kota",
                          "Jumlah Personil TRC yang Dikembangkan Kapasitasnya", "orang"),
    "1.05.03.2.03.0001": ("Respon Cepat Darurat Bencana Kabupaten/Kota",
                          "Jumlah Kejadian Bencana yang Direspon Cepat", "kejadian"),
    "1.05.04.2.01.0002": ("Pemadaman dan Pengendalian Kebakaran dalam Daerah Kabupaten/Kota",
                          "Jumlah Kejadian Kebakaran yang Ditangani", "kejadian"),
    "1.05.04.2.01.0017": ("Pengadaan Sarana dan Prasarana Pencegahan, Penanggulangan Kebakaran "
                          "dan Alat Pelindung Diri",
                          "Jumlah Sarana dan Prasarana Pencegahan, Penanggulangan Kebakaran dan "
                          "Alat Pelindung Diri yang Disediakan", "unit"),
    # Sosial
    "1.06.04.2.01.0001": ("Penyediaan Permakanan", "Jumlah Orang yang Mendapatkan Permakanan",
                          "orang"),
    "1.06.04.2.01.0003": ("Penyediaan Alat Bantu",
                          "Jumlah Penyandang Disabilitas yang Mendapatkan Alat Bantu", "orang"),
    "1.06.05.2.02.0002": ("Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
                          "Jumlah Dokumen Hasil Pengelolaan Data Fakir Miskin", "dokumen"),
    "1.06.05.2.02.0003": ("Fasilitasi Bantuan Sosial Kesejahteraan Keluarga",
                          "Jumlah Keluarga Miskin yang Memperoleh Bantuan Sosial", "KK"),
    "1.06.06.2.01.0001": ("Penyediaan Makanan",
                          "Jumlah Korban Bencana yang Terpenuhi Kebutuhan Makanannya", "orang"),
    # Tenaga kerja
    "2.07.03.2.01.0001": ("Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari "
                          "Kerja berdasarkan Klaster Kompetensi",
                          "Jumlah Pencari Kerja yang Mengikuti Pelatihan Berbasis Kompetensi",
                          "orang"),
    "2.07.04.2.01.0002": ("Pelayanan Antar Kerja", "Jumlah Pencari Kerja yang Terfasilitasi",
                          "orang"),
    "2.07.05.2.02.0005": ("Pengembangan Pelaksanaan Jaminan Sosial Tenaga Kerja",
                          "Jumlah Pekerja Rentan yang Didaftarkan dalam Jaminan Sosial "
                          "Ketenagakerjaan", "orang"),
    # Pemberdayaan perempuan, perlindungan anak, KB
    "2.08.02.2.01.0006": ("Advokasi Kebijakan dan Pendampingan Penyelenggaraan PUG Kewenangan "
                          "Kabupaten/Kota",
                          "Jumlah Lembaga Pemerintah yang Mendapatkan Advokasi Kebijakan dan "
                          "Pendampingan PUG", "lembaga"),
    "2.08.03.2.02.0001": ("Penyediaan Layanan Pengaduan Masyarakat bagi Perempuan Korban "
                          "Kekerasan Kewenangan Kabupaten/Kota",
                          "Jumlah Perempuan Korban Kekerasan yang Mendapatkan Layanan Pengaduan",
                          "orang"),
    "2.08.06.2.02.0001": ("Penyediaan Layanan bagi Anak yang Memerlukan Perlindungan Khusus",
                          "Jumlah Anak yang Memerlukan Perlindungan Khusus yang Mendapatkan "
                          "Layanan",
                          "orang"),
    "2.14.03.2.02.0006": ("Fasilitasi Pelaksanaan Penyuluhan, Penggerakan, Pelayanan dan "
                          "Pengembangan Program Bangga Kencana untuk PKB/PLKB",
                          "Jumlah PKB/PLKB yang Difasilitasi", "orang"),
    "2.14.03.2.03.0011": ("Dukungan Operasional Pelayanan KB Bergerak",
                          "Jumlah Pelayanan KB Bergerak yang Dilaksanakan", "kali"),
    "2.14.04.2.02.0006": ("Pendampingan Keluarga Berisiko Stunting (Termasuk Remaja Calon "
                          "Pengantin/Calon PUS, Ibu Hamil, Pasca Salin/Kelahiran, Baduta/Balita)",
                          "Jumlah Keluarga Berisiko Stunting yang Didampingi", "keluarga"),
    # Pangan
    "2.09.03.2.01.0008": ("Stabilisasi Pasokan dan Harga Pangan Tingkat Produsen dan Konsumen di "
                          "Kabupaten/Kota", "Jumlah Kegiatan Stabilisasi Pasokan dan Harga Pangan",
                          "kegiatan"),
    "2.09.03.2.02.0003": ("Pengadaan Cadangan Pangan Pemerintah Kabupaten/Kota",
                          "Jumlah Cadangan Pangan Pemerintah yang Diadakan", "ton"),
    "2.09.04.2.02.0004": ("Pelaksanaan Intervensi Kewaspadaan Pangan dan Gizi",
                          "Jumlah Desa Rawan Pangan yang Diintervensi", "desa"),
    "2.09.05.2.01.0007": ("Penyediaan Sarana Pengujian Keamanan dan Mutu Pangan Segar Asal "
                          "Tumbuhan Daerah Kabupaten/Kota",
                          "Jumlah Paket Sarana Pengujian Keamanan Pangan Segar", "paket"),
    # Lingkungan hidup
    "2.11.03.2.01.0007": ("Pelaksanaan Pemantauan Kualitas Lingkungan Hidup terhadap Media Tanah, "
                          "Air, Udara, dan Laut",
                          "Jumlah Titik Pemantauan Kualitas Lingkungan Hidup", "titik"),
    "2.11.04.2.01.0004": ("Pengelolaan Ruang Terbuka Hijau (RTH)",
                          "Luas Ruang Terbuka Hijau yang Dikelola", "ha"),
    "2.11.11.2.01.0007": ("Penyediaan Sarana dan Prasarana Pengelolaan Persampahan di TPA/TPST/SPA "
                          "Kabupaten/Kota",
                          "Jumlah Sarana dan Prasarana Pengelolaan Persampahan yang Disediakan",
                          "unit"),
    "2.11.11.2.01.0012": ("Penanganan Sampah melalui Pengangkutan",
                          "Volume Sampah yang Diangkut ke TPA", "ton"),
    # Administrasi kependudukan
    "2.12.02.2.01.0004": ("Peningkatan Pelayanan Pendaftaran Penduduk",
                          "Jumlah Dokumen Pendaftaran Penduduk yang Diterbitkan", "dokumen"),
    "2.12.03.2.01.0002": ("Peningkatan dalam Pelayanan Pencatatan Sipil",
                          "Jumlah Akta Pencatatan Sipil yang Diterbitkan", "dokumen"),
    "2.12.04.2.01.0001": ("Pengolahan dan Penyajian Data Kependudukan",
                          "Jumlah Dokumen Data Kependudukan yang Disajikan", "dokumen"),
    # Pemberdayaan masyarakat dan desa
    "2.13.04.2.01.0006": ("Fasilitasi Pengelolaan Keuangan Desa",
                          "Jumlah Desa yang Difasilitasi Pengelolaan Keuangannya", "desa"),
    "2.13.05.2.01.0001": ("Peningkatan Kapasitas Kelembagaan Lembaga Kemasyarakatan Desa/Kelurahan "
                          "(RT, RW, PKK, Posyandu, LPM, dan Karang Taruna), Lembaga Adat "
                          "Desa/Kelurahan dan Masyarakat Hukum Adat",
                          "Jumlah Lembaga Kemasyarakatan Desa/Kelurahan yang Ditingkatkan "
                          "Kapasitasnya", "lembaga"),
    # Perhubungan
    "2.15.02.2.02.0002": ("Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota",
                          "Jumlah Perlengkapan Jalan yang Disediakan", "unit"),
    "2.15.02.2.02.0004": ("Rehabilitasi dan Pemeliharaan Perlengkapan Jalan",
                          "Jumlah Perlengkapan Jalan yang Direhabilitasi dan Dipelihara", "unit"),
    "2.15.02.2.05.0001": ("Penyediaan Sarana dan Prasarana Pengujian Berkala Kendaraan Bermotor",
                          "Jumlah Sarana dan Prasarana Pengujian Berkala Kendaraan Bermotor",
                          "unit"),
    "2.15.02.2.06.0017": ("Penataan Manajemen dan Rekayasa Lalu Lintas untuk Jaringan Jalan "
                          "Kabupaten/Kota", "Jumlah Dokumen Manajemen dan Rekayasa Lalu Lintas",
                          "dokumen"),
    # Kominfo, statistik, persandian
    "2.16.02.2.01.0021": ("Pengelolaan Media Komunikasi Publik",
                          "Jumlah Media Komunikasi Publik yang Dikelola", "media"),
    "2.16.03.2.02.0020": ("Pembangunan dan/atau Pengembangan Aplikasi Khusus yang Sesuai dengan "
                          "Arsitektur dan Peta Rencana SPBE Pemerintah Daerah",
                          "Jumlah Aplikasi Khusus yang Dibangun/Dikembangkan", "aplikasi"),
    "2.16.03.2.02.0030": ("Penyediaan Akses Internet untuk Perangkat Daerah dalam rangka "
                          "Penyelenggaraan SPBE",
                          "Jumlah Perangkat Daerah yang Terlayani Akses Internet", "PD"),
    "2.20.02.2.01.0010": ("Penyelenggaraan Statistik Sektoral yang sesuai dengan Prinsip Satu Data "
                          "Indonesia", "Jumlah Dokumen Statistik Sektoral", "dokumen"),
    "2.21.02.2.01.0003": ("Pelaksanaan Keamanan Informasi Pemerintahan Daerah Kabupaten/Kota "
                          "Berbasis Elektronik dan Non Elektronik",
                          "Jumlah Perangkat Daerah yang Menerapkan Keamanan Informasi", "PD"),
    # Koperasi dan UKM
    "2.17.03.2.01.0004": ("Pelaksanaan Proses Pemeriksaan dan Pengawasan Koperasi yang Wilayah "
                          "Keanggotaannya Daerah Kabupaten/Kota",
                          "Jumlah Koperasi yang Diperiksa dan Diawasi", "koperasi"),
    "2.17.05.2.01.0001": ("Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan "
                          "Kompetensi SDM Koperasi",
                          "Jumlah SDM Koperasi yang Ditingkatkan Kapasitasnya", "orang"),
    "2.17.07.2.01.0015": ("Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas SDM UMKM",
                          "Jumlah Pelaku UMKM yang Ditingkatkan Kapasitasnya", "orang"),
    # Penanaman modal
    "2.18.03.2.01.0002": ("Pelaksanaan Kegiatan Promosi Penanaman Modal Daerah Kabupaten/Kota",
                          "Jumlah Kegiatan Promosi Penanaman Modal", "kegiatan"),
    "2.18.04.2.01.0006": ("Penyediaan Pelayanan Perizinan Berusaha melalui Sistem Perizinan "
                          "Berusaha Berbasis Risiko Terintegrasi secara Elektronik",
                          "Jumlah Perizinan Berusaha yang Diterbitkan", "izin"),
    "2.18.05.2.01.0006": ("Pengawasan Penanaman Modal",
                          "Jumlah Pelaku Usaha yang Diawasi", "pelaku usaha"),
    # Kepemudaan, olahraga, pariwisata
    "2.19.02.2.01.0011": ("Koordinasi, Sinkronisasi, dan Penyelenggaraan Pengembangan "
                          "Kewirausahaan Pemuda Bagi Wirausaha Pemula Tingkat Kabupaten/Kota",
                          "Jumlah Wirausaha Muda Pemula yang Dikembangkan", "orang"),
    "2.19.03.2.02.0004": ("Penyelenggaraan Kejuaraan Olahraga Multi Event dan Single Event "
                          "Tingkat Kabupaten/Kota",
                          "Jumlah Kejuaraan Olahraga yang Diselenggarakan",
                          "event"),
    "2.19.03.2.03.0009": ("Pembinaan dan Pengembangan Olahragawan Berprestasi Kabupaten/Kota",
                          "Jumlah Olahragawan Berprestasi yang Dibina", "orang"),
    "3.26.02.2.03.0004": ("Pengadaan/Pemeliharaan/Rehabilitasi Sarana dan Prasarana dalam "
                          "Pengelolaan Destinasi Pariwisata Kabupaten/Kota",
                          "Jumlah Sarana dan Prasarana Destinasi Pariwisata yang Dibangun/"
                          "Direhabilitasi", "unit"),
    "3.26.03.2.01.0007": ("Penguatan Promosi Melalui Media Cetak, Elektronik, dan Media Lainnya "
                          "Baik Dalam dan Luar Negeri", "Jumlah Media Promosi Pariwisata", "media"),
    # Perpustakaan dan kearsipan
    "2.23.02.2.01.0018": ("Pengelolaan dan Pengembangan Bahan Perpustakaan",
                          "Jumlah Bahan Perpustakaan yang Diadakan", "eksemplar"),
    "2.23.02.2.02.0010": ("Sosialisasi Budaya Baca dan Literasi pada Satuan Pendidikan Dasar dan "
                          "Masyarakat", "Jumlah Peserta Sosialisasi Budaya Baca dan Literasi",
                          "orang"),
    "2.24.02.2.01.0002": ("Pemeliharaan dan Penyusutan Arsip Dinamis",
                          "Jumlah Arsip Dinamis yang Dipelihara dan Disusutkan", "boks"),
    # Perikanan
    "3.25.04.2.02.0001": ("Pengembangan Kapasitas Pembudi Daya Ikan Kecil",
                          "Jumlah Pembudi Daya Ikan Kecil yang Ditingkatkan Kapasitasnya",
                          "orang"),
    "3.25.04.2.04.0002": ("Penyediaan Prasarana Pembudidayaan Ikan dalam 1 (Satu) Daerah "
                          "Kabupaten/Kota", "Jumlah Prasarana Pembudidayaan Ikan yang Dibangun",
                          "unit"),
    "3.25.04.2.04.0009": ("Penjaminan Ketersediaan Sarana Pembudidayaan Ikan dalam 1 (Satu) Daerah "
                          "Kabupaten/Kota", "Jumlah Paket Sarana Pembudidayaan Ikan (Benih dan "
                          "Pakan) yang Disalurkan", "paket"),
    "3.25.06.2.03.0001": ("Peningkatan Ketersediaan Ikan untuk Konsumsi dan Usaha Pengolahan dalam "
                          "1 (Satu) Daerah Kabupaten/Kota",
                          "Jumlah Kegiatan Peningkatan Ketersediaan Ikan", "kegiatan"),
    # Pertanian
    "3.27.02.2.01.0002": ("Pendampingan Penggunaan Sarana Pendukung Pertanian",
                          "Jumlah Alat dan Mesin Pertanian yang Disalurkan", "unit"),
    "3.27.03.2.02.0002": ("Pembangunan, Rehabilitasi dan Pemeliharaan Embung Pertanian",
                          "Jumlah Embung Pertanian yang Dibangun/Direhabilitasi", "unit"),
    "3.27.03.2.02.0003": ("Pembangunan, Rehabilitasi dan Pemeliharaan Jalan Usaha Tani",
                          "Panjang Jalan Usaha Tani yang Dibangun/Direhabilitasi", "km"),
    "3.27.03.2.02.0010": ("Rehabilitasi dan Pemeliharaan Jaringan Irigasi Usaha Tani",
                          "Luas Layanan Jaringan Irigasi Usaha Tani yang Direhabilitasi", "ha"),
    "3.27.04.2.01.0008": ("Pemberantasan Penyakit Hewan Menular dan Zoonosis dalam 1 (Satu) Daerah "
                          "Kabupaten/Kota", "Jumlah Hewan yang Divaksinasi", "ekor"),
    "3.27.05.2.01.0001": ("Pengendalian Organisme Pengganggu Tumbuhan (OPT) Tanaman Pangan, "
                          "Hortikultura, dan Perkebunan",
                          "Luas Areal Tanaman yang Dikendalikan dari Serangan OPT", "ha"),
    "3.27.07.2.01.0006": ("Penyediaan dan Peningkatan Kapasitas Penyuluh Pertanian",
                          "Jumlah Penyuluh Pertanian yang Ditingkatkan Kapasitasnya", "orang"),
    # Perdagangan dan perindustrian
    "3.30.03.2.01.0001": ("Penyediaan Sarana Distribusi Perdagangan",
                          "Jumlah Sarana Distribusi Perdagangan (Pasar Rakyat) yang Dibangun/"
                          "Direvitalisasi", "unit"),
    "3.30.04.2.02.0003": ("Pelaksanaan Operasi Pasar Reguler dan Pasar Khusus yang Berdampak "
                          "dalam 1 (Satu) Kabupaten/Kota", "Jumlah Operasi Pasar yang Dilaksanakan",
                          "kali"),
    "3.30.06.2.01.0001": ("Pelaksanaan Metrologi Legal, Berupa Tera, Tera Ulang",
                          "Jumlah Alat Ukur, Takar, Timbang dan Perlengkapannya yang Ditera/Ditera "
                          "Ulang", "unit"),
    "3.31.02.2.01.0005": ("Koordinasi, Sinkronisasi, dan Pelaksanaan Pemberdayaan Industri dan "
                          "Peran Serta Masyarakat",
                          "Jumlah Industri Kecil dan Menengah yang Diberdayakan", "IKM"),
    # Sekretariat daerah
    "4.01.01.2.11.0001": ("Penyediaan Gaji dan Tunjangan Kepala Daerah dan Wakil Kepala Daerah",
                          "Jumlah Kepala Daerah dan Wakil Kepala Daerah yang Menerima Gaji dan "
                          "Tunjangan", "orang/bulan"),
    "4.01.01.2.11.0004": ("Penyediaan Dana Penunjang Operasional Kepala Daerah dan Wakil Kepala "
                          "Daerah", "Jumlah Laporan Penyediaan Dana Penunjang Operasional KDH/WKDH",
                          "laporan"),
    "4.01.01.2.12.0001": ("Penyediaan Kebutuhan Rumah Tangga Kepala Daerah",
                          "Jumlah Laporan Penyediaan Kebutuhan Rumah Tangga Kepala Daerah",
                          "laporan"),
    "4.01.01.2.12.0003": ("Penyediaan Kebutuhan Rumah Tangga Sekretariat Daerah",
                          "Jumlah Laporan Penyediaan Kebutuhan Rumah Tangga Sekretariat Daerah",
                          "laporan"),
    "4.01.01.2.13.0003": ("Peningkatan Kinerja dan Reformasi Birokrasi",
                          "Jumlah Dokumen Hasil Peningkatan Kinerja dan Reformasi Birokrasi",
                          "dokumen"),
    "4.01.01.2.14.0001": ("Fasilitasi Keprotokolan", "Jumlah Laporan Fasilitasi Keprotokolan",
                          "laporan"),
    "4.01.02.2.02.0001": ("Fasilitasi Pengelolaan Bina Mental Spiritual",
                          "Jumlah Dokumen Hasil Fasilitasi Pengelolaan Bina Mental Spiritual",
                          "dokumen"),
    "4.01.02.2.03.0001": ("Fasilitasi Penyusunan Produk Hukum Daerah",
                          "Jumlah Produk Hukum Daerah yang Difasilitasi", "produk hukum"),
    "4.01.03.2.01.0002": ("Pengendalian dan Distribusi Perekonomian",
                          "Jumlah Dokumen Hasil Pengendalian dan Distribusi Perekonomian",
                          "dokumen"),
    "4.01.03.2.02.0002": ("Pengendalian dan Evaluasi Program Pembangunan",
                          "Jumlah Dokumen Hasil Pengendalian dan Evaluasi Program Pembangunan",
                          "dokumen"),
    "4.01.03.2.03.0002": ("Pengelolaan Layanan Pengadaan Secara Elektronik",
                          "Jumlah Paket Pengadaan yang Dilayani Secara Elektronik", "paket"),
    # Sekretariat DPRD
    "4.02.02.2.01.0002": ("Pembahasan Rancangan Peraturan Daerah",
                          "Jumlah Rancangan Peraturan Daerah yang Dibahas", "raperda"),
    "4.02.02.2.02.0003": ("Pembahasan APBD", "Jumlah Dokumen Hasil Pembahasan APBD", "dokumen"),
    "4.02.02.2.04.0002": ("Pendalaman Tugas DPRD",
                          "Jumlah Anggota DPRD yang Mengikuti Pendalaman Tugas", "orang"),
    "4.02.02.2.04.0005": ("Penyediaan Tenaga Ahli Fraksi", "Jumlah Tenaga Ahli Fraksi",
                          "orang/bulan"),
    "4.02.02.2.05.0001": ("Kunjungan Kerja dalam Daerah",
                          "Jumlah Laporan Hasil Kunjungan Kerja dalam Daerah", "laporan"),
    "4.02.02.2.05.0003": ("Pelaksanaan Reses", "Jumlah Laporan Hasil Reses", "laporan"),
    "4.02.02.2.08.0004": ("Fasilitasi Tugas Pimpinan DPRD",
                          "Jumlah Laporan Fasilitasi Tugas Pimpinan DPRD", "laporan"),
    # Perencanaan, keuangan, kepegawaian, litbang, pengawasan
    "5.01.02.2.01.0005": ("Pelaksanaan Musrenbang Kabupaten/Kota",
                          "Jumlah Dokumen Hasil Pelaksanaan Musrenbang Kabupaten/Kota", "dokumen"),
    "5.01.02.2.01.0007": ("Koordinasi Penyusunan dan Penetapan Dokumen Perencanaan Pembangunan "
                          "Daerah Kabupaten/Kota",
                          "Jumlah Dokumen Perencanaan Pembangunan Daerah yang Ditetapkan",
                          "dokumen"),
    "5.01.02.2.03.0003": ("Monitoring, Evaluasi dan Penyusunan Laporan Berkala Pelaksanaan "
                          "Pembangunan Daerah",
                          "Jumlah Laporan Hasil Monitoring dan Evaluasi Pelaksanaan Pembangunan "
                          "Daerah", "laporan"),
    "5.01.03.2.03.0004": ("Koordinasi Pelaksanaan Sinergitas dan Harmonisasi Perencanaan "
                          "Pembangunan Daerah Bidang Infrastruktur",
                          "Jumlah Dokumen Hasil Koordinasi Perencanaan Bidang Infrastruktur",
                          "dokumen"),
    "5.02.02.2.01.0001": ("Koordinasi dan Penyusunan KUA dan PPAS",
                          "Jumlah Dokumen KUA dan PPAS", "dokumen"),
    "5.02.02.2.02.0005": ("Koordinasi, Fasilitasi, Asistensi, Sinkronisasi, Supervisi, Monitoring "
                          "dan Evaluasi Pengelolaan Dana Perimbangan dan Dana Transfer Lainnya",
                          "Jumlah Laporan Pengelolaan Dana Perimbangan dan Dana Transfer Lainnya",
                          "laporan"),
    "5.02.02.2.03.0004": ("Konsolidasi Laporan Keuangan SKPD, BLUD dan Laporan Keuangan Pemerintah "
                          "Daerah", "Jumlah Laporan Keuangan Pemerintah Daerah", "laporan"),
    "5.02.02.2.05.0002": ("Implementasi dan Pemeliharaan Sistem Informasi Pemerintah Daerah Bidang "
                          "Keuangan Daerah",
                          "Jumlah Sistem Informasi Keuangan Daerah yang Diimplementasikan",
                          "sistem"),
    "5.02.03.2.01.0006": ("Inventarisasi Barang Milik Daerah",
                          "Jumlah Laporan Hasil Inventarisasi Barang Milik Daerah", "laporan"),
    "5.02.04.2.01.0005": ("Pendataan dan Pendaftaran Objek Pajak Daerah",
                          "Jumlah Objek Pajak Daerah yang Didata dan Didaftarkan", "objek pajak"),
    "5.02.04.2.01.0011": ("Penagihan Pajak Daerah", "Jumlah Laporan Hasil Penagihan Pajak Daerah",
                          "laporan"),
    "5.02.04.2.01.0015": ("Elektronifikasi Transaksi Pemerintah Daerah",
                          "Jumlah Dokumen Hasil Elektronifikasi Transaksi Pemerintah Daerah",
                          "dokumen"),
    "5.03.02.2.01.0003": ("Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
                          "Jumlah Dokumen Hasil Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
                          "dokumen"),
    "5.03.02.2.01.0010": ("Pengelolaan Sistem Informasi Kepegawaian",
                          "Jumlah Sistem Informasi Kepegawaian yang Dikelola", "sistem"),
    "5.03.02.2.03.0002": ("Pengelolaan Assessment Center",
                          "Jumlah ASN yang Mengikuti Penilaian Kompetensi", "orang"),
    "5.03.02.2.04.0002": ("Pelaksanaan Penilaian dan Evaluasi Kinerja Aparatur",
                          "Jumlah Dokumen Hasil Penilaian dan Evaluasi Kinerja Aparatur",
                          "dokumen"),
    "5.04.02.2.02.0007": ("Penyelenggaraan Pengembangan Kompetensi bagi Pimpinan Daerah, Jabatan "
                          "Pimpinan Tinggi, Jabatan Fungsional, Kepemimpinan, dan Prajabatan",
                          "Jumlah Peserta Pengembangan Kompetensi", "orang"),
    "5.05.02.2.04.0003": ("Diseminasi Jenis, Prosedur dan Metode Penyelenggaraan Pemerintahan "
                          "Daerah yang Bersifat Inovatif",
                          "Jumlah Inovasi Daerah yang Didiseminasikan", "inovasi"),
    "6.01.02.2.01.0001": ("Pengawasan Kinerja Pemerintah Daerah",
                          "Jumlah Laporan Hasil Pengawasan Kinerja Pemerintah Daerah", "laporan"),
    "6.01.02.2.01.0004": ("Reviu Laporan Keuangan", "Jumlah Laporan Hasil Reviu Laporan Keuangan",
                          "laporan"),
    "6.01.02.2.01.0007": ("Monitoring dan Evaluasi Tindak Lanjut Hasil Pemeriksaan BPK RI dan "
                          "Tindak Lanjut Hasil Pemeriksaan APIP",
                          "Jumlah Laporan Monitoring Tindak Lanjut Hasil Pemeriksaan", "laporan"),
    "6.01.02.2.02.0002": ("Pengawasan dengan Tujuan Tertentu",
                          "Jumlah Laporan Hasil Pengawasan dengan Tujuan Tertentu", "laporan"),
    "6.01.03.2.02.0003": ("Koordinasi, Monitoring dan Evaluasi serta Verifikasi Pencegahan dan "
                          "Pemberantasan Korupsi",
                          "Jumlah Dokumen Hasil Koordinasi Pencegahan dan Pemberantasan Korupsi",
                          "dokumen"),
    # Kecamatan
    "7.01.02.2.01.0001": ("Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan "
                          "dengan Perangkat Daerah dan Instansi Vertikal Terkait",
                          "Jumlah Laporan Koordinasi/Sinergi Kegiatan Pemerintahan", "laporan"),
    "7.01.03.2.02.0002": ("Pembangunan Sarana dan Prasarana Kelurahan",
                          "Jumlah Sarana dan Prasarana Kelurahan yang Dibangun", "unit"),
    "7.01.03.2.03.0002": ("Peningkatan Kapasitas Lembaga Kemasyarakatan",
                          "Jumlah Lembaga Kemasyarakatan yang Ditingkatkan Kapasitasnya",
                          "lembaga"),
    "7.01.04.2.01.0001": ("Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
                          "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan",
                          "Jumlah Laporan Sinergitas dengan Polri, TNI dan Instansi Vertikal",
                          "laporan"),
    # Kesatuan bangsa dan politik
    "8.01.02.2.01.0001": ("Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
                          "Jumlah Peserta Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
                          "orang"),
    "8.01.03.2.01.0001": ("Peningkatan Pendidikan Politik, Etika Budaya Politik, Peningkatan "
                          "Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai "
                          "Politik", "Jumlah Peserta Pendidikan Politik", "orang"),
    "8.01.06.2.01.0001": ("Penguatan Kewaspadaan Nasional dan Penanganan Konflik Sosial",
                          "Jumlah Laporan Kewaspadaan Nasional dan Penanganan Konflik Sosial",
                          "laporan"),
}  # fmt: skip


# --- Perangkat Daerah --------------------------------------------------------------------------

# The pagu ranges below (juta) are multiplied by this to reach an APBD of about Rp 1,8 T, where
# salaries are some 40% of the DPA lines; salaries themselves (``PD.gaji``) are not scaled.
SKALA_PAGU = 1.7


@dataclass(frozen=True)
class Baris:
    """A technical DPA line a PD budgets every year: sub kegiatan, sumber dana, pagu range (juta),
    plan profile, output target range and where it happens (see demo.builder.lokasi)."""

    sub: str
    sumber: str
    pagu: tuple
    profil: str
    target: tuple
    lokasi: str = "kab"


@dataclass(frozen=True)
class PD:
    kode: str
    nama: str
    singkatan: str
    jenis: str
    bidang: tuple
    gaji: float  # miliar Rupiah a year
    skala: float  # size of its penunjang lines
    operator: str  # username of its operator
    baris: tuple = field(default_factory=tuple)
    tahun: str = "keduanya"  # "keduanya", "lalu" (only last year) or "ini" (only this year)
    gelar: tuple = ("S.E.", "S.Sos.", "S.H.", "M.Si.", "S.Kom.", "S.A.P.")


B = Baris
_GELAR_PU = ("S.T.", "S.T., M.T.", "Ir.", "S.T., M.Si.")
_GELAR_KES = ("S.K.M.", "dr.", "S.Kep., Ners", "S.Farm., Apt.", "S.K.M., M.Kes.")
_GELAR_DIK = ("S.Pd.", "S.Pd., M.Pd.", "M.Si.", "S.E.")

_PERDAGANGAN = (
    B("3.30.03.2.01.0001", "DAK-FP", (2500, 4000), "konstruksi", (1, 1), "pasar"),
    B("3.30.04.2.02.0003", "PAD", (150, 300), "kegiatan", (4, 8)),
    B("3.30.06.2.01.0001", "PAD", (100, 250), "kegiatan", (1500, 3000)),
)

PERANGKAT_DAERAH = [
    PD("1.01.2.22.0.00.01.0000", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas",
       ("1.01", "2.22"), 390, 2.0, "operator_disdik", (
           B("1.01.02.2.01.0029", "DAK-NF-BOS", (52000, 58000), "bantuan", (310, 320)),
           B("1.01.02.2.02.0042", "DAK-NF-BOS", (26000, 31000), "bantuan", (62, 66)),
           B("1.01.02.2.01.0048", "DAK-FR", (6000, 9000), "konstruksi", (10, 16), "sd"),
           B("1.01.02.2.01.0048", "DAU-DP", (3000, 5000), "konstruksi", (6, 10), "sd"),
           B("1.01.02.2.01.0047", "DAU-DP", (2500, 4000), "konstruksi", (8, 12), "sd"),
           B("1.01.02.2.02.0059", "DAK-FR", (3500, 5000), "konstruksi", (8, 12), "smp"),
           B("1.01.02.2.02.0024", "DAU-DP", (3000, 4500), "konstruksi", (4, 8), "smp"),
           B("1.01.02.2.01.0014", "DAU-DP", (1200, 2000), "pengadaan", (20, 40), "sd"),
           B("1.01.02.2.02.0067", "DAK-FR", (1500, 2500), "pengadaan", (10, 20), "smp"),
           B("1.01.02.2.03.0018", "DAK-NF-BOP", (5500, 7000), "bantuan", (400, 420)),
           B("1.01.02.2.04.0017", "DAK-NF-BOP", (800, 1200), "bantuan", (18, 24)),
           B("1.01.02.2.01.0025", "PAD", (350, 600), "kegiatan", (600, 1200)),
           B("1.01.04.2.01.0001", "DAU", (100, 200), "kegiatan", (1, 2)),
           B("2.22.02.2.01.0001", "PAD", (400, 800), "kegiatan", (5, 10)),
           B("2.22.05.2.02.0001", "PAD", (150, 300), "kegiatan", (3, 6)),
       ), gelar=_GELAR_DIK),
    PD("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", "dinas", ("1.02",), 96, 1.8,
       "operator_dinkes", (
           B("1.02.02.2.01.0002", "DAK-FR", (4500, 6500), "konstruksi", (1, 1), "puskesmas"),
           B("1.02.02.2.01.0009", "DAU-DP", (1500, 2500), "konstruksi", (2, 4), "puskesmas"),
           B("1.02.02.2.01.0014", "DAK-FR", (3000, 4500), "pengadaan", (40, 80), "puskesmas"),
           B("1.02.02.2.01.0014", "DBHCHT", (1200, 2000), "pengadaan", (20, 40), "puskesmas"),
           B("1.02.02.2.01.0023", "DAK-FR", (2500, 3500), "pengadaan", (1, 2)),
           B("1.02.02.2.02.0026", "PAJAK-ROKOK", (18000, 22000), "rutin", (45000, 52000)),
           B("1.02.02.2.02.0026", "DAU-DP", (38000, 45000), "rutin", (95000, 105000)),
           B("1.02.02.2.02.0033", "DAK-NF-BOK", (11000, 14000), "kegiatan", (28, 28)),
           B("1.02.02.2.02.0033", "PAD", (4000, 6000), "rutin", (28, 28)),
           B("1.02.02.2.02.0015", "DAU-DP", (900, 1500), "kegiatan", (2, 4)),
           B("1.02.02.2.02.0048", "DAK-NF-BOK", (300, 600), "kegiatan", (2, 3)),
           B("1.02.02.2.02.0011", "DBHCHT", (250, 500), "kegiatan", (4000, 6000)),
           B("1.02.02.2.02.0020", "PAD", (150, 300), "kegiatan", (2, 4)),
           B("1.02.03.2.03.0001", "PAD", (200, 400), "kegiatan", (80, 150)),
           B("1.02.05.2.01.0001", "DBHCHT", (300, 600), "kegiatan", (2, 4)),
       ), gelar=_GELAR_KES),
    PD("1.02.0.00.0.00.02.0000", "Rumah Sakit Umum Daerah Sukamaju", "RSUD", "rsud", ("1.02",), 48,
       1.2, "operator_rsud", (
           B("1.02.01.2.10.0001", "BLUD", (120000, 145000), "blud", (1, 1), "rsud"),
           B("1.02.02.2.01.0014", "DAK-FR", (5000, 8000), "pengadaan", (15, 30), "rsud"),
           B("1.02.02.2.01.0008", "DBHCHT", (2000, 3500), "konstruksi", (2, 4), "rsud"),
           B("1.02.02.2.01.0001", "BANKEU-PROV", (7500, 9500), "konstruksi", (1, 1), "rsud"),
           B("1.02.02.2.02.0038", "PAD", (300, 600), "kegiatan", (1, 1), "rsud"),
       ), gelar=_GELAR_KES),
    PD("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas",
       ("1.03",), 14, 1.5, "operator_dpupr", (
           B("1.03.10.2.01.0044", "DAU-DP", (28000, 34000), "konstruksi", (8, 14), "ruas"),
           B("1.03.10.2.01.0044", "BANKEU-PROV", (9000, 12000), "konstruksi", (3, 5), "ruas"),
           B("1.03.10.2.01.0033", "DAK-FR", (22000, 27000), "konstruksi", (5, 9), "ruas"),
           B("1.03.10.2.01.0032", "DAU", (9000, 13000), "konstruksi", (2, 4), "ruas"),
           B("1.03.10.2.01.0040", "DAU-DP", (6000, 9000), "konstruksi", (30, 60), "jembatan"),
           B("1.03.10.2.01.0034", "PAD", (8000, 11000), "konstruksi", (10, 20), "ruas"),
           B("1.03.10.2.01.0046", "PAD", (4500, 6000), "kegiatan", (180, 240)),
           B("1.03.10.2.01.0038", "PAD", (900, 1400), "kegiatan", (300, 600)),
           B("1.03.02.2.02.0014", "DAK-FR", (7000, 9500), "konstruksi", (4, 8), "irigasi"),
           B("1.03.02.2.02.0021", "DAU", (1500, 2500), "kegiatan", (60, 90), "irigasi"),
           B("1.03.02.2.01.0109", "DAU", (2500, 4000), "konstruksi", (150, 300), "tebing"),
           B("1.03.03.2.01.0026", "DAK-FR", (4000, 6000), "konstruksi", (800, 1500), "desa"),
           B("1.03.06.2.01.0029", "DAU", (2500, 3500), "konstruksi", (800, 1500), "desa"),
           B("1.03.12.2.02.0005", "PAD", (700, 1200), "kegiatan", (1, 1)),
       ), gelar=_GELAR_PU),
    PD("1.04.2.10.0.00.01.0000", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "dinas",
       ("1.04", "2.10"), 6, 1.0, "operator_disperkim", (
           B("1.04.03.2.03.0002", "DAU", (5000, 7000), "bantuan", (250, 350), "desa"),
           B("1.04.02.2.03.0001", "DAU", (800, 1500), "bantuan", (30, 60), "desa"),
           B("1.04.05.2.01.0007", "DAU-DP", (2500, 4000), "konstruksi", (6, 12), "desa"),
           B("1.04.03.2.03.0009", "DAK-FP", (2000, 3500), "konstruksi", (3, 6), "desa"),
           B("2.10.05.2.01.0002", "PAD", (1500, 3000), "kegiatan", (20, 45), "desa"),
       ), gelar=_GELAR_PU),
    PD("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "Satpol PP", "satpol_pp",
       ("1.05",), 9, 0.9, "operator_satpolpp", (
           B("1.05.02.2.01.0015", "PAD", (600, 1000), "kegiatan", (12, 12)),
           B("1.05.02.2.02.0011", "DBHCHT", (300, 600), "kegiatan", (60, 120)),
           B("1.05.04.2.01.0002", "PAD", (800, 1300), "rutin", (60, 100)),
           B("1.05.04.2.01.0017", "DAU", (1800, 2800), "pengadaan", (1, 2)),
       )),
    PD("1.05.0.00.0.00.02.0000", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan", ("1.05",),
       4, 0.7, "operator_bpbd", (
           B("1.05.03.2.01.0007", "PAD", (150, 300), "kegiatan", (300, 600)),
           B("1.05.03.2.02.0015", "DAU", (500, 900), "pengadaan", (1, 3)),
           B("1.05.03.2.02.0021", "PAD", (150, 300), "kegiatan", (30, 50)),
           B("1.05.03.2.03.0001", "PAD", (300, 600), "rutin", (20, 40)),
       )),
    PD("1.06.0.00.0.00.01.0000", "Dinas Sosial", "Dinsos", "dinas", ("1.06",), 5, 0.8,
       "operator_dinsos", (
           B("1.06.05.2.02.0002", "DAU", (400, 800), "kegiatan", (1, 2)),
           B("1.06.05.2.02.0003", "DAU", (1500, 2500), "bantuan", (1500, 2500)),
           B("1.06.04.2.01.0001", "PAD", (500, 900), "bantuan", (300, 500)),
           B("1.06.04.2.01.0003", "DBHCHT", (300, 500), "pengadaan", (80, 150)),
           B("1.06.06.2.01.0001", "PAD", (150, 300), "bantuan", (500, 1000)),
       )),
    PD("2.07.0.00.0.00.01.0000", "Dinas Tenaga Kerja", "Disnaker", "dinas", ("2.07",), 3.5, 0.6,
       "operator_disnaker", (
           B("2.07.03.2.01.0001", "DBHCHT", (1200, 2000), "kegiatan", (160, 240)),
           B("2.07.04.2.01.0002", "PAD", (100, 250), "kegiatan", (1000, 2000)),
           B("2.07.05.2.02.0005", "DBHCHT", (1500, 2500), "bantuan", (4000, 6000)),
       )),
    PD("2.08.2.14.0.00.01.0000",
       "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
       "Berencana", "DP3AP2KB", "dinas", ("2.08", "2.14"), 9, 0.8, "operator_dp3ap2kb", (
           B("2.08.02.2.01.0006", "PAD", (100, 200), "kegiatan", (10, 20)),
           B("2.08.03.2.02.0001", "DAU", (150, 350), "kegiatan", (40, 80)),
           B("2.08.06.2.02.0001", "PAD", (150, 300), "kegiatan", (40, 80)),
           B("2.14.03.2.02.0006", "DAK-NF-BOKB", (400, 700), "kegiatan", (40, 48)),
           B("2.14.03.2.03.0011", "DAK-NF-BOKB", (300, 600), "kegiatan", (24, 36)),
           B("2.14.04.2.02.0006", "DAK-NF-BOKB", (1200, 2000), "kegiatan", (3000, 4500)),
       )),
    PD("2.09.0.00.0.00.01.0000", "Dinas Ketahanan Pangan", "DKP", "dinas", ("2.09",), 3.5, 0.6,
       "operator_dkp", (
           B("2.09.03.2.02.0003", "PAD", (600, 1200), "pengadaan", (40, 80)),
           B("2.09.03.2.01.0008", "PAD", (200, 400), "kegiatan", (6, 12)),
           B("2.09.04.2.02.0004", "DAU", (200, 400), "kegiatan", (5, 10), "desa"),
           B("2.09.05.2.01.0007", "PAD", (100, 250), "pengadaan", (1, 2)),
       )),
    PD("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", "DLH", "dinas", ("2.11",), 7, 0.9,
       "operator_dlh", (
           B("2.11.11.2.01.0012", "PAD", (4500, 6500), "rutin", (45000, 60000)),
           B("2.11.11.2.01.0007", "DAK-FP", (3000, 4500), "konstruksi", (1, 2), "tpa"),
           B("2.11.03.2.01.0007", "PAD", (150, 300), "kegiatan", (20, 40)),
           B("2.11.04.2.01.0004", "PAD", (600, 1100), "kegiatan", (8, 15)),
       )),
    PD("2.12.0.00.0.00.01.0000", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil",
       "dinas", ("2.12",), 4, 0.7, "operator_disdukcapil", (
           B("2.12.02.2.01.0004", "DAU", (400, 700), "kegiatan", (60000, 90000)),
           B("2.12.03.2.01.0002", "PAD", (200, 400), "kegiatan", (30000, 45000)),
           B("2.12.04.2.01.0001", "PAD", (150, 300), "kegiatan", (2, 4)),
       )),
    PD("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "dinas",
       ("2.13",), 3.5, 0.6, "operator_dpmd", (
           B("2.13.04.2.01.0006", "DAU", (200, 400), "kegiatan", (40, 42)),
           B("2.13.05.2.01.0001", "PAD", (300, 600), "kegiatan", (80, 160)),
       )),
    PD("2.15.0.00.0.00.01.0000", "Dinas Perhubungan", "Dishub", "dinas", ("2.15",), 5, 0.8,
       "operator_dishub", (
           B("2.15.02.2.02.0002", "DAU", (1500, 2500), "pengadaan", (150, 300), "ruas"),
           B("2.15.02.2.02.0004", "PAD", (500, 900), "kegiatan", (200, 400)),
           B("2.15.02.2.05.0001", "PAD", (400, 800), "pengadaan", (1, 3)),
           B("2.15.02.2.06.0017", "PAD", (200, 400), "kegiatan", (2, 4)),
       )),
    PD("2.16.2.20.2.21.01.0000", "Dinas Komunikasi, Informatika, Statistik dan Persandian",
       "Diskominfo", "dinas", ("2.16", "2.20", "2.21"), 4, 0.8, "operator_diskominfo", (
           B("2.16.02.2.01.0021", "PAD", (400, 800), "kegiatan", (5, 8)),
           B("2.16.03.2.02.0030", "PAD", (1200, 2000), "rutin", (38, 38)),
           B("2.16.03.2.02.0020", "PAD", (300, 600), "pengadaan", (2, 4)),
           B("2.20.02.2.01.0010", "PAD", (100, 200), "kegiatan", (2, 3)),
           B("2.21.02.2.01.0003", "PAD", (100, 200), "kegiatan", (10, 20)),
       )),
    PD("2.17.0.00.0.00.01.0000", "Dinas Koperasi, Usaha Kecil dan Menengah", "Dinkop UKM",
       "dinas", ("2.17",), 3, 0.6, "operator_dinkopukm", (
           B("2.17.05.2.01.0001", "PAD", (150, 300), "kegiatan", (60, 120)),
           B("2.17.07.2.01.0015", "DBHCHT", (600, 1000), "kegiatan", (200, 400)),
           B("2.17.03.2.01.0004", "PAD", (100, 200), "kegiatan", (30, 60)),
       )),
    PD("2.18.0.00.0.00.01.0000", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
       "DPMPTSP", "dinas", ("2.18",), 3, 0.6, "operator_dpmptsp", (
           B("2.18.04.2.01.0006", "PAD", (300, 600), "kegiatan", (3000, 5000)),
           B("2.18.03.2.01.0002", "PAD", (200, 400), "kegiatan", (2, 4)),
           B("2.18.05.2.01.0006", "PAD", (100, 250), "kegiatan", (40, 80)),
       )),
    PD("2.19.3.26.0.00.01.0000", "Dinas Kepemudaan, Olahraga dan Pariwisata", "Disporapar",
       "dinas", ("2.19", "3.26"), 4, 0.7, "operator_disporapar", (
           B("2.19.03.2.02.0004", "PAD", (400, 800), "kegiatan", (3, 6)),
           B("2.19.03.2.03.0009", "PAD", (500, 900), "kegiatan", (80, 150)),
           B("2.19.02.2.01.0011", "PAD", (100, 200), "kegiatan", (30, 60)),
           B("3.26.02.2.03.0004", "BANKEU-PROV", (1500, 2500), "konstruksi", (2, 4), "wisata"),
           B("3.26.03.2.01.0007", "PAD", (200, 400), "kegiatan", (4, 8)),
       )),
    PD("2.23.2.24.0.00.01.0000", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas",
       ("2.23", "2.24"), 3, 0.5, "operator_dispusip", (
           B("2.23.02.2.01.0018", "DAU", (200, 400), "pengadaan", (2000, 4000)),
           B("2.23.02.2.02.0010", "PAD", (100, 200), "kegiatan", (300, 600)),
           B("2.24.02.2.01.0002", "PAD", (100, 200), "kegiatan", (500, 1000)),
       )),
    PD("3.25.0.00.0.00.01.0000", "Dinas Perikanan", "Diskan", "dinas", ("3.25",), 3, 0.6,
       "operator_diskan", (
           B("3.25.04.2.04.0002", "DAK-FR", (1200, 2000), "konstruksi", (3, 6), "desa"),
           B("3.25.04.2.02.0001", "PAD", (150, 300), "kegiatan", (60, 120)),
           B("3.25.04.2.04.0009", "DAU", (400, 700), "pengadaan", (10, 20), "desa"),
           B("3.25.06.2.03.0001", "PAD", (100, 200), "kegiatan", (3, 6)),
       )),
    PD("3.27.0.00.0.00.01.0000", "Dinas Pertanian", "Distan", "dinas", ("3.27",), 9, 1.0,
       "operator_distan", (
           B("3.27.03.2.02.0003", "DAU", (2500, 4000), "konstruksi", (4, 8), "desa"),
           B("3.27.03.2.02.0010", "DAK-FR", (2000, 3500), "konstruksi", (300, 600), "desa"),
           B("3.27.03.2.02.0002", "DBHCHT", (1000, 1800), "konstruksi", (2, 4), "desa"),
           B("3.27.02.2.01.0002", "DBHCHT", (800, 1500), "pengadaan", (20, 40)),
           B("3.27.07.2.01.0006", "PAD", (300, 600), "kegiatan", (60, 90)),
           B("3.27.04.2.01.0008", "PAD", (200, 400), "kegiatan", (5000, 9000)),
           B("3.27.05.2.01.0001", "DBHCHT", (200, 400), "kegiatan", (300, 600)),
       )),
    PD("3.30.0.00.0.00.01.0000", "Dinas Perdagangan", "Disdag", "dinas", ("3.30",), 3, 0.6,
       "operator_disdag", _PERDAGANGAN, tahun="lalu"),
    PD("3.30.3.31.0.00.01.0000", "Dinas Perindustrian dan Perdagangan", "Disperindag", "dinas",
       ("3.30", "3.31"), 4, 0.7, "operator_disperindag", _PERDAGANGAN + (
           B("3.31.02.2.01.0005", "DBHCHT", (600, 1000), "kegiatan", (40, 80)),
       ), tahun="ini"),
    PD("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", "sekretariat", ("4.01",), 26, 1.8,
       "operator_setda", (
           B("4.01.01.2.11.0001", "DAU", (700, 900), "gaji", (2, 2)),
           B("4.01.01.2.11.0004", "PAD", (1500, 2200), "rutin", (12, 12)),
           B("4.01.01.2.12.0001", "PAD", (1800, 2600), "rutin", (12, 12)),
           B("4.01.01.2.12.0003", "PAD", (2500, 3500), "rutin", (12, 12)),
           B("4.01.01.2.14.0001", "PAD", (800, 1300), "kegiatan", (12, 12)),
           B("4.01.01.2.13.0003", "PAD", (200, 400), "kegiatan", (2, 4)),
           B("4.01.02.2.02.0001", "PAD", (2500, 4000), "bantuan", (2, 4)),
           B("4.01.02.2.03.0001", "PAD", (300, 600), "kegiatan", (15, 30)),
           B("4.01.03.2.03.0002", "PAD", (400, 700), "kegiatan", (300, 500)),
           B("4.01.03.2.02.0002", "PAD", (200, 400), "kegiatan", (4, 12)),
           B("4.01.03.2.01.0002", "PAD", (150, 300), "kegiatan", (4, 12)),
       )),
    PD("4.02.0.00.0.00.01.0000", "Sekretariat DPRD", "Setwan", "sekretariat", ("4.02",), 7, 1.5,
       "operator_setwan", (
           B("4.02.02.2.02.0003", "PAD", (800, 1300), "kegiatan", (2, 2)),
           B("4.02.02.2.01.0002", "PAD", (1200, 2000), "kegiatan", (8, 14)),
           B("4.02.02.2.05.0001", "PAD", (1500, 2500), "kegiatan", (24, 36)),
           B("4.02.02.2.05.0003", "PAD", (2500, 3500), "kegiatan", (3, 3)),
           B("4.02.02.2.04.0002", "PAD", (1500, 2500), "kegiatan", (45, 45)),
           B("4.02.02.2.04.0005", "PAD", (500, 900), "rutin", (7, 7)),
           B("4.02.02.2.08.0004", "PAD", (600, 1000), "kegiatan", (12, 12)),
       )),
    PD("5.01.5.05.0.00.01.0000",
       "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Bappelitbangda",
       "badan", ("5.01", "5.05"), 4.5, 0.8, "operator_bappeda", (
           B("5.01.02.2.01.0005", "PAD", (200, 400), "kegiatan", (1, 1)),
           B("5.01.02.2.01.0007", "PAD", (300, 600), "kegiatan", (2, 3)),
           B("5.01.02.2.03.0003", "PAD", (200, 400), "kegiatan", (4, 12)),
           B("5.01.03.2.03.0004", "PAD", (100, 200), "kegiatan", (2, 4)),
           B("5.05.02.2.04.0003", "PAD", (100, 250), "kegiatan", (10, 25)),
       )),
    PD("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Pendapatan Daerah", "BPKPD",
       "badan", ("5.02",), 15, 1.3, "operator_bpkpd", (
           B("5.02.02.2.01.0001", "PAD", (200, 400), "kegiatan", (2, 2)),
           B("5.02.02.2.03.0004", "PAD", (300, 600), "kegiatan", (1, 2)),
           B("5.02.02.2.05.0002", "PAD", (300, 600), "rutin", (1, 2)),
           B("5.02.03.2.01.0006", "PAD", (300, 500), "kegiatan", (1, 2)),
           B("5.02.04.2.01.0005", "PAD", (800, 1500), "kegiatan", (15000, 25000)),
           B("5.02.04.2.01.0011", "PAD", (400, 800), "kegiatan", (12, 12)),
           B("5.02.04.2.01.0015", "PAD", (150, 300), "kegiatan", (2, 4)),
           B("5.02.02.2.02.0005", "DBHCHT", (100, 250), "kegiatan", (4, 4)),
       )),
    PD("5.03.5.04.0.00.01.0000", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
       "BKPSDM", "badan", ("5.03", "5.04"), 6, 0.8, "operator_bkpsdm", (
           B("5.03.02.2.01.0003", "PAD", (300, 700), "kegiatan", (2, 4)),
           B("5.03.02.2.01.0010", "PAD", (150, 300), "rutin", (1, 1)),
           B("5.03.02.2.03.0002", "PAD", (200, 400), "kegiatan", (60, 120)),
           B("5.03.02.2.04.0002", "PAD", (100, 250), "kegiatan", (2, 4)),
           B("5.04.02.2.02.0007", "PAD", (1000, 1800), "kegiatan", (150, 300)),
       )),
    PD("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", "inspektorat", ("6.01",),
       6, 0.8, "operator_inspektorat", (
           B("6.01.02.2.01.0001", "PAD", (500, 900), "kegiatan", (30, 45)),
           B("6.01.02.2.01.0004", "PAD", (200, 400), "kegiatan", (2, 4)),
           B("6.01.02.2.01.0007", "PAD", (150, 300), "kegiatan", (2, 4)),
           B("6.01.02.2.02.0002", "PAD", (200, 400), "kegiatan", (5, 10)),
           B("6.01.03.2.02.0003", "PAD", (100, 250), "kegiatan", (2, 4)),
       )),
    PD("8.01.0.00.0.00.01.0000", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan",
       ("8.01",), 2.5, 0.6, "operator_kesbangpol", (
           B("8.01.02.2.01.0001", "PAD", (150, 300), "kegiatan", (200, 400)),
           B("8.01.03.2.01.0001", "PAD", (200, 400), "kegiatan", (200, 400)),
           B("8.01.06.2.01.0001", "PAD", (150, 300), "kegiatan", (4, 12)),
       )),
]  # fmt: skip


def _kecamatan(nomor: int, nama: str, gaji: float, kelurahan: bool = False) -> PD:
    baris = (
        B("7.01.02.2.01.0001", "PAD", (100, 200), "kegiatan", (12, 12), "kecamatan"),
        B("7.01.03.2.03.0002", "PAD", (50, 150), "kegiatan", (10, 30), "kecamatan"),
        B("7.01.04.2.01.0001", "PAD", (50, 120), "kegiatan", (12, 12), "kecamatan"),
    )
    if kelurahan:
        baris += (B("7.01.03.2.02.0002", "DAU-DP", (1200, 1800), "konstruksi", (4, 8), "desa"),)
    slug = nama.lower()
    return PD(f"7.01.0.00.0.00.{nomor:02d}.0000", f"Kecamatan {nama}", f"Kec. {nama}",
              "kecamatan", ("7.01",), gaji, 0.35, f"operator_kec_{slug}", baris)  # fmt: skip


PERANGKAT_DAERAH += [
    _kecamatan(1, "Sukamaju", 4.5, kelurahan=True),
    _kecamatan(2, "Cibeureum", 3.6),
    _kecamatan(3, "Sindangsari", 3.2),
    _kecamatan(4, "Mekarwangi", 3.0),
    _kecamatan(5, "Karangsari", 3.4),
    _kecamatan(6, "Tanjungjaya", 3.1),
    _kecamatan(7, "Cikadu", 2.9),
    _kecamatan(8, "Pasirmukti", 3.0),
]

# The PD whose operators the login table shows first: the ones a demo usually starts with.
PD_UTAMA = ["Dinkes", "DPUPR", "Disdikbud", "RSUD", "Setda", "BPKPD"]

# --- Users ---------------------------------------------------------------------------------------

# Fixed demo passwords, one per role; each passes the validators of pok/settings.py.
PASSWORD = {
    "admin": "Sipok-Admin-2026!",
    "pimpinan": "Sipok-Pimpinan-2026!",
    "auditor": "Sipok-Auditor-2026!",
    "operator": "Sipok-Operator-2026!",
}

# (username, role, first name, last name, jabatan)
PENGGUNA = [
    ("admin", "admin", "Rina", "Marlina, S.T., M.T.",
     "Analis Pengendalian Pembangunan, Bagian Administrasi Pembangunan Setda"),
    ("pimpinan", "pimpinan", "H. Asep Kurnia", "Permana, S.IP., M.Si.", "Bupati Sukamaju"),
    ("sekda", "pimpinan", "Dr. Ir. Yayan", "Sopandi, M.T.", "Sekretaris Daerah Kabupaten Sukamaju"),
    ("auditor", "auditor", "Euis", "Komalasari, S.E., Ak.",
     "Inspektur Pembantu Wilayah I, Inspektorat Daerah"),
]  # fmt: skip

NAMA_DEPAN_PRIA = [
    "Asep", "Dede", "Yayan", "Iwan", "Agus", "Dadan", "Ujang", "Rudi", "Hendra", "Wawan", "Cecep",
    "Deden", "Ade", "Tatang", "Rahmat", "Fajar", "Budi", "Hadi", "Yusuf", "Ahmad", "Eko", "Dedi",
    "Gugun", "Irfan", "Rizal", "Taufik", "Ridwan", "Jajang",
]  # fmt: skip
NAMA_DEPAN_WANITA = [
    "Rina", "Nia", "Euis", "Siti", "Yuli", "Neneng", "Lilis", "Eneng", "Dewi", "Sri", "Ratna",
    "Nurul", "Rika", "Fitri", "Yanti", "Tati", "Wulan", "Indah", "Rosita", "Ai", "Imas",
]  # fmt: skip
NAMA_BELAKANG = [
    "Suryana", "Permana", "Hidayat", "Saputra", "Nugraha", "Kurniawan", "Setiawan", "Gunawan",
    "Rahayu", "Hermawan", "Mulyana", "Sopandi", "Supriatna", "Ruhiyat", "Sutisna", "Wahyudi",
    "Kusnadi", "Rohman", "Firmansyah", "Maulana", "Fitriani", "Lestari", "Handayani", "Komalasari",
    "Sulastri", "Ramdani", "Hamdani", "Munandar", "Sudrajat", "Wiguna",
]  # fmt: skip

# --- Procurement ---------------------------------------------------------------------------------

PENYEDIA_KATA = [
    "Karya", "Mandiri", "Putra", "Jaya", "Sejahtera", "Abadi", "Utama", "Bangun", "Persada",
    "Cipta", "Mitra", "Sarana", "Graha", "Tirta", "Lestari", "Makmur", "Pratama", "Perkasa",
    "Anugerah", "Berkah", "Sentosa", "Prima", "Galuh", "Pasundan", "Mekar", "Sinar", "Wijaya",
    "Nusantara",
]  # fmt: skip
PENYEDIA_AKHIRAN = {
    "konstruksi": ["Konstruksi", "Bangun Perkasa", "Karya Teknik", "Beton", "Aspalindo"],
    "pengadaan": ["Teknik", "Medika", "Niaga", "Trading", "Sentra Niaga", "Mandiri Sejahtera"],
    "konsultansi": ["Konsultan", "Rekayasa Konsultan", "Desain Engineering", "Consultant"],
}

# --- Obstacles and what the PD does about them -------------------------------------------------

# (jenis, kendala, solusi). jenis matches a profile (or "umum" for any line).
KENDALA = [
    ("konstruksi", "Proses tender gagal karena tidak ada penawaran yang memenuhi syarat.",
     "Dilakukan tender ulang dengan HPS dan spesifikasi teknis yang disesuaikan."),
    ("konstruksi", "Curah hujan tinggi sehingga pekerjaan pengaspalan dan pengecoran tertunda.",
     "Penambahan jam kerja dan tenaga kerja saat cuaca memungkinkan, disertai percepatan "
     "mobilisasi "
     "alat."),
    ("konstruksi", "Pembebasan lahan belum tuntas, sebagian pemilik lahan belum bersedia.",
     "Musyawarah bersama pemerintah desa, camat dan tim penilai (appraisal) untuk penyelesaian "
     "ganti "
     "kerugian."),
    ("konstruksi", "Keterlambatan pasokan material (aspal, beton ready mix) dari penyedia.",
     "Teguran tertulis kepada penyedia dan rapat pembuktian (show cause meeting) dengan jadwal "
     "percepatan."),
    ("konstruksi", "Progres penyedia jasa konstruksi di bawah rencana (kontrak kritis).",
     "Show cause meeting tahap I dan II, pengenaan denda keterlambatan sesuai kontrak."),
    ("konstruksi", "Dokumen perencanaan teknis (DED) masih dalam proses reviu.",
     "Percepatan reviu DED bersama konsultan perencana dan probity audit oleh Inspektorat."),
    ("dak", "Petunjuk teknis DAK tahun berjalan terlambat terbit sehingga dokumen perencanaan "
     "tertunda.", "Konsultasi ke kementerian teknis dan penyusunan dokumen segera setelah juknis "
     "terbit."),
    ("dak", "Menu kegiatan DAK pada aplikasi KRISNA berubah sehingga RAB harus disesuaikan.",
     "Revisi RAB dan pengajuan perubahan rincian kegiatan melalui aplikasi KRISNA."),
    ("pengadaan", "Barang yang dibutuhkan belum tayang di katalog elektronik.",
     "Koordinasi dengan penyedia untuk penayangan produk, atau beralih ke pengadaan langsung "
     "sesuai ketentuan."),
    ("pengadaan", "Penyedia e-katalog belum mengirim barang sesuai jadwal pesanan.",
     "Surat teguran kepada penyedia dan pemantauan pengiriman bersama PPK."),
    ("bantuan", "Menunggu SK Bupati tentang penetapan penerima bantuan.",
     "Percepatan penyusunan draf SK dan verifikasi calon penerima bersama pemerintah desa."),
    ("bantuan", "Data calon penerima belum padan dengan DTKS/NIK tidak valid.",
     "Pemadanan data dengan Disdukcapil dan verifikasi lapangan oleh pendamping."),
    ("bantuan", "Dana transfer tahap berikutnya belum masuk ke RKUD.",
     "Koordinasi dengan BPKPD dan kementerian terkait untuk percepatan penyaluran tahap "
     "berikutnya."),
    ("kegiatan", "Jadwal kegiatan bergeser menyesuaikan agenda pimpinan dan narasumber dari "
     "provinsi/pusat.", "Penjadwalan ulang kegiatan pada bulan berikutnya dengan koordinasi jadwal "
     "sejak awal bulan."),
    ("kegiatan", "Pelaksanaan kegiatan menunggu regulasi/petunjuk pelaksanaan dari kementerian.",
     "Konsultasi ke kementerian terkait dan menyiapkan kegiatan agar segera dapat dilaksanakan."),
    ("kegiatan", "Sebagian besar kegiatan (bimbingan teknis, sosialisasi) dijadwalkan pada "
                 "semester "
     "II sesuai kalender kegiatan.", "Kegiatan dilaksanakan sesuai jadwal; realisasi akan naik "
                                     "pada "
     "triwulan III."),
    ("desa", "Kegiatan pemberdayaan menunggu jadwal musyawarah desa.",
     "Koordinasi dengan kepala desa dan camat untuk percepatan jadwal musyawarah desa."),
    ("umum", "SPJ kegiatan belum lengkap sehingga SP2D belum dapat diterbitkan.",
     "Pendampingan bendahara dan PPTK untuk melengkapi SPJ, ditargetkan selesai minggu "
     "berikutnya."),
    ("konstruksi", "Pembayaran menunggu penyelesaian pekerjaan sesuai termin dalam kontrak.",
     "Pencairan dilakukan setelah berita acara kemajuan pekerjaan ditandatangani."),
    ("konstruksi", "Keterbatasan tenaga teknis dan PPK bersertifikat untuk menangani banyak paket.",
     "Penambahan tim teknis dan pemanfaatan konsultan pengawas."),
    ("tagihan", "Tagihan listrik, air dan telepon bulan berjalan belum diterima dari penyedia "
     "layanan.", "Pembayaran dilakukan pada bulan berikutnya setelah tagihan diterima."),
    ("rutin", "Sebagian belanja rutin (perjalanan dinas, pemeliharaan) baru dibayarkan setelah SPJ "
     "diverifikasi pada bulan berikutnya.", "Percepatan verifikasi SPJ oleh PPK-SKPD dan "
                                            "pembayaran "
     "melalui mekanisme GU/TU."),
    ("blud", "Klaim BPJS Kesehatan belum dibayarkan sehingga arus kas BLUD terbatas.",
     "Penagihan klaim secara berkala dan pengaturan prioritas belanja BLUD."),
    ("refocusing", "Anggaran terdampak refocusing sehingga volume dan jadwal kegiatan "
     "disesuaikan.", "Penyesuaian DPA dan RKO sesuai pagu hasil refocusing."),
]  # fmt: skip

CATATAN_DIKEMBALIKAN = [
    "Realisasi keuangan tidak sesuai dengan data SP2D pada SIPD. Mohon diperbaiki dan diajukan "
    "kembali.",
    "Realisasi fisik melebihi progres pada laporan konsultan pengawas. Lampirkan bukti dukung "
    "(foto 0%, 50%, 100%) dan sesuaikan angkanya.",
    "Kendala dan solusi belum diisi untuk sub kegiatan dengan deviasi lebih dari 5%.",
]


def demo_usernames() -> list[str]:
    """Every demo account: the four of PENGGUNA and one operator per PD."""
    return [username for username, *_ in PENGGUNA] + [spec.operator for spec in PERANGKAT_DAERAH]
