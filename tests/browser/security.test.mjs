// The page's security properties in headless Chromium: article text is only ever text, nothing is fetched from
// another origin or after the page is ready, the Content-Security-Policy is in force, and nothing uses eval.

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { bridgeArticle, payloadArticle, payloads, wrappedPageHtml, wrappedPageText } from "./articles.mjs";
import { foreignElements, openPage, paste, readResults, repoRoot, startEnvironment, summarize, waitForSummaryOf } from "./harness.mjs";

let environment;
before(async () => {
  environment = await startEnvironment();
});
after(async () => {
  await environment?.close();
});

/** Elements that exist in the page's own markup: the two script tags, the stylesheet and icon links. */
async function documentElementCounts(page) {
  return page.evaluate(() => {
    const count = (selector) => document.querySelectorAll(selector).length;
    return {
      script: count("script"),
      img: count("img"),
      iframe: count("iframe"),
      object: count("object, embed"),
      svg: count("svg"),
      a: count("a"),
      style: count("style"),
      link: count("link"),
      inlineHandlers: Array.from(document.querySelectorAll("*")).filter((node) =>
        Array.from(node.attributes).some((attribute) => attribute.name.startsWith("on"))).length,
    };
  });
}

const pristineCounts = { script: 2, img: 0, iframe: 0, object: 0, svg: 0, a: 0, style: 0, link: 2, inlineHandlers: 0 };

test("an article full of HTML and script payloads renders as text: nothing runs, no element is injected", async () => {
  const session = await openPage(environment);
  const { page } = session;
  try {
    await summarize(page, payloadArticle);
    // Open every expandable part so that all of the result is in the DOM and laid out.
    await page.click("#scores > summary");
    for (const why of await page.locator("details.why > summary").all()) await why.click();
    const results = await readResults(page);

    assert.equal(results.source, payloadArticle, "the source view shows the input exactly, as text");
    for (const payload of payloads) assert.ok(results.source.includes(payload), `shown as text: ${payload}`);
    assert.ok(results.summary.length > 0, "the article is summarized");
    assert.ok(results.people.some((p) => p.name === "Dana Whitfield"), `people: ${results.people.map((p) => p.name)}`);
    const quotes = results.people.flatMap((p) => p.quotes).join("\n");
    assert.ok(quotes.includes("<script>alert(2)</script>"), `the quote keeps its payload as text: ${quotes}`);
    if (results.title) assert.ok(results.title.includes("<script>"), "the title keeps its payload as text");

    assert.deepEqual(await foreignElements(page), [], "only the page's own elements in the result areas");
    assert.deepEqual(await documentElementCounts(page), pristineCounts);
    await page.waitForTimeout(300);
    assert.deepEqual(session.dialogs, [], "no dialog opened");
    assert.deepEqual(session.pageErrors, []);
    assert.deepEqual(session.consoleErrors, []);
    assert.deepEqual(session.requests.filter((r) => r.afterReady), [], "no request: nothing tried to load");
  } finally {
    await session.close();
  }
});

test("pasted HTML (and its source pasted as text) with scripts, handlers, images and frames is parsed inertly: nothing runs or loads", async () => {
  const session = await openPage(environment);
  const { page } = session;
  try {
    const hostile = wrappedPageHtml.replace("</article>",
      `<p>Readers sent in <img src="/x-pasted-inline.png" onerror="alert('inline img')"> photos and
      <svg onload="alert('svg')"><circle r="1"></circle></svg> drawings, <a href="javascript:alert('link')">links</a>
      and <object data="/x-pasted-object"></object> files.</p><script>alert("inside article")</script>
      <p style="color: red" onmouseover="alert('hover')">Styled <span style="font-weight: bold">text</span>.</p>
      <style>body { display: none }</style><iframe srcdoc="<script>alert('srcdoc')</script>"></iframe></article>`)
      .replace("<head>", `<head><base href="https://evil.example/"><meta http-equiv="refresh" content="0; url=https://evil.example/">
      <meta http-equiv="Content-Security-Policy" content="default-src *">`);
    await paste(page, { "text/html": hostile, "text/plain": wrappedPageText });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html");
    await waitForSummaryOf(page, await page.inputValue("#input"));
    // The same page's source pasted as text takes the same inert road.
    await paste(page, { "text/plain": hostile }, { selectAll: true });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html-source");
    const extracted = await page.inputValue("#input");
    assert.doesNotMatch(extracted, /alert\(|<\w/, "no script and no markup in the extracted text");
    await waitForSummaryOf(page, extracted);
    await page.waitForTimeout(500);
    assert.deepEqual(session.dialogs, []);
    assert.deepEqual(await foreignElements(page), []);
    assert.deepEqual(await documentElementCounts(page), pristineCounts);
    assert.deepEqual(session.requests.filter((r) => r.afterReady).map((r) => r.url), [], "nothing in the paste was fetched");
    assert.deepEqual(session.pageErrors, []);
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test("every request is recorded: all same-origin page assets, none after the page is ready", async () => {
  const session = await openPage(environment);
  const { page, requests } = session;
  try {
    const origin = new URL(environment.baseURL).origin;
    const beforeReady = requests.filter((r) => !r.afterReady).map((r) => new URL(r.url));
    for (const url of beforeReady) assert.equal(url.origin, origin, `request to another origin: ${url}`);
    const paths = beforeReady.map((url) => url.pathname);
    for (const asset of ["/", "/app.js", "/worker.js", "/style.css", "/sample.txt", "/pkg/nutshell.js", "/pkg/nutshell_bg.wasm"]) {
      assert.ok(paths.includes(asset), `${asset} was loaded before the page said it was ready (got ${paths})`);
    }
    for (const path of paths) {
      assert.match(path, /^\/(|app\.js|worker\.js|paste\.js|style\.css|sample\.txt|vendor\/[\w.-]+\.js|pkg\/[\w./-]+)$/, `unexpected asset ${path}`);
    }

    // Use the page the way a person would: type, paste text, paste a page, change options, open the scores.
    await summarize(page, bridgeArticle);
    await page.fill("#sentences", "2");
    await page.selectOption("#quotes", "prefer");
    await page.click("#scores > summary");
    await page.locator("#summary .sentence-link").first().click();
    await paste(page, { "text/html": wrappedPageHtml, "text/plain": wrappedPageText }, { selectAll: true });
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "html");
    await paste(page, { "text/plain": bridgeArticle }, { selectAll: true });
    await waitForSummaryOf(page, bridgeArticle);
    await page.click("#load-sample");
    await page.waitForFunction(() => document.getElementById("input-path").dataset.inputPath === "sample");
    await page.waitForTimeout(1000);

    assert.deepEqual(requests.filter((r) => r.afterReady).map((r) => r.url), [], "no request after the page was ready");
    assert.deepEqual(session.pageErrors, []);
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test("the Content-Security-Policy is in force, the page works under it, and nothing uses eval", async () => {
  const session = await openPage(environment);
  const { page } = session;
  try {
    // The header on the page, on the worker script and on the module (a worker takes the CSP of its own script).
    for (const path of ["/", "/worker.js", "/pkg/nutshell.js"]) {
      const response = await fetch(`${environment.baseURL}${path}`);
      await response.arrayBuffer();
      const csp = response.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'self'/, `${path}: ${csp}`);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, `${path}: ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, `${path}: ${csp}`);
    }
    assert.match(session.response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);

    // The page works under it: the sample was summarized, then an article is.
    assert.equal(await page.getAttribute("#status", "data-status"), "done");
    await summarize(page, bridgeArticle);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "the page itself never trips the policy");
    assert.deepEqual(await page.evaluate(() => window.__evalCalls), [], "eval and Function are never called");

    // The policy is enforced: an inline script and an inline style attribute are refused.
    const probe = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineScriptRan = true";
      document.body.append(script);
      const styled = document.createElement("div");
      styled.setAttribute("style", "width: 123px");
      document.body.append(styled);
      const width = styled.getBoundingClientRect().width;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inlineScriptRan: window.__inlineScriptRan === true, styledWidth: width, violations: window.__cspViolations };
    });
    assert.equal(probe.inlineScriptRan, false, "inline script blocked");
    assert.notEqual(probe.styledWidth, 123, "inline style blocked");
    assert.ok(probe.violations.length >= 1, "the browser reported the blocked probes as CSP violations");
    assert.deepEqual(session.pageErrors, []);
  } finally {
    await session.close();
  }
});

/** Every JavaScript file under `folder` (the page's own modules, the vendored Readability, the built glue; the
 * extension's and the npm package's sources), skipping built output that is checked where it is built. */
function scriptsUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "dist" || name === "node_modules" ? [] : scriptsUnder(path);
    return /\.m?js$/.test(name) ? [path] : [];
  });
}

/** Markup with no inline script or style, no inline event handler and no asset from another origin. */
function assertNoInlineCode(name, html) {
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: no inline <script>`);
  assert.doesNotMatch(html, /<style\b/i, `${name}: no <style> element`);
  assert.doesNotMatch(html, /\sstyle=/i, `${name}: no style attribute`);
  assert.doesNotMatch(html, /\son[a-z]+=/i, `${name}: no inline event handler`);
  assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i, `${name}: no asset from another origin`);
}

test("the page's, the extension's and the npm package's code uses no inline script or style, no eval, and never writes HTML", () => {
  assertNoInlineCode("www/index.html", readFileSync(join(repoRoot, "www/index.html"), "utf8"));
  assertNoInlineCode("extension/popup.html", readFileSync(join(repoRoot, "extension/popup.html"), "utf8"));

  const scripts = ["www", "extension", "npm"].flatMap((folder) => scriptsUnder(join(repoRoot, folder)));
  for (const expected of ["www/app.js", "www/paste.js", "extension/popup.js", "extension/page/extract.js", "npm/index.js"]) {
    assert.ok(scripts.includes(join(repoRoot, expected)), `${expected} is scanned`);
  }
  for (const path of scripts) {
    const name = relative(repoRoot, path);
    const source = readFileSync(path, "utf8");
    assert.doesNotMatch(source, /(^|[^\w.])eval\s*\(/, `${name} calls eval`);
    assert.doesNotMatch(source, /new\s+Function\s*\(|[^\w.]Function\s*\(\s*["'`]/, `${name} builds a Function from a string`);
    assert.doesNotMatch(source, /set(Timeout|Interval)\s*\(\s*["'`]/, `${name} passes a string to a timer`);
    if (!name.includes("vendor") && !name.includes("pkg")) {
      // Readability writes HTML only into its own inert DOMParser document; our own code never does.
      assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, `${name} writes HTML`);
    }
  }
});

test("the extension's Content-Security-Policy allows its own scripts and the .wasm, nothing inline, nothing remote", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "extension/manifest.json"), "utf8"));
  const csp = manifest.content_security_policy?.extension_pages ?? "";
  const directives = new Map(csp.split(";").map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives.get("script-src"), ["'self'", "'wasm-unsafe-eval'"], `script-src: ${csp}`);
  for (const [name, values] of directives) {
    for (const value of values) {
      assert.ok(["'self'", "'wasm-unsafe-eval'", "'none'"].includes(value), `${name} allows ${value}: ${csp}`);
    }
  }
  // No page of the extension is open to the web, and it asks for no host: it reads a tab only when asked.
  assert.equal(manifest.web_accessible_resources, undefined, "no extension page is reachable from the web");
  assert.equal(manifest.host_permissions, undefined, "no host permission");
  assert.equal(manifest.content_scripts, undefined, "no content script runs on every page");
});
