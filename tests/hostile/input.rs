//! Hostile inputs: see tests/hostile/mod.rs. This file: reading cases and
//! streams (case files, `eval --jsonl`) without losing or exhausting anything.

use std::io::Read as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;
use crate::support::{Run, WATCHDOG, finish};

const EXAMPLE: &str = "rulebooks/example/example.rules";

/// A folder of its own in the temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "redress-hostile-input-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `redress ARGS` with no standard input, under the watchdog.
fn run(args: &[&str]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child)
}

/// `{"k0": 0, "k1": 0, …}`, one key a line when `pretty`.
fn unknown_keys(n: usize, pretty: bool) -> String {
    let sep = if pretty { ",\n" } else { "," };
    let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\":0")).collect();
    format!("{{{}}}", keys.join(sep))
}

#[test]
fn case_file_with_128000_unknown_keys() {
    let dir = TempDir::new("unknown-keys");
    let case = dir.file("case.json", unknown_keys(128_000, true));
    let r = run(&["eval", "--lang", "en", EXAMPLE, &case]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.matches("redress::case_unknown_key").count(),
        51,
        "the first 50 one by one, then one for the rest"
    );
    assert!(r.stderr.contains("`k49` is not a fact"), "{}", r.stderr);
    assert!(!r.stderr.contains("`k50` is not a fact"), "{}", r.stderr);
    assert!(
        r.stderr.contains("and 127,950 more unknown keys"),
        "{}",
        r.stderr
    );
}

#[test]
fn case_file_with_the_same_key_100000_times() {
    let dir = TempDir::new("duplicate-keys");
    let keys = vec!["\"x\": 1"; 100_000].join(",\n");
    let case = dir.file("case.json", format!("{{{keys}}}"));
    let r = run(&["eval", "--lang", "en", "--format", "json", EXAMPLE, &case]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("redress::case_duplicate_key").count(), 51);
    assert!(
        r.stderr.contains("and 99,949 more keys given twice"),
        "{}",
        r.stderr
    );
}

#[test]
fn case_file_with_a_set_of_100000_items() {
    let dir = TempDir::new("set-items");
    // every item at fault: the same value again, a value not declared, a number
    let items: Vec<&str> = ["\"fraud\"", "\"fruad\"", "3"]
        .into_iter()
        .cycle()
        .take(100_000)
        .collect();
    let case = dir.file(
        "case.json",
        format!("{{\"problem\": {{\"kinds\": [{}]}}}}", items.join(",")),
    );
    let r = run(&["eval", "tests/eval/sets/sets.rules", &case]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let reported = r.stderr.matches("redress::case_invalid_value").count()
        + r.stderr.matches("redress::case_type").count();
    assert_eq!(
        reported, 51,
        "the first 50 one by one, then one for the rest"
    );
    assert!(
        r.stderr
            .contains("and 99,949 more items of `problem.kinds`"),
        "{}",
        r.stderr
    );
}

#[test]
fn jsonl_line_with_128000_unknown_keys() {
    let dir = TempDir::new("unknown-keys-jsonl");
    let line = unknown_keys(128_000, false);
    let file = dir.file("cases.jsonl", format!("{line}\n{line}\n"));
    let r = run(&["eval", EXAMPLE, "--jsonl", &file, "--jobs", "2"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["remedies"].is_array(), "{line}");
    }
}

#[test]
fn eval_json_of_two_cases_of_which_one_is_broken() {
    let good = "rulebooks/example/cases/fraud.json";
    let broken = "tests/case_diagnostics/case_syntax.json";
    let r = run(&["eval", "--format", "json", EXAMPLE, good, broken]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let entries = v.as_array().expect("an array, one entry per case");
    assert_eq!(entries.len(), 2, "{}", r.stdout);
    assert_eq!(entries[0]["case"], good);
    assert!(entries[0]["outcome"]["remedies"].is_array());
    assert_eq!(entries[1]["case"], broken);
    assert!(entries[1].get("outcome").is_none());
    assert_eq!(entries[1]["errors"][0]["code"], "redress::case_syntax");
    assert_eq!(entries[1]["errors"][0]["severity"], "error");
}

#[test]
fn eval_json_of_two_cases_that_both_fail() {
    let broken = "tests/case_diagnostics/case_syntax.json";
    let missing = "no/such/case.json";
    let r = run(&["eval", "--format", "json", EXAMPLE, broken, missing]);
    assert_eq!(
        r.code, 2,
        "an unreadable path is a usage error: {}",
        r.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let entries = v.as_array().expect("an array, not []");
    assert_eq!(entries.len(), 2, "{}", r.stdout);
    assert_eq!(entries[0]["errors"][0]["code"], "redress::case_syntax");
    assert_eq!(entries[1]["case"], missing);
    assert_eq!(entries[1]["errors"][0]["code"], "redress::io");
    assert!(
        entries[1]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("cannot read `no/such/case.json`"),
        "{}",
        r.stdout
    );
}

#[test]
fn eval_json_of_one_broken_case() {
    let r = run(&[
        "eval",
        "--format",
        "json",
        EXAMPLE,
        "tests/case_diagnostics/case_syntax.json",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "", "no outcome, and not `[]`");
    assert!(r.stderr.contains("redress::case_syntax"), "{}", r.stderr);
}

#[test]
fn case_file_dev_zero() {
    let r = run(&["eval", "--lang", "en", EXAMPLE, "/dev/zero"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::limit_exceeded"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`/dev/zero` is larger than 2,097,152 bytes, the limit for it"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--limit case_bytes=N"), "{}", r.stderr);
}

#[test]
fn rulebook_larger_than_a_lowered_file_limit() {
    let case = "rulebooks/example/cases/fraud.json";
    let r = run(&["--limit", "file_bytes=1000", "eval", EXAMPLE, case]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "`{EXAMPLE}` is larger than 1,000 bytes, the limit for it"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--limit file_bytes=N"), "{}", r.stderr);
}

#[test]
fn eval_with_too_little_address_space_for_a_thread() {
    // `ulimit -v`: the binary loads, but a thread's stack (redress works on
    // a 256 MiB one) cannot be mapped
    let script = format!(
        "ulimit -v 131072 && exec {} eval {EXAMPLE} rulebooks/example/cases/fraud.json",
        env!("CARGO_BIN_EXE_redress")
    );
    let child = Command::new("sh")
        .args(["-c", &script])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let r = finish(child);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error: cannot start redress's working thread"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

/// Every line of `--jsonl` output, parsed; fails on a line that is not
/// complete JSON, or output that does not end with a newline.
fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    assert!(
        stdout.is_empty() || stdout.ends_with('\n'),
        "the output ends in the middle of a line: …{}",
        &stdout[stdout.len().saturating_sub(80)..]
    );
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not a complete JSON line ({e}): {l:.200}"))
        })
        .collect()
}

/// A good case of the example rulebook, one line.
const GOOD_LINE: &str = r#"{"consumer": {"deceived": true}, "items": {"count": 1}, "purchase": {"price": "120"}, "dispute": {"date": "2024-05-06"}}"#;

#[test]
fn jsonl_line_of_3_megabytes_between_good_lines() {
    let dir = TempDir::new("long-line");
    let long = format!("{{\"x\": \"{}\"}}", "a".repeat(3 << 20));
    let file = dir.file("cases.jsonl", format!("{GOOD_LINE}\n{long}\n{GOOD_LINE}\n"));
    for jobs in ["1", "2"] {
        let r = run(&[
            "eval", "--lang", "en", EXAMPLE, "--jsonl", &file, "--jobs", jobs,
        ]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        let lines = json_lines(&r.stdout);
        assert_eq!(lines.len(), 3, "one line per input line");
        assert!(lines[0]["remedies"].is_array());
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[1]["errors"][0]["code"], "redress::limit_exceeded");
        assert_eq!(
            lines[1]["errors"][0]["message"],
            "the line is longer than 2,097,152 bytes, the limit for a case; split it, or raise the limit with `--limit case_bytes=N`"
        );
        assert!(lines[2]["remedies"].is_array());
    }
    // the limit can be raised
    let r = run(&[
        "eval",
        EXAMPLE,
        "--jsonl",
        &file,
        "--limit",
        "case_bytes=4000000",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        json_lines(&r.stdout)
            .iter()
            .all(|l| l["remedies"].is_array())
    );
}

/// Kilobytes from a line of `/proc/PID/status` (`VmHWM:  1234 kB`).
fn proc_kb(pid: u32, file: &str, key: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn jsonl_from_dev_zero() {
    // one endless line: read on, and dropped as it comes, in bounded memory
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(["eval", EXAMPLE, "--jsonl", "/dev/zero", "--jobs", "1"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let start = Instant::now();
    // until it has read 256 MiB (`rchar` counts bytes read, in bytes)
    let read = loop {
        let read = proc_kb(pid, "io", "rchar:");
        if read > 256 << 20 || start.elapsed() > WATCHDOG {
            break read;
        }
        if child.try_wait().unwrap().is_some() {
            panic!("redress stopped reading /dev/zero");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let peak_kb = proc_kb(pid, "status", "VmHWM:");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        read > 256 << 20,
        "only {read} bytes read within {WATCHDOG:?}"
    );
    assert!(
        peak_kb < 128 << 10,
        "{peak_kb} kB resident after reading {read} bytes of one line"
    );
}

/// A standard input that gives `lines` and then fails: one end of a TCP
/// connection whose other end resets it, which a read reports as
/// ECONNRESET (as a failing disk or a hung-up terminal gives EIO). The reset
/// is honest TCP: a socket closed with data it never read sends a reset
/// instead of an end, and Linux hands out the data received before the
/// reset first.
fn stdin_that_fails_after(lines: &[&str]) -> Stdio {
    use std::io::Write as _;
    use std::net::{TcpListener, TcpStream};
    use std::os::fd::OwnedFd;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut ours = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (mut theirs, _) = listener.accept().unwrap();
    theirs.write_all(b"unread").unwrap();
    ours.peek(&mut [0u8; 1]).unwrap(); // it has arrived, and stays unread
    for line in lines {
        writeln!(ours, "{line}").unwrap();
    }
    drop(ours);
    Stdio::from(OwnedFd::from(theirs))
}

#[test]
fn jsonl_stdin_that_fails_after_5_lines() {
    for jobs in ["1", "2"] {
        let child = Command::new(env!("CARGO_BIN_EXE_redress"))
            .env("LC_ALL", "C")
            .args(["eval", EXAMPLE, "--jsonl", "-", "--jobs", jobs])
            .current_dir(root())
            .stdin(stdin_that_fails_after(&[GOOD_LINE; 5]))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let r = finish(child);
        assert_eq!(r.code, 2, "{}", r.stderr);
        let lines = json_lines(&r.stdout);
        assert_eq!(lines.len(), 5, "jobs {jobs}: {}", r.stdout);
        assert!(lines.iter().all(|l| l["remedies"].is_array()));
        assert!(
            r.stderr.contains(
                "error: reading standard input stopped at line 6: Connection reset by peer"
            ),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("5 cases, 0 errors"), "{}", r.stderr);
    }
}

#[test]
fn jsonl_path_that_is_a_folder() {
    let r = run(&["eval", EXAMPLE, "--jsonl", "tests"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .contains("error: cannot read `tests`: it is a folder, not a file"),
        "{}",
        r.stderr
    );
}

#[test]
fn jsonl_with_jobs_2000() {
    let dir = TempDir::new("jobs");
    let file = dir.file("cases.jsonl", format!("{GOOD_LINE}\n").repeat(300));
    let r = run(&["eval", EXAMPLE, "--jsonl", &file, "--jobs", "2000"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout).len(), 300);
    let cores = std::thread::available_parallelism().unwrap().get();
    assert!(
        r.stderr.contains(&format!(
            "note: `--jobs 2000` is more than the {cores} cores of this machine; using {cores}"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn sigint_during_jsonl_on_one_and_two_jobs() {
    for jobs in ["1", "2"] {
        sigint_during_jsonl(jobs);
    }
}

fn sigint_during_jsonl(jobs: &str) {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(["eval", EXAMPLE, "--jsonl", "-", "--jobs", jobs])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // an endless stream of cases, until redress stops reading
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let block = format!("{GOOD_LINE}\n").repeat(1000);
        while stdin.write_all(block.as_bytes()).is_ok() {}
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    while out.len() < 256 << 10 {
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "redress ended early");
        out.extend_from_slice(&buf[..n]);
    }
    // stop reading for a moment, so that redress is in the middle of a
    // write to a full pipe when the signal comes
    std::thread::sleep(Duration::from_millis(300));
    let kill = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    child.stdout = Some(stdout);
    let mut r = finish(child);
    feeder.join().unwrap();
    // (lossy: a character cut where the first read ended would only turn
    // into replacement characters inside a JSON string)
    r.stdout = String::from_utf8_lossy(&out).into_owned() + &r.stdout;
    assert_eq!(r.code, 130, "128 + SIGINT, jobs {jobs}: {}", r.stderr);
    let lines = json_lines(&r.stdout);
    assert!(lines.len() > 100);
    assert!(lines.iter().all(|l| l["remedies"].is_array()));
    assert!(
        r.stderr
            .contains("interrupted: the output ends with the last complete line"),
        "{}",
        r.stderr
    );
}
