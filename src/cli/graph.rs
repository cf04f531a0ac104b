//! `redress graph`: the decision graph as Graphviz DOT or a Mermaid flowchart.

use std::io::{self, Write};

use redress::export;

use super::{OK, USAGE};

/// Output formats of `graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Graphviz DOT (`dot -Tsvg` draws it).
    Dot,
    /// A Mermaid flowchart (GitHub and GitLab draw it in Markdown).
    Mermaid,
}

/// Draw the decision graph: facts → conditions → rules → remedies, exceptions as dashed edges.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress graph rulebooks/example/example.rules | dot -Tsvg > graph.svg\n  redress graph --format mermaid --remedy refund book.rules\n\nA condition several rules share is one node: the graph evaluates it once per case. A rule's whole\ncondition (how its parts combine with and/or) is its tooltip in DOT."
)]
pub(crate) struct Args {
    /// The rulebook (`.rules`).
    #[arg(value_name = "RULEBOOK")]
    rulebook: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "dot")]
    format: Format,
    /// Only the rules that decide this remedy (its rules, the rules above them, the exceptions below).
    #[arg(long, value_name = "ID")]
    remedy: Option<String>,
    /// Language of titles and labels (default: the rulebook's first language).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    let graph = match super::compile_or_report(&args.rulebook) {
        Ok(g) => g,
        Err(code) => return Ok(code),
    };
    let model = graph.model();
    let lang = args
        .lang
        .clone()
        .or_else(|| model.header.languages.first().cloned())
        .unwrap_or_else(|| "en".to_string());
    let format = match args.format {
        Format::Dot => export::Format::Dot,
        Format::Mermaid => export::Format::Mermaid,
    };
    match export::render(model, format, args.remedy.as_deref(), &lang) {
        Some(text) => {
            write!(out, "{text}")?;
            Ok(OK)
        }
        None => {
            let id = args.remedy.as_deref().unwrap_or_default();
            let ids: Vec<&str> = model.remedies.iter().map(|r| r.id.as_str()).collect();
            let near = ids
                .iter()
                .min_by_key(|r| strsim::levenshtein(r, id))
                .filter(|r| strsim::levenshtein(r, id) <= 3)
                .copied();
            super::words::not_a_remedy(id, near, &ids);
            Ok(USAGE)
        }
    }
}
