// What the .wasm's bytes are made of, twiggy-style: section sizes, the data section, and the largest functions
// by name, grouped by crate. Run it on wasm-bindgen's output *before* wasm-opt, which still has the name
// section (wasm-opt -Oz drops it):
//
//   node bench/wasm_size.mjs path/to/nutshell_bg.wasm [--top 40]
//
// No dependencies: the script reads the binary format itself (sections, code bodies, the "name" section's
// function names), and demangles Rust's legacy `_ZN…E` symbols well enough to group them.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const top = Number(args[args.indexOf("--top") + 1]) || 40;
if (!file) {
  console.error("usage: node bench/wasm_size.mjs FILE.wasm [--top N]");
  process.exit(2);
}
const bytes = readFileSync(file);

let pos = 8; // magic + version
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
}
function name() {
  const n = leb();
  const s = bytes.toString("utf8", pos, pos + n);
  pos += n;
  return s;
}

const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];
const sections = [];
let importedFunctions = 0;
const bodies = []; // sizes of code bodies, by defined-function index
const names = new Map(); // function index → name
let dataBytes = 0;
const segments = [];

while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  let label = sectionNames[id] ?? `unknown(${id})`;
  if (id === 0) {
    label = `custom "${name()}"`;
    if (label === 'custom "name"') readNames(end);
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) {
        importedFunctions++;
        leb();
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      } else {
        leb();
        leb();
      }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const n = leb();
      bodies.push(n);
      pos += n;
    }
  } else if (id === 11) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const flags = leb();
      if (flags === 2) leb();
      if (flags !== 1) skipConstExpr();
      const n = leb();
      segments.push(bytes.subarray(pos, pos + n));
      dataBytes += n;
      pos += n;
    }
  }
  sections.push({ label, size: end - start });
  pos = end;
}

function skipConstExpr() {
  for (;;) {
    const op = bytes[pos++];
    if (op === 0x0b) return;
    if (op === 0x41 || op === 0x42 || op === 0x23) leb();
    else if (op === 0x44) pos += 8;
    else if (op === 0x43) pos += 4;
  }
}

function readNames(end) {
  while (pos < end) {
    const sub = bytes[pos++];
    const size = leb();
    const subEnd = pos + size;
    if (sub === 1) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const index = leb();
        names.set(index, name());
      }
    }
    pos = subEnd;
  }
}

/** `_ZN4core3fmt5float…17h0123456789abcdefE` → `core::fmt::float::…`; other names unchanged. */
function demangle(symbol) {
  const m = /^_ZN(.*)E$/.exec(symbol);
  if (!m) return symbol;
  let rest = m[1];
  const parts = [];
  while (rest.length) {
    const d = /^(\d+)/.exec(rest);
    if (!d) break;
    const n = Number(d[1]);
    parts.push(rest.slice(d[1].length, d[1].length + n));
    rest = rest.slice(d[1].length + n);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join("::")
    .replace(/\$LT\$/g, "<")
    .replace(/\$GT\$/g, ">")
    .replace(/\$u20\$/g, " ")
    .replace(/\$u27\$/g, "'")
    .replace(/\$u5b\$/g, "[")
    .replace(/\$u5d\$/g, "]")
    .replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}")
    .replace(/\$RF\$/g, "&")
    .replace(/\$BP\$/g, "*")
    .replace(/\$C\$/g, ",")
    .replace(/\.\./g, "::");
}

/** The crate a function belongs to: the first path segment, looking through `<T as Trait>` impls. */
function crateOf(n) {
  const s = n.replace(/^<+/, "");
  const first = s.split(/::| as |[<>]/)[0];
  if (first === "nutshell") {
    const module = s.split("::")[1];
    return module ? `nutshell::${module}` : "nutshell";
  }
  if (/^(std|core|alloc|dlmalloc|hashbrown|serde|serde_json|serde_wasm_bindgen|wasm_bindgen|js_sys|console_error_panic_hook|ryu|itoa|memchr)$/.test(first)) return first;
  if (/^__wbg|^__wbindgen|^__externref/.test(s)) return "wasm_bindgen glue";
  return first || "?";
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${file}: ${bytes.length} bytes (${kb(bytes.length)}), gzip -9 ${gzipSync(bytes, { level: 9 }).length} bytes`);
console.log("\nsections:");
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${s.label.padEnd(28)} ${String(s.size).padStart(9)}`);
const allData = Buffer.concat(segments);
console.log(`\ndata: ${segments.length} segments, ${dataBytes} bytes, gzip -9 ${gzipSync(allData, { level: 9 }).length}`);

const functions = bodies.map((size, i) => {
  const raw = names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`;
  return { size, name: demangle(raw) };
});
const codeTotal = functions.reduce((a, f) => a + f.size, 0);
console.log(`\ncode: ${functions.length} functions, ${codeTotal} bytes`);

const byCrate = new Map();
for (const f of functions) {
  const c = crateOf(f.name);
  const entry = byCrate.get(c) ?? { size: 0, count: 0 };
  entry.size += f.size;
  entry.count++;
  byCrate.set(c, entry);
}
console.log("\ncode by crate / nutshell module:");
for (const [c, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, 30)) {
  console.log(`  ${c.padEnd(40)} ${String(e.size).padStart(8)}  ${(100 * e.size / codeTotal).toFixed(1).padStart(5)}%  (${e.count} fns)`);
}
console.log(`\nlargest ${top} functions:`);
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(f.size).padStart(7)}  ${f.name.slice(0, 150)}`);
}
