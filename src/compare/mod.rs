//! Two versions of a plan compared: what changed since the last quarter.
//!
//! Each version is checked as usual ([`Version::check`]); the two reports are then read
//! side by side ([`compare_reports`]): actions are matched ([`matching`]), each pair is
//! compared field by field into [`Change`]s, coverage per category is compared, and the
//! rules of [`rules`] say which changes are problems.

mod matching;
mod rules;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

pub use matching::MatchBasis;
pub use rules::{metas as rule_metas, ActionDroppedSilently, CoverageLost, MilestoneSlipped};

use crate::coverage::CoverageStatus;
use crate::date::Date;
use crate::messages::{ActionName, Message};
use crate::model::{ActionRef, Plan, StatusValue};
use crate::options::{Options, OptionsError};
use crate::report::{Issue, Report, Severity};
use crate::table::{Cell, Table};

/// A milestone may slip this many times before `milestone-slipped` warns.
pub const DEFAULT_MAX_SLIPS: usize = 1;

/// The settings of a comparison: those of a check, and `maxSlips`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareOptions {
    /// How each version is checked; `asOf` applies to the later version only (the earlier
    /// one is read at its own reporting date).
    pub check: Options,
    /// `maxSlips`: slips of one milestone allowed before `milestone-slipped` warns
    /// (default [`DEFAULT_MAX_SLIPS`]).
    pub max_slips: Option<usize>,
}

impl CompareOptions {
    /// Reads `{"maxSlips", ...the options of a check}`.
    pub fn from_value(value: Value) -> Result<CompareOptions, OptionsError> {
        let max_slips = value
            .get("maxSlips")
            .filter(|slips| !slips.is_null())
            .map(|slips| slips.as_u64().and_then(|slips| usize::try_from(slips).ok()));
        let check = Options::from_value_beside(value, &["maxSlips"])?;
        let max_slips = match max_slips {
            None => None,
            Some(Some(slips)) => Some(slips),
            Some(None) => {
                return Err(OptionsError::new(
                    "maxSlips",
                    check.locale,
                    Message::MaxSlipsOption,
                ))
            }
        };
        Ok(CompareOptions { check, max_slips })
    }

    /// Reads the options from JSON text, as [`CompareOptions::from_value`].
    pub fn from_json(text: &str) -> Result<CompareOptions, OptionsError> {
        let value = serde_json::from_str(text).map_err(|error| {
            OptionsError::new(
                "options",
                crate::options::Locale::English,
                Message::OptionsNotJson {
                    error: error.to_string(),
                },
            )
        })?;
        CompareOptions::from_value(value)
    }
}

impl From<Options> for CompareOptions {
    fn from(check: Options) -> Self {
        CompareOptions {
            check,
            max_slips: None,
        }
    }
}

/// One version of a plan, in any form a check reads.
#[derive(Debug, Clone)]
pub enum Version {
    /// A plan as a JSON value.
    Plan(Value),
    /// A plan as JSON text.
    Json(String),
    /// A plan table as rows of cells.
    Rows(Vec<Vec<Cell>>),
    /// A plan table as CSV or TSV text.
    Csv(String),
    /// The sheets of a workbook, as the workbook module read them.
    Sheets(Vec<Table>),
    /// A workbook the workbook module could not read, with its reason.
    Unreadable(String),
    /// An input of this many bytes, over the size limit (not copied in).
    TooLarge(usize),
}

impl Version {
    /// The report of this version, as the matching `validate_*` function gives it.
    pub fn check(self, options: &Options) -> Report {
        match self {
            Version::Plan(value) => crate::validate_value(value, options),
            Version::Json(text) => crate::validate_json(&text, options),
            Version::Rows(rows) => crate::validate_rows(rows, options),
            Version::Csv(text) => crate::validate_csv(&text, options),
            Version::Sheets(sheets) => crate::validate_sheets(&sheets, options),
            Version::Unreadable(message) => crate::table_unreadable(&message, options),
            Version::TooLarge(bytes) => crate::input_too_large(bytes, options),
        }
    }
}

/// Checks both versions and compares them.
pub fn compare(before: Version, after: Version, options: &CompareOptions) -> Comparison {
    let earlier = Options {
        as_of: None,
        ..options.check.clone()
    };
    compare_reports(before.check(&earlier), after.check(&options.check), options)
}

/// Compares two plans given as JSON text.
pub fn compare_json(before: &str, after: &str, options: &CompareOptions) -> Comparison {
    compare(
        Version::Json(before.to_owned()),
        Version::Json(after.to_owned()),
        options,
    )
}

/// An action of one version: its id and JSON Pointer in that version's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Located {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub path: String,
    /// How messages name it.
    #[serde(skip)]
    pub name: ActionName,
}

/// What changed about one action.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// New in the later version.
    Added,
    /// Gone from the later version; `status` is its last status.
    Removed {
        status: StatusValue,
    },
    /// Matched by its text, under another id.
    Renumbered {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    Reworded {
        from: String,
        to: String,
    },
    LeadChanged {
        from: Vec<String>,
        to: Vec<String>,
    },
    /// A status move other than to complete.
    StatusMoved {
        from: StatusValue,
        to: StatusValue,
    },
    Completed {
        from: StatusValue,
    },
    /// The action's deadline (the latest end of its milestones) moved later.
    MilestoneSlipped(Moved),
    /// The action's deadline moved earlier.
    MilestoneAdvanced(Moved),
    /// Overdue in the later version and not in the earlier one (or new and overdue).
    NewlyOverdue {
        milestone: String,
        path: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
}

impl Change {
    /// The change's `kind`, as serialised.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed { .. } => "removed",
            Change::Renumbered { .. } => "renumbered",
            Change::Reworded { .. } => "reworded",
            Change::LeadChanged { .. } => "lead_changed",
            Change::StatusMoved { .. } => "status_moved",
            Change::Completed { .. } => "completed",
            Change::MilestoneSlipped(_) => "milestone_slipped",
            Change::MilestoneAdvanced(_) => "milestone_advanced",
            Change::NewlyOverdue { .. } => "newly_overdue",
        }
    }
}

/// A deadline that moved: from which milestone text to which, and by how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Moved {
    pub from: String,
    pub to: String,
    pub from_due: Date,
    pub to_due: Date,
    /// Whole calendar months between the two deadlines (negative when brought forward).
    pub months: i32,
    /// Slips known for this action: this one and each "revised from" of the earlier version.
    pub slips: usize,
    /// JSON Pointer of the later milestone.
    pub path: String,
}

/// One action across the two versions, when anything about it changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionComparison {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Located>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Located>,
    /// How the two were matched; absent for added and removed actions.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub basis: Option<MatchBasis>,
    /// How alike the descriptions are, in percent, for matched actions. (A whole number:
    /// writing floats would bring a float formatter into the WASM module.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    pub changes: Vec<Change>,
}

/// Whether a category is covered before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageChange {
    pub category: String,
    pub name: String,
    pub required: bool,
    pub before: CoverageStatus,
    pub after: CoverageStatus,
    /// `gained` or `lost`.
    pub change: CoverageMove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageMove {
    Gained,
    Lost,
}

/// Counts of the comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonSummary {
    /// Actions found in both versions, and how many of them by their text.
    pub matched: usize,
    pub by_similarity: usize,
    pub unchanged: usize,
    pub added: usize,
    pub removed: usize,
    pub renumbered: usize,
    pub reworded: usize,
    pub lead_changed: usize,
    pub status_moved: usize,
    pub completed: usize,
    pub slipped: usize,
    pub advanced: usize,
    pub newly_overdue: usize,
    pub coverage_gained: usize,
    pub coverage_lost: usize,
    /// Issues of the comparison rules, by severity.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Two versions of a plan compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub profile: String,
    pub before: Report,
    pub after: Report,
    /// Every action that changed: those of the later version in its order, then the removed.
    pub actions: Vec<ActionComparison>,
    /// Categories gained or lost.
    pub coverage: Vec<CoverageChange>,
    /// Problems in the changes (`milestone-slipped`, `action-dropped-silently`,
    /// `coverage-lost`); paths point into the later version, except for removed actions.
    pub issues: Vec<Issue>,
    pub summary: ComparisonSummary,
}

/// Compares two reports of versions of a plan.
pub fn compare_reports(before: Report, after: Report, options: &CompareOptions) -> Comparison {
    let (actions, matched) = match (&before.plan, &after.plan) {
        (Some(old), Some(new)) => compare_actions(old, new, &before, &after),
        _ => (Vec::new(), Matched::default()),
    };
    let coverage = compare_coverage(&before, &after);
    let mut issues = Vec::new();
    if let Some(plan) = &after.plan {
        let context = rules::Context {
            period: options
                .check
                .period
                .or_else(|| plan.period.as_ref().and_then(|period| period.dates)),
            actions: &actions,
            coverage: &coverage,
            max_slips: options.max_slips.unwrap_or(DEFAULT_MAX_SLIPS),
        };
        issues = rules::run(&context);
    }
    issues
        .iter_mut()
        .for_each(|issue| issue.localize(options.check.locale));
    let summary = summarise(matched, &actions, &coverage, &issues);
    Comparison {
        profile: after.profile.clone(),
        before,
        after,
        actions,
        coverage,
        issues,
        summary,
    }
}

/// How many actions were matched, and how many of those by their text.
#[derive(Debug, Clone, Copy, Default)]
struct Matched {
    pairs: usize,
    by_similarity: usize,
}

fn compare_actions(
    old: &Plan,
    new: &Plan,
    before: &Report,
    after: &Report,
) -> (Vec<ActionComparison>, Matched) {
    let old_actions: Vec<ActionRef<'_>> = old.actions().collect();
    let new_actions: Vec<ActionRef<'_>> = new.actions().collect();
    let pairs = matching::match_actions(&entries(&old_actions), &entries(&new_actions));
    let matched = Matched {
        pairs: pairs.len(),
        by_similarity: pairs
            .iter()
            .filter(|pair| pair.basis == MatchBasis::Similarity)
            .count(),
    };
    let mut partner_of_new: Vec<Option<matching::Pair>> = vec![None; new_actions.len()];
    let mut old_matched = vec![false; old_actions.len()];
    for pair in pairs {
        if let Some(slot) = partner_of_new.get_mut(pair.after) {
            *slot = Some(pair);
        }
        if let Some(matched) = old_matched.get_mut(pair.before) {
            *matched = true;
        }
    }
    let overdue_before = overdue_milestones(old, before);
    let overdue_after = overdue_milestones(new, after);

    let mut compared = Vec::new();
    for ((new_action, pair), overdue) in new_actions.iter().zip(&partner_of_new).zip(&overdue_after)
    {
        let old_action = pair.and_then(|pair| old_actions.get(pair.before));
        let mut changes = match old_action {
            Some(old_action) => changes_between(old_action, new_action),
            None => vec![Change::Added],
        };
        let was_overdue = pair
            .and_then(|pair| overdue_before.get(pair.before))
            .is_some_and(Option::is_some);
        if let (Some(milestone), false) = (overdue, was_overdue) {
            changes.push(newly_overdue(new_action, *milestone));
        }
        if !changes.is_empty() {
            compared.push(ActionComparison {
                before: old_action.map(located),
                after: Some(located(new_action)),
                basis: pair.map(|pair| pair.basis),
                score: pair.map(|pair| percent(pair.score)),
                changes,
            });
        }
    }
    for (old_action, _) in old_actions
        .iter()
        .zip(&old_matched)
        .filter(|(_, matched)| !**matched)
    {
        compared.push(ActionComparison {
            before: Some(located(old_action)),
            after: None,
            basis: None,
            score: None,
            changes: vec![Change::Removed {
                status: status_of(old_action),
            }],
        });
    }
    (compared, matched)
}

fn entries<'a>(actions: &[ActionRef<'a>]) -> Vec<matching::Entry<'a>> {
    actions
        .iter()
        .map(|action| matching::Entry {
            id: action.action.id.as_deref(),
            description: &action.action.description,
        })
        .collect()
}

/// A similarity of 0 to 1 in whole percent.
fn percent(similarity: f64) -> u8 {
    // `as` saturates, and the similarity is never outside 0..=1.
    (similarity * 100.0 + 0.5) as u8
}

fn located(action: &ActionRef<'_>) -> Located {
    Located {
        id: action.action.id.clone(),
        path: action.pointer(),
        name: ActionName::of(action),
    }
}

fn status_of(action: &ActionRef<'_>) -> StatusValue {
    action
        .action
        .status
        .as_ref()
        .and_then(|status| status.value)
        .unwrap_or(StatusValue::Unknown)
}

/// For each action of `plan` in order, the index of its first milestone with an `overdue`
/// issue in `report`.
fn overdue_milestones(plan: &Plan, report: &Report) -> Vec<Option<usize>> {
    let mut first_of_section = Vec::with_capacity(plan.sections.len());
    let mut total = 0;
    for section in &plan.sections {
        first_of_section.push(total);
        total += section.actions.len();
    }
    let mut found = vec![None; total];
    for issue in report.issues.iter().filter(|issue| issue.rule == "overdue") {
        let mut numbers = issue
            .path
            .split('/')
            .filter_map(|segment| segment.parse::<usize>().ok());
        let (Some(section), Some(action), Some(milestone)) =
            (numbers.next(), numbers.next(), numbers.next())
        else {
            continue;
        };
        let slot = first_of_section
            .get(section)
            .and_then(|first| found.get_mut(first + action));
        if let Some(slot @ None) = slot {
            *slot = Some(milestone);
        }
    }
    found
}

fn newly_overdue(action: &ActionRef<'_>, index: usize) -> Change {
    let milestone = action.action.milestones.get(index);
    Change::NewlyOverdue {
        milestone: milestone.map(|m| m.text.clone()).unwrap_or_default(),
        path: action.field_pointer(&format!("milestones/{index}")),
        due: milestone
            .and_then(|m| m.parsed.as_ref())
            .and_then(|parsed| parsed.deadline()),
    }
}

/// What changed between two versions of one action.
fn changes_between(old: &ActionRef<'_>, new: &ActionRef<'_>) -> Vec<Change> {
    let mut changes = Vec::new();
    let trimmed = |id: &Option<String>| id.as_deref().map(str::trim).map(str::to_owned);
    let (old_id, new_id) = (trimmed(&old.action.id), trimmed(&new.action.id));
    if old_id != new_id {
        changes.push(Change::Renumbered {
            from: old_id,
            to: new_id,
        });
    }
    if words(&old.action.description) != words(&new.action.description) {
        changes.push(Change::Reworded {
            from: old.action.description.clone(),
            to: new.action.description.clone(),
        });
    }
    if !same_leads(&old.action.leads, &new.action.leads) {
        changes.push(Change::LeadChanged {
            from: old.action.leads.clone(),
            to: new.action.leads.clone(),
        });
    }
    let (from, to) = (status_of(old), status_of(new));
    if from != to {
        changes.push(match to {
            StatusValue::Complete => Change::Completed { from },
            _ => Change::StatusMoved { from, to },
        });
    }
    if let Some(moved) = deadline_move(old, new) {
        changes.push(moved);
    }
    changes
}

/// The text's words, for telling a re-wording from a change of spacing.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Whether two lists name the same leads, whatever their order, case and spacing. (Lists
/// of leads are short: comparing each with each beats sorting them.)
fn same_leads(left: &[String], right: &[String]) -> bool {
    let normal = |lead: &String| words(lead).join(" ").to_lowercase();
    let left: Vec<String> = left
        .iter()
        .map(normal)
        .filter(|lead| !lead.is_empty())
        .collect();
    let right: Vec<String> = right
        .iter()
        .map(normal)
        .filter(|lead| !lead.is_empty())
        .collect();
    left.iter().all(|lead| right.contains(lead)) && right.iter().all(|lead| left.contains(lead))
}

/// An action's deadline: the latest end of its milestones, with the milestone's index.
fn deadline(action: &ActionRef<'_>) -> Option<(Date, usize)> {
    action
        .action
        .milestones
        .iter()
        .enumerate()
        .filter_map(|(index, milestone)| Some((milestone.parsed.as_ref()?.deadline()?, index)))
        .max_by_key(|&(due, _)| due)
}

fn deadline_move(old: &ActionRef<'_>, new: &ActionRef<'_>) -> Option<Change> {
    let (from_due, from_index) = deadline(old)?;
    let (to_due, to_index) = deadline(new)?;
    if from_due == to_due {
        return None;
    }
    let text = |action: &ActionRef<'_>, index: usize| {
        action
            .action
            .milestones
            .get(index)
            .map(|milestone| milestone.text.clone())
            .unwrap_or_default()
    };
    let earlier_revisions = old
        .action
        .milestones
        .iter()
        .filter(|milestone| {
            milestone
                .parsed
                .as_ref()
                .is_some_and(|parsed| parsed.revised_from.is_some())
        })
        .count();
    let moved = Moved {
        from: text(old, from_index),
        to: text(new, to_index),
        from_due,
        to_due,
        months: months_between(from_due, to_due),
        slips: earlier_revisions + 1,
        path: new.field_pointer(&format!("milestones/{to_index}")),
    };
    Some(if to_due > from_due {
        Change::MilestoneSlipped(moved)
    } else {
        Change::MilestoneAdvanced(Moved {
            slips: earlier_revisions,
            ..moved
        })
    })
}

/// Calendar months from `from` to `to`: Dec 2015 -> March 2016 is 3.
pub fn months_between(from: Date, to: Date) -> i32 {
    let months = |date: Date| date.year() * 12 + date.month() as i32;
    months(to) - months(from)
}

fn is_covered(status: CoverageStatus) -> bool {
    status != CoverageStatus::Missing
}

fn compare_coverage(before: &Report, after: &Report) -> Vec<CoverageChange> {
    let old: &BTreeMap<_, _> = &before.coverage;
    after
        .coverage
        .iter()
        .filter_map(|(id, now)| {
            let was = old.get(id)?;
            let change = match (is_covered(was.status), is_covered(now.status)) {
                (false, true) => CoverageMove::Gained,
                (true, false) => CoverageMove::Lost,
                _ => return None,
            };
            Some(CoverageChange {
                category: id.clone(),
                name: now.name.clone(),
                required: now.required,
                before: was.status,
                after: now.status,
                change,
            })
        })
        .collect()
}

fn summarise(
    matched: Matched,
    actions: &[ActionComparison],
    coverage: &[CoverageChange],
    issues: &[Issue],
) -> ComparisonSummary {
    let changed_pairs = actions
        .iter()
        .filter(|action| action.basis.is_some())
        .count();
    let mut summary = ComparisonSummary {
        matched: matched.pairs,
        by_similarity: matched.by_similarity,
        unchanged: matched.pairs.saturating_sub(changed_pairs),
        ..ComparisonSummary::default()
    };
    for action in actions {
        for change in &action.changes {
            let count = match change {
                Change::Added => &mut summary.added,
                Change::Removed { .. } => &mut summary.removed,
                Change::Renumbered { .. } => &mut summary.renumbered,
                Change::Reworded { .. } => &mut summary.reworded,
                Change::LeadChanged { .. } => &mut summary.lead_changed,
                Change::StatusMoved { .. } => &mut summary.status_moved,
                Change::Completed { .. } => &mut summary.completed,
                Change::MilestoneSlipped(_) => &mut summary.slipped,
                Change::MilestoneAdvanced(_) => &mut summary.advanced,
                Change::NewlyOverdue { .. } => &mut summary.newly_overdue,
            };
            *count += 1;
        }
    }
    for change in coverage {
        match change.change {
            CoverageMove::Gained => summary.coverage_gained += 1,
            CoverageMove::Lost => summary.coverage_lost += 1,
        }
    }
    for issue in issues {
        match issue.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

#[cfg(test)]
mod tests;
