//! Coverage of the seed plans (real published Prevent plans, transcribed to JSON in
//! `tests/fixtures/seeds/`): the classifier measured against hand labels, and the coverage
//! a Prevent coordinator would agree with.

use std::collections::{BTreeMap, BTreeSet};

use prevent_plan_check::{validate_json, Options, ProfileChoice, Report};
use serde_json::Value;

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
        let predicted = predicted(&check(seed, "la-2023"));
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
                        mistakes.push(format!("{seed} {id}: +{category}"));
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
