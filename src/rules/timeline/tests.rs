use serde_json::json;

use crate::date::{Date, Period};
use crate::report::Issue;
use crate::{validate_value, Options};

/// Issues of `rule` for a plan of one section with `actions`, period 2013-14.
fn issues(rule: &str, actions: serde_json::Value, as_of: Option<&str>) -> Vec<Issue> {
    let plan = json!({"title": "Prevent Delivery Plan 2013-14", "period": "2013-14",
                      "sections": [{"title": "Governance", "actions": actions}]});
    let options = Options {
        as_of: as_of.and_then(Date::parse_iso),
        ..Options::default()
    };
    let report = validate_value(plan, &options);
    report
        .issues
        .into_iter()
        .filter(|issue| issue.rule == rule)
        .collect()
}

fn action(id: &str, milestone: &str, status: &str) -> serde_json::Value {
    json!({"id": id, "description": format!("Action {id} of the plan"), "leads": ["Prevent Coordinator"],
           "milestones": [milestone], "status": status})
}

fn messages(found: &[Issue]) -> Vec<&str> {
    found.iter().map(|issue| issue.message.as_str()).collect()
}

#[test]
fn unparsed_and_vague() {
    let found = issues(
        "milestone-unparsed",
        json!([
            action("1", "Align other training with HSCB", ""),
            action("2", "Nov-13", "")
        ]),
        None,
    );
    assert_eq!(found.len(), 1, "{:?}", messages(&found));
    let Some(issue) = found.first() else {
        unreachable!()
    };
    assert_eq!(issue.path, "/sections/0/actions/0/milestones/0");
    assert_eq!(issue.action.as_deref(), Some("1"));
    let found = issues(
        "milestone-vague",
        json!([
            action("1", "When resources allow", ""),
            action("2", "Quarterly", "")
        ]),
        None,
    );
    assert_eq!(
        messages(&found),
        ["Milestone \"When resources allow\" of action 1 gives no date anyone can be held to"]
    );
}

#[test]
fn outside_period() {
    let found = issues(
        "milestone-outside-period",
        json!([
            action("1.2", "Nov-14", ""),
            action("1.3", "Nov-13", ""),
            action("1.4", "Jan 2013", ""),
            action("1.5", "Ongoing", "")
        ]),
        None,
    );
    assert_eq!(
        messages(&found),
        [
            "Milestone \"Nov-14\" of action 1.2 (30 Nov 2014) falls after the plan period ends (31 Mar 2014)",
            "Milestone \"Jan 2013\" of action 1.4 (31 Jan 2013) falls before the plan period starts (1 Apr 2013)",
        ]
    );
    assert!(found
        .iter()
        .all(|issue| issue.severity == crate::Severity::Error));
}

#[test]
fn outside_period_uses_the_option_period() {
    let plan = json!({"sections": [{"title": "T", "actions": [action("1", "Mar-18", "")]}]});
    let options = Options {
        period: Period::parse("2017/18"),
        ..Options::default()
    };
    let report = validate_value(plan.clone(), &options);
    assert!(report
        .issues
        .iter()
        .all(|issue| issue.rule != "milestone-outside-period"));
    let options = Options {
        period: Period::parse("2016/17"),
        ..Options::default()
    };
    let report = validate_value(plan, &options);
    assert!(report
        .issues
        .iter()
        .any(|issue| issue.rule == "milestone-outside-period"));
}

#[test]
fn range_reversed() {
    let found = issues(
        "milestone-range-reversed",
        json!([
            action("1", "Dec 2013 to Oct 2013", ""),
            action("2", "Oct 2013 to Dec 2013", "")
        ]),
        None,
    );
    assert_eq!(
        messages(&found),
        ["Milestone \"Dec 2013 to Oct 2013\" of action 1 ends before it starts"]
    );
}

#[test]
fn references() {
    let plan = json!([
        action("9", "March 2014", ""),
        action("14", "See 9 above", ""),
        action("15", "See 18 above", ""),
        action("16", "See 17 above", ""),
        action("17", "Dec 2013", "")
    ]);
    let unresolved = issues("reference-unresolved", plan.clone(), None);
    assert_eq!(
        messages(&unresolved),
        ["Milestone \"See 18 above\" of action 15 refers to action 18, which is not in the plan"]
    );
    let direction = issues("reference-direction", plan, None);
    assert_eq!(
        messages(&direction),
        ["Milestone \"See 17 above\" of action 16 says action 17 is above, but it is below"]
    );
}

#[test]
fn overdue() {
    let plan = json!([
        action("1", "Nov-13", "On track"),
        action("2", "Nov-13", "Complete"),
        action("3", "Mar-14", "On track"),
        action("4", "Oct-13", ""),
        action("5", "already established", ""),
        action("6", "Annually (November)", "On track")
    ]);
    let found = issues("overdue", plan.clone(), Some("2014-01-15"));
    assert_eq!(
        messages(&found),
        [
            "Milestone \"Nov-13\" of action 1 was due by 30 Nov 2013, before the progress date (15 Jan 2014), and the action is not marked complete (progress: \"On track\")",
            "Milestone \"Oct-13\" of action 4 was due by 31 Oct 2013, before the progress date (15 Jan 2014), and the action is not marked complete (no progress recorded)",
        ]
    );
    assert!(
        issues("overdue", plan, None).is_empty(),
        "no progress date, nothing is overdue"
    );
}

#[test]
fn status_date_conflict() {
    let plan = json!([
        action("1", "Oct 2013 to Dec 2013", "Not started"),
        action("2", "Jan 2014 to Mar 2014", "Not started"),
        action("3", "Oct 2013 to Dec 2013", "On track"),
        action("4", "Mar-14", "Complete")
    ]);
    let found = issues("status-date-conflict", plan, Some("2013-11-15"));
    assert_eq!(
        messages(&found),
        ["Milestone \"Oct 2013 to Dec 2013\" of action 1 began on 1 Oct 2013, before the progress date (15 Nov 2013), but the action is marked not started"]
    );
}

#[test]
fn dependency_order() {
    let step = |id: &str, description: &str, milestone: &str| json!({"id": id, "description": description, "leads": ["Prevent Lead"], "milestones": [milestone]});
    let plan = json!([
        step(
            "1",
            "Mapping Haringey's communities and services",
            "To be completed by end of January 2014"
        ),
        step(
            "2",
            "Carry out consultation with the communities identified in action point 1",
            "December 2013"
        ),
        step(
            "3",
            "Review plans in line with the consultation (see action 2)",
            "February 2014"
        ),
    ]);
    let found = issues("dependency-order", plan, None);
    assert_eq!(
        messages(&found),
        ["Action 2 builds on action 1 but is due earlier (31 Dec 2013 against 31 Jan 2014)"]
    );
    assert_eq!(
        found.first().map(|issue| issue.path.as_str()),
        Some("/sections/0/actions/1/milestones/0")
    );
}
