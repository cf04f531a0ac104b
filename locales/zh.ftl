# redress 建议文本（`redress eval`、`redress facts`）的中文用语。
# 每条消息在 en.ftl 中都有同名、同变量的对应消息（tests/i18n.rs 检查）。
#
# 排版（一条规则，tests/zh_typography.rs 检查本文件和每个含中文的快照）：
# - 引号：规则集的标题、用户输入的取值（答案、日期、参数值、语言）和文档章节名，在正文中用「」；
#   用户在规则集、案件文件、命令行或接口中写的代码和名称（事实、规则、救济、参数、键、文件名、选项）
#   按原样放在反引号里，与诊断一致。不用 “” ‘’，也不用 ASCII 引号包住中文（ASCII 引号只出现在
#   代码式的字面值里，如差异报告中试过的文本取值 "example"）。条目以标题称呼时用「标题」（编号），
#   如差异报告的 diff-titled。
# - 标点：中文之间和中文旁边用全角标点（，。：；？！（）），不用 ASCII : , ; ? ! ( )，省略号用 ……；
#   反引号里的代码照原样。英文以句号结尾的消息，中文以「。」结尾，反之亦然。
# - 空格：中文与拉丁字母、数字、反引号代码或变量之间留一个空格（`规则 { $rule } 适用`）；
#   全角标点旁边从不留空格。变量的取值以全角标点开头或结尾时（「标题」、misuse（就规则 a 而言）），
#   它旁边的那个空格由 src/i18n.rs 的 join_chinese 在组句时去掉，所以这里照常写空格。

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
rule-under = { $rule }，就规则「{ $under }」而言
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
ask-text-help = 输入「{ $skip }」暂不回答，输入「{ $back }」撤销上一个回答
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
lsp-citation = 依据：{ $value }
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
serve-unknown-rulebook = 没有以 `{ $id }` 提供的规则集；现有规则集：{ $ids }。
serve-unknown-param = `{ $param }` 不是这个接口的参数；它的参数：{ $params }。
serve-query-encoding = `{ $param }` 不是百分号编码的 UTF-8。
serve-unknown-lang = redress 没有「{ $lang }」语言的文字；现有语言：{ $langs }。
serve-bad-date = `{ $param }`：「{ $value }」不是日期；请写成 YYYY-MM-DD，例如 2024-06-01。
serve-bad-output = `{ $param }`：「{ $value }」不是输出级别；请用其中之一：{ $levels }。
serve-unknown-remedy = `{ $remedy }` 不是这个规则集的救济；它的救济：{ $ids }。
serve-unknown-fact = `{ $fact }` 不是这个规则集的事实。
serve-facts-format = 「{ $value }」不是事实清单的格式；请写 json 或 jsonschema。
serve-id-field-fact = `{ $key }` 是规则集的事实；请选一个不是事实的键，例如 case_id。
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
playground-case-intro = 不知道答案的问题请留空：留空表示缺少该事实，而不是「否」。
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
set-aside-exception-titled = 例外「{ $exception }」不排除「{ $rule }」：它本身被{ $by }排除
set-aside-exception-remedy-titled = 「{ $rule }」（{ $remedy }）的例外「{ $exception }」：被{ $by }排除
overridden-remedy-titled = 「{ $rule }」（{ $remedy }）：被 { $by } 取代
overridden-titled = 「{ $rule }」：被 { $by } 取代

## diagnostics
# 诊断信息的用语（`redress check`、语言服务器、练习页）；源代码中 `text!` 的编号。

diag-list-or = {" "}或{" "}
diag-list-and = {" "}和{" "}
diag-did-you-mean = 是不是 `{ $name }`？

## diagnostics: check
# 检查阶段（src/check/）的诊断信息：消息、标注（`-label`）、帮助（`-help`）和修正标题。

diag-kind-fact = 事实
diag-kind-derived-fact = 派生事实
diag-kind-remedy = 救济途径
diag-kind-law = 法律
diag-kind-rule = 规则
diag-kind-exception = 例外
diag-type-yes-no = 是非值
diag-type-number = 数字
diag-type-money = 金额
diag-type-date = 日期
diag-type-text = 文本
diag-type-one-of = 单选
diag-type-some-of = 多选
diag-type-duration = 期间
diag-type-money-in = 以 { $currency } 计的金额
diag-type-one-of-values = 单选（{ $values }）
diag-type-one-of-values-more = 单选（{ $values }、…）
diag-type-some-of-values = 多选（{ $values }）
diag-type-some-of-values-more = 多选（{ $values }、…）
diag-type-a-yes-no = 是非值
diag-type-a-number = 数字
diag-type-a-date = 日期
diag-type-a-duration = 期间
diag-type-a-money-in = 以 { $currency } 计的金额
diag-type-a-one-of-values = 单选值（{ $values }）
diag-type-a-one-of-values-more = 单选值（{ $values }、…）
diag-type-a-some-of-values = 多选值（{ $values }）
diag-type-a-some-of-values-more = 多选值（{ $values }、…）
diag-check-write = 改为 `{ $name }`
diag-check-this-is = 此处为{ $found }
diag-check-this-is-money-in = 此处为以 { $currency } 计的金额
diag-check-first-given-here = 首次在此给出
diag-check-listed-again = 重复列出
diag-check-given-again = 重复给出
diag-check-first-declared-here = 首次在此声明
diag-check-values-are = 可选取值为：{ $list }
diag-check-and = { $a } 且 { $b }
diag-check-or = { $a }或{ $b }
diag-check-no-header = 规则集缺少 `rulebook` 头部
diag-check-no-header-label = 此处应为 `rulebook`
diag-check-no-header-help = 文件以 `rulebook` 开头，其后写 `title`、`jurisdiction`、`version` 和 `effective`
diag-check-second-header = 规则集有第二个 `rulebook` 头部
diag-check-second-header-label = 第二个头部
diag-check-first-header-label = 第一个头部在此
diag-check-second-header-help = 将两个头部合并为一个
diag-check-header-lacks = 规则集头部缺少 { $list }
diag-check-header-lacks-label = 此头部
diag-check-header-lacks-help = 头部写明规则集的标题、法域、版本和生效日期，例如 `effective 2024-07-01`
diag-check-effective-twice = 头部两次给出 `effective`
diag-check-effective-twice-label = 第二个日期
diag-check-effective-twice-help = 只保留一个日期
diag-check-language-twice = 语言 `{ $lang }` 列出了两次
diag-check-language-twice-help = 每种语言只列一次
diag-check-currency-twice = 头部两次给出 `currency`
diag-check-currency-twice-label = 第二个币种
diag-check-currency-twice-help = 一个规则集只有一个币种；以其他币种计的事实可声明为 `money EUR`
diag-check-calendar-twice = 头部两次给出 `calendar`
diag-check-calendar-twice-label = 第二个日历
diag-check-calendar-twice-help = 只保留一个日历
diag-check-calendar-meant = 是不是 `{ $name }`？可用的日历有：{ $list }。
diag-check-calendars-are = 可用的日历有：{ $list }
diag-check-no-calendar = 没有名为 `{ $name }` 的日历
diag-check-no-calendar-label = 不是已知的日历
diag-check-given-twice = `{ $what }` 给出了两次
diag-check-given-twice-in = `{ $lang }` 的 `{ $what }` 给出了两次
diag-check-keep-one = 只保留一个 `{ $what }`
diag-check-keep-one-in = `{ $lang }` 的 `{ $what }` 只保留一个
diag-check-second = 第二个 `{ $what }`
diag-check-language-not-listed = 语言 `{ $lang }` 未在头部列出
diag-check-language-not-listed-label = 不是规则集的语言
diag-check-language-not-listed-help = 头部列出的语言为：{ $list }；请将其加入 `languages`，或更正语言代码
diag-check-no-values-label = 此事实没有可加标签的取值
diag-check-no-values-help = 只有类型为 `one of …` 或 `some of …` 的事实才有可加标签的取值
diag-check-not-a-value = `{ $value }` 不是 `{ $fact }` 的取值
diag-check-not-a-value-label = 不是此事实的取值
diag-check-not-a-value-here = `{ $name }` 不是此处可用的取值
diag-check-as-of-twice = 头部两次给出 `as of`
diag-check-as-of-twice-label = 第二个 `as of`
diag-check-as-of-twice-help = 只保留一个 `as of` 事实
diag-check-as-of-not-date = `as of` 事实 `{ $name }` 的类型为{ $found }，不是日期
diag-check-as-of-not-date-help = 请指定一个类型为 `date` 的事实
diag-check-as-of-undeclared = `as of` 事实 `{ $name }` 未声明
diag-check-no-such-fact = 没有此事实
diag-check-mixed-scripts = `{ $name }` 混用了拉丁字母和形近字母 `{ $letter }`（U+{ $code }）
diag-check-mixed-scripts-label = 混用文字
diag-check-mixed-scripts-help = 请用同一种文字重新输入名称；形近字母会使两个名称看起来相同而实际不同
diag-check-declared-twice = `{ $name }` 声明了两次
diag-check-declared-twice-label = 第二个名为 `{ $name }` 的{ $what }
diag-check-declared-twice-help = 将其中一个改名，或删除重复的声明
diag-check-value-twice = 取值 `{ $value }` 列出了两次
diag-check-value-twice-help = 每个取值只列一次
diag-check-name-clash = `{ $value }` 既是 `{ $fact }` 的取值，又是{ $what }
diag-check-name-clash-label = `{ $fact }` 的取值
diag-check-name-clash-other = { $what } `{ $name }`
diag-check-name-clash-help = 在 { $after } 之后，`{ $value }` 指该取值；在其他地方指该{ $what }；请将其中一个改名，以免读者混淆
diag-check-currency-capitals = 按此写法，`{ $code }` 不是币种代码：ISO 4217 代码须为大写字母
diag-check-currency-capitals-help = 请用大写字母书写代码：`{ $code }`
diag-check-unknown-currency = `{ $code }` 不是现行的 ISO 4217 币种代码
diag-check-unknown-currency-label = 不是币种代码
diag-check-unknown-currency-help = 请写币种的 ISO 4217 代码，例如 `CNY`、`EUR` 或 `USD`
diag-check-in-force-twice = `in force` 给出了两次
diag-check-in-force-twice-label = 第二个期间
diag-check-in-force-twice-help = 只给出一个期间：`in force from … until …`
diag-check-period-reversed = 期间的起始日 { $from } 晚于其终止日 { $until }
diag-check-period-reversed-label = 此期间为空
diag-check-period-reversed-help = `from` 是生效的第一天，`until` 是最后一天；请将两者对调
diag-check-undefined-law = 法律 `{ $name }` 未声明
diag-check-undefined-law-label = 没有此法律
diag-check-undefined-law-help = 请声明：`law { $name }` 并写明其标题
diag-check-bare-duration = `{ $name }` 只是一个期间
diag-check-bare-duration-label = 单独的期间
diag-check-bare-duration-help = 请将期间加到日期上：`goods.received_date + 7 days`
diag-check-too-deep = 此表达式连同其使用的派生事实共有 { $depth } 层运算；上限为 { $limit } 层
diag-check-too-deep-label = 层数过深
diag-check-too-deep-help = 减少派生事实的层级，或将表达式展平
diag-check-derived-cycle = 派生事实依赖其自身：{ $names }
diag-check-derived-cycle-start = `{ $name }` 是循环的起点
diag-check-derived-cycle-part = `{ $name }` 处于循环之中
diag-check-derived-cycle-help = 派生事实必须由事实或其他派生事实定义，不能由其自身定义
diag-check-no-title = 救济途径 `{ $name }` 没有标题
diag-check-no-title-label = 缺少 `title`
diag-check-no-title-help = 请用规则集的每种语言给出标题：`title zh "…"`、`title en "…"`
diag-check-two-categories = 救济途径 `{ $name }` 有两个类别
diag-check-two-categories-label = 第二个类别
diag-check-two-categories-help = 只给出一个类别
diag-check-parameter-twice = 参数 `{ $name }` 声明了两次
diag-check-parameter-twice-label = 重复声明
diag-check-parameter-twice-help = 将其中一个改名或删除
diag-check-no-cite = { $what } `{ $name }` 未引用任何依据
diag-check-no-cite-label = 缺少 `cite`
diag-check-no-cite-help = 请写明其所依据的法律和条文：`cite crpl article 25`
diag-check-amount-type = 金额（`amount`）应为{ $want }，此处实际为{ $found }
diag-check-amount-type-help = 金额（`amount`）应是一笔钱，例如 `max(3 * purchase.price, { $amount })`
diag-check-deadline-type = 期限（`deadline`）应为{ $want }，此处实际为{ $found }
diag-check-deadline-type-help = 期限应是一个日期，例如 `goods.received_date + 7 days`
diag-check-undefined-rule = `{ $name }` 是 `{ $target }` 的例外，但 `{ $target }` 不是规则
diag-check-undefined-rule-label = 没有此规则
diag-check-undefined-rule-help = 例外必须指明其所例外的规则
diag-check-shared-undefined-rule-help = `to` 之后的每个名称都必须是规则或例外
diag-check-no-as-of = `{ $name }` 只在某一期间内有效，但规则集没有 `as of` 日期
diag-check-no-as-of-label = 此期间
diag-check-no-as-of-help = 请声明一个日期事实，并在头部指明：`as of dispute.date`
diag-check-condition-type = 条件应为是非值，此处实际为{ $found }
diag-check-condition-type-help = 请将其与某个值比较：`purchase.price > { $amount }`、`goods.category is food`
diag-check-condition-set-help = 请用 `includes` 检验其取值：`problem.kinds includes fraud`
diag-check-exception-loop = 例外构成循环：{ $names }
diag-check-exception-loop-label = 此例外最终成了其自身的例外
diag-check-exception-loop-help = 例外最终必须回到一条一般规则
diag-check-exceptions-too-deep = 例外的例外嵌套超过 { $limit } 层
diag-check-exceptions-too-deep-label = 此例外距其一般规则过远
diag-check-exceptions-too-deep-help = 法律条文很少需要超过几层；请调整规则的结构
diag-check-unused-fact = 事实 `{ $name }` 从未被使用
diag-check-unused-fact-label = 在此声明，没有规则使用
diag-check-unused-help = 请在条件中使用它，或将其删除
diag-check-unused-derived = 派生事实 `{ $name }` 从未被使用
diag-check-unused-derived-label = 在此定义，没有规则使用
diag-check-unused-remedy = 没有规则得出救济途径 `{ $name }`
diag-check-unused-remedy-label = 在救济目录中，但从未被得出
diag-check-unused-remedy-help = 请写一条以此救济途径为结论的规则，或将其删除
diag-check-rule-named-twice = 例外 `{ $name }` 两次指明规则 `{ $target }`
diag-check-rule-named-twice-label = 再次指明
diag-check-rule-named-first-label = 首次在此指明
diag-check-rule-named-twice-help = 从列表中删除第二个 `{ $target }`
diag-check-expansion-limit = 针对多条规则的例外及其例外，合计排除的规则超过 { $limit } 条
diag-check-expansion-limit-label = 针对多条规则的一个例外
diag-check-expansion-limit-help = 让每个例外针对更少的规则，或分别写成几个例外
diag-check-nested-too-deep = 表达式及其使用的派生事实嵌套超过 { $limit } 层
diag-check-nested-too-deep-label = 此处嵌套过深
diag-check-negative = 只有数字和金额可以为负，此处实际为{ $found }
diag-check-negative-help = 请删除负号
diag-check-extremum = `{ $word }` 的参数应为数字、金额或日期，此处实际为{ $found }
diag-check-extremum-help = `{ $word }(3 * purchase.price, { $amount })` 比较的是金额
diag-check-cannot-mix = { $word } 不能混用
diag-check-duration-count = 期间的数量应为数字，此处实际为{ $found }
diag-check-duration-count-help = { $unit }请用数字表示：`purchase.date + warranty.months months`、`(repair.days + 1) working days`
diag-check-no-calendar-named = 工作日要按日历计算，但头部没有指明日历
diag-check-no-calendar-named-label = 计算工作日
diag-check-no-calendar-named-help = 在 `rulebook` 头部加上 `calendar cn-mainland`（或 `calendar weekdays`，即周一至周五）
diag-check-calendar-years = { $from } 至 { $until } 年
diag-check-outside-calendar = 日历 { $calendar } 涵盖 { $years }；{ $what } 不在其中
diag-check-outside-calendar-label = 超出日历涵盖的年份
diag-check-outside-calendar-help = 只有日历涵盖的年份（{ $years }）才知道哪些是工作日；请使用其中的日期
diag-check-keyword = { $word }{" "}
diag-check-if-condition = `if` 的条件
diag-check-if-branches-mix = `if` 的两个分支不能混用
diag-check-if-durations = `if` 的分支是期间，而期间只能写在日期和 `+` 或 `-` 之后
diag-check-if-durations-label = 期间
diag-check-if-durations-help = 请在日期之间选择：`if goods.fresh then purchase.date + 7 days else purchase.date + 15 days`
diag-check-days-from = `days from … to …` 计算的是日期之间的天数，此处实际为{ $found }
diag-check-days-from-help = 请写 `days from purchase.date to dispute.date`
diag-check-boolean = { $word }需要是非值，此处实际为{ $found }
diag-check-boolean-label = 此处为{ $found }，不是是非值
diag-check-boolean-text-help = 请将文本与某个值比较：`operator.location = "Hangzhou"`
diag-check-boolean-one-of-help = 请检验其取值：`goods.category is food`
diag-check-boolean-some-of-help = 请检验其取值：`problem.kinds includes fraud`
diag-check-boolean-amount-help = 请进行比较：`purchase.price > { $amount }`
diag-check-boolean-date-help = 请进行比较：`purchase.date >= 2021-05-01`
diag-check-boolean-help = 请使用是非事实或比较
diag-check-undefined-fact = `{ $name }` 不是已声明的事实或派生事实
diag-check-undefined-fact-label = 未声明
diag-check-undefined-fact-help = 请声明：`fact { $name }: …` 或 `define { $name } as …`
diag-check-reads-as-number = 不是日期：此处读作数字
diag-check-currencies-mix = { $what }以 { $x } 计的金额和以 { $y } 计的金额
diag-check-currencies-mix-help = redress 从不换算币种（它没有汇率）：请按法律的规定，将两笔金额写成同一币种
diag-check-mismatch = { $what }{ $a }和{ $b }
diag-check-mismatch-money-help = 请写出金额的币种：`{ $amount }`；数字乘以金额仍是金额
diag-check-mismatch-date-help = 请将期间加到日期上（`purchase.date + 7 days`），或计算天数（`days from a to b`）
diag-check-mismatch-one-of-help = 两个单选事实只有在列出相同取值时才能比较
diag-check-mismatch-help = 两边必须是同一类型
diag-check-set-test = `{ $written }` 不能检验 `{ $subject }`，因为后者可以有任意多个取值
diag-check-set-help = 请使用 `includes`：`{ $subject } includes { $example }`，或使用 `includes any of`、`includes all of` 或 `includes none of` 加上取值列表
diag-check-duration-compared = 期间不能比较
diag-check-duration-compared-label = 比较了期间
diag-check-duration-compared-help = 请比较日期：`dispute.date <= goods.received_date + 7 days`
diag-check-cannot-compare = 不能比较
diag-check-cannot-order = 不能比较大小：
diag-check-cannot-add = 不能相加：
diag-check-cannot-subtract = 不能相减：
diag-check-cannot-multiply = 不能相乘：
diag-check-cannot-divide = 不能相除：
diag-check-no-order = `{ $op }` 需要数字、金额或日期，此处实际为{ $found }
diag-check-no-order-label = { $found }没有大小顺序
diag-check-no-order-help = 请用 `is` 或 `is not` 检验取值
diag-check-unquoted = `{ $word }` 须加引号：该事实为文本
diag-check-unquoted-label = 未加引号的词
diag-check-unquoted-help = 请写 "{ $word }"
diag-check-one-of-values = `is one of` 需要与该事实同类型的值：{ $found }
diag-check-not-such-value = 不是该类型的值
diag-check-one-of-values-help = 请列出该事实可取的值
diag-check-includes = `includes` 检验的是多选事实，此处实际为{ $found }
diag-check-includes-one-of-help = 单选事实只有一个取值：请用 `is` 或 `is one of` 检验
diag-check-includes-help = `includes` 检验以 `some of …` 声明的事实，例如 `fact problem.kinds: some of quality_defect, fraud`
diag-check-includes-values = `includes` 需要该事实的取值：{ $found }
diag-check-includes-values-help = 请写该事实列出的取值，不加引号
diag-check-date-minus-date = 日期不能相减
diag-check-date-minus-date-label = 日期减日期
diag-check-date-minus-date-help = 请计算两者之间的天数：`days from purchase.date to dispute.date`
diag-check-unknown-slot = 措辞中的 `{ $slot }` 不是该救济途径的参数
diag-check-unknown-slot-label = 此处的 `{ $slot }`
diag-check-unknown-slot-help = 请声明：`param { $name }: text`
diag-check-slot-missing = 措辞没有提到参数 `{ $name }`
diag-check-slot-repeated = 措辞多次提到参数 `{ $name }`
diag-check-slot-label = 此措辞
diag-check-slot-help = 请在填值的位置写一次 `{ $slot }`
diag-check-empty-phrase = 措辞为空
diag-check-empty-phrase-label = 空的措辞
diag-check-empty-phrase-help = 请用英文单词写出救济途径：`forward to association at {"{"}location{"}"}`
diag-check-undefined-remedy = 救济途径 `{ $name }` 不在救济目录中
diag-check-undefined-remedy-label = 没有此救济途径
diag-check-undefined-remedy-help = 请在救济目录中用 `remedy` 声明
diag-check-parameter-count = `{ $name }` 有 { $want } 个参数，但给出了 { $given } 个
diag-check-parameter-count-label = 给出了 { $given } 个
diag-check-parameter-count-none-help = 请写 `{ $phrase }`，不带参数
diag-check-parameter-count-help = 请为以下每个参数给出一个值：{ $list }
diag-check-parameter-currency = 参数 `{ $name }` 是以 { $x } 计的金额，此处实际为以 { $y } 计的金额
diag-check-parameter-currency-help = redress 从不换算币种（它没有汇率）：请给出以 { $x } 计的金额，或将参数声明为 `money { $y }`
diag-check-parameter-type = 参数 `{ $name }` 的类型为{ $want }，此处实际为{ $found }
diag-check-parameter-type-help = 请给出类型为{ $want }的值
diag-check-parameters-none-given = `{ $name }` 有 { $want } 个参数，但没有给出任何参数
diag-check-parameters-none-given-label = 没有参数
diag-check-parameters-none-given-help = 请写出救济途径的措辞及其取值，或写 `id(value, …)`
diag-check-parameter-empty = 救济途径 `{ $name }` 的每个参数都需要一个值
diag-check-parameter-empty-label = 有参数未填值
diag-check-phrase-is = 措辞为 `{ $phrase }`
diag-check-no-phrase = 救济目录中没有措辞为 `{ $phrase }` 的救济途径
diag-check-no-phrase-label = 没有与此措辞相符的救济途径
diag-check-no-phrase-help = 请用救济目录中救济途径的编号或其 `phrase` 指明
diag-check-argument-no-fact = `{ $words }` 没有指明任何事实或派生事实
diag-check-read-as = 读作 `{ $name }`
diag-check-argument-help = 这些词必须指明一个事实（`operator location` 即 `operator.location`），或者是加引号的文本
diag-check-proof = { $tests } 不能同时成立
diag-check-proof-chain = { $tests } 不能同时成立：它们合起来要求 { $chain }，而任何日期都不可能早于其自身 { $days } 天
diag-check-proof-chain-one-day = { $tests } 不能同时成立：它们合起来要求 { $chain }，而任何日期都不可能早于其自身 1 天
diag-check-never-applies = { $what } `{ $name }` 永远不会适用：{ $proof }
diag-check-never-applies-label = 此条件永远不成立
diag-check-never-applies-help = 请检查界限和取值；按现在的写法，没有任何案件能满足它
diag-check-never-together = 例外 `{ $name }` 在 `{ $target }` 适用时永远不会适用：{ $proof }
diag-check-never-together-label = 与 `{ $target }` 不可能同时成立
diag-check-never-together-help = 例外应当缩小其规则的范围；请检查两者所说的是否为同一类案件

## diagnostics: evaluation and calendar
# 评估案件时计算失败（结果中的 `errors`）以及日历的用语。

diag-calendar-shift = { $date } { $sign } { $count } 个工作日
diag-calendar-outside-years = { $calendar } 日历只包含 { $first } 年至 { $last } 年；{ $what } 不在其中
diag-calendar-outside-dates = { $what } 超出了支持的日期范围
diag-check-outside-dates-label = 超出支持的日期范围
diag-check-outside-dates-help = 按此个数移动后的日期超出了支持的范围（至 9999 年，工作日最多 10,000,000 个）；请用较小的个数
diag-unit-days = 天数
diag-unit-weeks = 周数
diag-unit-months = 月数
diag-unit-years = 年数
diag-unit-working-days = 工作日数
diag-eval-division-by-zero = 除数为零：{ $x } / { $y }
diag-eval-overflow = 计算溢出：{ $x } { $op } { $y } 的结果过大
diag-eval-date-overflow = 计算溢出：{ $date } { $sign } { $duration } 超出了支持的日期范围
diag-eval-count-not-whole = { $unit }必须是不小于 0 的整数，实际为 { $n }
diag-eval-duration-overflow = 计算溢出：期间 { $duration } 超出了支持的日期范围
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
diag-syntax-bad-date-help-meant = 日期按「年-月-日」书写，月和日各写两位数字：`{ $date }`
diag-syntax-bad-date-help = 日期按「年-月-日」书写，月和日各写两位数字：`2024-07-01`
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
diag-case-syntax-json-help = 案件是一个 JSON 对象：`{"{"}"purchase": {"{"}"price": "120.00"{"}"}{"}"}`
diag-case-syntax-toml-help = 案件是一个 TOML 表：`[purchase] price = "120.00"`
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
diag-case-example-yuan = 填写以元计的金额：`"120.50"`（或 `120.5`）
diag-case-example-money = 填写以 { $currency } 计的金额：`"120.50"`（或 `120.5`，或 `"120.50 { $code }"`）
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
diag-test-not-an-amount-help = 填写金额：`"500.00"`，或带币种：`"500.00 yuan"`、`"€500.00"`
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

## test, fmt, check, facts
# 命令本身输出的行（src/testing/render.rs、src/testing/coverage.rs、src/cli/{test,fmt,check}.rs、src/report/facts.rs）。
test-summary = 通过 { $passed } 个，失败 { $failed } 个
test-passed = 通过 { $name }（{ $path }）
test-failed = 失败 { $name }（{ $path }）
test-invalid = 失败 { $path }：测试无效
test-invalid-named = 失败 { $name }（{ $path }）：测试无效
test-mismatch = { $remedy }：
test-mismatch-detail = { $remedy }，{ $check }：
test-expected = - 应为：{ $value }
test-actual = + 实际为：{ $value }
test-word-applies = 适用
test-word-applies-with-details = 适用（`expect.remedy` 中写有其细节）
test-word-not-applies = 不适用
test-word-undetermined = 尚不确定
test-word-undetermined-needs = 尚不确定（需要 { $needs }）
test-word-unknown = 未知
test-word-up-to = 最高 { $amount }
test-word-alternatives = { $first } | { $then }
test-word-one-with-all-details = 有一次适用具备所写的全部细节
test-word-none-with-all-details = 适用 { $count } 次，没有一次具备全部细节
test-truth-yes = 是
test-truth-no = 否
test-truth-unknown = 未知
test-trace = { $rule } { $verdict }
test-trace-rule = 规则 { $rule }
test-trace-exception = { $to } 的例外 { $rule }
test-trace-applies = 适用：其条件成立
test-trace-applies-ruled-out = 适用：其条件成立；已排除的例外：{ $exceptions }
test-trace-not-applies = 不适用：其条件不成立
test-trace-set-aside = 不适用：其条件成立，但例外 { $exceptions } 适用
test-trace-undetermined = 尚不确定：其条件未知
test-trace-exception-unknown = 尚不确定：其条件成立，但例外 { $exceptions } 是否适用未知
test-facts-read = 读取的事实：{ $facts }
test-under-minimum = 低于最低要求 { $min }%：规则 { $rules }%，条件 { $conditions }%
cov-heading = { $rulebook } 的覆盖率（{ $count } 个测试）
cov-rules-applied = 适用过的规则和例外：
cov-condition-outcomes = 条件的结果（真、假）：
cov-ratio = { $covered }/{ $total }（{ $percent }%）
cov-counted-per-rule = 按其排除的每条规则各计一次：{ $each }
cov-counted-rules = { $name }（{ $count } 条规则）
cov-rules-never-fired = 从未适用的规则：
cov-exceptions-never-taken = 从未适用的例外：
cov-conditions-one-way = 未见过既为真又为假的条件：
cov-rule-reason = { $rule }：{ $reason }
cov-exception-reason = { $rule }（属于 { $to }）：{ $reason }
cov-condition = { $rule }：`{ $condition }`
cov-condition-via = { $rule }：`{ $condition }`（在 { $via } 中）
cov-no-test-ran = 没有运行任何测试
cov-set-aside-by = `{ $rule }`（{ $count } 次）
cov-held-set-aside = 其条件在 { $count } 个测试中成立，但被例外 { $by } 排除
cov-held-set-aside-undetermined = 其条件在 { $count } 个测试中成立，但被例外 { $by } 排除，且在 { $unknown } 个测试中例外尚不确定
cov-held-exception-undetermined = 其条件在 { $count } 个测试中成立，但每次都有例外尚不确定
cov-never-true = 其条件从未成立
cov-false-in = 在 { $count } 个测试中为假
cov-unknown-in = 在 { $count } 个测试中未知
cov-with-counts = { $reason }（{ $counts }）
cov-never-true-atoms = { $reason }；从未为真：{ $atoms }
cov-and-then = { $first }；{ $then }
cov-unknown-missing = { $reason }（在 { $count } 个测试中未知：缺少 { $missing }）
cov-no-test-has = 没有测试的案件满足 `{ $condition }`
cov-no-test-has-one-of = 没有测试的案件中 `{ $fact }` 是 { $values } 之一
cov-no-test-makes-true = 没有测试使 `{ $condition }` 为真
cov-no-test-makes-false = 没有测试使 `{ $condition }` 为假
check-ok = { $path }：没有问题
check-counts = { $path }：{ $errors } 个错误，{ $warnings } 个警告
fmt-not-formatted = { $path }：未格式化
fmt-formatted = 已格式化 { $path }
fmt-diff-formatted = { $path }（格式化后）
fmt-more-lines = … 另有 { $count } 行改动
test-rule-under = 规则 { $under } 中的 { $rule }

## diff
diff-title = redress diff { $old } → { $new }
diff-title-markdown = redress diff：{ $old } → { $new }
diff-titled = 「{ $title }」（{ $id }）
diff-item = { $kind } { $name }
diff-kind-rulebook = 规则集
diff-kind-law = 法律
diff-kind-fact = 事实
diff-kind-define = 派生事实
diff-kind-remedy = 救济途径
diff-kind-rule = 规则
diff-kind-exception = 例外
diff-added = 新增
diff-removed = 删除
diff-changed = 修改
diff-aspect-titles = 标题
diff-aspect-period = 施行期间
diff-aspect-type = 类型
diff-aspect-questions = 问题
diff-aspect-labels = 标签
diff-aspect-value-labels = 取值标签
diff-aspect-definition = 定义
diff-aspect-category = 类别
diff-aspect-parameters = 参数
diff-aspect-amount = 金额
diff-aspect-deadline = 期限
diff-aspect-citations = 引用
diff-aspect-exception-to = 例外于
diff-aspect-condition = 条件
diff-aspect-remedy = 救济途径
diff-aspect-jurisdiction = 法域
diff-aspect-version = 版本
diff-aspect-effective = 生效日期
diff-aspect-languages = 语言
diff-aspect-currency = 货币
diff-aspect-as-of = 基准日期
diff-aspect-change = { $what }：{ $old } → { $new }
diff-unknown = 未知
diff-up-to = 至多 { $amount }
diff-not-given = 不给予
diff-undetermined = 未定
diff-given = 给予
diff-given-with = 给予（{ $details }）
diff-still-given = 给予；{ $changes }
diff-param = { $param } = { $value }
diff-amount = 金额 { $amount }
diff-deadline = 期限 { $deadline }
diff-parameters = 参数 { $change }
diff-from-to = { $old } → { $new }
diff-comma = ，
diff-semicolon = ；
diff-colon = { $what }：
diff-remedy-change = { $remedy }：{ $change }
diff-old-rejects = 旧版本不接受该案件：{ $error }
diff-new-rejects = 新版本不接受该案件：{ $error }
diff-invalid-case = 案件无效
diff-cannot-be = `{ $name }` 在此不能取 { $value }：其类型为 { $ty }
diff-verdict-corpus = 案件库中有 { $count } 个案件的结果改变
diff-verdict-search = 搜索发现了 { $count } 种案件库未体现的变化
diff-verdict-see-above = 见上方案件
diff-verdict-changed = 行为已改变：{ $findings }。
diff-verdict-nothing-changed = 行为未改变：没有条件、救济途径、金额或期限发生变化。
diff-verdict-exhaustive = 行为未改变：对已改变的条件，搜索是穷尽的（从空案件出发，试遍其边界值与未知的每一种组合）。
diff-verdict-undecided = 未能判定：搜索没有发现行为变化，但搜索并不穷尽（{ $why }），未试过的案件可能表现不同。
diff-verdict-undecided-see-below = 未能判定：搜索没有发现行为变化，但搜索并不穷尽（见下文），未试过的案件可能表现不同。
diff-verdict-unreached-one = 未能判定：搜索没有发现行为变化，但无法针对条件 { $conditions } 生成案件，条件另一侧的案件可能表现不同。
diff-verdict-unreached = 未能判定：搜索没有发现行为变化，但无法针对条件 { $conditions } 生成案件，条件另一侧的案件可能表现不同。
diff-more = {" "}等另外 { $count } 个
diff-from-case = 来自 { $case }
diff-from-empty = 来自空案件
diff-similar = 另有 { $count } 个同类案件
diff-in-corpus-too = 案件库中也有此变化
diff-corpus-summary = { $count } 个案件在两个版本下重放；{ $changed } 个改变
diff-corpus-sentence = { $count } 个案件在两个版本下重放；{ $changed } 个改变。
diff-corpus-line = 案件库：{ $summary }
diff-rejected-by-both = 两个版本都不接受 { $case }：{ $error }
diff-found-none = 没有生成的案件结果不同
diff-found-none-sentence = 没有生成的案件结果不同。
diff-found = 发现 { $count } 种变化
diff-found-sentence = 发现 { $count } 种变化。
diff-search-heading = 案件库之外的搜索：
diff-search-title = 案件库之外的搜索
diff-searched-changed = 已改变：{ $items }
diff-searched-remedies = 受影响的救济途径：{ $remedies }
diff-searched-condition-old = 旧条件：{ $condition }（在 { $rule } 中）
diff-searched-condition-new = 新条件：{ $condition }（在 { $rule } 中）
diff-searched-fact = 变动 { $fact }：{ $values }、未知，以及起点案件的取值
diff-searched-context = 变动（相关）{ $fact }：{ $values }、未知，以及起点案件的取值
diff-searched-boundary = `{ $relation }` 的边界：前一天（或一步）、当天与后一天
diff-seeds-empty = 空案件
diff-seeds-corpus = 空案件与 { $count } 个案件库案件
diff-how-truncated = 从每个起点逐一变动事实，再试各种组合，直至案件上限
diff-how-combinations = 从每个起点逐一变动事实，并试遍上述取值的每一种组合
diff-how-one-at-a-time = 从每个起点逐一变动事实
diff-cases-count = { $count } 个不同案件
diff-seeds-count = { $count } 个
diff-searched-tried = 在两个版本下评估了 { $cases }，起点 { $seeds }（{ $which }）；{ $how }
diff-searched-exhaustive = 对已改变的条件是穷尽的：这些取值覆盖了受影响救济途径的条件所能区分的每一类案件
diff-not-exhaustive-line = 不穷尽：
diff-not-exhaustive-heading = 不穷尽：
diff-structure-none = 结构：无变化
diff-structure-none-sentence = 没有条目改变。
diff-structure-count = 结构：{ $count } 个条目改变
diff-structure-item = { $verb } { $item }：{ $summary }
diff-structure-heading = 结构
diff-column-item = 条目
diff-column-what = 改变内容
diff-column-case = 案件
diff-column-change = 变化
diff-corpus-heading = 案件库
diff-what-was-searched = 搜索了什么
diff-too-many-combinations = 搜索的取值组合过多，超过完整试遍的上限 { $limit }；事实只逐一变动
diff-combinations = 搜索的取值有 { $count } 种组合，超过完整试遍的上限 { $limit }；事实只逐一变动
diff-silent-change = 在部分生成的案件上，两个版本依据不同的规则给予救济途径，尽管结果一致
diff-stopped = 搜索在 { $count } 个案件后停止
diff-never-made = 没有试过的案件使 `{ $condition }`（{ $version ->
    [old] 旧版本
   *[new] 新版本
}）为{ $missing ->
    [true] 真
    [false] 假
   *[either] 真或假
}
diff-unsettled = `{ $fact }` 被 `{ $condition }` 读取，边界值不能穷尽其情形
diff-value-computed = `{ $rule }` 的金额、期限或参数已改变，且由事实计算得出
diff-aspect-old = { $what }：{ $old }
diff-found-item = { $number }.（{ $origin }）
diff-found-changes = { $changes }（{ $origin }）

## advice: set aside by
quoted-title = 「{ $title }」

## cli
# 命令行自己的话：标准错误上的用法错误与文件错误（src/cli/words.rs），帮助与 clap 的错误（src/cli/help.rs）

cli-error = 错误：{ $message }
cli-note = 注意：{ $message }
cli-cannot-read = 无法读取 `{ $path }`：{ $error }
cli-cannot-read-stdin = 无法读取标准输入：{ $error }
cli-is-folder = 无法读取 `{ $path }`：这是文件夹，不是文件
cli-no-such-path = 无法读取 `{ $path }`：没有这个文件或文件夹
cli-cannot-write = 无法写入 `{ $path }`：{ $error }
cli-cannot-write-stdout = 无法写入标准输出：{ $error }
cli-rulebook-has-errors = { $path }：规则集有错误；请运行 `redress check { $path }`
cli-no-language = redress 没有 `{ $lang }` 语言的文字；可用的语言：{ $languages }
cli-no-thread = 无法启动 redress 的工作线程：{ $error }
cli-crashed = redress 意外停止；请连同引起问题的输入一起报告
cli-limit-form = 请写成 NAME=N，例如 depth=512
cli-limit-not-number = `{ $value }` 不是整数
cli-limit-unknown = `{ $name }` 不是上限的名称（{ $limits }）
cli-limit-stack = { $name } 最多只能提高到 { $most }：更深的输入会使栈溢出
cli-skipped = 已跳过 `{ $path }`：{ $why }
cli-skipped-not-regular = 不是普通文件
cli-skipped-too-deep = 文件夹嵌套超过了查找的深度
cli-not-a-remedy = `{ $id }` 不是本规则集的救济途径；本规则集的救济途径：{ $remedies }
cli-not-a-remedy-near = `{ $id }` 不是本规则集的救济途径（是否想写 `{ $near }`？）；本规则集的救济途径：{ $remedies }
cli-ask-no-such-fact = `--skip { $name }`：规则集中没有这个名称的事实
cli-standard-input = 标准输入
cli-batch-read-stopped = 读取{ $what }时在第 { $number } 行中断：{ $error }；之前的每一行都已计算并写出
cli-batch-no-threads = 无法启动计算用的 { $jobs } 个线程：{ $error }
cli-batch-interrupted = 已中断：输出止于最后一个完整的行
cli-batch-summary = { $cases } 个案件，{ $errors } 个错误，{ $seconds } 秒（每秒 { $rate } 个案件）
cli-eval-id-field-alone = --id-field 须与 --jsonl 一起使用：它指明每行中作为案件编号的键
cli-eval-output-alone = --output 须与 --jsonl 或 --format json 一起使用：建议文本总是显示完整的结果
cli-eval-jobs = `--jobs { $asked }` 超过了本机的 { $cores } 个处理器核心；改用 { $cores } 个
cli-eval-id-field-fact = `--id-field { $name }` 是规则集中的事实名称；请选一个不是事实的键，例如 --id-field case_id
cli-diff-two = 请给出两个规则集 OLD 和 NEW，或者 `--git REV [PATH]`
cli-diff-git-one-path = 使用 --git 时最多给出一个 PATH
cli-diff-not-cases = `{ $path }` 不是存放案件的文件夹
cli-diff-no-change = 没有规则集发生变化
cli-diff-has-errors = { $path }：规则集有错误；请先修正再比较
cli-diff-rev-dash = `{ $rev }` 不是 git 版本：版本不能以 `-` 开头
cli-diff-not-rev = `{ $rev }` 不是 git 版本（提交、分支或标签）
cli-diff-no-git = 无法运行 git：{ $error }
cli-diff-removed = { $path }：自 { $rev } 以来已删除；它给出的救济途径全部消失（这是变化；没有可比较的对象）
cli-diff-link-outside = `{ $path }` 是指向仓库之外文件的符号链接；未读取，因此无法比较
cli-diff-not-in-repo = `{ $path }` 不在 `{ $top }` 的 git 仓库中
cli-diff-added = { $path }：不在 { $rev } 中；是新的规则集（这是变化；没有可比较的对象）
cli-diff-not-utf8 = { $rev } 中的 { $path } 不是 UTF-8 文本
cli-fmt-has-errors = { $path }：未格式化：请先修正上面的错误
cli-fmt-changed = `{ $path }` 在格式化期间被修改；已保持原样
cli-fmt-cannot-write = 无法写入 `{ $path }`：{ $error }；文件未改动
cli-serve-stack = 服务器的线程最多容纳 { $name } 为 { $most }；`--limit { $name }={ $value }` 超过了这个值
cli-serve-same-id = `{ $first }` 和 `{ $second }` 都会以 `{ $id }` 提供服务：规则集的编号是它的文件名主干；请重命名其中一个
cli-serve-cannot = 无法在 { $addr } 上提供服务：{ $error }
cli-test-none = { $roots } 下没有测试（*.test.toml、*.test.json）
cli-test-none-matching = { $roots } 下没有与 `{ $filter }` 匹配的测试（*.test.toml、*.test.json）
# clap 自己的话（帮助为中文时使用）
cli-usage-heading = 用法：
cli-commands-heading = 命令：
cli-arguments-heading = 参数：
cli-options-heading = 选项：
cli-builtin-help = 显示帮助
cli-builtin-help-more = 显示帮助（用 `--help` 查看更多）
cli-builtin-help-summary = 显示帮助（用 `-h` 查看摘要）
cli-builtin-version = 显示版本
cli-builtin-help-command = 显示本帮助，或所给子命令的帮助
cli-default = [默认：{ $value }]
cli-possible-values = [可选值：{ $values }]
cli-possible-values-heading = 可选值：
cli-value-separator = ：
cli-more-with-help = 更多信息请运行 `--help`。
cli-clap-value-missing = `{ $arg }` 需要一个取值，但没有给出
cli-clap-invalid-value = `{ $arg }` 的取值 `{ $value }` 无效（可选值：{ $values }）
cli-clap-unknown-argument = 意外的参数 `{ $arg }`
cli-clap-unknown-command = 没有子命令 `{ $command }`
cli-clap-no-equals = 为 `{ $arg }` 赋值时需要等号
cli-clap-value-validation = `{ $arg }` 的取值 `{ $value }` 无效：{ $why }
cli-clap-too-many-values = `{ $arg }` 多出了取值 `{ $value }`；不需要更多取值
cli-clap-wrong-number = `{ $arg }` 需要 { $expected } 个取值，实际给出 { $actual } 个
cli-clap-once = 参数 `{ $arg }` 只能使用一次
cli-clap-conflict = 参数 `{ $arg }` 不能与 `{ $other }` 一起使用
cli-clap-missing = 缺少必需的参数：{ $args }
cli-clap-missing-command = 需要一个子命令，但没有给出
cli-clap-not-utf8 = 参数中有无效的 UTF-8

# 帮助（src/cli/help.rs）
help-redress-about = 法律救济规则的规则引擎：检查、编译并计算规则集
help-redress-arg-limits = 提高（或降低）一项上限：nesting、operators、check_depth、depth、exception_depth、case_depth、case_bytes（一个案件文件或 `--jsonl` 的一行；默认 2 MiB）或 file_bytes（读取的其他文件；默认 64 MiB）。见 docs/language.md 的「Limits」。可重复
help-ask-about = 一次问一个问题，只问答案仍能改变结果的问题
help-ask-after-help = 示例：
    {"  "}redress ask rulebooks/cn-online-shopping/cn-online-shopping.rules
    {"  "}redress ask book.rules partial.json --save case.toml
    {"  "}redress ask book.rules --answers answers.json --format json
    {"  "}redress ask book.rules partial.json --format json   # 下一个问题，供前端使用
help-ask-arg-rulebook = 规则集（`.rules`）
help-ask-arg-case = 起始的案件（JSON，以 `.toml` 结尾时为 TOML）；不给出则从空白开始
help-ask-arg-answers = 从这个文件取答案（一个案件文件：事实 → 取值），而不提问；文件中没有的事实留作未知
help-ask-arg-skip = 留作未知、不提问的事实（供驱动问答的前端使用）。可重复
help-ask-arg-save = 结束时把已回答的案件写入这个文件（以 `.toml` 结尾时为 TOML，否则为 JSON）
help-ask-arg-format = 输出格式
help-ask-arg-format-value-human = 给人看的问题和建议文本
help-ask-arg-format-value-json = 下一个问题，或没有问题时的结果，以 JSON 表示
help-ask-arg-as-of = 以这个日期（YYYY-MM-DD）判断案件
help-ask-arg-lang = 问题和建议的语言（`en`、`zh`；默认：规则集 `languages` 中的第一个）
help-check-about = 检查规则集，报告每个错误和警告
help-check-after-help = 示例：
    {"  "}redress check rulebooks/example/example.rules
    {"  "}redress check --deny-warnings --format json rulebooks/*/*.rules
    {"  "}redress check --format github rulebooks/*/*.rules   # GitHub 工作流中的注释
    {"  "}redress check --format sarif rulebooks/*/*.rules > redress.sarif
help-check-arg-rulebooks = 规则集文件（`.rules`）
help-check-arg-deny-warnings = 有警告时也判为失败（退出码 1）
help-check-arg-format = 输出格式
help-check-arg-format-value-human = 给人看的文本
help-check-arg-format-value-json = 给工具用的 JSON（格式见 docs/ci.md）
help-check-arg-format-value-github = GitHub Actions 工作流注释
help-check-arg-format-value-sarif = SARIF 2.1.0，用于上传代码扫描结果
help-check-arg-lang = 报告和诊断信息的语言（`en`、`zh`；默认：环境的区域设置 `LC_ALL`、`LC_MESSAGES` 或 `LANG`，以 `zh` 开头时为中文，否则为英文）
help-diff-about = 比较规则集的两个版本：新增、删除或修改的条目，结果发生变化的语料案件，以及在变化的条件附近搜索找到的案件
help-diff-after-help = 语料是新规则集所在文件夹 `cases/` 下的每个案件文件（`.json`、`.toml`），加上每个 `--cases` 文件夹。搜索从每个语料案件和空案件出发，让变化的条件所涉及的事实取其边界值（以最小步长取 c-1、c、c+1；日期取前一天、当天和后一天）、单选的每个取值、是与否，以及未知。

    经由派生事实和算术的比较（`days from A to B > 30`、`price + fee > 500 yuan`）会在边界两侧求出日期和金额。没有发现变化但搜索并不穷尽时，报告以「未能判定」开头，并列出无法瞄准的条件。

    退出码：没有发现行为变化时（或未给 --fail-on-change）为 0；行为发生变化且给了 --fail-on-change，或搜索未能判定且同时给了 --fail-on-undecided（或规则集有错误）时为 1；用法错误为 2。

    示例：
    {"  "}redress diff old.rules new.rules
    {"  "}redress diff old.rules new.rules --cases more-cases/ --format markdown
    {"  "}redress diff --git origin/main rulebooks/cn-online-shopping/cn-online-shopping.rules
    {"  "}redress diff --git HEAD~1 --fail-on-change      # 自 HEAD~1 以来改动的每个 .rules 文件
    {"  "}redress diff --git origin/main --fail-on-change --fail-on-undecided
help-diff-arg-paths = 旧的和新的规则集（OLD、NEW）；使用 --git 时为规则集（或存放规则集的文件夹；默认：当前文件夹）
help-diff-arg-git = 把这个 git 版本中的规则集与工作区中的比较
help-diff-arg-cases = 要重放的更多案件文件（一个文件夹，递归查找）
help-diff-arg-format = 输出格式
help-diff-arg-format-value-text = 给终端看的文本
help-diff-arg-format-value-markdown = Markdown，可直接贴作拉取请求的评论
help-diff-arg-format-value-json = 给工具用的 JSON
help-diff-arg-fail-on-change = 行为发生变化时以退出码 1 结束
help-diff-arg-fail-on-undecided = 与 --fail-on-change 一起使用：搜索没有发现变化但未能判定（搜索并不穷尽）时也以退出码 1 结束
help-diff-arg-max-cases = 生成这么多案件后停止搜索
help-diff-arg-lang = 报告和诊断信息的语言（`en`、`zh`；默认：环境的区域设置 `LC_ALL`、`LC_MESSAGES` 或 `LANG`，以 `zh` 开头时为中文，否则为英文）
help-eval-about = 用规则集计算案件文件，说明哪些救济途径适用以及理由
help-eval-after-help = 示例：
    {"  "}redress eval rulebooks/example/example.rules rulebooks/example/cases/fraud.json
    {"  "}redress eval --format json --as-of 2024-06-01 book.rules case.json
    {"  "}redress eval --lang en --verbose book.rules case.json
    {"  "}cat case.json | redress eval book.rules -
    {"  "}redress eval book.rules --jsonl complaints.jsonl > outcomes.jsonl
    {"  "}redress eval book.rules --jsonl complaints.jsonl --output ids > applies.jsonl
help-eval-arg-rulebook = 规则集（`.rules`）
help-eval-arg-cases = 案件文件（JSON，以 `.toml` 结尾时为 TOML）；`-` 从标准输入读取 JSON
help-eval-arg-jsonl = 计算一个 JSON Lines 文件（`-`：标准输入），每行一个案件，按输入顺序为每个输入行写出一行 JSON：结果，或 `{"{"}"line": N, "errors": […]{"}"}`
help-eval-arg-id-field = 与 `--jsonl` 一起使用：把每行中这个名称的顶层键（案件的编号，不是事实）原样复制到对应输出行的最前面，这样不依赖行序也能对应结果（默认：`id`）。名称是规则集的事实时为用法错误
help-eval-arg-jobs = `--jsonl` 使用的线程数（默认：所有处理器核心）
help-eval-arg-format = 输出格式
help-eval-arg-format-value-human = 给人看的建议文本
help-eval-arg-format-value-json = 以 JSON 表示的结果，给工具用
help-eval-arg-output = 与 `--jsonl` 或 `--format json` 一起使用：每个结果构建并写出多少内容（ids：适用的和尚未确定的救济途径；summary：再加上参数、金额、期限和所需的事实；full：完整的结果）。见 docs/output.md 的「Output levels」
help-eval-arg-output-value-ids = 适用的和尚未确定的救济途径的编号
help-eval-arg-output-value-summary = 编号，加上参数、金额和期限，以及尚未确定的救济途径所需的事实
help-eval-arg-output-value-full = 完整的结果：标题、依据、理由、被排除的规则、问题
help-eval-arg-as-of = 以这个日期（YYYY-MM-DD）判断案件：设定规则集的 `as of` 事实，并决定哪些期限已届满
help-eval-arg-lang = 建议文本的语言（`en`、`zh`；默认：规则集 `languages` 中的第一个）
help-eval-arg-verbose = 在建议文本中，于事实和取值的标签旁显示其内部名称
help-explain-about = 解释救济途径为什么适用或不适用于案件，以及能使其改变的最小变动
help-explain-after-help = 示例：
    {"  "}redress explain rulebooks/cn-online-shopping/cn-online-shopping.rules case.json
    {"  "}redress explain --lang zh book.rules case.json return_refund
    {"  "}redress explain --format json book.rules case.json
help-explain-arg-rulebook = 规则集（`.rules`）
help-explain-arg-case = 案件文件（JSON，以 `.toml` 结尾时为 TOML）；`-` 从标准输入读取 JSON
help-explain-arg-remedy = 要完整解释的救济途径，按编号或任一语言的标题（默认：每个救济途径各一行，适用的则完整解释）
help-explain-arg-format = 输出格式
help-explain-arg-format-value-human = 给人看的文本
help-explain-arg-format-value-json = 给工具用的 JSON（docs/output.md 的「redress explain」）
help-explain-arg-format-value-markdown = Markdown，用于报告或网页
help-explain-arg-as-of = 以这个日期（YYYY-MM-DD）判断案件
help-explain-arg-lang = 文本的语言（`en`、`zh`；默认：规则集 `languages` 中的第一个）
help-explain-arg-verbose = 在标签旁显示事实和取值的内部名称，并按原样显示每个计算
help-facts-about = 列出规则集所询问的事实（类型、问题、允许的取值），或其案件文件的 JSON Schema
help-facts-after-help = 示例：
    {"  "}redress facts rulebooks/example/example.rules
    {"  "}redress facts --format json book.rules
    {"  "}redress facts --format jsonschema book.rules > case.schema.json
help-facts-arg-rulebook = 规则集（`.rules`）
help-facts-arg-format = 输出格式
help-facts-arg-format-value-human = 给人看的列表
help-facts-arg-format-value-json = 每个事实及其类型、问题、标签和允许的取值
help-facts-arg-format-value-jsonschema = 有效案件文件的 JSON Schema（2020-12）
help-facts-arg-lang = human 格式中问题和标签的语言（默认：规则集的第一种语言）
help-fmt-about = 就地格式化规则集（文件夹下的每个 `*.rules` 文件），或用 `--check` 列出未格式化的文件
help-fmt-after-help = 示例：
    {"  "}redress fmt rulebooks/example/example.rules
    {"  "}redress fmt --check .
    {"  "}redress fmt --check --format github rulebooks
    {"  "}redress fmt - < shop.rules > formatted.rules
help-fmt-arg-paths = 规则集文件，或要在其中查找 `*.rules` 文件的文件夹（跳过隐藏文件夹、指向文件夹的链接和指向文件夹之外文件的链接）；`-` 把标准输入格式化到标准输出。文件以原子方式替换（见 docs/security.md）
help-fmt-arg-check = 不写入任何文件：列出每个未格式化的文件及其最先不同的几行，有这样的文件时以退出码 1 结束
help-fmt-arg-format = `--check` 的报告方式：给人看的文本，或供 CI 系统使用的 `json`、`github`（工作流注释）或 `sarif`
help-fmt-arg-format-value-human = 给人看的文本
help-fmt-arg-format-value-json = 给工具用的 JSON（格式见 docs/ci.md）
help-fmt-arg-format-value-github = GitHub Actions 工作流注释
help-fmt-arg-format-value-sarif = SARIF 2.1.0，用于上传代码扫描结果
help-fmt-arg-lang = 消息和诊断信息的语言（`en`、`zh`；默认：环境的区域设置 `LC_ALL`、`LC_MESSAGES` 或 `LANG`，以 `zh` 开头时为中文，否则为英文）
help-graph-about = 绘制决策图：事实 → 条件 → 规则 → 救济途径，例外以虚线边表示
help-graph-after-help = 示例：
    {"  "}redress graph rulebooks/example/example.rules | dot -Tsvg > graph.svg
    {"  "}redress graph --format mermaid --remedy refund book.rules

    几条规则共用的条件是一个节点：决策图对每个案件只计算它一次。
    规则的完整条件（各部分如何以 and/or 组合）在 DOT 中是它的提示文字。
help-graph-arg-rulebook = 规则集（`.rules`）
help-graph-arg-format = 输出格式
help-graph-arg-format-value-dot = Graphviz DOT（`dot -Tsvg` 可绘制）
help-graph-arg-format-value-mermaid = Mermaid 流程图（GitHub 和 GitLab 在 Markdown 中绘制）
help-graph-arg-remedy = 只显示决定这个救济途径的规则（它的规则、其上的规则、其下的例外）
help-graph-arg-lang = 标题和标签的语言（默认：规则集的第一种语言）
help-lsp-about = 在标准输入和输出上运行语言服务器（由编辑器启动；见 docs/editors.md）
help-lsp-after-help = 编辑器会自行启动它：VS Code、Neovim 和 Helix 的设置见 docs/editors.md。

    它在标准输入和输出上使用语言服务器协议（JSON-RPC），为 `.rules` 文件提供诊断、
    悬停提示、补全、跳转到定义、查找引用、格式化、大纲、快速修复、重命名和语义标记。
help-lsp-arg-stdio = 为传入此参数的编辑器而接受；标准输入和输出是唯一的传输方式
help-serve-about = 通过 HTTP 提供规则集服务：eval、batch、explain、ask、facts、check 和 fmt，均为 JSON（docs/api.md）
help-serve-after-help = 每个规则集以其文件名主干提供服务：rulebooks/example/example.rules 对应 /v1/rulebooks/example。

    示例：
    {"  "}redress serve rulebooks/*/*.rules
    {"  "}redress serve --addr 0.0.0.0:8080 --watch --log-format json book.rules
    {"  "}curl -s localhost:8080/v1/rulebooks/book/eval -d @case.json
help-serve-arg-rulebooks = 规则集（`.rules`）；两个规则集的文件名主干相同时为用法错误
help-serve-arg-addr = 监听的地址（端口 0：由系统选择；会打印实际绑定的地址）
help-serve-arg-watch = 规则集文件改变时重新编译，没有错误则提供新版本
help-serve-arg-watch-interval = `--watch` 查看文件的间隔，以秒计
help-serve-arg-max-body = 请求体的最大字节数（批量端点除外：其每一行的上限为 `case_bytes`）
help-serve-arg-timeout = 请求体到达所允许的秒数（超时则返回 408）
help-serve-arg-max-concurrency = 同时处理的请求数；超出的立即返回 503
help-serve-arg-log-format = 日志格式（写到标准错误）
help-serve-arg-log-format-value-human = 每个事件一行，给人看
help-serve-arg-log-format-value-json = 每行一个 JSON 对象，给日志收集器用
help-serve-arg-log-level = 记录的最不重要的事件
help-serve-arg-log-level-value-error = 只记录错误
help-serve-arg-log-level-value-warn = 再加上警告（重新加载失败）
help-serve-arg-log-level-value-info = 再加上启动、重新加载和关闭
help-serve-arg-log-level-value-debug = 再加上每个请求
help-serve-arg-log-level-value-trace = 全部
help-serve-arg-playground = 同时在 / 提供规则集试验场：一个编辑规则集并在其上试验案件的页面（docs/playground.md）
help-test-about = 运行规则集的测试（`*.test.toml`、`*.test.json`），报告不一致之处
help-test-after-help = 示例：
    {"  "}redress test
    {"  "}redress test rulebooks/example --coverage
    {"  "}redress test --filter fraud rulebooks/example/tests
    {"  "}redress test --min-coverage 90 --format json rulebooks

    测试在每个 PATH（一个文件夹，递归查找；或一个测试文件）下查找；
    格式见 docs/language.md 的「Tests」。
help-test-arg-paths = 要在其中查找测试的文件夹，或测试文件 [默认：.]
help-test-arg-filter = 只运行名称或路径包含这段文本的测试
help-test-arg-coverage = 列出从未触发的规则、从未采用的例外，以及未曾分别为真和为假的条件
help-test-arg-min-coverage = 规则或条件的覆盖率低于这个百分比时判为失败（退出码 1；隐含 --coverage）
help-test-arg-format = 输出格式
help-test-arg-format-value-human = 给人看的文本
help-test-arg-format-value-json = 给工具用的 JSON（格式：`redress::testing::render`）
help-test-arg-format-value-github = GitHub Actions 工作流注释：失败或无效的测试是其文件上的错误
help-test-arg-format-value-sarif = SARIF 2.1.0，用于上传代码扫描结果
help-test-arg-lang = 报告和诊断信息的语言（`en`、`zh`；默认：环境的区域设置 `LC_ALL`、`LC_MESSAGES` 或 `LANG`，以 `zh` 开头时为中文，否则为英文）

## citations: free-text citations in each language
diag-check-cite-untranslated = 此引用缺少 { $langs } 的文本
diag-check-cite-untranslated-label = 未以规则集的每种语言写明
diag-check-cite-untranslated-help = 请用规则集的每种语言写明依据：`cite { $example }`

## gaps: the last round's small gaps
# an amount alone in a test's difference, shown as money is read in the language
test-word-amount = { $amount }
# an untitled copy of an exception to several rules in `explain --verbose`,
# by its name and the rule it applies to
explain-rule-under = { $rule }（就规则 { $under } 而言）

## cli (2): clap's tips, the typed options' values, common system errors (src/cli/help.rs, values.rs, words.rs)
cli-tip = {"  "}提示：{ $tip }
cli-tip-name = `{ $name }`
cli-tip-similar-command = { $count ->
   *[other] 存在相似的子命令 { $names }
}
cli-tip-similar-argument = { $count ->
   *[other] 存在相似的参数 { $names }
}
cli-tip-similar-value = { $count ->
   *[other] 存在相似的取值 { $names }
}
cli-tip-as-value = 若要把 `{ $arg }` 作为取值传入，请写 `{ $fix }`
cli-tip-in-command = 子命令 `{ $command }` 有参数 `{ $arg }`
cli-tip-double-dash = 存在子命令 `{ $command }`；若要使用它，请删去它前面的 `--`
cli-value-date = 日期应为 YYYY-MM-DD，例如 2026-03-01
cli-value-date-meant = 日期应为 YYYY-MM-DD：是否想写 { $date }？
cli-value-month = 没有 { $month } 月：月份应为 01 到 12
cli-value-day = { $year } 年 { $month } 月只有 1 日到 { $days } 日
cli-value-seconds = 应为大于 0 的秒数，例如 0.5 或 30
cli-value-percent = 应为 0 到 100 之间的百分比
cli-value-address = 应为 IP 地址加端口，例如 127.0.0.1:8080 或 [::1]:8080（不解析 localhost 之类的主机名）
cli-value-port = 端口应为 0 到 65535 之间的数字
cli-value-whole = 应为 { $min } 到 { $max } 之间的整数
cli-value-whole-from = 应为不小于 { $min } 的整数
cli-value-too-large = 太大：最大为 { $max }
cli-io-not-found = 没有这个文件或文件夹
cli-io-permission-denied = 没有权限
cli-io-is-a-folder = 这是文件夹
cli-io-not-a-folder = 路径中有一部分不是文件夹
cli-io-storage-full = 磁盘已满
cli-io-read-only = 文件系统是只读的
cli-io-address-in-use = 地址已被占用
cli-io-address-not-available = 本机没有这个地址
cli-io-file-read-only = 文件是只读的
cli-io-not-a-file = 不是文件
cli-io-no-temporary-name = 没有可用的临时文件名

## diff: the rulebook's words in a report
# 规则集原文（表达式、名称）：用反引号括起，与诊断引用用户文本的方式一致
diff-written = `{ $text }`
diff-always = 始终有效
diff-in-force-from = 自 { $from } 起施行
diff-in-force-until = 施行至 { $until }
diff-in-force-from-until = 自 { $from } 起施行至 { $until }
diff-article = 第 { $article } 条
diff-value-labels = { $value }：{ $labels }
diff-param-type = { $name }：{ $type }
diff-summary-version = 版本 { $version }
diff-summary-fact = { $name }：{ $type }
diff-summary-remedy = { $id }（标题：{ $titles }）
diff-item-header = 规则集头部
# 命令行：读取文件时常见的系统错误（各命令共用），以及 git 的错误
cli-diff-git-failed = git 出错：{ $error }
cli-diff-not-a-repo = 不在 git 仓库中：`--git` 比较的是当前文件夹所在仓库的某个版本

## zhtype：建议中「理由」一行里规则的标题
because-title = 「{ $title }」
