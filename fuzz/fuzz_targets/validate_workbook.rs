//! Any bytes as an .xlsx/.ods workbook: never panics; a report always comes back.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{validate_workbook, Options};

static QUIET_CAUGHT_PANICS: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    // libfuzzer-sys's panic hook aborts even on panics that are caught. The workbook reader
    // catches calamine's overflow panic on damaged files (see src/table/workbook.rs), so
    // replace the hook: a panic anywhere else still unwinds out of this closure, which
    // libfuzzer-sys reports as a crash.
    QUIET_CAUGHT_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let report = validate_workbook(bytes, &Options::default());
    assert_eq!(report.valid, report.summary.errors == 0);
});
