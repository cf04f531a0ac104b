//! `redress lsp` end to end (issue 18): the test is the editor. It spawns the
//! server, speaks JSON-RPC over its standard input and output (initialize,
//! didOpen, didChange, hover, completion, definition, references,
//! formatting, code actions, rename, symbols, semantic tokens, shutdown,
//! exit) and snapshots the answers. A watchdog kills the server and fails
//! the test when an answer takes over a minute.

use std::io::{BufReader, Write as _};
use std::process::{Child, ChildStdin};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Instant;

use lsp_server::Message;
use serde_json::{Value, json};

use crate::root;
use crate::support::{WATCHDOG, spawn};

const URI: &str = "file:///books/example.rules";

/// An editor's side of a session.
struct Editor {
    child: Child,
    input: Option<ChildStdin>,
    messages: Receiver<Message>,
    next_id: i32,
    /// Notifications received while waiting for a response.
    notes: Vec<lsp_server::Notification>,
}

impl Editor {
    fn start() -> Editor {
        Editor::start_in("en")
    }

    /// A session whose editor says its language is `locale`.
    fn start_in(locale: &str) -> Editor {
        let mut child = spawn(&["lsp"]);
        let input = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(m)) = Message::read(&mut reader) {
                if send.send(m).is_err() {
                    break;
                }
            }
        });
        let mut editor = Editor {
            child,
            input,
            messages,
            next_id: 0,
            notes: Vec::new(),
        };
        let init = editor.request(
            "initialize",
            json!({"capabilities": {}, "locale": locale, "processId": null}),
        );
        assert_eq!(init["serverInfo"]["name"], "redress");
        editor.notify("initialized", json!({}));
        editor
    }

    fn send(&mut self, m: Message) {
        m.write(self.input.as_mut().unwrap()).unwrap();
        self.input.as_mut().unwrap().flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let n = lsp_server::Notification::new(method.to_string(), params);
        self.send(Message::Notification(n));
    }

    /// The next message, or a failed test after the watchdog's time.
    fn receive(&mut self, started: Instant) -> Message {
        let left = WATCHDOG.saturating_sub(started.elapsed());
        match self.messages.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                panic!("redress lsp gave no answer within {WATCHDOG:?}");
            }
            Err(RecvTimeoutError::Disconnected) => panic!("redress lsp closed its output"),
        }
    }

    /// A request's result (`null` as `Value::Null`); an error response fails.
    fn request(&mut self, method: &str, params: Value) -> Value {
        match self.try_request(method, params) {
            Ok(v) => v,
            Err(e) => panic!("{method} failed: {e:?}"),
        }
    }

    fn try_request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let r = lsp_server::Request::new(id.into(), method.to_string(), params);
        self.send(Message::Request(r));
        let started = Instant::now();
        loop {
            match self.receive(started) {
                Message::Response(r) if r.id == id.into() => {
                    return match r.error {
                        Some(e) => Err(json!({"code": e.code, "message": e.message})),
                        None => Ok(r.result.unwrap_or(Value::Null)),
                    };
                }
                Message::Notification(n) => self.notes.push(n),
                other => panic!("unexpected message {other:?}"),
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        let started = Instant::now();
        loop {
            let found = self.notes.iter().position(|n| {
                n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri
            });
            if let Some(i) = found {
                return self.notes.remove(i).params;
            }
            match self.receive(started) {
                Message::Notification(n) => self.notes.push(n),
                other => panic!("unexpected message {other:?}"),
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "redress", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i32, changes: Value) -> Value {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
        self.diagnostics(uri)
    }

    /// A request at a position of a document.
    fn at(&mut self, method: &str, uri: &str, (line, character): (u32, u32), more: Value) -> Value {
        let mut params = json!({
            "textDocument": {"uri": uri},
            "position": {"line": line, "character": character},
        });
        if let (Some(p), Value::Object(more)) = (params.as_object_mut(), more) {
            p.extend(more);
        }
        self.request(method, params)
    }

    /// shutdown, exit: the server's exit status.
    fn finish(mut self) -> i32 {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        drop(self.input.take());
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if started.elapsed() > WATCHDOG {
                let _ = self.child.kill();
                panic!("redress lsp did not exit within {WATCHDOG:?}");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

fn example() -> String {
    std::fs::read_to_string(root().join("rulebooks/example/example.rules")).unwrap()
}

/// The (0-based) line and UTF-16 column of the first `needle` in `text`
/// after `after`, moved `skip` characters into it.
fn find(text: &str, after: &str, needle: &str, skip: usize) -> (u32, u32) {
    let from = text.find(after).unwrap();
    let at = from + text[from..].find(needle).unwrap();
    let at = at
        + needle
            .char_indices()
            .nth(skip)
            .map_or(needle.len(), |(i, _)| i);
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col: usize = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .encode_utf16()
        .count();
    (line as u32, col as u32)
}

/// Each location as `line:col-line:col` and the text it covers.
fn show_ranges(text: &str, locations: &Value) -> Vec<String> {
    locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let r = l.get("range").unwrap_or(l);
            show_range(text, r)
        })
        .collect()
}

fn show_range(text: &str, r: &Value) -> String {
    let pos = |p: &Value| {
        (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        )
    };
    let (start, end) = (pos(&r["start"]), pos(&r["end"]));
    format!(
        "{}:{}-{}:{} {:?}",
        start.0,
        start.1,
        end.0,
        end.1,
        slice(text, start, end)
    )
}

/// The text between two protocol positions (UTF-16 columns).
fn slice(text: &str, start: (u64, u64), end: (u64, u64)) -> String {
    let offset = |(line, col): (u64, u64)| {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= col as usize || c == '\n' {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    text[offset(start)..offset(end)].to_string()
}

#[test]
fn a_session_on_the_example_rulebook() {
    let text = example();
    let mut ed = Editor::start();
    let opened = ed.open(URI, &text);
    assert_eq!(opened["diagnostics"], json!([]), "the example checks clean");

    // hover: a fact, a derived fact, a remedy named by its phrase, a law, a
    // rule's titles, a parameter's labels
    let mut hovers = Vec::new();
    for (after, needle) in [
        ("rule fraud", "consumer.deceived"),
        ("rule fraud", "fraud_compensation"),
        ("rule fraud", "punitive damages fraud"),
        ("rule fraud", "crpl"),
        ("rule seven_day_return", "distance_purchase"),
        ("fact purchase.channel", "purchase.channel"),
        ("exception custom_made_goods", "custom_made_goods"),
        ("rule seven_day_return", "seven_day_return"),
        ("rule forward_out_of_area", "forward to association"),
    ] {
        let h = ed.at(
            "textDocument/hover",
            URI,
            find(&text, after, needle, 1),
            json!({}),
        );
        hovers.push(format!(
            "{needle} ({}):\n{}",
            show_range(&text, &h["range"]),
            h["contents"]["value"].as_str().unwrap()
        ));
    }
    insta::assert_snapshot!("lsp_hover", hovers.join("\n\n----\n\n"));

    // definition and references
    let def = ed.at(
        "textDocument/definition",
        URI,
        find(&text, "rule seven_day_return", "distance_purchase", 0),
        json!({}),
    );
    assert_eq!(def["uri"], URI);
    let refs = ed.at(
        "textDocument/references",
        URI,
        find(&text, "law crpl", "crpl", 0),
        json!({"context": {"includeDeclaration": true}}),
    );
    let remedy_refs = ed.at(
        "textDocument/references",
        URI,
        find(
            &text,
            "remedy return_without_reason",
            "return_without_reason",
            0,
        ),
        json!({"context": {"includeDeclaration": false}}),
    );
    insta::assert_yaml_snapshot!(
        "lsp_navigation",
        json!({
            "definition of distance_purchase": show_range(&text, &def["range"]),
            "references of crpl": show_ranges(&text, &refs),
            "uses of return_without_reason": show_ranges(&text, &remedy_refs),
        })
    );

    // the outline
    let symbols = ed.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let outline: Vec<String> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{} (kind {}, lines {}-{}){}",
                s["name"].as_str().unwrap(),
                s["kind"],
                s["range"]["start"]["line"],
                s["range"]["end"]["line"],
                s["detail"]
                    .as_str()
                    .map(|d| format!(": {d}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    insta::assert_yaml_snapshot!("lsp_outline", outline);

    // semantic tokens of the fraud rule, decoded
    let tokens = ed.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let types = [
        "keyword",
        "variable",
        "function",
        "class",
        "namespace",
        "enumMember",
        "string",
        "number",
        "comment",
        "operator",
        "method",
    ];
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let (mut line, mut col) = (0, 0);
    let fraud_line = find(&text, "rule fraud", "rule", 0).0 as u64;
    let mut decoded = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            col = 0;
        }
        line += t[0];
        col += t[1];
        if (fraud_line..fraud_line + 5).contains(&line) {
            let word = slice(&text, (line, col), (line, col + t[2]));
            decoded.push(format!("{line}:{col} {word} {}", types[t[3] as usize]));
        }
    }
    insta::assert_yaml_snapshot!("lsp_semantic_tokens_fraud_rule", decoded);

    // an edit that breaks a name: a diagnostic with its code and a quick fix
    let (line, col) = find(&text, "rule fraud", "consumer.deceived", 0);
    let broken = ed.change(
        URI,
        2,
        json!([{
            "range": {"start": {"line": line, "character": col + 9},
                      "end": {"line": line, "character": col + 17}},
            "text": "decieved"
        }]),
    );
    let diagnostics = broken["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{broken:#}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "redress::undefined_fact");
    assert_eq!(d["severity"], 1);
    let edited = {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[line as usize] = lines[line as usize].replacen("deceived", "decieved", 1);
        lines.join("\n") + "\n"
    };
    assert_eq!(
        show_range(&edited, &d["range"]),
        format!("{line}:{col}-{line}:{} \"consumer.decieved\"", col + 17)
    );
    let actions = ed.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "write `consumer.deceived`");
    let edit = &action["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "consumer.deceived");
    assert_eq!(edit["range"], d["range"]);
    // the fix applied, as the editor does: clean again
    let fixed = ed.change(
        URI,
        3,
        json!([{"range": edit["range"], "text": edit["newText"]}]),
    );
    assert_eq!(fixed["diagnostics"], json!([]));

    // completion: a new rule, written word by word
    let end = text.lines().count() as u32;
    let mut version = 4;
    let mut type_at_end = |ed: &mut Editor, typed: &str| {
        ed.change(
            URI,
            version,
            json!([{"range": {"start": {"line": end, "character": 0},
                              "end": {"line": end + 1, "character": 0}},
                    "text": typed}]),
        );
        version += 1;
        let col = typed.encode_utf16().count() as u32;
        let items = ed.at("textDocument/completion", URI, (end, col), json!({}));
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let detail = i["detail"].as_str().unwrap_or("");
                let insert = i["textEdit"]["newText"]
                    .as_str()
                    .map(|t| format!(" ⇒ {t}"))
                    .unwrap_or_default();
                format!(
                    "{} [{}] {detail}{insert}",
                    i["label"].as_str().unwrap(),
                    i["kind"]
                )
            })
            .collect::<Vec<_>>()
    };
    let values = type_at_end(&mut ed, "  purchase.channel is ");
    let more_values = type_at_end(&mut ed, "  goods.category is one of general, ");
    let laws = type_at_end(&mut ed, "  cite ");
    let remedies = type_at_end(&mut ed, "  consumer.deceived => pun");
    let names = type_at_end(&mut ed, "  consumer.deceived and ");
    let names: Vec<String> = names.into_iter().filter(|n| !n.contains("[14]")).collect();
    insta::assert_yaml_snapshot!(
        "lsp_completion",
        json!({
            "after `purchase.channel is`": values,
            "after `goods.category is one of general,`": more_values,
            "after `cite`": laws,
            "after `=>`": remedies,
            "after `and` (names; keywords left out)": names,
        })
    );
    // nothing inside a quoted text or a comment; after a space typed, only
    // the values, laws and remedy phrases, not every name
    assert_eq!(
        type_at_end(&mut ed, "  label en \"The consumer "),
        Vec::<String>::new()
    );
    assert_eq!(type_at_end(&mut ed, "  # consumer "), Vec::<String>::new());
    let typed = "  consumer.deceived and ";
    ed.change(
        URI,
        18,
        json!([{"range": {"start": {"line": end, "character": 0}, "end": {"line": end + 1, "character": 0}},
                "text": typed}]),
    );
    let on_space = ed.at(
        "textDocument/completion",
        URI,
        (end, typed.len() as u32),
        json!({"context": {"triggerKind": 2, "triggerCharacter": " "}}),
    );
    assert_eq!(on_space, json!([]));
    // back to the example
    ed.change(URI, 20, json!([{"text": text}]));

    // formatting: a badly laid out rule comes back in the canonical layout
    let messy = text.replace(
        "rule fraud\n  consumer.deceived",
        "rule   fraud\n      consumer.deceived",
    );
    ed.change(URI, 21, json!([{"text": messy}]));
    let edits = ed.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits.as_array().unwrap().len(), 1);
    assert_eq!(edits[0]["newText"].as_str().unwrap(), text);
    ed.change(URI, 22, json!([{"text": text}]));
    let none = ed.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(none, json!([]), "a formatted rulebook needs no edit");

    // rename a fact and a remedy named by its words
    let fact_at = find(&text, "rule fraud", "consumer.deceived", 2);
    let prepared = ed.at("textDocument/prepareRename", URI, fact_at, json!({}));
    assert_eq!(prepared["placeholder"], "consumer.deceived");
    let fact = ed.at(
        "textDocument/rename",
        URI,
        fact_at,
        json!({"newName": "buyer.deceived"}),
    );
    let remedy = ed.at(
        "textDocument/rename",
        URI,
        find(
            &text,
            "remedy return_without_reason",
            "return_without_reason",
            0,
        ),
        json!({"newName": "refund_within_seven_days"}),
    );
    let show_edits = |e: &Value| -> Vec<String> {
        e["changes"][URI]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} → {}",
                    show_range(&text, &e["range"]),
                    e["newText"].as_str().unwrap()
                )
            })
            .collect()
    };
    insta::assert_yaml_snapshot!(
        "lsp_rename",
        json!({
            "consumer.deceived → buyer.deceived": show_edits(&fact),
            "return_without_reason → refund_within_seven_days": show_edits(&remedy),
        })
    );
    let taken = ed.try_request(
        "textDocument/rename",
        json!({"textDocument": {"uri": URI}, "position": {"line": fact_at.0, "character": fact_at.1},
               "newName": "items.count"}),
    );
    assert_eq!(
        taken.unwrap_err()["message"],
        "`items.count` is already declared"
    );
    let invalid = ed.try_request(
        "textDocument/rename",
        json!({"textDocument": {"uri": URI}, "position": {"line": fact_at.0, "character": fact_at.1},
               "newName": "2 words"}),
    );
    assert!(
        invalid.unwrap_err()["message"]
            .as_str()
            .unwrap()
            .contains("is not a name")
    );
    let law = ed.at(
        "textDocument/prepareRename",
        URI,
        find(&text, "law crpl", "crpl", 0),
        json!({}),
    );
    assert_eq!(law, Value::Null, "a law is not renamed");

    assert_eq!(ed.finish(), 0, "exit after shutdown is a success");
}

/// Positions are UTF-16 code units: a Chinese character is one, an emoji
/// two, whatever their bytes in UTF-8.
#[test]
fn positions_count_utf16_units_in_chinese_text() {
    let text = "rulebook\n  title zh \"网购\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n  languages zh\n\n\
fact 消费者.受骗: yes/no\n  label zh \"消费者受骗\"\n\nfact 备注: text\n  label zh \"备注😀\"\n\n\
remedy 退款\n  title zh \"退款\"\n  category civil\n  cite \"消费者权益保护法第五十五条\"\n\n\
rule 欺诈\n  备注 is \"😀😀\" and 消费者.受騙 => 退款\n  cite \"消费者权益保护法第五十五条\"\n";
    let uri = "file:///books/chinese.rules";
    let mut ed = Editor::start();
    let opened = ed.open(uri, text);
    let diagnostics = opened["diagnostics"].as_array().unwrap();
    let undefined: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "redress::undefined_fact")
        .collect();
    assert_eq!(undefined.len(), 1, "{opened:#}");
    // `  备注 is "😀😀" and ` is 2 + 2 + 4 + 6 + 5 = 19 units (33 bytes)
    let line = find(text, "rule 欺诈", "消费者.受騙", 0).0;
    assert_eq!(
        undefined[0]["range"],
        json!({"start": {"line": line, "character": 19}, "end": {"line": line, "character": 25}})
    );
    assert_eq!(
        show_range(text, &undefined[0]["range"]),
        format!("{line}:19-{line}:25 \"消费者.受騙\"")
    );
    // the quick fix names the declared fact
    let actions = ed.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": undefined[0]["range"], "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions[0]["edit"]["changes"][uri][0]["newText"],
        "消费者.受骗"
    );
    // an incremental edit in UTF-16 units: replace `騙` (one unit at 24)
    let fixed = ed.change(
        uri,
        2,
        json!([{"range": {"start": {"line": line, "character": 24}, "end": {"line": line, "character": 25}},
                "text": "骗"}]),
    );
    assert_eq!(fixed["diagnostics"], json!([]), "{fixed:#}");
    // hover after the emoji finds the fact, with its range in units
    let h = ed.at("textDocument/hover", uri, (line, 21), json!({}));
    assert_eq!(
        h["range"],
        json!({"start": {"line": line, "character": 19}, "end": {"line": line, "character": 25}})
    );
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("消费者受骗")
    );
    // go to definition from a Chinese name
    let def = ed.at("textDocument/definition", uri, (line, 20), json!({}));
    assert_eq!(show_range(text, &def["range"]), "7:5-7:11 \"消费者.受骗\"");
    assert_eq!(ed.finish(), 0);
}

/// A missing citation offers to cite each declared law at the end of the
/// item; full-width punctuation is replaced by the checker's fix.
#[test]
fn quick_fixes_for_a_missing_citation_and_full_width_punctuation() {
    let text = example().replace("  cite crpl article \"55(1)\"\n", "");
    let mut ed = Editor::start();
    let opened = ed.open(URI, &text);
    let missing: Vec<&Value> = opened["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "redress::missing_citation")
        .collect();
    assert_eq!(missing.len(), 1, "{opened:#}");
    let actions = ed.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": missing[0]["range"], "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["cite crpl", "cite cca_guidelines"]);
    let edit = &actions[0]["edit"]["changes"][URI][0];
    let cited = ed.change(
        URI,
        2,
        json!([{"range": edit["range"], "text": edit["newText"]}]),
    );
    assert_eq!(cited["diagnostics"], json!([]), "{cited:#}");

    let full_width = example().replace(
        "goods.category is one of custom_made, fresh",
        "goods.category is one of custom_made， fresh",
    );
    let broken = ed.change(URI, 3, json!([{"text": full_width}]));
    let d = &broken["diagnostics"][0];
    assert_eq!(d["code"], "redress::full_width_punctuation");
    let actions = ed.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": []}}),
    );
    let edit = &actions[0]["edit"]["changes"][URI][0];
    let fixed = ed.change(
        URI,
        4,
        json!([{"range": edit["range"], "text": edit["newText"]}]),
    );
    assert_eq!(fixed["diagnostics"], json!([]), "{fixed:#}");
    assert_eq!(ed.finish(), 0);
}

/// An editor in Chinese (VS Code sends `zh-cn`) gets the diagnostics and
/// the quick fixes' titles in Chinese; the codes stay.
#[test]
fn diagnostics_and_quick_fixes_in_the_editors_language() {
    let mut ed = Editor::start_in("zh-cn");
    let full_width = example().replace(
        "goods.category is one of custom_made, fresh",
        "goods.category is one of custom_made， fresh",
    );
    let opened = ed.open(URI, &full_width);
    let d = &opened["diagnostics"][0];
    assert_eq!(d["code"], "redress::full_width_punctuation", "{opened:#}");
    assert_eq!(
        d["message"],
        "这是全角逗号 `，`；请使用 `,`\n中文输入法会输入全角标点；在带引号的文本和注释之外，请使用 ASCII 标点（把输入法切换为半角或英文）",
        "{d:#}"
    );
    assert_eq!(d["relatedInformation"][0]["message"], "全角逗号", "{d:#}");
    let actions = ed.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "把 `，` 替换为 `,`", "{actions:#}");
    assert_eq!(
        actions[0]["diagnostics"][0]["message"], d["message"],
        "{actions:#}"
    );
    assert_eq!(ed.finish(), 0);
}

/// The protocol's rules: nothing before `initialize`, an unknown method is
/// an error, `exit` without `shutdown` is status 1, and hover speaks the
/// editor's language (Chinese here) around the rulebook's own texts.
#[test]
fn protocol_errors_exit_status_and_chinese_words() {
    let mut child: Child = spawn(&["lsp"]);
    let mut input = child.stdin.take().unwrap();
    let early = lsp_server::Request::new(1.into(), "textDocument/hover".to_string(), json!({}));
    Message::Request(early).write(&mut input).unwrap();
    let init = lsp_server::Request::new(
        2.into(),
        "initialize".to_string(),
        json!({"capabilities": {}, "locale": "zh-CN"}),
    );
    Message::Request(init).write(&mut input).unwrap();
    let open = lsp_server::Notification::new(
        "textDocument/didOpen".to_string(),
        json!({"textDocument": {"uri": URI, "languageId": "redress", "version": 1, "text": example()}}),
    );
    Message::Notification(open).write(&mut input).unwrap();
    let text = example();
    let (line, col) = find(&text, "rule seven_day_return", "crpl", 0);
    let hover = lsp_server::Request::new(
        3.into(),
        "textDocument/hover".to_string(),
        json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": col}}),
    );
    Message::Request(hover).write(&mut input).unwrap();
    let unknown = lsp_server::Request::new(4.into(), "workspace/frobnicate".to_string(), json!({}));
    Message::Request(unknown).write(&mut input).unwrap();
    let exit = lsp_server::Notification::new("exit".to_string(), Value::Null);
    Message::Notification(exit).write(&mut input).unwrap();
    drop(input);
    let run = crate::support::finish(child);
    assert_eq!(run.code, 1, "exit without shutdown: {}", run.stderr);
    let mut reader = run.stdout.as_bytes();
    let mut responses = Vec::new();
    while let Some(m) = Message::read(&mut reader).unwrap() {
        if let Message::Response(r) = m {
            responses.push(r);
        }
    }
    assert_eq!(responses.len(), 4);
    assert_eq!(
        responses[0].error.as_ref().unwrap().code,
        -32002,
        "not initialized"
    );
    assert!(responses[1].result.is_some());
    let hover = responses[2].result.as_ref().unwrap()["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    insta::assert_snapshot!("lsp_hover_law_zh", hover);
    assert_eq!(
        responses[3].error.as_ref().unwrap().code,
        -32601,
        "method not found"
    );
}

/// References and rename reach the test files beside the rulebook (its
/// `tests/*.test.toml`), read from the disk by `redress lsp`.
#[test]
fn references_and_rename_reach_the_test_files() {
    let path = root().join("rulebooks/example/example.rules");
    let uri = lsp_types::Url::from_file_path(&path).unwrap().to_string();
    let folder = lsp_types::Url::from_directory_path(root())
        .unwrap()
        .to_string();
    let text = example();
    let mut ed = Editor::start();
    ed.open(&uri, &text);
    let shown = |locations: Vec<(String, Value)>| -> Vec<String> {
        let mut out: Vec<String> = locations
            .into_iter()
            .map(|(file, range)| {
                let path = file.strip_prefix(&folder).unwrap().to_string();
                let text = std::fs::read_to_string(root().join(&path)).unwrap();
                format!("{path} {}", show_range(&text, &range))
            })
            .collect();
        out.sort();
        out
    };
    let refs = ed.at(
        "textDocument/references",
        &uri,
        find(
            &text,
            "remedy punitive_damages_fraud",
            "punitive_damages_fraud",
            0,
        ),
        json!({"context": {"includeDeclaration": true}}),
    );
    let refs = shown(
        refs.as_array()
            .unwrap()
            .iter()
            .map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"].clone()))
            .collect(),
    );
    let rename = ed.at(
        "textDocument/rename",
        &uri,
        find(&text, "fact items.count", "items.count", 0),
        json!({"newName": "items.quantity"}),
    );
    let mut edits = Vec::new();
    for (file, list) in rename["changes"].as_object().unwrap() {
        for e in list.as_array().unwrap() {
            assert_eq!(e["newText"], "items.quantity");
            edits.push((file.clone(), e["range"].clone()));
        }
    }
    insta::assert_yaml_snapshot!(
        "lsp_test_files",
        json!({
            "references of punitive_damages_fraud": refs,
            "rename items.count → items.quantity": shown(edits),
        })
    );
    assert_eq!(ed.finish(), 0);
}

/// Hover on a remedy or a rule shows a free-text citation
/// (`cite zh "…" en "…"`) in the server's language: the editor's
/// (`initialize`'s locale) when the catalogue has it, else the rulebook's
/// first language.
#[test]
fn hover_shows_a_citation_in_the_servers_language() {
    let path = "tests/citations/book.rules";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let uri = "file:///books/citations.rules";
    let hovers = |locale: &str| -> String {
        let mut ed = Editor::start_in(locale);
        let opened = ed.open(uri, &text);
        assert_eq!(opened["diagnostics"], json!([]), "{opened:#}");
        let mut shown = Vec::new();
        for (after, needle) in [
            ("remedy complaint", "complaint"),
            ("rule online_complaint", "online_complaint"),
            ("purchase.online =>", "complaint"),
        ] {
            let h = ed.at(
                "textDocument/hover",
                uri,
                find(&text, after, needle, 1),
                json!({}),
            );
            shown.push(format!(
                "{needle} ({}):\n{}",
                show_range(&text, &h["range"]),
                h["contents"]["value"].as_str().unwrap()
            ));
        }
        assert_eq!(ed.finish(), 0);
        shown.join("\n\n----\n\n")
    };
    let zh = hovers("zh-CN");
    let en = hovers("en-US");
    insta::assert_snapshot!("lsp_hover_citation_zh", zh);
    insta::assert_snapshot!("lsp_hover_citation_en", en);
    for para in ["人民网答问，第1段", "人民网答问，第3段"] {
        assert!(zh.contains(para), "{zh}");
        assert!(!en.contains(para), "{en}");
    }
    for para in [
        "People's Daily Online answer, para. 1",
        "People's Daily Online answer, para. 3",
    ] {
        assert!(en.contains(para), "{en}");
        assert!(!zh.contains(para), "{zh}");
    }
    // a language the catalogue lacks: the rulebook's first (zh)
    assert_eq!(hovers("fr"), zh);

    // a citation without the server's language: the text in the rulebook's
    // first language, as the advice picks it, not the first written
    let text = "rulebook\n  title en \"Shop\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n  languages en, fr, zh\n\n\
fact bought: yes/no\n\n\
remedy refund\n  title en \"Refund\"\n  category civil\n  cite fr \"Réponse, para. 1\"\n    en \"Answer, para. 1\"\n\n\
rule r\n  bought => refund\n  cite \"Answer\"\n";
    let mut ed = Editor::start_in("zh-CN");
    ed.open(uri, text);
    let h = ed.at(
        "textDocument/hover",
        uri,
        find(text, "remedy refund", "refund", 1),
        json!({}),
    );
    let shown = h["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("- 依据：Answer, para. 1"), "{shown}");
    assert_eq!(ed.finish(), 0);
}
