//! Vocabulary: month names, and the fixed phrases that say how often, how vaguely or how
//! finished a milestone is. Matched case-insensitively on word and number tokens, so
//! "on-going", "on going" and "On Going" are one phrase.

use crate::model::StatusValue;

use super::calendar::{Season, Term};
use super::lex::{Tok, Token};
use super::vocabulary::{word, words, Word, WordSet};
use super::Recurrence;

/// English and Welsh month names and the abbreviations plans use.
const MONTHS: &[(Word, u32)] = &[
    (word!("jan"), 1),
    (word!("january"), 1),
    (word!("ionawr"), 1),
    (word!("feb"), 2),
    (word!("february"), 2),
    (word!("febuary"), 2),
    (word!("chwefror"), 2),
    (word!("mar"), 3),
    (word!("march"), 3),
    (word!("mawrth"), 3),
    (word!("apr"), 4),
    (word!("april"), 4),
    (word!("ebrill"), 4),
    (word!("may"), 5),
    (word!("mai"), 5),
    (word!("jun"), 6),
    (word!("june"), 6),
    (word!("mehefin"), 6),
    (word!("jul"), 7),
    (word!("july"), 7),
    (word!("gorffennaf"), 7),
    (word!("aug"), 8),
    (word!("august"), 8),
    (word!("awst"), 8),
    (word!("sep"), 9),
    (word!("sept"), 9),
    (word!("september"), 9),
    (word!("medi"), 9),
    (word!("oct"), 10),
    (word!("october"), 10),
    (word!("hydref"), 10),
    (word!("nov"), 11),
    (word!("november"), 11),
    (word!("tachwedd"), 11),
    (word!("dec"), 12),
    (word!("december"), 12),
    (word!("rhagfyr"), 12),
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
    token.is_any(&words!["may", "march", "mar"])
}

pub(super) fn season(token: &Token<'_>) -> Option<(Season, Option<Term>)> {
    const SEASONS: &[(Word, (Season, Option<Term>))] = &[
        (word!("spring"), (Season::Spring, Some(Term::Spring))),
        (word!("summer"), (Season::Summer, Some(Term::Summer))),
        (word!("autumn"), (Season::Autumn, Some(Term::Autumn))),
        (word!("fall"), (Season::Autumn, None)),
        (word!("winter"), (Season::Winter, None)),
    ];
    lookup(SEASONS, token)
}

pub(super) fn ordinal_word(token: &Token<'_>) -> Option<u32> {
    const ORDINALS: &[(Word, u32)] = &[
        (word!("first"), 1),
        (word!("second"), 2),
        (word!("third"), 3),
        (word!("fourth"), 4),
    ];
    lookup(ORDINALS, token)
}

fn lookup<T: Copy>(table: &[(Word, T)], token: &Token<'_>) -> Option<T> {
    if !matches!(token.tok, Tok::Word) || token.word == Word::NONE {
        return None;
    }
    table
        .iter()
        .find(|(word, _)| token.word == *word)
        .map(|&(_, value)| value)
}

/// How often: first match in text order wins.
pub(super) const RECURRENCES: Phrases<(&[Word], Recurrence)> = Phrases::valued(&[
    (&words!["daily"], Recurrence::Daily),
    // Welsh plans, with the soft mutation after "yn": wythnosol, (f)misol, chwarterol, (f)blynyddol.
    (&words!["wythnosol"], Recurrence::Weekly),
    (&words!["misol"], Recurrence::Monthly),
    (&words!["chwarterol"], Recurrence::Quarterly),
    (&words!["blynyddol"], Recurrence::Annually),
    (&words!["flynyddol"], Recurrence::Annually),
    (&words!["fisol"], Recurrence::Monthly),
    (&words!["every", "day"], Recurrence::Daily),
    (&words!["weekly"], Recurrence::Weekly),
    (&words!["every", "week"], Recurrence::Weekly),
    (&words!["each", "week"], Recurrence::Weekly),
    (&words!["once", "a", "week"], Recurrence::Weekly),
    (&words!["fortnightly"], Recurrence::Fortnightly),
    (&words!["every", "two", "weeks"], Recurrence::Fortnightly),
    (&words!["every", "2", "weeks"], Recurrence::Fortnightly),
    (&words!["bi", "monthly"], Recurrence::BiMonthly),
    (&words!["bimonthly"], Recurrence::BiMonthly),
    (&words!["every", "two", "months"], Recurrence::BiMonthly),
    (&words!["every", "2", "months"], Recurrence::BiMonthly),
    (&words!["six", "monthly"], Recurrence::TwiceYearly),
    (&words!["6", "monthly"], Recurrence::TwiceYearly),
    (&words!["monthly"], Recurrence::Monthly),
    (&words!["every", "month"], Recurrence::Monthly),
    (&words!["each", "month"], Recurrence::Monthly),
    (&words!["once", "a", "month"], Recurrence::Monthly),
    (&words!["quarterly"], Recurrence::Quarterly),
    (&words!["every", "quarter"], Recurrence::Quarterly),
    (&words!["each", "quarter"], Recurrence::Quarterly),
    (&words!["every", "three", "months"], Recurrence::Quarterly),
    (&words!["every", "3", "months"], Recurrence::Quarterly),
    (&words!["termly"], Recurrence::Termly),
    (&words!["each", "term"], Recurrence::Termly),
    (&words!["every", "term"], Recurrence::Termly),
    (&words!["per", "term"], Recurrence::Termly),
    (&words!["twice", "a", "year"], Recurrence::TwiceYearly),
    (&words!["twice", "yearly"], Recurrence::TwiceYearly),
    (&words!["twice", "annually"], Recurrence::TwiceYearly),
    (&words!["twice", "per", "year"], Recurrence::TwiceYearly),
    (&words!["bi", "annually"], Recurrence::TwiceYearly),
    (&words!["biannually"], Recurrence::TwiceYearly),
    (&words!["bi", "annual"], Recurrence::TwiceYearly),
    (&words!["biannual"], Recurrence::TwiceYearly),
    (&words!["half", "yearly"], Recurrence::TwiceYearly),
    (&words!["every", "six", "months"], Recurrence::TwiceYearly),
    (&words!["every", "6", "months"], Recurrence::TwiceYearly),
    (&words!["each", "academic", "year"], Recurrence::Annually),
    (&words!["each", "financial", "year"], Recurrence::Annually),
    (&words!["every", "academic", "year"], Recurrence::Annually),
    (&words!["annually"], Recurrence::Annually),
    (&words!["annual"], Recurrence::Annually),
    (&words!["yearly"], Recurrence::Annually),
    (&words!["every", "year"], Recurrence::Annually),
    (&words!["each", "year"], Recurrence::Annually),
    (&words!["once", "a", "year"], Recurrence::Annually),
    (&words!["per", "annum"], Recurrence::Annually),
]);

/// Recurring without a stated frequency.
pub(super) const REGULAR: Phrases<&[Word]> = Phrases::plain(&[
    &words!["every"],
    &words!["times", "a", "year"],
    &words!["times", "per", "year"],
    &words!["times", "a", "month"],
    &words!["times", "a", "term"],
    &words!["regularly"],
    &words!["regular"],
    &words!["each", "meeting"],
    &words!["every", "meeting"],
    &words!["routinely"],
]);

/// Continuing past a date given with it: "April 2016 and ongoing".
pub(super) const STILL_GOING: Phrases<&[Word]> = Phrases::plain(&[
    &words!["ongoing"],
    &words!["on", "going"],
    &words!["continuing"],
    &words!["and", "beyond"],
]);

/// Continuous work with no end date.
pub(super) const ONGOING: Phrases<&[Word]> = Phrases::plain(&[
    &words!["throughout"],
    &words!["parhaus"],
    &words!["further", "notice"],
    &words!["year", "round"],
    &words!["all", "year"],
    &words!["ongoing"],
    &words!["on", "going"],
    &words!["continuous"],
    &words!["continual"],
    &words!["continuing"],
    &words!["continued"],
    &words!["continue"],
    &words!["rolling"],
    &words!["in", "progress"],
    &words!["underway"],
    &words!["under", "way"],
    &words!["business", "as", "usual"],
    &words!["bau"],
    &words!["permanent"],
]);

/// A target nobody can be held to.
pub(super) const VAGUE: Phrases<&[Word]> = Phrases::plain(&[
    &words!["tbc"],
    &words!["gadarnhau"],
    &words!["tba"],
    &words!["tbd"],
    &words!["tbcd"],
    &words!["to", "be", "confirmed"],
    &words!["to", "be", "agreed"],
    &words!["to", "be", "determined"],
    &words!["to", "be", "decided"],
    &words!["to", "be", "arranged"],
    &words!["to", "be", "scheduled"],
    &words!["to", "be", "set"],
    &words!["to", "be", "advised"],
    &words!["when"],
    &words!["whenever"],
    &words!["once"],
    &words!["if"],
    &words!["as", "required"],
    &words!["as", "needed"],
    &words!["as", "necessary"],
    &words!["as", "appropriate"],
    &words!["where", "appropriate"],
    &words!["where", "possible"],
    &words!["as", "resources"],
    &words!["resources", "permitting"],
    &words!["available"],
    &words!["subject", "to"],
    &words!["dependent", "on"],
    &words!["depending", "on"],
    &words!["depends", "on"],
    &words!["asap"],
    &words!["as", "soon", "as", "possible"],
    &words!["in", "due", "course"],
    &words!["ad", "hoc"],
    &words!["adhoc"],
    &words!["not", "yet", "known"],
    &words!["unknown"],
    &words!["not", "known"],
    &words!["immediately"],
    &words!["immediate"],
    &words!["soon"],
    &words!["future"],
    &words!["later"],
    &words!["long", "term"],
    &words!["medium", "term"],
    &words!["short", "term"],
    &words!["not", "set"],
    &words!["within"],
    &words!["months"],
    &words!["weeks"],
    &words!["days"],
    &words!["t", "b", "c"],
    &words!["t", "b", "a"],
    &words!["pending"],
    &words!["awaiting"],
    &words!["now"],
    &words!["not", "yet", "agreed"],
    &words!["not", "yet", "confirmed"],
    &words!["not", "yet", "decided"],
    &words!["next"],
    &words!["no", "date"],
    &words!["various"],
    &words!["flexible"],
]);

/// Progress written where a date belongs.
pub(super) const STATUSES: Phrases<(&[Word], StatusValue)> = Phrases::valued(&[
    (&words!["not", "started"], StatusValue::NotStarted),
    (&words!["not", "yet", "started"], StatusValue::NotStarted),
    (&words!["delayed"], StatusValue::Delayed),
    (&words!["overdue"], StatusValue::Delayed),
    (&words!["on", "hold"], StatusValue::Delayed),
    (&words!["on", "track"], StatusValue::OnTrack),
    (&words!["on", "target"], StatusValue::OnTrack),
    (&words!["complete"], StatusValue::Complete),
    (&words!["completed"], StatusValue::Complete),
    (&words!["done"], StatusValue::Complete),
    (&words!["achieved"], StatusValue::Complete),
    (&words!["delivered"], StatusValue::Complete),
    (&words!["established"], StatusValue::Complete),
    (&words!["in", "place"], StatusValue::Complete),
    (&words!["finished"], StatusValue::Complete),
    (&words!["closed"], StatusValue::Complete),
]);

/// Cells that say there is no milestone.
pub(super) const NOTHING: Phrases<&[Word]> = Phrases::plain(&[
    &words!["n", "a"],
    &words!["na"],
    &words!["not", "applicable"],
    &words!["none"],
    &words!["nil"],
    &words!["no", "milestone"],
    &words!["cancelled"],
    &words!["withdrawn"],
    &words!["no", "longer"],
]);

/// A table of phrases, with the set of their first words: most words of a milestone start
/// none of them and are passed over without comparing a phrase.
pub(super) struct Phrases<E: 'static> {
    list: &'static [E],
    starts: WordSet,
}

// Built only in constants: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
impl<T: Copy> Phrases<(&'static [Word], T)> {
    /// Phrases, each with the value it stands for.
    pub(super) const fn valued(list: &'static [(&'static [Word], T)]) -> Self {
        let mut starts = WordSet::EMPTY;
        let mut at = 0;
        while at < list.len() {
            if let [first, ..] = list[at].0 {
                starts = starts.with(*first);
            }
            at += 1;
        }
        Phrases { list, starts }
    }
}

#[allow(clippy::indexing_slicing)]
impl Phrases<&'static [Word]> {
    pub(super) const fn plain(list: &'static [&'static [Word]]) -> Self {
        let mut starts = WordSet::EMPTY;
        let mut at = 0;
        while at < list.len() {
            if let [first, ..] = list[at] {
                starts = starts.with(*first);
            }
            at += 1;
        }
        Phrases { list, starts }
    }
}

impl<E> Phrases<E> {
    /// Whether some phrase starts with `token`.
    fn may_start(&self, token: &Token<'_>) -> bool {
        self.starts.contains(token.word)
    }
}

/// Finds the first phrase of `table` (by position in the text) among `words`.
pub(super) fn find<T: Copy>(
    words: &[Token<'_>],
    table: &Phrases<(&'static [Word], T)>,
) -> Option<(usize, T)> {
    words
        .iter()
        .enumerate()
        .filter(|(_, token)| table.may_start(token))
        .find_map(|(at, _)| {
            table
                .list
                .iter()
                .find(|(phrase, _)| matches_at(words, at, phrase))
                .map(|&(_, value)| (at, value))
        })
}

/// Whether any phrase of `table` occurs among `words`; its position if so.
pub(super) fn find_any(words: &[Token<'_>], table: &Phrases<&'static [Word]>) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .filter(|(_, token)| table.may_start(token))
        .find(|&(at, _)| {
            table
                .list
                .iter()
                .any(|phrase| matches_at(words, at, phrase))
        })
        .map(|(at, _)| at)
}

/// Whether `phrase` starts at `words[at]`.
fn matches_at(words: &[Token<'_>], at: usize, phrase: &[Word]) -> bool {
    words.get(at..at + phrase.len()).is_some_and(|window| {
        window
            .iter()
            .zip(phrase)
            .all(|(token, word)| token.word == *word)
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
