//! Words of each sentence, with their case and offsets into the original text.

use crate::sentences::SentenceSpan;
use crate::span::Span;

/// One word: a run of letters and digits, with inner apostrophes, hyphens, periods and ampersands
/// ("Putin’s", "Louis-Dreyfus", "U.S", "AT&T").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub span: Span,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Has two or more letters, all upper case ("NATO", "LONDON").
    pub all_caps: bool,
    /// Starts with a digit.
    pub numeric: bool,
}

/// The words of every sentence, sentence by sentence.
pub(crate) fn tokenize_sentences(text: &str, sentences: &[SentenceSpan]) -> Vec<Vec<Word>> {
    sentences.iter().map(|s| tokenize(text, s.span)).collect()
}

/// The words inside `span` of `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Word> {
    let piece = span.slice(text);
    let mut words = Vec::new();
    let mut chars = piece.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut letters = usize::from(c.is_alphabetic());
        let mut upper = usize::from(c.is_uppercase());
        while let Some(&(i, next)) = chars.peek() {
            if next.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&next) {
                letters += usize::from(next.is_alphabetic());
                upper += usize::from(next.is_uppercase());
                end = i + next.len_utf8();
                chars.next();
            } else if matches!(next, '\'' | '’' | '-' | '.' | '&' | '‐') {
                // Joiners stay inside a word only when a letter or digit follows them.
                let after = piece[i + next.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        words.push(Word {
            span: Span::new(span.start + start, span.start + end),
            capitalized: c.is_uppercase(),
            all_caps: letters >= 2 && upper == letters,
            numeric: c.is_ascii_digit(),
        });
    }
    words
}

/// `word` without a possessive ending: "Putin’s" → "Putin", "Jones'" stays.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix("’S")).unwrap_or(word)
}

/// The look-up key of a name word: lower case, accents folded, a possessive ending and trailing periods
/// removed, written into `buffer` ("Zelenskyy’s" → "zelenskyy", "José" → "jose", "O’Neill" → "o'neill").
/// Two spellings of one name share it, so "Mr. Putin" and "Putin’s" find the same person.
pub(crate) fn name_key<'b>(word: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    let word = strip_possessive(word).trim_end_matches('.');
    if word.is_ascii() {
        // Most words: no accents or curly quotes to fold, and lower case is one byte per byte.
        buffer.extend(word.bytes().map(|b| if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) }));
        return buffer.as_str();
    }
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' => buffer.push('\''),
            '\u{300}'..='\u{36f}' => {}
            'ß' => buffer.push_str("ss"),
            'æ' | 'Æ' => buffer.push_str("ae"),
            'œ' | 'Œ' => buffer.push_str("oe"),
            _ => buffer.extend(c.to_lowercase().map(fold_accent)),
        }
    }
    buffer.as_str()
}

/// The unaccented letter of a Latin letter with a diacritic ("é" → "e", "ł" → "l"); other characters unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_joiners() {
        let text = "Putin’s U.S. visit (Louis-Dreyfus) cost $25.6M.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len())).iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(words, vec!["Putin’s", "U.S", "visit", "Louis-Dreyfus", "cost", "25.6M"]);
    }

    #[test]
    fn name_keys_fold_case_accents_and_possessives() {
        let mut buffer = String::new();
        assert_eq!(name_key("Zelenskyy’s", &mut buffer), "zelenskyy");
        assert_eq!(name_key("José", &mut buffer), "jose");
        assert_eq!(name_key("Jose\u{301}", &mut buffer), "jose");
        assert_eq!(name_key("O’Neill", &mut buffer), "o'neill");
        assert_eq!(name_key("Mr.", &mut buffer), "mr");
        assert_eq!(name_key("Łukasz", &mut buffer), "lukasz");
    }
}
