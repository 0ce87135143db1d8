"""The shared dossier shows only what may go to the other side; the full one shows the rest.

A distinct marker is planted in every text field of every record of a deal, found by
walking the models, so a field added later is checked without anyone listing it here.
"""

from __future__ import annotations

import html
import itertools
from datetime import datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.clock import Clock
from negtui.domain.lessons import LessonEntry, all_lessons
from negtui.domain.models import Deal, Lesson, Milestone, Settings
from negtui.domain.vocab import Direction, MilestoneKind, ScenarioKind, TermStatus
from negtui.export.dossier import Format, dossier_text
from negtui.export.dossier.shared import shared_copy

# Kinds of date the other side keeps too; their titles may be shared, their notes never.
SHARED_KINDS = {MilestoneKind.CALL, MilestoneKind.SIGNING, MilestoneKind.KICKOFF,
                MilestoneKind.REVIEW, MilestoneKind.RENEWAL, MilestoneKind.FOLLOW_UP}

# Fields the full dossier does not print either (so only their absence from the shared copy
# is checked): each with the reason it is not in the document made to read before a call.
NOT_IN_FULL = {
    ("Deal", "notes"): "boundaries and loose notes stay in the app",
    ("Deal", "markets"): "used by the exclusivity audit, not a preparation item",
    ("Term", "batna"): "only scores the BATNA",
    ("Term", "unit"): "only compares positions",
    ("Term", "options"): "only ranks positions",
    ("Term", "indicator"): "tracked after signing",
    ("Concession", "position"): "already the offer on the table",
    ("Concession", "replaced_offer"): "kept for undo",
    ("Call", "attendees"): "calls are in the concession log",
    ("Call", "notes"): "calls are in the concession log",
    ("Call", "summary"): "calls are in the concession log",
    ("Workstream", "name"): "onboarding comes after signing",
    ("Workstream", "owner"): "onboarding comes after signing",
    ("Workstream", "kickoff_objective"): "onboarding comes after signing",
    ("Workstream", "review_cadence"): "onboarding comes after signing",
    ("Lesson", "worked"): "a deal's own lessons are for the next deal",
    ("Lesson", "did_not"): "a deal's own lessons are for the next deal",
    ("Lesson", "why"): "a deal's own lessons are for the next deal",
    ("Related lesson", "worked"): "the hint quotes what did not work",
    ("Related lesson", "why"): "the hint quotes what did not work",
}

# What a record needs before its text can be planted.
REQUIRED: dict[str, dict[str, Any]] = {
    "Concession": {"direction": Direction.GIVEN},
    "Milestone": {"kind": MilestoneKind.PREP_BLOCK},
    "Scenario": {"kind": ScenarioKind.WORST},
}


class Markers:
    """Hands out unique markers and remembers where each was planted."""

    def __init__(self) -> None:
        self.where: dict[str, tuple[str, str]] = {}
        self._numbers = itertools.count(1)

    def plant(self, model: BaseModel, label: str = "") -> None:
        """A marker in every text field of ``model`` and of the models inside it, except
        ids and links to other records; ``label`` names the model in messages."""
        label = label or type(model).__name__
        for name, info in type(model).model_fields.items():
            if name == "id" or name.endswith("_id"):
                continue
            value = getattr(model, name)
            marker = f"MK{next(self._numbers):04d}Q"
            if isinstance(value, BaseModel):
                self.plant(value)
                continue
            if info.annotation == list[str]:
                setattr(model, name, [marker])
            elif info.annotation is str:
                try:
                    setattr(model, name, marker)
                except ValidationError:
                    continue  # a coded value such as a currency, not free text
            else:
                continue
            self.where[marker] = (label, name)


def _new(model: type[BaseModel], number: int, at: datetime, **values: Any) -> Any:
    required = {name: f"placeholder {number}" for name, info in model.model_fields.items()
                if info.is_required() and info.annotation is str}
    moments = {name: at for name, info in model.model_fields.items()
               if info.is_required() and info.annotation is datetime}
    return model.model_validate({**required, **moments, **REQUIRED.get(model.__name__, {}),
                                 "id": f"r-{number}", **values})


def marked_deal(now: datetime) -> tuple[DealBook, Markers, set[str], list[LessonEntry]]:
    """A deal with a marker in every field, nothing marked share; the markers that may be
    shared; and lessons from another deal with the same counterparty."""
    marks = Markers()
    deal = Deal(id="d-marked", name="placeholder", value=987654.0, hours_per_week=13.75)
    marks.plant(deal)
    public = {deal.name, deal.counterparty}
    book = DealBook(deal=deal)
    number = itertools.count(1)
    for table, model in RECORD_TABLES.items():
        if table == "milestones":
            continue
        record = _new(model, next(number), now)
        if table == "terms":
            record.status = TermStatus.OPEN
            marks.plant(record)
            public |= {record.name, record.on_table}
        else:
            marks.plant(record)
        getattr(book, table).append(record)
    for kind in MilestoneKind:
        milestone = _new(Milestone, next(number), now + timedelta(days=1), kind=kind,
                         duration_minutes=4321, reminder_minutes=1234)
        marks.plant(milestone)
        if kind in SHARED_KINDS:
            public.add(milestone.title)
        book.milestones.append(milestone)
    other = DealBook(deal=Deal(id="d-other", name="Earlier deal",
                               counterparty=deal.counterparty))
    lesson = Lesson(id="l-other", deal_id="d-other")
    marks.plant(lesson, "Related lesson")
    other.lessons.append(lesson)
    return book, marks, public, all_lessons([book, other])


def readable(text: str, fmt: Format) -> str:
    return html.unescape(text) if fmt == "html" else text.replace("\\", "")


@pytest.fixture
def now(clock: Clock) -> datetime:
    return clock().datetime


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_private_field_is_in_the_full_dossier_and_none_in_the_shared(
        now: datetime, fmt: Format) -> None:
    book, marks, public, lessons = marked_deal(now)
    settings = Settings()
    full = readable(dossier_text(book, settings, now, fmt=fmt, lessons=lessons), fmt)
    shared = readable(dossier_text(book, settings, now, fmt=fmt, share=True, lessons=lessons),
                      fmt)
    assert len(marks.where) > 60, "the walk over the models planted too few markers"
    missing = [marks.where[m] for m in marks.where
               if m not in full and marks.where[m] not in NOT_IN_FULL]
    assert not missing, f"not in the full dossier: {missing}"
    leaked = sorted({marks.where[m] for m in marks.where if m not in public and m in shared})
    assert not leaked, f"in the shared {fmt} dossier: {leaked}"
    absent = sorted({marks.where[m] for m in public if m not in shared})
    assert not absent, f"missing from the shared {fmt} dossier: {absent}"
    for number in ("987", "13.75", "4321", "1234"):
        assert number not in shared


def test_records_marked_share_go_in_with_their_safe_fields_only(now: datetime) -> None:
    book, *_ = marked_deal(now)
    topic, item = book.agenda[0], book.value_map[0]
    internal = next(m for m in book.milestones if m.kind is MilestoneKind.DECISION_DEADLINE)
    for record in (topic, item, internal):
        record.share = True
    text = dossier_text(book, Settings(), now, share=True)
    for shown in (topic.topic, f"{topic.minutes} min", item.benefit_them, item.obligation,
                  internal.title):
        assert shown in text
    for kept in (topic.framing, topic.alternative, topic.outcome, item.benefit_us,
                 internal.note):
        assert kept not in text
    assert "## Agenda" in text and "## Value exchange" in text
    assert "Sensitive" not in text


def test_the_shared_copy_says_what_it_is_without_naming_what_it_holds_back(
        now: datetime) -> None:
    book, *_ = marked_deal(now)
    text = dossier_text(book, Settings(), now, share=True).casefold()
    assert text.startswith(f"# shared summary: {book.deal.name.casefold()}")
    assert "shared copy" in text
    for word in ("walk-away", "walk away", "batna", "fallback", "rating", "acceptable",
                 "ideal", "left out", "private", "we propose", "risk", "scenario"):
        assert word not in text, word


def test_the_offer_on_the_table_not_the_ideal(now: datetime) -> None:
    book, *_ = marked_deal(now)
    term = book.terms[0]
    term.ideal, term.on_table = "900 a day", "760 a day"
    text = dossier_text(book, Settings(), now, share=True)
    row = next(line for line in text.splitlines() if line.startswith(f"| {term.name} "))
    assert "760 a day" in row and "900" not in text


def test_what_is_left_out_is_counted_by_kind(now: datetime) -> None:
    book, *_ = marked_deal(now)
    book.agenda.append(book.agenda[0].model_copy(update={"id": "g-2", "share": True}))
    book.risks += [book.risks[0].model_copy(update={"id": f"r-x{n}"}) for n in range(2)]
    copy = shared_copy(book, Settings(), now)
    left = copy.left_out
    internal = len(MilestoneKind) - len(SHARED_KINDS)
    assert "3 risks" in left
    assert "1 agenda topic not marked share" in left
    assert "framing, wording and outcome of 1 shared agenda topic" in left
    assert f"{internal} internal milestones" in left
    assert "positions, ratings and notes of 1 term" in left
    assert "1 concession" in left and "1 stakeholder" in left and "1 scenario" in left
    assert any(entry.endswith("private deal fields") for entry in left)
    assert copy.written == [
        ("The deal", "counterparty, contract type and dates"), ("Terms", "1 term"),
        ("Milestones", f"{len(SHARED_KINDS)} milestones"), ("Agenda", "1 topic")]
    assert [s.title for s in copy.dossier.sections] == [title for title, _ in copy.written]


def test_a_key_written_by_a_newer_negtui_is_left_out_and_counted(now: datetime) -> None:
    book, *_ = marked_deal(now)
    book.deal.__pydantic_extra__ = {"pricing_memo": "MKEXTRAQ"}
    copy = shared_copy(book, Settings(), now)
    before = next(e for e in shared_copy(marked_deal(now)[0], Settings(), now).left_out
                  if e.endswith("private deal fields"))
    after = next(e for e in copy.left_out if e.endswith("private deal fields"))
    assert int(after.split()[0]) == int(before.split()[0]) + 1
    assert "MKEXTRAQ" not in dossier_text(book, Settings(), now, share=True)
