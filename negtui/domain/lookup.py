"""Finding a deal or term from what a person typed: an id or a unique name prefix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from negtui.domain.text import quoted

T = TypeVar("T")
_NOT_WORD = re.compile(r"[^\w]+|_+")


def slug(name: str) -> str:
    """A name folded for matching, as it is written after # or @: 'Day rate' -> 'day-rate'."""
    return _NOT_WORD.sub("-", name.casefold()).strip("-")


class NoUniqueMatch(ValueError):
    """The text matched nothing, or more than one thing."""


def resolve(
    text: str, items: Iterable[T], *, id_of: Callable[[T], str], name_of: Callable[[T], str],
    what: str,
) -> T:
    """Exact id first, then the one name equal to the text or starting with it, ignoring case,
    spaces and punctuation ("day-rate", "Day rate" and "day r" all find "Day rate")."""
    candidates = list(items)
    wanted = text.strip()
    for item in candidates:
        if id_of(item) == wanted:
            return item
    folded = slug(wanted)
    if not folded:
        raise NoUniqueMatch(f"no {what} given")
    exact = [item for item in candidates if slug(name_of(item)) == folded]
    if len(exact) == 1:
        return exact[0]
    matches = [item for item in candidates if slug(name_of(item)).startswith(folded)]
    if not matches:
        raise NoUniqueMatch(f"no {what} matches {quoted(text)}")
    if len(matches) > 1:
        names = ", ".join(sorted(name_of(item) for item in matches)[:5])
        raise NoUniqueMatch(f"{quoted(text)} matches more than one {what}: {names}")
    return matches[0]
