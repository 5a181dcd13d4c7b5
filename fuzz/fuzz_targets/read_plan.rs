//! Any text as a plan document: the readers of `input` agree with serde. Where the fast path
//! reads a plan, the full path reports nothing about the text and builds the same plan;
//! where serde_json reads the text within the limits, the lenient reader builds the plan
//! `serde_json::from_value` builds (or neither builds one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prevent_plan_check::input::{parse_json, read_plan, read_valid_plan, to_plan};
use prevent_plan_check::{limits, schema};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fast = read_valid_plan(text);
    let Ok(value) = parse_json(text) else {
        assert!(fast.is_none(), "the fast path read what serde_json cannot");
        return;
    };
    if limits::check_plan_value(&value).is_some() {
        assert!(fast.is_none(), "the fast path read a text over the limits");
        return;
    }
    let valid = schema::check(&value).is_empty();
    let by_serde = to_plan(value);
    if let Some(fast) = &fast {
        assert!(valid, "the fast path read a text the schema refuses");
        assert_eq!(by_serde.as_ref(), Some(fast));
    }
    assert_eq!(read_plan(text), by_serde);
});
