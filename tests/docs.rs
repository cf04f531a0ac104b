//! Every ```rules example in the docs parses without a syntax error.

use redress::source::SourceFile;

use crate::{render, root};

#[test]
fn language_reference_examples_parse() {
    let path = root().join("docs/language.md");
    let text = std::fs::read_to_string(&path).expect("docs/language.md exists");
    let mut count = 0;
    let mut rest = text.as_str();
    while let Some(start) = rest.find("```rules\n") {
        let body = &rest[start + 9..];
        let end = body.find("```").expect("closed block");
        let block = &body[..end];
        count += 1;
        let file = SourceFile::new(format!("docs/language.md, example {count}"), block);
        let (_, diagnostics) = redress::syntax::parse(&file);
        let errors: Vec<_> = diagnostics.into_iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{}", render(&errors));
        rest = &body[end + 3..];
    }
    assert!(count >= 10, "only {count} examples");
}
