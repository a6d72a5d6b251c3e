// Types of nutshell-summarizer/worker: nutshell in a Web Worker (a worker thread in Node), behind promises.

import type { Options, Segmentation, Summary } from "./index.js";

export type {
  Features,
  Options,
  Person,
  QuotePreference,
  Quote,
  Removed,
  Segmentation,
  Sentence,
  Span,
  Summary,
  Weights,
} from "./index.js";

/** How to start the worker. */
export interface SummarizerOptions {
  /**
   * Where the worker loads the .wasm from, when not from beside this package (say, a copy on your own server).
   * A relative URL is taken relative to the page.
   */
  wasmUrl?: string | URL;
}

/** nutshell running in its own worker: each call returns a promise, and the calling thread never waits. */
export interface Summarizer {
  /** The version of nutshell the worker loaded ("0.1.0"). */
  readonly version: string;
  /** Summarizes `text` in the worker. Rejects with an `Error` naming the option when an option is wrong. */
  summarize(text: string, options?: Options | null): Promise<Summary>;
  /** Splits `text` into sentences in the worker. */
  split(text: string, options?: Options | null): Promise<Segmentation>;
  /** Stops the worker; calls still waiting, and any later call, reject. */
  terminate(): void;
}

/** Starts a worker and resolves once its .wasm is loaded (rejects, with the reason, when it cannot be). */
export function createSummarizer(options?: SummarizerOptions): Promise<Summarizer>;
