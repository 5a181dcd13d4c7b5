//! Progress text -> [`StatusValue`].
//!
//! Progress columns hold free text ("On target to be completed", "Orders placed - awaiting
//! delivery", "This has been challenging") or RAG ratings. The first matching cue wins, in
//! an order chosen so that negations and delays beat the optimistic words around them.

use crate::model::StatusValue;
use crate::text::{hash_word, Token};

/// Cues in priority order. Matched on lowercase text with word boundaries.
const CUES: &[(StatusValue, &[&str])] = &[
    (
        StatusValue::Unknown,
        &["tbc", "not known", "unknown", "n/a"],
    ),
    (
        StatusValue::NotStarted,
        &[
            "not started",
            "not yet started",
            "yet to start",
            "yet to begin",
            "will begin",
            "to be started",
            "not begun",
            "no progress",
        ],
    ),
    (
        StatusValue::Delayed,
        &[
            "delayed",
            "delay",
            "slipped",
            "behind schedule",
            "overdue",
            "not achieved",
            "not met",
            "postponed",
            "on hold",
            "red",
        ],
    ),
    (
        StatusValue::AtRisk,
        &[
            "at risk",
            "challenging",
            "concern",
            "difficult",
            "difficulties",
            "issues with",
            "partially",
            "amber",
        ],
    ),
    (
        StatusValue::Complete,
        &[
            "complete",
            "completed",
            "achieved",
            "delivered",
            "done",
            "finished",
            "in place",
            "established",
            "has been",
        ],
    ),
    (
        StatusValue::Ongoing,
        &[
            "ongoing",
            "on-going",
            "continuing",
            "continue",
            "continues",
            "to be continued",
            "business as usual",
            "embedded",
        ],
    ),
    (
        StatusValue::OnTrack,
        &[
            "on track",
            "on target",
            "in progress",
            "progressing",
            "underway",
            "under way",
            "awaiting",
            "being",
            "green",
            "started",
            "commenced",
            "planned",
            "scheduled",
        ],
    ),
];

/// Normalises a progress text, read from its tokens (see [`crate::text`]) in one pass:
/// every cue starts and ends with a letter, so a cue that occurs as whole words starts at a
/// token, and only the cues whose first word hashes alike are compared with the text.
/// Blank text is `unknown`.
pub fn normalise(text: &str, tokens: &[Token]) -> StatusValue {
    let bytes = text.as_bytes();
    let mut future_complete = false;
    let mut ongoing_in_place = false;
    let mut first_cue = None;
    // The cues that would still come before the first one found.
    let mut earlier_cues = u64::MAX;
    for (index, token) in tokens.iter().enumerate() {
        let (start, end) = token.span();
        let (Some(word), Some(rest)) = (bytes.get(start..end), bytes.get(start..)) else {
            continue;
        };
        let after = bytes.get(end..).unwrap_or_default();
        future_complete |= FUTURE_COMPLETE.iter().any(|(last_word, then)| {
            ends_with_ignoring_case(word, last_word.as_bytes())
                && starts_with_ignoring_case(after, then.as_bytes())
        });
        ongoing_in_place |=
            word.eq_ignore_ascii_case(b"continued") || word.eq_ignore_ascii_case(b"ongoing");
        let mut candidates = CUE_STARTS
            .get(bucket(token.hash))
            .map_or(0, |cues| cues & earlier_cues);
        while candidates != 0 {
            let at = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let Some(cue) = FLAT_CUES.get(at) else {
                break;
            };
            // The cue's text as written, ending where its last word's token ends.
            let whole_words = starts_with_ignoring_case(rest, cue.text.as_bytes())
                && tokens
                    .get(index + cue.words - 1)
                    .is_some_and(|last| last.span().1 == start + cue.text.len());
            if whole_words {
                first_cue = Some(cue.value);
                earlier_cues = (1 << at) - 1;
                break;
            }
        }
    }
    match first_cue {
        Some(StatusValue::Complete) if future_complete => StatusValue::OnTrack,
        Some(StatusValue::Complete) if ongoing_in_place => StatusValue::Ongoing,
        Some(value) => value,
        None => StatusValue::Unknown,
    }
}

/// A cue, with the hash of its first word and its number of words.
#[derive(Clone, Copy)]
struct Cue {
    value: StatusValue,
    text: &'static str,
    first_word: u64,
    words: usize,
}

// Only ever evaluated in a constant: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
const CUE_COUNT: usize = {
    let (mut count, mut group) = (0, 0);
    while group < CUES.len() {
        count += CUES[group].1.len();
        group += 1;
    }
    count
};

/// [`CUES`] flattened, in priority order, at build time.
// Only ever evaluated in constants: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
const FLAT_CUES: [Cue; CUE_COUNT] = {
    let mut cues = [Cue {
        value: StatusValue::Unknown,
        text: "",
        first_word: 0,
        words: 0,
    }; CUE_COUNT];
    let (mut at, mut group) = (0, 0);
    while group < CUES.len() {
        let (value, texts) = CUES[group];
        let mut index = 0;
        while index < texts.len() {
            let bytes = texts[index].as_bytes();
            let mut first_word = 0;
            while first_word < bytes.len() && bytes[first_word].is_ascii_alphanumeric() {
                first_word += 1;
            }
            let mut words = 1;
            let mut byte = 1;
            while byte < bytes.len() {
                words += (bytes[byte].is_ascii_alphanumeric()
                    && !bytes[byte - 1].is_ascii_alphanumeric()) as usize;
                byte += 1;
            }
            cues[at] = Cue {
                value,
                text: texts[index],
                first_word: hash_word(bytes.split_at(first_word).0),
                words,
            };
            at += 1;
            index += 1;
        }
        group += 1;
    }
    cues
};

const BUCKETS: usize = 64;

fn bucket(hash: u64) -> usize {
    (hash % BUCKETS as u64) as usize
}

/// The cues each bucket of first-word hashes can start, as sets of [`FLAT_CUES`] indices
/// (bit `i` for cue `i`): a token is compared only with the few cues of its bucket.
// Only ever evaluated in a constant: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
const CUE_STARTS: [u64; BUCKETS] = {
    assert!(CUE_COUNT <= u64::BITS as usize, "a cue set is one u64");
    let mut starts = [0; BUCKETS];
    let mut at = 0;
    while at < CUE_COUNT {
        starts[(FLAT_CUES[at].first_word % BUCKETS as u64) as usize] |= 1 << at;
        at += 1;
    }
    starts
};

/// "On target to be completed" is on track, not complete: "to be" + complete is a plan.
/// Substrings, not words: the end of a word before a space, then what follows it.
const FUTURE_COMPLETE: [(&str, &str); 3] = [
    ("to", " be complete"),
    ("will", " be completed"),
    ("to", " complete"),
];

fn ends_with_ignoring_case(text: &[u8], suffix: &[u8]) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

fn starts_with_ignoring_case(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;
    use StatusValue::*;

    fn normalise(text: &str) -> StatusValue {
        super::normalise(text, &tokens(text))
    }

    #[test]
    fn reads_the_progress_notes_of_real_plans() {
        for (text, expected) in [
            ("On target to be completed", OnTrack),
            ("On track", OnTrack),
            ("Orders placed – awaiting delivery", OnTrack),
            (
                "Will begin to plan when steering group is in place",
                NotStarted,
            ),
            ("Staff changes has delayed this element", Delayed),
            ("This has been challenging", AtRisk),
            ("already in place to be continued", Ongoing),
            ("Complete", Complete),
            ("Training has been delivered to 300 staff", Complete),
            ("", Unknown),
            ("Green", OnTrack),
            ("Amber", AtRisk),
            ("Red", Delayed),
            (
                "Options and practice elsewhere is being researched",
                OnTrack,
            ),
        ] {
            assert_eq!(normalise(text), expected, "{text}");
        }
    }

    #[test]
    fn matches_whole_words_only() {
        assert_eq!(normalise("Credit union referral"), Unknown);
        assert_eq!(normalise("Undelivered"), Unknown);
        assert_eq!(normalise("N/A"), Unknown);
        assert_eq!(normalise("Not yet started (on-going review)"), NotStarted);
    }

    #[test]
    fn reads_future_completion_inside_words() {
        // The future-completion cues are substrings, not whole words.
        assert_eq!(normalise("Due to complete in May"), OnTrack);
        assert_eq!(normalise("Plan into completed form"), OnTrack);
        assert_eq!(normalise("Ongoing, and complete"), Ongoing);
    }

    #[test]
    fn lower_cases_other_text_first() {
        assert_eq!(normalise("Réunion DELAYED"), Delayed);
        assert_eq!(normalise("Crèche délivered"), Unknown);
        assert_eq!(normalise("ÉTÉ: COMPLETE"), Complete);
    }
}
