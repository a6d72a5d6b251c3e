// nutshell-summarizer/worker for Node.js: the same promise API as in browsers, over a `worker_threads` Worker, so
// a server can summarize long articles without holding up its event loop.
import { Worker } from "node:worker_threads";
import { connect } from "./client.js";

/** Starts a worker thread and resolves, once its .wasm is loaded, to a summarizer whose methods return promises. */
export function createSummarizer(options = {}) {
  const worker = new Worker(new URL("./node-worker-thread.js", import.meta.url));
  // An idle summarizer should not keep the process alive: the thread is referenced only while a message (the
  // start-up or a request) waits for its answer.
  let waiting = 0;
  return connect(
    {
      post: (message) => {
        worker.postMessage(message); // throws (and counts nothing) when the message cannot be cloned
        if (waiting++ === 0) worker.ref();
      },
      onMessage: (callback) =>
        worker.on("message", (message) => {
          if (--waiting === 0) worker.unref();
          callback(message);
        }),
      onFailure: (callback) => {
        worker.on("error", (error) => callback(new Error(`nutshell: the worker stopped: ${error?.message ?? error}`, { cause: error })));
        worker.on("exit", (code) => callback(new Error(`nutshell: the worker exited (code ${code})`)));
      },
      terminate: () => void worker.terminate(),
    },
    { wasmUrl: options.wasmUrl === undefined ? undefined : String(options.wasmUrl) },
  );
}
