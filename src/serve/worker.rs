//! What a request reads cases and evaluates with: each worker thread keeps,
//! per rulebook version it has served, a case reader (its name tables) and
//! an evaluator (its memo and per-rule state), as `eval --jsonl` keeps one
//! per thread, so that a one-case request builds neither (building them was
//! a fifth of the server's work per request at 100 rules).
//!
//! Input: the version a request holds and the case's bytes. Output: the
//! case (or its diagnostics, the ones `eval` gives for a case file named
//! `<body>`), and the outcome as the bytes of `eval --format json`. A
//! thread keeps one entry per rulebook file: a request on a newer version
//! (after a `--watch` reload) replaces it, so an old version is freed once
//! each thread has served the new one.

use std::cell::RefCell;
use std::sync::Arc;

use super::routes::CASE_NAME;
use super::state::Version;
use crate::case::{Case, CaseReader, Format};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::{Evaluator, Options};
use crate::limits::Limits;

/// A case reader and an evaluator for one rulebook version.
#[derive(Debug)]
pub struct Worker<'g> {
    reader: CaseReader<'g>,
    evaluator: Evaluator<'g>,
}

self_cell::self_cell!(
    /// A worker with the version it reads from, kept by a thread.
    struct Kept {
        owner: Arc<Version>,
        #[covariant]
        dependent: Worker,
    }
);

thread_local! {
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// Run `work` with this thread's worker for `version` (made on first use,
/// with `limits` for reading cases). `work` must not call `with` again.
pub fn with<R>(
    version: &Arc<Version>,
    limits: Limits,
    work: impl FnOnce(&mut Worker<'_>) -> R,
) -> R {
    let made = |version: &Arc<Version>| {
        Kept::new(version.clone(), |v| Worker {
            reader: CaseReader::new(v.graph.model(), limits),
            evaluator: Evaluator::new(&v.graph),
        })
    };
    KEPT.with(|kept| {
        let Ok(mut kept) = kept.try_borrow_mut() else {
            // a nested call: a worker of its own (never happens: no handler nests)
            return made(version).with_dependent_mut(|_, w| work(w));
        };
        let serving = |k: &Kept| Arc::ptr_eq(k.borrow_owner(), version);
        if !kept.iter().any(serving) {
            // the same file's older version is replaced
            let name = version.file.name();
            kept.retain(|k| k.borrow_owner().file.name() != name);
            kept.push(made(version));
        }
        match kept.iter_mut().find(|k| serving(k)) {
            Some(k) => k.with_dependent_mut(|_, w| work(w)),
            None => made(version).with_dependent_mut(|_, w| work(w)),
        }
    })
}

impl Worker<'_> {
    /// Read a request body as a case (all white space: no facts, when
    /// `empty_ok`): the case, or the errors `eval` reports for it.
    pub fn read_case(&self, body: &[u8], empty_ok: bool) -> Result<Case, Vec<Diagnostic>> {
        let model = self.evaluator.graph().model();
        if empty_ok && body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Case::empty(model));
        }
        let text = std::str::from_utf8(body).map_err(|e| vec![not_utf8(CASE_NAME, "case", &e)])?;
        let (case, diagnostics) =
            self.reader
                .read_str(text, &|| CASE_NAME.to_string(), Format::Json);
        case.ok_or(diagnostics)
    }

    /// Evaluate a case: the outcome as `eval --format json` prints it (pretty
    /// JSON and a newline).
    pub fn eval_json(&mut self, case: &Case, options: &Options) -> Vec<u8> {
        let outcome = self.evaluator.evaluate(case, options);
        let mut out = Vec::with_capacity(8192);
        outcome.write_json_pretty(&mut out);
        out.push(b'\n');
        out
    }
}

/// The diagnostic the CLI gives for a file that is not UTF-8 (`what`: what
/// the body should be, for the help).
pub fn not_utf8(name: &str, what: &str, e: &std::str::Utf8Error) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        crate::text!(
            "diag-cli-not-utf8",
            name = name,
            offset = e.valid_up_to().to_string()
        ),
    )
    .help(if what == "case" {
        crate::text!("diag-cli-send-case-utf8")
    } else {
        crate::text!("diag-cli-send-rulebook-utf8")
    })
}
