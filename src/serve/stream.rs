//! `POST /v1/rulebooks/{id}/eval:batch`: JSON Lines in, the lines of
//! `eval --jsonl` out, as they are evaluated. A task reads the body (each
//! piece within the timeout) into a bounded channel; a blocking thread
//! reads lines from it with `eval --jsonl`'s own reader
//! ([`crate::batch::read_line`], a line capped at `case_bytes`), evaluates
//! them with one [`LineEvaluator`], and sends the output on, flushing
//! whenever it has caught up with the input. Memory stays bounded by the
//! channels, whatever the size of the batch. When the body fails (the
//! client went away, or a piece did not arrive in time), the response ends
//! after the last complete line.

use std::io::{self, Read};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;
use tokio::sync::mpsc;

use super::App;
use super::state::Version;
use crate::batch::{Line, LineEvaluator, read_line};
use crate::eval::Options;

/// Output is sent on once this much has gathered.
const SEND_BYTES: usize = 64 << 10;
/// Pieces of input or output waiting in a channel.
const IN_FLIGHT: usize = 8;

/// Start the batch and answer with its stream.
pub fn batch(
    app: Arc<App>,
    version: Arc<Version>,
    options: Options,
    id_field: Option<String>,
    lang: &'static str,
    body: Body,
) -> Response {
    let (in_tx, in_rx) = mpsc::channel::<io::Result<Bytes>>(IN_FLIGHT);
    let (out_tx, out_rx) = mpsc::channel::<Bytes>(IN_FLIGHT);
    let timeout = app.config.timeout;
    tokio::spawn(async move {
        let mut pieces = body.into_data_stream();
        loop {
            let piece = match tokio::time::timeout(timeout, pieces.next()).await {
                Ok(Some(Ok(bytes))) => Ok(bytes),
                Ok(None) => break,
                Ok(Some(Err(e))) => Err(io::Error::other(e)),
                Err(_) => Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the next piece of the body did not arrive in time",
                )),
            };
            let failed = piece.is_err();
            if in_tx.send(piece).await.is_err() || failed {
                break;
            }
        }
    });
    let limits = app.config.limits;
    tokio::task::spawn_blocking(move || {
        let mut input = io::BufReader::with_capacity(
            SEND_BYTES,
            ChannelReader {
                rx: in_rx,
                piece: Bytes::new(),
            },
        );
        let mut evaluator = LineEvaluator::new(&version.graph, options, limits)
            .with_id_field(id_field)
            .with_lang(lang);
        let max_line = limits.case_bytes;
        let mut line = Vec::new();
        let mut out = Vec::with_capacity(SEND_BYTES * 2);
        let mut number = 0;
        loop {
            line.clear();
            let kept = match read_line(&mut input, &mut line, max_line) {
                Ok(Line::End) => break,
                Ok(Line::Kept) => Some(line.as_slice()),
                Ok(Line::TooLong) => None,
                Err(e) => {
                    tracing::info!(error = %e, lines = number, "batch input ended early");
                    break;
                }
            };
            number += 1;
            evaluator
                .evaluate_bytes(kept, number, max_line)
                .write_json(&mut out);
            // send when enough has gathered, or when the input read so far is
            // used up (the client may be waiting for these lines)
            if out.len() >= SEND_BYTES || input.buffer().is_empty() {
                let full = std::mem::replace(&mut out, Vec::with_capacity(SEND_BYTES * 2));
                if out_tx.blocking_send(Bytes::from(full)).is_err() {
                    break;
                }
            }
        }
        if !out.is_empty() {
            let _ = out_tx.blocking_send(Bytes::from(out));
        }
        app.metrics
            .evaluated(u64::try_from(number).unwrap_or(u64::MAX));
    });
    let mut out_rx = out_rx;
    // (polled again after its end, it ends again: compression does that)
    let stream = futures_util::stream::poll_fn(move |cx| {
        out_rx
            .poll_recv(cx)
            .map(|piece| piece.map(Ok::<Bytes, std::convert::Infallible>))
    });
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-ndjson"),
        )],
        Body::from_stream(stream),
    )
        .into_response()
}

/// The body's pieces as a `Read`, for the blocking thread.
struct ChannelReader {
    rx: mpsc::Receiver<io::Result<Bytes>>,
    piece: Bytes,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.piece.is_empty() {
            match self.rx.blocking_recv() {
                Some(Ok(piece)) => self.piece = piece,
                Some(Err(e)) => return Err(e),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.piece.len());
        let head = self.piece.split_to(n);
        buf.get_mut(..n)
            .ok_or_else(|| io::Error::other("short buffer"))?
            .copy_from_slice(&head);
        Ok(n)
    }
}
