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
