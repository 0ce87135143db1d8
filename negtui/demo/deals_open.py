"""The sample deals still being negotiated or prepared."""

from __future__ import annotations

import random

import arrow

from negtui.demo.builder import DealBuilder, start_deal
from negtui.domain.models import Fallback, Research
from negtui.domain.vocab import ContractType, DealStatus, Direction, Influence, MilestoneKind


def northwind(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Northwind data platform", counterparty="Northwind Logistics",
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
    b.milestone(MilestoneKind.DECISION_DEADLINE, 3, "Go or no-go on the 9-month term")
    b.milestone(MilestoneKind.FOLLOW_UP, 3, "Send revised terms sheet")
    return b


def quill(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Quill content partnership", counterparty="Quill Media",
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


def lumen(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Lumen onboarding audit", counterparty="Lumen Bank",
        status=DealStatus.PROSPECT, contract_type=ContractType.FIXED_PRICE, value=12000,
        hours_per_week=8, objective="A short fixed-price audit as a door opener",
        markets=["finance"])
    b.term("Liability cap", "liability", 6, 7, ideal="1x fees", acceptable="2x fees",
           walk_away="3x fees", unit="x fees", more_is_better=False, weight=2)
    b.person("Sofia Reyes", "Lumen Bank", "Operations director", Influence.DECIDES,
             "Formal; procurement-driven")
    b.milestone(MilestoneKind.FOLLOW_UP, 10, "Send capability note")
    return b
