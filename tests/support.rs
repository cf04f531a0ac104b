//! Running the `redress` binary as a user would, for the CLI tests.

use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::root;

/// A run of the `redress` binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `redress ARGS` from the repository root, with all three streams piped.
pub fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_redress"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

pub fn redress(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        // the program may exit before reading (a usage error): ignore a broken pipe
        let _ = input.write_all(s.as_bytes());
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
