//! The coverage rules and the coverage object of the report, on small plans.

use prevent_plan_check::coverage::CoverageStatus;
use prevent_plan_check::{validate_value, Options, ProfileChoice, Report, Severity};
use serde_json::{json, Value};

mod support;
use support::coverage_of;

fn check(plan: Value) -> Report {
    validate_value(plan, &Options::default())
}

fn check_with(plan: Value, profile: ProfileChoice) -> Report {
    validate_value(
        plan,
        &Options {
            profile: Some(profile),
            ..Options::default()
        },
    )
}

fn plan_of(actions: Value) -> Value {
    json!({"sections": [{"title": "Actions", "actions": actions}]})
}

fn rules(report: &Report, rule: &str) -> Vec<(String, Severity, String)> {
    report
        .issues
        .iter()
        .filter(|issue| issue.rule == rule)
        .map(|issue| (issue.path.clone(), issue.severity, issue.message.clone()))
        .collect()
}

fn at<'a>(value: &'a Value, pointer: &str) -> &'a Value {
    value.pointer(pointer).unwrap_or(&Value::Null)
}

fn categories_of(report: &Report) -> Vec<Vec<String>> {
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    plan.actions()
        .map(|action| action.action.categories.clone())
        .collect()
}

#[test]
fn missing_categories_take_their_severity_from_the_basis() {
    let report = check(plan_of(
        json!([{"id": "1", "description": "Deliver WRAP to frontline staff"}]),
    ));
    let missing = rules(&report, "category-missing");
    assert_eq!(missing.len(), 7, "{missing:?}");
    let channel: Vec<_> = missing
        .iter()
        .filter(|(_, _, message)| message.contains("`channel_panel`"))
        .collect();
    assert_eq!(
        channel.iter().map(|issue| issue.1).collect::<Vec<_>>(),
        [Severity::Error]
    );
    assert!(
        missing
            .iter()
            .filter(|(_, severity, _)| *severity == Severity::Warning)
            .count()
            == 6
    );
    assert!(!report.valid);
    // Recommended categories never raise category-missing.
    assert!(missing
        .iter()
        .all(|(_, _, message)| !message.contains("`leadership`")));
}

#[test]
fn explicit_tags_win_over_the_text() {
    let report = check(plan_of(json!([
        {"id": "1", "description": "Chair the Channel panel", "categories": ["training"]},
        {"id": "2", "description": "Deliver WRAP"}
    ])));
    assert_eq!(
        categories_of(&report),
        [vec!["training".to_owned()], vec!["training".to_owned()]]
    );
    let training = &coverage_of(&report, "training");
    assert_eq!(training.status, CoverageStatus::Covered);
    assert_eq!(training.actions, ["1", "2"]);
    let sources = json!(training.evidence);
    assert_eq!(at(&sources, "/0/source"), "explicit");
    assert_eq!(
        at(&sources, "/0/field"),
        "/sections/0/actions/0/categories/0"
    );
    assert_eq!(at(&sources, "/1/source"), "inferred");
    assert_eq!(
        coverage_of(&report, "channel_panel").status,
        CoverageStatus::Missing
    );
    assert!(rules(&report, "category-inferred")
        .iter()
        .all(|(_, _, message)| !message.contains("`training`")));
}

#[test]
fn a_section_tag_or_heading_lends_its_category_to_its_actions() {
    let report = check(json!({"sections": [
        {"title": "Governance", "categories": ["partnership"], "actions": [{"id": "1", "description": "Agree terms"}]},
        {"title": "Training", "actions": [{"id": "2", "description": "Staff sessions"}]},
    ]}));
    assert_eq!(
        categories_of(&report),
        [vec!["partnership".to_owned()], vec!["training".to_owned()]]
    );
    assert_eq!(
        coverage_of(&report, "partnership").status,
        CoverageStatus::Covered
    );
    let training = &coverage_of(&report, "training");
    assert_eq!(training.status, CoverageStatus::Inferred);
    assert_eq!(
        at(&json!(training.evidence), "/0"),
        &json!({
            "action": "2", "field": "/sections/1/title", "phrase": "train", "span": {"start": 0, "end": 8}, "source": "inferred"
        })
    );
}

#[test]
fn inferred_coverage_is_an_info_pointing_at_the_phrase() {
    let report = check(plan_of(
        json!([{"id": "4.1", "description": "Establish and chair a CHANNEL Panel."}]),
    ));
    let inferred: Vec<_> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "category-inferred")
        .collect();
    let [issue] = inferred.as_slice() else {
        unreachable!("{inferred:?}")
    };
    assert_eq!(issue.severity, Severity::Info);
    assert_eq!(issue.path, "/sections/0/actions/0/description");
    assert_eq!(issue.action.as_deref(), Some("4.1"));
    assert_eq!(
        issue.span.map(|span| (span.start, span.end)),
        Some((22, 35))
    );
    assert!(issue
        .hint
        .as_deref()
        .unwrap_or_default()
        .contains("\"categories\": [\"channel_panel\"]"));
}

#[test]
fn unknown_tags_are_errors_with_a_suggestion_and_the_text_still_counts() {
    let report = check(plan_of(
        json!([{"id": "1", "description": "Chair the Channel panel", "categories": ["channel"]}]),
    ));
    let unknown: Vec<_> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "category-unknown")
        .collect();
    let [unknown] = unknown.as_slice() else {
        unreachable!("{unknown:?}")
    };
    assert_eq!(unknown.path, "/sections/0/actions/0/categories/0");
    assert_eq!(unknown.severity, Severity::Error);
    assert_eq!(
        unknown.hint.as_deref(),
        Some("Did you mean `channel_panel`?")
    );
    assert_eq!(
        coverage_of(&report, "channel_panel").status,
        CoverageStatus::Inferred
    );
}

#[test]
fn the_profile_comes_from_the_options_then_the_plan_then_the_default() {
    let plan = json!({"profile": "scotland-la", "sections": [{"title": "Support", "actions": [
        {"id": "1", "description": "Convene the PMAP monthly; the Chief Social Work Officer appoints the chair"}]}]});
    let report = check(plan.clone());
    assert_eq!(report.profile, "scotland-la");
    assert_eq!(
        coverage_of(&report, "pmap").status,
        CoverageStatus::Inferred
    );
    assert!(!report.coverage.contains_key("channel_panel"));

    let report = check_with(plan, ProfileChoice::Id("health".into()));
    assert_eq!(report.profile, "health");
    assert!(report.coverage.contains_key("channel_panel"));

    assert_eq!(check(plan_of(json!([]))).profile, "la-2023");
}

#[test]
fn an_unknown_profile_in_the_plan_is_reported_and_coverage_is_empty() {
    let report = check(json!({"profile": "la-2099", "sections": []}));
    assert_eq!(report.profile, "la-2099");
    assert!(report.coverage.is_empty());
    let unknown = rules(&report, "profile-unknown");
    let [(path, _, message)] = unknown.as_slice() else {
        unreachable!("{unknown:?}")
    };
    assert_eq!(path, "/profile");
    assert!(message.contains("known profiles: la-2023"), "{message}");
    assert!(rules(&report, "category-missing").is_empty());
}

#[test]
fn custom_profiles_are_checked_and_used() {
    let profile = json!({"id": "borough-extra", "title": "Ours", "guidance": "Local", "sector": "local_authority",
        "categories": [
            {"id": "prisons_liaison", "name": "Prison liaison", "basis": "should", "required": true,
             "description": "Links with the local prison (local priority).", "phrases": ["prison", "HMP"]},
            {"id": "gangs", "name": "Gangs", "basis": "advice", "required": true,
             "description": "Work with gangs teams (local priority).", "phrases": ["gang"]}]});
    let report = check_with(
        plan_of(json!([{"id": "1", "description": "Quarterly meeting with HMP Wandsworth"}])),
        ProfileChoice::Custom(profile),
    );
    assert_eq!(report.profile, "borough-extra");
    assert_eq!(coverage_of(&report, "prisons_liaison").actions, ["1"]);
    assert_eq!(
        rules(&report, "category-missing")
            .iter()
            .map(|issue| issue.1)
            .collect::<Vec<_>>(),
        [Severity::Info]
    );

    let report = check_with(
        plan_of(json!([])),
        ProfileChoice::Custom(json!({"id": "bad", "categories": "none"})),
    );
    let invalid = rules(&report, "profile-invalid");
    let [(_, _, message)] = invalid.as_slice() else {
        unreachable!("{:?}", report.issues)
    };
    assert!(message.contains("/categories"), "{message}");
}

#[test]
fn the_report_coverage_has_the_contract_shape() {
    let report = check(plan_of(
        json!([{"id": "3.2", "description": "Channel panel meets monthly"}]),
    ));
    let value = serde_json::to_value(&report).unwrap_or_default();
    let channel = at(&value, "/coverage/channel_panel");
    assert_eq!(at(channel, "/status"), "inferred");
    assert_eq!(at(channel, "/required"), true);
    assert_eq!(at(channel, "/basis"), "must");
    assert_eq!(at(channel, "/actions"), &json!(["3.2"]));
    assert_eq!(
        at(channel, "/evidence/0/field"),
        "/sections/0/actions/0/description"
    );
    assert_eq!(
        at(channel, "/evidence/0/span"),
        &json!({"start": 0, "end": 13})
    );
    assert_eq!(
        at(&value, "/plan/sections/0/actions/0/categories"),
        &json!(["channel_panel"])
    );
    assert_eq!(
        at(&value, "/coverage").as_object().map(|map| map.len()),
        Some(14)
    );
}

/// Wording from current (2023 guidance era) plans, none of it from the seed plans.
#[test]
fn recognises_current_plan_wording() {
    let cases = [
        (
            "Refresh the Prevent Partnership Board terms of reference",
            "partnership",
        ),
        (
            "Produce the annual Prevent Situational Risk Assessment using the CTLP",
            "risk_assessment",
        ),
        (
            "Refresh the Prevent Partnership Action Plan for 2024/25",
            "partnership_plan",
        ),
        (
            "Publicise how to raise a Prevent concern on the council website",
            "referral_pathway",
        ),
        (
            "Channel Panel to meet monthly and complete the annual Channel assurance statement",
            "channel_panel",
        ),
        (
            "Cases assessed using the Prevent Assessment Framework",
            "channel_panel",
        ),
        (
            "All staff to complete the Home Office Prevent awareness eLearning",
            "training",
        ),
        (
            "Update the venue hire policy and external speakers guidance",
            "permissive_environments",
        ),
        (
            "Review web filtering on public access PCs in libraries",
            "permissive_environments",
        ),
        (
            "Prevent clauses in procurement of commissioned services",
            "permissive_environments",
        ),
        (
            "Comms plan with myth-busting messages for residents",
            "communications_engagement",
        ),
        (
            "Faith leaders' roundtable on community tensions",
            "communications_engagement",
        ),
        (
            "Briefing for Elected Members and the Senior Leadership Team",
            "leadership",
        ),
        (
            "Map out-of-school settings and share safeguarding guidance with tuition centres",
            "out_of_school_settings",
        ),
        (
            "Fostering agencies and children's homes made aware of Prevent",
            "children_settings",
        ),
        (
            "Report quarterly against the toolkit benchmarks",
            "monitoring_review",
        ),
        (
            "Embed Prevent in the corporate safeguarding policy",
            "policy_integration",
        ),
        (
            "Offer Prevent sessions to the DSL network in schools",
            "schools_education",
        ),
        (
            "Individuals susceptible to radicalisation are identified and referred early",
            "referral_pathway",
        ),
        (
            "Staff can recognize the signs of radicalization",
            "training",
        ),
    ];
    for (description, expected) in cases {
        let report = check(plan_of(json!([{"id": "1", "description": description}])));
        let found = categories_of(&report).concat();
        assert!(
            found.iter().any(|category| category == expected),
            "{description:?}: {found:?}, expected {expected}"
        );
    }
}

/// Wording that must not count.
#[test]
fn ignores_look_alike_wording() {
    let cases = [
        (
            "Use partner communications channels to reach residents",
            "channel_panel",
        ),
        (
            "Funding is channelled through the grants team",
            "channel_panel",
        ),
        ("Wrap-around childcare review", "training"),
        (
            "Ensure organisations are not engaged in any extremist activity",
            "communications_engagement",
        ),
        ("As referred to in section 2", "referral_pathway"),
        ("Develop young people's leadership skills", "leadership"),
        (
            "Map supplementary schools in the borough",
            "schools_education",
        ),
    ];
    for (description, unexpected) in cases {
        let report = check(plan_of(json!([{"id": "1", "description": description}])));
        let found = categories_of(&report).concat();
        assert!(
            !found.iter().any(|category| category == unexpected),
            "{description:?}: {found:?}"
        );
    }
}

/// Each sector profile recognises the wording of its own kind of plan.
#[test]
fn sector_profiles_recognise_their_wording() {
    let cases = [
        (
            "schools",
            "The DSL completes the Prevent risk assessment each September",
            &["leadership", "risk_assessment"][..],
        ),
        (
            "schools",
            "Check filtering and monitoring reports; visiting speakers policy updated",
            &["it_filtering", "external_speakers"],
        ),
        (
            "schools",
            "Fundamental British values taught through PSHE and assemblies",
            &["british_values"],
        ),
        (
            "schools",
            "Staff know how to make a referral to children's social care or Channel",
            &["referral_pathway"],
        ),
        (
            "further-education",
            "External speakers and events policy reviewed by governors",
            &["external_speakers", "leadership"],
        ),
        (
            "further-education",
            "Chaplaincy and prayer room arrangements reviewed; welfare team trained",
            &["welfare_pastoral", "training"],
        ),
        (
            "higher-education",
            "Students' union societies follow the code of practice on freedom of speech",
            &["students_union", "external_speakers"],
        ),
        (
            "higher-education",
            "Annual accountability return to the OfS approved by the governing body",
            &["reporting", "leadership"],
        ),
        (
            "health",
            "Named Prevent lead ensures staff complete basic Prevent awareness training",
            &["leadership", "training"],
        ),
        (
            "health",
            "Attend Channel panels and share information when requested",
            &["channel_panel"],
        ),
        (
            "scotland-la",
            "Prevent Professional Concerns referrals are made to Police Scotland",
            &["referral_pathway"],
        ),
        (
            "la-2015",
            "New contracts include the principles of the Prevent duty",
            &["new_contracts"],
        ),
    ];
    for (profile, description, expected) in cases {
        let report = check_with(
            plan_of(json!([{"id": "1", "description": description}])),
            ProfileChoice::Id(profile.into()),
        );
        let found = categories_of(&report).concat();
        for category in expected {
            assert!(
                found.iter().any(|found| found == category),
                "{profile}: {description:?}: {found:?}, expected {category}"
            );
        }
    }
}

/// The plans the JS tests call "minimal valid" and "structural errors" stay so with coverage.
#[test]
fn the_shared_fixture_plans_keep_their_meaning() {
    let valid = prevent_plan_check::validate_json(
        include_str!("fixtures/plans/minimal-valid.json"),
        &Options::default(),
    );
    assert!(valid.valid, "{:?}", valid.issues);
    assert!(
        valid
            .issues
            .iter()
            .all(|issue| issue.severity == Severity::Info),
        "{:?}",
        valid.issues
    );
    let structural = prevent_plan_check::validate_json(
        include_str!("fixtures/plans/structural-errors.json"),
        &Options::default(),
    );
    assert!(
        structural
            .issues
            .iter()
            .all(|issue| !issue.rule.starts_with("category-")),
        "{:?}",
        structural.issues
    );
    assert_eq!(
        (
            structural.summary.errors,
            structural.summary.warnings,
            structural.summary.infos
        ),
        (2, 3, 0)
    );
}

#[test]
fn a_plan_titled_as_a_delivery_plan_is_the_partnership_plan() {
    let report = check(json!({"title": "Prevent Delivery Plan 2019-20", "sections": []}));
    let plan = coverage_of(&report, "partnership_plan");
    assert_eq!(plan.status, CoverageStatus::Inferred);
    assert!(plan.actions.is_empty());
    assert_eq!(
        at(&json!(plan.evidence), "/0"),
        &json!({"field": "/title", "phrase": "delivery plan", "span": {"start": 8, "end": 21}, "source": "inferred"})
    );
    let inferred = rules(&report, "category-inferred");
    let [(path, _, message)] = inferred.as_slice() else {
        unreachable!("{inferred:?}")
    };
    assert_eq!(path, "/title");
    assert!(message.contains("the plan's title"), "{message}");
}
