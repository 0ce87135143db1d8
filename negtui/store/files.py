"""Writing an exported document: to a file atomically, or to standard output."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from negtui.store.durable import write_atomically
from negtui.store.repository import DEALS_DIR, PORTFOLIO_FILE

EXPORTS_DIR = "exports"
"""Where the app puts the documents it exports, inside the data folder."""


class InsideDataFolder(ValueError):
    """The output would land on a file the data folder keeps for itself."""


def is_kept_by_the_store(root: Path, target: Path) -> bool:
    """Whether ``target`` (once links are followed) is the data folder, or a file or folder
    inside it that negtui keeps: deal files, settings, backups, drafts, trash, locks and
    temp files. Only ``exports/`` and other plain files at the top stay free for exports."""
    try:
        relative = target.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    parts = relative.parts
    if not parts:
        return True
    if parts[0] == EXPORTS_DIR:
        return len(parts) == 1
    name = parts[0]
    return (len(parts) > 1 or name == DEALS_DIR or name.startswith(".")
            or name.startswith(PORTFOLIO_FILE) or name.endswith(".lock"))


def refuse_store_file(root: Path, target: str) -> None:
    """``InsideDataFolder`` when ``target`` is one of the files negtui keeps in ``root``."""
    if is_kept_by_the_store(root, Path(target).resolve()):
        raise InsideDataFolder(
            f"{target} is inside the data folder {root}, among the files negtui keeps "
            f"there; write it somewhere else (or into {Path(root) / EXPORTS_DIR})")


def write_output(target: str | None, text: str, root: Path | None = None) -> None:
    """``-o FILE`` gets a complete file or none at all; no ``-o`` prints to stdout.

    With ``root`` (the data folder), a target that is one of its own files is refused
    with ``InsideDataFolder``, before anything is written. A closed standard output is a
    ``BrokenPipeError``, as when the reader of a pipe has gone.
    """
    if target and target != "-":
        if root is not None:
            refuse_store_file(root, target)
        write_atomically(Path(target).resolve(), text)
        return
    if sys.stdout is None:
        raise BrokenPipeError(errno.EPIPE, "standard output is closed")
    sys.stdout.write(text)
    sys.stdout.flush()
