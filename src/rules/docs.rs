//! The rules' published documentation, rendered from their declarations: one page per rule
//! (`docs/rules/<id>.md`), the index (`docs/rules.md`) and the metadata the npm package
//! serves to SARIF and `rules()` (`pkg/rules.json`). One source, so they cannot drift; a
//! test fails when a generated file is stale (`UPDATE_DOCS=1 cargo test` rewrites them).
//!
//! A rule's doc comment has the sections [`SECTIONS`]. Its examples are fenced blocks whose
//! info string says the input format, whether the rule must fire on it, and any options:
//!
//! ````text
//! ```json fails asOf=2014-04-01
//! {"sections": [...]}
//! ```
//! ````
//!
//! A test checks every example against the checker itself, so the pages cannot lie.
//! Native only: the WASM module carries no documentation.

use serde_json::{json, Map, Value};

use super::{registry, RuleMeta};
use crate::messages::WELSH_RULE_SUMMARIES;

/// The sections every rule documents, in order.
pub const SECTIONS: [&str; 4] = ["What it checks", "Why", "Example", "How to fix"];

/// Rules whose failing input cannot be written on a page (too large, a damaged binary file,
/// a custom profile, which the options reject before any check runs, or a built-in profile
/// not loaded, which only the form module can lack): their failing example is described in
/// words; every other rule must have one that runs.
pub const PROSE_ONLY_FAILURES: [&str; 7] = [
    "input-too-large",
    "table-unreadable",
    "table-too-large",
    "profile-invalid",
    "profile-not-loaded",
    "sheet-unread",
    "formula-uncached",
];

const GENERATED: &str =
    "<!-- Generated from the rule declarations in src/ by `cargo test`\n     (UPDATE_DOCS=1 rewrites it). Do not edit by hand. -->";

/// Whether an example must raise its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Fails,
    Passes,
}

/// How an example's input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plan as JSON text (`validate_json`).
    Json,
    /// A plan table as CSV text (`validate_csv`).
    Csv,
    /// Two versions of a plan, `{"before": plan, "after": plan}` (`compare`).
    Versions,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Versions => "versions",
        }
    }
}

/// One example of a rule's documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub expect: Expect,
    pub format: Format,
    /// The check's options (`{"asOf": "2014-04-01"}`), as `Options::from_value` reads them.
    pub options: Map<String, Value>,
    pub input: String,
}

/// A rule's doc comment as markdown: doc comments arrive with the space after `///`.
pub fn markdown(rule: &RuleMeta) -> String {
    rule.doc
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The text under `## heading` up to the next heading, trimmed; `None` when absent.
pub fn section(markdown: &str, heading: &str) -> Option<String> {
    let mut lines = markdown.lines();
    lines.find(|line| line.strip_prefix("## ") == Some(heading))?;
    let mut body = Vec::new();
    let mut in_code = false;
    for line in lines {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with("## ") {
            break;
        }
        body.push(line);
    }
    Some(body.join("\n").trim().to_owned())
}

/// Reads an example's info string (`json fails asOf=2014-04-01`); `None` for an ordinary
/// code block. An option's value is JSON when it parses as JSON, else a string.
fn example_header(info: &str) -> Option<(Format, Expect, Map<String, Value>)> {
    let mut words = info.split_whitespace();
    let format = match words.next()? {
        "json" => Format::Json,
        "csv" => Format::Csv,
        "versions" => Format::Versions,
        _ => return None,
    };
    let expect = match words.next()? {
        "fails" => Expect::Fails,
        "passes" => Expect::Passes,
        _ => return None,
    };
    let options = words
        .filter_map(|word| word.split_once('='))
        .map(|(key, value)| {
            let value = serde_json::from_str(value).unwrap_or_else(|_| Value::from(value));
            (key.to_owned(), value)
        })
        .collect();
    Some((format, expect, options))
}

/// Every example of a rule's markdown, in order.
pub fn examples(markdown: &str) -> Vec<Example> {
    let mut found = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let Some((format, expect, options)) = line.strip_prefix("```").and_then(example_header)
        else {
            continue;
        };
        let input: Vec<&str> = lines
            .by_ref()
            .take_while(|line| !line.starts_with("```"))
            .collect();
        found.push(Example {
            expect,
            format,
            options,
            input: input.join("\n"),
        });
    }
    found
}

/// The markdown as published: each example's info string becomes a caption saying whether
/// the rule reports it, leaving a plain `json`/`csv` block.
fn published(rule: &RuleMeta) -> String {
    let mut out = String::new();
    for line in markdown(rule).lines() {
        match line.strip_prefix("```").and_then(example_header) {
            Some((format, expect, options)) => {
                let verdict = match expect {
                    Expect::Fails => "Reported",
                    Expect::Passes => "Not reported",
                };
                let settings = if options.is_empty() {
                    String::new()
                } else {
                    format!(" (options `{}`)", Value::Object(options))
                };
                // Two versions are one JSON object on the page.
                let language = match format {
                    Format::Csv => "csv",
                    Format::Json | Format::Versions => "json",
                };
                // The caption is a paragraph of its own.
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&format!("{verdict}{settings}:\n\n```{language}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Where a rule's page lives, relative to the repository root.
pub fn page_path(rule: &RuleMeta) -> String {
    format!("docs/rules/{}.md", rule.id)
}

/// `docs/rules/<id>.md`.
pub fn render_page(rule: &RuleMeta) -> String {
    format!(
        "# `{}`\n\n{GENERATED}\n\nDefault severity: **{}**. {}.\n\n{}\n[All rules](../rules.md)\n",
        rule.id,
        rule.severity.as_str(),
        rule.summary,
        published(rule)
    )
}

/// `docs/rules.md`: the index of the pages.
pub fn render_index() -> String {
    let mut out = format!(
        "# Rules\n\n{GENERATED}\n\nEvery issue of a report names its rule. Each page says what the rule checks, why, \
         examples it reports and passes, and how to fix it.\n\n| id | default severity | summary |\n|---|---|---|\n"
    );
    for rule in registry() {
        out.push_str(&format!(
            "| [`{0}`](rules/{0}.md) | {1} | {2} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    out
}

/// One rule's entry of `pkg/rules.json`. Texts are English; a translation can add
/// per-locale fields beside them without changing these.
fn rule_json(rule: &RuleMeta) -> Value {
    let markdown = markdown(rule);
    let text = |heading| section(&markdown, heading).unwrap_or_default();
    let examples: Vec<Value> = examples(&markdown)
        .into_iter()
        .map(|example| {
            json!({
                "expect": match example.expect { Expect::Fails => "fails", Expect::Passes => "passes" },
                "format": example.format.name(),
                "options": example.options,
                "input": example.input,
            })
        })
        .collect();
    json!({
        "id": rule.id,
        "severity": rule.severity.as_str(),
        "summary": rule.summary,
        "whatItChecks": text("What it checks"),
        "why": text("Why"),
        "howToFix": text("How to fix"),
        "examples": examples,
        "doc": published(rule),
        "page": page_path(rule),
        "translations": {"cy": {"summary": welsh_summary(rule)}},
    })
}

/// The rule's summary in Welsh (the catalogue has one for every rule: a test says so).
fn welsh_summary(rule: &RuleMeta) -> &'static str {
    WELSH_RULE_SUMMARIES
        .iter()
        .find(|(id, _)| *id == rule.id)
        .map_or(rule.summary, |(_, summary)| summary)
}

/// `pkg/rules.json`: every rule's metadata, in registry order.
pub fn render_rules_json() -> String {
    let rules: Vec<Value> = registry().into_iter().map(rule_json).collect();
    let mut out = serde_json::to_string_pretty(&Value::Array(rules))
        .unwrap_or_else(|error| unreachable!("a JSON value serialises: {error}"));
    out.push('\n');
    out
}

/// Every generated file: (path relative to the repository root, contents).
pub fn generated_files() -> Vec<(String, String)> {
    let mut files = vec![
        ("docs/rules.md".to_owned(), render_index()),
        ("pkg/rules.json".to_owned(), render_rules_json()),
    ];
    files.extend(
        registry()
            .into_iter()
            .map(|rule| (page_path(rule), render_page(rule))),
    );
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<&str> = registry().iter().map(|rule| rule.id).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate rule id");
        for id in ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
        }
    }

    #[test]
    fn every_rule_documents_each_section_and_its_examples() {
        for rule in registry() {
            let markdown = markdown(rule);
            let headings: Vec<&str> = markdown
                .lines()
                .filter_map(|line| line.strip_prefix("## "))
                .collect();
            assert_eq!(headings, SECTIONS, "{}: sections", rule.id);
            for heading in SECTIONS {
                let body = section(&markdown, heading).unwrap_or_default();
                assert!(!body.is_empty(), "{}: empty section {heading}", rule.id);
            }
            let examples = examples(&section(&markdown, "Example").unwrap_or_default());
            let has = |expect| examples.iter().any(|example| example.expect == expect);
            assert!(has(Expect::Passes), "{}: no passing example", rule.id);
            assert_eq!(
                has(Expect::Fails),
                !PROSE_ONLY_FAILURES.contains(&rule.id),
                "{}: a failing example runs unless the rule is listed in PROSE_ONLY_FAILURES",
                rule.id
            );
        }
    }

    #[test]
    fn every_example_is_reported_or_passed_as_documented() {
        for rule in registry() {
            for example in examples(&markdown(rule)) {
                let options = Options::from_value(Value::Object(example.options.clone()))
                    .unwrap_or_else(|error| {
                        unreachable!("{}: bad example options: {error}", rule.id)
                    });
                let issues = match example.format {
                    Format::Json => crate::validate_json(&example.input, &options).issues,
                    Format::Csv => crate::validate_csv(&example.input, &options).issues,
                    Format::Versions => compared_issues(&example.input, options),
                };
                let raised: Vec<&str> = issues
                    .iter()
                    .filter(|issue| issue.rule == rule.id)
                    .map(|issue| issue.message.as_str())
                    .collect();
                assert_eq!(
                    !raised.is_empty(),
                    example.expect == Expect::Fails,
                    "{}: the {:?} example\n{}\nraised {raised:?}",
                    rule.id,
                    example.expect,
                    example.input
                );
            }
        }
    }

    /// The issues of comparing the two versions of a `versions` example.
    fn compared_issues(input: &str, options: Options) -> Vec<crate::report::Issue> {
        let versions: Value = serde_json::from_str(input)
            .unwrap_or_else(|error| unreachable!("a versions example is JSON: {error}"));
        let version =
            |key: &str| crate::Version::Plan(versions.get(key).cloned().unwrap_or(Value::Null));
        crate::compare(version("before"), version("after"), &options.into()).issues
    }

    #[test]
    fn examples_are_read_from_their_info_string() {
        let markdown = "## Example\n```json fails asOf=2014-04-01 profile={\"id\":\"x\"}\n{\"a\": 1}\n```\n```text\nnot an example\n```\n```csv passes\nAction,Lead\n```\n";
        let found = examples(markdown);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].expect, Expect::Fails);
        assert_eq!(found[0].input, "{\"a\": 1}");
        assert_eq!(found[0].options.get("asOf"), Some(&json!("2014-04-01")));
        assert_eq!(found[0].options.get("profile"), Some(&json!({"id": "x"})));
        assert_eq!(
            (found[1].format, found[1].expect),
            (Format::Csv, Expect::Passes)
        );
    }

    #[test]
    fn generated_docs_and_rules_json_are_up_to_date() {
        let root = env!("CARGO_MANIFEST_DIR");
        let update = std::env::var_os("UPDATE_DOCS").is_some();
        let files = generated_files();
        let pages_dir = format!("{root}/docs/rules");
        if update {
            // Pages of rules that no longer exist go too.
            let _ = std::fs::remove_dir_all(&pages_dir);
            std::fs::create_dir_all(&pages_dir).unwrap_or_else(|error| unreachable!("{error}"));
        }
        let mut stale = Vec::new();
        for (path, rendered) in &files {
            let full = format!("{root}/{path}");
            if update {
                std::fs::write(&full, rendered).unwrap_or_else(|error| unreachable!("{error}"));
            }
            if std::fs::read_to_string(&full).unwrap_or_default() != *rendered {
                stale.push(path.clone());
            }
        }
        let pages: Vec<String> = std::fs::read_dir(&pages_dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| format!("docs/rules/{}", entry.file_name().to_string_lossy()))
                    .collect()
            })
            .unwrap_or_default();
        stale.extend(
            pages
                .into_iter()
                .filter(|page| files.iter().all(|(path, _)| path != page)),
        );
        assert!(
            stale.is_empty(),
            "stale generated docs {stale:?}: run `UPDATE_DOCS=1 cargo test`"
        );
    }
}
