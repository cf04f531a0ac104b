//! `redress lsp` re-checking as one types (issue 18): a one-line edit of the
//! generated rulebooks, sent to the server as an editor sends it (an
//! incremental `didChange`), answered with the document's diagnostics. This
//! is the server's whole path short of the pipe: the edit applied, the text
//! parsed again (unchanged items taken from the item cache), checked,
//! indexed, and the diagnostics converted. `cargo bench --bench lsp`.
#![allow(
    missing_docs,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark binary: stopping on a broken generator or a wrong answer is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lsp_server::{Message, Notification, Request};
use redress::lsp::Server;
use serde_json::json;

const URI: &str = "file:///generated.rules";

fn recheck(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp_recheck_one_line_edit");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for rules in generator::SIZES {
        let text = generator::rulebook(rules, generator::SEED);
        let Some(at) = text.rfind("\nrule ") else {
            panic!("the generated rulebook has rules");
        };
        let line = text[..at + 1].matches('\n').count();
        let mut server = Server::new();
        let mut out = Vec::new();
        let init = Request::new(
            1.into(),
            "initialize".to_string(),
            json!({"capabilities": {}}),
        );
        server.handle(Message::Request(init), &mut out);
        let open = Notification::new(
            "textDocument/didOpen".to_string(),
            json!({"textDocument": {"uri": URI, "languageId": "redress", "version": 1, "text": text}}),
        );
        server.handle(Message::Notification(open), &mut out);
        let Some(Message::Notification(first)) = out.last() else {
            panic!("didOpen publishes the diagnostics");
        };
        let expected = first.params["diagnostics"].clone();
        // insert a comment line before the last rule, then take it out again
        let insert = json!([{"range": {"start": {"line": line, "character": 0},
                                       "end": {"line": line, "character": 0}},
                             "text": "# edited\n"}]);
        let remove = json!([{"range": {"start": {"line": line, "character": 0},
                                       "end": {"line": line + 1, "character": 0}},
                             "text": ""}]);
        let mut version = 1;
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            b.iter(|| {
                version += 1;
                let changes = if version % 2 == 0 { &insert } else { &remove };
                let change = Notification::new(
                    "textDocument/didChange".to_string(),
                    json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": changes}),
                );
                out.clear();
                server.handle(Message::Notification(change), &mut out);
                let [Message::Notification(published)] = &out[..] else {
                    panic!("one publishDiagnostics per change");
                };
                assert_eq!(published.params["diagnostics"], expected);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, recheck);
criterion_main!(benches);
