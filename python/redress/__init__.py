"""redress, a rules engine for legal remedy rules, from Python.

Compile a rulebook once, then evaluate cases (dicts, or JSON texts) against it::

    import redress

    book = redress.Rulebook.from_file("rulebooks/example/example.rules")
    outcome = book.eval({"consumer": {"deceived": True}}, as_of="2024-06-01")
    for remedy in outcome["remedies"]:
        print(remedy["id"])

    for result in book.eval_many(open("cases.jsonl")):   # all cores, input order
        ...

Every result is the JSON the CLI prints (``redress eval --format json``, ``eval --jsonl``,
``facts --format json``, ``ask --format json``), read into Python objects; see docs/python.md.
"""

import functools

from ._redress import CaseError, Outcomes, Rulebook, RulebookError

__all__ = ["CaseError", "Outcomes", "Rulebook", "RulebookError", "shared_rulebook"]


@functools.lru_cache(maxsize=16)
def shared_rulebook(text: str, name: str = "rulebook") -> Rulebook:
    """The rulebook compiled from `text`, once per process: later calls with the same text and name
    return the same object. For workers that are handed the text many times (a Spark executor's
    Python worker runs many tasks); a Rulebook is immutable and may be shared by threads."""
    return Rulebook.from_text(text, name=name)
