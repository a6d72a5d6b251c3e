//! Sentence scoring: named features, each from 0 to 1, and their weights — all in this one place.
//!
//! The score of a sentence is `Σ weight × feature`. Features are cheap to compute in one pass and measured
//! to help on real news (see `eval/` for the harness and the fitting script that produced the defaults):
//! - `position`: the lead carries the news (1 for the first sentence, decaying with the index);
//! - `paragraph`: the first sentence of a paragraph;
//! - `quotes`: the share of the sentence inside direct quotes;
//! - `entities`: how salient the people it names are;
//! - `centrality`: how much of the document's vocabulary it shares (a linear-time stand-in for LexRank);
//! - `title`: overlap with the headline;
//! - `length`: long enough to say something;
//! - `numbers`: figures and dates;
//! - `heading`: no terminal punctuation (subheadings, captions) — weighted negatively.

use std::collections::HashMap;

use serde::Serialize;

use crate::clean::Article;
use crate::options::Error;
use crate::people::People;
use crate::quotes::QuoteFound;
use crate::sentences::SentenceSpan;
use crate::tokens::Word;

/// Per-sentence feature values (or their weighted contributions), each named after what it measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Features {
    /// Early sentences score higher.
    pub position: f64,
    /// First sentence of its paragraph.
    pub paragraph: f64,
    /// Share of the sentence inside direct quotes.
    pub quotes: f64,
    /// Salience of the people it names.
    pub entities: f64,
    /// Shared vocabulary with the whole document.
    pub centrality: f64,
    /// Overlap with the headline.
    pub title: f64,
    /// Long enough to be informative.
    pub length: f64,
    /// Holds figures or dates.
    pub numbers: f64,
    /// Looks like a heading or caption (no terminal punctuation).
    pub heading: f64,
}

impl Features {
    fn dot(&self, w: &Weights) -> Features {
        Features {
            position: self.position * w.position,
            paragraph: self.paragraph * w.paragraph,
            quotes: self.quotes * w.quotes,
            entities: self.entities * w.entities,
            centrality: self.centrality * w.centrality,
            title: self.title * w.title,
            length: self.length * w.length,
            numbers: self.numbers * w.numbers,
            heading: self.heading * w.heading,
        }
    }

    fn sum(&self) -> f64 {
        self.position + self.paragraph + self.quotes + self.entities + self.centrality + self.title + self.length + self.numbers + self.heading
    }

    pub(crate) fn rounded(self) -> Features {
        let r = crate::result::round;
        Features {
            position: r(self.position),
            paragraph: r(self.paragraph),
            quotes: r(self.quotes),
            entities: r(self.entities),
            centrality: r(self.centrality),
            title: r(self.title),
            length: r(self.length),
            numbers: r(self.numbers),
            heading: r(self.heading),
        }
    }
}

/// The weight of each feature in a sentence's score. The defaults are fitted on CNN/DailyMail validation
/// articles and BBC News extracts (`eval/fit_weights.py`); any weight may be overridden by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Weight of `position` (default 2.0).
    pub position: f64,
    /// Weight of `paragraph` (default 0.2).
    pub paragraph: f64,
    /// Weight of `quotes` (default -0.3).
    pub quotes: f64,
    /// Weight of `entities` (default 0.4).
    pub entities: f64,
    /// Weight of `centrality` (default 1.0).
    pub centrality: f64,
    /// Weight of `title` (default 0.5).
    pub title: f64,
    /// Weight of `length` (default 0.5).
    pub length: f64,
    /// Weight of `numbers` (default 0.1).
    pub numbers: f64,
    /// Weight of `heading` (default -1.5).
    pub heading: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { position: 2.0, paragraph: 0.2, quotes: -0.3, entities: 0.4, centrality: 1.0, title: 0.5, length: 0.5, numbers: 0.1, heading: -1.5 }
    }
}

impl Weights {
    /// Sets the weight of the feature called `feature`.
    pub fn set(&mut self, feature: &str, weight: f64) -> Result<(), Error> {
        let slot = match feature {
            "position" => &mut self.position,
            "paragraph" => &mut self.paragraph,
            "quotes" => &mut self.quotes,
            "entities" => &mut self.entities,
            "centrality" => &mut self.centrality,
            "title" => &mut self.title,
            "length" => &mut self.length,
            "numbers" => &mut self.numbers,
            "heading" => &mut self.heading,
            _ => {
                return Err(Error::invalid(
                    &format!("weights.{feature}"),
                    "is not a feature (known: position, paragraph, quotes, entities, centrality, title, length, numbers, heading)".to_string(),
                ))
            }
        };
        *slot = weight;
        Ok(())
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        let all = [
            ("position", self.position),
            ("paragraph", self.paragraph),
            ("quotes", self.quotes),
            ("entities", self.entities),
            ("centrality", self.centrality),
            ("title", self.title),
            ("length", self.length),
            ("numbers", self.numbers),
            ("heading", self.heading),
        ];
        for (name, weight) in all {
            if !weight.is_finite() || weight.abs() > 1000.0 {
                return Err(Error::invalid(&format!("weights.{name}"), format!("must be a finite number from -1000 to 1000, got {weight}")));
            }
        }
        Ok(())
    }
}

/// Feature values, contributions and totals of every sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scores {
    pub features: Vec<Features>,
    pub contributions: Vec<Features>,
    pub totals: Vec<f64>,
}

/// Scores every sentence.
pub(crate) fn score_sentences(
    text: &str,
    sentences: &[SentenceSpan],
    words: &[Vec<Word>],
    people: &People,
    quotes: &[QuoteFound],
    article: &Article,
    weights: &Weights,
) -> Scores {
    // Document frequencies of content words, lower-cased.
    let mut frequency: HashMap<String, u32> = HashMap::new();
    let mut keys: Vec<Vec<String>> = Vec::with_capacity(words.len());
    for sentence_words in words {
        let mut sentence_keys: Vec<String> = sentence_words
            .iter()
            .map(|w| w.span.slice(text).to_lowercase())
            .filter(|k| k.chars().count() > 2 && !is_stopword(k))
            .collect();
        sentence_keys.sort_unstable();
        sentence_keys.dedup();
        for key in &sentence_keys {
            *frequency.entry(key.clone()).or_insert(0) += 1;
        }
        keys.push(sentence_keys);
    }
    let title_keys: Vec<String> = article
        .title
        .map(|t| t.slice(text).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).filter(|k| !is_stopword(k)).collect())
        .unwrap_or_default();
    let mut person_weight = vec![0.0f64; people.persons.len()];
    for p in &people.persons {
        person_weight[p.id] = p.mentions.len() as f64;
    }
    let max_person = person_weight.iter().copied().fold(1.0, f64::max);
    let mut entity_sum = vec![0.0f64; sentences.len()];
    for m in &people.mentions {
        if let Some(slot) = entity_sum.get_mut(m.sentence) {
            *slot += person_weight.get(m.person).copied().unwrap_or(0.0) / max_person;
        }
    }
    let mut quoted = vec![0usize; sentences.len()];
    for q in quotes {
        for (i, s) in sentences.iter().enumerate().skip(q.sentence) {
            if s.span.start >= q.outer.end {
                break;
            }
            let overlap = s.span.end.min(q.outer.end).saturating_sub(s.span.start.max(q.outer.start));
            quoted[i] += overlap;
        }
    }
    let n = sentences.len().max(1) as f64;
    let mut scores = Scores::default();
    let mut centralities: Vec<f64> = keys
        .iter()
        .map(|k| {
            if k.is_empty() {
                0.0
            } else {
                let shared: f64 = k.iter().map(|key| (frequency.get(key).copied().unwrap_or(1) as f64 - 1.0).min(n)).sum();
                shared / (k.len() as f64).sqrt()
            }
        })
        .collect();
    let max_centrality = centralities.iter().copied().fold(0.0, f64::max);
    if max_centrality > 0.0 {
        for c in &mut centralities {
            *c /= max_centrality;
        }
    }
    for (i, s) in sentences.iter().enumerate() {
        let sentence_text = s.span.slice(text);
        let word_count = words.get(i).map_or(0, Vec::len);
        let title_overlap = if title_keys.is_empty() {
            0.0
        } else {
            let k = &keys[i];
            title_keys.iter().filter(|t| k.binary_search(t).is_ok()).count() as f64 / title_keys.len() as f64
        };
        let features = Features {
            position: 1.0 / (1.0 + i as f64 * 0.5),
            paragraph: if s.in_paragraph == 0 { 1.0 } else { 0.0 },
            quotes: (quoted[i] as f64 / s.span.len().max(1) as f64).min(1.0),
            entities: entity_sum[i].min(1.0),
            centrality: centralities[i],
            title: title_overlap,
            length: (word_count as f64 / 20.0).min(1.0),
            numbers: if words.get(i).is_some_and(|ws| ws.iter().any(|w| w.numeric)) { 1.0 } else { 0.0 },
            heading: if ends_sentence(sentence_text) { 0.0 } else { 1.0 },
        };
        let contributions = features.dot(weights);
        scores.totals.push(contributions.sum());
        scores.features.push(features);
        scores.contributions.push(contributions);
    }
    scores
}

fn ends_sentence(sentence: &str) -> bool {
    let trimmed = sentence.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '।', '؟'])
}

fn is_stopword(word: &str) -> bool {
    matches!(word, "the" | "and" | "for" | "that" | "with" | "was" | "were" | "this" | "from" | "have" | "has" | "had" | "are" | "but" | "not" | "his" | "her" | "they" | "their" | "been" | "will" | "would" | "said" | "says" | "which" | "who" | "after" | "about" | "more" | "also" | "into" | "than" | "when" | "what" | "there" | "over" | "its" | "it's" | "she" | "him" | "one" | "out" | "all" | "can" | "could")
}
