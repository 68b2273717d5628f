from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    OPERATOR = "operator", "Operator PD"
    ADMIN = "admin", "Admin"
    PIMPINAN = "pimpinan", "Pimpinan"
    AUDITOR = "auditor", "Auditor"


class User(AbstractUser):
    """A SiPOK user: one role; an Operator PD belongs to exactly one Perangkat Daerah.

    What a role may see and do is decided in ``akun.access``, nowhere else.
    """

    # No default: a user created without a role can see nothing until an admin gives one.
    role = models.CharField("peran", max_length=20, choices=Role.choices)
    perangkat_daerah = models.ForeignKey(
        "perangkat_daerah.PerangkatDaerah",
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        help_text="Wajib untuk Operator PD, kosong untuk peran lain.",
    )
    jabatan = models.CharField("jabatan", max_length=150, blank=True)
    wajib_ganti_sandi = models.BooleanField(
        "wajib ganti sandi",
        default=False,
        help_text="Pengguna harus mengganti sandinya sebelum membuka halaman lain (setelah sandi "
        "diatur ulang oleh Admin atau akun baru dibuat).",
    )

    # Who changed an account, and when. The password hash never goes into the history (a change of
    # it is recorded, with its reason, but not its value); nor does the time of the last login.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                name="user_operator_has_pd",
                condition=(Q(role=Role.OPERATOR) & Q(perangkat_daerah__isnull=False))
                | (~Q(role=Role.OPERATOR) & Q(perangkat_daerah__isnull=True)),
                violation_error_message=(
                    "Operator PD wajib terhubung ke satu Perangkat Daerah; peran lain tidak."
                ),
            ),
        ]

    def clean(self):
        super().clean()
        if self.role == Role.OPERATOR and self.perangkat_daerah_id is None:
            raise ValidationError(
                {"perangkat_daerah": "Operator PD wajib terhubung ke satu Perangkat Daerah."}
            )
        if self.role != Role.OPERATOR and self.perangkat_daerah_id is not None:
            raise ValidationError(
                {"perangkat_daerah": "Hanya Operator PD yang terhubung ke Perangkat Daerah."}
            )

    @property
    def role_label(self) -> str:
        return self.get_role_display()
