//! Rows above the header: the plan's title (authority, period), strategic priorities, and
//! the heading of the first section ("OBJECTIVE 1: ...", "Priority: Partnership Working").

use crate::date::Period;

use super::heading::{
    authority, is_title, keyword_heading, label_heading, lone_cell_heading, names_body,
    period_label, strategic_priority, Heading,
};
use super::rows::SectionRows;

/// A value read from one cell (row, column).
pub type Located<T> = (T, (usize, usize));

/// What the rows above the header say about the plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    pub title: Option<Located<String>>,
    pub authority: Option<Located<String>>,
    pub period: Option<Located<(String, Period)>>,
    pub priorities: Vec<Located<(String, String)>>,
    /// Headings of sections that start above the header.
    pub sections: Vec<SectionRows>,
    pub used: Vec<(usize, usize)>,
}

/// A numbered short heading: "1. Leadership and governance".
fn numbered_heading(text: &str) -> Option<Heading> {
    lone_cell_heading(text).filter(|heading| heading.id.is_some())
}

/// Reads the rows above the header.
pub fn read(rows: &[Vec<String>]) -> Preamble {
    let mut preamble = Preamble::default();
    let last = rows
        .iter()
        .rposition(|row| row.iter().any(|text| !text.trim().is_empty()));
    for (index, row) in rows.iter().enumerate() {
        let cells: Vec<(usize, &str)> = row
            .iter()
            .enumerate()
            .map(|(column, text)| (column, text.trim()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        let alone = cells.len() == 1;
        // The row just above the header may head the first section: "1. Leadership".
        let numbered_heading = cells
            .first()
            .filter(|_| alone && Some(index) == last)
            .and_then(|(column, text)| Some((*column, numbered_heading(text)?)));
        if let Some((column, heading)) = numbered_heading {
            preamble.sections.push(SectionRows {
                heading: Some((heading, (index, column))),
                records: Vec::new(),
            });
            preamble.used.push((index, column));
            continue;
        }
        for (column, text) in cells {
            let at = (index, column);
            if preamble.read_cell(text, at, alone) {
                preamble.used.push(at);
            }
        }
    }
    preamble
}

impl Preamble {
    /// Takes what a cell says; `alone` when it is the only cell of its row (headings and
    /// priorities are whole rows, a title may share its row with a version or date).
    fn read_cell(&mut self, text: &str, at: (usize, usize), alone: bool) -> bool {
        let heading = keyword_heading(text).or_else(|| label_heading(text));
        if let Some(heading) = heading.filter(|_| alone) {
            self.sections.push(SectionRows {
                heading: Some((heading, at)),
                records: Vec::new(),
            });
        } else if let Some(priority) = strategic_priority(text).filter(|_| alone) {
            self.priorities.push((priority, at));
        } else if self.title.is_none() && is_title(text) {
            // A line naming the body above the title already said who owns the plan.
            if self.authority.is_none() {
                self.authority = authority(text).map(|name| (name, at));
            }
            if let Some(period) = period_label(text) {
                self.period = Some((period, at));
            }
            self.title = Some((text.to_owned(), at));
        } else if self.authority.is_none() && self.title.is_none() && alone && names_body(text) {
            self.authority = Some((text.to_owned(), at));
        } else if self.period.is_none() && text.split_whitespace().count() <= 3 {
            let Some(period) = period_label(text) else {
                return false;
            };
            self.period = Some((period, at));
        } else {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_priorities_and_first_section() {
        let rows: Vec<Vec<String>> = [
            "Draft Prevent Delivery Plan - Haringey 2013-14",
            "PREVENT Strategic",
            "- 1) Respond to ideological challenge of terrorism",
            "- 2) Prevent people from being drawn into terrorism",
            "Issue / Risk 1 - Joint strategic governance / management",
        ]
        .iter()
        .map(|text| vec![(*text).to_owned()])
        .collect();
        let preamble = read(&rows);
        assert_eq!(
            preamble
                .title
                .as_ref()
                .map(|(title, at)| (title.as_str(), *at)),
            Some(("Draft Prevent Delivery Plan - Haringey 2013-14", (0, 0)))
        );
        assert_eq!(
            preamble.authority.map(|(name, _)| name),
            Some("Haringey".into())
        );
        assert_eq!(
            preamble.period.map(|((label, _), _)| label),
            Some("2013-14".into())
        );
        assert_eq!(preamble.priorities.len(), 2);
        assert_eq!(preamble.sections.len(), 1);
        // "PREVENT Strategic" is neither: it is reported as unread.
        assert!(!preamble.used.contains(&(1, 0)));
    }

    #[test]
    fn a_title_may_share_its_row() {
        let row = [
            "Prevent Partnership Action Plan",
            "",
            "2019/20",
            "Version 3",
        ]
        .map(str::to_owned)
        .to_vec();
        let preamble = read(&[row]);
        assert_eq!(
            preamble.title.map(|(title, _)| title),
            Some("Prevent Partnership Action Plan".into())
        );
        assert_eq!(
            preamble.period.map(|((label, _), at)| (label, at)),
            Some(("2019/20".into(), (0, 2)))
        );
        assert_eq!(preamble.used, [(0, 0), (0, 2)]);
    }
}
