//! Cell text as it comes out of Word, PDF and spreadsheets: HTML list markup, bullets,
//! words hyphenated across lines, numbered actions.

/// Lowercase words without punctuation, plurals made singular: "LEAD AGENCY/OFFICERS" ->
/// ["lead", "agency", "officer"]; "RAG*" -> ["rag"].
pub fn normalise_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| singular(&word.to_lowercase()))
        .collect()
}

fn singular(word: &str) -> String {
    let keeps_s = ["ss", "us", "is"]
        .iter()
        .any(|ending| word.ends_with(ending));
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 2 && !keeps_s => stem
            .strip_suffix("ie")
            .map_or_else(|| stem.to_owned(), |base| format!("{base}y")),
        _ => word.to_owned(),
    }
}

/// Splits a leading action number from text: "1.2 Refresh the plan" -> ("1.2", "Refresh the
/// plan"); "1. Mapping ..." -> ("1", "Mapping ..."); "12) Train" -> ("12", "Train").
/// A bare number followed by a word ("3 delivery group meetings a year") is a quantity.
pub fn split_action_id(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let id_len = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(text.len(), |(index, _)| index);
    let candidate = text.get(..id_len)?;
    let id = candidate.trim_end_matches('.');
    let parts: Vec<&str> = id.split('.').collect();
    let well_formed = !id.is_empty()
        && parts.len() <= 4
        && parts.iter().all(|part| {
            !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit())
        });
    if !well_formed {
        return None;
    }
    let after = text.get(id_len..)?;
    let (marked, rest) = match after.strip_prefix(')') {
        Some(rest) => (true, rest),
        None => (candidate.ends_with('.') || parts.len() > 1, after),
    };
    if !marked || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_alphabetic() || c == '"' || c == '\'')
        .then_some((id, rest))
}

pub fn starts_with_action_id(text: &str) -> bool {
    split_action_id(text).is_some()
}

/// Turns HTML list markup into lines and drops other tags: `<ul ...> a <li>b</li>` -> "a\nb".
///
/// Linear in the text: each `<` looks at its tag name only, and the `>` that would close it
/// is found once and reused by every `<` before it (searching from each `<` to the end was
/// quadratic: 77 ms for 32k `<` in one cell, 40 s for a 15 MB CSV of them).
pub fn strip_html(text: &str) -> String {
    if !text.contains('<') && !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    // Offsets into `text`: where the unread rest starts, and the next `>` at or after it
    // (`None` once there is none left).
    let mut at = 0;
    let mut next_close = text.find('>');
    while let Some(start) = text
        .get(at..)
        .and_then(|rest| rest.find('<'))
        .map(|i| at + i)
    {
        out.push_str(text.get(at..start).unwrap_or_default());
        let name_start = start + 1;
        let after = text.get(name_start..).unwrap_or_default();
        let name = tag_name(after);
        if next_close.is_some_and(|close| close < name_start) {
            next_close = text
                .get(name_start..)
                .and_then(|rest| rest.find('>'))
                .map(|i| name_start + i);
        }
        match next_close {
            Some(close) if is_known_tag(&name) => {
                // Items and paragraphs are separate list items; a line break is not.
                match name.as_str() {
                    "li" | "p" | "div" | "tr" => out.push_str("\n\n"),
                    "ul" | "ol" | "br" => out.push('\n'),
                    _ => {}
                }
                at = close + 1;
            }
            _ => {
                out.push('<');
                at = name_start;
            }
        }
    }
    out.push_str(text.get(at..).unwrap_or_default());
    decode_entities(&out)
}

/// The lowercase name of the tag that `after` (the text after a `<`) opens or closes, read
/// no further than a known tag's name could be.
fn tag_name(after: &str) -> String {
    const LONGEST_KNOWN: usize = 6;
    after
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .take(LONGEST_KNOWN + 1)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_known_tag(name: &str) -> bool {
    matches!(
        name,
        "ul" | "ol"
            | "li"
            | "p"
            | "br"
            | "div"
            | "span"
            | "b"
            | "i"
            | "u"
            | "em"
            | "strong"
            | "font"
            | "tr"
            | "td"
            | "th"
            | "a"
            | "sup"
            | "sub"
    )
}

fn decode_entities(text: &str) -> String {
    [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&rsquo;", "\u{2019}"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_owned(), |text, (entity, replacement)| {
        text.replace(entity, replacement)
    })
}

const BULLETS: &[char] = &[
    '\u{b7}', '\u{2022}', '\u{25aa}', '\u{25cf}', '\u{2013}', '\u{2014}', '-', '*', '\u{f0b7}',
    '\u{2023}', '\u{25e6}',
];

/// A line without its list bullet: "· Prevent Lead" -> ("Prevent Lead", true).
pub fn strip_bullet(line: &str) -> (&str, bool) {
    let trimmed = line.trim();
    match trimmed.strip_prefix(BULLETS) {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => {
            (rest.trim(), true)
        }
        _ => (trimmed, false),
    }
}

/// Joins a word broken across lines by extraction: "Prevent Co- ordinator" ->
/// "Prevent Co-ordinator". A dash with a space before it ("Sept 2013 - March") is left alone.
pub fn join_broken_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '-' && previous.is_some_and(char::is_alphabetic) {
            let mut lookahead = chars.clone();
            let mut spaces = 0;
            while lookahead.peek().is_some_and(|next| *next == ' ') {
                lookahead.next();
                spaces += 1;
            }
            if spaces > 0 && lookahead.peek().is_some_and(|next| next.is_lowercase()) {
                for _ in 0..spaces {
                    chars.next();
                }
            }
        }
        previous = Some(c);
    }
    out
}

/// Collapses runs of spaces and tabs, keeping line breaks.
///
/// Each line's words joined by one space, the lines by line breaks (a `\r` before one is
/// a space), the ends trimmed. One pass that copies each word once: splitting into lines
/// and words, collecting and joining them took two vectors and two strings per cell, a
/// tenth of importing a 1,000-row table.
pub fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Since the last word: line breaks, and whether there was other whitespace.
    let (mut breaks, mut spaced) = (0, false);
    let mut word: Option<usize> = None;
    let add_word = |out: &mut String, start: usize, end: usize, breaks: usize, spaced: bool| {
        if !out.is_empty() {
            if breaks > 0 {
                out.extend(std::iter::repeat_n('\n', breaks));
            } else if spaced {
                out.push(' ');
            }
        }
        out.push_str(text.get(start..end).unwrap_or_default());
    };
    // Byte by byte, since most text is ASCII; other characters decoded.
    let bytes = text.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let (whitespace, width) = if byte.is_ascii() {
            (
                matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                1,
            )
        } else {
            let character = text.get(index..).and_then(|rest| rest.chars().next());
            (
                character.is_some_and(char::is_whitespace),
                character.map_or(1, char::len_utf8),
            )
        };
        if !whitespace {
            word.get_or_insert(index);
        } else {
            if let Some(start) = word.take() {
                add_word(&mut out, start, index, breaks, spaced);
                (breaks, spaced) = (0, false);
            }
            if byte == b'\n' {
                breaks += 1;
            } else {
                spaced = true;
            }
        }
        index += width;
    }
    if let Some(start) = word {
        add_word(&mut out, start, text.len(), breaks, spaced);
    }
    out
}

/// Whether text stops mid-phrase, so the next line of an extracted table continues it.
pub fn ends_mid_phrase(text: &str) -> bool {
    ends_mid_phrase_with(text, unclosed_brackets(text))
}

/// Brackets opened and not closed in `text` (negative when more close than open). It adds
/// up over pieces of text, so text built a piece at a time is counted a piece at a time.
pub fn unclosed_brackets(text: &str) -> isize {
    text.chars().fold(0, |count, c| match c {
        '(' => count + 1,
        ')' => count - 1,
        _ => count,
    })
}

/// [`ends_mid_phrase`] for text with `unclosed` brackets, counted by the caller as the text
/// was built: asking about text that grows a cell at a time must not re-read all of it
/// (quadratic in the cells joined).
pub fn ends_mid_phrase_with(text: &str, unclosed: isize) -> bool {
    let text = text.trim_end();
    if text.ends_with(['-', '\u{2013}', ',', '&', '/', '(']) || unclosed > 0 {
        return true;
    }
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    [
        "to", "and", "of", "the", "a", "an", "for", "with", "in", "on", "by", "or", "that",
        "which", "from", "as", "at",
    ]
    .iter()
    .any(|word| word.eq_ignore_ascii_case(last))
}

/// Whether text ends a sentence.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

pub fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `squeeze_spaces` as it was first written, by lines and words.
    fn squeezed_by_lines(text: &str) -> String {
        text.lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned()
    }

    #[test]
    fn spaces_squeeze_as_lines_of_words_would() {
        let texts = [
            "",
            " ",
            "\n",
            "a",
            "  a  b  ",
            "a\nb",
            "a\n\nb",
            "a \n b",
            "\n\n a \n\n",
            "a\r\nb",
            "a\rb",
            "a\r\n\r\nb",
            "a\t\x0bb\x0cc",
            "a\u{a0}b\u{2028}c\u{3000}",
            "Lead:\n  Prevent Coordinator\n\n  Police ",
            "a\n \n \nb",
            " \r\n x",
            "\u{85}a\u{85}",
            "a\x1fb",
            "é  ü\n\n  ß",
        ];
        for text in texts {
            assert_eq!(squeeze_spaces(text), squeezed_by_lines(text), "{text:?}");
        }
    }

    #[test]
    fn normalises_header_words() {
        assert_eq!(
            normalise_words("LEAD AGENCY/OFFICERS"),
            ["lead", "agency", "officer"]
        );
        assert_eq!(normalise_words("RAG*"), ["rag"]);
        assert_eq!(normalise_words("Progress"), ["progress"]);
        assert_eq!(normalise_words("Activities"), ["activity"]);
        assert_eq!(normalise_words("Status"), ["status"]);
    }

    #[test]
    fn splits_action_numbers() {
        assert_eq!(
            split_action_id("1.2 Refresh the plan"),
            Some(("1.2", "Refresh the plan"))
        );
        assert_eq!(
            split_action_id("1. Mapping Haringey's"),
            Some(("1", "Mapping Haringey's"))
        );
        assert_eq!(
            split_action_id("12) Train staff"),
            Some(("12", "Train staff"))
        );
        assert_eq!(split_action_id("3 delivery Group meetings a year."), None);
        assert_eq!(split_action_id("2016 onwards"), None);
        assert_eq!(split_action_id("1.5m people"), None);
    }

    #[test]
    fn strips_html_lists() {
        assert_eq!(
            squeeze_spaces(&strip_html(
                "<ul style=\"list-style-type: none\"> Sept 2008 March 2009 "
            )),
            "Sept 2008 March 2009"
        );
        assert_eq!(
            squeeze_spaces(&strip_html("<ul><li>A &amp; B</li><li>C</li></ul>")),
            "A & B\n\n\n\nC"
        );
        assert_eq!(
            strip_html("<p>We will develop.</p>").trim(),
            "We will develop."
        );
        assert_eq!(strip_html("a < b"), "a < b");
    }

    #[test]
    fn repairs_extraction_damage() {
        assert_eq!(
            join_broken_words("Prevent Co- ordinator & Chair"),
            "Prevent Co-ordinator & Chair"
        );
        assert_eq!(
            join_broken_words("Sept 2013 - March 2014"),
            "Sept 2013 - March 2014"
        );
        assert_eq!(strip_bullet("\u{b7} Prevent Lead"), ("Prevent Lead", true));
        assert_eq!(strip_bullet("-5 degrees"), ("-5 degrees", false));
        assert!(ends_mid_phrase("Broadening Channel -"));
        assert!(ends_mid_phrase("Conversations (formerly Safe"));
        assert!(ends_mid_phrase("Oct 2013 to"));
        assert!(!ends_mid_phrase("radicalised or extremist"));
    }
}
