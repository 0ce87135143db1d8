"""Finding a deal or term from what a person typed: an id or a unique name prefix."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


class NoUniqueMatch(ValueError):
    """The text matched nothing, or more than one thing."""


def resolve(
    text: str, items: Iterable[T], *, id_of: Callable[[T], str], name_of: Callable[[T], str],
    what: str,
) -> T:
    """Exact id first, then a case-insensitive prefix of the name that matches only one."""
    candidates = list(items)
    wanted = text.strip()
    for item in candidates:
        if id_of(item) == wanted:
            return item
    folded = wanted.casefold()
    if not folded:
        raise NoUniqueMatch(f"no {what} given")
    exact = [item for item in candidates if name_of(item).casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    matches = [item for item in candidates if name_of(item).casefold().startswith(folded)]
    if not matches:
        raise NoUniqueMatch(f"no {what} matches {text!r}")
    if len(matches) > 1:
        names = ", ".join(sorted(name_of(item) for item in matches)[:5])
        raise NoUniqueMatch(f"{text!r} matches more than one {what}: {names}")
    return matches[0]
