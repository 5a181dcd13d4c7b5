//! Many plans side by side: which bodies cover which benchmarks (a regional view).

use serde::{Deserialize, Serialize};

use super::text::Text;
use super::{csv, html, locale_tag, markdown, Format, Summary};
use crate::coverage::CoverageStatus;
use crate::options::Locale;

/// One plan of a sweep: its summary, or why it could not be summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The file (or other name) the plan came from.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The matrix of plans by benchmark categories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub locale: String,
    pub headline: String,
    /// Every category of any plan's profile, in the order first met.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub name: String,
    /// The plan's title (empty when it could not be read).
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// One per column; `None` where the category is not in this plan's profile.
    pub cells: Vec<Option<CoverageStatus>>,
    pub required_missing: usize,
    pub overdue: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Overview {
    pub fn new(entries: &[Entry], locale: Locale) -> Overview {
        let mut columns: Vec<Column> = Vec::new();
        for category in entries
            .iter()
            .flat_map(|entry| entry.summary.iter().flat_map(|summary| &summary.categories))
        {
            if !columns.iter().any(|column| column.id == category.id) {
                columns.push(Column {
                    id: category.id.clone(),
                    name: category.name.clone(),
                });
            }
        }
        let rows: Vec<Row> = entries.iter().map(|entry| row(entry, &columns)).collect();
        let unread = rows.iter().filter(|row| row.error.is_some()).count();
        let complete = rows
            .iter()
            .filter(|row| row.error.is_none() && row.required_missing == 0)
            .count();
        let headline = Text::OverviewHeadline {
            plans: rows.len() - unread,
            complete,
            unread,
        }
        .render(locale);
        Overview {
            locale: locale_tag(locale).to_owned(),
            headline,
            columns,
            rows,
        }
    }
}

fn row(entry: &Entry, columns: &[Column]) -> Row {
    let Some(summary) = entry.summary.as_ref().filter(|summary| summary.readable) else {
        return Row {
            name: entry.name.clone(),
            title: String::new(),
            authority: None,
            cells: vec![None; columns.len()],
            required_missing: 0,
            overdue: 0,
            error: Some(
                entry
                    .error
                    .clone()
                    .or_else(|| entry.summary.as_ref()?.problem.clone())
                    .unwrap_or_default(),
            ),
        };
    };
    let status = |id: &str| {
        summary
            .categories
            .iter()
            .find(|category| category.id == id)
            .map(|category| category.status)
    };
    Row {
        name: entry.name.clone(),
        title: summary.title.clone(),
        authority: summary.authority.clone(),
        cells: columns.iter().map(|column| status(&column.id)).collect(),
        required_missing: summary.counts.required_missing,
        overdue: summary.counts.overdue,
        error: None,
    }
}

/// The overview of `entries` written in `format`, in `locale`.
pub fn overview(entries: &[Entry], locale: Locale, format: Format) -> String {
    let overview = Overview::new(entries, locale);
    match format {
        Format::Json => serde_json::to_string(&overview).unwrap_or_default(),
        Format::Markdown => markdown::overview(&overview, locale),
        Format::Html => html::overview(&overview, locale),
        Format::Csv => csv::overview(&overview, locale),
    }
}
