#!/usr/bin/env bash
# Install medkg into ./.venv and run the main job on the sample articles with the
# embedded store (no server): ingest examples/corpus, validate, export out/graph.trig.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
export MEDKG_STORE="${MEDKG_STORE:-$PWD/.medkg/store}"
mkdir -p out
.venv/bin/medkg ingest examples/corpus
.venv/bin/medkg stats
.venv/bin/medkg validate -q
.venv/bin/medkg export -o out/graph.trig
echo "graph written to out/graph.trig (store: $MEDKG_STORE). Try: .venv/bin/medkg queries"
