//! .xlsx and .ods workbooks -> one [`Table`] per sheet (feature `xlsx`).
//!
//! This is all the workbook module does: turning bytes into rows. Choosing the sheets and
//! reading the plan happen in the core, so the separately shipped workbook WASM module
//! carries the readers and little else.
//!
//! Every workbook first goes through the bounded [`Archive`]: no part unpacks past its
//! limits, and a declared count (`uniqueCount`) far beyond what its part holds is refused
//! before calamine reserves memory for it. Cells are paid for from the file's [`Budget`]
//! as they are placed, so a few bytes cannot expand into millions of cells.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, DataRef, Reader, SheetVisible, Xlsx};

use crate::date::Date;

use super::archive::{Archive, MAX_UNPACKED_BYTES};
use super::cell::{address, Cell, Table};
use super::file::ReadFailure;
use super::grid::Budget;
use super::{ods, MAX_COLUMNS, MAX_ROWS};

/// Reads every sheet of a workbook; a failure as the message its report would show.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, String> {
    read_bounded(bytes).map_err(|failure| super::failure::failure_issue(&failure).message)
}

/// Reads every sheet of a workbook within the limits of [`super::archive`] and [`Budget`].
pub fn read_bounded(bytes: &[u8]) -> Result<Vec<Table>, ReadFailure> {
    let mut archive = Archive::open(bytes).map_err(|failure| match failure {
        ReadFailure::Damaged { detail } => ReadFailure::damaged(format!(
            "the workbook could not be read (is it an .xlsx or .ods file?): {detail}"
        )),
        other => other,
    })?;
    if archive.has("content.xml") && !archive.has("xl/workbook.xml") {
        return ods::read(&mut archive);
    }
    let largest_sheet = archive
        .check_every_part()?
        .into_iter()
        .filter(|(name, _)| name.starts_with("xl/worksheets/"))
        .map(|(_, size)| size)
        .max()
        .unwrap_or(0);
    check_shared_strings(&mut archive)?;
    // calamine 0.38 overflows a multiplication reading a damaged cell reference (found by
    // fuzzing: tests/fixtures/tables/damaged/). With overflow checks (debug builds, fuzzing)
    // that panics, caught here; release builds, the WASM module among them, wrap and report
    // the file as unreadable through calamine's own error.
    std::panic::catch_unwind(|| read_xlsx(bytes, largest_sheet)).unwrap_or_else(|_| {
        Err(ReadFailure::damaged(
            "the workbook could not be read: it is damaged or not a plan workbook",
        ))
    })
}

/// Shared strings a workbook may declare beyond those it holds (calamine reserves room for
/// every declared one, 24 bytes each, before reading any).
const DECLARED_STRINGS_SLACK: usize = 100_000;

/// Refuses a `uniqueCount` that its part cannot hold: "100000000" in a 2 KB file would
/// reserve gigabytes.
fn check_shared_strings(archive: &mut Archive) -> Result<(), ReadFailure> {
    let Some(part) = archive.read("xl/sharedStrings.xml")? else {
        return Ok(());
    };
    let declared = declared_count(&part, b"uniqueCount=\"");
    let held = part.windows(3).filter(|window| window == b"<si").count();
    match declared {
        Some(declared) if declared > held.saturating_add(DECLARED_STRINGS_SLACK) => {
            Err(ReadFailure::damaged(format!(
                "the workbook is damaged: it declares {declared} shared strings but holds {held}"
            )))
        }
        _ => Ok(()),
    }
}

fn declared_count(part: &[u8], attribute: &[u8]) -> Option<usize> {
    let at = part
        .windows(attribute.len())
        .position(|window| window == attribute)?;
    let digits: Vec<u8> = part
        .get(at + attribute.len()..)?
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .take(20)
        .copied()
        .collect();
    std::str::from_utf8(&digits)
        .ok()?
        .parse::<u128>()
        .ok()
        .map(|count| usize::try_from(count).unwrap_or(usize::MAX))
}

/// The sheets of an .xlsx workbook, cell by cell: `worksheet_range` would first build the
/// dense rectangle of every sheet, and one far cell ("XFD1048576") makes that rectangle
/// billions of cells. Cells past the importer's limits are skipped; the sheet is then one
/// row too long, for the importer to say so.
fn read_xlsx(bytes: &[u8], largest_sheet: usize) -> Result<Vec<Table>, ReadFailure> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|error: calamine::XlsxError| unreadable(&error.to_string()))?;
    let sheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .map(|sheet| (sheet.name.clone(), sheet.visible != SheetVisible::Visible))
        .collect();
    // Several sheets may point at one part: each is unpacked again. The largest sheet part
    // times the sheets bounds that work.
    let repeated = largest_sheet.saturating_mul(sheets.len());
    if repeated > 4 * MAX_UNPACKED_BYTES {
        return Err(ReadFailure::Unpacks {
            part: "xl/worksheets".into(),
            limit: 4 * MAX_UNPACKED_BYTES,
        });
    }
    let mut budget = Budget::default();
    let mut tables = Vec::new();
    for (name, hidden) in sheets {
        let unreadable =
            |error: calamine::XlsxError| unreadable(&format!("sheet \"{name}\": {error}"));
        let mut reader = workbook.worksheet_cells_reader(&name).map_err(unreadable)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut formulas = Vec::new();
        let mut beyond_limits = false;
        while let Some(found) = reader
            .next_cell_with_formula_metadata()
            .map_err(unreadable)?
        {
            let (row, column) = (found.pos.0 as usize, found.pos.1 as usize);
            let value = cell(&found.value);
            if row > MAX_ROWS || column > MAX_COLUMNS {
                beyond_limits |= !value.is_empty();
                continue;
            }
            if value.is_empty() {
                if found.formula.is_some() && matches!(found.value, DataRef::Empty) {
                    formulas.push(address(row, column));
                }
                continue;
            }
            if let Cell::Text(text) = &value {
                budget.spend_text(text.len())?;
            }
            if rows.len() <= row {
                budget.spend(row + 1 - rows.len())?;
                rows.resize_with(row + 1, Vec::new);
            }
            if let Some(cells) = rows.get_mut(row) {
                if cells.len() <= column {
                    budget.spend(column + 1 - cells.len())?;
                    cells.resize(column + 1, Cell::Empty);
                }
                if let Some(slot) = cells.get_mut(column) {
                    *slot = value;
                }
            }
        }
        drop(reader);
        if beyond_limits {
            // One row past the limit: the importer's `table-too-large` warning.
            rows.resize_with(rows.len().max(MAX_ROWS + 1), Vec::new);
        }
        tables.push(Table {
            hidden,
            formulas_without_values: formulas,
            ..Table::new(Some(name), rows)
        });
    }
    Ok(tables)
}

fn unreadable(detail: &str) -> ReadFailure {
    ReadFailure::damaged(format!(
        "the workbook could not be read (is it an .xlsx or .ods file?): {detail}"
    ))
}

fn cell(data: &DataRef) -> Cell {
    match data {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(text) => Cell::Text(text.clone()),
        DataRef::SharedString(text) => Cell::Text((*text).to_owned()),
        DataRef::Int(number) => Cell::Number(*number as f64),
        DataRef::Float(number) => Cell::Number(*number),
        DataRef::Bool(value) => Cell::Bool(*value),
        DataRef::DateTime(datetime) if datetime.is_datetime() => {
            let (year, month, day, ..) = datetime.to_ymd_hms_milli();
            Date::new(i32::from(year), u32::from(month), u32::from(day))
                .map_or(Cell::Number(datetime.as_f64()), Cell::Date)
        }
        DataRef::DateTime(datetime) => Cell::Number(datetime.as_f64()),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cell::from_text(text),
    }
}
