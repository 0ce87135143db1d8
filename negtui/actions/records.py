"""Saving and removing a deal's records: terms, milestones, people, risks and the rest.

Every record kind goes through the same two use cases, so each write is one transaction
on the deal's file, whichever screen it came from.
"""

from __future__ import annotations

from collections.abc import Sequence

from negtui.actions.undo import Change
from negtui.domain.models import Record
from negtui.store import Store


def save_records(store: Store, deal_id: str, *records: Record,
                 expected: Sequence[Record] = ()) -> None:
    """Add or replace records of any kinds in one deal, all or none; ``expected`` are the
    versions an edit started from, refused if the file no longer holds them."""
    store.put(deal_id, *records, expected=expected)


def remove_record(store: Store, deal_id: str, record: Record, label: str) -> Change:
    """Remove one record; the change returned puts it back as it was (``label`` says
    what it was, as the user would: 'Deleted Payment terms')."""
    store.remove(deal_id, record)
    return Change(label, lambda undoing: undoing.put(deal_id, record))
