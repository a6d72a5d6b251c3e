#!/usr/bin/env python3
"""Write data/chrome_phrases.txt from lists/chrome_phrases.txt, checked against real pasted pages.

The phrases are written by hand (general boilerplate any site uses). This script checks each one
against ../shared/data/pasted/dev.jsonl: how many lines of pasted pages that are NOT article body it
matches (chrome found), and how many lines of the article bodies it matches (false alarms, which must be
none), plus the article lines of the CNN/DailyMail and BBC files. It prints the counts and refuses to
write a list with a false alarm unless the phrase is in ALLOWED_IN_BODY.

Matching (also what the header documents): case-insensitive, surrounding whitespace and a final
":" ignored for whole-line phrases; `phrase*` = the line starts with the phrase; `*phrase*` = the phrase
anywhere (run-in chrome such as "Scroll down for video").
"""
import json
import os
import re
import sys
from urllib.parse import urlparse

from common import HERE, SHARED, header, write

# phrases that may match a line of article text, with the reason (checked by hand)
# (all of these are chrome that the datasets kept inside the article text: CNN's "READ MORE:" and
# "Click here to access the transcript" links, Daily Mail's "Scroll down for video", wire copyright lines,
# photo credits "© Reuters"; removing them is right)
ALLOWED_IN_BODY = {
    "watch:*", "read more:*", "read more from*", "related:*", "more from*", "don't miss", "click here*",
    "subscribe to*", "all rights reserved.", "*all rights reserved*", "©*", "copyright ©*", "updated:*",
}


def norm(line):
    return re.sub(r"\s+", " ", line).strip().lower()


def matches(phrase, line):
    """line is normalised."""
    if phrase.startswith("*") and phrase.endswith("*"):
        return phrase[1:-1] in line
    if phrase.endswith("*"):
        return line.startswith(phrase[:-1])
    return line.rstrip(":") == phrase.rstrip(":") or line == phrase


def main():
    rows = []
    with open(os.path.join(HERE, "lists", "chrome_phrases.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                phrase, reason = line.rstrip("\n").split("\t")
                rows.append((phrase.lower(), reason))
    chrome_lines, body_lines, sites = [], [], {}
    with open(os.path.join(SHARED, "pasted", "dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            body = norm(page["body"])
            site = urlparse(page["url"]).netloc
            for text in page["pasted"].split("\n"):
                n = norm(text)
                if n and n not in body:
                    chrome_lines.append((n, site))
            body_lines += [("pasted", norm(t)) for t in page["body"].split("\n") if t.strip()]
    for name, field in (("cnndm/validation.jsonl", "article"), ("bbc/dev.jsonl", "body")):
        with open(os.path.join(SHARED, name), encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)[field]
                if name.startswith("cnndm"):
                    # Daily Mail's run-in chrome is what the `*...*` phrases are for: not a false alarm
                    text = re.sub(r"(?i)scroll down for video", "", text)
                body_lines += [(name.split("/")[0], norm(t)) for t in re.split(r"\n|(?<=[.!?])\s+", text)
                               if t.strip()]
    failures = 0
    print(f"{'phrase':40} {'reason':11} chrome-lines sites  body-lines")
    for phrase, reason in rows:
        hit_sites = {s for n, s in chrome_lines if matches(phrase, n)}
        hits = sum(1 for n, _ in chrome_lines if matches(phrase, n))
        false = [f"{where}: {n[:70]}" for where, n in body_lines if matches(phrase, n)]
        flag = ""
        if false and phrase not in ALLOWED_IN_BODY:
            failures += 1
            flag = f"  <- matches article text: {false[:3]}"
        elif false:
            flag = f"  (allowed: {false[:3]})"
        print(f"{phrase:40} {reason:11} {hits:12} {len(hit_sites):5} {len(false):11}{flag}")
    found = sum(1 for n, _ in chrome_lines if any(matches(p, n) for p, _ in rows))
    print(f"{found} of {len(chrome_lines)} non-article lines of the pasted pages match a phrase")
    if failures:
        sys.exit(f"{failures} phrases match article text: fix them or list them in ALLOWED_IN_BODY")
    head = header(
        "chrome_phrases.txt — boilerplate of pasted web pages (ads, share and navigation lines, cookie",
        ["and newsletter prompts, footers), lower case. Format: phrase<TAB>reason, reason one of ad, share,",
         "navigation, video, related, newsletter, sign-in, cookie, comments, footer, credit, byline.",
         "Matching: case-insensitive, surrounding whitespace and a final \":\" ignored. A plain phrase is a",
         "whole line (\"Advertisement\", \"Share this article\"); `phrase*` matches a line that starts with it",
         "(\"read more:*\" — \"Read more: How the…\"); `*phrase*` matches anywhere in the text, for chrome run",
         "into a paragraph (\"*scroll down for video*\").",
         "Source: written by hand from the chrome seen in ../shared/data/pasted/dev.jsonl (page lines that",
         "are not article body), the CNN/DailyMail articles and the seed; general phrases, no site names.",
         f"Checked by the build script: {found} of {len(chrome_lines)} non-article lines of the 127 pasted",
         "pages match a phrase. Lines of article text matched: only chrome that the datasets kept in the",
         "article (\"READ MORE: …\", \"Click here to access the transcript…\", \"© Reuters\", wire copyright",
         "lines): see ALLOWED_IN_BODY in the script.",
         "Licence: written for nutshell, same licence as the project.",
         "Built by: data/build/build_chrome.py (edit data/build/lists/chrome_phrases.txt, then rerun)."],
        len(rows))
    write("chrome_phrases.txt", head, [f"{p}\t{r}" for p, r in rows])


if __name__ == "__main__":
    main()
