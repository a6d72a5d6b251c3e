//! Selection on small texts whose scores are set by hand: only the features a test names carry weight, so the
//! ranking is known and each assertion checks one rule of `select.rs` — length control, article order,
//! dangling references, the quote preference and redundancy.

use nutshell::{summarize, Features, Options, QuotePreference, Summary, Weights};

/// Weights that are zero except the ones given.
fn only(weights: &[(&str, f64)]) -> Weights {
    let mut w = Weights::default();
    for name in Features::NAMES {
        w.set(name, 0.0).unwrap();
    }
    for (name, value) in weights {
        w.set(name, *value).unwrap();
    }
    w
}

/// Sentences with a figure score 1, the others 0: `numbers` is the only weighted feature.
fn by_numbers() -> Options {
    Options { weights: only(&[("numbers", 1.0)]), ..Options::default() }
}

fn run(text: &str, options: &Options) -> Summary {
    summarize(text, options).expect("summarizes")
}

fn texts(summary: &Summary) -> Vec<&str> {
    summary.summary.iter().map(|&i| summary.sentences[i].span.text.as_str()).collect()
}

fn words(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

const TEN: &str = "The council met on Monday evening in the old town hall. Members discussed the state of the roads. \
    A report on the harbour was read aloud. The library will open later on Sundays. Parking fees stay the same. \
    The school asked for a new roof. A fountain in the park will be repaired. The bus timetable changes in spring. \
    Volunteers will plant trees along the river. The meeting closed before nine o'clock.";

#[test]
fn the_summary_has_exactly_the_requested_number_of_sentences() {
    let all = run(TEN, &Options::default());
    assert_eq!(all.sentences.len(), 10, "{:?}", all.sentences.iter().map(|s| &s.span.text).collect::<Vec<_>>());
    assert_eq!(all.summary.len(), Options::DEFAULT_SENTENCES);
    for k in 1..=10 {
        let summary = run(TEN, &Options { sentences: Some(k), ..Options::default() });
        assert_eq!(summary.summary.len(), k, "sentences = {k}");
    }
    // More than the text has: all of it.
    let summary = run(TEN, &Options { sentences: Some(50), ..Options::default() });
    assert_eq!(summary.summary, (0..10).collect::<Vec<_>>());
}

#[test]
fn a_ratio_keeps_that_share_of_the_sentences_and_at_least_one() {
    for (ratio, expected) in [(0.3, 3), (0.5, 5), (1.0, 10), (0.01, 1), (0.04, 1), (0.06, 1), (0.16, 2)] {
        let summary = run(TEN, &Options { ratio: Some(ratio), ..Options::default() });
        assert_eq!(summary.summary.len(), expected, "ratio = {ratio}");
    }
}

#[test]
fn a_word_budget_is_never_exceeded_when_a_sentence_fits_and_always_gives_one_sentence() {
    for budget in [8, 10, 15, 20, 30, 45, 60, 1000] {
        let summary = run(TEN, &Options { words: Some(budget), ..Options::default() });
        let used: usize = texts(&summary).iter().map(|s| words(s)).sum();
        assert!(!summary.summary.is_empty(), "budget {budget}: at least one sentence");
        assert!(used <= budget, "budget {budget}: {used} words in {:?}", texts(&summary));
    }
    // The budget fits the whole text: every sentence.
    let summary = run(TEN, &Options { words: Some(1000), ..Options::default() });
    assert_eq!(summary.summary.len(), 10);
    // Smaller than any sentence: the best sentence alone.
    let summary = run(TEN, &Options { words: Some(1), ..Options::default() });
    assert_eq!(summary.summary.len(), 1);
}

#[test]
fn a_word_budget_takes_the_best_sentences_that_fit() {
    // Figures score; the 12-word first sentence does not fit a 10-word budget, the two short ones do.
    let text = "The new bridge over the river cost 12 million dollars in all. It opened today. \
                Tolls start at 2 dollars. Traffic fell by 30 percent.";
    let summary = run(text, &Options { words: Some(10), ..by_numbers() });
    assert_eq!(texts(&summary), vec!["Tolls start at 2 dollars.", "Traffic fell by 30 percent."]);
}

#[test]
fn the_summary_comes_back_in_article_order() {
    // The figures score: the last sentence is chosen first, yet the summary reads in the article's order.
    let text = "Nothing happened in the morning. The mayor spoke at noon. Taxes rise by 3 percent. \
                Rain fell in the evening. Sales grew by 7 percent in 2024.";
    let summary = run(text, &Options { sentences: Some(3), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 2, 4]);
    for k in 1..=10 {
        let summary = run(TEN, &Options { sentences: Some(k), ..Options::default() });
        assert!(summary.summary.windows(2).all(|w| w[0] < w[1]), "{:?}", summary.summary);
    }
}

const DANGLING: &str = "The council met in the old town hall. Mayor Jane Smith opened the session on the budget. \
    She said the budget would grow by 12 percent next year. Residents asked about the new road. \
    The road will cost 4 million dollars.";

#[test]
fn a_dangling_sentence_brings_its_antecedent_within_the_count() {
    // "She said…" scores best (a figure, and earlier than the road's): with room for two it brings "Mayor Jane
    // Smith opened…", and the road sentence, scoring as high, is left out to keep the count.
    let summary = run(DANGLING, &Options { sentences: Some(2), ..by_numbers() });
    assert_eq!(summary.summary, vec![1, 2]);
}

#[test]
fn a_dangling_sentence_without_room_yields_to_the_next_candidate() {
    // One sentence: "She said…" cannot bring its antecedent, so the road sentence takes the place.
    let summary = run(DANGLING, &Options { sentences: Some(1), ..by_numbers() });
    assert_eq!(texts(&summary), vec!["The road will cost 4 million dollars."]);
}

#[test]
fn a_chain_of_references_is_brought_back_to_a_sentence_that_stands_alone() {
    let text = "Jane Smith runs the bakery on Main Street. She opened it in the spring. \
                Her bread sold out in 3 hours on Saturday. The town has 2 other bakeries.";
    // "Her bread…" leans on "She opened…", which leans on "Jane Smith runs…": three sentences together.
    let summary = run(text, &Options { sentences: Some(3), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 1, 2]);
    // With two, the chain does not fit: the two sentences that read alone.
    let summary = run(text, &Options { sentences: Some(2), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 3]);
}

#[test]
fn descriptions_and_connectives_count_as_dangling_references() {
    for opening in ["The 45-year-old", "But the striker", "He", "The pair"] {
        let text = format!(
            "Tom Baker scored twice for the club on Saturday. The crowd sang his name. {opening} has now scored 14 goals this season. \
             Tickets for the next game cost 20 pounds."
        );
        let summary = run(&text, &Options { sentences: Some(1), ..by_numbers() });
        assert_eq!(texts(&summary), vec!["Tickets for the next game cost 20 pounds."], "opening {opening:?}");
    }
    // A sentence that opens a quote is speech: its "I" points at the speaker, not back.
    let text = "Tom Baker scored twice for the club on Saturday. The crowd sang his name. \
                “I have scored 14 goals this season,” Baker said. Tickets for the next game cost 20 pounds.";
    let summary = run(text, &Options { sentences: Some(1), ..by_numbers() });
    assert_eq!(summary.summary, vec![2]);
}

#[test]
fn the_requested_count_is_met_even_when_every_other_sentence_dangles() {
    let text = "Anna Berg founded the company in 1990. She sold it in 2001. She bought it back in 2010. \
                She retired in 2020. She still owns 5 percent.";
    for k in 1..=5 {
        let summary = run(text, &Options { sentences: Some(k), ..by_numbers() });
        assert_eq!(summary.summary.len(), k, "sentences = {k}");
    }
    // Two: the founder's sentence and the first that leans on it, not a sentence that dangles alone.
    let summary = run(text, &Options { sentences: Some(2), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 1]);
}

const QUOTES: &str = "The plant will close in 2026. Workers heard the news on Monday. \
    Output fell by 40 percent last year. “We will fight for every job here,” the union leader said.";

#[test]
fn quote_preference_prefer_allow_avoid() {
    // Figures score 1, the rest 0; ties go to the earlier sentence.
    let allow = run(QUOTES, &Options { sentences: Some(3), ..by_numbers() });
    assert_eq!(allow.summary, vec![0, 1, 2]);
    // Prefer lifts the quote above the unquoted sentences without figures.
    let prefer = run(QUOTES, &Options { sentences: Some(3), quotes: QuotePreference::Prefer, ..by_numbers() });
    assert_eq!(prefer.summary, vec![0, 2, 3]);
    // Avoid keeps it out even when it scores best…
    let quote_scores = Options { sentences: Some(1), weights: only(&[("quotes", 5.0)]), ..Options::default() };
    assert_eq!(run(QUOTES, &quote_scores).summary, vec![3]);
    let avoid = run(QUOTES, &Options { quotes: QuotePreference::Avoid, ..quote_scores.clone() });
    assert_eq!(avoid.summary, vec![0]);
    // …and takes it only when nothing else is left.
    let all = run(QUOTES, &Options { sentences: Some(4), quotes: QuotePreference::Avoid, ..by_numbers() });
    assert_eq!(all.summary, vec![0, 1, 2, 3]);
}

#[test]
fn near_duplicates_are_skipped() {
    // A caption repeated as a sentence: the second copy adds nothing, the next best sentence comes instead.
    let text = "The bridge cost 12 million dollars to build. Work began in the spring. \
                The bridge cost 12 million dollars to build, officials said. Traffic rose by 30 percent.";
    let summary = run(text, &Options { sentences: Some(2), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 3]);
    // Asked for everything, everything comes back.
    let summary = run(text, &Options { sentences: Some(4), ..by_numbers() });
    assert_eq!(summary.summary, vec![0, 1, 2, 3]);
}

#[test]
fn every_sentence_has_its_features_and_contributions() {
    let summary = run(TEN, &Options::default());
    for s in &summary.sentences {
        let features = serde_json::to_value(&s.features).unwrap();
        let contributions = serde_json::to_value(&s.contributions).unwrap();
        for name in Features::NAMES {
            let value = features[name].as_f64().expect("feature present");
            assert!((0.0..=1.0).contains(&value), "{name} = {value}");
            assert!(contributions[name].is_f64(), "contribution of {name}");
        }
        let total: f64 = Features::NAMES.iter().map(|n| contributions[n].as_f64().unwrap()).sum();
        assert!((total - s.score).abs() < 1e-3, "score is the sum of the contributions");
    }
}

#[test]
fn odd_inputs_give_a_result() {
    for text in ["", " ", "\n\n", "word", "?!.", "“", "He said.", "a\u{0}b", "\u{feff}Hi. There."] {
        for options in [
            Options::default(),
            Options { words: Some(1), ..Options::default() },
            Options { ratio: Some(1.0), quotes: QuotePreference::Avoid, ..Options::default() },
            Options { sentences: Some(10_000), quotes: QuotePreference::Prefer, ..Options::default() },
        ] {
            let summary = run(text, &options);
            assert!(summary.summary.len() <= summary.sentences.len());
            assert!(summary.summary.windows(2).all(|w| w[0] < w[1]));
            if !summary.sentences.is_empty() {
                assert!(!summary.summary.is_empty(), "{text:?}");
            }
        }
    }
}
