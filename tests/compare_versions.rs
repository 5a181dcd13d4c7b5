//! Versions of the seed plans (tests/fixtures/versions/, see its README) compared: which
//! actions are matched and how, what changed, and which changes the rules report.

use prevent_plan_check::compare::{Change, Comparison, MatchBasis};
use prevent_plan_check::{compare, CompareOptions, Options, Period, Version};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{path}"))
        .unwrap_or_else(|error| unreachable!("{path}: {error}"))
}

/// A changed action as (id before, id after, how matched, kinds of change).
type Changed<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<MatchBasis>,
    Vec<&'static str>,
);

fn changes(comparison: &Comparison) -> Vec<Changed<'_>> {
    comparison
        .actions
        .iter()
        .map(|action| {
            let kinds = action.changes.iter().map(Change::kind).collect();
            (
                action
                    .before
                    .as_ref()
                    .and_then(|located| located.id.as_deref()),
                action
                    .after
                    .as_ref()
                    .and_then(|located| located.id.as_deref()),
                action.basis,
                kinds,
            )
        })
        .collect()
}

fn issues(comparison: &Comparison) -> Vec<(&str, &str, Option<&str>)> {
    comparison
        .issues
        .iter()
        .map(|issue| (issue.rule, issue.path.as_str(), issue.action.as_deref()))
        .collect()
}

fn quarters() -> Comparison {
    compare(
        Version::Json(read("versions/harrow-2015-16-q3.json")),
        Version::Json(read("versions/harrow-2015-16-q4.json")),
        &CompareOptions::default(),
    )
}

#[test]
fn harrow_quarters_follow_renumbered_actions_and_name_each_change() {
    use MatchBasis::{Id, Similarity};
    let comparison = quarters();
    let kinds = |list: &[&'static str]| list.to_vec();
    let expected = vec![
        (Some("1"), Some("1"), Some(Id), kinds(&["completed"])),
        (None, Some("3"), None, kinds(&["added"])),
        (
            Some("3"),
            Some("4"),
            Some(Similarity),
            kinds(&["renumbered"]),
        ),
        (
            Some("4"),
            Some("5"),
            Some(Similarity),
            kinds(&["renumbered", "status_moved"]),
        ),
        (
            Some("5"),
            Some("6"),
            Some(Similarity),
            kinds(&["renumbered", "status_moved", "milestone_slipped"]),
        ),
        (
            Some("6"),
            Some("7"),
            Some(Similarity),
            kinds(&["renumbered"]),
        ),
        (
            Some("7"),
            Some("8"),
            Some(Similarity),
            kinds(&["renumbered"]),
        ),
        (
            Some("8"),
            Some("9"),
            Some(Similarity),
            kinds(&["renumbered", "status_moved"]),
        ),
        (
            Some("9"),
            Some("10"),
            Some(Similarity),
            kinds(&["renumbered", "newly_overdue"]),
        ),
        (
            Some("10"),
            Some("11"),
            Some(Similarity),
            kinds(&["renumbered", "status_moved", "milestone_slipped"]),
        ),
        (
            Some("11"),
            Some("12"),
            Some(Similarity),
            kinds(&["renumbered", "reworded"]),
        ),
        (
            Some("12"),
            Some("13"),
            Some(Similarity),
            kinds(&["renumbered"]),
        ),
        (
            Some("15"),
            Some("15"),
            Some(Id),
            kinds(&["status_moved", "milestone_slipped"]),
        ),
        (
            Some("20"),
            Some("19"),
            Some(Similarity),
            kinds(&["renumbered", "lead_changed"]),
        ),
        (
            Some("21"),
            Some("20"),
            Some(Similarity),
            kinds(&["renumbered"]),
        ),
        (Some("13"), None, None, kinds(&["removed"])),
        (Some("19"), None, None, kinds(&["removed"])),
    ];
    assert_eq!(changes(&comparison), expected);
    // The re-worded action is matched by its text, and says how sure.
    let reworded = &comparison.actions[10];
    assert_eq!(reworded.score, Some(73));
    let summary = comparison.summary;
    assert_eq!(
        (summary.matched, summary.by_similarity, summary.unchanged),
        (19, 12, 5)
    );
    assert_eq!(
        (
            summary.added,
            summary.removed,
            summary.completed,
            summary.slipped
        ),
        (1, 2, 1, 3)
    );
}

#[test]
fn harrow_quarters_measure_slips_in_months() {
    let comparison = quarters();
    let slips: Vec<(&str, &str, i32, usize)> = comparison
        .actions
        .iter()
        .flat_map(|action| &action.changes)
        .filter_map(|change| match change {
            Change::MilestoneSlipped(moved) => Some((
                moved.from.as_str(),
                moved.to.as_str(),
                moved.months,
                moved.slips,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        slips,
        [
            ("March 2016", "June 2016 (revised from March 2016)", 3, 1),
            (
                "January 2016 to share our risk assessment",
                "March 2016 (revised from January 2016) to share our risk assessment",
                2,
                1
            ),
            (
                "January 2016 (revised from November 2015)",
                "March 2016 (revised from January 2016)",
                2,
                2
            ),
        ]
    );
}

#[test]
fn harrow_quarters_report_the_changes_that_are_problems() {
    assert_eq!(
        issues(&quarters()),
        [
            // Slipped past the end of the plan period (31 March 2016).
            (
                "milestone-slipped",
                "/sections/0/actions/5/milestones/0",
                Some("6")
            ),
            // Slipped a second time.
            (
                "milestone-slipped",
                "/sections/1/actions/3/milestones/0",
                Some("15")
            ),
            // Dropped while "Not started"; action 19 was complete, so it may go.
            (
                "action-dropped-silently",
                "/sections/1/actions/2",
                Some("13")
            ),
        ]
    );
}

#[test]
fn a_renumbered_table_compares_like_a_plan_and_takes_the_period_from_the_options() {
    let options = CompareOptions::from(Options {
        period: Period::parse("2015/16"),
        ..Options::default()
    });
    let comparison = compare(
        Version::Csv(read("tables/harrow-2015-16.csv")),
        Version::Csv(read("versions/harrow-2015-16-revised.csv")),
        &options,
    );
    let summary = comparison.summary;
    assert_eq!(
        (
            summary.matched,
            summary.by_similarity,
            summary.added,
            summary.removed,
            summary.slipped
        ),
        (20, 10, 1, 1, 1)
    );
    assert_eq!(
        issues(&comparison),
        [
            (
                "milestone-slipped",
                "/sections/0/actions/5/milestones/0",
                Some("6")
            ),
            (
                "action-dropped-silently",
                "/sections/1/actions/2",
                Some("13")
            ),
        ]
    );
}

#[test]
fn a_version_compared_with_itself_has_no_changes() {
    let text = read("versions/harrow-2015-16-q4.json");
    let comparison = compare(
        Version::Json(text.clone()),
        Version::Json(text),
        &CompareOptions::default(),
    );
    assert!(
        comparison.actions.is_empty()
            && comparison.issues.is_empty()
            && comparison.coverage.is_empty()
    );
    assert_eq!(comparison.summary.unchanged, 20);
}

#[test]
fn an_unreadable_version_gives_its_report_and_no_changes() {
    let comparison = compare(
        Version::Json("{not json".into()),
        Version::Json(read("versions/harrow-2015-16-q4.json")),
        &CompareOptions::default(),
    );
    assert_eq!(comparison.before.issues[0].rule, "json-syntax");
    assert!(comparison.actions.is_empty() && comparison.issues.is_empty());
}
