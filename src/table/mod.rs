//! Plan tables -> plans: spreadsheet ranges, CSV/TSV text and (with the `xlsx` feature)
//! workbooks, read as they really are, with every field remembering its source cell.
//!
//! The stages, one module each: [`cell`] (what spreadsheets hand over), [`delimited`] (CSV
//! and TSV), [`header`] (which row is the header and what its columns mean), [`columns`]
//! (meanings settled against content), [`preamble`] (title, period and priorities above the
//! header), [`rows`] (sections and continuation rows), [`assemble`] (the plan and its
//! [`SourceMap`]); [`workbook`] reads .xlsx and .ods.

#[cfg(feature = "xlsx")]
pub mod archive;
#[cfg(feature = "tables")]
pub mod assemble;
pub mod cell;
#[cfg(feature = "tables")]
pub mod columns;
#[cfg(feature = "tables")]
pub mod combine;
#[cfg(feature = "tables")]
pub mod delimited;
#[cfg(feature = "xlsx")]
pub mod docx;
#[cfg(feature = "tables")]
pub mod export;
#[cfg(feature = "tables")]
pub mod failure;
#[cfg(feature = "xlsx")]
pub mod file;
#[cfg(feature = "xlsx")]
pub mod grid;
#[cfg(feature = "tables")]
pub mod header;
#[cfg(feature = "tables")]
pub mod heading;
#[cfg(feature = "xlsx")]
pub mod html;
#[cfg(feature = "tables")]
pub mod lists;
#[cfg(feature = "xlsx")]
pub mod ods;
pub mod origin;
#[cfg(feature = "tables")]
pub mod preamble;
#[cfg(feature = "tables")]
pub mod rows;
#[cfg(feature = "tables")]
pub mod source_map;
#[cfg(feature = "tables")]
pub mod text;
#[cfg(feature = "xlsx")]
pub mod workbook;
#[cfg(feature = "xlsx")]
pub mod xml;

#[cfg(feature = "tables")]
use std::collections::{BTreeMap, HashSet};

#[cfg(feature = "tables")]
use crate::messages::Message;
#[cfg(feature = "tables")]
use crate::model::Plan;
#[cfg(feature = "tables")]
use crate::report::Issue;
use crate::rules::declare_rule;

pub use cell::{address, Cell, Table};
#[cfg(feature = "tables")]
pub use source_map::SourceMap;

#[cfg(feature = "tables")]
use header::Field;

declare_rule! {
    /// ## What it checks
    /// That every non-empty cell of an imported table was read into the plan.
    ///
    /// ## Why
    /// A column the importer does not recognise, or a note typed beside the table, is not
    /// checked. Saying so (rather than dropping it silently) lets the officer rename the
    /// column or move the note.
    ///
    /// ## Example
    /// A column headed "Budget" is not part of a plan: its header cell is reported once for
    /// the whole column. (A stray "see appendix" below the table is reported at its cell.)
    /// ```csv fails
    /// Action,Lead,Target date,Budget
    /// Deliver WRAP training,Prevent Lead,March 2016,2000
    /// ```
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// ```
    ///
    /// ## How to fix
    /// Rename the column to a heading the importer reads (`docs/tables.md`), move notes into
    /// the action's own cells, or delete what is not part of the plan. It is information only:
    /// the rest of the plan is checked either way.
    pub struct CellUnmapped { id: "cell-unmapped", severity: Info, summary: "A non-empty cell of the table was not read into the plan" }
}

declare_rule! {
    /// ## What it checks
    /// That a table has a header row naming its columns (action, lead, milestone, ...) near
    /// the top.
    ///
    /// ## Why
    /// Columns are understood by their headers ("ACTION", "LEAD AGENCY/OFFICERS", "By not
    /// later than"); without one the table cannot be read as a plan.
    ///
    /// ## Example
    /// A sheet whose first rows are already actions.
    /// ```csv fails
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// Review the Channel panel,Community Safety Manager,June 2016
    /// ```
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// Review the Channel panel,Community Safety Manager,June 2016
    /// ```
    ///
    /// ## How to fix
    /// Add a header row above the actions naming the columns, such as
    /// `Action | Lead | Target date`; `docs/tables.md` lists the headings recognised.
    pub struct TableNoHeader { id: "table-no-header", severity: Error, summary: "No header row naming the plan's columns was found" }
}

declare_rule! {
    /// ## What it checks
    /// That the table's bytes can be read: CSV or TSV text, an .xlsx or .ods workbook.
    ///
    /// ## Why
    /// A truncated download, a file in the wrong format or a password-protected workbook
    /// cannot be checked.
    ///
    /// ## Example
    /// An .xlsx file cut short in transfer is reported: "the workbook could not be read: ...".
    /// A table that can be read passes.
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// ```
    ///
    /// ## How to fix
    /// Open the file in Excel or LibreOffice and save it again as .xlsx, .ods or CSV (UTF-8),
    /// without a password; then check the saved copy.
    pub struct TableUnreadable { id: "table-unreadable", severity: Error, summary: "The table or workbook cannot be read" }
}

declare_rule! {
    /// ## What it checks
    /// That a table is within the size the importer reads (rows and columns).
    ///
    /// ## Why
    /// Plans run to hundreds of rows; a sheet with hundreds of thousands is almost always
    /// an export of something else, and reading all of it would stall a browser tab.
    ///
    /// ## Example
    /// A sheet of 200,000 rows is reported: the first 100,000 are read and this warning says
    /// so. A plan of any real length passes.
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// ```
    ///
    /// ## How to fix
    /// Check the plan's own sheet: delete the other data below or beside the plan, or move it
    /// to another sheet.
    pub struct TableTooLarge { id: "table-too-large", severity: Warning, summary: "The table is larger than the importer reads; the rest was ignored" }
}

declare_rule! {
    /// ## What it checks
    /// That every sheet of a workbook, and every table of a document, was read into the
    /// plan: a sheet or table without a plan header, and a hidden sheet, are reported.
    ///
    /// ## Why
    /// A workbook with one sheet per objective, or a Word plan with one table per priority,
    /// is read as one plan with a section per sheet or table. Anything left out must be
    /// said, not dropped: a sheet with a different header is not checked, and a hidden sheet
    /// (often an old draft) is never chosen over the visible plan.
    ///
    /// ## Example
    /// A workbook whose sheets "Plan" and "Notes" hold a plan and a list of contacts: the
    /// "Notes" sheet is reported. A single table passes.
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// ```
    ///
    /// ## How to fix
    /// Give every sheet or table of the plan the same header row (Action, Lead, Target
    /// date), unhide a hidden sheet that belongs to the plan, or delete what does not.
    pub struct SheetUnread { id: "sheet-unread", severity: Info, summary: "A sheet or table of the file was not read into the plan" }
}

declare_rule! {
    /// ## What it checks
    /// That cells holding formulas carry the value the formula gave when the file was saved.
    ///
    /// ## Why
    /// Files written by scripts and some exporters store a formula (`=A5`) without its
    /// value. The checker never evaluates formulas, so such a cell reads as empty: an action
    /// would seem to lack a lead or a date that the officer sees on screen.
    ///
    /// ## Example
    /// A workbook whose Lead cells hold `=Contacts!B2` with no stored value is reported at
    /// those cells. A table of typed values passes.
    /// ```csv passes
    /// Action,Lead,Target date
    /// Deliver WRAP training,Prevent Lead,March 2016
    /// ```
    ///
    /// ## How to fix
    /// Open the file in Excel or LibreOffice, let it calculate, and save it again; or type
    /// the values in place of the formulas.
    pub struct FormulaUncached { id: "formula-uncached", severity: Warning, summary: "A formula cell has no stored value and was read as empty" }
}

/// Rows and columns read at most.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLUMNS: usize = 200;
/// Cells (empty ones included) of all the tables of one file, after repeated and merged
/// cells are expanded: twenty cells for each of [`MAX_ROWS`] rows.
pub const MAX_CELLS: usize = 2_000_000;

#[cfg(feature = "tables")]
/// An imported plan, where each field came from, and what the import noticed.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub sources: SourceMap,
    pub issues: Vec<Issue>,
}

#[cfg(feature = "tables")]
/// Reads a table into a plan. Fails (with a `table-no-header` issue) only when no header
/// row can be found.
pub fn import(table: &Table) -> Result<Imported, Issue> {
    let mut issues = Vec::new();
    if table.rows.len() > MAX_ROWS || table.rows.iter().any(|row| row.len() > MAX_COLUMNS) {
        issues.push(TableTooLarge::META.issue(
            "",
            Message::TableTooLarge {
                rows: MAX_ROWS,
                columns: MAX_COLUMNS,
            },
        ));
    }
    let cells: Vec<&[Cell]> = table
        .rows
        .iter()
        .take(MAX_ROWS)
        .map(|row| row.get(..MAX_COLUMNS).unwrap_or(row))
        .collect();
    let count: usize = cells.iter().map(|row| row.len()).sum();
    if count > MAX_CELLS {
        let mut issue = crate::limits::too_many_cells();
        issue.sheet.clone_from(&table.sheet);
        return Err(issue);
    }
    if let Some(issue) = crate::limits::check_cells(&cells, table.sheet.as_deref()) {
        return Err(issue);
    }
    let plain: Vec<Vec<String>> = cells
        .iter()
        .map(|row| row.iter().map(|cell| cell.text(false)).collect())
        .collect();
    let Some(header) = header::find(&plain) else {
        let mut issue =
            TableNoHeader::META
                .issue("", Message::NoHeader)
                .with_hint(Message::NoHeaderHint {
                    rows: header::SEARCH_ROWS,
                });
        issue.sheet.clone_from(&table.sheet);
        return Err(issue);
    };
    // Further tables on the sheet each read with their own header.
    let headers = header::tables(&plain, header);
    let ends: Vec<usize> = headers
        .iter()
        .skip(1)
        .map(|header| header.row)
        .chain(std::iter::once(plain.len()))
        .collect();
    let segments: Vec<Segment> = headers
        .into_iter()
        .zip(ends)
        .map(|(header, end)| {
            let fields = columns::resolve(&header, plain.get(..end).unwrap_or_default());
            Segment {
                header,
                end,
                fields,
            }
        })
        .collect();
    // Excel hands dates over as serial numbers: read them as dates where dates belong.
    let texts: Vec<Vec<String>> = cells
        .iter()
        .enumerate()
        .map(|(row, cells)| {
            let fields = segment_of(&segments, row).map(|segment| segment.fields.as_slice());
            cells
                .iter()
                .enumerate()
                .map(|(column, cell)| {
                    let field = fields.and_then(|fields| fields.get(column));
                    cell.text(field == Some(&Some(Field::Milestones)))
                })
                .collect()
        })
        .collect();

    let first_row = segments.first().map_or(0, |segment| segment.header.row);
    let mut preamble = preamble::read(texts.get(..first_row).unwrap_or_default());
    let mut used: HashSet<(usize, usize)> = preamble.used.iter().copied().collect();
    let mut carried_sections = std::mem::take(&mut preamble.sections);
    let mut bodies = Vec::new();
    for segment in &segments {
        let row = segment.header.row;
        used.extend(
            segment
                .fields
                .iter()
                .enumerate()
                .filter(|(_, field)| field.is_some())
                .map(|(column, _)| (row, column)),
        );
        used.extend(
            carried_sections
                .iter()
                .filter_map(|section| section.heading.as_ref().map(|(_, at)| *at)),
        );
        let rows = texts.get(..segment.end).unwrap_or_default();
        let mut body = rows::read(
            rows,
            &segment.header,
            &segment.fields,
            std::mem::take(&mut carried_sections),
        );
        used.extend(body.used.iter().copied());
        carried_sections = std::mem::take(&mut body.trailing);
        bodies.push(body);
    }
    let (plan, sources) = assemble::plan(preamble, bodies, table.sheet.clone());

    issues.extend(unmapped_cells(
        &texts,
        &segments,
        &used,
        table.sheet.as_deref(),
    ));
    Ok(Imported {
        plan,
        sources,
        issues,
    })
}

#[cfg(feature = "tables")]
/// One table of a sheet: its header, the row it ends before, and its columns' meanings.
struct Segment {
    header: header::Header,
    end: usize,
    fields: Vec<Option<Field>>,
}

#[cfg(feature = "tables")]
/// The table a row belongs to (`None` above the first header).
fn segment_of(segments: &[Segment], row: usize) -> Option<&Segment> {
    segments
        .iter()
        .take_while(|segment| segment.header.row <= row)
        .last()
}

#[cfg(feature = "tables")]
/// Reports cells nothing was read from: one issue per column the plan has no place for,
/// one per other stray cell.
fn unmapped_cells(
    texts: &[Vec<String>],
    segments: &[Segment],
    used: &HashSet<(usize, usize)>,
    sheet: Option<&str>,
) -> Vec<Issue> {
    // (header row, column) -> (first row, cells).
    let mut unknown_columns: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    let mut issues = Vec::new();
    for (row, cells) in texts.iter().enumerate() {
        let segment = segment_of(segments, row);
        for (column, text) in cells.iter().enumerate() {
            let text = text.trim();
            if text.is_empty() || used.contains(&(row, column)) {
                continue;
            }
            if let Some(segment) =
                segment.filter(|segment| segment.fields.get(column).is_none_or(Option::is_none))
            {
                let entry = unknown_columns
                    .entry((segment.header.row, column))
                    .or_insert((row, 0));
                entry.1 += 1;
                continue;
            }
            issues.push(stray_cell(row, column, text, sheet));
        }
    }
    for ((header_row, column), (first_row, count)) in unknown_columns {
        let heading = texts
            .get(header_row)
            .and_then(|row| row.get(column))
            .map(|text| text.trim())
            .unwrap_or_default();
        // A column with no heading and one note in it ("Page 2") is that note.
        if heading.is_empty() && count == 1 {
            let text = texts
                .get(first_row)
                .and_then(|row| row.get(column))
                .map_or("", |text| text.trim());
            issues.push(stray_cell(first_row, column, text, sheet));
            continue;
        }
        let name = (!heading.is_empty()).then(|| excerpt(heading));
        let cell_row = if heading.is_empty() {
            first_row
        } else {
            header_row
        };
        let mut issue = CellUnmapped::META
            .issue(
                "",
                Message::ColumnUnmapped {
                    column: address(0, column)
                        .trim_end_matches(|c: char| c.is_ascii_digit())
                        .to_owned(),
                    heading: name,
                    cells: count,
                },
            )
            .with_hint(Message::ColumnUnmappedHint);
        issue.cell = Some(address(cell_row, column));
        issue.sheet = sheet.map(str::to_owned);
        issues.push(issue);
    }
    issues
}

#[cfg(feature = "tables")]
/// The issue for one cell nothing was read from.
fn stray_cell(row: usize, column: usize, text: &str, sheet: Option<&str>) -> Issue {
    let mut issue = CellUnmapped::META
        .issue(
            "",
            Message::CellUnmapped {
                cell: address(row, column),
                text: excerpt(text),
            },
        )
        .with_hint(Message::CellUnmappedHint);
    issue.cell = Some(address(row, column));
    issue.sheet = sheet.map(str::to_owned);
    issue
}

#[cfg(feature = "tables")]
fn excerpt(text: &str) -> String {
    const LIMIT: usize = 60;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= LIMIT {
        flat
    } else {
        flat.chars().take(LIMIT).collect::<String>() + "..."
    }
}

#[cfg(feature = "tables")]
/// Reads CSV or TSV text into a table.
pub fn read_delimited(text: &str) -> Result<Table, Issue> {
    delimited::read(text)
        .map_err(|detail| TableUnreadable::META.issue("", Message::TableUnreadable { detail }))
}

#[cfg(feature = "tables")]
/// Reads CSV or TSV bytes: UTF-16 (little or big endian) when a byte order mark says so, as
/// Excel's "Unicode Text" is written, else UTF-8, reporting text that is not UTF-8 with the
/// line it is on.
pub fn read_delimited_bytes(bytes: &[u8]) -> Result<Table, Issue> {
    if let Some(text) = decode_utf16(bytes) {
        return read_delimited(&text);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => read_delimited(text),
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|byte| **byte == b'\n').count() + 1;
            let mut issue = TableUnreadable::META
                .issue(
                    "",
                    Message::NotUtf8 {
                        byte: error.valid_up_to() + 1,
                        line,
                    },
                )
                .with_hint(Message::NotUtf8Hint);
            issue.line = Some(line);
            Err(issue)
        }
    }
}

#[cfg(feature = "tables")]
/// Text of UTF-16 bytes with a byte order mark (an unpaired surrogate becomes U+FFFD, as
/// every other decoder does); `None` without a mark.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    type Order = fn([u8; 2]) -> u16;
    let (rest, unit): (&[u8], Order) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, u16::from_le_bytes),
        [0xfe, 0xff, rest @ ..] => (rest, u16::from_be_bytes),
        _ => return None,
    };
    let units = rest.chunks(2).map(|pair| {
        unit([
            pair.first().copied().unwrap_or(0),
            pair.get(1).copied().unwrap_or(0),
        ])
    });
    Some(
        char::decode_utf16(units)
            .map(|decoded| decoded.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

#[cfg(feature = "tables")]
/// The issue for a workbook none of whose sheets has a plan header.
pub fn no_plan_sheet() -> Issue {
    TableNoHeader::META
        .issue("", Message::NoPlanSheet)
        .with_hint(Message::NoPlanSheetHint {
            rows: header::SEARCH_ROWS,
        })
}

#[cfg(feature = "tables")]
/// The sheet of a workbook that holds the plan: the one whose header row reads best.
pub fn choose_sheet(sheets: &[Table]) -> Option<usize> {
    sheets
        .iter()
        .enumerate()
        .filter_map(|(index, sheet)| {
            let plain: Vec<Vec<String>> = sheet
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
            plain
                .iter()
                .filter_map(|row| header::score(row))
                .max()
                .map(|score| (index, score))
        })
        // The first of equally good sheets: workbooks put the plan first.
        .fold(
            None,
            |best: Option<(usize, usize)>, (index, score)| match best {
                Some((_, best_score)) if best_score >= score => best,
                _ => Some((index, score)),
            },
        )
        .map(|(index, _)| index)
}
