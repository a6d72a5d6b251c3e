// Shared setup for the browser tests: the project's own static server (scripts/serve.mjs) on a free port, Debian's
// Chromium driven by playwright-core, and a page that records everything the tests assert on — every request,
// page errors, console errors, dialogs and Content-Security-Policy violations.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const serverScript = process.env.NUTSHELL_SERVE_SCRIPT ?? `${repoRoot}scripts/serve.mjs`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The launch flags the conventions ask for; playwright's `launch` adds a fresh temporary --user-data-dir. */
export const launchArgs = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

/** Elements the page itself puts in its result areas. Anything else there came from an article. */
export const resultTags = new Set([
  "section", "h2", "h3", "p", "ol", "ul", "li", "div", "span", "mark", "del", "q", "button", "details", "summary",
  "table", "thead", "tbody", "tr", "th", "td",
]);

/** Starts the server and the browser; `close()` stops both. */
export async function startEnvironment() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (scripts/setup.sh, or apt-get install -y chromium)`);
  }
  if (!process.env.NUTSHELL_SERVE_SCRIPT && !existsSync(`${repoRoot}www/pkg/nutshell_bg.wasm`)) {
    throw new Error("www/pkg/nutshell_bg.wasm is missing: build the Wasm module first (scripts/build.sh)");
  }
  const server = await startServer();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    baseURL: server.baseURL,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

async function freePort() {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address();
  probe.close();
  await once(probe, "close");
  return port;
}

/** Runs scripts/serve.mjs as a child process on a free port and waits until it answers. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [serverScript], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let exited = false;
  child.on("exit", () => (exited = true));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`${serverScript} exited before serving:\n${output}`);
    try {
      const response = await fetch(`${baseURL}/`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${serverScript} did not answer on ${baseURL} within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseURL, stop };
}

/**
 * Opens the page in a new browser context and records what happens. Resolves once the page is ready — the
 * Wasm module and the sample are loaded and the sample's summary is shown (`<html data-state="ready">`).
 */
export async function openPage(environment, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await environment.browser.newContext({ viewport });
  const page = await context.newPage();
  const record = {
    page,
    context,
    requests: [], // { url, afterReady }
    pageErrors: [],
    consoleErrors: [],
    dialogs: [],
    ready: false,
  };
  // Requests of the page and of its worker both arrive here.
  context.on("request", (request) => record.requests.push({ url: request.url(), afterReady: record.ready }));
  page.on("pageerror", (error) => record.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  // Runs before any page script (and is not itself subject to the page's CSP): counts CSP violations and
  // calls of eval or the Function constructor made by the page.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.__evalCalls = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    // Only calls from the page's own scripts count: playwright compiles its own helpers with Function.
    const noteCall = (what) => {
      const stack = new Error().stack ?? "";
      if (stack.includes(`${location.origin}/`)) window.__evalCalls.push(`${what}\n${stack}`);
    };
    const realEval = window.eval;
    window.eval = function (...args) {
      noteCall("eval");
      return realEval(...args);
    };
    window.Function = new Proxy(window.Function, {
      apply(target, self, args) {
        noteCall("Function");
        return Reflect.apply(target, self, args);
      },
      construct(target, args) {
        noteCall("new Function");
        return Reflect.construct(target, args);
      },
    });
  });
  record.response = await page.goto(`${environment.baseURL}/`);
  await page.waitForSelector("html:is([data-state=ready], [data-state=error])", { timeout: 20_000 });
  if ((await page.getAttribute("html", "data-state")) === "error") {
    const status = (await page.textContent("#status")).trim();
    await context.close();
    throw new Error(`the page failed to start: ${status} ${record.pageErrors.join(" ")} ${record.consoleErrors.join(" ")}`);
  }
  record.ready = true;
  record.close = () => context.close();
  return record;
}

/** Fills the article box and waits until the page shows the summary of exactly that text. */
export async function summarize(page, text) {
  await page.fill("#input", text);
  await waitForSummaryOf(page, text);
}

/** Waits until the source view shows `text` and the status says the summary is done. */
export async function waitForSummaryOf(page, text, timeout = 20_000) {
  await page.waitForFunction(
    (expected) =>
      document.getElementById("status").dataset.status === "done" &&
      document.getElementById("source").textContent === expected,
    text,
    { timeout },
  );
}

/** Waits until the status line is in `state` (done, empty, error, busy, loading) and returns its text. */
export async function waitForStatus(page, state, timeout = 20_000) {
  await page.waitForSelector(`#status[data-status="${state}"]`, { timeout });
  return (await page.textContent("#status")).trim();
}

/** What the result areas show, read from the DOM. */
export async function readResults(page) {
  return page.evaluate(() => {
    const texts = (selector) => Array.from(document.querySelectorAll(selector), (node) => node.textContent);
    return {
      title: document.getElementById("title").textContent,
      byline: document.getElementById("byline").textContent,
      summary: Array.from(document.querySelectorAll("#summary > li"), (item) => ({
        index: Number(item.dataset.sentenceIndex),
        text: item.querySelector(".sentence-link").textContent,
      })),
      people: Array.from(document.querySelectorAll("#people > li"), (item) => ({
        name: item.querySelector(".person-name").textContent,
        role: item.querySelector(".person-role")?.textContent ?? null,
        mentions: Number(item.dataset.mentions),
        quotes: Array.from(item.querySelectorAll(".person-quotes q"), (q) => q.textContent),
      })),
      marks: Array.from(document.querySelectorAll("#source mark"), (mark) => ({
        index: Number(mark.dataset.sentenceIndex),
        text: mark.textContent,
      })),
      removed: Array.from(document.querySelectorAll("#source del"), (del) => ({ text: del.textContent, title: del.title })),
      source: document.getElementById("source").textContent,
      inputPath: document.getElementById("input-path").dataset.inputPath,
      inputPathText: document.getElementById("input-path").textContent,
      status: document.getElementById("status").dataset.status,
      statusText: document.getElementById("status").textContent.trim(),
      notes: texts(".note:not([hidden])"),
    };
  });
}

/** Dispatches a paste event on the article box, as a browser would for a copy holding these types. With
 * `selectAll`, the box's whole text is selected first, as after Ctrl+A. */
export async function paste(page, data, { selectAll = false } = {}) {
  await page.evaluate(
    ({ data, selectAll }) => {
      const input = document.getElementById("input");
      input.focus();
      if (selectAll) input.select();
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
      input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { data, selectAll },
  );
}

/** Tags of every element inside the result areas that the page does not create itself. */
export async function foreignElements(page, allowed = resultTags) {
  return page.evaluate((allowedTags) => {
    const allowedSet = new Set(allowedTags);
    return Array.from(document.querySelectorAll("#results *"), (node) => node.localName).filter((tag) => !allowedSet.has(tag));
  }, [...allowed]);
}
