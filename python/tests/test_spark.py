"""The Spark recipes of docs/scale-out.md, run on PySpark in local mode (`local[2]`) over 100,000 generated cases:
their output equals `redress eval --jsonl` line for line. Prints cases/s for each (timing is reported, never
asserted: the machine is shared)."""

import itertools
import json
import os
import pathlib
import random
import re
import sys
import time

import pytest

import redress
from conftest import ROOT, cli_path

RULEBOOK = ROOT / "rulebooks" / "example" / "example.rules"
# REDRESS_SPARK_CASES makes a quick run while working on the recipes; CI runs the 100,000
CASES = int(os.environ.get("REDRESS_SPARK_CASES", "100000"))
ENOUGH = 100_000 if "REDRESS_SPARK_CASES" not in os.environ else 0
# REDRESS_SPARK_MASTER=local[1] measures one task slot, for comparison; CI runs local[2]
MASTER = os.environ.get("REDRESS_SPARK_MASTER", "local[2]")
BAD_EVERY = 10_000  # a line that cannot be evaluated, now and then


def generated_case(rng, facts, n):
    """A random case for the rulebook's facts (from `facts()`), about one fact in ten left out."""
    case = {"id": f"case-{n:06d}"}
    for fact in facts:
        if rng.random() < 0.1:
            continue
        kind = fact["type"]
        if kind == "yes_no":
            value = rng.random() < 0.5
        elif kind in ("one_of",):
            value = rng.choice(fact["values"])["value"]
        elif kind == "some_of":
            value = [v["value"] for v in fact["values"] if rng.random() < 0.3]
        elif kind == "money":
            value = f"{rng.randint(1, 500_000) / 100:.2f}"
        elif kind == "number":
            value = rng.randint(1, 20)
        elif kind == "date":
            value = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            value = rng.choice(["Shanghai", "Hangzhou", "Beijing", "上海"])
        case[fact["name"]] = value
    return case


@pytest.fixture(scope="module")
def cases_files(tmp_path_factory):
    """Two JSON Lines files: CASES generated cases with a bad line every BAD_EVERY, and the same without them."""
    folder = tmp_path_factory.mktemp("spark")
    facts = redress.Rulebook.from_file(RULEBOOK).facts()["facts"]
    rng = random.Random(17)
    every, valid = folder / "cases.jsonl", folder / "valid.jsonl"
    with open(every, "w", encoding="utf-8") as all_lines, open(valid, "w", encoding="utf-8") as good:
        for n in range(CASES):
            line = json.dumps(generated_case(rng, facts, n), ensure_ascii=False)
            all_lines.write(line + "\n")
            good.write(line + "\n")
            if n % BAD_EVERY == BAD_EVERY - 1:
                all_lines.write(f'{{"id": "bad-{n}", "purchase": {{"price": "lots"}}}}\n')
    return folder, every, valid


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only, whatever the host name resolves to
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master(MASTER)
        .appName("redress-scale-out-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "2g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # start the JVM's and the Python workers' engines before anything is timed
    session.range(1000, numPartitions=2).mapInPandas(lambda batches: batches, "id long").count()
    yield session
    session.stop()


def recipes():
    """The functions defined by the `python` blocks of docs/scale-out.md."""
    text = (ROOT / "docs" / "scale-out.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)
    assert len(blocks) == 2
    namespace = {}
    exec(compile("\n".join(blocks), "docs/scale-out.md", "exec"), namespace)
    return namespace


def expected_lines(cases, folder, name):
    """`redress eval --jsonl` of the cases, into a file."""
    out = folder / name
    start = time.monotonic()
    with open(out, "wb") as f:
        import subprocess

        done = subprocess.run(
            [str(cli_path()), "eval", str(RULEBOOK), "--jsonl", str(cases), "--jobs", "2"],
            stdout=f,
            stderr=subprocess.PIPE,
            timeout=600,
        )
    assert done.returncode in (0, 1), done.stderr.decode()
    return out, time.monotonic() - start


def assert_same_lines(expected_file, output_folder):
    """The part files of a Spark output folder, read in order, equal the file line for line."""
    parts = sorted(pathlib.Path(output_folder).glob("part-*"))
    assert parts, f"no part files in {output_folder}"

    def spark_lines():
        for part in parts:
            with open(part, encoding="utf-8") as f:
                yield from f

    n = 0
    with open(expected_file, encoding="utf-8") as want:
        for n, (got, line) in enumerate(itertools.zip_longest(spark_lines(), want), start=1):
            assert got == line, f"line {n} differs:\n  spark: {got!r:.300}\n  cli:   {line!r:.300}"
    return n


def report(name, cases, seconds, cli_seconds):
    print(
        f"\n{name}: {cases:,} cases in {seconds:.1f} s = {cases / seconds:,.0f} cases/s on {MASTER} "
        f"(redress eval --jsonl --jobs 2: {cases / cli_seconds:,.0f} cases/s; shared machine)",
        flush=True,
    )


def test_map_in_pandas_equals_cli(spark, cases_files):
    folder, every, _ = cases_files
    expected, cli_seconds = expected_lines(every, folder, "expected-all.jsonl")
    start = time.monotonic()
    recipes()["evaluate_with_package"](spark, str(RULEBOOK), str(every), str(folder / "out-package"))
    seconds = time.monotonic() - start
    lines = assert_same_lines(expected, folder / "out-package")
    assert lines == CASES + CASES // BAD_EVERY >= ENOUGH
    with open(expected, encoding="utf-8") as f:
        records = sum(1 for line in f if line.startswith('{"id":"bad-'))
    assert records == CASES // BAD_EVERY  # error records, with their line numbers, equal too
    report("mapInPandas + redress package", lines, seconds, cli_seconds)


def test_pipe_equals_cli(spark, cases_files):
    folder, _, valid = cases_files
    expected, cli_seconds = expected_lines(valid, folder, "expected-valid.jsonl")
    start = time.monotonic()
    recipes()["evaluate_with_pipe"](spark, str(cli_path()), str(RULEBOOK), str(valid), str(folder / "out-pipe"))
    seconds = time.monotonic() - start
    lines = assert_same_lines(expected, folder / "out-pipe")
    assert lines == CASES >= ENOUGH
    report("RDD.pipe + redress eval --jsonl", lines, seconds, cli_seconds)
