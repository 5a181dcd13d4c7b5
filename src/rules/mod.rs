//! Rules: each one a struct whose doc comment says what it checks, why, and an example.
//!
//! [`declare_rule!`] keeps a rule's id, default severity, summary and documentation in one
//! place; [`registry`] lists every rule, and the rule pages (`docs/rules/`) and their
//! metadata for SARIF and `rules()` (`pkg/rules.json`) are generated from it ([`docs`]).

mod coverage;
#[cfg(not(target_arch = "wasm32"))]
pub mod docs;
mod personal_data;
pub use personal_data::find_personal_data;
mod structure;
mod timeline;

use crate::coverage::Coverage;
use crate::date::{Date, Period};
use crate::messages::Message;
use crate::model::Plan;
use crate::report::{Issue, Severity};
use crate::text::PlanText;

/// What every rule is known by.
///
/// The summary and documentation exist only in native builds: the WASM module never shows
/// them (JS reads them from the generated `pkg/rules.json`), and they would otherwise be
/// kept in it by every issue the rule raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable id, used in reports and to look up the docs.
    pub id: &'static str,
    /// Severity of the issues it raises unless the rule says otherwise.
    pub severity: Severity,
    /// One line: what is wrong when the rule fires.
    #[cfg(not(target_arch = "wasm32"))]
    pub summary: &'static str,
    /// Markdown: the sections [`docs`] publishes (what it checks, why, examples, how to fix).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

impl RuleMeta {
    /// An issue of this rule at its default severity.
    pub fn issue(&self, path: impl Into<String>, message: Message) -> Issue {
        Issue::say(self.id, self.severity, path, message)
    }

    /// An issue of this rule about an action (its id as written), with a hint.
    pub fn action_issue(
        &self,
        path: String,
        action: Option<&str>,
        message: Message,
        hint: Message,
    ) -> Issue {
        Issue::about_action(self.id, self.severity, path, action, message, hint)
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
                #[cfg(not(target_arch = "wasm32"))]
                summary: $summary,
                #[cfg(not(target_arch = "wasm32"))]
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
    /// The words of every text field of the plan.
    pub text: &'a PlanText,
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
        &crate::table::SheetUnread::META,
        &crate::table::FormulaUncached::META,
    ];
    all.extend(checks().map(|check| check.meta()));
    #[cfg(feature = "compare")]
    all.extend(crate::compare::rule_metas());
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
