#!/usr/bin/env bash
# Packs the npm package: builds the .wasm (scripts/build.sh), then `npm pack` into dist/, and prints the sizes.
#   dist/nutshell-summarizer-X.Y.Z.tgz   — what `npm publish` would upload; `npm install ./dist/…tgz` installs it
# The tarball holds npm/ (entries, types), pkg/nutshell.js, its snippet (pkg/snippets/…/src/records.js) and
# pkg/nutshell_bg.wasm: package.json `files`.
# Run scripts/setup.sh first (npm run pack does).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'pack: %s\n' "$*"; }

bash scripts/build.sh
mkdir -p dist
report=$(npm pack --json --pack-destination dist)
node -e '
  const [r] = JSON.parse(process.argv[1].slice(process.argv[1].indexOf("[")));
  console.log(`pack: dist/${r.filename}: ${r.files.length} files, ${r.size} bytes packed, ${r.unpackedSize} bytes unpacked`);
' "$report"
