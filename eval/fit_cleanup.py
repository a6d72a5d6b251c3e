"""Fits the cleanup's numbers (src/clean/weights.rs) on pasted pages with human-annotated article bodies.

The cleanup (src/clean/) finds the article in a whole pasted page line by line. This script holds a line-for-line
Python mirror of it — line features, the chrome recognisers, the logistic line model, the maximum-sum region,
the headline and the header's end — so that the model's weights and thresholds can be fitted on
<shared>/data/pasted/dev.jsonl:
  1. every line of every page is labelled article (its text, whitespace aside, is a line of the annotated body,
     or a long part of it) or not;
  2. the logistic weights are fitted to those labels (Newton's method, L2, lines weighted by sqrt(length));
  3. the region offset, anchor threshold and header prose words are chosen by grid search, maximising the
     share of pages whose first kept prose line is article text, subject to keeping >= 98.5% of body characters
     (cleanup_score from the shared purity_score.py).
--write rewrites src/clean/weights.rs. --check runs the native CLI (`nutshell split --json` over `--jsonl`)
and reports how often the mirror and the Rust code keep the same lines (they should agree on nearly all).
--page N prints one page's lines with the mirror's decisions. No per-site rules: everything is general
features; a held-out set of other sites checks the result.

--folds K cross-validates with whole sites held out: each fold's pages are cleaned with weights and parameters
fitted on the other folds' sites, so the figures show what the fit does on sites it has not seen.

Usage: eval/.venv/bin/python eval/fit_cleanup.py [--write] [--check] [--folds 5] [--page N] [--shared ../shared]
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import zlib
from collections import Counter

import numpy as np

import common

REPO = common.REPO_ROOT

# ---------------------------------------------------------------------------------------------------------
# Mirror of src/clean/chrome.rs
# ---------------------------------------------------------------------------------------------------------


def load_phrases():
    whole, prefixes, anywhere = {}, [], []
    with open(os.path.join(REPO, "data", "chrome_phrases.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip()
            if not line or line.startswith("#"):
                continue
            phrase, _, reason = line.partition("\t")
            phrase, reason = phrase.strip().lower(), (reason.strip() or "boilerplate")
            if not phrase:
                continue
            if len(phrase) >= 2 and phrase.startswith("*") and phrase.endswith("*"):
                anywhere.append((phrase[1:-1], reason))
            elif phrase.endswith("*"):
                prefixes.append((phrase[:-1], reason))
            else:
                whole.setdefault(phrase.rstrip(":"), reason)
    return whole, prefixes, anywhere


PHRASES = None
TRAILING = ".!?…,;|•·-–—»>: "


def phrase_reason(line):
    global PHRASES
    if PHRASES is None:
        PHRASES = load_phrases()
    whole, prefixes, anywhere = PHRASES
    if len(line.encode("utf-8")) > 100:
        return None
    normalized = " ".join(line.split()).lower()
    stripped = normalized.rstrip(TRAILING)
    if stripped in whole:
        return whole[stripped]
    if normalized.rstrip(":") in whole:
        return whole[normalized.rstrip(":")]
    for p, r in prefixes:
        if normalized.startswith(p):
            return r
    for p, r in anywhere:
        if p in normalized:
            return r
    return None


MONTHS = set("january february march april may june july august september october november december jan feb mar "
             "apr jun jul aug sep sept oct nov dec noon".split())
DAYS = set("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
           "today yesterday midnight".split())
DATE_LINE_WORDS = set("am pm a.m p.m et est edt pst pdt cst cdt mst mdt gmt bst utc ist cet cest aest published updated "
                      "posted last modified on at by first min read minutes hours ago | • - /".split())
DATE_TRIM = ",.:;|•()[]"


def is_day_number(key):
    digits = key.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    suffix = key[len(digits):]
    return bool(digits) and len(digits) <= 4 and digits.isascii() and digits.isdigit() and suffix in ("", "st", "nd", "rd", "th")


def rstrip_str(s, suffix):
    while suffix and s.endswith(suffix):
        s = s[:-len(suffix)]
    return s


def is_clock_or_date(key):
    body = rstrip_str(rstrip_str(rstrip_str(rstrip_str(key, "am"), "pm"), "a.m"), "p.m")
    if not body:
        return False
    had_meridiem = len(body) < len(key)
    groups = separators = in_group = 0
    for c in body:
        if c.isascii() and c.isdigit():
            if in_group == 0:
                groups += 1
            in_group += 1
            if in_group > 4:
                return False
        elif c in ":./-":
            if in_group == 0:
                return False
            separators += 1
            in_group = 0
        else:
            return False
    return in_group > 0 and ((groups >= 2 and separators == groups - 1) or (had_meridiem and groups == 1))


def date_token(token):
    key = token.strip(DATE_TRIM).lower()
    if key in MONTHS or key in DAYS or is_clock_or_date(key):
        return "date"
    if not key or key in DATE_LINE_WORDS or is_day_number(key):
        return "filler"
    return "other"


def is_timestamp(line, words):
    if words == 0 or words > 16 or not any(c.isascii() and c.isdigit() for c in line):
        return False
    date_words, has_date = 0, False
    for t in line.split():
        k = date_token(t)
        if k == "date":
            date_words += 1
            has_date = True
        elif k == "filler":
            date_words += 1
    return has_date and date_words * 10 >= words * 6


def is_counter(line):
    inner = line.strip().lstrip("[( ").rstrip("]) ")
    m = re.match(r"[0-9,.]*", inner)
    number = m.group(0)
    if not number or not any(c.isdigit() for c in number):
        return False
    rest = inner[len(number):].lstrip("kKmM").strip().lower()
    return rest in ("", "comment", "comments", "share", "shares", "view", "views", "like", "likes", "reply", "replies",
                    "vote", "votes", "min read", "minute read", "mins read", "photos", "images")


def starts_ci(text, prefix):
    return text[:len(prefix)].lower() == prefix.lower() if text.isascii() or len(text) >= len(prefix) else False


def is_byline(line, words):
    if words > 14:
        return False
    for opener in ("by ", "written by ", "posted by ", "words by ", "story by ", "reporting by "):
        if line[:len(opener)].lower() == opener:
            rest = line[len(opener):].lstrip(". :")
            end = line.rstrip()
            sentence_like = end.endswith(("!", "?")) or (end.endswith(".") and words > 8)
            return bool(rest) and rest[0].isupper() and not sentence_like
    return False


def is_footer(line, words):
    low = line.lower()
    return words <= 40 and ("©" in line or "all rights reserved" in low or low.startswith("copyright "))


def is_cookie_notice(line):
    low = line.lower()
    return "cookie" in low and any(w in low for w in ("use", "accept", "consent", "policy", "settings", "agree"))


CREDIT_MARKERS = ("getty images", "shutterstock", "ap photo", "photo:", "photograph:", "image:", "image credit",
                  "credit:", "credit…", "credit...", "photo by", "photo credit", "photos:", "pictured:", "[file:",
                  "/ reuters", "/reuters", "/ afp", "| afp", "| reuters", "image source:", "associated press")


def is_credit(line, words):
    low = line.lower()
    return words <= 14 and (any(m in low for m in CREDIT_MARKERS) or is_slash_credit(line, words))


def is_slash_credit(line, words):
    """"Doug Mills/The New York Times", "Amy K. Dragoo/AIMMEDIA": a name, a slash, an agency, all capitalised."""
    if words > 8 or ends_with_terminal(line) or any(c.isdigit() for c in line) or "//" in line or ":" in line:
        return False
    parts = [p.strip() for p in line.split("/")]
    if len(parts) < 2 or not all(parts) or not 2 <= len(parts[0].split()) <= 4:
        return False
    return all(w[0].isupper() for p in parts for w in p.split())


REL_UNITS = ("second", "sec", "minute", "min", "m", "hour", "hr", "h", "day", "d", "week", "w", "month", "year", "yr", "y")


def has_relative_time(line):
    lower = line.lower()
    for m in re.finditer("ago", lower):
        before = lower[:m.start()].rstrip()
        if before.endswith("s"):
            before = before[:-1]
        for unit in REL_UNITS:
            if before.endswith(unit):
                rest = before[:-len(unit)].rstrip()
                if (rest and rest[-1].isascii() and rest[-1].isdigit()) or rest.endswith(" an") or rest.endswith(" a") \
                        or rest in ("an", "a"):
                    return True
    return False


def chrome_reason(line, words):
    if not any(c.isalnum() for c in line):
        return "separator"
    r = phrase_reason(line)
    if r:
        return r
    if is_counter(line):
        return "counter"
    if is_timestamp(line, words):
        return "timestamp"
    if is_byline(line, words):
        return "byline"
    if is_credit(line, words):
        return "credit"
    if is_footer(line, words):
        return "footer"
    if words <= 60 and is_cookie_notice(line):
        return "cookie"
    if words <= 14 and has_relative_time(line):
        return "teaser"
    if words <= 5 and line.endswith((" says:", " wrote:")):
        return "comments"
    return None


ENDS_HEADER = {"timestamp", "byline", "credit", "share", "counter", "caption", "footer", "video"}

# ---------------------------------------------------------------------------------------------------------
# Mirror of src/clean/lines.rs
# ---------------------------------------------------------------------------------------------------------

with open(os.path.join(REPO, "data", "function_words.txt"), encoding="utf-8") as _f:
    FUNCTION_WORDS = {l.strip() for l in _f if l.strip() and not l.startswith("#")}
PROSE_WORDS = 7
CLOSERS = "\"'”’)]» \u00a0"
TERMINATORS = ".!?…。！？।؟"


def ends_with_terminal(line):
    t = line.rstrip(CLOSERS)
    return bool(t) and t[-1] in TERMINATORS


def line_key(text):
    return "".join(c for c in text if c.isalnum()).lower()


class Line:
    __slots__ = ("text", "start", "words", "function_share", "capital_share", "terminal", "repeated",
                 "blank_before", "blank_after", "chrome", "prose")


def is_drop_capital(content, next_raw):
    """"H" on its own line before "ong Kong is burning.": a drop capital that the copy split from its word."""
    nxt = next_raw.lstrip()
    return len(content) == 1 and content.isalpha() and content.isupper() and bool(nxt) and nxt[0].islower()


def split_lines(text):
    lines, offset, blank_before = [], 0, True
    raws = text.split("\n")
    carry = None  # (start offset, text) of a drop capital waiting for its word
    for index, raw in enumerate(raws):
        content = raw.strip()
        if content and carry is None and index + 1 < len(raws) and is_drop_capital(content, raws[index + 1]):
            carry = (offset + len(raw) - len(raw.lstrip()), raw.lstrip())
            offset += len(raw) + 1
            continue
        if not content:
            blank_before = True
            if lines:
                lines[-1].blank_after = True
        else:
            l = Line()
            lead = len(raw) - len(raw.lstrip())
            l.text, l.start, l.blank_before, l.blank_after = content, offset + lead, blank_before, False
            if carry is not None:
                l.start = carry[0]
                l.text = text[carry[0]:offset + lead + len(content)]
                carry = None
            content = l.text
            toks = content.split()
            l.words = len(toks)
            alpha = [t for t in toks if any(c.isalpha() for c in t)]
            n = len(alpha)
            l.function_share = sum(line_key(t) in FUNCTION_WORDS for t in alpha) / n if n else 0.0
            l.capital_share = sum(next(c for c in t if c.isalpha()).isupper() for t in alpha) / n if n else 0.0
            l.terminal = ends_with_terminal(content)
            l.chrome = chrome_reason(content, l.words)
            l.prose = l.terminal and l.words >= PROSE_WORDS and l.chrome is None
            l.repeated = False
            lines.append(l)
            blank_before = False
        offset += len(raw) + 1
    if lines:
        lines[-1].blank_after = True
    keys = [line_key(l.text) for l in lines]
    counts = Counter(keys)
    for l, k in zip(lines, keys):
        l.repeated = bool(k) and counts[k] > 1
    mark_captions(lines, keys)
    return lines


CAPTION_WORDS = 60
CREDIT_OPENERS = ("ap", "ap photo", "reuters", "afp", "getty", "image:", "image credit", "photo:", "photo by", "file",
                  "epa", "shutterstock", "credit")


def ends_with_credit(text):
    """"… on Aug. 31, 2019. (AP)", "… (AP Photo/Gene J. Puskar) less", "… country [File: Reuters]",
    "… deep space travel. Credit: 20th Century Fox": a caption that carries its photo credit."""
    t = text.rstrip()
    for tail in (" less", " more"):
        if t.endswith(tail):
            t = t[:-len(tail)].rstrip()
    if t.endswith((")", "]")):
        open_at = max(t.rfind("("), t.rfind("["))
        if open_at > 0:
            inner = t[open_at + 1:-1].strip().lower()
            if len(inner.split()) <= 8 and any(inner == o or inner.startswith(o + " ") or inner.startswith(o + "/")
                                               or inner.startswith(o + ":") or (o.endswith(":") and inner.startswith(o))
                                               for o in CREDIT_OPENERS):
                return True
    at = t.rfind(" Credit: ")
    return at > 0 and t[:at].rstrip().endswith((".", "!", "?")) and len(t[at:].split()) <= 8


def mark_captions(lines, keys):
    """A line that a photo credit follows (copies of it aside) is a caption; so is a line repeated next to itself
    (a gallery shows each caption twice). Not a paragraph that blank lines set off."""
    n = len(lines)
    gaps = has_gaps(lines)
    for i, l in enumerate(lines):
        if l.chrome is None and l.words <= CAPTION_WORDS and ends_with_credit(l.text):
            l.chrome, l.prose = "caption", False
            continue
        # A paragraph set off by blank lines is article layout, whatever follows it.
        if l.chrome is not None or l.words > CAPTION_WORDS or (gaps and l.blank_before and l.blank_after):
            continue
        j = i + 1
        while j < n and keys[j] == keys[i]:
            j += 1
        credited = j < n and lines[j].chrome == "credit"
        doubled = l.words >= 4 and l.terminal and ((i > 0 and keys[i - 1] == keys[i]) or j > i + 1)
        if credited or doubled:
            l.chrome = "caption"
            l.prose = False


def has_gaps(lines):
    return sum(l.blank_before for l in lines) * 10 >= len(lines)


# ---------------------------------------------------------------------------------------------------------
# Mirror of src/clean/density.rs
# ---------------------------------------------------------------------------------------------------------

FEATURES = ["bias", "log_words", "terminal", "terminal_x_log_words", "function_share", "capital_share", "repeated",
            "gap", "prose_neighbours", "prose_near", "chrome", "log_short_run", "tiny"]


def feature_matrix(lines):
    gaps = has_gaps(lines)
    n = len(lines)
    runs = [0] * n
    i = 0
    while i < n:
        if lines[i].prose:
            i += 1
            continue
        s = i
        while i < n and not lines[i].prose:
            i += 1
        for k in range(s, i):
            runs[k] = i - s

    def prose(j):
        return 1.0 if 0 <= j < n and lines[j].prose else 0.0

    def chrome(j):
        return 1.0 if 0 <= j < n and lines[j].chrome is not None else 0.0

    rows = []
    for i, l in enumerate(lines):
        lw = math.log1p(l.words)
        t = 1.0 if l.terminal else 0.0
        gap = (1.0 if l.blank_before and l.blank_after else 0.0) if gaps else 0.5
        rows.append([1.0, lw, t, t * lw, l.function_share, l.capital_share, float(l.repeated), gap,
                     (prose(i - 1) + prose(i + 1)) / 2, (prose(i - 2) + prose(i + 2) + prose(i - 3) + prose(i + 3)) / 4,
                     float(l.chrome is not None), math.log1p(runs[i]), float(l.words <= 3)])
    return np.array(rows) if rows else np.zeros((0, len(FEATURES)))


def find_region(lines, logits, offset):
    best, current, start = None, 0.0, 0
    for i, (l, z) in enumerate(zip(lines, logits)):
        if current <= 0.0:
            current, start = 0.0, i
        current += (z + offset) * math.log1p(l.words)
        if current > 0.0 and (best is None or current > best[0]):
            best = (current, start, i)
    if best is None or not any(l.prose for l in lines[best[1]:best[2] + 1]):
        return None
    return best[1], best[2]


def find_anchor(lines, logits, region, anchor_logit):
    for i in range(region[0], region[1] + 1):
        if lines[i].prose and logits[i] > anchor_logit:
            return i
    return next((i for i in range(region[0], region[1] + 1) if lines[i].prose), region[0])


# ---------------------------------------------------------------------------------------------------------
# Mirror of src/clean/header.rs
# ---------------------------------------------------------------------------------------------------------

LEAD_LINES = 12
TITLE_PRIOR = 2.0


def title_key(token):
    """A word as headline and lead share it: letters and digits, lower case, without a possessive or plural s
    ("Japan's" and "Japan", "figures" and "figure")."""
    for suffix in ("'s", "’s"):
        if token.lower().endswith(suffix):
            token = token[:-2]
    k = line_key(token)
    if len(k) > 3 and k.endswith("s") and not k.endswith("ss"):
        k = k[:-1]
    return k


def content_words(text):
    out = set()
    for t in text.split():
        k = title_key(t.strip(TRIM_PUNCT))
        if k and line_key(t) not in FUNCTION_WORDS and not (k.isascii() and k.isdigit()):
            out.add(k)
    return out


TRIM_PUNCT = "\"'“”‘’()[]{}.,;:!?…«»-–—"


def find_title(lines, anchor, p):
    lead = set()
    for l in lines[anchor:anchor + LEAD_LINES]:
        if l.prose:
            lead |= content_words(l.text)
    candidates = []
    for i in range(max(0, anchor - p["title_window"]), anchor):
        l = lines[i]
        if l.chrome is not None or not (3 <= l.words <= 30) or l.text.endswith((".", ":", ",")):
            continue
        words = content_words(l.text)
        if len(words) < 3:
            continue
        shared = len(words & lead)
        # Smoothed share: "Science & Health" sharing its two words is weaker evidence than a headline sharing
        # five of its eight.
        overlap = (shared + TITLE_PRIOR) / (len(words) + 2 * TITLE_PRIOR)
        if shared >= 2 and overlap >= p["title_min_overlap"]:
            candidates.append((overlap - p["title_distance_cost"] * (anchor - i), i))
    if not candidates:
        return None
    # A standfirst under the headline shares as many words with the lead: the headline comes first.
    best = max(score for score, _ in candidates)
    return min(i for score, i in candidates if score >= best - p["title_margin"])


def find_body_start(lines, frm, last, header_words):
    gaps = has_gaps(lines)
    # Where most paragraphs stand between blank lines, the first paragraph does too.
    both = paragraphs_set_off(lines, lines[frm:last + 1])
    start, words, paragraphs, set_off_seen = None, 0, 0, False
    for i in range(frm, min(last + 1, len(lines))):
        l = lines[i]
        # A caption or credit after a paragraph laid out as the article's are is inside the article.
        soft = l.chrome in ("caption", "credit") and both and set_off_seen and ends_with_credit(l.text)
        if l.chrome in ENDS_HEADER and not soft:
            start, words, paragraphs, set_off_seen = None, 0, 0, False
            continue
        set_off = (l.blank_before and l.blank_after) if both else (l.blank_before or l.blank_after)
        if start is None and (not gaps or set_off):
            start = i
        if l.prose and start is not None:
            words += l.words
            paragraphs += 1
            set_off_seen = set_off_seen or (l.blank_before and l.blank_after)
            if words >= header_words and paragraphs >= 2:
                break
    return frm if start is None else start


# ---------------------------------------------------------------------------------------------------------
# Mirror of src/clean/mod.rs (line decisions only; inline chrome is left to the native code)
# ---------------------------------------------------------------------------------------------------------


def decide(lines, logits, p):
    """(kept line flags, title index or None)."""
    region = find_region(lines, logits, p["region_offset"])
    if region is None:
        return [l.chrome is None for l in lines], None
    anchor = find_anchor(lines, logits, region, p["anchor_logit"])
    title = find_title(lines, anchor, p)
    frm = max(title + 1 if title is not None else region[0], region[0])
    first = find_body_start(lines, frm, region[1], p["header_prose_words"])
    last = end_before_comments(lines, first, region[1])
    last = end_before_related(lines, first, last, p["tail_share"])
    last = end_before_teasers(lines, first, last)
    keep = [first <= i <= last and l.chrome is None and i != title for i, l in enumerate(lines)]
    return keep, title


COMMENT_MARKS = 3
TAIL_REASONS = {"related", "newsletter", "comments", "navigation", "sign-in", "share"}


def end_before_related(lines, first, last, tail_share):
    """A "Related stories" / "Most read" / newsletter heading after the article's first paragraph ends it when
    little prose follows it (teaser headlines and their blurbs, not more article)."""
    window = lines[first:last + 1]
    total = sum(l.words for l in window if l.prose)
    # Where the article's paragraphs stand between blank lines, a paragraph laid out so after the heading is
    # article again.
    both = paragraphs_set_off(lines, window)
    # Where they do, only prose so laid out counts as following: a teaser list's blurbs run on line by line.
    after = [0] * (len(window) + 1)
    for j in range(len(window) - 1, -1, -1):
        l = window[j]
        after[j] = after[j + 1] + (l.words if l.prose and (not both or (l.blank_before and l.blank_after)) else 0)
    before = 0
    for i in range(first, last + 1):
        l = lines[i]
        if l.chrome in TAIL_REASONS and before > 0 and after[i - first] < tail_share * total:
            rest = lines[i + 1:last + 1]
            if not (both and any(r.prose and r.blank_before and r.blank_after for r in rest)):
                return i - 1
        before += l.words if l.prose else 0
    return last


TEASER_MARKS = {"teaser", "timestamp"}
TEASER_PERIOD = 4


def end_before_teasers(lines, first, last):
    """A teaser list — headline, blurb, "2H ago", headline, blurb, "5H ago"… — ends the article where its first
    item starts: three time marks each at most TEASER_PERIOD lines after the previous, after the article's first
    paragraph, with no paragraph set off by blank lines between them."""
    both = paragraphs_set_off(lines, lines[first:last + 1])
    marks = [i for i in range(first, last + 1) if lines[i].chrome in TEASER_MARKS]
    seen_prose = False
    prose_before = {}
    count = 0
    for i in range(first, last + 1):
        prose_before[i] = count
        count += lines[i].prose
    for a, b, c in zip(marks, marks[1:], marks[2:]):
        if b - a > TEASER_PERIOD or c - b > TEASER_PERIOD or prose_before[a] == 0:
            continue
        if both and any(l.prose and l.blank_before and l.blank_after for l in lines[a:c + 1]):
            continue
        return max(first, a - (b - a))
    return last


def paragraphs_set_off(lines, window):
    """True when most prose lines of `window` stand between blank lines (in a paste that keeps them)."""
    prose = [l for l in window if l.prose]
    return has_gaps(lines) and sum(l.blank_before and l.blank_after for l in prose) * 10 >= len(prose) * 6


def end_before_comments(lines, first, last):
    """A comment section (user names with "says:", "Reply", "Comments") that the region ran into ends it."""
    marks = [i for i in range(first, last + 1) if lines[i].chrome == "comments"]
    if len(marks) >= COMMENT_MARKS and marks[0] > first:
        return marks[0] - 1
    return last


# ---------------------------------------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------------------------------------

DEFAULTS = dict(region_offset=4.0, anchor_logit=-1.0, header_prose_words=40, title_window=60,
                title_min_overlap=0.34, title_distance_cost=0.004, title_margin=0.15, tail_share=0.1)


def labels(page, lines, ps):
    body = ps.squash(page["body"])
    body_lines = {ps.squash(x) for x in page["body"].split("\n") if ps.squash(x)}
    out = []
    for l in lines:
        s = ps.squash(l.text)
        out.append(1.0 if s in body_lines or (len(s) >= 25 and s in body) else 0.0)
    return out


def fit_logistic(X, y, w, l2=1.0, iterations=40):
    beta = np.zeros(X.shape[1])
    ridge = l2 * np.eye(X.shape[1])
    ridge[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X @ beta)))
        s = w * p * (1 - p)
        beta -= np.linalg.solve(X.T @ (X * s[:, None]) + ridge, X.T @ (w * (p - y)) + ridge @ beta)
    return beta


def evaluate(pages, beta, p, ps):
    """The cleanup's figures over `pages`, all cleaned with the same weights `beta` and parameters `p`."""
    return evaluate_runs([(page, beta, p) for page in pages], ps)


def evaluate_runs(runs, ps):
    """The cleanup's figures over `runs`, (page, beta, p) triples: each page cleaned with its own weights and
    parameters (the site-held-out folds fit them without the page's site)."""
    kept_texts, removed, bodies, first_ok, titles = [], [], [], 0, 0
    chrome_total = chrome_removed = 0
    for (page, lines, X, y), beta, p in runs:
        logits = X @ beta if len(lines) else []
        keep, title = decide(lines, logits, p)
        kept_texts.append("\n".join(l.text for l, k in zip(lines, keep) if k))
        removed.append([l.text for l, k in zip(lines, keep) if not k and l is not None])
        bodies.append(page["body"])
        for l, k, label in zip(lines, keep, y):
            if label == 0.0:
                chrome_total += len(l.text)
                chrome_removed += len(l.text) * (not k)
        first = next((i for i, l in enumerate(lines) if keep[i] and l.prose), None)
        first_ok += first is not None and y[first] == 1.0
        if title is not None:
            a, b = ps.squash(lines[title].text), ps.squash(page["title"])
            titles += bool(a) and (a in b or b in a)
    body_kept, removed_ok = ps.cleanup_score(kept_texts, removed, bodies)
    return dict(body_kept=body_kept, removed_ok=removed_ok, first_ok=first_ok / max(1, len(runs)), titles=titles,
                chrome_removed=chrome_removed / max(1, chrome_total))


def fit_model(pages):
    """The logistic line weights fitted on `pages`: lines weighted by the square root of their length."""
    X = np.vstack([x for _, _, x, _ in pages])
    y = np.concatenate([np.array(l) for _, _, _, l in pages])
    w = np.concatenate([np.array([math.sqrt(len(l.text)) for l in lines]) for _, lines, _, _ in pages])
    return fit_logistic(X, y, w), X, y


def choose_parameters(pages, beta, ps):
    """Grid search of the region offset, anchor threshold, header prose words and tail share on `pages`: keep the
    body first (>= 98.5% of its characters), then start where the article starts, then remove what is chrome."""
    best = None
    for offset in (4.0, 5.0, 6.0, 7.0):
        for anchor in (-1.0, 0.0):
            for header_words in (40, 60):
                for tail_share in (0.05, 0.1, 0.15):
                    p = dict(DEFAULTS, region_offset=offset, anchor_logit=anchor, header_prose_words=header_words,
                             tail_share=tail_share)
                    m = evaluate(pages, beta, p, ps)
                    key = (m["body_kept"] >= 0.985, round(m["first_ok"], 3), round(m["chrome_removed"] + m["body_kept"], 4))
                    if best is None or key > best[0]:
                        best = (key, p, m)
    return best[1], best[2]


def site(url):
    """The page's site: its host without "www." (folds keep a site's pages together)."""
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].lower()
    return host[4:] if host.startswith("www.") else host


def site_folds(pages, ps, k):
    """Site-held-out cross-validation: the sites are dealt into k folds (sorted by a hash of the name, so the
    split is fixed and unrelated to the data's order); each fold's pages are cleaned with weights and parameters
    fitted on the other folds only. Returns the held-out figures over all pages and per fold."""
    sites = sorted({site(page["url"]) for page, _, _, _ in pages}, key=lambda s: (zlib.crc32(s.encode()), s))
    fold_of = {s: i % k for i, s in enumerate(sites)}
    per_fold, held_out = [], []
    for fold in range(k):
        train = [pg for pg in pages if fold_of[site(pg[0]["url"])] != fold]
        test = [pg for pg in pages if fold_of[site(pg[0]["url"])] == fold]
        beta, _, _ = fit_model(train)
        p, _ = choose_parameters(train, beta, ps)
        per_fold.append((len(test), evaluate(test, beta, p, ps)))
        held_out.extend((pg, beta, p) for pg in test)
    return evaluate_runs(held_out, ps), per_fold


def write_weights(beta, p, n_pages):
    ws = ", ".join(f"{b:.4f}" for b in beta)
    text = f'''//! The cleanup's fitted numbers. Written by `eval/fit_cleanup.py --write` from ../shared/data/pasted/dev.jsonl
//! ({n_pages} pasted pages with human-annotated bodies); edit the script, not this file.

/// Logistic weights of a line's features, in the order of `density::FEATURES`.
pub(super) const LINE_WEIGHTS: [f64; {len(beta)}] =
    [{ws}];
/// Added to every line's log-odds before the maximum-sum stretch: how much chrome the article may enclose.
pub(super) const REGION_OFFSET: f64 = {p["region_offset"]:.2f};
/// A line's log-odds above this makes it the anchor of the article's start (its first sure paragraph).
pub(super) const ANCHOR_LOGIT: f64 = {p["anchor_logit"]:.2f};
/// Words of prose after which the header is over: later bylines or credits are inside the article.
pub(super) const HEADER_PROSE_WORDS: usize = {p["header_prose_words"]};
/// How far before the anchor the headline may be, in lines.
pub(super) const TITLE_WINDOW: usize = {p["title_window"]};
/// Least share of a headline's content words found in the article's lead.
pub(super) const TITLE_MIN_OVERLAP: f64 = {p["title_min_overlap"]:.2f};
/// Score lost per line between a headline candidate and the anchor.
pub(super) const TITLE_DISTANCE_COST: f64 = {p["title_distance_cost"]:.4f};
/// Headline candidates scoring within this of the best: the first of them is the headline (a standfirst under
/// it shares as many words with the lead).
pub(super) const TITLE_MARGIN: f64 = {p["title_margin"]:.2f};
/// A "Related stories" or newsletter heading ends the article when less than this share of its prose follows.
pub(super) const TAIL_PROSE_SHARE: f64 = {p["tail_share"]:.2f};
'''
    with open(os.path.join(REPO, "src", "clean", "weights.rs"), "w", encoding="utf-8") as f:
        f.write(text)


def check_against_native(args, rows, pages, beta, p):
    """Share of lines on which the mirror and `nutshell split --json` agree (kept vs removed)."""
    results, _ = common.run_nutshell(args.bin, [r["pasted"] for r in rows], {"sentences": 3})
    agree = total = 0
    worst = []
    for row, (page, lines, X, y), result in zip(rows, pages, results):
        if "error" in result:
            continue
        data = row["pasted"].encode("utf-8")
        removed = [(s["start"], s["end"]) for s in result.get("removed", [])]
        title = result.get("title")
        keep, t = decide(lines, X @ beta if len(lines) else [], p)
        page_disagree = 0
        for l, k in zip(lines, keep):
            start = len(row["pasted"][:l.start].encode("utf-8"))
            end = start + len(l.text.encode("utf-8"))
            # a line is removed natively when a removed span covers it whole
            native_removed = any(s <= start and end <= e for s, e in removed)
            native_keep = not native_removed and l.text != title
            agree += native_keep == k
            page_disagree += native_keep != k
            total += 1
        worst.append((page_disagree, row["id"][:12]))
    worst.sort(reverse=True)
    return agree / max(1, total), worst[:5]


def clean_corpora(args):
    """Share of characters the cleanup removes from clean articles (CNN/DM, BBC), by reason, with examples."""
    corpora = [("cnndm/dev.jsonl", "article"), ("cnndm/validation.jsonl", "article"), ("bbc/dev.jsonl", "article"),
               ("bbc/dev.jsonl", "body")]
    for name, field in corpora:
        rows = common.load_jsonl(common.data_path(args, *name.split("/")), args.limit)
        texts = [r[field] for r in rows]
        results, seconds = common.run_nutshell(args.bin, texts, {"sentences": 3})
        total = sum(len(t) for t in texts)
        by_reason, examples, pages = Counter(), {}, 0
        for text, result in zip(texts, results):
            spans = result.get("removed", [])
            pages += bool(spans)
            for span in spans:
                chunk = common.span_text(text, span)
                by_reason[span.get("reason")] += len(chunk)
                examples.setdefault(span.get("reason"), []).append(chunk)
        removed = sum(by_reason.values())
        print(f"{name} ({field}, {len(rows)} texts): {removed / max(1, total):.4%} of characters removed, "
              f"{pages} texts touched; by reason: " + ", ".join(f"{r} {c / max(1, total):.4%}" for r, c in by_reason.most_common()))
        for reason, chunks in examples.items():
            print(f"    {reason}: " + " | ".join(repr(c[:70]) for c in chunks[:4]))


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--write", action="store_true", help="rewrite src/clean/weights.rs")
    ap.add_argument("--check", action="store_true", help="compare the mirror with the native CLI")
    ap.add_argument("--page", type=int, default=None, help="print one page's lines and decisions")
    ap.add_argument("--folds", type=int, default=0,
                    help="also cross-validate with sites held out: K folds of whole sites (5 is usual)")
    ap.add_argument("--clean-corpora", action="store_true",
                    help="only measure what the native cleanup removes from clean CNN/DM and BBC articles")
    args = ap.parse_args()
    if args.clean_corpora:
        clean_corpora(args)
        return
    ps = common.import_tool(args, "purity_score")
    rows = common.load_jsonl(args.corpus or common.data_path(args, "pasted", "dev.jsonl"), args.limit)
    pages = []
    for row in rows:
        lines = split_lines(row["pasted"])
        pages.append((row, lines, feature_matrix(lines), labels(row, lines, ps)))
    beta, X, y = fit_model(pages)
    p_line = 1 / (1 + np.exp(-(X @ beta)))
    print(f"{len(rows)} pages, {len(y)} lines ({int(y.sum())} article). Line model: accuracy "
          f"{((p_line > 0.5) == (y == 1)).mean():.3f}, article recall {((p_line > 0.5) & (y == 1)).sum() / y.sum():.3f}")
    print("weights: " + ", ".join(f"{n} {b:+.2f}" for n, b in zip(FEATURES, beta)))

    if args.page is not None:
        row, lines, Xp, yp = pages[args.page]
        logits = Xp @ beta
        keep, title = decide(lines, logits, DEFAULTS)
        region = find_region(lines, logits, DEFAULTS["region_offset"])
        print(row["url"], "region", region)
        for i, l in enumerate(lines):
            mark = "T" if i == title else ("K" if keep[i] else " ")
            print(f"{i:4d} {mark} {'B' if yp[i] else '.'} {logits[i]:+6.2f} {l.chrome or '':10} {l.text[:100]}")
        return

    p, m = choose_parameters(pages, beta, ps)
    print(f"chosen: region_offset {p['region_offset']}, anchor_logit {p['anchor_logit']}, "
          f"header_prose_words {p['header_prose_words']}, tail_share {p['tail_share']}")
    print(f"mirror on the dev pages: body kept {m['body_kept']:.4f}, removed not article {m['removed_ok']:.4f}, "
          f"first kept prose line is article {m['first_ok']:.3f}, titles {m['titles']} / {len(rows)}, "
          f"non-article characters removed {m['chrome_removed']:.4f}")
    if args.folds:
        held, per_fold = site_folds(pages, ps, args.folds)
        print(f"site-held-out, {args.folds} folds (weights and parameters fitted without the fold's sites): body kept "
              f"{held['body_kept']:.4f}, removed not article {held['removed_ok']:.4f}, first kept prose line is "
              f"article {held['first_ok']:.3f}, titles {held['titles']} / {len(rows)}")
        print("  per fold (pages: body kept / removed not article): " + ", ".join(
            f"{n}: {m['body_kept']:.3f} / {m['removed_ok']:.3f}" for n, m in per_fold))
    if args.write:
        write_weights(beta, p, len(rows))
        print("wrote src/clean/weights.rs")
    if args.check:
        agreement, worst = check_against_native(args, rows, pages, beta, p)
        print(f"mirror vs native: {agreement:.4f} of lines decided alike; most disagreements: {worst}")


if __name__ == "__main__":
    main()
