//! The command line's own words: usage errors, file errors and notes on
//! standard error, from the catalogue (section `## cli` of
//! `locales/*.ftl`), in the language of the command line: `--lang` when
//! the command has it, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
//! Not the advice language: a rulebook's first language decides the
//! advice, not the words about the command line and its files. The
//! operating system's errors a person meets reading files (a missing file,
//! a refused permission) are said in the catalogue's words ([`os_error`]);
//! rarer ones, and git's own message, are passed on as they come, inside a
//! sentence of the catalogue (`cannot read …: …`, `git failed: …`).

use redress::i18n::Words;

use super::ChosenLanguage;

/// The language of the command line.
static LANGUAGE: ChosenLanguage = ChosenLanguage::new();

/// Say the command line's words in `lang` from now on (set once, before
/// the arguments are parsed: see `super::help::language`).
pub(crate) fn set_language(lang: &str) {
    LANGUAGE.set(lang);
}

/// The words of the command line's language.
pub(crate) fn words() -> Words {
    Words::new(LANGUAGE.get())
}

/// The message `id` with text variables, in the command's language.
pub(crate) fn say(id: &str, args: &[(&str, &str)]) -> String {
    words().text(id, args)
}

/// An error of the operating system in the command's language: the kinds
/// a person meets reading files (a missing file, a refused permission) in
/// the catalogue's words, the same on every system; any other as the
/// system words it.
pub(crate) fn os_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => say("cli-os-not-found", &[]),
        std::io::ErrorKind::PermissionDenied => say("cli-os-permission-denied", &[]),
        _ => e.to_string(),
    }
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
