//! The vocabulary every stage shares: comparison and arithmetic operators,
//! `min`/`max`, and the units of a duration.
//!
//! The syntax tree, the checked model, the graph and the evaluator all speak
//! these words; keeping them here lets the later stages do without the
//! syntax tree (`ast`).

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `=` or `is`
    Eq,
    /// `!=` or `is not`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The same test with its sides swapped: `a < b` is `b > a`.
    pub fn flip(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }

    /// The opposite test: `not (a < b)` is `a >= b`.
    pub fn negate(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Ge => CmpOp::Lt,
        }
    }

    /// As written in the language.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` or `×`
    Mul,
    /// `/` or `÷`
    Div,
}

impl ArithOp {
    /// As written in the language.
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

/// Units of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// days
    Days,
    /// weeks
    Weeks,
    /// months
    Months,
    /// years
    Years,
    /// working days, on the rulebook's calendar
    WorkingDays,
}

impl Unit {
    /// Plural word.
    pub fn word(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::WorkingDays => "working days",
        }
    }

    /// The unit's name as words of the catalogue (`days` / `天`).
    pub fn name_text(self) -> crate::diagnostic::Text {
        match self {
            Unit::Days => crate::text!("diag-unit-days"),
            Unit::Weeks => crate::text!("diag-unit-weeks"),
            Unit::Months => crate::text!("diag-unit-months"),
            Unit::Years => crate::text!("diag-unit-years"),
            Unit::WorkingDays => crate::text!("diag-unit-working-days"),
        }
    }

    /// `count` of the unit as words of the catalogue (`7 days` / `7 天`).
    pub fn count_text(self, count: String) -> crate::diagnostic::Text {
        match self {
            Unit::Days => crate::text!("explain-days", count = count),
            Unit::Weeks => crate::text!("explain-weeks", count = count),
            Unit::Months => crate::text!("explain-months", count = count),
            Unit::Years => crate::text!("explain-years", count = count),
            Unit::WorkingDays => crate::text!("explain-working-days", count = count),
        }
    }
}

/// `min` or `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Extremum {
    /// The smallest.
    Min,
    /// The largest.
    Max,
}

/// What an `includes` test asks of a set-valued (`some of`) fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetTest {
    /// `includes x`, `includes any of x, y`: at least one of the values
    Any,
    /// `includes all of x, y`: every one of the values
    All,
    /// `includes none of x, y`, `does not include x`: none of the values
    None,
}

impl SetTest {
    /// Whether a set (its value indexes, sorted) passes the test on some
    /// values (their indexes).
    pub fn holds(self, chosen: &[u32], values: &[u32]) -> bool {
        let has = |v: &u32| chosen.binary_search(v).is_ok();
        match self {
            SetTest::Any => values.iter().any(has),
            SetTest::All => values.iter().all(has),
            SetTest::None => !values.iter().any(has),
        }
    }

    /// The words before the values, as a rulebook writes them for this
    /// many values (`includes`, `includes any of`, `does not include`, …).
    pub fn words(self, count: usize) -> &'static str {
        match (self, count) {
            (SetTest::Any | SetTest::All, 1) => "includes",
            (SetTest::None, 1) => "does not include",
            (SetTest::Any, _) => "includes any of",
            (SetTest::All, _) => "includes all of",
            (SetTest::None, _) => "includes none of",
        }
    }
}
