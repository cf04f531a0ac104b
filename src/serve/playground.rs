//! The rulebook playground of `redress serve --playground` (issue 18): a page
//! at `/` for editing a rulebook and trying cases on it in the browser.
//!
//! Input: the edited rulebook text with each request (it is not a served
//! rulebook), and a case. Output: the page and its assets (built by
//! `editors/playground`, embedded in the binary: nothing comes from
//! elsewhere), the page's words from the catalogue's `## playground`
//! section, the source text of a served rulebook, and stateless endpoints
//! answering what `facts`, `ask`, `eval` and `explain` answer for the same
//! rulebook and case, through the same library functions as the served
//! routes (so byte for byte the CLI's JSON). Nothing here is mounted without
//! `--playground`.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::Config;
use super::error::ApiError;
use super::query::Query;
use super::routes::{
    App, CASE_NAME, Target, as_of, blocking, facts_document, invalid_case, json_response,
    pick_lang, read_body, remedy_asked, request_lang, rulebook_name, skipped_facts,
};
use crate::case::{self, Format};
use crate::graph::DecisionGraph;
use crate::report::i18n::{self, Words};
use crate::source::SourceFile;

/// The page, its script and its style sheet, as `editors/playground` builds
/// them (`npm run build`; CI rebuilds them from the lockfile and fails if
/// the bytes differ).
const PAGE: &str = include_str!("../../editors/playground/dist/index.html");
const SCRIPT: &str = include_str!("../../editors/playground/dist/playground.js");
const STYLE: &str = include_str!("../../editors/playground/dist/playground.css");

/// The catalogues, read for the ids of their `## playground` section.
const CATALOGUE_EN: &str = include_str!("../../locales/en.ftl");

/// The playground's routes when `config.playground`, else none.
pub fn router(config: &Config) -> Router<Arc<App>> {
    if !config.playground {
        return Router::new();
    }
    Router::new()
        .route("/", get(page))
        .route("/playground.js", get(script))
        .route("/playground.css", get(style))
        .route("/v1/playground/words", get(words))
        .route("/v1/rulebooks/{id}/source", get(source))
        .route("/v1/playground/facts", post(facts))
        .route("/v1/playground/remedies", post(remedies))
        .route("/v1/playground/ask", post(ask))
        .route("/v1/playground/eval", post(eval))
        .route("/v1/playground/explain", post(explain))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                // everything the page loads comes from this server
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
                ),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /`: the page.
async fn page() -> Response {
    asset("text/html; charset=utf-8", PAGE)
}

/// `GET /playground.js`: CodeMirror 6 and the page's code, one bundle.
async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /playground.css`.
async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

/// The message ids of the catalogue's `## playground` section, in order.
pub fn word_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    let mut inside = false;
    for line in CATALOGUE_EN.lines() {
        if let Some(section) = line.strip_prefix("## ") {
            inside = section.trim() == "playground";
            continue;
        }
        if !inside {
            continue;
        }
        if let Some((id, _)) = line.split_once(" = ") {
            let id = id.trim();
            if !id.is_empty() && !id.starts_with('#') && !id.starts_with(' ') {
                ids.push(id);
            }
        }
    }
    ids
}

/// The variables (`{ $name }`) a message of the English catalogue uses.
fn variables(id: &str) -> Vec<&'static str> {
    let Some(line) = CATALOGUE_EN
        .lines()
        .find(|l| l.split_once(" = ").is_some_and(|(i, _)| i.trim() == id))
    else {
        return Vec::new();
    };
    line.split("{ $")
        .skip(1)
        .filter_map(|rest| rest.split_once(' ').map(|(name, _)| name))
        .collect()
}

/// The page's words in every language: `{"en": {id: text}, "zh": {…}}`. A
/// message's variables are left as `{name}` for the page to fill in.
pub fn words_json() -> serde_json::Value {
    let ids = word_ids();
    let mut all = serde_json::Map::new();
    for lang in i18n::LANGUAGES {
        let words = Words::new(lang);
        let mut one = serde_json::Map::new();
        for id in &ids {
            let names = variables(id);
            let holes: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
            let args: Vec<(&str, &str)> = names
                .iter()
                .zip(&holes)
                .map(|(n, h)| (*n, h.as_str()))
                .collect();
            one.insert((*id).to_string(), words.text(id, &args).into());
        }
        all.insert((*lang).to_string(), serde_json::Value::Object(one));
    }
    serde_json::Value::Object(all)
}

/// `GET /v1/playground/words`: the page's words.
async fn words(uri: Uri) -> Result<Response, ApiError> {
    Query::parse(uri.query(), &[], request_lang(&uri))?;
    Ok(json_response(StatusCode::OK, &words_json()))
}

/// `GET /v1/rulebooks/{id}/source`: the text of the version serving (the
/// same 404 and 400 answers as every rulebook endpoint, [`Target`]).
async fn source(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let target = Target::new(&app, id, &uri, &["lang"])?;
    Ok((
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        target.version.file.text().to_string(),
    )
        .into_response())
}

/// A playground request: the rulebook text and the case (a JSON object, as
/// a case file; none: nothing known).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request<'a> {
    #[serde(borrow)]
    rulebook: &'a RawValue,
    #[serde(borrow, default)]
    case: Option<&'a RawValue>,
}

/// What a request's body gives: the compiled rulebook and the case text.
struct Parts {
    graph: DecisionGraph,
    case: Option<Arc<SourceFile>>,
}

/// Read and compile the body: a 400 when it is not `{"rulebook": "…",
/// "case": {…}}`, a 422 `serve::invalid_rulebook` with the diagnostics when
/// the rulebook has errors.
async fn parts(app: &Arc<App>, body: Body, query: &Query, lang: &str) -> Result<Parts, ApiError> {
    let bytes = read_body(app, body, lang).await?;
    let name = rulebook_name(query);
    let limits = app.config.limits;
    let lang2 = lang.to_string();
    blocking(lang, move || {
        let bad = || {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "serve::bad_request",
                &lang2,
                "playground-bad-body",
                &[],
            )
        };
        let request: Request<'_> = serde_json::from_slice(&bytes).map_err(|_| bad())?;
        let text: String = serde_json::from_str(request.rulebook.get()).map_err(|_| bad())?;
        let file = SourceFile::new(name, text);
        let (graph, diagnostics) = crate::compile_with(&file, &limits);
        let Some(graph) = graph else {
            return Err(ApiError::invalid(
                "serve::invalid_rulebook",
                &lang2,
                "serve-rulebook-invalid",
                &diagnostics,
            ));
        };
        let case = match request.case {
            None => None,
            Some(raw) if raw.get() == "null" => None,
            Some(raw) => Some(SourceFile::new(CASE_NAME, raw.get().to_string())),
        };
        Ok(Parts { graph, case })
    })
    .await?
}

/// The case of a request (none: nothing known), or a 422 with its
/// diagnostics, as the served routes read it.
fn read_case(
    graph: &DecisionGraph,
    file: Option<&Arc<SourceFile>>,
    limits: &crate::limits::Limits,
    lang: &str,
) -> Result<crate::case::Case, ApiError> {
    let model = graph.model();
    let Some(file) = file else {
        return Ok(crate::case::Case::empty(model));
    };
    let (case, diagnostics) = case::parse_case_with(model, file, Format::Json, limits);
    case.ok_or_else(|| invalid_case(lang, &diagnostics))
}

/// The query and language of a playground request (`lang`, else the
/// language of the rulebook is not known yet: English for early errors).
fn query(uri: &Uri, allowed: &[&str]) -> Result<(Query, String), ApiError> {
    let query = Query::parse(uri.query(), allowed, request_lang(uri))?;
    let lang = pick_lang(&query, None)?;
    Ok((query, lang.to_string()))
}

/// The language of the answer: `lang`, else the rulebook's first one.
fn answer_lang(query: &Query, graph: &DecisionGraph) -> Result<String, ApiError> {
    pick_lang(query, Some(graph.model())).map(str::to_string)
}

/// `POST /v1/playground/facts`: `facts --format json|jsonschema`.
async fn facts(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Result<Response, ApiError> {
    let (query, lang) = query(&uri, &["format", "lang", "name"])?;
    let parts = parts(&app, body, &query, &lang).await?;
    let lang = answer_lang(&query, &parts.graph)?;
    let json = facts_document(parts.graph.model(), &query, &lang)?;
    Ok(json_response(StatusCode::OK, &json))
}

/// The remedies of a rulebook, in declaration order: `{"remedies": [{"id",
/// "title": {lang: text}, "category"}]}` (the page's names for a remedy
/// that an outcome lists without its title, e.g. one set aside).
pub fn remedies_json(model: &crate::model::Model) -> serde_json::Value {
    let remedies: Vec<serde_json::Value> = model
        .remedies
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "title": crate::outcome::Titles(&r.titles),
                "category": r.category,
            })
        })
        .collect();
    serde_json::json!({ "remedies": remedies })
}

/// `POST /v1/playground/remedies`: the remedies of the rulebook sent.
async fn remedies(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Result<Response, ApiError> {
    let (query, lang) = query(&uri, &["lang", "name"])?;
    let parts = parts(&app, body, &query, &lang).await?;
    answer_lang(&query, &parts.graph)?;
    Ok(json_response(
        StatusCode::OK,
        &remedies_json(parts.graph.model()),
    ))
}

/// `POST /v1/playground/eval`: `eval --format json` (`?output=` as `--output`).
async fn eval(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Result<Response, ApiError> {
    let (query, lang) = query(&uri, &["as_of", "lang", "output", "name"])?;
    let parts = parts(&app, body, &query, &lang).await?;
    let lang = answer_lang(&query, &parts.graph)?;
    let options = as_of(&query, &lang)?;
    let limits = app.config.limits;
    let json = blocking(&lang.clone(), move || {
        let case = read_case(&parts.graph, parts.case.as_ref(), &limits, &lang)?;
        let outcome = crate::eval::evaluate(&parts.graph, &case, &options);
        Ok::<_, ApiError>(json_response(StatusCode::OK, &outcome))
    })
    .await??;
    app.metrics.evaluated(1);
    Ok(json)
}

/// `POST /v1/playground/explain`: `explain --format json` (`?remedy=`).
async fn explain(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Result<Response, ApiError> {
    let (query, lang) = query(&uri, &["as_of", "lang", "remedy", "name"])?;
    let parts = parts(&app, body, &query, &lang).await?;
    let lang = answer_lang(&query, &parts.graph)?;
    let options = as_of(&query, &lang)?;
    let remedy = remedy_asked(parts.graph.model(), &query, &lang)?;
    let limits = app.config.limits;
    let json = blocking(&lang.clone(), move || {
        let case = read_case(&parts.graph, parts.case.as_ref(), &limits, &lang)?;
        let explanation = crate::explain::explain(&parts.graph, &case, &options, remedy);
        Ok::<_, ApiError>(crate::report::explain::render_json(&explanation, &lang))
    })
    .await??;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}

/// `POST /v1/playground/ask`: `ask --format json`, the next question or
/// `{"done": true, …}` (`?skip=`).
async fn ask(State(app): State<Arc<App>>, uri: Uri, body: Body) -> Result<Response, ApiError> {
    let (query, lang) = query(&uri, &["as_of", "lang", "skip", "name"])?;
    let parts = parts(&app, body, &query, &lang).await?;
    let lang = answer_lang(&query, &parts.graph)?;
    let options = as_of(&query, &lang)?;
    let skipped = skipped_facts(parts.graph.model(), &query, &lang)?;
    let limits = app.config.limits;
    let json = blocking(&lang.clone(), move || {
        let case = read_case(&parts.graph, parts.case.as_ref(), &limits, &lang)?;
        let mut interview = crate::ask::Interview::new(&parts.graph, case, options);
        for f in skipped {
            interview.skip(f);
        }
        Ok::<_, ApiError>(interview.next_json(&lang))
    })
    .await??;
    app.metrics.evaluated(1);
    Ok(json_response(StatusCode::OK, &json))
}
