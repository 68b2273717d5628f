"""How long a login lasts: ``SESSION_IDLE_TIMEOUT`` seconds without a request, and at most
``SESSION_COOKIE_AGE`` seconds from the login.

The session keeps the time of the login and of the latest request. The latter is rewritten at most
once a minute, so a page view does not cost a session write (and its queries) every time.
"""

from django.conf import settings

MULAI = "_sipok_sesi_mulai"  # the login, seconds since the epoch
AKTIF = "_sipok_sesi_aktif"  # the latest request seen, same


def mulai_sesi(session, now) -> None:
    stamp = int(now.timestamp())
    session[MULAI] = stamp
    session[AKTIF] = stamp


def resolusi() -> int:
    """How stale the activity stamp may get before it is rewritten."""
    return max(1, min(60, settings.SESSION_IDLE_TIMEOUT // 4))


def alasan_berakhir(session, now) -> str | None:
    """Why this session is over (Indonesian, for the login page), or None while it lasts."""
    stamp = int(now.timestamp())
    mulai, aktif = session.get(MULAI), session.get(AKTIF)
    if mulai is None or aktif is None:
        return None
    if stamp - aktif > settings.SESSION_IDLE_TIMEOUT:
        return (
            f"Sesi Anda berakhir karena tidak ada aktivitas selama "
            f"{_durasi(settings.SESSION_IDLE_TIMEOUT)}. Silakan masuk kembali."
        )
    if stamp - mulai > settings.SESSION_COOKIE_AGE:
        return (
            f"Sesi Anda berakhir karena sudah berlangsung lebih dari "
            f"{_durasi(settings.SESSION_COOKIE_AGE)}. Silakan masuk kembali."
        )
    return None


def catat_aktivitas(session, now) -> None:
    """Note the request; a session from before these stamps starts counting now."""
    stamp = int(now.timestamp())
    if session.get(MULAI) is None or session.get(AKTIF) is None:
        session[MULAI] = stamp
        session[AKTIF] = stamp
    elif stamp - session[AKTIF] >= resolusi():
        session[AKTIF] = stamp


def _durasi(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600} jam"
    if seconds % 60 == 0:
        return f"{seconds // 60} menit"
    return f"{seconds} detik"
