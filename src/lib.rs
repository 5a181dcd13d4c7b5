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
pub mod coverage;
pub mod date;
pub mod input;
pub mod milestone;
pub mod model;
pub mod options;
pub mod report;
pub mod rules;
pub mod schema;
pub mod status;

#[cfg(target_arch = "wasm32")]
mod wasm;

use std::collections::BTreeMap;

use serde_json::Value;

pub use crate::date::{Date, Period};
pub use crate::milestone::Timescale;
pub use crate::model::Plan;
pub use crate::options::{Locale, Options, OptionsError, ProfileChoice};
pub use crate::report::{Issue, Report, Severity};

/// Checks a plan given as JSON text.
pub fn validate_json(text: &str, options: &Options) -> Report {
    match input::parse_json(text) {
        Ok(value) => validate_value(value, options),
        Err(issue) => Report::new(profile_id(options, None), None, BTreeMap::new(), vec![issue]),
    }
}

/// Checks a plan given as a JSON value: the schema first, then the model rules.
pub fn validate_value(value: Value, options: &Options) -> Report {
    let schema_issues = schema::check(&value);
    match input::to_plan(value) {
        Some(plan) => check_plan(plan, options, schema_issues),
        None => Report::new(profile_id(options, None), None, BTreeMap::new(), schema_issues),
    }
}

/// Checks a plan already in the model (from Rust code or a table import).
pub fn validate_plan(plan: Plan, options: &Options) -> Report {
    check_plan(plan, options, Vec::new())
}

fn check_plan(mut plan: Plan, options: &Options, mut issues: Vec<Issue>) -> Report {
    let period = options
        .period
        .or_else(|| plan.period.as_ref().and_then(|period| period.dates));
    let as_of = options.as_of.or(plan.as_of);
    analysis::analyze(&mut plan, period);
    let coverage = coverage::assess(&mut plan, options.profile.as_ref());
    let context = rules::Context {
        plan: &plan,
        period,
        as_of,
        coverage: &coverage,
    };
    issues.extend(rules::run(&context));
    Report::new(coverage.profile_id, Some(plan), coverage.categories, issues)
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

/// The built-in coverage profiles, default first (for `profiles()` in JS and the CLI).
pub fn profiles() -> Vec<&'static coverage::Profile> {
    coverage::profiles()
}

/// The coverage profile JSON Schema, for callers writing their own profile.
pub fn profile_schema() -> &'static str {
    coverage::PROFILE_SCHEMA
}

/// Parses one milestone phrase; `period` supplies years the phrase leaves out.
pub fn parse_milestone(text: &str, period: Option<Period>) -> Timescale {
    milestone::parse(text, &milestone::ParseContext { period })
}

/// The crate version, as the npm package reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
