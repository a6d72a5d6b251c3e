"""Fits the default weights of nutshell's scorer (src/score.rs) to ROUGE on CNN/DailyMail and BBC News.

nutshell runs once per corpus (`features.py dump`): every sentence's features, as the real build computes
them, go to a cache. This script then scores any weights offline — the summary each document would get is
chosen by a copy of `src/select.rs` (ranking, redundancy, dangling references, in Python) and scored with
`features.rouge`, rouge-score's own numbers — so a search over weights costs seconds per step, not a rerun.

1. Warm start: logistic regression of the greedy oracle's sentences (those that raise the summary's ROUGE
   against the reference) on the features, each corpus weighted equally.
2. Coordinate ascent on the objective itself: mean ROUGE (R-1, R-2, R-Lsum) on cnndm/validation plus
   `--bbc-weight` × the same on bbc/dev (one scorer for both: no per-corpus switch), over shrinking steps.
   Fitted on the even rows of each corpus; the odd rows are reported as held out, then the same search
   runs on all rows for the defaults.
3. Prints the weights as Rust for `Weights::default()` and the table per corpus and outlet.

    bash eval/run.sh rouge --help >/dev/null     # sets up eval/.venv once
    cargo build --release --bin nutshell
    for c in cnndm/validation bbc/dev cnndm/dev pasted/dev; do
      eval/.venv/bin/python eval/features.py dump --corpus ../shared/data/$c.jsonl
    done
    eval/.venv/bin/python eval/fit_weights.py
`--check` only compares the Python selection with the summaries the binary chose (they should agree).
"""
import argparse
import hashlib
import math
import os
import pickle
import re
import sys
import time

import numpy as np

import features as F

# As src/score.rs: content words for redundancy (lower-case, no possessive, 3+ characters, no stop word).
WORD = re.compile(r"[^\W_](?:[^\W_]|['’\-.&‐](?=[^\W_]))*")
STOPWORDS = set("the and for that with was were this from have has had are but not his her they their been will "
                "would said says which who after about more also into than when what there over its it's she him "
                "one out all can could".split())
# As src/select.rs.
MAX_CHAIN = 2
MAX_OVERLAP = 0.6
REDUNDANCY_CHECKS = 64
QUOTED_SHARE = 0.25
PREFER_LIFT = 0.25


def content_keys(sentence):
    keys = set()
    for w in WORD.findall(sentence):
        w = w.lower()
        for s in ("’s", "'s"):
            if w.endswith(s):
                w = w[:-2]
        if len(w) > 2 and w not in STOPWORDS:
            keys.add(w)
    return frozenset(keys)


class Prepared:
    """A document's feature matrix and what selection needs, for fast repeated evaluation."""

    def __init__(self, d, names):
        self.d = d
        self.n = len(d.sentences)
        self.X = np.array([[f.get(name, 0.0) for name in names] for f in d.features], dtype=float).reshape(self.n, len(names))
        self.keys = [content_keys(s) for s in d.sentences]
        self.dangling = [f.get("reference", 0.0) > 0.5 for f in d.features]
        self.quoted = [f.get("quotes", 0.0) >= QUOTED_SHARE for f in d.features]
        self.quotes_column = names.index("quotes") if "quotes" in names else None
        self.pure = getattr(d, "pure", None)
        self.memo = {}


def overlap(a, b):
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def select(p, scores, count, max_overlap, quotes="allow", w=None):
    """src/select.rs for a sentence count: indices in article order. `w`: the weights behind `scores`, which
    `quotes="prefer"` needs (it takes back the quotes feature's penalty)."""
    n = p.n
    if n == 0:
        return ()
    count = min(count, n)
    if quotes == "prefer":
        spread = (scores.max() - scores.min()) or 1.0
        penalty = np.zeros(n)
        if w is not None and p.quotes_column is not None:
            penalty = np.minimum(0.0, p.X[:, p.quotes_column] * w[p.quotes_column])
        keyed = [(False, -(s - penalty[i] + spread * PREFER_LIFT if q else s), i)
                 for i, (s, q) in enumerate(zip(scores, p.quoted))]
    elif quotes == "avoid":
        keyed = [(q, -s, i) for i, (s, q) in enumerate(zip(scores, p.quoted))]
    else:
        keyed = [(False, -s, i) for i, s in enumerate(scores)]
    ranked = [i for _, _, i in sorted(keyed)]
    chosen = [False] * n
    picked = []

    def block_for(i):
        if chosen[i]:
            return None
        start = i
        while start > 0 and p.dangling[start] and not chosen[start - 1]:
            if i - start == MAX_CHAIN:
                return None
            start -= 1
        return range(start, i + 1)

    def try_add(block):
        new = [j for j in block if not chosen[j]]
        if not new or len(picked) + len(new) > count:
            return False
        for j in reversed(new):
            chosen[j] = True
            picked.append(j)
        return True

    check = count < n
    for i in ranked:
        if len(picked) >= count:
            break
        if chosen[i] or (check and any(overlap(p.keys[c], p.keys[i]) > max_overlap for c in picked[:REDUNDANCY_CHECKS])):
            continue
        block = block_for(i)
        if block is not None:
            try_add(block)
    for i in ranked:
        if len(picked) >= count:
            break
        block = block_for(i)
        if block is not None:
            try_add(block)
    for i in ranked:
        if len(picked) >= count:
            break
        if not chosen[i]:
            try_add([i])
    return tuple(sorted(picked))


def scores_of(preps, w, max_overlap, quotes="allow"):
    """(documents × 3) ROUGE F1 ×100 of the summaries the weights `w` choose."""
    out = np.zeros((len(preps), 3))
    for j, p in enumerate(preps):
        if p.n == 0:
            continue
        chosen = select(p, p.X @ w, p.d.k, max_overlap, quotes, w)
        r = p.memo.get(chosen)
        if r is None:
            r = p.memo[chosen] = F.rouge(p.d, chosen)
        out[j] = r
    return out * 100


# ----- oracle and warm start ------------------------------------------------------------------------------------

def oracle(d, limit=60):
    """Greedy oracle: sentences added while they raise mean(R-1, R-2, R-Lsum), up to k (first `limit` only)."""
    chosen, best = [], 0.0
    for _ in range(d.k):
        pick, pick_v = None, best
        for i in range(min(len(d.sentences), limit)):
            if i not in chosen:
                v = sum(F.rouge(d, chosen + [i])) / 3
                if v > pick_v:
                    pick, pick_v = i, v
        if pick is None:
            break
        chosen.append(pick)
        best = pick_v
    return sorted(chosen)


def oracles(documents, cache):
    """Oracle labels, cached by document id and sentence texts."""
    known = pickle.load(open(cache, "rb")) if os.path.exists(cache) else {}
    changed = False
    out = []
    for d in documents:
        key = (d.id, hashlib.sha1("\n".join(d.sentences).encode("utf-8")).hexdigest(), d.k)
        if key not in known:
            known[key] = oracle(d)
            changed = True
        out.append(known[key])
    if changed:
        with open(cache, "wb") as f:
            pickle.dump(known, f)
    return out


def logistic(X, y, sample_weight, l2=1e-2, iters=25):
    """L2-regularised logistic regression by Newton's method: (weights, intercept)."""
    X1 = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(X1.shape[1])
    sw = sample_weight / sample_weight.mean()
    reg = l2 * np.eye(len(w))
    reg[-1, -1] = 0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X1 @ w)))
        g = X1.T @ ((p - y) * sw) / len(y) + reg @ w
        H = (X1 * (p * (1 - p) * sw)[:, None]).T @ X1 / len(y) + reg
        w -= np.linalg.solve(H, g)
    return w[:-1], w[-1]


def warm_start(corpora, names):
    Xs, ys, ws = [], [], []
    for preps, labels in corpora:
        rows = sum(p.n for p in preps)
        for p, chosen in zip(preps, labels):
            if p.n == 0:
                continue
            y = np.zeros(p.n)
            y[list(chosen)] = 1
            Xs.append(p.X)
            ys.append(y)
            ws.append(np.full(p.n, 1.0 / rows))
    w, _ = logistic(np.vstack(Xs), np.concatenate(ys), np.concatenate(ws))
    return w


# ----- search -----------------------------------------------------------------------------------------------------

def purity_of(preps, w, max_overlap):
    """Mean purity ×100 of the pasted pages' 3-sentence summaries (purity_score.score's first number)."""
    total = 0.0
    for p in preps:
        if p.n:
            chosen = select(p, p.X @ w, 3, max_overlap)
            total += sum(p.pure[i] for i in chosen) / 3
    return 100 * total / max(len(preps), 1)


def lead_scores(preps):
    """Per-document ROUGE ×100 of Lead-k on nutshell's sentences (computed once per document)."""
    for p in preps:
        if not hasattr(p, "lead"):
            p.lead = np.array(F.rouge(p.d, range(min(p.d.k, p.n)))) * 100
    return np.array([p.lead for p in preps])


class Objective:
    """What the search maximises, one scorer for every corpus: Σ over CNN/DM outlets of the mean over R-1, R-2
    and R-Lsum of (gain over Lead-3 − `penalty` × the gain's shortfall below zero), plus `bbc_weight` × BBC's
    mean ROUGE, plus `purity_weight` × the purity (×100) of pasted pages' summaries, less `penalty` × its
    shortfall below `purity_floor`. Each outlet must beat the lead on every metric, not one at another's cost;
    `margin` moves the shortfall's threshold above zero, so that a gain fitted on these rows survives on others.
    Pasted pages keep the scorer honest about what clean corpora never show it: headings, teasers, cookie
    notices that survive the cleanup."""

    def __init__(self, cnndm, bbc, bbc_weight, penalty=2.0, margin=0.0, pasted=None, purity_weight=0.0,
                 purity_floor=0.0):
        self.outlets = {}
        for p in cnndm:
            self.outlets.setdefault(p.d.group, []).append(p)
        self.leads = {g: lead_scores(ps).mean(axis=0) for g, ps in self.outlets.items()}
        self.bbc, self.bbc_weight, self.penalty, self.margin = bbc, bbc_weight, penalty, margin
        self.pasted, self.purity_weight, self.purity_floor = pasted, purity_weight, purity_floor

    def __call__(self, w, max_overlap):
        value = 0.0
        for g, ps in self.outlets.items():
            gains = scores_of(ps, w, max_overlap).mean(axis=0) - self.leads[g]
            value += float(np.mean(gains - self.penalty * np.maximum(0.0, self.margin - gains)))
        if self.bbc and self.bbc_weight:
            value += self.bbc_weight * scores_of(self.bbc, w, max_overlap).mean()
        if self.pasted:
            purity = purity_of(self.pasted, w, max_overlap)
            value += self.purity_weight * purity - self.penalty * max(0.0, self.purity_floor - purity)
        return value


def ascent(objective, names, w, max_overlap, steps, frozen=(), log=print):
    """Coordinate ascent over the weights and the redundancy threshold, step sizes shrinking."""
    best = objective(w, max_overlap)
    log(f"start {best:.4f}")
    for step in steps:
        while True:
            improved = False
            for f, name in enumerate(names):
                if name in frozen:
                    continue
                for delta in (step, -step):
                    trial = w.copy()
                    trial[f] = round(trial[f] + delta, 4)
                    value = objective(trial, max_overlap)
                    if value > best + 1e-6:
                        best, w, improved = value, trial, True
                        log(f"{best:.4f}  {name} = {trial[f]:+.3f}")
                        break
            for delta in (0.05, -0.05):
                trial = round(max_overlap + delta, 2)
                if 0.3 <= trial <= 1.0:
                    value = objective(w, trial)
                    if value > best + 1e-6:
                        best, max_overlap, improved = value, trial, True
                        log(f"{best:.4f}  max_overlap = {trial:.2f}")
            if not improved:
                break
    return w, max_overlap, best


def table(label, preps, w, max_overlap, quotes="allow"):
    ours = scores_of(preps, w, max_overlap, quotes)
    lead = lead_scores(preps)
    d = ours - lead
    wins = (d.mean(axis=1) > 1e-9).mean()
    return (f"| {label} | {len(preps)} | " + " / ".join(f"{v:.2f}" for v in ours.mean(0)) + " | " +
            " / ".join(f"{v:.2f}" for v in lead.mean(0)) + " | " + " / ".join(f"{v:+.2f}" for v in d.mean(0)) +
            f" | {wins:.0%} |")


def report(sets, w, max_overlap, quotes="allow", out=sys.stdout):
    print("| rows | n | nutshell R-1 / R-2 / R-Lsum | Lead-k (nutshell's sentences) | difference | wins |", file=out)
    print("|---|--:|--:|--:|--:|--:|", file=out)
    for label, preps in sets:
        if preps and label != "pasted/dev":
            print(table(label, preps, w, max_overlap, quotes), file=out)
    for label, preps in sets:
        if preps and label == "pasted/dev":
            print(f"\npasted/dev purity (3 sentences): {purity_of(preps, w, max_overlap):.1f}", file=out)


def rust_weights(names, w):
    return "\n".join(f"    {name} = {value:.2f};" for name, value in zip(names, w))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cnndm", default=F.cache_path("cnndm/validation.jsonl"), help="dump of cnndm/validation")
    ap.add_argument("--bbc", default=F.cache_path("bbc/dev.jsonl"), help="dump of bbc/dev")
    ap.add_argument("--dev", default=F.cache_path("cnndm/dev.jsonl"), help="dump of cnndm/dev (reported only)")
    ap.add_argument("--pasted", default=F.cache_path("pasted/dev.jsonl"), help="dump of pasted/dev (purity)")
    ap.add_argument("--purity-weight", type=float, default=0.2, help="weight of pasted pages' purity (×100)")
    ap.add_argument("--purity-floor", type=float, default=95.0, help="purity (×100) below which shortfall counts")
    ap.add_argument("--bbc-weight", type=float, default=0.1, help="weight of BBC's mean ROUGE in the objective")
    ap.add_argument("--penalty", type=float, default=2.0, help="weight of an outlet's shortfall below the margin")
    ap.add_argument("--margin", type=float, default=0.5, help="gain over Lead-3 (ROUGE ×100) each outlet should keep")
    ap.add_argument("--outlet", default=None, help="fit on this outlet's cnndm rows only (exploration)")
    ap.add_argument("--features", default=None, help="comma-separated features to fit (default: all in the dump)")
    ap.add_argument("--freeze", default="title,lead,question",
                    help="comma-separated features kept at their current default (default: title — the corpora have no "
                         "headlines, so its weight is a prior, not a fit — and lead and question, tried and kept at 0)")
    ap.add_argument("--start", choices=("logistic", "current", "both"), default="both",
                    help="warm start: logistic regression on oracle labels, the current defaults, or both (the "
                         "better result is kept)")
    ap.add_argument("--steps", default="0.5,0.25,0.1,0.05")
    ap.add_argument("--holdout", action="store_true", help="fit on even rows, report odd rows, stop there")
    ap.add_argument("--check", action="store_true", help="only compare the Python selection with the binary's")
    args = ap.parse_args()

    began = time.time()
    data = {name: F.load(path) for name, path in (("cnndm", args.cnndm), ("bbc", args.bbc), ("dev", args.dev), ("pasted", args.pasted))
            if os.path.exists(path)}
    first = data["cnndm"]["documents"][0]
    names = args.features.split(",") if args.features else list(first.features[0].keys())
    preps = {name: [Prepared(d, names) for d in dump["documents"]] for name, dump in data.items()}
    if args.outlet:
        preps["cnndm"] = [p for p in preps["cnndm"] if p.d.group == args.outlet]
    print(f"loaded {', '.join(f'{k}: {len(v)}' for k, v in preps.items())} in {time.time() - began:.0f} s", file=sys.stderr)

    current = np.array([float(v) for v in current_defaults(names)])
    if args.check:
        for name, ps in preps.items():
            same = sum(1 for p in ps if select(p, p.X @ current, p.d.k, MAX_OVERLAP) == tuple(sorted(p.d.summary)))
            print(f"{name}: the Python selection equals the binary's on {same} of {len(ps)} documents")
        return

    cache = os.path.join(F.CACHE_DIR, "oracle.pkl")
    labels = {name: oracles([p.d for p in ps], cache) for name, ps in preps.items() if name in ("cnndm", "bbc")}
    print(f"oracle labels ready at {time.time() - began:.0f} s", file=sys.stderr)
    steps = [float(s) for s in args.steps.split(",")]
    frozen = set(filter(None, args.freeze.split(",")))

    def fit(rows):
        chosen = {name: [x for i, x in enumerate(ps) if rows(i)] for name, ps in preps.items() if name in ("cnndm", "bbc")}
        chosen_labels = {name: [x for i, x in enumerate(ls) if rows(i)] for name, ls in labels.items()}
        starts = []
        if args.start in ("logistic", "both"):
            w = warm_start([(chosen[n], chosen_labels[n]) for n in chosen], names)
            # The objective is scale-free: the largest weight becomes 3, frozen weights keep their value.
            w = np.round(w / max(abs(w).max(), 1e-9) * 3, 2)
            starts.append(np.where([n in frozen for n in names], current, w))
        if args.start in ("current", "both"):
            starts.append(current.copy())
        # Pasted pages are few (127) and not split: purity guards, it is not what is measured held out.
        objective = Objective(chosen["cnndm"], chosen.get("bbc"), args.bbc_weight, args.penalty, args.margin,
                              preps.get("pasted"), args.purity_weight, args.purity_floor)
        best = None
        for w in starts:
            print("start:", dict(zip(names, w)), file=sys.stderr)
            found = ascent(objective, names, w, MAX_OVERLAP, steps, frozen, log=lambda s: print(s, file=sys.stderr, flush=True))
            if best is None or found[2] > best[2]:
                best = found
        return best

    if args.holdout:
        w, max_overlap, best = fit(lambda i: i % 2 == 0)
        odd = {name: [x for i, x in enumerate(ps) if i % 2 == 1 or name == "pasted"] for name, ps in preps.items()}
        print("\nHeld out (odd rows; fitted on even rows):\n")
        report(groups(odd), w, max_overlap)
        print("\n" + rust_weights(names, w) + f"\n    max_overlap = {max_overlap}")
        return
    w, max_overlap, best = fit(lambda i: True)
    print(f"\nFitted on all rows in {time.time() - began:.0f} s; objective {best:.4f}\n")
    report(groups(preps), w, max_overlap)
    for quotes in ("prefer", "avoid"):
        print(f"\nquotes = {quotes}:\n")
        report(groups(preps), w, max_overlap, quotes)
    print("\nWeights::default() (src/score.rs):\n")
    print(rust_weights(names, w))
    print(f"MAX_OVERLAP (src/select.rs) = {max_overlap}")


def groups(preps):
    out = []
    if "dev" in preps:
        out.append(("cnndm/dev", preps["dev"]))
    if "cnndm" in preps:
        out.append(("cnndm/validation", preps["cnndm"]))
        for outlet in ("cnn", "dailymail"):
            out.append((f"validation, {outlet}", [p for p in preps["cnndm"] if p.d.group == outlet]))
    if "bbc" in preps:
        out.append(("bbc/dev", preps["bbc"]))
    if "pasted" in preps:
        out.append(("pasted/dev", preps["pasted"]))
    return out


def current_defaults(names):
    """The defaults in src/score.rs (`name = value;` lines of the `features!` block)."""
    source = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "score.rs")).read()
    found = dict(re.findall(r"^\s+(\w+) = (-?[\d.]+);$", source, re.M))
    return [found.get(name, 0.0) for name in names]


if __name__ == "__main__":
    main()
