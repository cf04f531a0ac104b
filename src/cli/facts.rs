//! `redress facts`: the facts a rulebook asks for, for people and programs.

use std::io::{self, Write};

use super::OK;

/// Output formats of `facts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// A list for people.
    Human,
    /// Each fact with its type, questions, labels and allowed values.
    Json,
    /// A JSON Schema (2020-12) of a valid case file.
    Jsonschema,
}

/// List the facts a rulebook asks for (types, questions, allowed values), or a JSON Schema of its case files.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress facts rulebooks/example/example.rules\n  redress facts --format json book.rules\n  redress facts --format jsonschema book.rules > case.schema.json"
)]
pub(crate) struct Args {
    /// The rulebook (`.rules`).
    #[arg(value_name = "RULEBOOK")]
    rulebook: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Language of questions and labels in the human format (default: the rulebook's first language).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    let graph = match super::compile_or_report(&args.rulebook) {
        Ok(g) => g,
        Err(code) => return Ok(code),
    };
    let model = graph.model();
    match args.format {
        Format::Json | Format::Jsonschema => {
            let json = if args.format == Format::Json {
                redress::schema::facts_json(model)
            } else {
                redress::schema::case_schema(model)
            };
            let text = serde_json::to_string_pretty(&json).unwrap_or_default();
            writeln!(out, "{text}")?;
        }
        Format::Human => {
            let Some(lang) = super::advice_language(args.lang.as_deref(), model) else {
                return Ok(super::USAGE);
            };
            let text = redress::report::facts::facts_for_people(model, &lang);
            write!(out, "{}", redress::report::visible(&text))?;
        }
    }
    Ok(OK)
}
