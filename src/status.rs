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
    let lower = crate::case::lowercase(text);
    if lower.trim().is_empty() {
        return StatusValue::Unknown;
    }
    // "On target to be completed" is on track, not complete: "to be" + complete is a plan.
    let future_complete = [
        "to be completed",
        "to be complete",
        "will be completed",
        "to complete",
    ]
    .iter()
    .any(|cue| lower.contains(cue));
    let ongoing_in_place = contains_word(&lower, "continued") || contains_word(&lower, "ongoing");
    for (value, cues) in CUES {
        if cues.iter().any(|cue| contains_word(&lower, cue)) {
            return match value {
                StatusValue::Complete if future_complete => StatusValue::OnTrack,
                StatusValue::Complete if ongoing_in_place => StatusValue::Ongoing,
                value => *value,
            };
        }
    }
    StatusValue::Unknown
}

/// Whether `needle` occurs in `haystack` as whole words.
///
/// A plain byte scan: every progress note is tested against some fifty short cues, and
/// setting up `str::find`'s two-way searcher for each cue cost more than the scan (a third
/// of a whole check in the benchmark). Byte matches of UTF-8 text start on char boundaries.
fn contains_word(haystack: &str, needle: &str) -> bool {
    let (text, cue) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = cue.first() else {
        return false;
    };
    let mut from = 0;
    while let Some(start) = text
        .get(from..)
        .and_then(|rest| rest.iter().position(|&byte| byte == first))
        .map(|offset| from + offset)
    {
        let end = start + cue.len();
        if text.get(start..end) != Some(cue) {
            from = start + 1;
            continue;
        }
        let before = haystack
            .get(..start)
            .and_then(|text| text.chars().next_back());
        let after = haystack.get(end..).and_then(|text| text.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
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
    }
}
