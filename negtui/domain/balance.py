"""The give-and-take of a negotiation: what was given against what came back.

Values are the user's own 1-10 estimates. For a give, ``value_us`` is what it cost us;
for a receive, what it is worth to us. The reciprocity ratio compares the two: 1.0 means
we got back as much as we gave, below 1.0 we are paying more than we receive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from negtui.domain.guards import in_order
from negtui.domain.models import Concession, Term
from negtui.domain.vocab import Direction
from negtui.domain.words import counted

# How many of the latest valued gives decide whether they are shrinking or growing.
TREND_WINDOW = 4


@dataclass(frozen=True)
class Side:
    count: int = 0
    value_us: int = 0
    value_them: int = 0
    unvalued: int = 0
    """Entries without a value to us: counted, but left out of the value."""


@dataclass(frozen=True)
class Balance:
    given: Side
    received: Side

    @property
    def ratio(self) -> float | None:
        """Value received over value given (both to us); None until something is given."""
        if self.given.value_us == 0:
            return None
        return self.received.value_us / self.given.value_us

    @property
    def count_ratio(self) -> float | None:
        if self.given.count == 0:
            return None
        return self.received.count / self.given.count


def _side(entries: Sequence[Concession]) -> Side:
    valued = [c for c in entries if c.value_us is not None]
    return Side(
        count=len(entries),
        value_us=sum(c.value_us or 0 for c in valued),
        value_them=sum(c.value_them or 0 for c in entries),
        unvalued=len(entries) - len(valued),
    )


def balance(concessions: Iterable[Concession]) -> Balance:
    live = [c for c in concessions if not c.deleted]
    return Balance(
        given=_side([c for c in live if c.direction is Direction.GIVEN]),
        received=_side([c for c in live if c.direction is Direction.RECEIVED]),
    )


class Trend(StrEnum):
    SHRINKING = "shrinking"
    GROWING = "growing"
    STEADY = "steady"
    UNEVEN = "uneven"
    UNKNOWN = "too few to tell"


@dataclass(frozen=True)
class GiveTrend:
    trend: Trend
    sizes: tuple[int, ...]
    """The latest gives' cost to us, oldest first."""
    skipped: bool = False
    """Whether gives with no value to us were passed over among them."""


def trend_of(sizes: Sequence[int]) -> Trend:
    """The word for a run of sizes, true of every step shown: growing only when no step goes
    down and the last is above the first, shrinking the other way round, steady when all
    are equal, uneven when they go both ways."""
    if len(sizes) < 2:
        return Trend.UNKNOWN
    steps = [after - before for before, after in pairwise(sizes)]
    if all(step == 0 for step in steps):
        return Trend.STEADY
    if all(step >= 0 for step in steps):
        return Trend.GROWING
    if all(step <= 0 for step in steps):
        return Trend.SHRINKING
    return Trend.UNEVEN


def give_trend(concessions: Iterable[Concession], window: int = TREND_WINDOW) -> GiveTrend:
    """Whether our own concessions get smaller from one to the next (nearing the limit)."""
    gives = [c.value_us for c in in_order(concessions) if c.direction is Direction.GIVEN]
    valued = [at for at, value in enumerate(gives) if value is not None][-window:]
    sizes = tuple(gives[at] or 0 for at in valued)
    # An unvalued give between or after the ones shown is one the trend does not see.
    since = len(gives) - valued[0] if valued else len(gives)
    return GiveTrend(trend_of(sizes), sizes, skipped=since > len(valued))


def describe_ratio(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}"


def terms_touched(concessions: Iterable[Concession], terms: Sequence[Term]) -> list[str]:
    """Names of the terms the live entries named, in the order first touched."""
    names = {term.id: term.name for term in terms}
    touched: list[str] = []
    for concession in in_order(concessions):
        name = names.get(concession.term_id or "")
        if name and name not in touched:
            touched.append(name)
    return touched


@dataclass(frozen=True)
class TermBalance:
    term: str
    """The term's name; empty for the entries that name no term."""
    balance: Balance


def by_term(concessions: Iterable[Concession], terms: Sequence[Term]) -> list[TermBalance]:
    """The give and take on each term, in the order the terms were first touched, then
    that of the entries naming no term (or one no longer in the deal)."""
    names = {term.id: term.name for term in terms}
    # By the term itself: two terms of one name are still two rows.
    groups: dict[str | None, list[Concession]] = {}
    for concession in in_order(concessions):
        key = concession.term_id if concession.term_id in names else None
        groups.setdefault(key, []).append(concession)
    unnamed = groups.pop(None, [])
    found = [TermBalance(names[key], balance(entries)) for key, entries in groups.items()
             if key is not None]
    return found + ([TermBalance("", balance(unnamed))] if unnamed else [])


def call_summary(concessions: Iterable[Concession], terms: Sequence[Term]) -> str:
    """A short account of one call: counts, balance and the terms touched."""
    entries = [c for c in concessions if not c.deleted]
    figures = balance(entries)
    touched = terms_touched(entries, terms)
    # A side none of whose entries was given a value has no value to state: a zero would
    # read as one.
    values = [f"{word} {side.value_us}" for word, side in (("given", figures.given),
                                                           ("received", figures.received))
              if side.value_us]
    parts = [
        f"{figures.given.count} given, {figures.received.count} received",
        *([f"value {', '.join(values)}"] if values else []),
        f"reciprocity {describe_ratio(figures.ratio)}",
        f"terms: {', '.join(touched)}" if touched else "no terms named",
    ]
    return "; ".join(parts)


def _who_gave(concession: Concession) -> str:
    return "gave" if concession.direction is Direction.GIVEN else "got"


def moved_lines(concessions: Iterable[Concession], terms: Sequence[Term]) -> list[str]:
    """One line per live entry, in the order logged: who gave what, on which term, and
    where the offer went ('gave · Day rate: Rate to 740 (760 → 740)'), in the words of
    the log's side column."""
    names = {term.id: term.name for term in terms}
    lines = []
    for concession in in_order(c for c in concessions if not c.deleted):
        term = names.get(concession.term_id or "")
        line = f"{_who_gave(concession)}{f' · {term}' if term else ''}: {concession.what}"
        if concession.position:
            start = concession.replaced_offer or "—"
            line += f" ({start} → {concession.position})"
        lines.append(line)
    return lines


def moved_briefly(concessions: Iterable[Concession], terms: Sequence[Term]) -> str:
    """What moved in a call in a few words: 'gave Travel, Day rate; got Reporting' (the
    terms given and got on; entries without a term are counted)."""
    names = {term.id: term.name for term in terms}
    parts = []
    for direction in (Direction.GIVEN, Direction.RECEIVED):
        entries = [c for c in in_order(concessions) if not c.deleted and c.direction is direction]
        if not entries:
            continue
        named: list[str] = []
        unnamed = 0
        for entry in entries:
            name = names.get(entry.term_id or "")
            if name is None:
                unnamed += 1
            elif name not in named:
                named.append(name)
        if unnamed:
            named.append(counted(unnamed, "other") if named else counted(unnamed, "item"))
        who = "gave" if direction is Direction.GIVEN else "got"
        parts.append(f"{who} {', '.join(named)}")
    return "; ".join(parts) or "nothing"
