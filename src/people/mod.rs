//! People in the story: capitalised name sequences accepted on evidence, aliases merged, roles read off the
//! text.
//!
//! A run of capitalised words is a name candidate once leading titles, nationalities and places are peeled
//! off ("U.S. Secretary of State Marco Rubio" → role "U.S. Secretary of State", name "Marco Rubio"). Evidence
//! for a person: a known given name, a known surname, a person title before it, a speech verb next to it
//! ("said Smith", "Smith told"), an age or role apposition ("Copeland, 31,", "Umerov, head of…"). Evidence
//! against: place, organisation, nationality, month or common-word tokens. A full name accepted once is a
//! name everywhere in the document; a lone surname is an alias of the nearest earlier full name that ends in
//! it, so "Bill Clinton" and "Hillary Clinton" stay apart.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::clean::Article;
use crate::lexicon::{lexicons, lower, AbbreviationKind};
use crate::sentences::SentenceSpan;
use crate::span::Span;
use crate::tokens::{strip_possessive, Word};

/// People found in the document and every mention of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    pub persons: Vec<PersonFound>,
    pub mentions: Vec<Mention>,
}

/// One person with all their mentions.
#[derive(Debug, Clone)]
pub(crate) struct PersonFound {
    /// Position in [`People::persons`]; quotes refer to people by it.
    pub id: usize,
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub role: Option<String>,
}

impl PersonFound {
    /// Byte offset of the first mention.
    pub fn first(&self) -> usize {
        self.mentions.first().map_or(0, |m| m.start)
    }
}

/// A mention of a person in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub span: Span,
    pub person: usize,
    pub sentence: usize,
}

/// A name candidate: the name's words (titles peeled off) in one sentence.
#[derive(Debug, Clone)]
struct Candidate {
    sentence: usize,
    span: Span,
    parts: Vec<String>,
    evidence: f64,
    role: Option<String>,
}

/// Connecting words inside names: "Ludwig van Beethoven", "Osama bin Laden".
const NAME_CONNECTORS: &[&str] = &["van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "ibn", "ter", "dos", "das"];

/// Words that may sit inside a role before a name: "Secretary of State", "former Prime Minister".
const ROLE_LINKS: &[&str] = &["of", "for", "the", "and", "state", "foreign", "defence", "defense", "vice", "deputy", "former", "prime", "chief", "executive", "senior", "national", "security", "affairs", "interior", "finance", "health", "justice", "general", "assistant", "acting", "head", "team", "club", "party", "opposition", "labour", "labor", "republican", "democratic", "conservative", "white", "house"];

/// Finds the people of the article.
pub(crate) fn find_people(text: &str, sentences: &[SentenceSpan], words: &[Vec<Word>], _article: &Article) -> People {
    let mut candidates = Vec::new();
    for (index, sentence_words) in words.iter().enumerate() {
        find_candidates(text, index, sentences, sentence_words, &mut candidates);
    }
    merge_candidates(candidates)
}

fn find_candidates(text: &str, sentence: usize, sentences: &[SentenceSpan], words: &[Word], out: &mut Vec<Candidate>) {
    let lex = lexicons();
    let mut buffer = String::new();
    let sentence_start = sentences.get(sentence).map_or(0, |s| s.span.start);
    // A headline in capitals tells nothing about names.
    let letters_upper = words.iter().filter(|w| w.all_caps).count();
    if words.len() >= 3 && letters_upper * 2 > words.len() {
        return;
    }
    let mut shared_role: Option<(String, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        if !is_name_word(text, &words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() {
            let gap = &text[words[j].span.end..words[j + 1].span.start];
            let current = words[j].span.slice(text);
            if is_name_word(text, &words[j + 1]) && joins(gap, current) {
                j += 1;
            } else if j + 2 < words.len()
                && NAME_CONNECTORS.contains(&words[j + 1].span.slice(text))
                && gap == " "
                && &text[words[j + 1].span.end..words[j + 2].span.start] == " "
                && is_name_word(text, &words[j + 2])
            {
                j += 2;
            } else {
                break;
            }
        }
        let run = &words[i..=j];
        let mut core = 0;
        let mut title_before = false;
        while core < run.len() {
            let word = strip_possessive(run[core].span.slice(text)).trim_end_matches('.');
            let key = lower(word, &mut buffer);
            let strip = lex.titles.contains(key) || is_title_abbreviation(key);
            if strip {
                title_before = true;
            }
            let is_given = lex.given_names.contains(key) || lex.ambiguous_given_names.contains(key);
            let peel = strip
                || (lex.nationalities.contains(key) && !is_given)
                || (lex.places.contains(key) && !is_given)
                || key == "the"
                || (ROLE_LINKS.contains(&key) && !is_given)
                || (lex.common_words.contains(key) && !is_given && !lex.surnames.contains(key))
                || (core == 0 && i == 0 && sentence_opener_word(key) && run.len() > 1);
            if !peel {
                break;
            }
            core += 1;
        }
        if core >= run.len() {
            i = j + 1;
            continue;
        }
        let name_words = &run[core..];
        let parts: Vec<String> = name_words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let s = w.span.slice(text);
                if k + 1 == name_words.len() { strip_possessive(s).to_string() } else { s.to_string() }
            })
            .collect();
        let first_word = i + core;
        let span = Span::new(words[first_word].span.start, words[first_word].span.start + {
            let last = name_words[name_words.len() - 1];
            let s = last.span.slice(text);
            last.span.start - words[first_word].span.start + strip_possessive(s).len()
        });
        let mut evidence = name_evidence(&parts);
        if title_before || title_precedes(text, words, first_word, &mut buffer) {
            evidence += 3.0;
        }
        if speech_verb_after(text, words, j, &mut buffer) || speech_verb_before(text, words, first_word, &mut buffer) {
            evidence += 2.0;
        }
        evidence += apposition_evidence(text, words, j, sentences.get(sentence).map_or(text.len(), |s| s.span.end));
        if first_word == 0 && parts.len() == 1 && words[0].span.start == sentence_start {
            // A lone capitalised word opening a sentence is weak evidence of anything.
            evidence -= 0.5;
        }
        let (mut role, mut plural_role) = role_before(text, words, first_word, &mut buffer);
        if role.is_some() && !title_before {
            evidence += 3.0;
        }
        if role.is_none() {
            if let Some((shared, end)) = &shared_role {
                // "U.S. negotiators Steve Witkoff and Jared Kushner": the second name shares the plural role.
                if first_word >= 2 && *end + 2 == first_word && words[first_word - 1].span.slice(text) == "and" {
                    role = Some(shared.clone());
                }
            }
        }
        if role.is_none() {
            role = role_after(text, words, j, sentences.get(sentence).map_or(text.len(), |s| s.span.end))
                .or_else(|| role_in_apposition_before(text, words, first_word, sentence_start));
            plural_role = false;
        }
        if plural_role {
            if let Some(r) = &role {
                shared_role = Some((r.clone(), j));
            }
        } else {
            shared_role = None;
        }
        out.push(Candidate { sentence, span, parts, evidence, role });
        i = j + 1;
    }
}

/// Capitalised, not a number, not an all-capitals word of more than two letters ("NATO", "LONDON").
fn is_name_word(text: &str, word: &Word) -> bool {
    if !word.capitalized || word.numeric {
        return false;
    }
    let s = word.span.slice(text);
    !(word.all_caps && s.chars().filter(|c| c.is_alphabetic()).count() > 2)
}

/// Whether two name words separated by `gap` belong to one name: a single space, or ". " after an initial or
/// a title abbreviation ("J. R. R. Tolkien", "Mr. Putin").
fn joins(gap: &str, current: &str) -> bool {
    if gap == " " || gap == "\u{a0}" {
        return true;
    }
    if gap == ". " || gap == "." {
        let letters = current.chars().filter(|c| c.is_alphabetic()).count();
        let mut buffer = String::new();
        return letters == 1 || is_title_abbreviation(lower(current, &mut buffer));
    }
    false
}

fn is_title_abbreviation(key: &str) -> bool {
    matches!(lexicons().abbreviations.get(key), Some(AbbreviationKind::Title))
}

fn sentence_opener_word(key: &str) -> bool {
    matches!(key, "but" | "and" | "as" | "if" | "when" | "while" | "after" | "before" | "because" | "so" | "yet" | "then" | "meanwhile" | "however")
}

/// Evidence from the name's own words: given names, surnames, and words that are rarely names.
fn name_evidence(parts: &[String]) -> f64 {
    let lex = lexicons();
    let mut buffer = String::new();
    let mut evidence = 0.0;
    let n = parts.len();
    for (k, part) in parts.iter().enumerate() {
        let key = lower(part.trim_end_matches('.'), &mut buffer).to_string();
        if k == 0 && n > 1 {
            if lex.given_names.contains(&key) {
                evidence += 2.0;
            } else if lex.ambiguous_given_names.contains(&key) {
                evidence += 1.0;
            }
        }
        if k + 1 == n && n > 1 {
            if lex.surnames.contains(&key) {
                evidence += 1.0;
            } else if lex.ambiguous_surnames.contains(&key) {
                evidence += 0.5;
            }
        }
        if lex.places.contains(&key) || lex.nationalities.contains(&key) {
            evidence -= 1.5;
        }
        if lex.organizations.contains(&key) || calendar().contains(&key) {
            evidence -= 3.0;
        }
        if lex.common_words.contains(&key) && !lex.given_names.contains(&key) && !lex.surnames.contains(&key) {
            evidence -= 1.5;
        }
    }
    if n > 4 {
        evidence -= 2.0;
    }
    if n > 1 {
        evidence += 0.5;
    }
    evidence
}

fn calendar() -> &'static HashSet<String> {
    static CALENDAR: OnceLock<HashSet<String>> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        include_str!("../data/calendar.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
    })
}

fn title_precedes(text: &str, words: &[Word], first: usize, buffer: &mut String) -> bool {
    first > 0 && {
        let previous = words[first - 1].span.slice(text).trim_end_matches('.');
        let key = lower(previous, buffer);
        lexicons().titles.contains(key) && !text[words[first - 1].span.end..words[first].span.start].contains(',')
    }
}

fn speech_verb_after(text: &str, words: &[Word], last: usize, buffer: &mut String) -> bool {
    let Some(next) = words.get(last + 1) else { return false };
    let gap = &text[words[last].span.end..next.span.start];
    gap.trim().is_empty() && lexicons().speech_verbs.contains(lower(next.span.slice(text), buffer))
}

fn speech_verb_before(text: &str, words: &[Word], first: usize, buffer: &mut String) -> bool {
    if first == 0 {
        return false;
    }
    let previous = words[first - 1];
    let gap = &text[previous.span.end..words[first].span.start];
    if !gap.trim().is_empty() {
        return false;
    }
    let key = lower(previous.span.slice(text), buffer);
    key == "to" && first >= 2 && lower(words[first - 2].span.slice(text), buffer) == "according"
        || lexicons().speech_verbs.contains(lower(previous.span.slice(text), buffer))
}

/// ", 31," (an age) or ", the head of …" right after the name.
fn apposition_evidence(text: &str, words: &[Word], last: usize, sentence_end: usize) -> f64 {
    let after = text.get(words[last].span.end..sentence_end).unwrap_or("");
    let Some(rest) = after.strip_prefix(", ") else { return 0.0 };
    let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    if !next.is_empty() && next.chars().all(|c| c.is_ascii_digit()) && next.len() <= 3 {
        return 3.0;
    }
    let mut buffer = String::new();
    if role_phrase(rest, &mut buffer).is_some() {
        return 1.5;
    }
    0.0
}

/// A role written before the name: "U.S. Secretary of State", "Russian President", "U.S. negotiators"
/// (reported in the singular). Returns the role and whether it was plural.
fn role_before(text: &str, words: &[Word], first: usize, buffer: &mut String) -> (Option<String>, bool) {
    let lex = lexicons();
    let mut start = first;
    let mut has_title = false;
    let mut title_end = first;
    let mut plural = false;
    while start > 0 {
        let candidate = words[start - 1];
        let gap = &text[candidate.span.end..words[start].span.start];
        if !(gap == " " || gap == ". " || gap == "\u{a0}") {
            break;
        }
        let raw = candidate.span.slice(text).trim_end_matches('.');
        let key = lower(raw, buffer).to_string();
        let singular = key.strip_suffix('s').unwrap_or(&key).to_string();
        let title = lex.titles.contains(&key) || is_title_abbreviation(&key);
        let plural_title = !title && key.ends_with('s') && lex.titles.contains(&singular);
        let modifier = lex.nationalities.contains(&key) || lex.places.contains(&key) || ROLE_LINKS.contains(&key.as_str());
        if !(title || plural_title || modifier) {
            break;
        }
        if (title || plural_title) && !has_title {
            has_title = true;
            title_end = start;
            plural = plural_title;
        }
        start -= 1;
    }
    if !has_title {
        return (None, false);
    }
    let mut end = first;
    let is_link = |k: usize, buffer: &mut String| matches!(lower(words[k].span.slice(text), buffer), "of" | "the" | "and" | "for");
    while start < title_end && is_link(start, buffer) {
        start += 1;
    }
    while end > title_end && is_link(end - 1, buffer) {
        end -= 1;
    }
    let span = Span::new(words[start].span.start, words[end - 1].span.end);
    let mut role = span.slice(text).to_string();
    if plural && end == title_end {
        role.pop();
    }
    // An honorific alone is not a role: "Mr. Putin".
    if matches!(role.trim_end_matches('.').to_lowercase().as_str(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr") {
        return (None, false);
    }
    (Some(role), plural)
}

/// "Rustem Umerov, head of the Ukrainian delegation, …": the apposition after the name.
fn role_after(text: &str, words: &[Word], last: usize, sentence_end: usize) -> Option<String> {
    let after = text.get(words[last].span.end..sentence_end)?;
    let rest = after.strip_prefix(", ")?;
    let mut buffer = String::new();
    role_phrase(rest, &mut buffer)
}

/// "The head of the Ukrainian delegation, Rustem Umerov": the apposition before the name.
fn role_in_apposition_before(text: &str, words: &[Word], first: usize, sentence_start: usize) -> Option<String> {
    let before = text.get(sentence_start..words[first].span.start)?;
    let before = before.strip_suffix(", ")?;
    let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let clause = before[clause_start..].trim();
    let mut buffer = String::new();
    role_phrase(clause, &mut buffer).filter(|r| clause.len() - r.len() <= 4)
}

/// A role phrase at the start of `rest` up to the next comma or period: "the head of the Ukrainian
/// delegation", "a spokesman for the ministry". It must hold a title word and start like a noun phrase.
fn role_phrase(rest: &str, buffer: &mut String) -> Option<String> {
    let end = rest.find([',', ';', '.', '(', ')', '"', '“', '”']).unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let lex = lexicons();
    let skip = match lower(words[0], buffer) {
        "the" | "a" | "an" => 1,
        _ => 0,
    };
    let head = words.get(skip)?;
    if head.chars().next().is_some_and(char::is_uppercase) && !lex.nationalities.contains(lower(head, buffer)) && !lex.titles.contains(lower(head, buffer)) {
        return None;
    }
    let has_title = words[skip..].iter().take(4).any(|w| lex.titles.contains(lower(w.trim_end_matches(['s', '’', '\'']), buffer)) || lex.titles.contains(lower(w, buffer)));
    if !has_title || words[skip..].iter().any(|w| lex.speech_verbs.contains(lower(w, buffer))) {
        return None;
    }
    Some(words[skip..].join(" "))
}

/// Accepts candidates with enough evidence anywhere in the document, merges aliases, and counts mentions.
fn merge_candidates(candidates: Vec<Candidate>) -> People {
    let lex = lexicons();
    let mut buffer = String::new();
    // Evidence of a full name, summed over the document: one strong occurrence makes it a name everywhere.
    let mut full_evidence: HashMap<String, f64> = HashMap::new();
    for c in candidates.iter().filter(|c| c.parts.len() > 1) {
        let entry = full_evidence.entry(c.parts.join(" ")).or_insert(f64::MIN);
        *entry = entry.max(c.evidence);
    }
    let mut persons: Vec<PersonFound> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_token: HashMap<String, Vec<usize>> = HashMap::new();
    let mut last_seen: Vec<usize> = Vec::new();
    let mut mentions = Vec::new();
    let mut pending_single: Vec<&Candidate> = Vec::new();
    for c in &candidates {
        if c.parts.len() == 1 {
            pending_single.push(c);
            continue;
        }
        let name = c.parts.join(" ");
        if full_evidence.get(&name).copied().unwrap_or(f64::MIN) < 2.0 {
            continue;
        }
        let key = name_key(&c.parts);
        let id = match by_name.get(&key) {
            Some(&id) => id,
            None => {
                let id = persons.len();
                persons.push(PersonFound { id, name: name.clone(), aliases: Vec::new(), mentions: Vec::new(), role: None, });
                last_seen.push(0);
                by_name.insert(key, id);
                for part in &c.parts {
                    let token = lower(part, &mut buffer).to_string();
                    if !NAME_CONNECTORS.contains(&token.as_str()) {
                        by_token.entry(token).or_default().push(id);
                    }
                }
                id
            }
        };
        add_mention(&mut persons[id], c, &name, &mut mentions, id);
        last_seen[id] = c.span.start;
    }
    // Lone words: aliases of the nearest earlier full name they belong to, or people of their own on strong
    // evidence ("Mr. Smith", "Smith said").
    let mut single_evidence: HashMap<String, f64> = HashMap::new();
    for c in &pending_single {
        let entry = single_evidence.entry(c.parts[0].clone()).or_insert(f64::MIN);
        *entry = entry.max(c.evidence);
    }
    let mut order: Vec<(usize, usize)> = mentions.iter().map(|m: &Mention| (m.span.start, m.person)).collect();
    order.sort_unstable();
    for c in pending_single {
        let word = &c.parts[0];
        let key = lower(word, &mut buffer).to_string();
        let owners = by_token.get(&key);
        let person = match owners {
            Some(ids) if ids.len() == 1 => Some(ids[0]),
            Some(ids) => nearest_before(&order, ids, c.span.start).or_else(|| ids.iter().copied().max_by_key(|&id| persons[id].mentions.len())),
            None => None,
        };
        let id = match person {
            Some(id) => id,
            None => {
                let evidence = single_evidence.get(word).copied().unwrap_or(f64::MIN);
                let common = lex.common_words.contains(&key) || lex.places.contains(&key) || lex.nationalities.contains(&key) || lex.organizations.contains(&key) || calendar().contains(&key) || lex.titles.contains(&key);
                if evidence < 3.0 || common || word.chars().count() < 2 {
                    continue;
                }
                match by_name.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = persons.len();
                        persons.push(PersonFound { id, name: word.clone(), aliases: Vec::new(), mentions: Vec::new(), role: None });
                        by_name.insert(key.clone(), id);
                        by_token.entry(key).or_default().push(id);
                        id
                    }
                }
            }
        };
        add_mention(&mut persons[id], c, word, &mut mentions, id);
    }
    for person in &mut persons {
        person.mentions.sort_unstable();
        person.mentions.dedup();
    }
    mentions.sort_by_key(|m| m.span.start);
    People { persons, mentions }
}

fn nearest_before(order: &[(usize, usize)], ids: &[usize], at: usize) -> Option<usize> {
    let upto = order.partition_point(|&(start, _)| start < at);
    order[..upto].iter().rev().take(2000).find(|(_, person)| ids.contains(person)).map(|&(_, p)| p)
}

/// The key two spellings of one name share: first and last word, lower-cased ("Vladimir V. Putin" and
/// "Vladimir Putin").
fn name_key(parts: &[String]) -> String {
    let first = parts.first().map(|s| s.to_lowercase()).unwrap_or_default();
    let last = parts.last().map(|s| s.to_lowercase()).unwrap_or_default();
    format!("{first} {last}")
}

fn add_mention(person: &mut PersonFound, c: &Candidate, surface: &str, mentions: &mut Vec<Mention>, id: usize) {
    if surface != person.name && !person.aliases.iter().any(|a| a == surface) {
        person.aliases.push(surface.to_string());
    }
    if person.role.is_none() {
        person.role = c.role.clone();
    }
    person.mentions.push(c.span);
    mentions.push(Mention { span: c.span, person: id, sentence: c.sentence });
}

/// The order of people by salience: mentions, quotes, an early first mention, a place in the title.
pub(crate) fn rank_people(people: &People, quote_counts: &[usize], sentences: &[SentenceSpan]) -> Vec<usize> {
    let lead_end = sentences.get(3).map_or(usize::MAX, |s| s.span.start);
    let mut order: Vec<usize> = (0..people.persons.len()).collect();
    let salience = |p: &PersonFound| {
        let quotes = quote_counts.get(p.id).copied().unwrap_or(0) as f64;
        let lead = if p.first() < lead_end { 1.5 } else { 0.0 };
        p.mentions.len() as f64 + 1.5 * quotes.min(3.0) + lead
    };
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&people.persons[a], &people.persons[b]);
        salience(pb).total_cmp(&salience(pa)).then(pa.first().cmp(&pb.first()))
    });
    order
}
