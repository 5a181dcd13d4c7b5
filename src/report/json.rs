//! The report written as JSON by hand: the same bytes as `serde_json::to_string(&report)`,
//! at a fraction of the cost.
//!
//! serde_json escapes strings one byte at a time, and at opt-level "z" each byte costs an
//! out-of-line `split_at`: that was 40 M instructions of a 1,000-action check. Here the runs
//! of bytes that need no escape are found first and copied whole, numbers are written by a
//! small digit writer, and the field names are written as the literals they are.
//!
//! The layout of every type follows its `Serialize` derive (field order, `skip_serializing_if`
//! and renames); `tests/golden.rs` and the tests below compare the two. The coverage evidence
//! is written in one place, in its public shape ([`Json::evidence`]) and compactly for the
//! WASM transport ([`Json::compact_evidence`], [`Shared`]), so that a change of its
//! representation touches those two functions beside each other.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

use super::{Issue, Location, Report, ReportMode, Severity, Summary};
use crate::coverage::{Basis, CategoryCoverage, CoverageStatus, Evidence, Source};
use crate::date::{Date, Period};
use crate::milestone::{Direction, Interval, Kind, Precision, Recurrence, Span, Timescale};
use crate::model::{
    Action, Milestone, Plan, PlanPeriod, Priority, Risk, Section, Status, StatusValue,
};

/// The field name `name` as written before its value: `"name":`.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}

/// JSON text being written. Bytes rather than a `String`: pushing a byte is cheaper than
/// pushing a `char`, and everything written is whole UTF-8 (ASCII punctuation and copies
/// of `str` runs cut at ASCII bytes), which [`Json::into_string`] checks once.
#[derive(Debug, Default)]
pub(crate) struct Json {
    out: Vec<u8>,
}

impl Json {
    pub(crate) fn into_string(self) -> String {
        String::from_utf8(self.out)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    }

    /// Text that is already JSON (punctuation, field names, separators).
    pub(crate) fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    /// `text` as a JSON string, escaped as serde_json escapes: `"` `\` and the control
    /// characters, with the short forms where JSON has them and `\u00XX` (lowercase) for
    /// the others; everything else, all of Unicode included, as it is.
    pub(crate) fn string(&mut self, text: &str) {
        self.out.push(b'"');
        let mut rest = text.as_bytes();
        while let Some(at) = first_to_escape(rest) {
            let (run, escaped) = rest.split_at(at);
            self.out.extend_from_slice(run);
            if let Some((&byte, after)) = escaped.split_first() {
                self.escape(byte);
                rest = after;
            }
        }
        self.out.extend_from_slice(rest);
        self.out.push(b'"');
    }

    fn escape(&mut self, byte: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let short: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => b"",
        };
        if short.is_empty() {
            let hex = |digit: u8| HEX.get(usize::from(digit)).copied().unwrap_or(b'0');
            self.out
                .extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xf)]);
        } else {
            self.out.extend_from_slice(short);
        }
    }

    pub(crate) fn number(&mut self, value: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = value;
        loop {
            start -= 1;
            if let Some(slot) = digits.get_mut(start) {
                *slot = b'0' + (rest % 10) as u8;
            }
            rest /= 10;
            if rest == 0 || start == 0 {
                break;
            }
        }
        self.out
            .extend_from_slice(digits.get(start..).unwrap_or_default());
    }

    fn map<'a, T>(
        &mut self,
        map: &'a BTreeMap<String, T>,
        mut value: impl FnMut(&mut Json, &'a T),
    ) {
        self.out.push(b'{');
        for (index, (key, item)) in map.iter().enumerate() {
            if index > 0 {
                self.out.push(b',');
            }
            self.string(key);
            self.out.push(b':');
            value(self, item);
        }
        self.out.push(b'}');
    }

    pub(crate) fn boolean(&mut self, value: bool) {
        self.raw(if value { "true" } else { "false" });
    }

    /// The fields of an object, written between `{` and the [`Fields::end`] that closes it.
    pub(crate) fn object(&mut self) -> Fields<'_> {
        self.out.push(b'{');
        Fields {
            json: self,
            empty: true,
        }
    }

    pub(crate) fn array<'a, T>(&mut self, items: &'a [T], mut item: impl FnMut(&mut Json, &'a T)) {
        self.out.push(b'[');
        for (index, value) in items.iter().enumerate() {
            if index > 0 {
                self.out.push(b',');
            }
            item(self, value);
        }
        self.out.push(b']');
    }

    /// The report in the public shape; [`ReportMode::Issues`] leaves out `plan` and
    /// `coverage`.
    pub(crate) fn report(&mut self, report: &Report, mode: ReportMode) {
        let mut fields = self.object();
        fields.field(key!("valid"), &report.valid);
        fields.field(key!("profile"), &report.profile);
        if mode == ReportMode::Full {
            fields.field(key!("plan"), &report.plan);
            fields.field(key!("coverage"), &report.coverage);
        }
        fields.field(key!("issues"), &report.issues);
        fields.field(key!("summary"), &report.summary);
        fields.end();
    }

    /// One issue; `hint` writes the value of its hint, when it has one.
    fn issue<'a>(&mut self, issue: &'a Issue, hint: impl FnOnce(&mut Json, &'a str)) {
        let mut fields = self.object();
        fields.field(key!("rule"), issue.rule);
        fields.field(key!("severity"), &issue.severity);
        fields.field(key!("message"), &issue.message);
        fields.field(key!("path"), &issue.path);
        fields.optional(key!("action"), &issue.action);
        fields.optional(key!("cell"), &issue.cell);
        fields.optional(key!("sheet"), &issue.sheet);
        fields.optional(key!("location"), &issue.location);
        fields.optional(key!("span"), &issue.span);
        fields.optional(key!("line"), &issue.line);
        fields.optional(key!("column"), &issue.column);
        if let Some(text) = &issue.hint {
            hint(fields.key(key!("hint")), text);
        }
        fields.end();
    }

    /// The coverage of one category; `evidence` writes the value of its evidence.
    fn category<'a>(
        &mut self,
        coverage: &'a CategoryCoverage,
        evidence: impl FnOnce(&mut Json, &'a [Evidence]),
    ) {
        let mut fields = self.object();
        fields.field(key!("name"), &coverage.name);
        fields.field(key!("status"), &coverage.status);
        fields.field(key!("required"), &coverage.required);
        fields.field(key!("basis"), &coverage.basis);
        fields.field(key!("actions"), &coverage.actions);
        evidence(fields.key(key!("evidence")), &coverage.evidence);
        fields.end();
    }

    /// Coverage evidence, as its `Serialize` derive writes it.
    fn evidence(&mut self, evidence: &[Evidence]) {
        self.array(evidence, |json, evidence| {
            let mut fields = json.object();
            fields.optional(key!("action"), &evidence.action);
            fields.field(key!("field"), &evidence.field);
            fields.field(key!("phrase"), &evidence.phrase);
            fields.field(key!("span"), &evidence.span);
            fields.field(key!("source"), &evidence.source);
            fields.end();
        });
    }

    /// Coverage evidence for the WASM transport ([`wire`]): six numbers a piece, in the
    /// order of [`Json::evidence`]'s fields (`action`, `field`, `phrase`, span `start` and
    /// `end`, `source`), each string the index of its text in `strings`, and -1 for no
    /// action. A 1,000-action plan's coverage is 594 KB in the public shape and 111 KB so
    /// (with 59 KB of strings), and JS expands it in a quarter of the time `JSON.parse` of
    /// the public shape takes.
    fn compact_evidence<'a>(&mut self, evidence: &'a [Evidence], strings: &mut Shared<'a>) {
        self.array(evidence, |json, evidence| {
            match &evidence.action {
                Some(action) => json.number(strings.index(action)),
                None => json.raw("-1"),
            }
            for number in [
                strings.index(&evidence.field),
                strings.index(&evidence.phrase),
                evidence.span.start,
                evidence.span.end,
                strings.index(evidence.source.name()),
            ] {
                json.out.push(b',');
                json.number(number);
            }
        });
    }
}

/// Distinct texts, each given an index in the order first seen, told apart by `K`.
#[derive(Debug, Default)]
struct Strings<'a, K, S> {
    indexes: HashMap<K, usize, S>,
    texts: Vec<&'a str>,
}

impl<'a, K: Hash + Eq, S: BuildHasher> Strings<'a, K, S> {
    fn index_by(&mut self, key: K, text: &'a str) -> usize {
        *self.indexes.entry(key).or_insert_with(|| {
            self.texts.push(text);
            self.texts.len() - 1
        })
    }
}

/// Hints, told apart by their text: each issue has its own copy. The texts are the
/// catalogue's (a few with a category id or a count in them), so the quick hash serves:
/// SipHash of every issue's hint was a sixth of writing the issues.
type Hints<'a> = Strings<'a, &'a str, BuildHasherDefault<PlaceHasher>>;

impl<'a> Hints<'a> {
    fn index(&mut self, hint: &'a str) -> usize {
        self.index_by(hint, hint)
    }
}

/// The strings of coverage evidence, told apart by where they are: the evidence of one
/// field shares its pointer, phrase and action id (`Arc<str>`), so the same text is the same
/// place. Hashing the place rather than the text is cheap, and the place is the allocator's,
/// not something a plan can choose to make keys collide. A text held twice is listed twice.
type Shared<'a> = Strings<'a, (usize, usize), BuildHasherDefault<PlaceHasher>>;

impl<'a> Shared<'a> {
    fn index(&mut self, text: &'a str) -> usize {
        self.index_by((text.as_ptr() as usize, text.len()), text)
    }
}

/// The multiply-rotate hash of rustc's FxHash, for [`Shared`]'s keys (addresses and lengths)
/// and [`Hints`]' texts (eight bytes a step).
#[derive(Debug, Default)]
struct PlaceHasher {
    hash: u64,
}

impl Hasher for PlaceHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(<[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes));
        }
        words
            .remainder()
            .iter()
            .for_each(|&byte| self.write_u64(u64::from(byte)));
    }

    fn write_u64(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The report as the WASM exports hand it to JS, which puts the public shape together
/// (`readReport` in `pkg/src/api.mjs`): lines of JSON (a line break cannot occur inside
/// compact JSON, where strings escape it), what is read on every check first.
///
/// 1. `{"valid", "profile", "issues", "summary"}`, each issue's `hint` the index of its text
///    in line 2: a 1,000-action plan's 928 issues have 7 distinct hints;
/// 2. the hints;
///
/// and for [`ReportMode::Full`], parsed by JS only when first read:
///
/// 3. the plan (or `null`);
/// 4. the coverage, each category's `evidence` written by [`Json::compact_evidence`];
/// 5. the strings the evidence refers to.
pub(crate) fn wire(report: &Report, mode: ReportMode) -> String {
    let mut json = Json::default();
    let mut hints = Hints::default();
    let mut fields = json.object();
    fields.field(key!("valid"), &report.valid);
    fields.field(key!("profile"), &report.profile);
    fields
        .key(key!("issues"))
        .array(&report.issues, |json, issue| {
            json.issue(issue, |json, hint| json.number(hints.index(hint)));
        });
    fields.field(key!("summary"), &report.summary);
    fields.end();
    json.out.push(b'\n');
    json.array(&hints.texts, |json, hint| json.string(hint));
    if mode == ReportMode::Full {
        json.out.push(b'\n');
        report.plan.write_json(&mut json);
        json.out.push(b'\n');
        let mut strings = Shared::default();
        json.map(&report.coverage, |json, coverage| {
            json.category(coverage, |json, evidence| {
                json.compact_evidence(evidence, &mut strings);
            });
        });
        json.out.push(b'\n');
        json.array(&strings.texts, |json, text| json.string(text));
    }
    json.into_string()
}

fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// Where the first byte that [`needs_escape`] is, looking at eight bytes at a time: most
/// text has none, and a byte loop was most of the time of writing a report.
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` that is zero, or (past the first zero) may be.
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGH_BITS;
    let mut checked = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS;
        let special = zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')));
        if control | special != 0 {
            break;
        }
        checked += 8;
    }
    let rest = bytes.get(checked..).unwrap_or_default();
    rest.iter()
        .position(|&byte| needs_escape(byte))
        .map(|at| checked + at)
}

/// The fields of one object being written.
pub(crate) struct Fields<'a> {
    json: &'a mut Json,
    empty: bool,
}

impl Fields<'_> {
    /// Starts a field, `key` being its name as [`key!`] writes it, and gives the writer its
    /// value.
    pub(crate) fn key(&mut self, key: &str) -> &mut Json {
        if !self.empty {
            self.json.out.push(b',');
        }
        self.empty = false;
        self.json.raw(key);
        self.json
    }

    pub(crate) fn field<T: WriteJson + ?Sized>(&mut self, name: &str, value: &T) {
        value.write_json(self.key(name));
    }

    /// A field left out when `None` (`skip_serializing_if = "Option::is_none"`).
    pub(crate) fn optional<T: WriteJson>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(name, value);
        }
    }

    /// A list left out when empty (`skip_serializing_if = "Vec::is_empty"`).
    fn listed<T: WriteJson>(&mut self, name: &str, values: &[T]) {
        if !values.is_empty() {
            self.field(name, values);
        }
    }

    /// A flag left out when false (`skip_serializing_if = "std::ops::Not::not"`).
    fn flag(&mut self, name: &str, value: bool) {
        if value {
            self.field(name, &value);
        }
    }

    pub(crate) fn end(self) {
        self.json.out.push(b'}');
    }
}

/// A value with a JSON form.
pub(crate) trait WriteJson {
    fn write_json(&self, json: &mut Json);
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, json: &mut Json) {
        (**self).write_json(json);
    }
}

impl WriteJson for str {
    fn write_json(&self, json: &mut Json) {
        json.string(self);
    }
}

impl WriteJson for String {
    fn write_json(&self, json: &mut Json) {
        json.string(self);
    }
}

impl WriteJson for Arc<str> {
    fn write_json(&self, json: &mut Json) {
        json.string(self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, json: &mut Json) {
        json.boolean(*self);
    }
}

impl WriteJson for usize {
    fn write_json(&self, json: &mut Json) {
        json.number(*self);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, json: &mut Json) {
        match self {
            Some(value) => value.write_json(json),
            None => json.raw("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, json: &mut Json) {
        json.array(self, |json, value| value.write_json(json));
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, json: &mut Json) {
        self.as_slice().write_json(json);
    }
}

impl WriteJson for BTreeMap<String, CategoryCoverage> {
    fn write_json(&self, json: &mut Json) {
        json.map(self, |json, coverage| coverage.write_json(json));
    }
}

/// Enums written as their (renamed) variant name.
macro_rules! write_as_name {
    ($($kind:ty => { $($variant:path => $name:literal),* $(,)? })*) => {$(
        impl WriteJson for $kind {
            fn write_json(&self, json: &mut Json) {
                json.raw(match self {
                    $($variant => concat!("\"", $name, "\"")),*
                });
            }
        }

        impl VariantName for $kind {
            fn name(&self) -> &'static str {
                match self {
                    $($variant => $name),*
                }
            }
        }
    )*};
}

/// The name a unit variant is written as.
trait VariantName {
    fn name(&self) -> &'static str;
}

write_as_name! {
    Severity => {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
    StatusValue => {
        StatusValue::NotStarted => "not_started",
        StatusValue::OnTrack => "on_track",
        StatusValue::AtRisk => "at_risk",
        StatusValue::Delayed => "delayed",
        StatusValue::Complete => "complete",
        StatusValue::Ongoing => "ongoing",
        StatusValue::Unknown => "unknown",
    }
    Kind => {
        Kind::Date => "date",
        Kind::Range => "range",
        Kind::Multiple => "multiple",
        Kind::OpenEnded => "open_ended",
        Kind::Recurring => "recurring",
        Kind::Ongoing => "ongoing",
        Kind::Reference => "reference",
        Kind::Vague => "vague",
        Kind::None => "none",
        Kind::Unparsed => "unparsed",
    }
    Precision => {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Term => "term",
        Precision::Quarter => "quarter",
        Precision::Year => "year",
    }
    Recurrence => {
        Recurrence::Daily => "daily",
        Recurrence::Weekly => "weekly",
        Recurrence::Fortnightly => "fortnightly",
        Recurrence::Monthly => "monthly",
        Recurrence::BiMonthly => "bi_monthly",
        Recurrence::Quarterly => "quarterly",
        Recurrence::Termly => "termly",
        Recurrence::TwiceYearly => "twice_yearly",
        Recurrence::Annually => "annually",
    }
    Direction => {
        Direction::Above => "above",
        Direction::Below => "below",
    }
    CoverageStatus => {
        CoverageStatus::Covered => "covered",
        CoverageStatus::Inferred => "inferred",
        CoverageStatus::Missing => "missing",
    }
    Basis => {
        Basis::Must => "must",
        Basis::Should => "should",
        Basis::Advice => "advice",
    }
    Source => {
        Source::Explicit => "explicit",
        Source::Inferred => "inferred",
    }
}

impl WriteJson for Date {
    fn write_json(&self, json: &mut Json) {
        match u16::try_from(self.year()) {
            Ok(year) if year <= 9999 => {
                let digit = |value: u32, unit: u32| b'0' + (value / unit % 10) as u8;
                let (year, month, day) = (u32::from(year), self.month(), self.day());
                let iso = [
                    b'"',
                    digit(year, 1000),
                    digit(year, 100),
                    digit(year, 10),
                    digit(year, 1),
                    b'-',
                    digit(month, 10),
                    digit(month, 1),
                    b'-',
                    digit(day, 10),
                    digit(day, 1),
                    b'"',
                ];
                json.out.extend_from_slice(&iso);
            }
            _ => json.string(&self.to_string()),
        }
    }
}

impl WriteJson for Period {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("start"), &self.start);
        fields.field(key!("end"), &self.end);
        fields.end();
    }
}

impl WriteJson for Interval {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("start"), &self.start);
        fields.field(key!("end"), &self.end);
        fields.end();
    }
}

impl WriteJson for Span {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("start"), &self.start);
        fields.field(key!("end"), &self.end);
        fields.end();
    }
}

impl WriteJson for Report {
    fn write_json(&self, json: &mut Json) {
        json.report(self, ReportMode::Full);
    }
}

impl WriteJson for Plan {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.optional(key!("title"), &self.title);
        fields.optional(key!("authority"), &self.authority);
        fields.optional(key!("period"), &self.period);
        fields.optional(key!("as_of"), &self.as_of);
        fields.optional(key!("profile"), &self.profile);
        fields.listed(key!("strategic_priorities"), &self.strategic_priorities);
        fields.field(key!("sections"), &self.sections);
        fields.flag(key!("idsAssigned"), self.ids_assigned);
        fields.end();
    }
}

/// As `PlanPeriod`'s own `Serialize`: dates with their label, or the label that could not
/// be read as dates.
impl WriteJson for PlanPeriod {
    fn write_json(&self, json: &mut Json) {
        match (&self.dates, &self.label) {
            (Some(dates), label) => {
                let mut fields = json.object();
                fields.optional(key!("label"), label);
                fields.field(key!("start"), &dates.start);
                fields.field(key!("end"), &dates.end);
                fields.end();
            }
            (None, Some(label)) => json.string(label),
            (None, None) => json.raw("null"),
        }
    }
}

impl WriteJson for Priority {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("id"), &self.id);
        fields.field(key!("title"), &self.title);
        fields.end();
    }
}

impl WriteJson for Section {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.optional(key!("id"), &self.id);
        fields.field(key!("title"), &self.title);
        fields.optional(key!("description"), &self.description);
        fields.listed(key!("categories"), &self.categories);
        fields.field(key!("actions"), &self.actions);
        fields.end();
    }
}

impl WriteJson for Action {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.optional(key!("id"), &self.id);
        fields.field(key!("description"), &self.description);
        fields.optional(key!("objective"), &self.objective);
        fields.listed(key!("outputs"), &self.outputs);
        fields.listed(key!("outcomes"), &self.outcomes);
        fields.field(key!("leads"), &self.leads);
        fields.field(key!("partners"), &self.partners);
        fields.field(key!("milestones"), &self.milestones);
        fields.optional(key!("status"), &self.status);
        fields.optional(key!("requirement"), &self.requirement);
        fields.optional(key!("evidence"), &self.evidence);
        fields.optional(key!("risk"), &self.risk);
        fields.optional(key!("rag"), &self.rag);
        fields.field(key!("categories"), &self.categories);
        fields.end();
    }
}

impl WriteJson for Risk {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("text"), &self.text);
        fields.optional(key!("severity"), &self.severity);
        fields.optional(key!("likelihood"), &self.likelihood);
        fields.optional(key!("rating"), &self.rating);
        fields.end();
    }
}

impl WriteJson for Milestone {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("text"), &self.text);
        fields.optional(key!("parsed"), &self.parsed);
        fields.end();
    }
}

impl WriteJson for Timescale {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("kind"), &self.kind);
        fields.field(key!("start"), &self.start);
        fields.field(key!("end"), &self.end);
        fields.optional(key!("precision"), &self.precision);
        fields.flag(key!("approximate"), self.approximate);
        fields.optional(key!("recurrence"), &self.recurrence);
        fields.optional(key!("reference"), &self.reference);
        fields.optional(key!("direction"), &self.direction);
        fields.listed(key!("parts"), &self.parts);
        fields.optional(key!("span"), &self.span);
        fields.optional(key!("revised_from"), &self.revised_from);
        fields.flag(key!("reversed"), self.reversed);
        fields.optional(key!("status"), &self.status);
        fields.end();
    }
}

impl WriteJson for Status {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("text"), &self.text);
        fields.optional(key!("value"), &self.value);
        fields.end();
    }
}

impl WriteJson for CategoryCoverage {
    fn write_json(&self, json: &mut Json) {
        json.category(self, Json::evidence);
    }
}

impl WriteJson for Issue {
    fn write_json(&self, json: &mut Json) {
        json.issue(self, Json::string);
    }
}

impl WriteJson for Location {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("table"), &self.table);
        fields.optional(key!("row"), &self.row);
        fields.optional(key!("column"), &self.column);
        fields.optional(key!("paragraph"), &self.paragraph);
        fields.field(key!("label"), &self.label);
        fields.end();
    }
}

impl WriteJson for Summary {
    fn write_json(&self, json: &mut Json) {
        let mut fields = json.object();
        fields.field(key!("errors"), &self.errors);
        fields.field(key!("warnings"), &self.warnings);
        fields.field(key!("infos"), &self.infos);
        fields.field(key!("actions"), &self.actions);
        fields.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportMode;
    use serde::Serialize;

    /// Asserts that the writer gives serde_json's bytes for `value`.
    fn same<T: Serialize + WriteJson>(value: &T) {
        let mut json = Json::default();
        value.write_json(&mut json);
        let expected = serde_json::to_string(value).unwrap_or_default();
        assert_eq!(json.into_string(), expected);
    }

    #[test]
    fn escapes_strings_as_serde_json_does() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for text in [
            "",
            "plain",
            "\"quoted\" \\ back\\slash",
            "line\nbreak\r\ttab\u{8}\u{c}",
            every_control.as_str(),
            "\u{7f} é ŵ – “curly” 😀 / <script>",
            "\u{1}\u{1f}x\u{0}",
            "eight by eight: \"a\" then 0123456789 \\ and\u{1f} late ~\u{7f}\u{80}ÿ",
            "0123456\"",
            "01234567\n",
            "!#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~ and ¬ \u{2028}\u{2029}",
        ] {
            same(&text.to_owned());
        }
    }

    #[test]
    fn writes_numbers_and_dates_as_serde_json_does() {
        for number in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            same(&number);
        }
        let dates = [
            (2018, 3, 31),
            (1, 1, 1),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-44, 3, 15),
        ];
        for (year, month, day) in dates {
            if let Some(date) = Date::new(year, month, day) {
                same(&date);
            }
        }
    }

    /// Every field filled and every variant used at least once somewhere.
    fn everything() -> Report {
        let date = |year, month, day| Date::new(year, month, day).unwrap_or_default_date();
        let span = Span { start: 3, end: 9 };
        let interval = Interval {
            start: date(2018, 1, 1),
            end: date(2018, 3, 31),
        };
        let timescale = |kind, precision, recurrence, direction, status| Timescale {
            kind,
            start: Some(date(2018, 1, 1)),
            end: None,
            precision: Some(precision),
            approximate: true,
            recurrence: Some(recurrence),
            reference: Some("9".into()),
            direction: Some(direction),
            parts: vec![interval, interval],
            span: Some(span),
            revised_from: Some(interval),
            reversed: true,
            status: Some(status),
        };
        let milestones = vec![
            Milestone::from("Mar-18"),
            Milestone {
                text: "termly".into(),
                parsed: Some(timescale(
                    Kind::Recurring,
                    Precision::Term,
                    Recurrence::BiMonthly,
                    Direction::Above,
                    StatusValue::AtRisk,
                )),
            },
            Milestone {
                text: "x".into(),
                parsed: Some(Timescale::of_kind(Kind::Unparsed)),
            },
        ];
        let action = Action {
            id: Some("1.2".into()),
            description: "Deliver \"WRAP\"\n".into(),
            objective: Some("o".into()),
            outputs: vec!["a".into()],
            outcomes: vec!["1".into()],
            leads: vec!["Prevent Coordinator".into()],
            partners: Vec::new(),
            milestones,
            status: Some(Status {
                text: "On track".into(),
                value: Some(StatusValue::OnTrack),
            }),
            requirement: Some("r".into()),
            evidence: Some("e".into()),
            risk: Some(Risk {
                text: "t".into(),
                severity: Some("4".into()),
                likelihood: Some("3".into()),
                rating: Some("12".into()),
            }),
            rag: Some("Red".into()),
            categories: vec!["training".into()],
        };
        let plan = Plan {
            title: Some("Plan".into()),
            authority: Some("Borough".into()),
            period: Some(PlanPeriod {
                label: Some("2017/18".into()),
                dates: Period::parse("2017/18"),
            }),
            as_of: Some(date(2018, 1, 31)),
            profile: Some("la-2023".into()),
            strategic_priorities: vec![Priority {
                id: "1".into(),
                title: "Respond".into(),
            }],
            sections: vec![
                Section {
                    id: Some("S1".into()),
                    title: "Training".into(),
                    description: Some("We will".into()),
                    categories: vec!["training".into()],
                    actions: vec![action, Action::default()],
                },
                Section::default(),
            ],
            ids_assigned: true,
        };
        // Shared, as the classifier shares them.
        let (id, field, phrase): (Arc<str>, Arc<str>, Arc<str>) = (
            Arc::from("1.2"),
            Arc::from("/sections/0/actions/0/description"),
            Arc::from("wrap"),
        );
        let evidence = |action: bool, source| Evidence {
            action: action.then(|| id.clone()),
            field: field.clone(),
            phrase: phrase.clone(),
            span,
            source,
        };
        let coverage = |status, basis, required| CategoryCoverage {
            name: "Training".into(),
            status,
            required,
            basis,
            actions: vec!["1.2".into()],
            evidence: vec![
                evidence(true, Source::Explicit),
                evidence(false, Source::Inferred),
            ],
        };
        let mut issue = Issue::new("x", Severity::Error, "/sections/0", "m\u{1}");
        issue.action = Some("1.2".into());
        issue.cell = Some("C9".into());
        issue.sheet = Some("Plan".into());
        issue.location = Some(Location::in_table(2, 1, (5, 3)));
        issue.span = Some(span);
        issue.line = Some(3);
        issue.column = Some(14);
        issue.hint = Some("h".into());
        let mut paragraph = Issue::new("y", Severity::Warning, "", "w");
        paragraph.location = Some(Location::in_table(1, 3, (0, 0)));
        Report::new(
            "la-2023".into(),
            Some(plan),
            BTreeMap::from([
                (
                    "training".into(),
                    coverage(CoverageStatus::Covered, Basis::Must, true),
                ),
                (
                    "channel".into(),
                    coverage(CoverageStatus::Inferred, Basis::Should, false),
                ),
                (
                    "\"odd\" id".into(),
                    coverage(CoverageStatus::Missing, Basis::Advice, false),
                ),
            ]),
            vec![issue, paragraph, Issue::new("z", Severity::Info, "", "i")],
        )
    }

    trait OrDefaultDate {
        fn unwrap_or_default_date(self) -> Date;
    }

    impl OrDefaultDate for Option<Date> {
        fn unwrap_or_default_date(self) -> Date {
            self.or_else(|| Date::new(2000, 1, 1))
                .unwrap_or_else(|| unreachable!("2000-01-01 is a date"))
        }
    }

    #[test]
    fn writes_every_field_as_serde_json_does() {
        let report = everything();
        same(&report);
        let mut unread = report.clone();
        unread.plan = None;
        same(&unread);
        if let Some(period) = report.plan.as_ref().and_then(|plan| plan.period.as_ref()) {
            for (label, dates) in [(None, period.dates), (Some("2017/18".to_owned()), None)] {
                same(&PlanPeriod { label, dates });
            }
            same(&PlanPeriod {
                label: None,
                dates: None,
            });
        }
        for value in [
            StatusValue::NotStarted,
            StatusValue::Delayed,
            StatusValue::Complete,
            StatusValue::Ongoing,
            StatusValue::Unknown,
        ] {
            same(&value);
        }
        for kind in [
            Kind::Date,
            Kind::Range,
            Kind::Multiple,
            Kind::OpenEnded,
            Kind::Ongoing,
            Kind::Reference,
            Kind::Vague,
            Kind::None,
        ] {
            same(&kind);
        }
        for precision in [
            Precision::Day,
            Precision::Month,
            Precision::Quarter,
            Precision::Year,
        ] {
            same(&precision);
        }
        for recurrence in [
            Recurrence::Daily,
            Recurrence::Weekly,
            Recurrence::Fortnightly,
            Recurrence::Monthly,
            Recurrence::Quarterly,
            Recurrence::Termly,
            Recurrence::TwiceYearly,
            Recurrence::Annually,
        ] {
            same(&recurrence);
        }
        same(&Direction::Below);
    }

    #[test]
    fn issues_mode_leaves_out_plan_and_coverage() {
        #[derive(Serialize)]
        struct Lean<'a> {
            valid: bool,
            profile: &'a str,
            issues: &'a [Issue],
            summary: &'a Summary,
        }
        let report = everything();
        let lean = Lean {
            valid: report.valid,
            profile: &report.profile,
            issues: &report.issues,
            summary: &report.summary,
        };
        assert_eq!(
            report.to_json(ReportMode::Issues),
            serde_json::to_string(&lean).unwrap_or_default()
        );
    }

    #[test]
    fn the_wire_gives_hints_once_and_evidence_compactly() {
        let mut report = everything();
        let mut repeated = Issue::new("x", Severity::Info, "", "again");
        repeated.hint = Some("h".into());
        report.issues.push(repeated);
        let wire = report.to_wire(ReportMode::Full);
        let lines: Vec<&str> = wire.split('\n').collect();
        let mut plan = Json::default();
        report.plan.write_json(&mut plan);
        let hint_of = |line: &str| {
            let head: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            let hints: Vec<_> = head["issues"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|issue| issue.get("hint").cloned())
                .collect();
            serde_json::to_string(&hints).unwrap_or_default()
        };
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines.first().map(|line| hint_of(line)),
            Some("[0,0]".into())
        );
        assert_eq!(lines.get(1), Some(&r#"["h"]"#));
        assert_eq!(lines.get(2), Some(&plan.into_string().as_str()));
        let coverage: serde_json::Value =
            serde_json::from_str(lines.get(3).unwrap_or(&"")).unwrap_or_default();
        assert_eq!(
            coverage["training"]["evidence"].to_string(),
            "[0,1,2,3,9,3,-1,1,2,3,9,4]"
        );
        assert_eq!(
            lines.get(4),
            Some(&r#"["1.2","/sections/0/actions/0/description","wrap","explicit","inferred"]"#)
        );
        let lean = report.to_wire(ReportMode::Issues);
        assert_eq!(lean.split('\n').count(), 2);
        assert!(lean.starts_with(lines.first().unwrap_or(&"")));
    }
}
