"""The fixed vocabularies of the product, in the user's words."""

from __future__ import annotations

from enum import StrEnum


class DealStatus(StrEnum):
    PROSPECT = "prospect"
    PREPARING = "preparing"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    ACTIVE = "active"
    CLOSED = "closed"
    WALKED_AWAY = "walked away"


class ContractType(StrEnum):
    FIXED_PRICE = "fixed price"
    TIME_AND_MATERIALS = "time and materials"
    RETAINER = "retainer"
    REVENUE_SHARE = "revenue share"
    OTHER = "other"


class Relationship(StrEnum):
    FIRST_TIME = "first-time"
    RENEWAL = "renewal"


class Strategy(StrEnum):
    RISK_FIRST = "risk-first"
    VALUE_FIRST = "value-first"
    FUTURE_FIRST = "future-first"


class ConcessionApproach(StrEnum):
    LINEAR = "linear"
    PACKAGE = "package"
    PORTFOLIO = "portfolio"


class TermCategory(StrEnum):
    SCOPE = "scope"
    DELIVERABLES = "deliverables"
    TIMELINE = "timeline"
    RATE = "rate"
    PAYMENT_SCHEDULE = "payment schedule"
    IP = "IP"
    DATA_RIGHTS = "data rights"
    CONFIDENTIALITY = "confidentiality"
    LIABILITY = "liability"
    TERMINATION = "termination"
    EXCLUSIVITY = "exclusivity"
    NON_COMPETE = "non-compete"
    RENEWAL = "renewal"
    GOVERNANCE = "governance/reporting"
    INVOICING = "invoicing/admin"
    OTHER = "other"


class TermClass(StrEnum):
    NON_NEGOTIABLE = "non-negotiable"
    FLEXIBLE = "flexible"
    TRADEABLE = "tradeable"


class TermStatus(StrEnum):
    OPEN = "open"
    AGREED = "agreed"
    CONCEDED = "conceded"
    PARKED = "parked"


class Direction(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class MilestoneKind(StrEnum):
    PREP_BLOCK = "prep block"
    CALL = "negotiation call"
    OFFER_EXPIRY = "offer expiry"
    DECISION_DEADLINE = "decision deadline"
    FALLBACK_DEADLINE = "fallback deadline"
    CHECKPOINT = "checkpoint"
    SIGNING = "signing"
    KICKOFF = "kickoff"
    REVIEW = "review"
    RENEWAL = "renewal"
    FOLLOW_UP = "follow-up"


class Influence(StrEnum):
    DECIDES = "decides"
    INFLUENCES = "influences"
    INFORMS = "informs"


class ScenarioKind(StrEnum):
    BEST = "best"
    EXPECTED = "expected"
    WORST = "worst"


# Deals in these states take up the user's weekly hours.
BUSY_STATUSES = frozenset({DealStatus.NEGOTIATING, DealStatus.AGREED, DealStatus.ACTIVE})
