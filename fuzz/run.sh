#!/usr/bin/env bash
# Builds the fuzz targets once, runs each for a while, and reports the executions and anything found.
#
#   bash fuzz/run.sh                    every target, 60 s each (npm run fuzz)
#   bash fuzz/run.sh 40                 every target, 40 s each (what CI runs: npm run test:fuzz)
#   bash fuzz/run.sh 600 summarize      one target, ten minutes
#   FUZZ_SECONDS=20 bash fuzz/run.sh    every target, 20 s each
#
# Targets (fuzz/fuzz_targets/): summarize (the text, default options), summarize_options (options set by name,
# valid or not, and a text), split (chrome removal + segmentation, and segmentation alone). Each checks the
# invariants of tests/invariants/mod.rs, not only the absence of a panic.
#
# Inputs start from fuzz/seeds/ (a few real articles and hand-made hard cases, committed) and grow in
# fuzz/corpus/<target>/ (ignored by git, kept between runs). A crash or hang is written to
# fuzz/artifacts/<target>/ and fails the run; replay it with
#   cargo +nightly-2026-05-19 fuzz run -s none -O -a <target> fuzz/artifacts/<target>/<file>
# then turn it into a test in tests/bad_input.rs (and its input into fuzz/seeds/) before fixing it.
# Needs the pinned nightly and cargo-fuzz: bash fuzz/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep in step with fuzz/setup.sh.
toolchain=${NUTSHELL_FUZZ_TOOLCHAIN:-nightly-2026-05-19}
all_targets=(summarize summarize_options split)

usage() {
  echo "usage: bash fuzz/run.sh [SECONDS] [TARGET...]   (SECONDS: a whole number ≥ 1, default \$FUZZ_SECONDS or 60;"
  echo "       TARGET: ${all_targets[*]}; default all)"
}

seconds=${FUZZ_SECONDS:-60}
if [ $# -gt 0 ]; then
  case $1 in
    -h | --help) usage; exit 0 ;;
    [a-z]*) ;; # a target name, checked below
    *) seconds=$1; shift ;;
  esac
fi
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "fuzz: the run time must be a whole number of seconds, at least 1 (got '$seconds')" >&2
  usage >&2
  exit 2
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  if ! printf '%s\n' "${all_targets[@]}" | grep -qxF -- "$target"; then
    echo "fuzz: no target '$target'" >&2
    usage >&2
    exit 2
  fi
done

if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
rustup run "$toolchain" rustc --version >/dev/null 2>&1 || { echo "fuzz: $toolchain missing: run bash fuzz/setup.sh" >&2; exit 1; }
cargo fuzz --version >/dev/null 2>&1 || { echo "fuzz: cargo-fuzz missing: run bash fuzz/setup.sh" >&2; exit 1; }

# Safe Rust only (no `unsafe` in src/), so no sanitizer: twice the executions. Release code with debug assertions
# and overflow checks on: an overflow is a bug worth finding.
flags=(-s none -O -a)
# Inputs up to 8 KiB (a long article); a single input taking 10 s is a hang; 2 GB of RSS is a leak.
libfuzzer=(-max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -dict=fuzz/nutshell.dict -print_final_stats=1)

# One build for every target (one cargo invocation shares the compiled crate); `cargo fuzz run` then finds them
# up to date.
build_start=$SECONDS
if [ ${#targets[@]} -eq ${#all_targets[@]} ]; then
  cargo "+$toolchain" fuzz build "${flags[@]}"
else
  for target in "${targets[@]}"; do cargo "+$toolchain" fuzz build "${flags[@]}" "$target"; done
fi
echo "fuzz: built in $((SECONDS - build_start))s"

status=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log=$(mktemp)
  echo "fuzz: $target for ${seconds}s"
  set +e
  cargo "+$toolchain" fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" fuzz/seeds -- "${libfuzzer[@]}" > "$log" 2>&1
  result=$?
  set -e
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==[0-9]+== ERROR|SUMMARY|thread .* panicked|Test unit written)' "$log" || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$result" -ne 0 ]; then
    status=1
    summary+=("$target: FAILED after ${runs:-?} executions — see fuzz/artifacts/$target/")
    tail -40 "$log"
  else
    summary+=("$target: ${runs:-?} executions in ${seconds}s, nothing found")
  fi
  rm -f "$log"
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
