#!/usr/bin/env python3
"""Writes the article fixtures of the extension tests: two BBC News articles (CC0 packaging of D. Greene &
P. Cunningham's BBC corpus, from ../shared/data/bbc/dev.jsonl `article`) wrapped in the chrome of a made-up news
site — navigation, adverts, a "most read" box, related links, comments, a cookie banner, a footer — whose every
sentence is written here, so a test can tell article text from chrome. Run from the repository root:
    python3 tests/extension/pages/make-pages.py ../shared/data/bbc/dev.jsonl
The pages are committed; the tests never need ../shared."""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Chrome text: sentences that must never reach the summary.
NAV = ["Home", "News", "Sport", "Business", "Entertainment", "Technology", "Weather", "Sign in", "Subscribe"]
AD = ("Advertisement", "Switch to Lumen Broadband today and get your first three months completely free. "
      "Offer ends Sunday, terms and conditions apply to every new customer.")
MOST_READ = [
    "Council approves the new river crossing after a long and heated debate.",
    "Heavy snow is expected across the north of the country this weekend.",
    "Local bakery wins a national award for the best sourdough loaf of the year.",
]
RELATED = [
    "Five things we learned from the weekend's matches",
    "Transfer rumours: who is moving where this January",
    "Opinion: why the league needs a winter break",
]
COMMENTS = [
    ("riverside_fan", "I have supported this club for thirty years and I have never seen anything like this season. "
                      "The board should have acted months ago."),
    ("kim_b", "Great reporting as always. I would love to read a longer interview next time."),
]
COOKIE = ("We use cookies to give you the best experience on our website. "
          "By continuing to browse you agree to our use of cookies.")
FOOTER = ("The Daily Ledger is not responsible for the content of external sites. "
          "Copyright 2005 The Daily Ledger Media Group, all rights reserved.")

ARTICLES = {
    "bbc-sport-232": ("wolves.html", "Sport", "By Alex Morgan, sports reporter"),
    "bbc-entertainment-149": ("spector.html", "Entertainment", "By Priya Shah, entertainment correspondent"),
}

# Inline markup inside paragraphs, as news sites have it: links on names, emphasis. Highlighting a sentence
# must find text that runs across these elements.
LINKS = {
    "bbc-sport-232": ["Glenn Hoddle", "Stuart Gray", "Southampton"],
    "bbc-entertainment-149": ["Phil Spector", "Los Angeles Superior Court", "Bruce Cutler"],
}


def paragraph_html(text, links):
    escaped = html.escape(text, quote=False)
    for name in links:
        escaped = escaped.replace(html.escape(name), f'<a href="/topics/{name.lower().replace(" ", "-")}">{html.escape(name)}</a>', 1)
    return f"<p>{escaped}</p>"


def page(article_id, record):
    filename, section, byline = ARTICLES[article_id]
    paragraphs = [p.strip() for p in record["article"].split("\n\n") if p.strip()]
    headline, body = paragraphs[0], paragraphs[1:]
    nav = "\n".join(f'      <li><a href="/{item.lower().replace(" ", "-")}">{item}</a></li>' for item in NAV)
    most_read = "\n".join(f'        <li><a href="/story/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(MOST_READ, 1))
    related = "\n".join(f'        <li><a href="/related/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(RELATED, 1))
    comments = "\n".join(
        f'      <article class="comment"><p class="who">{html.escape(who)}</p><p>{html.escape(text)}</p></article>'
        for who, text in COMMENTS
    )
    # The ad sits between the article's paragraphs, as ad slots do.
    middle = len(body) // 2
    body_html = [paragraph_html(p, LINKS[article_id]) for p in body]
    body_html.insert(middle, f'<aside class="ad"><p class="ad-label">{AD[0]}</p><p>{AD[1]}</p></aside>')
    body_joined = "\n        ".join(body_html)
    return filename, f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(headline)} - The Daily Ledger</title>
  <link rel="stylesheet" href="site.css">
</head>
<body>
  <div class="cookie-banner"><p>{COOKIE}</p><button type="button">Accept</button></div>
  <header class="masthead">
    <a class="logo" href="/">The Daily Ledger</a>
    <nav>
      <ul>
{nav}
      </ul>
    </nav>
  </header>
  <div class="layout">
    <main>
      <article>
        <p class="section">{section}</p>
        <h1>{html.escape(headline)}</h1>
        <p class="byline">{html.escape(byline)}</p>
        <p class="dateline">Published 14 January 2005</p>
        {body_joined}
      </article>
      <section class="related">
        <h2>Related stories</h2>
        <ul>
{related}
        </ul>
      </section>
      <section class="comments">
        <h2>Comments (2)</h2>
{comments}
      </section>
    </main>
    <aside class="sidebar">
      <h2>Most read</h2>
      <ol>
{most_read}
      </ol>
    </aside>
  </div>
  <footer><p>{FOOTER}</p></footer>
</body>
</html>
"""


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/bbc/dev.jsonl"
    wanted = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in ARTICLES:
                wanted[record["id"]] = record
    expected = {}
    for article_id, record in sorted(wanted.items()):
        filename, text = page(article_id, record)
        with open(os.path.join(HERE, filename), "w", encoding="utf-8") as f:
            f.write(text)
        expected[filename] = {"id": article_id, "article": record["article"]}
    chrome = [AD[1], *MOST_READ, *RELATED, *(text for _, text in COMMENTS), COOKIE, FOOTER]
    with open(os.path.join(HERE, "pages.json"), "w", encoding="utf-8") as f:
        json.dump({"articles": expected, "chrome": chrome}, f, indent=2, ensure_ascii=False)
        f.write("\n")


main()
