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
