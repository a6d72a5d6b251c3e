// The packed package in Chromium: unchanged in a page (`<script type="module">` with an import map, on the main
// thread and in a Web Worker), and bundled by Vite (the README's Vite example, built, served, run). Every page is
// served from 127.0.0.1 and must fetch nothing from anywhere else.

import assert from "node:assert/strict";
import { existsSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchChromium, openRecorded, packAndInstall, repoRoot, serveFolder, writeExamples } from "./harness.mjs";

let installed;
let browser;
before(async () => {
  installed = await packAndInstall();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  installed?.cleanup();
});

function assertLocal(record, baseURL) {
  const elsewhere = record.requests.filter((url) => !url.startsWith(`${baseURL}/`));
  assert.deepEqual(elsewhere, [], "requests to another origin");
  assert.deepEqual(record.errors, []);
}

test("README: the page example runs the module unchanged from node_modules", async () => {
  writeExamples(installed.project, ["browser.html"]);
  // The README's examples are inline scripts, so this site allows them; its CSP is otherwise strict.
  const server = await serveFolder(installed.project, { inlineScripts: true });
  try {
    const record = await openRecorded(browser, `${server.baseURL}/browser.html`);
    await record.page.waitForFunction(() => document.querySelector("#summary").textContent !== "", null, { timeout: 20_000 });
    assert.equal(await record.page.textContent("#summary"), "Mayor Lena Brandt opened the new library on Saturday.");
    assert.deepEqual(await record.page.$$eval("#people li", (items) => items.map((li) => li.textContent)), ["Lena Brandt"]);
    assert.ok(record.requests.some((url) => url.endsWith("/node_modules/nutshell-summarizer/pkg/nutshell_bg.wasm")));
    assertLocal(record, server.baseURL);
    await record.context.close();
  } finally {
    await server.close();
  }
});

test("README: the worker example answers from a module Web Worker", async () => {
  writeExamples(installed.project, ["browser-worker.html"]);
  const server = await serveFolder(installed.project, { inlineScripts: true });
  try {
    const record = await openRecorded(browser, `${server.baseURL}/browser-worker.html`);
    await record.page.waitForFunction(() => document.querySelector("#summary").textContent !== "", null, { timeout: 20_000 });
    assert.equal(
      await record.page.textContent("#summary"),
      "The river burst its banks on Monday night. Two hundred homes were flooded.",
    );
    assert.equal(record.page.workers().length, 1, "one worker runs the summarizer");
    assert.ok(record.requests.some((url) => url.endsWith("/npm/worker-thread.js")));
    assertLocal(record, server.baseURL);
    await record.context.close();
  } finally {
    await server.close();
  }
});

test("a page that calls summarize before init() gets an error that says to call init()", async () => {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(
    path.join(installed.project, "early.js"),
    `import { summarize } from "./node_modules/nutshell-summarizer/npm/index.js";
     try { summarize("Too early."); } catch (error) { document.body.dataset.error = error.message; }`,
  );
  writeFileSync(path.join(installed.project, "early.html"), '<!doctype html><script type="module" src="early.js"></script>');
  const server = await serveFolder(installed.project);
  try {
    const record = await openRecorded(browser, `${server.baseURL}/early.html`);
    await record.page.waitForFunction(() => document.body.dataset.error);
    assert.match(await record.page.evaluate(() => document.body.dataset.error), /call `await init\(\)`/);
    await record.context.close();
  } finally {
    await server.close();
  }
});

test("README: the Vite example builds (worker and .wasm emitted as files) and runs in Chromium", async () => {
  writeExamples(installed.project, ["vite/vite.config.js", "vite/index.html", "vite/main.js"]);
  // The app's own devDependency, as `npm install --save-dev vite` would give it (this repository's copy, offline).
  symlinkSync(path.join(repoRoot, "node_modules", "vite"), path.join(installed.project, "node_modules", "vite"), "dir");
  const { build } = await import("vite");
  const root = path.join(installed.project, "vite");
  await build({ root, configFile: path.join(root, "vite.config.js"), logLevel: "warn", build: { outDir: "dist" } });
  const assets = readdirSync(path.join(root, "dist", "assets"));
  assert.ok(assets.some((name) => name.endsWith(".wasm")), `no .wasm among ${assets}`);
  assert.ok(assets.filter((name) => name.endsWith(".js")).length >= 2, `the worker should be its own file: ${assets}`);
  assert.ok(existsSync(path.join(root, "dist", "index.html")));

  // The built app is served with a strict CSP and no inline scripts allowed.
  const server = await serveFolder(path.join(root, "dist"));
  try {
    const record = await openRecorded(browser, `${server.baseURL}/`);
    await record.page.waitForSelector("html[data-state=ready]", { timeout: 20_000 });
    const summary = await record.page.$$eval("#summary li", (items) => items.map((li) => li.textContent));
    assert.equal(summary.length, 2);
    assert.equal(summary[0], "Scientists in Tromsø have counted the town's reindeer for the first time in ten years.");
    assertLocal(record, server.baseURL);
    await record.context.close();
  } finally {
    await server.close();
  }
});
