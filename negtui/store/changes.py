"""What a transaction does to one file: hold its lock, check that the records a change
started from are still what the file holds, and replace a table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.models import Record
from negtui.store.durable import PRIVATE_FILE
from negtui.store.errors import ChangedMeanwhile, FileProblem, StoreError
from negtui.store.layout import CHECKLIST_TABLE, DEAL_TABLE


@contextmanager
def file_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the file's lock; a lock that cannot be had is a ``StoreError``, never a crash."""
    import filelock  # loaded with the first write: opening a folder to read takes no lock

    lock = filelock.FileLock(f"{path}.lock", timeout=timeout, mode=PRIVATE_FILE)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise StoreError(
            FileProblem(path, "is locked by another negtui that does not let go; try again")
        ) from None
    except OSError as error:
        raise StoreError(
            FileProblem(path, f"cannot be locked for writing: {error.strerror}")
        ) from None
    try:
        yield
    finally:
        lock.release()


def still_the_same(path: Path, name: str, expected: Record,
                   on_disk: dict[str, Any] | None) -> None:
    """Raise ``ChangedMeanwhile`` unless the file still holds ``expected``."""
    ours = expected.model_dump(mode="json")
    # Read through the same model, so defaults added since the file was written and the
    # spelling of dates do not count as a change.
    current = type(expected).model_validate(on_disk) if on_disk else None
    theirs = current.model_dump(mode="json") if current is not None else {}
    if theirs == ours:
        return
    fields = [(key, ours.get(key), theirs.get(key)) for key in sorted(ours.keys() | theirs.keys())
              if ours.get(key) != theirs.get(key)]
    raise ChangedMeanwhile(path, name, fields if on_disk is not None else [], theirs, current)


def replace_table(db: TinyDB, table_name: str, documents: list[dict[str, Any]]) -> None:
    table = db.table(table_name)
    table.truncate()
    if documents:
        table.insert_multiple(documents)


def merge_book(db: TinyDB, book: DealBook) -> None:
    """A whole deal into its file: the deal and checklist replaced, records merged by id."""
    replace_table(db, DEAL_TABLE, [book.deal.model_dump(mode="json")])
    for table_name in RECORD_TABLES:
        merged = {doc.get("id"): dict(doc) for doc in db.table(table_name).all()}
        for record in getattr(book, table_name):
            merged[record.id] = record.model_dump(mode="json")
        replace_table(db, table_name, list(merged.values()))
    replace_table(db, CHECKLIST_TABLE, [book.checklist.model_dump(mode="json")])
