"""Key-people harness (issue 5): CoNLL-2003 dev person P/R/F1, and the seed article's people checked exactly.

1. <shared>/data/conll2003/dev.jsonl: nutshell (native CLI, `--jsonl`) over each document's `text`; every name
   and alias it reports is passed to the shared tool's score(predicted_names_per_doc, gold_persons_per_doc)
   (people_score.py: document-level micro P/R/F1, names merged by surname key). --errors lists, per document,
   the false positives and false negatives (by surname key, with the names behind each key).
2. <shared>/data/seed/article.txt against seed/expected.json: the people as a set (name, aliases, mention count,
   role, quotes), people that must not be there, title, where the body ends, and the chrome after it. Every
   difference is printed; roles are compared loosely (case, articles and punctuation ignored) and shown when
   they differ, since "a role phrased slightly differently but meaning the same is fine".
"""
import collections
import json
import os
import re
import sys
import unicodedata

import common


# ----- CoNLL-2003 ----------------------------------------------------------------------------------------------

def conll(args, people_score):
    path = args.corpus or common.data_path(args, "conll2003", "dev.jsonl")
    rows = common.load_jsonl(path, args.limit)
    results, seconds = common.run_nutshell(args.bin, [r["text"] for r in rows], ids=[r["id"] for r in rows])
    predicted = [[n for p in r.get("people", []) for n in common.person_names(p)] for r in results]
    gold = [r["persons"] for r in rows]
    precision, recall, f1 = people_score.score(predicted, gold)
    tp = fp = fn = 0
    for p, g in zip(predicted, gold):
        P, G = people_score.clusters(p), people_score.clusters(g)
        tp += len(P & G); fp += len(P - G); fn += len(G - P)
    print(f"## People on `{os.path.relpath(path)}` — {len(rows)} documents\n")
    print(common.describe_binary(args.bin))
    print(f"nutshell {1000 * seconds / len(rows):.2f} ms/document (whole batch, process included); "
          f"metric: shared tools/people_score.py (distinct persons per document, merged by surname key)\n")
    print(common.markdown_table(
        ["system", "precision", "recall", "F1", "TP", "FP", "FN"],
        [["nutshell", f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", tp, fp, fn],
         ["spaCy en_core_web_sm 3.8 (data README)", "0.803", "0.782", "0.793", "", "", ""],
         ["compromise 14.17 people() (data README)", "0.789", "0.656", "0.716", "", "", ""]]))
    common.report_errors(results, [r["id"] for r in rows])
    if args.errors:
        print_conll_errors(rows, results, predicted, people_score)


def print_conll_errors(rows, results, predicted, people_score):
    """Per document: false positives (key: the names nutshell gave) and false negatives (key: gold names)."""
    print("\n### Errors per document (surname keys; FP = reported but not gold, FN = gold but missed)\n")
    fp_counter, fn_counter = collections.Counter(), collections.Counter()
    for row, result, names in zip(rows, results, predicted):
        by_key_pred, by_key_gold = collections.defaultdict(set), collections.defaultdict(set)
        for n in names:
            by_key_pred[people_score.key(n)].add(n)
        for n in row["persons"]:
            by_key_gold[people_score.key(n)].add(n)
        fps = sorted(k for k in by_key_pred if k and k not in by_key_gold)
        fns = sorted(k for k in by_key_gold if k and k not in by_key_pred)
        if not fps and not fns:
            continue
        headline = row["text"].split("\n", 1)[0][:70]
        print(f"- **{row['id']}** ({headline})")
        if fps:
            print("  - FP: " + "; ".join(" / ".join(sorted(by_key_pred[k])) for k in fps))
        if fns:
            print("  - FN: " + "; ".join(" / ".join(sorted(by_key_gold[k])) for k in fns))
        for k in fps:
            fp_counter[" / ".join(sorted(by_key_pred[k]))] += 1
        for k in fns:
            fn_counter[" / ".join(sorted(by_key_gold[k]))] += 1
    print("\nMost frequent false positives: " + ", ".join(f"{n} ({c})" for n, c in fp_counter.most_common(25)))
    print("Most frequent false negatives: " + ", ".join(f"{n} ({c})" for n, c in fn_counter.most_common(25)))


# ----- the seed article -----------------------------------------------------------------------------------------

def loose(s):
    """Role comparison form: case, accents, leading articles and punctuation ignored."""
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[^\w\s']", " ", s)
    s = re.sub(r"^\s*(the|a|an)\s+", "", s)
    return " ".join(s.split())


def quote_form(s):
    """Quote comparison form when the exact text differs: whitespace and edge punctuation ignored."""
    return " ".join(s.split()).strip(" ,.;:!?\"'“”‘’")


def seed(args, people_score):
    folder = common.data_path(args, "seed")
    with open(os.path.join(folder, "article.txt"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    [result], _ = common.run_nutshell(args.bin, [text], [{"sentences": 3}])
    print(f"\n## Seed check (`{os.path.relpath(folder)}/expected.json`)\n")
    if "error" in result:
        print(f"nutshell failed on the seed: {result['error']}")
        return 1
    diffs, notes = [], []
    people = result.get("people", [])
    used = set()

    def find(exp):
        names = [exp["name"], *exp.get("aliases", [])]
        for i, p in enumerate(people):
            if i not in used and p["name"] == exp["name"]:
                return i
        keys = {people_score.key(n) for n in names}
        for i, p in enumerate(people):
            if i not in used and keys & {people_score.key(n) for n in common.person_names(p)}:
                return i
        return None

    for exp in expected["people"]:
        i = find(exp)
        if i is None:
            diffs.append(f"missing person: {exp['name']}")
            continue
        used.add(i)
        got = people[i]
        who = exp["name"]
        if got["name"] != exp["name"]:
            diffs.append(f"{who}: name is {got['name']!r}")
        want_aliases, got_aliases = set(exp.get("aliases", [])), set(got.get("aliases", []))
        if want_aliases != got_aliases:
            diffs.append(f"{who}: aliases {sorted(got_aliases)}, expected {sorted(want_aliases)}")
        if got.get("mentions") != exp["mentions"]:
            diffs.append(f"{who}: {got.get('mentions')} mentions, expected {exp['mentions']}")
        if loose(got.get("role")) != loose(exp.get("role")):
            diffs.append(f"{who}: role {got.get('role')!r}, expected {exp.get('role')!r} (fine if it means the same)")
        got_quotes = [q["text"] for q in got.get("quotes", [])]
        for q in exp.get("quotes", []):
            if q in got_quotes:
                continue
            near = [g for g in got_quotes if quote_form(g) == quote_form(q)]
            if near:
                notes.append(f"{who}: quote differs only at its edges: {near[0]!r} for {q!r}")
            else:
                diffs.append(f"{who}: quote missing: {q!r}")
        for g in got_quotes:
            if g not in exp.get("quotes", []) and not any(quote_form(g) == quote_form(q) for q in exp.get("quotes", [])):
                diffs.append(f"{who}: extra quote: {g!r}")
    for i, p in enumerate(people):
        if i not in used:
            diffs.append(f"extra person: {p['name']!r} (aliases {p.get('aliases', [])}, {p.get('mentions')} mentions)")
    reported = {n for p in people for n in common.person_names(p)}
    for bad in expected.get("not_people", []):
        if bad in reported:
            diffs.append(f"not a person, but reported: {bad!r}")
    for author in result.get("authors", []):
        notes.append(f"author reported: {author!r}")

    # Quotes that nutshell found but attributed to nobody, or to someone other than the expected speaker.
    expected_speaker = {q: e["name"] for e in expected["people"] for q in e.get("quotes", [])}
    for q in result.get("quotes", []):
        speaker = q.get("speaker")
        want = expected_speaker.get(q["text"]) or next(
            (v for k, v in expected_speaker.items() if quote_form(k) == quote_form(q["text"])), None)
        if want and speaker is None:
            diffs.append(f"quote unattributed (expected {want}): {q['text']!r}")

    if result.get("title") != expected.get("title"):
        diffs.append(f"title {result.get('title')!r}, expected {expected.get('title')!r}")
    sentences = result.get("sentences", [])
    body_end = expected.get("body_ends_with")
    if body_end:
        last = sentences[-1]["text"] if sentences else ""
        if not last.rstrip().endswith(body_end):
            diffs.append(f"last sentence should end with {body_end!r}; it is {last[-100:]!r}")
    chrome_mark = expected.get("boilerplate_lines_start_at")
    if chrome_mark is not None:
        m = re.search(r"^" + re.escape(chrome_mark) + r"\s*$", text, re.M)
        if m:
            chrome_at = len(text[:m.start()].encode("utf-8"))
            after = [s["text"] for s in sentences if s["end"] > chrome_at]
            if after:
                diffs.append(f"{len(after)} sentence(s) from the navigation teasers, e.g. {after[0][:80]!r}")
            data = text.encode("utf-8")
            covered = bytearray(len(data))
            for r in result.get("removed", []):
                covered[r["start"]:r["end"]] = b"\x01" * (r["end"] - r["start"])
            left = [i for i in range(chrome_at, len(data)) if not covered[i] and data[i] not in b" \t\r\n"]
            if left:
                notes.append(f"{len(left)} non-space bytes of the teaser tail are in no removed span, from "
                             f"{data[left[0]:left[0] + 40].decode('utf-8', 'replace')!r}")
    summary = common.summary_texts(result)
    title_line = text.split("\n")[1] if "\n" in text else ""
    for s in summary:
        if s.strip() in ("Politics", title_line) or title_line and title_line in s:
            diffs.append(f"summary sentence from the title/section label: {s[:80]!r}")
    if not any("Witkoff" in s for s in summary):
        diffs.append("the lead sentence (Witkoff and Kushner travel to Russia) is not in the 3-sentence summary")

    print(common.markdown_table(["name", "aliases", "mentions", "role", "quotes"],
                                [[p["name"], ", ".join(p.get("aliases", [])), p.get("mentions"), p.get("role") or "",
                                  len(p.get("quotes", []))] for p in people], ["---", "---", "--:", "---", "--:"]))
    print()
    for n in notes:
        print(f"- note: {n}")
    if diffs:
        print(f"**{len(diffs)} difference(s) from expected.json:**")
        for d in diffs:
            print(f"- {d}")
    else:
        print("**Seed: exact** — the seven people, their aliases, mentions, roles and quotes, the title and the chrome.")
    return len(diffs)


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="CoNLL-style JSONL (default: <shared>/data/conll2003/dev.jsonl)")
    ap.add_argument("--errors", action="store_true", help="print false positives/negatives per document")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed check")
    ap.add_argument("--seed-only", action="store_true", help="only the seed check")
    ap.add_argument("--strict", action="store_true", help="exit with status 1 when the seed differs")
    args = ap.parse_args()
    people_score = common.import_tool(args, "people_score")
    differences = 0
    try:
        if not args.seed_only:
            conll(args, people_score)
        if not args.no_seed:
            differences = seed(args, people_score)
    except common.NutshellError as e:
        sys.exit(f"people.py: {e}")
    if args.strict and differences:
        sys.exit(1)


if __name__ == "__main__":
    main()
