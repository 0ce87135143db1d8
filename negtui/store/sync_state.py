"""What this computer remembers of its syncs: when the folder last synced, and each field
both sides changed, until someone has looked at it.

Kept in ``.sync.json`` in the data folder, never shared through git (each person looks at
their own conflicts), written atomically like every other file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from negtui.store.changes import file_lock
from negtui.store.durable import write_atomically
from negtui.store.errors import FileProblem, StoreError
from negtui.store.reading import parse_json, read_regular

STATE_FILE = ".sync.json"


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed: which record, both values, and what was kept."""

    deal_id: str
    deal_name: str
    table: str
    record_id: str
    record_name: str
    field: str
    ours: Any
    theirs: Any
    kept: Any
    at: str


@dataclass
class SyncState:
    last_synced: str | None = None
    remote: str | None = None
    conflicts: list[Conflict] = field(default_factory=list)

    def open_conflicts(self, record_id: str) -> list[Conflict]:
        return [c for c in self.conflicts if c.record_id == record_id]


def state_path(root: Path) -> Path:
    return root / STATE_FILE


def read_state(root: Path) -> SyncState:
    """The remembered state; nothing remembered yet is an empty one. A file that does not
    check out is a ``StoreError`` naming it, and is not written over."""
    path = state_path(root)
    data = read_regular(path)
    if data is None:
        return SyncState()
    try:
        raw = parse_json(data.decode("utf-8"), path)
        conflicts = [Conflict(**item) for item in raw.get("conflicts", [])]
        last, remote = raw.get("last_synced"), raw.get("remote")
        if not (last is None or isinstance(last, str)) or not (
                remote is None or isinstance(remote, str)):
            raise TypeError
    except (UnicodeDecodeError, TypeError, AttributeError):
        raise StoreError(FileProblem(path, "is not a sync record negtui can read; "
                                           "move it away")) from None
    return SyncState(last, remote, conflicts)


def write_state(root: Path, state: SyncState) -> None:
    document = {"last_synced": state.last_synced, "remote": state.remote,
                "conflicts": [asdict(c) for c in state.conflicts]}
    write_atomically(state_path(root), json.dumps(document, indent=1, sort_keys=True,
                                                  ensure_ascii=False) + "\n")


def update_state(root: Path, change: Any, timeout: float = 10.0) -> SyncState:
    """Read, change (``change(state)``) and write the state under its lock."""
    path = state_path(root)
    with file_lock(path, timeout):
        state = read_state(root)
        change(state)
        write_state(root, state)
    return state


def mark_seen(root: Path, record_id: str) -> list[Conflict]:
    """Forget the conflicts of one record, now that they have been looked at; returns them."""
    seen: list[Conflict] = []

    def drop(state: SyncState) -> None:
        seen.extend(state.open_conflicts(record_id))
        state.conflicts = [c for c in state.conflicts if c.record_id != record_id]

    if read_regular(state_path(root)) is None:
        return []
    update_state(root, drop)
    return seen
