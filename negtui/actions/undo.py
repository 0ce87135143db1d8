"""Undo for the slips a user is likely to make in one sitting: edit, archive, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from negtui.store import Store


@dataclass(frozen=True)
class Change:
    label: str
    """What was done, as the user would say it: 'Archived Atlas pricing study'."""
    revert: Callable[[Store], object]
    deal_id: str | None = None
    """The deal that comes back (or is changed back): the cursor goes to it."""


@dataclass
class UndoStack:
    limit: int = 50
    changes: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> None:
        self.changes.append(change)
        del self.changes[: -self.limit]

    def seal(self) -> None:
        """A change that cannot be undone was saved: ``u`` takes back the last change or
        nothing, never an older one from under a newer one (undoing an added deal after a
        lesson was written would delete the deal, not the lesson)."""
        self.changes.clear()

    def pop(self) -> Change | None:
        return self.changes.pop() if self.changes else None

    def __len__(self) -> int:
        return len(self.changes)
