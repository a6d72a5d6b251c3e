#!/usr/bin/env bash
# Deterministic counts of the work nutshell does on a corpus, natively and in V8: instructions (Ir), mispredicted
# conditional branches by cachegrind's branch simulator (Bcm), and their cost, Ir + 65 × Bcm (a mispredict costs
# about as much as 65 instructions on this kind of machine; bench/README.md, "Stop 30"). Timings on a shared
# machine move by 10–40%; these counts move by about 0.2% (where code lands changes what the simulated predictor
# gets wrong).
#
#   bash bench/counts.sh [CORPUS]        default ../shared/data/cnndm/dev.jsonl
#
# Needs valgrind (apt-get install valgrind) and the Wasm built (npm run build). Native: the corpus summarized
# once by bench/native's release binary, without JSON. V8: (30 rounds − 10 rounds) / 20 of bench/steady.mjs,
# with V8's optimising tier only and one thread, so that the counts repeat.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/cnndm/dev.jsonl}
command -v valgrind >/dev/null || { echo "counts: valgrind missing (apt-get install valgrind)"; exit 1; }
[ -f pkg/nutshell_bg.wasm ] || { echo "counts: pkg/ missing: run npm run build first"; exit 1; }

# Prints "Ir Bcm" of a command run under cachegrind's branch simulator.
count() {
  valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes --smc-check=all-non-file --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/I +refs/ { gsub(",", "", $4); ir = $4 } /Mispredicts/ { gsub(",", "", $3); bcm = $3 } END { print ir, bcm }'
}
report() {
  echo "$1: Ir $2, mispredicts $3, cost $(($2 + 65 * $3))"
}

(cd bench/native && cargo build --release --quiet)
read -r ir bcm <<<"$(count bench/native/target/release/nutshell-bench corpus "$corpus" --rounds 1 --no-json)"
report "native, one round" "$ir" "$bcm"

v8=(node --predictable --no-liftoff --no-wasm-dynamic-tiering --single-threaded bench/steady.mjs "$corpus")
read -r ir10 bcm10 <<<"$(count "${v8[@]}" 10)"
read -r ir30 bcm30 <<<"$(count "${v8[@]}" 30)"
report "Wasm in V8, per round" $(((ir30 - ir10) / 20)) $(((bcm30 - bcm10) / 20))
