"""Field types and model rules: what a person sees when they type something wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import arrow
import pytest
from pydantic import ValidationError

from negtui.domain.fields import explain, is_identifier
from negtui.domain.messages import field_messages
from negtui.domain.models import (
    Call,
    Concession,
    Deal,
    Lesson,
    Milestone,
    Risk,
    Settings,
    Term,
)
from negtui.domain.vocab import DealStatus

AT = "2026-11-21T10:00:00+00:00"


def message_for(error: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    return field_messages(error.value)[field]


# Ratings


@pytest.mark.parametrize("value", [1, 10, "7", " 3 "])
def test_rating_accepts_whole_numbers_from_one_to_ten(value: object) -> None:
    term = Term(id="t-1", name="Rate", impact_deal=value)
    assert term.impact_deal == int(str(value).strip())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "must be from 1 to 10, not 0"),
        (11, "must be from 1 to 10, not 11"),
        (-3, "must be from 1 to 10, not -3"),
        ("high", "must be a whole number from 1 to 10, not “high”"),
        (7.5, "must be a whole number from 1 to 10, not 7.5"),
        (True, "must be a whole number from 1 to 10"),
        (None, "must be a whole number from 1 to 10, not None"),
    ],
)
def test_rating_out_of_range_says_what_is_allowed(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Term(id="t-1", name="Rate", impact_portfolio=value)
    assert message_for(error, "impact_portfolio") == message


@pytest.mark.parametrize(("value", "message"), [
    (39, "must be from 1 to 5, not 39"), (7, "must be from 1 to 5, not 7"),
    ("likely", "must be a whole number from 1 to 5, not “likely”")])
def test_a_risk_rating_names_one_range_whatever_the_number(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Risk(id="r-1", risk="Scope creep", likelihood=value)
    assert message_for(error, "likelihood") == message


def test_optional_rating_on_a_concession_may_be_left_out_but_not_out_of_range() -> None:
    concession = Concession(id="c-1", direction="given", what="x", at=AT)
    assert concession.value_us is None
    with pytest.raises(ValidationError) as error:
        Concession(id="c-1", direction="given", what="x", at=AT, value_them=12)
    assert message_for(error, "value_them") == "must be from 1 to 10, not 12"


def test_risk_ratings_stop_at_five() -> None:
    assert Risk(id="r-1", risk="Late data", likelihood=5, impact=1).likelihood == 5
    with pytest.raises(ValidationError) as error:
        Risk(id="r-1", risk="Late data", likelihood=6)
    assert message_for(error, "likelihood") == "must be from 1 to 5, not 6"


def test_assigning_a_bad_rating_is_refused_and_the_old_value_stays() -> None:
    term = Term(id="t-1", name="Rate", impact_deal=4)
    with pytest.raises(ValidationError):
        term.impact_deal = 11
    assert term.impact_deal == 4


# Days and moments


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-21", date(2026, 11, 21)),
        (" 2026-01-02 ", date(2026, 1, 2)),
        (date(2027, 3, 4), date(2027, 3, 4)),
        (datetime(2027, 3, 4, 23, 59, tzinfo=UTC), date(2027, 3, 4)),
    ],
)
def test_day_parses_iso_dates(value: object, expected: date) -> None:
    assert Deal(id="d-1", name="x", start=value).start == expected


@pytest.mark.parametrize("value", ["21/11/2026", "2026-02-30", "tomorrow"])
def test_day_rejects_other_spellings_with_the_expected_format(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="x", start=value)
    assert message_for(error, "start") == f"is not a date (YYYY-MM-DD): “{value}”"


def test_day_rejects_a_number() -> None:
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="x", end=20261121)
    assert message_for(error, "end") == "is not a date: 20261121"


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-21T10:00:00+00:00",
        "2026-11-21T10:00:00Z",
        "2026-11-21T11:00:00+01:00",
        " 2026-11-21T05:00:00-05:00 ",
        datetime(2026, 11, 21, 10, tzinfo=UTC),
        arrow.get("2026-11-21T12:00:00+02:00"),
    ],
)
def test_moment_accepts_anything_that_carries_its_offset(value: object) -> None:
    concession = Concession(id="c-1", direction="received", what="x", at=value)
    assert concession.at == datetime(2026, 11, 21, 10, tzinfo=UTC)
    assert concession.at.tzinfo is not None


def test_moment_keeps_the_offset_it_was_given() -> None:
    concession = Concession(id="c-1", direction="given", what="x", at="2026-11-21T11:00:00+01:00")
    assert concession.at.utcoffset() == timedelta(hours=1)


def test_moment_text_without_offset_is_refused_with_an_example() -> None:
    with pytest.raises(ValidationError) as error:
        Concession(id="c-1", direction="given", what="x", at="2026-11-21T10:00:00")
    assert message_for(error, "at") == "needs a time zone offset, e.g. 2026-11-21T10:00:00+00:00"


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Milestone(id="m-1", kind="checkpoint", due=datetime(2026, 11, 21, 10))
    assert message_for(error, "due") == "needs a time zone"


@pytest.mark.parametrize("value", ["next week", 1763719200, "2026-13-01T00:00:00+00:00"])
def test_moment_rejects_what_is_not_a_date_and_time(value: object) -> None:
    with pytest.raises(ValidationError) as error:
        Call(id="k-1", started=value)
    shown = f"“{value}”" if isinstance(value, str) else str(value)
    assert message_for(error, "started") == f"is not a date and time: {shown}"


def test_optional_moment_may_be_empty() -> None:
    assert Lesson(id="l-1").at is None


def test_call_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as error:
        Call(id="k-1", started="2026-11-21T10:00:00+00:00", ended="2026-11-21T09:59:00+00:00")
    assert "the call ends before it starts" in str(error.value)
    # Same instant written in another zone is not earlier.
    call = Call(id="k-1", started="2026-11-21T10:00:00+00:00", ended="2026-11-21T11:00:00+01:00")
    assert call.ended == call.started


# Currency, dates in order, text


@pytest.mark.parametrize(("value", "expected"), [("usd", "USD"), (" chf ", "CHF"), ("EUR", "EUR")])
def test_currency_code_is_normalised(value: str, expected: str) -> None:
    assert Deal(id="d-1", name="x", currency=value).currency == expected
    assert Settings(default_currency=value).default_currency == expected


@pytest.mark.parametrize("value", ["EURO", "US", "E1R", "", "€€€"])
def test_currency_must_be_three_letters(value: str) -> None:
    expected = "must be a three-letter currency code such as EUR or USD"
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="x", currency=value)
    assert message_for(error, "currency") == expected
    with pytest.raises(ValidationError) as error:
        Settings(default_currency=value)
    assert message_for(error, "default_currency") == expected


def test_deal_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="x", start="2026-12-01", end="2026-11-30")
    assert explain(error.value) == ["the end date comes before the start date"]


def test_deal_may_start_and_end_on_the_same_day_or_have_one_date() -> None:
    assert Deal(id="d-1", name="x", start="2026-12-01", end="2026-12-01").end == date(2026, 12, 1)
    assert Deal(id="d-1", name="x", end="2026-12-01").start is None


def test_changing_the_end_to_before_the_start_is_refused() -> None:
    deal = Deal(id="d-1", name="x", start="2026-12-01", end="2026-12-31")
    with pytest.raises(ValidationError):
        deal.end = date(2026, 11, 1)


def test_required_text_is_stripped_and_cannot_be_blank() -> None:
    assert Deal(id="d-1", name="  Northwind  ").name == "Northwind"
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="   ")
    assert message_for(error, "name") == "cannot be empty"


def test_optional_text_treats_none_as_empty_but_refuses_numbers() -> None:
    assert Deal(id="d-1", name="x", notes=None).notes == ""
    with pytest.raises(ValidationError) as error:
        Deal(id="d-1", name="x", notes=12)
    assert message_for(error, "notes") == "must be text"


def test_deal_status_uses_the_words_people_use() -> None:
    assert Deal(id="d-1", name="x", status="walked away").status is DealStatus.WALKED_AWAY
    with pytest.raises(ValidationError):
        Deal(id="d-1", name="x", status="lost")


# Identifiers


@pytest.mark.parametrize("value", ["d-abc123", "T_1", "a", "x" * 64])
def test_identifier_accepts_file_name_safe_text(value: str) -> None:
    assert Deal(id=value, name="x").id == value
    assert is_identifier(value)


@pytest.mark.parametrize(
    "value",
    ["../x", "a/b", "a\\b", "d.json", "with space", "", "   ", "x" * 65, "café", "a\x00b"],
)
def test_identifier_refuses_anything_unsafe_in_a_file_name(value: str) -> None:
    assert not is_identifier(value)
    with pytest.raises(ValidationError) as error:
        Deal(id=value, name="x")
    assert message_for(error, "id") in {
        "may hold only letters, digits, '-' and '_' (at most 64)",
        "cannot be empty",
    }


# Readable messages


def test_explain_gives_one_line_per_problem_with_the_place() -> None:
    with pytest.raises(ValidationError) as error:
        Term.model_validate({"id": "t-1", "impact_deal": 0, "fallback": {"decide_by": "soon"}})
    lines = explain(error.value, "terms[3]")
    assert "terms[3]: name: is required" in lines
    assert "terms[3]: impact_deal: must be from 1 to 10, not 0" in lines
    assert "terms[3]: fallback.decide_by: is not a date and time: “soon”" in lines
    assert all("Value error" not in line for line in lines)


def test_field_messages_keeps_the_first_message_per_field() -> None:
    with pytest.raises(ValidationError) as error:
        Concession.model_validate({"id": "c 1", "direction": "given", "what": "", "at": "x"})
    messages = field_messages(error.value)
    assert set(messages) == {"id", "what", "at"}
    assert messages["what"] == "cannot be empty"


# Unknown keys


def test_unknown_keys_are_kept_through_a_dump() -> None:
    raw = {"id": "t-1", "name": "Rate", "colour": "teal", "future": {"nested": [1, 2]}}
    term = Term.model_validate(raw)
    dumped = term.model_dump(mode="json")
    assert dumped["colour"] == "teal"
    assert dumped["future"] == {"nested": [1, 2]}
    assert Term.model_validate(dumped) == term


def test_unknown_keys_in_nested_parts_are_kept() -> None:
    deal = Deal.model_validate(
        {"id": "d-1", "name": "x", "research": {"market": "busy", "sources": ["a"]}}
    )
    assert deal.model_dump(mode="json")["research"]["sources"] == ["a"]


def test_settings_defaults() -> None:
    settings = Settings()
    assert settings.high_threshold == 7
    assert settings.default_currency == "EUR"
    assert set(settings.status_probability) == set(DealStatus)
    with pytest.raises(ValidationError):
        Settings(capacity_hours=169)


def test_other_timezones_compare_by_instant() -> None:
    ahead = timezone(timedelta(hours=9))
    early = Concession(id="c-1", direction="given", what="x", at=datetime(2026, 11, 21, 18,
                                                                          tzinfo=ahead))
    assert early.at == datetime(2026, 11, 21, 9, tzinfo=UTC)
