// The promise API over a worker, shared by the browser (./worker.js) and Node (./node-worker.js) entries.
//
// Protocol, one message each way per call:
//   → { init: wasmUrl | null }            ← { ready: true, version } | { ready: false, error }
//   → { id, method, text, options }       ← { id, result } | { id, error }
// `method` is "summarize" or "split". Requests are answered in order; each carries its own id so that a caller
// can have several in flight.

/**
 * Wraps a started worker. `channel` adapts the worker's API: `post(message)`, `onMessage(callback)`,
 * `onFailure(callback)` (the worker could not start or crashed) and `terminate()`.
 */
export function connect(channel, { wasmUrl } = {}) {
  const pending = new Map(); // id → { resolve, reject }
  let nextId = 1;
  let failure = null; // an Error once the worker is gone
  let announce; // settles the promise that createSummarizer returns

  const ready = new Promise((resolve, reject) => {
    announce = { resolve, reject };
  });

  const fail = (error) => {
    if (failure) return;
    failure = error;
    announce.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  channel.onMessage((message) => {
    if (!message || typeof message !== "object") return;
    if ("ready" in message) {
      if (message.ready) announce.resolve(message.version);
      else fail(new Error(message.error));
      return;
    }
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if ("error" in message) request.reject(new Error(message.error));
    else request.resolve(message.result);
  });
  channel.onFailure((error) => fail(error));

  const call = (method, text, options) => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        channel.post({ id, method, text, options });
      } catch (error) {
        // Options that cannot be cloned (a function, say) fail here, before reaching the worker.
        pending.delete(id);
        reject(new TypeError(`nutshell: cannot send this request to the worker: ${error?.message ?? error}`));
      }
    });
  };

  channel.post({ init: wasmUrl === undefined || wasmUrl === null ? null : String(wasmUrl) });

  return ready.then((version) => ({
    version,
    summarize: (text, options) => call("summarize", text, options),
    split: (text, options) => call("split", text, options),
    terminate() {
      fail(new Error("nutshell: the summarizer was terminated"));
      channel.terminate();
    },
  }));
}

/**
 * The worker's side of the protocol: waits for `{ init }`, loads the .wasm through `init(url)`, then answers
 * requests with the module's own functions.
 */
export function serve({ post, onMessage, init, functions }) {
  let loading = null;
  onMessage(async (message) => {
    if (message && "init" in message) {
      loading ??= init(message.init ?? undefined).then(
        () => {
          post({ ready: true, version: functions.version() });
          return null;
        },
        (error) => {
          const text = describe(error);
          post({ ready: false, error: text });
          return text;
        },
      );
      return;
    }
    const { id, method, text, options } = message ?? {};
    const problem = await loading;
    if (problem !== null) {
      post({ id, error: problem });
      return;
    }
    try {
      if (method !== "summarize" && method !== "split") throw new Error(`nutshell: unknown method ${JSON.stringify(method)}`);
      post({ id, result: functions[method](text, options) });
    } catch (error) {
      post({ id, error: describe(error) });
    }
  });
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
