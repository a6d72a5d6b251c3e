#!/usr/bin/env python3
"""Write data/given_names.txt, data/ambiguous_given_names.txt, data/surnames.txt and
data/ambiguous_surnames.txt.

Given names: the US given names held by at least 30 in a million people (US Census 1990 first-name
lists; Social Security baby names 1920-2010, the birth years of people in today's news); names of
faker's per-locale lists (German, French, Russian, Turkish... in Latin script) that at least 1 in a
million US babies got too; and names from either source that real news text writes as names: capitalised
mid-sentence at least 3 times, almost always followed by a second capitalised word ("Vladimir Putin",
"Thierry Henry"), never in lower case.
Surnames: the most frequent US Census 1990 surnames, plus words that real news text writes after a
given name from the list above at least 3 times and never in lower case ("Putin", "Netanyahu").

A name that is also an ordinary word, a place, a nationality or a month goes to the ambiguous_* list
instead ("Will", "Mark", "Georgia", "June"; "White", "King", "Jordan"); so does a name that is also a
title ("King", "Bishop"): code should want more evidence
(a title, a speech verb, a known other part of the name) before taking it as a name. Entries of the
ambiguous lists are not repeated in the main lists. Words that are not names at all (titles, "Baby",
"Unknown", which the baby-name files hold) are left out; see DROP below.
"""
import os

from common import (CORPUS, FAKER_PKG, NAMES_PKG, SSA_PKG, census, corpus_pairs, counts, faker_given_names,
                    header, lowercase_share, read_entries, us_given_name_shares, write)

GIVEN_SHARE = 30e-6       # US given names held by at least 30 in a million
INTERNATIONAL_SHARE = 1e-6  # ... or by 1 in a million when a faker locale lists them too
SURNAMES = 1500           # most frequent US Census surnames kept
CALENDAR = set("january february march april may june july august september october november december "
               "monday tuesday wednesday thursday friday saturday sunday".split())

# Not person names in news, though a name list holds them: words from the baby-name files, name
# particles that never stand alone, and capitalised words of places, companies and events that the
# corpus test lets through (checked by hand).
DROP = set("""
unknown baby infant boy girl male female son daughter twin precious miracle heaven angel angels
abu el la le da de della di du von der den des bin ibn bint st san santa sao sri tel ras
mac mc o saint dame lord sir lady madam master mister miss mrs mr ms dr premier supreme aston nou
ayatollah sheikh imam prophet pope cardinal general private sergeant colonel chief queen princess
earl baron count emperor sultan emir president senator governor chancellor
bardo carling alpha delta alfa apple sony dow disney penn nobel staten rhode harvard jaguar guinness
goldman kaiser hyde mercury sundance britannia canary oval marvel nova toyota fiesta hewlett pepsi
fender nissan kia lexus cadillac axa zeppelin aqsa cairn guardian darth mardi gen ku siesta khyber
coney kensington clarendon albion madeira victorian shia sunni parish jersey kong rio costa aires
vegas belo mare tal dai brit christmas easter ramadan hanukkah diwali halloween thanksgiving
valley villa hill wells lake goodluck auburn asbury huntington fulton drury rayo tar digby
dalla caid stoy lessa iii hebdo dynamite quixote zoolander koran garros vuitton benz sauvignon gonzaga
allahgreen kongers mas dag ide poppins new daily register peoples islam
""".split())


# Surnames better known as companies
BRANDS = {"ford", "warner", "dell", "kellogg", "boeing", "heinz", "mars", "porsche", "ferrari", "benetton"}

# Given names that are also name particles ("Al Gore" but "al-Assad", "Van Morrison" but "van Gaal").
PARTICLES = {"al", "van", "del"}


def main():
    shares = us_given_name_shares()
    titles = {t.lower() for t in read_entries("titles.txt")}
    places = {p.lower() for p in read_entries("places.txt") if " " not in p}
    nationalities = {n.lower() for n in read_entries("nationalities.txt") if " " not in n}
    org_words = {o.lower() for o in read_entries("organizations.txt") if " " not in o}
    common = set(read_entries("common_words.txt"))
    not_a_name = DROP | CALENDAR - {"may", "june", "april", "august"}

    def ambiguous(word):
        """Why a name needs more evidence, or None."""
        lower, mid = counts(word)[:2]
        if word in PARTICLES:
            return "particle"
        if word in CALENDAR:
            return "month"
        if word in titles:
            return "title"
        if word in org_words or word in BRANDS:
            return "organisation"
        if word in places and not (mid >= 10 and counts(word)[3] >= 0.9 * mid):
            return "place"  # unless news writes it as a first name nearly always ("Vladimir", a city too)
        if word in nationalities:
            return "nationality"
        if lower >= 5 and lowercase_share(word) >= 0.1:
            return "word"
        if word in common and lower >= mid:
            return "word"
        return None

    # given names
    given = {n for n, s in shares.items() if s >= GIVEN_SHARE}
    faker = faker_given_names()
    # international names: in some faker locale's list and given to at least 1 in a million US babies
    # (the two together weed out faker's invented or rare entries): "bernd", "goran", "jesper"
    given |= {n for n in faker if shares.get(n, 0) >= INTERNATIONAL_SHARE}
    pool = faker | set(shares)
    for word in pool - given:
        lower, mid, _start, first, _last = counts(word)
        if mid >= 3 and first >= 0.8 * mid and lower == 0 and len(word) > 2:
            given.add(word)
    given = {n for n in given if n.isalpha() or "'" in n or "-" in n}
    given -= {n for n in given if n in not_a_name}
    # mostly a word and not a frequent name ("justice", "early"): not worth even the ambiguous list
    given -= {n for n in given if lowercase_share(n) >= 0.8 and shares.get(n, 0) < 80e-6}

    # surnames
    census_surnames = [n for n, _ in census("dist.all.last")]
    surnames = set(census_surnames[:SURNAMES])
    sure_given = {n for n in given if not ambiguous(n)}
    after_given = {}
    for (first, second), n in corpus_pairs().items():
        if first in sure_given:
            after_given[second] = after_given.get(second, 0) + n
    for word, n in after_given.items():
        lower, mid = counts(word)[:2]
        if n >= 3 and lower == 0 and word.isalpha() and len(word) > 2 and word not in given:
            surnames.add(word)
    surnames -= {n for n in surnames if n in not_a_name or n in CALENDAR}
    surnames -= {n for n in surnames if lowercase_share(n) >= 0.8 and census_rank(n, census_surnames) > 1000}

    def split(names):
        sure, unsure = [], []
        for n in sorted(names):
            why = ambiguous(n)
            (unsure if why else sure).append((n, why))
        return sure, unsure

    given_sure, given_unsure = split(given)
    surname_sure, surname_unsure = split(surnames)

    source_given = [
        f"Source: {NAMES_PKG}: names/dist.male.first, names/dist.female.first (US Census Bureau 1990",
        "name files, public domain); " + SSA_PKG + ":",
        "sqlite/us-name-data.sqlite.zip (births 1920-2010 by name); " + FAKER_PKG + ": dist/<locale>-*.js",
        f"(person.first_name of every locale, Latin script only: a candidate pool, kept only when attested);",
        f"attestation and ambiguity from {CORPUS}.",
        "Licence: public domain (Census, SSA) and MIT (faker, names); selection under the project's licence.",
        "Built by: data/build/build_names.py (after data/build/fetch_sources.sh; see build_all.sh)."]
    source_surnames = [
        f"Source: {NAMES_PKG}: names/dist.all.last (US Census Bureau 1990 surnames, public domain), the",
        f"{SURNAMES} most frequent; plus words written after a given name at least 3 times and never in lower",
        f"case in {CORPUS}.",
        "Licence: public domain (Census); selection under the project's licence.",
        "Built by: data/build/build_names.py (after data/build/fetch_sources.sh; see build_all.sh)."]
    why_doc = ["Second column (tab): why it is ambiguous — `word` (written in lower case at least 10% of the",
               "time in news text, or a frequent lower-case word), `place`, `nationality`, `month`, `title`",
               "(\"king\", \"bishop\"), `organisation` (an organisation word or company: \"church\", \"ford\"),",
               "`particle` (also a name particle: \"al\", \"van\", \"del\")."]

    write("given_names.txt", header(
        "given_names.txt — people's given (first) names, lower case, one per line.",
        ["Names that are also common words, places, nationalities or months are not here but in",
         "ambiguous_given_names.txt. Given names held by at least 30 in a million Americans; names in a",
         "faker locale's list held by at least 1 in a million (\"bernd\", \"goran\"); and names",
         "that news text writes as a first name (capitalised, almost always before another capitalised",
         "word, never in lower case: \"vladimir\", \"thierry\"), from the lists below."] + source_given,
        len(given_sure)), [n for n, _ in given_sure])
    write("ambiguous_given_names.txt", header(
        "ambiguous_given_names.txt — given names that are also ordinary words, places, nationalities or",
        ["months (\"will\", \"mark\", \"georgia\", \"june\"), lower case: a name only with more evidence (a",
         "title, a speech verb, a known surname after it). Not repeated in given_names.txt."] + why_doc
        + source_given, len(given_unsure)), [f"{n}\t{why}" for n, why in given_unsure])
    write("surnames.txt", header(
        "surnames.txt — family names, lower case, one per line.",
        ["Surnames that are also common words, places or nationalities are not here but in",
         "ambiguous_surnames.txt."] + source_surnames, len(surname_sure)), [n for n, _ in surname_sure])
    write("ambiguous_surnames.txt", header(
        "ambiguous_surnames.txt — surnames that are also ordinary words, places or nationalities",
        ["(\"white\", \"young\", \"king\", \"washington\"), lower case: a name only with more evidence",
         "(a given name or title before it, a speech verb). Not repeated in surnames.txt."] + why_doc
        + source_surnames, len(surname_unsure)), [f"{n}\t{why}" for n, why in surname_unsure])


def census_rank(name, ranked, _index={}):
    if not _index:
        _index.update((n, i) for i, n in enumerate(ranked))
    return _index.get(name, len(ranked))


if __name__ == "__main__":
    main()
