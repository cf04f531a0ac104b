//! `redress lsp`: the language server, over standard input and output. The
//! library's `lsp::Server` answers each message; this file only reads the
//! messages and writes the answers.

use std::io::{self, Write};

use std::path::{Path, PathBuf};

use redress::lsp::{Flow, Server, TestFiles};

/// Run the language server on standard input and output (the editor starts
/// it; see docs/editors.md).
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Editors start it themselves: see docs/editors.md for VS Code, Neovim and Helix.\n\nIt speaks the Language Server Protocol (JSON-RPC) on standard input and output: diagnostics,\nhover, completion, go to definition, references, formatting, outline, quick fixes, rename and\nsemantic tokens for `.rules` files."
)]
pub(crate) struct Args {
    /// Accepted for editors that pass it; standard input and output are the only transport.
    #[arg(long)]
    stdio: bool,
}

pub(crate) fn run(out: &mut dyn Write, _: &Args) -> io::Result<u8> {
    let mut input = io::stdin().lock();
    let mut server = Server::with_test_files(Box::new(Disk));
    let mut answers = Vec::new();
    loop {
        let Some(message) = lsp_server::Message::read(&mut input)? else {
            // the editor closed the pipe without `exit`
            return Ok(super::INPUT_ERRORS);
        };
        let flow = server.handle(message, &mut answers);
        for answer in answers.drain(..) {
            answer.write(&mut &mut *out)?;
        }
        out.flush()?;
        if let Flow::Exit(code) = flow {
            return Ok(code);
        }
    }
}

/// The test files beside a rulebook, read from the disk: `*.test.toml` and
/// `*.test.json` in its folder and in its `tests/` folder (not following
/// links to folders), each at most the `case_bytes` limit.
struct Disk;

impl TestFiles for Disk {
    fn beside(&self, rulebook: &Path) -> Vec<(PathBuf, String)> {
        let Some(folder) = rulebook.parent() else {
            return Vec::new();
        };
        let mut paths = Vec::new();
        for dir in [folder.to_path_buf(), folder.join("tests")] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            paths.extend(entries.flatten().map(|e| e.path()).filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                (name.ends_with(".test.toml") || name.ends_with(".test.json")) && p.is_file()
            }));
        }
        paths.sort();
        paths
            .into_iter()
            .filter_map(|p| {
                let text = super::read_case_source(&p).ok()?.text().to_string();
                Some((p, text))
            })
            .collect()
    }
}
