//! Words that give English away in a Welsh text, for the tests of the Welsh catalogue (used
//! by `src/messages/tests.rs` and `tests/welsh.rs` through `#[path]`: one list, one reader).

/// Words that give English away, outside quoted plan text, `json` names and JSON Pointers.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "of",
    "and",
    "not",
    "has",
    "have",
    "should",
    "with",
    "was",
    "which",
    "no",
    "action",
    "actions",
    "milestone",
    "plan",
    "date",
    "table",
    "row",
    "rows",
    "column",
    "profile",
    "category",
    "period",
    "field",
    "entry",
    "entries",
    "before",
    "after",
    "read",
    "cannot",
    "could",
    "must",
    "or",
];

/// The English words of `text` that are not inside quotes ("...", `...`, «...») and not part of
/// a JSON Pointer ("/sections/0/actions/1" names an action that has no id).
pub fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for character in text.chars() {
        match (quote, character) {
            (None, '"' | '`') => quote = Some(character),
            (None, '«') => quote = Some('»'),
            (Some(close), _) if character == close => quote = None,
            (None, _) => plain.push(character),
            (Some(_), _) => {}
        }
    }
    plain
        .split_whitespace()
        .filter(|word| !word.starts_with('/'))
        .flat_map(|word| word.split(|c: char| !c.is_alphabetic()))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect()
}
