"""Pasted-page harness (issue 11): is nutshell's 3-sentence summary of a whole pasted page drawn from the article?

On <shared>/data/pasted/dev.jsonl, nutshell (native CLI, `--jsonl`, 3 sentences) runs over each page's `pasted`
text. With the shared purity_score.py, in the same run:
  - score(): mean purity (pure sentences / 3) and the share of pages whose summary is 3 pure sentences, for
    nutshell's summary; Lead-3 on nutshell's own sentences (after its cleanup); Lead-3 on the paste (the first
    three nupunkt sentences, the data README's baseline (a)); and Lead-3 on the paste after dropping lines of
    fewer than 8 words (baseline (b));
  - cleanup_score(): the share of the body's characters kept (the paste minus nutshell's `removed` spans) and the
    share of removed characters that are really not article.
Also: pages whose title nutshell found (its `title` and the page's og:title contain one another, compared like
purity), and people whose name does not occur in the body (a person from the chrome).
--errors prints the worst pages: their summary sentences marked pure or not, body lines lost, body text removed.
"""
import os
import sys

import common


def kept_text(text, removed):
    """The paste without nutshell's removed spans (UTF-8 byte offsets), the pieces joined by newlines."""
    data = text.encode("utf-8")
    pieces, at = [], 0
    for r in sorted(removed, key=lambda r: r["start"]):
        if r["start"] > at:
            pieces.append(data[at:r["start"]])
        at = max(at, r["end"])
    pieces.append(data[at:])
    return "\n".join(p.decode("utf-8", "replace") for p in pieces)


def drop_short_lines(text, words=8):
    return "\n".join(l for l in text.split("\n") if len(l.split()) >= words)


def clip(s, n=110):
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="pasted-page JSONL (default: <shared>/data/pasted/dev.jsonl)")
    ap.add_argument("--errors", action="store_true", help="print the worst pages")
    ap.add_argument("--worst", type=int, default=15, help="how many pages --errors prints (default 15)")
    args = ap.parse_args()
    ps = common.import_tool(args, "purity_score")
    path = args.corpus or common.data_path(args, "pasted", "dev.jsonl")
    rows = common.load_jsonl(path, args.limit)
    pasted = [r["pasted"] for r in rows]
    bodies = [r["body"] for r in rows]
    try:
        results, seconds = common.run_nutshell(args.bin, pasted, {"sentences": 3}, ids=[r["id"] for r in rows])
    except common.NutshellError as e:
        sys.exit(f"purity.py: {e}")
    ok = ["error" not in r for r in results]

    systems = [
        ("nutshell (3 sentences)", [common.summary_texts(r) if g else [] for r, g in zip(results, ok)]),
        ("Lead-3 on nutshell's sentences (after its cleanup)",
         [common.sentence_texts(r)[:3] if g else [] for r, g in zip(results, ok)]),
        ("Lead-3 on the paste (nupunkt) — README (a)", [common.punkt_sentences(t)[:3] for t in pasted]),
        ("Lead-3 on the paste, lines of < 8 words dropped — README (b)",
         [common.punkt_sentences(drop_short_lines(t))[:3] for t in pasted]),
    ]
    table = []
    for label, summaries in systems:
        purity, clean = ps.score(summaries, bodies)
        table.append([label, f"{purity:.3f}", f"{round(clean * len(rows))} / {len(rows)} = {clean:.3f}"])

    kept = [kept_text(t, r.get("removed", [])) if g else t for t, r, g in zip(pasted, results, ok)]
    removed = [[common.span_text(t, s) for s in r.get("removed", [])] if g else [] for t, r, g in
               zip(pasted, results, ok)]
    body_kept, removed_ok = ps.cleanup_score(kept, removed, bodies)
    titles = sum(bool(ps.squash(r.get("title") or "")) and
                 (ps.squash(r["title"]) in ps.squash(row["title"]) or ps.squash(row["title"]) in ps.squash(r["title"]))
                 for r, row, g in zip(results, rows, ok) if g)
    people = [(p["name"], row["id"]) for r, row, g in zip(results, rows, ok) if g for p in r.get("people", [])]
    squashed_bodies = {row["id"]: ps.squash(b) for row, b in zip(rows, bodies)}
    outside = [(n, i) for n, i in people if ps.squash(n) not in squashed_bodies[i]]

    print(f"## Purity on `{os.path.relpath(path)}` — {len(rows)} pasted pages\n")
    print(common.describe_binary(args.bin))
    print(f"nutshell {1000 * seconds / len(rows):.2f} ms/page (whole batch, process included); "
          "metric: shared tools/purity_score.py\n")
    print(common.markdown_table(["summary", "mean purity", "all 3 from the body"], table))
    print()
    print(common.markdown_table(
        ["cleanup (nutshell's `removed`)", "value"],
        [["body characters kept (cleanup_score)", f"{body_kept:.3f}"],
         ["removed characters that are not article (cleanup_score)", f"{removed_ok:.3f}"],
         ["share of the paste removed", f"{sum(len(ps.squash(''.join(r))) for r in removed) / max(1, sum(len(ps.squash(t)) for t in pasted)):.3f}"],
         ["titles found (nutshell's title ⊂ og:title or ⊃)", f"{titles} / {len(rows)}"],
         ["people whose name is not in the body", f"{len(outside)} of {len(people)}"]],
        ["---", "--:"]))
    common.report_errors(results, [r["id"] for r in rows])
    if args.errors:
        print_worst(args, ps, rows, results, ok, systems[0][1], kept, removed, outside)


def print_worst(args, ps, rows, results, ok, summaries, kept, removed, outside):
    pages = []
    for i, row in enumerate(rows):
        purity, _ = ps.score([summaries[i]], [row["body"]])
        body_kept, removed_ok = ps.cleanup_score([kept[i]], [removed[i]], [row["body"]])
        pages.append((purity, body_kept, removed_ok, i))
    pages.sort()
    print(f"\n### The {min(args.worst, len(pages))} worst pages (by purity, then body kept)\n")
    for purity, body_kept, removed_ok, i in pages[:args.worst]:
        row, result = rows[i], results[i]
        print(f"- **{row['id'][:12]}** {row['url']}")
        print(f"  purity {purity:.2f}, body kept {body_kept:.3f}, removed not article {removed_ok:.3f}; "
              f"title {clip(result.get('title') or '', 80)!r} (og:title {clip(row['title'], 80)!r})")
        if not ok[i]:
            print(f"  nutshell failed: {result['error']}")
            continue
        body = ps.squash(row["body"])
        for s in summaries[i]:
            print(f"  - {'pure ' if ps.is_pure(s, body) else 'CHROME'} {clip(s)}")
        k = ps.squash(kept[i])
        lost = [l for l in row["body"].split("\n") if ps.squash(l) and ps.squash(l) not in k]
        if lost:
            print(f"  body lines lost ({len(lost)}, {sum(len(ps.squash(l)) for l in lost)} chars): "
                  + " | ".join(clip(l, 70) for l in lost[:3]))
        spans = [s for s in result.get("removed", []) if ps.squash(common.span_text(row["pasted"], s)) and
                 ps.squash(common.span_text(row["pasted"], s)) in body]
        if spans:
            print(f"  removed but article ({len(spans)}): " + " | ".join(
                f"[{s.get('reason')}] {clip(common.span_text(row['pasted'], s), 60)}" for s in spans[:3]))
        strays = [n for n, pid in outside if pid == row["id"]]
        if strays:
            print(f"  people not in the body ({len(strays)}): {', '.join(strays[:12])}{' …' if len(strays) > 12 else ''}")


if __name__ == "__main__":
    main()
