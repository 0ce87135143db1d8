"""Everything recorded about one deal, held together: what one deal file contains."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from negtui.domain.models import (
    AgendaItem,
    Call,
    Checklist,
    Concession,
    Deal,
    Lesson,
    Milestone,
    Record,
    Risk,
    Scenario,
    Stakeholder,
    Term,
    ValueItem,
    Workstream,
)

# Name of each list in a deal file, and the model of its records.
RECORD_TABLES: dict[str, type[Record]] = {
    "terms": Term,
    "concessions": Concession,
    "calls": Call,
    "milestones": Milestone,
    "stakeholders": Stakeholder,
    "scenarios": Scenario,
    "risks": Risk,
    "value_map": ValueItem,
    "agenda": AgendaItem,
    "lessons": Lesson,
    "onboarding": Workstream,
}


class DealBook(BaseModel):
    # The validator of a whole deal is built when a deal file is first read in full, not
    # on import: the first screen is painted from summaries, which need none (and the
    # same for every stored model, see ``Stored``).
    model_config = ConfigDict(defer_build=True)

    deal: Deal
    terms: list[Term] = Field(default_factory=list)
    concessions: list[Concession] = Field(default_factory=list)
    calls: list[Call] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    value_map: list[ValueItem] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    onboarding: list[Workstream] = Field(default_factory=list)
    checklist: Checklist = Field(default_factory=Checklist)

    @property
    def id(self) -> str:
        return self.deal.id

    def live_concessions(self) -> list[Concession]:
        return [c for c in self.concessions if not c.deleted]
