// The redress extension: starts `redress lsp` for `.rules` files, and
// "redress: Evaluate case file" runs `redress eval` on the case file in the
// active editor against its rulebook (or `redress test` on a test file),
// showing the outcome in an output panel. Every message is in English and
// Chinese: `vscode.l10n.t` strings are translated in l10n/bundle.l10n.zh-cn.json,
// the contributed titles and settings in package.nls*.json (tests/l10n.test.js
// checks that none is missing).
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
        vscode.window.showInformationMessage(vscode.l10n.t("redress: reload the window to use the new program."));
      }
    })
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      vscode.l10n.t(
        'redress: cannot start `{0} lsp` ({1}). Set "redress.path" to the redress program.',
        program(),
        e.message
      )
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
    filters: { [vscode.l10n.t("redress rulebook")]: ["rules"] },
    openLabel: vscode.l10n.t("Evaluate against this rulebook"),
  });
  return picked && picked[0] ? picked[0].fsPath : undefined;
}

// A test file (`*.test.toml`, `*.test.json`) is not a case: its cases are run
// with their expectations by `redress test`.
function isTestFile(file) {
  return /\.test\.(toml|json)$/.test(file);
}

async function evaluateCase() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== "file") {
    vscode.window.showErrorMessage(vscode.l10n.t("redress: open a case file (.json or .toml) first."));
    return;
  }
  const casePath = editor.document.uri.fsPath;
  if (!/\.(json|toml)$/.test(casePath)) {
    vscode.window.showErrorMessage(vscode.l10n.t("redress: the active file is not a case file (.json or .toml)."));
    return;
  }
  if (editor.document.isDirty) {
    await editor.document.save();
  }
  let args;
  let cwd;
  if (isTestFile(casePath)) {
    args = ["test", casePath];
    cwd = path.dirname(casePath);
  } else {
    const rulebook = await rulebookFor(casePath);
    if (!rulebook) {
      return;
    }
    args = ["eval", rulebook, casePath];
    const lang = vscode.workspace.getConfiguration("redress").get("lang");
    if (lang) {
      args.push("--lang", lang);
    }
    cwd = path.dirname(rulebook);
  }
  output.clear();
  output.appendLine(`$ ${program()} ${args.join(" ")}`);
  output.show(true);
  execFile(program(), args, { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
    if (stdout) output.append(stdout);
    if (stderr) output.append(stderr);
    if (error && error.code === undefined) {
      output.appendLine(vscode.l10n.t("cannot run {0}: {1}", program(), error.message));
    }
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
