//! Both catalogues say every message, with the same arguments, and Welsh says it in Welsh.

use std::collections::BTreeSet;

use super::*;
use crate::rules::find_personal_data;

#[path = "english_words.rs"]
pub(crate) mod english_words;
use english_words::english_words;

/// A value for an argument of a sample message; `seed` makes each one distinct.
pub(crate) trait Sample {
    fn sample(seed: usize) -> Self;
}

impl Sample for String {
    fn sample(seed: usize) -> String {
        format!("«s{seed}»")
    }
}

impl Sample for usize {
    fn sample(seed: usize) -> usize {
        1000 + seed
    }
}

impl Sample for u64 {
    fn sample(seed: usize) -> u64 {
        1000 + seed as u64
    }
}

impl Sample for bool {
    fn sample(seed: usize) -> bool {
        seed % 2 == 0
    }
}

impl Sample for Option<String> {
    fn sample(seed: usize) -> Option<String> {
        (seed % 2 == 0).then(|| String::sample(seed))
    }
}

/// The kinds of personal data the rule really reports.
impl Sample for &'static str {
    fn sample(seed: usize) -> &'static str {
        let kinds = personal_data_kinds();
        kinds.get(seed % kinds.len()).copied().unwrap_or_default()
    }
}

impl Sample for FileFormat {
    fn sample(seed: usize) -> FileFormat {
        [
            FileFormat::LegacyWord,
            FileFormat::LegacyExcel,
            FileFormat::Pdf,
        ]
        .get(seed % 3)
        .copied()
        .unwrap_or(FileFormat::Pdf)
    }
}

impl Sample for Date {
    fn sample(seed: usize) -> Date {
        let (year, month, day) = (2000 + seed % 30, 1 + seed % 12, 1 + seed % 28);
        Date::new(year as i32, month as u32, day as u32)
            .unwrap_or_else(|| unreachable!("{year}-{month}-{day}"))
    }
}

fn pick<T: Copy>(values: &[T], seed: usize) -> T {
    *values
        .get(seed % values.len())
        .unwrap_or_else(|| unreachable!("empty"))
}

impl Sample for Required {
    fn sample(seed: usize) -> Required {
        pick(&[Required::Lead, Required::Milestone], seed)
    }
}

impl Sample for Recorded {
    fn sample(seed: usize) -> Recorded {
        pick(
            &[Recorded::Evidence, Recorded::Risk, Recorded::Requirement],
            seed,
        )
    }
}

impl Sample for Whereabouts {
    fn sample(seed: usize) -> Whereabouts {
        pick(
            &[Whereabouts::Above, Whereabouts::Below, Whereabouts::Itself],
            seed,
        )
    }
}

impl Sample for JsonType {
    fn sample(seed: usize) -> JsonType {
        use JsonType::*;
        pick(&[Text, List, Object, Number, Boolean, Null, Other], seed)
    }
}

impl Sample for Vec<JsonType> {
    fn sample(seed: usize) -> Vec<JsonType> {
        let count = if seed % 3 == 0 { 2 } else { 1 };
        (0..count).map(|n| JsonType::sample(seed + n)).collect()
    }
}

impl Sample for Expectation {
    fn sample(seed: usize) -> Expectation {
        use Expectation::*;
        pick(
            &[
                Date,
                CategoryId,
                ProfileId,
                Period,
                Milestone,
                Status,
                Format,
                AllowedForm,
            ],
            seed,
        )
    }
}

impl Sample for ActionName {
    fn sample(seed: usize) -> ActionName {
        if seed % 2 == 0 {
            ActionName::Id(String::sample(seed))
        } else {
            ActionName::Position {
                action: usize::sample(seed),
                section: usize::sample(seed + 1),
            }
        }
    }
}

impl Sample for StatusValue {
    fn sample(seed: usize) -> StatusValue {
        pick(
            &[
                StatusValue::NotStarted,
                StatusValue::OnTrack,
                StatusValue::AtRisk,
                StatusValue::Delayed,
                StatusValue::Complete,
                StatusValue::Ongoing,
                StatusValue::Unknown,
            ],
            seed,
        )
    }
}

impl Sample for Localized {
    fn sample(seed: usize) -> Localized {
        Localized {
            en: format!("«l{seed}»"),
            cy: Some(format!("«l{seed}»")),
        }
    }
}

impl Sample for Place {
    fn sample(seed: usize) -> Place {
        let owner = match seed % 6 {
            0 => Owner::Plan,
            1 => Owner::Section(usize::sample(seed)),
            2 => Owner::Action(String::sample(seed)),
            3 => Owner::ActionAt {
                action: usize::sample(seed),
                section: Some(usize::sample(seed + 1)),
            },
            4 => Owner::ActionAt {
                action: usize::sample(seed),
                section: None,
            },
            _ => Owner::Profile(format!("/categories/{seed}")),
        };
        let field = pick(&schema_fields(), seed / 5).to_owned();
        let part = match seed % 3 {
            0 => None,
            1 => Some(Part::Field(field)),
            _ => Some(Part::Item(field, usize::sample(seed))),
        };
        Place { owner, part }
    }
}

fn personal_data_kinds() -> Vec<&'static str> {
    let text = "Contact john.smith@example.gov.uk or 020 8489 1000; NI number AB 12 34 56 C; \
                N17 0AB; Mr Smith chairs it.";
    let kinds: BTreeSet<&'static str> = find_personal_data(text)
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    kinds.into_iter().collect()
}

/// Every field name of the plan schema.
fn schema_fields() -> Vec<&'static str> {
    let schema: serde_json::Value = serde_json::from_str(crate::schema::PLAN_SCHEMA)
        .unwrap_or_else(|error| unreachable!("{error}"));
    let mut names = BTreeSet::new();
    collect_properties(&schema, &mut names);
    names
        .into_iter()
        .map(|name| &*Box::leak(name.into_boxed_str()))
        .collect()
}

fn collect_properties(value: &serde_json::Value, names: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                if key == "properties" {
                    if let Some(properties) = child.as_object() {
                        names.extend(properties.keys().cloned());
                    }
                }
                collect_properties(child, names);
            }
        }
        serde_json::Value::Array(items) => {
            items
                .iter()
                .for_each(|item| collect_properties(item, names));
        }
        _ => {}
    }
}

fn every_sample() -> Vec<Message> {
    (0..12).flat_map(Message::samples).collect()
}

/// The sample arguments a text shows: «tokens» and numbers of three digits or more.
fn arguments(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut outside = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('«') {
        outside.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start..).unwrap_or_default();
        let end = after
            .find('»')
            .map_or(after.len(), |end| end + '»'.len_utf8());
        found.insert(after.get(..end).unwrap_or_default().to_owned());
        rest = after.get(end..).unwrap_or_default();
    }
    outside.push_str(rest);
    found.extend(
        outside
            .split(|c: char| !c.is_ascii_digit())
            .filter(|digits| digits.len() >= 3)
            .map(str::to_owned),
    );
    found
}

#[test]
fn every_message_is_in_both_catalogues_with_the_same_arguments() {
    for message in every_sample() {
        let english = message.render(Locale::English);
        let welsh = message.render(Locale::Welsh);
        assert!(!english.is_empty() && !welsh.is_empty(), "{message:?}");
        assert_ne!(english, welsh, "{message:?} is not translated");
        let (mut in_english, in_welsh) = (arguments(&english), arguments(&welsh));
        if let Message::JsonSyntax {
            error,
            line,
            column,
            ..
        } = &message
        {
            // English quotes the parser, which already says where; Welsh says where itself.
            in_english.remove(error);
            in_english.extend([line.to_string(), column.to_string()]);
        }
        assert_eq!(
            in_english, in_welsh,
            "{message:?}: the catalogues show different arguments\n{english}\n{welsh}"
        );
    }
}

#[test]
fn welsh_messages_have_no_english_left() {
    for message in every_sample() {
        let welsh = message.render(Locale::Welsh);
        let english = english_words(&welsh);
        assert!(
            english.is_empty()
                || matches!(
                    message,
                    Message::TableUnreadable { .. } | Message::ProfileInvalid { .. }
                ),
            "{welsh}: English words {english:?}"
        );
    }
}

#[test]
fn every_schema_field_and_personal_data_kind_has_a_welsh_name() {
    for field in schema_fields() {
        assert!(
            cy::field_name(field) != field || field == "label",
            "no Welsh name for the schema field `{field}`"
        );
    }
    let kinds = personal_data_kinds();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    for kind in kinds {
        assert_ne!(cy::personal_data(kind), kind, "no Welsh for {kind}");
    }
}

#[test]
fn welsh_dates_name_the_month_in_full() {
    let message = Message::MilestoneRangeReversed {
        milestone: "Tach-13".into(),
        action: ActionName::Id("1.2".into()),
    };
    assert_eq!(
        message.render(Locale::Welsh),
        "Carreg filltir \"Tach-13\" (cam gweithredu 1.2): mae'n dod i ben cyn iddi ddechrau"
    );
    let Some(due) = Date::new(2013, 11, 30) else {
        unreachable!()
    };
    let overdue = Message::DependencyOrder {
        action: ActionName::Position {
            action: 3,
            section: 2,
        },
        target: "1".into(),
        due,
        target_due: due,
    };
    assert!(overdue
        .render(Locale::Welsh)
        .starts_with("Cam gweithredu 3 yn adran 2: mae'n adeiladu ar gam gweithredu 1"));
    assert!(overdue.render(Locale::Welsh).contains("30 Tachwedd 2013"));
    assert!(overdue.render(Locale::English).contains("30 Nov 2013"));
}

#[test]
fn profile_texts_fall_back_to_english() {
    let name = Localized {
        en: "Channel panel".into(),
        cy: None,
    };
    assert_eq!(name.get(Locale::Welsh), "Channel panel");
    let name = Localized {
        cy: Some("Panel Channel".into()),
        ..name
    };
    assert_eq!(name.get(Locale::Welsh), "Panel Channel");
    assert_eq!(name.get(Locale::English), "Channel panel");
}

#[test]
fn every_rule_has_one_welsh_summary() {
    let ids: BTreeSet<&str> = crate::rules::registry()
        .iter()
        .map(|rule| rule.id)
        .collect();
    let translated: BTreeSet<&str> = WELSH_RULE_SUMMARIES.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, translated);
    assert_eq!(WELSH_RULE_SUMMARIES.len(), translated.len(), "a rule twice");
    for rule in crate::rules::registry() {
        let welsh = WELSH_RULE_SUMMARIES.iter().find(|(id, _)| *id == rule.id);
        assert_ne!(welsh.map(|(_, summary)| *summary), Some(rule.summary));
    }
}
