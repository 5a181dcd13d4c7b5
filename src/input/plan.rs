//! JSON text read straight into [`Plan`], in one of two ways:
//!
//! - strictly (the fast path, [`read_valid`]): checking on the way everything the full path
//!   would report (the limits, then the published schema), and answering `None` at the
//!   first thing it is not sure of;
//! - leniently ([`read_lenient`], for a text serde_json has read and the limits accepted):
//!   building exactly the plan the model's serde derives build from its `Value`, schema
//!   issues or not, and `None` exactly where they fail.
//!
//! Each reader below is one definition of `plan.schema.json` (`$defs/section`,
//! `$defs/action`, ...) and one type of [`crate::model`]. What serde refuses is refused both
//! ways: a key the model does not define, a value of another type (`null` is `None` for an
//! optional field), a required field of the model missing, a date that is no date, a status
//! value outside the enum. What only the schema refuses is refused strictly ([`schema`]):
//! `null`, a string longer than `maxLength` or the text limit, a list longer than
//! `maxItems`, a field the schema requires, `minLength`, `uniqueItems`, structs written as
//! arrays. Both build as serde does: defaults for fields left out, the last of repeated
//! keys, `parsed` ignored.

use std::borrow::Cow;

use crate::date::{Date, Period};
use crate::limits::{MAX_ACTIONS, MAX_CELL_CHARS};
use crate::model::{
    Action, Milestone, Plan, PlanPeriod, Priority, Risk, Section, Status, StatusValue,
};

use super::json::{within, Cursor};

/// `maxLength` of ids, category ids and profile ids (`$defs/id`, `$defs/categoryList`).
const ID_CHARS: usize = 64;
/// `maxLength` of a period's label.
const LABEL_CHARS: usize = 100;
/// `maxLength` of titles, authorities, risk scores and RAG ratings.
const NAME_CHARS: usize = 1000;
/// `maxLength` of an entry of a list (`$defs/textList`) and of a milestone's text.
const ENTRY_CHARS: usize = 10_000;
/// `maxLength` of free text (`$defs/text`, descriptions, progress, risks) is 100,000: the
/// text limit, checked before the schema, is the lower bound.
const TEXT_CHARS: usize = MAX_CELL_CHARS;

const MAX_SECTIONS: usize = 10_000;
const MAX_PRIORITIES: usize = 100;
const MAX_OUTCOMES: usize = 100;
const MAX_ENTRIES: usize = 1000;
const MAX_MILESTONES: usize = 1000;
const MAX_CATEGORIES: usize = 50;

/// The status values of the schema's `enum`, by their JSON names.
const STATUS_VALUES: [StatusValue; 7] = [
    StatusValue::NotStarted,
    StatusValue::OnTrack,
    StatusValue::AtRisk,
    StatusValue::Delayed,
    StatusValue::Complete,
    StatusValue::Ongoing,
    StatusValue::Unknown,
];

/// The fields of each struct in the order the model declares them: serde reads a struct
/// from an array of its fields in that order too.
const PLAN_FIELDS: [&str; 8] = [
    "title",
    "authority",
    "period",
    "as_of",
    "profile",
    "strategic_priorities",
    "sections",
    "idsAssigned",
];
const PRIORITY_FIELDS: [&str; 2] = ["id", "title"];
const SECTION_FIELDS: [&str; 5] = ["id", "title", "description", "categories", "actions"];
const ACTION_FIELDS: [&str; 14] = [
    "id",
    "description",
    "objective",
    "outputs",
    "outcomes",
    "leads",
    "partners",
    "milestones",
    "status",
    "requirement",
    "evidence",
    "risk",
    "rag",
    "categories",
];
const RISK_FIELDS: [&str; 4] = ["text", "severity", "likelihood", "rating"];

/// The plan of `text`, if the text is one JSON object valid against the schema and within
/// the limits (other than the byte limit, which the caller checks first).
pub(super) fn read_valid(text: &str) -> Option<Plan> {
    read(Cursor::new(text, false))
}

/// The plan the model's serde derives build from the `Value` of `text`, a text serde_json
/// reads and within the limits; `None` where they fail.
pub(super) fn read_lenient(text: &str) -> Option<Plan> {
    read(Cursor::new(text, true))
}

fn read(mut cursor: Cursor<'_>) -> Option<Plan> {
    let plan = plan(&mut cursor)?;
    cursor.at_end().then_some(plan)
}

/// `Some` where the schema allows what was read, or when reading leniently: the full path
/// has reported what the schema says.
fn schema(cursor: &Cursor<'_>, allowed: bool) -> Option<()> {
    (allowed || cursor.lenient()).then_some(())
}

/// A string of at most `max_chars` characters: one copy of the text when it has no escapes.
fn text(cursor: &mut Cursor<'_>, max_chars: usize) -> Option<String> {
    let text = cursor.str()?;
    schema(cursor, within(&text, max_chars))?;
    Some(text.into_owned())
}

/// An optional field: `null` is `None` to serde, and no type the schema allows.
fn optional<T>(
    cursor: &mut Cursor<'_>,
    read: impl FnOnce(&mut Cursor<'_>) -> Option<T>,
) -> Option<Option<T>> {
    if cursor.lenient() && cursor.null() {
        return Some(None);
    }
    read(cursor).map(Some)
}

fn list<T>(
    cursor: &mut Cursor<'_>,
    max_items: usize,
    item: impl FnMut(&mut Cursor<'_>) -> Option<T>,
) -> Option<Vec<T>> {
    let max_items = most_items(cursor, max_items);
    cursor.list(max_items, item)
}

/// [`list`] of items read in their place ([`Cursor::list_in_place`]).
fn list_in_place<T: Default>(
    cursor: &mut Cursor<'_>,
    max_items: usize,
    item: impl FnMut(&mut Cursor<'_>, &mut T) -> Option<()>,
) -> Option<Vec<T>> {
    let max_items = most_items(cursor, max_items);
    cursor.list_in_place(max_items, item)
}

/// The schema's `maxItems`, held to only when reading strictly.
fn most_items(cursor: &Cursor<'_>, max_items: usize) -> usize {
    if cursor.lenient() {
        usize::MAX
    } else {
        max_items
    }
}

/// A struct of the model: an object, or, as serde also reads it, an array of its `fields`
/// in order (not the schema's: refused strictly). `member` reads the value of each.
fn record(
    cursor: &mut Cursor<'_>,
    fields: &[&str],
    member: &mut dyn FnMut(&mut Cursor<'_>, &str) -> Option<()>,
) -> Option<()> {
    if cursor.lenient() && cursor.peek()? == b'[' {
        let mut next = fields.iter();
        return cursor.array(usize::MAX, &mut |cursor| member(cursor, next.next()?));
    }
    cursor.object(member)
}

fn plan(cursor: &mut Cursor<'_>) -> Option<Plan> {
    let mut plan = Plan::default();
    let mut has_sections = false;
    // Actions read so far, repeated keys' included, so that reading stops at the limit.
    let mut actions = 0;
    record(cursor, &PLAN_FIELDS, &mut |cursor, key| {
        match key {
            "title" => plan.title = optional(cursor, |cursor| text(cursor, NAME_CHARS))?,
            "authority" => plan.authority = optional(cursor, |cursor| text(cursor, NAME_CHARS))?,
            "period" => plan.period = optional(cursor, period)?,
            "as_of" => plan.as_of = optional(cursor, date)?,
            "profile" => plan.profile = optional(cursor, |cursor| text(cursor, ID_CHARS))?,
            "strategic_priorities" => {
                plan.strategic_priorities = list(cursor, MAX_PRIORITIES, priority)?;
            }
            "idsAssigned" => plan.ids_assigned = cursor.boolean()?,
            "sections" => {
                plan.sections = list(cursor, MAX_SECTIONS, |cursor| section(cursor, &mut actions))?;
                has_sections = true;
            }
            _ => return None,
        }
        Some(())
    })?;
    schema(cursor, has_sections)?;
    Some(plan)
}

/// A label (`minLength` 1) read by [`Period::parse`], or `{label, start, end}`.
fn period(cursor: &mut Cursor<'_>) -> Option<PlanPeriod> {
    if cursor.peek()? == b'"' {
        let label = text(cursor, LABEL_CHARS)?;
        schema(cursor, !label.is_empty())?;
        return Some(PlanPeriod {
            dates: Period::parse(&label),
            label: Some(label),
        });
    }
    let (mut label, mut start, mut end) = (None, None, None);
    cursor.object(&mut |cursor, key| {
        match key {
            "label" => label = optional(cursor, |cursor| text(cursor, LABEL_CHARS))?,
            "start" => start = Some(date(cursor)?),
            "end" => end = Some(date(cursor)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(PlanPeriod {
        label,
        dates: Some(Period {
            start: start?,
            end: end?,
        }),
    })
}

/// `$defs/isoDate`: `format: date` accepts exactly what [`Date::parse_iso`] reads.
fn date(cursor: &mut Cursor<'_>) -> Option<Date> {
    Date::parse_iso(&cursor.str()?)
}

/// `$defs/id`: `minLength` 1.
fn id(cursor: &mut Cursor<'_>) -> Option<String> {
    let id = text(cursor, ID_CHARS)?;
    schema(cursor, !id.is_empty())?;
    Some(id)
}

fn entries(cursor: &mut Cursor<'_>) -> Option<Vec<String>> {
    list(cursor, MAX_ENTRIES, |cursor| text(cursor, ENTRY_CHARS))
}

/// `$defs/categoryList`: `uniqueItems`.
fn categories(cursor: &mut Cursor<'_>) -> Option<Vec<String>> {
    let categories = list(cursor, MAX_CATEGORIES, |cursor| text(cursor, ID_CHARS))?;
    let unique = categories
        .iter()
        .enumerate()
        .all(|(index, category)| !categories.iter().take(index).any(|other| other == category));
    schema(cursor, unique)?;
    Some(categories)
}

fn priority(cursor: &mut Cursor<'_>) -> Option<Priority> {
    let (mut id, mut title) = (None, None);
    record(cursor, &PRIORITY_FIELDS, &mut |cursor, key| {
        match key {
            "id" => id = Some(self::id(cursor)?),
            "title" => title = Some(text(cursor, TEXT_CHARS)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Priority {
        id: id?,
        title: title?,
    })
}

fn section(cursor: &mut Cursor<'_>, actions: &mut usize) -> Option<Section> {
    let mut section = Section::default();
    let (mut has_title, mut has_actions) = (false, false);
    record(cursor, &SECTION_FIELDS, &mut |cursor, key| {
        match key {
            "id" => section.id = optional(cursor, id)?,
            "title" => {
                section.title = text(cursor, TEXT_CHARS)?;
                has_title = true;
            }
            "description" => {
                section.description = optional(cursor, |cursor| text(cursor, TEXT_CHARS))?;
            }
            "categories" => section.categories = categories(cursor)?,
            "actions" => {
                section.actions = list_in_place(cursor, MAX_ACTIONS, |cursor, read| {
                    *actions += 1;
                    schema(cursor, *actions <= MAX_ACTIONS)?;
                    action(cursor, read)
                })?;
                has_actions = true;
            }
            _ => return None,
        }
        Some(())
    })?;
    schema(cursor, has_title && has_actions)?;
    Some(section)
}

fn action(cursor: &mut Cursor<'_>, action: &mut Action) -> Option<()> {
    let mut has_description = false;
    // The schema's `if`: a row recording evidence, a risk or a requirement may have an
    // empty description; `else` any other needs one (`minLength` 1).
    let mut may_be_empty = false;
    record(cursor, &ACTION_FIELDS, &mut |cursor, key| {
        let free_text = |cursor: &mut Cursor<'_>| text(cursor, TEXT_CHARS);
        match key {
            "id" => action.id = optional(cursor, id)?,
            "description" => {
                action.description = free_text(cursor)?;
                has_description = true;
            }
            "objective" => action.objective = optional(cursor, free_text)?,
            "outputs" => action.outputs = entries(cursor)?,
            "outcomes" => action.outcomes = list(cursor, MAX_OUTCOMES, id)?,
            "leads" => action.leads = entries(cursor)?,
            "partners" => action.partners = entries(cursor)?,
            "milestones" => action.milestones = list_in_place(cursor, MAX_MILESTONES, milestone)?,
            "status" => action.status = optional(cursor, status)?,
            "categories" => action.categories = categories(cursor)?,
            "requirement" => {
                action.requirement = optional(cursor, free_text)?;
                may_be_empty = true;
            }
            "evidence" => {
                action.evidence = optional(cursor, free_text)?;
                may_be_empty = true;
            }
            "risk" => {
                action.risk = optional(cursor, risk)?;
                may_be_empty = true;
            }
            "rag" => action.rag = optional(cursor, |cursor| text(cursor, NAME_CHARS))?,
            _ => return None,
        }
        Some(())
    })?;
    schema(
        cursor,
        has_description && (may_be_empty || !action.description.is_empty()),
    )
}

/// Text, or `{text, parsed}` with `parsed` skipped: it is recomputed. The schema allows
/// only an object or null there; serde ignores anything.
fn milestone(cursor: &mut Cursor<'_>, milestone: &mut Milestone) -> Option<()> {
    if cursor.peek()? == b'"' {
        milestone.text = text(cursor, ENTRY_CHARS)?;
        return Some(());
    }
    let mut has_text = false;
    cursor.object(&mut |cursor, key| match key {
        "text" => {
            milestone.text = text(cursor, ENTRY_CHARS)?;
            has_text = true;
            Some(())
        }
        "parsed" => {
            if cursor.null() {
                Some(())
            } else {
                let object = cursor.peek()? == b'{';
                schema(cursor, object)?;
                cursor.skip_value(0)
            }
        }
        _ => None,
    })?;
    has_text.then_some(())
}

/// Text, or `{text, value}` with both optional.
fn status(cursor: &mut Cursor<'_>) -> Option<Status> {
    if cursor.peek()? == b'"' {
        return Some(Status {
            text: text(cursor, TEXT_CHARS)?,
            value: None,
        });
    }
    let mut status = Status {
        text: String::new(),
        value: None,
    };
    cursor.object(&mut |cursor, key| {
        match key {
            "text" => status.text = text(cursor, TEXT_CHARS)?,
            "value" => status.value = optional(cursor, status_value)?,
            _ => return None,
        }
        Some(())
    })?;
    Some(status)
}

/// A name of the enum; leniently also `{"on_track": null}`, serde's other form of it.
fn status_value(cursor: &mut Cursor<'_>) -> Option<StatusValue> {
    let name = if cursor.lenient() && cursor.peek()? == b'{' {
        // One key, whatever its repeats: the variant; its (last) value must be null.
        let mut keys: Vec<String> = Vec::new();
        cursor.object(&mut |cursor, key| {
            if !keys.iter().any(|known| known == key) {
                keys.push(key.to_owned());
            }
            cursor.null().then_some(())
        })?;
        match <[String; 1]>::try_from(keys) {
            Ok([only]) => Cow::Owned(only),
            Err(_) => return None,
        }
    } else {
        cursor.str()?
    };
    STATUS_VALUES
        .into_iter()
        .find(|value| value.as_str() == name)
}

fn risk(cursor: &mut Cursor<'_>) -> Option<Risk> {
    let mut risk = Risk::default();
    record(cursor, &RISK_FIELDS, &mut |cursor, key| {
        let score = |cursor: &mut Cursor<'_>| text(cursor, NAME_CHARS);
        match key {
            "text" => risk.text = text(cursor, TEXT_CHARS)?,
            "severity" => risk.severity = optional(cursor, score)?,
            "likelihood" => risk.likelihood = optional(cursor, score)?,
            "rating" => risk.rating = optional(cursor, score)?,
            _ => return None,
        }
        Some(())
    })?;
    Some(risk)
}
