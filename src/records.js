// The result's objects, each made by one call from src/wasm.rs (wasm-bindgen imports this module
// and ships it beside its glue, in pkg/snippets/).
//
// A sentence made field by field took 46 calls out of the Wasm and a UTF-8 decoding of its text; here it takes
// one call and no decoding: every span is a slice of the caller's own string, `input.slice(start16, end16)`
// (tests/js/robustness.test.mjs checks it with lone surrogates). The object literals give V8 one shape per kind
// of object. The features, then their contributions, arrive as numbers in the order of Features::NAMES
// (src/score.rs; src/wasm.rs checks its list against it when compiling), and tests/js/cli.test.mjs checks that
// the result's JSON, field order included, is the CLI's.

const encoder = new TextEncoder();

/** What `typeof` may say of a text that is not a string; `textUnits` answers with its place, as -2 - place. */
const KINDS = ["null", "undefined", "number", "boolean", "bigint", "symbol", "object", "function"];

/**
 * The length of `input` in UTF-16 units if it is a string; otherwise -2 minus the place of its kind in `KINDS`
 * (`null` is "null"), -1 for a kind not there.
 */
export function textUnits(input) {
  if (typeof input === "string") return input.length;
  return -2 - KINDS.indexOf(input === null ? "null" : typeof input);
}

/**
 * The options object as one string, which src/wasm.rs reads and sets by name: reading them here takes one call
 * out of the Wasm where reading them there took one or more per property (and a wrapper per kind of call for V8
 * to compile at instantiation). Each option set is its name, then its value: a number as the 16 hexadecimal
 * digits of its bits, "n" first; a string, "s" first; "t" or "f" for a boolean; "o" and its `typeof` for
 * anything else. A name or a string is its length in UTF-16 units, ":", then itself (it may hold anything). Each
 * weight is an option of its own, `weights.NAME`; a null or undefined value, which leaves an option at its
 * default, is left out. "O" alone stands for options that are not an object, "U" for keys that cannot be read
 * (a revoked Proxy, a Proxy's trap that throws), at the place where reading them failed; a property whose getter
 * throws reads as undefined. Nothing here throws: an exception would unwind through the Wasm's frames.
 */
export function flattenOptions(options) {
  if (options === undefined || options === null) return "";
  if (typeof options !== "object") return "O";
  let keys;
  try {
    if (Array.isArray(options)) return "O";
    keys = Object.keys(options);
  } catch {
    return "U";
  }
  let flat = "";
  for (const key of keys) {
    const value = property(options, key);
    if (key === "weights" && typeof value === "object" && value !== null) {
      let names;
      try {
        names = Object.keys(value);
      } catch {
        return flat + "U";
      }
      for (const name of names) flat += option(`weights.${name}`, property(value, name));
    } else flat += option(key, value);
  }
  return flat;
}

/** `object[key]`, or undefined if reading it throws. */
function property(object, key) {
  try {
    return object[key];
  } catch {
    return undefined;
  }
}

const bits = new DataView(new ArrayBuffer(8));

/** One option for `flattenOptions`: its name and value, or nothing for a null or undefined value. */
function option(name, value) {
  if (value === undefined || value === null) return "";
  const named = `${name.length}:${name}`;
  switch (typeof value) {
    case "number":
      bits.setFloat64(0, value);
      return `${named}n${hex(bits.getUint32(0))}${hex(bits.getUint32(4))}`;
    case "string":
      return `${named}s${value.length}:${value}`;
    case "boolean":
      return `${named}${value ? "t" : "f"}`;
    default: {
      const kind = typeof value;
      return `${named}o${kind.length}:${kind}`;
    }
  }
}

/** A 32-bit number as 8 hexadecimal digits. */
function hex(half) {
  return half.toString(16).padStart(8, "0");
}

/**
 * The length of `input` in UTF-8 bytes, as `encodeInto` writes it: a surrogate pair is 4 bytes, a lone surrogate
 * 3 (U+FFFD). Only for a text too long to read, whose length the error message gives.
 */
export function utf8Length(input) {
  let bytes = 0;
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit < 0xdc00 && unit >= 0xd800 && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Writes `input` as UTF-8 into the Wasm `memory` from byte `at` on, `capacity` bytes at most; returns how many, or
 * -1 when it does not fit. The string is encoded in pieces of 64 Ki units (a surrogate pair kept whole): V8 kept a
 * copy of a long string that `encodeInto` read at once, alive as long as the result's texts, sliced from the
 * string, were (20 MB more JS heap for a 10 MB text).
 */
export function encodeInto(input, memory, at, capacity) {
  const view = new Uint8Array(memory.buffer, at, capacity);
  let written = 0;
  for (let from = 0, to; from < input.length; from = to) {
    to = Math.min(from + 65536, input.length);
    const last = input.charCodeAt(to - 1);
    if (last >= 0xd800 && last <= 0xdbff && to < input.length) to++;
    // The first piece, all of a text of up to 64 Ki units, goes into `view` itself (`subarray` makes a new view).
    const done = encoder.encodeInto(input.substring(from, to), written === 0 ? view : view.subarray(written));
    if (done.read < to - from) return -1;
    written += done.written;
  }
  return written;
}

let numbers = new Float64Array(0);

/**
 * The numbers src/wasm.rs hands over in the Wasm `memory` (as arguments, each kind of call took a wrapper that V8
 * compiled at instantiation). The view is made again when the memory has grown, which gives it a new buffer.
 */
function numbersIn(memory) {
  if (numbers.buffer !== memory.buffer) numbers = new Float64Array(memory.buffer);
  return numbers;
}

/**
 * The result being made, between `beginSummary` or `beginSegmentation` and `finish`, and the caller's string, which
 * its spans slice: the calls that fill it name neither (each value a call passed took a slot in wasm-bindgen's
 * table, and each list src/wasm.rs made a call out of the Wasm as well).
 */
let result = null;
let input = "";
/** The person `pushPerson` made last, whose aliases, mentions and quotes come next. */
let person = null;

/**
 * Starts a summary of `text`: its lists, empty, and its title, set by `finish`. The lists are made apart from the
 * object: an object literal with array literals in it is copied whole by V8's runtime until the function is
 * optimised (this one is called once a summary: 4K instructions each, against a few dozen).
 */
export function beginSummary(text) {
  const authors = [], sentences = [], summary = [], people = [], quotes = [], removed = [];
  input = text;
  result = { title: null, authors, sentences, summary, people, quotes, removed };
}

/** Starts what `split` returns for `text`: the title, set by `finish`, the sentences' spans, the removed runs. */
export function beginSegmentation(text) {
  const sentences = [], removed = [];
  input = text;
  result = { title: null, sentences, removed };
}

/**
 * The result, its title set (null for none, which comes as undefined); the caller's string and the result are let
 * go here (kept, the texts would keep the string alive).
 */
export function finish(title) {
  const done = result;
  done.title = title ?? null;
  result = null;
  input = "";
  person = null;
  return done;
}

/**
 * Appends `count` quotes, their numbers read from the Wasm `memory` from byte `at` on: a span's offsets, the
 * speaker (-1 for none), the sentence. All are whole numbers, read with `| 0` as `pushSentence` reads its own.
 */
export function pushQuotes(memory, at, count) {
  const n = numbersIn(memory);
  const list = result.quotes;
  for (let i = at / 8, end = i + count * 6; i < end; i += 6) {
    const speaker = n[i + 4] | 0;
    pushQuote(list, n[i] | 0, n[i + 1] | 0, n[i + 2] | 0, n[i + 3] | 0, speaker < 0 ? null : speaker,
      n[i + 5] | 0);
  }
}

/**
 * Appends a span of `input` to `list`: its text and its UTF-8 and UTF-16 offsets.
 *
 * Here and in the other `push` functions the text is sliced and the object made before `list.push` is read: V8
 * inlines `push` only where nothing between that read and the call may have changed `list`'s map, and the slice,
 * a call, might. With the slice inside the object literal, every push was a call to V8's generic `push` builtin
 * (its cost 0.53M a corpus round).
 */
function pushSpan(list, start, end, start16, end16) {
  const text = input.slice(start16, end16);
  const span = { text, start, end, start16, end16 };
  list.push(span);
}

/** Appends a sentence's span to those `split` returns. */
export function pushSegment(start, end, start16, end16) {
  pushSpan(result.sentences, start, end, start16, end16);
}

/** Appends a removed run of chrome: a span and why it was removed. */
export function pushRemoved(start, end, start16, end16, reason) {
  const text = input.slice(start16, end16);
  const removed = { text, start, end, start16, end16, reason };
  result.removed.push(removed);
}

/** Appends a quote to `list`: a span of `input`, its speaker's index in `people` (or null), the index of its sentence. */
function pushQuote(list, start, end, start16, end16, speaker, sentence) {
  const text = input.slice(start16, end16);
  const quote = { text, start, end, start16, end16, speaker, sentence };
  list.push(quote);
}

/** Appends an author of the article. */
export function pushAuthor(name) {
  result.authors.push(name);
}

/** Appends the index of a sentence of the summary. */
export function pushChosen(index) {
  result.summary.push(index);
}

/**
 * Appends a person: the name, its other forms, how often and where the person is named, the role (null for none,
 * which comes as undefined: a text handed over as a value took a slot in wasm-bindgen's table), the quotes. The
 * other forms, mentions and quotes come next, one call each (`pushAlias`, `pushMention`, `pushPersonQuote`).
 */
export function pushPerson(name, mentions, role, first, first16) {
  const aliases = [], spans = [], quotes = [];
  person = { name, aliases, mentions, role: role ?? null, first, first16, spans, quotes };
  result.people.push(person);
}

/** Appends another form of the name to the last person's. */
export function pushAlias(alias) {
  person.aliases.push(alias);
}

/** Appends a mention, a span of `input`, to the last person's. */
export function pushMention(start, end, start16, end16) {
  pushSpan(person.spans, start, end, start16, end16);
}

/** Appends a quote, a span of `input`, to the last person's. */
export function pushPersonQuote(start, end, start16, end16) {
  pushSpan(person.quotes, start, end, start16, end16);
}

/**
 * Appends `count` sentences, their numbers read from the Wasm `memory` from byte `at` on, 42 a sentence
 * in `pushSentence`'s order (src/wasm.rs writes them there: as arguments they took a call out of the Wasm whose
 * wrapper V8 compiled at instantiation).
 */
export function pushSentences(memory, at, count) {
  const n = numbersIn(memory);
  const list = result.sentences;
  for (let i = at / 8, end = i + count * 42; i < end; i += 42) pushSentence(list, n, i);
}

/**
 * Appends a sentence of `input` with its score, features and contributions (each feature times its weight) to
 * `list`, its 42 numbers read from `n` from `place` on. Passed as 44 arguments, read out of `n` by the caller, they cost
 * V8 9% more instructions over the first 75 summaries in Node (compiling the call); as many as now later.
 *
 * The whole numbers (the offsets, at most `maxInputBytes`, 1 GiB; the paragraph; the features that are flags,
 * 0 or 1) are read as `n[k] | 0`, the same number, which V8 then knows to be a small integer: it stores it as it
 * is. Read as they come, each was tested for being whole and for -0 before it was stored, branches on the
 * sentence's numbers that the predictor missed: the Wasm cost on cnndm/dev was 1.0% more (pushSentence's own
 * mispredicts 24.8K a round against 3.6K). The place is masked to 30 bits, which it never fills (a place in the
 * Wasm memory, 4 GiB at most, is below 2^29): V8 then knows that `i + 41` cannot overflow and adds without a test,
 * 42 branches a sentence fewer (Wasm cost −0.39%).
 */
function pushSentence(list, n, place) {
  const i = place & 0x3fffffff;
  const start16 = n[i + 2] | 0, end16 = n[i + 3] | 0;
  const text = input.slice(start16, end16);
  const sentence = {
    text, start: n[i] | 0, end: n[i + 1] | 0, start16, end16,
    paragraph: n[i + 4] | 0, score: n[i + 5],
    features: {
      position: n[i + 6], budget: n[i + 7], paragraph: n[i + 8] | 0, quotes: n[i + 9], entities: n[i + 10],
      centrality: n[i + 11], coverage: n[i + 12], lead: n[i + 13], title: n[i + 14], length: n[i + 15],
      long: n[i + 16], numbers: n[i + 17] | 0, heading: n[i + 18] | 0, caption: n[i + 19] | 0,
      reference: n[i + 20] | 0, question: n[i + 21] | 0, speech: n[i + 22] | 0, chrome: n[i + 23],
    },
    contributions: {
      position: n[i + 24], budget: n[i + 25], paragraph: n[i + 26], quotes: n[i + 27], entities: n[i + 28],
      centrality: n[i + 29], coverage: n[i + 30], lead: n[i + 31], title: n[i + 32], length: n[i + 33],
      long: n[i + 34], numbers: n[i + 35], heading: n[i + 36], caption: n[i + 37], reference: n[i + 38],
      question: n[i + 39], speech: n[i + 40], chrome: n[i + 41],
    },
  };
  list.push(sentence);
}

// V8 gives a field of an object literal a "double" representation once it has held a fraction: every number
// stored there is then boxed in a heap object of its own, 0 and 1 included, without a test of what it is. A
// "tagged" field stores a whole number as it is, unboxed, and boxes any other (a fraction, -0) after tests of which
// it is. A sentence made here once, with a fraction in every number, gives the score, the fractional features and
// the contributions (fractions, or -0: a flag times a negative weight) double fields, boxed without the tests,
// which V8 mispredicted where a field's values went from whole to not between sentences: with them tagged, the
// Wasm cost on cnndm/dev was 0.9% more (mispredicts +14K a round). The whole numbers, read with `| 0` (0 here),
// are small integers, stored unboxed (every field tagged instead of double took 15–20% off the time to summarize
// 10 MB). The result is the same. Other engines only make one object more.
pushSentence([], new Array(42).fill(0.5), 0);

// The same for quotes, whose numbers `pushQuotes` reads out of a Float64Array: one made with null numbers keeps
// their fields tagged, so the whole numbers stored there are not boxed.
{
  pushQuote([], null, null, null, null, null, null);
}
