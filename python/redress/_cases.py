"""A case given as Python objects, written as the JSON text the case reader reads."""

import datetime
import decimal
import json


def _default(value):
    # a date is written YYYY-MM-DD; an amount or number kept exact as its text;
    # a set of values (a `some of` fact) as a list
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(
        f"a case value of type {type(value).__name__} cannot be written as JSON: "
        "use a bool, number, text, date (datetime.date or YYYY-MM-DD), list or dict"
    )


def dumps(case):
    """The case as compact JSON text."""
    return json.dumps(case, ensure_ascii=False, separators=(",", ":"), default=_default)
