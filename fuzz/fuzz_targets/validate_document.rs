//! Any bytes as a Word document, a web page and a workbook, through the one entry that
//! reads every file (`validate_file`): never panics; a report always comes back, and the
//! readers stay within their limits (the cell budget, the unpack limits).
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{validate_file, Options};

static QUIET_CAUGHT_PANICS: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    // As in validate_workbook: calamine's overflow panic on damaged .xlsx files is caught by
    // the reader, and libfuzzer-sys's hook would abort on it.
    QUIET_CAUGHT_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    for name in ["plan.docx", "plan.html", ""] {
        let report = validate_file(bytes, name, &Options::default());
        assert_eq!(report.valid, report.summary.errors == 0);
    }
});
