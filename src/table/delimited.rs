//! CSV and TSV text -> a [`Table`], with the delimiter detected.
//!
//! Tables reach us as comma-separated (Excel "CSV"), semicolon-separated (Excel in locales
//! that write a decimal comma) and tab-separated (copied from Word, Excel or a PDF) text.

use csv::{ReaderBuilder, StringRecord};

use super::cell::{Cell, Table};
use super::MAX_ROWS;

const CANDIDATES: [u8; 3] = [b'\t', b',', b';'];
/// Records looked at to choose the delimiter.
const SAMPLE_RECORDS: usize = 60;

/// Reads delimited text into rows of cells. Lines may have any number of fields, as
/// extracted tables do; quoted fields may span lines.
pub fn read(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let mut reader = reader(text, delimiter);
    let mut record = StringRecord::new();
    let mut rows = Vec::new();
    // One row past the importer's limit is enough for it to report the table as too large;
    // holding every row of a long file would only use memory (which WASM never gives back).
    while rows.len() <= MAX_ROWS {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(format!("the table text could not be read: {error}")),
        }
        // The reader skips blank lines (they lead the next record's bytes); a spreadsheet
        // shows them as empty rows, and cell addresses must match what the officer sees.
        let start = record.position().map_or(0, csv::Position::byte) as usize;
        let blank = blank_lines_before(text, start).min(MAX_ROWS + 1 - rows.len());
        rows.extend(std::iter::repeat_with(Vec::new).take(blank));
        rows.push(record.iter().map(Cell::from_text).collect());
    }
    rows.truncate(MAX_ROWS + 1);
    Ok(Table::new(None, rows))
}

/// Blank lines the reader skipped before the record starting at `start`. After a record
/// ended by "\r" of a "\r\n", the record's bytes begin with that "\n": not a blank line.
fn blank_lines_before(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let leading = bytes.get(start..).unwrap_or_default();
    let breaks: Vec<u8> = leading
        .iter()
        .copied()
        .take_while(|byte| matches!(byte, b'\r' | b'\n'))
        .collect();
    let mut lines = breaks.iter().filter(|byte| **byte == b'\n').count()
        + breaks
            .windows(2)
            .filter(|pair| pair.first() == Some(&b'\r') && pair.get(1) != Some(&b'\n'))
            .count()
        + usize::from(breaks.last() == Some(&b'\r'));
    let ends_previous_line =
        start > 0 && bytes.get(start - 1) == Some(&b'\r') && breaks.first() == Some(&b'\n');
    if ends_previous_line {
        lines -= 1;
    }
    lines
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The candidate that splits the most sampled lines into the same number (two or more) of
/// fields: a real delimiter gives a steady column count, a comma inside prose does not.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0, b',');
    for delimiter in CANDIDATES {
        let counts: Vec<usize> = reader(text, delimiter)
            .records()
            .take(SAMPLE_RECORDS)
            .filter_map(Result::ok)
            .map(|record: StringRecord| record.len())
            .filter(|&fields| fields > 1)
            .collect();
        let steady = modal_frequency(&counts);
        let score = steady * 2 + counts.len();
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

fn modal_frequency(counts: &[usize]) -> usize {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    sorted
        .chunk_by(|a, b| a == b)
        .map(<[usize]>::len)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| cell.text(false)).collect())
            .collect()
    }

    #[test]
    fn detects_each_delimiter() {
        assert_eq!(
            detect_delimiter(
                "Action\tLead\tDate\nTrain staff, managers\tPrevent Lead\tMarch 2016\n"
            ),
            b'\t'
        );
        assert_eq!(
            detect_delimiter(
                "Action,Lead,Date\n\"Train staff; managers\",Prevent Lead,March 2016\n"
            ),
            b','
        );
        assert_eq!(
            detect_delimiter("Action;Lead;Date\nTrain staff, managers and others;Prevent Lead;March 2016\nMap venues, halls;Police;2016\n"),
            b';'
        );
    }

    #[test]
    fn keeps_quoted_newlines_and_ragged_rows() {
        let Ok(table) = read("\u{feff}No,Action\n1,\"Train\nstaff\"\n\n\n,more,extra\n") else {
            unreachable!()
        };
        let expected: [Vec<&str>; 5] = [
            vec!["No", "Action"],
            vec!["1", "Train\nstaff"],
            vec![],
            vec![],
            vec!["", "more", "extra"],
        ];
        assert_eq!(texts(&table), expected);
    }

    #[test]
    fn blank_lines_are_empty_rows_whatever_the_line_ends() {
        for text in [
            "a,b\n\nc,d\n",
            "a,b\r\n\r\nc,d\r\n",
            "a,\"b\r\nb\"\r\n\r\nc,d\r\n",
        ] {
            let Ok(table) = read(text) else {
                unreachable!()
            };
            assert_eq!(table.rows.len(), 3, "{text:?}");
        }
        let Ok(table) = read("a,b\r\nc,d\r\n") else {
            unreachable!()
        };
        assert_eq!(table.rows.len(), 2);
    }

    #[test]
    fn quotes_inside_word_extracted_cells_are_literal() {
        let Ok(table) =
            read("Action\tOutputs\nDeliver DSCF \"Toolkit\" notes\t<ul style=\"x\"> Notes\n")
        else {
            unreachable!()
        };
        assert_eq!(
            texts(&table)
                .get(1)
                .and_then(|row| row.get(1))
                .map(String::as_str),
            Some("<ul style=\"x\"> Notes")
        );
    }
}
