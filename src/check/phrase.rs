//! Remedy phrases: templates in the catalogue, and the phrase a rule writes
//! after `=>`, matched against them to find the remedy and bind parameters.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::ast::{self, Conclusion, Word};
use crate::diagnostic::{Code, did_you_mean};
use crate::model::{self, Expr, RemedyId};
use crate::source::Span;
use crate::text;
use crate::value::{Type, Value};

use super::{Checker, ValueName};

/// One token of a phrase template.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Slot(String),
}

fn tokens(template: &str) -> Vec<Tok> {
    template
        .split_whitespace()
        .map(
            |w| match w.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                Some(slot) => Tok::Slot(slot.to_string()),
                None => Tok::Word(w.to_lowercase()),
            },
        )
        .collect()
}

/// The placeholder names of a template, in order.
fn slots(toks: &[Tok]) -> Vec<&str> {
    toks.iter()
        .filter_map(|t| match t {
            Tok::Slot(s) => Some(s.as_str()),
            Tok::Word(_) => None,
        })
        .collect()
}

fn render(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Word(w) => w.clone(),
            Tok::Slot(s) => format!("{{{s}}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Match words against tokens; each slot takes one word or more (none when
/// `allow_empty`). Returns the words of each slot.
fn matches<'w>(toks: &[Tok], words: &'w [Word], allow_empty: bool) -> Option<Vec<&'w [Word]>> {
    let Some((first, rest)) = toks.split_first() else {
        return words.is_empty().then(Vec::new);
    };
    match first {
        Tok::Word(w) => {
            let (word, more) = words.split_first()?;
            if word.quoted || word.text.to_lowercase() != *w {
                return None;
            }
            matches(rest, more, allow_empty)
        }
        Tok::Slot(_) => {
            let min = usize::from(!allow_empty);
            for k in min..=words.len() {
                let (taken, more) = words.split_at(k);
                if let Some(mut caps) = matches(rest, more, allow_empty) {
                    caps.insert(0, taken);
                    return Some(caps);
                }
            }
            None
        }
    }
}

/// The templates of remedies, by their index: each `phrase`, and the id read
/// as words for a remedy without parameters (`true`).
fn templates_of<'r>(
    remedies: impl Iterator<Item = &'r ast::Remedy>,
) -> Vec<(usize, Vec<Tok>, bool)> {
    let mut out = Vec::new();
    for (i, r) in remedies.enumerate() {
        for p in &r.phrases {
            out.push((i, tokens(&p.text), false));
        }
        if r.params.is_empty() {
            out.push((i, tokens(&r.name.text.replace('_', " ")), true));
        }
    }
    out
}

/// How a phrase after `=>` names its remedy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseMatch {
    /// The id itself, one word: `=> return_without_reason`.
    Id,
    /// The id read as words: `=> return without reason`.
    IdWords,
    /// One of the remedy's `phrase` templates.
    Template,
}

/// The remedies' phrases, read once, to find the remedy a phrase after `=>`
/// names as the checker reads it: the id as one word, else the templates
/// with the fewest placeholders and the most words first; a phrase that
/// leaves a placeholder empty still names its remedy. For editors (go to
/// definition, rename).
#[derive(Debug)]
pub struct PhraseTable {
    ids: std::collections::HashMap<String, usize>,
    templates: Vec<(usize, Vec<Tok>, bool)>,
}

impl PhraseTable {
    /// The table of `remedies`, each known by its index.
    pub fn new(remedies: &[&ast::Remedy]) -> PhraseTable {
        let mut ids = std::collections::HashMap::new();
        for (i, r) in remedies.iter().enumerate() {
            ids.entry(r.name.text.clone()).or_insert(i);
        }
        let mut templates = templates_of(remedies.iter().copied());
        templates.sort_by_key(|(_, toks, _)| {
            let slots = toks.iter().filter(|t| matches!(t, Tok::Slot(_))).count();
            (slots, usize::MAX - toks.len())
        });
        PhraseTable { ids, templates }
    }

    /// The remedy (an index) that `words` name, and how.
    pub fn remedy(&self, words: &[Word]) -> Option<(usize, PhraseMatch)> {
        if let [only] = words {
            if let Some(i) = self.ids.get(&only.text) {
                return Some((*i, PhraseMatch::Id));
            }
        }
        let how = |by_id: bool| {
            if by_id {
                PhraseMatch::IdWords
            } else {
                PhraseMatch::Template
            }
        };
        for allow_empty in [false, true] {
            for (i, toks, by_id) in &self.templates {
                if matches(toks, words, allow_empty).is_some() {
                    return Some((*i, how(*by_id)));
                }
            }
        }
        None
    }
}

/// A template as a person reads it: `forward to association at {location}`.
pub fn template_text(template: &str) -> String {
    render(&tokens(template))
}

impl Checker<'_> {
    /// Check a `phrase "…"` template against the remedy's parameters.
    pub(crate) fn check_template(&mut self, phrase: &ast::LangText, params: &[(String, Type)]) {
        let toks = tokens(&phrase.text);
        let slots = slots(&toks);
        for s in &slots {
            if !params.iter().any(|(p, _)| p == s) {
                let slot = format!("{{{s}}}");
                let help = did_you_mean(s, params.iter().map(|(p, _)| p.as_str()))
                    .map(|p| text!("diag-did-you-mean", name = format!("{{{p}}}")))
                    .unwrap_or_else(|| text!("diag-check-unknown-slot-help", name = *s));
                self.error(
                    Code::UnknownPlaceholder,
                    text!("diag-check-unknown-slot", slot = &slot),
                )
                .label(
                    phrase.span,
                    text!("diag-check-unknown-slot-label", slot = &slot),
                )
                .help(help)
                .emit();
            }
        }
        for (p, _) in params {
            let count = slots.iter().filter(|s| **s == p.as_str()).count();
            if count != 1 {
                let message = if count == 0 {
                    text!("diag-check-slot-missing", name = p)
                } else {
                    text!("diag-check-slot-repeated", name = p)
                };
                self.error(Code::UnknownPlaceholder, message)
                    .label(phrase.span, text!("diag-check-slot-label"))
                    .help(text!("diag-check-slot-help", slot = format!("{{{p}}}")))
                    .emit();
            }
        }
        if toks.is_empty() {
            self.error(Code::UnknownPlaceholder, text!("diag-check-empty-phrase"))
                .label(phrase.span, text!("diag-check-empty-phrase-label"))
                .help(text!("diag-check-empty-phrase-help"))
                .emit();
        }
    }

    /// The templates of every remedy: its phrases, and its id read as words.
    fn templates(&self) -> Vec<(RemedyId, Vec<Tok>)> {
        templates_of(self.remedy_decls.iter().copied())
            .into_iter()
            .map(|(i, toks, _)| (RemedyId(super::id32(i)), toks))
            .collect()
    }

    /// Resolve what a rule concludes.
    pub(crate) fn conclusion(&mut self, c: &Conclusion) -> Option<model::Conclusion> {
        match c {
            Conclusion::Call { name, args, span } => self.call(name, args, *span),
            Conclusion::Phrase { words, span } => self.phrase(words, *span),
        }
    }

    fn call(
        &mut self,
        name: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
    ) -> Option<model::Conclusion> {
        let Some(id) = self.remedies.get(&name.text).copied() else {
            let meant = did_you_mean(
                &name.text,
                self.remedy_decls.iter().map(|r| r.name.text.as_str()),
            )
            .map(str::to_string);
            let help = meant
                .as_deref()
                .map(|c| text!("diag-did-you-mean", name = c))
                .unwrap_or_else(|| text!("diag-check-undefined-remedy-help"));
            self.error(
                Code::UndefinedRemedy,
                text!("diag-check-undefined-remedy", name = &name.text),
            )
            .label(name.span, text!("diag-check-undefined-remedy-label"))
            .help(help)
            .meant(name.span, meant)
            .emit();
            return None;
        };
        let params = self.model.remedies.get(id.index())?.params.clone();
        if params.len() != args.len() {
            let list = crate::diagnostic::Arg::list(params.iter().map(|(p, _)| p.as_str()));
            self.error(
                Code::ParameterCount,
                text!(
                    "diag-check-parameter-count",
                    name = &name.text,
                    want = params.len().to_string(),
                    given = args.len().to_string()
                ),
            )
            .label(
                span,
                text!(
                    "diag-check-parameter-count-label",
                    given = args.len().to_string()
                ),
            )
            .help(if params.is_empty() {
                text!(
                    "diag-check-parameter-count-none-help",
                    phrase = name.text.replace('_', " ")
                )
            } else {
                text!("diag-check-parameter-count-help", list = list)
            })
            .emit();
            return None;
        }
        let mut out = Vec::new();
        for ((pname, pty), a) in params.iter().zip(args) {
            let (x, ty) = self.expr(a, Some(*pty))?;
            if ty != *pty {
                self.param_mismatch(pname, *pty, ty, a.span);
                return None;
            }
            out.push(x);
        }
        Some(model::Conclusion {
            remedy: id,
            args: out,
        })
    }

    fn param_mismatch(&mut self, pname: &str, want: Type, found: Type, span: Span) {
        if let (Type::Money(x), Type::Money(y)) = (want, found) {
            let (x, y) = (x.to_string(), y.to_string());
            self.error(
                Code::TypeMismatch,
                text!(
                    "diag-check-parameter-currency",
                    name = pname,
                    x = &x,
                    y = &y
                ),
            )
            .label(span, text!("diag-check-this-is-money-in", currency = &y))
            .help(text!("diag-check-parameter-currency-help", x = &x, y = &y))
            .emit();
            return;
        }
        let (w, f) = (self.type_name(want), self.type_name(found));
        self.error(
            Code::TypeMismatch,
            text!(
                "diag-check-parameter-type",
                name = pname,
                want = w.clone(),
                found = f.clone()
            ),
        )
        .label(span, text!("diag-check-this-is", found = f))
        .help(text!("diag-check-parameter-type-help", want = w))
        .emit();
    }

    fn phrase(&mut self, words: &[Word], span: Span) -> Option<model::Conclusion> {
        // A single word naming a remedy id.
        if let [only] = words {
            if let Some(id) = self.remedies.get(&only.text).copied() {
                let n = self
                    .model
                    .remedies
                    .get(id.index())
                    .map_or(0, |r| r.params.len());
                if n == 0 {
                    return Some(model::Conclusion {
                        remedy: id,
                        args: Vec::new(),
                    });
                }
                self.error(
                    Code::ParameterCount,
                    text!(
                        "diag-check-parameters-none-given",
                        name = &only.text,
                        want = n.to_string()
                    ),
                )
                .label(span, text!("diag-check-parameters-none-given-label"))
                .help(text!("diag-check-parameters-none-given-help"))
                .emit();
                return None;
            }
        }
        let mut templates = self.templates();
        // A phrase that matches a template word for word wins over one that
        // fills a placeholder: fewer placeholders first, then more words.
        templates.sort_by_key(|(_, toks)| {
            let slots = toks.iter().filter(|t| matches!(t, Tok::Slot(_))).count();
            (slots, usize::MAX - toks.len())
        });
        for (id, toks) in &templates {
            if let Some(caps) = matches(toks, words, false) {
                return self.bind(*id, toks, &caps);
            }
        }
        for (id, toks) in &templates {
            if matches(toks, words, true).is_some() {
                let name = self
                    .remedy_decls
                    .get(id.index())
                    .map(|r| r.name.text.clone())
                    .unwrap_or_default();
                self.error(
                    Code::ParameterCount,
                    text!("diag-check-parameter-empty", name = name),
                )
                .label(span, text!("diag-check-parameter-empty-label"))
                .help(text!("diag-check-phrase-is", phrase = render(toks)))
                .emit();
                return None;
            }
        }
        let text = words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let rendered: Vec<String> = templates.iter().map(|(_, t)| render(t)).collect();
        let meant = did_you_mean(&text, rendered.iter().map(String::as_str)).map(str::to_string);
        let help = meant
            .as_deref()
            .map(|c| text!("diag-did-you-mean", name = c))
            .unwrap_or_else(|| text!("diag-check-no-phrase-help"));
        // a phrase with placeholders is no fix: its values are the writer's
        let meant = meant.filter(|m| !m.contains('{'));
        self.error(
            Code::UndefinedRemedy,
            text!("diag-check-no-phrase", phrase = &text),
        )
        .label(span, text!("diag-check-no-phrase-label"))
        .help(help)
        .meant(span, meant)
        .emit();
        None
    }

    fn bind(&mut self, id: RemedyId, toks: &[Tok], caps: &[&[Word]]) -> Option<model::Conclusion> {
        let params = self.model.remedies.get(id.index())?.params.clone();
        let slots = slots(toks);
        let mut args = Vec::new();
        for (pname, pty) in &params {
            let pos = slots.iter().position(|s| *s == pname.as_str())?;
            let words = caps.get(pos).copied().unwrap_or(&[]);
            let (x, ty) = self.argument(words, *pty)?;
            if ty != *pty {
                let span = span_of(words);
                self.param_mismatch(pname, *pty, ty, span);
                return None;
            }
            args.push(x);
        }
        Some(model::Conclusion { remedy: id, args })
    }

    /// The value that the words of a slot name.
    fn argument(&mut self, words: &[Word], ty: Type) -> Option<(Expr, Type)> {
        let span = span_of(words);
        if let [w] = words {
            if w.quoted {
                return match ty {
                    Type::OneOf(set) => self.choice_value(set, &w.text, span),
                    _ => Some((Expr::Const(Value::Text(w.text.as_str().into())), Type::Text)),
                };
            }
            if let Ok(d) = w.text.parse::<Date>() {
                return Some((Expr::Const(Value::Date(d)), Type::Date));
            }
            if let Ok(n) = Decimal::from_str_exact(&w.text) {
                return Some((Expr::Const(Value::Number(n)), Type::Number));
            }
            // `€40`, `¥40`, `40€`, `40元`: an amount written as one word
            if let Some(m) = one_word_amount(&w.text) {
                return Some(m);
            }
        }
        if let [n, unit] = words {
            if let Some(c) = crate::value::Currency::from_word(&unit.text) {
                if let Ok(n) = Decimal::from_str_exact(&n.text) {
                    return Some((Expr::Const(Value::Money(n, c)), Type::Money(c)));
                }
            }
        }
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        let candidates = [texts.join("."), texts.join("_"), texts.join(" ")];
        for c in &candidates {
            if let Some(v) = self.values.get(c.as_str()).copied() {
                return self.resolved(v);
            }
        }
        if let (Type::OneOf(set), [w]) = (ty, words) {
            return self.choice_value(set, &w.text, span);
        }
        let dotted = &candidates[0];
        let help = did_you_mean(dotted, self.value_order.iter().map(String::as_str))
            .map(|c| text!("diag-did-you-mean", name = c.replace(['.', '_'], " ")))
            .unwrap_or_else(|| text!("diag-check-argument-help"));
        self.error(
            Code::UndefinedFact,
            text!("diag-check-argument-no-fact", words = texts.join(" ")),
        )
        .label(span, text!("diag-check-read-as", name = dotted))
        .help(help)
        .emit();
        None
    }

    fn resolved(&mut self, v: ValueName) -> Option<(Expr, Type)> {
        match v {
            ValueName::Fact(f) => {
                if let Some(u) = self.used_facts.get_mut(f.index()) {
                    *u = true;
                }
                Some((Expr::Fact(f), self.model.facts.get(f.index())?.ty))
            }
            ValueName::Derived(d) => Some((Expr::Derived(d), self.derived(d)?)),
        }
    }

    fn choice_value(
        &mut self,
        set: crate::value::OneOfId,
        name: &str,
        span: Span,
    ) -> Option<(Expr, Type)> {
        let e = ast::Expr {
            kind: ast::ExprKind::Name(name.to_string()),
            span,
        };
        self.expr(&e, Some(Type::OneOf(set)))
    }
}

fn span_of(words: &[Word]) -> Span {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::default(),
    }
}

/// An amount written as one phrase word, its sign or currency word touching
/// the number: `€40`, `¥40`, `40€`, `40元`, `40EUR`.
fn one_word_amount(word: &str) -> Option<(Expr, Type)> {
    let signs = ["¥", "￥", "€"];
    let (number, currency) = match signs
        .iter()
        .find_map(|s| word.strip_prefix(s).map(|n| (n, *s)))
    {
        Some((number, sign)) => (number, sign),
        None => {
            let at = word.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            (word.get(..at)?, word.get(at..)?)
        }
    };
    let c = crate::value::Currency::from_word(currency)?;
    let n = Decimal::from_str_exact(number).ok()?;
    Some((Expr::Const(Value::Money(n, c)), Type::Money(c)))
}

#[cfg(test)]
mod tests {
    use super::{Tok, matches, tokens};
    use crate::ast::Word;
    use crate::source::Span;

    fn words(s: &str) -> Vec<Word> {
        s.split(' ')
            .map(|w| Word {
                text: w.to_string(),
                quoted: false,
                span: Span::default(),
            })
            .collect()
    }

    fn texts(caps: &[&[Word]]) -> Vec<String> {
        caps.iter()
            .map(|c| {
                c.iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn placeholders_take_the_words_between_fixed_words() {
        let t = tokens("forward to association at {location}");
        assert_eq!(t.last(), Some(&Tok::Slot("location".into())));
        let w = words("forward to association at operator location");
        assert_eq!(
            texts(&matches(&t, &w, false).unwrap()),
            ["operator location"]
        );
        let t = tokens("pay {amount} to {whom} now");
        let w = words("pay three times the price to the seller now");
        assert_eq!(
            texts(&matches(&t, &w, false).unwrap()),
            ["three times the price", "the seller"]
        );
    }

    #[test]
    fn fixed_words_must_all_match() {
        let t = tokens("forward to association at {location}");
        assert!(matches(&t, &words("forward to the association at x"), false).is_none());
        assert!(matches(&t, &words("forward to association at"), false).is_none());
        assert!(matches(&t, &words("forward to association at"), true).is_some());
        assert!(
            matches(
                &tokens("Return Without Reason"),
                &words("return without reason"),
                false
            )
            .is_some()
        );
    }
}
