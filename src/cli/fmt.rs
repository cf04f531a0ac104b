//! `redress fmt`: lay rulebooks out the one canonical way, or check that
//! they are.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use redress::diagnostic::{Code, Diagnostic};
use redress::source::Span;

use super::files::Replaced;
use super::{Format, INPUT_ERRORS, OK, ReadError, USAGE};

/// Format rulebooks in place (every `*.rules` file under a folder), or with
/// `--check` list those that are not formatted.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  redress fmt rulebooks/example/example.rules\n  redress fmt --check .\n  redress fmt --check --format github rulebooks\n  redress fmt - < shop.rules > formatted.rules"
)]
pub(crate) struct Args {
    /// Rulebook files, or folders to search for `*.rules` files (hidden
    /// folders, links to folders and links to files outside the folder are
    /// skipped); `-` formats standard input to standard output. A file is
    /// replaced atomically (see docs/security.md).
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<String>,
    /// Write nothing: list each file that is not formatted, with its first
    /// differing lines, and exit 1 if there is any.
    #[arg(long)]
    check: bool,
    /// How `--check` reports: text for people, or `json`, `github`
    /// (workflow annotations) or `sarif` for CI systems.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Language of the messages and the diagnostics (`en`, `zh`; default: the environment's locale,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

/// Lines of diff (changed and context) shown for an unformatted file.
const DIFF_LINES: usize = 40;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 2;

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(super::USAGE);
    }
    let mut usage = false;
    let mut failed = false;
    // each file as read and as shown
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for path in &args.paths {
        let p = Path::new(path);
        if path == "-" || p.is_file() {
            files.push((p.to_path_buf(), path.clone()));
        } else if p.is_dir() {
            let hidden = |name: &OsStr| name.as_encoded_bytes().starts_with(b".");
            let rules = |name: &OsStr| {
                !hidden(name) && Path::new(name).extension() == Some(OsStr::new("rules"))
            };
            let walk = super::files::walk(p, &rules);
            walk.report_skipped();
            let mut found = walk.files;
            found.sort();
            files.extend(found.into_iter().map(|f| {
                // `./a.rules` as `a.rules`
                let f = f.strip_prefix(".").map(Path::to_path_buf).unwrap_or(f);
                let shown = f.to_string_lossy().into_owned();
                (f, shown)
            }));
        } else {
            super::words::fail(
                "cli-no-such-path",
                &[("path", &redress::report::visible_inline(path))],
            );
            usage = true;
        }
    }
    let human = args.format == Format::Human;
    let words = redress::i18n::Words::new(super::diagnostic_language());
    let mut reports: Vec<(String, Vec<Diagnostic>)> = Vec::new();
    for (real, path) in &files {
        let file = match super::read_source(real) {
            Ok(file) => file,
            Err(ReadError::Usage(message)) => {
                super::words::error(&message);
                usage = true;
                continue;
            }
            Err(ReadError::Input(d)) => {
                if human {
                    super::eprint_diagnostics(std::slice::from_ref(&d));
                }
                reports.push((path.clone(), vec![d]));
                failed = true;
                continue;
            }
        };
        let formatted = match redress::fmt::format(&file) {
            Ok(text) => text,
            Err(diagnostics) => {
                if human {
                    super::eprint_diagnostics(&diagnostics);
                    errln!(
                        "{}",
                        super::words::say(
                            "cli-fmt-has-errors",
                            &[("path", &redress::report::visible(path))]
                        )
                    );
                }
                reports.push((path.clone(), diagnostics));
                failed = true;
                continue;
            }
        };
        let changed = formatted != file.text();
        if args.check {
            if changed {
                if human {
                    writeln!(
                        out,
                        "{}",
                        words.text(
                            "fmt-not-formatted",
                            &[("path", &redress::report::visible(path))]
                        )
                    )?;
                    let diff = unified_diff(path, file.text(), &formatted, words);
                    write!(out, "{}", redress::report::visible(&diff))?;
                }
                let at = first_difference(file.text(), &formatted);
                let line_end = file
                    .text()
                    .get(at..)
                    .and_then(|r| r.find('\n'))
                    .map_or(file.text().len(), |n| at + n);
                let d = Diagnostic::error(
                    Code::NotFormatted,
                    redress::text!("diag-cli-not-formatted", path = path),
                )
                .in_file(&file)
                .label(
                    Span::new(at, line_end.max(at)),
                    redress::text!("diag-cli-not-formatted-label"),
                )
                .help(redress::text!("diag-cli-not-formatted-help", path = path));
                reports.push((path.clone(), vec![d]));
                failed = true;
            }
        } else if path == "-" {
            write!(out, "{formatted}")?;
        } else if changed {
            match super::files::replace(real, file.text().as_bytes(), formatted.as_bytes()) {
                Ok(Replaced::Done) => writeln!(
                    out,
                    "{}",
                    words.text(
                        "fmt-formatted",
                        &[("path", &redress::report::visible(path))]
                    )
                )?,
                Ok(Replaced::Changed) => {
                    super::words::fail(
                        "cli-fmt-changed",
                        &[("path", &redress::report::visible_inline(path))],
                    );
                    usage = true;
                }
                Err(e) => {
                    super::words::fail(
                        "cli-fmt-cannot-write",
                        &[
                            ("path", &redress::report::visible_inline(path)),
                            ("error", &super::words::io_error(&e)),
                        ],
                    );
                    usage = true;
                }
            }
        }
    }
    if args.check {
        super::print_machine(out, &reports, args.format)?;
    }
    Ok(if usage {
        USAGE
    } else if failed {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// The byte offset of the start of the first line that differs.
fn first_difference(old: &str, new: &str) -> usize {
    let mut offset = 0;
    for (a, b) in old.split_inclusive('\n').zip(new.split_inclusive('\n')) {
        if a != b {
            return offset;
        }
        offset += a.len();
    }
    offset.min(old.len())
}

/// What formatting changes, as a unified diff (`---`/`+++`, then `@@` hunks
/// with two lines of context), trailing white space made visible; at most
/// [`DIFF_LINES`] lines of it, then how many more changed lines follow.
fn unified_diff(path: &str, old: &str, new: &str, words: redress::i18n::Words) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(old, new);
    let formatted = words.text("fmt-diff-formatted", &[("path", path)]);
    let mut out = format!("--- {path}\n+++ {formatted}\n");
    let mut shown = 0;
    let mut more = 0;
    for group in diff.grouped_ops(CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (old_range, new_range) = (
            first.old_range().start..last.old_range().end,
            first.new_range().start..last.new_range().end,
        );
        let hunk = |r: &std::ops::Range<usize>| match r.len() {
            0 => format!("{},0", r.start),
            1 => format!("{}", r.start + 1),
            n => format!("{},{n}", r.start + 1),
        };
        let mut lines = vec![format!("@@ -{} +{} @@", hunk(&old_range), hunk(&new_range))];
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                };
                let line = change.value();
                let line = line.strip_suffix('\n').unwrap_or(line);
                lines.push(format!("{sign}{}", visible(line)));
            }
        }
        for line in lines {
            if shown < DIFF_LINES {
                out.push_str(&line);
                out.push('\n');
                shown += 1;
            } else if line.starts_with(['-', '+']) {
                more += 1;
            }
        }
    }
    if more > 0 {
        let more = i64::from(more);
        out.push_str(&words.get("fmt-more-lines", &[("count", more.into())]));
        out.push('\n');
    }
    out
}

/// A line with its trailing white space made visible.
fn visible(line: &str) -> String {
    let text = line.trim_end();
    let mut out = text.to_string();
    for c in line.get(text.len()..).unwrap_or("").chars() {
        out.push(match c {
            '\r' => '␍',
            '\t' => '→',
            _ => '·',
        });
    }
    out
}
