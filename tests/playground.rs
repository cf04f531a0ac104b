//! The rulebook playground (issue 18): `redress serve --playground` on a
//! loopback port the OS picks. The page and its assets (types, nothing from
//! another host), the page's words from the catalogues, the source of a
//! served rulebook, and the stateless endpoints, whose answers are compared
//! byte for byte with what the CLI prints for the same rulebook and case.
//! (The page itself is driven in headless Chromium by
//! editors/playground/test/browser.mjs, run by `.ci/run`.)

use crate::serve::{EXAMPLE, SHOPPING, Server, error_code, json_cases, raw, read, read_full};
use crate::support::redress;

/// `{"rulebook": TEXT, "case": CASE}` with the case's text as it is.
fn body(rulebook: &str, case: Option<&str>) -> String {
    let text = serde_json::to_string(rulebook).unwrap();
    match case {
        Some(case) => format!("{{\"rulebook\": {text}, \"case\": {case}}}"),
        None => format!("{{\"rulebook\": {text}}}"),
    }
}

/// GET `path`: status, head (lower-cased) and body.
fn get_full(server: &Server, path: &str) -> (u16, String, String) {
    let s = std::net::TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(crate::support::WATCHDOG)).unwrap();
    let mut w = &s;
    std::io::Write::write_all(
        &mut w,
        format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    )
    .unwrap();
    let (status, head, body) = read_full(s);
    (status, head.to_ascii_lowercase(), body)
}

const NAMESPACES: &[&str] = &[
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
];

/// Every URL an asset names: none may point to another host.
fn external_urls(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for scheme in ["http://", "https://", "//"] {
        let mut rest = text;
        while let Some(i) = rest.find(scheme) {
            let after = &rest[i + scheme.len()..];
            let url: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && !"\"'`)<>".contains(*c))
                .collect();
            rest = after;
            let host = url.split('/').next().unwrap_or("");
            // `//` also starts comments and regular expressions (a URL has a host with a dot),
            // and ends `http:` (seen already)
            if scheme == "//"
                && (text[..text.len() - after.len() - 2].ends_with(':')
                    || !(host.contains('.')
                        && host
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c))))
            {
                continue;
            }
            // XML namespace names, which nothing fetches
            if NAMESPACES.contains(&format!("{scheme}{url}").as_str()) {
                continue;
            }
            if host.is_empty() || host.starts_with("127.0.0.1") || host.starts_with("localhost") {
                continue;
            }
            found.push(format!("{scheme}{url}"));
        }
    }
    found
}

#[test]
fn the_page_and_its_assets_are_served_from_the_binary() {
    let server = Server::start(&["--playground", EXAMPLE]);
    let (status, head, page) = get_full(&server, "/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
    assert!(page.contains("<html lang=\"zh-Hans\">"), "{page}");
    assert!(page.contains("src=\"/playground.js\""));
    assert!(page.contains("href=\"/playground.css\""));
    for (path, kind) in [
        ("/playground.js", "text/javascript; charset=utf-8"),
        ("/playground.css", "text/css; charset=utf-8"),
        ("/v1/playground/words", "application/json"),
        ("/v1/rulebooks/example/source", "text/plain; charset=utf-8"),
    ] {
        let (status, head, body) = get_full(&server, path);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(
            head.contains(&format!("content-type: {kind}")),
            "{path}: {head}"
        );
        assert!(!body.is_empty(), "{path}");
    }
    // the bundle is the committed build, and nothing served names another host
    for (path, file) in [
        ("/", "editors/playground/dist/index.html"),
        ("/playground.js", "editors/playground/dist/playground.js"),
        ("/playground.css", "editors/playground/dist/playground.css"),
    ] {
        let (_, _, body) = get_full(&server, path);
        assert_eq!(body, read(file), "{path}");
        assert_eq!(external_urls(&body), Vec::<String>::new(), "{path}");
    }
    assert!(
        read("editors/playground/dist/playground.js").contains("cm-editor"),
        "CodeMirror is in the bundle"
    );
}

#[test]
fn without_the_flag_there_is_no_playground() {
    let server = Server::start(&[EXAMPLE]);
    for path in [
        "/",
        "/playground.js",
        "/v1/playground/words",
        "/v1/rulebooks/example/source",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(
            (status, error_code(&body).as_str()),
            (404, "serve::not_found"),
            "{path}"
        );
    }
    let (status, body) = server.post("/v1/playground/eval", body(&read(EXAMPLE), None));
    assert_eq!(
        (status, error_code(&body).as_str()),
        (404, "serve::not_found")
    );
}

#[test]
fn the_start_line_says_where_the_playground_is() {
    let mut child =
        crate::support::spawn(&["serve", "--playground", "--addr", "127.0.0.1:0", EXAMPLE]);
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    let mut second = String::new();
    std::io::BufRead::read_line(&mut out, &mut first).unwrap();
    std::io::BufRead::read_line(&mut out, &mut second).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let addr = first.trim().strip_prefix("listening on http://").unwrap();
    assert_eq!(second.trim(), format!("playground at http://{addr}/"));
}

#[test]
fn the_words_of_the_page_come_from_both_catalogues() {
    let server = Server::start(&["--playground", EXAMPLE]);
    let (status, body) = server.get("/v1/playground/words");
    assert_eq!(status, 200);
    let words: serde_json::Value = serde_json::from_str(&body).unwrap();
    let en = words["en"].as_object().unwrap();
    let zh = words["zh"].as_object().unwrap();
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        zh.keys().collect::<Vec<_>>(),
        "the same messages in both languages"
    );
    assert!(en.len() >= 40, "{} words", en.len());
    assert_eq!(en["playground-title"], "redress playground");
    assert_eq!(zh["playground-title"], "redress 规则集试验场");
    // variables are left for the page to fill in
    assert_eq!(en["playground-settles"], "would settle {count}");
    assert_eq!(zh["playground-settles"], "可确定 {count} 项");
    // every word the page's code asks for exists
    let code = read("editors/playground/src/main.js");
    let mut rest = code.as_str();
    let mut asked = 0;
    while let Some(i) = rest.find("\"playground-") {
        let id: String = rest[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            en.contains_key(&id),
            "the page asks for {id}, which the catalogue lacks"
        );
        asked += 1;
        rest = &rest[i + 1..];
    }
    assert!(asked > 30, "{asked}");
    // the names of the languages, asked for as `playground-lang-${lang}`
    assert_eq!(
        (
            en["playground-lang-zh"].as_str(),
            zh["playground-lang-en"].as_str()
        ),
        (Some("中文"), Some("English"))
    );
    let page = read("editors/playground/src/index.html");
    for part in page.split("data-w=\"").skip(1) {
        let id = part.split('"').next().unwrap();
        assert!(
            en.contains_key(id),
            "the page names {id}, which the catalogue lacks"
        );
    }
}

#[test]
fn the_source_of_a_served_rulebook() {
    let server = Server::start(&["--playground", EXAMPLE, SHOPPING]);
    for (id, path) in [("example", EXAMPLE), ("cn-online-shopping", SHOPPING)] {
        let (status, text) = server.get(&format!("/v1/rulebooks/{id}/source"));
        assert_eq!((status, text), (200, read(path)));
    }
    let (status, body) = server.get("/v1/rulebooks/nowhere/source?lang=zh");
    assert_eq!(status, 404);
    assert_eq!(error_code(&body), "serve::unknown_rulebook");
    assert!(body.contains("没有以 `nowhere` 提供的规则集"), "{body}");
    // an id that is not percent-encoded UTF-8: the JSON 400 of every rulebook endpoint
    let (status, body) = server.get("/v1/rulebooks/%FF/source");
    assert_eq!(status, 400, "{body}");
    assert_eq!(error_code(&body), "serve::bad_request");
}

#[test]
fn the_stateless_endpoints_answer_what_the_cli_prints() {
    // the playground serves one rulebook; the text sent is another, edited
    let server = Server::start(&["--playground", EXAMPLE]);
    // every case of the example, every eighth of the shopping rulebook (the
    // served routes, which call the same functions, are compared on all in serve.rs)
    for (book, dir, stride) in [(EXAMPLE, "example", 1), (SHOPPING, "cn-online-shopping", 8)] {
        let text = read(book);
        for format in ["json", "jsonschema"] {
            let cli = redress(&["facts", "--format", format, book], None);
            let (status, http) = server.post(
                &format!("/v1/playground/facts?format={format}"),
                body(&text, None),
            );
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "facts {format} {book}"
            );
        }
        let first = redress(&["ask", "--format", "json", book], Some(""));
        let (status, http) = server.post("/v1/playground/ask", body(&text, None));
        assert_eq!(
            (status, http.as_str()),
            (200, first.stdout.as_str()),
            "ask {book}"
        );
        for (i, case) in json_cases(dir).iter().step_by(stride).enumerate() {
            let case_text = read(case);
            let request = body(&text, Some(&case_text));
            let cli = redress(&["eval", "--format", "json", book, case], None);
            let (status, http) = server.post("/v1/playground/eval", &request);
            if cli.stdout.is_empty() {
                assert_eq!(status, 422, "{case}: {http}");
                assert_eq!(error_code(&http), "serve::invalid_case");
                continue;
            }
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "eval {case}"
            );
            let cli = redress(
                &["ask", "--format", "json", "--lang", "zh", book, case],
                None,
            );
            let (status, http) = server.post("/v1/playground/ask?lang=zh", &request);
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "ask {case}"
            );
            if i % 2 != 0 {
                continue;
            }
            let cli = redress(
                &[
                    "eval",
                    "--format",
                    "json",
                    "--output",
                    "summary",
                    "--as-of",
                    "2024-06-01",
                    book,
                    case,
                ],
                None,
            );
            let (status, http) = server.post(
                "/v1/playground/eval?output=summary&as_of=2024-06-01",
                &request,
            );
            assert_eq!(
                (status, http.as_str()),
                (200, cli.stdout.as_str()),
                "eval --as-of {case}"
            );
            for lang in ["zh", "en"] {
                let cli = redress(
                    &["explain", "--format", "json", "--lang", lang, book, case],
                    None,
                );
                let (status, http) =
                    server.post(&format!("/v1/playground/explain?lang={lang}"), &request);
                assert_eq!(
                    (status, http.as_str()),
                    (200, cli.stdout.as_str()),
                    "explain {lang} {case}"
                );
            }
        }
    }
    // the remedies of the text sent, in declaration order, with their titles
    let (status, http) = server.post("/v1/playground/remedies", body(&read(EXAMPLE), None));
    assert_eq!(status, 200, "{http}");
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    let ids: Vec<&str> = v["remedies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "forward_to_association_at_operator_location",
            "return_without_reason",
            "punitive_damages_fraud"
        ]
    );
    assert_eq!(v["remedies"][2]["title"]["zh"], "欺诈惩罚性赔偿");
    assert_eq!(v["remedies"][2]["category"], "civil");
    // one remedy explained, and an edited text (a CJK label added) evaluated
    let edited = read(EXAMPLE).replace(
        "  label en \"Consumer deceived\"",
        "  label en \"Consumer deceived\"\n  # 受骗了吗？",
    );
    assert_ne!(edited, read(EXAMPLE));
    let dir = std::env::temp_dir().join(format!("redress-playground-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("edited.rules");
    std::fs::write(&path, &edited).unwrap();
    let path = path.to_str().unwrap();
    let case = "rulebooks/example/cases/fraud.json";
    let cli = redress(
        &[
            "explain",
            "--format",
            "json",
            path,
            case,
            "punitive_damages_fraud",
        ],
        None,
    );
    let (status, http) = server.post(
        "/v1/playground/explain?remedy=punitive_damages_fraud",
        body(&edited, Some(&read(case))),
    );
    assert_eq!((status, http.as_str()), (200, cli.stdout.as_str()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_are_json() {
    let server = Server::start(&["--playground", "--max-body", "100000", EXAMPLE]);
    let text = read(EXAMPLE);
    // a rulebook with errors: 422 with the diagnostics check gives
    let broken = text.replace("consumer.deceived and", "consumer.decieved and");
    assert_ne!(broken, text);
    let (status, http) = server.post("/v1/playground/eval?lang=zh", body(&broken, Some("{}")));
    assert_eq!(status, 422, "{http}");
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(v["error"]["code"], "serve::invalid_rulebook");
    assert_eq!(v["error"]["message"], "规则集有错误；见诊断。");
    assert_eq!(
        v["error"]["diagnostics"][0]["code"],
        "redress::undefined_fact"
    );
    assert_eq!(v["error"]["diagnostics"][0]["file"], "rulebook.rules");
    // a case with errors: 422 with the case's diagnostics
    let (status, http) = server.post(
        "/v1/playground/eval",
        body(&text, Some(r#"{"purchase": {"price": "lots"}}"#)),
    );
    assert_eq!(status, 422, "{http}");
    let v: serde_json::Value = serde_json::from_str(&http).unwrap();
    assert_eq!(v["error"]["code"], "serve::invalid_case");
    assert_eq!(v["error"]["diagnostics"][0]["code"], "redress::case_type");
    // not the playground's body
    for bad in [
        "",
        "[]",
        "{\"rulebook\": 3}",
        "{\"text\": \"x\"}",
        "{\"rulebook\": \"\", \"extra\": 1}",
    ] {
        let (status, http) = server.post("/v1/playground/eval?lang=en", bad);
        assert_eq!(status, 400, "{bad}: {http}");
        assert_eq!(error_code(&http), "serve::bad_request");
        assert!(http.contains("The body must be a JSON object"), "{http}");
    }
    // query parameters as the served endpoints take them
    let (status, http) = server.post("/v1/playground/eval?remedy=x", body(&text, None));
    assert_eq!(
        (status, error_code(&http).as_str()),
        (400, "serve::bad_request")
    );
    let (status, http) = server.post("/v1/playground/explain?remedy=nothing", body(&text, None));
    assert_eq!(
        (status, error_code(&http).as_str()),
        (400, "serve::bad_request")
    );
    let (status, http) = server.post("/v1/playground/ask?skip=nothing", body(&text, None));
    assert_eq!(
        (status, error_code(&http).as_str()),
        (400, "serve::bad_request")
    );
    let (status, http) = server.post("/v1/playground/eval?lang=fr", body(&text, None));
    assert_eq!(
        (status, error_code(&http).as_str()),
        (400, "serve::bad_request")
    );
    // the body limit holds
    let (status, http) = raw(
        &server.addr,
        "POST /v1/playground/facts HTTP/1.1\r\nHost: x\r\nContent-Length: 200000",
        b"",
    );
    assert_eq!(
        (status, error_code(&http).as_str()),
        (413, "serve::body_too_large")
    );
    // a GET where POST is meant
    let (status, http) = server.get("/v1/playground/eval");
    assert_eq!(
        (status, error_code(&http).as_str()),
        (405, "serve::method_not_allowed")
    );
    let (status, _) = raw(&server.addr, "DELETE / HTTP/1.1\r\nHost: x", b"");
    assert_eq!(status, 405);
}
