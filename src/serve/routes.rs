//! The router and its handlers. Every handler answers what the CLI prints
//! for the same input, through the same library functions; a case or
//! rulebook with errors is a 422 carrying its diagnostics.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt as _;
use tokio::sync::Semaphore;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use super::error::{ApiError, ErrorCodes};
use super::metrics::Metrics;
use super::query::Query;
use super::state::{Registry, Version};
use super::{Config, stream};
use crate::case::{self, Case, Format};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Options;
use crate::model::Model;
use crate::outcome::{RulebookInfo, Titles};
use crate::report::i18n;
use crate::report::json_diagnostic;
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
    permits: Arc<Semaphore>,
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
        .route_layer(middleware::from_fn_with_state(app.clone(), bounded))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(app.clone(), observe))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(app)
}

type Answer = Result<Response, ApiError>;

/// Count every request: route, status, time to the response head, and the
/// codes of an error answer.
async fn observe(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    app.metrics.started();
    let response = next.run(request).await;
    let codes = response
        .extensions()
        .get::<ErrorCodes>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    app.metrics
        .answered(&route, response.status().as_u16(), start.elapsed(), &codes);
    response
}

/// At most `max_concurrency` API requests at once (a streamed batch counts
/// until its last line is sent); the next is told 503 at once.
async fn bounded(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let Ok(permit) = app.permits.clone().try_acquire_owned() else {
        let lang = request_lang(request.uri());
        let limit = app.config.max_concurrency.to_string();
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "serve::overloaded",
            &lang,
            "serve-overloaded",
            &[("limit", &limit)],
        );
        e.retry_after = Some(1);
        return e.into_response();
    };
    let response = next.run(request).await;
    // the permit is released when the body has been sent (or dropped)
    response.map(|body| {
        Body::new(Held {
            body,
            _permit: permit,
        })
    })
}

/// A response body holding a permit of the concurrency limit until it is
/// dropped; its size is the body's (so a length stays a `Content-Length`).
struct Held {
    body: Body,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl axum::body::HttpBody for Held {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        std::pin::Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

/// The `lang` of a query for an error message, when usable; else English.
pub(super) fn request_lang(uri: &Uri) -> String {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .filter(|l| i18n::is_available(l))
        .unwrap_or("en")
        .to_string()
}

/// The language asked (`lang`), else the rulebook's first the catalogue
/// has, else English; an unknown one is a 400.
pub(super) fn pick_lang(query: &Query, model: Option<&Model>) -> Result<String, ApiError> {
    match query.get("lang") {
        Some(lang) if i18n::is_available(lang) => Ok(lang.to_string()),
        Some(lang) => Err(ApiError::bad_query(
            "en",
            "lang",
            "serve-unknown-lang",
            &[("lang", lang), ("langs", &i18n::LANGUAGES.join(", "))],
        )),
        None => Ok(model
            .and_then(|m| {
                m.header
                    .languages
                    .iter()
                    .find(|l| i18n::is_available(l))
                    .cloned()
            })
            .unwrap_or_else(|| "en".to_string())),
    }
}

/// The rulebook of the path, its query (only `allowed` keys) and the language.
fn prepare(
    app: &App,
    id: &str,
    uri: &Uri,
    allowed: &[&str],
) -> Result<(Arc<Version>, Query, String), ApiError> {
    let early = request_lang(uri);
    let query = Query::parse(uri.query(), allowed, &early)?;
    let Some(slot) = app.registry.get(id) else {
        let lang = pick_lang(&query, None)?;
        let ids = app.registry.ids().join(", ");
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "serve::unknown_rulebook",
            &lang,
            "serve-unknown-rulebook",
            &[("id", id), ("ids", &ids)],
        ));
    };
    let version = slot.current();
    let lang = pick_lang(&query, Some(version.graph.model()))?;
    Ok((version, query, lang))
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

/// Read the whole body: at most `max_body` bytes (413), arriving within
/// the timeout (408).
pub(super) async fn read_body(
    app: &App,
    headers: &HeaderMap,
    body: Body,
    lang: &str,
) -> Result<Bytes, ApiError> {
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
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > u64::try_from(max).unwrap_or(u64::MAX)) {
        return Err(too_large());
    }
    let limited = http_body_util::Limited::new(body, max);
    match tokio::time::timeout(app.config.timeout, limited.collect()).await {
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
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => Err(Diagnostic::error(
            Code::Io,
            format!(
                "`{name}` is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .help(format!("send the {what} as UTF-8"))),
    }
}

/// The name a case body has in diagnostics.
pub(super) const CASE_NAME: &str = "<body>";

/// Read the body as a case (empty: no facts, when `empty_ok`).
async fn read_case(
    app: &App,
    version: &Version,
    headers: &HeaderMap,
    body: Body,
    lang: &str,
    empty_ok: bool,
) -> Result<Case, ApiError> {
    let bytes = read_body(app, headers, body, lang).await?;
    let model = version.graph.model();
    if empty_ok && bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Case::empty(model));
    }
    let file = body_text(bytes, CASE_NAME, "case")
        .map_err(|d| ApiError::invalid("serve::invalid_case", lang, "serve-case-invalid", &[d]))?;
    let (case, diagnostics) = case::parse_case_with(model, &file, Format::Json, &app.config.limits);
    case.ok_or_else(|| {
        ApiError::invalid(
            "serve::invalid_case",
            lang,
            "serve-case-invalid",
            &diagnostics,
        )
    })
}

pub(super) fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
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

/// `GET /v1/rulebooks`: every rulebook, in the order given.
async fn list(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let query = Query::parse(uri.query(), &["lang"], &request_lang(&uri))?;
    pick_lang(&query, None)?;
    let versions: Vec<_> = app
        .registry
        .slots()
        .iter()
        .map(|s| (s, s.current()))
        .collect();
    let rulebooks: Vec<serde_json::Value> = versions
        .iter()
        .map(|(slot, v)| {
            serde_json::json!({
                "id": slot.id,
                "file": slot.path,
                "rulebook": rulebook_info(v.graph.model()),
                "generation": v.generation,
                "reload_failed": slot.failure().is_some(),
            })
        })
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &serde_json::json!({ "rulebooks": rulebooks }),
    ))
}

/// `GET /v1/rulebooks/{id}`: the version serving, its warnings, and the
/// diagnostics of a reload that failed.
async fn status(State(app): State<Arc<App>>, Path(id): Path<String>, uri: Uri) -> Answer {
    let (version, _, _) = prepare(&app, &id, &uri, &["lang"])?;
    let slot = app.registry.get(&id);
    let failure = slot.and_then(|s| s.failure()).map(|f| {
        serde_json::json!({
            "diagnostics": f.diagnostics.iter().map(json_diagnostic).collect::<Vec<_>>(),
        })
    });
    let doc = serde_json::json!({
        "id": id,
        "file": slot.map(|s| s.path.as_str()),
        "rulebook": rulebook_info(version.graph.model()),
        "generation": version.generation,
        "diagnostics": version.diagnostics.iter().map(json_diagnostic).collect::<Vec<_>>(),
        "failed_reload": failure,
    });
    Ok(json_response(StatusCode::OK, &doc))
}

/// `POST /v1/rulebooks/{id}/eval`: one case → the JSON of `eval --format json`
/// (`?output=` as `--output`).
async fn eval(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Answer {
    let (version, query, lang) = prepare(&app, &id, &uri, &["as_of", "lang", "output"])?;
    let options = as_of(&query, &lang)?;
    let case = read_case(&app, &version, &headers, body, &lang, false).await?;
    let outcome = crate::eval::evaluate(&version.graph, &case, &options);
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &outcome))
}

/// `POST /v1/rulebooks/{id}/eval:batch`: JSON Lines in → the lines of
/// `eval --jsonl` out, streamed (`?output=` as `--output`).
async fn batch(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    uri: Uri,
    body: Body,
) -> Answer {
    let (version, query, lang) =
        prepare(&app, &id, &uri, &["as_of", "lang", "id_field", "output"])?;
    let options = as_of(&query, &lang)?;
    let model = version.graph.model();
    let id_field = match query.get("id_field") {
        Some(name) if model.fact_id(name).is_some() => {
            return Err(ApiError::bad_query(
                &lang,
                "id_field",
                "serve-id-field-fact",
                &[("key", name)],
            ));
        }
        Some(name) => Some(name.to_string()),
        None => model.fact_id("id").is_none().then(|| "id".to_string()),
    };
    Ok(stream::batch(app.clone(), version, options, id_field, body))
}

/// `POST /v1/rulebooks/{id}/explain`: one case → the JSON of `explain --format json`.
async fn explain(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Answer {
    let (version, query, lang) = prepare(&app, &id, &uri, &["as_of", "lang", "remedy"])?;
    let options = as_of(&query, &lang)?;
    let model = version.graph.model();
    let remedy = match query.get("remedy") {
        None => None,
        Some(name) => match model.remedy_named(name) {
            Some(i) => Some(i),
            None => {
                let ids: Vec<&str> = model.remedies.iter().map(|r| r.id.as_str()).collect();
                return Err(ApiError::bad_query(
                    &lang,
                    "remedy",
                    "serve-unknown-remedy",
                    &[("remedy", name), ("ids", &ids.join(", "))],
                ));
            }
        },
    };
    let case = read_case(&app, &version, &headers, body, &lang, false).await?;
    let lang2 = lang.clone();
    let json = blocking(&lang, move || {
        let explanation = crate::explain::explain(&version.graph, &case, &options, remedy);
        crate::report::explain::render_json(&explanation, &lang2)
    })
    .await?;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}

/// `POST /v1/rulebooks/{id}/ask`: a partial case → the next question, or
/// `{"done": true, …}`: the JSON of `ask --format json`.
async fn ask(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Answer {
    let (version, query, lang) = prepare(&app, &id, &uri, &["as_of", "lang", "skip"])?;
    let options = as_of(&query, &lang)?;
    let model = version.graph.model();
    let mut skipped = Vec::new();
    for name in query.all("skip") {
        match model.fact_id(name) {
            Some(f) => skipped.push(f),
            None => {
                return Err(ApiError::bad_query(
                    &lang,
                    "skip",
                    "serve-unknown-fact",
                    &[("fact", name)],
                ));
            }
        }
    }
    let case = read_case(&app, &version, &headers, body, &lang, true).await?;
    let lang2 = lang.clone();
    let json = blocking(&lang, move || {
        let mut interview = crate::ask::Interview::new(&version.graph, case, options);
        for f in skipped {
            interview.skip(f);
        }
        interview.next_json(&lang2)
    })
    .await?;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}

/// `GET /v1/rulebooks/{id}/facts`: `facts --format json` (or `jsonschema`).
async fn facts(State(app): State<Arc<App>>, Path(id): Path<String>, uri: Uri) -> Answer {
    let (version, query, lang) = prepare(&app, &id, &uri, &["format", "lang"])?;
    let model = version.graph.model();
    let json = match query.get("format").unwrap_or("json") {
        "json" => crate::schema::facts_json(model),
        "jsonschema" => crate::schema::case_schema(model),
        other => {
            return Err(ApiError::bad_query(
                &lang,
                "format",
                "serve-facts-format",
                &[("value", other)],
            ));
        }
    };
    Ok(json_response(StatusCode::OK, &json))
}

/// The name a rulebook body has: `name`, else `rulebook.rules`.
pub(super) fn rulebook_name(query: &Query) -> String {
    query.get("name").unwrap_or("rulebook.rules").to_string()
}

/// `POST /v1/check`: rulebook text → the report of `check --format json`
/// (200 whatever it finds: the diagnostics are the answer).
async fn check(State(app): State<Arc<App>>, uri: Uri, headers: HeaderMap, body: Body) -> Answer {
    let query = Query::parse(uri.query(), &["name", "lang"], &request_lang(&uri))?;
    let lang = pick_lang(&query, None)?;
    let name = rulebook_name(&query);
    let bytes = read_body(&app, &headers, body, &lang).await?;
    let limits = app.config.limits;
    let report = blocking(&lang, move || {
        let diagnostics = match body_text(bytes, &name, "rulebook") {
            Ok(file) => crate::compile_with(&file, &limits).1,
            Err(d) => vec![d],
        };
        crate::report::check_report(&[(name, diagnostics)])
    })
    .await?;
    Ok(json_response(StatusCode::OK, &report))
}

/// `POST /v1/fmt`: rulebook text → the text `fmt` writes; 422 with the
/// diagnostics when it does not parse.
async fn fmt(State(app): State<Arc<App>>, uri: Uri, headers: HeaderMap, body: Body) -> Answer {
    let query = Query::parse(uri.query(), &["name", "lang"], &request_lang(&uri))?;
    let lang = pick_lang(&query, None)?;
    let name = rulebook_name(&query);
    let bytes = read_body(&app, &headers, body, &lang).await?;
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
            &request_lang(&uri),
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
        &request_lang(&uri),
        "serve-not-found",
        &[("method", method.as_str()), ("path", uri.path())],
    )
    .into_response()
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "serve::method_not_allowed",
        &request_lang(&uri),
        "serve-method-not-allowed",
        &[("method", method.as_str()), ("path", uri.path())],
    )
    .into_response()
}
