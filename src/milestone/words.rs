//! Vocabulary: month names, and the fixed phrases that say how often, how vaguely or how
//! finished a milestone is. Matched case-insensitively on word and number tokens, so
//! "on-going", "on going" and "On Going" are one phrase.

use crate::model::StatusValue;

use super::calendar::{Season, Term};
use super::lex::{Tok, Token};
use super::Recurrence;

/// English and Welsh month names and the abbreviations plans use.
const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("ionawr", 1),
    ("feb", 2),
    ("february", 2),
    ("febuary", 2),
    ("chwefror", 2),
    ("mar", 3),
    ("march", 3),
    ("mawrth", 3),
    ("apr", 4),
    ("april", 4),
    ("ebrill", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("june", 6),
    ("mehefin", 6),
    ("jul", 7),
    ("july", 7),
    ("gorffennaf", 7),
    ("aug", 8),
    ("august", 8),
    ("awst", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("medi", 9),
    ("oct", 10),
    ("october", 10),
    ("hydref", 10),
    ("nov", 11),
    ("november", 11),
    ("tachwedd", 11),
    ("dec", 12),
    ("december", 12),
    ("rhagfyr", 12),
];

/// The months in full, lower case, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(super) fn month(token: &Token<'_>) -> Option<u32> {
    lookup(MONTHS, token)
}

/// A misspelt month name ("Feburary", "Septmber", "Decemebr"): one slip in a short name, two
/// in a long one, never the first letter.
pub(super) fn misspelt_month(token: &Token<'_>) -> Option<u32> {
    let word = token.text.as_bytes();
    if token.tok != Tok::Word || !(5..=11).contains(&word.len()) {
        return None;
    }
    let allowed = if word.len() >= 8 { 2 } else { 1 };
    (1..=12).zip(MONTH_NAMES).find_map(|(month, name)| {
        let same_start = word.first().map(u8::to_ascii_lowercase) == name.bytes().next();
        (same_start && edit_distance(word, name.as_bytes()) <= allowed).then_some(month)
    })
}

/// Optimal string alignment distance (insertions, deletions, substitutions, transpositions),
/// ignoring ASCII case.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    // Row 0 and column 0 hold the distances from the empty word.
    let mut table: Vec<usize> = (0..(a.len() + 1) * width)
        .map(|k| {
            if k < width {
                k
            } else if k % width == 0 {
                k / width
            } else {
                0
            }
        })
        .collect();
    let lower = |word: &[u8], i: usize| word.get(i).map(u8::to_ascii_lowercase);
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cell = |table: &[usize], i: usize, j: usize| {
                table.get(i * width + j).copied().unwrap_or(usize::MAX / 2)
            };
            let (x, y) = (lower(a, i - 1), lower(b, j - 1));
            let mut best = (cell(&table, i - 1, j) + 1)
                .min(cell(&table, i, j - 1) + 1)
                .min(cell(&table, i - 1, j - 1) + usize::from(x != y));
            if i > 1 && j > 1 && x == lower(b, j - 2) && lower(a, i - 2) == y {
                best = best.min(cell(&table, i - 2, j - 2) + 1);
            }
            if let Some(slot) = table.get_mut(i * width + j) {
                *slot = best;
            }
        }
    }
    table.last().copied().unwrap_or(usize::MAX)
}

/// "May" and "March" are also everyday words; they count as months only next to a number
/// or another month, or standing alone.
pub(super) fn is_ambiguous_month(token: &Token<'_>) -> bool {
    token.is_word("may") || token.is_word("march") || token.is_word("mar")
}

pub(super) fn season(token: &Token<'_>) -> Option<(Season, Option<Term>)> {
    const SEASONS: &[(&str, (Season, Option<Term>))] = &[
        ("spring", (Season::Spring, Some(Term::Spring))),
        ("summer", (Season::Summer, Some(Term::Summer))),
        ("autumn", (Season::Autumn, Some(Term::Autumn))),
        ("fall", (Season::Autumn, None)),
        ("winter", (Season::Winter, None)),
    ];
    lookup(SEASONS, token)
}

pub(super) fn ordinal_word(token: &Token<'_>) -> Option<u32> {
    const ORDINALS: &[(&str, u32)] = &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];
    lookup(ORDINALS, token)
}

fn lookup<T: Copy>(table: &[(&str, T)], token: &Token<'_>) -> Option<T> {
    if !matches!(token.tok, Tok::Word) {
        return None;
    }
    table
        .iter()
        .find(|(name, _)| token.key_is(name))
        .map(|&(_, value)| value)
}

/// How often: first match in text order wins.
pub(super) const RECURRENCES: Phrases<(&[&str], Recurrence)> = Phrases::valued(&[
    (&["daily"], Recurrence::Daily),
    // Welsh plans, with the soft mutation after "yn": wythnosol, (f)misol, chwarterol, (f)blynyddol.
    (&["wythnosol"], Recurrence::Weekly),
    (&["misol"], Recurrence::Monthly),
    (&["chwarterol"], Recurrence::Quarterly),
    (&["blynyddol"], Recurrence::Annually),
    (&["flynyddol"], Recurrence::Annually),
    (&["fisol"], Recurrence::Monthly),
    (&["every", "day"], Recurrence::Daily),
    (&["weekly"], Recurrence::Weekly),
    (&["every", "week"], Recurrence::Weekly),
    (&["each", "week"], Recurrence::Weekly),
    (&["once", "a", "week"], Recurrence::Weekly),
    (&["fortnightly"], Recurrence::Fortnightly),
    (&["every", "two", "weeks"], Recurrence::Fortnightly),
    (&["every", "2", "weeks"], Recurrence::Fortnightly),
    (&["bi", "monthly"], Recurrence::BiMonthly),
    (&["bimonthly"], Recurrence::BiMonthly),
    (&["every", "two", "months"], Recurrence::BiMonthly),
    (&["every", "2", "months"], Recurrence::BiMonthly),
    (&["six", "monthly"], Recurrence::TwiceYearly),
    (&["6", "monthly"], Recurrence::TwiceYearly),
    (&["monthly"], Recurrence::Monthly),
    (&["every", "month"], Recurrence::Monthly),
    (&["each", "month"], Recurrence::Monthly),
    (&["once", "a", "month"], Recurrence::Monthly),
    (&["quarterly"], Recurrence::Quarterly),
    (&["every", "quarter"], Recurrence::Quarterly),
    (&["each", "quarter"], Recurrence::Quarterly),
    (&["every", "three", "months"], Recurrence::Quarterly),
    (&["every", "3", "months"], Recurrence::Quarterly),
    (&["termly"], Recurrence::Termly),
    (&["each", "term"], Recurrence::Termly),
    (&["every", "term"], Recurrence::Termly),
    (&["per", "term"], Recurrence::Termly),
    (&["twice", "a", "year"], Recurrence::TwiceYearly),
    (&["twice", "yearly"], Recurrence::TwiceYearly),
    (&["twice", "annually"], Recurrence::TwiceYearly),
    (&["twice", "per", "year"], Recurrence::TwiceYearly),
    (&["bi", "annually"], Recurrence::TwiceYearly),
    (&["biannually"], Recurrence::TwiceYearly),
    (&["bi", "annual"], Recurrence::TwiceYearly),
    (&["biannual"], Recurrence::TwiceYearly),
    (&["half", "yearly"], Recurrence::TwiceYearly),
    (&["every", "six", "months"], Recurrence::TwiceYearly),
    (&["every", "6", "months"], Recurrence::TwiceYearly),
    (&["each", "academic", "year"], Recurrence::Annually),
    (&["each", "financial", "year"], Recurrence::Annually),
    (&["every", "academic", "year"], Recurrence::Annually),
    (&["annually"], Recurrence::Annually),
    (&["annual"], Recurrence::Annually),
    (&["yearly"], Recurrence::Annually),
    (&["every", "year"], Recurrence::Annually),
    (&["each", "year"], Recurrence::Annually),
    (&["once", "a", "year"], Recurrence::Annually),
    (&["per", "annum"], Recurrence::Annually),
]);

/// Recurring without a stated frequency.
pub(super) const REGULAR: Phrases<&[&str]> = Phrases::plain(&[
    &["every"],
    &["times", "a", "year"],
    &["times", "per", "year"],
    &["times", "a", "month"],
    &["times", "a", "term"],
    &["regularly"],
    &["regular"],
    &["each", "meeting"],
    &["every", "meeting"],
    &["routinely"],
]);

/// Continuing past a date given with it: "April 2016 and ongoing".
pub(super) const STILL_GOING: Phrases<&[&str]> = Phrases::plain(&[
    &["ongoing"],
    &["on", "going"],
    &["continuing"],
    &["and", "beyond"],
]);

/// Continuous work with no end date.
pub(super) const ONGOING: Phrases<&[&str]> = Phrases::plain(&[
    &["throughout"],
    &["parhaus"],
    &["further", "notice"],
    &["year", "round"],
    &["all", "year"],
    &["ongoing"],
    &["on", "going"],
    &["continuous"],
    &["continual"],
    &["continuing"],
    &["continued"],
    &["continue"],
    &["rolling"],
    &["in", "progress"],
    &["underway"],
    &["under", "way"],
    &["business", "as", "usual"],
    &["bau"],
    &["permanent"],
]);

/// A target nobody can be held to.
pub(super) const VAGUE: Phrases<&[&str]> = Phrases::plain(&[
    &["tbc"],
    &["gadarnhau"],
    &["tba"],
    &["tbd"],
    &["tbcd"],
    &["to", "be", "confirmed"],
    &["to", "be", "agreed"],
    &["to", "be", "determined"],
    &["to", "be", "decided"],
    &["to", "be", "arranged"],
    &["to", "be", "scheduled"],
    &["to", "be", "set"],
    &["to", "be", "advised"],
    &["when"],
    &["whenever"],
    &["once"],
    &["if"],
    &["as", "required"],
    &["as", "needed"],
    &["as", "necessary"],
    &["as", "appropriate"],
    &["where", "appropriate"],
    &["where", "possible"],
    &["as", "resources"],
    &["resources", "permitting"],
    &["available"],
    &["subject", "to"],
    &["dependent", "on"],
    &["depending", "on"],
    &["depends", "on"],
    &["asap"],
    &["as", "soon", "as", "possible"],
    &["in", "due", "course"],
    &["ad", "hoc"],
    &["adhoc"],
    &["not", "yet", "known"],
    &["unknown"],
    &["not", "known"],
    &["immediately"],
    &["immediate"],
    &["soon"],
    &["future"],
    &["later"],
    &["long", "term"],
    &["medium", "term"],
    &["short", "term"],
    &["not", "set"],
    &["within"],
    &["months"],
    &["weeks"],
    &["days"],
    &["t", "b", "c"],
    &["t", "b", "a"],
    &["pending"],
    &["awaiting"],
    &["now"],
    &["not", "yet", "agreed"],
    &["not", "yet", "confirmed"],
    &["not", "yet", "decided"],
    &["next"],
    &["no", "date"],
    &["various"],
    &["flexible"],
]);

/// Progress written where a date belongs.
pub(super) const STATUSES: Phrases<(&[&str], StatusValue)> = Phrases::valued(&[
    (&["not", "started"], StatusValue::NotStarted),
    (&["not", "yet", "started"], StatusValue::NotStarted),
    (&["delayed"], StatusValue::Delayed),
    (&["overdue"], StatusValue::Delayed),
    (&["on", "hold"], StatusValue::Delayed),
    (&["on", "track"], StatusValue::OnTrack),
    (&["on", "target"], StatusValue::OnTrack),
    (&["complete"], StatusValue::Complete),
    (&["completed"], StatusValue::Complete),
    (&["done"], StatusValue::Complete),
    (&["achieved"], StatusValue::Complete),
    (&["delivered"], StatusValue::Complete),
    (&["established"], StatusValue::Complete),
    (&["in", "place"], StatusValue::Complete),
    (&["finished"], StatusValue::Complete),
    (&["closed"], StatusValue::Complete),
]);

/// Cells that say there is no milestone.
pub(super) const NOTHING: Phrases<&[&str]> = Phrases::plain(&[
    &["n", "a"],
    &["na"],
    &["not", "applicable"],
    &["none"],
    &["nil"],
    &["no", "milestone"],
    &["cancelled"],
    &["withdrawn"],
    &["no", "longer"],
]);

/// A table of phrases, with a summary of how their first words start: most words of a
/// milestone start none of them and are passed over without comparing a phrase.
pub(super) struct Phrases<E: 'static> {
    list: &'static [E],
    starts: u64,
}

/// The bit of a word's length and first byte in [`Phrases::starts`].
const fn start_bit(word: &[u8]) -> u64 {
    match word {
        [first, ..] => 1 << ((*first as usize * 7 + word.len()) % 64),
        [] => 0,
    }
}

// Built only in constants: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
impl<T: Copy> Phrases<(&'static [&'static str], T)> {
    /// Phrases, each with the value it stands for.
    pub(super) const fn valued(list: &'static [(&'static [&'static str], T)]) -> Self {
        let mut starts = 0;
        let mut at = 0;
        while at < list.len() {
            if let [first, ..] = list[at].0 {
                starts |= start_bit(first.as_bytes());
            }
            at += 1;
        }
        Phrases { list, starts }
    }
}

#[allow(clippy::indexing_slicing)]
impl Phrases<&'static [&'static str]> {
    pub(super) const fn plain(list: &'static [&'static [&'static str]]) -> Self {
        let mut starts = 0;
        let mut at = 0;
        while at < list.len() {
            if let [first, ..] = list[at] {
                starts |= start_bit(first.as_bytes());
            }
            at += 1;
        }
        Phrases { list, starts }
    }
}

impl<E> Phrases<E> {
    /// Whether some phrase could start with `token`.
    fn may_start(&self, token: &Token<'_>) -> bool {
        self.starts & start_bit(token.key_bytes()) != 0
    }
}

/// Finds the first phrase of `table` (by position in the text) among `words`.
pub(super) fn find<T: Copy>(
    words: &[Token<'_>],
    table: &Phrases<(&'static [&'static str], T)>,
) -> Option<(usize, T)> {
    words
        .iter()
        .enumerate()
        .filter(|(_, token)| table.may_start(token))
        .find_map(|(at, token)| {
            table
                .list
                .iter()
                .find(|(phrase, _)| matches_at(words, at, token, phrase))
                .map(|&(_, value)| (at, value))
        })
}

/// Whether any phrase of `table` occurs among `words`; its position if so.
pub(super) fn find_any(
    words: &[Token<'_>],
    table: &Phrases<&'static [&'static str]>,
) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .filter(|(_, token)| table.may_start(token))
        .find(|&(at, token)| {
            table
                .list
                .iter()
                .any(|phrase| matches_at(words, at, token, phrase))
        })
        .map(|(at, _)| at)
}

/// Whether `phrase` starts at `words[at]` (`first`). The first word is tried on its own:
/// it rules out almost every phrase of a table.
fn matches_at(words: &[Token<'_>], at: usize, first: &Token<'_>, phrase: &[&str]) -> bool {
    let Some((head, rest)) = phrase.split_first() else {
        return false;
    };
    first.key_is(head)
        && words.get(at + 1..at + phrase.len()).is_some_and(|window| {
            window
                .iter()
                .zip(rest)
                .all(|(token, word)| token.key_is(word))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::milestone::lex::tokenize;

    fn misspelt(word: &str) -> Option<u32> {
        tokenize(word).first().and_then(misspelt_month)
    }

    #[test]
    fn forgives_one_or_two_slips_in_month_names() {
        assert_eq!(misspelt("Feburary"), Some(2));
        assert_eq!(misspelt("Septmber"), Some(9));
        assert_eq!(misspelt("Decemebr"), Some(12));
        assert_eq!(misspelt("Ocotber"), Some(10));
        assert_eq!(misspelt("Januray"), Some(1));
        assert_eq!(misspelt("marched"), None);
        assert_eq!(misspelt("Decision"), None);
        assert_eq!(misspelt("Mayor"), None);
    }
}
