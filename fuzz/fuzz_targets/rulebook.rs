//! Rulebook text → parse, check, compile, evaluate an empty case, and
//! format: no input may panic, overflow the stack or hang, and formatting
//! must be idempotent and keep the compiled graph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redress::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new("fuzz.rules", text);
    let (graph, diagnostics) = redress::compile(&file);
    // rendering must not panic either
    let _ = redress::report::render_diagnostics(&diagnostics, redress::report::Style::default());
    if let Some(graph) = &graph {
        let case = redress::case::Case::empty(graph.model());
        let _ = redress::eval::evaluate(graph, &case, &redress::eval::Options::default());
    }
    if let Ok(formatted) = redress::fmt::format(&file) {
        let again = redress::fmt::format(&SourceFile::new("fuzz.rules", formatted.as_str()))
            .expect("formatted text formats");
        assert_eq!(again, formatted, "fmt is idempotent");
        let (graph2, _) = redress::compile(&SourceFile::new("fuzz.rules", formatted.as_str()));
        assert_eq!(format!("{graph:?}"), format!("{graph2:?}"), "fmt keeps the meaning");
    }
});
