//! `redress serve` (issue 17): the real binary on a loopback port the OS
//! picks, called with a real HTTP client (ureq) or, where the test needs to
//! hold a request half sent, a raw socket. Every answer is compared with
//! what the CLI prints for the same input; every server has a watchdog.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::root;
use crate::support::{WATCHDOG, redress};

/// A running `redress serve`, killed when dropped, and by its watchdog
/// when a request or the start has had no answer for [`WATCHDOG`] (the
/// request then fails too).
pub struct Server {
    child: Child,
    pub addr: String,
    stderr: Arc<Mutex<String>>,
    stop_watchdog: Option<mpsc::Sender<()>>,
    active: Arc<Mutex<Instant>>,
}

impl Server {
    /// `redress serve --addr 127.0.0.1:0 ARGS`, once it has said where it listens.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
            .env("LC_ALL", "C")
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let (stop, stopped) = mpsc::channel::<()>();
        let active = Arc::new(Mutex::new(Instant::now()));
        let last = active.clone();
        std::thread::spawn(move || {
            while stopped.recv_timeout(Duration::from_millis(500))
                == Err(mpsc::RecvTimeoutError::Timeout)
            {
                if last.lock().unwrap().elapsed() > WATCHDOG {
                    let _ = Command::new("sh")
                        .args(["-c", &format!("kill -KILL {pid}")])
                        .status();
                    eprintln!("the server did not answer within {WATCHDOG:?}: killed");
                    return;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let keep = stderr.clone();
        std::thread::spawn(move || {
            let mut line = String::new();
            while err.read_line(&mut line).unwrap_or(0) > 0 {
                keep.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        let addr = first
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("no address: {first:?}; {}", stderr.lock().unwrap()))
            .to_string();
        Server {
            child,
            addr,
            stderr,
            stop_watchdog: Some(stop),
            active,
        }
    }

    /// A request starts: the watchdog counts from now.
    fn touch(&self) {
        *self.active.lock().unwrap() = Instant::now();
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        self.touch();
        answer(agent().get(&self.url(path)).call())
    }

    pub fn post(&self, path: &str, body: impl AsRef<[u8]>) -> (u16, String) {
        self.touch();
        answer(agent().post(&self.url(path)).send(body.as_ref()))
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Send SIGTERM.
    pub fn terminate(&self) {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("sh")
                .args(["-c", &format!("kill -TERM {pid}")])
                .status()
                .unwrap()
                .success()
        );
    }

    /// Wait for the process to end (within the watchdog), giving its status.
    pub fn wait(mut self) -> i32 {
        self.touch();
        let status = self.child.wait().unwrap();
        if let Some(stop) = self.stop_watchdog.take() {
            let _ = stop.send(());
        }
        status.code().unwrap_or(-1)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(stop) = self.stop_watchdog.take() {
            let _ = stop.send(());
        }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(WATCHDOG))
        .build()
        .into()
}

fn answer(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, String) {
    let mut r = r.unwrap();
    let status = r.status().as_u16();
    let body = r
        .body_mut()
        .with_config()
        .limit(256 << 20)
        .read_to_string()
        .unwrap();
    (status, body)
}

/// A raw HTTP/1.1 exchange: `head` (request line and headers, `\r\n`
/// ends, without the blank line), then `body`; the answer read to the end
/// (the request says `Connection: close`).
pub fn raw(addr: &str, head: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WATCHDOG)).unwrap();
    write!(s, "{head}\r\nConnection: close\r\n\r\n").unwrap();
    s.write_all(body).unwrap();
    read_answer(s)
}

/// Read an HTTP/1.1 answer to the end of the connection: status and body
/// (chunked bodies decoded).
pub fn read_answer(s: TcpStream) -> (u16, String) {
    let (status, _, body) = read_full(s);
    (status, body)
}

/// [`read_answer`] with the head (status line and headers) as well.
pub fn read_full(mut s: TcpStream) -> (u16, String, String) {
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"));
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    (status, head.to_string(), body)
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

pub(crate) const EXAMPLE: &str = "rulebooks/example/example.rules";
pub(crate) const SHOPPING: &str = "rulebooks/cn-online-shopping/cn-online-shopping.rules";

pub(crate) fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The cases of a shipped rulebook written as JSON.
pub(crate) fn json_cases(book: &str) -> Vec<String> {
    let mut cases: Vec<String> =
        std::fs::read_dir(root().join("rulebooks").join(book).join("cases"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| crate::relative(&p))
            .collect();
    cases.sort();
    assert!(!cases.is_empty());
    cases
}

/// The `error.code` of a JSON error answer.
pub(crate) fn error_code(body: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    v["error"]["code"].as_str().unwrap().to_string()
}

#[test]
fn every_endpoint_answers_what_the_cli_prints_example() {
    same_as_cli(EXAMPLE, "example");
}

#[test]
fn every_endpoint_answers_what_the_cli_prints_shopping() {
    same_as_cli(SHOPPING, "cn-online-shopping");
}

/// Each endpoint of one rulebook against the CLI: eval on every shipped
/// case (JSON), ask on every second, with an as-of date and explain on
/// every fifth.
fn same_as_cli(book: &str, id: &str) {
    let server = Server::start(&[book]);
    let book_dir = std::path::Path::new(book)
        .parent()
        .unwrap()
        .file_name()
        .unwrap();
    for (i, case) in json_cases(book_dir.to_str().unwrap()).iter().enumerate() {
        let body = read(case);
        let cli = redress(&["eval", "--format", "json", book, case], None);
        let (status, http) = server.post(&format!("/v1/rulebooks/{id}/eval"), &body);
        if cli.stdout.is_empty() {
            // a case the CLI cannot evaluate: 422 with its diagnostics
            assert_eq!(status, 422, "{case}: {http}");
        } else {
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "eval {case}"
            );
        }
        let cli = redress(&["ask", "--format", "json", book, case], None);
        let (status, http) = server.post(&format!("/v1/rulebooks/{id}/ask"), &body);
        if !cli.stdout.is_empty() {
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "ask {case}"
            );
        }
        if i % 5 != 0 {
            continue;
        }
        let cli = redress(
            &[
                "eval",
                "--format",
                "json",
                "--as-of",
                "2024-06-01",
                book,
                case,
            ],
            None,
        );
        let (status, http) =
            server.post(&format!("/v1/rulebooks/{id}/eval?as_of=2024-06-01"), &body);
        if !cli.stdout.is_empty() {
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "eval --as-of {case}"
            );
        }
        let cli = redress(
            &["explain", "--format", "json", "--lang", "zh", book, case],
            None,
        );
        let (status, http) = server.post(&format!("/v1/rulebooks/{id}/explain?lang=zh"), &body);
        if !cli.stdout.is_empty() {
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "explain {case}"
            );
        }
    }
    // ask from nothing, then skipping the first question, in Chinese
    let first = redress(&["ask", "--format", "json", book], Some(""));
    let (status, http) = server.post(&format!("/v1/rulebooks/{id}/ask"), "");
    assert_eq!((status, http.as_str()), (200, first.stdout.as_str()));
    let fact = serde_json::from_str::<serde_json::Value>(&first.stdout).unwrap()["fact"]
        .as_str()
        .unwrap()
        .to_string();
    let cli = redress(
        &[
            "ask", "--format", "json", "--lang", "zh", "--skip", &fact, book,
        ],
        Some(""),
    );
    let (status, http) = server.post(&format!("/v1/rulebooks/{id}/ask?lang=zh&skip={fact}"), "");
    assert_eq!((status, http.as_str()), (200, cli.stdout.as_str()));
    for format in ["json", "jsonschema"] {
        let cli = redress(&["facts", "--format", format, book], None);
        let (status, http) = server.get(&format!("/v1/rulebooks/{id}/facts?format={format}"));
        assert_eq!(
            (status, http.as_str()),
            (200, cli.stdout.as_str()),
            "facts {format}"
        );
    }
    // check and fmt: the file named as the CLI names it
    let cli = redress(&["check", "--format", "json", book], None);
    let (status, http) = server.post(&format!("/v1/check?name={book}"), read(book));
    assert_eq!(
        (status, http.as_str()),
        (200, cli.stdout.as_str()),
        "check {book}"
    );
    let cli = redress(&["fmt", "-"], Some(&read(book)));
    let (status, http) = server.post("/v1/fmt", read(book));
    assert_eq!(
        (status, http.as_str()),
        (200, cli.stdout.as_str()),
        "fmt {book}"
    );
}

#[test]
fn check_and_fmt_of_a_broken_rulebook() {
    let server = Server::start(&[EXAMPLE]);
    // a rulebook with errors: check reports them (200), fmt of text that does not parse is a 422
    let broken = "rulebook\n  title en \"x\"\n\nrule r\n  nothing => \n";
    let path = tempdir("broken").join("broken.rules");
    std::fs::write(&path, broken).unwrap();
    let path = path.to_str().unwrap();
    let cli = redress(&["check", "--format", "json", path], None);
    let (status, http) = server.post(&format!("/v1/check?name={path}"), broken);
    assert_eq!((status, http.as_str()), (200, cli.stdout.as_str()));
    let (status, http) = server.post("/v1/fmt", broken);
    assert_eq!(status, 422, "{http}");
    assert_eq!(error_code(&http), "serve::invalid_rulebook");
    assert!(http.contains("redress::"), "{http}");
}

/// `?lang=zh`: the diagnostics of `check`, of a broken rulebook for `fmt`
/// and of a case in a 422 in Chinese, the codes as they are.
#[test]
fn diagnostics_in_the_language_asked() {
    let server = Server::start(&[EXAMPLE]);
    let book = "tests/diagnostics/syntax_error.rules";
    let cli = redress(&["check", "--lang", "zh", "--format", "json", book], None);
    let (status, http) = server.post(&format!("/v1/check?name={book}&lang=zh"), read(book));
    assert_eq!((status, http.as_str()), (200, cli.stdout.as_str()));
    assert!(http.contains("此处应为 `:`，实际为 `money`"), "{http}");
    let (status, http) = server.post("/v1/fmt?lang=zh", read(book));
    assert_eq!(status, 422, "{http}");
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(
        v["error"]["diagnostics"][0]["code"],
        "redress::syntax_error"
    );
    assert_eq!(
        v["error"]["diagnostics"][0]["message"],
        "此处应为 `:`，实际为 `money`"
    );
    for (lang, words) in [
        ("zh", "`purchase.price`：`lots` 不是金额"),
        ("en", "`purchase.price`: `lots` is not an amount of money"),
    ] {
        let (status, http) = server.post(
            &format!("/v1/rulebooks/example/eval?lang={lang}"),
            "{\"purchase\": {\"price\": \"lots\"}}",
        );
        assert_eq!(status, 422, "{http}");
        let v: serde_json::Value = serde_json::from_str(&http).unwrap();
        assert_eq!(v["error"]["diagnostics"][0]["code"], "redress::case_type");
        assert_eq!(v["error"]["diagnostics"][0]["message"], words, "{http}");
    }
}

#[test]
fn batch_streams_the_lines_of_eval_jsonl() {
    let server = Server::start(&[SHOPPING]);
    let mut input = String::new();
    for (i, case) in json_cases("cn-online-shopping").iter().enumerate() {
        let mut v: serde_json::Value = serde_json::from_str(&read(case)).unwrap();
        if i % 3 == 0 {
            v["id"] = serde_json::json!(format!("case-{i}"));
        }
        input.push_str(&serde_json::to_string(&v).unwrap());
        input.push('\n');
    }
    // lines that are not cases: each is an error record
    input.push_str("\n{\"purchase\": {\"price\": \"lots\"}}\nnot json\n");
    let cli = redress(&["eval", SHOPPING, "--jsonl", "-"], Some(&input));
    let (status, http) = server.post("/v1/rulebooks/cn-online-shopping/eval:batch", &input);
    assert_eq!(status, 200);
    assert_eq!(http, cli.stdout);
    assert_eq!(http.lines().count(), input.lines().count());
    // with an as-of date and another id key
    let cli = redress(
        &[
            "eval",
            SHOPPING,
            "--jsonl",
            "-",
            "--as-of",
            "2025-01-02",
            "--id-field",
            "ref",
        ],
        Some(&input.replace("\"id\"", "\"ref\"")),
    );
    let (_, http) = server.post(
        "/v1/rulebooks/cn-online-shopping/eval:batch?as_of=2025-01-02&id_field=ref",
        input.replace("\"id\"", "\"ref\""),
    );
    assert_eq!(http, cli.stdout);
    // each output level, as `--output` gives it
    for level in ["ids", "summary", "full"] {
        let cli = redress(
            &["eval", SHOPPING, "--jsonl", "-", "--output", level],
            Some(&input),
        );
        let (status, http) = server.post(
            &format!("/v1/rulebooks/cn-online-shopping/eval:batch?output={level}"),
            &input,
        );
        assert_eq!(
            (status, http.as_str()),
            (200, cli.stdout.as_str()),
            "{level}"
        );
        let case = json_cases("cn-online-shopping").swap_remove(0);
        let cli = redress(
            &[
                "eval", SHOPPING, &case, "--format", "json", "--output", level,
            ],
            None,
        );
        let (status, http) = server.post(
            &format!("/v1/rulebooks/cn-online-shopping/eval?output={level}"),
            read(&case),
        );
        assert_eq!(
            (status, http.as_str()),
            (200, cli.stdout.as_str()),
            "{level}"
        );
    }
    let (status, http) = server.post(
        "/v1/rulebooks/cn-online-shopping/eval:batch?output=brief",
        &input,
    );
    assert_eq!(status, 400, "{http}");
    assert!(http.contains("ids, summary, full"), "{http}");
    // explain has no output levels: the parameter is unknown there
    let (status, _) = server.post(
        "/v1/rulebooks/cn-online-shopping/explain?output=ids",
        read(&json_cases("cn-online-shopping").swap_remove(0)),
    );
    assert_eq!(status, 400);
    // a line past the case_bytes limit is a limit_exceeded record, and the next line is read
    let server = Server::start(&["--limit", "case_bytes=200", EXAMPLE]);
    let long = format!("{{\"x\": \"{}\"}}\n{{}}\n", "a".repeat(500));
    let cli = redress(
        &["--limit", "case_bytes=200", "eval", EXAMPLE, "--jsonl", "-"],
        Some(&long),
    );
    let (_, http) = server.post("/v1/rulebooks/example/eval:batch", &long);
    assert_eq!(http, cli.stdout);
    assert!(http.contains("redress::limit_exceeded"), "{http}");
}

#[test]
fn errors_are_json_with_their_status() {
    let server = Server::start(&["--max-body", "4096", EXAMPLE]);
    let case = read("rulebooks/example/cases/fraud.json");
    let cases: [(&str, &str, &str, u16, &str); 11] = [
        (
            "POST",
            "/v1/rulebooks/nope/eval",
            "{}",
            404,
            "serve::unknown_rulebook",
        ),
        ("GET", "/v1/nothing", "", 404, "serve::not_found"),
        (
            "GET",
            "/v1/rulebooks/example/eval",
            "",
            405,
            "serve::method_not_allowed",
        ),
        (
            "POST",
            "/v1/rulebooks/example/eval?asof=2024-01-01",
            "{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST",
            "/v1/rulebooks/example/eval?as_of=2024-13-01",
            "{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST",
            "/v1/rulebooks/example/eval?lang=fr",
            "{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST",
            "/v1/rulebooks/example/explain?remedy=nope",
            "{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST",
            "/v1/rulebooks/example/ask?skip=nope",
            "{}",
            400,
            "serve::bad_request",
        ),
        (
            "GET",
            "/v1/rulebooks/example/facts?format=xml",
            "",
            400,
            "serve::bad_request",
        ),
        (
            "POST",
            "/v1/rulebooks/example/eval",
            "{\"purchase\": {\"price\": \"lots\"}}",
            422,
            "serve::invalid_case",
        ),
        (
            "POST",
            "/v1/rulebooks/example/eval",
            "[1",
            422,
            "serve::invalid_case",
        ),
    ];
    for (method, path, body, status, code) in cases {
        let (got, http) = if method == "GET" {
            server.get(path)
        } else {
            server.post(path, body)
        };
        assert_eq!(got, status, "{method} {path}: {http}");
        assert_eq!(error_code(&http), code, "{method} {path}");
    }
    // a 422 carries the case's diagnostics, as `eval` reports them
    let (_, http) = server.post(
        "/v1/rulebooks/example/eval",
        "{\"purchase\": {\"price\": \"lots\"}}",
    );
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(v["error"]["diagnostics"][0]["code"], "redress::case_type");
    // the message in the language asked
    let (_, http) = server.post("/v1/rulebooks/nope/eval?lang=zh", "{}");
    assert!(http.contains("没有以 `nope` 提供的规则集"), "{http}");
    // 413: a body over --max-body, whether its length is declared or not
    let (status, http) = server.post("/v1/rulebooks/example/eval", format!("{case:<5000}"));
    assert_eq!(
        (status, error_code(&http).as_str()),
        (413, "serve::body_too_large")
    );
    let (status, http) = raw(
        &server.addr,
        "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked",
        format!("1388\r\n{}\r\n0\r\n\r\n", " ".repeat(5000)).as_bytes(),
    );
    assert_eq!(
        (status, error_code(&http).as_str()),
        (413, "serve::body_too_large")
    );
    // a body of the limit is fine
    let (status, _) = server.post("/v1/rulebooks/example/eval", format!("{case:<4096}"));
    assert_eq!(status, 200);
}

/// Whatever is wrong with a request before a handler reads it (the path, the
/// query string, the method, the route, the body) is answered in the JSON
/// error shape with a stable code, never in axum's plain text.
#[test]
fn malformed_requests_get_json_errors() {
    let server = Server::start(&[EXAMPLE]);
    let requests: [(&str, &[u8], u16, &str); 12] = [
        // an id whose percent-escapes are not UTF-8, on every rulebook route
        ("GET /v1/rulebooks/%FF", b"", 400, "serve::bad_request"),
        (
            "POST /v1/rulebooks/%FF/eval",
            b"{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST /v1/rulebooks/ex%C3ample/eval:batch",
            b"{}",
            400,
            "serve::bad_request",
        ),
        (
            "GET /v1/rulebooks/%E4%B8/facts",
            b"",
            400,
            "serve::bad_request",
        ),
        // a query string that is not percent-encoded UTF-8
        (
            "POST /v1/rulebooks/example/eval?as_of=%ZZ",
            b"{}",
            400,
            "serve::bad_request",
        ),
        (
            "POST /v1/rulebooks/example/ask?skip=%FF",
            b"{}",
            400,
            "serve::bad_request",
        ),
        // bodies the case reader refuses: not JSON, not an object, not UTF-8
        (
            "POST /v1/rulebooks/example/eval",
            b"{\"consumer\": ",
            422,
            "serve::invalid_case",
        ),
        (
            "POST /v1/rulebooks/example/explain",
            b"[]",
            422,
            "serve::invalid_case",
        ),
        (
            "POST /v1/rulebooks/example/eval",
            b"{\"a\": \"\xff\"}",
            422,
            "serve::invalid_case",
        ),
        // a method a route does not take; a route that does not exist
        ("PUT /v1/check", b"", 405, "serve::method_not_allowed"),
        (
            "DELETE /v1/rulebooks",
            b"",
            405,
            "serve::method_not_allowed",
        ),
        (
            "GET /v1/rulebooks/example/evaluate",
            b"",
            404,
            "serve::not_found",
        ),
    ];
    for (line, body, status, code) in requests {
        let (got, head, http) = read_full({
            let mut s = TcpStream::connect(&server.addr).unwrap();
            s.set_read_timeout(Some(WATCHDOG)).unwrap();
            write!(
                s,
                "{line} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .unwrap();
            s.write_all(body).unwrap();
            s
        });
        assert_eq!(got, status, "{line}: {http}");
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: application/json"),
            "{line}: {head}"
        );
        assert_eq!(error_code(&http), code, "{line}");
    }
    // the message names the path, in the language asked
    let (_, http) = raw(
        &server.addr,
        "GET /v1/rulebooks/%FF?lang=zh HTTP/1.1\r\nHost: x",
        b"",
    );
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(
        v["error"]["message"],
        "路径 /v1/rulebooks/%FF 不是百分号编码的 UTF-8。"
    );
    // a body that is not UTF-8 carries the diagnostic `eval` gives a file
    let (_, http) = raw(
        &server.addr,
        "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nContent-Length: 10",
        b"{\"a\": \"\xff\"}",
    );
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(
        v["error"]["diagnostics"][0]["code"], "redress::io",
        "{http}"
    );
}

/// The keys of a pretty JSON text in the order written, each with its depth.
fn keys_as_written(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let key = l.trim_start().strip_prefix('"')?.split_once("\": ")?.0;
            Some(format!(
                "{}{key}",
                " ".repeat(l.len() - l.trim_start().len())
            ))
        })
        .collect()
}

/// The server's own objects write their keys in the order docs/api.md
/// gives, not a map's order.
#[test]
fn the_servers_own_json_keeps_the_documented_key_order() {
    let server = Server::start(&[EXAMPLE]);
    let rulebook = [
        "rulebook",
        "  title",
        "    en",
        "    zh",
        "  jurisdiction",
        "  version",
        "  effective",
    ];
    let indent = |n: usize, keys: &[&str]| -> Vec<String> {
        keys.iter()
            .map(|k| format!("{}{k}", " ".repeat(n)))
            .collect()
    };
    let (status, http) = server.get("/v1/rulebooks");
    assert_eq!(status, 200);
    let mut want = indent(2, &["rulebooks"]);
    want.extend(indent(6, &["id", "file"]));
    want.extend(indent(6, &rulebook));
    want.extend(indent(6, &["generation", "reload_failed"]));
    assert_eq!(keys_as_written(&http), want, "{http}");
    let (status, http) = server.get("/v1/rulebooks/example");
    assert_eq!(status, 200);
    let mut want = indent(2, &["id", "file"]);
    want.extend(indent(2, &rulebook));
    want.extend(indent(2, &["generation", "diagnostics", "failed_reload"]));
    assert_eq!(keys_as_written(&http), want, "{http}");
    let (_, http) = server.get("/v1/rulebooks/nope");
    assert_eq!(
        keys_as_written(&http),
        indent(2, &["error"])
            .into_iter()
            .chain(indent(4, &["code", "message", "diagnostics"]))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_body_that_stops_arriving_is_a_408() {
    let server = Server::start(&["--timeout", "0.5", EXAMPLE]);
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(WATCHDOG)).unwrap();
    write!(s, "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{{").unwrap();
    let (status, http) = read_answer(s);
    assert_eq!(
        (status, error_code(&http).as_str()),
        (408, "serve::timeout")
    );
}

#[test]
fn more_requests_than_allowed_at_once_get_503() {
    let server = Server::start(&["--max-concurrency", "1", EXAMPLE]);
    // one request in flight: its body half sent
    let mut held = TcpStream::connect(&server.addr).unwrap();
    held.set_read_timeout(Some(WATCHDOG)).unwrap();
    write!(held, "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{").unwrap();
    // the server has it once the metrics count it in flight
    wait_for(|| {
        server
            .get("/metrics")
            .1
            .contains("redress_http_requests_in_flight 2")
    });
    let (status, http) = server.post("/v1/rulebooks/example/eval", "{}");
    assert_eq!(
        (status, error_code(&http).as_str()),
        (503, "serve::overloaded")
    );
    // probes are not counted against the limit
    assert_eq!(server.get("/healthz").0, 200);
    assert_eq!(server.get("/readyz").0, 200);
    held.write_all(b"}").unwrap();
    let (status, _) = read_answer(held);
    assert_eq!(status, 200);
    assert_eq!(server.post("/v1/rulebooks/example/eval", "{}").0, 200);
}

/// Poll until `ready` holds, failing after the watchdog.
pub(crate) fn wait_for(mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < WATCHDOG, "gave up waiting");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sigterm_lets_the_request_in_flight_finish() {
    let server = Server::start(&[EXAMPLE]);
    let case = read("rulebooks/example/cases/fraud.json");
    let mut held = TcpStream::connect(&server.addr).unwrap();
    held.set_read_timeout(Some(WATCHDOG)).unwrap();
    write!(
        held,
        "POST /v1/rulebooks/example/eval HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        case.len()
    )
    .unwrap();
    held.write_all(&case.as_bytes()[..10]).unwrap();
    wait_for(|| {
        server
            .get("/metrics")
            .1
            .contains("redress_http_requests_in_flight 2")
    });
    server.terminate();
    wait_for(|| server.stderr().contains("shutting down"));
    held.write_all(&case.as_bytes()[10..]).unwrap();
    let (status, http) = read_answer(held);
    let cli = redress(
        &[
            "eval",
            "--format",
            "json",
            EXAMPLE,
            "rulebooks/example/cases/fraud.json",
        ],
        None,
    );
    assert_eq!((status, http.as_str()), (200, cli.stdout.as_str()));
    let log = server.stderr();
    assert_eq!(server.wait(), 0, "{log}");
}

#[test]
fn health_readiness_and_metrics() {
    let server = Server::start(&[EXAMPLE]);
    assert_eq!(
        server.get("/healthz"),
        (200, "{\n  \"status\": \"ok\"\n}\n".to_string())
    );
    assert_eq!(
        server.get("/readyz"),
        (200, "{\n  \"status\": \"ready\"\n}\n".to_string())
    );
    server.post(
        "/v1/rulebooks/example/eval",
        read("rulebooks/example/cases/fraud.json"),
    );
    server.post("/v1/rulebooks/example/eval:batch", "{}\n{}\n[\n");
    server.post(
        "/v1/rulebooks/example/eval",
        "{\"purchase\": {\"price\": \"lots\"}}",
    );
    server.get("/nowhere");
    let (status, metrics) = server.get("/metrics");
    assert_eq!(status, 200);
    for line in [
        "redress_http_requests_total{route=\"/v1/rulebooks/{id}/eval\",status=\"200\"} 1",
        "redress_http_requests_total{route=\"/v1/rulebooks/{id}/eval\",status=\"422\"} 1",
        "redress_http_requests_total{route=\"/v1/rulebooks/{id}/eval:batch\",status=\"200\"} 1",
        "redress_http_requests_total{route=\"unmatched\",status=\"404\"} 1",
        "redress_cases_evaluated_total 4",
        "redress_errors_total{code=\"redress::case_type\"} 1",
        "redress_errors_total{code=\"serve::invalid_case\"} 1",
        "redress_errors_total{code=\"serve::not_found\"} 1",
        "# TYPE redress_http_request_duration_seconds histogram",
        "redress_http_request_duration_seconds_count 6",
    ] {
        assert!(
            metrics.lines().any(|l| l == line),
            "{line} not in\n{metrics}"
        );
    }
}

#[test]
fn rulebooks_are_listed_by_file_stem() {
    let server = Server::start(&[EXAMPLE, SHOPPING]);
    let (status, http) = server.get("/v1/rulebooks");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    let ids: Vec<&str> = v["rulebooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["example", "cn-online-shopping"]);
    let (status, http) = server.get("/v1/rulebooks/example");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(v["generation"], 1);
    assert_eq!(v["failed_reload"], serde_json::Value::Null);
    assert_eq!(v["rulebook"]["jurisdiction"], "CN");
}

#[test]
fn a_start_that_cannot_serve_exits_with_the_cli_codes() {
    // two rulebooks with one stem: a usage error
    let dir = tempdir("stems");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::copy(root().join(EXAMPLE), dir.join("example.rules")).unwrap();
    std::fs::copy(root().join(EXAMPLE), dir.join("b/example.rules")).unwrap();
    let a = dir.join("example.rules");
    let b = dir.join("b/example.rules");
    let run = redress(
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("would both be served as `example`"),
        "{}",
        run.stderr
    );
    // a rulebook with errors: exit 1 with its diagnostics
    std::fs::write(&a, "rulebook\n  title en \"x\"\n\nrule r\n  nothing => \n").unwrap();
    let run = redress(
        &["serve", "--addr", "127.0.0.1:0", a.to_str().unwrap()],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("the rulebook has errors"),
        "{}",
        run.stderr
    );
    // a missing file: exit 2
    let run = redress(&["serve", "--addr", "127.0.0.1:0", "no/such.rules"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("redress-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn watch_swaps_in_a_good_edit_and_keeps_serving_through_a_bad_one() {
    let dir = tempdir("watch");
    let book = dir.join("book.rules");
    let original = read(EXAMPLE);
    replace(&book, &original);
    let server = Server::start(&[
        "--watch",
        "--watch-interval",
        "0.1",
        "--log-format",
        "json",
        book.to_str().unwrap(),
    ]);
    let case = read("rulebooks/example/cases/fraud.json");
    let (_, before) = server.post("/v1/rulebooks/book/eval", &case);
    let generation = |server: &Server| {
        let (_, http) = server.get("/v1/rulebooks/book");
        serde_json::from_str::<serde_json::Value>(&http).unwrap()
    };
    // a good edit: a new version (the jurisdiction changed), generation 2
    let edited = original.replacen("jurisdiction \"CN\"", "jurisdiction \"CN-SH\"", 1);
    assert_ne!(edited, original);
    replace(&book, &edited);
    wait_for(|| generation(&server)["generation"] == 2);
    let (status, after) = server.post("/v1/rulebooks/book/eval", &case);
    assert_eq!(status, 200);
    assert!(after.contains("\"jurisdiction\": \"CN-SH\""), "{after}");
    assert_ne!(before, after);
    // a bad edit: version 2 keeps serving; the diagnostics are shown and logged
    replace(
        &book,
        format!("{edited}\nrule broken\n  no.such.fact => nothing\n"),
    );
    wait_for(|| generation(&server)["failed_reload"] != serde_json::Value::Null);
    let status_doc = generation(&server);
    assert_eq!(status_doc["generation"], 2);
    let codes: Vec<&str> = status_doc["failed_reload"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.is_empty());
    assert!(
        codes.iter().all(|c| c.starts_with("redress::")),
        "{codes:?}"
    );
    let (status, still) = server.post("/v1/rulebooks/book/eval", &case);
    assert_eq!((status, still.as_str()), (200, after.as_str()));
    let log = server.stderr();
    let warned: Vec<serde_json::Value> = log
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|l| l["level"] == "WARN")
        .collect();
    assert!(
        warned
            .iter()
            .any(|l| l["code"] == codes[0] && l["rulebook"] == "book"),
        "{log}"
    );
    // fixed again: generation 3, the failure cleared
    replace(&book, &original);
    wait_for(|| generation(&server)["generation"] == 3);
    assert_eq!(
        generation(&server)["failed_reload"],
        serde_json::Value::Null
    );
    // (a failed reload at least: a reader may also have caught a file half written)
    let metrics = server.get("/metrics").1;
    let failed = metrics
        .lines()
        .find_map(|l| {
            l.strip_prefix("redress_rulebook_reloads_total{rulebook=\"book\",result=\"failed\"} ")
        })
        .unwrap_or_else(|| panic!("{metrics}"));
    assert!(failed.parse::<u64>().unwrap() >= 1);
}

/// `--watch` through what editors and tools do to a file: delete it and
/// write it again, or empty it before writing it. The version serving never
/// changes for an empty or missing file; each event is logged, and a file
/// back to the text serving shows no failure.
#[test]
fn watch_keeps_serving_through_a_deleted_or_briefly_empty_file() {
    let dir = tempdir("watch-empty");
    let book = dir.join("book.rules");
    let original = read(EXAMPLE);
    replace(&book, &original);
    let server = Server::start(&[
        "--watch",
        "--watch-interval",
        "0.1",
        "--log-format",
        "json",
        book.to_str().unwrap(),
    ]);
    let case = read("rulebooks/example/cases/fraud.json");
    let (_, before) = server.post("/v1/rulebooks/book/eval", &case);
    let status = |server: &Server| {
        let (_, http) = server.get("/v1/rulebooks/book");
        serde_json::from_str::<serde_json::Value>(&http).unwrap()
    };
    let logged = |server: &Server, message: &str| {
        server
            .stderr()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .any(|l| l["rulebook"] == "book" && l["message"] == message)
    };
    let serves_the_same = |server: &Server| {
        let (code, now) = server.post("/v1/rulebooks/book/eval", &case);
        assert_eq!((code, now.as_str()), (200, before.as_str()));
    };
    // deleted: a failed reload (the file cannot be read), version 1 serving
    std::fs::remove_file(&book).unwrap();
    wait_for(|| status(&server)["failed_reload"] != serde_json::Value::Null);
    assert_eq!(status(&server)["generation"], 1);
    assert_eq!(
        status(&server)["failed_reload"]["diagnostics"][0]["code"],
        "redress::io"
    );
    serves_the_same(&server);
    // written again as it was: the failure is cleared, still version 1
    std::fs::write(&book, &original).unwrap();
    wait_for(|| status(&server)["failed_reload"] == serde_json::Value::Null);
    assert_eq!(status(&server)["generation"], 1);
    wait_for(|| logged(&server, "the file is the version serving again"));
    serves_the_same(&server);
    // emptied, as an editor does before writing: logged, nothing else changes
    std::fs::write(&book, "").unwrap();
    wait_for(|| {
        logged(
            &server,
            "the file is empty: the previous version keeps serving",
        )
    });
    let now = status(&server);
    assert_eq!(now["generation"], 1);
    assert_eq!(now["failed_reload"], serde_json::Value::Null);
    serves_the_same(&server);
    // then written with an edit: the new version, generation 2
    let edited = original.replacen("jurisdiction \"CN\"", "jurisdiction \"CN-SH\"", 1);
    std::fs::write(&book, &edited).unwrap();
    wait_for(|| status(&server)["generation"] == 2);
    let (code, after) = server.post("/v1/rulebooks/book/eval", &case);
    assert_eq!(code, 200);
    assert!(after.contains("\"jurisdiction\": \"CN-SH\""), "{after}");
    let metrics = server.get("/metrics").1;
    assert!(
        metrics.contains("redress_rulebook_reloads_total{rulebook=\"book\",result=\"empty\"}"),
        "{metrics}"
    );
}

/// Write a file as editors do: a temporary file renamed over it.
fn replace(path: &std::path::Path, text: impl AsRef<[u8]>) {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// docs/api.md: every ```http request block is sent to a server of the
/// example rulebook, and the ```http-response block after it must hold:
/// the status, each header shown, and the body (JSON: every key shown,
/// with its value, arrays of the same length, `"…"` standing for anything;
/// JSON Lines: line by line; text: the lines shown, in order, `…` standing
/// for any lines).
#[test]
fn the_api_doc_examples_are_what_the_server_answers() {
    let doc = read("docs/api.md");
    let server = Server::start(&[EXAMPLE]);
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(tag) = line.strip_prefix("```").filter(|t| !t.is_empty()) {
            let mut text = String::new();
            for l in lines.by_ref() {
                if l == "```" {
                    break;
                }
                text.push_str(l);
                text.push('\n');
            }
            blocks.push((tag.to_string(), text));
        }
    }
    let mut checked = 0;
    for pair in blocks.windows(2) {
        let [(tag, request), (next, expected)] = pair else {
            continue;
        };
        if tag != "http" {
            continue;
        }
        assert_eq!(
            next, "http-response",
            "a request without a response after it:\n{request}"
        );
        let (head, body) = request
            .split_once("\n\n")
            .unwrap_or((request.trim_end(), ""));
        let mut head_lines = head.lines();
        let start = head_lines.next().unwrap();
        let mut head_out = format!("{start} HTTP/1.1\r\nHost: doc");
        let mut has_length = false;
        for h in head_lines {
            has_length |= h.to_ascii_lowercase().starts_with("content-length:");
            head_out.push_str("\r\n");
            head_out.push_str(h);
        }
        if !has_length && !body.is_empty() {
            head_out.push_str(&format!("\r\nContent-Length: {}", body.len()));
        }
        server.touch();
        let mut s = TcpStream::connect(&server.addr).unwrap();
        s.set_read_timeout(Some(WATCHDOG)).unwrap();
        write!(s, "{head_out}\r\nConnection: close\r\n\r\n").unwrap();
        let _ = s.write_all(body.as_bytes());
        let (status, got_head, got_body) = read_full(s);
        let (want_head, want_body) = expected
            .split_once("\n\n")
            .unwrap_or((expected.trim_end(), ""));
        let mut want_head = want_head.lines();
        let want_status: u16 = want_head
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(status, want_status, "{start}: {got_body}");
        for h in want_head {
            assert!(
                got_head
                    .to_ascii_lowercase()
                    .lines()
                    .any(|g| g == h.to_ascii_lowercase()),
                "{start}: header {h} not in\n{got_head}"
            );
        }
        assert_body(start, &got_body, want_body);
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} examples found");
}

fn assert_body(what: &str, got: &str, want: &str) {
    if let Ok(want_json) = serde_json::from_str::<serde_json::Value>(want) {
        let got_json: serde_json::Value =
            serde_json::from_str(got).unwrap_or_else(|e| panic!("{what}: {e}: {got}"));
        assert!(
            json_matches(&got_json, &want_json),
            "{what}: the answer\n{got}\ndoes not match\n{want}"
        );
        return;
    }
    let want_lines: Vec<&str> = want.lines().collect();
    if want_lines
        .iter()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    {
        let got_lines: Vec<&str> = got.lines().collect();
        assert_eq!(got_lines.len(), want_lines.len(), "{what}: {got}");
        for (g, w) in got_lines.iter().zip(&want_lines) {
            let g: serde_json::Value = serde_json::from_str(g).unwrap();
            let w: serde_json::Value = serde_json::from_str(w).unwrap();
            assert!(
                json_matches(&g, &w),
                "{what}: the line\n{g}\ndoes not match\n{w}"
            );
        }
        return;
    }
    if !want.contains('…') {
        assert_eq!(got, want, "{what}");
        return;
    }
    let mut got_lines = got.lines();
    for w in want_lines.iter().filter(|l| **l != "…") {
        assert!(
            got_lines.any(|g| g == *w),
            "{what}: `{w}` not found (in order) in\n{got}"
        );
    }
}

/// `want` with `"…"` standing for any value: every key of an object, with a
/// matching value; arrays of the same length, item by item.
fn json_matches(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    use serde_json::Value::{Array, Object, String};
    match (got, want) {
        (_, String(s)) if s == "…" => true,
        (Object(g), Object(w)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| json_matches(gv, v))),
        (Array(g), Array(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(a, b)| json_matches(a, b))
        }
        _ => got == want,
    }
}
