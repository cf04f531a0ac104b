//! Checked model → decision graph.
//!
//! Input: a [`Model`]. Output: a [`DecisionGraph`], immutable and
//! `Send + Sync`: a vector of condition and value nodes addressed by
//! [`NodeId`], in which identical sub-expressions (across rules and derived
//! facts) are one node, and a rule table whose exceptions are edges to other
//! rules. Built once, evaluated for many cases.

mod index;

use std::collections::HashMap;

pub use index::{IndexScratch, RuleIndex};
use smallvec::SmallVec;

use crate::model::{Citation, DerivedId, Expr, FactId, Model, RemedyId, RuleId};
use crate::value::Value;
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

/// Index of a node in [`DecisionGraph::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// As an index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One node: a fact, a constant, or an operation on other nodes. Children
/// always have smaller ids than their parents.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// A fact of the case.
    Fact(FactId),
    /// A constant.
    Const(Value),
    /// not
    Not(NodeId),
    /// and, left to right, stopping at the first no
    And(Box<[NodeId]>),
    /// or, left to right, stopping at the first yes
    Or(Box<[NodeId]>),
    /// comparison
    Cmp(CmpOp, NodeId, NodeId),
    /// `is (not) one of`
    In {
        /// `is not one of`
        negated: bool,
        /// tested value
        subject: NodeId,
        /// choices
        values: Box<[Value]>,
    },
    /// `includes` on a set: any, all or none of the values (indexes into
    /// the set's list, sorted)
    Includes {
        /// any, all or none
        test: SetTest,
        /// tested set
        subject: NodeId,
        /// the values named
        values: Box<[u32]>,
    },
    /// arithmetic
    Arith(ArithOp, NodeId, NodeId),
    /// unary minus
    Neg(NodeId),
    /// min / max
    Extremum(Extremum, Box<[NodeId]>),
    /// date ± duration
    Shift(NodeId, i64, Unit),
    /// days between two dates
    DaysFrom(NodeId, NodeId),
    /// date ± a counted duration: the date, the count, the unit, and
    /// whether it counts back
    ShiftBy(NodeId, NodeId, Unit, bool),
    /// working days between two dates, on the model's calendar
    WorkingDaysFrom(NodeId, NodeId),
    /// `if` condition `then` a `else` b: only the branch taken is evaluated
    If(NodeId, NodeId, NodeId),
}

/// A rule, compiled: what evaluating it and showing its remedy read, in
/// one record (the facts, citations and remedy texts copied in), so that a
/// rule that applies costs a visit to its record rather than to half a
/// dozen scattered objects of the model.
#[derive(Clone, Debug)]
// the fields first read for every candidate rule come first, in one cache line
#[repr(C)]
pub struct RuleNode {
    /// Its condition (with its period of force); for an exception, also its
    /// rule's condition, since an exception applies only within its rule.
    pub condition: NodeId,
    /// True when its condition is a conjunction (nested `and`s) of parts with
    /// no `and`/`or` inside: when it holds, every fact it reads decided it.
    pub plain: bool,
    /// True when every conjunct of its condition is an atom of the rule
    /// index (one fact tested against constants): a rule the index keeps
    /// whose facts are all known (yes/no ones as yes or no) then holds, with
    /// nothing left to evaluate.
    pub atomic: bool,
    /// The facts its condition reads, in declaration order.
    pub facts: SmallVec<[FactId; 6]>,
    /// The remedy and one node per parameter.
    pub conclusion: Option<(RemedyId, Vec<NodeId>)>,
    /// Exceptions to it, in declaration order.
    pub exceptions: Vec<RuleId>,
    /// Amount.
    pub amount: Option<NodeId>,
    /// The amount is a ceiling (`amount up to …`).
    pub amount_up_to: bool,
    /// Deadline.
    pub deadline: Option<NodeId>,
    /// Its name (as in the model; kept here so that an outcome is built from
    /// this record and the remedy's, without a visit to the model's rule).
    pub name: Box<str>,
    /// For a copy of an exception to several rules, or of an exception below
    /// one (several rules of the model share its name): the general rule at
    /// the top of its chain, which tells the copies apart in an outcome.
    pub under: Option<Box<str>>,
    /// What an applied remedy shows of its remedy, when it has one.
    pub shows: Option<RemedyShown>,
    /// The citations an applied remedy shows for it: its remedy's, then its
    /// own that the remedy does not already give.
    pub citations: SmallVec<[Citation; 1]>,
}

/// The texts of a remedy that an outcome shows, copied from the model.
#[derive(Clone, Debug)]
pub struct RemedyShown {
    /// Stable id.
    pub id: Box<str>,
    /// Category.
    pub category: Box<str>,
    /// Titles by language.
    pub titles: Box<[(String, String)]>,
}

/// The compiled rulebook.
#[derive(Clone, Debug)]
pub struct DecisionGraph {
    model: Model,
    nodes: Vec<Node>,
    rules: Vec<RuleNode>,
    index: RuleIndex,
    by_remedy: Vec<Vec<RuleId>>,
}

impl DecisionGraph {
    /// Compile a checked model.
    pub fn compile(model: Model) -> DecisionGraph {
        let mut b = Builder {
            model: &model,
            nodes: Vec::new(),
            interned: HashMap::new(),
            derived: HashMap::new(),
        };
        // An exception's condition holds only within its rule's scope: the
        // scope of a rule is its condition; of an exception, the scope of
        // its rule and its own condition.
        let mut scopes: Vec<Option<NodeId>> = vec![None; model.rules.len()];
        for i in 0..model.rules.len() {
            b.scope(i, &mut scopes, 0);
        }
        let mut rules: Vec<RuleNode> = model
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let condition = match scopes.get(i).copied().flatten() {
                    Some(node) => node,
                    None => b.expr(&r.condition),
                };
                let conclusion = r
                    .conclusion
                    .as_ref()
                    .map(|c| (c.remedy, c.args.iter().map(|a| b.expr(a)).collect()));
                let amount = r.amount.as_ref().map(|a| b.expr(a));
                let deadline = r.deadline.as_ref().map(|d| b.expr(d));
                let remedy = r
                    .conclusion
                    .as_ref()
                    .and_then(|c| model.remedies.get(c.remedy.index()));
                let mut citations: SmallVec<[Citation; 1]> = remedy
                    .map(|m| m.cites.iter().cloned().collect())
                    .unwrap_or_default();
                for c in &r.cites {
                    if !citations.contains(c) {
                        citations.push(c.clone());
                    }
                }
                RuleNode {
                    condition,
                    exceptions: Vec::new(),
                    conclusion,
                    amount,
                    amount_up_to: r.amount_up_to,
                    deadline,
                    facts: SmallVec::new(),
                    plain: false,
                    atomic: false,
                    name: r.name.as_str().into(),
                    under: None,
                    citations,
                    shows: remedy.map(|m| RemedyShown {
                        id: m.id.as_str().into(),
                        category: m.category.as_str().into(),
                        titles: m.titles.clone().into(),
                    }),
                }
            })
            .collect();
        for (i, r) in model.rules.iter().enumerate() {
            if let Some(target) = r.exception_to {
                if let Some(t) = rules.get_mut(target.index()) {
                    t.exceptions
                        .push(RuleId(u32::try_from(i).unwrap_or(u32::MAX)));
                }
            }
        }
        shared_copies(&model, &mut rules);
        let mut stamps = vec![0u32; b.nodes.len()];
        for (i, r) in rules.iter_mut().enumerate() {
            let walk = u32::try_from(i + 1).unwrap_or(u32::MAX);
            r.facts = b.facts_under(r.condition, &mut stamps, walk).into();
            r.plain = plain(&b.nodes, r.condition);
            r.atomic = r.plain && index::atomic(&b.nodes, r.condition);
        }
        let nodes = b.nodes;
        let conditions: Vec<NodeId> = rules.iter().map(|r| r.condition).collect();
        let index = RuleIndex::build(&nodes, &conditions);
        let mut by_remedy: Vec<Vec<RuleId>> = vec![Vec::new(); model.remedies.len()];
        for (i, r) in rules.iter().enumerate() {
            if let Some(list) = r
                .conclusion
                .as_ref()
                .and_then(|(remedy, _)| by_remedy.get_mut(remedy.index()))
            {
                list.push(RuleId(u32::try_from(i).unwrap_or(u32::MAX)));
            }
        }
        DecisionGraph {
            model,
            nodes,
            rules,
            index,
            by_remedy,
        }
    }

    /// The checked model the graph was built from (names, titles, citations).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// All nodes; a node's children come before it.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The node `id` names. A `NodeId` is made only by this graph's builder,
    /// for a node it has pushed (its field is not public), so every id a
    /// graph hands out names one of its nodes: reading it is not a guess that
    /// could turn a broken id into an "unknown" answer.
    #[expect(
        clippy::indexing_slicing,
        reason = "a NodeId exists only for a node of the graph that made it"
    )]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The rules (and exceptions) that conclude a remedy, in declaration order.
    pub fn rules_of(&self, remedy: RemedyId) -> &[RuleId] {
        self.by_remedy
            .get(remedy.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The index that finds the rules a case may satisfy.
    pub fn index(&self) -> &RuleIndex {
        &self.index
    }

    /// The compiled rules, indexed by [`RuleId`].
    pub fn rules(&self) -> &[RuleNode] {
        &self.rules
    }
}

struct Builder<'m> {
    model: &'m Model,
    nodes: Vec<Node>,
    interned: HashMap<Node, NodeId>,
    derived: HashMap<DerivedId, NodeId>,
}

impl Builder<'_> {
    fn intern(&mut self, node: Node) -> NodeId {
        if let Some(id) = self.interned.get(&node) {
            return *id;
        }
        let id = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
        self.nodes.push(node.clone());
        self.interned.insert(node, id);
        id
    }

    /// The node of rule `i`'s scope (see [`DecisionGraph::compile`]).
    fn scope(&mut self, i: usize, scopes: &mut [Option<NodeId>], depth: usize) -> Option<NodeId> {
        if let Some(Some(id)) = scopes.get(i) {
            return Some(*id);
        }
        let rule = self.model.rules.get(i)?;
        let own = self.expr(&rule.condition);
        let node = match rule.exception_to {
            // exceptions form no loop (checked); the depth bound is a second guard
            Some(target) if depth < 10_000 => match self.scope(target.index(), scopes, depth + 1) {
                Some(outer) => self.intern(Node::And(Box::new([outer, own]))),
                None => own,
            },
            _ => own,
        };
        if let Some(slot) = scopes.get_mut(i) {
            *slot = Some(node);
        }
        Some(node)
    }

    fn expr(&mut self, e: &Expr) -> NodeId {
        let node = match e {
            Expr::Fact(f) => Node::Fact(*f),
            Expr::Derived(d) => {
                if let Some(id) = self.derived.get(d) {
                    return *id;
                }
                let id = match self.model.derived.get(d.index()) {
                    Some(def) => self.expr(&def.expr),
                    None => self.intern(Node::Const(Value::Bool(false))),
                };
                self.derived.insert(*d, id);
                return id;
            }
            Expr::Const(v) => Node::Const(v.clone()),
            Expr::Not(a) => Node::Not(self.expr(a)),
            Expr::And(list) => Node::And(list.iter().map(|x| self.expr(x)).collect()),
            Expr::Or(list) => Node::Or(list.iter().map(|x| self.expr(x)).collect()),
            Expr::Cmp(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Node::Cmp(*op, a, b)
            }
            Expr::In {
                negated,
                subject,
                values,
            } => Node::In {
                negated: *negated,
                subject: self.expr(subject),
                values: values.clone().into_boxed_slice(),
            },
            Expr::Includes {
                test,
                subject,
                values,
                ..
            } => Node::Includes {
                test: *test,
                subject: self.expr(subject),
                values: values.clone().into_boxed_slice(),
            },
            Expr::Arith(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Node::Arith(*op, a, b)
            }
            Expr::Neg(a) => Node::Neg(self.expr(a)),
            Expr::Extremum(w, list) => {
                Node::Extremum(*w, list.iter().map(|x| self.expr(x)).collect())
            }
            Expr::Shift(a, n, u) => Node::Shift(self.expr(a), *n, *u),
            Expr::DaysFrom(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Node::DaysFrom(a, b)
            }
            Expr::WorkingDaysFrom(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Node::WorkingDaysFrom(a, b)
            }
            Expr::ShiftBy {
                date,
                count,
                unit,
                back,
            } => {
                let (a, b) = (self.expr(date), self.expr(count));
                Node::ShiftBy(a, b, *unit, *back)
            }
            Expr::If(c, a, b) => {
                let (c, a, b) = (self.expr(c), self.expr(a), self.expr(b));
                Node::If(c, a, b)
            }
        };
        self.intern(node)
    }

    /// The facts read under a node, sorted. `stamps` (one per node) marks
    /// the nodes this walk visited with `walk`, so that one vector serves
    /// every rule.
    fn facts_under(&self, root: NodeId, stamps: &mut [u32], walk: u32) -> Vec<FactId> {
        let mut stack = vec![root];
        let mut facts = Vec::new();
        while let Some(id) = stack.pop() {
            match stamps.get_mut(id.index()) {
                Some(s) if *s != walk => *s = walk,
                _ => continue,
            }
            let Some(node) = self.nodes.get(id.index()) else {
                continue;
            };
            if let Node::Fact(f) = node {
                facts.push(*f);
            }
            for_each_child(node, |c| stack.push(c));
        }
        facts.sort();
        facts.dedup();
        facts
    }
}

/// Name the general rule above each copy of a shared exception (see
/// [`RuleNode::under`]): the rules whose name more than one rule has.
fn shared_copies(model: &Model, rules: &mut [RuleNode]) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for r in &model.rules {
        *count.entry(r.name.as_str()).or_default() += 1;
    }
    if count.len() == model.rules.len() {
        return;
    }
    for (i, node) in rules.iter_mut().enumerate() {
        let Some(rule) = model.rules.get(i) else {
            continue;
        };
        if count.get(rule.name.as_str()).copied().unwrap_or(0) < 2 {
            continue;
        }
        // exceptions form no loop (checked); the bound is a second guard
        let mut top = rule;
        for _ in 0..model.rules.len() {
            match top.exception_to.and_then(|t| model.rules.get(t.index())) {
                Some(up) => top = up,
                None => break,
            }
        }
        node.under = Some(top.name.as_str().into());
    }
}

/// Whether a condition is a conjunction of parts without `and`/`or` (see
/// [`RuleNode::plain`]).
fn plain(nodes: &[Node], root: NodeId) -> bool {
    let mut conjuncts = vec![root];
    let mut inside = Vec::new();
    while let Some(id) = conjuncts.pop() {
        match nodes.get(id.index()) {
            Some(Node::And(list)) => conjuncts.extend(list.iter().copied()),
            Some(_) => inside.push(id),
            None => return false,
        }
    }
    // a shared sub-expression is looked at once
    let mut seen = std::collections::HashSet::new();
    while let Some(id) = inside.pop() {
        if !seen.insert(id) {
            continue;
        }
        match nodes.get(id.index()) {
            // the branch of an `if` not taken did not decide it
            Some(Node::And(_) | Node::Or(_) | Node::If(..)) | None => return false,
            Some(node) => for_each_child(node, |c| inside.push(c)),
        }
    }
    true
}

/// Call `f` on each child of a node.
pub fn for_each_child(node: &Node, mut f: impl FnMut(NodeId)) {
    match node {
        Node::Fact(_) | Node::Const(_) => {}
        Node::Not(a) | Node::Neg(a) | Node::Shift(a, _, _) => f(*a),
        Node::In { subject, .. } | Node::Includes { subject, .. } => f(*subject),
        Node::And(list) | Node::Or(list) | Node::Extremum(_, list) => {
            list.iter().copied().for_each(f)
        }
        Node::Cmp(_, a, b)
        | Node::Arith(_, a, b)
        | Node::DaysFrom(a, b)
        | Node::WorkingDaysFrom(a, b)
        | Node::ShiftBy(a, b, _, _) => {
            f(*a);
            f(*b);
        }
        Node::If(c, a, b) => {
            f(*c);
            f(*a);
            f(*b);
        }
    }
}
