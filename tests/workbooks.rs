//! Workbooks written by LibreOffice (tests/fixtures/tables/make-workbooks.sh) read into the
//! same plans, pointing at the same cells, as the tables they were made from.
#![cfg(feature = "xlsx")]

use prevent_plan_check::table::{self, workbook, Imported};
use prevent_plan_check::{validate_workbook, Options};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");
const TABLES: &[&str] = &[
    "haringey-2008-11.tsv",
    "haringey-2013-14.tsv",
    "harrow-2015-16.csv",
    "cumbria-2015-16.tsv",
    "excel-style.csv",
];

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}"))
        .unwrap_or_else(|error| unreachable!("{name}: {error}"))
}

fn import_text(name: &str) -> Imported {
    let text = String::from_utf8(bytes(name)).unwrap_or_default();
    let table =
        table::read_delimited(&text).unwrap_or_else(|issue| unreachable!("{}", issue.message));
    table::import(&table).unwrap_or_else(|issue| unreachable!("{}", issue.message))
}

fn import_workbook(name: &str) -> (String, Imported) {
    let sheets =
        workbook::read(&bytes(name)).unwrap_or_else(|message| unreachable!("{name}: {message}"));
    let index =
        table::choose_sheet(&sheets).unwrap_or_else(|| unreachable!("{name}: no plan sheet"));
    let Some(sheet) = sheets.get(index) else {
        unreachable!()
    };
    let imported =
        table::import(sheet).unwrap_or_else(|issue| unreachable!("{name}: {}", issue.message));
    (sheet.sheet.clone().unwrap_or_default(), imported)
}

#[test]
fn workbooks_read_like_the_tables_they_came_from() {
    for table_name in TABLES {
        let stem = table_name
            .rsplit_once('.')
            .map_or(*table_name, |(stem, _)| stem);
        let from_text = import_text(table_name);
        for extension in ["xlsx", "ods"] {
            let name = format!("{stem}.{extension}");
            let (sheet, from_workbook) = import_workbook(&name);
            assert_eq!(
                sheet, stem,
                "{name}: LibreOffice names the sheet after the file"
            );
            assert_eq!(from_workbook.plan, from_text.plan, "{name}");
            assert_eq!(
                from_workbook.sources.cells, from_text.sources.cells,
                "{name}"
            );
            assert_eq!(from_workbook.sources.sheet.as_deref(), Some(stem));
        }
    }
}

#[test]
fn real_date_cells_become_dates() {
    let (_, imported) = import_workbook("excel-style.xlsx");
    let milestones: Vec<String> = imported
        .plan
        .actions()
        .flat_map(|action| {
            action
                .action
                .milestones
                .iter()
                .map(|milestone| milestone.text.clone())
        })
        .collect();
    assert_eq!(
        milestones,
        [
            "2019-06-30",
            "2019-09-30",
            "2020-03-31",
            "Q2 2019-20",
            "Monthly"
        ]
    );
    let ids: Vec<Option<String>> = imported
        .plan
        .actions()
        .map(|action| action.action.id.clone())
        .collect();
    assert_eq!(ids.first(), Some(&Some("1.1".to_owned())));
}

#[test]
fn issues_name_the_sheet_and_cell() {
    let report = validate_workbook(&bytes("haringey-2013-14.xlsx"), &Options::default());
    let milestone_missing = report
        .issues
        .iter()
        .find(|issue| issue.rule == "milestone-missing");
    // The empty Timescale cell of the action's first row: where the date belongs.
    assert_eq!(
        milestone_missing.map(|issue| (issue.sheet.as_deref(), issue.cell.as_deref())),
        Some((Some("haringey-2013-14"), Some("E15")))
    );
}

#[test]
fn damaged_workbooks_are_reported_not_crashed_on() {
    let whole = bytes("harrow-2015-16.xlsx");
    for cut in [0, 4, 100, whole.len() / 2, whole.len() - 1] {
        let report = validate_workbook(whole.get(..cut).unwrap_or_default(), &Options::default());
        assert!(!report.valid, "cut at {cut}");
        assert_eq!(
            report.issues.first().map(|issue| issue.rule),
            Some("table-unreadable"),
            "cut at {cut}"
        );
    }
    let report = validate_workbook(b"Action,Lead\nnot a workbook", &Options::default());
    assert_eq!(
        report.issues.first().map(|issue| issue.rule),
        Some("table-unreadable")
    );
}

/// Found by `make fuzz` (validate_workbook): calamine 0.38 overflows a multiplication on it.
#[test]
fn a_workbook_that_panics_calamine_is_reported_as_damaged() {
    let report = validate_workbook(
        &bytes("damaged/calamine-overflow.xlsx"),
        &Options::default(),
    );
    assert!(!report.valid);
    assert_eq!(
        report.issues.first().map(|issue| issue.rule),
        Some("table-unreadable")
    );
    let after = validate_workbook(&bytes("cumbria-2015-16.xlsx"), &Options::default());
    assert_eq!(
        after.summary.actions, 18,
        "reading works after the damaged file"
    );
}
