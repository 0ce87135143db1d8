"""The files of a shared data folder: which are shared, whether a version of one can be
read, how three versions of it become one, and putting the result in place.

Only the files a merge changes are read, so a sync of a large portfolio costs what the
team changed, not what the folder holds.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from negtui.domain.merge import FieldClash, changed_records, merge_tables
from negtui.domain.words import counted
from negtui.store.batch import Staged
from negtui.store.changes import file_lock
from negtui.store.durable import make_private_dirs, serialize
from negtui.store.errors import FileProblem, StoreError
from negtui.store.layout import book_from_raw, settings_from_raw, up_to_date
from negtui.store.migrations import Raw
from negtui.store.reading import parse_json
from negtui.store.repository import DEALS_DIR, PORTFOLIO_FILE, TRASH_DIR, Store


def is_shared(name: str) -> bool:
    """Whether a path of the repository (``deals/x.json``) is one of the portfolio's files."""
    if name == PORTFOLIO_FILE:
        return True
    folder, _, rest = name.partition("/")
    return (folder == DEALS_DIR and rest.endswith(".json") and "/" not in rest
            and not rest.startswith("."))


def kind_of(name: str) -> str:
    return "portfolio" if name == PORTFOLIO_FILE else "deal"


def checked(root: Path, name: str, data: bytes, whose: str = "") -> Raw:
    """The tables of one version of a shared file, migrated to this version, once every
    record checks out; anything else is a ``StoreError`` naming the file."""
    path = root / name
    label = Path(f"{whose}{path}") if whose else path
    if not data.strip():
        raise StoreError(FileProblem(label, "is empty (expected JSON tables)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StoreError(FileProblem(label, "is not UTF-8 text", f"byte {error.start}")) from None
    raw = parse_json(text, label)
    problems: list[FileProblem] = []
    raw = up_to_date(raw, kind_of(name), label, problems)
    if name == PORTFOLIO_FILE:
        settings_from_raw(raw, label, problems)
    else:
        book_from_raw(raw, label, problems, expected_id=Path(name).stem)
    return raw


@dataclass
class FileClashes:
    """The clashes of one file, with the deal they belong to."""

    name: str
    deal_id: str
    deal_name: str
    clashes: list[FieldClash]


@dataclass
class Outcome:
    """What merging the team's versions into the folder gives: new contents to write,
    files to put in the trash, and every field both sides changed."""

    writes: dict[str, str] = field(default_factory=dict)
    removals: list[str] = field(default_factory=list)
    clashes: list[FileClashes] = field(default_factory=list)

    @property
    def touched(self) -> list[str]:
        return sorted({*self.writes, *self.removals})


def _deal_name(raw: Raw | None) -> str:
    content = (raw or {}).get("deal")
    docs = list(content.values()) if isinstance(content, dict) else []
    name = docs[0].get("name") if len(docs) == 1 and isinstance(docs[0], dict) else None
    return name if isinstance(name, str) else ""


def merge_file(root: Path, name: str, base: bytes | None, ours: bytes | None,
               theirs: bytes | None, ours_later: bool, outcome: Outcome) -> None:
    """Add to ``outcome`` what the folder's copy of ``name`` becomes. Every version is
    checked first: one negtui cannot read stops the merge with its name."""
    if ours == theirs:
        return
    if ours == base:
        if theirs is None:
            outcome.removals.append(name)
        else:
            checked(root, name, theirs, "the team's copy of ")
            outcome.writes[name] = theirs.decode("utf-8")
        return
    their_raw = None if theirs is None else checked(root, name, theirs, "the team's copy of ")
    our_raw = None if ours is None else checked(root, name, ours)
    base_raw = None
    if base is not None:
        try:
            base_raw = checked(root, name, base, "the last shared copy of ")
        except StoreError:
            base_raw = None  # Merged as if the two sides had no common past.
    merged = merge_tables(base_raw, our_raw, their_raw, ours_later)
    if merged is None:
        outcome.removals.append(name)
        return
    text = serialize(merged.tables)
    checked(root, name, text.encode("utf-8"), "the merged copy of ")
    if text.encode("utf-8") != ours:
        outcome.writes[name] = text
    if merged.clashes:
        deal_name = _deal_name(merged.tables) or _deal_name(our_raw) or Path(name).stem
        deal_id = "" if name == PORTFOLIO_FILE else Path(name).stem
        outcome.clashes.append(FileClashes(name, deal_id, deal_name, merged.clashes))


def put_in_place(store: Store, outcome: Outcome) -> None:
    """Write every merged file as one batch (all or none, each old version backed up);
    a file the team removed goes to the trash, never straight away."""
    staged = Staged(store.root)
    try:
        for name, text in sorted(outcome.writes.items()):
            path = store.root / name
            make_private_dirs(path.parent)
            staged.add(path, text)
        staged.commit()
    finally:
        staged.discard()
    for name in outcome.removals:
        path = store.root / name
        if not os.path.lexists(path):
            continue
        trash = store.root / TRASH_DIR
        make_private_dirs(trash)
        stamp = store.clock().format("YYYYMMDDTHHmmss")
        target = trash / f"{path.stem}.{stamp}.{os.getpid()}.sync.json"
        shutil.move(path, target)


@contextmanager
def holding(store: Store, names: set[str] | list[str]) -> Iterator[None]:
    """The store's own locks on every file named, taken in one order so that two syncs or
    a sync and a writer never wait on each other in a circle."""
    with ExitStack() as held:
        for name in sorted(set(names)):
            held.enter_context(file_lock(store.root / name, store.lock_timeout))
        yield


# What a record of each list is called in a commit's summary.
KINDS = {"terms": "term", "concessions": "concession", "calls": "call",
         "milestones": "milestone", "stakeholders": "stakeholder", "scenarios": "scenario",
         "risks": "risk", "value_map": "value-map line", "agenda": "agenda topic",
         "lessons": "lesson", "onboarding": "workstream", "deal": "deal", "checklist":
         "checklist", "settings": "settings"}


def describe_change(root: Path, name: str, before: bytes | None, after: bytes | None) -> str:
    """"Northwind: 1 concession added, 1 term changed" for one file's new version."""
    def tables(data: bytes | None) -> Raw | None:
        if data is None:
            return None
        try:
            return checked(root, name, data)
        except StoreError:
            return None

    old, new = tables(before), tables(after)
    title = (_deal_name(new) or _deal_name(old) or Path(name).stem
             if name != PORTFOLIO_FILE else "Portfolio")
    if new is None:
        return f"{title}: removed"
    parts = []
    for table, (added, changed, removed) in changed_records(old, new).items():
        if table == "_meta":
            continue
        kind = KINDS.get(table, table)
        for count, what in ((added, "added"), (changed, "changed"), (removed, "removed")):
            if count and kind in ("deal", "checklist", "settings"):
                parts.append(f"{kind} {what}")
            elif count:
                parts.append(f"{counted(count, kind)} {what}")
    return f"{title}: {', '.join(parts)}" if parts else title
