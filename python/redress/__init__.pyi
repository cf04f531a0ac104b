"""Type stubs of redress, a rules engine for legal remedy rules (see docs/python.md)."""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, Literal, Optional, TypedDict, Union, overload

__all__ = ["CaseError", "Outcomes", "Rulebook", "RulebookError", "shared_rulebook"]

class Diagnostic(TypedDict):
    """One error or warning, as `redress check --format json` reports it, positions flattened."""

    code: str
    """The stable code, e.g. ``redress::unknown_fact``."""
    severity: Literal["error", "warning"]
    message: str
    file: Optional[str]
    line: Optional[int]
    """1-based line of the primary label, None without a position."""
    column: Optional[int]
    """1-based column in characters."""
    end_line: Optional[int]
    end_column: Optional[int]
    help: Optional[str]

class RulebookError(ValueError):
    """The rulebook has errors; str() is the report `redress check` prints."""

    diagnostics: list[Diagnostic]
    """Every error and warning found."""

class CaseError(ValueError):
    """The case cannot be evaluated (unknown facts, values of the wrong type, not JSON)."""

    diagnostics: list[Diagnostic]
    """Every error found in the case."""

Case = Union[Mapping[str, Any], str, bytes]
"""A case: a dict (nested or with dotted keys, as a case file), or its JSON text."""

DateLike = Union[datetime.date, str]
Output = Literal["ids", "summary", "full"]
"""A date: ``datetime.date`` or ``YYYY-MM-DD``."""

class Outcomes(Iterator[Any]):
    """The results of :meth:`Rulebook.eval_many`, in input order."""

    def __iter__(self) -> Outcomes: ...
    def __next__(self) -> Any: ...

class Rulebook:
    """A compiled rulebook: checked once, then used to evaluate any number of cases, from any thread."""

    @staticmethod
    def from_file(path: Union[str, PathLike[str]], lang: Optional[str] = None) -> Rulebook:
        """Read, check and compile a rulebook file; RulebookError when it has errors, OSError when unreadable.

        `lang` (`"zh"`, `"en"`) is the language of the diagnostics' words, in the error and in `warnings`; English
        when not given (the locale is not read). ValueError for a language redress has no words in."""
    @staticmethod
    def from_text(text: str, name: str = "rulebook", lang: Optional[str] = None) -> Rulebook:
        """Check and compile rulebook text; `name` names it in diagnostics and is its id; `lang` as for from_file."""
    @property
    def id(self) -> str:
        """The file name without its extension, or the `name` given to from_text."""
    @property
    def title(self) -> dict[str, str]:
        """Language → title."""
    @property
    def version(self) -> str: ...
    @property
    def jurisdiction(self) -> str: ...
    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings found when checking it."""
    def eval(
        self,
        case: Case,
        as_of: Optional[DateLike] = None,
        lang: Optional[str] = None,
        *,
        output: Output = "full",
    ) -> dict[str, Any]:
        """The outcome of one case, as `redress eval --format json --output OUTPUT` prints it.

        CaseError when it cannot be evaluated.
        """
    @overload
    def eval_many(
        self,
        cases: Iterable[Case],
        as_of: Optional[DateLike] = None,
        jobs: Optional[int] = None,
        *,
        id_field: Optional[str] = None,
        as_json: Literal[False] = False,
        first_line: int = 1,
        output: Output = "full",
        lang: Optional[str] = None,
    ) -> Iterator[dict[str, Any]]: ...
    @overload
    def eval_many(
        self,
        cases: Iterable[Case],
        as_of: Optional[DateLike] = None,
        jobs: Optional[int] = None,
        *,
        id_field: Optional[str] = None,
        as_json: Literal[True],
        first_line: int = 1,
        output: Output = "full",
        lang: Optional[str] = None,
    ) -> Iterator[str]:
        """Evaluate many cases on `jobs` threads (default: all cores) without holding the GIL.

        One result per case in input order, as the lines of `redress eval --jsonl`: an outcome, or
        ``{"line": N, "errors": [...]}`` for a case that cannot be evaluated (lines count from
        `first_line`). With ``as_json=True`` each result is its JSON text, byte for byte the line
        `eval --jsonl` writes. `output` is `eval --output`: ``"ids"`` or ``"summary"`` build and
        return only what that level's record holds (docs/output.md, "Output levels").
        """
    def facts(self) -> dict[str, Any]:
        """The facts the rulebook asks for, as `redress facts --format json` prints them."""
    def case_schema(self) -> dict[str, Any]:
        """A JSON Schema (2020-12) of a valid case, as `redress facts --format jsonschema` prints it."""
    def next_question(
        self,
        case: Optional[Case] = None,
        as_of: Optional[DateLike] = None,
        lang: Optional[str] = None,
        skip: Sequence[str] = (),
    ) -> dict[str, Any]:
        """The next question about a partial case, as `redress ask --format json` prints it, or
        ``{"done": True, ...}`` when no answer can change the outcome any more."""

def shared_rulebook(text: str, name: str = "rulebook") -> Rulebook:
    """The rulebook compiled from `text`, once per process (the same object for the same text and name)."""
