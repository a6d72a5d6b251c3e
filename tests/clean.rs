//! The cleanup on pasted pages: golden cases in `tests/fixtures/clean/<case>/` (`input.txt` + hand-written
//! `expected.json`), one runner over all of them, and checks that hold for any input — no panic, spans that
//! slice back, no sentence straddling removed chrome, cost linear in the input's length.
//!
//! `expected.json` fields (all optional but `about`):
//! - `title`: the headline the cleanup must report (`null`: none);
//! - `authors`: the byline's names;
//! - `body`: pieces of the article that must all survive in the sentences (compared without white space);
//! - `sentences`: how many sentences the article has;
//! - `removed`: spans that must be reported as removed, with their reason;
//! - `removed_nothing`: the text is a clean article, nothing may be removed;
//! - `not_in_sentences`: chrome that no sentence may contain.

mod timing;

use std::fs;
use std::path::Path;

use nutshell::{split, summarize, Options, Segmentation, TextSpan};
use serde_json::Value;

/// A reported span slices the input back to its text, in UTF-8 bytes and in UTF-16 units.
fn check_span(text: &str, span: &TextSpan) {
    assert_eq!(text.get(span.start..span.end), Some(span.text.as_str()), "bytes {}..{} of {text:?}", span.start, span.end);
    let units: Vec<u16> = text.encode_utf16().collect();
    let sliced = units.get(span.start16..span.end16).map(String::from_utf16_lossy);
    assert_eq!(sliced.as_deref(), Some(span.text.as_str()), "UTF-16 {}..{} of {text:?}", span.start16, span.end16);
}

/// Spans slice back, sentences are in order and never overlap removed chrome.
fn check_segmentation(text: &str, segmentation: &Segmentation) {
    for s in &segmentation.sentences {
        check_span(text, s);
        assert!(!s.text.trim().is_empty(), "blank sentence in {text:?}");
    }
    for r in &segmentation.removed {
        check_span(text, &r.span);
        for s in &segmentation.sentences {
            assert!(s.end <= r.span.start || r.span.end <= s.start, "{:?} straddles removed {:?}", s.text, r.span.text);
        }
    }
    assert!(segmentation.sentences.windows(2).all(|w| w[0].end <= w[1].start), "sentences out of order in {text:?}");
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every failed expectation of one case, as readable lines.
fn check_case(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let options = Options::default();
    let segmentation = split(text, &options).expect("split succeeds");
    let summary = summarize(text, &options).expect("summarize succeeds");
    check_segmentation(text, &segmentation);
    let mut failures = Vec::new();
    let sentences: Vec<&str> = segmentation.sentences.iter().map(|s| s.text.as_str()).collect();
    if let Some(title) = expected.get("title") {
        if segmentation.title.as_deref() != title.as_str() {
            failures.push(format!("title: got {:?}, expected {title}", segmentation.title));
        }
    }
    if let Some(authors) = expected["authors"].as_array() {
        let want: Vec<&str> = authors.iter().filter_map(Value::as_str).collect();
        if summary.authors != want {
            failures.push(format!("authors: got {:?}, expected {want:?}", summary.authors));
        }
    }
    let kept = squash(&sentences.join(" "));
    for piece in expected["body"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !kept.contains(&squash(piece)) {
            failures.push(format!("article text lost: {piece:?}"));
        }
    }
    if let Some(n) = expected["sentences"].as_u64() {
        if sentences.len() as u64 != n {
            failures.push(format!("{} sentences, expected {n}", sentences.len()));
        }
    }
    for want in expected["removed"].as_array().into_iter().flatten() {
        let (text_, reason) = (want["text"].as_str().unwrap_or(""), want["reason"].as_str().unwrap_or(""));
        match segmentation.removed.iter().find(|r| r.span.text == text_) {
            Some(r) if r.reason == reason => {}
            Some(r) => failures.push(format!("removed {text_:?} as {:?}, expected {reason:?}", r.reason)),
            None => failures.push(format!("not removed: {text_:?} ({reason})")),
        }
    }
    if expected["removed_nothing"].as_bool() == Some(true) && !segmentation.removed.is_empty() {
        failures.push(format!("clean article, yet removed {:?}", segmentation.removed.iter().map(|r| &r.span.text).collect::<Vec<_>>()));
    }
    for chrome in expected["not_in_sentences"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if let Some(s) = sentences.iter().find(|s| s.contains(chrome)) {
            failures.push(format!("chrome {chrome:?} kept in sentence {s:?}"));
        }
    }
    if !failures.is_empty() {
        failures.insert(0, format!("== {name}"));
        failures.push(describe(&segmentation));
    }
    failures
}

/// The cleanup's output, for a failure message.
fn describe(segmentation: &Segmentation) -> String {
    let mut out = format!("   title: {:?}\n", segmentation.title);
    for s in &segmentation.sentences {
        out += &format!("   S  {}\n", s.text);
    }
    for r in &segmentation.removed {
        out += &format!("   R  [{}] {}\n", r.reason, r.span.text);
    }
    out
}

#[test]
fn golden_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let mut cases: Vec<_> = fs::read_dir(&root).expect("fixtures/clean").filter_map(Result::ok).map(|e| e.path()).collect();
    cases.sort();
    assert!(cases.len() >= 5, "the golden cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let text = fs::read_to_string(case.join("input.txt")).expect("input.txt");
        let expected: Value = serde_json::from_str(&fs::read_to_string(case.join("expected.json")).expect("expected.json"))
            .expect("expected.json parses");
        failures.extend(check_case(&name, &text, &expected));
        // The same page with Windows line ends and no trailing newline cleans the same way.
        let crlf = text.trim_end().replace('\n', "\r\n");
        failures.extend(check_case(&format!("{name} (CRLF)"), &crlf, &expected));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A small deterministic generator (xorshift), so the no-panic check needs no extra crate and repeats exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
}

/// Pieces the cleanup branches on: chrome phrases and markers, dates, credits, drop capitals, brackets, line
/// layouts, multi-byte characters next to every boundary it slices at.
const PIECES: &[&str] = &[
    "The council approved the plan on Monday after a long debate, officials said.", "By . Jane Smith .", "By ",
    " . ", " .", ".", "(CNN)", "(CNN) -- ", "LONDON, England (AP) — ", "(", ")", "[File: Reuters]", "(AP Photo/J. Doe)",
    "Scroll down for video", "Scroll down for videos", "Read more:", "Read more: Budget rises .", "Advertisement",
    "PUBLISHED:", "UPDATED: 15:23 EST, 25 October 2013", "© 2019 Ledger", "All rights reserved.", "Share", "Facebook",
    "2 hours ago", "32M ago", "5 Min Read", "[ 167 comments ]", "grumpysal says:", "Photo: A. Smith / Agency",
    "Doug Mills/The New York Times", "Credit: ", "H", "ong Kong is burning.", "Label: Caption (left) here .",
    "Related stories", "Most read", "We use cookies to improve your experience.", "—", "’s", "’", "“", "”", "é",
    "😀", "東京", "\u{a0}", "\u{200b}", " ", " ", "\n", "\n", "\n\n", "\r\n", "\t", "1", "2019", "Nov. 19, 2019 8:03 am ET",
];

#[test]
fn any_mix_of_chrome_and_prose_cleans_without_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let options = Options::default();
    for _ in 0..400 {
        let len = 1 + rng.next() % 60;
        let text: String = (0..len).map(|_| PIECES[rng.next() % PIECES.len()]).collect();
        let segmentation = split(&text, &options).expect("split succeeds");
        check_segmentation(&text, &segmentation);
        let summary = summarize(&text, &options).expect("summarize succeeds");
        for r in &summary.removed {
            check_span(&text, &r.span);
        }
        assert!(summary.summary.iter().all(|&i| i < summary.sentences.len()));
    }
}

/// Cost grows linearly: cleaning a page twice as long takes less than three times as long (same process, thread
/// CPU time, best of several runs — well below the factor of four a pairwise comparison of lines would show).
#[test]
fn cost_is_linear_in_the_input() {
    let page = include_str!("fixtures/clean/bbc-in-site-chrome/input.txt");
    let options = Options { max_input_bytes: 64 << 20, ..Options::default() };
    let (small, large) = (page.repeat(600), page.repeat(1200));
    let cleaned = |text: &str| {
        let segmentation = split(text, &options).expect("split succeeds");
        assert!(!segmentation.sentences.is_empty());
    };
    timing::assert_linear_ratio("cleanup of a pasted page", || cleaned(&small), || cleaned(&large));
}
