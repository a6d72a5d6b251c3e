// The nutshell page: read the article, ask the worker for a summary, show it.
//
// Everything the page shows that comes from the article is inserted with `textContent` or as text nodes — never
// as HTML — so an article full of markup renders as the markup's text and runs nothing. After the sample has
// loaded the page makes no network request: the summarizer runs in a Web Worker on this machine.

import { extractArticle, htmlToText, looksLikeHtmlSource } from "./paste.js";

/** Wait this long after the last keystroke before summarizing: typing stays smooth, results follow closely. */
const TYPING_DELAY_MS = 250;
/** Show the busy indicator only for work that takes longer than this (most articles take a few ms). */
const BUSY_AFTER_MS = 100;
/** While busy, the elapsed time and the progress estimate are redrawn this often. */
const PROGRESS_EVERY_MS = 100;
/** Summaries of texts at least this long (UTF-16 units) that took at least this long teach the page how fast this
 * machine summarizes: in shorter ones the fixed costs (the result's crossing, code not yet optimised by the
 * engine) weigh too much to predict a long text's time. */
const MIN_RATE_SAMPLE_LENGTH = 100_000;
const MIN_RATE_SAMPLE_MS = 50;
/** The estimate never claims more than this share: it is a prediction, and the work is done only when it is. */
const MAX_ESTIMATE = 0.95;
/** Above this many sentences (or mentions) the source view marks only the summary and the removed text. */
const MAX_SOURCE_SPANS = 20000;
/** Longer texts show only the summary's paragraphs in the source view: laying out megabytes of text would hold
 * the page up for seconds, and the whole text is in the box above anyway. */
const MAX_FULL_SOURCE_LENGTH = 200_000;
/** Context kept around each summary sentence in an excerpted source view, at most (UTF-16 units). */
const EXCERPT_CONTEXT = 1000;
/** People shown as cards, and quotes shown per person (the rest behind a "more" toggle, up to a limit). */
const MAX_PEOPLE = 100;
const QUOTES_SHOWN = 6;
const MAX_QUOTES = 200;
/** Rows of the "every sentence's score" table. */
const MAX_SCORE_ROWS = 2000;
/** The summarizer's own default limit (`Options::DEFAULT_MAX_INPUT_BYTES`), checked early for dropped files. */
const MAX_FILE_BYTES = 32 << 20;

const PATH_LABELS = {
  sample: "Sample article",
  html: "Article extracted from pasted HTML",
  text: "Plain text",
  "text-fallback": "Plain text — no article found in the pasted HTML",
  "html-source": "HTML source pasted as text — article extracted from it",
  "html-source-text": "HTML source pasted as text — no article found, the text of its page is used",
  "html-source-raw": "HTML source pasted as text — no readable text in it, summarized as it is",
  file: "Plain text from a file",
  typed: "Typed text",
};

const $ = (id) => document.getElementById(id);
const ui = {
  root: document.documentElement,
  input: $("input"),
  controls: $("controls"),
  lengths: { sentences: $("sentences"), ratio: $("ratio"), words: $("words") },
  quotes: $("quotes"),
  file: $("file"),
  loadSample: $("load-sample"),
  inputPath: $("input-path"),
  status: $("status"),
  statusText: $("status-text"),
  progress: $("progress"),
  progressText: $("progress-text"),
  results: $("results"),
  title: $("title"),
  byline: $("byline"),
  summary: $("summary"),
  summaryNote: $("summary-note"),
  people: $("people"),
  peopleNote: $("people-note"),
  source: $("source"),
  sourceNote: $("source-note"),
  scores: $("scores"),
  scoresBody: $("scores-body"),
  version: $("version"),
};

// ---------------------------------------------------------------------------------------------------------------
// The worker. One request at a time: while one runs, only the newest wanted request waits (older ones are
// dropped unsent), and an answer to anything but the newest request is ignored.

const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
let workerReady = false;
let nextId = 1;
let inFlight = null; // { id } sent, not yet answered
let wanted = null; // { id, text, options, sent }
let busyTimer = 0;
let progressTimer = 0;
/** How fast summaries ran on this machine so far, in UTF-16 units per ms (null until one long enough ran). */
let unitsPerMs = null;
let sampleText = null; // the sample as loaded: a paste replaces it whole
let rendered = null; // { text, result } on screen
let renderCount = 0;
let started = false; // the sample has been loaded (or failed to) and its summary requested

worker.addEventListener("message", (event) => {
  const message = event.data ?? {};
  if ("ready" in message) {
    if (message.ready) {
      workerReady = true;
      ui.version.textContent = `v${message.version}`;
      sendWanted();
      markReady();
    } else {
      fail(message.error);
    }
    return;
  }
  if (inFlight && message.id === inFlight.id) inFlight = null;
  if (wanted && message.id === wanted.id) {
    const request = wanted;
    wanted = null;
    stopBusy();
    if ("error" in message) showError(message.error);
    else {
      learnSpeed(request.text.length, message.elapsed);
      render(request, message.result, message.elapsed);
    }
  }
  sendWanted();
});
worker.addEventListener("error", (event) => {
  event.preventDefault();
  fail(`The summarizer could not be loaded${event.message ? `: ${event.message}` : ""}. If you run the page ` +
    "yourself, build the WebAssembly module first (npm start).");
});
worker.addEventListener("messageerror", () => showError("The summarizer sent a result the page could not read."));

function sendWanted() {
  if (!workerReady || inFlight || !wanted || wanted.sent) return;
  wanted.sent = true;
  inFlight = { id: wanted.id };
  worker.postMessage({ id: wanted.id, text: wanted.text, options: wanted.options });
}

// ---------------------------------------------------------------------------------------------------------------
// Requests: debounced typing, immediate for pastes, drops and control changes.

let debounceTimer = 0;

function schedule(delay) {
  clearTimeout(debounceTimer);
  if (delay > 0) debounceTimer = setTimeout(requestSummary, delay);
  else requestSummary();
}

function requestSummary() {
  clearTimeout(debounceTimer);
  const text = ui.input.value;
  if (text.trim() === "") {
    wanted = null;
    stopBusy();
    showEmpty(text === "" ? "Paste an article into the box — or drop a .txt file on it — to see its summary and the people in it."
      : "There is only white space in the box: paste an article to see its summary.");
    return;
  }
  const options = readOptions();
  if (typeof options === "string") {
    wanted = null;
    stopBusy();
    showError(options);
    return;
  }
  wanted = { id: nextId++, text, options, sent: false };
  startBusy(text.length);
  sendWanted();
}

/** The options the controls describe, or a message when a control is empty. Values are passed through as
 * numbers: nutshell validates them and names the option in its error. */
function readOptions() {
  const mode = ui.controls.elements["length-mode"].value;
  const field = ui.lengths[mode];
  const raw = field.value.trim();
  if (raw === "") {
    const what = { sentences: "a number of sentences", ratio: "a ratio between 0 and 1", words: "a number of words" }[mode];
    return `Option \`${mode}\`: enter ${what}.`;
  }
  return { [mode]: Number(raw), quotes: ui.quotes.value };
}

function startBusy(length) {
  stopBusy();
  const started = performance.now();
  busyTimer = setTimeout(() => {
    if (ui.root.dataset.state === "error") return;
    ui.results.setAttribute("aria-busy", "true");
    const show = () => showProgress(length, performance.now() - started);
    show();
    progressTimer = setInterval(show, PROGRESS_EVERY_MS);
  }, BUSY_AFTER_MS);
}

/** The busy status of a summary that has run `elapsed` ms: the time so far and, once a slow summary has shown the
 * page how fast this machine summarizes, an estimate of how far along it is (the worker cannot report from inside
 * the call).
 * The ticking figures sit outside the live status text, so a screen reader announces "Summarizing" once. */
function showProgress(length, elapsed) {
  if (ui.status.dataset.status !== "busy") setStatus("busy", `Summarizing ${formatSize(length)}…`);
  const seconds = `${(elapsed / 1000).toFixed(1)} s`;
  if (unitsPerMs === null) {
    ui.progress.hidden = true;
    ui.progressText.textContent = seconds;
    return;
  }
  const share = Math.min(MAX_ESTIMATE, elapsed / (length / unitsPerMs));
  ui.progress.hidden = false;
  ui.progress.value = share;
  ui.progressText.textContent = `${seconds}, about ${Math.round(share * 100)}% done`;
}

function stopBusy() {
  clearTimeout(busyTimer);
  clearInterval(progressTimer);
  ui.progress.hidden = true;
  ui.progressText.textContent = "";
  ui.results.setAttribute("aria-busy", "false");
}

/** Learns this machine's speed from a finished summary (a running mean, so one slow run does not dominate). */
function learnSpeed(length, elapsed) {
  if (length < MIN_RATE_SAMPLE_LENGTH || !(elapsed >= MIN_RATE_SAMPLE_MS)) return;
  const rate = length / elapsed;
  unitsPerMs = unitsPerMs === null ? rate : (unitsPerMs + rate) / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Status line and page state.

function setStatus(state, text) {
  ui.status.dataset.status = state;
  ui.statusText.textContent = text;
}

function showError(message) {
  setStatus("error", message);
  ui.results.dataset.stale = "true";
  markReady();
}

function fail(message) {
  workerReady = false;
  wanted = null;
  stopBusy();
  ui.root.dataset.state = "error";
  setStatus("error", message);
}

function showEmpty(message) {
  setStatus("empty", message);
  clearResults();
  markReady();
}

/** The page is ready once the sample's summary is on screen (or there was nothing to show): every asset has
 * been fetched by then, and nothing is fetched after. */
function markReady() {
  if (ui.root.dataset.state === "loading" && workerReady && started && !wanted) ui.root.dataset.state = "ready";
}

function setInputPath(path, detail) {
  ui.inputPath.dataset.inputPath = path;
  ui.inputPath.textContent = detail ? `${PATH_LABELS[path]}: ${detail}` : PATH_LABELS[path];
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering a result. `request.text` is the exact string the worker summarized: every start16/end16 indexes
// into it.

function clearResults() {
  rendered = null;
  ui.title.textContent = "";
  ui.byline.textContent = "";
  ui.summary.replaceChildren();
  ui.people.replaceChildren();
  ui.source.replaceChildren();
  ui.sourceNote.hidden = true;
  ui.scoresBody.replaceChildren();
  ui.summaryNote.hidden = true;
  ui.peopleNote.hidden = true;
  delete ui.results.dataset.stale;
  ui.results.dataset.sentences = "0";
  ui.results.dataset.people = "0";
}

function render(request, result, elapsed) {
  const started = performance.now();
  const { text } = request;
  rendered = { text, result };
  renderCount += 1;
  const { sentences, summary, people, removed } = result;
  const chosen = new Set(summary);

  ui.title.textContent = result.title ?? "";
  ui.title.hidden = !result.title;
  ui.byline.textContent = result.authors?.length ? `By ${result.authors.join(", ")}` : "";
  ui.byline.hidden = !result.authors?.length;

  renderSummary(result);
  renderPeople(result);
  renderSource(text, result, chosen);
  if (ui.scores.open) renderScores();
  else ui.scoresBody.replaceChildren();

  delete ui.results.dataset.stale;
  ui.results.dataset.sentences = String(sentences.length);
  ui.results.dataset.people = String(people.length);
  ui.results.dataset.renders = String(renderCount);
  ui.results.dataset.options = JSON.stringify(request.options);
  const parts = [
    `${plural(sentences.length, "sentence")}`,
    `${plural(people.length, "person", "people")}`,
  ];
  if (removed.length) parts.push(`${plural(removed.length, "piece")} of site text removed`);
  const time = typeof elapsed === "number" ? ` in ${elapsed < 10 ? elapsed.toFixed(1) : Math.round(elapsed)} ms` : "";
  setStatus("done", `Summarized ${formatSize(text.length)}${time}: ${parts.join(", ")}.`);
  performance.measure("nutshell: render", { start: started });
  markReady();
}

function renderSummary(result) {
  const { sentences, summary } = result;
  const items = summary.map((index, rank) => {
    const sentence = sentences[index];
    const item = element("li", { className: "summary-item" });
    item.dataset.sentenceIndex = String(index);
    item.dataset.summaryRank = String(rank);
    const link = element("button", { type: "button", className: "sentence-link", textContent: sentence.text });
    link.title = "Show this sentence in the source";
    link.addEventListener("click", () => showSentence(index));
    item.append(link, whyDetails(sentence));
    return item;
  });
  ui.summary.replaceChildren(...items);

  let note = "";
  if (sentences.length === 0) note = "No article sentences were found in this text.";
  else if (summary.length < requestedSentences() && summary.length === sentences.length) {
    note = `The article has only ${plural(sentences.length, "sentence")}, so the summary is the whole article.`;
  }
  ui.summaryNote.textContent = note;
  ui.summaryNote.hidden = !note;
}

function requestedSentences() {
  const mode = ui.controls.elements["length-mode"].value;
  return mode === "sentences" ? Number(ui.lengths.sentences.value) : 0;
}

/** An expandable table of what made a sentence score: each feature's value, its weighted contribution, and the
 * total (the sum of the contributions). */
function whyDetails(sentence) {
  const details = element("details", { className: "why" });
  details.append(element("summary", { textContent: `why? score ${formatNumber(sentence.score)}` }));
  const table = element("table", { className: "features" });
  const head = element("thead");
  const headRow = element("tr");
  for (const label of ["feature", "value", "adds"]) headRow.append(element("th", { scope: "col", textContent: label }));
  head.append(headRow);
  const body = element("tbody");
  const contributions = sentence.contributions ?? {};
  for (const [name, value] of Object.entries(sentence.features ?? {})) {
    const row = element("tr");
    row.dataset.feature = name;
    row.append(element("th", { scope: "row", textContent: name }), element("td", { textContent: formatNumber(value) }),
      element("td", { textContent: name in contributions ? formatSigned(contributions[name]) : "" }));
    body.append(row);
  }
  const total = element("tr", { className: "total" });
  total.append(element("th", { scope: "row", textContent: "score" }), element("td"),
    element("td", { textContent: formatNumber(sentence.score) }));
  body.append(total);
  table.append(head, body);
  details.append(table);
  return details;
}

function renderPeople(result) {
  const { people, sentences } = result;
  const items = people.slice(0, MAX_PEOPLE).map((person, index) => {
    const item = element("li", { className: "person" });
    item.dataset.personIndex = String(index);
    item.dataset.mentions = String(person.mentions);

    const heading = element("div", { className: "person-heading" });
    const name = element("button", { type: "button", className: "person-name", textContent: person.name });
    name.title = "Show the first mention in the source";
    name.addEventListener("click", () => showMention(index) || showOffset(sentences, person.first16));
    heading.append(name);
    if (person.role) heading.append(element("span", { className: "person-role", textContent: person.role }));
    heading.append(element("span", { className: "person-mentions", textContent: plural(person.mentions, "mention") }));
    item.append(heading);

    if (person.aliases?.length) {
      item.append(element("p", { className: "person-aliases", textContent: `also: ${person.aliases.join(", ")}` }));
    }
    if (person.quotes?.length) {
      const quoteItem = (quote) => {
        const line = element("li");
        const link = element("button", { type: "button", className: "quote-link" });
        link.title = "Show this quote in the source";
        link.append(element("q", { textContent: quote.text }));
        link.addEventListener("click", () => showOffset(sentences, quote.start16));
        line.append(link);
        return line;
      };
      const quotes = element("ul", { className: "person-quotes" });
      quotes.append(...person.quotes.slice(0, QUOTES_SHOWN).map(quoteItem));
      item.append(quotes);
      if (person.quotes.length > QUOTES_SHOWN) {
        const more = element("details", { className: "more-quotes" });
        const rest = person.quotes.slice(QUOTES_SHOWN, MAX_QUOTES);
        const hidden = person.quotes.length - QUOTES_SHOWN;
        more.append(element("summary", { textContent: `${plural(hidden, "more quote")}` }));
        const list = element("ul", { className: "person-quotes" });
        list.append(...rest.map(quoteItem));
        more.append(list);
        if (person.quotes.length > MAX_QUOTES) more.append(element("p", { className: "note", textContent: `First ${MAX_QUOTES} shown.` }));
        item.append(more);
      }
    }
    item.addEventListener("mouseenter", () => highlightMentions(index, true));
    item.addEventListener("mouseleave", () => highlightMentions(index, false));
    item.addEventListener("focusin", () => highlightMentions(index, true));
    item.addEventListener("focusout", () => highlightMentions(index, false));
    return item;
  });
  ui.people.replaceChildren(...items);
  ui.peopleNote.textContent = people.length === 0 ? "No people were found in this text."
    : people.length > MAX_PEOPLE ? `The ${MAX_PEOPLE} most salient of ${people.length} people.` : "";
  ui.peopleNote.hidden = !ui.peopleNote.textContent;
}

/** The source text as text nodes, with each sentence a span (the summary's a <mark>), each mention of a person
 * a span inside it, and removed site text a <del>. Spans come sorted and disjoint from nutshell; anything else is
 * clipped rather than trusted. */
function renderSource(text, result, chosen) {
  const { sentences, removed, people } = result;
  const blocks = [];
  const everySentence = sentences.length <= MAX_SOURCE_SPANS;
  sentences.forEach((sentence, index) => {
    if (everySentence || chosen.has(index)) blocks.push({ start: sentence.start16, end: sentence.end16, sentence, index });
  });
  for (const piece of removed) blocks.push({ start: piece.start16, end: piece.end16, removed: piece });
  blocks.sort((a, b) => a.start - b.start || a.end - b.end);

  const mentions = [];
  people.forEach((person, personIndex) => {
    for (const span of person.spans ?? []) mentions.push({ start: span.start16, end: span.end16, personIndex });
  });
  const showMentions = everySentence && mentions.length <= MAX_SOURCE_SPANS;
  if (showMentions) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  let nextMention = 0;

  // Text from `from` to `to`, with the mentions that lie inside it.
  const appendText = (parent, from, to) => {
    let cursor = from;
    while (showMentions && nextMention < mentions.length && mentions[nextMention].start < to) {
      const mention = mentions[nextMention];
      const start = Math.max(mention.start, cursor);
      const end = Math.min(mention.end, to);
      if (end <= start) {
        if (mention.end <= to) nextMention += 1;
        else break;
        continue;
      }
      if (start > cursor) parent.append(text.slice(cursor, start));
      const node = element("span", { className: "mention", textContent: text.slice(start, end) });
      node.dataset.personIndex = String(mention.personIndex);
      parent.append(node);
      cursor = end;
      if (mention.end <= to) nextMention += 1;
      else break;
    }
    if (to > cursor) parent.append(text.slice(cursor, to));
  };

  const excerpt = text.length > MAX_FULL_SOURCE_LENGTH;
  const ranges = excerpt ? excerptRanges(text, sentences, chosen) : [[0, text.length]];
  const fragment = document.createDocumentFragment();
  let blockIndex = 0;
  let shownUntil = 0;
  for (const [from, to] of ranges) {
    if (from > shownUntil) fragment.append(elision(from - shownUntil));
    let cursor = from;
    while (blockIndex < blocks.length && blocks[blockIndex].start < to) {
      const block = blocks[blockIndex];
      const start = Math.max(block.start, cursor);
      const end = Math.min(block.end, to);
      if (end > start) {
        if (start > cursor) appendText(fragment, cursor, start);
        fragment.append(blockElement(block, start, end));
        cursor = end;
      }
      if (block.end <= to) blockIndex += 1;
      else break; // it goes on in the next range
    }
    if (to > cursor) appendText(fragment, cursor, to);
    shownUntil = to;
  }
  if (text.length > shownUntil) fragment.append(elision(text.length - shownUntil));
  ui.source.replaceChildren(fragment);
  ui.source.dataset.excerpt = String(excerpt);
  ui.sourceNote.textContent = excerpt
    ? `This text is long (${formatSize(text.length)}): the source shows the summary's paragraphs only.` : "";
  ui.sourceNote.hidden = !excerpt;

  function blockElement(block, start, end) {
    let node;
    if (block.removed) {
      node = element("del", { className: "removed" });
      node.dataset.reason = block.removed.reason;
      node.title = `Removed: ${block.removed.reason}`;
    } else {
      const isChosen = chosen.has(block.index);
      node = element(isChosen ? "mark" : "span", { className: isChosen ? "sentence chosen" : "sentence" });
      node.dataset.sentenceIndex = String(block.index);
      node.title = whyText(block.sentence, isChosen);
    }
    appendText(node, start, end);
    return node;
  }
}

/** The stretches of a long text that the source view shows: the start, and the paragraph around each summary
 * sentence (at most EXCERPT_CONTEXT units either side), merged where they touch. */
function excerptRanges(text, sentences, chosen) {
  const ranges = [[0, Math.min(text.length, 2 * EXCERPT_CONTEXT)]];
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const { start16, end16 } = sentences[index];
    const lineStart = text.lastIndexOf("\n", start16 - 1) + 1;
    const lineEnd = text.indexOf("\n", end16);
    ranges.push([Math.max(lineStart, start16 - EXCERPT_CONTEXT), Math.min(lineEnd < 0 ? text.length : lineEnd, end16 + EXCERPT_CONTEXT)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function elision(length) {
  return element("span", { className: "elided", textContent: `\n[… ${formatSize(length)} not shown …]\n` });
}

function whyText(sentence, isChosen) {
  const features = Object.entries(sentence.features ?? {}).map(([name, value]) => `${name} ${formatNumber(value)}`);
  return `${isChosen ? "In the summary. " : ""}Score ${formatNumber(sentence.score)} — ${features.join(", ")}`;
}

/** The table of every sentence's features, built when it is opened. */
function renderScores() {
  if (!rendered) return;
  const { sentences, summary } = rendered.result;
  const chosen = new Set(summary);
  const names = [...new Set(sentences.flatMap((s) => Object.keys(s.features ?? {})))];
  const table = element("table", { className: "score-table" });
  const head = element("tr");
  for (const label of ["#", "sentence", "score", ...names]) head.append(element("th", { scope: "col", textContent: label }));
  table.append(element("thead"));
  table.tHead.append(head);
  const body = element("tbody");
  for (const [index, sentence] of sentences.slice(0, MAX_SCORE_ROWS).entries()) {
    const row = element("tr");
    row.dataset.sentenceIndex = String(index);
    if (chosen.has(index)) row.className = "chosen";
    const cells = [chosen.has(index) ? `${index + 1} ✓` : String(index + 1), truncate(sentence.text, 90),
      formatNumber(sentence.score), ...names.map((name) => formatNumber(sentence.features?.[name]))];
    for (const value of cells) row.append(element("td", { textContent: value }));
    row.addEventListener("click", () => showSentence(index));
    body.append(row);
  }
  table.append(body);
  const parts = [table];
  if (sentences.length > MAX_SCORE_ROWS) {
    parts.push(element("p", { className: "note", textContent: `First ${MAX_SCORE_ROWS} of ${sentences.length} sentences.` }));
  }
  ui.scoresBody.replaceChildren(...parts);
}

function showSentence(index) {
  const node = ui.source.querySelector(`[data-sentence-index="${index}"]`);
  if (node) flash(node);
}

function flash(node) {
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  node.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
  node.classList.remove("flash");
  void node.offsetWidth; // restart the highlight animation
  node.classList.add("flash");
}

/** Marks every mention of one person in the source (while the pointer or focus is on their card). */
function highlightMentions(personIndex, on) {
  for (const node of ui.source.querySelectorAll(`.mention[data-person-index="${personIndex}"]`)) {
    node.classList.toggle("active", on);
  }
}

/** Scrolls to a person's first mention; false when the source view has no mention spans. */
function showMention(personIndex) {
  const node = ui.source.querySelector(`.mention[data-person-index="${personIndex}"]`);
  if (!node) return false;
  flash(node);
  return true;
}

/** Scrolls to the sentence that holds a UTF-16 offset (a person's first mention, a quote). */
function showOffset(sentences, offset) {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle].start16 <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found >= 0) showSentence(found);
}

// ---------------------------------------------------------------------------------------------------------------
// Input: typing, pasting (HTML through Readability), dropping or opening a file, the sample.

ui.input.addEventListener("input", () => {
  const path = ui.inputPath.dataset.inputPath;
  if (ui.input.value.trim() === "" || (path === "sample" && ui.input.value !== sampleText)) setInputPath("typed");
  schedule(TYPING_DELAY_MS);
});

ui.input.addEventListener("paste", (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const types = Array.from(data.types ?? []);
  const html = types.includes("text/html") ? data.getData("text/html") : "";
  const plain = types.includes("text/plain") ? data.getData("text/plain") : "";
  let text = null;
  let path = "text";
  if (html) {
    const article = extractArticle(html);
    if (article) {
      text = article.text;
      path = "html";
    } else {
      text = plain || htmlToText(html);
      path = "text-fallback";
    }
  } else if (plain && looksLikeHtmlSource(plain)) {
    ({ text, path } = fromHtmlSource(plain));
  } else if (plain) {
    text = plain;
  }
  if (text === null) return; // files or other kinds: leave them to the browser
  event.preventDefault();
  insertText(text);
  setInputPath(path);
  schedule(0);
});

/** HTML source pasted as text: the article Readability finds in it, else the text of its page, else (markup with
 * no text at all, a stylesheet say) the paste as it is — each path named in the input note. */
function fromHtmlSource(source) {
  const article = extractArticle(source);
  if (article) return { text: article.text, path: "html-source" };
  const body = htmlToText(source);
  if (body.trim()) return { text: body, path: "html-source-text" };
  return { text: source, path: "html-source-raw" };
}

/** Puts pasted text where the user pasted it — or in place of the whole sample, which nobody means to keep. */
function insertText(text) {
  const input = ui.input;
  if (input.value === sampleText || input.value.trim() === "") {
    input.value = text;
    input.setSelectionRange(0, 0);
    input.scrollTop = 0;
  } else {
    input.setRangeText(text, input.selectionStart, input.selectionEnd, "end");
  }
}

function hasFiles(event) {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

// Files dropped anywhere on the page load into the box (instead of the browser navigating to them).
window.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
  ui.input.classList.add("dragging");
});
window.addEventListener("dragleave", (event) => {
  if (event.relatedTarget === null) ui.input.classList.remove("dragging");
});
window.addEventListener("drop", (event) => {
  ui.input.classList.remove("dragging");
  if (!hasFiles(event)) return;
  event.preventDefault();
  loadFile(event.dataTransfer.files[0]);
});

ui.file.addEventListener("change", () => {
  if (ui.file.files?.length) loadFile(ui.file.files[0]);
  ui.file.value = "";
});

async function loadFile(file) {
  if (!file) return;
  const looksLikeText = file.type === "" || file.type.startsWith("text/") || /\.(txt|text|md)$/i.test(file.name);
  if (!looksLikeText) {
    showError(`“${file.name}” is not a text file: drop or open a .txt file.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(`“${file.name}” is too large (${formatSize(file.size)}): the limit is ${formatSize(MAX_FILE_BYTES)}.`);
    return;
  }
  try {
    ui.input.value = await file.text();
  } catch (error) {
    showError(`“${file.name}” could not be read: ${error.message}`);
    return;
  }
  setInputPath("file", file.name);
  schedule(0);
}

ui.loadSample.addEventListener("click", () => {
  if (sampleText === null) return;
  ui.input.value = sampleText;
  setInputPath("sample");
  schedule(0);
});

// ---------------------------------------------------------------------------------------------------------------
// Options.

for (const [mode, field] of Object.entries(ui.lengths)) {
  // Typing a number into a length field selects that way of measuring length.
  field.addEventListener("input", () => {
    ui.controls.elements["length-mode"].value = mode;
    schedule(TYPING_DELAY_MS);
  });
  field.addEventListener("focus", () => {
    if (ui.controls.elements["length-mode"].value !== mode) {
      ui.controls.elements["length-mode"].value = mode;
      schedule(0);
    }
  });
}
ui.controls.addEventListener("change", (event) => {
  if (event.target === ui.file) return;
  schedule(0);
});
ui.controls.addEventListener("submit", (event) => {
  event.preventDefault();
  schedule(0);
});
ui.scores.addEventListener("toggle", () => {
  if (ui.scores.open) renderScores();
});

// ---------------------------------------------------------------------------------------------------------------
// Small helpers.

function element(tag, properties = {}) {
  return Object.assign(document.createElement(tag), properties);
}

function plural(count, singular, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function formatNumber(value) {
  if (typeof value !== "number" || Number.isNaN(value)) return value === undefined ? "" : String(value);
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(3);
}

function formatSigned(value) {
  if (typeof value !== "number" || Number.isNaN(value)) return "";
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function formatSize(units) {
  if (units < 1024) return `${units} characters`;
  if (units < 1024 * 1024) return `${(units / 1024).toFixed(1)} KB`;
  return `${(units / 1024 / 1024).toFixed(1)} MB`;
}

function truncate(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

// ---------------------------------------------------------------------------------------------------------------
// Start: load the sample article from this page's own origin and summarize it.

async function start() {
  try {
    const response = await fetch("sample.txt", { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    sampleText = await response.text();
    ui.input.value = sampleText;
    setInputPath("sample");
  } catch {
    setInputPath("typed");
  }
  started = true;
  requestSummary();
}

start();
