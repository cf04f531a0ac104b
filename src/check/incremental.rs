//! Checking again after an edit of one rule, without checking the rest.
//!
//! [`Checked`] is a whole check ([`super::check_with`]) that keeps what the
//! checker knew at its end (the names, the model) and its diagnostics by the
//! pass and rule that found them. [`Checked::recheck_rule`] checks one rule
//! or exception again after its text changed (its name and the rules it is
//! an exception to unchanged): that rule's own check, its contradictions,
//! those of its exceptions, and the unused names; every other diagnostic is
//! kept, its spans moved to the new text. The result is what a whole check
//! of the new text gives (tested in `tests/incremental.rs` against cold
//! checks after random edits); when it could differ, `recheck_rule` refuses
//! and the caller checks the whole text.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Checker, Marks, State, Uses, ValueName};
use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::limits::Limits;
use crate::model::{self, LawId, Model, RemedyId, RuleId};
use crate::source::{SourceFile, Span};
use crate::value::Type;

/// What the checker knew at the end of a check, owned (no borrow of the
/// syntax tree: the items it read are kept as their indexes).
#[derive(Debug)]
struct Kept {
    model: Model,
    values: HashMap<String, ValueName>,
    value_order: Vec<String>,
    fact_spans: Vec<Span>,
    derived_state: Vec<State>,
    derived_types: Vec<Option<Type>>,
    derived_done: Vec<Option<model::Derived>>,
    derived_depth: Vec<usize>,
    too_deep_reported: bool,
    limits: Limits,
    remedies: HashMap<String, RemedyId>,
    rules: HashMap<String, RuleId>,
    also_to: Vec<Vec<RuleId>>,
    laws: HashMap<String, LawId>,
    used_facts: Vec<bool>,
    used_derived: Vec<bool>,
    used_laws: Vec<bool>,
    define_items: Vec<usize>,
    remedy_items: Vec<usize>,
    rule_items: Vec<usize>,
}

/// A check's diagnostics by the pass (and rule) that found them, in the
/// order the passes found them.
#[derive(Debug, Default)]
struct Pieces {
    /// Header, names, laws, derived facts, remedies.
    declarations: Vec<Diagnostic>,
    /// Each rule's own check.
    rules: Vec<Vec<Diagnostic>>,
    /// Loops of exceptions.
    loops: Vec<Diagnostic>,
    /// Each rule's condition that can never hold.
    own: Vec<Vec<Diagnostic>>,
    /// Each exception that can never apply with its rule.
    together: Vec<Vec<Diagnostic>>,
    /// Unused names (and the expansion of shared exceptions).
    rest: Vec<Diagnostic>,
    /// The rules whose condition can never hold.
    dead: Vec<bool>,
}

impl Pieces {
    fn all(&self) -> impl Iterator<Item = &Diagnostic> {
        self.declarations
            .iter()
            .chain(self.rules.iter().flatten())
            .chain(&self.loops)
            .chain(self.own.iter().flatten())
            .chain(self.together.iter().flatten())
            .chain(&self.rest)
    }
}

/// A whole check kept for checking one rule again. See the module's words.
#[derive(Debug)]
pub struct Checked {
    kept: Kept,
    pieces: Pieces,
    /// What the rules and remedies read, for the unused names.
    uses: Uses,
    /// The diagnostics in the order [`super::check_with`] gives them.
    sorted: Vec<Diagnostic>,
    errors: bool,
}

/// Check a rulebook as [`super::check_with`] does, keeping what a
/// re-check of one rule needs.
pub fn check(file: &Arc<SourceFile>, rulebook: &ast::Rulebook, limits: &Limits) -> Checked {
    let mut c = Checker::new(file, rulebook);
    c.limits = *limits;
    let mut marks = Marks::default();
    c.run(Some(&mut marks));
    let uses = c.count_uses();
    let (kept, diagnostics) = c.into_kept();
    // each pass's diagnostics, cut at its marks
    let mut it = diagnostics.into_iter();
    let mut at = 0;
    let mut take = |end: usize| -> Vec<Diagnostic> {
        let n = end.saturating_sub(at);
        at = at.max(end);
        it.by_ref().take(n).collect()
    };
    let declarations = take(marks.declarations);
    let rules = marks.rules.iter().map(|&end| take(end)).collect();
    let loops = take(marks.loops);
    let own = marks.own.iter().map(|&end| take(end)).collect();
    let together = marks.together.iter().map(|&end| take(end)).collect();
    let rest = take(usize::MAX);
    let pieces = Pieces {
        declarations,
        rules,
        loops,
        own,
        together,
        rest,
        dead: marks.dead,
    };
    let mut checked = Checked {
        kept,
        pieces,
        uses,
        sorted: Vec::new(),
        errors: false,
    };
    checked.finish();
    checked
}

impl Checked {
    /// The diagnostics, as [`super::check_with`] gives them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.sorted
    }

    /// The model, when there are no errors.
    pub fn model(&self) -> Option<&Model> {
        (!self.errors).then_some(&self.kept.model)
    }

    /// The index of the rule that the `item`th item of the syntax tree is,
    /// when the check read it as a rule (not a second rule of one name).
    pub fn rule_of_item(&self, item: usize) -> Option<usize> {
        self.kept.rule_items.binary_search(&item).ok()
    }

    /// The `k`th rule as checked: its name and the rules it names as the
    /// ones it is an exception to.
    pub fn rule(&self, k: usize) -> Option<(&str, &[String])> {
        let r = self.kept.model.rules.get(k)?;
        Some((r.name.as_str(), r.targets.as_slice()))
    }

    /// Check the `k`th rule again, which is now `rulebook.items[item]` of
    /// `file`, where `map` moves a span of the text checked before to the
    /// new text (`None` for a span in the changed text of the rule).
    /// Everything else of the rulebook is unchanged, and so are the rule's
    /// name and the rules it is an exception to. `false` (and nothing
    /// changed) when the result could differ from a whole check: the caller
    /// checks the whole text then.
    pub fn recheck_rule(
        &mut self,
        file: &Arc<SourceFile>,
        rulebook: &ast::Rulebook,
        k: usize,
        map: &dyn Fn(Span) -> Option<Span>,
    ) -> bool {
        let Some(&item) = self.kept.rule_items.get(k) else {
            return false;
        };
        let (Some(ast::Item::Rule(new)), Some(old)) =
            (rulebook.items.get(item), self.kept.model.rules.get(k))
        else {
            return false;
        };
        let targets: Vec<&str> = new
            .exception_to
            .iter()
            .chain(&new.also_to)
            .map(|t| t.text.as_str())
            .collect();
        if new.name.text != old.name
            || targets != old.targets.iter().map(String::as_str).collect::<Vec<_>>()
            || !new.also_to.is_empty()
            || self.kept.too_deep_reported
            || self.kept.also_to.iter().any(|a| !a.is_empty())
            || self.pieces.rules.len() != self.kept.rule_items.len()
        {
            return false;
        }
        // the exceptions to this rule, whose contradictions with it change
        let exceptions: Vec<usize> = self
            .kept
            .model
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.exception_to.is_some_and(|t| t.index() == k))
            .map(|(j, _)| j)
            .collect();
        let recomputed = |j: usize| j == k || exceptions.binary_search(&j).is_ok();
        // Everything kept must move to the new text: try before changing.
        let movable = |d: &Diagnostic| {
            d.labels.iter().all(|l| map(l.span).is_some())
                && d.fixes.iter().all(|f| map(f.span).is_some())
        };
        let p = &self.pieces;
        let keeps = p.declarations.iter().all(movable)
            && p.loops.iter().all(movable)
            && p.rules
                .iter()
                .enumerate()
                .all(|(j, ds)| j == k || ds.iter().all(movable))
            && p.own
                .iter()
                .enumerate()
                .all(|(j, ds)| j == k || ds.iter().all(movable))
            && p.together
                .iter()
                .enumerate()
                .all(|(j, ds)| recomputed(j) || ds.iter().all(movable))
            && self.kept.fact_spans.iter().all(|s| map(*s).is_some());
        if !keeps {
            return false;
        }
        let moved = |list: &mut Vec<Diagnostic>| {
            for d in list {
                move_diagnostic(d, file, map);
            }
        };
        moved(&mut self.pieces.declarations);
        moved(&mut self.pieces.loops);
        for (j, list) in self.pieces.rules.iter_mut().enumerate() {
            if j != k {
                moved(list);
            }
        }
        for (j, list) in self.pieces.own.iter_mut().enumerate() {
            if j != k {
                moved(list);
            }
        }
        for (j, list) in self.pieces.together.iter_mut().enumerate() {
            if !recomputed(j) {
                moved(list);
            }
        }
        for s in &mut self.kept.fact_spans {
            *s = map(*s).unwrap_or(*s);
        }
        // Check the rule again, on the checker as it was at the end.
        let kept = std::mem::replace(&mut self.kept, Kept::empty());
        let Some(mut c) = Checker::resume(file, rulebook, kept) else {
            // the items are not where the check found them: nothing to keep
            return false;
        };
        let Some(&decl) = c.rule_decls.get(k) else {
            return false;
        };
        let rule = c.check_rule(k, decl);
        self.uses.count(&rule, 1);
        if let Some(slot) = c.model.rules.get_mut(k) {
            let old = std::mem::replace(slot, rule);
            self.uses.count(&old, -1);
        }
        let mut dead = std::mem::take(&mut self.pieces.dead);
        let take = |c: &mut Checker<'_>| std::mem::take(&mut c.diagnostics);
        let found = take(&mut c);
        if let Some(slot) = self.pieces.rules.get_mut(k) {
            *slot = found;
        }
        if let Some(d) = dead.get_mut(k) {
            *d = false;
        }
        c.own_contradiction(k, &mut dead);
        let found = take(&mut c);
        if let Some(slot) = self.pieces.own.get_mut(k) {
            *slot = found;
        }
        for j in std::iter::once(k).chain(exceptions.iter().copied()) {
            c.never_togethers(j, &dead);
            let found = take(&mut c);
            if let Some(slot) = self.pieces.together.get_mut(j) {
                *slot = found;
            }
        }
        self.pieces.dead = dead;
        // unused names: said only when there is no error anywhere
        let errors_before_unused = self.pieces.all().any(Diagnostic::is_error);
        self.pieces.rest = if errors_before_unused {
            Vec::new()
        } else {
            c.report_unused(&self.uses);
            take(&mut c)
        };
        let (kept, _) = c.into_kept();
        self.kept = kept;
        self.finish();
        true
    }

    /// Sort the diagnostics as a whole check does.
    fn finish(&mut self) {
        let mut all: Vec<Diagnostic> = self.pieces.all().cloned().collect();
        all.sort_by_key(|d| (d.primary_span().map_or(0, |s| s.start), d.code));
        self.errors = all.iter().any(Diagnostic::is_error);
        self.sorted = all;
    }
}

/// Point a kept diagnostic at the new text.
fn move_diagnostic(d: &mut Diagnostic, file: &Arc<SourceFile>, map: &dyn Fn(Span) -> Option<Span>) {
    for l in &mut d.labels {
        l.span = map(l.span).unwrap_or(l.span);
    }
    for f in &mut d.fixes {
        f.span = map(f.span).unwrap_or(f.span);
    }
    if d.file.is_some() {
        d.file = Some(Arc::clone(file));
    }
}

impl Kept {
    fn empty() -> Self {
        Kept {
            model: Model::default(),
            values: HashMap::new(),
            value_order: Vec::new(),
            fact_spans: Vec::new(),
            derived_state: Vec::new(),
            derived_types: Vec::new(),
            derived_done: Vec::new(),
            derived_depth: Vec::new(),
            too_deep_reported: false,
            limits: Limits::DEFAULT,
            remedies: HashMap::new(),
            rules: HashMap::new(),
            also_to: Vec::new(),
            laws: HashMap::new(),
            used_facts: Vec::new(),
            used_derived: Vec::new(),
            used_laws: Vec::new(),
            define_items: Vec::new(),
            remedy_items: Vec::new(),
            rule_items: Vec::new(),
        }
    }
}

impl<'a> Checker<'a> {
    /// What the checker knows, owned, and its diagnostics.
    fn into_kept(self) -> (Kept, Vec<Diagnostic>) {
        let Checker {
            file: _,
            ast: _,
            diagnostics,
            model,
            values,
            value_order,
            fact_spans,
            defines: _,
            derived_state,
            derived_types,
            derived_stack: _,
            derived_done,
            derived_depth,
            expr_depth: _,
            too_deep_reported,
            limits,
            remedies,
            remedy_decls: _,
            rules,
            rule_decls: _,
            define_items,
            remedy_items,
            rule_items,
            also_to,
            laws,
            used_facts,
            used_derived,
            used_laws,
        } = self;
        (
            Kept {
                model,
                values,
                value_order,
                fact_spans,
                derived_state,
                derived_types,
                derived_done,
                derived_depth,
                too_deep_reported,
                limits,
                remedies,
                rules,
                also_to,
                laws,
                used_facts,
                used_derived,
                used_laws,
                define_items,
                remedy_items,
                rule_items,
            },
            diagnostics,
        )
    }

    /// A checker as it was at the end of a check, reading `ast`, whose items
    /// are where they were (`None` when one is not).
    fn resume(file: &'a Arc<SourceFile>, ast: &'a ast::Rulebook, kept: Kept) -> Option<Self> {
        let defines = kept
            .define_items
            .iter()
            .map(|&i| match ast.items.get(i) {
                Some(ast::Item::Define(d)) => Some(d),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let remedy_decls = kept
            .remedy_items
            .iter()
            .map(|&i| match ast.items.get(i) {
                Some(ast::Item::Remedy(r)) => Some(r),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let rule_decls = kept
            .rule_items
            .iter()
            .map(|&i| match ast.items.get(i) {
                Some(ast::Item::Rule(r)) => Some(r),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let Kept {
            model,
            values,
            value_order,
            fact_spans,
            derived_state,
            derived_types,
            derived_done,
            derived_depth,
            too_deep_reported,
            limits,
            remedies,
            rules,
            also_to,
            laws,
            used_facts,
            used_derived,
            used_laws,
            define_items,
            remedy_items,
            rule_items,
        } = kept;
        Some(Checker {
            file,
            ast,
            diagnostics: Vec::new(),
            model,
            values,
            value_order,
            fact_spans,
            defines,
            derived_state,
            derived_types,
            derived_stack: Vec::new(),
            derived_done,
            derived_depth,
            expr_depth: 0,
            too_deep_reported,
            limits,
            remedies,
            remedy_decls,
            rules,
            rule_decls,
            define_items,
            remedy_items,
            rule_items,
            also_to,
            laws,
            used_facts,
            used_derived,
            used_laws,
        })
    }
}
