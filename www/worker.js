// Runs nutshell off the main thread, so that typing never waits for a summary.
//
// Protocol: the page posts `{ id, text, options }`; the worker answers `{ id, result }` (the plain object that
// `summarize` returns) or `{ id, error }` (a message a person can act on, e.g. which option is wrong). Once the
// module is ready it also posts `{ ready: true, version }` — or `{ ready: false, error }` if it failed to load.
// Requests are answered in the order they arrive; the page decides which answer is still wanted.

import init, { summarize, version } from "./pkg/nutshell.js";

const loading = init().then(
  () => {
    self.postMessage({ ready: true, version: version() });
    return true;
  },
  (error) => {
    const message = `The summarizer could not be loaded: ${describe(error)}`;
    self.postMessage({ ready: false, error: message });
    return message;
  },
);

self.addEventListener("message", async (event) => {
  const { id, text, options } = event.data ?? {};
  const loaded = await loading;
  if (loaded !== true) {
    self.postMessage({ id, error: loaded });
    return;
  }
  try {
    const started = performance.now();
    const result = summarize(text, options ?? {});
    self.postMessage({ id, result, elapsed: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: describe(error) });
  }
});

function describe(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}
