//! Word documents and web pages (tests/fixtures/documents/make-documents.mjs) read into the
//! same plans, with the same issues, as the seed tables they were made from; Word's merged
//! cells, split tables, nested tables and tracked changes lose nothing; issues carry a
//! location a Word user can find. Each Word document is read twice: as the `docx` package
//! wrote it and as LibreOffice Writer saved it (`libreoffice/`, make-libreoffice.sh).
#![cfg(feature = "xlsx")]

use prevent_plan_check::report::Location;
use prevent_plan_check::{validate_csv, validate_file, Options, Report};

const DOCUMENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/documents");
const TABLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");
const SEEDS: &[&str] = &[
    "haringey-2008-11.tsv",
    "haringey-2013-14.tsv",
    "harrow-2015-16.csv",
    "cumbria-2015-16.tsv",
    "excel-style.csv",
];

fn read(folder: &str, name: &str) -> Vec<u8> {
    std::fs::read(format!("{folder}/{name}"))
        .unwrap_or_else(|error| unreachable!("{name}: {error}"))
}

fn check(name: &str) -> Report {
    validate_file(&read(DOCUMENTS, name), name, &Options::default())
}

/// A Word fixture's names: as the `docx` package wrote it, and as LibreOffice Writer saved it.
fn word_versions(name: &str) -> [String; 2] {
    [name.to_owned(), format!("libreoffice/{name}")]
}

/// An issue without where it is: rule, severity, field and message.
fn unlocated(report: &Report) -> Vec<(String, String, String)> {
    report
        .issues
        .iter()
        .filter(|issue| issue.rule != "cell-unmapped")
        .map(|issue| {
            (
                issue.rule.to_owned(),
                issue.path.clone(),
                issue.message.clone(),
            )
        })
        .collect()
}

#[test]
fn seed_documents_read_like_the_tables_they_came_from() {
    for seed in SEEDS {
        let stem = seed.rsplit_once('.').map_or(*seed, |(stem, _)| stem);
        let text = String::from_utf8(read(TABLES, seed)).unwrap_or_default();
        let from_table = validate_csv(&text, &Options::default());
        let [docx, writer] = word_versions(&format!("{stem}.docx"));
        for name in [docx, writer, format!("{stem}.html")] {
            let from_document = check(&name);
            assert_eq!(from_document.plan, from_table.plan, "{name}");
            assert_eq!(unlocated(&from_document), unlocated(&from_table), "{name}");
            assert_eq!(
                from_document.summary.errors, from_table.summary.errors,
                "{name}"
            );
        }
    }
}

#[test]
fn issues_carry_the_table_row_and_column() {
    let report = check("haringey-2013-14.docx");
    let located = report
        .issues
        .iter()
        .find(|issue| issue.rule == "milestone-missing")
        .and_then(|issue| issue.location.clone());
    let Some(Location {
        table,
        row,
        column,
        label,
        ..
    }) = located
    else {
        unreachable!("no location: {:?}", report.issues)
    };
    assert_eq!(table, 1);
    assert_eq!(
        label,
        format!(
            "Table 1, row {}, column {}",
            row.unwrap_or(0),
            column.unwrap_or(0)
        )
    );
    let welsh = validate_file(
        &read(DOCUMENTS, "haringey-2013-14.docx"),
        "haringey-2013-14.docx",
        &Options {
            locale: prevent_plan_check::Locale::Welsh,
            ..Options::default()
        },
    );
    let label = welsh
        .issues
        .iter()
        .find(|issue| issue.rule == "milestone-missing")
        .and_then(|issue| {
            issue
                .location
                .as_ref()
                .map(|location| location.label.clone())
        });
    assert!(label.is_some_and(|label| label.starts_with("Tabl 1, rhes ")));
}

fn actions(report: &Report) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    let Some(plan) = &report.plan else {
        unreachable!("no plan: {:?}", report.issues)
    };
    plan.sections
        .iter()
        .flat_map(|section| {
            section.actions.iter().map(|action| {
                (
                    section.title.clone(),
                    action.description.clone(),
                    action.leads.clone(),
                    action.milestones.iter().map(|m| m.text.clone()).collect(),
                )
            })
        })
        .collect()
}

type Row = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

fn expect(rows: &[Row]) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    rows.iter()
        .map(|(section, description, leads, milestones)| {
            (
                (*section).to_owned(),
                (*description).to_owned(),
                leads.iter().map(|lead| (*lead).to_owned()).collect(),
                milestones.iter().map(|m| (*m).to_owned()).collect(),
            )
        })
        .collect()
}

/// The reader hands the importer the merged-cell convention (docs/tables.md): a span's
/// text in its first cell, empty cells right of and below it.
#[test]
fn merged_cells_follow_the_convention() {
    for name in word_versions("merged-cells.docx") {
        let tables = prevent_plan_check::table::file::read(&read(DOCUMENTS, &name), &name)
            .unwrap_or_else(|failure| unreachable!("{failure:?}"));
        let rows: Vec<Vec<String>> = tables
            .first()
            .map(|table| {
                table
                    .rows
                    .iter()
                    .map(|row| row.iter().map(ToString::to_string).collect())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            rows,
            [
                vec!["Prevent Action Plan 2016/17"],
                vec!["Objective", "Action Point", "", "Lead", "Target date"],
                vec![
                    "Leadership",
                    "1.1",
                    "Establish the Prevent partnership board",
                    "Head of Community Safety",
                    "June 2016"
                ],
                vec![
                    "",
                    "1.2",
                    "Agree the Channel panel terms of reference",
                    "Channel Chair",
                    "September 2016"
                ],
                vec![
                    "Training",
                    "2.1",
                    "Deliver WRAP training to frontline staff",
                    "Prevent Coordinator",
                    "March 2017"
                ],
            ],
            "{name}"
        );
        let report = check(&name);
        assert_eq!(report.summary.actions, 3, "{name}: {:?}", report.issues);
    }
}

#[test]
fn a_plan_split_over_tables_is_one_plan_with_a_section_per_table() {
    for name in word_versions("multi-table.docx") {
        let report = check(&name);
        assert_eq!(
            actions(&report),
            expect(&[
                (
                    "Leadership",
                    "Establish the Prevent partnership board",
                    &["Head of Community Safety"],
                    &["June 2016"]
                ),
                (
                    "Training",
                    "Deliver WRAP training to frontline staff",
                    &["Prevent Coordinator"],
                    &["March 2017"]
                ),
                (
                    "Training",
                    "Train school governors",
                    &[],
                    &["December 2016"]
                ),
                (
                    "Channel",
                    "Review Channel referrals",
                    &["Channel Chair"],
                    &["Quarterly"]
                ),
            ]),
            "{name}"
        );
        let lead_missing = report
            .issues
            .iter()
            .find(|issue| issue.rule == "lead-missing")
            .and_then(|issue| issue.location.as_ref())
            .map(|location| location.label.as_str());
        assert_eq!(lead_missing, Some("Table 2, row 3, column 3"), "{name}");
    }
}

#[test]
fn tables_without_ids_are_numbered_on_across_the_document() {
    let table = |first: &str, second: &str| {
        format!("<table><tr><th>Action</th><th>Lead</th><th>Target date</th></tr><tr><td>{first}</td><td>Prevent Lead</td><td>March 2017</td></tr><tr><td>{second}</td><td>HR</td><td>June 2017</td></tr></table>")
    };
    let html = format!(
        "<h2>Leadership</h2>{}<h2>Training</h2>{}",
        table("Chair the Prevent board", "Refresh the risk assessment"),
        table("Deliver WRAP training", "Train governors")
    );
    let report = validate_file(html.as_bytes(), "plan.html", &Options::default());
    let plan = report.plan.as_ref().expect("a plan");
    let ids: Vec<Option<&str>> = plan
        .actions()
        .map(|action| action.action.id.as_deref())
        .collect();
    assert_eq!(ids, [Some("1"), Some("2"), Some("3"), Some("4")]);
    assert!(plan.ids_assigned);
    assert!(report
        .issues
        .iter()
        .all(|issue| issue.rule != "duplicate-id"));
}

#[test]
fn nested_tables_lose_nothing() {
    for name in word_versions("nested-table.docx") {
        let report = check(&name);
        let read = actions(&report);
        assert_eq!(read.len(), 1, "{name}: {read:?}");
        let milestones = read
            .first()
            .map(|(_, _, _, m)| m.join(" / "))
            .unwrap_or_default();
        assert!(
            milestones.contains("June 2016") && milestones.contains("March 2017"),
            "{milestones}"
        );
    }
}

#[test]
fn tracked_changes_read_as_accepted_and_text_boxes_are_read() {
    for name in word_versions("tracked-changes.docx") {
        let report = check(&name);
        assert_eq!(
            actions(&report),
            expect(&[
                (
                    "Actions",
                    "Deliver WRAP training to frontline staff",
                    &["Prevent Coordinator"],
                    &["March 2017"]
                ),
                (
                    "Actions",
                    "Review the Channel panel\n(with the police)",
                    &["Channel Chair"],
                    &["June 2016"]
                ),
            ]),
            "{name}"
        );
    }
}

/// What Word, LibreOffice Writer, Excel and Chrome put on the clipboard for the same plan
/// (tests/fixtures/documents/clipboard/, written as each writes it): one plan, read alike.
#[test]
fn clipboard_html_from_each_program_reads_alike() {
    let mut plans = Vec::new();
    for program in ["word", "libreoffice", "excel", "chrome"] {
        let name = format!("clipboard/{program}.html");
        let report = check(&name);
        let read = actions(&report);
        let descriptions: Vec<String> = read
            .iter()
            .map(|(_, description, _, _)| {
                description
                    .replace('·', "-")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let leads: Vec<Vec<String>> = read.iter().map(|(_, _, leads, _)| leads.clone()).collect();
        let milestones: Vec<Vec<String>> = read.iter().map(|(_, _, _, m)| m.clone()).collect();
        assert_eq!(
            leads,
            [
                vec!["Head of Community Safety".to_owned()],
                vec!["Prevent Coordinator".to_owned()]
            ],
            "{program}"
        );
        assert_eq!(
            milestones,
            [vec!["June 2016".to_owned()], vec!["March 2017".to_owned()]],
            "{program}"
        );
        let title = report.plan.as_ref().and_then(|plan| plan.title.clone());
        assert_eq!(
            title.as_deref(),
            Some("Prevent Action Plan 2016/17"),
            "{program}"
        );
        plans.push((program, descriptions));
    }
    for (program, descriptions) in &plans {
        assert_eq!(
            descriptions.first().map(String::as_str),
            Some("Establish the Prevent partnership board"),
            "{program}"
        );
        let training = descriptions.get(1).cloned().unwrap_or_default();
        assert!(
            training.contains("frontline staff") && training.contains("school governors"),
            "{program}: {training}"
        );
    }
}
