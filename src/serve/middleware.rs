//! The server's own two layers: [`Observe`] counts every request in the
//! metrics (route, status, time to the response head, the codes of an error
//! answer); [`Bounded`] lets at most `max_concurrency` API requests be
//! answered at once and tells the next 503 at once.
//!
//! Input: a request on its way to a route. Output: the route's response
//! (for [`Bounded`], its body holding a permit until it has been sent), or
//! the 503. They are tower services written by hand rather than
//! `axum::middleware::from_fn` functions, which per request clone the inner
//! service, box it as `Next` and box two futures each: here each layer
//! boxes one future (the two layers: 6,211 → 3,251 instructions per
//! one-case eval, counted by callgrind).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower::{Layer, Service};

use super::error::{ApiError, ErrorCodes};
use super::routes::{App, request_lang};

/// What a layer's service answers with.
type Answer = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// Count every request in the metrics.
#[derive(Clone, Debug)]
pub struct ObserveLayer(pub Arc<App>);

impl<S> Layer<S> for ObserveLayer {
    type Service = Observe<S>;

    fn layer(&self, inner: S) -> Observe<S> {
        Observe {
            app: self.0.clone(),
            inner,
        }
    }
}

/// A route counted in the metrics ([`ObserveLayer`]).
#[derive(Clone, Debug)]
pub struct Observe<S> {
    app: Arc<App>,
    inner: S,
}

impl<S> Service<Request> for Observe<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Answer {
        let start = Instant::now();
        let route = request.extensions().get::<MatchedPath>().cloned();
        self.app.metrics.started();
        let answer = self.inner.call(request);
        let app = self.app.clone();
        Box::pin(async move {
            let response = answer.await?;
            let codes = response
                .extensions()
                .get::<ErrorCodes>()
                .map_or(&[][..], |c| c.0.as_slice());
            app.metrics.answered(
                route.as_ref().map_or("unmatched", MatchedPath::as_str),
                response.status().as_u16(),
                start.elapsed(),
                codes,
            );
            Ok(response)
        })
    }
}

/// At most `max_concurrency` API requests at once (a streamed batch counts
/// until its last line is sent); the next is told 503 at once.
#[derive(Clone, Debug)]
pub struct BoundedLayer(pub Arc<App>);

impl<S> Layer<S> for BoundedLayer {
    type Service = Bounded<S>;

    fn layer(&self, inner: S) -> Bounded<S> {
        Bounded {
            app: self.0.clone(),
            inner,
        }
    }
}

/// A route behind the concurrency limit ([`BoundedLayer`]).
#[derive(Clone, Debug)]
pub struct Bounded<S> {
    app: Arc<App>,
    inner: S,
}

impl<S> Service<Request> for Bounded<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Answer {
        let Ok(permit) = self.app.permits.clone().try_acquire_owned() else {
            let lang = request_lang(request.uri());
            let limit = self.app.config.max_concurrency.to_string();
            let mut e = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "serve::overloaded",
                lang,
                "serve-overloaded",
                &[("limit", &limit)],
            );
            e.retry_after = Some(1);
            return Box::pin(std::future::ready(Ok(e.into_response())));
        };
        let answer = self.inner.call(request);
        Box::pin(async move {
            let response = answer.await?;
            // the permit is released when the body has been sent (or dropped)
            Ok(response.map(|body| {
                Body::new(Held {
                    body,
                    _permit: permit,
                })
            }))
        })
    }
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
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}
