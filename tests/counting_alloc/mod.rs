//! The system allocator, counting the bytes live now and the most live at once: the core's own heap use, without
//! the process's code and runtime. Shared by `tests/memory.rs` and `bench/native` (which includes this file by
//! path); a binary that includes it has every
//! allocation pass through it, counted only inside [`peak_heap_during`].

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

struct Counting;

/// Whether the counters watch: only inside [`peak_heap_during`]. Outside it an allocation costs one relaxed load
/// more than the system allocator's own, where the two atomic updates of every call (a locked add and a
/// compare-and-swap loop) made `bench/native`'s timed summaries 5–7% slower than the same code without them.
static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated less bytes freed since counting began: below zero when blocks older than the count are freed.
static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The most `LIVE` has been since counting began.
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// Adds `added` bytes, then takes `freed` away, counting the peak between the two.
fn count(added: usize, freed: usize) {
    if !COUNTING.load(Ordering::Relaxed) {
        return;
    }
    let added = isize::try_from(added).unwrap_or(isize::MAX);
    let live = LIVE.fetch_add(added, Ordering::Relaxed) + added;
    PEAK.fetch_max(live, Ordering::Relaxed);
    LIVE.fetch_sub(isize::try_from(freed).unwrap_or(isize::MAX), Ordering::Relaxed);
}

// SAFETY: every call is passed straight to the system allocator; the counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size(), 0);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(0, layout.size());
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as both blocks at once, as a move would hold them.
        count(new_size, layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `f`'s result, and the most heap bytes live at once while it ran (with its result still held), beyond what was
/// live when it started.
pub fn peak_heap_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let result = std::hint::black_box(f());
    COUNTING.store(false, Ordering::Relaxed);
    (result, usize::try_from(PEAK.load(Ordering::Relaxed)).unwrap_or(0))
}
