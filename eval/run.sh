#!/usr/bin/env bash
# One entry for the evaluation harnesses: sets up eval/.venv, builds the release CLI, runs one harness.
#   bash eval/run.sh rouge  [--corpus ../shared/data/cnndm/dev.jsonl] [--limit N] [--sample] [--dump FILE] ...
#   bash eval/run.sh people [--errors] [--seed-only] [--strict]
#   bash eval/run.sh quotes [--errors]
#   bash eval/run.sh purity [--errors] [--worst N]
#   bash eval/run.sh sentences [--errors] [--corpus FILE ...]
#   bash eval/run.sh all    [--limit N]     # every harness once (a smoke run with --limit)
# NUTSHELL_BIN=/path/to/nutshell skips the build and uses that binary; so does --bin PATH.
# Each harness's --help lists its options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
harness="${1:-}"
case "$harness" in
  rouge|people|quotes|purity|sentences|all) shift ;;
  *) echo "usage: bash eval/run.sh <rouge|people|quotes|purity|sentences|all> [args]  (see eval/README.md)" >&2; exit 2 ;;
esac

bash "$here/setup.sh"
if [[ -z "${NUTSHELL_BIN:-}" && " $* " != *" --bin "* ]]; then
  # A no-op when the binary is fresh; otherwise the harness would measure stale code.
  (cd "$root" && cargo build --release --quiet --bin nutshell)
fi

python="$here/.venv/bin/python"
if [[ "$harness" == all ]]; then
  status=0
  for h in rouge people quotes purity sentences; do
    "$python" "$here/$h.py" "$@" || status=$?
    echo
  done
  exit "$status"
fi
exec "$python" "$here/$harness.py" "$@"
