// Pasting a whole web page (issue 11): with text/html on the clipboard the page extracts the article with
// Readability and says so; with text/plain only, or when Readability finds no article, it takes the text path —
// unless the plain text is itself HTML source, which is detected and goes through Readability too.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { bridgeArticle, chromeStrings, libraryArticle, payloadArticle, wrappedPageHtml, wrappedPageText } from "./articles.mjs";
import { openPage, paste, readResults, repoRoot, startEnvironment, waitForSummaryOf } from "./harness.mjs";

let environment;
before(async () => {
  environment = await startEnvironment();
});
after(async () => {
  await environment?.close();
});

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

test("a paste with text/html takes the Readability path: the article without the site, summarized", async () => {
  await withPage(async ({ page }) => {
    await paste(page, { "text/html": wrappedPageHtml, "text/plain": wrappedPageText });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html");
    const text = await page.inputValue("#input");
    await waitForSummaryOf(page, text);
    const results = await readResults(page);

    assert.equal(results.inputPathText, "Article extracted from pasted HTML");
    assert.ok(text.startsWith("Harbour Bridge Reopens After Two Years of Repairs\n"), `headline first: ${text.slice(0, 80)}`);
    for (const paragraph of bridgeArticle.split("\n").slice(1)) assert.ok(text.includes(paragraph), `kept: ${paragraph.slice(0, 60)}…`);
    for (const chrome of chromeStrings) assert.ok(!text.includes(chrome), `dropped: ${chrome}`);
    assert.doesNotMatch(text, /alert\(/, "the pasted page's scripts are not part of the text");

    assert.equal(results.title, "Harbour Bridge Reopens After Two Years of Repairs");
    assert.ok(text.includes("By Alex Turner, Transport Correspondent"), "Readability's byline is kept for nutshell");
    assert.match(results.byline, /Alex Turner/);
    assert.ok(!results.people.some((p) => p.name === "Alex Turner"), "the author is not a person in the story");
    assert.equal(results.summary.length, 3);
    const names = results.people.map((p) => p.name);
    assert.ok(names.includes("Helen Marsh"), `people: ${names}`);
    for (const chrome of ["Kim Vale", "Jonas Brandt", "Gordon Pike"]) assert.ok(!names.includes(chrome), `${chrome} is not a key person`);
    assert.ok(results.marks[0].text.startsWith("The Kelso harbour bridge reopened"));
  });
});

test("a paste with text/plain only takes the plain-text path", async () => {
  await withPage(async ({ page }) => {
    await paste(page, { "text/plain": bridgeArticle });
    await waitForSummaryOf(page, bridgeArticle);
    const results = await readResults(page);
    assert.equal(results.inputPath, "text");
    assert.equal(results.inputPathText, "Plain text");
    assert.equal(await page.inputValue("#input"), bridgeArticle, "the paste replaced the sample");
    assert.ok(results.people.some((p) => p.name === "Helen Marsh"));

    // A plain paste into text the user has since edited goes where the cursor is, as usual.
    await page.evaluate(() => {
      const input = document.getElementById("input");
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    });
    await paste(page, { "text/plain": `\n${libraryArticle.split("\n")[1]}` });
    const combined = `${bridgeArticle}\n${libraryArticle.split("\n")[1]}`;
    await waitForSummaryOf(page, combined);
    assert.equal(await page.inputValue("#input"), combined);
  });
});

test("HTML in which Readability finds no article falls back to the plain text, and says so", async () => {
  await withPage(async ({ page }) => {
    const menu = "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav></body></html>";
    await paste(page, { "text/html": menu, "text/plain": bridgeArticle });
    await waitForSummaryOf(page, bridgeArticle);
    const results = await readResults(page);
    assert.equal(results.inputPath, "text-fallback");
    assert.match(results.inputPathText, /^Plain text/);
  });
});

test("HTML source pasted as text is detected and goes through Readability, and the note says so", async () => {
  await withPage(async ({ page }) => {
    await paste(page, { "text/plain": wrappedPageHtml });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html-source");
    const text = await page.inputValue("#input");
    await waitForSummaryOf(page, text);
    const results = await readResults(page);
    assert.equal(results.inputPathText, "HTML source pasted as text — article extracted from it");
    assert.ok(await page.isVisible("#input-path"), "the note is on screen");
    assert.ok(text.startsWith("Harbour Bridge Reopens After Two Years of Repairs\n"), `headline first: ${text.slice(0, 80)}`);
    for (const paragraph of bridgeArticle.split("\n").slice(1)) assert.ok(text.includes(paragraph), `kept: ${paragraph.slice(0, 60)}…`);
    for (const chrome of chromeStrings) assert.ok(!text.includes(chrome), `dropped: ${chrome}`);
    assert.doesNotMatch(text, /<|alert\(/, "no markup and none of the page's scripts in the text");
    assert.equal(results.title, "Harbour Bridge Reopens After Two Years of Repairs");
    assert.ok(results.people.some((p) => p.name === "Helen Marsh"));
  });
});

test("HTML source without an article gives the text of its page; markup without text is kept as it is", async () => {
  await withPage(async ({ page }) => {
    const menu = "<!DOCTYPE html>\n<html><body>\n<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>\n</body></html>";
    await paste(page, { "text/plain": menu });
    await waitForSummaryOf(page, "Home\n\nNews");
    let results = await readResults(page);
    assert.equal(results.inputPath, "html-source-text");
    assert.match(results.inputPathText, /^HTML source pasted as text — no article found/);

    const styles = "<html><head><style>body { color: red }</style><script>alert(1)</script></head><body></body></html>";
    await paste(page, { "text/plain": styles }, { selectAll: true });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html-source-raw");
    assert.equal(await page.inputValue("#input"), styles);
    results = await readResults(page);
    assert.match(results.inputPathText, /^HTML source pasted as text — no readable text/);
  });
});

test("an article that only quotes a few tags in its prose is pasted as the text it is", async () => {
  await withPage(async ({ page }) => {
    await paste(page, { "text/plain": payloadArticle });
    await waitForSummaryOf(page, payloadArticle);
    assert.equal((await readResults(page)).inputPath, "text");
    assert.equal(await page.inputValue("#input"), payloadArticle);
  });
});

test("after an HTML paste, selecting all and pasting plain text replaces the article", async () => {
  await withPage(async ({ page }) => {
    await paste(page, { "text/html": wrappedPageHtml, "text/plain": wrappedPageText });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html");
    await paste(page, { "text/plain": libraryArticle }, { selectAll: true });
    await waitForSummaryOf(page, libraryArticle);
    assert.equal((await readResults(page)).inputPath, "text");
  });
});

const installedReadability = `${repoRoot}node_modules/@mozilla/readability/Readability.js`;
test("www/vendor/Readability.js is the installed @mozilla/readability's file, licence header included",
  { skip: !existsSync(installedReadability) && "@mozilla/readability is not installed" }, () => {
    const vendored = readFileSync(`${repoRoot}www/vendor/Readability.js`, "utf8");
    assert.match(vendored, /Licensed under the Apache License, Version 2\.0/);
    assert.ok(vendored === readFileSync(installedReadability, "utf8"), "run the copy step again: the vendored file differs");
  });
