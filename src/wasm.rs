//! The WebAssembly boundary: thin, string-typed, and never panics.
//!
//! Plans cross as JSON text (a JSON plan as its UTF-8 bytes, which the wrapper encodes
//! natively), reports as lines of JSON that the wrapper puts together
//! (`Report::to_wire`). The JS wrapper (`pkg/src/api.mjs`) serialises
//! with `JSON.stringify`, which already rejects cycles and BigInt values with a clear
//! error, and `serde_json`'s recursion limit turns hostile nesting into a `json-syntax`
//! issue instead of a stack overflow. Keeping JS types out of the core also keeps the
//! module small: no serde-wasm-bindgen glue per type.

use wasm_bindgen::prelude::*;

use crate::options::Options;

/// talc instead of std's dlmalloc: the same speed here (1,000- and 10,000-action checks taking
/// turns in one Node process) in 2.3 KB less of the form module (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// An error for JS, its message prefixed with the `code` the wrapper gives the `Error`.
fn js_error(code: &str, message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{code}: {message}"))
}

#[cfg(any(feature = "tables", feature = "summary"))]
fn json_value(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text)
}

fn options(json: &str) -> Result<Options, JsError> {
    Options::from_json(json).map_err(|error| js_error("ERR_INVALID_OPTION", error))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|error| js_error("ERR_INTERNAL", error))
}

/// A report as the JS wrapper reads it (`Report::to_wire`: the parts the `report` option
/// asks for, written without serde).
fn report_wire(report: &crate::Report, options: &Options) -> Result<String, JsError> {
    Ok(report.to_wire(options.report))
}

/// Checks a plan given as JSON text in UTF-8 bytes; returns the report as JSON text.
///
/// Bytes, not a string: the wrapper encodes the text with `TextEncoder` (native code), where
/// wasm-bindgen's glue copies a string into memory one UTF-16 unit at a time in JS, which
/// took 7.6 % of checking a 1,000-action plan in Node.
#[wasm_bindgen]
pub fn validate_json(plan: &[u8], options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    // No detail from `Utf8Error`: the wrapper's TextEncoder never sends broken UTF-8, and its
    // `Display` would link formatting code for a message nobody sees.
    let plan = std::str::from_utf8(plan)
        .map_err(|_| js_error("ERR_INVALID_ARG_VALUE", "the plan is not UTF-8"))?;
    report_wire(&crate::validate_json(plan, &options), &options)
}

#[cfg(feature = "tables")]
/// Checks a plan table given as JSON rows of cells (`range.values`, `getValues()`).
#[wasm_bindgen]
pub fn validate_rows(rows_json: &str, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    // Through `Value`, as plans are read, so the module carries one JSON deserializer.
    let rows: Vec<Vec<crate::Cell>> = json_value(rows_json).and_then(serde_json::from_value).map_err(|error| {
        js_error(
            "ERR_INVALID_ARG_TYPE",
            format_args!("rows must be an array of arrays of strings, numbers, booleans, dates or nulls ({error})"),
        )
    })?;
    report_wire(&crate::validate_rows(rows, &options), &options)
}

#[cfg(feature = "tables")]
/// Checks a plan table given as CSV or TSV text.
#[wasm_bindgen]
pub fn validate_csv(text: &str, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    report_wire(&crate::validate_csv(text, &options), &options)
}

#[cfg(feature = "tables")]
/// Checks the plan sheet of a workbook whose sheets the workbook module read:
/// `[{"sheet": "Plan", "rows": [[...]]}]`.
#[wasm_bindgen]
pub fn validate_sheets(sheets_json: &str, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    let sheets: Vec<crate::Table> = json_value(sheets_json)
        .and_then(serde_json::from_value)
        .map_err(|error| {
            js_error(
                "ERR_INVALID_ARG_TYPE",
                format_args!("sheets must be [{{sheet, rows}}] ({error})"),
            )
        })?;
    report_wire(&crate::validate_sheets(&sheets, &options), &options)
}

#[cfg(feature = "compare")]
/// One version of a plan for `compare`: `kind` says how `text` is read (`json`, `csv`,
/// `rows` or `sheets` as JSON, `unreadable`: a workbook's reason, `tooLarge`: a byte count).
fn read_version(kind: &str, text: &str) -> Result<crate::Version, JsError> {
    use crate::Version;
    let wrong = |detail: &dyn std::fmt::Display| {
        js_error(
            "ERR_INVALID_ARG_TYPE",
            format_args!("a {kind} version cannot be read ({detail})"),
        )
    };
    Ok(match kind {
        "json" => Version::Json(text.to_owned()),
        "csv" => Version::Csv(text.to_owned()),
        "rows" => Version::Rows(
            json_value(text)
                .and_then(serde_json::from_value)
                .map_err(|error| wrong(&error))?,
        ),
        "sheets" => Version::Sheets(
            json_value(text)
                .and_then(serde_json::from_value)
                .map_err(|error| wrong(&error))?,
        ),
        "unreadable" => Version::Unreadable(text.to_owned()),
        "tooLarge" => Version::TooLarge(text.parse().map_err(|error| wrong(&error))?),
        _ => return Err(wrong(&"unknown kind")),
    })
}

#[cfg(feature = "compare")]
/// Compares two versions of a plan (see `read_version` for `*_kind` and `*_text`); options are a
/// check's and `maxSlips`. Returns the comparison as JSON text.
#[wasm_bindgen]
pub fn compare(
    before_kind: &str,
    before_text: &str,
    after_kind: &str,
    after_text: &str,
    options_json: &str,
) -> Result<String, JsError> {
    let options = crate::CompareOptions::from_json(options_json)
        .map_err(|error| js_error("ERR_INVALID_OPTION", error))?;
    let before = read_version(before_kind, before_text)?;
    let after = read_version(after_kind, after_text)?;
    to_json(&crate::compare(before, after, &options))
}

#[cfg(feature = "tables")]
/// The report for a workbook the workbook module could not read.
#[wasm_bindgen]
pub fn table_unreadable(message: &str, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    report_wire(&crate::table_unreadable(message, &options), &options)
}

#[cfg(feature = "tables")]
/// The report for a file the workbook module could not read: the fields of its `failure`
/// (`kind`; `detail`, `format` or `part`; `limit`), see `ReadFailure::from_parts`.
#[wasm_bindgen]
pub fn unread_file(
    kind: &str,
    text: &str,
    limit: usize,
    options_json: &str,
) -> Result<String, JsError> {
    let options = options(options_json)?;
    let failure = crate::table::failure::ReadFailure::from_parts(kind, text, limit);
    report_wire(&crate::unread_file(&failure, &options), &options)
}

/// The built-in coverage profiles, default first.
#[wasm_bindgen]
pub fn profiles() -> Result<String, JsError> {
    to_json(&crate::profiles())
}

/// Adds the data of a built-in profile that the module does not compile in (the form module
/// has only the default): `text` is exactly its file, `profiles/<id>.json` in the package.
#[wasm_bindgen]
pub fn add_profile(id: &str, text: &str) -> Result<(), JsError> {
    crate::coverage::add_builtin(id, text).map_err(|error| js_error("ERR_INVALID_ARG_VALUE", error))
}

/// The JSON Schema of coverage profiles.
#[wasm_bindgen]
pub fn profile_schema() -> String {
    crate::profile_schema().to_owned()
}

/// The report for an input of `bytes` bytes that is over the size limit, so that JS can
/// answer without first copying the whole input into WASM memory.
#[wasm_bindgen]
pub fn input_too_large(bytes: usize, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    report_wire(&crate::input_too_large(bytes, &options), &options)
}

/// The limits of one check: `{"maxInputBytes", "maxDepth", "maxActions", "maxCellChars",
/// "maxRows", "maxColumns", "maxCells"}`.
#[wasm_bindgen]
pub fn limits() -> String {
    crate::limits::to_json()
}

/// Reads one milestone phrase; returns `{text, kind, start, end, ...}` as JSON text.
#[wasm_bindgen]
pub fn parse_milestone(text: &str, options_json: &str) -> Result<String, JsError> {
    let options = options(options_json)?;
    let timescale = crate::parse_milestone(text, options.period);
    to_json(&crate::milestone::Reading {
        text,
        timescale: &timescale,
    })
}

/// The plan JSON Schema.
#[wasm_bindgen]
pub fn schema() -> String {
    crate::schema::PLAN_SCHEMA.to_owned()
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

#[cfg(feature = "summary")]
fn summary_format(name: &str) -> Result<crate::summary::Format, JsError> {
    crate::summary::Format::from_name(name).ok_or_else(|| {
        js_error(
            "ERR_INVALID_OPTION",
            format_args!("invalid option `format`: {name:?} is not one of json, md, html, csv"),
        )
    })
}

#[cfg(feature = "summary")]
/// The assurance summary of a report given as JSON text, written as `format` (`json`, `md`,
/// `html` or `csv`). The options give the language, the reporting date and a caller's profile.
#[wasm_bindgen]
pub fn summarize(report_json: &str, options_json: &str, format: &str) -> Result<String, JsError> {
    let (options, format) = (options(options_json)?, summary_format(format)?);
    let summary = crate::summary::summarize_json(report_json, &options).map_err(|error| {
        js_error(
            "ERR_INVALID_ARG_TYPE",
            format_args!("report must be a report that validate returned ({error})"),
        )
    })?;
    Ok(crate::summary::render(&summary, format))
}

#[cfg(feature = "summary")]
/// The overview of many plans, `[{"name", "summary"} | {"name", "error"}]`, written as `format`.
#[wasm_bindgen]
pub fn overview(entries_json: &str, options_json: &str, format: &str) -> Result<String, JsError> {
    let (options, format) = (options(options_json)?, summary_format(format)?);
    let entries: Vec<crate::summary::Entry> = json_value(entries_json)
        .and_then(serde_json::from_value)
        .map_err(|error| {
            js_error(
                "ERR_INVALID_ARG_TYPE",
                format_args!("entries must be [{{name, summary}} | {{name, error}}] ({error})"),
            )
        })?;
    Ok(crate::summary::overview(&entries, options.locale, format))
}
