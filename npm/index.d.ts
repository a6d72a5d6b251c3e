// Types of nutshell-summarizer: the options it takes and the result it returns.
//
// Written by hand to match the Rust result (src/result.rs, src/span.rs, src/score.rs) field for field;
// tests/package/types.test.mjs checks real results against these types with `tsc`, so a field added to or
// removed from the Rust side fails the test until this file follows.

/** How the summary treats sentences that carry direct quotes. */
export type QuotePreference = "prefer" | "allow" | "avoid";

/**
 * What to summarize and how long the summary should be. Every field is optional; at most one of `sentences`,
 * `ratio` and `words` may be set (with none, the summary has 3 sentences). A wrong type or value throws an
 * `Error` whose message names the option: "invalid option `sentences`: must be a whole number from 1 to 10000".
 */
export interface Options {
  /** Number of summary sentences, 1 to 10,000. Default 3. */
  sentences?: number | null;
  /** Share of the article's sentences to keep: above 0, at most 1 (at least one sentence is kept). */
  ratio?: number | null;
  /** Word budget: the best sentences that fit within this many words (at least one sentence is kept). */
  words?: number | null;
  /** `"prefer"` favours quoted sentences, `"avoid"` leaves them out unless nothing else is left. Default `"allow"`. */
  quotes?: QuotePreference | null;
  /** Longer inputs (in UTF-8 bytes) are refused with an error. Default 32 MiB; at most 1 GiB. */
  maxInputBytes?: number | null;
  /** Override the weight of any sentence feature (each from -1000 to 1000); the rest keep their defaults. */
  weights?: Partial<Weights> | null;
}

/**
 * A stretch of the input text. Offsets are given twice: in UTF-8 bytes (`start`/`end`, for Rust and files) and in
 * UTF-16 code units (`start16`/`end16`): `input.slice(span.start16, span.end16) === span.text` in JavaScript.
 */
export interface Span {
  /** The covered text, exactly as in the input. */
  text: string;
  /** UTF-8 byte offset of the first character. */
  start: number;
  /** UTF-8 byte offset one past the last character. */
  end: number;
  /** UTF-16 code-unit offset of the first character (a JavaScript string index). */
  start16: number;
  /** UTF-16 code-unit offset one past the last character. */
  end16: number;
}

/** Per-sentence feature values (each from 0 to 1), or their weighted contributions to the score. */
export interface Features {
  /** Early sentences score higher: 1 for the first, 1 / (1 + index / 2) after it. */
  position: number;
  /** Position in summary lengths: exp(−index / expected summary sentences). */
  budget: number;
  /** First sentence of its paragraph. */
  paragraph: number;
  /** Share of the sentence inside direct quotes. */
  quotes: number;
  /** Salience of the people it names. */
  entities: number;
  /** Shared vocabulary with the whole document. */
  centrality: number;
  /** Centrality times the share of the sentences the summary keeps: coverage matters in long summaries. */
  coverage: number;
  /** Shared vocabulary with the first sentence (0 for the first sentence). */
  lead: number;
  /** Overlap with the headline. */
  title: number;
  /** Long enough to be informative (20 words or more give 1). */
  length: number;
  /** Longer than a summary sentence should be (from 25 words; 50 or more give 1). */
  long: number;
  /** Holds figures or dates. */
  numbers: number;
  /** Looks like a heading or list item (no terminal punctuation). */
  heading: number;
  /** Reads like a photo caption: a label and a colon, or a caption run into the next sentence. */
  caption: number;
  /** Opens with a dangling reference ("He added…", "But that…"). */
  reference: number;
  /** A question or an exclamation. */
  question: number;
  /** First-person words: speech, quoted or not. */
  speech: number;
  /** Stands on a line the article finder's line model reads as site chrome (1 − its article probability). */
  chrome: number;
}

/** The weight of each feature in a sentence's score: `score = Σ weight × feature`. */
export type Weights = { [Feature in keyof Features]: number };

/** One sentence of the article. */
export interface Sentence extends Span {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** The weighted sum of the features: higher is more summary-worthy. */
  score: number;
  /** The feature values, each from 0 to 1. */
  features: Features;
  /** Each feature's weighted contribution to `score`. */
  contributions: Features;
}

/** A person in the story, every name and alias merged. */
export interface Person {
  /** The fullest form of the name ("Vladimir Putin"). */
  name: string;
  /** Other forms used in the text ("Putin"), without titles. */
  aliases: string[];
  /** How many times the person is named (full name, surname, title + surname, possessive). */
  mentions: number;
  /** Role or title as the text states it ("Russian President"), or null when it does not. */
  role: string | null;
  /** UTF-8 offset of the first mention. */
  first: number;
  /** UTF-16 offset of the first mention. */
  first16: number;
  /** Every mention. */
  spans: Span[];
  /** The person's direct quotes (the words inside the quotation marks). */
  quotes: Span[];
}

/** A direct quote (the words inside the quotation marks) and who said it. */
export interface Quote extends Span {
  /** Index into `people` of the speaker, or null when the text does not say who. */
  speaker: number | null;
  /** Index into `sentences` of the sentence where the quote starts. */
  sentence: number;
}

/** A stretch of the input that is not article text. */
export interface Removed extends Span {
  /** Why it was removed: "navigation", "menu", "teaser", "byline", "dateline", "timestamp", "caption", "credit",
   * "comments", "cookie", "footer", … */
  reason: string;
}

/** Everything nutshell found in one text: what `summarize` returns. */
export interface Summary {
  /** The article's headline, or null when the text has none. */
  title: string | null;
  /** The authors from the byline ("By Jane Smith"), never counted among the people. */
  authors: string[];
  /** Every sentence of the article, in order, with its score. */
  sentences: Sentence[];
  /** Indices into `sentences` of the summary, in article order. */
  summary: number[];
  /** People in the story, most salient first. */
  people: Person[];
  /** Direct quotes, in article order. */
  quotes: Quote[];
  /** Site chrome that is not part of the article, with the reason it was removed. */
  removed: Removed[];
}

/** The sentences of a text, without scores: what `split` returns. */
export interface Segmentation {
  /** The article's headline, or null when the text has none. */
  title: string | null;
  /** The sentences, in order. */
  sentences: Span[];
  /** Site chrome that is not part of the article. */
  removed: Removed[];
}

/** Where `init` gets the .wasm: a URL (or, in Node, a path), a fetch `Response`, the bytes, or a compiled module. */
export type InitInput = string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * Loads the .wasm (by default the one in this package, beside this file). Call it once and await it before
 * `summarize`, `split` or `version` in browsers; in Node it is optional (the first call loads the .wasm).
 * Calling it again returns the same promise.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export default init;

/** Loads the .wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: ArrayBuffer | ArrayBufferView | WebAssembly.Module): void;

/**
 * Summarizes `text`: sentences with scores, the summary (indices into `sentences`), people, quotes and removed
 * page chrome. Throws an `Error` naming the option when an option is wrong, or when `text` is over
 * `maxInputBytes`; any text at all, however strange, gets a result.
 */
export function summarize(text: string, options?: Options | null): Summary;

/** Splits `text` into sentences after removing site chrome (`options.maxInputBytes` applies). */
export function split(text: string, options?: Options | null): Segmentation;

/** The version of nutshell ("0.1.0"). */
export function version(): string;
