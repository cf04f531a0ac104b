//! Command-line interface: argument parsing and file I/O around the library.
//! Each verb is a file; each returns an exit code: 0 ok, 1 errors in the
//! input, 2 usage errors. Output goes to a `&mut dyn Write`, never through
//! `println!`; see `out` for closed pipes and other write errors.

#[macro_use]
mod out;

mod ask;
mod batch;
mod check;
mod diff;
mod eval;
mod explain;
mod facts;
mod files;
mod fmt;
mod graph;
mod help;
mod lsp;
#[cfg(feature = "serve")]
mod serve;
mod test;
mod words;

use std::io::{self, IsTerminal as _, Read as _, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

use redress::diagnostic::{Code, Diagnostic, grouped};
use redress::report::{self, Style};
use redress::source::SourceFile;

/// Check, compile and evaluate rulebooks of legal remedy rules.
#[derive(Parser, Debug)]
#[command(name = "redress", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Raise (or lower) a limit: nesting, operators, check_depth, depth, exception_depth,
    /// case_depth, case_bytes (a case file or a `--jsonl` line; default 2 MiB) or file_bytes
    /// (any other file read; default 64 MiB). See docs/language.md, "Limits". Repeatable.
    #[arg(long = "limit", value_name = "NAME=N", global = true, value_parser = parse_limit)]
    limits: Vec<(String, usize)>,
}

fn parse_limit(s: &str) -> Result<(String, usize), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| words::say("cli-limit-form", &[]))?;
    let value: usize = value
        .trim()
        .parse()
        .map_err(|_| words::say("cli-limit-not-number", &[("value", value)]))?;
    let name = name.trim();
    if !redress::limits::Limits::DEFAULT.clone().set(name, value) {
        let limits = words::words().list(&[
            "nesting",
            "operators",
            "check_depth",
            "depth",
            "exception_depth",
            "case_depth",
            "case_bytes",
            "file_bytes",
        ]);
        return Err(words::say(
            "cli-limit-unknown",
            &[("name", name), ("limits", &limits)],
        ));
    }
    if let Some(most) = redress::limits::Limits::max_on_stack(name, STACK) {
        if value > most {
            return Err(words::say(
                "cli-limit-stack",
                &[("name", name), ("most", &most.to_string())],
            ));
        }
    }
    Ok((name.to_string(), value))
}

/// The stack the commands run on: roomy, so that raised limits stay safe
/// (the defaults need 2 MiB); `--limit` may raise a depth limit only as far
/// as this stack holds (`Limits::max_on_stack`).
const STACK: usize = 256 << 20;

static LIMITS: std::sync::OnceLock<redress::limits::Limits> = std::sync::OnceLock::new();

/// The limits in force for this run.
pub(crate) fn limits() -> redress::limits::Limits {
    LIMITS.get().copied().unwrap_or_default()
}

#[derive(Subcommand, Debug)]
enum Command {
    Ask(ask::Args),
    Check(check::Args),
    Diff(diff::Args),
    Eval(eval::Args),
    Explain(explain::Args),
    Facts(facts::Args),
    Fmt(fmt::Args),
    Graph(graph::Args),
    Lsp(lsp::Args),
    #[cfg(feature = "serve")]
    Serve(serve::Args),
    Test(test::Args),
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Text for people.
    Human,
    /// JSON for tools (schema: docs/ci.md).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
}

/// Read and compile a rulebook; on failure, report it on standard error and
/// give the exit code (1 for errors in the rulebook, 2 for a path that cannot
/// be read).
pub(crate) fn compile_or_report(path: &str) -> Result<redress::graph::DecisionGraph, u8> {
    let file = match read_source(path) {
        Ok(f) => f,
        Err(ReadError::Usage(m)) => {
            words::error(&m);
            return Err(USAGE);
        }
        Err(ReadError::Input(d)) => {
            eprint_diagnostics(&[d]);
            return Err(INPUT_ERRORS);
        }
    };
    let (graph, diagnostics) = redress::compile_with(&file, &limits());
    match graph {
        Some(g) => Ok(g),
        None => {
            eprint_diagnostics(&diagnostics);
            errln!(
                "{}",
                words::say("cli-rulebook-has-errors", &[("path", path)])
            );
            Err(INPUT_ERRORS)
        }
    }
}

/// Exit codes.
pub(crate) const OK: u8 = 0;
pub(crate) const INPUT_ERRORS: u8 = 1;
pub(crate) const USAGE: u8 = 2;

pub fn run() -> ExitCode {
    // the language of the help and of usage errors until a command
    // chooses its own: `--lang` in the arguments, else the locale
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::language(&args);
    words::set_language(lang);
    set_diagnostic_language(lang);
    let parsed = help::localize(Cli::command(), lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            help::print_error(&e, lang);
            return ExitCode::from(code);
        }
    };
    let mut limits = redress::limits::Limits::DEFAULT;
    for (name, value) in &cli.limits {
        limits.set(name, value.to_owned());
    }
    let _ = LIMITS.set(limits);
    let command = cli.command;
    let worker = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            // line-buffered, as `println!` is, so that it keeps its place
            // among the messages on standard error
            let mut stdout = io::stdout().lock();
            let out: &mut dyn Write = &mut stdout;
            let result = match command {
                Command::Ask(args) => ask::run(out, &args),
                Command::Check(args) => check::run(out, &args),
                Command::Diff(args) => diff::run(out, &args),
                Command::Eval(args) => eval::run(out, &args),
                Command::Explain(args) => explain::run(out, &args),
                Command::Facts(args) => facts::run(out, &args),
                Command::Fmt(args) => fmt::run(out, &args),
                Command::Graph(args) => graph::run(out, &args),
                Command::Lsp(args) => lsp::run(out, &args),
                #[cfg(feature = "serve")]
                Command::Serve(args) => serve::run(out, &args),
                Command::Test(args) => test::run(out, &args),
            };
            out::finish(result.and_then(|code| out.flush().map(|()| code)))
        });
    let code = match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        Err(e) => {
            words::fail("cli-no-thread", &[("error", &e.to_string())]);
            USAGE
        }
        Ok(Err(_)) => {
            words::fail("cli-crashed", &[]);
            INPUT_ERRORS
        }
    };
    ExitCode::from(code)
}

/// A file that could not be used at all.
pub(crate) enum ReadError {
    /// Missing or unreadable: a usage error.
    Usage(String),
    /// Not text: an input error.
    Input(Diagnostic),
}

/// Read a file (or standard input for `-`) as UTF-8 text, at most the
/// `file_bytes` limit. A path that is not UTF-8 (found by a folder walk) is
/// read as it is and named by its lossy form.
pub(crate) fn read_source(path: impl AsRef<std::path::Path>) -> Result<Arc<SourceFile>, ReadError> {
    read_capped(path.as_ref(), limits().file_bytes, "file_bytes")
}

/// Read a case file (or standard input for `-`) as UTF-8 text, at most the
/// `case_bytes` limit.
pub(crate) fn read_case_source(
    path: impl AsRef<std::path::Path>,
) -> Result<Arc<SourceFile>, ReadError> {
    read_capped(path.as_ref(), limits().case_bytes, "case_bytes")
}

/// Read at most `max` bytes (the limit called `limit`): a longer file is a
/// `limit_exceeded` diagnostic, found out before more than `max + 1` bytes
/// are kept (so `/dev/zero` or an endless pipe cannot exhaust memory).
fn read_capped(
    real: &std::path::Path,
    max: usize,
    limit: &str,
) -> Result<Arc<SourceFile>, ReadError> {
    let lossy = real.to_string_lossy();
    let path: &str = &lossy;
    let name = if path == "-" { "<stdin>" } else { path };
    let too_large = || {
        ReadError::Input(
            Diagnostic::error(
                Code::LimitExceeded,
                redress::text!("diag-cli-too-large", name = name, max = grouped(max)),
            )
            .help(redress::text!("diag-cli-too-large-help", limit = limit)),
        )
    };
    let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut buf = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut buf)
            .map_err(|e| {
                ReadError::Usage(words::say(
                    "cli-cannot-read-stdin",
                    &[("error", &words::os_error(&e))],
                ))
            })?;
    } else {
        let shown = redress::report::visible(path);
        let cannot = |e: io::Error| {
            ReadError::Usage(words::say(
                "cli-cannot-read",
                &[("path", &shown), ("error", &words::os_error(&e))],
            ))
        };
        let file = std::fs::File::open(real).map_err(cannot)?;
        let meta = file.metadata().map_err(cannot)?;
        if meta.is_dir() {
            return Err(ReadError::Usage(words::say(
                "cli-is-folder",
                &[("path", &shown)],
            )));
        }
        if meta.is_file() && meta.len() >= cap {
            return Err(too_large());
        }
        file.take(cap).read_to_end(&mut buf).map_err(cannot)?;
    }
    if buf.len() > max {
        return Err(too_large());
    }
    match String::from_utf8(buf) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(ReadError::Input(
                Diagnostic::error(
                    Code::Io,
                    redress::text!("diag-cli-not-utf8", name = name, offset = at.to_string()),
                )
                .help(redress::text!("diag-cli-save-utf8")),
            ))
        }
    }
}

/// Print the diagnostics of several files for tools: `json` (one report),
/// `github` (annotation lines) or `sarif` (one log). `human` prints nothing.
pub(crate) fn print_machine(
    out: &mut dyn Write,
    files: &[(String, Vec<Diagnostic>)],
    format: Format,
) -> io::Result<()> {
    use redress::report::ci::{self, CiFormat};
    let files: Vec<(String, Vec<Diagnostic>)> = files
        .iter()
        .map(|(name, d)| (name.clone(), localized(d)))
        .collect();
    let files = files.as_slice();
    match format {
        Format::Human => {}
        Format::Json => match serde_json::to_string_pretty(&report::check_report(files)) {
            Ok(s) => writeln!(out, "{s}")?,
            Err(e) => words::error(&e.to_string()),
        },
        Format::Github => {
            for (_, d) in files {
                write!(out, "{}", ci::render(d, CiFormat::Github))?;
            }
        }
        Format::Sarif => {
            let all: Vec<Diagnostic> = files.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
            write!(out, "{}", ci::render(&all, CiFormat::Sarif))?;
        }
    }
    Ok(())
}

/// Print diagnostics for people on standard output.
pub(crate) fn print_diagnostics(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> io::Result<()> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    let color = io::stdout().is_terminal();
    let text = report::render_diagnostics_in(
        diagnostics,
        Style { color, width: 100 },
        diagnostic_language(),
    );
    write!(out, "{text}")
}

/// Print diagnostics for people on standard error.
pub(crate) fn eprint_diagnostics(diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let color = io::stderr().is_terminal();
    let text = report::render_diagnostics_in(
        diagnostics,
        Style { color, width: 100 },
        diagnostic_language(),
    );
    err!("{text}");
}

/// A language chosen while the command runs, kept as an index into
/// `i18n::LANGUAGES`: English until it is set, and for a language the
/// catalogue does not have.
pub(crate) struct ChosenLanguage(AtomicUsize);

impl ChosenLanguage {
    pub(crate) const fn new() -> ChosenLanguage {
        ChosenLanguage(AtomicUsize::new(0))
    }

    /// Use `lang` from now on.
    pub(crate) fn set(&self, lang: &str) {
        let i = redress::i18n::LANGUAGES
            .iter()
            .position(|l| *l == lang)
            .unwrap_or(0);
        self.0.store(i, Ordering::Relaxed);
    }

    /// The language chosen.
    pub(crate) fn get(&self) -> &'static str {
        redress::i18n::LANGUAGES
            .get(self.0.load(Ordering::Relaxed))
            .copied()
            .unwrap_or("en")
    }
}

/// The language diagnostics are shown in (a command may choose the advice
/// language for them; the command line's own words keep theirs).
static DIAGNOSTIC_LANGUAGE: ChosenLanguage = ChosenLanguage::new();

/// Show diagnostics in `lang` from now on (English for a language the
/// catalogue does not have).
pub(crate) fn set_diagnostic_language(lang: &str) {
    DIAGNOSTIC_LANGUAGE.set(lang);
}

/// The language diagnostics are shown in.
pub(crate) fn diagnostic_language() -> &'static str {
    DIAGNOSTIC_LANGUAGE.get()
}

/// The language of the environment's locale: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides (as POSIX
/// does); a value starting `zh` (`zh_CN.UTF-8`, `zh_TW`) is Chinese, anything
/// else (or none) English.
pub(crate) fn locale_language() -> &'static str {
    locale_language_of(|name| std::env::var(name).ok())
}

fn locale_language_of(var: impl Fn(&str) -> Option<String>) -> &'static str {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()));
    match value {
        Some(v) if v.starts_with("zh") => "zh",
        _ => "en",
    }
}

/// Choose the language of diagnostics for a command with a `--lang`
/// option: the language asked for, else the environment's locale. `false`
/// (said on standard error, as for advice) for a language the catalogue does
/// not have: a usage error.
pub(crate) fn choose_diagnostic_language(asked: Option<&str>) -> bool {
    use redress::report::i18n;
    match asked {
        Some(lang) if i18n::is_available(lang) => {
            set_diagnostic_language(lang);
            true
        }
        Some(lang) => {
            no_language(lang);
            false
        }
        None => {
            set_diagnostic_language(locale_language());
            true
        }
    }
}

/// Say that redress has no words in `lang` (a usage error).
fn no_language(lang: &str) {
    let languages = words::words().list(redress::report::i18n::LANGUAGES);
    words::fail(
        "cli-no-language",
        &[("lang", lang), ("languages", &languages)],
    );
}

/// The diagnostics in the language chosen for them.
pub(crate) fn localized(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let lang = diagnostic_language();
    diagnostics.iter().map(|d| d.in_language(lang)).collect()
}

/// The language of advice text: `--lang`, else the first of the rulebook's
/// `languages`, else English. `None` (said on standard error) for a language
/// the catalogue does not have: a usage error.
pub(crate) fn advice_language(
    asked: Option<&str>,
    model: &redress::model::Model,
) -> Option<String> {
    use redress::report::i18n;
    match asked {
        Some(lang) if i18n::is_available(lang) => Some(lang.to_string()),
        Some(lang) => {
            no_language(lang);
            None
        }
        None => Some(
            model
                .header
                .languages
                .iter()
                .find(|l| i18n::is_available(l))
                .cloned()
                .unwrap_or_else(|| "en".to_string()),
        ),
    }
}

/// The width of the terminal standard output is, to wrap advice text at;
/// `None` when it is not a terminal (a pipe or a file: no wrapping).
pub(crate) fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let size = terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    from_env.or(size).filter(|w| *w >= 20)
}
