//! A profile read from its JSON `Value` by hand, as the serde derives of [`Profile`] read
//! it: the derives' code stays out of the WASM builds, and Rust users keep `Deserialize`.
//!
//! As the derives do, unknown keys are ignored, an optional text may be `null`, and a key
//! with `#[serde(default)]` may be left out but not `null`. Unlike them, it does not read an
//! array as a struct (`[]` as an empty translation): the schema rejects those, and the
//! built-in files have none. `tests` compares both readers.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::profile::{Category, Profile, Translation};
use super::Basis;

/// The profile `value` holds, or `None` where the serde derive would fail.
pub(super) fn read_profile(value: &Value) -> Option<Profile> {
    let object = value.as_object()?;
    Some(Profile {
        id: text(object, "id")?,
        title: text(object, "title")?,
        guidance: text(object, "guidance")?,
        sector: text(object, "sector")?,
        description: optional_text(object, "description")?,
        categories: object
            .get("categories")?
            .as_array()?
            .iter()
            .map(read_category)
            .collect::<Option<_>>()?,
        translations: translations(object)?,
    })
}

fn read_category(value: &Value) -> Option<Category> {
    let object = value.as_object()?;
    let basis = match object.get("basis")?.as_str()? {
        "must" => Basis::Must,
        "should" => Basis::Should,
        "advice" => Basis::Advice,
        _ => return None,
    };
    Some(Category {
        id: text(object, "id")?,
        name: text(object, "name")?,
        basis,
        required: object.get("required")?.as_bool()?,
        description: text(object, "description")?,
        source: optional_text(object, "source")?,
        phrases: texts(object.get("phrases")?)?,
        exclude: match object.get("exclude") {
            None => Vec::new(),
            Some(value) => texts(value)?,
        },
        translations: translations(object)?,
    })
}

fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key)?.as_str().map(str::to_owned)
}

/// `Some(None)` when the key is left out or `null`; `None` when it holds anything but text.
fn optional_text(object: &Map<String, Value>, key: &str) -> Option<Option<String>> {
    match object.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(value) => value.as_str().map(|text| Some(text.to_owned())),
    }
}

fn texts(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|item| item.as_str().map(str::to_owned))
        .collect()
}

fn translations(object: &Map<String, Value>) -> Option<BTreeMap<String, Translation>> {
    let Some(value) = object.get("translations") else {
        return Some(BTreeMap::new());
    };
    value
        .as_object()?
        .iter()
        .map(|(locale, texts)| {
            let texts = texts.as_object()?;
            let translation = Translation {
                title: optional_text(texts, "title")?,
                name: optional_text(texts, "name")?,
                description: optional_text(texts, "description")?,
            };
            Some((locale.clone(), translation))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(value: &Value) -> (Option<Profile>, Option<Profile>) {
        let by_serde = serde_json::from_value::<Profile>(value.clone()).ok();
        (read_profile(value), by_serde)
    }

    #[test]
    fn every_builtin_profile_reads_as_serde_reads_it() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/src/coverage/profiles");
        let entries = std::fs::read_dir(folder).unwrap_or_else(|error| unreachable!("{error}"));
        let mut read = 0;
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let value: Value = serde_json::from_str(&text).unwrap_or_default();
            let (by_hand, by_serde) = both(&value);
            assert!(by_hand.is_some(), "{:?}", entry.path());
            assert_eq!(by_hand, by_serde, "{:?}", entry.path());
            read += 1;
        }
        assert!(read >= 7, "{read} profiles");
    }

    #[test]
    fn odd_values_read_as_serde_reads_them() {
        let category = json!({"id": "x", "name": "X", "basis": "must", "required": true,
            "description": "d", "phrases": ["xx"]});
        let profile = |edit: &dyn Fn(&mut Map<String, Value>)| {
            let mut value = json!({"id": "p", "title": "P", "guidance": "g", "sector": "schools",
                "categories": [category.clone()]});
            if let Some(object) = value.as_object_mut() {
                edit(object);
            }
            value
        };
        let in_category = |key: &'static str, field: Value| {
            profile(&move |object| {
                object["categories"][0][key] = field.clone();
            })
        };
        let cases = [
            profile(&|_| {}),
            profile(&|object| {
                object.insert("unknown".into(), json!(1));
            }),
            profile(&|object| {
                object.insert("description".into(), Value::Null);
            }),
            profile(&|object| {
                object.insert("description".into(), json!(3));
            }),
            profile(&|object| {
                object.insert("translations".into(), Value::Null);
            }),
            profile(&|object| {
                object.insert(
                    "translations".into(),
                    json!({"cy": {"title": "T", "extra": 1}, "fr": {}}),
                );
            }),
            profile(&|object| {
                object.insert("translations".into(), json!({"cy": {"title": 1}}));
            }),
            profile(&|object| {
                object.insert("translations".into(), json!({"cy": "Teitl"}));
            }),
            profile(&|object| {
                object.remove("sector");
            }),
            profile(&|object| {
                object.insert("categories".into(), json!({}));
            }),
            in_category("basis", json!("Must")),
            in_category("basis", json!(null)),
            in_category("required", json!("true")),
            in_category("phrases", json!(["a", 1])),
            in_category("phrases", json!(null)),
            in_category("exclude", json!(null)),
            in_category("exclude", json!(["no"])),
            in_category("source", json!(null)),
            in_category("source", json!(["s"])),
            json!([]),
            json!(null),
        ];
        for case in &cases {
            let (by_hand, by_serde) = both(case);
            assert_eq!(by_hand, by_serde, "{case}");
        }
    }
}
