//! Body rows -> sections of records, one record per action.
//!
//! Tables extracted from Word or PDF split one action over several rows: a page break cuts
//! a row in two, and narrow columns wrap line by line ("Prevent Co-" / "ordinator & HDPG").
//! A row continues the action above when its key cells (id, objective, action) are empty or,
//! in such a wrapped table, when its text carries on mid-sentence.

use super::columns::is_id_like;
use super::header::{self, Field, Header};
use super::heading::{
    keyword_heading, label_heading, lone_cell_heading, question_heading, starts_with_verb, Heading,
};
use super::text::{ends_mid_phrase, ends_sentence, starts_lowercase, starts_with_action_id};

/// One cell's text, where it sits and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub field: Field,
    pub row: usize,
    pub column: usize,
    pub text: String,
}

/// The rows of one action.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub parts: Vec<Part>,
    /// Objective, requirement or risk cells carried down from the action above (a cell
    /// merged down rows in the source).
    pub carried: Vec<Part>,
}

/// Fields a cell merged down rows states for every row beside it.
pub const CONTEXT_FIELDS: [Field; 3] = [Field::Objective, Field::Requirement, Field::Risk];

impl Record {
    /// The cell that stands for the action: its id, else its action text, else its first
    /// key cell, else its first cell.
    pub fn start(&self) -> Option<(usize, usize)> {
        let find = |field: Field| self.parts.iter().find(|part| part.field == field);
        find(Field::Id)
            .or_else(|| find(Field::Action))
            .or_else(|| self.parts.iter().find(|part| part.field.is_key()))
            .or(self.parts.first())
            .map(|part| (part.row, part.column))
    }

    fn last_text(&self, column: usize) -> Option<&str> {
        self.parts
            .iter()
            .rev()
            .find(|part| part.column == column)
            .map(|part| part.text.as_str())
    }

    fn has_only_key_cells(&self) -> bool {
        self.parts.iter().all(|part| part.field.is_key())
    }

    /// The objective's cells: its own, else those carried down from the action above.
    pub fn objective(&self) -> Vec<&Part> {
        self.context(Field::Objective)
    }

    /// The cells of a context field (objective, requirement, risk): the record's own, else
    /// those carried down from the action above.
    pub fn context(&self, field: Field) -> Vec<&Part> {
        let own: Vec<&Part> = self
            .parts
            .iter()
            .filter(|part| part.field == field)
            .collect();
        if own.is_empty() {
            self.carried
                .iter()
                .filter(|part| part.field == field)
                .collect()
        } else {
            own
        }
    }
}

/// A section heading (none for actions before the first heading) and its actions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionRows {
    pub heading: Option<(Heading, (usize, usize))>,
    pub records: Vec<Record>,
}

/// The body of a table, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub sections: Vec<SectionRows>,
    /// Cells that went into the plan (or were recognised as layout, such as repeated headers).
    pub used: Vec<(usize, usize)>,
    /// The table wraps long text over several rows (extracted from PDF or Word).
    pub wrapped: bool,
    /// What each column means.
    pub columns: Vec<Option<Field>>,
    /// Headings with nothing under them at the foot of the table: notes, or the headings
    /// of a table that follows on the sheet ("Key actions:").
    pub trailing: Vec<SectionRows>,
}

/// Reads the rows below the header. `sections` holds headings found above the header.
pub fn read(
    rows: &[Vec<String>],
    header: &Header,
    fields: &[Option<Field>],
    sections: Vec<SectionRows>,
) -> Body {
    let reader = Reader {
        rows,
        header,
        fields,
        wrapped: is_wrapped(rows, header, fields),
    };
    reader.read(sections)
}

struct Reader<'a> {
    rows: &'a [Vec<String>],
    header: &'a Header,
    fields: &'a [Option<Field>],
    wrapped: bool,
}

fn non_empty(row: &[String]) -> impl Iterator<Item = (usize, &str)> {
    row.iter()
        .enumerate()
        .map(|(column, text)| (column, text.trim()))
        .filter(|(_, text)| !text.is_empty())
}

fn field_of(fields: &[Option<Field>], column: usize) -> Option<Field> {
    fields.get(column).copied().flatten()
}

/// The first non-empty key cell of a row.
fn leading_key_cell<'r>(fields: &[Option<Field>], row: &'r [String]) -> Option<(usize, &'r str)> {
    non_empty(row).find(|(column, _)| field_of(fields, *column).is_some_and(Field::is_key))
}

/// The table wraps text over rows (extracted from PDF): several rows are fragments, going
/// on mid-sentence from the row above with a different set of columns filled. A plan that
/// merely writes its actions in lowercase fills the same columns row after row.
fn is_wrapped(rows: &[Vec<String>], header: &Header, fields: &[Option<Field>]) -> bool {
    let body = rows.get(header.row + 1..).unwrap_or_default();
    let filled = |row: &[String]| -> Vec<usize> {
        non_empty(row)
            .map(|(column, _)| column)
            .filter(|column| field_of(fields, *column).is_some())
            .collect()
    };
    let mut fragments = 0;
    let mut content_rows = 0;
    let mut previous: Option<&Vec<String>> = None;
    for row in body.iter().filter(|row| non_empty(row).next().is_some()) {
        if let Some((column, text)) = leading_key_cell(fields, row) {
            content_rows += 1;
            let above = previous
                .and_then(|above| above.get(column))
                .map(|text| text.trim());
            let goes_on = above.is_some_and(|above| !above.is_empty() && !ends_sentence(above));
            let layout_differs = previous.is_some_and(|above| filled(above) != filled(row));
            if starts_lowercase(text) && goes_on && layout_differs {
                fragments += 1;
            }
        }
        previous = Some(row);
    }
    fragments >= 2 && fragments * 10 >= content_rows
}

impl Reader<'_> {
    fn read(&self, mut sections: Vec<SectionRows>) -> Body {
        let mut used = Vec::new();
        let mut pending_prefix: Vec<Part> = Vec::new();
        if sections.is_empty() {
            sections.push(SectionRows::default());
        }
        for (index, row) in self.rows.iter().enumerate().skip(self.header.row + 1) {
            if non_empty(row).next().is_none() {
                continue;
            }
            if index == self.header.row + 1 {
                let header_cells = self
                    .rows
                    .get(self.header.row)
                    .map_or(&[][..], Vec::as_slice);
                if let Some(headings) = header::sub_headings(self.header, header_cells, row) {
                    used.extend(headings.iter().map(|(column, _)| (index, *column)));
                    continue;
                }
            }
            if header::repeats(self.header, row) {
                // Only the repeated headings are layout: anything else on the row ("Page 2")
                // is left for `cell-unmapped` to report.
                used.extend(
                    non_empty(row)
                        .filter(|(column, text)| header::repeats_cell(self.header, *column, text))
                        .map(|(column, _)| (index, column)),
                );
                continue;
            }
            if let Some((heading, column)) = self.heading(index, row) {
                let previous = sections
                    .last()
                    .filter(|section| section.records.is_empty())
                    .and_then(|section| section.heading.as_ref())
                    .map(|(previous, _)| previous);
                if heading.id.is_some()
                    && previous.is_some_and(|previous| previous.id == heading.id)
                {
                    // A heading repeated on the next page is the same section. Under another
                    // title it is not read, so it is left for `cell-unmapped` to report.
                    if previous.is_some_and(|previous| previous.title == heading.title) {
                        used.push((index, column));
                    }
                    continue;
                }
                used.push((index, column));
                sections.push(SectionRows {
                    heading: Some((heading, (index, column))),
                    records: Vec::new(),
                });
                continue;
            }
            let parts: Vec<Part> = non_empty(row)
                .filter_map(|(column, text)| {
                    field_of(self.fields, column).map(|field| Part {
                        field,
                        row: index,
                        column,
                        text: text.to_owned(),
                    })
                })
                .collect();
            if parts.is_empty() {
                continue;
            }
            used.extend(parts.iter().map(|part| (part.row, part.column)));
            let Some(section) = sections.last_mut() else {
                continue;
            };
            let current = section.records.last_mut();
            match current {
                Some(record) if self.continues(record, row) => {
                    if self.is_prefix_of_next(record, index, row) {
                        pending_prefix.extend(parts);
                    } else {
                        record.parts.extend(parts);
                    }
                }
                previous => {
                    let carried = self.carried(previous.as_deref(), &parts);
                    let mut record_parts = std::mem::take(&mut pending_prefix);
                    record_parts.extend(parts);
                    section.records.push(Record {
                        parts: record_parts,
                        carried,
                    });
                }
            }
        }
        // A prefix with no record after it belongs to the last one after all.
        if let Some(record) = sections
            .last_mut()
            .and_then(|section| section.records.last_mut())
        {
            record.parts.append(&mut pending_prefix);
        }
        // A heading with nothing after it at the foot of the table is a note ("See notes
        // on the cover sheet"), reported as unread rather than made an empty section.
        // When another table follows, they head its first section instead.
        let mut trailing = Vec::new();
        while let Some(SectionRows {
            heading: Some((_, at)),
            records,
        }) = sections.last()
        {
            if !records.is_empty() || at.0 <= self.header.row {
                break;
            }
            let at = *at;
            used.retain(|cell| *cell != at);
            trailing.extend(sections.pop());
        }
        trailing.reverse();
        Body {
            sections,
            used,
            wrapped: self.wrapped,
            columns: self.fields.to_vec(),
            trailing,
        }
    }

    /// A section heading row: a section word in its first cell with no action or date
    /// beside it, or (in tables that do not wrap) a lone short cell in a key column.
    fn heading(&self, index: usize, row: &[String]) -> Option<(Heading, usize)> {
        let (column, first) = non_empty(row).next()?;
        let is_work = |(other, _): &(usize, &str)| {
            *other != column
                && matches!(
                    field_of(self.fields, *other),
                    Some(Field::Action | Field::Milestones)
                )
        };
        if let Some(heading) = keyword_heading(first) {
            if !non_empty(row).any(|cell| is_work(&cell)) {
                return Some((heading, column));
            }
        }
        let lone = non_empty(row).count() == 1;
        let field = field_of(self.fields, column);
        let key_column = column == 0 || field.is_some_and(Field::is_key);
        // A question alone in the requirement column is a requirement nobody answered yet.
        let asks = lone && key_column && field != Some(Field::Requirement);
        if let Some(heading) = question_heading(first).filter(|_| asks) {
            return Some((heading, column));
        }
        if let Some(heading) = label_heading(first).filter(|_| lone) {
            return Some((heading, column));
        }
        let is_id = field == Some(Field::Id) && is_id_like(first);
        if !lone || !key_column || is_id || self.wrapped || self.next_row_continues(index, column) {
            return None;
        }
        // A draft action with no lead or date yet is an action: a lone cell in the action
        // column is a heading only when the action column is the table's first (a heading
        // row merged across the table) and it does not read as something to do.
        let first_described = self
            .fields
            .iter()
            .position(|field| field.is_some_and(|field| field.is_key() && field != Field::Id));
        let in_action_column = field == Some(Field::Action);
        if in_action_column && (first_described != Some(column) || starts_with_verb(first)) {
            return None;
        }
        lone_cell_heading(first).map(|heading| (heading, column))
    }

    fn next_non_blank(&self, index: usize) -> Option<(usize, &Vec<String>)> {
        self.rows
            .iter()
            .enumerate()
            .skip(index + 1)
            .find(|(_, row)| non_empty(row).next().is_some())
    }

    fn next_row_continues(&self, index: usize, column: usize) -> bool {
        self.next_non_blank(index)
            .and_then(|(_, row)| row.get(column))
            .is_some_and(|text| starts_lowercase(text))
    }

    /// Whether a row continues the record above rather than starting an action.
    fn continues(&self, record: &Record, row: &[String]) -> bool {
        let has_id =
            non_empty(row).any(|(column, _)| field_of(self.fields, column) == Some(Field::Id));
        if has_id {
            return false;
        }
        let Some((column, text)) = leading_key_cell(self.fields, row) else {
            return true;
        };
        if starts_with_action_id(text) || !self.wrapped {
            return false;
        }
        if starts_lowercase(text) || record.last_text(column).is_some_and(ends_mid_phrase) {
            return true;
        }
        // A heading-like first line ("Project 2. Constructive") with nothing beside it yet.
        record.has_only_key_cells()
            && record
                .parts
                .last()
                .is_some_and(|part| !ends_sentence(&part.text))
    }

    /// In a wrapped table, vertically centred text of the next action can sit on rows
    /// before that action's first key cell: a row without key cells whose columns are
    /// finished in this record and taken up again by the next row belongs to the next action.
    fn is_prefix_of_next(&self, record: &Record, index: usize, row: &[String]) -> bool {
        if !self.wrapped || leading_key_cell(self.fields, row).is_some() {
            return false;
        }
        let Some((next_index, next)) = self.next_non_blank(index) else {
            return false;
        };
        let next_starts_action =
            !self.continues(record, next) && self.heading(next_index, next).is_none();
        next_starts_action
            && non_empty(row).all(|(column, _)| {
                record.last_text(column).is_some_and(ends_sentence)
                    && next.get(column).is_some_and(|text| !text.trim().is_empty())
            })
    }

    /// A new action without an objective, requirement or risk takes the one above it (a
    /// cell merged down rows), when the table has that column beside an action column.
    fn carried(&self, previous: Option<&Record>, parts: &[Part]) -> Vec<Part> {
        let Some(previous) = previous else {
            return Vec::new();
        };
        if !self.fields.contains(&Some(Field::Action)) {
            return Vec::new();
        }
        // A row that starts a new group (its own cell in a context column further left)
        // takes nothing from the group above.
        let own_context_from = parts
            .iter()
            .filter(|part| CONTEXT_FIELDS.contains(&part.field))
            .map(|part| part.column)
            .min();
        CONTEXT_FIELDS
            .into_iter()
            .filter(|field| !parts.iter().any(|part| part.field == *field))
            .filter(|field| {
                let column = self.fields.iter().position(|slot| *slot == Some(*field));
                column.is_some_and(|column| own_context_from.is_none_or(|own| own > column))
            })
            .flat_map(|field| previous.context(field).into_iter().cloned())
            .collect()
    }
}
