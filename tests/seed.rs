//! The design's sample article against its hand-checked expectations (`tests/fixtures/seed/`).

use nutshell::{summarize, Options, Summary};
use serde_json::Value;

fn seed() -> (String, Value, Summary) {
    let text = include_str!("fixtures/seed/input.txt").to_string();
    let expected: Value = serde_json::from_str(include_str!("fixtures/seed/expected.json")).expect("expected.json parses");
    let summary = summarize(&text, &Options::default()).expect("the seed summarizes");
    (text, expected, summary)
}

/// Quotes compare without the trailing comma or period the article's punctuation leaves inside the marks.
fn bare(quote: &str) -> &str {
    quote.trim_end_matches([',', '.', ' '])
}

#[test]
fn exactly_the_expected_people_with_aliases_mentions_roles_and_quotes() {
    let (_, expected, summary) = seed();
    let expected_people = expected["people"].as_array().expect("people");
    let mut found: Vec<&str> = summary.people.iter().map(|p| p.name.as_str()).collect();
    let mut wanted: Vec<&str> = expected_people.iter().map(|p| p["name"].as_str().unwrap_or("")).collect();
    found.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(found, wanted);
    for want in expected_people {
        let name = want["name"].as_str().unwrap_or("");
        let person = summary.people.iter().find(|p| p.name == name).expect("person present");
        let mut aliases = person.aliases.clone();
        aliases.sort();
        let mut want_aliases: Vec<String> = want["aliases"].as_array().unwrap_or(&vec![]).iter().map(|a| a.as_str().unwrap_or("").to_string()).collect();
        want_aliases.sort();
        assert_eq!(aliases, want_aliases, "aliases of {name}");
        assert_eq!(Some(person.mentions as u64), want["mentions"].as_u64(), "mentions of {name}");
        let role = person.role.as_deref().unwrap_or("").to_lowercase();
        let want_role = want["role"].as_str().unwrap_or("").to_lowercase();
        assert!(!role.is_empty() && (role.contains(&want_role) || want_role.contains(&role)), "role of {name}: {role:?} vs {want_role:?}");
        let quotes: Vec<&str> = person.quotes.iter().map(|q| bare(&q.text)).collect();
        let none = Vec::new();
        let want_quotes: Vec<&str> = want["quotes"].as_array().unwrap_or(&none).iter().map(|q| bare(q.as_str().unwrap_or(""))).collect();
        assert_eq!(quotes, want_quotes, "quotes of {name}");
    }
    for not in expected["not_people"].as_array().expect("not_people") {
        let not = not.as_str().unwrap_or("");
        assert!(summary.people.iter().all(|p| p.name != not && !p.aliases.iter().any(|a| a == not)), "{not} is not a person");
    }
}

#[test]
fn title_is_the_headline_and_chrome_is_removed() {
    let (text, expected, summary) = seed();
    assert_eq!(summary.title.as_deref(), expected["title"].as_str());
    let body_end = text.find(expected["body_ends_with"].as_str().unwrap_or("")).expect("body end in text");
    let last = summary.sentences.last().expect("sentences");
    assert!(last.span.text.ends_with("while acknowledging Russia’s demands."));
    assert!(last.span.end <= body_end + 60);
    // Every navigation line after the body is reported as removed.
    for line in text[body_end..].lines().skip(1).filter(|l| !l.trim().is_empty()) {
        assert!(summary.removed.iter().any(|r| r.span.text == line.trim()), "not removed: {line:?}");
    }
    assert!(summary.removed.iter().any(|r| r.span.text == "Politics"), "section label removed");
}

#[test]
fn summary_opens_with_the_lead_and_avoids_title_and_chrome() {
    let (_, _, summary) = seed();
    assert_eq!(summary.summary.len(), 3);
    let first = &summary.sentences[summary.summary[0]];
    assert!(first.span.text.starts_with("U.S. negotiators Steve Witkoff and Jared Kushner are set to travel"));
    for &i in &summary.summary {
        let text = &summary.sentences[i].span.text;
        assert!(!text.contains("weeks ago") && !text.contains("months ago") && text != "Politics");
        assert!(!text.starts_with("U.S. Negotiators Head to Russia"));
    }
    assert!(summary.summary.windows(2).all(|w| w[0] < w[1]), "article order");
}

#[test]
fn spans_slice_back_to_their_text_in_bytes_and_utf16() {
    let (text, _, summary) = seed();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let check = |t: &str, start: usize, end: usize, start16: usize, end16: usize| {
        assert_eq!(&text[start..end], t);
        assert_eq!(String::from_utf16_lossy(&utf16[start16..end16]), t);
    };
    for s in &summary.sentences {
        check(&s.span.text, s.span.start, s.span.end, s.span.start16, s.span.end16);
    }
    for q in &summary.quotes {
        check(&q.span.text, q.span.start, q.span.end, q.span.start16, q.span.end16);
    }
    for r in &summary.removed {
        check(&r.span.text, r.span.start, r.span.end, r.span.start16, r.span.end16);
    }
    for p in &summary.people {
        assert_eq!(p.first, p.spans[0].start);
        for m in &p.spans {
            check(&m.text, m.start, m.end, m.start16, m.end16);
        }
    }
}
