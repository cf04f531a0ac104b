//! Words for grammar rules, so that syntax errors speak to legal editors.
//!
//! The `match` is exhaustive with no catch-all arm: a new grammar rule does
//! not compile until it has words here.

use super::Rule;

/// How to describe what the parser expected, and a hint for some places.
pub(super) fn expected(positives: &[Rule]) -> (String, Option<&'static str>) {
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
    let text = match words.as_slice() {
        [] => "something else".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    };
    (text, hint)
}

/// What is expected right after `=>`.
pub(super) fn after_arrow() -> (String, Option<&'static str>) {
    let (w, h) = describe(Rule::conclusion);
    (w.to_string(), h)
}

fn describe(r: Rule) -> (&'static str, Option<&'static str>) {
    const EXPR: Option<&str> = Some(
        "a condition is made of facts, values and words such as `and`, `or`, `not`, `is`, `is one of`, \
         `<`, `>=`; see docs/language.md",
    );
    const CONCLUSION: Option<&str> = Some(
        "after `=>` write the remedy as its phrase (`forward to association at operator location`) \
         or its id (`return_without_reason`)",
    );
    match r {
        Rule::EOI => ("the end of the item", None),
        Rule::WHITESPACE | Rule::hspace | Rule::space => ("a space", None),
        Rule::comment => ("a comment", None),
        Rule::chunks | Rule::chunk | Rule::item_chunk | Rule::item_keyword | Rule::lines => (
            "`rulebook`, `law`, `fact`, `define`, `remedy`, `rule` or `exception` at the start of a line",
            None,
        ),
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
        Rule::item => (
            "`rulebook`, `law`, `fact`, `define`, `remedy`, `rule` or `exception` at the start of a line",
            None,
        ),
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
