use super::*;
use crate::validate_json;

const HOSTILE: &str = r#"{"title": "<script>alert(1)</script> & co", "authority": "Borough of <b>Bold</b>",
  "period": "2017/18", "as_of": "2018-01-31", "sections": [{"title": "Training", "actions": [
  {"id": "1", "description": "Train staff | </td><img src=x onerror=alert(1)> *now* [link](javascript:x)",
   "leads": ["=HYPERLINK(\"http://evil\")"], "milestones": ["Dec-17"], "status": "Delayed",
   "categories": ["training"]},
  {"id": "2", "description": "Channel panel meets monthly", "leads": ["Chair"], "milestones": ["Mar-18"],
   "categories": ["channel_panel"]}]}]}"#;

fn summary_of(text: &str, locale: Locale) -> Summary {
    let options = Options {
        locale,
        ..Options::default()
    };
    summarize(&validate_json(text, &options), &options)
}

#[test]
fn reads_coverage_progress_and_overdue_items_from_the_report() {
    let summary = summary_of(HOSTILE, Locale::English);
    assert_eq!(summary.counts.categories, 14, "la-2023's categories");
    assert_eq!(summary.counts.covered, 2);
    assert_eq!(summary.counts.overdue, 1);
    let training = summary
        .categories
        .iter()
        .find(|category| category.id == "training")
        .unwrap();
    assert_eq!(training.status, CoverageStatus::Covered);
    let [action] = training.actions.as_slice() else {
        panic!("{training:?}")
    };
    assert!(action.overdue);
    assert_eq!(action.progress, Some(StatusValue::Delayed));
    assert_eq!(
        action.next_milestone.as_deref(),
        Some("None left (the last was Dec-17)")
    );
    assert!(
        training.gaps.iter().any(|gap| gap.contains("overdue")),
        "{:?}",
        training.gaps
    );
    assert!(
        training.gaps.iter().any(|gap| gap.contains("delayed")),
        "{:?}",
        training.gaps
    );
    let channel = summary
        .categories
        .iter()
        .find(|category| category.id == "channel_panel")
        .unwrap();
    assert_eq!(channel.actions[0].next_due, Date::new(2018, 3, 31));
    assert!(channel.gaps.is_empty(), "{:?}", channel.gaps);
    // In the profile's order, not the report's alphabetical one.
    assert_eq!(summary.categories[0].id, "partnership");
}

#[test]
fn html_escapes_every_text_of_the_plan_and_has_no_script() {
    let page = render(&summary_of(HOSTILE, Locale::English), Format::Html);
    assert!(!page.to_lowercase().contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(page.contains("default-src 'none'"));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn markdown_keeps_plan_text_as_text() {
    let text = render(&summary_of(HOSTILE, Locale::English), Format::Markdown);
    assert!(text.contains(r"Train staff \| &lt;/td&gt;&lt;img src=x onerror=alert(1)&gt; \*now\* \[link\](javascript:x)"), "{text}");
    // Every table row has as many cells as its header.
    let pipes = |line: &str| line.replace(r"\|", "").matches('|').count();
    let mut header = 0;
    for (line, next) in text.lines().zip(text.lines().skip(1)) {
        if next.starts_with("|---") {
            header = pipes(line);
        } else if line.starts_with("| ") {
            assert_eq!(pipes(line), header, "{line}");
        }
    }
    assert!(header > 0);
}

#[test]
fn csv_defuses_formulas() {
    let text = render(&summary_of(HOSTILE, Locale::English), Format::Csv);
    assert!(text.contains(r#""'=HYPERLINK(""http://evil"")""#), "{text}");
    assert!(!text.contains(",=HYPERLINK"));
}

#[test]
fn speaks_welsh_throughout() {
    let summary = summary_of(HOSTILE, Locale::Welsh);
    assert_eq!(summary.locale, "cy");
    let page = render(&summary, Format::Html);
    assert!(page.contains("<html lang=\"cy\">"));
    assert!(page.contains("Crynodeb sicrwydd dyletswydd Prevent"));
    assert!(page.contains("Wedi'i gwmpasu") || page.contains("Wedi&#39;i gwmpasu"));
    assert!(!page.contains("At a glance"));
    let training = summary
        .categories
        .iter()
        .find(|category| category.id == "training")
        .unwrap();
    assert_ne!(training.name, "Training", "the profile's Welsh name");
}

#[test]
fn a_report_from_json_gives_the_same_summary() {
    let options = Options::default();
    let report = validate_json(HOSTILE, &options);
    let text = serde_json::to_string(&report).unwrap();
    assert_eq!(
        summarize_json(&text, &options).unwrap(),
        summarize(&report, &options)
    );
}

#[test]
fn an_unreadable_plan_is_summarised_as_such() {
    let summary = summary_of("{not json", Locale::English);
    assert!(!summary.readable);
    assert!(summary.categories.is_empty());
    let entries = [
        Entry {
            name: "bad.json".into(),
            summary: Some(summary),
            error: None,
        },
        Entry {
            name: "good.json".into(),
            summary: Some(summary_of(HOSTILE, Locale::English)),
            error: None,
        },
    ];
    let page = overview(&entries, Locale::English, Format::Html);
    assert!(page.contains("bad.json") && page.contains("Could not be read"));
    assert!(page.contains("<caption>Which plans cover which benchmarks</caption>"));
}
