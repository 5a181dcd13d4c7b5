//! The summary as CSV (RFC 4180, CRLF): one row per action evidencing a benchmark (a
//! benchmark without actions has one row of its own). Cells are safe to open in a
//! spreadsheet: text that a spreadsheet would run as a formula is prefixed with `'`.

use super::overview::Overview;
use super::text::Text;
use super::{locale_of, Summary};
use crate::options::Locale;

/// A CSV cell: quoted when it holds a delimiter, quote or line break; text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (a formula to Excel, LibreOffice and
/// Sheets) is prefixed with an apostrophe, as OWASP advises for CSV injection.
fn cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|text| cell(text)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn headings(texts: &[Text], locale: Locale) -> Vec<String> {
    texts.iter().map(|text| text.render(locale)).collect()
}

pub fn summary(summary: &Summary) -> String {
    let locale = locale_of(&summary.locale);
    let say = |text: Text| text.render(locale);
    let mut out = String::new();
    line(
        &mut out,
        &headings(
            &[
                Text::Category,
                Text::Required,
                Text::Status,
                Text::Action,
                Text::Description,
                Text::Lead,
                Text::Progress,
                Text::NextMilestone,
                Text::Overdue,
                Text::Gaps,
            ],
            locale,
        ),
    );
    for category in &summary.categories {
        let yes_no = |flag: bool| say(if flag { Text::Yes } else { Text::No });
        let shared = [
            category.name.clone(),
            yes_no(category.required),
            say(Text::CoverageWord(category.status)),
        ];
        let gaps = category.gaps.join(" ");
        if category.actions.is_empty() {
            let mut row = shared.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 6));
            row.push(gaps.clone());
            line(&mut out, &row);
        }
        for action in &category.actions {
            let mut row = shared.to_vec();
            row.extend([
                action.id.clone(),
                action.description.clone(),
                action.leads.join(", "),
                action.progress_text.clone(),
                action.next_milestone.clone().unwrap_or_default(),
                yes_no(action.overdue),
                gaps.clone(),
            ]);
            line(&mut out, &row);
        }
    }
    out
}

pub fn overview(overview: &Overview, locale: Locale) -> String {
    let say = |text: Text| text.render(locale);
    let mut out = String::new();
    let mut heading = headings(&[Text::File, Text::Plan, Text::Authority], locale);
    heading.extend(overview.columns.iter().map(|column| column.name.clone()));
    heading.extend([say(Text::RequiredMissingColumn), say(Text::Overdue)]);
    line(&mut out, &heading);
    for row in &overview.rows {
        let mut cells = vec![
            row.name.clone(),
            row.title.clone(),
            row.authority.clone().unwrap_or_default(),
        ];
        match &row.error {
            Some(error) => cells.push(say(Text::NotRead {
                reason: error.clone(),
            })),
            None => {
                cells.extend(row.cells.iter().map(|status| {
                    status.map_or_else(
                        || say(Text::NotInProfile),
                        |status| say(Text::CoverageWord(status)),
                    )
                }));
                cells.extend([row.required_missing.to_string(), row.overdue.to_string()]);
            }
        }
        line(&mut out, &cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_cannot_become_formulas_or_break_the_row() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+44 20"), "'+44 20");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("Prevent Coordinator"), "Prevent Coordinator");
    }
}
