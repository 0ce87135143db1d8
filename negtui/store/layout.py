"""How models map onto the tables of a TinyDB file, and how a file is checked."""

from __future__ import annotations

import functools
from collections.abc import Collection
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.fields import explain
from negtui.domain.models import Checklist, Deal, Lesson, Record, Settings
from negtui.store.errors import FileProblem, NotFound, StoreError
from negtui.store.migrations import META_TABLE, Raw, migrate, version_of
from negtui.store.reading import MAX_NESTING, read_raw, too_deep

M = TypeVar("M", bound=BaseModel)

DEAL_TABLE = "deal"
CHECKLIST_TABLE = "checklist"
SETTINGS_TABLE = "settings"
LESSONS_TABLE = "lessons"
DEAL_FILE_TABLES = {META_TABLE, DEAL_TABLE, CHECKLIST_TABLE, *RECORD_TABLES}
PORTFOLIO_FILE_TABLES = {META_TABLE, SETTINGS_TABLE, LESSONS_TABLE}

TABLE_OF: dict[type[Record], str] = {model: name for name, model in RECORD_TABLES.items()}

TOO_DEEP = f"is nested more than {MAX_NESTING} levels deep; negtui cannot keep it"


def table_of(record: Record) -> str:
    """The list of a deal file that holds records of this kind."""
    for kind in type(record).__mro__:
        if kind in TABLE_OF:
            return TABLE_OF[kind]
    raise TypeError(f"a deal file holds no {type(record).__name__} records")


def docs(raw: Raw, table: str, path: Path,
         problems: list[FileProblem]) -> list[tuple[str, Any]]:
    """The documents of a table in insertion order, with their TinyDB keys; a table that
    is not an object of documents is added to ``problems`` and counts as empty."""
    content = raw.get(table, {})
    if not isinstance(content, dict):
        problems.append(FileProblem(path, "should be an object of documents", table))
        return []
    return sorted(content.items(), key=lambda item: int(item[0]) if item[0].isdigit() else 0)


@functools.cache
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold other models (alone or in a list)."""
    def holds_a_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_a_model(inner) for inner in get_args(annotation))

    return tuple(name for name, info in model.model_fields.items()
                 if holds_a_model(info.annotation))


def deep_extras(model: BaseModel, path: Path, where: str,
                problems: list[FileProblem]) -> None:
    """Keys a newer negtui wrote are kept through every write, so each must stay writable."""
    for key, value in (model.model_extra or {}).items():
        if too_deep(value):
            problems.append(FileProblem(path, TOO_DEEP, f"{where}.{key}"))
    for name in _model_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            deep_extras(value, path, f"{where}.{name}", problems)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    deep_extras(item, path, f"{where}.{name}[{index}]", problems)


def _unknown_tables(raw: Raw, known: set[str], path: Path,
                    problems: list[FileProblem]) -> None:
    """Tables a newer negtui may have added are kept as they are, unless too deep to keep."""
    for table, content in raw.items():
        if table not in known and too_deep(content):
            problems.append(FileProblem(path, TOO_DEEP, table))


def _validate(
    model: type[M], data: Any, path: Path, where: str, problems: list[FileProblem]
) -> M | None:
    try:
        found = model.model_validate(data)
    except ValidationError as error:
        for line in explain(error):
            field, _, message = line.partition(": ") if ": " in line else ("", "", line)
            place = f"{where}.{field}" if field else where
            problems.append(FileProblem(path, message or line, place))
        return None
    if found.model_extra or _model_fields(type(found)):
        deep_extras(found, path, where, problems)
    return found


def up_to_date(raw: Raw, kind: str, path: Path, problems: list[FileProblem]) -> Raw:
    """``raw`` migrated to this version. One without a valid version is read as this one,
    so the rest of its problems are listed too (in ``problems``); a newer file raises."""
    try:
        version_of(raw, path)
    except StoreError as error:
        problems.extend(error.problems)
        return raw
    return migrate(raw, kind, path)[0]


def _raw_id(doc: Any) -> str | None:
    found = doc.get("id") if isinstance(doc, dict) else None
    return found if isinstance(found, str) else None


def book_from_raw(raw: Raw, path: Path, problems: list[FileProblem] | None = None,
                  expected_id: str | None = None,
                  only: Collection[str] | None = None) -> DealBook:
    """Validate every record of a deal file; every problem is reported together, after
    those already found (``problems``). With ``expected_id`` (what the file's name says),
    a file holding another deal is one of them. With ``only``, the deal and just these
    lists of records (``RECORD_TABLES``' names) are read: the others stay empty, unread,
    and the checklist is left as new."""
    unknown = set(only or ()) - RECORD_TABLES.keys()
    if unknown:  # a misspelt list would be read as empty
        raise ValueError(f"no such lists of records: {sorted(unknown)}")
    problems = [] if problems is None else problems
    deal_docs = docs(raw, DEAL_TABLE, path, problems)
    deal = None
    if len(deal_docs) == 1:
        deal = _validate(Deal, deal_docs[0][1], path, "deal", problems)
        found_id = deal.id if deal is not None else _raw_id(deal_docs[0][1])
        if expected_id is not None and found_id is not None and found_id != expected_id:
            problems.append(FileProblem(
                path, f"holds deal id {found_id!r}, expected {expected_id!r}", "deal.id"))
    elif isinstance(raw.get(DEAL_TABLE, {}), dict):
        problems.append(FileProblem(path, f"should hold one deal, found {len(deal_docs)}",
                                    "deal"))
    lists: dict[str, list[Any]] = {}
    for table, model in RECORD_TABLES.items():
        lists[table] = []
        if only is not None and table not in only:
            continue
        for key, doc in docs(raw, table, path, problems):
            name = doc.get("name") or doc.get("what") if isinstance(doc, dict) else None
            label = f"{table}[{key}]" + (f" ({name})" if name else "")
            record = _validate(model, doc, path, label, problems)
            if record is not None:
                lists[table].append(record)
    checklist_docs = docs(raw, CHECKLIST_TABLE, path, problems) if only is None else []
    checklist = (
        _validate(Checklist, checklist_docs[0][1], path, "checklist", problems)
        if checklist_docs
        else Checklist()
    )
    _unknown_tables(raw, DEAL_FILE_TABLES, path, problems)
    if problems or deal is None or checklist is None:
        raise StoreError(problems)
    return DealBook(deal=deal, checklist=checklist, **lists)


def read_deal_file(path: Path, only: Collection[str] | None = None) -> DealBook:
    """The deal a deal file holds, brought up to this version's schema (``book_from_raw``
    says what ``only`` leaves out)."""
    raw = read_raw(path)
    if raw is None:
        raise NotFound(FileProblem(path, "does not exist"))
    problems: list[FileProblem] = []
    raw = up_to_date(raw, "deal", path, problems)
    return book_from_raw(raw, path, problems, expected_id=path.stem, only=only)


def settings_from_raw(raw: Raw | None, path: Path, problems: list[FileProblem] | None = None
                      ) -> tuple[Settings, list[Lesson]]:
    """The settings and lessons of the portfolio file; every problem reported together."""
    problems = [] if problems is None else problems
    if raw is None and not problems:
        return Settings(), []
    raw = raw or {}
    found = docs(raw, SETTINGS_TABLE, path, problems)
    settings = _validate(Settings, found[0][1], path, "settings", problems) if found else Settings()
    lessons = [
        _validate(Lesson, doc, path, f"lessons[{key}]", problems)
        for key, doc in docs(raw, LESSONS_TABLE, path, problems)
    ]
    _unknown_tables(raw, PORTFOLIO_FILE_TABLES, path, problems)
    if problems or settings is None:
        raise StoreError(problems)
    return settings, [lesson for lesson in lessons if lesson is not None]


def raw_deal_name(path: Path) -> str | None:
    """The name a deal file gives its deal, even when the file does not check out; None
    when it cannot be read that far."""
    try:
        raw = read_raw(path)
    except StoreError:
        return None
    content = raw.get(DEAL_TABLE) if raw is not None else None
    found = list(content.values()) if isinstance(content, dict) else []
    name = found[0].get("name") if len(found) == 1 and isinstance(found[0], dict) else None
    return name if isinstance(name, str) else None
