// The inside of the Web Worker that ./worker.js starts: loads nutshell (./index.js) and answers requests.
import { init, summarize, split, version } from "./index.js";
import { serve } from "./client.js";

serve({
  post: (message) => self.postMessage(message),
  onMessage: (callback) => self.addEventListener("message", (event) => callback(event.data)),
  init,
  functions: { summarize, split, version },
});
