//! Name rules as a table (`fixtures/people/names.tsv`): one line per case, input → the people expected (with
//! role and aliases where the line gives them) and the names that must not be people. Adding a case is one
//! line; a failure prints the case and what nutshell found.

use nutshell::{summarize, Options, Summary};

struct Case {
    line: usize,
    input: String,
    people: Vec<Expected>,
    not_people: Vec<String>,
}

struct Expected {
    name: String,
    role: Option<String>,
    aliases: Vec<String>,
}

fn cases() -> Vec<Case> {
    include_str!("fixtures/people/names.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let mut columns = l.split('\t');
            let input = columns.next().unwrap_or("").replace("\\n", "\n");
            let people = split_list(columns.next().unwrap_or("")).into_iter().map(|e| parse_expected(&e)).collect();
            let not_people = split_list(columns.next().unwrap_or(""));
            Case { line: i + 1, input, people, not_people }
        })
        .collect()
}

fn split_list(column: &str) -> Vec<String> {
    column.split(" | ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// "Name = role ~ alias, alias" (role and aliases optional).
fn parse_expected(entry: &str) -> Expected {
    let (head, aliases) = match entry.split_once(" ~ ") {
        Some((h, a)) => (h, a.split(", ").map(|s| s.trim().to_string()).collect()),
        None => (entry, Vec::new()),
    };
    let (name, role) = match head.split_once(" = ") {
        Some((n, r)) => (n.trim().to_string(), Some(r.trim().to_lowercase())),
        None => (head.trim().to_string(), None),
    };
    Expected { name, role, aliases }
}

fn describe(summary: &Summary) -> String {
    summary
        .people
        .iter()
        .map(|p| format!("{} (role {:?}, aliases {:?}, {} mentions)", p.name, p.role, p.aliases, p.mentions))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn name_table() {
    let mut failures = Vec::new();
    for case in cases() {
        let summary = match summarize(&case.input, &Options::default()) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("line {}: error {e}", case.line));
                continue;
            }
        };
        let mut problems = Vec::new();
        for want in &case.people {
            let Some(person) = summary.people.iter().find(|p| p.name == want.name) else {
                problems.push(format!("missing {}", want.name));
                continue;
            };
            if let Some(role) = &want.role {
                let got = person.role.as_deref().unwrap_or("").to_lowercase();
                if got.is_empty() || !(got.contains(role.as_str()) || role.contains(&got)) {
                    problems.push(format!("{}: role {:?}, want {role:?}", want.name, person.role));
                }
            }
            for alias in &want.aliases {
                if !person.aliases.contains(alias) {
                    problems.push(format!("{}: alias {alias:?} missing", want.name));
                }
            }
        }
        if summary.people.len() != case.people.len() {
            problems.push(format!("{} people, want {}", summary.people.len(), case.people.len()));
        }
        for not in &case.not_people {
            if summary.people.iter().any(|p| &p.name == not || p.aliases.contains(not)) {
                problems.push(format!("{not} is not a person"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("line {}: {}\n    input: {}\n    found: {}", case.line, problems.join("; "), case.input, describe(&summary)));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn odd_inputs_never_panic() {
    let inputs = [
        "", " ", "\n\n", "Mr.", "Mr. .", "“", "\"", "‘’", "Dr", "P.", "A. B. C. D.", "van der", "— ― –", "O’", "'s",
        "Smith’s’s", "JOHN SMITH SAID", "1. (U.S.) 12.71", "“unclosed quote\n\n“another", "e\u{301}\u{301}\u{301}",
        "Ł Ø Æ ß", "\u{a0}\u{a0}John\u{a0}Smith", "said said said Smith Smith Smith", "According to", "according to Mr.",
    ];
    for input in inputs {
        let _ = summarize(input, &Options::default());
    }
}

#[test]
fn many_people_sharing_a_surname_stay_linear_and_apart() {
    // Thousands of "X Smith" and bare "Smith": owners per word are bounded, so this stays quick, and no two
    // different given names merge.
    let mut text = String::new();
    let given = ["Anna", "Brian", "Carla", "David", "Elena", "Frank", "Grace", "Henry"];
    for i in 0..400 {
        text.push_str(&format!("{} Smith spoke. Smith said it went well. ", given[i % given.len()]));
    }
    let summary = summarize(&text, &Options::default()).expect("summarizes");
    let smiths: Vec<&str> = summary.people.iter().map(|p| p.name.as_str()).filter(|n| n.ends_with("Smith")).collect();
    assert_eq!(smiths.len(), given.len(), "{smiths:?}");
}
