//! `calendars/cn-mainland.toml`: the PRC working-day calendar as data (issue 13).
//! Read with the `toml` crate and checked against what the law and the notices fix: every year
//! 2008–2026 once and in order, dates in their notice's year (the New Year clause may start in the
//! December before), clauses that do not overlap, adjusted working days on weekends only, each
//! festival's clause holding its statutory days, and the days off balancing the statutory total.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday, date};
use serde::Deserialize;
use toml::value::Datetime;

const FILE: &str = "calendars/cn-mainland.toml";
const FIRST_YEAR: i16 = 2008;
const LAST_YEAR: i16 = 2026;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    year: Vec<Year>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Year {
    year: i16,
    notice: String,
    number: Option<String>,
    issued: Option<Datetime>,
    #[serde(default)]
    missing: Vec<String>,
    source: String,
    #[serde(default)]
    unverified: bool,
    holidays: Vec<Clause>,
    #[serde(default)]
    amendment: Vec<Amendment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clause {
    name: String,
    from: Datetime,
    until: Datetime,
    workdays: Vec<Datetime>,
    by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amendment {
    notice: String,
    number: String,
    issued: Datetime,
    source: String,
    adds_days: i64,
}

/// The seven festivals of 《全国年节及纪念日放假办法》.
const FESTIVALS: [&str; 7] = [
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];

/// One-off national days off granted by their own State Council notice.
const SPECIAL: [&str; 1] = ["中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"];

fn load() -> File {
    let text = std::fs::read_to_string(crate::root().join(FILE)).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{FILE}: {e}"))
}

/// A TOML local date (no time, no offset) as a civil date.
fn day(value: &Datetime) -> Date {
    assert!(
        value.time.is_none() && value.offset.is_none(),
        "{value} should be a plain date"
    );
    let d = value.date.unwrap();
    Date::new(
        i16::try_from(d.year).unwrap(),
        i8::try_from(d.month).unwrap(),
        i8::try_from(d.day).unwrap(),
    )
    .unwrap()
}

fn days(from: Date, until: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(from), move |d| {
        Some(d.tomorrow().unwrap()).filter(|next| *next <= until)
    })
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The calendar the data describes, as a consumer would read it.
struct Calendar {
    off: BTreeSet<Date>,
    work: BTreeSet<Date>,
}

impl Calendar {
    fn new(file: &File) -> Calendar {
        let mut off = BTreeSet::new();
        let mut work = BTreeSet::new();
        for clause in file.year.iter().flat_map(|y| &y.holidays) {
            off.extend(days(day(&clause.from), day(&clause.until)));
            work.extend(clause.workdays.iter().map(day));
        }
        Calendar { off, work }
    }

    /// Whether `d` is a working day; a date outside the years covered is an error naming them.
    fn is_working_day(&self, d: Date) -> Result<bool, String> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
            return Err(format!(
                "{d} is outside the calendar cn-mainland, which covers {FIRST_YEAR} to {LAST_YEAR}"
            ));
        }
        Ok(self.work.contains(&d) || (!is_weekend(d) && !self.off.contains(&d)))
    }
}

/// A month and a day.
type MonthDay = (i8, i8);

/// The Gregorian dates of the lunar festivals and of Qingming, by year: (year, 正月初一, 清明,
/// 端午, 中秋). Computed with the `borax` lunar calendar (4.1.3) and matching the days the notices
/// name (e.g. 2008's "6月8日（农历五月初五，端午节）", 2025's "1月28日（农历除夕）").
const LUNAR: [(i16, MonthDay, MonthDay, MonthDay, MonthDay); 19] = [
    (2008, (2, 7), (4, 4), (6, 8), (9, 14)),
    (2009, (1, 26), (4, 4), (5, 28), (10, 3)),
    (2010, (2, 14), (4, 5), (6, 16), (9, 22)),
    (2011, (2, 3), (4, 5), (6, 6), (9, 12)),
    (2012, (1, 23), (4, 4), (6, 23), (9, 30)),
    (2013, (2, 10), (4, 4), (6, 12), (9, 19)),
    (2014, (1, 31), (4, 5), (6, 2), (9, 8)),
    (2015, (2, 19), (4, 5), (6, 20), (9, 27)),
    (2016, (2, 8), (4, 4), (6, 9), (9, 15)),
    (2017, (1, 28), (4, 4), (5, 30), (10, 4)),
    (2018, (2, 16), (4, 5), (6, 18), (9, 24)),
    (2019, (2, 5), (4, 5), (6, 7), (9, 13)),
    (2020, (1, 25), (4, 4), (6, 25), (10, 1)),
    (2021, (2, 12), (4, 4), (6, 14), (9, 21)),
    (2022, (2, 1), (4, 5), (6, 3), (9, 10)),
    (2023, (1, 22), (4, 5), (6, 22), (9, 29)),
    (2024, (2, 10), (4, 4), (6, 10), (9, 17)),
    (2025, (1, 29), (4, 4), (5, 31), (10, 6)),
    (2026, (2, 17), (4, 5), (6, 19), (9, 25)),
];

/// The statutory holidays of a year, by festival, under the revision of 《全国年节及纪念日放假办法》
/// in force: 2007 (from 2008: 春节 is 除夕 to 初二), 2013 (from 2014: 初一 to 初三) and 2024 (from
/// 2025: 除夕 to 初三, and 5月1日–2日).
fn statutory(year: i16) -> Vec<(&'static str, Vec<Date>)> {
    let &(_, ny, qm, db, zq) = LUNAR.iter().find(|l| l.0 == year).unwrap();
    let on = |(m, d): MonthDay| date(year, m, d);
    let new_year = on(ny);
    let eve = new_year.yesterday().unwrap();
    let lunar_days = |n: i32| {
        days(
            new_year,
            new_year.checked_add(jiff::Span::new().days(n - 1)).unwrap(),
        )
    };
    let spring: Vec<Date> = match year {
        ..=2013 => std::iter::once(eve).chain(lunar_days(2)).collect(),
        2014..=2024 => lunar_days(3).collect(),
        _ => std::iter::once(eve).chain(lunar_days(3)).collect(),
    };
    let may_day = if year >= 2025 {
        vec![date(year, 5, 1), date(year, 5, 2)]
    } else {
        vec![date(year, 5, 1)]
    };
    vec![
        ("元旦", vec![date(year, 1, 1)]),
        ("春节", spring),
        ("清明节", vec![on(qm)]),
        ("劳动节", may_day),
        ("端午节", vec![on(db)]),
        ("中秋节", vec![on(zq)]),
        (
            "国庆节",
            days(date(year, 10, 1), date(year, 10, 3)).collect(),
        ),
    ]
}

#[test]
fn cn_mainland_calendar_has_each_year_2008_to_2026_once_in_order() {
    let file = load();
    let years: Vec<i16> = file.year.iter().map(|y| y.year).collect();
    let expected: Vec<i16> = (FIRST_YEAR..=LAST_YEAR).collect();
    assert_eq!(years, expected, "{FILE}: years");
    for year in &file.year {
        assert!(
            !year.unverified,
            "{}: marked unverified; every year was checked against a published source",
            year.year
        );
    }
}

#[test]
fn cn_mainland_calendar_cites_each_years_notice_and_sources() {
    for year in load().year {
        let y = year.year;
        assert_eq!(
            year.notice,
            format!("国务院办公厅关于{y}年部分节假日安排的通知"),
            "{y}: notice title"
        );
        assert!(!year.source.trim().is_empty(), "{y}: source");
        for field in &year.missing {
            assert!(
                ["number", "issued"].contains(&field.as_str()),
                "{y}: missing names {field:?}"
            );
        }
        let missing = |f: &str| year.missing.iter().any(|m| m == f);
        assert_eq!(
            year.number.is_none(),
            missing("number"),
            "{y}: number or missing"
        );
        assert_eq!(
            year.issued.is_none(),
            missing("issued"),
            "{y}: issued or missing"
        );
        // issued in the year before the one it arranges, and numbered in that year's series
        if let Some(number) = &year.number {
            let series = format!("国办发明电〔{}〕", y - 1);
            let rest = number
                .strip_prefix(&series)
                .unwrap_or_else(|| panic!("{y}: {number}"));
            let n = rest
                .strip_suffix('号')
                .unwrap_or_else(|| panic!("{y}: {number}"));
            assert!(n.parse::<u32>().is_ok(), "{y}: {number}");
        }
        if let Some(issued) = &year.issued {
            assert_eq!(day(issued).year(), y - 1, "{y}: issued {issued}");
        }
        for amendment in &year.amendment {
            let issued = day(&amendment.issued);
            assert!(
                issued.year() == y || issued.year() == y - 1,
                "{y}: amendment issued {issued}"
            );
            assert!(
                amendment.notice.starts_with("国务院"),
                "{y}: {}",
                amendment.notice
            );
            assert!(!amendment.source.trim().is_empty(), "{y}: amendment source");
            assert!(amendment.adds_days >= 0, "{y}: adds_days");
        }
        for clause in &year.holidays {
            if let Some(by) = &clause.by {
                assert!(
                    year.amendment.iter().any(|a| &a.number == by),
                    "{y}: {} comes from {by}, which is no amendment of the year",
                    clause.name
                );
            }
        }
    }
}

/// Each date lies in its notice's year; only the New Year clause (its days off and its working
/// Saturday) may reach into the December before, as the 2008, 2012, 2019 and 2023 notices do.
#[test]
fn cn_mainland_calendar_dates_lie_in_their_notices_year() {
    for year in load().year {
        let y = year.year;
        for clause in &year.holidays {
            let (from, until) = (day(&clause.from), day(&clause.until));
            assert!(from <= until, "{y} {}: {from} after {until}", clause.name);
            assert_eq!(until.year(), y, "{y} {}: until {until}", clause.name);
            let new_year = clause.name == "元旦";
            let allowed =
                |d: Date| d.year() == y || (new_year && d.year() == y - 1 && d.month() == 12);
            assert!(allowed(from), "{y} {}: from {from}", clause.name);
            for w in clause.workdays.iter().map(day) {
                assert!(allowed(w), "{y} {}: working day {w}", clause.name);
            }
        }
    }
}

#[test]
fn cn_mainland_calendar_holiday_periods_do_not_overlap() {
    let mut periods: Vec<(Date, Date, String)> = load()
        .year
        .iter()
        .flat_map(|y| {
            y.holidays.iter().map(move |c| {
                (
                    day(&c.from),
                    day(&c.until),
                    format!("{} {}", y.year, c.name),
                )
            })
        })
        .collect();
    periods.sort();
    for pair in periods.windows(2) {
        let ((_, until, a), (from, _, b)) = (&pair[0], &pair[1]);
        assert!(
            until < from,
            "{a} (until {until}) overlaps {b} (from {from})"
        );
    }
}

#[test]
fn cn_mainland_calendar_adjusted_working_days_are_weekend_days_outside_every_holiday() {
    let file = load();
    let calendar = Calendar::new(&file);
    let mut seen = BTreeSet::new();
    for year in &file.year {
        for clause in &year.holidays {
            for w in clause.workdays.iter().map(day) {
                assert!(
                    is_weekend(w),
                    "{} {}: {w} is a {:?}, not a weekend day",
                    year.year,
                    clause.name,
                    w.weekday()
                );
                assert!(
                    !calendar.off.contains(&w),
                    "{} {}: {w} is also a day off",
                    year.year,
                    clause.name
                );
                assert!(
                    seen.insert(w),
                    "{} {}: {w} listed twice",
                    year.year,
                    clause.name
                );
            }
        }
    }
}

/// Every year has one clause per festival (a clause may name two, "中秋节、国庆节"), and each
/// festival's clause holds its statutory days (a statutory day on a weekend is given back on a
/// working day, so it stays inside the clause).
#[test]
fn cn_mainland_calendar_each_festival_clause_holds_its_statutory_days() {
    for year in load().year {
        let y = year.year;
        for clause in &year.holidays {
            for name in clause.name.split('、') {
                assert!(
                    FESTIVALS.contains(&name) || SPECIAL.contains(&name),
                    "{y}: unknown festival {name:?}"
                );
            }
        }
        for (festival, statutory_days) in statutory(y) {
            let clauses: Vec<&Clause> = year
                .holidays
                .iter()
                .filter(|c| c.name.split('、').any(|n| n == festival))
                .collect();
            assert_eq!(clauses.len(), 1, "{y}: {festival} should have one clause");
            let clause = clauses[0];
            let (from, until) = (day(&clause.from), day(&clause.until));
            for d in statutory_days {
                assert!(
                    from <= d && d <= until,
                    "{y}: {festival}'s statutory day {d} is outside its clause {from}..{until}"
                );
            }
        }
    }
}

/// The 调休 scheme moves days, it does not make them: in each year, the weekdays off minus the
/// weekend days worked equal the statutory holidays (11 until 2024, 13 from 2025, counting a
/// festival that falls on another festival's day separately, as 2020's 中秋/国庆 shows) plus the
/// days later notices added (`adds_days`: 2015's anniversary, 2020's extension).
#[test]
fn cn_mainland_calendar_days_off_balance_the_statutory_holidays() {
    for year in load().year {
        let y = year.year;
        let weekdays_off: i64 = year
            .holidays
            .iter()
            .flat_map(|c| days(day(&c.from), day(&c.until)))
            .filter(|d| !is_weekend(*d))
            .count()
            .try_into()
            .unwrap();
        let weekends_worked: i64 = year
            .holidays
            .iter()
            .map(|c| c.workdays.len())
            .sum::<usize>()
            .try_into()
            .unwrap();
        let statutory_total: i64 = statutory(y)
            .iter()
            .map(|(_, d)| d.len())
            .sum::<usize>()
            .try_into()
            .unwrap();
        assert_eq!(
            statutory_total,
            if y >= 2025 { 13 } else { 11 },
            "{y}: the law's total"
        );
        let added: i64 = year.amendment.iter().map(|a| a.adds_days).sum();
        assert_eq!(
            weekdays_off - weekends_worked,
            statutory_total + added,
            "{y}: {weekdays_off} weekdays off, {weekends_worked} weekend days worked"
        );
    }
}

#[test]
fn cn_mainland_calendar_famous_dates() {
    let calendar = Calendar::new(&load());
    let working = |y, m, d| calendar.is_working_day(date(y, m, d)).unwrap();
    // 2020: the extension of Spring Festival (国办发明电〔2020〕1号) is in the data: Friday 31
    // January off, Saturday 1 February no longer worked, Monday 3 February back at work
    assert!(!working(2020, 1, 31));
    assert!(!working(2020, 2, 1));
    assert!(working(2020, 2, 3));
    assert!(working(2020, 1, 19));
    // 2019: May Day as amended in March (国办发明电〔2019〕3号)
    assert!(!working(2019, 5, 2) && !working(2019, 5, 3));
    assert!(working(2019, 4, 28) && working(2019, 5, 5));
    // 2015: the 70th anniversary of the victory, 3 September, with Sunday 6 September worked
    assert!(!working(2015, 9, 3) && !working(2015, 9, 4));
    assert!(working(2015, 9, 6));
    // 除夕: a holiday until 2013, a working day 2014–2024, a holiday again from 2025
    assert!(!working(2013, 2, 9));
    assert!(working(2014, 1, 30));
    assert!(working(2024, 2, 9));
    assert!(!working(2025, 1, 28));
    // 2008, the first Dragon Boat holiday: Sunday 8 June given back on Monday 9 June
    assert!(!working(2008, 6, 9));
    // New Year clauses reaching into December: a working Saturday in 2011, days off in 2018
    assert!(working(2011, 12, 31));
    assert!(!working(2018, 12, 31));
    assert!(working(2018, 12, 29));
    // 2026: a nine-day Spring Festival between two working Saturdays
    assert!(working(2026, 2, 14) && !working(2026, 2, 23) && working(2026, 2, 28));
    // outside the data: an error naming the years covered, never a guess
    for outside in [date(2007, 12, 31), date(2027, 1, 4)] {
        let error = calendar.is_working_day(outside).unwrap_err();
        assert!(error.contains("covers 2008 to 2026"), "{error}");
    }
}

/// Working days per year, as the data gives them. When written, every day from 2007-12-29 to
/// 2026-12-31 agreed with holiday-cn and with chinese-calendar; a change here changes deadlines.
#[test]
fn cn_mainland_calendar_working_days_per_year() {
    let calendar = Calendar::new(&load());
    let counts: Vec<(i16, usize)> = (FIRST_YEAR..=LAST_YEAR)
        .map(|y| {
            let n = days(date(y, 1, 1), date(y, 12, 31))
                .filter(|d| calendar.is_working_day(*d).unwrap())
                .count();
            (y, n)
        })
        .collect();
    assert_eq!(
        counts,
        [
            (2008, 251),
            (2009, 250),
            (2010, 250),
            (2011, 250),
            (2012, 249),
            (2013, 250),
            (2014, 250),
            (2015, 249),
            (2016, 250),
            (2017, 249),
            (2018, 250),
            (2019, 250),
            (2020, 249),
            (2021, 250),
            (2022, 249),
            (2023, 249),
            (2024, 251),
            (2025, 248),
            (2026, 248),
        ]
    );
}

/// The language's calendar (`redress::calendar`, the embedded copy of the data) agrees with this
/// file's reading of it on every day from 2008 to 2026, and fails outside those years.
#[test]
fn cn_mainland_calendar_is_what_the_language_reads() {
    let calendar = Calendar::new(&load());
    let language = redress::calendar::Calendar::CnMainland;
    for d in days(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)) {
        assert_eq!(
            language.is_working_day(d).ok(),
            calendar.is_working_day(d).ok(),
            "{d}"
        );
    }
    for outside in [date(2007, 12, 31), date(2027, 1, 1)] {
        let error = language.is_working_day(outside).unwrap_err().text();
        assert!(error.english().contains("covers 2008 to 2026"), "{error:?}");
        assert!(error.render("zh").contains("2008"), "{error:?}");
    }
}
