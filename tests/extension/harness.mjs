// Shared setup for the extension tests: the built extension (extension/dist, from scripts/build-extension.sh)
// loaded unpacked into Debian's Chromium, and the fixture pages served on 127.0.0.1.
//
// Headless Chromium cannot click the toolbar button, so no activeTab grant ever happens. The tests drive the same
// code path another way (CONVENTIONS.md): a test-only copy of the build whose manifest adds a host permission for
// http://127.0.0.1/* — which the shipped manifest never has — and the popup page opened in a tab as
// popup.html?tab=<id>, so it reads that tab instead of "the active tab". Everything else — the injected Readability,
// the extractor, the worker, the rendering, the highlighting — is the shipped code, byte for byte.

import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { launchArgs, serveFolder } from "../package/harness.mjs";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const distDir = `${repoRoot}extension/dist`;
export const pagesDir = `${repoRoot}tests/extension/pages`;
export const pages = JSON.parse(readFileSync(`${pagesDir}/pages.json`, "utf8"));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(folder) {
  const hex = createHash("sha256").update(path.resolve(folder)).digest("hex").slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}

/**
 * Starts the fixture server and a Chromium with the test copy of the extension loaded. Returns
 * `{ baseURL, context, extensionId, origin, requests, close() }`; `requests` collects every request the browser
 * makes (pages, the popup, its worker).
 */
export async function startExtension() {
  if (!existsSync(`${distDir}/manifest.json`)) {
    throw new Error("extension/dist is missing: build it first (bash scripts/build-extension.sh, or npm run build:extension)");
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (scripts/setup.sh, or apt-get install -y chromium)`);
  }
  const work = mkdtempSync(path.join(tmpdir(), "nutshell-extension-"));
  const extensionDir = path.join(work, "extension");
  cpSync(distDir, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"]; // test-only: stands in for the activeTab grant
  writeFileSync(path.join(extensionDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  // A blank extension page from which the test asks chrome.tabs for the id of the article's tab.
  writeFileSync(path.join(extensionDir, "test-blank.html"), "<!doctype html><title>test</title>");

  const server = await serveFolder(pagesDir);
  let context;
  try {
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1200, height: 800 },
      args: [...launchArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    });
  } catch (error) {
    await server.close();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const extensionId = unpackedExtensionId(extensionDir);
  const origin = `chrome-extension://${extensionId}`;
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  return {
    baseURL: server.baseURL,
    context,
    extensionId,
    origin,
    requests,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a fixture page in a tab, then the popup in another tab pointed at it; resolves once the popup has
 * settled (`data-state` ready, no-article or error). Returns `{ article, popup, tabId }`.
 */
export async function summarizePage(environment, pageName) {
  const article = await environment.context.newPage();
  await article.goto(`${environment.baseURL}/${pageName}`);
  const popup = await environment.context.newPage();
  const errors = [];
  popup.on("pageerror", (error) => errors.push(error.message));
  await popup.goto(`${environment.origin}/test-blank.html`);
  const tabId = await popup.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id ?? null;
  }, article.url());
  if (tabId === null) throw new Error(`no tab found for ${article.url()}`);
  await popup.goto(`${environment.origin}/popup.html?tab=${tabId}`);
  await waitForSettled(popup);
  return { article, popup, tabId, errors };
}

/** Waits until the popup shows a result or a message. */
export async function waitForSettled(popup) {
  await popup.waitForFunction(() => ["ready", "no-article", "error"].includes(document.documentElement.dataset.state), null, {
    timeout: 30_000,
  });
  return popup.evaluate(() => document.documentElement.dataset.state);
}

/** White space collapsed, as Readability's text and nutshell's sentences have it. */
export function collapse(text) {
  return text.replace(/\s+/g, " ").trim();
}
