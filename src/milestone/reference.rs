//! Finds the actions a text names: "identified in action point 1", "see action 3",
//! "(see 4 above)", "actions 2 and 5".

use super::lex::{tokenize, Tok, Token};
use super::scan::reference_at;
use super::vocabulary::{word, words};

/// Ids of the actions `text` refers to, in order of mention (may repeat).
pub fn action_references(text: &str) -> Vec<String> {
    // Every id starts with a digit: most descriptions have none and need no lexing.
    if !text.bytes().any(|byte| byte.is_ascii_digit()) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        if let Some((reference, next)) = reference_at(text, &tokens, at) {
            found.extend(reference.target);
            at = next.max(at + 1);
            continue;
        }
        if tokens
            .get(at)
            .is_some_and(|t| t.is(word!("action")) || t.is(word!("actions")))
        {
            at = action_list(text, &tokens, at + 1, &mut found);
            continue;
        }
        at += 1;
    }
    found
}

/// After "action(s)": optional "point"/"no."/"number", then ids joined by "and", "&", ",".
fn action_list(text: &str, tokens: &[Token<'_>], mut at: usize, found: &mut Vec<String>) -> usize {
    while tokens.get(at).is_some_and(|t| {
        t.is_any(&words!["point", "points", "no", "number", "item", "items"])
            || matches!(t.tok, Tok::Dot | Tok::Other)
    }) {
        at += 1;
    }
    while let Some((id, next)) = action_id(text, tokens, at) {
        found.push(id);
        at = next;
        let joined = tokens
            .get(at)
            .is_some_and(|t| t.is(word!("and")) || matches!(t.tok, Tok::Amp | Tok::Comma));
        if !joined {
            break;
        }
        at += 1;
    }
    at
}

/// "9", "1.2", "3a" (not an ordinal, not a year) at token `at`, and the token after it.
pub(super) fn action_id(text: &str, tokens: &[Token<'_>], at: usize) -> Option<(String, usize)> {
    let first = tokens.get(at)?;
    let (_, digits, ordinal) = first.number()?;
    if ordinal || digits > 3 {
        return None;
    }
    let mut end = first.end;
    let mut next = at + 1;
    while tokens
        .get(next)
        .is_some_and(|t| t.tok == Tok::Dot && !t.spaced)
        && tokens
            .get(next + 1)
            .is_some_and(|t| !t.spaced && t.number().is_some())
    {
        end = tokens.get(next + 1)?.end;
        next += 2;
    }
    if let Some(letter) = tokens
        .get(next)
        .filter(|t| t.tok == Tok::Word && !t.spaced && t.text.len() == 1)
    {
        end = letter.end;
        next += 1;
    }
    Some((text.get(first.start..end)?.to_owned(), next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_named_actions() {
        let refs = |text: &str| action_references(text);
        assert_eq!(
            refs("Carry out consultation with the communities identified in action point 1"),
            ["1"]
        );
        assert_eq!(
            refs("Deliver as agreed (see 4 above) and actions 2.1, 3a & 7"),
            ["4", "2.1", "3a", "7"]
        );
        assert_eq!(refs("See action 12 below"), ["12"]);
        assert!(refs("Refresh the action plan for 2016").is_empty());
        assert!(refs("3 delivery Group meetings a year").is_empty());
    }
}
