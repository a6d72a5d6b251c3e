#!/usr/bin/env python3
"""Write data/titles.txt, data/abbreviations.txt and data/organizations.txt from the hand-written
lists in lists/, after checking them: two tab-separated columns, a known kind, no duplicates.

These lists are short and linguistic, so they are written by hand (from news usage: the titles before
names in CNN/DailyMail, CoNLL-style sports copy and the seed; AP-style abbreviations) rather than taken
from a package. The section comments in each list say what each kind means.
"""
import os
import sys

from common import HERE, header, write

LICENCE = "Licence: written for nutshell, same licence as the project."

SPECS = {
    "titles.txt": {
        "kinds": {"honorific", "office", "role", "abbr"},
        "lower": True,
        "head": ("titles.txt — person titles and honorifics that stand before a name, lower case.", [
            "Format: entry<TAB>kind. Multi-word entries are separated by single spaces (\"secretary of",
            "state\", \"lt. col.\"). Kinds:",
            "  honorific — courtesy titles written directly before a name (mr, mrs, sir, dame, dr, professor);",
            "  office    — offices and ranks, capitalised before a name (president, senator, prime minister,",
            "              general, coach, king, pope, detective);",
            "  role      — lower-case role nouns that news puts before a name (spokesman, lawyer, striker,",
            "              actress, analyst): weaker evidence, and they make the person's role;",
            "  abbr      — abbreviated titles, listed with and without the dot (dr / dr., sen / sen.,",
            "              lt. col.): these never end a sentence when a capitalised name follows.",
            "Entries that are also surnames or given names (king, prince, dean) are in the ambiguous name",
            "lists with reason `title`. Modifiers (former, acting, deputy, then-, vice) are not listed:",
            "they combine with any title (\"former Prime Minister\").",
            "Source: written by hand from news usage (titles before names in the CNN/DailyMail and CoNLL",
            "news files and the seed).", LICENCE,
            "Built by: data/build/build_hand_lists.py from data/build/lists/titles.txt."]),
    },
    "abbreviations.txt": {
        "kinds": {"title", "month", "corporate", "general"},
        "lower": True,
        "head": ("abbreviations.txt — abbreviations written with a period, for sentence segmentation.", [
            "Format: one abbreviation per line, lower case, WITHOUT its final period (\"mr\" for \"Mr.\",",
            "\"u.s\" for \"U.S.\", \"e.g\" for \"e.g.\"); then a tab and its class:",
            "  title     — always followed by a name: the period never ends a sentence (mr, dr, sen, gov,",
            "              gen, lt, col, capt, sgt, rev, fr, mt, ft);",
            "  month     — month abbreviations, usually followed by a day number (jan, feb, sept);",
            "  corporate — company suffixes; the period ends the sentence when a sentence-opening word",
            "              follows (\"Briggs & Co. It closed…\") (co, inc, ltd, corp, bros, plc, llc);",
            "  general   — everything else: the period ends the sentence only when what follows opens a",
            "              sentence (\"in the U.S. How about you?\"; e.g, i.e, etc, vs, no, vol, p, pp, jr,",
            "              sr, a.m, p.m, u.s, u.k, st, ave, weekday names, AP-style US state abbreviations).",
            "State abbreviations that are also words (ill, wash, mass, miss, ore, la, pa) are listed as",
            "general: lower-case \"ill.\" at a sentence end still ends the sentence before a capital.",
            "Source: written by hand (common English and AP-style abbreviations).", LICENCE,
            "Built by: data/build/build_hand_lists.py from data/build/lists/abbreviations.txt."]),
    },
    "organizations.txt": {
        "kinds": {"cue", "name"},
        "lower": False,
        "head": ("organizations.txt — organisation cue words and frequent organisation names in news.", [
            "Format: entry<TAB>kind.",
            "  cue  — lower case: a word that makes the capitalised sequence it ends or heads an",
            "         organisation (\"Labour Party\", \"Ministry of Defence\", \"Acme Inc\", \"Leeds United\",",
            "         \"Washington Post\");",
            "  name — case as written: organisations named often in news (NATO, FBI, White House,",
            "         Kremlin, Reuters, Premier League). Names that are mostly person names elsewhere",
            "         (Ford, Fox, Chelsea, Bloomberg) are left out on purpose.",
            "Source: written by hand from news usage (capitalised names frequent in the CNN/DailyMail and",
            "BBC news files).", LICENCE,
            "Built by: data/build/build_hand_lists.py from data/build/lists/organizations.txt."]),
    },
}


def main():
    bad = 0
    for filename, spec in SPECS.items():
        rows, seen = [], set()
        with open(os.path.join(HERE, "lists", filename), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                where = f"lists/{filename}:{number}"
                if len(parts) != 2 or parts[1] not in spec["kinds"]:
                    print(f"{where}: want entry<TAB>one of {sorted(spec['kinds'])}: {line!r}")
                    bad += 1
                    continue
                entry = parts[0]
                if entry != entry.strip() or "  " in entry or (spec["lower"] and entry != entry.lower()):
                    print(f"{where}: spacing or case: {entry!r}")
                    bad += 1
                key = entry.lower()
                if key in seen:
                    print(f"{where}: duplicate {entry!r}")
                    bad += 1
                seen.add(key)
                rows.append(line)
        title, lines = spec["head"]
        write(filename, header(title, lines, len(rows)), rows)
    if bad:
        sys.exit(f"{bad} problems")


if __name__ == "__main__":
    main()
