//! Reading a plan document: JSON text -> [`Plan`].
//!
//! Two paths, with one boundary between them ([`read_valid_plan`]):
//! - the fast path reads the text straight into the model ([`plan`], over [`json`]), with
//!   the limits and the schema checked on the same pass, and no `serde_json::Value`; it
//!   answers only for plans it can prove well-formed, within the limits and valid;
//! - the full path reads any other text: serde_json to a `Value` ([`parse_json`], whose
//!   errors become `json-syntax` issues), the limits walk and the schema's validator on the
//!   `Value`, then the same reader, lenient, builds the plan from the text as the model's
//!   serde derives would from the `Value` ([`read_plan`]). Its issues are those reports have
//!   always had; the module carries no serde `Deserialize` code for the model.
//!
//! `tests/fast_path.rs` compares both readers with serde: the fast path with the whole full
//! path, the lenient reader with `serde_json::from_value` ([`to_plan`]).

mod json;
mod plan;

use serde_json::Value;

use crate::messages::Message;
use crate::model::Plan;
use crate::report::Issue;
use crate::rules::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That a plan given as JSON text is well-formed JSON.
    ///
    /// ## Why
    /// Nothing else can be checked until the text can be read; the line and column point at
    /// the first character that could not be read.
    ///
    /// ## Example
    /// The closing bracket comes where a value should: reported at line 1, column 15.
    /// ```json fails
    /// {"sections": [}
    /// ```
    /// ```json passes
    /// {"sections": []}
    /// ```
    ///
    /// ## How to fix
    /// Correct the text at the line and column given: usually a missing comma, quote or
    /// bracket just before that point. Plans built with `JSON.stringify` or exported by a
    /// form never have this problem; hand-edited files do.
    pub struct JsonSyntax { id: "json-syntax", severity: Error, summary: "The plan is not well-formed JSON" }
}

/// The plan of `text` when the full path would report nothing about the text itself (no
/// `json-syntax`, `input-too-large` or `schema` issue) and build the same plan from it;
/// `None` whenever that is not certain, and the caller takes the full path.
pub fn read_valid_plan(text: &str) -> Option<Plan> {
    if text.len() > crate::limits::MAX_INPUT_BYTES {
        return None;
    }
    plan::read_valid(text)
}

/// The plan the model's serde derives build from the `Value` of `text` (a text
/// [`parse_json`] read, within the limits), schema issues or not; `None` where they fail,
/// so that the report has the schema issues and no plan.
pub fn read_plan(text: &str) -> Option<Plan> {
    plan::read_lenient(text)
}

/// Parses JSON text, or describes where it went wrong.
pub fn parse_json(text: &str) -> Result<Value, Box<Issue>> {
    serde_json::from_str(text).map_err(|error| {
        // serde_json stops at its recursion limit (128, our MAX_DEPTH) rather than overflowing the stack.
        if error.to_string().starts_with("recursion limit exceeded") {
            return Box::new(crate::limits::too_deep());
        }
        let (line, column) = (error.line(), error.column());
        let mut issue = JsonSyntax::META
            .issue(
                "",
                Message::JsonSyntax {
                    error: error.to_string(),
                    line,
                    column,
                    end: error.is_eof(),
                },
            )
            .with_hint(Message::JsonSyntaxHint);
        issue.line = Some(line);
        issue.column = Some(column);
        Box::new(issue)
    })
}

/// Reads a value into the plan model with the model's serde derives, as [`read_plan`] reads
/// its text. Fails only where the schema reports a problem (a wrong type somewhere).
pub fn to_plan(value: Value) -> Option<Plan> {
    serde_json::from_value(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let Err(issue) = parse_json("{\n  \"sections\": [}") else {
            unreachable!("bad JSON parsed")
        };
        assert_eq!(issue.rule, "json-syntax");
        assert_eq!((issue.line, issue.column), (Some(2), Some(16)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let Err(issue) = parse_json(&deep) else {
            unreachable!("parsed")
        };
        assert_eq!(issue.rule, "input-too-large");
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse_json(&fine).is_ok());
    }
}
