//! Rules: each one a struct whose doc comment says what it checks, why, and an example.
//!
//! [`declare_rule!`] keeps a rule's id, default severity, summary and documentation in one
//! place; [`registry`] lists every rule, and `docs/rules.md` is generated from it (a test
//! fails when the file is stale).

mod coverage;
mod personal_data;
pub use personal_data::find_personal_data;
mod structure;
mod timeline;

use crate::coverage::Coverage;
use crate::date::{Date, Period};
use crate::messages::Message;
use crate::model::Plan;
use crate::report::{Issue, Severity};

/// What every rule is known by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RuleMeta {
    /// Stable id, used in reports and to look up the docs.
    pub id: &'static str,
    /// Severity of the issues it raises unless the rule says otherwise.
    pub severity: Severity,
    /// One line: what is wrong when the rule fires.
    pub summary: &'static str,
    /// Markdown: what it checks, why it matters, an example.
    pub doc: &'static str,
}

impl RuleMeta {
    /// An issue of this rule at its default severity.
    pub fn issue(&self, path: impl Into<String>, message: Message) -> Issue {
        Issue::say(self.id, self.severity, path, message)
    }
}

/// Declares a rule: a unit struct carrying its [`RuleMeta`] as `META`, documented by its
/// doc comment (which is also the rule's published documentation).
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            id: $id:literal,
            severity: $severity:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                severity: $crate::report::Severity::$severity,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

/// What a rule sees: the plan as understood and the settings of this check.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub plan: &'a Plan,
    /// The plan period (from the options, else the plan).
    pub period: Option<Period>,
    /// The reporting date (from the options, else the plan).
    pub as_of: Option<Date>,
    /// Which categories of the profile the actions cover (see [`crate::coverage`]).
    pub coverage: &'a Coverage,
}

/// A rule that reads the plan model.
pub trait Check: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>);
}

/// Every rule that reads the plan model, in the order they run.
pub fn checks() -> impl Iterator<Item = &'static dyn Check> {
    [
        structure::CHECKS,
        timeline::CHECKS,
        personal_data::CHECKS,
        coverage::CHECKS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Every rule, including those raised while reading input, for docs and SARIF metadata.
pub fn registry() -> Vec<&'static RuleMeta> {
    let mut all = vec![
        &crate::input::JsonSyntax::META,
        &crate::limits::InputTooLarge::META,
        &crate::schema::Schema::META,
        &crate::table::TableUnreadable::META,
        &crate::table::TableNoHeader::META,
        &crate::table::TableTooLarge::META,
        &crate::table::CellUnmapped::META,
    ];
    all.extend(checks().map(|check| check.meta()));
    all
}

/// Runs every model rule.
pub fn run(context: &Context<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    for check in checks() {
        check.check(context, &mut issues);
    }
    issues
}

/// Renders `docs/rules.md` from the registry.
pub fn render_docs() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rule declarations in src/ by `cargo test`\n     (UPDATE_DOCS=1 rewrites it). Do not edit by hand. -->\n\n| id | default severity | summary |\n|---|---|---|\n",
    );
    for rule in registry() {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    for rule in registry() {
        out.push_str(&format!(
            "\n## `{}`\n\nDefault severity: **{}**. {}.\n\n{}",
            rule.id,
            rule.severity.as_str(),
            rule.summary,
            unindent_doc(rule.doc)
        ));
    }
    out
}

/// Doc comments arrive with the space after `///`; drop it.
fn unindent_doc(doc: &str) -> String {
    doc.lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_documented() {
        let rules = registry();
        let mut ids: Vec<&str> = rules.iter().map(|rule| rule.id).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate rule id");
        for rule in rules {
            assert!(
                rule.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.id
            );
            assert!(
                rule.doc.contains("## What it checks"),
                "{} lacks docs",
                rule.id
            );
            assert!(rule.doc.contains("## Why"), "{} lacks docs", rule.id);
            assert!(rule.doc.contains("## Example"), "{} lacks docs", rule.id);
        }
    }

    #[test]
    fn docs_rules_md_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let rendered = render_docs();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &rendered).unwrap_or_else(|error| unreachable!("{error}"));
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == rendered,
            "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test`"
        );
    }
}
