//! Invariants every result must satisfy, whatever the input: shared by the property tests
//! (`tests/properties.rs`), the bad-input catalogue (`tests/bad_input.rs`) and the fuzz targets (`fuzz/`), so a
//! fuzzer's crash and a failing property mean the same thing.
//!
//! Each check panics with a message that names the broken rule and the offending span.
#![allow(dead_code)]

use nutshell::{Options, Segmentation, Summary, TextSpan};

/// UTF-16 offsets of every character boundary of a text, to check reported `start16`/`end16` in O(1).
pub struct Utf16Offsets {
    /// `units[b]` is the number of UTF-16 units before byte `b`, or `u32::MAX` inside a character.
    units: Vec<u32>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Self {
        let mut units = vec![u32::MAX; text.len() + 1];
        let mut count = 0u32;
        for (at, c) in text.char_indices() {
            units[at] = count;
            count += c.len_utf16() as u32;
        }
        units[text.len()] = count;
        Utf16Offsets { units }
    }

    fn at(&self, byte: usize) -> Option<usize> {
        self.units.get(byte).copied().filter(|&u| u != u32::MAX).map(|u| u as usize)
    }
}

/// `span` slices `text` back to `span.text` by its UTF-8 offsets, and its UTF-16 offsets are the same place.
pub fn check_span(text: &str, offsets: &Utf16Offsets, where_: &str, span: &TextSpan) {
    assert!(span.start <= span.end, "{where_}: start {} after end {}", span.start, span.end);
    let slice = text.get(span.start..span.end);
    assert!(slice.is_some(), "{where_}: {}..{} is not on character boundaries of a {}-byte text", span.start, span.end, text.len());
    assert_eq!(slice, Some(span.text.as_str()), "{where_}: bytes {}..{} do not slice back to the reported text", span.start, span.end);
    assert_eq!(offsets.at(span.start), Some(span.start16), "{where_}: start16 does not match start {}", span.start);
    assert_eq!(offsets.at(span.end), Some(span.end16), "{where_}: end16 does not match end {}", span.end);
}

/// Sentences: in order, not overlapping one another nor any removed span, never blank.
fn check_sentences(text: &str, offsets: &Utf16Offsets, sentences: &[&TextSpan], removed: &[&TextSpan]) {
    for (i, s) in sentences.iter().enumerate() {
        check_span(text, offsets, &format!("sentences[{i}]"), s);
        assert!(!s.text.trim().is_empty(), "sentences[{i}] is blank: {:?}", s.text);
    }
    for (i, pair) in sentences.windows(2).enumerate() {
        assert!(pair[0].end <= pair[1].start, "sentences[{i}] ({}..{}) and [{}] ({}..{}) overlap or are out of order", pair[0].start, pair[0].end, i + 1, pair[1].start, pair[1].end);
    }
    for (i, r) in removed.iter().enumerate() {
        check_span(text, offsets, &format!("removed[{i}]"), r);
    }
    // Both lists sorted by start: one sweep finds any sentence that shares a byte with removed chrome.
    let mut removed: Vec<(usize, usize)> = removed.iter().filter(|r| r.start < r.end).map(|r| (r.start, r.end)).collect();
    removed.sort_unstable();
    let mut j = 0;
    for (i, s) in sentences.iter().enumerate() {
        while j < removed.len() && removed[j].1 <= s.start {
            j += 1;
        }
        // Removed spans may overlap one another: look at every one that starts before the sentence ends.
        for &(start, end) in removed[j..].iter().take_while(|r| r.0 < s.end) {
            assert!(end <= s.start || start >= s.end, "sentences[{i}] ({}..{}) overlaps removed chrome {start}..{end}", s.start, s.end);
        }
    }
}

/// The number of summary sentences `options` ask for, for a text of `n` sentences (`None`: a word budget,
/// which only promises at least one sentence).
pub fn expected_count(n: usize, options: &Options) -> Option<usize> {
    match (options.sentences, options.ratio, options.words) {
        (Some(k), _, _) => Some(k.min(n)),
        (_, Some(r), _) => Some(((n as f64 * r).round() as usize).clamp(1, n.max(1)).min(n)),
        (_, _, Some(_)) => None,
        _ => Some(Options::DEFAULT_SENTENCES.min(n)),
    }
}

/// Every rule of a [`Summary`] of `text` made with `options`.
pub fn check_summary(text: &str, options: &Options, summary: &Summary) {
    let offsets = Utf16Offsets::new(text);
    let sentences: Vec<&TextSpan> = summary.sentences.iter().map(|s| &s.span).collect();
    let removed: Vec<&TextSpan> = summary.removed.iter().map(|r| &r.span).collect();
    check_sentences(text, &offsets, &sentences, &removed);
    let n = sentences.len();
    for (i, s) in summary.sentences.iter().enumerate() {
        assert!(s.score.is_finite(), "sentences[{i}].score is {}", s.score);
        if i > 0 {
            assert!(s.paragraph >= summary.sentences[i - 1].paragraph, "sentences[{i}]: paragraph index goes back");
        }
    }

    // The summary: valid indices, strictly increasing (article order, no repeats), as many as asked.
    for &i in &summary.summary {
        assert!(i < n, "summary index {i} out of range: {n} sentences");
    }
    assert!(summary.summary.windows(2).all(|w| w[0] < w[1]), "summary not in article order: {:?}", summary.summary);
    match expected_count(n, options) {
        Some(k) => assert_eq!(summary.summary.len(), k, "summary length for {n} sentences with {options:?}"),
        None => assert_eq!(summary.summary.is_empty(), n == 0, "a word budget keeps at least one sentence"),
    }

    // People: non-empty names, mentions that slice back, `first` at the first mention.
    for (p, person) in summary.people.iter().enumerate() {
        assert!(!person.name.trim().is_empty(), "people[{p}] has a blank name");
        assert_eq!(person.mentions, person.spans.len(), "people[{p}].mentions is not the number of its spans");
        for (m, span) in person.spans.iter().enumerate() {
            check_span(text, &offsets, &format!("people[{p}].spans[{m}]"), span);
        }
        for (q, span) in person.quotes.iter().enumerate() {
            check_span(text, &offsets, &format!("people[{p}].quotes[{q}]"), span);
        }
        if let Some(first) = person.spans.iter().map(|s| s.start).min() {
            assert_eq!(person.first, first, "people[{p}].first is not its first mention");
        }
        assert_eq!(offsets.at(person.first), Some(person.first16), "people[{p}].first16 does not match first");
    }

    // Quotes: spans that slice back, a speaker among the people, a sentence that exists.
    for (q, quote) in summary.quotes.iter().enumerate() {
        check_span(text, &offsets, &format!("quotes[{q}]"), &quote.span);
        if let Some(speaker) = quote.speaker {
            assert!(speaker < summary.people.len(), "quotes[{q}].speaker {speaker} out of range");
        }
        assert!(quote.sentence < n, "quotes[{q}].sentence {} out of range: {n} sentences", quote.sentence);
    }

    if let Some(title) = &summary.title {
        assert!(text.contains(title.as_str()), "the title {title:?} is not in the text");
    }
}

/// Every rule of a [`Segmentation`] of `text`.
pub fn check_segmentation(text: &str, segmentation: &Segmentation) {
    let offsets = Utf16Offsets::new(text);
    let sentences: Vec<&TextSpan> = segmentation.sentences.iter().collect();
    let removed: Vec<&TextSpan> = segmentation.removed.iter().map(|r| &r.span).collect();
    check_sentences(text, &offsets, &sentences, &removed);
    if let Some(title) = &segmentation.title {
        assert!(text.contains(title.as_str()), "the title {title:?} is not in the text");
    }
}

/// The sentences of [`nutshell::split_sentences`] (no chrome removal): in order, never blank, slicing back.
pub fn check_plain_sentences(text: &str, sentences: &[TextSpan]) {
    let offsets = Utf16Offsets::new(text);
    let sentences: Vec<&TextSpan> = sentences.iter().collect();
    check_sentences(text, &offsets, &sentences, &[]);
}
