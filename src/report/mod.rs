//! Rendering for people and tools: diagnostics (graphical, JSON) and
//! outcomes (readable advice text, JSON); diagnostics for CI systems
//! (GitHub annotations, SARIF) in [`ci`].

pub mod ci;
pub mod excerpt;
pub mod explain;
pub mod facts;
pub use crate::i18n;
pub mod text;
pub mod visible;

pub use visible::{visible, visible_inline};

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};

/// How to draw diagnostics for people.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Use colours.
    pub color: bool,
    /// Wrap at this many columns.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// Render diagnostics with source excerpts and carets, one after another.
/// Control characters are shown as escapes and very long lines are clipped
/// around the labels ([`excerpt`]).
pub fn render_diagnostics(diagnostics: &[Diagnostic], style: Style) -> String {
    let theme = if style.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for d in diagnostics {
        let shown = excerpt::Excerpted::new(d);
        if handler.render_report(&mut out, &shown).is_err() {
            let _ = writeln!(out, "{}: {}", d.code, visible(&d.message));
        }
        out.push('\n');
    }
    out
}

/// [`render_diagnostics`] for a reader of `lang`: the diagnostics' words in
/// that language, and the renderer's own `help:` too (`帮助：`, as wide on
/// a terminal, so the wrapped lines stay aligned).
pub fn render_diagnostics_in(diagnostics: &[Diagnostic], style: Style, lang: &str) -> String {
    if lang == "en" {
        return render_diagnostics(diagnostics, style);
    }
    let localized: Vec<Diagnostic> = diagnostics.iter().map(|d| d.in_language(lang)).collect();
    let out = render_diagnostics(&localized, style);
    let help = crate::i18n::Words::new(lang).get("diag-help", &[]);
    if help == "help:" {
        return out;
    }
    let mut shown = String::with_capacity(out.len());
    for line in out.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let (spaces, rest) = line.split_at(indent);
        // after the indentation, maybe a colour's escape sequence, then `help:`
        let escape = if rest.starts_with('\u{1b}') {
            rest.find('m').map_or(0, |m| m + 1)
        } else {
            0
        };
        match rest.get(escape..).and_then(|r| r.strip_prefix("help:")) {
            Some(after) if indent > 0 => {
                shown.push_str(spaces);
                shown.push_str(rest.get(..escape).unwrap_or(""));
                shown.push_str(&help);
                shown.push_str(after.strip_prefix(' ').unwrap_or(after));
            }
            _ => shown.push_str(line),
        }
    }
    shown
}

/// A 1-based position in characters.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A diagnostic in the JSON format.
#[derive(Clone, Debug, Serialize)]
pub struct JsonDiagnostic {
    /// `redress::…`
    pub code: String,
    /// `error` or `warning`
    pub severity: &'static str,
    /// The message.
    pub message: String,
    /// The file.
    pub file: Option<String>,
    /// Where the primary label starts.
    pub start: Option<Position>,
    /// Where it ends.
    pub end: Option<Position>,
    /// All labels.
    pub labels: Vec<JsonLabel>,
    /// Help.
    pub help: Option<String>,
    /// Edits an editor can apply to fix it; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<JsonFix>,
}

/// A machine-applicable fix in the JSON format: replace the text from
/// `start` to `end` with `replacement` (equal positions insert it).
#[derive(Clone, Debug, Serialize)]
pub struct JsonFix {
    /// What it does.
    pub message: String,
    /// Start of the text replaced.
    pub start: Position,
    /// End of the text replaced.
    pub end: Position,
    /// Byte offsets of the text replaced, `[start, end)`.
    pub bytes: [usize; 2],
    /// The new text.
    pub replacement: String,
}

/// A label in the JSON format.
#[derive(Clone, Debug, Serialize)]
pub struct JsonLabel {
    /// Text.
    pub message: String,
    /// Start.
    pub start: Position,
    /// End.
    pub end: Position,
}

/// The report of `check --format json` (and of the server's `POST /v1/check`):
/// each file with its diagnostics, in the order given, and the counts of
/// errors and warnings over all of them.
pub fn check_report(files: &[(String, Vec<Diagnostic>)]) -> serde_json::Value {
    let errors = files
        .iter()
        .flat_map(|(_, d)| d)
        .filter(|d| d.is_error())
        .count();
    let total: usize = files.iter().map(|(_, d)| d.len()).sum();
    serde_json::json!({
        "files": files
            .iter()
            .map(|(file, d)| serde_json::json!({
                "file": file,
                "diagnostics": d.iter().map(json_diagnostic).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>(),
        "errors": errors,
        "warnings": total - errors,
    })
}

/// A diagnostic for JSON output.
pub fn json_diagnostic(d: &Diagnostic) -> JsonDiagnostic {
    let pos = |offset: usize| {
        d.file.as_ref().map(|f| {
            let (line, column) = f.line_col(offset);
            Position { line, column }
        })
    };
    let primary = d.primary_span();
    JsonDiagnostic {
        code: d.code.to_string(),
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: d.message.clone(),
        file: d.file.as_ref().map(|f| f.name().to_string()),
        start: primary.and_then(|s| pos(s.start)),
        end: primary.and_then(|s| pos(s.end)),
        labels: d
            .labels
            .iter()
            .filter_map(|l| {
                Some(JsonLabel {
                    message: l.text.clone(),
                    start: pos(l.span.start)?,
                    end: pos(l.span.end)?,
                })
            })
            .collect(),
        help: d.help.clone(),
        fixes: d
            .fixes
            .iter()
            .filter_map(|f| {
                Some(JsonFix {
                    message: f.message.clone(),
                    start: pos(f.span.start)?,
                    end: pos(f.span.end)?,
                    bytes: [f.span.start, f.span.end],
                    replacement: f.replacement.clone(),
                })
            })
            .collect(),
    }
}
