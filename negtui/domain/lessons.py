"""Lessons learned across the portfolio: finding them, and the ones that bear on a deal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Lesson

_OLDEST = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class LessonEntry:
    lesson: Lesson
    deal: Deal | None
    """The deal it was learned on, when known."""

    @property
    def source(self) -> str:
        return self.deal.name if self.deal else "portfolio"

    def text(self) -> str:
        """Everything a search looks through."""
        parts = [self.lesson.worked, self.lesson.did_not, self.lesson.why, self.source]
        if self.deal is not None:
            parts += [self.deal.counterparty, self.deal.contract_type.value]
        return " ".join(parts)


def all_lessons(books: Iterable[DealBook], portfolio_lessons: Iterable[Lesson] = ()
                ) -> list[LessonEntry]:
    """Lessons kept in each deal file and in the portfolio file, newest first, once each."""
    deal_books = list(books)
    by_deal = {book.id: book.deal for book in deal_books}
    seen: dict[str, LessonEntry] = {}
    for book in deal_books:
        for lesson in book.lessons:
            seen.setdefault(lesson.id, LessonEntry(lesson, book.deal))
    for lesson in portfolio_lessons:
        seen.setdefault(lesson.id, LessonEntry(lesson, by_deal.get(lesson.deal_id or "")))
    return sorted(seen.values(), key=lambda e: e.lesson.at or _OLDEST, reverse=True)


def search(entries: Iterable[LessonEntry], query: str) -> list[LessonEntry]:
    """Entries holding every word of the query, in any field, ignoring case."""
    words = query.casefold().split()
    return [e for e in entries if all(word in e.text().casefold() for word in words)]


def related(entries: Iterable[LessonEntry], deal: Deal) -> list[tuple[LessonEntry, str]]:
    """Lessons from other deals with the same counterparty or the same contract type."""
    found = []
    for entry in entries:
        other = entry.deal
        if other is None or other.id == deal.id:
            continue
        if deal.counterparty and other.counterparty.casefold() == deal.counterparty.casefold():
            found.append((entry, f"same counterparty: {other.counterparty}"))
        elif other.contract_type is deal.contract_type:
            found.append((entry, f"also {deal.contract_type.value}"))
    # Same counterparty first: those lessons are the most specific.
    return sorted(found, key=lambda pair: not pair[1].startswith("same"))
