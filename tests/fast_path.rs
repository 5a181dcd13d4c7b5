//! The readers of `input` against serde, on the same texts:
//! - the fast path (`input::read_valid_plan`: JSON text straight into the model) against the
//!   full path it stands in for (serde_json to a `Value`, the limits walk, the schema's
//!   validator, the model's serde derives): wherever the fast path answers, the full path
//!   reports nothing about the text (no `json-syntax`, `input-too-large` or `schema` issue)
//!   and builds the same plan;
//! - the lenient reader (`input::read_plan`, which builds the plan on the full path) against
//!   `serde_json::from_value` (`input::to_plan`): the same plan, or `None` for both, for
//!   every text serde_json reads within the limits, schema issues or not.
//!
//! Both are tested Tested on generated plans using every field, on the bundled
//! and benchmark plans, and on both after mutations of their structure (fields dropped,
//! renamed, retyped, added; lists repeated; deep nesting; texts at and past every length
//! limit; dates, status values) and of their text (escapes of every kind, surrogate pairs
//! and lone surrogates, whitespace, repeated keys, bytes deleted, inserted or cut). Texts at
//! the limits are checked both ways: the fast path must also accept what is valid there.

// Test code: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

use prevent_plan_check::input::{parse_json, read_plan, read_valid_plan, to_plan};
use prevent_plan_check::limits::{self, MAX_CELL_CHARS, MAX_DEPTH};
use prevent_plan_check::{schema, validate_json, validate_value, Options, Plan};

/// What the full path makes of `text`: the plan when it has nothing to report about the
/// text, or the first thing it reports.
fn full_path(text: &str) -> Result<Plan, String> {
    if text.len() > limits::MAX_INPUT_BYTES {
        return Err("input-too-large".to_owned());
    }
    let value = parse_json(text).map_err(|issue| format!("{}: {}", issue.rule, issue.message))?;
    if let Some(issue) = limits::check_plan_value(&value) {
        return Err(format!("{}: {}", issue.rule, issue.message));
    }
    if let Some(issue) = schema::check(&value).into_iter().next() {
        return Err(format!("{}: {}", issue.rule, issue.message));
    }
    to_plan(value).ok_or_else(|| "not read into the model".to_owned())
}

/// What the readers made of one text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    /// The fast path read it.
    Fast,
    /// The full path read a plan with schema issues (the lenient reader's own ground).
    Lenient,
    /// Anything else.
    Other,
}

/// Checks both claims for `text`, and that `validate_json` and `validate_value` agree.
fn agrees(text: &str) -> Outcome {
    let fast = read_valid_plan(text);
    if let Some(fast) = &fast {
        assert_eq!(
            full_path(text).as_ref(),
            Ok(fast),
            "the fast path read {text:?}"
        );
    }
    let Ok(value) = parse_json(text) else {
        return Outcome::Other;
    };
    if limits::check_plan_value(&value).is_some() {
        return Outcome::Other;
    }
    let valid = schema::check(&value).is_empty();
    let options = Options::default();
    let by_value = serde_json::to_string(&validate_value(value.clone(), &options)).unwrap();
    let by_serde = to_plan(value);
    assert_eq!(
        read_plan(text),
        by_serde,
        "the lenient reader read {text:?}"
    );
    assert_eq!(
        serde_json::to_string(&validate_json(text, &options)).unwrap(),
        by_value,
        "reports differ for {text:?}"
    );
    match (fast, by_serde, valid) {
        (Some(_), _, _) => Outcome::Fast,
        (None, Some(_), false) => Outcome::Lenient,
        _ => Outcome::Other,
    }
}

/// Runs `cases` texts from `texts` through [`agrees`], and requires the fast path to have
/// answered for at least `min_fast` of them and the lenient reader to have built a plan
/// with schema issues for at least `min_lenient` (so that a generator that breaks every
/// plan, or none, cannot pass without testing anything).
fn run(name: &str, texts: impl Strategy<Value = String>, min_fast: f64, min_lenient: f64) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(400);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let (total, fast, lenient) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let result = runner.run(&texts, |text| {
        total.fetch_add(1, Ordering::Relaxed);
        match agrees(&text) {
            Outcome::Fast => fast.fetch_add(1, Ordering::Relaxed),
            Outcome::Lenient => lenient.fetch_add(1, Ordering::Relaxed),
            Outcome::Other => 0,
        };
        Ok(())
    });
    if let Err(error) = result {
        unreachable!("{name}: {error}");
    }
    let (total, fast, lenient) = (total.into_inner(), fast.into_inner(), lenient.into_inner());
    eprintln!("{name}: of {total} texts, {fast} read by the fast path, {lenient} with schema issues by the lenient reader");
    assert!(
        fast as f64 >= min_fast * total as f64,
        "{name}: the fast path read only {fast} of {total} texts"
    );
    assert!(
        lenient as f64 >= min_lenient * total as f64,
        "{name}: the lenient reader built only {lenient} plans of {total} texts"
    );
}

// ---------------------------------------------------------------------------------------
// Plans using every field of the schema.

const WORDS: &[&str] = &[
    "Deliver",
    "WRAP",
    "training",
    "Channel",
    "Prevent Lead",
    "Mar-18",
    "2017/18",
    "On track",
    "é",
    "—",
    "😀",
    "\u{200b}",
    "\u{7f}",
    "",
    " ",
    "\n",
    "\t",
    "\u{1}",
    "\"",
    "\\",
    "/",
    "1.2",
];

fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..5)
        .prop_map(|words| words.join(" "))
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(&["1", "1.2", "A3", "7"][..]).prop_map(str::to_owned),
        1 => words(),
    ]
}

/// Mostly present: a field the schema requires.
fn required<T: Clone + std::fmt::Debug>(
    strategy: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop_oneof![9 => strategy.prop_map(Some), 1 => Just(None)]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(&["2017-04-01", "2018-03-31", "2024-02-29"][..]).prop_map(str::to_owned),
        1 => any_date(),
    ]
}

fn any_date() -> impl Strategy<Value = String> {
    proptest::sample::select(
        &[
            "2017-04-01",
            "2018-03-31",
            "2024-02-29",
            "2023-02-29",
            "1900-02-29",
            "2000-02-29",
            "0000-01-01",
            "9999-12-31",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-1-01",
            "2023-01-01T00:00:00",
            "31/03/2017",
            "",
        ][..],
    )
    .prop_map(str::to_owned)
}

fn status_value() -> impl Strategy<Value = Value> {
    proptest::sample::select(
        &[
            "not_started",
            "on_track",
            "at_risk",
            "delayed",
            "complete",
            "ongoing",
            "unknown",
            "On track",
            "",
        ][..],
    )
    .prop_map(Value::from)
}

/// Adds each present field to an object.
fn object(fields: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .filter_map(|(key, value)| Some((key.to_owned(), value?)))
            .collect::<Map<String, Value>>(),
    )
}

fn texts(max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(words(), 0..max)
}

// The larger strategies are boxed: unboxed, their nested types make frames that overflow
// a test thread's 2 MB stack in debug builds.
fn milestone() -> BoxedStrategy<Value> {
    prop_oneof![
        words().prop_map(Value::from),
        (
            words(),
            proptest::option::of(prop_oneof![
                Just(Value::Null),
                Just(json!({"kind": "date", "start": "2018-03-01", "end": "2018-03-31"})),
                Just(json!({"kind": "recurring", "every": 3, "share": 0.25, "tags": [true, false, null, -1, "x"]})),
                Just(json!({})),
            ])
        )
            .prop_map(|(text, parsed)| object(vec![("text", Some(text.into())), ("parsed", parsed)])),
    ]
    .boxed()
}

fn status() -> BoxedStrategy<Value> {
    prop_oneof![
        words().prop_map(Value::from),
        (
            proptest::option::of(words()),
            proptest::option::of(status_value())
        )
            .prop_map(|(text, value)| object(vec![
                ("text", text.map(Value::from)),
                ("value", value)
            ])),
    ]
    .boxed()
}

fn risk() -> BoxedStrategy<Value> {
    (
        proptest::option::of(words()),
        proptest::option::of(words()),
        proptest::option::of(words()),
        proptest::option::of(words()),
    )
        .prop_map(|(text, severity, likelihood, rating)| {
            object(vec![
                ("text", text.map(Value::from)),
                ("severity", severity.map(Value::from)),
                ("likelihood", likelihood.map(Value::from)),
                ("rating", rating.map(Value::from)),
            ])
        })
        .boxed()
}

fn categories() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        proptest::sample::select(&["training", "channel_panel", "partnership", ""][..])
            .prop_map(str::to_owned),
        0..3,
    )
}

fn action() -> BoxedStrategy<Value> {
    (
        (
            proptest::option::of(id()),
            required(words()),
            proptest::option::of(words()),
            proptest::option::of(texts(3)),
            proptest::option::of(proptest::collection::vec(id(), 0..3)),
            proptest::option::of(texts(3)),
            proptest::option::of(texts(2)),
        ),
        (
            proptest::option::of(proptest::collection::vec(milestone(), 0..3)),
            proptest::option::of(status()),
            proptest::option::of(categories()),
            proptest::option::of(words()),
            proptest::option::of(words()),
            proptest::option::of(risk()),
            proptest::option::of(words()),
        ),
    )
        .prop_map(
            |(
                (id, description, objective, outputs, outcomes, leads, partners),
                (milestones, status, categories, requirement, evidence, risk, rag),
            )| {
                object(vec![
                    ("id", id.map(Value::from)),
                    ("description", description.map(Value::from)),
                    ("objective", objective.map(Value::from)),
                    ("outputs", outputs.map(Value::from)),
                    ("outcomes", outcomes.map(Value::from)),
                    ("leads", leads.map(Value::from)),
                    ("partners", partners.map(Value::from)),
                    ("milestones", milestones.map(Value::from)),
                    ("status", status),
                    ("categories", categories.map(Value::from)),
                    ("requirement", requirement.map(Value::from)),
                    ("evidence", evidence.map(Value::from)),
                    ("risk", risk),
                    ("rag", rag.map(Value::from)),
                ])
            },
        )
        .boxed()
}

fn section() -> BoxedStrategy<Value> {
    (
        proptest::option::of(id()),
        required(words()),
        proptest::option::of(words()),
        proptest::option::of(categories()),
        required(proptest::collection::vec(action(), 0..4)),
    )
        .prop_map(|(id, title, description, categories, actions)| {
            object(vec![
                ("id", id.map(Value::from)),
                ("title", title.map(Value::from)),
                ("description", description.map(Value::from)),
                ("categories", categories.map(Value::from)),
                ("actions", actions.map(Value::from)),
            ])
        })
        .boxed()
}

fn period() -> impl Strategy<Value = Value> {
    prop_oneof![
        proptest::sample::select(&["2017/18", "2015-16", "2008-11", "2016", "next year", ""][..])
            .prop_map(Value::from),
        (
            proptest::option::of(words()),
            required(date()),
            required(date())
        )
            .prop_map(|(label, start, end)| object(vec![
                ("label", label.map(Value::from)),
                ("start", start.map(Value::from)),
                ("end", end.map(Value::from)),
            ])),
    ]
}

fn plan() -> BoxedStrategy<Value> {
    (
        proptest::option::of(words()),
        proptest::option::of(words()),
        proptest::option::of(period()),
        proptest::option::of(date()),
        proptest::option::of(proptest::sample::select(
            &["la-2023", "schools", "nope"][..],
        )),
        proptest::option::of(proptest::collection::vec(
            (required(id()), required(words())).prop_map(|(id, title)| {
                object(vec![
                    ("id", id.map(Value::from)),
                    ("title", title.map(Value::from)),
                ])
            }),
            0..3,
        )),
        proptest::option::of(any::<bool>()),
        required(proptest::collection::vec(section(), 0..4)),
    )
        .prop_map(
            |(title, authority, period, as_of, profile, priorities, ids_assigned, sections)| {
                object(vec![
                    ("title", title.map(Value::from)),
                    ("authority", authority.map(Value::from)),
                    ("period", period),
                    ("as_of", as_of.map(Value::from)),
                    ("profile", profile.map(Value::from)),
                    ("strategic_priorities", priorities.map(Value::from)),
                    ("idsAssigned", ids_assigned.map(Value::from)),
                    ("sections", sections.map(Value::from)),
                ])
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------
// Structural mutations.

/// Every property name of the schema, and near misses of them.
const KEYS: &[&str] = &[
    "actions",
    "as_of",
    "authority",
    "categories",
    "description",
    "end",
    "evidence",
    "id",
    "idsAssigned",
    "label",
    "leads",
    "likelihood",
    "milestones",
    "objective",
    "outcomes",
    "outputs",
    "parsed",
    "partners",
    "period",
    "profile",
    "rag",
    "rating",
    "requirement",
    "risk",
    "sections",
    "severity",
    "start",
    "status",
    "strategic_priorities",
    "text",
    "title",
    "value",
    "Description",
    "description ",
    "colour",
    "__proto__",
    "",
];

/// Lengths at and around every `maxLength` and the text limit.
const LENGTHS: &[usize] = &[
    0,
    1,
    64,
    65,
    100,
    101,
    1000,
    1001,
    10_000,
    10_001,
    MAX_CELL_CHARS,
    MAX_CELL_CHARS + 1,
];

/// Values to put in place of another: other types, texts at the limits, dates, status
/// values, the other forms of milestones and periods, deep nesting.
fn replacement() -> BoxedStrategy<Value> {
    prop_oneof![
        proptest::sample::select(vec![
            Value::Null,
            json!(true),
            json!(0),
            json!(-1.5),
            json!(12_345_678_901_234_567_890_u128 as f64),
            json!(""),
            json!("x"),
            json!([]),
            json!({}),
            json!(["x", "x"]),
            json!({"text": "Mar-18"}),
            json!({"text": "Mar-18", "parsed": null}),
            json!({"text": "On track", "value": "on_track"}),
            json!({"start": "2017-04-01", "end": "2018-03-31"}),
            json!({"description": "D"}),
            json!({"title": "T", "actions": []}),
            json!({"on_track": null}),
            json!({"delayed": 1}),
            json!({"text": "T", "value": {"complete": null}}),
            json!({"text": "T", "value": {"complete": null, "delayed": null}}),
            json!([null, "D"]),
            json!(["1", "D", null, [], ["1"], ["L"], [], ["Mar-18"], "On track"]),
            json!([[null, "S", null, [], [{"description": "D"}]]]),
            json!({"parsed": [1e300, -2.5e-7, {"deep": [[[]]]}]}),
        ]),
        any_date().prop_map(Value::from),
        status_value(),
        (
            proptest::sample::select(LENGTHS),
            proptest::sample::select(&['a', 'é', '😀', '"', '\n'][..])
        )
            .prop_map(|(length, character)| Value::from(
                std::iter::repeat_n(character, length).collect::<String>()
            )),
        (
            proptest::sample::select(vec![
                5,
                30,
                31,
                32,
                33,
                100,
                MAX_DEPTH - 9,
                MAX_DEPTH - 8,
                MAX_DEPTH - 1,
                MAX_DEPTH,
                200
            ]),
            any::<bool>()
        )
            .prop_map(|(depth, arrays)| nested(depth, arrays)),
        action(),
        milestone(),
    ]
    .boxed()
}

/// `depth` levels of arrays or objects.
fn nested(depth: usize, arrays: bool) -> Value {
    (0..depth).fold(json!("deep"), |inner, _| {
        if arrays {
            json!([inner])
        } else {
            json!({ "parsed": inner })
        }
    })
}

/// The JSON Pointers of every value in `value`.
fn pointers(value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(index, item)| pointers(item, format!("{at}/{index}"), found)),
        Value::Object(members) => members.iter().for_each(|(key, item)| {
            let key = key.replace('~', "~0").replace('/', "~1");
            pointers(item, format!("{at}/{key}"), found);
        }),
        _ => {}
    }
    found.push(at);
}

#[derive(Debug, Clone)]
enum Mutation {
    Remove,
    Rename(&'static str),
    Replace(Value),
    Add(&'static str, Value),
    Repeat,
    /// An object written as serde also reads a struct: its fields' values in an order.
    ToArray(&'static [&'static str]),
}

/// The fields of the model's structs in the order it declares them, and one that is not.
const FIELD_ORDERS: &[&[&str]] = &[
    &[
        "title",
        "authority",
        "period",
        "as_of",
        "profile",
        "strategic_priorities",
        "sections",
        "idsAssigned",
    ],
    &["id", "title"],
    &["id", "title", "description", "categories", "actions"],
    &[
        "id",
        "description",
        "objective",
        "outputs",
        "outcomes",
        "leads",
        "partners",
        "milestones",
        "status",
        "requirement",
        "evidence",
        "risk",
        "rag",
        "categories",
    ],
    &["text", "severity", "likelihood", "rating"],
    &["description", "id"],
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => Just(Mutation::Remove),
        2 => proptest::sample::select(KEYS).prop_map(Mutation::Rename),
        4 => replacement().prop_map(Mutation::Replace),
        2 => (proptest::sample::select(KEYS), replacement()).prop_map(|(key, value)| Mutation::Add(key, value)),
        1 => Just(Mutation::Repeat),
        2 => proptest::sample::select(FIELD_ORDERS).prop_map(Mutation::ToArray),
    ]
}

/// Applies `mutation` at the value `choice` picks (by its place among all values).
fn mutate(value: &mut Value, choice: usize, mutation: Mutation) {
    let mut found = Vec::new();
    pointers(value, String::new(), &mut found);
    let pointer = &found[choice % found.len()];
    let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", ""));
    let last = last.replace("~1", "/").replace("~0", "~");
    match mutation {
        Mutation::Replace(replacement) => {
            if let Some(target) = value.pointer_mut(pointer) {
                *target = replacement;
            }
        }
        Mutation::ToArray(order) => {
            if let Some(target @ Value::Object(_)) = value.pointer_mut(pointer) {
                let mut fields: Vec<Value> = order
                    .iter()
                    .map(|key| target.get(*key).cloned().unwrap_or(Value::Null))
                    .collect();
                while fields.last().is_some_and(Value::is_null) && choice % 2 == 0 {
                    fields.pop();
                }
                *target = Value::from(fields);
            }
        }
        Mutation::Add(key, added) => {
            if let Some(Value::Object(members)) = value.pointer_mut(pointer) {
                members.insert(key.to_owned(), added);
            }
        }
        Mutation::Remove | Mutation::Rename(_) | Mutation::Repeat => {
            match (value.pointer_mut(parent), mutation) {
                (Some(Value::Object(members)), Mutation::Remove) => {
                    members.remove(&last);
                }
                (Some(Value::Object(members)), Mutation::Rename(key)) => {
                    if let Some(moved) = members.remove(&last) {
                        members.insert(key.to_owned(), moved);
                    }
                }
                (Some(Value::Array(items)), Mutation::Remove) => {
                    if let Ok(index) = last.parse::<usize>() {
                        items.remove(index);
                    }
                }
                (Some(Value::Array(items)), Mutation::Repeat) => {
                    if let Some(item) = last
                        .parse::<usize>()
                        .ok()
                        .and_then(|index| items.get(index))
                    {
                        items.push(item.clone());
                    }
                }
                _ => {}
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Writing JSON text: the same value written in the many ways JSON allows, and broken.

/// How a value is written: `seed` drives the choices (none: as `serde_json` writes it);
/// `hostile` also writes what is not JSON (lone surrogates, raw control characters).
struct Writer {
    seed: Option<u64>,
    hostile: bool,
    text: String,
}

impl Writer {
    /// A random byte (xorshift), or zero when writing plainly.
    fn choice(&mut self) -> u8 {
        let Some(seed) = &mut self.seed else {
            return 0;
        };
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 32) as u8
    }

    /// True for about one choice in 16.
    fn rarely(&mut self) -> bool {
        self.choice() >= 240
    }

    /// True for about one choice in 4,096.
    fn very_rarely(&mut self) -> bool {
        self.rarely() && self.rarely() && self.rarely()
    }

    fn space(&mut self) {
        let space = match self.choice() % 8 {
            5 => " ",
            6 => "\n  ",
            7 => "\t\r\n",
            _ => "",
        };
        self.text.push_str(space);
    }

    fn value(&mut self, value: &Value) {
        self.space();
        match value {
            Value::String(text) => self.string(text),
            Value::Array(items) => {
                self.text.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.text.push(',');
                    }
                    self.value(item);
                }
                self.space();
                self.text.push(']');
            }
            Value::Object(members) => {
                self.text.push('{');
                let mut first = true;
                for (key, item) in members {
                    // A repeated key, before or after the one the value keeps.
                    let decoy = (self.rarely() && self.rarely()).then(|| match self.choice() % 6 {
                        0 => Value::Null,
                        1 => json!(""),
                        2 => json!([]),
                        _ => item.clone(),
                    });
                    let decoy_last = self.choice() % 2 == 0;
                    if let (Some(decoy), false) = (&decoy, decoy_last) {
                        self.member(&mut first, key, decoy);
                    }
                    self.member(&mut first, key, item);
                    if let (Some(decoy), true) = (&decoy, decoy_last) {
                        self.member(&mut first, key, decoy);
                    }
                }
                self.space();
                self.text.push('}');
            }
            other => self.text.push_str(&other.to_string()),
        }
        self.space();
    }

    fn member(&mut self, first: &mut bool, key: &str, value: &Value) {
        if !*first {
            self.text.push(',');
        }
        *first = false;
        self.space();
        self.string(key);
        self.space();
        self.text.push(':');
        self.value(value);
    }

    fn string(&mut self, text: &str) {
        self.text.push('"');
        for character in text.chars() {
            if self.hostile && self.very_rarely() {
                let lone = [
                    "\\ud800",
                    "\\udbff",
                    "\\udc00",
                    "\\ud800\\u0041",
                    "\\ud800\\ud800",
                ];
                let pick = usize::from(self.choice()) % lone.len();
                self.text.push_str(lone[pick]);
            }
            let escaped = match character {
                '"' | '\\' | '\u{0}'..='\u{1f}' => !(self.hostile && self.very_rarely()),
                _ => self.rarely(),
            };
            if !escaped {
                self.text.push(character);
                continue;
            }
            let short = match character {
                '"' => Some("\\\""),
                '\\' => Some("\\\\"),
                '/' => Some("\\/"),
                '\u{8}' => Some("\\b"),
                '\u{c}' => Some("\\f"),
                '\n' => Some("\\n"),
                '\r' => Some("\\r"),
                '\t' => Some("\\t"),
                _ => None,
            };
            match short {
                Some(short) if self.choice() % 2 == 0 => self.text.push_str(short),
                _ => {
                    let upper = self.choice() % 2 == 0;
                    let mut units = [0; 2];
                    for unit in character.encode_utf16(&mut units) {
                        let hex = if upper {
                            format!("\\u{unit:04X}")
                        } else {
                            format!("\\u{unit:04x}")
                        };
                        self.text.push_str(&hex);
                    }
                }
            }
        }
        self.text.push('"');
    }
}

/// `value` written as `style` says, then perhaps broken at one place.
fn write(value: &Value, style: Style, damage: Option<(u8, usize)>) -> String {
    let mut writer = Writer {
        seed: style.seed,
        hostile: style.hostile,
        text: String::new(),
    };
    writer.value(value);
    let mut text = writer.text;
    if let Some((kind, place)) = damage {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(index, _)| index)
            .chain([text.len()])
            .collect();
        let at = boundaries[place % boundaries.len()];
        match kind % 5 {
            0 => {
                if let Some(character) = text.get(at..).and_then(|rest| rest.chars().next()) {
                    text.replace_range(at..at + character.len_utf8(), "");
                }
            }
            1 => text.insert(
                at,
                ['{', '}', '[', ']', ',', ':', '"', '\\', '0', 'x'][place % 10],
            ),
            2 => text.truncate(at),
            3 => text.insert(0, '\u{feff}'),
            _ => text.push_str([",", "x", " {}", "\u{a0}"][place % 4]),
        }
    }
    text
}

#[derive(Debug, Clone, Copy)]
struct Style {
    seed: Option<u64>,
    hostile: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop_oneof![1 => Just(None), 3 => (1..u64::MAX).prop_map(Some)],
        proptest::bool::weighted(0.25),
    )
        .prop_map(|(seed, hostile)| Style { seed, hostile })
}

fn damage() -> impl Strategy<Value = Option<(u8, usize)>> {
    prop_oneof![
        4 => Just(None),
        1 => (any::<u8>(), any::<usize>()).prop_map(Some),
    ]
}

/// `base` mutated up to three times, written with choices and perhaps damaged.
fn variations(base: impl Strategy<Value = Value>) -> impl Strategy<Value = String> {
    (
        base,
        proptest::collection::vec((any::<usize>(), mutation()), 0..4),
        style(),
        damage(),
    )
        .prop_map(|(mut value, mutations, style, damage)| {
            for (choice, mutation) in mutations {
                mutate(&mut value, choice, mutation);
            }
            write(&value, style, damage)
        })
}

// ---------------------------------------------------------------------------------------
// The bundled plans and the benchmark plans.

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every bundled plan document, and the 10- and 100-action benchmark plans when
/// `bench/generate.mjs` has written them (the golden test writes them).
fn bundled() -> &'static [(String, Value)] {
    static PLANS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let folders = [
            "tests/fixtures",
            "tests/fixtures/plans",
            "tests/fixtures/seeds",
            "tests/fixtures/versions",
            "pkg/examples",
        ];
        let mut paths: Vec<_> = folders
            .iter()
            .flat_map(|folder| {
                std::fs::read_dir(root().join(folder))
                    .into_iter()
                    .flatten()
                    .flatten()
            })
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|extension| extension == "json")
            })
            .collect();
        paths.extend(
            ["target/bench/plan-10.json", "target/bench/plan-100.json"]
                .map(|path| root().join(path))
                .into_iter()
                .filter(|path| path.exists()),
        );
        paths.sort();
        paths
            .into_iter()
            .filter_map(|path| {
                let text = std::fs::read_to_string(&path).ok()?;
                let value = serde_json::from_str(&text).ok()?;
                Some((path.display().to_string(), value))
            })
            .collect()
    })
}

fn bundled_plan() -> impl Strategy<Value = Value> {
    let plans = bundled();
    assert!(plans.len() >= 10, "bundled plans not found");
    proptest::sample::select(
        plans
            .iter()
            .map(|(_, value)| value.clone())
            .collect::<Vec<_>>(),
    )
}

#[test]
fn generated_plans_written_every_way() {
    run(
        "generated plans",
        (plan(), style(), damage()).prop_map(|(plan, style, damage)| write(&plan, style, damage)),
        0.2,
        0.05,
    );
}

#[test]
fn generated_plans_mutated() {
    run("mutated generated plans", variations(plan()), 0.05, 0.05);
}

#[test]
fn bundled_plans_mutated() {
    run(
        "mutated bundled plans",
        variations(bundled_plan()),
        0.2,
        0.02,
    );
}

/// The fast path takes every plan the full path reads without a word, as they are written.
#[test]
fn valid_bundled_and_benchmark_plans_take_the_fast_path() {
    let mut paths: Vec<_> = bundled().iter().map(|(path, _)| path.clone()).collect();
    paths.extend(
        // The 10,000-action plan's report is compared by the golden test.
        ["target/bench/plan-1000.json"]
            .map(|path| root().join(path).display().to_string())
            .into_iter()
            .filter(|path| Path::new(path).exists()),
    );
    let mut fast = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let taken = agrees(&text) == Outcome::Fast;
        assert_eq!(taken, full_path(&text).is_ok(), "{path}");
        fast += usize::from(taken);
    }
    assert!(
        fast >= 8,
        "only {fast} of {} plans took the fast path",
        paths.len()
    );
}

/// A template plan using every string field, with the pointer of each and its `maxLength`.
fn every_string_field() -> (Value, Vec<(&'static str, usize)>) {
    let plan = json!({
        "title": "T", "authority": "A", "period": {"label": "L", "start": "2017-04-01", "end": "2018-03-31"},
        "profile": "la-2023", "strategic_priorities": [{"id": "1", "title": "P"}],
        "sections": [{"id": "1", "title": "S", "description": "D", "categories": ["training"], "actions": [{
            "id": "1.1", "description": "D", "objective": "O", "outputs": ["O"], "outcomes": ["1"],
            "leads": ["L"], "partners": ["P"], "milestones": ["M", {"text": "M", "parsed": {"note": "x"}}],
            "status": {"text": "S", "value": "on_track"}, "categories": ["training"],
            "requirement": "R", "evidence": "E",
            "risk": {"text": "R", "severity": "S", "likelihood": "L", "rating": "R"}, "rag": "Red"
        }, {"description": "D", "status": "S"}]}]
    });
    let fields = vec![
        ("/title", 1000),
        ("/authority", 1000),
        ("/period/label", 100),
        ("/profile", 64),
        ("/strategic_priorities/0/id", 64),
        ("/strategic_priorities/0/title", 100_000),
        ("/sections/0/id", 64),
        ("/sections/0/title", 100_000),
        ("/sections/0/description", 100_000),
        ("/sections/0/categories/0", 64),
        ("/sections/0/actions/0/id", 64),
        ("/sections/0/actions/0/description", 100_000),
        ("/sections/0/actions/0/objective", 100_000),
        ("/sections/0/actions/0/outputs/0", 10_000),
        ("/sections/0/actions/0/outcomes/0", 64),
        ("/sections/0/actions/0/leads/0", 10_000),
        ("/sections/0/actions/0/partners/0", 10_000),
        ("/sections/0/actions/0/milestones/0", 10_000),
        ("/sections/0/actions/0/milestones/1/text", 10_000),
        ("/sections/0/actions/0/milestones/1/parsed/note", usize::MAX),
        ("/sections/0/actions/0/status/text", 100_000),
        ("/sections/0/actions/0/categories/0", 64),
        ("/sections/0/actions/0/requirement", 100_000),
        ("/sections/0/actions/0/evidence", 100_000),
        ("/sections/0/actions/0/risk/text", 100_000),
        ("/sections/0/actions/0/risk/severity", 1000),
        ("/sections/0/actions/0/risk/likelihood", 1000),
        ("/sections/0/actions/0/risk/rating", 1000),
        ("/sections/0/actions/0/rag", 1000),
        ("/sections/0/actions/1/status", 100_000),
    ];
    (plan, fields)
}

/// At and one past each field's length (the schema's or the text limit, whichever is
/// less), in one-, two- and four-byte characters: both paths agree, both ways.
#[test]
fn every_length_limit_is_where_the_schema_puts_it() {
    let (plan, fields) = every_string_field();
    assert!(read_valid_plan(&plan.to_string()).is_some());
    for (pointer, max) in fields {
        let limit = max.min(MAX_CELL_CHARS);
        for length in [limit, limit + 1] {
            for character in ['a', 'é', '😀'] {
                let mut changed = plan.clone();
                *changed.pointer_mut(pointer).unwrap() =
                    Value::from(std::iter::repeat_n(character, length).collect::<String>());
                let text = changed.to_string();
                let full = full_path(&text);
                assert_eq!(
                    agrees(&text) == Outcome::Fast,
                    full.is_ok(),
                    "{pointer} of {length} × {character:?}: {full:?}"
                );
                assert_eq!(full.is_ok(), length == limit, "{pointer} of {length}");
            }
        }
    }
}

/// Every item limit (`maxItems`) and the action limit, at and one past: the fast path
/// takes the first and leaves the second to the full path.
#[test]
fn every_item_limit_is_where_the_schema_puts_it() {
    let action = json!({"description": "D"});
    let cases: Vec<(Value, usize)> = vec![
        (
            json!({"sections": [], "strategic_priorities": [{"id": "1", "title": "P"}]}),
            100,
        ),
        (json!({"sections": [{"title": "S", "actions": []}]}), 10_000),
        (
            json!({"sections": [{"title": "S", "categories": ["c"], "actions": []}]}),
            50,
        ),
        (
            json!({"sections": [{"title": "S", "actions": [{"description": "D", "outputs": ["o"]}]}]}),
            1000,
        ),
        (
            json!({"sections": [{"title": "S", "actions": [{"description": "D", "outcomes": ["1"]}]}]}),
            100,
        ),
        (
            json!({"sections": [{"title": "S", "actions": [{"description": "D", "leads": ["l"]}]}]}),
            1000,
        ),
        (
            json!({"sections": [{"title": "S", "actions": [{"description": "D", "milestones": ["m"]}]}]}),
            1000,
        ),
        (
            json!({"sections": [{"title": "S", "actions": [action]}]}),
            limits::MAX_ACTIONS,
        ),
    ];
    for (plan, max) in cases {
        for count in [max, max + 1] {
            let mut changed = plan.clone();
            let list = find_list(&mut changed);
            let item = list[0].clone();
            *list = (0..count)
                .map(|index| match &item {
                    // Categories must differ (`uniqueItems`).
                    Value::String(text) if text == "c" => Value::from(format!("c{index}")),
                    other => other.clone(),
                })
                .collect();
            let text = changed.to_string();
            let full = full_path(&text);
            assert_eq!(
                read_valid_plan(&text).is_some(),
                full.is_ok(),
                "{max}: {full:?}"
            );
            assert_eq!(full.is_ok(), count == max, "{max} at {count}: {full:?}");
        }
    }
}

/// The innermost non-empty list of `value`.
fn find_list(value: &mut Value) -> &mut Vec<Value> {
    let inner = match value {
        Value::Object(members) => members.values().any(has_list),
        Value::Array(items) => items.iter().any(has_list),
        _ => false,
    };
    if !inner {
        if let Value::Array(items) = value {
            return items;
        }
    }
    match value {
        Value::Object(members) => {
            find_list(members.values_mut().find(|value| has_list(value)).unwrap())
        }
        Value::Array(items) => find_list(items.iter_mut().find(|value| has_list(value)).unwrap()),
        _ => unreachable!("no list"),
    }
}

fn has_list(value: &Value) -> bool {
    match value {
        Value::Array(items) => !items.is_empty(),
        Value::Object(members) => members.values().any(has_list),
        _ => false,
    }
}

/// The published `format: date` and the model's date reading accept the same texts.
#[test]
fn dates_read_where_the_schema_accepts_them() {
    for year in ["0000", "1900", "2000", "2023", "2024", "9999"] {
        for month in 0..=13 {
            for day in [0, 1, 28, 29, 30, 31, 32] {
                let date = format!("{year}-{month:02}-{day:02}");
                let text = json!({"as_of": date, "sections": []}).to_string();
                assert_eq!(
                    agrees(&text) == Outcome::Fast,
                    full_path(&text).is_ok(),
                    "{date}"
                );
            }
        }
    }
}

/// Corners of serde's reading, each with whether serde builds a plan from it: the lenient
/// reader builds the same plan, or none.
#[test]
fn the_lenient_reader_reads_as_serde_reads() {
    let action = |fields: &str| {
        format!(
            r#"{{"sections": [{{"title": "S", "actions": [{{"description": "D", {fields}}}]}}]}}"#
        )
    };
    let cases: Vec<(String, bool)> = vec![
        // Structs read from arrays of their fields, in the model's order.
        ("[]".to_owned(), true),
        (r#"[null, null, "2017/18"]"#.to_owned(), true),
        (r#"["T", "A", null, "2018-03-31", "la-2023", [["1", "P"]], [], true]"#.to_owned(), true),
        (r#"[null, null, null, null, null, [], [], false, 1]"#.to_owned(), false),
        (r#"{"strategic_priorities": [["1"]], "sections": []}"#.to_owned(), false),
        (r#"{"sections": [["1", "S", null, ["training"], [["1.1", "D", null, [], [], ["L"]]]]]}"#.to_owned(), true),
        (action(r#""risk": ["R", "4", null, "12"]"#), true),
        (action(r#""risk": ["R", "4", null, "12", "x"]"#), false),
        (action(r#""status": ["On track"]"#), false),
        (action(r#""milestones": [["Mar-18"]]"#), false),
        // `null` for optional fields, and where it is not optional.
        (r#"{"title": null, "period": null, "as_of": null, "profile": null, "sections": []}"#.to_owned(), true),
        (r#"{"period": {"label": null, "start": "2017-04-01", "end": "2018-03-31"}, "sections": []}"#.to_owned(), true),
        (r#"{"period": {"start": "2017-04-01"}, "sections": []}"#.to_owned(), false),
        (r#"{"period": [], "sections": []}"#.to_owned(), false),
        (r#"{"period": "", "sections": []}"#.to_owned(), true),
        (r#"{"idsAssigned": null, "sections": []}"#.to_owned(), false),
        (r#"{"sections": null}"#.to_owned(), false),
        (r#"{"sections": [{"title": null, "actions": []}]}"#.to_owned(), false),
        (action(r#""id": null, "objective": null, "status": null, "risk": null, "rag": null"#), true),
        (action(r#""leads": null"#), false),
        (action(r#""milestones": [null]"#), false),
        (action(r#""status": {"text": null}"#), false),
        (action(r#""status": {"value": null}"#), true),
        (action(r#""risk": {"text": null}"#), false),
        (action(r#""risk": {"severity": null}"#), true),
        // Status values, and serde's map form of them.
        (action(r#""status": {"value": "on_track"}"#), true),
        (action(r#""status": {"value": "On track"}"#), false),
        (action(r#""status": {"value": {"on_track": null}}"#), true),
        (action(r#""status": {"value": {"on_track": 1, "on_track": null}}"#), true),
        (action(r#""status": {"value": {"on_track": null, "on_track": 1}}"#), false),
        (action(r#""status": {"value": {"on_track": null, "delayed": null}}"#), false),
        (action(r#""status": {"value": {}}"#), false),
        (action(r#""status": {"value": {"bogus": null}}"#), false),
        (action(r#""status": {"value": 3}"#), false),
        // Repeated keys: the last counts, whatever came before.
        (action(r#""leads": 5, "leads": ["L"]"#), true),
        (action(r#""leads": ["L"], "leads": 5"#), false),
        (action(r#""risk": {"x": 1}, "risk": {}"#), true),
        (action(r#""risk": {}, "risk": {"x": 1}"#), false),
        (r#"{"sections": [{"x": 1}], "sections": []}"#.to_owned(), true),
        (r#"{"colour": 1, "sections": []}"#.to_owned(), false),
        // `parsed` is ignored, whatever it holds; other types are not.
        (action(r#""milestones": [{"text": "M", "parsed": [1e300, -2.5E-7, "x", true, null, {"a": {"b": []}}]}]"#), true),
        (action(&format!(r#""milestones": [{{"text": "M", "parsed": {}1{}}}]"#, "[".repeat(100), "]".repeat(100))), true),
        (action(r#""milestones": [{"text": "M", "parsed": 7}]"#), true),
        (action(r#""milestones": [{"parsed": {}}]"#), false),
        (action(r#""milestones": [{"text": 7}]"#), false),
        // Dates, keys written with escapes, texts the schema refuses.
        (r#"{"as_of": "2023-02-29", "sections": []}"#.to_owned(), false),
        (r#"{"as_of": 20230228, "sections": []}"#.to_owned(), false),
        (r#"{"sect\u0069ons": [], "\u0074itle": "\ud83d\ude00"}"#.to_owned(), true),
        (action(r#""id": "", "categories": ["a", "a"], "outcomes": [""]"#), true),
        (r#"{"sections": [{"title": "S", "actions": [{"description": ""}]}]}"#.to_owned(), true),
        ("\"plan\"".to_owned(), false),
        ("7".to_owned(), false),
    ];
    for (text, serde_reads) in cases {
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|error| unreachable!("{text}: {error}"));
        assert!(limits::check_plan_value(&value).is_none(), "{text}");
        let by_serde = to_plan(value);
        assert_eq!(by_serde.is_some(), serde_reads, "serde on {text}");
        assert_eq!(read_plan(&text), by_serde, "{text}");
        agrees(&text);
    }
}
