//! .xlsx and .ods workbooks -> one [`Table`] per sheet (feature `xlsx`).
//!
//! This is all the workbook module does: turning bytes into rows. Choosing the sheet and
//! reading the plan happen in the core, so the separately shipped workbook WASM module
//! carries calamine and little else.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use crate::date::Date;

use super::cell::{Cell, Table};

/// Reads every sheet of a workbook. Cells keep their addresses: a sheet whose used range
/// starts at C3 gets two empty rows and columns in front.
pub fn read(bytes: Vec<u8>) -> Result<Vec<Table>, String> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|error| {
        format!("the workbook could not be read (is it an .xlsx or .ods file?): {error}")
    })?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|error| format!("sheet \"{name}\" could not be read: {error}"))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let padding = vec![Cell::Empty; first_column as usize];
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); first_row as usize];
        for row in range.rows() {
            let mut cells = padding.clone();
            cells.extend(row.iter().map(cell));
            rows.push(cells);
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
