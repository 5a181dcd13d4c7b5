//! Where each field of an imported plan came from, so that issues point at cells.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::report::Issue;

use crate::messages::Message;

use super::cell::address;
use super::origin::Origin;

/// JSON Pointer of a plan field -> the cell it was read from ("D7").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceMap {
    /// The sheet, when the table came from a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub cells: BTreeMap<String, String>,
}

impl SourceMap {
    pub fn new(sheet: Option<String>) -> SourceMap {
        SourceMap {
            sheet,
            cells: BTreeMap::new(),
        }
    }

    /// Records that the field at `pointer` was read from the cell at (`row`, `column`),
    /// both 0-based. The first cell recorded for a field wins: it is where the field starts.
    pub fn insert(&mut self, pointer: String, (row, column): (usize, usize)) {
        self.cells
            .entry(pointer)
            .or_insert_with(|| address(row, column));
    }

    /// The cell of the field at `pointer`, or of the nearest enclosing field that has one:
    /// an issue about `/sections/0/actions/2/milestones/0` points at that milestone's cell,
    /// one about `/sections/0/actions/2` at the action's first cell.
    pub fn cell(&self, pointer: &str) -> Option<&str> {
        let mut candidate = pointer;
        loop {
            if let Some(cell) = self.cells.get(candidate) {
                return Some(cell);
            }
            let (parent, _) = candidate.rsplit_once('/')?;
            candidate = parent;
        }
    }

    /// Names the actions a message lists by their cell where the plan names them by JSON
    /// Pointer (table rows without ids): "A7" says where to look, "/sections/1/actions/3"
    /// does not. The caller renders the messages again.
    pub fn name_actions(&self, issues: &mut [Issue], origin: Origin) {
        for issue in issues {
            if let Some(Message::CategoryInferred { actions, .. }) = &mut issue.texts.message {
                let named: Vec<String> = actions
                    .split(", ")
                    .map(|name| {
                        let cell = name.starts_with('/').then(|| self.cell(name)).flatten();
                        cell.and_then(|cell| origin.shift(cell))
                            .unwrap_or_else(|| name.to_owned())
                    })
                    .collect();
                *actions = named.join(", ");
            }
        }
    }

    /// Fills in `cell` and `sheet` of the issues that concern a field read from a cell.
    pub fn locate(&self, issues: &mut [Issue]) {
        for issue in issues.iter_mut().filter(|issue| issue.cell.is_none()) {
            if let Some(cell) = self.cell(&issue.path) {
                issue.cell = Some(cell.to_owned());
                issue.sheet.clone_from(&self.sheet);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;

    #[test]
    fn finds_the_nearest_enclosing_cell() {
        let mut map = SourceMap::new(Some("Plan".into()));
        map.insert("/sections/0/actions/2".into(), (6, 0));
        map.insert("/sections/0/actions/2/milestones/0".into(), (6, 2));
        map.insert("/sections/0/actions/2/milestones/0".into(), (7, 2));
        assert_eq!(map.cell("/sections/0/actions/2/milestones/0"), Some("C7"));
        assert_eq!(map.cell("/sections/0/actions/2/leads"), Some("A7"));
        assert_eq!(map.cell("/sections/0/actions/20"), None);
        assert_eq!(map.cell(""), None);

        let mut issues = vec![Issue::new(
            "x",
            Severity::Error,
            "/sections/0/actions/2/milestones/0",
            "m",
        )];
        map.locate(&mut issues);
        let located = issues
            .first()
            .map(|issue| (issue.cell.as_deref(), issue.sheet.as_deref()));
        assert_eq!(located, Some((Some("C7"), Some("Plan"))));
    }
}
