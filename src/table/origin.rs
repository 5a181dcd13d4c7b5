//! Where a checked range starts on its sheet. Spreadsheet add-ins read the used range, which
//! need not start at A1; with `origin` ("B3") every cell a report names, in `cell` and in the
//! messages, is the sheet's address, so that a note lands where it belongs.

#[cfg(feature = "tables")]
use crate::messages::Message;
#[cfg(feature = "tables")]
use crate::report::Issue;

use super::cell::address;

/// Excel's last row and column (XFD1048576): no sheet cell lies beyond them.
const MAX_ROW: usize = 1_048_576;
const MAX_COLUMN: usize = 16_384;

/// The sheet position (0-based) of a range's first cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub row: usize,
    pub column: usize,
}

impl Origin {
    /// Reads a cell address: "B3", also absolute ("$B$3") and lower case. None for anything
    /// else, and for cells beyond a sheet's last row or column.
    pub fn parse(text: &str) -> Option<Origin> {
        let (row, column) = parse_address(&text.replace('$', ""))?;
        (row < MAX_ROW && column < MAX_COLUMN).then_some(Origin { row, column })
    }

    /// The sheet address of a cell the report names relative to the range ("A1" -> "B3").
    pub fn shift(self, cell: &str) -> Option<String> {
        let (row, column) = parse_address(cell)?;
        Some(address(row + self.row, column + self.column))
    }

    /// The column letters of a column the report names relative to the range ("A" -> "B").
    #[cfg(feature = "tables")]
    fn shift_column(self, letters: &str) -> Option<String> {
        let shifted = self.shift(&format!("{letters}1"))?;
        Some(
            shifted
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_owned(),
        )
    }

    /// Moves every cell of `issues` (their `cell` and the cells their messages name) from
    /// the range's addresses to the sheet's; the caller renders the messages again.
    #[cfg(feature = "tables")]
    pub fn place(self, issues: &mut [Issue]) {
        if self == Origin::default() {
            return;
        }
        for issue in issues {
            if let Some(cell) = issue.cell.as_deref().and_then(|cell| self.shift(cell)) {
                issue.cell = Some(cell);
            }
            match &mut issue.texts.message {
                Some(Message::CellUnmapped { cell, .. }) => {
                    if let Some(shifted) = self.shift(cell) {
                        *cell = shifted;
                    }
                }
                Some(Message::ColumnUnmapped { column, .. }) => {
                    if let Some(shifted) = self.shift_column(column) {
                        *column = shifted;
                    }
                }
                _ => {}
            }
        }
    }
}

/// "D7" -> (6, 3), 0-based; at most three letters and seven digits.
fn parse_address(text: &str) -> Option<(usize, usize)> {
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 || digits.len() > 7 {
        return None;
    }
    if !letters.chars().all(|c| c.is_ascii_alphabetic())
        || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let column = letters.chars().fold(0, |column, letter| {
        column * 26 + usize::from(letter.to_ascii_uppercase() as u8 - b'A' + 1)
    });
    let row: usize = digits.parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;

    #[test]
    fn reads_addresses_as_sheets_write_them() {
        assert_eq!(Origin::parse("A1"), Some(Origin { row: 0, column: 0 }));
        assert_eq!(Origin::parse("$b$3"), Some(Origin { row: 2, column: 1 }));
        assert_eq!(Origin::parse("AA10"), Some(Origin { row: 9, column: 26 }));
        assert_eq!(
            Origin::parse("XFD1048576"),
            Some(Origin {
                row: 1_048_575,
                column: 16_383
            })
        );
        for bad in [
            "", "B", "3", "B0", "3B", "B3:C4", "XFE1", "A1048577", "ABCD1", "É3",
        ] {
            assert_eq!(Origin::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn moves_cells_and_the_cells_messages_name() {
        let origin = Origin::parse("B3").unwrap_or_default();
        let mut issues = vec![
            Issue::say(
                "cell-unmapped",
                Severity::Warning,
                "",
                Message::CellUnmapped {
                    cell: "A3".into(),
                    text: "x".into(),
                },
            ),
            Issue::say(
                "cell-unmapped",
                Severity::Warning,
                "",
                Message::ColumnUnmapped {
                    column: "Z".into(),
                    heading: None,
                    cells: 2,
                },
            ),
        ];
        issues[0].cell = Some("A3".into());
        origin.place(&mut issues);
        issues
            .iter_mut()
            .for_each(|issue| issue.localize(crate::Locale::English));
        assert_eq!(issues[0].cell.as_deref(), Some("B5"));
        assert!(issues[0].message.contains("B5"), "{}", issues[0].message);
        assert!(issues[1].message.contains("AA"), "{}", issues[1].message);
    }
}
