//! Word documents (.docx) -> one [`Table`] per table of `word/document.xml`, each with the
//! paragraphs above it (title, period, "Priority: Leadership" between tables).
//!
//! What Word shows is what is read: the paragraphs and list items of a cell are its lines;
//! `w:gridSpan` and `w:vMerge` follow the merged-cell convention of [`super::grid`]; text
//! boxes are read into the paragraph they sit in (once: the `mc:Fallback` copy of a
//! drawing is skipped); tracked changes read as accepted (`w:ins` read, `w:del` and deleted
//! rows not); field codes are not text, their results are. A table nested in a cell is read
//! into that cell as lines (so the outer table loses nothing) and is also a table of its own.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::archive::{self, Archive};
use super::cell::{Cell, Table};
use super::file::ReadFailure;
use super::grid::{Budget, Grid};
use super::xml;

const DOCUMENT: &str = "word/document.xml";
/// Paragraphs above a table that are kept with it: enough for a title, a period and
/// headings, few enough that the header stays within the rows the importer searches.
pub const MAX_PARAGRAPHS_ABOVE: usize = 20;

/// Reads every table of a Word document.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadFailure> {
    let mut archive = Archive::open(bytes)?;
    let Some(document) = archive.read(DOCUMENT)? else {
        return Err(ReadFailure::damaged(
            "it has no word/document.xml: is it a Word document (.docx)?",
        ));
    };
    read_document_xml(&archive::text(document, DOCUMENT)?)
}

/// Reads the tables of `word/document.xml`.
pub fn read_document_xml(xml: &str) -> Result<Vec<Table>, ReadFailure> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|error| xml::malformed(DOCUMENT, error))?;
        match event {
            Event::Eof => break,
            Event::Start(start) => state.start(&start)?,
            Event::Empty(start) => state.empty(&start)?,
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
    Ok(state.finish())
}

/// Elements whose content is not what the document shows.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"del" | b"moveFrom" | b"delText" | b"instrText" | b"delInstrText" | b"Fallback"
    )
}

#[derive(Debug, Default)]
struct OpenTable {
    number: usize,
    grid: Grid,
    cell: Option<OpenCell>,
    /// A row deleted as a tracked change.
    row_deleted: bool,
    in_row_properties: bool,
    /// The paragraphs above it (top-level tables only).
    above: Vec<String>,
    /// Nested in a cell or text box: read into its container too.
    nested: bool,
}

#[derive(Debug, Default)]
struct OpenCell {
    lines: Vec<String>,
    columns: usize,
}

#[derive(Debug, Default)]
struct State {
    budget: Budget,
    tables: Vec<OpenTable>,
    /// Open paragraphs: more than one inside a text box.
    paragraphs: Vec<String>,
    /// Body paragraphs since the last top-level table.
    body: Vec<String>,
    done: Vec<(usize, Table)>,
    numbered: usize,
    skip_depth: usize,
    in_text: bool,
    run_depth: usize,
}

impl State {
    fn reading_text(&self) -> bool {
        self.in_text && self.skip_depth == 0
    }

    fn text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.push_str(text);
        }
    }

    fn start(&mut self, start: &BytesStart) -> Result<(), ReadFailure> {
        let name = start.local_name();
        let name = name.as_ref().as_bytes();
        if self.skip_depth > 0 || skipped(name) {
            self.skip_depth += 1;
            return Ok(());
        }
        match name {
            b"p" => self.paragraphs.push(String::new()),
            b"r" => self.run_depth += 1,
            b"t" => self.in_text = true,
            b"tbl" => self.open_table(),
            b"tc" => {
                if let Some(table) = self.tables.last_mut() {
                    table.cell = Some(OpenCell {
                        lines: Vec::new(),
                        columns: 1,
                    });
                }
            }
            b"trPr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.in_row_properties = true;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn empty(&mut self, start: &BytesStart) -> Result<(), ReadFailure> {
        if self.skip_depth > 0 {
            return Ok(());
        }
        let name = start.local_name();
        match name.as_ref().as_bytes() {
            b"tab" if self.run_depth > 0 => self.text("\t"),
            b"br" | b"cr" if self.run_depth > 0 => self.text("\n"),
            b"noBreakHyphen" if self.run_depth > 0 => self.text("-"),
            b"p" => self.end_paragraph(String::new()),
            b"gridSpan" => {
                let columns = xml::number(start, b"val").unwrap_or(1);
                if let Some(cell) = self.tables.last_mut().and_then(|table| table.cell.as_mut()) {
                    cell.columns = columns.max(1);
                }
            }
            b"gridBefore" => {
                let columns = xml::number(start, b"val").unwrap_or(0);
                if let Some(table) = self.tables.last_mut() {
                    if columns > 0 && !table.row_deleted {
                        table.grid.push("", columns, 1, &mut self.budget)?;
                    }
                }
            }
            b"del" => {
                if let Some(table) = self
                    .tables
                    .last_mut()
                    .filter(|table| table.in_row_properties)
                {
                    table.row_deleted = true;
                }
            }
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
            b"t" => self.in_text = false,
            b"r" => self.run_depth = self.run_depth.saturating_sub(1),
            b"p" => {
                let text = self.paragraphs.pop().unwrap_or_default();
                self.end_paragraph(text);
            }
            b"tc" => {
                if let Some(table) = self.tables.last_mut() {
                    let cell = table.cell.take().unwrap_or_default();
                    if !table.row_deleted {
                        let text = cell.lines.join("\n");
                        table
                            .grid
                            .push(text.trim_end(), cell.columns, 1, &mut self.budget)?;
                    }
                }
            }
            b"trPr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.in_row_properties = false;
                }
            }
            b"tr" => {
                if let Some(table) = self.tables.last_mut() {
                    if table.row_deleted {
                        table.row_deleted = false;
                    } else {
                        table.grid.end_row(&mut self.budget)?;
                    }
                }
            }
            b"tbl" => self.close_table()?,
            _ => {}
        }
        Ok(())
    }

    /// A finished paragraph goes to the paragraph it is nested in (a text box), else to the
    /// open cell, else to the body.
    fn end_paragraph(&mut self, text: String) {
        if let Some(outer) = self.paragraphs.last_mut() {
            push_line(outer, &text);
        } else if let Some(cell) = self.tables.last_mut().and_then(|table| table.cell.as_mut()) {
            cell.lines.push(text);
        } else if !text.trim().is_empty() {
            self.body.push(text);
        }
    }

    fn open_table(&mut self) {
        self.numbered += 1;
        let nested = !self.tables.is_empty() || !self.paragraphs.is_empty();
        let above = if nested {
            Vec::new()
        } else {
            let body = std::mem::take(&mut self.body);
            let skip = body.len().saturating_sub(MAX_PARAGRAPHS_ABOVE);
            body.into_iter().skip(skip).collect()
        };
        self.tables.push(OpenTable {
            number: self.numbered,
            above,
            nested,
            ..OpenTable::default()
        });
    }

    fn close_table(&mut self) -> Result<(), ReadFailure> {
        let Some(table) = self.tables.pop() else {
            return Ok(());
        };
        let rows = table.grid.finish(&mut self.budget)?;
        if table.nested {
            let lines = flatten(&rows);
            if let Some(paragraph) = self.paragraphs.last_mut() {
                push_line(paragraph, &lines);
            } else if let Some(cell) = self.tables.last_mut().and_then(|outer| outer.cell.as_mut())
            {
                cell.lines.push(lines);
            }
        }
        self.done.push((
            table.number,
            document_table(table.number, table.above, rows),
        ));
        Ok(())
    }

    fn finish(mut self) -> Vec<Table> {
        self.done.sort_by_key(|(number, _)| *number);
        self.done.into_iter().map(|(_, table)| table).collect()
    }
}

fn push_line(paragraph: &mut String, line: &str) {
    if line.trim().is_empty() {
        return;
    }
    if !paragraph.is_empty() {
        paragraph.push('\n');
    }
    paragraph.push_str(line);
}

/// A nested table as lines of text: one per row, its cells separated by " | ".
pub fn flatten(rows: &[Vec<Cell>]) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(ToString::to_string)
                .filter(|text| !text.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table of a document, named "Table N", with the paragraphs above it as its first rows.
pub fn document_table(number: usize, above: Vec<String>, rows: Vec<Vec<Cell>>) -> Table {
    let count = above.len();
    let mut all: Vec<Vec<Cell>> = above
        .into_iter()
        .map(|text| vec![Cell::Text(text)])
        .collect();
    all.extend(rows);
    Table {
        table: Some(number),
        above: count,
        ..Table::new(Some(format!("Table {number}")), all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect()
    }

    const W: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;

    #[test]
    fn reads_merged_cells_lines_and_tracked_changes() -> Result<(), ReadFailure> {
        let xml = format!(
            r#"{W}<w:p><w:r><w:t>Prevent Plan 2016/17</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lead</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Train </w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins><w:r><w:t>staff</w:t></w:r></w:ins></w:p><w:p><w:r><w:t>in WRAP &amp; more</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lead</w:t><w:br/><w:t>Police</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x"</w:instrText><w:t>link</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#
        );
        let tables = read_document_xml(&xml)?;
        assert_eq!(tables.len(), 1);
        let table = tables.first().cloned().unwrap_or_default();
        assert_eq!((table.table, table.above), (Some(1), 1));
        assert_eq!(
            texts(&table),
            [
                vec!["Prevent Plan 2016/17"],
                vec!["Action", "", "Lead"],
                vec!["1", "Train staff\nin WRAP & more", "Lead\nPolice"],
                vec!["", "link", ""],
            ]
        );
        Ok(())
    }

    #[test]
    fn nested_tables_and_text_boxes_lose_nothing() -> Result<(), ReadFailure> {
        let xml = format!(
            r#"{W}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Milestones</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Q1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Mar-17</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc>
            <w:tc><w:p><w:r><w:t>Lead</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#
        );
        let tables = read_document_xml(&xml)?;
        let all: Vec<Vec<Vec<String>>> = tables.iter().map(texts).collect();
        assert_eq!(
            all,
            [
                vec![vec!["Milestones\nQ1 | Mar-17", "Lead\nboxed"]],
                vec![vec!["Q1", "Mar-17"]],
            ]
        );
        Ok(())
    }

    #[test]
    fn damaged_xml_is_reported() {
        assert!(matches!(
            read_document_xml("<w:document><w:body><w:tbl></w:body>"),
            Err(ReadFailure::Damaged { .. })
        ));
        assert!(matches!(
            read(b"PK not a zip"),
            Err(ReadFailure::Damaged { .. })
        ));
    }
}
