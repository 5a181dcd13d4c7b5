//! Prints a plan table (.csv, .tsv; .xlsx and .ods with `--features xlsx`) as a JSON plan
//! in the input shape, for the bundled examples and for inspecting what the importer reads.
//!
//! ```sh
//! cargo run --example import-table -- tests/fixtures/tables/cumbria-2015-16.tsv --period 2015-16
//! ```
//! `--period LABEL` and `--authority NAME` fill in what the table does not say.

use std::process::ExitCode;

use prevent_plan_check::model::PlanPeriod;
use prevent_plan_check::table::{self, export, Table};
use prevent_plan_check::Period;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut file = None;
    let mut period = None;
    let mut authority = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--period" => period = rest.next().cloned(),
            "--authority" => authority = rest.next().cloned(),
            other => file = Some(other.to_owned()),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: import-table FILE [--period LABEL] [--authority NAME]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{file}: {error}");
            return ExitCode::from(2);
        }
    };
    let table = match read(&file, bytes) {
        Ok(table) => table,
        Err(message) => {
            eprintln!("{file}: {message}");
            return ExitCode::from(2);
        }
    };
    let mut imported = match table::import(&table) {
        Ok(imported) => imported,
        Err(issue) => {
            eprintln!("{file}: {}", issue.message);
            return ExitCode::from(1);
        }
    };
    if imported.plan.period.is_none() {
        imported.plan.period = period.map(|label| PlanPeriod {
            dates: Period::parse(&label),
            label: Some(label),
        });
    }
    if imported.plan.authority.is_none() {
        imported.plan.authority = authority;
    }
    print!(
        "{}",
        export::to_pretty_json(&export::plan_as_input(&imported.plan))
    );
    for issue in &imported.issues {
        eprintln!(
            "{} {}: {}",
            issue.cell.as_deref().unwrap_or("-"),
            issue.rule,
            issue.message
        );
    }
    ExitCode::SUCCESS
}

fn read(file: &str, bytes: Vec<u8>) -> Result<Table, String> {
    let lower = file.to_lowercase();
    if lower.ends_with(".xlsx") || lower.ends_with(".ods") {
        return read_workbook(bytes);
    }
    table::read_delimited_bytes(&bytes).map_err(|issue| issue.message)
}

#[cfg(feature = "xlsx")]
fn read_workbook(bytes: Vec<u8>) -> Result<Table, String> {
    let sheets = table::workbook::read(&bytes)?;
    table::choose_sheet(&sheets)
        .and_then(|index| sheets.into_iter().nth(index))
        .ok_or_else(|| "no sheet has a plan header".to_owned())
}

#[cfg(not(feature = "xlsx"))]
fn read_workbook(_bytes: Vec<u8>) -> Result<Table, String> {
    Err("workbooks need `--features xlsx`".to_owned())
}
