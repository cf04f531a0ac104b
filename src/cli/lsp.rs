//! `redress lsp`: the language server, over standard input and output. The
//! library's `lsp::Server` answers each message; this file only reads the
//! messages and writes the answers.

use std::io::{self, Write};

use redress::lsp::{Flow, Server};

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
    let mut server = Server::new();
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
