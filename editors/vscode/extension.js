// The redress extension: starts `redress lsp` for `.rules` files, and
// "redress: Evaluate case file" runs `redress eval` on the case file in the
// active editor against its rulebook, showing the outcome in an output panel.
"use strict";

const path = require("path");
const fs = require("fs");
const { execFile } = require("child_process");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;
let output;

function program() {
  return vscode.workspace.getConfiguration("redress").get("path") || "redress";
}

async function activate(context) {
  output = vscode.window.createOutputChannel("redress");
  context.subscriptions.push(output);
  const server = { command: program(), args: ["lsp"] };
  client = new LanguageClient(
    "redress",
    "redress",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "redress" }, { scheme: "untitled", language: "redress" }],
      outputChannel: output,
    }
  );
  context.subscriptions.push(
    vscode.commands.registerCommand("redress.evaluateCase", evaluateCase),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("redress.path") && client) {
        await client.stop();
        client = undefined;
        vscode.window.showInformationMessage("redress: reload the window to use the new program.");
      }
    })
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `redress: cannot start \`${program()} lsp\` (${e.message}). Set "redress.path" to the redress program.`
    );
  }
}

// The rulebook of a case file: the only `*.rules` file in its folder or the
// folder above (a rulebook's `cases/` and `tests/` sit beside it), else ask.
async function rulebookFor(casePath) {
  for (const dir of [path.dirname(casePath), path.dirname(path.dirname(casePath))]) {
    let found = [];
    try {
      found = fs.readdirSync(dir).filter((f) => f.endsWith(".rules"));
    } catch (e) {
      continue;
    }
    if (found.length === 1) {
      return path.join(dir, found[0]);
    }
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { "redress rulebook": ["rules"] },
    openLabel: "Evaluate against this rulebook",
  });
  return picked && picked[0] ? picked[0].fsPath : undefined;
}

async function evaluateCase() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== "file") {
    vscode.window.showErrorMessage("redress: open a case file (.json or .toml) first.");
    return;
  }
  const casePath = editor.document.uri.fsPath;
  if (!/\.(json|toml)$/.test(casePath)) {
    vscode.window.showErrorMessage("redress: the active file is not a case file (.json or .toml).");
    return;
  }
  if (editor.document.isDirty) {
    await editor.document.save();
  }
  const rulebook = await rulebookFor(casePath);
  if (!rulebook) {
    return;
  }
  const args = ["eval", rulebook, casePath];
  const lang = vscode.workspace.getConfiguration("redress").get("lang");
  if (lang) {
    args.push("--lang", lang);
  }
  output.clear();
  output.appendLine(`$ ${program()} ${args.join(" ")}`);
  output.show(true);
  execFile(program(), args, { cwd: path.dirname(rulebook), maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
    if (stdout) output.append(stdout);
    if (stderr) output.append(stderr);
    if (error && error.code === undefined) {
      output.appendLine(`cannot run ${program()}: ${error.message}`);
    }
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
