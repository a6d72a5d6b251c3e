#!/usr/bin/env python3
"""Finds a multiplier for a `WordTable` (src/people/detect.rs): an odd 64-bit number that sends each word of a
list to a slot of its own, as `WordTable::new` requires (it checks this when the crate is compiled, and fails the
build naming this script when a changed list needs a new multiplier).

A word's slot is the top 6 bits of its shape (its length and its first, middle and last bytes, `word_shape`) times
the multiplier, modulo 2^64. Odd numbers are tried in a fixed pseudo-random order until one places every word
apart; about 30 words in 64 slots need a few thousand tries.

Usage: python3 data/build/word_table_multiplier.py LIST_NAME...   (e.g. KINSHIP EPONYM_HEADS; the `const` lists of
src/people/detect.rs and src/people/role.rs). Prints each list's multiplier in Rust's notation.
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "src/people/detect.rs", ROOT / "src/people/role.rs"]
SLOT_BITS = 6
MASK = (1 << 64) - 1


def read_list(name):
    """The words of the `const NAME: &[&str] = &[...];` list in the sources."""
    pattern = re.compile(r"const " + re.escape(name) + r": &\[&str\] =\s*&\[(.*?)\];", re.S)
    for source in SOURCES:
        found = pattern.search(source.read_text(encoding="utf-8"))
        if found:
            return re.findall(r'"((?:[^"\\]|\\.)*)"', found.group(1))
    sys.exit(f"no list {name} in {', '.join(str(s.relative_to(ROOT)) for s in SOURCES)}")


def shape(word):
    """`word_shape` of src/people/detect.rs."""
    b = word.encode("utf-8")
    return len(b) | b[0] << 8 | b[len(b) // 2] << 16 | b[-1] << 24


def multiplier(words):
    shapes = [shape(w) for w in words]
    if len(set(shapes)) != len(shapes):
        sys.exit(f"two words have the same shape: {[w for w in words if shapes.count(shape(w)) > 1]}")
    rng = random.Random(1)
    for _ in range(1 << 22):
        m = rng.getrandbits(64) | 1
        if len({((s * m) & MASK) >> (64 - SLOT_BITS) for s in shapes}) == len(shapes):
            return m
    sys.exit("no multiplier found: too many words for 64 slots")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        m = f"{multiplier(read_list(name)):016x}"
        print(f"{name}: 0x{m[0:4]}_{m[4:8]}_{m[8:12]}_{m[12:16]}")


if __name__ == "__main__":
    main()
