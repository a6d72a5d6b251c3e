#!/usr/bin/env python3
"""Check every data/*.txt lexicon and print the table for data/README.md.

Checks: a `#` header naming Source, Licence and "Built by"; one entry per line, at most one tab
(entry<TAB>column); no duplicate entries; lower case where the list says so; the ambiguous lists
disjoint from their main lists; no obvious non-name (the, new, said...) in a name list; and the total
gzip size under the budget the .wasm can afford.
"""
import gzip
import os
import sys

from common import DATA

BUDGET = 100_000   # bytes gzipped, all lexicons together (issue #5 allows 150 KB for the whole .wasm)
CASED = {"places.txt", "organizations.txt", "nationalities.txt"}
NOT_NAMES = {"the", "new", "said", "however", "this", "but", "in", "after", "police", "china", "will",
             "may", "june", "april", "georgia", "white", "brown", "young", "king", "house", "mark", "bill"}
NAME_LISTS = {"given_names.txt", "surnames.txt"}
# the files these scripts build (others in data/ are checked for size only)
BUILT_HERE = {"abbreviations.txt", "ambiguous_given_names.txt", "ambiguous_surnames.txt", "chrome_phrases.txt",
              "common_words.txt", "given_names.txt", "nationalities.txt", "organizations.txt", "places.txt",
              "speech_verbs.txt", "surnames.txt", "titles.txt"}


def main():
    problems = []
    table = []
    total = 0
    entries_of = {}
    for filename in sorted(os.listdir(DATA)):
        if not filename.endswith(".txt"):
            continue
        with open(os.path.join(DATA, filename), "rb") as f:
            raw = f.read()
        size = len(gzip.compress(raw, 9))
        total += size
        text = raw.decode("utf-8")
        table.append((filename, sum(1 for l in text.splitlines() if l.strip() and not l.startswith("#")),
                      len(raw), size))
        if filename not in BUILT_HERE:
            continue
        head = [l for l in text.splitlines() if l.startswith("#")]
        for field in ("Source:", "Licence:", "Built by:"):
            if not any(field in l for l in head):
                problems.append(f"{filename}: header lacks {field}")
        entries, seen = [], set()
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            if line != line.strip() or line.count("\t") > 1:
                problems.append(f"{filename}:{number}: spacing or columns: {line!r}")
            entry = line.split("\t")[0]
            key = entry.lower()
            if key in seen:
                problems.append(f"{filename}:{number}: duplicate {entry!r}")
            seen.add(key)
            if filename not in CASED and entry != key:
                problems.append(f"{filename}:{number}: not lower case: {entry!r}")
            entries.append(key)
        entries_of[filename] = set(entries)
    for main, ambiguous in (("given_names.txt", "ambiguous_given_names.txt"),
                            ("surnames.txt", "ambiguous_surnames.txt")):
        both = entries_of.get(main, set()) & entries_of.get(ambiguous, set())
        if both:
            problems.append(f"{main} and {ambiguous} share {sorted(both)[:10]}")
    for name_list in NAME_LISTS:
        bad = entries_of.get(name_list, set()) & NOT_NAMES
        if bad:
            problems.append(f"{name_list} holds non-names or ambiguous names: {sorted(bad)}")
    print("| file | entries | bytes | gzip bytes |")
    print("|---|---:|---:|---:|")
    for filename, n, raw, size in table:
        print(f"| `{filename}` | {n} | {raw} | {size} |")
    print(f"| all | {sum(t[1] for t in table)} | {sum(t[2] for t in table)} | {total} |")
    print(f"(gzip -9 of each file on its own; budget {BUDGET})")
    if total > BUDGET:
        problems.append(f"total {total} bytes gzipped is over the budget of {BUDGET}")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
