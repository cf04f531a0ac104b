//! The decision graph as a picture: facts → conditions → rules → remedies,
//! with exceptions as dashed edges to the rules they set aside, in Graphviz
//! DOT (`redress graph --format dot`) or Mermaid (`--format mermaid`).
//!
//! Built from the checked [`Model`], so every node is in declaration order
//! and the output is the same for the same rulebook. A *condition* is a part
//! of a rule's condition that `and`, `or` and `not` combine (a comparison, a
//! test, a yes/no fact or derived fact): one node per distinct condition, so
//! a condition several rules share, which the graph evaluates once per case,
//! is drawn once. The picture shows what each rule reads, not how `and`/`or`
//! combine it: a rule node's tooltip (DOT) holds its whole condition.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Expr, Model};
use crate::value::Type;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Fact,
    Derived,
    Condition,
    Rule,
    Exception,
    Remedy,
}

struct Node {
    id: String,
    kind: Kind,
    label: String,
    tooltip: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// reads (a fact or derived fact into a condition or definition)
    Reads,
    /// reads, negated (`not …`)
    ReadsNot,
    /// a rule gives a remedy
    Gives,
    /// an exception sets aside a rule
    SetsAside,
}

#[derive(Default)]
struct Picture {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    edges: Vec<(usize, usize, Edge)>,
}

impl Picture {
    /// The node with this id, added the first time.
    fn node(&mut self, id: String, kind: Kind, label: String) -> usize {
        self.keyed(id.clone(), id, kind, label)
    }

    /// The node found by `key` (the same condition met again), added the
    /// first time with the id `id`.
    fn keyed(&mut self, key: String, id: String, kind: Kind, label: String) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.nodes.len();
        self.index.insert(key, i);
        self.nodes.push(Node {
            id,
            kind,
            label,
            tooltip: None,
        });
        i
    }

    fn edge(&mut self, from: usize, to: usize, kind: Edge) {
        if !self.edges.contains(&(from, to, kind)) {
            self.edges.push((from, to, kind));
        }
    }
}

/// A text in the preferred language, else the first, else `fallback`.
fn pick(texts: &crate::model::Texts, lang: &str, fallback: &str) -> String {
    Model::pick(texts, lang).unwrap_or(fallback).to_string()
}

/// The rules (by model index) to draw: all, or for one remedy the rules that
/// give it, the rules they are exceptions to (upwards) and every exception
/// below any of those. `None` when the remedy is not in the catalogue.
fn chosen_rules(model: &Model, remedy: Option<&str>) -> Option<Vec<bool>> {
    let n = model.rules.len();
    let Some(id) = remedy else {
        return Some(vec![true; n]);
    };
    let r = model.remedies.iter().position(|r| r.id == id)?;
    let mut keep = vec![false; n];
    let mut stack: Vec<usize> = model
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| {
            rule.conclusion
                .as_ref()
                .is_some_and(|c| c.remedy.index() == r)
        })
        .map(|(i, _)| i)
        .collect();
    // upwards: the rules each is an exception to
    while let Some(i) = stack.pop() {
        if keep.get(i).copied().unwrap_or(true) {
            continue;
        }
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
        if let Some(up) = model.rules.get(i).and_then(|rule| rule.exception_to) {
            stack.push(up.index());
        }
    }
    // downwards: exceptions of kept rules, to a fixed point (each rule is
    // added once, and exceptions point to earlier-checked rules, so this ends)
    loop {
        let mut grew = false;
        for (i, rule) in model.rules.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                continue;
            }
            if rule
                .exception_to
                .is_some_and(|up| keep.get(up.index()).copied().unwrap_or(false))
            {
                if let Some(k) = keep.get_mut(i) {
                    *k = true;
                }
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    Some(keep)
}

/// The parts of a condition `and`/`or`/`not` combine, each with whether it is
/// under an odd number of `not`s. Iterative: conditions may nest deeply.
fn conditions(e: &Expr) -> Vec<(&Expr, bool)> {
    let mut out = Vec::new();
    let mut stack = vec![(e, false)];
    while let Some((x, negated)) = stack.pop() {
        match x {
            Expr::And(list) | Expr::Or(list) => {
                stack.extend(list.iter().rev().map(|y| (y, negated)));
            }
            Expr::Not(a) => stack.push((a, !negated)),
            Expr::Const(_) => {}
            other => out.push((other, negated)),
        }
    }
    out
}

/// A fact or a derived fact, by index.
#[derive(Clone, Copy)]
enum Source {
    Fact(usize),
    Derived(usize),
}

/// The facts and derived facts an expression names itself (not through
/// derived facts).
fn named(e: &Expr) -> Vec<Source> {
    e.walk()
        .filter_map(|(_, x)| match x {
            Expr::Fact(f) => Some(Source::Fact(f.index())),
            Expr::Derived(d) => Some(Source::Derived(d.index())),
            _ => None,
        })
        .collect()
}

/// Add the facts and derived facts `e` reads as edges into `to`; derived
/// facts get their own node, and their definitions are drawn once.
fn reads(model: &Model, pic: &mut Picture, e: &Expr, to: usize, lang: &str, negated: bool) {
    let mut pending: Vec<(Source, usize, bool)> =
        named(e).into_iter().map(|s| (s, to, negated)).collect();
    while let Some((source, to, negated)) = pending.pop() {
        let kind = if negated { Edge::ReadsNot } else { Edge::Reads };
        match source {
            Source::Derived(d) => {
                let Some(def) = model.derived.get(d) else {
                    continue;
                };
                let id = format!("d{d}");
                let known = pic.index.contains_key(&id);
                let label = match Model::pick(&def.labels, lang) {
                    Some(l) => format!("{}\n{l}", def.name),
                    None => def.name.clone(),
                };
                let node = pic.node(id, Kind::Derived, label);
                if let Some(n) = pic.nodes.get_mut(node) {
                    n.tooltip = Some(format!("{} = {}", def.name, model.expr_text(&def.expr)));
                }
                pic.edge(node, to, kind);
                if !known {
                    pending.extend(named(&def.expr).into_iter().map(|s| (s, node, false)));
                }
            }
            Source::Fact(f) => {
                let Some(fact) = model.facts.get(f) else {
                    continue;
                };
                let label = match Model::pick(&fact.labels, lang) {
                    Some(l) => format!("{}\n{l}", fact.name),
                    None => fact.name.clone(),
                };
                let node = pic.node(format!("f{f}"), Kind::Fact, label);
                pic.edge(node, to, kind);
            }
        }
    }
}

fn picture(model: &Model, remedy: Option<&str>, lang: &str) -> Option<Picture> {
    let keep = chosen_rules(model, remedy)?;
    let mut pic = Picture::default();
    let mut rule_node: HashMap<&str, usize> = HashMap::new();
    let mut conditions_drawn = 0usize;
    // rules first (by name: the copies of an exception to several rules are
    // one node), then their conditions and remedies
    for (i, rule) in model.rules.iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(false) || rule_node.contains_key(rule.name.as_str()) {
            continue;
        }
        let kind = if rule.exception_to.is_some() {
            Kind::Exception
        } else {
            Kind::Rule
        };
        let node = pic.node(format!("r{i}"), kind, rule.name.clone());
        if let Some(n) = pic.nodes.get_mut(node) {
            n.tooltip = Some(model.expr_text(&rule.condition).to_string());
        }
        rule_node.insert(rule.name.as_str(), node);
    }
    for (i, rule) in model.rules.iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(&node) = rule_node.get(rule.name.as_str()) else {
            continue;
        };
        for (cond, negated) in conditions(&rule.condition) {
            let text = model.expr_text(cond).to_string();
            let c = match cond {
                // a yes/no fact or derived fact is its own condition
                Expr::Fact(f)
                    if model
                        .facts
                        .get(f.index())
                        .is_some_and(|f| f.ty == Type::Bool) =>
                {
                    reads(model, &mut pic, cond, node, lang, negated);
                    continue;
                }
                Expr::Derived(_) => {
                    reads(model, &mut pic, cond, node, lang, negated);
                    continue;
                }
                _ => {
                    let id = format!("c{conditions_drawn}");
                    let before = pic.nodes.len();
                    let c = pic.keyed(format!("c:{text}"), id, Kind::Condition, text.clone());
                    if pic.nodes.len() > before {
                        conditions_drawn += 1;
                    }
                    c
                }
            };
            let kind = if negated { Edge::ReadsNot } else { Edge::Reads };
            pic.edge(c, node, kind);
            reads(model, &mut pic, cond, c, lang, false);
        }
        if let Some(conclusion) = &rule.conclusion {
            let r = conclusion.remedy.index();
            if let Some(remedy) = model.remedies.get(r) {
                let title = pick(&remedy.titles, lang, &remedy.id);
                let m = pic.node(
                    format!("m{r}"),
                    Kind::Remedy,
                    format!("{title}\n[{}]", remedy.id),
                );
                pic.edge(node, m, Edge::Gives);
            }
        }
        if let Some(up) = rule.exception_to {
            let target = model
                .rules
                .get(up.index())
                .and_then(|t| rule_node.get(t.name.as_str()).copied());
            if let Some(t) = target {
                pic.edge(node, t, Edge::SetsAside);
            }
        }
    }
    Some(pic)
}

/// A quoted DOT string.
fn dot_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn dot(pic: &Picture, title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "digraph redress {{");
    let _ = writeln!(s, "  label={};", dot_string(title));
    let _ = writeln!(s, "  rankdir=LR;");
    let _ = writeln!(s, "  node [fontname=\"sans-serif\", fontsize=10];");
    let _ = writeln!(s, "  edge [fontname=\"sans-serif\", fontsize=9];");
    for n in &pic.nodes {
        let style = match n.kind {
            Kind::Fact => "shape=ellipse",
            Kind::Derived => "shape=ellipse, style=dashed",
            Kind::Condition => "shape=box, style=rounded",
            Kind::Rule => "shape=box",
            Kind::Exception => "shape=box, style=dashed",
            Kind::Remedy => "shape=box, style=bold, peripheries=2",
        };
        let tooltip = n
            .tooltip
            .as_ref()
            .map(|t| format!(", tooltip={}", dot_string(t)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} [label={}, {style}{tooltip}];",
            dot_string(&n.id),
            dot_string(&n.label)
        );
    }
    for (from, to, kind) in &pic.edges {
        let (Some(a), Some(b)) = (pic.nodes.get(*from), pic.nodes.get(*to)) else {
            continue;
        };
        let attrs = match kind {
            Edge::Reads => "",
            Edge::ReadsNot => " [label=\"not\"]",
            Edge::Gives => " [penwidth=2]",
            Edge::SetsAside => " [style=dashed, label=\"sets aside\"]",
        };
        let _ = writeln!(
            s,
            "  {} -> {}{attrs};",
            dot_string(&a.id),
            dot_string(&b.id)
        );
    }
    s.push_str("}\n");
    s
}

/// A Mermaid label: quoted, with `"` as `#quot;` and line breaks as `<br>`.
fn mermaid_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn mermaid(pic: &Picture, title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "---\ntitle: {}\n---", mermaid_string(title));
    let _ = writeln!(s, "flowchart LR");
    // Mermaid ids: n0, n1, … in node order
    for (i, n) in pic.nodes.iter().enumerate() {
        let label = mermaid_string(&n.label);
        let shape = match n.kind {
            Kind::Fact | Kind::Derived => format!("n{i}([{label}])"),
            Kind::Condition => format!("n{i}({label})"),
            Kind::Rule | Kind::Exception => format!("n{i}[{label}]"),
            Kind::Remedy => format!("n{i}[[{label}]]"),
        };
        let _ = writeln!(s, "  {shape}");
    }
    for (from, to, kind) in &pic.edges {
        let arrow = match kind {
            Edge::Reads => "-->".to_string(),
            Edge::ReadsNot => "-- not -->".to_string(),
            Edge::Gives => "==>".to_string(),
            Edge::SetsAside => "-. sets aside .->".to_string(),
        };
        let _ = writeln!(s, "  n{from} {arrow} n{to}");
    }
    for (i, n) in pic.nodes.iter().enumerate() {
        if matches!(n.kind, Kind::Derived | Kind::Exception) {
            let _ = writeln!(s, "  style n{i} stroke-dasharray: 4 3");
        }
    }
    s
}

/// The decision graph of a rulebook (or, with `remedy`, of the rules that
/// decide one remedy) in the format asked for; labels in `lang` where the
/// rulebook has them. `None` when `remedy` names no remedy of the catalogue.
pub fn render(model: &Model, format: Format, remedy: Option<&str>, lang: &str) -> Option<String> {
    let pic = picture(model, remedy, lang)?;
    let title = pick(&model.header.titles, lang, "rulebook");
    Some(match format {
        Format::Dot => dot(&pic, &title),
        Format::Mermaid => mermaid(&pic, &title),
    })
}
