"""Deal form input: what a person types becomes a valid deal or a message at the field."""

from __future__ import annotations

from datetime import date

import arrow
import pytest

from negtui.domain.deal_input import deal_from_values, deal_to_values, preview_date
from negtui.domain.models import Deal, Settings
from negtui.domain.positions import number_text
from negtui.domain.summary import amounts, pipeline
from negtui.domain.vocab import DealStatus

NOW = arrow.get("2026-11-23T09:30:00+00:00")


def test_plain_words_dates_and_numbers_become_a_deal() -> None:
    deal, errors = deal_from_values(
        {"name": " Harbor ", "value": "84k", "hours_per_week": "12", "start": "next monday",
         "end": "in 2 weeks", "markets": "data, retail ,", "success_measures": "a\n\n b "},
        None, NOW, "Europe/Berlin")
    assert errors == {}
    assert deal is not None
    assert deal.name == "Harbor" and deal.value == 84000 and deal.hours_per_week == 12
    assert deal.start == date(2026, 11, 30) and deal.end == date(2026, 12, 7)
    assert deal.markets == ["data", "retail"] and deal.success_measures == ["a", "b"]


def test_each_bad_field_gets_its_own_message() -> None:
    deal, errors = deal_from_values(
        {"name": "", "value": "lots", "start": "blursday", "currency": "euro"},
        None, NOW, "UTC")
    assert deal is None
    assert errors["value"] == "Value must be a number, not “lots”"
    assert "not a date I understand" in errors["start"]
    # Field-level model checks run once the typed values are readable.
    deal, errors = deal_from_values({"name": "", "currency": "euro"}, None, NOW, "UTC")
    assert errors["name"] == "Deal name cannot be empty"
    assert "three-letter" in errors["currency"]


def test_end_before_start_is_reported_at_the_end_date() -> None:
    _, errors = deal_from_values({"name": "X", "start": "2027-03-01", "end": "2027-02-01"},
                                 None, NOW, "UTC")
    assert "end date comes before the start date" in errors["end"]


def test_editing_keeps_the_id_and_unknown_keys() -> None:
    base = Deal.model_validate({"id": "d-keep", "name": "Old", "from_the_future": [1, 2]})
    values = deal_to_values(base)
    values["name"] = "New"
    deal, errors = deal_from_values(values, base, NOW, "UTC")
    assert errors == {} and deal is not None
    assert deal.id == "d-keep" and deal.name == "New"
    assert deal.model_dump()["from_the_future"] == [1, 2]


@pytest.mark.parametrize(("value", "shown"), [
    (1_500_000, "1,500,000"), (1_234_567, "1,234,567"), (84_000, "84,000"), (12.5, "12.5"),
    (0.125, "0.125"), (2_000_000_000, "2,000,000,000"), (0, "0"),
    (1_234_567.89, "1,234,567.89"),
])
def test_editing_a_deal_keeps_its_value_however_large(value: float, shown: str) -> None:
    base = Deal(id="d-big", name="Big", value=value, hours_per_week=7.5)
    values = deal_to_values(base)
    assert values["value"] == shown and values["hours_per_week"] == "7.5"
    deal, errors = deal_from_values(values, base, NOW, "UTC")
    assert errors == {} and deal is not None
    assert deal.value == value and deal.hours_per_week == 7.5


def test_a_chance_worked_out_as_a_percentage_shows_no_float_noise() -> None:
    assert number_text(0.35 * 100) == "35" and number_text(0.07 * 100) == "7"


def test_the_form_shows_how_a_date_was_understood() -> None:
    assert preview_date("tomorrow", NOW, "UTC").startswith("understood as Tue 24 Nov 2026")
    assert "not a date" in preview_date("someday", NOW, "UTC")


def test_pipeline_is_weighted_by_the_chance_of_each_status() -> None:
    deals = [
        Deal(id="d-a", name="A", value=100_000, status=DealStatus.NEGOTIATING),
        Deal(id="d-b", name="B", value=10_000, status=DealStatus.ACTIVE),
        Deal(id="d-c", name="C", value=50_000, status=DealStatus.WALKED_AWAY),
        Deal(id="d-d", name="D", value=20_000, currency="USD", status=DealStatus.PROSPECT),
    ]
    flow = pipeline(deals, Settings())
    assert flow.total() == {"EUR": 110_000, "USD": 20_000}
    assert flow.weighted == {"EUR": 60_000, "USD": 2_000}
    assert amounts(flow.total()) == "110,000 EUR + 20,000 USD"


def test_end_before_start_is_said_beside_the_other_problems() -> None:
    _, errors = deal_from_values({"name": "", "currency": "euro", "start": "2027-03-01",
                                  "end": "2027-02-01"}, None, NOW, "UTC")
    assert errors["name"] == "Deal name cannot be empty"
    assert errors["end"] == "The end date comes before the start date"
