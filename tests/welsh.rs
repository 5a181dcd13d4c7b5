//! Welsh reports: `locale: "cy"` gives every message, hint and category name in Welsh, on the
//! real plans (the bundled examples and the seed tables) as well as on broken input.

use prevent_plan_check::{validate_csv, validate_json, Locale, Options, Report};

#[path = "../src/messages/english_words.rs"]
mod english_words;
use english_words::english_words;

fn options(locale: Locale) -> Options {
    let Ok(mut options) = Options::from_json(r#"{"asOf": "2016-03-31"}"#) else {
        unreachable!("valid options")
    };
    options.locale = locale;
    options
}

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| unreachable!("{path}: {error}"))
}

/// Every input the checks below run on: the example plans, the seed tables, broken input.
fn reports(check: impl Fn(&str, bool) -> Report) -> Vec<(String, Report)> {
    let mut found = Vec::new();
    for name in [
        "cumbria-2015-16",
        "haringey-2008-11",
        "haringey-2013-14",
        "harrow-2015-16",
    ] {
        found.push((
            name.to_owned(),
            check(&read(&format!("pkg/examples/{name}.json")), true),
        ));
    }
    for name in [
        "cumbria-2015-16.tsv",
        "haringey-2008-11.tsv",
        "haringey-2013-14.tsv",
        "harrow-2015-16.csv",
        "excel-style.csv",
    ] {
        found.push((
            name.to_owned(),
            check(&read(&format!("tests/fixtures/tables/{name}")), false),
        ));
    }
    let broken = [
        r#"{"sections": [}"#,
        r#"{"period": "next year", "sections": [{"title": "T", "actions": [
            {"id": "1", "description": "Train staff", "leads": "Prevent Lead", "colour": 1},
            {"description": "Contact john.smith@example.gov.uk", "milestones": [7]}]}]}"#,
        r#"{"profile": "la-2099", "sections": []}"#,
        r#"{"sections": [{"title": "T", "actions": [
            {"id": "1", "description": "Deliver WRAP", "categories": ["channel"], "milestones": ["Dec 2013 to Oct 2013", "See 9 above", "TBC", "When resources allow"]},
            {"id": "1", "description": "Set up the group", "milestones": ["sometime soonish maybe"]}]}]}"#,
    ];
    for text in broken {
        found.push((text.to_owned(), check(text, true)));
    }
    found.push(("no header".to_owned(), check("a,b\n1,2\n", false)));
    found
}

fn check(locale: Locale) -> impl Fn(&str, bool) -> Report {
    move |text, json| {
        if json {
            validate_json(text, &options(locale))
        } else {
            validate_csv(text, &options(locale))
        }
    }
}

#[test]
fn a_welsh_report_is_the_english_one_in_welsh() {
    let english = reports(check(Locale::English));
    let welsh = reports(check(Locale::Welsh));
    let mut messages = 0;
    for ((name, english), (_, welsh)) in english.iter().zip(&welsh) {
        assert_eq!(english.summary, welsh.summary, "{name}");
        assert_eq!(english.issues.len(), welsh.issues.len(), "{name}");
        for (english, welsh) in english.issues.iter().zip(&welsh.issues) {
            assert_eq!(
                (english.rule, &english.path),
                (welsh.rule, &welsh.path),
                "{name}"
            );
            assert_ne!(english.message, welsh.message, "{name}: not translated");
            assert_eq!(english.hint.is_some(), welsh.hint.is_some(), "{name}");
            if english.hint.is_some() {
                assert_ne!(english.hint, welsh.hint, "{name}: hint not translated");
            }
            let left: Vec<String> = english_words(&welsh.message)
                .into_iter()
                .chain(welsh.hint.as_deref().map(english_words).unwrap_or_default())
                .collect();
            assert!(
                left.is_empty(),
                "{name}: English left in {:?} {:?}: {left:?}",
                welsh.message,
                welsh.hint
            );
            messages += 1;
        }
    }
    assert!(messages > 50, "only {messages} messages compared");
}

#[test]
fn welsh_reports_name_the_categories_in_welsh() {
    let text = read("pkg/examples/harrow-2015-16.json");
    let english = validate_json(&text, &options(Locale::English));
    let welsh = validate_json(&text, &options(Locale::Welsh));
    assert_eq!(
        welsh
            .coverage
            .get("channel_panel")
            .map(|category| category.name.as_str()),
        Some("Panel Channel")
    );
    for (id, category) in &english.coverage {
        let name = welsh
            .coverage
            .get(id)
            .map(|category| category.name.as_str());
        assert_ne!(name, Some(category.name.as_str()), "{id} has no Welsh name");
    }
}

#[test]
fn the_locale_is_an_option() {
    let parsed = |text: &str| Options::from_json(text).map(|options| options.locale);
    assert_eq!(parsed(r#"{"locale": "cy"}"#), Ok(Locale::Welsh));
    assert_eq!(parsed(r#"{"locale": "en"}"#), Ok(Locale::English));
    assert_eq!(parsed("{}"), Ok(Locale::English));
    assert_eq!(
        Options::from_json(r#"{"locale": "fr"}"#).map_err(|error| error.option),
        Err("locale")
    );
}

#[test]
fn a_custom_profile_may_carry_welsh_names() {
    let plan = r#"{"sections": [{"title": "T", "actions": [{"id": "1", "description": "Deliver WRAP", "leads": ["L"], "milestones": ["March 2016"]}]}]}"#;
    let profile = |translations: &str| {
        format!(
            r#"{{"profile": {{"id": "mine", "title": "Mine", "guidance": "G", "sector": "local_authority",
                "categories": [{{"id": "budget", "name": "Budget", "basis": "must", "required": true,
                "description": "A budget line.", "phrases": ["budget"]{translations}}}]}}, "locale": "cy"}}"#
        )
    };
    let Ok(options) = Options::from_json(&profile(
        r#", "translations": {"cy": {"name": "Cyllideb", "description": "Llinell gyllideb."}}"#,
    )) else {
        unreachable!("a valid profile")
    };
    let report = validate_json(plan, &options);
    let missing = report
        .issues
        .iter()
        .find(|issue| issue.rule == "category-missing");
    assert_eq!(
        missing.map(|issue| issue.message.as_str()),
        Some("Nid oes cam gweithredu yn ymdrin â \"Cyllideb\" (`budget`): Llinell gyllideb.")
    );
    assert_eq!(
        report
            .coverage
            .get("budget")
            .map(|category| category.name.as_str()),
        Some("Cyllideb")
    );

    // English only is still a valid profile: Welsh reports name its categories in English.
    let Ok(english_only) = Options::from_json(&profile("")) else {
        unreachable!("a valid profile")
    };
    let report = validate_json(plan, &english_only);
    assert_eq!(
        report
            .coverage
            .get("budget")
            .map(|category| category.name.as_str()),
        Some("Budget")
    );

    // A translation has only the texts it can translate.
    let wrong = Options::from_json(&profile(
        r#", "translations": {"cy": {"phrases": ["cyllideb"]}}"#,
    ));
    assert_eq!(wrong.map_err(|error| error.option), Err("profile"));
}

#[test]
fn every_built_in_profile_and_category_has_a_welsh_name() {
    for profile in prevent_plan_check::profiles() {
        let title = profile
            .translations
            .get("cy")
            .and_then(|welsh| welsh.title.as_deref());
        assert!(
            title.is_some_and(|title| title != profile.title),
            "{}",
            profile.id
        );
        for category in &profile.categories {
            let name = category.name();
            assert!(
                name.cy.as_ref().is_some_and(|welsh| *welsh != name.en),
                "{}: {}",
                profile.id,
                category.id
            );
        }
    }
}
