//! `redress` for Python: a rulebook compiled once, cases evaluated from
//! dicts or JSON lines, the results as the JSON the CLI prints.
//!
//! Input: rulebook text (a file or a string) and cases (dicts, or JSON
//! texts). Output: Python objects equal to what `redress eval --format json`,
//! `eval --jsonl`, `facts --format json` and `ask --format json` print. Every
//! result is built by the library's own serialisers and read by Python's
//! `json` module, so the two can never differ. `eval_many` evaluates on
//! worker threads (each with the library's [`LineEvaluator`]) while Python
//! runs on, and yields the results in input order.

use std::collections::{BTreeMap, VecDeque};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::civil::Date;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyString};

use redress::ask::Interview;
use redress::batch::LineEvaluator;
use redress::case::{self, Case, Format};
use redress::diagnostic::{Code, Diagnostic};
use redress::eval::{Evaluator, Options};
use redress::graph::DecisionGraph;
use redress::limits::Limits;
use redress::outcome::Detail;
use redress::report::i18n;
use redress::source::SourceFile;

create_exception!(
    redress,
    RulebookError,
    PyValueError,
    "The rulebook has errors. `diagnostics` holds every error and warning (dicts with code, severity, message, \
     file, line, column, end_line, end_column, help); str() is the report `redress check` prints."
);
create_exception!(
    redress,
    CaseError,
    PyValueError,
    "The case cannot be evaluated (unknown facts, values of the wrong type, not JSON). `diagnostics` holds every \
     error, as for RulebookError."
);

/// Cases read from the iterable at once and handed to one worker.
const LINES_PER_CHUNK: usize = 256;
/// Chunks per worker that may be evaluated or waiting to be yielded.
const CHUNKS_PER_JOB: usize = 4;

/// A compiled rulebook: check once, evaluate many cases, on any thread.
#[pyclass(module = "redress", frozen)]
struct Rulebook {
    graph: Arc<DecisionGraph>,
    id: String,
    warnings: Vec<Diagnostic>,
}

#[pymethods]
impl Rulebook {
    /// Read, check and compile the rulebook at `path`. Raises RulebookError
    /// (with every diagnostic) when it has errors, OSError when it cannot
    /// be read. `lang` is the language of the diagnostics' words (the
    /// error's and `warnings`'), checked as the CLI's `--lang` is; English
    /// when not given (the process's locale is not read).
    #[staticmethod]
    #[pyo3(signature = (path, lang = None))]
    fn from_file(
        py: Python<'_>,
        path: std::path::PathBuf,
        lang: Option<&str>,
    ) -> PyResult<Rulebook> {
        let lang = diagnostic_language(lang)?;
        let bytes = py.detach(|| std::fs::read(&path))?;
        let name = path.to_string_lossy().into_owned();
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let d = Diagnostic::error(
                    Code::Io,
                    redress::text!("diag-cli-not-utf8", name = &name, offset = at.to_string()),
                )
                .help(redress::text!("diag-cli-save-utf8"))
                .in_language(lang);
                return Err(errors(py, RulebookErrorKind::Rulebook, &[d], lang));
            }
        };
        let id = path
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        compile(py, SourceFile::new(name, text), id, lang)
    }

    /// Check and compile rulebook text; `name` names it in diagnostics and
    /// is its `id`. Raises RulebookError when it has errors. `lang` as for
    /// `from_file`.
    #[staticmethod]
    #[pyo3(signature = (text, name = "rulebook".to_string(), lang = None))]
    fn from_text(
        py: Python<'_>,
        text: String,
        name: String,
        lang: Option<&str>,
    ) -> PyResult<Rulebook> {
        let lang = diagnostic_language(lang)?;
        let id = std::path::Path::new(&name)
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        compile(py, SourceFile::new(name, text), id, lang)
    }

    /// The rulebook's id: its file name without the extension (`from_file`),
    /// or the `name` given to `from_text`.
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }

    /// The rulebook's titles, language → title.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let titles = PyDict::new(py);
        for (lang, text) in &self.graph.model().header.titles {
            titles.set_item(lang, text)?;
        }
        Ok(titles)
    }

    /// The rulebook's version, as written in its header.
    #[getter]
    fn version(&self) -> &str {
        &self.graph.model().header.version
    }

    /// The rulebook's jurisdiction, as written in its header.
    #[getter]
    fn jurisdiction(&self) -> &str {
        &self.graph.model().header.jurisdiction
    }

    /// The warnings found when checking it (dicts, as in RulebookError).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        diagnostics_list(py, &self.warnings)
    }

    /// Evaluate one case (a dict, or JSON text): the outcome as
    /// `redress eval --format json` prints it. `as_of` (a date or
    /// `YYYY-MM-DD`) judges the case on that date; `lang` is checked as the
    /// CLI's `--lang` is (the outcome holds every language's titles);
    /// `output` is `"full"` (the default), `"summary"` or `"ids"`, the
    /// record `eval --output` writes at that level. Raises CaseError when the
    /// case cannot be evaluated.
    #[pyo3(signature = (case, as_of = None, lang = None, *, output = "full"))]
    fn eval<'py>(
        &self,
        py: Python<'py>,
        case: &Bound<'py, PyAny>,
        as_of: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        output: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = options(as_of, output)?;
        let lang = language(self, lang)?;
        let text = case_text(case)?;
        let graph = &*self.graph;
        let result = py.detach(|| -> Result<_, Vec<Diagnostic>> {
            let (case, _warnings) = read_case(graph, text)?;
            let outcome = Evaluator::new(graph).evaluate(&case, &options);
            Ok(serde_json::to_string(&outcome))
        });
        match result {
            Ok(json) => loads(
                py,
                &json.map_err(|e| PyRuntimeError::new_err(e.to_string()))?,
            ),
            Err(diagnostics) => {
                let diagnostics: Vec<Diagnostic> =
                    diagnostics.iter().map(|d| d.in_language(&lang)).collect();
                Err(errors(py, RulebookErrorKind::Case, &diagnostics, &lang))
            }
        }
    }

    /// Evaluate many cases on all cores (`jobs` threads), without holding
    /// the GIL: an iterator over the results, in input order, one per case,
    /// as the lines of `redress eval --jsonl` (an outcome, or a record
    /// `{"line": N, "errors": […]}` for a case that cannot be evaluated;
    /// lines count from `first_line`). `cases` is any iterable of dicts,
    /// JSON texts or bytes (a file opened for reading is one). A case's
    /// top-level `id_field` key (default `id`, unless a fact has that name)
    /// is its id, copied first into its result. `as_json=True` yields each
    /// result as its JSON text, byte for byte the line `eval --jsonl` writes.
    /// `output` (`"full"`, `"summary"` or `"ids"`) is `eval --output`: below
    /// `full` the evaluator builds only what that level's record holds.
    /// `lang` is the language of the error records' messages (checked as
    /// the CLI's `--lang` is; else the rulebook's first language, as
    /// `eval --jsonl` does).
    #[pyo3(signature = (cases, as_of = None, jobs = None, *, id_field = None, as_json = false, first_line = 1, output = "full", lang = None))]
    #[allow(clippy::too_many_arguments)]
    fn eval_many<'py>(
        &self,
        py: Python<'py>,
        cases: &Bound<'py, PyAny>,
        as_of: Option<&Bound<'py, PyAny>>,
        jobs: Option<usize>,
        id_field: Option<String>,
        as_json: bool,
        first_line: usize,
        output: &str,
        lang: Option<&str>,
    ) -> PyResult<Outcomes> {
        let options = options(as_of, output)?;
        let lang = i18n::Words::new(&language(self, lang)?).lang();
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let jobs = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => n.min(cores),
            None => cores,
        };
        let model = self.graph.model();
        let id_field = match id_field {
            Some(name) if model.fact_id(&name).is_some() => {
                return Err(PyValueError::new_err(format!(
                    "id_field `{name}` names a fact of the rulebook; choose a key that is not a fact"
                )));
            }
            Some(name) => Some(name),
            None => model.fact_id("id").is_none().then(|| "id".to_string()),
        };
        if cases.is_instance_of::<PyString>()
            || cases.is_instance_of::<PyBytes>()
            || cases.is_instance_of::<PyDict>()
        {
            return Err(PyTypeError::new_err(
                "eval_many takes an iterable of cases (dicts or JSON lines), not one case or one text: \
                 for one case use eval(); for the text of a JSON Lines file, pass text.splitlines()",
            ));
        }
        let input = PyIterator::from_object(cases)?.unbind();
        Outcomes::start(
            py,
            Arc::clone(&self.graph),
            input,
            options,
            jobs,
            id_field,
            lang,
            as_json,
            first_line,
        )
    }

    /// The facts the rulebook asks for, as `redress facts --format json`
    /// prints them (types, questions, labels, allowed values).
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = redress::schema::facts_json(self.graph.model());
        loads(py, &json.to_string())
    }

    /// A JSON Schema (2020-12) of a valid case, as `redress facts --format
    /// jsonschema` prints it.
    fn case_schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = redress::schema::case_schema(self.graph.model());
        loads(py, &json.to_string())
    }

    /// The next question to ask about a partial case (a dict, JSON text, or
    /// None for nothing known yet), as `redress ask --format json` prints
    /// it; when no answer can change the outcome any more,
    /// `{"done": True, "asked": [], "case": …, "outcome": …}`. `skip` names
    /// facts the person chose to leave unknown; `lang` is the language of
    /// `question` and `label` (default: the rulebook's first).
    #[pyo3(signature = (case = None, as_of = None, lang = None, skip = Vec::new()))]
    fn next_question<'py>(
        &self,
        py: Python<'py>,
        case: Option<&Bound<'py, PyAny>>,
        as_of: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        skip: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = options(as_of, "full")?;
        let lang = language(self, lang)?;
        let graph = &*self.graph;
        let model = graph.model();
        let mut skipped = Vec::new();
        for name in &skip {
            match model.fact_id(name) {
                Some(f) => skipped.push(f),
                None => {
                    return Err(PyValueError::new_err(format!(
                        "skip: the rulebook has no fact `{name}`"
                    )));
                }
            }
        }
        let start = match case {
            Some(c) if !c.is_none() => {
                let text = case_text(c)?;
                match py.detach(|| read_case(graph, text)) {
                    Ok((case, _)) => case,
                    Err(d) => {
                        let d: Vec<Diagnostic> = d.iter().map(|d| d.in_language(&lang)).collect();
                        return Err(errors(py, RulebookErrorKind::Case, &d, &lang));
                    }
                }
            }
            _ => Case::empty(model),
        };
        let json = py.detach(|| {
            let mut interview = Interview::new(graph, start, options);
            for f in skipped {
                interview.skip(f);
            }
            interview.next_json(&lang).to_string()
        });
        loads(py, &json)
    }

    fn __repr__(&self) -> String {
        format!(
            "<redress.Rulebook {:?} version {:?}>",
            self.id,
            self.graph.model().header.version
        )
    }
}

/// Which exception a list of diagnostics becomes.
#[derive(Clone, Copy)]
enum RulebookErrorKind {
    Rulebook,
    Case,
}

fn compile(
    py: Python<'_>,
    file: Arc<SourceFile>,
    id: String,
    lang: &'static str,
) -> PyResult<Rulebook> {
    let (graph, diagnostics) = py.detach(|| redress::compile(&file));
    let diagnostics: Vec<Diagnostic> = if lang == "en" {
        diagnostics
    } else {
        diagnostics.iter().map(|d| d.in_language(lang)).collect()
    };
    match graph {
        Some(graph) => Ok(Rulebook {
            graph: Arc::new(graph),
            id,
            warnings: diagnostics,
        }),
        None => Err(errors(py, RulebookErrorKind::Rulebook, &diagnostics, lang)),
    }
}

/// Read a case's JSON text; `Err` holds its errors.
fn read_case(
    graph: &DecisionGraph,
    text: String,
) -> Result<(Case, Vec<Diagnostic>), Vec<Diagnostic>> {
    let file = SourceFile::new("case", text);
    let (case, diagnostics) =
        case::parse_case_with(graph.model(), &file, Format::Json, &Limits::DEFAULT);
    match case {
        Some(case) => Ok((case, diagnostics)),
        None => Err(diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect()),
    }
}

/// The exception for diagnostics: its message is the report `redress check`
/// prints; `diagnostics` the list of dicts.
/// The exception for `diagnostics` (already in `lang`): the report as
/// `redress check` prints it in that language, and every diagnostic.
fn errors(
    py: Python<'_>,
    kind: RulebookErrorKind,
    diagnostics: &[Diagnostic],
    lang: &str,
) -> PyErr {
    let report = redress::report::render_diagnostics_in(
        diagnostics,
        redress::report::Style::default(),
        lang,
    );
    let err = match kind {
        RulebookErrorKind::Rulebook => RulebookError::new_err(report),
        RulebookErrorKind::Case => CaseError::new_err(report),
    };
    match diagnostics_list(py, diagnostics) {
        Ok(list) => match err.value(py).setattr("diagnostics", list) {
            Ok(()) => err,
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// Diagnostics as dicts: code, severity, message, file, line, column,
/// end_line, end_column (1-based, in characters; None without a position)
/// and help.
fn diagnostics_list<'py>(
    py: Python<'py>,
    diagnostics: &[Diagnostic],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for d in diagnostics {
        let j = redress::report::json_diagnostic(d);
        let item = PyDict::new(py);
        item.set_item("code", j.code)?;
        item.set_item("severity", j.severity)?;
        item.set_item("message", j.message)?;
        item.set_item("file", j.file)?;
        item.set_item("line", j.start.map(|p| p.line))?;
        item.set_item("column", j.start.map(|p| p.column))?;
        item.set_item("end_line", j.end.map(|p| p.line))?;
        item.set_item("end_column", j.end.map(|p| p.column))?;
        item.set_item("help", j.help)?;
        list.append(item)?;
    }
    Ok(list)
}

/// `as_of` (a `datetime.date` or `YYYY-MM-DD`) and `output` (an output
/// level's name) as evaluation options.
fn options(as_of: Option<&Bound<'_, PyAny>>, output: &str) -> PyResult<Options> {
    let detail: Detail = output.parse().map_err(|_| {
        PyValueError::new_err(format!(
            "output `{output}` is not an output level; use one of: {}",
            Detail::ALL.map(Detail::name).join(", ")
        ))
    })?;
    let as_of = match as_of {
        None => None,
        Some(d) if d.is_none() => None,
        Some(d) => {
            let text: String = if d.is_instance_of::<PyString>() {
                d.extract()?
            } else if d.hasattr("isoformat")? && !d.hasattr("hour")? {
                d.call_method0("isoformat")?.extract()?
            } else {
                return Err(PyTypeError::new_err(
                    "as_of must be a datetime.date or a text YYYY-MM-DD",
                ));
            };
            Some(text.parse::<Date>().map_err(|e| {
                PyValueError::new_err(format!("as_of `{text}` is not a date YYYY-MM-DD: {e}"))
            })?)
        }
    };
    Ok(Options {
        as_of,
        detail,
        ..Options::default()
    })
}

/// The language of a rulebook's diagnostics: the one asked for, checked as
/// the CLI's `--lang` is; else English. Unlike the CLI's `check`, the
/// process's locale is not read: a program gets the same words wherever it
/// runs unless it asks for a language.
fn diagnostic_language(lang: Option<&str>) -> PyResult<&'static str> {
    match lang {
        Some(l) if i18n::is_available(l) => Ok(i18n::Words::new(l).lang()),
        Some(l) => Err(PyValueError::new_err(format!(
            "redress has no words in language `{l}`; the languages are: {}",
            i18n::LANGUAGES.join(", ")
        ))),
        None => Ok("en"),
    }
}

/// The language asked for, checked as the CLI's `--lang` is; else the
/// rulebook's first language redress has words in.
fn language(rulebook: &Rulebook, lang: Option<&str>) -> PyResult<String> {
    match lang {
        Some(l) if i18n::is_available(l) => Ok(l.to_string()),
        Some(l) => Err(PyValueError::new_err(format!(
            "redress has no words in language `{l}`; the languages are: {}",
            i18n::LANGUAGES.join(", ")
        ))),
        None => Ok(rulebook
            .graph
            .model()
            .header
            .languages
            .iter()
            .find(|l| i18n::is_available(l))
            .cloned()
            .unwrap_or_else(|| "en".to_string())),
    }
}

static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Python's `json.loads` of a text the library wrote.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let loads = LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((json,))
}

/// A case as JSON text: a text as it is, bytes as UTF-8 (invalid sequences
/// replaced), anything else through `redress._cases.dumps` (dates and
/// decimals as texts, sets as lists).
fn case_text(case: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = case.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(b) = case.cast::<PyBytes>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    let py = case.py();
    let dumps = DUMPS.get_or_try_init(py, || {
        py.import("redress._cases")?
            .getattr("dumps")
            .map(Bound::unbind)
    })?;
    dumps.bind(py).call1((case,))?.extract()
}

/// Work for a thread: a chunk's number, its first line's number, its lines.
type Work = (u64, usize, Vec<String>);
/// A chunk evaluated: its number and its output lines, without newlines.
type Done = (u64, Vec<String>);

/// The results of `Rulebook.eval_many`, in input order.
#[pyclass(module = "redress")]
struct Outcomes {
    state: Mutex<Pipeline>,
}

/// Cases on their way: read from the iterable (with the GIL), evaluated on
/// the worker threads (without it), yielded in input order.
struct Pipeline {
    input: Option<Py<PyIterator>>,
    work: Option<SyncSender<Work>>,
    done: Option<Receiver<Done>>,
    /// Evaluated chunks that came back before an earlier one.
    early: BTreeMap<u64, Vec<String>>,
    /// The chunk being yielded.
    ready: VecDeque<String>,
    sent: u64,
    yielded: u64,
    next_line: usize,
    in_flight: usize,
    max_in_flight: usize,
    as_json: bool,
    /// The iterable's error, raised once what was read before it is yielded.
    failed: Option<PyErr>,
}

impl Outcomes {
    #[allow(clippy::too_many_arguments)]
    fn start(
        py: Python<'_>,
        graph: Arc<DecisionGraph>,
        input: Py<PyIterator>,
        options: Options,
        jobs: usize,
        id_field: Option<String>,
        lang: &'static str,
        as_json: bool,
        first_line: usize,
    ) -> PyResult<Outcomes> {
        let max_in_flight = jobs * CHUNKS_PER_JOB;
        let (work_tx, work_rx) = sync_channel::<Work>(max_in_flight);
        let (done_tx, done_rx) = sync_channel::<Done>(max_in_flight);
        let work_rx = Arc::new(Mutex::new(work_rx));
        for _ in 0..jobs {
            let graph = Arc::clone(&graph);
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let options = options.clone();
            let id_field = id_field.clone();
            std::thread::Builder::new()
                .name("redress-eval".into())
                .spawn(move || work(&graph, &work_rx, &done_tx, options, id_field, lang))
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
        }
        let _ = py;
        Ok(Outcomes {
            state: Mutex::new(Pipeline {
                input: Some(input),
                work: Some(work_tx),
                done: Some(done_rx),
                early: BTreeMap::new(),
                ready: VecDeque::new(),
                sent: 0,
                yielded: 0,
                next_line: first_line,
                in_flight: 0,
                max_in_flight,
                as_json,
                failed: None,
            }),
        })
    }
}

/// A worker: evaluate chunks until the sender goes away.
fn work(
    graph: &DecisionGraph,
    work: &Mutex<Receiver<Work>>,
    done: &SyncSender<Done>,
    options: Options,
    id_field: Option<String>,
    lang: &'static str,
) {
    let mut evaluator = LineEvaluator::new(graph, options, Limits::DEFAULT)
        .with_id_field(id_field)
        .with_lang(lang);
    let mut buffer = Vec::new();
    loop {
        let next = work.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((number, first, lines)) = next else {
            return;
        };
        let out = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                buffer.clear();
                evaluator.evaluate(line, first + i).write_json(&mut buffer);
                if buffer.last() == Some(&b'\n') {
                    buffer.pop();
                }
                String::from_utf8_lossy(&buffer).into_owned()
            })
            .collect();
        if done.send((number, out)).is_err() {
            return;
        }
    }
}

impl Pipeline {
    /// Read chunks from the iterable and hand them to the workers, until
    /// enough are in flight or the iterable ends (or fails).
    fn feed(&mut self, py: Python<'_>) {
        while self.in_flight < self.max_in_flight {
            let (Some(input), Some(work)) = (&self.input, &self.work) else {
                return;
            };
            let mut lines = Vec::with_capacity(LINES_PER_CHUNK);
            let mut ended = false;
            let iter = input.bind(py).clone();
            for item in iter.take(LINES_PER_CHUNK) {
                match item.and_then(|c| case_text(&c)) {
                    Ok(mut text) => {
                        if text.ends_with('\n') {
                            text.pop();
                        }
                        lines.push(text);
                    }
                    Err(e) => {
                        self.failed = Some(e);
                        ended = true;
                        break;
                    }
                }
            }
            ended |= lines.len() < LINES_PER_CHUNK;
            if !lines.is_empty() {
                let first = self.next_line;
                self.next_line += lines.len();
                if work.send((self.sent, first, lines)).is_err() {
                    self.failed = Some(PyRuntimeError::new_err("the evaluation threads stopped"));
                    ended = true;
                } else {
                    self.sent += 1;
                    self.in_flight += 1;
                }
            }
            if ended {
                self.input = None;
                self.work = None; // the workers end when they see no more work
            }
        }
    }

    /// The next result's JSON text, waiting for the workers without the
    /// GIL; `None` at the end.
    fn next_line(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        loop {
            if let Some(line) = self.ready.pop_front() {
                return Ok(Some(line));
            }
            self.feed(py);
            if self.in_flight == 0 {
                return match self.failed.take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            }
            while !self.early.contains_key(&self.yielded) {
                let Some(done) = self.done.take() else {
                    return Err(PyRuntimeError::new_err("the evaluation threads stopped"));
                };
                let (done, got) = py.detach(move || {
                    let got = done.recv();
                    (done, got)
                });
                self.done = Some(done);
                match got {
                    Ok((number, lines)) => {
                        self.early.insert(number, lines);
                    }
                    Err(_) => {
                        return Err(PyRuntimeError::new_err("the evaluation threads stopped"));
                    }
                }
            }
            if let Some(lines) = self.early.remove(&self.yielded) {
                self.yielded += 1;
                self.in_flight -= 1;
                self.ready = lines.into();
            }
        }
    }
}

#[pymethods]
impl Outcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Ok(mut state) = self.state.try_lock() else {
            return Err(PyValueError::new_err(
                "eval_many's iterator is already running",
            ));
        };
        match state.next_line(py)? {
            None => Ok(None),
            Some(line) if state.as_json => Ok(Some(PyString::new(py, &line).into_any())),
            Some(line) => loads(py, &line).map(Some),
        }
    }
}

/// redress, a rules engine for legal remedy rules (the compiled part; see
/// the `redress` package).
#[pymodule]
fn _redress(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Rulebook>()?;
    m.add_class::<Outcomes>()?;
    m.add("RulebookError", py.get_type::<RulebookError>())?;
    m.add("CaseError", py.get_type::<CaseError>())?;
    Ok(())
}
