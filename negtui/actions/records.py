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


def change_records(store: Store, deal_id: str, *records: Record, before: Sequence[Record],
                   label: str) -> Change:
    """Save ``records`` as ``save_records`` does, ``before`` being the versions the change
    started from; the change returned puts those back and removes the records that were
    new. Undone after someone else changed them meanwhile, it is refused."""
    store.put(deal_id, *records, expected=before)
    kept = {record.id for record in before}
    added = [record for record in records if record.id not in kept]
    written = [record for record in records if record.id in kept]

    def revert(undoing: Store) -> None:
        if before:
            undoing.put(deal_id, *before, expected=written)
        for record in added:
            undoing.remove(deal_id, record)

    return Change(label, revert, deal_id)
