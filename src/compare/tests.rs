use serde_json::json;

use super::*;

fn plan(actions: Value) -> Version {
    Version::Plan(json!({"period": "2015/16", "sections": [{"title": "Plan", "actions": actions}]}))
}

fn compared(before: Value, after: Value) -> Comparison {
    compare(plan(before), plan(after), &CompareOptions::default())
}

fn kinds(comparison: &Comparison) -> Vec<(Option<String>, Vec<String>)> {
    comparison
        .actions
        .iter()
        .map(|action| {
            let id = action
                .after
                .as_ref()
                .or(action.before.as_ref())
                .and_then(|located| located.id.clone());
            let kinds = action
                .changes
                .iter()
                .map(|change| change.kind().to_owned())
                .collect();
            (id, kinds)
        })
        .collect()
}

#[test]
fn an_unchanged_plan_has_no_changes() {
    let actions = json!([{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["HR"], "milestones": ["Dec 2015"]}]);
    let comparison = compared(actions.clone(), actions);
    assert!(comparison.actions.is_empty());
    assert_eq!(comparison.summary.matched, 1);
    assert_eq!(comparison.summary.unchanged, 1);
}

#[test]
fn a_slipped_milestone_is_measured_in_months() {
    let comparison = compared(
        json!([{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["HR"], "milestones": ["Dec 2015"], "status": "On track"}]),
        json!([{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["HR"], "milestones": ["March 2016 (revised from Dec 2015)"], "status": "Delayed"}]),
    );
    let changes = &comparison.actions[0].changes;
    assert!(changes.contains(&Change::StatusMoved {
        from: StatusValue::OnTrack,
        to: StatusValue::Delayed
    }));
    let Some(Change::MilestoneSlipped(moved)) = changes
        .iter()
        .find(|change| matches!(change, Change::MilestoneSlipped(_)))
    else {
        panic!("no slip in {changes:?}");
    };
    assert_eq!(moved.months, 3);
    assert_eq!(moved.slips, 1);
    assert_eq!(moved.from, "Dec 2015");
    assert_eq!(moved.path, "/sections/0/actions/0/milestones/0");
    assert!(comparison.issues.is_empty(), "{:?}", comparison.issues);
}

#[test]
fn renumbered_actions_are_followed_by_their_text_with_a_score() {
    let comparison = compared(
        json!([
            {"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"]},
            {"id": "2", "description": "Deliver WRAP to frontline staff", "leads": ["HR"]}
        ]),
        json!([
            {"id": "1", "description": "Set up the Channel panel with the police", "leads": ["Prevent Lead"]},
            {"id": "2", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"]},
            {"id": "3", "description": "Deliver WRAP to frontline staff", "leads": ["HR"]}
        ]),
    );
    assert_eq!(
        kinds(&comparison),
        [
            (Some("1".into()), vec!["added".into()]),
            (Some("2".into()), vec!["renumbered".into()]),
            (Some("3".into()), vec!["renumbered".into()]),
        ]
    );
    let renumbered = &comparison.actions[1];
    assert_eq!(renumbered.basis, Some(MatchBasis::Similarity));
    assert_eq!(renumbered.score, Some(100));
    assert_eq!(comparison.summary.by_similarity, 2);
}

#[test]
fn dropped_and_completed_actions_are_told_apart() {
    let comparison = compared(
        json!([
            {"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"], "status": "On track"},
            {"id": "2", "description": "Review venue hire agreements", "leads": ["Legal"], "status": "On track"},
            {"id": "3", "description": "Chair the Channel panel monthly", "leads": ["Prevent Lead"], "status": "Complete"}
        ]),
        json!([
            {"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Community Safety Manager"], "status": "Complete"}
        ]),
    );
    assert_eq!(
        kinds(&comparison),
        [
            (
                Some("1".into()),
                vec!["lead_changed".into(), "completed".into()]
            ),
            (Some("2".into()), vec!["removed".into()]),
            (Some("3".into()), vec!["removed".into()]),
        ]
    );
    let rules: Vec<(&str, &str)> = comparison
        .issues
        .iter()
        .map(|issue| (issue.rule, issue.path.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("action-dropped-silently", "/sections/0/actions/1"),
            ("coverage-lost", ""),
            ("coverage-lost", "")
        ]
    );
    let lost: Vec<&str> = comparison
        .coverage
        .iter()
        .map(|change| change.category.as_str())
        .collect();
    assert_eq!(
        lost,
        // "Refresh the Prevent partnership plan" is read as review too (issue 13's phrases),
        // so monitoring and review stays covered.
        ["channel_panel", "permissive_environments"]
    );
}

#[test]
fn newly_overdue_is_judged_at_each_versions_own_date() {
    let action = |status: &str| json!([{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["HR"], "milestones": ["Dec 2015"], "status": status}]);
    let comparison = compare(
        Version::Plan(
            json!({"period": "2015/16", "as_of": "2015-10-01", "sections": [{"title": "T", "actions": action("On track")}]}),
        ),
        Version::Plan(
            json!({"period": "2015/16", "as_of": "2016-01-31", "sections": [{"title": "T", "actions": action("On track")}]}),
        ),
        &CompareOptions::default(),
    );
    assert_eq!(
        kinds(&comparison),
        [(Some("1".into()), vec!["newly_overdue".into()])]
    );
}

#[test]
fn a_second_slip_or_one_past_the_period_is_reported() {
    let slip = |before: &str, after: &str, max_slips| {
        let options = CompareOptions {
            max_slips,
            ..CompareOptions::default()
        };
        let action = |milestone: &str| {
            plan(
                json!([{"id": "1", "description": "Deliver WRAP", "leads": ["HR"], "milestones": [milestone]}]),
            )
        };
        compare(action(before), action(after), &options)
            .issues
            .into_iter()
            .map(|issue| issue.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        slip("Dec 2015 (revised from Sept 2015)", "Feb 2016", None),
        ["Milestone \"Feb 2016\" of action 1 has slipped 2 times, this time by 2 months"]
    );
    assert!(slip("Dec 2015 (revised from Sept 2015)", "Feb 2016", Some(2)).is_empty());
    assert_eq!(
        slip("Dec 2015", "June 2016", None),
        ["Milestone \"June 2016\" of action 1 has slipped to 30 Jun 2016, past the end of the plan period (31 Mar 2016)"]
    );
}

#[test]
fn options_take_max_slips_beside_those_of_a_check() {
    let options = CompareOptions::from_json(r#"{"maxSlips": 3, "locale": "cy"}"#).unwrap();
    assert_eq!(options.max_slips, Some(3));
    assert_eq!(options.check.locale, crate::options::Locale::Welsh);
    let error = CompareOptions::from_json(r#"{"maxSlips": -1}"#).unwrap_err();
    assert_eq!(error.option, "maxSlips");
    assert!(CompareOptions::from_json(r#"{"maxSlip": 1}"#).is_err());
}

#[test]
fn months_count_calendar_months() {
    let date = |y, m, d| Date::new(y, m, d).unwrap();
    assert_eq!(months_between(date(2015, 12, 31), date(2016, 3, 31)), 3);
    assert_eq!(months_between(date(2016, 3, 31), date(2015, 12, 31)), -3);
}

#[test]
fn kinds_are_the_serialised_tags() {
    let changes = [
        Change::Added,
        Change::Completed {
            from: StatusValue::OnTrack,
        },
    ];
    for change in changes {
        assert_eq!(
            serde_json::to_value(&change).unwrap()["kind"],
            change.kind()
        );
    }
}
