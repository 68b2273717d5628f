#!/usr/bin/env bash
# Set everything up and serve SiPOK on http://127.0.0.1:8000 with the demo pemda loaded.
# Safe to run again: the virtualenv and migrations are brought up to date, and the demo data are
# loaded only when the database has none (SIPOK_RESET_DEMO=1 rebuilds them).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements.txt

export DEBUG="${DEBUG:-true}"
.venv/bin/python manage.py migrate --noinput
if [ "${SIPOK_RESET_DEMO:-0}" = "1" ]; then
  .venv/bin/python manage.py demo
else
  .venv/bin/python manage.py demo --jika-kosong
fi
echo
echo "SiPOK berjalan di http://127.0.0.1:8000 (hentikan dengan Ctrl+C)"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
