//! The command line: exit codes, streams and formats, run as a user would.

use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::root;
use crate::support::{redress, spawn};

const EXAMPLE: &str = "rulebooks/example/example.rules";

#[test]
fn check_clean_rulebook_exits_0() {
    let r = redress(&["check", EXAMPLE], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.stdout, format!("{EXAMPLE}: ok\n"));
}

#[test]
fn check_reports_every_error_and_exits_1() {
    let r = redress(&["check", "tests/diagnostics/type_mismatch.rules"], None);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr.matches("redress::type_mismatch").count(),
        3,
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stdout,
        "tests/diagnostics/type_mismatch.rules: 3 errors, 0 warnings\n"
    );
}

#[test]
fn warnings_fail_only_when_denied() {
    let path = "tests/diagnostics/unused_remedy.rules";
    assert_eq!(redress(&["check", path], None).code, 0);
    assert_eq!(redress(&["check", "--deny-warnings", path], None).code, 1);
}

#[test]
fn check_json_has_positions_in_characters() {
    let r = redress(
        &[
            "check",
            "--format",
            "json",
            "tests/diagnostics/syntax_error_cjk.rules",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "redress::syntax_error");
    // `  价格 》 100 yuan`: the `》` is the 6th character of line 14.
    assert_eq!(d["start"]["line"], 14);
    assert_eq!(d["start"]["column"], 6);
    assert_eq!(v["errors"], 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(redress(&["check"], None).code, 2);
    assert_eq!(redress(&["frobnicate"], None).code, 2);
    assert_eq!(redress(&["eval", EXAMPLE], None).code, 2);
    let r = redress(&["check", "no/such/file.rules"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read `no/such/file.rules`"),
        "{}",
        r.stderr
    );
    assert_eq!(
        redress(&["eval", "--as-of", "2026-02-30", EXAMPLE, "-"], Some("{}")).code,
        2
    );
}

#[test]
fn help_has_examples_and_exits_0() {
    for verb in ["check", "eval"] {
        let r = redress(&[verb, "--help"], None);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Examples:"), "{verb}: {}", r.stdout);
    }
}

#[test]
fn io_not_utf8_is_an_input_error() {
    let r = redress(&["check", "tests/cli/io_not_utf8.rules"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("redress::io"), "{}", r.stderr);
}

#[test]
fn eval_reads_stdin_and_prints_json() {
    let case = r#"{"consumer": {"deceived": true}, "items": {"count": 2}, "purchase": {"price": "300"}, "dispute": {"date": "2024-05-01"}}"#;
    let r = redress(&["eval", "--format", "json", EXAMPLE, "-"], Some(case));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let fraud = v["remedies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "punitive_damages_fraud")
        .unwrap();
    assert_eq!(fraud["amount"]["value"], "900.00");
    assert_eq!(fraud["amount"]["currency"], "CNY");
    assert_eq!(fraud["because"][0]["rule"], "fraud");
    assert_eq!(fraud["category"], "civil");
    assert!(!fraud["citations"].as_array().unwrap().is_empty());
    assert!(
        v["undetermined"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["id"] == "forward_to_association_at_operator_location"
                && u["needs"] == serde_json::json!(["consumer.location", "operator.location"]))
    );
}

#[test]
fn eval_bad_case_exits_1_with_diagnostic() {
    let r = redress(
        // (the example's advice, and so its case's diagnostics, default to Chinese)
        &["eval", "--lang", "en", EXAMPLE, "-"],
        Some(r#"{"purchase": {"price": "lots"}}"#),
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("redress::case_type"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`lots` is not an amount of money"),
        "{}",
        r.stderr
    );
}

#[test]
fn eval_as_of_overrides_the_case_date() {
    let case = r#"{"consumer": {"deceived": true}, "items": {"count": 1}, "dispute": {"date": "2024-05-01"}}"#;
    let r = redress(
        &[
            "eval",
            "--format",
            "json",
            "--as-of",
            "2010-01-01",
            EXAMPLE,
            "-",
        ],
        Some(case),
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["as_of"], "2010-01-01");
    // the fraud rule is in force only from 2014-03-15
    assert!(
        !v["remedies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "punitive_damages_fraud")
    );
}

#[test]
fn fmt_check_and_test_speak_to_ci_systems() {
    let r = redress(
        &[
            "fmt",
            "--check",
            "--format",
            "github",
            "tests/cli/not_formatted.rules",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .starts_with("::error file=tests/cli/not_formatted.rules,line=2,col=1,"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("title=redress%3A%3Anot_formatted::"),
        "{}",
        r.stdout
    );

    let r = redress(
        &[
            "test",
            "--format",
            "sarif",
            "tests/cli/test_failed.test.toml",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "redress::test_failed");
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("expected 360.00, got 500.00")
    );

    let r = redress(&["fmt", "--check", "--format", "json", "rulebooks"], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["errors"], 0);
}

#[test]
fn limits_can_be_raised_from_the_command_line() {
    let mut text = String::from(
        "rulebook\n  title en \"Deep\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\nlaw l\n  title en \"Law\"\n\nfact b: yes/no\nfact n: number\n\nremedy r\n  title en \"R\"\n  cite l\n\ndefine k0 as b\n",
    );
    for i in 1..200 {
        text.push_str(&format!("define k{i} as k{} and n > {i}\n", i - 1));
    }
    text.push_str("\nrule x\n  k199 => r\n  cite l\n");
    let dir = std::env::temp_dir().join(format!("redress-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("deep.rules");
    std::fs::write(&path, text).unwrap();
    let path = path.to_string_lossy().into_owned();
    let r = redress(&["check", &path], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("redress::limit_exceeded"), "{}", r.stderr);
    let r = redress(
        &[
            "check",
            "--limit",
            "depth=1000",
            "--limit",
            "check_depth=2000",
            &path,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        redress(&["check", "--limit", "depht=1000", &path], None).code,
        2
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--jsonl`: one output line per input line, in input order; bad lines in
/// the middle give error records and the rest goes on; exit 1.
#[test]
fn jsonl_batch_keeps_order_and_line_count() {
    let input = std::fs::read_to_string(root().join("tests/cli/batch.jsonl")).unwrap();
    for jobs in ["1", "2", "3"] {
        let r = redress(
            &[
                "eval",
                EXAMPLE,
                "--jsonl",
                "tests/cli/batch.jsonl",
                "--jobs",
                jobs,
            ],
            None,
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let out: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(out.len(), input.lines().count());
        for (i, (line, got)) in input.lines().zip(&out).enumerate() {
            let got: serde_json::Value = serde_json::from_str(got).unwrap();
            if let Ok(case @ serde_json::Value::Object(_)) =
                serde_json::from_str::<serde_json::Value>(line)
            {
                if got.get("line").is_none() {
                    // the same outcome as evaluating the case on its own
                    let single = redress(
                        &["eval", "--format", "json", EXAMPLE, "-"],
                        Some(&case.to_string()),
                    );
                    let single: serde_json::Value = serde_json::from_str(&single.stdout).unwrap();
                    assert_eq!(got, single, "line {}", i + 1);
                    continue;
                }
            }
            assert_eq!(got["line"], i + 1, "line {}: {got}", i + 1);
            assert!(
                got["errors"][0]["code"]
                    .as_str()
                    .unwrap()
                    .starts_with("redress::")
            );
        }
        assert!(r.stderr.contains("8 cases, 4 errors"), "{}", r.stderr);
        // the summary counts each remedy that applied, ordered by id
        assert!(
            r.stderr.ends_with(
                "\n  forward_to_association_at_operator_location: 1\n  punitive_damages_fraud: 1\n"
            ),
            "{}",
            r.stderr
        );
    }
    // standard input works too
    let r = redress(&["eval", EXAMPLE, "--jsonl", "-"], Some(&input));
    assert_eq!(r.stdout.lines().count(), input.lines().count());
}

/// A long input, many chunks in flight on several threads: the output is
/// the same bytes whatever the number of jobs, one line per input line, and
/// each error record names its own line.
#[test]
fn jsonl_long_input_is_the_same_on_any_number_of_jobs() {
    let lines: Vec<String> = std::fs::read_to_string(root().join("tests/cli/batch.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let input: String = (0..6_000)
        .map(|i| format!("{}\n", lines[i % lines.len()]))
        .collect();
    // from a file: the helper writes standard input before it reads the output
    let path = std::env::temp_dir().join(format!("redress-long-{}.jsonl", std::process::id()));
    std::fs::write(&path, &input).unwrap();
    let file = path.to_str().unwrap();
    let one = redress(&["eval", EXAMPLE, "--jsonl", file, "--jobs", "1"], None);
    assert_eq!(one.code, 1, "{}", one.stderr);
    assert_eq!(one.stdout.lines().count(), 6_000);
    for (i, got) in one.stdout.lines().enumerate() {
        let got: serde_json::Value = serde_json::from_str(got).unwrap();
        if let Some(line) = got.get("line") {
            assert_eq!(line, i + 1);
        }
    }
    assert!(
        one.stderr.contains("6000 cases, 3000 errors"),
        "{}",
        one.stderr
    );
    for jobs in ["2", "3"] {
        let r = redress(&["eval", EXAMPLE, "--jsonl", file, "--jobs", jobs], None);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stdout == one.stdout,
            "--jobs {jobs} differs from --jobs 1"
        );
        assert!(r.stderr.contains("6000 cases, 3000 errors"), "{}", r.stderr);
    }
    std::fs::remove_file(&path).unwrap();
}

/// A line that is not UTF-8 is one error record (naming the first invalid
/// byte's column), between the outcomes of its neighbours, on any number of
/// jobs; a last line without a newline is read too.
#[test]
fn jsonl_line_that_is_not_utf8_is_an_error_record() {
    let path = std::env::temp_dir().join(format!("redress-utf8-{}.jsonl", std::process::id()));
    std::fs::write(&path, b"{}\n{\"a\": \"\xff\xfe\"}\n{}").unwrap();
    let file = path.to_str().unwrap();
    for jobs in ["1", "2"] {
        let r = redress(
            &[
                "eval", "--lang", "en", EXAMPLE, "--jsonl", file, "--jobs", jobs,
            ],
            None,
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let out: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(out.len(), 3, "--jobs {jobs}");
        assert!(out[0].get("remedies").is_some());
        assert!(out[2].get("remedies").is_some());
        assert_eq!(out[1]["line"], 2);
        assert_eq!(out[1]["errors"][0]["code"], "redress::io");
        assert_eq!(
            out[1]["errors"][0]["message"],
            "the line is not UTF-8 text (invalid byte at column 8)"
        );
        assert!(r.stderr.contains("3 cases, 1 error"), "{}", r.stderr);
    }
    std::fs::remove_file(&path).unwrap();
}

/// Spawn `redress` with standard output a pipe, read the first line, close
/// the pipe (as `| head -1` does) and wait, at most a minute, for the exit.
/// `feed` (when given) is written to standard input line by line from another
/// thread, up to `lines` times; returns the status, standard error and how
/// many lines were written before the program stopped reading.
fn first_line_then_close(
    args: &[&str],
    feed: Option<(&'static str, usize)>,
) -> (Option<i32>, String, usize) {
    use std::io::{BufRead as _, BufReader, Read as _};
    use std::time::{Duration, Instant};
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let mut written = 0;
        if let Some((line, lines)) = feed {
            for _ in 0..lines {
                // a closed pipe once the program stopped reading
                if input.write_all(line.as_bytes()).is_err() {
                    break;
                }
                written += 1;
            }
        }
        written
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "no output from {args:?}");
    drop(stdout);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{args:?} went on for a minute after its reader went away");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let written = feeder.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status.code(), stderr, written)
}

/// `redress … | head -1`: when the reader goes away the run ends quietly
/// with status 0 (what ripgrep does; see src/cli/out.rs), not with a panic.
/// The output is far larger than a pipe's buffer, so writes do fail.
#[test]
fn closed_stdout_pipe_ends_the_run_quietly() {
    let cases: Vec<&str> = (0..100)
        .flat_map(|_| {
            [
                "rulebooks/example/cases/fraud.json",
                "rulebooks/example/cases/nothing-known.json",
                "rulebooks/example/cases/return-custom-made.json",
                "rulebooks/example/cases/return-within-7-days.json",
            ]
        })
        .collect();
    for format in ["human", "json"] {
        let mut args = vec!["eval", "--format", format, EXAMPLE];
        args.extend(&cases);
        let (code, stderr, _) = first_line_then_close(&args, None);
        assert_eq!(code, Some(0), "--format {format}: {stderr}");
        assert_eq!(stderr, "", "--format {format}");
    }
}

/// `redress eval --jsonl - | head -1` on a long stream stops reading and
/// evaluating promptly (a chunk or two, not the rest of the input), joins its
/// threads and ends quietly with status 0: no summary, no panic.
#[test]
fn closed_stdout_pipe_stops_a_jsonl_stream() {
    const LINE: &str = "{\"consumer\": {\"deceived\": true}, \"items\": {\"count\": 1}, \"purchase\": {\"price\": \"120\"}, \"dispute\": {\"date\": \"2024-05-06\"}}\n";
    const LINES: usize = 200_000;
    for jobs in ["1", "3"] {
        let (code, stderr, written) = first_line_then_close(
            &["eval", EXAMPLE, "--jsonl", "-", "--jobs", jobs],
            Some((LINE, LINES)),
        );
        assert_eq!(code, Some(0), "--jobs {jobs}: {stderr}");
        // more jobs than cores are clamped, with a note (on a 2-core machine)
        let stderr: String = stderr
            .lines()
            .filter(|l| !l.starts_with("note: `--jobs"))
            .collect();
        assert_eq!(stderr, "", "--jobs {jobs}");
        assert!(
            written < LINES / 10,
            "--jobs {jobs}: read {written} of {LINES} lines after the reader went away"
        );
    }
}

/// Any other failure to write standard output (a full disk) is an error on
/// standard error with status 2, not a panic. Needs `/dev/full` (Linux, BSDs).
#[test]
fn full_stdout_is_an_error_not_a_panic() {
    let open = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    if open().is_err() {
        eprintln!("no /dev/full here: skipped");
        return;
    }
    let runs: [&[&str]; 3] = [
        &["eval", EXAMPLE, "rulebooks/example/cases/fraud.json"],
        &[
            "eval",
            "--format",
            "json",
            EXAMPLE,
            "rulebooks/example/cases/fraud.json",
        ],
        &["eval", EXAMPLE, "--jsonl", "tests/cli/batch.jsonl"],
    ];
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_redress"))
            .env("LC_ALL", "C")
            .args(args)
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(open().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot write to standard output: "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("unexpectedly"), "{args:?}: {stderr}");
    }
}

/// `test --min-coverage` under the minimum in the formats CI reads: each rule
/// never applied and each condition not seen both ways is an error at the
/// rule, not an exit 1 with nothing printed.
#[test]
fn coverage_under_the_minimum_in_github_and_sarif() {
    let dir = "tests/cli/coverage_below_minimum";
    let r = redress(
        &["test", dir, "--min-coverage", "100", "--format", "github"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{}", r.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&format!("::error file={dir}/book.rules,line=")))
    );
    assert!(
        r.stdout.contains(
            "title=redress%3A%3Acoverage_below_minimum::no test applies `fraud`: its condition was never true"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("under the minimum of 100%25"),
        "{}",
        r.stdout
    );

    let r = redress(
        &["test", dir, "--min-coverage", "100", "--format", "sarif"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    let first = &results[0];
    assert_eq!(first["ruleId"], "redress::coverage_below_minimum");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        format!("{dir}/book.rules")
    );
    assert_eq!(location["region"]["startLine"], 102);

    // at a minimum the tests reach, nothing is said and the run passes
    let r = redress(
        &["test", dir, "--min-coverage", "40", "--format", "github"],
        None,
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

/// `--jsonl`: a line's `id` (or the key `--id-field` names) is copied first
/// into its output line as written — text, a number too long for a float,
/// an object — on one job and on two, for outcomes and error records; it is
/// not a fact, so it draws no unknown-key warning. A name that is a fact, or
/// `--id-field` without `--jsonl`, is a usage error.
#[test]
fn jsonl_lines_carry_their_ids_into_the_output() {
    let input = [
        r#"{"id": "c-1", "purchase": {"price": "120"}}"#,
        r#"{"id": 12345678901234567890123, "purchase": {"price": "lots"}}"#,
        r#"{"purchase": {"price": "5"}}"#,
        r#"{"id": {"a": [1, 2]}, "consumer": {"deceived": true}}"#,
    ]
    .join("\n");
    let book = "rulebooks/example/example.rules";
    for jobs in ["1", "2"] {
        let run = redress(
            &["eval", book, "--jsonl", "-", "--jobs", jobs],
            Some(&input),
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(!run.stderr.contains("unknown key"), "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(
            lines[0].starts_with(r#"{"id":"c-1","rulebook":"#),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with(r#"{"id":12345678901234567890123,"line":2,"errors":"#),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with(r#"{"rulebook":"#), "{}", lines[2]);
        assert!(
            lines[3].starts_with(r#"{"id":{"a": [1, 2]},"rulebook":"#),
            "{}",
            lines[3]
        );
        for line in &lines {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
    }
    let other = r#"{"case_no": 7, "purchase": {"price": "120"}}"#;
    let run = redress(
        &["eval", book, "--jsonl", "-", "--id-field", "case_no"],
        Some(other),
    );
    // written as `id`, whatever key it was read from
    assert!(
        run.stdout.starts_with(r#"{"id":7,"rulebook":"#),
        "{}",
        run.stdout
    );
    let run = redress(
        &["eval", book, "--jsonl", "-", "--id-field", "purchase.price"],
        Some(other),
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("names a fact"), "{}", run.stderr);
    let run = redress(&["eval", book, "x.json", "--id-field", "k"], None);
    assert_eq!(run.code, 2);
}
