// The inside of the worker thread that ./node-worker.js starts: loads nutshell (./node.js) and answers requests.
import { parentPort } from "node:worker_threads";
import { init, summarize, split, version } from "./node.js";
import { serve } from "./client.js";

serve({
  post: (message) => parentPort.postMessage(message),
  onMessage: (callback) => parentPort.on("message", callback),
  init,
  functions: { summarize, split, version },
});
