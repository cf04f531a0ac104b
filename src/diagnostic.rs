//! Diagnostics: the one error type of the library.
//!
//! Every stage reports problems as [`Diagnostic`] values with a stable
//! [`Code`], a severity, labelled spans into a [`SourceFile`] and help. They
//! implement [`miette::Diagnostic`], so the CLI renders them with carets.

use std::fmt;
use std::sync::Arc;

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

    /// An error with a message.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            file: None,
            labels: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// A warning with a message.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
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
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// Set the help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Add a machine-applicable fix.
    pub fn fix(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.fixes.push(Fix {
            message: message.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Set the help text when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
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
pub fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(name, candidates).map(|c| format!("did you mean `{c}`?"))
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
