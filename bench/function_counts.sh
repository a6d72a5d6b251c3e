#!/usr/bin/env bash
# Where V8 spends the Wasm's work, function by function: the counts of `bench/counts.sh` (instructions,
# mispredicted branches, cost = Ir + 65 × mispredicts), attributed to each Wasm function (and to JavaScript's, such
# as `pushSentence`). The steps of stops 31 and 32 were judged by it (bench/README.md).
#
#   bash bench/function_counts.sh [CORPUS] [ROUNDS] [TOP]    defaults ../shared/data/cnndm/dev.jsonl, 5, 60
#
# Needs valgrind and the Wasm built (npm run build). The module is bound again from cargo's output (bench/named_build.sh) and optimised as
# `scripts/build.sh` does, but keeping the function names; bench/steady.mjs then summarizes the corpus ROUNDS times
# under callgrind (branch simulator on, each instruction counted), with V8's optimising tier only and one thread,
# writing a jitdump that says which code is which function. Counts are per round; start-up is included, divided
# by ROUNDS. Compare two builds by their functions' own counts: where code lands moves the simulated predictor's
# total by a few thousand mispredicts a round.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/data/cnndm/dev.jsonl}")
rounds=${2:-5}
top=${3:-60}
command -v valgrind >/dev/null || { echo "function_counts: valgrind missing (apt-get install valgrind)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash bench/named_build.sh "$work"

(cd "$work" && valgrind --tool=callgrind --branch-sim=yes --dump-instr=yes --smc-check=all-non-file \
  --callgrind-out-file=callgrind.out \
  node --predictable --no-liftoff --no-wasm-dynamic-tiering --single-threaded --perf-prof --no-write-protect-code-memory \
  bench/steady.mjs "$corpus" "$rounds" >/dev/null 2>"$work/valgrind.log") ||
  { cat "$work/valgrind.log"; exit 1; }
jitdump=$(ls "$work"/jit-*.dump | head -1)
python3 bench/function_counts.py "$work/callgrind.out" "$jitdump" "$rounds" "$top"
