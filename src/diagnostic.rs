//! Diagnostics: the one error type of the library.
//!
//! Every stage reports problems as [`Diagnostic`] values with a stable
//! [`Code`], a severity, labelled spans into a [`SourceFile`] and help. They
//! implement [`miette::Diagnostic`], so the CLI renders them with carets.

use std::fmt;
use std::sync::Arc;

use crate::i18n::{FluentValue, Words};
use crate::source::{SourceFile, Span, widen};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Stops the rulebook or case from being used.
    Error,
    /// Worth fixing; fails `check` only with `--deny-warnings`.
    Warning,
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, )*) => {
        /// The stable code of a diagnostic, printed as `redress::<name>`.
        ///
        /// Codes are part of the public interface: tools match on them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The short name, without the `redress::` prefix.
            pub fn name(self) -> &'static str {
                match self {
                    $( Code::$variant => $name, )*
                }
            }

            /// What the code means, in one sentence (its documentation).
            pub fn description(self) -> &'static str {
                match self {
                    $( Code::$variant => concat!($($doc),*).trim_ascii(), )*
                }
            }
        }
    };
}

codes! {
    /// The text does not follow the grammar.
    Syntax => "syntax_error",
    /// A date, number or amount that cannot exist (2026-02-30, 10^40 yuan).
    InvalidLiteral => "invalid_literal",
    /// The rulebook has no `rulebook` header, or two.
    Header => "header",
    /// A name used but never declared.
    UndefinedFact => "undefined_fact",
    /// A remedy named by a rule but not in the catalogue.
    UndefinedRemedy => "undefined_remedy",
    /// An exception to a rule that does not exist.
    UndefinedRule => "undefined_rule",
    /// A citation of a law that is not declared.
    UndefinedLaw => "undefined_law",
    /// A one-of value that the fact does not list.
    UndefinedValue => "undefined_value",
    /// Two declarations with one name.
    DuplicateName => "duplicate_name",
    /// An attribute given twice (two `amount`s, two English titles).
    DuplicateAttribute => "duplicate_attribute",
    /// A remedy named with the wrong number of parameters.
    ParameterCount => "parameter_count",
    /// A phrase in a remedy template that names no parameter.
    UnknownPlaceholder => "unknown_placeholder",
    /// A value of one type used where another is needed.
    TypeMismatch => "type_mismatch",
    /// Derived facts that depend on themselves, or exceptions in a loop.
    Cycle => "cycle",
    /// A condition that can never be true.
    Contradiction => "contradiction",
    /// An exception that can never apply when its rule does.
    ExceptionNeverApplies => "exception_never_applies",
    /// A period whose start is after its end.
    InvalidPeriod => "invalid_period",
    /// A rule in force only for a period, in a rulebook with no `as of` date.
    NoAsOf => "no_as_of",
    /// A title or label in a language the header does not list.
    UnknownLanguage => "unknown_language",
    /// A remedy without a title.
    MissingTitle => "missing_title",
    /// A rule or remedy that cites no source.
    MissingCitation => "missing_citation",
    /// A free-text citation without its text in each language the header lists.
    UntranslatedCitation => "untranslated_citation",
    /// A fact no rule, remedy or derived fact uses.
    UnusedFact => "unused_fact",
    /// A remedy that no rule produces.
    UnusedRemedy => "unused_remedy",
    /// A name that looks like another but differs in invisible or look-alike characters.
    ConfusableText => "confusable_text",
    /// A control character (escape, carriage return, …) in the text of a rulebook.
    ControlCharacter => "control_character",
    /// Full-width punctuation (typed by a Chinese input method) where the language wants ASCII punctuation.
    FullWidthPunctuation => "full_width_punctuation",
    /// A quoted text not closed on its line.
    UnclosedQuote => "unclosed_quote",
    /// A one-of value spelled like a fact or derived fact.
    NameClash => "name_clash",
    /// A `calendar` the language does not know.
    UnknownCalendar => "calendar_unknown",
    /// Working days counted in a rulebook whose header names no calendar.
    NoCalendar => "calendar_missing",
    /// A working-day computation on a date the calendar does not cover.
    OutsideCalendar => "calendar_outside_years",
    /// A currency that is not an active ISO 4217 code (`EUE`, `eur`).
    UnknownCurrency => "unknown_currency",
    /// A case file that is not valid JSON or TOML.
    CaseSyntax => "case_syntax",
    /// A case value of the wrong type.
    CaseType => "case_type",
    /// A case value that is not one of the allowed values.
    CaseInvalidValue => "case_invalid_value",
    /// A case key that names no fact.
    CaseUnknownKey => "case_unknown_key",
    /// A key given twice in one case object.
    CaseDuplicateKey => "case_duplicate_key",
    /// An input beyond a documented limit (nesting depth, size).
    LimitExceeded => "limit_exceeded",
    /// A rulebook that `redress fmt` would lay out differently.
    NotFormatted => "not_formatted",
    /// A rulebook test whose outcome differs from what it expects.
    TestFailed => "test_failed",
    /// Tests that cover fewer rules or conditions than `--min-coverage` asks.
    CoverageBelowMinimum => "coverage_below_minimum",
    /// Arithmetic that overflows or divides by zero while evaluating.
    Arithmetic => "arithmetic",
    /// A test file that is not valid TOML or JSON.
    TestSyntax => "test_syntax",
    /// A test file whose keys or values are not those of a test.
    TestFormat => "test_format",
    /// A test that names a remedy the rulebook does not have.
    TestUnknownRemedy => "test_unknown_remedy",
    /// A test whose rulebook cannot be found, or has errors.
    TestRulebook => "test_rulebook",
    /// A file that cannot be read.
    Io => "io",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "redress::{}", self.name())
    }
}

/// A labelled span.
#[derive(Clone, Debug)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub text: String,
}

/// A machine-applicable fix: replace the text at `span` with `replacement`
/// (an empty span inserts it there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in words.
    pub message: String,
    /// The text replaced.
    pub span: Span,
    /// What replaces it.
    pub replacement: String,
}

/// A problem found in a rulebook or a case file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// One sentence naming the subject.
    pub message: String,
    /// The file the labels point into.
    pub file: Option<Arc<SourceFile>>,
    /// The first label is the primary one.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// Edits that fix it, for an editor to apply (none for most diagnostics).
    pub fixes: Vec<Fix>,
    /// The catalogue messages the words above were rendered from (English
    /// when built), so [`Diagnostic::in_language`] can render them again.
    /// (Boxed: a `Diagnostic` is the error of many `Result`s.)
    texts: Box<Texts>,
}

/// The [`Text`] of each part of a diagnostic.
#[derive(Clone, Debug, Default)]
struct Texts(Vec<(Part, Text)>);

/// Which words of a diagnostic a [`Text`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Message,
    Label(usize),
    Help,
    Fix(usize),
}

impl Diagnostic {
    /// Everything this diagnostic says, as one string: code, severity,
    /// message, labels, help, fixes, and its file's name and text. Two
    /// diagnostics with equal keys are the same for any reader, so tests and
    /// fuzz targets compare runs by their keys (an incremental re-check with
    /// a cold one).
    pub fn key(&self) -> String {
        format!(
            "{:?} {:?} {} {:?} {:?} {:?} {:?}",
            self.code,
            self.severity,
            self.message,
            self.labels,
            self.help,
            self.fixes,
            self.file.as_ref().map(|f| (f.name(), f.text()))
        )
    }

    /// An error with a message: a catalogue message ([`text!`](crate::text))
    /// or, for words not in the catalogue (a message from the OS or a
    /// library), a plain string.
    pub fn error(code: Code, message: impl Into<Text>) -> Self {
        let message = message.into();
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.english.clone(),
            file: None,
            labels: Vec::new(),
            help: None,
            fixes: Vec::new(),
            texts: Box::new(Texts(vec![(Part::Message, message)])),
        }
    }

    /// A warning with a message.
    pub fn warning(code: Code, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Attach the file.
    pub fn in_file(mut self, file: &Arc<SourceFile>) -> Self {
        self.file = Some(Arc::clone(file));
        self
    }

    /// Add a label.
    pub fn label(mut self, span: Span, text: impl Into<Text>) -> Self {
        let text = text.into();
        self.labels.push(Label {
            span,
            text: text.english.clone(),
        });
        self.texts
            .0
            .push((Part::Label(self.labels.len() - 1), text));
        self
    }

    /// Set the help text.
    pub fn help(mut self, help: impl Into<Text>) -> Self {
        let help = help.into();
        self.help = Some(help.english.clone());
        self.texts.0.retain(|(part, _)| *part != Part::Help);
        self.texts.0.push((Part::Help, help));
        self
    }

    /// Add a machine-applicable fix.
    pub fn fix(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        message: impl Into<Text>,
    ) -> Self {
        let message = message.into();
        self.fixes.push(Fix {
            message: message.english.clone(),
            span,
            replacement: replacement.into(),
        });
        self.texts
            .0
            .push((Part::Fix(self.fixes.len() - 1), message));
        self
    }

    /// Set the help text when there is one.
    pub fn maybe_help<T: Into<Text>>(self, help: Option<T>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    /// The message as a [`Text`], to be rendered again in any language
    /// inside another sentence.
    pub fn message_text(&self) -> Text {
        self.texts
            .0
            .iter()
            .find(|(part, _)| *part == Part::Message)
            .map_or_else(|| Text::from(self.message.clone()), |(_, t)| t.clone())
    }

    /// The same diagnostic with its message, labels, help and fixes' words
    /// in `lang` (English when the catalogue lacks the language or a message;
    /// words not from the catalogue stay as they are).
    pub fn in_language(&self, lang: &str) -> Diagnostic {
        let mut d = self.clone();
        if lang == "en" {
            return d;
        }
        for (part, text) in &self.texts.0 {
            if text.id.is_none() {
                continue;
            }
            let words = text.render(lang);
            match *part {
                Part::Message => d.message = words,
                Part::Label(i) => {
                    if let Some(l) = d.labels.get_mut(i) {
                        l.text = words;
                    }
                }
                Part::Help => d.help = Some(words),
                Part::Fix(i) => {
                    if let Some(f) = d.fixes.get_mut(i) {
                        f.message = words;
                    }
                }
            }
        }
        d
    }

    /// The words of this diagnostic that are not from the catalogue (and so
    /// cannot be shown in another language), in the order message, labels,
    /// help, fixes; empty labels are not counted.
    pub fn untranslated(&self) -> Vec<&str> {
        let mut parts: Vec<&(Part, Text)> = self
            .texts
            .0
            .iter()
            .filter(|(_, t)| t.id.is_none() && !t.english.is_empty())
            .collect();
        parts.sort_by_key(|(part, _)| match *part {
            Part::Message => (0, 0),
            Part::Label(i) => (1, i),
            Part::Help => (2, 0),
            Part::Fix(i) => (3, i),
        });
        parts.into_iter().map(|(_, t)| t.english.as_str()).collect()
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The primary span, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.first().map(|l| l.span)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl From<Severity> for miette::Severity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        }
    }
}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity.into())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.file.as_deref().map(|f| f as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let file = self.file.as_ref()?;
        let text = file.text();
        Some(Box::new(self.labels.iter().enumerate().map(
            move |(i, l)| {
                let span = widen(text, l.span);
                let label = Some(l.text.clone()).filter(|t| !t.is_empty());
                if i == 0 {
                    miette::LabeledSpan::new_primary_with_span(label, (span.start, span.len()))
                } else {
                    miette::LabeledSpan::new_with_span(label, (span.start, span.len()))
                }
            },
        )))
    }
}

impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text()
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name().to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// The closest of `candidates` to `name`, for "did you mean".
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(name, c);
        let dotted = strsim::normalized_damerau_levenshtein(&name.replace('_', "."), c);
        let score = score.max(dotted);
        if score >= 0.6 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `Some("did you mean `x`?")` when a close candidate exists.
pub fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Text> {
    did_you_mean(name, candidates).map(|c| crate::text!("diag-did-you-mean", name = c))
}

/// A count for messages, its digits grouped by thousands: `127950` as `127,950`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Words a person reads in a diagnostic (its message, a label, the help, a
/// fix's title): a message of the catalogue (`locales/*.ftl`, section
/// `## diagnostics`) with its arguments, rendered in English when built and
/// in any language by [`Text::render`]. Build one with [`text!`](crate::text).
///
/// A plain `String` or `&str` converts into a `Text` without a catalogue id:
/// words that cannot be translated (an operating system's or a library's
/// message), shown as they are in every language and listed by
/// [`Diagnostic::untranslated`].
///
/// ```
/// use redress::text;
/// let t = text!("diag-did-you-mean", name = "operator.location");
/// assert_eq!(t.english(), "did you mean `operator.location`?");
/// assert_eq!(t.render("zh"), "是不是 `operator.location`？");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    id: Option<&'static str>,
    args: Vec<(&'static str, Arg)>,
    english: String,
}

/// An argument of a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Words given as they are: a name from the rulebook, a value, a number
    /// already formatted.
    Plain(String),
    /// A number, for the catalogue's plural forms (`{ $count -> … }`).
    Number(i64),
    /// Words that are themselves a catalogue message, rendered in the same
    /// language (a type's name, a clause).
    Text(Box<Text>),
    /// Items joined as a list in the language (`a, b` / `a、b`), or with
    /// the last joined by the word "or" (`a, b or c` / `a、b 或 c`).
    List(Vec<Arg>, Join),
    /// An amount (its number as written) with its currency, shown as
    /// people read it in the language ([`crate::value::money_for_people`]:
    /// `500.00 yuan` / `500.00 元`, `€125.40`).
    Money(String, crate::value::Currency),
}

/// How the items of an [`Arg::List`] are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// `a, b, c` / `a、b、c`.
    Comma,
    /// `a, b or c` / `a、b 或 c`.
    Or,
    /// `a, b and c` / `a、b 和 c`.
    And,
}

impl Text {
    /// The catalogue message `id` with its arguments (use [`text!`](crate::text)).
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        let mut text = Text {
            id: Some(id),
            args,
            english: String::new(),
        };
        text.english = text.render("en");
        text
    }

    /// The words in English.
    pub fn english(&self) -> &str {
        &self.english
    }

    /// The catalogue id; `None` for words not from the catalogue.
    pub fn id(&self) -> Option<&'static str> {
        self.id
    }

    /// The words in `lang` (English where the catalogue lacks the language
    /// or the message).
    pub fn render(&self, lang: &str) -> String {
        let Some(id) = self.id else {
            return self.english.clone();
        };
        let words = Words::new(lang);
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, arg)| (*name, arg.value(words)))
            .collect();
        words.get(id, &args)
    }
}

impl Arg {
    /// Items joined with commas (`a, b` / `a、b`).
    pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(items.into_iter().map(Into::into).collect(), Join::Comma)
    }

    /// Items with the last joined by "or" (`a, b or c` / `a、b 或 c`).
    pub fn or_list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(items.into_iter().map(Into::into).collect(), Join::Or)
    }

    /// Items with the last joined by "and" (`a, b and c` / `a、b 和 c`).
    pub fn and_list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(items.into_iter().map(Into::into).collect(), Join::And)
    }

    fn value(&self, words: Words) -> FluentValue<'static> {
        match self {
            Arg::Number(n) => FluentValue::from(*n),
            other => FluentValue::from(other.words(words)),
        }
    }

    fn words(&self, words: Words) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Number(n) => n.to_string(),
            Arg::Text(t) => t.render(words.lang()),
            Arg::Money(number, currency) => {
                crate::value::money_for_people(number, *currency, words.lang())
            }
            Arg::List(items, join) => {
                let items: Vec<String> = items.iter().map(|a| a.words(words)).collect();
                let sep = words.get("list-separator", &[]);
                let last = match join {
                    Join::Comma => sep.clone(),
                    Join::Or => words.get("diag-list-or", &[]),
                    Join::And => words.get("diag-list-and", &[]),
                };
                let mut out = String::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(if i + 1 == items.len() { &last } else { &sep });
                    }
                    out.push_str(item);
                }
                out
            }
        }
    }
}

/// In JSON, for programs, a `Text` is its English words (the code beside it
/// is what programs match on).
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

impl From<String> for Text {
    fn from(english: String) -> Text {
        Text {
            id: None,
            args: Vec::new(),
            english,
        }
    }
}

impl From<&str> for Text {
    fn from(english: &str) -> Text {
        Text::from(english.to_string())
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(english: std::borrow::Cow<'_, str>) -> Text {
        Text::from(english.into_owned())
    }
}

impl From<&String> for Text {
    fn from(english: &String) -> Text {
        Text::from(english.clone())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Plain(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Plain(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Plain(s.clone())
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Plain((*s).to_string())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Plain(s.into_owned())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        })*
    };
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A [`Text`] from the catalogue: `text!("diag-undefined-fact", name = n)`.
/// Each argument is anything that converts into an [`Arg`] (a string, a
/// number, another `Text`, or an [`Arg`] list).
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diagnostic::Text::new(
            $id,
            vec![$((stringify!($name), $crate::diagnostic::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_catalogue_render_in_either_language() {
        let d = Diagnostic::error(
            Code::UndefinedFact,
            crate::text!("diag-did-you-mean", name = "a.b"),
        )
        .label(Span::new(0, 1), "plain words")
        .help(crate::text!("diag-did-you-mean", name = "c"));
        assert_eq!(d.message, "did you mean `a.b`?");
        assert_eq!(d.help.as_deref(), Some("did you mean `c`?"));
        let zh = d.in_language("zh");
        assert_eq!(zh.message, "是不是 `a.b`？");
        assert_eq!(zh.help.as_deref(), Some("是不是 `c`？"));
        assert_eq!(zh.labels[0].text, "plain words");
        assert_eq!(d.untranslated(), vec!["plain words"]);
        assert_eq!(d.in_language("en").key(), d.key());
    }

    #[test]
    fn lists_join_in_the_language() {
        let t = Text::new(
            "diag-did-you-mean",
            vec![("name", Arg::or_list(["a", "b", "c"]))],
        );
        assert_eq!(t.english(), "did you mean `a, b or c`?");
        assert_eq!(t.render("zh"), "是不是 `a、b 或 c`？");
        let one = Text::new("diag-did-you-mean", vec![("name", Arg::and_list(["a"]))]);
        assert_eq!(one.english(), "did you mean `a`?");
    }
}
