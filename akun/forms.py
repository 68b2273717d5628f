from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AuthenticationForm,
    PasswordChangeForm,
)


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Nama pengguna atau sandi salah. Perhatikan huruf besar dan kecil pada sandi."
        ),
        "inactive": "Akun ini tidak aktif. Hubungi Admin SiPOK.",
    }


class GantiSandiForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "Sandi lama salah. Ketik kembali sandi yang Anda pakai untuk masuk.",
        "password_mismatch": "Kedua sandi baru tidak sama.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Sandi lama"
        self.fields["new_password1"].label = "Sandi baru"
        self.fields["new_password2"].label = "Ulangi sandi baru"


class AdminSetSandiForm(AdminPasswordChangeForm):
    """The data-induk admin's "change password" form: a password an Admin sets is temporary, and
    the user changes it at their next login."""

    def save(self, commit=True):
        self.user.wajib_ganti_sandi = True
        self.user._change_reason = "Sandi diatur oleh Admin (data induk)"
        return super().save(commit=commit)
