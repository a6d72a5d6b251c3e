// Shared setup for the package tests: pack the package as `npm pack` does, install the .tgz into a fresh project
// the way a user would, pull the examples out of npm/README.md, serve a folder on 127.0.0.1, and launch Debian's
// Chromium.

import { execFile } from "node:child_process";
import { once } from "node:events";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const packageJson = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8"));
export const tarballName = `${packageJson.name}-${packageJson.version}.tgz`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The launch flags the conventions ask for; playwright's `launch` adds a fresh temporary --user-data-dir. */
export const launchArgs = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

const run = promisify(execFile);

/** Runs a command; on failure the error says what ran and what it printed. */
export async function sh(command, args, options = {}) {
  try {
    return await run(command, args, { maxBuffer: 64 << 20, ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${error.code}):\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
}

/** A new temporary folder, removed by `cleanup()`. */
export function temporaryFolder(prefix) {
  return mkdtempSync(path.join(tmpdir(), `nutshell-${prefix}-`));
}

/**
 * Packs the package with `npm pack` into a temporary folder: `{ tarball, folder, report }` where `report` is
 * npm's own JSON description (file list, sizes).
 */
export async function packPackage() {
  for (const file of ["pkg/nutshell.js", "pkg/nutshell_bg.wasm"]) {
    if (!existsSync(`${repoRoot}${file}`)) throw new Error(`${file} is missing: build first (npm run build)`);
  }
  const folder = temporaryFolder("pack");
  const { stdout } = await sh("npm", ["pack", "--json", "--pack-destination", folder], { cwd: repoRoot });
  // npm prints lifecycle-script output before the JSON when a prepack script exists: take the JSON array.
  const report = JSON.parse(stdout.slice(stdout.indexOf("[")))[0];
  return { tarball: path.join(folder, report.filename), folder, report };
}

/**
 * A fresh project (its own package.json, `"type": "module"`) with the packed package installed by
 * `npm install <tarball>`, as the README tells users to. Returns the project folder.
 */
export async function installPackage(tarball) {
  const project = temporaryFolder("consumer");
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "nutshell-consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
  );
  await sh("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: project });
  return project;
}

/** Packs and installs: `{ project, tarball, report, cleanup() }`. */
export async function packAndInstall() {
  const pack = await packPackage();
  const project = await installPackage(pack.tarball);
  return {
    ...pack,
    project,
    cleanup() {
      rmSync(pack.folder, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    },
  };
}

/**
 * The README's runnable examples: every fenced block whose info string carries `example="name"`, as
 * `{ name → code }` in document order.
 */
export function readmeExamples() {
  const readme = readFileSync(`${repoRoot}npm/README.md`, "utf8");
  const examples = new Map();
  const block = /^```[\w-]*[ \t]+example="([^"]+)"[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const [, name, code] of readme.matchAll(block)) {
    if (examples.has(name)) throw new Error(`npm/README.md has two examples called ${name}`);
    examples.set(name, code);
  }
  return examples;
}

/** Writes the named README examples into `folder` (creating subfolders); returns their paths. */
export function writeExamples(folder, names) {
  const examples = readmeExamples();
  return names.map((name) => {
    if (!examples.has(name)) throw new Error(`npm/README.md has no example="${name}" block`);
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, examples.get(name));
    return file;
  });
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on a free port of 127.0.0.1, with a Content-Security-Policy as strict as a careful site's (only
 * same-origin scripts, workers and Wasm; inline scripts only where `inlineScripts` allows them).
 */
export async function serveFolder(root, { inlineScripts = false } = {}) {
  const csp =
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${inlineScripts ? " 'unsafe-inline'" : ""}; ` +
    "style-src 'self'; object-src 'none'; base-uri 'none'";
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (url.pathname === "/favicon.ico") {
      response.writeHead(204).end(); // browsers ask for it unprompted
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
      "content-security-policy": csp,
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  return {
    baseURL: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections?.();
      server.close();
      await once(server, "close").catch(() => {});
    },
  };
}

/** Debian's Chromium, headless, with the conventions' flags. */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (scripts/setup.sh, or apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs });
}

/**
 * Opens `url` in a new context and records every request (page and workers), page errors and console errors.
 */
export async function openRecorded(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = { page, context, requests: [], errors: [] };
  context.on("request", (request) => record.requests.push(request.url()));
  page.on("pageerror", (error) => record.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") record.errors.push(`console: ${message.text()}`);
  });
  page.on("worker", (worker) => worker.on("console", (message) => message.type() === "error" && record.errors.push(`worker: ${message.text()}`)));
  await page.goto(url);
  return record;
}
