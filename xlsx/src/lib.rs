//! The workbook module: reads .xlsx and .ods bytes into the sheets the core checks.
//!
//! Its answer is JSON: `{"sheets": [{"sheet": "Plan", "rows": [[...]]}]}`, which the core's
//! `validateSheets` takes as it is, or `{"error": "..."}` for bytes that are not a readable
//! workbook, which the core's `tableUnreadable` turns into a report. Nothing here panics on
//! bad bytes: calamine's errors become the message.

use prevent_plan_check::limits::MAX_INPUT_BYTES;
use prevent_plan_check::table::{workbook, Table};
use serde::Serialize;

/// What `readWorkbook` answers. (A typed answer rather than a `serde_json::Value` keeps
/// JSON maps out of the module.)
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Sheets { sheets: Vec<Table> },
    Error { error: String },
}

/// The sheets of a workbook, or why it could not be read.
pub fn read_workbook_answer(bytes: &[u8]) -> Answer {
    if bytes.len() > MAX_INPUT_BYTES {
        let limit = MAX_INPUT_BYTES / (1024 * 1024);
        return Answer::Error {
            error: format!("the workbook is larger than {limit} MB"),
        };
    }
    match workbook::read(bytes) {
        Ok(sheets) => Answer::Sheets { sheets },
        Err(error) => Answer::Error { error },
    }
}

/// The answer as JSON text.
pub fn read_workbook_json(bytes: &[u8]) -> String {
    serde_json::to_string(&read_workbook_answer(bytes))
        .unwrap_or_else(|_| r#"{"error":"the workbook could not be turned into JSON"}"#.to_owned())
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// `readWorkbook(bytes)`: JSON text, see the module documentation.
    #[wasm_bindgen(js_name = readWorkbook)]
    pub fn read_workbook(bytes: &[u8]) -> String {
        super::read_workbook_json(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../tests/fixtures/tables/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|error| unreachable!("{path}: {error}"))
    }

    fn answer(bytes: &[u8]) -> serde_json::Value {
        serde_json::from_str(&read_workbook_json(bytes)).unwrap_or_default()
    }

    #[test]
    fn sheets_round_trip_into_the_core() {
        let answer = answer(&fixture("excel-style.xlsx"));
        let sheets: Vec<prevent_plan_check::Table> =
            serde_json::from_value(answer.get("sheets").cloned().unwrap_or_default())
                .unwrap_or_default();
        assert_eq!(
            sheets.first().and_then(|sheet| sheet.sheet.as_deref()),
            Some("excel-style")
        );
        let report = prevent_plan_check::validate_sheets(&sheets, &Default::default());
        assert_eq!(report.summary.actions, 5);
    }

    #[test]
    fn damaged_bytes_are_an_error_message() {
        let mut bytes = fixture("harrow-2015-16.ods");
        bytes.truncate(bytes.len() / 2);
        let answer = answer(&bytes);
        assert!(answer
            .get("error")
            .and_then(Value::as_str)
            .is_some_and(|message| !message.is_empty()));
    }
}
