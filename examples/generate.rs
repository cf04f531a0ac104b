//! Write the generated benchmark rulebooks and cases into a folder:
//! `cargo run --release --example generate -- OUT_DIR` writes
//! `rules-100.rules`, `rules-1000.rules`, `rules-10000.rules`,
//! `cases-10000.jsonl` (every fact given) and `cases-10000-missing.jsonl`
//! (about 10 % of the facts left out). The same seed writes the same bytes.

#[path = "../benches/generator/mod.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example generate -- OUT_DIR");
        return ExitCode::from(2);
    };
    match generator::write_all(&dir) {
        Ok(names) => {
            for name in names {
                println!("{}", dir.join(name).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write into `{}`: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
