//! Chrome run into the article's paragraphs, as news agencies and the Daily Mail publish it: datelines
//! ("(CNN) --", "WASHINGTON (AP) —": the marker goes, the sentence stays), "Scroll down for video",
//! `"Read more: <headline> ."`, "Advertisement", header debris ("By . Jane Smith . PUBLISHED: 14:11 EST, 25 October
//! 2013 | UPDATED: … ."), copyright tails, and photo captions closed by the Daily Mail's " ." ("Racy: Irish
//! actor Aidan Turner (left) … ."). Each is cut out of its paragraph, which splits there: no sentence can
//! straddle removed chrome.
//!
//! Precision first: a caption is cut only when it is closed by " ." and says it is a caption ("(pictured)",
//! "(left)", a "Label:" opening); an unclosed run-in caption stays rather than risk article text.

use super::chrome::{date_token, find_bytes, lowercase, starts_with_ignore_case, DateToken};
use super::RemovedSpan;
use crate::span::Span;
use crate::tokens::{zero_bytes, EACH_BYTE, HIGH_BITS};

/// Most words a "Read more:" headline or a caption may have.
const RUN_IN_WORDS: usize = 50;
/// Agencies whose bracketed name opens a dateline even without a dash after it: "(CNN)They may not be…".
const AGENCIES: [&str; 12] = [
    "CNN", "CNN Business", "CNN Money", "CNNMoney", "CNN Student News", "Reuters", "AP", "AFP", "EW.com", "Mashable",
    "The Hollywood Reporter", "Bloomberg",
];

/// Cuts inline chrome out of the kept line at `paragraph`: its pieces go to `paragraphs`, the chrome to `removed`;
/// captions closed by " ." only when `spaced_period` says that some paragraph may hold one. Asked of each kept line as
/// it is placed, in text order, so both lists stay in text order: a pass over the paragraphs after them made a second
/// list of paragraphs, and sorting the removed spans a list of positions (two allocations an article).
pub(super) fn strip_inline_chrome(text: &str, paragraph: Span, spaced_period: bool, paragraphs: &mut Vec<Span>, removed: &mut Vec<RemovedSpan>) {
    let cuts = find_cuts(paragraph.slice(text), spaced_period);
    if cuts.is_empty() {
        push_trimmed(text, paragraph, paragraphs);
    } else {
        cut_paragraph(text, paragraph, &cuts, paragraphs, removed);
    }
}

/// Splits `paragraph` at its `cuts`: the pieces between them go to `paragraphs`, the cuts to `removed`. Out of line,
/// as every rare path of this file is: V8 compiles a function whole on its first call, and most paragraphs have no
/// inline chrome.
#[inline(never)]
fn cut_paragraph(text: &str, paragraph: Span, cuts: &[(usize, usize, &'static str)], paragraphs: &mut Vec<Span>, removed: &mut Vec<RemovedSpan>) {
    let mut from = 0;
    for &(start, end, reason) in cuts {
        if start < from || end <= start {
            continue;
        }
        push_trimmed(text, Span::new(paragraph.start + from, paragraph.start + start), paragraphs);
        removed.push(RemovedSpan { span: Span::new(paragraph.start + start, paragraph.start + end), reason });
        from = end;
    }
    push_trimmed(text, Span::new(paragraph.start + from, paragraph.end), paragraphs);
}

/// The markers' first two bytes ("Scroll down…", "Read more:", "PUBLISHED:", "UPDATED:", "Last updated at",
/// "Advertisement", and "©", C2 A9) as two tables, one bit for each marker: a pair of bytes opens a marker when the
/// table of first bytes and the table of second bytes give it a bit in common. Two look-ups tell a pair apart.
static MARKER_FIRST: [u8; 256] = marker_bits(0);
/// [`MARKER_FIRST`]'s table of the markers' second bytes.
static MARKER_SECOND: [u8; 256] = marker_bits(1);

/// The table of [`MARKER_FIRST`] (`index` 0) or [`MARKER_SECOND`] (`index` 1): each marker's byte at `index` has
/// the marker's bit.
const fn marker_bits(index: usize) -> [u8; 256] {
    const PAIRS: [[u8; 2]; 7] = [*b"Sc", *b"Re", *b"PU", *b"UP", *b"La", *b"Ad", [0xC2, 0xA9]];
    let mut table = [0; 256];
    let mut k = 0;
    while k < PAIRS.len() {
        table[PAIRS[k][index] as usize] |= 1 << k;
        k += 1;
    }
    table
}

/// The chrome inside one paragraph: `(start, end, reason)` in bytes relative to it, on char boundaries; captions closed
/// by " ." only when `spaced_period` says that the paragraph may hold one.
fn find_cuts(paragraph: &str, spaced_period: bool) -> Vec<(usize, usize, &'static str)> {
    let mut cuts = Vec::new();
    let mut at = 0;
    if let Some(end) = header_debris(paragraph) {
        cuts.push((0, end, "byline"));
        at = end + (paragraph[end..].len() - paragraph[end..].trim_start().len());
    }
    if let Some(len) = dateline_marker(&paragraph[at..]) {
        cuts.push((at, at + len, "dateline"));
    }
    // The run-in markers in one pass: each opens with a capital or "©", so only those bytes are tried (one
    // search per marker went over every paragraph seven times). No marker can overlap itself, so every one is
    // found where a search would find it.
    let bytes = paragraph.as_bytes();
    let mut next = 0;
    while let Some(start) = Some(find_marker_start(bytes, next)).filter(|&start| start < bytes.len()) {
        next = start + 1;
        let Some(rest) = paragraph.get(start..) else { continue };
        // Each marker opens with its own byte, so that byte picks the one marker to compare.
        let timestamp = |marker: &str| rest.strip_prefix(marker).and_then(timestamp_run).map(|len| marker.len() + len);
        match bytes.get(start) {
            Some(b'S') if rest.starts_with("Scroll down for video") => cuts.push(video_cut(rest, start)),
            Some(b'R') if rest.starts_with("Read more:") => cuts.push(read_more_cut(rest, start)),
            Some(b'P') => cuts.extend(timestamp("PUBLISHED:").map(|len| (start, start + len, "timestamp"))),
            Some(b'U') => cuts.extend(timestamp("UPDATED:").map(|len| (start, start + len, "timestamp"))),
            Some(b'L') => cuts.extend(timestamp("Last updated at").map(|len| (start, start + len, "timestamp"))),
            Some(b'A') if rest.starts_with("Advertisement") && ad_stands_alone(paragraph, start) => {
                cuts.push((start, start + "Advertisement".len(), "ad"));
            }
            Some(0xC2) if rest.starts_with('©') && short_footer(rest) => cuts.push((start, paragraph.len(), "footer")),
            _ => {}
        }
    }
    if spaced_period {
        find_captions(paragraph, &mut cuts);
    }
    if cuts.len() > 1 {
        drop_overlaps(&mut cuts);
    }
    cuts
}

/// The position of the first byte at or after `from` whose pair of bytes opens a run-in marker ([`MARKER_FIRST`]),
/// or `bytes.len()`. Every marker opens with a capital or 0xC2, and one test of sixteen bytes, eight at once
/// ([`marker_candidates`]), finds the bytes that may: each step looks up the pair at the first of them (at the
/// sixteenth byte when there is none, as no byte before it can open a marker) and goes on past it. The only branch a
/// step takes is whether that pair opens a marker, which it rarely does. A step of eight bytes that branched on whether
/// they held a capital, and again on whether they held two, mispredicted 12.4K times a corpus round in V8 (whether
/// eight bytes hold a capital follows no pattern the branch predictor can learn); one candidate a step takes 15% more
/// steps and mispredicts few. Steps of sixteen bytes rather than eight: 42% fewer steps, 40% more instructions each
/// (`strip_inline_chrome` 1.07M -> 0.95M instructions a round).
fn find_marker_start(bytes: &[u8], from: usize) -> usize {
    let mut rest = bytes.get(from..).unwrap_or_default();
    while let Some(window) = rest.first_chunk::<17>() {
        let (low, high) = window.split_at(8);
        let word = |eight: &[u8]| eight.first_chunk::<8>().map_or(0, |chunk| u64::from_le_bytes(*chunk));
        // The sixteenth byte is taken as a candidate, so that a step never goes further than sixteen bytes.
        let candidates = u128::from(marker_candidates(word(low))) | u128::from(marker_candidates(word(high)) | 1 << 63) << 64;
        let offset = (candidates.trailing_zeros() / 8) as usize;
        let first = window.get(offset).map_or(0, |&byte| MARKER_FIRST[usize::from(byte)]);
        let second = window.get(offset + 1).map_or(0, |&byte| MARKER_SECOND[usize::from(byte)]);
        if first & second != 0 {
            return bytes.len() - rest.len() + offset;
        }
        rest = rest.get(offset + 1..).unwrap_or_default();
    }
    let at = bytes.len() - rest.len();
    let opens = |pair: &[u8]| matches!(pair, &[first, second] if MARKER_FIRST[usize::from(first)] & MARKER_SECOND[usize::from(second)] != 0);
    at + rest.windows(2).position(opens).unwrap_or(rest.len())
}

/// The high bit of each byte of `word` (eight bytes, the first the least significant) that may open a marker: the
/// capitals, and the bytes beyond ASCII whose low seven bits are those of one (0xC2 among them). With its high bit set
/// no byte borrows from the next: a byte's high bit is then left set in `from_a` when its low seven bits are b'A' or
/// more, and in `past_z` when they are past b'Z'.
#[inline(always)]
fn marker_candidates(word: u64) -> u64 {
    let from_a = (word | HIGH_BITS).wrapping_sub(EACH_BYTE * 0x41);
    let past_z = from_a.wrapping_sub(EACH_BYTE * u64::from(b'Z' - b'A' + 1));
    (from_a ^ past_z) & HIGH_BITS
}

/// The position of the first "." at or after `from`, eight bytes a step: a byte equal to it is zero after the
/// exclusive or, and the lowest byte that the zero test marks is the first zero (a borrow only runs upwards from one).
fn find_period(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    let mut rest = bytes.get(from..)?;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        let periods = u64::from_le_bytes(*chunk) ^ (EACH_BYTE * u64::from(b'.'));
        let zeros = zero_bytes(periods);
        if zeros != 0 {
            return Some(at + zeros.trailing_zeros() as usize / 8);
        }
        at += 8;
        rest = after;
    }
    rest.iter().position(|&byte| byte == b'.').map(|offset| at + offset)
}

/// Overlapping finds ("Read more: …" also looks like a "Label: …" caption): the earlier, then longer, wins.
#[inline(never)]
fn drop_overlaps(cuts: &mut Vec<(usize, usize, &'static str)>) {
    crate::order::sort_by_key(cuts, |&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut end = 0;
    cuts.retain(|&(s, e, _)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
}

/// "Scroll down for video" at `start`, `rest` opening with it: through the " ." that closes it, or the marker alone.
#[inline(never)]
fn video_cut(rest: &str, start: usize) -> (usize, usize, &'static str) {
    let after = &rest["Scroll down for video".len()..];
    let marker = rest.len() - after.len() + usize::from(after.starts_with('s'));
    (start, start + closed_run_in(rest, 20, false).unwrap_or(marker), "video")
}

/// "Read more:" at `start`, `rest` opening with it: through its headline's close, or the marker alone.
#[inline(never)]
fn read_more_cut(rest: &str, start: usize) -> (usize, usize, &'static str) {
    (start, start + closed_run_in(rest, RUN_IN_WORDS, true).unwrap_or("Read more:".len()), "related")
}

/// Whether the "Advertisement" at `start` stands between sentences.
#[inline(never)]
fn ad_stands_alone(paragraph: &str, start: usize) -> bool {
    at_sentence_start(paragraph, start) && next_opens_sentence(&paragraph[start + "Advertisement".len()..])
}

/// A copyright run-in that ends the paragraph: "© 2019 Hearst. All rights reserved.", at most 15 words. Words are
/// counted only up to the sixteenth: counting every word of the paragraph's rest at each "©" made a long
/// paragraph with many of them quadratic (10 MB on one line took 4.4 s in the Wasm, 1.2 s now).
#[inline(never)]
fn short_footer(rest: &str) -> bool {
    rest.split_whitespace().nth(15).is_none() && find_bytes(&lowercase(rest), "all rights reserved").is_some()
}

/// Length of the span from `rest`'s start through the " ." that closes it, when that comes within `words`
/// words: "Read more: TV Ratings: 'Empire' Audience Grows . The…" → through "Grows .". With `questions`, a
/// headline may also close with "?" or "!" ("Read more: Who is Nigeria's Muhammadu Buhari? Violent…").
fn closed_run_in(rest: &str, words: usize, questions: bool) -> Option<usize> {
    for (n, (offset, token)) in tokens(rest).enumerate() {
        if token == "." && n > 0 {
            return Some(offset + 1);
        }
        if n >= words {
            return None;
        }
        if questions && n >= 2 && token.trim_end_matches(['\'', '"', '’', '”']).ends_with(['?', '!']) {
            return Some(offset + token.len());
        }
    }
    None
}

/// White-space separated tokens with their byte offsets in `s` ([`crate::tokens::split_whitespace`], which tests
/// ASCII white space as bytes: `str::split_whitespace` decoded every character, 0.8% of the Wasm's time).
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = s.as_ptr() as usize;
    crate::tokens::split_whitespace(s).map(move |t| (t.as_ptr() as usize - base, t))
}

/// "By . Jane Smith . " at a paragraph's start (the Daily Mail's header debris): the length through the
/// name's closing " .".
fn header_debris(paragraph: &str) -> Option<usize> {
    if !starts_with_ignore_case(paragraph, "By . ") {
        return None;
    }
    debris_end(paragraph)
}

/// [`header_debris`] after its opening "By . ".
#[inline(never)]
fn debris_end(paragraph: &str) -> Option<usize> {
    let name = &paragraph[5..];
    let close = find_bytes(name, " .")?;
    (name[..close].split_whitespace().count() <= 10).then_some(5 + close + 2)
}

/// The date and time after "PUBLISHED:" / "UPDATED:": the length of the run of date tokens (with the " ."
/// and "|" between them), when it holds a date.
#[inline(never)]
fn timestamp_run(rest: &str) -> Option<usize> {
    let mut end = None;
    let mut dated = false;
    for (offset, token) in tokens(rest) {
        let kind = if matches!(token, "." | "|") { DateToken::Filler } else { date_token(token) };
        match kind {
            DateToken::Other => break,
            DateToken::Date => dated = true,
            DateToken::Filler => {}
        }
        end = Some(offset + token.len());
    }
    if dated {
        end
    } else {
        None
    }
}

/// Length of a leading dateline marker: "(CNN) -- ", "(CNN)", "LONDON, England (CNN) -- ",
/// "WASHINGTON (AP) — ", "Hong Kong (CNN Business) ".
fn dateline_marker(paragraph: &str) -> Option<usize> {
    // Only an opening bracket within 60 bytes counts: the search stops there, not at the paragraph's end.
    let open = paragraph.as_bytes().iter().take(61).position(|&byte| byte == b'(')?;
    dateline_from(paragraph, open)
}

/// [`dateline_marker`] with the opening bracket at `open`.
#[inline(never)]
fn dateline_from(paragraph: &str, open: usize) -> Option<usize> {
    let place = paragraph[..open].trim();
    if place.split_whitespace().count() > 6
        || !place.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return None;
    }
    let close = open + paragraph[open..].find(')')?;
    let agency = &paragraph[open + 1..close];
    let known = AGENCIES.contains(&agency);
    let agency_like = !agency.is_empty()
        && agency.split_whitespace().count() <= 4
        && agency.chars().next().is_some_and(char::is_uppercase)
        && !agency.chars().any(|c| c.is_ascii_digit());
    // An unknown agency needs a place in capitals before it ("HONOLULU, Hawaii (HawaiiNewsNow) -"), so that
    // "Apple (AAPL) - shares rose" keeps its subject.
    let capital_place = place.is_empty()
        || place.split_whitespace().next().is_some_and(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        });
    let spaced = paragraph[close + 1..].trim_start_matches([' ', '\u{a0}']);
    let dashed = ["--", "—", "–", "-"].iter().find_map(|d| spaced.strip_prefix(d)).map(|a| a.trim_start_matches([' ', '\u{a0}']));
    let text_start = match dashed {
        Some(after) if known || (agency_like && capital_place) => after,
        _ if known => spaced,
        _ => return None,
    };
    // The marker must open a sentence: a capital, a digit or an opening quote follows.
    if !text_start.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'')) {
        return None;
    }
    Some(paragraph.len() - text_start.len())
}

/// Daily Mail captions closed by " .": a stretch from a sentence start to " ." that says it is a caption —
/// "(pictured)", "(left)", "(right)", a "Label: " opening — and holds at most `RUN_IN_WORDS` words.
fn find_captions(paragraph: &str, cuts: &mut Vec<(usize, usize, &'static str)>) {
    let mut segment_start = 0;
    // Every " ." is a period after a space: periods are found eight bytes at a time, not with a two-byte pattern
    // searcher.
    let mut from = 0;
    while let Some(period) = find_period(paragraph.as_bytes(), from) {
        from = period + 1;
        if period == 0 || paragraph.as_bytes().get(period - 1) != Some(&b' ') {
            continue;
        }
        let dot = period - 1;
        let end = dot + 2;
        let closes = paragraph[end..].is_empty() || paragraph[end..].starts_with(char::is_whitespace);
        if !closes {
            continue;
        }
        if let Some(start) = caption_before(paragraph, segment_start, dot) {
            cuts.push((start, end, "caption"));
        }
        segment_start = end;
    }
}

/// Where the caption that the " ." at `dot` closes begins, when the segment since `floor` ends in one.
#[inline(never)]
fn caption_before(paragraph: &str, floor: usize, dot: usize) -> Option<usize> {
    let start = sentence_start_before(paragraph, floor, dot);
    let segment = &paragraph[start..dot];
    let short = segment.split_whitespace().count() <= RUN_IN_WORDS && !segment.trim().is_empty();
    (short && is_caption(segment)).then_some(start)
}

/// Where the sentence that ends at `end` begins: after the last terminator followed by white space, not
/// before `floor`. Searched from `end` backwards: only that sentence is read, not every sentence since `floor`
/// (a paragraph of many " ." closings was read again up to each).
fn sentence_start_before(paragraph: &str, floor: usize, end: usize) -> usize {
    let window = &paragraph[floor..end];
    let start = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let before = &window[..i];
            c.is_whitespace()
                && before.ends_with(['.', '!', '?', '\'', '"', '’', '”'])
                && before.trim_end_matches(['\'', '"', '’', '”']).ends_with(['.', '!', '?'])
        })
        .map_or(0, |(i, _)| i);
    let lead = window[start..].len() - window[start..].trim_start().len();
    floor + start + lead
}

/// Whether the segment that a " ." closes is a photo caption: it says where someone is in the picture ("(pictured)",
/// "(left)", "(file photo)", "… pictured …"), or it opens with a short label and a colon.
fn is_caption(segment: &str) -> bool {
    const MARKS: [&str; 10] =
        ["(pictured", "(left", "(right", "(centre", "(center", "(above", "(below", "(top", "(file photo", " pictured "];
    // `find_bytes`, not `str::contains` / `split_once` (here, in `debris_end` and in `short_footer`): these were
    // the core's last uses of the two-way searcher, 1 KB of the gzipped .wasm, for needles of two to twenty bytes.
    if MARKS.iter().any(|m| find_bytes(segment, m).is_some()) {
        return true;
    }
    // "Racy: Irish actor Aidan Turner …": a label of one to three words, a colon, a capitalised word.
    let Some(colon) = find_bytes(segment, ": ") else { return false };
    let (label, rest) = (&segment[..colon], &segment[colon + 2..]);
    let label_words = label.split_whitespace().count();
    (1..=3).contains(&label_words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// True when `at` opens the paragraph or follows a sentence terminator and white space.
fn at_sentence_start(paragraph: &str, at: usize) -> bool {
    let before = paragraph[..at].trim_end();
    before.is_empty() || before.trim_end_matches(['\'', '"', '’', '”']).ends_with(['.', '!', '?'])
}

/// True when `rest` is empty or white space then a capital, digit or quote.
fn next_opens_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    trimmed.is_empty()
        || (trimmed.len() < rest.len()
            && trimmed.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'')))
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let piece = span.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Span::new(span.start + lead, span.start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_texts(paragraph: &str) -> Vec<(&str, &'static str)> {
        find_cuts(paragraph, true).into_iter().map(|(s, e, r)| (&paragraph[s..e], r)).collect()
    }

    #[test]
    fn datelines_lose_the_marker_only() {
        assert_eq!(cut_texts("(CNN)They may not be aliens."), vec![("(CNN)", "dateline")]);
        assert_eq!(cut_texts("WASHINGTON (AP) — Ambassador Gordon Sondland spoke."), vec![("WASHINGTON (AP) — ", "dateline")]);
        assert_eq!(cut_texts("LONDON, England (CNN) -- The queen spoke."), vec![("LONDON, England (CNN) -- ", "dateline")]);
        assert!(cut_texts("Police (who declined to comment) said nothing.").is_empty());
        assert!(cut_texts("The company (Apple) said so.").is_empty());
    }

    #[test]
    fn daily_mail_debris_and_markers() {
        let p = "By . Jane Smith . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:23 EST, 25 October 2013 . The council said no.";
        let cuts = cut_texts(p);
        assert_eq!(cuts[0], ("By . Jane Smith .", "byline"));
        assert!(cuts.iter().any(|c| c.1 == "timestamp"));
        let p = "It closed. Scroll down for video . Racy: Irish actor Aidan Turner (left) went swimming . The show airs soon.";
        let cuts = cut_texts(p);
        assert_eq!(cuts, vec![("Scroll down for video .", "video"), ("Racy: Irish actor Aidan Turner (left) went swimming .", "caption")]);
    }

    #[test]
    fn marker_starts_are_found_where_a_search_finds_them() {
        let text = "US UK Read it. ABC Sc Reuters said NBC PUBLISHED: Ad Re UPDATED La PU \u{a9}\u{c2} © Last Advertisement Sc \
                    “Re” ÂÂ©Ü©ZzAd@Ad[Re`La{UP\u{7f}PU éÉ\u{142}©\u{100}© abcdefgh ijklmnopqrSc";
        let bytes = text.as_bytes();
        let opens = |at: usize| bytes.get(at..at + 2).is_some_and(|pair| MARKER_FIRST[usize::from(pair[0])] & MARKER_SECOND[usize::from(pair[1])] != 0);
        for from in 0..=bytes.len() {
            let expected = (from..bytes.len()).find(|&at| opens(at)).unwrap_or(bytes.len());
            assert_eq!(find_marker_start(bytes, from), expected, "{from}");
        }
        for pair in ["Sc", "Re", "PU", "UP", "La", "Ad", "©"] {
            assert!(opens(text.find(pair).unwrap_or_default()), "{pair}");
        }
    }

    #[test]
    fn copyright_footers_are_cut_when_short() {
        let p = "The vote is on Monday. © 2019 Hearst Communications, Inc. All rights reserved.";
        assert_eq!(cut_texts(p), vec![("© 2019 Hearst Communications, Inc. All rights reserved.", "footer")]);
        // Fifteen words from the "©" on are a footer, sixteen are not.
        let fifteen = "© one two three four five six seven eight nine ten eleven All rights reserved.";
        assert_eq!(fifteen.split_whitespace().count(), 15);
        assert_eq!(cut_texts(fifteen), vec![(fifteen, "footer")]);
        let sixteen = "© one two three four five six seven eight nine ten eleven twelve All rights reserved.";
        assert!(cut_texts(sixteen).is_empty());
        // Many marks in one long paragraph: each is judged by the words from it to the end. The third from last
        // is the first with at most 15 (three times 4, then 3), and the footer runs from it.
        let long = "© 2019 The Post. ".repeat(2000) + "All rights reserved.";
        let footer = "© 2019 The Post. © 2019 The Post. © 2019 The Post. All rights reserved.";
        assert_eq!(footer.split_whitespace().count(), 15);
        assert_eq!(cut_texts(&long), vec![(footer, "footer")]);
        let last = "word ".repeat(2000) + "© 2019 The Post. All rights reserved.";
        assert_eq!(cut_texts(&last), vec![("© 2019 The Post. All rights reserved.", "footer")]);
    }

    #[test]
    fn read_more_headlines_are_cut_when_closed() {
        let p = "The pilot started. Read more: TV Pilots 2015: The Complete Guide . The drama centers on Kara.";
        assert_eq!(cut_texts(p), vec![("Read more: TV Pilots 2015: The Complete Guide .", "related")]);
    }
}
