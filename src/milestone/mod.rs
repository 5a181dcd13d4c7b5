//! Milestone phrases as councils write them, read into a [`Timescale`].
//!
//! "Sept 08", "Nov-13", "Oct 2013 to Dec 2013", "2013/14", "Q3 2016-17",
//! "Start of the summer term 2016", "April 2016 onwards", "Quarterly", "Ongoing",
//! "See 9 above", "TBC".
//!
//! The pipeline is `lex` (tokens, markup dropped, each word looked up once in the grammar's
//! `vocabulary`) -> `scan` (dates and the words between them, one pass with bounded
//! look-ahead) -> `parse` (years filled in, ranges and lists joined, the kind decided). Readings chosen where UK plans are ambiguous:
//! - a two-digit number after a month is a year ("Sept 08", "Nov-13", "March 17");
//! - numeric dates are day first ("01/04/2017"); "13/14" and "2013-14" are financial years
//!   (April to March), as is "2008-11" (three of them); "2015-12" is December 2015;
//! - quarters are financial: "Q1 2017" and "Q1 2017/18" are both April to June 2017;
//! - "summer term 2015/16" is in 2016, "autumn term 2015/16" in 2015; terms run autumn
//!   September-December, spring January-14 April, summer 15 April-July (each school differs
//!   by days, so terms are `approximate`);
//! - a month as a deadline spans the month, and so does "end of March"; "end of 2016" is
//!   December, "start of the summer term" its first weeks, "early/mid/late" a third;
//! - a year left out comes from the next date of a range or list ("Feb & April 2014"), else
//!   from the plan period (the first such month starting inside it).

mod calendar;
mod lex;
mod parse;
mod reference;
mod scan;
mod vocabulary;
mod words;

pub(crate) use words::MONTH_NAMES;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Period};
use crate::model::StatusValue;

pub use parse::parse;
pub use reference::action_references;

/// What the parser needs besides the text: the plan period supplies missing years.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseContext {
    pub period: Option<Period>,
}

/// A milestone phrase as understood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timescale {
    pub kind: Kind,
    /// First day the milestone covers (ISO date), when it has one.
    pub start: Option<Date>,
    /// Last day, i.e. the deadline; `None` for open-ended and undated kinds.
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// The phrase only approximates a date ("start of the summer term", "early 2016").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Target of a cross-reference: "See 9 above" -> "9".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Whether a cross-reference says "above" or "below".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Each dated part of a list ("May 2013 & December 2013"), in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Interval>,
    /// Byte span of the date phrase inside a longer text ("... by March 2016").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The date this one revises ("March 2016 (revised from Dec 2015)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised_from: Option<Interval>,
    /// A range written backwards ("Dec 2013 to Oct 2013"); `start`/`end` are still in order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reversed: bool,
    /// Progress written in the date cell ("already established", "Complete").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusValue>,
}

impl Timescale {
    /// A timescale of an undated kind.
    pub fn of_kind(kind: Kind) -> Timescale {
        Timescale {
            kind,
            start: None,
            end: None,
            precision: None,
            approximate: false,
            recurrence: None,
            reference: None,
            direction: None,
            parts: Vec::new(),
            span: None,
            revised_from: None,
            reversed: false,
            status: None,
        }
    }

    /// The date by which the milestone is due, if it has one.
    pub fn deadline(&self) -> Option<Date> {
        self.end
    }
}

/// A phrase with its reading, as `parseMilestone` and the CLI's `milestone --json` print it.
#[derive(Debug, Clone, Serialize)]
pub struct Reading<'a> {
    pub text: &'a str,
    #[serde(flatten)]
    pub timescale: &'a Timescale,
}

/// The kinds of milestone of the public contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Date,
    Range,
    Multiple,
    OpenEnded,
    Recurring,
    Ongoing,
    Reference,
    Vague,
    None,
    Unparsed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
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
    }
}

/// How precisely a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Term,
    Quarter,
    Year,
}

/// How often a recurring milestone comes round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    Daily,
    Weekly,
    Fortnightly,
    Monthly,
    BiMonthly,
    Quarterly,
    Termly,
    TwiceYearly,
    Annually,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Above,
    Below,
}

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub start: Date,
    pub end: Date,
}

/// A byte range `[start, end)` in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}
