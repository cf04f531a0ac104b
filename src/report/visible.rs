//! Text for a terminal: every control and bidirectional formatting character
//! made visible, so that a case value or a rulebook title cannot move the
//! cursor, change colours, open an OSC 8 link or reorder what is shown.
//!
//! Input: any text. Output: the same text with each such character written
//! as its Rust escape (`\u{1b}`, `\u{202e}`). Used wherever human text is
//! printed (outcome advice, diagnostics and their source excerpts, test
//! reports, diff text); JSON and SARIF keep the exact value, which JSON
//! escaping already makes safe.

use std::borrow::Cow;

/// True for a character a terminal would act on or that reorders text:
/// C0 and C1 controls, DEL, the bidirectional formatting characters
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the Unicode
/// line and paragraph separators (U+2028, U+2029).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Text made safe for a terminal, keeping line breaks and tabs (which lay
/// out multi-line text): every other character for which [`is_hidden`] is
/// true is written as `\u{…}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

/// As [`visible`], but line breaks and tabs are escaped too: for one value
/// shown inside a line (a case value, a name), which must not start a line
/// of its own.
pub fn visible_inline(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// One character as [`visible`] shows it.
pub(crate) fn push_visible(out: &mut String, c: char) {
    if is_hidden(c) && c != '\t' {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

pub(crate) fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hidden(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{visible, visible_inline};

    #[test]
    fn controls_and_bidi_are_shown_as_escapes() {
        assert_eq!(
            visible("a\u{1b}]8;;http://x\u{7}b\rc\u{202e}d\ne\tf"),
            "a\\u{1b}]8;;http://x\\u{7}b\\u{d}c\\u{202e}d\ne\tf"
        );
        assert_eq!(visible_inline("a\nb\tc"), "a\\u{a}b\\u{9}c");
        assert!(matches!(
            visible("plain 中文"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
