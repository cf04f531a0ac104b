//! `redress diff`: what a change to a rulebook does, in structure and in
//! behaviour. Reads the two versions (from files, or the old one from git)
//! and the case corpus; the comparison is [`redress::diff`].

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use redress::diff::{self, Options};
use redress::graph::DecisionGraph;
use redress::source::SourceFile;

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Compare two versions of a rulebook: items added, removed or changed, the
/// corpus cases whose outcome changed, and cases found by searching around
/// the changed conditions.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "The corpus is every case file (.json, .toml) under the new rulebook's folder `cases/`, plus each \
--cases folder. The search starts from each corpus case and from the empty case, and varies the facts of the changed \
conditions over their boundary values (c-1, c, c+1 in the smallest step; the day before, of and after), every value of \
their one-ofs, yes and no, and unknown.

Comparisons through derived facts and arithmetic (`days from A to B > 30`, `price + fee > 500 yuan`) are solved for \
dates and amounts on each side of their boundary. When no change is found but the search was not exhaustive, the \
report leads with \"Undecided\" and names the conditions it could not aim at.

Exit codes: 0 when no behavioural change was found (or without --fail-on-change), 1 when behaviour changed and \
--fail-on-change is given, or the search was undecided and --fail-on-undecided is given too (or a rulebook has \
errors), 2 for usage errors.

Examples:
  redress diff old.rules new.rules
  redress diff old.rules new.rules --cases more-cases/ --format markdown
  redress diff --git origin/main rulebooks/cn-online-shopping/cn-online-shopping.rules
  redress diff --git HEAD~1 --fail-on-change      # every .rules file changed since HEAD~1
  redress diff --git origin/main --fail-on-change --fail-on-undecided"
)]
pub(crate) struct Args {
    /// OLD and NEW rulebooks; with --git, the rulebook (or a folder of rulebooks; default: the current folder).
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Compare the rulebook as of this git revision with the working tree.
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// More case files to replay (a folder, searched recursively).
    #[arg(long, value_name = "DIR")]
    cases: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when behaviour changed.
    #[arg(long)]
    fail_on_change: bool,
    /// With --fail-on-change: also exit 1 when the search found no change but
    /// could not decide (it was not exhaustive).
    #[arg(long, requires = "fail_on_change")]
    fail_on_undecided: bool,
    /// Stop the search after this many generated cases.
    #[arg(long, value_name = "N", default_value_t = Options::default().max_cases, value_parser = super::values::count)]
    max_cases: usize,
    /// Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

/// Output formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Text for a terminal.
    Text,
    /// Markdown, ready to paste as a pull-request comment.
    Markdown,
    /// JSON for tools.
    Json,
}

/// A pair of versions to compare.
struct Pair {
    old: Arc<SourceFile>,
    new: Arc<SourceFile>,
    /// The new rulebook's path, for its `cases/` folder.
    new_path: PathBuf,
    old_path: Option<PathBuf>,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    if !super::choose_diagnostic_language(args.lang.as_deref()) {
        return Ok(super::USAGE);
    }
    // rulebooks added or removed since the revision: changes with nothing to
    // compare them to
    let mut added_or_removed = 0;
    let pairs = match &args.git {
        None => match args.paths.as_slice() {
            [old, new] => match (super::read_source(old), super::read_source(new)) {
                (Ok(o), Ok(n)) => vec![Pair {
                    old: o,
                    new: n,
                    new_path: PathBuf::from(new),
                    old_path: Some(PathBuf::from(old)),
                }],
                (Err(e), _) | (_, Err(e)) => return Ok(read_error(e)),
            },
            _ => {
                super::words::fail("cli-diff-two", &[]);
                return Ok(USAGE);
            }
        },
        Some(rev) => match args.paths.as_slice() {
            [] => match from_git(rev, ".") {
                Ok((p, n)) => {
                    added_or_removed = n;
                    p
                }
                Err(code) => return Ok(code),
            },
            [path] => match from_git(rev, path) {
                Ok((p, n)) => {
                    added_or_removed = n;
                    p
                }
                Err(code) => return Ok(code),
            },
            _ => {
                super::words::fail("cli-diff-git-one-path", &[]);
                return Ok(USAGE);
            }
        },
    };
    for dir in &args.cases {
        if !Path::new(dir).is_dir() {
            super::words::fail("cli-diff-not-cases", &[("path", dir)]);
            return Ok(USAGE);
        }
    }
    // A rulebook added or removed changes what cases get, whatever else did.
    let whole = if args.fail_on_change && added_or_removed > 0 {
        INPUT_ERRORS
    } else {
        OK
    };
    if pairs.is_empty() {
        if added_or_removed == 0 {
            errln!("{}", super::words::say("cli-diff-no-change", &[]));
        }
        return Ok(whole);
    }
    let format = match args.format {
        Format::Text => diff::Format::Text,
        Format::Markdown => diff::Format::Markdown,
        Format::Json => diff::Format::Json,
    };
    let options = Options {
        max_cases: args.max_cases,
        ..Options::default()
    };
    let mut status = whole;
    for (i, pair) in pairs.iter().enumerate() {
        let (Some(old), Some(new)) = (compile(&pair.old), compile(&pair.new)) else {
            status = INPUT_ERRORS;
            continue;
        };
        let mut dirs: Vec<PathBuf> = Vec::new();
        for p in [Some(&pair.new_path), pair.old_path.as_ref()]
            .into_iter()
            .flatten()
        {
            let dir = p.parent().unwrap_or(Path::new("")).join("cases");
            if dir.is_dir() && !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        dirs.extend(args.cases.iter().map(PathBuf::from));
        let mut files = Vec::new();
        for dir in &dirs {
            collect_cases(dir, &mut files);
        }
        files.dedup();
        let mut corpus = Vec::new();
        for f in &files {
            match super::read_case_source(f) {
                Ok(s) => corpus.push(s),
                Err(e) => {
                    let code = read_error(e);
                    status = status.max(code);
                }
            }
        }
        let report = diff::diff(&old, &new, &corpus, &options);
        if i > 0 {
            writeln!(out)?;
        }
        write!(
            out,
            "{}",
            report.render_in(
                format,
                pair.old.name(),
                pair.new.name(),
                super::diagnostic_language()
            )
        )?;
        if args.fail_on_change
            && (report.behaviour_changed() || (args.fail_on_undecided && report.undecided()))
        {
            status = status.max(INPUT_ERRORS);
        }
    }
    Ok(status)
}

fn read_error(e: ReadError) -> u8 {
    match e {
        ReadError::Usage(m) => {
            super::words::error(&m);
            USAGE
        }
        ReadError::Input(d) => {
            super::eprint_diagnostics(&[d]);
            INPUT_ERRORS
        }
    }
}

fn compile(file: &Arc<SourceFile>) -> Option<DecisionGraph> {
    let (graph, diagnostics) = redress::compile(file);
    if graph.is_none() {
        super::eprint_diagnostics(&diagnostics);
        errln!(
            "{}",
            super::words::say("cli-diff-has-errors", &[("path", file.name())])
        );
    }
    graph
}

/// Case files under a folder, sorted, recursively (see [`super::files::walk`]).
fn collect_cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let wanted = |name: &OsStr| {
        let name = name.to_string_lossy();
        (name.ends_with(".json") || name.ends_with(".toml")) && !name.ends_with(".test.toml")
    };
    let walk = super::files::walk(dir, &wanted);
    walk.report_skipped();
    let mut files = walk.files;
    files.sort();
    out.extend(files);
}

/// Run git in the current folder and return its standard output. Path
/// arguments are taken literally (no pathspec magic), and neither the
/// file-system monitor nor an external diff program is started.
fn git(args: &[&OsStr]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .args(["--literal-pathspecs", "-c", "core.fsmonitor=false"])
        .args(args)
        .output()
        .map_err(|e| {
            super::words::say("cli-diff-no-git", &[("error", &super::words::io_error(&e))])
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        // git's own words, as git says them, framed in the command's
        let said = String::from_utf8_lossy(&out.stderr);
        Err(super::words::say(
            "cli-diff-git-failed",
            &[("error", &redress::report::visible(said.trim()))],
        ))
    }
}

/// Bytes from git as a path (git's paths are bytes; on Unix so are the OS's).
fn os_path(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        PathBuf::from(OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The commit `rev` names, checked before it is used: a revision that
/// starts with `-` would be read by git as an option, so it is refused,
/// and the name is resolved after `--end-of-options`.
fn resolve(rev: &str) -> Result<String, u8> {
    if rev.starts_with('-') {
        super::words::fail("cli-diff-rev-dash", &[("rev", rev)]);
        return Err(USAGE);
    }
    let spec = format!("{rev}^{{commit}}");
    let args = [
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &spec,
    ];
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let commit = git(&args)
        .ok()
        .map(|out| String::from_utf8_lossy(&out).trim().to_string())
        .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_hexdigit()));
    commit.ok_or_else(|| {
        // outside a repository no name is a revision: say so instead
        let in_repo = git(&[OsStr::new("rev-parse"), OsStr::new("--git-dir")]);
        match in_repo {
            Ok(_) => super::words::fail("cli-diff-not-rev", &[("rev", rev)]),
            Err(_) => super::words::fail("cli-diff-not-a-repo", &[]),
        }
        USAGE
    })
}

/// A file's path from the top of the git repository, with `/`: its folder
/// resolved (links included), the file name kept; `None` outside `top`.
fn in_repository(top: &Path, file: &Path) -> Option<Vec<u8>> {
    let name = file.file_name()?;
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = folder.canonicalize().ok()?;
    let rel = folder.strip_prefix(top).ok()?.join(name);
    let mut bytes = Vec::new();
    for part in rel.components() {
        if !bytes.is_empty() {
            bytes.push(b'/');
        }
        bytes.extend_from_slice(part.as_os_str().as_encoded_bytes());
    }
    Some(bytes)
}

/// The rulebooks at `path` (a file, or the changed `.rules` files under a
/// folder), each as of `rev` and in the working tree. Paths come from git
/// raw (`-z`), so names that git would quote are found too.
/// Also counts the rulebooks added or removed since `rev` (said on standard
/// error; nothing to compare them with).
fn from_git(rev: &str, path: &str) -> Result<(Vec<Pair>, usize), u8> {
    let commit = resolve(rev)?;
    let usage = |e: String| {
        super::words::error(&e);
        USAGE
    };
    let top = git(&[OsStr::new("rev-parse"), OsStr::new("--show-toplevel")]).map_err(usage)?;
    let top = os_path(top.strip_suffix(b"\n").unwrap_or(&top));
    let top = top.canonicalize().map_err(|e| {
        usage(super::words::say(
            "cli-cannot-read",
            &[
                ("path", &top.display().to_string()),
                ("error", &super::words::io_error(&e)),
            ],
        ))
    })?;
    let named = Path::new(path).is_file();
    let files: Vec<PathBuf> = if named {
        vec![PathBuf::from(path)]
    } else {
        let args = [
            "diff",
            "-z",
            "--name-only",
            "--relative",
            "--no-ext-diff",
            &commit,
            "--",
            path,
        ];
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let listed = git(&args).map_err(usage)?;
        listed
            .split(|b| *b == 0)
            .filter(|p| p.ends_with(b".rules"))
            .map(os_path)
            .collect()
    };
    let mut pairs = Vec::new();
    let mut added_or_removed = 0;
    for file in files {
        let shown = file.to_string_lossy();
        // the name as said to a terminal
        let said = redress::report::visible_inline(&shown);
        if !file.is_file() {
            errln!(
                "{}",
                super::words::say("cli-diff-removed", &[("path", &said), ("rev", rev)])
            );
            added_or_removed += 1;
            continue;
        }
        // a file found by git that is a link leading out of the repository
        // is not read, as in a folder walk; but a changed rulebook that
        // cannot be compared must not pass as "no change"
        if !named && !super::files::inside(&file, std::slice::from_ref(&top)) {
            super::words::fail("cli-diff-link-outside", &[("path", &said)]);
            return Err(USAGE);
        }
        let Some(in_repo) = in_repository(&top, &file) else {
            super::words::fail(
                "cli-diff-not-in-repo",
                &[("path", &said), ("top", &top.display().to_string())],
            );
            return Err(USAGE);
        };
        let mut spec = format!("{commit}:").into_bytes();
        spec.extend_from_slice(&in_repo);
        let spec = os_path(&spec);
        let args = [OsStr::new("cat-file"), OsStr::new("blob"), spec.as_os_str()];
        let Ok(old_text) = git(&args) else {
            errln!(
                "{}",
                super::words::say("cli-diff-added", &[("path", &said), ("rev", rev)])
            );
            added_or_removed += 1;
            continue;
        };
        let Ok(old_text) = String::from_utf8(old_text) else {
            super::words::fail("cli-diff-not-utf8", &[("path", &said), ("rev", rev)]);
            return Err(INPUT_ERRORS);
        };
        let new = super::read_source(&file).map_err(read_error)?;
        pairs.push(Pair {
            old: SourceFile::new(format!("{rev}:{shown}"), old_text),
            new,
            new_path: file.clone(),
            old_path: None,
        });
    }
    Ok((pairs, added_or_removed))
}
