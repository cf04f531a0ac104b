//! Types and values of the language, and three-valued truth.
//!
//! Money and numbers are exact decimals (`rust_decimal`); dates are civil
//! dates (`jiff`); one-of values are indexes into their list of choices, and
//! a `some of` fact's value is the sorted indexes of the values it holds.

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;

/// Index of a one-of value list in [`crate::model::Model::one_ofs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OneOfId(pub u32);

/// The type of a fact, derived fact, parameter or expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// yes/no
    Bool,
    /// number
    Number,
    /// money (CNY)
    Money,
    /// date
    Date,
    /// text
    Text,
    /// one of a declared list
    OneOf(OneOfId),
    /// some of a declared list (a set-valued fact: any number of its values)
    Set(OneOfId),
    /// a duration literal (`7 days`), only as the right side of date arithmetic
    Duration,
}

impl Type {
    /// The type's name as editors write it.
    pub fn name(self) -> &'static str {
        match self {
            Type::Bool => "yes/no",
            Type::Number => "number",
            Type::Money => "money",
            Type::Date => "date",
            Type::Text => "text",
            Type::OneOf(_) => "one-of",
            Type::Set(_) => "some-of",
            Type::Duration => "duration",
        }
    }

    /// True for types with an order (`<`, `max`).
    pub fn is_ordered(self) -> bool {
        matches!(self, Type::Number | Type::Money | Type::Date)
    }
}

/// A known value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// yes/no
    Bool(bool),
    /// number
    Number(Decimal),
    /// money in CNY
    Money(Decimal),
    /// date
    Date(Date),
    /// text
    Text(Arc<str>),
    /// the n-th choice of a one-of list
    Choice(OneOfId, u32),
    /// the values chosen from a `some of` list: their indexes, sorted
    /// (declaration order), each once; see [`Value::set`]
    Set(OneOfId, Arc<[u32]>),
}

impl Value {
    /// A set-valued fact's value from value indexes in any order, sorted
    /// and without repeats (so that equal sets are equal values).
    pub fn set(list: OneOfId, mut chosen: Vec<u32>) -> Value {
        chosen.sort_unstable();
        chosen.dedup();
        Value::Set(list, chosen.into())
    }

    /// Order two values of one ordered type; `None` across types.
    pub fn compare(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) | (Value::Money(a), Value::Money(b)) => {
                Some(a.cmp(b))
            }
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// Money as shown to people: two decimals, more only when they matter.
pub fn format_money(amount: Decimal) -> String {
    MoneyText(amount).to_string()
}

/// Money as shown to people, written where it goes (see [`format_money`]).
#[derive(Clone, Copy, Debug)]
pub struct MoneyText(pub Decimal);

impl std::fmt::Display for MoneyText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let normal = self.0.normalize();
        if normal.scale() <= 2 {
            write!(f, "{normal:.2}")
        } else {
            write!(f, "{normal}")
        }
    }
}

/// Three-valued truth (Kleene).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Truth {
    /// Known true.
    Yes,
    /// Known false.
    No,
    /// Not known: some fact is missing.
    Unknown,
}

impl Truth {
    /// From a known boolean.
    pub fn from_bool(b: bool) -> Truth {
        if b { Truth::Yes } else { Truth::No }
    }

    /// Kleene conjunction.
    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::No, _) | (_, Truth::No) => Truth::No,
            (Truth::Yes, Truth::Yes) => Truth::Yes,
            _ => Truth::Unknown,
        }
    }

    /// Kleene disjunction.
    pub fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
            (Truth::No, Truth::No) => Truth::No,
            _ => Truth::Unknown,
        }
    }
}

impl std::ops::Not for Truth {
    type Output = Truth;

    /// Kleene negation: unknown stays unknown.
    fn not(self) -> Truth {
        match self {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Truth::Yes => "yes",
            Truth::No => "no",
            Truth::Unknown => "unknown",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, No, Unknown, Yes};

    const ALL: [Truth; 3] = [Yes, No, Unknown];

    #[test]
    fn kleene_tables() {
        // and: no wins, then unknown
        let and: [[Truth; 3]; 3] = [[Yes, No, Unknown], [No, No, No], [Unknown, No, Unknown]];
        // or: yes wins, then unknown
        let or: [[Truth; 3]; 3] = [[Yes, Yes, Yes], [Yes, No, Unknown], [Yes, Unknown, Unknown]];
        for (i, a) in ALL.iter().enumerate() {
            for (j, b) in ALL.iter().enumerate() {
                assert_eq!(a.and(*b), and[i][j], "{a} and {b}");
                assert_eq!(a.or(*b), or[i][j], "{a} or {b}");
            }
        }
        assert_eq!(!Yes, No);
        assert_eq!(!No, Yes);
        assert_eq!(!Unknown, Unknown);
    }

    #[test]
    fn money_shows_two_decimals_at_least() {
        use rust_decimal::Decimal;
        let show = |s: &str| super::format_money(Decimal::from_str_exact(s).unwrap());
        assert_eq!(show("500"), "500.00");
        assert_eq!(show("19.9"), "19.90");
        assert_eq!(show("0.125"), "0.125");
        assert_eq!(show("360.000"), "360.00");
    }
}
