//! From the scanned pieces to a [`Timescale`]: years filled in, ranges and lists joined,
//! the kind decided.

use crate::date::{Date, Period};

use super::lex::{tokenize, Tok, Token};
use super::scan::{scan, Found, Modifier, Piece, Scan};
use super::{words, Interval, Kind, ParseContext, Precision, Span, Timescale};

pub fn parse(text: &str, context: &ParseContext) -> Timescale {
    let tokens = tokenize(text);
    if tokens
        .iter()
        .all(|token| !matches!(token.tok, Tok::Word | Tok::Number { .. }))
    {
        let kind = if text.contains('?') {
            Kind::Vague
        } else {
            Kind::None
        };
        return Timescale::of_kind(kind);
    }
    let scanned = scan(text, &tokens, context.period);
    let dates = resolve(&scanned.pieces, context.period);
    let words: Vec<Token<'_>> = tokens
        .iter()
        .copied()
        .filter(|t| matches!(t.tok, Tok::Word | Tok::Number { .. }))
        .collect();
    let mut current: Vec<&Dated> = dates
        .iter()
        .filter(|date| !date.superseded && date.interval.is_some())
        .collect();
    if current.is_empty() {
        // "Dec 2015 - delayed": a date only said to be superseded is still the date given.
        current = dates
            .iter()
            .filter(|date| date.interval.is_some())
            .collect();
    }
    if current.is_empty() {
        return undated(&scanned, &words);
    }
    dated(&tokens, &scanned, &words, &dates, &current)
}

/// A date of the phrase with its year resolved (when it could be).
#[derive(Debug)]
struct Dated {
    found: Found,
    interval: Option<Interval>,
    /// How it joins the previous date: `None` when other words come between.
    link: Option<Link>,
    superseded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Through,
    And,
}

fn resolve(pieces: &[Piece], period: Option<Period>) -> Vec<Dated> {
    let mut dates: Vec<Dated> = Vec::new();
    // The connector and whether other words came since the last date.
    let mut link = None;
    let mut gap = false;
    let mut supersede_next = false;
    for piece in pieces {
        match *piece {
            Piece::Date(found) => {
                dates.push(Dated {
                    found,
                    interval: found.year.and_then(|year| found.unit.interval(year)),
                    link: if dates.is_empty() || gap {
                        None
                    } else {
                        Some(link.unwrap_or(Link::And))
                    },
                    superseded: std::mem::take(&mut supersede_next),
                });
                link = None;
                gap = false;
            }
            Piece::Through => link = Some(Link::Through),
            Piece::And => link = link.or(Some(Link::And)),
            Piece::Gap => gap = true,
            Piece::SupersedesNext => {
                supersede_next = true;
                gap = true;
            }
            Piece::SupersedesPrevious => {
                if let Some(last) = dates.last_mut() {
                    last.superseded = true;
                }
                gap = true;
            }
        }
    }
    infer_years(&mut dates, period);
    for date in &mut dates {
        date.interval = date
            .interval
            .and_then(|interval| narrow(interval, date.found));
    }
    dates
}

/// Years left out are taken from the neighbouring date of a range or list ("Feb & April
/// 2014", "Nov-Feb 2014"), else from the plan period.
fn infer_years(dates: &mut [Dated], period: Option<Period>) {
    for index in (0..dates.len()).rev() {
        let next = dates
            .get(index + 1)
            .filter(|next| next.link.is_some())
            .and_then(|next| next.interval);
        if let (Some(date), Some(next)) = (dates.get_mut(index), next) {
            if date.interval.is_none() {
                let year = next.start.year();
                date.interval = date.found.unit.interval(year).and_then(|candidate| {
                    if candidate.start > next.start {
                        date.found.unit.interval(year - 1)
                    } else {
                        Some(candidate)
                    }
                });
            }
        }
    }
    for index in 1..dates.len() {
        let previous = dates.get(index - 1).and_then(|previous| previous.interval);
        if let (Some(date), Some(previous)) = (dates.get_mut(index), previous) {
            if date.interval.is_none() && date.link.is_some() {
                let year = previous.end.year();
                date.interval = date.found.unit.interval(year).and_then(|candidate| {
                    if candidate.end < previous.start {
                        date.found.unit.interval(year + 1)
                    } else {
                        Some(candidate)
                    }
                });
            }
        }
    }
    let Some(period) = period else { return };
    for date in dates.iter_mut().filter(|date| date.interval.is_none()) {
        let unit = date.found.unit;
        // The first occurrence inside the period; a few years suffice for any real plan.
        let last_year = period.end.year().min(period.start.year() + 10);
        let candidates =
            || (period.start.year() - 1..=last_year).filter_map(|year| unit.interval(year));
        date.interval = candidates()
            .find(|candidate| period.contains(candidate.start))
            .or_else(|| {
                candidates().find(|candidate| {
                    candidate.start <= period.end && period.start <= candidate.end
                })
            })
            .or_else(|| unit.interval(period.start.year()));
    }
}

/// Applies "early", "mid", "late", "start of", "end of".
fn narrow(interval: Interval, found: Found) -> Option<Interval> {
    let Some(modifier) = found.modifier else {
        return Some(interval);
    };
    let (start, end) = (interval.start, interval.end);
    let whole_months =
        start.day() == 1 && Date::last_of_month(end.year(), end.month()) == Some(end);
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1;
    let precision = found.unit.precision();
    let fine = matches!(precision, Precision::Day | Precision::Month);
    let third = |part: i64| -> Option<Interval> {
        if whole_months && months % 3 == 0 {
            let step = months / 3;
            let first = add_months(start, step * part as i32)?;
            let last = add_months(start, step * (part as i32 + 1))?.add_days(-1)?;
            return Some(Interval {
                start: first,
                end: last,
            });
        }
        let length = end.days_since_epoch() - start.days_since_epoch() + 1;
        let size = (length / 3).max(1);
        let first = start.add_days(size * part)?;
        let last = if part == 2 {
            end
        } else {
            start.add_days(size * (part + 1) - 1)?
        };
        Some(Interval {
            start: first.min(end),
            end: last.min(end),
        })
    };
    match modifier {
        Modifier::Early => third(0),
        Modifier::Mid => third(1),
        Modifier::Late => third(2),
        // "End of March 2016" is the March deadline; "end of 2016" its last month.
        Modifier::End if fine => Some(interval),
        Modifier::End => Some(Interval {
            start: Date::first_of_month(end.year(), end.month())?.max(start),
            end,
        }),
        Modifier::Start if precision == Precision::Day => Some(interval),
        Modifier::Start if fine => third(0),
        Modifier::Start => Some(Interval {
            start,
            end: Date::last_of_month(start.year(), start.month())?.min(end),
        }),
    }
}

fn add_months(date: Date, months: i32) -> Option<Date> {
    let index = date.year() * 12 + date.month() as i32 - 1 + months;
    Date::first_of_month(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

fn undated(scanned: &Scan, words: &[Token<'_>]) -> Timescale {
    if let Some(reference) = &scanned.reference {
        let mut timescale = Timescale::of_kind(Kind::Reference);
        timescale.reference = reference.target.clone();
        timescale.direction = reference.direction.or(scanned.direction);
        return timescale;
    }
    let recurrence = words::find(words, &words::RECURRENCES);
    if recurrence.is_some() || words::find_any(words, &words::REGULAR).is_some() {
        let mut timescale = Timescale::of_kind(Kind::Recurring);
        timescale.recurrence = recurrence.map(|(_, recurrence)| recurrence);
        return timescale;
    }
    if words::find_any(words, &words::ONGOING).is_some() {
        return Timescale::of_kind(Kind::Ongoing);
    }
    if words::find_any(words, &words::NOTHING).is_some() && words.len() <= 3 {
        return Timescale::of_kind(Kind::None);
    }
    if words::find_any(words, &words::VAGUE).is_some() {
        return Timescale::of_kind(Kind::Vague);
    }
    if let Some((_, status)) = words::find(words, &words::STATUSES) {
        let mut timescale = Timescale::of_kind(Kind::None);
        timescale.status = Some(status);
        return timescale;
    }
    Timescale::of_kind(Kind::Unparsed)
}

fn dated(
    tokens: &[Token<'_>],
    scanned: &Scan,
    words: &[Token<'_>],
    dates: &[Dated],
    current: &[&Dated],
) -> Timescale {
    // Dates joined by "to" make one interval; other dates stand on their own.
    // Each group is an interval and whether it was written backwards.
    let mut groups: Vec<(Interval, bool)> = Vec::new();
    for date in current {
        let Some(interval) = date.interval else {
            continue;
        };
        match groups.last_mut() {
            Some((group, reversed)) if date.link == Some(Link::Through) => {
                *reversed |= interval.end < group.start
                    || (interval.start < group.start && interval.end < group.end);
                group.start = group.start.min(interval.start);
                group.end = group.end.max(interval.end);
            }
            _ => groups.push((interval, false)),
        }
    }
    let first = current.first().map(|date| date.found);
    let last = current.last().map(|date| date.found);
    let mut timescale = Timescale::of_kind(Kind::Date);
    timescale.start = groups.iter().map(|(group, _)| group.start).min();
    timescale.end = groups.iter().map(|(group, _)| group.end).max();
    timescale.precision = last.map(|found| found.unit.precision());
    timescale.approximate = scanned.approximate
        || current.iter().any(|date| {
            date.found.unit.is_approximate()
                || matches!(
                    date.found.modifier,
                    Some(Modifier::Early | Modifier::Mid | Modifier::Late)
                )
                || (date.found.modifier.is_some()
                    && !matches!(
                        date.found.unit.precision(),
                        Precision::Day | Precision::Month
                    ))
        });
    let recurrence = words::find(words, &words::RECURRENCES);
    timescale.recurrence = recurrence.map(|(_, recurrence)| recurrence);
    if current.iter().all(|date| !date.superseded) {
        timescale.revised_from = dates
            .iter()
            .find(|date| date.superseded)
            .and_then(|date| date.interval);
    }
    if let Some(reference) = &scanned.reference {
        timescale.reference = reference.target.clone();
        timescale.direction = reference.direction.or(scanned.direction);
    }
    let ongoing = words::find_any(words, &words::STILL_GOING).is_some();
    timescale.kind = match groups.as_slice() {
        [(_, reversed)] if current.iter().any(|date| date.link == Some(Link::Through)) => {
            timescale.reversed = *reversed;
            Kind::Range
        }
        [_] if (scanned.open || ongoing) && !scanned.until => {
            timescale.end = None;
            Kind::OpenEnded
        }
        [_] => Kind::Date,
        _ => {
            timescale.parts = groups.iter().map(|(group, _)| *group).collect();
            Kind::Multiple
        }
    };
    // "Quarterly from April 2016", "March 2016 and annual review": the dates say when the
    // recurring work starts or first falls due.
    if recurrence.is_some() || words::find_any(words, &words::REGULAR).is_some() {
        timescale.kind = Kind::Recurring;
    }
    if let (Some(first), Some(last)) = (first, last) {
        let covered = tokens.first().map_or(0, |t| t.start)..tokens.last().map_or(0, |t| t.end);
        if first.start > covered.start || last.end < covered.end {
            timescale.span = Some(Span {
                start: first.start,
                end: last.end,
            });
        }
    }
    timescale
}
