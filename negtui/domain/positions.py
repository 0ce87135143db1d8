"""Positions that can be compared: a number with a unit, or one of a ranked list of options.

A term's ideal, acceptable, walk-away and on-the-table positions are typed as text
("780 EUR", "30 days", "50%", "licence only"). When they all read as numbers, or all
appear in the term's ranked options, the app can say where an offer stands.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from negtui.domain.models import Term

_NUMBER = re.compile(
    r"(?<![\w.])([-+]?\d[\d,_ ]*(?:\.\d+)?)\s*((?:[kKmM]|(?i:thousand|million|billion|bn))\b)?")
# What a word or letter after an amount multiplies it by: "90k", "45 thousand", "1.2m".
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9,
                "bn": 1e9}
_WORD_AFTER = re.compile(r"\s*%?\s*([A-Za-z]+)")

# Lengths of time in days, so "6 weeks" compares with "30 days" on a term counted in days.
DURATION_DAYS = {
    "day": 1.0, "days": 1.0, "d": 1.0, "week": 7.0, "weeks": 7.0, "w": 7.0, "wk": 7.0,
    "wks": 7.0, "month": 30.0, "months": 30.0, "mo": 30.0, "year": 365.0, "years": 365.0,
}

POSITION_FIELDS = ("ideal", "acceptable", "walk_away", "on_table", "batna")


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
    """The first number in the text: '1,200 EUR' -> 1200, '12.5%' -> 12.5, '90k' -> 90000,
    '45 thousand' -> 45000."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    digits = re.sub(r"[,_ ]", "", match.group(1))
    try:
        value = float(digits)
    except ValueError:
        return None
    suffix = (match.group(2) or "").lower()
    return value * _MULTIPLIERS.get(suffix, 1.0)


def number_text(value: float) -> str:
    """A number as a form writes it into its field, read again by ``read_number`` as the
    same number: thousands grouped ("1,500,000"), never in exponent
    form ("1.5e+06" would be read back as 1.5)."""
    # The shortest decimal that is the same float, so 1234567.89 shows no float noise
    # ("1,234,567.8899999999"); a sum such as 0.35 * 100 is first rounded to 9 decimals.
    text = f"{Decimal(repr(round(value, 9))):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


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
    number *= _duration_factor(term, text)
    return number if term.more_is_better else -number


def unit_word(text: str) -> str | None:
    """The word right after the first number: '6 weeks' -> 'weeks', '780 EUR' -> 'EUR'."""
    match = _NUMBER.search(text or "")
    if not match or match.group(2):
        return None
    after = _WORD_AFTER.match(text, match.end())
    return after.group(1) if after else None


def with_unit(term: Term, text: str) -> str:
    """A position as the user reads it, with the term's unit: '740' on an 'EUR/day' term is
    '740 EUR/day', '740 EUR' is '740 EUR/day', '3' on an 'x fees' term is '3x fees'.

    Text that already names the unit, names another one ('6 weeks' on a term in days), or is
    not a number ('licence only') is shown as typed; so is every position of a term with
    ranked options or without a unit.
    """
    return (text or "").strip() if term.options else unit_added(text, term.unit)


def unit_added(text: str, unit: str) -> str:
    """``with_unit`` for a position and a unit alone."""
    shown = (text or "").strip()
    unit = (unit or "").strip()
    if not shown or not unit:
        return shown
    if unit.casefold() in shown.casefold():
        return shown
    match = _NUMBER.search(shown)
    if match is None or match.start() != 0:
        return shown
    rest = shown[match.end():].strip()
    if not rest:
        # "3x fees" and "12%" read better without the space.
        return f"{shown}{'' if unit[0] in 'x%' else ' '}{unit}"
    head, slash, tail = unit.partition("/")
    if slash and rest.casefold() == head.strip().casefold():
        return f"{shown}/{tail.strip()}"
    return shown


def _duration_factor(term: Term, text: str) -> float:
    """How many of the term's own time units one unit of the text is (1 when not a duration)."""
    said = DURATION_DAYS.get((unit_word(text) or "").casefold())
    own_unit = term.unit.split("/")[0].strip() or unit_word(term.ideal) or ""
    own = DURATION_DAYS.get(own_unit.casefold())
    if said is None or own is None:
        return 1.0
    return said / own


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


def direction_words(term: Term) -> str:
    if term.options:
        return "ranked options, best first"
    return "more is better" if term.more_is_better else "less is better"


def describe_position(term: Term, text: str) -> str:
    """How a typed position is understood, shown back while it is typed."""
    if not text.strip():
        return ""
    value = position_value(term, text)
    if term.options:
        if value is None:
            return "not one of the ranked options: " + ", ".join(term.options)
        rank = len(term.options) - int(value) + 1
        return f"option {rank} of {len(term.options)}"
    if value is None:
        return "no number found: can be shown, not compared"
    number = value if term.more_is_better else -value
    unit = term.unit or unit_word(term.ideal) or ""
    return f"read as {_format(number, 2)} {unit}".rstrip() + f" ({direction_words(term)})"


def position_problems(term: Term) -> dict[str, str]:
    """Positions that contradict each other or cannot be compared when they should be.

    Only checked once the ideal can be read: until then positions are free notes.
    """
    problems: dict[str, str] = {}
    if scale_of(term) is None:
        if term.options and term.ideal.strip():
            problems["ideal"] = "must be one of the ranked options"
        return problems
    for name in POSITION_FIELDS:
        text: str = getattr(term, name)
        if text.strip() and position_value(term, text) is None:
            problems[name] = ("must be one of the ranked options" if term.options
                              else f"needs a number to compare with the ideal ({term.ideal})")
    ideal = position_value(term, term.ideal)
    acceptable = position_value(term, term.acceptable)
    walk_away = position_value(term, term.walk_away)
    assert ideal is not None
    better = "ranks above" if term.options else (
        "is higher than" if term.more_is_better else "is lower than")
    if acceptable is not None and acceptable > ideal:
        problems.setdefault("acceptable", f"{better} the ideal; swap them or change direction")
    if walk_away is not None and walk_away > ideal:
        problems.setdefault("walk_away", f"{better} the ideal; swap them or change direction")
    elif walk_away is not None and acceptable is not None and walk_away > acceptable:
        problems.setdefault("walk_away", f"{better} the acceptable position")
    return problems


def _format(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _step(span: float) -> float:
    """A round step for suggested numbers: about a tenth of the distance, 1, 2 or 5 x 10^n."""
    if span <= 0:
        return 1.0
    raw = span / 10
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def position_at(term: Term, share: float) -> str | None:
    """A position that gives at least ``share`` (0-1) of the way from floor to ideal.

    Numbers are rounded towards the ideal to a round step and written like the ideal
    ("760 EUR"); ranked options give the lowest option that reaches the share.
    """
    scale = scale_of(term)
    if scale is None:
        return None
    floor = scale.walk_away if scale.walk_away is not None else scale.acceptable
    if floor is None:
        return None
    share = max(0.0, min(1.0, share))
    if term.options:
        for option in reversed(term.options):
            if (satisfaction(term, option) or 0.0) >= share - 1e-9:
                return option
        return term.options[0]
    target = floor + share * (scale.ideal - floor)
    step = _step(abs(scale.ideal - floor))
    line_value = min(scale.ideal, math.ceil(target / step - 1e-9) * step)
    number = line_value if term.more_is_better else -line_value
    factor = _duration_factor(term, term.ideal)
    return _written_like(term.ideal, number / factor, step)


def _written_like(template: str, number: float, step: float) -> str:
    match = _NUMBER.search(template)
    assert match is not None
    suffix = (match.group(2) or "").lower()
    scale = {"k": 1e3, "m": 1e6}.get(suffix, 1.0)
    shown = number / scale
    grouped = "," in match.group(1)
    body = f"{shown:,.3f}" if grouped else f"{shown:.3f}"
    body = body.rstrip("0").rstrip(".")
    end = match.start(1) + len(match.group(1).rstrip(" "))
    return template[: match.start(1)] + body + template[end:]
