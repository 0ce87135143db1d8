"""A scenario or a risk typed into a form holds what the screen says it needs."""

from __future__ import annotations

import pytest

from negtui.domain.models import Lesson, Risk, Scenario
from negtui.domain.record_input import entry_problems


def test_a_scenario_needs_its_outcome() -> None:
    _, errors = entry_problems(Scenario(id="x-1", kind="best"))
    assert list(errors) == ["outcome"]
    assert "outcome of the best case" in errors["outcome"]
    assert entry_problems(Scenario(id="x-1", kind="worst", outcome="They walk"))[1] == {}


@pytest.mark.parametrize("bearer", ["us", "Them", " BOTH "])
def test_a_risk_borne_by_us_them_or_both_with_a_mitigation_is_saved(bearer: str) -> None:
    risk, errors = entry_problems(Risk(id="r-1", risk="Delay", bearer=bearer,
                                       mitigation="Start date moves"))
    assert errors == {}
    assert isinstance(risk, Risk) and risk.bearer == bearer.strip().lower()


def test_a_risk_without_mitigation_or_with_a_stranger_bearing_it_is_refused() -> None:
    _, errors = entry_problems(Risk(id="r-1", risk="Delay", bearer="someone"))
    assert errors["bearer"] == "Borne by must be us, them or both, not “someone”"
    assert "Every risk needs a mitigation" in errors["mitigation"]
    _, errors = entry_problems(Risk(id="r-1", risk="Delay", mitigation="Plan B"))
    assert errors == {"bearer": "Borne by must be us, them or both"}


def test_other_records_are_left_as_they_are() -> None:
    lesson = Lesson(id="l-1", worked="Ask early")
    assert entry_problems(lesson) == (lesson, {})


@pytest.mark.parametrize("typed", [{}, {"worked": "  ", "why": "\n"}])
def test_an_empty_lesson_is_refused(typed: dict[str, str]) -> None:
    _, errors = entry_problems(Lesson(id="l-1", **typed))
    assert list(errors) == ["worked"] and "empty lesson" in errors["worked"]


@pytest.mark.parametrize("field", ["worked", "did_not", "why"])
def test_a_lesson_with_any_one_part_written_is_saved(field: str) -> None:
    assert entry_problems(Lesson(id="l-1", **{field: "Anchor first"}))[1] == {}
