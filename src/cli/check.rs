//! `redress check`: report every problem in rulebooks.

use serde::Serialize;

use redress::diagnostic::Diagnostic;
use redress::report::ci::{self, CiFormat};
use redress::report::{self, JsonDiagnostic};

use super::{Format, INPUT_ERRORS, OK, ReadError, USAGE};

/// Check rulebooks and report every error and warning.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress check rulebooks/example/example.rules\n  redress check --deny-warnings --format json rulebooks/*/*.rules\n  redress check --format github rulebooks/*/*.rules   # annotations in a GitHub workflow\n  redress check --format sarif rulebooks/*/*.rules > redress.sarif"
)]
pub(crate) struct Args {
    /// Rulebook files (`.rules`).
    #[arg(required = true, value_name = "RULEBOOK")]
    rulebooks: Vec<String>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Serialize)]
struct JsonReport {
    files: Vec<JsonFile>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    diagnostics: Vec<JsonDiagnostic>,
}

pub(crate) fn run(args: &Args) -> u8 {
    let mut errors = 0;
    let mut warnings = 0;
    let mut files = Vec::new();
    let mut usage = false;
    let mut all: Vec<Diagnostic> = Vec::new();
    for path in &args.rulebooks {
        let diagnostics: Vec<Diagnostic> = match super::read_source(path) {
            Ok(file) => redress::compile(&file).1,
            Err(ReadError::Usage(message)) => {
                eprintln!("error: {message}");
                usage = true;
                continue;
            }
            Err(ReadError::Input(d)) => vec![d],
        };
        let e = diagnostics.iter().filter(|d| d.is_error()).count();
        errors += e;
        warnings += diagnostics.len() - e;
        match args.format {
            Format::Human => {
                super::print_diagnostics(&diagnostics, true);
                println!("{path}: {}", counts(e, diagnostics.len() - e));
            }
            Format::Json => files.push(JsonFile {
                file: path.clone(),
                diagnostics: diagnostics.iter().map(report::json_diagnostic).collect(),
            }),
            Format::Github => print!("{}", ci::render(&diagnostics, CiFormat::Github)),
            Format::Sarif => all.extend(diagnostics),
        }
    }
    if args.format == Format::Sarif {
        print!("{}", ci::render(&all, CiFormat::Sarif));
    }
    if args.format == Format::Json {
        let report = JsonReport {
            files,
            errors,
            warnings,
        };
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    if usage {
        USAGE
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        INPUT_ERRORS
    } else {
        OK
    }
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if errors == 0 && warnings == 0 {
        "ok".to_string()
    } else {
        format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}
