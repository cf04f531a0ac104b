//! `redress facts`: the facts a rulebook asks for, for people and programs.

use std::io::{self, Write};

use redress::model::Model;
use redress::value::Type;

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
            let text = human(model, &lang);
            write!(out, "{}", redress::report::visible(&text))?;
        }
    }
    Ok(OK)
}

fn human(model: &Model, lang: &str) -> String {
    let mut s = String::new();
    for f in &model.facts {
        let ty = match f.ty {
            Type::OneOf(set) => format!("one of {}", model.one_of_values(set).join(", ")),
            Type::Set(set) => format!("some of {}", model.one_of_values(set).join(", ")),
            other => other.name().to_string(),
        };
        s.push_str(&format!("{}: {ty}\n", f.name));
        if let Some(label) = Model::pick(&f.labels, lang) {
            s.push_str(&format!("    {label}\n"));
        }
        if let Some(q) = Model::pick(&f.questions, lang) {
            s.push_str(&format!("    ? {q}\n"));
        }
        for (value, labels) in &f.value_labels {
            if let Some(label) = Model::pick(labels, lang) {
                s.push_str(&format!("    {value}: {label}\n"));
            }
        }
    }
    if !model.derived.is_empty() {
        let words = redress::report::i18n::Words::new(lang);
        s.push_str(&format!("\n{}\n", words.get("facts-derived-heading", &[])));
        for d in &model.derived {
            s.push_str(&format!("{} = {}\n", d.name, model.expr_text(&d.expr)));
        }
    }
    s
}
