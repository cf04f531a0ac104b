//! `redress ask`: an interview that asks only what can still change the
//! outcome (the choice is the library's, `redress::ask`). Three faces: one
//! question at a time in a terminal (inquire), the answers of a file
//! (`--answers`), or the next question alone for a front end that keeps the
//! case itself (no terminal, no `--answers`).

use std::io::{self, IsTerminal as _, Write};

use jiff::civil::Date;
use serde_json::Value as Json;

use redress::ask::{self, Interview, Question, Step};
use redress::case::{Case, CaseReader, Format as CaseFormat};
use redress::eval::Options;
use redress::model::{FactId, Model};
use redress::report::i18n::{FluentValue, Words};
use redress::report::text;

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Output formats of `ask`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Questions and advice text for people.
    Human,
    /// The next question, or the outcome when nothing is left, as JSON.
    Json,
}

/// Ask, one at a time, only the questions whose answer can still change the outcome.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress ask rulebooks/cn-online-shopping/cn-online-shopping.rules\n  redress ask book.rules partial.json --save case.toml\n  redress ask book.rules --answers answers.json --format json\n  redress ask book.rules partial.json --format json   # the next question, for a front end"
)]
pub(crate) struct Args {
    /// The rulebook (`.rules`).
    #[arg(value_name = "RULEBOOK")]
    rulebook: String,
    /// A case to start from (JSON, or TOML by the `.toml` ending); without it, from nothing.
    #[arg(value_name = "CASE")]
    case: Option<String>,
    /// Answer from this file (a case file: fact → value) instead of asking; a fact it lacks is left unknown.
    #[arg(long, value_name = "FILE")]
    answers: Option<String>,
    /// Facts to leave unknown, not to be asked (for front ends driving the interview). Repeatable.
    #[arg(long, value_name = "FACT")]
    skip: Vec<String>,
    /// Write the case answered to this file at the end (TOML by the `.toml` ending, else JSON).
    #[arg(long, value_name = "FILE")]
    save: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Judge the case as of this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::values::date)]
    as_of: Option<Date>,
    /// Language of questions and advice (`en`, `zh`; default: the first of the rulebook's `languages`).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

/// The exit code of an interview left with Ctrl-C (128 + SIGINT).
const INTERRUPTED: u8 = 130;

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
    let start = match &args.case {
        Some(path) => match read_case(model, path) {
            Ok(c) => c,
            Err(code) => return Ok(code),
        },
        None => Case::empty(model),
    };
    let mut skipped = Vec::new();
    for name in &args.skip {
        match model.fact_id(name) {
            Some(f) => skipped.push(f),
            None => {
                super::words::fail(
                    "cli-ask-no-such-fact",
                    &[("name", &redress::report::visible_inline(name))],
                );
                return Ok(USAGE);
            }
        }
    }
    let options = Options {
        as_of: args.as_of,
        ..Options::default()
    };
    let mut interview = Interview::new(&graph, start, options);
    for f in skipped {
        interview.skip(f);
    }
    let words = Words::new(&lang);
    let status = if let Some(path) = &args.answers {
        let answers = match read_case(model, path) {
            Ok(c) => c,
            Err(code) => return Ok(code),
        };
        from_answers(out, &mut interview, &answers, &words, args.format)?;
        OK
    } else if args.format == Format::Human
        && io::stdin().is_terminal()
        && io::stdout().is_terminal()
    {
        match interactive(out, &mut interview, &words)? {
            Some(code) => return Ok(code),
            None => OK,
        }
    } else {
        // a front end's turn: the next question only
        return next_only(out, &mut interview, &words, args.format);
    };
    if let Some(path) = &args.save {
        if let Err(code) = save(model, interview.case(), path, &words) {
            return Ok(code);
        }
    }
    Ok(status)
}

/// Read and validate a case file; diagnostics on standard error.
fn read_case(model: &Model, path: &str) -> Result<Case, u8> {
    let file = match super::read_case_source(path) {
        Ok(f) => f,
        Err(ReadError::Usage(m)) => {
            super::words::error(&m);
            return Err(USAGE);
        }
        Err(ReadError::Input(d)) => {
            super::eprint_diagnostics(&[d]);
            return Err(INPUT_ERRORS);
        }
    };
    let reader = CaseReader::new(model, super::limits());
    let (case, diagnostics) = reader.read(&file, CaseFormat::from_path(path));
    super::eprint_diagnostics(&diagnostics);
    case.ok_or(INPUT_ERRORS)
}

/// Run the interview on a file's answers: a fact the file lacks is skipped.
fn from_answers(
    out: &mut dyn Write,
    interview: &mut Interview<'_>,
    answers: &Case,
    words: &Words,
    format: Format,
) -> io::Result<()> {
    while let Some(q) = interview.next_question() {
        match answers.get(q.fact) {
            Some(v) => interview.answer(q.fact, v.clone()),
            None => interview.skip(q.fact),
        }
    }
    finish(out, interview, words, format, true)
}

/// Print what the interview came to: the questions asked and their
/// answers (human), then the outcome; or `{"done": true, …}` (JSON).
fn finish(
    out: &mut dyn Write,
    interview: &mut Interview<'_>,
    words: &Words,
    format: Format,
    transcript: bool,
) -> io::Result<()> {
    let outcome = interview.outcome();
    let model = outcome_model(interview);
    match format {
        Format::Json => {
            let doc = interview.done_json();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )?;
        }
        Format::Human => {
            if transcript {
                for s in interview.steps() {
                    let line = match s {
                        Step::Answered(f, v) => words.text(
                            "ask-answered",
                            &[
                                ("question", &ask::question_text(model, *f, words.lang())),
                                ("answer", &answer_text(model, *f, v, words)),
                            ],
                        ),
                        Step::Skipped(f) => words.text(
                            "ask-skipped",
                            &[("question", &ask::question_text(model, *f, words.lang()))],
                        ),
                    };
                    writeln!(out, "{}", redress::report::visible(&line))?;
                }
                writeln!(out, "{}\n", words.get("ask-done", &[]))?;
            }
            let options = text::TextOptions {
                lang: words.lang(),
                verbose: false,
                width: super::terminal_width(),
            };
            write!(
                out,
                "{}",
                text::render_outcome_with(
                    &outcome,
                    model,
                    &words.get("ask-case-name", &[]),
                    &options
                )
            )?;
        }
    }
    Ok(())
}

fn outcome_model<'g>(interview: &Interview<'g>) -> &'g Model {
    interview.graph().model()
}

/// An answer as the reader knows it: a value's label, yes/no in their words.
fn answer_text(model: &Model, fact: FactId, v: &redress::value::Value, words: &Words) -> String {
    let one = case_value(model, fact, v);
    match one {
        Json::Array(items) => {
            let labels: Vec<String> = items
                .iter()
                .map(|i| label_of(model, fact, i.as_str().unwrap_or_default(), words))
                .collect();
            if labels.is_empty() {
                words.get("none", &[])
            } else {
                words.list(&labels)
            }
        }
        Json::Bool(b) => words.get(if b { "yes" } else { "no" }, &[]),
        Json::String(s) if matches!(v, redress::value::Value::Money(..)) => match v {
            redress::value::Value::Money(_, c) => {
                redress::value::money_for_people(&s, *c, words.lang())
            }
            _ => s,
        },
        Json::String(s) => label_of(model, fact, &s, words),
        other => other.to_string(),
    }
}

fn label_of(model: &Model, fact: FactId, value: &str, words: &Words) -> String {
    ask::choices(model, fact, words.lang())
        .into_iter()
        .find(|(v, _)| v == value)
        .map_or_else(|| value.to_string(), |(_, l)| l)
}

/// One fact's value as a case file writes it.
fn case_value(model: &Model, fact: FactId, v: &redress::value::Value) -> Json {
    let mut case = Case::empty(model);
    case.set(fact, v.clone());
    let mut json = ask::case_json(model, &case);
    for part in model.fact_name(fact).split('.') {
        json = match json {
            Json::Object(mut o) => o.remove(part).unwrap_or(Json::Null),
            other => other,
        };
    }
    json
}

/// No terminal, no answers: print the next question (or the outcome when
/// nothing is left) for a front end that keeps the case.
fn next_only(
    out: &mut dyn Write,
    interview: &mut Interview<'_>,
    words: &Words,
    format: Format,
) -> io::Result<u8> {
    let Some(q) = interview.next_question() else {
        finish(out, interview, words, format, false)?;
        return Ok(OK);
    };
    let model = outcome_model(interview);
    match format {
        Format::Json => {
            let doc = ask::question_json(model, q, words.lang());
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )?;
        }
        Format::Human => {
            let text = ask::question_text(model, q.fact, words.lang());
            writeln!(out, "{}", redress::report::visible(&text))?;
            for (_, label) in ask::choices(model, q.fact, words.lang()) {
                writeln!(out, "  - {}", redress::report::visible(&label))?;
            }
        }
    }
    Ok(OK)
}

/// Write the case file (TOML by the `.toml` ending, else JSON).
fn save(model: &Model, case: &Case, path: &str, words: &Words) -> Result<(), u8> {
    let json = ask::case_json(model, case);
    let text = if CaseFormat::from_path(path) == CaseFormat::Toml {
        toml::to_string(&json).unwrap_or_default()
    } else {
        format!(
            "{}\n",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        )
    };
    if let Err(e) = std::fs::write(path, text) {
        super::words::fail(
            "cli-cannot-write",
            &[
                ("path", &redress::report::visible(path)),
                ("error", &super::words::io_error(&e)),
            ],
        );
        return Err(USAGE);
    }
    errln!(
        "{}",
        words.text("ask-saved", &[("path", &redress::report::visible(path))])
    );
    Ok(())
}

/// What the person did at a prompt.
enum Reply {
    Value(redress::value::Value),
    Skip,
    Back,
    /// Ctrl-C.
    Quit,
    /// The terminal failed: what went wrong.
    Failed(String),
}

/// The interview in a terminal, one question at a time; `Some(code)` when
/// it ended early (Ctrl-C).
fn interactive(
    out: &mut dyn Write,
    interview: &mut Interview<'_>,
    words: &Words,
) -> io::Result<Option<u8>> {
    let model = outcome_model(interview);
    let mut applying: Vec<String> = applied(interview, words.lang());
    while let Some(q) = interview.next_question() {
        match prompt(model, q, words) {
            Reply::Value(v) => interview.answer(q.fact, v),
            Reply::Skip => interview.skip(q.fact),
            Reply::Back => {
                if !interview.back() {
                    writeln!(out, "{}", words.get("ask-nothing-to-undo", &[]))?;
                }
            }
            Reply::Quit => return Ok(Some(INTERRUPTED)),
            Reply::Failed(e) => {
                super::words::error(&e);
                return Ok(Some(USAGE));
            }
        }
        let now = applied(interview, words.lang());
        for title in now.iter().filter(|t| !applying.contains(t)) {
            let line = words.text("ask-applies-now", &[("remedy", title)]);
            writeln!(out, "{}", redress::report::visible(&line))?;
        }
        applying = now;
        out.flush()?;
    }
    writeln!(out, "\n{}\n", words.get("ask-done", &[]))?;
    finish(out, interview, words, Format::Human, false)?;
    Ok(None)
}

/// The titles of the remedies that apply so far, in the reader's language
/// (`--lang`, else the first of the rulebook's languages with a title, as
/// the advice text names them); a remedy without a title by its id.
fn applied(interview: &mut Interview<'_>, lang: &str) -> Vec<String> {
    let model = outcome_model(interview);
    interview
        .outcome()
        .remedies
        .iter()
        .map(|r| model.local(r.title.0, lang).unwrap_or(r.id).to_string())
        .collect()
}

fn prompt(model: &Model, q: Question, words: &Words) -> Reply {
    use inquire::error::InquireError;
    use redress::value::Type;
    let lang = words.lang();
    let question = redress::report::visible(&ask::question_text(model, q.fact, lang)).into_owned();
    let ty = model.facts.get(q.fact.index()).map(|f| f.ty);
    let skip = words.get("ask-skip", &[]);
    let back = words.get("ask-back", &[]);
    let settled = |r: Result<Reply, InquireError>| match r {
        Ok(reply) => reply,
        Err(InquireError::OperationCanceled) => Reply::Skip,
        Err(InquireError::OperationInterrupted) => Reply::Quit,
        Err(e) => Reply::Failed(e.to_string()),
    };
    match ty {
        Some(Type::Bool | Type::OneOf(_)) => {
            let choices = ask::choices(model, q.fact, lang);
            let mut options: Vec<String> = choices.iter().map(|(_, l)| l.clone()).collect();
            let n = options.len();
            options.push(skip);
            options.push(back);
            let r = inquire::Select::new(&question, options)
                .with_help_message(&words.get("ask-select-help", &[]))
                .raw_prompt()
                .map(|c| match c.index {
                    i if i < n => {
                        ask::chosen_value(model, q.fact, &[i]).map_or(Reply::Skip, Reply::Value)
                    }
                    i if i == n => Reply::Skip,
                    _ => Reply::Back,
                });
            settled(r)
        }
        Some(Type::Set(_)) => {
            let options: Vec<String> = ask::choices(model, q.fact, lang)
                .into_iter()
                .map(|(_, l)| l)
                .collect();
            let r = inquire::MultiSelect::new(&question, options)
                .with_help_message(&words.get("ask-set-help", &[]))
                .raw_prompt()
                .map(|chosen| {
                    let picked: Vec<usize> = chosen.iter().map(|c| c.index).collect();
                    ask::chosen_value(model, q.fact, &picked).map_or(Reply::Skip, Reply::Value)
                });
            settled(r)
        }
        _ => {
            let help = words.get(
                "ask-text-help",
                &[
                    ("skip", FluentValue::from(skip.clone())),
                    ("back", FluentValue::from(back.clone())),
                ],
            );
            let fact = q.fact;
            let (s2, b2) = (skip.clone(), back.clone());
            let validator = move |input: &str| {
                let t = input.trim();
                if t == s2 || t == b2 || t == "skip" || t == "back" {
                    return Ok(inquire::validator::Validation::Valid);
                }
                Ok(match ask::parse_answer(model, fact, t) {
                    Ok(_) => inquire::validator::Validation::Valid,
                    Err(d) => {
                        let words = Words::new(lang);
                        // the reader's words for what a value of this type
                        // looks like; the case reader's message (English,
                        // with the fact's name) only for other types
                        let reason = match ty {
                            Some(Type::Date) => words.get("ask-invalid-date", &[]),
                            Some(Type::Number) => words.get("ask-invalid-number", &[]),
                            Some(Type::Money(c)) => words.text(
                                "ask-invalid-money",
                                &[(
                                    "example",
                                    &redress::value::money_for_people("120.50", c, lang),
                                )],
                            ),
                            _ => d.first().map_or_else(String::new, |d| d.message.clone()),
                        };
                        let said = words.text("ask-invalid", &[("reason", &reason)]);
                        inquire::validator::Validation::Invalid(said.into())
                    }
                })
            };
            let r = inquire::Text::new(&question)
                .with_help_message(&help)
                .with_validator(validator)
                .prompt()
                .map(|t| {
                    let t = t.trim();
                    if t == skip || t == "skip" {
                        Reply::Skip
                    } else if t == back || t == "back" {
                        Reply::Back
                    } else {
                        ask::parse_answer(model, fact, t).map_or(Reply::Skip, Reply::Value)
                    }
                });
            settled(r)
        }
    }
}
