//! Any bytes as an .xlsx/.ods workbook: never panics; a report always comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{validate_workbook, Options};

fuzz_target!(|bytes: &[u8]| {
    let report = validate_workbook(bytes, &Options::default());
    assert_eq!(report.valid, report.summary.errors == 0);
});
