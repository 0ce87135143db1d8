"""Guards that speak up before a hard line is crossed while conceding.

Three rules, shared by the app and ``negtui log``:

* giving on a non-negotiable term needs a deliberate yes, after reading why it is one;
* a give that moves a term past its walk-away point is marked and warned about;
* too many gives in a row with nothing received back (``Settings.unreciprocated_limit``)
  raises an "unreciprocated" warning;
* a new position that cannot be compared with the term's walk-away point ("12 months"
  against "logistics, 12 months") is said so, never taken as safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from negtui.domain.models import Concession, Settings, Term
from negtui.domain.positions import Verdict, verdict, with_unit
from negtui.domain.terms import class_of
from negtui.domain.vocab import Direction, TermClass
from negtui.domain.words import counted


class Guard(StrEnum):
    NON_NEGOTIABLE = "non-negotiable"
    PAST_WALK_AWAY = "past walk-away"
    UNRECIPROCATED = "unreciprocated"
    UNCOMPARABLE = "not comparable"


# One letter per guard for the log's flags column, in the order they are shown. A position
# that could not be compared is said so while it is typed, not flagged afterwards.
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


def _tripped(direction: Direction, term: Term | None, position: str | None, in_a_row: int,
             settings: Settings) -> list[GuardWarning]:
    """The one statement of the rules: what a concession trips, given how many gives in a
    row it makes."""
    if direction is not Direction.GIVEN:
        return []
    warnings: list[GuardWarning] = []
    if term is not None and is_non_negotiable(term, settings):
        warnings.append(GuardWarning(
            Guard.NON_NEGOTIABLE, f"{term.name} is a non-negotiable",
            rationale=term.rationale, consequence=term.consequence,
        ))
    if term is not None and position:
        where = verdict(term, position)
        if where is Verdict.PAST_WALK_AWAY:
            warnings.append(GuardWarning(
                Guard.PAST_WALK_AWAY,
                f"{with_unit(term, position)} is past the walk-away point of {term.name} "
                f"({with_unit(term, term.walk_away)})",
            ))
        elif where is Verdict.UNKNOWN and term.walk_away \
                and not _one_of_its_own(term, position):
            warnings.append(GuardWarning(
                Guard.UNCOMPARABLE,
                f"{with_unit(term, position)} cannot be compared with the walk-away point of "
                f"{term.name} ({with_unit(term, term.walk_away)}); check it yourself",
            ))
    if in_a_row >= settings.unreciprocated_limit:
        warnings.append(GuardWarning(
            Guard.UNRECIPROCATED,
            f"{counted(in_a_row, 'concession')} given in a row with nothing received back",
        ))
    return warnings


def _one_of_its_own(term: Term, position: str) -> bool:
    """The position is word for word one the term's preparation wrote down (its ideal,
    acceptable or walk-away point): it is not past the walk-away, though not a number."""
    def words(text: str) -> str:
        return " ".join(text.casefold().split())

    typed = words(position)
    return any(typed == words(own) for own in (term.ideal, term.acceptable, term.walk_away)
               if own.strip())


def check_concession(direction: Direction, term: Term | None, position: str | None,
                     log: Sequence[Concession], settings: Settings) -> list[GuardWarning]:
    """What to warn about before logging a concession; ``log`` is the deal's log so far."""
    return _tripped(direction, term, position, gives_in_a_row(log) + 1, settings)


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


class FlagRun:
    """The flags of a log worked out entry by entry, oldest first: after the entries of a
    log, each entry logged after them is flagged without going over the log again."""

    def __init__(self, terms: Sequence[Term], settings: Settings) -> None:
        self._terms = {term.id: term for term in terms}
        self._settings = settings
        self._in_a_row = 0

    def flags(self, concession: Concession) -> frozenset[Guard]:
        """What the next live entry of the log tripped."""
        given = concession.direction is not Direction.RECEIVED
        self._in_a_row = self._in_a_row + 1 if given else 0
        tripped = _tripped(concession.direction, self._terms.get(concession.term_id or ""),
                           position_of(concession), self._in_a_row, self._settings)
        return frozenset(w.guard for w in tripped if w.guard in FLAG_LETTERS)


def log_flags(log: Sequence[Concession], terms: Sequence[Term],
              settings: Settings) -> dict[str, frozenset[Guard]]:
    """The guards each live entry tripped when it was logged, by concession id.

    Worked out again from the log rather than stored, so they follow the terms' current
    ratings and walk-away points.
    """
    run = FlagRun(terms, settings)
    return {concession.id: run.flags(concession) for concession in in_order(log)}


def position_of(concession: Concession) -> str:
    """The position the term moved to with this concession, when one was given."""
    return concession.position
