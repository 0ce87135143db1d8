"""The records of one kind in the user's other deals, the alike ones first."""

from __future__ import annotations

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import fixed_clock
from negtui.domain.elsewhere import from_other_deals


def _books() -> list[DealBook]:
    _, books = demo_portfolio(fixed_clock("2026-11-23T09:30:00+00:00"))
    return books


def test_the_deal_itself_and_archived_deals_are_left_out() -> None:
    books = _books()
    northwind = next(b for b in books if b.deal.name == "Northwind data platform")
    found = from_other_deals(books, northwind.id, "risks")
    assert found
    assert all(book.id != northwind.id and not book.deal.archived for book, _ in found)
    assert len(found) == sum(len(b.risks) for b in books
                             if b.id != northwind.id and not b.deal.archived)


def test_alike_records_come_first_then_the_latest_deals() -> None:
    books = _books()
    northwind = next(b for b in books if b.deal.name == "Northwind data platform")
    people = from_other_deals(books, northwind.id, "stakeholders")
    last = people[-1][1]
    first = from_other_deals(books, northwind.id, "stakeholders",
                             alike=lambda person: person.id == last.id)
    assert first[0][1].id == last.id
    starts = [book.deal.start for book, _ in people if book.deal.start]
    assert starts == sorted(starts, reverse=True)
