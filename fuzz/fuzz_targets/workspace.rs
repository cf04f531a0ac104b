//! Rulebook text and edits of it → a `Workspace` updated through each
//! edited text gives exactly the diagnostics and model of a cold parse and
//! check of that text. The input is text with NUL bytes: the part before the
//! first is the first text; each later part is inserted into the text before
//! it, at a place and after deleting a run chosen from the part's first
//! character (so an edit is one insertion, one deletion or both).
#![no_main]

use libfuzzer_sys::fuzz_target;
use redress::diagnostic::Diagnostic;
use redress::limits::Limits;
use redress::source::SourceFile;
use redress::workspace::Workspace;

fn cold(text: &str) -> (Vec<String>, String) {
    let file = SourceFile::new("fuzz.rules", text);
    let (ast, mut diagnostics) = redress::syntax::parse_with(&file, &Limits::DEFAULT);
    let mut model = None;
    if !diagnostics.iter().any(Diagnostic::is_error) {
        let (m, more) = redress::check::check_with(&file, &ast, &Limits::DEFAULT);
        diagnostics.extend(more);
        model = m;
    }
    (diagnostics.iter().map(Diagnostic::key).collect(), format!("{model:?}"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let mut parts = input.split('\0');
    let mut text = parts.next().unwrap_or("").to_string();
    let mut ws = Workspace::new("fuzz.rules", Limits::DEFAULT);
    for step in 0.. {
        let found: Vec<String> = ws.update(&text).iter().map(Diagnostic::key).collect();
        let model = format!("{:?}", ws.model());
        let (want, want_model) = cold(&text);
        assert_eq!(found, want, "diagnostics at step {step}");
        assert_eq!(model, want_model, "model at step {step}");
        let Some(part) = parts.next() else { break };
        let mut chars = part.chars();
        let choice = chars.next().map_or(0, |c| c as usize);
        let insert = chars.as_str();
        let mut at = (choice * 7919) % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + choice % 13).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.replace_range(at..end, insert);
    }
});
