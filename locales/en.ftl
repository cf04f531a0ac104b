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
rule-under = { $rule } under { $under }
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
