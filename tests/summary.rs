//! Assurance summaries of the seed plans: what a Prevent board would be told, benchmark by
//! benchmark, as of a reporting date in each plan's year.

use prevent_plan_check::coverage::CoverageStatus;
use prevent_plan_check::summary::{
    overview, render, summarize, CategorySummary, Entry, Format, Summary,
};
use prevent_plan_check::{validate_json, Date, Locale, Options};

fn summary(seed: &str, as_of: &str, locale: Locale) -> Summary {
    let path = format!(
        "{}/tests/fixtures/seeds/{seed}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| unreachable!("{path}: {error}"));
    let options = Options {
        as_of: Date::parse_iso(as_of),
        locale,
        ..Options::default()
    };
    summarize(&validate_json(&text, &options), &options)
}

fn category<'a>(summary: &'a Summary, id: &str) -> &'a CategorySummary {
    summary
        .categories
        .iter()
        .find(|category| category.id == id)
        .unwrap_or_else(|| unreachable!("no category {id}"))
}

fn action_ids(category: &CategorySummary) -> Vec<&str> {
    category
        .actions
        .iter()
        .map(|action| action.id.as_str())
        .collect()
}

#[test]
fn cumbria_2015_in_january_2016_six_december_milestones_are_overdue() {
    let summary = summary("004_cumbria_2015", "2016-01-31", Locale::English);
    let overdue: Vec<(&str, &str)> = summary
        .overdue
        .iter()
        .map(|item| (item.action.as_str(), item.milestone.as_str()))
        .collect();
    assert_eq!(
        overdue,
        [
            ("1.1", "December 2015"),
            ("1.2", "December 2015"),
            ("2.1", "December 2015"),
            ("2.2", "December 2015"),
            ("3.1", "December 2015"),
            ("3.7", "December 2015")
        ]
    );
    assert_eq!(
        summary.headline[1],
        "6 actions are overdue as of 31 Jan 2016."
    );
    // Nothing is tagged: every benchmark the plan meets is met by inference.
    assert_eq!(
        (
            summary.counts.covered,
            summary.counts.inferred,
            summary.counts.missing
        ),
        (0, 12, 2)
    );
    assert_eq!(summary.counts.required_missing, 0);
    let channel = category(&summary, "channel_panel");
    assert_eq!(channel.status, CoverageStatus::Inferred);
    assert_eq!(action_ids(channel), ["3.1"]);
    assert!(channel.actions[0].overdue);
    assert_eq!(
        channel.gaps,
        [
            "The plan does not say which actions serve this benchmark: tag them so the board can rely on it.",
            "Action 3.1 is overdue: \"December 2015\" was due by 31 Dec 2015."
        ]
    );
    let partnership = category(&summary, "partnership");
    assert_eq!(
        partnership.actions[2].next_milestone.as_deref(),
        Some("June 2016 (by 30 Jun 2016)")
    );
    assert!(partnership
        .gaps
        .contains(&"Action 1.5 has no date anyone can be held to.".to_owned()));
    assert_eq!(
        category(&summary, "children_settings").verdict,
        "Not covered; it is recommended, not required."
    );
}

#[test]
fn haringey_2013_lacks_a_risk_assessment_and_five_actions_are_late() {
    let summary = summary("001_haringey_2013", "2014-01-31", Locale::English);
    let risk = category(&summary, "risk_assessment");
    assert_eq!(risk.status, CoverageStatus::Missing);
    assert!(risk.required && risk.actions.is_empty());
    assert!(
        risk.gaps[0].starts_with("No action covers this benchmark"),
        "{:?}",
        risk.gaps
    );
    assert_eq!(summary.counts.required_missing, 1);
    assert!(
        summary.headline[0].ends_with("(1 of them required)."),
        "{}",
        summary.headline[0]
    );
    // The plan's title is the only evidence of a partnership plan.
    assert_eq!(
        category(&summary, "partnership_plan").verdict,
        "Covered only by inference from the plan's title: no action is tagged with it."
    );
    let late: Vec<&str> = summary
        .overdue
        .iter()
        .map(|item| item.action.as_str())
        .collect();
    assert_eq!(late, ["1.2", "1.3", "1.4", "2.7", "3.1"]);
}

#[test]
fn harrow_2015_has_nothing_overdue_in_january_2016() {
    let summary = summary("003_harrow_2015", "2016-01-31", Locale::English);
    assert!(summary.overdue.is_empty());
    assert_eq!(summary.counts.missing, 0);
    assert_eq!(action_ids(category(&summary, "risk_assessment")), ["10"]);
    assert_eq!(
        summary.authority.as_deref(),
        Some("London Borough of Harrow")
    );
    assert_eq!(summary.period.as_deref(), Some("2015/16"));
}

#[test]
fn welsh_summaries_name_the_benchmarks_in_welsh() {
    let english = summary("004_cumbria_2015", "2016-01-31", Locale::English);
    let welsh = summary("004_cumbria_2015", "2016-01-31", Locale::Welsh);
    assert_eq!(
        welsh.headline[1],
        "Mae 6 cam gweithredu yn hwyr ar 31 Ionawr 2016."
    );
    for (en, cy) in english.categories.iter().zip(&welsh.categories) {
        assert_eq!(en.id, cy.id);
        assert_ne!(en.name, cy.name);
        assert_ne!(en.verdict, cy.verdict);
    }
    assert_ne!(english.profile_title, welsh.profile_title);
}

#[test]
fn every_format_writes_every_benchmark() {
    let summary = summary("002_haringey_2016", "2016-12-31", Locale::English);
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = render(&summary, format);
        for category in &summary.categories {
            assert!(
                text.contains(&category.name),
                "{format:?} lacks {}",
                category.name
            );
        }
    }
    let csv = render(&summary, Format::Csv);
    let rows = summary
        .categories
        .iter()
        .map(|category| category.actions.len().max(1))
        .sum::<usize>();
    // Descriptions are collapsed to one line, so every CRLF ends a row.
    assert_eq!(csv.matches("\r\n").count(), rows + 1);
}

#[test]
fn the_overview_is_a_matrix_of_plans_by_benchmarks() {
    let seeds = [
        ("003_harrow_2015", "2016-01-31"),
        ("004_cumbria_2015", "2016-01-31"),
        ("001_haringey_2013", "2014-01-31"),
    ];
    let entries: Vec<Entry> = seeds
        .iter()
        .map(|(seed, as_of)| Entry {
            name: format!("{seed}.json"),
            summary: Some(summary(seed, as_of, Locale::English)),
            error: None,
        })
        .chain([Entry {
            name: "broken.xlsx".into(),
            summary: None,
            error: Some("not a workbook".into()),
        }])
        .collect();
    let csv = overview(&entries, Locale::English, Format::Csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("File,Plan,Body,Multi-agency partnership group,"));
    assert!(lines[3].starts_with("001_haringey_2013.json,"));
    assert!(lines[3].contains(",Missing,"), "{}", lines[3]);
    assert!(lines[4].ends_with("Could not be read: not a workbook"));
    let page = overview(&entries, Locale::English, Format::Html);
    assert!(
        page.contains("3 plans read; 2 cover every required benchmark; 1 file could not be read."),
        "{page}"
    );
}
