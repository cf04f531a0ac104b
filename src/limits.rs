//! The limits that keep every input from exhausting the stack or memory.
//!
//! Each is checked before the work it protects, and going past one is a
//! `redress::limit_exceeded` diagnostic (`case_syntax` for case files), never
//! a crash. Real rulebooks stay far below the defaults. Raising a depth limit
//! raises how deep the compiler and evaluator recurse: run them on a thread
//! with a stack to match (the CLI uses 256 MiB for raised limits).

/// Limits on rulebooks and case files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Parentheses and `not`s nested in one item.
    pub nesting: usize,
    /// Arithmetic operators (`+ - * /`) in one item.
    pub operators: usize,
    /// Levels the checker may recurse through expressions and the derived
    /// facts they use.
    pub check_depth: usize,
    /// Operations from a condition, amount or deadline down to a fact,
    /// counting the derived facts it uses: bounds the compiler's and the
    /// evaluator's recursion.
    pub depth: usize,
    /// Exceptions between an exception and its general rule.
    pub exception_depth: usize,
    /// Lists and objects nested in a JSON case file.
    pub case_depth: usize,
    /// Bytes in one case: a case file, or a line of `eval --jsonl` (checked
    /// while reading, before more is kept).
    pub case_bytes: usize,
    /// Bytes in any other file read (a rulebook, a test file).
    pub file_bytes: usize,
}

impl Limits {
    /// The defaults: safe on a 2 MiB thread stack, in a debug build.
    pub const DEFAULT: Limits = Limits {
        nesting: 100,
        operators: 1000,
        check_depth: 600,
        depth: 256,
        exception_depth: 64,
        case_depth: 128,
        case_bytes: 2 << 20,
        file_bytes: 64 << 20,
    };

    /// Set a limit by name (`nesting`, `operators`, `check_depth`, `depth`,
    /// `exception_depth`, `case_depth`, `case_bytes`, `file_bytes`); `false`
    /// for an unknown name.
    pub fn set(&mut self, name: &str, value: usize) -> bool {
        let slot = match name {
            "nesting" => &mut self.nesting,
            "operators" => &mut self.operators,
            "check_depth" => &mut self.check_depth,
            "depth" => &mut self.depth,
            "exception_depth" => &mut self.exception_depth,
            "case_depth" => &mut self.case_depth,
            "case_bytes" => &mut self.case_bytes,
            "file_bytes" => &mut self.file_bytes,
            _ => return false,
        };
        *slot = value;
        true
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
