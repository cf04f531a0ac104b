//! The router and its handlers. Every handler answers what the CLI prints
//! for the same input, through the same library functions; a case or
//! rulebook with errors is a 422 carrying its diagnostics.

use std::future::Future as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt as _;
use tokio::sync::Semaphore;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use super::error::ApiError;
use super::metrics::Metrics;
use super::middleware::{BoundedLayer, ObserveLayer};
use super::query::Query;
use super::state::{Registry, Version};
use super::worker::{self, not_utf8};
use super::{Config, stream};
use crate::case::Case;
use crate::diagnostic::Diagnostic;
use crate::eval::Options;
use crate::model::{FactId, Model, RemedyId};
use crate::outcome::{RulebookInfo, Titles};
use crate::report::i18n;
use crate::report::{JsonDiagnostic, json_diagnostic};
use crate::source::SourceFile;

/// The server: its rulebooks, configuration and counters.
#[derive(Debug)]
pub struct App {
    /// The rulebooks served.
    pub registry: Registry,
    /// How it runs.
    pub config: Config,
    /// Its counters.
    pub metrics: Metrics,
    /// False once shutting down: `/readyz` answers 503.
    pub ready: AtomicBool,
    pub(super) permits: Arc<Semaphore>,
}

impl App {
    /// A server for these rulebooks.
    pub fn new(registry: Registry, config: Config) -> Arc<App> {
        let permits = Arc::new(Semaphore::new(config.max_concurrency.max(1)));
        Arc::new(App {
            registry,
            config,
            metrics: Metrics::default(),
            ready: AtomicBool::new(true),
            permits,
        })
    }
}

/// The routes (docs/api.md).
pub fn router(app: Arc<App>) -> Router {
    // the playground's page and endpoints (empty unless `--playground`)
    super::playground::router(&app.config)
        .route("/v1/rulebooks", get(list))
        .route("/v1/rulebooks/{id}", get(status))
        .route("/v1/rulebooks/{id}/eval", post(eval))
        .route("/v1/rulebooks/{id}/eval:batch", post(batch))
        .route("/v1/rulebooks/{id}/explain", post(explain))
        .route("/v1/rulebooks/{id}/ask", post(ask))
        .route("/v1/rulebooks/{id}/facts", get(facts))
        .route("/v1/check", post(check))
        .route("/v1/fmt", post(fmt))
        .route_layer(BoundedLayer(app.clone()))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(ObserveLayer(app.clone()))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(app)
}

type Answer = Result<Response, ApiError>;

/// The catalogue's own name for a language it has (a `&'static str`, so
/// that a request's language is not allocated).
fn available(lang: &str) -> Option<&'static str> {
    i18n::LANGUAGES.iter().copied().find(|l| *l == lang)
}

/// The `lang` of a query for an error message, when usable; else English.
pub(super) fn request_lang(uri: &Uri) -> &'static str {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .and_then(available)
        .unwrap_or("en")
}

/// The language asked (`lang`), else the rulebook's first the catalogue
/// has, else English; an unknown one is a 400.
pub(super) fn pick_lang(query: &Query, model: Option<&Model>) -> Result<&'static str, ApiError> {
    match query.get("lang") {
        Some(lang) => available(lang).ok_or_else(|| {
            ApiError::bad_query(
                "en",
                "lang",
                "serve-unknown-lang",
                &[("lang", lang), ("langs", &i18n::LANGUAGES.join(", "))],
            )
        }),
        None => Ok(model
            .and_then(|m| m.header.languages.iter().find_map(|l| available(l)))
            .unwrap_or("en")),
    }
}

/// What every rulebook endpoint starts from: the rulebook of the path (404
/// when no rulebook has that id; 400 when the path is not percent-encoded
/// UTF-8), the query with only the endpoint's keys (400 for another), and
/// the language of its words.
pub(super) struct Target {
    id: String,
    pub(super) version: Arc<Version>,
    query: Query,
    lang: &'static str,
}

impl Target {
    pub(super) fn new(
        app: &App,
        id: Result<Path<String>, PathRejection>,
        uri: &Uri,
        allowed: &[&str],
    ) -> Result<Target, ApiError> {
        let early = request_lang(uri);
        let Path(id) = id.map_err(|_| bad_path(uri, early))?;
        let query = Query::parse(uri.query(), allowed, early)?;
        let Some(slot) = app.registry.get(&id) else {
            let lang = pick_lang(&query, None)?;
            let ids = app.registry.ids().join(", ");
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "serve::unknown_rulebook",
                lang,
                "serve-unknown-rulebook",
                &[("id", &id), ("ids", &ids)],
            ));
        };
        let version = slot.current();
        let lang = pick_lang(&query, Some(version.graph.model()))?;
        Ok(Target {
            id,
            version,
            query,
            lang,
        })
    }

    /// `as_of` and `output` ([`as_of`]).
    fn options(&self) -> Result<Options, ApiError> {
        as_of(&self.query, self.lang)
    }

    fn model(&self) -> &Model {
        self.version.graph.model()
    }

    /// Read the body as a case of this rulebook (all white space: no facts,
    /// when `empty_ok`); a case with errors is a 422 carrying them.
    async fn read_case(&self, app: &App, body: Body, empty_ok: bool) -> Result<Case, ApiError> {
        let bytes = read_body(app, body, self.lang).await?;
        worker::with(&self.version, app.config.limits, |w| {
            w.read_case(&bytes, empty_ok)
        })
        .map_err(|d| invalid_case(self.lang, &d))
    }
}

/// `as_of=YYYY-MM-DD` and `output=ids|summary|full` (the output level of
/// `eval --output`; `full` unless asked, and only where the route allows it).
pub(super) fn as_of(query: &Query, lang: &str) -> Result<Options, ApiError> {
    let detail = match query.get("output") {
        None => crate::outcome::Detail::Full,
        Some(text) => text.parse().map_err(|_| {
            let levels = crate::outcome::Detail::ALL
                .map(crate::outcome::Detail::name)
                .join(", ");
            ApiError::bad_query(
                lang,
                "output",
                "serve-bad-output",
                &[("value", text), ("levels", &levels)],
            )
        })?,
    };
    let as_of = match query.get("as_of") {
        None => None,
        Some(text) => Some(text.parse::<jiff::civil::Date>().map_err(|_| {
            ApiError::bad_query(lang, "as_of", "serve-bad-date", &[("value", text)])
        })?),
    };
    Ok(Options {
        as_of,
        detail,
        ..Options::default()
    })
}

/// 400: a path whose percent-escapes do not decode to UTF-8 text.
fn bad_path(uri: &Uri, lang: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "serve::bad_request",
        lang,
        "serve-path-encoding",
        &[("path", uri.path())],
    )
}

/// 422: the case's diagnostics.
pub(super) fn invalid_case(lang: &str, diagnostics: &[Diagnostic]) -> ApiError {
    ApiError::invalid(
        "serve::invalid_case",
        lang,
        "serve-case-invalid",
        diagnostics,
    )
}

/// Read the whole body: at most `max_body` bytes (413), arriving within
/// the timeout (408).
pub(super) async fn read_body(app: &App, body: Body, lang: &str) -> Result<Bytes, ApiError> {
    let max = app.config.max_body;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "serve::body_too_large",
            lang,
            "serve-body-too-large",
            &[("limit", &crate::diagnostic::grouped(max))],
        )
    };
    // a declared length (`Content-Length`) is the body's least size
    let declared = http_body::Body::size_hint(&body).lower();
    if declared > u64::try_from(max).unwrap_or(u64::MAX) {
        return Err(too_large());
    }
    let limited = http_body_util::Limited::new(body, max);
    // a body already read with the head (a one-case request) is collected
    // at the first poll: the timer is armed only if it is still arriving
    let mut collect = std::pin::pin!(limited.collect());
    let first = std::future::poll_fn(|cx| Poll::Ready(collect.as_mut().poll(cx))).await;
    let collected = match first {
        Poll::Ready(done) => Ok(done),
        Poll::Pending => tokio::time::timeout(app.config.timeout, collect).await,
    };
    match collected {
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "serve::bad_request",
            lang,
            "serve-body-unreadable",
            &[],
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "serve::timeout",
            lang,
            "serve-body-timeout",
            &[(
                "seconds",
                &format!("{:.1}", app.config.timeout.as_secs_f64()),
            )],
        )),
    }
}

/// The body as a named text, or the diagnostic the CLI gives for a file
/// that is not UTF-8.
fn body_text(bytes: Bytes, name: &str, what: &str) -> Result<Arc<SourceFile>, Diagnostic> {
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => Err(not_utf8(name, what, &e)),
    }
}

/// The name a case body has in diagnostics.
pub(super) const CASE_NAME: &str = "<body>";

pub(super) fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let mut text = serde_json::to_vec_pretty(value).unwrap_or_default();
    text.push(b'\n');
    json_bytes(status, text)
}

/// JSON already written.
fn json_bytes(status: StatusCode, json: Vec<u8>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json,
    )
        .into_response()
}

/// Run blocking work (explain, ask, check, fmt) off the async threads.
pub(super) async fn blocking<T: Send + 'static>(
    lang: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "serve::internal",
            lang,
            "serve-internal",
            &[],
        )
    })
}

fn rulebook_info(model: &Model) -> RulebookInfo<'_> {
    RulebookInfo {
        title: Titles(&model.header.titles),
        jurisdiction: &model.header.jurisdiction,
        version: &model.header.version,
        effective: model.header.effective.map(|d| d.to_string()),
    }
}

/// A rulebook in `GET /v1/rulebooks`, keys in this order (docs/api.md).
#[derive(serde::Serialize)]
struct Listed<'a> {
    id: &'a str,
    file: &'a str,
    rulebook: RulebookInfo<'a>,
    generation: u64,
    reload_failed: bool,
}

/// `GET /v1/rulebooks`, keys in this order.
#[derive(serde::Serialize)]
struct List<'a> {
    rulebooks: Vec<Listed<'a>>,
}

/// `GET /v1/rulebooks/{id}`, keys in this order (docs/api.md).
#[derive(serde::Serialize)]
struct Status<'a> {
    id: &'a str,
    file: &'a str,
    rulebook: RulebookInfo<'a>,
    generation: u64,
    diagnostics: Vec<JsonDiagnostic>,
    failed_reload: Option<FailedReload>,
}

/// The diagnostics of a reload that failed.
#[derive(serde::Serialize)]
struct FailedReload {
    diagnostics: Vec<JsonDiagnostic>,
}

/// `GET /v1/rulebooks`: every rulebook, in the order given.
async fn list(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let query = Query::parse(uri.query(), &["lang"], request_lang(&uri))?;
    pick_lang(&query, None)?;
    let versions: Vec<_> = app
        .registry
        .slots()
        .iter()
        .map(|s| (s, s.current()))
        .collect();
    let list = List {
        rulebooks: versions
            .iter()
            .map(|(slot, v)| Listed {
                id: &slot.id,
                file: &slot.path,
                rulebook: rulebook_info(v.graph.model()),
                generation: v.generation,
                reload_failed: slot.failure().is_some(),
            })
            .collect(),
    };
    Ok(json_response(StatusCode::OK, &list))
}

/// `GET /v1/rulebooks/{id}`: the version serving, its warnings, and the
/// diagnostics of a reload that failed.
async fn status(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["lang"])?;
    let slot = app.registry.get(&target.id);
    let doc = Status {
        id: &target.id,
        file: slot.map_or("", |s| s.path.as_str()),
        rulebook: rulebook_info(target.model()),
        generation: target.version.generation,
        diagnostics: target
            .version
            .diagnostics
            .iter()
            .map(json_diagnostic)
            .collect(),
        failed_reload: slot.and_then(|s| s.failure()).map(|f| FailedReload {
            diagnostics: f.diagnostics.iter().map(json_diagnostic).collect(),
        }),
    };
    Ok(json_response(StatusCode::OK, &doc))
}

/// `POST /v1/rulebooks/{id}/eval`: one case → the JSON of `eval --format json`
/// (`?output=` as `--output`). The case is read and evaluated on the thread
/// the request came in on (a few microseconds), by its kept worker.
async fn eval(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    body: Body,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["as_of", "lang", "output"])?;
    let options = target.options()?;
    let bytes = read_body(&app, body, target.lang).await?;
    let json = worker::with(&target.version, app.config.limits, |w| {
        w.read_case(&bytes, false)
            .map(|case| w.eval_json(&case, &options))
    })
    .map_err(|d| invalid_case(target.lang, &d))?;
    app.metrics.evaluated(1);
    Ok(json_bytes(StatusCode::OK, json))
}

/// `POST /v1/rulebooks/{id}/eval:batch`: JSON Lines in → the lines of
/// `eval --jsonl` out, streamed (`?output=` as `--output`).
async fn batch(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    body: Body,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["as_of", "lang", "id_field", "output"])?;
    let options = target.options()?;
    let id_field = match target.query.get("id_field") {
        Some(name) if target.model().fact_id(name).is_some() => {
            return Err(ApiError::bad_query(
                target.lang,
                "id_field",
                "serve-id-field-fact",
                &[("key", name)],
            ));
        }
        Some(name) => Some(name.to_string()),
        None => target
            .model()
            .fact_id("id")
            .is_none()
            .then(|| "id".to_string()),
    };
    Ok(stream::batch(
        app.clone(),
        target.version,
        options,
        id_field,
        target.lang,
        body,
    ))
}

/// `POST /v1/rulebooks/{id}/explain`: one case → the JSON of `explain --format json`.
async fn explain(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    body: Body,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["as_of", "lang", "remedy"])?;
    let options = target.options()?;
    let remedy = remedy_asked(target.model(), &target.query, target.lang)?;
    let case = target.read_case(&app, body, false).await?;
    let Target { version, lang, .. } = target;
    let json = blocking(lang, move || {
        let explanation = crate::explain::explain(&version.graph, &case, &options, remedy);
        crate::report::explain::render_json(&explanation, lang)
    })
    .await?;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}

/// `POST /v1/rulebooks/{id}/ask`: a partial case → the next question, or
/// `{"done": true, …}`: the JSON of `ask --format json`.
async fn ask(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    body: Body,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["as_of", "lang", "skip"])?;
    let options = target.options()?;
    let skipped = skipped_facts(target.model(), &target.query, target.lang)?;
    let case = target.read_case(&app, body, true).await?;
    let Target { version, lang, .. } = target;
    let json = blocking(lang, move || {
        let mut interview = crate::ask::Interview::new(&version.graph, case, options);
        for f in skipped {
            interview.skip(f);
        }
        interview.next_json(lang)
    })
    .await?;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}

/// `GET /v1/rulebooks/{id}/facts`: `facts --format json` (or `jsonschema`).
async fn facts(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Answer {
    let target = Target::new(&app, id, &uri, &["format", "lang"])?;
    let json = facts_document(target.model(), &target.query, target.lang)?;
    Ok(json_response(StatusCode::OK, &json))
}

/// `?format=json|jsonschema` of a facts request: `facts --format json` or
/// the case schema (400 for another format).
pub(super) fn facts_document(
    model: &Model,
    query: &Query,
    lang: &str,
) -> Result<serde_json::Value, ApiError> {
    match query.get("format").unwrap_or("json") {
        "json" => Ok(crate::schema::facts_json(model)),
        "jsonschema" => Ok(crate::schema::case_schema(model)),
        other => Err(ApiError::bad_query(
            lang,
            "format",
            "serve-facts-format",
            &[("value", other)],
        )),
    }
}

/// `?skip=FACT` (repeatable) of an ask request: the facts to leave unknown
/// (400 for a name that is not a fact).
pub(super) fn skipped_facts(
    model: &Model,
    query: &Query,
    lang: &str,
) -> Result<Vec<FactId>, ApiError> {
    query
        .all("skip")
        .into_iter()
        .map(|name| {
            model.fact_id(name).ok_or_else(|| {
                ApiError::bad_query(lang, "skip", "serve-unknown-fact", &[("fact", name)])
            })
        })
        .collect()
}

/// `?remedy=` of an explain request: a remedy by its id or any of its
/// titles (400 listing the ids for another).
pub(super) fn remedy_asked(
    model: &Model,
    query: &Query,
    lang: &str,
) -> Result<Option<RemedyId>, ApiError> {
    let Some(name) = query.get("remedy") else {
        return Ok(None);
    };
    match model.remedy_named(name) {
        Some(i) => Ok(Some(i)),
        None => {
            let ids: Vec<&str> = model.remedies.iter().map(|r| r.id.as_str()).collect();
            Err(ApiError::bad_query(
                lang,
                "remedy",
                "serve-unknown-remedy",
                &[("remedy", name), ("ids", &ids.join(", "))],
            ))
        }
    }
}

/// The name a rulebook body has: `name`, else `rulebook.rules`.
pub(super) fn rulebook_name(query: &Query) -> String {
    query.get("name").unwrap_or("rulebook.rules").to_string()
}

/// The query and language of `check` and `fmt`, and the body.
async fn rulebook_body(
    app: &App,
    uri: &Uri,
    body: Body,
) -> Result<(String, String, Bytes), ApiError> {
    let query = Query::parse(uri.query(), &["name", "lang"], request_lang(uri))?;
    let lang = pick_lang(&query, None)?;
    let bytes = read_body(app, body, lang).await?;
    Ok((rulebook_name(&query), lang.to_string(), bytes))
}

/// `POST /v1/check`: rulebook text → the report of `check --format json`
/// (200 whatever it finds: the diagnostics are the answer), its words in
/// `lang` (default English).
async fn check(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Answer {
    let (name, lang, bytes) = rulebook_body(&app, &uri, body).await?;
    let limits = app.config.limits;
    let words = lang.clone();
    let report = blocking(&lang, move || {
        let diagnostics = match body_text(bytes, &name, "rulebook") {
            Ok(file) => crate::compile_with(&file, &limits).1,
            Err(d) => vec![d],
        };
        let diagnostics: Vec<_> = diagnostics.iter().map(|d| d.in_language(&words)).collect();
        crate::report::check_report(&[(name, diagnostics)])
    })
    .await?;
    Ok(json_response(StatusCode::OK, &report))
}

/// `POST /v1/fmt`: rulebook text → the text `fmt` writes; 422 with the
/// diagnostics when it does not parse.
async fn fmt(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Answer {
    let (name, lang, bytes) = rulebook_body(&app, &uri, body).await?;
    let formatted = blocking(&lang, move || match body_text(bytes, &name, "rulebook") {
        Ok(file) => crate::fmt::format(&file),
        Err(d) => Err(vec![d]),
    })
    .await?;
    match formatted {
        Ok(text) => Ok((
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            text,
        )
            .into_response()),
        Err(diagnostics) => Err(ApiError::invalid(
            "serve::invalid_rulebook",
            &lang,
            "serve-rulebook-invalid",
            &diagnostics,
        )),
    }
}

/// `GET /healthz`: the process answers.
async fn healthz() -> Response {
    json_response(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

/// `GET /readyz`: 200 while serving, 503 once shutting down.
async fn readyz(State(app): State<Arc<App>>, uri: Uri) -> Response {
    if app.ready.load(Ordering::SeqCst) {
        json_response(StatusCode::OK, &serde_json::json!({ "status": "ready" }))
    } else {
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "serve::not_ready",
            request_lang(&uri),
            "serve-shutting-down",
            &[],
        );
        e.retry_after = Some(1);
        e.into_response()
    }
}

/// `GET /metrics`: Prometheus text.
async fn metrics(State(app): State<Arc<App>>) -> Response {
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        app.metrics.render(),
    )
        .into_response()
}

async fn not_found(method: Method, uri: Uri) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "serve::not_found",
        request_lang(&uri),
        "serve-not-found",
        &[("method", method.as_str()), ("path", uri.path())],
    )
    .into_response()
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "serve::method_not_allowed",
        request_lang(&uri),
        "serve-method-not-allowed",
        &[("method", method.as_str()), ("path", uri.path())],
    )
    .into_response()
}
