"""What the user records: the portfolio settings, deals and everything logged against them.

Every stored model keeps keys it does not know (``extra="allow"``), so an older negtui
never deletes what a newer one wrote.
"""

from __future__ import annotations

from typing import NamedTuple, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from negtui.domain.fields import (
    Currency,
    Day,
    Identifier,
    Moment,
    Names,
    Rating,
    RequiredText,
    SmallRating,
    Text,
)
from negtui.domain.vocab import (
    ConcessionApproach,
    ContractType,
    DealStatus,
    Direction,
    Influence,
    MilestoneKind,
    Relationship,
    ScenarioKind,
    Strategy,
    TermCategory,
    TermStatus,
)


class Stored(BaseModel):
    """Base of everything written to disk."""

    # Each validator is built when first used: one built at import would cost most of
    # the start of the app, whose first screen is painted from summaries without them.
    # The app may then first use a model in two threads at once: pydantic builds
    # validators under a lock from 2.13.4 (the floor in pyproject.toml).
    model_config = ConfigDict(extra="allow", validate_assignment=True, defer_build=True)


class Record(Stored):
    """A stored item with a stable id of its own."""

    id: Identifier


class Settings(Stored):
    capacity_hours: float = Field(default=40.0, ge=0, le=168)
    high_threshold: Rating = 7
    default_currency: Currency = "EUR"
    timezone: str = "UTC"
    """The zone every date is read and shown in. When the portfolio sets none of its own
    (``zone_chosen`` false) it is the user's default, filled in as the file is read (the
    config file's, else the system's), and never written."""
    zone_chosen: bool = Field(default=True, exclude=True)
    unreciprocated_limit: int = Field(default=2, ge=1, le=20)
    crunch_limit: int = Field(default=3, ge=1, le=50)
    """More milestones than this within any three days is a deadline crunch."""
    max_invoicing_cycles: int = Field(default=2, ge=1, le=20)
    max_reporting_formats: int = Field(default=2, ge=1, le=20)
    capacity_weeks: int = Field(default=12, ge=1, le=104)
    """How many weeks ahead the capacity audit looks."""
    status_probability: dict[DealStatus, float] = Field(
        default_factory=lambda: {
            DealStatus.PROSPECT: 0.1,
            DealStatus.PREPARING: 0.25,
            DealStatus.NEGOTIATING: 0.5,
            DealStatus.AGREED: 0.9,
            DealStatus.ACTIVE: 1.0,
            DealStatus.CLOSED: 1.0,
            DealStatus.WALKED_AWAY: 0.0,
        }
    )


    @model_validator(mode="before")
    @classmethod
    def _zone_left_unset(cls, data: object) -> object:
        # No zone, or an empty one: the portfolio follows the user's default.
        if isinstance(data, dict) and "zone_chosen" not in data and not data.get("timezone"):
            data = {key: value for key, value in data.items() if key != "timezone"}
            data["zone_chosen"] = False
        return data

    @model_serializer(mode="wrap")
    def _without_borrowed_zone(self, handler: SerializerFunctionWrapHandler) -> object:
        dumped = handler(self)
        if not self.zone_chosen and isinstance(dumped, dict):
            dumped.pop("timezone", None)
        return dumped

    def following(self, zone: str) -> Settings:
        """These settings with ``zone`` in place of a zone the portfolio does not set."""
        if self.zone_chosen or zone == self.timezone:
            return self
        return self.model_copy(update={"timezone": zone})


class Research(Stored):
    """Notes on the six dimensions worth researching before a negotiation."""

    contract_terms: Text = ""
    market: Text = ""
    culture: Text = ""
    decision_maker: Text = ""
    industry_trends: Text = ""
    personal_fit: Text = ""


class ResearchDimension(NamedTuple):
    name: str
    label: str
    hint: str


RESEARCH_DIMENSIONS = (
    ResearchDimension("contract_terms", "Contract terms", "their standard paper, past contracts"),
    ResearchDimension("market", "Market", "going rates, competitors, demand"),
    ResearchDimension("culture", "Organisation culture", "how they decide, who pushes on what"),
    ResearchDimension("decision_maker", "Decision-maker", "who signs, what they care about"),
    ResearchDimension("industry_trends", "Industry trends", "what pressures their sector now"),
    ResearchDimension("personal_fit", "Personal fit", "whether you want to work this way"),
)
"""The six things worth knowing before a negotiation, each a field of ``Research``."""


class Deal(Record):
    name: RequiredText
    counterparty: Text = ""
    status: DealStatus = DealStatus.PROSPECT
    contract_type: ContractType = ContractType.FIXED_PRICE
    relationship: Relationship = Relationship.FIRST_TIME
    value: float | None = Field(default=None, ge=0)
    currency: Currency = "EUR"
    hours_per_week: float = Field(default=0.0, ge=0, le=168)
    start: Day | None = None
    end: Day | None = None
    objective: Text = ""
    success_measures: list[str] = Field(default_factory=list)
    strategy: Strategy = Strategy.VALUE_FIRST
    concession_approach: ConcessionApproach = ConcessionApproach.PACKAGE
    batna: Text = ""
    walk_away: Text = ""
    research: Research = Field(default_factory=Research)
    markets: list[str] = Field(default_factory=list)
    invoicing_cycle: Text = ""
    reporting_format: Text = ""
    archived: bool = False
    notes: Text = ""

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise ValueError("the end date comes before the start date")
        return self


class Fallback(Stored):
    """An alternative position, and the date by which to decide on it."""

    position: Text = ""
    decide_by: Moment | None = None


class Term(Record):
    name: RequiredText
    category: TermCategory = TermCategory.OTHER
    impact_deal: Rating = 5
    impact_portfolio: Rating = 5
    must_have: bool = False
    rationale: Text = ""
    consequence: Text = ""
    ideal: Text = ""
    acceptable: Text = ""
    walk_away: Text = ""
    on_table: Text = ""
    batna: Text = ""
    """Where this term would land under our best alternative, to score the BATNA."""
    unit: Text = ""
    more_is_better: bool = True
    options: list[str] = Field(default_factory=list)
    """Ranked options, best for us first, for positions that are not numbers."""
    fallback: Fallback = Field(default_factory=Fallback)
    offer_expires: Moment | None = None
    """When the offer on the table lapses, if the other side said so."""
    indicator: Text = ""
    status: TermStatus = TermStatus.OPEN
    weight: float = Field(default=1.0, ge=0, le=100)


class Concession(Record):
    direction: Direction
    what: RequiredText
    term_id: str | None = None
    value_us: Rating | None = None
    value_them: Rating | None = None
    at: Moment
    call_id: str | None = None
    linked_deal_id: str | None = None
    note: Text = ""
    deleted: bool = False
    position: Text = ""
    """Where the term stood after this concession, when the user said so (e.g. "690")."""
    replaced_offer: Text = ""
    """The term's offer on the table before ``position`` moved it; undo puts it back."""


class Call(Record):
    started: Moment
    ended: Moment | None = None
    attendees: Names = Field(default_factory=list)
    notes: Text = ""
    summary: Text = ""

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ended is not None and self.ended < self.started:
            raise ValueError("the call ends before it starts")
        return self


class Milestone(Record):
    kind: MilestoneKind
    title: Text = ""
    due: Moment
    duration_minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 31)
    reminder_minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 90)
    done: bool = False
    note: Text = ""
    share: bool = False
    """Goes into the shared dossier even when its kind is one kept to ourselves."""


class Stakeholder(Record):
    name: RequiredText
    organisation: Text = ""
    role: Text = ""
    influence: Influence = Influence.INFLUENCES
    style: Text = ""
    history: Text = ""


class Scenario(Record):
    kind: ScenarioKind
    outcome: Text = ""
    actions: Text = ""
    approvals: Text = ""
    communication: Text = ""


class Risk(Record):
    risk: RequiredText
    likelihood: SmallRating = 3
    impact: SmallRating = 3
    bearer: Text = ""
    mitigation: Text = ""


class ValueItem(Record):
    benefit_us: Text = ""
    benefit_them: Text = ""
    obligation: Text = ""
    share: bool = False
    """Put on the table: what they gain and what it asks of them go into the shared dossier."""


class AgendaItem(Record):
    topic: RequiredText
    minutes: int = Field(default=10, ge=0, le=600)
    framing: Text = ""
    alternative: Text = ""
    outcome: Text = ""
    share: bool = False
    """On the agenda both sides see: its topic and time go into the shared dossier."""


class Lesson(Record):
    worked: Text = ""
    did_not: Text = ""
    why: Text = ""
    deal_id: str | None = None
    at: Moment | None = None


class Workstream(Record):
    """One line of the onboarding plan: a workstream, who owns it and how it is reviewed."""

    name: RequiredText
    owner: Text = ""
    kickoff_objective: Text = ""
    review_cadence: Text = ""


class Checklist(Stored):
    """Which checklist items the user ticked by hand, by item key."""

    ticked: list[str] = Field(default_factory=list)
