//! The published plan schema and structural validation against it.
//!
//! The validator is generated at compile time by `jsonschema`'s macro: the runtime
//! validator would make the WASM module about ten times larger (regex engines, URL and
//! Unicode tables), see `docs/architecture.md`.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::ValidationError;
use serde_json::Value;

use crate::messages::{Expectation, JsonType, Message, Owner, Part, Place};
use crate::report::Issue;
use crate::rules::declare_rule;

/// The plan JSON Schema (draft 2020-12) as published.
pub const PLAN_SCHEMA: &str = include_str!("plan.schema.json");

/// Every property name the schema defines, anywhere, sorted (a test keeps it in step with
/// the schema): the only keys an issue's path may name.
const FIELD_NAMES: &[&str] = &[
    "actions",
    "as_of",
    "authority",
    "categories",
    "description",
    "end",
    "evidence",
    "id",
    "idsAssigned",
    "label",
    "leads",
    "likelihood",
    "milestones",
    "objective",
    "outcomes",
    "outputs",
    "parsed",
    "partners",
    "period",
    "profile",
    "rag",
    "rating",
    "requirement",
    "risk",
    "sections",
    "severity",
    "start",
    "status",
    "strategic_priorities",
    "text",
    "title",
    "value",
];

/// Whether `key` names a field the schema defines somewhere (in any `properties`).
pub fn is_field_name(key: &str) -> bool {
    FIELD_NAMES.binary_search(&key).is_ok()
}

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
    let mut issue = Schema::META.issue(path.clone(), describe_error(root, &path, error));
    issue.action = action_id_at(root, &path);
    issue
}

fn describe_error(root: &Value, path: &str, error: &ValidationError<'_>) -> Message {
    describe(locate(root, path), path, error)
}

/// What is wrong at `place` (at `path`), in our own words rather than `jsonschema`'s: their
/// `Display` covers every keyword (regex and number formatting among them) and would double
/// the validator's share of the module. Also describes the problems of a caller's profile.
pub(crate) fn describe(place: Place, path: &str, error: &ValidationError<'_>) -> Message {
    let keyword = error.kind().keyword().to_owned();
    match error.kind() {
        ValidationErrorKind::Required { property } => Message::SchemaRequired {
            place,
            field: property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned),
            keyword,
        },
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let names: Vec<String> = unexpected.iter().map(|name| format!("`{name}`")).collect();
            Message::SchemaUnknownField {
                place,
                fields: names.join(", "),
                keyword,
            }
        }
        ValidationErrorKind::Type { kind } => Message::SchemaType {
            place,
            expected: match kind {
                TypeKind::Single(kind) => vec![type_of(&kind.to_string())],
                TypeKind::Multiple(kinds) => kinds
                    .iter()
                    .map(|kind| type_of(&kind.to_string()))
                    .collect(),
            },
            found: value_type(error.instance()),
            keyword,
        },
        ValidationErrorKind::MinLength { .. } => Message::SchemaEmpty { place, keyword },
        ValidationErrorKind::MaxLength { limit } => Message::SchemaTooLong {
            place,
            limit: *limit,
            keyword,
        },
        ValidationErrorKind::MaxItems { limit } => Message::SchemaTooMany {
            place,
            limit: *limit,
            keyword,
        },
        ValidationErrorKind::MinItems { limit } => Message::SchemaTooFew {
            place,
            limit: *limit,
            keyword,
        },
        ValidationErrorKind::UniqueItems => Message::SchemaRepeated { place, keyword },
        ValidationErrorKind::Enum { options } => Message::SchemaEnum {
            place,
            options: options.to_string(),
            keyword,
        },
        ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => {
            Message::SchemaFormat {
                place,
                expected: pattern_expectation(path),
                found: error.instance().to_string(),
                keyword,
            }
        }
        ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::OneOfMultipleValid { .. } => Message::SchemaOneOf {
            place,
            expected: one_of_expectation(path),
            keyword,
        },
        // The published schemas use no other keyword; the keyword is named in the message.
        _ => Message::SchemaOther { place, keyword },
    }
}

/// The section or action a pointer is in, and the field of it: "action 1.2", "milestone 2
/// of action 1.2", "the leads of action 3 of section 1".
fn locate(root: &Value, pointer: &str) -> Place {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut owner = Owner::Plan;
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
                owner = Owner::Section(position + 1);
                index += 2;
            }
            ("actions", Some(position)) => {
                current = child
                    .and_then(|value| value.get(position))
                    .unwrap_or(&Value::Null);
                owner = match current.get("id").and_then(Value::as_str) {
                    Some(id) if !id.trim().is_empty() => Owner::Action(id.trim().to_owned()),
                    _ => Owner::ActionAt {
                        action: position + 1,
                        section: match owner {
                            Owner::Section(section) => Some(section),
                            _ => None,
                        },
                    },
                };
                index += 2;
            }
            (field, Some(position)) => {
                return Place {
                    owner,
                    part: Some(Part::Item(field.to_owned(), position + 1)),
                }
            }
            (field, None) => {
                return Place {
                    owner,
                    part: Some(Part::Field(field.to_owned())),
                }
            }
        }
    }
    Place { owner, part: None }
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

fn pattern_expectation(pointer: &str) -> Expectation {
    let last = pointer
        .rsplit('/')
        .find(|segment| segment.parse::<usize>().is_err());
    match last {
        Some("as_of" | "start" | "end") => Expectation::Date,
        Some("categories") => Expectation::CategoryId,
        Some("profile") => Expectation::ProfileId,
        _ => Expectation::Format,
    }
}

fn one_of_expectation(pointer: &str) -> Expectation {
    let last = pointer
        .rsplit('/')
        .find(|segment| segment.parse::<usize>().is_err());
    match last {
        Some("period") => Expectation::Period,
        Some("milestones") => Expectation::Milestone,
        Some("status") => Expectation::Status,
        _ => Expectation::AllowedForm,
    }
}

fn type_of(json_type: &str) -> JsonType {
    match json_type {
        "string" => JsonType::Text,
        "array" => JsonType::List,
        "object" => JsonType::Object,
        "number" | "integer" => JsonType::Number,
        "boolean" => JsonType::Boolean,
        "null" => JsonType::Null,
        _ => JsonType::Other,
    }
}

fn value_type(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::Text,
        Value::Array(_) => JsonType::List,
        Value::Object(_) => JsonType::Object,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn property_names(schema: &Value, names: &mut std::collections::BTreeSet<String>) {
        match schema {
            Value::Object(members) => {
                if let Some(Value::Object(properties)) = members.get("properties") {
                    names.extend(properties.keys().cloned());
                }
                members
                    .values()
                    .for_each(|member| property_names(member, names));
            }
            Value::Array(items) => items.iter().for_each(|item| property_names(item, names)),
            _ => {}
        }
    }

    #[test]
    fn field_names_are_the_schemas_property_names() {
        let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap_or_default();
        let mut names = std::collections::BTreeSet::new();
        property_names(&schema, &mut names);
        assert_eq!(
            FIELD_NAMES,
            names.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert!(!["__proto__", "constructor", "prototype"]
            .iter()
            .any(|key| is_field_name(key)));
    }

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
