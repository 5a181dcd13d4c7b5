//! Properties of the public functions over generated input: no panics, reports that are
//! valid JSON and round-trip, the plan as understood reads back as the same plan, inputs
//! are left as they were given, and no non-empty table cell is dropped silently.

// Test code: a panic here is a failing test, which is what these helpers are for.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{json, Value};

use prevent_plan_check::limits::MAX_CELL_CHARS;
use prevent_plan_check::schema::is_field_name;
use prevent_plan_check::table::address;
use prevent_plan_check::{
    parse_milestone, validate_csv, validate_json, validate_rows, validate_value, Cell, Options,
    Period, Report,
};

/// Serialises a report, checks the text parses back to the same JSON, and returns it.
fn round_trips(report: &Report) -> Value {
    let text = serde_json::to_string(report).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(report).unwrap(), value);
    assert_eq!(report.valid, report.summary.errors == 0);
    value
}

const WORDS: &[&str] = &[
    "Deliver",
    "WRAP",
    "training",
    "to",
    "staff",
    "Channel",
    "panel",
    "referral",
    "Prevent",
    "Lead",
    "Police",
    "schools",
    "Mar-18",
    "2017/18",
    "Q3",
    "ongoing",
    "monthly",
    "by",
    "April 2016",
    "see 2.1 above",
    "On track",
    "Complete",
    "RAG",
    "Mr",
    "Khan",
    "020 8489 1000",
    "a@b.co",
    "N17 9LN",
    "=HYPERLINK(\"x\")",
    "é",
    "—",
    "\u{200b}",
    "",
    " ",
    "\n",
    ",",
    ";",
    "\"",
    "1.2",
    "3",
    "<ul>",
    "&amp;",
];

fn phrase() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(proptest::sample::select(WORDS), 0..6).prop_map(|words| words.join(" ")),
        1 => any::<String>(),
    ]
}

fn milestone() -> impl Strategy<Value = Value> {
    prop_oneof![
        phrase().prop_map(Value::from),
        phrase().prop_map(|text| json!({ "text": text })),
    ]
}

fn action() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(phrase()),
        phrase(),
        proptest::collection::vec(phrase(), 0..3),
        proptest::collection::vec(phrase(), 0..2),
        proptest::collection::vec(milestone(), 0..3),
        proptest::option::of(phrase()),
    )
        .prop_map(|(id, description, leads, partners, milestones, status)| {
            let mut action = json!({
                "description": description, "leads": leads, "partners": partners,
                "milestones": milestones,
            });
            if let Some(id) = id {
                action["id"] = Value::from(id);
            }
            if let Some(status) = status {
                action["status"] = Value::from(status);
            }
            action
        })
}

fn plan() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(phrase()),
        proptest::option::of(proptest::sample::select(
            &["2017/18", "2015-16", "2008-11", "next year"][..],
        )),
        proptest::collection::vec((phrase(), proptest::collection::vec(action(), 0..4)), 0..4),
    )
        .prop_map(|(title, period, sections)| {
            let sections: Vec<Value> = sections
                .into_iter()
                .map(|(title, actions)| json!({ "title": title, "actions": actions }))
                .collect();
            let mut plan = json!({ "sections": sections });
            if let Some(title) = title {
                plan["title"] = Value::from(title);
            }
            if let Some(period) = period {
                plan["period"] = Value::from(period);
            }
            plan
        })
}

/// Any JSON value, a few levels deep: wrong shapes as well as right ones.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|number| json!(number)),
        any::<i64>().prop_map(Value::from),
        phrase().prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            proptest::collection::btree_map(
                proptest::sample::select(
                    &[
                        "sections",
                        "actions",
                        "title",
                        "description",
                        "milestones",
                        "leads",
                        "id",
                        "status",
                        "period",
                        "x"
                    ][..]
                )
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// JSON whose keys are the plan's own and an author's hostile ones (`__proto__`,
/// `constructor`, keys with `/` and `~`), with texts over the cell limit somewhere in it.
fn json_with_hostile_keys() -> impl Strategy<Value = Value> {
    let long = "x".repeat(MAX_CELL_CHARS + 1);
    let leaf = prop_oneof![
        2 => phrase().prop_map(Value::from),
        1 => Just(Value::from(long.clone())),
        1 => any::<i64>().prop_map(Value::from),
    ];
    let keys = proptest::sample::select(
        &[
            "sections",
            "actions",
            "milestones",
            "parsed",
            "title",
            "description",
            "leads",
            "__proto__",
            "constructor",
            "prototype",
            "toString",
            "__errors",
            "a/b~c",
            "",
        ][..],
    )
    .prop_map(str::to_owned);
    let long_key = Just(long).boxed();
    leaf.prop_recursive(6, 64, 4, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map(
                prop_oneof![4 => keys.clone(), 1 => long_key.clone()],
                inner,
                0..4
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        6 => phrase().prop_map(Cell::Text),
        2 => Just(Cell::Empty),
        1 => any::<f64>().prop_map(Cell::Number),
        1 => (40_000.0..50_000.0f64).prop_map(Cell::Number),
        1 => any::<bool>().prop_map(Cell::Bool),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    prop_oneof![
        Just(Options::default()),
        Just(Options::from_json(r#"{"period": "2017/18", "asOf": "2018-01-31"}"#).unwrap()),
        Just(Options::from_json(r#"{"profile": "schools", "locale": "cy"}"#).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_as_json_gives_a_report(text in any::<String>(), options in options()) {
        round_trips(&validate_json(&text, &options));
    }

    #[test]
    fn issue_paths_name_only_the_schemas_fields(value in json_with_hostile_keys()) {
        for report in [validate_value(value.clone(), &Options::default()), validate_json(&value.to_string(), &Options::default())] {
            for issue in &report.issues {
                let segments = issue.path.split('/').skip(1);
                for segment in segments {
                    prop_assert!(
                        segment.bytes().all(|byte| byte.is_ascii_digit()) && !segment.is_empty()
                            || is_field_name(segment),
                        "{} at {:?} names {segment:?}", issue.rule, issue.path
                    );
                }
            }
        }
    }

    #[test]
    fn any_json_value_gives_a_report_and_is_not_changed(value in any_json(), options in options()) {
        let text = value.to_string();
        round_trips(&validate_json(&text, &options));
        let before = value.clone();
        round_trips(&validate_value(value.clone(), &options));
        prop_assert_eq!(value, before);
    }

    #[test]
    fn the_plan_as_understood_reads_back_as_the_same_plan(plan in plan(), options in options()) {
        let first = validate_value(plan, &options);
        let report = round_trips(&first);
        let Some(understood) = first.plan else {
            return Ok(());
        };
        let again = validate_value(serde_json::to_value(&understood).unwrap(), &options);
        prop_assert_eq!(again.plan.as_ref(), Some(&understood));
        // Through JSON text too, as a caller would store and reload it.
        let reread = validate_json(&report["plan"].to_string(), &options);
        prop_assert_eq!(reread.plan.as_ref(), Some(&understood));
    }

    #[test]
    fn any_text_as_csv_gives_a_report(text in any::<String>()) {
        round_trips(&validate_csv(&text, &Options::default()));
    }

    #[test]
    fn any_rows_give_a_report(rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..8), 0..12)) {
        round_trips(&validate_rows(rows, &Options::default()));
    }

    #[test]
    fn any_milestone_text_reads_in_order(text in phrase(), period in proptest::option::of(Just("2017/18"))) {
        let reading = parse_milestone(&text, period.and_then(Period::parse));
        if let (Some(start), Some(end)) = (reading.start, reading.end) {
            prop_assert!(start <= end, "{text:?}");
        }
    }

    #[test]
    fn no_non_empty_cell_is_dropped_silently(table in table()) {
        let rows: Vec<Vec<Cell>> = table
            .iter()
            .map(|row| row.iter().map(|text| Cell::Text(text.clone())).collect())
            .collect();
        let report = validate_rows(rows, &Options::default());
        let report_json = round_trips(&report);
        let Some(plan) = report_json.get("plan").filter(|plan| !plan.is_null()) else {
            prop_assert!(report.issues.iter().any(|issue| issue.rule == "table-no-header"));
            return Ok(());
        };
        let plan_text = plan.to_string();
        let unmapped: Vec<&str> = report
            .issues
            .iter()
            .filter(|issue| issue.rule == "cell-unmapped")
            .filter_map(|issue| issue.cell.as_deref())
            .collect();
        let unmapped_columns: BTreeSet<String> =
            unmapped.iter().map(|cell| cell.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned()).collect();
        for (row, cells) in table.iter().enumerate().skip(1) {
            for (column, text) in cells.iter().enumerate() {
                let Some(tag) = text.split_whitespace().find(|word| word.starts_with("cell")) else {
                    continue;
                };
                let cell = address(row, column);
                let column_letters = cell.trim_end_matches(|c: char| c.is_ascii_digit());
                prop_assert!(
                    plan_text.contains(tag) || unmapped.contains(&cell.as_str()) || unmapped_columns.contains(column_letters),
                    "{cell} ({text:?}) is neither in the plan nor reported: {plan_text}"
                );
            }
        }
    }
}

/// A plan table: a header row of known (and one unknown) columns, then body rows whose
/// non-empty cells each carry a unique tag ("cell3x2") to look for in the plan.
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    const HEADERS: &[&str] = &[
        "Action",
        "Lead",
        "Partners",
        "Target date",
        "Progress",
        "RAG",
        "Budget",
        "Outputs",
    ];
    const CONTENT: &[&str] = &[
        "Deliver WRAP",
        "Prevent Lead",
        "Police and schools",
        "Mar-18",
        "On track",
        "Green",
        "1.2",
        "Training",
        // Markup, bullets and separators the importer strips or splits at: content around
        // them must still arrive (or be reported).
        "<li>",
        "<b",
        ">",
        "\u{b7}",
        "- x;",
        "(a",
        "&amp;",
        "",
        "",
    ];
    (
        proptest::sample::subsequence(HEADERS, 2..6),
        proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(CONTENT), 1..7),
            1..10,
        ),
    )
        .prop_map(|(mut headers, body)| {
            if !headers.contains(&"Action") {
                headers.insert(0, "Action");
            }
            let mut rows = vec![headers
                .iter()
                .map(|header| (*header).to_owned())
                .collect::<Vec<_>>()];
            for (row, contents) in body.into_iter().enumerate() {
                rows.push(
                    contents
                        .into_iter()
                        .enumerate()
                        .map(|(column, content)| {
                            if content.is_empty() {
                                String::new()
                            } else {
                                format!("{content} cell{}x{column}", row + 1)
                            }
                        })
                        .collect(),
                );
            }
            rows
        })
}
