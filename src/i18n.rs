//! The words of the advice text in the reader's language: a Fluent message
//! catalogue per language (`locales/en.ftl`, `locales/zh.ftl`), built into
//! the program and read once.
//!
//! ```
//! use redress::i18n::Words;
//! let words = Words::new("en");
//! assert_eq!(words.get("remedies-apply", &[("count", 3.into())]), "3 remedies apply:");
//! assert_eq!(Words::new("zh").get("yes", &[]), "是");
//! ```
//!
//! A message missing in a language falls back to English, then to its id:
//! asking for a word never panics.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The languages the catalogue has, English first.
pub const LANGUAGES: &[&str] = &["en", "zh"];

const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en.ftl")),
    ("zh", include_str!("../locales/zh.ftl")),
];

struct Catalogue {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
    errors: Vec<String>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut errors = Vec::new();
        let mut bundles = Vec::new();
        for (lang, source) in SOURCES {
            let resource = match FluentResource::try_new((*source).to_string()) {
                Ok(r) => r,
                Err((r, errs)) => {
                    errors.extend(errs.iter().map(|e| format!("{lang}.ftl: {e:?}")));
                    r
                }
            };
            let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Chinese marks where each variable's value starts and ends (Unicode's
            // isolation marks), so `join_chinese` can drop a space of the message
            // that would touch the value's full-width punctuation; the marks are
            // removed before the text leaves `Words::get`. No marks in English:
            // the text goes to a terminal or a file as formatted.
            bundle.set_use_isolating(*lang == "zh");
            if let Err(errs) = bundle.add_resource(resource) {
                errors.extend(errs.iter().map(|e| format!("{lang}.ftl: {e:?}")));
            }
            bundles.push((*lang, bundle));
        }
        Catalogue { bundles, errors }
    })
}

/// What went wrong reading the catalogues (empty when they are well formed;
/// checked by a test).
pub fn catalogue_errors() -> &'static [String] {
    &catalogue().errors
}

/// Whether the catalogue has words in `lang`.
pub fn is_available(lang: &str) -> bool {
    LANGUAGES.contains(&lang)
}

/// The words of one language.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    lang: &'static str,
}

impl Words {
    /// The words of `lang`; English when the catalogue has no such language.
    pub fn new(lang: &str) -> Words {
        let lang = LANGUAGES
            .iter()
            .find(|l| **l == lang)
            .copied()
            .unwrap_or("en");
        Words { lang }
    }

    /// The language the words are in.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The message `id` with its variables; in English when this language
    /// lacks it, the id itself when English lacks it too.
    pub fn get(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let bundles = &catalogue().bundles;
        let mine = bundles.iter().filter(|(l, _)| *l == self.lang);
        let english = bundles.iter().filter(|(l, _)| *l == "en");
        for (lang, bundle) in mine.chain(english) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text: Cow<'_, str> =
                    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                return if *lang == "zh" {
                    join_chinese(&text)
                } else {
                    text.into_owned()
                };
            }
        }
        id.to_string()
    }

    /// Whether this language itself has the message `id` (no fallback).
    pub fn has(&self, id: &str) -> bool {
        catalogue()
            .bundles
            .iter()
            .any(|(l, b)| *l == self.lang && b.get_message(id).and_then(|m| m.value()).is_some())
    }

    /// A message with text variables only.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(*v)))
            .collect();
        self.get(id, &args)
    }

    /// Items joined as a list in this language (`a, b` / `a、b`).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let sep = self.get("list-separator", &[]);
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        items.join(&sep)
    }
}

/// Full-width punctuation, which Chinese text never puts a space next to.
pub const FULL_WIDTH_PUNCTUATION: &str = "，。：；？！（）「」『』《》〈〉、【】〔〕";

/// Symbols set off by a space on each side, even next to full-width
/// punctuation.
const SYMBOLS: &str = "=→|<>+-*/≤≥≠";

/// Where Fluent starts and ends a variable's value (with isolation on).
const VALUE_START: char = '\u{2068}';
const VALUE_END: char = '\u{2069}';

/// A Chinese message as a person reads it: the message writes a space
/// between its words and a variable (`被 { $by } 取代`), right when the value
/// is a name (`被 misuse 取代`), wrong when it starts or ends with full-width
/// punctuation (`被 「定做商品」 取代`); drop exactly those spaces
/// (`被「定做商品」取代`), then the marks around the values. A space inside a
/// value (the rulebook's text, a rendered message) is left as it is.
fn join_chinese(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_mark = |c: &char| *c == VALUE_START || *c == VALUE_END;
    // the character next to `i` (after it when `forward`, else before it),
    // past any marks, and whether a mark was passed
    let neighbour = |i: usize, forward: bool| -> (Option<char>, bool) {
        let mut passed = false;
        let mut value = |c: &&char| {
            passed |= is_mark(c);
            !is_mark(c)
        };
        let found = if forward {
            chars
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(&mut value)
        } else {
            chars
                .get(..i)
                .unwrap_or_default()
                .iter()
                .rev()
                .find(&mut value)
        };
        (found.copied(), passed)
    };
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        if is_mark(c) {
            continue;
        }
        if *c == ' ' {
            let (before, after) = (neighbour(i, false), neighbour(i, true));
            let touches = |(next, passed): (Option<char>, bool)| {
                passed && next.is_some_and(|n| FULL_WIDTH_PUNCTUATION.contains(n))
            };
            // a symbol keeps its spaces on both sides: `城市（city） = 未知`,
            // `问题？ → 是`
            let symbol =
                |(next, _): (Option<char>, bool)| next.is_some_and(|n| SYMBOLS.contains(n));
            if (touches(before) || touches(after)) && !symbol(before) && !symbol(after) {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

/// The columns a text takes in a terminal: East Asian wide and full-width
/// characters take two.
pub fn columns(text: &str) -> usize {
    text.chars().map(char_columns).sum()
}

fn char_columns(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Wrap each line of `text` to `width` columns: at spaces, or between two
/// wide (CJK) characters; a continued line is indented under the text of a
/// list item (`- `), or two columns more than the line's own indent. A word
/// longer than a line is left whole.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        wrap_line(&mut out, body, width);
        out.push_str(end);
    }
    out
}

/// Whether a line may break between `a` and `b` without a space: beside a
/// wide (CJK) character, but not before closing punctuation (`，`, `）`) nor
/// after opening punctuation (`（`, `《`).
fn between(a: char, b: char) -> bool {
    (is_wide(a) || is_wide(b))
        && b != ' '
        && a != ' '
        && !"，。、；：！？）》」』】".contains(b)
        && !"（《「『【".contains(a)
}

fn wrap_line(out: &mut String, line: &str, width: usize) {
    if columns(line) <= width {
        out.push_str(line);
        return;
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let bullet = if line.get(indent..).is_some_and(|r| r.starts_with("- ")) {
        2
    } else {
        0
    };
    // a list item's lines under its text; another line's two columns in
    let hang = " ".repeat(indent + if bullet > 0 { bullet } else { 2 });
    let chars: Vec<char> = line.chars().collect();
    let mut start = 0; // first char of the current output line
    let mut first = true;
    while start < chars.len() {
        let prefix = if first { 0 } else { hang.len() };
        // the last place to break at, and where the next line starts
        let mut used = prefix;
        let mut cut: Option<(usize, usize)> = None;
        let mut end = chars.len();
        for (i, c) in chars.iter().enumerate().skip(start) {
            let w = char_columns(*c);
            if used + w > width && i > start {
                end = i;
                // a break right at the edge
                let before = i.checked_sub(1).and_then(|b| chars.get(b));
                if *c == ' ' {
                    cut = Some((i, i + 1));
                } else if before.is_some_and(|b| between(*b, *c)) {
                    cut = Some((i, i));
                }
                break;
            }
            used += w;
            let next = chars.get(i + 1);
            let lead = if first { indent + bullet } else { 0 };
            if *c == ' ' && i > start + lead {
                cut = Some((i, i + 1));
            } else if next.is_some_and(|n| between(*c, *n)) {
                cut = Some((i + 1, i + 1));
            }
        }
        if end == chars.len() {
            cut = Some((end, end));
        } else if cut.is_none() {
            // no break before the edge: break at the first place after it
            let mut j = end;
            loop {
                let (c, n) = (chars.get(j), chars.get(j + 1));
                match c {
                    None => break cut = Some((j, j)),
                    Some(' ') => break cut = Some((j, j + 1)),
                    Some(c) if n.is_some_and(|n| between(*c, *n)) => {
                        break cut = Some((j + 1, j + 1));
                    }
                    Some(_) => j += 1,
                }
            }
        }
        let (stop, next) = cut.unwrap_or((end, end));
        if !first {
            out.push('\n');
            out.push_str(&hang);
        }
        let piece: String = chars.get(start..stop).unwrap_or_default().iter().collect();
        out.push_str(piece.trim_end_matches(' '));
        first = false;
        start = next.max(start + 1);
        while chars.get(start) == Some(&' ') {
            start += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(columns("ab"), 2);
        assert_eq!(columns("民事"), 4);
        assert_eq!(columns("（12315）"), 2 + 5 + 2);
    }

    #[test]
    fn wraps_at_spaces_with_a_hanging_indent() {
        let text = "  - one two three four five six\n";
        assert_eq!(
            wrap(text, 16),
            "  - one two\n    three four\n    five six\n"
        );
    }

    #[test]
    fn wraps_chinese_between_characters() {
        let text = "理由：规则甲乙丙丁戊己庚辛";
        let wrapped = wrap(text, 10);
        for line in wrapped.lines() {
            assert!(columns(line) <= 10, "{wrapped}");
        }
        assert_eq!(wrapped.replace(['\n', ' '], ""), text);
    }

    #[test]
    fn a_long_word_stays_whole() {
        assert_eq!(wrap("ab verylongword cd", 5), "ab\n  verylongword\n  cd");
    }

    #[test]
    fn a_space_next_to_a_values_full_width_punctuation_goes() {
        let join = |s: &str| join_chinese(&s.replace('[', "\u{2068}").replace(']', "\u{2069}"));
        assert_eq!(join("被 [「定做商品」] 取代"), "被「定做商品」取代");
        assert_eq!(join("被 [misuse] 取代"), "被 misuse 取代");
        assert_eq!(
            join("例外 [misuse（就规则 a 而言）] 已排除："),
            "例外 misuse（就规则 a 而言）已排除："
        );
        // a space in the value itself stays
        assert_eq!(join("见 [a （b）]"), "见 a （b）");
        assert_eq!(join("[[「a」]] 与 [b]"), "「a」与 b");
        // a symbol keeps its spaces
        assert_eq!(join("[您住在哪里？] → [上海]"), "您住在哪里？ → 上海");
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(
            Words::new("zh").get("no-such-message", &[]),
            "no-such-message"
        );
        assert_eq!(Words::new("fr").get("yes", &[]), "yes");
    }
}
