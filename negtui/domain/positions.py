"""Positions that can be compared: a number with a unit, or one of a ranked list of options.

A term's ideal, acceptable, walk-away and on-the-table positions are typed as text
("780 EUR", "30 days", "50%", "licence only"). When they all read as numbers, or all
appear in the term's ranked options, the app can say where an offer stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from negtui.domain.models import Term

_NUMBER = re.compile(r"(?<![\w.])([-+]?\d[\d,_ ]*(?:\.\d+)?)\s*([kKmM]\b)?")


class Verdict(StrEnum):
    IDEAL = "at or beyond ideal"
    ACCEPTABLE = "acceptable"
    BELOW_ACCEPTABLE = "below acceptable"
    PAST_WALK_AWAY = "past walk-away"
    UNKNOWN = "not comparable"


@dataclass(frozen=True)
class Scale:
    """Where positions sit on one line where higher is better for us."""

    ideal: float
    acceptable: float | None
    walk_away: float | None


def read_number(text: str) -> float | None:
    """The first number in the text: '1,200 EUR' -> 1200, '12.5%' -> 12.5, '90k' -> 90000."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    digits = re.sub(r"[,_ ]", "", match.group(1))
    try:
        value = float(digits)
    except ValueError:
        return None
    suffix = (match.group(2) or "").lower()
    return value * {"k": 1e3, "m": 1e6}.get(suffix, 1.0)


def _rank(term: Term, text: str) -> float | None:
    """Ranked options, best first: the best scores highest."""
    wanted = text.strip().casefold()
    for index, option in enumerate(term.options):
        if option.strip().casefold() == wanted:
            return float(len(term.options) - index)
    return None


def position_value(term: Term, text: str) -> float | None:
    """A position on the term's 'higher is better' line, or None when it cannot be read."""
    if not text or not text.strip():
        return None
    if term.options:
        return _rank(term, text)
    number = read_number(text)
    if number is None:
        return None
    return number if term.more_is_better else -number


def scale_of(term: Term) -> Scale | None:
    ideal = position_value(term, term.ideal)
    if ideal is None:
        return None
    return Scale(ideal, position_value(term, term.acceptable), position_value(term, term.walk_away))


def verdict(term: Term, text: str | None = None) -> Verdict:
    """Where a position (default: the offer on the table) stands against the term's bank."""
    scale = scale_of(term)
    value = position_value(term, term.on_table if text is None else text)
    if scale is None or value is None:
        return Verdict.UNKNOWN
    if value >= scale.ideal:
        return Verdict.IDEAL
    if scale.walk_away is not None and value < scale.walk_away:
        return Verdict.PAST_WALK_AWAY
    if scale.acceptable is None or value >= scale.acceptable:
        return Verdict.ACCEPTABLE
    return Verdict.BELOW_ACCEPTABLE


def satisfaction(term: Term, text: str | None = None) -> float | None:
    """0.0 at walk-away (or worse), 1.0 at ideal (or better), linear between.

    Falls back to acceptable as the zero point when no walk-away is set.
    """
    scale = scale_of(term)
    value = position_value(term, term.on_table if text is None else text)
    floor = scale.walk_away if scale and scale.walk_away is not None else (
        scale.acceptable if scale else None)
    if scale is None or value is None or floor is None:
        return None
    if scale.ideal == floor:
        return 1.0 if value >= scale.ideal else 0.0
    share = (value - floor) / (scale.ideal - floor)
    return max(0.0, min(1.0, share))
