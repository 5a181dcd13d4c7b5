//! .xlsx and .ods workbooks -> one [`Table`] per sheet (feature `xlsx`).
//!
//! This is all the workbook module does: turning bytes into rows. Choosing the sheet and
//! reading the plan happen in the core, so the separately shipped workbook WASM module
//! carries calamine and little else.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Xlsx};

use crate::date::Date;

use super::cell::{Cell, Table};
use super::{MAX_COLUMNS, MAX_ROWS};

/// Reads every sheet of a workbook. Cells keep their addresses: a sheet whose used range
/// starts at C3 gets two empty rows and columns in front.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, String> {
    // calamine 0.38 overflows a multiplication reading a damaged cell reference (found by
    // fuzzing: tests/fixtures/tables/damaged/). With overflow checks (debug builds, fuzzing)
    // that panics, caught here; release builds, the WASM module among them, wrap and report
    // the file as unreadable through calamine's own error.
    std::panic::catch_unwind(|| read_unguarded(bytes)).unwrap_or_else(|_| {
        Err("the workbook could not be read: it is damaged or not a plan workbook".to_owned())
    })
}

fn read_unguarded(bytes: &[u8]) -> Result<Vec<Table>, String> {
    // Only the two formats the product reads: the auto-detecting opener would also link
    // the .xls and .xlsb readers and their code-page tables into the workbook module.
    let cursor = Cursor::new(bytes.to_vec());
    let result = if is_ods(bytes) {
        open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map_err(|error| error.to_string())
            .and_then(|mut workbook| sheets(&mut workbook))
    } else {
        open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map_err(|error| error.to_string())
            .and_then(|mut workbook| xlsx_sheets(&mut workbook))
    };
    result.map_err(|error| {
        format!("the workbook could not be read (is it an .xlsx or .ods file?): {error}")
    })
}

/// An OpenDocument file names its type in an uncompressed `mimetype` entry at its start.
fn is_ods(bytes: &[u8]) -> bool {
    const MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
    bytes
        .get(..bytes.len().min(120))
        .unwrap_or_default()
        .windows(MIME.len())
        .any(|window| window == MIME)
}

fn sheets<R: Reader<Cursor<Vec<u8>>>>(workbook: &mut R) -> Result<Vec<Table>, String>
where
    R::Error: std::fmt::Display,
{
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|error| format!("sheet \"{name}\" could not be read: {error}"))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        // Rows and columns past the importer's limits are left out (it reports the sheet as
        // too large from the one row or column over), so a sparse sheet reaching XFD1048576
        // does not become a billion cells.
        let padding = vec![Cell::Empty; (first_column as usize).min(MAX_COLUMNS + 1)];
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); (first_row as usize).min(MAX_ROWS + 1)];
        for row in range.rows().take(MAX_ROWS + 1 - rows.len()) {
            let mut cells = padding.clone();
            cells.extend(row.iter().take(MAX_COLUMNS + 1 - padding.len()).map(cell));
            rows.push(cells);
        }
        tables.push(Table::new(Some(name), rows));
    }
    Ok(tables)
}

/// The sheets of an .xlsx workbook, cell by cell. `worksheet_range` would first build the
/// dense rectangle of every sheet, and one far cell ("XFD1048576") makes that rectangle
/// billions of cells, more memory than WASM has. Cells past the importer's limits are
/// skipped here; the sheet is then one row too long, for the importer to say so.
fn xlsx_sheets(workbook: &mut Xlsx<Cursor<Vec<u8>>>) -> Result<Vec<Table>, String> {
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let unreadable =
            |error: calamine::XlsxError| format!("sheet \"{name}\" could not be read: {error}");
        let mut reader = workbook.worksheet_cells_reader(&name).map_err(unreadable)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut beyond_limits = false;
        while let Some(found) = reader.next_cell().map_err(unreadable)? {
            let (row, column) = found.get_position();
            let (row, column) = (row as usize, column as usize);
            let value = cell(&Data::from(found.get_value().clone()));
            if value.is_empty() {
                continue;
            }
            if row > MAX_ROWS || column > MAX_COLUMNS {
                beyond_limits = true;
                continue;
            }
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            if let Some(cells) = rows.get_mut(row) {
                if cells.len() <= column {
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
        tables.push(Table::new(Some(name), rows));
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(number) => Cell::Number(*number as f64),
        Data::Float(number) => Cell::Number(*number),
        Data::Bool(value) => Cell::Bool(*value),
        Data::DateTime(datetime) if datetime.is_datetime() => {
            let (year, month, day, ..) = datetime.to_ymd_hms_milli();
            Date::new(i32::from(year), u32::from(month), u32::from(day))
                .map_or(Cell::Number(datetime.as_f64()), Cell::Date)
        }
        Data::DateTime(datetime) => Cell::Number(datetime.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::from_text(text),
    }
}
