//! One spreadsheet cell as spreadsheets hand it over, and the grid of them.
//!
//! Excel's `range.values` and Google Sheets' `getValues()` give strings, numbers, booleans
//! and empty cells; dates arrive as ISO strings (converted by the JS wrapper) or, from Excel,
//! as serial day numbers that only the column they sit in identifies as dates.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;

/// A cell value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell the sheet itself marks as a date (workbooks, ISO strings).
    Date(Date),
}

/// A sheet: its name (when it came from a workbook) and its rows of cells.
///
/// A table of a document (.docx, HTML) is named "Table 2" and carries its number in
/// `table`; its first `above` rows are the paragraphs above it in the document (title,
/// period, "Priority: Leadership"), one per row, so that the importer reads them as it
/// reads the rows above a spreadsheet's header.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Table {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The table's number in its document (1-based), for tables of documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// Rows in front of the table's own rows: the paragraphs above it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub above: usize,
    /// A sheet the workbook hides (hidden or "very hidden"): often an old draft.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Cells ("C5") holding a formula whose value the file does not store: they read as
    /// empty, and the report says so.
    #[serde(
        default,
        rename = "formulasWithoutValues",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub formulas_without_values: Vec<String>,
}

fn is_zero(value: &usize) -> bool {
    *value == 0
}

impl Table {
    pub fn new(sheet: Option<String>, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            sheet,
            rows,
            ..Table::default()
        }
    }

    /// Cells in the table, empty ones included.
    pub fn cells(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }
}

impl Cell {
    /// Reads a text cell, recognising ISO dates (`2016-03-31`, or a JS `Date` as JSON,
    /// `2016-03-31T00:00:00.000Z`) as dates.
    pub fn from_text(text: &str) -> Cell {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Cell::Empty;
        }
        let date_part = match trimmed.split_once('T') {
            Some((date, time)) if time.starts_with(|c: char| c.is_ascii_digit()) => date,
            _ => trimmed,
        };
        match Date::parse_iso(date_part) {
            Some(date) => Cell::Date(date),
            None => Cell::Text(text.to_owned()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text. In a column of dates a number is read as an Excel serial date,
    /// which is how Excel's `range.values` hands dates over.
    pub fn text(&self, dates_expected: bool) -> String {
        match self {
            Cell::Number(number) if dates_expected => excel_serial_date(*number)
                .map_or_else(|| format_number(*number), |date| date.to_string()),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(text) => f.write_str(text),
            Cell::Number(number) => f.write_str(&format_number(*number)),
            Cell::Bool(value) => f.write_str(if *value { "TRUE" } else { "FALSE" }),
            Cell::Date(date) => write!(f, "{date}"),
        }
    }
}

/// Whole numbers without a fractional part ("3", not "3.0"), as a spreadsheet shows them.
fn format_number(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        number.to_string()
    }
}

/// Excel serial day numbers (1900 date system, with its phantom 29 February 1900) for the
/// years a plan can plausibly mention; anything else is left a number.
pub fn excel_serial_date(serial: f64) -> Option<Date> {
    // 1 Jan 1960 .. 31 Dec 2099.
    if !(21_916.0..=73_050.0).contains(&serial) {
        return None;
    }
    let epoch = Date::new(1899, 12, 30)?;
    epoch.add_days(serial.floor() as i64)
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Input {
            Null(()),
            Bool(bool),
            Number(f64),
            Text(String),
        }
        Ok(match Option::<Input>::deserialize(deserializer)? {
            None | Some(Input::Null(())) => Cell::Empty,
            Some(Input::Bool(value)) => Cell::Bool(value),
            Some(Input::Number(number)) => Cell::Number(number),
            Some(Input::Text(text)) => Cell::from_text(&text),
        })
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Empty => serializer.serialize_none(),
            Cell::Text(text) => serializer.serialize_str(text),
            Cell::Number(number) => serializer.serialize_f64(*number),
            Cell::Bool(value) => serializer.serialize_bool(*value),
            Cell::Date(date) => serializer.collect_str(date),
        }
    }
}

/// A cell address as spreadsheets write it: column letters and 1-based row ("D7").
pub fn address(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        let remainder = (rest - 1) % 26;
        letters.push(char::from(b'A' + remainder as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// The 0-based (row, column) of an address such as "D7".
pub fn parse_address(address: &str) -> Option<(usize, usize)> {
    let digits = address.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = address.split_at(digits);
    if letters.is_empty() || !letters.bytes().all(|byte| byte.is_ascii_uppercase()) {
        return None;
    }
    let column = letters.bytes().try_fold(0usize, |column, byte| {
        column
            .checked_mul(26)?
            .checked_add(usize::from(byte - b'A') + 1)
    })?;
    let row: usize = number.parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_as_spreadsheets_send_them() {
        let rows: Vec<Vec<Cell>> = serde_json::from_str(
            r#"[["Action", null, 3, true, "2016-03-31", "2016-03-30T23:00:00.000Z", 42460, ""]]"#,
        )
        .unwrap_or_else(|error| unreachable!("{error}"));
        let Some(row) = rows.first() else {
            unreachable!()
        };
        let texts: Vec<String> = row.iter().map(|cell| cell.text(false)).collect();
        assert_eq!(
            texts,
            [
                "Action",
                "",
                "3",
                "TRUE",
                "2016-03-31",
                "2016-03-30",
                "42460",
                ""
            ]
        );
        assert_eq!(
            row.get(6).map(|cell| cell.text(true)),
            Some("2016-03-31".into())
        );
        assert!(row.get(7).is_some_and(Cell::is_empty));
    }

    #[test]
    fn excel_serials_outside_plausible_years_stay_numbers() {
        assert_eq!(Cell::Number(3.0).text(true), "3");
        assert_eq!(Cell::Number(2016.0).text(true), "2016");
        assert_eq!(
            excel_serial_date(43_555.0).map(|date| date.to_string()),
            Some("2019-03-31".into())
        );
    }

    #[test]
    fn addresses_cells_like_spreadsheets() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(6, 3), "D7");
        assert_eq!(address(9, 25), "Z10");
        assert_eq!(address(0, 26), "AA1");
        assert_eq!(address(0, 701), "ZZ1");
        assert_eq!(address(0, 702), "AAA1");
        for (row, column) in [(0, 0), (6, 3), (9, 25), (0, 26), (4, 701), (99, 702)] {
            assert_eq!(parse_address(&address(row, column)), Some((row, column)));
        }
        assert_eq!(parse_address("7D"), None);
    }
}
