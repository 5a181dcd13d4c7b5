//! The sheets of a workbook, or the tables of a document, -> one plan.
//!
//! Every visible sheet (or table) with a plan header is read, in order, and their sections
//! follow one another: a workbook with one sheet per objective, or a Word plan with one
//! table per priority, is one plan. The title, period and priorities come from the first
//! sheet that has them. What is not read is said (`sheet-unread`): a sheet without a plan
//! header, and a hidden sheet (an old draft is never chosen over the visible plan; hidden
//! sheets are read only when no visible sheet holds a plan). Issues point back at the sheet
//! and cell, and for documents at the table, row and column a Word user can find.

use crate::messages::{Locale, Message};
use crate::model::Plan;
use crate::report::{Issue, Location};

use super::assemble::UNTITLED_SECTION;
use super::cell::{Cell, Table};
use super::header;
use super::source_map::SourceMap;
use super::{import, FormulaUncached, SheetUnread, TableNoHeader, MAX_CELLS, MAX_COLUMNS};

/// The plan read from several tables, and where each of its parts came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub plan: Plan,
    pub issues: Vec<Issue>,
    parts: Vec<Part>,
}

/// One table's share of the plan.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    sources: SourceMap,
    table: Option<usize>,
    above: usize,
    first_section: usize,
    sections: usize,
    first_priority: usize,
    priorities: usize,
    /// Top-level fields ("/title") this part gave the plan.
    fields: Vec<&'static str>,
}

const PLAN_FIELDS: &[&str] = &["/title", "/authority", "/period"];

/// Reads every plan table of `tables` into one plan.
pub fn import_all(tables: &[Table]) -> Result<Combined, Issue> {
    let cells: usize = tables.iter().map(Table::cells).sum();
    if cells > MAX_CELLS {
        return Err(crate::limits::too_many_cells());
    }
    let with_header: Vec<bool> = tables.iter().map(has_header).collect();
    let visible_plan = tables
        .iter()
        .zip(&with_header)
        .any(|(table, header)| *header && !table.hidden);
    let chosen: Vec<bool> = tables
        .iter()
        .zip(&with_header)
        .map(|(table, header)| *header && (!table.hidden || !visible_plan))
        .collect();
    let mut combined = Combined {
        plan: Plan::default(),
        issues: Vec::new(),
        parts: Vec::new(),
    };
    for (table, read) in tables.iter().zip(&chosen) {
        if !*read {
            combined.issues.extend(not_read(table));
        }
    }
    let reading: Vec<&Table> = tables
        .iter()
        .zip(&chosen)
        .filter_map(|(table, read)| read.then_some(table))
        .collect();
    if reading.is_empty() {
        let documents = tables.iter().any(|table| table.table.is_some());
        return Err(if documents {
            TableNoHeader::META
                .issue("", Message::NoPlanTable)
                .with_hint(Message::NoPlanSheetHint {
                    rows: header::SEARCH_ROWS,
                })
        } else {
            super::no_plan_sheet()
        });
    }
    let several = reading.len() > 1;
    for table in reading {
        let imported = import(table)?;
        combined.add(table, imported, several);
    }
    Ok(combined)
}

impl Combined {
    fn add(&mut self, table: &Table, imported: super::Imported, several: bool) {
        let mut plan = imported.plan;
        let mut part = Part {
            sources: imported.sources,
            table: table.table,
            above: table.above,
            first_section: self.plan.sections.len(),
            sections: plan.sections.len(),
            first_priority: self.plan.strategic_priorities.len(),
            priorities: plan.strategic_priorities.len(),
            fields: Vec::new(),
        };
        let target = &mut self.plan;
        for (field, mine, theirs) in [
            ("/title", &mut target.title, plan.title.take()),
            ("/authority", &mut target.authority, plan.authority.take()),
        ] {
            if mine.is_none() && theirs.is_some() {
                *mine = theirs;
                part.fields.push(field);
            }
        }
        if target.period.is_none() && plan.period.is_some() {
            target.period = plan.period.take();
            part.fields.push("/period");
        }
        // A sheet per objective names the objective on its tab.
        if several && table.table.is_none() {
            if let (Some(name), [section]) = (&table.sheet, plan.sections.as_mut_slice()) {
                if section.title == UNTITLED_SECTION {
                    section.title.clone_from(name);
                }
            }
        }
        // A table without ids was numbered from "1": across tables the numbering goes on in
        // reading order, so that the plan's ids stay unique.
        if plan.ids_assigned {
            let before = target
                .sections
                .iter()
                .map(|section| section.actions.len())
                .sum::<usize>();
            let actions = plan
                .sections
                .iter_mut()
                .flat_map(|section| &mut section.actions);
            for (index, action) in actions.enumerate() {
                action.id = Some((before + index + 1).to_string());
            }
            target.ids_assigned = true;
        }
        target
            .strategic_priorities
            .append(&mut plan.strategic_priorities);
        target.sections.append(&mut plan.sections);
        let mut issues = imported.issues;
        issues.extend(formulas(table));
        for issue in &mut issues {
            locate_in(&part, issue);
        }
        self.issues.extend(issues);
        self.parts.push(part);
    }

    /// Fills in the sheet, cell and location of issues about fields of the plan.
    pub fn locate(&self, issues: &mut [Issue], locale: Locale) {
        for issue in issues.iter_mut() {
            if issue.cell.is_none() {
                if let Some((part, local)) = self.part_of(&issue.path) {
                    if let Some(cell) = part.sources.cell(&local) {
                        issue.cell = Some(cell.to_owned());
                        issue.sheet.clone_from(&part.sources.sheet);
                        locate_in(part, issue);
                    }
                }
            }
            if let Some(location) = &mut issue.location {
                location.localize(locale);
            }
        }
    }

    /// The part a plan pointer belongs to, and the pointer within that part's own plan.
    fn part_of(&self, pointer: &str) -> Option<(&Part, String)> {
        type Range = fn(&Part) -> (usize, usize);
        let lists: [(&str, Range); 2] = [
            ("/sections/", |part| (part.first_section, part.sections)),
            ("/strategic_priorities/", |part| {
                (part.first_priority, part.priorities)
            }),
        ];
        for (list, range) in lists {
            if let Some(rest) = pointer.strip_prefix(list) {
                let (index, tail) = rest.split_once('/').map_or((rest, ""), |(i, t)| (i, t));
                let index: usize = index.parse().ok()?;
                let part = self.parts.iter().find(|part| {
                    let (first, count) = range(part);
                    (first..first + count).contains(&index)
                })?;
                let local = index - range(part).0;
                let slash = if tail.is_empty() { "" } else { "/" };
                return Some((part, format!("{list}{local}{slash}{tail}")));
            }
        }
        let field = PLAN_FIELDS
            .iter()
            .find(|field| pointer == **field || pointer.starts_with(&format!("{field}/")))?;
        let part = self.parts.iter().find(|part| part.fields.contains(field))?;
        Some((part, pointer.to_owned()))
    }
}

/// Adds a document table's location to an issue that has a cell of it.
fn locate_in(part: &Part, issue: &mut Issue) {
    let (Some(table), Some(cell)) = (part.table, issue.cell.as_deref()) else {
        return;
    };
    if let Some(at) = super::cell::parse_address(cell) {
        issue.location = Some(Location::in_table(table, part.above, at));
    }
}

fn has_header(table: &Table) -> bool {
    let plain: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(header::SEARCH_ROWS)
        .map(|row| {
            row.iter()
                .take(MAX_COLUMNS)
                .map(|cell| cell.text(false))
                .collect()
        })
        .collect();
    plain.iter().any(|row| header::score(row).is_some())
}

/// The `sheet-unread` issue for a table that is not read, unless it is empty.
fn not_read(table: &Table) -> Option<Issue> {
    let first = table.rows.iter().enumerate().find_map(|(row, cells)| {
        cells
            .iter()
            .position(|cell| !Cell::is_empty(cell))
            .map(|column| (row, column))
    })?;
    let message = match (table.table, &table.sheet) {
        (Some(number), _) => Message::TableNotRead { table: number },
        (None, sheet) => Message::SheetNotRead {
            sheet: sheet.clone().unwrap_or_default(),
            hidden: table.hidden,
        },
    };
    let mut issue = SheetUnread::META
        .issue("", message)
        .with_hint(Message::NotReadHint);
    issue.sheet.clone_from(&table.sheet);
    issue.cell = Some(super::address(first.0, first.1));
    if let Some(number) = table.table {
        issue.location = Some(Location::in_table(number, table.above, first));
    }
    Some(issue)
}

/// The `formula-uncached` warning for a sheet's formulas without stored values.
fn formulas(table: &Table) -> Option<Issue> {
    const SHOWN: usize = 5;
    let first = table.formulas_without_values.first()?;
    let count = table.formulas_without_values.len();
    let mut cells = table
        .formulas_without_values
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if count > SHOWN {
        cells.push_str(", ...");
    }
    let mut issue = FormulaUncached::META
        .issue("", Message::FormulaWithoutValue { cells, count })
        .with_hint(Message::FormulaWithoutValueHint);
    issue.cell = Some(first.clone());
    issue.sheet.clone_from(&table.sheet);
    Some(issue)
}
