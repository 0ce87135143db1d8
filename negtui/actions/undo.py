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


@dataclass
class UndoStack:
    limit: int = 50
    changes: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> None:
        self.changes.append(change)
        del self.changes[: -self.limit]

    def pop(self) -> Change | None:
        return self.changes.pop() if self.changes else None

    def __len__(self) -> int:
        return len(self.changes)
