//! The JSON reading of [`super::plan`]: a cursor over the text that reads exactly what
//! serde_json reads the same way.
//!
//! Reading strictly (the fast path), it answers `None` for anything it is not sure of (a
//! syntax error, a lone surrogate, a number near the edge of `f64`, nesting near the depth
//! limit), so that the caller hands the text to serde_json instead. Reading leniently (a
//! text serde_json has already read), it reads what serde reads from the `Value`: of a key
//! given more than once, only the last value counts.

use std::borrow::Cow;

use crate::limits::MAX_CELL_CHARS;

/// Levels a skipped value (a milestone's `parsed`) may nest. With the seven levels a plan
/// has above it, this stays far inside serde_json's limit ([`crate::limits::MAX_DEPTH`]),
/// whose exact edge only serde_json itself reports.
const MAX_SKIPPED_DEPTH: usize = 32;

/// Longest number skipped: short enough that, without an exponent, it is always within
/// `f64`'s range, where serde_json reports "number out of range".
const MAX_NUMBER_BYTES: usize = 100;

pub(super) struct Cursor<'a> {
    text: &'a str,
    position: usize,
    lenient: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`; `lenient` when serde_json has read the text.
    pub(super) fn new(text: &'a str, lenient: bool) -> Self {
        Cursor {
            text,
            position: 0,
            lenient,
        }
    }

    pub(super) fn lenient(&self) -> bool {
        self.lenient
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn skip_whitespace(&mut self) {
        // JSON's four whitespace bytes, as serde_json skips them (no BOM, no other spaces).
        while matches!(
            self.bytes().get(self.position),
            Some(b' ' | b'\n' | b'\r' | b'\t')
        ) {
            self.position += 1;
        }
    }

    /// The first byte of the next value or punctuation, not consumed. Compact JSON (what
    /// `JSON.stringify` writes) has no whitespace: the byte at the cursor is looked at first.
    pub(super) fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.position) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => {
                self.skip_whitespace();
                self.bytes().get(self.position).copied()
            }
            byte => byte.copied(),
        }
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.position += 1;
        Some(byte)
    }

    /// Consumes `byte` if it comes next.
    fn expect(&mut self, byte: u8) -> Option<()> {
        if self.peek()? != byte {
            return None;
        }
        self.position += 1;
        Some(())
    }

    /// Whether nothing but whitespace is left.
    pub(super) fn at_end(&mut self) -> bool {
        self.skip_whitespace();
        self.position == self.text.len()
    }

    /// Reads an object, handing each key to `member`, which reads the value.
    ///
    /// `dyn`, as in [`Cursor::array`], so that the module carries one copy of the loop
    /// rather than one per kind of object.
    pub(super) fn object(
        &mut self,
        member: &mut dyn FnMut(&mut Self, &str) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            self.position += 1;
            return Some(());
        }
        // Keys whose last value could not be read (lenient reading only).
        let mut failed: Vec<Cow<'a, str>> = Vec::new();
        loop {
            let key = self.str()?;
            self.expect(b':')?;
            let value = self.position;
            match member(self, &key) {
                Some(()) => failed.retain(|other| *other != key),
                None if self.lenient => {
                    // A `Value` keeps the last of repeated keys: a value that cannot be read
                    // fails the object only if no later one replaces it.
                    self.position = value;
                    self.skip_value(0)?;
                    if !failed.contains(&key) {
                        failed.push(key);
                    }
                }
                None => return None,
            }
            match self.next()? {
                b',' => {}
                b'}' => return failed.is_empty().then_some(()),
                _ => return None,
            }
        }
    }

    /// Reads an array of at most `max_items` items, each read by `item`.
    pub(super) fn array(
        &mut self,
        max_items: usize,
        item: &mut dyn FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'[')?;
        if self.peek()? == b']' {
            self.position += 1;
            return Some(());
        }
        let mut items = 0;
        loop {
            items += 1;
            if items > max_items {
                return None;
            }
            item(self)?;
            match self.next()? {
                b',' => {}
                b']' => return Some(()),
                _ => return None,
            }
        }
    }

    /// Reads an array of at most `max_items` items into a list.
    pub(super) fn list<T>(
        &mut self,
        max_items: usize,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut items = Vec::new();
        self.array(max_items, &mut |cursor| {
            items.push(item(cursor)?);
            Some(())
        })?;
        Some(items)
    }

    /// Reads an array of at most `max_items` items into a list, each read by `item` into a
    /// default value already in its place: an action is moved whole at every step it is
    /// returned through, which cost more than reading it.
    pub(super) fn list_in_place<T: Default>(
        &mut self,
        max_items: usize,
        mut item: impl FnMut(&mut Self, &mut T) -> Option<()>,
    ) -> Option<Vec<T>> {
        let mut items = Vec::new();
        self.array(max_items, &mut |cursor| {
            items.push(T::default());
            item(cursor, items.last_mut()?)
        })?;
        Some(items)
    }

    /// Reads a string, borrowed from the text when it has no escapes.
    pub(super) fn str(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let (text, bytes) = (self.text, self.bytes());
        let start = self.position;
        let mut at = start + plain_run(bytes.get(start..)?);
        match *bytes.get(at)? {
            b'"' => {
                self.position = at + 1;
                return text.get(start..at).map(Cow::Borrowed);
            }
            b'\\' => {}
            // serde_json refuses control characters inside strings.
            _ => return None,
        }
        let mut decoded = String::with_capacity(at - start + 16);
        let mut run = start;
        loop {
            match *bytes.get(at)? {
                b'"' => {
                    decoded.push_str(text.get(run..at)?);
                    self.position = at + 1;
                    return Some(Cow::Owned(decoded));
                }
                b'\\' => {
                    decoded.push_str(text.get(run..at)?);
                    let (character, length) = escape(bytes.get(at + 1..)?)?;
                    decoded.push(character);
                    at += 1 + length;
                    run = at;
                }
                0x00..=0x1f => return None,
                _ => at += plain_run(bytes.get(at..)?).max(1),
            }
        }
    }

    /// Reads `true` or `false`.
    pub(super) fn boolean(&mut self) -> Option<bool> {
        if self.literal(b"true") {
            Some(true)
        } else if self.literal(b"false") {
            Some(false)
        } else {
            None
        }
    }

    /// Reads `null` if it comes next.
    pub(super) fn null(&mut self) -> bool {
        self.literal(b"null")
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        self.skip_whitespace();
        let found = self
            .bytes()
            .get(self.position..)
            .is_some_and(|rest| rest.starts_with(word));
        if found {
            self.position += word.len();
        }
        found
    }

    /// Reads any value and drops it, `depth` levels below the value being skipped. Read
    /// strictly, its strings and keys are held to the text limit as every string of the
    /// document is; leniently, anything goes, as serde ignores it.
    pub(super) fn skip_value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'{' | b'[' if depth >= MAX_SKIPPED_DEPTH && !self.lenient => None,
            b'{' => self.object(&mut |cursor, key| {
                cursor.within_limit(key)?;
                cursor.skip_value(depth + 1)
            }),
            b'[' => self.array(usize::MAX, &mut |cursor| cursor.skip_value(depth + 1)),
            b'"' => {
                let text = self.str()?;
                self.within_limit(&text)
            }
            b't' | b'f' => self.boolean().map(drop),
            b'n' => self.null().then_some(()),
            _ => self.number(),
        }
    }

    fn within_limit(&self, text: &str) -> Option<()> {
        (self.lenient || within(text, MAX_CELL_CHARS)).then_some(())
    }

    /// Reads a number serde_json reads without error: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, at
    /// most [`MAX_NUMBER_BYTES`]; leniently also with an exponent and of any length.
    fn number(&mut self) -> Option<()> {
        let bytes = self.bytes();
        let start = self.position;
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        match bytes.get(at)? {
            b'0' => at += 1,
            b'1'..=b'9' => at += digits(bytes, at),
            _ => return None,
        }
        if bytes.get(at) == Some(&b'.') {
            let fraction = digits(bytes, at + 1);
            if fraction == 0 {
                return None;
            }
            at += 1 + fraction;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            if !self.lenient {
                return None;
            }
            at += 1 + usize::from(matches!(bytes.get(at + 1), Some(b'+' | b'-')));
            let exponent = digits(bytes, at);
            if exponent == 0 {
                return None;
            }
            at += exponent;
        }
        if at - start > MAX_NUMBER_BYTES && !self.lenient {
            return None;
        }
        self.position = at;
        Some(())
    }
}

/// Whether `text` has at most `max_chars` characters (counted only when its bytes could
/// be more), as both the limits and the schema's `maxLength` count them.
pub(super) fn within(text: &str, max_chars: usize) -> bool {
    text.len() <= max_chars || text.chars().count() <= max_chars
}

/// How many bytes `bytes` starts with that a string holds as they are: all but `"`, `\`
/// and control characters. Eight at a time, since most of a plan's bytes are text.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH_BITS: u64 = ONES * 0x80;
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let quotes = word ^ (ONES * u64::from(b'"'));
        let backslashes = word ^ (ONES * u64::from(b'\\'));
        // The lowest byte whose high bit these set is the first one below 0x20 (of `word`)
        // or zero (of the others): borrows only mark bytes above a match.
        let found = (word.wrapping_sub(ONES * 0x20) & !word
            | quotes.wrapping_sub(ONES) & !quotes
            | backslashes.wrapping_sub(ONES) & !backslashes)
            & HIGH_BITS;
        if found != 0 {
            return run + (found.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + chunks
        .remainder()
        .iter()
        .take_while(|&&byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
        .count()
}

fn digits(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// The character of the escape `rest` starts with (after its backslash), and how many
/// bytes it takes. Surrogates must come in pairs, as serde_json requires of a string.
fn escape(rest: &[u8]) -> Option<(char, usize)> {
    let simple = match rest.first()? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(rest),
        _ => return None,
    };
    Some((simple, 1))
}

/// `u` and four hex digits, or a surrogate pair of two such escapes.
fn unicode_escape(rest: &[u8]) -> Option<(char, usize)> {
    let first = hex4(rest.get(1..5)?)?;
    match first {
        0xd800..=0xdbff => {
            let (b'\\', b'u') = (*rest.get(5)?, *rest.get(6)?) else {
                return None;
            };
            let second = hex4(rest.get(7..11)?)?;
            if !(0xdc00..=0xdfff).contains(&second) {
                return None;
            }
            let code = 0x1_0000 + ((first - 0xd800) << 10) + (second - 0xdc00);
            Some((char::from_u32(code)?, 11))
        }
        _ => Some((char::from_u32(first)?, 5)),
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |value, &digit| {
        Some(value * 16 + char::from(digit).to_digit(16)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(json: &str) -> Option<String> {
        let mut cursor = Cursor::new(json, false);
        let text = cursor.str()?.into_owned();
        cursor.at_end().then_some(text)
    }

    #[test]
    fn strings_decode_as_serde_json_decodes_them() {
        for json in [
            r#""plain""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u00E9 \u0000 \u2013""#,
            r#""\ud83d\ude00 pair""#,
            r#""é — ünïcödé 😀""#,
            r#""""#,
        ] {
            let expected: Option<String> = serde_json::from_str(json).ok();
            assert!(expected.is_some(), "{json}");
            assert_eq!(read_str(json), expected, "{json}");
        }
    }

    #[test]
    fn gives_up_where_serde_json_fails() {
        for json in [
            r#""\ud800""#,
            r#""\ud800 x""#,
            r#""\ud800\u0041""#,
            r#""\udc00""#,
            r#""\ud800\ud800""#,
            r#""\x""#,
            r#""\u12""#,
            r#""\u12g4""#,
            "\"tab\there\"",
            "\"unterminated",
        ] {
            assert!(serde_json::from_str::<String>(json).is_err(), "{json}");
            assert_eq!(read_str(json), None, "{json}");
        }
    }

    #[test]
    fn plain_runs_stop_at_the_first_special_byte() {
        for length in 0..20 {
            for special in [b'"', b'\\', 0x00, 0x1f, 0x0a] {
                for filler in [b'a', 0x20, 0x7f, 0xc3, 0xff, b'!', b'#', b'[', b']'] {
                    let mut bytes = vec![filler; length];
                    bytes.push(special);
                    bytes.extend([b'"', b'\\', 0x01, filler]);
                    assert_eq!(plain_run(&bytes), length, "{length} {special} {filler}");
                    assert_eq!(plain_run(&vec![filler; length]), length);
                }
            }
        }
    }

    #[test]
    fn skips_only_numbers_serde_json_reads() {
        let skips = |json: &str| {
            let mut cursor = Cursor::new(json, false);
            cursor.skip_value(0).is_some() && cursor.at_end()
        };
        let skips_leniently = |json: &str| {
            let mut cursor = Cursor::new(json, true);
            cursor.skip_value(0).is_some() && cursor.at_end()
        };
        for json in ["1e400", "-2.5E-3", "7e+2"] {
            assert!(skips_leniently(json), "{json}");
        }
        for json in ["0", "-0", "12.5", "-3.25", "123456789012345678901234567890"] {
            assert!(serde_json::from_str::<serde_json::Value>(json).is_ok());
            assert!(skips(json), "{json}");
        }
        for json in ["01", "1.", "-", ".5", "+1", "1e400"] {
            assert!(!skips(json), "{json}");
        }
        assert!(!skips(&"9".repeat(400)));
    }
}
