//! Tables as spreadsheets hand them over (`range.values`, `getValues()`), and input that
//! must give a clear report rather than a crash.

use std::time::Instant;

use prevent_plan_check::table::{self, Cell, Table};
use prevent_plan_check::{validate_csv, validate_rows, validate_sheets, Options, Report};

fn rows(json: &str) -> Vec<Vec<Cell>> {
    serde_json::from_str(json).unwrap_or_else(|error| unreachable!("{error}"))
}

/// A plan as people keep it in Excel: a title row, a Ref column, a Category column with
/// merged (empty) cells, serial dates, RAG, and a column the plan has no place for.
const EXCEL_PLAN: &str = r#"[
    ["London Borough of Example Prevent Delivery Plan 2019-20", null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ["Ref", "Category", "Action", "Owner", "By When", "RAG*", "Progress", "Budget"],
    [1.1, "Partnership", "Refresh the Prevent board's terms of reference", "Prevent Lead", 43555, "Green", "Done", 0],
    ["1.2", null, "Review board membership", "Community Safety Manager; Police", "Jun-19", "Amber", "", null],
    [2.1, "Training", "Deliver WRAP to frontline staff", "Prevent Coordinator & Chair of Channel Panel", "2019-09-30", "Red", "Delayed by staffing", 1500],
    ["Ref", "Category", "Action", "Owner", "By When", "RAG*", "Progress", "Budget"],
    ["2.2", null, "E-learning for all new starters", null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ["See notes on the cover sheet", null, null, null, null, null, null, null]
]"#;

fn action_ids(report: &Report) -> Vec<String> {
    report
        .plan
        .iter()
        .flat_map(|plan| plan.actions())
        .filter_map(|action| action.action.id.clone())
        .collect()
}

#[test]
fn reads_an_excel_range() {
    let report = validate_rows(rows(EXCEL_PLAN), &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("{report:?}")
    };
    assert_eq!(plan.authority.as_deref(), Some("London Borough of Example"));
    assert_eq!(
        plan.period
            .as_ref()
            .and_then(|period| period.label.as_deref()),
        Some("2019-20")
    );
    let titles: Vec<&str> = plan
        .sections
        .iter()
        .map(|section| section.title.as_str())
        .collect();
    assert_eq!(titles, ["Partnership", "Training"]);
    assert_eq!(action_ids(&report), ["1.1", "1.2", "2.1", "2.2"]);

    let partnership = plan
        .sections
        .first()
        .map(|section| section.actions.clone())
        .unwrap_or_default();
    let first_milestones: Vec<&str> = partnership
        .iter()
        .flat_map(|action| &action.milestones)
        .map(|milestone| milestone.text.as_str())
        .collect();
    assert_eq!(first_milestones, ["2019-03-31", "Jun-19"]);
    assert_eq!(
        partnership.get(1).map(|action| action.leads.clone()),
        Some(vec!["Community Safety Manager".into(), "Police".into()])
    );
    let status = partnership
        .first()
        .and_then(|action| action.status.as_ref());
    assert_eq!(
        status.map(|status| status.text.as_str()),
        Some("Green: Done")
    );

    // Issues carry cells; the unknown column and the stray note are reported, not dropped.
    let lead_missing = report
        .issues
        .iter()
        .find(|issue| issue.rule == "lead-missing");
    assert_eq!(
        lead_missing.and_then(|issue| issue.cell.as_deref()),
        Some("D8"),
        "the empty Owner cell"
    );
    let unmapped: Vec<(&str, &str)> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "cell-unmapped")
        .map(|issue| (issue.cell.as_deref().unwrap_or(""), issue.message.as_str()))
        .collect();
    assert!(
        unmapped
            .iter()
            .any(|(cell, message)| *cell == "H3" && message.contains("Budget")),
        "{unmapped:?}"
    );
    assert!(
        unmapped.iter().any(|(cell, _)| *cell == "A10"),
        "{unmapped:?}"
    );
}

#[test]
fn options_fill_in_what_the_table_does_not_say() {
    let csv = "Action,Lead,Deadline\nDeliver WRAP,Prevent Lead,March 2016\n";
    let options =
        Options::from_json(r#"{"period": "2015/16", "asOf": "2016-06-01"}"#).unwrap_or_default();
    let report = validate_csv(csv, &options);
    assert!(report.plan.is_some());
    assert!(report
        .issues
        .iter()
        .all(|issue| issue.rule != "table-no-header"));
}

#[test]
fn a_table_without_header_is_an_error_with_a_hint() {
    let report = validate_csv(
        "Train staff,Prevent Lead,March 2016\nMap venues,Police,June 2016\n",
        &Options::default(),
    );
    assert!(!report.valid);
    let issue = report.issues.first();
    assert_eq!(issue.map(|issue| issue.rule), Some("table-no-header"));
    assert!(issue.and_then(|issue| issue.hint.as_deref()).is_some());
}

#[test]
fn text_that_is_not_utf8_is_reported_with_its_line() {
    let bytes = b"Action,Lead\nTrain staff,Caf\xe9 team\n";
    let Err(issue) = table::read_delimited_bytes(bytes) else {
        unreachable!("read as UTF-8")
    };
    assert_eq!(issue.rule, "table-unreadable");
    assert_eq!(issue.line, Some(2));
}

#[test]
fn utf16_text_with_a_byte_order_mark_is_read() {
    // Excel's "Unicode Text": tab-separated UTF-16 LE with a mark; big endian too.
    let text = "Action\tLead\tTarget date\nTrain staff in Caf\u{e9}s\tPrevent Lead\tMar-18\n";
    let little: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let expected = table::read_delimited(text).ok();
    assert!(expected.is_some());
    assert_eq!(table::read_delimited_bytes(&little).ok(), expected);
    assert_eq!(table::read_delimited_bytes(&big).ok(), expected);
    // An odd last byte or a lone surrogate is a replacement character, not a failure.
    let mut broken = little.clone();
    broken.extend([0x00, 0xd8, 0x41]);
    assert!(table::read_delimited_bytes(&broken).is_ok());
}

#[test]
fn oversized_tables_are_read_in_part_and_say_so() {
    let mut row = vec![Cell::Text("Action".into()), Cell::Text("Lead".into())];
    row.extend((0..table::MAX_COLUMNS).map(|_| Cell::Empty));
    row.push(Cell::Text("Beyond the last column read".into()));
    let report = validate_rows(
        vec![
            row,
            vec![
                Cell::Text("Train".into()),
                Cell::Text("Prevent Lead".into()),
            ],
        ],
        &Options::default(),
    );
    assert!(report
        .issues
        .iter()
        .any(|issue| issue.rule == "table-too-large"));
}

#[test]
fn the_sheet_with_the_plan_is_chosen() {
    let cover = Table::new(
        Some("Cover".into()),
        rows(r#"[["Prevent plan"], ["Owner: Community Safety"]]"#),
    );
    let plan = Table::new(
        Some("Plan".into()),
        rows(r#"[["Action", "Lead", "Target date"], ["Train staff", null, "March 2016"]]"#),
    );
    let report = validate_sheets(&[cover, plan], &Options::default());
    let issue = report
        .issues
        .iter()
        .find(|issue| issue.rule == "lead-missing");
    assert_eq!(
        issue.map(|issue| (issue.sheet.as_deref(), issue.cell.as_deref())),
        Some((Some("Plan"), Some("B2")))
    );
}

/// Damaged and odd input never panics: truncated, shuffled and random tables.
#[test]
fn mangled_tables_never_crash() {
    let fixtures = [
        "haringey-2008-11.tsv",
        "haringey-2013-14.tsv",
        "harrow-2015-16.csv",
        "cumbria-2015-16.tsv",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for name in fixtures {
        let path = format!(
            "{}/tests/fixtures/tables/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_default();
        for _ in 0..40 {
            let mut mangled = bytes.clone();
            let cut = (next() as usize) % (mangled.len() + 1);
            mangled.truncate(cut);
            for _ in 0..(next() % 20) {
                let at = (next() as usize) % (mangled.len().max(1));
                let choices = [b'\t', b'\n', b',', b'"', b';', b'<', b'1', b'.', b' ', 0xff];
                let replacement = choices.get((next() % 10) as usize).copied().unwrap_or(b' ');
                if let Some(byte) = mangled.get_mut(at) {
                    *byte = replacement;
                }
            }
            let text = String::from_utf8_lossy(&mangled);
            let report = validate_csv(&text, &Options::default());
            assert!(report.plan.is_some() || !report.valid);
        }
    }
    for json in [
        "[]",
        "[[]]",
        "[[null]]",
        "[[\"Action\", \"Lead\"]]",
        "[[\"Action\", \"Lead\"], [1e308, -0.0]]",
    ] {
        let _ = validate_rows(rows(json), &Options::default());
    }
}

/// A 1,000-row sheet reads and checks quickly (the time is printed for the performance note).
#[test]
fn a_thousand_row_sheet_is_quick() {
    let mut csv = String::from(
        "Prevent Delivery Plan 2019-20\nRef,Objective,Action,Lead,Partners,Target date,Progress\n",
    );
    for index in 0..1000 {
        csv.push_str(&format!(
            "{}.{},Objective {},\"Deliver WRAP training to frontline staff in team {index}\",Prevent Coordinator & Chair of Channel Panel,\"Police; Schools\",Mar-20,On track\n",
            index / 10 + 1,
            index % 10 + 1,
            index / 10 + 1
        ));
    }
    let Ok(table) = table::read_delimited(&csv) else {
        unreachable!()
    };
    let started = Instant::now();
    let imported = table::import(&table);
    let import_time = started.elapsed();
    let started = Instant::now();
    let report = validate_csv(&csv, &Options::default());
    let total = started.elapsed();
    eprintln!("1,000-row sheet: import {import_time:?}, read + import + check {total:?}");
    assert_eq!(
        imported
            .map(|imported| imported.plan.actions().count())
            .ok(),
        Some(1000)
    );
    assert_eq!(report.summary.actions, 1000);
}

fn outline(report: &Report) -> Vec<(Option<String>, String, Vec<String>)> {
    report
        .plan
        .iter()
        .flat_map(|plan| &plan.sections)
        .map(|section| {
            let ids = section
                .actions
                .iter()
                .filter_map(|action| action.id.clone())
                .collect();
            (section.id.clone(), section.title.clone(), ids)
        })
        .collect()
}

#[test]
fn numbered_section_rows_and_ids_in_a_ref_column() {
    let csv = "Prevent Action Plan 2017/18\n\
               No.,Action,Lead,Timescale,RAG rating\n\
               1. Leadership,,,,\n\
               1.1,Refresh the Prevent partnership plan,Prevent Coordinator,Mar-18,Green\n\
               1.2,Report to the Community Safety Partnership,Head of Community Safety,Quarterly,\n\
               2. Training,,,,\n\
               2.1,Deliver WRAP to frontline staff,Prevent Coordinator,Sept 2017 - March 2018,Amber\n";
    let report = validate_csv(csv, &Options::default());
    assert_eq!(
        outline(&report),
        [
            (
                Some("1".into()),
                "Leadership".into(),
                vec!["1.1".into(), "1.2".into()]
            ),
            (Some("2".into()), "Training".into(), vec!["2.1".into()]),
        ]
    );
    let period = report.plan.as_ref().and_then(|plan| plan.period.as_ref());
    assert_eq!(
        period.and_then(|period| period.label.as_deref()),
        Some("2017/18")
    );
}

#[test]
fn ids_at_the_start_of_the_action_text_and_keyword_sections() {
    let csv = "Action;Lead;By when\n\
               Theme 1: Leadership;;\n\
               1.1 Refresh the plan;Prevent Coordinator;Mar-18\n\
               1.2 Report to the CSP;Head of Community Safety;Quarterly\n\
               Theme 2 - Training;;\n\
               2.1 Deliver WRAP;Prevent Coordinator & Chair of Channel Panel;Sept 2017\n";
    let report = validate_csv(csv, &Options::default());
    assert_eq!(
        outline(&report),
        [
            (
                Some("1".into()),
                "Leadership".into(),
                vec!["1.1".into(), "1.2".into()]
            ),
            (Some("2".into()), "Training".into(), vec!["2.1".into()]),
        ]
    );
    let last = report
        .plan
        .as_ref()
        .and_then(|plan| plan.actions().last().map(|action| action.action.clone()));
    assert_eq!(
        last.as_ref().map(|action| action.description.as_str()),
        Some("Deliver WRAP")
    );
    assert_eq!(
        last.map(|action| action.leads),
        Some(vec![
            "Prevent Coordinator".into(),
            "Chair of Channel Panel".into()
        ])
    );
}

#[test]
fn actions_written_in_lowercase_are_not_wrapped_lines() {
    let csv = "Action,Lead,Target date\n\
               deliver WRAP to frontline staff,Prevent Coordinator,March 2016\n\
               map venues and lettings,Facilities Manager,June 2016\n\
               review the referral pathway,Safeguarding Lead,April 2016\n\
               Refresh the Prevent plan,Prevent Coordinator,May 2016\n";
    let report = validate_csv(csv, &Options::default());
    assert_eq!(report.summary.actions, 4);
}
