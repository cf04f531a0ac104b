//! `redress fmt`. `tests/fmt/*.rules` are messy rulebooks, each with its
//! formatted text snapshotted. Every rulebook in the repository (shipped and
//! fixtures) formats to a text that formats to itself and compiles to the
//! same decision graph (or, when it does not compile, to the same
//! diagnostics); random changes of white space in the shipped rulebooks do
//! not change their formatted text. Then the command line.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use redress::source::SourceFile;

use crate::{relative, render, root, source};

#[test]
fn fixtures() {
    insta::glob!("fmt/*.rules", |path| {
        let file = source(path);
        let formatted = redress::fmt::format(&file)
            .unwrap_or_else(|d| panic!("{}:\n{}", relative(path), render(&d)));
        if let Err(problem) = same_meaning(&file, &formatted) {
            panic!("{}: {problem}\n{formatted}", relative(path));
        }
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/fmt") }, {
            insta::assert_snapshot!(formatted);
        });
    });
}

/// Every `.rules` file in the repository that is UTF-8 text.
fn all_rulebooks() -> Vec<Arc<SourceFile>> {
    let mut files = Vec::new();
    insta::glob!("..", "{rulebooks,tests}/**/*.rules", |path| {
        if let Ok(text) = String::from_utf8(std::fs::read(path).unwrap()) {
            files.push(SourceFile::new(relative(path), text));
        }
    });
    files
}

#[test]
fn every_rulebook_formats_once_and_keeps_its_meaning() {
    let mut problems = Vec::new();
    let (mut formatted, mut refused) = (0, 0);
    for file in all_rulebooks() {
        match redress::fmt::format(&file) {
            Ok(text) => {
                formatted += 1;
                if let Err(problem) = same_meaning(&file, &text) {
                    problems.push(format!("{}: {problem}", file.name()));
                }
            }
            Err(diagnostics) => {
                refused += 1;
                // Refused only for what the parser reports as errors.
                let (_, parsed) = redress::syntax::parse(&file);
                assert!(parsed.iter().any(|d| d.is_error()), "{}", file.name());
                assert_eq!(codes(&diagnostics), codes(&parsed), "{}", file.name());
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(
        formatted >= 25 && refused >= 3,
        "{formatted} formatted, {refused} refused"
    );
}

/// Formatting `text` again changes nothing, and it compiles as the original
/// does: to an equal graph, or to diagnostics with the same codes and
/// messages.
fn same_meaning(original: &Arc<SourceFile>, text: &str) -> Result<(), String> {
    let file = SourceFile::new(original.name(), text);
    match redress::fmt::format(&file) {
        Ok(again) if again == text => {}
        Ok(again) => return Err(format!("not idempotent; formatted again:\n{again}")),
        Err(d) => return Err(format!("formatted text does not parse:\n{}", render(&d))),
    }
    let (graph_before, before) = redress::compile(original);
    let (graph_after, after) = redress::compile(&file);
    let messages = |d: &[redress::diagnostic::Diagnostic]| -> Vec<String> {
        d.iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect()
    };
    if messages(&before) != messages(&after) {
        return Err(format!(
            "diagnostics changed:\n{:#?}\n{:#?}",
            messages(&before),
            messages(&after)
        ));
    }
    // The model and graph hold no spans: their debug text is their meaning.
    let (before, after) = (format!("{graph_before:?}"), format!("{graph_after:?}"));
    if before != after {
        return Err(format!("the graph changed:\n{before}\n{after}"));
    }
    Ok(())
}

fn codes(d: &[redress::diagnostic::Diagnostic]) -> Vec<String> {
    d.iter().map(|d| d.code.to_string()).collect()
}

// ------------------------------------------------------- random white space

/// A source of choices from proptest's random bytes.
struct Noise<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Noise<'_> {
    fn next(&mut self, n: u8) -> u8 {
        let b = self
            .bytes
            .get(self.at % self.bytes.len())
            .copied()
            .unwrap_or(0);
        self.at += 1;
        b % n
    }

    /// `n` spaces or tabs.
    fn space(&mut self, n: u8) -> String {
        (0..n)
            .map(|_| if self.next(3) == 0 { '\t' } else { ' ' })
            .collect()
    }
}

/// The text with its white space changed in ways that keep it the same
/// rulebook: wider (or tabbed) gaps between tokens, spaces before commas and
/// around colons, other indentation of indented lines, trailing white space,
/// more blank lines where there is one and inside items, CRLF, a BOM.
fn perturb(text: &str, noise: &mut Noise<'_>) -> String {
    let newline = if noise.next(2) == 0 { "\r\n" } else { "\n" };
    let mut out = String::new();
    if noise.next(4) == 0 {
        out.push('\u{FEFF}');
    }
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            for _ in 0..=noise.next(3) {
                let n = noise.next(3);
                out.push_str(&noise.space(n));
                out.push_str(newline);
            }
            continue;
        }
        if trimmed.len() < line.len() {
            let n = 1 + noise.next(6);
            out.push_str(&noise.space(n));
        }
        out.push_str(&spread(trimmed, noise));
        let n = noise.next(3);
        out.push_str(&noise.space(n));
        out.push_str(newline);
        let next_is_code = lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with([' ', '\t']) && !l.trim_start().starts_with('#'));
        if next_is_code && noise.next(5) == 0 {
            let n = noise.next(3);
            out.push_str(&noise.space(n));
            out.push_str(newline);
        }
    }
    out
}

/// The line with white space added between tokens, outside quoted texts and
/// the comment.
fn spread(line: &str, noise: &mut Noise<'_>) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if quoted {
            quoted = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
            out.push(c);
            continue;
        }
        match c {
            '#' => {
                out.push_str(&line[i..]);
                break;
            }
            '"' => {
                quoted = true;
                out.push(c);
            }
            ' ' => {
                let n = 1 + noise.next(3);
                out.push_str(&noise.space(n));
            }
            ',' | ':' => {
                let n = noise.next(2);
                out.push_str(&noise.space(n));
                out.push(c);
                if c == ':' && noise.next(2) == 0 {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn white_space_does_not_change_the_formatted_text() {
    // The shipped rulebooks, and the messy fixtures above.
    let mut shipped = Vec::new();
    let mut add = |path: &Path| {
        let file = source(path);
        if let Ok(formatted) = redress::fmt::format(&file) {
            shipped.push((relative(path), formatted, file.text().to_string()));
        }
    };
    insta::glob!("../rulebooks", "*/*.rules", |path| add(path));
    insta::glob!("fmt/*.rules", |path| add(path));
    assert!(!shipped.is_empty());
    let mut runner = TestRunner::new(Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(
        &(
            0..shipped.len(),
            proptest::collection::vec(any::<u8>(), 1..256),
        ),
        |(index, bytes)| {
            let (name, expected, text) = &shipped[index];
            let noisy = perturb(
                text,
                &mut Noise {
                    bytes: &bytes,
                    at: 0,
                },
            );
            let file = SourceFile::new(name.as_str(), noisy.clone());
            match redress::fmt::format(&file) {
                Ok(formatted) => prop_assert_eq!(&formatted, expected, "\nfrom:\n{}", noisy),
                Err(d) => prop_assert!(false, "{}\nfrom:\n{}", render(&d), noisy),
            }
            Ok(())
        },
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ------------------------------------------------------------ command line

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn redress(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// An empty scratch folder with a `sub` folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("redress-fmt-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

const MESSY: &str = "rulebook\n title en  \"T\"\n jurisdiction \"CN\"\n version \"1\"\n effective 2024-07-01\nfact a:yes/no\n";
const TIDY: &str = "rulebook\n  title en \"T\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-07-01\n\nfact a: yes/no\n";

#[test]
fn check_lists_unformatted_files_and_exits_1() {
    let dir = scratch("check");
    std::fs::write(dir.join("tidy.rules"), TIDY).unwrap();
    std::fs::write(dir.join("sub/messy.rules"), MESSY).unwrap();
    std::fs::write(dir.join("sub/notes.txt"), MESSY).unwrap();
    let r = redress(&dir, &["fmt", "--check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout,
        "sub/messy.rules: not formatted
--- sub/messy.rules
+++ sub/messy.rules (formatted)
@@ -1,6 +1,7 @@
 rulebook
- title en  \"T\"
- jurisdiction \"CN\"
- version \"1\"
- effective 2024-07-01
-fact a:yes/no
+  title en \"T\"
+  jurisdiction \"CN\"
+  version \"1\"
+  effective 2024-07-01
+
+fact a: yes/no
"
    );
    // nothing written
    assert_eq!(
        std::fs::read_to_string(dir.join("sub/messy.rules")).unwrap(),
        MESSY
    );
    assert_eq!(redress(&dir, &["fmt", "--check", "tidy.rules"]).code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_rewrites_files_in_place() {
    let dir = scratch("write");
    std::fs::write(dir.join("sub/messy.rules"), MESSY.replace('\n', "\r\n")).unwrap();
    std::fs::write(dir.join("tidy.rules"), TIDY).unwrap();
    let r = redress(&dir, &["fmt", "sub", "tidy.rules"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "formatted sub/messy.rules\n");
    assert_eq!(
        std::fs::read_to_string(dir.join("sub/messy.rules")).unwrap(),
        TIDY
    );
    let r = redress(&dir, &["fmt", "--check", "."]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn syntax_errors_are_reported_not_formatted() {
    let dir = scratch("broken");
    let broken = "fact a yes/no\n";
    std::fs::write(dir.join("broken.rules"), broken).unwrap();
    let r = redress(&dir, &["fmt", "broken.rules"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("redress::syntax_error"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("broken.rules")).unwrap(),
        broken
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let r = redress(root(), &["fmt", "--check", "no/such/place.rules"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/place.rules"), "{}", r.stderr);
}

#[test]
fn standard_input_goes_to_standard_output() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(["fmt", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(MESSY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), TIDY);
}

/// Every example of the language reference, formatted, means what it did.
#[test]
fn language_reference_examples_keep_their_meaning() {
    let text = std::fs::read_to_string(root().join("docs/language.md")).unwrap();
    let mut problems = Vec::new();
    for (i, block) in text.split("```rules\n").skip(1).enumerate() {
        let example = block.split("```").next().unwrap();
        let file = SourceFile::new(format!("docs/language.md, example {}", i + 1), example);
        match redress::fmt::format(&file) {
            Ok(formatted) => {
                if let Err(problem) = same_meaning(&file, &formatted) {
                    problems.push(format!("{}: {problem}", file.name()));
                }
            }
            Err(d) => problems.push(format!("{}:\n{}", file.name(), render(&d))),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The "Before" example of the Formatting section formats to its "After".
#[test]
fn language_reference_before_and_after() {
    let text = std::fs::read_to_string(root().join("docs/language.md")).unwrap();
    let block = |marker: &str| {
        let rest = &text[text.find(marker).unwrap()..];
        let start = rest.find("```rules\n").unwrap() + "```rules\n".len();
        rest[start..start + rest[start..].find("```").unwrap()].to_string()
    };
    let before = SourceFile::new("before", block("\nBefore:\n"));
    let after = block("\nAfter `redress fmt`:\n");
    assert_eq!(redress::fmt::format(&before).unwrap(), after);
}

/// A long unformatted file: the diff stops after 40 lines and says how many
/// more changed lines there are.
#[test]
fn check_of_a_long_unformatted_file_cuts_its_diff() {
    let dir = scratch("check-long");
    let mut messy = String::from(MESSY);
    for i in 0..60 {
        messy.push_str(&format!("fact f{i}:yes/no\n"));
    }
    std::fs::write(dir.join("long.rules"), messy).unwrap();
    let r = redress(&dir, &["fmt", "--check", "long.rules"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // the header, `---`, `+++`, 40 lines of diff (a hunk header, a line of
    // context, 38 of the 131 changed lines), and the count
    assert_eq!(lines.len(), 44, "{}", r.stdout);
    assert_eq!(
        lines.last(),
        Some(&"… 93 more changed lines"),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}
