//! Folding text for phrase matching while keeping byte spans of the original.
//!
//! Plans come from Word, PDF and spreadsheets: case varies, hyphens and line breaks split
//! phrases ("out-of-school", "Channel\nPanel", "multi agency"), and apostrophes are curly.
//! Matching runs on a folded copy; every folded byte remembers the original character it
//! came from, so a match maps back to a span of the text as written.

/// Text folded for matching: lower case, one space for any run of whitespace, hyphens or
/// dashes, straight apostrophes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`: start and end byte of the original character it came from.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        if original.is_ascii() {
            return Folded::new_ascii(original);
        }
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
        };
        for (start, character) in original.char_indices() {
            let end = start + character.len_utf8();
            if is_separator(character) {
                if folded.text.ends_with(' ') {
                    // Widen the pending space to cover the whole run.
                    if let Some(last) = folded.origin.last_mut() {
                        last.1 = end;
                    }
                } else {
                    folded.push(' ', start, end);
                }
                continue;
            }
            match character {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => folded.push('\'', start, end),
                _ if character.is_ascii() => {
                    folded.push(character.to_ascii_lowercase(), start, end)
                }
                _ => {
                    for lower in character.to_lowercase() {
                        folded.push(lower, start, end);
                    }
                }
            }
        }
        folded
    }

    /// The common case, byte by byte: most plan text is plain ASCII.
    fn new_ascii(original: &str) -> Folded {
        let mut text = Vec::with_capacity(original.len());
        let mut origin: Vec<(usize, usize)> = Vec::with_capacity(original.len());
        for (start, byte) in original.bytes().enumerate() {
            let end = start + 1;
            if byte.is_ascii_whitespace() || matches!(byte, b'-' | b'_' | b'\x0b') {
                match (text.last(), origin.last_mut()) {
                    (Some(b' '), Some(last)) => last.1 = end,
                    _ => {
                        text.push(b' ');
                        origin.push((start, end));
                    }
                }
            } else {
                text.push(if byte == b'`' {
                    b'\''
                } else {
                    byte.to_ascii_lowercase()
                });
                origin.push((start, end));
            }
        }
        Folded {
            text: String::from_utf8(text).unwrap_or_default(),
            origin,
        }
    }

    fn push(&mut self, character: char, start: usize, end: usize) {
        self.text.push(character);
        for _ in 0..character.len_utf8() {
            self.origin.push((start, end));
        }
    }

    /// The original byte span of the folded bytes `start..end` (a non-empty match).
    pub fn original_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.origin.get(start)?;
        let last = self.origin.get(end.checked_sub(1)?)?;
        Some((first.0, last.1))
    }

    /// Whether `start..end` of the folded text is a whole word or phrase: no letter or
    /// digit joins it on either side.
    pub fn is_whole_word(&self, start: usize, end: usize) -> bool {
        let before = self
            .text
            .get(..start)
            .and_then(|text| text.chars().next_back());
        let after = self.text.get(end..).and_then(|text| text.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// Folds a profile phrase the same way as the text it is matched against.
pub fn fold_phrase(phrase: &str) -> String {
    Folded::new(phrase.trim()).text
}

/// Characters that only separate words: whitespace, hyphens and dashes. "Out-of-school",
/// "out of school" and "out of\nschool" fold alike.
fn is_separator(character: char) -> bool {
    character.is_whitespace()
        || matches!(character, '-' | '\u{2010}'..='\u{2015}' | '\u{00AD}' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_separators_and_apostrophes() {
        let folded = Folded::new("Out-of-School  Settings\nfor Children\u{2019}s");
        assert_eq!(folded.text, "out of school settings for children's");
    }

    #[test]
    fn spans_map_back_to_the_original_text() {
        let original = "Deliver \u{2018}WRAP\u{2019} to front-line\n staff";
        let folded = Folded::new(original);
        let start = folded.text.find("front line staff").unwrap_or_default();
        let span = folded.original_span(start, start + "front line staff".len());
        assert_eq!(
            span.and_then(|(start, end)| original.get(start..end)),
            Some("front-line\n staff")
        );
        let wrap = folded.text.find("wrap").unwrap_or_default();
        assert_eq!(
            folded
                .original_span(wrap, wrap + 4)
                .and_then(|(s, e)| original.get(s..e)),
            Some("WRAP")
        );
    }

    #[test]
    fn word_boundaries() {
        let folded = Folded::new("Channel panels; trainee");
        assert!(folded.is_whole_word(0, 7));
        assert!(!folded.is_whole_word(8, 13));
        assert!(!folded.is_whole_word(16, 21));
    }

    #[test]
    fn non_ascii_case_folding_keeps_spans() {
        let original = "ÉCOLE Prevent";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "école prevent");
        let start = folded.text.find("prevent").unwrap_or_default();
        assert_eq!(folded.original_span(start, start + 7), Some((7, 14)));
    }

    #[test]
    fn the_ascii_fast_path_folds_like_the_general_one() {
        let ascii = "Out-of-School \t Settings_for `Children' \x0b WRAP";
        let general = format!("{ascii}\u{e9}");
        let fast = Folded::new(ascii);
        let slow = Folded::new(&general);
        assert_eq!(slow.text.strip_suffix('\u{e9}'), Some(fast.text.as_str()));
        assert_eq!(
            slow.origin.get(..fast.origin.len()),
            Some(fast.origin.as_slice())
        );
    }
}
