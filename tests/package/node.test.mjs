// The packed package in Node (the Node this machine has; the package promises ≥ 18): installed into a fresh
// project with `npm install <tgz>`, imported by name, and the README's Node examples run as they stand.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { packAndInstall, repoRoot, sh, writeExamples } from "./harness.mjs";

let installed;
before(async () => {
  installed = await packAndInstall();
});
after(() => installed?.cleanup());

const node = (args, options = {}) => sh(process.execPath, args, { cwd: installed.project, ...options });

test("README: the Node example prints the title, a two-sentence summary and the people", async () => {
  const [file] = writeExamples(installed.project, ["node.mjs"]);
  const { stdout } = await node([file]);
  const lines = stdout.trim().split("\n");
  assert.equal(lines[0], "Ada Lovelace Prize goes to Lisbon team");
  assert.equal(lines.filter((line) => line.startsWith("- ")).length, 2, stdout);
  assert.match(stdout, /^Maria Okafor \(.*\)$/m);
  assert.match(stdout, /^Joana Ferreira \(.*\)$/m);
});

test("README: the Node worker example answers through a worker thread, and the process exits on its own", async () => {
  const [file] = writeExamples(installed.project, ["node-worker.mjs"]);
  const { stdout } = await node([file], { timeout: 30_000 });
  assert.match(stdout, /^nutshell 0\.1\.0: [1-9]\d* of 4 sentences$/m);
});

test("the name resolves to the Node entry, which gives the same result as the .wasm loaded by hand", async () => {
  const text = readFileSync(`${repoRoot}www/sample.txt`, "utf8");
  writeFileSync(path.join(installed.project, "input.txt"), text);
  const out = JSON.parse(
    await runScript(
      "resolve.mjs",
      `import { readFileSync, writeFileSync } from "node:fs";
      import * as nutshell from "nutshell-summarizer";
      const text = readFileSync("input.txt", "utf8");
      console.log(JSON.stringify({
        resolved: import.meta.resolve("nutshell-summarizer"),
        worker: import.meta.resolve("nutshell-summarizer/worker"),
        wasm: import.meta.resolve("nutshell-summarizer/nutshell_bg.wasm"),
        version: nutshell.version(),
        result: nutshell.summarize(text, { sentences: 4 }),
        split: nutshell.split(text).sentences.length,
      }));`,
    ),
  );
  assert.ok(out.resolved.endsWith("/node_modules/nutshell-summarizer/npm/node.js"), out.resolved);
  assert.ok(out.worker.endsWith("/node_modules/nutshell-summarizer/npm/node-worker.js"), out.worker);
  assert.ok(out.wasm.endsWith("/node_modules/nutshell-summarizer/pkg/nutshell_bg.wasm"), out.wasm);
  assert.equal(out.version, "0.1.0");

  const glue = await import(`${repoRoot}pkg/nutshell.js`);
  glue.initSync({ module: readFileSync(`${repoRoot}pkg/nutshell_bg.wasm`) });
  // Through JSON, as the child process printed it (-0 prints as 0).
  assert.deepEqual(out.result, JSON.parse(JSON.stringify(glue.summarize(text, { sentences: 4 }))));
  assert.equal(out.result.summary.length, 4);
  assert.equal(out.split, glue.split(text, {}).sentences.length);
});

/** Writes `code` into the project as `name` and runs it with Node; resolves to what it printed. */
async function runScript(name, code) {
  const file = path.join(installed.project, name);
  writeFileSync(file, code);
  return (await node([file], { timeout: 30_000 })).stdout;
}

test("init() is optional in Node, resolves, and accepts the .wasm's bytes, path or file: URL", async () => {
  const script = `
    import init, { initSync, summarize } from "nutshell-summarizer";
    const before = summarize("One sentence here. And another one.").sentences.length;
    await init();
    await init(new URL(import.meta.resolve("nutshell-summarizer/nutshell_bg.wasm")));
    console.log(before);`;
  assert.equal((await runScript("init.mjs", script)).trim(), "2");
});

test("wrong input and wrong options throw errors that say what to fix", async () => {
  const script = `
    import { summarize } from "nutshell-summarizer";
    const messages = [];
    for (const call of [() => summarize(42), () => summarize("Text.", { sentences: 0 }), () => summarize("Text.", { sentence: 2 }),
                        () => summarize("Text.", { sentences: 2, ratio: 0.5 }), () => summarize("Text.", { maxInputBytes: 2 })]) {
      try { call(); messages.push("no error"); } catch (error) { messages.push(error.constructor.name + ": " + error.message); }
    }
    console.log(JSON.stringify(messages));`;
  const messages = JSON.parse(await runScript("errors.mjs", script));
  assert.match(messages[0], /^TypeError: .*must be a string, got a value of type number/);
  assert.match(messages[1], /^Error: invalid option `sentences`/);
  assert.match(messages[2], /^Error: invalid option `sentence`/);
  assert.match(messages[3], /^Error: invalid option `ratio`: cannot be combined/);
  assert.match(messages[4], /^Error: the text is too long/);
});

test("the worker's promises reject with the same messages, and terminate() rejects what is still waiting", async () => {
  const script = `
    import { createSummarizer } from "nutshell-summarizer/worker";
    const s = await createSummarizer();
    const out = [];
    await s.summarize("Text.", { sentences: 0 }).catch((e) => out.push(e.message));
    await s.summarize("Text.", { notAnOption: () => 1 }).catch((e) => out.push(e.message));
    const many = await Promise.all([1, 2, 3].map((n) => s.summarize("The bridge shut. The ferry ran. The mayor spoke. The town waited.", { sentences: n })));
    out.push(many.map((r) => r.summary.length).join(","));
    const split = await s.split("One here. Two here.");
    out.push(String(split.sentences.length));
    const waiting = s.summarize("Late. Very late.");
    s.terminate();
    await waiting.catch((e) => out.push(e.message));
    await s.summarize("After.").catch((e) => out.push(e.message));
    console.log(JSON.stringify(out));`;
  const out = JSON.parse(await runScript("worker-errors.mjs", script));
  assert.match(out[0], /^invalid option `sentences`/);
  assert.match(out[1], /cannot send this request to the worker/);
  assert.equal(out[2], "1,2,3");
  assert.equal(out[3], "2");
  assert.match(out[4], /terminated/);
  assert.match(out[5], /terminated/);
});
