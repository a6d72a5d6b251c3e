//! Selection: the summary's sentences, chosen by score within the requested length, without near-duplicates
//! and without dangling references, returned in article order.
//!
//! A sentence that opens by pointing back ("He added…", "But that…", "The 45-year-old…") is unreadable alone:
//! it either brings the sentence before it into the summary, within the requested count, or yields to the
//! next candidate (Zhang, Wan & Bansal, ACL 2023: incomplete coreference is the most common fault of
//! extractive summaries).

use std::collections::HashSet;

use crate::options::{Options, QuotePreference};
use crate::quotes::QuoteFound;
use crate::score::Scores;
use crate::sentences::SentenceSpan;
use crate::tokens::Word;

/// Two sentences sharing more than this share of their words are near-duplicates.
const MAX_OVERLAP: f64 = 0.6;

/// Indices of the summary sentences, in article order.
pub(crate) fn select_sentences(
    text: &str,
    sentences: &[SentenceSpan],
    words: &[Vec<Word>],
    scores: &Scores,
    quotes: &[QuoteFound],
    options: &Options,
) -> Vec<usize> {
    let n = sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let count = match (options.sentences, options.ratio, options.words) {
        (Some(k), _, _) => k.min(n),
        (_, Some(r), _) => ((n as f64 * r).round() as usize).clamp(1, n),
        (_, _, Some(_)) => n,
        _ => Options::DEFAULT_SENTENCES.min(n),
    };
    let word_budget = options.words;
    let quoted = quoted_sentences(sentences, quotes, n);
    let mut ranked: Vec<(f64, usize)> = (0..n)
        .map(|i| {
            let bonus = match options.quotes {
                QuotePreference::Prefer if quoted[i] => 1.0,
                QuotePreference::Avoid if quoted[i] => -100.0,
                _ => 0.0,
            };
            (scores.totals.get(i).copied().unwrap_or(0.0) + bonus, i)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let keys: Vec<HashSet<String>> = words
        .iter()
        .map(|ws| ws.iter().map(|w| w.span.slice(text).to_lowercase()).filter(|k| k.chars().count() > 2).collect())
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_words = 0usize;
    let word_count = |i: usize| words.get(i).map_or(0, Vec::len);
    let fits = |used: usize, extra: usize, chosen_len: usize| word_budget.is_none_or(|budget| used + extra <= budget || chosen_len == 0);
    for &(_, i) in &ranked {
        if chosen.len() >= count {
            break;
        }
        if chosen.contains(&i) || chosen.iter().any(|&c| overlap(&keys[c], &keys[i]) > MAX_OVERLAP) {
            continue;
        }
        let needs = i > 0 && dangles(text, sentences, words, i) && sentences[i - 1].paragraph == sentences[i].paragraph && !chosen.contains(&(i - 1));
        if needs {
            let antecedent = i - 1;
            let room = chosen.len() + 2 <= count;
            let readable = !dangles(text, sentences, words, antecedent) || antecedent == 0;
            let extra = word_count(i) + word_count(antecedent);
            if room && readable && fits(used_words, extra, chosen.len()) {
                chosen.push(antecedent);
                chosen.push(i);
                used_words += extra;
            }
            continue;
        }
        if fits(used_words, word_count(i), chosen.len()) {
            chosen.push(i);
            used_words += word_count(i);
        } else if word_budget.is_some() {
            continue;
        }
    }
    // Dangling sentences could leave the summary short: fill with the best remaining, dangling or not.
    if word_budget.is_none() {
        for &(_, i) in &ranked {
            if chosen.len() >= count {
                break;
            }
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

fn quoted_sentences(sentences: &[SentenceSpan], quotes: &[QuoteFound], n: usize) -> Vec<bool> {
    let mut quoted = vec![false; n];
    for q in quotes {
        for (i, s) in sentences.iter().enumerate().skip(q.sentence) {
            if s.span.start >= q.outer.end {
                break;
            }
            if q.span.len() * 2 >= s.span.len() / 2 {
                quoted[i] = true;
            }
        }
    }
    quoted
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

/// True when sentence `i` opens with a word that points back to an earlier sentence.
fn dangles(text: &str, sentences: &[SentenceSpan], words: &[Vec<Word>], i: usize) -> bool {
    let Some(first) = words.get(i).and_then(|ws| ws.first()) else { return false };
    let Some(sentence) = sentences.get(i) else { return false };
    let opening = text.get(sentence.span.start..first.span.start).unwrap_or("");
    if opening.contains(['“', '"', '‘']) {
        return false;
    }
    let word = first.span.slice(text).to_lowercase();
    let second = words[i].get(1).map(|w| w.span.slice(text).to_lowercase()).unwrap_or_default();
    match word.as_str() {
        "he" | "she" | "they" | "it" | "his" | "her" | "their" | "its" | "him" | "them" | "this" | "that" | "these" | "those" | "but" | "however" | "also" | "meanwhile" | "still" | "yet" | "instead" | "such" | "both" | "then" => true,
        "the" => second.contains('-') && second.chars().next().is_some_and(|c| c.is_ascii_digit()) || matches!(second.as_str(), "two" | "pair" | "couple" | "former" | "latter" | "man" | "woman" | "boy" | "girl"),
        _ => false,
    }
}
