#!/usr/bin/env bash
# SiPOK's benchmark: builds the large pemda once (SQLite in bench/.data/, PostgreSQL sipok_bench on
# 127.0.0.1:5432), measures every report, the entry page and the Excel files on both, then a load
# test on PostgreSQL; prints the tables and the targets (BENCHMARKS.md). Extra arguments go to
# bench/run.py (`bash scripts/bench.sh --quick`, `--help`).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements-bench.txt

exec .venv/bin/python bench/run.py "$@"
