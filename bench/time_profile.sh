#!/usr/bin/env bash
# Where the Wasm's time goes in V8, by function: V8's CPU profile (sampled time, so it includes what the counts of
# bench/counts.sh and bench/function_counts.sh leave out, such as cache misses and the garbage collector) of the
# corpus summarized ROUNDS times, with the Wasm functions named.
#
#   bash bench/time_profile.sh [CORPUS] [ROUNDS] [TOP] [FUNCTION]    defaults ../shared/data/cnndm/dev.jsonl, 150, 40
#
# Needs the Wasm built (npm run build). The module is bound again from cargo's output (bench/named_build.sh) and optimised as
# `scripts/build.sh` does, but keeping the function names. Prints each function's own share of the samples, then
# the inclusive shares (a function's samples and its callees'); with FUNCTION (a Rust path, without the hash, such
# as nutshell::people::detect::push_run), also the inclusive shares of what it calls. Time moves with the machine:
# compare two builds by alternating them, and judge small steps by the counts.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/data/cnndm/dev.jsonl}")
rounds=${2:-150}
top=${3:-40}
function=${4:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash bench/named_build.sh "$work"

(cd "$work" && node --cpu-prof --cpu-prof-dir=profile --cpu-prof-interval 25 bench/steady.mjs "$corpus" "$rounds" >/dev/null)
python3 bench/time_profile.py "$work"/profile/*.cpuprofile "$top" "$function"
