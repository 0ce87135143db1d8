"""A value that does not fit a field is explained in plain words, named by its label."""

from __future__ import annotations

from typing import Any

import arrow
import pytest
from pydantic import BaseModel, Field, ValidationError

from negtui.domain import deal_input, milestone_input, term_input
from negtui.domain.calendar import zone
from negtui.domain.capture import parse_capture
from negtui.domain.dates import parse_when
from negtui.domain.durations import parse_minutes
from negtui.domain.lookup import resolve
from negtui.domain.messages import label_of, plain_messages, short_label
from negtui.domain.models import AgendaItem, Concession, Deal, Settings
from negtui.domain.text import quoted
from negtui.domain.vocab import DealStatus

NOW = arrow.get("2026-12-07T10:00:00+00:00")


def said(model: type[BaseModel], data: dict[str, Any], labels: dict[str, str] | None = None,
         ) -> dict[str, str]:
    with pytest.raises(ValidationError) as error:
        model.model_validate(data)
    return plain_messages(error.value, labels)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"value": -1}, "value", "Value must be 0 or more"),
    ({"hours_per_week": 200}, "hours_per_week", "Hours a week must be 168 or less"),
    ({"hours_per_week": "lots"}, "hours_per_week", "Hours a week must be a number, not “lots”"),
    ({"status": "dreaming"}, "status", "Status must be one of " + ", ".join(
        s.value for s in list(DealStatus)[:-1]) + f" or {list(DealStatus)[-1].value}"),
    ({"archived": "maybe"}, "archived", "Archived must be yes or no, not “maybe”"),
    ({"markets": 3}, "markets", "Markets must be a list"),
    ({"name": ""}, "name", "Deal name cannot be empty"),
    ({"currency": "euro"}, "currency",
     "Currency must be a three-letter currency code such as EUR or USD"),
])
def test_each_kind_of_problem_is_a_plain_sentence(data: dict[str, Any], field: str,
                                                  message: str) -> None:
    messages = said(Deal, {"id": "d-1", "name": "Deal", **data}, deal_input.LABELS)
    assert messages[field] == message
    assert "Input should" not in message


def test_a_whole_number_and_a_missing_field() -> None:
    class Counted(BaseModel):
        count: int = Field(ge=1)
        needed: str

    messages = said(Counted, {"count": "1.5"})
    assert messages == {"count": "Count must be a whole number, not “1.5”",
                        "needed": "Needed is required"}
    assert said(Counted, {"count": 0, "needed": "x"}) == {"count": "Count must be 1 or more"}


def test_a_rule_about_the_whole_record_is_said_as_a_sentence() -> None:
    messages = said(Deal, {"id": "d-1", "name": "Deal", "start": "2027-03-01",
                           "end": "2027-01-01"})
    assert messages == {"": "The end date comes before the start date"}


def test_settings_concessions_and_ratings_name_their_field() -> None:
    assert said(Settings, {"capacity_hours": -5}, {"capacity_hours": "Capacity"}) == {
        "capacity_hours": "Capacity must be 0 or more"}
    concession = {"id": "c-1", "direction": "given", "what": "x", "at": NOW.isoformat(),
                  "value_us": 12}
    assert said(Concession, concession, {"value_us": "Value to us"}) == {
        "value_us": "Value to us must be from 1 to 10, not 12"}


def test_labels_fit_the_start_of_a_sentence() -> None:
    assert short_label("Value to us (1-10)") == "Value to us"
    assert short_label("Likelihood, 1 (rare) to 5 (almost certain)") == "Likelihood"
    assert label_of("hours_per_week") == "Hours per week"


def test_the_forms_give_plain_sentences() -> None:
    values = {name: "" for name in deal_input.TEXT_FIELDS + deal_input.CHOICE_FIELDS}
    values.update(name="Deal", status="prospect", contract_type="fixed price",
                  relationship="first time", strategy="value first",
                  concession_approach="package", value="-20", hours_per_week="abc")
    _, errors = deal_input.deal_from_values(values, None, NOW, "UTC")
    assert errors["hours_per_week"] == "Hours a week must be a number, not “abc”"
    assert errors["value"] == "Value must be 0 or more"

    typed = dict(term_input.form_values(None, NOW, "UTC"), name="Rate", weight="-1",
                 impact_deal="11", must_have="false", rationale="", consequence="", unit="",
                 options="", ideal="", acceptable="", walk_away="", on_table="", batna="",
                 fallback="", decide_by="", indicator="", offer_expires="")
    _, errors = term_input.term_from_values(typed, None, NOW, "UTC")
    assert errors["weight"] == "Weight must be 0 or more"
    assert errors["impact_deal"] == "Impact on this deal must be from 1 to 10, not 11"

    _, errors = milestone_input.milestone_from_values(
        {"kind": "negotiation call", "when": "tomorrow", "duration": "", "reminder": "",
         "zone": ""},
        None, NOW.datetime, "UTC")
    assert errors == {}
    _, errors = milestone_input.milestone_from_values(
        {"kind": "picnic", "when": "tomorrow", "duration": "", "reminder": "", "zone": ""},
        None, NOW.datetime, "UTC")
    assert errors["kind"].startswith("Kind must be one of prep block, negotiation call, ")


def test_minutes_that_are_not_a_number_are_echoed() -> None:
    item = {"id": "g-1", "topic": "Rate", "minutes": " ten "}
    assert said(AgendaItem, item, {"minutes": "Minutes allotted"}) == {
        "minutes": "Minutes allotted must be a whole number, not “ten”"}


def _refusal(attempt: Any) -> str:
    try:
        attempt()
    except ValueError as refused:
        return str(refused)
    raise AssertionError("accepted")


@pytest.mark.parametrize(("typed", "attempt"), [
    ("4/3/2027", lambda: parse_when("4/3/2027", NOW)),
    ("15 Dec 12", lambda: parse_when("15 Dec 12", NOW)),
    ("soonish", lambda: parse_when("soonish", NOW)),
    ("2026-13-01", lambda: parse_when("2026-13-01", NOW)),
    ("Mars/Olympus", lambda: zone("Mars/Olympus")),
    ("forever", lambda: parse_minutes("forever")),
    ("zephyr", lambda: resolve("zephyr", [], id_of=str, name_of=str, what="deal")),
])
def test_what_was_typed_is_quoted_back_in_double_quotes(typed: str, attempt: Any) -> None:
    message = _refusal(attempt)
    assert f"“{typed}”" in message
    assert f"'{typed}'" not in message


def test_the_forms_quote_what_was_typed_in_double_quotes() -> None:
    _, errors = deal_input.deal_from_values({"name": "Acme", "value": "lots"}, None, NOW, "UTC")
    assert errors["value"] == "Value must be a number, not “lots”"
    problems = parse_capture("longer notice us:lots").problems
    assert problems == ("us: takes a whole number from 1 to 10, not “lots”",)


def test_a_quoted_control_character_shows_as_its_mark() -> None:
    assert quoted("net\x1b[2J 30") == "“net␛[2J 30”"
