"""The monthly realisasi entry of a PD: the operator's table of DPA lines, read-only for the others.

The views parse the request, ask ``akun.access`` and ``realisasi.kunci`` who may do what, call one
service of ``realisasi.services`` and render. A wrong row, a closed month or a conflicting save
re-renders the page with the reason; nothing is half-saved.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import access
from laporan import format as fmt
from laporan.periode import Periode, default_periode

from .. import services
from ..forms import BarisRealisasiForm, PilihEntriForm
from ..kunci import StatusBulan, status_bulan
from ..models import AturanPelaporan, Realisasi

TEMPLATE = "realisasi/entri.html"


def _prefix(dpa_pk: int) -> str:
    return f"r{dpa_pk}"


def _ringkas(value: Decimal, places: int) -> str:
    """45.50 → "45,5", 100.00 → "100", 1250000.00 → "1.250.000" (for an input's value)."""
    text = fmt.angka(value, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def _initial(row: Realisasi | None) -> dict:
    if row is None:
        return {"versi": 0}
    return {
        "fisik": _ringkas(row.realisasi_fisik, 2),
        "keuangan": _ringkas(row.realisasi_keuangan, 2),
        "kendala": row.kendala,
        "solusi": row.solusi,
        "versi": row.versi,
    }


def _label(line) -> str:
    return f"{line.sub_kegiatan.kode} {line.sumber_dana.kode}"


@dataclass
class Baris:
    """One line of the table: the DPA line (annotated), this month's row, its form when the
    operator may change it, and what they had typed when a conflict replaced it."""

    line: object
    row: Realisasi | None
    form: BarisRealisasiForm | None
    isian_anda: services.IsianBaris | None = None
    pesan_fisik: list[str] = field(default_factory=list)  # beside fisik, for an unbound form

    @property
    def status(self) -> str:
        return self.row.status if self.row else ""

    @property
    def keuangan_kumulatif(self) -> Decimal:
        return self.line.keuangan_lalu + (self.row.realisasi_keuangan if self.row else 0)


@dataclass
class Halaman:
    perangkat_daerah: object
    periode: Periode
    status: StatusBulan
    operator_pd: bool  # the user is this PD's operator
    boleh_isi: bool  # ... and the month is open
    baris: list[Baris]
    queryset: object  # of services.baris_entri, for the totals
    pesan_error: list[str] = field(default_factory=list)
    konflik: str = ""

    @cached_property
    def total(self) -> services.TotalEntri:
        return services.total_entri(self.queryset)

    @cached_property
    def ambang(self) -> Decimal:
        return AturanPelaporan.current().ambang_deviasi_kendala

    @property
    def bisa_diubah(self) -> bool:
        """Some row has inputs: the save buttons show."""
        return any(item.form is not None for item in self.baris)

    @property
    def bisa_salin(self) -> bool:
        return (
            self.boleh_isi and self.periode.bulan > 1 and all(not item.row for item in self.baris)
        )

    @property
    def semua_diajukan(self) -> bool:
        return bool(self.baris) and all(
            item.row and item.row.status in Realisasi.STATUS_TERLAPOR for item in self.baris
        )

    @property
    def bulan_lalu(self) -> Periode | None:
        return (
            Periode(self.periode.tahun, self.periode.bulan - 1) if self.periode.bulan > 1 else None
        )

    @property
    def bulan_berikut(self) -> Periode | None:
        if self.periode.bulan < 12:
            return Periode(self.periode.tahun, self.periode.bulan + 1)
        return None


def _periode(tahun: int, bulan: int) -> Periode:
    try:
        return Periode(tahun, bulan)
    except ValueError:
        raise Http404("Bulan tidak dikenal.") from None


def _halaman(request, perangkat_daerah, periode: Periode, *, data=None, konflik=None) -> Halaman:
    """Everything the page shows, in a constant number of queries.

    ``data``: the posted form data to show again (after an error); ``konflik``: the rows that
    changed under a conflicting save, shown with their newest values.
    """
    user = request.user
    status = status_bulan(perangkat_daerah, periode.tahun, periode.bulan)
    operator_pd = access.can_enter_realisasi(user, perangkat_daerah)
    boleh_isi = operator_pd and status.terbuka
    queryset = services.baris_entri(
        perangkat_daerah=perangkat_daerah, tahun=periode.tahun, bulan=periode.bulan
    )
    rows = services.realisasi_bulan(
        perangkat_daerah=perangkat_daerah, tahun=periode.tahun, bulan=periode.bulan
    )
    baris = []
    for line in queryset:
        row = rows.get(line.pk)
        form = None
        if boleh_isi and (row is None or row.status in services.BISA_DIUBAH):
            prefix = _prefix(line.pk)
            replaced = konflik is not None and line.pk in konflik
            posted = data is not None and f"{prefix}-versi" in data
            bound = data if posted and not replaced else None
            form = BarisRealisasiForm(
                bound, prefix=prefix, initial=_initial(row), label=_label(line)
            )
        baris.append(Baris(line=line, row=row, form=form))
    return Halaman(
        perangkat_daerah=perangkat_daerah,
        periode=periode,
        status=status,
        operator_pd=operator_pd,
        boleh_isi=boleh_isi,
        baris=baris,
        queryset=queryset,
    )


def _render(request, halaman: Halaman, *, status: int = 200):
    return render(request, TEMPLATE, {"halaman": halaman}, status=status)


def _ditolak(request, perangkat_daerah, periode: Periode, message: str):
    """403 with the reason, on the read-only page."""
    halaman = _halaman(request, perangkat_daerah, periode)
    halaman.pesan_error.append(message)
    return _render(request, halaman, status=403)


@login_required
@require_GET
def pilih(request):
    """Operators go to their own PD's reporting month; the read-all roles choose one."""
    user = request.user
    if access.is_operator(user):
        periode = services.periode_entri(perangkat_daerah=user.perangkat_daerah)
        return redirect("realisasi:entri", user.perangkat_daerah_id, periode.tahun, periode.bulan)
    if not access.can_read_all_pd(user):
        raise PermissionDenied("Anda tidak berhak membuka realisasi.")
    default = default_periode(timezone.localdate())
    form = PilihEntriForm(
        request.GET or None,
        initial={"tahun": default.tahun, "bulan": default.bulan},
        perangkat_daerah_queryset=access.perangkat_daerah_for(user).order_by("kode"),
    )
    if form.is_bound and form.is_valid():
        return redirect(
            "realisasi:entri",
            form.cleaned_data["perangkat_daerah"].pk,
            form.cleaned_data["tahun"],
            form.cleaned_data["bulan"],
        )
    return render(request, "realisasi/entri_pilih.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def entri(request, pd_pk: int, tahun: int, bulan: int):
    periode = _periode(tahun, bulan)
    perangkat_daerah = access.get_perangkat_daerah_for_user(request.user, pd_pk)
    if request.method == "POST":
        return _simpan(request, perangkat_daerah, periode)
    return _render(request, _halaman(request, perangkat_daerah, periode))


def _posted_forms(request, halaman: Halaman) -> dict[int, BarisRealisasiForm]:
    """The forms of the lines the post carries (a crafted post may carry a read-only one)."""
    forms = {}
    for item in halaman.baris:
        prefix = _prefix(item.line.pk)
        if f"{prefix}-versi" not in request.POST:
            continue
        if item.form is None:  # read-only row: parse it anyway, the service refuses it
            item.form = BarisRealisasiForm(request.POST, prefix=prefix, label=_label(item.line))
        forms[item.line.pk] = item.form
    return forms


def _isian(forms: dict[int, BarisRealisasiForm]) -> dict[int, services.IsianBaris]:
    rows = {}
    for dpa_pk, form in forms.items():
        if not form.is_valid():
            continue
        data = form.cleaned_data
        if form.kosong and data["versi"] == 0:
            continue
        rows[dpa_pk] = services.IsianBaris(
            fisik=data["fisik"],
            keuangan=data["keuangan"],
            kendala=data["kendala"],
            solusi=data["solusi"],
            versi=data["versi"],
        )
    return rows


def _attach(halaman: Halaman, forms: dict[int, BarisRealisasiForm], errors) -> None:
    for dpa_pk, by_field in errors.items():
        form = forms.get(dpa_pk)
        for name, messages_ in by_field.items():
            for message in messages_:
                if form is None:
                    halaman.pesan_error.append(message)
                else:
                    form.add_error(None if name == services.NON_FIELD else name, message)


def _simpan(request, perangkat_daerah, periode: Periode):
    user = request.user
    if not access.can_enter_realisasi(user, perangkat_daerah):
        return _ditolak(
            request,
            perangkat_daerah,
            periode,
            "Anda hanya dapat melihat realisasi ini; perubahan hanya oleh operator PD-nya.",
        )
    halaman = _halaman(request, perangkat_daerah, periode, data=request.POST)
    submit = request.POST.get("action") == "ajukan"
    if not halaman.status.terbuka:
        return _ditolak(
            request,
            perangkat_daerah,
            periode,
            halaman.status.penolakan(services.akibat_ditolak(submit=submit)),
        )
    forms = _posted_forms(request, halaman)
    rows = _isian(forms)
    try:
        if not all(form.is_valid() for form in forms.values()):
            raise services.IsianTidakValid(
                services.periksa_isian(
                    lines={item.line.pk: item.line for item in halaman.baris},
                    existing={item.line.pk: item.row for item in halaman.baris if item.row},
                    rows=rows,
                    ambang=halaman.ambang,
                )
            )
        hasil = services.realisasi_save(
            perangkat_daerah=perangkat_daerah,
            tahun=periode.tahun,
            bulan=periode.bulan,
            rows=rows,
            by=user,
            submit=submit,
        )
    except PermissionDenied as exc:
        return _ditolak(request, perangkat_daerah, periode, str(exc))
    except services.IsianTidakValid as exc:
        _attach(halaman, forms, exc.errors)
        wrong = sum(1 for form in forms.values() if form.errors) or len(exc.errors)
        halaman.pesan_error.insert(
            0,
            f"Belum disimpan: {wrong} baris perlu diperbaiki (lihat pesan merah di baris "
            "tersebut). Tidak ada data yang berubah.",
        )
        return _render(request, halaman)
    except services.KonflikVersi as exc:
        fresh = _halaman(request, perangkat_daerah, periode, data=request.POST, konflik=exc.rows)
        for item in fresh.baris:
            if item.line.pk in exc.rows:
                item.isian_anda = rows.get(item.line.pk)
        fresh.konflik = exc.message
        return _render(request, fresh, status=409)

    if hasil.belum_lengkap:
        fresh = _halaman(request, perangkat_daerah, periode)
        missing = set(hasil.belum_lengkap)
        for item in fresh.baris:
            if item.line.pk in missing:
                item.pesan_fisik.append("Wajib diisi sebelum diajukan.")
        fresh.pesan_error.append(
            f"Draft tersimpan, tetapi belum diajukan: {len(missing)} sub kegiatan belum diisi "
            "realisasinya (ditandai merah). Lengkapi lalu tekan Ajukan lagi."
        )
        return _render(request, fresh)
    if submit:
        if hasil.diajukan:
            messages.success(
                request,
                f"Realisasi {periode} diajukan untuk diverifikasi ({hasil.diajukan} baris).",
            )
        else:
            messages.info(request, "Tidak ada baris yang perlu diajukan.")
    elif hasil.disimpan:
        messages.success(request, f"Draft tersimpan ({hasil.disimpan} baris diperbarui).")
    else:
        messages.info(request, "Tidak ada perubahan untuk disimpan.")
    return redirect("realisasi:entri", perangkat_daerah.pk, periode.tahun, periode.bulan)


@login_required
@require_POST
def salin(request, pd_pk: int, tahun: int, bulan: int):
    """ "Salin bulan lalu" for a month the PD has not touched."""
    periode = _periode(tahun, bulan)
    perangkat_daerah = access.get_perangkat_daerah_for_user(request.user, pd_pk)
    try:
        jumlah = services.realisasi_copy_last_month(
            perangkat_daerah=perangkat_daerah,
            tahun=periode.tahun,
            bulan=periode.bulan,
            by=request.user,
        )
    except PermissionDenied as exc:
        return _ditolak(request, perangkat_daerah, periode, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"{jumlah} baris disalin dari bulan lalu sebagai draft: fisik kumulatif, kendala dan "
            "solusi; realisasi keuangan bulan ini diisi 0. Periksa lalu simpan.",
        )
    return redirect("realisasi:entri", perangkat_daerah.pk, periode.tahun, periode.bulan)
