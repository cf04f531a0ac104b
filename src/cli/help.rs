//! The help and clap's own errors in the user's language.
//!
//! The English texts are clap's: the derive attributes and doc comments
//! (and clap's own words) stay their one source, so the English help is
//! what clap prints. For another language the built `clap::Command` gets
//! every about, help, long help, possible value and after-help text from
//! the catalogue, under ids made from its place in the command tree
//! ([`texts`] lists them; `en.ftl` keeps an English copy, checked equal to
//! the derive's by a test), clap's own words (`Usage:`, `Options:`,
//! `[default: …]`, `Possible values:`, `-h, --help`) from section `## cli`
//! of the catalogue, and clap's usage errors are written again in words of
//! the catalogue from their kind and context.

use clap::builder::PossibleValue;
#[cfg(test)]
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use redress::i18n::{FluentValue, Words};

/// The language of the help and of clap's errors: `--lang L` (or
/// `--lang=L`) before any `--` when the catalogue has `L`, else the
/// locale's.
pub(crate) fn language(args: &[std::ffi::OsString]) -> &'static str {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let asked = if arg == "--lang" {
            iter.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = asked {
            if let Some(l) = redress::i18n::LANGUAGES.iter().find(|l| **l == lang) {
                return l;
            }
        }
    }
    super::locale_language()
}

/// One text of the help: its catalogue id and clap's English.
#[cfg(test)]
pub(crate) struct Text {
    pub(crate) id: String,
    pub(crate) english: String,
}

/// The command's name in ids: `redress` for the top, else the path below
/// it joined by `-` (`eval`).
fn path_id(path: &[&str]) -> String {
    if path.is_empty() {
        "redress".to_string()
    } else {
        path.join("-")
    }
}

fn arg_id(command: &str, arg: &Arg) -> String {
    let owner = if arg.is_global_set() {
        "redress"
    } else {
        command
    };
    format!(
        "help-{owner}-arg-{}",
        arg.get_id().as_str().replace('_', "-")
    )
}

/// Whether clap made this argument or command (`--help`, `--version`,
/// `help`): its words are in section `## cli` under fixed ids.
#[cfg(test)]
fn is_builtin_arg(arg: &Arg) -> bool {
    matches!(arg.get_id().as_str(), "help" | "version")
}

/// Every text of the help of `cmd` (built) and its subcommands, with its
/// id, in the order of the tree; clap's own arguments and `help` command
/// excepted.
#[cfg(test)]
pub(crate) fn texts(cmd: &Command) -> Vec<Text> {
    let mut out = Vec::new();
    collect(cmd, &mut Vec::new(), &mut out);
    out
}

#[cfg(test)]
fn collect<'a>(cmd: &'a Command, path: &mut Vec<&'a str>, out: &mut Vec<Text>) {
    let id = path_id(path);
    let mut push = |id: String, text: Option<&StyledStr>| {
        if let Some(t) = text {
            out.push(Text {
                id,
                english: t.to_string(),
            });
        }
    };
    push(format!("help-{id}-about"), cmd.get_about());
    push(format!("help-{id}-long-about"), cmd.get_long_about());
    push(format!("help-{id}-after-help"), cmd.get_after_help());
    push(
        format!("help-{id}-after-long-help"),
        cmd.get_after_long_help(),
    );
    for arg in cmd.get_arguments() {
        if is_builtin_arg(arg) || (arg.is_global_set() && !path.is_empty()) {
            continue;
        }
        let aid = arg_id(&id, arg);
        push(aid.clone(), arg.get_help());
        push(format!("{aid}-long"), arg.get_long_help());
        for pv in arg.get_possible_values() {
            push(format!("{aid}-value-{}", pv.get_name()), pv.get_help());
        }
    }
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        path.push(sub.get_name());
        collect(sub, path, out);
        path.pop();
    }
}

/// `cmd` with its help in `lang`; as it is for English.
pub(crate) fn localize(mut cmd: Command, lang: &str) -> Command {
    if lang == "en" {
        return cmd;
    }
    cmd.build();
    let words = Words::new(lang);
    translate(cmd, &mut Vec::new(), &words)
}

fn translate(mut cmd: Command, path: &mut Vec<String>, words: &Words) -> Command {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let id = path_id(&names);
    drop(names);
    let help_command = path.last().is_some_and(|n| n == "help");
    if help_command {
        if cmd.get_about().is_some() {
            cmd = cmd.about(words.get("cli-builtin-help-command", &[]));
        }
    } else {
        if cmd.get_about().is_some() {
            cmd = cmd.about(words.get(&format!("help-{id}-about"), &[]));
        }
        if cmd.get_long_about().is_some() {
            cmd = cmd.long_about(words.get(&format!("help-{id}-long-about"), &[]));
        }
        if cmd.get_after_help().is_some() {
            cmd = cmd.after_help(words.get(&format!("help-{id}-after-help"), &[]));
        }
        if cmd.get_after_long_help().is_some() {
            cmd = cmd.after_long_help(words.get(&format!("help-{id}-after-long-help"), &[]));
        }
    }
    let long_exists = cmd.get_long_about().is_some()
        || cmd.get_arguments().any(|a| {
            a.get_long_help().is_some()
                || a.get_possible_values()
                    .iter()
                    .any(|pv| pv.get_help().is_some() && !pv.is_hide_set())
        });
    let template = template(&cmd, words);
    cmd = cmd.help_template(template);
    cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        "help" if long_exists => arg
            .help(words.get("cli-builtin-help-more", &[]))
            .long_help(words.get("cli-builtin-help-summary", &[])),
        "help" => arg.help(words.get("cli-builtin-help", &[])),
        "version" => arg.help(words.get("cli-builtin-version", &[])),
        _ => {
            let aid = arg_id(&id, &arg);
            translate_arg(arg, &aid, words)
        }
    });
    if help_command {
        // built in full (`Command::build`), clap's `help` lists a copy of
        // each command with its about, to take `help COMMAND`
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            let about = if name == "help" {
                words.get("cli-builtin-help-command", &[])
            } else {
                words.get(&format!("help-{name}-about"), &[])
            };
            cmd = cmd.mut_subcommand(&name, |sub| {
                if sub.get_about().is_some() {
                    sub.about(about)
                } else {
                    sub
                }
            });
        }
        return cmd;
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, path, words));
        path.pop();
    }
    cmd
}

/// An argument's help, long help, possible values and default in the
/// catalogue's words; clap's own lists of them hidden.
fn translate_arg(mut arg: Arg, id: &str, words: &Words) -> Arg {
    let help = arg
        .get_help()
        .map(|_| words.get(id, &[]))
        .unwrap_or_default();
    let long = arg
        .get_long_help()
        .map(|_| words.get(&format!("{id}-long"), &[]));
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|pv| !pv.is_hide_set())
        .collect();
    let defaults: Vec<String> =
        if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
            arg.get_default_values()
                .iter()
                .map(|d| d.to_string_lossy().into_owned())
                .collect()
        } else {
            Vec::new()
        };
    let mut short = help.clone();
    let mut full = long.clone().unwrap_or_else(|| help.clone());
    let show_values = !values.is_empty() && !arg.is_hide_possible_values_set();
    let values_have_help = values
        .iter()
        .any(|pv| pv.get_help().is_some() && !pv.is_hide_set());
    if !defaults.is_empty() {
        let said = words.text("cli-default", &[("value", &defaults.join(" "))]);
        short = join(&short, " ", &said);
    }
    if show_values {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let said = words.text("cli-possible-values", &[("values", &words.list(&names))]);
        short = join(&short, " ", &said);
        if values_have_help {
            let widest = names
                .iter()
                .map(|n| redress::i18n::columns(n))
                .max()
                .unwrap_or(0);
            let mut block = words.get("cli-possible-values-heading", &[]);
            for pv in &values {
                let name = pv.get_name();
                let text = pv
                    .get_help()
                    .map(|_| words.get(&format!("{id}-value-{name}"), &[]));
                block.push_str("\n- ");
                block.push_str(name);
                if let Some(text) = text {
                    let pad = widest - redress::i18n::columns(name);
                    block.push_str(&words.get("cli-value-separator", &[]));
                    block.push_str(&" ".repeat(pad));
                    block.push_str(&text);
                }
            }
            full = join(&full, "\n\n", &block);
        } else {
            let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
            let said = words.text("cli-possible-values", &[("values", &words.list(&names))]);
            full = join(&full, "\n", &said);
        }
    }
    if !defaults.is_empty() {
        let said = words.text("cli-default", &[("value", &defaults.join(" "))]);
        full = join(
            &full,
            if show_values && values_have_help {
                "\n\n"
            } else {
                "\n"
            },
            &said,
        );
    }
    arg = arg
        .hide_possible_values(true)
        .hide_default_value(true)
        .help(short);
    if long.is_some() || values_have_help || !defaults.is_empty() || show_values {
        arg = arg.long_help(full);
    }
    arg
}

/// The help template of `cmd` in the catalogue's words: clap's default
/// (`{all-args}` writes its headings with an ASCII colon, `Options:`), with
/// each of its sections written out (`{subcommands}`, `{positionals}`,
/// `{options}`: what `{all-args}` writes under each heading, laid out alike)
/// under a heading of the catalogue (`选项：`), in clap's header style.
/// Only the sections with something to show, in clap's order.
fn template(cmd: &Command, words: &Words) -> String {
    let styles = cmd.get_styles();
    let usage = *styles.get_usage();
    let header = *styles.get_header();
    let shown = |a: &&Arg| !a.is_hide_set();
    let subcommands = cmd
        .get_subcommands()
        .any(|s| s.get_name() != "help" && !s.is_hide_set());
    let positionals = cmd.get_positionals().any(|a| shown(&a));
    let options = cmd
        .get_arguments()
        .filter(|a| !a.is_positional())
        .any(|a| shown(&a));
    let sections: Vec<String> = [
        (subcommands, "cli-commands-heading", "subcommands"),
        (positionals, "cli-arguments-heading", "positionals"),
        (options, "cli-options-heading", "options"),
    ]
    .into_iter()
    .filter(|(any, _, _)| *any)
    .map(|(_, id, tag)| {
        let heading = words.get(id, &[]);
        format!("{header}{heading}{header:#}\n{{{tag}}}")
    })
    .collect();
    let usage_heading = words.get("cli-usage-heading", &[]);
    let head =
        format!("{{before-help}}{{about-with-newline}}\n{usage}{usage_heading}{usage:#}{{usage}}");
    if sections.is_empty() {
        format!("{head}{{after-help}}")
    } else {
        format!("{head}\n\n{}{{after-help}}", sections.join("\n\n"))
    }
}

fn join(a: &str, sep: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else if sep == " " && a.ends_with(|c| redress::i18n::FULL_WIDTH_PUNCTUATION.contains(c)) {
        // Chinese puts no space after full-width punctuation: `（…）[默认：.]`
        format!("{a}{b}")
    } else {
        format!("{a}{sep}{b}")
    }
}

/// Print clap's error `e` (help and version included) in `lang`: the help
/// as the localized command renders it, the errors in the catalogue's
/// words; English as clap writes it.
pub(crate) fn print_error(e: &clap::Error, lang: &str) {
    if lang == "en"
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        let _ = e.print();
        return;
    }
    let words = Words::new(lang);
    let cli = <super::Cli as clap::CommandFactory>::command();
    let styles = cli.get_styles();
    let paint = Paint {
        on: colour_on_stderr(|name| std::env::var_os(name)),
    };
    let message = message(e, &words);
    let mut text = paint.prefix(
        &words.text("cli-error", &[("message", &message)]),
        &words.text("cli-error", &[("message", "")]),
        styles.get_error(),
    );
    let tips = tips(e, &words);
    if !tips.is_empty() {
        text.push('\n');
        let empty = words.text("cli-tip", &[("tip", "")]);
        for tip in tips {
            text.push('\n');
            let line = words.text("cli-tip", &[("tip", &tip)]);
            text.push_str(&paint.prefix(&line, &empty, styles.get_valid()));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        // clap's usage line, its `Usage:` replaced, its styles kept
        let styled = if paint.on {
            usage.ansi().to_string()
        } else {
            usage.to_string()
        };
        let body = styled
            .split_once("Usage:")
            .map_or(styled.as_str(), |(_, rest)| rest);
        let reset = format!("{:#}", styles.get_usage());
        let body = body
            .strip_prefix(reset.as_str())
            .unwrap_or(body)
            .trim_start();
        let heading = words.get("cli-usage-heading", &[]);
        text.push_str("\n\n");
        text.push_str(&paint.all(heading.trim_end(), styles.get_usage()));
        text.push_str(&heading[heading.trim_end().len()..]);
        text.push_str(body);
    }
    text.push_str("\n\n");
    text.push_str(&words.get("cli-more-with-help", &[]));
    errln!("{text}");
}

/// Whether clap colours its errors on standard error, by the rules of its
/// `ColorChoice::Auto` (anstream's): `CLICOLOR_FORCE` set forces colour;
/// else `NO_COLOR` set or `CLICOLOR=0` turn it off; else colour on a
/// terminal whose `TERM` is set and not `dumb`.
fn colour_on_stderr(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    use std::io::IsTerminal as _;
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    if set("NO_COLOR").is_some() || set("CLICOLOR").is_some_and(|v| v == "0") {
        return false;
    }
    set("TERM").is_some_and(|t| t != "dumb") && std::io::stderr().is_terminal()
}

/// Styles put on a text when colour is on.
struct Paint {
    on: bool,
}

impl Paint {
    fn all(&self, text: &str, style: &clap::builder::styling::Style) -> String {
        if self.on {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// `line` with its leading `prefix` (`错误：`, `  提示：`; its white
    /// space aside) in `style`.
    fn prefix(&self, line: &str, prefix: &str, style: &clap::builder::styling::Style) -> String {
        let word = prefix.trim();
        match line.strip_prefix(prefix) {
            Some(rest) if self.on && !word.is_empty() => {
                let space = &prefix[..prefix.len() - prefix.trim_start().len()];
                let after = &prefix.trim_start()[word.len()..];
                format!("{space}{}{after}{rest}", self.all(word, style))
            }
            _ => line.to_string(),
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The sentence of a clap error in the catalogue's words (clap's own for a
/// kind without words there).
fn message(e: &clap::Error, words: &Words) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let valid = words.list(&strings(e, ContextKind::ValidValue));
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            words.text("cli-clap-value-missing", &[("arg", &arg)])
        }
        ErrorKind::InvalidValue => words.text(
            "cli-clap-invalid-value",
            &[("arg", &arg), ("value", &value), ("values", &valid)],
        ),
        ErrorKind::UnknownArgument => words.text("cli-clap-unknown-argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => words.text(
            "cli-clap-unknown-command",
            &[("command", &context(e, ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::NoEquals => words.text("cli-clap-no-equals", &[("arg", &arg)]),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            words.text(
                "cli-clap-value-validation",
                &[("arg", &arg), ("value", &value), ("why", &why)],
            )
        }
        ErrorKind::TooManyValues => words.text(
            "cli-clap-too-many-values",
            &[("arg", &arg), ("value", &value)],
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => words.text(
            "cli-clap-wrong-number",
            &[
                ("arg", &arg),
                ("expected", &context(e, ContextKind::ExpectedNumValues)),
                ("actual", &context(e, ContextKind::ActualNumValues)),
            ],
        ),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                words.text("cli-clap-once", &[("arg", &arg)])
            } else {
                words.text("cli-clap-conflict", &[("arg", &arg), ("other", &prior)])
            }
        }
        ErrorKind::MissingRequiredArgument => words.text(
            "cli-clap-missing",
            &[("args", &words.list(&strings(e, ContextKind::InvalidArg)))],
        ),
        ErrorKind::MissingSubcommand => words.text("cli-clap-missing-command", &[]),
        ErrorKind::InvalidUtf8 => words.text("cli-clap-not-utf8", &[]),
        _ => {
            let english = e.to_string();
            let first = english.lines().next().unwrap_or_default();
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    }
}

/// The tips clap gives with error `e` (the `tip:` lines of its English),
/// in the catalogue's words, in clap's order: the similar commands,
/// arguments and values it found, then its other suggestions.
fn tips(e: &clap::Error, words: &Words) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedCommand, "cli-tip-similar-command"),
        (ContextKind::SuggestedSubcommand, "cli-tip-similar-command"),
        (ContextKind::SuggestedArg, "cli-tip-similar-argument"),
        (ContextKind::SuggestedValue, "cli-tip-similar-value"),
    ] {
        let names = strings(e, kind);
        if names.is_empty() {
            continue;
        }
        let quoted: Vec<String> = names
            .iter()
            .map(|n| words.text("cli-tip-name", &[("name", n)]))
            .collect();
        out.push(words.get(
            id,
            &[
                ("names", FluentValue::from(words.list(&quoted))),
                ("count", FluentValue::from(quoted.len())),
            ],
        ));
    }
    for plain in strings(e, ContextKind::Suggested) {
        out.push(match read_tip(&plain) {
            Some(Tip::AsValue { arg, fix }) => {
                words.text("cli-tip-as-value", &[("arg", arg), ("fix", fix)])
            }
            Some(Tip::InCommand { command, arg }) => {
                words.text("cli-tip-in-command", &[("command", command), ("arg", arg)])
            }
            Some(Tip::DoubleDash { command }) => {
                words.text("cli-tip-double-dash", &[("command", command)])
            }
            // a tip of a later clap, in its words (a test below names
            // every tip this clap gives)
            None => plain,
        });
    }
    out
}

/// One of clap's free-form tips (`ContextKind::Suggested`), read back from
/// its English: clap builds them as styled text, not as context.
#[derive(Debug, PartialEq)]
enum Tip<'a> {
    /// "to pass '-x' as a value, use '-- -x'" (or `'redress -- -x'`).
    AsValue { arg: &'a str, fix: &'a str },
    /// "'check --format' exists": the argument is a subcommand's.
    InCommand { command: &'a str, arg: &'a str },
    /// "subcommand 'check' exists; to use it, remove the '--' before it".
    DoubleDash { command: &'a str },
}

fn read_tip(plain: &str) -> Option<Tip<'_>> {
    if let Some(rest) = plain.strip_prefix("to pass '") {
        let (arg, fix) = rest.split_once("' as a value, use '")?;
        let fix = fix.strip_suffix('\'')?;
        return Some(Tip::AsValue { arg, fix });
    }
    if let Some(rest) = plain.strip_prefix("subcommand '") {
        let command = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return Some(Tip::DoubleDash { command });
    }
    let usage = plain.strip_prefix('\'')?.strip_suffix("' exists")?;
    let (command, arg) = usage.rsplit_once(' ')?;
    Some(Tip::InCommand { command, arg })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    fn built() -> Command {
        let mut cmd = super::super::Cli::command();
        cmd.build();
        cmd
    }

    /// Every text of the help has words in every language, and the
    /// English copy in `en.ftl` is the derive's text.
    #[test]
    fn every_help_text_is_in_the_catalogue() {
        let texts = texts(&built());
        assert!(texts.len() > 50, "{}", texts.len());
        let en = Words::new("en");
        for t in &texts {
            assert_eq!(en.get(&t.id, &[]), t.english, "en.ftl's `{}`", t.id);
            for lang in redress::i18n::LANGUAGES {
                assert!(
                    Words::new(lang).has(&t.id),
                    "{lang}.ftl lacks `{}` ({})",
                    t.id,
                    t.english
                );
            }
        }
    }

    #[test]
    fn english_is_left_as_clap_has_it() {
        let mut a = built();
        let mut b = localize(super::super::Cli::command(), "en");
        b.build();
        assert_eq!(
            a.render_long_help().to_string(),
            b.render_long_help().to_string()
        );
    }

    /// Every free-form tip this clap gives (`ContextKind::Suggested`) is
    /// read back into the catalogue's words, none left in clap's English.
    #[test]
    fn every_tip_of_clap_is_read() {
        let tip = |cmd: Command, args: &[&str]| {
            let e = cmd.try_get_matches_from(args).unwrap_err();
            strings(&e, ContextKind::Suggested)
        };
        let cli = super::super::Cli::command;
        assert_eq!(
            tip(cli(), &["redress", "check", "-x"]),
            ["to pass '-x' as a value, use '-- -x'"]
        );
        assert_eq!(
            read_tip("to pass '-x' as a value, use '-- -x'"),
            Some(Tip::AsValue {
                arg: "-x",
                fix: "-- -x"
            })
        );
        let [text] = &tip(cli(), &["redress", "--deny-warnings", "check"])[..] else {
            panic!()
        };
        assert_eq!(
            read_tip(text),
            Some(Tip::InCommand {
                command: "check",
                arg: "--deny-warnings"
            })
        );
        let [text] = &tip(cli(), &["redress", "--", "check"])[..] else {
            panic!()
        };
        assert_eq!(read_tip(text), Some(Tip::DoubleDash { command: "check" }));
        // clap's tip for a word like a subcommand where a command takes
        // both (redress has no such command): the same reading
        assert_eq!(
            read_tip("to pass 'chek' as a value, use 'tool -- chek'"),
            Some(Tip::AsValue {
                arg: "chek",
                fix: "tool -- chek"
            })
        );
        let zh = Words::new("zh");
        let e = cli()
            .try_get_matches_from(["redress", "check", "--lnag", "zh"])
            .unwrap_err();
        assert_eq!(tips(&e, &zh), ["存在相似的参数 `--lang`"]);
    }

    #[test]
    fn colour_as_clap_decides_it() {
        fn env(
            pairs: &'static [(&'static str, &'static str)],
        ) -> impl Fn(&str) -> Option<std::ffi::OsString> {
            move |name| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.into())
            }
        }
        assert!(colour_on_stderr(env(&[
            ("CLICOLOR_FORCE", "1"),
            ("NO_COLOR", "1")
        ])));
        assert!(!colour_on_stderr(env(&[
            ("CLICOLOR_FORCE", "0"),
            ("NO_COLOR", "1")
        ])));
    }

    #[test]
    fn lang_in_argv_decides() {
        let args = |v: &[&str]| -> Vec<std::ffi::OsString> { v.iter().map(Into::into).collect() };
        assert_eq!(language(&args(&["redress", "check", "--lang", "zh"])), "zh");
        assert_eq!(language(&args(&["redress", "check", "--lang=zh"])), "zh");
        assert_eq!(
            language(&args(&["redress", "check", "--", "--lang", "zh"])),
            super::super::locale_language()
        );
    }
}
