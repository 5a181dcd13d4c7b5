//! Prints personal data found in each line of the given text files (a manual check of the
//! `personal-data` rule against real documents): `cargo run --example scan-personal-data -- FILE...`
use prevent_plan_check::rules::find_personal_data;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        for (number, line) in text.lines().enumerate() {
            for (kind, span) in find_personal_data(line) {
                println!(
                    "{path}:{}: {kind}: {}",
                    number + 1,
                    line.get(span.start..span.end).unwrap_or_default()
                );
            }
        }
    }
}
