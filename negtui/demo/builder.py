"""Building a sample deal: each record gets an id from one seeded generator, so the
same clock always gives the same portfolio."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import arrow

from negtui.domain.balance import call_summary
from negtui.domain.book import DealBook
from negtui.domain.ids import new_id
from negtui.domain.models import (
    Call,
    Concession,
    Deal,
    Milestone,
    Risk,
    Scenario,
    Stakeholder,
    Term,
)
from negtui.domain.vocab import Direction, Influence, MilestoneKind, ScenarioKind


@dataclass
class DealBuilder:
    """Collects one deal's records, giving each a reproducible id."""

    rng: random.Random
    now: arrow.Arrow
    book: DealBook
    term_ids: dict[str, str] = field(default_factory=dict)

    def term(self, name: str, category: str, deal: int, portfolio: int, **extra: Any) -> None:
        term = Term(id=new_id("t", self.rng), name=name, category=category,
                    impact_deal=deal, impact_portfolio=portfolio, **extra)
        self.term_ids[name] = term.id
        self.book.terms.append(term)

    def milestone(self, kind: MilestoneKind, days: float, title: str, done: bool = False,
                  **extra: Any) -> None:
        due = self.now.shift(days=days).replace(minute=0, second=0, microsecond=0)
        self.book.milestones.append(
            Milestone(id=new_id("m", self.rng), kind=kind, title=title, due=due.datetime,
                      done=done, **extra)
        )

    def call(self, days_ago: float, minutes: int, attendees: list[str], notes: str) -> str:
        start = self.now.shift(days=-days_ago).replace(second=0, microsecond=0)
        call = Call(id=new_id("k", self.rng), started=start.datetime,
                    ended=start.shift(minutes=minutes).datetime, attendees=attendees, notes=notes)
        self.book.calls.append(call)
        return call.id

    def concession(self, direction: Direction, what: str, term: str | None, us: int, them: int,
                   call_id: str | None, minutes_after: int, **extra: Any) -> None:
        call = next((c for c in self.book.calls if c.id == call_id), None)
        base = arrow.get(call.started) if call else self.now.shift(days=-1)
        self.book.concessions.append(
            Concession(id=new_id("c", self.rng), direction=direction, what=what,
                       term_id=self.term_ids.get(term) if term else None, value_us=us,
                       value_them=them, at=base.shift(minutes=minutes_after).datetime,
                       call_id=call_id, **extra)
        )
        if call is not None:  # the account a call gets as it ends, with this one in it
            in_call = [c for c in self.book.concessions if c.call_id == call.id]
            index = self.book.calls.index(call)
            self.book.calls[index] = call.model_copy(
                update={"summary": call_summary(in_call, self.book.terms)})

    def person(self, name: str, organisation: str, role: str, influence: Influence, style: str,
               history: str = "") -> None:
        self.book.stakeholders.append(
            Stakeholder(id=new_id("s", self.rng), name=name, organisation=organisation, role=role,
                        influence=influence, style=style, history=history)
        )

    def scenarios(self, best: str, expected: str, worst: str) -> None:
        for kind, outcome in ((ScenarioKind.BEST, best), (ScenarioKind.EXPECTED, expected),
                              (ScenarioKind.WORST, worst)):
            self.book.scenarios.append(Scenario(id=new_id("x", self.rng), kind=kind,
                                                outcome=outcome))

    def risk(self, risk: str, likelihood: int, impact: int, bearer: str, mitigation: str) -> None:
        self.book.risks.append(Risk(id=new_id("r", self.rng), risk=risk, likelihood=likelihood,
                                    impact=impact, bearer=bearer, mitigation=mitigation))


def start_deal(rng: random.Random, now: arrow.Arrow, **fields: Any) -> DealBuilder:
    """A builder for a new deal; ``start`` and ``end`` are given in days from now."""
    for key in ("start", "end"):
        if key in fields:
            fields[key] = now.shift(days=fields[key]).date()
    return DealBuilder(rng, now, DealBook(deal=Deal(id=new_id("d", rng), **fields)))
