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
    /// money in a currency
    Money(Currency),
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
            Type::Money(_) => "money",
            Type::Date => "date",
            Type::Text => "text",
            Type::OneOf(_) => "one-of",
            Type::Set(_) => "some-of",
            Type::Duration => "duration",
        }
    }

    /// The type's name for programs (`redress facts --format json`, the
    /// outcome's `questions`): `yes_no`, `number`, `money`, `date`, `text`,
    /// `one_of`, `some_of`.
    pub fn json_name(self) -> &'static str {
        match self {
            Type::Bool => "yes_no",
            Type::Number => "number",
            Type::Money(_) => "money",
            Type::Date => "date",
            Type::Text => "text",
            Type::OneOf(_) => "one_of",
            Type::Set(_) => "some_of",
            Type::Duration => "duration",
        }
    }

    /// True for types with an order (`<`, `max`).
    pub fn is_ordered(self) -> bool {
        matches!(self, Type::Number | Type::Money(_) | Type::Date)
    }
}

/// A known value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// yes/no
    Bool(bool),
    /// number
    Number(Decimal),
    /// money in a currency
    Money(Decimal, Currency),
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
            (Value::Number(a), Value::Number(b)) => Some(a.cmp(b)),
            (Value::Money(a, x), Value::Money(b, y)) if x == y => Some(a.cmp(b)),
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// The active ISO 4217 currency codes (List One: currencies and funds,
/// including the precious metals and the testing code `XTS`), sorted, as
/// published up to 2025 (with `XCG` and `ZWG`; withdrawn codes such as `HRK`
/// are not here). redress keeps no exchange rates: a currency is only a
/// name that two amounts must share.
pub const ACTIVE_CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
    "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

/// A currency: an active ISO 4217 code ([`ACTIVE_CURRENCIES`]). Made only
/// from that table, so every `Currency` is a valid code. Two amounts meet
/// (`+`, `<`, `max`, …) only when their currencies are equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(&'static str);

impl Currency {
    /// Chinese yuan renminbi, the currency of a rulebook that names none.
    pub const CNY: Currency = Currency("CNY");
    /// The euro.
    pub const EUR: Currency = Currency("EUR");

    /// The currency of an active ISO 4217 code, written exactly (`EUR`, not
    /// `eur`).
    pub fn active(code: &str) -> Option<Currency> {
        ACTIVE_CURRENCIES
            .binary_search(&code)
            .ok()
            .and_then(|i| ACTIVE_CURRENCIES.get(i))
            .map(|c| Currency(c))
    }

    /// The three-letter code: `EUR`.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The currency named by the word after an amount (`40 EUR`, `40 yuan`,
    /// `40 元`, `40 €`) or before it (`¥40`, `€40`), when it names one.
    pub fn from_word(word: &str) -> Option<Currency> {
        match word {
            "yuan" | "元" | "¥" | "￥" => Some(Currency::CNY),
            "€" => Some(Currency::EUR),
            code => Currency::active(code),
        }
    }

    /// How people call it in a sentence: "yuan" for CNY, else the code
    /// (`write an amount in EUR`).
    pub fn word(self) -> &'static str {
        if self == Currency::CNY {
            "yuan"
        } else {
            self.0
        }
    }
}

impl Default for Currency {
    fn default() -> Currency {
        Currency::CNY
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// An amount with its currency as people read it, the one form every human
/// view uses (advice text, diff, test reports, diagnostics): CNY as
/// `500.00 yuan` in English and `500.00 元` in Chinese, EUR as `€500.00`,
/// other currencies as `500.00 USD`. `number` is the amount already written
/// (by [`format_money`], or grouped in thousands by the advice text).
pub fn money_for_people(number: &str, currency: Currency, lang: &str) -> String {
    match currency.code() {
        "CNY" if lang == "zh" => format!("{number} 元"),
        "CNY" => format!("{number} yuan"),
        "EUR" => match number.strip_prefix('-') {
            Some(n) => format!("-€{n}"),
            None => format!("€{number}"),
        },
        code => format!("{number} {code}"),
    }
}

/// An amount as a rulebook writes it, so that it reads back: `500.00 yuan`
/// for CNY, `40.00 EUR` for any other currency.
pub fn money_literal(amount: Decimal, currency: Currency) -> String {
    format!("{} {}", format_money(amount), currency.word())
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

    #[test]
    fn currencies_are_the_active_codes_and_show_as_their_readers_write_them() {
        use super::{ACTIVE_CURRENCIES, Currency, money_for_people};
        assert!(
            ACTIVE_CURRENCIES.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        assert!(
            ACTIVE_CURRENCIES
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert_eq!(Currency::active("EUR"), Some(Currency::EUR));
        assert_eq!(Currency::active("CNY"), Some(Currency::CNY));
        assert_eq!(Currency::active("eur"), None);
        assert_eq!(Currency::active("HRK"), None, "withdrawn in 2023");
        assert_eq!(Currency::from_word("€"), Some(Currency::EUR));
        assert_eq!(Currency::from_word("元"), Some(Currency::CNY));
        assert_eq!(
            money_for_people("500.00", Currency::CNY, "en"),
            "500.00 yuan"
        );
        assert_eq!(money_for_people("500.00", Currency::CNY, "zh"), "500.00 元");
        assert_eq!(
            money_for_people("1,500.00", Currency::EUR, "en"),
            "€1,500.00"
        );
        assert_eq!(money_for_people("-5.00", Currency::EUR, "en"), "-€5.00");
        let usd = Currency::active("USD").unwrap();
        assert_eq!(money_for_people("500.00", usd, "en"), "500.00 USD");
    }
}
