//! Hostile inputs: see tests/hostile/mod.rs. This file: what redress reads
//! and writes on the host (`diff --git`, `fmt` writing, the rulebook a test
//! names, folder walks). Each test makes its files in a folder of its own
//! under the system's temporary folder and removes it afterwards.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::root;
use crate::support::Run;

/// A fresh folder for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "redress-hostile-files-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir.canonicalize().unwrap())
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    /// Write a file (and its folders).
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Run a program in `dir` with extra environment variables; a watchdog
/// kills it and fails the test after 60 s (a pipe named like a rulebook
/// once made redress wait forever).
fn run_in(dir: &Path, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    let out = match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!(
                "`{} {}` did not finish in 60 s",
                program.display(),
                args.join(" ")
            );
        }
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn redress_in(dir: &Path, args: &[&str]) -> Run {
    run_in(dir, Path::new(env!("CARGO_BIN_EXE_redress")), args, &[])
}

fn git(dir: &Path, args: &[&str]) {
    let r = run_in(dir, Path::new("git"), args, &[]);
    assert_eq!(r.code, 0, "git {}: {}", args.join(" "), r.stderr);
}

/// A git repository holding `name` (the example rulebook) in one commit,
/// with the file then changed so that its behaviour changes.
fn repository(scratch: &Scratch, name: &str) -> PathBuf {
    let repo = scratch.path("repo");
    fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "--quiet"]);
    git(&repo, &["config", "user.name", "redress tests"]);
    git(&repo, &["config", "user.email", "tests@redress.invalid"]);
    // git's default, written out: names outside ASCII are quoted
    git(&repo, &["config", "core.quotepath", "true"]);
    let example = fs::read_to_string(root().join("rulebooks/example/example.rules")).unwrap();
    fs::write(repo.join(name), &example).unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "--quiet", "-m", "the example"]);
    fs::write(repo.join(name), example.replace("7 days", "8 days")).unwrap();
    repo
}

#[test]
fn diff_git_revisions_that_look_like_options() {
    let scratch = Scratch::new("diff-options");
    let repo = repository(&scratch, "book.rules");
    for rev in [
        "--output=victim.txt",
        "-Oorderfile",
        "--",
        "-p",
        "--end-of-options",
    ] {
        let r = redress_in(
            &repo,
            &["diff", &format!("--git={rev}"), "--fail-on-change"],
        );
        assert_eq!(r.code, 2, "{rev}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "`{rev}` is not a git revision: a revision cannot start with `-`"
            )),
            "{rev}: {}",
            r.stderr
        );
        assert!(!repo.join("victim.txt").exists(), "{rev} wrote a file");
    }
    let r = redress_in(&repo, &["diff", "--git=no-such-branch"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`no-such-branch` is not a git revision"),
        "{}",
        r.stderr
    );
}

#[test]
fn diff_git_of_a_rulebook_named_in_chinese() {
    let scratch = Scratch::new("diff-chinese");
    let repo = repository(&scratch, "规则.rules");
    let r = redress_in(&repo, &["diff", "--git", "HEAD", "--fail-on-change"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("规则.rules"), "{}", r.stdout);
    assert!(!r.stderr.contains("no rulebook changed"), "{}", r.stderr);
}

#[test]
fn diff_git_with_an_absolute_path_from_a_subfolder() {
    let scratch = Scratch::new("diff-absolute");
    let repo = repository(&scratch, "规则.rules");
    let sub = repo.join("sub");
    fs::create_dir_all(&sub).unwrap();
    let book = repo.join("规则.rules");
    let book = book.to_str().unwrap();
    let r = redress_in(&sub, &["diff", "--git", "HEAD", "--fail-on-change", book]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Behaviour changed"), "{}", r.stdout);
    assert!(!r.stderr.contains("a new rulebook"), "{}", r.stderr);
    // a file outside the repository has no version in it
    let outside = scratch.write("outside.rules", "");
    let r = redress_in(&sub, &["diff", "--git", "HEAD", outside.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("is not in the git repository at"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn diff_git_of_a_rulebook_replaced_by_a_link_out_of_the_repository() {
    let scratch = Scratch::new("diff-link-out");
    let repo = repository(&scratch, "book.rules");
    let secret = scratch.write("secret.rules", "SECRETWORD SECRETWORD\n");
    fs::remove_file(repo.join("book.rules")).unwrap();
    std::os::unix::fs::symlink(&secret, repo.join("book.rules")).unwrap();
    let r = redress_in(&repo, &["diff", "--git", "HEAD", "--fail-on-change"]);
    // not read, and not passed off as "no change" either
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(!format!("{}{}", r.stdout, r.stderr).contains("SECRETWORD"));
    assert!(
        r.stderr.contains(
            "error: `book.rules` is a symbolic link to a file outside the repository; not read"
        ),
        "{}",
        r.stderr
    );
}

/// The example rulebook with white space at the end of every line: valid,
/// not formatted, and longer than 512 bytes formatted.
fn unformatted() -> String {
    fs::read_to_string(root().join("rulebooks/example/example.rules"))
        .unwrap()
        .lines()
        .map(|l| format!("{l}   \n"))
        .collect()
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A full disk cannot be made in a test, but a file size limit
/// (`ulimit -f`) fails a write part-way just as ENOSPC does: `fmt` used to
/// truncate the rulebook and then fail, leaving it cut after 512 bytes.
#[cfg(unix)]
#[test]
fn fmt_of_a_rulebook_when_the_write_fails_part_way() {
    let scratch = Scratch::new("fmt-full");
    let text = unformatted();
    let book = scratch.write("book.rules", &text);
    let script = "trap '' XFSZ; ulimit -f 1; exec \"$0\" fmt book.rules";
    let r = run_in(
        &scratch.0,
        Path::new("sh"),
        &["-c", script, env!("CARGO_BIN_EXE_redress")],
        &[],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("error: cannot write `book.rules`: ")
            && r.stderr.contains("; the file is unchanged"),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&book).unwrap(), text);
    assert_eq!(
        names(&scratch.0),
        ["book.rules"],
        "a temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn fmt_of_a_rulebook_with_restricted_permissions_and_a_link_to_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let scratch = Scratch::new("fmt-link");
    let book = scratch.write("books/real.rules", &unformatted());
    fs::set_permissions(&book, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.rules", scratch.path("books/link.rules")).unwrap();
    let r = redress_in(&scratch.0, &["fmt", "books/link.rules"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "formatted books/link.rules\n");
    let link = fs::symlink_metadata(scratch.path("books/link.rules")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let meta = fs::metadata(&book).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    let formatted = fs::read_to_string(&book).unwrap();
    assert!(!formatted.contains("   \n"), "{formatted}");
    assert_eq!(names(&scratch.path("books")), ["link.rules", "real.rules"]);
}

#[cfg(unix)]
#[test]
fn rules_links_to_files_outside_the_folder_given_to_fmt() {
    let scratch = Scratch::new("fmt-outside");
    let secret = format!("# SECRET-TOKEN-4242\n{}", unformatted());
    let outside = scratch.write("outside/secret.rules", &secret);
    scratch.write("books/own.rules", &unformatted());
    std::os::unix::fs::symlink(&outside, scratch.path("books/secret.rules")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", scratch.path("books/environ.rules")).unwrap();
    let env = [("REDRESS_HOSTILE_SECRET", "hunter2-hunter2")];
    let program = Path::new(env!("CARGO_BIN_EXE_redress"));
    for args in [&["fmt", "--check", "books"][..], &["fmt", "books"]] {
        let r = run_in(&scratch.0, program, args, &env);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(!all.contains("SECRET-TOKEN"), "{all}");
        assert!(!all.contains("hunter2"), "{all}");
        for link in ["books/secret.rules", "books/environ.rules"] {
            assert!(
                r.stderr.contains(&format!(
                    "note: skipped `{link}`: a symbolic link to a file outside the folder given"
                )),
                "{}",
                r.stderr
            );
        }
        assert!(all.contains("books/own.rules"), "{all}");
    }
    assert_eq!(fs::read_to_string(&outside).unwrap(), secret);
}

#[cfg(unix)]
#[test]
fn pipe_named_like_a_rulebook_in_a_folder_given_to_fmt() {
    let scratch = Scratch::new("fmt-fifo");
    fs::create_dir_all(scratch.path("books")).unwrap();
    let made = run_in(&scratch.0, Path::new("mkfifo"), &["books/pipe.rules"], &[]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let r = redress_in(&scratch.0, &["fmt", "--check", "books"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("note: skipped `books/pipe.rules`: not a regular file"),
        "{}",
        r.stderr
    );
}

/// A test whose case and expectations are empty, naming `rulebook`.
fn test_naming(rulebook: &str) -> String {
    format!("rulebook = {rulebook:?}\n\n[case]\n\n[expect]\n")
}

#[cfg(unix)]
#[test]
fn test_files_naming_proc_self_environ_as_their_rulebook() {
    let scratch = Scratch::new("test-environ");
    let up = "../".repeat(30);
    scratch.write("t/absolute.test.toml", &test_naming("/proc/self/environ"));
    scratch.write(
        "t/escaping.test.toml",
        &test_naming(&format!("{up}proc/self/environ")),
    );
    scratch.write("t/linked.test.toml", &test_naming("environ.rules"));
    std::os::unix::fs::symlink("/proc/self/environ", scratch.path("t/environ.rules")).unwrap();
    let env = [("REDRESS_HOSTILE_SECRET", "hunter2-hunter2")];
    let program = Path::new(env!("CARGO_BIN_EXE_redress"));
    for format in ["human", "json"] {
        let r = run_in(
            &scratch.0,
            program,
            &["test", "--format", format, "t"],
            &env,
        );
        assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(!all.contains("hunter2"), "{all}");
    }
    let r = run_in(
        &scratch.0,
        program,
        &["test", "--format", "json", "t"],
        &env,
    );
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let messages: Vec<(&str, &str)> = report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["path"].as_str().unwrap(),
                t["diagnostics"][0]["message"].as_str().unwrap(),
            )
        })
        .collect();
    let escaping = format!(
        "the rulebook `{}proc/self/environ` is outside the folder tested and the current folder",
        "../".repeat(29)
    );
    assert_eq!(
        messages,
        [
            (
                "t/absolute.test.toml",
                "the rulebook `/proc/self/environ` is an absolute path; a test names its rulebook relative to the test file"
            ),
            ("t/escaping.test.toml", escaping.as_str()),
            (
                "t/linked.test.toml",
                "the rulebook `t/environ.rules` is outside the folder tested and the current folder"
            ),
        ]
    );
}

#[test]
fn test_file_naming_a_rulebook_that_is_not_a_rulebook() {
    let scratch = Scratch::new("test-not-rules");
    let long = "SECRETWORD ".repeat(10_000);
    scratch.write("notes.txt", &format!("{long}\n"));
    scratch.write("t/notes.test.toml", &test_naming("../notes.txt"));
    scratch.write("t/folder.test.toml", &test_naming("../t"));
    for format in ["human", "json"] {
        let r = redress_in(&scratch.0, &["test", "--format", format, "t"]);
        assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(!all.contains("SECRETWORD"), "{all}");
        if format == "human" {
            assert!(
                all.contains("the rulebook `notes.txt` has an error at line 1, column 1"),
                "{all}"
            );
            assert!(all.contains("redress::syntax_error"), "{all}");
        }
        assert!(all.contains("the rulebook `notes.txt` has errors"), "{all}");
        assert!(
            all.contains("the rulebook `t` is not a regular file"),
            "{all}"
        );
    }
}

/// A file name that is not UTF-8 (Latin-1 `café`), as Linux allows.
#[cfg(target_os = "linux")]
fn latin1(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    use std::os::unix::ffi::OsStrExt as _;
    let mut name = stem.as_bytes().to_vec();
    name.push(0xe9);
    name.extend_from_slice(ext.as_bytes());
    dir.join(std::ffi::OsStr::from_bytes(&name))
}

#[cfg(target_os = "linux")]
#[test]
fn rulebook_and_test_file_names_that_are_not_utf8_in_folder_walks() {
    let scratch = Scratch::new("walk-latin1");
    fs::create_dir_all(scratch.path("books")).unwrap();
    fs::write(
        latin1(&scratch.path("books"), "caf", ".rules"),
        unformatted(),
    )
    .unwrap();
    let r = redress_in(&scratch.0, &["fmt", "--check", "books"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("No such file"), "{}", r.stderr);
    assert!(
        r.stdout.contains("books/caf\u{fffd}.rules: not formatted"),
        "{}",
        r.stdout
    );

    let example = root().join("rulebooks/example");
    scratch.write(
        "suite/example.rules",
        &fs::read_to_string(example.join("example.rules")).unwrap(),
    );
    fs::create_dir_all(scratch.path("suite/tests")).unwrap();
    fs::write(
        latin1(&scratch.path("suite/tests"), "caf", ".test.toml"),
        fs::read(example.join("tests/fraud-minimum.test.toml")).unwrap(),
    )
    .unwrap();
    let r = redress_in(&scratch.0, &["test", "suite"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.ends_with("1 passed, 0 failed\n"), "{}", r.stdout);
}

#[test]
fn tests_folder_of_a_rulebook_given_from_another_folder() {
    let scratch = Scratch::new("test-elsewhere");
    let example = root().join("rulebooks/example");
    scratch.write(
        "suite/example.rules",
        &fs::read_to_string(example.join("example.rules")).unwrap(),
    );
    scratch.write(
        "suite/tests/minimum.test.toml",
        &fs::read_to_string(example.join("tests/fraud-minimum.test.toml")).unwrap(),
    );
    fs::create_dir_all(scratch.path("elsewhere")).unwrap();
    let r = redress_in(&scratch.path("elsewhere"), &["test", "../suite/tests"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.ends_with("1 passed, 0 failed\n"), "{}", r.stdout);
    // but not two folders up
    scratch.write("secret.rules", "SECRETWORD\n");
    scratch.write(
        "suite/tests/up.test.toml",
        &test_naming("../../secret.rules"),
    );
    let r = redress_in(&scratch.path("elsewhere"), &["test", "../suite/tests"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("SECRETWORD"), "{}", r.stdout);
    assert!(
        r.stdout.contains("is outside the folder tested"),
        "{}",
        r.stdout
    );
}

/// A rulebook deleted, or a new one added, since the revision: nothing to
/// compare, but not "no change" either. `--fail-on-change` said exit 0.
#[test]
fn diff_git_after_a_rulebook_was_deleted_or_added() {
    let scratch = Scratch::new("diff-removed");
    let repo = repository(&scratch, "book.rules");
    fs::remove_file(repo.join("book.rules")).unwrap();
    let r = redress_in(&repo, &["diff", "--git", "HEAD", "--fail-on-change"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("book.rules: removed since HEAD; every remedy it gave is gone"),
        "{}",
        r.stderr
    );
    // without --fail-on-change it is said, and the run succeeds
    let r = redress_in(&repo, &["diff", "--git", "HEAD"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);

    let scratch = Scratch::new("diff-added");
    let repo = repository(&scratch, "book.rules");
    git(&repo, &["checkout", "--quiet", "--", "book.rules"]);
    let example = fs::read_to_string(root().join("rulebooks/example/example.rules")).unwrap();
    fs::write(repo.join("other.rules"), example).unwrap();
    git(&repo, &["add", "other.rules"]);
    let r = redress_in(&repo, &["diff", "--git", "HEAD", "--fail-on-change"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("other.rules: not in HEAD; a new rulebook (a change"),
        "{}",
        r.stderr
    );
}

/// A folder tested from elsewhere whose name is not `tests` (`redress test
/// /src` run from another folder): its test files may not reach the folder
/// above it — which, for a folder at the top of the file system, was the
/// whole file system.
#[test]
fn folder_tested_from_elsewhere_naming_a_rulebook_beside_it() {
    let scratch = Scratch::new("test-beside");
    scratch.write("secret.rules", "SECRETWORD\n");
    scratch.write("suite/beside.test.toml", &test_naming("../secret.rules"));
    fs::create_dir_all(scratch.path("elsewhere")).unwrap();
    let r = redress_in(&scratch.path("elsewhere"), &["test", "../suite"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("SECRETWORD"), "{}", r.stdout);
    assert!(
        r.stdout.contains("is outside the folder tested"),
        "{}",
        r.stdout
    );
}

/// A rulebook made read-only on purpose: formatting it through a temporary
/// file and a rename needs only the folder's permission, and rewrote it.
#[cfg(unix)]
#[test]
fn fmt_of_a_read_only_rulebook() {
    use std::os::unix::fs::PermissionsExt as _;
    let scratch = Scratch::new("fmt-read-only");
    let path = scratch.write("book.rules", &unformatted());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let r = redress_in(&scratch.0, &["fmt", "book.rules"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("cannot write `book.rules`: it is read-only; the file is unchanged"),
        "{}",
        r.stderr
    );
    // redress's own reason, in the command line's language
    let r = redress_in(&scratch.0, &["fmt", "--lang", "zh", "book.rules"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("无法写入 `book.rules`：文件是只读的；文件未改动"),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), unformatted());
}

/// Folders nested deeper than the walk goes: skipped with a note, not
/// silently (a CI step would pass without looking at them).
#[test]
fn rulebook_seventy_folders_deep() {
    let scratch = Scratch::new("deep-folders");
    let deep: PathBuf = std::iter::once("books".to_string())
        .chain((0..70).map(|i| format!("d{i}")))
        .collect();
    scratch.write(&deep.join("book.rules").to_string_lossy(), &unformatted());
    let r = redress_in(&scratch.0, &["fmt", "--check", "books"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("folders nested deeper than the walk goes"),
        "{}",
        r.stderr
    );
}
