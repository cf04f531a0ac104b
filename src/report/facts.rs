//! `redress facts` for people: each fact with its type, label, question and
//! value labels, then the derived facts; a model and a language in, text out.
//!
//! The type words (`yes/no`, `one of …`) are the catalogue's, in the
//! language asked for; names and values stay as the rulebook writes them.

use crate::check::type_word;
use crate::diagnostic::{Arg, Text};
use crate::i18n::Words;
use crate::model::Model;
use crate::text;
use crate::value::Type;

/// A type in words, in a language of the catalogue: `one of a, b`,
/// `yes/no`, `money`, and `money in EUR` for money in another currency than
/// the rulebook's (`redress facts`, and the type of a fact in a diff).
pub(crate) fn type_words(model: &Model, ty: Type) -> Text {
    match ty {
        Type::OneOf(set) => text!(
            "diag-type-one-of-values",
            values = Arg::list(model.one_of_values(set))
        ),
        Type::Set(set) => text!(
            "diag-type-some-of-values",
            values = Arg::list(model.one_of_values(set))
        ),
        Type::Money(c) if c != model.header.currency => {
            text!("diag-type-money-in", currency = c.to_string())
        }
        other => type_word(other),
    }
}

/// The facts of `model` as a list for people, in `lang`.
pub fn facts_for_people(model: &Model, lang: &str) -> String {
    let mut s = String::new();
    for f in &model.facts {
        let ty = type_words(model, f.ty);
        s.push_str(&format!("{}: {}\n", f.name, ty.render(lang)));
        if let Some(label) = Model::pick(&f.labels, lang) {
            s.push_str(&format!("    {label}\n"));
        }
        if let Some(q) = Model::pick(&f.questions, lang) {
            s.push_str(&format!("    ? {q}\n"));
        }
        for (value, labels) in &f.value_labels {
            if let Some(label) = Model::pick(labels, lang) {
                s.push_str(&format!("    {value}: {label}\n"));
            }
        }
    }
    if !model.derived.is_empty() {
        let words = Words::new(lang);
        s.push_str(&format!("\n{}\n", words.get("facts-derived-heading", &[])));
        for d in &model.derived {
            s.push_str(&format!("{} = {}\n", d.name, model.expr_text(&d.expr)));
        }
    }
    s
}
