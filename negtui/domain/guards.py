"""Guards that speak up before a hard line is crossed while conceding.

Three rules, shared by the app and ``negtui log``:

* giving on a non-negotiable term needs a deliberate yes, after reading why it is one;
* a give that moves a term past its walk-away point is marked and warned about;
* too many gives in a row with nothing received back (``Settings.unreciprocated_limit``)
  raises an "unreciprocated" warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from negtui.domain.models import Concession, Settings, Term
from negtui.domain.positions import Verdict, verdict
from negtui.domain.terms import class_of
from negtui.domain.vocab import Direction, TermClass


class Guard(StrEnum):
    NON_NEGOTIABLE = "non-negotiable"
    PAST_WALK_AWAY = "past walk-away"
    UNRECIPROCATED = "unreciprocated"


# One letter per guard for the log's flags column, in the order they are shown.
FLAG_LETTERS: dict[Guard, str] = {
    Guard.NON_NEGOTIABLE: "N",
    Guard.PAST_WALK_AWAY: "W",
    Guard.UNRECIPROCATED: "U",
}


@dataclass(frozen=True)
class GuardWarning:
    guard: Guard
    message: str
    rationale: str = ""
    consequence: str = ""

    @property
    def needs_confirmation(self) -> bool:
        return self.guard is Guard.NON_NEGOTIABLE


def in_order(concessions: Iterable[Concession]) -> list[Concession]:
    """The live log, oldest first (entries logged at the same moment keep their order)."""
    return sorted((c for c in concessions if not c.deleted), key=lambda c: c.at)


def gives_in_a_row(log: Sequence[Concession]) -> int:
    """How many of the latest live entries are gives, counting back to the last receive."""
    count = 0
    for concession in reversed(in_order(log)):
        if concession.direction is Direction.RECEIVED:
            break
        count += 1
    return count


def is_non_negotiable(term: Term | None, settings: Settings) -> bool:
    return term is not None and class_of(term, settings.high_threshold) is TermClass.NON_NEGOTIABLE


def crosses_walk_away(term: Term | None, position: str | None) -> bool:
    if term is None or not position:
        return False
    return verdict(term, position) is Verdict.PAST_WALK_AWAY


def check_concession(direction: Direction, term: Term | None, position: str | None,
                     log: Sequence[Concession], settings: Settings) -> list[GuardWarning]:
    """What to warn about before logging a concession; ``log`` is the deal's log so far."""
    if direction is not Direction.GIVEN:
        return []
    warnings: list[GuardWarning] = []
    if term is not None and is_non_negotiable(term, settings):
        warnings.append(GuardWarning(
            Guard.NON_NEGOTIABLE, f"{term.name} is a non-negotiable",
            rationale=term.rationale, consequence=term.consequence,
        ))
    if term is not None and crosses_walk_away(term, position):
        warnings.append(GuardWarning(
            Guard.PAST_WALK_AWAY,
            f"{position} is past the walk-away point of {term.name} ({term.walk_away})",
        ))
    in_a_row = gives_in_a_row(log) + 1
    if in_a_row >= settings.unreciprocated_limit:
        warnings.append(GuardWarning(
            Guard.UNRECIPROCATED,
            f"{in_a_row} concessions given in a row with nothing received back",
        ))
    return warnings


def needs_confirmation(warnings: Iterable[GuardWarning]) -> bool:
    return any(warning.needs_confirmation for warning in warnings)


def describe_warning(warning: GuardWarning) -> str:
    """One warning as a line or two of plain text (the CLI prints it on stderr)."""
    text = warning.message
    if warning.rationale:
        text += f"; why: {warning.rationale}"
    if warning.consequence:
        text += f"; if violated: {warning.consequence}"
    return text


def log_flags(log: Sequence[Concession], terms: Sequence[Term],
              settings: Settings) -> dict[str, frozenset[Guard]]:
    """The guards each live entry tripped when it was logged, by concession id.

    Worked out again from the log rather than stored, so they follow the terms' current
    ratings and walk-away points.
    """
    by_id = {term.id: term for term in terms}
    flags: dict[str, frozenset[Guard]] = {}
    in_a_row = 0
    for concession in in_order(log):
        if concession.direction is Direction.RECEIVED:
            in_a_row = 0
            flags[concession.id] = frozenset()
            continue
        in_a_row += 1
        term = by_id.get(concession.term_id or "")
        tripped: set[Guard] = set()
        if is_non_negotiable(term, settings):
            tripped.add(Guard.NON_NEGOTIABLE)
        if crosses_walk_away(term, position_of(concession)):
            tripped.add(Guard.PAST_WALK_AWAY)
        if in_a_row >= settings.unreciprocated_limit:
            tripped.add(Guard.UNRECIPROCATED)
        flags[concession.id] = frozenset(tripped)
    return flags


def position_of(concession: Concession) -> str:
    """The position the term moved to with this concession, when one was given."""
    return concession.position
