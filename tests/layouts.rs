//! Plan tables as councils, schools, colleges, universities and NHS trusts write them
//! (tests/fixtures/tables/, one fixture per layout): action plans, self-assessments and gap
//! analyses, risk assessments and registers, merged header cells, two tables on one sheet,
//! repeated headers, title periods, leads as initials or joined by slashes. Each fixture is
//! checked for its ids, leads, milestones, column roles and coverage, and for losing nothing:
//! every word of every non-empty cell is in the plan or its cell is named by `cell-unmapped`.

use std::collections::BTreeSet;

use prevent_plan_check::coverage::CoverageStatus;
use prevent_plan_check::model::{Action, Plan};
use prevent_plan_check::table::{self, address, header, Imported};
use prevent_plan_check::{validate_csv, Options, ProfileChoice, Report};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");

/// What one fixture must read as.
struct Layout {
    fixture: &'static str,
    profile: &'static str,
    /// Period label and its first and last day, as checked against the profile's sector.
    period: Option<(&'static str, &'static str, &'static str)>,
    ids: &'static [&'static str],
    ids_assigned: bool,
    /// Action id -> its leads.
    leads: &'static [(&'static str, &'static [&'static str])],
    /// Action id -> its milestones as written.
    milestones: &'static [(&'static str, &'static [&'static str])],
    /// Ids of actions whose action text is empty (evidence or a risk only).
    without_action: &'static [&'static str],
    /// Action id -> (field, start of its text): requirement, evidence, risk, rag.
    roles: &'static [(&'static str, &'static str, &'static str)],
    /// Categories of the profile the plan must cover.
    covers: &'static [&'static str],
    /// Cells reported by `cell-unmapped` (a column is named by its header cell).
    unmapped: &'static [&'static str],
}

const LAYOUTS: &[Layout] = &[
    Layout {
        fixture: "council-delivery-2019-21.csv",
        profile: "la-2023",
        period: Some(("2019-2021", "2019-04-01", "2021-03-31")),
        ids: &[
            "1.1", "1.2", "2.1", "3.1", "4.1", "5.1", "6.1", "6.2", "7.1", "7.2", "8.1", "8.2",
            "9.1",
        ],
        ids_assigned: false,
        leads: &[
            ("2.1", &["Prevent Coordinator", "Police Prevent Lead"]),
            ("5.1", &["Assistant Director Children's Services"]),
            (
                "9.1",
                &["Children's Services", "Education Safeguarding Lead"],
            ),
        ],
        milestones: &[("1.1", &["Quarterly"]), ("7.1", &["Nov-19"])],
        without_action: &[],
        roles: &[("7.1", "rag", "R")],
        covers: &[
            "partnership",
            "risk_assessment",
            "partnership_plan",
            "referral_pathway",
            "channel_panel",
            "training",
            "permissive_environments",
            "communications_engagement",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "council-self-assessment-2020-21.csv",
        profile: "la-2023",
        period: Some(("2020-21", "2020-04-01", "2021-03-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8"],
        ids_assigned: false,
        leads: &[("7", &["Facilities", "Legal"])],
        milestones: &[("2", &["Dec-20"]), ("1", &[])],
        without_action: &["1", "3"],
        roles: &[
            (
                "1",
                "requirement",
                "There is a multi-agency partnership board",
            ),
            (
                "1",
                "evidence",
                "The Prevent Partnership Board meets quarterly",
            ),
            ("6", "evidence", "WRAP delivered to 300 staff"),
        ],
        covers: &[
            "partnership",
            "risk_assessment",
            "partnership_plan",
            "channel_panel",
            "training",
            "permissive_environments",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "council-action-points-feb-2017.csv",
        profile: "la-2023",
        period: None,
        ids: &["1", "2", "3", "4", "5", "6", "7", "8"],
        ids_assigned: false,
        leads: &[("4", &["AD Children's Social Care"])],
        milestones: &[("5", &["Ongoing"]), ("7", &["September 2017"])],
        without_action: &[],
        roles: &[],
        covers: &[
            "partnership",
            "channel_panel",
            "training",
            "referral_pathway",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "council-risks-and-actions-2015-18.csv",
        profile: "la-2023",
        period: Some(("2015-18", "2015-04-01", "2018-03-31")),
        ids: &["1", "2", "3", "4", "5", "6"],
        ids_assigned: false,
        leads: &[("3", &["Prevent Coordinator"])],
        milestones: &[("5", &["Sep-16 and Mar-17"])],
        without_action: &[],
        roles: &[],
        covers: &["training", "permissive_environments", "referral_pathway"],
        unmapped: &[],
    },
    Layout {
        fixture: "council-action-plan-2013-16.csv",
        profile: "la-2023",
        period: Some(("2013/14-2015/16", "2013-04-01", "2016-03-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8"],
        ids_assigned: true,
        leads: &[
            ("4", &["LSCB", "LSAB"]),
            ("5", &["EQUIP – commissioned by NBBC and WCC"]),
            ("8", &["Prevent Coordinator", "Community Cohesion Team"]),
        ],
        milestones: &[("6", &["Mar 2014 – Mar 2015"])],
        without_action: &[],
        roles: &[],
        covers: &[
            "leadership",
            "channel_panel",
            "training",
            "out_of_school_settings",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "school-risk-assessment-2021-22.csv",
        profile: "schools",
        // A school's "2021-22" is an academic year.
        period: Some(("2021-22", "2021-09-01", "2022-08-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        ids_assigned: true,
        leads: &[
            ("3", &["SY", "RL"]),
            ("5", &["Computing Lead", "IT Technician"]),
        ],
        milestones: &[("3", &["Sept 2021"]), ("5", &["Termly"])],
        without_action: &["6"],
        roles: &[
            ("3", "risk", "Staff are not able to recognise signs"),
            ("3", "severity", "4"),
            ("3", "likelihood", "3"),
            ("3", "rating", "12"),
            ("5", "evidence", "ICT filters and policies protect students"),
        ],
        covers: &[
            "training",
            "it_filtering",
            "british_values",
            "external_speakers",
            "referral_pathway",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "school-action-plan-2022-23.csv",
        profile: "schools",
        period: Some(("2022-23", "2022-09-01", "2023-08-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8"],
        ids_assigned: true,
        leads: &[("7", &["DSL", "Head of Year 9"]), ("6", &[])],
        milestones: &[("5", &["Spring term 2023"]), ("6", &[])],
        without_action: &[],
        roles: &[("2", "rag", "A")],
        covers: &[
            "training",
            "british_values",
            "policy_integration",
            "monitoring_review",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "fe-college-self-assessment-2019-20.csv",
        profile: "further-education",
        period: Some(("2019/20", "2019-09-01", "2020-08-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        ids_assigned: true,
        leads: &[("4", &["HR Manager", "Head of Safeguarding"])],
        milestones: &[("6", &["Jun-20"])],
        without_action: &["2", "7"],
        roles: &[
            ("2", "evidence", "The Prevent lead attends"),
            ("5", "requirement", "There is pastoral support"),
        ],
        covers: &[
            "partnership",
            "it_filtering",
            "welfare_pastoral",
            "external_speakers",
            "british_values",
        ],
        // "Page 2" on the repeated header row.
        unmapped: &["G6"],
    },
    Layout {
        fixture: "fe-college-action-plan-2020-23.tsv",
        profile: "further-education",
        period: Some(("2020/23", "2020-09-01", "2023-08-31")),
        // Numbering restarts in each section: the section qualifies it.
        ids: &["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2"],
        ids_assigned: false,
        leads: &[(
            "2.3",
            &["Student Engagement Officer", "Students' Union President"],
        )],
        milestones: &[("1.3", &["Termly"])],
        without_action: &[],
        roles: &[],
        covers: &[
            "leadership",
            "training",
            "students_union",
            "it_filtering",
            "external_speakers",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "university-risk-register-2021-22.csv",
        profile: "higher-education",
        period: Some(("2021-22", "2021-09-01", "2022-08-31")),
        ids: &["PR1", "PR2", "PR3", "PR4", "PR5", "PR6"],
        ids_assigned: false,
        leads: &[
            (
                "PR2",
                &["Head of Risk", "University Secretary", "Head of Security"],
            ),
            ("PR5", &["Head of HR", "Director of Student Services"]),
        ],
        milestones: &[("PR1", &["Dec-21"])],
        without_action: &[],
        roles: &[
            ("PR2", "risk", "External speakers A speaker draws students"),
            ("PR2", "rating", "12"),
            ("PR3", "evidence", "Acceptable use policy"),
        ],
        covers: &[
            "reporting",
            "external_speakers",
            "students_union",
            "it_filtering",
            "welfare_pastoral",
            "training",
        ],
        unmapped: &[],
    },
    Layout {
        fixture: "university-toolkit-self-assessment-2018-19.csv",
        profile: "higher-education",
        period: Some(("2018/19", "2018-09-01", "2019-08-31")),
        ids: &["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"],
        ids_assigned: false,
        leads: &[("3.1", &["SU Chief Executive", "Events Manager"])],
        milestones: &[("2.2", &["Jan-19"])],
        without_action: &["1.1", "3.2"],
        roles: &[("1.1", "evidence", "The Academic Registrar")],
        covers: &["leadership", "risk_assessment", "external_speakers"],
        unmapped: &[],
    },
    Layout {
        fixture: "nhs-trust-action-plan-2015-16.csv",
        profile: "health",
        // "VERSION 1.0 NOVEMBER 2015" dates the document: it is no period (and is reported).
        period: None,
        ids: &["1", "2", "3", "4", "5", "6", "7"],
        ids_assigned: false,
        leads: &[(
            "3",
            &["Head of Safeguarding", "Learning and Development Manager"],
        )],
        milestones: &[("5", &["Ongoing"])],
        without_action: &[],
        roles: &[
            ("1", "requirement", "The Trust has a named Prevent lead"),
            ("1", "evidence", "Board minutes"),
        ],
        covers: &[
            "leadership",
            "training",
            "referral_pathway",
            "channel_panel",
            "partnership",
            "policy_integration",
            "monitoring_review",
        ],
        unmapped: &["A2"],
    },
    Layout {
        fixture: "nhs-prevent-gap-analysis-2017-18.csv",
        profile: "health",
        period: Some(("2017/18", "2017-04-01", "2018-03-31")),
        ids: &["1", "2", "3", "4", "5", "6", "7"],
        ids_assigned: true,
        leads: &[("3", &["Safeguarding Adults Lead"])],
        milestones: &[("7", &["Quarterly"])],
        without_action: &["1", "6"],
        roles: &[
            ("2", "evidence", "72% of staff"),
            ("2", "risk", "Training below the 85% target"),
            ("2", "rag", "R"),
        ],
        covers: &[
            "leadership",
            "training",
            "referral_pathway",
            "channel_panel",
            "partnership",
            "policy_integration",
        ],
        unmapped: &[],
    },
];

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}"))
        .unwrap_or_else(|error| unreachable!("{name}: {error}"))
}

fn import(name: &str) -> (table::Table, Imported) {
    let table = table::read_delimited(&read(name))
        .unwrap_or_else(|issue| unreachable!("{name}: {}", issue.message));
    let imported =
        table::import(&table).unwrap_or_else(|issue| unreachable!("{name}: {}", issue.message));
    (table, imported)
}

fn check(name: &str, profile: &str) -> Report {
    let options = Options {
        profile: Some(ProfileChoice::Id(profile.into())),
        ..Options::default()
    };
    validate_csv(&read(name), &options)
}

fn action<'p>(plan: &'p Plan, id: &str) -> &'p Action {
    plan.actions()
        .map(|action| action.action)
        .find(|action| action.id.as_deref() == Some(id))
        .unwrap_or_else(|| unreachable!("no action {id}"))
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every non-empty cell is in the plan (each of its words), is a heading of the table (in a
/// header row), or is named by `cell-unmapped` (at its cell, or its column's header cell
/// above it). Stray text on header rows is checked by each fixture's `unmapped` list.
fn assert_nothing_lost(name: &str, table: &table::Table, imported: &Imported) {
    let plan_json = serde_json::to_string(&imported.plan).unwrap_or_default();
    let in_plan: BTreeSet<String> = words(&plan_json).into_iter().collect();
    let unmapped: Vec<(&str, bool)> = imported
        .issues
        .iter()
        .filter(|issue| issue.rule == "cell-unmapped")
        .filter_map(|issue| {
            let whole_column = issue.message.starts_with("Column");
            issue.cell.as_deref().map(|cell| (cell, whole_column))
        })
        .collect();
    let column_letters =
        |cell: &str| -> String { cell.chars().take_while(char::is_ascii_alphabetic).collect() };
    let row_number = |cell: &str| -> usize {
        cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .unwrap_or(0)
    };
    for (row, cells) in table.rows.iter().enumerate() {
        let texts: Vec<String> = cells.iter().map(|cell| cell.text(false)).collect();
        let header_row = header::score(&texts).is_some();
        for (column, cell) in cells.iter().enumerate() {
            let text = cell.text(false);
            if text.trim().is_empty() {
                continue;
            }
            let at = address(row, column);
            let named = unmapped.iter().any(|(cell, whole_column)| {
                *cell == at
                    || (*whole_column
                        && column_letters(cell) == column_letters(&at)
                        && row_number(cell) <= row + 1)
            });
            let heading = header_row || header::classify(&text).is_some();
            let kept = words(&text).iter().all(|word| in_plan.contains(word));
            assert!(
                named || heading || kept,
                "{name}: {at} ({text:?}) is neither in the plan nor reported"
            );
        }
    }
}

fn role<'a>(action: &'a Action, field: &str) -> Option<&'a str> {
    let risk = action.risk.as_ref();
    match field {
        "requirement" => action.requirement.as_deref(),
        "evidence" => action.evidence.as_deref(),
        "rag" => action.rag.as_deref(),
        "risk" => risk.map(|risk| risk.text.as_str()),
        "severity" => risk.and_then(|risk| risk.severity.as_deref()),
        "likelihood" => risk.and_then(|risk| risk.likelihood.as_deref()),
        "rating" => risk.and_then(|risk| risk.rating.as_deref()),
        other => unreachable!("no role {other}"),
    }
}

#[test]
fn every_layout_reads_with_nothing_lost() {
    for layout in LAYOUTS {
        let name = layout.fixture;
        let (table, imported) = import(name);
        assert_nothing_lost(name, &table, &imported);

        let report = check(name, layout.profile);
        let Some(plan) = &report.plan else {
            unreachable!("{name}: no plan")
        };
        let ids: Vec<&str> = plan
            .actions()
            .filter_map(|action| action.action.id.as_deref())
            .collect();
        assert_eq!(ids, layout.ids, "{name}: ids");
        assert_eq!(
            plan.ids_assigned, layout.ids_assigned,
            "{name}: idsAssigned"
        );
        let period = plan.period.as_ref().and_then(|period| {
            let dates = period.dates?;
            Some((
                period.label.clone().unwrap_or_default(),
                dates.start.to_string(),
                dates.end.to_string(),
            ))
        });
        let expected = layout
            .period
            .map(|(label, start, end)| (label.to_owned(), start.to_owned(), end.to_owned()));
        assert_eq!(period, expected, "{name}: period");
        for (id, leads) in layout.leads {
            assert_eq!(action(plan, id).leads, *leads, "{name} {id}: leads");
        }
        for (id, milestones) in layout.milestones {
            let read: Vec<&str> = action(plan, id)
                .milestones
                .iter()
                .map(|milestone| milestone.text.as_str())
                .collect();
            assert_eq!(read, *milestones, "{name} {id}: milestones");
        }
        for id in layout.ids {
            let empty = action(plan, id).description.is_empty();
            assert_eq!(
                empty,
                layout.without_action.contains(id),
                "{name} {id}: action text"
            );
        }
        let action_missing: Vec<&str> = report
            .issues
            .iter()
            .filter(|issue| issue.rule == "action-missing")
            .filter_map(|issue| issue.action.as_deref())
            .collect();
        assert_eq!(
            action_missing, layout.without_action,
            "{name}: action-missing"
        );
        for (id, field, start) in layout.roles {
            let text = role(action(plan, id), field).unwrap_or_default();
            assert!(
                text.starts_with(start),
                "{name} {id}: {field} is {text:?}, expected {start:?}..."
            );
        }
        for category in layout.covers {
            let status = report
                .coverage
                .get(*category)
                .map(|coverage| coverage.status);
            assert!(
                status.is_some_and(|status| status != CoverageStatus::Missing),
                "{name}: {category} is {status:?}"
            );
        }
        let unmapped: Vec<&str> = report
            .issues
            .iter()
            .filter(|issue| issue.rule == "cell-unmapped")
            .filter_map(|issue| issue.cell.as_deref())
            .collect();
        let expected_unmapped: Vec<&str> = layout.unmapped.to_vec();
        assert_eq!(unmapped, expected_unmapped, "{name}: cells reported unread");
    }
}

fn issues_of<'r>(report: &'r Report, rule: &str) -> Vec<(&'r str, Option<&'r str>)> {
    report
        .issues
        .iter()
        .filter(|issue| issue.rule == rule)
        .map(|issue| (issue.message.as_str(), issue.cell.as_deref()))
        .collect()
}

#[test]
fn draft_rows_with_only_action_text_stay_actions_and_lack_a_lead() {
    // Issue 17 item 6: in a table without ids, a row with only its action text (no lead or
    // date yet) was read as a section heading and vanished.
    let csv = "Action,Lead,Target date\n\
               Deliver WRAP training to frontline staff,Prevent Lead,March 2016\n\
               Review the Channel panel terms of reference,,\n\
               Train school governors,,\n";
    let report = validate_csv(csv, &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    let descriptions: Vec<&str> = plan
        .actions()
        .map(|action| action.action.description.as_str())
        .collect();
    assert_eq!(
        descriptions,
        [
            "Deliver WRAP training to frontline staff",
            "Review the Channel panel terms of reference",
            "Train school governors"
        ]
    );
    assert_eq!(plan.sections.len(), 1);
    let cells: Vec<Option<&str>> = issues_of(&report, "lead-missing")
        .into_iter()
        .map(|(_, cell)| cell)
        .collect();
    assert_eq!(cells, [Some("B3"), Some("B4")]);

    // A short name in the first column with nothing beside it is still a heading.
    let csv = "Action,Lead,Target date\n\
               Governance\n\
               Form a Prevent steering group,Community Safety Manager,June 2016\n";
    let report = validate_csv(csv, &Options::default());
    let titles: Vec<&str> = report
        .plan
        .iter()
        .flat_map(|plan| &plan.sections)
        .map(|section| section.title.as_str())
        .collect();
    assert_eq!(titles, ["Governance"]);
}

#[test]
fn extra_text_on_a_repeated_header_row_is_reported() {
    // Issue 17 item 6: "Page 2" on a repeated header row was dropped silently.
    let csv = "Action,Lead,Target date,\n\
               Deliver WRAP training,Prevent Lead,March 2016,\n\
               Action,Lead,Target date,Page 2\n\
               Review the Channel panel,Chair of Channel,June 2016,\n";
    let report = validate_csv(csv, &Options::default());
    let unmapped = issues_of(&report, "cell-unmapped");
    assert_eq!(unmapped.len(), 1, "{unmapped:?}");
    assert!(unmapped
        .iter()
        .all(|(message, cell)| message.contains("Page 2") && *cell == Some("D3")));
    assert_eq!(report.summary.actions, 2);
}

#[test]
fn a_row_with_evidence_and_no_action_is_reported_at_its_cell() {
    let csv = "Requirement,Work to date,Action required,Owner,Date\n\
               There is a Prevent lead,The DSL is the Prevent lead,,DSL,\n\
               Staff are trained,,Deliver WRAP to all staff,DSL,Sep-21\n";
    let report = validate_csv(csv, &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    assert!(plan.ids_assigned);
    // Nothing to lead or date yet: the row is reported once, not also for its empty date.
    assert!(issues_of(&report, "milestone-missing").is_empty());
    assert_eq!(
        issues_of(&report, "action-missing"),
        [("Action 1 records work to date but no action", Some("C2"))]
    );
}

#[test]
fn a_header_merged_over_numbers_and_text_names_the_text() {
    // "Action Point" spans a number column and a text column; the second header cell is blank.
    let csv = "Action Point,,Lead,Timescale\n\
               1.,Establish a Prevent steering group,Community Safety Manager,March 2017\n\
               2.,Deliver WRAP training,Prevent Coordinator,Ongoing\n";
    let report = validate_csv(csv, &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    let read: Vec<(Option<&str>, &str)> = plan
        .actions()
        .map(|action| {
            (
                action.action.id.as_deref(),
                action.action.description.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some("1"), "Establish a Prevent steering group"),
            (Some("2"), "Deliver WRAP training")
        ]
    );
    assert!(issues_of(&report, "cell-unmapped").is_empty());
}

#[test]
fn a_period_label_is_an_academic_year_for_schools_and_a_financial_year_for_councils() {
    let csv = "Prevent Action Plan 2021-22\nAction,Lead,Target date\nTrain staff,DSL,Oct 2021\n";
    let period_for = |profile: &str| {
        let options = Options {
            profile: Some(ProfileChoice::Id(profile.into())),
            ..Options::default()
        };
        validate_csv(csv, &options)
            .plan
            .and_then(|plan| plan.period)
            .and_then(|period| period.dates)
            .map(|dates| (dates.start.to_string(), dates.end.to_string()))
    };
    let span = |start: &str, end: &str| Some((start.to_owned(), end.to_owned()));
    assert_eq!(period_for("schools"), span("2021-09-01", "2022-08-31"));
    assert_eq!(
        period_for("higher-education"),
        span("2021-09-01", "2022-08-31")
    );
    assert_eq!(period_for("la-2023"), span("2021-04-01", "2022-03-31"));
}

#[test]
fn a_rag_key_above_the_plan_is_no_table_and_a_repeated_id_stays_a_mistake() {
    // A key to the RAG colours above the plan is reported, not read as actions; an id
    // repeated by mistake in another section is not taken for numbering that restarts.
    let csv = "RAG,Status,Description\n\
               R,Not started,Action is behind schedule\n\
               \n\
               Ref,Action,Lead,Target date\n\
               Training\n\
               1,Deliver WRAP training,Prevent Lead,March 2016\n\
               2,Train governors,Education Lead,May 2016\n\
               Venues\n\
               3,Review the lettings policy,Head of Property,June 2016\n\
               2,Check bookings against the policy,Facilities Manager,July 2016\n";
    let report = validate_csv(csv, &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    let ids: Vec<&str> = plan
        .actions()
        .filter_map(|action| action.action.id.as_deref())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "2"]);
    assert_eq!(issues_of(&report, "duplicate-id").len(), 1);
    let unmapped: Vec<Option<&str>> = issues_of(&report, "cell-unmapped")
        .into_iter()
        .map(|(_, cell)| cell)
        .collect();
    assert_eq!(
        unmapped,
        [
            Some("A1"),
            Some("B1"),
            Some("C1"),
            Some("A2"),
            Some("B2"),
            Some("C2")
        ]
    );
}

#[test]
fn work_to_date_in_an_action_plan_is_progress() {
    let csv = "Action,Lead,Target date,Work to date\n\
               Deliver WRAP training,Prevent Lead,March 2016,Complete\n";
    let report = validate_csv(csv, &Options::default());
    let action = report.plan.as_ref().and_then(|plan| plan.actions().next());
    let status = action.and_then(|action| action.action.status.as_ref());
    assert_eq!(status.map(|status| status.text.as_str()), Some("Complete"));
    assert_eq!(
        action.and_then(|action| action.action.evidence.as_deref()),
        None
    );
}

#[test]
fn a_header_over_two_rows_names_the_scores_on_its_second_row() {
    let csv = "Risk,Risk Score,,,Further action,Risk Owner,Completion Date\n\
               ,Severity,Likelihood,Rating,,,\n\
               Speakers promote extremist views,4,2,8,Vet all visiting speakers,Office Manager,Dec 2021\n";
    let report = validate_csv(csv, &Options::default());
    let risk = report
        .plan
        .as_ref()
        .and_then(|plan| plan.actions().next())
        .and_then(|action| action.action.risk.clone());
    let scores = risk.map(|risk| (risk.text, risk.severity, risk.likelihood, risk.rating));
    let text = |value: &str| Some(value.to_owned());
    assert_eq!(
        scores,
        Some((
            "Speakers promote extremist views".to_owned(),
            text("4"),
            text("2"),
            text("8")
        ))
    );
    assert_eq!(report.summary.actions, 1);
    assert!(issues_of(&report, "cell-unmapped").is_empty());
}

#[test]
fn an_unanswered_requirement_is_reported_not_made_a_heading() {
    let csv = "Requirement,Evidence,Action required,Owner,Date\n\
               Is there a named Prevent lead?,The Deputy Head is the Prevent lead,,Head,\n\
               Are staff trained to recognise the signs of radicalisation?,,,,\n\
               Does the school filter extremist content online?,Filtering in place,Test it termly,IT Lead,Termly\n";
    let report = validate_csv(csv, &Options::default());
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(report.summary.actions, 3);
    let missing: Vec<&str> = issues_of(&report, "action-missing")
        .into_iter()
        .map(|(message, _)| message)
        .collect();
    assert_eq!(
        missing,
        [
            "Action 1 records work to date but no action",
            "Action 2 records a requirement but no action"
        ]
    );
}
