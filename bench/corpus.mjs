// The texts every part of the benchmark runs on: the corpus's articles, the scaling inputs (concatenated real
// articles cut to a size) and the adversarial shapes. Everything is deterministic, so nutshell and each peer
// see the same bytes in the same order.

import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * The articles of a corpus: a JSON-lines file (text from `text`, else `body`, else `article`, as the CLI's
 * --jsonl reads them) or a plain text file, which is one article.
 */
export function loadArticles(path, limit = Infinity) {
  const raw = readFileSync(path, "utf8");
  if (!path.endsWith(".jsonl")) return [{ id: basename(path), text: raw }];
  const articles = [];
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const text = row.text ?? row.body ?? row.article;
    if (typeof text !== "string" || !text.trim()) continue;
    articles.push({ id: String(row.id ?? articles.length), text });
    if (articles.length >= limit) break;
  }
  return articles;
}

/**
 * Articles for the scaling inputs: the corpus's larger sibling when there is one (`validation.jsonl` beside
 * `dev.jsonl`, 1,917 CNN/DailyMail articles, 7.4 MB), so that a 10 MB input is mostly different articles with
 * different people rather than the same 75 repeated.
 */
export function scalingArticles(corpusPath) {
  const sibling = join(dirname(corpusPath), "validation.jsonl");
  const path = corpusPath.endsWith("dev.jsonl") && existsSync(sibling) ? sibling : corpusPath;
  return { path, articles: loadArticles(path) };
}

/** `bytes` UTF-8 bytes of articles joined by blank lines (cycling when they run out), cut at a space. */
export function concatenated(articles, bytes) {
  const parts = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const text = articles[i % articles.length].text.trim();
    parts.push(text);
    total += Buffer.byteLength(text) + 2;
  }
  return cutAt(parts.join("\n\n"), bytes);
}

/** The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends before a space (or anywhere, if none). */
export function cutAt(text, bytes) {
  const buffer = Buffer.from(text);
  if (buffer.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (buffer[end] & 0xc0) === 0x80) end--;
  const cut = buffer.subarray(0, end).toString();
  const space = cut.lastIndexOf(" ");
  return space > cut.length * 0.9 ? cut.slice(0, space) : cut;
}

/** A small deterministic generator (mulberry32), so generated inputs are the same in every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The adversarial shapes: inputs built to hit whatever could be quadratic or explode — deep quote nesting,
 * one name over and over, a sea of capitalised words (every pair a name candidate), text without sentence
 * ends, and 10 MB on one line. `scale` shrinks them for a smoke run.
 */
export function adversarialInputs(articles, scale = 1) {
  const n = (count) => Math.max(1, Math.round(count * scale));
  const next = random(7);
  const syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "di", "mar", "os", "qui", "bel", "zan", "he"];
  const word = () => {
    let w = "";
    for (let i = 0, k = 2 + Math.floor(next() * 2); i < k; i++) w += syllables[Math.floor(next() * syllables.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const prose = concatenated(articles, n(1_000_000));
  return [
    {
      name: "nested quotes",
      what: `${n(5000)} levels of “ ‘ quotes, then as many closes`,
      text: "“He said ‘".repeat(n(5000)) + "it is over" + "’ she said”".repeat(n(5000)) + ".",
    },
    {
      name: "straight quotes",
      what: `${n(20000)} sentences opening a " and never closing it`,
      text: 'Smith said "we will win. '.repeat(n(20000)),
    },
    {
      name: "one name repeated",
      what: `"Vladimir Putin said." ${n(100000)} times`,
      text: "Vladimir Putin said. ".repeat(n(100000)),
    },
    {
      name: "capitalised words",
      what: `${n(100000)} random capitalised words, no punctuation`,
      text: Array.from({ length: n(100000) }, word).join(" "),
    },
    {
      name: "no punctuation",
      what: `${(prose.length / 1e6).toFixed(1)} MB of articles without . , ! ? ; : quotes or line breaks`,
      text: prose.replace(/[.,!?;:"“”‘’'\n]+/g, " "),
    },
    {
      name: "single line",
      what: `${n(10_000_000) / 1e6} MB of articles on one line`,
      text: concatenated(articles, n(10_000_000)).replace(/\s*\n\s*/g, " "),
    },
  ];
}

/**
 * Runs `f` once and returns its CPU time (this process, user + system) and wall-clock time, in milliseconds,
 * beside its result. The machine the benchmark runs on is shared: CPU time is what the code costs, wall time
 * adds whatever else was running.
 */
export function cpuTimed(f) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = f();
  const wall_ms = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { result, wall_ms, cpu_ms: (cpu.user + cpu.system) / 1000 };
}
