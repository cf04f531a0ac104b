//! The command line's own words: usage errors, file errors and notes on
//! standard error, from the catalogue (section `## cli` of
//! `locales/*.ftl`), in the language chosen for the command (see
//! `super::diagnostic_language`: `--lang`, the advice language, else the
//! locale). Texts the operating system or git give (an `io::Error`, git's
//! own message) are passed on as they come.

use redress::i18n::Words;

/// The words of the language chosen for this command.
pub(crate) fn words() -> Words {
    Words::new(super::diagnostic_language())
}

/// The message `id` with text variables, in the command's language.
pub(crate) fn say(id: &str, args: &[(&str, &str)]) -> String {
    words().text(id, args)
}

/// Print `error: MESSAGE` (in the command's language) on standard error.
pub(crate) fn error(message: &str) {
    errln!("{}", say("cli-error", &[("message", message)]));
}

/// Print the error `id` with its variables on standard error.
pub(crate) fn fail(id: &str, args: &[(&str, &str)]) {
    error(&say(id, args));
}

/// Print `note: MESSAGE` (in the command's language) on standard error.
pub(crate) fn note(message: &str) {
    errln!("{}", say("cli-note", &[("message", message)]));
}

/// Say that `id` is not a remedy of the rulebook, with the nearest one if
/// any, and list its remedies (a usage error).
pub(crate) fn not_a_remedy(id: &str, near: Option<&str>, remedies: &[&str]) {
    let id = redress::report::visible_inline(id);
    let remedies = words().list(remedies);
    match near {
        Some(near) => fail(
            "cli-not-a-remedy-near",
            &[("id", &id), ("near", near), ("remedies", &remedies)],
        ),
        None => fail("cli-not-a-remedy", &[("id", &id), ("remedies", &remedies)]),
    }
}
