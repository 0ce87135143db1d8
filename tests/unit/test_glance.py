"""A deal at a glance: its share of the week and its records counted in words."""

from __future__ import annotations

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import fixed_clock
from negtui.domain.glance import record_counts, share_of_week


def _northwind() -> DealBook:
    _, books = demo_portfolio(fixed_clock("2026-11-23T09:30:00+00:00"))
    return next(book for book in books if book.deal.name == "Northwind data platform")


def test_the_hours_are_a_share_of_the_week_the_user_can_give() -> None:
    assert share_of_week(16, 40) == "16 of 40 h a week (40%)"
    assert share_of_week(None, 40) == "not set"
    assert share_of_week(12.5, 0) == "12.5 h a week"


def test_every_kind_of_record_is_counted_with_what_matters_of_it() -> None:
    counts = dict(record_counts(_northwind()))
    assert counts["Terms"] == "7 terms, 6 open"
    assert counts["People"] == "3 stakeholders, 1 decides"
    assert counts["Risks"] == "2 risks"
    given, received = (int(n) for n in counts["Concessions"].split()[::2])
    assert given > received
    assert list(counts) == ["Terms", "Concessions", "Calls", "Milestones", "People",
                            "Risks", "Scenarios", "Value map", "Agenda", "Lessons",
                            "Onboarding"]


def test_a_new_deal_says_what_it_has_none_of() -> None:
    book = _northwind().model_copy(update={"terms": [], "concessions": [],
                                           "stakeholders": [], "milestones": []})
    counts = dict(record_counts(book))
    assert counts["Terms"] == counts["Concessions"] == counts["People"] == "none yet"
    assert counts["Milestones"] == "none yet"
