//! The `nutshell` command: summarize a file or stdin, print its sentences, or run a JSON-lines batch.
//!
//! ```text
//! nutshell [OPTIONS] [FILE]          summary and people, readably
//! nutshell --json [OPTIONS] [FILE]   the result as JSON (the same structure the JavaScript API returns)
//! nutshell --jsonl [OPTIONS]         one JSON object per input line → one result per output line
//! nutshell split [--json] [FILE]     one sentence per line
//! ```

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use nutshell::{OptionValue, Options, Summary};
use serde_json::{json, Map, Value};

const USAGE: &str = "usage: nutshell [--json | --jsonl] [--sentences N | --ratio R | --words N] [--quotes prefer|allow|avoid] [--max-input-bytes N] [FILE]
       nutshell split [--json] [FILE]

Summarizes a news article (FILE, or stdin when FILE is absent or -) and lists its key people.
  --json             print the whole result as JSON
  --jsonl            read one JSON object per line (text from `text`, else `body`, else `article`;
                     a per-line `options` object overrides the command line) and write one result per line
  --sentences N      summary length in sentences (default 3)
  --ratio R          summary length as a share of the article's sentences (0 < R <= 1)
  --words N          summary length as a word budget
  --quotes MODE      prefer, allow (default) or avoid quoted sentences
  --weight F=W       override the weight of feature F (e.g. --weight position=1.5)
  --max-input-bytes N  refuse longer inputs (default 32 MiB)";

enum Mode {
    Readable,
    Json,
    JsonLines,
    Split { json: bool },
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nutshell: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut mode = Mode::Readable;
    let mut options = Options::default();
    let mut file: Option<String> = None;
    let mut args = args.into_iter().peekable();
    if args.peek().map(String::as_str) == Some("split") {
        args.next();
        mode = Mode::Split { json: false };
    }
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"));
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("nutshell {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            "--json" => {
                mode = match mode {
                    Mode::Split { .. } => Mode::Split { json: true },
                    _ => Mode::Json,
                }
            }
            "--jsonl" => mode = Mode::JsonLines,
            "--sentences" | "-n" => set_number(&mut options, "sentences", &value(&arg)?)?,
            "--ratio" => set_number(&mut options, "ratio", &value(&arg)?)?,
            "--words" => set_number(&mut options, "words", &value(&arg)?)?,
            "--max-input-bytes" => set_number(&mut options, "maxInputBytes", &value(&arg)?)?,
            "--quotes" => options.set("quotes", &OptionValue::Text(value(&arg)?)).map_err(|e| e.to_string())?,
            "--weight" => {
                let spec = value(&arg)?;
                let (feature, weight) = spec.split_once('=').ok_or_else(|| format!("--weight takes FEATURE=WEIGHT, got {spec:?}"))?;
                set_number(&mut options, &format!("weights.{feature}"), weight)?;
            }
            "-" => file = None,
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n\n{USAGE}")),
            _ => file = Some(arg),
        }
    }
    options.validate().map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match mode {
        Mode::JsonLines => run_batch(&options, file.as_deref(), &mut out),
        Mode::Split { json } => {
            let text = read_input(file.as_deref())?;
            let segmentation = nutshell::split(&text, &options).map_err(|e| e.to_string())?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&segmentation).map_err(|e| e.to_string())?).map_err(io_error)
            } else {
                for sentence in &segmentation.sentences {
                    writeln!(out, "{}", one_line(&sentence.text)).map_err(io_error)?;
                }
                Ok(())
            }
        }
        Mode::Json => {
            let text = read_input(file.as_deref())?;
            let summary = nutshell::summarize(&text, &options).map_err(|e| e.to_string())?;
            writeln!(out, "{}", serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?).map_err(io_error)
        }
        Mode::Readable => {
            let text = read_input(file.as_deref())?;
            let summary = nutshell::summarize(&text, &options).map_err(|e| e.to_string())?;
            print_readable(&summary, &mut out).map_err(io_error)
        }
    }?;
    out.flush().map_err(io_error)
}

fn set_number(options: &mut Options, name: &str, raw: &str) -> Result<(), String> {
    let value = raw.parse::<f64>().map(OptionValue::Number).unwrap_or_else(|_| OptionValue::Text(raw.to_string()));
    options.set(name, &value).map_err(|e| e.to_string())
}

fn io_error(e: io::Error) -> String {
    format!("cannot write the output: {e}")
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        Some(path) => bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        None => {
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {e}"))?;
        }
    }
    // Binary garbage and stray invalid bytes are replaced, not refused: every input gets a result.
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn print_readable(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    if let Some(title) = &summary.title {
        writeln!(out, "{title}\n")?;
    }
    writeln!(out, "Summary")?;
    for &i in &summary.summary {
        if let Some(sentence) = summary.sentences.get(i) {
            writeln!(out, "  • {}", one_line(&sentence.span.text))?;
        }
    }
    if summary.summary.is_empty() {
        writeln!(out, "  (no sentences: the text is empty or holds no article)")?;
    }
    if !summary.people.is_empty() {
        writeln!(out, "\nPeople")?;
        for person in &summary.people {
            let role = person.role.as_deref().map(|r| format!(" — {r}")).unwrap_or_default();
            let aliases = if person.aliases.is_empty() { String::new() } else { format!(" (also {})", person.aliases.join(", ")) };
            writeln!(out, "  {}{}{}, {} mention{}", person.name, role, aliases, person.mentions, if person.mentions == 1 { "" } else { "s" })?;
            for quote in &person.quotes {
                writeln!(out, "      “{}”", one_line(&quote.text))?;
            }
        }
    }
    if !summary.authors.is_empty() {
        writeln!(out, "\nBy {}", summary.authors.join(", "))?;
    }
    Ok(())
}

/// Reads JSON lines and writes one result per line; a failing line gets `{"error": …}` and the batch goes on.
fn run_batch(options: &Options, file: Option<&str>, out: &mut impl Write) -> Result<(), String> {
    let reader: Box<dyn BufRead> = match file {
        Some(path) => Box::new(io::BufReader::new(std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?)),
        None => Box::new(io::BufReader::new(io::stdin())),
    };
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| format!("cannot read the input: {e}"))?;
        let line = String::from_utf8_lossy(&line);
        if line.trim().is_empty() {
            continue;
        }
        let result = summarize_line(options, &line).unwrap_or_else(|message| json!({ "error": message }));
        writeln!(out, "{}", serde_json::to_string(&result).map_err(|e| e.to_string())?).map_err(io_error)?;
    }
    Ok(())
}

fn summarize_line(options: &Options, line: &str) -> Result<Value, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("the line is not valid JSON: {e}"))?;
    let Value::Object(mut object) = value else {
        return Err("the line is not a JSON object".to_string());
    };
    let text = ["text", "body", "article"]
        .iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str).map(str::to_string))
        .ok_or("the line has no `text`, `body` or `article` string")?;
    let mut line_options = options.clone();
    if let Some(overrides) = object.remove("options") {
        let Value::Object(overrides) = overrides else {
            return Err("`options` must be an object".to_string());
        };
        if overrides.keys().any(|k| matches!(k.as_str(), "sentences" | "ratio" | "words")) {
            line_options.sentences = None;
            line_options.ratio = None;
            line_options.words = None;
        }
        for (name, value) in &overrides {
            set_json_option(&mut line_options, name, value)?;
        }
        line_options.validate().map_err(|e| e.to_string())?;
    }
    let summary = nutshell::summarize(&text, &line_options).map_err(|e| e.to_string())?;
    let mut result = serde_json::to_value(&summary).map_err(|e| e.to_string())?;
    for key in ["text", "body", "article"] {
        object.remove(key);
    }
    if let Value::Object(fields) = &mut result {
        fields.insert("input".to_string(), Value::Object(Map::from_iter(object)));
    }
    Ok(result)
}

fn set_json_option(options: &mut Options, name: &str, value: &Value) -> Result<(), String> {
    if let (Value::Object(weights), "weights") = (value, name) {
        for (feature, weight) in weights {
            set_json_option(options, &format!("weights.{feature}"), weight)?;
        }
        return Ok(());
    }
    let converted = match value {
        Value::Null => OptionValue::Null,
        Value::Bool(b) => OptionValue::Bool(*b),
        Value::Number(n) => OptionValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => OptionValue::Text(s.clone()),
        Value::Array(_) => OptionValue::Other("array".to_string()),
        Value::Object(_) => OptionValue::Other("object".to_string()),
    };
    options.set(name, &converted).map_err(|e| e.to_string())
}
