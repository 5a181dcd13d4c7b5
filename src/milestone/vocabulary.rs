//! Every word the milestone grammar knows, each with a number.
//!
//! The lexer looks each word of a phrase up once, in a hash table built when the program is
//! built; from then on the grammar compares numbers, never text. (Comparing the text against
//! each keyword list in turn was about 140 comparisons per phrase.) A word the grammar names
//! with [`word!`] but that is missing from [`WORDS`] fails the build.

/// A word of the grammar, or [`Word::NONE`] for any other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word(u16);

/// The number of a word of the grammar (`word!("until")`), found when the program is built.
macro_rules! word {
    ($text:literal) => {
        const { $crate::milestone::vocabulary::Word::of($text) }
    };
}
pub(super) use word;

/// The numbers of several words of the grammar, as an array.
macro_rules! words {
    ($($text:literal),+ $(,)?) => {
        const { [$($crate::milestone::vocabulary::Word::of($text)),+] }
    };
}
pub(super) use words;

/// Every word the grammar compares against, in lower case: month names, connectors,
/// qualifiers, the words of the phrase tables (`words.rs`), and the digits those phrases use.
const WORDS: &[&str] = &[
    "2",
    "3",
    "6",
    "a",
    "above",
    "academic",
    "achieved",
    "action",
    "actions",
    "ad",
    "adhoc",
    "advised",
    "after",
    "agreed",
    "all",
    "amended",
    "an",
    "and",
    "annual",
    "annually",
    "annum",
    "applicable",
    "appropriate",
    "approx",
    "approximately",
    "apr",
    "april",
    "around",
    "arranged",
    "as",
    "asap",
    "at",
    "aug",
    "august",
    "autumn",
    "available",
    "awaiting",
    "awst",
    "b",
    "bau",
    "be",
    "before",
    "begin",
    "beginning",
    "below",
    "between",
    "beyond",
    "bi",
    "biannual",
    "biannually",
    "bimonthly",
    "blynyddol",
    "break",
    "business",
    "by",
    "c",
    "cancelled",
    "cf",
    "changed",
    "christmas",
    "chwarterol",
    "chwefror",
    "circa",
    "close",
    "closed",
    "commencement",
    "commencing",
    "complete",
    "completed",
    "completion",
    "confirmed",
    "continual",
    "continue",
    "continued",
    "continuing",
    "continuous",
    "course",
    "daily",
    "date",
    "dates",
    "day",
    "days",
    "deadline",
    "dec",
    "december",
    "decided",
    "deferred",
    "delayed",
    "delivered",
    "dependent",
    "depending",
    "depends",
    "determined",
    "ditto",
    "done",
    "due",
    "during",
    "e",
    "each",
    "earlier",
    "early",
    "easter",
    "ebrill",
    "effect",
    "end",
    "est",
    "established",
    "estimated",
    "every",
    "extended",
    "f",
    "fall",
    "feb",
    "february",
    "febuary",
    "financial",
    "finished",
    "first",
    "fisol",
    "flexible",
    "flynyddol",
    "following",
    "for",
    "formerly",
    "fortnightly",
    "forward",
    "forwards",
    "fourth",
    "fri",
    "friday",
    "from",
    "further",
    "future",
    "fy",
    "gadarnhau",
    "going",
    "gorffennaf",
    "half",
    "hoc",
    "hold",
    "holiday",
    "holidays",
    "hydref",
    "if",
    "immediate",
    "immediately",
    "in",
    "into",
    "ionawr",
    "is",
    "item",
    "items",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "known",
    "late",
    "later",
    "latest",
    "line",
    "linked",
    "long",
    "longer",
    "mai",
    "mar",
    "march",
    "mawrth",
    "may",
    "medi",
    "medium",
    "meeting",
    "mehefin",
    "mid",
    "middle",
    "milestone",
    "misol",
    "mon",
    "monday",
    "month",
    "monthly",
    "months",
    "moved",
    "n",
    "na",
    "necessary",
    "needed",
    "new",
    "next",
    "nil",
    "no",
    "none",
    "not",
    "notice",
    "nov",
    "november",
    "now",
    "number",
    "objective",
    "oct",
    "october",
    "of",
    "on",
    "once",
    "ongoing",
    "onward",
    "onwards",
    "or",
    "original",
    "originally",
    "overdue",
    "parhaus",
    "pending",
    "per",
    "permanent",
    "permitting",
    "place",
    "plus",
    "point",
    "points",
    "possible",
    "postponed",
    "previous",
    "previously",
    "priority",
    "progress",
    "provisional",
    "provisionally",
    "q",
    "qr",
    "qtr",
    "quarter",
    "quarterly",
    "rearranged",
    "ref",
    "refer",
    "reference",
    "regular",
    "regularly",
    "required",
    "rescheduled",
    "resources",
    "revised",
    "rhagfyr",
    "rolling",
    "roughly",
    "round",
    "routinely",
    "row",
    "same",
    "sat",
    "saturday",
    "scheduled",
    "school",
    "second",
    "see",
    "sep",
    "sept",
    "september",
    "set",
    "short",
    "since",
    "six",
    "slipped",
    "soon",
    "spring",
    "start",
    "started",
    "starting",
    "subject",
    "summer",
    "sun",
    "sunday",
    "t",
    "tachwedd",
    "target",
    "task",
    "tba",
    "tbc",
    "tbcd",
    "tbd",
    "tentative",
    "tentatively",
    "term",
    "termly",
    "terms",
    "than",
    "the",
    "then",
    "thereafter",
    "third",
    "three",
    "through",
    "throughout",
    "thru",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "til",
    "till",
    "times",
    "timescale",
    "timescales",
    "to",
    "track",
    "tue",
    "tues",
    "tuesday",
    "twice",
    "two",
    "under",
    "underway",
    "unknown",
    "until",
    "untill",
    "up",
    "updated",
    "usual",
    "various",
    "w",
    "was",
    "way",
    "wed",
    "wednesday",
    "week",
    "weekly",
    "weeks",
    "wef",
    "when",
    "whenever",
    "where",
    "will",
    "winter",
    "with",
    "withdrawn",
    "within",
    "wythnosol",
    "xmas",
    "year",
    "yearly",
    "yet",
];

/// Slots of the hash table: a power of two, about three times the number of words, so that
/// a lookup almost always settles at its first slot.
const SLOTS: usize = 1024;
const EMPTY: u16 = u16::MAX;

/// `WORDS` by hash of their bytes, with linear probing: each slot holds an index into `WORDS`.
static TABLE: [u16; SLOTS] = table();

/// FNV-1a: a few instructions a byte, and it spreads the grammar's words well.
const fn hash(bytes: &[u8]) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    let mut rest = bytes;
    while let [byte, tail @ ..] = rest {
        hash = (hash ^ *byte as u32).wrapping_mul(0x0100_0193);
        rest = tail;
    }
    hash as usize % SLOTS
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    let (mut a, mut b) = (a, b);
    loop {
        match (a, b) {
            ([x, a_rest @ ..], [y, b_rest @ ..]) if *x == *y => {
                a = a_rest;
                b = b_rest;
            }
            ([], []) => return true,
            _ => return false,
        }
    }
}

// Evaluated only when the program is built: a failed check here is a build error, never a
// check's.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn table() -> [u16; SLOTS] {
    assert!(WORDS.len() * 2 < SLOTS && WORDS.len() < EMPTY as usize);
    let mut table = [EMPTY; SLOTS];
    let mut index = 0;
    while index < WORDS.len() {
        let word = WORDS[index].as_bytes();
        // Lower-case ASCII of at most the lexer's key length, each word once.
        assert!(!word.is_empty() && word.len() <= super::lex::KEY_LENGTH);
        let mut at = 0;
        while at < word.len() {
            assert!(word[at].is_ascii_lowercase() || word[at].is_ascii_digit());
            at += 1;
        }
        let mut slot = hash(word);
        while table[slot] != EMPTY {
            assert!(
                !same(WORDS[table[slot] as usize].as_bytes(), word),
                "a word listed twice"
            );
            slot = (slot + 1) % SLOTS;
        }
        table[slot] = index as u16;
        index += 1;
    }
    table
}

impl Word {
    /// Any text that is not a word of the grammar.
    pub(super) const NONE: Word = Word(EMPTY);

    /// The word `text`; used through [`word!`], so that a word missing from [`WORDS`] fails
    /// the build.
    #[allow(clippy::indexing_slicing, clippy::panic)]
    pub(super) const fn of(text: &str) -> Word {
        let mut index = 0;
        while index < WORDS.len() {
            if same(WORDS[index].as_bytes(), text.as_bytes()) {
                return Word(index as u16);
            }
            index += 1;
        }
        panic!("not a word of the milestone grammar: add it to WORDS")
    }

    /// The word whose lower-case bytes are `key`, if the grammar knows it.
    pub(super) fn lookup(key: &[u8]) -> Word {
        if key.is_empty() {
            return Word::NONE;
        }
        let mut slot = hash(key);
        while let Some(&index) = TABLE.get(slot).filter(|&&index| index != EMPTY) {
            let word = WORDS.get(usize::from(index)).map(|word| word.as_bytes());
            if word == Some(key) {
                return Word(index);
            }
            slot = (slot + 1) % SLOTS;
        }
        Word::NONE
    }

    fn bit(self) -> (usize, u64) {
        (usize::from(self.0 / 64), 1 << (self.0 % 64))
    }
}

/// A set of words, as a bit per word: which words start a phrase of a table.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordSet([u64; SLOTS / 64]);

impl WordSet {
    pub(super) const EMPTY: WordSet = WordSet([0; SLOTS / 64]);

    #[allow(clippy::indexing_slicing)]
    pub(super) const fn with(mut self, word: Word) -> WordSet {
        // Only ever built in constants, from words of `WORDS`.
        self.0[(word.0 / 64) as usize] |= 1 << (word.0 % 64);
        self
    }

    pub(super) fn contains(&self, word: Word) -> bool {
        let (at, bit) = word.bit();
        self.0.get(at).is_some_and(|bits| bits & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_by_its_bytes() {
        for (index, text) in WORDS.iter().enumerate() {
            assert_eq!(Word::lookup(text.as_bytes()), Word(index as u16), "{text}");
        }
        assert_eq!(Word::lookup(b"unheard"), Word::NONE);
        assert_eq!(Word::lookup(b""), Word::NONE);
        assert_eq!(word!("until"), Word::lookup(b"until"));
    }
}
