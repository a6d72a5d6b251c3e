"""ROUGE harness (issue 6): nutshell against Lead-k and sumy's TextRank/LexRank, side by side, in one run.

Corpora:
  cnndm  (`article` + `highlights`, a list of bullets or one string): k = 3 (or --sentences);
  bbc    (`body` + `summary_sentences`, extractive references): k = the number of reference sentences.
Scores: Google's rouge-score, ROUGE-1 / ROUGE-2 F1 and ROUGE-Lsum, stemming on; every summary and reference is
one sentence per line (references joined with newlines). nutshell runs through the native CLI (`--jsonl`,
`{"sentences": k}` per document). Systems, all at the same k:
  nutshell                       the summary nutshell returns;
  Lead-k, nutshell sentences     the first k of nutshell's own sentences;
  Lead-k, Punkt                  the first k sentences of nupunkt (the data README's Lead-3);
  TextRank, LexRank (sumy)       on Punkt sentences (default) or nutshell's (--sumy-sentences nutshell), with
                                 English stop words (as sumy's own CLI runs them) and without (sumy's library
                                 default, which gives the data README's BBC figures); --sumy-stop-words picks one.
For nutshell vs each Lead: mean difference with a paired bootstrap 95% interval, and per-article win/tie/loss.
"""
import json
import multiprocessing
import os
import re
import shlex
import sys

import numpy as np

import common

METRICS = ("rouge1", "rouge2", "rougeLsum")
METRIC_NAMES = ("R-1", "R-2", "R-Lsum")


def detect_kind(row):
    if "summary_sentences" in row and "body" in row:
        return "bbc"
    if "highlights" in row and "article" in row:
        return "cnndm"
    sys.exit("rouge.py: cannot tell the corpus kind (expected article+highlights or body+summary_sentences); "
             "pass --kind")


def document_of(row, kind):
    """(text, reference sentences) of a row."""
    if kind == "bbc":
        return row["body"], list(row["summary_sentences"])
    refs = row["highlights"]
    if isinstance(refs, str):
        refs = [l for l in refs.split("\n") if l.strip()]
    return row["article"], list(refs)


def one_line(sentence):
    """A sentence on one line: ROUGE-Lsum splits summaries at newlines, so inner line breaks become spaces."""
    return " ".join(sentence.split())


# ----- sumy, with our own tokenizer (NLTK's punkt data cannot be downloaded here) -----------------------------

class PunktTokenizer:
    """sumy's tokenizer interface: Punkt sentences (nupunkt) and NLTK's Treebank words (no data needed), keeping
    only tokens that sumy's own tokenizer keeps (letters, inner apostrophes and hyphens). This is sumy's default
    pipeline (punkt + word_tokenize) with nupunkt in place of NLTK's punkt model."""
    language = "english"

    def __init__(self):
        from nltk.tokenize import NLTKWordTokenizer
        self._words = NLTKWordTokenizer()
        self._is_word = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$").match

    def to_sentences(self, paragraph):
        return tuple(common.punkt_sentences(paragraph))

    def to_words(self, sentence):
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


_worker = {}


STOP_WORD_CONFIGS = {"english": [("", True)], "none": [("_nostop", False)],
                     "both": [("", True), ("_nostop", False)]}


def _init_worker(sumy_sentences, want_sumy, stop_words="both"):
    from rouge_score import rouge_scorer
    _worker["scorer"] = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    _worker["sumy_sentences"] = sumy_sentences
    if want_sumy:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
        _worker["tokenizer"] = PunktTokenizer()
        summarizers = {}
        for name, cls in (("TextRank", TextRankSummarizer), ("LexRank", LexRankSummarizer)):
            for suffix, with_stop_words in STOP_WORD_CONFIGS[stop_words]:
                s = cls(Stemmer("english"))
                if with_stop_words:
                    s.stop_words = get_stop_words("english")
                summarizers[name + suffix] = s
        _worker["sumy"] = summarizers


def _sumy_document(text, nutshell_sentences):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.parsers.plaintext import PlaintextParser
    tokenizer = _worker["tokenizer"]
    if _worker["sumy_sentences"] == "punkt":
        return PlaintextParser.from_string(text, tokenizer).document
    paragraphs, current, last = [], [], None
    for s in nutshell_sentences:
        if current and s.get("paragraph") != last:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(Sentence(one_line(s["text"]), tokenizer))
        last = s.get("paragraph")
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


def _score(scorer, refs, sentences):
    got = scorer.score("\n".join(one_line(r) for r in refs), "\n".join(one_line(s) for s in sentences))
    return [got[m].fmeasure for m in METRICS]


def _evaluate(task):
    """Worker: the summaries of every system for one article, and their scores."""
    text, refs, k, result, per_sentence = task
    scorer = _worker["scorer"]
    nutshell_sentences = result.get("sentences", []) if "error" not in result else []
    summaries = {
        "nutshell": common.summary_texts(result) if "error" not in result else [],
        "lead_nutshell": [s["text"] for s in nutshell_sentences[:k]],
        "lead_punkt": common.punkt_sentences(text)[:k],
    }
    if "sumy" in _worker:
        document = _sumy_document(text, nutshell_sentences)
        for name, summarizer in _worker["sumy"].items():
            summaries[name] = [str(s) for s in summarizer(document, k)]
    out = {"scores": {n: _score(scorer, refs, s) for n, s in summaries.items()},
           "words": {n: sum(len(s.split()) for s in ss) for n, ss in summaries.items()},
           "sentences": {n: len(ss) for n, ss in summaries.items()}}
    if per_sentence:
        out["sentence_scores"] = [_score(scorer, refs, [s["text"]]) for s in nutshell_sentences]
    return out


# ----- statistics ----------------------------------------------------------------------------------------------

def bootstrap(diffs, resamples, seed):
    """Paired bootstrap of the mean of per-article differences: (mean, low, high) per metric, ×100."""
    diffs = np.asarray(diffs, dtype=float)
    n = len(diffs)
    if n == 0:
        return [(0.0, 0.0, 0.0)] * len(METRICS)
    rng = np.random.default_rng(seed)
    means = np.empty((resamples, diffs.shape[1]))
    step = max(1, 2_000_000 // n)
    for lo in range(0, resamples, step):
        hi = min(resamples, lo + step)
        idx = rng.integers(0, n, size=(hi - lo, n))
        means[lo:hi] = diffs[idx].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5], axis=0)
    return [(100 * m, 100 * l, 100 * h) for m, l, h in zip(diffs.mean(axis=0), low, high)]


def system_rows(kind_k, sumy_label):
    lead = f"Lead-{kind_k}"
    return [
        ("nutshell", "nutshell"),
        ("lead_nutshell", f"{lead}, nutshell's sentences"),
        ("lead_punkt", f"{lead}, Punkt sentences (nupunkt)"),
        ("TextRank", f"TextRank (sumy, {sumy_label}, stop words)"),
        ("TextRank_nostop", f"TextRank (sumy, {sumy_label}, no stop words)"),
        ("LexRank", f"LexRank (sumy, {sumy_label}, stop words)"),
        ("LexRank_nostop", f"LexRank (sumy, {sumy_label}, no stop words)"),
    ]


def print_group(title, members, evaluations, systems, args):
    n = len(members)
    print(f"\n### {title} — {n} article{'s' if n != 1 else ''}\n")
    if n == 0:
        return
    rows = []
    for key, label in systems:
        if key not in evaluations[members[0]]["scores"]:
            continue
        scores = np.array([evaluations[i]["scores"][key] for i in members]) * 100
        words = np.mean([evaluations[i]["words"][key] for i in members])
        sents = np.mean([evaluations[i]["sentences"][key] for i in members])
        rows.append([label, *(f"{v:.2f}" for v in scores.mean(axis=0)), f"{words:.1f}", f"{sents:.2f}"])
    print(common.markdown_table(["summary", *METRIC_NAMES, "words", "sentences"], rows))
    comparison = []
    for key, label in systems[1:]:
        if key not in evaluations[members[0]]["scores"]:
            continue
        ours = np.array([evaluations[i]["scores"]["nutshell"] for i in members])
        theirs = np.array([evaluations[i]["scores"][key] for i in members])
        diffs = ours - theirs
        cells = [f"nutshell − {label}"]
        for (mean, low, high), d in zip(bootstrap(diffs, args.bootstrap, args.seed), diffs.T):
            win, tie = np.sum(d > 1e-12), np.sum(np.abs(d) <= 1e-12)
            cells.append(f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]; {win / n:.0%} win, {tie / n:.0%} tie")
        comparison.append(cells)
    print()
    print(common.markdown_table(["difference (×100), 95% bootstrap CI; per-article wins", *METRIC_NAMES],
                                comparison))


def print_losses(rows, ks, results, evaluations, worst):
    """The articles where nutshell's mean ROUGE falls furthest below Lead-k on its own sentences."""
    gaps = sorted((np.mean(ev["scores"]["nutshell"]) - np.mean(ev["scores"]["lead_nutshell"]), i)
                  for i, ev in enumerate(evaluations))
    print(f"\n### The {min(worst, len(gaps))} articles where nutshell loses most to Lead-k (mean of the three F1)\n")
    for gap, i in gaps[:worst]:
        if gap >= 0:
            break
        result = results[i]
        sentences = result.get("sentences", [])
        print(f"- **{rows[i].get('id')}**: {100 * gap:+.1f}; summary {result.get('summary')} of {len(sentences)} "
              f"sentences (k = {ks[i]})")
        for j in result.get("summary", []):
            print(f"  - [{j}] {' '.join(sentences[j]['text'].split())[:110]}")


def main():
    ap = common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="JSONL corpus (default: <shared>/data/cnndm/dev.jsonl)")
    ap.add_argument("--kind", choices=("auto", "cnndm", "bbc"), default="auto")
    ap.add_argument("--sample", action="store_true", help="only rows with random_sample true")
    ap.add_argument("--sentences", type=int, default=None,
                    help="k for every article (default: 3 on cnndm, the reference's sentence count on bbc)")
    ap.add_argument("--nutshell-args", default="", help="extra arguments for `nutshell --jsonl`, e.g. '--ratio 0.2'")
    ap.add_argument("--sumy-sentences", choices=("punkt", "nutshell"), default="punkt",
                    help="segmentation sumy's TextRank/LexRank work on (default: punkt)")
    ap.add_argument("--sumy-stop-words", choices=("english", "none", "both"), default="both",
                    help="run sumy with its English stop-word list, without, or both (default: both)")
    ap.add_argument("--no-sumy", action="store_true", help="skip TextRank/LexRank (faster)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for scoring")
    ap.add_argument("--bootstrap", type=int, default=10000, help="bootstrap resamples (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--errors", action="store_true",
                    help="list the articles where nutshell loses most to Lead-k on nutshell's sentences")
    ap.add_argument("--worst", type=int, default=10, help="how many articles --errors lists (default 10)")
    ap.add_argument("--dump", metavar="FILE", help="write per-article scores (JSONL) to FILE")
    ap.add_argument("--dump-sentences", action="store_true",
                    help="with --dump: also score every nutshell sentence alone against the reference")
    args = ap.parse_args()

    corpus = args.corpus or common.data_path(args, "cnndm", "dev.jsonl")
    where = (lambda r: r.get("random_sample") is True) if args.sample else None
    rows = common.load_jsonl(corpus, args.limit, where)
    if not rows:
        sys.exit(f"rouge.py: no rows in {corpus}")
    kind = detect_kind(rows[0]) if args.kind == "auto" else args.kind
    docs = [document_of(r, kind) for r in rows]
    ks = [args.sentences or (len(refs) if kind == "bbc" else 3) for _, refs in docs]

    binary = common.describe_binary(args.bin)
    try:
        results, seconds = common.run_nutshell(args.bin, [t for t, _ in docs], [{"sentences": k} for k in ks],
                                               cli_args=shlex.split(args.nutshell_args),
                                               ids=[r.get("id") for r in rows])
    except common.NutshellError as e:
        sys.exit(f"rouge.py: {e}")

    tasks = [(t, refs, k, res, bool(args.dump and args.dump_sentences))
             for (t, refs), k, res in zip(docs, ks, results)]
    init = (args.sumy_sentences, not args.no_sumy, args.sumy_stop_words)
    if args.jobs > 1 and len(tasks) > 1:
        with multiprocessing.Pool(args.jobs, _init_worker, init) as pool:
            evaluations = pool.map(_evaluate, tasks, chunksize=max(1, len(tasks) // (8 * args.jobs)))
    else:
        _init_worker(*init)
        evaluations = [_evaluate(t) for t in tasks]

    k_label = str(ks[0]) if len(set(ks)) == 1 else "k"
    sumy_label = "on Punkt sentences" if args.sumy_sentences == "punkt" else "on nutshell's sentences"
    systems = system_rows(k_label, sumy_label)
    print(f"## ROUGE on `{os.path.relpath(corpus)}`{' (random_sample rows)' if args.sample else ''}")
    print()
    print(binary + (f" `{args.nutshell_args}`" if args.nutshell_args else ""))
    print(f"k = {'reference sentences per article (mean %.2f)' % np.mean(ks) if k_label == 'k' else k_label}; "
          f"rouge-score F1 ×100 with stemming, Lsum over newline-separated sentences; "
          f"nutshell {1000 * seconds / len(rows):.2f} ms/article (whole batch, process included)")
    if not args.no_sumy:
        print("sumy 0.11: TextRank/LexRank with the Snowball stemmer, with sumy's English stop-word list (as its "
              "CLI runs them) and without (its library default); our tokenizer object: nupunkt sentences, NLTK "
              "Treebank words filtered like sumy's own (NLTK's punkt data is unreachable)")
    everyone = list(range(len(rows)))
    print_group("all", everyone, evaluations, systems, args)
    if "outlet" in rows[0]:
        for outlet in sorted({r["outlet"] for r in rows}):
            print_group(f"outlet = {outlet}", [i for i in everyone if rows[i]["outlet"] == outlet],
                        evaluations, systems, args)
    if not args.sample and any(r.get("random_sample") for r in rows):
        print_group("random_sample rows", [i for i in everyone if rows[i].get("random_sample")],
                    evaluations, systems, args)
    if "category" in rows[0]:
        for category in sorted({r["category"] for r in rows}):
            print_group(f"category = {category}", [i for i in everyone if rows[i]["category"] == category],
                        evaluations, systems, args)
    short = [i for i in everyone if "error" not in results[i] and len(results[i].get("sentences", [])) < ks[i]]
    if short:
        empty = [i for i in short if not results[i].get("sentences")]
        print(f"\n**nutshell found fewer than k sentences in {len(short)} article(s)** ({len(empty)} with none), e.g. "
              + ", ".join(f"{rows[i].get('id')} ({len(results[i].get('sentences', []))} sentences, "
                          f"{len(results[i].get('removed', []))} removed spans)" for i in short[:5]))
    common.report_errors(results, [r.get("id") for r in rows])
    if args.errors:
        print_losses(rows, ks, results, evaluations, args.worst)

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for row, k, res, ev in zip(rows, ks, results, evaluations):
                line = {"id": row.get("id"), "k": k,
                        **{key: row[key] for key in ("outlet", "random_sample", "category") if key in row},
                        "sentences": len(res.get("sentences", [])), "summary": res.get("summary", []),
                        "scores": ev["scores"], "words": ev["words"]}
                if "error" in res:
                    line["error"] = res["error"]
                if "sentence_scores" in ev:
                    line["sentence_scores"] = ev["sentence_scores"]
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(f"\nper-article scores written to {args.dump} (scores: [R-1, R-2, R-Lsum] F1 per system)")


if __name__ == "__main__":
    main()
