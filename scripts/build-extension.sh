#!/usr/bin/env bash
# Builds the browser extension from extension/ and the .wasm in pkg/:
#   extension/dist/                       — the unpacked extension: chrome://extensions → "Load unpacked"
#                                           (Firefox: about:debugging → "Load Temporary Add-on" → manifest.json)
#   dist/nutshell-extension-X.Y.Z.zip     — the same files, zipped for the Chrome Web Store and addons.mozilla.org
# What goes in:
#   manifest.json, popup.html, popup.css, icons/      copied from extension/
#   popup.js        extension/popup.js + npm/worker.js + extension/page/highlight.js   (esbuild, ES module)
#   worker-thread.js  npm/worker-thread.js + the wasm-bindgen glue (pkg/nutshell.js)   (esbuild, ES module)
#   nutshell_bg.wasm  pkg/nutshell_bg.wasm, as built
#   extract.js      extension/page/extract.js + www/paste.js                           (esbuild, classic script)
#   readability/    @mozilla/readability's Readability.js, Readability-readerable.js and LICENSE.md, as published
# No minification: reviewers of both stores read the code as it is written.
# Needs pkg/ (scripts/build.sh) and node_modules (scripts/setup.sh): `npm run build:extension` runs all three.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build-extension: %s\n' "$*"; }

esbuild=node_modules/.bin/esbuild
readability=node_modules/@mozilla/readability
out=extension/dist
version=$(node -p 'require("./extension/manifest.json").version')
zip_file=dist/nutshell-extension-$version.zip

for f in pkg/nutshell.js pkg/nutshell_bg.wasm; do
  [ -f "$f" ] || { say "$f missing: run scripts/build.sh first (npm run build)"; exit 1; }
done
[ -x "$esbuild" ] && [ -x node_modules/.bin/web-ext ] && [ -f "$readability/Readability.js" ] || { say "node packages missing: run scripts/setup.sh first"; exit 1; }

rm -rf "$out"
mkdir -p "$out/icons" "$out/readability" dist
cp extension/manifest.json extension/popup.html extension/popup.css "$out/"
cp extension/icons/icon-*.png "$out/icons/"
cp pkg/nutshell_bg.wasm "$out/"
cp "$readability/Readability.js" "$readability/Readability-readerable.js" "$readability/LICENSE.md" "$out/readability/"

common=(--bundle --log-level=warning --target=chrome110,firefox140 --charset=utf8 --legal-comments=inline)
"$esbuild" extension/popup.js "${common[@]}" --format=esm --outfile="$out/popup.js"
# wasm-bindgen's glue lists the module of src/records.js once per function the .wasm imports from it straight
# (`"./snippets/…/records.js": import1, … import4`), each key bound to the same module: esbuild's duplicate-key
# warning about it is silenced for this bundle only.
"$esbuild" npm/worker-thread.js "${common[@]}" --log-override:duplicate-object-key=silent --format=esm \
  --outfile="$out/worker-thread.js"
"$esbuild" extension/page/extract.js "${common[@]}" --format=iife --outfile="$out/extract.js"

# web-ext (npm) zips the folder the way both stores expect; no zip binary needed.
node_modules/.bin/web-ext build --source-dir "$out" --artifacts-dir dist --filename "$(basename "$zip_file")" \
  --overwrite-dest --no-input >/dev/null

say "$out/: $(find "$out" -type f | wc -l) files, $(du -sb "$out" | cut -f1) bytes"
say "$zip_file: $(wc -c < "$zip_file") bytes"
