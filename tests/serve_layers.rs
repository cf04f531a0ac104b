//! `redress serve`'s own layers and body reading, as written for the
//! tail latency (issue 17): a body that arrives in pieces is still read
//! whole (the timer is armed only then), an answer keeps its
//! `Content-Length` through the concurrency limit's body, and the latency
//! histogram is cumulative. The real binary on a loopback port, with a
//! watchdog (tests/serve.rs's `Server`).

use std::io::Write as _;
use std::net::TcpStream;
use std::time::Duration;

use crate::serve::{EXAMPLE, Server, read, read_full};
use crate::support::{WATCHDOG, redress};

/// A one-case eval whose body comes in two pieces, 200 ms apart, is
/// answered with what `eval --format json` prints, as is the same body
/// sent at once; both answers have a `Content-Length`, not chunks.
#[test]
fn a_body_in_pieces_is_read_whole_and_answers_keep_their_length() {
    let case = read("rulebooks/example/cases/fraud.json");
    let cli = redress(
        &[
            "eval",
            EXAMPLE,
            "rulebooks/example/cases/fraud.json",
            "--format",
            "json",
        ],
        None,
    );
    let server = Server::start(&[EXAMPLE]);
    let head = format!(
        "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        case.len()
    );
    let (first, rest) = case.as_bytes().split_at(case.len() / 2);
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(WATCHDOG)).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(first).unwrap();
    s.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    s.write_all(rest).unwrap();
    let (status, pieces_head, pieces) = read_full(s);
    assert_eq!((status, pieces.as_str()), (200, cli.stdout.as_str()));

    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(WATCHDOG)).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(case.as_bytes()).unwrap();
    let (status, whole_head, whole) = read_full(s);
    assert_eq!((status, whole.as_str()), (200, cli.stdout.as_str()));

    for head in [pieces_head, whole_head] {
        let head = head.to_ascii_lowercase();
        assert!(
            head.contains(&format!("content-length: {}", cli.stdout.len())),
            "{head}"
        );
        assert!(!head.contains("transfer-encoding"), "{head}");
    }
}

/// After requests of every kind, the histogram's buckets never decrease,
/// and the last (`+Inf`) is the count of requests timed.
#[test]
fn the_latency_histogram_is_cumulative() {
    let server = Server::start(&[EXAMPLE]);
    let case = read("rulebooks/example/cases/fraud.json");
    for _ in 0..20 {
        assert_eq!(server.post("/v1/rulebooks/example/eval", &case).0, 200);
    }
    assert_eq!(server.post("/v1/rulebooks/example/eval", "[").0, 422);
    assert_eq!(server.get("/nowhere").0, 404);
    let (_, metrics) = server.get("/metrics");
    let buckets: Vec<u64> = metrics
        .lines()
        .filter_map(|l| l.strip_prefix("redress_http_request_duration_seconds_bucket{"))
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(buckets.len(), 15, "{metrics}");
    assert!(buckets.windows(2).all(|w| w[0] <= w[1]), "{metrics}");
    // the 22 requests above (the one for /metrics is timed once answered)
    assert_eq!(buckets.last(), Some(&22), "{metrics}");
    assert!(
        metrics
            .lines()
            .any(|l| l == "redress_http_request_duration_seconds_count 22"),
        "{metrics}"
    );
}
