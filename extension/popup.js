// The popup: "Summarize this page".
//
// 1. Inject @mozilla/readability and extract.js into the active tab (chrome.scripting; the activeTab grant that
//    the toolbar click or the keyboard shortcut gives is all the access it has) and take the article's text.
// 2. Summarize it with nutshell in a Web Worker (the npm package's worker entry, bundled in), so the popup stays
//    responsive on long articles.
// 3. Show the summary and the key people with their roles and quotes — with textContent only: everything shown
//    is the page's text, never markup. Clicking a summary sentence injects highlightSentence into the tab.
//
// Opened as a page with `?tab=<id>` (the tests do that, with a test-only build that has a host permission for
// 127.0.0.1), it summarizes that tab instead of the active one.

import { createSummarizer } from "../npm/worker.js";
import { highlightSentence } from "./page/highlight.js";

/** The scripts that give the tab's isolated world `Readability`, `isProbablyReaderable` and the extractor. */
const EXTRACTOR_FILES = ["readability/Readability.js", "readability/Readability-readerable.js", "extract.js"];
const DEFAULT_SENTENCES = 3;
const MAX_PEOPLE = 8;
const MAX_QUOTES_PER_PERSON = 3;

/** Firefox's `browser` namespace returns promises everywhere; Chromium's `chrome` does in Manifest V3. */
const extension = globalThis.browser ?? globalThis.chrome;

const $ = (id) => document.getElementById(id);
const ui = {
  root: document.documentElement,
  status: $("status"),
  result: $("result"),
  title: $("title"),
  byline: $("byline"),
  summary: $("summary"),
  summaryNote: $("summary-note"),
  peopleSection: $("people-section"),
  people: $("people"),
  length: $("length"),
  version: $("version"),
};

const MESSAGES = {
  none:
    "No article found on this page. nutshell summarizes news stories and other articles; this page looks like " +
    "search results, an app or a list of links.",
  short: "There is too little text on this page to summarize: it looks like a teaser or a short note, not an article.",
  empty: "This page is empty.",
  restricted:
    "nutshell cannot read this page: browser pages, the extension store and other extensions' pages are " +
    "off-limits to extensions. Open an article and try again.",
};

let tabId = null;
let article = null;
let summarizer = null;

main().catch((error) => showMessage("error", `Something went wrong: ${error?.message ?? error}`));

async function main() {
  const stored = await extension.storage.sync.get({ sentences: DEFAULT_SENTENCES });
  selectLength(stored.sentences);
  ui.length.addEventListener("change", onLengthChange);

  tabId = await targetTab();
  if (tabId === null) return showMessage("error", "There is no tab to summarize.");

  // Start the worker while the page is read: the two take about as long.
  const starting = createSummarizer({ wasmUrl: extension.runtime.getURL("nutshell_bg.wasm") });
  starting.catch(() => {}); // reported below, when it is awaited

  let extracted;
  try {
    await extension.scripting.executeScript({ target: { tabId }, files: EXTRACTOR_FILES });
    const [injection] = await extension.scripting.executeScript({ target: { tabId }, func: () => globalThis.nutshellExtractArticle() });
    extracted = injection?.result;
  } catch (error) {
    return showMessage("no-article", MESSAGES.restricted, error);
  }
  if (!extracted?.article) {
    const reason = extracted?.reason ?? "none";
    return showMessage("no-article", MESSAGES[reason] ?? `No article found on this page (${extracted?.detail ?? reason}).`);
  }
  article = extracted.article;

  try {
    summarizer = await starting;
  } catch (error) {
    return showMessage("error", `The summarizer could not be loaded: ${error.message}`);
  }
  ui.version.textContent = `nutshell ${summarizer.version}`;
  await summarizeAndShow();
}

/** The tab to summarize: `?tab=<id>` when given, else the active tab of this window. */
async function targetTab() {
  const requested = new URLSearchParams(location.search).get("tab");
  if (requested !== null) return Number.isInteger(Number(requested)) ? Number(requested) : null;
  const [tab] = await extension.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function summarizeAndShow() {
  const sentences = Number(ui.length.value);
  ui.root.dataset.state = "summarizing";
  let result;
  try {
    result = await summarizer.summarize(article.text, { sentences });
  } catch (error) {
    return showMessage("error", `nutshell could not summarize this page: ${error.message}`);
  }
  if (result.summary.length === 0) return showMessage("no-article", MESSAGES.short);
  render(result, sentences);
}

function render(result, sentences) {
  ui.title.textContent = result.title ?? article.title ?? article.pageTitle ?? "";
  const authors = result.authors.length ? result.authors.join(", ") : article.byline ?? "";
  ui.byline.textContent = authors ? `By ${authors.replace(/^by\s+/i, "")}` : "";

  const items = result.summary.map((index) => {
    const sentence = result.sentences[index];
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = sentence.text;
    button.title = "Show in the page";
    const item = document.createElement("li");
    item.append(button);
    button.addEventListener("click", () => showInPage(sentence.text, item));
    return item;
  });
  ui.summary.replaceChildren(...items);
  ui.summaryNote.textContent =
    result.summary.length < sentences
      ? `The article has only ${result.sentences.length} sentences. Click one to find it in the page.`
      : "Click a sentence to find it in the page.";

  const people = result.people.slice(0, MAX_PEOPLE).map((person) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = person.name;
    item.append(name);
    if (person.role) {
      const role = document.createElement("span");
      role.className = "role";
      role.textContent = ` — ${person.role}`;
      item.append(role);
    }
    if (person.quotes.length) {
      const quotes = document.createElement("ul");
      quotes.className = "quotes";
      for (const quote of person.quotes.slice(0, MAX_QUOTES_PER_PERSON)) {
        const line = document.createElement("li");
        const q = document.createElement("q");
        q.textContent = quote.text;
        line.append(q);
        quotes.append(line);
      }
      item.append(quotes);
    }
    return item;
  });
  ui.people.replaceChildren(...people);
  ui.peopleSection.hidden = people.length === 0;

  ui.status.textContent = "";
  ui.status.hidden = true;
  ui.result.hidden = false;
  ui.root.dataset.state = "ready";
}

async function showInPage(text, item) {
  let outcome;
  try {
    const [injection] = await extension.scripting.executeScript({ target: { tabId }, func: highlightSentence, args: [text] });
    outcome = injection?.result;
  } catch {
    outcome = null;
  }
  for (const other of ui.summary.children) other.classList.remove("not-found");
  if (!outcome?.found) {
    item.classList.add("not-found");
    ui.summaryNote.textContent = "That sentence could not be found in the page (it may have changed since).";
  } else {
    ui.summaryNote.textContent = "Highlighted in the page.";
  }
  ui.root.dataset.highlight = outcome?.found ? "found" : "not-found";
}

async function onLengthChange() {
  const sentences = Number(ui.length.value);
  await extension.storage.sync.set({ sentences });
  if (article && summarizer) await summarizeAndShow();
}

function selectLength(sentences) {
  const value = String(sentences);
  if (![...ui.length.options].some((option) => option.value === value)) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = `${value} sentences`;
    ui.length.append(option);
  }
  ui.length.value = value;
}

function showMessage(state, text, error) {
  if (error) console.warn("nutshell:", error);
  ui.status.hidden = false;
  ui.status.textContent = text;
  ui.result.hidden = true;
  ui.root.dataset.state = state;
}
