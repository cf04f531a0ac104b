//! `redress test`: run rulebook tests and measure coverage by rule and condition.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use redress::diagnostic::{Arg, Code, Diagnostic, Text};
use redress::report::{self, visible};
use redress::source::SourceFile;
use redress::testing::parse_test;
use redress::testing::render::{self, JsonCoverage, JsonReport, JsonTest};
use redress::testing::suite::{self, Book, Entry};
use redress::text;

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Output formats of `redress test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Text for people.
    Human,
    /// JSON for tools (schema: `redress::testing::render`).
    Json,
    /// GitHub Actions workflow annotations: a failing or invalid test is an error on its file.
    Github,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
}

/// Run the tests of rulebooks (`*.test.toml`, `*.test.json`) and report what differs.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress test\n  redress test rulebooks/example --coverage\n  redress test --filter fraud rulebooks/example/tests\n  redress test --min-coverage 90 --format json rulebooks\n\nTests are found under each PATH (a folder, searched recursively, or a test file);\nsee \"Tests\" in docs/language.md for the format."
)]
pub(crate) struct Args {
    /// Folders to search for tests, or test files [default: .]
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Run only tests whose name or path contains this text.
    #[arg(long, value_name = "PATTERN")]
    filter: Option<String>,
    /// List rules never fired, exceptions never taken and conditions not seen both true and false.
    #[arg(long)]
    coverage: bool,
    /// Fail (exit 1) when rule or condition coverage is under this percentage (implies --coverage).
    #[arg(long, value_name = "PERCENT", value_parser = super::values::percent)]
    min_coverage: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(USAGE);
    }
    let roots = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    // where a test's rulebook may be: the current folder, the folder the
    // test was found under and, if that is not above the current folder,
    // the folder that holds it
    let here: Vec<PathBuf> = Path::new(".").canonicalize().into_iter().collect();
    // each test file: as shown, as read, and the folders its rulebook may be in
    let mut files: Vec<(String, PathBuf, Vec<PathBuf>)> = Vec::new();
    for root in &roots {
        let path = Path::new(root);
        let folder = if path.is_dir() {
            path
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
        };
        let mut allowed = here.clone();
        if let Ok(folder) = folder.canonicalize() {
            // a book's `tests/` folder given from elsewhere: the book is above
            // it (never the top of the file system: that would allow all)
            if !here.iter().any(|h| h.starts_with(&folder))
                && folder.file_name().is_some_and(|n| n == "tests")
            {
                allowed.extend(
                    folder
                        .parent()
                        .filter(|p| p.parent().is_some())
                        .map(Path::to_path_buf),
                );
            }
            allowed.push(folder);
        }
        if path.is_file() {
            files.push((display(path), path.to_path_buf(), allowed));
        } else if path.is_dir() {
            let wanted = |name: &OsStr| {
                let name = name.to_string_lossy();
                name.ends_with(".test.toml") || name.ends_with(".test.json")
            };
            let walk = super::files::walk(path, &wanted);
            walk.report_skipped();
            files.extend(
                walk.files
                    .into_iter()
                    .map(|f| (display(&f), f, allowed.clone())),
            );
        } else {
            super::words::fail("cli-no-such-path", &[("path", root)]);
            return Ok(USAGE);
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);

    let mut books: Vec<Book> = Vec::new();
    let mut found: Vec<Entry> = Vec::new();
    for (path, real, allowed) in files {
        let file = match super::read_source(&real) {
            Ok(file) => file,
            Err(ReadError::Usage(m)) => {
                super::words::error(&m);
                return Ok(USAGE);
            }
            Err(ReadError::Input(d)) => {
                let mut f = Entry::new(path, None);
                f.diagnostics.push(d);
                if selected(args, &f.path, None) {
                    found.push(f);
                }
                continue;
            }
        };
        let mut f = Entry::new(path, Some(Arc::clone(&file)));
        let (test_file, diagnostics) = parse_test(&file);
        f.diagnostics = diagnostics;
        let Some(test_file) = test_file else {
            if selected(args, &f.path, None) {
                found.push(f);
            }
            continue;
        };
        f.name = test_file.name.clone();
        if !selected(args, &f.path, Some(&f.name)) {
            continue;
        }
        let named = test_file.rulebook.as_ref().map(|(p, _)| p.as_str());
        let book = rulebook_of(&real, named, &allowed).map(|(book_path, book_real)| {
            match books.iter().position(|b| b.path == book_path) {
                Some(i) => i,
                None => {
                    books.push(compile(&book_path, &book_real));
                    books.len() - 1
                }
            }
        });
        match book {
            Ok(i) => match books.get(i) {
                Some(b) => f.attach(&test_file, Ok((i, b))),
                None => f.attach(&test_file, Err(text!("diag-cli-rulebook-not-read"))),
            },
            Err(message) => f.attach(&test_file, Err(message)),
        }
        found.push(f);
    }

    if found.is_empty() {
        let roots = super::words::words().list(&roots);
        match &args.filter {
            Some(filter) => super::words::fail(
                "cli-test-none-matching",
                &[("filter", filter), ("roots", &roots)],
            ),
            None => super::words::fail("cli-test-none", &[("roots", &roots)]),
        }
        return Ok(INPUT_ERRORS);
    }

    let report = suite::run(&books, &found, args.coverage, args.min_coverage);
    let human = args.format == Format::Human;
    let lang = super::diagnostic_language();
    let words = redress::i18n::Words::new(lang);
    if human {
        for b in &books {
            if !b.diagnostics.is_empty() {
                super::print_diagnostics(out, &b.diagnostics)?;
            }
        }
    }
    // whether the output so far ends with an empty line
    let mut spaced = false;
    let mut json_tests = Vec::new();
    let mut machine: Vec<(String, Vec<Diagnostic>)> = books
        .iter()
        .filter(|b| !b.diagnostics.is_empty())
        .map(|b| (b.path.clone(), b.diagnostics.clone()))
        .collect();
    for run in &report.tests {
        let Some(f) = found.get(run.entry) else {
            continue;
        };
        if !f.diagnostics.is_empty() {
            machine.push((f.path.clone(), f.diagnostics.clone()));
        }
        if human {
            super::print_diagnostics(out, &f.diagnostics)?;
            match &run.result {
                Some(result) => {
                    let text = render::human_result(result, lang);
                    spaced = text.ends_with("\n\n");
                    write!(out, "{text}")?;
                }
                None if f.name.is_empty() => {
                    let path = visible(&f.path);
                    writeln!(out, "{}\n", words.text("test-invalid", &[("path", &path)]))?;
                    spaced = true;
                }
                None => {
                    let (name, path) = (visible(&f.name), visible(&f.path));
                    writeln!(
                        out,
                        "{}\n",
                        words.text("test-invalid-named", &[("name", &name), ("path", &path)])
                    )?;
                    spaced = true;
                }
            }
        }
        if let Some(d) = &run.failure {
            machine.push((f.path.clone(), vec![d.clone()]));
        }
        json_tests.push(JsonTest {
            name: f.name.clone(),
            path: f.path.clone(),
            rulebook: f
                .rulebook
                .and_then(|i| books.get(i))
                .map(|b| b.path.clone()),
            status: run.status.word(),
            mismatches: run
                .result
                .as_ref()
                .map(|r| r.mismatches.clone())
                .unwrap_or_default(),
            diagnostics: super::localized(&f.diagnostics)
                .iter()
                .map(report::json_diagnostic)
                .collect(),
        });
    }

    let mut coverage = Vec::new();
    for c in &report.coverage {
        let Some(book) = books.get(c.book) else {
            continue;
        };
        if human {
            if !spaced {
                writeln!(out)?;
            }
            write!(
                out,
                "{}",
                render::human_coverage(&book.path, &c.report, lang)
            )?;
            spaced = false;
            if let (Some(min), false) = (args.min_coverage, c.below_minimum.is_empty()) {
                let under = words.text(
                    "test-under-minimum",
                    &[
                        ("min", &min.to_string()),
                        ("rules", &format!("{:.1}", c.report.rules.percent())),
                        (
                            "conditions",
                            &format!("{:.1}", c.report.conditions.percent()),
                        ),
                    ],
                );
                writeln!(out, "  {under}")?;
            }
        } else if !c.below_minimum.is_empty() {
            machine.push((book.path.clone(), c.below_minimum.clone()));
        }
        coverage.push(JsonCoverage::new(&book.path, &c.report));
    }

    match args.format {
        Format::Human => {
            if !spaced {
                writeln!(out)?;
            }
            writeln!(
                out,
                "{}",
                render::summary(report.passed, report.failed, lang)
            )?;
        }
        Format::Github => super::print_machine(out, &machine, super::Format::Github)?,
        Format::Sarif => super::print_machine(out, &machine, super::Format::Sarif)?,
        Format::Json => {
            let json = JsonReport {
                passed: report.passed,
                failed: report.failed,
                tests: json_tests,
                coverage,
                min_coverage: args.min_coverage,
            };
            match serde_json::to_string_pretty(&json) {
                Ok(s) => writeln!(out, "{s}")?,
                Err(e) => super::words::error(&e.to_string()),
            }
        }
    }
    Ok(if report.ok() { OK } else { INPUT_ERRORS })
}

fn selected(args: &Args, path: &str, name: Option<&str>) -> bool {
    args.filter
        .as_ref()
        .is_none_or(|p| path.contains(p.as_str()) || name.is_some_and(|n| n.contains(p.as_str())))
}

/// A path for people: `/` separators, no `./` in front, `..` resolved where it can be.
fn display(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match parts.last().map(String::as_str) {
                Some(last) if last != ".." => {
                    parts.pop();
                }
                _ => parts.push("..".to_string()),
            },
            Component::RootDir => absolute = true,
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The rulebook of a test (as shown, and the file to read): as named,
/// relative to the test file's folder, else the one `.rules` file in the
/// test's folder or, if none, its parent. It must be a regular file inside
/// one of the `allowed` folders, with every link resolved: a test file
/// cannot make redress read a file elsewhere on the host.
fn rulebook_of(
    test: &Path,
    named: Option<&str>,
    allowed: &[PathBuf],
) -> Result<(String, PathBuf), Text> {
    let dir = test.parent().unwrap_or(Path::new(""));
    let regular = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.is_file());
    if let Some(named) = named {
        let written = Path::new(named);
        if written.has_root() || written.is_absolute() {
            return Err(text!("diag-cli-rulebook-absolute", path = named));
        }
        let path = dir.join(written);
        let shown = display(&path);
        let Ok(real) = path.canonicalize() else {
            return Err(text!("diag-cli-rulebook-missing", path = &shown));
        };
        if !super::files::inside(&real, allowed) {
            return Err(text!("diag-cli-rulebook-outside", path = &shown));
        }
        if !regular(&real) {
            return Err(text!("diag-cli-rulebook-not-a-file", path = &shown));
        }
        return Ok((shown, real));
    }
    let mut looked = Vec::new();
    for d in [dir.to_path_buf(), dir.join("..")] {
        let shown = display(&d);
        let d = if shown.is_empty() {
            PathBuf::from(".")
        } else {
            d
        };
        if !super::files::inside(&d, allowed) {
            continue;
        }
        let mut rules: Vec<(String, PathBuf)> = std::fs::read_dir(&d)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "rules"))
                    .filter_map(|p| p.canonicalize().ok().map(|real| (display(&p), real)))
                    .filter(|(_, real)| super::files::inside(real, allowed) && regular(real))
                    .collect()
            })
            .unwrap_or_default();
        rules.sort();
        match rules.as_slice() {
            [] => looked.push(if shown.is_empty() {
                ".".to_string()
            } else {
                shown
            }),
            [one] => return Ok(one.clone()),
            many => {
                let names: Vec<&str> = many.iter().map(|(n, _)| n.as_str()).collect();
                return Err(text!(
                    "diag-cli-rulebook-several",
                    folder = if shown.is_empty() { "." } else { &shown },
                    names = Arg::list(names)
                ));
            }
        }
    }
    Err(text!(
        "diag-cli-rulebook-none",
        folders = Arg::or_list(looked)
    ))
}

/// Errors of a rulebook named by a test, listed at most.
const BOOK_ERRORS: usize = 10;

/// Compile a test's rulebook. Its errors are kept as code and position
/// only: the file may not be a rulebook at all, and the test report must
/// not show its content (`redress check` shows the errors in full).
fn compile(path: &str, real: &Path) -> Book {
    let file: Arc<SourceFile> = match super::read_source(real) {
        Ok(f) => f,
        Err(ReadError::Usage(m)) => {
            return Book {
                path: path.to_string(),
                file: None,
                graph: None,
                diagnostics: vec![Diagnostic::error(
                    Code::Io,
                    m.replace(&*real.to_string_lossy(), path),
                )],
            };
        }
        Err(ReadError::Input(d)) => {
            return Book {
                path: path.to_string(),
                file: None,
                graph: None,
                diagnostics: vec![d],
            };
        }
    };
    let (graph, diagnostics) = redress::compile(&file);
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let mut shown: Vec<Diagnostic> = errors
        .iter()
        .take(BOOK_ERRORS)
        .map(|d| {
            let message = match (&d.file, d.primary_span()) {
                (Some(f), Some(span)) => {
                    let (line, column) = f.line_col(span.start);
                    text!(
                        "diag-cli-rulebook-error-at",
                        path = path,
                        line = line.to_string(),
                        column = column.to_string()
                    )
                }
                _ => text!("diag-cli-rulebook-error", path = path),
            };
            Diagnostic::error(d.code, message).help(text!("diag-cli-run-check-help", path = path))
        })
        .collect();
    if errors.len() > BOOK_ERRORS {
        shown.push(Diagnostic::error(
            Code::TestRulebook,
            text!(
                "diag-cli-rulebook-more-errors",
                path = path,
                count = errors.len() - BOOK_ERRORS
            ),
        ));
    }
    Book {
        path: path.to_string(),
        // named as the report names it, not by the path it was read from
        file: graph
            .is_some()
            .then(|| SourceFile::new(path.to_string(), file.text())),
        diagnostics: if graph.is_some() { Vec::new() } else { shown },
        graph,
    }
}
