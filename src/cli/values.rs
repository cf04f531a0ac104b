//! The value parsers of the typed options (`--as-of`, `--jobs`, `serve
//! --addr`, `--timeout`, `--min-coverage`, …): what they accept is what the
//! standard and jiff parsers accept, and a value they refuse is said in the
//! catalogue's words (section `## cli (2)`), in the command line's
//! language, saying what form is expected (`日期应为 YYYY-MM-DD，例如
//! 2026-03-01`), never the other crate's English. clap puts the message
//! after the option and the value: `invalid value 'x' for '--jobs <N>':
//! MESSAGE`.

use std::net::{IpAddr, SocketAddr};
use std::num::IntErrorKind;
use std::time::Duration;

use jiff::civil::Date;
use redress::diagnostic::grouped;

use super::words::{say, words};

/// A date, `YYYY-MM-DD` (or any other form jiff reads, as before).
pub(crate) fn date(s: &str) -> Result<Date, String> {
    if let Ok(d) = s.parse::<Date>() {
        return Ok(d);
    }
    Err(why_not_a_date(s))
}

fn why_not_a_date(s: &str) -> String {
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if digits(y, 4) && digits(m, 2) && digits(d, 2) {
            let month: i8 = m.parse().unwrap_or(0);
            let year: i16 = y.parse().unwrap_or(0);
            if !(1..=12).contains(&month) {
                return say("cli-value-month", &[("month", m)]);
            }
            if let Ok(first) = Date::new(year, month, 1) {
                let days = first.days_in_month().to_string();
                return say(
                    "cli-value-day",
                    &[
                        ("year", &year.to_string()),
                        ("month", &month.to_string()),
                        ("days", &days),
                    ],
                );
            }
        }
    }
    // `2026/3/1`, `2026-3-1`: the grammar's reading of a malformed date
    // names the date meant
    if let Some(bad) = redress::syntax::malformed_date(s) {
        if let (true, Some(meant)) = (bad.len == s.len(), &bad.meant) {
            return say("cli-value-date-meant", &[("date", meant)]);
        }
    }
    say("cli-value-date", &[])
}

/// A number of seconds greater than 0 (`0.5`, `30`).
#[cfg_attr(not(feature = "serve"), allow(dead_code, reason = "`serve`'s options"))]
pub(crate) fn seconds(s: &str) -> Result<Duration, String> {
    s.parse::<f64>()
        .ok()
        .and_then(|n| Duration::try_from_secs_f64(n).ok())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| say("cli-value-seconds", &[]))
}

/// A percentage from 0 to 100.
pub(crate) fn percent(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|p| (0.0..=100.0).contains(p))
        .ok_or_else(|| say("cli-value-percent", &[]))
}

/// An IP address and a port (`127.0.0.1:8080`, `[::1]:8080`).
#[cfg_attr(not(feature = "serve"), allow(dead_code, reason = "`serve`'s options"))]
pub(crate) fn address(s: &str) -> Result<SocketAddr, String> {
    if let Ok(a) = s.parse::<SocketAddr>() {
        return Ok(a);
    }
    // a port out of range after a good address
    if let Some((host, port)) = s.rsplit_once(':') {
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        let port_is_number = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
        if port_is_number && host.parse::<IpAddr>().is_ok() {
            return Err(say("cli-value-port", &[]));
        }
    }
    Err(say("cli-value-address", &[]))
}

/// A whole number from 1 to 65,535 (`eval --jobs`).
pub(crate) fn jobs(s: &str) -> Result<u16, String> {
    let n = whole_in(s, 1, u64::from(u16::MAX))?;
    u16::try_from(n).map_err(|_| range(1, u64::from(u16::MAX)))
}

/// A whole number from 1 to 4,294,967,295 (`serve --max-concurrency`).
#[cfg_attr(not(feature = "serve"), allow(dead_code, reason = "`serve`'s options"))]
pub(crate) fn positive_u32(s: &str) -> Result<u32, String> {
    let n = whole_in(s, 1, u64::from(u32::MAX))?;
    u32::try_from(n).map_err(|_| range(1, u64::from(u32::MAX)))
}

/// A whole number of 0 or more (`serve --max-body`, `diff --max-cases`).
pub(crate) fn count(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) => Ok(n),
        Err(e) if *e.kind() == IntErrorKind::PosOverflow => {
            Err(say("cli-value-too-large", &[("max", &grouped(usize::MAX))]))
        }
        Err(_) => Err(say("cli-value-whole-from", &[("min", "0")])),
    }
}

fn whole_in(s: &str, min: u64, max: u64) -> Result<u64, String> {
    s.parse::<u64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| range(min, max))
}

fn range(min: u64, max: u64) -> String {
    let group = |n: u64| grouped(usize::try_from(n).unwrap_or(usize::MAX));
    words().text(
        "cli-value-whole",
        &[("min", &group(min)), ("max", &group(max))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_accepted_still_is() {
        assert_eq!(
            date("2026-03-01").map(|d| d.to_string()),
            Ok("2026-03-01".into())
        );
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(percent("100"), Ok(100.0));
        assert_eq!(address("[::1]:0").map(|a| a.port()), Ok(0));
        assert_eq!(
            (jobs("65535"), positive_u32("1"), count("0")),
            (Ok(65535), Ok(1), Ok(0))
        );
    }

    #[test]
    fn each_mistake_says_what_is_expected() {
        super::super::words::set_language("en");
        let no = |r: Result<String, String>| r.err().unwrap_or_default();
        let date = |s| no(date(s).map(|d| d.to_string()));
        assert_eq!(date("2026-02-30"), "month 2 of 2026 has days 1 to 28");
        assert_eq!(date("2024-02-30"), "month 2 of 2024 has days 1 to 29");
        assert_eq!(
            date("2026-13-01"),
            "there is no month 13: a month is 01 to 12"
        );
        assert_eq!(
            date("2026/3/1"),
            "expected a date as YYYY-MM-DD: did you mean 2026-03-01?"
        );
        assert_eq!(
            date("tomorrow"),
            "expected a date as YYYY-MM-DD, e.g. 2026-03-01"
        );
        let addr = |s| no(address(s).map(|a| a.to_string()));
        assert!(addr("127.0.0.1:99999").contains("0 to 65535"));
        assert!(addr("localhost:8080").contains("IP address"));
        assert!(no(seconds("0").map(|d| format!("{d:?}"))).contains("greater than 0"));
        assert!(no(jobs("0").map(|n| n.to_string())).contains("1 to 65,535"));
        assert!(no(count("99999999999999999999").map(|n| n.to_string())).contains("at most"));
    }
}
