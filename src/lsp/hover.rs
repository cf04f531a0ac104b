//! Hover: what a name under the cursor declares, as Markdown, in every
//! language the rulebook gives it; the words around them from the catalogue.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::ast::{self, Item, LangText};
use crate::report::i18n::Words;

use super::analysis::{Analysis, Kind};

/// The hover of the name at `offset`, if it names a declaration.
pub fn hover(a: &Analysis, offset: usize, words: Words) -> Option<Hover> {
    let (decl, span) = a.index().at(offset)?;
    let decl = a.index().decls.get(decl)?;
    let item = a.item(decl)?;
    let mut md = Markdown {
        a,
        words,
        out: String::new(),
    };
    match item {
        Item::Fact(f) => md.fact(f),
        Item::Define(d) => md.derived(d),
        Item::Remedy(r) => md.remedy(r),
        Item::Law(l) => md.law(l),
        Item::Rule(r) => md.rule(r, decl.kind),
        Item::Header(_) => return None,
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md.out.trim_end().to_string(),
        }),
        range: Some(a.lines.range(a.text(), span)),
    })
}

struct Markdown<'a> {
    a: &'a Analysis,
    words: Words,
    out: String,
}

impl Markdown<'_> {
    fn heading(&mut self, id: &str, name: &str) {
        let name = format!("`{name}`");
        self.out.push_str(&format!(
            "**{}**\n\n",
            self.words.text(id, &[("name", &name)])
        ));
    }

    /// One line per text: `- title (zh): …`.
    fn texts(&mut self, id: &str, texts: &[LangText]) {
        self.texts_at(id, texts, "");
    }

    /// [`Markdown::texts`], indented (a parameter's labels under it).
    fn texts_at(&mut self, id: &str, texts: &[LangText], indent: &str) {
        for t in texts {
            let lang = t.lang.as_ref().map_or("—", |l| l.text.as_str());
            let line = self
                .words
                .text(id, &[("lang", lang), ("text", &escape(&t.text))]);
            self.out.push_str(&format!("{indent}- {line}\n"));
        }
    }

    fn line(&mut self, id: &str, value: &str) {
        let line = self.words.text(id, &[("value", value)]);
        self.out.push_str(&format!("- {line}\n"));
    }

    fn code_block(&mut self, code: &str) {
        self.out
            .push_str(&format!("```redress\n{}\n```\n\n", code.trim()));
    }

    fn fact(&mut self, f: &ast::Fact) {
        self.heading("lsp-fact", &f.name.text);
        let ty = self.a.file().slice(f.ty_span).to_string();
        self.line("lsp-type", &format!("`{}`", ty.trim()));
        self.texts("lsp-question", &f.questions);
        self.texts("lsp-label", &f.labels);
        let values = match &f.ty {
            ast::TypeExpr::OneOf(v) | ast::TypeExpr::SomeOf(v) => v,
            _ => return,
        };
        self.out
            .push_str(&format!("\n{}\n", self.words.get("lsp-values", &[])));
        for v in values {
            let labels: Vec<String> = f
                .value_labels
                .iter()
                .filter(|l| l.value.text == v.text)
                .map(|l| {
                    let lang = l.label.lang.as_ref().map_or("—", |x| x.text.as_str());
                    format!("{} ({lang})", escape(&l.label.text))
                })
                .collect();
            if labels.is_empty() {
                self.out.push_str(&format!("- `{}`\n", v.text));
            } else {
                let labels = self.words.list(&labels);
                self.out.push_str(&format!("- `{}`: {labels}\n", v.text));
            }
        }
    }

    fn derived(&mut self, d: &ast::Define) {
        self.heading("lsp-derived", &d.name.text);
        let definition = self.a.file().slice(d.expr.span).to_string();
        self.code_block(&definition);
        self.texts("lsp-label", &d.labels);
    }

    fn remedy(&mut self, r: &ast::Remedy) {
        self.heading("lsp-remedy", &r.name.text);
        self.texts("lsp-title", &r.titles);
        for c in &r.category {
            let id = format!("category-{}", c.text);
            let shown = self.words.get(&id, &[]);
            let shown = if shown == id { c.text.clone() } else { shown };
            self.line("lsp-category", &shown);
        }
        for p in &r.params {
            let ty = self.a.file().slice(p.ty_span).trim().to_string();
            self.line("lsp-param", &format!("`{}: {ty}`", p.name.text));
            self.texts_at("lsp-label", &p.labels, "  ");
        }
        for p in &r.phrases {
            let phrase = crate::check::template_text(&p.text);
            self.line("lsp-phrase", &format!("`{phrase}`"));
        }
        for e in &r.amount {
            let text = self.a.file().slice(e.span).to_string();
            self.line("lsp-amount", &format!("`{}`", text.trim()));
        }
        for e in &r.deadline {
            let text = self.a.file().slice(e.span).to_string();
            self.line("lsp-deadline", &format!("`{}`", text.trim()));
        }
        self.cites(&r.cites);
    }

    fn cites(&mut self, cites: &[ast::Cite]) {
        for c in cites {
            // `cite zh "…" en "…"`: the text in the words' language, else
            // in the rulebook's first language, else the first written (as
            // `model::Citation::text_in` picks it for the advice)
            let written_in = |lang: &str| {
                c.texts
                    .iter()
                    .find(|t| t.lang.as_ref().is_some_and(|l| l.text == lang))
            };
            let first = first_language(self.a);
            if let Some(t) = written_in(self.words.lang())
                .or_else(|| first.and_then(written_in))
                .or(c.texts.first())
            {
                self.line("lsp-citation", &escape(&t.text));
                continue;
            }
            let text = self.a.file().slice(c.span).trim();
            let text = text.strip_prefix("cite").unwrap_or(text).trim().to_string();
            let title = c
                .law
                .as_ref()
                .and_then(|law| self.law_title(&law.text))
                .map(|t| format!(" — {}", escape(&t)))
                .unwrap_or_default();
            self.line("lsp-citation", &format!("`{text}`{title}"));
        }
    }

    /// A law's title in the words' language, else its first.
    fn law_title(&self, law: &str) -> Option<String> {
        let decl = self.a.index().find(Kind::Law, law)?;
        let Item::Law(l) = self.a.item(self.a.index().decls.get(decl)?)? else {
            return None;
        };
        let lang = self.words.lang();
        l.titles
            .iter()
            .find(|t| t.lang.as_ref().is_some_and(|x| x.text == lang))
            .or_else(|| l.titles.first())
            .map(|t| t.text.clone())
    }

    fn law(&mut self, l: &ast::Law) {
        self.heading("lsp-law", &l.name.text);
        self.texts("lsp-title", &l.titles);
        if l.in_force.is_empty() {
            self.out.push_str(&format!(
                "- {}\n",
                self.words.get("lsp-in-force-always", &[])
            ));
        }
        for p in &l.in_force {
            let from = p.from.map(|d| d.date.to_string());
            let until = p.until.map(|d| d.date.to_string());
            let line = match (from, until) {
                (Some(f), Some(u)) => self
                    .words
                    .text("lsp-in-force-from-until", &[("from", &f), ("until", &u)]),
                (Some(f), None) => self.words.text("lsp-in-force-from", &[("from", &f)]),
                (None, Some(u)) => self.words.text("lsp-in-force-until", &[("until", &u)]),
                (None, None) => self.words.get("lsp-in-force-always", &[]),
            };
            self.out.push_str(&format!("- {line}\n"));
        }
    }

    fn rule(&mut self, r: &ast::Rule, kind: Kind) {
        if kind == Kind::Exception {
            let to: Vec<String> = r
                .exception_to
                .iter()
                .chain(&r.also_to)
                .map(|t| format!("`{}`", t.text))
                .collect();
            let name = format!("`{}`", r.name.text);
            let heading = self.words.text(
                "lsp-exception",
                &[("name", &name), ("rules", &self.words.list(&to))],
            );
            self.out.push_str(&format!("**{heading}**\n\n"));
        } else {
            self.heading("lsp-rule", &r.name.text);
        }
        self.texts("lsp-title", &r.titles);
        if !r.titles.is_empty() {
            self.out.push('\n');
        }
        let condition = self.a.file().slice(r.condition.span).to_string();
        self.code_block(&condition);
        self.cites(&r.cites);
    }
}

/// The first language the rulebook's header lists.
fn first_language(a: &Analysis) -> Option<&str> {
    a.ast().items.iter().find_map(|i| match i {
        Item::Header(h) => h.languages.first().map(|l| l.text.as_str()),
        _ => None,
    })
}

/// Markdown's special characters in the rulebook's own text, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
