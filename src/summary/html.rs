//! The summary as a printable HTML page: no script (a Content-Security-Policy forbids any),
//! inline CSS with print styles, headings, captioned tables, every text escaped.

use std::fmt::Write;

use super::overview::Overview;
use super::text::Text;
use super::{date_words, facts, locale_of, ActionLine, CategorySummary, Summary};
use crate::coverage::CoverageStatus;
use crate::options::Locale;

/// Shared by the summary and the overview. Colours keep a contrast of at least 4.5:1, and
/// statuses are words, never colour alone.
const STYLE: &str = "
:root { color: #1b1b1b; background: #fff; font: 11pt/1.45 system-ui, 'Segoe UI', Arial, sans-serif; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
main.wide { max-width: none; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .35rem; }
.kicker { margin: 0; color: #1d4f91; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef7; }
.status { display: inline-block; padding: 0 .4rem; border-radius: .2rem; font-weight: 600; white-space: nowrap; }
.covered { background: #e3f4e8; color: #0b5a26; }
.inferred { background: #fff1d6; color: #6b4300; }
.missing { background: #fde7e9; color: #9b111e; }
.absent { color: #555; }
tr.late td { background: #fff5f5; }
.late-mark { color: #9b111e; font-weight: 600; }
.id { white-space: nowrap; }
.legend, .file { color: #444; font-size: .9rem; }
a { color: #1d4f91; }
@media print {
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, caption { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .status, thead th, tr.late td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// Text for HTML: the five characters that could start markup or end an attribute.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment id from a category id (profiles' ids are `snake_case`; callers' may not be).
fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("benchmark-{safe}")
}

/// A whole page around `body`; a `wide` one (the overview's matrix) takes the whole window
/// and prints landscape.
fn page(out: &mut String, locale: Locale, title: &str, wide: bool, body: impl FnOnce(&mut String)) {
    let (page_size, main) = if wide {
        ("A4 landscape", "<main class=\"wide\">")
    } else {
        ("A4", "<main>")
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}@page {{ size: {page_size}; margin: 15mm; }}\n</style>\n</head>\n<body>\n{main}\n",
        lang = super::locale_tag(locale),
        title = esc(title),
    );
    body(out);
    out.push_str("</main>\n</body>\n</html>\n");
}

fn status_badge(status: CoverageStatus, locale: Locale) -> String {
    let class = match status {
        CoverageStatus::Covered => "covered",
        CoverageStatus::Inferred => "inferred",
        CoverageStatus::Missing => "missing",
    };
    format!(
        "<span class=\"status {class}\">{}</span>",
        esc(&Text::CoverageWord(status).render(locale))
    )
}

fn header_row(out: &mut String, headings: &[Text], locale: Locale) {
    out.push_str("<thead><tr>");
    for heading in headings {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            esc(&heading.render(locale))
        );
    }
    out.push_str("</tr></thead>\n");
}

/// One plan's summary as a page.
pub fn summary(summary: &Summary) -> String {
    let locale = locale_of(&summary.locale);
    let say = |text: Text| esc(&text.render(locale));
    let mut out = String::new();
    let title = format!("{}: {}", Text::SummaryTitle.render(locale), summary.title);
    page(&mut out, locale, &title, false, |out| {
        let _ = write!(
            out,
            "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n<dl class=\"facts\">\n",
            say(Text::SummaryTitle),
            esc(&summary.title)
        );
        for (label, value) in facts(summary, locale) {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", say(label), esc(&value));
        }
        out.push_str("</dl>\n</header>\n");
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">{}</h2>",
            say(Text::AtAGlance)
        );
        for line in &summary.headline {
            let _ = writeln!(out, "<p>{}</p>", esc(line));
        }
        if !summary.categories.is_empty() {
            let _ = writeln!(
                out,
                "<table>\n<caption>{}</caption>",
                say(Text::CategoriesCaption)
            );
            header_row(
                out,
                &[Text::Category, Text::Required, Text::Status, Text::Actions],
                locale,
            );
            out.push_str("<tbody>\n");
            for category in &summary.categories {
                let required = if category.required {
                    Text::Yes
                } else {
                    Text::No
                };
                let _ = writeln!(
                    out,
                    "<tr><th scope=\"row\"><a href=\"#{}\">{}</a></th><td>{}: {}</td><td>{}</td><td>{}</td></tr>",
                    anchor(&category.id),
                    esc(&category.name),
                    say(required),
                    say(Text::BasisWord(category.basis)),
                    status_badge(category.status, locale),
                    category.actions.len()
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
        for category in &summary.categories {
            category_section(out, category, locale);
        }
        overdue_section(out, summary, locale);
    });
    out
}

fn category_section(out: &mut String, category: &CategorySummary, locale: Locale) {
    let say = |text: Text| esc(&text.render(locale));
    let id = anchor(&category.id);
    let _ = writeln!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{}</h2>\n<p>{} {}</p>",
        esc(&category.name),
        status_badge(category.status, locale),
        esc(&category.verdict)
    );
    if category.actions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", say(Text::NoActions));
    } else {
        let _ = writeln!(
            out,
            "<table>\n<caption>{}</caption>",
            say(Text::EvidenceCaption {
                category: category.name.clone()
            })
        );
        header_row(
            out,
            &[
                Text::Action,
                Text::Description,
                Text::Lead,
                Text::Progress,
                Text::NextMilestone,
            ],
            locale,
        );
        out.push_str("<tbody>\n");
        for action in &category.actions {
            action_row(out, action, locale);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(out, "<h3>{}</h3>", say(Text::Gaps));
    if category.gaps.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", say(Text::NoGaps));
    } else {
        out.push_str("<ul>\n");
        for gap in &category.gaps {
            let _ = writeln!(out, "<li>{}</li>", esc(gap));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn action_row(out: &mut String, action: &ActionLine, locale: Locale) {
    let late = if action.overdue {
        format!(
            " <span class=\"late-mark\">({})</span>",
            esc(&Text::Overdue.render(locale))
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<tr{}><th scope=\"row\" class=\"id\">{}</th><td>{}</td><td>{}</td><td>{}{late}</td><td>{}</td></tr>",
        if action.overdue { " class=\"late\"" } else { "" },
        esc(&action.id),
        esc(&action.description),
        esc(&action.leads.join(", ")),
        esc(&action.progress_text),
        esc(action.next_milestone.as_deref().unwrap_or("")),
    );
}

fn overdue_section(out: &mut String, summary: &Summary, locale: Locale) {
    let say = |text: Text| esc(&text.render(locale));
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"overdue\">\n<h2 id=\"overdue\">{}</h2>",
        say(Text::OverdueItems)
    );
    if summary.overdue.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", say(Text::NoneOverdue));
    } else {
        let _ = writeln!(
            out,
            "<table>\n<caption>{}</caption>",
            say(Text::OverdueCaption)
        );
        header_row(
            out,
            &[
                Text::Action,
                Text::Description,
                Text::Lead,
                Text::Milestone,
                Text::DueBy,
                Text::Progress,
            ],
            locale,
        );
        out.push_str("<tbody>\n");
        for item in &summary.overdue {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\" class=\"id\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&item.action),
                esc(&item.description),
                esc(&item.leads.join(", ")),
                esc(&item.milestone),
                esc(&date_words(item.due, locale)),
                esc(&item.progress_text)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// Many plans' coverage as one landscape page.
pub fn overview(overview: &Overview, locale: Locale) -> String {
    let say = |text: Text| esc(&text.render(locale));
    let mut out = String::new();
    page(
        &mut out,
        locale,
        &Text::OverviewTitle.render(locale),
        true,
        |out| {
            let _ = writeln!(
                out,
                "<h1>{}</h1>\n<p>{}</p>\n<p class=\"legend\">{}</p>",
                say(Text::OverviewTitle),
                esc(&overview.headline),
                say(Text::Legend)
            );
            let _ = writeln!(
                out,
                "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
                say(Text::MatrixCaption),
                say(Text::Plan)
            );
            for column in &overview.columns {
                let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&column.name));
            }
            let _ = writeln!(
                out,
                "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                say(Text::RequiredMissingColumn),
                say(Text::Overdue)
            );
            for row in &overview.rows {
                let plan = match (&row.authority, row.title.is_empty()) {
                    (Some(authority), false) => format!(
                        "{} <span class=\"file\">({})</span><br>",
                        esc(authority),
                        esc(&row.title)
                    ),
                    (None, false) => format!("{}<br>", esc(&row.title)),
                    (_, true) => String::new(),
                };
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{plan}<span class=\"file\">{}</span></th>",
                    esc(&row.name)
                );
                if let Some(error) = &row.error {
                    let _ = writeln!(
                        out,
                        "<td colspan=\"{}\">{}</td></tr>",
                        overview.columns.len() + 2,
                        say(Text::NotRead {
                            reason: error.clone()
                        })
                    );
                    continue;
                }
                for cell in &row.cells {
                    match cell {
                        Some(status) => {
                            let _ = write!(out, "<td>{}</td>", status_badge(*status, locale));
                        }
                        None => {
                            let _ = write!(
                                out,
                                "<td class=\"absent\">{}</td>",
                                say(Text::NotInProfile)
                            );
                        }
                    }
                }
                let _ = writeln!(
                    out,
                    "<td>{}</td><td>{}</td></tr>",
                    row.required_missing, row.overdue
                );
            }
            out.push_str("</tbody>\n</table>\n");
        },
    );
    out
}
