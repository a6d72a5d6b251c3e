// The TypeScript types, checked by `tsc --noEmit` in a fresh project that installed the packed package:
// the README's TypeScript example compiles (with "bundler" and with "node16" module resolution), real results
// of summarize and split are assignable to `Summary` and `Segmentation` with no field missing and none extra
// (object literals get TypeScript's excess-property check), and wrong calls are rejected.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { packAndInstall, readmeExamples, repoRoot, sh, writeExamples } from "./harness.mjs";

const tsc = `${repoRoot}node_modules/typescript/bin/tsc`;
let installed;

before(async () => {
  installed = await packAndInstall();
});
after(() => installed?.cleanup());

const compilerOptions = {
  bundler: { module: "esnext", moduleResolution: "bundler", target: "es2022" },
  node16: { module: "node16", moduleResolution: "node16", target: "es2022" },
};

/** Runs tsc --noEmit over `files` with the given resolution; resolves to { ok, output }. */
async function typecheck(files, resolution) {
  const config = path.join(installed.project, `tsconfig.${resolution}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions[resolution],
        lib: ["es2022", "dom"],
        strict: true,
        noEmit: true,
        skipLibCheck: false, // check the package's own .d.ts files too
        types: [],
      },
      files: files.map((file) => path.relative(installed.project, file)),
    }),
  );
  try {
    const { stdout } = await sh(process.execPath, [tsc, "--noEmit", "-p", config], { cwd: installed.project });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: error.message };
  }
}

test("README: the TypeScript example compiles with tsc --noEmit (bundler and node16 resolution)", async () => {
  assert.ok(readmeExamples().has("typescript.ts"));
  const [file] = writeExamples(installed.project, ["typescript.ts"]);
  for (const resolution of Object.keys(compilerOptions)) {
    const { ok, output } = await typecheck([file], resolution);
    assert.ok(ok, `${resolution}:\n${output}`);
  }
});

test("real results match the types field for field: nothing missing, nothing extra", async () => {
  const glue = await import(`${repoRoot}pkg/nutshell.js`);
  glue.initSync({ module: readFileSync(`${repoRoot}pkg/nutshell_bg.wasm`) });
  // Texts chosen so that every nullable field is seen both ways: a title and none, a byline, roles and no
  // role, quotes with and without a speaker, removed chrome.
  const sample = readFileSync(`${repoRoot}www/sample.txt`, "utf8").split("\n");
  const texts = [
    [sample[0], "", "By Jane Smith, BBC News", "", ...sample.slice(1)].join("\n"),
    "A team from Lisbon has won the prize. Joana Ferreira said the money would pay for two developers.",
    "",
  ];
  const summaries = texts.map((text) => glue.summarize(text, {}));
  const seen = {
    title: summaries.map((s) => s.title === null),
    authors: summaries.some((s) => s.authors.length > 0),
    role: summaries.flatMap((s) => s.people.map((p) => p.role === null)),
    speaker: summaries.flatMap((s) => s.quotes.map((q) => q.speaker === null)),
    removed: summaries.some((s) => s.removed.length > 0),
  };
  for (const key of ["title", "role", "speaker"]) {
    assert.ok(seen[key].includes(true) && seen[key].includes(false), `the texts should show ${key} both null and set`);
  }
  assert.ok(seen.authors && seen.removed);
  const segmentations = texts.map((text) => glue.split(text, {}));
  const file = path.join(installed.project, "shape.ts");
  writeFileSync(
    file,
    [
      'import type { Features, Segmentation, Summary, Weights } from "nutshell-summarizer";',
      `export const summaries: Summary[] = ${JSON.stringify(summaries)};`,
      `export const segmentations: Segmentation[] = ${JSON.stringify(segmentations)};`,
      // Weights name exactly the features.
      "export const weights: Weights = {} as Features;",
      "export const features: Features = {} as Weights;",
    ].join("\n"),
  );
  const { ok, output } = await typecheck([file], "bundler");
  assert.ok(ok, `the result's shape and npm/index.d.ts differ — update the types to match src/result.rs:\n${output.slice(0, 4000)}`);
});

test("the types reject wrong calls (they are not `any`)", async () => {
  const file = path.join(installed.project, "wrong.ts");
  writeFileSync(
    file,
    [
      'import { summarize, split } from "nutshell-summarizer";',
      'import { createSummarizer } from "nutshell-summarizer/worker";',
      'summarize("text", { sentence: 3 });',
      'summarize("text", { quotes: "sometimes" });',
      "summarize(42);",
      'const n: string = summarize("text").summary[0];',
      'const t: number = split("text").title;',
      'createSummarizer().then((s) => { const r: string = s.version; s.summarize("x").then((x) => x.people[0].nickname); });',
    ].join("\n"),
  );
  const { ok, output } = await typecheck([file], "bundler");
  assert.equal(ok, false);
  const errorLines = output.split("\n").filter((line) => /error TS\d+/.test(line));
  const lines = new Set(errorLines.map((line) => Number(line.match(/\((\d+),\d+\)/)?.[1])));
  assert.deepEqual([...lines].sort((a, b) => a - b), [3, 4, 5, 6, 7, 8], output);
});
