//! Tables read from a range that does not start at A1 (add-ins read the used range): with
//! the `origin` option, cells in issues and messages are the sheet's.

use prevent_plan_check::table::Cell;
use prevent_plan_check::{validate_rows, Options, Report};

fn rows(json: &str) -> Vec<Vec<Cell>> {
    serde_json::from_str(json).unwrap_or_else(|error| unreachable!("{error}"))
}

/// No ids, one action without a lead, one cell outside every column.
const TABLE: &str = r#"[
    ["Action", "Lead", "Deadline", null],
    ["Deliver WRAP training to frontline staff", null, "Mar-18", null],
    ["Refer concerns to the Channel panel", "Prevent Lead", "Jun-18", "stray note"]
]"#;

fn check(options: &str) -> Report {
    let options = Options::from_json(options).unwrap_or_else(|error| unreachable!("{error}"));
    validate_rows(rows(TABLE), &options)
}

fn cells(report: &Report) -> Vec<(String, String)> {
    report
        .issues
        .iter()
        .filter_map(|issue| Some((issue.rule.to_owned(), issue.cell.clone()?)))
        .collect()
}

#[test]
fn origin_moves_every_cell_and_the_cells_messages_name() {
    let from_a1 = check("{}");
    let from_b3 = check(r#"{"origin": "B3"}"#);
    let shifted: Vec<(String, String)> = cells(&from_a1)
        .into_iter()
        .map(|(rule, cell)| {
            let (letters, digits) = cell.split_at(1);
            let column = char::from(letters.as_bytes()[0] + 1);
            (
                rule,
                format!("{column}{}", digits.parse::<usize>().unwrap_or(0) + 2),
            )
        })
        .collect();
    assert!(!shifted.is_empty());
    assert_eq!(cells(&from_b3), shifted);
    let unmapped = from_b3
        .issues
        .iter()
        .find(|issue| issue.rule == "cell-unmapped");
    let message = unmapped
        .map(|issue| issue.message.as_str())
        .unwrap_or_default();
    // The stray cell is named at its sheet address (row 3 of the range, column 4).
    assert!(message.contains("E5"), "{message}");
    assert_eq!(check(r#"{"origin": "$B$3"}"#).issues, from_b3.issues);
}

#[test]
fn a_bad_origin_is_a_bad_option() {
    for bad in [r#""B3:C4""#, r#""""#, "3", r#""XFE1""#] {
        let error = Options::from_json(&format!(r#"{{"origin": {bad}}}"#)).err();
        assert_eq!(error.map(|error| error.option), Some("origin"), "{bad}");
    }
}

/// Without an id column the importer numbers actions by row ("1", "2"): messages name that
/// id, wherever the range starts, and never a JSON Pointer.
#[test]
fn table_messages_name_actions_by_id_not_json_pointer() {
    for options in ["{}", r#"{"origin": "B3"}"#] {
        let report = check(options);
        let inferred = report
            .issues
            .iter()
            .find(|issue| issue.rule == "category-inferred");
        let message = inferred
            .map(|issue| issue.message.as_str())
            .unwrap_or_default();
        assert!(message.contains("action(s) 1"), "{message}");
        for issue in &report.issues {
            assert!(!issue.message.contains("/sections/"), "{}", issue.message);
        }
    }
}
