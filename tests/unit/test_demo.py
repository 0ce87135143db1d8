"""The sample portfolios show every feature and are the same on every run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import arrow
import pytest

from negtui.demo import demo_portfolio, large_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock, fixed_clock
from negtui.domain.models import Settings
from negtui.domain.terms import class_of, term_problems
from negtui.domain.vocab import DealStatus, TermClass
from negtui.store import Store


def dumped(books: list[DealBook]) -> list[dict[str, object]]:
    return [book.model_dump(mode="json") for book in books]


@pytest.fixture(scope="module")
def demo() -> tuple[Settings, list[DealBook]]:
    return demo_portfolio(fixed_clock("2026-11-21T10:00:00+00:00"))


def test_demo_covers_every_deal_status(demo: tuple[Settings, list[DealBook]]) -> None:
    _, books = demo
    assert {book.deal.status for book in books} == set(DealStatus)


def test_demo_has_terms_of_every_class_at_the_default_threshold(
    demo: tuple[Settings, list[DealBook]]
) -> None:
    settings, books = demo
    threshold = Settings().high_threshold
    assert threshold == 7
    assert settings.high_threshold == threshold
    classes = {class_of(term, threshold) for book in books for term in book.terms}
    assert classes == set(TermClass)


def test_demo_terms_could_all_be_saved(demo: tuple[Settings, list[DealBook]]) -> None:
    _, books = demo
    for book in books:
        for term in book.terms:
            assert term_problems(term, 7) == {}, (book.deal.name, term.name)


def test_demo_has_records_of_every_kind(demo: tuple[Settings, list[DealBook]]) -> None:
    _, books = demo
    for table in ("terms", "concessions", "calls", "milestones", "stakeholders", "scenarios",
                  "risks"):
        assert sum(len(getattr(book, table)) for book in books) > 0, table
    assert {c.direction for book in books for c in book.concessions} == {"given", "received"}


def test_demo_milestones_lie_before_and_after_the_clock(
    demo: tuple[Settings, list[DealBook]]
) -> None:
    _, books = demo
    now = arrow.get("2026-11-21T10:00:00+00:00").datetime
    dues = [m.due for book in books for m in book.milestones]
    assert any(due < now for due in dues)
    assert any(due > now for due in dues)
    # Something is due within the next two days, so the schedule has something to show.
    assert any(now < due <= now + timedelta(days=2) for due in dues)


def test_demo_references_resolve(demo: tuple[Settings, list[DealBook]]) -> None:
    _, books = demo
    for book in books:
        term_ids = {term.id for term in book.terms}
        call_ids = {call.id for call in book.calls}
        for concession in book.concessions:
            assert concession.term_id in term_ids
            assert concession.call_id in call_ids


def test_demo_ids_are_unique_and_safe(demo: tuple[Settings, list[DealBook]]) -> None:
    _, books = demo
    ids = [book.id for book in books]
    ids += [r.id for book in books for t in ("terms", "concessions", "calls", "milestones")
            for r in getattr(book, t)]
    assert len(ids) == len(set(ids))


def test_same_clock_gives_identical_demo(clock: Clock) -> None:
    first_settings, first = demo_portfolio(clock)
    second_settings, second = demo_portfolio(clock)
    assert first_settings == second_settings
    assert dumped(first) == dumped(second)


def test_demo_dates_follow_the_clock() -> None:
    _, today = demo_portfolio(fixed_clock("2026-11-21T10:00:00+00:00"))
    _, week_later = demo_portfolio(fixed_clock("2026-11-28T10:00:00+00:00"))
    assert [b.id for b in today] == [b.id for b in week_later]
    for before, after in zip(today, week_later, strict=True):
        for early, late in zip(before.milestones, after.milestones, strict=True):
            assert (late.due - early.due).days == 7


def test_demo_writes_and_loads_without_problems(tmp_path: Path, clock: Clock) -> None:
    settings, books = demo_portfolio(clock)
    store = Store(tmp_path / "demo", clock).open()
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    portfolio = store.load()
    assert portfolio.problems == []
    assert [portfolio.books[book.id] for book in books] == books


@pytest.mark.slow
def test_large_portfolio_sizes(clock: Clock) -> None:
    settings, books = large_portfolio(clock)
    assert len(books) == 200
    assert sum(len(book.terms) for book in books) == 5000
    assert sum(len(book.concessions) for book in books) == 50000
    assert sum(len(book.milestones) for book in books) == 5000
    assert len({book.id for book in books}) == 200
    assert {book.deal.status for book in books} == set(DealStatus)
    assert all(term_problems(term, settings.high_threshold) == {}
               for book in books for term in book.terms)
