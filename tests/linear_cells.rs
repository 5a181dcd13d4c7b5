//! Every transform a table cell goes through is linear in the cell's length: each hostile
//! shape of text, in each place a cell can stand (every field, a heading row, the preamble,
//! an unmapped column), takes about twice as long at twice the length. Quadratic would be
//! four times: `<` in a cell (issue 17: 77 ms at 32k characters), distinct `;`-separated
//! leads (86 s for a limit-sized CSV).
//!
//! Timing on a loaded machine: time on the CPU (not wall time), the fastest of several
//! samples, each repeating the check for a while, and the cell at its largest (up to the
//! cell limit).

// Test code: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use prevent_plan_check::limits::MAX_CELL_CHARS;
use prevent_plan_check::{validate_rows, Cell, Options};

/// Text of `chars` characters (at most) made of `unit(0)`, `unit(1)`, ...
fn repeated(unit: &dyn Fn(usize) -> String, chars: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    for index in 0.. {
        let next = unit(index);
        let next_chars = next.chars().count();
        if count + next_chars > chars {
            break;
        }
        text.push_str(&next);
        count += next_chars;
    }
    text
}

type Unit = fn(usize) -> String;

/// Shapes that made, or could make, a transform super-linear: each one repeats what one
/// step of a transform looks for (a tag start, a separator, an entity, a bullet, a bracket,
/// a conjunction between roles, a hyphenated line break, a list item ...).
const SHAPES: &[(&str, Unit)] = &[
    ("lone <", |_| "<".into()),
    ("unclosed tags before one >", |i| {
        if i == 0 {
            ">".into()
        } else {
            "<x ".into()
        }
    }),
    ("unknown tags", |_| "<zz>".into()),
    ("known tags", |_| "<li>a</li>".into()),
    ("entities", |_| "&amp;&nbsp;&lt;".into()),
    ("lone &", |_| "&".into()),
    ("distinct ; leads", |i| format!("Lead {i};")),
    ("distinct , leads", |i| format!("L{i},")),
    ("distinct line leads", |i| format!("Officer {i}\n")),
    ("same ; leads", |_| "Lead;".into()),
    ("roles joined by &", |i| format!("Officer{i} Officer & ")),
    ("run-on roles", |i| format!("Manager M{i} ")),
    ("bullets", |i| format!("\u{b7} item {i}\n")),
    ("paragraphs", |_| "a\n\n".into()),
    ("open brackets", |_| "(".into()),
    ("close brackets", |_| ")".into()),
    ("bracketed separators", |_| "(;,".into()),
    ("hyphen breaks", |_| "a- b ".into()),
    ("hyphen then spaces", |_| "a-     ".into()),
    ("spaces", |_| " ".into()),
    ("line breaks", |_| "\n".into()),
    ("action numbers", |_| "1.2 ".into()),
    ("dots", |_| ".".into()),
    ("words", |_| "to and of ".into()),
    ("milestones", |_| "Mar-18 & Q3 2017/18 ".into()),
    ("capitals", |_| "AB ".into()),
    ("wide characters", |_| "\u{ff1d}\u{200b}é ".into()),
];

const HEADER: &[&str] = &[
    "Ref",
    "Objective",
    "Action",
    "Lead",
    "Partners",
    "Milestones",
    "Outputs",
    "RAG",
    "Progress",
    "Zzyzx",
];

/// The places a hostile cell is put: a column of the header (by index), a row of its own
/// under the header (read as a heading), a line above the header (the preamble), or the
/// header of one more column.
#[derive(Clone, Copy, Debug)]
enum Place {
    Column(usize),
    Heading,
    Preamble,
    Header,
}

fn places() -> impl Iterator<Item = Place> {
    (0..HEADER.len())
        .map(Place::Column)
        .chain([Place::Heading, Place::Preamble, Place::Header])
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

/// A plan table of `ROWS` actions with `hostile` in `place`.
fn table(hostile: &str, place: Place) -> Vec<Vec<Cell>> {
    const ROWS: usize = 3;
    let mut rows = Vec::new();
    if let Place::Preamble = place {
        rows.push(vec![text(hostile)]);
    }
    let mut header: Vec<Cell> = HEADER.iter().map(|name| text(name)).collect();
    if let Place::Header = place {
        header.push(text(hostile));
    }
    rows.push(header);
    if let Place::Heading = place {
        rows.push(vec![text(hostile)]);
    }
    for row in 0..ROWS {
        let mut cells = vec![
            text(&format!("{}", row + 1)),
            text("Partnership"),
            text("Deliver WRAP training"),
            text("Prevent Lead"),
            text("Police"),
            text("Mar-18"),
            text("Staff trained"),
            text("G"),
            text("On track"),
            text("note"),
        ];
        if let Place::Column(column) = place {
            cells[column] = text(hostile);
        }
        rows.push(cells);
    }
    rows
}

/// Time this thread has run on the CPU, which other work on a loaded machine does not
/// inflate as it does wall time (measured here at a load of 14 on 2 cores: wall times of one
/// check varied sixfold). From `CLOCK_THREAD_CPUTIME_ID`, to the nanosecond: the scheduler's
/// own account (`/proc/thread-self/schedstat`) moves in 4 ms ticks on these machines, which
/// made ratios of 10 ms samples read as 1.33 or 2.5 for a linear transform.
fn thread_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call to fill in.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "no thread CPU clock");
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Seconds per check: the faster of two samples, each repeating the check for at least
/// 10 ms of this thread's time (a quadratic transform is over 3.3 times slower at twice
/// the length every time; a retry settles the rare noisy pair).
fn best_time(rows: &[Vec<Cell>]) -> f64 {
    let options = Options::default();
    (0..2)
        .map(|_| {
            let started = thread_time();
            let mut calls = 0u32;
            let mut spent = Duration::ZERO;
            while calls == 0 || spent < Duration::from_millis(10) {
                let report = validate_rows(rows.to_vec(), &options);
                std::hint::black_box(report);
                calls += 1;
                spent = thread_time().saturating_sub(started);
            }
            spent.as_secs_f64() / f64::from(calls)
        })
        .fold(f64::INFINITY, f64::min)
}

/// How many times longer `large` takes than `small`: the smallest of up to three
/// measurements, so that a burst of other work on the machine does not fail the test (a
/// quadratic transform is over 3.3 every time).
fn doubling_ratio(small: &[Vec<Cell>], large: &[Vec<Cell>]) -> f64 {
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        ratio = ratio.min(best_time(large) / best_time(small));
        if ratio <= MAX_RATIO {
            break;
        }
    }
    ratio
}

/// Twice the input may take this many times as long: linear plus noise.
const MAX_RATIO: f64 = 2.5;

#[test]
fn every_cell_transform_takes_twice_as_long_for_twice_the_text() {
    let large = MAX_CELL_CHARS - 64;
    let small = large / 2;
    let mut slow = Vec::new();
    for (name, unit) in SHAPES {
        for place in places() {
            let [small_rows, large_rows] =
                [small, large].map(|chars| table(&repeated(unit, chars), place));
            let ratio = doubling_ratio(&small_rows, &large_rows);
            if ratio > MAX_RATIO {
                slow.push(format!("{name} in {place:?}: x{ratio:.1}"));
            }
        }
    }
    assert!(slow.is_empty(), "super-linear:\n{}", slow.join("\n"));
}

/// A table whose one action continues over `rows` rows holding only `line` in `column`
/// (rows without a key cell continue the action above).
fn continued(column: usize, line: &str, rows: usize) -> Vec<Vec<Cell>> {
    let mut table = vec![
        HEADER.iter().map(|name| text(name)).collect(),
        vec![
            text("1"),
            text("Partnership"),
            text("Deliver WRAP training"),
        ],
    ];
    for _ in 0..rows {
        let mut row = vec![Cell::Empty; column];
        row.push(text(line));
        table.push(row);
    }
    table
}

#[test]
fn cells_joined_across_rows_take_twice_as_long_for_twice_the_rows() {
    // Each line leaves a bracket open or ends mid-phrase, so that every row joins the one
    // above: asking that of the whole text joined so far, at every row, was quadratic.
    let lines = ["a (", "to and", "(x) of", "\u{b7} b"];
    let mut slow = Vec::new();
    for (column, name) in HEADER.iter().enumerate().skip(3) {
        for line in lines {
            let [small, large] = [3_000, 6_000].map(|rows| continued(column, line, rows));
            let ratio = doubling_ratio(&small, &large);
            if ratio > MAX_RATIO {
                slow.push(format!("{line:?} in {name}: x{ratio:.1}"));
            }
        }
    }
    assert!(slow.is_empty(), "super-linear:\n{}", slow.join("\n"));
}
