"""Several files changed as one: each new version goes to a temp file beside its target
first, and only once every one of them is on disk are they renamed into place.

A failure while the temps are written changes nothing. A failure while renaming puts back
every file already replaced, so the folder is again as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from negtui.store.durable import (
    WRITING,
    fsync_dir,
    rotate_backups,
    temp_name,
    write_temp,
)
from negtui.store.errors import FileProblem, StoreError


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
            try:
                for change in self.changes:
                    change.previous = _second_name(change.path)
                    os.replace(change.temp, change.path)
                    change.replaced = True
            except OSError as error:
                stuck = self._put_back()
                path = change.path if change is not None else self.root
                outcome = ("no file was changed" if not stuck else
                           "these could not be put back as they were: "
                           + ", ".join(str(p) for p in stuck))
                raise StoreError(FileProblem(
                    path, f"could not be saved: {error.strerror or error}; {outcome}")) from error
            except BaseException:
                self._put_back()
                raise
            for folder in {change.path.parent for change in self.changes}:
                fsync_dir(folder)
            for change in self.changes:
                if change.previous is not None:
                    # The old version becomes a backup, as after any other write. Every
                    # file is in place by now: a backup that cannot be made undoes nothing.
                    with contextlib.suppress(OSError):
                        rotate_backups(self.root, change.path, force=change.force_backup,
                                       source=change.previous)
            self.discard()

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
