"""A small, realistic portfolio of eight deals, dated relative to the app's clock."""

from __future__ import annotations

import random

import arrow

from negtui.demo.deals_open import lumen, northwind, quill
from negtui.demo.deals_settled import atlas, harbor, meridian, orchard, tidewater
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.ids import new_id
from negtui.domain.models import AgendaItem, Lesson, Settings, ValueItem, Workstream

SEED = 20261121


def demo_portfolio(clock: Clock) -> tuple[Settings, list[DealBook]]:
    rng = random.Random(SEED)
    now = clock().to("UTC").replace(microsecond=0)
    settings = Settings(capacity_hours=40, default_currency="EUR")
    books = [
        northwind(rng, now), harbor(rng, now), atlas(rng, now), meridian(rng, now),
        quill(rng, now), lumen(rng, now), orchard(rng, now), tidewater(rng, now),
    ]
    _preparation_records(now, [b.book for b in books])
    return settings, [b.book for b in books]


def _preparation_records(now: arrow.Arrow, books: list[DealBook]) -> None:
    """Value maps, agendas, onboarding plans and lessons. A separate seed keeps the ids of
    everything above unchanged."""
    rng = random.Random(SEED + 7)
    by_name = {book.deal.name.split()[0]: book for book in books}

    def lesson(name: str, days_ago: int, worked: str, did_not: str, why: str) -> None:
        book = by_name[name]
        book.lessons.append(Lesson(id=new_id("l", rng), deal_id=book.id, worked=worked,
                                   did_not=did_not, why=why,
                                   at=now.shift(days=-days_ago).datetime))

    def stream(name: str, workstream: str, owner: str, objective: str, cadence: str) -> None:
        by_name[name].onboarding.append(Workstream(
            id=new_id("w", rng), name=workstream, owner=owner, kickoff_objective=objective,
            review_cadence=cadence))

    northwind = by_name["Northwind"]
    northwind.value_map += [
        ValueItem(id=new_id("v", rng), benefit_us="A nine-month commitment",
                  benefit_them="A lower day rate than the market",
                  obligation="Rate review after six months"),
        ValueItem(id=new_id("v", rng), benefit_us="Net 30 payment",
                  benefit_them="Weekly status email instead of demos",
                  obligation="Invoices sent by the 3rd of each month"),
    ]
    northwind.agenda += [
        AgendaItem(id=new_id("g", rng), topic="Payment terms", minutes=15,
                   framing="Three parallel contracts: cash flow decides what I can commit",
                   alternative="Net 30 keeps the team on your project, not chasing invoices"),
        AgendaItem(id=new_id("g", rng), topic="Tooling IP", minutes=10,
                   framing="You get a perpetual licence; the toolkit stays mine",
                   alternative="Joint roadmap for the parts built only for you"),
    ]
    stream("Harbor", "Advisory hours", "Mia Okafor", "Agree the monthly question list",
           "monthly")
    stream("Harbor", "Written report", "me", "Settle the report template", "quarterly")
    stream("Atlas", "Discovery", "Ama Mensah", "Data access and the list of stores",
           "weekly")
    stream("Atlas", "Steering", "Jonas Berg", "", "fortnightly steering committee")
    lesson("Orchard", 38, "A small paid pilot opened the door to the category team",
           "Gave up the named case study for nothing in return",
           "I treated the reference as tradeable when it mattered for the next retail deals")
    lesson("Tidewater", 58, "Setting a go / no-go date kept the bid from dragging on",
           "Spent twenty hours on the bid before asking about liability",
           "Non-negotiables were not raised in the first call")
    lesson("Meridian", 55, "A written change process ended scope arguments",
           "Agreed a 12-month exclusivity in health analytics too early",
           "Fixed the rate first, then had nothing left to trade for exclusivity")
    lesson("Harbor", 140, "Capping hours in the contract, not in an email",
           "Monthly slides took three hours each", "Nobody read them; a written note does")
