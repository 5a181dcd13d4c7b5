//! The documented limits (docs/limits.md) natively: inputs past them are reported, and
//! tables are read only up to them.
#![cfg(feature = "xlsx")]

use prevent_plan_check::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use prevent_plan_check::{validate_csv, validate_json, validate_workbook, Options};

fn rules(report: &prevent_plan_check::Report) -> Vec<&str> {
    report.issues.iter().map(|issue| issue.rule).collect()
}

#[test]
fn a_workbook_with_one_far_cell_is_read_up_to_the_limits() {
    // excel-style.xlsx with a cell added at XFD1048576: the dense sheet would be
    // 17 billion cells (found by the hostile-input tests: WASM ran out of memory).
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tables/damaged/far-cell.xlsx"
    );
    let Ok(bytes) = std::fs::read(path) else {
        unreachable!("fixture {path}")
    };
    let report = validate_workbook(&bytes, &Options::default());
    assert_eq!(report.summary.actions, 5);
    assert!(rules(&report).contains(&"table-too-large"));
}

#[test]
fn texts_over_the_cell_limit_are_input_too_large() {
    let long = "x".repeat(MAX_CELL_CHARS + 1);
    let report = validate_csv(&format!("Action,Lead\n{long},Lead\n"), &Options::default());
    assert_eq!(rules(&report), ["input-too-large"]);
    assert_eq!(
        report
            .issues
            .first()
            .and_then(|issue| issue.cell.as_deref()),
        Some("A2")
    );
    let plan = format!(r#"{{"sections": [{{"title": "{long}", "actions": []}}]}}"#);
    let report = validate_json(&plan, &Options::default());
    assert_eq!(
        report.issues.first().map(|issue| issue.path.as_str()),
        Some("/sections/0/title")
    );
    let at_limit = "é".repeat(MAX_CELL_CHARS);
    let plan = format!(r#"{{"sections": [{{"title": "{at_limit}", "actions": []}}]}}"#);
    assert!(!rules(&validate_json(&plan, &Options::default())).contains(&"input-too-large"));
}

#[test]
fn csv_reading_stops_one_row_past_the_limit() {
    let text = format!("Action,Lead\n{}", "x,y\n".repeat(MAX_ROWS + 500));
    let report = validate_csv(&text, &Options::default());
    assert_eq!(rules(&report).first(), Some(&"table-too-large"));
    assert_eq!(report.summary.actions, MAX_ROWS - 1);
    let wide = format!("Action,Lead\nx,y{}\n", ",z".repeat(MAX_COLUMNS + 5));
    assert_eq!(
        rules(&validate_csv(&wide, &Options::default())).first(),
        Some(&"table-too-large")
    );
}
