//! The summary as Markdown (CommonMark with GitHub tables), for a board paper drafted in a
//! wiki or a word processor. Plan text is escaped so that it stays text: no markup, links,
//! HTML or table cells it could open.

use std::fmt::Write;

use super::overview::Overview;
use super::text::Text;
use super::{date_words, facts, locale_of, Summary};
use crate::options::Locale;

/// Text for a Markdown paragraph or table cell: ASCII punctuation that could start markup
/// is backslash-escaped, `&`, `<` and `>` become entities, line breaks become spaces.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, headings: &[Text], rows: &[Vec<String>], locale: Locale) {
    let cells = |cells: &mut dyn Iterator<Item = String>| cells.collect::<Vec<_>>().join(" | ");
    let _ = writeln!(
        out,
        "| {} |",
        cells(&mut headings.iter().map(|heading| md(&heading.render(locale))))
    );
    let _ = writeln!(out, "|{}", "---|".repeat(headings.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", cells(&mut row.iter().cloned()));
    }
    out.push('\n');
}

pub fn summary(summary: &Summary) -> String {
    let locale = locale_of(&summary.locale);
    let say = |text: Text| md(&text.render(locale));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n*{}*\n",
        md(&summary.title),
        say(Text::SummaryTitle)
    );
    for (label, value) in facts(summary, locale) {
        let _ = writeln!(out, "- **{}:** {}", say(label), md(&value));
    }
    let _ = writeln!(out, "\n## {}\n", say(Text::AtAGlance));
    for line in &summary.headline {
        let _ = writeln!(out, "{}\n", md(line));
    }
    let rows: Vec<Vec<String>> = summary
        .categories
        .iter()
        .map(|category| {
            let required = if category.required {
                Text::Yes
            } else {
                Text::No
            };
            vec![
                md(&category.name),
                format!(
                    "{}: {}",
                    say(required),
                    say(Text::BasisWord(category.basis))
                ),
                say(Text::CoverageWord(category.status)),
                category.actions.len().to_string(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        table(
            &mut out,
            &[Text::Category, Text::Required, Text::Status, Text::Actions],
            &rows,
            locale,
        );
    }
    for category in &summary.categories {
        let _ = writeln!(
            out,
            "## {}\n\n**{}:** {}\n",
            md(&category.name),
            say(Text::CoverageWord(category.status)),
            md(&category.verdict)
        );
        let rows: Vec<Vec<String>> = category
            .actions
            .iter()
            .map(|action| {
                let progress = if action.overdue {
                    format!("{} (**{}**)", md(&action.progress_text), say(Text::Overdue))
                } else {
                    md(&action.progress_text)
                };
                vec![
                    md(&action.id),
                    md(&action.description),
                    md(&action.leads.join(", ")),
                    progress,
                    md(action.next_milestone.as_deref().unwrap_or("")),
                ]
            })
            .collect();
        if rows.is_empty() {
            let _ = writeln!(out, "{}\n", say(Text::NoActions));
        } else {
            table(
                &mut out,
                &[
                    Text::Action,
                    Text::Description,
                    Text::Lead,
                    Text::Progress,
                    Text::NextMilestone,
                ],
                &rows,
                locale,
            );
        }
        let _ = writeln!(out, "### {}\n", say(Text::Gaps));
        if category.gaps.is_empty() {
            let _ = writeln!(out, "{}\n", say(Text::NoGaps));
        } else {
            for gap in &category.gaps {
                let _ = writeln!(out, "- {}", md(gap));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## {}\n", say(Text::OverdueItems));
    if summary.overdue.is_empty() {
        let _ = writeln!(out, "{}", say(Text::NoneOverdue));
    } else {
        let rows: Vec<Vec<String>> = summary
            .overdue
            .iter()
            .map(|item| {
                vec![
                    md(&item.action),
                    md(&item.description),
                    md(&item.leads.join(", ")),
                    md(&item.milestone),
                    md(&date_words(item.due, locale)),
                    md(&item.progress_text),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                Text::Action,
                Text::Description,
                Text::Lead,
                Text::Milestone,
                Text::DueBy,
                Text::Progress,
            ],
            &rows,
            locale,
        );
    }
    out
}

pub fn overview(overview: &Overview, locale: Locale) -> String {
    let say = |text: Text| md(&text.render(locale));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{}\n\n{}\n",
        say(Text::OverviewTitle),
        md(&overview.headline),
        say(Text::Legend)
    );
    let mut headings = vec![md(&Text::Plan.render(locale))];
    headings.extend(overview.columns.iter().map(|column| md(&column.name)));
    headings.extend([say(Text::RequiredMissingColumn), say(Text::Overdue)]);
    let _ = writeln!(
        out,
        "| {} |\n|{}",
        headings.join(" | "),
        "---|".repeat(headings.len())
    );
    for row in &overview.rows {
        let plan = format!(
            "{} ({})",
            md(row.authority.as_deref().unwrap_or(&row.title)),
            md(&row.name)
        );
        let cells: Vec<String> = match &row.error {
            Some(error) => vec![say(Text::NotRead {
                reason: error.clone(),
            })],
            None => row
                .cells
                .iter()
                .map(|cell| {
                    cell.map_or_else(
                        || say(Text::NotInProfile),
                        |status| say(Text::CoverageWord(status)),
                    )
                })
                .chain([row.required_missing.to_string(), row.overdue.to_string()])
                .collect(),
        };
        let _ = writeln!(out, "| {plan} | {} |", cells.join(" | "));
    }
    out
}
