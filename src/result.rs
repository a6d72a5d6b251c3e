//! The result types users receive, and their assembly from the stages' spans.
//!
//! Stages work on byte [`Span`](crate::span::Span)s; this is the one place where spans become reported text
//! with UTF-8 and UTF-16 offsets.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::clean::Article;
use crate::people::People;
use crate::quotes::QuoteFound;
use crate::score::{Features, RoundingWeights, Scores};
use crate::sentences::SentenceSpan;
use crate::span::{TextSpan, Utf16Index};

/// Everything nutshell found in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The article's headline, when the text has one.
    pub title: Option<String>,
    /// The article's authors from its byline ("By Jane Smith"), never counted as people in the story.
    pub authors: Vec<String>,
    /// Every sentence of the article, in order, with its score.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the summary, in article order.
    pub summary: Vec<usize>,
    /// People in the story, most salient first.
    pub people: Vec<Person>,
    /// Direct quotes, in article order.
    pub quotes: Vec<Quote>,
    /// Site chrome that is not part of the article, with the reason it was removed.
    pub removed: Vec<Removed>,
}

/// One sentence of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The sentence and its offsets.
    pub span: TextSpan,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
    /// The weighted sum of the features: higher is more summary-worthy.
    pub score: f64,
    /// The feature values, each from 0 to 1.
    pub features: Features,
    /// Each feature's weighted contribution to `score`.
    pub contributions: Features,
}

/// A person in the story: every name and alias merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// The fullest form of the name ("Vladimir Putin").
    pub name: String,
    /// Other forms used in the text ("Putin"), without titles.
    pub aliases: Vec<String>,
    /// How many times the person is named (full name, surname, title + surname, possessive).
    pub mentions: usize,
    /// Role or title as the text states it ("Russian President"), when it does.
    pub role: Option<String>,
    /// UTF-8 offset of the first mention.
    pub first: usize,
    /// UTF-16 offset of the first mention.
    pub first16: usize,
    /// Offsets of every mention.
    pub spans: Vec<TextSpan>,
    /// The person's direct quotes.
    pub quotes: Vec<TextSpan>,
}

/// A direct quote and who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words (inside the quotation marks) and their offsets.
    pub span: TextSpan,
    /// Index into `people` of the speaker, or `None` when the text does not say who.
    pub speaker: Option<usize>,
    /// Index of the sentence where the quote starts.
    pub sentence: usize,
}

/// A stretch of the input that is not article text.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// The removed text and its offsets.
    pub span: TextSpan,
    /// Why it was removed ("navigation", "teaser", "byline", "advertisement", …).
    pub reason: String,
}

// Sentences, quotes and removed spans serialize their span's fields first, then their own, as one flat object
// (the CLI's JSON; the Wasm binding builds the same objects in `wasm.rs`). Written out rather than derived with
// `#[serde(flatten)]`, which goes through serde's map machinery.

impl Serialize for Sentence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Sentence", 9)?;
        self.span.serialize_fields(&mut fields)?;
        fields.serialize_field("paragraph", &self.paragraph)?;
        fields.serialize_field("score", &self.score)?;
        fields.serialize_field("features", &self.features)?;
        fields.serialize_field("contributions", &self.contributions)?;
        fields.end()
    }
}

impl Serialize for Quote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Quote", 7)?;
        self.span.serialize_fields(&mut fields)?;
        fields.serialize_field("speaker", &self.speaker)?;
        fields.serialize_field("sentence", &self.sentence)?;
        fields.end()
    }
}

impl Serialize for Removed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Removed", 6)?;
        self.span.serialize_fields(&mut fields)?;
        fields.serialize_field("reason", &self.reason)?;
        fields.end()
    }
}

/// The sentences of a text without scores: what `nutshell split` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segmentation {
    /// The article's headline, when the text has one.
    pub title: Option<String>,
    /// The sentences, in order.
    pub sentences: Vec<TextSpan>,
    /// Site chrome that is not part of the article.
    pub removed: Vec<Removed>,
}

/// The result's sentences, made one at a time from the scores, in order. The features move into them (never two
/// copies at once), and a caller can pass each sentence on before the next is made: the Wasm binding turns each
/// into a JavaScript object at once, so its linear memory never holds every sentence (27 MB for a 10 MB text) at
/// the same time.
pub(crate) struct SentenceBuilder<'a> {
    index: &'a Utf16Index<'a>,
    spans: std::slice::Iter<'a, SentenceSpan>,
    features: std::vec::IntoIter<Features>,
    totals: std::vec::IntoIter<f64>,
    weights: RoundingWeights,
    /// The text the spans copy their texts from: the input, or `""` for [`SpanTexts::Omitted`].
    texts_from: &'a str,
}

/// Whether the result's spans (sentences, mentions, quotes, removed runs) carry their texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanTexts {
    /// Each span holds a copy of its text: the Rust and CLI result.
    Included,
    /// Each span's text is empty and only its offsets are kept: for the Wasm binding, which slices every text out
    /// of the caller's own string. The copies would be most of the input again (10 MB of them for a 10 MB text),
    /// made and freed unread.
    #[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
    Omitted,
}

impl Iterator for SentenceBuilder<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        let s = self.spans.next()?;
        let (features, contributions) = self.features.next().unwrap_or_default().rounded(&self.weights);
        Some(Sentence {
            span: self.index.text_span(self.texts_from, s.span),
            paragraph: s.paragraph,
            score: round(self.totals.next().unwrap_or(0.0)),
            contributions,
            features,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.spans.size_hint()
    }
}

impl ExactSizeIterator for SentenceBuilder<'_> {}

impl SentenceBuilder<'_> {
    /// Writes the next sentence's numbers into `numbers`, as the Wasm binding hands them to JavaScript: its span's
    /// four offsets, paragraph, score, rounded features and contributions ([`crate::score::Features::write_rounded`]),
    /// the numbers of the [`Sentence`] [`Iterator::next`] would make, written in place. `false` after the last
    /// sentence.
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn write_numbers(&mut self, numbers: &mut [f64; SENTENCE_NUMBERS]) -> bool {
        let Some(s) = self.spans.next() else { return false };
        let [start, end, start16, end16, paragraph, score, features @ ..] = numbers;
        (*start, *end) = (s.span.start as f64, s.span.end as f64);
        (*start16, *end16) = (self.index.offset16(s.span.start) as f64, self.index.offset16(s.span.end) as f64);
        *paragraph = s.paragraph as f64;
        *score = round(self.totals.next().unwrap_or(0.0));
        self.features.next().unwrap_or_default().write_rounded(features, &self.weights);
        true
    }
}

/// The numbers of a sentence as the Wasm binding hands them over ([`SentenceBuilder::write_numbers`]): its span's
/// four offsets, paragraph, score, features and contributions.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) const SENTENCE_NUMBERS: usize = 6 + 2 * Features::NAMES.len();

/// The summary, its `sentences` left empty: `collect` takes them one by one (into the `Vec`
/// [`crate::summarize`] puts there, or the binding's JavaScript array). The article, the chosen indices and the
/// people are taken by value: they, the authors, names, aliases and roles move into the result rather than being
/// copied.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub(crate) fn assemble(
    text: &str,
    article: Article,
    sentences: &[SentenceSpan],
    scores: Scores,
    chosen: Vec<usize>,
    mut people: People,
    quotes: &[QuoteFound],
    texts: SpanTexts,
    collect: &mut dyn FnMut(SentenceBuilder<'_>),
) -> Summary {
    let index = Utf16Index::new(text);
    let (features, totals, weights) = scores.into_results();
    let texts_from = if texts == SpanTexts::Included { text } else { "" };
    collect(SentenceBuilder {
        texts_from,
        index: &index,
        spans: sentences.iter(),
        features: features.into_iter(),
        totals: totals.into_iter(),
        weights: RoundingWeights::new(&weights),
    });
    // How many quotes each person has, for the ranking and for the room of each person's list of quotes.
    let mut counts = vec![0usize; people.persons.len()];
    for q in quotes {
        if let Some(count) = q.speaker.and_then(|s| counts.get_mut(s)) {
            *count += 1;
        }
    }
    let order = crate::people::rank_people(&people, &counts, sentences);
    let mut people_out = Vec::with_capacity(order.len());
    for &id in &order {
        let Some(p) = people.persons.get_mut(id) else { continue };
        people_out.push(Person {
            name: std::mem::take(&mut p.name),
            aliases: std::mem::take(&mut p.aliases),
            mentions: p.mentions.len(),
            role: p.role.take(),
            first: p.first(),
            first16: index.offset16(p.first()),
            spans: p.mentions.iter().map(|&m| index.text_span(texts_from, m)).collect(),
            quotes: Vec::with_capacity(counts.get(id).copied().unwrap_or(0)),
        });
    }
    // Each person's place in the result, for the quotes' speakers, in the counts' list, no longer read.
    let mut rank = counts;
    for (position, &id) in order.iter().enumerate() {
        if let Some(place) = rank.get_mut(id) {
            *place = position;
        }
    }
    // Each quote goes to the result's list and, in text order, to its speaker's, which has room for it: one span
    // made for both, where the speakers' quotes were first grouped in a list of their own and each span made twice
    // (a corpus round: natively `assemble` 1.48M -> 1.26M; in V8 -86K, `assemble` +39K, the grouping's collect -43K,
    // `text_span` with the offsets it looks up -82K).
    let mut quotes_out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let span = index.text_span(texts_from, q.span);
        let speaker = q.speaker.and_then(|s| rank.get(s).copied());
        if let Some(person) = speaker.and_then(|place| people_out.get_mut(place)) {
            person.quotes.push(span.clone());
        }
        quotes_out.push(Quote { span, speaker, sentence: q.sentence });
    }
    Summary {
        title: article.title.map(|t| t.slice(text).to_string()),
        removed: removed(texts_from, &article, &index),
        authors: article.authors,
        sentences: Vec::new(),
        summary: chosen,
        people: people_out,
        quotes: quotes_out,
    }
}

pub(crate) fn assemble_segmentation(text: &str, article: &Article, sentences: &[SentenceSpan]) -> Segmentation {
    let index = Utf16Index::new(text);
    Segmentation {
        title: article.title.map(|t| t.slice(text).to_string()),
        sentences: sentences.iter().map(|s| index.text_span(text, s.span)).collect(),
        removed: removed(text, article, &index),
    }
}

fn removed(text: &str, article: &Article, index: &Utf16Index) -> Vec<Removed> {
    article
        .removed
        .iter()
        .map(|r| Removed { span: index.text_span(text, r.span), reason: r.reason.to_string() })
        .collect()
}

/// Scores rounded to 4 decimals, halves away from zero: stable JSON across platforms and easy to read. Not
/// inlined: its callers would each carry a copy ([`round_in_line`] is the copy for the one loop that rounds
/// every feature).
#[inline(never)]
pub(crate) fn round(x: f64) -> f64 {
    round_in_line(x)
}

/// [`round`], inlined where it is called: [`crate::score::Features::rounded`] rounds a dozen values a sentence,
/// twice, and the calls cost a third of the rounding.
///
/// By float arithmetic alone: `f64::round` is a call into the C library on x86-64 (whose rounding instruction
/// needs SSE4.1) and a library routine in the Wasm (whose `nearest` rounds halves to even). The same numbers as
/// `(x * 10_000.0).round() / 10_000.0`, signed zeros included; what is not finite becomes 0. The Wasm rounds with
/// its `trunc` instruction instead ([`round_by_trunc`]).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(crate) fn round_in_line(x: f64) -> f64 {
    /// From 2^52 on, every `f64` is a whole number, and adding 2^52 to a smaller one rounds it to one.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    let scaled = x * 10_000.0;
    let size = scaled.abs();
    // One test on the common path: what is not finite fails it too (a NaN compares false), and is told apart
    // only then.
    if size < WHOLE {
        // Rounded to the nearest whole number, halves to even; the difference is exact, and 0.5 only for a half
        // that went down, which goes up instead.
        let even = (size + WHOLE) - WHOLE;
        let away = if size - even == 0.5 { even + 1.0 } else { even };
        away.copysign(scaled) / 10_000.0
    } else if x.is_finite() {
        // Too large to have a fraction (or infinite once scaled).
        scaled / 10_000.0
    } else {
        0.0
    }
}

/// [`round_in_line`] in the Wasm, by its `trunc` instruction ([`round_by_trunc`]). The same numbers.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
pub(crate) fn round_in_line(x: f64) -> f64 {
    round_by_trunc(x)
}

/// Rounds as [`round_in_line`] does, with `f64::trunc` (the Wasm's `trunc`; natively a call, and only tested
/// there), with one test on the common path, for a NaN: a rounding by the Wasm's `nearest` needed a test for what
/// is not finite and one for halves, and each constant it compared with costs V8 instructions to make (by the
/// per-function count in V8, `score::round_each` 1.90M -> 1.32M a corpus round, Ir 1.74M -> 1.14M).
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn round_by_trunc(x: f64) -> f64 {
    let rounded = scaled_whole(x);
    if rounded.is_nan() {
        return if x.is_finite() { x * 10_000.0 / 10_000.0 } else { 0.0 };
    }
    rounded / 10_000.0
}

/// `x` × 10,000 rounded to a whole number, halves away from zero; a NaN when that is not finite.
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn scaled_whole(x: f64) -> f64 {
    let scaled = x * 10_000.0;
    // `whole - scaled` is minus the fraction (exact), so `scaled` less it is the whole part plus twice the fraction,
    // whose whole part is one more (away from zero) just when the fraction is a half or more; that difference may
    // be rounded, but never across a whole number. A difference, not `scaled + fraction`, so that -0 stays -0
    // (-0 + 0 is 0). Only what is not finite, or overflows once scaled, gives a NaN.
    let whole = scaled.trunc();
    (scaled - (whole - scaled)).trunc()
}

/// Four values rounded as [`round_in_line`] rounds each, for [`crate::score::Features::rounded`], with one test
/// for the four, by the sum of their sizes (under 2^52 only when each is; false for a NaN), where each had its own:
/// without a branch between them, LLVM rounds the four two at a time in SSE2's pairs of lanes.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(crate) fn round_four(values: [f64; 4]) -> [f64; 4] {
    /// From 2^52 on, every `f64` is a whole number, and adding 2^52 to a smaller one rounds it to one.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    let scaled = values.map(|x| x * 10_000.0);
    let sizes = scaled.map(f64::abs);
    if (sizes[0] + sizes[1]) + (sizes[2] + sizes[3]) < WHOLE {
        let mut rounded = [0.0; 4];
        for ((rounded, size), scaled) in rounded.iter_mut().zip(sizes).zip(scaled) {
            // As in `round_in_line`: to the nearest, halves to even, then a half that went down goes up; the sign
            // is `scaled`'s bit or-ed into `away`, which has none.
            let even = (size + WHOLE) - WHOLE;
            let away = if size - even == 0.5 { even + 1.0 } else { even };
            *rounded = f64::from_bits(away.to_bits() | scaled.to_bits() & (1 << 63)) / 10_000.0;
        }
        rounded
    } else {
        values.map(round_in_line)
    }
}

/// [`round_four`] in the Wasm ([`round_four_by_trunc`]).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
pub(crate) fn round_four(values: [f64; 4]) -> [f64; 4] {
    round_four_by_trunc(values)
}

/// Rounds four values as [`round_by_trunc`] rounds each, with one test for a NaN among their four whole numbers,
/// by their sum (a NaN only when one of them is: the others are finite), where each had its own (by the
/// per-function count in V8, `score::round_each` 1.32M -> 1.21M a corpus round; 75 B more gzip for the second
/// copy of the rounding, on the rare path: calls there made V8 keep fewer values in registers, 0.24M more).
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn round_four_by_trunc([a, b, c, d]: [f64; 4]) -> [f64; 4] {
    let wholes = [scaled_whole(a), scaled_whole(b), scaled_whole(c), scaled_whole(d)];
    if (wholes[0] + wholes[1] + wholes[2] + wholes[3]).is_nan() {
        return [round_by_trunc(a), round_by_trunc(b), round_by_trunc(c), round_by_trunc(d)];
    }
    [wholes[0] / 10_000.0, wholes[1] / 10_000.0, wholes[2] / 10_000.0, wholes[3] / 10_000.0]
}

#[cfg(test)]
mod tests {
    use super::round;
    use crate::{Options, Summary};

    /// Without texts, the summary is the same but for its spans' texts, which are empty: sentences, mentions,
    /// quotes and removed runs.
    #[test]
    fn spans_without_texts_keep_their_offsets() {
        let text = "Skip to content\n\nJane Smith, the mayor of Springfield, opened the bridge. \"It is a great day \
                    for the city,\" Smith said. Café owners cheered 😀.\n\nShare this article";
        let options = Options::default();
        let mut sentences = Vec::new();
        let mut bare = crate::summarize_with(text, &options, super::SpanTexts::Omitted, &mut |built| sentences = built.collect())
            .unwrap_or_else(|e| panic!("{e}"));
        bare.sentences = sentences;
        let mut full = crate::summarize(text, &options).unwrap_or_else(|e| panic!("{e}"));
        let take_texts = |summary: &mut Summary| {
            let spans = summary.sentences.iter_mut().map(|s| &mut s.span);
            let spans = spans.chain(summary.people.iter_mut().flat_map(|p| p.spans.iter_mut().chain(p.quotes.iter_mut())));
            let spans = spans.chain(summary.quotes.iter_mut().map(|q| &mut q.span));
            spans.chain(summary.removed.iter_mut().map(|r| &mut r.span)).map(|span| std::mem::take(&mut span.text)).collect::<String>()
        };
        assert!(take_texts(&mut bare).is_empty());
        assert!(!take_texts(&mut full).is_empty());
        assert!(!full.people.is_empty() && !full.quotes.is_empty() && !full.removed.is_empty());
        assert_eq!(bare, full);
    }

    /// The numbers the Wasm binding hands to JavaScript ([`super::SentenceBuilder::write_numbers`]) are the
    /// sentences' own: their offsets, paragraph and score, then the features and the contributions in the order of
    /// `Features::NAMES`.
    #[test]
    fn sentence_numbers_are_the_sentences() {
        let text = "Jane Smith, the mayor of Springfield, opened the bridge on Monday. \"It is a great day for the city,\" \
                    Smith said. Café owners cheered 😀.\n\nThe 45-year-old thanked 3,000 workers. What next?";
        let options = Options::default();
        let mut numbers = Vec::new();
        let mut sentence = [f64::NAN; super::SENTENCE_NUMBERS];
        crate::summarize_with(text, &options, super::SpanTexts::Omitted, &mut |mut built| {
            while built.write_numbers(&mut sentence) {
                numbers.extend_from_slice(&sentence);
            }
        })
            .unwrap_or_else(|e| panic!("{e}"));
        let summary = crate::summarize(text, &options).unwrap_or_else(|e| panic!("{e}"));
        let mut expected = Vec::new();
        for s in &summary.sentences {
            expected.extend([s.span.start, s.span.end, s.span.start16, s.span.end16, s.paragraph].map(|n| n as f64));
            expected.push(s.score);
            for features in [&s.features, &s.contributions] {
                let values = serde_json::to_value(features).unwrap_or_else(|e| panic!("{e}"));
                expected.extend(crate::Features::NAMES.iter().map(|name| values[*name].as_f64().unwrap_or(f64::NAN)));
            }
        }
        assert!(summary.sentences.len() > 2);
        assert_eq!(numbers.iter().map(|n| n.to_bits()).collect::<Vec<_>>(), expected.iter().map(|n| n.to_bits()).collect::<Vec<_>>());
    }

    /// The rounding is `f64::round`'s (halves away from zero) on halves, signed zeros, the largest exact
    /// integers and a spread of ordinary values; what is not finite becomes 0.
    #[test]
    fn round_is_f64_round_to_four_decimals() {
        let reference = |x: f64| (x * 10_000.0).round() / 10_000.0;
        let mut values = vec![
            0.0, -0.0, 1.0, -1.0, 0.5, 0.00005, -0.00005, 0.000049999, 0.00015, 0.12345, -0.12345, 0.99995, 2.5e-5,
            -2.5e-5, 2.5e-4, -2.5e-4, 1e-300, -1e-300, 5e-324, 450_359_962_737.049_6, 450_359_962_737.05, 1e12, -1e12,
            1e15, -1e15, 4.5e15, 1e300, f64::MAX, f64::MIN, 0.49999999999999994e-4, 0.5000000000000001e-4, 1.0 / 3.0,
            0.49999999999999994, -0.49999999999999994, 225_179_981_368.524_75, -225_179_981_368.524_75, 1.8e304, -1.8e304,
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push((seed >> 11) as f64 / (1u64 << 53) as f64 * 200.0 - 100.0);
            values.push(((seed >> 40) as f64 + 0.5) / 10_000.0);
            values.push(f64::from_bits(seed));
        }
        values.extend((0..20_000).map(|k| f64::from(k) * 0.00005 - 0.5));
        for &x in values.iter().filter(|x| x.is_finite()) {
            assert_eq!(round(x).to_bits(), reference(x).to_bits(), "{x:e}");
            assert_eq!(super::round_by_trunc(x).to_bits(), reference(x).to_bits(), "{x:e}");
        }
        let rounded = |x: f64| if x.is_finite() { reference(x) } else { 0.0 };
        for four in values.chunks_exact(4).chain([[1.0, f64::NAN, -0.0, 2.5e-5].as_slice(), &[f64::INFINITY, 1e300, -1e300, 0.5]]) {
            let four = [four[0], four[1], four[2], four[3]];
            assert_eq!(super::round_four_by_trunc(four).map(f64::to_bits), four.map(|x| rounded(x).to_bits()), "{four:?}");
            assert_eq!(super::round_four(four).map(f64::to_bits), four.map(|x| rounded(x).to_bits()), "{four:?}");
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(round(x).to_bits(), 0.0f64.to_bits(), "{x}");
            assert_eq!(super::round_by_trunc(x).to_bits(), 0.0f64.to_bits(), "{x}");
        }
    }
}
