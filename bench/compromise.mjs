// The JavaScript peer: compromise (bench/package.json pins it), doing less than nutshell does — sentences and
// people only, no summary, no quotes — on the same articles. Spawned by bench/run.mjs; prints one JSON line:
// each article's best CPU and wall-clock time over the rounds.
//
//   node bench/compromise.mjs CORPUS [--limit N] [--rounds R]

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpuTimed, loadArticles } from "./corpus.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const articles = loadArticles(args[0], option("--limit", Infinity));
const rounds = Math.max(1, option("--rounds", 3));

const require = createRequire(import.meta.url);
const nlp = require("compromise");
const version = JSON.parse(readFileSync(new URL("node_modules/compromise/package.json", import.meta.url), "utf8")).version;

const work = (text) => {
  const doc = nlp(text);
  return doc.sentences().out("array").length + doc.people().out("array").length;
};

work(articles[0].text); // warm-up: compromise builds its lexicon on first use
const cpu = articles.map(() => Infinity);
const wall = articles.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  articles.forEach((article, i) => {
    const t = cpuTimed(() => work(article.text));
    cpu[i] = Math.min(cpu[i], t.cpu_ms);
    wall[i] = Math.min(wall[i], t.wall_ms);
  });
}
process.stdout.write(`${JSON.stringify({ version, rounds, cpu_ms: cpu, wall_ms: wall })}\n`);
