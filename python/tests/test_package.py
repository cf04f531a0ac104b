"""redress from Python: every result equals what the CLI prints for the same input."""

import datetime
import decimal
import json
import pathlib
import threading

import pytest

import redress
from conftest import RULEBOOKS, ROOT, case_dict, cli_json, run_cli, shipped_cases

EXAMPLE = ROOT / "rulebooks" / "example" / "example.rules"
SHOP = ROOT / "rulebooks" / "cn-online-shopping" / "cn-online-shopping.rules"
CASES = shipped_cases()


@pytest.fixture(scope="module")
def books():
    return {path: redress.Rulebook.from_file(path) for path in RULEBOOKS}


def test_every_rulebook_is_shipped_with_cases():
    assert len(RULEBOOKS) >= 2
    assert len(CASES) > 100


@pytest.mark.parametrize("book,case", CASES, ids=[f"{b.stem}/{c.name}" for b, c in CASES])
def test_eval_equals_cli_json(books, book, case):
    done = run_cli("eval", "--format", "json", book, case)
    result = None
    error = None
    try:
        result = books[book].eval(case_dict(case))
    except redress.CaseError as e:
        error = e
    if done.stdout.strip():
        assert error is None, str(error)
        assert result == json.loads(done.stdout)
    else:
        # the CLI printed nothing: the case has errors, on standard error
        assert done.returncode == 1
        assert error is not None and error.diagnostics


@pytest.mark.parametrize("book,case", CASES, ids=[f"{b.stem}/{c.name}" for b, c in CASES])
def test_next_question_equals_cli_ask(books, book, case):
    expected = cli_json("ask", "--format", "json", book, case)
    assert books[book].next_question(case_dict(case)) == expected


def test_next_question_lang_skip_and_empty_case(books):
    book = books[SHOP]
    first = book.next_question()
    assert first == cli_json("ask", "--format", "json", SHOP)
    assert book.next_question(None, lang="en") == cli_json("ask", "--format", "json", "--lang", "en", SHOP)
    skipped = book.next_question({}, skip=[first["fact"]])
    assert skipped == cli_json("ask", "--format", "json", "--skip", first["fact"], SHOP)
    assert skipped["fact"] != first["fact"]
    with pytest.raises(ValueError, match="no fact `no.such.fact`"):
        book.next_question(skip=["no.such.fact"])


@pytest.mark.parametrize("book", RULEBOOKS, ids=[b.stem for b in RULEBOOKS])
def test_facts_and_schema_equal_cli(books, book):
    assert books[book].facts() == cli_json("facts", "--format", "json", book)
    assert books[book].case_schema() == cli_json("facts", "--format", "jsonschema", book)


def test_dicts_keep_the_documented_key_order():
    """Dict keys come in the CLI's documented order (docs/output.md, "Key
    order"): identifying keys first, then labels and questions."""
    book = redress.Rulebook.from_file(EXAMPLE)
    facts = book.facts()
    assert list(facts) == ["rulebook", "facts", "derived"]
    for fact in facts["facts"]:
        assert list(fact)[:4] == ["name", "label", "question", "type"]
    question = book.next_question()
    assert list(question) == ["fact", "question", "questions", "type", "values", "settles"]
    outcome = book.eval(case_dict(EXAMPLE.parent / "cases" / "return-custom-made.json"))
    assert list(outcome["overridden"][0]) == ["rule", "title", "remedy", "by", "by_titles"]


def test_properties():
    book = redress.Rulebook.from_file(EXAMPLE)
    facts = cli_json("facts", "--format", "json", EXAMPLE)
    assert book.id == "example"
    assert book.title == facts["rulebook"]["title"]
    assert book.version == facts["rulebook"]["version"]
    assert book.warnings == []
    assert repr(book) == f'<redress.Rulebook "example" version "{book.version}">'
    text = EXAMPLE.read_text(encoding="utf-8")
    assert redress.Rulebook.from_text(text, name="shop.rules").id == "shop"
    assert redress.Rulebook.from_text(text).id == "rulebook"


def test_rulebook_errors_carry_every_diagnostic(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    broken = text.replace("consumer.deceived", "consumer.decieved", 1) + "\nrule oops\n  items.count > 1 => no_such_remedy\n"
    path = tmp_path / "broken.rules"
    path.write_text(broken, encoding="utf-8")
    expected = cli_json("check", "--format", "json", path)
    with pytest.raises(redress.RulebookError) as caught:
        redress.Rulebook.from_file(path)
    error = caught.value
    assert isinstance(error, ValueError)
    got = [(d["code"], d["severity"], d["message"], d["line"], d["column"], d["help"]) for d in error.diagnostics]
    want = [
        (d["code"], d["severity"], d["message"], d["start"]["line"] if d["start"] else None,
         d["start"]["column"] if d["start"] else None, d["help"])
        for d in expected["files"][0]["diagnostics"]
    ]
    assert got == want and len(got) == 3  # two errors and a warning
    # the message is the report `redress check` prints, every diagnostic in it
    for d in error.diagnostics:
        assert d["code"] in str(error)
    with pytest.raises(redress.RulebookError):
        redress.Rulebook.from_text(broken, name="broken.rules")


def test_rulebook_errors_are_in_the_language_asked_for(tmp_path):
    broken = EXAMPLE.read_text(encoding="utf-8") + "\nrule oops\n  items.count > 1 => no_such_remedy\n"
    path = tmp_path / "broken.rules"
    path.write_text(broken, encoding="utf-8")
    for lang in ("zh", "en"):
        expected = cli_json("check", "--format", "json", "--lang", lang, path)
        want = [(d["code"], d["message"], d["help"]) for d in expected["files"][0]["diagnostics"]]
        with pytest.raises(redress.RulebookError) as caught:
            redress.Rulebook.from_file(path, lang=lang)
        assert [(d["code"], d["message"], d["help"]) for d in caught.value.diagnostics] == want
        with pytest.raises(redress.RulebookError) as caught:
            redress.Rulebook.from_text(broken, name=str(path), lang=lang)
        assert [(d["code"], d["message"], d["help"]) for d in caught.value.diagnostics] == want
    # the report in Chinese says 帮助 where the English says help
    assert "帮助：" in str(caught_zh(broken)) and "help:" not in str(caught_zh(broken))
    # without a language: English, whatever the locale
    with pytest.raises(redress.RulebookError) as caught:
        redress.Rulebook.from_text(broken)
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in d["message"]) for d in caught.value.diagnostics)
    with pytest.raises(ValueError, match="no words in language `fr`"):
        redress.Rulebook.from_text(broken, lang="fr")


def caught_zh(text):
    try:
        redress.Rulebook.from_text(text, lang="zh")
    except redress.RulebookError as e:
        return e
    raise AssertionError("the rulebook was expected to have errors")


def test_unreadable_rulebooks(tmp_path):
    with pytest.raises(FileNotFoundError):
        redress.Rulebook.from_file(tmp_path / "missing.rules")
    latin1 = tmp_path / "latin1.rules"
    latin1.write_bytes("rulebook\n  title en \"Caf\xe9\"\n".encode("latin-1"))
    with pytest.raises(redress.RulebookError) as caught:
        redress.Rulebook.from_file(latin1)
    assert caught.value.diagnostics[0]["code"] == "redress::io"


def test_case_errors_carry_every_diagnostic(tmp_path):
    book = redress.Rulebook.from_file(EXAMPLE)
    case = {"purchase": {"price": "lots"}, "items": {"count": "many"}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    # two cases: the CLI's JSON array carries the errors of the bad one
    expected = cli_json("eval", "--format", "json", EXAMPLE, path, path)[0]["errors"]
    with pytest.raises(redress.CaseError) as caught:
        book.eval(path.read_text(encoding="utf-8"))
    got = caught.value.diagnostics
    assert [(d["code"], d["message"], d["line"], d["column"]) for d in got] == [
        (d["code"], d["message"], d["start"]["line"], d["start"]["column"]) for d in expected
    ]
    assert len(got) == 2
    with pytest.raises(redress.CaseError) as caught:
        book.eval("{not json")
    assert caught.value.diagnostics[0]["code"] == "redress::case_syntax"


def test_as_of_and_lang():
    book = redress.Rulebook.from_file(EXAMPLE)
    case = ROOT / "rulebooks" / "example" / "cases" / "return-within-7-days.json"
    expected = cli_json("eval", "--format", "json", "--as-of", "2030-01-01", EXAMPLE, case)
    assert book.eval(case_dict(case), as_of="2030-01-01") == expected
    assert book.eval(case_dict(case), as_of=datetime.date(2030, 1, 1), lang="en") == expected
    with pytest.raises(ValueError, match="not a date"):
        book.eval({}, as_of="2030-13-01")
    with pytest.raises(TypeError):
        book.eval({}, as_of=20300101)
    with pytest.raises(ValueError, match="no words in language `fr`"):
        book.eval({}, lang="fr")


def test_python_values_in_cases():
    book = redress.Rulebook.from_file(EXAMPLE)
    as_text = json.loads((ROOT / "rulebooks" / "example" / "cases" / "fraud.json").read_text(encoding="utf-8"))
    as_python = {
        "consumer": {"location": "Shanghai", "deceived": True},
        "operator.location": "Hangzhou",
        "purchase": {"channel": "online_platform", "price": decimal.Decimal("120.00")},
        "goods": {"received_date": datetime.date(2024, 5, 1), "category": "general"},
        "items": {"count": 1},
        "dispute": {"date": datetime.date(2024, 5, 6)},
    }
    assert book.eval(as_python) == book.eval(as_text) == book.eval(json.dumps(as_text).encode())
    with pytest.raises(TypeError, match="cannot be written as JSON"):
        book.eval({"consumer": {"location": object()}})


def batch_lines():
    """Every shipped JSON case of the online-shopping rulebook, as JSON lines with ids, several times over,
    and lines that cannot be evaluated among them."""
    cases = [json.loads(c.read_text(encoding="utf-8")) for b, c in CASES if b == SHOP and c.suffix == ".json"]
    lines = []
    for i in range(12):
        for n, case in enumerate(cases):
            lines.append(json.dumps({"id": f"c{i}-{n}", **case}, ensure_ascii=False))
        lines += ["", "[1, 2]", '{"id": 7, "purchase": {"price": "lots"}}', '{"no": {"such": "fact"}}', "{"]
    return lines


def test_eval_many_equals_cli_jsonl(tmp_path):
    lines = batch_lines()
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = run_cli("eval", SHOP, "--jsonl", path).stdout.decode("utf-8").splitlines()
    assert len(expected) == len(lines) > 1000
    book = redress.Rulebook.from_file(SHOP)
    assert list(book.eval_many(lines, as_json=True)) == expected
    assert list(book.eval_many(iter(lines), jobs=1, as_json=True)) == expected
    # a file opened for reading is an iterable of lines; bytes work too
    with open(path, encoding="utf-8") as f:
        assert list(book.eval_many(f, jobs=2)) == [json.loads(e) for e in expected]
    assert list(book.eval_many((line.encode() for line in lines), as_json=True)) == expected
    # dicts, as from a data frame
    picked = [i for i, line in enumerate(lines[:300]) if line.startswith('{"id": "c')]
    dicts = [json.loads(lines[i]) for i in picked]
    assert list(book.eval_many(dicts, as_json=True)) == [expected[i] for i in picked]


@pytest.mark.parametrize("output", ["ids", "summary", "full"])
def test_eval_many_and_eval_at_each_output_level_equal_cli(tmp_path, output):
    lines = batch_lines()[:400]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = run_cli("eval", SHOP, "--jsonl", path, "--output", output, check=False).stdout.decode("utf-8").splitlines()
    assert len(expected) == len(lines)
    book = redress.Rulebook.from_file(SHOP)
    assert list(book.eval_many(lines, as_json=True, output=output)) == expected
    assert list(book.eval_many(lines, jobs=1, output=output)) == [json.loads(e) for e in expected]
    for line, want in zip(lines[:40], expected[:40]):
        if line.startswith('{"id": "c'):
            case = json.loads(line)
            del case["id"]
            got = book.eval(case, output=output)
            want = json.loads(want)
            want.pop("id", None)
            assert got == want


def test_case_errors_are_in_the_language_asked_for(tmp_path):
    """A case's errors are in `lang`, else the rulebook's first language (Chinese for the example), as the CLI's
    `eval` and `eval --jsonl` write them; the codes never change."""
    book = redress.Rulebook.from_file(EXAMPLE)
    bad = json.dumps({"purchase": {"price": "lots"}})
    path = tmp_path / "bad.jsonl"
    path.write_text(bad + "\n", encoding="utf-8")
    for lang in ("en", "zh"):
        expected = run_cli("eval", "--lang", lang, EXAMPLE, "--jsonl", path, check=False).stdout.decode().splitlines()
        assert list(book.eval_many([bad], lang=lang, as_json=True)) == expected
        with pytest.raises(redress.CaseError) as caught:
            book.eval(bad, lang=lang)
        message = caught.value.diagnostics[0]["message"]
        assert message == json.loads(expected[0])["errors"][0]["message"]
    assert caught.value.diagnostics[0]["code"] == "redress::case_type"
    english = json.loads(list(book.eval_many([bad], lang="en", as_json=True))[0])["errors"][0]["message"]
    chinese = json.loads(list(book.eval_many([bad], as_json=True))[0])["errors"][0]["message"]
    assert english != chinese and english.isascii() and not chinese.isascii()
    with pytest.raises(ValueError, match="no words in language"):
        book.eval_many([], lang="fr")


def test_an_unknown_output_level_is_a_value_error_naming_the_levels():
    book = redress.Rulebook.from_file(EXAMPLE)
    with pytest.raises(ValueError, match="ids, summary, full"):
        book.eval({}, output="brief")
    with pytest.raises(ValueError, match="not an output level"):
        book.eval_many([], output="all")


def test_eval_many_ids_lines_and_as_of(tmp_path):
    book = redress.Rulebook.from_file(EXAMPLE)
    cases = [{"case_no": n, "items": {"count": n}} for n in range(5)] + ["oops"]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(c if isinstance(c, str) else json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    expected = run_cli("eval", EXAMPLE, "--jsonl", path, "--id-field", "case_no", "--as-of", "2024-06-01")
    results = list(book.eval_many(cases, as_of="2024-06-01", id_field="case_no"))
    assert results == [json.loads(line) for line in expected.stdout.decode().splitlines()]
    assert [r["id"] for r in results[:5]] == [0, 1, 2, 3, 4]
    assert results[5]["line"] == 6
    assert list(book.eval_many(cases, first_line=101))[5]["line"] == 106
    with pytest.raises(ValueError, match="names a fact"):
        book.eval_many([], id_field="items.count")
    with pytest.raises(ValueError, match="at least 1"):
        book.eval_many([], jobs=0)
    assert list(book.eval_many([])) == []
    for one in ({"items": {"count": 1}}, '{"items": {"count": 1}}\n{}', b"{}"):
        with pytest.raises(TypeError, match="an iterable of cases"):
            book.eval_many(one)


def test_eval_many_input_failure_after_the_results_before_it():
    book = redress.Rulebook.from_file(EXAMPLE)

    def cases():
        for n in range(1000):
            yield {"items": {"count": n}}
        raise OSError("the source went away")

    seen = 0
    with pytest.raises(OSError, match="went away"):
        for result in book.eval_many(cases()):
            assert "remedies" in result
            seen += 1
    assert seen == 1000
    with pytest.raises(TypeError, match="cannot be written as JSON"):
        list(book.eval_many([{"items": {"count": 1}}, {"x": object()}]))


def test_eval_many_stopped_early_and_from_threads():
    book = redress.Rulebook.from_file(SHOP)
    lines = batch_lines()
    it = book.eval_many(lines, as_json=True)
    first = [next(it) for _ in range(3)]
    del it  # the workers end on their own
    assert first == list(book.eval_many(lines[:3], as_json=True))
    # one rulebook shared by threads, each with its own batch
    results = {}

    def run(k):
        results[k] = list(book.eval_many(lines[k * 100 : k * 100 + 300], as_json=True))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for k in range(4):
        assert results[k] == list(book.eval_many(lines[k * 100 : k * 100 + 300], jobs=1, as_json=True))


def test_installed_with_type_stubs_and_docstrings():
    package = pathlib.Path(redress.__file__).parent
    assert (package / "py.typed").is_file()
    stubs = (package / "__init__.pyi").read_text(encoding="utf-8")
    for name in ("class Rulebook", "def eval(", "def eval_many(", "def facts(", "def next_question(",
                 "class RulebookError(ValueError)", "class CaseError(ValueError)", "def shared_rulebook("):
        assert name in stubs
    for method in (redress.Rulebook.from_file, redress.Rulebook.eval, redress.Rulebook.eval_many,
                   redress.Rulebook.facts, redress.Rulebook.next_question):
        assert method.__doc__
    assert issubclass(redress.RulebookError, ValueError) and issubclass(redress.CaseError, ValueError)


def test_shared_rulebook_compiles_once():
    text = EXAMPLE.read_text(encoding="utf-8")
    assert redress.shared_rulebook(text, "example.rules") is redress.shared_rulebook(text, "example.rules")
    assert redress.shared_rulebook(text, "example.rules").id == "example"


def test_the_example_of_docs_python_md(monkeypatch):
    """The first example of docs/python.md runs, and gives what its comments say."""
    import re

    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    example = re.search(r"^## Use\n\n```py\n(.*?)^```", text, flags=re.S | re.M).group(1)
    monkeypatch.chdir(ROOT)
    namespace = {}
    exec(compile(example, "docs/python.md", "exec"), namespace)
    book, outcome = namespace["book"], namespace["outcome"]
    assert (book.id, book.version) == ("example", "0.1.0")
    assert [r["id"] for r in outcome["remedies"]] == ["forward_to_association_at_operator_location", "punitive_damages_fraud"]
    assert [u["id"] for u in outcome["undetermined"]] == ["return_without_reason"]
    assert outcome["questions"][0]["fact"] == "goods.category"
    for line in example.splitlines():
        if "# [" in line:  # the lists in the comments are the results
            expression, shown = line.split("#", 1)
            assert repr(eval(expression, namespace)) == shown.strip()
