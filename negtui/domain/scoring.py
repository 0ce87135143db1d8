"""How good a whole package of positions is for us: 0 at walk-away, 100 at ideal.

Each term that can be compared counts by its weight, as in the classic negotiation
support systems: the score is the weighted mean of how far each position sits between
its walk-away (or acceptable) point and its ideal. Terms whose positions cannot be read
are left out and named, rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from negtui.domain.models import Term
from negtui.domain.positions import Verdict, position_at, satisfaction, verdict
from negtui.domain.terms import class_of
from negtui.domain.vocab import TermClass, TermStatus

# Packages within this many points of each other count as "about the same" to us.
EQUAL_WITHIN = 6.0
MAX_PACKAGES = 3
# A term drags the score down when it costs more than this many points: anything less
# would be shown, rounded to whole points, as "-0".
DRAG_POINTS = 0.5

Package = Mapping[str, str]
"""Positions by term id; a term left out stands at its offer on the table."""


@dataclass(frozen=True)
class TermScore:
    term: Term
    satisfaction: float
    share: float
    """The term's weight as a share of all scored weight (0-1)."""

    @property
    def points_lost(self) -> float:
        """How many of the 100 points this term costs the package."""
        return 100.0 * self.share * (1.0 - self.satisfaction)


@dataclass(frozen=True)
class Score:
    value: float | None
    """0-100, or None when no term could be scored."""
    scored: list[TermScore] = field(default_factory=list)
    unscored: list[Term] = field(default_factory=list)

    def drags(self, limit: int = 3) -> list[TermScore]:
        """The terms that pull the score down most, worst first, each costing at least the
        one whole point it is shown as."""
        losing = [item for item in self.scored if item.points_lost > DRAG_POINTS]
        losing.sort(key=lambda item: (-item.points_lost, item.term.name.casefold()))
        return losing[:limit]


def score(terms: Iterable[Term], package: Package | None = None,
          position: str = "on_table") -> Score:
    """Score the positions in ``package`` (by term id), else each term's ``position`` field."""
    package = package or {}
    rated: list[tuple[Term, float]] = []
    unscored: list[Term] = []
    for term in terms:
        text = package.get(term.id, getattr(term, position))
        level = satisfaction(term, text)
        if level is None or term.weight <= 0:
            unscored.append(term)
        else:
            rated.append((term, level))
    total = sum(term.weight for term, _ in rated)
    if not rated or total <= 0:
        return Score(None, [], unscored)
    scored = [TermScore(term, level, term.weight / total) for term, level in rated]
    value = 100.0 * sum(item.share * item.satisfaction for item in scored)
    return Score(max(0.0, min(100.0, value)), scored, unscored)


def why_not_scored(terms: Iterable[Term]) -> str:
    """What to do so the offer on the table can be scored, when ``offer_score`` cannot."""
    terms = list(terms)
    filled = [t for t in terms if t.ideal.strip() and (t.walk_away.strip() or t.acceptable.strip())
              and t.on_table.strip()]
    if not filled:
        return "set ideal, walk-away and the offer on the table to score it"
    if all(t.weight <= 0 for t in filled):
        return "every term with positions has weight 0; give one a weight to score it"
    return ("the positions are words, not numbers: write them as numbers (780 EUR, "
            "45 days) or rank the options to score them")


def offer_score(terms: Iterable[Term]) -> Score:
    """The package on the table."""
    return score(terms)


def batna_score(terms: Iterable[Term]) -> Score | None:
    """Our best alternative, scored on the terms where the user said where it would land."""
    with_batna = [term for term in terms if term.batna.strip()]
    if not with_batna:
        return None
    result = score(with_batna, position="batna")
    return result if result.value is not None else None


@dataclass(frozen=True)
class Alternative:
    """One package to put on the table beside the others: it moves only tradeable terms."""

    positions: dict[str, str]
    """New positions by term id, only for the terms it moves."""
    score: float
    gives: list[str]
    """Names of the terms this package lets fall below acceptable."""


def _held(term: Term, threshold: int) -> str:
    """Where a term stays while others move: settled terms as agreed, hard lines no lower
    than acceptable."""
    if term.status is not TermStatus.OPEN:
        return term.on_table
    if class_of(term, threshold) is TermClass.NON_NEGOTIABLE:
        acceptable_level = satisfaction(term, term.acceptable)
        on_table_level = satisfaction(term, term.on_table)
        if acceptable_level is not None and (on_table_level is None
                                             or on_table_level < acceptable_level):
            return term.acceptable
    return term.on_table


def movable_terms(terms: Iterable[Term], threshold: int) -> list[Term]:
    """Open tradeable and flexible terms whose positions can be compared and that count."""
    movable = [
        term for term in terms
        if term.status is TermStatus.OPEN
        and class_of(term, threshold) is not TermClass.NON_NEGOTIABLE
        and term.weight > 0
        and satisfaction(term, term.ideal) is not None
        and position_at(term, 0.0) is not None
    ]
    # Cheapest to let go first: tradeable before flexible, then by lighter weight.
    movable.sort(key=lambda t: (class_of(t, threshold) is TermClass.FLEXIBLE, t.weight,
                                t.impact_deal + t.impact_portfolio, t.name.casefold()))
    return movable


def target_score(terms: list[Term], threshold: int) -> float | None:
    """What the alternatives aim at: every open term at acceptable, hard lines held, and
    never below the offer already on the table."""
    package = {term.id: _held(term, threshold) for term in terms}
    for term in movable_terms(terms, threshold):
        if term.acceptable.strip():
            package[term.id] = term.acceptable
    aim = score(terms, package).value
    current = score(terms).value
    if aim is None:
        return current
    return max(aim, current) if current is not None else aim


def _build(terms: list[Term], threshold: int,
           levels: dict[str, float]) -> tuple[dict[str, str], float] | None:
    package = {term.id: _held(term, threshold) for term in terms}
    for term in terms:
        if term.id in levels:
            text = position_at(term, levels[term.id])
            if text is None:
                return None
            package[term.id] = text
    value = score(terms, package).value
    if value is None:
        return None
    return package, value


def _levels_for(terms: list[Term], threshold: int, target: float, movable: list[Term],
                giver: Term | None) -> dict[str, float]:
    """Satisfaction levels for the movable terms that bring the package to the target.

    The giver drops to its floor and the others share the rest evenly; when even their
    ideals fall short, the giver climbs back just enough.
    """
    moving = {term.id for term in movable}
    held: list[tuple[Term, float]] = []
    for term in terms:
        level = satisfaction(term, _held(term, threshold))
        if term.id not in moving and level is not None and term.weight > 0:
            held.append((term, level))
    total = sum(term.weight for term, _ in held) + sum(term.weight for term in movable)
    # Points still needed from the movable terms, in units of weight.
    needed = target / 100.0 * total - sum(term.weight * level for term, level in held)
    others = [term for term in movable if giver is None or term.id != giver.id]
    other_weight = sum(term.weight for term in others)
    level = needed / other_weight if other_weight > 0 else 1.0
    levels = {term.id: max(0.0, min(1.0, level)) for term in others}
    if giver is not None:
        rest = needed - other_weight
        levels[giver.id] = max(0.0, min(1.0, rest / giver.weight)) if level > 1.0 else 0.0
    return levels


def alternatives(terms: Iterable[Term], threshold: int,
                 target: float | None = None) -> list[Alternative]:
    """Two or three packages worth about the same to us, each moving tradeable and flexible
    terms differently, so the other side can pick the one that suits them best."""
    terms = list(terms)
    movable = movable_terms(terms, threshold)
    if len(movable) < 2:
        return []
    aim = target if target is not None else target_score(terms, threshold)
    if aim is None:
        return []
    candidates: list[tuple[dict[str, str], float, list[str]]] = []
    for giver in [*movable, None]:
        levels = _levels_for(terms, threshold, aim, movable, giver)
        built = _build(terms, threshold, levels)
        if built is None:
            continue
        package, value = built
        gives = [t.name for t in movable
                 if verdict(t, package[t.id]) in (Verdict.BELOW_ACCEPTABLE,
                                                  Verdict.PAST_WALK_AWAY)]
        candidates.append((package, value, gives))
    chosen: list[Alternative] = []
    seen: set[tuple[str, ...]] = set()
    for package, value, gives in sorted(candidates, key=lambda c: abs(c[1] - aim)):
        if abs(value - aim) > EQUAL_WITHIN:
            continue
        moved = {t.id: package[t.id] for t in movable}
        fingerprint = tuple(moved[t.id] for t in movable)
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        chosen.append(Alternative(moved, value, gives))
        if len(chosen) == MAX_PACKAGES:
            break
    return chosen if len(chosen) >= 2 else []


def package_worth(packages: Sequence[Alternative]) -> str:
    """What the packages are worth to us, read from their own scores as each is shown
    (rounded): "66" when they agree, "63-68" when they differ."""
    shown = sorted({round(package.score) for package in packages})
    if not shown:
        return ""
    return str(shown[0]) if len(shown) == 1 else f"{shown[0]}-{shown[-1]}"
