//! The rows of one document table (Word or HTML) as spreadsheets hand them over: a cell
//! merged across columns gives its text in its first column and empty cells in the columns
//! it spans; a cell merged down rows gives its text in its top row and empty cells below
//! (the convention the importer relies on, shared with workbooks).
//!
//! Spans are what make a few bytes expand into many cells (`colspan="1000"`,
//! `rowspan="65534"`), so every cell placed, empty or not, is paid for from a [`Budget`]
//! shared by the whole file, and a table keeps at most one row and one column past the
//! importer's limits (enough for its `table-too-large` warning).

use super::cell::Cell;
use super::file::ReadFailure;
use super::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};
use crate::limits::MAX_INPUT_BYTES;

/// Bytes of text the cells of one file may hold together: a cell's text is copied into
/// every cell that repeats it (an .ods repeat, a shared string used by many cells), so
/// text, like cells, is paid for as it is placed.
pub const MAX_TEXT_BYTES: usize = 4 * MAX_INPUT_BYTES;

/// Cells, and bytes of text, a file may still expand into.
#[derive(Debug)]
pub struct Budget {
    left: usize,
    text_left: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            left: MAX_CELLS,
            text_left: MAX_TEXT_BYTES,
        }
    }
}

impl Budget {
    /// Pays for `cells` cells, or fails once the file holds more than [`MAX_CELLS`].
    pub fn spend(&mut self, cells: usize) -> Result<(), ReadFailure> {
        self.left = self
            .left
            .checked_sub(cells)
            .ok_or(ReadFailure::TooManyCells { limit: MAX_CELLS })?;
        Ok(())
    }

    /// Pays for `bytes` bytes of cell text.
    pub fn spend_text(&mut self, bytes: usize) -> Result<(), ReadFailure> {
        self.text_left = self
            .text_left
            .checked_sub(bytes)
            .ok_or(ReadFailure::TooMuchText {
                limit: MAX_TEXT_BYTES,
            })?;
        Ok(())
    }
}

/// One table being read, row by row.
#[derive(Debug, Default)]
pub struct Grid {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    /// Per column, how many more rows a cell above still covers (HTML `rowspan`).
    covered: Vec<usize>,
}

impl Grid {
    /// Ends the current row (a row that was never started is not added).
    pub fn end_row(&mut self, budget: &mut Budget) -> Result<(), ReadFailure> {
        self.skip_covered(budget)?;
        let row = std::mem::take(&mut self.row);
        for count in &mut self.covered {
            *count = count.saturating_sub(1);
        }
        if self.rows.len() <= MAX_ROWS {
            self.rows.push(row);
        }
        Ok(())
    }

    /// Places a cell with `text`, spanning `columns` columns and `rows` rows (both at least 1).
    pub fn push(
        &mut self,
        text: &str,
        columns: usize,
        rows: usize,
        budget: &mut Budget,
    ) -> Result<(), ReadFailure> {
        self.skip_covered(budget)?;
        let columns = columns.clamp(1, MAX_COLUMNS + 1);
        let first = self.row.len();
        budget.spend_text(text.len())?;
        self.place(Cell::from_text(text), budget)?;
        for _ in 1..columns {
            self.place(Cell::Empty, budget)?;
        }
        if rows > 1 {
            let below = rows.min(MAX_ROWS + 1) - 1;
            let end = (first + columns).min(MAX_COLUMNS + 1);
            if self.covered.len() < end {
                self.covered.resize(end, 0);
            }
            // Counted down as this row ends, then once per row below.
            for count in self.covered.iter_mut().take(end).skip(first) {
                *count = below + 1;
            }
        }
        Ok(())
    }

    /// Empty cells for the columns that cells above still cover, from the current column
    /// on, so that a cell placed next lands in the first free column.
    fn skip_covered(&mut self, budget: &mut Budget) -> Result<(), ReadFailure> {
        while self.row.len() <= MAX_COLUMNS
            && self
                .covered
                .get(self.row.len())
                .is_some_and(|count| *count > 0)
        {
            self.place(Cell::Empty, budget)?;
        }
        Ok(())
    }

    fn place(&mut self, cell: Cell, budget: &mut Budget) -> Result<(), ReadFailure> {
        budget.spend(1)?;
        if self.row.len() <= MAX_COLUMNS {
            self.row.push(cell);
        }
        Ok(())
    }

    /// The rows read; a row still open is ended first.
    pub fn finish(mut self, budget: &mut Budget) -> Result<Vec<Vec<Cell>>, ReadFailure> {
        if !self.row.is_empty() {
            self.end_row(budget)?;
        }
        Ok(self.rows)
    }

    /// Whether a row has been started (a cell placed since the last row ended).
    pub fn in_row(&self) -> bool {
        !self.row.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect()
    }

    #[test]
    fn spans_become_empty_cells_right_and_below() -> Result<(), ReadFailure> {
        let mut budget = Budget::default();
        let mut grid = Grid::default();
        grid.push("Objective", 1, 2, &mut budget)?;
        grid.push("Action and lead", 2, 1, &mut budget)?;
        grid.end_row(&mut budget)?;
        grid.push("Train staff", 1, 1, &mut budget)?;
        grid.push("Prevent Lead", 1, 1, &mut budget)?;
        grid.end_row(&mut budget)?;
        assert_eq!(
            texts(&grid.finish(&mut budget)?),
            [
                vec!["Objective", "Action and lead", ""],
                vec!["", "Train staff", "Prevent Lead"]
            ]
        );
        Ok(())
    }

    #[test]
    fn huge_spans_are_bounded() -> Result<(), ReadFailure> {
        let mut budget = Budget::default();
        let mut grid = Grid::default();
        grid.push("wide", 1_000_000, 1_000_000, &mut budget)?;
        grid.end_row(&mut budget)?;
        let rows = grid.finish(&mut budget)?;
        assert_eq!(rows.first().map(Vec::len), Some(MAX_COLUMNS + 1));
        let mut small = Budget {
            left: 10,
            ..Budget::default()
        };
        let mut grid = Grid::default();
        assert_eq!(
            grid.push("x", 50, 1, &mut small),
            Err(ReadFailure::TooManyCells { limit: MAX_CELLS })
        );
        Ok(())
    }
}
