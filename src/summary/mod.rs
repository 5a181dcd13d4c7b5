//! The assurance summary: a report read benchmark by benchmark, for a Prevent board paper.
//!
//! [`summarize`] reads a finished [`Report`] (its plan as understood, its coverage and its
//! issues) and the profile's names; nothing is checked again. It says, per category of the
//! profile, whether the plan covers it, which actions evidence it (with their progress and
//! next milestone as of the reporting date), what is overdue and what the gaps are, in the
//! words of [`text`]. [`markdown`], [`html`] and [`csv`] write it out; [`overview`] puts
//! many plans' summaries side by side.
//!
//! The summary reads the report in its public JSON shape ([`ReportData`]), so a report
//! given back from JavaScript and one fresh from [`crate::validate_json`] are summarised by
//! the same code.

mod csv;
mod html;
mod input;
mod markdown;
pub mod overview;
pub mod text;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::coverage::{Basis, CoverageStatus};
use crate::date::Date;
use crate::messages::human_date;
use crate::model::StatusValue;
use crate::options::{Locale, Options};
use crate::report::Report;

pub use input::ReportData;
use input::{ActionData, CategoryData};
pub use overview::{overview, Entry};
use text::Text;

/// Descriptions longer than this many characters are cut at a word for the summary's tables.
const DESCRIPTION_CHARS: usize = 240;

/// A plan's assurance summary, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// "en" or "cy": the language of every text below.
    pub locale: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The plan period as people read it ("2017/18", or its dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The reporting date the progress and overdue items are as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub profile: String,
    pub profile_title: String,
    /// Whether the report held a plan at all (an unreadable input has no categories).
    pub readable: bool,
    /// Why the plan could not be read: the report's first issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The plain-language finding: coverage, then overdue items.
    pub headline: Vec<String>,
    pub counts: Counts,
    pub categories: Vec<CategorySummary>,
    /// Every overdue action of the plan, in plan order.
    pub overdue: Vec<OverdueItem>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub categories: usize,
    pub covered: usize,
    pub inferred: usize,
    pub missing: usize,
    pub required_missing: usize,
    pub actions: usize,
    pub overdue: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// One benchmark category of the profile, as the plan meets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub id: String,
    pub name: String,
    pub required: bool,
    pub basis: Basis,
    pub status: CoverageStatus,
    /// The status in words: "Covered by 3 actions."
    pub verdict: String,
    pub actions: Vec<ActionLine>,
    /// What a board should ask about, in plain language; empty when nothing.
    pub gaps: Vec<String>,
}

/// An action as a summary lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionLine {
    pub id: String,
    /// The description, cut to [`DESCRIPTION_CHARS`] at a word.
    pub description: String,
    pub leads: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<StatusValue>,
    /// The progress in words ("On track"), as the summary's language says it.
    pub progress_text: String,
    /// The first milestone not yet due at the reporting date, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_milestone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due: Option<Date>,
    pub overdue: bool,
}

/// A milestone past its date at the reporting date, its action not complete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverdueItem {
    pub action: String,
    pub description: String,
    pub leads: Vec<String>,
    pub milestone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub progress_text: String,
}

/// What a summary is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Html,
    Csv,
}

impl Format {
    /// `json`, `md` (or `markdown`), `html`, `csv`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// The summary of a report. `options.locale` chooses the language, `options.as_of` the
/// reporting date (else the plan's own), and `options.profile` a caller's profile, for its
/// category names (the built-in profiles are found by the report's profile id).
pub fn summarize(report: &Report, options: &Options) -> Summary {
    summarize_data(&ReportData::from_report(report), options)
}

/// The summary of a report given as its JSON text (as `validate` returned it).
pub fn summarize_json(text: &str, options: &Options) -> Result<Summary, serde_json::Error> {
    // Through `Value`, as plans are read, so that the module carries one JSON deserializer.
    let report =
        serde_json::from_str::<serde_json::Value>(text).and_then(ReportData::deserialize)?;
    Ok(summarize_data(&report, options))
}

/// The summary written in `format`.
pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string(summary).unwrap_or_default(),
        Format::Markdown => markdown::summary(summary),
        Format::Html => html::summary(summary),
        Format::Csv => csv::summary(summary),
    }
}

/// The facts a document opens with, those the plan gives: body, period, reporting date, benchmarks.
fn facts(summary: &Summary, locale: Locale) -> Vec<(Text, String)> {
    [
        (Text::Authority, summary.authority.clone()),
        (Text::Period, summary.period.clone()),
        (
            Text::ReportingDate,
            summary.as_of.map(|date| human_date(date, locale)),
        ),
        (Text::Profile, Some(summary.profile_title.clone())),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((label, value?)))
    .collect()
}

/// A date in words, or nothing.
fn date_words(date: Option<Date>, locale: Locale) -> String {
    date.map(|date| human_date(date, locale))
        .unwrap_or_default()
}

/// The language a summary was written in.
pub(crate) fn locale_of(summary_locale: &str) -> Locale {
    Locale::from_tag(summary_locale).unwrap_or_default()
}

pub(crate) fn locale_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::English => "en",
        Locale::Welsh => "cy",
    }
}

fn summarize_data(report: &ReportData, options: &Options) -> Summary {
    let locale = options.locale;
    let say = |text: Text| text.render(locale);
    let plan = report.plan.as_ref();
    let as_of = options.as_of.or(plan.and_then(|plan| plan.as_of));
    let names = input::CategoryNames::new(report, options.profile.as_ref(), locale);
    let overdue = overdue_items(report, locale);
    let seen = Seen {
        report,
        actions: report.actions_by_key(),
        names: &names,
        overdue: &overdue,
        as_of,
        locale,
    };
    let mut categories: Vec<CategorySummary> = report
        .coverage
        .iter()
        .map(|(id, category)| category_summary(&seen, id, category))
        .collect();
    categories.sort_by_key(|category| names.position(&category.id));
    let count = |status| {
        categories
            .iter()
            .filter(|category| category.status == status)
            .count()
    };
    let counts = Counts {
        categories: categories.len(),
        covered: count(CoverageStatus::Covered),
        inferred: count(CoverageStatus::Inferred),
        missing: count(CoverageStatus::Missing),
        required_missing: categories
            .iter()
            .filter(|category| category.required && category.status == CoverageStatus::Missing)
            .count(),
        actions: plan.map_or(0, |plan| plan.actions().count()),
        overdue: overdue.len(),
        errors: report.summary.errors,
        warnings: report.summary.warnings,
    };
    let headline = vec![
        say(Text::Headline {
            total: counts.categories,
            covered: counts.covered,
            inferred: counts.inferred,
            missing: counts.missing,
            required_missing: counts.required_missing,
        }),
        say(Text::OverdueCount {
            count: counts.overdue,
            as_of,
        }),
    ];
    Summary {
        locale: locale_tag(locale).to_owned(),
        title: plan
            .and_then(|plan| plan.title.clone())
            .filter(|title| !title.trim().is_empty())
            .unwrap_or_else(|| say(Text::UntitledPlan)),
        authority: plan.and_then(|plan| plan.authority.clone()),
        period: plan.and_then(|plan| plan.period_words(locale)),
        as_of,
        profile: report.profile.clone(),
        profile_title: names.profile_title.clone(),
        readable: plan.is_some(),
        problem: plan
            .is_none()
            .then(|| report.issues.first().map(|issue| issue.message.clone()))
            .flatten(),
        headline,
        counts,
        categories,
        overdue,
    }
}

/// What every category's summary reads.
struct Seen<'a> {
    report: &'a ReportData,
    /// The report's actions by the keys its coverage names them with.
    actions: HashMap<String, &'a ActionData>,
    names: &'a input::CategoryNames,
    overdue: &'a [OverdueItem],
    as_of: Option<Date>,
    locale: Locale,
}

/// One category, with the actions that evidence it and its gaps.
fn category_summary(seen: &Seen<'_>, id: &str, category: &CategoryData) -> CategorySummary {
    let Seen {
        report,
        names,
        overdue,
        as_of,
        locale,
        ..
    } = *seen;
    let say = |text: Text| text.render(locale);
    let actions: Vec<ActionLine> = category
        .actions
        .iter()
        .filter_map(|key| Some((key, *seen.actions.get(key)?)))
        .map(|(key, action)| action_line(key, action, overdue, as_of, locale))
        .collect();
    let verdict = say(match category.status {
        CoverageStatus::Covered => Text::VerdictCovered {
            actions: actions.len(),
        },
        CoverageStatus::Inferred => Text::VerdictInferred {
            actions: actions.len(),
        },
        CoverageStatus::Missing => Text::VerdictMissing {
            required: category.required,
        },
    });
    let mut gaps = Vec::new();
    match (category.status, category.required) {
        (CoverageStatus::Missing, true) => gaps.push(Text::GapMissing {
            basis: category.basis,
        }),
        (CoverageStatus::Missing, false) => gaps.push(Text::GapRecommended),
        (CoverageStatus::Inferred, _) => gaps.push(Text::GapInferredOnly),
        (CoverageStatus::Covered, _) => {}
    }
    for line in &actions {
        gaps.extend(action_gaps(report, line, overdue));
    }
    CategorySummary {
        id: id.to_owned(),
        name: names.name(id, &category.name),
        required: category.required,
        basis: category.basis,
        status: category.status,
        verdict,
        actions,
        gaps: gaps.into_iter().map(say).collect(),
    }
}

/// What is wrong with an action that evidences a category: from the report's issues about
/// it, and its progress.
fn action_gaps(report: &ReportData, line: &ActionLine, overdue: &[OverdueItem]) -> Vec<Text> {
    let action = || line.id.clone();
    let mut gaps = Vec::new();
    let about = |rules: &[&str]| {
        report
            .issues_about(&line.id)
            .any(|issue| rules.contains(&issue.rule.as_str()))
    };
    if about(&["lead-missing"]) {
        gaps.push(Text::GapNoLead { action: action() });
    }
    if about(&["milestone-missing", "milestone-vague", "milestone-unparsed"]) {
        gaps.push(Text::GapUndated { action: action() });
    }
    for item in overdue.iter().filter(|item| item.action == line.id) {
        if let Some(due) = item.due {
            gaps.push(Text::GapOverdue {
                action: action(),
                milestone: item.milestone.clone(),
                due,
            });
        }
    }
    if let Some(progress @ (StatusValue::Delayed | StatusValue::AtRisk)) = line.progress {
        gaps.push(Text::GapBehind {
            action: action(),
            progress,
        });
    }
    gaps
}

fn action_line(
    key: &str,
    action: &ActionData,
    overdue: &[OverdueItem],
    as_of: Option<Date>,
    locale: Locale,
) -> ActionLine {
    let next = action.next_milestone(as_of);
    let next_milestone = match next {
        input::Next::Due(milestone) => Some(Text::NextDue {
            milestone: milestone.text.trim().to_owned(),
            due: milestone.due(),
        }),
        input::Next::NoneLeft(milestone) => Some(Text::NoneLeft {
            milestone: milestone.text.trim().to_owned(),
        }),
        input::Next::Nothing => None,
    };
    let progress = action.progress();
    ActionLine {
        id: key.to_owned(),
        description: shortened(&action.description),
        leads: action.leads.clone(),
        progress,
        progress_text: Text::ProgressWord(progress).render(locale),
        next_milestone: next_milestone.map(|text| text.render(locale)),
        next_due: next.due(),
        overdue: overdue.iter().any(|item| item.action == key),
    }
}

/// The report's `overdue` issues as items, each with its action and milestone.
fn overdue_items(report: &ReportData, locale: Locale) -> Vec<OverdueItem> {
    report
        .issues
        .iter()
        .filter(|issue| issue.rule == "overdue")
        .filter_map(|issue| {
            let (key, action, milestone) = report.milestone_at(&issue.path)?;
            Some(OverdueItem {
                action: issue.action.clone().unwrap_or(key),
                description: shortened(&action.description),
                leads: action.leads.clone(),
                milestone: milestone.text.trim().to_owned(),
                due: milestone.due(),
                progress_text: Text::ProgressWord(action.progress()).render(locale),
            })
        })
        .collect()
}

/// `text` with its whitespace collapsed, cut at a word after [`DESCRIPTION_CHARS`].
fn shortened(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if chars + length > DESCRIPTION_CHARS {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += length;
    }
    out
}

#[cfg(test)]
mod tests;
