//! Any bytes as a plan document: never panics, and a report always comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{validate_json, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let report = validate_json(text, &Options::default());
        assert_eq!(report.valid, report.summary.errors == 0);
    }
});
