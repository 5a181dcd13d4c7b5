//! The header's meanings, settled against the table's content.
//!
//! A header alone can mislead: "We will" next to "Activity" is the objective, not a second
//! action column; "Description" is the action when there is no action column; an "Outcome"
//! column holding "1, 2 & 3" refers to strategic priorities; a column with no header holding
//! 1, 2, 3 ... is the action number.

use super::header::{Field, Header};

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
    let body = rows.get(header.row + 1..).unwrap_or_default();
    let values = |column: usize| -> Vec<&str> {
        body.iter()
            .filter_map(|row| row.get(column))
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
            .collect()
    };

    if !fields.contains(&Some(Field::Id)) {
        let header_cells = rows.get(header.row);
        let unnamed = (0..width).filter(|column| {
            header_cells
                .and_then(|row| row.get(*column))
                .is_none_or(|cell| cell.trim().is_empty())
        });
        let id_column = unnamed
            .into_iter()
            .find(|column| mostly(&values(*column), is_id_like));
        if let Some(slot) = id_column.and_then(|column| fields.get_mut(column)) {
            *slot = Some(Field::Id);
        }
    }

    let actions: Vec<usize> = positions(&fields, Field::Action);
    match actions.split_last() {
        None => {
            // The description of the work is the best stand-in for a missing action column.
            let header_cells = rows.get(header.row);
            let objectives = positions(&fields, Field::Objective);
            let described = objectives.iter().copied().find(|column| {
                header_cells
                    .and_then(|row| row.get(*column))
                    .is_some_and(|cell| cell.to_lowercase().contains("description"))
            });
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

    for column in positions(&fields, Field::Outputs) {
        if mostly(&values(column), is_priority_refs) {
            if let Some(slot) = fields.get_mut(column) {
                *slot = Some(Field::Outcomes);
            }
        }
    }
    fields
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
