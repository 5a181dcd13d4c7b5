//! Limits on what one check accepts, so that time and memory per input stay bounded.

use crate::messages::Message;
use crate::report::Issue;
use crate::rules::declare_rule;

/// Largest plan document accepted, in bytes of JSON or table text (16 MiB: a 10,000-action
/// plan is about 4 MB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of a JSON document (a valid plan nests 7 levels deep).
pub const MAX_DEPTH: usize = 128;
/// Most actions in one plan.
pub const MAX_ACTIONS: usize = 100_000;

declare_rule! {
    /// ## What it checks
    /// That the input is within the documented limits: at most 16 MiB of text, JSON nested at
    /// most 128 levels deep, at most 100,000 actions.
    ///
    /// ## Why
    /// Checks run in browsers on every keystroke and in scripts over whole folders; a bounded
    /// input keeps each check fast and its memory small, whatever is pasted in.
    ///
    /// ## Example
    /// A 50 MB text pasted into a form, or JSON nested 200 levels deep, is reported instead of
    /// being checked. A plan of any real size is well within the limits.
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": []}]}
    /// ```
    ///
    /// ## How to fix
    /// Check the plan itself rather than an export of a larger system: one plan per file, as
    /// written by the body that owns it. `limits()` gives the exact limits.
    pub struct InputTooLarge { id: "input-too-large", severity: Error, summary: "The input is larger than the checker accepts" }
}

/// The issue for an input over the byte limit.
pub fn too_many_bytes(bytes: usize) -> Issue {
    InputTooLarge::META
        .issue(
            "",
            Message::TooManyBytes {
                size: megabytes(bytes),
                max: megabytes(MAX_INPUT_BYTES),
            },
        )
        .with_hint(Message::TooManyBytesHint)
}

/// The issue for JSON nested deeper than [`MAX_DEPTH`].
pub fn too_deep() -> Issue {
    InputTooLarge::META
        .issue("", Message::TooDeep { max: MAX_DEPTH })
        .with_hint(Message::TooDeepHint)
}

/// The issue for a plan with more than [`MAX_ACTIONS`] actions.
pub fn too_many_actions(actions: usize) -> Issue {
    InputTooLarge::META.issue(
        "/sections",
        Message::TooManyActions {
            actions,
            max: MAX_ACTIONS,
        },
    )
}

/// Megabytes with one decimal, in integer arithmetic (float formatting would add its tables
/// to the WASM module for this one message).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}
