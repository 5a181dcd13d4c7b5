//! Any bytes as a CSV/TSV plan table: never panics; every issue about a field of an
//! imported plan that has a cell names a real cell address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{validate_csv, Options};

fuzz_target!(|text: &str| {
    let report = validate_csv(text, &Options::default());
    assert_eq!(report.valid, report.summary.errors == 0);
    for issue in &report.issues {
        if let Some(cell) = &issue.cell {
            let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
            assert!(letters > 0 && letters < cell.len(), "{cell}");
            assert!(cell.bytes().skip(letters).all(|b| b.is_ascii_digit()), "{cell}");
        }
    }
});
