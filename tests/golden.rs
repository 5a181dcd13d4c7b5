//! Reports byte for byte: the JSON report of every bundled plan, table and document, and of
//! the generated benchmark plans, compared with the reports recorded in `tests/golden/`.
//!
//! The speed and size work (issue 15) changes how a report is computed and written, never
//! what it says; this test is how each change shows that. Small reports are kept whole
//! (`tests/golden/reports/*.json`), so a difference can be read with `diff`; the reports of
//! the 1,000- and 10,000-action plans (1.5 and 15 MB) are kept as digests
//! (`tests/golden/digests.txt`).
//!
//! `UPDATE_GOLDEN=1 cargo test --features xlsx --test golden` records the current reports,
//! for a change that means to alter them (say why in its commit). A failing comparison
//! writes the report it got to `target/golden/`, beside the one it expected.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use prevent_plan_check::report::ReportMode;
use prevent_plan_check::{validate_csv, validate_json, Options, Report};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The report as written by the writer the WASM exports use.
fn written(report: &Report) -> String {
    report.to_json(ReportMode::Full)
}

fn options(json: &str) -> Options {
    Options::from_json(json).unwrap_or_else(|error| unreachable!("{json}: {error}"))
}

/// The generated benchmark plan of `actions` actions (`bench/generate.mjs`, seeded), written
/// to `target/bench/` by Node when missing, as the benchmarks do.
fn generated_plan(actions: usize) -> String {
    let path = root().join(format!("target/bench/plan-{actions}.json"));
    if !path.exists() {
        let status = Command::new("node")
            .arg(root().join("bench/generate.mjs"))
            .arg(root().join("target/bench"))
            .status();
        assert!(
            matches!(status, Ok(status) if status.success()),
            "`node bench/generate.mjs` is needed to write {}",
            path.display()
        );
    }
    read_text(&path)
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|error| unreachable!("{}: {error}", path.display()))
}

fn files(folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| extensions.contains(&extension))
        })
        .collect();
    found.sort();
    found
}

/// A name for a case's file: the input's path under the project, with its options.
fn case_name(path: &Path, variant: &str) -> String {
    let relative = path.strip_prefix(root()).unwrap_or(path);
    let name = relative.to_string_lossy().replace(['/', '\\'], "__");
    if variant.is_empty() {
        name
    } else {
        format!("{name}@{variant}")
    }
}

/// Every case whose report is kept whole: name -> report.
fn whole_reports() -> BTreeMap<String, String> {
    let mut reports = BTreeMap::new();
    let plan_folders = [
        "tests/fixtures",
        "tests/fixtures/plans",
        "tests/fixtures/seeds",
        "tests/fixtures/versions",
        "pkg/examples",
    ];
    for folder in plan_folders {
        for path in files(folder, &["json"]) {
            let text = read_text(&path);
            reports.insert(
                case_name(&path, ""),
                written(&validate_json(&text, &Options::default())),
            );
        }
    }
    for path in files("tests/fixtures/tables", &["csv", "tsv"])
        .into_iter()
        .chain(files("tests/fixtures/versions", &["csv"]))
    {
        let text = read_text(&path);
        reports.insert(
            case_name(&path, ""),
            written(&validate_csv(&text, &Options::default())),
        );
    }
    file_reports(&mut reports);
    // The generated plans under the options that change what rules say.
    let variants = [
        ("", "null"),
        ("cy", r#"{"locale": "cy"}"#),
        ("schools", r#"{"profile": "schools"}"#),
        ("health", r#"{"profile": "health"}"#),
        (
            "asof",
            r#"{"period": "2021/22", "asOf": "2021-12-01", "profile": "la-2015"}"#,
        ),
    ];
    for actions in [10, 100] {
        let text = generated_plan(actions);
        let path = root().join(format!("target/bench/plan-{actions}.json"));
        for (variant, json) in variants {
            let name = case_name(&path, variant).replace("target__bench__", "generated__");
            reports.insert(name, written(&validate_json(&text, &options(json))));
        }
    }
    reports
}

/// Workbooks and documents, through the reader the workbook module runs.
#[cfg(feature = "xlsx")]
fn file_reports(reports: &mut BTreeMap<String, String>) {
    let folders = [
        "tests/fixtures/tables",
        "tests/fixtures/tables/damaged",
        "tests/fixtures/documents",
        "tests/fixtures/documents/clipboard",
        "tests/fixtures/documents/libreoffice",
        "tests/fixtures/hostile",
    ];
    for folder in folders {
        for path in files(folder, &["xlsx", "ods", "docx", "html", "doc"]) {
            let bytes = std::fs::read(&path).unwrap_or_default();
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or_default();
            let report = prevent_plan_check::validate_file(&bytes, name, &Options::default());
            reports.insert(case_name(&path, ""), written(&report));
        }
    }
}

#[cfg(not(feature = "xlsx"))]
fn file_reports(_: &mut BTreeMap<String, String>) {}

/// FNV-1a, 64 bits: enough to tell two reports apart, with no dependency for it.
fn digest(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x} {}", text.len())
}

fn golden(name: &str) -> PathBuf {
    root().join("tests/golden").join(name)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// Writes what a case gave to `target/golden/`, and says where the two part.
fn mismatch(name: &str, expected: &str, actual: &str, report: &str) -> String {
    let folder = root().join("target/golden");
    let _ = std::fs::create_dir_all(&folder);
    let _ = std::fs::write(folder.join(name), report);
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    let context = |text: &str| {
        let mut start = at.saturating_sub(80);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + 80).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.get(start..end).unwrap_or_default().to_owned()
    };
    format!(
        "{name}: the report differs from byte {at}\n  expected …{}…\n  actual   …{}…\n  (whole report in target/golden/{name})",
        context(expected),
        context(actual)
    )
}

/// Reports over this size are recorded as their digest (the 400-sheet workbook's is 2 MB).
const WHOLE_UP_TO: usize = 256 * 1024;

/// The file a case is recorded in, and what it holds: the report, or its digest.
fn recorded_form(name: &str, report: &str) -> (String, String) {
    if report.len() <= WHOLE_UP_TO {
        (format!("{name}.json"), report.to_owned())
    } else {
        (format!("{name}.digest"), digest(report) + "\n")
    }
}

#[test]
fn reports_of_bundled_inputs_are_unchanged() {
    let folder = golden("reports");
    let reports = whole_reports();
    if updating() {
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap_or_else(|error| unreachable!("{error}"));
        for (name, report) in &reports {
            let (file, recorded) = recorded_form(name, report);
            std::fs::write(folder.join(file), recorded)
                .unwrap_or_else(|error| unreachable!("{error}"));
        }
        return;
    }
    let mut problems = Vec::new();
    for (name, report) in &reports {
        let (file, recorded) = recorded_form(name, report);
        match std::fs::read_to_string(folder.join(&file)) {
            Ok(expected) if expected == recorded => {}
            Ok(expected) => problems.push(mismatch(&file, &expected, &recorded, report)),
            Err(_) => problems.push(format!("{name}: no recorded report ({file})")),
        }
    }
    let recorded = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .count();
    if recorded != reports.len() {
        problems.push(format!(
            "{recorded} recorded reports for {} cases: record them again with UPDATE_GOLDEN=1",
            reports.len()
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn reports_of_large_generated_plans_are_unchanged() {
    let mut lines = Vec::new();
    for actions in [1_000, 10_000] {
        let text = generated_plan(actions);
        for (variant, json) in [("", "null"), ("cy", r#"{"locale": "cy"}"#)] {
            let report = written(&validate_json(&text, &options(json)));
            lines.push(format!("plan-{actions}{variant} {}", digest(&report)));
        }
    }
    let file = golden("digests.txt");
    let actual = lines.join("\n") + "\n";
    if updating() {
        std::fs::write(&file, &actual).unwrap_or_else(|error| unreachable!("{error}"));
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    assert_eq!(
        expected, actual,
        "the reports of the generated plans changed (name, FNV-1a digest, bytes)"
    );
}
