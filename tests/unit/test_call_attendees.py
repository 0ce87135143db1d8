"""Who attended a call, typed as one line, and the checklist item that asks for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from negtui.domain.book import DealBook
from negtui.domain.checklist_proofs import calls_logged
from negtui.domain.models import Call, Deal, Settings

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _call(attendees: object, ended: bool = True) -> Call:
    return Call.model_validate({"id": "k1", "started": START, "attendees": attendees,
                                "ended": START + timedelta(minutes=30) if ended else None})


def test_names_typed_on_one_line_are_split_at_commas() -> None:
    assert _call(" Raj Patel, Dana Whitfield,, ").attendees == ["Raj Patel", "Dana Whitfield"]
    assert _call(["Olga Brandt"]).attendees == ["Olga Brandt"]
    assert _call("").attendees == []


def test_names_that_are_not_text_are_refused() -> None:
    with pytest.raises(ValidationError, match="names separated by commas"):
        _call(42)


def _book(*calls: Call) -> DealBook:
    return DealBook(deal=Deal(id="d1", name="Northwind"), calls=list(calls))


def test_the_item_waits_for_every_ended_call_to_say_who_attended() -> None:
    settings = Settings()
    assert calls_logged(_book(), settings) == (False, "no calls yet")
    nobody = _call([]).model_copy(update={"id": "k2"})
    assert calls_logged(_book(_call(["Raj Patel"]), nobody), settings) == (
        False, "1 call of 2 without who attended")
    # A call still going on is not held against it yet.
    going = _call([], ended=False).model_copy(update={"id": "k3"})
    assert calls_logged(_book(_call(["Raj Patel"]), going), settings) == (True, "2 calls logged")
