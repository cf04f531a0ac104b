# redress 建议文本（`redress eval`、`redress facts`）的中文用语。
# 每条消息在 en.ftl 中都有同名、同变量的对应消息（tests/i18n.rs 检查）。

## 开头
version = 版本 { $version }
effective = 生效日期 { $date }
case-as-of = 案件：{ $case }，评估日期 { $date }
case-no-as-of = 案件：{ $case }，未给出评估日期
warning-before-effective = 警告：评估日期 { $date } 早于本规则集的生效日期 { $effective }，其中的规则可能尚不适用。
warning-law-not-in-force = 警告：{ $law }在评估日期 { $date } 不在有效期内。

## 适用的救济途径
no-remedy = 根据已知事实，没有适用的救济途径。
remedies-apply = 适用的救济途径（{ $count } 项）：
category-civil = 民事
category-administrative = 行政
category-criminal = 刑事
category-platform = 平台
amount = 金额：{ $amount }
amount-up-to = 金额：最高 { $amount }
amount-ceiling = 金额（上限）：{ $amount }
deadline = 期限：{ $deadline }
deadline-passed = { $date }（已过）
deadline-open = { $date }（尚未届满）
source = 依据：{ $citation }
because = 理由：规则 { $rule }
because-facts = 理由：规则 { $rule }（{ $facts }）
rule-under = { $rule }（适用于规则 { $under }）
exceptions-ruled-out = 不适用的例外：{ $exceptions }

## 引用
law-title = 《{ $law }》
articles =
    { $count ->
       *[other] { $articles }
    }
article = 第{ $article }条
law-articles = { $law }{ $articles }
citation-not-in-force = { $citation }（评估日期不在有效期内）

## 其他部分
deadline-passed-heading = 期限已过（{ $count } 项）：
set-aside-heading = 因例外而排除：
set-aside-exception = 例外 { $exception } 不排除规则 { $rule }：它本身被 { $by } 排除
set-aside-exception-remedy = 规则 { $rule }（{ $remedy }）的例外 { $exception }：被 { $by } 排除
overridden-remedy = 规则 { $rule }（{ $remedy }）：被 { $by } 取代
overridden = 规则 { $rule }：被 { $by } 取代
undetermined-heading = 尚未确定：补充缺少的事实后可能适用：
undetermined-no-needs = 补充事实也无法确定：计算出错（见下方错误）
needs = 需要：{ $facts }
questions-heading = 需要补充的事实：
question-of = { $label }：{ $question }
question-settles = { $question }（可确定 { $count } 项）
errors-heading = 计算时出错：
error-line = { $message }（{ $code }）

## 值
yes = 是
no = 否
none = 无
unknown-because = 未知——{ $error }
unknown-failed = 未知——计算出错（见下方错误）
unknown-needs = 未知——需要 { $facts }
list-separator = 、
fact-separator = ，
fact-value = { $fact } = { $value }
named = { $label } ({ $name })

## redress facts
facts-derived-heading = 由以上事实推出：

## explain
explain-remedy = { $mark } { $title }：{ $status }
explain-heading = 案件 { $case } 的理由说明：
explain-applies = 适用
explain-expired = 适用，但期限已过
explain-not-applies = 不适用
explain-undetermined = 尚不确定
explain-no-rules = 没有规则给出此救济
explain-rule-applies = 规则 { $rule } 适用：
explain-rule-undetermined = 规则 { $rule } 可能适用：
explain-rule-fails = 规则 { $rule } 不适用，条件不成立：
explain-rule-set-aside = 规则 { $rule } 的条件成立，但被例外排除：
explain-exception-holds = 例外 { $exception } 成立：
explain-exception-ruled-out = 例外 { $exception } 已排除：
explain-exception-open = 例外 { $exception } 尚未确定：
explain-needs = 可以确定它的事实：
explain-unknown = 未知
explain-part = { $test } —— { $values }
explain-not = 并非（{ $test }）
explain-and = 且
explain-or = 或
explain-one-of = { $subject } 为 { $values } 之一
explain-not-one-of = { $subject } 不是 { $values } 之一
explain-includes-any = { $subject } 包含 { $values } 中任一项
explain-includes-all = { $subject } 包含 { $values } 全部
explain-includes-none = { $subject } 不包含 { $values } 中任何一项
explain-min = { $values }中的较小者
explain-max = { $values }中的较大者
explain-days = { $count } 天
explain-weeks = { $count } 周
explain-months = { $count } 个月
explain-years = { $count } 年
explain-working-days = { $count } 个工作日
explain-days-from = 自 { $from } 至 { $to } 的天数
explain-working-days-from = 自 { $from } 至 { $to } 的工作日数
explain-if = 如果 { $test } 则 { $then } 否则 { $else }
explain-computed-steps = { $steps }
explain-step-separator = ；
explain-computed = { $steps } → { $result }
explain-computed-verbose = { $expr }：{ $steps } → { $result }
explain-flip-stop = 使其不再适用的最小改变：
explain-flip-start = 使其适用的最小改变：
explain-change = { $fact }：{ $from } → { $to }
explain-flip-exhaustive = （搜索是穷尽的：已尝试边界值上每一个事实、再每两个事实的所有改变）
explain-flip-not-exhaustive = （搜索在尝试完所有两个事实的改变之前停止：可能存在更小的改变）
explain-flip-none-exhaustive = 改变一个或两个事实都不能改变结果（已尝试边界值上的所有组合）
explain-flip-none = 未找到能改变结果的改变（搜索在尝试完所有两个事实的改变之前停止）

## ask
ask-skip = 跳过（暂不回答）
ask-back = 返回（撤销上一个回答）
ask-select-help = ↑↓ 移动，回车选择，Esc 跳过
ask-set-help = ↑↓ 移动，空格选择，→ 全选，← 全不选，回车确认，Esc 跳过
ask-text-help = 输入“{ $skip }”暂不回答，输入“{ $back }”撤销上一个回答
ask-invalid = 这个回答无法使用：{ $reason }
ask-applies-now = ✓ 现在可以适用：{ $remedy }
ask-nothing-to-undo = 没有可以撤销的回答。
ask-done = 没有需要再问的问题了：任何回答都不会再改变结果。
ask-answered = { $question } → { $answer }
ask-skipped = { $question } → （已跳过，暂不确定）
ask-saved = 案件已保存到 { $path }。
ask-case-name = 本次问答
ask-skip-word = 跳过
ask-back-word = 返回
ask-invalid-date = 请按 YYYY-MM-DD 填写一个存在的日期（如 2024-05-06）
ask-invalid-number = 请填写数字（如 3、2.5）
ask-invalid-money = 请填写金额（如 { $example }）

## lsp
lsp-fact = 事实 { $name }
lsp-derived = 派生事实 { $name }
lsp-remedy = 救济 { $name }
lsp-law = 法律 { $name }
lsp-rule = 规则 { $name }
lsp-exception = 例外 { $name }（适用于 { $rules }）
lsp-type = 类型：{ $value }
lsp-question = 问题（{ $lang }）：{ $text }
lsp-label = 标签（{ $lang }）：{ $text }
lsp-title = 标题（{ $lang }）：{ $text }
lsp-values = 取值：
lsp-category = 类别：{ $value }
lsp-param = 参数：{ $value }
lsp-phrase = 短语：{ $value }
lsp-amount = 金额：{ $value }
lsp-deadline = 期限：{ $value }
lsp-citation = 依据 { $value }
lsp-in-force-from-until = 自 { $from } 起施行，至 { $until } 止
lsp-in-force-from = 自 { $from } 起施行
lsp-in-force-until = 施行至 { $until } 止
lsp-in-force-always = 未写明施行期间：任何日期均有效
lsp-keyword = 关键字
lsp-fix-cite = 引用 { $law }
lsp-rename-nothing = 只能重命名事实、派生事实或救济
lsp-rename-invalid = `{ $name }` 不能用作名称：只能由字母、数字和 `_` 组成，不能以数字开头（事实名可用 `.` 连接多个词）
lsp-rename-taken = `{ $name }` 已经声明过了
## serve
serve-not-found = 这里没有 { $method } { $path }；接口都在 /v1 之下（见 docs/api.md）。
serve-method-not-allowed = { $path } 不接受 { $method }。
serve-unknown-rulebook = 没有以“{ $id }”提供的规则集；现有规则集：{ $ids }。
serve-unknown-param = “{ $param }”不是这个接口的参数；它的参数：{ $params }。
serve-query-encoding = “{ $param }”不是百分号编码的 UTF-8。
serve-unknown-lang = redress 没有“{ $lang }”语言的文字；现有语言：{ $langs }。
serve-bad-date = “{ $param }”：“{ $value }”不是日期；请写成 YYYY-MM-DD，例如 2024-06-01。
serve-bad-output = “{ $param }”：“{ $value }”不是输出级别；请用其中之一：{ $levels }。
serve-unknown-remedy = “{ $remedy }”不是这个规则集的救济；它的救济：{ $ids }。
serve-unknown-fact = “{ $fact }”不是这个规则集的事实。
serve-facts-format = “{ $value }”不是事实清单的格式；请写 json 或 jsonschema。
serve-id-field-fact = “{ $key }”是规则集的事实；请选一个不是事实的键，例如 case_id。
serve-body-too-large = 请求体超过 { $limit } 字节的上限。
serve-body-timeout = 请求体没有在 { $seconds } 秒内到达。
serve-body-unreadable = 无法读取请求体。
serve-case-invalid = 案件有错误；见诊断。
serve-rulebook-invalid = 规则集有错误；见诊断。
serve-overloaded = 服务器正在处理 { $limit } 个请求；请稍后再试。
serve-shutting-down = 服务器正在关闭。
serve-internal = 服务器在回答时出错；请连同请求一起报告。
## playground
playground-title = redress 规则集试验场
playground-intro = 编辑规则集，回答问题，看看哪些救济适用。
playground-rulebook = 规则集
playground-pick = 从这个规则集开始
playground-language = 语言
playground-format = 排版
playground-formatted = 已排版。
playground-editor = 规则集文本
playground-checking = 正在检查……
playground-ok = 没有发现问题。
playground-problems = 错误 { $errors } 个，警告 { $warnings } 个
playground-error = 错误
playground-warning = 警告
playground-help = 提示
playground-broken = 规则集有错误；表单和结果显示的是最后一个没有错误的版本。
playground-case = 案件
playground-case-intro = 不知道答案的问题请留空：留空表示缺少该事实，而不是“否”。
playground-yes = 是
playground-no = 否
playground-unknown = （不知道）
playground-none-of-these = 都不是
playground-settles = 可确定 { $count } 项
playground-next = 下一个问题
playground-clear = 清空回答
playground-no-facts = 这个规则集不需要任何事实。
playground-case-errors = 有些回答无法使用：
playground-outcome = 结果
playground-applies = 适用
playground-undetermined = 尚未确定：补充以下事实后可能适用
playground-overridden = 被例外排除
playground-expired = 适用，但期限已过
playground-nothing = 根据目前已知的事实，没有适用的救济。
playground-amount = 金额
playground-up-to = 最高 { $amount }
playground-yuan = { $amount } 元
playground-law-article = { $law }第{ $article }条
playground-deadline = 期限
playground-params = 详情
playground-citations = 法律依据
playground-because = 依据规则 { $rule }
playground-fact-value = { $fact }：{ $value }
playground-labelled = { $label }：{ $text }
playground-open-needs = 未知（需要{ $needs }）
playground-lang-zh = 中文
playground-lang-en = English
playground-needs = 需要
playground-by = 被 { $by } 排除
playground-errors = 计算出错
playground-explain = 解释
playground-hide = 收起
playground-flip = 怎样会改变结果
playground-holds = 成立
playground-fails = 不成立
playground-open = 未知
playground-exceptions = 例外
playground-as-of = 评估日期 { $date }
playground-offline = 服务器没有回答；`redress serve --playground` 还在运行吗？
playground-bad-body = 请求体必须是 JSON 对象 {"{"}"rulebook": "……规则集文本……", "case": {"{"}……{"}"}{"}"}。

## serve (errors)
serve-path-encoding = 路径 { $path } 不是百分号编码的 UTF-8。

## words
because-titled = 理由：{ $rule }
because-titled-facts = 理由：{ $rule }（{ $facts }）
because-untitled = 理由：一条不以事实为条件的规则
because-untitled-facts = 理由：{ $facts }
exceptions-counted = { $count } 项例外
exceptions-and-others = { $exceptions }，以及其他 { $count } 项例外
param-value = { $param }：{ $value }
explain-rule-applies-untitled = 一条未命名的规则适用：
explain-rule-undetermined-untitled = 一条未命名的规则可能适用：
explain-rule-fails-untitled = 一条未命名的规则不适用，条件不成立：
explain-rule-set-aside-untitled = 一条未命名的规则的条件成立，但被例外排除：
explain-exception-holds-untitled = 一项未命名的例外成立：
explain-exception-ruled-out-untitled = 一项未命名的例外已排除：
explain-exception-open-untitled = 一项未命名的例外尚未确定：
explain-rule-applies-titled = 「{ $rule }」适用：
explain-rule-undetermined-titled = 「{ $rule }」可能适用：
explain-rule-fails-titled = 「{ $rule }」不适用，条件不成立：
explain-rule-set-aside-titled = 「{ $rule }」的条件成立，但被例外排除：
explain-exception-holds-titled = 例外「{ $exception }」成立：
explain-exception-ruled-out-titled = 例外「{ $exception }」已排除：
explain-exception-open-titled = 例外「{ $exception }」尚未确定：
set-aside-exception-titled = 例外「{ $exception }」不排除「{ $rule }」：它本身被 { $by } 排除
set-aside-exception-remedy-titled = 「{ $rule }」（{ $remedy }）的例外「{ $exception }」：被 { $by } 排除
overridden-remedy-titled = 「{ $rule }」（{ $remedy }）：被 { $by } 取代
overridden-titled = 「{ $rule }」：被 { $by } 取代

## diagnostics
# 诊断信息的用语（`redress check`、语言服务器、练习页）；源代码中 `text!` 的编号。

diag-list-or = {" "}或{" "}
diag-list-and = {" "}和{" "}
diag-did-you-mean = 是不是 `{ $name }`？

## diagnostics: syntax, case, tests, cli
# 读取规则集（src/syntax）、案件文件（src/case）、测试文件（src/testing）和命令行的诊断信息。

diag-syntax-expected = 此处应为 { $expected }，实际为 { $found }
diag-syntax-expected-here = 此处应为 { $expected }
diag-syntax-unexpected-here = 此处不应出现
diag-syntax-item-start-help = 每一项都在行首以 `rulebook`、`law`、`fact`、`define`、`remedy`、`rule` 或 `exception` 开始；参见 docs/language.md
diag-syntax-w-something-else = 其他内容
diag-syntax-w-end-of-item = 该项的结尾
diag-syntax-w-end-of-line = 行尾
diag-syntax-w-space = 空格
diag-syntax-w-comment = 注释
diag-syntax-w-item-start = 行首的 `rulebook`、`law`、`fact`、`define`、`remedy`、`rule` 或 `exception`
diag-syntax-w-token = 词、数字、带引号的文本或符号
diag-syntax-w-remedy-phrase = `=>` 之后的救济途径短语
diag-syntax-w-article-number = `article` 及条号
diag-syntax-w-calendar-name = `calendar` 及日历名称
diag-syntax-w-yen-euro = `¥` 或 `€`
diag-syntax-w-currency-code = 币种代码（如 `EUR`）
diag-syntax-w-header-attr = `title`、`jurisdiction`、`version`、`effective`、`languages`、`as of`、`calendar` 或 `currency`
diag-syntax-w-calendar = 日历名称（`cn-mainland` 或 `weekdays`）
diag-syntax-w-lang = 语言代码（如 `zh` 或 `en`）
diag-syntax-w-law-attr = `title` 或 `in force`
diag-syntax-w-fact-attr = `question` 或 `label`
diag-syntax-w-type = 类型（`yes/no`、`number`、`money`、`date`、`text`、`one of …` 或 `some of …`）
diag-syntax-w-remedy-attr = `title`、`category`、`phrase`、`param`、`amount`、`deadline` 或 `cite`
diag-syntax-w-article = 条号（如 `25` 或 `25(1)`）或带引号的文本
diag-syntax-w-rule-attr = `amount`、`deadline`、`cite` 或 `in force`
diag-syntax-w-arrow = `=>` 及救济途径
diag-syntax-w-expr = 条件或取值
diag-syntax-w-choice = 可选的取值
diag-syntax-w-quantifier = `any of`、`all of` 或 `none of`
diag-syntax-w-comparison = 比较（`=`、`!=`、`<`、`<=`、`>`、`>=`）
diag-syntax-w-add = `+` 或 `-`
diag-syntax-w-mul = `*` 或 `/`
diag-syntax-w-function = `max(…)` 或 `min(…)`
diag-syntax-w-value = 取值
diag-syntax-w-date = 日期（如 `2024-07-01`）
diag-syntax-w-duration = 期间（如 `7 days`、`6 months` 或 `7 working days`）
diag-syntax-w-unit = 单位（`days`、`weeks`、`months`、`years`）
diag-syntax-w-money = 金额（如 `500 yuan` 或 `40 EUR`）
diag-syntax-w-number = 数字
diag-syntax-w-boolean = `yes` 或 `no`
diag-syntax-w-string = 带引号的文本
diag-syntax-w-name = 事实名称（如 `operator.location`）
diag-syntax-w-ident = 名称
diag-syntax-w-keyword = 非保留词
diag-syntax-w-ascii = ASCII 标点
diag-syntax-hint-expr = 条件由事实、取值以及 `and`、`or`、`not`、`is`、`is one of`、`<`、`>=` 等词组成；参见 docs/language.md
diag-syntax-hint-conclusion = 在 `=>` 之后写出救济途径的短语（`forward to association at operator location`）或其编号（`return_without_reason`）
diag-syntax-hint-currency = 写出币种的 ISO 4217 代码：`currency EUR`
diag-syntax-hint-calendar = 在 `calendar` 之后写出日历：`calendar cn-mainland`
diag-syntax-hint-type = 在冒号之后写出类型：`fact purchase.price: money`
diag-syntax-too-many-operators = 该项的算术运算符超过 { $limit } 个
diag-syntax-too-many-operators-label = 从此处起超出
diag-syntax-too-many-operators-help = 用 `define` 把计算拆成几个有名称的派生事实
diag-syntax-too-deep = 该项中括号或 `not` 的嵌套超过 { $limit } 层
diag-syntax-too-deep-label = 此处嵌套过深
diag-syntax-split-condition-help = 用 `define` 把条件拆成几个有名称的派生事实
diag-syntax-stack = 该项的嵌套深度超出了解析器的栈容量
diag-syntax-stack-label = 该项
diag-syntax-full-width-quotes = 这是全角引号 `“…”`；请使用 `"`
diag-syntax-full-width-quotes-label = 全角引号
diag-syntax-full-width-quotes-fix = 把 `“` 和 `”` 替换为 `"`
diag-syntax-full-width-help = 中文输入法会输入全角标点；在带引号的文本和注释之外，请使用 ASCII 标点（把输入法切换为半角或英文）
diag-syntax-full-width = 这是{ $name } `{ $text }`；请使用 `{ $ascii }`
diag-syntax-full-width-fix = 把 `{ $text }` 替换为 `{ $ascii }`
diag-syntax-mark-colon = 全角冒号
diag-syntax-mark-comma = 全角逗号
diag-syntax-mark-enumeration-comma = 中文顿号
diag-syntax-mark-book-title = 中文书名号
diag-syntax-mark-less-than = 全角小于号
diag-syntax-mark-greater-than = 全角大于号
diag-syntax-mark-equals = 全角等号
diag-syntax-mark-full-stop = 全角句号
diag-syntax-mark-opening-parenthesis = 全角左括号
diag-syntax-mark-closing-parenthesis = 全角右括号
diag-syntax-mark-opening-quote = 全角左引号
diag-syntax-mark-closing-quote = 全角右引号
diag-syntax-unclosed-quote = 这段带引号的文本在本行没有闭合
diag-syntax-unclosed-quote-label = 此处缺少闭合的 `"`
diag-syntax-unclosed-quote-opens = 引号从此处开始
diag-syntax-unclosed-quote-help = 带引号的文本须在开始的同一行以 `"` 结束
diag-syntax-unclosed-quote-fix = 在行尾闭合引号
diag-syntax-bad-date = `{ $date }` 不是日期：{ $wrong }
diag-syntax-and-also = { $first }；并且{ $then }
diag-syntax-bad-date-separator = 各部分以 `{ $sep }` 而非 `-` 分隔
diag-syntax-bad-date-month = 月份 `{ $part }` 须为两位数字
diag-syntax-bad-date-day = 日 `{ $part }` 须为两位数字
diag-syntax-bad-date-help-meant = 日期按“年-月-日”书写，月和日各写两位数字：`{ $date }`
diag-syntax-bad-date-help = 日期按“年-月-日”书写，月和日各写两位数字：`2024-07-01`
diag-syntax-bad-date-label = 不是日期
diag-syntax-write-fix = 改为 `{ $text }`
diag-syntax-bidi = 文本中有一个不可见的从右到左控制字符（{ $code }）
diag-syntax-bidi-label = 此处有不可见字符
diag-syntax-bidi-help = 它会使文本的显示与 redress 读取的内容不同；请删除它
diag-syntax-bidi-more = 另有 { $more } 个不可见的从右到左控制字符（前 { $first } 个已逐一报告）
diag-syntax-control = 文本中有一个控制字符（{ $codes }）
diag-syntax-controls = 本行有 { $count } 个控制字符（{ $codes }）
diag-syntax-control-label = 此处有控制字符
diag-syntax-control-help = 终端会执行控制字符（移动光标、改变颜色、隐藏文本），文本看起来可能与 redress 读取的内容不同；请删除它们
diag-syntax-control-more = 另有 { $more } 行含有控制字符（前 { $first } 行已逐一报告）
diag-syntax-this-value = 这个取值
diag-syntax-no-such-date = `{ $date }` 不是存在的日期
diag-syntax-no-such-date-help = 日期按 YYYY-MM-DD 书写，月和日须真实存在
diag-syntax-duration-count = `{ $number }` 不是不超过 100000 的整数
diag-syntax-duration-count-help = 期间以整数的日、周、月或年计
diag-syntax-decimal = `{ $number }` 过大或过于精确，无法精确表示
diag-syntax-decimal-help = 数字和金额须在 28 位有效数字以内
diag-case-syntax = 案件文件不是有效的 { $format }：{ $message }
diag-case-syntax-json-help = 案件是一个 JSON 对象：{"{"}"purchase": {"{"}"price": "120.00"{"}"}{"}"}
diag-case-syntax-toml-help = 案件是一个 TOML 表：[purchase] price = "120.00"
diag-case-json-trailing = 案件结束之后还有多余的文本
diag-case-json-eof = 案件在应有取值之处结束
diag-case-json-word = 此处应为 true、false 或 null；文本须写在双引号中
diag-case-json-number = 此处应为数字
diag-case-json-unclosed = 文本没有以双引号闭合
diag-case-json-escape-end = 文本在转义序列中结束
diag-case-json-escape = 文本中有未知的转义序列
diag-case-json-control = 文本中的控制字符须转义
diag-case-json-hex = 此处应为 4 位十六进制数字
diag-case-json-value = 此处应为取值（带引号的文本、数字、true、false、null、对象或列表）
diag-case-json-depth = 案件中列表或对象的嵌套超过 { $limit } 层
diag-case-json-bad-escape = 无效的转义字符
diag-case-json-surrogate = \u 转义中有未配对的代理项
diag-case-json-list = 列表中此处应为 `,` 或 `]`
diag-case-json-key = 此处应为带双引号的键
diag-case-json-colon = 键之后应为 `:`
diag-case-json-object = 对象中此处应为 `,` 或 `{"}"}`
diag-case-shape-null = 空值 null
diag-case-shape-bool = 是非值 true/false
diag-case-shape-number = 数字
diag-case-shape-text = 文本
diag-case-shape-date = 日期
diag-case-shape-list = 列表
diag-case-shape-object = 对象
diag-case-shown-text = 文本 "{ $text }"
diag-case-shown-number = 数字 { $number }
diag-case-shown-bool = 是非值 { $value }
diag-case-not-a-case = 案件须为由事实组成的对象，但这是{ $shape }
diag-case-not-an-object-label = 不是对象
diag-case-not-a-case-help = 把事实写成对象：{"{"}"consumer": {"{"}"deceived": true{"}"}{"}"}
diag-case-duplicate-key = `{ $path }` 给出了两次
diag-case-duplicate-key-label = 再次给出
diag-case-duplicate-key-first = 首次在此给出
diag-case-duplicate-key-help = 每个事实只保留一个取值
diag-case-unknown-key = `{ $path }` 不是本规则集的事实
diag-case-unknown-key-label = 未知的键，已忽略
diag-case-unknown-key-help = 规则集没有声明这个事实；它被忽略
diag-case-unknown-keys-more =
    { $count ->
       *[other] 另有 { $more } 个未知的键（前 { $first } 个已逐一报告）
    }
diag-case-unknown-keys-more-label = 另外 { $more } 个未知键中的第一个，已忽略
diag-case-unknown-keys-more-help = 规则集没有声明这些事实；它们被忽略
diag-case-duplicate-keys-more =
    { $count ->
       *[other] 另有 { $more } 个键给出了两次（前 { $first } 个已逐一报告）
    }
diag-case-duplicate-keys-more-label = 另外 { $more } 个重复键中的第一个
diag-case-prefix-not-an-object = `{ $path }` 须为由事实组成的对象，但案件给出了{ $shape }
diag-case-prefix-not-an-object-help = `{ $path }` 之下的事实：{ $facts }
diag-case-count = `{ $path }` 用于计算期间，须为不小于 0 的整数，但案件给出了 { $number }
diag-case-count-label = 不是不小于 0 的整数
diag-case-count-help = 规则集从某个日期起按 { $unit } 计算 `{ $path }`（`+ { $path } { $unit }`）；请给出整数，如 3
diag-case-type = `{ $path }` 须为{ $want }，但案件给出了{ $given }
diag-case-type-label = 此处应为{ $want }
diag-case-type-list-label = 此处应为列表
diag-case-value = `{ $path }`：{ $message }
diag-case-currency = `{ $path }` 是以 { $want } 计的金额，但案件给出的是以 { $given } 计的金额：{ $value }
diag-case-currency-label = 以 { $given } 而非 { $want } 计的金额
diag-case-currency-help = redress 从不换算币种（它没有汇率）；{ $example }
diag-case-choice = `{ $path }` 不能是 `{ $given }`
diag-case-choice-label = 不是允许的取值之一
diag-case-values = 可选的取值为：{ $values }
diag-case-did-you-mean-values = { $suggestion }{ $values }
diag-case-set-item = `{ $path }` 须为由其取值组成的列表，但列表中有{ $given }
diag-case-set-item-label = 此处应为带双引号的取值之一
diag-case-set-choice = `{ $path }` 不能包含 `{ $given }`
diag-case-set-twice = `{ $path }` 两次列出了 `{ $given }`
diag-case-set-twice-label = 再次列出
diag-case-set-twice-first = 首次在此列出
diag-case-set-twice-help = 每个取值只列一次
diag-case-set-more =
    { $count ->
       *[other] `{ $path }` 另有 { $more } 项不是其取值或重复给出（前 { $first } 项已逐一报告）
    }
diag-case-set-more-label = 另外 { $more } 项中的第一项
diag-case-type-bool = 是非（true 或 false）
diag-case-type-money = 金额
diag-case-type-money-in = 以 { $currency } 计的金额
diag-case-type-one-of = { $values } 之一
diag-case-type-some-of = 由 { $values } 中的取值组成的列表
diag-case-type-duration = 期间
diag-case-example-bool = 填写 true 或 false
diag-case-example-number = 填写数字：3 或 "3"
diag-case-example-yuan = 填写以元计的金额："120.50"（或 120.5）
diag-case-example-money = 填写以 { $currency } 计的金额："120.50"（或 120.5，或 "120.50 { $code }"）
diag-case-example-date = 按 "YYYY-MM-DD" 填写日期，如 "2024-05-01"
diag-case-example-text = 在双引号中填写文本
diag-case-example-one-of = 在双引号中填写取值之一
diag-case-example-some-of = 把成立的取值写成列表：["a", "b"]（都不成立时写 []）
diag-case-example-set = 把成立的取值写成列表：[{ $values }]（都不成立时写 []）
diag-case-example-duration = 期间不能作为案件的取值
diag-case-currency-capitals = `{ $text }` 的写法不是金额：币种代码须大写，`{ $code }`
diag-case-currency-unknown = `{ $text }` 不是金额：`{ $code }` 不是现行的 ISO 4217 币种代码
diag-case-two-currencies = `{ $text }` 写了两个币种：{ $first } 和 { $second }
diag-case-too-precise = `{ $number }` 过大或过于精确（至多 28 位有效数字）
diag-case-not-a-number = `{ $number }` 不是数字
diag-case-not-money = `{ $text }` 不是金额
diag-case-no-such-date = `{ $date }` 不是存在的日期（按 YYYY-MM-DD 书写）
diag-test-syntax = 测试文件不是有效的 { $format }：{ $message }
diag-test-syntax-help = 测试包含一个由事实组成的 `[case]` 表和一个 `[expect]` 表
diag-test-keys-here = 此处的键为：{ $keys }
diag-test-unknown-key = `{ $key }` 不是{ $within }的键
diag-test-unknown-key-label = 未知的键
diag-test-within-test = 测试
diag-test-within-expect = {" "}`expect`{" "}表
diag-test-within-details = 救济途径详情
diag-test-not-text = `{ $key }` 须为文本，但它是{ $shape }
diag-test-not-text-label = 此处应为文本
diag-test-not-text-help = 写在双引号中
diag-test-not-an-object = 测试须为对象，但这是{ $shape }
diag-test-not-an-object-help = 写成 {"{"}"case": {"{"}…{"}"}, "expect": {"{"}…{"}"}{"}"}
diag-test-table-label = 此处应为表
diag-test-case-not-a-table = `case` 须为由事实组成的表，但它是{ $shape }
diag-test-case-not-a-table-help = 把事实写在 `[case]` 表之下
diag-test-expect-not-a-table = `expect` 须为表，但它是{ $shape }
diag-test-expect-not-a-table-help = 写出 `[expect]` 及 `applies = ["remedy_id"]`
diag-test-expects-nothing = 该测试没有任何预期
diag-test-no-expect-label = 本文件中没有 `expect` 表
diag-test-no-expect-help = 添加 `[expect]`，写出 `applies`、`not_applies` 或 `undetermined`
diag-test-no-such-date = `{ $key }`：`{ $date }` 不是存在的日期
diag-test-date-help = 按 YYYY-MM-DD 书写日期
diag-test-not-a-date = `{ $key }` 须为日期，但它是{ $shape }
diag-test-not-a-date-label = 此处应为日期
diag-test-not-a-list = `{ $key }` 须为由救济途径编号组成的列表，但它是{ $shape }
diag-test-not-a-list-help = 写成列表：["return_without_reason"]
diag-test-listed-twice = `{ $id }` 在 `expect` 中列出了两次（`{ $first }` 和 `{ $then }`）
diag-test-listed-twice-help = 每个救济途径只列一次：它适用、不适用或尚不确定
diag-test-details-not-applies = `{ $id }` 在 `expect.remedy` 中有详情，因此须适用，但它列在 `{ $list }` 中
diag-test-listed-here = 在此列出
diag-test-details-not-applies-help = 详情只对适用的救济途径检查
diag-test-empty-expect-label = `expect` 为空
diag-test-empty-expect-help = 添加 `applies`、`not_applies` 或 `undetermined`
diag-test-unknown-remedy = `{ $id }` 不是本规则集的救济途径
diag-test-unknown-remedy-label = 没有这个救济途径
diag-test-unknown-remedy-help = 救济途径以规则集目录中的编号指称
diag-test-details-not-a-table = `expect.remedy` 须为由救济途径组成的表
diag-test-details-not-a-table-help = 写出 `[expect.remedy.return_without_reason]` 及 `deadline = "2024-05-08"`
diag-test-detail-not-a-table = `expect.remedy.{ $id }` 须为表
diag-test-detail-not-a-table-help = 给出 `amount`、`deadline` 或 `params`
diag-test-amount-twice = `expect.remedy.{ $id }` 给出了两次金额
diag-test-amount-twice-label = 第二个金额
diag-test-amount-twice-help = 金额用 `amount`，上限（`amount up to …`）用 `up_to`，不能同时给出
diag-test-not-an-amount = `{ $key }` 须为金额，但它是{ $shape }
diag-test-not-an-amount-label = 此处应为金额
diag-test-not-an-amount-help = 填写金额："500.00"，或带币种："500.00 yuan"、"€500.00"
diag-test-params-not-a-table = `params` 须为由参数取值组成的表
diag-test-params-not-a-table-help = 写成 `params = {"{"} location = "Hangzhou" {"}"}`
diag-test-no-params = `{ $id }` 没有参数
diag-test-params-are = `{ $id }` 的参数为：{ $names }
diag-test-unknown-param = `{ $name }` 不是 `{ $id }` 的参数
diag-test-unknown-param-label = 没有这个参数
diag-test-not-a-value = `{ $name }` 须为取值，但它是{ $shape }
diag-test-not-a-value-label = 此处应为取值
diag-test-not-a-value-help = 填写文本、数字、日期或 true/false
diag-test-this-rulebook = 这个规则集
diag-test-rulebook-errors = 规则集 `{ $path }` 有错误
diag-test-run-check = 运行 `redress check { $path }`
diag-test-name-rulebook-help = 用 `rulebook = "../book.rules"` 指明规则集（相对于测试文件）
diag-test-mismatch = { $remedy } { $check }：应为 { $expected }，实际为 { $actual }
diag-test-mismatch-then = { $first }；{ $then }
diag-test-failed = 测试 `{ $name }` 未通过：{ $what }
diag-test-this-test = 这个测试
diag-test-failed-help = 运行 `redress test { $path }` 查看规则的推导过程
diag-test-coverage-under = 测试覆盖了 { $rules }% 的规则和 { $conditions }% 的条件，低于最低要求 { $min }%
diag-test-rule-uncovered = 没有测试使 `{ $rule }` 适用：{ $reason }
diag-test-rule-uncovered-help = { $under }；请添加一个使其适用的案件的测试
diag-test-rule-uncovered-label = 在测试中从未适用
diag-test-condition-uncovered = `{ $rule }` 的条件 `{ $condition }` 没有同时出现为真和为假的情形：{ $reason }
diag-test-condition-uncovered-help = { $under }；请添加一个使其取相反结果的测试
diag-test-condition-uncovered-label = 这条规则的一个条件
diag-cli-rulebook-not-read = 未能读取规则集
diag-cli-rulebook-absolute = 规则集 `{ $path }` 是绝对路径；测试须以相对于测试文件的路径指明规则集
diag-cli-rulebook-missing = 规则集 `{ $path }` 不存在
diag-cli-rulebook-outside = 规则集 `{ $path }` 位于所测试的文件夹和当前文件夹之外
diag-cli-rulebook-not-a-file = 规则集 `{ $path }` 不是普通文件
diag-cli-rulebook-several = 测试没有指明规则集，而 `{ $folder }` 中有多个：{ $names }
diag-cli-rulebook-none = 测试没有指明规则集，而 { $folders } 中没有 `.rules` 文件
diag-cli-rulebook-error-at = 规则集 `{ $path }` 在第 { $line } 行第 { $column } 列有错误
diag-cli-rulebook-error = 规则集 `{ $path }` 有错误
diag-cli-run-check-help = 运行 `redress check { $path }` 查看
diag-cli-rulebook-more-errors = `{ $path }`：另有 { $count } 个错误
diag-cli-not-utf8 = `{ $name }` 不是 UTF-8 文本（偏移 { $offset } 处有无效字节）
diag-cli-save-utf8 = 把文件保存为 UTF-8
diag-cli-send-case-utf8 = 以 UTF-8 发送案件
diag-cli-send-rulebook-utf8 = 以 UTF-8 发送规则集
diag-cli-too-large = `{ $name }` 超过 { $max } 字节，即其上限
diag-cli-too-large-help = 把它拆分，或为本次运行提高上限：`--limit { $limit }=N`
diag-cli-not-formatted = `{ $path }` 未按格式排版
diag-cli-not-formatted-label = 从此处起排版不同
diag-cli-not-formatted-help = 运行 `redress fmt { $path }`
diag-batch-empty-line = 这一行是空的；每行写一个案件（一个 JSON 对象）
diag-batch-not-utf8 = 这一行不是 UTF-8 文本（第 { $column } 列有无效字节）
diag-batch-too-long = 这一行超过 { $max } 字节，即案件的上限；请拆分，或用 `--limit case_bytes=N` 提高上限
diag-help = 帮助：
