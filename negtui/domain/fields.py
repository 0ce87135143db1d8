"""Field types shared by the models, with messages a person understands."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

import arrow
from pydantic import BeforeValidator, ValidationError

from negtui.domain.messages import phrase
from negtui.domain.text import quoted


def _shown(value: Any) -> str:
    """A value in a message: text as typed, in quotes; a number or nothing as it is."""
    return quoted(value) if isinstance(value, str) else str(value)


def _whole_from_one(value: Any, top: int) -> int:
    if isinstance(value, bool):
        raise ValueError(f"must be a whole number from 1 to {top}")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValueError(f"must be a whole number from 1 to {top}, not {_shown(value)}") from None
    if not 1 <= number <= top:
        raise ValueError(f"must be from 1 to {top}, not {number}")
    return number


def _rating(value: Any) -> int:
    return _whole_from_one(value, 10)


def _small_rating(value: Any) -> int:
    return _whole_from_one(value, 5)


def _moment(value: Any) -> datetime:
    """Accept an aware datetime, an Arrow or ISO text that carries its offset."""
    if isinstance(value, arrow.Arrow):
        return value.datetime
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("needs a time zone")
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"is not a date and time: {_shown(value)}") from None
        if parsed.tzinfo is None:
            raise ValueError(f"needs a time zone offset, e.g. {text}+00:00")
        return parsed
    raise ValueError(f"is not a date and time: {_shown(value)}")


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"is not a date (YYYY-MM-DD): {_shown(value)}") from None
    raise ValueError(f"is not a date: {_shown(value)}")


_IDENTIFIER = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _identifier(value: Any) -> str:
    if isinstance(value, str) and _IDENTIFIER.fullmatch(value):
        return value
    text = _required_text(value)
    if not _IDENTIFIER.fullmatch(text):
        raise ValueError("may hold only letters, digits, '-' and '_' (at most 64)")
    return text


def is_identifier(text: str) -> bool:
    try:
        _identifier(text)
    except ValueError:
        return False
    return True


def _currency(value: Any) -> str:
    code = str(value).strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError("must be a three-letter currency code such as EUR or USD")
    return code


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value.strip()


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise ValueError("cannot be empty")
    return text


def _names(value: Any) -> list[str]:
    """A list of names; typed as one line, they are separated by commas."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ValueError("must be names separated by commas")
    return [part.strip() for part in value if part.strip()]


Rating = Annotated[int, BeforeValidator(_rating)]
"""1 (barely matters) to 10 (decisive)."""
SmallRating = Annotated[int, BeforeValidator(_small_rating)]
"""1 to 5, for likelihood and impact in the risk register."""
Moment = Annotated[datetime, BeforeValidator(_moment)]
"""A point in time that always knows its time zone."""
Day = Annotated[date, BeforeValidator(_day)]
Text = Annotated[str, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_required_text)]
Identifier = Annotated[str, BeforeValidator(_identifier)]
"""A stable id; safe to use in a file name."""
Currency = Annotated[str, BeforeValidator(_currency)]
Names = Annotated[list[str], BeforeValidator(_names)]


def explain(error: ValidationError, where: str = "") -> list[str]:
    """One readable line per problem: ``where: field.path: message``."""
    lines = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"])
        message = phrase(item)
        prefix = f"{where}: " if where else ""
        lines.append(f"{prefix}{path}: {message}" if path else f"{prefix}{message}")
    return lines

