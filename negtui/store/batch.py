"""Several files changed as one: each new version goes to a temp file beside its target
first, and only once every one of them is on disk are they renamed into place.

A failure while the temps are written changes nothing. A failure while renaming puts back
every file already replaced, so the folder is again as it was.

A process killed between two renames cannot put anything back, so before the first
rename a journal naming every file, its new version and a second name for its old one is
put on disk; it is removed once the last rename is done. The next time the folder is
opened (``finish_interrupted``), a journal left behind is finished: each rename not yet
done is done, so the batch is in place whole. If another writer has changed one of its
files since, finishing would lose that change: the batch is then taken back instead,
every file it had replaced getting its old version again.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from negtui.store.durable import (
    WRITING,
    fsync_dir,
    rotate_backups,
    temp_name,
    write_atomically,
    write_temp,
)
from negtui.store.errors import FileProblem, StoreError

JOURNALS = ".batch.*.journal"
"""In the data folder while a batch is being renamed into place, one for each batch (two
processes may commit batches of different files at the same time)."""


@dataclass
class _Change:
    path: Path
    temp: Path
    force_backup: bool
    previous: Path | None = None
    """A second name for the version it replaces, while the batch is committed."""
    replaced: bool = False


@dataclass
class Staged:
    """The new versions of several files under ``root``, written but not yet in place."""

    root: Path
    changes: list[_Change] = field(default_factory=list)

    def add(self, path: Path, text: str, *, force_backup: bool = False) -> None:
        """Write the new version of ``path`` to a temp file; ``path`` is not touched."""
        self.changes.append(_Change(path, write_temp(path, text), force_backup))

    def commit(self) -> None:
        """Rename every temp over its file; on any failure, undo those already renamed."""
        with WRITING:
            change = None
            journal = self.root / f".batch.{os.getpid()}.{secrets.token_hex(4)}.journal"
            try:
                for change in self.changes:
                    change.previous = _second_name(change.path)
                change = None
                write_atomically(journal, json.dumps(self._journal(), sort_keys=True))
                for change in self.changes:
                    os.replace(change.temp, change.path)
                    change.replaced = True
            except OSError as error:
                stuck = self._put_back()
                path = change.path if change is not None else self.root
                outcome = ("no file was changed" if not stuck else
                           "these could not be put back as they were: "
                           + ", ".join(str(p) for p in stuck))
                _remove(journal)
                raise StoreError(FileProblem(
                    path, f"could not be saved: {error.strerror or error}; {outcome}")) from error
            except BaseException:
                self._put_back()
                _remove(journal)
                raise
            for folder in {change.path.parent for change in self.changes}:
                fsync_dir(folder)
            _remove(journal)
            for change in self.changes:
                if change.previous is not None:
                    # The old version becomes a backup, as after any other write. Every
                    # file is in place by now: a backup that cannot be made undoes nothing.
                    with contextlib.suppress(OSError):
                        rotate_backups(self.root, change.path, force=change.force_backup,
                                       source=change.previous)
            self.discard()

    def _journal(self) -> dict[str, object]:
        def named(path: Path | None) -> str | None:
            return None if path is None else str(path.relative_to(self.root))

        return {"pid": os.getpid(), "changes": [
            {"path": named(c.path), "temp": named(c.temp), "previous": named(c.previous),
             "inode": os.stat(c.temp).st_ino} for c in self.changes]}

    def _put_back(self) -> list[Path]:
        """Undo every rename done; returns the files that could not be put back."""
        stuck = []
        for change in reversed(self.changes):
            if not change.replaced:
                continue
            try:
                if change.previous is not None:
                    os.replace(change.previous, change.path)
                    change.previous = None
                else:
                    change.path.unlink()
            except OSError:
                stuck.append(change.path)
        return stuck

    def discard(self) -> None:
        """Remove every temp file and second name left; the targets stay as they are."""
        for change in self.changes:
            for leftover in (change.temp, change.previous):
                if leftover is not None:
                    with contextlib.suppress(FileNotFoundError):
                        leftover.unlink()
        self.changes = []


def _second_name(path: Path) -> Path | None:
    """A hard link to the current version of ``path``, None when there is none yet."""
    if not os.path.lexists(path):
        return None
    aside = temp_name(path)
    try:
        os.link(path, aside, follow_symlinks=False)
    except OSError:
        # A file system without hard links: a copy, with the file's mode, does as well.
        shutil.copy2(path, aside, follow_symlinks=False)
    return aside


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        fsync_dir(path.parent)


def _same(path: Path, inode: int | None, other: Path | None) -> bool:
    """Whether ``path`` is the file with ``inode``, or the same file as ``other``; a
    missing ``path`` matches a missing ``other``."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return inode is None and other is None
    if inode is not None:
        return info.st_ino == inode
    return other is not None and os.path.lexists(other) and os.path.samefile(path, other)


def finish_interrupted(root: Path) -> list[str]:
    """Finish, or take back, each batch whose writer was killed half-way through renaming;
    returns what was done, in words."""
    return [done for journal in sorted(root.glob(JOURNALS))
            if (done := _finish(root, journal)) is not None]


def _finish(root: Path, journal: Path) -> str | None:
    from negtui.store.changes import file_lock
    from negtui.store.durable import pid_alive

    if not journal.is_file():
        return None
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
        pid = int(entries["pid"])
        changes = [(root / c["path"], root / c["temp"],
                    None if c["previous"] is None else root / c["previous"], int(c["inode"]))
                   for c in entries["changes"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # written only once on disk in full: half a journal means no rename ran
    if pid == os.getpid() or pid_alive(pid):
        return None  # still being written
    with contextlib.ExitStack() as held:
        for path in sorted({path for path, _, _, _ in changes}):
            held.enter_context(file_lock(path, 10.0))
        if not journal.is_file():
            return None  # another process finished it meanwhile
        pending = [(path, temp) for path, temp, previous, _ in changes
                   if temp.exists() and _same(path, None, previous)]
        done = [(path, previous) for path, temp, previous, inode in changes
                if not temp.exists() and _same(path, inode, None)]
        forward = len(pending) + len(done) == len(changes)
        with WRITING:
            if forward:
                for path, temp in pending:
                    os.replace(temp, path)
                for path, _, previous, _ in changes:
                    if previous is not None:  # the old version becomes a backup, as ever
                        with contextlib.suppress(OSError):
                            rotate_backups(root, path, source=previous)
            else:
                for path, previous in done:
                    if previous is not None:
                        os.replace(previous, path)
                    else:
                        path.unlink()
            for folder in {path.parent for path, _, _, _ in changes}:
                fsync_dir(folder)
            _remove(journal)
        for _, temp, previous, _ in changes:
            for leftover in (temp, previous):
                if leftover is not None:
                    with contextlib.suppress(FileNotFoundError):
                        leftover.unlink()
    return ("finished writing " if forward else "took back ") + ", ".join(
        str(path.relative_to(root)) for path, _, _, _ in changes)
