// The page in headless Chromium: the sample on load, pasting other articles, length and quote options, errors
// and the friendly messages for empty input.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { bridgeArticle, libraryArticle } from "./articles.mjs";
import { openPage, readResults, repoRoot, startEnvironment, summarize, waitForStatus, waitForSummaryOf } from "./harness.mjs";

// The design's sample: the page's own www/sample.txt is the seed fixture, and its hand-checked expectations are
// the same file the Rust and Node tests read.
const seedText = readFileSync(`${repoRoot}tests/fixtures/seed/input.txt`, "utf8");
const seedExpected = JSON.parse(readFileSync(`${repoRoot}tests/fixtures/seed/expected.json`, "utf8"));
const seedLead = "U.S. negotiators Steve Witkoff and Jared Kushner are set to travel to Russia";

let environment;
before(async () => {
  environment = await startEnvironment();
});
after(async () => {
  await environment?.close();
});

/** Opens the page, runs `body`, then checks that nothing went wrong on the way. */
async function withPage(body) {
  const session = await openPage(environment);
  try {
    await body(session);
    assert.deepEqual(session.pageErrors, [], "page errors");
    assert.deepEqual(session.consoleErrors, [], "console errors");
    assert.deepEqual(session.dialogs, [], "dialogs");
  } finally {
    await session.close();
  }
}

test("the page opens with the sample article summarized: title, 3 sentences, the seven people, lead highlighted", async () => {
  await withPage(async ({ page }) => {
    const sample = await page.inputValue("#input");
    assert.equal(sample, seedText, "www/sample.txt is the seed article");
    const results = await readResults(page);

    assert.equal(results.inputPath, "sample");
    assert.equal(results.status, "done");
    assert.equal(results.title, seedExpected.title);
    assert.equal(results.summary.length, 3);
    const order = results.summary.map((s) => s.index);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), "summary sentences are in article order");
    assert.deepEqual(new Set(results.people.map((p) => p.name)), new Set(seedExpected.people.map((p) => p.name)));
    for (const person of results.people) {
      const expected = seedExpected.people.find((p) => p.name === person.name);
      assert.equal(person.mentions, expected.mentions, `${person.name}: mentions`);
      assert.ok(person.role, `${person.name}: a role is shown`);
      // As tests/seed.rs compares them: a quote's closing comma or full stop is either side of the mark.
      const bare = (quote) => quote.replace(/[,. ]+$/, "");
      assert.deepEqual(person.quotes.map(bare), expected.quotes.map(bare), `${person.name}: quotes`);
    }

    // The source view is the input, exactly, with the summary's sentences marked.
    assert.equal(results.source, sample);
    assert.deepEqual(results.marks.map((m) => m.index), order);
    for (const [i, mark] of results.marks.entries()) assert.equal(mark.text, results.summary[i].text);
    assert.ok(results.marks[0].text.startsWith(seedLead), `lead sentence highlighted, got: ${results.marks[0].text}`);

    // The site's navigation tail is shown struck through, with the reason on hover, and never summarized.
    assert.ok(results.removed.some((r) => r.text.includes("Randi Mahomes")), "navigation teasers are marked removed");
    for (const piece of results.removed) assert.match(piece.title, /^Removed: \S/);
    for (const sentence of results.summary) assert.doesNotMatch(sentence.text, /ago|Mahomes|^Politics$/);
  });
});

test("the page shows what the .wasm gives in Node for the same article: one result, every path", async () => {
  const { summarize: summarizeInNode } = await import("../js/load.mjs");
  const wanted = summarizeInNode(seedText, { sentences: 3, quotes: "allow" });
  await withPage(async ({ page }) => {
    const results = await readResults(page);
    assert.deepEqual(results.summary.map((s) => s.index), wanted.summary);
    assert.deepEqual(results.summary.map((s) => s.text), wanted.summary.map((i) => wanted.sentences[i].text));
    assert.deepEqual(results.people.map((p) => [p.name, p.role, p.mentions, p.quotes]),
      wanted.people.map((p) => [p.name, p.role, p.mentions, p.quotes.map((q) => q.text)]));
    assert.deepEqual(results.removed.map((r) => r.text), wanted.removed.map((r) => r.text));
    assert.equal(results.title, wanted.title ?? "");
  });
});

test("each summary sentence says why it scored, and clicking it scrolls the source to it", async () => {
  await withPage(async ({ page }) => {
    const why = page.locator("#summary > li").first().locator("details.why");
    await why.locator("summary").click();
    const features = await why.locator("tr[data-feature]").evaluateAll((rows) => rows.map((row) => row.dataset.feature));
    for (const name of ["position", "quotes", "entities"]) assert.ok(features.includes(name), `feature ${name} shown, got ${features}`);
    assert.match(await why.locator("tr.total td").last().textContent(), /^-?\d/);

    // Every sentence of the source carries its score on hover.
    const hover = await page.locator("#source [data-sentence-index]").first().getAttribute("title");
    assert.match(hover, /Score -?\d.*position/);

    // The full table of scores, built when opened.
    await page.click("#scores > summary");
    // The table is built on the `toggle` event, which fires after the click returns: wait for rows to appear.
    await page.waitForFunction(() => document.querySelectorAll("#scores tbody tr").length > 0);
    const rows = await page.locator("#scores tbody tr").count();
    assert.equal(String(rows), await page.getAttribute("#results", "data-sentences"));

    // Hovering a person's card marks their mentions in the source; clicking the name scrolls to the first.
    const card = page.locator("#people > li").first();
    const personIndex = await card.getAttribute("data-person-index");
    const mentions = page.locator(`#source .mention[data-person-index="${personIndex}"]`);
    assert.ok(await mentions.count() >= 1, "the first person's mentions are marked in the source");
    await card.hover();
    assert.equal(await page.locator(`#source .mention.active[data-person-index="${personIndex}"]`).count(), await mentions.count());
    await card.locator(".person-name").click();
    await page.waitForFunction((i) => document.querySelector(`#source .mention[data-person-index="${i}"]`).classList.contains("flash"), personIndex);

    const last = page.locator("#summary > li").last();
    const index = await last.getAttribute("data-sentence-index");
    await last.locator(".sentence-link").click();
    const mark = page.locator(`#source mark[data-sentence-index="${index}"]`);
    await page.waitForFunction((i) => {
      const node = document.querySelector(`#source mark[data-sentence-index="${i}"]`);
      const box = document.getElementById("source").getBoundingClientRect();
      const rect = node.getBoundingClientRect();
      return node.classList.contains("flash") && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 && rect.top >= 0 && rect.bottom <= innerHeight;
    }, index);
    assert.equal(await mark.count(), 1);
  });
});

test("pasting another article replaces the summary, the people and the highlights", async () => {
  await withPage(async ({ page }) => {
    await summarize(page, bridgeArticle);
    let results = await readResults(page);
    assert.equal(results.title, "Harbour Bridge Reopens After Two Years of Repairs");
    assert.equal(results.summary.length, 3);
    const names = results.people.map((p) => p.name);
    for (const name of ["Helen Marsh", "Tomas Lindqvist"]) assert.ok(names.includes(name), `${name} in ${names}`);
    for (const { name } of seedExpected.people) assert.ok(!names.includes(name), `${name} from the sample is gone`);
    assert.equal(results.source, bridgeArticle);
    assert.ok(results.marks.length === 3 && results.marks.every((m) => bridgeArticle.includes(m.text)));
    assert.ok(results.marks[0].text.startsWith("The Kelso harbour bridge reopened"), "lead sentence highlighted");

    // A second article, typed over the first.
    await summarize(page, libraryArticle);
    results = await readResults(page);
    assert.ok(results.people.some((p) => p.name === "Ruth Okonkwo"));
    assert.ok(!results.people.some((p) => p.name === "Helen Marsh"));
    assert.ok(results.marks.every((m) => libraryArticle.includes(m.text)));
  });
});

test("the newest input wins: a slower, older request never overwrites a newer one", async () => {
  await withPage(async ({ page }) => {
    await page.fill("#input", bridgeArticle);
    await page.fill("#input", libraryArticle);
    await waitForSummaryOf(page, libraryArticle);
    await page.waitForTimeout(500);
    assert.equal((await readResults(page)).source, libraryArticle);
  });
});

test("length options: sentences, ratio and word budget; quote preference", async () => {
  await withPage(async ({ page }) => {
    await summarize(page, bridgeArticle);

    await page.fill("#sentences", "2");
    await waitForOptions(page, { sentences: 2, quotes: "allow" });
    assert.equal((await readResults(page)).summary.length, 2);

    await page.fill("#ratio", "1");
    await waitForOptions(page, { ratio: 1, quotes: "allow" });
    let results = await readResults(page);
    assert.equal(await page.locator("input[name=length-mode]:checked").getAttribute("value"), "ratio");
    assert.equal(String(results.summary.length), await page.getAttribute("#results", "data-sentences"), "ratio 1 keeps every sentence");

    await page.fill("#words", "30");
    await waitForOptions(page, { words: 30, quotes: "allow" });
    results = await readResults(page);
    assert.ok(results.summary.length >= 1);
    const words = results.summary.map((s) => s.text).join(" ").split(/\s+/).length;
    assert.ok(results.summary.length === 1 || words <= 30, `word budget respected: ${words} words`);

    await page.check("input[name=length-mode][value=sentences]");
    for (const quotes of ["avoid", "prefer", "allow"]) {
      await page.selectOption("#quotes", quotes);
      await waitForOptions(page, { sentences: 2, quotes });
      assert.equal((await readResults(page)).summary.length, 2, `quotes: ${quotes}`);
    }
  });
});

/** Waits until the summary on screen was made with exactly these options. */
async function waitForOptions(page, options) {
  await page.waitForFunction(
    (expected) => document.getElementById("status").dataset.status === "done" &&
      document.getElementById("results").dataset.options === expected,
    JSON.stringify(options),
  );
}

test("bad options are reported clearly, naming the option, and the page recovers", async () => {
  await withPage(async ({ page }) => {
    await page.fill("#sentences", "0");
    let message = await waitForStatus(page, "error");
    assert.match(message, /sentences/);

    await page.fill("#sentences", "");
    message = await waitForStatus(page, "error");
    assert.match(message, /sentences/);

    await page.fill("#ratio", "2");
    await page.waitForFunction(() => /ratio/.test(document.getElementById("status").textContent));
    assert.equal(await page.getAttribute("#status", "data-status"), "error");

    await page.fill("#ratio", "0.5");
    await waitForStatus(page, "done");
    assert.ok((await readResults(page)).summary.length >= 1);
  });
});

test("empty, whitespace-only and one-sentence input get a friendly message, never an exception", async () => {
  await withPage(async ({ page }) => {
    await page.fill("#input", "");
    let message = await waitForStatus(page, "empty");
    assert.match(message, /paste an article/i);
    let results = await readResults(page);
    assert.equal(results.summary.length, 0);
    assert.equal(results.people.length, 0);
    assert.equal(results.source, "");

    await page.fill("#input", "   \n\t  \n ");
    message = await waitForStatus(page, "empty");
    assert.match(message, /paste an article/i);

    const one = "The council approved the new budget on Tuesday.";
    await summarize(page, one);
    results = await readResults(page);
    assert.deepEqual(results.summary.map((s) => s.text), [one]);
    assert.ok(results.notes.some((note) => /only 1 sentence/.test(note)), `a note explains the short summary: ${results.notes}`);
    assert.ok(results.notes.some((note) => /No people/.test(note)));

    // No sentence at all: just a headline-like line.
    await page.fill("#input", "Breaking news");
    await page.waitForFunction(() => ["done", "error"].includes(document.getElementById("status").dataset.status) &&
      document.getElementById("source").textContent === "Breaking news");
    results = await readResults(page);
    assert.ok(results.status === "done" || /\S/.test(results.statusText));
  });
});

test("a dropped .txt file is loaded and summarized", async () => {
  await withPage(async ({ page }) => {
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "bridge.txt", { type: "text/plain" }));
      const input = document.getElementById("input");
      input.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      input.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bridgeArticle);
    await waitForSummaryOf(page, bridgeArticle);
    const results = await readResults(page);
    assert.equal(results.inputPath, "file");
    assert.match(results.inputPathText, /bridge\.txt/);
    assert.equal(await page.inputValue("#input"), bridgeArticle);
  });
});

test("a long text: busy indicator while it runs, the source shows the summary's paragraphs only", async () => {
  await withPage(async ({ page }) => {
    const body = bridgeArticle.split("\n").slice(1).join("\n");
    const long = `${bridgeArticle}\n${Array.from({ length: 160 }, () => body).join("\n")}`;
    assert.ok(long.length > 200_000);
    // Every status the page passes through, from the moment the text arrives.
    await page.evaluate(() => {
      const status = document.getElementById("status");
      window.__statuses = [];
      new MutationObserver(() => window.__statuses.push(status.dataset.status)).observe(status, { attributes: true });
    });
    await page.evaluate((text) => {
      const input = document.getElementById("input");
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, long);
    await page.waitForFunction(() => document.getElementById("status").dataset.status === "done" &&
      document.getElementById("results").dataset.renders === "2", null, { timeout: 60_000 });

    const results = await readResults(page);
    assert.equal(await page.getAttribute("#source", "data-excerpt"), "true");
    assert.ok(results.notes.some((note) => /the source shows the summary's paragraphs only/.test(note)));
    assert.ok(results.source.length < long.length && results.source.includes("not shown"));
    assert.deepEqual(results.marks.map((m) => m.index), results.summary.map((s) => s.index));
    for (const [i, mark] of results.marks.entries()) assert.equal(mark.text, results.summary[i].text);

    // Work that takes longer than ~100 ms shows the busy indicator first.
    const elapsed = Number(/in ([\d.]+) ms/.exec(results.statusText)?.[1] ?? 0);
    const statuses = await page.evaluate(() => window.__statuses);
    if (elapsed > 150) assert.ok(statuses.includes("busy"), `busy shown for a ${elapsed} ms summary: ${statuses}`);
    assert.equal(statuses.at(-1), "done");
  });
});

test("a slow summary shows the time so far, then also an estimate of its progress once the page knows the speed", async () => {
  await withPage(async ({ page }) => {
    const body = bridgeArticle.split("\n").slice(1).join("\n");
    const ofSize = (bytes) => Array.from({ length: Math.ceil(bytes / body.length) }, () => body).join("\n");
    await page.evaluate(() => {
      const progress = document.getElementById("progress");
      const text = document.getElementById("progress-text");
      window.__ticks = [];
      new MutationObserver(() => window.__ticks.push({ text: text.textContent, shown: !progress.hidden, value: progress.value }))
        .observe(text, { childList: true, characterData: true, subtree: true });
    });
    /** Summarizes `text` as typed input; returns its time and the progress shown while it ran. */
    const run = async (text, renders) => {
      await page.evaluate(() => { window.__ticks.length = 0; });
      await page.evaluate((value) => {
        const input = document.getElementById("input");
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, text);
      await page.waitForFunction((n) => document.getElementById("status").dataset.status === "done" &&
        document.getElementById("results").dataset.renders === String(n), renders, { timeout: 120_000 });
      const statusText = await page.textContent("#status-text");
      const elapsed = Number(/in ([\d.]+) ms/.exec(statusText)?.[1]);
      assert.ok(elapsed > 0, statusText);
      assert.equal(await page.textContent("#progress-text"), "", "cleared once done");
      assert.equal(await page.getAttribute("#progress", "hidden"), "");
      return { elapsed, ticks: (await page.evaluate(() => window.__ticks)).filter((tick) => tick.text !== "") };
    };
    /** Ticks are redrawn every 100 ms from 100 ms on, and their time never goes back. */
    const checkTicks = ({ elapsed, ticks }, pattern) => {
      if (elapsed <= 400) return;
      assert.ok(ticks.length >= 2, `progress redrawn while a ${elapsed} ms summary ran: ${JSON.stringify(ticks)}`);
      for (const tick of ticks) assert.match(tick.text, pattern);
      const seconds = ticks.map((tick) => Number.parseFloat(tick.text));
      assert.ok(seconds.every((s, i) => i === 0 || s >= seconds[i - 1]), `the time only grows: ${seconds}`);
    };

    // The first slow summary: only the sample (a few ms) ran before, too quick to measure a speed by, so the page
    // shows the time so far and no estimate.
    const firstText = ofSize(3_000_000);
    const first = await run(firstText, 2);
    checkTicks(first, /^\d+\.\d s$/);
    assert.ok(first.ticks.every((tick) => !tick.shown), JSON.stringify(first.ticks));

    // The next one is estimated from the first one's speed: under 100% while it runs, and growing.
    const secondText = ofSize(6_000_000);
    const second = await run(secondText, 3);
    checkTicks(second, /^\d+\.\d s, about \d+% done$/);
    assert.ok(first.elapsed >= 50, `the first summary took ${first.elapsed} ms, too quick to teach the page a speed`);
    if (second.elapsed > 200) assert.ok(second.ticks.length >= 1, `progress shown for a ${second.elapsed} ms summary`);
    const values = second.ticks.map((tick) => tick.value);
    assert.ok(second.ticks.every((tick) => tick.shown) && values.every((v) => v > 0 && v <= 0.95), JSON.stringify(second.ticks));
    assert.ok(values.every((v, i) => i === 0 || v >= values[i - 1]), `the estimate only grows: ${values}`);
    // Each tick's share is its time over the time the first summary's speed predicts for twice the text, whatever
    // this machine's speed was in either run. The tick's time is shown to a tenth of a second, the first one's to
    // a millisecond: the share may be off by that much.
    const predicted = (firstMs) => secondText.length / (firstText.length / firstMs);
    for (const tick of second.ticks) {
      const ms = Number.parseFloat(tick.text) * 1000;
      const low = Math.min(0.95, (ms - 50) / predicted(first.elapsed + 0.5));
      const high = Math.min(0.95, (ms + 50) / predicted(first.elapsed - 0.5));
      assert.ok(tick.value >= low - 1e-9 && tick.value <= high + 1e-9,
        `estimate at ${tick.text}: ${tick.value}, predicted ${low}-${high} from the first run's ${first.elapsed} ms`);
    }
  });
});

test("a file over the size limit is refused with a clear message", async () => {
  await withPage(async ({ page }) => {
    // 33 MiB, over nutshell's default 32 MiB limit: refused before it is read into the box (Chromium takes
    // seconds to lay out a text box of that size).
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["Word after word makes a sentence. ".repeat(1_020_000)], "huge.txt", { type: "text/plain" }));
      document.getElementById("input").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    const message = await waitForStatus(page, "error");
    assert.match(message, /huge\.txt.*too large/);
    assert.match(await page.inputValue("#input"), /^Politics/, "the box keeps its text");
  });
});

test("when the Wasm module cannot be loaded, the page says so instead of failing silently", async () => {
  const context = await environment.browser.newContext();
  try {
    await context.route("**/pkg/nutshell_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${environment.baseURL}/`);
    await page.waitForSelector("html[data-state=error]", { timeout: 20_000 });
    assert.equal(await page.getAttribute("#status", "data-status"), "error");
    assert.match(await page.textContent("#status"), /could not be loaded/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
