//! A diff report as text, Markdown (a pull-request comment) or JSON.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use super::behaviour::{CaseChange, Found, RemedyChange, Search};
use super::{Change, ItemChange, Report};

/// How to render a [`Report`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// Markdown, ready to paste as a pull-request comment.
    Markdown,
    /// JSON for tools.
    Json,
}

pub(super) fn render(report: &Report, format: Format, old: &str, new: &str) -> String {
    match format {
        // for a terminal: control characters in case values made visible
        Format::Text => crate::report::visible(&text(report, old, new)).into_owned(),
        Format::Markdown => crate::report::visible(&markdown(report, old, new)).into_owned(),
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&to_json(report, old, new)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The sentence with its first letter in capitals.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn verb(c: &Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed(_) => "changed",
    }
}

/// The verdict, in one sentence.
fn verdict(report: &Report) -> String {
    let s = &report.search;
    if report.behaviour_changed() {
        let mut parts = Vec::new();
        if !report.replay.changed.is_empty() {
            parts.push(format!(
                "{} of the corpus changed",
                plural(report.replay.changed.len(), "case", "cases")
            ));
        }
        let new_kinds = s.found.iter().filter(|f| !f.in_corpus).count();
        if new_kinds > 0 {
            parts.push(format!(
                "the search found {} the corpus does not show",
                plural(new_kinds, "kind of change", "kinds of change")
            ));
        }
        if parts.is_empty() {
            parts.push("see the cases above".to_string());
        }
        format!("Behaviour changed: {}.", parts.join("; "))
    } else if s.exhaustive {
        if s.changed_items.is_empty() {
            "No behavioural change: no condition, remedy, amount or deadline changed.".to_string()
        } else {
            "No behavioural change: the search was exhaustive for the changed conditions (every combination of their boundary values and unknown, from the empty case).".to_string()
        }
    } else if s.unreached.is_empty() {
        format!(
            "Undecided: the search found no behavioural change, but it was not exhaustive ({}), so cases it did not try may behave differently.",
            s.not_exhaustive.first().map_or("see below", String::as_str)
        )
    } else {
        let list: Vec<String> = s
            .unreached
            .iter()
            .take(5)
            .map(|c| format!("`{c}`"))
            .collect();
        let more = s.unreached.len().saturating_sub(5);
        let more = if more > 0 {
            format!(" and {}", plural(more, "more", "more"))
        } else {
            String::new()
        };
        format!(
            "Undecided: the search found no behavioural change, but it could not aim at {} {}{more}, so cases on their other side may behave differently.",
            if s.unreached.len() == 1 {
                "the condition"
            } else {
                "the conditions"
            },
            join_and(&list)
        )
    }
}

// ------------------------------------------------- shared sentences
// Text and Markdown say the same things in the same words; only the layout
// differs.

/// Where a found case comes from: `from the empty case; 2 other cases like
/// it; the corpus shows this too`.
fn origin(f: &Found) -> String {
    let mut parts = vec![format!("from {}", f.from)];
    if f.similar > 0 {
        parts.push(format!(
            "{} like it",
            plural(f.similar, "other case", "other cases")
        ));
    }
    if f.in_corpus {
        parts.push("the corpus shows this too".to_string());
    }
    parts.join("; ")
}

/// `3 cases replayed under both versions; 1 changed`.
fn corpus_summary(r: &super::behaviour::Replay) -> String {
    format!(
        "{} replayed under both versions; {} changed",
        plural(r.cases, "case", "cases"),
        r.changed.len()
    )
}

/// A corpus case both versions reject.
fn rejected_by_both(name: &str, error: &str) -> String {
    format!("{name} is rejected by both versions: {error}")
}

/// What the search found, in one line.
fn found_summary(s: &Search) -> String {
    if s.found.is_empty() {
        "no generated case has a different outcome".to_string()
    } else {
        format!(
            "found {}",
            plural(s.found.len(), "kind of change", "kinds of change")
        )
    }
}

fn change_lines(changes: &[RemedyChange], rejected: Option<&String>) -> Vec<String> {
    let mut out: Vec<String> = changes
        .iter()
        .map(|c| format!("{}: {}", c.remedy, c.describe()))
        .collect();
    if let Some(r) = rejected {
        out.push(r.clone());
    }
    out
}

fn searched(s: &Search) -> Vec<String> {
    let mut out = Vec::new();
    if !s.changed_items.is_empty() {
        out.push(format!("changed: {}", s.changed_items.join(", ")));
    }
    if !s.affected_remedies.is_empty() {
        out.push(format!(
            "remedies affected: {}",
            s.affected_remedies.join(", ")
        ));
    }
    for c in &s.changed_conditions {
        out.push(format!("condition {c}"));
    }
    for f in &s.facts {
        out.push(format!(
            "{} `{}`: {}, unknown, and the seed's value",
            if f.changed {
                "varied"
            } else {
                "varied (context)"
            },
            f.name,
            f.values.join(", ")
        ));
    }
    for r in &s.relations {
        out.push(format!(
            "boundary of `{r}`: a day (or step) before, on and after"
        ));
    }
    out.push(format!(
        "{} evaluated under both versions, from {} ({}); {}",
        plural(s.tried, "distinct case", "distinct cases"),
        plural(s.seeds, "seed", "seeds"),
        if s.seeds == 1 {
            "the empty case".to_string()
        } else {
            format!(
                "the empty case and {}",
                plural(s.seeds - 1, "corpus case", "corpus cases")
            )
        },
        if s.truncated {
            "one fact at a time from each seed, then every combination until the case limit"
        } else if s.combinations {
            "one fact at a time and every combination of the values above, from each seed"
        } else {
            "one fact at a time from each seed"
        }
    ));
    if s.exhaustive {
        out.push(
            "exhaustive for the changed conditions: these values cover every class of cases the conditions of the affected remedies tell apart".to_string(),
        );
    }
    out
}

// ----------------------------------------------------------------- text

fn text(report: &Report, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "redress diff {old} → {new}\n");
    // the verdict first: a CI log is read from the top
    let _ = writeln!(out, "{}\n", verdict(report));
    structure_text(&report.structure, &mut out);

    let r = &report.replay;
    let _ = writeln!(out, "\nCorpus: {}", corpus_summary(r));
    for c in &r.changed {
        case_change_text(c, &mut out);
    }
    for (name, e) in &r.invalid {
        let _ = writeln!(out, "  {}", rejected_by_both(name, e));
    }

    let s = &report.search;
    let _ = writeln!(out, "\nSearch beyond the corpus:");
    for line in searched(s) {
        let _ = writeln!(out, "  {line}");
    }
    if s.found.is_empty() {
        let _ = writeln!(out, "  {}", found_summary(s));
    } else {
        let _ = writeln!(out, "  {}:", found_summary(s));
        for (i, f) in s.found.iter().enumerate() {
            found_text(i, f, &mut out);
        }
    }
    if !s.exhaustive {
        let _ = writeln!(out, "  not exhaustive:");
        for why in &s.not_exhaustive {
            let _ = writeln!(out, "    - {why}");
        }
    }
    out
}

fn structure_text(items: &[ItemChange], out: &mut String) {
    if items.is_empty() {
        let _ = writeln!(out, "Structure: no change");
        return;
    }
    let _ = writeln!(
        out,
        "Structure: {}",
        plural(items.len(), "item changed", "items changed")
    );
    for item in items {
        let _ = writeln!(
            out,
            "  {} {} {}: {}",
            verb(&item.change),
            item.kind.word(),
            item.name,
            item.summary
        );
        if let Change::Changed(aspects) = &item.change {
            for a in aspects {
                let _ = writeln!(out, "      {}: {}", a.what, a.old);
                let _ = writeln!(
                    out,
                    "      {}→ {}",
                    " ".repeat(a.what.chars().count()),
                    a.new
                );
            }
        }
    }
}

fn case_change_text(c: &CaseChange, out: &mut String) {
    let _ = writeln!(out, "  {}", c.case);
    for line in change_lines(&c.changes, c.rejected.as_ref()) {
        let _ = writeln!(out, "    {line}");
    }
}

fn found_text(i: usize, f: &Found, out: &mut String) {
    let _ = writeln!(out, "  {}. ({})", i + 1, origin(f));
    for line in change_lines(&f.changes, f.rejected.as_ref()) {
        let _ = writeln!(out, "     {line}");
    }
    for line in f.case_json.lines() {
        let _ = writeln!(out, "     {line}");
    }
}

// ------------------------------------------------------------- markdown

fn code(s: &str) -> String {
    // a span that holds backticks needs a longer fence
    let fence = if s.contains('`') { "``" } else { "`" };
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn markdown(report: &Report, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### redress diff: {} → {}\n", code(old), code(new));
    if report.undecided() {
        // not in bold: it is not a finding
        let _ = writeln!(out, "{}\n", verdict(report));
    } else {
        let _ = writeln!(out, "**{}**\n", verdict(report));
    }

    let _ = writeln!(out, "#### Structure\n");
    if report.structure.is_empty() {
        let _ = writeln!(out, "No item changed.\n");
    } else {
        let _ = writeln!(out, "| | item | what changed |\n|---|---|---|");
        for item in &report.structure {
            let what = match &item.change {
                Change::Changed(aspects) => aspects
                    .iter()
                    .map(|a| {
                        format!(
                            "{}: {} → {}",
                            a.what,
                            code(&cell(&a.old)),
                            code(&cell(&a.new))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>"),
                _ => code(&cell(&item.summary)),
            };
            let _ = writeln!(
                out,
                "| {} | {} {} | {} |",
                verb(&item.change),
                item.kind.word(),
                code(&item.name),
                what
            );
        }
        out.push('\n');
    }

    let r = &report.replay;
    let _ = writeln!(out, "#### Corpus\n");
    let _ = writeln!(out, "{}.\n", capitalized(&corpus_summary(r)));
    if !r.changed.is_empty() {
        let _ = writeln!(out, "| case | change |\n|---|---|");
        for c in &r.changed {
            let lines = change_lines(&c.changes, c.rejected.as_ref());
            let lines: Vec<String> = lines.iter().map(|l| cell(l)).collect();
            let _ = writeln!(out, "| {} | {} |", code(&c.case), lines.join("<br>"));
        }
        out.push('\n');
    }
    for (name, e) in &r.invalid {
        let _ = writeln!(out, "- {}", rejected_by_both(&code(name), e));
    }

    let s = &report.search;
    let _ = writeln!(out, "#### Search beyond the corpus\n");
    let _ = writeln!(out, "{}.\n", capitalized(&found_summary(s)));
    if !s.found.is_empty() {
        for (i, f) in s.found.iter().enumerate() {
            let lines = change_lines(&f.changes, f.rejected.as_ref());
            let _ = writeln!(out, "{}. {} ({})\n", i + 1, lines.join("; "), origin(f));
            let _ = writeln!(out, "   ```json");
            for line in f.case_json.lines() {
                let _ = writeln!(out, "   {line}");
            }
            let _ = writeln!(out, "   ```\n");
        }
    }
    let _ = writeln!(out, "<details><summary>What was searched</summary>\n");
    for line in searched(s) {
        let _ = writeln!(out, "- {line}");
    }
    if !s.exhaustive {
        let _ = writeln!(out, "\nNot exhaustive:\n");
        for why in &s.not_exhaustive {
            let _ = writeln!(out, "- {why}");
        }
    }
    let _ = writeln!(out, "\n</details>");
    out
}

// ----------------------------------------------------------------- json

fn changes_json(changes: &[RemedyChange]) -> Json {
    Json::Array(
        changes
            .iter()
            .map(|c| {
                json!({
                    "remedy": c.remedy,
                    "kind": c.kind(),
                    "old": c.old.describe(),
                    "new": c.new.describe(),
                    "description": c.describe(),
                })
            })
            .collect(),
    )
}

fn to_json(report: &Report, old: &str, new: &str) -> Json {
    let s = &report.search;
    json!({
        "old": old,
        "new": new,
        "behaviour_changed": report.behaviour_changed(),
        "undecided": report.undecided(),
        "verdict": verdict(report),
        "structure": report.structure.iter().map(|i| {
            let mut v = json!({
                "kind": i.kind.word(),
                "name": i.name,
                "change": verb(&i.change),
                "summary": i.summary,
            });
            if let (Change::Changed(aspects), Some(obj)) = (&i.change, v.as_object_mut()) {
                obj.insert("aspects".into(), Json::Array(aspects.iter().map(|a| json!({
                    "what": a.what, "old": a.old, "new": a.new,
                })).collect()));
            }
            v
        }).collect::<Vec<_>>(),
        "replay": {
            "cases": report.replay.cases,
            "changed": report.replay.changed.iter().map(|c| json!({
                "case": c.case,
                "changes": changes_json(&c.changes),
                "rejected": c.rejected,
            })).collect::<Vec<_>>(),
            "invalid": report.replay.invalid.iter().map(|(n, e)| json!({"case": n, "error": e})).collect::<Vec<_>>(),
        },
        "search": {
            "changed_items": s.changed_items,
            "changed_conditions": s.changed_conditions,
            "affected_remedies": s.affected_remedies,
            "facts": s.facts.iter().map(|f| json!({
                "name": f.name, "changed": f.changed, "values": f.values,
            })).collect::<Vec<_>>(),
            "relations": s.relations,
            "seeds": s.seeds,
            "tried": s.tried,
            "combinations": s.combinations,
            "exhaustive": s.exhaustive,
            "not_exhaustive": s.not_exhaustive,
            "unreached": s.unreached,
            "truncated": s.truncated,
            "found": s.found.iter().map(|f| json!({
                "from": f.from,
                "case": serde_json::from_str::<Json>(&f.case_json).unwrap_or(Json::Null),
                "changes": changes_json(&f.changes),
                "rejected": f.rejected,
                "similar": f.similar,
                "in_corpus": f.in_corpus,
            })).collect::<Vec<_>>(),
        },
    })
}
