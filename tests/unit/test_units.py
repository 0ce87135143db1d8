"""A position is shown with the unit the user typed for its term."""

from __future__ import annotations

import pytest

from negtui.domain.models import Term
from negtui.domain.positions import unit_added, with_unit


def term(unit: str, **extra: object) -> Term:
    return Term.model_validate({"id": "t-1", "name": "Day rate", "unit": unit, **extra})


@pytest.mark.parametrize(("unit", "typed", "shown"), [
    ("EUR/day", "740", "740 EUR/day"),
    ("EUR/day", "740 EUR", "740 EUR/day"),
    ("EUR/day", "740 eur/day", "740 eur/day"),
    ("EUR/day", "1,200.50", "1,200.50 EUR/day"),
    ("x fees", "3", "3x fees"),
    ("x fees", "3x fees", "3x fees"),
    ("%", "12", "12%"),
    ("days", "60 days", "60 days"),
    ("days", "6 weeks", "6 weeks"),
    ("days", "30", "30 days"),
    ("days", "about 30", "about 30"),
    ("EUR", "licence only", "licence only"),
    ("", "740", "740"),
    ("EUR/day", "", ""),
    ("EUR/day", "  740  ", "740 EUR/day"),
])
def test_a_position_is_shown_with_its_unit(unit: str, typed: str, shown: str) -> None:
    assert with_unit(term(unit), typed) == shown
    assert unit_added(typed, unit) == shown


def test_ranked_options_are_shown_as_typed() -> None:
    ranked = term("licence", options=["full assignment", "licence only"])
    assert with_unit(ranked, "licence only") == "licence only"
