"""What a person is told when a value does not fit a field: plain words, never the
validation library's own ("Input should be greater than or equal to 0")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from negtui.domain.text import quoted

WHOLE = "must be a whole number"
NUMBER = "must be a number"

_FIXED = {
    "missing": "is required",
    "float_parsing": NUMBER, "float_type": NUMBER, "finite_number": "must be a finite number",
    "int_parsing": WHOLE, "int_type": WHOLE, "int_from_float": WHOLE,
    "bool_parsing": "must be yes or no", "bool_type": "must be yes or no",
    "string_type": "must be text", "list_type": "must be a list", "dict_type": "must be a table",
    "date_parsing": "is not a date", "date_type": "is not a date",
    "datetime_parsing": "is not a date and time", "datetime_type": "is not a date and time",
    "model_type": "must be a group of fields", "model_attributes_type": "must be a group of fields",
}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _choices(expected: str) -> str:
    return expected.replace("'", "")


def phrase(item: ErrorDetails) -> str:
    """What is wrong with one value, as the end of a sentence: 'must be 0 or more'."""
    kind = item["type"]
    ctx: dict[str, Any] = dict(item.get("ctx") or {})
    if kind in _FIXED:
        typed = item.get("input")
        if kind.endswith("_parsing") and isinstance(typed, str):
            # Text that does not read as the field's kind is echoed: not “ten”.
            return f"{_FIXED[kind]}, not {quoted(typed.strip())}"
        return _FIXED[kind]
    if kind == "greater_than_equal":
        return f"must be {_number(ctx.get('ge'))} or more"
    if kind == "less_than_equal":
        return f"must be {_number(ctx.get('le'))} or less"
    if kind == "greater_than":
        return f"must be more than {_number(ctx.get('gt'))}"
    if kind == "less_than":
        return f"must be less than {_number(ctx.get('lt'))}"
    if kind in ("enum", "literal_error"):
        return f"must be one of {_choices(str(ctx.get('expected', '')))}"
    if kind in ("string_too_long", "too_long"):
        return f"is too long (at most {ctx.get('max_length')})"
    if kind in ("string_too_short", "too_short"):
        return "cannot be empty" if ctx.get("min_length") == 1 else "is too short"
    if kind in ("value_error", "assertion_error"):
        # Our own validators already speak plainly; only the library's prefix goes.
        message = str(item["msg"])
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return "is not a value this field takes"


def label_of(name: str) -> str:
    """A field's name as words when no label is known: 'hours_per_week' -> 'Hours per week'."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "This"


def short_label(label: str) -> str:
    """A form label fit to start a sentence: 'Value to us (1-10)' -> 'Value to us', and
    'Likelihood, 1 (rare) to 5 (almost certain)' -> 'Likelihood' (the range is the message's)."""
    bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
    return bare.split(",", 1)[0].strip() or bare or label


def sentence(label: str, predicate: str) -> str:
    """'Weight' and 'must be 0 or more' -> 'Weight must be 0 or more'."""
    return f"{label} {predicate}"


def plain_messages(error: ValidationError,
                   labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """One sentence per top-level field, the first problem only, named by its label.

    A rule about the whole record (no field) is keyed by "" and said as it stands,
    capitalised: 'The end date comes before the start date'.
    """
    labels = labels or {}
    return {field: sentence(labels.get(field) or label_of(field), said) if field
            else said[:1].upper() + said[1:]
            for field, said in field_messages(error).items()}


def field_messages(error: ValidationError) -> dict[str, str]:
    """The first problem with each top-level field, in plain words without the field's name
    ('must be 0 or more'); ``plain_messages`` says it as a sentence with the label."""
    messages: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else ""
        messages.setdefault(field, phrase(item))
    return messages
