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
            let _ = redress::eval::evaluate(graph, &case, &redress::eval::Options::default());
        }
    }
});
