//! Times importing generated plan tables of several sizes (release build for real numbers):
//! `cargo run --release --example bench-import`.

use std::time::Instant;

use prevent_plan_check::table;

fn sheet(rows: usize) -> String {
    let mut csv = String::from(
        "Prevent Delivery Plan 2019-20\nRef,Objective,Action,Lead,Partners,Target date,Progress\n",
    );
    for index in 0..rows {
        csv.push_str(&format!(
            "{}.{},Objective {},\"Deliver WRAP training to frontline staff in team {index}\",Prevent Coordinator & Chair of Channel Panel,\"Police; Schools\",Mar-20,On track\n",
            index / 10 + 1,
            index % 10 + 1,
            index / 10 + 1
        ));
    }
    csv
}

fn main() {
    for rows in [100, 1_000, 10_000] {
        let csv = sheet(rows);
        let started = Instant::now();
        let Ok(table) = table::read_delimited(&csv) else {
            return;
        };
        let read = started.elapsed();
        let started = Instant::now();
        let actions = table::import(&table).map_or(0, |imported| imported.plan.actions().count());
        let imported = started.elapsed();
        println!("{rows:>6} rows: read {read:?}, import {imported:?} ({actions} actions)");
    }
}
