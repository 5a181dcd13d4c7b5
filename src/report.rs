//! The report: what a check found, in the shape of the public contract.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::coverage::CategoryCoverage;
use crate::messages::{Locale, Message, Texts};
use crate::milestone::Span;
use crate::model::Plan;

mod json;

/// How serious an issue is. `valid` is false when any issue is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem found in a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// Stable rule id, e.g. `milestone-outside-period` (see `docs/rules.md`).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// JSON Pointer to the field concerned (`/sections/1/actions/0/leads`); empty for the whole plan.
    pub path: String,
    /// Id of the action concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Spreadsheet cell ("D7") when the plan came from a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Where a Word user or web reader finds it, when the plan came from a document's table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Byte span inside the field's text that the issue is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Line and column (1-based) in the input text, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The catalogue entries `message` and `hint` were rendered from (in English), so that
    /// the report can be given in the caller's language.
    #[serde(skip)]
    pub texts: Texts,
}

impl Issue {
    /// An issue whose message is the same text in every language (tests, library errors);
    /// rules say theirs with [`Issue::say`].
    pub fn new(
        rule: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Issue {
        Issue::of(rule, severity, path.into(), message.into(), None, None)
    }

    /// An issue about an action (its id as written), saying `message` with `hint`. Rules
    /// raising hundreds of issues build them with this in one go: each `with_` step moves
    /// the whole issue (560 bytes), which cost more than filling it in.
    pub fn about_action(
        rule: &'static str,
        severity: Severity,
        path: String,
        action: Option<&str>,
        message: Message,
        hint: Message,
    ) -> Issue {
        // One literal, the messages moved straight into it: filling in an issue built by
        // `Issue::of` moved it whole twice more.
        Issue {
            rule,
            severity,
            message: message.render(Locale::English),
            path,
            action: action.map(str::to_owned),
            cell: None,
            sheet: None,
            location: None,
            span: None,
            line: None,
            column: None,
            hint: Some(hint.render(Locale::English)),
            texts: Texts {
                message: Some(message),
                hint: Some(hint),
            },
        }
    }

    fn of(
        rule: &'static str,
        severity: Severity,
        path: String,
        message: String,
        action: Option<String>,
        hint: Option<String>,
    ) -> Issue {
        Issue {
            rule,
            severity,
            message,
            path,
            action,
            cell: None,
            sheet: None,
            location: None,
            span: None,
            line: None,
            column: None,
            hint,
            texts: Texts::default(),
        }
    }

    /// An issue saying `message` from the catalogues.
    pub fn say(
        rule: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: Message,
    ) -> Issue {
        let mut issue = Issue::new(rule, severity, path, message.render(Locale::English));
        issue.texts.message = Some(message);
        issue
    }

    pub fn with_action(mut self, id: Option<&str>) -> Issue {
        self.action = id.map(str::to_owned);
        self
    }

    pub fn with_hint(mut self, hint: Message) -> Issue {
        self.hint = Some(hint.render(Locale::English));
        self.texts.hint = Some(hint);
        self
    }

    /// Renders the message and hint in `locale`.
    pub fn localize(&mut self, locale: Locale) {
        if let Some(message) = &self.texts.message {
            self.message = message.render(locale);
        }
        if let Some(hint) = &self.texts.hint {
            self.hint = Some(hint.render(locale));
        }
        if let Some(location) = &mut self.location {
            location.localize(locale);
        }
    }

    pub fn with_span(mut self, span: Span) -> Issue {
        self.span = Some(span);
        self
    }
}

/// A place in a document's table, as its reader counts (1-based): `{"table": 2, "row": 5,
/// "column": 3, "label": "Table 2, row 5, column 3"}`, or a paragraph above the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub table: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// A paragraph above the table (its title, period or a heading), counted down from the
    /// first one kept with the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    pub label: String,
}

impl Location {
    /// The place of the 0-based `(row, column)` of a document table whose first `above`
    /// rows are the paragraphs above it.
    pub fn in_table(table: usize, above: usize, (row, column): (usize, usize)) -> Location {
        let mut location = Location {
            table,
            row: None,
            column: None,
            paragraph: None,
            label: String::new(),
        };
        if row < above {
            location.paragraph = Some(row + 1);
        } else {
            location.row = Some(row - above + 1);
            location.column = Some(column + 1);
        }
        location.label = location.message().render(Locale::English);
        location
    }

    /// Renders the label in `locale`.
    pub fn localize(&mut self, locale: Locale) {
        self.label = self.message().render(locale);
    }

    fn message(&self) -> Message {
        match (self.row, self.column, self.paragraph) {
            (Some(row), Some(column), _) => Message::TableLocation {
                table: self.table,
                row,
                column,
            },
            _ => Message::ParagraphLocation {
                table: self.table,
                paragraph: self.paragraph.unwrap_or(1),
            },
        }
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub actions: usize,
}

/// The result of checking one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub valid: bool,
    pub profile: String,
    /// The plan as understood; `None` when the input could not be read as a plan at all.
    pub plan: Option<Plan>,
    pub coverage: BTreeMap<String, CategoryCoverage>,
    pub issues: Vec<Issue>,
    pub summary: Summary,
}

impl Report {
    /// Builds a report, ordering issues by plan position and computing the summary.
    pub fn new(
        profile: String,
        plan: Option<Plan>,
        coverage: BTreeMap<String, CategoryCoverage>,
        issues: Vec<Issue>,
    ) -> Report {
        let issues = in_plan_order(issues);
        let mut summary = Summary {
            actions: plan.as_ref().map_or(0, |plan| plan.actions().count()),
            ..Summary::default()
        };
        for issue in &issues {
            match issue.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report {
            valid: summary.errors == 0,
            profile,
            plan,
            coverage,
            issues,
            summary,
        }
    }
}

/// Which parts of a report are written: the whole report, or what form validation on every
/// keystroke reads (`{valid, profile, issues, summary}`: no `plan`, no `coverage`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReportMode {
    #[default]
    Full,
    Issues,
}

impl ReportMode {
    /// The mode of the `report` option: "full" or "issues".
    pub fn from_name(name: &str) -> Option<ReportMode> {
        match name {
            "full" => Some(ReportMode::Full),
            "issues" => Some(ReportMode::Issues),
            _ => None,
        }
    }
}

impl Report {
    /// The report as JSON text. [`ReportMode::Full`] gives the same bytes as
    /// `serde_json::to_string(&report)`, written without serde.
    pub fn to_json(&self, mode: ReportMode) -> String {
        let mut json = json::Json::default();
        json.report(self, mode);
        json.into_string()
    }

    /// The report as the WASM exports hand it to JS, which puts the public shape back
    /// together: lines of JSON, hints given once, `plan` and `coverage` last for JS to parse
    /// when they are first read, and coverage evidence given compactly (see `report::json`).
    pub fn to_wire(&self, mode: ReportMode) -> String {
        json::wire(self, mode)
    }

    /// Renders every issue in `locale` (they are written in English).
    pub fn localize(&mut self, locale: Locale) {
        if locale != Locale::English {
            self.issues
                .iter_mut()
                .for_each(|issue| issue.localize(locale));
        }
    }
}

/// Issues ordered by the position in the plan of the field they concern; a stable sort keeps
/// rule order within one field. Each pointer is read into its key once (reading both in
/// every comparison of the sort was a tenth of a whole check), all keys into one list, and
/// the issues are then moved into place by swaps, each once: an issue is large, and moving
/// them through a list of slots cost more than the sort.
fn in_plan_order(mut issues: Vec<Issue>) -> Vec<Issue> {
    let mut order = {
        let mut segments: Vec<(u64, &str)> = Vec::with_capacity(issues.len() * 6);
        let mut ends: Vec<usize> = Vec::with_capacity(issues.len());
        for issue in &issues {
            segments.extend(pointer_order(&issue.path));
            ends.push(segments.len());
        }
        let key = |index: usize| {
            let start = index.checked_sub(1).and_then(|before| ends.get(before));
            let end = ends.get(index).copied().unwrap_or(0);
            segments
                .get(start.copied().unwrap_or(0)..end)
                .unwrap_or_default()
        };
        let mut order: Vec<usize> = (0..issues.len()).collect();
        order.sort_by(|&a, &b| key(a).cmp(key(b)));
        order
    };
    // Position `at` takes the issue now at `order[at]`; each cycle of the permutation is
    // followed once, marking the positions it settles.
    for start in 0..order.len() {
        let mut at = start;
        while let Some(from) = order.get_mut(at).map(|from| std::mem::replace(from, at)) {
            if from == start || from == at {
                break;
            }
            issues.swap(at, from);
            at = from;
        }
    }
    issues
}

/// Orders JSON Pointers by document position: numeric segments compare as numbers. The
/// segments are found by a plain byte scan, which costs a fraction of `str::split`'s searcher
/// on segments this short.
fn pointer_order(pointer: &str) -> impl Iterator<Item = (u64, &str)> {
    let mut rest = pointer
        .bytes()
        .position(|byte| byte == b'/')
        .and_then(|at| pointer.get(at + 1..));
    std::iter::from_fn(move || {
        let text = rest?;
        let (segment, after) = match text.bytes().position(|byte| byte == b'/') {
            Some(at) => (text.get(..at)?, text.get(at + 1..)),
            None => (text, None),
        };
        rest = after;
        Some(match segment.parse::<u64>() {
            Ok(number) => (number, ""),
            Err(_) => (u64::MAX, segment),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_issues_by_position_in_the_plan() {
        let issue = |path: &str| Issue::new("x", Severity::Info, path, "");
        let report = Report::new(
            "p".into(),
            None,
            BTreeMap::new(),
            vec![
                issue("/sections/10/actions/0"),
                issue(""),
                issue("/sections/2/actions/1"),
            ],
        );
        let paths: Vec<_> = report
            .issues
            .iter()
            .map(|issue| issue.path.as_str())
            .collect();
        assert_eq!(
            paths,
            ["", "/sections/2/actions/1", "/sections/10/actions/0"]
        );
        assert!(report.valid);
    }

    #[test]
    fn keeps_rule_order_within_a_field_and_moves_every_issue_once() {
        let paths = [
            "/sections/1/actions/0/milestones/1",
            "/sections/0/actions/2",
            "/sections/1/actions/0/milestones/1",
            "/title",
            "/sections/0/actions/10/leads",
            "/sections",
            "/sections/0/actions/2",
            "/sections/0/actions/9/leads",
            "/period",
            "",
        ];
        let issues = paths
            .iter()
            .enumerate()
            .map(|(rule, path)| Issue::new("x", Severity::Info, *path, rule.to_string()))
            .collect();
        let ordered: Vec<String> = in_plan_order(issues)
            .into_iter()
            .map(|issue| format!("{} {}", issue.message, issue.path))
            .collect();
        assert_eq!(
            ordered,
            [
                "9 ",
                "8 /period",
                "5 /sections",
                "1 /sections/0/actions/2",
                "6 /sections/0/actions/2",
                "7 /sections/0/actions/9/leads",
                "4 /sections/0/actions/10/leads",
                "0 /sections/1/actions/0/milestones/1",
                "2 /sections/1/actions/0/milestones/1",
                "3 /title",
            ]
        );
    }
}
