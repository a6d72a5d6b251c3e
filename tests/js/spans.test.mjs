// Every span's UTF-16 offsets slice the JavaScript string back to the span's text, and its UTF-8 offsets slice
// the encoded bytes back to it: on the seed, and on text with emoji, accents, CRLF line ends and curly quotes.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, spansOf, summarize } from "./load.mjs";

function checkSpans(text, result) {
  const bytes = Buffer.from(text, "utf8");
  const spans = spansOf(result);
  assert.ok(spans.length > 0, "no spans to check");
  for (const [where, span] of spans) {
    assert.equal(typeof span.text, "string", `${where}.text`);
    assert.equal(text.slice(span.start16, span.end16), span.text, `${where}: start16/end16 slice`);
    assert.equal(bytes.subarray(span.start, span.end).toString("utf8"), span.text, `${where}: start/end byte slice`);
  }
  for (const person of result.people) {
    assert.ok(Number.isInteger(person.first) && Number.isInteger(person.first16), `${person.name}: first/first16`);
    assert.equal(Buffer.byteLength(text.slice(0, person.first16), "utf8"), person.first, `${person.name}: first vs first16`);
    // The first mention starts at one of the person's names.
    const at = text.slice(person.first16);
    assert.ok([person.name, ...person.aliases].some((n) => at.startsWith(n) || at.startsWith(n.split(" ").pop())),
      `${person.name}: first16 does not point at a name: ${JSON.stringify(at.slice(0, 30))}`);
  }
  return spans.length;
}

test("seed: every span slices back to its text", () => {
  const { text } = fixture("seed");
  checkSpans(text, summarize(text));
});

const emojiCrlf = [
  "Weather 🌦️ Today\r\n",
  "\r\n",
  "Café owner Zoë Müller 👩‍🍳 said the storm 🌪️ closed her shop on Tuesday. \"We lost everything 😢 in one night,\" Müller said.\r\n",
  "The mayor, Jean-Luc Bérnard, promised help by Friday 🙏.\r\n",
  "Bérnard told reporters: “Every family will get support.” Residents 👨‍👩‍👧 were not convinced.\r\n",
  "Müller's café had been open since 1998. Repairs could cost €40,000 — or more 💸.\r\n",
].join("");

test("emoji, accents and CRLF: every span slices back to its text", () => {
  const result = summarize(emojiCrlf, { sentences: 2 });
  assert.ok(result.sentences.length >= 4, `expected several sentences, got ${result.sentences.length}`);
  checkSpans(emojiCrlf, result);
  for (const sentence of result.sentences) {
    assert.ok(!sentence.text.includes("\r\n\r\n"), `sentence spans a paragraph break: ${JSON.stringify(sentence.text)}`);
  }
});

test("astral characters at the very start and end keep offsets exact", () => {
  const text = "😀 Anna Kowalska won the race in Paris. She said the crowd was wonderful 🎉";
  const result = summarize(text);
  checkSpans(text, result);
});
