//! The WebAssembly boundary: thin, string-typed, and never panics.
//!
//! Plans and reports cross as JSON text. The JS wrapper (`pkg/src/api.mjs`) serialises
//! with `JSON.stringify`, which already rejects cycles and BigInt values with a clear
//! error, and `serde_json`'s recursion limit turns hostile nesting into a `json-syntax`
//! issue instead of a stack overflow. Keeping JS types out of the core also keeps the
//! module small: no serde-wasm-bindgen glue per type.

use wasm_bindgen::prelude::*;

use crate::options::Options;

/// An error for JS, its message prefixed with the `code` the wrapper gives the `Error`.
fn js_error(code: &str, message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{code}: {message}"))
}

fn json_value(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text)
}

fn options(json: &str) -> Result<Options, JsError> {
    Options::from_json(json).map_err(|error| js_error("ERR_INVALID_OPTION", error))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|error| js_error("ERR_INTERNAL", error))
}

/// Checks a plan given as JSON text; returns the report as JSON text.
#[wasm_bindgen]
pub fn validate_json(plan: &str, options_json: &str) -> Result<String, JsError> {
    to_json(&crate::validate_json(plan, &options(options_json)?))
}

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
    to_json(&crate::validate_rows(rows, &options))
}

/// Checks a plan table given as CSV or TSV text.
#[wasm_bindgen]
pub fn validate_csv(text: &str, options_json: &str) -> Result<String, JsError> {
    to_json(&crate::validate_csv(text, &options(options_json)?))
}

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
    to_json(&crate::validate_sheets(&sheets, &options))
}

/// The report for a workbook the workbook module could not read.
#[wasm_bindgen]
pub fn table_unreadable(message: &str, options_json: &str) -> Result<String, JsError> {
    to_json(&crate::table_unreadable(message, &options(options_json)?))
}

/// The report for a file the workbook module could not read: the fields of its `failure`
/// (`kind`; `detail`, `format` or `part`; `limit`), see `ReadFailure::from_parts`.
#[wasm_bindgen]
pub fn unread_file(
    kind: &str,
    text: &str,
    limit: usize,
    options_json: &str,
) -> Result<String, JsError> {
    let failure = crate::table::failure::ReadFailure::from_parts(kind, text, limit);
    to_json(&crate::unread_file(&failure, &options(options_json)?))
}

/// The built-in coverage profiles, default first.
#[wasm_bindgen]
pub fn profiles() -> Result<String, JsError> {
    to_json(&crate::profiles())
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
    to_json(&crate::input_too_large(bytes, &options(options_json)?))
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
