//! Calendar dates and plan periods.
//!
//! Plans only need day precision in the proleptic Gregorian calendar, so this is a
//! small value type rather than a dependency on a date-time library (which would add
//! size to the WASM module for time zones and formatting we never use).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (day precision). Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if `month` is 1-12 and `day` exists in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The first day of a month.
    pub fn first_of_month(year: i32, month: u32) -> Option<Date> {
        Date::new(year, month, 1)
    }

    /// The last day of a month.
    pub fn last_of_month(year: i32, month: u32) -> Option<Date> {
        Date::new(year, month, days_in_month(year, month))
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Parses `YYYY-MM-DD` exactly (no time, no offset).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(number(0..4)? as i32, number(5..7)?, number(8..10)?)
    }

    /// Days since 1970-01-01 (negative before). Used for day arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after this one (before, when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = self.days_since_epoch().checked_add(days)? + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }
}

/// Number of days in a month (0 for a month outside 1-12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    /// Written digit by digit: a report holds thousands of dates, and the formatting
    /// machinery of `Display` cost more than the rest of writing them.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Ok(year) = u16::try_from(self.year) else {
            return serializer.collect_str(self);
        };
        if year > 9999 || self.month > 99 || self.day > 99 {
            return serializer.collect_str(self);
        }
        let digit = |value: u16, unit: u16| b'0' + (value / unit % 10) as u8;
        let (month, day) = (u16::from(self.month), u16::from(self.day));
        let iso = [
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
        ];
        match std::str::from_utf8(&iso) {
            Ok(text) => serializer.serialize_str(text),
            Err(_) => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a YYYY-MM-DD date")))
    }
}

/// The period a plan covers, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// UK public-sector financial years `first..=last` (1 April to 31 March).
    pub fn financial_years(first: i32, last: i32) -> Option<Period> {
        Some(Period {
            start: Date::new(first, 4, 1)?,
            end: Date::new(last.checked_add(1)?, 3, 31)?,
        })
    }

    /// Reads `2017-04-01/2018-03-31`, or a label as plans write it: `2013-14`, `2015/16`,
    /// `2008-11`, `2019-2020` (financial years, April to March) or `2016` (a calendar year).
    /// Surrounding words are ignored, so a title such as "Prevent Delivery Plan 2019-20" works.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        if let Some((start, end)) = text.split_once('/') {
            if let (Some(start), Some(end)) =
                (Date::parse_iso(start.trim()), Date::parse_iso(end.trim()))
            {
                return Some(Period { start, end });
            }
        }
        Period::from_label(text)
    }

    fn from_label(text: &str) -> Option<Period> {
        let years = year_label_numbers(text)?;
        match years {
            (first, None) => Some(Period {
                start: Date::new(first, 1, 1)?,
                end: Date::new(first, 12, 31)?,
            }),
            (first, Some(second)) => {
                let last_start = expand_short_year(first, second)?;
                // "2013-14" is one financial year: it ends in the second year.
                Period::financial_years(first, last_start.checked_sub(1)?)
            }
        }
    }
}

/// Finds the first `YYYY`, `YYYY-YY`, `YYYY/YY` or `YYYY-YYYY` in a text.
fn year_label_numbers(text: &str) -> Option<(i32, Option<u32>)> {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let run = digit_run(bytes, index);
        let starts_word =
            index == 0 || !bytes.get(index - 1).is_some_and(u8::is_ascii_alphanumeric);
        if run == 4 && starts_word {
            let year: i32 = text.get(index..index + 4)?.parse().ok()?;
            let after = index + 4;
            let separator = bytes.get(after).copied();
            if matches!(separator, Some(b'-' | b'/')) || text.get(after..)?.starts_with('\u{2013}')
            {
                let sep_len = if separator == Some(b'-') || separator == Some(b'/') {
                    1
                } else {
                    3
                };
                let second_start = after + sep_len;
                let second_len = digit_run(bytes, second_start);
                let ends_word = !bytes
                    .get(second_start + second_len)
                    .is_some_and(u8::is_ascii_alphanumeric);
                if (second_len == 2 || second_len == 4) && ends_word {
                    let second: u32 = text
                        .get(second_start..second_start + second_len)?
                        .parse()
                        .ok()?;
                    return Some((year, Some(second)));
                }
            }
            if !bytes.get(after).is_some_and(u8::is_ascii_alphanumeric) {
                return Some((year, None));
            }
        }
        index += run.max(1);
    }
    None
}

fn digit_run(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// "2013-14" -> 2014; "2008-11" -> 2011; "2019-2020" -> 2020. The second year must follow the first.
fn expand_short_year(first: i32, second: u32) -> Option<i32> {
    let second = if second < 100 {
        let century = first - first.rem_euclid(100);
        let candidate = century + second as i32;
        if candidate > first {
            candidate
        } else {
            candidate + 100
        }
    } else {
        i32::try_from(second).ok()?
    };
    (second > first && second - first <= 10).then_some(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_display_writes() {
        for (year, month, day) in [(2017, 3, 31), (5, 1, 9), (999, 12, 1), (9999, 2, 28)] {
            let Some(date) = Date::new(year, month, day) else {
                unreachable!("{year}-{month}-{day} is a date")
            };
            let json = serde_json::to_string(&date).unwrap_or_default();
            assert_eq!(json, format!("\"{date}\""));
        }
    }

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or_else(|| unreachable!("bad test date {text}"))
    }

    #[test]
    fn validates_calendar() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::parse_iso("2023-1-01").is_none());
        assert_eq!(Date::last_of_month(2013, 11), Some(date("2013-11-30")));
    }

    #[test]
    fn day_arithmetic_round_trips() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2000-03-01").add_days(-1), Some(date("2000-02-29")));
        assert_eq!(date("2016-12-31").add_days(1), Some(date("2017-01-01")));
    }

    #[test]
    fn reads_period_labels() {
        let fy = |a, b| Period {
            start: date(a),
            end: date(b),
        };
        assert_eq!(
            Period::parse("2013-14"),
            Some(fy("2013-04-01", "2014-03-31"))
        );
        assert_eq!(
            Period::parse("2015/16"),
            Some(fy("2015-04-01", "2016-03-31"))
        );
        assert_eq!(
            Period::parse("2008-11"),
            Some(fy("2008-04-01", "2011-03-31"))
        );
        assert_eq!(
            Period::parse("2019-2020"),
            Some(fy("2019-04-01", "2020-03-31"))
        );
        assert_eq!(
            Period::parse("2099-00"),
            Some(fy("2099-04-01", "2100-03-31"))
        );
        assert_eq!(
            Period::parse("Prevent Delivery Plan 2019-20"),
            Some(fy("2019-04-01", "2020-03-31"))
        );
        assert_eq!(Period::parse("2016"), Some(fy("2016-01-01", "2016-12-31")));
        assert_eq!(
            Period::parse("2017-04-01/2018-03-31"),
            Some(fy("2017-04-01", "2018-03-31"))
        );
        assert_eq!(Period::parse("no year"), None);
        // An ISO month is not a financial-year label.
        assert_eq!(Period::parse("2015-12"), None);
    }
}
