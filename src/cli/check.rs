//! `redress check`: report every problem in rulebooks.

use std::io::{self, Write};

use redress::diagnostic::Diagnostic;
use redress::report::visible;

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
    /// Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(USAGE);
    }
    let mut errors = 0;
    let mut warnings = 0;
    let mut files: Vec<(String, Vec<Diagnostic>)> = Vec::new();
    let mut usage = false;
    for path in &args.rulebooks {
        let diagnostics: Vec<Diagnostic> = match super::read_source(path) {
            Ok(file) => redress::compile_with(&file, &super::limits()).1,
            Err(ReadError::Usage(message)) => {
                super::words::error(&message);
                usage = true;
                continue;
            }
            Err(ReadError::Input(d)) => vec![d],
        };
        let e = diagnostics.iter().filter(|d| d.is_error()).count();
        errors += e;
        warnings += diagnostics.len() - e;
        if args.format == Format::Human {
            // Errors and warnings on standard error, so that `check … | head`
            // or `> log` keeps them in view; the one-line result per file is
            // the command's output, on standard output.
            super::eprint_diagnostics(&diagnostics);
            writeln!(
                out,
                "{}",
                result_line(&visible(path), e, diagnostics.len() - e)
            )?;
        }
        files.push((path.clone(), diagnostics));
    }
    super::print_machine(out, &files, args.format)?;
    Ok(if usage {
        USAGE
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// `<file>: ok`, or how many errors and warnings it has, in the language
/// of the diagnostics.
fn result_line(path: &str, errors: usize, warnings: usize) -> String {
    use redress::i18n::{FluentValue, Words};
    let words = Words::new(super::diagnostic_language());
    let number = |n: usize| FluentValue::from(i64::try_from(n).unwrap_or(i64::MAX));
    if errors == 0 && warnings == 0 {
        words.text("check-ok", &[("path", path)])
    } else {
        words.get(
            "check-counts",
            &[
                ("path", path.into()),
                ("errors", number(errors)),
                ("warnings", number(warnings)),
            ],
        )
    }
}
