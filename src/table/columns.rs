//! The header's meanings, settled against the table's content.
//!
//! A header alone can mislead: "We will" next to "Activity" is the objective, not a second
//! action column; "Description" is the action when there is no action column; an "Outcome"
//! column holding "1, 2 & 3" refers to strategic priorities; a column with no header holding
//! 1, 2, 3 ... is the action number.

use super::header::{Field, Header};
use super::text::normalise_words;

/// Share of a column's values that must fit a content pattern for it to decide the meaning.
const CONTENT_SHARE: (usize, usize) = (3, 5);

/// The meaning of every column, `None` for columns the plan has no place for.
pub fn resolve(header: &Header, rows: &[Vec<String>]) -> Vec<Option<Field>> {
    let width = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(header.columns.len());
    let mut fields: Vec<Option<Field>> = (0..width).map(|column| header.field(column)).collect();
    // A header over two rows names some columns on its second row only, and a heading merged
    // over several columns ("Risk Score") is named column by column below it.
    let header_row = rows.get(header.row).map_or(&[][..], Vec::as_slice);
    let sub_headings = rows
        .get(header.row + 1)
        .and_then(|row| super::header::sub_headings(header, header_row, row));
    for (column, field) in sub_headings.iter().flatten() {
        if let Some(slot) = fields.get_mut(*column) {
            *slot = Some(*field);
        }
    }
    let first_body = header.row + 1 + usize::from(sub_headings.is_some());
    let body = rows.get(first_body..).unwrap_or_default();
    let values = |column: usize| -> Vec<&str> {
        body.iter()
            .filter_map(|row| row.get(column))
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
            .collect()
    };

    // A column named on the sub-heading row counts as named.
    let header_cells = rows.get(header.row);
    let sub_cells = rows.get(header.row + 1).filter(|_| sub_headings.is_some());
    let header_text = |column: usize| -> &str {
        let own = header_cells
            .and_then(|row| row.get(column))
            .map_or("", |cell| cell.trim());
        if own.is_empty() {
            sub_cells
                .and_then(|row| row.get(column))
                .map_or("", |cell| cell.trim())
        } else {
            own
        }
    };

    settle_duplicate_actions(&mut fields, &header_text);
    spread_merged_headers(&mut fields, &header_text, &values);

    if !fields.contains(&Some(Field::Id)) {
        let unnamed = (0..width).filter(|column| header_text(*column).is_empty());
        let id_column = unnamed
            .into_iter()
            .find(|column| mostly(&values(*column), is_id_like));
        if let Some(slot) = id_column.and_then(|column| fields.get_mut(column)) {
            *slot = Some(Field::Id);
        }
    }

    // A "Benchmark" or "Standard" column holding numbers numbers the rows; one holding
    // short names ("Training", "Channel") names their category. Requirements are sentences.
    for column in positions(&fields, Field::Requirement) {
        let column_values = values(column);
        let settled = if !fields.contains(&Some(Field::Id)) && mostly(&column_values, is_id_like) {
            Field::Id
        } else if mostly(&column_values, is_label) {
            Field::Objective
        } else {
            continue;
        };
        if let Some(slot) = fields.get_mut(column) {
            *slot = Some(settled);
        }
    }

    let assessment =
        fields.contains(&Some(Field::Risk)) || fields.contains(&Some(Field::Requirement));
    // In an action plan (nothing asked, nothing at risk) "Work to date" is the progress of
    // each action, as long as no other column says so.
    let action_plan = !assessment && !fields.contains(&Some(Field::Progress));
    if action_plan {
        let work_to_date = positions(&fields, Field::Evidence)
            .into_iter()
            .find(|column| normalise_words(header_text(*column)).join(" ") == "work to date");
        if let Some(slot) = work_to_date.and_then(|column| fields.get_mut(column)) {
            *slot = Some(Field::Progress);
        }
    }
    // In a risk register "Summary" beside "Risk Title" describes the risk; in a gap
    // analysis or risk register "Current position" is what is in place, not progress.
    for column in 0..fields.len() {
        let heading = header_text(column).to_lowercase();
        let settled = match fields.get(column).copied().flatten() {
            None if assessment && heading == "summary" && fields.contains(&Some(Field::Risk)) => {
                Field::Risk
            }
            Some(Field::Progress)
                if assessment
                    && heading.starts_with("current")
                    && !fields.contains(&Some(Field::Evidence)) =>
            {
                Field::Evidence
            }
            _ => continue,
        };
        if let Some(slot) = fields.get_mut(column) {
            *slot = Some(settled);
        }
    }

    let scored = fields.contains(&Some(Field::Likelihood));
    // "Rating" beside "Likelihood" holding numbers is the risk rating, not a RAG.
    for column in positions(&fields, Field::Rag) {
        let numbers = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        if scored && mostly(&values(column), numbers) {
            if let Some(slot) = fields.get_mut(column) {
                *slot = Some(Field::RiskRating);
            }
        }
    }
    for column in positions(&fields, Field::Outputs) {
        let column_values = values(column);
        let settled = if mostly(&column_values, is_priority_refs) && !scored {
            Field::Outcomes
        } else if scored && mostly(&column_values, is_score) {
            // "Impact" beside "Likelihood" is a score, not an outcome.
            Field::Severity
        } else {
            continue;
        };
        if let Some(slot) = fields.get_mut(column) {
            *slot = Some(settled);
        }
    }
    fields
}

/// Several action columns: the last says what is done, the earlier ones what for ("We will"
/// beside "Activity"). No action column: in an action plan the description of the work
/// stands in for it; a self-assessment or risk register without one records evidence or
/// risks, and rows without actions are reported rather than invented.
fn settle_duplicate_actions<'h>(
    fields: &mut [Option<Field>],
    header_text: &dyn Fn(usize) -> &'h str,
) {
    let actions: Vec<usize> = positions(fields, Field::Action);
    match actions.split_last() {
        None => {
            let assessment = fields
                .iter()
                .flatten()
                .any(|field| matches!(field, Field::Requirement | Field::Evidence | Field::Risk));
            if assessment {
                return;
            }
            let objectives = positions(fields, Field::Objective);
            let described = objectives
                .iter()
                .copied()
                .find(|column| header_text(*column).to_lowercase().contains("description"));
            if let Some(slot) = described
                .or(objectives.first().copied())
                .and_then(|column| fields.get_mut(column))
            {
                *slot = Some(Field::Action);
            }
        }
        Some((_, earlier)) => {
            for column in earlier {
                if let Some(slot) = fields.get_mut(*column) {
                    *slot = Some(Field::Objective);
                }
            }
        }
    }
}

/// A header cell merged across columns leaves the cells to its right blank (the readers'
/// shared convention, docs/tables.md). A blank header cell whose column holds text belongs
/// to the column on its left; when that left column holds only numbers, the merged header
/// ("Action Point" over "1." and the text) names the text, and the numbers are the ids.
/// Columns right of the header's last heading are not part of a merged heading.
fn spread_merged_headers<'h, 'v>(
    fields: &mut [Option<Field>],
    header_text: &dyn Fn(usize) -> &'h str,
    values: &dyn Fn(usize) -> Vec<&'v str>,
) {
    // A merged cell lies inside the header: columns right of its last heading are notes.
    let last_heading = (0..fields.len())
        .rev()
        .find(|column| !header_text(*column).is_empty())
        .unwrap_or(0);
    for column in 1..last_heading {
        let left = column - 1;
        let Some(field) = fields.get(left).copied().flatten() else {
            continue;
        };
        let blank = header_text(column).is_empty() && fields.get(column) == Some(&None);
        // A blank header over numbers is the id column (read below), not a merged cell.
        if !blank || values(column).is_empty() || mostly(&values(column), is_id_like) {
            continue;
        }
        let numbers_left = field.describes_work()
            && !header_text(left).is_empty()
            && mostly(&values(left), is_id_like)
            && !fields.contains(&Some(Field::Id));
        if numbers_left {
            if let Some(slot) = fields.get_mut(left) {
                *slot = Some(Field::Id);
            }
        }
        if let Some(slot) = fields.get_mut(column) {
            *slot = Some(field);
        }
    }
}

fn positions(fields: &[Option<Field>], wanted: Field) -> Vec<usize> {
    fields
        .iter()
        .enumerate()
        .filter(|(_, field)| **field == Some(wanted))
        .map(|(column, _)| column)
        .collect()
}

fn mostly(values: &[&str], test: fn(&str) -> bool) -> bool {
    let fitting = values.iter().filter(|value| test(value)).count();
    !values.is_empty() && fitting * CONTENT_SHARE.1 >= values.len() * CONTENT_SHARE.0
}

/// "1", "12", "1.2", "3.", "A3", "2b".
pub fn is_id_like(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    let body = text
        .strip_prefix(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text);
    let body = body
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(body);
    !text.is_empty()
        && text.len() <= 8
        && body.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A short name such as a category or theme: "Training", "Out of school settings".
fn is_label(text: &str) -> bool {
    text.split_whitespace().count() <= 4 && !text.contains('?') && !text.ends_with('.')
}

/// A risk score as written: "4", "12", "High", "Med".
fn is_score(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    (lower.len() <= 3 && lower.bytes().all(|b| b.is_ascii_digit()))
        || [
            "high",
            "medium",
            "med",
            "low",
            "very high",
            "very low",
            "h",
            "m",
            "l",
        ]
        .contains(&lower.as_str())
}

/// "1, 2 & 3", "1&2", "2": numbers of strategic priorities.
pub fn is_priority_refs(text: &str) -> bool {
    let mut numbers = 0;
    for token in text.split(|c: char| matches!(c, ',' | '&' | '/' | ';' | '+') || c.is_whitespace())
    {
        match token {
            "" | "and" => {}
            number if number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()) => {
                numbers += 1
            }
            _ => return false,
        }
    }
    numbers > 0
}

/// The priority numbers of an outcomes cell.
pub fn priority_refs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect()
    }

    fn settle(table: &[&[&str]]) -> Vec<Option<Field>> {
        let rows = rows(table);
        let Some(header) = super::super::header::find(&rows) else {
            unreachable!("no header")
        };
        resolve(&header, &rows)
    }

    #[test]
    fn we_will_beside_activity_is_the_objective() {
        let fields = settle(&[
            &["We will", "Activity", "Target Date"],
            &["Work together", "Coordinate", "December 2015"],
        ]);
        assert_eq!(
            fields,
            [
                Some(Field::Objective),
                Some(Field::Action),
                Some(Field::Milestones)
            ]
        );
    }

    #[test]
    fn description_stands_in_for_a_missing_action_column() {
        let fields = settle(&[
            &["Description", "Lead", "Deadline"],
            &["Train staff", "Prevent Lead", "March 2016"],
        ]);
        assert_eq!(fields.first(), Some(&Some(Field::Action)));
    }

    #[test]
    fn content_settles_unnamed_and_outcome_columns() {
        let fields = settle(&[
            &["", "Description", "Actions", "Outcome", "Lead"],
            &[
                "1",
                "Governance",
                "Form a group",
                "1, 2 & 3",
                "Prevent Lead",
            ],
            &["2", "Channel", "Review", "1&2", "Police"],
        ]);
        assert_eq!(
            fields,
            [
                Some(Field::Id),
                Some(Field::Objective),
                Some(Field::Action),
                Some(Field::Outcomes),
                Some(Field::Leads)
            ]
        );
        assert_eq!(priority_refs("1, 2 & 3"), ["1", "2", "3"]);
        assert!(!is_priority_refs("Reduce hate crime"));
        assert!(
            is_id_like("1.2") && is_id_like("A3") && is_id_like("12.") && !is_id_like("Governance")
        );
    }
}
