//! Any text as a milestone phrase, with and without a plan period: never panics, and a
//! reading with both ends has them in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::{parse_milestone, Period};

fuzz_target!(|text: &str| {
    for period in [None, Period::parse("2015/16")] {
        let reading = parse_milestone(text, period);
        if let (Some(start), Some(end)) = (reading.start, reading.end) {
            assert!(start <= end, "{text:?}: {start} > {end}");
        }
    }
});
