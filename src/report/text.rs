//! An outcome as advice a consumer-rights advisor can read: remedies grouped
//! by category, amounts with their currency (`40,000.00 yuan`, `€40.00`), deadlines as dates, citations, and what is
//! still unknown with the question that would settle it.

use std::fmt::Write as _;

use crate::model::{Model, Texts};
use crate::outcome::{AppliedRemedy, CitationOut, Computed, Outcome, Shown, Titles};
use crate::value::{Currency, Type, format_money, money_for_people};

/// Render an outcome. `lang` picks the language of titles (the other
/// languages follow in brackets). Control characters in case values,
/// titles and names are made visible ([`super::visible`]); a line break in a
/// case value is shown as `\u{a}`, so that a value cannot start a line.
pub fn render_outcome(outcome: &Outcome, model: &Model, case_name: &str, lang: &str) -> String {
    let text = advice(outcome, model, case_name, lang);
    super::visible(&text).into_owned()
}

fn advice(outcome: &Outcome, model: &Model, case_name: &str, lang: &str) -> String {
    let mut out = String::new();
    let title = pick(&outcome.rulebook.title, lang);
    let _ = writeln!(out, "{title}");
    let mut meta = vec![format!("version {}", outcome.rulebook.version)];
    if !outcome.rulebook.jurisdiction.is_empty() {
        meta.push(outcome.rulebook.jurisdiction.to_string());
    }
    if let Some(e) = &outcome.rulebook.effective {
        meta.push(format!("effective {e}"));
    }
    let _ = writeln!(out, "{}", meta.join(" · "));
    let as_of = outcome
        .as_of
        .as_ref()
        .map(|d| format!(", as of {d}"))
        .unwrap_or_else(|| ", no as-of date".to_string());
    let _ = writeln!(out, "Case: {case_name}{as_of}");
    out.push('\n');

    if outcome.remedies.is_empty() {
        let _ = writeln!(out, "No remedy applies on the facts given.");
    } else {
        let n = outcome.remedies.len();
        let _ = writeln!(
            out,
            "{n} remed{} appl{}:",
            if n == 1 { "y" } else { "ies" },
            if n == 1 { "ies" } else { "y" }
        );
        for category in categories(model) {
            let group: Vec<&AppliedRemedy> = outcome
                .remedies
                .iter()
                .filter(|r| r.category == category)
                .collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n  {}", heading(&category));
            for r in group {
                remedy(&mut out, r, lang, plain_yuan(model));
            }
        }
    }

    if !outcome.overridden.is_empty() {
        let _ = writeln!(out, "\nSet aside by an exception:");
        for o in &outcome.overridden {
            let by = o.by.join(", ");
            let line = match (&o.exception_to, &o.remedy) {
                (Some(target), None) => format!(
                    "exception {} does not exclude rule {target}: it is itself set aside by {by}",
                    o.rule
                ),
                (Some(target), Some(r)) => {
                    format!(
                        "exception {} to rule {target} ({r}): set aside by {by}",
                        o.rule
                    )
                }
                (None, Some(r)) => format!("rule {} ({r}): overridden by {by}", o.rule),
                (None, None) => format!("rule {}: overridden by {by}", o.rule),
            };
            let _ = writeln!(out, "  - {line}");
        }
    }

    if !outcome.undetermined.is_empty() {
        let _ = writeln!(
            out,
            "\nStill undetermined: these may apply once the missing facts are known:"
        );
        for u in &outcome.undetermined {
            let _ = writeln!(out, "  - {} [{}]", titled(&u.title, lang), u.id);
            if u.needs.is_empty() {
                let _ = writeln!(
                    out,
                    "      no missing fact would settle it: a computation failed (see the errors below)"
                );
            }
            for need in &u.needs {
                let question = model
                    .facts
                    .iter()
                    .find(|f| f.name == *need)
                    .and_then(|f| pick_texts(&f.questions, lang));
                match question {
                    Some(q) => {
                        let _ = writeln!(out, "      needs {need}: {q}");
                    }
                    None => {
                        let _ = writeln!(out, "      needs {need}");
                    }
                }
            }
        }
    }

    if !outcome.errors.is_empty() {
        let _ = writeln!(out, "\nErrors while computing:");
        for e in &outcome.errors {
            let _ = writeln!(out, "  - {} ({})", e.message, e.code);
        }
    }
    out
}

/// Whether every amount of the rulebook is in yuan: its facts' amounts are
/// then shown as numbers (`price = 120.00`), as they always were; in a
/// rulebook with money in another currency each names its currency
/// (`price = €120.00`).
fn plain_yuan(model: &Model) -> bool {
    model.header.currency == Currency::CNY
        && model
            .facts
            .iter()
            .all(|f| !matches!(f.ty, Type::Money(c) if c != Currency::CNY))
}

fn remedy(out: &mut String, r: &AppliedRemedy, lang: &str, plain_yuan: bool) {
    let _ = writeln!(out, "  - {} [{}]", titled(&r.title, lang), r.id);
    for (name, value) in &r.params.0 {
        let _ = writeln!(out, "      {name}: {}", computed(value));
    }
    if let Some(a) = &r.amount {
        // a ceiling: the court sets the figure at or below it
        let _ = match (a.up_to, &a.value) {
            (true, Some(_)) => writeln!(out, "      amount: up to {}", computed(a)),
            (true, None) => writeln!(out, "      amount (a ceiling): {}", computed(a)),
            (false, _) => writeln!(out, "      amount: {}", computed(a)),
        };
    }
    if let Some(d) = &r.deadline {
        let text = match (&d.date, d.expired) {
            (Some(date), Some(true)) => format!("{date} — EXPIRED"),
            (Some(date), Some(false)) => format!("{date} (still open)"),
            (Some(date), None) => date.clone(),
            (None, _) => unknown(&d.needs, d.error.as_deref()),
        };
        let _ = writeln!(out, "      deadline: {text}");
    }
    for c in &r.citations {
        let _ = writeln!(out, "      source: {}", citation(c, lang));
    }
    for b in &r.because {
        let facts: Vec<String> = b
            .facts
            .0
            .iter()
            .map(|(k, v)| match v {
                Shown::Money(m, c) if !plain_yuan => {
                    format!("{k} = {}", money_for_people(&format_money(*m), *c, "en"))
                }
                _ => format!("{k} = {}", shown(v)),
            })
            .collect();
        // a copy of an exception to several rules: under which rule
        let rule = match b.under {
            Some(under) => format!("{} under {under}", b.rule),
            None => b.rule.to_string(),
        };
        if facts.is_empty() {
            let _ = writeln!(out, "      because: rule {rule}");
        } else {
            let _ = writeln!(out, "      because: rule {rule} ({})", facts.join(", "));
        }
        if !b.exceptions_ruled_out.is_empty() {
            let _ = writeln!(
                out,
                "      exceptions that do not apply: {}",
                b.exceptions_ruled_out.join(", ")
            );
        }
    }
}

fn shown(v: &Shown) -> String {
    match v {
        Shown::Text(t) => super::visible_inline(t).into_owned(),
        Shown::Set(_) => super::visible_inline(&v.to_string()).into_owned(),
        other => other.to_string(),
    }
}

/// `40000.00` → `40,000.00`.
fn grouped(amount: &str) -> String {
    let (sign, rest) = amount.strip_prefix('-').map_or(("", amount), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn computed(c: &Computed) -> String {
    match &c.value {
        Some(v) => match c.currency.and_then(crate::value::Currency::active) {
            Some(currency) => crate::value::money_for_people(&grouped(&shown(v)), currency, "en"),
            None => shown(v),
        },
        None => unknown(&c.needs, c.error.as_deref()),
    }
}

/// An amount, deadline or parameter that could not be computed: what failed,
/// or the facts it needs.
fn unknown(needs: &[&str], error: Option<&str>) -> String {
    match error {
        Some(e) => format!("unknown — {e}"),
        None if needs.is_empty() => {
            "unknown — a computation failed (see the errors below)".to_string()
        }
        None => format!("unknown — needs {}", needs.join(", ")),
    }
}

fn citation(c: &CitationOut, lang: &str) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &c.title {
        parts.push(titled(t, lang));
    } else if let Some(l) = &c.law {
        parts.push(l.to_string());
    }
    if let Some(a) = &c.article {
        parts.push(format!("art. {a}"));
    }
    if let Some(t) = &c.text {
        parts.push(t.to_string());
    }
    let mut s = parts.join(", ");
    if c.in_force == Some(false) {
        s.push_str(" — not in force on the as-of date");
    }
    s
}

/// Categories in the order the catalogue first uses them.
fn categories(model: &Model) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &model.remedies {
        if !out.contains(&r.category) {
            out.push(r.category.clone());
        }
    }
    out
}

fn heading(category: &str) -> String {
    let mut chars = category.chars();
    let head: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{head}{}", chars.as_str().replace('_', " "))
}

fn pick(t: &Titles, lang: &str) -> String {
    t.get(lang)
        .or_else(|| t.0.first().map(|(_, v)| v.as_str()))
        .unwrap_or_default()
        .to_string()
}

fn pick_texts<'a>(t: &'a Texts, lang: &str) -> Option<&'a str> {
    Model::pick(t, lang)
}

/// "English title (中文标题)" — the chosen language first.
fn titled(t: &Titles, lang: &str) -> String {
    let main = pick(t, lang);
    let others: Vec<&str> =
        t.0.iter()
            .filter(|(_, v)| *v != main)
            .map(|(_, v)| v.as_str())
            .collect();
    if others.is_empty() {
        main
    } else {
        format!("{main} ({})", others.join(" / "))
    }
}
