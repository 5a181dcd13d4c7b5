//! The workbook module: reads the tables of plan files (.xlsx and .ods workbooks, .docx
//! documents, .html pages) into the sheets the core checks.
//!
//! Its answer is JSON: `{"sheets": [{"sheet": "Plan", "rows": [[...]]}]}` (a document's
//! tables are sheets named "Table 1", ... with `table` and `above`), which the core's
//! `validateSheets` takes as it is, or `{"error": "...", "failure": {"kind": ...}}` for a
//! file that cannot be read, which the core's `unreadFile` turns into a report. Nothing
//! here panics on bad bytes.

use prevent_plan_check::limits::MAX_INPUT_BYTES;
use prevent_plan_check::table::file::{self, ReadFailure};
use prevent_plan_check::table::Table;
use serde::Serialize;

/// What `readFile` answers. (A typed answer rather than a `serde_json::Value` keeps JSON
/// maps out of the module.)
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Sheets {
        sheets: Vec<Table>,
    },
    Error {
        /// The failure in English, for callers that only show a message.
        error: String,
        failure: ReadFailure,
    },
}

/// The tables of a file, or why they could not be read; `name` is the file's name (its
/// extension tells a document from a workbook), empty when unknown.
pub fn read_file_answer(bytes: &[u8], name: &str) -> Answer {
    if bytes.len() > MAX_INPUT_BYTES {
        let limit = MAX_INPUT_BYTES / (1024 * 1024);
        return Answer::Error {
            error: format!("the file is larger than {limit} MB"),
            failure: ReadFailure::damaged(format!("the file is larger than {limit} MB")),
        };
    }
    match file::read(bytes, name) {
        Ok(sheets) => Answer::Sheets { sheets },
        Err(failure) => Answer::Error {
            error: prevent_plan_check::table::failure::failure_issue(&failure).message,
            failure,
        },
    }
}

/// The answer as JSON text.
pub fn read_file_json(bytes: &[u8], name: &str) -> String {
    serde_json::to_string(&read_file_answer(bytes, name))
        .unwrap_or_else(|_| r#"{"error":"the file could not be turned into JSON"}"#.to_owned())
}

/// A workbook's sheets (`readWorkbook`): a file of any supported kind, told by its bytes.
pub fn read_workbook_json(bytes: &[u8]) -> String {
    read_file_json(bytes, "")
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// `readWorkbook(bytes)`: JSON text, see the module documentation.
    #[wasm_bindgen(js_name = readWorkbook)]
    pub fn read_workbook(bytes: &[u8]) -> String {
        super::read_workbook_json(bytes)
    }

    /// `readFile(bytes, name)`: JSON text, see the module documentation.
    #[wasm_bindgen(js_name = readFile)]
    pub fn read_file(bytes: &[u8], name: &str) -> String {
        super::read_file_json(bytes, name)
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
