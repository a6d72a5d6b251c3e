//! Same-process timing for the linearity tests: time(2n) / time(n) below 3, measured in the calling thread's CPU
//! time, the best of several runs, and measured again when a busy machine pushes one ratio over. Never an
//! absolute time.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// CPU time of the calling thread (user + system, from `/proc/thread-self/stat`, in 10 ms ticks), or `None` where
/// there is no such file. A thread's CPU time is what linearity is about: wall time on a shared machine also
/// counts every other process, and the tests running beside this one.
pub fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// How long `work` takes, per run: the best of three batches of `runs` runs each (the least disturbed), in thread
/// CPU time where the system reports it, else in wall time.
pub fn best_time(runs: u32, mut work: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let (cpu, wall) = (thread_cpu_time(), Instant::now());
            for _ in 0..runs {
                work();
            }
            let batch = match (cpu, thread_cpu_time()) {
                (Some(before), Some(after)) => after.saturating_sub(before),
                _ => wall.elapsed(),
            };
            batch / runs
        })
        .min()
        .unwrap_or_default()
}

/// How many runs of `work` take at least [`BATCH`] of CPU time (at least one): timed in batches that long, a time
/// is off by at most a tenth for the CPU clock's 10 ms ticks. Timed one run at a time, a case of 10 ms read 10 ms
/// for `n` and 40 ms for `2n` on a fast machine, a ratio of 4 for linear work.
fn runs_for(mut work: impl FnMut()) -> u32 {
    let (cpu, wall) = (thread_cpu_time(), Instant::now());
    let mut runs = 0;
    loop {
        work();
        runs += 1;
        let spent = match (cpu, thread_cpu_time()) {
            (Some(before), Some(after)) => after.saturating_sub(before),
            _ => wall.elapsed(),
        };
        if spent >= BATCH || runs >= 1000 {
            return runs;
        }
    }
}

/// Held while a case is timed ([`assert_linear_ratio`]): the tests of a binary run on parallel threads.
static MEASURING: Mutex<()> = Mutex::new(());

/// The least CPU time a timed batch of the smaller input takes.
const BATCH: Duration = Duration::from_millis(100);

/// Asserts that `large` (twice the input of `small`) takes less than three times as long. A quadratic stage
/// gives a ratio near 4 every time; a busy machine can push a linear one over 3 once, so a ratio over 3 is
/// measured again, up to three times in all, and the best counts. Both are timed in batches of as many runs as
/// `small` needs to take [`BATCH`] ([`runs_for`]), so short cases are timed as precisely as long ones; one case at a
/// time ([`MEASURING`]).
pub fn assert_linear_ratio(case: &str, mut small: impl FnMut(), mut large: impl FnMut()) {
    // One measurement at a time in the test binary: two cases timed side by side on two cores share the processor's
    // caches and memory bandwidth, which slows the larger input more.
    let _alone = MEASURING.lock().unwrap_or_else(PoisonError::into_inner);
    let runs = runs_for(&mut small); // also the warm-up: lexicons parsed, allocator grown
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (t1, t2) = (best_time(runs, &mut small), best_time(runs, &mut large));
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(0.01);
        eprintln!("{case}: time(n) {t1:?}, time(2n) {t2:?}, ratio {ratio:.2}");
        ratios.push(ratio);
        if ratio < 3.0 {
            return;
        }
    }
    panic!("{case}: time(2n) / time(n) = {ratios:.2?}: not linear");
}
