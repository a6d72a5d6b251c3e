// One fresh Node process per measurement that needs a clean slate (`bench/run.mjs` spawns it): Wasm linear
// memory only grows, and a process's peak RSS only rises, so each input size gets its own process.
//
//   node bench/wasm_child.mjs cold FILE            instantiate + first summary, timed step by step (wall and CPU)
//   node bench/wasm_child.mjs text FILE [REPS]     summarize one text REPS times: best CPU and wall time, memory, RSS
//
// nutshell is loaded the way Node users load it: the package's Node entry (npm/node.js), which reads
// pkg/nutshell_bg.wasm and instantiates it synchronously. Prints one JSON line.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cpuTimed } from "./corpus.mjs";

const [mode, file, repsArg] = process.argv.slice(2);
const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const wasmPath = `${repoRoot}pkg/nutshell_bg.wasm`;
const text = readFileSync(file, "utf8");
const now = () => performance.now();

if (mode === "cold") {
  // Each step's wall-clock time (what a user waits) and CPU time (what it costs, without the other work on this
  // shared machine; it includes V8's compiler threads).
  const steps = {};
  const step = async (name, f) => {
    const cpu0 = process.cpuUsage();
    const wall0 = now();
    const result = await f();
    const cpu = process.cpuUsage(cpu0);
    steps[`${name}_ms`] = now() - wall0;
    steps[`${name}_cpu_ms`] = (cpu.user + cpu.system) / 1000;
    return result;
  };
  const nutshell = await step("import", () => import(`${repoRoot}npm/node.js`));
  const { glue } = await import(`${repoRoot}npm/api.js`);
  const bytes = await step("read", () => readFileSync(wasmPath));
  const module = await step("compile", () => new WebAssembly.Module(bytes));
  await step("instantiate", () => nutshell.initSync(module));
  const first = await step("first_summary", () => nutshell.summarize(text));
  await step("second_summary", () => nutshell.summarize(text));
  print({ ...steps, sentences: first.sentences.length, memory_bytes: glue.initSync().memory.buffer.byteLength });
} else if (mode === "text") {
  const reps = Math.max(1, Number(repsArg) || 3);
  const nutshell = await import(`${repoRoot}npm/node.js`);
  const { glue } = await import(`${repoRoot}npm/api.js`);
  nutshell.initSync(readFileSync(wasmPath));
  const memory = glue.initSync().memory;
  // Warm-up on the text's first 4 KB, ten times, then its first 32 KB twenty times: the lexicons are parsed and
  // V8 has tiered the code up (it swaps in optimised code at a function's next call, so one long call would
  // otherwise run unoptimised; the longer head reaches the functions that only a longer text runs hot).
  // The memory after it is the module's baseline.
  const head = text.slice(0, 4000);
  for (let i = 0; i < 10; i++) nutshell.summarize(head, { maxInputBytes: 1 << 30 });
  for (let i = 0; i < 20; i++) nutshell.summarize(text.slice(0, 32000), { maxInputBytes: 1 << 30 });
  // Optimising compiles run on background threads and count in this process's CPU time: let them finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
  nutshell.summarize(head, { maxInputBytes: 1 << 30 });
  const baselineMemory = memory.buffer.byteLength;
  const rssBefore = process.memoryUsage().rss;
  let cpu = Infinity;
  let wall = Infinity;
  let result;
  // The linear memory after the first call: the most one summary of the text needed (the memory never shrinks).
  // Later calls may grow it by what the allocator left free between them, which is the repeats', not the summary's:
  // three runs of 10 MB read 9.3x the input at 43c3377, where one read 6.3x.
  let memoryAfterOne = 0;
  for (let i = 0; i < reps; i++) {
    const t = cpuTimed(() => nutshell.summarize(text, { maxInputBytes: 1 << 30 }));
    result = t.result;
    cpu = Math.min(cpu, t.cpu_ms);
    wall = Math.min(wall, t.wall_ms);
    if (i === 0) memoryAfterOne = memory.buffer.byteLength;
  }
  print({
    reps,
    bytes: Buffer.byteLength(text),
    cpu_ms: cpu,
    wall_ms: wall,
    sentences: result.sentences.length,
    people: result.people.length,
    quotes: result.quotes.length,
    memory_bytes: memoryAfterOne,
    baseline_memory_bytes: baselineMemory,
    rss_before_bytes: rssBefore,
    max_rss_bytes: process.resourceUsage().maxRSS * 1024,
  });
} else {
  console.error("usage: node bench/wasm_child.mjs cold|text FILE [REPS]");
  process.exit(2);
}

function print(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
