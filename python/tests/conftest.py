"""Shared helpers: the repository, the shipped rulebooks and cases, and the `redress` CLI to compare with."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULEBOOKS = sorted(ROOT.glob("rulebooks/*/*.rules"))


def cli_path():
    """The CLI built by `cargo build`/`cargo test` (REDRESS_BIN overrides); its absence fails the tests."""
    path = pathlib.Path(os.environ.get("REDRESS_BIN", ROOT / "target" / "debug" / "redress"))
    if not path.is_file():
        pytest.fail(f"the redress CLI is not at {path}: run `cargo build` first (or set REDRESS_BIN)")
    return path


def run_cli(*args, input=None, check=True):
    """Run `redress ARGS…` with no terminal; its completed process (status 1 allowed unless check)."""
    done = subprocess.run(
        [str(cli_path()), *map(str, args)],
        input=input,
        capture_output=True,
        stdin=None if input is not None else subprocess.DEVNULL,
        timeout=60,
    )
    if check and done.returncode not in (0, 1):
        raise AssertionError(f"redress {args} exited {done.returncode}: {done.stderr.decode()}")
    return done


def cli_json(*args):
    return json.loads(run_cli(*args).stdout)


def shipped_cases():
    """(rulebook, case file) for every shipped case."""
    pairs = []
    for book in RULEBOOKS:
        for case in sorted(book.parent.glob("cases/*")):
            if case.suffix in (".json", ".toml"):
                pairs.append((book, case))
    return pairs


def case_dict(path):
    """A case file read as Python objects: JSON, or TOML (dates become datetime.date)."""
    if path.suffix == ".toml":
        import tomllib

        return tomllib.loads(path.read_text(encoding="utf-8"))
    return json.loads(path.read_text(encoding="utf-8"))
