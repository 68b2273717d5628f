#!/usr/bin/env bash
# Install what the tests need, then run lint and the whole test suite.
# DATABASE_URL=postgres://... runs the suite on PostgreSQL instead of SQLite.
# Browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium); without it
# they are skipped with a visible reason, unless CI=true, where a missing browser fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements-dev.txt

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/pytest "$@"
