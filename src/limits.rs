//! Limits on what one check accepts, so that time and memory per input stay bounded.
//! Every limit and its default is documented in `docs/limits.md`.

use serde_json::Value;

use crate::messages::Message;
use crate::report::Issue;
use crate::rules::declare_rule;
use crate::table::{address, Cell};
pub use crate::table::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// Largest plan document accepted, in bytes of JSON or table text (16 MiB: a 10,000-action
/// plan is about 4 MB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of a JSON document (a valid plan nests 7 levels deep).
pub const MAX_DEPTH: usize = 128;
/// Most actions in one plan.
pub const MAX_ACTIONS: usize = 100_000;
/// Longest text of one field or table cell, in characters: Excel's own limit for a cell, so
/// nothing typed into a spreadsheet is refused.
pub const MAX_CELL_CHARS: usize = 32_767;

declare_rule! {
    /// ## What it checks
    /// That the input is within the documented limits: at most 16 MiB of text, JSON nested at
    /// most 128 levels deep, at most 100,000 actions, at most 32,767 characters in one field
    /// or cell.
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

/// The issue for a table (or a file's tables) over [`crate::table::MAX_CELLS`] cells.
#[cfg(feature = "tables")]
pub fn too_many_cells() -> Issue {
    InputTooLarge::META
        .issue(
            "",
            Message::TooManyCells {
                max: crate::table::MAX_CELLS,
            },
        )
        .with_hint(Message::FileTooLargeHint)
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

/// The issue for a field or cell longer than [`MAX_CELL_CHARS`]; `path` is its JSON Pointer
/// (a table's cell is given by the caller).
pub fn text_too_long(path: String, chars: usize) -> Issue {
    InputTooLarge::META
        .issue(
            path,
            Message::TextTooLong {
                chars,
                max: MAX_CELL_CHARS,
            },
        )
        .with_hint(Message::TextTooLongHint)
}

/// The limits as JSON, for `limits()` in JS: `{"maxInputBytes", "maxDepth", ...}`.
pub fn to_json() -> String {
    format!(
        r#"{{"maxInputBytes":{MAX_INPUT_BYTES},"maxDepth":{MAX_DEPTH},"maxActions":{MAX_ACTIONS},"maxCellChars":{MAX_CELL_CHARS},"maxRows":{MAX_ROWS},"maxColumns":{MAX_COLUMNS},"maxCells":{MAX_CELLS}}}"#
    )
}

/// The first cell of a table's rows longer than [`MAX_CELL_CHARS`], as an issue at its cell.
pub fn check_cells(rows: &[&[Cell]], sheet: Option<&str>) -> Option<Issue> {
    rows.iter().enumerate().find_map(|(row, cells)| {
        cells
            .iter()
            .enumerate()
            .find_map(|(column, cell)| match cell {
                Cell::Text(text) if too_long(text) => {
                    let mut issue = text_too_long(String::new(), text.chars().count());
                    issue.cell = Some(address(row, column));
                    issue.sheet = sheet.map(str::to_owned);
                    Some(issue)
                }
                _ => None,
            })
    })
}

/// The first limit a parsed plan document breaks: too many actions, or a text too long.
pub fn check_plan_value(value: &Value) -> Option<Issue> {
    let actions = count_actions(value);
    if actions > MAX_ACTIONS {
        return Some(too_many_actions(actions));
    }
    let mut path = Vec::new();
    first_text_over_limit(value, &mut path)
}

fn count_actions(value: &Value) -> usize {
    value
        .get("sections")
        .and_then(Value::as_array)
        .map_or(0, |sections| {
            sections
                .iter()
                .filter_map(|section| section.get("actions").and_then(Value::as_array))
                .map(Vec::len)
                .sum()
        })
}

/// One step of a JSON Pointer, kept unformatted: the pointer is written only for the one
/// text found too long.
enum Step<'a> {
    Index(usize),
    Key(&'a str),
}

/// The JSON Pointer of `path`, up to its first key the schema does not define.
///
/// A path is a place in the plan's shape, never a key the plan's author chose: adapters build
/// form error trees from paths, and a key such as `__proto__` or `constructor` would walk
/// them into `Object.prototype` (issue 17). Text too long under a key of the author's is
/// reported at the object holding that key, as close as a form can show it.
fn pointer(path: &[Step<'_>]) -> String {
    path.iter()
        .take_while(|step| match step {
            Step::Index(_) => true,
            Step::Key(key) => crate::schema::is_field_name(key),
        })
        .map(|step| match step {
            Step::Index(index) => format!("/{index}"),
            Step::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
        })
        .collect()
}

fn too_long(text: &str) -> bool {
    // Bytes first: counting characters is needed only near the limit.
    text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS
}

/// The first string (or object key) longer than [`MAX_CELL_CHARS`], depth first; `path`
/// leads from the document to `value`.
fn first_text_over_limit<'a>(value: &'a Value, path: &mut Vec<Step<'a>>) -> Option<Issue> {
    match value {
        Value::String(text) if too_long(text) => {
            Some(text_too_long(pointer(path), text.chars().count()))
        }
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            path.push(Step::Index(index));
            let found = first_text_over_limit(item, path);
            path.pop();
            found
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            path.push(Step::Key(key));
            let found = if too_long(key) {
                Some(text_too_long(pointer(path), key.chars().count()))
            } else {
                first_text_over_limit(item, path)
            };
            path.pop();
            found
        }),
        _ => None,
    }
}

/// Megabytes with one decimal, in integer arithmetic (float formatting would add its tables
/// to the WASM module for this one message).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}
