// nutshell-summarizer/worker for browsers and bundlers: nutshell in a Web Worker, behind promises, so the page
// never waits for a long article.
//
//   import { createSummarizer } from "nutshell-summarizer/worker";
//   const summarizer = await createSummarizer();
//   const result = await summarizer.summarize(articleText, { sentences: 3 });
//
// The worker is started as `new Worker(new URL("./worker-thread.js", import.meta.url), { type: "module" })`:
// written that way, Vite, webpack 5 and Parcel bundle the worker and its .wasm; an unbundled page loads it from
// beside this file.

import { connect } from "./client.js";

/** Starts a worker and resolves, once its .wasm is loaded, to a summarizer whose methods return promises. */
export function createSummarizer(options = {}) {
  let worker;
  try {
    worker = new Worker(new URL("./worker-thread.js", import.meta.url), { type: "module", name: "nutshell" });
  } catch (error) {
    return Promise.reject(new Error(`nutshell: could not start the worker: ${error?.message ?? error}`, { cause: error }));
  }
  return connect(
    {
      post: (message) => worker.postMessage(message),
      onMessage: (callback) => worker.addEventListener("message", (event) => callback(event.data)),
      onFailure: (callback) => {
        // A worker script that fails to load or throws at the top level reports an `error` event without
        // details (the browser keeps cross-origin errors opaque); say what it most likely is.
        worker.addEventListener("error", (event) => {
          event.preventDefault?.();
          const detail = event.message ? `: ${event.message}` : " (the worker script failed to load or to run)";
          callback(new Error(`nutshell: the worker stopped${detail}`));
        });
        worker.addEventListener("messageerror", () => callback(new Error("nutshell: a worker message could not be read")));
      },
      terminate: () => worker.terminate(),
    },
    // A relative URL means relative to the page, not to the worker script.
    { wasmUrl: options.wasmUrl === undefined ? undefined : new URL(options.wasmUrl, globalThis.location?.href).href },
  );
}
