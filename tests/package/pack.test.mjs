// What `npm pack` puts in the tarball: the entry files, the types, the glue and the .wasm — and nothing else
// (no sources, tests, data or build stamps) — and every `exports` target among them.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { packPackage, packageJson, tarballName } from "./harness.mjs";
import { rmSync } from "node:fs";

let pack;
before(async () => {
  pack = await packPackage();
});
after(() => pack && rmSync(pack.folder, { recursive: true, force: true }));

test("the tarball is called nutshell-summarizer-<version>.tgz", () => {
  assert.equal(pack.report.filename, tarballName);
  assert.equal(tarballName, "nutshell-summarizer-0.1.0.tgz");
});

test("the tarball holds the entries, types, glue (with its snippet) and .wasm, and nothing else", (t) => {
  const files = pack.report.files.map((f) => f.path).sort();
  const expected = [
    "README.md",
    "package.json",
    "npm/api.js",
    "npm/client.js",
    "npm/index.d.ts",
    "npm/index.js",
    "npm/node-worker-thread.js",
    "npm/node-worker.js",
    "npm/node.js",
    "npm/worker-thread.js",
    "npm/worker.d.ts",
    "npm/worker.js",
    "pkg/nutshell.js",
    "pkg/nutshell_bg.wasm",
  ];
  // wasm-bindgen puts the JavaScript the glue imports (src/records.js) under a folder named by a hash.
  const snippets = files.filter((f) => f.startsWith("pkg/snippets/"));
  assert.equal(snippets.length, 1, `one snippet: ${snippets.join(", ")}`);
  assert.match(snippets[0], /^pkg\/snippets\/nutshell-summarizer-[0-9a-f]+\/src\/records\.js$/);
  // A LICENSE file at the top of the repository is packed too, whenever there is one.
  assert.deepEqual(files.filter((f) => !/^LICEN[CS]E/i.test(f) && !snippets.includes(f)), expected.sort());
  t.diagnostic(`${pack.report.filename}: ${pack.report.size} bytes packed, ${pack.report.unpackedSize} bytes unpacked`);
});

test("every exports target is in the tarball", () => {
  const files = new Set(pack.report.files.map((f) => f.path));
  const targets = [];
  const walk = (value) => {
    if (typeof value === "string") targets.push(value.replace(/^\.\//, ""));
    else for (const inner of Object.values(value)) walk(inner);
  };
  walk(packageJson.exports);
  for (const key of ["main", "module", "types"]) targets.push(packageJson[key].replace(/^\.\//, ""));
  for (const target of targets) assert.ok(files.has(target), `${target} (named in package.json) is not packed`);
});

test("the package installs without dependencies or install scripts", () => {
  assert.equal(packageJson.dependencies, undefined, "users would install these too");
  for (const script of ["preinstall", "install", "postinstall", "prepare"]) {
    assert.equal(packageJson.scripts?.[script], undefined, `a "${script}" script runs on users' machines`);
  }
});
