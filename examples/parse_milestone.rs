//! Prints how each line of stdin parses as a milestone: `cargo run --example parse_milestone -- 2013-14`.
//! The optional argument is the plan period.

use std::io::BufRead;

fn main() {
    let period = std::env::args()
        .nth(1)
        .and_then(|label| prevent_plan_check::Period::parse(&label));
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let parsed = prevent_plan_check::parse_milestone(&line, period);
        println!(
            "{line:45} {}",
            serde_json::to_string(&parsed).unwrap_or_default()
        );
    }
}
