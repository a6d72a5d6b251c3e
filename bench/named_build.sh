#!/usr/bin/env bash
# A copy of the package whose Wasm keeps its function names, for the profiles by function
# (bench/function_counts.sh, bench/time_profile.sh): npm/ and bench/ copied into DIR, and cargo's output bound and
# optimised into DIR/pkg as `scripts/build.sh` does, but through `wasm-opt -g`, which keeps the name section that
# the build strips.
#
#   bash bench/named_build.sh DIR      (from the repo's root, after npm run build)
set -euo pipefail
dir=$1
raw=target/wasm32-unknown-unknown/wasm/nutshell.wasm
[ -f "$raw" ] || { echo "named_build: $raw missing: run npm run build first"; exit 1; }
cp -r npm bench "$dir/"
wasm-bindgen --target web --out-dir "$dir/pkg" --out-name nutshell "$raw"
node_modules/.bin/wasm-opt -g -O3 --one-caller-inline-max-function-size 25 \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$dir/pkg/nutshell_bg.wasm" "$dir/pkg/nutshell_bg.wasm"
