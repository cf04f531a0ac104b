//! `redress eval`: evaluate case files against a rulebook.

use std::io::{self, Write};

use jiff::civil::Date;
use serde::Serialize;

use redress::case::{self, Format as CaseFormat};
use redress::diagnostic::{Code, Diagnostic};
use redress::eval::{self, Options};
use redress::outcome::{Detail, Outcome};
use redress::report::{JsonDiagnostic, json_diagnostic, text};

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Output formats of `eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Advice text for people.
    Human,
    /// The outcome as JSON, for tools.
    Json,
}

/// `--output`: how much of each outcome to write (see `redress::outcome::Detail`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Output {
    /// The ids of the remedies that apply and of those undetermined.
    Ids,
    /// The ids with parameters, amounts and deadlines, and the facts undetermined remedies need.
    Summary,
    /// The whole outcome: titles, citations, reasons, overridden rules, questions.
    Full,
}

impl From<Output> for Detail {
    fn from(o: Output) -> Detail {
        match o {
            Output::Ids => Detail::Ids,
            Output::Summary => Detail::Summary,
            Output::Full => Detail::Full,
        }
    }
}

/// Evaluate case files against a rulebook and say which remedies apply and why.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress eval rulebooks/example/example.rules rulebooks/example/cases/fraud.json\n  redress eval --format json --as-of 2024-06-01 book.rules case.json\n  redress eval --lang en --verbose book.rules case.json\n  cat case.json | redress eval book.rules -\n  redress eval book.rules --jsonl complaints.jsonl > outcomes.jsonl\n  redress eval book.rules --jsonl complaints.jsonl --output ids > applies.jsonl"
)]
pub(crate) struct Args {
    /// The rulebook (`.rules`).
    #[arg(value_name = "RULEBOOK")]
    rulebook: String,
    /// Case files (JSON, or TOML by the `.toml` ending); `-` reads JSON from standard input.
    #[arg(
        required_unless_present = "jsonl",
        conflicts_with = "jsonl",
        value_name = "CASE"
    )]
    cases: Vec<String>,
    /// Evaluate a JSON Lines file (`-`: standard input), one case per line, writing one JSON
    /// line per input line in input order: the outcome, or `{"line": N, "errors": […]}`.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<String>,
    /// With `--jsonl`: copy each line's top-level key of this name (its case's id, not a fact)
    /// into its output line, first, as written, so that results can be joined without relying
    /// on line order (default: `id`). A name that is a fact of the rulebook is a usage error.
    #[arg(long, value_name = "KEY", requires = "jsonl")]
    id_field: Option<String>,
    /// Threads for `--jsonl` (default: all cores).
    #[arg(long, value_name = "N", value_parser = super::values::jobs)]
    jobs: Option<u16>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// With `--jsonl` or `--format json`: how much of each outcome to build and write (ids: the
    /// remedies that apply and those undetermined; summary: with parameters, amounts, deadlines
    /// and needed facts; full: the whole outcome). See docs/output.md, "Output levels".
    #[arg(long, value_enum, value_name = "LEVEL")]
    output: Option<Output>,
    /// Judge the case as of this date (YYYY-MM-DD): sets the rulebook's `as of` fact and decides which deadlines have expired.
    #[arg(long, value_name = "DATE", value_parser = super::values::date)]
    as_of: Option<Date>,
    /// Language of the advice text (`en`, `zh`; default: the first of the rulebook's `languages`).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Show the internal names of facts and values beside their labels in the advice text.
    #[arg(long, short)]
    verbose: bool,
}

/// An entry of `--format json` for several cases: the outcome, or why there
/// is none (the error diagnostics).
#[derive(Serialize)]
#[serde(untagged)]
enum Named<'a, 'g> {
    Outcome {
        case: &'a str,
        outcome: &'a Outcome<'g>,
    },
    Errors {
        case: &'a str,
        errors: Vec<JsonDiagnostic>,
    },
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    // the rulebook's diagnostics in the language asked for, or the
    // locale's; the case's in the language of the advice
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(super::USAGE);
    }
    let rulebook = match super::read_source(&args.rulebook) {
        Ok(f) => f,
        Err(ReadError::Usage(m)) => {
            super::words::error(&m);
            return Ok(USAGE);
        }
        Err(ReadError::Input(d)) => {
            super::eprint_diagnostics(&[d]);
            return Ok(INPUT_ERRORS);
        }
    };
    let (graph, diagnostics) = redress::compile_with(&rulebook, &super::limits());
    let Some(graph) = graph else {
        super::eprint_diagnostics(&diagnostics);
        errln!(
            "{}",
            super::words::say("cli-rulebook-has-errors", &[("path", &args.rulebook)])
        );
        return Ok(INPUT_ERRORS);
    };
    let model = graph.model();
    if args.id_field.is_some() && args.jsonl.is_none() {
        // (clap drops the requirement when CASE files, which conflict with --jsonl, are given)
        super::words::fail("cli-eval-id-field-alone", &[]);
        return Ok(USAGE);
    }
    if args.output.is_some() && args.jsonl.is_none() && args.format != Format::Json {
        super::words::fail("cli-eval-output-alone", &[]);
        return Ok(USAGE);
    }
    let Some(lang) = super::advice_language(args.lang.as_deref(), model) else {
        return Ok(USAGE);
    };
    super::set_diagnostic_language(&lang);
    let text_options = text::TextOptions {
        lang: &lang,
        verbose: args.verbose,
        width: super::terminal_width(),
    };
    let options = Options {
        as_of: args.as_of,
        detail: args.output.map_or(Detail::Full, Detail::from),
        ..Options::default()
    };
    if let Some(path) = &args.jsonl {
        // more threads than cores only adds hand-overs (and thousands of
        // them may not be startable at all)
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let jobs = match args.jobs.map(usize::from) {
            Some(asked) if asked > cores => {
                let said = super::words::words().get(
                    "cli-eval-jobs",
                    &[("asked", asked.to_string().into()), ("cores", cores.into())],
                );
                super::words::note(&said);
                cores
            }
            asked => asked.unwrap_or(cores),
        };
        // `id` unless a fact has that name; a name given that is a fact is a mistake
        let id_field = match &args.id_field {
            Some(name) if model.fact_id(name).is_some() => {
                super::words::fail(
                    "cli-eval-id-field-fact",
                    &[("name", &redress::report::visible_inline(name))],
                );
                return Ok(USAGE);
            }
            Some(name) => Some(name.as_str()),
            None => model.fact_id("id").is_none().then_some("id"),
        };
        return super::batch::run(out, &graph, path, jobs, &options, id_field);
    }
    let mut status = OK;
    // for `--format json`: each case's name and outcome, or its errors
    let mut outcomes: Vec<(String, Result<Outcome, Vec<Diagnostic>>)> = Vec::new();
    for (i, path) in args.cases.iter().enumerate() {
        let file = match super::read_case_source(path) {
            Ok(f) => f,
            Err(ReadError::Usage(m)) => {
                super::words::error(&m);
                status = USAGE;
                let d = Diagnostic::error(Code::Io, m);
                outcomes.push((path.clone(), Err(vec![d])));
                continue;
            }
            Err(ReadError::Input(d)) => {
                super::eprint_diagnostics(std::slice::from_ref(&d));
                status = status.max(INPUT_ERRORS);
                outcomes.push((path.clone(), Err(vec![d])));
                continue;
            }
        };
        let (case, case_diagnostics): (_, Vec<Diagnostic>) =
            case::parse_case_with(model, &file, CaseFormat::from_path(path), &super::limits());
        super::eprint_diagnostics(&case_diagnostics);
        let Some(case) = case else {
            status = status.max(INPUT_ERRORS);
            let errors = case_diagnostics.into_iter().filter(Diagnostic::is_error);
            outcomes.push((file.name().to_string(), Err(errors.collect())));
            continue;
        };
        let outcome = eval::evaluate(&graph, &case, &options);
        if !outcome.errors.is_empty() {
            status = status.max(INPUT_ERRORS);
        }
        match args.format {
            Format::Human => {
                if i > 0 {
                    writeln!(out, "\n{}\n", "─".repeat(60))?;
                }
                let computations = redress::report::explain::computations(
                    &graph,
                    &case,
                    &options,
                    text_options.lang,
                    text_options.verbose,
                );
                write!(
                    out,
                    "{}",
                    text::render_outcome_computed(
                        &outcome,
                        model,
                        file.name(),
                        &text_options,
                        &computations
                    )
                )?;
            }
            Format::Json => outcomes.push((file.name().to_string(), Ok(outcome))),
        }
    }
    if args.format == Format::Json {
        // one case: its outcome, or nothing (the errors are on standard
        // error); several: always the array, with an entry for each case
        let printed = if let [_] = args.cases.as_slice() {
            match outcomes.first() {
                Some((_, Ok(only))) => Some(serde_json::to_string_pretty(only)),
                _ => None,
            }
        } else {
            let named: Vec<Named<'_, '_>> = outcomes
                .iter()
                .map(|(case, result)| match result {
                    Ok(outcome) => Named::Outcome { case, outcome },
                    Err(errors) => Named::Errors {
                        case,
                        errors: super::localized(errors)
                            .iter()
                            .map(json_diagnostic)
                            .collect(),
                    },
                })
                .collect();
            Some(serde_json::to_string_pretty(&named))
        };
        match printed {
            Some(Ok(s)) => writeln!(out, "{s}")?,
            Some(Err(e)) => super::words::error(&e.to_string()),
            None => {}
        }
    }
    Ok(status)
}
