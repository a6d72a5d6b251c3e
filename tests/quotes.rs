//! Quote rules as a table (`fixtures/people/quotes.tsv`): one line per case, input → each quote's opening words
//! and its speaker ("-" when the text does not say who). A failure prints the case and what nutshell found.

use nutshell::{summarize, Options};

#[test]
fn quote_table() {
    let mut failures = Vec::new();
    for (i, line) in include_str!("fixtures/people/quotes.tsv").lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let input = columns.next().unwrap_or("").replace("\\n", "\n");
        let expected: Vec<(String, String)> = columns
            .next()
            .unwrap_or("")
            .split(" | ")
            .filter_map(|e| e.split_once(" => ").map(|(q, s)| (q.trim().to_string(), s.trim().to_string())))
            .collect();
        let summary = match summarize(&input, &Options::default()) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("line {}: error {e}", i + 1));
                continue;
            }
        };
        let found: Vec<(String, String)> = summary
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.and_then(|s| summary.people.get(s)).map_or("-".to_string(), |p| p.name.clone());
                (q.span.text.clone(), speaker)
            })
            .collect();
        let mut problems = Vec::new();
        for (start, speaker) in &expected {
            match found.iter().find(|(text, _)| text.starts_with(start.as_str())) {
                None => problems.push(format!("no quote starting {start:?}")),
                Some((_, got)) if got != speaker => problems.push(format!("{start:?}: speaker {got}, want {speaker}")),
                Some(_) => {}
            }
        }
        if found.len() != expected.len() {
            problems.push(format!("{} quotes, want {}", found.len(), expected.len()));
        }
        if !problems.is_empty() {
            failures.push(format!("line {}: {}\n    input: {input}\n    found: {found:?}", i + 1, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn quotes_never_panic_on_stray_marks() {
    for input in ["“", "”", "\"\"", "'", "’’’", "“a”b”c“", "\"x\n\n\"y\n\n\"z", "‘It’s’", "“ ” “ ”", "He said, “", "” said Smith"] {
        let _ = summarize(input, &Options::default());
    }
}
