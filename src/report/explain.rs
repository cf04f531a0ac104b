//! An [`Explanation`] for people (text, in the catalogue's words, facts and
//! values by their labels) and for tools (JSON, internal names and values as
//! `eval --format json` writes them). Conditions and computations are printed
//! from the graph's nodes with the case's values substituted.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use super::i18n::FluentValue;
use super::text::Render;
use crate::eval::shown;
use crate::explain::{Explanation, Flip, Part, RemedyWhy, Status};
use crate::graph::{Node, NodeId};
use crate::model::{FactId, Model};
use crate::outcome::Titles;
use crate::value::{Truth, Type, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

/// Render an explanation as text. `full`: explain every remedy in full (one
/// remedy was asked for); else one line each, in full those that apply.
pub fn render_text(
    explanation: &Explanation<'_>,
    case_name: &str,
    lang: &str,
    verbose: bool,
    full: bool,
) -> String {
    render(explanation, case_name, lang, verbose, full, false)
}

/// Render an explanation as Markdown: a heading, a section per remedy, the
/// rest as nested lists; the same words as [`render_text`].
pub fn render_markdown(
    explanation: &Explanation<'_>,
    case_name: &str,
    lang: &str,
    verbose: bool,
    full: bool,
) -> String {
    render(explanation, case_name, lang, verbose, full, true)
}

fn render(
    explanation: &Explanation<'_>,
    case_name: &str,
    lang: &str,
    verbose: bool,
    full: bool,
    markdown: bool,
) -> String {
    let model = explanation.graph.model();
    let p = Printer {
        x: explanation,
        r: Render::new(model, lang, verbose),
        model,
        verbose,
        markdown,
    };
    let mut out = String::new();
    let heading = p.r.say("explain-heading", &[("case", case_name)]);
    if markdown {
        let _ = writeln!(out, "# {}", markdown_escaped(&heading));
    } else {
        let _ = writeln!(out, "{heading}");
    }
    for w in &explanation.remedies {
        p.remedy(&mut out, w, full || matches!(w.status, Status::Applies));
    }
    super::visible(&out).into_owned()
}

struct Printer<'a, 'g> {
    x: &'a Explanation<'g>,
    r: Render<'a>,
    model: &'a Model,
    verbose: bool,
    markdown: bool,
}

/// Text made safe inside Markdown: the characters that start emphasis,
/// links, code or HTML are escaped.
fn markdown_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn mark(t: Truth) -> &'static str {
    match t {
        Truth::Yes => "✓",
        Truth::No => "✗",
        Truth::Unknown => "?",
    }
}

impl Printer<'_, '_> {
    /// A line at a depth: indented text, or a Markdown list item.
    fn line(&self, out: &mut String, depth: usize, text: &str) {
        if self.markdown {
            let indent = "  ".repeat(depth.saturating_sub(1));
            let _ = writeln!(out, "{indent}- {}", markdown_escaped(text));
        } else {
            let _ = writeln!(out, "{}{text}", "  ".repeat(depth));
        }
    }

    /// An item of a list at a depth (`- ` in text too).
    fn item(&self, out: &mut String, depth: usize, text: &str) {
        if self.markdown {
            self.line(out, depth, text);
        } else {
            self.line(out, depth, &format!("- {text}"));
        }
    }

    fn remedy_line(&self, out: &mut String, text: &str) {
        if self.markdown {
            let _ = writeln!(out, "\n## {}\n", markdown_escaped(text));
        } else {
            let _ = writeln!(out, "\n{text}");
        }
    }

    fn remedy(&self, out: &mut String, w: &RemedyWhy, full: bool) {
        let Some(remedy) = self.model.remedies.get(w.remedy.index()) else {
            return;
        };
        let title = self.r.remedy_name(&Titles(&remedy.titles), &remedy.id);
        let (m, status) = match w.status {
            Status::Applies => ("✓", "explain-applies"),
            Status::Expired => ("✗", "explain-expired"),
            Status::NotApplies => ("✗", "explain-not-applies"),
            Status::Undetermined => ("?", "explain-undetermined"),
        };
        let status = self.r.say(status, &[]);
        // the id is in the title in verbose output
        let line = self.r.say(
            "explain-remedy",
            &[("mark", m), ("title", &title), ("status", &status)],
        );
        self.remedy_line(out, &line);
        if !full {
            return;
        }
        if w.rules.is_empty() {
            self.line(out, 1, &self.r.say("explain-no-rules", &[]));
        }
        for rule in &w.rules {
            let key = match (rule.applies, rule.condition) {
                (Truth::Yes, _) => "explain-rule-applies",
                (Truth::Unknown, _) => "explain-rule-undetermined",
                (Truth::No, Truth::No) => "explain-rule-fails",
                (Truth::No, _) => "explain-rule-set-aside",
            };
            let line = match self.rule_name(rule.rule) {
                Some((name, true)) => self.r.say(&format!("{key}-titled"), &[("rule", &name)]),
                Some((name, false)) => self.r.say(key, &[("rule", &name)]),
                None => self.r.say(&format!("{key}-untitled"), &[]),
            };
            self.line(out, 1, &line);
            for part in &rule.parts {
                self.line(out, 2, &format!("{} {}", mark(part.truth), self.part(part)));
            }
            for e in &rule.exceptions {
                let key = match e.applies {
                    Truth::Yes => "explain-exception-holds",
                    Truth::No => "explain-exception-ruled-out",
                    Truth::Unknown => "explain-exception-open",
                };
                // once the condition failed, the exceptions do not matter
                if rule.condition == Truth::No {
                    continue;
                }
                let line = match self.rule_name(e.rule) {
                    Some((name, true)) => self
                        .r
                        .say(&format!("{key}-titled"), &[("exception", &name)]),
                    Some((name, false)) => self.r.say(key, &[("exception", &name)]),
                    None => self.r.say(&format!("{key}-untitled"), &[]),
                };
                self.line(out, 2, &line);
                for part in &e.parts {
                    self.line(out, 3, &format!("{} {}", mark(part.truth), self.part(part)));
                }
            }
            if rule.applies == Truth::Yes {
                if let Some(a) = rule.amount {
                    let c = self.computation(a);
                    self.line(out, 2, &self.r.say("amount", &[("amount", &c)]));
                }
                if let Some(d) = rule.deadline {
                    let c = self.computation(d);
                    self.line(out, 2, &self.r.say("deadline", &[("deadline", &c)]));
                }
            }
        }
        if !w.needs.is_empty() {
            self.line(out, 1, &self.r.say("explain-needs", &[]));
            for f in &w.needs {
                self.item(out, 2, &self.question(*f));
            }
        }
        if let Some(flip) = &w.flip {
            self.flip(out, flip, w.status);
        }
    }

    fn flip(&self, out: &mut String, flip: &Flip, status: Status) {
        let key = match (flip.changes.is_empty(), status) {
            (true, _) if flip.exhaustive => "explain-flip-none-exhaustive",
            (true, _) => "explain-flip-none",
            (false, Status::Applies) => "explain-flip-stop",
            (false, _) => "explain-flip-start",
        };
        self.line(out, 1, &self.r.say(key, &[]));
        for (f, v) in &flip.changes {
            let was = match self.case_value(*f) {
                Some(old) => self.value(old, Some(*f)),
                None => self.r.say("explain-unknown", &[]),
            };
            let line = self.r.say(
                "explain-change",
                &[
                    ("fact", &self.fact(*f)),
                    ("from", &was),
                    ("to", &self.value(v, Some(*f))),
                ],
            );
            self.item(out, 2, &line);
        }
        if !flip.changes.is_empty() {
            let key = if flip.exhaustive {
                "explain-flip-exhaustive"
            } else {
                "explain-flip-not-exhaustive"
            };
            self.line(out, 2, &self.r.say(key, &[]));
        }
    }

    fn case_value(&self, f: FactId) -> Option<&Value> {
        // the fact's own node holds its value for the case
        self.x
            .graph
            .nodes()
            .iter()
            .position(|n| matches!(n, Node::Fact(g) if *g == f))
            .and_then(|i| self.x.values.get(i))
            .and_then(Option::as_ref)
    }

    /// A rule or exception by its title (with its name in verbose output),
    /// and true; by its name alone in verbose output when it has no title,
    /// and false; `None` for one without a title otherwise.
    fn rule_name(&self, rule: crate::model::RuleId) -> Option<(String, bool)> {
        let r = self.x.graph.rules().get(rule.index())?;
        let titled = self
            .r
            .rule_decl(&r.name)
            .is_some_and(|d| !d.titles.is_empty());
        let name = self.r.rule_title(&r.name)?;
        // a copy of an exception to several rules is shown under the rule it
        // belongs to: its title alone says which it is; a name (not quoted
        // as a title is) takes the rule it applies to in parentheses
        let under = r.under.as_deref().filter(|_| self.verbose || !titled);
        let name = match under.and_then(|u| self.r.rule_title(u)) {
            Some(under) if titled => self
                .r
                .say("rule-under", &[("rule", &name), ("under", &under)]),
            Some(under) => self
                .r
                .say("explain-rule-under", &[("rule", &name), ("under", &under)]),
            None => name,
        };
        Some((name, titled))
    }

    fn fact(&self, f: FactId) -> String {
        self.r.fact_name(self.model.fact_name(f))
    }

    fn question(&self, f: FactId) -> String {
        let label = self.fact(f);
        match self
            .model
            .facts
            .get(f.index())
            .and_then(|d| Model::pick(&d.questions, self.r.words().lang()))
        {
            Some(q) if q != label => self
                .r
                .say("question-of", &[("label", &label), ("question", q)]),
            _ => label,
        }
    }

    fn value(&self, v: &Value, fact: Option<FactId>) -> String {
        let decl = fact.and_then(|f| self.model.facts.get(f.index()));
        self.r.value(&shown(self.model, v), decl)
    }

    fn node_value(&self, n: NodeId) -> String {
        let fact = match self.x.graph.nodes().get(n.index()) {
            Some(Node::Fact(f)) => Some(*f),
            _ => None,
        };
        match self.x.value(n) {
            Some(v) => self.value(v, fact),
            None => self.r.say("explain-unknown", &[]),
        }
    }

    /// A part of a condition: the test as written, with the values of the
    /// facts it reads.
    fn part(&self, part: &Part) -> String {
        let nodes = self.x.graph.nodes();
        let bare = match nodes.get(part.node.index()) {
            Some(Node::Not(a)) => *a,
            _ => part.node,
        };
        if let Some(Node::Fact(f)) = nodes.get(bare.index()) {
            return self.r.say(
                "fact-value",
                &[("fact", &self.fact(*f)), ("value", &self.node_value(bare))],
            );
        }
        let text = self.expr(part.node, 0);
        let mut facts = Vec::new();
        self.facts_under(part.node, &mut facts, 0);
        if facts.is_empty() {
            return text;
        }
        let values: Vec<String> = facts
            .iter()
            .map(|(f, n)| {
                self.r.say(
                    "fact-value",
                    &[("fact", &self.fact(*f)), ("value", &self.node_value(*n))],
                )
            })
            .collect();
        let values = values.join(&self.r.say("fact-separator", &[]));
        self.r
            .say("explain-part", &[("test", &text), ("values", &values)])
    }

    fn facts_under(&self, n: NodeId, out: &mut Vec<(FactId, NodeId)>, depth: usize) {
        let Some(node) = self.x.graph.nodes().get(n.index()) else {
            return;
        };
        if let Node::Fact(f) = node {
            if !out.iter().any(|(g, _)| g == f) {
                out.push((*f, n));
            }
            return;
        }
        if depth < 64 {
            crate::graph::for_each_child(node, |c| self.facts_under(c, out, depth + 1));
        }
    }

    fn unit(&self, n: &str, unit: Unit) -> String {
        let id = match unit {
            Unit::Days => "explain-days",
            Unit::Weeks => "explain-weeks",
            Unit::Months => "explain-months",
            Unit::Years => "explain-years",
            Unit::WorkingDays => "explain-working-days",
        };
        self.r.words().get(id, &[("count", FluentValue::from(n))])
    }

    /// A node as written, facts by label, constants by value.
    fn expr(&self, n: NodeId, depth: usize) -> String {
        let Some(node) = self.x.graph.nodes().get(n.index()) else {
            return String::new();
        };
        if depth > 32 {
            return "…".to_string();
        }
        let sub = |c: NodeId| self.expr(c, depth + 1);
        let join = |list: &[NodeId], word: &str| {
            let sep = format!(" {} ", self.r.say(word, &[]));
            let parts: Vec<String> = list.iter().map(|c| sub(*c)).collect();
            format!("({})", parts.join(&sep))
        };
        let subject_fact = |s: NodeId| match self.x.graph.nodes().get(s.index()) {
            Some(Node::Fact(f)) => Some(*f),
            _ => None,
        };
        match node {
            Node::Fact(f) => self.fact(*f),
            Node::Const(v) => self.value(v, None),
            Node::Not(a) => self.r.say("explain-not", &[("test", &sub(*a))]),
            Node::And(list) => join(list, "explain-and"),
            Node::Or(list) => join(list, "explain-or"),
            Node::Cmp(op, a, b) => {
                let sym = match op {
                    CmpOp::Eq => "=",
                    CmpOp::Ne => "≠",
                    CmpOp::Lt => "<",
                    CmpOp::Le => "≤",
                    CmpOp::Gt => ">",
                    CmpOp::Ge => "≥",
                };
                // a one-of constant by the label of the fact it is compared with
                let right = match (subject_fact(*a), self.x.graph.nodes().get(b.index())) {
                    (Some(f), Some(Node::Const(v))) => self.value(v, Some(f)),
                    _ => sub(*b),
                };
                format!("{} {sym} {right}", sub(*a))
            }
            Node::In {
                negated,
                subject,
                values,
            } => {
                let f = subject_fact(*subject);
                let list: Vec<String> = values.iter().map(|v| self.value(v, f)).collect();
                let key = if *negated {
                    "explain-not-one-of"
                } else {
                    "explain-one-of"
                };
                self.r.say(
                    key,
                    &[
                        ("subject", &sub(*subject)),
                        ("values", &self.r.words().list(&list)),
                    ],
                )
            }
            Node::Includes {
                test,
                subject,
                values,
            } => {
                let f = subject_fact(*subject);
                let list = f
                    .and_then(|f| self.model.facts.get(f.index()))
                    .and_then(|d| match d.ty {
                        Type::Set(l) => Some(l),
                        _ => None,
                    });
                let names: Vec<String> = match list {
                    Some(l) => values
                        .iter()
                        .map(|v| self.value(&Value::Choice(l, *v), f))
                        .collect(),
                    None => values.iter().map(u32::to_string).collect(),
                };
                let key = match test {
                    SetTest::Any => "explain-includes-any",
                    SetTest::All => "explain-includes-all",
                    SetTest::None => "explain-includes-none",
                };
                self.r.say(
                    key,
                    &[
                        ("subject", &sub(*subject)),
                        ("values", &self.r.words().list(&names)),
                    ],
                )
            }
            Node::Arith(op, a, b) => format!("{} {} {}", sub(*a), arith(*op), sub(*b)),
            Node::Neg(a) => format!("−{}", sub(*a)),
            Node::Extremum(e, list) => {
                let parts: Vec<String> = list.iter().map(|c| sub(*c)).collect();
                self.extremum(*e, &parts)
            }
            Node::Shift(d, k, unit) => {
                let (sign, k) = if *k < 0 { ("-", -k) } else { ("+", *k) };
                format!("{} {sign} {}", sub(*d), self.unit(&k.to_string(), *unit))
            }
            Node::ShiftBy(d, k, unit, back) => {
                let sign = if *back { "-" } else { "+" };
                format!("{} {sign} {}", sub(*d), self.unit(&sub(*k), *unit))
            }
            Node::DaysFrom(a, b) => self
                .r
                .say("explain-days-from", &[("from", &sub(*a)), ("to", &sub(*b))]),
            Node::WorkingDaysFrom(a, b) => self.r.say(
                "explain-working-days-from",
                &[("from", &sub(*a)), ("to", &sub(*b))],
            ),
            Node::If(c, a, b) => self.r.say(
                "explain-if",
                &[("test", &sub(*c)), ("then", &sub(*a)), ("else", &sub(*b))],
            ),
        }
    }

    fn extremum(&self, e: Extremum, parts: &[String]) -> String {
        let key = match e {
            Extremum::Min => "explain-min",
            Extremum::Max => "explain-max",
        };
        self.r.say(key, &[("values", &self.r.words().list(parts))])
    }

    /// [`Printer::computation`] when there is an operation to show.
    fn computation_steps(&self, n: NodeId) -> Option<String> {
        let mut steps = Vec::new();
        self.steps(n, &mut steps, 0);
        (!steps.is_empty()).then(|| self.computation(n))
    }

    /// An amount or deadline with its computation: each operation with its
    /// operands' values and its result, innermost first, then the result.
    fn computation(&self, n: NodeId) -> String {
        let mut steps = Vec::new();
        self.steps(n, &mut steps, 0);
        let result = self.node_value(n);
        if steps.is_empty() {
            return result;
        }
        // the last step gives the result when the root is an operation
        let key = if self
            .x
            .graph
            .nodes()
            .get(n.index())
            .is_some_and(|node| !matches!(node, Node::If(..) | Node::Fact(_) | Node::Const(_)))
        {
            "explain-computed-steps"
        } else {
            "explain-computed"
        };
        let steps = steps.join(&self.r.say("explain-step-separator", &[]));
        if self.verbose {
            let written = self.expr(n, 0);
            return self.r.say(
                "explain-computed-verbose",
                &[("expr", &written), ("steps", &steps), ("result", &result)],
            );
        }
        self.r.say(key, &[("steps", &steps), ("result", &result)])
    }

    fn steps(&self, n: NodeId, out: &mut Vec<String>, depth: usize) {
        let Some(node) = self.x.graph.nodes().get(n.index()) else {
            return;
        };
        if depth > 32 {
            return;
        }
        let v = |c: NodeId| self.node_value(c);
        let step = match node {
            Node::Arith(op, a, b) => {
                self.steps(*a, out, depth + 1);
                self.steps(*b, out, depth + 1);
                format!("{} {} {}", v(*a), arith(*op), v(*b))
            }
            Node::Neg(a) => {
                self.steps(*a, out, depth + 1);
                format!("−{}", v(*a))
            }
            Node::Extremum(e, list) => {
                for c in list.iter() {
                    self.steps(*c, out, depth + 1);
                }
                let parts: Vec<String> = list.iter().map(|c| v(*c)).collect();
                self.extremum(*e, &parts)
            }
            Node::Shift(d, k, unit) => {
                self.steps(*d, out, depth + 1);
                let (sign, k) = if *k < 0 { ("-", -k) } else { ("+", *k) };
                format!("{} {sign} {}", v(*d), self.unit(&k.to_string(), *unit))
            }
            Node::ShiftBy(d, k, unit, back) => {
                self.steps(*d, out, depth + 1);
                self.steps(*k, out, depth + 1);
                let sign = if *back { "-" } else { "+" };
                format!("{} {sign} {}", v(*d), self.unit(&v(*k), *unit))
            }
            Node::DaysFrom(a, b) => self
                .r
                .say("explain-days-from", &[("from", &v(*a)), ("to", &v(*b))]),
            Node::WorkingDaysFrom(a, b) => self.r.say(
                "explain-working-days-from",
                &[("from", &v(*a)), ("to", &v(*b))],
            ),
            Node::If(c, a, b) => {
                let taken = match self.x.value(*c) {
                    Some(Value::Bool(true)) => *a,
                    Some(Value::Bool(false)) => *b,
                    _ => return,
                };
                self.steps(taken, out, depth + 1);
                return;
            }
            _ => return,
        };
        out.push(format!("{step} = {}", v(n)));
    }
}

fn arith(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "+",
        ArithOp::Sub => "−",
        ArithOp::Mul => "×",
        ArithOp::Div => "÷",
    }
}

/// An explanation as JSON (documented in docs/output.md): internal names,
/// values as `eval --format json` writes them, and each part's test in the
/// language asked for.
pub fn render_json(explanation: &Explanation<'_>, lang: &str) -> Json {
    let model = explanation.graph.model();
    let p = Printer {
        x: explanation,
        r: Render::new(model, lang, false),
        model,
        verbose: false,
        markdown: false,
    };
    let truth = |t: Truth| match t {
        Truth::Yes => json!(true),
        Truth::No => json!(false),
        Truth::Unknown => Json::Null,
    };
    let value = |v: &Value| serde_json::to_value(shown(model, v)).unwrap_or(Json::Null);
    let parts = |parts: &[Part]| -> Json {
        parts
            .iter()
            .map(|part| {
                let mut facts = Vec::new();
                p.facts_under(part.node, &mut facts, 0);
                let facts: serde_json::Map<String, Json> = facts
                    .iter()
                    .map(|(f, n)| {
                        let v = explanation.value(*n).map_or(Json::Null, value);
                        (model.fact_name(*f).to_string(), v)
                    })
                    .collect();
                json!({"test": p.part(part), "holds": truth(part.truth), "facts": facts})
            })
            .collect()
    };
    let remedies: Vec<Json> = explanation
        .remedies
        .iter()
        .map(|w| {
            let id = model
                .remedies
                .get(w.remedy.index())
                .map_or("", |r| r.id.as_str());
            let status = match w.status {
                Status::Applies => "applies",
                Status::Expired => "expired",
                Status::NotApplies => "does_not_apply",
                Status::Undetermined => "undetermined",
            };
            // a rule or exception: its name, its titles when it has some,
            // then the rest in the order given
            let titled = |name: &str, rule: crate::model::RuleId, rest: Json| {
                let mut map = serde_json::Map::new();
                map.insert("rule".to_string(), json!(name));
                let titles = model.rules.get(rule.index()).map(|r| &r.titles);
                if let Some(titles) = titles.filter(|t| !t.is_empty()) {
                    let t: serde_json::Map<String, Json> = titles
                        .iter()
                        .map(|(l, t)| (l.clone(), Json::String(t.clone())))
                        .collect();
                    map.insert("title".to_string(), Json::Object(t));
                }
                if let Json::Object(rest) = rest {
                    map.extend(rest);
                }
                Json::Object(map)
            };
            let rules: Vec<Json> = w
                .rules
                .iter()
                .map(|r| {
                    let name = explanation
                        .graph
                        .rules()
                        .get(r.rule.index())
                        .map_or("", |n| &n.name);
                    let exceptions: Vec<Json> = r
                        .exceptions
                        .iter()
                        .map(|e| {
                            let name = explanation
                                .graph
                                .rules()
                                .get(e.rule.index())
                                .map_or("", |n| &n.name);
                            titled(
                                name,
                                e.rule,
                                json!({"applies": truth(e.applies), "parts": parts(&e.parts)}),
                            )
                        })
                        .collect();
                    let computed = |n: Option<NodeId>| {
                        n.filter(|_| r.applies == Truth::Yes).map(|n| {
                            json!({
                                "value": explanation.value(n).map_or(Json::Null, value),
                                "computation": p.computation(n),
                            })
                        })
                    };
                    let rest = json!({
                        "applies": truth(r.applies),
                        "condition": truth(r.condition),
                        "parts": parts(&r.parts),
                        "exceptions": exceptions,
                        "amount": computed(r.amount),
                        "deadline": computed(r.deadline),
                    });
                    titled(name, r.rule, rest)
                })
                .collect();
            let needs: Vec<Json> = w
                .needs
                .iter()
                .map(|f| json!({"fact": model.fact_name(*f), "question": p.question(*f)}))
                .collect();
            let flip = w.flip.as_ref().map(|f| {
                let changes: Vec<Json> = f
                    .changes
                    .iter()
                    .map(|(fact, v)| json!({"fact": model.fact_name(*fact), "value": value(v)}))
                    .collect();
                json!({"changes": changes, "exhaustive": f.exhaustive})
            });
            json!({
                "remedy": id,
                "status": status,
                "rules": rules,
                "needs": needs,
                "flip": flip,
            })
        })
        .collect();
    json!({ "remedies": remedies })
}

/// How each applying remedy's amount and deadline were computed for a case,
/// for the advice text of `redress eval` ("3 × 120.00 元 = 360.00 元; the
/// larger of 360.00 元, 500.00 元 = 500.00 元"); a plain value, with no
/// operation to show, is left out. The values are the graph's own, from the
/// evaluator (`Evaluator::evaluate_all`).
pub fn computations(
    graph: &crate::graph::DecisionGraph,
    case: &crate::case::Case,
    options: &crate::eval::Options,
    lang: &str,
    verbose: bool,
) -> super::text::Computations {
    let mut evaluator = crate::eval::Evaluator::new(graph);
    let (outcome, trace, values) = evaluator.evaluate_all(case, options);
    let explanation = Explanation {
        graph,
        outcome,
        values,
        remedies: Vec::new(),
    };
    let model = graph.model();
    let p = Printer {
        x: &explanation,
        r: Render::new(model, lang, verbose),
        model,
        verbose,
        markdown: false,
    };
    let mut out = super::text::Computations::default();
    for r in &explanation.outcome.remedies {
        // the first rule that gives it and applies, as `because` lists them
        let rule = graph
            .rules_of(r.remedy)
            .iter()
            .find(|id| trace.applies.get(id.index()) == Some(&Truth::Yes))
            .and_then(|id| graph.rules().get(id.index()));
        let Some(rule) = rule else { continue };
        let shown = |n: Option<NodeId>| n.and_then(|n| p.computation_steps(n));
        let (amount, deadline) = (shown(rule.amount), shown(rule.deadline));
        if amount.is_some() || deadline.is_some() {
            out.by_remedy.push((r.id.to_string(), amount, deadline));
        }
    }
    out
}
