from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Nama pengguna atau sandi salah. Perhatikan huruf besar dan kecil pada sandi."
        ),
        "inactive": "Akun ini tidak aktif. Hubungi Admin SiPOK.",
    }
