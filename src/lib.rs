//! # prevent-plan-check
//!
//! Validates UK Prevent duty action and delivery plans: structure against the published
//! JSON Schema, coverage of the duty's categories, and milestone consistency.
//!
//! ```
//! use prevent_plan_check::{validate_json, Options};
//!
//! let report = validate_json(
//!     r#"{"period": "2017/18", "sections": [{"title": "Training", "actions": [
//!         {"id": "1", "description": "Deliver WRAP to frontline staff",
//!          "leads": ["Prevent Coordinator"], "milestones": ["Mar-18"]}]}]}"#,
//!     &Options::default(),
//! );
//! assert!(report.issues.iter().all(|issue| issue.rule != "lead-missing"));
//! ```
//!
//! The same core is compiled to WebAssembly for the npm package `prevent-plan-check`.

pub mod analysis;
mod case;
#[cfg(feature = "compare")]
pub mod compare;
pub mod coverage;
pub mod date;
pub mod input;
pub mod limits;
pub mod messages;
pub mod milestone;
pub mod model;
pub mod options;
pub mod report;
pub mod rules;
pub mod schema;
pub mod status;
#[cfg(feature = "summary")]
pub mod summary;
pub mod table;
pub mod text;

/// The `#[wasm_bindgen]` exports (WASM builds only); public so the WASM tests can call them.
#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
pub mod wasm;

use std::collections::BTreeMap;

use serde_json::Value;

#[cfg(feature = "compare")]
pub use crate::compare::{
    compare, compare_json, compare_reports, CompareOptions, Comparison, Version,
};
pub use crate::date::{Date, Period};
pub use crate::milestone::Timescale;
use crate::model::ActionRef;
pub use crate::model::Plan;
pub use crate::options::{Locale, Options, OptionsError, ProfileChoice};
pub use crate::report::{Issue, Report, Severity};
pub use crate::table::{Cell, Table};

/// Checks a plan given as JSON text.
pub fn validate_json(text: &str, options: &Options) -> Report {
    if text.len() > limits::MAX_INPUT_BYTES {
        return input_too_large(text.len(), options);
    }
    if let Some(plan) = input::read_valid_plan(text) {
        return check_plan(plan, options, Vec::new());
    }
    match input::parse_json(text) {
        Ok(value) => check_document(value, text, options),
        Err(issue) => input_error(options, *issue),
    }
}

/// The report for an input of `bytes` bytes, over [`limits::MAX_INPUT_BYTES`].
pub fn input_too_large(bytes: usize, options: &Options) -> Report {
    input_error(options, limits::too_many_bytes(bytes))
}

/// The report for an input that could not be read as a plan at all.
fn input_error(options: &Options, issue: Issue) -> Report {
    unread_plan(options, vec![issue])
}

/// The report, without a plan, for input whose problems stop it being read into the model.
fn unread_plan(options: &Options, issues: Vec<Issue>) -> Report {
    let mut report = Report::new(profile_id(options, None), None, BTreeMap::new(), issues);
    report.localize(options.locale);
    report
}

/// Checks a plan given as a JSON value: the schema first, then the model rules.
pub fn validate_value(value: Value, options: &Options) -> Report {
    // Read from its text, as JSON text is (the same plan as serde reads from the value).
    let text = value.to_string();
    if let Some(plan) = input::read_valid_plan(&text) {
        return check_plan(plan, options, Vec::new());
    }
    check_document(value, &text, options)
}

/// The limits and the schema on the value of `text`, then the plan read from the text.
fn check_document(value: Value, text: &str, options: &Options) -> Report {
    if let Some(issue) = limits::check_plan_value(&value) {
        return input_error(options, issue);
    }
    let schema_issues = schema::check(&value);
    drop(value);
    match input::read_plan(text) {
        Some(plan) => check_plan(plan, options, schema_issues),
        None => unread_plan(options, schema_issues),
    }
}

/// Checks a plan already in the model (from Rust code or a table import).
pub fn validate_plan(plan: Plan, options: &Options) -> Report {
    check_plan(plan, options, Vec::new())
}

fn check_plan(mut plan: Plan, options: &Options, mut issues: Vec<Issue>) -> Report {
    if is_academic(options, &plan) {
        read_as_academic_years(&mut plan);
    }
    let period = options
        .period
        .or_else(|| plan.period.as_ref().and_then(|period| period.dates));
    let as_of = options.as_of.or(plan.as_of);
    let text = analysis::analyze(&mut plan, period);
    let mut coverage = coverage::assess_text(&mut plan, &text, options.profile.as_ref());
    coverage.localize(options.locale);
    let actions: Vec<ActionRef<'_>> = plan.actions().collect();
    let context = rules::Context {
        plan: &plan,
        actions: &actions,
        text: &text,
        period,
        as_of,
        coverage: &coverage,
    };
    issues.extend(rules::run(&context));
    let mut report = Report::new(coverage.profile_id, Some(plan), coverage.categories, issues);
    report.localize(options.locale);
    report
}

/// Sectors whose plans run by academic year (1 September to 31 August).
const ACADEMIC_SECTORS: [&str; 3] = ["schools", "further_education", "higher_education"];

/// Whether the plan is checked against a profile of a sector that plans by academic year.
fn is_academic(options: &Options, plan: &Plan) -> bool {
    let sector = match &options.profile {
        Some(ProfileChoice::Custom(profile)) => profile
            .get("sector")
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => coverage::builtin(&profile_id(options, Some(plan)))
            .map(|compiled| compiled.profile.sector.clone()),
    };
    sector.is_some_and(|sector| ACADEMIC_SECTORS.contains(&sector.as_str()))
}

/// A period label such as "2021-22" is a financial year for a council and an academic year
/// for a school, college or university: labels read as financial years move to September
/// to August. Explicit dates are kept as given.
fn read_as_academic_years(plan: &mut Plan) {
    let Some(period) = &mut plan.period else {
        return;
    };
    let Some(dates) = period.dates.filter(|_| period.label.is_some()) else {
        return;
    };
    let financial = (
        dates.start.month(),
        dates.start.day(),
        dates.end.month(),
        dates.end.day(),
    ) == (4, 1, 3, 31);
    let academic = Date::new(dates.start.year(), 9, 1).zip(Date::new(dates.end.year(), 8, 31));
    if let (true, Some((start, end))) = (financial, academic) {
        period.dates = Some(Period { start, end });
    }
}

fn profile_id(options: &Options, plan: Option<&Plan>) -> String {
    match &options.profile {
        Some(ProfileChoice::Id(id)) => id.clone(),
        Some(ProfileChoice::Custom(profile)) => profile
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("custom")
            .to_owned(),
        None => plan
            .and_then(|plan| plan.profile.clone())
            .unwrap_or_else(|| coverage::DEFAULT_PROFILE.to_owned()),
    }
}

/// Checks a plan table given as rows of cells, as spreadsheets hand them over (Excel's
/// `range.values`, Google Sheets' `getValues()`). Issues carry the cell they concern.
#[cfg(feature = "tables")]
pub fn validate_rows(rows: Vec<Vec<Cell>>, options: &Options) -> Report {
    validate_table(&Table::new(None, rows), options)
}

/// Checks one sheet of a plan table.
#[cfg(feature = "tables")]
pub fn validate_table(table: &Table, options: &Options) -> Report {
    match table::import(table) {
        Ok(imported) => {
            let mut report = check_plan(imported.plan, options, imported.issues);
            imported.sources.locate(&mut report.issues);
            imported
                .sources
                .name_actions(&mut report.issues, options.origin);
            options.origin.place(&mut report.issues);
            // Cells named in messages may have moved: render them again.
            report
                .issues
                .iter_mut()
                .for_each(|issue| issue.localize(options.locale));
            report
        }
        Err(mut issue) => {
            options.origin.place(std::slice::from_mut(&mut issue));
            input_error(options, issue)
        }
    }
}

/// Checks a plan table given as CSV or TSV text (the delimiter is detected).
#[cfg(feature = "tables")]
pub fn validate_csv(text: &str, options: &Options) -> Report {
    if text.len() > limits::MAX_INPUT_BYTES {
        return input_too_large(text.len(), options);
    }
    match table::read_delimited(text) {
        Ok(table) => validate_table(&table, options),
        Err(issue) => input_error(options, issue),
    }
}

/// Checks the plan in the sheets of a workbook or the tables of a document: every visible
/// sheet or table with a plan header, read as sections of one plan (`table::combine`); the
/// others are reported. Issues name the sheet and cell, and for documents the table, row
/// and column. The tables come from `table::file::read`, which the separately shipped
/// workbook module runs.
#[cfg(feature = "tables")]
pub fn validate_sheets(sheets: &[Table], options: &Options) -> Report {
    match table::combine::import_all(sheets) {
        Ok(mut combined) => {
            let plan = std::mem::take(&mut combined.plan);
            let issues = std::mem::take(&mut combined.issues);
            let mut report = check_plan(plan, options, issues);
            combined.locate(&mut report.issues, options.locale);
            report
        }
        Err(issue) => input_error(options, issue),
    }
}

/// Checks a plan workbook (.xlsx or .ods).
#[cfg(feature = "xlsx")]
pub fn validate_workbook(bytes: &[u8], options: &Options) -> Report {
    validate_file(bytes, "", options)
}

/// Checks a plan file: a workbook (.xlsx, .ods), a Word document (.docx) or a web page
/// (.html), told apart by `name` (its file name; empty when unknown) and its bytes.
#[cfg(feature = "xlsx")]
pub fn validate_file(bytes: &[u8], name: &str, options: &Options) -> Report {
    if bytes.len() > limits::MAX_INPUT_BYTES {
        return input_too_large(bytes.len(), options);
    }
    match table::file::read(bytes, name) {
        Ok(tables) => validate_sheets(&tables, options),
        Err(failure) => unread_file(&failure, options),
    }
}

/// The report for a file whose tables could not be read (the workbook module says why).
#[cfg(feature = "tables")]
pub fn unread_file(failure: &table::failure::ReadFailure, options: &Options) -> Report {
    input_error(options, table::failure::failure_issue(failure))
}

/// The built-in coverage profiles, default first (for `profiles()` in JS and the CLI).
pub fn profiles() -> Vec<&'static coverage::Profile> {
    coverage::profiles()
}

/// The coverage profile JSON Schema, for callers writing their own profile.
pub fn profile_schema() -> &'static str {
    coverage::PROFILE_SCHEMA
}

/// The report for table bytes that could not be read (a damaged or foreign workbook): the
/// workbook module reports `message`, the core answers with this report.
#[cfg(feature = "tables")]
pub fn table_unreadable(message: &str, options: &Options) -> Report {
    let detail = message.to_owned();
    input_error(
        options,
        table::TableUnreadable::META.issue("", messages::Message::TableUnreadable { detail }),
    )
}

/// Parses one milestone phrase; `period` supplies years the phrase leaves out.
pub fn parse_milestone(text: &str, period: Option<Period>) -> Timescale {
    milestone::parse(text, &milestone::ParseContext { period })
}

/// The crate version, as the npm package reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
