//! Write the generated benchmark rulebooks and cases into a folder:
//! `cargo run --release --example generate -- OUT_DIR` writes
//! `rules-100.rules`, `rules-1000.rules`, `rules-10000.rules`,
//! `cases-10000.jsonl` (every fact given) and `cases-10000-missing.jsonl`
//! (about 10 % of the facts left out). The same seed writes the same bytes.
//! With sizes after the folder (`-- OUT_DIR 32000 100000`) it writes only
//! the rulebooks of those sizes (for measuring `diff` at scale).

#[path = "../benches/generator/mod.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example generate -- OUT_DIR");
        return ExitCode::from(2);
    };
    let sizes: Vec<usize> = std::env::args()
        .skip(2)
        .filter_map(|a| a.parse().ok())
        .collect();
    let written = if sizes.is_empty() {
        generator::write_all(&dir)
    } else {
        std::fs::create_dir_all(&dir).and_then(|()| {
            sizes
                .iter()
                .map(|&n| {
                    let name = generator::rulebook_file(n);
                    std::fs::write(dir.join(&name), generator::rulebook(n, generator::SEED))
                        .map(|()| name)
                })
                .collect()
        })
    };
    match written {
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
