//! Splits a phrase into words, numbers and punctuation in one left-to-right pass.
//!
//! Markup left over from Word/PDF extraction (`<ul style="...">`, `&amp;`) is dropped here so
//! the grammar never sees it.

use super::vocabulary::Word;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    Word,
    /// Digits, with "st"/"nd"/"rd"/"th" attached when written ("1st").
    Number {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    /// `-`, en and em dashes.
    Dash,
    Slash,
    Dot,
    Comma,
    /// `&`, `+`, `;`: list separators.
    Amp,
    Apostrophe,
    Open,
    Close,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub tok: Tok,
    pub text: &'a str,
    /// Byte offsets in the phrase.
    pub start: usize,
    pub end: usize,
    /// Whether whitespace precedes the token ("Nov-13" vs "Nov - 13").
    pub spaced: bool,
    /// Which word of the grammar a word or number is (compared without case), looked up
    /// once here; [`Word::NONE`] for other text, for long and for non-ASCII text.
    pub word: Word,
}

/// Longest text looked up in the vocabulary: no word of the grammar is longer.
pub(super) const KEY_LENGTH: usize = 15;

/// The vocabulary's word for `text`, compared in ASCII lower case.
fn word_of(text: &str) -> Word {
    let mut key = [0; KEY_LENGTH];
    if text.len() > KEY_LENGTH || !text.is_ascii() {
        return Word::NONE;
    }
    for (slot, byte) in key.iter_mut().zip(text.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    Word::lookup(key.get(..text.len()).unwrap_or_default())
}

impl Token<'_> {
    /// Whether the token is this word (and a word, not a number).
    pub fn is(&self, word: Word) -> bool {
        self.word == word && matches!(self.tok, Tok::Word)
    }

    /// Whether the token is one of these words.
    pub fn is_any(&self, words: &[Word]) -> bool {
        matches!(self.tok, Tok::Word) && words.contains(&self.word)
    }

    pub fn number(&self) -> Option<(u32, u8, bool)> {
        match self.tok {
            Tok::Number {
                value,
                digits,
                ordinal,
            } => Some((value, digits, ordinal)),
            _ => None,
        }
    }
}

/// Whitespace as `char::is_whitespace` has it, for one byte of ASCII.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The tokens of `text`, in one pass over its bytes: ASCII (almost every byte of a plan) is
/// classified by the byte, other characters are decoded where they start.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(8);
    let mut spaced = false;
    // Position of the next '>' at or after the cursor, searched for at the first '<':
    // `Some(None)` once there is none left, which keeps tag skipping linear however many
    // '<' the text holds.
    let mut next_close: Option<Option<usize>> = None;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let start = at;
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        let mut end = start + c.len_utf8();
        at = end;
        if (byte.is_ascii() && is_ascii_space(byte)) || (!byte.is_ascii() && c.is_whitespace()) {
            spaced = true;
            continue;
        }
        let tok = if byte.is_ascii_alphabetic() || (!byte.is_ascii() && c.is_alphabetic()) {
            end = word_end(text, end);
            Tok::Word
        } else if byte.is_ascii_digit() {
            let mut value = u32::from(byte - b'0');
            let mut digits: u8 = 1;
            while let Some(&next) = bytes.get(end).filter(|next| next.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(next - b'0'));
                digits = digits.saturating_add(1);
                end += 1;
            }
            let ordinal = ordinal_suffix(text.get(end..).unwrap_or(""));
            if ordinal {
                end += 2;
            }
            Tok::Number {
                value,
                digits,
                ordinal,
            }
        } else {
            match c {
                '<' => {
                    if next_close.is_none_or(|close| close.is_some_and(|close| close < start)) {
                        next_close = Some(
                            text.get(start..)
                                .and_then(|rest| rest.find('>'))
                                .map(|found| found + start),
                        );
                    }
                    if let Some(Some(close)) = next_close {
                        at = close + 1;
                        spaced = true;
                        continue;
                    }
                    Tok::Other
                }
                '&' => {
                    let rest = text.get(end..).unwrap_or("");
                    let entity = ["amp;", "nbsp;"].into_iter().find(|entity| {
                        rest.get(..entity.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(entity))
                    });
                    end += entity.map_or(0, str::len);
                    if entity == Some("nbsp;") {
                        at = end;
                        spaced = true;
                        continue;
                    }
                    Tok::Amp
                }
                '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Tok::Dash,
                '/' | '\\' => Tok::Slash,
                '.' => Tok::Dot,
                ',' => Tok::Comma,
                '+' | ';' => Tok::Amp,
                '\'' | '\u{2018}' | '\u{2019}' | '`' => Tok::Apostrophe,
                '(' | '[' | '{' => Tok::Open,
                ')' | ']' | '}' => Tok::Close,
                _ => Tok::Other,
            }
        };
        at = end;
        let token_text = text.get(start..end).unwrap_or("");
        let word = match tok {
            Tok::Word | Tok::Number { .. } => word_of(token_text),
            _ => Word::NONE,
        };
        tokens.push(Token {
            tok,
            text: token_text,
            start,
            end,
            spaced,
            word,
        });
        spaced = false;
    }
    tokens
}

/// Where a word that starts before `at` ends: letters, in any script.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if !byte.is_ascii_alphabetic() {
                break;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphabetic() => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

fn ordinal_suffix(rest: &str) -> bool {
    // Most numbers are followed by a space, a dash or a slash, not by a letter of a suffix.
    if !matches!(
        rest.as_bytes().first(),
        Some(b's' | b'n' | b'r' | b't' | b'S' | b'N' | b'R' | b'T')
    ) {
        return false;
    }
    let Some(suffix) = rest.get(..2) else {
        return false;
    };
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s))
        && !rest
            .get(2..)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokenize(text).iter().map(|token| token.tok).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        let tokens = tokenize("1st April 2017 – Nov-13");
        let texts: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        assert_eq!(texts, ["1st", "April", "2017", "–", "Nov", "-", "13"]);
        assert_eq!(
            tokens.first().map(|t| t.tok),
            Some(Tok::Number {
                value: 1,
                digits: 1,
                ordinal: true
            })
        );
        assert!(!tokens.get(5).is_some_and(|t| t.spaced));
    }

    #[test]
    fn reads_letters_and_spaces_of_any_script() {
        let tokens = tokenize("Ä\u{a0}1st\u{2013}2nd\u{b}märz Sept");
        let texts: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        assert_eq!(texts, ["Ä", "1st", "\u{2013}", "2nd", "märz", "Sept"]);
        let spaced: Vec<bool> = tokens.iter().map(|token| token.spaced).collect();
        assert_eq!(spaced, [false, true, false, false, true, true]);
        // Non-ASCII text is no word of the grammar; "Sept" is, in any case.
        assert_eq!(tokens.get(4).map(|t| t.word), Some(Word::NONE));
        assert_eq!(tokens.get(5).map(|t| t.word), Some(Word::lookup(b"sept")));
    }

    #[test]
    fn drops_markup() {
        assert_eq!(
            kinds("<ul style=\"x\"> Sept 2008 </ul>"),
            [
                Tok::Word,
                Tok::Number {
                    value: 2008,
                    digits: 4,
                    ordinal: false
                }
            ]
        );
        assert_eq!(
            kinds("a &amp; b&nbsp;c"),
            [Tok::Word, Tok::Amp, Tok::Word, Tok::Word]
        );
        assert_eq!(kinds("a < b"), [Tok::Word, Tok::Other, Tok::Word]);
    }
}
