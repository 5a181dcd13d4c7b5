//! Coverage of the seed plans (real published Prevent plans, transcribed to JSON in
//! `tests/fixtures/seeds/`): the classifier measured against hand labels, and the coverage
//! a Prevent coordinator would agree with.

use std::collections::{BTreeMap, BTreeSet};

use prevent_plan_check::coverage::CoverageStatus;
use prevent_plan_check::{validate_json, Options, ProfileChoice, Report, Severity};
use serde_json::Value;

mod support;
use support::coverage_of;

const SEEDS: [(&str, &str); 5] = [
    (
        "000_haringey_2008.json",
        include_str!("fixtures/seeds/000_haringey_2008.json"),
    ),
    (
        "001_haringey_2013.json",
        include_str!("fixtures/seeds/001_haringey_2013.json"),
    ),
    (
        "002_haringey_2016.json",
        include_str!("fixtures/seeds/002_haringey_2016.json"),
    ),
    (
        "003_harrow_2015.json",
        include_str!("fixtures/seeds/003_harrow_2015.json"),
    ),
    (
        "004_cumbria_2015.json",
        include_str!("fixtures/seeds/004_cumbria_2015.json"),
    ),
];
const LABELS: &str = include_str!("fixtures/coverage_labels.json");

fn check(seed: &str, profile: &str) -> Report {
    let Some((_, text)) = SEEDS.iter().find(|(name, _)| *name == seed) else {
        unreachable!("no seed {seed}")
    };
    let options = Options {
        profile: Some(ProfileChoice::Id(profile.into())),
        ..Options::default()
    };
    let report = validate_json(text, &options);
    assert!(
        report.issues.iter().all(|issue| issue.rule != "schema"),
        "{seed}: {:?}",
        report.issues
    );
    report
}

/// Action id -> categories as the report's plan understands them.
fn predicted(report: &Report) -> BTreeMap<String, BTreeSet<String>> {
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    plan.actions()
        .map(|action| {
            let id = action.action.id.clone().unwrap_or_default();
            (id, action.action.categories.iter().cloned().collect())
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn classifier_precision_and_recall_against_hand_labels() {
    let labels: Value =
        serde_json::from_str(LABELS).unwrap_or_else(|error| unreachable!("{error}"));
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for (seed, _) in SEEDS {
        let report = check(seed, "la-2023");
        let predicted = predicted(&report);
        let Some(expected) = labels.get(seed).and_then(Value::as_object) else {
            unreachable!("no labels for {seed}")
        };
        assert_eq!(
            expected.len(),
            predicted.len(),
            "{seed}: every action is labelled"
        );
        for (id, categories) in expected {
            let expected: BTreeSet<String> = categories
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            let Some(found) = predicted.get(id) else {
                unreachable!("{seed}: no action {id}")
            };
            for category in expected.union(found) {
                let entry = counts.entry(category.clone()).or_default();
                match (expected.contains(category), found.contains(category)) {
                    (true, true) => entry.true_positive += 1,
                    (false, true) => {
                        entry.false_positive += 1;
                        let phrases: Vec<&str> = coverage_of(&report, category)
                            .evidence
                            .iter()
                            .filter(|evidence| evidence.action.as_deref() == Some(id.as_str()))
                            .map(|evidence| &*evidence.phrase)
                            .collect();
                        mistakes.push(format!("{seed} {id}: +{category} {phrases:?}"));
                    }
                    _ => {
                        entry.false_negative += 1;
                        mistakes.push(format!("{seed} {id}: -{category}"));
                    }
                }
            }
        }
    }
    let mut total = Counts::default();
    println!(
        "{:<28} {:>5} {:>5} {:>5} {:>9} {:>6}",
        "category", "tp", "fp", "fn", "precision", "recall"
    );
    for (category, count) in &counts {
        println!(
            "{category:<28} {:>5} {:>5} {:>5} {:>9.2} {:>6.2}",
            count.true_positive,
            count.false_positive,
            count.false_negative,
            count.precision(),
            count.recall()
        );
        total.true_positive += count.true_positive;
        total.false_positive += count.false_positive;
        total.false_negative += count.false_negative;
    }
    println!(
        "{:<28} {:>5} {:>5} {:>5} {:>9.2} {:>6.2}",
        "all (micro)",
        total.true_positive,
        total.false_positive,
        total.false_negative,
        total.precision(),
        total.recall()
    );
    println!(
        "mistakes (+ spurious, - missed):\n  {}",
        mistakes.join("\n  ")
    );
    assert!(
        total.precision() >= 0.75,
        "micro precision {:.2}",
        total.precision()
    );
    assert!(total.recall() >= 0.80, "micro recall {:.2}", total.recall());
    for (category, count) in &counts {
        if count.true_positive + count.false_negative >= 4 {
            assert!(
                count.precision() >= 0.5,
                "{category} precision {:.2}",
                count.precision()
            );
            assert!(
                count.recall() >= 0.6,
                "{category} recall {:.2}",
                count.recall()
            );
        }
    }
}

fn with_status(report: &Report, status: CoverageStatus) -> BTreeSet<&str> {
    report
        .coverage
        .iter()
        .filter(|(_, coverage)| coverage.status == status)
        .map(|(id, _)| id.as_str())
        .collect()
}

fn missing_issues(report: &Report) -> Vec<(&str, Severity)> {
    report
        .issues
        .iter()
        .filter(|issue| issue.rule == "category-missing")
        .map(|issue| {
            let id = issue.message.split('`').nth(1).unwrap_or_default();
            (id, issue.severity)
        })
        .collect()
}

const BENCHMARKS: [&str; 8] = [
    "partnership",
    "risk_assessment",
    "partnership_plan",
    "referral_pathway",
    "channel_panel",
    "training",
    "permissive_environments",
    "communications_engagement",
];

#[test]
fn cumbria_2015_covers_every_benchmark() {
    let report = check("004_cumbria_2015.json", "la-2023");
    let inferred = with_status(&report, CoverageStatus::Inferred);
    for benchmark in BENCHMARKS {
        assert!(
            inferred.contains(benchmark),
            "{benchmark} not covered: {inferred:?}"
        );
    }
    assert!(
        missing_issues(&report).is_empty(),
        "{:?}",
        missing_issues(&report)
    );
    // Nothing is tagged, so every benchmark is only inferred: one info each, pointing at why.
    let infos: Vec<_> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "category-inferred")
        .collect();
    assert_eq!(infos.len(), BENCHMARKS.len());
    assert!(infos
        .iter()
        .all(|issue| issue.severity == Severity::Info && issue.span.is_some()));
    // The evidence says why: "counter terrorism local profiles", "CHANNEL Panel", "buildings".
    let phrase_of = |category: &str, action: &str| -> Vec<String> {
        coverage_of(&report, category)
            .evidence
            .iter()
            .filter(|evidence| evidence.action.as_deref() == Some(action))
            .map(|evidence| evidence.phrase.to_string())
            .collect()
    };
    assert_eq!(
        phrase_of("risk_assessment", "2.2"),
        ["counter-terrorism local profile"]
    );
    assert_eq!(phrase_of("channel_panel", "3.1"), ["Channel panel"]);
    assert_eq!(
        phrase_of("permissive_environments", "3.2"),
        ["buildings", "platform to"]
    );
    assert_eq!(coverage_of(&report, "channel_panel").actions, ["3.1"]);
    assert!(
        coverage_of(&report, "leadership")
            .actions
            .contains(&"2.3".to_owned()),
        "section \"Leadership\" lends"
    );
}

#[test]
fn haringey_2013_has_a_channel_panel_and_most_benchmarks() {
    let report = check("001_haringey_2013.json", "la-2023");
    let inferred = with_status(&report, CoverageStatus::Inferred);
    for benchmark in [
        "channel_panel",
        "partnership",
        "referral_pathway",
        "training",
        "permissive_environments",
        "communications_engagement",
    ] {
        assert!(inferred.contains(benchmark), "{benchmark}: {inferred:?}");
    }
    assert_eq!(
        coverage_of(&report, "channel_panel").actions,
        ["1.3", "1.4", "2.1"]
    );
    assert!(
        coverage_of(&report, "out_of_school_settings")
            .actions
            .contains(&"3.2".to_owned()),
        "madrassahs"
    );
    assert!(!missing_issues(&report).contains(&("channel_panel", Severity::Error)));
}

#[test]
fn haringey_2008_predates_channel_so_the_panel_is_an_error() {
    let report = check("000_haringey_2008.json", "la-2023");
    let missing = missing_issues(&report);
    assert!(
        missing.contains(&("channel_panel", Severity::Error)),
        "{missing:?}"
    );
    assert!(
        missing.contains(&("permissive_environments", Severity::Warning)),
        "{missing:?}"
    );
    assert!(!report.valid);
    let inferred = with_status(&report, CoverageStatus::Inferred);
    for covered in [
        "partnership",
        "risk_assessment",
        "partnership_plan",
        "training",
        "communications_engagement",
    ] {
        assert!(inferred.contains(covered), "{covered}: {inferred:?}");
    }
}

#[test]
fn haringey_2016_update_covers_channel_training_partnership_and_monitoring() {
    let report = check("002_haringey_2016.json", "la-2023");
    let inferred = with_status(&report, CoverageStatus::Inferred);
    for covered in [
        "channel_panel",
        "training",
        "partnership",
        "referral_pathway",
        "monitoring_review",
        "communications_engagement",
    ] {
        assert!(inferred.contains(covered), "{covered}: {inferred:?}");
    }
    assert!(
        coverage_of(&report, "channel_panel")
            .actions
            .contains(&"6.3".to_owned()),
        "Dovetail and the Channel Panel"
    );
}

#[test]
fn harrow_2015_covers_the_2023_benchmarks_and_the_2015_categories() {
    let report = check("003_harrow_2015.json", "la-2023");
    assert!(
        missing_issues(&report).is_empty(),
        "{:?}",
        missing_issues(&report)
    );
    assert_eq!(coverage_of(&report, "children_settings").actions, ["20"]);
    assert!(coverage_of(&report, "out_of_school_settings")
        .actions
        .contains(&"8".to_owned()));
    let permissive = &coverage_of(&report, "permissive_environments").actions;
    for action in ["4", "5", "6", "7", "15"] {
        assert!(
            permissive.contains(&action.to_owned()),
            "{action}: {permissive:?}"
        );
    }

    let report = check("003_harrow_2015.json", "la-2015");
    assert_eq!(report.profile, "la-2015");
    assert!(
        missing_issues(&report).is_empty(),
        "{:?}",
        missing_issues(&report)
    );
    assert_eq!(coverage_of(&report, "new_contracts").actions, ["7"]);
    let resources = &coverage_of(&report, "local_authority_resources").actions;
    for action in ["4", "5", "6"] {
        assert!(
            resources.contains(&action.to_owned()),
            "{action}: {resources:?}"
        );
    }
}

#[test]
fn every_evidence_span_points_at_its_phrase_in_the_input() {
    for (seed, text) in SEEDS {
        let input: Value =
            serde_json::from_str(text).unwrap_or_else(|error| unreachable!("{error}"));
        let report = check(seed, "la-2023");
        for (category, coverage) in &report.coverage {
            for evidence in &coverage.evidence {
                let field = input
                    .pointer(&evidence.field)
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let found = field
                    .get(evidence.span.start..evidence.span.end)
                    .unwrap_or_default();
                // The phrase as written, or a form of it ("engage" found as "engaging").
                let first_word = evidence
                    .phrase
                    .split([' ', '-'])
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                let stem = first_word.trim_end_matches(['e', 'y']);
                assert!(
                    found.to_lowercase().replace('-', " ").starts_with(stem),
                    "{seed} {category}: {:?} at {} is {found:?}",
                    evidence.phrase,
                    evidence.field
                );
            }
        }
    }
}

/// The example plans bundled with the package come from the table importer (not from the
/// hand transcription above): the verdicts must not depend on who read the table.
#[test]
fn bundled_examples_get_the_same_verdicts() {
    let examples = [
        (
            "cumbria",
            include_str!("../pkg/examples/cumbria-2015-16.json"),
        ),
        (
            "harrow",
            include_str!("../pkg/examples/harrow-2015-16.json"),
        ),
        (
            "haringey-2008",
            include_str!("../pkg/examples/haringey-2008-11.json"),
        ),
        (
            "haringey-2013",
            include_str!("../pkg/examples/haringey-2013-14.json"),
        ),
    ];
    for (name, text) in examples {
        let report = validate_json(text, &Options::default());
        let missing = missing_issues(&report);
        match name {
            "cumbria" | "harrow" => assert!(missing.is_empty(), "{name}: {missing:?}"),
            "haringey-2008" => assert!(
                missing.contains(&("channel_panel", Severity::Error)),
                "{missing:?}"
            ),
            _ => {
                assert!(
                    !missing.iter().any(|(id, _)| *id == "channel_panel"),
                    "{name}: {missing:?}"
                );
                // Titled "Draft Prevent Delivery Plan": the document is the partnership plan.
                assert_eq!(
                    coverage_of(&report, "partnership_plan").status,
                    CoverageStatus::Inferred
                );
            }
        }
    }
}
