//! Splits a phrase into words, numbers and punctuation in one left-to-right pass.
//!
//! Markup left over from Word/PDF extraction (`<ul style="...">`, `&amp;`) is dropped here so
//! the grammar never sees it.

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
    /// The text in ASCII lower case, computed once: every keyword comparison is then a plain
    /// byte comparison. Empty for long or non-ASCII text, which matches no keyword.
    key: Key,
}

const KEY_LENGTH: usize = 15;

#[derive(Debug, Clone, Copy)]
struct Key {
    bytes: [u8; KEY_LENGTH],
    len: u8,
}

impl Key {
    fn new(text: &str) -> Key {
        let mut key = Key {
            bytes: [0; KEY_LENGTH],
            len: 0,
        };
        if text.len() <= KEY_LENGTH && text.is_ascii() {
            for (slot, byte) in key.bytes.iter_mut().zip(text.bytes()) {
                *slot = byte.to_ascii_lowercase();
            }
            key.len = text.len() as u8;
        }
        key
    }
}

impl Token<'_> {
    /// Whether the token is this (lower-case) word.
    pub fn is_word(&self, word: &str) -> bool {
        matches!(self.tok, Tok::Word) && self.key_is(word)
    }

    /// The token's text in ASCII lower case; empty for long or non-ASCII text.
    pub fn key_bytes(&self) -> &[u8] {
        self.key
            .bytes
            .get(..usize::from(self.key.len))
            .unwrap_or(&[])
    }

    /// Whether the token's key is this (lower-case) word. Length and first byte settle
    /// almost every comparison against the phrase tables without a call to `memcmp`.
    pub fn key_is(&self, word: &str) -> bool {
        let word = word.as_bytes();
        match (word, self.key.bytes) {
            _ if usize::from(self.key.len) != word.len() => false,
            ([first, ..], [own, ..]) if *first != own => false,
            _ => self.key.bytes.get(..word.len()) == Some(word),
        }
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

pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut spaced = false;
    // Position of the next '>' at or after the cursor; `None` once there is none left, which
    // keeps tag skipping linear however many '<' the text holds.
    let mut next_close: Option<usize> = text.find('>');
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        let tok = if c.is_alphabetic() {
            while let Some(&(at, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            Tok::Word
        } else if c.is_ascii_digit() {
            let mut value = c.to_digit(10).unwrap_or(0);
            let mut digits: u8 = 1;
            while let Some(&(at, next)) = chars.peek() {
                let Some(digit) = next.to_digit(10).filter(|_| next.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(digit);
                digits = digits.saturating_add(1);
                end = at + 1;
                chars.next();
            }
            let ordinal = ordinal_suffix(text.get(end..).unwrap_or(""));
            if ordinal {
                end += 2;
                chars.next();
                chars.next();
            }
            Tok::Number {
                value,
                digits,
                ordinal,
            }
        } else {
            match c {
                '<' => {
                    if next_close.is_some_and(|close| close < start) {
                        next_close = text
                            .get(start..)
                            .and_then(|rest| rest.find('>'))
                            .map(|at| at + start);
                    }
                    if let Some(close) = next_close {
                        while chars.peek().is_some_and(|&(at, _)| at <= close) {
                            chars.next();
                        }
                        spaced = true;
                        continue;
                    }
                    Tok::Other
                }
                '&' => {
                    let rest = text.get(end..).unwrap_or("");
                    for entity in ["amp;", "nbsp;"] {
                        if rest
                            .get(..entity.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(entity))
                        {
                            for _ in 0..entity.len() {
                                chars.next();
                            }
                            end += entity.len();
                        }
                    }
                    if text
                        .get(start..end)
                        .is_some_and(|all| all.len() > 5 && all.ends_with("nbsp;"))
                    {
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
        let token_text = text.get(start..end).unwrap_or("");
        let key = match tok {
            Tok::Word | Tok::Number { .. } => Key::new(token_text),
            _ => Key::new(""),
        };
        tokens.push(Token {
            tok,
            text: token_text,
            start,
            end,
            spaced,
            key,
        });
        spaced = false;
    }
    tokens
}

fn ordinal_suffix(rest: &str) -> bool {
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
