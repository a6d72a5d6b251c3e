//! From candidates to people: full names accepted on their best evidence in the document, initials and lone
//! names resolved to the person they stand for, every mention counted.
//!
//! All look-ups go through hash maps keyed by name words, and a word's list of owners is bounded, so the
//! whole step is linear in the number of candidates.

use crate::lexicon::{one_of, FastMap};

use super::detect::{
    given_name_strength, is_common_word, is_non_person_head, is_place_like, title_kind, Candidate, NAME_CONNECTORS,
    SUFFIXES,
};
use super::{Mention, People, PersonFound};
use crate::lexicon::lexicons;
use crate::tokens::name_key;

/// Evidence a full name needs somewhere in the document: a known given name alone gives 2.5.
const FULL_NAME_THRESHOLD: f64 = 2.0;
/// Evidence a lone word needs to be a person of its own ("Mr. Smith", "Smith told reporters").
const SINGLE_NAME_THRESHOLD: f64 = 3.0;
/// A word is looked up among at most this many owners: enough for any real article, and a bound on the work.
const MAX_OWNERS: usize = 16;

/// What a candidate's words are, as keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Form {
    /// A given name (or more) and a surname: ("vladimir", "putin").
    Full(String, String),
    /// An initial and a surname: ('m', "butcher").
    Initial(char, String),
    /// One name word, or a surname with its particles ("van der Westhuizen"): "putin".
    Single(String),
}

fn form_of(candidate: &Candidate) -> Option<Form> {
    let mut buffer = String::new();
    let keys: Vec<String> = candidate.name.split(' ').map(|p| name_key(p, &mut buffer).to_string()).collect();
    let meaningful: Vec<&str> = keys.iter().map(String::as_str).filter(|k| !one_of(k, SUFFIXES)).collect();
    let last = (*meaningful.last()?).to_string();
    let first = *meaningful.first()?;
    if meaningful.len() == 1 || one_of(first, NAME_CONNECTORS) {
        return Some(Form::Single(last));
    }
    let first_part = candidate.name.split(' ').next()?;
    let first_letters: Vec<char> = first_part.chars().filter(|c| c.is_alphabetic()).collect();
    if first_letters.len() == 1 || (first_part.contains('.') && first_letters.len() <= 3 && first_part.len() <= 5) {
        let initial = first.chars().next()?;
        return Some(Form::Initial(initial, last));
    }
    Some(Form::Full(first.to_string(), last))
}

/// Words a person is found by: the surname (and each part of a hyphenated one), the given name.
struct Owners {
    by_surname: FastMap<String, Vec<usize>>,
    by_given: FastMap<String, Vec<usize>>,
    /// By the number of an initial form ("M. Butcher"): people whose given name starts with the initial.
    by_initial: Vec<Vec<usize>>,
}

impl Owners {
    fn add(&mut self, id: usize, first: &str, last: &str, numbers: &FastMap<&Form, usize>) {
        push_bounded(self.by_surname.entry(last.to_string()).or_default(), id);
        if last.contains('-') {
            for part in last.split('-').filter(|p| p.chars().count() > 2) {
                push_bounded(self.by_surname.entry(part.to_string()).or_default(), id);
            }
        }
        if !first.is_empty() {
            push_bounded(self.by_given.entry(first.to_string()).or_default(), id);
            // Only initial forms the text uses are ever looked up.
            if let Some(&number) = first.chars().next().and_then(|initial| numbers.get(&Form::Initial(initial, last.to_string()))) {
                if let Some(list) = self.by_initial.get_mut(number) {
                    push_bounded(list, id);
                }
            }
        }
    }
}

fn push_bounded(list: &mut Vec<usize>, id: usize) {
    if list.len() < MAX_OWNERS && !list.contains(&id) {
        list.push(id);
    }
}

/// Accepts candidates with enough evidence anywhere in the document, merges aliases, and counts mentions.
/// `lone_names`: whether a lone word may be a person of its own (not in results tables, where any capitalised
/// word next to a figure would qualify).
pub(super) fn merge_candidates(candidates: &[Candidate], lone_names: bool) -> People {
    let forms: Vec<Option<Form>> = candidates.iter().map(form_of).collect();
    // Each distinct form numbered, so what is known of it sits in lists rather than in more hash maps.
    let mut numbers: FastMap<&Form, usize> = FastMap::default();
    let form_numbers: Vec<Option<usize>> = forms
        .iter()
        .map(|form| {
            let next = numbers.len();
            form.as_ref().map(|form| *numbers.entry(form).or_insert(next))
        })
        .collect();
    let number_of = |form: &Form| numbers.get(form).copied().unwrap_or(usize::MAX);

    // The best evidence of each full name and initial form, over the whole document.
    let mut best = vec![f64::MIN; numbers.len()];
    let mut best_context = vec![f64::MIN; numbers.len()];
    for (candidate, &number) in candidates.iter().zip(&form_numbers) {
        let Some(number) = number else { continue };
        if candidate.headline {
            continue;
        }
        best[number] = best[number].max(candidate.evidence);
        best_context[number] = best_context[number].max(candidate.context);
    }
    // A surname said with a speech verb or a title elsewhere ("Umerov affirmed") supports its full name.
    let mut surname_context: FastMap<&str, f64> = FastMap::default();
    for (candidate, form) in candidates.iter().zip(&forms) {
        if let Some(Form::Single(key)) = form {
            if !candidate.headline {
                let entry = surname_context.entry(key.as_str()).or_insert(0.0);
                *entry = entry.max(candidate.context);
            }
        }
    }
    let accepted = |form: &Form| {
        let support = match form {
            Form::Full(_, last) | Form::Initial(_, last) => surname_context.get(last.as_str()).copied().unwrap_or(0.0).min(3.0) * 0.5,
            Form::Single(_) => 0.0,
        };
        best.get(number_of(form)).copied().unwrap_or(f64::MIN) + support >= FULL_NAME_THRESHOLD
    };

    let mut persons: Vec<PersonFound> = Vec::new();
    let mut owners = Owners { by_surname: FastMap::default(), by_given: FastMap::default(), by_initial: vec![Vec::new(); numbers.len()] };
    // The person each form stands for, by its number.
    let mut person_of: Vec<Option<usize>> = vec![None; numbers.len()];
    let mut full_counts: Vec<usize> = Vec::new();
    // Full names first, in order of first appearance, each under its fullest spelling.
    for ((candidate, form), &number) in candidates.iter().zip(&forms).zip(&form_numbers) {
        let (Some(form @ Form::Full(first, last)), Some(number)) = (form, number) else { continue };
        if candidate.headline || !accepted(form) {
            continue;
        }
        match person_of[number] {
            Some(id) => {
                if let Some(person) = persons.get_mut(id) {
                    if candidate.parts > person.name.split_whitespace().count() {
                        person.name.clone_from(&candidate.name);
                    }
                }
            }
            None => {
                let id = persons.len();
                persons.push(new_person(id, candidate.name.clone()));
                full_counts.push(0);
                owners.add(id, first, last, &numbers);
                person_of[number] = Some(id);
            }
        }
    }
    // Initials: the person whose given name starts with it ("M. Butcher" is "Mark Butcher"), or a person of
    // their own when nobody does.
    for ((candidate, form), &number) in candidates.iter().zip(&forms).zip(&form_numbers) {
        let (Some(form @ Form::Initial(_, last)), Some(number)) = (form, number) else { continue };
        if candidate.headline || person_of[number].is_some() {
            continue;
        }
        let owners_of_initial = owners.by_initial.get(number).map_or(&[][..], Vec::as_slice);
        if let [id] = owners_of_initial {
            person_of[number] = Some(*id);
        } else if owners_of_initial.is_empty() && accepted(form) {
            let id = persons.len();
            persons.push(new_person(id, candidate.name.clone()));
            full_counts.push(0);
            owners.add(id, "", last, &numbers);
            person_of[number] = Some(id);
        }
    }
    // Lone words nobody owns: people of their own on strong evidence ("Mr. Smith", "said Smith").
    let lex = lexicons();
    for ((candidate, form), &number) in candidates.iter().zip(&forms).zip(&form_numbers) {
        let (Some(Form::Single(key)), Some(number)) = (form, number) else { continue };
        if !lone_names || candidate.headline || person_of[number].is_some() || owners.by_surname.contains_key(key) || owners.by_given.contains_key(key) {
            continue;
        }
        let (evidence, context) = (best[number], best_context[number]);
        let unlikely = is_common_word(key)
            || is_place_like(key)
            || lex.organizations.contains(key)
            || is_non_person_head(key)
            || lex.calendar.contains(key)
            || title_kind(key).is_some();
        if evidence < SINGLE_NAME_THRESHOLD || context < 2.0 || unlikely || key.chars().count() < 2 {
            continue;
        }
        let id = persons.len();
        persons.push(new_person(id, candidate.name.clone()));
        full_counts.push(0);
        owners.add(id, "", key, &numbers);
        person_of[number] = Some(id);
    }

    // Every mention, in text order.
    let mut mentions = Vec::new();
    let mut last_owner: FastMap<String, usize> = FastMap::default();
    for ((candidate, form), &number) in candidates.iter().zip(&forms).zip(&form_numbers) {
        let (Some(form), Some(number)) = (form, number) else { continue };
        let id = match form {
            Form::Full(..) | Form::Initial(..) if !candidate.headline => person_of[number],
            Form::Full(..) | Form::Initial(..) => None,
            Form::Single(key) => resolve_single(candidate, key, &owners, &last_owner, &full_counts),
        };
        let Some(id) = id else { continue };
        let Some(person) = persons.get_mut(id) else { continue };
        if matches!(form, Form::Full(..)) {
            if let Some(count) = full_counts.get_mut(id) {
                *count += 1;
            }
        }
        let surface = &candidate.name;
        let shouting = candidate.headline && surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if *surface != person.name && !shouting && !person.aliases.contains(surface) {
            person.aliases.push(surface.clone());
        }
        if person.role.is_none() {
            person.role.clone_from(&candidate.role);
        }
        if person.gender.is_none() {
            person.gender = candidate.gender;
        }
        person.mentions.push(candidate.span);
        mentions.push(Mention { span: candidate.span, person: id, sentence: candidate.sentence });
        let mut buffer = String::new();
        for part in person.name.split_whitespace() {
            last_owner.insert(name_key(part, &mut buffer).to_string(), id);
        }
    }
    for person in &mut persons {
        crate::order::sort_by(&mut person.mentions, |a, b| a < b);
        person.mentions.dedup();
    }
    // A person every one of whose mentions was dropped (none can be, but stay safe) is not reported.
    crate::order::sort_by_key(&mut mentions, |m| m.span.start);
    People { persons, mentions }
}

fn new_person(id: usize, name: String) -> PersonFound {
    PersonFound { id, name, aliases: Vec::new(), mentions: Vec::new(), role: None, in_title: false, gender: None }
}

/// The person a lone name word stands for: the one owning it as a surname, else as a given name ("Alan"); when
/// several do, the one named last, else the one named most often in full.
fn resolve_single(
    candidate: &Candidate,
    key: &str,
    owners: &Owners,
    last_owner: &FastMap<String, usize>,
    full_counts: &[usize],
) -> Option<usize> {
    let by_surname = owners.by_surname.get(key);
    // A common word opening a sentence ("Will", "Mark") is a given name only with more to go on.
    let given_allowed = !candidate.headline && !(candidate.opens_sentence && is_common_word(key)) && given_name_strength(key) > 0;
    let ids = match by_surname {
        Some(ids) if !ids.is_empty() => ids,
        _ if given_allowed => owners.by_given.get(key)?,
        _ => return None,
    };
    if let [only] = ids.as_slice() {
        return Some(*only);
    }
    if let Some(&id) = last_owner.get(key).filter(|id| ids.contains(id)) {
        return Some(id);
    }
    ids.iter().copied().max_by_key(|&id| (full_counts.get(id).copied().unwrap_or(0), std::cmp::Reverse(id)))
}
