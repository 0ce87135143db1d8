"""The terms that usually come up for each kind of contract, ready to be rated.

Each comes with a category, a starting weight for scoring offers and, where it helps,
a unit and direction or a ranked list of options (best for us first). Ratings stay at
the middle of the scale: how much a term matters is for the user to say.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from negtui.domain.ids import new_id
from negtui.domain.models import Term
from negtui.domain.vocab import ContractType, TermCategory


@dataclass(frozen=True)
class TemplateTerm:
    name: str
    category: TermCategory
    weight: float
    unit: str = ""
    more_is_better: bool = True
    options: list[str] = field(default_factory=list)


C = TermCategory

_REMOTE = ["fully remote", "on site now and then", "on site every week"]
_IP = ["licence to use, we keep ownership", "joint ownership", "full assignment to them"]
_LIABILITY = ["capped at fees paid", "capped at twice the fees", "no cap"]
_EXCLUSIVITY = ["none", "named competitors only", "the whole sector"]

TEMPLATES: dict[ContractType, list[TemplateTerm]] = {
    ContractType.FIXED_PRICE: [
        TemplateTerm("Total price", C.RATE, 3, "EUR"),
        TemplateTerm("Share paid upfront", C.PAYMENT_SCHEDULE, 2, "%"),
        TemplateTerm("What is in scope", C.SCOPE, 3, options=[
            "written list of deliverables", "outcomes described", "left open"]),
        TemplateTerm("Changes to scope", C.SCOPE, 2, options=[
            "each change quoted separately", "a few small changes included",
            "absorbed in the price"]),
        TemplateTerm("Time to accept a delivery", C.DELIVERABLES, 1, "days",
                     more_is_better=False),
        TemplateTerm("Warranty on deliverables", C.DELIVERABLES, 1, "days",
                     more_is_better=False),
        TemplateTerm("Ownership of what is built", C.IP, 2, options=_IP),
        TemplateTerm("Liability", C.LIABILITY, 2, options=_LIABILITY),
        TemplateTerm("Payment after invoice", C.INVOICING, 1, "days", more_is_better=False),
    ],
    ContractType.TIME_AND_MATERIALS: [
        TemplateTerm("Day rate", C.RATE, 3, "EUR/day"),
        TemplateTerm("Payment after invoice", C.PAYMENT_SCHEDULE, 2, "days",
                     more_is_better=False),
        TemplateTerm("Guaranteed days a month", C.TIMELINE, 2, "days"),
        TemplateTerm("Rate review", C.RENEWAL, 1, options=[
            "indexed every year", "reviewed on request", "fixed for the whole term"]),
        TemplateTerm("Notice to end the contract", C.TERMINATION, 2, "days"),
        TemplateTerm("Ownership of my tools", C.IP, 2, options=_IP),
        TemplateTerm("Working on site", C.OTHER, 1, options=_REMOTE),
        TemplateTerm("Extra hours", C.SCOPE, 1, options=[
            "billed at a premium", "billed at the normal rate", "not billed"]),
        TemplateTerm("Timesheet sign-off", C.INVOICING, 1, "days", more_is_better=False),
    ],
    ContractType.RETAINER: [
        TemplateTerm("Monthly fee", C.RATE, 3, "EUR/month"),
        TemplateTerm("Hours included each month", C.SCOPE, 3, "hours",
                     more_is_better=False),
        TemplateTerm("Hours not used", C.SCOPE, 1, options=[
            "paid all the same", "carried over one month", "refunded"]),
        TemplateTerm("Rate for extra hours", C.RATE, 2, "EUR/hour"),
        TemplateTerm("Time to answer a request", C.DELIVERABLES, 1, "hours"),
        TemplateTerm("When the fee is paid", C.PAYMENT_SCHEDULE, 2, options=[
            "monthly in advance", "monthly after the work", "quarterly after the work"]),
        TemplateTerm("Shortest commitment", C.TIMELINE, 2, "months"),
        TemplateTerm("Notice before renewal", C.RENEWAL, 1, "days"),
        TemplateTerm("Exclusivity", C.EXCLUSIVITY, 1, options=_EXCLUSIVITY),
    ],
    ContractType.REVENUE_SHARE: [
        TemplateTerm("Our share of revenue", C.RATE, 3, "%"),
        TemplateTerm("What counts as revenue", C.SCOPE, 2, options=[
            "gross sales", "sales less refunds", "profit after their costs"]),
        TemplateTerm("Minimum guaranteed payment", C.PAYMENT_SCHEDULE, 2, "EUR"),
        TemplateTerm("Sales reports and audit", C.GOVERNANCE, 2, options=[
            "monthly report and yearly audit", "quarterly report", "yearly summary only"]),
        TemplateTerm("Days until each payout", C.PAYMENT_SCHEDULE, 1, "days",
                     more_is_better=False),
        TemplateTerm("Ownership of the work", C.IP, 3, options=_IP),
        TemplateTerm("Notice to end the partnership", C.TERMINATION, 2, "months"),
        TemplateTerm("Exclusivity", C.EXCLUSIVITY, 1, options=_EXCLUSIVITY),
        TemplateTerm("Access to customer data", C.DATA_RIGHTS, 1, options=[
            "full customer list", "summary figures", "none"]),
    ],
    ContractType.OTHER: [
        TemplateTerm("Price", C.RATE, 3, "EUR"),
        TemplateTerm("Payment after invoice", C.PAYMENT_SCHEDULE, 2, "days",
                     more_is_better=False),
        TemplateTerm("What is in scope", C.SCOPE, 2, options=[
            "written list of deliverables", "outcomes described", "left open"]),
        TemplateTerm("Ownership of the work", C.IP, 2, options=_IP),
        TemplateTerm("Liability", C.LIABILITY, 2, options=_LIABILITY),
        TemplateTerm("Notice to end the contract", C.TERMINATION, 1, "days"),
        TemplateTerm("Years kept confidential", C.CONFIDENTIALITY, 1, "years",
                     more_is_better=False),
    ],
}


def template_for(contract_type: ContractType) -> list[TemplateTerm]:
    return TEMPLATES.get(contract_type, TEMPLATES[ContractType.OTHER])


def new_terms(contract_type: ContractType, existing: Iterable[Term],
              rng: random.Random | None = None) -> list[Term]:
    """Terms of the template not yet in the deal (compared by name, ignoring case)."""
    taken = {term.name.casefold() for term in existing}
    return [
        Term(id=new_id("t", rng), name=item.name, category=item.category, weight=item.weight,
             unit=item.unit, more_is_better=item.more_is_better, options=list(item.options))
        for item in template_for(contract_type)
        if item.name.casefold() not in taken
    ]
