//! Coverage of the layout fixtures (councils, schools, colleges, universities, NHS trusts;
//! tests/fixtures/tables/) measured against hand labels, one file per profile
//! (tests/fixtures/coverage-labels/): precision and recall per profile and per category.
//!
//! `cargo test --features xlsx --test layout_coverage -- --nocapture` prints the table.

use std::collections::{BTreeMap, BTreeSet};

use prevent_plan_check::{validate_csv, Options, ProfileChoice, Report};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");
const LABELS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/coverage-labels"
);
/// Each profile with the precision and recall it must reach on its labelled set. The aim is
/// 0.85 and 0.9 everywhere; the council set stays at 0.80 precision: its remaining false
/// positives are words doing another job in the sentence ("Channel chair training",
/// "Prevent briefings" for community groups, a youth service in a list of staff), which a
/// phrase matcher cannot tell apart without hiding real evidence elsewhere.
const PROFILES: [(&str, f64, f64); 5] = [
    ("la-2023", 0.80, 0.95),
    ("schools", 0.85, 0.9),
    ("further-education", 0.85, 0.9),
    ("higher-education", 0.85, 0.9),
    ("health", 0.85, 0.9),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| unreachable!("{path}: {error}"))
}

fn check(fixture: &str, profile: &str) -> Report {
    let options = Options {
        profile: Some(ProfileChoice::Id(profile.into())),
        ..Options::default()
    };
    validate_csv(&read(&format!("{FIXTURES}/{fixture}")), &options)
}

/// Action id (its JSON Pointer when it has none) -> categories as the report understands them.
fn predicted(report: &Report) -> BTreeMap<String, BTreeSet<String>> {
    let Some(plan) = &report.plan else {
        unreachable!("no plan")
    };
    plan.actions()
        .map(|action| {
            let key = action.action.id.clone().unwrap_or_else(|| action.pointer());
            (key, action.action.categories.iter().cloned().collect())
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
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
    fn add(&mut self, other: Counts) {
        self.true_positive += other.true_positive;
        self.false_positive += other.false_positive;
        self.false_negative += other.false_negative;
    }
    fn row(&self, name: &str) -> String {
        format!(
            "{name:<30} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            self.true_positive,
            self.false_positive,
            self.false_negative,
            self.precision(),
            self.recall()
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn labels_of(categories: &Value) -> BTreeSet<String> {
    categories
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// Per category counts of one profile's labelled set, and the mistakes.
fn measure(profile: &str) -> (BTreeMap<String, Counts>, Vec<String>) {
    let labels: Value = serde_json::from_str(&read(&format!("{LABELS}/{profile}.json")))
        .unwrap_or_else(|error| unreachable!("{profile}: {error}"));
    let Some(fixtures) = labels.as_object() else {
        unreachable!("{profile}: not an object")
    };
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for (fixture, expected) in fixtures.iter().filter(|(name, _)| !name.starts_with('_')) {
        let report = check(fixture, profile);
        let predicted = predicted(&report);
        let Some(expected) = expected.as_object() else {
            unreachable!("{fixture}: not an object")
        };
        let labelled: BTreeSet<&String> = expected.keys().collect();
        assert_eq!(
            labelled,
            predicted.keys().collect(),
            "{fixture}: every action is labelled, under the id the importer reads"
        );
        for (id, categories) in expected {
            let expected = labels_of(categories);
            let found = predicted.get(id).cloned().unwrap_or_default();
            for category in expected.union(&found) {
                let entry = counts.entry(category.clone()).or_default();
                match (expected.contains(category), found.contains(category)) {
                    (true, true) => entry.true_positive += 1,
                    (false, true) => {
                        entry.false_positive += 1;
                        let phrases: Vec<String> = report
                            .coverage
                            .get(category)
                            .into_iter()
                            .flat_map(|coverage| &coverage.evidence)
                            .filter(|evidence| evidence.action.as_deref() == Some(id.as_str()))
                            .map(|evidence| format!("{} in {}", evidence.phrase, evidence.field))
                            .collect();
                        mistakes.push(format!("{fixture} {id}: +{category} {phrases:?}"));
                    }
                    _ => {
                        entry.false_negative += 1;
                        mistakes.push(format!("{fixture} {id}: -{category}"));
                    }
                }
            }
        }
    }
    (counts, mistakes)
}

#[test]
fn precision_and_recall_per_profile_and_category() {
    let header = format!(
        "{:<30} {:>4} {:>4} {:>4} {:>9} {:>6}",
        "category", "tp", "fp", "fn", "precision", "recall"
    );
    let mut failures = Vec::new();
    for (profile, precision_floor, recall_floor) in PROFILES {
        let (counts, mistakes) = measure(profile);
        let mut total = Counts::default();
        println!("\n== {profile}\n{header}");
        for (category, count) in &counts {
            println!("{}", count.row(category));
            total.add(*count);
        }
        println!("{}", total.row("all (micro)"));
        if !mistakes.is_empty() {
            println!(
                "mistakes (+ spurious, - missed):\n  {}",
                mistakes.join("\n  ")
            );
        }
        if total.precision() < precision_floor || total.recall() < recall_floor {
            failures.push(format!(
                "{profile}: precision {:.2}, recall {:.2}",
                total.precision(),
                total.recall()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
