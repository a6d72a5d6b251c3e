// Finds a summary sentence in the page and marks it: injected into the tab by chrome.scripting.executeScript
// when the reader clicks the sentence in the popup.
//
// executeScript sends the function's source, not its closure: everything it needs is inside it, and its only
// input is the sentence text. The sentence comes from Readability's copy of the article, whose text is the page's
// own with white space collapsed, so the search runs over the page's visible text with white space collapsed the
// same way, then maps the match back to text nodes and wraps each piece in a <mark>. Marks from an earlier click
// are removed first, so the page is left as it was apart from one highlighted sentence.

/**
 * Highlights the first visible occurrence of `sentence` and scrolls it into view. Returns `{ found, text }`,
 * `text` being what was marked.
 */
export function highlightSentence(sentence) {
  const ATTRIBUTE = "data-nutshell-highlight";
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "SVG", "MATH"]);

  for (const mark of document.querySelectorAll(`mark[${ATTRIBUTE}]`)) {
    const parent = mark.parentNode;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
  }

  const collapse = (text) => text.replace(/\s+/g, " ").trim();
  const wanted = collapse(String(sentence ?? ""));
  if (!wanted || !document.body) return { found: false, text: "" };

  // The page's visible text, white space collapsed, with the text node and offset of every character kept.
  const visible = new Map();
  const isVisible = (element) => {
    if (!visible.has(element)) {
      visible.set(element, typeof element.checkVisibility === "function" ? element.checkVisibility() : true);
    }
    return visible.get(element);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let element = node.parentElement; element && element !== document.body; element = element.parentElement) {
        if (SKIP.has(element.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
      }
      return node.parentElement && isVisible(node.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  let haystack = "";
  const nodes = []; // haystack index → text node
  const offsets = []; // haystack index → offset in that node
  let lastBlock = null;
  const blocks = new Map(); // element → its nearest block-level ancestor (or itself)
  const blockOf = (node) => {
    const parent = node.parentElement;
    if (!blocks.has(parent)) {
      let block = null;
      for (let element = parent; element; element = element.parentElement) {
        const display = getComputedStyle(element).display;
        if (display !== "inline" && display !== "contents") {
          block = element;
          break;
        }
      }
      blocks.set(parent, block);
    }
    return blocks.get(parent);
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = blockOf(node);
    // Text in different blocks never runs together: "Headline" + "First paragraph" is not "HeadlineFirst".
    if (block !== lastBlock && haystack && !haystack.endsWith(" ")) {
      haystack += " ";
      nodes.push(null);
      offsets.push(0);
    }
    lastBlock = block;
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const space = /\s/.test(data[i]);
      if (space && (haystack === "" || haystack.endsWith(" "))) continue;
      haystack += space ? " " : data[i];
      nodes.push(node);
      offsets.push(i);
    }
  }

  const at = haystack.indexOf(wanted);
  if (at < 0) return { found: false, text: "" };
  const end = at + wanted.length; // exclusive

  // The pieces of each text node that the match covers, first to last.
  const pieces = [];
  for (let i = at; i < end; i++) {
    const node = nodes[i];
    if (!node) continue;
    const last = pieces[pieces.length - 1];
    if (last && last.node === node) last.end = offsets[i] + 1;
    else pieces.push({ node, start: offsets[i], end: offsets[i] + 1 });
  }
  const marks = [];
  for (const { node, start, end: stop } of pieces) {
    let target = node;
    if (start > 0) target = target.splitText(start);
    if (stop - start < target.data.length) target.splitText(stop - start);
    const mark = document.createElement("mark");
    mark.setAttribute(ATTRIBUTE, "");
    // Set through the CSSOM, which a page's Content-Security-Policy does not block (a style attribute it may).
    mark.style.setProperty("background-color", "#ffe066", "important");
    mark.style.setProperty("color", "#1a1a1a", "important");
    mark.style.setProperty("box-shadow", "0 0 0 2px #ffe066", "important");
    target.parentNode.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  if (marks.length === 0) return { found: false, text: "" };
  // Smooth when the reader watches; a hidden tab may not animate at all.
  marks[0].scrollIntoView({ block: "center", behavior: document.visibilityState === "visible" ? "smooth" : "instant" });
  return { found: true, text: marks.map((mark) => mark.textContent).join("") };
}
