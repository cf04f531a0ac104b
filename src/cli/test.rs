//! `redress test`: run rulebook tests and measure coverage by rule and condition.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use redress::diagnostic::{Code, Diagnostic};
use redress::graph::DecisionGraph;
use redress::report::{self, visible};
use redress::source::SourceFile;
use redress::testing::render::{self, JsonCoverage, JsonReport, JsonTest};
use redress::testing::{Runner, Test, parse_test};

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
    #[arg(long, value_name = "PERCENT")]
    min_coverage: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// A test file found, and what became of it.
struct Found {
    path: String,
    file: Option<Arc<SourceFile>>,
    rulebook: Option<usize>,
    test: Option<Test>,
    name: String,
    diagnostics: Vec<Diagnostic>,
}

/// A rulebook named by some test.
struct Book {
    path: String,
    /// The rulebook's text, once it compiled (coverage points into it).
    file: Option<Arc<SourceFile>>,
    graph: Option<DecisionGraph>,
    diagnostics: Vec<Diagnostic>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    if args
        .min_coverage
        .is_some_and(|p| !(0.0..=100.0).contains(&p))
    {
        errln!("error: --min-coverage takes a percentage from 0 to 100");
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
            let hidden = |name: &OsStr| name.as_encoded_bytes().starts_with(b".");
            let skip = |name: &OsStr| hidden(name) || name == "target";
            let wanted = |name: &OsStr| {
                let name = name.to_string_lossy();
                name.ends_with(".test.toml") || name.ends_with(".test.json")
            };
            let walk = super::files::walk(path, &wanted, &skip);
            walk.report_skipped();
            files.extend(
                walk.files
                    .into_iter()
                    .map(|f| (display(&f), f, allowed.clone())),
            );
        } else {
            errln!("error: cannot read `{root}`: no such file or folder");
            return Ok(USAGE);
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);

    let mut books: Vec<Book> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    for (path, real, allowed) in files {
        let mut f = Found {
            path: path.clone(),
            file: None,
            rulebook: None,
            test: None,
            name: String::new(),
            diagnostics: Vec::new(),
        };
        let file = match super::read_source(&real) {
            Ok(file) => file,
            Err(ReadError::Usage(m)) => {
                errln!("error: {m}");
                return Ok(USAGE);
            }
            Err(ReadError::Input(d)) => {
                f.diagnostics.push(d);
                if selected(args, &f.path, None) {
                    found.push(f);
                }
                continue;
            }
        };
        f.file = Some(Arc::clone(&file));
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
        match rulebook_of(&real, named, &allowed) {
            Ok((book_path, book_real)) => {
                let i = match books.iter().position(|b| b.path == book_path) {
                    Some(i) => i,
                    None => {
                        books.push(compile(&book_path, &book_real));
                        books.len() - 1
                    }
                };
                f.rulebook = Some(i);
                if let Some(graph) = books.get(i).and_then(|b| b.graph.as_ref()) {
                    let (test, diagnostics) = test_file.check(graph.model());
                    f.test = test;
                    f.diagnostics.extend(diagnostics);
                } else {
                    let mut d = Diagnostic::error(
                        Code::TestRulebook,
                        format!("the rulebook `{book_path}` has errors"),
                    )
                    .in_file(&file)
                    .help(format!("run `redress check {book_path}`"));
                    if let Some((_, span)) = &test_file.rulebook {
                        d = d.label(*span, "this rulebook");
                    }
                    f.diagnostics.push(d);
                }
            }
            Err(message) => {
                let mut d = Diagnostic::error(Code::TestRulebook, message)
                    .in_file(&file)
                    .help(
                        "name it with `rulebook = \"../book.rules\"` (relative to the test file)",
                    );
                if let Some((_, span)) = &test_file.rulebook {
                    d = d.label(*span, "this rulebook");
                }
                f.diagnostics.push(d);
            }
        }
        found.push(f);
    }

    if found.is_empty() {
        let filter = args
            .filter
            .as_ref()
            .map(|p| format!(" matching `{p}`"))
            .unwrap_or_default();
        errln!(
            "error: no tests (*.test.toml, *.test.json){filter} under {}",
            roots.join(", ")
        );
        return Ok(INPUT_ERRORS);
    }

    let mut runners: Vec<Option<Runner<'_>>> = books
        .iter()
        .map(|b| b.graph.as_ref().map(Runner::new))
        .collect();
    let human = args.format == Format::Human;
    for b in &books {
        if human && !b.diagnostics.is_empty() {
            super::print_diagnostics(out, &b.diagnostics)?;
        }
    }
    let (mut passed, mut failed) = (0, 0);
    // whether the output so far ends with an empty line
    let mut spaced = false;
    let mut json_tests = Vec::new();
    let mut machine: Vec<(String, Vec<Diagnostic>)> = books
        .iter()
        .filter(|b| !b.diagnostics.is_empty())
        .map(|b| (b.path.clone(), b.diagnostics.clone()))
        .collect();
    for f in &found {
        if !f.diagnostics.is_empty() {
            machine.push((f.path.clone(), f.diagnostics.clone()));
        }
        if human {
            super::print_diagnostics(out, &f.diagnostics)?;
        }
        let runner = f
            .rulebook
            .and_then(|i| runners.get_mut(i))
            .and_then(Option::as_mut);
        let (status, mismatches) = match (&f.test, runner) {
            (Some(test), Some(runner)) => {
                let result = runner.run(test);
                if human {
                    let text = render::human_result(&result);
                    spaced = text.ends_with("\n\n");
                    write!(out, "{text}")?;
                }
                if result.passed() {
                    passed += 1;
                    ("passed", result.mismatches)
                } else {
                    failed += 1;
                    if let Some(file) = &f.file {
                        let first_line = file.text().find('\n').unwrap_or(file.text().len());
                        let what: Vec<String> = result
                            .mismatches
                            .iter()
                            .map(|m| {
                                format!(
                                    "{} {}: expected {}, got {}",
                                    m.remedy, m.check, m.expected, m.actual
                                )
                            })
                            .collect();
                        machine.push((
                            f.path.clone(),
                            vec![
                                Diagnostic::error(
                                    Code::TestFailed,
                                    format!("test `{}` failed: {}", f.name, what.join("; ")),
                                )
                                .in_file(file)
                                .label(redress::source::Span::new(0, first_line), "this test")
                                .help(format!(
                                    "run `redress test {}` to see the rule trace",
                                    f.path
                                )),
                            ],
                        ));
                    }
                    ("failed", result.mismatches)
                }
            }
            _ => {
                failed += 1;
                if human {
                    if f.name.is_empty() {
                        writeln!(out, "FAIL {}: invalid test\n", visible(&f.path))?;
                        spaced = true;
                    } else {
                        writeln!(
                            out,
                            "FAIL {} ({}): invalid test\n",
                            visible(&f.name),
                            visible(&f.path)
                        )?;
                        spaced = true;
                    }
                }
                ("invalid", Vec::new())
            }
        };
        json_tests.push(JsonTest {
            name: f.name.clone(),
            path: f.path.clone(),
            rulebook: f
                .rulebook
                .and_then(|i| books.get(i))
                .map(|b| b.path.clone()),
            status,
            mismatches,
            diagnostics: f.diagnostics.iter().map(report::json_diagnostic).collect(),
        });
    }

    let mut under = false;
    let mut coverage = Vec::new();
    if args.coverage || args.min_coverage.is_some() {
        for (book, runner) in books.iter().zip(&runners) {
            let Some(runner) = runner else { continue };
            let c = runner.coverage();
            if human {
                if !spaced {
                    writeln!(out)?;
                }
                write!(out, "{}", render::human_coverage(&book.path, &c))?;
                spaced = false;
            }
            if let Some(min) = args.min_coverage {
                let (r, k) = (c.rules.percent(), c.conditions.percent());
                if r < min || k < min {
                    under = true;
                    if !human {
                        machine.push((book.path.clone(), below_minimum(book, &c, min)));
                    }
                    if human {
                        writeln!(
                            out,
                            "  under the minimum of {min}%: rules {r:.1}%, conditions {k:.1}%"
                        )?;
                    }
                }
            }
            coverage.push(JsonCoverage::new(&book.path, &c));
        }
    }

    match args.format {
        Format::Human => {
            if !spaced {
                writeln!(out)?;
            }
            writeln!(out, "{}", render::summary(passed, failed))?;
        }
        Format::Github => super::print_machine(out, &machine, super::Format::Github)?,
        Format::Sarif => super::print_machine(out, &machine, super::Format::Sarif)?,
        Format::Json => {
            let report = JsonReport {
                passed,
                failed,
                tests: json_tests,
                coverage,
                min_coverage: args.min_coverage,
            };
            match serde_json::to_string_pretty(&report) {
                Ok(s) => writeln!(out, "{s}")?,
                Err(e) => errln!("error: {e}"),
            }
        }
    }
    Ok(if failed > 0 || under {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// What the machine formats (GitHub annotations, SARIF) say of coverage
/// under the minimum: one error per rule never applied and per condition not
/// seen both ways, at the rule's name in the rulebook.
fn below_minimum(
    book: &Book,
    coverage: &redress::testing::CoverageReport,
    min: f64,
) -> Vec<Diagnostic> {
    let Some(file) = &book.file else {
        return Vec::new();
    };
    let (tree, _) = redress::syntax::parse(file);
    let at = |rule: &str| {
        tree.items.iter().find_map(|item| match item {
            redress::ast::Item::Rule(r) if r.name.text == rule => Some(r.name.span),
            _ => None,
        })
    };
    let with_span = |d: Diagnostic, rule: &str, label: &str| match at(rule) {
        Some(span) => d.in_file(file).label(span, label.to_string()),
        None => d.in_file(file),
    };
    let under = format!(
        "tests cover rules {:.1}% and conditions {:.1}%, under the minimum of {min}%",
        coverage.rules.percent(),
        coverage.conditions.percent()
    );
    let mut out = Vec::new();
    for r in &coverage.uncovered_rules {
        let d = Diagnostic::error(
            Code::CoverageBelowMinimum,
            format!("no test applies `{}`: {}", r.rule, r.reason),
        )
        .help(format!("{under}; add a test whose case it applies to"));
        out.push(with_span(d, &r.rule, "never applied in the tests"));
    }
    for c in &coverage.uncovered_conditions {
        let d = Diagnostic::error(
            Code::CoverageBelowMinimum,
            format!(
                "condition `{}` of `{}` is not seen both true and false: {}",
                c.condition, c.rule, c.reason
            ),
        )
        .help(format!(
            "{under}; add a test that makes it go the other way"
        ));
        out.push(with_span(d, &c.rule, "a condition of this rule"));
    }
    if out.is_empty() {
        out.push(Diagnostic::error(Code::CoverageBelowMinimum, under).in_file(file));
    }
    out
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
) -> Result<(String, PathBuf), String> {
    let dir = test.parent().unwrap_or(Path::new(""));
    let regular = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.is_file());
    if let Some(named) = named {
        let written = Path::new(named);
        if written.has_root() || written.is_absolute() {
            return Err(format!(
                "the rulebook `{named}` is an absolute path; a test names its rulebook relative to the test file"
            ));
        }
        let path = dir.join(written);
        let shown = display(&path);
        let Ok(real) = path.canonicalize() else {
            return Err(format!("the rulebook `{shown}` does not exist"));
        };
        if !super::files::inside(&real, allowed) {
            return Err(format!(
                "the rulebook `{shown}` is outside the folder tested and the current folder"
            ));
        }
        if !regular(&real) {
            return Err(format!("the rulebook `{shown}` is not a regular file"));
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
                return Err(format!(
                    "the test does not name its rulebook, and `{}` has several: {}",
                    if shown.is_empty() { "." } else { &shown },
                    names.join(", ")
                ));
            }
        }
    }
    Err(format!(
        "the test does not name its rulebook, and there is no `.rules` file in {}",
        looked.join(" or ")
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
                    format!("the rulebook `{path}` has an error at line {line}, column {column}")
                }
                _ => format!("the rulebook `{path}` has an error"),
            };
            Diagnostic::error(d.code, message).help(format!("run `redress check {path}` to see it"))
        })
        .collect();
    if errors.len() > BOOK_ERRORS {
        shown.push(Diagnostic::error(
            Code::TestRulebook,
            format!("`{path}`: {} more errors", errors.len() - BOOK_ERRORS),
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
