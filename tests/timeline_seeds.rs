//! The timeline rules on the seed plans (the bundled examples, generated from the seed
//! tables): every timeline finding on real plans, and nothing else.

use prevent_plan_check::{validate_json, Options};

const TIMELINE_RULES: &[&str] = &[
    "milestone-unparsed",
    "milestone-vague",
    "milestone-outside-period",
    "milestone-range-reversed",
    "reference-unresolved",
    "reference-direction",
    "overdue",
    "status-date-conflict",
    "dependency-order",
];

fn timeline_issues(example: &str, options: &Options) -> Vec<(String, String)> {
    let path = format!("{}/pkg/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| unreachable!("{path}: {error}"));
    validate_json(&text, options)
        .issues
        .into_iter()
        .filter(|issue| TIMELINE_RULES.contains(&issue.rule))
        .map(|issue| (issue.rule.to_owned(), issue.path))
        .collect()
}

fn expect(found: Vec<(String, String)>, expected: &[(&str, &str)]) {
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(rule, path)| (rule.as_str(), path.as_str()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn haringey_2008_11_is_clean() {
    expect(
        timeline_issues("haringey-2008-11", &Options::default()),
        &[],
    );
}

#[test]
fn haringey_2013_14_has_a_year_past_the_period() {
    // "2014" runs to December 2014; the plan ends in March.
    expect(
        timeline_issues("haringey-2013-14", &Options::default()),
        &[(
            "milestone-outside-period",
            "/sections/2/actions/3/milestones/0",
        )],
    );
}

#[test]
fn cumbria_2015_16_runs_past_its_year() {
    expect(
        timeline_issues("cumbria-2015-16", &Options::default()),
        &[
            (
                "milestone-outside-period",
                "/sections/0/actions/2/milestones/0",
            ),
            (
                "milestone-outside-period",
                "/sections/0/actions/3/milestones/0",
            ),
            ("milestone-vague", "/sections/0/actions/4/milestones/0"),
            (
                "milestone-outside-period",
                "/sections/0/actions/5/milestones/0",
            ),
        ],
    );
}

#[test]
fn harrow_2015_16_references_resolve() {
    // "See 9 above" (action 14) and "See 18 above" (action 19) name earlier actions: no issue.
    expect(
        timeline_issues("harrow-2015-16", &Options::default()),
        &[
            (
                "milestone-outside-period",
                "/sections/0/actions/3/milestones/1",
            ),
            (
                "milestone-outside-period",
                "/sections/0/actions/7/milestones/0",
            ),
            ("milestone-unparsed", "/sections/0/actions/8/milestones/1"),
            ("milestone-vague", "/sections/1/actions/2/milestones/0"),
            ("milestone-vague", "/sections/3/actions/3/milestones/1"),
            ("milestone-vague", "/sections/3/actions/3/milestones/2"),
        ],
    );
}

#[test]
fn haringey_2008_11_as_of_mid_2009_is_overdue_where_not_complete() {
    let options = Options {
        as_of: prevent_plan_check::Date::parse_iso("2009-06-01"),
        ..Options::default()
    };
    let overdue: Vec<String> = timeline_issues("haringey-2008-11", &options)
        .into_iter()
        .filter(|(rule, _)| rule == "overdue")
        .map(|(_, path)| path)
        .collect();
    // Every dated milestone due before June 2009: none of the plan's statuses says complete.
    assert_eq!(
        overdue,
        [
            "/sections/0/actions/0/milestones/0",
            "/sections/0/actions/1/milestones/0",
            "/sections/0/actions/2/milestones/0",
            "/sections/1/actions/3/milestones/0",
            "/sections/2/actions/1/milestones/0",
            "/sections/2/actions/2/milestones/0",
            "/sections/3/actions/2/milestones/0",
        ]
    );
}
