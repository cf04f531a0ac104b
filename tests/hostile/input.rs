//! Hostile inputs: see tests/hostile/mod.rs. This file: reading cases and
//! streams (case files, `eval --jsonl`) without losing or exhausting anything.

use std::io::Read as _;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;
use crate::support::Run;

const EXAMPLE: &str = "rulebooks/example/example.rules";

/// A generous bound for a child that might hang: it is killed, and the test
/// fails, after this long.
const WATCHDOG: Duration = Duration::from_secs(60);

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

/// Wait for a child whose stdin is already dealt with, reading both its
/// streams, killing it (and failing) after [`WATCHDOG`].
fn finish(mut child: Child) -> Run {
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stdout.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stderr.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("redress did not finish within {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// `redress ARGS` with no standard input, under the watchdog.
fn run(args: &[&str]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_redress"))
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
    let r = run(&["eval", EXAMPLE, &case]);
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
    let r = run(&["eval", "--format", "json", EXAMPLE, &case]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("redress::case_duplicate_key").count(), 51);
    assert!(
        r.stderr.contains("and 99,949 more keys given twice"),
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
    let r = run(&["eval", EXAMPLE, "/dev/zero"]);
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
