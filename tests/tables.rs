//! The seed plan tables (tests/fixtures/tables/) read into plans that match their printed
//! structure, and the bundled example plans (pkg/examples/) generated from them.
//!
//! `UPDATE_EXAMPLES=1 cargo test --test tables` rewrites pkg/examples/*.json.

use prevent_plan_check::model::{Action, Plan, PlanPeriod};
use prevent_plan_check::table::{self, export, Imported};
use prevent_plan_check::{validate_csv, Options, Period};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");

/// A seed table, the example plan made from it, and what the table itself does not say
/// (taken from the seed's cover text).
struct Seed {
    fixture: &'static str,
    example: &'static str,
    period: Option<&'static str>,
    authority: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        fixture: "haringey-2008-11.tsv",
        example: "haringey-2008-11",
        period: None,
        authority: Some("Haringey"),
    },
    Seed {
        fixture: "haringey-2013-14.tsv",
        example: "haringey-2013-14",
        period: None,
        authority: None,
    },
    Seed {
        fixture: "harrow-2015-16.csv",
        example: "harrow-2015-16",
        period: Some("2015-16"),
        authority: Some("Harrow"),
    },
    Seed {
        fixture: "cumbria-2015-16.tsv",
        example: "cumbria-2015-16",
        period: Some("2015-16"),
        authority: Some("Cumbria"),
    },
];

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}"))
        .unwrap_or_else(|error| unreachable!("{name}: {error}"))
}

fn import(name: &str) -> Imported {
    let table = table::read_delimited(&read_fixture(name))
        .unwrap_or_else(|issue| unreachable!("{name}: {}", issue.message));
    table::import(&table).unwrap_or_else(|issue| unreachable!("{name}: {}", issue.message))
}

fn action<'p>(plan: &'p Plan, id: &str) -> &'p Action {
    plan.sections
        .iter()
        .flat_map(|section| &section.actions)
        .find(|action| action.id.as_deref() == Some(id))
        .unwrap_or_else(|| unreachable!("no action {id}"))
}

fn milestones(action: &Action) -> Vec<&str> {
    action
        .milestones
        .iter()
        .map(|milestone| milestone.text.as_str())
        .collect()
}

fn section_titles(plan: &Plan) -> Vec<&str> {
    plan.sections
        .iter()
        .map(|section| section.title.as_str())
        .collect()
}

fn action_counts(plan: &Plan) -> Vec<usize> {
    plan.sections
        .iter()
        .map(|section| section.actions.len())
        .collect()
}

#[test]
fn haringey_2008_11_reads_objectives_actions_and_page_breaks() {
    let Imported { plan, sources, .. } = import("haringey-2008-11.tsv");
    assert_eq!(plan.title.as_deref(), Some("PREVENT ACTION PLAN 2008-11"));
    assert_eq!(
        plan.period
            .as_ref()
            .and_then(|period| period.label.as_deref()),
        Some("2008-11")
    );
    assert_eq!(action_counts(&plan), [3, 5, 4, 3]);
    let ids: Vec<&str> = plan
        .sections
        .iter()
        .map(|section| section.id.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert!(section_titles(&plan)
        .first()
        .is_some_and(|title| title.starts_with("UNDERSTANDING OF, AND ENGAGEMENT WITH")));

    let first = action(&plan, "1");
    assert_eq!(
        first.description,
        "Mapping Haringey's Muslim Communities and Services"
    );
    assert_eq!(
        first.leads,
        ["PREVENT Lead Officers", "LBH Consultation Manager"]
    );
    assert_eq!(
        milestones(first),
        ["To be completed by end of January 2009"]
    );
    assert_eq!(
        first.outputs,
        ["Reference document to include, Masjids, Supplementary schools, meeting places"]
    );
    assert_eq!(
        first.status.as_ref().map(|status| status.text.as_str()),
        Some("On target to be completed")
    );

    // Action 6 runs over a page break: the second half joins the first.
    let sixth = action(&plan, "6");
    assert_eq!(
        sixth.leads,
        ["CONEL BRACE CYPS Haringey", "PREVENT Lead Officers"]
    );
    assert_eq!(
        sixth.outputs,
        ["Planning notes on possible outputs Develop appropriate resources"]
    );
    assert_eq!(
        sixth.status.as_ref().map(|status| status.text.as_str()),
        Some("Options and practice elsewhere is being researched")
    );
    assert_eq!(milestones(action(&plan, "3")), ["Sept 2008 March 2009"]);
    assert_eq!(action(&plan, "10").outputs.len(), 1);
    assert_eq!(
        action(&plan, "15").leads,
        ["PREVENT Steering Group", "MPS/LBH"]
    );
    assert!(action(&plan, "8").status.is_none());

    // Fields point at their cells: row 7 holds action 1 (rows 1-4: title, blank, objective, header).
    assert_eq!(sources.cell("/sections/0/actions/0"), Some("A5"));
    assert_eq!(
        sources.cell("/sections/0/actions/0/milestones/0"),
        Some("C5")
    );
    assert_eq!(sources.cell("/sections/0/actions/0/leads/1"), Some("D5"));
    assert_eq!(sources.cell("/sections/1/actions/2/leads/1"), Some("D14"));
    assert_eq!(sources.cell("/title"), Some("A1"));
}

#[test]
fn haringey_2013_14_reads_wrapped_rows_priorities_and_issues() {
    let Imported { plan, issues, .. } = import("haringey-2013-14.tsv");
    assert_eq!(plan.authority.as_deref(), Some("Haringey"));
    assert_eq!(
        plan.period
            .as_ref()
            .and_then(|period| period.label.as_deref()),
        Some("2013-14")
    );
    let priorities: Vec<&str> = plan
        .strategic_priorities
        .iter()
        .map(|priority| priority.id.as_str())
        .collect();
    assert_eq!(priorities, ["1", "2", "3"]);
    assert_eq!(
        section_titles(&plan),
        [
            "Joint strategic governance / management",
            "Engagement and local awareness",
            "Co-ordinated commissioning of programmes to meet national and local Prevent objectives",
            "Embedding partnership work within the borough",
        ]
    );
    assert_eq!(action_counts(&plan), [4, 7, 4, 1]);

    let governance = &plan
        .sections
        .first()
        .map(|section| section.actions.clone())
        .unwrap_or_default();
    let [first, _, channel_chair, broadening] = governance.as_slice() else {
        unreachable!("{governance:?}")
    };
    assert_eq!(first.leads, ["Prevent Coordinator", "Chair of HPDG"]);
    assert_eq!(first.outcomes, ["1", "2", "3"]);
    assert_eq!(channel_chair.objective.as_deref(), Some("Formalise multi-agency structures for responding to individuals identified as radicalised or extremist"));
    assert_eq!(
        channel_chair.description,
        "Nominate Chair of Channel Panel."
    );
    assert_eq!(
        channel_chair.leads,
        ["Prevent Co-ordinator", "HDPG members"]
    );
    assert_eq!(milestones(channel_chair), ["Oct-13"]);
    assert_eq!(milestones(broadening), ["Oct 2013 to Dec 2013"]);
    assert_eq!(broadening.outcomes, ["1", "2"]);
    assert!(broadening.objective.as_deref().is_some_and(
        |objective| objective.starts_with("Broadening Channel - Establish mechanisms")
    ));

    let commissioning = plan
        .sections
        .get(2)
        .map(|section| section.actions.clone())
        .unwrap_or_default();
    let texts: Vec<Vec<&str>> = commissioning.iter().map(milestones).collect();
    assert_eq!(
        texts,
        [
            vec!["May 2013 & December 2013"],
            vec!["September 2013 to January 2014"],
            vec!["Nov 2013-Mar 2014"],
            vec!["2014"]
        ]
    );
    let leads: Vec<&[String]> = commissioning
        .iter()
        .map(|action| action.leads.as_slice())
        .collect();
    assert_eq!(
        leads.get(1..),
        Some(
            &[
                &["NRSE".to_owned()][..],
                &["Prevent Coordinator".to_owned()][..],
                &["Jan Trust".to_owned()][..]
            ][..]
        )
    );
    // The status centred beside "Project 3" belongs to it, not to the project above.
    let statuses: Vec<&str> = commissioning
        .iter()
        .filter_map(|action| action.status.as_ref())
        .map(|status| status.text.as_str())
        .collect();
    assert!(
        statuses.iter().all(|status| *status
            == "On track. 3rd sector partners identified. Home Office contracts issued."),
        "{statuses:?}"
    );

    let football = plan
        .sections
        .get(1)
        .and_then(|section| section.actions.get(3));
    assert_eq!(
        football.map(|action| action.leads.clone()),
        Some(vec![
            "THFC".into(),
            "Prevent co-ordinator".into(),
            "Police PEOs".into(),
            "local football intelligence police officers".into()
        ])
    );
    // The garbled repeat of the "Issue / Risk 2" heading is reported, not read as content.
    let unmapped: Vec<&str> = issues
        .iter()
        .filter_map(|issue| issue.cell.as_deref())
        .collect();
    assert!(
        unmapped.contains(&"B33") && unmapped.contains(&"C33"),
        "{unmapped:?}"
    );
}

#[test]
fn harrow_2015_16_reads_numbered_rows_themes_and_bullets() {
    let Imported { plan, .. } = import("harrow-2015-16.csv");
    assert_eq!(plan.title.as_deref(), Some("PREVENT ACTION PLAN REPORT"));
    assert_eq!(
        section_titles(&plan),
        ["Governance", "Engagement", "Communications", "Training"]
    );
    assert_eq!(action_counts(&plan), [10, 5, 1, 5]);
    let ids: Vec<String> = plan
        .sections
        .iter()
        .flat_map(|section| &section.actions)
        .filter_map(|action| action.id.clone())
        .collect();
    assert_eq!(ids, (1..=21).map(|id| id.to_string()).collect::<Vec<_>>());

    let first = action(&plan, "1");
    assert_eq!(first.objective.as_deref(), Some("Establish a Prevent Working Group to develop and implement actions to meet the Prevent objectives"));
    assert_eq!(
        first.description,
        "Form a multi-agency Working Group to take forward the Prevent agenda"
    );
    assert_eq!(first.partners.len(), 8);
    assert!(first.partners.contains(&"A Head Teacher".to_owned()));
    assert_eq!(milestones(first), ["January 2016"]);
    assert_eq!(
        milestones(action(&plan, "4")),
        [
            "Council buildings and schools by March 2016",
            "All other publicly owned buildings by June 2016"
        ]
    );
    assert_eq!(
        action(&plan, "5").partners.get(1).map(String::as_str),
        Some("Library, Sport and Leisure")
    );
    assert_eq!(milestones(action(&plan, "14")), ["See 9 above"]);
    assert_eq!(milestones(action(&plan, "20")).len(), 3);
    assert_eq!(
        action(&plan, "13").partners,
        ["Prevent Lead", "working group"]
    );
    assert_eq!(action(&plan, "2").description.lines().count(), 3);
}

#[test]
fn cumbria_2015_16_reads_priorities_and_merged_we_will_cells() {
    let Imported { plan, .. } = import("cumbria-2015-16.tsv");
    assert_eq!(
        section_titles(&plan),
        ["Partnership Working", "Leadership", "Capability"]
    );
    assert_eq!(action_counts(&plan), [6, 4, 8]);
    let descriptions: Vec<&str> = plan
        .sections
        .iter()
        .filter_map(|section| section.description.as_deref())
        .collect();
    assert_eq!(descriptions.len(), 3);
    assert!(descriptions
        .first()
        .is_some_and(|text| text.starts_with("We will work in partnership")));
    assert_eq!(descriptions.get(2), Some(&"We will develop the capability within the Council to deliver our responsibilities as laid out in Government guidance."));
    let capability = plan
        .sections
        .get(2)
        .map(|section| section.actions.clone())
        .unwrap_or_default();
    assert_eq!(
        capability.first().map(|action| action.description.as_str()),
        Some("Establish and chair a CHANNEL Panel.")
    );
    let dates: Vec<Vec<&str>> = capability.iter().map(milestones).collect();
    assert_eq!(dates.last(), Some(&vec!["March 2016"]));
    assert!(plan
        .sections
        .iter()
        .flat_map(|section| &section.actions)
        .all(|action| action.leads.is_empty() && action.objective.is_none()));
}

#[test]
fn issues_from_a_table_point_at_cells() {
    let report = validate_csv(&read_fixture("haringey-2013-14.tsv"), &Options::default());
    let milestone_missing: Vec<(&str, Option<&str>)> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "milestone-missing")
        .map(|issue| (issue.path.as_str(), issue.cell.as_deref()))
        .collect();
    assert_eq!(milestone_missing.len(), 4, "{milestone_missing:?}");
    assert!(
        milestone_missing.iter().all(|(_, cell)| cell.is_some()),
        "{milestone_missing:?}"
    );
    assert_eq!(
        milestone_missing.first(),
        Some(&("/sections/0/actions/0/milestones", Some("E15"))),
        "the empty Timescale cell of the action's first row"
    );

    // A table without a lead column: one plan-level issue rather than one per row.
    let cumbria = validate_csv(&read_fixture("cumbria-2015-16.tsv"), &Options::default());
    let lead_missing: Vec<&str> = cumbria
        .issues
        .iter()
        .filter(|issue| issue.rule == "lead-missing")
        .map(|issue| issue.message.as_str())
        .collect();
    assert_eq!(lead_missing, ["None of the 18 actions has a lead"]);
    assert_eq!(cumbria.summary.actions, 18);
}

#[test]
fn example_plans_are_generated_from_the_seed_tables() {
    let update = std::env::var_os("UPDATE_EXAMPLES").is_some();
    for seed in SEEDS {
        let mut plan = import(seed.fixture).plan;
        if plan.period.is_none() {
            plan.period = seed.period.map(|label| PlanPeriod {
                dates: Period::parse(label),
                label: Some(label.to_owned()),
            });
        }
        if plan.authority.is_none() {
            plan.authority = seed.authority.map(str::to_owned);
        }
        let json = export::to_pretty_json(&export::plan_as_input(&plan));
        let path = format!(
            "{}/pkg/examples/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            seed.example
        );
        if update {
            std::fs::write(&path, &json).unwrap_or_else(|error| unreachable!("{path}: {error}"));
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == json,
            "{path} is stale: run `UPDATE_EXAMPLES=1 cargo test --test tables`"
        );
        // The example is a valid plan input that reads back into the same plan.
        let report = prevent_plan_check::validate_json(&json, &Options::default());
        assert!(
            report
                .issues
                .iter()
                .all(|issue| issue.rule != "schema" && issue.rule != "json-syntax"),
            "{:?}",
            report.issues
        );
        assert_eq!(
            report.plan.map(|plan| plan.actions().count()),
            Some(plan.actions().count())
        );
    }
}

#[test]
fn every_issue_about_an_imported_field_names_its_cell() {
    for seed in SEEDS {
        let report = validate_csv(&read_fixture(seed.fixture), &Options::default());
        let unlocated: Vec<(&str, &str)> = report
            .issues
            .iter()
            .filter(|issue| issue.path.starts_with("/sections/") && issue.cell.is_none())
            .map(|issue| (issue.rule, issue.path.as_str()))
            .collect();
        assert!(unlocated.is_empty(), "{}: {unlocated:?}", seed.fixture);
        assert!(report.plan.is_some(), "{}", seed.fixture);
    }
}
