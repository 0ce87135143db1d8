"""The whole portfolio as one versioned JSON document, out and back in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from negtui.domain import integrity
from negtui.domain.book import DealBook
from negtui.domain.fields import explain
from negtui.domain.models import Lesson, Settings
from negtui.store.errors import FileProblem, StoreError
from negtui.store.layout import deep_extras
from negtui.store.migrations import SCHEMA_VERSION
from negtui.store.repository import Store

FORMAT = "negtui-portfolio"


def export_document(store: Store) -> dict[str, Any]:
    """Refuses when a file is broken: an export that silently misses a deal misleads."""
    portfolio = store.load()
    if portfolio.problems:
        raise StoreError(portfolio.problems)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": store.clock().isoformat(),
        "settings": portfolio.settings.model_dump(mode="json"),
        "lessons": [lesson.model_dump(mode="json") for lesson in portfolio.lessons],
        "deals": [book.model_dump(mode="json") for book in portfolio.books.values()],
    }


def parse_document(document: Any, source: Path) -> tuple[Settings | None, list[Lesson],
                                                         list[DealBook]]:
    """Validate a whole document; every problem is reported, and nothing is returned half."""
    problems: list[FileProblem] = []

    def fail(message: str, where: str = "") -> None:
        problems.append(FileProblem(source, message, where))

    if not isinstance(document, dict):
        raise StoreError(FileProblem(source, "should be a JSON object"))
    if document.get("format") != FORMAT:
        fail(f"is not a negtui export (format should be {FORMAT!r})", "format")
    version = document.get("schema_version")
    if not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        fail(f"schema_version {version!r} is not one this negtui reads (1 to {SCHEMA_VERSION})",
             "schema_version")
    settings = None
    if "settings" in document:
        try:
            settings = Settings.model_validate(document["settings"])
        except ValidationError as error:
            problems.extend(FileProblem(source, line) for line in explain(error, "settings"))
        else:
            deep_extras(settings, source, "settings", problems)
    lessons = []
    listed = document.get("lessons") or []
    if not isinstance(listed, list):
        fail("should list its lessons under 'lessons'", "lessons")
        listed = []
    for index, raw in enumerate(listed):
        try:
            lessons.append(Lesson.model_validate(raw))
        except ValidationError as error:
            problems.extend(FileProblem(source, line)
                            for line in explain(error, f"lessons[{index}]"))
        else:
            deep_extras(lessons[-1], source, f"lessons[{index}]", problems)
    books = []
    seen: set[str] = set()
    deals = document.get("deals")
    if not isinstance(deals, list):
        fail("should list its deals under 'deals'", "deals")
        deals = []
    for index, raw in enumerate(deals):
        try:
            book = DealBook.model_validate(raw)
        except ValidationError as error:
            problems.extend(FileProblem(source, line) for line in explain(error, f"deals[{index}]"))
            continue
        deep_extras(book, source, f"deals[{index}]", problems)
        if book.id in seen:
            fail(f"lists deal {book.id!r} twice", f"deals[{index}]")
        seen.add(book.id)
        for problem in integrity.problems(book):
            fail(problem, f"deals[{index}]")
        books.append(book)
    if problems:
        raise StoreError(problems)
    return settings, lessons, books


def import_document(store: Store, document: Any, source: Path) -> list[DealBook]:
    """Merge by id; nothing is written unless the document and every target file check
    out, and then every file is written or none is."""
    settings, lessons, books = parse_document(document, source)
    current = store.load()
    targets = {store.deal_path(book.id) for book in books} | {store.portfolio_path}
    blocking = [problem for problem in current.problems if problem.path in targets]
    if blocking:
        raise StoreError(blocking)
    store.write_together(settings, lessons, books)
    return books
