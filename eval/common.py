"""Shared by the evaluation harnesses: paths, corpora, and running the real nutshell CLI in batch mode.

nutshell is always run through its native build (`nutshell --jsonl`), never a Python copy: one process per
corpus, one JSON line in and one result line out per document, in order. Spans in a result are UTF-8 byte
offsets (`start`/`end`); Python strings index code points, so texts are taken from a span's `text` field or
sliced from the UTF-8 bytes, never with the byte offsets on a `str`.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

EVAL_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(EVAL_DIR)
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared"))


def default_binary():
    """$NUTSHELL_BIN, else the release binary in $CARGO_TARGET_DIR (or the repo's target/)."""
    if os.environ.get("NUTSHELL_BIN"):
        return os.environ["NUTSHELL_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO_ROOT, "target")
    return os.path.join(target, "release", "nutshell")


def add_common_arguments(parser):
    """Options every harness takes: the binary, the shared folder, the tools folder, --limit."""
    parser.add_argument("--bin", default=default_binary(),
                        help="nutshell binary (default: $NUTSHELL_BIN, else target/release/nutshell)")
    parser.add_argument("--shared", default=os.environ.get("NUTSHELL_SHARED", DEFAULT_SHARED),
                        help="the shared folder with data/ and tools/ (default: ../shared beside the repo)")
    parser.add_argument("--tools", default=None, help="folder of the scoring tools (default: <shared>/tools)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    return parser


def import_tool(args, name):
    """Imports one of the shared scoring tools (people_score, quote_score, purity_score) from --tools."""
    tools = args.tools or os.path.join(args.shared, "tools")
    if not os.path.isfile(os.path.join(tools, name + ".py")):
        sys.exit(f"eval: {name}.py not found in {tools} (pass --tools or --shared)")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    return __import__(name)


def data_path(args, *parts):
    return os.path.join(args.shared, "data", *parts)


def load_jsonl(path, limit=None, where=None):
    """Rows of a JSONL file, optionally filtered by `where(row)` and cut to the first `limit` kept rows."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if where is None or where(row):
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    return rows


class NutshellError(RuntimeError):
    pass


def run_nutshell(binary, texts, options=None, cli_args=(), ids=None):
    """Runs `binary --jsonl` over `texts` (one document each) and returns (results, seconds).

    options: None, one dict for every document, or a list with one dict (or None) per document; sent as the
    line's `options` object. A document that fails comes back as {"error": "..."}: it is kept in place (the
    caller counts it), the batch goes on.
    """
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        raise NutshellError(f"nutshell binary not found at {binary}: build it with `cargo build --release` "
                            "or pass --bin / NUTSHELL_BIN")
    per_doc = options if isinstance(options, list) else [options] * len(texts)
    with tempfile.TemporaryFile("w+b") as stdin:
        for i, text in enumerate(texts):
            line = {"text": text}
            if ids is not None:
                line["id"] = ids[i]
            if per_doc[i]:
                line["options"] = per_doc[i]
            stdin.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
        stdin.seek(0)
        began = time.perf_counter()
        proc = subprocess.run([binary, "--jsonl", *map(str, cli_args)], stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise NutshellError(f"{binary} --jsonl exited with {proc.returncode}: "
                            f"{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    lines = [l for l in proc.stdout.decode("utf-8").split("\n") if l.strip()]
    if len(lines) != len(texts):
        raise NutshellError(f"{binary} --jsonl wrote {len(lines)} results for {len(texts)} documents")
    return [json.loads(l) for l in lines], seconds


def span_text(text, span, encoded=None):
    """The text of a result span: its `text` field, else the UTF-8 byte slice [start, end) of `text`."""
    if span.get("text") is not None:
        return span["text"]
    data = encoded if encoded is not None else text.encode("utf-8")
    return data[span["start"]:span["end"]].decode("utf-8", "replace")


def summary_texts(result):
    """The summary's sentences (texts) in the order nutshell gives them (article order)."""
    sentences = result.get("sentences", [])
    return [sentences[i]["text"] for i in result.get("summary", [])]


def sentence_texts(result):
    return [s["text"] for s in result.get("sentences", [])]


def person_names(person):
    """A person's name and every alias."""
    return [person["name"], *person.get("aliases", [])]


def count_errors(results):
    return sum(1 for r in results if "error" in r)


def report_errors(results, ids, out=sys.stdout, show=5):
    """Prints how many documents failed and the first few messages."""
    bad = [(i, r["error"]) for i, r in zip(ids, results) if "error" in r]
    if bad:
        print(f"\n**{len(bad)} document(s) failed in nutshell**: " +
              "; ".join(f"{i}: {e}" for i, e in bad[:show]) + (" …" if len(bad) > show else ""), file=out)
    return len(bad)


def describe_binary(binary):
    """One line naming the binary and the git commit of the working tree it was built from (best effort)."""
    try:
        commit = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO_ROOT, "status", "--porcelain", "--", "src", "data"],
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(binary))) if os.path.exists(binary) else "?"
    shown = os.path.relpath(binary) if os.path.abspath(binary).startswith(REPO_ROOT + os.sep) else binary
    return f"nutshell: `{shown}` (built {built}; repo HEAD {commit}{', src/ or data/ with uncommitted changes' if dirty else ''})"


def markdown_table(header, rows, align=None):
    """A markdown table: header is a list of column names, rows lists of cells (str)."""
    align = align or ["---"] + ["--:"] * (len(header) - 1)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def parser(description):
    return add_common_arguments(argparse.ArgumentParser(description=description))


def punkt_sentences(text):
    """Sentences by Punkt (the nupunkt package, no downloads): the reference segmentation of the baselines."""
    import nupunkt
    return [s.strip() for s in nupunkt.sent_tokenize(text) if s.strip()]
