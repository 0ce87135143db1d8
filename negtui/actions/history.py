"""Who changed a record, and when: read from the git history of its deal file.

Each record sits on one line of its deal file, and that line carries its id, so the
commits that added or removed a line holding ``"id": "<id>"`` are the record's changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from negtui.store import Store
from negtui.store.errors import StoreError
from negtui.store.git import Git, GitFailed, git_version
from negtui.store.sync_state import Conflict, mark_seen, read_state

FIELD_END = "\x1f"


@dataclass(frozen=True)
class Change:
    author: str
    when: str
    summary: str


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    """Fields the last syncs found changed on both sides, now looked at."""
    note: str = ""
    """Why there is no history to show, when there is none."""
    unsynced: bool = False
    """The record was changed here since the last commit."""


def conflicted_records(root: Path) -> set[str]:
    """The ids of the records with sync conflicts nobody has looked at yet; none when the
    record of syncs cannot be read (``negtui sync`` reports that file by name)."""
    try:
        return {conflict.record_id for conflict in read_state(root).conflicts}
    except StoreError:
        return set()


def record_history(store: Store, deal_id: str, record_id: str) -> History:
    """The commits that changed the record, newest first, and the conflicts it had (which
    count as looked at from now on)."""
    git = Git(store.root)
    history = History()
    if not git.is_repository():
        history.note = (f"{store.root} is not shared through git yet, so it keeps no history; "
                        f"negtui sync --remote URL starts one")
        return history
    if git_version() is None:
        history.note = "git is not installed, so the history cannot be read"
        return history
    path = f"deals/{deal_id}.json"
    pattern = re.escape(f'"id": "{record_id}"')
    try:
        out = git.text("log", "--no-merges", f"-G{pattern}", "--date=format:%Y-%m-%d %H:%M",
                       f"--format=%an{FIELD_END}%ad{FIELD_END}%s", "--", path)
        changed_here = git.run("diff", "--quiet", f"-G{pattern}", "HEAD", "--", path,
                               check=False).returncode == 1
    except GitFailed as failure:
        history.note = f"the history cannot be read: {failure}"
        return history
    for line in out.splitlines():
        author, _, rest = line.partition(FIELD_END)
        when, _, summary = rest.partition(FIELD_END)
        history.changes.append(Change(author, when, summary))
    history.unsynced = changed_here
    if not history.changes and not changed_here:
        history.note = "no commit has changed it yet"
    history.conflicts = mark_seen(store.root, record_id)
    return history
