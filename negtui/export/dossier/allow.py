"""What a shared dossier may show: an allow-list, record by record and field by field.

Nothing reaches a shared copy unless it is named here. The shared sections are built from
``Cut``, which holds only the allowed values, so they cannot print anything else; and what
``cut`` sets aside is counted in the same pass, for the preview. A new field on a model, a
new kind of record, or a key written by a newer negtui stays out of the shared copy until
it is added below, and is counted among what was left out meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from negtui.domain.book import DealBook
from negtui.domain.models import AgendaItem, Milestone, ValueItem
from negtui.domain.vocab import MilestoneKind
from negtui.domain.words import counted

Shown = dict[str, Any]
"""The allowed fields of one record, by name: all a shared section gets to read."""

DEAL_FIELDS = ("name", "counterparty", "contract_type", "start", "end")
"""Of the deal itself: who it is with, what kind of contract, and when it runs."""

SHARED_KINDS = frozenset({
    MilestoneKind.CALL, MilestoneKind.SIGNING, MilestoneKind.KICKOFF, MilestoneKind.REVIEW,
    MilestoneKind.RENEWAL, MilestoneKind.FOLLOW_UP,
})
"""Dates both sides keep. Prep blocks, checkpoints, our deadlines and the expiry we track
are ours, unless the user marks one to share."""

# Bookkeeping that is neither content nor shown: ids and the share mark itself.
_NOT_CONTENT = frozenset({"id", "share"})


@dataclass(frozen=True)
class Allowance:
    """Which records of one list a shared copy keeps, and which of their fields it shows."""

    fields: tuple[str, ...]
    keeps: Callable[[Any], bool]
    noun: tuple[str, str]
    """What one kept record is called, singular and plural."""
    dropped: tuple[str, str]
    """How records it does not keep are counted: singular and plural words."""
    held_back: str
    """What the fields it does not show are called, in "... of 3 terms"."""


def _marked(record: AgendaItem | ValueItem) -> bool:
    return record.share


def _shared_date(milestone: Milestone) -> bool:
    return milestone.share or milestone.kind in SHARED_KINDS


ALLOWED: dict[str, Allowance] = {
    # Every term, as it stands between the parties: the offer on the table (the agreed
    # value once agreed) in its unit, and its status. Our ideal, acceptable and walk-away positions,
    # ratings, rationales and fallbacks stay ours.
    "terms": Allowance(("name", "category", "on_table", "unit", "status"), lambda term: True,
                       ("term", "terms"), ("term", "terms"), "positions, ratings and notes"),
    # The date, kind and title; a note is ours even on a shared date.
    "milestones": Allowance(("kind", "title", "due", "done"), _shared_date,
                            ("shared milestone", "shared milestones"),
                            ("internal milestone", "internal milestones"),
                            "notes and reminders"),
    # A shared topic shows its name and time only: our framing, the other wording we keep
    # in reserve and the outcome we wrote afterwards would show where we are soft.
    "agenda": Allowance(("topic", "minutes"), _marked,
                        ("shared agenda topic", "shared agenda topics"),
                        ("agenda topic not marked share", "agenda topics not marked share"),
                        "framing, wording and outcome"),
    # A shared line of the value map is an offer: what they gain and what it asks of them
    # in return. What it is worth to us is our reason for offering it, and stays ours.
    "value_map": Allowance(("benefit_them", "obligation"), _marked,
                           ("shared value-map item", "shared value-map items"),
                           ("value-map item not marked share",
                            "value-map items not marked share"),
                           "benefit to us"),
}

# How whole lists that never go into a shared copy are counted.
NOUNS: dict[str, tuple[str, str]] = {
    "concessions": ("concession", "concessions"),
    "calls": ("call", "calls"),
    "stakeholders": ("stakeholder", "stakeholders"),
    "scenarios": ("scenario", "scenarios"),
    "risks": ("risk", "risks"),
    "lessons": ("lesson", "lessons"),
    "onboarding": ("onboarding workstream", "onboarding workstreams"),
}


def _words(count: int, nouns: tuple[str, str]) -> str:
    return counted(count, *nouns)


def _filled(model: BaseModel, allowed: tuple[str, ...] = ()) -> list[str]:
    """The names of ``model``'s fields that hold something and are not allowed out,
    keys it does not know included."""
    names = []
    for name, info in type(model).model_fields.items():
        if name in allowed or name in _NOT_CONTENT:
            continue
        if getattr(model, name) != info.get_default(call_default_factory=True):
            names.append(name)
    names += [name for name, value in (model.model_extra or {}).items() if value not in
              (None, "", [], {}, False)]
    return names


def _show(model: BaseModel, fields: tuple[str, ...]) -> Shown:
    return {name: getattr(model, name) for name in fields}


@dataclass(frozen=True)
class Cut:
    """A deal as a shared copy may see it, and what was set aside to get there."""

    deal: Shown
    records: dict[str, list[Shown]]
    """The kept records of each list in ``ALLOWED``, allowed fields only."""
    left_out: list[str]
    """What was set aside, counted by kind: "3 risks", "1 internal milestone"."""


def cut(book: DealBook) -> Cut:
    """Keep what ``ALLOWED`` names, count everything else."""
    left_out: list[str] = []
    private = _filled(book.deal, DEAL_FIELDS)
    if private:
        left_out.append(_words(len(private), ("private deal field", "private deal fields")))
    records: dict[str, list[Shown]] = {}
    for name in DealBook.model_fields:
        if name == "deal":
            continue
        value = getattr(book, name)
        if isinstance(value, BaseModel):
            if _filled(value):
                left_out.append(f"the {name.replace('_', ' ')}")
            continue
        live = [r for r in value if not getattr(r, "deleted", False)]
        allowance = ALLOWED.get(name)
        if allowance is None:
            if live:
                nouns = NOUNS.get(name, (name.replace("_", " "),) * 2)
                left_out.append(_words(len(live), nouns))
            continue
        kept = [r for r in live if allowance.keeps(r)]
        dropped = len(live) - len(kept)
        trimmed = sum(1 for r in kept if _filled(r, allowance.fields))
        if dropped:
            left_out.append(_words(dropped, allowance.dropped))
        if trimmed:
            left_out.append(f"{allowance.held_back} of {_words(trimmed, allowance.noun)}")
        records[name] = [_show(r, allowance.fields) for r in kept]
    return Cut(_show(book.deal, DEAL_FIELDS), records, left_out)

