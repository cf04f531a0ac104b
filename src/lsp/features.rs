//! Navigation, outline, formatting, quick fixes, rename and semantic tokens,
//! each read from a document's [`Analysis`].

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentSymbol, Location,
    PrepareRenameResponse, SemanticToken, SemanticTokenType, SemanticTokens, SymbolKind, TextEdit,
    Url, WorkspaceEdit,
};

use crate::ast::{Item, TypeExpr};
use crate::diagnostic::Code;
use crate::report::i18n::Words;
use crate::source::Span;
use crate::syntax::{self, TokenKind};

use super::analysis::{Analysis, Kind, Written};
use super::complete::KEYWORDS;
use super::position::to_u32;

/// Where the name at `offset` is declared.
pub fn definition(a: &Analysis, uri: &Url, offset: usize) -> Option<Location> {
    let (decl, _) = a.index().at(offset)?;
    let decl = a.index().decls.get(decl)?;
    Some(Location::new(
        uri.clone(),
        a.lines.range(a.text(), decl.span),
    ))
}

/// Every use of the name at `offset`, in the order of the text, and its
/// declaration first when asked.
pub fn references(a: &Analysis, uri: &Url, offset: usize, with_decl: bool) -> Vec<Location> {
    let Some((decl, _)) = a.index().at(offset) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = a.index().uses_of(decl).map(|u| u.span).collect();
    spans.sort();
    if with_decl {
        if let Some(d) = a.index().decls.get(decl) {
            spans.insert(0, d.span);
        }
    }
    spans
        .into_iter()
        .map(|s| Location::new(uri.clone(), a.lines.range(a.text(), s)))
        .collect()
}

/// The document laid out as `redress fmt` lays it out: one edit of the whole
/// text, none when it is already formatted, `None` when it has syntax errors
/// (which the diagnostics show).
pub fn format(a: &Analysis) -> Option<Vec<TextEdit>> {
    let formatted = crate::fmt::format(a.file()).ok()?;
    if formatted == a.text() {
        return Some(Vec::new());
    }
    let whole = a.lines.range(a.text(), Span::new(0, a.text().len()));
    Some(vec![TextEdit::new(whole, formatted)])
}

/// The item (as the grammar's `chunks` cut the text) holding a byte offset,
/// without the blank lines and comments after its last token.
fn item_span(text: &str, chunks: &[std::ops::Range<usize>], offset: usize) -> Option<Span> {
    // chunks are in the order of the text: the last one starting at or before `offset`
    let i = chunks
        .partition_point(|c| c.start <= offset)
        .checked_sub(1)?;
    let chunk = chunks.get(i)?;
    let body = text.get(chunk.clone())?;
    let end = syntax::tokens(body, chunk.start)
        .and_then(|tokens| {
            tokens
                .iter()
                .rev()
                .find(|t| !matches!(t.kind, TokenKind::Comment | TokenKind::LineBreak))
                .map(|t| t.span.end)
        })
        .unwrap_or_else(|| chunk.start + body.trim_end().len());
    Some(Span::new(chunk.start, end))
}

/// The outline: laws, facts, derived facts, remedies, rules and exceptions,
/// in the order written.
pub fn symbols(a: &Analysis) -> Vec<DocumentSymbol> {
    let text = a.text();
    let chunks = syntax::chunks(text);
    a.index()
        .decls
        .iter()
        .map(|d| {
            let item = item_span(text, &chunks, d.span.start).unwrap_or(d.span);
            let (kind, detail) = match (d.kind, a.item(d)) {
                (Kind::Law, _) => (SymbolKind::MODULE, None),
                (Kind::Fact, Some(Item::Fact(f))) => (
                    SymbolKind::FIELD,
                    Some(a.file().slice(f.ty_span).trim().to_string()),
                ),
                (Kind::Fact, _) => (SymbolKind::FIELD, None),
                (Kind::Derived, _) => (SymbolKind::FUNCTION, None),
                (Kind::Remedy, _) => (SymbolKind::CLASS, None),
                (Kind::Rule, _) => (SymbolKind::METHOD, None),
                (Kind::Exception, Some(Item::Rule(r))) => (
                    SymbolKind::EVENT,
                    r.exception_to.as_ref().map(|t| format!("→ {}", t.text)),
                ),
                (Kind::Exception, _) => (SymbolKind::EVENT, None),
            };
            #[expect(
                deprecated,
                reason = "lsp-types makes every field public, the deprecated one too"
            )]
            DocumentSymbol {
                name: d.name.clone(),
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: a.lines.range(text, item),
                selection_range: a.lines.range(text, d.span),
                children: None,
            }
        })
        .collect()
}

/// The quick fixes for the diagnostics under `span`: the fixes the checker
/// knows (did-you-mean names, full-width punctuation, …), and for a missing
/// citation one action per declared law, citing it at the end of the item.
pub fn code_actions(a: &Analysis, uri: &Url, span: Span, words: Words) -> Vec<CodeActionOrCommand> {
    let text = a.text();
    let mut out = Vec::new();
    let mut chunks = None;
    let touches = |s: Span| s.start <= span.end && span.start <= s.end;
    for d in a.diagnostics() {
        let Some(primary) = d.primary_span() else {
            continue;
        };
        if !touches(primary) {
            continue;
        }
        let shown = super::to_lsp_diagnostic(a, uri, d, words.lang());
        let mut action = |title: String, edits: Vec<TextEdit>, preferred: bool| {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(edit(uri, edits)),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            }));
        };
        let fixes = if d.fixes.is_empty() {
            Vec::new()
        } else {
            d.in_language(words.lang()).fixes
        };
        for (i, fix) in fixes.iter().enumerate() {
            let edit = TextEdit::new(a.lines.range(text, fix.span), fix.replacement.clone());
            action(fix.message.clone(), vec![edit], i == 0);
        }
        if d.code == Code::MissingCitation {
            let chunks = chunks.get_or_insert_with(|| syntax::chunks(text));
            let Some(item) = item_span(text, chunks, primary.start) else {
                continue;
            };
            let at = a.lines.range(text, Span::new(item.end, item.end));
            for law in a.index().decls.iter().filter(|d| d.kind == Kind::Law) {
                let title = words.text("lsp-fix-cite", &[("law", &law.name)]);
                let insert = TextEdit::new(at, format!("\n  cite {}", law.name));
                action(title, vec![insert], false);
            }
        }
    }
    out
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// What a rename at `offset` would rename: a fact, derived fact or remedy,
/// shown by its name.
pub fn prepare_rename(a: &Analysis, offset: usize) -> Option<PrepareRenameResponse> {
    let (decl, span) = a.index().at(offset)?;
    let decl = a.index().decls.get(decl)?;
    if !matches!(decl.kind, Kind::Fact | Kind::Derived | Kind::Remedy) {
        return None;
    }
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: a.lines.range(a.text(), span),
        placeholder: decl.name.clone(),
    })
}

/// Rename the fact, derived fact or remedy at `offset`: its declaration and
/// every use; a remedy named by its id read as words (`=> return without
/// reason`) gets the new id's words, one named by a `phrase` template keeps
/// its words. The reason, in words, when the rename cannot be done.
pub fn rename(
    a: &Analysis,
    uri: &Url,
    offset: usize,
    new_name: &str,
    words: Words,
) -> Result<WorkspaceEdit, String> {
    let refused = |id: &str| words.text(id, &[("name", new_name)]);
    let Some((index, _)) = a.index().at(offset) else {
        return Err(words.get("lsp-rename-nothing", &[]));
    };
    let Some(decl) = a.index().decls.get(index) else {
        return Err(words.get("lsp-rename-nothing", &[]));
    };
    let dotted = match decl.kind {
        Kind::Fact | Kind::Derived => true,
        Kind::Remedy => false,
        Kind::Law | Kind::Rule | Kind::Exception => {
            return Err(words.get("lsp-rename-nothing", &[]));
        }
    };
    if !is_name(new_name, dotted) {
        return Err(refused("lsp-rename-invalid"));
    }
    if new_name != decl.name && a.index().find(decl.kind, new_name).is_some() {
        return Err(refused("lsp-rename-taken"));
    }
    let text = a.text();
    let mut edits = vec![(decl.span, new_name.to_string())];
    for u in a.index().uses_of(index) {
        match u.written {
            Written::Name => edits.push((u.span, new_name.to_string())),
            Written::IdWords => edits.push((u.span, new_name.replace('_', " "))),
            Written::Template => {}
        }
    }
    edits.sort_by_key(|(s, _)| *s);
    let edits = edits
        .into_iter()
        .map(|(s, t)| TextEdit::new(a.lines.range(text, s), t))
        .collect();
    Ok(edit(uri, edits))
}

/// A name the grammar reads as one: words of letters, digits and `_` not
/// starting with a digit, joined by `.` when `dotted`, not a reserved word.
fn is_name(name: &str, dotted: bool) -> bool {
    const RESERVED: &[&str] = &[
        "and", "or", "not", "is", "one", "of", "yes", "no", "when", "to", "days", "from", "max",
        "min", "if", "then", "else",
    ];
    let mut parts = name.split('.');
    let first = parts.next().unwrap_or("");
    if RESERVED.contains(&first) || (!dotted && name.contains('.')) {
        return false;
    }
    std::iter::once(first).chain(parts).all(|part| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|c| c == '_' || (c.is_alphabetic()))
            && chars.all(|c| c == '_' || c.is_alphanumeric())
    })
}

/// The semantic token types, in the legend's order.
pub const TOKEN_TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::CLASS,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::COMMENT,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::METHOD,
];

/// Indexes into [`TOKEN_TYPES`].
mod ty {
    pub const KEYWORD: u32 = 0;
    pub const FACT: u32 = 1;
    pub const DERIVED: u32 = 2;
    pub const REMEDY: u32 = 3;
    pub const LAW: u32 = 4;
    pub const VALUE: u32 = 5;
    pub const STRING: u32 = 6;
    pub const NUMBER: u32 = 7;
    pub const COMMENT: u32 = 8;
    pub const OPERATOR: u32 = 9;
    pub const RULE: u32 = 10;
}

/// Every token of the items that read as tokens, classified by what the
/// rulebook declares (a fact, a value, a law, …) or by its form.
pub fn semantic_tokens(a: &Analysis) -> SemanticTokens {
    let text = a.text();
    let mut names: HashMap<&str, u32> = HashMap::new();
    for item in &a.ast().items {
        if let Item::Fact(f) = item {
            if let TypeExpr::OneOf(values) | TypeExpr::SomeOf(values) = &f.ty {
                for v in values {
                    names.insert(&v.text, ty::VALUE);
                }
            }
        }
    }
    for d in &a.index().decls {
        let t = match d.kind {
            Kind::Law => ty::LAW,
            Kind::Fact => ty::FACT,
            Kind::Derived => ty::DERIVED,
            Kind::Remedy => ty::REMEDY,
            Kind::Rule | Kind::Exception => ty::RULE,
        };
        names.insert(&d.name, t);
    }
    let keywords: HashSet<&str> = KEYWORDS.iter().copied().collect();
    let mut data = Vec::new();
    let (mut line, mut column) = (0u32, 0u32);
    for chunk in syntax::chunks(text) {
        let Some(tokens) = text
            .get(chunk.clone())
            .and_then(|body| syntax::tokens(body, chunk.start))
        else {
            continue;
        };
        for token in tokens {
            let word = a.file().slice(token.span);
            let t = match token.kind {
                TokenKind::Comment => ty::COMMENT,
                TokenKind::Quoted => ty::STRING,
                TokenKind::Op | TokenKind::Arrow => ty::OPERATOR,
                TokenKind::PhraseWord => ty::REMEDY,
                TokenKind::Yen => ty::NUMBER,
                TokenKind::Word if word.starts_with(|c: char| c.is_ascii_digit()) => ty::NUMBER,
                TokenKind::Word => match names.get(word) {
                    Some(t) => *t,
                    None if keywords.contains(word) => ty::KEYWORD,
                    None => continue,
                },
                TokenKind::Comma
                | TokenKind::Colon
                | TokenKind::Open
                | TokenKind::Close
                | TokenKind::LineBreak => continue,
            };
            let start = a.lines.position(text, token.span.start);
            let end = a.lines.position(text, token.span.end);
            let length = if end.line == start.line {
                end.character.saturating_sub(start.character)
            } else {
                to_u32(word.lines().next().unwrap_or("").encode_utf16().count())
            };
            let delta_line = start.line.saturating_sub(line);
            let delta_start = if delta_line == 0 {
                start.character.saturating_sub(column)
            } else {
                start.character
            };
            data.push(SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type: t,
                token_modifiers_bitset: 0,
            });
            (line, column) = (start.line, start.character);
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}
