#!/usr/bin/env python3
"""Build data/sentence_starters.txt: capitalised words that, after an ambiguous period, show that a new
sentence has begun.

After "Co.", "U.S.", "a.m." or an initial, the period may end the sentence or not; the next word decides.
"…in the U.S. Army…" goes on, "…in the U.S. Officials said…" does not. The difference is how the next word
is written elsewhere: "army" is capitalised inside sentences often (the U.S. Army, the Syrian Army), while
"officials" is capitalised only when it opens a sentence. So a word is a sentence starter when news text
writes it capitalised mid-sentence at most 2% as often as in lower case, and at least 3 times capitalised
at a sentence start (after a lower-case word of three letters or more and a terminator, so not after an
abbreviation).

Two hand-written parts come first: the grammar words (pronouns, determiners, conjunctions, wh-words,
sentence adverbs) and the caption run-in openers (second column `run-in`: pronouns and "The" that, written
capitalised straight after a lower-case word with no punctuation, open a new sentence — Daily Mail captions
run into the text: "…in charge of the club He has impressed…").

Source of the counts: ../shared/data/cnndm/validation.jsonl (CNN/DailyMail validation articles, `article`),
read only for aggregate counts; the BBC files are left out so that their reference sentences stay an
independent check of the segmenter.

Usage: build_sentence_starters.py [SHARED_DATA_DIR] > data/sentence_starters.txt
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data")

GRAMMAR = """
a about after also although an and another any as at because before both but by despite during each
even every for from he her here his how however i if in instead it its many meanwhile most my neither
nevertheless no nor not now of on once one only or our she since so some still such that the their then
there these they this those though thus to today under unlike we what when where whether which while who
why with yet you your
""".split()

# Capitalised straight after a lower-case word, these open a sentence (checked on the CNN/DailyMail
# validation and BBC texts: no title or name among the matches when a lower-case word follows them).
RUN_IN = "the he she they we it his her their its this these those".split()

MAX_CAPITALISED_SHARE = 0.02
MIN_SENTENCE_STARTS = 3
MIN_LOWER = 5

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SENTENCE_START = re.compile(r"\b[a-z]{3,}[.!?][\"'”)]*\s+$")
AFTER_WORD = re.compile(r"[A-Za-z0-9],? $")


def count(path):
    lower, mid, start = Counter(), Counter(), Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["article"].replace("’", "'")
            for m in WORD.finditer(text):
                word, at = m.group(0), m.start()
                key = word.lower()
                if word[0].islower():
                    lower[key] += 1
                    continue
                if len(word) > 1 and not word[1:].islower():
                    continue  # "NASA", "McCain": not a capitalised ordinary word
                before = text[max(0, at - 40):at]
                if SENTENCE_START.search(before):
                    start[key] += 1
                elif AFTER_WORD.search(before):
                    mid[key] += 1
    return lower, mid, start


def main():
    lower, mid, start = count(os.path.join(SHARED, "cnndm", "validation.jsonl"))
    learned = sorted(
        w for w in start
        if start[w] >= MIN_SENTENCE_STARTS and lower[w] >= MIN_LOWER
        and mid[w] <= MAX_CAPITALISED_SHARE * (lower[w] + mid[w])
        and w not in GRAMMAR
    )
    out = sys.stdout
    out.write(
        "# Words that open sentences and almost never follow an abbreviation inside one. After an ambiguous\n"
        "# abbreviation (\"Co.\", \"U.S.\", \"Jr.\", an initial), a capitalised word from this list means the period ended\n"
        "# the sentence: \"…Briggs & Co. It closed…\", \"…in the U.S. How about you?\". Lower case, one per line;\n"
        "# a second column `run-in` marks the words that also open a sentence when written capitalised straight\n"
        "# after a lower-case word (a caption run into the text: \"…of the club He has impressed…\").\n"
        "# Source: grammar words and run-in openers written for nutshell (CC0); the rest from word counts over\n"
        "# ../shared/data/cnndm/validation.jsonl (words capitalised mid-sentence at most 2% as often as in lower\n"
        f"# case, at least {MIN_SENTENCE_STARTS} times at a sentence start).\n"
        "# Licence: CC0. Built by: data/build/build_sentence_starters.py (edit the lists there, then rerun).\n"
    )
    out.write("# Grammar words\n")
    for w in GRAMMAR:
        out.write(f"{w}\trun-in\n" if w in RUN_IN else f"{w}\n")
    out.write("# From the corpus counts\n")
    for w in learned:
        out.write(f"{w}\n")


if __name__ == "__main__":
    main()
