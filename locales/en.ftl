# The words of redress's advice text (`redress eval`, `redress facts`), in English.
# Every message here has a twin in zh.ftl with the same variables
# (tests/i18n.rs checks it). `{" "}` keeps a space Fluent would trim.

## the head
version = version { $version }
effective = effective { $date }
case-as-of = Case: { $case }, as of { $date }
case-no-as-of = Case: { $case }, no as-of date
warning-before-effective = Warning: the as-of date { $date } is before the rulebook takes effect ({ $effective }); its rules may not yet apply.
warning-law-not-in-force = Warning: { $law } is not in force on the as-of date { $date }.

## the remedies that apply
no-remedy = No remedy applies on the facts given.
remedies-apply =
    { $count ->
        [one] 1 remedy applies:
       *[other] { $count } remedies apply:
    }
category-civil = Civil
category-administrative = Administrative
category-criminal = Criminal
category-platform = Platform
amount = amount: { $amount }
amount-up-to = amount: up to { $amount }
amount-ceiling = amount (a ceiling): { $amount }
deadline = deadline: { $deadline }
deadline-passed = { $date } (passed)
deadline-open = { $date } (still open)
source = source: { $citation }
because = because: rule { $rule }
because-facts = because: rule { $rule } ({ $facts })
rule-under = { $rule }, as it applies to { $under }
exceptions-ruled-out = exceptions that do not apply: { $exceptions }

## citations
law-title = { $law }
articles =
    { $count ->
        [one] art. { $articles }
       *[other] arts. { $articles }
    }
article = { $article }
law-articles = { $law }, { $articles }
citation-not-in-force = { $citation } — not in force on the as-of date

## the other sections
deadline-passed-heading =
    { $count ->
        [one] Deadline passed (1 remedy):
       *[other] Deadline passed ({ $count } remedies):
    }
set-aside-heading = Set aside by an exception:
set-aside-exception = exception { $exception } does not exclude rule { $rule }: it is itself set aside by { $by }
set-aside-exception-remedy = exception { $exception } to rule { $rule } ({ $remedy }): set aside by { $by }
overridden-remedy = rule { $rule } ({ $remedy }): overridden by { $by }
overridden = rule { $rule }: overridden by { $by }
undetermined-heading = Still undetermined: these may apply once the missing facts are known:
undetermined-no-needs = no missing fact would settle it: a computation failed (see the errors below)
needs = needs: { $facts }
questions-heading = Questions that would settle the rest:
question-of = { $label }: { $question }
question-settles =
    { $count ->
        [one] { $question } (settles 1 remedy)
       *[other] { $question } (settles { $count } remedies)
    }
errors-heading = Errors while computing:
error-line = { $message } ({ $code })

## values
yes = yes
no = no
none = none
unknown-because = unknown — { $error }
unknown-failed = unknown — a computation failed (see the errors below)
unknown-needs = unknown — needs { $facts }
list-separator = {", "}
fact-separator = {"; "}
fact-value = { $fact } = { $value }
named = { $label } ({ $name })

## redress facts
facts-derived-heading = Worked out from the facts above:

## explain
explain-remedy = { $mark } { $title }: { $status }
explain-heading = Why and why not, for case { $case }:
explain-applies = applies
explain-expired = applies, but its deadline has passed
explain-not-applies = does not apply
explain-undetermined = undetermined
explain-no-rules = no rule gives this remedy
explain-rule-applies = rule { $rule } applies:
explain-rule-undetermined = rule { $rule } may apply:
explain-rule-fails = rule { $rule } does not apply: its condition failed:
explain-rule-set-aside = rule { $rule } held but was set aside by an exception:
explain-exception-holds = exception { $exception } holds:
explain-exception-ruled-out = exception { $exception } ruled out:
explain-exception-open = exception { $exception } still open:
explain-needs = facts that would settle it:
explain-unknown = unknown
explain-part = { $test } — { $values }
explain-not = not ({ $test })
explain-and = and
explain-or = or
explain-one-of = { $subject } is one of { $values }
explain-not-one-of = { $subject } is not one of { $values }
explain-includes-any = { $subject } includes any of { $values }
explain-includes-all = { $subject } includes all of { $values }
explain-includes-none = { $subject } includes none of { $values }
explain-min = the smaller of { $values }
explain-max = the larger of { $values }
explain-days = { $count } days
explain-weeks = { $count } weeks
explain-months = { $count } months
explain-years = { $count } years
explain-working-days = { $count } working days
explain-days-from = days from { $from } to { $to }
explain-working-days-from = working days from { $from } to { $to }
explain-if = if { $test } then { $then } else { $else }
explain-computed-steps = { $steps }
explain-step-separator = {"; "}
explain-computed = { $steps } → { $result }
explain-computed-verbose = { $expr }: { $steps } → { $result }
explain-flip-stop = smallest change that would stop it applying:
explain-flip-start = smallest change that would make it apply:
explain-change = { $fact }: { $from } → { $to }
explain-flip-exhaustive = (the search was exhaustive: every change of one fact, then of two, over the boundary values)
explain-flip-not-exhaustive = (the search stopped before trying every change of two facts: a smaller one may exist)
explain-flip-none-exhaustive = no change of one or two facts flips it (every combination over the boundary values was tried)
explain-flip-none = no change found that flips it (the search stopped before trying every change of two facts)

## ask
ask-skip = skip (leave it unknown)
ask-back = back (undo the last answer)
ask-select-help = ↑↓ to move, Enter to choose, Esc to skip
ask-set-help = ↑↓ to move, Space to choose, → all, ← none, Enter when done, Esc to skip
ask-text-help = type "{ $skip }" to leave it unknown, "{ $back }" to undo the last answer
ask-invalid = That answer cannot be used: { $reason }
ask-applies-now = ✓ applies now: { $remedy }
ask-nothing-to-undo = Nothing to undo.
ask-done = Nothing left to ask: no answer can change the outcome now.
ask-answered = { $question } → { $answer }
ask-skipped = { $question } → (skipped, left unknown)
ask-saved = The case is saved in { $path }.
ask-case-name = the interview
ask-skip-word = skip
ask-back-word = back
ask-invalid-date = write a date that exists, as YYYY-MM-DD (2024-05-06)
ask-invalid-number = write a number (3, 2.5)
ask-invalid-money = write an amount ({ $example })

## lsp
lsp-fact = fact { $name }
lsp-derived = derived fact { $name }
lsp-remedy = remedy { $name }
lsp-law = law { $name }
lsp-rule = rule { $name }
lsp-exception = exception { $name } to { $rules }
lsp-type = type: { $value }
lsp-question = question ({ $lang }): { $text }
lsp-label = label ({ $lang }): { $text }
lsp-title = title ({ $lang }): { $text }
lsp-values = values:
lsp-category = category: { $value }
lsp-param = parameter: { $value }
lsp-phrase = phrase: { $value }
lsp-amount = amount: { $value }
lsp-deadline = deadline: { $value }
lsp-citation = cites { $value }
lsp-in-force-from-until = in force from { $from } until { $until }
lsp-in-force-from = in force from { $from }
lsp-in-force-until = in force until { $until }
lsp-in-force-always = no period of force given: in force at every date
lsp-keyword = keyword
lsp-fix-cite = cite { $law }
lsp-rename-nothing = only a fact, a derived fact or a remedy can be renamed
lsp-rename-invalid = `{ $name }` is not a name the rulebook can use: letters, digits and `_`, not starting with a digit (dotted words for a fact)
lsp-rename-taken = `{ $name }` is already declared
## serve
serve-not-found = There is no { $method } { $path } here; the API is under /v1 (see docs/api.md).
serve-method-not-allowed = { $method } is not allowed on { $path }.
serve-unknown-rulebook = No rulebook is served as `{ $id }`; the rulebooks: { $ids }.
serve-unknown-param = `{ $param }` is not a parameter of this endpoint; its parameters: { $params }.
serve-query-encoding = `{ $param }` is not percent-encoded UTF-8.
serve-unknown-lang = redress has no words in language `{ $lang }`; the languages are: { $langs }.
serve-bad-date = `{ $param }`: `{ $value }` is not a date; write YYYY-MM-DD, e.g. 2024-06-01.
serve-bad-output = `{ $param }`: `{ $value }` is not an output level; use one of: { $levels }.
serve-unknown-remedy = `{ $remedy }` is not a remedy of this rulebook; its remedies: { $ids }.
serve-unknown-fact = `{ $fact }` is not a fact of this rulebook.
serve-facts-format = `{ $value }` is not a format of the facts; write json or jsonschema.
serve-id-field-fact = `{ $key }` is a fact of the rulebook; choose a key that is not a fact, e.g. case_id.
serve-body-too-large = The request body is larger than { $limit } bytes, the limit for it.
serve-body-timeout = The request body did not arrive within { $seconds } seconds.
serve-body-unreadable = The request body could not be read.
serve-case-invalid = The case has errors; see the diagnostics.
serve-rulebook-invalid = The rulebook has errors; see the diagnostics.
serve-overloaded = The server is answering { $limit } requests already; try again in a moment.
serve-shutting-down = The server is shutting down.
serve-internal = The server failed while answering; please report it with the request.
## playground
playground-title = redress playground
playground-intro = Edit a rulebook, answer the questions, and see which remedies apply.
playground-rulebook = Rulebook
playground-pick = Start from
playground-language = Language
playground-format = Format
playground-formatted = Formatted.
playground-editor = Rulebook text
playground-checking = Checking…
playground-ok = No problems found.
playground-problems = Errors: { $errors }, warnings: { $warnings }
playground-error = error
playground-warning = warning
playground-help = Help
playground-broken = The rulebook has errors; the form and the outcome show the last version without errors.
playground-case = The case
playground-case-intro = Leave a question blank when the answer is not known: it is then missing, never “no”.
playground-yes = yes
playground-no = no
playground-unknown = (not known)
playground-none-of-these = none of these
playground-settles = would settle { $count }
playground-next = asked next
playground-clear = Clear the answers
playground-no-facts = This rulebook asks for no facts.
playground-case-errors = Some answers cannot be used:
playground-outcome = Outcome
playground-applies = Applies
playground-undetermined = Not yet determined: might apply once these are known
playground-overridden = Set aside by an exception
playground-expired = Applies, but the deadline has passed
playground-nothing = No remedy applies to what is known so far.
playground-amount = Amount
playground-up-to = up to { $amount }
playground-yuan = { $amount } yuan
playground-law-article = { $law }, art. { $article }
playground-deadline = Deadline
playground-params = Details
playground-citations = Legal basis
playground-because = Because of rule { $rule }
playground-fact-value = { $fact }: { $value }
playground-labelled = { $label }: { $text }
playground-open-needs = not known (needs { $needs })
playground-lang-zh = 中文
playground-lang-en = English
playground-needs = Needs
playground-by = set aside by { $by }
playground-errors = Computations that failed
playground-explain = Explain
playground-hide = Hide
playground-flip = What would change it
playground-holds = holds
playground-fails = does not hold
playground-open = not known
playground-exceptions = Exceptions
playground-as-of = as of { $date }
playground-offline = The server did not answer; is `redress serve --playground` still running?
playground-bad-body = The body must be a JSON object {"{"}"rulebook": "…rulebook text…", "case": {"{"}…{"}"}{"}"}.

## serve (errors)
serve-path-encoding = The path { $path } is not percent-encoded UTF-8.

## words
because-titled = because: { $rule }
because-titled-facts = because: { $rule } ({ $facts })
because-untitled = because: a rule with no conditions on the facts
because-untitled-facts = because: { $facts }
exceptions-counted = { $count ->
    [one] one exception
   *[other] { $count } exceptions
}
exceptions-and-others = { $exceptions } and { $count ->
    [one] one other exception
   *[other] { $count } other exceptions
}
param-value = { $param }: { $value }
explain-rule-applies-untitled = a rule without a title applies:
explain-rule-undetermined-untitled = a rule without a title may apply:
explain-rule-fails-untitled = a rule without a title does not apply: its condition failed:
explain-rule-set-aside-untitled = a rule without a title held but was set aside by an exception:
explain-exception-holds-untitled = an exception without a title holds:
explain-exception-ruled-out-untitled = an exception without a title ruled out:
explain-exception-open-untitled = an exception without a title still open:
explain-rule-applies-titled = “{ $rule }” applies:
explain-rule-undetermined-titled = “{ $rule }” may apply:
explain-rule-fails-titled = “{ $rule }” does not apply: its condition failed:
explain-rule-set-aside-titled = “{ $rule }” held but was set aside by an exception:
explain-exception-holds-titled = exception “{ $exception }” holds:
explain-exception-ruled-out-titled = exception “{ $exception }” ruled out:
explain-exception-open-titled = exception “{ $exception }” still open:
set-aside-exception-titled = exception “{ $exception }” does not exclude “{ $rule }”: it is itself set aside by { $by }
set-aside-exception-remedy-titled = exception “{ $exception }” to “{ $rule }” ({ $remedy }): set aside by { $by }
overridden-remedy-titled = “{ $rule }” ({ $remedy }): overridden by { $by }
overridden-titled = “{ $rule }”: overridden by { $by }

## diagnostics
# The words of diagnostics (`redress check`, the language server, the playground); `text!` ids in src/.

diag-list-or = {" "}or{" "}
diag-list-and = {" "}and{" "}
diag-did-you-mean = did you mean `{ $name }`?

## diagnostics: check
# The checker's diagnostics (src/check/): messages, labels (`-label`), help (`-help`) and fix titles.

diag-kind-fact = fact
diag-kind-derived-fact = derived fact
diag-kind-remedy = remedy
diag-kind-law = law
diag-kind-rule = rule
diag-kind-exception = exception
diag-type-yes-no = yes/no
diag-type-number = number
diag-type-money = money
diag-type-date = date
diag-type-text = text
diag-type-one-of = one-of
diag-type-some-of = some-of
diag-type-duration = duration
diag-type-money-in = money in { $currency }
diag-type-one-of-values = one of { $values }
diag-type-one-of-values-more = one of { $values }, …
diag-type-some-of-values = some of { $values }
diag-type-some-of-values-more = some of { $values }, …
diag-type-a-yes-no = a yes/no
diag-type-a-number = a number
diag-type-a-date = a date
diag-type-a-duration = a duration
diag-type-a-money-in = a money in { $currency }
diag-type-a-one-of-values = a one-of value ({ $values })
diag-type-a-one-of-values-more = a one-of value ({ $values }, …)
diag-type-a-some-of-values = a some-of value ({ $values })
diag-type-a-some-of-values-more = a some-of value ({ $values }, …)
diag-check-write = write `{ $name }`
diag-check-this-is = this is { $found }
diag-check-this-is-money-in = this is money in { $currency }
diag-check-first-given-here = first given here
diag-check-listed-again = listed again
diag-check-given-again = given again
diag-check-first-declared-here = first declared here
diag-check-values-are = the values are: { $list }
diag-check-and = { $a } and { $b }
diag-check-or = { $a } or { $b }
diag-check-no-header = the rulebook has no `rulebook` header
diag-check-no-header-label = expected `rulebook` here
diag-check-no-header-help = start the file with `rulebook`, then `title`, `jurisdiction`, `version` and `effective`
diag-check-second-header = the rulebook has a second `rulebook` header
diag-check-second-header-label = second header
diag-check-first-header-label = first header here
diag-check-second-header-help = merge the two headers into one
diag-check-header-lacks = the rulebook header lacks { $list }
diag-check-header-lacks-label = this header
diag-check-header-lacks-help = a header names the rulebook's title, jurisdiction, version and the date it takes effect, e.g. `effective 2024-07-01`
diag-check-effective-twice = the header gives `effective` twice
diag-check-effective-twice-label = second date
diag-check-effective-twice-help = keep one date
diag-check-language-twice = language `{ $lang }` is listed twice
diag-check-language-twice-help = list each language once
diag-check-currency-twice = the header gives `currency` twice
diag-check-currency-twice-label = second currency
diag-check-currency-twice-help = a rulebook has one currency; declare a fact in another one as `money EUR`
diag-check-calendar-twice = the header gives `calendar` twice
diag-check-calendar-twice-label = second calendar
diag-check-calendar-twice-help = keep one calendar
diag-check-calendar-meant = did you mean `{ $name }`? The calendars are { $list }.
diag-check-calendars-are = the calendars are { $list }
diag-check-no-calendar = there is no calendar `{ $name }`
diag-check-no-calendar-label = not a known calendar
diag-check-given-twice = `{ $what }` is given twice
diag-check-given-twice-in = `{ $what }` in `{ $lang }` is given twice
diag-check-keep-one = keep one `{ $what }`
diag-check-keep-one-in = keep one `{ $what }` in `{ $lang }`
diag-check-second = second `{ $what }`
diag-check-language-not-listed = language `{ $lang }` is not listed in the header
diag-check-language-not-listed-label = not a rulebook language
diag-check-language-not-listed-help = the header lists: { $list }; add it to `languages` or fix the code
diag-check-no-values-label = this fact has no values to label
diag-check-no-values-help = only a fact of type `one of …` or `some of …` has values to label
diag-check-not-a-value = `{ $value }` is not one of the values of `{ $fact }`
diag-check-not-a-value-label = not a value of this fact
diag-check-not-a-value-here = `{ $name }` is not one of the values here
diag-check-as-of-twice = the header gives `as of` twice
diag-check-as-of-twice-label = second `as of`
diag-check-as-of-twice-help = keep one `as of` fact
diag-check-as-of-not-date = the `as of` fact `{ $name }` is { $found }, not a date
diag-check-as-of-not-date-help = name a fact declared with type `date`
diag-check-as-of-undeclared = the `as of` fact `{ $name }` is not declared
diag-check-no-such-fact = no such fact
diag-check-mixed-scripts = `{ $name }` mixes Latin letters with the look-alike letter `{ $letter }` (U+{ $code })
diag-check-mixed-scripts-label = mixed scripts
diag-check-mixed-scripts-help = retype the name in one script; look-alike letters make two names that read the same but differ
diag-check-declared-twice = `{ $name }` is declared twice
diag-check-declared-twice-label = second { $what } named `{ $name }`
diag-check-declared-twice-help = rename one of them, or remove the repeat
diag-check-value-twice = the value `{ $value }` is listed twice
diag-check-value-twice-help = list each value once
diag-check-name-clash = `{ $value }` is both a value of `{ $fact }` and a { $what }
diag-check-name-clash-label = a value of `{ $fact }`
diag-check-name-clash-other = the { $what } `{ $name }`
diag-check-name-clash-help = after { $after }, `{ $value }` means the value; anywhere else it means the { $what }; rename one of them so that a reader can tell them apart
diag-check-currency-capitals = `{ $code }` is not a currency code as written: ISO 4217 codes are capital letters
diag-check-currency-capitals-help = write the code in capitals: `{ $code }`
diag-check-unknown-currency = `{ $code }` is not an active ISO 4217 currency code
diag-check-unknown-currency-label = not a currency code
diag-check-unknown-currency-help = write the ISO 4217 code of the currency, such as `CNY`, `EUR` or `USD`
diag-check-in-force-twice = `in force` is given twice
diag-check-in-force-twice-label = second period
diag-check-in-force-twice-help = give one period: `in force from … until …`
diag-check-period-reversed = the period starts on { $from } after it ends on { $until }
diag-check-period-reversed-label = this period is empty
diag-check-period-reversed-help = `from` is the first day in force and `until` the last; swap them
diag-check-undefined-law = the law `{ $name }` is not declared
diag-check-undefined-law-label = no such law
diag-check-undefined-law-help = declare it: `law { $name }` with its titles
diag-check-bare-duration = `{ $name }` is a bare duration
diag-check-bare-duration-label = a duration on its own
diag-check-bare-duration-help = add the duration to a date: `goods.received_date + 7 days`
diag-check-too-deep = this expression is { $depth } operations deep, counting the derived facts it uses; the limit is { $limit }
diag-check-too-deep-label = too deep
diag-check-too-deep-help = define fewer levels of derived facts, or flatten the expression
diag-check-derived-cycle = derived facts depend on themselves: { $names }
diag-check-derived-cycle-start = `{ $name }` starts the cycle
diag-check-derived-cycle-part = `{ $name }` is part of it
diag-check-derived-cycle-help = a derived fact must be defined from facts or from other derived facts, never from itself
diag-check-no-title = the remedy `{ $name }` has no title
diag-check-no-title-label = no `title`
diag-check-no-title-help = give it a title in each rulebook language: `title zh "…"`, `title en "…"`
diag-check-two-categories = the remedy `{ $name }` has two categories
diag-check-two-categories-label = second category
diag-check-two-categories-help = give one category
diag-check-parameter-twice = the parameter `{ $name }` is declared twice
diag-check-parameter-twice-label = declared again
diag-check-parameter-twice-help = rename or remove one
diag-check-no-cite = the { $what } `{ $name }` cites no source
diag-check-no-cite-label = no `cite`
diag-check-no-cite-help = name the law and article it rests on: `cite crpl article 25`
diag-check-amount-type = the amount must be { $want }, but this is { $found }
diag-check-amount-type-help = an amount is money, e.g. `max(3 * purchase.price, { $amount })`
diag-check-deadline-type = the deadline must be { $want }, but this is { $found }
diag-check-deadline-type-help = a deadline is a date, e.g. `goods.received_date + 7 days`
diag-check-undefined-rule = `{ $name }` is an exception to `{ $target }`, which is not a rule
diag-check-undefined-rule-label = no such rule
diag-check-undefined-rule-help = an exception must name the rule it makes an exception to
diag-check-shared-undefined-rule-help = each name after `to` must be a rule or exception
diag-check-no-as-of = `{ $name }` is in force only for a period, but the rulebook has no `as of` date
diag-check-no-as-of-label = this period
diag-check-no-as-of-help = declare a date fact and name it in the header: `as of dispute.date`
diag-check-condition-type = a condition must be yes/no, but this is { $found }
diag-check-condition-type-help = compare it with something: `purchase.price > { $amount }`, `goods.category is food`
diag-check-condition-set-help = test its values with `includes`: `problem.kinds includes fraud`
diag-check-exception-loop = exceptions form a loop: { $names }
diag-check-exception-loop-label = this exception is, in the end, an exception to itself
diag-check-exception-loop-help = an exception must lead back to a general rule
diag-check-exceptions-too-deep = exceptions to exceptions are chained more than { $limit } deep
diag-check-exceptions-too-deep-label = this exception is too far from its general rule
diag-check-exceptions-too-deep-help = statutes rarely need more than a few levels; restructure the rules
diag-check-unused-fact = the fact `{ $name }` is never used
diag-check-unused-fact-label = declared here, used by no rule
diag-check-unused-help = use it in a condition, or remove it
diag-check-unused-derived = the derived fact `{ $name }` is never used
diag-check-unused-derived-label = defined here, used by no rule
diag-check-unused-remedy = no rule produces the remedy `{ $name }`
diag-check-unused-remedy-label = in the catalogue, but never concluded
diag-check-unused-remedy-help = write a rule that ends in this remedy, or remove it
diag-check-rule-named-twice = the exception `{ $name }` names the rule `{ $target }` twice
diag-check-rule-named-twice-label = named again
diag-check-rule-named-first-label = first named here
diag-check-rule-named-twice-help = remove the second `{ $target }` from the list
diag-check-expansion-limit = exceptions to several rules, and their exceptions, set aside more than { $limit } rules in all
diag-check-expansion-limit-label = one exception to several rules
diag-check-expansion-limit-help = give fewer rules to each exception, or write separate exceptions
diag-check-nested-too-deep = expressions and the derived facts they use nest more than { $limit } levels deep
diag-check-nested-too-deep-label = too deep here
diag-check-negative = only numbers and money can be negative, but this is { $found }
diag-check-negative-help = remove the minus sign
diag-check-extremum = `{ $word }` takes numbers, money or dates, but this is { $found }
diag-check-extremum-help = `{ $word }(3 * purchase.price, { $amount })` compares amounts
diag-check-cannot-mix = { $word } cannot mix
diag-check-duration-count = the count of a duration must be a number, but this is { $found }
diag-check-duration-count-help = count { $unit } with a number: `purchase.date + warranty.months months`, `(repair.days + 1) working days`
diag-check-no-calendar-named = working days are counted on a calendar, and the header names none
diag-check-no-calendar-named-label = counts working days
diag-check-no-calendar-named-help = add `calendar cn-mainland` (or `calendar weekdays`, Monday to Friday) to the `rulebook` header
diag-check-calendar-years = { $from } to { $until }
diag-check-outside-calendar = the { $calendar } calendar covers { $years }; { $what } is outside it
diag-check-outside-calendar-label = outside the calendar's years
diag-check-outside-calendar-help = working days are known only for the years the calendar covers, { $years }; use a date inside them
diag-check-keyword = { $word }
diag-check-if-condition = the condition of `if`
diag-check-if-branches-mix = the branches of `if` cannot mix
diag-check-if-durations = the branches of `if` are durations, which stand only after a date and `+` or `-`
diag-check-if-durations-label = durations
diag-check-if-durations-help = choose between dates: `if goods.fresh then purchase.date + 7 days else purchase.date + 15 days`
diag-check-days-from = `days from … to …` counts between dates, but this is { $found }
diag-check-days-from-help = write `days from purchase.date to dispute.date`
diag-check-boolean = { $word } needs yes/no, but this is { $found }
diag-check-boolean-label = this is { $found }, not yes/no
diag-check-boolean-text-help = compare the text with a value: `operator.location = "Hangzhou"`
diag-check-boolean-one-of-help = test its value: `goods.category is food`
diag-check-boolean-some-of-help = test its values: `problem.kinds includes fraud`
diag-check-boolean-amount-help = compare it: `purchase.price > { $amount }`
diag-check-boolean-date-help = compare it: `purchase.date >= 2021-05-01`
diag-check-boolean-help = use a yes/no fact or a comparison
diag-check-undefined-fact = `{ $name }` is not a declared fact or derived fact
diag-check-undefined-fact-label = not declared
diag-check-undefined-fact-help = declare it: `fact { $name }: …` or `define { $name } as …`
diag-check-reads-as-number = not a date: this reads as a number
diag-check-currencies-mix = { $what } money in { $x } and money in { $y }
diag-check-currencies-mix-help = redress never converts currencies (it has no exchange rates): write both amounts in one currency, as the law gives them
diag-check-mismatch = { $what } { $a } and { $b }
diag-check-mismatch-money-help = write amounts with a currency: `{ $amount }`; a number times money is money
diag-check-mismatch-date-help = add a duration to a date (`purchase.date + 7 days`) or count days (`days from a to b`)
diag-check-mismatch-one-of-help = two one-of facts can be compared only when they list the same values
diag-check-mismatch-help = both sides must have the same type
diag-check-set-test = `{ $written }` cannot test `{ $subject }`, which holds any number of values
diag-check-set-help = use `includes`: `{ $subject } includes { $example }`, or `includes any of`, `includes all of` or `includes none of` and a list of values
diag-check-duration-compared = a duration cannot be compared
diag-check-duration-compared-label = compares a duration
diag-check-duration-compared-help = compare dates: `dispute.date <= goods.received_date + 7 days`
diag-check-cannot-compare = cannot compare
diag-check-cannot-order = cannot order
diag-check-cannot-add = cannot add
diag-check-cannot-subtract = cannot subtract
diag-check-cannot-multiply = cannot multiply
diag-check-cannot-divide = cannot divide
diag-check-no-order = `{ $op }` needs numbers, money or dates, but these are { $found }
diag-check-no-order-label = { $found } has no order
diag-check-no-order-help = use `is` or `is not` to test for a value
diag-check-unquoted = `{ $word }` must be quoted: the fact is text
diag-check-unquoted-label = an unquoted word
diag-check-unquoted-help = write "{ $word }"
diag-check-one-of-values = `is one of` needs values of the fact's type, { $found }
diag-check-not-such-value = not such a value
diag-check-one-of-values-help = list values the fact can take
diag-check-includes = `includes` tests a some-of fact, but this is { $found }
diag-check-includes-one-of-help = a one-of fact holds one value: test it with `is` or `is one of`
diag-check-includes-help = `includes` tests a fact declared with `some of …`, e.g. `fact problem.kinds: some of quality_defect, fraud`
diag-check-includes-values = `includes` needs values of the fact, { $found }
diag-check-includes-values-help = name values the fact lists, without quotes
diag-check-date-minus-date = dates cannot be subtracted
diag-check-date-minus-date-label = date minus date
diag-check-date-minus-date-help = count the days between them: `days from purchase.date to dispute.date`
diag-check-unknown-slot = the phrase names `{ $slot }`, which is not a parameter of the remedy
diag-check-unknown-slot-label = `{ $slot }` here
diag-check-unknown-slot-help = declare it: `param { $name }: text`
diag-check-slot-missing = the phrase does not mention the parameter `{ $name }`
diag-check-slot-repeated = the phrase mentions more than once the parameter `{ $name }`
diag-check-slot-label = this phrase
diag-check-slot-help = write `{ $slot }` once where the value goes
diag-check-empty-phrase = the phrase is empty
diag-check-empty-phrase-label = empty phrase
diag-check-empty-phrase-help = write the remedy as English words: `forward to association at {"{"}location{"}"}`
diag-check-undefined-remedy = the remedy `{ $name }` is not in the catalogue
diag-check-undefined-remedy-label = no such remedy
diag-check-undefined-remedy-help = declare it in the catalogue with `remedy`
diag-check-parameter-count = `{ $name }` takes { $want } parameter(s), but { $given } were given
diag-check-parameter-count-label = { $given } given
diag-check-parameter-count-none-help = write `{ $phrase }` without arguments
diag-check-parameter-count-help = give one value for each of: { $list }
diag-check-parameter-currency = the parameter `{ $name }` is money in { $x }, but this is money in { $y }
diag-check-parameter-currency-help = redress never converts currencies (it has no exchange rates): give an amount in { $x }, or declare the parameter as `money { $y }`
diag-check-parameter-type = the parameter `{ $name }` is { $want }, but this is { $found }
diag-check-parameter-type-help = give a value of type { $want }
diag-check-parameters-none-given = `{ $name }` takes { $want } parameter(s), but none were given
diag-check-parameters-none-given-label = no parameters
diag-check-parameters-none-given-help = write the remedy's phrase with its values, or `id(value, …)`
diag-check-parameter-empty = the remedy `{ $name }` needs a value for each parameter
diag-check-parameter-empty-label = a parameter is left empty
diag-check-phrase-is = the phrase is `{ $phrase }`
diag-check-no-phrase = no remedy in the catalogue reads `{ $phrase }`
diag-check-no-phrase-label = no remedy matches this phrase
diag-check-no-phrase-help = name a remedy of the catalogue by its id or its `phrase`
diag-check-argument-no-fact = `{ $words }` names no fact or derived fact
diag-check-read-as = read as `{ $name }`
diag-check-argument-help = the words must name a fact (`operator location` for `operator.location`) or be a quoted text
diag-check-proof = { $tests } cannot all hold
diag-check-proof-chain = { $tests } cannot all hold: together they need { $chain }, and no date is { $days } days before itself
diag-check-proof-chain-one-day = { $tests } cannot all hold: together they need { $chain }, and no date is 1 day before itself
diag-check-never-applies = the { $what } `{ $name }` can never apply: { $proof }
diag-check-never-applies-label = this condition is never true
diag-check-never-applies-help = check the limits and values; as written, no case can satisfy it
diag-check-never-together = the exception `{ $name }` can never apply when `{ $target }` does: { $proof }
diag-check-never-together-label = never true together with `{ $target }`
diag-check-never-together-help = an exception should narrow its rule; check that both talk about the same cases

## diagnostics: evaluation and calendar
# A computation that fails while a case is evaluated (the outcome's `errors`), and the calendar's words.

diag-calendar-shift = { $date } { $sign } { $count } working days
diag-calendar-outside-years = the { $calendar } calendar covers { $first } to { $last }; { $what } is outside it
diag-calendar-outside-dates = { $what } is outside the supported dates
diag-check-outside-dates-label = outside the supported dates
diag-check-outside-dates-help = moved by this count, the date would fall outside the dates redress supports (up to the year 9999, and at most 10,000,000 working days); use a smaller count
diag-unit-days = days
diag-unit-weeks = weeks
diag-unit-months = months
diag-unit-years = years
diag-unit-working-days = working days
diag-eval-division-by-zero = division by zero: { $x } / { $y }
diag-eval-overflow = the computation overflowed: the result of { $x } { $op } { $y } is too large
diag-eval-date-overflow = the computation overflowed: { $date } { $sign } { $duration } is outside the supported dates
diag-eval-count-not-whole = the count of { $unit } must be a whole number of at least 0, but it is { $n }
diag-eval-duration-overflow = the computation overflowed: a duration of { $duration } is outside the supported dates
## diagnostics: syntax, case, tests, cli
# The diagnostics of reading a rulebook (src/syntax), case files (src/case), test files (src/testing) and the CLI.

diag-syntax-expected = expected { $expected }, found { $found }
diag-syntax-expected-here = expected { $expected } here
diag-syntax-unexpected-here = unexpected here
diag-syntax-item-start-help = each item starts at the beginning of a line with `rulebook`, `law`, `fact`, `define`, `remedy`, `rule` or `exception`; see docs/language.md
diag-syntax-w-something-else = something else
diag-syntax-w-end-of-item = the end of the item
diag-syntax-w-end-of-line = the end of the line
diag-syntax-w-space = a space
diag-syntax-w-comment = a comment
diag-syntax-w-item-start = `rulebook`, `law`, `fact`, `define`, `remedy`, `rule` or `exception` at the start of a line
diag-syntax-w-token = a word, number, quoted text or sign
diag-syntax-w-remedy-phrase = a remedy phrase after `=>`
diag-syntax-w-article-number = `article` and its number
diag-syntax-w-calendar-name = `calendar` and its name
diag-syntax-w-yen-euro = `¥` or `€`
diag-syntax-w-currency-code = a currency code such as `EUR`
diag-syntax-w-header-attr = `title`, `jurisdiction`, `version`, `effective`, `languages`, `as of`, `calendar` or `currency`
diag-syntax-w-calendar = a calendar name (`cn-mainland` or `weekdays`)
diag-syntax-w-lang = a language code such as `zh` or `en`
diag-syntax-w-law-attr = `title` or `in force`
diag-syntax-w-fact-attr = `question` or `label`
diag-syntax-w-type = a type (`yes/no`, `number`, `money`, `date`, `text`, `one of …` or `some of …`)
diag-syntax-w-remedy-attr = `title`, `category`, `phrase`, `param`, `amount`, `deadline` or `cite`
diag-syntax-w-article = an article number such as `25` or `25(1)`, or a quoted text
diag-syntax-w-rule-attr = `amount`, `deadline`, `cite` or `in force`
diag-syntax-w-arrow = `=>` and the remedy
diag-syntax-w-expr = a condition or value
diag-syntax-w-choice = a value to choose from
diag-syntax-w-quantifier = `any of`, `all of` or `none of`
diag-syntax-w-comparison = a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)
diag-syntax-w-add = `+` or `-`
diag-syntax-w-mul = `*` or `/`
diag-syntax-w-function = `max(…)` or `min(…)`
diag-syntax-w-value = a value
diag-syntax-w-date = a date such as `2024-07-01`
diag-syntax-w-duration = a duration such as `7 days`, `6 months` or `7 working days`
diag-syntax-w-unit = a unit (`days`, `weeks`, `months`, `years`)
diag-syntax-w-money = an amount such as `500 yuan` or `40 EUR`
diag-syntax-w-number = a number
diag-syntax-w-boolean = `yes` or `no`
diag-syntax-w-string = a quoted text
diag-syntax-w-name = a fact name such as `operator.location`
diag-syntax-w-ident = a name
diag-syntax-w-keyword = a word that is not reserved
diag-syntax-w-ascii = ASCII punctuation
diag-syntax-hint-expr = a condition is made of facts, values and words such as `and`, `or`, `not`, `is`, `is one of`, `<`, `>=`; see docs/language.md
diag-syntax-hint-conclusion = after `=>` write the remedy as its phrase (`forward to association at operator location`) or its id (`return_without_reason`)
diag-syntax-hint-currency = write the ISO 4217 code of the currency: `currency EUR`
diag-syntax-hint-calendar = write the calendar after `calendar`: `calendar cn-mainland`
diag-syntax-hint-type = write the type after a colon: `fact purchase.price: money`
diag-syntax-too-many-operators = this item has more than { $limit } arithmetic operators
diag-syntax-too-many-operators-label = one too many here
diag-syntax-too-many-operators-help = split the computation into named derived facts with `define`
diag-syntax-too-deep = this item nests parentheses or `not` more than { $limit } deep
diag-syntax-too-deep-label = too deep here
diag-syntax-split-condition-help = split the condition into named derived facts with `define`
diag-syntax-stack = this item nests deeper than the parser's stack holds
diag-syntax-stack-label = this item
diag-syntax-full-width-quotes = these are full-width quotation marks `“…”`; use `"`
diag-syntax-full-width-quotes-label = full-width quotation marks
diag-syntax-full-width-quotes-fix = replace `“` and `”` with `"`
diag-syntax-full-width-help = a Chinese input method types full-width punctuation; outside quoted text and comments, write ASCII punctuation (switch the input method to half-width or English)
diag-syntax-full-width = this is a { $name } `{ $text }`; use `{ $ascii }`
diag-syntax-full-width-fix = replace `{ $text }` with `{ $ascii }`
diag-syntax-mark-colon = full-width colon
diag-syntax-mark-comma = full-width comma
diag-syntax-mark-enumeration-comma = Chinese enumeration comma
diag-syntax-mark-book-title = Chinese book-title mark
diag-syntax-mark-less-than = full-width less-than sign
diag-syntax-mark-greater-than = full-width greater-than sign
diag-syntax-mark-equals = full-width equals sign
diag-syntax-mark-full-stop = full-width full stop
diag-syntax-mark-opening-parenthesis = full-width opening parenthesis
diag-syntax-mark-closing-parenthesis = full-width closing parenthesis
diag-syntax-mark-opening-quote = full-width opening quotation mark
diag-syntax-mark-closing-quote = full-width closing quotation mark
diag-syntax-unclosed-quote = this quoted text is not closed on its line
diag-syntax-unclosed-quote-label = the closing `"` is missing here
diag-syntax-unclosed-quote-opens = the quote opens here
diag-syntax-unclosed-quote-help = a quoted text ends with `"` on the line where it starts
diag-syntax-unclosed-quote-fix = close the quote at the end of the line
diag-syntax-bad-date = `{ $date }` is not a date: { $wrong }
diag-syntax-and-also = { $first }, and { $then }
diag-syntax-bad-date-separator = its parts are separated by `{ $sep }`, not `-`
diag-syntax-bad-date-month = its month `{ $part }` must have two digits
diag-syntax-bad-date-day = its day `{ $part }` must have two digits
diag-syntax-bad-date-help-meant = write dates as year-month-day, with two digits for the month and the day: `{ $date }`
diag-syntax-bad-date-help = write dates as year-month-day with two-digit month and day: `2024-07-01`
diag-syntax-bad-date-label = not a date
diag-syntax-write-fix = write `{ $text }`
diag-syntax-bidi = an invisible right-to-left control character ({ $code }) is in the text
diag-syntax-bidi-label = invisible character here
diag-syntax-bidi-help = it can make the text display differently from how redress reads it; delete it
diag-syntax-bidi-more = and { $more } more invisible right-to-left control characters (the first { $first } are reported one by one)
diag-syntax-control = a control character ({ $codes }) is in the text
diag-syntax-controls = { $count } control characters ({ $codes }) are in this line
diag-syntax-control-label = control character here
diag-syntax-control-help = a terminal acts on control characters (moving the cursor, changing colours, hiding text), so the text can look different from what redress reads; delete them
diag-syntax-control-more = and { $more } more lines with control characters (the first { $first } are reported one by one)
diag-syntax-this-value = this value
diag-syntax-no-such-date = `{ $date }` is not a date that exists
diag-syntax-no-such-date-help = write dates as YYYY-MM-DD, with a real month and day
diag-syntax-duration-count = `{ $number }` is not a whole number of at most 100000
diag-syntax-duration-count-help = durations count whole days, weeks, months or years
diag-syntax-decimal = `{ $number }` is too large or too precise to be represented exactly
diag-syntax-decimal-help = numbers and amounts must fit in 28 significant digits
diag-case-syntax = the case file is not valid { $format }: { $message }
diag-case-syntax-json-help = a case is a JSON object: {"{"}"purchase": {"{"}"price": "120.00"{"}"}{"}"}
diag-case-syntax-toml-help = a case is a TOML table: [purchase] price = "120.00"
diag-case-json-trailing = unexpected text after the end of the case
diag-case-json-eof = the case ends where a value was expected
diag-case-json-word = expected true, false or null; text must be in double quotes
diag-case-json-number = expected a number
diag-case-json-unclosed = a text is not closed with a double quote
diag-case-json-escape-end = a text ends inside an escape
diag-case-json-escape = unknown escape in a text
diag-case-json-control = a control character inside a text must be escaped
diag-case-json-hex = expected 4 hex digits
diag-case-json-value = expected a value (text in quotes, a number, true, false, null, an object or a list)
diag-case-json-depth = the case nests lists or objects more than { $limit } deep
diag-case-json-bad-escape = invalid escaped character
diag-case-json-surrogate = an unpaired surrogate in a \u escape
diag-case-json-list = expected `,` or `]` in a list
diag-case-json-key = expected a key in double quotes
diag-case-json-colon = expected `:` after the key
diag-case-json-object = expected `,` or `{"}"}` in an object
diag-case-shape-null = null
diag-case-shape-bool = true/false
diag-case-shape-number = a number
diag-case-shape-text = a text
diag-case-shape-date = a date
diag-case-shape-list = a list
diag-case-shape-object = an object
diag-case-shown-text = the text "{ $text }"
diag-case-shown-number = the number { $number }
diag-case-shown-bool = { $value }
diag-case-not-a-case = a case must be an object of facts, but this is { $shape }
diag-case-not-an-object-label = not an object
diag-case-not-a-case-help = write the facts as an object: {"{"}"consumer": {"{"}"deceived": true{"}"}{"}"}
diag-case-duplicate-key = `{ $path }` is given twice
diag-case-duplicate-key-label = given again
diag-case-duplicate-key-first = first given here
diag-case-duplicate-key-help = keep one value for each fact
diag-case-unknown-key = `{ $path }` is not a fact of this rulebook
diag-case-unknown-key-label = unknown key, ignored
diag-case-unknown-key-help = the rulebook declares no such fact; it is ignored
diag-case-unknown-keys-more = and { $more } more unknown { $count ->
        [one] key
       *[other] keys
    } (the first { $first } are reported one by one)
diag-case-unknown-keys-more-label = the first of { $more } more unknown keys, ignored
diag-case-unknown-keys-more-help = the rulebook declares no such facts; they are ignored
diag-case-duplicate-keys-more = and { $more } more { $count ->
        [one] key
       *[other] keys
    } given twice (the first { $first } are reported one by one)
diag-case-duplicate-keys-more-label = the first of { $more } more keys given again
diag-case-prefix-not-an-object = `{ $path }` must be an object of facts, but the case gives { $shape }
diag-case-prefix-not-an-object-help = facts under `{ $path }`: { $facts }
diag-case-count = `{ $path }` counts a duration, so it must be a whole number of at least 0, but the case gives { $number }
diag-case-count-label = not a whole number of at least 0
diag-case-count-help = the rulebook counts `{ $path }` { $unit } from a date (`+ { $path } { $unit }`); give a whole number such as 3
diag-case-type = `{ $path }` must be { $want }, but the case gives { $given }
diag-case-type-label = expected { $want }
diag-case-type-list-label = expected a list
diag-case-value = `{ $path }`: { $message }
diag-case-currency = `{ $path }` is an amount in { $want }, but the case gives one in { $given }: { $value }
diag-case-currency-label = an amount in { $given }, not { $want }
diag-case-currency-help = redress never converts currencies (it has no exchange rates); { $example }
diag-case-choice = `{ $path }` cannot be `{ $given }`
diag-case-choice-label = not one of the allowed values
diag-case-values = the values are: { $values }
diag-case-did-you-mean-values = { $suggestion } { $values }
diag-case-set-item = `{ $path }` must be a list of its values, but the list holds { $given }
diag-case-set-item-label = expected one of the values, in double quotes
diag-case-set-choice = `{ $path }` cannot include `{ $given }`
diag-case-set-twice = `{ $path }` lists `{ $given }` twice
diag-case-set-twice-label = listed again
diag-case-set-twice-first = first listed here
diag-case-set-twice-help = list each value once
diag-case-set-more = and { $more } more { $count ->
        [one] item
       *[other] items
    } of `{ $path }` that are not values of it or are given twice (the first { $first } are reported one by one)
diag-case-set-more-label = the first of { $more } more
diag-case-type-bool = yes/no (true or false)
diag-case-type-money = an amount of money
diag-case-type-money-in = an amount of money in { $currency }
diag-case-type-one-of = one of { $values }
diag-case-type-some-of = a list of values from { $values }
diag-case-type-duration = a duration
diag-case-example-bool = write true or false
diag-case-example-number = write a number: 3 or "3"
diag-case-example-yuan = write an amount in yuan: "120.50" (or 120.5)
diag-case-example-money = write an amount in { $currency }: "120.50" (or 120.5, or "120.50 { $code }")
diag-case-example-date = write a date as "YYYY-MM-DD", e.g. "2024-05-01"
diag-case-example-text = write a text in double quotes
diag-case-example-one-of = write one of the values, in double quotes
diag-case-example-some-of = write the values that hold as a list: ["a", "b"] ([] when none holds)
diag-case-example-set = write the values that hold as a list: [{ $values }] ([] when none holds)
diag-case-example-duration = durations are not case values
diag-case-currency-capitals = `{ $text }` is not an amount of money as written: write the currency code in capitals, `{ $code }`
diag-case-currency-unknown = `{ $text }` is not an amount of money: `{ $code }` is not an active ISO 4217 currency code
diag-case-two-currencies = `{ $text }` names two currencies, { $first } and { $second }
diag-case-too-precise = `{ $number }` is too large or too precise (at most 28 significant digits)
diag-case-not-a-number = `{ $number }` is not a number
diag-case-not-money = `{ $text }` is not an amount of money
diag-case-no-such-date = `{ $date }` is not a date that exists (write YYYY-MM-DD)
diag-test-syntax = the test file is not valid { $format }: { $message }
diag-test-syntax-help = a test has a `[case]` table of facts and an `[expect]` table
diag-test-keys-here = the keys here are: { $keys }
diag-test-unknown-key = `{ $key }` is not a key of { $within }
diag-test-unknown-key-label = unknown key
diag-test-within-test = a test
diag-test-within-expect = `expect`
diag-test-within-details = a remedy's details
diag-test-not-text = `{ $key }` must be a text, but it is { $shape }
diag-test-not-text-label = expected a text
diag-test-not-text-help = write it in double quotes
diag-test-not-an-object = a test must be an object, but this is { $shape }
diag-test-not-an-object-help = write {"{"}"case": {"{"}…{"}"}, "expect": {"{"}…{"}"}{"}"}
diag-test-table-label = expected a table
diag-test-case-not-a-table = `case` must be a table of facts, but it is { $shape }
diag-test-case-not-a-table-help = write the facts under a `[case]` table
diag-test-expect-not-a-table = `expect` must be a table, but it is { $shape }
diag-test-expect-not-a-table-help = write `[expect]` with `applies = ["remedy_id"]`
diag-test-expects-nothing = the test expects nothing
diag-test-no-expect-label = no `expect` table in this file
diag-test-no-expect-help = add `[expect]` with `applies`, `not_applies` or `undetermined`
diag-test-no-such-date = `{ $key }`: `{ $date }` is not a date that exists
diag-test-date-help = write a date as YYYY-MM-DD
diag-test-not-a-date = `{ $key }` must be a date, but it is { $shape }
diag-test-not-a-date-label = expected a date
diag-test-not-a-list = `{ $key }` must be a list of remedy ids, but it is { $shape }
diag-test-not-a-list-help = write a list: ["return_without_reason"]
diag-test-listed-twice = `{ $id }` is listed twice in `expect` (`{ $first }` and `{ $then }`)
diag-test-listed-twice-help = list each remedy once: it applies, does not apply, or is undetermined
diag-test-details-not-applies = `{ $id }` has details in `expect.remedy`, so it must apply, but it is listed in `{ $list }`
diag-test-listed-here = listed here
diag-test-details-not-applies-help = details are checked on remedies that apply
diag-test-empty-expect-label = `expect` is empty
diag-test-empty-expect-help = add `applies`, `not_applies` or `undetermined`
diag-test-unknown-remedy = `{ $id }` is not a remedy of this rulebook
diag-test-unknown-remedy-label = no such remedy
diag-test-unknown-remedy-help = remedies are named by their id in the rulebook's catalogue
diag-test-details-not-a-table = `expect.remedy` must be a table of remedies
diag-test-details-not-a-table-help = write `[expect.remedy.return_without_reason]` with `deadline = "2024-05-08"`
diag-test-detail-not-a-table = `expect.remedy.{ $id }` must be a table
diag-test-detail-not-a-table-help = give `amount`, `deadline` or `params`
diag-test-amount-twice = `expect.remedy.{ $id }` gives its amount twice
diag-test-amount-twice-label = second amount
diag-test-amount-twice-help = give `amount` for an amount, or `up_to` for a ceiling (`amount up to …`), not both
diag-test-not-an-amount = `{ $key }` must be an amount, but it is { $shape }
diag-test-not-an-amount-label = expected an amount
diag-test-not-an-amount-help = write an amount: "500.00", or with its currency: "500.00 yuan", "€500.00"
diag-test-params-not-a-table = `params` must be a table of parameter values
diag-test-params-not-a-table-help = write `params = {"{"} location = "Hangzhou" {"}"}`
diag-test-no-params = `{ $id }` has no parameters
diag-test-params-are = the parameters of `{ $id }` are: { $names }
diag-test-unknown-param = `{ $name }` is not a parameter of `{ $id }`
diag-test-unknown-param-label = no such parameter
diag-test-not-a-value = `{ $name }` must be a value, but it is { $shape }
diag-test-not-a-value-label = expected a value
diag-test-not-a-value-help = write a text, number, date or true/false
diag-test-this-rulebook = this rulebook
diag-test-rulebook-errors = the rulebook `{ $path }` has errors
diag-test-run-check = run `redress check { $path }`
diag-test-name-rulebook-help = name it with `rulebook = "../book.rules"` (relative to the test file)
diag-test-mismatch = { $remedy } { $check }: expected { $expected }, got { $actual }
diag-test-mismatch-then = { $first }; { $then }
diag-test-failed = test `{ $name }` failed: { $what }
diag-test-this-test = this test
diag-test-failed-help = run `redress test { $path }` to see the rule trace
diag-test-coverage-under = tests cover rules { $rules }% and conditions { $conditions }%, under the minimum of { $min }%
diag-test-rule-uncovered = no test applies `{ $rule }`: { $reason }
diag-test-rule-uncovered-help = { $under }; add a test whose case it applies to
diag-test-rule-uncovered-label = never applied in the tests
diag-test-condition-uncovered = condition `{ $condition }` of `{ $rule }` is not seen both true and false: { $reason }
diag-test-condition-uncovered-help = { $under }; add a test that makes it go the other way
diag-test-condition-uncovered-label = a condition of this rule
diag-cli-rulebook-not-read = the rulebook was not read
diag-cli-rulebook-absolute = the rulebook `{ $path }` is an absolute path; a test names its rulebook relative to the test file
diag-cli-rulebook-missing = the rulebook `{ $path }` does not exist
diag-cli-rulebook-outside = the rulebook `{ $path }` is outside the folder tested and the current folder
diag-cli-rulebook-not-a-file = the rulebook `{ $path }` is not a regular file
diag-cli-rulebook-several = the test does not name its rulebook, and `{ $folder }` has several: { $names }
diag-cli-rulebook-none = the test does not name its rulebook, and there is no `.rules` file in { $folders }
diag-cli-rulebook-error-at = the rulebook `{ $path }` has an error at line { $line }, column { $column }
diag-cli-rulebook-error = the rulebook `{ $path }` has an error
diag-cli-run-check-help = run `redress check { $path }` to see it
diag-cli-rulebook-more-errors = `{ $path }`: { $count } more errors
diag-cli-not-utf8 = `{ $name }` is not UTF-8 text (invalid byte at offset { $offset })
diag-cli-save-utf8 = save the file as UTF-8
diag-cli-send-case-utf8 = send the case as UTF-8
diag-cli-send-rulebook-utf8 = send the rulebook as UTF-8
diag-cli-too-large = `{ $name }` is larger than { $max } bytes, the limit for it
diag-cli-too-large-help = split it, or raise the limit for this run: `--limit { $limit }=N`
diag-cli-not-formatted = `{ $path }` is not formatted
diag-cli-not-formatted-label = laid out differently from here
diag-cli-not-formatted-help = run `redress fmt { $path }`
diag-batch-empty-line = the line is empty; write one case (a JSON object) per line
diag-batch-not-utf8 = the line is not UTF-8 text (invalid byte at column { $column })
diag-batch-too-long = the line is longer than { $max } bytes, the limit for a case; split it, or raise the limit with `--limit case_bytes=N`
diag-help = help:

## test, fmt, check, facts
# The commands' own lines (src/testing/render.rs, src/testing/coverage.rs, src/cli/{test,fmt,check}.rs, src/report/facts.rs).
test-summary = { $passed } passed, { $failed } failed
test-passed = ok   { $name } ({ $path })
test-failed = FAIL { $name } ({ $path })
test-invalid = FAIL { $path }: invalid test
test-invalid-named = FAIL { $name } ({ $path }): invalid test
test-mismatch = { $remedy }:
test-mismatch-detail = { $remedy }, { $check }:
test-expected = - expected: { $value }
test-actual = + actual:   { $value }
test-word-applies = applies
test-word-applies-with-details = applies (it has details in `expect.remedy`)
test-word-not-applies = does not apply
test-word-undetermined = undetermined
test-word-undetermined-needs = undetermined (needs { $needs })
test-word-unknown = unknown
test-word-up-to = up to { $amount }
test-word-alternatives = { $first } | { $then }
test-word-one-with-all-details = one application with all the details given
test-word-none-with-all-details = { $count } applications, none with all of them
test-truth-yes = yes
test-truth-no = no
test-truth-unknown = unknown
test-trace = { $rule } { $verdict }
test-trace-rule = rule { $rule }
test-trace-exception = exception { $rule } (to { $to })
test-trace-applies = applies: its condition is yes
test-trace-applies-ruled-out = applies: its condition is yes; exceptions ruled out: { $exceptions }
test-trace-not-applies = does not apply: its condition is no
test-trace-set-aside = does not apply: its condition is yes, but exception { $exceptions } applies
test-trace-undetermined = is undetermined: its condition is unknown
test-trace-exception-unknown = is undetermined: its condition is yes, but exception { $exceptions } is unknown
test-facts-read = facts read: { $facts }
test-under-minimum = under the minimum of { $min }%: rules { $rules }%, conditions { $conditions }%
cov-heading = Coverage of { $rulebook } ({ $count ->
    [one] { $count } test
   *[other] { $count } tests
    })
cov-rules-applied = rules and exceptions applied:
cov-condition-outcomes = condition outcomes (true, false):
cov-ratio = { $covered }/{ $total } ({ $percent }%)
cov-counted-per-rule = counted once per rule it sets aside: { $each }
cov-counted-rules = { $name } ({ $count ->
    [one] { $count } rule
   *[other] { $count } rules
    })
cov-rules-never-fired = rules never fired:
cov-exceptions-never-taken = exceptions never taken:
cov-conditions-one-way = conditions not seen both true and false:
cov-rule-reason = { $rule }: { $reason }
cov-exception-reason = { $rule } (to { $to }): { $reason }
cov-condition = { $rule }: `{ $condition }`
cov-condition-via = { $rule }: `{ $condition }` (in { $via })
cov-no-test-ran = no test ran
cov-set-aside-by = `{ $rule }` ({ $count ->
    [one] once
   *[other] { $count } times
    })
cov-held-set-aside = its condition held in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }, but exception { $by } set it aside
cov-held-set-aside-undetermined = its condition held in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }, but exception { $by } set it aside, and an exception was undetermined in { $unknown ->
    [one] { $unknown } test
   *[other] { $unknown } tests
    }
cov-held-exception-undetermined = its condition held in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }, but an exception was undetermined each time
cov-never-true = its condition was never true
cov-false-in = false in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }
cov-unknown-in = unknown in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }
cov-with-counts = { $reason } ({ $counts })
cov-never-true-atoms = { $reason }; never true: { $atoms }
cov-and-then = { $first }; { $then }
cov-unknown-missing = { $reason } (unknown in { $count ->
    [one] { $count } test
   *[other] { $count } tests
    }: { $missing } missing)
cov-no-test-has = no test has `{ $condition }`
cov-no-test-has-one-of = no test has `{ $fact }` as one of { $values }
cov-no-test-makes-true = no test makes `{ $condition }` true
cov-no-test-makes-false = no test makes `{ $condition }` false
check-ok = { $path }: ok
check-counts = { $path }: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
    }, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
    }
fmt-not-formatted = { $path }: not formatted
fmt-formatted = formatted { $path }
fmt-diff-formatted = { $path } (formatted)
fmt-more-lines = … { $count ->
    [one] { $count } more changed line
   *[other] { $count } more changed lines
    }
test-rule-under = { $rule }, as it applies to { $under }

## diff
diff-title = redress diff { $old } → { $new }
diff-title-markdown = redress diff: { $old } → { $new }
diff-titled = { $title } ({ $id })
diff-item = { $kind } { $name }
diff-kind-rulebook = rulebook
diff-kind-law = law
diff-kind-fact = fact
diff-kind-define = define
diff-kind-remedy = remedy
diff-kind-rule = rule
diff-kind-exception = exception
diff-added = added
diff-removed = removed
diff-changed = changed
diff-aspect-titles = titles
diff-aspect-period = period
diff-aspect-type = type
diff-aspect-questions = questions
diff-aspect-labels = labels
diff-aspect-value-labels = value labels
diff-aspect-definition = definition
diff-aspect-category = category
diff-aspect-parameters = parameters
diff-aspect-amount = amount
diff-aspect-deadline = deadline
diff-aspect-citations = citations
diff-aspect-exception-to = exception to
diff-aspect-condition = condition
diff-aspect-remedy = remedy
diff-aspect-jurisdiction = jurisdiction
diff-aspect-version = version
diff-aspect-effective = effective
diff-aspect-languages = languages
diff-aspect-currency = currency
diff-aspect-as-of = as of
diff-aspect-change = { $what }: { $old } → { $new }
diff-unknown = unknown
diff-up-to = up to { $amount }
diff-not-given = not given
diff-undetermined = undetermined
diff-given = given
diff-given-with = given ({ $details })
diff-still-given = given; { $changes }
diff-param = { $param } = { $value }
diff-amount = amount { $amount }
diff-deadline = deadline { $deadline }
diff-parameters = parameters { $change }
diff-from-to = { $old } → { $new }
diff-comma = {", "}
diff-semicolon = {"; "}
diff-colon = { $what }:
diff-remedy-change = { $remedy }: { $change }
diff-old-rejects = the old version rejects the case: { $error }
diff-new-rejects = the new version rejects the case: { $error }
diff-invalid-case = invalid case
diff-cannot-be = `{ $name }` cannot be { $value } here: it is { $ty }
diff-verdict-corpus = { $count ->
    [one] { $count } case of the corpus changed
   *[other] { $count } cases of the corpus changed
}
diff-verdict-search = { $count ->
    [one] the search found { $count } kind of change the corpus does not show
   *[other] the search found { $count } kinds of change the corpus does not show
}
diff-verdict-see-above = see the cases above
diff-verdict-changed = Behaviour changed: { $findings }.
diff-verdict-nothing-changed = No behavioural change: no condition, remedy, amount or deadline changed.
diff-verdict-exhaustive = No behavioural change: the search was exhaustive for the changed conditions (every combination of their boundary values and unknown, from the empty case).
diff-verdict-undecided = Undecided: the search found no behavioural change, but it was not exhaustive ({ $why }), so cases it did not try may behave differently.
diff-verdict-undecided-see-below = Undecided: the search found no behavioural change, but it was not exhaustive (see below), so cases it did not try may behave differently.
diff-verdict-unreached-one = Undecided: the search found no behavioural change, but it could not aim at the condition { $conditions }, so cases on their other side may behave differently.
diff-verdict-unreached = Undecided: the search found no behavioural change, but it could not aim at the conditions { $conditions }, so cases on their other side may behave differently.
diff-more = {" "}and { $count } more
diff-from-case = from { $case }
diff-from-empty = from the empty case
diff-similar = { $count ->
    [one] { $count } other case like it
   *[other] { $count } other cases like it
}
diff-in-corpus-too = the corpus shows this too
diff-corpus-summary = { $count ->
    [one] { $count } case replayed under both versions; { $changed } changed
   *[other] { $count } cases replayed under both versions; { $changed } changed
}
diff-corpus-sentence = { $count ->
    [one] { $count } case replayed under both versions; { $changed } changed.
   *[other] { $count } cases replayed under both versions; { $changed } changed.
}
diff-corpus-line = Corpus: { $summary }
diff-rejected-by-both = { $case } is rejected by both versions: { $error }
diff-found-none = no generated case has a different outcome
diff-found-none-sentence = No generated case has a different outcome.
diff-found = { $count ->
    [one] found { $count } kind of change
   *[other] found { $count } kinds of change
}
diff-found-sentence = { $count ->
    [one] Found { $count } kind of change.
   *[other] Found { $count } kinds of change.
}
diff-search-heading = Search beyond the corpus:
diff-search-title = Search beyond the corpus
diff-searched-changed = changed: { $items }
diff-searched-remedies = remedies affected: { $remedies }
diff-searched-condition-old = condition old: { $condition } (in { $rule })
diff-searched-condition-new = condition new: { $condition } (in { $rule })
diff-searched-fact = varied { $fact }: { $values }, unknown, and the seed's value
diff-searched-context = varied (context) { $fact }: { $values }, unknown, and the seed's value
diff-searched-boundary = boundary of `{ $relation }`: a day (or step) before, on and after
diff-seeds-empty = the empty case
diff-seeds-corpus = { $count ->
    [one] the empty case and { $count } corpus case
   *[other] the empty case and { $count } corpus cases
}
diff-how-truncated = one fact at a time from each seed, then every combination until the case limit
diff-how-combinations = one fact at a time and every combination of the values above, from each seed
diff-how-one-at-a-time = one fact at a time from each seed
diff-cases-count = { $count ->
    [one] { $count } distinct case
   *[other] { $count } distinct cases
}
diff-seeds-count = { $count ->
    [one] { $count } seed
   *[other] { $count } seeds
}
diff-searched-tried = { $cases } evaluated under both versions, from { $seeds } ({ $which }); { $how }
diff-searched-exhaustive = exhaustive for the changed conditions: these values cover every class of cases the conditions of the affected remedies tell apart
diff-not-exhaustive-line = not exhaustive:
diff-not-exhaustive-heading = Not exhaustive:
diff-structure-none = Structure: no change
diff-structure-none-sentence = No item changed.
diff-structure-count = { $count ->
    [one] Structure: { $count } item changed
   *[other] Structure: { $count } items changed
}
diff-structure-item = { $verb } { $item }: { $summary }
diff-structure-heading = Structure
diff-column-item = item
diff-column-what = what changed
diff-column-case = case
diff-column-change = change
diff-corpus-heading = Corpus
diff-what-was-searched = What was searched
diff-too-many-combinations = the searched values make too many combinations, more than the { $limit } tried in full; facts were varied one at a time
diff-combinations = the searched values make { $count } combinations, more than the { $limit } tried in full; facts were varied one at a time
diff-silent-change = on some generated cases the versions give a remedy by different rules although the outcome agrees
diff-stopped = the search stopped after { $count } cases
diff-never-made = no case tried made `{ $condition }` ({ $version ->
    [old] old version
   *[new] new version
}) { $missing ->
    [true] true
    [false] false
   *[either] true or false
}
diff-unsettled = `{ $fact }` is read by `{ $condition }`, which boundary values do not settle
diff-value-computed = an amount, deadline or parameter of `{ $rule }` changed and is computed from facts
diff-aspect-old = { $what }: { $old }
diff-found-item = { $number }. ({ $origin })
diff-found-changes = { $changes } ({ $origin })

## advice: set aside by
quoted-title = “{ $title }”

## cli
# The command line's own words: usage and file errors on standard error
# (src/cli/words.rs), and the help and clap's errors (src/cli/help.rs).

cli-error = error: { $message }
cli-note = note: { $message }
cli-cannot-read = cannot read `{ $path }`: { $error }
cli-cannot-read-stdin = cannot read standard input: { $error }
cli-is-folder = cannot read `{ $path }`: it is a folder, not a file
cli-no-such-path = cannot read `{ $path }`: no such file or folder
cli-cannot-write = cannot write `{ $path }`: { $error }
cli-cannot-write-stdout = cannot write to standard output: { $error }
cli-rulebook-has-errors = { $path }: the rulebook has errors; run `redress check { $path }`
cli-no-language = redress has no words in language `{ $lang }`; the languages are: { $languages }
cli-no-thread = cannot start redress's working thread: { $error }
cli-crashed = redress stopped unexpectedly; please report this with the input that caused it
cli-limit-form = write NAME=N, e.g. depth=512
cli-limit-not-number = `{ $value }` is not a whole number
cli-limit-unknown = `{ $name }` is not a limit ({ $limits })
cli-limit-stack = { $name } can be raised to at most { $most }: deeper input would overflow the stack
cli-skipped = skipped `{ $path }`: { $why }
cli-skipped-not-regular = not a regular file
cli-skipped-too-deep = folders nested deeper than the walk goes
cli-not-a-remedy = `{ $id }` is not a remedy of this rulebook; its remedies: { $remedies }
cli-not-a-remedy-near = `{ $id }` is not a remedy of this rulebook (did you mean `{ $near }`?); its remedies: { $remedies }
cli-ask-no-such-fact = `--skip { $name }`: the rulebook has no fact of that name
cli-standard-input = standard input
cli-batch-read-stopped = reading { $what } stopped at line { $number }: { $error }; every line before it was evaluated and written
cli-batch-no-threads = cannot start the { $jobs } threads that evaluate: { $error }
cli-batch-interrupted = interrupted: the output ends with the last complete line
cli-batch-summary = { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    }, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $seconds } s ({ $rate } cases/s)
cli-eval-id-field-alone = --id-field goes with --jsonl: it names the key of each line that is its case's id
cli-eval-output-alone = --output goes with --jsonl or --format json: the advice text always shows the whole outcome
cli-eval-jobs = `--jobs { $asked }` is more than { $cores ->
        [one] the one core
       *[other] the { $cores } cores
    } of this machine; using { $cores }
cli-eval-id-field-fact = `--id-field { $name }` names a fact of the rulebook; choose a key that is not a fact, e.g. --id-field case_id
cli-diff-two = give two rulebooks, OLD and NEW, or `--git REV [PATH]`
cli-diff-git-one-path = with --git give at most one PATH
cli-diff-not-cases = `{ $path }` is not a folder of cases
cli-diff-no-change = no rulebook changed
cli-diff-has-errors = { $path }: the rulebook has errors; fix them before comparing
cli-diff-rev-dash = `{ $rev }` is not a git revision: a revision cannot start with `-`
cli-diff-not-rev = `{ $rev }` is not a git revision (a commit, branch or tag)
cli-diff-no-git = cannot run git: { $error }
cli-diff-removed = { $path }: removed since { $rev }; every remedy it gave is gone (a change; nothing to compare it with)
cli-diff-link-outside = `{ $path }` is a symbolic link to a file outside the repository; not read, so it cannot be compared
cli-diff-not-in-repo = `{ $path }` is not in the git repository at `{ $top }`
cli-diff-added = { $path }: not in { $rev }; a new rulebook (a change; nothing to compare it with)
cli-diff-not-utf8 = { $path } as of { $rev } is not UTF-8 text
cli-fmt-has-errors = { $path }: not formatted: fix the errors above first
cli-fmt-changed = `{ $path }` changed while it was being formatted; left it as it is
cli-fmt-cannot-write = cannot write `{ $path }`: { $error }; the file is unchanged
cli-serve-stack = the server's threads hold { $name } up to { $most }; `--limit { $name }={ $value }` is more
cli-serve-same-id = `{ $first }` and `{ $second }` would both be served as `{ $id }`: a rulebook's id is its file stem; rename one
cli-serve-cannot = cannot serve on { $addr }: { $error }
cli-test-none = no tests (*.test.toml, *.test.json) under { $roots }
cli-test-none-matching = no tests (*.test.toml, *.test.json) matching `{ $filter }` under { $roots }
# clap's own words, used when the help is in another language (the English
# help is clap's, word for word)
cli-usage-heading = Usage:{" "}
cli-commands-heading = Commands:
cli-arguments-heading = Arguments:
cli-options-heading = Options:
cli-builtin-help = Print help
cli-builtin-help-more = Print help (see more with '--help')
cli-builtin-help-summary = Print help (see a summary with '-h')
cli-builtin-version = Print version
cli-builtin-help-command = Print this message or the help of the given subcommand(s)
cli-default = [default: { $value }]
cli-possible-values = [possible values: { $values }]
cli-possible-values-heading = Possible values:
cli-value-separator = {": "}
cli-more-with-help = For more information, try '--help'.
cli-clap-value-missing = a value is required for '{ $arg }' but none was supplied
cli-clap-invalid-value = invalid value '{ $value }' for '{ $arg }' [possible values: { $values }]
cli-clap-unknown-argument = unexpected argument '{ $arg }' found
cli-clap-unknown-command = unrecognized subcommand '{ $command }'
cli-clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $why }
cli-clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-clap-wrong-number = '{ $arg }' requires { $expected } values but { $actual } were provided
cli-clap-once = the argument '{ $arg }' cannot be used multiple times
cli-clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-clap-missing = the following required arguments were not provided: { $args }
cli-clap-missing-command = a subcommand is required but one was not provided
cli-clap-not-utf8 = invalid UTF-8 was detected in one or more arguments

# the help (src/cli/help.rs): clap's English, checked equal to the derive attributes by a test
help-redress-about = A rules engine for legal remedy rules: check, compile and evaluate rulebooks
help-redress-arg-limits = Raise (or lower) a limit: nesting, operators, check_depth, depth, exception_depth, case_depth, case_bytes (a case file or a `--jsonl` line; default 2 MiB) or file_bytes (any other file read; default 64 MiB). See docs/language.md, "Limits". Repeatable
help-ask-about = Ask, one at a time, only the questions whose answer can still change the outcome
help-ask-after-help = Examples:
    {"  "}redress ask rulebooks/cn-online-shopping/cn-online-shopping.rules
    {"  "}redress ask book.rules partial.json --save case.toml
    {"  "}redress ask book.rules --answers answers.json --format json
    {"  "}redress ask book.rules partial.json --format json   # the next question, for a front end
help-ask-arg-rulebook = The rulebook (`.rules`)
help-ask-arg-case = A case to start from (JSON, or TOML by the `.toml` ending); without it, from nothing
help-ask-arg-answers = Answer from this file (a case file: fact → value) instead of asking; a fact it lacks is left unknown
help-ask-arg-skip = Facts to leave unknown, not to be asked (for front ends driving the interview). Repeatable
help-ask-arg-save = Write the case answered to this file at the end (TOML by the `.toml` ending, else JSON)
help-ask-arg-format = Output format
help-ask-arg-format-value-human = Questions and advice text for people
help-ask-arg-format-value-json = The next question, or the outcome when nothing is left, as JSON
help-ask-arg-as-of = Judge the case as of this date (YYYY-MM-DD)
help-ask-arg-lang = Language of questions and advice (`en`, `zh`; default: the first of the rulebook's `languages`)
help-check-about = Check rulebooks and report every error and warning
help-check-after-help = Examples:
    {"  "}redress check rulebooks/example/example.rules
    {"  "}redress check --deny-warnings --format json rulebooks/*/*.rules
    {"  "}redress check --format github rulebooks/*/*.rules   # annotations in a GitHub workflow
    {"  "}redress check --format sarif rulebooks/*/*.rules > redress.sarif
help-check-arg-rulebooks = Rulebook files (`.rules`)
help-check-arg-deny-warnings = Fail (exit 1) on warnings too
help-check-arg-format = Output format
help-check-arg-format-value-human = Text for people
help-check-arg-format-value-json = JSON for tools (schema: docs/ci.md)
help-check-arg-format-value-github = GitHub Actions workflow annotations
help-check-arg-format-value-sarif = SARIF 2.1.0, for code-scanning uploads
help-check-arg-lang = Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale, `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English)
help-diff-about = Compare two versions of a rulebook: items added, removed or changed, the corpus cases whose outcome changed, and cases found by searching around the changed conditions
help-diff-after-help = The corpus is every case file (.json, .toml) under the new rulebook's folder `cases/`, plus each --cases folder. The search starts from each corpus case and from the empty case, and varies the facts of the changed conditions over their boundary values (c-1, c, c+1 in the smallest step; the day before, of and after), every value of their one-ofs, yes and no, and unknown.

    Comparisons through derived facts and arithmetic (`days from A to B > 30`, `price + fee > 500 yuan`) are solved for dates and amounts on each side of their boundary. When no change is found but the search was not exhaustive, the report leads with "Undecided" and names the conditions it could not aim at.

    Exit codes: 0 when no behavioural change was found (or without --fail-on-change), 1 when behaviour changed and --fail-on-change is given, or the search was undecided and --fail-on-undecided is given too (or a rulebook has errors), 2 for usage errors.

    Examples:
    {"  "}redress diff old.rules new.rules
    {"  "}redress diff old.rules new.rules --cases more-cases/ --format markdown
    {"  "}redress diff --git origin/main rulebooks/cn-online-shopping/cn-online-shopping.rules
    {"  "}redress diff --git HEAD~1 --fail-on-change      # every .rules file changed since HEAD~1
    {"  "}redress diff --git origin/main --fail-on-change --fail-on-undecided
help-diff-arg-paths = OLD and NEW rulebooks; with --git, the rulebook (or a folder of rulebooks; default: the current folder)
help-diff-arg-git = Compare the rulebook as of this git revision with the working tree
help-diff-arg-cases = More case files to replay (a folder, searched recursively)
help-diff-arg-format = Output format
help-diff-arg-format-value-text = Text for a terminal
help-diff-arg-format-value-markdown = Markdown, ready to paste as a pull-request comment
help-diff-arg-format-value-json = JSON for tools
help-diff-arg-fail-on-change = Exit 1 when behaviour changed
help-diff-arg-fail-on-undecided = With --fail-on-change: also exit 1 when the search found no change but could not decide (it was not exhaustive)
help-diff-arg-max-cases = Stop the search after this many generated cases
help-diff-arg-lang = Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale, `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English)
help-eval-about = Evaluate case files against a rulebook and say which remedies apply and why
help-eval-after-help = Examples:
    {"  "}redress eval rulebooks/example/example.rules rulebooks/example/cases/fraud.json
    {"  "}redress eval --format json --as-of 2024-06-01 book.rules case.json
    {"  "}redress eval --lang en --verbose book.rules case.json
    {"  "}cat case.json | redress eval book.rules -
    {"  "}redress eval book.rules --jsonl complaints.jsonl > outcomes.jsonl
    {"  "}redress eval book.rules --jsonl complaints.jsonl --output ids > applies.jsonl
help-eval-arg-rulebook = The rulebook (`.rules`)
help-eval-arg-cases = Case files (JSON, or TOML by the `.toml` ending); `-` reads JSON from standard input
help-eval-arg-jsonl = Evaluate a JSON Lines file (`-`: standard input), one case per line, writing one JSON line per input line in input order: the outcome, or `{"{"}"line": N, "errors": […]{"}"}`
help-eval-arg-id-field = With `--jsonl`: copy each line's top-level key of this name (its case's id, not a fact) into its output line, first, as written, so that results can be joined without relying on line order (default: `id`). A name that is a fact of the rulebook is a usage error
help-eval-arg-jobs = Threads for `--jsonl` (default: all cores)
help-eval-arg-format = Output format
help-eval-arg-format-value-human = Advice text for people
help-eval-arg-format-value-json = The outcome as JSON, for tools
help-eval-arg-output = With `--jsonl` or `--format json`: how much of each outcome to build and write (ids: the remedies that apply and those undetermined; summary: with parameters, amounts, deadlines and needed facts; full: the whole outcome). See docs/output.md, "Output levels"
help-eval-arg-output-value-ids = The ids of the remedies that apply and of those undetermined
help-eval-arg-output-value-summary = The ids with parameters, amounts and deadlines, and the facts undetermined remedies need
help-eval-arg-output-value-full = The whole outcome: titles, citations, reasons, overridden rules, questions
help-eval-arg-as-of = Judge the case as of this date (YYYY-MM-DD): sets the rulebook's `as of` fact and decides which deadlines have expired
help-eval-arg-lang = Language of the advice text (`en`, `zh`; default: the first of the rulebook's `languages`)
help-eval-arg-verbose = Show the internal names of facts and values beside their labels in the advice text
help-explain-about = Explain why remedies apply to a case, or why not, and the smallest change that would flip them
help-explain-after-help = Examples:
    {"  "}redress explain rulebooks/cn-online-shopping/cn-online-shopping.rules case.json
    {"  "}redress explain --lang zh book.rules case.json return_refund
    {"  "}redress explain --format json book.rules case.json
help-explain-arg-rulebook = The rulebook (`.rules`)
help-explain-arg-case = The case file (JSON, or TOML by the `.toml` ending); `-` reads JSON from standard input
help-explain-arg-remedy = The remedy to explain in full, by id or by its title in any language (default: every remedy, one line each, in full those that apply)
help-explain-arg-format = Output format
help-explain-arg-format-value-human = Text for people
help-explain-arg-format-value-json = JSON for tools (docs/output.md, "redress explain")
help-explain-arg-format-value-markdown = Markdown, for a report or a web page
help-explain-arg-as-of = Judge the case as of this date (YYYY-MM-DD)
help-explain-arg-lang = Language of the text (`en`, `zh`; default: the first of the rulebook's `languages`)
help-explain-arg-verbose = Show the internal names of facts and values beside their labels, and each computation as written
help-facts-about = List the facts a rulebook asks for (types, questions, allowed values), or a JSON Schema of its case files
help-facts-after-help = Examples:
    {"  "}redress facts rulebooks/example/example.rules
    {"  "}redress facts --format json book.rules
    {"  "}redress facts --format jsonschema book.rules > case.schema.json
help-facts-arg-rulebook = The rulebook (`.rules`)
help-facts-arg-format = Output format
help-facts-arg-format-value-human = A list for people
help-facts-arg-format-value-json = Each fact with its type, questions, labels and allowed values
help-facts-arg-format-value-jsonschema = A JSON Schema (2020-12) of a valid case file
help-facts-arg-lang = Language of questions and labels in the human format (default: the rulebook's first language)
help-fmt-about = Format rulebooks in place (every `*.rules` file under a folder), or with `--check` list those that are not formatted
help-fmt-after-help = Examples:
    {"  "}redress fmt rulebooks/example/example.rules
    {"  "}redress fmt --check .
    {"  "}redress fmt --check --format github rulebooks
    {"  "}redress fmt - < shop.rules > formatted.rules
help-fmt-arg-paths = Rulebook files, or folders to search for `*.rules` files (hidden folders, links to folders and links to files outside the folder are skipped); `-` formats standard input to standard output. A file is replaced atomically (see docs/security.md)
help-fmt-arg-check = Write nothing: list each file that is not formatted, with its first differing lines, and exit 1 if there is any
help-fmt-arg-format = How `--check` reports: text for people, or `json`, `github` (workflow annotations) or `sarif` for CI systems
help-fmt-arg-format-value-human = Text for people
help-fmt-arg-format-value-json = JSON for tools (schema: docs/ci.md)
help-fmt-arg-format-value-github = GitHub Actions workflow annotations
help-fmt-arg-format-value-sarif = SARIF 2.1.0, for code-scanning uploads
help-fmt-arg-lang = Language of the messages and the diagnostics (`en`, `zh`; default: the environment's locale, `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English)
help-graph-about = Draw the decision graph: facts → conditions → rules → remedies, exceptions as dashed edges
help-graph-after-help = Examples:
    {"  "}redress graph rulebooks/example/example.rules | dot -Tsvg > graph.svg
    {"  "}redress graph --format mermaid --remedy refund book.rules

    A condition several rules share is one node: the graph evaluates it once per case. A rule's whole
    condition (how its parts combine with and/or) is its tooltip in DOT.
help-graph-arg-rulebook = The rulebook (`.rules`)
help-graph-arg-format = Output format
help-graph-arg-format-value-dot = Graphviz DOT (`dot -Tsvg` draws it)
help-graph-arg-format-value-mermaid = A Mermaid flowchart (GitHub and GitLab draw it in Markdown)
help-graph-arg-remedy = Only the rules that decide this remedy (its rules, the rules above them, the exceptions below)
help-graph-arg-lang = Language of titles and labels (default: the rulebook's first language)
help-lsp-about = Run the language server on standard input and output (the editor starts it; see docs/editors.md)
help-lsp-after-help = Editors start it themselves: see docs/editors.md for VS Code, Neovim and Helix.

    It speaks the Language Server Protocol (JSON-RPC) on standard input and output: diagnostics,
    hover, completion, go to definition, references, formatting, outline, quick fixes, rename and
    semantic tokens for `.rules` files.
help-lsp-arg-stdio = Accepted for editors that pass it; standard input and output are the only transport
help-serve-about = Serve rulebooks over HTTP: eval, batch, explain, ask, facts, check and fmt as JSON (docs/api.md)
help-serve-after-help = Each rulebook is served under its file stem: rulebooks/example/example.rules as /v1/rulebooks/example.

    Examples:
    {"  "}redress serve rulebooks/*/*.rules
    {"  "}redress serve --addr 0.0.0.0:8080 --watch --log-format json book.rules
    {"  "}curl -s localhost:8080/v1/rulebooks/book/eval -d @case.json
help-serve-arg-rulebooks = The rulebooks (`.rules`); two with one file stem are a usage error
help-serve-arg-addr = The address to listen on (port 0: one the system picks; the address bound is printed)
help-serve-arg-watch = Recompile a rulebook when its file changes, and serve the new version if it has no errors
help-serve-arg-watch-interval = How often `--watch` looks at the files, in seconds
help-serve-arg-max-body = The largest request body in bytes (the batch endpoint excepted: each of its lines is capped at `case_bytes`)
help-serve-arg-timeout = Seconds a request body may take to arrive (then 408)
help-serve-arg-max-concurrency = Requests answered at once; more are told 503 at once
help-serve-arg-log-format = Log format (on standard error)
help-serve-arg-log-format-value-human = One line per event, for people
help-serve-arg-log-format-value-json = One JSON object per line, for log collectors
help-serve-arg-log-level = The least important events logged
help-serve-arg-log-level-value-error = Errors only
help-serve-arg-log-level-value-warn = And warnings (a reload that failed)
help-serve-arg-log-level-value-info = And start, reloads and shutdown
help-serve-arg-log-level-value-debug = And every request
help-serve-arg-log-level-value-trace = Everything
help-serve-arg-playground = Also serve the rulebook playground, a page for editing a rulebook and trying cases on it, at / (docs/playground.md)
help-test-about = Run the tests of rulebooks (`*.test.toml`, `*.test.json`) and report what differs
help-test-after-help = Examples:
    {"  "}redress test
    {"  "}redress test rulebooks/example --coverage
    {"  "}redress test --filter fraud rulebooks/example/tests
    {"  "}redress test --min-coverage 90 --format json rulebooks

    Tests are found under each PATH (a folder, searched recursively, or a test file);
    see "Tests" in docs/language.md for the format.
help-test-arg-paths = Folders to search for tests, or test files [default: .]
help-test-arg-filter = Run only tests whose name or path contains this text
help-test-arg-coverage = List rules never fired, exceptions never taken and conditions not seen both true and false
help-test-arg-min-coverage = Fail (exit 1) when rule or condition coverage is under this percentage (implies --coverage)
help-test-arg-format = Output format
help-test-arg-format-value-human = Text for people
help-test-arg-format-value-json = JSON for tools (schema: `redress::testing::render`)
help-test-arg-format-value-github = GitHub Actions workflow annotations: a failing or invalid test is an error on its file
help-test-arg-format-value-sarif = SARIF 2.1.0, for code-scanning uploads
help-test-arg-lang = Language of the report and the diagnostics (`en`, `zh`; default: the environment's locale, `LC_ALL`, `LC_MESSAGES` or `LANG`, Chinese when it starts with `zh`, else English)

## citations: free-text citations in each language
diag-check-cite-untranslated = this citation has no text in { $langs }
diag-check-cite-untranslated-label = not in every rulebook language
diag-check-cite-untranslated-help = cite the source in each rulebook language: `cite { $example }`

## gaps: the last round's small gaps
# an amount alone in a test's difference, shown as money is read in the language
test-word-amount = { $amount }
# an untitled copy of an exception to several rules in `explain --verbose`,
# by its name and the rule it applies to
explain-rule-under = { $rule } (as it applies to { $under })

## cli (2): clap's tips, the typed options' values, common system errors (src/cli/help.rs, values.rs, words.rs)
cli-tip = {"  "}tip: { $tip }
cli-tip-name = '{ $name }'
cli-tip-similar-command = { $count ->
    [one] a similar subcommand exists: { $names }
   *[other] some similar subcommands exist: { $names }
}
cli-tip-similar-argument = { $count ->
    [one] a similar argument exists: { $names }
   *[other] some similar arguments exist: { $names }
}
cli-tip-similar-value = { $count ->
    [one] a similar value exists: { $names }
   *[other] some similar values exist: { $names }
}
cli-tip-as-value = to pass '{ $arg }' as a value, use '{ $fix }'
cli-tip-in-command = '{ $command } { $arg }' exists
cli-tip-double-dash = subcommand '{ $command }' exists; to use it, remove the '--' before it
cli-value-date = expected a date as YYYY-MM-DD, e.g. 2026-03-01
cli-value-date-meant = expected a date as YYYY-MM-DD: did you mean { $date }?
cli-value-month = there is no month { $month }: a month is 01 to 12
cli-value-day = month { $month } of { $year } has days 1 to { $days }
cli-value-seconds = expected a number of seconds greater than 0, e.g. 0.5 or 30
cli-value-percent = expected a percentage from 0 to 100
cli-value-address = expected an IP address and a port, e.g. 127.0.0.1:8080 or [::1]:8080 (a host name such as localhost is not looked up)
cli-value-port = a port is a number from 0 to 65535
cli-value-whole = expected a whole number from { $min } to { $max }
cli-value-whole-from = expected a whole number, { $min } or more
cli-value-too-large = too large: at most { $max }
cli-io-not-found = no such file or folder
cli-io-permission-denied = permission denied
cli-io-is-a-folder = it is a folder
cli-io-not-a-folder = a part of the path is not a folder
cli-io-storage-full = the disk is full
cli-io-read-only = the file system is read-only
cli-io-address-in-use = the address is already in use
cli-io-address-not-available = this machine has no such address
cli-io-file-read-only = it is read-only
cli-io-not-a-file = not a file
cli-io-no-temporary-name = no temporary file name is free

## diff: the rulebook's words in a report
# rulebook text as written (an expression, a name): English shows it bare
diff-written = { $text }
diff-always = always
diff-in-force-from = in force from { $from }
diff-in-force-until = in force until { $until }
diff-in-force-from-until = in force from { $from } until { $until }
diff-article = article { $article }
diff-value-labels = { $value }: { $labels }
diff-param-type = { $name }: { $type }
diff-summary-version = version { $version }
diff-summary-fact = fact { $name }: { $type }
diff-summary-remedy = remedy { $id } ({ $titles })
diff-item-header = rulebook header
# the command line: the system's errors a person meets reading files (every command), and git's
cli-diff-git-failed = git failed: { $error }
cli-diff-not-a-repo = not in a git repository: `--git` compares with a revision of the repository around the current folder

## zhtype: a rule's title in the advice's "because" line
because-title = { $title }
