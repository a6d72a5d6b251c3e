// The extension in Chromium, on article pages wrapped in a news site's chrome (tests/extension/pages/): the
// summary comes from the article body, never from the navigation, adverts, "most read", related links, comments,
// cookie banner or footer; key people show with roles and quotes; clicking a sentence highlights it in the page;
// the summary length setting sticks; pages without an article get a clear message; nothing leaves 127.0.0.1.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { collapse, pages, startExtension, summarizePage } from "./harness.mjs";

let environment;
before(async () => {
  environment = await startExtension();
});
after(async () => {
  await environment?.close();
});

/** The article's own text (headline and body), white space collapsed. */
const articleText = (name) => collapse(pages.articles[name].article);

async function shown(popup) {
  return popup.evaluate(() => ({
    state: document.documentElement.dataset.state,
    title: document.querySelector("#title").textContent,
    summary: [...document.querySelectorAll("#summary li")].map((li) => li.textContent),
    people: [...document.querySelectorAll("#people > li")].map((li) => ({
      name: li.querySelector(".name").textContent,
      role: li.querySelector(".role")?.textContent.replace(/^ — /, "") ?? null,
      quotes: [...li.querySelectorAll(".quotes q")].map((q) => q.textContent),
    })),
    status: document.querySelector("#status").hidden ? null : document.querySelector("#status").textContent,
    length: document.querySelector("#length").value,
  }));
}

for (const [name, { id }] of Object.entries(pages.articles)) {
  test(`${name} (${id}): the summary is three sentences of the article body, none of the site's chrome`, async () => {
    const { popup, article, errors } = await summarizePage(environment, name);
    const view = await shown(popup);
    assert.equal(view.state, "ready", view.status ?? "");
    assert.equal(view.title, pages.articles[name].article.split("\n")[0]);
    assert.equal(view.summary.length, 3);
    const body = articleText(name);
    for (const sentence of view.summary) {
      assert.ok(body.includes(sentence), `not from the article: ${sentence}`);
      for (const chrome of pages.chrome) {
        assert.ok(!collapse(chrome).includes(sentence) && !sentence.includes(collapse(chrome).slice(0, 40)), `chrome: ${sentence}`);
      }
    }
    assert.deepEqual(errors, []);
    await Promise.all([popup.close(), article.close()]);
  });
}

test("key people come with their roles and their quotes, as nutshell reports them", async () => {
  const { popup, article } = await summarizePage(environment, "wolves.html");
  const view = await shown(popup);
  const byName = Object.fromEntries(view.people.map((person) => [person.name, person]));
  assert.ok(byName["Glenn Hoddle"], `people: ${view.people.map((p) => p.name)}`);
  assert.equal(byName["Rick Hayward"]?.role, "Wolves chairman");
  assert.equal(byName["Jez Moxey"]?.role, "Wolves chief executive");
  assert.ok(byName["Glenn Hoddle"].quotes.includes("I'm delighted to be here,"), JSON.stringify(byName["Glenn Hoddle"]));
  // The byline's author is an author, not a person in the story; the commenters are nobody.
  assert.ok(!byName["Alex Morgan"] && !byName["Kim B"], JSON.stringify(view.people));
  const body = articleText("wolves.html");
  for (const person of view.people) for (const quote of person.quotes) assert.ok(body.includes(quote), quote);
  await Promise.all([popup.close(), article.close()]);
});

test("clicking a summary sentence marks it in the page and scrolls it into view; the next click moves the mark", async () => {
  const { popup, article } = await summarizePage(environment, "spector.html");
  const view = await shown(popup);
  const marked = () =>
    article.evaluate(() => {
      const marks = [...document.querySelectorAll("mark[data-nutshell-highlight]")];
      const box = marks[0]?.getBoundingClientRect();
      return {
        text: marks.map((mark) => mark.textContent).join(""),
        count: marks.length,
        inView: Boolean(box) && box.top >= 0 && box.bottom <= window.innerHeight,
      };
    });
  for (const index of [2, 1]) {
    await popup.evaluate(() => delete document.documentElement.dataset.highlight);
    await popup.click(`#summary li:nth-child(${index + 1}) button`);
    await popup.waitForFunction(() => document.documentElement.dataset.highlight);
    assert.equal(await popup.evaluate(() => document.documentElement.dataset.highlight), "found");
    await article.waitForFunction(() => {
      const box = document.querySelector("mark[data-nutshell-highlight]")?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    const mark = await marked();
    assert.equal(collapse(mark.text), view.summary[index]);
    assert.ok(mark.inView);
  }
  // The first summary sentence runs across a link (<a>Phil Spector</a>): one mark per text node, one sentence.
  await popup.click("#summary li:nth-child(1) button");
  await article.waitForFunction((first) => {
    const marks = [...document.querySelectorAll("mark[data-nutshell-highlight]")];
    return marks.map((mark) => mark.textContent).join("").replace(/\s+/g, " ").trim() === first;
  }, view.summary[0]);
  const across = await marked();
  assert.ok(across.count > 1, "the sentence spans a link, so it takes several marks");
  // Only the marks changed: the article's text reads as before.
  const text = await article.evaluate(() => document.querySelector("article").textContent);
  assert.ok(collapse(text).includes(view.summary[1]) && collapse(text).includes(view.summary[2]));
  await Promise.all([popup.close(), article.close()]);
});

test("the summary length setting applies at once and is remembered (chrome.storage)", async () => {
  const first = await summarizePage(environment, "wolves.html");
  await first.popup.selectOption("#length", "5");
  await first.popup.waitForFunction(() => document.querySelectorAll("#summary li").length === 5);
  assert.equal((await shown(first.popup)).state, "ready");
  await Promise.all([first.popup.close(), first.article.close()]);

  const again = await summarizePage(environment, "spector.html");
  const view = await shown(again.popup);
  assert.equal(view.length, "5");
  assert.equal(view.summary.length, 5);
  assert.equal(await again.popup.evaluate(async () => (await chrome.storage.sync.get("sentences")).sentences), 5);
  await again.popup.selectOption("#length", "3"); // leave the setting as the other tests expect it
  await again.popup.waitForFunction(() => document.querySelectorAll("#summary li").length === 3);
  await Promise.all([again.popup.close(), again.article.close()]);
});

test("search results: no article, and a message that says so", async () => {
  const { popup, article } = await summarizePage(environment, "search.html");
  const view = await shown(popup);
  assert.equal(view.state, "no-article");
  assert.match(view.status, /^No article found on this page\./);
  assert.equal(await popup.isVisible("#result"), false);
  await Promise.all([popup.close(), article.close()]);
});

test("an app (a mail inbox): no article, and a message that says so", async () => {
  const { popup, article } = await summarizePage(environment, "app.html");
  const view = await shown(popup);
  assert.equal(view.state, "no-article");
  assert.match(view.status, /too little text|No article found/);
  await Promise.all([popup.close(), article.close()]);
});

test("the popup renders text only: no element it did not create, no markup from the page", async () => {
  const { popup, article } = await summarizePage(environment, "spector.html");
  const tags = await popup.evaluate(() => [...document.querySelectorAll("#result *")].map((element) => element.localName));
  const allowed = new Set(["h1", "p", "section", "h2", "ol", "ul", "li", "button", "span", "q"]);
  assert.deepEqual([...new Set(tags.filter((tag) => !allowed.has(tag)))], []);
  await Promise.all([popup.close(), article.close()]);
});

test("nothing is fetched from anywhere but the fixture server and the extension itself", () => {
  const elsewhere = environment.requests.filter(
    (url) => !url.startsWith(`${environment.origin}/`) && !url.startsWith(`${environment.baseURL}/`),
  );
  assert.deepEqual(elsewhere, []);
  assert.ok(environment.requests.some((url) => url === `${environment.origin}/nutshell_bg.wasm`), "the .wasm came from the extension");
});
