// Pulls the article out of the live page: runs in the tab (an isolated world), injected by the popup with
// chrome.scripting.executeScript after Readability.js and Readability-readerable.js (@mozilla/readability, as
// published), which define `Readability` and `isProbablyReaderable` as globals of that world.
//
// The extraction itself is the page's paste path (www/paste.js `extractArticle`): the same Readability options,
// the same "does this read like prose" test, the headline and byline put back on top where nutshell looks for
// them. It reads a serialized copy of the live DOM, parsed inertly, so Readability (which rewrites the document it
// is given) never touches the page the reader is looking at. scripts/build-extension.sh bundles this file and
// www/paste.js into extract.js.

import { extractArticle } from "../../www/paste.js";

/** Below this many words an "article" is a teaser, a login wall or an app's help text: not worth summarizing. */
const MIN_WORDS = 60;
/** Readability's own pre-check (isProbablyReaderable: enough long paragraphs) may say no to a real article that
 * is short; below this many words its "no" stands. */
const MIN_WORDS_UNREADERABLE = 200;

/** What the popup gets back: `{ article }` with the text to summarize, or `{ article: null, reason }`. */
globalThis.nutshellExtractArticle = function nutshellExtractArticle() {
  if (!document.documentElement || !document.body) return { article: null, reason: "empty" };
  const readerable = typeof isProbablyReaderable === "function" ? isProbablyReaderable(document) : true;
  let article = null;
  try {
    article = extractArticle(document.documentElement.outerHTML);
  } catch (error) {
    return { article: null, reason: "failed", detail: String(error?.message ?? error) };
  }
  if (!article) return { article: null, reason: "none", readerable };
  const words = article.text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS) return { article: null, reason: "short", words, readerable };
  if (!readerable && words < MIN_WORDS_UNREADERABLE) return { article: null, reason: "none", words, readerable };
  return {
    article: { ...article, words, url: location.href, pageTitle: document.title },
    readerable,
  };
};
