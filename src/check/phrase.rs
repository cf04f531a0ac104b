//! Remedy phrases: templates in the catalogue, and the phrase a rule writes
//! after `=>`, matched against them to find the remedy and bind parameters.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::ast::{self, Conclusion, Word};
use crate::diagnostic::{Code, did_you_mean};
use crate::model::{self, Expr, RemedyId};
use crate::source::Span;
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
                let help = did_you_mean(s, params.iter().map(|(p, _)| p.as_str()))
                    .map(|p| format!("did you mean `{{{p}}}`?"))
                    .unwrap_or_else(|| format!("declare it: `param {s}: text`"));
                self.error(
                    Code::UnknownPlaceholder,
                    format!("the phrase names `{{{s}}}`, which is not a parameter of the remedy"),
                )
                .label(phrase.span, format!("`{{{s}}}` here"))
                .help(help)
                .emit();
            }
        }
        for (p, _) in params {
            let count = slots.iter().filter(|s| **s == p.as_str()).count();
            if count != 1 {
                let what = if count == 0 {
                    "does not mention"
                } else {
                    "mentions more than once"
                };
                self.error(
                    Code::UnknownPlaceholder,
                    format!("the phrase {what} the parameter `{p}`"),
                )
                .label(phrase.span, "this phrase")
                .help(format!("write `{{{p}}}` once where the value goes"))
                .emit();
            }
        }
        if toks.is_empty() {
            self.error(Code::UnknownPlaceholder, "the phrase is empty")
                .label(phrase.span, "empty phrase")
                .help("write the remedy as English words: `forward to association at {location}`")
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
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| "declare it in the catalogue with `remedy`".to_string());
            self.error(
                Code::UndefinedRemedy,
                format!("the remedy `{}` is not in the catalogue", name.text),
            )
            .label(name.span, "no such remedy")
            .help(help)
            .meant(name.span, meant)
            .emit();
            return None;
        };
        let params = self.model.remedies.get(id.index())?.params.clone();
        if params.len() != args.len() {
            let list = params
                .iter()
                .map(|(p, _)| p.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                Code::ParameterCount,
                format!(
                    "`{}` takes {} parameter(s), but {} were given",
                    name.text,
                    params.len(),
                    args.len()
                ),
            )
            .label(span, format!("{} given", args.len()))
            .help(if params.is_empty() {
                format!("write `{}` without arguments", name.text.replace('_', " "))
            } else {
                format!("give one value for each of: {list}")
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
            self.error(
                Code::TypeMismatch,
                format!("the parameter `{pname}` is money in {x}, but this is money in {y}"),
            )
            .label(span, format!("this is money in {y}"))
            .help(format!(
                "redress never converts currencies (it has no exchange rates): give an amount in {x}, \
                 or declare the parameter as `money {y}`"
            ))
            .emit();
            return;
        }
        let (w, f) = (self.type_name(want), self.type_name(found));
        self.error(
            Code::TypeMismatch,
            format!("the parameter `{pname}` is {w}, but this is {f}"),
        )
        .label(span, format!("this is {f}"))
        .help(format!("give a value of type {w}"))
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
                    format!(
                        "`{}` takes {n} parameter(s), but none were given",
                        only.text
                    ),
                )
                .label(span, "no parameters")
                .help("write the remedy's phrase with its values, or `id(value, …)`")
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
                    format!("the remedy `{name}` needs a value for each parameter"),
                )
                .label(span, "a parameter is left empty")
                .help(format!("the phrase is `{}`", render(toks)))
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
            .map(|c| format!("did you mean `{c}`?"))
            .unwrap_or_else(|| {
                "name a remedy of the catalogue by its id or its `phrase`".to_string()
            });
        // a phrase with placeholders is no fix: its values are the writer's
        let meant = meant.filter(|m| !m.contains('{'));
        self.error(
            Code::UndefinedRemedy,
            format!("no remedy in the catalogue reads `{text}`"),
        )
        .label(span, "no remedy matches this phrase")
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
            .map(|c| format!("did you mean `{}`?", c.replace(['.', '_'], " ")))
            .unwrap_or_else(|| "the words must name a fact (`operator location` for `operator.location`) or be a quoted text".to_string());
        self.error(
            Code::UndefinedFact,
            format!("`{}` names no fact or derived fact", texts.join(" ")),
        )
        .label(span, format!("read as `{dotted}`"))
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
