"""Quote harness: PolNeAR dev quotes found and attributed by nutshell, scored by the shared quote_score.py.

nutshell (native CLI, `--jsonl`) runs over each article's `text`. Every quote it returns becomes
{"text": the quote's text, "speaker_names": the speaker's name and aliases (none when unattributed)} for
quote_score.score(system_quotes_per_doc, gold_docs), which compares texts only: nutshell's offsets are UTF-8 bytes
and the gold's are code points, so no offset is compared (a quote without `text` is sliced from the UTF-8 bytes).
Prints found / correctly attributed / precision; --errors lists per article the missed quotes, the wrong or
missing attributions and the system quotes that match no gold quote.
"""
import collections
import os
import sys

import common


def system_quotes(text, result):
    if "error" in result:
        return []
    people = result.get("people", [])
    encoded = text.encode("utf-8")
    out = []
    for q in result.get("quotes", []):
        speaker = q.get("speaker")
        names = common.person_names(people[speaker]) if speaker is not None and 0 <= speaker < len(people) else []
        out.append({"text": common.span_text(text, q, encoded), "speaker_names": names})
    return out


def breakdown(sys_docs, gold_docs, qs):
    """Of the evaluable gold quotes that are found: attributed right, to someone else, or to nobody."""
    counts = collections.Counter()
    for s, g in zip(sys_docs, gold_docs):
        sys_words = [qs.words(x["text"]) for x in s]
        for q in g["quotes"]:
            if not qs.evaluable(q):
                continue
            gw = qs.words(q["quote"])
            hits = [x for x, xw in zip(s, sys_words) if qs.matches(xw, gw)]
            if not hits:
                counts["missed"] += 1
                continue
            src = {w for w in qs.words(q["source"]) if len(w) >= 3}
            if any(src & {w for n in x["speaker_names"] for w in qs.words(n) if len(w) >= 3} for x in hits):
                counts["right"] += 1
            elif any(x["speaker_names"] for x in hits):
                counts["wrong"] += 1
            else:
                counts["unattributed"] += 1
    return counts


def clip(s, n):
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def print_errors(rows, sys_docs, qs):
    print("\n### Errors per article\n")
    for row, s in zip(rows, sys_docs):
        sys_words = [qs.words(x["text"]) for x in s]
        gold_words = [qs.words(q["quote"]) for q in row["quotes"]]
        lines = []
        for q, gw in zip(row["quotes"], gold_words):
            if not qs.evaluable(q):
                continue
            hits = [x for x, xw in zip(s, sys_words) if qs.matches(xw, gw)]
            src = {w for w in qs.words(q["source"]) if len(w) >= 3}
            if not hits:
                lines.append(f"  - missed: “{clip(q['quote'], 120)}” — {q['source']} ({q.get('cue', '')})")
            elif not any(src & {w for n in x["speaker_names"] for w in qs.words(n) if len(w) >= 3} for x in hits):
                got = "; ".join(" / ".join(x["speaker_names"]) or "nobody" for x in hits)
                lines.append(f"  - attributed to {got}, gold source {q['source']!r}: “{clip(q['quote'], 100)}”")
        for x, xw in zip(s, sys_words):
            if len(xw) >= 4 and not any(qs.matches(xw, gw) for gw in gold_words):
                lines.append(f"  - no gold quote: “{clip(x['text'], 120)}”"
                             + (f" ({' / '.join(x['speaker_names'])})" if x["speaker_names"] else ""))
        if lines:
            print(f"- **{row['id']}**")
            print("\n".join(lines))


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="PolNeAR-style JSONL (default: <shared>/data/polnear/dev.jsonl)")
    ap.add_argument("--errors", action="store_true", help="print misses, wrong attributions and unmatched quotes")
    args = ap.parse_args()
    qs = common.import_tool(args, "quote_score")
    path = args.corpus or common.data_path(args, "polnear", "dev.jsonl")
    rows = common.load_jsonl(path, args.limit)
    try:
        results, seconds = common.run_nutshell(args.bin, [r["text"] for r in rows], ids=[r["id"] for r in rows])
    except common.NutshellError as e:
        sys.exit(f"quotes.py: {e}")
    sys_docs = [system_quotes(r["text"], res) for r, res in zip(rows, results)]
    got = qs.score(sys_docs, rows)
    counts = breakdown(sys_docs, rows, qs)
    print(f"## Quotes on `{os.path.relpath(path)}` — {len(rows)} articles, "
          f"{sum(len(r['quotes']) for r in rows)} gold direct quotes, {got['evaluable']} evaluable\n")
    print(common.describe_binary(args.bin))
    print(f"nutshell {1000 * seconds / len(rows):.2f} ms/article (whole batch, process included); "
          "metric: shared tools/quote_score.py\n")
    print(common.markdown_table(
        ["system", "found", "attributed correctly", "precision", "system quotes (4+ words)"],
        [["nutshell", f"{got['found']:.3f}", f"{got['correct']:.3f}", f"{got['precision']:.3f}",
          got["system_quotes"]],
         ["naive regex (data README)", "0.995", "0.471", "0.936", ""]]))
    found = counts["right"] + counts["wrong"] + counts["unattributed"]
    if found:
        print(f"\nOf the {found} evaluable quotes found: {counts['right']} attributed to the right person, "
              f"{counts['wrong']} to someone else, {counts['unattributed']} to nobody; {counts['missed']} missed.")
    common.report_errors(results, [r["id"] for r in rows])
    if args.errors:
        print_errors(rows, sys_docs, qs)


if __name__ == "__main__":
    main()
