//! Load test of `redress serve` (issue 17), on loopback only: requests per
//! second and p50/p99 latency of one-case `POST /v1/rulebooks/{id}/eval` at
//! 1 and 100 concurrent keep-alive connections, on the generated 100-rule
//! rulebook (benches/generator), and the server's resident memory before
//! and after many requests. Bounded in count and time: each phase stops at
//! its request count or its time limit, whichever comes first.
//!
//! `cargo bench --bench serve_load` (release build of the server and of this
//! client). Environment: `REDRESS_LOAD_SECONDS` (each latency phase, default
//! 10), `REDRESS_LOAD_REQUESTS` (the memory phase, default 1,000,000),
//! `REDRESS_LOAD_MEMORY_SECONDS` (its time limit, default 300),
//! `REDRESS_LOAD_SERVER` (another `redress` binary to load, to compare two
//! builds under the same client), `REDRESS_LOAD_LAYOUTS` (`split,shared`,
//! the default, or one of them), `REDRESS_LOAD_RATES` (the offered rates of
//! the fixed-rate phases, default `20000`).
//!
//! Two kinds of phase. Closed: each connection sends its next request as
//! soon as the answer to the last one is read, so the server runs at its
//! limit and a latency is mostly the time a request waits in line there
//! (with 100 connections the mean is 100 / the rate). Fixed rate: the 100
//! connections together offer a given number of requests a second on a
//! schedule, as a service is loaded below its limit; a latency then counts
//! from the time the request was due whenever an earlier slow answer held
//! it back (wrk2's correction for "coordinated omission").
//!
//! Two layouts of the two programs on the machine's cores: `split` pins the
//! client to CPU 0 and starts the server pinned to the others (the usual
//! way to load-test on one machine: neither takes the other's core, and the
//! server's runtime, counting the cores it may use, runs one worker per
//! core it has), `shared` lets both run on every core. `taskset`
//! (util-linux) does the pinning. The last column is the share of the
//! cores' time the hypervisor gave to other guests during the phase
//! ("steal" in /proc/stat; 0 on a machine of its own).
//!
//! The client is a hand-written HTTP/1.1 client on a single-threaded tokio
//! runtime (one core's worth of work at most), so it takes as little of the
//! machine from the server as it can: the 1,000 requests are written once
//! and shared by the connections, and per request it makes one write and
//! as few reads as the answer takes, finds the end of the head by looking
//! only at the bytes just read, reads the status and `Content-Length`
//! without copying the head, and keeps one latency (a `Duration`). It
//! checks that every answer is a 200.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark binary: stopping on a broken setup is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

const RULES: usize = 100;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; any filter is ignored
    let dir = std::env::temp_dir().join(format!("redress-serve-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("gen100.rules");
    std::fs::write(&book, generator::rulebook(RULES, generator::SEED)).unwrap();
    let cases: Vec<String> = generator::cases(1_000, generator::MISSING, generator::SEED)
        .lines()
        .map(str::to_string)
        .collect();
    // another build of the server to compare with: REDRESS_LOAD_SERVER=path
    let bin: std::ffi::OsString = std::env::var_os("REDRESS_LOAD_SERVER")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_redress").into());
    let requests: Vec<Vec<u8>> = cases
        .iter()
        .map(|c| {
            format!(
                "POST /v1/rulebooks/gen100/eval HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{c}",
                c.len()
            )
            .into_bytes()
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let seconds = env("REDRESS_LOAD_SECONDS", 10);
    // the offered rates of the fixed-rate phases: REDRESS_LOAD_RATES=20000,30000
    let rates: Vec<f64> = std::env::var("REDRESS_LOAD_RATES")
        .unwrap_or_else(|_| "20000".into())
        .split(',')
        .filter(|r| !r.trim().is_empty())
        .map(|r| {
            r.trim()
                .replace('_', "")
                .parse()
                .expect("REDRESS_LOAD_RATES: numbers")
        })
        .collect();
    println!("# redress serve load test (issue 17)");
    println!();
    println!("- machine: {cores} cores{}", load_note());
    println!("- rulebook: the generated {RULES}-rule rulebook; 1,000 generated cases sent in turn");
    println!("- release build; loopback; keep-alive connections; each phase at most {seconds} s");
    println!(
        "- layouts: `split`: the load client on CPU 0 and the server on the other {} (the server's runtime then has one worker per core it may use); `shared`: both on all {cores} cores",
        cores.saturating_sub(1)
    );
    println!();
    println!("| layout | connections | requests | requests/s | p50 | p99 | max | stolen |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    // REDRESS_LOAD_LAYOUTS=split,shared (the default) or either alone
    let layouts = std::env::var("REDRESS_LOAD_LAYOUTS").unwrap_or_else(|_| "split,shared".into());
    let mut last = None;
    for layout in layouts.split(',') {
        let split = match layout {
            "split" if cores >= 2 => true,
            "split" => {
                println!("| split | (one core: not run) | | | | | | |");
                continue;
            }
            "shared" => false,
            other => panic!("REDRESS_LOAD_LAYOUTS: unknown layout {other:?}"),
        };
        // the client (this process's one thread) and the server's CPUs
        let (client_cpus, server_cpus) = if split {
            ("0".to_string(), format!("1-{}", cores - 1))
        } else {
            let all = format!("0-{}", cores - 1);
            (all.clone(), all)
        };
        pin(std::process::id(), &client_cpus);
        let (server, addr) = start(&bin, &book, &server_cpus);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            // warm up
            phase(
                &addr,
                &requests,
                10,
                5_000,
                Duration::from_secs(seconds),
                None,
            )
            .await;
            for connections in [1, 100] {
                let cpu = cpu_times();
                let r = phase(
                    &addr,
                    &requests,
                    connections,
                    u64::MAX,
                    Duration::from_secs(seconds),
                    None,
                )
                .await;
                row(layout, &connections.to_string(), &r, cpu);
            }
            // 100 connections offering a fixed rate, as a service is loaded
            // below its limit (the rows above are its limit)
            for &rate in &rates {
                let cpu = cpu_times();
                let r = phase(
                    &addr,
                    &requests,
                    100,
                    u64::MAX,
                    Duration::from_secs(seconds),
                    Some(rate),
                )
                .await;
                row(layout, &format!("100 at {rate:.0}/s"), &r, cpu);
            }
        });
        if let Some((mut old, _, _)) = last.replace((server, addr, runtime)) {
            let _ = old.kill();
            let _ = old.wait();
        }
    }
    // memory: the last layout's server, 100 connections
    let (mut server, addr, runtime) = last.expect("a layout ran");
    let pid = server.id();
    runtime.block_on(async {
        let total = env("REDRESS_LOAD_REQUESTS", 1_000_000);
        let limit = Duration::from_secs(env("REDRESS_LOAD_MEMORY_SECONDS", 300));
        // resident memory once warm (after the phases above), then after `total` more
        let before = rss_kib(pid);
        let r = phase(&addr, &requests, 100, total, limit, None).await;
        let after = rss_kib(pid);
        println!();
        println!(
            "Memory (resident set of the server, last layout): {before} KiB before, {after} KiB after {} more requests at 100 connections ({:.0} requests/s over {:.0} s){}.",
            r.count,
            r.count as f64 / r.elapsed.as_secs_f64(),
            r.elapsed.as_secs_f64(),
            if r.count < total {
                format!(", stopped by the {} s time limit", limit.as_secs())
            } else {
                String::new()
            }
        );
    });
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Let thread (or process) `tid` run on `cpus` only (`taskset`'s list form).
fn pin(tid: u32, cpus: &str) {
    let status = Command::new("taskset")
        .args(["-p", "-c", cpus, &tid.to_string()])
        .stdout(Stdio::null())
        .status()
        .expect("taskset (util-linux) runs");
    assert!(status.success(), "taskset -p -c {cpus} {tid}");
}

/// Start the server on `cpus` (it is started under `taskset`, so its
/// runtime counts the cores it may use): the process and its address.
fn start(
    bin: &std::ffi::OsStr,
    book: &std::path::Path,
    cpus: &str,
) -> (std::process::Child, String) {
    let mut server = Command::new("taskset")
        .args(["-c", cpus])
        .arg(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--log-level", "warn"])
        .args(["--max-concurrency", "10000"])
        .arg(book)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let addr = first
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .to_string();
    (server, addr)
}

fn load_note() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let one = load.split(' ').next().unwrap_or("?");
    format!(" (load average {one} when the run started)")
}

/// The machine's CPU time so far (all cores, in clock ticks): the total,
/// and the part the hypervisor gave to other guests ("steal", /proc/stat).
fn cpu_times() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let fields: Vec<u64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .take(8) // user … steal; guest time is counted in user already
        .filter_map(|f| f.parse().ok())
        .collect();
    (fields.iter().sum(), fields.get(7).copied().unwrap_or(0))
}

/// The share of the cores' time stolen by the hypervisor between two
/// readings of [`cpu_times`]: time neither the client nor the server had.
fn stolen(before: (u64, u64), after: (u64, u64)) -> String {
    let total = after.0.saturating_sub(before.0);
    if total == 0 {
        return "?".into();
    }
    format!(
        "{:.1} %",
        after.1.saturating_sub(before.1) as f64 * 100.0 / total as f64
    )
}

/// A row of the table: the phase's requests, rate and latencies, and the
/// share of the cores stolen since `cpu` was read.
fn row(layout: &str, connections: &str, r: &Phase, cpu: (u64, u64)) {
    println!(
        "| {layout} | {connections} | {} | {:.0} | {} | {} | {} | {} |",
        r.count,
        r.count as f64 / r.elapsed.as_secs_f64(),
        ms(r.percentile(50.0)),
        ms(r.percentile(99.0)),
        ms(r.percentile(100.0)),
        stolen(cpu, cpu_times()),
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

struct Phase {
    count: u64,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Phase {
    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((p / 100.0) * (self.latencies.len() - 1) as f64).round() as usize;
        self.latencies[i]
    }
}

/// `connections` connections sending requests until `total` requests were
/// sent or `limit` has passed: back to back (`rate` `None`), or each on a
/// schedule that together offers `rate` requests a second. On a schedule a
/// latency counts from the time the request was due when the connection
/// was still waiting for its previous answer then (so a slow answer delays
/// the next request's start and its latency says so, the correction wrk2
/// makes for "coordinated omission"), else from when it was sent (the
/// client's timer, of a millisecond's grain, is not the server's delay).
async fn phase(
    addr: &str,
    requests: &[Vec<u8>],
    connections: usize,
    total: u64,
    limit: Duration,
    rate: Option<f64>,
) -> Phase {
    let start = Instant::now();
    let sent = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let local = tokio::task::LocalSet::new();
    let mut handles = Vec::new();
    let requests: std::rc::Rc<[Vec<u8>]> = requests.into();
    for c in 0..connections {
        let addr = addr.to_string();
        let requests = requests.clone();
        let sent = sent.clone();
        handles.push(local.spawn_local(async move {
            let mut stream = TcpStream::connect(&addr).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let mut latencies = Vec::new();
            let mut buf = vec![0u8; 1 << 16];
            let mut i = c;
            let mut k = 0u64;
            loop {
                if sent.get() >= total || start.elapsed() >= limit {
                    break;
                }
                sent.set(sent.get() + 1);
                let request = &requests[i % requests.len()];
                i += 1;
                let t = match rate {
                    None => Instant::now(),
                    Some(rate) => {
                        let due = start
                            + Duration::from_secs_f64(
                                (k * connections as u64 + c as u64) as f64 / rate,
                            );
                        k += 1;
                        if Instant::now() < due {
                            tokio::time::sleep_until(due.into()).await;
                            Instant::now()
                        } else {
                            due
                        }
                    }
                };
                stream.write_all(request).await.unwrap();
                read_response(&mut stream, &mut buf).await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let latencies = local
        .run_until(async {
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.await.unwrap());
            }
            all
        })
        .await;
    let elapsed = start.elapsed();
    let mut latencies = latencies;
    latencies.sort_unstable();
    Phase {
        count: latencies.len() as u64,
        elapsed,
        latencies,
    }
}

/// Read one response (headers, then `content-length` bytes of body),
/// failing on any status but 200.
async fn read_response(stream: &mut TcpStream, buf: &mut Vec<u8>) {
    let mut have = 0;
    loop {
        if have == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        let n = stream.read(&mut buf[have..]).await.unwrap();
        assert!(n > 0, "the server closed the connection");
        // the end of the head can only be in what was just read (or span
        // its first three bytes)
        let from = have.saturating_sub(3);
        have += n;
        let Some(at) = buf[from..have].windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let end = from + at;
        let head = &buf[..end];
        assert!(
            head.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(head)
        );
        let length: usize = head
            .split(|&b| b == b'\n')
            .find_map(|l| {
                let name = l.get(..15)?;
                name.eq_ignore_ascii_case(b"content-length:")
                    .then(|| std::str::from_utf8(&l[15..]).ok()?.trim().parse().ok())?
            })
            .unwrap();
        let want = end + 4 + length;
        if want > buf.len() {
            buf.resize(want, 0);
        }
        while have < want {
            let n = stream.read(&mut buf[have..want]).await.unwrap();
            assert!(n > 0, "the server closed the connection");
            have += n;
        }
        return;
    }
}
