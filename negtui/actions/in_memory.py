"""A deal held in memory brought up to date with records just written to its file, as
reading the file back would give it, without reading it back."""

from __future__ import annotations

from collections.abc import Sequence

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.models import Record
from negtui.store.layout import table_of


def with_records(book: DealBook, records: Sequence[Record]) -> DealBook:
    """``book`` with each record in the list of its kind: in place of the record of its id,
    or after the others when it is new (as the file keeps them). Each goes through the
    same check as when it is read from the file, so the copy is what a reading would get."""
    lists: dict[str, list[Record]] = {}
    for record in records:
        table = table_of(record)
        model = RECORD_TABLES[table]
        as_read = model.model_validate(record.model_dump(mode="json"))
        found = lists.setdefault(table, list(getattr(book, table)))
        where = next((i for i, old in enumerate(found) if old.id == record.id), None)
        if where is None:
            found.append(as_read)
        else:
            found[where] = as_read
    return book.model_copy(update=lists)
