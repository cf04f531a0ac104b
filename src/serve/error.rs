//! Errors as JSON: `{"error": {"code", "message", "diagnostics": […]}}`,
//! the message in the request's language (the catalogue's `## serve`
//! section), the diagnostics in the JSON view of `check --format json`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::report::i18n::Words;
use crate::report::{JsonDiagnostic, json_diagnostic};

/// An answer other than success.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable code: `serve::…` for the server's own errors.
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
    /// The diagnostics of the case or rulebook at fault (with their
    /// `redress::…` codes), for a 422.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// For 503: seconds after which to try again.
    pub retry_after: Option<u32>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
    diagnostics: &'a [JsonDiagnostic],
}

impl ApiError {
    /// An error with a message from the catalogue.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        lang: &str,
        message_id: &str,
        args: &[(&str, &str)],
    ) -> ApiError {
        ApiError {
            status,
            code,
            message: Words::new(lang).text(message_id, args),
            diagnostics: Vec::new(),
            retry_after: None,
        }
    }

    /// 400: a query parameter that cannot be used.
    pub fn bad_query(lang: &str, param: &str, why_id: &str, args: &[(&str, &str)]) -> ApiError {
        let mut all = vec![("param", param)];
        all.extend_from_slice(args);
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "serve::bad_request",
            lang,
            why_id,
            &all,
        )
    }

    /// 422: a case or rulebook with errors, carrying its diagnostics (their
    /// words in `lang`, as the message's).
    pub fn invalid(
        code: &'static str,
        lang: &str,
        message_id: &str,
        diagnostics: &[Diagnostic],
    ) -> ApiError {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
            lang,
            message_id,
            &[],
        );
        e.diagnostics = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| json_diagnostic(&d.in_language(lang)))
            .collect();
        e
    }

    /// The body, as written (pretty JSON and a newline, as the CLI prints).
    pub fn body(&self) -> String {
        let body = Body {
            error: Inner {
                code: self.code,
                message: &self.message,
                diagnostics: &self.diagnostics,
            },
        };
        let mut s = serde_json::to_string_pretty(&body).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The codes an error counts under in the metrics: its own and those of
/// its diagnostics.
#[derive(Clone, Debug, Default)]
pub struct ErrorCodes(pub Vec<String>);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut codes = vec![self.code.to_string()];
        codes.extend(self.diagnostics.iter().map(|d| d.code.clone()));
        let mut response = (
            self.status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            self.body(),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response.extensions_mut().insert(ErrorCodes(codes));
        response
    }
}
