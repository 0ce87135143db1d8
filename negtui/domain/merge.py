"""Three versions of one data file merged record by record, then field by field.

A data file is an object of tables; a table is an object of documents keyed by position
("1", "2", ...). A document with a string ``id`` is matched across the versions by it,
one without by its key. For each record:

- the same on both sides: kept as it is (this covers one removed on both sides);
- changed (added, edited, removed) on one side only: that side's version is taken;
- changed on both sides: the fields are merged one by one the same way, and a field
  changed on both sides to different values takes the later side's value. Each such
  field is returned as a ``FieldClash``, so nothing is lost without a word.
- removed on one side and changed on the other: the changed record is kept (a clash
  on the whole record).

Which side is "later" is the caller's decision, made once per file (``ours_later``).
Pure: no files, no git, no TinyDB.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Tables = dict[str, Any]

WHOLE_RECORD = ""
"""The field of a clash about the whole record (removed on one side, changed on the other)."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Stands for a record or field one version does not have."""


@dataclass(frozen=True)
class FieldClash:
    """One field both sides changed to different values; ``kept`` is what the merge holds."""

    table: str
    record_id: str
    record_name: str
    field: str
    ours: Any
    theirs: Any
    kept: Any


@dataclass
class Merged:
    tables: Tables
    clashes: list[FieldClash]


def record_key(key: str, doc: Any) -> str:
    """What matches a document across versions: its id, else its place in the table."""
    if isinstance(doc, dict) and isinstance(doc.get("id"), str):
        return str(doc["id"])
    return f"#{key}"


def record_name(doc: Any, fallback: str) -> str:
    if isinstance(doc, dict):
        for field in ("name", "what", "title", "topic", "risk"):
            value = doc.get(field)
            if isinstance(value, str) and value:
                return value
    return fallback


def _by_key(table: Any) -> dict[str, tuple[str, Any]]:
    """Record key -> (document key, document), for a table that is an object of documents."""
    if not isinstance(table, dict):
        return {}
    return {record_key(key, doc): (key, doc) for key, doc in table.items()}


def _is_document_table(table: Any) -> bool:
    return isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())


def _pick(base: Any, ours: Any, theirs: Any) -> tuple[bool, Any]:
    """(settled, value): settled when at most one side changed ``base``."""
    if ours == theirs:
        return True, ours
    if ours == base:
        return True, theirs
    if theirs == base:
        return True, ours
    return False, None


def merge_record(table: str, base: Any, ours: Any, theirs: Any, ours_later: bool
                 ) -> tuple[Any, list[FieldClash]]:
    """One record (any of them MISSING) merged; MISSING when it is to go."""
    settled, value = _pick(base, ours, theirs)
    if settled:
        return value, []
    some = ours if ours is not MISSING else theirs
    key = record_key("", some)
    name = record_name(some, key)
    if ours is MISSING or theirs is MISSING:
        kept = theirs if ours is MISSING else ours
        return kept, [FieldClash(table, key, name, WHOLE_RECORD, ours, theirs, kept)]
    if not (isinstance(ours, dict) and isinstance(theirs, dict)):
        kept = ours if ours_later else theirs
        return kept, [FieldClash(table, key, name, WHOLE_RECORD, ours, theirs, kept)]
    start = base if isinstance(base, dict) else {}
    merged: dict[str, Any] = {}
    clashes = []
    for field in _ordered_union(ours, theirs, start):
        was, mine, other = (start.get(field, MISSING), ours.get(field, MISSING),
                            theirs.get(field, MISSING))
        settled, value = _pick(was, mine, other)
        if not settled:
            value = mine if ours_later else other
            clashes.append(FieldClash(table, key, name, field, mine, other, value))
        if value is not MISSING:
            merged[field] = value
    return merged, clashes


def _ordered_union(*maps: Mapping[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for mapping in maps:
        seen.update(dict.fromkeys(mapping))
    return list(seen)


def merge_table(name: str, base: Any, ours: Any, theirs: Any, ours_later: bool
                ) -> tuple[Any, list[FieldClash]]:
    """One table merged; MISSING when it is to go. Documents keep the keys our side gave
    them; one that arrives from the other side keeps its key if it is free, else takes the
    next number after the highest."""
    settled, value = _pick(base, ours, theirs)
    if settled:
        return value, []
    if not all(_is_document_table(t) for t in (ours, theirs) if t is not MISSING) or (
            base is not MISSING and not _is_document_table(base)):
        return merge_record(name, base, ours, theirs, ours_later)
    was, mine, other = _by_key(base), _by_key(ours), _by_key(theirs)
    result: dict[str, Any] = {}
    clashes: list[FieldClash] = []
    arrivals: list[tuple[str, Any]] = []
    for ident in _ordered_union(mine, other):
        doc, found = merge_record(
            name, was.get(ident, (None, MISSING))[1], mine.get(ident, (None, MISSING))[1],
            other.get(ident, (None, MISSING))[1], ours_later)
        clashes.extend(found)
        if doc is MISSING:
            continue
        if ident in mine:
            result[mine[ident][0]] = doc
        else:
            arrivals.append((other[ident][0], doc))
    taken = set(result) | {key for key, _ in mine.values()}
    for key, doc in arrivals:
        if key in taken:
            key = str(max((int(k) for k in taken if k.isdigit()), default=0) + 1)
        taken.add(key)
        result[key] = doc
    return result, clashes


def merge_tables(base: Tables | None, ours: Tables | None, theirs: Tables | None,
                 ours_later: bool) -> Merged | None:
    """Three versions of a file (None where a version has no such file) merged; None when
    the file is to go."""
    settled, value = _pick(base, ours, theirs)
    if settled:
        return None if value is None else Merged(value, [])
    if ours is None or theirs is None:
        kept = theirs if ours is None else ours
        assert kept is not None
        return Merged(kept, [FieldClash("", "", "", WHOLE_RECORD, ours, theirs, kept)])
    start = base or {}
    tables: Tables = {}
    clashes: list[FieldClash] = []
    for name in _ordered_union(ours, theirs):
        table, found = merge_table(name, start.get(name, MISSING), ours.get(name, MISSING),
                                   theirs.get(name, MISSING), ours_later)
        clashes.extend(found)
        if table is not MISSING:
            tables[name] = table
    return Merged(tables, clashes)


def records_by_id(tables: Tables) -> dict[tuple[str, str], Any]:
    """Every document of a file by (table, record key), whatever key holds it."""
    found: dict[tuple[str, str], Any] = {}
    for name, table in tables.items():
        if _is_document_table(table):
            for ident, (_, doc) in _by_key(table).items():
                found[(name, ident)] = doc
        else:
            found[(name, "")] = table
    return found


def changed_records(before: Tables | None, after: Tables | None
                    ) -> dict[str, tuple[int, int, int]]:
    """How many records of each table were added, changed and removed between two
    versions of a file; tables with no change are left out."""
    old, new = records_by_id(before or {}), records_by_id(after or {})
    counts: dict[str, list[int]] = {}
    for place in old.keys() | new.keys():
        if old.get(place) == new.get(place):
            continue
        which = 0 if place not in old else 2 if place not in new else 1
        counts.setdefault(place[0], [0, 0, 0])[which] += 1
    return {table: (added, changed, removed)
            for table, (added, changed, removed) in sorted(counts.items())}
