//! The container recipe and the Kubernetes example of docs/deploy.md, run as
//! far as this machine can run them (it has no container engine): the
//! image's entry point and command, read from the Dockerfile in the page,
//! are started as the real binary with the image's paths mapped to the
//! repository (`/rulebooks/` → `rulebooks/`, the port → one the OS picks on
//! loopback); the probes and the metrics path of the Deployment, the example
//! `curl` request, the JSON logs and SIGTERM are checked against it; and the
//! Deployment starts the same rulebooks as the image. What is not run: the
//! image build itself and the non-root user (the page says so).

use crate::root;
use crate::serve::{EXAMPLE, Server, read, wait_for};

/// The text of the first fenced block of `lang` in `page`.
fn block<'a>(page: &'a str, lang: &str) -> &'a str {
    let open = format!("```{lang}\n");
    let start = page
        .find(&open)
        .unwrap_or_else(|| panic!("no ```{lang} block"))
        + open.len();
    let len = page[start..].find("```").expect("the block is closed");
    &page[start..start + len]
}

/// The JSON array after `instruction` in the Dockerfile (`ENTRYPOINT`, `CMD`).
fn exec_form(dockerfile: &str, instruction: &str) -> Vec<String> {
    let line = dockerfile
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{instruction} ")))
        .unwrap_or_else(|| panic!("no {instruction} in the Dockerfile"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{instruction} is not exec form: {e}"))
}

/// An image path of the recipe as the repository's path, checking that the
/// Dockerfile copies it there (`COPY rulebooks/ /rulebooks/`).
fn in_repository(dockerfile: &str, path: &str) -> String {
    assert!(dockerfile.contains("\nCOPY rulebooks/ /rulebooks/\n"));
    let relative = path
        .strip_prefix("/rulebooks/")
        .unwrap_or_else(|| panic!("{path} is not under the image's /rulebooks/"));
    let repo = format!("rulebooks/{relative}");
    assert!(root().join(&repo).is_file(), "{repo} does not exist");
    repo
}

#[test]
fn the_container_recipe_serves_what_the_page_says() {
    let page = read("docs/deploy.md");
    let dockerfile = block(&page, "dockerfile");
    let entry = exec_form(dockerfile, "ENTRYPOINT");
    let cmd = exec_form(dockerfile, "CMD");

    // the binary the build stage makes is the one the entry point runs
    assert!(dockerfile.contains("RUN cargo build --release --locked --bin redress\n"));
    assert!(
        dockerfile
            .contains("COPY --from=build /src/target/release/redress /usr/local/bin/redress\n")
    );
    assert_eq!(entry[0], "/usr/local/bin/redress");
    assert_eq!(entry[1], "serve");
    // it listens on every interface of the container, on the exposed port
    let addr = entry.iter().position(|a| a == "--addr").expect("--addr");
    assert_eq!(entry[addr + 1], "0.0.0.0:8080");
    assert!(dockerfile.contains("\nEXPOSE 8080\n"));
    let mut options: Vec<String> = entry[2..].to_vec();
    options.drain(addr - 2..addr);
    assert_eq!(options, ["--log-format", "json"]);

    // the Deployment runs the image's command and probes the server's paths
    let yaml = block(&page, "yaml");
    let args_line = yaml
        .lines()
        .find_map(|l| l.trim().strip_prefix("args: "))
        .expect("the Deployment's args");
    let args: Vec<String> = serde_json::from_str(args_line).unwrap();
    assert_eq!(
        args, cmd,
        "the Deployment and the image start the same rulebooks"
    );
    for needle in [
        "containerPort: 8080",
        "httpGet: { path: /healthz, port: http }",
        "httpGet: { path: /readyz, port: http }",
        "prometheus.io/port: \"8080\"",
        "prometheus.io/path: /metrics",
    ] {
        assert!(yaml.contains(needle), "the Deployment lacks {needle}");
    }

    // start what the image starts
    let rulebooks: Vec<String> = cmd.iter().map(|p| in_repository(dockerfile, p)).collect();
    let mut argv: Vec<&str> = options.iter().map(String::as_str).collect();
    argv.extend(rulebooks.iter().map(String::as_str));
    let server = Server::start(&argv);

    for path in ["/healthz", "/readyz"] {
        assert_eq!(server.get(path).0, 200, "{path}");
    }
    let (status, metrics) = server.get("/metrics");
    assert_eq!(status, 200);
    assert!(metrics.contains("# TYPE"), "Prometheus text: {metrics}");
    // every rulebook of the command is served under its file stem
    let (_, list) = server.get("/v1/rulebooks");
    for book in &rulebooks {
        let stem = std::path::Path::new(book).file_stem().unwrap();
        assert!(
            list.contains(&format!("\"{}\"", stem.to_str().unwrap())),
            "{list}"
        );
    }

    // the page's example request: `curl … -d @FILE` sends the file without
    // its line breaks, as a form (the server reads any body as a case)
    let shell = block(&page, "sh");
    let curl = shell
        .lines()
        .find(|l| l.starts_with("curl "))
        .expect("a curl example");
    let words: Vec<&str> = curl.split_whitespace().collect();
    let url = words
        .iter()
        .find(|w| w.starts_with("localhost:8080/"))
        .unwrap();
    let path = url.strip_prefix("localhost:8080").unwrap();
    let data = words.iter().find_map(|w| w.strip_prefix('@')).unwrap();
    let body = read(data).replace(['\r', '\n'], "");
    let (status, outcome) = server.post(path, &body);
    assert_eq!(status, 200, "{outcome}");
    let cli = crate::support::redress(&["eval", "--format", "json", EXAMPLE, data], None);
    assert_eq!(
        outcome, cli.stdout,
        "the answer is `redress eval --format json`'s"
    );

    // SIGTERM: the process ends by itself, with status 0, and every line it
    // logged is a JSON object (`--log-format json`)
    server.terminate();
    wait_for(|| server.stderr().contains("shutting down"));
    let log = server.stderr();
    assert_eq!(server.wait(), 0, "{log}");
    assert!(!log.is_empty());
    for line in log.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(value.is_object(), "{line}");
    }
}
