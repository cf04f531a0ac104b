//! Diagnostics for CI systems: GitHub workflow annotations and SARIF 2.1.0.
//!
//! Input: diagnostics (from `check`, `fmt --check`, `test`, …). Output: one
//! text in the chosen [`CiFormat`]. Positions are 1-based lines and columns
//! counted in characters, as in the JSON format ([`super::json_diagnostic`]);
//! an end column is the column just after the last character (exclusive).
//! Zero-width spans are widened to the next character, as in the graphical
//! report.

use serde_json::{Value as Json, json};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source::{Span, widen};

/// A format CI systems read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiFormat {
    /// GitHub Actions workflow commands, one line per diagnostic:
    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
    Github,
    /// One SARIF 2.1.0 log (one run, tool `redress`) for code-scanning uploads.
    Sarif,
}

/// Render diagnostics for a CI system. The text ends with a newline (the
/// GitHub format is empty when there is nothing to report; SARIF is always a
/// complete log, with an empty `results` list when there is nothing).
pub fn render(diagnostics: &[Diagnostic], format: CiFormat) -> String {
    match format {
        CiFormat::Github => github(diagnostics),
        CiFormat::Sarif => {
            let mut s = serde_json::to_string_pretty(&sarif(diagnostics)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// Start and end (line, column) of a span, 1-based, in characters.
fn region(d: &Diagnostic, span: Span) -> Option<((usize, usize), (usize, usize))> {
    let file = d.file.as_ref()?;
    let span = widen(file.text(), span);
    Some((file.line_col(span.start), file.line_col(span.end)))
}

/// GitHub workflow annotation lines.
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props: Vec<String> = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", escape_property(file.name())));
            if let Some(((line, col), (end_line, end_col))) =
                d.primary_span().and_then(|s| region(d, s))
            {
                props.push(format!("line={line}"));
                props.push(format!("col={col}"));
                props.push(format!("endLine={end_line}"));
                props.push(format!("endColumn={end_col}"));
            }
        }
        props.push(format!("title={}", escape_property(&d.code.to_string())));
        let mut message = d.message.clone();
        if let Some(label) = d.labels.first().filter(|l| !l.text.is_empty()) {
            message.push_str(&format!(" ({})", label.text));
        }
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

/// Escape the message of a workflow command: `%`, carriage return, newline;
/// other control and bidi characters are shown as `\u{…}`, since GitHub's
/// log acts on terminal escapes.
pub fn escape_data(s: &str) -> String {
    super::visible::escape(s, |c| matches!(c, '\r' | '\n' | '\t'))
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The SARIF 2.1.0 log, as JSON.
pub fn sarif(diagnostics: &[Diagnostic]) -> Json {
    let rules: Vec<Json> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.to_string(),
                "name": c.name(),
                "shortDescription": { "text": c.description() },
            })
        })
        .collect();
    let results: Vec<Json> = diagnostics.iter().map(result).collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "redress",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn result(d: &Diagnostic) -> Json {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut r = json!({
        "ruleId": d.code.to_string(),
        "ruleIndex": Code::ALL.iter().position(|c| *c == d.code),
        "level": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": { "text": text },
    });
    let location = |span: Span, message: &str| -> Option<Json> {
        let file = d.file.as_ref()?;
        let ((line, col), (end_line, end_col)) = region(d, span)?;
        let mut loc = json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(file.name()) },
                "region": {
                    "startLine": line,
                    "startColumn": col,
                    "endLine": end_line,
                    "endColumn": end_col,
                }
            }
        });
        if !message.is_empty() {
            if let Some(obj) = loc.as_object_mut() {
                obj.insert("message".into(), json!({ "text": message }));
            }
        }
        Some(loc)
    };
    let mut labels = d.labels.iter();
    let primary = match (labels.next(), &d.file) {
        (Some(l), _) => location(l.span, &l.text),
        (None, Some(file)) => Some(json!({
            "physicalLocation": { "artifactLocation": { "uri": uri(file.name()) } }
        })),
        (None, None) => None,
    };
    let related: Vec<Json> = labels
        .filter_map(|l| location(l.span, &l.text))
        .enumerate()
        .map(|(i, mut loc)| {
            if let Some(obj) = loc.as_object_mut() {
                obj.insert("id".into(), json!(i + 1));
            }
            loc
        })
        .collect();
    // SARIF's `fixes`: each a replacement of a region of the file (an empty
    // region inserts), not widened as a label is.
    let fixes: Vec<Json> = d
        .fixes
        .iter()
        .filter_map(|f| {
            let file = d.file.as_ref()?;
            let (line, col) = file.line_col(f.span.start);
            let (end_line, end_col) = file.line_col(f.span.end);
            Some(json!({
                "description": { "text": f.message },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri(file.name()) },
                    "replacements": [{
                        "deletedRegion": {
                            "startLine": line,
                            "startColumn": col,
                            "endLine": end_line,
                            "endColumn": end_col,
                        },
                        "insertedContent": { "text": f.replacement },
                    }],
                }],
            }))
        })
        .collect();
    if let Some(obj) = r.as_object_mut() {
        if !fixes.is_empty() {
            obj.insert("fixes".into(), Json::Array(fixes));
        }
        if let Some(p) = primary {
            obj.insert("locations".into(), json!([p]));
        }
        if !related.is_empty() {
            obj.insert("relatedLocations".into(), Json::Array(related));
        }
    }
    r
}

/// A file name as a relative URI: `/` separators, spaces and `%` escaped.
fn uri(name: &str) -> String {
    name.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(escape_data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(escape_data("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
