//! The WASM boundary, run under wasm-bindgen-test in Node (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use prevent_plan_check::wasm;
use wasm_bindgen_test::wasm_bindgen_test;

const PLAN: &str = include_str!("fixtures/plans/structural-errors.json");

#[wasm_bindgen_test]
fn validates_a_plan_and_returns_report_json() {
    let report = wasm::validate_json(PLAN.as_bytes(), "null").unwrap_or_default();
    // The first line of the wire (`Report::to_wire`) holds `valid` and the issues.
    let head = report.lines().next().unwrap_or_default();
    let report: serde_json::Value = serde_json::from_str(head).unwrap_or_default();
    assert_eq!(report["valid"], false);
    let rules: Vec<&str> = report["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|issue| issue["rule"].as_str())
        .collect();
    assert!(rules.contains(&"duplicate-id"), "{rules:?}");
    assert!(rules.contains(&"schema"), "{rules:?}");
}

#[wasm_bindgen_test]
fn bad_json_is_a_report_and_the_module_keeps_working() {
    let report = wasm::validate_json(b"{bad", "null").unwrap_or_default();
    assert!(report.contains("\"json-syntax\""), "{report}");
    let deep = "[".repeat(50_000);
    let report = wasm::validate_json(deep.as_bytes(), "null").unwrap_or_default();
    assert!(report.contains("\"input-too-large\""), "{report}");
    assert!(wasm::validate_json(PLAN.as_bytes(), "{}").is_ok());
    // The wrapper encodes with TextEncoder, so never sends broken UTF-8; a direct caller gets
    // an error, not a trap.
    assert!(wasm::validate_json(b"{\"sections\": \"\xff\"}", "null").is_err());
    assert!(wasm::validate_json(PLAN.as_bytes(), "null").is_ok());
}

#[wasm_bindgen_test]
fn bad_options_are_errors_not_traps() {
    assert!(wasm::validate_json(PLAN.as_bytes(), "{\"asOf\": 3}").is_err());
    assert!(wasm::validate_json(PLAN.as_bytes(), "not json").is_err());
    assert!(wasm::validate_json(PLAN.as_bytes(), "null").is_ok());
}

#[wasm_bindgen_test]
fn exposes_schema_and_version() {
    // Rule metadata is not in the module: JS serves it from pkg/rules.json.
    assert!(wasm::schema().contains("2020-12"));
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn summarizes_a_report_in_each_format_and_rejects_bad_arguments() {
    // A report in the public shape, as JS hands it back.
    let report = prevent_plan_check::validate_json(PLAN, &Default::default())
        .to_json(prevent_plan_check::report::ReportMode::Full);
    let summary = wasm::summarize(&report, "{\"locale\": \"cy\"}", "json").unwrap_or_default();
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap_or_default();
    assert_eq!(summary["locale"], "cy");
    let html = wasm::summarize(&report, "null", "html").unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(wasm::summarize(&report, "null", "pdf").is_err());
    assert!(wasm::summarize("[1]", "null", "md").is_err());
    let entries = format!("[{{\"name\": \"a.json\", \"summary\": {summary}}}]");
    let csv = wasm::overview(&entries, "null", "csv").unwrap_or_default();
    assert!(csv.starts_with("File,Plan,"), "{csv}");
    assert!(wasm::overview("{}", "null", "csv").is_err());
}
