//! Structure-aware: the fuzzer's bytes choose a well-typed rulebook (facts of
//! every type, derived facts, set tests, conditional values, caps, working
//! days, exceptions to one or several rules) and cases for it, instead of
//! raw text the parser mostly rejects. What must hold, on every rulebook the
//! checker accepts and every case:
//! - evaluation with and without the rule index gives the same outcome;
//! - `Outcome::write_json` writes what serde_json writes;
//! - `fmt` is idempotent and the formatted rulebook compiles to the same graph;
//! - nothing panics, overflows the stack or hangs.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use redress::source::SourceFile;

/// Facts: yes/no b0–b2, numbers n0–n1, money m0, dates d0–d1 (and `today`,
/// the as-of date), a one-of e0, a set s0.
const FACTS: &str = "fact today: date
fact b0: yes/no
fact b1: yes/no
fact b2: yes/no
fact n0: number
fact n1: number
fact m0: money
fact d0: date
fact d1: date
fact e0: one of x, y, z
fact s0: some of p, q, r
";

#[derive(Arbitrary, Debug)]
enum Cond {
    Bool(u8),
    NumCmp(u8, Cmp, i8),
    MoneyCmp(Cmp, u16),
    DateCmp(u8, Cmp, u8),
    DaysFrom(Cmp, i8),
    WorkingDays(Cmp, u8),
    OneOf(bool, u8),
    Includes(SetTest, u8),
    IfNum(u8, Cmp, i8),
    Derived(u8),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum SetTest {
    One,
    Any,
    All,
    None,
    NotInclude,
}

#[derive(Arbitrary, Debug)]
struct GenRule {
    cond: Cond,
    remedy: u8,
    /// An exception to earlier rules (indexes taken modulo the rules so far).
    exception_to: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct GenCase {
    bools: [Option<bool>; 3],
    nums: [Option<i16>; 2],
    money: Option<u16>,
    dates: [Option<u16>; 3],
    choice: Option<u8>,
    set: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    derived: Vec<Cond>,
    rules: Vec<GenRule>,
    cases: Vec<GenCase>,
    calendar_weekdays: bool,
}

fn cmp(c: Cmp) -> &'static str {
    match c {
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Gt => ">",
        Cmp::Ge => ">=",
        Cmp::Eq => "=",
        Cmp::Ne => "!=",
    }
}

/// A date around National Day 2024 (working days on both calendars).
fn date(k: u16) -> String {
    let d = jiff::civil::date(2024, 9, 1) + jiff::Span::new().days(i64::from(k % 90));
    d.to_string()
}

fn cond(c: &Cond, derived: usize, depth: usize, out: &mut String) {
    if depth > 6 {
        out.push_str("b0");
        return;
    }
    match c {
        Cond::Bool(i) => out.push_str(&format!("b{}", i % 3)),
        Cond::NumCmp(i, op, k) => out.push_str(&format!("n{} {} {k}", i % 2, cmp(*op))),
        Cond::MoneyCmp(op, k) => out.push_str(&format!("m0 {} {} yuan", cmp(*op), k % 1000)),
        Cond::DateCmp(i, op, k) => out.push_str(&format!(
            "d{} {} today - {} days",
            i % 2,
            cmp(*op),
            k % 40
        )),
        Cond::DaysFrom(op, k) => out.push_str(&format!("(days from d0 to d1) {} {k}", cmp(*op))),
        Cond::WorkingDays(op, k) => out.push_str(&format!(
            "d0 + {} working days {} today",
            k % 15,
            cmp(*op)
        )),
        Cond::OneOf(neg, k) => {
            let not = if *neg { "not " } else { "" };
            let v = ["x", "y", "z"][usize::from(k % 3)];
            out.push_str(&format!("e0 is {not}one of {v}"));
        }
        Cond::Includes(t, k) => {
            let v = ["p", "q", "r"][usize::from(k % 3)];
            let w = ["q", "r", "p"][usize::from(k % 3)];
            out.push_str(&match t {
                SetTest::One => format!("s0 includes {v}"),
                SetTest::Any => format!("s0 includes any of {v}, {w}"),
                SetTest::All => format!("s0 includes all of {v}, {w}"),
                SetTest::None => format!("s0 includes none of {v}, {w}"),
                SetTest::NotInclude => format!("s0 does not include {v}"),
            });
        }
        Cond::IfNum(i, op, k) => out.push_str(&format!(
            "(if b{} then n0 else n1 * 2) {} {k}",
            i % 3,
            cmp(*op)
        )),
        Cond::Derived(i) if derived > 0 => out.push_str(&format!("k{}", usize::from(*i) % derived)),
        Cond::Derived(_) => out.push_str("b1"),
        Cond::Not(a) => {
            out.push_str("not (");
            cond(a, derived, depth + 1, out);
            out.push(')');
        }
        Cond::And(a, b) | Cond::Or(a, b) => {
            let word = if matches!(c, Cond::And(..)) { "and" } else { "or" };
            out.push('(');
            cond(a, derived, depth + 1, out);
            out.push_str(&format!(" {word} "));
            cond(b, derived, depth + 1, out);
            out.push(')');
        }
    }
}

fn rulebook(input: &Input) -> String {
    let calendar = if input.calendar_weekdays {
        "weekdays"
    } else {
        "cn-mainland"
    };
    let mut s = format!(
        "rulebook\n  title en \"Fuzz\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n  \
         as of today\n  calendar {calendar}\n\nlaw l\n  title en \"Law\"\n\n{FACTS}\n\
         remedy r0\n  title en \"Plain\"\n  category civil\n  cite l\n\n\
         remedy r1\n  title en \"Capped\"\n  category civil\n  amount up to if b0 then 3 * m0 else m0 + 10 yuan\n  cite l\n\n\
         remedy r2\n  title en \"Deadline\"\n  category civil\n  deadline d0 + 7 working days\n  cite l\n"
    );
    // derived facts may use earlier ones only (no cycles)
    for (i, c) in input.derived.iter().take(4).enumerate() {
        let mut text = String::new();
        cond(c, i, 0, &mut text);
        s.push_str(&format!("\ndefine k{i} as {text}\n"));
    }
    let derived = input.derived.len().min(4);
    for (i, r) in input.rules.iter().take(8).enumerate() {
        let mut text = String::new();
        cond(&r.cond, derived, 0, &mut text);
        let remedy = r.remedy % 3;
        let mut targets: Vec<usize> = r
            .exception_to
            .iter()
            .take(3)
            .map(|t| usize::from(*t) % i.max(1))
            .collect();
        targets.sort_unstable();
        targets.dedup();
        if i > 0 && !targets.is_empty() {
            let list: Vec<String> = targets.iter().map(|t| format!("x{t}")).collect();
            s.push_str(&format!(
                "\nexception x{i} to {}\n  when {text} => r{remedy}\n  cite l\n",
                list.join(", ")
            ));
        } else {
            s.push_str(&format!("\nrule x{i}\n  {text} => r{remedy}\n  cite l\n"));
        }
    }
    s
}

fn case(c: &GenCase) -> String {
    let mut parts = vec![format!("\"today\": \"{}\"", date(60))];
    for (i, b) in c.bools.iter().enumerate() {
        if let Some(b) = b {
            parts.push(format!("\"b{i}\": {b}"));
        }
    }
    for (i, n) in c.nums.iter().enumerate() {
        if let Some(n) = n {
            parts.push(format!("\"n{i}\": {}", n % 50));
        }
    }
    if let Some(m) = c.money {
        parts.push(format!("\"m0\": \"{}.{:02}\"", m % 1000, m % 100));
    }
    for (i, d) in c.dates.iter().take(2).enumerate() {
        if let Some(d) = d {
            parts.push(format!("\"d{i}\": \"{}\"", date(*d)));
        }
    }
    if let Some(k) = c.choice {
        parts.push(format!("\"e0\": \"{}\"", ["x", "y", "z"][usize::from(k % 3)]));
    }
    if let Some(k) = c.set {
        let held: Vec<&str> = ["p", "q", "r"]
            .iter()
            .enumerate()
            .filter(|(i, _)| k & (1 << i) != 0)
            .map(|(_, v)| *v)
            .collect();
        let list: Vec<String> = held.iter().map(|v| format!("\"{v}\"")).collect();
        parts.push(format!("\"s0\": [{}]", list.join(", ")));
    }
    format!("{{{}}}", parts.join(", "))
}

fuzz_target!(|input: Input| {
    let text = rulebook(&input);
    let file = SourceFile::new("fuzz.rules", text.as_str());
    let (graph, _) = redress::compile(&file);
    let Some(graph) = graph else { return };
    // fmt: idempotent, and the same graph
    let formatted = redress::fmt::format(&file).expect("a rulebook that compiles formats");
    let again = redress::fmt::format(&SourceFile::new("fuzz.rules", formatted.as_str()))
        .expect("formatted text formats");
    assert_eq!(again, formatted, "fmt is idempotent\n{text}");
    let (graph2, _) = redress::compile(&SourceFile::new("fuzz.rules", formatted.as_str()));
    assert_eq!(
        format!("{:?}", Some(&graph)),
        format!("{:?}", graph2.as_ref()),
        "fmt keeps the meaning\n{text}"
    );
    for c in input.cases.iter().take(4) {
        let json = case(c);
        let case_file = SourceFile::new("case.json", json.as_str());
        let (parsed, _) =
            redress::case::parse_case(graph.model(), &case_file, redress::case::Format::Json);
        let Some(parsed) = parsed else { continue };
        let indexed = redress::eval::evaluate(&graph, &parsed, &redress::eval::Options::default());
        let plain = redress::eval::evaluate(
            &graph,
            &parsed,
            &redress::eval::Options {
                without_index: true,
                ..Default::default()
            },
        );
        // the index changes the work, never the answer (errors list only
        // the computations attempted)
        let (mut a, mut b) = (indexed.clone(), plain.clone());
        a.errors.clear();
        b.errors.clear();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap(),
            "index vs plain\n{text}\n{json}"
        );
        let mut written = Vec::new();
        indexed.write_json(&mut written);
        assert_eq!(
            String::from_utf8(written).unwrap(),
            serde_json::to_string(&indexed).unwrap(),
            "write_json vs serde\n{text}\n{json}"
        );
    }
});
