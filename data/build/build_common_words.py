#!/usr/bin/env python3
"""Write data/common_words.txt: the most frequent English words that are not names.

A capitalised word at a sentence start ("However", "After", "Police") is no evidence of a name when the
word is ordinary English. The list is the words written in lower case most often in real news text
(CNN/DailyMail validation + BBC News Summary): the first 1,500, and of the next 2,000 those that the text
also capitalises at a sentence start (the others rarely need the list: size matters in the .wasm), minus the words that are mainly person names (written
capitalised mid-sentence more than twice as often as in lower case, and a frequent US given name or
top-100 surname: "brown", "hall"), plus month and day names, which news never writes in lower case.
"""
from common import CORPUS, NAMES_PKG, SSA_PKG, census, corpus_stats, header, us_given_name_shares, write

SIZE = 3500      # candidates: the words most often in lower case...
CORE = 1500      # ...of which these are kept anyway; the rest only if seen opening a sentence
CALENDAR = ("january february march april may june july august september october november december "
            "monday tuesday wednesday thursday friday saturday sunday").split()


def main():
    stats = corpus_stats()
    shares = us_given_name_shares()
    # frequent names only: "north", "park" and "league" are surnames too, but rarely person names here
    person = {n for n, s in shares.items() if s >= 100e-6}
    person |= {n for n, _ in census("dist.all.last")[:100]}
    words = []
    for word, (lower, mid, *_rest) in stats.items():
        if lower == 0 or (len(word) == 1 and word not in ("a", "i")):
            continue
        if not word.isalpha() and not all(c.isalpha() or c == "'" for c in word):
            continue
        if mid > 2 * lower and word in person:
            continue  # mainly a name: "brown", "hall"
        words.append(word)
    words.sort(key=lambda w: (-stats[w][0], w))
    # a word never seen capitalised at a sentence start ("approximately") rarely needs this list
    chosen = {w for i, w in enumerate(words[:SIZE]) if i < CORE or stats[w][2] > 0}
    floor = stats[words[SIZE - 1]][0]
    chosen.update(CALENDAR)
    rows = sorted(chosen)
    head = header(
        "common_words.txt — frequent English words that are not names, lower case, one per line.",
        [f"Of the {SIZE} words most often written in lower case in real news text (each at least {floor}",
         f"times), the first {CORE} and those also seen capitalised at a sentence start; except words mainly used as person names (capitalised mid-sentence more than twice as",
         "often as in lower case and a frequent US given name or top-100 surname: \"brown\", \"hall\"), plus the",
         "month and day names. Use: a capitalised word at a sentence start that is in this list is not",
         "by itself a name (\"However\", \"Police\", \"After\"). Words that are also names (\"will\", \"mark\")",
         "stay here: the ambiguous_*.txt lists say which.",
         f"Source: {CORPUS};",
         f"names to exclude from {NAMES_PKG} (dist.all.last) and {SSA_PKG}.",
         "Licence: word counts (facts about public text), no text copied; same licence as the project.",
         "Built by: data/build/build_common_words.py (after data/build/fetch_sources.sh)."],
        len(rows))
    write("common_words.txt", head, rows)


if __name__ == "__main__":
    main()
