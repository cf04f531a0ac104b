//! The command line's own words: usage errors, file errors and notes on
//! standard error, from the catalogue (section `## cli` of
//! `locales/*.ftl`), in the language of the command line: `--lang` when
//! the command has it, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
//! Not the advice language: a rulebook's first language decides the
//! advice, not the words about the command line and its files. An
//! operating system error is said in the catalogue's words when its kind is
//! one of the common ones ([`io_error`]: a missing file, a denied
//! permission, an address in use, …), else as the system gives it; git's
//! own messages are passed on as they come.

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

/// What went wrong in an operation on a file or socket, in the command
/// line's language: an operating system error of a common kind in the
/// catalogue's words, else the system's own text; an error redress made
/// (`files::replace`: the file is read-only) in the words it was made with.
pub(crate) fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if e.raw_os_error().is_none() {
        return e.to_string();
    }
    let id = match e.kind() {
        ErrorKind::NotFound => "cli-io-not-found",
        ErrorKind::PermissionDenied => "cli-io-permission-denied",
        ErrorKind::IsADirectory => "cli-io-is-a-folder",
        ErrorKind::NotADirectory => "cli-io-not-a-folder",
        ErrorKind::StorageFull => "cli-io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "cli-io-read-only",
        ErrorKind::AddrInUse => "cli-io-address-in-use",
        ErrorKind::AddrNotAvailable => "cli-io-address-not-available",
        _ => return e.to_string(),
    };
    say(id, &[])
}
