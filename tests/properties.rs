//! Property tests: for any text — news-like prose assembled from the pieces the stages branch on (quotes,
//! abbreviations, names, speech verbs, CRLF, NBSP, emoji, combining marks, NUL, right-to-left and CJK script), or
//! arbitrary Unicode — nutshell returns a result that keeps every invariant of `tests/invariants`:
//! - no panic;
//! - every span (sentences, quotes, people's mentions and quotes, removed chrome) slices the input back to its
//!   text, in UTF-8 bytes and in UTF-16 units;
//! - sentences are in order, never blank, and never overlap removed chrome;
//! - summary indices are valid, in article order, and as many as the options ask for (exactly k when the text
//!   has k sentences or more);
//! - the same input gives the same result;
//! - a refused option is an `Error` that names it.
//!
//! `[profile.test] opt-level = 1` keeps these quick; `PROPTEST_CASES=5000 cargo test --test properties` runs more.

mod invariants;

use nutshell::{split, split_sentences, summarize, Features, OptionValue, Options, QuotePreference};
use proptest::prelude::*;

/// Pieces of news text, and of text that is anything but.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        // Words, names, titles and speech verbs.
        "the", "a", "new", "bridge", "cost", "million", "on", "Monday", "said", "told", "reporters", "added", "He",
        "She", "They", "It", "Anna", "Kowalska", "Smith", "Jean-Luc", "Bérnard", "Hillary", "Clinton", "Clinton’s",
        "O'Brien", "McDonald", "Mayor", "President", "Prime Minister", "Dr", "Mr.", "Mrs.", "Dr.", "St.", "Inc.",
        "U.S.", "U.K.", "p.m.", "a.m.", "e.g.", "No.", "J.", "R.", "5.5%", "$12m", "£600m", "1,000", "3.14", "2024",
        "No", "By", "Share", "Advertisement", "Read more", "Related", "Image caption", "Copyright",
        // Sentence ends, quotes, brackets, dashes.
        ".", ".", ". ", "!", "?", "?!", "...", "…", ":", ";", ",", "\"", "\"", "'", "“", "”", "‘", "’", "«", "»",
        "„", "‹", "›", "「", "」", "(", ")", "[", "]", "{", "}", "—", "–", "-", "/", "|", "•", "*", "#",
        // Whitespace of every kind.
        " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u{a0}", "\u{2009}", "\u{200b}",
        "\u{2028}", "\u{2029}", "\u{feff}", "\u{85}",
        // Emoji, combining marks, control characters.
        "😀", "👩‍🍳", "🇵🇱", "🏳️‍🌈", "e\u{301}", "\u{301}", "\u{308}", "\u{20dd}", "\0", "\u{1}", "\u{1b}", "\u{7f}",
        "\u{fffd}", "\u{10ffff}", "\u{e000}",
        // Right-to-left and CJK text, bidi controls.
        "رئيس", "الوزراء", "قال", "؟", "שלום", "\u{202e}", "\u{200f}", "東京", "知事", "。", "、", "！", "？", "한국어",
        // Markup pasted as text.
        "<p>", "</p>", "<script>alert(1)</script>", "&amp;", "&#8217;", "<a href=\"x\">",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        8 => fixed,
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{1,8}",
    ]
}

/// A text of up to `max` pieces.
fn news_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|pieces| pieces.concat())
}

/// Summary length options, valid ones.
fn length_options() -> impl Strategy<Value = Options> {
    let quotes = prop_oneof![Just(QuotePreference::Prefer), Just(QuotePreference::Allow), Just(QuotePreference::Avoid)];
    let length = prop_oneof![
        Just((None, None, None)),
        (1usize..25).prop_map(|k| (Some(k), None, None)),
        Just((Some(Options::MAX_SENTENCES), None, None)),
        (0.001f64..=1.0).prop_map(|r| (None, Some(r), None)),
        (1usize..200).prop_map(|w| (None, None, Some(w))),
    ];
    (length, quotes).prop_map(|((sentences, ratio, words), quotes)| Options { sentences, ratio, words, quotes, ..Options::default() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_keeps_every_invariant(text in news_text(300), options in length_options()) {
        let summary = summarize(&text, &options).unwrap();
        invariants::check_summary(&text, &options, &summary);
    }

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in any::<String>(), options in length_options()) {
        let summary = summarize(&text, &options).unwrap();
        invariants::check_summary(&text, &options, &summary);
    }

    #[test]
    fn same_input_same_result(text in news_text(200), options in length_options()) {
        let first = summarize(&text, &options).unwrap();
        let second = summarize(&text, &options).unwrap();
        prop_assert_eq!(first, second);
        prop_assert_eq!(split(&text, &options).unwrap(), split(&text, &options).unwrap());
    }

    #[test]
    fn split_keeps_every_invariant_and_agrees_with_summarize(text in news_text(300)) {
        let options = Options::default();
        let segmentation = split(&text, &options).unwrap();
        invariants::check_segmentation(&text, &segmentation);
        let summary = summarize(&text, &options).unwrap();
        let from_summary: Vec<_> = summary.sentences.iter().map(|s| s.span.clone()).collect();
        prop_assert_eq!(&segmentation.sentences, &from_summary);
        invariants::check_plain_sentences(&text, &split_sentences(&text));
    }

    #[test]
    fn exactly_k_sentences_when_the_text_has_them(sentences in prop::collection::vec("[A-Z][a-z]{2,9}( [a-z]{2,9}){2,8}\\.", 1..30), k in 1usize..12) {
        // Distinct, plain sentences (numbered, so none repeats another).
        let text: String = sentences.iter().enumerate().map(|(i, s)| format!("{s} It was number {i}. ")).collect();
        let options = Options { sentences: Some(k), ..Options::default() };
        let summary = summarize(&text, &options).unwrap();
        invariants::check_summary(&text, &options, &summary);
        prop_assert_eq!(summary.summary.len(), k.min(summary.sentences.len()));
    }

    #[test]
    fn refused_options_name_the_option(
        name in prop::sample::select(vec!["sentences", "ratio", "words", "quotes", "maxInputBytes", "weights.position", "weights.title", "sentense", "weights.nothing"]),
        value in prop_oneof![
            any::<f64>().prop_map(OptionValue::Number),
            prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 0.0, 0.5, 1.0, 2.5, 1e300, -1e300, 1e-300, 9007199254740993.0]).prop_map(OptionValue::Number),
            ".{0,12}".prop_map(OptionValue::Text),
            any::<bool>().prop_map(OptionValue::Bool),
            Just(OptionValue::Other("object".to_string())),
            Just(OptionValue::Other("bigint".to_string())),
        ],
    ) {
        let mut options = Options::default();
        match options.set(name, &value).and_then(|()| options.validate()) {
            Err(error) => prop_assert!(error.to_string().contains(&format!("`{name}`")), "{} = {:?}: {}", name, value, error),
            Ok(()) => {
                // Accepted: the value was in range, and summarizing with it works.
                let text = "Mayor Anna Kowalska opened the bridge on Monday. \"It is a great day,\" she said. It cost $12m.";
                match summarize(text, &options) {
                    Ok(summary) => invariants::check_summary(text, &options, &summary),
                    Err(error) => {
                        prop_assert!(text.len() > options.max_input_bytes, "valid options refused: {}", error);
                        prop_assert!(error.to_string().contains("maxInputBytes"), "{}", error);
                    }
                }
            }
        }
    }

    #[test]
    fn any_weights_keep_every_invariant(weights in prop::collection::vec(-1000.0f64..=1000.0, Features::NAMES.len()), text in news_text(150)) {
        let mut options = Options::default();
        for (name, weight) in Features::NAMES.iter().zip(&weights) {
            options.set(&format!("weights.{name}"), &OptionValue::Number(*weight)).unwrap();
        }
        let summary = summarize(&text, &options).unwrap();
        invariants::check_summary(&text, &options, &summary);
    }
}
