//! The calendars UK plans count in: months, financial years and their quarters, academic
//! years, school terms and half terms, seasons, Easter and Christmas.

use crate::date::Date;

use super::{Interval, Precision};

/// School terms. Dates are the usual English pattern; each school's differ by days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Term {
    Autumn,
    Spring,
    Summer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A calendar unit still waiting for its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day {
        month: u32,
        day: u32,
    },
    Month(u32),
    Year,
    /// `count` financial years from the year given (April to March): "2013-14", "2008-11".
    FinancialYears(u32),
    /// A quarter of the financial year starting in the year given: Q1 = April to June.
    Quarter(u32),
    /// September of the year given to July of the next.
    AcademicYear,
    Term(Term),
    /// "Autumn 1", "Summer 2": the half terms.
    HalfTerm(Term, u32),
    Season(Season),
    Easter,
    Christmas,
}

impl Unit {
    pub fn interval(self, year: i32) -> Option<Interval> {
        let span = |start: Option<Date>, end: Option<Date>| {
            Some(Interval {
                start: start?,
                end: end?,
            })
        };
        let month = |year: i32, month: u32| Date::first_of_month(year, month);
        let month_end = |year: i32, month: u32| Date::last_of_month(year, month);
        let next = year.checked_add(1)?;
        match self {
            Unit::Day { month, day } => {
                let date = Date::new(year, month, day);
                span(date, date)
            }
            Unit::Month(m) => span(month(year, m), month_end(year, m)),
            Unit::Year => span(month(year, 1), month_end(year, 12)),
            Unit::FinancialYears(count) => {
                let last = year.checked_add(i32::try_from(count).ok()?)?;
                span(Date::new(year, 4, 1), Date::new(last, 3, 31))
            }
            Unit::Quarter(quarter) => {
                // Q1..Q3 fall in the first calendar year, Q4 in the next.
                (1..=4).contains(&quarter).then_some(())?;
                let (y, m) = if quarter == 4 {
                    (next, 1)
                } else {
                    (year, 1 + 3 * quarter)
                };
                span(month(y, m), month_end(y, m + 2))
            }
            Unit::AcademicYear => span(month(year, 9), month_end(next, 7)),
            Unit::Term(term) => match term {
                Term::Autumn => span(month(year, 9), month_end(year, 12)),
                Term::Spring => span(month(year, 1), Date::new(year, 4, 14)),
                Term::Summer => span(Date::new(year, 4, 15), month_end(year, 7)),
            },
            Unit::HalfTerm(term, half) => {
                let (first, second) = match term {
                    Term::Autumn => (
                        (month(year, 9), month_end(year, 10)),
                        (month(year, 11), month_end(year, 12)),
                    ),
                    Term::Spring => (
                        (month(year, 1), month_end(year, 2)),
                        (month(year, 3), Date::new(year, 4, 14)),
                    ),
                    Term::Summer => (
                        (Date::new(year, 4, 15), month_end(year, 5)),
                        (month(year, 6), month_end(year, 7)),
                    ),
                };
                match half {
                    1 => span(first.0, first.1),
                    2 => span(second.0, second.1),
                    _ => None,
                }
            }
            Unit::Season(season) => match season {
                Season::Spring => span(month(year, 3), month_end(year, 5)),
                Season::Summer => span(month(year, 6), month_end(year, 8)),
                Season::Autumn => span(month(year, 9), month_end(year, 11)),
                Season::Winter => span(month(year, 12), month_end(next, 2)),
            },
            Unit::Easter => {
                let sunday = easter_sunday(year)?;
                span(sunday.add_days(-2), sunday.add_days(1))
            }
            Unit::Christmas => {
                let day = Date::new(year, 12, 25);
                span(day, day)
            }
        }
    }

    pub fn precision(self) -> Precision {
        match self {
            Unit::Day { .. } | Unit::Christmas | Unit::Easter => Precision::Day,
            Unit::Month(_) => Precision::Month,
            Unit::Quarter(_) => Precision::Quarter,
            Unit::Term(_) | Unit::HalfTerm(..) | Unit::Season(_) => Precision::Term,
            Unit::Year | Unit::FinancialYears(_) | Unit::AcademicYear => Precision::Year,
        }
    }

    /// Whether the unit's edges are conventions rather than dates (term dates vary by school).
    pub fn is_approximate(self) -> bool {
        matches!(
            self,
            Unit::Term(_) | Unit::HalfTerm(..) | Unit::Season(_) | Unit::Easter | Unit::Christmas
        )
    }
}

/// Easter Sunday (Gregorian; anonymous algorithm).
fn easter_sunday(year: i32) -> Option<Date> {
    let y = year;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(
            easter_sunday(2016).map(|d| d.to_string()).as_deref(),
            Some("2016-03-27")
        );
        assert_eq!(
            easter_sunday(2024).map(|d| d.to_string()).as_deref(),
            Some("2024-03-31")
        );
        assert_eq!(
            easter_sunday(2019).map(|d| d.to_string()).as_deref(),
            Some("2019-04-21")
        );
    }

    #[test]
    fn quarters_follow_the_financial_year() {
        let q = |n| {
            Unit::Quarter(n)
                .interval(2016)
                .map(|i| (i.start.to_string(), i.end.to_string()))
        };
        assert_eq!(q(1), Some(("2016-04-01".into(), "2016-06-30".into())));
        assert_eq!(q(3), Some(("2016-10-01".into(), "2016-12-31".into())));
        assert_eq!(q(4), Some(("2017-01-01".into(), "2017-03-31".into())));
        assert_eq!(q(5), None);
    }
}
