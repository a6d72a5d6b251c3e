#!/usr/bin/env python3
"""Count how each word is written in real news text: lower case, capitalised mid-sentence, or
capitalised at a sentence start.

The name, place and common-word lists use these counts to tell names from ordinary words ("will" is
written in lower case 40 times for every "Will", so it is an ambiguous given name) and to find the
names that news actually uses. Sources (read, never copied into data/):
  ../shared/data/cnndm/validation.jsonl  (CNN/DailyMail validation articles, field `article`)
  ../shared/data/bbc/dev.jsonl           (BBC News Summary, CC0, field `body`)
Only aggregate counts come out of this script, not text.

Usage: corpus_stats.py [--pairs] [SHARED_DATA_DIR]  -> writes a TSV to stdout:
  word(lowercased) lower cap_mid cap_start first_of_pair last_of_pair
`first_of_pair`: capitalised mid-sentence and followed by another capitalised word ("Vladimir Putin"
counts for "vladimir"); `last_of_pair`: capitalised, preceded by a capitalised word and not followed by
one ("putin").
With --pairs: `first second count` for every two capitalised words side by side, the first anywhere,
the second mid-sentence ("vladimir putin 50"), so that surnames can be found by the given names before them.
"""
import json
import os
import re
import sys
from collections import defaultdict

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+(?:['’][A-Za-zÀ-ÖØ-öø-ɏ]+)*")
# Text before a word that makes it sentence- or clause-initial (its capital says nothing).
OPENERS = set('.!?:;"“”‘’\'([{—–-|•*\n')


def documents(shared):
    with open(os.path.join(shared, "cnndm", "validation.jsonl"), encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["article"]
            yield re.sub(r"^\s*\(CNN\)\s*(--)?", "", text)
    with open(os.path.join(shared, "bbc", "dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["body"]


def classify(text, match):
    word = match.group()
    if len(word) > 1 and word.isupper():
        return "upper"  # headline capitals and acronyms: no evidence either way
    if word[0].islower():
        return "lower"
    before = text[: match.start()].rstrip(" \t\xa0")
    if not before or before[-1] in OPENERS:
        return "start"
    return "mid"


def main():
    args = sys.argv[1:]
    pairs_mode = "--pairs" in args
    args = [a for a in args if a != "--pairs"]
    shared = args[0] if args else os.path.join(
        os.path.dirname(__file__), "..", "..", "..", "shared", "data")
    counts = defaultdict(lambda: [0, 0, 0, 0, 0])
    pairs = defaultdict(int)
    for text in documents(shared):
        matches = list(WORD.finditer(text))
        kinds = [classify(text, m) for m in matches]
        for i, m in enumerate(matches):
            word = m.group().replace("’", "'")
            if word.lower().endswith("'s"):
                word = word[:-2]  # possessive: "Putin's" counts as "Putin"
            kind = kinds[i]
            c = counts[word.lower()]
            if kind == "lower":
                c[0] += 1
            elif kind == "mid":
                c[1] += 1
            elif kind == "start":
                c[2] += 1
            if kind in ("mid", "start"):
                adjacent = lambda j: (0 <= j < len(matches) and kinds[j] in ("mid", "upper")
                                      and text[matches[min(i, j)].end():matches[max(i, j)].start()] == " ")
                nxt, prv = adjacent(i + 1), adjacent(i - 1)
                if kind == "mid" and nxt:
                    c[3] += 1
                if nxt:
                    second = matches[i + 1].group().replace("’", "'")
                    if second.lower().endswith("'s"):
                        second = second[:-2]
                    pairs[(word.lower(), second.lower())] += 1
                if prv and not nxt:
                    c[4] += 1
    out = sys.stdout
    if pairs_mode:
        out.write("first\tsecond\tcount\n")
        for (first, second), n in sorted(pairs.items()):
            out.write(f"{first}\t{second}\t{n}\n")
        return
    out.write("word\tlower\tcap_mid\tcap_start\tfirst_of_pair\tlast_of_pair\n")
    for word, c in sorted(counts.items()):
        out.write(word + "\t" + "\t".join(map(str, c)) + "\n")


if __name__ == "__main__":
    main()
