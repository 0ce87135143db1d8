"""A small, realistic portfolio of eight deals, dated relative to the app's clock."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import arrow

from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.ids import new_id
from negtui.domain.models import (
    AgendaItem,
    Call,
    Concession,
    Deal,
    Fallback,
    Lesson,
    Milestone,
    Research,
    Risk,
    Scenario,
    Settings,
    Stakeholder,
    Term,
    ValueItem,
    Workstream,
)
from negtui.domain.vocab import (
    ContractType,
    DealStatus,
    Direction,
    Influence,
    MilestoneKind,
    ScenarioKind,
)

SEED = 20261121


@dataclass
class _Builder:
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


def _deal(rng: random.Random, now: arrow.Arrow, **fields: Any) -> _Builder:
    for key in ("start", "end"):
        if key in fields:
            fields[key] = now.shift(days=fields[key]).date()
    return _Builder(rng, now, DealBook(deal=Deal(id=new_id("d", rng), **fields)))


def demo_portfolio(clock: Clock) -> tuple[Settings, list[DealBook]]:
    rng = random.Random(SEED)
    now = clock().to("UTC").replace(microsecond=0)
    settings = Settings(capacity_hours=40, default_currency="EUR")
    books = [
        _northwind(rng, now), _harbor(rng, now), _atlas(rng, now), _meridian(rng, now),
        _quill(rng, now), _lumen(rng, now), _orchard(rng, now), _tidewater(rng, now),
    ]
    _preparation_records(now, [b.book for b in books])
    return settings, [b.book for b in books]


def _northwind(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Northwind data platform", counterparty="Northwind Logistics",
              status=DealStatus.NEGOTIATING, contract_type=ContractType.TIME_AND_MATERIALS,
              value=84000, hours_per_week=16, start=14, end=200,
              objective="Lead the rebuild of their shipment data platform at a sustainable rate",
              success_measures=["day rate of 780 or more", "payment within 30 days",
                                "no exclusivity beyond logistics"],
              strategy="risk-first", concession_approach="package",
              batna="Extend the Harbor retainer by ten hours a week at the current rate",
              walk_away="Below 700 a day, or any clause that gives them my tooling",
              markets=["logistics", "data engineering"], invoicing_cycle="monthly",
              reporting_format="weekly status email",
              research=Research(
                  contract_terms="Their standard paper asks for net 60 and broad IP assignment.",
                  market="Senior data engineers in the region bill 650 to 900 a day.",
                  culture="Engineering-led; procurement joins late and pushes on payment terms.",
                  decision_maker="CTO decides; the procurement lead can delay but not veto.",
                  industry_trends="Freight margins are thin this year; they watch cash closely.",
                  personal_fit="Good team, but the on-call expectation needs to be capped."))
    b.term("Day rate", "rate", 9, 8, must_have=True, ideal="820 EUR", acceptable="760 EUR",
           walk_away="700 EUR", on_table="740 EUR", unit="EUR/day", weight=3, batna="720 EUR",
           rationale="Sets the floor for every other data contract this year",
           consequence="Every renewal after this one starts lower",
           fallback=Fallback(position="780 EUR with a 6-month review",
                             decide_by=now.shift(days=5).datetime),
           offer_expires=now.shift(days=9).replace(hour=17, minute=0).datetime)
    b.term("Payment terms", "payment schedule", 7, 7, ideal="14 days", acceptable="30 days",
           walk_away="45 days", on_table="60 days", unit="days", more_is_better=False, weight=2,
           batna="30 days",
           rationale="Cash flow across three parallel contracts depends on it",
           consequence="A month of unpaid work stacked on the other deals",
           fallback=Fallback(position="30 days with 2% early payment discount",
                             decide_by=now.shift(days=3).datetime))
    b.term("Tooling IP", "IP", 8, 9, must_have=True, ideal="licence only",
           acceptable="licence only", walk_away="licence only", on_table="full assignment",
           batna="licence only",
           options=["licence only", "joint ownership", "full assignment"],
           rationale="The pipeline toolkit is reused in four other contracts",
           consequence="Could not deliver Atlas or Meridian with my own tools", weight=3)
    b.term("Exclusivity", "exclusivity", 6, 8, ideal="none", acceptable="logistics only",
           walk_away="logistics, 6 months", on_table="logistics, 12 months", weight=2,
           batna="none",
           options=["none", "logistics only", "logistics, 6 months", "logistics, 12 months"])
    b.term("Travel", "other", 3, 2, ideal="fully remote", acceptable="2 days a month on site",
           walk_away="1 day a week", on_table="1 day a week", weight=1, batna="fully remote",
           options=["fully remote", "2 days a month on site", "1 day a week"])
    b.term("Reporting", "governance/reporting", 4, 3, ideal="fortnightly demo",
           acceptable="weekly email", on_table="weekly email", status="agreed", weight=1)
    b.term("On-call", "scope", 5, 6, ideal="none", acceptable="business hours",
           walk_away="one week a month", on_table="business hours", weight=1)
    first = b.call(9, 50, ["Dana Whitfield", "Raj Patel"], "Scope walk-through; rate raised.")
    second = b.call(2, 40, ["Raj Patel", "Olga Brandt"], "Procurement joined; pushed net 60.")
    b.concession(Direction.GIVEN, "Accepted one on-site day a week", "Travel", 2, 6, first, 12)
    b.concession(Direction.RECEIVED, "Reporting reduced to a weekly email", "Reporting", 4, 3,
                 first, 25)
    b.concession(Direction.GIVEN, "Dropped rate from 820 to 780", "Day rate", 6, 7, first, 38)
    b.concession(Direction.GIVEN, "On-call limited to business hours, not removed", "On-call",
                 3, 5, second, 10)
    b.concession(Direction.GIVEN, "Offered 740 for a 9-month commitment", "Day rate", 5, 6,
                 second, 22, note="Crosses acceptable; check against BATNA before next call")
    b.person("Dana Whitfield", "Northwind Logistics", "CTO", Influence.DECIDES,
             "Direct, likes numbers early", "Worked together at a previous client in 2023")
    b.person("Raj Patel", "Northwind Logistics", "Head of data", Influence.INFLUENCES,
             "Collaborative; wants the project to succeed")
    b.person("Olga Brandt", "Northwind Logistics", "Procurement lead", Influence.INFLUENCES,
             "Anchors hard on payment terms")
    b.scenarios("780 a day, net 30, licence-only IP",
                "750 a day, net 45, exclusivity limited to logistics for 6 months",
                "They insist on IP assignment: walk away and extend Harbor")
    b.risk("Scope grows into a platform team lead role", 3, 4, "us",
           "Write the deliverables list into the statement of work")
    b.risk("Procurement delays signature past the start date", 4, 3, "both",
           "Agree a letter of intent for the first month")
    b.milestone(MilestoneKind.PREP_BLOCK, -3, "Prepare rate justification", done=True)
    b.milestone(MilestoneKind.CALL, -2, "Second negotiation call", done=True)
    b.milestone(MilestoneKind.CALL, 1, "Third call with procurement", duration_minutes=45,
                reminder_minutes=30)
    b.milestone(MilestoneKind.OFFER_EXPIRY, 2, "Their offer expires")
    b.milestone(MilestoneKind.DECISION_DEADLINE, 3, "Decide on payment fallback")
    b.milestone(MilestoneKind.FOLLOW_UP, 3, "Send revised terms sheet")
    return b


def _harbor(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Harbor retainer renewal", counterparty="Harbor Analytics",
              status=DealStatus.ACTIVE, contract_type=ContractType.RETAINER,
              relationship="renewal", value=36000, hours_per_week=12, start=-150, end=30,
              objective="Renew the advisory retainer with a clearer scope and an inflation uplift",
              success_measures=["uplift of 6% or more", "scope capped at 12 hours a week"],
              strategy="future-first", concession_approach="linear",
              batna="Let it lapse and take on the Meridian extension",
              walk_away="No uplift at all, or uncapped hours", markets=["analytics advisory"],
              invoicing_cycle="quarterly", reporting_format="monthly written report")
    b.term("Monthly fee", "rate", 8, 7, ideal="3,300 EUR", acceptable="3,150 EUR",
           walk_away="3,000 EUR", on_table="3,180 EUR", status="agreed", weight=3,
           rationale="Retainers anchor my minimum monthly income",
           consequence="Income floor drops below fixed costs")
    b.term("Hours cap", "scope", 8, 8, ideal="10 h/week", acceptable="12 h/week",
           walk_away="14 h/week", on_table="12 h/week", status="agreed", weight=2,
           more_is_better=False,
           rationale="Capacity for the other deals", consequence="Overbooked every month")
    b.term("Renewal notice", "renewal", 4, 5, ideal="90 days", acceptable="60 days",
           on_table="60 days", status="agreed", weight=1)
    b.term("Report format", "governance/reporting", 2, 2, ideal="slides",
           acceptable="written report", on_table="written report", status="conceded", weight=1)
    call = b.call(40, 30, ["Mia Okafor"], "Renewal terms agreed in principle.")
    b.concession(Direction.RECEIVED, "Fee uplift to 3,180", "Monthly fee", 6, 4, call, 8)
    b.concession(Direction.GIVEN, "Monthly written report instead of slides", "Report format",
                 1, 3, call, 15)
    b.person("Mia Okafor", "Harbor Analytics", "Managing director", Influence.DECIDES,
             "Relationship first; dislikes haggling", "Client since 2024")
    b.person("Raj Patel", "Harbor Analytics", "Former analytics lead", Influence.INFORMS,
             "Moved to Northwind; still a reference")
    b.milestone(MilestoneKind.REVIEW, -20, "Quarterly review", done=True)
    b.milestone(MilestoneKind.CHECKPOINT, -4, "Checkpoint: hours against cap")
    b.milestone(MilestoneKind.RENEWAL, 9, "Renewal notice window opens")
    b.milestone(MilestoneKind.REVIEW, 25, "Quarterly review")
    return b


def _atlas(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Atlas pricing study", counterparty="Atlas Retail Group",
              status=DealStatus.AGREED, contract_type=ContractType.FIXED_PRICE, value=28000,
              hours_per_week=14, start=7, end=70,
              objective="A fixed-price pricing study with a paid discovery phase",
              success_measures=["discovery billed separately", "50% on signature"],
              strategy="value-first", concession_approach="package",
              batna="Offer the same study to Orchard", walk_away="No upfront payment",
              markets=["retail pricing"], invoicing_cycle="milestone-based",
              reporting_format="steering committee deck")
    b.term("Price", "rate", 9, 6, ideal="32,000 EUR", acceptable="28,000 EUR",
           walk_away="25,000 EUR", on_table="28,000 EUR", status="agreed", weight=3)
    b.term("Upfront payment", "payment schedule", 8, 8, ideal="50%", acceptable="40%",
           walk_away="30%", on_table="50%", status="agreed", weight=2,
           rationale="Fixed price work carries all the delivery risk",
           consequence="Financing their project out of my own pocket")
    b.term("Change requests", "scope", 7, 5, ideal="billed at day rate",
           acceptable="two included", on_table="two included", status="agreed", weight=2)
    b.term("Exclusivity in retail pricing", "non-compete", 5, 8, ideal="none",
           acceptable="6 months, named competitors", on_table="6 months, named competitors",
           status="agreed", weight=2)
    call = b.call(12, 55, ["Jonas Berg", "Ama Mensah"], "Price agreed; discovery split out.")
    b.concession(Direction.GIVEN, "Two change requests included", "Change requests", 4, 6,
                 call, 20)
    b.concession(Direction.RECEIVED, "50% paid on signature", "Upfront payment", 8, 3, call, 31)
    b.concession(Direction.GIVEN, "Six-month non-compete on named retail competitors",
                 "Exclusivity in retail pricing", 5, 7, call, 44)
    b.person("Jonas Berg", "Atlas Retail Group", "Commercial director", Influence.DECIDES,
             "Analytical; wants options side by side")
    b.person("Ama Mensah", "Atlas Retail Group", "Pricing manager", Influence.INFLUENCES,
             "Future day-to-day contact")
    b.scenarios("Signed this week with discovery paid", "Signed within two weeks",
                "Legal stalls on liability cap")
    b.risk("Data access delayed by their IT", 4, 4, "us", "Start date moves with data access")
    b.milestone(MilestoneKind.SIGNING, 1, "Signature")
    b.milestone(MilestoneKind.KICKOFF, 7, "Kickoff workshop", duration_minutes=120)
    b.milestone(MilestoneKind.CHECKPOINT, 35, "Mid-study checkpoint")
    return b


def _meridian(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Meridian analytics extension", counterparty="Meridian Health",
              status=DealStatus.ACTIVE, contract_type=ContractType.TIME_AND_MATERIALS,
              relationship="renewal", value=52000, hours_per_week=18, start=-60, end=120,
              objective="Extend the analytics engagement with a proper change process",
              strategy="future-first", concession_approach="portfolio",
              batna="Focus on Northwind and Atlas", walk_away="Rate cut on renewal",
              markets=["healthcare", "data engineering"], invoicing_cycle="monthly",
              reporting_format="fortnightly dashboard")
    b.term("Data handling", "data rights", 9, 9, ideal="processor only",
           acceptable="processor only", walk_away="processor only", on_table="processor only",
           status="agreed", rationale="Health data: regulatory exposure",
           consequence="Personal liability for a breach", weight=3)
    b.term("Day rate", "rate", 7, 6, ideal="760 EUR", acceptable="720 EUR", walk_away="700 EUR",
           on_table="720 EUR", status="agreed", weight=2)
    b.term("Exclusivity in health analytics", "exclusivity", 6, 7, ideal="none",
           acceptable="none", on_table="12 months in health analytics", status="agreed", weight=2)
    b.person("Lena Vogel", "Meridian Health", "Head of analytics", Influence.DECIDES,
             "Careful, documents everything")
    b.person("Dana Whitfield", "Meridian Health", "Advisory board member", Influence.INFORMS,
             "Also CTO at Northwind")
    b.milestone(MilestoneKind.REVIEW, -10, "Monthly review", done=True)
    b.milestone(MilestoneKind.REVIEW, 2, "Monthly review")
    b.milestone(MilestoneKind.CHECKPOINT, 3, "Dashboard sign-off")
    return b


def _quill(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Quill content partnership", counterparty="Quill Media",
              status=DealStatus.PREPARING, contract_type=ContractType.REVENUE_SHARE,
              value=15000, hours_per_week=6, start=30, end=395,
              objective="A revenue share on a course built together, with a guaranteed minimum",
              strategy="value-first", concession_approach="package",
              batna="Publish the course independently", walk_away="No minimum guarantee",
              markets=["education"], invoicing_cycle="quarterly",
              reporting_format="quarterly sales statement")
    b.term("Revenue share", "rate", 8, 5, ideal="50%", acceptable="40%", walk_away="30%",
           weight=3)
    b.term("Course IP", "IP", 7, 8, ideal="co-owned", acceptable="licence back to me",
           walk_away="licence back to me", weight=2,
           rationale="The material is the base of my workshops",
           consequence="Could no longer run my own workshops")
    b.term("Audit rights", "governance/reporting", 4, 4, ideal="annual audit",
           acceptable="quarterly statements", weight=1)
    b.person("Theo Lindqvist", "Quill Media", "Partnerships lead", Influence.DECIDES,
             "Friendly, slow to commit")
    b.milestone(MilestoneKind.PREP_BLOCK, 4, "Draft revenue model")
    b.milestone(MilestoneKind.CALL, 6, "First partnership call")
    return b


def _lumen(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Lumen onboarding audit", counterparty="Lumen Bank",
              status=DealStatus.PROSPECT, contract_type=ContractType.FIXED_PRICE, value=12000,
              hours_per_week=8, objective="A short fixed-price audit as a door opener",
              markets=["finance"])
    b.term("Liability cap", "liability", 6, 7, ideal="fees paid", acceptable="2x fees",
           walk_away="3x fees", weight=2)
    b.person("Sofia Reyes", "Lumen Bank", "Operations director", Influence.DECIDES,
             "Formal; procurement-driven")
    b.milestone(MilestoneKind.FOLLOW_UP, 10, "Send capability note")
    return b


def _orchard(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Orchard loyalty pilot", counterparty="Orchard Grocers",
              status=DealStatus.CLOSED, contract_type=ContractType.FIXED_PRICE, value=9000,
              hours_per_week=0, start=-220, end=-40,
              objective="Pilot a loyalty analysis and turn it into a reference case",
              markets=["retail"], invoicing_cycle="on completion")
    b.term("Reference case", "other", 5, 7, ideal="named case study", acceptable="anonymised",
           on_table="anonymised", status="agreed", weight=1)
    call = b.call(230, 45, ["Priya Nair"], "Pilot scoped and priced.")
    b.concession(Direction.GIVEN, "Anonymised case study instead of named", "Reference case",
                 3, 5, call, 30)
    b.person("Priya Nair", "Orchard Grocers", "Marketing lead", Influence.DECIDES, "Energetic")
    b.milestone(MilestoneKind.REVIEW, -35, "Close-out review", done=True)
    return b


def _tidewater(rng: random.Random, now: arrow.Arrow) -> _Builder:
    b = _deal(rng, now, name="Tidewater platform bid", counterparty="Tidewater Energy",
              status=DealStatus.WALKED_AWAY, contract_type=ContractType.FIXED_PRICE, value=60000,
              hours_per_week=0, objective="Fixed bid for a reporting platform",
              walk_away="Unlimited liability", markets=["energy"])
    b.term("Liability", "liability", 9, 9, ideal="fees paid", acceptable="2x fees",
           walk_away="3x fees", on_table="unlimited", status="open", weight=3,
           rationale="One incident could end the business",
           consequence="Exposure far above the contract value")
    call = b.call(60, 30, ["Marcus Hale"], "They refused any liability cap; walked away.")
    b.concession(Direction.RECEIVED, "Offered to discuss a cap after signature", "Liability", 1,
                 2, call, 20)
    b.person("Marcus Hale", "Tidewater Energy", "Procurement", Influence.DECIDES, "Rigid")
    b.milestone(MilestoneKind.DECISION_DEADLINE, -58, "Go / no-go", done=True)
    return b


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
