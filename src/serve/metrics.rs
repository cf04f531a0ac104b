//! Prometheus text for `GET /metrics`, counted with atomics and two small
//! maps: requests by route and status, a latency histogram, cases
//! evaluated, errors by code, reloads by rulebook and result.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The upper bounds of the latency buckets, in seconds.
pub const BUCKETS: [f64; 14] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    /// By route, then status (looked up by `&str`: nothing is allocated
    /// per request).
    requests: Mutex<BTreeMap<String, BTreeMap<u16, u64>>>,
    /// Requests by the first bucket they fall in (not cumulative: one
    /// atomic add per request; [`Metrics::render`] sums them).
    buckets: [AtomicU64; BUCKETS.len()],
    latency_count: AtomicU64,
    latency_micros: AtomicU64,
    in_flight: AtomicU64,
    cases: AtomicU64,
    errors: Mutex<BTreeMap<String, u64>>,
    reloads: Mutex<BTreeMap<(String, &'static str), u64>>,
}

impl Metrics {
    /// A request has started.
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request was answered (its head sent) after `took`.
    pub fn answered(&self, route: &str, status: u16, took: Duration, codes: &[String]) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        {
            let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            match requests.get_mut(route) {
                Some(statuses) => *statuses.entry(status).or_insert(0) += 1,
                None => {
                    requests.insert(route.to_string(), BTreeMap::from([(status, 1)]));
                }
            }
        }
        // one bucket counted (the cumulative counts are summed when rendered)
        let secs = took.as_secs_f64();
        if let Some(n) = BUCKETS
            .iter()
            .position(|bound| secs <= *bound)
            .and_then(|i| self.buckets.get(i))
        {
            n.fetch_add(1, Ordering::Relaxed);
        }
        self.latency_count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.latency_micros.fetch_add(micros, Ordering::Relaxed);
        if !codes.is_empty() {
            let mut errors = self.errors.lock().unwrap_or_else(|p| p.into_inner());
            for code in codes {
                *errors.entry(code.clone()).or_insert(0) += 1;
            }
        }
    }

    /// `n` cases were evaluated (one per eval, explain or ask; one per batch line).
    pub fn evaluated(&self, n: u64) {
        self.cases.fetch_add(n, Ordering::Relaxed);
    }

    /// A rulebook was reloaded (`ok`) or failed to reload (`failed`).
    pub fn reloaded(&self, id: &str, result: &'static str) {
        let mut reloads = self.reloads.lock().unwrap_or_else(|p| p.into_inner());
        *reloads.entry((id.to_string(), result)).or_insert(0) += 1;
    }

    /// The Prometheus text exposition (version 0.0.4).
    pub fn render(&self) -> String {
        let mut s = String::new();
        s.push_str(
            "# HELP redress_http_requests_total HTTP requests answered, by route and status.\n",
        );
        s.push_str("# TYPE redress_http_requests_total counter\n");
        for (route, statuses) in self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            for (status, n) in statuses {
                let _ = writeln!(
                    s,
                    "redress_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                    label(route)
                );
            }
        }
        s.push_str("# HELP redress_http_request_duration_seconds Time to answer a request (to the response head).\n");
        s.push_str("# TYPE redress_http_request_duration_seconds histogram\n");
        // the count before the buckets', so that no bucket shows more than it
        let count = self.latency_count.load(Ordering::Relaxed);
        let mut below = 0;
        for (bound, n) in BUCKETS.iter().zip(&self.buckets) {
            below += n.load(Ordering::Relaxed);
            let _ = writeln!(
                s,
                "redress_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                below.min(count)
            );
        }
        let _ = writeln!(
            s,
            "redress_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let micros = self.latency_micros.load(Ordering::Relaxed);
        let _ = writeln!(
            s,
            "redress_http_request_duration_seconds_sum {}.{:06}",
            micros / 1_000_000,
            micros % 1_000_000
        );
        let _ = writeln!(s, "redress_http_request_duration_seconds_count {count}");
        s.push_str("# HELP redress_http_requests_in_flight Requests being answered now.\n");
        s.push_str("# TYPE redress_http_requests_in_flight gauge\n");
        let _ = writeln!(
            s,
            "redress_http_requests_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        s.push_str("# HELP redress_cases_evaluated_total Cases evaluated (eval, batch lines, explain, ask).\n");
        s.push_str("# TYPE redress_cases_evaluated_total counter\n");
        let _ = writeln!(
            s,
            "redress_cases_evaluated_total {}",
            self.cases.load(Ordering::Relaxed)
        );
        s.push_str("# HELP redress_errors_total Error answers by code: the server's own (serve::…) and the diagnostics they carry (redress::…).\n");
        s.push_str("# TYPE redress_errors_total counter\n");
        for (code, n) in self.errors.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = writeln!(s, "redress_errors_total{{code=\"{}\"}} {n}", label(code));
        }
        s.push_str("# HELP redress_rulebook_reloads_total Reloads under --watch, by rulebook and result.\n");
        s.push_str("# TYPE redress_rulebook_reloads_total counter\n");
        for ((id, result), n) in self
            .reloads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                s,
                "redress_rulebook_reloads_total{{rulebook=\"{}\",result=\"{result}\"}} {n}",
                label(id)
            );
        }
        s
    }
}

/// A label value escaped as the exposition format wants.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each request is counted in one bucket; the text shows them
    /// cumulative, as Prometheus wants: a bucket counts every request at or
    /// under its bound, `+Inf` all of them.
    #[test]
    fn the_latency_histogram_is_cumulative() {
        let metrics = Metrics::default();
        for micros in [50, 100, 3_000, 5_000, 7_000_000] {
            metrics.started();
            metrics.answered("/r", 200, Duration::from_micros(micros), &[]);
        }
        let text = metrics.render();
        let bucket = |le: &str| {
            let start = format!("redress_http_request_duration_seconds_bucket{{le=\"{le}\"}} ");
            text.lines()
                .find_map(|l| l.strip_prefix(start.as_str()))
                .unwrap_or_else(|| panic!("no bucket {le} in\n{text}"))
                .to_string()
        };
        let counts: Vec<String> = ["0.0001", "0.00025", "0.0025", "0.005", "0.01", "5", "+Inf"]
            .iter()
            .map(|le| bucket(le))
            .collect();
        assert_eq!(counts, ["2", "2", "2", "4", "4", "4", "5"]);
        assert!(
            text.lines()
                .any(|l| l == "redress_http_request_duration_seconds_count 5")
        );
        assert!(
            text.lines()
                .any(|l| l == "redress_http_request_duration_seconds_sum 7.008150")
        );
    }
}
