//! Reading a plan document: JSON text -> value -> [`Plan`], with syntax errors located.

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

/// Reads a schema-checked value into the plan model. Fails only where the schema already
/// reported a problem (a wrong type somewhere), so the caller reports the schema issues.
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
