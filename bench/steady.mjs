// Summarizes a corpus's articles ROUNDS times in turn through the package's Node entry (npm/node.js), for
// `bench/counts.sh`, which counts V8's work under valgrind at two round counts and keeps the difference (the
// steady state, without start-up).
//
//   node bench/steady.mjs CORPUS ROUNDS

import { fileURLToPath } from "node:url";
import { loadArticles } from "./corpus.mjs";

const [corpus, rounds] = [process.argv[2], Number(process.argv[3])];
const nutshell = await import(fileURLToPath(new URL("../npm/node.js", import.meta.url)));
const texts = loadArticles(corpus).map((a) => a.text);
let sentences = 0;
for (let r = 0; r < rounds; r++) for (const text of texts) sentences += nutshell.summarize(text).sentences.length;
console.log(sentences);
