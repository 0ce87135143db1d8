"""The sample deals already agreed, running or over."""

from __future__ import annotations

import random

import arrow

from negtui.demo.builder import DealBuilder, start_deal
from negtui.domain.models import Research
from negtui.domain.vocab import ContractType, DealStatus, Direction, Influence, MilestoneKind


def harbor(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Harbor retainer renewal", counterparty="Harbor Analytics",
        status=DealStatus.ACTIVE, contract_type=ContractType.RETAINER,
        relationship="renewal", value=36000, hours_per_week=12, start=-150, end=30,
        objective="Renew the advisory retainer with a clearer scope and an inflation uplift",
        success_measures=["uplift of 6% or more", "scope capped at 12 hours a week"],
        strategy="future-first", concession_approach="linear",
        batna="Let it lapse and take on the Meridian extension",
        walk_away="No uplift at all, or uncapped hours", markets=["analytics advisory"],
        invoicing_cycle="quarterly", reporting_format="monthly written report",
        research=Research(market="Most of their advisory clients are grocery and fashion "
                                 "retailers; the monthly questions are mostly about pricing."))
    b.term("Monthly fee", "rate", 8, 7, ideal="3,300 EUR", acceptable="3,150 EUR",
           walk_away="3,000 EUR", on_table="3,180 EUR", unit="EUR/month", status="agreed", weight=3,
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


def atlas(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Atlas pricing study", counterparty="Atlas Retail Group",
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


def meridian(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Meridian analytics extension", counterparty="Meridian Health",
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
           on_table="720 EUR", unit="EUR/day", status="agreed", weight=2)
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


def orchard(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Orchard loyalty pilot", counterparty="Orchard Grocers",
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


def tidewater(rng: random.Random, now: arrow.Arrow) -> DealBuilder:
    b = start_deal(
        rng, now, name="Tidewater platform bid", counterparty="Tidewater Energy",
        status=DealStatus.WALKED_AWAY, contract_type=ContractType.FIXED_PRICE, value=60000,
        hours_per_week=0, objective="Fixed bid for a reporting platform",
        walk_away="Unlimited liability", markets=["energy"])
    b.term("Liability", "liability", 9, 9, ideal="1x fees", acceptable="2x fees",
           walk_away="3x fees", on_table="unlimited", unit="x fees", more_is_better=False,
           status="open", weight=3,
           rationale="One incident could end the business",
           consequence="Exposure far above the contract value")
    call = b.call(60, 30, ["Marcus Hale"], "They refused any liability cap; walked away.")
    b.concession(Direction.RECEIVED, "Offered to discuss a cap after signature", "Liability", 1,
                 2, call, 20)
    b.person("Marcus Hale", "Tidewater Energy", "Procurement", Influence.DECIDES, "Rigid")
    b.milestone(MilestoneKind.DECISION_DEADLINE, -58, "Go / no-go", done=True)
    return b
