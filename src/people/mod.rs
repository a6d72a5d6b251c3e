//! People in the story: capitalised name sequences accepted on evidence, aliases merged, roles read off the
//! text.
//!
//! Three steps, one file each:
//! 1. [`detect`] cuts every sentence into name candidates — runs of capitalised words with leading titles,
//!    nationalities and places peeled off ("U.S. Secretary of State Marco Rubio" → "Marco Rubio") — and weighs
//!    the evidence for each: a known given name or surname, a title before it, a speech verb next to it ("said
//!    Smith", "Smith told"), an apposition ("Copeland, 31,", "Umerov, head of…", "Adams, who…"), a results-table
//!    shape ("Michelle Freeman (Jamaica) 12.71"); and the evidence against: place, organisation, nationality,
//!    month or common-word tokens, a headline in capitals.
//! 2. [`role`] reads the role the text gives a name: before it ("Russian President"), or in an apposition on
//!    either side ("the head of the Ukrainian delegation, Rustem Umerov").
//! 3. [`merge`] accepts full names on their best evidence anywhere in the document (a name seen once with
//!    strong evidence is a name everywhere in it), then walks the mentions in order: a lone surname or given
//!    name is an alias of the person who owns it — the one mentioned last when two share it, so "Bill Clinton"
//!    and "Hillary Clinton" stay apart.

mod detect;
mod merge;
mod role;

use crate::clean::Article;
use crate::sentences::SentenceSpan;
use crate::span::Span;
use crate::tokens::SentenceWords;

/// People found in the document and every mention of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    pub persons: Vec<PersonFound>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// One person with all their mentions.
#[derive(Debug, Clone)]
pub(crate) struct PersonFound {
    /// Position in [`People::persons`]; quotes refer to people by it.
    pub id: usize,
    pub name: String,
    pub aliases: Vec<String>,
    /// Mention spans, in text order.
    pub mentions: Vec<Span>,
    pub role: Option<String>,
    /// Named in the article's title.
    pub in_title: bool,
    /// The gender a courtesy title or pronoun-free cue gave ("Mrs. Clinton"), when one did.
    pub gender: Option<Gender>,
}

impl PersonFound {
    /// Byte offset of the first mention.
    pub fn first(&self) -> usize {
        self.mentions.first().map_or(0, |m| m.start)
    }
}

/// What a courtesy title says about the person: "Mr." or "Mrs."/"Ms.".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// A mention of a person in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub span: Span,
    pub person: usize,
    pub sentence: usize,
}

/// Finds the people of the article: every sentence's candidates, weighed, merged into persons.
#[inline(never)]
pub(crate) fn find_people(text: &str, sentences: &[SentenceSpan], words: &SentenceWords, article: &Article) -> People {
    let mut candidates = detect::Candidates::for_text(text.len());
    let mut scratch = detect::Scratch::default();
    // The words were read from these same sentences, one list each, so the two run in step.
    for (index, (sentence, (sentence_words, capitals))) in sentences.iter().zip(words.iter_with_capitals()).enumerate() {
        detect::find_candidates(text, index, sentence.span, sentence_words, capitals, &mut scratch, &mut candidates);
    }
    let mut people = merge::merge_candidates(&candidates, true);
    // Tables and bylines are rare: their steps, out of line, are compiled only for the pages that have them.
    if article.removed.iter().any(|r| r.reason == "table") {
        add_table_people(text, article, &mut people);
    }
    if !article.authors.is_empty() {
        drop_authors(&mut people, &article.authors);
    }
    if let Some(title) = article.title {
        mark_title_names(text, title, &mut people);
    }
    people
}

/// Results tables and line-up lists ("1. Michelle Freeman (Jamaica) 12.71", "65 Billy Andrade, Duffy Waldorf")
/// are not summarised, yet they name people. The rows the article finder reports as "table" (runs of them; a lone
/// teaser, caption or author line is not one) are searched too, for full names only, and only people the prose
/// does not name already are added from them — so a table never adds a mention to a person of the story.
#[inline(never)]
fn add_table_people(text: &str, article: &Article, people: &mut People) {
    let mut candidates = detect::Candidates::default();
    let mut scratch = detect::Scratch::default();
    for removed in article.removed.iter().filter(|r| r.reason == "table") {
        let words = crate::tokens::tokenize(text, removed.span);
        // Whether a row has capitals is not noted: it is read.
        detect::find_candidates(text, usize::MAX, removed.span, &words, true, &mut scratch, &mut candidates);
    }
    if candidates.list.is_empty() {
        return;
    }
    let mut buffer = String::new();
    let known = crate::lexicon::sorted_distinct(
        people
            .persons
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .filter_map(|n| n.split_whitespace().last())
            .map(|w| crate::tokens::name_key(w, &mut buffer).to_string())
            .collect(),
    );
    let table = merge::merge_candidates(&candidates, false);
    for person in table.persons {
        let surname = person.name.split_whitespace().last().map(|w| crate::tokens::name_key(w, &mut buffer).to_string());
        if surname.is_some_and(|s| known.binary_search(&s).is_ok()) || person.mentions.is_empty() {
            continue;
        }
        let id = people.persons.len();
        people.persons.push(PersonFound { id, ..person });
    }
}

/// Bylines name the article's authors, not people in the story: a person whose name is an author's is dropped.
#[inline(never)]
fn drop_authors(people: &mut People, authors: &[String]) {
    if authors.is_empty() {
        return;
    }
    let is_author = |p: &PersonFound| authors.iter().any(|a| a.eq_ignore_ascii_case(&p.name));
    if !people.persons.iter().any(is_author) {
        return;
    }
    let mut renumber = vec![None; people.persons.len()];
    let mut kept = Vec::with_capacity(people.persons.len());
    for person in std::mem::take(&mut people.persons) {
        if is_author(&person) {
            continue;
        }
        renumber[person.id] = Some(kept.len());
        kept.push(PersonFound { id: kept.len(), ..person });
    }
    people.persons = kept;
    people.mentions.retain_mut(|m| match renumber.get(m.person).copied().flatten() {
        Some(id) => {
            m.person = id;
            true
        }
        None => false,
    });
}

/// A person whose surname appears in the title is more salient.
#[inline(never)]
fn mark_title_names(text: &str, title: Span, people: &mut People) {
    let title = title.slice(text);
    for person in &mut people.persons {
        let Some(surname) = person.name.split_whitespace().last() else { continue };
        person.in_title = title.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(surname));
    }
}

/// The order of people by salience: mentions, quotes, an early first mention, a place in the title.
pub(crate) fn rank_people(people: &People, quote_counts: &[usize], sentences: &[SentenceSpan]) -> Vec<usize> {
    let lead_end = sentences.get(3).map_or(usize::MAX, |s| s.span.start);
    let salience = |p: &PersonFound| {
        let quotes = quote_counts.get(p.id).copied().unwrap_or(0) as f64;
        let lead = if p.first() < lead_end { 1.5 } else { 0.0 };
        let title = if p.in_title { 2.0 } else { 0.0 };
        p.mentions.len() as f64 + 1.5 * quotes.min(3.0) + lead + title
    };
    let keys: Vec<u128> = people.persons.iter().map(|p| rank_key(salience(p), p.first())).collect();
    let mut order: Vec<usize> = (0..people.persons.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| keys.get(a) < keys.get(b));
    order
}

/// A person's place in [`rank_people`]'s order as one number, smaller first: the higher `score` first (in
/// `f64::total_cmp`'s order), then the earlier first mention. One comparison of two numbers, where the score and
/// the first mention were looked up and compared in turn. The score takes the high 64 bits, the offset the low.
fn rank_key(score: f64, first: usize) -> u128 {
    u128::from(crate::order::highest_first(score)) << 64 | first as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rank keys order people as comparing the score (highest first, in `total_cmp`'s order: signed zeros,
    /// infinities and NaNs included) and then the first mention does.
    #[test]
    fn rank_keys_order_as_the_comparisons_in_turn() {
        let scores = [f64::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-300, 0.5, 0.5000000000000001, 3.0, f64::INFINITY, f64::NAN, -f64::NAN];
        let firsts = [0, 1, 7, usize::MAX];
        let keys: Vec<(f64, usize)> = scores.iter().flat_map(|&s| firsts.iter().map(move |&f| (s, f))).collect();
        for &(sa, fa) in &keys {
            for &(sb, fb) in &keys {
                let expected = sb.total_cmp(&sa).then(fa.cmp(&fb));
                assert_eq!(rank_key(sa, fa).cmp(&rank_key(sb, fb)), expected, "{sa} {fa} / {sb} {fb}");
            }
        }
    }
}
