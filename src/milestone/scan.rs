//! The grammar: finds the dates in a phrase and the words that join or qualify them.
//!
//! Every recognizer looks a bounded number of tokens ahead and the scanner never steps back,
//! so a phrase costs time linear in its length.

use crate::date::{Date, Period};

use super::calendar::{Term, Unit};
use super::lex::{Tok, Token};
use super::vocabulary::{word, words, Word};
use super::words;
use super::Direction;

/// Narrowing of a date: "early 2016", "end of March", "start of the summer term".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Modifier {
    Early,
    Mid,
    Late,
    Start,
    End,
}

/// A date as written, before its year is known.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub unit: Unit,
    pub year: Option<i32>,
    pub modifier: Option<Modifier>,
    /// Byte span in the phrase.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Piece {
    Date(Found),
    /// "to", "-", "until", "between ... and".
    Through,
    /// "&", "and", ",", "/".
    And,
    /// Words that are not part of a date.
    Gap,
    /// "revised from", "originally", "was": the next date is no longer current.
    SupersedesNext,
    /// "revised to", "now", "moved to": the previous date is no longer current.
    SupersedesPrevious,
}

/// A cross-reference to another action: "See 9 above".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reference {
    pub target: Option<String>,
    pub direction: Option<Direction>,
}

/// What the scanner found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub pieces: Vec<Piece>,
    /// "from", "onwards", "with effect from", "starting".
    pub open: bool,
    /// "until", "up to" before the first date.
    pub until: bool,
    /// "approx.", "circa", "around".
    pub approximate: bool,
    pub reference: Option<Reference>,
    /// "above"/"below" anywhere.
    pub direction: Option<Direction>,
}

pub(super) fn scan(text: &str, tokens: &[Token<'_>], period: Option<Period>) -> Scan {
    let mut scanner = Scanner {
        text,
        tokens,
        period,
        scan: Scan::default(),
        between: false,
        dated: false,
    };
    let mut at = 0;
    while at < tokens.len() {
        at = scanner.step(at).max(at + 1);
    }
    scanner.scan
}

struct Scanner<'t, 'a> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    /// Tells a day from a two-digit year after a month ("Oct 31" in a 2016/17 plan).
    period: Option<Period>,
    scan: Scan,
    between: bool,
    /// Whether a date has been read yet.
    dated: bool,
}

impl Scanner<'_, '_> {
    /// Reads what starts at `at`; returns where to go on.
    fn step(&mut self, at: usize) -> usize {
        if let Some(next) = self.dates(at) {
            return next;
        }
        if let Some((reference, next)) = reference_at(self.text, self.tokens, at) {
            if self.scan.reference.is_none() {
                self.scan.reference = Some(reference);
            }
            self.scan.pieces.push(Piece::Gap);
            return next;
        }
        let Some(token) = self.tokens.get(at) else {
            return at + 1;
        };
        let piece = match token.tok {
            Tok::Dash => Piece::Through,
            Tok::Slash | Tok::Amp | Tok::Comma => Piece::And,
            Tok::Word => return self.word(at),
            _ => Piece::Gap,
        };
        self.scan.pieces.push(piece);
        at + 1
    }

    fn word(&mut self, at: usize) -> usize {
        let Some(token) = self.tokens.get(at) else {
            return at + 1;
        };
        let is = |words: &[Word]| token.is_any(words);
        if is(&words!["until", "till", "til", "untill"])
            || (is(&words!["up"]) && self.is(at + 1, word!("to")))
        {
            self.scan.until |= !self.dated;
            self.scan.pieces.push(Piece::Through);
            return at + 1 + usize::from(is(&words!["up"]));
        }
        if is(&words!["to", "through", "thru", "into"]) {
            self.scan.pieces.push(Piece::Through);
        } else if is(&words!["and", "or", "plus", "then"]) {
            self.scan.pieces.push(if std::mem::take(&mut self.between) {
                Piece::Through
            } else {
                Piece::And
            });
        } else if is(&words!["between"]) {
            self.between = true;
        } else if is(&words!["start", "beginning", "begin"]) && self.is(at + 1, word!("of")) {
            self.scan.pieces.push(Piece::Gap);
        } else if is(&words![
            "from",
            "wef",
            "since",
            "starting",
            "commencing",
            "beginning",
            "begin",
            "start",
            "onwards",
            "onward",
            "beyond",
            "thereafter",
            "forward",
            "forwards",
            "after",
        ]) {
            self.scan.open = true;
        } else if is(&words![
            "approx",
            "approximately",
            "circa",
            "around",
            "roughly",
            "est",
            "estimated",
            "provisional",
            "provisionally",
            "tentative",
            "tbc",
            "tba",
            "tentatively",
        ]) {
            self.scan.approximate = true;
        } else if is(&words!["now", "new"]) {
            self.scan.pieces.push(Piece::SupersedesPrevious);
        } else if is(&REVISION_WORDS) {
            return self.revision(at);
        } else if is(&words!["above"]) {
            self.scan.direction.get_or_insert(Direction::Above);
        } else if is(&words!["below"]) {
            self.scan.direction.get_or_insert(Direction::Below);
        } else if !is(FILLERS) {
            self.scan.pieces.push(Piece::Gap);
        }
        at + 1
    }

    /// "revised from Dec 2015" supersedes the next date; "Dec 2015 revised to March 2016"
    /// supersedes the previous one.
    fn revision(&mut self, at: usize) -> usize {
        let mut next = at + 1;
        while self.tokens.get(next).is_some_and(|token| {
            token.is_any(&words![
                "date",
                "target",
                "deadline",
                "timescale",
                "timescales",
                "the",
                "due",
                "completion",
            ]) || matches!(token.tok, Tok::Other | Tok::Dot)
        }) {
            next += 1;
        }
        // "originally March 2016", "revised from Dec 2015": the next date is the old one.
        let looks_back = self.is_any(
            at,
            &words!["previously", "originally", "was", "formerly", "original"],
        );
        if looks_back || self.is(next, word!("from")) {
            self.scan.pieces.push(Piece::SupersedesNext);
            return next + usize::from(self.is(next, word!("from")));
        }
        // "revised to March 2016", "Revised date: June 2016", "delayed until May".
        self.scan.pieces.push(Piece::SupersedesPrevious);
        next + usize::from(
            self.is(next, word!("to"))
                || self.is(next, word!("until"))
                || self.is(next, word!("till")),
        )
    }

    /// Reads a date (or a day range) at `at`, pushing its pieces.
    fn dates(&mut self, at: usize) -> Option<usize> {
        if let Some(next) = self.day_range(at) {
            return Some(next);
        }
        let (modifier, core_at) = self.modifier(at).unwrap_or((None, at));
        let (mut found, next) = self.core(core_at)?;
        found.modifier = modifier;
        found.start = self.tokens.get(at)?.start;
        self.scan.pieces.push(Piece::Date(found));
        self.dated = true;
        Some(next)
    }

    /// "1st - 5th April 2017", "3-7 Oct", "1st and 2nd March": two days sharing a month.
    fn day_range(&mut self, at: usize) -> Option<usize> {
        let (first, digits, _) = self.tokens.get(at)?.number()?;
        let joiner = self.tokens.get(at + 1)?;
        let connector = if joiner.tok == Tok::Dash || joiner.is(word!("to")) {
            Piece::Through
        } else if matches!(joiner.tok, Tok::Amp | Tok::Comma) || joiner.is(word!("and")) {
            Piece::And
        } else {
            return None;
        };
        let joined = at + 2;
        let (_, second_digits, _) = self.tokens.get(joined)?.number()?;
        if digits > 2 || second_digits > 2 || !(1..=31).contains(&first) {
            return None;
        }
        let month_at = joined + 1 + usize::from(self.is(joined + 1, word!("of")));
        words::month(self.tokens.get(month_at)?)?;
        let (second, next) = self.core(joined)?;
        let Unit::Day { month, .. } = second.unit else {
            return None;
        };
        let start = self.tokens.get(at)?.start;
        let end = self.tokens.get(at)?.end;
        let first = Found {
            unit: Unit::Day { month, day: first },
            year: second.year,
            modifier: None,
            start,
            end,
        };
        self.scan
            .pieces
            .extend([Piece::Date(first), connector, Piece::Date(second)]);
        self.dated = true;
        Some(next)
    }

    /// "early", "mid-", "late", "end of", "start of the", "beginning of", "by the end of".
    fn modifier(&self, at: usize) -> Option<(Option<Modifier>, usize)> {
        let token = self.tokens.get(at)?;
        let modifier = [
            (word!("early"), Modifier::Early),
            (word!("mid"), Modifier::Mid),
            (word!("middle"), Modifier::Mid),
            (word!("late"), Modifier::Late),
            (word!("end"), Modifier::End),
            (word!("close"), Modifier::End),
            (word!("start"), Modifier::Start),
            (word!("beginning"), Modifier::Start),
            (word!("commencement"), Modifier::Start),
        ]
        .iter()
        .find(|(word, _)| token.is(*word))?
        .1;
        let mut next = at + 1;
        let mut skipped = 0;
        while skipped < 3
            && (self.dash(next) || self.is(next, word!("of")) || self.is(next, word!("the")))
        {
            next += 1;
            skipped += 1;
        }
        // "start" and "beginning" without "of" mean "from".
        let needs_of = matches!(modifier, Modifier::Start) && skipped == 0;
        (!needs_of).then_some((Some(modifier), next))
    }

    fn core(&self, at: usize) -> Option<(Found, usize)> {
        let token = self.tokens.get(at)?;
        match token.tok {
            Tok::Word => self.word_date(at),
            Tok::Number { .. } => self.number_date(at),
            _ => None,
        }
    }

    fn found(
        &self,
        unit: Unit,
        year: Option<i32>,
        first: usize,
        next: usize,
    ) -> Option<(Found, usize)> {
        let start = self.tokens.get(first)?.start;
        let end = self.tokens.get(next.checked_sub(1)?)?.end;
        Some((
            Found {
                unit,
                year,
                modifier: None,
                start,
                end,
            },
            next,
        ))
    }

    fn word_date(&self, at: usize) -> Option<(Found, usize)> {
        let token = self.tokens.get(at)?;
        if token.is_any(WEEKDAYS) {
            let next = at + 1 + usize::from(self.punct(at + 1, Tok::Comma));
            let (found, after) = self.number_date(next)?;
            return matches!(found.unit, Unit::Day { .. })
                .then_some(())
                .and_then(|()| self.found(found.unit, found.year, at, after));
        }
        if let Some(month) = words::month(token) {
            return self.month_date(at, month);
        }
        // Only a word followed by a year is worth checking for a misspelt month.
        if let Some(month) = self.year(at + 1).and_then(|_| words::misspelt_month(token)) {
            return self.month_date(at, month);
        }
        if let Some((season, term)) = words::season(token) {
            return self.season_date(at, season, term);
        }
        if token.is(word!("easter")) || token.is(word!("christmas")) || token.is(word!("xmas")) {
            let unit = if token.is(word!("easter")) {
                Unit::Easter
            } else {
                Unit::Christmas
            };
            let next = at
                + 1
                + usize::from(
                    self.is(at + 1, word!("holidays"))
                        || self.is(at + 1, word!("holiday"))
                        || self.is(at + 1, word!("break")),
                );
            return match self.year(next) {
                Some((year, after)) => self.found(unit, Some(year), at, after),
                None => self.found(unit, None, at, next),
            };
        }
        // "Q3", "Q3 2016/17", "quarter 2"
        if token.is_any(&words!["q", "quarter", "qtr", "qr"]) {
            let (quarter, _, ordinal) = self.tokens.get(at + 1)?.number()?;
            if ordinal || !(1..=4).contains(&quarter) {
                return None;
            }
            return self.quarter(at, at + 2, quarter);
        }
        if let Some(quarter) =
            words::ordinal_word(token).filter(|_| self.is(at + 1, word!("quarter")))
        {
            return self.quarter(at, at + 2, quarter);
        }
        if token.is(word!("fy")) || (token.is(word!("financial")) && self.is(at + 1, word!("year")))
        {
            let next = at + 1 + usize::from(token.is(word!("financial")));
            return match self.financial_label(next) {
                Some((first, count, after)) => {
                    self.found(Unit::FinancialYears(count), Some(first), at, after)
                }
                None => match self.plain_year(next) {
                    Some((year, after)) => {
                        self.found(Unit::FinancialYears(1), Some(year), at, after)
                    }
                    None if self.short_phrase() => {
                        self.found(Unit::FinancialYears(1), None, at, next)
                    }
                    None => None,
                },
            };
        }
        if (token.is(word!("academic")) || token.is(word!("school")))
            && self.is(at + 1, word!("year"))
        {
            return match self
                .financial_label(at + 2)
                .or_else(|| self.plain_year(at + 2).map(|(y, n)| (y, 1, n)))
            {
                Some((first, _, after)) => self.found(Unit::AcademicYear, Some(first), at, after),
                None if self.short_phrase() => self.found(Unit::AcademicYear, None, at, at + 2),
                None => None,
            };
        }
        None
    }

    /// After "Q3" or "second quarter": "of", "the", then a financial year or a year.
    fn quarter(&self, at: usize, mut next: usize, quarter: u32) -> Option<(Found, usize)> {
        while self.is_any(next, &words!["of", "the", "fy", "financial", "year"])
            || self.punct(next, Tok::Comma)
        {
            next += 1;
        }
        let unit = Unit::Quarter(quarter);
        match self
            .financial_label(next)
            .map(|(first, _, after)| (first, after))
            .or_else(|| self.plain_year(next))
        {
            Some((year, after)) => self.found(unit, Some(year), at, after),
            None => self.found(unit, None, at, at + 2),
        }
    }

    fn month_date(&self, at: usize, month: u32) -> Option<(Found, usize)> {
        let token = self.tokens.get(at)?;
        let mut next = at + 1 + usize::from(self.punct(at + 1, Tok::Dot));
        // "April 1st 2017", "April 1, 2017"
        if let Some((day, digits, ordinal)) = self.tokens.get(next).and_then(Token::number) {
            let after_comma = next + 1 + usize::from(self.punct(next + 1, Tok::Comma));
            let year_follows = self
                .tokens
                .get(after_comma)
                .and_then(Token::number)
                .is_some_and(|(_, d, o)| d == 4 && !o);
            let unlikely_year =
                !self.tokens.get(next).is_some_and(|t| t.spaced) || !self.plausible_short_year(day);
            if digits <= 2 && (1..=31).contains(&day) && (ordinal || year_follows || unlikely_year)
            {
                let year = self.year(after_comma);
                let after = year.map_or(next + 1, |(_, after)| after);
                return self.found(Unit::Day { month, day }, year.map(|(y, _)| y), at, after);
            }
        }
        if words::is_ambiguous_month(token) && !self.month_in_context(at) {
            return None;
        }
        // "Nov-13", "Mar/16": the separator touches both sides. "March, 2016".
        let joined = self.tokens.get(next).is_some_and(|t| {
            (matches!(t.tok, Tok::Dash | Tok::Slash)
                && !t.spaced
                && self.tokens.get(next + 1).is_some_and(|n| !n.spaced))
                || t.tok == Tok::Comma
        });
        if joined {
            next += 1;
        }
        match self.year(next) {
            Some((year, after)) => self.found(Unit::Month(month), Some(year), at, after),
            None => self.found(Unit::Month(month), None, at, at + 1),
        }
    }

    /// Whether "Oct 16" may mean October 2016: always without a plan period, else when 2016
    /// is within a few years of it.
    fn plausible_short_year(&self, value: u32) -> bool {
        let year = expand_two_digit(value);
        self.period
            .is_none_or(|period| (period.start.year() - 4..=period.end.year() + 4).contains(&year))
    }

    /// Whether an everyday word that is also a month ("may", "march") is used as a month here.
    fn month_in_context(&self, at: usize) -> bool {
        let datelike = |index: usize| {
            self.tokens.get(index).is_some_and(|t| {
                t.number().is_some()
                    || words::season(t).is_some()
                    || (words::month(t).is_some() && !words::is_ambiguous_month(t))
            })
        };
        let connector = |index: usize| {
            self.tokens.get(index).is_some_and(|t| {
                matches!(t.tok, Tok::Dash | Tok::Slash | Tok::Amp | Tok::Comma)
                    || t.is(word!("and"))
                    || t.is(word!("to"))
            })
        };
        self.tokens.len() == 1
            || (at
                .checked_sub(1)
                .is_some_and(|before| self.punct(before, Tok::Open))
                && self.punct(at + 1, Tok::Close))
            || datelike(at + 1)
            || self.punct(at + 1, Tok::Apostrophe)
            || (connector(at + 1) && datelike(at + 2))
            || at
                .checked_sub(2)
                .is_some_and(|before| connector(before + 1) && datelike(before))
            || at.checked_sub(1).is_some_and(|before| {
                self.is_any(
                    before,
                    &words![
                        "by", "in", "during", "from", "until", "end", "early", "mid", "late", "of",
                        "before",
                    ],
                )
            })
    }

    fn season_date(
        &self,
        at: usize,
        season: super::calendar::Season,
        term: Option<Term>,
    ) -> Option<(Found, usize)> {
        let mut next = at + 1 + usize::from(self.dash(at + 1));
        let mut unit = Unit::Season(season);
        if let Some(term) = term {
            if self.is(next, word!("half")) && self.is(next + 1, word!("term")) {
                next += 2;
                unit = Unit::Term(term);
            } else if self.is(next, word!("term")) || self.is(next, word!("terms")) {
                next += 1;
                unit = Unit::Term(term);
            }
            if let Some((half @ 1..=2, 1, false)) = self.tokens.get(next).and_then(Token::number) {
                next += 1;
                unit = Unit::HalfTerm(term, half);
            }
        }
        while self.is(next, word!("of"))
            || self.is(next, word!("the"))
            || self.punct(next, Tok::Comma)
        {
            next += 1;
        }
        // "summer term 2015/16" is in 2016; "autumn term 2015/16" in 2015.
        if let Some((first, _, after)) = self.financial_label(next) {
            let late_in_year = matches!(
                unit,
                Unit::Term(Term::Spring | Term::Summer)
                    | Unit::HalfTerm(Term::Spring | Term::Summer, _)
            );
            return self.found(unit, Some(first + i32::from(late_in_year)), at, after);
        }
        match self.year(next) {
            Some((year, after)) => self.found(unit, Some(year), at, after),
            // A bare season word is often not a date ("summer school").
            None if matches!(unit, Unit::Season(_)) && !self.month_in_context(at) => None,
            None => self.found(unit, None, at, next),
        }
    }

    fn number_date(&self, at: usize) -> Option<(Found, usize)> {
        let (value, digits, ordinal) = self.tokens.get(at)?.number()?;
        if let Some(found) = self.excel_serial(at, value, digits) {
            return Some(found);
        }
        if ordinal
            && (self.is(at + 1, word!("quarter")) || self.is(at + 1, word!("qtr")))
            && (1..=4).contains(&value)
        {
            return self.quarter(at, at + 2, value);
        }
        if digits == 4 && !ordinal {
            return self.year_number(at);
        }
        if digits > 2 || value == 0 {
            return None;
        }
        // "1st April 2017", "15 Oct", "1st of April"
        let month_at = at
            + 1
            + usize::from(self.is(at + 1, word!("of")))
            + usize::from(
                self.tokens
                    .get(at + 1)
                    .is_some_and(|t| t.tok == Tok::Dash && !t.spaced)
                    && self.tokens.get(at + 2).is_some_and(|t| !t.spaced)
                    && !ordinal,
            );
        if let Some(month) = self.tokens.get(month_at).and_then(words::month) {
            if value <= 31 {
                let after_month = month_at + 1 + usize::from(self.punct(month_at + 1, Tok::Dot));
                // "1 April, 2017"; "31-Mar-17" (the dash touching both sides).
                let touching_dash = self
                    .tokens
                    .get(after_month)
                    .is_some_and(|t| t.tok == Tok::Dash && !t.spaced)
                    && self.tokens.get(after_month + 1).is_some_and(|t| !t.spaced);
                let year_at =
                    after_month + usize::from(self.punct(after_month, Tok::Comma) || touching_dash);
                return match self.year(year_at) {
                    Some((year, after)) => {
                        self.found(Unit::Day { month, day: value }, Some(year), at, after)
                    }
                    None => self.found(Unit::Day { month, day: value }, None, at, month_at + 1),
                };
            }
        }
        if ordinal {
            return None;
        }
        self.numeric_date(at, value)
    }

    /// "31/03/2017", "25.04.15", "01/2017", "13/14", "15/10".
    fn numeric_date(&self, at: usize, first: u32) -> Option<(Found, usize)> {
        let separator = self
            .tokens
            .get(at + 1)
            .filter(|t| !t.spaced && matches!(t.tok, Tok::Slash | Tok::Dot | Tok::Dash))?;
        let second_token = self.tokens.get(at + 2).filter(|t| !t.spaced)?;
        let (second, second_digits, false) = second_token.number()? else {
            return None;
        };
        let third = self
            .tokens
            .get(at + 3)
            .filter(|t| !t.spaced && t.tok == separator.tok)
            .and_then(|_| self.tokens.get(at + 4).filter(|t| !t.spaced))
            .and_then(Token::number);
        if let Some((third, third_digits, _)) = third {
            let year = match third_digits {
                4 => i32::try_from(third).ok()?,
                2 => expand_two_digit(third),
                _ => return None,
            };
            let (day, month) = if second > 12 && first <= 12 {
                (second, first)
            } else {
                (first, second)
            };
            Date::new(year, month, day)?;
            return self.found(Unit::Day { month, day }, Some(year), at, at + 5);
        }
        if self
            .tokens
            .get(at + 3)
            .is_some_and(|t| words::month(t).is_some())
        {
            return None;
        }
        let slash_or_dash = matches!(separator.tok, Tok::Slash | Tok::Dash);
        if second_digits == 4 && (1..=12).contains(&first) {
            let year = i32::try_from(second).ok()?;
            return self.found(Unit::Month(first), Some(year), at, at + 3);
        }
        if slash_or_dash && second_digits == 2 && second == (first + 1) % 100 {
            return self.found(
                Unit::FinancialYears(1),
                Some(expand_two_digit(first)),
                at,
                at + 3,
            );
        }
        if separator.tok == Tok::Slash && (1..=12).contains(&second) && first <= 31 {
            return self.found(
                Unit::Day {
                    month: second,
                    day: first,
                },
                None,
                at,
                at + 3,
            );
        }
        if separator.tok == Tok::Slash && second_digits == 2 && (1..=12).contains(&first) {
            return self.found(
                Unit::Month(first),
                Some(expand_two_digit(second)),
                at,
                at + 3,
            );
        }
        None
    }

    /// A four-digit number: a year, a financial year "2013-14", an ISO date, an ISO month.
    fn year_number(&self, at: usize) -> Option<(Found, usize)> {
        let (year, _, _) = self.tokens.get(at)?.number()?;
        let year = i32::try_from(year)
            .ok()
            .filter(|year| (1900..=2100).contains(year))?;
        let separator = self
            .tokens
            .get(at + 1)
            .filter(|t| !t.spaced && matches!(t.tok, Tok::Slash | Tok::Dash));
        if let Some(separator) = separator {
            let day = self
                .tokens
                .get(at + 3)
                .filter(|t| t.tok == separator.tok && !t.spaced)
                .and_then(|_| self.unspaced_number(at + 4));
            if let (Some((month, _)), Some((day, _))) = (self.unspaced_number(at + 2), day) {
                if Date::new(year, month, day).is_some() {
                    return self.found(Unit::Day { month, day }, Some(year), at, at + 5);
                }
            }
        }
        let academic = |after: usize| {
            (self.is(after, word!("academic")) || self.is(after, word!("school")))
                .then(|| after + 1 + usize::from(self.is(after + 1, word!("year"))))
        };
        if let Some((first, count, after)) = self.financial_label(at) {
            if let Some(after) = academic(after) {
                return self.found(Unit::AcademicYear, Some(first), at, after);
            }
            if let Some((quarter, _, false)) = self
                .tokens
                .get(after + 1)
                .filter(|_| {
                    self.is(after, word!("q"))
                        || self.is(after, word!("quarter"))
                        || self.is(after, word!("qtr"))
                })
                .and_then(Token::number)
            {
                return self.found(Unit::Quarter(quarter), Some(first), at, after + 2);
            }
            let after = after
                + usize::from(self.is(after, word!("fy")))
                + 2 * usize::from(
                    self.is(after, word!("financial")) && self.is(after + 1, word!("year")),
                );
            return self.found(Unit::FinancialYears(count), Some(first), at, after);
        }
        if let (Some(_), Some((month @ 1..=12, 2))) = (separator, self.unspaced_number(at + 2)) {
            return self.found(Unit::Month(month), Some(year), at, at + 3);
        }
        self.found(Unit::Year, Some(year), at, at + 1)
    }

    /// "2013-14", "2013/14", "2008-11", "2019/2020", "13/14": first year and count.
    fn financial_label(&self, at: usize) -> Option<(i32, u32, usize)> {
        let (first, first_digits, false) = self.tokens.get(at)?.number()? else {
            return None;
        };
        let separator = self
            .tokens
            .get(at + 1)
            .filter(|t| matches!(t.tok, Tok::Slash | Tok::Dash))?;
        let second_token = self.tokens.get(at + 2)?;
        let (second, second_digits, false) = second_token.number()? else {
            return None;
        };
        if self.numeric_continues(at + 3) {
            return None;
        }
        let first = match first_digits {
            4 => i32::try_from(first).ok()?,
            2 if second_digits == 2 && second == (first + 1) % 100 => expand_two_digit(first),
            _ => return None,
        };
        let last = match second_digits {
            2 => {
                let century = first - first.rem_euclid(100);
                let candidate = century + i32::try_from(second).ok()?;
                if candidate > first {
                    candidate
                } else {
                    candidate + 100
                }
            }
            4 if !separator.spaced && !second_token.spaced => i32::try_from(second).ok()?,
            _ => return None,
        };
        let count = u32::try_from(last - first)
            .ok()
            .filter(|count| (1..=10).contains(count))?;
        Some((first, count, at + 3))
    }

    /// A year as written after a month or term: "2016", "16", "'16".
    fn year(&self, at: usize) -> Option<(i32, usize)> {
        let at = at + usize::from(self.punct(at, Tok::Apostrophe));
        let (value, digits, ordinal) = self.tokens.get(at)?.number()?;
        if ordinal || self.numeric_continues(at + 1) {
            return None;
        }
        match digits {
            4 => i32::try_from(value)
                .ok()
                .filter(|year| (1900..=2100).contains(year))
                .map(|year| (year, at + 1)),
            2 => Some((expand_two_digit(value), at + 1)),
            _ => None,
        }
    }

    fn plain_year(&self, at: usize) -> Option<(i32, usize)> {
        self.year(at).filter(|_| {
            self.tokens
                .get(at)
                .and_then(Token::number)
                .is_some_and(|(_, digits, _)| digits == 4)
        })
    }

    /// Whether a number at `at - 1` continues as a numeric date ("13" in "13/04/2016").
    fn numeric_continues(&self, at: usize) -> bool {
        self.tokens
            .get(at)
            .is_some_and(|t| !t.spaced && matches!(t.tok, Tok::Slash | Tok::Dot | Tok::Dash))
            && self
                .tokens
                .get(at + 1)
                .is_some_and(|t| !t.spaced && t.number().is_some())
    }

    fn unspaced_number(&self, at: usize) -> Option<(u32, u8)> {
        self.tokens
            .get(at)
            .filter(|t| !t.spaced)
            .and_then(Token::number)
            .filter(|&(_, _, ordinal)| !ordinal)
            .map(|(value, digits, _)| (value, digits))
    }

    /// A whole cell holding a spreadsheet date serial number (days since 1899-12-30).
    fn excel_serial(&self, at: usize, value: u32, digits: u8) -> Option<(Found, usize)> {
        let rest = self.tokens.get(at + 1..)?;
        let whole_cell = at == 0
            && (rest.is_empty()
                || (rest.len() == 2
                    && rest.first().is_some_and(|t| t.tok == Tok::Dot)
                    && rest
                        .get(1)
                        .is_some_and(|t| t.text.bytes().all(|b| b == b'0'))));
        if !whole_cell || digits != 5 || !(20_000..=80_000).contains(&value) {
            return None;
        }
        let date = Date::new(1899, 12, 30)?.add_days(i64::from(value))?;
        let unit = Unit::Day {
            month: date.month(),
            day: date.day(),
        };
        self.found(unit, Some(date.year()), at, at + 1 + rest.len())
    }

    /// "End of financial year" is a date; "(start of academic year)" after a date is a comment.
    fn short_phrase(&self) -> bool {
        self.tokens.len() <= 6
    }

    fn is(&self, at: usize, word: Word) -> bool {
        self.tokens.get(at).is_some_and(|token| token.is(word))
    }

    fn is_any(&self, at: usize, words: &[Word]) -> bool {
        self.tokens.get(at).is_some_and(|token| token.is_any(words))
    }

    fn punct(&self, at: usize, tok: Tok) -> bool {
        self.tokens.get(at).is_some_and(|token| token.tok == tok)
    }

    fn dash(&self, at: usize) -> bool {
        self.punct(at, Tok::Dash)
    }
}

/// "08" -> 2008, "99" -> 1999.
fn expand_two_digit(value: u32) -> i32 {
    let value = i32::try_from(value % 100).unwrap_or(0);
    if value < 70 {
        2000 + value
    } else {
        1900 + value
    }
}

const WEEKDAYS: &[Word] = &words![
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that neither date nor separate dates.
const FILLERS: &[Word] = &words![
    "the",
    "of",
    "by",
    "in",
    "on",
    "at",
    "before",
    "no",
    "not",
    "later",
    "than",
    "due",
    "target",
    "date",
    "dates",
    "deadline",
    "with",
    "effect",
    "w",
    "e",
    "f",
    "for",
    "during",
    "within",
    "latest",
    "completion",
    "complete",
    "completed",
    "be",
    "by",
    "is",
    "will",
    "end",
    "a",
    "an",
    "term",
    "year",
    "financial",
    "academic",
];

const REVISION_WORDS: [Word; 17] = words![
    "revised",
    "previously",
    "originally",
    "was",
    "formerly",
    "amended",
    "moved",
    "slipped",
    "rescheduled",
    "postponed",
    "deferred",
    "delayed",
    "extended",
    "changed",
    "updated",
    "rearranged",
    "original",
];

/// "See 9 above", "as 3.2", "see action 4", "As above": a cross-reference at `at`.
pub(super) fn reference_at(
    text: &str,
    tokens: &[Token<'_>],
    at: usize,
) -> Option<(Reference, usize)> {
    let token = tokens.get(at)?;
    if token.is(word!("ditto")) {
        let reference = Reference {
            target: None,
            direction: Some(Direction::Above),
        };
        return Some((reference, at + 1));
    }
    if !token.is_any(&words![
        "see", "refer", "as", "per", "same", "ditto", "cf", "linked"
    ]) {
        return None;
    }
    let mut next = at + 1;
    let skippable = |t: &Token<'_>| {
        t.is_any(&words![
            "to",
            "as",
            "per",
            "in",
            "for",
            "action",
            "actions",
            "point",
            "points",
            "item",
            "items",
            "row",
            "no",
            "number",
            "objective",
            "ref",
            "reference",
            "line",
            "task",
            "priority",
            "the",
            "under",
            "at",
        ]) || matches!(t.tok, Tok::Other | Tok::Dot | Tok::Open)
    };
    while next < at + 6 && tokens.get(next).is_some_and(skippable) {
        next += 1;
    }
    let mut target = None;
    let date_follows = tokens.get(next + 1).and_then(words::month).is_some();
    if !date_follows {
        if let Some((id, after)) = super::reference::action_id(text, tokens, next) {
            target = Some(id);
            next = after;
        }
    }
    while tokens
        .get(next)
        .is_some_and(|t| t.is(word!("the")) || t.tok == Tok::Close)
    {
        next += 1;
    }
    let direction = tokens.get(next).and_then(|t| {
        if t.is(word!("above")) || t.is(word!("previous")) || t.is(word!("earlier")) {
            Some(Direction::Above)
        } else if t.is(word!("below")) || t.is(word!("following")) || t.is(word!("later")) {
            Some(Direction::Below)
        } else {
            None
        }
    });
    if target.is_none() && direction.is_none() {
        return None;
    }
    Some((
        Reference { target, direction },
        next + usize::from(direction.is_some()),
    ))
}
