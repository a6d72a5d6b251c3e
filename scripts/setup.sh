#!/usr/bin/env bash
# Installs what building and testing nutshell needs, skipping whatever is already there:
#   - the wasm32-unknown-unknown Rust target
#   - wasm-bindgen-cli at exactly the wasm-bindgen version pinned in Cargo.lock
#     (the CLI and the library must match, or the generated glue is rejected)
#   - the npm devDependencies (binaryen ships wasm-opt; playwright-core drives Chromium)
#   - Debian's chromium, for the browser tests (never `npx playwright install`)
#   - with --fuzz, also what fuzzing needs (fuzz/setup.sh: a date-pinned nightly and cargo-fuzz)
# Safe to run again and again: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

fuzz=false
for argument in "$@"; do
  case $argument in
    --fuzz) fuzz=true ;;
    *) say "unknown argument '$argument' (usage: bash scripts/setup.sh [--fuzz])"; exit 2 ;;
  esac
done

if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first"; exit 1; }

# 1. Rust target for the browser build.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wanted" ]; then
  say "could not read the wasm-bindgen version from Cargo.lock"
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$wanted" ]; then
  say "wasm-bindgen-cli $wanted: present"
else
  say "installing wasm-bindgen-cli $wanted${have:+ (found $have)} — takes a few minutes"
  cargo install wasm-bindgen-cli --version "=$wanted" --force
fi

# 3. Node packages (wasm-opt from binaryen, playwright-core, and the rest of package.json).
command -v npm >/dev/null || { say "npm not found: install Node.js 18 or newer"; exit 1; }
node_deps_ok() {
  # Every devDependency and dependency listed in package.json resolves from node_modules.
  node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const missing = names.filter((n) => !fs.existsSync(`node_modules/${n}/package.json`));
    if (missing.length) { console.log("missing:", missing.join(" ")); process.exit(1); }
  ' >/dev/null 2>&1
}
if [ -d node_modules ] && node_deps_ok && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  say "node packages: present"
elif [ -f package-lock.json ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund
else
  say "installing node packages (npm install)"
  npm install --no-audit --no-fund
fi

# 4. Chromium from Debian, for the browser tests.
if [ -x /usr/bin/chromium ]; then
  say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  say "installing chromium with apt-get"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi

if $fuzz; then
  bash fuzz/setup.sh
fi

say "done"
