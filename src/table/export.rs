//! An imported plan in the plan input shape of the public contract: milestones as strings,
//! status as its text, no derived fields. This is what a table "says" as a JSON plan.

use serde_json::{Map, Value};

use crate::date::Period;
use crate::model::Plan;

/// The plan as JSON input: what `validate` accepts and what the bundled examples hold.
pub fn plan_as_input(plan: &Plan) -> Value {
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    // A period whose dates follow from its label is written as the label, as plans write it.
    if let Some(period) = &plan.period {
        let label = period.label.as_deref();
        if label.is_some_and(|label| Period::parse(label) == period.dates) {
            if let Some(object) = value.as_object_mut() {
                object.insert("period".into(), Value::from(label));
            }
        }
    }
    if let Some(sections) = value.get_mut("sections").and_then(Value::as_array_mut) {
        for section in sections {
            let actions = section.get_mut("actions").and_then(Value::as_array_mut);
            for action in actions
                .into_iter()
                .flatten()
                .filter_map(Value::as_object_mut)
            {
                simplify_action(action);
            }
        }
    }
    value
}

/// Fields in the order people read a plan (JSON objects are otherwise sorted by name).
const FIELD_ORDER: &[&str] = &[
    "id",
    "title",
    "authority",
    "period",
    "label",
    "start",
    "end",
    "as_of",
    "profile",
    "strategic_priorities",
    "description",
    "objective",
    "outputs",
    "outcomes",
    "leads",
    "partners",
    "milestones",
    "status",
    "categories",
    "sections",
    "actions",
];

/// Pretty JSON with the fields of each object in [`FIELD_ORDER`], two-space indented.
pub fn to_pretty_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_value(value: &Value, depth: usize, out: &mut String) {
    let indent = |depth: usize| "  ".repeat(depth);
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write_value(item, depth + 1, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|key| {
                (
                    FIELD_ORDER
                        .iter()
                        .position(|known| known == key)
                        .unwrap_or(FIELD_ORDER.len()),
                    key.as_str(),
                )
            });
            out.push_str("{\n");
            for (index, key) in keys.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                if let Some(item) = map.get(*key) {
                    write_value(item, depth + 1, out);
                }
                out.push_str(if index + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn simplify_action(action: &mut Map<String, Value>) {
    if let Some(milestones) = action.get_mut("milestones").and_then(Value::as_array_mut) {
        for milestone in milestones {
            if let Some(text) = milestone.get("text").cloned() {
                *milestone = text;
            }
        }
    }
    match action
        .get("status")
        .and_then(|status| status.get("text"))
        .cloned()
    {
        Some(text) => {
            action.insert("status".into(), text);
        }
        None => {
            action.remove("status");
        }
    }
    if action
        .get("categories")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        action.remove("categories");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Section, Status};

    #[test]
    fn writes_milestones_and_status_as_text() {
        let plan = Plan {
            sections: vec![Section {
                title: "Training".into(),
                actions: vec![Action {
                    description: "Deliver WRAP".into(),
                    milestones: vec!["Mar-18".into()],
                    status: Some(Status {
                        text: "On track".into(),
                        value: None,
                    }),
                    ..Action::default()
                }],
                ..Section::default()
            }],
            ..Plan::default()
        };
        let value = plan_as_input(&plan);
        let action = value
            .pointer("/sections/0/actions/0")
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            action.get("milestones"),
            Some(&serde_json::json!(["Mar-18"]))
        );
        assert_eq!(action.get("status"), Some(&serde_json::json!("On track")));
        assert_eq!(action.get("categories"), None);
        let text = to_pretty_json(&value);
        assert!(
            text.find("\"title\": \"Training\"") < text.find("\"actions\""),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(value));
    }
}
