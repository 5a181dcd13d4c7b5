//! OpenDocument spreadsheets (.ods) -> one [`Table`] per sheet, read from `content.xml`
//! with repeats expanded only as far as they hold something.
//!
//! `table:number-rows-repeated` and `table:number-columns-repeated` let 886 bytes describe
//! a million cells. Here repeated empty cells and rows are counted, not built: they become
//! cells only when something non-empty follows them within the importer's limits, and
//! every cell built is paid for from the file's [`Budget`]. Hidden sheets (a table style
//! with `table:display="false"`) are marked; formulas without a stored value are listed.

use std::collections::HashSet;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::archive::{self, Archive};
use super::cell::{address, Cell, Table};
use super::file::ReadFailure;
use super::grid::Budget;
use super::xml;
use super::{MAX_COLUMNS, MAX_ROWS};
use crate::limits::MAX_CELL_CHARS;

const CONTENT: &str = "content.xml";

/// Reads every sheet of an .ods workbook.
pub fn read(archive: &mut Archive) -> Result<Vec<Table>, ReadFailure> {
    let Some(content) = archive.read(CONTENT)? else {
        return Err(ReadFailure::damaged("the workbook has no content.xml"));
    };
    read_content_xml(&archive::text(content, CONTENT)?)
}

/// Reads the sheets of `content.xml`.
pub fn read_content_xml(content: &str) -> Result<Vec<Table>, ReadFailure> {
    let mut reader = Reader::from_str(content);
    let mut state = State::default();
    loop {
        match reader
            .read_event()
            .map_err(|error| xml::malformed(CONTENT, error))?
        {
            Event::Eof => break,
            Event::Start(start) => state.start(&start, false)?,
            Event::Empty(start) => state.start(&start, true)?,
            Event::End(end) => state.end(end.local_name().as_ref().as_bytes())?,
            Event::Text(text) if state.reading_text() => state.text(&text.xml10_content()),
            Event::GeneralRef(entity) if state.reading_text() => {
                if let Some(character) = xml::resolve(&entity) {
                    state.text(character.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(state.tables)
}

#[derive(Debug, Default)]
struct OpenSheet {
    name: String,
    hidden: bool,
    rows: Vec<Vec<Cell>>,
    /// Empty rows read but not yet built.
    blank_rows: usize,
    formulas: Vec<String>,
}

#[derive(Debug, Default)]
struct OpenRow {
    repeat: usize,
    cells: Vec<Cell>,
    blank_cells: usize,
    /// Column of the next cell, counting repeats (for formula addresses).
    column: usize,
}

#[derive(Debug, Default)]
struct OpenCell {
    repeat: usize,
    value: Option<Cell>,
    formula: bool,
    text: String,
    paragraphs: usize,
}

#[derive(Debug, Default)]
struct State {
    budget: Budget,
    hidden_styles: HashSet<String>,
    style: Option<String>,
    sheet: Option<OpenSheet>,
    row: Option<OpenRow>,
    cell: Option<OpenCell>,
    in_paragraph: usize,
    /// Inside `office:annotation` (a comment, not the cell's content).
    skip_depth: usize,
    tables: Vec<Table>,
}

impl State {
    fn reading_text(&self) -> bool {
        self.cell.is_some() && self.in_paragraph > 0 && self.skip_depth == 0
    }

    /// Text of the open cell; past the longest cell the importer reads, the rest is not
    /// kept (`<text:s text:c="1000"/>` would otherwise make 20 bytes a thousand).
    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell.as_mut() {
            if cell.text.len() <= 4 * MAX_CELL_CHARS {
                cell.text.push_str(text);
            }
        }
    }

    fn start(&mut self, start: &BytesStart, empty: bool) -> Result<(), ReadFailure> {
        let name = start.local_name();
        let name = name.as_ref().as_bytes();
        if self.skip_depth > 0 || name == b"annotation" {
            if !empty {
                self.skip_depth += 1;
            }
            return Ok(());
        }
        match name {
            b"style" => self.style = xml::attribute(start, b"name"),
            b"table-properties"
                if xml::attribute(start, b"display").as_deref() == Some("false") =>
            {
                if let Some(style) = self.style.clone() {
                    self.hidden_styles.insert(style);
                }
            }
            b"table" if self.sheet.is_none() => {
                let style = xml::attribute(start, b"style-name").unwrap_or_default();
                self.sheet = Some(OpenSheet {
                    name: xml::attribute(start, b"name").unwrap_or_default(),
                    hidden: self.hidden_styles.contains(&style),
                    ..OpenSheet::default()
                });
                if empty {
                    self.end(b"table")?;
                }
            }
            b"table-row" if self.sheet.is_some() => {
                self.row = Some(OpenRow {
                    repeat: repeats(start, b"number-rows-repeated"),
                    ..OpenRow::default()
                });
                if empty {
                    self.end(b"table-row")?;
                }
            }
            b"table-cell" | b"covered-table-cell" if self.row.is_some() => {
                self.cell = Some(OpenCell {
                    repeat: repeats(start, b"number-columns-repeated"),
                    value: value(start),
                    formula: xml::attribute(start, b"formula").is_some(),
                    ..OpenCell::default()
                });
                if empty {
                    self.end(name)?;
                }
            }
            b"p" | b"h" if self.cell.is_some() => {
                if let Some(cell) = self.cell.as_mut() {
                    if cell.paragraphs > 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                }
                if !empty {
                    self.in_paragraph += 1;
                }
            }
            b"s" if self.reading_text() => {
                let spaces = xml::number(start, b"c").unwrap_or(1).min(1_000);
                self.text(&" ".repeat(spaces));
            }
            b"tab" if self.reading_text() => self.text("\t"),
            b"line-break" if self.reading_text() => self.text("\n"),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) -> Result<(), ReadFailure> {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return Ok(());
        }
        match name {
            b"style" => self.style = None,
            b"p" | b"h" => self.in_paragraph = self.in_paragraph.saturating_sub(1),
            b"table-cell" | b"covered-table-cell" => self.end_cell()?,
            b"table-row" => self.end_row()?,
            b"table" => {
                if let Some(sheet) = self.sheet.take() {
                    self.tables.push(Table {
                        hidden: sheet.hidden,
                        formulas_without_values: sheet.formulas,
                        ..Table::new(Some(sheet.name), sheet.rows)
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self) -> Result<(), ReadFailure> {
        let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return Ok(());
        };
        let value = cell.value.unwrap_or_else(|| {
            if cell.text.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(cell.text)
            }
        });
        if value.is_empty() {
            if cell.formula {
                if let Some(sheet) = self.sheet.as_mut() {
                    let at = sheet.rows.len() + sheet.blank_rows;
                    if at <= MAX_ROWS && row.column <= MAX_COLUMNS {
                        sheet.formulas.push(address(at, row.column));
                    }
                }
            }
            row.blank_cells = row.blank_cells.saturating_add(cell.repeat);
        } else {
            let room = (MAX_COLUMNS + 1).saturating_sub(row.cells.len());
            let blanks = row.blank_cells.min(room);
            let copies = cell.repeat.min(room - blanks);
            self.budget.spend(blanks + copies)?;
            if let Cell::Text(text) = &value {
                self.budget.spend_text(text.len().saturating_mul(copies))?;
            }
            row.cells.extend(std::iter::repeat_n(Cell::Empty, blanks));
            row.cells.extend(std::iter::repeat_n(value, copies));
            row.blank_cells = 0;
        }
        row.column = row.column.saturating_add(cell.repeat);
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), ReadFailure> {
        let (Some(row), Some(sheet)) = (self.row.take(), self.sheet.as_mut()) else {
            return Ok(());
        };
        if row.cells.is_empty() {
            sheet.blank_rows = sheet.blank_rows.saturating_add(row.repeat);
            return Ok(());
        }
        let room = (MAX_ROWS + 1).saturating_sub(sheet.rows.len());
        let blanks = sheet.blank_rows.min(room);
        let copies = row.repeat.min(room - blanks);
        self.budget
            .spend(blanks.saturating_add(copies.saturating_mul(row.cells.len())))?;
        // The row's text was paid for once as its cells were placed; each further copy
        // holds all of it again.
        let text: usize = row
            .cells
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => text.len(),
                _ => 0,
            })
            .sum();
        self.budget
            .spend_text(text.saturating_mul(copies.saturating_sub(1)))?;
        sheet.rows.extend(std::iter::repeat_n(Vec::new(), blanks));
        sheet.rows.extend(std::iter::repeat_n(row.cells, copies));
        sheet.blank_rows = 0;
        Ok(())
    }
}

/// A repeat count: counted with saturating arithmetic, built only within the limits.
fn repeats(start: &BytesStart, attribute: &[u8]) -> usize {
    xml::number(start, attribute).unwrap_or(1).max(1)
}

/// A typed cell's value from its attributes; `None` for text cells (read from `<text:p>`).
fn value(start: &BytesStart) -> Option<Cell> {
    let kind = xml::attribute(start, b"value-type")?;
    match kind.as_str() {
        "float" | "percentage" | "currency" => xml::attribute(start, b"value")
            .and_then(|number| number.trim().parse().ok())
            .map(Cell::Number),
        "date" => xml::attribute(start, b"date-value").map(|date| Cell::from_text(&date)),
        "boolean" => {
            xml::attribute(start, b"boolean-value").map(|value| Cell::Bool(value == "true"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:style="s"><office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>"#;

    #[test]
    fn repeats_expand_only_where_they_hold_something() -> Result<(), ReadFailure> {
        let xml = format!(
            r#"{HEAD}<table:table table:name="Plan"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Action</text:p><text:p>and<text:s text:c="2"/>lead</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"/><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row><table:table-cell table:formula="of:=[.A1]"/><table:table-cell office:value-type="date" office:date-value="2016-03-31"/></table:table-row></table:table>
            <table:table table:name="Old" table:style-name="ta2"><table:table-row table:number-rows-repeated="100000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let result = read_content_xml(&xml);
        assert_eq!(
            result,
            Err(ReadFailure::TooManyCells {
                limit: super::super::MAX_CELLS
            })
        );

        let xml = xml.replace("100000000", "2");
        let tables = read_content_xml(&xml)?;
        let plan = tables.first().cloned().unwrap_or_default();
        assert_eq!(
            plan.rows.len(),
            MAX_ROWS + 1,
            "a row past the limit, for the warning"
        );
        assert_eq!(
            plan.rows
                .first()
                .map(|row| row.iter().map(ToString::to_string).collect::<Vec<_>>()),
            Some(vec![
                "".into(),
                "".into(),
                "Action\nand  lead".into(),
                "3".into()
            ])
        );
        let old = tables.get(1).cloned().unwrap_or_default();
        assert!(old.hidden && !plan.hidden);
        assert_eq!(old.rows.first().map(Vec::len), Some(MAX_COLUMNS + 1));
        Ok(())
    }

    #[test]
    fn formulas_without_values_are_listed() -> Result<(), ReadFailure> {
        let xml = format!(
            r#"{HEAD}<table:table table:name="Plan"><table:table-row><table:table-cell office:value-type="string"><text:p>Lead</text:p></table:table-cell><table:table-cell table:formula="of:=[.A1]"/><table:table-cell table:formula="of:=1" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let tables = read_content_xml(&xml)?;
        let formulas: Vec<Vec<String>> = tables
            .iter()
            .map(|table| table.formulas_without_values.clone())
            .collect();
        assert_eq!(formulas, [vec!["B1".to_owned()]]);
        Ok(())
    }
}
