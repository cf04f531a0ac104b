//! Running the `redress` binary as a user would, for the CLI tests.

use std::io::{Read as _, Write as _};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;

/// How long a run may take before a test kills it and fails.
pub const WATCHDOG: Duration = Duration::from_secs(60);

/// A run of the `redress` binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `redress ARGS` from the repository root, with all three streams piped,
/// in the "C" locale (diagnostics in English whatever the developer's
/// locale; `LC_ALL` decides before `LC_MESSAGES` and `LANG`).
pub fn spawn(args: &[&str]) -> std::process::Child {
    spawn_with_env(args, &[("LC_ALL", "C")])
}

/// `redress ARGS` as [`spawn`], with the locale variables (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`) removed and then `vars` set.
pub fn spawn_with_env(args: &[&str], vars: &[(&str, &str)]) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_redress"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied());
    command
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

pub fn redress(args: &[&str], stdin: Option<&str>) -> Run {
    run_child(spawn(args), stdin)
}

/// `redress ARGS` with the locale variables `vars` (and no others).
pub fn redress_with_env(args: &[&str], vars: &[(&str, &str)], stdin: Option<&str>) -> Run {
    run_child(spawn_with_env(args, vars), stdin)
}

fn run_child(mut child: Child, stdin: Option<&str>) -> Run {
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

/// Wait for a child whose stdin is already dealt with, reading both its
/// streams, killing it (and failing) after [`WATCHDOG`].
pub fn finish(mut child: Child) -> Run {
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stdout.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stderr.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("redress did not finish within {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}
