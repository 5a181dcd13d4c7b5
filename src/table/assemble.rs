//! Records -> the plan model, with every field's source cell.

use crate::model::{Action, Plan, PlanPeriod, Priority, Risk, Section, Status};

use super::columns::priority_refs;
use super::header::Field;
use super::heading::Heading;
use super::lists::{items, Agencies, ListKind};
use super::preamble::Preamble;
use super::rows::{Body, Part, Record, SectionRows};
use super::source_map::SourceMap;
use super::text::{
    ends_mid_phrase_with, join_broken_words, split_action_id, squeeze_spaces, starts_lowercase,
    strip_bullet, strip_html, unclosed_brackets,
};

/// Title of a section the table does not name.
pub const UNTITLED_SECTION: &str = "Actions";

/// Builds the plan and its source map from the tables of one sheet, in order.
pub fn plan(preamble: Preamble, bodies: Vec<Body>, sheet: Option<String>) -> (Plan, SourceMap) {
    let mut sources = SourceMap::new(sheet);
    let mut plan = Plan::default();
    if let Some((title, at)) = preamble.title {
        sources.insert("/title".into(), at);
        plan.title = Some(title);
    }
    if let Some((authority, at)) = preamble.authority {
        sources.insert("/authority".into(), at);
        plan.authority = Some(authority);
    }
    if let Some(((label, period), at)) = preamble.period {
        sources.insert("/period".into(), at);
        plan.period = Some(PlanPeriod {
            label: Some(label),
            dates: Some(period),
        });
    }
    for (index, ((id, title), at)) in preamble.priorities.into_iter().enumerate() {
        sources.insert(format!("/strategic_priorities/{index}"), at);
        plan.strategic_priorities.push(Priority { id, title });
    }
    for body in bodies {
        let wrapped = body.wrapped;
        let columns = body.columns;
        let sections = group_by_objective(body.sections);
        for section_rows in sections
            .into_iter()
            .filter(|section| section.heading.is_some() || !section.records.is_empty())
        {
            let pointer = format!("/sections/{}", plan.sections.len());
            let section = build_section(section_rows, &pointer, wrapped, &columns, &mut sources);
            plan.sections.push(section);
        }
    }
    settle_ids(&mut plan);
    (plan, sources)
}

/// Ids as the plan's references and duplicate checks need them. Numbering that restarts in
/// each section ("1".."6", then "1".."3") is qualified by the section ("2.1"); a table with
/// no ids at all is numbered "1", "2", ... in row order, and the plan says so.
fn settle_ids(plan: &mut Plan) {
    let ids = |section: &Section| -> Vec<String> {
        section
            .actions
            .iter()
            .filter_map(|action| action.id.clone())
            .collect()
    };
    let all: Vec<String> = plan.sections.iter().flat_map(ids).collect();
    if all.is_empty() {
        let actions = plan
            .sections
            .iter_mut()
            .flat_map(|section| &mut section.actions);
        for (index, action) in actions.enumerate() {
            action.id = Some((index + 1).to_string());
            plan.ids_assigned = true;
        }
        return;
    }
    let unique = |list: &[String]| {
        let mut seen = std::collections::HashSet::new();
        list.iter().all(|id| seen.insert(id))
    };
    // Numbering restarts when every section's numbering starts again where the first did;
    // a single repeated id is a mistake for `duplicate-id` to report.
    let first_of = |section: &Section| section.actions.first().and_then(|action| action.id.clone());
    let starts: Vec<Option<String>> = plan.sections.iter().map(first_of).collect();
    let same_start = starts.windows(2).all(|pair| pair.first() == pair.get(1));
    let restarts = !unique(&all)
        && same_start
        && plan.sections.len() > 1
        && plan.sections.iter().all(|section| unique(&ids(section)))
        && all.iter().all(|id| !id.contains('.'));
    if !restarts {
        return;
    }
    for (index, section) in plan.sections.iter_mut().enumerate() {
        let prefix = section
            .id
            .clone()
            .unwrap_or_else(|| (index + 1).to_string());
        for id in section
            .actions
            .iter_mut()
            .filter_map(|action| action.id.as_mut())
        {
            *id = format!("{prefix}.{id}");
        }
    }
}

/// A table without section rows but with an objective column is grouped by objective:
/// consecutive actions under one objective (often a merged cell) form a section.
fn group_by_objective(sections: Vec<SectionRows>) -> Vec<SectionRows> {
    let has_headings = sections.iter().any(|section| section.heading.is_some());
    let objectives_everywhere = sections
        .iter()
        .flat_map(|section| &section.records)
        .all(|record| !record.objective().is_empty());
    if has_headings || !objectives_everywhere {
        return sections;
    }
    let mut grouped: Vec<SectionRows> = Vec::new();
    for mut record in sections.into_iter().flat_map(|section| section.records) {
        let objective: Vec<Part> = record.objective().into_iter().cloned().collect();
        let title = squeeze_spaces(
            &objective
                .iter()
                .map(|part| part.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let at = objective
            .first()
            .map_or((0, 0), |part| (part.row, part.column));
        record.parts.retain(|part| part.field != Field::Objective);
        record.carried.retain(|part| part.field != Field::Objective);
        match grouped.last_mut() {
            Some(section)
                if section
                    .heading
                    .as_ref()
                    .is_some_and(|(heading, _)| heading.title == title) =>
            {
                section.records.push(record)
            }
            _ => grouped.push(SectionRows {
                heading: Some((Heading { id: None, title }, at)),
                records: vec![record],
            }),
        }
    }
    grouped
}

fn build_section(
    rows: SectionRows,
    pointer: &str,
    wrapped: bool,
    columns: &[Option<Field>],
    sources: &mut SourceMap,
) -> Section {
    let mut section = Section {
        title: UNTITLED_SECTION.to_owned(),
        ..Section::default()
    };
    if let Some((heading, at)) = rows.heading {
        sources.insert(pointer.to_owned(), at);
        sources.insert(format!("{pointer}/title"), at);
        section.id = heading.id;
        if !heading.title.is_empty() {
            section.title = heading.title;
        }
    }
    // One objective shared by every action through a merged cell is the section's statement.
    let shared_objective = shared_objective(&rows.records, wrapped);
    if let Some((text, at)) = &shared_objective {
        sources.insert(format!("{pointer}/description"), *at);
        section.description = Some(text.clone());
    }
    // In a self-assessment or risk register a row may record evidence or a risk and no
    // action yet: its objective is not made up into the action.
    let assessment = columns
        .iter()
        .flatten()
        .any(|field| matches!(field, Field::Requirement | Field::Evidence | Field::Risk));
    for record in &rows.records {
        let action_pointer = format!("{pointer}/actions/{}", section.actions.len());
        let layout = Layout {
            wrapped,
            objective_in_section: shared_objective.is_some(),
            assessment,
        };
        let action = build_action(record, &action_pointer, layout, sources);
        if let Some((row, _)) = record.start() {
            map_empty_fields(row, columns, &action_pointer, sources);
        }
        section.actions.push(action);
    }
    section
}

/// Fields whose absence rules report, and their JSON names.
const FILLABLE_FIELDS: [(Field, &str); 6] = [
    (Field::Action, "description"),
    (Field::Leads, "leads"),
    (Field::Partners, "partners"),
    (Field::Milestones, "milestones"),
    (Field::Outputs, "outputs"),
    (Field::Progress, "status"),
];

/// An empty field points at the empty cell of its column in the action's first row: where
/// the officer fills it in. Fields with content keep their own cells (the first insert wins).
fn map_empty_fields(row: usize, columns: &[Option<Field>], pointer: &str, sources: &mut SourceMap) {
    for (field, name) in FILLABLE_FIELDS {
        if let Some(column) = columns.iter().position(|column| *column == Some(field)) {
            sources.insert(format!("{pointer}/{name}"), (row, column));
        }
    }
}

fn shared_objective(records: &[Record], wrapped: bool) -> Option<(String, (usize, usize))> {
    let carried = records.iter().any(|record| {
        record
            .carried
            .iter()
            .any(|part| part.field == Field::Objective)
    });
    if records.len() < 2 || !carried {
        return None;
    }
    let first = records.first()?.objective();
    let at = first.first().map(|part| (part.row, part.column))?;
    let same_cells = records.iter().all(|record| {
        record
            .objective()
            .iter()
            .map(|part| (part.row, part.column))
            .eq(first.iter().map(|part| (part.row, part.column)))
    });
    same_cells.then(|| (prose(&first, Field::Objective, wrapped, "\n"), at))
}

/// What the table as a whole says about how to read one action's cells.
#[derive(Clone, Copy)]
struct Layout {
    /// Long text wraps over rows (extracted from PDF or Word).
    wrapped: bool,
    /// The section already states the objective every action shares.
    objective_in_section: bool,
    /// A self-assessment, gap analysis or risk register (requirement, evidence or risk
    /// columns).
    assessment: bool,
}

fn build_action(record: &Record, pointer: &str, layout: Layout, sources: &mut SourceMap) -> Action {
    let Layout {
        wrapped,
        objective_in_section,
        assessment,
    } = layout;
    let mut action = Action::default();
    if let Some(at) = record.start() {
        sources.insert(pointer.to_owned(), at);
    }
    let of = |field: Field| -> Vec<&Part> {
        record
            .parts
            .iter()
            .filter(|part| part.field == field)
            .collect()
    };
    let objective = if objective_in_section {
        Vec::new()
    } else {
        record.objective()
    };
    let mut description_parts = of(Field::Action);
    let mut objective_parts = objective;
    if description_parts.is_empty() && !assessment {
        description_parts = std::mem::take(&mut objective_parts);
    }

    let mut description = prose(&description_parts, Field::Action, wrapped, "\n");
    let ids = of(Field::Id);
    if let Some(id) = ids.first() {
        action.id = Some(id.text.trim().trim_end_matches('.').to_owned());
        sources.insert(format!("{pointer}/id"), (id.row, id.column));
    } else if let Some((id, rest)) = split_action_id(&description) {
        action.id = Some(id.to_owned());
        if let Some(part) = description_parts.first() {
            sources.insert(format!("{pointer}/id"), (part.row, part.column));
        }
        description = rest.to_owned();
    }
    if let Some(part) = description_parts.first() {
        sources.insert(format!("{pointer}/description"), (part.row, part.column));
    }
    action.description = description;
    if let Some(part) = objective_parts.first() {
        let text = prose(&objective_parts, Field::Objective, wrapped, "\n");
        if text != action.description {
            sources.insert(format!("{pointer}/objective"), (part.row, part.column));
            action.objective = Some(text);
        }
    }

    action.leads = list(
        &of(Field::Leads),
        ListKind::Agencies,
        wrapped,
        &format!("{pointer}/leads"),
        sources,
    );
    action.partners = list(
        &of(Field::Partners),
        ListKind::Agencies,
        wrapped,
        &format!("{pointer}/partners"),
        sources,
    );
    action.outputs = list(
        &of(Field::Outputs),
        ListKind::Lines,
        wrapped,
        &format!("{pointer}/outputs"),
        sources,
    );
    action.milestones = list(
        &of(Field::Milestones),
        ListKind::Bullets,
        wrapped,
        &format!("{pointer}/milestones"),
        sources,
    )
    .into_iter()
    .map(|text| text.as_str().into())
    .collect();
    let outcome_parts = of(Field::Outcomes);
    for (index, id) in outcome_parts
        .iter()
        .flat_map(|part| {
            priority_refs(&part.text)
                .into_iter()
                .map(move |id| (part, id))
        })
        .enumerate()
    {
        sources.insert(
            format!("{pointer}/outcomes/{index}"),
            (id.0.row, id.0.column),
        );
        if !action.outcomes.contains(&id.1) {
            action.outcomes.push(id.1);
        }
    }
    action.status = status(
        &of(Field::Progress),
        &of(Field::Rag),
        wrapped,
        pointer,
        sources,
    );
    let mut text_of = |field: Field, parts: &[&Part], name: &str| -> Option<String> {
        let first = parts.first()?;
        sources.insert(format!("{pointer}/{name}"), (first.row, first.column));
        Some(prose(parts, field, wrapped, "\n")).filter(|text| !text.is_empty())
    };
    action.requirement = text_of(
        Field::Requirement,
        &record.context(Field::Requirement),
        "requirement",
    );
    action.evidence = text_of(Field::Evidence, &of(Field::Evidence), "evidence");
    action.rag = text_of(Field::Rag, &of(Field::Rag), "rag");
    let risk = Risk {
        text: text_of(Field::Risk, &record.context(Field::Risk), "risk/text").unwrap_or_default(),
        severity: text_of(Field::Severity, &of(Field::Severity), "risk/severity"),
        likelihood: text_of(Field::Likelihood, &of(Field::Likelihood), "risk/likelihood"),
        rating: text_of(Field::RiskRating, &of(Field::RiskRating), "risk/rating"),
    };
    if risk != Risk::default() {
        action.risk = Some(risk);
    }
    action
}

/// Progress text, with a RAG rating in front when the table has one.
fn status(
    progress: &[&Part],
    rag: &[&Part],
    wrapped: bool,
    pointer: &str,
    sources: &mut SourceMap,
) -> Option<Status> {
    let progress_text = prose(progress, Field::Progress, wrapped, " ");
    let rag_text = prose(rag, Field::Rag, wrapped, " ");
    let text = match (rag_text.is_empty(), progress_text.is_empty()) {
        (true, true) => return None,
        (true, false) => progress_text,
        (false, true) => rag_text,
        (false, false) => format!("{rag_text}: {progress_text}"),
    };
    if let Some(part) = rag.first().or(progress.first()) {
        sources.insert(format!("{pointer}/status"), (part.row, part.column));
    }
    Some(Status { text, value: None })
}

/// How two cells of one field, one below the other, join: lines of a wrapped cell join
/// with a space; separate agencies on separate rows stay separate. `unclosed` counts the
/// brackets `before` leaves open.
fn separator(
    before: &str,
    unclosed: isize,
    next: &str,
    field: Field,
    wrapped: bool,
) -> &'static str {
    let starts_item = strip_bullet(next).1 || next.trim_start().starts_with('<');
    let agencies = matches!(field, Field::Leads | Field::Partners);
    if starts_item
        || (agencies
            && !wrapped
            && !ends_mid_phrase_with(before, unclosed)
            && !starts_lowercase(next))
    {
        "\n"
    } else {
        " "
    }
}

/// Cells of one field joined into chunks: cells that continue each other form one chunk.
/// Each cell's markup is removed before joining: a `<` in one cell and a `>` in the next
/// are text, not a tag that would swallow what lies between (found by the property that no
/// cell is dropped silently). Linear in the cells: a chunk's open brackets are counted as
/// it grows.
fn chunks<'p>(parts: &[&'p Part], field: Field, wrapped: bool) -> Vec<(String, &'p Part)> {
    let mut chunks: Vec<(String, &Part)> = Vec::new();
    let mut unclosed = 0;
    for part in parts {
        let text = strip_html(&part.text);
        match chunks.last_mut() {
            Some((joined, _)) if separator(joined, unclosed, &part.text, field, wrapped) == " " => {
                joined.push(' ');
                joined.push_str(&text);
                unclosed += unclosed_brackets(&text);
            }
            _ => {
                unclosed = unclosed_brackets(&text);
                chunks.push((text, part));
            }
        }
    }
    chunks
}

/// Free text of a field: bullets removed (markup is, by [`chunks`]), lines joined by
/// `line_break`.
fn prose(parts: &[&Part], field: Field, wrapped: bool, line_break: &str) -> String {
    let text = chunks(parts, field, wrapped)
        .into_iter()
        .map(|(text, _)| text)
        .collect::<Vec<_>>()
        .join("\n");
    let lines: Vec<&str> = text
        .lines()
        .map(|line| strip_bullet(line).0)
        .filter(|line| !line.is_empty())
        .collect();
    squeeze_spaces(&join_broken_words(&lines.join(line_break)))
}

/// List items of a field, each mapped to the cell it starts in.
fn list(
    parts: &[&Part],
    kind: ListKind,
    wrapped: bool,
    pointer: &str,
    sources: &mut SourceMap,
) -> Vec<String> {
    let Some(first) = parts.first() else {
        return Vec::new();
    };
    sources.insert(pointer.to_owned(), (first.row, first.column));
    let mut result: Vec<String> = Vec::new();
    let mut agencies_seen = Agencies::default();
    for (text, part) in chunks(parts, first.field, wrapped) {
        for item in items(&text, kind) {
            let duplicate = kind == ListKind::Agencies && !agencies_seen.first_time(&item);
            if !duplicate {
                sources.insert(
                    format!("{pointer}/{}", result.len()),
                    (part.row, part.column),
                );
                result.push(item);
            }
        }
    }
    result
}
