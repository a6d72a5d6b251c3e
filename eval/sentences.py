"""Corpus-wide checks of nutshell's spans and sentence boundaries (CONVENTIONS: they belong to the harness).

For every document of the corpora (default: cnndm dev + validation, bbc dev `body`, pasted dev `pasted`,
polnear dev), nutshell's result is checked against its own input:
  - spans: every sentence, removed span, quote and person quote has 0 <= start <= end <= len on UTF-8
    character boundaries, `text` equal to the UTF-8 slice, `start16`/`end16` equal to the UTF-16 offsets of the
    same places; people's `first16` agrees with `first`; sentences are in order and do not overlap, and none
    overlaps a removed span ("no sentence straddles removed chrome");
  - boundaries: sentences that start or end inside a word (a letter or digit on both sides of the boundary),
    sentences with leading or trailing whitespace.
On bbc `body` the reference `summary_sentences` are an independent oracle: each reference sentence is matched
(whitespace-blind) against nutshell's sentences — one sentence exactly, several consecutive sentences (nutshell
split it), part of one sentence (nutshell merged it with a neighbour), or none of these — beside the same count
for nupunkt's sentences. --errors prints examples of every failure.
"""
import collections
import os
import re
import sys

import common

WORD = re.compile(r"\w", re.UNICODE)


class Offsets:
    """Maps the UTF-8 byte offsets of a text to code-point and UTF-16 offsets."""

    def __init__(self, text):
        self.text = text
        self.data = text.encode("utf-8")
        self.to_char, self.to_u16 = {}, {}
        b = u = 0
        for i, ch in enumerate(text):
            self.to_char[b], self.to_u16[b] = i, u
            b += len(ch.encode("utf-8"))
            u += 2 if ord(ch) > 0xFFFF else 1
        self.to_char[b], self.to_u16[b] = len(text), u


def check_span(kind, span, off, problems, has_text=True):
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(off.data):
        problems[f"{kind}: offsets out of range"].append(repr(span)[:120])
        return False
    if start not in off.to_char or end not in off.to_char:
        problems[f"{kind}: offset inside a UTF-8 character"].append(f"{start}..{end}")
        return False
    if has_text and "text" in span and span["text"] != off.text[off.to_char[start]:off.to_char[end]]:
        problems[f"{kind}: text differs from the slice"].append(
            f"{span['text'][:50]!r} vs {off.text[off.to_char[start]:off.to_char[end]][:50]!r}")
    if "start16" in span and (span["start16"], span.get("end16")) != (off.to_u16[start], off.to_u16[end]):
        problems[f"{kind}: start16/end16 disagree with start/end"].append(
            f"{start}..{end} -> {span['start16']}..{span.get('end16')}, expected {off.to_u16[start]}..{off.to_u16[end]}")
    return True


def check_document(doc_id, text, result, problems, counts):
    off = Offsets(text)
    sentences = result.get("sentences", [])
    counts["documents"] += 1
    counts["sentences"] += len(sentences)
    good = [s for s in sentences if check_span("sentence", s, off, problems)]
    for a, b in zip(good, good[1:]):
        if b["start"] < a["end"]:
            problems["sentences out of order or overlapping"].append(f"{doc_id}: {a['start']}..{a['end']} / {b['start']}..{b['end']}")
    removed = [r for r in result.get("removed", []) if check_span("removed", r, off, problems)]
    for s in good:
        if any(r["start"] < s["end"] and s["start"] < r["end"] for r in removed):
            problems["sentence overlaps a removed span"].append(f"{doc_id}: {s['text'][:80]!r}")
        i, j = off.to_char[s["start"]], off.to_char[s["end"]]
        body = text[i:j]
        if body != body.strip():
            problems["sentence with leading/trailing whitespace"].append(f"{doc_id}: {body[:60]!r}")
        if i > 0 and i < len(text) and WORD.match(text[i - 1]) and WORD.match(text[i]):
            problems["sentence starts inside a word"].append(f"{doc_id}: …{text[max(0, i - 30):i]}|{text[i:i + 50]}")
        if 0 < j < len(text) and WORD.match(text[j - 1]) and WORD.match(text[j]):
            problems["sentence ends inside a word"].append(f"{doc_id}: {text[max(0, j - 50):j]}|{text[j:j + 30]}…")
    for q in result.get("quotes", []):
        check_span("quote", q, off, problems)
    for p in result.get("people", []):
        for q in p.get("quotes", []):
            check_span("person quote", q, off, problems)
        first = p.get("first")
        if isinstance(first, int) and "first16" in p and off.to_u16.get(first) != p["first16"]:
            problems["people: first16 disagrees with first"].append(f"{doc_id}: {p['name']}")


def squash(s):
    return re.sub(r"\s+", "", s)


def oracle(sentences, references):
    """How each reference sentence relates to `sentences` (lists of strings), whitespace-blind."""
    sq = [squash(s) for s in sentences]
    whole = set(sq)
    out = []
    for ref in references:
        r = squash(ref)
        if not r:
            continue
        if r in whole:
            out.append(("exact", ref))
            continue
        kind = "other"
        for i, s in enumerate(sq):
            if r.startswith(s) and len(s) < len(r):
                acc = s
                for t in sq[i + 1:]:
                    acc += t
                    if acc == r:
                        kind = "split"
                        break
                    if not r.startswith(acc):
                        break
                if kind == "split":
                    break
        if kind == "other" and any(r in s for s in sq):
            kind = "merged"
        out.append((kind, ref))
    return out


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", help="a JSONL corpus (repeatable; default: the five listed above)")
    ap.add_argument("--errors", action="store_true", help="print examples of every failure")
    ap.add_argument("--examples", type=int, default=8, help="examples per failure with --errors (default 8)")
    args = ap.parse_args()
    corpora = args.corpus or [common.data_path(args, *p) for p in (
        ("cnndm", "dev.jsonl"), ("cnndm", "validation.jsonl"), ("bbc", "dev.jsonl"), ("pasted", "dev.jsonl"),
        ("polnear", "dev.jsonl"))]
    table, oracle_rows, all_problems = [], [], collections.OrderedDict()
    binary = common.describe_binary(args.bin)
    for path in corpora:
        rows = common.load_jsonl(path, args.limit)
        key = next(k for k in ("pasted", "body", "text", "article") if k in rows[0])
        texts = [r[key] for r in rows]
        try:
            results, seconds = common.run_nutshell(args.bin, texts, ids=[r.get("id") for r in rows])
        except common.NutshellError as e:
            sys.exit(f"sentences.py: {e}")
        problems, counts = collections.defaultdict(list), collections.Counter()
        for row, text, result in zip(rows, texts, results):
            if "error" in result:
                problems["nutshell error"].append(f"{row.get('id')}: {result['error']}")
                continue
            check_document(row.get("id"), text, result, problems, counts)
        name = os.path.relpath(path)
        table.append([f"`{name}` ({key})", counts["documents"], counts["sentences"],
                      len(problems.get("sentence starts inside a word", [])),
                      len(problems.get("sentence ends inside a word", [])),
                      sum(len(v) for k, v in problems.items() if "inside a word" not in k)])
        all_problems[name] = problems
        if "summary_sentences" in rows[0]:
            for label, sentence_lists in (
                    ("nutshell", [common.sentence_texts(r) for r in results]),
                    ("nupunkt 0.8.0", [common.punkt_sentences(t) for t in texts])):
                kinds = collections.Counter()
                examples = collections.defaultdict(list)
                for sentences, row in zip(sentence_lists, rows):
                    for kind, ref in oracle(sentences, row["summary_sentences"]):
                        kinds[kind] += 1
                        examples[kind].append(f"{row['id']}: {ref[:100]!r}")
                n = sum(kinds.values())
                oracle_rows.append([f"{label} on `{name}`", n] +
                                   [f"{kinds[k]} ({kinds[k] / n:.1%})" for k in ("exact", "split", "merged", "other")])
                if label == "nutshell":
                    for k in ("split", "merged", "other"):
                        if examples[k]:
                            problems[f"bbc oracle: reference sentence {k} by nutshell"] = examples[k]

    print("## Spans and sentence boundaries\n")
    print(binary + "\n")
    print(common.markdown_table(["corpus", "documents", "sentences", "start inside a word", "end inside a word",
                                 "other problems"], table))
    if oracle_rows:
        print("\nReference sentences (bbc `summary_sentences`) against the segmentation: one sentence exactly, "
              "split over several, merged into a longer one, or other\n")
        print(common.markdown_table(["segmentation", "reference sentences", "exact", "split", "merged", "other"],
                                    oracle_rows))
    for name, problems in all_problems.items():
        if not problems:
            continue
        print(f"\n### `{name}`")
        for kind, items in problems.items():
            print(f"- {kind}: {len(items)}")
            if args.errors:
                for item in items[:args.examples]:
                    print(f"  - {' '.join(item.split())[:200]}")


if __name__ == "__main__":
    main()
