//! The published plan schema and structural validation against it.
//!
//! The validator is generated at compile time by `jsonschema`'s macro: the runtime
//! validator would make the WASM module about ten times larger (regex engines, URL and
//! Unicode tables), see `docs/architecture.md`.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::ValidationError;
use serde_json::Value;

use crate::report::{Issue, Severity};
use crate::rules::declare_rule;

/// The plan JSON Schema (draft 2020-12) as published.
pub const PLAN_SCHEMA: &str = include_str!("plan.schema.json");

#[jsonschema::validator(path = "src/schema/plan.schema.json", draft = Draft202012, validate_formats = true)]
struct PlanValidator;

declare_rule! {
    /// ## What it checks
    /// The plan against the published JSON Schema (`prevent-plan-check schema`): required
    /// fields, types, known field names, date formats and length limits.
    ///
    /// ## Why
    /// Forms, spreadsheets and scripts all exchange plans in this shape; a plan that does not
    /// match cannot be read reliably, and the other checks may miss things in it.
    ///
    /// ## Example
    /// The action has no description: "Action 1 of section 1 has no description (schema
    /// keyword `required`)".
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"leads": ["Prevent Lead"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"description": "Deliver WRAP training", "leads": ["Prevent Lead"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Each issue names the schema keyword and points (`path`) at the field concerned: add the
    /// missing field, correct the type or the spelling of the field name, or remove a field
    /// the schema does not know. `prevent-plan-check schema` prints the schema.
    pub struct Schema { id: "schema", severity: Error, summary: "The plan does not match the plan schema" }
}

/// Checks a plan document against the schema; one issue per failure.
pub fn check(instance: &Value) -> Vec<Issue> {
    PlanValidator::iter_errors(instance)
        .map(|error| schema_issue(instance, &error))
        .collect()
}

fn schema_issue(root: &Value, error: &ValidationError<'_>) -> Issue {
    let path = error.instance_path().as_str().to_owned();
    let keyword = error.kind().keyword();
    let message = format!(
        "{} (schema keyword `{keyword}`)",
        describe_error(root, &path, error)
    );
    let mut issue = Issue::new(Schema::META.id, Severity::Error, path.clone(), message);
    issue.action = action_id_at(root, &path);
    issue
}

fn describe_error(root: &Value, path: &str, error: &ValidationError<'_>) -> String {
    format!(
        "{} {}",
        describe_location(root, path),
        predicate(path, error)
    )
}

/// What is wrong at `path`, to follow the name of the place: "has no description", "should
/// be a list, not text". Written here rather than with `jsonschema`'s own messages: their
/// `Display` covers every keyword (regex and number formatting among them) and would double
/// the validator's share of the module.
pub(crate) fn predicate(path: &str, error: &ValidationError<'_>) -> String {
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let field = property
                .as_str()
                .map_or_else(|| property.to_string(), field_name);
            format!("has no {field}")
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let names: Vec<String> = unexpected.iter().map(|name| format!("`{name}`")).collect();
            format!("has unknown field {}", names.join(", "))
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(kind) => type_name(&kind.to_string()).to_owned(),
                TypeKind::Multiple(kinds) => {
                    let names: Vec<&str> = kinds
                        .iter()
                        .map(|kind| type_name(&kind.to_string()))
                        .collect();
                    names.join(" or ")
                }
            };
            format!(
                "should be {expected}, not {}",
                value_type_name(error.instance())
            )
        }
        ValidationErrorKind::MinLength { .. } => "is empty".to_owned(),
        ValidationErrorKind::MaxLength { limit } => {
            format!("is too long (at most {limit} characters)")
        }
        ValidationErrorKind::MaxItems { limit } => {
            format!("has too many entries (at most {limit})")
        }
        ValidationErrorKind::MinItems { limit } => format!("needs at least {limit} entries"),
        ValidationErrorKind::UniqueItems => "lists the same entry more than once".to_owned(),
        ValidationErrorKind::Enum { options } => format!("should be one of {options}"),
        ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => format!(
            "should be {}, not {}",
            pattern_expectation(path),
            error.instance()
        ),
        ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::OneOfMultipleValid { .. } => {
            format!("should be {}", one_of_expectation(path))
        }
        // The published schemas use no other keyword; the keyword is named after the message.
        _ => "does not match the schema".to_owned(),
    }
}

/// "Action 1.2", "Milestone 2 of action 1.2", "The leads of action 3 of section 1".
fn describe_location(root: &Value, pointer: &str) -> String {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut owner = String::from("The plan");
    let mut current = root;
    let mut index = 0;
    while index < segments.len() {
        let (Some(&key), next) = (segments.get(index), segments.get(index + 1)) else {
            break;
        };
        let position = next.and_then(|next| next.parse::<usize>().ok());
        let child = current.get(key);
        match (key, position) {
            ("sections", Some(position)) => {
                current = child
                    .and_then(|value| value.get(position))
                    .unwrap_or(&Value::Null);
                owner = format!("Section {}", position + 1);
                index += 2;
            }
            ("actions", Some(position)) => {
                current = child
                    .and_then(|value| value.get(position))
                    .unwrap_or(&Value::Null);
                owner = match current.get("id").and_then(Value::as_str) {
                    Some(id) if !id.trim().is_empty() => format!("Action {}", id.trim()),
                    _ => format!("Action {} of {}", position + 1, lower_first(&owner)),
                };
                index += 2;
            }
            (field, Some(position)) => {
                let noun = singular(field);
                return format!(
                    "{} {} of {}",
                    capitalise(&noun),
                    position + 1,
                    lower_first(&owner)
                );
            }
            (field, None) => {
                let field = field_name(field);
                return format!("The {field} of {}", lower_first(&owner));
            }
        }
    }
    owner
}

fn action_id_at(root: &Value, pointer: &str) -> Option<String> {
    let segments: Vec<&str> = pointer.split('/').collect();
    let end = segments.iter().position(|segment| *segment == "actions")? + 2;
    let action_pointer = segments.get(..end)?.join("/");
    root.pointer(&action_pointer)?
        .get("id")?
        .as_str()
        .map(str::to_owned)
}

fn field_name(field: &str) -> String {
    match field {
        "as_of" => "reporting date".into(),
        "strategic_priorities" => "strategic priorities".into(),
        "outcomes" => "strategic priorities served".into(),
        other => other.replace('_', " "),
    }
}

fn singular(field: &str) -> String {
    match field {
        "strategic_priorities" => "strategic priority".into(),
        "categories" => "category".into(),
        other => other.strip_suffix('s').unwrap_or(other).replace('_', " "),
    }
}

fn pattern_expectation(pointer: &str) -> &'static str {
    let last = pointer
        .rsplit('/')
        .find(|segment| segment.parse::<usize>().is_err());
    match last {
        Some("as_of" | "start" | "end") => "a date written YYYY-MM-DD",
        Some("categories") => "a category id such as `channel_panel`",
        Some("profile") => "a profile id such as `la-2023`",
        _ => "in the expected format",
    }
}

fn one_of_expectation(pointer: &str) -> &'static str {
    let last = pointer
        .rsplit('/')
        .find(|segment| segment.parse::<usize>().is_err());
    match last {
        Some("period") => "a label such as \"2017/18\" or an object with `start` and `end` dates",
        Some("milestones") => "text such as \"March 2016\", or an object with that `text`",
        Some("status") => "text such as \"On track\", or an object with `text` and `value`",
        _ => "one of the allowed forms",
    }
}

fn type_name(json_type: &str) -> &'static str {
    match json_type {
        "string" => "text",
        "array" => "a list",
        "object" => "an object",
        "number" | "integer" => "a number",
        "boolean" => "true or false",
        "null" => "null",
        _ => "another type",
    }
}

fn value_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn lower_first(text: &str) -> String {
    // Only the generic "The plan"/"Section n"/"Action n" prefixes are lowered; ids keep case.
    match text.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", first.to_lowercase()),
        None => text.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(value: Value) -> Vec<(String, String)> {
        check(&value)
            .into_iter()
            .map(|issue| (issue.path, issue.message))
            .collect()
    }

    #[test]
    fn the_schema_is_valid_json_with_titles() {
        let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap_or_default();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(schema["$defs"]["action"]["properties"]["leads"].is_object());
    }

    #[test]
    fn a_minimal_plan_is_valid() {
        assert!(messages(json!({"sections": []})).is_empty());
    }

    #[test]
    fn missing_description_reads_like_a_person_wrote_it() {
        let found = messages(
            json!({"sections": [{"title": "T", "actions": [{"leads": []}, {"id": "2.1"}]}]}),
        );
        assert_eq!(
            found,
            [
                (
                    "/sections/0/actions/0".to_owned(),
                    "Action 1 of section 1 has no description (schema keyword `required`)"
                        .to_owned()
                ),
                (
                    "/sections/0/actions/1".to_owned(),
                    "Action 2.1 has no description (schema keyword `required`)".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn wrong_types_and_unknown_fields() {
        let found = messages(json!({
            "sections": [{"title": "T", "actions": [{"id": "1", "description": "D", "leads": "Prevent Lead", "colour": 1}]}],
            "as_of": "31/03/2017"
        }));
        let text: Vec<&str> = found.iter().map(|(_, message)| message.as_str()).collect();
        assert!(
            text.contains(
                &"The leads of action 1 should be a list, not text (schema keyword `type`)"
            ),
            "{text:?}"
        );
        assert!(
            text.contains(
                &"Action 1 has unknown field `colour` (schema keyword `additionalProperties`)"
            ),
            "{text:?}"
        );
        assert!(
            text.contains(&"The reporting date of the plan should be a date written YYYY-MM-DD, not \"31/03/2017\" (schema keyword `format`)"),
            "{text:?}"
        );
    }

    #[test]
    fn milestone_of_the_wrong_shape() {
        let found = messages(
            json!({"sections": [{"title": "T", "actions": [{"id": "3", "description": "D", "milestones": [7]}]}]}),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "/sections/0/actions/0/milestones/0");
        assert!(
            found[0]
                .1
                .starts_with("Milestone 1 of action 3 should be text"),
            "{found:?}"
        );
    }
}
