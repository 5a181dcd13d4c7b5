//! Progress text -> [`StatusValue`].
//!
//! Progress columns hold free text ("On target to be completed", "Orders placed - awaiting
//! delivery", "This has been challenging") or RAG ratings. The first matching cue wins, in
//! an order chosen so that negations and delays beat the optimistic words around them.

use crate::model::StatusValue;

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

/// Normalises a progress text. Blank text is `unknown`.
pub fn normalise(text: &str) -> StatusValue {
    if text.trim().is_empty() {
        return StatusValue::Unknown;
    }
    // ASCII text (almost all of it) is compared ignoring case where it stands; other text
    // is lower-cased once, as a whole, for the same pass.
    if text.is_ascii() {
        read_cues(text)
    } else {
        read_cues(&text.to_lowercase())
    }
}

/// A cue, with the length of its first word: a cue can only start at a word of that length.
#[derive(Clone, Copy)]
struct Cue {
    value: StatusValue,
    text: &'static str,
    first_word: usize,
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
            cues[at] = Cue {
                value,
                text: texts[index],
                first_word,
            };
            at += 1;
            index += 1;
        }
        group += 1;
    }
    cues
};

/// Which cues a word can start, as sets of [`FLAT_CUES`] indices (bit `i` for cue `i`): by
/// the word's first byte in lower case, and by its length. A word is compared only with the
/// few cues in both sets, instead of with every cue.
struct CueStarts {
    by_first_byte: [u64; 128],
    by_length: [u64; 16],
}

// Only ever evaluated in a constant: an index out of range fails the build, never a check.
#[allow(clippy::indexing_slicing)]
const CUE_STARTS: CueStarts = {
    assert!(CUE_COUNT <= u64::BITS as usize, "a cue set is one u64");
    let mut starts = CueStarts {
        by_first_byte: [0; 128],
        by_length: [0; 16],
    };
    let mut at = 0;
    while at < CUE_COUNT {
        let cue = FLAT_CUES[at];
        starts.by_first_byte[cue.text.as_bytes()[0] as usize] |= 1 << at;
        starts.by_length[cue.first_word] |= 1 << at;
        at += 1;
    }
    starts
};

/// "On target to be completed" is on track, not complete: "to be" + complete is a plan.
/// Substrings, not words: the last word before a space, then what follows it.
const FUTURE_COMPLETE: [(&str, &str); 3] = [
    ("to", " be complete"),
    ("will", " be completed"),
    ("to", " complete"),
];

/// The first cue of [`CUES`] in `text` (ASCII, or already lower case), read in one pass over
/// its words: every cue starts and ends with a letter, so a cue that occurs as whole words
/// starts at a word.
fn read_cues(text: &str) -> StatusValue {
    let bytes = text.as_bytes();
    let mut future_complete = false;
    let mut ongoing_in_place = false;
    let mut first_cue = None;
    // The cues that would still come before the first one found.
    let mut earlier_cues = u64::MAX;
    for (start, end) in words(text) {
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
        let by_first_byte = word.first().and_then(|byte| {
            CUE_STARTS
                .by_first_byte
                .get(usize::from(byte.to_ascii_lowercase()))
        });
        let by_length = CUE_STARTS.by_length.get(word.len());
        let mut candidates = by_first_byte
            .zip(by_length)
            .map_or(0, |(first, length)| first & length)
            & earlier_cues;
        while candidates != 0 {
            let at = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let Some(cue) = FLAT_CUES.get(at) else {
                break;
            };
            let whole_words = starts_with_ignoring_case(rest, cue.text.as_bytes())
                && !text
                    .get(start + cue.text.len()..)
                    .and_then(|after| after.chars().next())
                    .is_some_and(char::is_alphanumeric);
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

/// The byte spans of the maximal runs of alphanumeric characters of `text`. ASCII is
/// classified byte by byte; other characters are decoded.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let bytes = text.as_bytes();
        let mut start = None;
        while let Some(&byte) = bytes.get(from) {
            let (alphanumeric, width) = if byte.is_ascii() {
                (byte.is_ascii_alphanumeric(), 1)
            } else {
                text.get(from..)
                    .and_then(|rest| rest.chars().next())
                    .map_or((false, 1), |character| {
                        (character.is_alphanumeric(), character.len_utf8())
                    })
            };
            match (alphanumeric, start) {
                (true, None) => start = Some(from),
                (false, Some(begin)) => return Some((begin, from)),
                _ => {}
            }
            from += width;
        }
        start.map(|begin| (begin, bytes.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatusValue::*;

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
