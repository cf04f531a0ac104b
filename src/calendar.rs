//! Working-day calendars: which dates are working days, `+ N working days`
//! and `working days from A to B`.
//!
//! A rulebook names its calendar in the header (`calendar cn-mainland`,
//! `calendar weekdays`); the model carries it and the evaluator asks it.
//! `cn-mainland` is the data of `calendars/cn-mainland.toml`, embedded and
//! parsed once (the only state of this module) into a table of cumulative
//! working-day counts, one per day of the years covered; `weekdays` is
//! Monday to Friday in every year, counted by arithmetic.
//!
//! Counting rule (docs/language.md, "Working days and calendars"):
//! `D + N working days` is the N-th working day after D, D itself not
//! counted (`+ 0` is D, `- N` counts back the same way); `working days from
//! A to B` is the number of working days d with A < d <= B, negative when B
//! is before A. A computation that involves a date outside the years a
//! calendar covers fails with a message naming them, never guesses.

use std::sync::OnceLock;

use crate::diagnostic::Text;
use crate::text;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// The embedded data of `cn-mainland`.
const CN_MAINLAND: &str = include_str!("../calendars/cn-mainland.toml");

/// The most working days a computation may move by (about 38,000 years of
/// weekdays; any count beyond it leaves the supported dates anyway).
pub const MAX_COUNT: i64 = 10_000_000;

/// A working-day calendar a rulebook can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// Mainland China, 2008 through 2026: the State Council's annual notices.
    CnMainland,
    /// Monday to Friday, every year.
    Weekdays,
}

impl Calendar {
    /// Every calendar, in the order the docs list them.
    pub const ALL: [Calendar; 2] = [Calendar::CnMainland, Calendar::Weekdays];

    /// Its name in a rulebook header.
    pub fn name(self) -> &'static str {
        match self {
            Calendar::CnMainland => "cn-mainland",
            Calendar::Weekdays => "weekdays",
        }
    }

    /// The calendar of a header name.
    pub fn from_name(name: &str) -> Option<Calendar> {
        Calendar::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The first and last year covered; `None` when every year is.
    pub fn years(self) -> Option<(i16, i16)> {
        match self {
            Calendar::CnMainland => table().ok().map(|t| (t.first.year(), t.last.year())),
            Calendar::Weekdays => None,
        }
    }

    /// Whether `d` lies in the years covered.
    pub fn covers(self, d: Date) -> bool {
        self.years()
            .is_none_or(|(first, last)| (first..=last).contains(&d.year()))
    }

    /// The error for `what` outside the years covered.
    fn outside(self, what: Shift) -> CalendarError {
        match self.years() {
            Some(_) => CalendarError::OutsideYears {
                calendar: self,
                what,
            },
            None => CalendarError::OutsideDates { what },
        }
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(self, d: Date) -> Result<bool, CalendarError> {
        match self {
            Calendar::Weekdays => Ok(!matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)),
            Calendar::CnMainland => {
                let table = table()?;
                let i = table.index(d).ok_or_else(|| self.outside(Shift::Date(d)))?;
                let before = i.checked_sub(1).and_then(|j| table.cum.get(j)).copied();
                let here = table.cum.get(i).copied();
                Ok(here.unwrap_or(0) > before.unwrap_or(0))
            }
        }
    }

    /// `d + n working days`: the n-th working day after `d` (`d` not
    /// counted), or before it when `n` is negative; `d` itself when `n` is 0.
    pub fn add_working_days(self, d: Date, n: i64) -> Result<Date, CalendarError> {
        let what = || Shift::By { date: d, count: n };
        if !self.covers(d) {
            return Err(self.outside(Shift::Date(d)));
        }
        if n == 0 {
            return Ok(d);
        }
        if n.unsigned_abs() > MAX_COUNT.unsigned_abs() {
            return Err(CalendarError::OutsideDates { what: what() });
        }
        match self {
            Calendar::Weekdays => {
                let x = day_number(d);
                let target = if n > 0 {
                    weekdays_through(x) + n
                } else {
                    weekdays_through(x - 1) + n + 1
                };
                let q = (target - 1).div_euclid(5);
                let s = (target - 1).rem_euclid(5);
                from_day_number(7 * q + s)
                    .ok_or_else(|| CalendarError::OutsideDates { what: what() })
            }
            Calendar::CnMainland => {
                let table = table()?;
                let i = table.index(d).ok_or_else(|| self.outside(Shift::Date(d)))?;
                let through = |j: Option<usize>| -> i64 {
                    j.and_then(|j| table.cum.get(j))
                        .map_or(0, |c| i64::from(*c))
                };
                let target = if n > 0 {
                    through(Some(i)) + n
                } else {
                    through(i.checked_sub(1)) + n + 1
                };
                let found = if target < 1 {
                    None
                } else {
                    let at = table.cum.partition_point(|c| i64::from(*c) < target);
                    (at < table.cum.len()).then_some(at)
                };
                found
                    .and_then(|at| table.first.checked_add(i64::try_from(at).ok()?.days()).ok())
                    .ok_or_else(|| self.outside(what()))
            }
        }
    }

    /// `working days from a to b`: the working days d with a < d <= b,
    /// negative when `b` is before `a`.
    pub fn working_days_between(self, a: Date, b: Date) -> Result<i64, CalendarError> {
        for d in [a, b] {
            if !self.covers(d) {
                return Err(self.outside(Shift::Date(d)));
            }
        }
        match self {
            Calendar::Weekdays => {
                Ok(weekdays_through(day_number(b)) - weekdays_through(day_number(a)))
            }
            Calendar::CnMainland => {
                let table = table()?;
                let at = |d: Date| {
                    table
                        .index(d)
                        .and_then(|i| table.cum.get(i))
                        .map(|c| i64::from(*c))
                        .ok_or_else(|| self.outside(Shift::Date(d)))
                };
                Ok(at(b)? - at(a)?)
            }
        }
    }
}

/// Why a working-day computation has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// A date, or a result, outside the years the calendar has data for.
    OutsideYears {
        /// The calendar.
        calendar: Calendar,
        /// The date or the computation.
        what: Shift,
    },
    /// A result past the dates redress supports (years 1 to 9999, or a count
    /// of working days above [`MAX_COUNT`]).
    OutsideDates {
        /// The computation.
        what: Shift,
    },
    /// The calendar data built into the program does not read (a bug,
    /// tested against).
    Data(String),
}

/// What a [`CalendarError`] is about: a date, or a date moved by a count of
/// working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// A date.
    Date(Date),
    /// `date + count working days` (`-` when the count is negative).
    By {
        /// The date moved.
        date: Date,
        /// The count, negative when moving back.
        count: i64,
    },
}

impl Shift {
    /// The words in any language: the date, or `2024-10-08 + 3 working days`.
    pub fn text(self) -> Text {
        match self {
            Shift::Date(d) => Text::from(d.to_string()),
            Shift::By { date, count } => text!(
                "diag-calendar-shift",
                date = date.to_string(),
                sign = if count < 0 { "-" } else { "+" },
                count = count.unsigned_abs().to_string()
            ),
        }
    }
}

impl CalendarError {
    /// What went wrong, in words of the catalogue.
    pub fn text(&self) -> Text {
        match self {
            CalendarError::OutsideYears { calendar, what } => {
                let (first, last) = calendar.years().unwrap_or_default();
                text!(
                    "diag-calendar-outside-years",
                    calendar = calendar.name(),
                    first = first.to_string(),
                    last = last.to_string(),
                    what = what.text()
                )
            }
            CalendarError::OutsideDates { what } => {
                text!("diag-calendar-outside-dates", what = what.text())
            }
            CalendarError::Data(message) => Text::from(message.as_str()),
        }
    }
}

/// A Monday: day 0 of [`day_number`].
const MONDAY: Date = Date::constant(1970, 1, 5);

/// Days since [`MONDAY`] (negative before).
fn day_number(d: Date) -> i64 {
    MONDAY.until(d).map_or(0, |s| i64::from(s.get_days()))
}

fn from_day_number(x: i64) -> Option<Date> {
    MONDAY.checked_add(x.days()).ok()
}

/// Monday-to-Friday days among day numbers 0..=x (negative for days before
/// day 0, so that differences count the days between any two).
fn weekdays_through(x: i64) -> i64 {
    5 * x.div_euclid(7) + (x.rem_euclid(7) + 1).min(5)
}

/// The parsed `cn-mainland` data: the years it covers, 1 January of the
/// first to 31 December of the last (a year is covered when the data has its
/// notice), and `cum[i]`, the number of working days from `first` to
/// `first` + i days, inclusive.
#[derive(Debug)]
struct Table {
    first: Date,
    last: Date,
    cum: Vec<u32>,
}

impl Table {
    fn index(&self, d: Date) -> Option<usize> {
        if d < self.first || d > self.last {
            return None;
        }
        let days = self.first.until(d).ok()?.get_days();
        usize::try_from(days).ok()
    }
}

fn table() -> Result<&'static Table, CalendarError> {
    static TABLE: OnceLock<Result<Table, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse(CN_MAINLAND))
        .as_ref()
        .map_err(|e| CalendarError::Data(e.clone()))
}

#[derive(serde::Deserialize)]
struct File {
    year: Vec<Year>,
}

#[derive(serde::Deserialize)]
struct Year {
    year: i16,
    holidays: Vec<Clause>,
}

#[derive(serde::Deserialize)]
struct Clause {
    from: toml::value::Datetime,
    until: toml::value::Datetime,
    workdays: Vec<toml::value::Datetime>,
}

fn civil(value: &toml::value::Datetime) -> Result<Date, String> {
    let bad = || format!("the cn-mainland calendar data has {value}, which is not a date");
    let d = value.date.ok_or_else(bad)?;
    Date::new(
        i16::try_from(d.year).map_err(|_| bad())?,
        i8::try_from(d.month).map_err(|_| bad())?,
        i8::try_from(d.day).map_err(|_| bad())?,
    )
    .map_err(|_| bad())
}

/// The embedded TOML → the table: a date is a working day when it is an
/// adjusted working day, or Monday to Friday outside every holiday clause.
fn parse(text: &str) -> Result<Table, String> {
    let file: File = toml::from_str(text)
        .map_err(|e| format!("the cn-mainland calendar data is broken: {e}"))?;
    let mut off = Vec::new();
    let mut work = Vec::new();
    for clause in file.year.iter().flat_map(|y| &y.holidays) {
        let (from, until) = (civil(&clause.from)?, civil(&clause.until)?);
        let mut d = from;
        while d <= until {
            off.push(d);
            d = d.tomorrow().map_err(|e| e.to_string())?;
        }
        for w in &clause.workdays {
            work.push(civil(w)?);
        }
    }
    off.sort_unstable();
    work.sort_unstable();
    let years = file.year.iter().map(|y| y.year);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        return Err("the cn-mainland calendar data has no year".into());
    };
    let first = Date::new(first, 1, 1).map_err(|e| e.to_string())?;
    let last = Date::new(last, 12, 31).map_err(|e| e.to_string())?;
    let mut cum = Vec::new();
    let mut count: u32 = 0;
    let mut d = first;
    while d <= last {
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        let working =
            work.binary_search(&d).is_ok() || (!weekend && off.binary_search(&d).is_err());
        if working {
            count = count.saturating_add(1);
        }
        cum.push(count);
        d = d.tomorrow().map_err(|e| e.to_string())?;
    }
    Ok(Table { first, last, cum })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn cn_mainland_around_national_day_2024() {
        let c = Calendar::CnMainland;
        assert_eq!(
            c.add_working_days(date(2024, 9, 30), 1),
            Ok(date(2024, 10, 8))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 8), -1),
            Ok(date(2024, 9, 30))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 3), 0),
            Ok(date(2024, 10, 3))
        );
        // Saturday 12 October 2024 was worked
        assert_eq!(c.is_working_day(date(2024, 10, 12)), Ok(true));
        assert_eq!(
            c.working_days_between(date(2024, 9, 30), date(2024, 10, 8)),
            Ok(1)
        );
        assert_eq!(
            c.working_days_between(date(2024, 10, 8), date(2024, 9, 30)),
            Ok(-1)
        );
    }

    #[test]
    fn cn_mainland_outside_the_years_names_them() {
        let c = Calendar::CnMainland;
        assert_eq!(
            c.add_working_days(date(2027, 1, 4), 1),
            Err(CalendarError::OutsideYears {
                calendar: c,
                what: Shift::Date(date(2027, 1, 4))
            })
        );
        assert_eq!(
            c.add_working_days(date(2027, 1, 4), 1)
                .map_err(|e| e.text().english().to_string()),
            Err("the cn-mainland calendar covers 2008 to 2026; 2027-01-04 is outside it".into())
        );
        assert!(c.add_working_days(date(2026, 12, 20), 30).is_err());
        assert!(c.add_working_days(date(2008, 1, 2), -5).is_err());
        assert!(
            c.working_days_between(date(2007, 12, 31), date(2008, 1, 3))
                .is_err()
        );
    }

    #[test]
    fn weekdays_count_monday_to_friday() {
        let c = Calendar::Weekdays;
        // Friday 2024-10-04 + 1 is Monday 2024-10-07
        assert_eq!(
            c.add_working_days(date(2024, 10, 4), 1),
            Ok(date(2024, 10, 7))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 5), 1),
            Ok(date(2024, 10, 7))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 7), -1),
            Ok(date(2024, 10, 4))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 6), -1),
            Ok(date(2024, 10, 4))
        );
        assert_eq!(
            c.add_working_days(date(2024, 10, 1), 10),
            Ok(date(2024, 10, 15))
        );
        assert_eq!(
            c.working_days_between(date(2024, 10, 4), date(2024, 10, 7)),
            Ok(1)
        );
        assert_eq!(
            c.working_days_between(date(1969, 12, 26), date(1970, 1, 5)),
            Ok(6)
        );
        // stepping agrees with the arithmetic over a range of starts and counts
        let mut d = date(1969, 12, 1);
        for _ in 0..60 {
            for n in -12i64..=12 {
                let mut step = d;
                let mut left = n;
                while left != 0 {
                    step = if n > 0 {
                        step.tomorrow().unwrap()
                    } else {
                        step.yesterday().unwrap()
                    };
                    if c.is_working_day(step).unwrap() {
                        left -= n.signum();
                    }
                }
                assert_eq!(c.add_working_days(d, n), Ok(step), "{d} {n}");
            }
            d = d.tomorrow().unwrap();
        }
    }
}
