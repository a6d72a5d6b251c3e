// Articles for the browser tests. Written for these tests (fictional events and people), so they can be kept
// and changed freely.

/** A clean news article: a headline line, then one paragraph per line. */
export const bridgeArticle = [
  "Harbour Bridge Reopens After Two Years of Repairs",
  "The Kelso harbour bridge reopened to traffic on Monday after a two-year repair programme that cost the city £48 million, officials said. Mayor Helen Marsh cut the ribbon at a ceremony attended by several hundred residents, many of whom had endured long detours since the crossing closed. “This bridge is the spine of our city, and today it is standing straight again,” Marsh said.",
  "Engineers found corrosion in the bridge’s steel cables during a routine inspection, forcing an emergency closure. The chief engineer on the project, Tomas Lindqvist, said the team had replaced all 64 cables and strengthened the foundations. “We built it to last another hundred years,” Lindqvist said.",
  "Local businesses on both sides of the river welcomed the reopening. Priya Natarajan, who runs a bakery near the northern end, said her takings had fallen by a third during the closure. “People simply stopped coming,” she said.",
  "Not everyone was satisfied. Councillor Ben Achebe criticised the delays and said the council should publish a full account of the cost overruns. The project was originally due to finish in 18 months.",
  "Traffic on the bridge will be limited to 30 miles per hour for the first month while sensors monitor the new cables. Marsh said a cycle lane would open in the spring.",
].join("\n");

/** The same story shortened differently, to check that a second paste replaces everything. */
export const libraryArticle = [
  "City Library Extends Opening Hours",
  "The central library in Kelso will stay open until 10 p.m. on weekdays from next month, the council announced on Thursday. Head librarian Ruth Okonkwo said demand for study space had doubled since the university expanded. “Students have been queueing at the door at eight in the morning,” Okonkwo said.",
  "The extra hours will cost about £300,000 a year, paid for by a grant from a local trust. Councillor Ben Achebe, who had campaigned for the change, called it a victory for residents. The library will also open on Sunday afternoons during the exam season.",
].join("\n");

/** An article whose text, names and quotes carry HTML and script payloads: all of it must show as text. */
export const payloadArticle = [
  "Researchers Warn of <script>alert('title')</script> Attacks on Forums",
  "Security researcher Dana Whitfield said on Tuesday that attackers were hiding code such as <img src=x onerror=alert(1)> in comment boxes on popular forums. “Never paste <script>alert(2)</script> into a page you trust,” Whitfield said. Links like <a href=\"javascript:alert(3)\">click me</a> and <iframe src=\"javascript:alert(4)\"></iframe> still work on old forums, she added.",
  "Her colleague Omar Haddad, a lead analyst at the firm, said payloads such as <svg onload=alert(5)> and \"><img src=x onerror=alert(6)> were common. “The fix is to treat every byte as text, <b>always</b>,” Haddad said. Some sites still run eval('alert(7)') or {{constructor.constructor('alert(8)')()}} in their templates, and a few load <object data=\"javascript:alert(9)\"></object> frames.",
  "The firm published its findings in a report on Wednesday. It urged forum owners to update their software and to treat <style>body{display:none}</style> and <link rel=stylesheet href=//evil.example/x.css> as plain text.",
].join("\n");

/** The payload strings, as they must appear (as text) in the source view. */
export const payloads = [
  "<script>alert('title')</script>",
  "<img src=x onerror=alert(1)>",
  "<script>alert(2)</script>",
  "<a href=\"javascript:alert(3)\">click me</a>",
  "<iframe src=\"javascript:alert(4)\"></iframe>",
  "<svg onload=alert(5)>",
  "\"><img src=x onerror=alert(6)>",
  "<b>always</b>",
  "{{constructor.constructor('alert(8)')()}}",
  "<style>body{display:none}</style>",
];

const bridgeParagraphs = bridgeArticle.split("\n").slice(1);

/** What a browser puts on the clipboard as text/html after Ctrl+A, Ctrl+C on a news page: the article inside
 * navigation, adverts, a teaser list with other people's names, comments and a footer — plus things that must
 * never load or run (an image, a script, a frame, a stylesheet, an event handler). */
export const wrappedPageHtml = `<html><head><meta charset="utf-8"><title>Harbour Bridge Reopens After Two Years of Repairs | The Kelso Courier</title>
<link rel="stylesheet" href="/x-pasted-stylesheet.css"><script>alert("pasted script")</script></head>
<body onload="alert('pasted onload')">
<a href="#main">Skip to content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li><li><a href="/signin">Sign in</a></li></ul></nav>
<div class="ad">Advertisement <img src="/x-pasted-tracker.gif" onerror="alert('pasted img')"></div></header>
<main id="main"><article>
<h1>Harbour Bridge Reopens After Two Years of Repairs</h1>
<p class="byline">By Alex Turner, Transport Correspondent</p>
${bridgeParagraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}
<iframe src="/x-pasted-frame.html"></iframe>
</article>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Singer Kim Vale launches perfume line</a> 2 hours ago</li>
<li><a href="/b">Footballer Jonas Brandt signs for rivals</a> 5 hours ago</li>
<li><a href="/c">Ten things to do this weekend</a> 1 day ago</li></ol></aside>
<section class="comments"><h2>Comments (2)</h2>
<div class="comment"><b>riverwatcher</b> 3 hours ago<p>About time!</p><span>Reply</span> <span>Like</span></div>
<div class="comment"><b>Gordon Pike</b> 2 hours ago<p>Still too slow.</p><span>Reply</span> <span>Like</span></div></section>
</main>
<aside class="newsletter">Sign up for our newsletter. Enter your email</aside>
<footer><p>© 2025 The Kelso Courier. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/cookies">Cookies</a></p></footer>
</body></html>`;

/** The text/plain flavour of the same copy: everything, chrome included, one block per line. */
export const wrappedPageText = [
  "Skip to content",
  "Home", "News", "Sport", "Business", "Culture", "Sign in",
  "Advertisement",
  "Harbour Bridge Reopens After Two Years of Repairs",
  "By Alex Turner, Transport Correspondent",
  ...bridgeParagraphs,
  "Most read",
  "Singer Kim Vale launches perfume line 2 hours ago",
  "Footballer Jonas Brandt signs for rivals 5 hours ago",
  "Ten things to do this weekend 1 day ago",
  "Comments (2)",
  "riverwatcher 3 hours ago", "About time!", "Reply Like",
  "Gordon Pike 2 hours ago", "Still too slow.", "Reply Like",
  "Sign up for our newsletter. Enter your email",
  "© 2025 The Kelso Courier. All rights reserved.",
  "Privacy · Terms · Cookies",
].join("\n");

/** Strings that belong to the site around the article, never to the article. */
export const chromeStrings = ["Skip to content", "Most read", "Kim Vale", "Jonas Brandt", "riverwatcher", "Gordon Pike", "newsletter", "All rights reserved", "Advertisement", "Sign in"];
