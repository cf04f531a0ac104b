//! The language server of `redress lsp`: JSON-RPC messages in, messages out.
//!
//! Input: the messages an editor sends (`lsp_server::Message`: initialize,
//! didOpen, didChange, hover, …). Output: the responses and notifications
//! (diagnostics) to send back. The server does no I/O: `src/cli/lsp.rs`
//! moves the messages over standard input and output. Documents are kept
//! by URI with their text and an [`Analysis`]; each change re-parses and
//! re-checks through [`recheck`] (a [`crate::workspace::Workspace`], which
//! redoes only what the edit touched) and publishes every diagnostic.
//!
//! Positions are UTF-16 code units, the protocol's default ([`position`]).

mod analysis;
mod complete;
mod features;
mod hover;
pub mod position;
mod tests_beside;

use std::collections::BTreeMap;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DiagnosticRelatedInformation,
    DiagnosticSeverity, HoverProviderCapability, InitializeResult, Location, NumberOrString, OneOf,
    PublishDiagnosticsParams, RenameOptions, SemanticTokensFullOptions, SemanticTokensLegend,
    SemanticTokensOptions, SemanticTokensServerCapabilities, ServerCapabilities, ServerInfo,
    TextDocumentContentChangeEvent, TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use analysis::{Analysis, Kind};
pub use tests_beside::TestFiles;

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::i18n::{self, Words};
use crate::source::widen;

/// One open document.
struct Doc {
    version: i32,
    text: String,
    analysis: Analysis,
}

impl Doc {
    fn new(uri: &Url, version: i32, text: String) -> Doc {
        let analysis = Analysis::new(uri.as_str(), &text);
        Doc {
            version,
            text,
            analysis,
        }
    }
}

/// What the caller does after a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Read the next message.
    Continue,
    /// The editor said `exit`: stop with this status (0 after `shutdown`,
    /// 1 without, as the protocol asks).
    Exit(u8),
}

/// The state of a language server session.
#[derive(Default)]
pub struct Server {
    docs: BTreeMap<Url, Doc>,
    /// Reads the test files beside a rulebook, when the caller gives a way.
    tests: Option<Box<dyn TestFiles>>,
    /// The editor's language (`initialize`'s `locale`), when the catalogue has it.
    locale: Option<&'static str>,
    initialized: bool,
    shut_down: bool,
}

impl Server {
    /// A server before `initialize`.
    pub fn new() -> Server {
        Server::default()
    }

    /// A server whose references and renames also reach the test files
    /// beside the rulebook, read through `tests`.
    pub fn with_test_files(tests: Box<dyn TestFiles>) -> Server {
        Server {
            tests: Some(tests),
            ..Server::default()
        }
    }

    /// The declaration named at `offset`, its kind and name, for the test files.
    fn named(a: &Analysis, offset: usize) -> Option<(Kind, String)> {
        let (decl, _) = a.index().at(offset)?;
        a.index().decls.get(decl).map(|d| (d.kind, d.name.clone()))
    }

    /// What the server can do, as `initialize` answers.
    pub fn capabilities() -> ServerCapabilities {
        ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(
                TextDocumentSyncKind::INCREMENTAL,
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![" ".to_string(), ",".to_string()]),
                ..CompletionOptions::default()
            }),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_formatting_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            rename_provider: Some(OneOf::Right(RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: Default::default(),
            })),
            semantic_tokens_provider: Some(
                SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
                    legend: SemanticTokensLegend {
                        token_types: features::TOKEN_TYPES.to_vec(),
                        token_modifiers: Vec::new(),
                    },
                    full: Some(SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                }),
            ),
            ..ServerCapabilities::default()
        }
    }

    /// Handle one message; the answers to send are pushed on `out`.
    pub fn handle(&mut self, message: Message, out: &mut Vec<Message>) -> Flow {
        match message {
            Message::Request(r) => {
                out.push(Message::Response(self.request(r)));
                Flow::Continue
            }
            Message::Notification(n) => self.notification(n, out),
            Message::Response(_) => Flow::Continue,
        }
    }

    fn request(&mut self, r: Request) -> Response {
        let id = r.id.clone();
        if r.method == req::Initialize::METHOD {
            return self.initialize(r);
        }
        if !self.initialized {
            return error(id, ErrorCode::ServerNotInitialized, "initialize first");
        }
        if self.shut_down {
            return error(id, ErrorCode::InvalidRequest, "the server is shut down");
        }
        match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shut_down = true;
                Response::new_ok(id, ())
            }
            req::HoverRequest::METHOD => self.answer::<req::HoverRequest>(r, |s, p| {
                let pos = p.text_document_position_params;
                let (a, offset) = s.at(&pos.text_document.uri, pos.position)?;
                Ok(hover::hover(a, offset, s.words(a)))
            }),
            req::Completion::METHOD => self.answer::<req::Completion>(r, |s, p| {
                let pos = p.text_document_position;
                let (a, offset) = s.at(&pos.text_document.uri, pos.position)?;
                let triggered = p.context.is_some_and(|c| {
                    c.trigger_kind == lsp_types::CompletionTriggerKind::TRIGGER_CHARACTER
                });
                Ok(Some(
                    complete::complete(a, offset, s.words(a), triggered).into(),
                ))
            }),
            req::GotoDefinition::METHOD => self.answer::<req::GotoDefinition>(r, |s, p| {
                let pos = p.text_document_position_params;
                let uri = pos.text_document.uri;
                let (a, offset) = s.at(&uri, pos.position)?;
                Ok(features::definition(a, &uri, offset).map(Into::into))
            }),
            req::References::METHOD => self.answer::<req::References>(r, |s, p| {
                let pos = p.text_document_position;
                let uri = pos.text_document.uri;
                let (a, offset) = s.at(&uri, pos.position)?;
                let with_decl = p.context.include_declaration;
                let mut found = features::references(a, &uri, offset, with_decl);
                if let (Some(tests), Some((kind, name))) = (&s.tests, Server::named(a, offset)) {
                    found.extend(tests_beside::locations(tests.as_ref(), &uri, kind, &name));
                }
                Ok(Some(found))
            }),
            req::Formatting::METHOD => self.answer::<req::Formatting>(r, |s, p| {
                let a = s.analysis(&p.text_document.uri)?;
                Ok(features::format(a))
            }),
            req::DocumentSymbolRequest::METHOD => {
                self.answer::<req::DocumentSymbolRequest>(r, |s, p| {
                    let a = s.analysis(&p.text_document.uri)?;
                    Ok(Some(features::symbols(a).into()))
                })
            }
            req::CodeActionRequest::METHOD => self.answer::<req::CodeActionRequest>(r, |s, p| {
                let uri = p.text_document.uri;
                let a = s.analysis(&uri)?;
                let span = a.lines.span(a.text(), p.range);
                Ok(Some(features::code_actions(a, &uri, span, s.words(a))))
            }),
            req::PrepareRenameRequest::METHOD => {
                self.answer::<req::PrepareRenameRequest>(r, |s, p| {
                    let (a, offset) = s.at(&p.text_document.uri, p.position)?;
                    Ok(features::prepare_rename(a, offset))
                })
            }
            req::Rename::METHOD => self.answer::<req::Rename>(r, |s, p| {
                let pos = p.text_document_position;
                let uri = pos.text_document.uri;
                let (a, offset) = s.at(&uri, pos.position)?;
                let mut edit = features::rename(a, &uri, offset, &p.new_name, s.words(a))
                    .map_err(Failure::Refused)?;
                if let (Some(tests), Some((kind, name)), Some(changes)) =
                    (&s.tests, Server::named(a, offset), edit.changes.as_mut())
                {
                    let new_name = &p.new_name;
                    changes.extend(tests_beside::edits(
                        tests.as_ref(),
                        &uri,
                        kind,
                        &name,
                        new_name,
                    ));
                }
                Ok(Some(edit))
            }),
            req::SemanticTokensFullRequest::METHOD => self
                .answer::<req::SemanticTokensFullRequest>(r, |s, p| {
                    let a = s.analysis(&p.text_document.uri)?;
                    Ok(Some(features::semantic_tokens(a).into()))
                }),
            _ => error(
                id,
                ErrorCode::MethodNotFound,
                &format!("redress lsp does not handle `{}`", r.method),
            ),
        }
    }

    fn initialize(&mut self, r: Request) -> Response {
        let params: lsp_types::InitializeParams = match serde_json::from_value(r.params) {
            Ok(p) => p,
            Err(e) => return error(r.id, ErrorCode::InvalidParams, &e.to_string()),
        };
        self.locale = params.locale.as_deref().and_then(|l| {
            let primary = l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase();
            ["en", "zh"].into_iter().find(|c| *c == primary)
        });
        self.initialized = true;
        let result = InitializeResult {
            capabilities: Server::capabilities(),
            server_info: Some(ServerInfo {
                name: "redress".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        Response::new_ok(r.id, result)
    }

    /// Parse a request's parameters, run `f`, and make the response.
    fn answer<R>(
        &mut self,
        r: Request,
        f: impl FnOnce(&mut Self, R::Params) -> Result<R::Result, Failure>,
    ) -> Response
    where
        R: req::Request,
        R::Params: DeserializeOwned,
        R::Result: Serialize,
    {
        let params: R::Params = match serde_json::from_value(r.params) {
            Ok(p) => p,
            Err(e) => return error(r.id, ErrorCode::InvalidParams, &e.to_string()),
        };
        match f(self, params) {
            Ok(result) => Response::new_ok(r.id, result),
            Err(Failure::UnknownDocument(uri)) => error(
                r.id,
                ErrorCode::InvalidParams,
                &format!("`{uri}` is not open"),
            ),
            Err(Failure::Refused(message)) => error(r.id, ErrorCode::RequestFailed, &message),
        }
    }

    fn notification(&mut self, n: Notification, out: &mut Vec<Message>) -> Flow {
        match n.method.as_str() {
            note::Exit::METHOD => return Flow::Exit(if self.shut_down { 0 } else { 1 }),
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    let d = Doc::new(&doc.uri, doc.version, doc.text);
                    self.docs.insert(doc.uri.clone(), d);
                    self.publish(&doc.uri, out);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.change(&uri, p.text_document.version, p.content_changes);
                    self.publish(&uri, out);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.docs.remove(&uri);
                    out.push(publish(uri, Vec::new(), None));
                }
            }
            _ => {}
        }
        Flow::Continue
    }

    /// Apply an editor's changes to a document and check it again.
    pub fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        for change in changes {
            match change.range {
                Some(range) => {
                    let lines = position::LineIndex::new(&doc.text);
                    let span = lines.span(&doc.text, range);
                    doc.text.replace_range(span.start..span.end, &change.text);
                }
                None => doc.text = change.text,
            }
        }
        doc.version = version;
        recheck(&mut doc.analysis, &doc.text);
    }

    /// Open a document (as `didOpen` does), for callers that drive the server
    /// without messages (the benchmark).
    pub fn open(&mut self, uri: &Url, text: String) {
        self.docs.insert(uri.clone(), Doc::new(uri, 0, text));
    }

    /// The analysis of an open document.
    pub fn analysis_of(&self, uri: &Url) -> Option<&Analysis> {
        self.docs.get(uri).map(|d| &d.analysis)
    }

    fn publish(&self, uri: &Url, out: &mut Vec<Message>) {
        if let Some(doc) = self.docs.get(uri) {
            let a = &doc.analysis;
            let lang = self.words(a).lang();
            let list = a
                .diagnostics()
                .iter()
                .map(|d| to_lsp_diagnostic(a, uri, d, lang))
                .collect();
            out.push(publish(uri.clone(), list, Some(doc.version)));
        }
    }

    fn analysis(&self, uri: &Url) -> Result<&Analysis, Failure> {
        self.analysis_of(uri)
            .ok_or_else(|| Failure::UnknownDocument(uri.to_string()))
    }

    fn at(&self, uri: &Url, position: lsp_types::Position) -> Result<(&Analysis, usize), Failure> {
        let a = self.analysis(uri)?;
        Ok((a, a.lines.offset(a.text(), position)))
    }

    /// The words people read: the editor's language when the catalogue has
    /// it, else the rulebook's first language the catalogue has, else English.
    fn words(&self, a: &Analysis) -> Words {
        if let Some(lang) = self.locale {
            return Words::new(lang);
        }
        let first = a.ast().items.iter().find_map(|i| match i {
            crate::ast::Item::Header(h) => h
                .languages
                .iter()
                .find(|l| i18n::is_available(&l.text))
                .map(|l| l.text.clone()),
            _ => None,
        });
        Words::new(first.as_deref().unwrap_or("en"))
    }
}

/// Parse and check a document's text after a change, through its
/// [`crate::workspace::Workspace`]: an edit inside one item parses that item
/// again, and an edit of one rule checks that rule again.
pub fn recheck(analysis: &mut Analysis, text: &str) {
    analysis.update(text);
}

/// Why a request has no answer.
enum Failure {
    UnknownDocument(String),
    Refused(String),
}

fn parse<T: DeserializeOwned>(params: serde_json::Value) -> Result<T, serde_json::Error> {
    serde_json::from_value(params)
}

fn error(id: RequestId, code: ErrorCode, message: &str) -> Response {
    Response::new_err(id, code as i32, message.to_string())
}

fn publish(uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) -> Message {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    Message::Notification(Notification::new(
        note::PublishDiagnostics::METHOD.to_string(),
        params,
    ))
}

/// A diagnostic as the protocol has it: the primary label's range, the code
/// (`redress::undefined_fact`), the message and its help, every label as
/// related information; the words in `lang`.
fn to_lsp_diagnostic(a: &Analysis, uri: &Url, d: &Diagnostic, lang: &str) -> lsp_types::Diagnostic {
    let localized;
    let d = if lang == "en" {
        d
    } else {
        localized = d.in_language(lang);
        &localized
    };
    let text = a.text();
    let span = d.primary_span().map(|s| widen(text, s)).unwrap_or_default();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.text.is_empty())
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), a.lines.range(text, widen(text, l.span))),
            message: l.text.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: a.lines.range(text, span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("redress".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}
