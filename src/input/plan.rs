//! The fast path: JSON text read straight into [`Plan`], checking on the way everything the
//! full path would report (the limits, then the published schema), and answering `None` at
//! the first thing it is not sure of.
//!
//! Each reader below is one definition of `plan.schema.json` (`$defs/section`,
//! `$defs/action`, ...): a key the schema does not define, a value of another type, a
//! string longer than `maxLength` or than the text limit, a list longer than `maxItems`, a
//! `required` field missing, a `format: date` that is no date, a repeated category
//! (`uniqueItems`), a value outside the `enum`: each is `None`. What is accepted is built
//! as serde's derives in [`crate::model`] build it from the same value: defaults for fields
//! left out, the last of repeated keys, `parsed` ignored.

use crate::date::{Date, Period};
use crate::limits::{MAX_ACTIONS, MAX_CELL_CHARS};
use crate::model::{
    Action, Milestone, Plan, PlanPeriod, Priority, Risk, Section, Status, StatusValue,
};

use super::json::Cursor;

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

/// The plan of `text`, if the text is one JSON object valid against the schema and within
/// the limits (other than the byte limit, which the caller checks first).
pub(super) fn read(text: &str) -> Option<Plan> {
    let mut cursor = Cursor::new(text);
    let plan = plan(&mut cursor)?;
    cursor.at_end().then_some(plan)
}

fn plan(cursor: &mut Cursor<'_>) -> Option<Plan> {
    let mut plan = Plan::default();
    let mut has_sections = false;
    // Actions read so far, repeated keys' included, so that reading stops at the limit.
    let mut actions = 0;
    cursor.object(&mut |cursor, key| {
        match key {
            "title" => plan.title = Some(cursor.string(NAME_CHARS)?),
            "authority" => plan.authority = Some(cursor.string(NAME_CHARS)?),
            "period" => plan.period = Some(period(cursor)?),
            "as_of" => plan.as_of = Some(date(cursor)?),
            "profile" => plan.profile = Some(cursor.string(ID_CHARS)?),
            "strategic_priorities" => {
                plan.strategic_priorities = cursor.list(MAX_PRIORITIES, priority)?;
            }
            "idsAssigned" => plan.ids_assigned = cursor.boolean()?,
            "sections" => {
                plan.sections =
                    cursor.list(MAX_SECTIONS, |cursor| section(cursor, &mut actions))?;
                has_sections = true;
            }
            _ => return None,
        }
        Some(())
    })?;
    has_sections.then_some(plan)
}

/// A label (`minLength` 1) read by [`Period::parse`], or `{label, start, end}`.
fn period(cursor: &mut Cursor<'_>) -> Option<PlanPeriod> {
    if cursor.peek()? == b'"' {
        let label = cursor
            .string(LABEL_CHARS)
            .filter(|label| !label.is_empty())?;
        return Some(PlanPeriod {
            dates: Period::parse(&label),
            label: Some(label),
        });
    }
    let (mut label, mut start, mut end) = (None, None, None);
    cursor.object(&mut |cursor, key| {
        match key {
            "label" => label = Some(cursor.string(LABEL_CHARS)?),
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
    cursor.string(ID_CHARS).filter(|id| !id.is_empty())
}

fn entries(cursor: &mut Cursor<'_>) -> Option<Vec<String>> {
    cursor.list(MAX_ENTRIES, |cursor| cursor.string(ENTRY_CHARS))
}

/// `$defs/categoryList`: `uniqueItems`.
fn categories(cursor: &mut Cursor<'_>) -> Option<Vec<String>> {
    let categories = cursor.list(MAX_CATEGORIES, |cursor| cursor.string(ID_CHARS))?;
    let unique = categories
        .iter()
        .enumerate()
        .all(|(index, category)| !categories.iter().take(index).any(|other| other == category));
    unique.then_some(categories)
}

fn priority(cursor: &mut Cursor<'_>) -> Option<Priority> {
    let (mut id, mut title) = (None, None);
    cursor.object(&mut |cursor, key| {
        match key {
            "id" => id = Some(self::id(cursor)?),
            "title" => title = Some(cursor.string(TEXT_CHARS)?),
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
    cursor.object(&mut |cursor, key| {
        match key {
            "id" => section.id = Some(id(cursor)?),
            "title" => {
                section.title = cursor.string(TEXT_CHARS)?;
                has_title = true;
            }
            "description" => section.description = Some(cursor.string(TEXT_CHARS)?),
            "categories" => section.categories = categories(cursor)?,
            "actions" => {
                section.actions = cursor.list(MAX_ACTIONS, |cursor| {
                    *actions += 1;
                    if *actions > MAX_ACTIONS {
                        return None;
                    }
                    action(cursor)
                })?;
                has_actions = true;
            }
            _ => return None,
        }
        Some(())
    })?;
    (has_title && has_actions).then_some(section)
}

fn action(cursor: &mut Cursor<'_>) -> Option<Action> {
    let mut action = Action::default();
    let mut has_description = false;
    // The schema's `if`: a row recording evidence, a risk or a requirement may have an
    // empty description; `else` any other needs one (`minLength` 1).
    let mut may_be_empty = false;
    cursor.object(&mut |cursor, key| {
        match key {
            "id" => action.id = Some(id(cursor)?),
            "description" => {
                action.description = cursor.string(TEXT_CHARS)?;
                has_description = true;
            }
            "objective" => action.objective = Some(cursor.string(TEXT_CHARS)?),
            "outputs" => action.outputs = entries(cursor)?,
            "outcomes" => action.outcomes = cursor.list(MAX_OUTCOMES, id)?,
            "leads" => action.leads = entries(cursor)?,
            "partners" => action.partners = entries(cursor)?,
            "milestones" => action.milestones = cursor.list(MAX_MILESTONES, milestone)?,
            "status" => action.status = Some(status(cursor)?),
            "categories" => action.categories = categories(cursor)?,
            "requirement" => {
                action.requirement = Some(cursor.string(TEXT_CHARS)?);
                may_be_empty = true;
            }
            "evidence" => {
                action.evidence = Some(cursor.string(TEXT_CHARS)?);
                may_be_empty = true;
            }
            "risk" => {
                action.risk = Some(risk(cursor)?);
                may_be_empty = true;
            }
            "rag" => action.rag = Some(cursor.string(NAME_CHARS)?),
            _ => return None,
        }
        Some(())
    })?;
    (has_description && (may_be_empty || !action.description.is_empty())).then_some(action)
}

/// Text, or `{text, parsed}` with `parsed` (an object or null) skipped: it is recomputed.
fn milestone(cursor: &mut Cursor<'_>) -> Option<Milestone> {
    if cursor.peek()? == b'"' {
        return Some(Milestone {
            text: cursor.string(ENTRY_CHARS)?,
            parsed: None,
        });
    }
    let mut text = None;
    cursor.object(&mut |cursor, key| match key {
        "text" => {
            text = Some(cursor.string(ENTRY_CHARS)?);
            Some(())
        }
        "parsed" => {
            if cursor.null() {
                Some(())
            } else if cursor.peek()? == b'{' {
                cursor.skip_value(0)
            } else {
                None
            }
        }
        _ => None,
    })?;
    Some(Milestone {
        text: text?,
        parsed: None,
    })
}

/// Text, or `{text, value}` with both optional.
fn status(cursor: &mut Cursor<'_>) -> Option<Status> {
    if cursor.peek()? == b'"' {
        return Some(Status {
            text: cursor.string(TEXT_CHARS)?,
            value: None,
        });
    }
    let mut status = Status {
        text: String::new(),
        value: None,
    };
    cursor.object(&mut |cursor, key| {
        match key {
            "text" => status.text = cursor.string(TEXT_CHARS)?,
            "value" => {
                let name = cursor.str()?;
                status.value = Some(
                    STATUS_VALUES
                        .into_iter()
                        .find(|value| value.as_str() == name)?,
                );
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(status)
}

fn risk(cursor: &mut Cursor<'_>) -> Option<Risk> {
    let mut risk = Risk::default();
    cursor.object(&mut |cursor, key| {
        match key {
            "text" => risk.text = cursor.string(TEXT_CHARS)?,
            "severity" => risk.severity = Some(cursor.string(NAME_CHARS)?),
            "likelihood" => risk.likelihood = Some(cursor.string(NAME_CHARS)?),
            "rating" => risk.rating = Some(cursor.string(NAME_CHARS)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(risk)
}
