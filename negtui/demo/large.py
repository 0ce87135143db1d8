"""The benchmark portfolio: 200 deals, 5,000 terms, 50,000 concessions, 5,000 milestones."""

from __future__ import annotations

import random

from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.ids import new_id
from negtui.domain.models import Concession, Deal, Milestone, Settings, Term
from negtui.domain.vocab import (
    ContractType,
    DealStatus,
    Direction,
    MilestoneKind,
    TermCategory,
    TermStatus,
)

SEED = 5_000_200
DEALS = 200
TERMS_PER_DEAL = 25
CONCESSIONS_PER_DEAL = 250
MILESTONES_PER_DEAL = 25

_COMPANIES = ["Alder", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Granite", "Heron", "Iris",
              "Juniper", "Kestrel", "Linden", "Maple", "Nimbus", "Onyx", "Pine", "Quartz",
              "Raven", "Sable", "Thistle"]
_KINDS = ["Systems", "Labs", "Health", "Retail", "Media", "Logistics", "Energy", "Bank", "Group",
          "Studio"]
_MARKETS = ["data", "retail", "health", "finance", "media", "energy", "logistics", "education"]
_ACTIONS = ["Moved", "Accepted", "Extended", "Dropped", "Capped", "Split", "Waived", "Added"]


def large_portfolio(clock: Clock, deals: int = DEALS) -> tuple[Settings, list[DealBook]]:
    """``deals`` other than 200 is for measuring how costs grow; the first 200 deals are
    the same whatever the number."""
    rng = random.Random(SEED)
    now = clock().to("UTC").replace(microsecond=0)
    statuses = list(DealStatus)
    books = []
    for number in range(deals):
        company = f"{rng.choice(_COMPANIES)} {rng.choice(_KINDS)}"
        start = rng.randint(-300, 60)
        deal = Deal(
            id=new_id("d", rng), name=f"{company} contract {number + 1:03d}",
            counterparty=company, status=statuses[number % len(statuses)],
            contract_type=rng.choice(list(ContractType)),
            value=float(rng.randrange(5_000, 250_000, 500)),
            hours_per_week=float(rng.choice([0, 2, 4, 6, 8, 10, 12, 16])),
            start=now.shift(days=start).date(),
            end=now.shift(days=start + rng.randint(30, 400)).date(),
            objective=f"Agree a workable contract with {company}",
            markets=rng.sample(_MARKETS, 2),
        )
        book = DealBook(deal=deal)
        for index in range(TERMS_PER_DEAL):
            deal_impact, portfolio_impact = rng.randint(1, 10), rng.randint(1, 10)
            needs_reason = deal_impact >= 7 and portfolio_impact >= 7
            book.terms.append(Term(
                id=new_id("t", rng), name=f"Term {index + 1}",
                category=rng.choice(list(TermCategory)), impact_deal=deal_impact,
                impact_portfolio=portfolio_impact, status=rng.choice(list(TermStatus)),
                rationale="Protects the rest of the portfolio" if needs_reason else "",
                consequence="Knock-on loss in other deals" if needs_reason else "",
                weight=float(rng.randint(1, 3)),
            ))
        for index in range(CONCESSIONS_PER_DEAL):
            term = rng.choice(book.terms)
            book.concessions.append(Concession(
                id=new_id("c", rng), direction=rng.choice(list(Direction)),
                what=f"{rng.choice(_ACTIONS)} {term.name.lower()} by a notch (#{index + 1})",
                term_id=term.id, value_us=rng.randint(1, 10), value_them=rng.randint(1, 10),
                at=now.shift(days=-rng.randint(0, 400), minutes=-rng.randint(0, 1440)).datetime,
            ))
        for index in range(MILESTONES_PER_DEAL):
            book.milestones.append(Milestone(
                id=new_id("m", rng), kind=rng.choice(list(MilestoneKind)),
                title=f"Milestone {index + 1}",
                due=now.shift(days=rng.randint(-200, 200), hours=rng.randint(8, 17))
                .replace(minute=0, second=0).datetime,
                done=rng.random() < 0.4,
            ))
        books.append(book)
    return Settings(capacity_hours=40), books
