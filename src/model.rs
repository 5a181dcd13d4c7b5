//! The plan model: what a Prevent action or delivery plan says, as typed data.
//!
//! The same types serve as input (derived fields optional) and as the "plan as understood"
//! in a report (derived fields filled in by [`crate::analysis`]). Field names are the
//! JSON names of the published schema (`schema/plan.schema.json`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::{Date, Period};
use crate::milestone::Timescale;

/// A field given either as plain text or as an object (`"Mar-18"` or `{"text": "Mar-18"}`).
///
/// Read by hand rather than as `#[serde(untagged)]`, which buffers the value and copies each
/// of its strings once more: with a milestone and a status per action that was a tenth of
/// the time of a whole check.
enum TextOr<T> {
    Text(String),
    Object(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for TextOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextOrVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for TextOrVisitor<T> {
            type Value = TextOr<T>;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a string or an object")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(TextOr::Text(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(TextOr::Text(text))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(TextOr::Object)
            }
        }

        deserializer.deserialize_any(TextOrVisitor(PhantomData))
    }
}

/// A whole plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// "Prevent Delivery Plan 2019-20".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body that owns the plan: "London Borough of Haringey".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The period the plan covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PlanPeriod>,
    /// The date progress was reported at, for overdue checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The coverage profile this plan should be checked against ("la-2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Strategic priorities or outcomes that actions contribute to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategic_priorities: Vec<Priority>,
    /// Objectives, priorities, themes or issues, each with its actions.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The table had no action ids, so the importer numbered the actions "1", "2", ... in
    /// row order (references and duplicate checks need ids).
    #[serde(
        default,
        rename = "idsAssigned",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub ids_assigned: bool,
}

/// The period a plan covers: a label such as "2017/18" or explicit dates.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPeriod {
    pub label: Option<String>,
    /// `None` only when a label could not be read; [`crate::rules`] reports that.
    pub dates: Option<Period>,
}

/// `{"label", "start", "end"}`; a label that could not be read as dates is written as the
/// plain string it was, so that the plan as understood reads back as the same plan.
impl Serialize for PlanPeriod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Written<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            label: Option<&'a str>,
            #[serde(flatten)]
            dates: &'a Period,
        }
        match (&self.dates, &self.label) {
            (Some(dates), label) => Written {
                label: label.as_deref(),
                dates,
            }
            .serialize(serializer),
            (None, Some(label)) => serializer.serialize_str(label),
            (None, None) => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for PlanPeriod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Explicit {
            label: Option<String>,
            start: Date,
            end: Date,
        }
        Ok(match TextOr::<Explicit>::deserialize(deserializer)? {
            TextOr::Text(label) => PlanPeriod {
                dates: Period::parse(&label),
                label: Some(label),
            },
            TextOr::Object(Explicit { label, start, end }) => PlanPeriod {
                label,
                dates: Some(Period { start, end }),
            },
        })
    }
}

/// A strategic priority or outcome ("1) Respond to ideological challenge ...").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: String,
    pub title: String,
}

/// An objective, priority, theme or issue grouping actions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Required by the schema; defaulted here so the other checks still run without it.
    #[serde(default)]
    pub title: String,
    /// Longer text under the title: the objective or "We will ..." statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Coverage categories every action of the section counts towards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One action of a plan: what will be done, by whom, by when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// "1.2", "7", "A3"; unique within the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Required by the schema; defaulted here so the other checks still run without it.
    #[serde(default)]
    pub description: String,
    /// The objective this action serves, when the table gives one per row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// Outputs or outcomes the action should produce.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    /// Ids of the strategic priorities this action contributes to ("1", "2").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<String>,
    /// Lead officers or agencies: roles, not names of people.
    #[serde(default)]
    pub leads: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// What the duty or toolkit asks, in a self-assessment or gap analysis ("Does the
    /// institution have a single point of contact?").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    /// What is already in place: work to date, existing measures or controls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The risk the action addresses, with its scores, in a risk assessment or register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    /// The RAG (red, amber, green) rating as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<String>,
    /// Coverage categories: given explicitly, or inferred (see the report's `coverage`).
    #[serde(default)]
    pub categories: Vec<String>,
}

/// A risk as a risk assessment or register writes it; scores as written ("4", "High").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<String>,
    /// The rating the scores make ("12", "High").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
}

/// A milestone, timescale or target date as written, with what it was read as.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Milestone {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parsed: Option<Timescale>,
}

impl<'de> Deserialize<'de> for Milestone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            text: String,
            #[serde(rename = "parsed")]
            _parsed: Option<serde::de::IgnoredAny>,
        }
        // A supplied `parsed` is derived data: it is always recomputed from the text.
        let text = match TextOr::<Full>::deserialize(deserializer)? {
            TextOr::Text(text) => text,
            TextOr::Object(Full { text, .. }) => text,
        };
        Ok(Milestone { text, parsed: None })
    }
}

impl From<&str> for Milestone {
    fn from(text: &str) -> Self {
        Milestone {
            text: text.to_owned(),
            parsed: None,
        }
    }
}

/// Progress as written, and its normalised value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<StatusValue>,
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(default)]
            text: String,
            value: Option<StatusValue>,
        }
        Ok(match TextOr::<Full>::deserialize(deserializer)? {
            TextOr::Text(text) => Status { text, value: None },
            TextOr::Object(Full { text, value }) => Status { text, value },
        })
    }
}

/// The normalised set of progress states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusValue {
    NotStarted,
    OnTrack,
    AtRisk,
    Delayed,
    Complete,
    Ongoing,
    Unknown,
}

impl StatusValue {
    pub fn as_str(self) -> &'static str {
        match self {
            StatusValue::NotStarted => "not_started",
            StatusValue::OnTrack => "on_track",
            StatusValue::AtRisk => "at_risk",
            StatusValue::Delayed => "delayed",
            StatusValue::Complete => "complete",
            StatusValue::Ongoing => "ongoing",
            StatusValue::Unknown => "unknown",
        }
    }
}

impl Plan {
    /// Every action with its JSON Pointer and its section index, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = ActionRef<'_>> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(section_index, section)| {
                section
                    .actions
                    .iter()
                    .enumerate()
                    .map(move |(action_index, action)| ActionRef {
                        section_index,
                        action_index,
                        section,
                        action,
                    })
            })
    }
}

/// An action together with where it sits in the plan.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'a> {
    pub section_index: usize,
    pub action_index: usize,
    pub section: &'a Section,
    pub action: &'a Action,
}

impl ActionRef<'_> {
    /// JSON Pointer of the action: `/sections/1/actions/0`.
    pub fn pointer(&self) -> String {
        format!(
            "/sections/{}/actions/{}",
            self.section_index, self.action_index
        )
    }

    /// JSON Pointer of a field of the action: `/sections/1/actions/0/leads`.
    pub fn field_pointer(&self, field: &str) -> String {
        format!("{}/{field}", self.pointer())
    }

    /// How a person would name the action in a message: "Action 1.2", or by position.
    pub fn label(&self) -> String {
        match &self.action.id {
            Some(id) if !id.trim().is_empty() => format!("Action {}", id.trim()),
            _ => format!(
                "Action {} of section {}",
                self.action_index + 1,
                self.section_index + 1
            ),
        }
    }
}
