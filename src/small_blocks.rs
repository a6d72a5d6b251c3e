//! The Wasm build's allocator front: freed blocks of up to 64 KiB are kept by size class and handed out again,
//! without asking the allocator behind it (Talc) to find, split, merge and bin them.
//!
//! A summary allocates about 150 blocks for a 3 KB article, most of them a few dozen bytes, and frees them all
//! before it returns. Talc's allocation and free were 3.5% of the Wasm's time per article (V8's CPU profile, the
//! 75 CNN/DailyMail dev articles) and a quarter of a one-sentence summary's. A freed block is pushed on a list of
//! its size class — its first word links to the next — and the next request of that class pops it: a few loads
//! and stores. Small blocks are kept in classes 8 bytes apart, larger ones (an article's lists of words, sentences
//! and scores, copies of its text) in one class for each power of two: when only blocks of up to 128 bytes were
//! kept, Talc still took about 1.3% of the Wasm's cost with the larger ones (Wasm cost −0.8% with them kept).
//!
//! Blocks kept on a list are not returned to Talc: after the first summaries the lists hold what a summary needs at
//! once, and no more, since a block is only put on a list when it is freed. Memory the Wasm has grown to is never
//! given back to the host anyway. A power-of-two class may hold up to twice the bytes asked for.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr;

/// The small size classes' step: blocks of up to `STEP × STEPPED` bytes are kept in multiples of 8 bytes, and
/// every block is aligned to 8.
const STEP: usize = 8;
/// How many size classes are 8 bytes apart: blocks of 8 to 128 bytes.
const STEPPED: usize = 16;
/// How many size classes there are: the stepped ones, then one for each power of two from 256 bytes to 64 KiB
/// (`STEP × STEPPED × 2`, `× 4`, … `× 512`). Larger blocks go to the allocator behind.
const CLASSES: usize = STEPPED + 9;

/// An allocator that keeps freed blocks of up to 64 KiB for reuse and asks `inner` for the rest.
/// Made for one thread: its lists are plain cells.
pub(crate) struct SmallBlocks<A> {
    inner: A,
    /// The first free block of each size class, null when there is none; each free block's first word holds the
    /// next.
    free: [Cell<*mut u8>; CLASSES],
}

// SAFETY: the Wasm build runs on one thread (wasm32 without the atomics feature has no shared memory), so the
// cells are never used from two threads at once. The allocator behind makes the same assumption.
unsafe impl<A: Sync> Sync for SmallBlocks<A> {}

impl<A> SmallBlocks<A> {
    /// A front for `inner`, with every list empty.
    pub(crate) const fn new(inner: A) -> SmallBlocks<A> {
        SmallBlocks { inner, free: [const { Cell::new(ptr::null_mut()) }; CLASSES] }
    }

    /// The size class of a block of `layout`, or `None` when such blocks go to the allocator behind: larger than
    /// the largest class, aligned to more than 8 bytes, or of no bytes.
    fn class(layout: Layout) -> Option<usize> {
        // The offset of the block's last byte. Above the stepped classes, sizes whose last offset is as many bits
        // long share a class (129–256 bytes: offsets 128–255, 8 bits, class 16). No bytes wraps to the largest
        // offset, in no class. Small and larger blocks come mixed, so the class is chosen by arithmetic, not a
        // branch (mispredicted 5.7K times a corpus round in V8's alloc and dealloc: Wasm cost −0.3%).
        let last = layout.size().wrapping_sub(1);
        let bits = (usize::BITS - last.leading_zeros()) as usize;
        let larger = usize::from(last >= STEP * STEPPED);
        let class = (1 - larger) * (last / STEP) + larger * (bits + STEPPED - 8);
        (class < CLASSES && layout.align() <= STEP).then_some(class)
    }

    /// The layout every block of size class `class` is asked of the allocator behind with.
    fn class_layout(class: usize) -> Layout {
        let size = match class.checked_sub(STEPPED) {
            None => (class + 1) * STEP,
            Some(power) => (STEP * STEPPED * 2) << power,
        };
        // A multiple of 8 no larger than 64 KiB, aligned to 8: always a valid layout.
        Layout::from_size_align(size, STEP).unwrap_or(Layout::new::<u64>())
    }
}

// SAFETY: every block handed out is either the allocator behind's own, for the same layout it is later freed with,
// or a block of the same size class that it handed out before and that was freed since: at least as large as the
// layout asks and aligned to 8 bytes, which is at least the layout's alignment.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class(layout) else {
            // SAFETY: the caller's layout, as the caller promised it.
            return unsafe { self.inner.alloc(layout) };
        };
        let list = &self.free[class];
        let block = list.get();
        if block.is_null() {
            // SAFETY: a valid layout of at least 8 bytes.
            return unsafe { self.inner.alloc(Self::class_layout(class)) };
        }
        // SAFETY: a free block of this class, at least 8 bytes aligned to 8, whose first word `dealloc` wrote.
        list.set(unsafe { block.cast::<*mut u8>().read() });
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if Self::class(layout).is_none() {
            // SAFETY: the caller's layout, as the caller promised it. The allocator behind knows which of its
            // memory is already zero.
            return unsafe { self.inner.alloc_zeroed(layout) };
        }
        // SAFETY: as `alloc`; the block is then at least `layout.size()` bytes.
        let block = unsafe { self.alloc(layout) };
        if !block.is_null() {
            // SAFETY: the block holds `layout.size()` bytes.
            unsafe { block.write_bytes(0, layout.size()) };
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = Self::class(layout) else {
            // SAFETY: a block the allocator behind handed out for this layout (`alloc` sends the same layouts there).
            return unsafe { self.inner.dealloc(block, layout) };
        };
        let list = &self.free[class];
        // SAFETY: the block is this class's, at least 8 bytes aligned to 8, and no longer in use: its first word is
        // free to hold the link.
        unsafe { block.cast::<*mut u8>().write(list.get()) };
        list.set(block);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller promises `new_size`, rounded up to the alignment, does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (Self::class(layout), Self::class(new_layout)) {
            // SAFETY: the allocator behind's block, for this layout.
            (None, None) => unsafe { self.inner.realloc(block, layout, new_size) },
            // The block is already of the size the class rounds the new one up to.
            (Some(old), Some(new)) if old == new => block,
            _ => {
                // SAFETY: as `alloc` and `dealloc`; the old block holds `layout.size()` bytes, the new one
                // `new_size`, and two live blocks never overlap.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    /// Whether the `len` bytes at `block` are all `byte`.
    ///
    /// # Safety
    /// `block` holds at least `len` initialised bytes.
    unsafe fn holds_only(block: *const u8, len: usize, byte: u8) -> bool {
        // SAFETY: as the caller promised.
        unsafe { std::slice::from_raw_parts(block, len) }.iter().all(|&b| b == byte)
    }

    /// Allocates `layout` from `blocks` and fills it with `byte`, checking its alignment.
    fn filled(blocks: &SmallBlocks<System>, layout: Layout, byte: u8) -> *mut u8 {
        // SAFETY: a valid layout of at least one byte.
        let block = unsafe { blocks.alloc(layout) };
        assert!(!block.is_null());
        assert_eq!(block as usize % layout.align(), 0);
        // SAFETY: the block holds `layout.size()` bytes.
        unsafe { block.write_bytes(byte, layout.size()) };
        block
    }

    /// Allocates `layout` from `blocks`, fills it with `byte` and frees it: where it was, which the next request of
    /// its class gets.
    fn freed(blocks: &SmallBlocks<System>, layout: Layout, byte: u8) -> *mut u8 {
        let block = filled(blocks, layout, byte);
        // SAFETY: `block` was allocated for `layout` and is not used after.
        unsafe { blocks.dealloc(block, layout) };
        block
    }

    #[test]
    fn sizes_fall_in_their_classes() {
        let class = |size, align| SmallBlocks::<System>::class(Layout::from_size_align(size, align).unwrap());
        assert_eq!(class(0, 1), None);
        assert_eq!(class(1, 1), Some(0));
        assert_eq!(class(8, 8), Some(0));
        assert_eq!(class(9, 4), Some(1));
        assert_eq!(class(128, 8), Some(15));
        // Above 128 bytes, a class for each power of two.
        assert_eq!(class(129, 1), Some(16));
        assert_eq!(class(256, 8), Some(16));
        assert_eq!(class(257, 8), Some(17));
        assert_eq!(class(65_536, 8), Some(24));
        assert_eq!(class(65_537, 1), None);
        assert_eq!(class(16, 16), None);
        // Every class's blocks hold the largest size of the class, and no more.
        for size in 1..=65_536 {
            let class = class(size, 1).unwrap();
            let held = SmallBlocks::<System>::class_layout(class).size();
            assert!(size <= held && (class == 0 || SmallBlocks::<System>::class_layout(class - 1).size() < size));
        }
    }

    #[test]
    fn a_freed_block_is_handed_out_again_for_its_class_only() {
        let blocks = SmallBlocks::new(System);
        let small = Layout::from_size_align(20, 4).unwrap();
        let a = freed(&blocks, small, 1);
        // Another size of the same class (17–24 bytes) gets the same block; another class does not.
        let other_class = filled(&blocks, Layout::from_size_align(40, 8).unwrap(), 2);
        assert_ne!(other_class, a);
        let same_class = filled(&blocks, Layout::from_size_align(24, 8).unwrap(), 3);
        assert_eq!(same_class, a);
        let fresh = filled(&blocks, small, 4);
        assert_ne!(fresh, a);
        // The two live blocks kept their own bytes.
        // SAFETY: both are live and hold at least 20 bytes.
        unsafe {
            assert!(holds_only(same_class, 24, 3));
            assert!(holds_only(fresh, 20, 4));
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_even_when_reused() {
        let blocks = SmallBlocks::new(System);
        let layout = Layout::from_size_align(64, 8).unwrap();
        let a = freed(&blocks, layout, 0xAB);
        // SAFETY: a valid layout.
        let b = unsafe { blocks.alloc_zeroed(layout) };
        assert_eq!(b, a);
        // SAFETY: `b` holds 64 bytes.
        assert!(unsafe { holds_only(b, 64, 0) });
    }

    #[test]
    fn growing_keeps_the_bytes_across_classes_and_out_of_them() {
        let blocks = SmallBlocks::new(System);
        let mut layout = Layout::from_size_align(3, 1).unwrap();
        let mut block = filled(&blocks, layout, 7);
        for new_size in [5, 8, 9, 100, 128, 129, 1000, 1024, 70_000, 65_536, 60, 2] {
            // SAFETY: `block` is live for `layout`; every size is nonzero and far from overflowing.
            block = unsafe { blocks.realloc(block, layout, new_size) };
            assert!(!block.is_null());
            let kept = layout.size().min(new_size);
            // SAFETY: the block holds at least `kept` bytes, all written before.
            assert!(unsafe { holds_only(block, kept, 7) });
            layout = Layout::from_size_align(new_size, 1).unwrap();
            // SAFETY: the block now holds `new_size` bytes.
            unsafe { block.write_bytes(7, new_size) };
        }
        // SAFETY: `block` is live for `layout`.
        unsafe { blocks.dealloc(block, layout) };
    }

    #[test]
    fn vectors_and_strings_run_on_it() {
        // The patterns a summary makes: many short strings and vectors, grown, shrunk and freed in any order.
        let blocks = SmallBlocks::new(System);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let mut seed = 12345u32;
        for round in 0..20_000u32 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            // Mostly small blocks, one in sixteen of up to 80,000 bytes: every class and beyond.
            let size = 1 + if seed % 16 == 1 { (seed >> 8) as usize % 80_000 } else { (seed >> 16) as usize % 300 };
            if seed % 3 == 0 && !live.is_empty() {
                let (block, layout, byte) = live.swap_remove((seed as usize >> 8) % live.len());
                // SAFETY: each live block holds its layout's bytes, all set to `byte`, and is freed once.
                unsafe {
                    assert!(holds_only(block, layout.size(), byte));
                    blocks.dealloc(block, layout);
                }
            } else {
                let layout = Layout::from_size_align(size, 1 << (seed % 4)).unwrap();
                let byte = round as u8;
                live.push((filled(&blocks, layout, byte), layout, byte));
            }
        }
        for (block, layout, byte) in live {
            // SAFETY: as above.
            unsafe {
                assert!(holds_only(block, layout.size(), byte));
                blocks.dealloc(block, layout);
            }
        }
    }
}
