//! The plan's text read once: every text field cut into word tokens in one pass, each
//! with its byte span in the field, the hash of its folded form, its shape and what
//! separates it from the word before.
//!
//! Consumers (coverage phrases, personal data, status cues) compare hashes of folded words
//! instead of folding, lower-casing or splitting the text again, and vocabularies are
//! hashed by the compiler ([`hash_word`] is a `const fn`).
//!
//! Plans come from Word, PDF and spreadsheets: case varies, hyphens and line breaks split
//! phrases ("out-of-school", "Channel\nPanel") and apostrophes are curly. A word is a
//! maximal run of letters and digits; folding lower-cases it and straightens apostrophes
//! (which are never part of a word), and every run of whitespace, hyphens or dashes counts
//! as one separator.

mod plan;

pub use plan::{ActionText, Field, FieldList, PlanText, SectionText};

/// A word of a text: its byte span in the text as written, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// [`hash_word`] of the folded word.
    pub hash: u64,
    pub shape: Shape,
    /// What separates it from the token before ([`Gap::Start`] for the first one).
    pub gap: Gap,
}

impl Token {
    /// The byte span as `usize`s, for slicing the text.
    pub fn span(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No capitals ("training", "2019a").
    Lower,
    /// One capital, first ("Channel", "A").
    Capitalised,
    /// Two or more capitals and no lower-case letter ("WRAP", "CTLP").
    Capitals,
    /// Only digits ("2019").
    Digits,
    /// Any other mix ("SPoC", "eLearning", "WRAPs").
    Mixed,
}

/// What lies between a token and the one before it, the strongest kind present
/// (punctuation over a line break over a hyphen over a space).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// The first token of the text.
    Start,
    /// Only spaces and other whitespace within a line.
    Space,
    /// Hyphens, dashes or underscores, with or without whitespace ("out-of-school").
    Hyphen,
    /// A line break, perhaps with other separators.
    LineBreak,
    /// Anything else: punctuation, an apostrophe, a symbol.
    Punctuation,
}

impl Gap {
    /// Whether the gap only separates words: it folds to one space.
    pub fn is_separator(self) -> bool {
        matches!(self, Gap::Space | Gap::Hyphen | Gap::LineBreak)
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The 64-bit FNV-1a hash of `bytes`: of a folded word, the hash its tokens carry.
pub const fn hash_word(bytes: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut index = 0;
    while index < bytes.len() {
        // `bytes[index]` is in bounds (index < len), and const fn cannot use `get`'s Option here.
        #[allow(clippy::indexing_slicing)]
        let byte = bytes[index];
        hash = (hash ^ byte as u64).wrapping_mul(FNV_PRIME);
        index += 1;
    }
    hash
}

/// Apostrophes, which fold to `'`: typographic ones, the modifier letter (a letter to
/// Unicode, but an apostrophe in pasted text) and the backtick.
fn is_apostrophe(character: char) -> bool {
    matches!(character, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`')
}

/// Whether a character belongs to a word: letters and digits, apostrophes excepted.
pub fn is_word_char(character: char) -> bool {
    if character.is_ascii() {
        character.is_ascii_alphanumeric()
    } else {
        character.is_alphanumeric() && !is_apostrophe(character)
    }
}

/// Characters that only separate words: whitespace, hyphens, dashes and underscores.
pub fn is_separator(character: char) -> bool {
    character.is_whitespace()
        || matches!(character, '-' | '\u{2010}'..='\u{2015}' | '\u{00AD}' | '_')
}

fn is_line_break(character: char) -> bool {
    matches!(
        character,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A character folded for comparison: lower case for the Latin, Greek and Cyrillic
/// alphabets (what plans are written in; other scripts are kept as they are), apostrophes
/// straight. Small ranges rather than Unicode's case tables, which are large in the module.
pub fn fold_char(character: char) -> char {
    if character.is_ascii() {
        return if character == '`' {
            '\''
        } else {
            character.to_ascii_lowercase()
        };
    }
    let code = u32::from(character);
    let even = code % 2 == 0;
    let lower = match code {
        0x2018 | 0x2019 | 0x02BC => u32::from('\''),
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x130 => u32::from('i'),
        0x100..=0x137 | 0x14A..=0x177 if even => code + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => code + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 63,
        0x391..=0x3AB if code != 0x3A2 => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => code + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if !even => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(character)
}

/// Whether a character is a capital letter (of the alphabets [`fold_char`] folds).
pub fn is_capital(character: char) -> bool {
    character.is_ascii_uppercase()
        || (!character.is_ascii() && !is_apostrophe(character) && fold_char(character) != character)
}

/// The folded characters of `text` with the byte span of the text each stands for: every
/// run of separators is one space.
pub fn fold_spans(text: &str) -> impl Iterator<Item = (char, usize, usize)> + '_ {
    let mut characters = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, character) = characters.next()?;
        let mut end = start + character.len_utf8();
        if !is_separator(character) {
            return Some((fold_char(character), start, end));
        }
        while let Some(&(next_start, next)) = characters.peek() {
            if !is_separator(next) {
                break;
            }
            end = next_start + next.len_utf8();
            characters.next();
        }
        Some((' ', start, end))
    })
}

/// `text` folded: [`fold_char`] for every character, one space for a run of separators.
pub fn fold(text: &str) -> String {
    if !text.is_ascii() {
        return fold_spans(text)
            .map(|(character, _, _)| character)
            .collect();
    }
    // Byte by byte: profile phrases are ASCII, and the first check folds hundreds of them.
    let mut folded = Vec::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_whitespace() || matches!(byte, b'-' | b'_' | b'\x0b') {
            if folded.last() != Some(&b' ') {
                folded.push(b' ');
            }
        } else {
            folded.push(if byte == b'`' {
                b'\''
            } else {
                byte.to_ascii_lowercase()
            });
        }
    }
    String::from_utf8(folded).unwrap_or_default()
}

/// The state of [`tokenize`]: the word being read, and the gap before it.
struct Scanner<'t> {
    tokens: &'t mut Vec<Token>,
    in_word: bool,
    start: usize,
    hash: u64,
    capitals: u32,
    lower: u32,
    digits: u32,
    first_capital: bool,
    gap: Gap,
    seen_word: bool,
}

impl Scanner<'_> {
    #[inline(always)]
    fn begin(&mut self, index: usize) {
        if !self.in_word {
            self.in_word = true;
            self.start = index;
            self.hash = FNV_OFFSET;
            (self.capitals, self.lower, self.digits) = (0, 0, 0);
            self.first_capital = false;
        }
    }

    #[inline(always)]
    fn count_capital(&mut self) {
        self.first_capital |= self.capitals == 0 && self.lower == 0 && self.digits == 0;
        self.capitals += 1;
    }

    #[inline(always)]
    fn hash_byte(&mut self, byte: u8) {
        self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
    }

    /// Reads the run of ASCII letters and digits at `index` into the word being read (the
    /// common case: one tight loop, the counts and hash in locals), and returns where the
    /// run ends.
    #[inline(always)]
    fn ascii_run(&mut self, bytes: &[u8], mut index: usize) -> usize {
        self.begin(index);
        if bytes.get(index).is_some_and(u8::is_ascii_uppercase) {
            self.first_capital |= self.capitals == 0 && self.lower == 0 && self.digits == 0;
        }
        let (mut hash, mut capitals, mut lower, mut digits) =
            (self.hash, self.capitals, self.lower, self.digits);
        while let Some(&byte) = bytes.get(index) {
            match byte {
                b'0'..=b'9' => digits += 1,
                b'A'..=b'Z' => capitals += 1,
                b'a'..=b'z' => lower += 1,
                _ => break,
            }
            hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            index += 1;
        }
        (self.hash, self.capitals, self.lower, self.digits) = (hash, capitals, lower, digits);
        index
    }

    /// Adds any other letter or digit to the word being read.
    fn letter(&mut self, index: usize, character: char) {
        self.begin(index);
        let folded = fold_char(character);
        if character.is_numeric() {
            self.digits += 1;
        } else if folded != character {
            self.count_capital();
        } else {
            self.lower += 1;
        }
        let mut buffer = [0; 4];
        for byte in folded.encode_utf8(&mut buffer).bytes() {
            self.hash_byte(byte);
        }
    }

    /// Ends the word being read, if any, at `index`, and adds a character of the gap after it.
    #[inline(always)]
    fn gap(&mut self, index: usize, kind: Gap) {
        if self.in_word {
            self.finish(index);
            self.gap = Gap::Space;
        }
        if self.seen_word {
            self.gap = self.gap.max(kind);
        }
    }

    fn finish(&mut self, end: usize) {
        let shape = match (self.capitals, self.lower) {
            (0, 0) if self.digits > 0 => Shape::Digits,
            (0, _) => Shape::Lower,
            (1, _) if self.first_capital => Shape::Capitalised,
            (_, 0) if self.capitals >= 2 => Shape::Capitals,
            _ => Shape::Mixed,
        };
        // Texts are at most `MAX_INPUT_BYTES` (16 MB), so byte offsets fit in 32 bits.
        self.tokens.push(Token {
            start: u32::try_from(self.start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
            hash: self.hash,
            shape,
            gap: self.gap,
        });
        self.in_word = false;
        self.seen_word = true;
    }
}

/// The kind of gap a character that is not part of a word makes.
fn gap_kind(character: char) -> Gap {
    if !is_separator(character) {
        Gap::Punctuation
    } else if is_line_break(character) {
        Gap::LineBreak
    } else if character.is_whitespace() {
        Gap::Space
    } else {
        Gap::Hyphen
    }
}

/// Appends the tokens of `text` to `tokens`, in one pass over its characters: ASCII byte
/// by byte, other characters decoded.
pub fn tokenize(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut scanner = Scanner {
        tokens,
        in_word: false,
        start: 0,
        hash: FNV_OFFSET,
        capitals: 0,
        lower: 0,
        digits: 0,
        first_capital: false,
        gap: Gap::Start,
        seen_word: false,
    };
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte.is_ascii_alphanumeric() {
            index = scanner.ascii_run(bytes, index);
            continue;
        }
        if byte.is_ascii() {
            let kind = match byte {
                b' ' | b'\t' => Gap::Space,
                b'\n' | b'\r' | b'\x0b' | b'\x0c' => Gap::LineBreak,
                b'-' | b'_' => Gap::Hyphen,
                _ => Gap::Punctuation,
            };
            scanner.gap(index, kind);
            index += 1;
            continue;
        }
        let character = text
            .get(index..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(' ');
        if is_word_char(character) {
            scanner.letter(index, character);
        } else {
            scanner.gap(index, gap_kind(character));
        }
        index += character.len_utf8();
    }
    if scanner.in_word {
        scanner.finish(text.len());
    }
}

/// The tokens of `text`, for callers that read one text on its own.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Shape, Gap)> {
        tokens(text)
            .iter()
            .map(|token| {
                let (start, end) = token.span();
                (
                    text.get(start..end).unwrap_or_default(),
                    token.shape,
                    token.gap,
                )
            })
            .collect()
    }

    #[test]
    fn cuts_words_with_shapes_and_gaps() {
        assert_eq!(
            words("Deliver WRAP to front-line\nstaff, SPoC 2019"),
            [
                ("Deliver", Shape::Capitalised, Gap::Start),
                ("WRAP", Shape::Capitals, Gap::Space),
                ("to", Shape::Lower, Gap::Space),
                ("front", Shape::Lower, Gap::Space),
                ("line", Shape::Lower, Gap::Hyphen),
                ("staff", Shape::Lower, Gap::LineBreak),
                ("SPoC", Shape::Mixed, Gap::Punctuation),
                ("2019", Shape::Digits, Gap::Space),
            ]
        );
    }

    #[test]
    fn folds_the_alphabets_plans_are_written_in_and_keeps_the_rest() {
        // Welsh circumflexes, Turkish dotted capital I, Greek and Cyrillic fold to lower case;
        // the Kelvin sign and other scripts are kept as written (no Unicode case tables).
        let folded: String = "\u{174}\u{176}\u{130}\u{3a3}\u{416}\u{212a}\u{10400}"
            .chars()
            .map(fold_char)
            .collect();
        assert_eq!(folded, "\u{175}\u{177}i\u{3c3}\u{436}\u{212a}\u{10400}");
        // The modifier letter apostrophe (pasted for ’) separates words like any apostrophe.
        let spans: Vec<&str> = words("Children\u{2bc}s homes")
            .iter()
            .map(|(word, _, _)| *word)
            .collect();
        assert_eq!(spans, ["Children", "s", "homes"]);
        assert_eq!(
            words("\u{130}stanbul")[0].1,
            Shape::Capitalised,
            "a folded capital counts as one"
        );
    }

    #[test]
    fn hashes_folded_words() {
        let hashes: Vec<u64> = tokens("\u{c9}COLE Children\u{2019}s")
            .iter()
            .map(|token| token.hash)
            .collect();
        assert_eq!(
            hashes,
            [
                hash_word("\u{e9}cole".as_bytes()),
                hash_word(b"children"),
                hash_word(b"s")
            ]
        );
        assert_eq!(
            tokens("children\u{2bc}s").len(),
            2,
            "the modifier apostrophe splits words"
        );
    }

    #[test]
    fn folds_latin_greek_and_cyrillic_capitals() {
        assert_eq!(
            fold("\u{c0}\u{160}\u{178} \u{394}\u{386} \u{414}\u{401}"),
            "\u{e0}\u{161}\u{ff} \u{3b4}\u{3ac} \u{434}\u{451}"
        );
        assert!(is_capital('\u{160}') && !is_capital('\u{161}') && !is_capital('\u{2019}'));
        for character in ['\u{d7}', '\u{df}', '\u{149}', '\u{3a2}'] {
            assert_eq!(fold_char(character), character);
        }
    }

    #[test]
    fn the_ascii_fold_folds_like_the_general_one() {
        let ascii = "Out-of-School \t Settings_for `Children' \x0b WRAP";
        assert_eq!(fold(ascii), "out of school settings for 'children' wrap");
        assert_eq!(
            fold(&format!("{ascii}\u{e9}")),
            format!("{}\u{e9}", fold(ascii))
        );
    }

    #[test]
    fn fold_spans_cover_runs_of_separators() {
        let spans: Vec<(char, usize, usize)> = fold_spans("a -\n\u{2019}").collect();
        assert_eq!(spans, [('a', 0, 1), (' ', 1, 4), ('\'', 4, 7)]);
    }
}
