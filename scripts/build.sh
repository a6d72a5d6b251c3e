#!/usr/bin/env bash
# Builds the browser artefacts:
#   cargo (wasm32, profile `wasm`) → wasm-bindgen --target web → wasm-opt -O3 → pkg/ and www/pkg/
# pkg/ holds the raw wasm-bindgen output (nutshell.js, nutshell_bg.wasm, .d.ts, and snippets/: src/records.js,
# which the glue imports) for Node and packaging;
# www/pkg/ gets a copy so www/ is a self-contained static site.
# Run scripts/setup.sh first (npm run build does).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build: %s\n' "$*"; }

if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

profile=${NUTSHELL_WASM_PROFILE:-wasm}
target_dir=${CARGO_TARGET_DIR:-target}
raw="$target_dir/wasm32-unknown-unknown/$profile/nutshell.wasm"
wasm_opt=node_modules/.bin/wasm-opt

[ -x "$wasm_opt" ] || { say "wasm-opt missing: run scripts/setup.sh (npm run setup) first"; exit 1; }
command -v wasm-bindgen >/dev/null || { say "wasm-bindgen missing: run scripts/setup.sh first"; exit 1; }

say "cargo build --profile $profile --target wasm32-unknown-unknown --lib"
cargo build --profile "$profile" --target wasm32-unknown-unknown --lib

# Cargo is a no-op when nothing changed; skip the bindgen/opt steps too when the raw module,
# the tools and this script are the same as for the last build and every output is present.
stamp_file=pkg/.build-stamp
stamp=$( { sha256sum "$raw" scripts/build.sh src/records.js; wasm-bindgen --version; "$wasm_opt" --version; } | sha256sum | cut -d' ' -f1 )
outputs=(pkg/nutshell.js pkg/nutshell_bg.wasm pkg/nutshell.d.ts www/pkg/nutshell.js www/pkg/nutshell_bg.wasm www/pkg/nutshell.d.ts)
up_to_date=1
for f in "${outputs[@]}"; do [ -f "$f" ] || up_to_date=0; done
if [ "$up_to_date" = 1 ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  for f in nutshell.js nutshell_bg.wasm nutshell.d.ts; do
    cmp -s "pkg/$f" "www/pkg/$f" || up_to_date=0
  done
  diff -rq pkg/snippets www/pkg/snippets >/dev/null 2>&1 || up_to_date=0
else
  up_to_date=0
fi

if [ "$up_to_date" = 1 ]; then
  say "pkg/ and www/pkg/ are up to date"
else
  rm -rf pkg
  say "wasm-bindgen --target web --out-dir pkg --out-name nutshell"
  wasm-bindgen --target web --out-dir pkg --out-name nutshell "$raw"

  # -O3, not -Oz: the same size within 0.1 KB here (the code is already optimised for size by rustc), and 4% fewer
  # instructions per summary in V8.
  # --strip-*: the debug names, producers and target-features sections are of no use to users (about 200 bytes
  # gzipped). Measured and left out (bench/README.md): --converge (0.7 KB less for twice the time) and
  # --low-memory-unused (1.2 KB less, but Rust's stack may reach the low 1 KB of memory).
  # --one-caller-inline-max-function-size 25: a function called from one place stays a function of its own
  # unless it is tiny. Inlining them all (the default) made giant functions that V8's optimising tier takes
  # long to compile when they run hot, the largest part of start-up, and gzipped 5 KB larger.
  say "wasm-opt -O3 pkg/nutshell_bg.wasm"
  "$wasm_opt" -O3 --one-caller-inline-max-function-size 25 --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o pkg/nutshell_bg.opt.wasm pkg/nutshell_bg.wasm
  mv pkg/nutshell_bg.opt.wasm pkg/nutshell_bg.wasm

  mkdir -p www/pkg
  rm -rf www/pkg/nutshell.js www/pkg/nutshell_bg.wasm www/pkg/nutshell.d.ts www/pkg/nutshell_bg.wasm.d.ts www/pkg/snippets
  cp pkg/nutshell.js pkg/nutshell_bg.wasm pkg/nutshell.d.ts www/pkg/
  # The JavaScript the glue imports (src/records.js), in a folder wasm-bindgen names by a hash.
  cp -r pkg/snippets www/pkg/
  [ -f pkg/nutshell_bg.wasm.d.ts ] && cp pkg/nutshell_bg.wasm.d.ts www/pkg/
  echo "$stamp" > "$stamp_file"
fi

raw_bytes=$(wc -c < pkg/nutshell_bg.wasm)
gz_bytes=$(gzip -9 -c pkg/nutshell_bg.wasm | wc -c)
say "pkg/nutshell_bg.wasm: $raw_bytes bytes raw, $gz_bytes bytes gzip -9 ($((gz_bytes / 1024)) KiB; budget 150 KB)"
