//! Case text (JSON, and TOML) → validate and evaluate against the shipped
//! consumer-rights rulebook: no input may panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use redress::case::{Format, parse_case};
use redress::graph::DecisionGraph;
use redress::source::SourceFile;

fn graph() -> &'static DecisionGraph {
    static GRAPH: OnceLock<DecisionGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let text = include_str!("../../rulebooks/cn-online-shopping/cn-online-shopping.rules");
        let (graph, _) = redress::compile(&SourceFile::new("cn-online-shopping.rules", text));
        graph.expect("the shipped rulebook compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let graph = graph();
    for format in [Format::Json, Format::Toml] {
        let file = SourceFile::new("fuzz.case", text);
        let (case, diagnostics) = parse_case(graph.model(), &file, format);
        let _ = redress::report::render_diagnostics(&diagnostics, redress::report::Style::default());
        if let Some(case) = case {
            let outcome = redress::eval::evaluate(graph, &case, &redress::eval::Options::default());
            // the JSON Lines writer writes what serde_json writes
            let mut ours = Vec::new();
            outcome.write_json(&mut ours);
            assert_eq!(ours, serde_json::to_vec(&outcome).expect("serialises"));
        }
    }
    // as `eval --jsonl` reads a line: the same case and diagnostics as a named file
    let reader = redress::case::CaseReader::new(graph.model(), redress::limits::Limits::DEFAULT);
    let named = reader.read(&SourceFile::new("line 1", text), Format::Json);
    let lazy = reader.read_str(text, &|| "line 1".to_string(), Format::Json);
    assert_eq!(format!("{named:?}"), format!("{lazy:?}"));
    if !text.contains('\n') {
        let mut line = redress::batch::LineEvaluator::new(
            graph,
            redress::eval::Options::default(),
            redress::limits::Limits::DEFAULT,
        );
        let mut out = Vec::new();
        line.evaluate(text, 1).write_json(&mut out);
        assert_eq!(out.last(), Some(&b'\n'));
    }
});
