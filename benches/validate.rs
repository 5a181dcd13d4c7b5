//! Native benchmark of the core on the plans `make bench` measures in Node, for profiling
//! (`cargo bench --bench validate`, or under callgrind, see docs/benchmarks.md). Each
//! iteration is what the WASM export does: check the JSON text, write the report as JSON.
//!
//! `BENCH_CHECKS=N` skips criterion, runs exactly N checks of the `BENCH_SIZES` plan (or of
//! the file `BENCH_PLAN`) and prints the last report: for instruction counts ((count with
//! N = 4 - count with N = 1) / 3 is one warm check) and for comparing reports across changes.
//!
//! The plans come from the seeded JS generator (`bench/generate.mjs`), written to
//! `target/bench/plan-N.json`; they are generated here when missing, so both benchmarks
//! always check the same text.

use std::path::{Path, PathBuf};
use std::process::{exit, Command};

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use prevent_plan_check::report::ReportMode;
use prevent_plan_check::{validate_json, Options};

/// One check, the report written as JSON text. `BENCH_WRITE=wire` writes what the WASM export
/// returns (`Report::to_wire`), `BENCH_WRITE=issues` that for `{report: "issues"}`; by
/// default the report in the public shape, to compare reports across changes.
fn check(text: &str, options: &Options) -> String {
    let report = validate_json(text, options);
    match std::env::var("BENCH_WRITE").as_deref() {
        Ok("wire") => report.to_wire(ReportMode::Full),
        Ok("issues") => report.to_wire(ReportMode::Issues),
        _ => report.to_json(ReportMode::Full),
    }
}

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn plan_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench")
}

/// The generated plan of `actions` actions, generating the set first if it is missing.
fn plan_text(actions: usize) -> String {
    let path = plan_dir().join(format!("plan-{actions}.json"));
    if !path.exists() {
        let generated = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/generate.mjs"))
            .arg(plan_dir())
            .status();
        if !matches!(generated, Ok(status) if status.success()) {
            eprintln!(
                "could not run `node bench/generate.mjs` to write {}",
                path.display()
            );
            exit(2);
        }
    }
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("could not read {}: {error}", path.display());
        exit(2)
    })
}

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate_json");
    let options = Options::default();
    // Only BENCH_SIZES (e.g. "1000") when profiling one size.
    let only: Option<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .and_then(|s| s.parse().ok());
    for actions in SIZES
        .into_iter()
        .filter(|&n| only.is_none_or(|only| only == n))
    {
        let text = plan_text(actions);
        group.throughput(Throughput::Elements(actions as u64));
        if actions >= 1_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(actions), &text, |b, text| {
            b.iter(|| check(std::hint::black_box(text), &options));
        });
    }
    group.finish();
}

criterion_group!(benches, validate);

fn main() {
    let checks: Option<usize> = std::env::var("BENCH_CHECKS")
        .ok()
        .and_then(|n| n.parse().ok());
    let Some(checks) = checks else {
        benches();
        Criterion::default().configure_from_args().final_summary();
        return;
    };
    // Any plan file (BENCH_PLAN), to compare reports before and after a change.
    let text = match std::env::var("BENCH_PLAN") {
        Ok(path) => std::fs::read_to_string(&path).unwrap_or_else(|error| {
            eprintln!("could not read {path}: {error}");
            exit(2)
        }),
        Err(_) => plan_text(
            std::env::var("BENCH_SIZES")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1_000),
        ),
    };
    let options = Options::default();
    let mut report = String::new();
    for _ in 0..checks {
        report = check(std::hint::black_box(&text), &options);
    }
    println!("{report}");
}
