//! The role the text gives a name: before it ("U.S. Secretary of State Marco Rubio", "Reds manager Ray Knight"),
//! or in an apposition after it ("Rustem Umerov, head of the Ukrainian delegation,") or before it ("The head of
//! the Ukrainian delegation, Rustem Umerov,").

use super::detect::{is_place_like, title_kind, COUNTRY_ABBREVIATIONS};
use crate::lexicon::{lexicons, one_of, TitleKind};
use crate::tokens::{name_key, Word};

/// Nouns that head a role in an apposition though they are no title before a name: "head of the Ukrainian
/// delegation", "a member of parliament", "his wife".
const APPOSITION_HEADS: &[&str] = &[
    "head", "member", "leader", "founder", "co-founder", "owner", "chief", "boss", "wife", "husband", "son", "daughter",
    "father", "mother", "brother", "sister", "widow", "partner", "friend", "colleague", "deputy", "successor",
    "predecessor", "architect", "author", "creator", "winner", "runner-up", "holder", "veteran",
];

/// A role written before the name: "U.S. Secretary of State", "Russian President", "U.S. negotiators"
/// (reported in the singular). Returns the role and whether it was plural.
pub(super) fn role_before(text: &str, words: &[Word], first: usize) -> (Option<String>, bool) {
    let lex = lexicons();
    let mut buffer = String::new();
    let mut start = first;
    let mut has_title = false;
    let mut title_end = first;
    let mut plural = false;
    let mut capitalised_modifiers = 0;
    while start > 0 {
        let (Some(candidate), Some(next)) = (words.get(start - 1), words.get(start)) else { break };
        let gap = text.get(candidate.span.end..next.span.start).unwrap_or("");
        if !(gap == " " || gap == ". " || gap == "\u{a0}") {
            break;
        }
        let key = name_key(candidate.span.slice(text), &mut buffer).to_string();
        let singular = key.strip_suffix('s').unwrap_or(&key);
        let title = title_kind(&key).is_some();
        let plural_title = !title && key.ends_with('s') && title_kind(singular).is_some();
        let modifier = lex.nationalities.contains(&key)
            || is_place_like(&key)
            || one_of(&key, COUNTRY_ABBREVIATIONS)
            || lex.role_links.contains(&key);
        // An organisation's name before a title: "Reds manager Ray Knight", "White House press secretary".
        let organisation = has_title && candidate.capitalized && !candidate.numeric && capitalised_modifiers < 3;
        if !(title || plural_title || modifier || organisation) {
            break;
        }
        if organisation && !title && !modifier {
            capitalised_modifiers += 1;
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
    let is_link = |k: usize, buffer: &mut String| {
        words.get(k).is_some_and(|w| matches!(name_key(w.span.slice(text), buffer), "of" | "the" | "and" | "for" | "new" | "then" | "former" | "late"))
    };
    let mut end = first;
    while start < title_end && is_link(start, &mut buffer) {
        start += 1;
    }
    while end > title_end && is_link(end - 1, &mut buffer) {
        end -= 1;
    }
    let (Some(from), Some(to)) = (words.get(start), end.checked_sub(1).and_then(|e| words.get(e))) else { return (None, false) };
    let Some(slice) = text.get(from.span.start..to.span.end) else { return (None, false) };
    let mut role = slice.to_string();
    if plural && end == title_end && role.ends_with('s') {
        role.pop();
    }
    // An honorific alone is not a role: "Mr. Putin".
    let key = name_key(&role, &mut buffer).to_string();
    if matches!(title_kind(&key), Some(TitleKind::Honorific)) || matches!(key.as_str(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr") {
        return (None, false);
    }
    (Some(role), plural)
}

/// "Rustem Umerov, head of the Ukrainian delegation, …": the apposition after the name.
pub(super) fn role_after(text: &str, words: &[Word], last: usize, sentence_end: usize) -> Option<String> {
    let word = words.get(last)?;
    let after = text.get(word.span.end..sentence_end)?;
    let rest = after.strip_prefix(", ")?;
    role_phrase(rest)
}

/// "The head of the Ukrainian delegation, Rustem Umerov": the apposition before the name.
pub(super) fn role_in_apposition_before(text: &str, words: &[Word], first: usize, sentence_start: usize) -> Option<String> {
    let word = words.get(first)?;
    let before = text.get(sentence_start..word.span.start)?;
    let before = before.strip_suffix(", ")?;
    let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let clause = before.get(clause_start..)?.trim();
    role_phrase(clause).filter(|r| clause.len().saturating_sub(r.len()) <= 4)
}

/// A role phrase at the start of `rest` up to the next comma or period: "the head of the Ukrainian
/// delegation", "a spokesman for the ministry". It must hold a title word and start like a noun phrase.
pub(super) fn role_phrase(rest: &str) -> Option<String> {
    let lex = lexicons();
    let mut buffer = String::new();
    let end = rest.find([',', ';', '.', '(', ')', '"', '“', '”']).unwrap_or(rest.len());
    let phrase = rest.get(..end)?.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let skip = match name_key(words.first()?, &mut buffer) {
        "the" | "a" | "an" => 1,
        _ => 0,
    };
    let head = words.get(skip)?;
    let head_key = name_key(head, &mut buffer).to_string();
    if head.chars().next().is_some_and(char::is_uppercase)
        && !lex.nationalities.contains(&head_key)
        && title_kind(&head_key).is_none()
        && !is_place_like(&head_key)
        && !one_of(&head_key, COUNTRY_ABBREVIATIONS)
    {
        return None;
    }
    let is_title = |w: &str, buffer: &mut String| {
        let key = name_key(w, buffer).to_string();
        title_kind(&key).is_some() || key.strip_suffix('s').is_some_and(|s| title_kind(s).is_some()) || one_of(&key, APPOSITION_HEADS)
    };
    let has_title = words.iter().skip(skip).take(4).any(|w| is_title(w, &mut buffer));
    if !has_title || words.iter().skip(skip).any(|w| lex.speech_verbs.contains(name_key(w, &mut buffer))) {
        return None;
    }
    Some(words.get(skip..)?.join(" "))
}
