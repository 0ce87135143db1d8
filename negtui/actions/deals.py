"""Adding, changing, archiving and deleting deals, each with the change that undoes it."""

from __future__ import annotations

from pathlib import Path

from negtui.actions.undo import Change
from negtui.domain.models import Deal
from negtui.store import Store


def add_deal(store: Store, deal: Deal) -> Change:
    store.create_deal(deal)
    return Change(f"Added {deal.name}", lambda undoing: undoing.delete_deal(deal.id))


def save_deal(store: Store, deal: Deal, before: Deal | None = None) -> Change | None:
    """Write the deal's own fields over ``before`` (refused if the file no longer holds
    it); returns the change back to ``before`` when there was one."""
    store.save_deal(deal, expected=before)
    if before is None:
        return None
    return Change(f"Edited {deal.name}", lambda undoing: undoing.save_deal(before),
                  deal.id)


def toggle_archive(store: Store, deal: Deal) -> tuple[Deal, Change]:
    changed = deal.model_copy(update={"archived": not deal.archived})
    store.save_deal(changed)
    verb = "Archived" if changed.archived else "Restored from archive"
    return changed, Change(f"{verb} {deal.name}", lambda undoing: undoing.save_deal(deal),
                           deal.id)


def delete_deal(store: Store, deal: Deal) -> Change:
    """Move the deal's file to the trash; the change brings it back."""
    trashed: Path = store.delete_deal(deal.id)
    return Change(f"Deleted {deal.name}", lambda undoing: undoing.restore_deal(trashed),
                  deal.id)
