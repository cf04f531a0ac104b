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

/// The stack the defaults are safe on, in a debug build: 2 MiB.
pub const DEFAULT_STACK: usize = 2 << 20;

impl Limits {
    /// The most a depth limit may be raised to on a thread with `stack`
    /// bytes of stack, so that input at the limit cannot overflow it; `None`
    /// for a limit the stack does not bound (`operators`) or an unknown name.
    ///
    /// Each depth limit's levels take at most a fixed number of stack bytes:
    /// for `check_depth`, `depth`, `exception_depth` and `case_depth`, what
    /// the default takes on [`DEFAULT_STACK`] (so the bound grows with the
    /// stack: on 256 MiB, 128 times the default); for `nesting`, 128 KiB a
    /// level, since the parser's recursion, which the default keeps out of
    /// reach, took 44 to 67 KiB a level in a debug build (measured: 4,000
    /// parentheses fit in 256 MiB, 6,000 did not).
    pub fn max_on_stack(name: &str, stack: usize) -> Option<usize> {
        let d = Limits::DEFAULT;
        let per_level = match name {
            "nesting" => 128 << 10,
            "check_depth" => DEFAULT_STACK / d.check_depth,
            "depth" => DEFAULT_STACK / d.depth,
            "exception_depth" => DEFAULT_STACK / d.exception_depth,
            "case_depth" => DEFAULT_STACK / d.case_depth,
            _ => return None,
        };
        stack.checked_div(per_level)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
