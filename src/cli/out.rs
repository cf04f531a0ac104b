//! Standard output and standard error without panics.
//!
//! `println!` and `eprintln!` panic when the write fails, and Rust ignores
//! SIGPIPE, so `redress eval … | head -1` used to end in a panic once `head`
//! had gone. Instead every verb writes its output to a `&mut dyn Write` (the
//! locked standard output, see `cli::run`) with `write!`/`writeln!` and `?`,
//! and returns `io::Result<u8>`: `Err` only ever means that standard output
//! failed, and the verb stops at once. `finish` turns that into the exit code:
//!
//! - A closed pipe (`BrokenPipe`: the reader went away) ends the run quietly
//!   with status 0. A C tool would die of SIGPIPE (shell status 141); Rust
//!   asks for no PIPE signal, and re-raising it needs `unsafe` and libc. We do
//!   what ripgrep does (crates/core/main.rs: a `BrokenPipe` anywhere in the
//!   error chain returns `ExitCode::from(0)`, other errors print and exit 2):
//!   the reader asked for no more, which is not a failure of ours, and
//!   `set -o pipefail` scripts don't break on `redress … | head`.
//! - Any other write error (a full disk: `redress eval … > /dev/full`) is
//!   reported on standard error and exits 2, like the other failures of the
//!   surroundings rather than of the input (`cannot read`/`cannot write` a
//!   file are usage errors, 2, everywhere else in the CLI).
//!
//! Standard error goes through `errln!`/`err!`, which ignore write errors:
//! a closed or full standard error is rare, there is nowhere left to report
//! it, and the output on standard output may still be wanted. (A missing
//! file descriptor 2 is already ignored by the standard library; a panic
//! message on a broken standard error is dropped by the panic hook too.)

use std::io;

use super::{OK, USAGE};

/// `eprintln!` that cannot panic: errors writing standard error are ignored.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that cannot panic: errors writing standard error are ignored.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// The exit code for a verb's result; see the module comment.
pub(crate) fn finish(result: io::Result<u8>) -> u8 {
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            super::words::fail(
                "cli-cannot-write-stdout",
                &[("error", &super::words::io_error(&e))],
            );
            USAGE
        }
    }
}
