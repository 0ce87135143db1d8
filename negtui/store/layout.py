"""How models map onto the tables of a TinyDB file, and how a file is checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.fields import explain
from negtui.domain.models import Checklist, Deal, Lesson, Record, Settings
from negtui.store.errors import FileProblem, StoreError
from negtui.store.migrations import Raw

M = TypeVar("M", bound=BaseModel)

DEAL_TABLE = "deal"
CHECKLIST_TABLE = "checklist"
SETTINGS_TABLE = "settings"
LESSONS_TABLE = "lessons"

TABLE_OF: dict[type[Record], str] = {model: name for name, model in RECORD_TABLES.items()}


def table_of(record: Record) -> str:
    """The list of a deal file that holds records of this kind."""
    for kind in type(record).__mro__:
        if kind in TABLE_OF:
            return TABLE_OF[kind]
    raise TypeError(f"a deal file holds no {type(record).__name__} records")


def parse_json(text: str, path: Path) -> Raw:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise StoreError(FileProblem(path, f"is not valid JSON ({error.msg})", where)) from None
    if not isinstance(raw, dict):
        raise StoreError(FileProblem(path, "should hold a JSON object of tables"))
    return raw


def read_raw(path: Path) -> Raw | None:
    """The file's tables, or None when it does not exist."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(FileProblem(path, f"cannot be read: {error.strerror}")) from None
    if not data.strip():
        raise StoreError(FileProblem(path, "is empty (expected JSON tables)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StoreError(
            FileProblem(path, "is not UTF-8 text", f"byte {error.start}")
        ) from None
    return parse_json(text, path)


def docs(raw: Raw, table: str, path: Path) -> list[tuple[str, Any]]:
    """The documents of a table in insertion order, with their TinyDB keys."""
    content = raw.get(table, {})
    if not isinstance(content, dict):
        raise StoreError(FileProblem(path, "should be an object of documents", table))
    return sorted(content.items(), key=lambda item: int(item[0]) if item[0].isdigit() else 0)


def _validate(
    model: type[M], data: Any, path: Path, where: str, problems: list[FileProblem]
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for line in explain(error):
            field, _, message = line.partition(": ") if ": " in line else ("", "", line)
            place = f"{where}.{field}" if field else where
            problems.append(FileProblem(path, message or line, place))
        return None


def book_from_raw(raw: Raw, path: Path) -> DealBook:
    """Validate every record of a deal file; all problems are reported together."""
    problems: list[FileProblem] = []
    deal_docs = docs(raw, DEAL_TABLE, path)
    if len(deal_docs) != 1:
        raise StoreError(FileProblem(path, f"should hold one deal, found {len(deal_docs)}", "deal"))
    deal = _validate(Deal, deal_docs[0][1], path, "deal", problems)
    lists: dict[str, list[Any]] = {}
    for table, model in RECORD_TABLES.items():
        lists[table] = []
        for key, doc in docs(raw, table, path):
            name = doc.get("name") or doc.get("what") if isinstance(doc, dict) else None
            label = f"{table}[{key}]" + (f" ({name})" if name else "")
            record = _validate(model, doc, path, label, problems)
            if record is not None:
                lists[table].append(record)
    checklist_docs = docs(raw, CHECKLIST_TABLE, path)
    checklist = (
        _validate(Checklist, checklist_docs[0][1], path, "checklist", problems)
        if checklist_docs
        else Checklist()
    )
    if problems or deal is None or checklist is None:
        raise StoreError(problems)
    return DealBook(deal=deal, checklist=checklist, **lists)


def settings_from_raw(raw: Raw | None, path: Path) -> tuple[Settings, list[Lesson]]:
    if raw is None:
        return Settings(), []
    problems: list[FileProblem] = []
    found = docs(raw, SETTINGS_TABLE, path)
    settings = _validate(Settings, found[0][1], path, "settings", problems) if found else Settings()
    lessons = [
        _validate(Lesson, doc, path, f"lessons[{key}]", problems)
        for key, doc in docs(raw, LESSONS_TABLE, path)
    ]
    if problems or settings is None:
        raise StoreError(problems)
    return settings, [lesson for lesson in lessons if lesson is not None]
