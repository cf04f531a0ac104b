//! One document's text → its syntax tree, diagnostics and an index of the
//! names it declares and uses, which every request reads.
//!
//! [`Analysis`] is the one place that parses and checks, through a
//! [`Workspace`]: an edit of one item parses that item only, and an edit of
//! one rule checks that rule only.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::ast::{self, Conclusion, Expr, ExprKind, Item};
use crate::check::{self, PhraseMatch};
use crate::diagnostic::Diagnostic;
use crate::limits::Limits;
use crate::source::{SourceFile, Span};
use crate::workspace::{Work, Workspace};

use super::position::LineIndex;

/// What a declared name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `law`
    Law,
    /// `fact`
    Fact,
    /// `define`
    Derived,
    /// `remedy`
    Remedy,
    /// `rule`
    Rule,
    /// `exception … to …`
    Exception,
}

impl Kind {
    /// Names of one namespace can refer to each other: facts and derived
    /// facts share one, rules and exceptions another.
    fn namespace(self) -> u8 {
        match self {
            Kind::Law => 0,
            Kind::Fact | Kind::Derived => 1,
            Kind::Remedy => 2,
            Kind::Rule | Kind::Exception => 3,
        }
    }
}

/// A declaration: the name as written in its item.
#[derive(Clone, Debug)]
pub struct Decl {
    /// What it declares.
    pub kind: Kind,
    /// The name.
    pub name: String,
    /// Where the name is written.
    pub span: Span,
    /// Its item in [`Analysis::ast`].
    pub item: usize,
}

/// How a use of a name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The name itself.
    Name,
    /// A remedy's id read as words after `=>` (`return without reason`).
    IdWords,
    /// A remedy's `phrase` template, filled in after `=>`.
    Template,
}

/// A use of a declared name.
#[derive(Clone, Debug)]
pub struct Use {
    /// The declaration it names (an index into [`Index::decls`]).
    pub decl: usize,
    /// Where it is written.
    pub span: Span,
    /// How.
    pub written: Written,
}

/// The names of a document: declarations in the order written, and every
/// use that names one of them.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Declarations, in the order written.
    pub decls: Vec<Decl>,
    /// Uses, in the order found.
    pub uses: Vec<Use>,
    /// The first declaration of each name, by namespace.
    names: HashMap<(u8, String), usize>,
}

impl Index {
    /// The declaration of `name` in the namespace of `kind`.
    pub fn find(&self, kind: Kind, name: &str) -> Option<usize> {
        self.names
            .get(&(kind.namespace(), name.to_string()))
            .copied()
    }

    /// The declaration named at a byte offset: a declaration's own name or a
    /// use of it, and the span of the name there.
    pub fn at(&self, offset: usize) -> Option<(usize, Span)> {
        let inside = |s: Span| s.start <= offset && offset <= s.end;
        if let Some(i) = self.decls.iter().position(|d| inside(d.span)) {
            return self.decls.get(i).map(|d| (i, d.span));
        }
        self.uses
            .iter()
            .filter(|u| inside(u.span))
            .min_by_key(|u| u.span.len())
            .map(|u| (u.decl, u.span))
    }

    /// The uses of one declaration, in the order found.
    pub fn uses_of(&self, decl: usize) -> impl Iterator<Item = &Use> {
        self.uses.iter().filter(move |u| u.decl == decl)
    }
}

/// A document after a parse and a check.
#[derive(Debug)]
pub struct Analysis {
    /// The text, its syntax tree and diagnostics, kept between edits.
    workspace: Workspace,
    /// Its lines.
    pub lines: LineIndex,
    /// Declarations and uses, made when a request first needs them after an
    /// edit (publishing diagnostics does not).
    index: OnceCell<Index>,
}

impl Analysis {
    /// Parse and check `text` as the document named `name`. As `redress
    /// check` does, syntax errors stop before the checks (which would only
    /// repeat them); the items that parsed are indexed either way.
    pub fn new(name: &str, text: &str) -> Analysis {
        let mut workspace = Workspace::new(name, Limits::DEFAULT);
        workspace.update(text);
        Analysis {
            lines: LineIndex::new(text),
            workspace,
            index: OnceCell::new(),
        }
    }

    /// Take `text` as the document's text now: the workspace parses again
    /// only the items an edit touched and, when one rule changed, checks
    /// only that rule.
    pub fn update(&mut self, text: &str) {
        self.workspace.update(text);
        self.lines = LineIndex::new(text);
        self.index = OnceCell::new();
    }

    /// The text as a source file (diagnostics point into it).
    pub fn file(&self) -> &Arc<SourceFile> {
        self.workspace.file()
    }

    /// The items that parsed.
    pub fn ast(&self) -> &ast::Rulebook {
        self.workspace.rulebook()
    }

    /// Every diagnostic of the parse and, when the parse found no error, of
    /// the check.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.workspace.diagnostics()
    }

    /// Declarations and uses.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| index(self.workspace.rulebook()))
    }

    /// What the last parse and check did (for tests and the benchmark).
    pub fn last_work(&self) -> Work {
        self.workspace.last_work()
    }

    /// The text.
    pub fn text(&self) -> &str {
        self.workspace.file().text()
    }

    /// The item holding a declaration.
    pub fn item(&self, decl: &Decl) -> Option<&Item> {
        self.ast().items.get(decl.item)
    }
}

/// Declarations first (a use may come before its declaration), then uses.
fn index(ast: &ast::Rulebook) -> Index {
    let mut index = Index::default();
    for (i, item) in ast.items.iter().enumerate() {
        let (kind, name) = match item {
            Item::Header(_) => continue,
            Item::Law(l) => (Kind::Law, &l.name),
            Item::Fact(f) => (Kind::Fact, &f.name),
            Item::Define(d) => (Kind::Derived, &d.name),
            Item::Remedy(r) => (Kind::Remedy, &r.name),
            Item::Rule(r) if r.exception_to.is_some() => (Kind::Exception, &r.name),
            Item::Rule(r) => (Kind::Rule, &r.name),
        };
        index
            .names
            .entry((kind.namespace(), name.text.clone()))
            .or_insert(index.decls.len());
        index.decls.push(Decl {
            kind,
            name: name.text.clone(),
            span: name.span,
            item: i,
        });
    }
    let remedies: Vec<&ast::Remedy> = ast
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Remedy(r) => Some(r),
            _ => None,
        })
        .collect();
    let phrases = check::PhraseTable::new(&remedies);
    let mut uses = Uses {
        index: &index,
        found: Vec::new(),
    };
    for item in &ast.items {
        match item {
            Item::Header(h) => {
                for name in &h.as_of {
                    uses.ident(Kind::Fact, name);
                }
            }
            Item::Law(_) | Item::Fact(_) => {}
            Item::Define(d) => uses.expr(&d.expr),
            Item::Remedy(r) => {
                uses.exprs(r.amount.iter().chain(&r.deadline));
                uses.cites(&r.cites);
            }
            Item::Rule(r) => {
                for target in r.exception_to.iter().chain(&r.also_to) {
                    uses.ident(Kind::Rule, target);
                }
                uses.expr(&r.condition);
                match &r.conclusion {
                    Some(Conclusion::Call { name, args, .. }) => {
                        uses.ident(Kind::Remedy, name);
                        uses.exprs(args.iter());
                    }
                    Some(Conclusion::Phrase { words, span }) => {
                        uses.phrase(&phrases, &remedies, words, *span);
                    }
                    None => {}
                }
                uses.exprs(r.amount.iter().chain(&r.deadline));
                uses.cites(&r.cites);
            }
        }
    }
    let found = uses.found;
    index.uses = found;
    index
}

struct Uses<'i> {
    index: &'i Index,
    found: Vec<Use>,
}

impl Uses<'_> {
    fn add(&mut self, kind: Kind, name: &str, span: Span, written: Written) {
        if let Some(decl) = self.index.find(kind, name) {
            self.found.push(Use {
                decl,
                span,
                written,
            });
        }
    }

    fn ident(&mut self, kind: Kind, name: &ast::Ident) {
        self.add(kind, &name.text, name.span, Written::Name);
    }

    fn cites(&mut self, cites: &[ast::Cite]) {
        for law in cites.iter().filter_map(|c| c.law.as_ref()) {
            self.ident(Kind::Law, law);
        }
    }

    fn exprs<'e>(&mut self, exprs: impl Iterator<Item = &'e Expr>) {
        for e in exprs {
            self.expr(e);
        }
    }

    /// Names of facts and derived facts, without recursion; the values after
    /// `is one of` and `includes` are values, not names.
    fn expr(&mut self, expr: &Expr) {
        let mut stack = vec![expr];
        while let Some(e) = stack.pop() {
            match &e.kind {
                ExprKind::Name(name) => self.add(Kind::Fact, name, e.span, Written::Name),
                ExprKind::Bool(_)
                | ExprKind::Number(_)
                | ExprKind::Money(..)
                | ExprKind::Date(_)
                | ExprKind::Duration(..)
                | ExprKind::Text(_) => {}
                ExprKind::Not(a) | ExprKind::Neg(a) | ExprKind::Scaled(a, _) => stack.push(a),
                ExprKind::And(list) | ExprKind::Or(list) | ExprKind::Extremum(_, list) => {
                    stack.extend(list.iter().rev());
                }
                ExprKind::Cmp(_, a, b)
                | ExprKind::Arith(_, a, b)
                | ExprKind::DaysFrom(a, b)
                | ExprKind::WorkingDaysFrom(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                ExprKind::OneOf { subject, .. } | ExprKind::Includes { subject, .. } => {
                    stack.push(subject);
                }
                ExprKind::If(c, a, b) => {
                    stack.push(b);
                    stack.push(a);
                    stack.push(c);
                }
            }
        }
    }

    fn phrase(
        &mut self,
        phrases: &check::PhraseTable,
        remedies: &[&ast::Remedy],
        words: &[ast::Word],
        span: Span,
    ) {
        let Some((i, how)) = phrases.remedy(words) else {
            return;
        };
        let Some(remedy) = remedies.get(i) else {
            return;
        };
        let written = match how {
            PhraseMatch::Id => Written::Name,
            PhraseMatch::IdWords => Written::IdWords,
            PhraseMatch::Template => Written::Template,
        };
        self.add(Kind::Remedy, &remedy.name.text, span, written);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../rulebooks/example/example.rules");

    #[test]
    fn an_edit_of_one_rule_checks_that_rule_and_answers_as_a_cold_check() {
        let mut analysis = Analysis::new("example.rules", EXAMPLE);
        assert!(analysis.diagnostics().is_empty());
        // misspell a fact in one rule: one rule is checked again
        let edited = EXAMPLE.replacen(
            "  distance_purchase => return without reason",
            "  distance_purchas => return without reason",
            1,
        );
        assert_ne!(edited, EXAMPLE);
        analysis.update(&edited);
        assert_eq!(analysis.last_work(), Work::OneRule);
        let cold = Analysis::new("example.rules", &edited);
        assert_eq!(
            format!("{:?}", analysis.diagnostics()),
            format!("{:?}", cold.diagnostics())
        );
        assert_eq!(
            analysis.diagnostics().first().map(|d| d.code),
            Some(crate::diagnostic::Code::UndefinedFact)
        );
        // the index follows the edit
        assert_eq!(analysis.index().decls.len(), cold.index().decls.len());
        analysis.update(EXAMPLE);
        assert!(analysis.diagnostics().is_empty());
    }
}
