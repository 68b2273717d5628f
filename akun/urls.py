from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("sandi/", views.ganti_sandi, name="ganti-sandi"),
    path("pengguna/<int:pk>/atur-ulang-sandi/", views.atur_ulang_sandi, name="atur-ulang-sandi"),
]
