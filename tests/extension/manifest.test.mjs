// The shipped extension as users install it (extension/dist and its .zip): the manifest asks for activeTab,
// scripting and storage and nothing more, has no host permissions and no content scripts, allows Wasm and
// nothing else in its CSP, loads no remote code; every file in the build is accounted for; `web-ext lint`
// reports no errors.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { distDir, repoRoot } from "./harness.mjs";

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(`${distDir}/manifest.json`, "utf8"));
const source = JSON.parse(readFileSync(`${repoRoot}extension/manifest.json`, "utf8"));

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file).map((inner) => `${name}/${inner}`) : [name];
  });
}

/** The names in a .zip's central directory (no unzip binary needed). */
function zipEntries(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  assert.ok(end >= 0, "not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, "broken central directory");
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test("the built manifest is the source manifest", () => {
  assert.deepEqual(manifest, source);
});

test("permissions: activeTab, scripting and storage, and no host access of any kind", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ["activeTab", "scripting", "storage"]);
  for (const key of ["host_permissions", "optional_permissions", "optional_host_permissions", "content_scripts", "externally_connectable", "web_accessible_resources", "background"]) {
    assert.equal(manifest[key], undefined, `${key} should not be in the manifest`);
  }
});

test("the CSP allows Wasm and only the extension's own scripts", () => {
  assert.deepEqual(manifest.content_security_policy, {
    extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
  });
});

test("a toolbar button and a keyboard shortcut open the summary; Firefox keys are present", () => {
  assert.equal(manifest.action.default_popup, "popup.html");
  assert.equal(manifest.action.default_title, "Summarize this page");
  assert.ok(manifest.commands._execute_action.suggested_key.default);
  assert.match(manifest.browser_specific_settings.gecko.id, /^[^@\s]+@[^@\s]+$/);
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
});

test("every file in the build is expected, and the .zip holds exactly the build", async (t) => {
  const files = filesUnder(distDir).sort();
  assert.deepEqual(files, [
    "extract.js",
    "icons/icon-128.png",
    "icons/icon-16.png",
    "icons/icon-32.png",
    "icons/icon-48.png",
    "manifest.json",
    "nutshell_bg.wasm",
    "popup.css",
    "popup.html",
    "popup.js",
    "readability/LICENSE.md",
    "readability/Readability-readerable.js",
    "readability/Readability.js",
    "worker-thread.js",
  ]);
  for (const size of Object.keys(manifest.icons)) assert.ok(files.includes(manifest.icons[size]));
  const zip = `${repoRoot}dist/nutshell-extension-${manifest.version}.zip`;
  assert.deepEqual(zipEntries(readFileSync(zip)).filter((name) => !name.endsWith("/")).sort(), files);
  t.diagnostic(`${path.relative(repoRoot, zip)}: ${statSync(zip).size} bytes`);
});

test("no remote code: pages load only their own files, scripts name no remote URL to load", () => {
  const html = readFileSync(`${distDir}/popup.html`, "utf8");
  for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(!/^[a-z]+:|^\/\//i.test(url), url);
  for (const file of ["popup.js", "worker-thread.js", "extract.js"]) {
    const code = readFileSync(`${distDir}/${file}`, "utf8");
    assert.doesNotMatch(code, /\bimport\s*\(\s*["'`]https?:|importScripts\s*\(|fetch\s*\(\s*["'`]https?:/, file);
    assert.doesNotMatch(code, /\beval\s*\(|new Function\s*\(/, file);
  }
  // The Readability files are the published ones, unchanged.
  for (const file of ["Readability.js", "Readability-readerable.js"]) {
    assert.equal(
      readFileSync(`${distDir}/readability/${file}`, "utf8"),
      readFileSync(`${repoRoot}node_modules/@mozilla/readability/${file}`, "utf8"),
    );
  }
  // The .wasm is the one the package ships.
  assert.ok(readFileSync(`${distDir}/nutshell_bg.wasm`).equals(readFileSync(`${repoRoot}pkg/nutshell_bg.wasm`)));
});

test("web-ext lint: no errors", { timeout: 300_000 }, async (t) => {
  const webExt = `${repoRoot}node_modules/web-ext/bin/web-ext.js`;
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, [webExt, "lint", "--source-dir", distDir, "--output", "json", "--no-input"], { maxBuffer: 16 << 20 }));
  } catch (error) {
    stdout = error.stdout; // exits non-zero when there are errors: read the report all the same
  }
  const report = JSON.parse(stdout.slice(stdout.indexOf("{")));
  const describe = (messages) => messages.map((m) => `${m.code} ${m.file ?? ""}: ${m.message}`).join("\n");
  assert.equal(report.errors.length, 0, describe(report.errors));
  // Known and accepted: Readability.js (as published) assigns innerHTML inside the inert document it parses.
  const unexpected = report.warnings.filter((m) => !(m.code === "UNSAFE_VAR_ASSIGNMENT" && m.file === "readability/Readability.js"));
  assert.deepEqual(unexpected.map((m) => m.code), [], describe(unexpected));
  t.diagnostic(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${describe(report.warnings).replace(/\n/g, "; ")})`);
});
