//! Words for grammar rules, so that syntax errors speak to legal editors.
//!
//! The `match` is exhaustive with no catch-all arm: a new grammar rule does
//! not compile until it has words here.

use super::Rule;
use crate::diagnostic::{Arg, Text};

/// The catalogue ids of the words of [`describe`] that are not only the
/// grammar's own words in backticks (those stay as they are in every
/// language): each English text, and the message that gives it.
const WORDS: &[(&str, &str)] = &[
    ("something else", "diag-syntax-w-something-else"),
    ("the end of the item", "diag-syntax-w-end-of-item"),
    ("the end of the line", "diag-syntax-w-end-of-line"),
    ("a space", "diag-syntax-w-space"),
    ("a comment", "diag-syntax-w-comment"),
    (ITEM_START, "diag-syntax-w-item-start"),
    ("a word, number, quoted text or sign", "diag-syntax-w-token"),
    ("a remedy phrase after `=>`", "diag-syntax-w-remedy-phrase"),
    ("`article` and its number", "diag-syntax-w-article-number"),
    ("`calendar` and its name", "diag-syntax-w-calendar-name"),
    ("`¥` or `€`", "diag-syntax-w-yen-euro"),
    (
        "a currency code such as `EUR`",
        "diag-syntax-w-currency-code",
    ),
    (
        "`title`, `jurisdiction`, `version`, `effective`, `languages`, `as of`, `calendar` or `currency`",
        "diag-syntax-w-header-attr",
    ),
    (
        "a calendar name (`cn-mainland` or `weekdays`)",
        "diag-syntax-w-calendar",
    ),
    ("a language code such as `zh` or `en`", "diag-syntax-w-lang"),
    ("`title` or `in force`", "diag-syntax-w-law-attr"),
    ("`question` or `label`", "diag-syntax-w-fact-attr"),
    (
        "a type (`yes/no`, `number`, `money`, `date`, `text`, `one of …` or `some of …`)",
        "diag-syntax-w-type",
    ),
    (
        "`title`, `category`, `phrase`, `param`, `amount`, `deadline` or `cite`",
        "diag-syntax-w-remedy-attr",
    ),
    (
        "an article number such as `25` or `25(1)`, or a quoted text",
        "diag-syntax-w-article",
    ),
    (
        "`amount`, `deadline`, `cite` or `in force`",
        "diag-syntax-w-rule-attr",
    ),
    ("`=>` and the remedy", "diag-syntax-w-arrow"),
    ("a condition or value", "diag-syntax-w-expr"),
    ("a value to choose from", "diag-syntax-w-choice"),
    (
        "`any of`, `all of` or `none of`",
        "diag-syntax-w-quantifier",
    ),
    (
        "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)",
        "diag-syntax-w-comparison",
    ),
    ("`+` or `-`", "diag-syntax-w-add"),
    ("`*` or `/`", "diag-syntax-w-mul"),
    ("`max(…)` or `min(…)`", "diag-syntax-w-function"),
    ("a value", "diag-syntax-w-value"),
    ("a date such as `2024-07-01`", "diag-syntax-w-date"),
    (
        "a duration such as `7 days`, `6 months` or `7 working days`",
        "diag-syntax-w-duration",
    ),
    (
        "a unit (`days`, `weeks`, `months`, `years`)",
        "diag-syntax-w-unit",
    ),
    (
        "an amount such as `500 yuan` or `40 EUR`",
        "diag-syntax-w-money",
    ),
    ("a number", "diag-syntax-w-number"),
    ("`yes` or `no`", "diag-syntax-w-boolean"),
    ("a quoted text", "diag-syntax-w-string"),
    (
        "a fact name such as `operator.location`",
        "diag-syntax-w-name",
    ),
    ("a name", "diag-syntax-w-ident"),
    ("a word that is not reserved", "diag-syntax-w-keyword"),
    ("ASCII punctuation", "diag-syntax-w-ascii"),
    (EXPR_HINT, "diag-syntax-hint-expr"),
    (CONCLUSION_HINT, "diag-syntax-hint-conclusion"),
    (
        "write the ISO 4217 code of the currency: `currency EUR`",
        "diag-syntax-hint-currency",
    ),
    (
        "write the calendar after `calendar`: `calendar cn-mainland`",
        "diag-syntax-hint-calendar",
    ),
    (
        "write the type after a colon: `fact purchase.price: money`",
        "diag-syntax-hint-type",
    ),
];

const ITEM_START: &str =
    "`rulebook`, `law`, `fact`, `define`, `remedy`, `rule` or `exception` at the start of a line";

const EXPR_HINT: &str = "a condition is made of facts, values and words such as `and`, `or`, `not`, `is`, `is one of`, \
         `<`, `>=`; see docs/language.md";

const CONCLUSION_HINT: &str = "after `=>` write the remedy as its phrase (`forward to association at operator location`) \
         or its id (`return_without_reason`)";

/// The words `english` of [`describe`] as an argument of a message: the
/// catalogue's words when it has them, else (the grammar's own words in
/// backticks) as they are.
pub(super) fn word(english: &str) -> Arg {
    match WORDS.iter().find(|(e, _)| *e == english) {
        Some((_, id)) => Arg::from(Text::new(id, Vec::new())),
        None => Arg::from(english),
    }
}

/// A hint of [`describe`] as a catalogue message.
pub(super) fn hint(english: &str) -> Text {
    match WORDS.iter().find(|(e, _)| *e == english) {
        Some((_, id)) => Text::new(id, Vec::new()),
        None => Text::from(english),
    }
}

/// What the parser expected, as English (to measure) and as an argument
/// (words joined with "or"), and a hint for some places.
pub(super) struct Expected {
    pub english: String,
    pub words: Arg,
    pub hint: Option<Text>,
}

/// How to describe what the parser expected, and a hint for some places.
pub(super) fn expected(positives: &[Rule]) -> Expected {
    let mut words: Vec<&'static str> = Vec::new();
    let mut hints: Vec<&'static str> = Vec::new();
    // A unit may follow any name or parenthesis (`warranty.months months`);
    // where something else could go on too, it is not worth a word.
    let others = positives.iter().any(|r| *r != Rule::unit);
    // inside an `if`, the `then` or `else` it lacks first: the list is cut
    let open_if = |r: &&Rule| matches!(r, Rule::kw_then | Rule::kw_else);
    let ordered = positives
        .iter()
        .filter(open_if)
        .chain(positives.iter().filter(|r| !open_if(r)));
    for r in ordered.filter(|r| !(others && **r == Rule::unit)) {
        let (w, h) = describe(*r);
        if !words.contains(&w) {
            words.push(w);
        }
        if let Some(h) = h
            && !hints.contains(&h)
        {
            hints.push(h);
        }
    }
    // A hint only when it is about everything that was expected: where
    // either a condition or `=>` could go on, neither hint is the one.
    let hint = match hints.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    if words.len() > 6 {
        words.truncate(6);
        words.push("…");
    }
    if words.is_empty() {
        words.push("something else");
    }
    let arg = Arg::or_list(words.iter().map(|w| word(w)));
    let english = match words.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} or {}", init.join(", "), last),
        _ => words.concat(),
    };
    Expected {
        english,
        words: arg,
        hint: hint.map(self::hint),
    }
}

/// What is expected right after `=>`.
pub(super) fn after_arrow() -> Expected {
    let (w, h) = describe(Rule::conclusion);
    Expected {
        english: w.to_string(),
        words: word(w),
        hint: h.map(hint),
    }
}

fn describe(r: Rule) -> (&'static str, Option<&'static str>) {
    const EXPR: Option<&str> = Some(EXPR_HINT);
    const CONCLUSION: Option<&str> = Some(CONCLUSION_HINT);
    match r {
        Rule::EOI => ("the end of the item", None),
        Rule::WHITESPACE | Rule::hspace | Rule::space => ("a space", None),
        Rule::comment => ("a comment", None),
        Rule::chunks | Rule::chunk | Rule::item_chunk | Rule::item_keyword | Rule::lines => {
            (ITEM_START, None)
        }
        Rule::tokens | Rule::lexemes | Rule::token | Rule::word => {
            ("a word, number, quoted text or sign", None)
        }
        Rule::line_break => ("the end of the line", None),
        Rule::arrow_phrase => ("a remedy phrase after `=>`", CONCLUSION),
        Rule::cite_article => ("`article` and its number", None),
        Rule::calendar_line => ("`calendar` and its name", None),
        Rule::yen => ("`¥` or `€`", None),
        Rule::currency_attr | Rule::kw_currency => ("`currency`", None),
        Rule::currency_code => (
            "a currency code such as `EUR`",
            Some("write the ISO 4217 code of the currency: `currency EUR`"),
        ),
        Rule::item => (ITEM_START, None),
        Rule::header | Rule::kw_rulebook => ("`rulebook`", None),
        Rule::header_attr => (
            "`title`, `jurisdiction`, `version`, `effective`, `languages`, `as of`, `calendar` or `currency`",
            None,
        ),
        Rule::jurisdiction | Rule::kw_jurisdiction => ("`jurisdiction`", None),
        Rule::version | Rule::kw_version => ("`version`", None),
        Rule::effective | Rule::kw_effective => ("`effective`", None),
        Rule::languages | Rule::kw_languages => ("`languages`", None),
        Rule::as_of | Rule::kw_as => ("`as`", None),
        Rule::calendar | Rule::kw_calendar => ("`calendar`", None),
        Rule::calendar_name => (
            "a calendar name (`cn-mainland` or `weekdays`)",
            Some("write the calendar after `calendar`: `calendar cn-mainland`"),
        ),
        Rule::lang => ("a language code such as `zh` or `en`", None),
        Rule::title_attr | Rule::kw_title => ("`title`", None),
        Rule::label_attr | Rule::kw_label => ("`label`", None),
        Rule::law | Rule::kw_law => ("`law`", None),
        Rule::law_attr => ("`title` or `in force`", None),
        Rule::in_force | Rule::kw_in => ("`in force`", None),
        Rule::kw_force => ("`force`", None),
        Rule::from_date | Rule::kw_from => ("`from`", None),
        Rule::until_date | Rule::kw_until => ("`until`", None),
        Rule::fact | Rule::kw_fact => ("`fact`", None),
        Rule::fact_attr => ("`question` or `label`", None),
        Rule::question | Rule::kw_question => ("`question`", None),
        Rule::value_label | Rule::kw_value => ("`value`", None),
        Rule::fact_type
        | Rule::ty_yes_no
        | Rule::ty_number
        | Rule::ty_money
        | Rule::ty_date
        | Rule::ty_text
        | Rule::ty_one_of
        | Rule::ty_some_of => (
            "a type (`yes/no`, `number`, `money`, `date`, `text`, `one of …` or `some of …`)",
            Some("write the type after a colon: `fact purchase.price: money`"),
        ),
        Rule::define | Rule::kw_define => ("`define`", None),
        Rule::define_attr => ("`label`", None),
        Rule::remedy | Rule::kw_remedy => ("`remedy`", None),
        Rule::remedy_attr => (
            "`title`, `category`, `phrase`, `param`, `amount`, `deadline` or `cite`",
            None,
        ),
        Rule::category | Rule::kw_category => ("`category`", None),
        Rule::phrase_decl | Rule::kw_phrase => ("`phrase`", None),
        Rule::param | Rule::kw_param => ("`param`", None),
        Rule::amount | Rule::kw_amount => ("`amount`", None),
        Rule::up_to | Rule::kw_up => ("`up to`", None),
        Rule::deadline | Rule::kw_deadline => ("`deadline`", None),
        Rule::cite | Rule::kw_cite => ("`cite`", None),
        // `cite zh "…" en "…"`: what starts it is a language code
        Rule::cite_texts | Rule::cite_text => ("a language code such as `zh` or `en`", None),
        Rule::kw_article => ("`article`", None),
        Rule::article_ref | Rule::article_num => (
            "an article number such as `25` or `25(1)`, or a quoted text",
            None,
        ),
        Rule::rule | Rule::kw_rule => ("`rule`", None),
        Rule::rule_attr => ("`amount`, `deadline`, `cite` or `in force`", None),
        Rule::exception | Rule::kw_exception => ("`exception`", None),
        Rule::conclusion | Rule::call | Rule::call_args | Rule::phrase | Rule::phrase_word => {
            ("a remedy phrase after `=>`", CONCLUSION)
        }
        Rule::arrow => ("`=>` and the remedy", CONCLUSION),
        Rule::colon => (
            "`:`",
            Some("write the type after a colon: `fact purchase.price: money`"),
        ),
        Rule::comma => ("`,`", None),
        Rule::slash => ("`/`", None),
        Rule::lparen => ("`(`", None),
        Rule::rparen => ("`)`", None),
        Rule::expr
        | Rule::or_expr
        | Rule::and_expr
        | Rule::not_expr
        | Rule::comparison
        | Rule::sum
        | Rule::product
        | Rule::unary
        | Rule::primary => ("a condition or value", EXPR),
        Rule::one_of_test | Rule::is_test | Rule::kw_is => ("`is`", EXPR),
        Rule::negation | Rule::kw_not => ("`not`", EXPR),
        Rule::choice => ("a value to choose from", None),
        Rule::includes_test | Rule::kw_includes => ("`includes`", EXPR),
        Rule::set_quantifier | Rule::kw_any | Rule::kw_all | Rule::kw_none => {
            ("`any of`, `all of` or `none of`", EXPR)
        }
        Rule::excludes_test | Rule::kw_does | Rule::kw_include => ("`does not include`", EXPR),
        Rule::kw_some => ("`some of`", None),
        Rule::cmp_op => ("a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)", EXPR),
        Rule::add_op => ("`+` or `-`", EXPR),
        Rule::mul_op => ("`*` or `/`", EXPR),
        Rule::neg => ("`-`", EXPR),
        Rule::function | Rule::fn_name | Rule::kw_max | Rule::kw_min => {
            ("`max(…)` or `min(…)`", EXPR)
        }
        Rule::days_from => ("`days from … to …`", EXPR),
        Rule::working_days_from | Rule::kw_working => ("`working days from … to …`", EXPR),
        Rule::conditional | Rule::kw_if => ("`if … then … else …`", EXPR),
        Rule::kw_then => ("`then`", EXPR),
        Rule::kw_else => ("`else`", EXPR),
        Rule::literal => ("a value", EXPR),
        Rule::date => ("a date such as `2024-07-01`", None),
        Rule::duration | Rule::unit | Rule::working_days => (
            "a duration such as `7 days`, `6 months` or `7 working days`",
            None,
        ),
        Rule::kw_days
        | Rule::kw_day
        | Rule::kw_weeks
        | Rule::kw_week
        | Rule::kw_months
        | Rule::kw_month
        | Rule::kw_years
        | Rule::kw_year => ("a unit (`days`, `weeks`, `months`, `years`)", None),
        Rule::money | Rule::currency => ("an amount such as `500 yuan` or `40 EUR`", None),
        Rule::number | Rule::digits => ("a number", None),
        Rule::boolean | Rule::kw_yes | Rule::kw_no => ("`yes` or `no`", None),
        Rule::string | Rule::string_inner => ("a quoted text", None),
        Rule::name => ("a fact name such as `operator.location`", None),
        Rule::ident => ("a name", None),
        Rule::keyword => ("a word that is not reserved", None),
        Rule::kw_when => ("`when`", None),
        Rule::kw_to => ("`to`", None),
        Rule::kw_and => ("`and`", None),
        Rule::kw_or => ("`or`", None),
        Rule::kw_one => ("`one of`", None),
        Rule::kw_of => ("`of`", None),
        Rule::kw_number => ("`number`", None),
        Rule::kw_money => ("`money`", None),
        Rule::kw_date => ("`date`", None),
        Rule::kw_text => ("`text`", None),
        Rule::bad_date | Rule::date_year | Rule::date_sep | Rule::date_part => {
            ("a date such as `2024-07-01`", None)
        }
        Rule::full_width | Rule::full_width_quoted | Rule::full_width_inner => {
            ("ASCII punctuation", None)
        }
        Rule::unclosed_string | Rule::unclosed_inner => ("a quoted text", None),
    }
}

#[cfg(test)]
mod tests {
    use super::WORDS;
    use crate::diagnostic::Text;

    #[test]
    fn the_catalogue_says_each_word_as_it_was_said() {
        for (english, id) in WORDS {
            assert_eq!(Text::new(id, Vec::new()).english(), *english, "{id}");
            assert_ne!(Text::new(id, Vec::new()).render("zh"), *english, "{id}");
        }
    }
}
