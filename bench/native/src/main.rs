//! Times nutshell natively, in-process, on the texts `bench/run.mjs` gives it, and prints the times as JSON.
//!
//! ```text
//! nutshell-bench corpus FILE.jsonl|FILE.txt [--rounds R] [--limit N] [--no-json]
//!                                                                       per-article times, best of R rounds
//! nutshell-bench file FILE [--reps R]                                   one text, best of R runs
//! ```
//! Each text is timed twice: `summarize` alone (the Rust result), and `summarize` plus the JSON text of the
//! result (what the Wasm binding hands to JavaScript); with `--no-json`, `summarize` alone (what `bench/counts.sh`
//! counts under valgrind). Times are this thread's CPU time (the machine is shared;
//! wall-clock time would add whatever else ran), best of the rounds, in milliseconds; `wall_ms` beside them. Articles come from `text`, else `body`, else `article`, as
//! in the CLI's `--jsonl` and `bench/corpus.mjs`.

use std::time::Instant;

use nutshell::Options;
use serde_json::{json, Value};

#[path = "../../../tests/counting_alloc/mod.rs"]
mod counting_alloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: usize| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: nutshell-bench corpus FILE [--rounds R] [--limit N] [--no-json] | nutshell-bench file FILE [--reps R]");
        std::process::exit(2);
    };
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let options = Options::default();
    let output = match mode.as_str() {
        "corpus" => {
            let texts = articles(path, &raw, flag("--limit", usize::MAX));
            let rounds = flag("--rounds", 20).max(1);
            let json_too = !args.iter().any(|a| a == "--no-json");
            let mut core = vec![f64::INFINITY; texts.len()];
            let mut with_json = vec![f64::INFINITY; texts.len()];
            let mut wall = vec![f64::INFINITY; texts.len()];
            // The first call parses the lexicons: warm up outside the timings, as the Wasm side does.
            let _ = nutshell::summarize("Warm up.", &options);
            for _ in 0..rounds {
                for (i, text) in texts.iter().enumerate() {
                    let (cpu, elapsed) = time(|| nutshell::summarize(text, &options).map(|s| s.sentences.len()).unwrap_or(0));
                    core[i] = core[i].min(cpu);
                    wall[i] = wall[i].min(elapsed);
                    if !json_too {
                        continue;
                    }
                    with_json[i] = with_json[i].min(
                        time(|| nutshell::summarize(text, &options).map(|s| serde_json::to_string(&s).map(|j| j.len()).unwrap_or(0)).unwrap_or(0)).0,
                    );
                }
            }
            let bytes: Vec<usize> = texts.iter().map(|t| t.len()).collect();
            json!({ "rounds": rounds, "bytes": bytes, "core_ms": core, "json_ms": with_json, "wall_ms": wall })
        }
        "file" => {
            let reps = flag("--reps", 5).max(1);
            let _ = nutshell::summarize("Warm up.", &options);
            let mut core = f64::INFINITY;
            let mut with_json = f64::INFINITY;
            let mut wall = f64::INFINITY;
            for _ in 0..reps {
                let (cpu, elapsed) = time(|| nutshell::summarize(&raw, &options).map(|s| s.sentences.len()).unwrap_or(0));
                core = core.min(cpu);
                wall = wall.min(elapsed);
                with_json = with_json.min(
                    time(|| nutshell::summarize(&raw, &options).map(|s| serde_json::to_string(&s).map(|j| j.len()).unwrap_or(0)).unwrap_or(0)).0,
                );
            }
            let (_, peak_heap) = counting_alloc::peak_heap_during(|| nutshell::summarize(&raw, &options).map(|s| s.sentences.len()).unwrap_or(0));
            json!({ "reps": reps, "bytes": raw.len(), "core_ms": core, "json_ms": with_json, "wall_ms": wall, "max_rss_kb": max_rss_kb(), "peak_heap_bytes": peak_heap })
        }
        other => {
            eprintln!("unknown mode {other}: corpus or file");
            std::process::exit(2);
        }
    };
    println!("{output}");
}

/// Milliseconds one call takes: (this thread's CPU time, wall-clock time). The result is kept alive past the
/// timer so it is not optimised away.
fn time<T>(f: impl FnOnce() -> T) -> (f64, f64) {
    let cpu_start = thread_cpu_ms();
    let start = Instant::now();
    let result = f();
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    let cpu = thread_cpu_ms() - cpu_start;
    std::hint::black_box(result);
    (cpu, elapsed)
}

/// This thread's CPU time in milliseconds (CLOCK_THREAD_CPUTIME_ID: nanosecond resolution on Linux).
fn thread_cpu_ms() -> f64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through the valid pointer it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 * 1000.0 + now.tv_nsec as f64 / 1e6
}

fn articles(path: &str, raw: &str, limit: usize) -> Vec<String> {
    if !path.ends_with(".jsonl") {
        return vec![raw.to_string()];
    }
    raw.lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| {
            let row: Value = serde_json::from_str(line).ok()?;
            ["text", "body", "article"].iter().find_map(|k| row.get(*k).and_then(Value::as_str)).map(str::to_string)
        })
        .filter(|text| !text.trim().is_empty())
        .take(limit)
        .collect()
}

/// Peak resident set size of this process, from /proc (Linux); 0 elsewhere.
fn max_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}
