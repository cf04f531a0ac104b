//! `redress explain`: why a remedy applies to a case, and why not.

use std::io::{self, Write};

use jiff::civil::Date;

use redress::case::{self, Format as CaseFormat};
use redress::eval::Options;
use redress::report::explain as render;

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Output formats of `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Text for people.
    Human,
    /// JSON for tools (docs/output.md, "redress explain").
    Json,
    /// Markdown, for a report or a web page.
    Markdown,
}

/// Explain why remedies apply to a case, or why not, and the smallest change that would flip them.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress explain rulebooks/cn-online-shopping/cn-online-shopping.rules case.json\n  redress explain --lang zh book.rules case.json return_refund\n  redress explain --format json book.rules case.json"
)]
pub(crate) struct Args {
    /// The rulebook (`.rules`).
    #[arg(value_name = "RULEBOOK")]
    rulebook: String,
    /// The case file (JSON, or TOML by the `.toml` ending); `-` reads JSON from standard input.
    #[arg(value_name = "CASE")]
    case: String,
    /// The remedy to explain in full, by id or by its title in any language (default: every remedy, one line each, in full
    /// those that apply).
    #[arg(value_name = "REMEDY")]
    remedy: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Judge the case as of this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::values::date)]
    as_of: Option<Date>,
    /// Language of the text (`en`, `zh`; default: the first of the rulebook's `languages`).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Show the internal names of facts and values beside their labels, and each computation as written.
    #[arg(long, short)]
    verbose: bool,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    // the rulebook's diagnostics in the language asked for, or the
    // locale's; the case's in the language of the advice
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(super::USAGE);
    }
    let graph = match super::compile_or_report(&args.rulebook) {
        Ok(g) => g,
        Err(code) => return Ok(code),
    };
    let model = graph.model();
    let Some(lang) = super::advice_language(args.lang.as_deref(), model) else {
        return Ok(USAGE);
    };
    super::set_diagnostic_language(&lang);
    let remedy = match &args.remedy {
        None => None,
        Some(id) => match model.remedy_named(id) {
            Some(i) => Some(i),
            None => {
                let ids: Vec<&str> = model.remedies.iter().map(|r| r.id.as_str()).collect();
                let near = model.remedy_meant(id);
                super::words::not_a_remedy(id, near, &ids);
                return Ok(USAGE);
            }
        },
    };
    let file = match super::read_case_source(&args.case) {
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
    let (case, diagnostics) = case::parse_case_with(
        model,
        &file,
        CaseFormat::from_path(&args.case),
        &super::limits(),
    );
    super::eprint_diagnostics(&diagnostics);
    let Some(case) = case else {
        return Ok(INPUT_ERRORS);
    };
    let options = Options {
        as_of: args.as_of,
        ..Options::default()
    };
    let explanation = redress::explain::explain(&graph, &case, &options, remedy);
    match args.format {
        Format::Human => {
            let text = render::render_text(
                &explanation,
                file.name(),
                &lang,
                args.verbose,
                remedy.is_some(),
            );
            // wrapped to a terminal's width, as `eval`'s advice is
            match super::terminal_width() {
                Some(width) => write!(out, "{}", redress::report::i18n::wrap(&text, width))?,
                None => write!(out, "{text}")?,
            }
        }
        Format::Markdown => write!(
            out,
            "{}",
            render::render_markdown(
                &explanation,
                file.name(),
                &lang,
                args.verbose,
                remedy.is_some()
            )
        )?,
        Format::Json => {
            let json = render::render_json(&explanation, &lang);
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            )?;
        }
    }
    let status = if explanation.outcome.errors.is_empty() {
        OK
    } else {
        INPUT_ERRORS
    };
    Ok(status)
}
