//! The command line's own words in Chinese and English: the help of every
//! command, clap's usage errors and redress's own usage and file errors,
//! through the real binary in the `C` locale (English) and in
//! `zh_CN.UTF-8` (Chinese). The English help is clap's, word for word.

use crate::support::{Run, redress_with_env};

const EN: &[(&str, &str)] = &[("LC_ALL", "C")];
const ZH: &[(&str, &str)] = &[("LC_ALL", "zh_CN.UTF-8")];

fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    redress_with_env(args, env, None)
}

/// The subcommands the top-level help lists (`help` excepted), so that a
/// new command is in the snapshots without a change here.
fn commands() -> Vec<String> {
    let top = run(&["--help"], EN);
    assert_eq!(top.code, 0, "{}", top.stderr);
    top.stdout
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

/// `redress --help`, then `redress COMMAND --help` and `-h` for every
/// command, in one language.
fn all_help(env: &[(&str, &str)]) -> String {
    let mut text = String::new();
    let mut runs: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["-h".into()]];
    for c in commands() {
        runs.push(vec![c.clone(), "--help".into()]);
        runs.push(vec![c, "-h".into()]);
    }
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, env);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?}");
        text.push_str(&format!("$ redress {}\n{}\n", args.join(" "), r.stdout));
    }
    text
}

#[test]
fn help_in_english() {
    let text = all_help(EN);
    assert!(text.contains("Usage: redress eval"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn help_in_chinese() {
    let text = all_help(ZH);
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "选项:",
        "参数:",
        "命令:",
        "Print help",
        "[default:",
        "Possible values",
    ] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn lang_zh_in_the_arguments_gives_the_help_in_chinese() {
    let r = run(&["check", "--lang", "zh", "--help"], EN);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("用法：redress check"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\n\n参数：\n  <RULEBOOK>..."),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\n\n选项：\n"), "{}", r.stdout);
    // `help help` lists the commands it gives help for, in Chinese too
    let r = run(&["help", "help"], ZH);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\n命令：\n  ask      一次问一个问题")
            && r.stdout
                .contains("\n  help     显示本帮助，或所给子命令的帮助\n")
            && !r.stdout.contains("Check rulebooks"),
        "{}",
        r.stdout
    );
    let r = run(&["check", "--lang", "en", "--help"], ZH);
    assert!(r.stdout.contains("Usage: redress check"), "{}", r.stdout);
}

/// Usage errors, clap's and redress's own: exit code 2, on standard error.
const USAGE_ERRORS: &[&[&str]] = &[
    &["frobnicate"],
    &["check", "--frob"],
    &["check"],
    &["check", "--format", "xml", "x.rules"],
    &["--limit", "foo=3", "check", "x.rules"],
    &[
        "eval",
        "--as-of",
        "2026-02-30",
        "rulebooks/example/example.rules",
        "-",
    ],
    &[
        "eval",
        "rulebooks/example/example.rules",
        "--jsonl",
        "x",
        "c.json",
    ],
    &[
        "eval",
        "--id-field",
        "id",
        "rulebooks/example/example.rules",
        "c.json",
    ],
    &["check", "no/such/file.rules"],
    &["check", "rulebooks"],
    &["check", "--lang", "fr", "x.rules"],
    &["test", "--min-coverage", "200"],
    &[
        "graph",
        "rulebooks/example/example.rules",
        "--remedy",
        "refund_twice",
    ],
    // clap's tips: a similar subcommand, argument or value, a value that
    // looks like a flag, a `--` too many, a subcommand's argument
    &["chek", "x.rules"],
    &["evl"],
    &["check", "--lnag", "zh", "x.rules"],
    &["check", "-x"],
    &["--", "check"],
    &["--deny-warnings", "check", "x.rules"],
    &["eval", "--output", "summry", "x.rules", "c.json"],
    // a missing argument
    &["explain", "x.rules"],
    // each typed option's value parser
    &["eval", "--as-of", "2026-13-01", "x.rules", "c.json"],
    &["eval", "--as-of", "2026/3/1", "x.rules", "c.json"],
    &["ask", "--as-of", "tomorrow", "x.rules"],
    &["eval", "--jobs", "0", "--jsonl", "-", "x.rules"],
    &["serve", "--addr", "localhost:8080", "x.rules"],
    &["serve", "--addr", "127.0.0.1:99999", "x.rules"],
    &["serve", "--timeout", "0", "x.rules"],
    &["serve", "--watch", "--watch-interval", "soon", "x.rules"],
    &["serve", "--max-body", "lots", "x.rules"],
    &["serve", "--max-concurrency", "0", "x.rules"],
    &[
        "diff",
        "--max-cases",
        "99999999999999999999",
        "a.rules",
        "b.rules",
    ],
    &["test", "--min-coverage", "ninety"],
];

/// The English words of clap's errors and tips and of the standard and
/// jiff parsers' errors found in a text (as whole words).
fn english_words(text: &str) -> Vec<&str> {
    const ENGLISH: &[&str] = &[
        "tip",
        "similar",
        "exists",
        "exist",
        "pass",
        "use",
        "invalid",
        "expected",
        "unexpected",
        "digit",
        "float",
        "literal",
        "socket",
        "address",
        "syntax",
        "parse",
        "parsed",
        "failed",
        "range",
        "required",
        "value",
        "found",
        "error",
        "not",
        "the",
        "for",
        "is",
        "in",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| ENGLISH.contains(w))
        .collect()
}

fn usage_errors(env: &[(&str, &str)]) -> String {
    let mut text = String::new();
    for args in USAGE_ERRORS {
        let r = run(args, env);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        text.push_str(&format!("$ redress {}\n{}\n", args.join(" "), r.stderr));
    }
    text
}

#[test]
fn usage_errors_in_english() {
    let text = usage_errors(EN);
    assert!(
        text.contains("error: unexpected argument '--frob' found"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn usage_errors_in_chinese() {
    let text = usage_errors(ZH);
    assert!(text.contains("错误：意外的参数 `--frob`"), "{text}");
    assert!(!text.contains("error:"), "{text}");
    assert!(text.contains("  提示：存在相似的参数 `--lang`"), "{text}");
    // the messages, not the command lines
    let errors: String = text
        .split("\n$ ")
        .map(|run| run.split_once('\n').map_or("", |(_, rest)| rest))
        .collect();
    assert_eq!(english_words(&errors), [] as [&str; 0], "{errors}");
    assert!(!english_words(&usage_errors(EN)).is_empty());
    insta::assert_snapshot!(text);
}

/// `--lang zh` in the arguments gives the tips and the values' words in
/// Chinese under an English locale, and `--lang en` the English under a
/// Chinese one.
#[test]
fn lang_decides_the_words_of_tips_and_values() {
    let r = run(&["check", "--lang", "zh", "--forma", "json", "x.rules"], EN);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "错误：意外的参数 `--forma`\n\n  提示：存在相似的参数 `--format`\n\n\
         用法：redress check --lang <LANG> --format <FORMAT> <RULEBOOK>...\n\n更多信息请运行 `--help`。\n"
    );
    let r = run(
        &[
            "eval",
            "--lang",
            "zh",
            "--as-of",
            "2026-02-29",
            "x.rules",
            "c.json",
        ],
        EN,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("无效：2026 年 2 月只有 1 日到 28 日\n"),
        "{}",
        r.stderr
    );
    let r = run(
        &[
            "eval",
            "--lang",
            "en",
            "--as-of",
            "2026-02-29",
            "x.rules",
            "c.json",
        ],
        ZH,
    );
    assert!(
        r.stderr.starts_with(
            "error: invalid value '2026-02-29' for '--as-of <DATE>': month 2 of 2026 has days 1 to 28\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_file_error_is_an_input_error_in_both_languages() {
    let args = ["fmt", "--check", "tests/cli/io_not_utf8.rules"];
    let en = run(&args, EN);
    let zh = run(&args, ZH);
    assert_eq!((en.code, zh.code), (1, 1), "{}\n{}", en.stderr, zh.stderr);
    assert!(en.stderr.contains("is not UTF-8 text"), "{}", en.stderr);
    assert!(zh.stderr.contains("不是 UTF-8 文本"), "{}", zh.stderr);
    // and one of the command line's own, with `--lang` over the locale
    let args = ["test", "--lang", "zh", "tests/cli_words_empty"];
    let r = run(&args, EN);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "错误：tests/cli_words_empty 下没有测试（*.test.toml、*.test.json）\n"
    );
}

/// `redress ARGS` through a pseudo-terminal (util-linux's `script`), as a
/// person runs it, where clap colours its help and errors: its standard
/// output and error together.
fn on_a_terminal(args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_redress");
    let out = std::process::Command::new("script")
        .env("LC_ALL", "C")
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(["-qec", &format!("{bin} {args}"), "/dev/null"])
        .current_dir(crate::root())
        .output()
        .expect("`script` (util-linux) runs redress in a pseudo-terminal");
    String::from_utf8(out.stdout).unwrap().replace('\r', "")
}

/// The Chinese headings of the help (`选项：`) in the style clap gives the
/// English ones (`Options:`), the colon inside it.
#[test]
fn chinese_headings_are_styled_as_clap_styles_the_english_on_a_terminal() {
    let en = on_a_terminal("check --lang en --help");
    let zh = on_a_terminal("check --lang zh --help");
    let heading = |text: &str| format!("\n\x1b[1m\x1b[4m{text}\x1b[0m\n");
    for (english, chinese) in [("Arguments:", "参数："), ("Options:", "选项：")] {
        assert!(en.contains(&heading(english)), "{en:?}");
        assert!(zh.contains(&heading(chinese)), "{zh:?}");
    }
    assert!(zh.contains("\x1b[1m\x1b[4m用法：\x1b[0m"), "{zh:?}");
}

/// A usage error in Chinese on a terminal: `错误：`, `提示：` and `用法：` in
/// the styles of clap's `error:`, `tip:` and `Usage:`, and clap's styled
/// usage line; piped, plain text (the snapshots above).
#[test]
fn chinese_usage_errors_are_coloured_as_clap_colours_the_english_on_a_terminal() {
    let en = on_a_terminal("check --lang en --lnag x.rules");
    let zh = on_a_terminal("check --lang zh --lnag x.rules");
    for (style, english, chinese) in [
        ("\x1b[1m\x1b[31m", "error:", "错误："),
        ("\x1b[32m", "tip:", "提示："),
        ("\x1b[1m\x1b[4m", "Usage:", "用法："),
    ] {
        assert!(en.contains(&format!("{style}{english}\x1b[0m")), "{en:?}");
        assert!(zh.contains(&format!("{style}{chinese}\x1b[0m")), "{zh:?}");
    }
    let usage = "\x1b[1mredress check\x1b[0m \x1b[1m--lang\x1b[0m <LANG> <RULEBOOK>...\n";
    assert!(en.contains(&format!("Usage:\x1b[0m {usage}")), "{en:?}");
    assert!(zh.contains(&format!("用法：\x1b[0m{usage}")), "{zh:?}");
}

/// An operating system error of a common kind is said in the catalogue's
/// words: serving on an address another socket holds.
#[test]
fn an_address_in_use_is_said_in_both_languages() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    for (env, words) in [(EN, "the address is already in use"), (ZH, "地址已被占用")] {
        let args = ["serve", "--addr", &addr, "rulebooks/example/example.rules"];
        let mut child = crate::support::spawn_with_env(&args, env);
        drop(child.stdin.take());
        // killed and failed after the watchdog if it served after all
        let r = crate::support::finish(child);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.ends_with(&format!("{words}\n")), "{}", r.stderr);
    }
    drop(taken);
}
