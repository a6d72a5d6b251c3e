// Turning what the clipboard holds into article text.
//
// A browser copy of a whole page (Ctrl+A, Ctrl+C) carries `text/html` beside `text/plain`. The HTML still says
// which parts are navigation, asides and footers, so when it is there we let Readability find the article in it
// and hand nutshell that text; nutshell's own cleanup then only has the leftovers to deal with. The HTML is
// parsed with DOMParser into a document that has no browsing context: its scripts never run and its images,
// styles and frames never load, so a hostile page can neither act nor phone home. HTML *source* pasted as text
// (`looksLikeHtmlSource`) takes the same road, so markup never reaches the summarizer as if it were prose.

/** What Readability found, or null when the HTML holds no article (the caller falls back to the plain text). */
export function extractArticle(html) {
  const Readability = globalThis.Readability;
  if (typeof html !== "string" || html.trim() === "" || typeof Readability !== "function") return null;
  const doc = parseInertly(html);
  let article;
  try {
    // `serializer` returns the article element itself: we read its text, never its HTML.
    article = new Readability(doc, { charThreshold: 200, serializer: (node) => node }).parse();
  } catch {
    return null;
  }
  if (!article || !article.content) return null;
  const body = blockText(article.content);
  // Readability returns its best attempt even when a page has no article (a menu, a list of links): demand
  // something that reads like prose — a few sentences' worth of text with sentence punctuation.
  if (body.length < 120 || !/[.!?]["'”’)]?(\s|$)/.test(body)) return null;
  // The headline and byline go back on top, where nutshell looks for them (Readability lifts both out of the
  // body): the headline becomes the title, the byline the authors — neither becomes a summary sentence.
  const title = normalizeSpace(article.title ?? "");
  const author = normalizeSpace(article.byline ?? "");
  const byline = author && !/^by\b/i.test(author) ? `By ${author}` : author;
  const head = [title, byline].filter((line) => line && !body.includes(line));
  const text = [...head, body].join("\n\n");
  return { text, title: title || null, byline: author || null, siteName: article.siteName ?? null };
}

/** How much of a pasted text `looksLikeHtmlSource` reads: the start tells, and a 10 MB paste stays quick. */
const SOURCE_SNIFF_CHARS = 100_000;
const DOCUMENT_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html[\s>])/i;
const MARKUP_TAG = /<\/?(?:html|head|body|meta|link|title|script|style|div|p|span|a|br|img|h[1-6]|article|section|main|header|footer|nav|aside|ul|ol|li|table|tr|td|figure|figcaption|blockquote|time)\b(?:[^<>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Whether text pasted as *text* is really HTML source (a "view source" copy, a saved page opened in an editor):
 * a document that starts with `<!DOCTYPE html>` or `<html>`, or markup in which most lines start with a tag and
 * at least three of them are HTML elements. An article that merely quotes a few tags in its prose (a story
 * about a script injection) has lines that start with words, so it stays text.
 */
export function looksLikeHtmlSource(text) {
  if (typeof text !== "string") return false;
  const start = text.slice(0, SOURCE_SNIFF_CHARS).replace(/^[\s\uFEFF]+/, "");
  if (DOCUMENT_START.test(start)) return true;
  const lines = start.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return false;
  const tagLines = lines.filter((line) => line.startsWith("<")).length;
  const tags = start.match(MARKUP_TAG)?.length ?? 0;
  return tags >= 3 && tagLines >= 0.6 * lines.length;
}

/** The text of a pasted HTML document's body, one paragraph per block: the fallback when Readability fails and
 * the clipboard has no `text/plain`. */
export function htmlToText(html) {
  const doc = parseInertly(html);
  return doc.body ? blockText(doc.body) : "";
}

/** A document with no browsing context: nothing in it runs or loads. */
export function parseInertly(html) {
  return new DOMParser().parseFromString(withoutInlineCode(html), "text/html");
}

const TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const INLINE_CODE_ATTRIBUTE = /(^|[\s/])(?:on[\w-]+|style)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/gi;
const STYLE_ELEMENT = /<style\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/style\s*>/gi;
const BASE_ELEMENT = /<base\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * The HTML without event-handler and style attributes, style elements and `<base>`. Not for safety — the parsed
 * document is inert either way — but for quiet: Chromium checks the page's Content-Security-Policy as it parses
 * each `on…=` or `style=` attribute or `<base href>`, even into an inert document, and logs a violation for
 * every one; a page copied from a browser has a style attribute on nearly every element. Markup shown as text
 * (`&lt;img onerror=…&gt;`) is not a tag and is left alone.
 */
function withoutInlineCode(html) {
  return html
    .replace(STYLE_ELEMENT, "")
    .replace(BASE_ELEMENT, "")
    .replace(TAG, (tag, name, attributes) => `<${name}${attributes.replace(INLINE_CODE_ATTRIBUTE, "$1")}>`);
}

const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "summary", "table", "td", "th", "tr", "ul",
]);
const SKIPPED_ELEMENTS = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "button", "select", "textarea"]);

/** Text of an element with a blank line between blocks and single spaces inside them: one paragraph per line,
 * the shape nutshell expects of a pasted article. */
export function blockText(root) {
  const paragraphs = [];
  let line = "";
  const flush = () => {
    const text = normalizeSpace(line);
    if (text) paragraphs.push(text);
    line = "";
  };
  // An explicit stack rather than recursion: pasted pages can nest deeply.
  const stack = [{ node: root, entered: false }];
  while (stack.length) {
    const frame = stack.pop();
    const node = frame.node;
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.data;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
    const name = node.localName ?? "";
    if (frame.entered) {
      if (BLOCK_ELEMENTS.has(name)) flush();
      continue;
    }
    if (SKIPPED_ELEMENTS.has(name)) continue;
    if (name === "br") {
      flush();
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) flush();
    stack.push({ node, entered: true });
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, entered: false });
  }
  flush();
  return paragraphs.join("\n\n");
}

function normalizeSpace(text) {
  return text.replace(/\s+/g, " ").trim();
}
