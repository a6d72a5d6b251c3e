#!/usr/bin/env bash
# Installs what fuzzing nutshell needs, skipping whatever is already there:
#   - the nightly toolchain cargo-fuzz builds with, pinned by date (a floating nightly breaks builds at random)
#   - cargo-fuzz, at a pinned version
# Safe to run again and again: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep in step with fuzz/run.sh.
toolchain=${NUTSHELL_FUZZ_TOOLCHAIN:-nightly-2026-05-19}
cargo_fuzz_version=0.13.2

say() { printf 'fuzz setup: %s\n' "$*"; }

if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
command -v rustup >/dev/null || { say "rustup not found: install Rust with rustup first"; exit 1; }

if rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
  say "$toolchain: present"
else
  say "installing $toolchain (minimal profile)"
  rustup toolchain install "$toolchain" --profile minimal
fi

have=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$cargo_fuzz_version" ]; then
  say "cargo-fuzz $cargo_fuzz_version: present"
else
  say "installing cargo-fuzz $cargo_fuzz_version${have:+ (found $have)} — takes a few minutes"
  cargo install cargo-fuzz --version "=$cargo_fuzz_version" --locked --force
fi
say "done"
