"""Records of one kind kept in the user's other deals: what a tall record list shows
under the record in focus, so what was written for one deal helps with the next."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from negtui.domain.book import DealBook


def from_other_deals(books: Iterable[DealBook], deal_id: str, table: str,
                     alike: Callable[[Any], bool] | None = None) -> list[tuple[DealBook, Any]]:
    """The records of list ``table`` in every deal but ``deal_id`` (archived ones left
    out): those ``alike`` holds for first (the same organisation), then by the deal that
    starts latest, the newest work first; within a deal, in the order written."""
    found: list[tuple[DealBook, Any]] = []
    for book in books:
        if book.id == deal_id or book.deal.archived:
            continue
        found += [(book, record) for record in getattr(book, table)]

    def rank(item: tuple[DealBook, Any]) -> tuple[bool, int]:
        book, record = item
        start = book.deal.start or date.min
        return (not (alike is not None and alike(record)), -start.toordinal())

    return sorted(found, key=rank)
