"""The relationship map: the same person across several deals, in a different role in each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from negtui.domain.book import DealBook
from negtui.domain.models import Stakeholder
from negtui.domain.vocab import Influence

_WEIGHT = list(Influence)


def listing_order(person: Stakeholder) -> tuple[int, str]:
    """Where a deal's stakeholder stands in its lists: who decides first, then who
    influences, then who is informed; by name within each."""
    return _WEIGHT.index(person.influence), person.name.casefold()


@dataclass(frozen=True)
class Appearance:
    deal_id: str
    deal_name: str
    stakeholder: Stakeholder


@dataclass
class Person:
    name: str
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def organisations(self) -> list[str]:
        return sorted({a.stakeholder.organisation for a in self.appearances
                       if a.stakeholder.organisation})

    @property
    def history(self) -> list[str]:
        return [a.stakeholder.history for a in self.appearances if a.stakeholder.history]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def people(books: Iterable[DealBook]) -> list[Person]:
    """Everyone named as a stakeholder, matched by name, people on most deals first."""
    found: dict[str, Person] = {}
    for book in books:
        for stakeholder in book.stakeholders:
            person = found.setdefault(_key(stakeholder.name), Person(stakeholder.name))
            person.appearances.append(Appearance(book.id, book.deal.name, stakeholder))
    for person in found.values():
        person.appearances.sort(key=lambda a: a.deal_name.casefold())
    return sorted(found.values(), key=lambda p: (-len(p.appearances), p.name.casefold()))
