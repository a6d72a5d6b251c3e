"""Feature dumps for fitting nutshell's scorer (issue 6), and a fast, exact ROUGE of any sentence selection.

`fit_weights.py` searches weights offline: nutshell runs once per corpus (native CLI, `--jsonl`), and every
sentence's features, text, paragraph and ROUGE tokens are kept in a cache. Any later choice of sentences is then
scored without re-running nutshell or rouge-score, yet with rouge-score's own numbers:

- ROUGE-1/2: clipped n-gram overlap of the summary (its sentences in article order, joined by newlines, so
  bigrams run across sentence boundaries as they do in rouge-score) with the reference;
- ROUGE-Lsum: rouge-score's summary-level LCS — for every reference sentence the union of its LCS positions
  with each summary sentence, counted with its token-count clipping. The LCS positions of every (reference
  sentence, article sentence) pair are computed once, with rouge-score's own `lcs_ind`, and stored as bit masks.

A pasted-page corpus (`pasted`, `body`) keeps, instead of ROUGE material, whether each sentence is pure
(`purity_score.is_pure`: drawn from the article body), so the fit can keep chrome out of summaries.

`check` compares this scorer with rouge-score on the summaries nutshell actually chose (they must agree).

    eval/.venv/bin/python eval/features.py dump --corpus ../shared/data/cnndm/validation.jsonl --out CACHE
    eval/.venv/bin/python eval/features.py check --cache CACHE
"""
import argparse
import collections
import os
import pickle
import sys

import common

CACHE_DIR = os.path.join(os.path.expanduser("~"), ".cache", "nutshell-score")


def rouge_tokenizer():
    from rouge_score import tokenizers
    return tokenizers.DefaultTokenizer(use_stemmer=True)


def one_line(sentence):
    return " ".join(sentence.split())


def bigrams(tokens):
    return list(zip(tokens, tokens[1:]))


class Document:
    """One article: its sentences as nutshell split and scored them, the reference, and ROUGE material."""

    __slots__ = ("id", "group", "k", "sentences", "paragraphs", "features", "tokens", "unigrams", "bigrams",
                 "reference", "reference_text", "reference_unigrams", "reference_bigrams", "reference_length", "lcs", "summary",
                 "title", "quotes", "people", "raw", "pure")


# Pickled under this module's name even when the file runs as a script, so caches load from any importer.
Document.__module__ = "features"


def build_document(row, kind, k, result, tokenizer, previous=None):
    from rouge_score.rouge_scorer import lcs_ind
    d = Document()
    d.id = row.get("id")
    d.group = row.get("outlet") or row.get("category") or kind
    d.k = k
    sentences = result.get("sentences", []) if "error" not in result else []
    d.sentences = [s["text"] for s in sentences]
    d.paragraphs = [s["paragraph"] for s in sentences]
    d.features = [s["features"] for s in sentences]
    d.summary = list(result.get("summary", []))
    d.title = result.get("title")
    d.quotes = [(q["sentence"], q["start"], q["end"]) for q in result.get("quotes", [])]
    d.people = [(p["mentions"], [m["start"] for m in p["spans"]]) for p in result.get("people", [])]
    d.raw = [(s["start"], s["end"]) for s in sentences]
    d.tokens = [tokenizer.tokenize(one_line(t)) for t in d.sentences]
    d.unigrams = [collections.Counter(t) for t in d.tokens]
    d.bigrams = [collections.Counter(bigrams(t)) for t in d.tokens]
    d.pure = None
    if kind == "pasted":
        # No reference summary: each sentence is pure or not (purity_score: its text is in the article body).
        import purity_score
        body = purity_score.squash(row["body"])
        d.pure = [purity_score.is_pure(t, body) for t in d.sentences]
        refs = []
    elif kind == "bbc":
        refs = list(row["summary_sentences"])
    else:
        refs = row["highlights"]
        if isinstance(refs, str):
            refs = [l for l in refs.split("\n") if l.strip()]
    refs = [one_line(r) for r in refs if tokenizer.tokenize(one_line(r))]
    ref_tokens = [tokenizer.tokenize(r) for r in refs]
    d.reference_text = refs
    d.reference = ref_tokens
    flat = [t for r in ref_tokens for t in r]
    d.reference_unigrams = collections.Counter(flat)
    d.reference_bigrams = collections.Counter(bigrams(flat))
    d.reference_length = len(flat)
    d.lcs = []
    known = {}
    if previous is not None and previous.reference_text == d.reference_text:
        known = dict(zip(previous.sentences, previous.lcs))
    for text, tokens in zip(d.sentences, d.tokens):
        if text in known:
            d.lcs.append(known[text])
            continue
        masks = []
        for r in ref_tokens:
            mask = 0
            if tokens:
                for i in lcs_ind(r, tokens):
                    mask |= 1 << i
            masks.append(mask)
        d.lcs.append(masks)
    return d


def rouge(d, chosen):
    """(R-1, R-2, R-Lsum) F1 of the sentences `chosen` (indices, any order) of document `d`, as rouge-score
    computes them on the newline-joined summary in article order."""
    chosen = sorted(chosen)
    if not chosen or not d.reference_length:
        return (0.0, 0.0, 0.0)
    unigrams = collections.Counter()
    bigram_counts = collections.Counter()
    previous = None
    length = 0
    for i in chosen:
        tokens = d.tokens[i]
        if not tokens:
            continue
        unigrams.update(d.unigrams[i])
        bigram_counts.update(d.bigrams[i])
        if previous is not None:
            bigram_counts[(previous, tokens[0])] += 1
        previous = tokens[-1]
        length += len(tokens)
    if not length:
        return (0.0, 0.0, 0.0)
    r1 = _f1(sum(min(c, d.reference_unigrams.get(t, 0)) for t, c in unigrams.items()), length, d.reference_length)
    r2 = _f1(sum(min(c, d.reference_bigrams.get(t, 0)) for t, c in bigram_counts.items()),
             length - 1, d.reference_length - 1)
    # ROUGE-Lsum, as rouge_score._summary_level_lcs.
    counts_c = unigrams.copy()
    counts_r = d.reference_unigrams.copy()
    hits = 0
    for j, ref in enumerate(d.reference):
        mask = 0
        for i in chosen:
            mask |= d.lcs[i][j]
        index = 0
        while mask:
            if mask & 1:
                t = ref[index]
                if counts_c[t] > 0 and counts_r[t] > 0:
                    hits += 1
                    counts_c[t] -= 1
                    counts_r[t] -= 1
            mask >>= 1
            index += 1
    rl = _f1(hits, length, d.reference_length)
    return (r1, r2, rl)


def _f1(hits, candidate, reference):
    if hits <= 0 or candidate <= 0 or reference <= 0:
        return 0.0
    p, r = hits / candidate, hits / reference
    return 2 * p * r / (p + r)


def cache_path(corpus, tag="features"):
    name = os.path.splitext(os.path.basename(corpus))[0]
    corpus_name = os.path.basename(os.path.dirname(os.path.abspath(corpus)))
    return os.path.join(CACHE_DIR, f"{tag}-{corpus_name}-{name}.pkl")


def dump(binary, corpus, out, limit=None, options=None, reuse=None):
    """Runs nutshell over `corpus` and writes the documents to `out`. `reuse`: an earlier dump of the same
    corpus whose LCS masks are taken for sentences that did not change (the slow part)."""
    rows = common.load_jsonl(corpus, limit)
    kind = "bbc" if "summary_sentences" in rows[0] else "pasted" if "pasted" in rows[0] else "cnndm"
    if kind == "pasted":
        tools = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(corpus))), "..", "tools")
        sys.path.insert(0, os.path.normpath(tools))
    texts = [r["body"] if kind == "bbc" else r["pasted"] if kind == "pasted" else r["article"] for r in rows]
    ks = [len(r["summary_sentences"]) if kind == "bbc" else 3 for r in rows]
    per_line = [{"sentences": k, **(options or {})} for k in ks]
    results, seconds = common.run_nutshell(binary, texts, per_line)
    tokenizer = rouge_tokenizer()
    earlier = {}
    if reuse and os.path.exists(reuse):
        earlier = {d.id: d for d in load(reuse)["documents"]}
    documents = [build_document(r, kind, k, res, tokenizer, earlier.get(r.get("id")))
                 for r, k, res in zip(rows, ks, results)]
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "wb") as f:
        pickle.dump({"corpus": corpus, "kind": kind, "binary": binary, "documents": documents}, f)
    print(f"{len(documents)} documents from {corpus} ({1000 * seconds / len(rows):.2f} ms/article in nutshell) "
          f"→ {out}", file=sys.stderr)
    return documents


def load(path):
    class Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            return Document if name == "Document" else super().find_class(module, name)

    with open(path, "rb") as f:
        return Unpickler(f).load()


def check(path, limit=200):
    """This module's ROUGE against rouge-score on nutshell's own summaries."""
    from rouge_score import rouge_scorer
    data = load(path)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    worst = 0.0
    for d in data["documents"][:limit]:
        ours = rouge(d, d.summary)
        if not d.summary:
            continue
        reference = "\n".join(d.reference_text)
        summary = "\n".join(one_line(d.sentences[i]) for i in sorted(d.summary))
        got = scorer.score(reference, summary)
        theirs = (got["rouge1"].fmeasure, got["rouge2"].fmeasure, got["rougeLsum"].fmeasure)
        worst = max(worst, max(abs(a - b) for a, b in zip(ours, theirs)))
    print(f"largest difference from rouge-score over {min(limit, len(data['documents']))} documents: {worst:.2e}")
    return worst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--corpus", required=True)
    d.add_argument("--bin", default=common.default_binary())
    d.add_argument("--out", default=None)
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--reuse", default=None, help="an earlier dump of the corpus: LCS masks of unchanged sentences")
    c = sub.add_parser("check")
    c.add_argument("--cache", required=True)
    c.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.bin, args.corpus, args.out or cache_path(args.corpus), args.limit, reuse=args.reuse)
    else:
        check(args.cache, args.limit)


if __name__ == "__main__":
    # Run as the `features` module, so pickled documents name a class their readers can import.
    import features
    features.main()
